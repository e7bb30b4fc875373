package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// residueLabels are interface labels that make up a whole line or paragraph
// when a page's buttons and links are copied with its text. Keys are lower
// case, without the arrows and colons that decorate them.
var residueLabels = setOf(
	"show more", "show less", "read more", "read less", "see more", "see less", "load more",
	"more", "less", "expand", "collapse", "close", "menu", "open", "toggle caption",
	"share", "share this", "share this article", "share this story", "share article", "share story",
	"share on facebook", "share on twitter", "share on x", "share on whatsapp", "share on linkedin",
	"share via email", "share via e-mail", "share by email", "email", "e-mail", "print", "tweet",
	"copy link", "link copied", "copied", "save", "save article", "saved", "bookmark",
	"facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "pinterest", "telegram",
	"messenger", "flipboard", "mail",
	"advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
	"continue reading", "continue reading below", "continue reading the main story",
	"story continues below", "story continues below advertisement", "article continues below",
	"article continues below advertisement", "scroll to continue", "scroll to continue reading",
	"skip advertisement", "skip ad", "skip to content", "skip to main content", "back to top",
	"listen", "listen to this article", "listen to article", "play", "play video", "watch video",
	"watch", "video", "photo", "photos", "image", "images", "gallery", "view gallery", "open gallery",
	"enlarge", "enlarge image", "zoom", "full screen", "fullscreen",
	"comments", "view comments", "show comments", "leave a comment", "add comment", "comment",
	"subscribe", "subscribe now", "log in", "login", "sign in", "register", "sign up",
	"related", "related articles", "related stories", "related content", "related topics",
	"recommended", "recommended stories", "most read", "most popular", "top stories",
	"more on this story", "more from", "trending", "trending now", "latest news", "topics",
	"accept", "accept all", "accept cookies", "reject all", "cookie settings", "manage cookies",
	"privacy settings", "ok", "got it", "dismiss", "next", "previous", "prev", "next article",
	"previous article", "loading", "loading...", "loading…",
)

// residuePrefixes start a call to action or a notice. A line that starts
// with one and is short is residue; a long line is prose that happens to
// begin the same way.
var residuePrefixes = []string{
	"click here to ", "click here for ", "click here and ", "tap here to ", "tap here for ",
	"sign up now",
	"follow us on ", "follow us:", "follow us at ", "like us on ", "join us on ",
	"watch:", "watch video:", "video:", "watch now:", "listen:", "podcast:",
	"read more:", "read also:", "also read:", "read:", "see also:", "related:", "more:",
	"more on this:", "more from ", "recommended:", "don't miss:", "must read:", "read next:",
	"we use cookies", "this website uses cookies", "this site uses cookies", "our website uses cookies",
	"by continuing to use", "by using this site", "by using our site", "by clicking",
	"download our app", "download the app", "get the app", "get our newsletter", "get the latest",
	"you may also like", "you might also like", "more stories", "share this with",
	"enable javascript", "please enable javascript", "your browser does not support",
	"this video is not available", "sorry, this video",
}

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// trimLabel strips the decorations (arrows, colons, bullets, brackets) that
// buttons carry; the label key is the rest in lower case.
func trimLabel(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '»', '›', '→', '>', '<', '«', '‹', '←', '|', '•', '·', '+', ':', '[', ']', '▶', '►', '↗':
			return true
		}
		return unicode.IsSpace(r)
	})
}

// isLabel reports whether residueLabels holds strings.ToLower(s). A line
// that starts with labelBufBytes ASCII bytes is lowered into a stack buffer,
// and is longer than any label when it does not fit; lowering other text
// may change its length (at most fourfold), so only text short enough is
// lowered then.
func isLabel(s string) bool {
	var buf [labelBufBytes]byte
	if low, ok := lowerASCII(buf[:0], s, len(buf)); ok {
		return len(low) == len(s) && residueLabels[string(low)]
	}
	if len(s) > 4*maxLabelBytes {
		return false
	}
	return residueLabels[strings.ToLower(s)]
}

// labelBufBytes is more than maxLabelBytes (TestPrefixLengths checks it).
const labelBufBytes = 48

// maxLabelBytes is the length of the longest residue label.
var maxLabelBytes = func() int {
	n := 0
	for l := range residueLabels {
		n = max(n, len(l))
	}
	return n
}()

