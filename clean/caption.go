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

// markerAt returns the credit marker that starts at p[i:], or "".
func markerAt(p string, i int) string {
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
	if s == "" || len(s) > maxCreditBytes || len(strings.Fields(s)) > maxCreditWords {
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
	before := strings.TrimRight(p[:i], " \u00a0")
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
	if c == "" || len(c) > maxCreditBytes || len(strings.Fields(c)) > maxCreditWords {
		return false
	}
	found := false
	ok := true
	splitCreditParts(c, func(part string) {
		if !ok {
			return
		}
		switch {
		case isAgency(part):
			if !helperCredits[part] {
				found = true
			}
		case helperCredits[part] || isPersonName(part):
		default:
			ok = false
		}
	})
	return ok && found
}

// splitCreditParts calls fn with each part of a credit.
func splitCreditParts(c string, fn func(string)) {
	for _, a := range strings.Split(c, "/") {
		for _, b := range splitAny(a, " via ", " for ", "; ", ", ", " and ", " & ") {
			if b = trimSpace(b); b != "" {
				fn(b)
			} else {
				fn("\x00") // an empty part fails every test
			}
		}
	}
}

func splitAny(s string, seps ...string) []string {
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

func isAgency(s string) bool {
	if agencies[s] {
		return true
	}
	// all-capital form of a listed agency: "REUTERS", "GETTY IMAGES"
	if s == strings.ToUpper(s) {
		for a := range agencies {
			if len(a) == len(s) && strings.ToUpper(a) == s {
				return true
			}
		}
	}
	return false
}

// nameParticles may stand lower case inside a personal name.
var nameParticles = setOf("de", "da", "di", "del", "della", "der", "den", "van", "von", "al", "el",
	"bin", "ibn", "la", "le", "du", "dos", "das", "ter", "y", "zu")

// isPersonName reports whether s looks like a photographer's name: one to
// five capitalised words (initials, hyphens and particles allowed).
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	caps := 0
	for _, w := range words {
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
