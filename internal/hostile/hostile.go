// Package hostile makes hostile inputs at test time — endless streams,
// gzip bombs, HTML nested a hundred thousand deep, billion-laughs feeds,
// WARC records whose Content-Length lies, invalid UTF-8, NUL bytes — and
// measures what the code under test spends on them (time, peak heap,
// bytes read), so that the tests of every reader can say "refused with a
// clear error within this time and this memory".
//
// Nothing here is checked in as a blob: every input is generated, most of
// them lazily, so a "10 GB stream" or a gzip stream that inflates to 4 GiB
// costs a few kilobytes of memory until someone reads it all.
//
// # Invariants
//   - Every generator is deterministic: the same arguments give the same
//     bytes, so a failure reproduces.
//   - Readers made here never hold more than one small block in memory,
//     whatever length they claim.
//
// # Concurrency
// Generators are pure functions; a Reader or Counter is used by one
// goroutine at a time, its count may be read from any (atomic).
//
// # Performance
// Stream produces about 10 GB/s (copying one block); GzipBomb's output is
// 1/1000 of its inflated size and costs one compression of 1 MiB to build.
package hostile

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// GB is 10⁹ bytes, the unit of the "10 GB stream".
const GB = 1_000_000_000

// Stream returns a reader of n bytes made by repeating pattern, produced as
// it is read. n may be far larger than memory (10*GB).
func Stream(n int64, pattern []byte) io.Reader {
	if len(pattern) == 0 {
		pattern = []byte{'a'}
	}
	block := bytes.Repeat(pattern, max(1, (64<<10)/len(pattern)))
	return &repeater{block: block, left: n}
}

type repeater struct {
	block []byte
	off   int
	left  int64
}

func (r *repeater) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && r.left > 0 {
		k := copy(p[n:], r.block[r.off:])
		if int64(k) > r.left {
			k = int(r.left)
		}
		n += k
		r.left -= int64(k)
		r.off = (r.off + k) % len(r.block)
	}
	return n, nil
}

// Text is a stream of n bytes of English-looking words: plain text that
// every reader accepts until it is too long.
func Text(n int64) io.Reader {
	return Stream(n, []byte("The minister said on Friday that talks would continue. "))
}

// Counter counts the bytes read through it, so a test can assert that a
// reader stopped near its limit instead of draining a 10 GB stream.
type Counter struct {
	R io.Reader
	n atomic.Int64
}

func (c *Counter) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// N is the number of bytes read so far.
func (c *Counter) N() int64 { return c.n.Load() }

// member is one gzip member of 1 MiB of one byte, compressed once.
var members sync.Map // byte → []byte

const memberSize = 1 << 20

