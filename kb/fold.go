package kb

import (
	"unicode"
	"unicode/utf8"
)

// foldBufSize is the size of the stack buffer the lookups fold into. Names
// longer than this are folded into a heap buffer; no real name is that long.
const foldBufSize = 96

// latinBase maps the precomposed Latin letters U+00C0..U+024F to their
// lowercase ASCII base letters (or short strings, for ß, æ, œ, þ…), so that
// "Élysée", "Zelenskyj" and "Zelens'kyi" fold without a Unicode
// normalisation pass. An empty entry means "not a letter with a base":
// the rune is lowercased and kept.
var latinBase = func() [0x250 - 0xC0]string {
	var t [0x250 - 0xC0]string
	set := func(base string, runes string) {
		for _, r := range runes {
			t[r-0xC0] = base
		}
	}
	set("a", "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧ")
	set("ae", "ÆæǢǣǼǽ")
	set("c", "ÇçĆćĈĉĊċČč")
	set("d", "ĎďĐđÐð")
	set("e", "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ")
	set("g", "ĜĝĞğĠġĢģǤǥǦǧǴǵ")
	set("h", "ĤĥĦħȞȟ")
	set("i", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋ")
	set("ij", "Ĳĳ")
	set("j", "Ĵĵǰ")
	set("k", "Ķķĸ")
	set("l", "ĹĺĻļĽľĿŀŁł")
	set("n", "ÑñŃńŅņŇňŉŊŋǸǹ")
	set("o", "ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒǪǫǬǭǾǿȌȍȎȏȪȫȬȭȮȯȰȱ")
	set("oe", "Œœ")
	set("r", "ŔŕŖŗŘřȐȑȒȓ")
	set("s", "ŚśŜŝŞşŠšȘș")
	set("ss", "ß")
	set("t", "ŢţŤťŦŧȚț")
	set("th", "Þþ")
	set("u", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔǕǖǗǘǙǚǛǜȔȕȖȗ")
	set("w", "Ŵŵ")
	set("y", "ÝýÿŶŷŸȲȳ")
	set("z", "ŹźŻżŽž")
	return t
}()

// Fold returns the form of s that the lookups compare: lowercase, Latin
// diacritics stripped ("Élysée" → "elysee"), typographic apostrophes and
// primes turned into ASCII "'", dashes that join words turned into "-", and
// every run of white space turned into one space, trimmed at both ends.
// Letters of other scripts are lowercased and kept. Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var buf [foldBufSize]byte
	return string(appendFold(buf[:0], s))
}

// isFolded reports whether Fold would return s unchanged, so that Fold of an
// already folded ASCII string does not allocate.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80, c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// appendFold appends the folded form of s to dst. It allocates only when dst
// has too little room.
func appendFold(dst []byte, s string) []byte {
	pendingSpace := false
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				pendingSpace = len(dst) > start
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			if pendingSpace {
				dst = append(dst, ' ')
				pendingSpace = false
			}
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var repl string
		switch {
		case r >= 0xC0 && r < 0x250:
			repl = latinBase[r-0xC0]
		case r == '\u2018', r == '\u2019', r == '\u201B', r == '\u2032', r == '\u02BC', r == '\u02BB', r == '\u00B4':
			repl = "'"
		case r == '\u2010', r == '\u2011', r == '\u2012', r == '\u2013', r == '\u2014', r == '\u2212':
			repl = "-"
		case r == '\u00A0', r == '\u2007', r == '\u202F', r == '\u2009', r == '\u200A', r == '\u3000',
			r >= '\u2000' && r <= '\u2006', r == '\u2008':
			pendingSpace = len(dst) > start
			continue
		case r == '\u00AD', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF':
			continue // soft hyphen and zero-width characters vanish
		case r >= 0x300 && r < 0x370:
			continue // combining diacritics: "E\u0301lyse\u0301e" folds as "Élysée"
		}
		if pendingSpace {
			dst = append(dst, ' ')
			pendingSpace = false
		}
		if repl != "" {
			dst = append(dst, repl...)
			continue
		}
		// Lowercasing may land on ASCII or on a Latin letter with a base
		// (the Kelvin and Ångström signs, capital sharp s), which must fold
		// like that letter for Fold to be idempotent.
		lr := unicode.ToLower(r)
		switch {
		case lr < utf8.RuneSelf:
			dst = append(dst, byte(lr))
		case lr >= 0xC0 && lr < 0x250 && latinBase[lr-0xC0] != "":
			dst = append(dst, latinBase[lr-0xC0]...)
		default:
			dst = utf8.AppendRune(dst, lr)
		}
	}
	return dst
}
