package quote

import "strings"

// cueClass says how a reporting verb takes what it reports.
type cueClass uint8

const (
	speechCue  cueClass = iota // say, add, warn: a clause or a quotation follows
	tellCue                    // tell, assure, inform: an addressee comes first
	namingCue                  // call, describe, dub: an object, then a (quoted) label
	thoughtCue                 // believe, think: a that-clause only, never a quotation
	objectCue                  // support, cite, call for: a stance on what its object names
)

// cueWord is one written form of a reporting verb.
type cueWord struct {
	lemma    string
	class    cueClass
	particle string // a word that must follow ("out" of "point out"), or ""
	form     verbForm
}

type verbForm uint8

const (
	baseForm verbForm = iota
	thirdForm
	pastForm // past tense or participle
	ingForm
)

// reportingVerbs lists reporting verbs by class. Irregular forms are given
// as "base:3sg:past:ing[:participle]"; the rest are inflected by rule.
var reportingVerbs = map[cueClass][]string{
	speechCue: {
		"say:says:said:saying", "add", "note", "claim", "argue", "warn", "stress", "insist",
		"admit:admits:admitted:admitting", "deny", "explain", "announce", "confirm", "state",
		"write:writes:wrote:writing:written", "tweet", "post", "point/out", "emphasize", "emphasise",
		"urge", "acknowledge", "assert", "allege", "contend", "declare", "mention",
		"remark", "reply", "respond", "comment", "observe", "suggest", "predict", "promise", "vow",
		"pledge", "caution", "concede", "complain", "boast", "brag", "joke", "quip:quips:quipped:quipping",
		"recall", "recount", "report", "reveal", "disclose", "estimate", "ask", "answer", "continue",
		"underline", "underscore", "reiterate", "repeat", "demand", "proclaim",
		"retort", "counter", "concur", "agree", "object", "protest", "lament", "accuse", "charge",
		"speak:speaks:spoke:speaking:spoken/of", "declare", "testify", "contest", "dispute",
		"highlight", "signal:signals:signalled:signalling", "signaled", "signaling", "indicate", "hint", "imply",
		"reason", "conclude", "affirm", "reaffirm", "clarify", "specify", "forecast:forecasts:forecast:forecasting",
		"mutter", "shout", "yell", "scream", "cry", "whisper", "exclaim", "wonder", "tout", "threaten",
		"emphasized", "emphasised", "insinuate", "opine", "muse", "sneer", "scoff", "chide", "blast",
		"slam:slams:slammed:slamming", "praise", "acknowledge",
		"go/on:goes:went:going:gone", "interject", "plead",
	},
	tellCue: {
		"tell:tells:told:telling", "assure", "inform", "remind", "notify", "reassure",
		"brief", "caution",
	},
	namingCue: {
		"call", "describe", "dub:dubs:dubbed:dubbing", "label:labels:labeled:labeling", "labelled",
		"labelling", "term", "brand", "characterize", "characterise", "cast:casts:cast:casting",
	},
	thoughtCue: {
		"believe", "think:thinks:thought:thinking", "fear", "hope", "expect", "doubt",
		"feel:feels:felt:feeling", "know:knows:knew:knowing:known", "worry", "suspect",
		"reckon", "assume", "understand:understands:understood:understanding", "guess",
		"wish", "sense", "remember", "realize", "realise", "recognize", "recognise", "notice",
	},
	// verbs whose object is what the subject stands for, asks for or
	// judges: PolNeAR counts "Trump attacked the plan" and "she wants to
	// triple the program" as attributions of a stance; the content is the
	// object, up to the clause's first comma.
	objectCue: {
		"support", "oppose", "want", "plan:plans:planned:planning", "cite", "criticize", "criticise",
		"attack", "defend", "reject", "endorse", "blame", "question", "propose",
		"seek:seeks:sought:seeking", "refuse", "decline", "offer", "dismiss", "recommend", "welcome",
		"condemn", "hail", "applaud", "decry", "denounce", "mock", "ridicule", "discuss",
		"show:shows:showed:showing:shown", "find:finds:found:finding", "express", "voice", "favor",
		"favour", "prefer:prefers:preferred:preferring", "admire", "consider", "regard", "decide",
		"request", "encourage", "fault", "intend", "envision", "advocate", "champion",
		"back", "oppose", "push/for", "press/for", "ask/for", "call/for", "call/on", "talk/about",
		"complain/about", "warn/of", "warn/about", "worry/about", "point/to", "refer/to:refers:referred:referring", "argue/for",
		"speak/about:speaks:spoke:speaking:spoken", "comment/on", "rail/against", "lash/out", "weigh/in", "hint/at", "push/back",
		"see:sees:saw:seeing:seen", "view", "describe/as", "denigrate", "disparage", "belittle",
		"lambaste", "berate", "scold", "rebuke", "assail", "castigate", "excoriate", "pan",
		"order", "thank", "learn", "list", "echo", "nominate", "rule", "retweet", "reference",
		"email", "portray", "name", "identify", "focus/on", "apologize/for", "apologise/for",
		"chant", "bemoan", "deride", "quote", "invoke", "liken", "side/with", "document", "detail",
		"present", "issue", "attribute",
		"balk/at", "persuade", "convince", "vote/for", "vote/against", "go/after:goes:went:going:gone",
		"lay/out:lays:laid:laying", "shrug/off:shrugs:shrugged:shrugging",
		"like", "love", "congratulate", "downplay", "agree/with", "stand/by:stands:stood:standing",
		"outline", "frame", "cheer", "touch/on", "sound/off",
		"respond/to", "campaign/against", "lobby/for", "agree/on", "talk/of", "complain/of", "trash", "rip:rips:ripped:ripping", "regret:regrets:regretted:regretting",
	},
}

