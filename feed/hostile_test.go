package feed_test

import (
	"io"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/internal/hostile"
)

// TestHostileFeeds: a billion-laughs DTD, a 10 GB feed, a feed of random
// bytes. None expands, none is read past the limit.
func TestHostileFeeds(t *testing.T) {
	t.Run("billion laughs", func(t *testing.T) {
		var f feed.Feed
		u := hostile.Measure(5*time.Second, func() {
			f, _ = feed.Read(bytesReader(hostile.BillionLaughs(9)), "laughs.xml", feed.Options{})
		})
		if u.TimedOut || u.PeakHeap > 64*hostile.MiB {
			t.Fatalf("billion laughs: %s", u)
		}
		for _, it := range f.Items {
			if len(it.Text)+len(it.Title) > 10_000 {
				t.Fatalf("entities were expanded: %d bytes", len(it.Text)+len(it.Title))
			}
		}
		t.Logf("hostile billion-laughs feed: %d items, entities left unexpanded (%s)", len(f.Items), u)
	})
	t.Run("10 GB feed", func(t *testing.T) {
		head := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><description>`)
		c := &hostile.Counter{R: io.MultiReader(bytesReader(head), hostile.Text(10*hostile.GB))}
		hostile.Expect(t, "10 GB feed", 10*time.Second, 128*hostile.MiB, feed.ErrTooLarge, func() error {
			_, err := feed.Read(c, "endless.xml", feed.Options{})
			return err
		})
		if c.N() > feed.MaxSize+(1<<20) {
			t.Errorf("read %d bytes, limit %d", c.N(), feed.MaxSize)
		}
	})
	t.Run("random bytes", func(t *testing.T) {
		hostile.Expect(t, "feed of random bytes", 5*time.Second, 64*hostile.MiB, feed.ErrNotFeed, func() error {
			_, err := feed.Read(bytesReader(hostile.Garbage(1<<20, 3)), "random.xml", feed.Options{})
			return err
		})
	})
}

func bytesReader(b []byte) io.Reader { return &sliceReader{b: b} }

type sliceReader struct{ b []byte }

func (r *sliceReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}
