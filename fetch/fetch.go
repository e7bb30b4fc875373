// Package fetch gets web pages and feeds over HTTP for ingestion, politely
// and safely: every request has a connect and a total timeout, a response
// size limit, a bounded number of redirects, a User-Agent that names the
// program, and at most PerHost requests in flight to any one host.
//
// Unless Options.AllowPrivate is set, no connection is made to a loopback,
// private, link-local (169.254.0.0/16, where cloud metadata services live),
// multicast, unspecified or otherwise reserved address. The check runs in the
// dialer's Control function, on the address actually being dialled after
// name resolution, so a name that resolves to 127.0.0.1 (DNS rebinding) or a
// redirect to an internal address is refused as surely as a literal one.
// Proxies from the environment are not used, since the dialled address would
// then be the proxy's and the check would not see the target.
//
// Every error is a *Error naming the URL and the reason; errors.Is finds
// ErrBlocked, ErrTooLarge (newsgraph.ErrTooLarge), ErrStatus,
// ErrTooManyRedirects and ErrScheme through it.
//
// # Concurrency
//
// A Fetcher is safe for concurrent use by any number of goroutines and
// should be shared: the per-host limit and the connection pool are per
// Fetcher. Requests beyond PerHost to one host wait (and honour their
// context while waiting).
//
// # Performance
//
// Bodies are read into memory, at most MaxBytes each; connections are kept
// alive and reused. Throughput is bound by the network and PerHost, not by
// this package.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph"
)

// Version goes into the default User-Agent.
const Version = "0.1"

// DefaultUserAgent names the program and where to read about it, so that a
// site's operator can tell what is fetching their pages.
const DefaultUserAgent = "newsgraph/" + Version + " (+https://github.com/newsgraph/newsgraph)"

// Defaults of Options.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBytes       = 16 << 20
	DefaultPerHost        = 2
	DefaultMaxRedirects   = 5
)

// Errors of fetching, found with errors.Is through an *Error.
var (
	ErrBlocked          = errors.New("address not allowed")
	ErrTooLarge         = newsgraph.ErrTooLarge
	ErrStatus           = errors.New("unexpected HTTP status")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrScheme           = errors.New("only http and https URLs can be fetched")
)

// Error is the failure to fetch one URL.
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return "fetch " + e.URL + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Options configure a Fetcher; zero values take the defaults above.
type Options struct {
	Timeout        time.Duration // whole request, body included
	ConnectTimeout time.Duration // TCP connect, and the TLS handshake separately
	MaxBytes       int64         // response body limit after content decoding
	PerHost        int           // requests in flight per host
	MaxRedirects   int           // redirects followed; negative means none
	UserAgent      string
	// AllowPrivate permits loopback, private and link-local addresses: for
	// tests against a local server and for intranet sources on purpose.
	AllowPrivate bool
}

// Response is a fetched body.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string // the Content-Type header as sent
	Body        []byte // as sent (content encoding removed), not converted to UTF-8
}

// Fetcher gets URLs. Create one with New and share it.
type Fetcher struct {
	opts   Options
	client *http.Client
	// exempt is one address that may be dialled despite the check: tests
	// use it to reach a loopback server and see the next hop refused.
	exempt netip.AddrPort

	mu    sync.Mutex
	hosts map[string]chan struct{} // per-host semaphores, created on first use
}

// New returns a Fetcher with the options, defaults filled in.
func New(o Options) *Fetcher { return newFetcher(o, netip.AddrPort{}) }

func newFetcher(o Options, exempt netip.AddrPort) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	f := &Fetcher{opts: o, hosts: map[string]chan struct{}{}, exempt: exempt}
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = f.refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil, // see the package doc
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   o.ConnectTimeout,
		ResponseHeaderTimeout: o.Timeout,
		MaxIdleConnsPerHost:   o.PerHost,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	f.client = &http.Client{
		Transport: &hostLimiter{next: transport, f: f},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if o.MaxRedirects < 0 || len(via) > o.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, max(o.MaxRedirects, 0))
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
			}
			req.Header.Set("User-Agent", o.UserAgent)
			return nil
		},
	}
	return f
}

