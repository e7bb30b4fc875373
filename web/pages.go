package web

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/merge"
	"github.com/newsgraph/newsgraph/store"
)

// home shows what the store holds and the most mentioned actors.
func (u *ui) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	stats, err := u.st.Stats(ctx)
	if err != nil {
		u.storeError(w, r, "", err)
		return
	}
	actors, _, err := u.st.Actors(ctx, store.ActorQuery{}, store.Page{Limit: 40})
	if err != nil {
		u.storeError(w, r, "", err)
		return
	}
	u.render(w, r, http.StatusOK, "home", page{Nav: "home", Data: struct {
		Stats  store.Stats
		Actors []store.Actor
	}{stats, actors}})
}

// searchData is what the search page shows.
type searchData struct {
	Q, Kind, Type, Source, From, To string
	Kinds, Types                    []string
	Documents                       []store.DocumentHit
	Quotes                          []store.QuoteHit
	Actors                          []store.Actor
	Error                           string
	Searched                        bool
}

// entityTypes are the types of SPEC §2, for the actor filter.
var entityTypes = []string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}

// searchFetch is how many hits of each kind are read before the time and
// source filters, which the store does not apply itself.
const searchFetch = 200

// searchShow is how many hits of each kind a page shows.
const searchShow = 50

// search finds documents, quotes and actors. The store's full-text search
// ranks; the time range and source filter what it returns.
func (u *ui) search(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	d := searchData{Q: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Type: strings.ToUpper(q.Get("type")),
		Source: strings.TrimSpace(q.Get("source")), From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")),
		Kinds: []string{"all", "documents", "quotes", "actors"}, Types: entityTypes}
	if !slices.Contains(d.Kinds, d.Kind) {
		d.Kind = "all"
	}
	if d.Type != "" && !slices.Contains(entityTypes, d.Type) {
		d.Type = ""
	}
	want := func(k string) bool { return d.Kind == "all" || d.Kind == k }
	status := http.StatusOK
	if d.Q != "" {
		d.Searched = true
		err := func() error {
			if want("documents") {
				hits, _, err := u.st.SearchDocuments(ctx, d.Q, store.Page{Limit: searchFetch})
				if err != nil {
					return err
				}
				for _, h := range hits {
					if len(d.Documents) < searchShow && inWindow(h.Published, d.From, d.To) &&
						(d.Source == "" || strings.EqualFold(h.Source, d.Source)) {
						d.Documents = append(d.Documents, h)
					}
				}
			}
			if want("quotes") {
				// Quotes whose text matches, then quotes of a speaker so named.
				byText, _, err := u.st.Quotes(ctx, store.QuoteQuery{Q: d.Q}, store.Page{Limit: searchFetch})
				if err != nil {
					return err
				}
				bySpeaker, _, err := u.st.Quotes(ctx, store.QuoteQuery{Speaker: d.Q}, store.Page{Limit: searchFetch})
				if err != nil {
					return err
				}
				seen := map[string]bool{}
				sources := map[string]string{}
				for _, h := range append(byText, bySpeaker...) {
					k := h.Document + "#" + h.ID
					if seen[k] || len(d.Quotes) >= searchShow || !inWindow(h.Published, d.From, d.To) {
						continue
					}
					seen[k] = true
					if d.Source != "" {
						src, ok := sources[h.Document]
						if !ok {
							src = u.documentSource(r, h.Document)
							sources[h.Document] = src
						}
						if !strings.EqualFold(src, d.Source) {
							continue
						}
					}
					d.Quotes = append(d.Quotes, h)
				}
			}
			if want("actors") {
				as, _, err := u.st.Actors(ctx, store.ActorQuery{Q: d.Q, Type: d.Type}, store.Page{Limit: searchShow})
				if err != nil {
					return err
				}
				d.Actors = as
			}
			return nil
		}()
		if errors.Is(err, store.ErrBadQuery) {
			d.Error = "The search could not be read; try plain words."
			status = http.StatusBadRequest
		} else if err != nil {
			u.storeError(w, r, "", err)
			return
		}
	}
	u.render(w, r, status, "search", page{Title: titleOr(d.Q, "Search"), Nav: "search", Query: d.Q, Data: d})
}

// documentSource reads the source of a stored document from its record.
func (u *ui) documentSource(r *http.Request, id string) string {
	raw, err := u.st.Document(r.Context(), id)
	if err != nil {
		return ""
	}
	var rec struct {
		Source *string `json:"source"`
	}
	if json.Unmarshal(raw, &rec) != nil || rec.Source == nil {
		return ""
	}
	return *rec.Source
}

func titleOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// docEntity is an entity of the document view with its actor key.
type docEntity struct {
	newsgraph.RecordEntity
	Actor    string // the key of its global actor, for the dossier link
	Mentions []docMention
}

