package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencies are news agencies and picture services as they are written in
// photo credits. A credit word matches when it is written as here or all in
// capitals ("REUTERS").
var agencies = setOf(
	"AFP", "AP", "AP Photo", "AP Images", "Associated Press", "The Associated Press", "Reuters",
	"dpa", "DPA", "dpa-Zentralbild", "EPA", "EPA-EFE", "EFE", "ANSA", "ANP", "Belga", "APA",
	"Keystone", "Keystone-SDA", "SDA", "TT", "NTB", "Ritzau", "Scanpix", "Lehtikuva", "PAP", "CTK",
	"MTI", "Hina", "Tanjug", "TASS", "ITAR-TASS", "RIA Novosti", "Sputnik", "Ukrinform", "UNIAN",
	"Xinhua", "Kyodo", "Yonhap", "Jiji", "Jiji Press", "AAP", "PTI", "IANS", "Anadolu",
	"Anadolu Agency", "Anadolu Ajansı", "IRNA", "WAFA", "KCNA", "Bernama", "Antara", "UPI",
	"PA", "PA Wire", "PA Images", "PA Media", "PA Archive", "Press Association",
	"Getty", "Getty Images", "iStock", "iStockphoto", "Shutterstock", "Alamy", "Alamy Stock Photo",
	"Bloomberg", "Imago", "IMAGO", "imago images", "picture alliance", "picture-alliance",
	"NurPhoto", "SOPA Images", "LightRocket", "ZUMA", "Zuma Press", "ZUMA Wire", "ZUMA Press",
	"Sipa", "SIPA", "Sipa USA", "Abaca", "ABACAPRESS", "Polaris", "Redux", "Corbis",
	"Pool", "POOL", "Handout", "HANDOUT", "Kremlin", "Wikimedia Commons",
	"CNN", "BBC", "Twitter", "X", "Facebook", "Instagram", "Telegram", "YouTube",
)

// helperCredits may stand in a credit beside an agency but do not make one
// on their own.
var helperCredits = setOf("Pool", "POOL", "Handout", "HANDOUT", "File", "FILE", "Archive", "Screenshot",
	"CNN", "BBC", "Twitter", "X", "Facebook", "Instagram", "Telegram", "YouTube", "Kremlin", "Wikimedia Commons")

// creditMarkers introduce a credit explicitly. They match at the start of
// a line or after a separator. Plurals ("Photos: …") are left out: they
// head links to galleries more often than credits.
var creditMarkers = []string{
	"Photo credit:", "Image credit:", "Picture credit:", "Photo:", "Photograph:",
	"Picture:", "Image:", "Credit:", "Credits:", "Foto:", "Bild:", "Photo by ", "Photograph by ", "Photos by ", "Picture by ",
	"Image by ", "Photo courtesy of ", "Image courtesy of ", "Courtesy of ", "©", "(c) ", "(C) ",
	"Copyright ",
}

// SplitCaption splits a line that is a photo caption into its text and
// credit. A bare agency ("… Rome. AFP") counts only after a separator, and
// not at the end of an article (atEnd), where it signs off a wire report.
func SplitCaption(p string, atEnd bool) (text, credit string, ok bool) {
	if len(p) > maxCaptionBytes+maxCreditBytes {
		return "", "", false
	}
	text, credit, marked, ok := splitCredit(p)
	if !ok || text == "" || len(text) > maxCaptionBytes || (atEnd && !marked) {
		return "", "", false
	}
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) {
		return "", "", false
	}
	return text, credit, true
}

// creditOnly reports whether a whole line is a credit ("AFP", "Photo:
// Reuters", "(Getty Images)"); marked tells an explicit credit from a bare
// agency.
func creditOnly(t string) (credit string, marked, ok bool) {
	if len(t) > maxCreditBytes {
		return "", false, false
	}
	inner := t
	if strings.HasPrefix(inner, "(") && strings.HasSuffix(inner, ")") {
		inner = trimSpace(inner[1 : len(inner)-1])
	}
	if m := markerAt(inner, 0); m != "" && creditBodyOK(inner[len(m):]) {
		return inner, true, true
	}
	if agencyCredit(inner) {
		return inner, false, true
	}
	return "", false, false
}

