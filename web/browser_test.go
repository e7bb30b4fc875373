package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph"
)

const chromiumPath = "/usr/bin/chromium"

// screensDir also gets every screenshot, for a person to look at.
const screensDir = "/tmp/newsgraph-screens"

// pageMetrics is what the browser measured for one view.
type pageMetrics struct {
	View       string  `json:"view"`
	Bytes      int     `json:"bytes"`        // transferred, page and assets, cache disabled
	Decoded    int     `json:"decoded"`      // bodies after decompression
	Requests   int     `json:"requests"`     // page and assets
	LoadMs     float64 `json:"load_ms"`      // navigation start to load event end
	DCLMs      float64 `json:"dcl_ms"`       // navigation start to DOMContentLoaded end
	LayoutShft float64 `json:"layout_shift"` // cumulative layout shift
	ServerMs   float64 `json:"server_ms"`    // request sent to first byte of the page
}

const metricsJS = `new Promise(resolve => {
  let cls = 0;
  try {
    new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; })
      .observe({type: "layout-shift", buffered: true});
  } catch (e) {}
  setTimeout(() => {
    const n = performance.getEntriesByType("navigation")[0];
    const rs = performance.getEntriesByType("resource");
    resolve({
      bytes: n.transferSize + rs.reduce((s, r) => s + r.transferSize, 0),
      decoded: n.decodedBodySize + rs.reduce((s, r) => s + r.decodedBodySize, 0),
      requests: 1 + rs.length,
      load_ms: n.loadEventEnd - n.startTime,
      dcl_ms: n.domContentLoadedEventEnd - n.startTime,
      layout_shift: cls,
      server_ms: n.responseStart - n.requestStart,
    });
  }, 150);
})`

