package event

import "sync"

// Closed word classes the argument rules look at. They are read-only after
// package initialisation. Keys are lowercase.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// auxiliaries and modals of a verb group.
var auxiliaries = set("has", "have", "had", "'ve", "’ve", "is", "are", "was", "were", "be", "been", "being", "am",
	"'s", "’s", "'re", "’re", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"do", "does", "did", "'ll", "’ll", "'d", "’d", "get", "got", "gets")

var beForms = set("is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re", "get", "got", "gets")

var perfectAux = set("has", "have", "'ve", "’ve")

var negations = set("not", "n't", "n’t", "never", "no", "cannot", "neither", "nor", "without")

// catenative verbs that take a to-infinitive and leave its subject in place:
// "continues to expect", "wants to meet", "refused to give up".
var catenatives = set("continue", "continues", "continued", "continuing", "want", "wants", "wanted", "wanting",
	"try", "tries", "tried", "trying", "plan", "plans", "planned", "planning", "intend", "intends", "intended",
	"seek", "seeks", "sought", "seem", "seems", "seemed", "appear", "appears", "appeared", "hope", "hopes", "hoped",
	"decide", "decides", "decided", "going", "set", "expected", "due", "likely", "ready", "willing", "able",
	"fail", "fails", "failed", "promise", "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows",
	"vowed", "prepare", "prepares", "prepared", "wish", "wishes", "wished", "scheduled", "began", "begin", "begins",
	"start", "starts", "started", "need", "needs", "needed", "has", "have", "had", "used", "aim", "aims", "aimed",
	"agreed", "agree", "agrees", "refused", "refuse", "refuses", "threatened", "threatens", "offered", "offers")

// adverbs that may sit inside a verb group ("has always demanded").
var groupAdverbs = set("also", "again", "once", "still", "already", "now", "then", "previously", "always", "reportedly",
	"recently", "repeatedly", "just", "even", "only", "yet", "ever", "soon", "later", "finally", "allegedly",
	"reportedly", "further", "both", "all", "jointly", "officially", "formally", "publicly", "personally",
	"briefly", "eventually", "immediately", "today", "yesterday", "twice", "first", "last", "subsequently",
	"categorically", "strongly", "firmly", "sharply", "openly", "directly", "not", "n't", "n’t", "never", "to",
	"no", "longer")

var intendedCues = set("will", "'ll", "’ll", "shall", "would", "'d", "’d", "plan", "plans", "planned", "planning", "intend",
	"intends", "intended", "going", "promise", "promises", "promised", "pledge", "pledges", "pledged", "vow",
	"vows", "vowed", "scheduled", "set", "prepare", "prepares", "prepared", "ready", "willing", "aim", "aims", "aimed")

var hypotheticalCues = set("could", "may", "might", "can", "possible", "possibly", "perhaps", "maybe", "likely",
	"unlikely", "if", "unless", "whether", "expected", "hope", "hopes", "hoped", "consider", "considers", "considering",
	"considered")

var demandedCues = set("want", "wants", "wanted", "must", "should", "demand", "demands", "demanded", "urge", "urges",
	"urged", "insist", "insists", "insisted", "need", "needs")

var failureCues = set("fail", "fails", "failed", "collapse", "collapses", "collapsed", "refuse", "refuses", "refused",
	"cancel", "cancels", "cancelled", "canceled", "abandon", "abandoned", "scrap", "scrapped", "stall", "stalled")

// phrases after a nominal trigger that say it did not happen: "the deal fell through".
var failurePhrases = [][]string{{"fell", "through"}, {"fall", "through"}, {"falls", "through"}, {"fallen", "through"},
	{"collapsed"}, {"collapses"}, {"failed"}, {"fails"}, {"broke", "down"}, {"broken", "down"}, {"breaks", "down"},
	{"was", "cancelled"}, {"was", "canceled"}, {"was", "called", "off"}, {"were", "called", "off"}, {"were", "cancelled"},
	{"was", "scrapped"}, {"was", "abandoned"}, {"did", "not", "take", "place"}, {"never", "happened"},
	{"was", "rejected"}, {"stalled"}, {"ended", "without"}}

