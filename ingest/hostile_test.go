package ingest_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/hostile"
)

// TestHostileStdin feeds a 10 GB stream to standard input: ReadFile must
// stop just past its size limit, holding no more than about twice the
// limit, in well under a second per limit read.
func TestHostileStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &hostile.Counter{R: hostile.Text(10 * hostile.GB)}
	go func() {
		io.Copy(w, c) // ends with EPIPE once the reader closes
		w.Close()
	}()
	saved := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = saved; r.Close() }()
	const limit = 4 << 20
	hostile.Expect(t, "10 GB on standard input", 10*time.Second, 4*limit+8*hostile.MiB, newsgraph.ErrTooLarge, func() error {
		_, err := ingest.ReadFile("-", ingest.Options{MaxSize: limit})
		return err
	})
	r.Close()
	if n := c.N(); n > limit+(4<<20) {
		t.Errorf("read %d bytes of the stream, want about the limit %d", n, limit)
	}
}

// TestHostileFiles reads files that are hostile on disk: a sparse 10 GB
// file, invalid UTF-8, NUL bytes, HTML nested 100,000 deep, a page of a
// million empty elements, random bytes.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "huge.txt")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(10 * hostile.GB); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wide := []byte("<html><body>")
	for range 1_100_000 {
		wide = append(wide, "<b></b>"...)
	}
	cases := []struct {
		name string
		path string
		want error
	}{
		{"sparse 10 GB file", sparse, newsgraph.ErrTooLarge},
		{"invalid UTF-8", write("bad.txt", hostile.InvalidUTF8()), newsgraph.ErrNotUTF8},
		{"NUL bytes", write("nul.txt", hostile.NULs()), newsgraph.ErrBinary},
		{"HTML nested 100,000 deep", write("deep.html", hostile.DeepHTML(100_000, "div")), ingest.ErrTooDeep},
		{"HTML nested 100,000 deep in <b>", write("deepb.html", hostile.DeepHTML(100_000, "b")), nil},
		{"HTML of 1.1 million elements", write("wide.html", wide), nil},
		{"random bytes", write("random.bin", hostile.Garbage(1<<20, 7)), nil},
		{"empty", write("empty.txt", nil), newsgraph.ErrEmpty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hostile.Expect(t, c.name, 20*time.Second, 512*hostile.MiB, c.want, func() error {
				_, err := ingest.ReadFile(c.path, ingest.Options{})
				var ie *ingest.Error
				if err != nil && !errors.As(err, &ie) {
					t.Errorf("error %T is not an *ingest.Error", err)
				}
				return err
			})
		})
	}
}
