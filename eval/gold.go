// Package eval scores the pipeline against gold files: hand-made or converted
// annotations of news articles, one JSON file per article (SPEC §6).
//
// # Gold format
//
// A gold file is a record of SPEC §2 that annotates only some of its parts,
// with names instead of ids. Offsets count code points into "text", end
// exclusive (Python's text[start:end]), and every span's "text" must equal
// that slice. The article text is the gold's own "text": eval runs the
// pipeline on it with the gold's "published" date.
//
//	{
//	  "id": "rome-meeting", "published": "2025-04-26",
//	  "text": "…",
//	  "entities": [{"name": "Donald Trump", "type": "PERSON",
//	                "mentions": [{"start": 3, "end": 8, "text": "Trump", "kind": "name"}]}],
//	  "quotes": [{"text": "…", "start": 0, "end": 0, "kind": "direct|indirect|mixed",
//	              "speaker": "Donald Trump" | null,
//	              "speaker_start": 10, "speaker_end": 15}],
//	  "times": [{"text": "on Friday", "start": 0, "end": 0, "type": "DATE", "value": "2025-04-25"}],
//	  "events": [{"type": "CONSULT", "actors": ["Donald Trump"], "targets": ["Volodymyr Zelensky"],
//	              "date": "2025-04-26"}]
//	}
//
// A layer is annotated when its key holds a list, even an empty one (then
// every prediction of that layer is a false positive); a missing key or null
// means the layer is not annotated and is not scored for that file.
//
// Entity types may list alternatives ("GPE|LOC") where the ontology allows
// either; a mention may carry its own "type" (the NORP mention "Ukrainian" of
// the entity Ukraine). A gold that annotates only some entity types lists
// them in "entity_types"; predicted mentions of other types are then left
// out of the mention score. A mention's "kind" is name, role, pronoun or
// description; missing means name. A quote's speaker is a name, null when the
// text names none, or a span (speaker_start/speaker_end, as converted from
// corpora that mark the source span); a gold quote may give both.
//
// # Scores
//
//   - entity mentions: name mentions only, exact span and type, P/R/F1;
//   - entity identity: pairwise over the gold mentions (all kinds): a pair
//     is positive in gold when both mentions belong to one gold entity, and
//     in the prediction when the predicted mentions at the same spans belong
//     to one predicted entity; also split by the kinds of the pair (both
//     names — and both names that the prediction found at their spans, which
//     judges the identity decisions apart from mention detection —, one a
//     pronoun, one a description or role);
//   - pronoun antecedents: the share of third-person gold pronouns with an
//     earlier name or description in their gold entity whose predicted
//     entity's nearest earlier non-pronoun gold mention is of that entity;
//   - quotes: a predicted quote matches a gold one when their overlap is at
//     least half of their union, one to one, greedily by overlap; P/R/F1 for
//     all quotes regardless of kind, and per kind (matching within the kind);
//   - speaker accuracy over the matched quotes: the predicted speaker
//     entity's canonical name, an alias or a name mention equals the gold
//     name (case and diacritics folded; the names of the state that a
//     capital stands for count too), or one of its mentions overlaps the
//     gold speaker span; a null gold speaker matches a null prediction;
//   - times: exact span and overlapping span P/R/F1, and value accuracy
//     over the overlap matches;
//   - events: a predicted event matches a gold one when the types are
//     equal, every gold actor name is a name of one of the predicted actors,
//     and the dates agree when the gold gives one (equal, or the prediction
//     is a more precise value inside the gold's).
//
// Counts are summed over files before P/R/F1 are computed (micro-average).
// P is 0 when nothing was predicted, R is 0 when the gold holds nothing; the
// table prints "-" for a figure whose denominator is zero.
//
// # Converters
//
// ConvertPolNeAR (attributions → quotes, speaker by name and span; direct
// when the content is in quotation marks, one quote per quoted part; mixed
// when it holds a quoted part; else indirect), ConvertMEANTIME (the fully
// annotated headline and first five sentences: entities of type PER, ORG
// and LOC with their mentions, names cut to the name itself, and TIMEX3
// times), ConvertGUM (the people, organisations and places of GUM's
// coreference layer, every sentence, names cut the same way) and ConvertTimeML (TempEval-3 and TimeBank times) write gold files
// for `newsgraph convert`. Their output is for evaluation only and stays
// outside the project.
//
// # Concurrency
//
// Scoring functions are pure; gold files are read once and never changed.
//
// # Performance
//
// Scoring is linear in the number of spans except entity identity, which is
// quadratic in the number of gold mentions of one article (a few thousand
// pairs per news article). An evaluation costs what the pipeline costs on
// the gold texts; scoring itself takes well under a millisecond an article.
package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one annotated article. A nil layer is not annotated.
type Gold struct {
	ID        string       `json:"id,omitempty"`
	Source    string       `json:"source,omitempty"`
	Published string       `json:"published,omitempty"`
	Text      string       `json:"text"`
	Entities  []GoldEntity `json:"entities"`
	Quotes    []GoldQuote  `json:"quotes"`
	Times     []GoldTime   `json:"times"`
	Events    []GoldEvent  `json:"events"`
	// EntityTypes lists the entity types the gold annotates, when it
	// annotates only some (MEANTIME has no NORP): predicted name mentions
	// of other types are then not counted. Empty: all types.
	EntityTypes []string `json:"entity_types,omitempty"`

	path string
}

