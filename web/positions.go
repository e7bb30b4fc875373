package web

import (
	"cmp"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/store"
)

// Matrix caps, so that the table stays readable; the filters reach the rest.
const (
	maxMatrixActors = 40
	maxMatrixIssues = 30
)

// stanceWords says a stance (store.PositionRow.Stance) as a verb for the
// matrix cells.
var stanceWords = map[string]string{
	"demand": "demands", "reject": "rejects", "agree": "agrees", "concede": "concedes",
	"support": "supports", "accuse": "accuses", "assert": "asserts",
}

// stanceOrder lists the stances for the legend, from agreement to conflict.
var stanceOrder = []string{"support", "agree", "concede", "assert", "demand", "accuse", "reject"}

// stanceClass is the stance as a CSS class name: lower case, and the PLOVER
// type REQUEST said as the stance it states (demand).
func stanceClass(stance string) string {
	s := strings.ToLower(stance)
	if s == "request" {
		return "demand"
	}
	return s
}

func stanceWord(stance, polarity string) string {
	s := stanceClass(stance)
	w := cmp.Or(stanceWords[s], s)
	if polarity == "negative" {
		return "not " + w
	}
	return w
}

type matrixCell struct {
	Stance, Polarity, Word, Date string
	Href                         string
	Present                      bool // a stance on or before the slider's day
	Any                          bool // a stance on any day: the cell links to its evidence
	Selected                     bool // its evidence is shown
}

type matrixRow struct {
	Actor store.ActorRef
	Cells []matrixCell
}

// positionsData is what the positions page shows.
type positionsData struct {
	Actor, Issue string
	Dates        []string // the distinct days positions are dated, sorted
	At           int      // index into Dates of the slider
	AtDate       string
	Issues       []string
	Rows         []matrixRow
	JSON         template.JS
	Truncated    bool
	SelActor     store.ActorRef
	SelIssue     string
	Evidence     []store.PositionRow
	Stances      []string
}

