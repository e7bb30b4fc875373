package web

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/store"
)

// ploverTypes are the 16 PLOVER event types (SPEC §3) in the order of the
// ontology, from cooperation to conflict; the timeline has a lane for each
// and app.css a colour.
var ploverTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// allEvents reads up to ListCap merged events matching q, page by page.
func (u *ui) allEvents(ctx context.Context, q store.EventQuery) ([]store.MergedEvent, bool, error) {
	var out []store.MergedEvent
	cursor := ""
	for len(out) < ListCap {
		evs, next, err := u.st.Events(ctx, q, store.Page{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			return nil, false, err
		}
		out = append(out, evs...)
		if next == "" {
			return out, false, nil
		}
		cursor = next
	}
	return out[:ListCap], true, nil
}

// eventFilter is the filter form of the timeline and the network.
type eventFilter struct {
	Actor, Type, Issue, From, To string
	Types                        []string // the PLOVER types to choose from
}

func readEventFilter(r *http.Request) eventFilter {
	q := r.URL.Query()
	f := eventFilter{Actor: strings.TrimSpace(q.Get("actor")), Type: strings.ToUpper(strings.TrimSpace(q.Get("type"))),
		Issue: strings.TrimSpace(q.Get("issue")), From: cleanDate(q.Get("from")), To: cleanDate(q.Get("to")), Types: ploverTypes}
	if !slices.Contains(ploverTypes, f.Type) {
		f.Type = ""
	}
	return f
}

// cleanDate keeps a date filter only when it is a prefix of YYYY-MM-DD.
func cleanDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '-' && (i == 4 || i == 7)) {
			return ""
		}
	}
	return s
}

// Timeline geometry, fixed so that the page never shifts.
const (
	tlWidth  = 1200
	tlLeft   = 110
	tlRight  = 20
	tlTop    = 30
	tlLane   = 22
	tlBottom = 30
)

type tlPoint struct {
	X, Y, R  float64
	Type     string
	Negative bool
	Href     string
	Label    string
}

type tlTick struct {
	X     float64
	Label string
}

type tlLaneRow struct {
	Y     float64
	Type  string
	Count int
}

// timelineData is what the timeline page shows.
type timelineData struct {
	Filter              eventFilter
	Events              []store.MergedEvent
	Truncated           bool
	Width, Height       int
	PlotLeft, PlotRight float64
	AxisY               float64
	Lanes               []tlLaneRow
	Ticks               []tlTick
	Points              []tlPoint
	Undated             int
	Years               []yearCount // for zooming into one year
	Total               int         // events matching, of which the table lists the first maxTableEvents
}

// maxTableEvents caps the table under the timeline: the chart shows every
// event, the table the earliest ones, and the year links narrow it.
const maxTableEvents = 150

type yearCount struct {
	Year  int
	Count int
}

// evidenceHref links a merged event to the span of its first report.
func (u *ui) evidenceHref(e store.MergedEvent) string {
	if len(e.Sources) == 0 {
		return ""
	}
	s := e.Sources[0]
	return u.opts.Prefix + "/documents/" + url.PathEscape(s.Document) + "#" + s.Event
}

func eventLabel(e store.MergedEvent) string {
	var b strings.Builder
	b.WriteString(cmp.Or(e.Date, "undated"))
	b.WriteString(" ")
	b.WriteString(e.Type)
	if e.Polarity == "negative" {
		b.WriteString(" (not)")
	}
	b.WriteString(": ")
	b.WriteString(refNames(e.Actors))
	if len(e.Targets) > 0 {
		b.WriteString(" → ")
		b.WriteString(refNames(e.Targets))
	}
	if e.Issue != "" {
		b.WriteString(" on ")
		b.WriteString(e.Issue)
	}
	fmt.Fprintf(&b, " (%d source", e.SourceCount)
	if e.SourceCount != 1 {
		b.WriteString("s")
	}
	b.WriteString(")")
	return b.String()
}

