package quote_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

var ortiz = ent{"Lena Ortiz", newsgraph.Person, ""}

// TestDirectNotQuotes checks passages in quotation marks that are no
// quotation: section heads, titles of works.
func TestDirectNotQuotes(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a lowercase section head in single marks",
			"\"We will build it,\" Ortiz said.\n\n'A harbour for everyone.'\n\nThe plan costs more than the town spends in a year.",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"We will build it,", "direct", "Lena Ortiz", "said", ""}}},
		{"a title after its work noun and a comma",
			"Copies of the memoir, \"Salt And Rope,\" sold out in Dover.",
			map[string]ent{"Ortiz": ortiz},
			nil},
		{"a title not in title case, the sentence going on",
			"Ortiz's commentary, \"Tell them your story,\" is read widely.",
			map[string]ent{"Ortiz": ortiz},
			nil},
		{"a quotation after a work noun that ends the sentence stays",
			"The town went quiet after the show, \"We are done here.\"",
			nil,
			[]want{{"We are done here.", "direct", "", "", ""}}},
		{"a head in capitals in double marks",
			"\"We will build it,\" Ortiz said.\n\n\"A HARBOUR FOR EVERYONE\"\n\nThe plan costs more than the town spends in a year.",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"We will build it,", "direct", "Lena Ortiz", "said", ""}}},
		{"a stage note in a transcript, never closed",
			"\"We will build it,\" Ortiz said.\n\n\"(LAUGHTER.)\n\nThe plan costs more than the town spends in a year.",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"We will build it,", "direct", "Lena Ortiz", "said", ""}}},
		{"a quotation in single marks that goes on in its paragraph",
			"\"We will build it,\" Ortiz said.\n\n'A harbour for everyone,' she added, smiling.",
			map[string]ent{"Ortiz": ortiz, "she": {"Lena Ortiz", newsgraph.Person, newsgraph.PronounMention}},
			[]want{{"We will build it,", "direct", "Lena Ortiz", "said", ""}, {"A harbour for everyone,", "direct", "Lena Ortiz", "added", ""}}},
	})
}

var bond = ent{"Harry Bond", newsgraph.Person, ""}

// TestAppositiveAfterQuotation checks a name after the closing mark whose
// verb comes after words describing it.
func TestAppositiveAfterQuotation(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"age, town and a relative clause",
			"The poll came out on Monday.\n\n\"Neither of them calms me,\" Harry Bond, 30, of Dover, Del., who was among those polled, said.",
			map[string]ent{"Harry Bond": bond, "Dover": {"Dover", newsgraph.GPE, ""}},
			[]want{{"Neither of them calms me,", "direct", "Harry Bond", "said", ""}}},
		{"a title before the name",
			"The poll came out on Monday.\n\n\"Each night felt like a week,\" Mr. Bond, now 81 and retired in Dover, Del., said by telephone.",
			map[string]ent{"Bond": bond, "Dover": {"Dover", newsgraph.GPE, ""}},
			[]want{{"Each night felt like a week,", "direct", "Harry Bond", "said", ""}}},
		{"a name that opens a clause of its own is no speaker",
			"The poll came out on Monday.\n\n\"Neither of them calms me.\" Harry Bond, who was polled, left; the clerk said.",
			map[string]ent{"Harry Bond": bond},
			[]want{{"Neither of them calms me.", "direct", "", "", ""}}},
	})
}

var leamer = ent{"Edward Leamer", newsgraph.Person, ""}

// TestSplitQuotationPastAppositive checks that the second part of a split
// quotation shares the cue of the first past the words describing the
// speaker.
func TestSplitQuotationPastAppositive(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a long appositive",
			"Wages rose.\n\n\"The risk,\" said Edward Leamer, an economist who runs the forecast at a college in the city, \"is that the young will leave and the old will stay.\"",
			map[string]ent{"Edward Leamer": leamer},
			[]want{{"The risk,", "direct", "Edward Leamer", "said", ""}, {"is that the young will leave and the old will stay.", "direct", "Edward Leamer", "said", ""}}},
		{"an abbreviation ends the appositive",
			"Wages rose.\n\n\"The pier is safe,\" said Edward Leamer, R-S.C. \"I see why.\"",
			map[string]ent{"Edward Leamer": leamer},
			[]want{{"The pier is safe,", "direct", "Edward Leamer", "said", ""}, {"I see why.", "direct", "Edward Leamer", "said", ""}}},
	})
}