var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
	"your", "some", "any", "each", "every", "further", "more", "additional", "new", "other", "such", "all", "several",
	"both", "own", "no", "many", "much", "another", "certain", "fresh", "latest", "renewed", "possible", "two")

// prepositions end a noun phrase.
var prepositions = set("of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "against", "between",
	"into", "over", "under", "after", "before", "since", "during", "despite", "without", "through", "via", "as",
	"among", "amid", "toward", "towards", "regarding", "including", "until", "within", "across", "near", "upon", "per",
	"beside", "behind", "outside", "inside", "around", "opposite", "along", "beyond", "alongside", "throughout", "amongst")

// words that start a new clause: an event's time and place are looked for
// inside its own clause.
var clauseWords = set("which", "who", "whom", "whose", "where", "while", "although", "though", "because", "since",
	"after", "before", "until", "unless", "whereas", "but", "following", "when", "despite", "however", "whereby")

// lowercase words that may be part of a name or title phrase ("head of
// state", "special envoy"), so that the phrase's head is found.
var titleWords = set("president", "vice", "prime", "minister", "foreign", "defence", "defense", "head", "of", "state",
	"government", "leader", "envoy", "special", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "chief", "general", "commander", "king", "queen", "prince", "premier", "governor", "mayor",
	"senator", "chairman", "chairwoman", "director", "top", "senior", "former", "deputy", "counterpart", "officials",
	"official", "army", "forces", "troops", "military", "police", "authorities", "government's", "administration",
	"delegation", "negotiator", "negotiators", "advisor", "adviser", "culture", "interior", "finance", "economy", "member",
	"officer")

// nouns whose "of" phrase names what the issue is: "the delivery of tanks",
// "the peninsula of Crimea", "the question of NATO membership".
var ofHeads = set("delivery", "deliveries", "supply", "supplies", "provision", "withdrawal", "lifting", "removal",
	"release", "return", "peninsula", "region", "city", "territory", "territories", "province", "island", "islands",
	"question", "issue", "status", "recognition", "control", "annexation", "part", "parts", "rest", "sale", "transfer",
	"handover", "cession", "renunciation", "occupation", "independence", "sovereignty", "city", "town", "area", "areas",
	"port", "district", "oblast", "republic")

// light verbs make an event noun their object: "held talks", "signed a deal".
var lightVerbs = set("hold", "holds", "held", "holding", "have", "has", "had", "having", "conduct", "conducted",
	"conducts", "sign", "signs", "signed", "signing", "reach", "reached", "reaches", "reaching", "conclude", "concluded",
	"strike", "struck", "strikes", "launch", "launched", "launches", "launching", "carry", "carried", "carries",
	"impose", "imposed", "imposes", "imposing", "make", "made", "makes", "making", "issue", "issued", "issues", "stage",
	"staged", "stages", "begin", "began", "begun", "begins", "start", "started", "starts", "resume", "resumed",
	"resumes", "seal", "sealed", "broker", "brokered", "announce", "announced", "announces", "enter", "entered",
	"pose", "posed", "level", "levelled", "leveled", "file", "filed", "lodge", "lodged", "mount", "mounted",
	"pay", "paid", "pays", "offer", "offered", "offers", "host", "hosted", "hosts", "join", "joined", "organise",
	"organised", "organize", "organized", "attend", "attended", "attends")

// words that refer to the parties of the previous event: "both sides".
var groupNouns = set("sides", "parties", "countries", "leaders", "governments", "nations", "states", "delegations", "men")
var groupQuantifiers = set("both", "two")

var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.")

