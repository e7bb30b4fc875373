package quote_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/quote"
)

// speakerCase is a text whose quotes must have the given texts, kinds,
// speakers and cues, in order.
type speakerCase struct {
	name  string
	text  string
	forms map[string]ent
	want  []want
}

func runSpeakerCases(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc(tt.text, tt.forms)
			quote.Find(d)
			checkInvariants(t, d)
			var got []want
			for _, q := range d.Quotes {
				spk := ""
				if q.Speaker >= 0 {
					spk = d.Entities[q.Speaker].Name
				}
				got = append(got, want{q.Text, string(q.Kind), spk, q.Cue, q.Venue})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

var smith = ent{"Ann Smith", newsgraph.Person, ""}

func TestPlainVerbCues(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"any verb after the closing mark", `"Sit down, please," Smith snapped.`, map[string]ent{"Smith": smith},
			[]want{{"Sit down, please,", "direct", "Ann Smith", "snapped", ""}}},
		{"a verb in -s at the end of the sentence", `"The party is split," Smith notes.`, map[string]ent{"Smith": smith},
			[]want{{"The party is split,", "direct", "Ann Smith", "notes", ""}}},
		{"a subject no mention stands for", `"We do not understand it," the two wrote.`, nil,
			[]want{{"We do not understand it,", "direct", "two", "wrote", ""}}},
		{"what a sign reads", "The crowd cheered.\n\n\"I am still here,\" the sign read.", nil,
			[]want{{"I am still here,", "direct", "sign", "read", ""}}},
		{"an inverted verb before a name", `"What a night!" beamed Ann Smith of Dover.`, map[string]ent{"Ann Smith": smith},
			[]want{{"What a night!", "direct", "Ann Smith", "beamed", ""}}},
		{"a verb with an object is not the quotation's", `"What a night!" Smith lifted her glass.`, map[string]ent{"Smith": smith},
			[]want{{"What a night!", "direct", "", "", ""}}},
		{"a quotation ending in a period ends the sentence", `"We are done." Smith walked out.`, map[string]ent{"Smith": smith},
			[]want{{"We are done.", "direct", "", "", ""}}},
		{"a verb and adverb before a colon", `At the hearing, Smith fired back angrily: "That is false."`, map[string]ent{"Smith": smith},
			[]want{{"That is false.", "direct", "Ann Smith", "fired", ""}}},
		{"a sentence that only credits the quotation before it", "\"We will build it.\" Smith said.", map[string]ent{"Smith": smith},
			[]want{{"We will build it.", "direct", "Ann Smith", "said", ""}}},
		{"a sentence that goes on is the next one's", "\"We will build it.\" Smith said the plan was new.", map[string]ent{"Smith": smith},
			[]want{{"We will build it.", "direct", "", "", ""}, {"the plan was new", "indirect", "Ann Smith", "said", ""}}},
		{"a name as a label before the colon", "The polls moved again.\n\nMore from Ann Smith: \"Turnout was higher than anyone expected.\"",
			map[string]ent{"Ann Smith": smith},
			[]want{{"Turnout was higher than anyone expected.", "direct", "Ann Smith", ":", ""}}},
		{"an object before the colon is what is reported", `Smith counted three things: "cost, time and risk."`, map[string]ent{"Smith": smith},
			[]want{{"cost, time and risk.", "direct", "", "", ""}}},
	})
}

func TestDescribedSpeakers(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a description the mention stage did not find", `"Go home," the heckler yelled.`, nil,
			[]want{{"Go home,", "direct", "heckler", "yelled", ""}}},
		{"a described speaker goes on to the next quotation", "\"He has been a great leader,\" said the old soldier. \"Now he will work for us.\"", nil,
			[]want{{"He has been a great leader,", "direct", "old soldier", "said", ""}, {"Now he will work for us.", "direct", "old soldier", "said", ""}}},
		{"a poll as the source", `A new poll found that most voters want change.`, nil,
			[]want{{"most voters want change", "indirect", "new poll", "found", ""}}},
		{"the share of those polled", `In the survey, 47% say the economy is getting worse.`, nil,
			[]want{{"the economy is getting worse", "indirect", "47%", "say", ""}}},
		{"according to an unnamed source", `According to a media report, the talks will resume on Monday.`, nil,
			[]want{{"the talks will resume on Monday", "indirect", "", "According to", ""}}},
		{"several actors taken together", `Both sides announced that they would sign the deal this week.`, nil,
			[]want{{"they would sign the deal this week", "indirect", "", "announced", ""}}},
		{"a time between the subject and its verb", `The city council on Monday said that the bridge would reopen.`, nil,
			[]want{{"the bridge would reopen", "indirect", "city council", "said", ""}}},
		{"long between the auxiliary and the verb", `The union has long argued that the mine is unsafe.`, nil,
			[]want{{"the mine is unsafe", "indirect", "union", "argued", ""}}},
		{"the writer's I outside the quotation marks", "\"We are not ready,\" I said. \"Nobody is.\" I think the plan will fail.", nil,
			[]want{{"We are not ready,", "direct", "I", "said", ""}, {"Nobody is.", "direct", "I", "said", ""}, {"the plan will fail", "indirect", "I", "think", ""}}},
		{"an I inside the quotation marks is not the writer", `"I think the plan will fail," the mayor said.`, nil,
			[]want{{"I think the plan will fail,", "direct", "mayor", "said", ""}}},
	})
}