// TestBrowser drives every view in headless Chromium over a store of the
// model article and a few dozen PolNeAR articles, checks what a reader
// sees, saves screenshots and measures page weight and load time.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped under -short: drives headless Chromium")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("skipped: %s is absent (apt-get install chromium)", chromiumPath)
	}
	// NEWSGRAPH_WEB_POLNEAR sets how many PolNeAR articles join the model
	// article (default 40; 1012 is all of them, for measuring page weight
	// on a fuller store).
	polnear := 40
	if n, err := strconv.Atoi(os.Getenv("NEWSGRAPH_WEB_POLNEAR")); err == nil && n >= 0 {
		polnear = n
	}
	st, docID := testStore(t, polnear)
	srv := httptest.NewServer(Handler(st, Options{}))
	defer srv.Close()
	zel := actorByName(t, st, "Volodymyr Zelensky")
	trump := actorByName(t, st, "Donald Trump")

	artifacts := os.Getenv("NEWSGRAPH_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	}
	for _, d := range []string{artifacts, screensDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Script errors and console errors (CSP violations are reported there)
	// fail the test. The subscriptions start before the first page.
	var mu sync.Mutex
	var problems []string
	report := func(p string) {
		mu.Lock()
		problems = append(problems, p)
		mu.Unlock()
	}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	logs := chromedp.Events(ctx, log.EntryAdded)
	consoles := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for e, err := range exceptions {
			if err != nil {
				return
			}
			report("exception: " + e.ExceptionDetails.Text)
		}
	}()
	go func() {
		for e, err := range logs {
			if err != nil {
				return
			}
			if e.Entry.Level == log.EntryLevelError {
				report("console: " + e.Entry.Text + " " + e.Entry.URL)
			}
		}
	}()
	go func() {
		for e, err := range consoles {
			if err != nil {
				return
			}
			if string(e.Type) == "error" {
				report("console.error called")
			}
		}
	}()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}

	var metrics []pageMetrics
	visit := func(t *testing.T, view, path, ready string) {
		t.Helper()
		u := path
		if !strings.HasPrefix(u, "http") {
			u = srv.URL + path
		}
		load := func() pageMetrics {
			if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
				t.Fatalf("visit %s: %v", path, err)
			}
			m, err := chromedp.Run(ctx, chromedp.Evaluate[pageMetrics](metricsJS, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("measure %s: %v", path, err)
			}
			return m
		}
		m := load()
		if m.LayoutShft > 0.01 {
			// On a machine busy with other tests the first layout of a
			// page can be cut short and redone; a shift of the page itself
			// comes back on a second load, which is the one judged.
			t.Logf("%s: layout shift %.3f on the first load, loading again", view, m.LayoutShft)
			m = load()
		}
		m.View = view
		metrics = append(metrics, m)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", view, err)
		}
		// What a reader sees first: the chart when the page has one.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector("figure.chart, .matrixwrap"); if (f) f.scrollIntoView(); })()`)); err != nil {
			t.Fatal(err)
		}
		top, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", view, err)
		}
		for _, d := range []string{artifacts, screensDir} {
			if err := os.WriteFile(filepath.Join(d, view+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(d, view+"-view.png"), top, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	eval := func(t *testing.T, js string, out any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("evaluate %s: %v (%s)", js, err, raw)
		}
	}
	text := func(t *testing.T, sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	t.Run("home", func(t *testing.T) {
		visit(t, "home", "/", ".stats")
		// The first Tab reaches the skip link, and it is visible then.
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		var cls string
		eval(t, `document.activeElement.className`, &cls)
		if cls != "skip" {
			t.Errorf("first Tab focuses %q, want the skip link", cls)
		}
	})

	t.Run("search", func(t *testing.T) {
		visit(t, "search", "/search?q=Crimea", "#h-docs")
		body := text(t, "main")
		for _, w := range []string{"Trump and Zelensky meet in Rome", "Crimea will remain with Russia"} {
			if !strings.Contains(body, w) {
				t.Errorf("search page lacks %q", w)
			}
		}
	})

	t.Run("document", func(t *testing.T) {
		visit(t, "document", "/documents/"+docID, ".text")
		// Every highlighted fact starts where the record says: the first
		// piece of each span is a prefix of the fact's own text, which
		// checks the code-point conversion in the browser's own terms.
		raw, err := st.Document(context.Background(), docID)
		if err != nil {
			t.Fatal(err)
		}
		var rec newsgraph.Record
		if err := json.Unmarshal(raw, &rec); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, q := range rec.Quotes {
			want[q.ID] = q.Text
		}
		for _, tm := range rec.Times {
			want[tm.ID] = tm.Text
		}
		for _, v := range rec.Events {
			want[v.ID] = v.Trigger.Text
		}
		var got map[string]string
		eval(t, `Object.fromEntries([...document.querySelectorAll(".text [id]")].map(e => [e.id, e.textContent]))`, &got)
		for id, w := range want {
			g, ok := got[id]
			if !ok {
				t.Errorf("no highlighted span #%s (%q)", id, w)
				continue
			}
			// A quote's speaker label is CSS content, not text, so textContent is the span's text.
			if g == "" || !strings.HasPrefix(w, g) && !strings.HasPrefix(g, w) {
				t.Errorf("span #%s shows %q, record says %q", id, g, w)
			}
		}
		// Captions and dropped residue are shown apart from the text.
		apart := text(t, ".apart")
		if !strings.Contains(apart, "AFP") || !strings.Contains(apart, "Show more") {
			t.Errorf("captions and dropped residue not shown apart: %q", apart)
		}
		if body := text(t, ".text"); strings.Contains(body, "Show more") {
			t.Errorf("dropped residue inside the text")
		}
		// The side panel's links reach their spans.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.facts a[href="#t1"]`))); err != nil {
			t.Fatal(err)
		}
		var target string
		eval(t, `document.querySelector(":target") && document.querySelector(":target").id`, &target)
		if target != "t1" {
			t.Errorf("after following the link to #t1 the target is %q", target)
		}
	})

	t.Run("dossier Zelensky", func(t *testing.T) {
		visit(t, "dossier-zelensky", "/actors/"+zel, "#h-names")
		names := text(t, `section[aria-labelledby="h-names"]`)
		for _, w := range []string{"Zelensky", "Zelenskyi", "Selensky", "Voldymyr Zelensky", "Volodymyr Zelensky"} {
			if !containsLine(names, w) {
				t.Errorf("dossier lacks the spelling %q; names: %q", w, names)
			}
		}
		if pos := text(t, `section[aria-labelledby="h-pos"]`); !strings.Contains(pos, "Crimea") || !strings.Contains(pos, "rejects") {
			t.Errorf("dossier positions lack the rejection on Crimea: %q", pos)
		}
	})

	t.Run("dossier Trump", func(t *testing.T) {
		visit(t, "dossier-trump", "/actors/"+trump, "#h-quotes")
		var li string
		eval(t, `(() => { const li = [...document.querySelectorAll(".quotes > li")].find(l => l.textContent.includes("Crimea will remain with Russia")); return li ? li.textContent : ""; })()`, &li)
		if li == "" {
			t.Fatalf("Trump's dossier lacks the quote \"Crimea will remain with Russia\"")
		}
		if !strings.Contains(li, "Time Magazine") {
			t.Errorf("the quote's venue is not shown: %q", li)
		}
		var href string
		eval(t, `[...document.querySelectorAll(".quotes > li")].find(l => l.textContent.includes("Crimea will remain")).querySelector("a[href*='/documents/']").getAttribute("href")`, &href)
		if !strings.HasPrefix(href, "/documents/"+docID+"#q") {
			t.Errorf("the quote links to %q, want its document's span", href)
		}
	})

	t.Run("timeline", func(t *testing.T) {
		visit(t, "timeline", "/timeline", "svg.timeline")
		var n int
		eval(t, `document.querySelectorAll("svg.timeline a.pt").length`, &n)
		if n == 0 {
			t.Fatal("no point on the timeline")
		}
		var href string
		eval(t, `document.querySelector("svg.timeline a.pt").getAttribute("href")`, &href)
		if !strings.Contains(href, "/documents/") || !strings.Contains(href, "#v") {
			t.Errorf("a point links to %q, want a document's event", href)
		}
		// Points are links that take keyboard focus.
		var focused bool
		eval(t, `(() => { const a = document.querySelector("svg.timeline a.pt"); a.focus(); return document.activeElement === a; })()`, &focused)
		if !focused {
			t.Error("a timeline point cannot take focus")
		}
		visit(t, "timeline-2016", "/timeline?from=2016&to=2016", "svg.timeline")
		visit(t, "timeline-zelensky-reject", "/timeline?actor="+zel+"&type=REJECT", "svg.timeline")
		if body := text(t, ".events-table"); !strings.Contains(body, "Crimea") {
			t.Errorf("filtered timeline lacks the rejection on Crimea: %q", body)
		}
	})

	t.Run("network", func(t *testing.T) {
		visit(t, "network", "/network", "#network .node")
		var names []string
		eval(t, `[...document.querySelectorAll("#network .node text")].map(e => e.textContent)`, &names)
		if !contains(names, "Donald Trump") || !contains(names, "Volodymyr Zelensky") {
			t.Errorf("network nodes %q lack Trump or Zelensky", names)
		}
		var edges int
		eval(t, `document.querySelectorAll("#network path.edge.t-CONSULT").length`, &edges)
		if edges == 0 {
			t.Error("no CONSULT edge drawn")
		}
	})

	t.Run("positions", func(t *testing.T) {
		visit(t, "positions", "/positions", "#matrix")
		cell := `(() => {
		  const tb = document.getElementById("matrix");
		  const col = [...tb.tHead.rows[0].cells].findIndex(c => c.textContent.trim() === "Crimea");
		  const row = [...tb.tBodies[0].rows].find(r => r.cells[0].textContent.trim() === "Volodymyr Zelensky");
		  return col < 0 || !row ? "missing" : row.cells[col].textContent.trim() + "|" + row.cells[col].className;
		})()`
		var got string
		eval(t, cell, &got)
		if got == "missing" {
			// A fuller store has more actors than the matrix shows: filter.
			visit(t, "positions-crimea", "/positions?issue=Crimea", "#matrix")
			eval(t, cell, &got)
		}
		if !strings.HasPrefix(got, "rejects|") || !strings.Contains(got, "st-reject") {
			t.Errorf("Zelensky × Crimea cell = %q, want rejects", got)
		}
		// The slider moves the matrix back in time: on the first day with a
		// stance (before the model article) the cell is empty, and comes back.
		var first, back string
		move := func(v string) string {
			return `(() => { const s = document.getElementById("t"); s.value = ` + v + `; s.dispatchEvent(new Event("input")); return 1; })()`
		}
		var n int
		var dates int
		eval(t, `Number(document.getElementById("t").max)`, &dates)
		eval(t, move("0"), &n)
		eval(t, cell, &first)
		eval(t, move(fmt.Sprint(dates)), &n)
		eval(t, cell, &back)
		if dates > 0 && !strings.HasPrefix(first, "·") {
			t.Errorf("at the first day the cell = %q, want no stance", first)
		}
		if !strings.HasPrefix(back, "rejects") {
			t.Errorf("back at the last day the cell = %q, want rejects", back)
		}
		// A cell opens its evidence.
		var href string
		eval(t, `(() => { const tb = document.getElementById("matrix");
		  const col = [...tb.tHead.rows[0].cells].findIndex(c => c.textContent.trim() === "Crimea");
		  const row = [...tb.tBodies[0].rows].find(r => r.cells[0].textContent.trim() === "Volodymyr Zelensky");
		  return row.cells[col].querySelector("a").getAttribute("href"); })()`, &href)
		visit(t, "positions-evidence", href, "#evidence")
		if ev := text(t, "#evidence"); !strings.Contains(ev, "rejects") {
			t.Errorf("evidence panel = %q", ev)
		}
		var link string
		eval(t, `document.querySelector("#evidence a[href*='/documents/']").getAttribute("href")`, &link)
		if !strings.HasPrefix(link, "/documents/"+docID+"#") {
			t.Errorf("evidence links to %q", link)
		}
	})

	mu.Lock()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
	mu.Unlock()

	var b strings.Builder
	fmt.Fprintf(&b, "%-26s %9s %9s %5s %9s %8s %8s %6s\n", "view", "bytes", "decoded", "reqs", "server ms", "dcl ms", "load ms", "CLS")
	for _, m := range metrics {
		fmt.Fprintf(&b, "%-26s %9d %9d %5d %9.1f %8.1f %8.1f %6.3f\n", m.View, m.Bytes, m.Decoded, m.Requests, m.ServerMs, m.DCLMs, m.LoadMs, m.LayoutShft)
		if m.LayoutShft > 0.01 {
			t.Errorf("%s: layout shift %.3f", m.View, m.LayoutShft)
		}
	}
	t.Logf("page weight and load time (cache disabled, loopback):\n%s", b.String())
	for _, d := range []string{artifacts, screensDir} {
		os.WriteFile(filepath.Join(d, "metrics.txt"), []byte(b.String()), 0o644)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// containsLine reports whether some line of text, trimmed, starts with w
// followed by nothing or a count.
func containsLine(text, w string) bool {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == w || strings.HasPrefix(l, w+" ") && strings.TrimLeft(strings.TrimPrefix(l, w+" "), "0123456789") == "" {
			return true
		}
	}
	return false
}
