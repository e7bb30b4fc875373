package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// WriteSummary prints a record as a summary for people: entities with their
// aliases and roles, quotes with speakers, times with values, events.
func WriteSummary(w io.Writer, r *newsgraph.Record) {
	name := map[string]string{}
	for _, e := range r.Entities {
		name[e.ID] = e.Name
	}
	names := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, name[id])
		}
		return strings.Join(out, ", ")
	}
	title := "(untitled)"
	if r.Title != nil {
		title = *r.Title
	}
	fmt.Fprintf(w, "%s  [%s]", title, r.ID)
	if r.Published != nil {
		fmt.Fprintf(w, "  published %s", *r.Published)
	}
	fmt.Fprintf(w, "\n%d sentences, %d entities, %d quotes, %d times, %d events\n",
		len(r.Sentences), len(r.Entities), len(r.Quotes), len(r.Times), len(r.Events))
	for _, c := range r.Captions {
		fmt.Fprintf(w, "caption: %s  (credit %s)\n", c.Text, c.Credit)
	}
	if len(r.Dropped) > 0 {
		fmt.Fprintf(w, "dropped: %s\n", strings.Join(r.Dropped, " | "))
	}
	if len(r.Entities) > 0 {
		fmt.Fprintln(w, "\nEntities")
		for _, e := range r.Entities {
			fmt.Fprintf(w, "  %-4s %-7s %s", e.ID, e.Type, e.Name)
			if len(e.Aliases) > 0 {
				fmt.Fprintf(w, "  aka %s", strings.Join(e.Aliases, ", "))
			}
			if len(e.Roles) > 0 {
				fmt.Fprintf(w, "  (%s)", strings.Join(e.Roles, "; "))
			}
			if e.StandsFor != "" {
				fmt.Fprintf(w, "  → %s", name[e.StandsFor])
			}
			fmt.Fprintf(w, "  ×%d\n", len(e.Mentions))
		}
	}
	if len(r.Quotes) > 0 {
		fmt.Fprintln(w, "\nQuotes")
		for _, q := range r.Quotes {
			who := "(no speaker)"
			if q.Speaker != nil {
				who = name[*q.Speaker]
			}
			fmt.Fprintf(w, "  %-4s %-8s %s: “%s”", q.ID, q.Kind, who, q.Text)
			if q.Cue != nil {
				fmt.Fprintf(w, "  cue %q", *q.Cue)
			}
			if q.Venue != nil {
				fmt.Fprintf(w, "  venue %s", *q.Venue)
			}
			fmt.Fprintln(w)
		}
	}
	if len(r.Times) > 0 {
		fmt.Fprintln(w, "\nTimes")
		for _, t := range r.Times {
			v := "(unresolved)"
			if t.Value != nil {
				v = *t.Value
			}
			fmt.Fprintf(w, "  %-4s %-8s %-28q %s\n", t.ID, t.Type, t.Text, v)
		}
	}
	if len(r.Events) > 0 {
		fmt.Fprintln(w, "\nEvents")
		for _, v := range r.Events {
			fmt.Fprintf(w, "  %-4s %-9s", v.ID, v.Type)
			if v.Mode != nil {
				fmt.Fprintf(w, " (%s)", *v.Mode)
			}
			fmt.Fprintf(w, " %s → %s", names(v.Actors), names(v.Targets))
			if v.Location != nil {
				fmt.Fprintf(w, "  at %s", name[*v.Location])
			}
			if v.Date != nil {
				fmt.Fprintf(w, "  on %s", *v.Date)
			}
			if v.Issue != nil {
				fmt.Fprintf(w, "  issue %q", *v.Issue)
			}
			if v.Polarity != "positive" || v.Modality != "asserted" {
				fmt.Fprintf(w, "  [%s, %s]", v.Polarity, v.Modality)
			}
			fmt.Fprintf(w, "  «%s»\n", v.Trigger.Text)
		}
	}
	if len(r.Positions) > 0 {
		quote := map[string]string{}
		for _, q := range r.Quotes {
			quote[q.ID] = q.Text
		}
		fmt.Fprintln(w, "\nPositions")
		for _, p := range r.Positions {
			fmt.Fprintf(w, "  %-20s %-8s %q", name[p.Actor], p.Stance, p.Issue)
			if len(p.Targets) > 0 {
				fmt.Fprintf(w, "  → %s", names(p.Targets))
			}
			if p.Date != nil {
				fmt.Fprintf(w, "  on %s", *p.Date)
			}
			var from []string
			if p.Event != nil {
				from = append(from, *p.Event)
			}
			if p.Quote != nil {
				from = append(from, *p.Quote)
			}
			fmt.Fprintf(w, "  «%s»", p.Evidence.Text)
			if p.Event == nil && p.Quote != nil {
				fmt.Fprintf(w, " “%s”", quote[*p.Quote])
			}
			fmt.Fprintf(w, "  (%s)\n", strings.Join(from, ", "))
		}
	}
}