// TestPutItCredit checks the idiom `as X put it: "…"`.
func TestPutItCredit(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"as a name put it, with a colon",
			"Schools changed.\n\nAs Ortiz put it: \"The harbour does a better job now.\"",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"The harbour does a better job now.", "direct", "Lena Ortiz", "put it", ""}}},
		{"a name and its appositive put it, with a comma",
			"Schools changed.\n\nLena Ortiz, a former mayor of the town, put it, \"Nobody asked the fishermen.\"",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"Nobody asked the fishermen.", "direct", "Lena Ortiz", "put it", ""}}},
		{"put it with an object between is no credit",
			"Schools changed.\n\nOrtiz put it on the table: \"Nobody asked the fishermen.\"",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"Nobody asked the fishermen.", "direct", "", "", ""}}},
	})
}

// TestIntroducedQuotationKeepsItsCue checks that a quotation introduced by
// a cue and a colon does not take the verb of the next sentence.
func TestIntroducedQuotationKeepsItsCue(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a question after a colon",
			"The hearing ran late.\n\nOrtiz responded: \"Why does it matter now?\" Her critics cited it for years.",
			map[string]ent{"Ortiz": ortiz, "Her critics": {"critics", newsgraph.Person, newsgraph.DescriptionMention}},
			[]want{{"Why does it matter now?", "direct", "Lena Ortiz", "responded", ""}, {"it for years", "indirect", "critics", "cited", ""}}},
		{"a question with its cue after it",
			"The hearing ran late.\n\n\"Why does it matter now?\" Ortiz asked.",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"Why does it matter now?", "direct", "Lena Ortiz", "asked", ""}}},
	})
}

// TestLowercaseQuotationOverSentences checks a lowercase quotation that
// goes on with the writer's clause over several sentences.
func TestLowercaseQuotationOverSentences(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"the clause's subject before the marks",
			"The mayor spoke last.\n\nOrtiz said Smith \"has room for everyone. He needs money. He needs patience.\"",
			map[string]ent{"Ortiz": ortiz, "Smith": smith},
			[]want{{"Smith \"has room for everyone. He needs money. He needs patience.\"", "mixed", "Lena Ortiz", "said", ""}}},
		{"no clause reads as its cue",
			"The mayor spoke last.\n\nThe plan, if passed, \"will change everything. Nobody is ready. Nobody asked.\"",
			nil,
			[]want{{"will change everything. Nobody is ready. Nobody asked.", "direct", "", "", ""}}},
	})
}

// TestAppositiveWithPossessive checks appositives between a subject and
// its verb: one that holds a plural possessive's apostrophe, and a
// relative clause with a reporting verb of its own.
func TestAppositiveWithPossessive(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a time between the appositive and the verb",
			"The vote is near.\n\nLena Ortiz, who chairs the harbour board, on Sunday defended the levy.",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"the levy", "indirect", "Lena Ortiz", "defended", ""}}},
		{"a title in quotation marks inside the appositive",
			"The vote is near.\n\nLena Ortiz, a host of \"The Tide\" on the radio, said, \"They have waited long enough.\"",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"They have waited long enough.", "direct", "Lena Ortiz", "said", ""}}},
		{"the appositive's comma inside a title's marks",
			"The vote is near.\n\nLena Ortiz, a host of \"The Tide,\" said the harbour needs a new pier.",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"the harbour needs a new pier", "indirect", "Lena Ortiz", "said", ""}}},
		{"a relative clause with a verb of its own",
			"The vote is near.\n\nLena Ortiz, who on Tuesday endorsed the levy, said, \"They have waited long enough.\"",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"the levy", "indirect", "Lena Ortiz", "endorsed", ""}, {"They have waited long enough.", "direct", "Lena Ortiz", "said", ""}}},
		{"dockers' families",
			"The vote is near.\n\nLena Ortiz, who runs the effort for dockers' families, said, \"They have waited long enough.\"",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"They have waited long enough.", "direct", "Lena Ortiz", "said", ""}}},
	})
}