// splitCredit finds a credit at the end of p.
func splitCredit(p string) (text, credit string, marked, ok bool) {
	// a credit in brackets at the end: "… Rome (AFP)", "… (Photo: Jane Doe)"
	if strings.HasSuffix(p, ")") {
		if open := strings.LastIndexByte(p, '('); open > 0 && !strings.ContainsAny(p[open+1:len(p)-1], "()") {
			inner := trimSpace(p[open+1 : len(p)-1])
			if c, m, ok := creditOnly(inner); ok {
				return trimSep(p[:open]), c, m, true
			}
		}
	}
	// an explicit marker after a separator: "… Rome. Photo: Jane Doe"
	// (only the tail can hold a credit, so only the tail is searched, from
	// its end: the last marker wins)
	tail := max(0, len(p)-maxCreditBytes)
	for i := len(p) - 1; i > tail; i-- {
		if p[i-1] != ' ' && p[i-1] != '\n' {
			continue
		}
		m := markerAt(p, i)
		// a marker with a colon ("Image: …") needs no separator before
		// it: "Belle Image: Jane Doe."
		if m == "" || !strings.HasSuffix(m, ":") && !afterSeparator(p, i) {
			continue
		}
		if creditBodyOK(p[i+len(m):]) {
			return trimSep(p[:i]), trimCreditDot(trimSpace(p[i:])), true, true
		}
	}
	// a bare agency after a separator: the longest credit that parses
	for i := max(1, tail); i < len(p); i++ {
		if !afterSeparator(p, i) {
			continue
		}
		if c := p[i:]; agencyCredit(c) {
			return trimSep(p[:i]), c, false, true
		}
	}
	return "", "", false, false
}

// markerStarts marks the first bytes of the credit markers, so that most
// positions are passed over with one load.
var markerStarts = func() (starts [256]bool) {
	for _, m := range creditMarkers {
		starts[m[0]] = true
	}
	return starts
}()

// markerAt returns the credit marker that starts at p[i:], or "".
func markerAt(p string, i int) string {
	if i >= len(p) || !markerStarts[p[i]] {
		return ""
	}
	for _, m := range creditMarkers {
		if strings.HasPrefix(p[i:], m) {
			return m
		}
	}
	return ""
}

// creditBodyOK checks what follows a marker: a short name, not a sentence.
func creditBodyOK(s string) bool {
	s = trimSpace(s)
	if s == "" || len(s) > maxCreditBytes || moreFields(s, maxCreditWords) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '©' || unicode.IsLetter(r) && strings.Contains(s, "/")) {
		// "dpa", "imago" are lower case; allow a known agency too
		return agencyCredit(s)
	}
	// no sentence inside a credit
	return !strings.Contains(s, ". ") || initialsOnly(s)
}

// initialsOnly reports whether every ". " in s follows a single letter (an
// initial, as in "J. Smith").
func initialsOnly(s string) bool {
	for i := strings.Index(s, ". "); i >= 0; {
		if i < 1 || i >= 2 && s[i-2] != ' ' && s[i-2] != '/' {
			return false
		}
		j := strings.Index(s[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return true
}

// afterSeparator reports whether position i of p follows a separator that
// can stand between a caption and its credit: a sentence end and a space,
// a bar, a dash or slash between spaces, or a line break.
func afterSeparator(p string, i int) bool {
	if i == 0 {
		return true
	}
	if p[i-1] == '\n' {
		return true
	}
	if p[i-1] != ' ' {
		return false
	}
	before := trimRightSpaceNBSP(p[:i])
	if before == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', '»', ')', '|', '/', '•', '·':
		return true
	case '-', '–', '—':
		// a dash between spaces, not a hyphenated word
		rest := before[:len(before)-utf8.RuneLen(r)]
		return strings.HasSuffix(rest, " ")
	}
	return false
}

// trimRightSpaceNBSP is strings.TrimRight(s, " \u00a0") without the
// general cutset machinery.
func trimRightSpaceNBSP(s string) string {
	for {
		switch {
		case strings.HasSuffix(s, " "):
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-len("\u00a0")]
		default:
			return s
		}
	}
}

// trimSep trims a caption's text of the separator before its credit,
// keeping the sentence's own final punctuation.
func trimSep(s string) string {
	s = trimSpace(s)
	for {
		r, w := utf8.DecodeLastRuneInString(s)
		switch r {
		case '|', '/', '-', '–', '—', '•', '·', '(':
			s = trimSpace(s[:len(s)-w])
			continue
		}
		return s
	}
}

