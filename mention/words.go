package mention

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// commonText lists words that English writes in lowercase away from the
// start of a sentence (built by gen_common.go from UD English EWT train and
// the GUM news documents). A capitalised one at the start of a sentence or in
// a title-case headline is not taken for a name.
//
//go:embed common.txt
var commonText string

// common is commonText as a set, plus the sentence connectives that are rare
// in the training data.
var common = func() map[string]bool {
	m := make(map[string]bool, 12000)
	for _, w := range strings.Split(commonText, "\n") {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = true
		}
	}
	for _, w := range strings.Fields(`furthermore moreover nevertheless nonetheless meanwhile however therefore
		thus hence consequently additionally also besides instead still yet although though despite following
		according after before during while when whereas since because unless until once if as at in on of for
		by with from to into onto about above below under over between among amid against toward towards through
		throughout within without the a an this that these those some many most several both each every either
		neither no none all any another other such what which who whom whose where why how there here then now
		today yesterday tomorrow tonight earlier later recently currently previously finally ultimately first
		second third last next new asked speaking meanwhile elsewhere overall indeed perhaps maybe`) {
		m[w] = true
	}
	return m
}()

// connectors are lowercase words that may stand inside a name between
// capitalised words: "Bank of England", "Charles de Gaulle", "Osama bin Laden".
var connectors = map[string]bool{
	"of": true, "de": true, "da": true, "del": true, "della": true, "di": true, "du": true, "des": true,
	"la": true, "le": true, "van": true, "von": true, "der": true, "den": true, "ter": true, "bin": true,
	"ibn": true, "al": true, "el": true, "y": true, "dos": true, "das": true, "do": true, "and": false,
}

// abbrevDot are capitalised abbreviations whose dot belongs to the name.
var abbrevDot = map[string]bool{
	"St": true, "Mt": true, "Ft": true, "Jr": true, "Sr": true, "Inc": true, "Ltd": true, "Co": true,
	"Corp": true, "Bros": true, "Dr": true, "Mr": true, "Mrs": true, "Ms": true, "Gen": true, "Sen": true,
	"Rep": true, "Gov": true, "Col": true, "Lt": true, "Capt": true, "Sgt": true, "Prof": true, "Rev": true,
	"Adm": true, "Maj": true, "Pres": true, "Ave": true, "Blvd": true, "Plc": true, "PLC": true, "Cpl": true,
}

// suffixType types a name by its last word: organisations, facilities,
// natural places and administrative regions.
var suffixType = func() map[string]newsgraph.EntityType {
	m := map[string]newsgraph.EntityType{}
	add := func(t newsgraph.EntityType, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = t
		}
	}
	add(newsgraph.Org, `Inc Inc. Ltd Ltd. Corp Corp. Co. Corporation Company Companies Group Holdings Party Ministry
		Agency Council Times Post News Magazine Union Bank Committee Commission Association Institute Institution
		University College School Academy Department Office Army Navy Force Forces Court Parliament Congress Senate
		Assembly Federation Foundation Fund Organization Organisation Service Services Network Journal Press Herald
		Tribune Gazette Daily Telegraph Guardian Club FC Airlines Airways Motors Systems Technologies Bureau Board
		Authority Reserve Police Exchange Society League Alliance Front Movement Brigade Brigades Unit Center Centre
		Partners Media Television TV Radio Broadcasting Agencies Industries Enterprises Bancorp Trust Securities
		Insurance Pharmaceuticals Energy Oil Petroleum Telecom Communications Electric Railways Railway Airport
		Cabinet Government Administration Directorate Guard Guards Corps Command Council Institute Observer
		Review Chronicle Standard Mirror Express Sun Independent Record Courier Inquirer Monitor Report Weekly
		Channel Studios Records Productions Labs Laboratories Hospital Clinic Church Commonwealth Office Bundestag
		Duma Knesset Rada Secretariat Tribunal Coalition Initiative Project Programme Program Team Federation GmbH AG SA NV`)
	add(newsgraph.EventT, `Cup Championship Championships Olympics Games Open Series Tournament Trophy Prize
		Award Awards Festival Election Elections Summit Marathon Rally Grand Prix Derby Classic Masters Expo`)
	add(newsgraph.Fac, `Basilica Cathedral Mosque Temple Palace Castle Tower Towers Bridge Stadium Arena Square Hall
		Building Museum Station Prison Base Street Avenue Road Highway Boulevard Plaza Park Gate Memorial Monument
		Chapel Abbey Synagogue Theatre Theater Mall Harbour Harbor Port Dam Canal Tunnel Terminal`)
	add(newsgraph.Loc, `Sea Ocean River Lake Mountains Mountain Mount Peninsula Gulf Bay Strait Straits Island Islands
		Valley Desert Coast Basin Plateau Plain Plains Hills Forest Delta Canyon Glacier Cape Channel Sound Archipelago`)
	add(newsgraph.GPE, `City County Province Region Oblast District State Republic Kingdom Emirates Territory
		Territories Prefecture Municipality Governorate Krai Canton Township Borough Village`)
	return m
}()

