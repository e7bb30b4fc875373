package ner_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ner"
)

// TestResultsLines checks that the teams of a line of sports results are
// organisations, and that the lines that only look like one are left alone.
func TestResultsLines(t *testing.T) {
	m := testModel(t)
	cases := []struct {
		name, text string
		want       []string // ORG names expected
		notOrg     []string // names that must not come out as ORG
	}{
		{"score line", "Doncaster 3 Darlington 2", []string{"Doncaster", "Darlington"}, nil},
		{"fixture", "Postponed : Walsall v Wrexham", []string{"Walsall", "Wrexham"}, []string{"Postponed"}},
		{"table row", "CHICAGO 72 64 .529 9", []string{"CHICAGO"}, nil},
		{"dateline", "DUBLIN 1996-08-31", nil, []string{"DUBLIN"}},
		{"country in brackets", "Alba ( Germany ) 75 Red Star ( Yugoslavia ) 70", []string{"Alba"}, []string{"Germany", "Yugoslavia"}},
		{"running text", "Wigan beat Bradford at home in the semifinal on Saturday.", nil, nil},
		{"rates row", "Current 1.30 1.35 1.09", nil, []string{"Current"}},
		{"cricket score", "Gloucestershire 183 and 185-6 ( J. Russell 56 not out ) , Northamptonshire 190 .",
			[]string{"Gloucestershire", "Northamptonshire"}, []string{"J. Russell"}},
		{"bracketed prose", "Leeds ( who won 3 of 4 games ) 12 points", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := spansOf(t, m, c.text)
			joined := "|" + strings.Join(got, "|") + "|"
			for _, w := range c.want {
				if !strings.Contains(joined, "|ORG:"+w+"|") {
					t.Errorf("%q: want ORG %q, got %q", c.text, w, got)
				}
			}
			for _, w := range c.notOrg {
				if strings.Contains(joined, "|ORG:"+w+"|") {
					t.Errorf("%q: %q is not a team, got %q", c.text, w, got)
				}
			}
		})
	}
}

// TestTitleInsideName checks that a person's title inside a name found by
// the tagger splits it: the person follows the title.
func TestTitleInsideName(t *testing.T) {
	m := testModel(t)
	cases := []struct{ name, text, want string }{
		{"nationality and title", "Bosnian President Alija Izetbegovic arrived in Sarajevo on Monday.", "PERSON:Alija Izetbegovic"},
		{"title alone", "Palestinian President Arafat attacked the decision.", "PERSON:Arafat"},
		{"company name kept", "Shares of General Motors rose on Monday.", "ORG:General Motors"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := spansOf(t, m, c.text)
			if !strings.Contains("|"+strings.Join(got, "|")+"|", "|"+c.want+"|") {
				t.Errorf("%q: want %q, got %q", c.text, c.want, got)
			}
		})
	}
}

// TestDocumentRules checks the rules that read a line or the whole
// document: a dateline names a place, a sport heading a report is no name,
// a surname is the person named in full before, a company named with its
// legal form is the same company without it.
func TestDocumentRules(t *testing.T) {
	m := testModel(t)
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"dateline", "CRICKET - HOSTS WIN AGAIN .\n\nLONDON 1996-08-30\n\nThe hosts won again on Friday.",
			[]string{"GPE:LONDON"}, []string{"ORG:CRICKET"}},
		{"surname", "Pierre Buyoya took power in a coup. Buyoya said on Saturday that talks would wait. Buyoya left.",
			[]string{"PERSON:Pierre Buyoya", "PERSON:Buyoya"}, []string{"GPE:Buyoya", "ORG:Buyoya"}},
		{"initials", "M. Atherton lbw b Mushtaq Ahmed 1", []string{"PERSON:M. Atherton"}, nil},
		{"misspelt first name", "Volodymyr Petrenko met the minister. Later Voldymyr Petrenko and the minister spoke. Petrenko left.",
			[]string{"PERSON:Volodymyr Petrenko", "PERSON:Voldymyr Petrenko", "PERSON:Petrenko"}, nil},
		{"time zone", "The shares rose by 1350 GMT in Milan.", nil, []string{"ORG:GMT"}},
		{"product", "He urged the delivery of further US-made Patriot air defense systems.", nil,
			[]string{"ORG:Patriot", "PERSON:Patriot", "GPE:Patriot"}},
		{"event", "They qualified for the UEFA Cup on Friday.", nil, []string{"ORG:UEFA Cup"}},
		{"holiday", "Markets will be closed on Monday for Labour Day.", nil, []string{"ORG:Labour Day", "PERSON:Labour Day"}},
		{"headline verb before a country", "SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .",
			[]string{"GPE:ROMANIA", "GPE:LITHUANIA"}, []string{"ORG:BEAT LITHUANIA"}},
		{"person of a country", "Eyles beat fourth-seeded Peter Nicol of Scotland 15-10 8-15 15-1 .",
			[]string{"PERSON:Peter Nicol", "GPE:Scotland"}, []string{"PERSON:Peter Nicol of Scotland"}},
		{"team by its people", "\" He told me so , \" Seattle manager Lou Piniella said .",
			[]string{"ORG:Seattle", "PERSON:Lou Piniella"}, []string{"GPE:Seattle"}},
		{"team beaten", "Essex beat Kent by 141 runs .", []string{"ORG:Essex", "ORG:Kent"}, nil},
		{"national team stays a place", "Italy coach Arrigo Sacchi named his squad .", []string{"GPE:Italy"}, []string{"ORG:Italy"}},
		{"body of a place", "The National Bank of Poland", []string{"ORG:National Bank of Poland"}, []string{"GPE:Poland"}},
		{"state as team", "Colorado 4 Minnesota 7\n\nMinnesota won again.\n\nColorado lost .",
			[]string{"ORG:Colorado", "ORG:Minnesota"}, []string{"GPE:Colorado", "GPE:Minnesota"}},
		{"national team keeps its place", "England 2 Moldova 0\n\nEngland won.",
			[]string{"GPE:England"}, []string{"ORG:England"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := "|" + strings.Join(spansOf(t, m, c.text), "|") + "|"
			for _, w := range c.want {
				if !strings.Contains(got, "|"+w+"|") {
					t.Errorf("%q: want %q, got %s", c.text, w, got)
				}
			}
			for _, w := range c.not {
				if strings.Contains(got, "|"+w+"|") {
					t.Errorf("%q: do not want %q, got %s", c.text, w, got)
				}
			}
		})
	}
}

// TestModelRoundTrip checks that a model encodes to the bytes it was
// decoded from, its gazetteer included.
func TestModelRoundTrip(t *testing.T) {
	m := testModel(t)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ner.Load(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := m2.Encode(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("the model does not survive a round trip")
	}
	if _, err := ner.Load(buf.Bytes()[:buf.Len()/2]); err == nil {
		t.Error("a truncated model loaded")
	}
}