// agencyCredit reports whether c is a credit naming at least one agency:
// agencies and photographers' names joined by "/", " via ", " for ", "; "
// or ", " ("Reuters/Jane Doe", "John Smith/AFP via Getty Images").
func agencyCredit(c string) bool {
	c = trimSpace(c)
	if c == "" || len(c) > maxCreditBytes || moreFields(c, maxCreditWords) {
		return false
	}
	found := false
	ok := splitCreditParts(c, func(part string) bool {
		switch {
		case isAgency(part):
			if !helperCredits[part] {
				found = true
			}
		case helperCredits[part] || isPersonName(part):
		default:
			return false
		}
		return true
	})
	return ok && found
}

// creditSeparators split the parts of a credit, after "/", in this order:
// a part is split at the first separator, each piece at the next, and so on.
var creditSeparators = []string{"/", " via ", " for ", "; ", ", ", " and ", " & "}

// splitCreditParts calls fn with each part of a credit, in order, until fn
// returns false; it reports whether fn accepted every part. The pieces are
// substrings of c: nothing is allocated, since agencyCredit runs on every
// sentence end near the end of every line.
func splitCreditParts(c string, fn func(string) bool) bool {
	return splitEach(c, creditSeparators, fn)
}

// splitEach splits s at seps[0] (as strings.Split), each piece at seps[1],
// and so on, and calls fn with the trimmed final pieces in order ("\x00"
// for an empty one, which fails every test).
func splitEach(s string, seps []string, fn func(string) bool) bool {
	if len(seps) == 0 {
		if s = trimSpace(s); s == "" {
			s = "\x00"
		}
		return fn(s)
	}
	sep := seps[0]
	for {
		i := strings.Index(s, sep)
		if i < 0 {
			return splitEach(s, seps[1:], fn)
		}
		if !splitEach(s[:i], seps[1:], fn) {
			return false
		}
		s = s[i+len(sep):]
	}
}

// upperAgencies holds the all-capital forms of the agencies ("REUTERS",
// "GETTY IMAGES").
var upperAgencies = func() map[string]bool {
	m := make(map[string]bool, len(agencies))
	for a := range agencies {
		m[strings.ToUpper(a)] = true
	}
	return m
}()

func isAgency(s string) bool {
	return agencies[s] || upperAgencies[s] && isUpperForm(s)
}

// isUpperForm reports whether s == strings.ToUpper(s), without building the
// upper-case copy when s is ASCII.
func isUpperForm(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return s == strings.ToUpper(s)
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

// moreFields reports whether s has more than n words as strings.Fields
// counts them (runs of non-space), without building the list.
func moreFields(s string, n int) bool {
	count := 0
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += w
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			if count++; count > n {
				return true
			}
		}
	}
	return false
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// nextField returns the first word of s (as strings.Fields splits) and the
// rest after it; word is "" when s has none.
func nextField(s string) (word, rest string) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		w := 1
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				return s[start:i], s[i:]
			}
		} else if start < 0 {
			start = i
		}
		i += w
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// nameParticles may stand lower case inside a personal name.
var nameParticles = setOf("de", "da", "di", "del", "della", "der", "den", "van", "von", "al", "el",
	"bin", "ibn", "la", "le", "du", "dos", "das", "ter", "y", "zu")

// isPersonName reports whether s looks like a photographer's name: one to
// five capitalised words (initials, hyphens and particles allowed).
func isPersonName(s string) bool {
	if moreFields(s, 5) {
		return false
	}
	caps := 0
	for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
			for _, c := range w {
				if !(unicode.IsLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.' || unicode.Is(unicode.Mn, c)) {
					return false
				}
			}
			// a dot only after an initial or an abbreviation ("Jr.")
			if strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 4 {
				return false
			}
		case nameParticles[w]:
		default:
			return false
		}
	}
	return caps > 0
}

// trimCreditDot drops the full stop that closes a credit written as a
// sentence ("Image: Jane Doe."), but not the dot of an initial or an
// abbreviation ("J.", "et al.", "Inc.").
func trimCreditDot(c string) string {
	if !strings.HasSuffix(c, ".") {
		return c
	}
	words := strings.Fields(c)
	last := strings.TrimSuffix(words[len(words)-1], ".")
	if utf8.RuneCountInString(last) <= 1 || strings.Contains(last, ".") {
		return c
	}
	switch strings.ToLower(last) {
	case "al", "inc", "ltd", "co", "corp", "jr", "sr":
		return c
	}
	return c[:len(c)-1]
}