// TestNounPhraseBeforeCue checks a subject whose noun phrase starts after
// the closing mark with words the subject reading left out.
func TestNounPhraseBeforeCue(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a description before the name",
			"The hearing ended early.\n\n\"He had it coming,\" the assailant, Lena Ortiz, told the program.",
			map[string]ent{"Lena Ortiz": ortiz},
			[]want{{"He had it coming,", "direct", "Lena Ortiz", "told", ""}}},
		{"a phrase with a preposition is the writer's",
			"The hearing ended early.\n\n\"We are still here\" at the convention, Ortiz said.",
			map[string]ent{"Ortiz": ortiz},
			[]want{{"\"We are still here\" at the convention", "mixed", "Lena Ortiz", "said", ""}}},
	})
}

// TestVerbAfterQuotationWithPreposition checks, through the tagger, a
// verb outside the lexicon after a quotation followed by where or when,
// which the tagger may read as a plural noun.
func TestVerbAfterQuotationWithPreposition(t *testing.T) {
	tests := []struct{ name, text, quote, speaker, cue string }{
		{"a verb in -s and where",
			"Ann Rowe runs the harbour board. The ferry is late again, she adds.\n\n\u201cThe longer this goes on, the clearer it is that the town needs its own boat,\u201d Rowe concludes on the radio show.",
			"The longer this goes on, the clearer it is that the town needs its own boat,", "Ann Rowe", "concludes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.text)
			for _, q := range d.Quotes {
				if q.Text != tt.quote {
					continue
				}
				spk := ""
				if q.Speaker >= 0 {
					spk = d.Entities[q.Speaker].Name
				}
				if spk != tt.speaker || q.Cue != tt.cue {
					t.Errorf("speaker %q cue %q, want %q %q", spk, q.Cue, tt.speaker, tt.cue)
				}
				return
			}
			t.Errorf("no quote %q in %+v", tt.quote, d.Quotes)
		})
	}
}

// TestLoneQuantifierSpeaker checks, through the tagger, that a quantifier
// standing alone as the subject of a cue, or a crowd, becomes the
// speaker's description.
func TestLoneQuantifierSpeaker(t *testing.T) {
	tests := []struct{ name, text, quote, speaker string }{
		{"many believe", "The harbour plan was shelved in May. But many believe the town will never find the money.",
			"the town will never find the money", "many"},
		{"some say", "The harbour plan was shelved in May. Some say the town will never find the money.",
			"the town will never find the money", "some"},
		{"a name the tagger does not take for a noun", "In the spring, the Post announced its plan to review the harbour deal.",
			"its plan to review the harbour deal", "post"},
		{"a participle's phrase between the subject and the verb",
			"The ferry stopped at noon. Fishermen waiting along the pier said the ferry would not come back.",
			"the ferry would not come back", "fishermen"},
		{"the crowd yelled", "The mayor asked who would pay.\n\n\u201cThe county!\u201d the crowd yelled.",
			"The county!", "crowd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.text)
			for _, q := range d.Quotes {
				if q.Text != tt.quote {
					continue
				}
				spk := ""
				if q.Speaker >= 0 {
					spk = strings.ToLower(d.Entities[q.Speaker].Name)
				}
				if spk != tt.speaker {
					t.Errorf("speaker %q, want %q", spk, tt.speaker)
				}
				return
			}
			t.Errorf("no quote %q in %+v", tt.quote, d.Quotes)
		})
	}
}
