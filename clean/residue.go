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

// labelKey lower-cases a line and strips the decorations (arrows, colons,
// bullets, brackets) that buttons carry.
func labelKey(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '»', '›', '→', '>', '<', '«', '‹', '←', '|', '•', '·', '+', ':', '[', ']', '▶', '►', '↗':
			return true
		}
		return unicode.IsSpace(r)
	})
	return strings.ToLower(s)
}

// isResidueLine reports whether a trimmed line is only interface residue.
func isResidueLine(t string) bool {
	if len(t) > maxResidueBytes {
		return false
	}
	key := labelKey(t)
	if residueLabels[key] {
		return true
	}
	if key == "" {
		// a line of only arrows and bullets
		return true
	}
	low := strings.ToLower(t)
	for _, p := range residuePrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// "Sign up for …", "Subscribe to …" are residue when they offer the
	// site's own newsletter or alerts, not when a text tells how to sign up
	// for something
	for _, p := range subscribePrefixes {
		if strings.HasPrefix(low, p) {
			for _, w := range subscribeObjects {
				if strings.Contains(low, w) {
					return true
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

// cutTrailingResidue cuts one label from the end of a line: "… from
// Washington. Show more" → "… from Washington.", "Show more". It also cuts
// a last sentence that is a call to action ("Click here to …").
func cutTrailingResidue(t string) (body, label string, ok bool) {
	return cutTrailing(t, 3)
}

// cutTrailing is cutTrailingResidue allowing up to depth labels in a row.
func cutTrailing(t string, depth int) (body, label string, ok bool) {
	for _, l := range trailingLabels {
		if len(t) <= len(l) {
			continue
		}
		tail := t[len(t)-len(l):]
		if tail != l && tail != strings.ToUpper(l) {
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
		low := strings.ToLower(last)
		for _, p := range []string{"click here to ", "click here for ", "sign up for our ", "follow us on ", "subscribe to our "} {
			if strings.HasPrefix(low, p) {
				return strings.TrimRight(t[:i], " \t\u00a0"), last, true
			}
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
