package warc_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/hostile"
	"github.com/newsgraph/newsgraph/warc"
)

func page(i int) []byte {
	return hostile.HTTPPage(fmt.Sprintf("Talks resume %d", i),
		"The foreign minister said on Friday that the talks would resume next week, officials in the capital confirmed.")
}

// readAll reads a WARC stream and returns the articles, the per-record
// errors and the file's error (the first of those two, or the last, is
// what Expect checks).
func readAll(r io.Reader, o warc.Options) (arts []newsgraph.Article, recErrs []error, err error) {
	_, err = warc.Read(r, "hostile.warc", o, func(a newsgraph.Article, e error) bool {
		if e != nil {
			recErrs = append(recErrs, e)
		} else {
			arts = append(arts, a)
		}
		return true
	})
	return arts, recErrs, err
}

// TestHostileWARC: a .warc.gz that inflates to 4 GiB, records whose
// Content-Length lies both ways, an endless header line. Each is refused
// with an error naming the cause, in bounded time and memory, and the good
// records beside the bad one are still read.
func TestHostileWARC(t *testing.T) {
	good := hostile.WARCRecord("https://example.com/good", page(1), -1)
	head := []byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/bomb\r\n" +
		"WARC-Record-ID: <urn:uuid:11111111-0000-4000-8000-000000000000>\r\nContent-Type: application/http;msgtype=response\r\n" +
		"Content-Length: 4294967296\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>")
	for _, bomb := range []struct {
		name string
		fill byte
		want error
	}{{"one line", 'a', warc.ErrLineTooLong}, {"many lines", '\n', warc.ErrRecordTooLarge}} {
		t.Run("gzip bomb of 4 GiB, "+bomb.name, func(t *testing.T) {
			testBomb(t, good, head, bomb.fill, bomb.want)
		})
	}
	t.Run("Content-Length short", func(t *testing.T) {
		in := bytes.Join([][]byte{good, hostile.WARCRecord("https://example.com/short", page(2), 100), hostile.WARCRecord("https://example.com/after", page(3), -1)}, nil)
		var arts []newsgraph.Article
		hostile.Expect(t, "WARC Content-Length shorter than the record", 5*time.Second, 64*hostile.MiB, nil, func() error {
			a, recErrs, err := readAll(bytes.NewReader(in), warc.Options{})
			arts = a
			if len(recErrs) > 0 {
				return recErrs[0]
			}
			return err
		})
		if len(arts) < 2 {
			t.Errorf("read %d good articles beside the lying record, want 2", len(arts))
		}
	})
	t.Run("Content-Length long", func(t *testing.T) {
		in := bytes.Join([][]byte{good, hostile.WARCRecord("https://example.com/long", page(2), 10<<20)}, nil)
		var arts []newsgraph.Article
		hostile.Expect(t, "WARC Content-Length 10 MiB past the end", 5*time.Second, 64*hostile.MiB, nil, func() error {
			a, recErrs, err := readAll(bytes.NewReader(in), warc.Options{})
			arts = a
			if err == nil && len(recErrs) > 0 {
				err = recErrs[0]
			}
			return err
		})
		if len(arts) < 1 {
			t.Errorf("the good record before the lying one was lost")
		}
	})
	t.Run("Content-Length 1 TB", func(t *testing.T) {
		in := bytes.Join([][]byte{good, hostile.WARCRecord("https://example.com/tera", page(2), 1<<40)}, nil)
		hostile.Expect(t, "WARC Content-Length of 1 TB", 5*time.Second, 64*hostile.MiB, nil, func() error {
			_, recErrs, err := readAll(bytes.NewReader(in), warc.Options{})
			if err == nil && len(recErrs) > 0 {
				err = recErrs[0]
			}
			return err
		})
	})
	t.Run("endless header line", func(t *testing.T) {
		c := &hostile.Counter{R: io.MultiReader(bytes.NewReader([]byte("WARC/1.1\r\nWARC-Type: ")), hostile.Stream(10*hostile.GB, []byte("x")))}
		hostile.Expect(t, "WARC header line of 10 GB", 10*time.Second, 256*hostile.MiB, nil, func() error {
			_, recErrs, err := readAll(c, warc.Options{})
			if err == nil && len(recErrs) > 0 {
				err = recErrs[0]
			}
			return err
		})
		if c.N() > 256<<20 {
			t.Errorf("read %d MiB of an endless line", c.N()>>20)
		}
	})
}

func testBomb(t *testing.T, good, head []byte, fill byte, want error) {
	c := &hostile.Counter{R: hostile.GzipBomb(head, 4<<30, fill, nil)}
	hostile.Expect(t, fmt.Sprintf("warc.gz inflating to 4 GiB of %q", fill), 20*time.Second, 400*hostile.MiB, want, func() error {
		arts, recErrs, err := readAll(io.MultiReader(bytes.NewReader(hostile.Gzip(good)), c), warc.Options{})
		if len(arts) != 1 {
			t.Errorf("%d articles, want the good one before the bomb", len(arts))
		}
		if err == nil && len(recErrs) > 0 {
			err = recErrs[0]
		}
		return err
	})
	if c.N() > 1<<20 {
		t.Errorf("read %d KiB of gzip (%d MiB inflated): the limit did not stop it early", c.N()>>10, c.N())
	}
}