// positions shows actors × issues, each cell the actor's latest stance on
// the issue as of the slider's day; a cell links to its evidence.
func (u *ui) positions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	d := positionsData{Actor: strings.TrimSpace(q.Get("actor")), Issue: strings.TrimSpace(q.Get("issue")),
		SelIssue: q.Get("sel_issue"), Stances: stanceOrder}
	var rows []store.PositionRow
	cursor := ""
	for {
		ps, next, err := u.st.Positions(ctx, store.PositionQuery{Actor: d.Actor, Issue: d.Issue}, store.Page{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			u.storeError(w, r, "", err)
			return
		}
		rows = append(rows, ps...)
		if next == "" {
			break
		}
		if len(rows) >= ListCap {
			d.Truncated = true
			break
		}
		cursor = next
	}
	// Axes: actors and issues by how many positions they have.
	actorN, issueN := map[string]int{}, map[string]int{}
	actorRef := map[string]store.ActorRef{}
	days := map[string]bool{}
	for _, p := range rows {
		actorN[p.Actor.ID]++
		issueN[p.Issue]++
		actorRef[p.Actor.ID] = p.Actor
		if k := dateKey(p.Date); k != "" {
			days[k] = true
		}
	}
	var actors []string
	for a := range actorN {
		actors = append(actors, a)
	}
	slices.SortFunc(actors, func(a, b string) int {
		return cmp.Or(actorN[b]-actorN[a], strings.Compare(actorRef[a].Name, actorRef[b].Name))
	})
	for i := range issueN {
		d.Issues = append(d.Issues, i)
	}
	slices.SortFunc(d.Issues, func(a, b string) int { return cmp.Or(issueN[b]-issueN[a], strings.Compare(a, b)) })
	if len(actors) > maxMatrixActors {
		actors, d.Truncated = actors[:maxMatrixActors], true
	}
	if len(d.Issues) > maxMatrixIssues {
		d.Issues, d.Truncated = d.Issues[:maxMatrixIssues], true
	}
	for k := range days {
		d.Dates = append(d.Dates, k)
	}
	slices.Sort(d.Dates)
	d.At = len(d.Dates) - 1
	if t, err := strconv.Atoi(q.Get("t")); err == nil && t >= 0 && t < len(d.Dates) {
		d.At = t
	} else if at := cleanDate(q.Get("at")); at != "" {
		if i, ok := slices.BinarySearch(d.Dates, at); ok || i > 0 {
			d.At = i
			if !ok {
				d.At = i - 1
			}
		}
	}
	if d.At >= 0 {
		d.AtDate = d.Dates[d.At]
	}
	actorAt, issueAt := map[string]int{}, map[string]int{}
	for i, a := range actors {
		actorAt[a] = i
		d.Rows = append(d.Rows, matrixRow{Actor: actorRef[a], Cells: make([]matrixCell, len(d.Issues))})
	}
	for i, is := range d.Issues {
		issueAt[is] = i
	}
	dateAt := map[string]int{}
	for i, k := range d.Dates {
		dateAt[k] = i
	}
	// The script gets every dated stance so that the slider moves without
	// a request: [actor index, issue index, date index, stance, negative].
	type jsCell struct {
		A, I, D int
		S       string
		N       bool
	}
	var cells []jsCell
	for _, p := range rows {
		ai, ok1 := actorAt[p.Actor.ID]
		ii, ok2 := issueAt[p.Issue]
		if !ok1 || !ok2 {
			continue
		}
		k := dateKey(p.Date)
		di := -1
		if k != "" {
			di = dateAt[k]
		}
		cells = append(cells, jsCell{ai, ii, di, stanceClass(p.Stance), p.Polarity == "negative"})
		// The cell shows the latest stance on or before the slider's day;
		// among stances of one day the one stored last.
		c := &d.Rows[ai].Cells[ii]
		c.Any = true
		if di <= d.At && (!c.Present || dateKey(c.Date) <= k) {
			*c = matrixCell{Stance: stanceClass(p.Stance), Polarity: p.Polarity, Word: stanceWord(p.Stance, p.Polarity), Date: p.Date, Present: true, Any: true}
		}
	}
	for ai := range d.Rows {
		for ii := range d.Rows[ai].Cells {
			if !d.Rows[ai].Cells[ii].Any {
				continue
			}
			d.Rows[ai].Cells[ii].Href = u.opts.Prefix + "/positions?" + u.cellQuery(d, d.Rows[ai].Actor.ID, d.Issues[ii])
		}
	}
	js := make([][]any, 0, len(cells))
	for _, c := range cells {
		js = append(js, []any{c.A, c.I, c.D, c.S, c.N})
	}
	b, err := json.Marshal(map[string]any{"dates": nonNil(d.Dates), "cells": js, "words": stanceWords})
	if err != nil {
		u.fail(w, r, http.StatusInternalServerError, "The matrix could not be encoded.", err)
		return
	}
	d.JSON = template.JS(b)
	// The evidence of one cell, over time.
	if sa := q.Get("sel_actor"); sa != "" && d.SelIssue != "" {
		if ai, ok := actorAt[sa]; ok {
			if ii, ok := issueAt[d.SelIssue]; ok {
				d.Rows[ai].Cells[ii].Selected = true
			}
		}
		for _, p := range rows {
			if p.Actor.ID == sa && strings.EqualFold(p.Issue, d.SelIssue) {
				d.SelActor = p.Actor
				d.Evidence = append(d.Evidence, p)
			}
		}
		if len(d.Evidence) == 0 {
			// Outside the loaded rows (a filter or the cap): ask the store.
			ps, _, err := u.st.Positions(ctx, store.PositionQuery{Actor: sa, Issue: d.SelIssue}, store.Page{Limit: store.MaxLimit})
			if err == nil {
				d.Evidence = ps
				if len(ps) > 0 {
					d.SelActor = ps[0].Actor
				}
			}
		}
		slices.SortStableFunc(d.Evidence, func(a, b store.PositionRow) int { return strings.Compare(dateKey(a.Date), dateKey(b.Date)) })
	}
	u.render(w, r, http.StatusOK, "positions", page{Title: "Positions", Nav: "positions", Data: d})
}

// cellQuery is the query of the link that opens a cell's evidence, keeping
// the filters and the slider.
func (u *ui) cellQuery(d positionsData, actor, issue string) string {
	v := url.Values{}
	if d.Actor != "" {
		v.Set("actor", d.Actor)
	}
	if d.Issue != "" {
		v.Set("issue", d.Issue)
	}
	if d.At >= 0 {
		v.Set("t", strconv.Itoa(d.At))
	}
	v.Set("sel_actor", actor)
	v.Set("sel_issue", issue)
	return v.Encode()
}