// Get fetches a URL and reads its body. A status other than 2xx is an error
// (ErrStatus), as is a body over MaxBytes (ErrTooLarge).
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	fail := func(err error) (*Response, error) { return nil, &Error{URL: rawURL, Err: err} }
	u, err := url.Parse(rawURL)
	if err != nil {
		return fail(err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fail(ErrScheme)
	}
	if u.Host == "" {
		return fail(errors.New("no host in URL"))
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fail(err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return fail(reason(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(fmt.Errorf("%w %s", ErrStatus, resp.Status))
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return fail(fmt.Errorf("%w: Content-Length %d is over the limit of %d bytes", ErrTooLarge, resp.ContentLength, f.opts.MaxBytes))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return fail(fmt.Errorf("read body: %w", reason(err)))
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return fail(fmt.Errorf("%w: body over the limit of %d bytes", ErrTooLarge, f.opts.MaxBytes))
	}
	return &Response{
		URL:         resp.Request.URL.String(),
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
	}, nil
}

// reason strips the *url.Error wrapper (the URL is in our own Error) and
// says "timed out" plainly.
func reason(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out: %w", err)
	}
	return err
}

// MediaType is the lower-case media type of a Content-Type header, without
// parameters; "" when there is none.
func MediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// UTF8 converts an HTML or text body to UTF-8, using the charset of the
// Content-Type header, a byte order mark or a <meta> declaration (the
// HTML5 sniffing algorithm), and replaces any remaining invalid bytes with
// U+FFFD so that what comes out is always valid UTF-8.
func UTF8(body []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name != "utf-8" && enc != nil {
		if out, err := enc.NewDecoder().Bytes(body); err == nil {
			body = out
		}
	}
	return []byte(strings.ToValidUTF8(string(body), "\uFFFD"))
}

// hostLimiter holds a per-host slot for each round trip, redirects
// included, until the response body is closed.
type hostLimiter struct {
	next http.RoundTripper
	f    *Fetcher
}

func (h *hostLimiter) RoundTrip(req *http.Request) (*http.Response, error) {
	sem := h.f.semaphore(req.URL.Host)
	select {
	case sem <- struct{}{}:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	resp, err := h.next.RoundTrip(req)
	if err != nil {
		<-sem
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: func() { <-sem }}
	return resp, nil
}

func (f *Fetcher) semaphore(host string) chan struct{} {
	host = strings.ToLower(host)
	f.mu.Lock()
	defer f.mu.Unlock()
	sem, ok := f.hosts[host]
	if !ok {
		sem = make(chan struct{}, f.opts.PerHost)
		f.hosts[host] = sem
	}
	return sem
}

type releasingBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}

// refusePrivate is the dialer's Control function: it sees the IP address
// about to be connected to, after resolution, for every connection.
func (f *Fetcher) refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: dial address %q is not an IP address and port", ErrBlocked, address)
	}
	if f.exempt.IsValid() && ap == f.exempt {
		return nil
	}
	ip := ap.Addr()
	if why := Forbidden(ip); why != "" {
		return fmt.Errorf("%w: %s is a %s address (AllowPrivate is off)", ErrBlocked, ip, why)
	}
	return nil
}

// reserved are IPv4 and IPv6 ranges that are not public unicast but that
// netip's predicates do not cover.
var reserved = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "\"this network\""},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignment"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local NAT64"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("100::/64"), "discard"},
}

// Forbidden says why an address may not be dialled without AllowPrivate,
// or "" when it may. IPv4-mapped IPv6 addresses are judged as IPv4.
func Forbidden(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	case ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	if ip.Is4() && ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
		return "broadcast"
	}
	for _, r := range reserved {
		if r.prefix.Contains(ip) {
			return r.why
		}
	}
	return ""
}
