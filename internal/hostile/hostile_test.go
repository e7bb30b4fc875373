package hostile

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
	"unicode/utf8"
)

func TestStreamLength(t *testing.T) {
	for _, n := range []int64{0, 1, 7, 64 << 10, 1<<20 + 3} {
		got, _ := io.Copy(io.Discard, Stream(n, []byte("abc")))
		if got != n {
			t.Errorf("Stream(%d) gave %d bytes", n, got)
		}
	}
	b, _ := io.ReadAll(Stream(7, []byte("abc")))
	if string(b) != "abcabca" {
		t.Errorf("Stream(7, abc) = %q", b)
	}
}

func TestGzipBombInflates(t *testing.T) {
	const inflate = 64 << 20
	c := &Counter{R: GzipBomb([]byte("head:"), inflate, 'x', []byte(":tail"))}
	zr, err := gzip.NewReader(c)
	if err != nil {
		t.Fatal(err)
	}
	var head [5]byte
	io.ReadFull(zr, head[:])
	n, err := io.Copy(io.Discard, zr)
	if err != nil || string(head[:]) != "head:" || n != inflate+5 {
		t.Fatalf("inflated %q + %d bytes (err %v), want head: + %d", head, n, err, inflate+5)
	}
	if c.N() > inflate/500 {
		t.Errorf("compressed size %d is not a bomb (inflates to %d)", c.N(), inflate)
	}
	t.Logf("%d MiB from %d KiB of gzip", inflate>>20, c.N()>>10)
}

func TestGeneratorsAreWhatTheySay(t *testing.T) {
	if utf8.Valid(InvalidUTF8()) {
		t.Error("InvalidUTF8 is valid")
	}
	if bytes.IndexByte(NULs(), 0) < 0 {
		t.Error("NULs has no NUL")
	}
	if !bytes.Equal(Garbage(64, 1), Garbage(64, 1)) || bytes.Equal(Garbage(64, 1), Garbage(64, 2)) {
		t.Error("Garbage is not a function of its seed")
	}
	if d := DeepHTML(3, ""); !bytes.Contains(d, []byte("<div><div><div><p>")) {
		t.Errorf("DeepHTML(3) = %s", d)
	}
	if Article(1, 2) != Article(1, 2) || Article(1, 2) == Article(1, 3) {
		t.Error("Article is not a function of its seed and index")
	}
}