type docMention struct {
	newsgraph.RecordMention
	Anchor string
}

type docQuote struct {
	newsgraph.RecordQuote
	SpeakerName, SpeakerActor string
}

type docPosition struct {
	newsgraph.RecordPosition
	ActorName, ActorKey string
	TargetNames         []string
	Anchor              string // the evidence phrase's span, or else the event's or the quote's
}

type docEvent struct {
	newsgraph.RecordEvent
	ActorNames, TargetNames []string
	TimeText                string
}

// documentData is what the document page shows.
type documentData struct {
	Rec       *newsgraph.Record
	Info      *store.DocumentInfo
	Body      template.HTML
	Entities  []docEntity
	Quotes    []docQuote
	Times     []newsgraph.RecordTime
	Events    []docEvent
	Positions []docPosition
}

// mentionAnchor names a mention's span by its entity and start, so that a
// dossier, which knows both, can link to it.
func mentionAnchor(entity string, start int) string {
	return entity + "-m" + strconv.Itoa(start)
}

// document shows a record's text with every fact highlighted and listed.
func (u *ui) document(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	raw, err := u.st.Document(ctx, id)
	if err != nil {
		u.storeError(w, r, "document", err)
		return
	}
	var rec newsgraph.Record
	if err := json.Unmarshal(raw, &rec); err != nil {
		u.fail(w, r, http.StatusInternalServerError, "The stored record could not be read.", fmt.Errorf("document %s: %w", id, err))
		return
	}
	info, err := u.st.DocumentInfo(ctx, id)
	if err != nil {
		u.storeError(w, r, "document", err)
		return
	}
	d := documentData{Rec: &rec, Info: info, Times: rec.Times}
	keys := merge.EntityKeys(&rec)
	names := make(map[string]string, len(rec.Entities))
	for _, e := range rec.Entities {
		names[e.ID] = e.Name
	}
	nameList := func(ids []string) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			out = append(out, cmp.Or(names[id], id))
		}
		return out
	}
	var spans []span
	for _, e := range rec.Entities {
		de := docEntity{RecordEntity: e, Actor: keys[e.ID]}
		for _, m := range e.Mentions {
			a := mentionAnchor(e.ID, m.Start)
			de.Mentions = append(de.Mentions, docMention{RecordMention: m, Anchor: a})
			spans = append(spans, span{Start: m.Start, End: m.End, Rank: rankMention, Class: "hl ent ty-" + e.Type + " mk-" + m.Kind,
				ID: a, Title: e.Name + " (" + e.Type + ", " + m.Kind + ")"})
		}
		d.Entities = append(d.Entities, de)
	}
	for _, q := range rec.Quotes {
		dq := docQuote{RecordQuote: q}
		title := q.Kind + " quote"
		if q.Speaker != nil {
			dq.SpeakerName, dq.SpeakerActor = cmp.Or(names[*q.Speaker], *q.Speaker), keys[*q.Speaker]
			title += " — " + dq.SpeakerName
		} else {
			title += " — speaker unknown"
		}
		if q.Venue != nil {
			title += ", " + *q.Venue
		}
		d.Quotes = append(d.Quotes, dq)
		spans = append(spans, span{Start: q.Start, End: q.End, Rank: rankQuote, Class: "hl quote qk-" + q.Kind, ID: q.ID,
			Title: title, Speaker: cmp.Or(dq.SpeakerName, "?")})
	}
	for _, t := range rec.Times {
		v := "unresolved"
		if t.Value != nil {
			v = *t.Value
		}
		spans = append(spans, span{Start: t.Start, End: t.End, Rank: rankTime, Class: "hl time", ID: t.ID,
			Title: t.Type + " " + v})
	}
	timeText := map[string]string{}
	for _, t := range rec.Times {
		timeText[t.ID] = t.Text
	}
	for _, v := range rec.Events {
		de := docEvent{RecordEvent: v, ActorNames: nameList(v.Actors), TargetNames: nameList(v.Targets)}
		if v.Time != nil {
			de.TimeText = timeText[*v.Time]
		}
		d.Events = append(d.Events, de)
		title := v.Type + ": " + strings.Join(de.ActorNames, ", ")
		if len(de.TargetNames) > 0 {
			title += " → " + strings.Join(de.TargetNames, ", ")
		}
		if v.Issue != nil {
			title += " on " + *v.Issue
		}
		if v.Polarity == "negative" {
			title += " (not)"
		}
		spans = append(spans, span{Start: v.Trigger.Start, End: v.Trigger.End, Rank: rankTrigger,
			Class: "hl trig t-" + v.Type, ID: v.ID, Title: title})
	}
	for i, p := range rec.Positions {
		dp := docPosition{RecordPosition: p, ActorName: cmp.Or(names[p.Actor], p.Actor), ActorKey: keys[p.Actor],
			TargetNames: nameList(p.Targets)}
		switch {
		case p.Evidence.End > p.Evidence.Start:
			dp.Anchor = "p" + strconv.Itoa(i+1)
			spans = append(spans, span{Start: p.Evidence.Start, End: p.Evidence.End, Rank: rankPosition, Class: "hl pos",
				ID: dp.Anchor, Title: dp.ActorName + ": " + stanceWord(p.Stance, "") + " " + p.Issue})
		case p.Event != nil:
			dp.Anchor = *p.Event
		case p.Quote != nil:
			dp.Anchor = *p.Quote
		}
		d.Positions = append(d.Positions, dp)
	}
	d.Body = highlight(rec.Text, spans)
	title := "Document " + rec.ID
	if rec.Title != nil && *rec.Title != "" {
		title = *rec.Title
	}
	u.render(w, r, http.StatusOK, "document", page{Title: title, Nav: "search", Data: d})
}

