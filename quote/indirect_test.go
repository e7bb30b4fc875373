package quote_test

import (
	"strings"
	"testing"
)

// TestIndirectForms runs the stages up to quote on sentences of the forms
// the indirect rules read, and checks the content of the quote each makes
// (and, when given, a word of the speaker's name).
func TestIndirectForms(t *testing.T) {
	cases := []struct {
		name, text, quote, speaker string
	}{
		{"participle-after-noun-stance",
			`Two super PACs backing Senator Maria Lopez, a first-term Democrat, spent heavily in the spring.`,
			"Senator Maria Lopez", ""},
		{"participle-after-noun-speech",
			`The mayor's office put out a statement saying the bridge would reopen next month.`,
			"the bridge would reopen next month", ""},
		{"according-to-long-source",
			`According to a 2019 survey by the Harlow Institute based on county records, most rural clinics have closed their maternity wards.`,
			"most rural clinics have closed their maternity wards", ""},
		{"and-new-clause-ends-content",
			`Governor Ellen Park said she would sign the budget on Monday, and the legislature adjourned soon after.`,
			"she would sign the budget on Monday", "Park"},
		{"and-that-stays-in-content",
			`Governor Ellen Park said the budget was balanced, and that the reserve fund would grow next year.`,
			"the budget was balanced, and that the reserve fund would grow next year", "Park"},
		{"ownerless-that-noun",
			`Little has come of the claim that the plant had leaked chemicals into the river.`,
			"the plant had leaked chemicals into the river", ""},
		{"ownerless-prep-noun",
			`Calls for a recount, first heard on election night, grew louder in the north.`,
			"a recount", ""},
		{"infinitive-takes-clause-subject",
			`Senator Dana Whitfield was quick to say that the committee would meet again.`,
			"the committee would meet again", "Whitfield"},
		{"gerund-after-preposition",
			`Governor Ellen Park opened the session by warning that the reserve fund was nearly empty.`,
			"the reserve fund was nearly empty", "Park"},
		{"passive-judgement",
			`In the capital, the finance minister is widely seen as the likely successor.`,
			"the finance minister is widely seen as the likely successor", ""},
		{"passive-said-to",
			`The old mill is said to have closed during the war.`,
			"The old mill is said to have closed during the war", ""},
		{"gerund-after-verb",
			`Councillor Ruth Adeyemi kept insisting that the vote had been rigged.`,
			"the vote had been rigged", "Adeyemi"},
		{"new-stance-verb",
			`Mayor Ruth Adeyemi thanked the volunteers who cleared the flooded streets.`,
			"the volunteers who cleared the flooded streets", "Adeyemi"},
		{"quantifier-subject",
			`Some say the river has never been this low.`,
			"the river has never been this low", ""},
		{"base-form-after-plural-phrase",
			`Aides to Governor Ellen Park say the budget will pass by Friday.`,
			"the budget will pass by Friday", ""},
		{"here-between-subject-and-verb",
			`Union organisers here said the strike would last a week.`,
			"the strike would last a week", ""},
		{"name-object-ends-before-adjunct",
			`Governor Ellen Park endorsed Maria Lopez in late May.`,
			"Maria Lopez", "Park"},
		{"poll-with-slash",
			`In a new Marist/Courier poll released Monday, the school levy leads by nine points.`,
			"the school levy leads by nine points", ""},
		{"more-stance-verbs",
			`Senator Dana Whitfield likened the new tariff to a tax on farmers.`,
			"the new tariff to a tax on farmers", "Whitfield"},
		{"second-verb-ends-object",
			`Mayor Ruth Adeyemi thanked the firefighters and said the town owed them a great deal.`,
			"the firefighters", "Adeyemi"},
		{"second-verb-is-its-own-quote",
			`Mayor Ruth Adeyemi thanked the firefighters and said the town owed them a great deal.`,
			"the town owed them a great deal", "Adeyemi"},
		{"linked-clause-with-own-cue",
			`Governor Ellen Park said the levy was unfair, although her deputy argued that it would pass.`,
			"the levy was unfair", "Park"},
		{"irregular-phrasal",
			`Governor Ellen Park spoke about the flooding in the western valleys.`,
			"the flooding in the western valleys", "Park"},
		{"passive-blame",
			`The former treasurer was suspected of moving funds abroad.`,
			"The former treasurer was suspected of moving funds abroad", ""},
		{"gerund-after-and",
			`The senator toured the flooded farms, shaking hands and telling reporters that aid would arrive within days.`,
			"aid would arrive within days", ""},
		{"tell-participle-after-noun",
			`The campaign released an advertisement featuring nurses telling viewers that the clinics were closing.`,
			"the clinics were closing", ""},
		{"contracted-negative",
			`Governor Ellen Park didn't say whether the plant would close.`,
			"whether the plant would close", "Park"},
		{"according-after-closing-mark",
			`The talks were "a long winter," according to her memoir.`,
			"The talks were \"a long winter,\"", ""},
		{"participle-with-agent",
			`The race drew three candidates backed by the mining unions.`,
			"three candidates", ""},
		{"name-object-ends-before-day",
			`Governor Ellen Park endorsed Maria Lopez Wednesday.`,
			"Maria Lopez", "Park"},
		{"impersonal-ends-at-comma",
			`Several senators appeared ready to drop the bill, leaving its sponsor alone.`,
			"Several senators appeared ready to drop the bill", ""},
		{"in-his-view",
			`In Governor Ellen Park's view, the levy is the fairest way to pay for the schools.`,
			"the levy is the fairest way to pay for the schools", "Park"},
		{"in-the-words-of",
			`The deal was, in the words of one senior adviser, a rescue for the whole region.`,
			"a rescue for the whole region", ""},
		{"inverted-subject-after-modifier-mention",
			`The levy could matter more for the schools than for the roads, said Democratic strategist Hank Miller.`,
			"The levy could matter more for the schools than for the roads", "Miller"},
		{"stance-object-list-past-comma",
			`Mayor Ruth Adeyemi condemned the looting, arson and violence in the harbour district.`,
			"the looting, arson and violence in the harbour district", "Adeyemi"},
		{"stance-object-past-adjective-comma",
			`Mayor Ruth Adeyemi criticized the angry, divisive speech of the governor.`,
			"the angry, divisive speech of the governor", "Adeyemi"},
		{"second-cue-after-auxiliaries",
			`Many farmers believe the dam is too costly and have been calling on the council to drop it.`,
			"the dam is too costly", ""},
		{"headline-label-credits-quotation",
			"Lopez: ‘We Will Win Every County in the State.’\n\nOn Monday in Dover, Senator Maria Lopez spoke to farmers.",
			"We Will Win Every County in the State.", "Lopez"},
		{"trailing-poll",
			`After a hard week, Governor Ellen Park still holds a narrow lead in the latest county polls.`,
			"Governor Ellen Park still holds a narrow lead", ""},
		{"naming-verb-in-relative-clause",
			`The council passed a zoning bill that critics called a gift to developers.`,
			"a zoning bill that critics called a gift to developers", ""},
		{"naming-verb-after-what",
			`The mayor condemned the fire at the depot, in what police called a deliberate attack.`,
			"what police called a deliberate attack", ""},
		{"relative-that-subject",
			`Two farm unions that attacked Maria Lopez in May have since changed their minds.`,
			"Maria Lopez", ""},
		{"aside-between-subject-and-cue",
			`Others, however, say the river has never been this low.`,
			"the river has never been this low", ""},
		{"aside-after-named-subject",
			`Maria Lopez and Ann Lee, among others, rejected the harbour plan.`,
			"the harbour plan", ""},
		{"third-form-read-as-noun-before-that",
			`Polling of dairy farmers shows that Governor Ellen Park remains popular in the north.`,
			"Governor Ellen Park remains popular in the north", ""},
		{"cast-as",
			`Throughout her speech, Maria Lopez cast herself as a reformer and the governor as a guardian of the old ways.`,
			"herself as a reformer and the governor as a guardian of the old ways", "Lopez"},
		{"owned-noun-of-position",
			`Mayor Ruth Adeyemi's rejection of the stadium plan, announced on Monday, surprised the council.`,
			"the stadium plan", "Adeyemi"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := analyze(t, c.text)
			for _, q := range d.Quotes {
				if q.Text != c.quote {
					continue
				}
				if c.speaker != "" && (q.Speaker < 0 || !strings.Contains(d.Entities[q.Speaker].Name, c.speaker)) {
					t.Fatalf("quote %q has speaker %d, want %q", q.Text, q.Speaker, c.speaker)
				}
				return
			}
			var got []string
			for _, q := range d.Quotes {
				got = append(got, q.Text)
			}
			t.Fatalf("no quote %q; got %q", c.quote, got)
		})
	}
}