func refNames(rs []store.ActorRef) string {
	if len(rs) == 0 {
		return "—"
	}
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

// timeline draws merged events on a time axis, one lane per PLOVER type,
// as server-side SVG: every point is a link to its evidence that works by
// keyboard and without script, and the page needs no chart library.
func (u *ui) timeline(w http.ResponseWriter, r *http.Request) {
	f := readEventFilter(r)
	evs, truncated, err := u.allEvents(r.Context(), store.EventQuery{Actor: f.Actor, Type: f.Type, Issue: f.Issue, From: f.From, To: f.To})
	if err != nil {
		u.storeError(w, r, "", err)
		return
	}
	d := timelineData{Filter: f, Truncated: truncated, Width: tlWidth}
	d.Height = tlTop + tlLane*len(ploverTypes) + tlBottom
	d.PlotLeft, d.PlotRight = tlLeft, tlWidth-tlRight
	d.AxisY = float64(tlTop + tlLane*len(ploverTypes))
	lane := map[string]int{}
	for i, t := range ploverTypes {
		lane[t] = i
		d.Lanes = append(d.Lanes, tlLaneRow{Y: float64(tlTop + tlLane*i + tlLane/2), Type: t})
	}
	type dated struct {
		e          store.MergedEvent
		start, end time.Time
	}
	var ds []dated
	var lo, hi time.Time
	for _, e := range evs {
		s, en, ok := dateRange(e.Date)
		if !ok {
			d.Undated++
			continue
		}
		if len(ds) == 0 || s.Before(lo) {
			lo = s
		}
		if len(ds) == 0 || en.After(hi) {
			hi = en
		}
		ds = append(ds, dated{e, s, en})
	}
	slices.SortStableFunc(ds, func(a, b dated) int { return a.start.Compare(b.start) })
	for _, x := range ds {
		y := x.start.Year()
		if n := len(d.Years); n > 0 && d.Years[n-1].Year == y {
			d.Years[n-1].Count++
		} else {
			d.Years = append(d.Years, yearCount{y, 1})
		}
	}
	for _, x := range ds {
		d.Events = append(d.Events, x.e)
	}
	for _, e := range evs {
		if _, _, ok := dateRange(e.Date); !ok {
			d.Events = append(d.Events, e)
		}
	}
	d.Total = len(d.Events)
	if len(d.Events) > maxTableEvents {
		d.Events = d.Events[:maxTableEvents]
	}
	if len(ds) > 0 {
		span := hi.Sub(lo).Hours()
		if span < 24*7 {
			mid := lo.Add(hi.Sub(lo) / 2)
			lo, hi = mid.AddDate(0, 0, -4), mid.AddDate(0, 0, 4)
			span = hi.Sub(lo).Hours()
		}
		width := d.PlotRight - d.PlotLeft
		xOf := func(t time.Time) float64 { return d.PlotLeft + width*t.Sub(lo).Hours()/span }
		d.Ticks = ticks(lo, hi, xOf)
		stack := map[[2]int]int{} // (lane, pixel bucket) → points already there
		for _, x := range ds {
			mid := x.start.Add(x.end.Sub(x.start) / 2)
			px := xOf(mid)
			l := lane[x.e.Type]
			key := [2]int{l, int(px / 6)}
			k := stack[key]
			stack[key]++
			d.Lanes[l].Count++
			// Points on the same day and type spread up and down the lane.
			off := float64((k+1)/2) * 4
			if k%2 == 1 {
				off = -off
			}
			off = math.Max(-9, math.Min(9, off))
			rad := math.Min(9, 3.5+1.5*math.Sqrt(float64(max(x.e.SourceCount, 1))))
			d.Points = append(d.Points, tlPoint{X: px, Y: d.Lanes[l].Y + off, R: rad, Type: x.e.Type,
				Negative: x.e.Polarity == "negative", Href: u.evidenceHref(x.e), Label: eventLabel(x.e)})
		}
	}
	u.render(w, r, http.StatusOK, "timeline", page{Title: "Timeline", Nav: "timeline", Data: d})
}

// ticks places labelled ticks on [lo, hi): years, months or days,
// whichever gives between 2 and about 12.
func ticks(lo, hi time.Time, xOf func(time.Time) float64) []tlTick {
	var out []tlTick
	days := hi.Sub(lo).Hours() / 24
	switch {
	case days > 365*2:
		step := int(math.Ceil(days / 365 / 10))
		for y := lo.Year() + 1; y <= hi.Year(); y += step {
			t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			out = append(out, tlTick{xOf(t), strconv.Itoa(y)})
		}
	case days > 60:
		step := int(math.Ceil(days / 30 / 10))
		t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		for ; t.Before(hi); t = t.AddDate(0, step, 0) {
			out = append(out, tlTick{xOf(t), t.Format("Jan 2006")})
		}
	default:
		step := int(math.Ceil(days / 10))
		t := time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
		for ; t.Before(hi); t = t.AddDate(0, 0, step) {
			out = append(out, tlTick{xOf(t), t.Format("2 Jan")})
		}
	}
	if len(out) == 0 {
		out = append(out, tlTick{xOf(lo), lo.Format("2006-01-02")})
	}
	return out
}

// netNode and netLink are the network as the script reads it.
type netNode struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Weight int    `json:"weight"`
	Href   string `json:"href"`
}

type netLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Type   string `json:"type"`
	Count  int    `json:"count"`
	Href   string `json:"href"`
	// For the table.
	SourceName string `json:"-"`
	TargetName string `json:"-"`
}

// networkData is what the network page shows.
type networkData struct {
	Filter    eventFilter
	Selected  map[string]bool
	Nodes     []netNode
	Links     []netLink
	JSON      template.JS // not used in a script element's body as code: see network.html
	Truncated bool
	// AllLinks counts the edges; the table lists the first maxTableLinks.
	AllLinks int
	Events   int
	Width    int
	Height   int
}