// GoldEntity is one referent with its mentions.
type GoldEntity struct {
	Name     string        `json:"name"`
	Type     string        `json:"type"` // "PERSON", or alternatives "GPE|LOC"
	Mentions []GoldMention `json:"mentions"`
}

// GoldMention is one span that refers to its entity.
type GoldMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Kind  string `json:"kind,omitempty"` // name (default), role, pronoun, description
	Type  string `json:"type,omitempty"` // overrides the entity's type for this mention
}

// GoldQuote is one attributed statement.
type GoldQuote struct {
	Text         string  `json:"text"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Kind         string  `json:"kind"`
	Speaker      *string `json:"speaker"`
	SpeakerStart *int    `json:"speaker_start,omitempty"`
	SpeakerEnd   *int    `json:"speaker_end,omitempty"`
	Cue          string  `json:"cue,omitempty"`
}

// GoldTime is one time expression.
type GoldTime struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Type  string  `json:"type,omitempty"`
	Value *string `json:"value"`
}

// GoldEvent is one PLOVER event, with actors by name.
type GoldEvent struct {
	Type    string   `json:"type"`
	Actors  []string `json:"actors"`
	Targets []string `json:"targets,omitempty"`
	Date    *string  `json:"date,omitempty"`
	Note    string   `json:"note,omitempty"` // for people reading the gold; not scored
}

// Path is the file the gold was read from ("" when built in memory).
func (g *Gold) Path() string { return g.path }

// Errors of reading gold files.
var (
	ErrBadSpan = errors.New("span does not match the text")
	ErrNoGold  = errors.New("no gold files")
)

// GoldError names the gold file and the place in it that is wrong.
type GoldError struct {
	Path string
	Err  error
}

func (e *GoldError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *GoldError) Unwrap() error { return e.Err }

// ReadGold reads and checks one gold file.
func ReadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, &GoldError{path, err}
	}
	g.path = path
	if err := g.Check(); err != nil {
		return nil, &GoldError{path, err}
	}
	return &g, nil
}

// GoldFiles lists the gold files of dir (*.json, sorted), or dir itself when
// it is a file.
func GoldFiles(dir string) ([]string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{dir}, nil
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoGold)
	}
	sort.Strings(files)
	return files, nil
}

// marshalGold writes a gold file as people read it: indented, with
// quotation marks and ampersands as they are.
func marshalGold(g *Gold) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Check verifies that every span lies inside the text, in order, and that
// its text (when given) is the text's slice, so that a wrong offset in a
// gold file is found when it is read, not guessed from low scores.
func (g *Gold) Check() error {
	runes := []rune(g.Text)
	span := func(what string, s, e int, text string) error {
		if s < 0 || e < s || e > len(runes) {
			return fmt.Errorf("%s [%d,%d): %w (text has %d code points)", what, s, e, ErrBadSpan, len(runes))
		}
		if text != "" && string(runes[s:e]) != text {
			return fmt.Errorf("%s [%d,%d) is %q, not %q: %w", what, s, e, string(runes[s:e]), text, ErrBadSpan)
		}
		return nil
	}
	for _, ent := range g.Entities {
		for _, m := range ent.Mentions {
			if err := span("mention of "+ent.Name, m.Start, m.End, m.Text); err != nil {
				return err
			}
		}
	}
	for _, q := range g.Quotes {
		if err := span("quote", q.Start, q.End, q.Text); err != nil {
			return err
		}
		if (q.SpeakerStart == nil) != (q.SpeakerEnd == nil) {
			return fmt.Errorf("quote [%d,%d): speaker_start and speaker_end go together", q.Start, q.End)
		}
		if q.SpeakerStart != nil {
			if err := span("speaker", *q.SpeakerStart, *q.SpeakerEnd, ""); err != nil {
				return err
			}
		}
	}
	for _, t := range g.Times {
		if err := span("time", t.Start, t.End, t.Text); err != nil {
			return err
		}
	}
	return nil
}
