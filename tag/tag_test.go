package tag_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
	"github.com/newsgraph/newsgraph/tag/internal/ud"
	"github.com/newsgraph/newsgraph/tag/model"
)

func analyse(t testing.TB, text string) *newsgraph.Document {
	t.Helper()
	d := &newsgraph.Document{Text: text}
	segment.Segment(d)
	if err := tag.Stage.Process(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestModelLoads(t *testing.T) {
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"NN", "NNP", "VBD", "IN", "DT", ".", "``"} {
		if !slices.Contains(tg.Tags(), want) {
			t.Errorf("tag set %v lacks %q", tg.Tags(), want)
		}
	}
}

func TestTagSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string // token → tag ("JJ|NNP": either); each token text appears once
	}{
		{"news sentence with possessive name",
			"US President Donald Trump's meeting with Ukrainian President Zelensky got out of hand.",
			map[string]string{"President": "NNP", "Donald": "NNP", "Trump's": "NNP", "meeting": "NN", "with": "IN",
				"Ukrainian": "JJ|NNP", "got": "VBD", "hand": "NN", ".": "."}},
		{"past tense and determiner",
			"The minister said the talks had failed.",
			map[string]string{"The": "DT", "minister": "NN", "said": "VBD", "talks": "NNS", "had": "VBD", "failed": "VBN"}},
		{"contraction heads its token",
			"They don't want a war, he said.",
			map[string]string{"They": "PRP", "don't": "VBP", "want": "VB", "war": "NN", ",": ",", "he": "PRP", "said": "VBD"}},
		{"numbers and modal",
			"Russia will send 1,200 troops in 2025.",
			map[string]string{"Russia": "NNP", "will": "MD", "send": "VB", "1,200": "CD", "troops": "NNS", "2025": "CD"}},
		{"quotation marks and adjective",
			`The White House described the meeting as "very productive".`,
			map[string]string{"described": "VBD", "very": "RB", "productive": "JJ"}},
		{"abbreviation with dots",
			"The U.S. and Russia agreed to talk.",
			map[string]string{"U.S.": "NNP", "agreed": "VBD", "to": "TO", "talk": "VB"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, tc.text)
			got := map[string]string{}
			for _, tok := range d.Tokens {
				got[tok.Text] = tok.POS
			}
			for w, want := range tc.want {
				if !slices.Contains(strings.Split(want, "|"), got[w]) {
					t.Errorf("%q tagged %q, want %q (all: %v)", w, got[w], want, got)
				}
			}
		})
	}
}

// TestAccuracyEWTDev measures token accuracy on the dev split of UD English
// EWT, tokenised by our segmenter as in training.
func TestAccuracyEWTDev(t *testing.T) {
	dir := shared.Path(t, "data/ud-english-ewt")
	acc := accuracyOn(t, filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	t.Logf("EWT dev accuracy %.4f", acc)
	if acc < 0.94 {
		t.Errorf("EWT dev accuracy %.4f < 0.94", acc)
	}
}

func accuracyOn(t *testing.T, path string) float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ud.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	correct, total := 0, 0
	for _, s := range sents {
		tg.TagSentence(s.Tokens)
		for i, tok := range s.Tokens {
			if tok.POS == s.Gold[i] {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(total)
}

func FuzzSegmentTag(f *testing.F) {
	for _, s := range []string{
		"US President Trump's meeting with Zelensky.",
		"„Wir schaffen das“, sagte sie. «Non» — Привет, мир! 🙂",
		"e\u0301te\u0301 \u00a0 don’t U.S.-led 1st 5pm 1,200.5 ... ?!",
		"line one\r\nline two\r\n\r\nA. B. C.",
		strings.Repeat("word ", 300),
		"\xff\xfe broken utf8 \xc3",
	} {
		f.Add(s)
	}
	tg, err := tag.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &newsgraph.Document{Text: text}
		segment.Segment(d)
		tg.Tag(d)
		for i, tok := range d.Tokens {
			if tok.POS == "" {
				t.Fatalf("token %d %q has no tag", i, tok.Text)
			}
			if !slices.Contains(tg.Tags(), tok.POS) {
				t.Fatalf("token %d %q has tag %q outside the tag set", i, tok.Text, tok.POS)
			}
		}
		// a sentence tagged on its own gets the same tags
		for _, s := range d.Sentences {
			toks := slices.Clone(d.Tokens[s.FirstToken:s.EndToken])
			for i := range toks {
				toks[i].POS = ""
			}
			tg.TagSentence(toks)
			for i := range toks {
				if toks[i].POS != d.Tokens[s.FirstToken+i].POS {
					t.Fatalf("token %q: %q alone, %q in the document", toks[i].Text, toks[i].POS, d.Tokens[s.FirstToken+i].POS)
				}
			}
		}
	})
}

// benchTexts reads the model article and the MEANTIME articles.
func benchTexts(b *testing.B) []string {
	var texts []string
	data, err := os.ReadFile(shared.Path(b, "examples/rome-meeting.txt"))
	if err != nil {
		b.Fatal(err)
	}
	texts = append(texts, string(data))
	f, err := os.Open(shared.Path(b, "data/meantime-english/meantime-articles.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	return texts
}

// BenchmarkTag measures the tag stage alone on segmented documents.
func BenchmarkTag(b *testing.B) {
	texts := benchTexts(b)
	tg, err := tag.Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*newsgraph.Document, len(texts))
	size, tokens := 0, 0
	for i, s := range texts {
		docs[i] = &newsgraph.Document{Text: s}
		segment.Segment(docs[i])
		size += len(s)
		tokens += len(docs[i].Tokens)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			tg.Tag(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

// cpuTime is the user and system CPU time the process has used so far: on
// a machine shared with other jobs it does not count the time spent
// waiting for a core, as the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := tag.Load(model.POS); err != nil {
			b.Fatal(err)
		}
	}
}