// phrasalCues maps "form particle" (lowercase, one space) to the
// reporting verb of a verb and particle ("called for", "pointing to"):
// the plain verb may be another cue ("call" names) or none.
var phrasalCues = func() map[string]cueWord {
	m := map[string]cueWord{}
	for class := speechCue; class <= objectCue; class++ {
		for _, spec := range reportingVerbs[class] {
			i := strings.IndexByte(spec, '/')
			if i < 0 {
				continue
			}
			verb, particle := spec[:i], spec[i+1:]
			if j := strings.IndexByte(particle, ':'); j >= 0 {
				verb += particle[j:]
				particle = particle[:j]
			}
			forms := strings.Split(verb, ":")
			var third, past, ing, part string
			if len(forms) >= 4 {
				third, past, ing = forms[1], forms[2], forms[3]
				if len(forms) >= 5 {
					part = forms[4]
				}
			} else {
				third, past, ing = inflect(forms[0])
			}
			lemma := forms[0] + " " + particle
			for f, w := range map[verbForm][]string{baseForm: {forms[0]}, thirdForm: {third}, pastForm: {past, part}, ingForm: {ing}} {
				for _, x := range w {
					if x != "" {
						m[x+" "+particle] = cueWord{lemma: lemma, class: class, particle: particle, form: f}
					}
				}
			}
		}
	}
	return m
}()

// cueHeads holds every word that can open a cue, so that a token costs
// one lookup when it opens none.
var cueHeads = func() map[string]bool {
	m := map[string]bool{"according": true}
	for w := range makeForms {
		m[w] = true
	}
	for w := range adjectiveCues {
		m[w] = true
	}
	for w := range nounCues {
		m[w] = true
	}
	for w := range cueWords {
		m[w] = true
	}
	for k := range phrasalCues {
		m[k[:strings.IndexByte(k, ' ')]] = true
	}
	return m
}()