// facAfterPossessive are the heads that continue a name after a possessive:
// "St. Peter's Basilica", "Queen's College".
func continuesAfterPossessive(w string) bool {
	switch suffixType[w] {
	case newsgraph.Fac, newsgraph.Org:
		return true
	}
	return false
}

// pronounType gives the pronouns the mention stage reports.
var pronouns = map[string]bool{
	"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true,
	"they": true, "them": true, "their": true, "it": true, "its": true,
}

// saysVerbs follow a person's name: "Smith said".
var saysVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stated": true, "explained": true, "argued": true,
	"wrote": true, "noted": true, "insisted": true, "warned": true, "claimed": true, "asked": true, "replied": true,
	"admitted": true, "declared": true, "announced": true, "emphasized": true, "emphasised": true, "stressed": true,
	"believes": true, "thinks": true, "tweeted": true, "recalled": true, "urged": true, "who": false,
}

// orgFollowers are nouns after a name that show it is an organisation:
// "Interfax-Ukraine journalists", "Reuters reporters".
var orgFollowers = map[string]bool{
	"journalists": true, "journalist": true, "reporters": true, "reporter": true, "correspondent": true,
	"correspondents": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "shares": true,
	"stock": true, "employees": true, "executives": true, "shareholders": true, "editor": true, "newspaper": true,
	"agency": true, "subsidiary": true, "board": true, "officials": true, "lawmakers": true, "members": true,
}

// placePrepositions before a name suggest a place: "in Rome", "from Kyiv".
var placePrepositions = map[string]bool{
	"in": true, "at": true, "from": true, "near": true, "to": true, "across": true, "outside": true,
	"inside": true, "throughout": true, "toward": true, "towards": true,
}

// placeHyphenSuffixes follow a place name in one hyphenated word: "Rome-based".
var placeHyphenSuffixes = map[string]bool{"based": true, "born": true, "bound": true, "headquartered": true}

// roleModifiers may stand before a title word inside a role: "special envoy",
// "former foreign minister", "acting president".
var roleModifiers = map[string]bool{
	"special": true, "deputy": true, "vice": true, "former": true, "acting": true, "chief": true, "senior": true,
	"top": true, "foreign": true, "prime": true, "first": true, "then": true, "interim": true, "new": true,
	"outgoing": true, "incoming": true, "assistant": true, "associate": true, "executive": true, "general": true,
	"defence": true, "defense": true, "finance": true, "interior": true, "health": true, "economy": true,
	"culture": true, "justice": true, "trade": true, "energy": true, "education": true, "state": true,
	"presidential": true, "national": true, "security": true, "military": true, "opposition": true, "party": true,
	"longtime": true, "veteran": true, "late": true, "elected": true, "designate": true, "spy": true, "army": true,
	"white": true, "house": true, "press": true, "communications": true, "campaign": true, "policy": true,
}

// nameTitles are titles that are part of a single name ("Pope Francis",
// "King Charles"): the mention keeps them.
var nameTitles = map[string]bool{
	"pope": true, "king": true, "queen": true, "prince": true, "princess": true, "sheikh": true, "emperor": true,
	"saint": true, "sir": true, "lord": true, "lady": true, "dame": true, "empress": true, "patriarch": true,
	"ayatollah": true, "cardinal": true, "archbishop": true, "bishop": true, "imam": true, "rabbi": true,
}

// honorifics mark a person and, for some, a gender.
var honorifics = map[string]byte{
	"mr": 'M', "mrs": 'F', "ms": 'F', "miss": 'F', "madam": 'F', "sir": 'M', "lady": 'F', "dame": 'F',
	"king": 'M', "queen": 'F', "prince": 'M', "princess": 'F', "lord": 'M', "dr": '?', "prof": '?',
}

// stateNouns name a state's leadership in a description: "the leadership in
// Moscow", "the Ukrainian side".
var stateNouns = map[string]bool{
	"leadership": true, "government": true, "authorities": true, "administration": true, "regime": true,
	"side": true, "leaders": true, "state": false,
}

// possessiveDeterminers may open a role: "his special envoy".
var possessiveDeterminers = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true}