// nouns of documents that state a plan or a position: a pronoun "it" whose
// antecedent is one of them stands for the plan's author when it acts
// ("the plan … it does not insist on …").
var planNouns = set("plan", "plans", "proposal", "proposals", "counter-proposal", "counterproposal", "counter-proposals",
	"draft", "drafts", "document", "documents", "blueprint", "framework", "roadmap", "road-map", "initiative",
	"resolution", "bill", "memorandum", "memo", "letter", "offer", "counteroffer", "counter-offer", "text", "programme",
	"program", "platform", "manifesto", "paper", "declaration", "communique", "communiqué", "statement", "strategy")

// verbs that make their object a plan of their subject: "Kiev has drawn up a
// counter-proposal".
var creationVerbs = set("draw", "drew", "drawn", "drawing", "draft", "drafted", "drafting", "prepare", "prepared",
	"present", "presented", "presents", "submit", "submitted", "submits", "propose", "proposed", "proposes", "put",
	"unveil", "unveiled", "unveils", "table", "tabled", "send", "sent", "sends", "publish", "published", "publishes",
	"write", "wrote", "written", "circulate", "circulated", "offer", "offered", "offers", "make", "made", "makes",
	"issue", "issued", "issues", "adopt", "adopted", "release", "released", "outline", "outlined", "lay", "laid",
	"devise", "devised", "develop", "developed", "come", "came", "deliver", "delivered", "hand", "handed")

// nouns that make the act of a nominal subject someone's demand: "the
// renunciation of NATO membership is a key war aim for Russia".
var aimNouns = set("aim", "aims", "goal", "goals", "objective", "objectives", "demand", "demands", "condition",
	"conditions", "precondition", "preconditions", "priority", "priorities", "requirement", "requirements",
	"precondition", "prerequisite", "prerequisites", "target", "targets")

// verbs that, in a quotation, state what will become of a place: "Crimea
// will remain with Russia".
var statusVerbs = set("remain", "remains", "stay", "stays", "belong", "belongs", "return", "returns", "go", "goes")

// Word classes as bits, so that the rules test a token's class without a
// map lookup: every token's classes are looked up once per document.
const (
	cAux uint32 = 1 << iota
	cBe
	cPerfect
	cNeg
	cCaten
	cAdv
	cIntended
	cHypo
	cDemanded
	cFailure
	cDet
	cPrep
	cClause
	cTitle
	cOfHead
	cLight
	cGroupNoun
	cGroupQ
	cMonth
	cFailStart
	cLexForm
	cCap
	cWord
	cPlan
	cCreate
	cAim
	cStatus
)

// tokenClasses adds cLexForm to wordClasses for the forms of the trigger
// lexicon, so that newState looks each token up once.
var tokenClasses = sync.OnceValue(func() map[string]uint32 {
	forms := lex().forms
	m := make(map[string]uint32, len(wordClasses)+len(forms))
	for w, c := range wordClasses {
		m[w] = c
	}
	for w, ids := range forms {
		if len(ids) > 0 {
			m[w] |= cLexForm
		}
	}
	return m
})

var wordClasses = func() map[string]uint32 {
	m := map[string]uint32{}
	for c, set := range map[uint32]map[string]bool{cAux: auxiliaries, cBe: beForms, cPerfect: perfectAux, cNeg: negations,
		cCaten: catenatives, cAdv: groupAdverbs, cIntended: intendedCues, cHypo: hypotheticalCues, cDemanded: demandedCues,
		cFailure: failureCues, cDet: determiners, cPrep: prepositions, cClause: clauseWords, cTitle: titleWords,
		cOfHead: ofHeads, cLight: lightVerbs, cGroupNoun: groupNouns, cGroupQ: groupQuantifiers, cMonth: months,
		cPlan: planNouns, cCreate: creationVerbs, cAim: aimNouns, cStatus: statusVerbs} {
		for w := range set {
			m[w] |= c
		}
	}
	for _, p := range failurePhrases {
		m[p[0]] |= cFailStart
	}
	return m
}()