// cueHeadEnds[f][l] has bit n set when cueHeads holds a word of n bytes
// (under 32) whose first and last bytes are of class f and l (endClass), so
// that most tokens are passed over without a map lookup (mayBeCueHead).
var cueHeadEnds = func() (ends [27][27]uint32) {
	for w := range cueHeads {
		if len(w) > 0 && len(w) < 32 {
			ends[endClass(w[0])][endClass(w[len(w)-1])] |= 1 << len(w)
		}
	}
	return ends
}()

// mayBeCueHead reports whether cueHeads may hold the lowercase word w:
// false only when no word of it has w's first and last bytes and length.
func mayBeCueHead(w []byte) bool {
	if len(w) == 0 || len(w) >= 32 {
		return true
	}
	return cueHeadEnds[endClass(w[0])][endClass(w[len(w)-1])]&(1<<len(w)) != 0
}

// endClass is 0–25 for a lowercase ASCII letter, 26 for any other byte.
func endClass(c byte) int {
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// phrasalKey writes "first second" (lowercase) into buf for a lookup in
// phrasalCues.
func phrasalKey(buf *[48]byte, first, second string) []byte {
	if len(first)+len(second)+1 > len(buf) {
		return nil
	}
	var b1 [48]byte
	w1 := lower(&b1, first)
	n := copy(buf[:], w1)
	buf[n] = ' '
	n++
	var b2 [48]byte
	n += copy(buf[n:], lower(&b2, second))
	return buf[:n]
}

// cueWords maps every written form (lowercase) to its reporting verb.
var cueWords = func() map[string]cueWord {
	m := map[string]cueWord{}
	// classes in a fixed order: a form listed twice keeps its first class
	for class := speechCue; class <= objectCue; class++ {
		for _, spec := range reportingVerbs[class] {
			particle := ""
			if strings.IndexByte(spec, '/') >= 0 {
				continue // a verb with its particle: phrasalCues
			}
			forms := strings.Split(spec, ":")
			lemma := forms[0]
			var third, past, ing, part string
			if len(forms) >= 4 {
				third, past, ing = forms[1], forms[2], forms[3]
				if len(forms) >= 5 {
					part = forms[4]
				}
			} else {
				third, past, ing = inflect(lemma)
			}
			add := func(w string, f verbForm) {
				if w == "" {
					return
				}
				if old, ok := m[w]; ok && (f == baseForm || old.class != class) {
					return
				}
				m[w] = cueWord{lemma: lemma, class: class, particle: particle, form: f}
			}
			add(lemma, baseForm)
			add(third, thirdForm)
			add(past, pastForm)
			add(part, pastForm)
			add(ing, ingForm)
		}
	}
	return m
}()

// inflect gives the regular third-person, past and -ing forms of a verb.
func inflect(v string) (third, past, ing string) {
	n := len(v)
	last := v[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "s", v + "d", v[:n-1] + "ing"
	case last == 'y' && n > 1 && !vowel(v[n-2]):
		return v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return v + "es", v + "ed", v + "ing"
	}
	return v + "s", v + "ed", v + "ing"
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// pronouns can be a speaker on their own.
var pronouns = set("he", "she", "they", "it", "we", "i", "you", "who")

// determiners and possessives that open a noun phrase; after one of them a
// form such as "claims" is a noun.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
	"our", "my", "your", "some", "any", "no", "every", "each", "such", "another", "other", "many",
	"several", "both", "all", "whose", "what", "which", "of", "in", "for", "on", "by", "with", "to")

// skipBeforeCue are the words that may stand between a speaker and its
// verb: auxiliaries and adverbs ("has also said", "had previously warned").
var skipBeforeCue = set("has", "have", "had", "also", "here", "yet", "doesn't", "don't", "didn't", "won't", "wouldn't",
	"can't", "cannot", "couldn't", "shouldn't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't",
	"mustn't", "previously", "later", "repeatedly", "once", "again",
	"then", "further", "recently", "reportedly", "publicly", "subsequently", "already", "did", "does",
	"do", "would", "will", "could", "might", "may", "can", "should", "must", "shall", "not", "never",
	"often", "always", "frequently", "first", "initially", "earlier", "now", "just", "still", "even",
	"openly", "privately", "flatly", "firmly", "categorically", "clearly", "explicitly", "simply",
	"quickly", "immediately", "angrily", "bluntly", "proudly", "loudly", "quietly", "insistently",
	"confidently", "tweeted", "wrote", "told", "n't", "actually", "originally", "specifically",
	"finally", "ultimately", "separately", "likewise", "similarly", "yesterday", "today", "tonight",
	"personally", "directly", "emphatically", "sharply", "strongly", "too", "been", "being", "is",
	"was", "were", "are", "be", "has been", "allegedly", "apparently", "only", "both", "all")

// passiveAux makes a following participle passive ("was told", "is said").
var passiveAux = set("is", "was", "were", "are", "be", "been", "being", "'s", "get", "got", "gets", "isn't", "wasn't", "aren't",
	"weren't")

// npStop ends a noun phrase that is read backwards from a verb.
var npStop = set("that", "which", "and", "or", "but", "when", "while", "although", "though", "because",
	"since", "if", "as", "so", "then", "also", "however", "meanwhile", "yet", "still", "is", "was", "are",
	"were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
	"must", "do", "does", "did", "not", "on", "at", "to", "from", "by", "with", "into", "over", "after",
	"before", "during", "about", "against", "under", "than", "where", "whether", "what", "how", "why",
	"said", "says", "told", "added", "there", "here", "thus", "therefore", "hence", "nor", "unless",
	"until", "once", "whom", "whose", "like", "through", "without", "within", "upon", "toward",
	"towards", "across", "since", "despite", "among", "between", "around", "amid", "via", "per",
	"just", "only", "even", "very", "too", "more", "most", "less", "least", "now", "today", "yesterday",
	"tomorrow", "recently", "previously", "later", "earlier", "again", "already", "always", "never",
	"often", "reportedly", "publicly", "what", "it's", "he's", "she's", "they're", "we're", "i'm",
	"you're", "this", "these", "those", "ago", "out", "up", "down", "off", "back")

// npInner may stand inside a noun phrase between two nouns ("the head of
// state", "the leadership in Moscow", "a spokesman for the campaign").
var npInner = set("of", "in", "for", "at", "from", "and", "&")

// subordinators open a clause that ends at its comma ("Although X says …, …").
var subordinators = set("although", "though", "while", "whereas", "as", "because", "since", "if", "when",
	"after", "before", "even", "unless", "once", "whilst")

// venueNouns are the kinds of statement a quote can be made in.
var venueNouns = set("statement", "interview", "message", "address", "speech", "post", "letter", "tweet",
	"release", "briefing", "conference", "op-ed", "editorial", "column", "memo", "email", "e-mail",
	"podcast", "broadcast", "video", "blog", "remarks", "testimony", "appearance", "essay", "article",
	"note", "communique", "communiqué", "filing", "posting", "rally", "hearing", "sermon", "debate",
	"speeches", "tweets", "posts", "comments", "announcement", "report", "call", "phone", "summit",
	"event", "appeal", "newsletter", "book", "memoir", "documentary", "show", "programme", "program")

// venueModifiers are the noun modifiers kept in a venue ("video message",
// "press conference"); other adjectives ("evening", "brief") are dropped.
var venueModifiers = set("video", "press", "news", "radio", "television", "tv", "televised", "telephone",
	"phone", "written", "joint", "online", "facebook", "youtube", "telegram", "twitter", "instagram",
	"campaign", "congressional", "senate", "house", "state", "blog", "audio", "recorded", "nationwide",
	"national", "nationally", "policy", "opinion", "new", "formal", "official", "separate")

// platforms are the social networks and channels that statements are
// posted on ("on Twitter", "on Telegram").
var platforms = set("twitter", "x", "telegram", "facebook", "instagram", "youtube", "tiktok", "truth social",
	"threads", "bluesky", "weibo", "vkontakte", "linkedin", "social media", "reddit", "snapchat",
	"mastodon", "whatsapp", "signal", "television", "tv", "radio", "fox", "cnn", "msnbc", "air", "camera",
	"truth")

// mediaWords follow an outlet's name when journalists are told something
// ("told Interfax-Ukraine journalists", "told the Kyodo news agency").
var mediaWords = set("journalists", "journalist", "reporters", "reporter", "correspondent", "correspondents",
	"newspaper", "daily", "magazine", "agency", "television", "tv", "radio", "channel", "broadcaster",
	"network", "website", "outlet", "interviewer", "podcast", "show", "program", "programme", "weekly")

// mediaOutlets are common news outlets known by a short name; an outlet the
// entity stage typed ORG is recognised without this list.
var mediaOutlets = set("bbc", "cnn", "msnbc", "nbc", "abc", "cbs", "fox", "fox news", "reuters", "ap",
	"afp", "dpa", "bloomberg", "politico", "axios", "npr", "pbs", "interfax", "tass", "ria novosti",
	"ria", "xinhua", "al jazeera", "the new york times", "new york times", "the washington post",
	"washington post", "the wall street journal", "wall street journal", "the guardian", "guardian",
	"time", "time magazine", "newsweek", "the times", "the economist", "economist", "der spiegel",
	"spiegel", "bild", "le monde", "the atlantic", "the hill", "breitbart", "the daily caller",
	"usa today", "the associated press", "associated press", "sky news", "cnbc", "c-span", "abc news",
	"cbs news", "nbc news", "the new yorker", "new yorker", "vox", "buzzfeed", "huffpost",
	"huffington post", "the huffington post", "los angeles times", "the los angeles times", "the telegraph",
	"telegraph", "financial times", "the financial times", "ukrinform", "unian", "kyodo", "yonhap",
	"anadolu", "efe", "ansa", "kommersant", "izvestia", "rbc", "meduza", "novaya gazeta", "le figaro",
	"die zeit", "zdf", "ard", "rtl", "france 24", "euronews", "dw", "deutsche welle", "voice of america",
	"radio liberty", "radio free europe", "rferl", "the independent", "independent", "daily mail",
	"the daily mail", "the sun", "mirror", "axel springer", "the kyiv independent", "kyiv independent",
	"kyiv post", "the kyiv post", "pravda", "ukrainska pravda", "interfax-ukraine", "ria-novosti",
	"the daily beast", "daily beast", "salon", "slate", "mother jones", "the intercept", "propublica",
	"national review", "the nation", "the daily wire", "daily wire", "newsmax", "oan", "one america news",
	"the blaze", "western journalism", "the western journal", "meet the press", "face the nation",
	"this week", "fox and friends", "good morning america", "today", "60 minutes", "state of the union",
	"the view", "hardball", "morning joe", "the o'reilly factor", "hannity", "the today show")

// titleLeads are words after which a quoted capitalised name is the title of
// a work or an outlet, not a quotation ("an interview with "Time"").
var titleLeads = set("with", "in", "of", "to", "on", "newspaper", "magazine", "paper", "journal",
	"daily", "weekly", "show", "program", "programme", "book", "film", "movie", "song", "album", "series",
	"titled", "entitled", "called", "named", "dubbed", "channel", "station", "podcast", "broadcaster",
	"tabloid", "outlet", "column", "documentary", "novel", "play", "website", "blog", "by", "from",
	"operation", "project", "campaign", "initiative", "party", "movement", "group", "the", "a", "an",
	"site", "portal", "agency")

// lower lowercases an ASCII word into buf (and turns ’ into ') so that
// map lookups need no allocation: m[string(lower(&buf, w))] does not copy.
func lower(buf *[48]byte, w string) []byte {
	if len(w) > len(buf) {
		w = w[:len(buf)]
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 {
			c = '\''
			i += 2
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}