// lowerASCII appends to dst the first min(n, len(s)) bytes of s in lower
// case when they are all ASCII; ok is false, and nothing is appended, when
// one is not. Lower-casing maps each ASCII byte to one byte, so the result
// is the start of strings.ToLower(s) whatever follows.
func lowerASCII(dst []byte, s string, n int) (low []byte, ok bool) {
	n = min(n, len(s))
	for i := 0; i < n; i++ {
		if s[i] >= utf8.RuneSelf {
			return dst, false
		}
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// hasLowerPrefix reports whether strings.ToLower(s) starts with one of
// prefixes (all shorter than maxPrefixBytes bytes), lowering only the head
// of s when it is ASCII.
func hasLowerPrefix(s string, prefixes []string) bool {
	var buf [maxPrefixBytes]byte
	if head, ok := lowerASCII(buf[:0], s, len(buf)); ok {
		for _, p := range prefixes {
			if len(head) >= len(p) && string(head[:len(p)]) == p {
				return true
			}
		}
		return false
	}
	low := strings.ToLower(s)
	for _, p := range prefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// maxPrefixBytes bounds the length of the prefixes given to hasLowerPrefix
// (TestPrefixLengths checks it).
const maxPrefixBytes = 40

// isResidueLine reports whether a trimmed line is only interface residue.
func isResidueLine(t string) bool {
	if len(t) > maxResidueBytes {
		return false
	}
	key := trimLabel(t)
	if key == "" {
		// a line of only arrows and bullets
		return true
	}
	if isLabel(key) {
		return true
	}
	if hasLowerPrefix(t, residuePrefixes) {
		return true
	}
	// "Sign up for …", "Subscribe to …" are residue when they offer the
	// site's own newsletter or alerts, not when a text tells how to sign up
	// for something
	if hasLowerPrefix(t, subscribePrefixes) {
		low := strings.ToLower(t)
		for _, p := range subscribePrefixes {
			if strings.HasPrefix(low, p) {
				for _, w := range subscribeObjects {
					if strings.Contains(low, w) {
						return true
					}
				}
			}
		}
	}
	return false
}

var subscribePrefixes = []string{"sign up for ", "sign up to ", "subscribe to ", "subscribe for ", "register for "}

var subscribeObjects = []string{"newsletter", "our ", "alerts", "updates", "briefing", "channel",
	"podcast", "inbox", "digest"}

// trailingLabels are labels that pages leave glued to the end of a
// paragraph. They must start with a capital (or be all capitals) and
// follow a sentence end.
var trailingLabels = []string{
	"Show more", "Show less", "Read more", "Read less", "See more", "Load more",
	"Continue reading", "Advertisement", "Share this article", "Share this", "Share",
	"Expand", "Collapse", "Watch video", "Play video", "Listen to this article",
}

// upperTrailingLabels[i] is trailingLabels[i] in capitals.
var upperTrailingLabels = func() []string {
	up := make([]string, len(trailingLabels))
	for i, l := range trailingLabels {
		up[i] = strings.ToUpper(l)
	}
	return up
}()

// callsToAction start a last sentence that is residue.
var callsToAction = []string{"click here to ", "click here for ", "sign up for our ", "follow us on ", "subscribe to our "}

// cutTrailingResidue cuts one label from the end of a line: "… from
// Washington. Show more" → "… from Washington.", "Show more". It also cuts
// a last sentence that is a call to action ("Click here to …").
func cutTrailingResidue(t string) (body, label string, ok bool) {
	return cutTrailing(t, 3)
}

// cutTrailing is cutTrailingResidue allowing up to depth labels in a row.
func cutTrailing(t string, depth int) (body, label string, ok bool) {
	for li, l := range trailingLabels {
		if len(t) <= len(l) {
			continue
		}
		tail := t[len(t)-len(l):]
		if tail != l && tail != upperTrailingLabels[li] {
			// allow decorations after the label: "Read more »"
			continue
		}
		before := strings.TrimRight(t[:len(t)-len(l)], " \t\u00a0")
		if len(before) == len(t)-len(l) || !endsSentence(before) && !endsWithLabel(before, depth-1) {
			continue
		}
		return before, tail, true
	}
	// a last sentence that calls to action
	if i := lastSentenceStart(t); i > 0 && depth > 0 && len(t)-i <= maxResidueBytes {
		last := t[i:]
		if hasLowerPrefix(last, callsToAction) {
			return strings.TrimRight(t[:i], " \t\u00a0"), last, true
		}
	}
	return t, "", false
}

// endsWithLabel reports whether s ends with a trailing label that itself
// follows a sentence end ("It ended. Share").
func endsWithLabel(s string, depth int) bool {
	if depth <= 0 {
		return false
	}
	_, _, ok := cutTrailing(s, depth)
	return ok
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotation marks or brackets.
func endsSentence(s string) bool {
	for s != "" {
		r, w := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', '…':
			return true
		case '"', '”', '’', '\'', '»', ')', ']':
			s = s[:len(s)-w]
			continue
		}
		return false
	}
	return false
}

// lastSentenceStart returns the byte offset where the last sentence of t
// starts (after ". " and a capital), or -1; it looks no further back than
// maxResidueBytes, all that a call to action can be.
func lastSentenceStart(t string) int {
	for i := len(t) - 1; i > 1 && len(t)-i <= maxResidueBytes; i-- {
		if t[i-1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsUpper(r) {
			continue
		}
		if endsSentence(t[:i-1]) {
			return i
		}
	}
	return -1
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '\'', '‘', '’', '‹', '›':
		return true
	}
	return false
}