// dossierData is what the actor page shows.
type dossierData struct {
	*store.Dossier
	AsActor, AsTarget []store.MergedEvent
	Issues            []issuePositions
	CoActors          []coActor
	DocList           []docCount
}

type issuePositions struct {
	Issue string
	Rows  []store.PositionRow
}

type coActor struct {
	Key, Name, Type string
	Documents       int
}

type docCount struct {
	Document                 string
	Title, Source, Published string // read with the record, for the first coOccurDocs documents
	Mentions                 int
	First                    store.MentionRef
}

// coOccurDocs caps the documents read for co-occurring actors.
const coOccurDocs = 40

// actor shows an actor's dossier.
func (u *ui) actor(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ds, err := u.st.Dossier(ctx, r.PathValue("id"))
	if err != nil {
		u.storeError(w, r, "actor", err)
		return
	}
	d := dossierData{Dossier: ds}
	for _, e := range ds.Events {
		if slices.ContainsFunc(e.Actors, func(a store.ActorRef) bool { return a.ID == ds.ID }) {
			d.AsActor = append(d.AsActor, e)
		}
		if slices.ContainsFunc(e.Targets, func(a store.ActorRef) bool { return a.ID == ds.ID }) {
			d.AsTarget = append(d.AsTarget, e)
		}
	}
	byIssue := map[string]int{}
	for _, p := range ds.Positions {
		i, ok := byIssue[p.Issue]
		if !ok {
			i = len(d.Issues)
			byIssue[p.Issue] = i
			d.Issues = append(d.Issues, issuePositions{Issue: p.Issue})
		}
		d.Issues[i].Rows = append(d.Issues[i].Rows, p)
	}
	for _, ip := range d.Issues {
		slices.SortStableFunc(ip.Rows, func(a, b store.PositionRow) int { return strings.Compare(dateKey(a.Date), dateKey(b.Date)) })
	}
	// Documents that mention the actor, and the actors mentioned beside it.
	docAt := map[string]int{}
	for _, m := range ds.Mentions {
		i, ok := docAt[m.Document]
		if !ok {
			i = len(d.DocList)
			docAt[m.Document] = i
			d.DocList = append(d.DocList, docCount{Document: m.Document, First: m})
		}
		d.DocList[i].Mentions++
	}
	co := map[string]*coActor{}
	for i := range d.DocList {
		if i == coOccurDocs {
			break
		}
		dc := &d.DocList[i]
		raw, err := u.st.Document(ctx, dc.Document)
		if err != nil {
			continue
		}
		var rec newsgraph.Record
		if json.Unmarshal(raw, &rec) != nil {
			continue
		}
		dc.Title, dc.Source, dc.Published = deref(rec.Title), deref(rec.Source), deref(rec.Published)
		keys := merge.EntityKeys(&rec)
		seen := map[string]bool{}
		for _, e := range rec.Entities {
			k := keys[e.ID]
			if k == "" || k == ds.Key || seen[k] {
				continue
			}
			seen[k] = true
			c := co[k]
			if c == nil {
				c = &coActor{Key: k, Name: e.Name, Type: e.Type}
				co[k] = c
			}
			c.Documents++
		}
	}
	for _, c := range co {
		d.CoActors = append(d.CoActors, *c)
	}
	slices.SortFunc(d.CoActors, func(a, b coActor) int {
		return cmp.Or(b.Documents-a.Documents, strings.Compare(a.Name, b.Name))
	})
	if len(d.CoActors) > 30 {
		d.CoActors = d.CoActors[:30]
	}
	u.render(w, r, http.StatusOK, "actor", page{Title: ds.Name, Nav: "search", Data: d})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