func member(fill byte) []byte {
	if m, ok := members.Load(fill); ok {
		return m.([]byte)
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(bytes.Repeat([]byte{fill}, memberSize))
	zw.Close()
	members.Store(fill, b.Bytes())
	return b.Bytes()
}

// Gzip compresses data as one gzip member.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// GzipBomb is a gzip stream whose content is prefix, then inflate bytes of
// fill, then suffix. It is a sequence of gzip members (which every gzip
// reader joins into one stream) made lazily from one compressed 1 MiB
// member, so 4 GiB of content costs about 4 MB of reading and nothing of
// memory. inflate is rounded up to whole MiB.
func GzipBomb(prefix []byte, inflate int64, fill byte, suffix []byte) io.Reader {
	m := member(fill)
	count := (inflate + memberSize - 1) / memberSize
	readers := []io.Reader{bytes.NewReader(Gzip(prefix))}
	readers = append(readers, Stream(count*int64(len(m)), m))
	if len(suffix) > 0 {
		readers = append(readers, bytes.NewReader(Gzip(suffix)))
	}
	return io.MultiReader(readers...)
}

// ReadAll reads a whole (small, finite) reader; for tests that need bytes.
func ReadAll(r io.Reader) []byte {
	b, err := io.ReadAll(r)
	if err != nil {
		panic(err)
	}
	return b
}

// DeepHTML is a page whose body nests depth <div> elements (or the tag
// given), with a sentence at the bottom.
func DeepHTML(depth int, tag string) []byte {
	if tag == "" {
		tag = "div"
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
	open, close := "<"+tag+">", "</"+tag+">"
	for range depth {
		b.WriteString(open)
	}
	b.WriteString("<p>The minister said on Friday that talks would continue.</p>")
	for range depth {
		b.WriteString(close)
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// BillionLaughs is an RSS feed whose DTD defines entities that expand ten
// times at each of levels levels (10⁹ "lol"s for levels = 9), used in the
// title and description of its one item.
func BillionLaughs(levels int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n<!DOCTYPE rss [\n  <!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "  <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	top := fmt.Sprintf("&lol%d;", levels)
	b.WriteString("]>\n<rss version=\"2.0\"><channel><title>" + top + "</title><link>https://example.com/</link>\n")
	b.WriteString("<item><title>" + top + "</title><link>https://example.com/a</link><description>" + top +
		" The minister said on Friday that talks would continue.</description></item>\n</channel></rss>\n")
	return []byte(b.String())
}

// WARCRecord is one WARC response record whose Content-Length header says
// claimed (use -1 for the true length) while block is what follows.
func WARCRecord(uri string, block []byte, claimed int64) []byte {
	if claimed < 0 {
		claimed = int64(len(block))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-04-26T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\nContent-Type: application/http;msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n", uri, uint32(len(uri)*7919+len(block)), claimed)
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// HTTPPage is an HTTP response carrying an HTML page with one paragraph,
// the block of a WARC response record.
func HTTPPage(title, paragraph string) []byte {
	body := "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
		"</h1><p>" + paragraph + "</p><p>" + paragraph + "</p></article></body></html>"
	return []byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body))
}

// InvalidUTF8 is text with bytes that are not UTF-8 scattered through it:
// a lone continuation byte, an overlong encoding, a surrogate, a cut rune.
func InvalidUTF8() []byte {
	return []byte("The minister said \x80 on Friday \xc0\xaf that \xed\xa0\x80 talks would continue \xe2\x82")
}

// NULs is text with NUL bytes in it.
func NULs() []byte {
	return []byte("The minister\x00 said on Friday\x00\x00 that talks would continue.\x00")
}

// Garbage is n pseudo-random bytes from seed.
func Garbage(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// Usage is what a run of a function cost.
type Usage struct {
	Elapsed   time.Duration
	PeakHeap  uint64 // highest HeapAlloc seen during the run, above the baseline
	Allocated uint64 // TotalAlloc during the run
	TimedOut  bool
}

func (u Usage) String() string {
	return fmt.Sprintf("%v, peak heap +%.1f MiB, allocated %.1f MiB", u.Elapsed.Round(time.Millisecond),
		float64(u.PeakHeap)/(1<<20), float64(u.Allocated)/(1<<20))
}

// Measure runs fn, sampling the heap every few milliseconds, and gives up
// waiting after deadline (the goroutine is left to finish; the caller
// fails the test). The peak is sampled, so a spike shorter than the period
// can be missed; Allocated is exact.
func Measure(deadline time.Duration, fn func()) Usage {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		fn()
	}()
	peak := before.HeapAlloc
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	timeout := time.NewTimer(deadline)
	defer timeout.Stop()
	var u Usage
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
		u.Allocated = m.TotalAlloc - before.TotalAlloc
	}
loop:
	for {
		select {
		case <-done:
			break loop
		case <-tick.C:
			sample()
		case <-timeout.C:
			u.TimedOut = true
			break loop
		}
	}
	u.Elapsed = time.Since(start)
	sample()
	if peak > before.HeapAlloc {
		u.PeakHeap = peak - before.HeapAlloc
	}
	return u
}