// maxTableLinks caps the edge table under the drawing.
const maxTableLinks = 300

// networkTypes are the edge types shown when none is chosen: who meets,
// asks, rejects, supports, accuses whom.
var networkTypes = []string{"CONSULT", "REQUEST", "REJECT", "SUPPORT", "AGREE", "ACCUSE", "THREATEN", "COOPERATE", "AID", "SANCTION", "ASSAULT"}

// maxNodes and maxDrawnLinks keep the drawing readable: the most active
// actors and the heaviest edges between them; the table lists the rest.
const (
	maxNodes      = 45
	maxDrawnLinks = 150
)

// network counts, for a time window, the merged events between each actor
// and each target by type; the script lays the graph out with d3-force.
func (u *ui) network(w http.ResponseWriter, r *http.Request) {
	f := readEventFilter(r)
	sel := map[string]bool{}
	for _, t := range r.URL.Query()["types"] {
		if slices.Contains(ploverTypes, strings.ToUpper(t)) {
			sel[strings.ToUpper(t)] = true
		}
	}
	if len(sel) == 0 {
		for _, t := range networkTypes {
			sel[t] = true
		}
	}
	evs, truncated, err := u.allEvents(r.Context(), store.EventQuery{Actor: f.Actor, From: f.From, To: f.To})
	if err != nil {
		u.storeError(w, r, "", err)
		return
	}
	d := networkData{Filter: f, Selected: sel, Truncated: truncated, Width: 1200, Height: 640}
	type edgeKey struct{ a, t, typ string }
	edges := map[edgeKey]*netLink{}
	nodes := map[string]*netNode{}
	node := func(a store.ActorRef) {
		n := nodes[a.ID]
		if n == nil {
			n = &netNode{ID: a.ID, Name: a.Name, Type: a.Type, Href: u.opts.Prefix + "/actors/" + url.PathEscape(a.ID)}
			nodes[a.ID] = n
		}
		n.Weight++
	}
	for _, e := range evs {
		if !sel[e.Type] {
			continue
		}
		counted := false
		for _, a := range e.Actors {
			for _, t := range e.Targets {
				if a.ID == t.ID {
					continue
				}
				k := edgeKey{a.ID, t.ID, e.Type}
				l := edges[k]
				if l == nil {
					l = &netLink{Source: a.ID, Target: t.ID, Type: e.Type, SourceName: a.Name, TargetName: t.Name,
						Href: u.opts.Prefix + "/timeline?actor=" + url.QueryEscape(a.ID) + "&type=" + e.Type}
					edges[k] = l
				}
				l.Count++
				node(a)
				node(t)
				counted = true
			}
		}
		if counted {
			d.Events++
		}
	}
	for _, n := range nodes {
		d.Nodes = append(d.Nodes, *n)
	}
	slices.SortFunc(d.Nodes, func(a, b netNode) int { return cmp.Or(b.Weight-a.Weight, strings.Compare(a.Name, b.Name)) })
	if len(d.Nodes) > maxNodes {
		d.Nodes = d.Nodes[:maxNodes]
	}
	kept := map[string]bool{}
	for _, n := range d.Nodes {
		kept[n.ID] = true
	}
	var drawn []netLink
	for _, l := range edges {
		d.Links = append(d.Links, *l)
		if kept[l.Source] && kept[l.Target] {
			drawn = append(drawn, *l)
		}
	}
	sortLinks := func(ls []netLink) {
		slices.SortFunc(ls, func(a, b netLink) int {
			return cmp.Or(b.Count-a.Count, strings.Compare(a.SourceName, b.SourceName),
				strings.Compare(a.TargetName, b.TargetName), strings.Compare(a.Type, b.Type))
		})
	}
	sortLinks(d.Links)
	sortLinks(drawn)
	if len(drawn) > maxDrawnLinks {
		drawn = drawn[:maxDrawnLinks]
	}
	// Actors left without a drawn edge are left out of the drawing.
	linked := map[string]bool{}
	for _, l := range drawn {
		linked[l.Source], linked[l.Target] = true, true
	}
	d.Nodes = slices.DeleteFunc(d.Nodes, func(n netNode) bool { return !linked[n.ID] })
	d.AllLinks = len(d.Links)
	if len(d.Links) > maxTableLinks {
		d.Links = d.Links[:maxTableLinks]
	}
	b, err := json.Marshal(struct {
		Nodes []netNode `json:"nodes"`
		Links []netLink `json:"links"`
	}{nonNil(d.Nodes), nonNil(drawn)})
	if err != nil {
		u.fail(w, r, http.StatusInternalServerError, "The network could not be encoded.", err)
		return
	}
	d.JSON = template.JS(b)
	u.render(w, r, http.StatusOK, "network", page{Title: "Network", Nav: "network", Data: d})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