func TestDropUncredited(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a short passage with no speaker that ends as no sentence", "The race went on.\n\n\"Chaos on the trail\"\n\nVoters waited.", nil, nil},
		{"a passage after a dash", "The party printed posters in 2005 — \"Free pass for everyone? No.\"", nil, nil},
		{"single marks in the headline", "Smith: 'A Night to Remember.'\n\nThe mayor spoke on Friday.", nil, nil},
		{"a sentence with no speaker stays", "The race went on.\n\n\"Nobody expected the polls to move this fast.\"", nil,
			[]want{{"Nobody expected the polls to move this fast.", "direct", "", "", ""}}},
		{"a short passage with a speaker stays", `"Chaos on the trail" Smith snapped.`, map[string]ent{"Smith": smith},
			[]want{{"Chaos on the trail", "direct", "Ann Smith", "snapped", ""}}},
	})
}

// TestPronounSpeakers: a subject pronoun the entity layer left alone
// takes the speaker of the quote before it when the kinds fit.
func TestPronounSpeakers(t *testing.T) {
	cases := []struct {
		name, text, pron string
		forms            map[string]ent
		want             []want
	}{
		{"it after a company's statement", "\"We regret the delay,\" Acme wrote in a statement. It added, \"We will pay.\"", "It",
			map[string]ent{"Acme": {"Acme", newsgraph.Org, ""}, "It": {"x", newsgraph.Org, newsgraph.PronounMention}},
			[]want{{"We regret the delay,", "direct", "Acme", "wrote", "a statement"}, {"We will pay.", "direct", "Acme", "added", ""}}},
		{"it never stands for a person", "\"We regret the delay,\" Smith wrote. It added, \"We will pay.\"", "It",
			map[string]ent{"Smith": smith, "It": {"x", newsgraph.Org, newsgraph.PronounMention}},
			[]want{{"We regret the delay,", "direct", "Ann Smith", "wrote", ""}, {"We will pay.", "direct", "", "added", ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDoc(c.text, c.forms)
			// the pronoun is left without an entity, as the entity layer
			// leaves one it cannot resolve
			for mi := range d.Mentions {
				if d.Mentions[mi].Text == c.pron {
					ei := d.Mentions[mi].Entity
					d.Mentions[mi].Entity = -1
					d.Entities[ei].Mentions = nil
				}
			}
			quote.Find(d)
			checkInvariants(t, d)
			var got []want
			for _, q := range d.Quotes {
				spk := ""
				if q.Speaker >= 0 {
					spk = d.Entities[q.Speaker].Name
				}
				got = append(got, want{q.Text, string(q.Kind), spk, q.Cue, q.Venue})
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("quote %d: got %+v, want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
}

// TestDescribedSpeakersTagged runs the stages before this one, tagger
// included, on sentences whose subject only the tags tell a noun.
func TestDescribedSpeakersTagged(t *testing.T) {
	for _, c := range []struct{ text, quote, speaker string }{
		{"The bill passed. Expert after expert says it will fail.", "it will fail", "expert"},
		{"The bill passed. Suddenly, everyone agreed it was a mistake.", "it was a mistake", "everyone"},
		{"The bill passed. A poll released last week found that most voters want change.", "most voters want change", "poll"},
		{"The bill passed. The mayor earlier Tuesday said that the bridge would reopen.", "the bridge would reopen", "mayor"},
	} {
		expectSpeaker(t, c.text, c.quote, c.speaker)
	}
}

// TestSpeakerAcrossQuotations: the subject of a cue is read outside the
// quotation marks, and a quotation after an abbreviation that ends the
// sentence before goes on with that sentence's speaker; a verb of any
// kind between a name and the comma or colon before the quotation is its
// cue, even when the tagger took it for a noun; a quote inside the clause
// that credits a quotation does not take over the speaker of the next; the
// second part of a split quotation keeps its cue past a circumstance.
func TestSpeakerAcrossQuotations(t *testing.T) {
	for _, c := range []struct{ text, quote, speaker string }{
		{"The man was led out of the hall.\n\n\"He deserved it,\" the driver, John Doe, told a reporter later.", "He deserved it,", "John Doe"},
		{"\"We lost,\" Tom Jones told reporters in Dover, Del. \"It will not happen again.\"", "It will not happen again.", "Tom Jones"},
		{"When Tom Jones attacked her during a debate, Ann Smith shot back, \"I could have stayed home.\"", "I could have stayed home.", "Ann Smith"},
		{"To bring the questions to a halt, Tom Jones fired back: \"That would be good.\"", "That would be good.", "Tom Jones"},
		{"\"We must hold the line,\" Tom Jones said two days after the vote, \"because nobody else will.\"", "because nobody else will.", "Tom Jones"},
		{"The house was rebuilt.\n\n\"It is like a new home,\" Ann Smith said in a film that showed off the new rooms. \"The house is part of the brand.\"", "The house is part of the brand.", "Ann Smith"},
	} {
		expectSpeaker(t, c.text, c.quote, c.speaker)
	}
}

// expectSpeaker checks that text gives a quote whose text is quote, every
// such quote with the speaker named exactly speaker ("" for none).
func expectSpeaker(t *testing.T, text, quote, speaker string) {
	t.Helper()
	d := analyze(t, text)
	found := false
	for _, q := range d.Quotes {
		if q.Text != quote {
			continue
		}
		found = true
		spk := ""
		if q.Speaker >= 0 {
			spk = d.Entities[q.Speaker].Name
		}
		if spk != speaker {
			t.Errorf("%q: speaker %q, want %q", quote, spk, speaker)
		}
	}
	if !found {
		t.Errorf("no quote %q in %+v", quote, d.Quotes)
	}
}
