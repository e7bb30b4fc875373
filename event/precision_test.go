package event

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestPrecisionRules covers the rules that keep triggers from becoming
// wrong events, or events from getting the wrong actor or target. Each
// case is a sentence shape met in political news, with invented names.
// tags gives Penn tags for words where a rule reads the tagger.
func TestPrecisionRules(t *testing.T) {
	cast := append(append([]testEntity(nil), world...),
		testEntity{name: "Jane Roe", typ: newsgraph.Person, forms: []string{"Jane Roe", "Roe"}},
		testEntity{name: "John Doe", typ: newsgraph.Person, forms: []string{"John Doe", "Doe"}},
		testEntity{name: "Acme Party", typ: newsgraph.Org, forms: []string{"Acme Party"}},
		testEntity{name: "Daily Planet", typ: newsgraph.Org, forms: []string{"Daily Planet"}},
		testEntity{name: "Springfield", typ: newsgraph.GPE, forms: []string{"Springfield"}},
		testEntity{name: "Freedom Act", typ: newsgraph.Org, forms: []string{"Freedom Act"}},
		testEntity{name: "Eurogroup", typ: newsgraph.Org, forms: []string{"Eurogroup"}},
		testEntity{name: "Europeans", typ: newsgraph.NORP, forms: []string{"European"}},
	)
	springfield := len(cast) - 4 // a city: its key says so
	tests := []struct {
		name   string
		text   string
		tags   map[string]string
		want   []want
		absent []string // "TYPE trigger" or "TYPE"
	}{
		{name: "a politician's attack without violence is an accusation",
			text:   "Roe attacked Doe over his remarks on trade.",
			want:   []want{{typ: "ACCUSE", trigger: "attacked", actors: []string{"Jane Roe"}, targets: []string{"John Doe"}}},
			absent: []string{"ASSAULT"}},
		{name: "a state's attack stays an assault",
			text: "Russia attacked Ukraine overnight.",
			want: []want{{typ: "ASSAULT", actors: []string{"Russia"}, targets: []string{"Ukraine"}}}},
		{name: "attacks with soldiers stay assaults",
			text: "Roe attacked Doe with soldiers at the border.",
			want: []want{{typ: "ASSAULT", actors: []string{"Jane Roe"}}}},
		{name: "drew criticism makes the subject the target",
			text: "Roe has drawn criticism from Doe for her remarks.",
			want: []want{{typ: "ACCUSE", actors: []string{"John Doe"}, targets: []string{"Jane Roe"}}}},
		{name: "drew criticism from nobody named is no event",
			text:   "Roe has drawn criticism for her remarks.",
			absent: []string{"ACCUSE"}},
		{name: "a warning of consequences is no threat",
			text:   "Roe warned of higher prices.",
			absent: []string{"THREATEN"}},
		{name: "a warning that someone else will act is no threat",
			text:   "Roe warned that Doe would lose the vote.",
			absent: []string{"THREATEN"}},
		{name: "a warning that the actor will act is a threat",
			text: "Russia warned that it would respond.",
			want: []want{{typ: "THREATEN", actors: []string{"Russia"}}}},
		{name: "a meeting with nobody named is no consult",
			text:   "Roe met in the morning.",
			absent: []string{"CONSULT"}},
		{name: "an organisation's own meeting stays",
			text: "The Eurogroup meeting ended late.",
			tags: map[string]string{"meeting": "NN"},
			want: []want{{typ: "CONSULT", actors: []string{"Eurogroup"}}}},
		{name: "meeting a threshold is no meeting",
			text:   "Roe did not meet the polling threshold with ease.",
			tags:   map[string]string{"polling": "NN", "threshold": "NN"},
			absent: []string{"CONSULT"}},
		{name: "meeting a possessed thing is no meeting",
			text:   "Roe did not meet the Daily Planet's deadline.",
			absent: []string{"CONSULT"}},
		{name: "meeting a possessed person is a meeting with the possessor",
			text: "Roe met Russia's president.",
			want: []want{{typ: "CONSULT", actors: []string{"Jane Roe"}, targets: []string{"Russia"}}}},
		{name: "visiting a city is where, not whom",
			text:   "Roe visited Springfield on Monday.",
			absent: []string{"CONSULT"}},
		{name: "visiting a name that modifies a noun is no visit",
			text:   "Roe will visit the Springfield plant.",
			absent: []string{"CONSULT"}},
		{name: "visiting a capital is a visit to its state",
			text: "Roe visited Kyiv on Monday.",
			want: []want{{typ: "CONSULT", actors: []string{"Jane Roe"}, targets: []string{"Ukraine"}}}},
		{name: "intransitive agreement is an opinion",
			text:   "Most members of the Acme Party agreed.",
			absent: []string{"AGREE"}},
		{name: "a capital modifying an event is the place",
			text:   "The Kyiv summit opened on Monday.",
			absent: []string{"CONSULT"}},
		{name: "a law is no party",
			text: "Roe filed a lawsuit under the Freedom Act against Doe.",
			want: []want{{typ: "ACCUSE", actors: []string{"Jane Roe"}, targets: []string{"John Doe"}}}},
		{name: "the subject of a relative clause's antecedent",
			text: "Doe, the reporter who is credited with exposing the deal with Roe has now called for Russia to release the files.",
			want: []want{{typ: "REQUEST", actors: []string{"John Doe"}, targets: []string{"Russia"}}}},
		{name: "a name after a preposition is no subject",
			text:   "A memo to the Daily Planet seeking approval was found.",
			absent: []string{"REQUEST"}},
		{name: "members of a body act for it",
			text: "Two members of the Acme Party called on Roe to resign.",
			want: []want{{typ: "REQUEST", actors: []string{"Acme Party"}, targets: []string{"Jane Roe"}}}},
		{name: "threatened act's object is the target",
			text: "Roe's threats to sue the Daily Planet continued.",
			want: []want{{typ: "THREATEN", actors: []string{"Jane Roe"}, targets: []string{"Daily Planet"}}}},
		{name: "names after such as are targets",
			text: "Roe's harsh criticism of trading partners such as Poland worried markets.",
			want: []want{{typ: "ACCUSE", actors: []string{"Jane Roe"}, targets: []string{"Poland"}}}},
		{name: "people related to a name are not that name",
			text: "Roe attacked Doe's accusers.",
			want: []want{{typ: "ACCUSE", actors: []string{"Jane Roe"}, noTargets: true}}},
		{name: "they after a named pair",
			text: "Both candidates, Roe and Doe, say they do not support the treaty.",
			want: []want{{typ: "AGREE", actors: []string{"Jane Roe", "John Doe"}, polarity: newsgraph.Negative}}},
		{name: "a refusal negates its to-infinitive",
			text: "The refusal of Poland to ratify the treaty hurt.",
			want: []want{{typ: "AGREE", actors: []string{"Poland"}, polarity: newsgraph.Negative}}},
		{name: "give up to a quantity is no concession",
			text:   "Roe gave up to $16 million to Doe.",
			absent: []string{"CONCEDE"}},
		{name: "expecting an event is no request",
			text:   "Roe expected another provocation before the end of the year.",
			absent: []string{"REQUEST"}},
		{name: "seek to is trying, not requesting",
			text:   "Roe sought to make a broader case against Doe.",
			absent: []string{"REQUEST"}},
		{name: "asking a question is no request",
			text:   "Roe asked Doe a question about energy.",
			absent: []string{"REQUEST"}},
		{name: "an appeal to a group without what is asked is attractiveness",
			text:   "Roe's appeal to young voters is strong.",
			tags:   map[string]string{"appeal": "NN", "young": "JJ"},
			absent: []string{"REQUEST"}},
		{name: "a direct appeal is a request",
			text: "Roe made a direct appeal to Poland for help.",
			tags: map[string]string{"appeal": "NN"},
			want: []want{{typ: "REQUEST", actors: []string{"Jane Roe"}, targets: []string{"Poland"}}}},
		{name: "approving a deal is agreeing to it",
			text: "Poland approved the deal.",
			want: []want{{typ: "AGREE", actors: []string{"Poland"}}}},
		{name: "a noun modifying a noun is no trigger",
			text:   "Roe spoke at the summit meeting with Doe.",
			tags:   map[string]string{"summit": "NN", "meeting": "NN"},
			want:   []want{{typ: "CONSULT", trigger: "meeting"}},
			absent: []string{"CONSULT summit"}},
		{name: "capitalised words in a headline are no triggers",
			text:   "Emails Reveal Roe Aid And Reporter Conspiring.",
			absent: []string{"AID"}},
		{name: "a particle makes another verb",
			text:   "Roe backed away from the plan, and Russia struck down the rules on Poland.",
			absent: []string{"SUPPORT", "ASSAULT"}},
		{name: "a shooting down keeps its particle",
			text: "Russia shot down a drone over Poland.",
			want: []want{{typ: "ASSAULT", actors: []string{"Russia"}}}},
		{name: "a question reports no act",
			text:   "How hard will Roe attack Doe?",
			absent: []string{"ACCUSE", "ASSAULT"}},
		{name: "agreeing with a person is an opinion",
			text:   "Everything I say, Doe agrees with me.",
			absent: []string{"AGREE"}},
		{name: "agreeing with a party on something is an agreement",
			text: "Russia agreed with Poland on a ceasefire.",
			want: []want{{typ: "AGREE", actors: []string{"Russia"}, targets: []string{"Poland"}}}},
		{name: "an investigation of no one accuses no one",
			text:   "The Acme Party is investigating the situation.",
			absent: []string{"ACCUSE"}},
		{name: "posing a threat is what one is",
			text:   "Roe rejected the idea that Doe posed a threat to the Acme Party.",
			tags:   map[string]string{"threat": "NN"},
			absent: []string{"THREATEN"}},
		{name: "a warning against a failing is advice",
			text:   "Roe warned her supporters against complacency.",
			absent: []string{"THREATEN"}},
		{name: "insisting on a fact states it",
			text:   "Roe insisted she did not know the date.",
			tags:   map[string]string{"did": "VBD"},
			absent: []string{"REQUEST"}},
		{name: "insisting that someone act demands it",
			text: "Roe insisted that Doe resign.",
			tags: map[string]string{"resign": "VB"},
			want: []want{{typ: "REQUEST", actors: []string{"Jane Roe"}, targets: []string{"John Doe"}}}},
		{name: "refusing to comment rejects nothing",
			text:   "Roe refused to discuss the reports.",
			absent: []string{"REJECT"}},
		{name: "a person's expulsion is done to the person",
			text:   "The process could have triggered Roe's expulsion.",
			absent: []string{"SANCTION"}},
		{name: "an avoided act is negative",
			text: "Roe avoided direct criticism of Doe until recent days.",
			tags: map[string]string{"direct": "JJ", "criticism": "NN"},
			want: []want{{typ: "ACCUSE", actors: []string{"Jane Roe"}, targets: []string{"John Doe"}, polarity: newsgraph.Negative}}},
		{name: "who reported a meeting did not meet",
			text:   "The meeting was first reported by the Daily Planet.",
			tags:   map[string]string{"reported": "VBN", "meeting": "NN"},
			absent: []string{"CONSULT"}},
		{name: "who approved a deal is a party",
			text: "The deal was approved by the Eurogroup.",
			tags: map[string]string{"approved": "VBN", "deal": "NN"},
			want: []want{{typ: "AGREE", actors: []string{"Eurogroup"}}}},
		{name: "a visit to a named building is where",
			text:   "Roe made a visit to the Springfield plant.",
			absent: []string{"CONSULT"}},
		{name: "the subject of a passive demand is no addressee",
			text: "Poland demanded that the Eurogroup not be convened.",
			tags: map[string]string{"convened": "VBN"},
			want: []want{{typ: "REQUEST", actors: []string{"Poland"}, noTargets: true}}},
		{name: "ease of an act is hypothetical",
			text: "It becomes harder for Roe to attack Doe.",
			want: []want{{typ: "ACCUSE", actors: []string{"Jane Roe"}, mod: newsgraph.Hypothetical}}},
		{name: "wanting an act demands it",
			text: "Roe wants a ban on imports from Poland.",
			tags: map[string]string{"ban": "NN"},
			want: []want{{typ: "REQUEST", actors: []string{"Jane Roe"}, noTargets: true}}},
		{name: "an attractive appeal is no request even before a to-infinitive",
			text:   "If his move to broaden his appeal is going to take hold, Roe must speak.",
			tags:   map[string]string{"appeal": "NN", "is": "VBZ"},
			absent: []string{"REQUEST"}},
		{name: "a nationality adjective is no target",
			text: "Poland would reject the European constitution.",
			tags: map[string]string{"constitution": "NN"},
			want: []want{{typ: "REJECT", actors: []string{"Poland"}, noTargets: true}}},
		{name: "tearing up a treaty makes none",
			text:   "Roe says he will tear up the Acme Party treaty.",
			tags:   map[string]string{"treaty": "NN", "tear": "VB"},
			absent: []string{"AGREE"}},
		{name: "an agreement reached before and violated now was made",
			text: "Poland violates an agreement reached between Poland and Russia in 1991.",
			tags: map[string]string{"agreement": "NN", "reached": "VBN"},
			want: []want{{typ: "AGREE", trigger: "agreement"}}},
		{name: "a warning with nothing warned of is no threat",
			text:   "“Bad things will happen,” Roe warned in Springfield recently.",
			absent: []string{"THREATEN"}},
		{name: "people accused of something are the accused",
			text:   "Roe once defended the Acme Party members accused of fraud.",
			tags:   map[string]string{"members": "NNS", "accused": "VBN"},
			absent: []string{"ACCUSE"}},
		{name: "citing someone's criticism is not criticising",
			text:   "Roe cited criticism of Doe in the Daily Planet.",
			tags:   map[string]string{"cited": "VBD", "criticism": "NN"},
			absent: []string{"ACCUSE"}},
		{name: "accepting people is no agreement",
			text:   "Obama wants Poland to accept more refugees.",
			absent: []string{"AGREE"}},
		{name: "aid from a state is given by it",
			text: "The aid from Poland arrived on Monday.",
			tags: map[string]string{"aid": "NN"},
			want: []want{{typ: "AID", actors: []string{"Poland"}}}},
		{name: "providing that makes a condition",
			text: "The treaty comes into force providing it is ratified by Poland.",
			tags: map[string]string{"ratified": "VBN"},
			want: []want{{typ: "AGREE", trigger: "ratified", actors: []string{"Poland"}, mod: newsgraph.Hypothetical}}},
		{name: "conceding a fact admits it",
			text:   "In January, Roe conceded he had fallen short.",
			tags:   map[string]string{"had": "VBD"},
			absent: []string{"CONCEDE"}},
		{name: "conceding ground yields",
			text: "Russia conceded ground to Poland.",
			want: []want{{typ: "CONCEDE", actors: []string{"Russia"}}}},
		{name: "a campaign rally is no protest",
			text:   "Roe held a rally in Springfield on Saturday.",
			absent: []string{"PROTEST"}},
		{name: "occupying a position is no assault",
			text:   "Roe occupies one of the key positions of power in Springfield.",
			absent: []string{"ASSAULT", "ACCUSE"}},
		{name: "occupying a place is",
			text: "Russia occupied parts of Poland.",
			want: []want{{typ: "ASSAULT", actors: []string{"Russia"}}}},
		{name: "agreeing to an interview is no agreement",
			text:   "Roe agreed to a 30-minute interview with the Daily Planet.",
			absent: []string{"AGREE"}},
		{name: "agreeing to terms is",
			text: "Poland agreed to the terms of Russia.",
			want: []want{{typ: "AGREE", actors: []string{"Poland"}}}},
		{name: "a host between an outlet and a person is a title",
			text:   "Daily Planet host John Doe said so.",
			absent: []string{"CONSULT"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := makeDoc(t, tc.text, "", cast, nil)
			d.Entities[springfield].Key = "city:springfield"
			for i := range d.Tokens {
				if p, ok := tc.tags[d.Tokens[i].Text]; ok {
					d.Tokens[i].POS = p
				}
			}
			Find(d)
			var seen []string
			for _, v := range d.Events {
				seen = append(seen, v.Type+" "+v.TriggerText+" "+strings.Join(names(d, v.Actors), ",")+"→"+strings.Join(names(d, v.Targets), ","))
			}
			for _, w := range tc.want {
				v, _ := findEvent(d, w)
				if v == nil {
					t.Fatalf("no %s %q; found %v", w.typ, w.trigger, seen)
				}
				if w.actors != nil && strings.Join(names(d, v.Actors), ",") != strings.Join(w.actors, ",") {
					t.Errorf("%s actors = %v, want %v", w.typ, names(d, v.Actors), w.actors)
				}
				if w.targets != nil && strings.Join(names(d, v.Targets), ",") != strings.Join(w.targets, ",") {
					t.Errorf("%s targets = %v, want %v", w.typ, names(d, v.Targets), w.targets)
				}
				if w.noTargets && len(v.Targets) > 0 {
					t.Errorf("%s targets = %v, want none", w.typ, names(d, v.Targets))
				}
				if w.polarity != "" && v.Polarity != w.polarity {
					t.Errorf("%s polarity = %s, want %s", w.typ, v.Polarity, w.polarity)
				}
				if w.mod != "" && v.Modality != w.mod {
					t.Errorf("%s modality = %s, want %s", w.typ, v.Modality, w.mod)
				}
			}
			for _, a := range tc.absent {
				typ, trig, _ := strings.Cut(a, " ")
				for _, v := range d.Events {
					if v.Type == typ && (trig == "" || v.TriggerText == trig) {
						t.Errorf("unexpected %s %q; found %v", v.Type, v.TriggerText, seen)
					}
				}
			}
			checkInvariants(t, d)
		})
	}
}
