package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func TestText(t *testing.T) {
	type cap struct{ Text, Credit string }
	tests := []struct {
		name    string
		raw     string
		text    string
		caps    []cap
		dropped []string
	}{
		{"plain body unchanged", "One.\n\nTwo.", "One.\n\nTwo.", nil, nil},
		{"windows line endings", "One.\r\n\r\nTwo.\r\nThree.", "One.\n\nTwo.\nThree.", nil, nil},
		{"line endings converted twice", "One.\r\r\n\r\r\nTwo.\r\r\nThree.\rFour.", "One.\n\nTwo.\nThree.\rFour.", nil, nil},
		{"nbsp kept", "It cost 5\u00a0euros.\n\nNext\u00a0one.", "It cost 5\u00a0euros.\n\nNext\u00a0one.", nil, nil},
		{"many blank lines", "One.\n\n\n \n\nTwo.", "One.\n\nTwo.", nil, nil},
		{"agency after caption sentence", "Leaders at the summit in Paris. AFP\n\nThe talks began.",
			"The talks began.", []cap{{"Leaders at the summit in Paris.", "AFP"}}, nil},
		{"agency with photographer", "Soldiers near the front line. Reuters/Jane Doe\n\nBody.",
			"Body.", []cap{{"Soldiers near the front line.", "Reuters/Jane Doe"}}, nil},
		{"photographer via getty", "The minister speaks. John Smith/AFP via Getty Images\n\nBody.",
			"Body.", []cap{{"The minister speaks.", "John Smith/AFP via Getty Images"}}, nil},
		{"all caps agency and name", "Protesters in the square. REUTERS/JOHN DOE\n\nBody.",
			"Body.", []cap{{"Protesters in the square.", "REUTERS/JOHN DOE"}}, nil},
		{"photo marker", "A crowd gathers outside parliament. Photo: Jane Doe\n\nBody.",
			"Body.", []cap{{"A crowd gathers outside parliament.", "Photo: Jane Doe"}}, nil},
		{"bracketed photo marker", "Rescue workers at the site (Photo: Jane Doe/dpa)\n\nBody.",
			"Body.", []cap{{"Rescue workers at the site", "Photo: Jane Doe/dpa"}}, nil},
		{"bracketed agency", "The ship in port (AP)\n\nBody.", "Body.", []cap{{"The ship in port", "AP"}}, nil},
		{"copyright sign", "The old town at dusk. © Jane Doe\n\nBody.", "Body.", []cap{{"The old town at dusk.", "© Jane Doe"}}, nil},
		{"colon marker after a caption without a period", "Delegates at the opening session Image: Jane Doe.\n\nBody.", "Body.",
			[]cap{{"Delegates at the opening session", "Image: Jane Doe"}}, nil},
		{"credit keeps the dot of an abbreviation", "A lab at work. Image: Doe et al.\n\nBody.", "Body.", []cap{{"A lab at work.", "Image: Doe et al."}}, nil},
		{"photo by in brackets", "Fans outside the stadium (Photo by Jane Doe/Getty Images)\n\nBody.", "Body.",
			[]cap{{"Fans outside the stadium", "Photo by Jane Doe/Getty Images"}}, nil},
		{"agency via getty in brackets", "Troops on parade. (AFP via Getty Images)\n\nBody.", "Body.",
			[]cap{{"Troops on parade.", "AFP via Getty Images"}}, nil},
		{"lower-case agency after marker", "The chancellor speaks. Photo: picture alliance/dpa\n\nBody.", "Body.",
			[]cap{{"The chancellor speaks.", "Photo: picture alliance/dpa"}}, nil},
		{"bar separator", "The president arrives | EPA\n\nBody.", "Body.", []cap{{"The president arrives", "EPA"}}, nil},
		{"dash separator", "The president arrives – dpa\n\nBody.", "Body.", []cap{{"The president arrives", "dpa"}}, nil},
		{"image and credit markers", "Flooded streets. Image: Getty Images\n\nCars in water. Credit: Jane Doe\n\nBody.",
			"Body.", []cap{{"Flooded streets.", "Image: Getty Images"}, {"Cars in water.", "Credit: Jane Doe"}}, nil},
		{"credit on its own line", "The ministers meet.\nAFP\n\nBody.", "Body.", []cap{{"The ministers meet.", "AFP"}}, nil},
		{"credit as its own paragraph", "The ministers meet.\n\nPhoto: Reuters\n\nBody.", "Body.", []cap{{"The ministers meet.", "Photo: Reuters"}}, nil},
		{"caption in the middle", "First.\n\nA tank on the road. EPA-EFE/John Doe\n\nSecond.", "First.\n\nSecond.",
			[]cap{{"A tank on the road.", "EPA-EFE/John Doe"}}, nil},

		{"agency as subject stays", "Reuters reported that the talks failed.", "Reuters reported that the talks failed.", nil, nil},
		{"agency as object stays", "The minister told AFP.\n\nBody.", "The minister told AFP.\n\nBody.", nil, nil},
		{"agency inside sentence stays", "According to Reuters, talks failed. AP and AFP agreed.", "According to Reuters, talks failed. AP and AFP agreed.", nil, nil},
		{"sign-off at end stays", "First.\n\nSecond.\n\nThe talks go on next week. AFP", "First.\n\nSecond.\n\nThe talks go on next week. AFP", nil, nil},
		{"sign-off line dropped", "First.\n\nSecond.\n\nAFP", "First.\n\nSecond.", nil, []string{"AFP"}},
		{"long paragraph with agency stays", strings.Repeat("The war goes on and on. ", 30) + "AFP", strings.Repeat("The war goes on and on. ", 30) + "AFP", nil, nil},
		{"name after period stays", "He met the envoy. John Smith", "He met the envoy. John Smith", nil, nil},
		{"lowercase fragment stays", "said on Monday. AFP\n\nBody.", "said on Monday. AFP\n\nBody.", nil, nil},

		{"trailing show more", "No guarantees from Washington. Show more\n\nNext.", "No guarantees from Washington.\n\nNext.", nil, []string{"Show more"}},
		{"trailing read more after quote", "He said \"no.\" Read more", "He said \"no.\"", nil, []string{"Read more"}},
		{"trailing two labels", "It ended. Share Show more", "It ended.", nil, []string{"Show more", "Share"}},
		{"trailing call to action", "It ended. Click here to read the full report.", "It ended.", nil, []string{"Click here to read the full report."}},
		{"show more inside sentence stays", "The polls show more support for him.", "The polls show more support for him.", nil, nil},
		{"share as noun stays", "Its market share rose. Share prices fell.", "Its market share rose. Share prices fell.", nil, nil},
		{"residue paragraphs", "Advertisement\n\nBody one.\n\nShare this article\n\nRead more »\n\nBody two.", "Body one.\n\nBody two.", nil,
			[]string{"Advertisement", "Share this article", "Read more »"}},
		{"residue lines", "Body one.\nSign up for our daily newsletter\nFollow us on Twitter\nBody two.", "Body one.\nBody two.", nil,
			[]string{"Sign up for our daily newsletter", "Follow us on Twitter"}},
		{"watch and cookies", "Watch: The president's speech in full\n\nWe use cookies to improve your experience.\n\nBody.", "Body.", nil,
			[]string{"Watch: The president's speech in full", "We use cookies to improve your experience."}},
		{"how-to sign up stays", "Sign up for a streaming account for $9 a month\n\nThen log in.", "Sign up for a streaming account for $9 a month\n\nThen log in.", nil, nil},
		{"newsletter sign up dropped", "Body.\n\nSign up for our Email Newsletters here.", "Body.", nil, []string{"Sign up for our Email Newsletters here."}},
		{"credit after two sentences stands alone", "Let it cool. It sets in a day.\n\n© Jane Doe\n\nBody.", "Let it cool. It sets in a day.\n\nBody.",
			[]cap{{"", "© Jane Doe"}}, nil},
		{"copyright notice dropped", "Body.\n\nMore body.\n\n© 2024 Example Media", "Body.\n\nMore body.", nil, []string{"© 2024 Example Media"}},
		{"gallery link stays", "Mission to the icy moon\nPhotos: Europa, Icy Moon of Jupiter\n\nBody.", "Mission to the icy moon\nPhotos: Europa, Icy Moon of Jupiter\n\nBody.", nil, nil},
		{"long sentence starting like residue stays", "Sign up for the draft was mandatory in the country for decades, and officials say " +
			"it will be again if the war goes on into next year, which many now expect to happen given the situation.",
			"Sign up for the draft was mandatory in the country for decades, and officials say " +
				"it will be again if the war goes on into next year, which many now expect to happen given the situation.", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, got, dropped := Text(tc.raw)
			var caps []cap
			for _, c := range got {
				caps = append(caps, cap(c))
			}
			if text != tc.text {
				t.Errorf("text\n got %q\nwant %q", text, tc.text)
			}
			if !reflect.DeepEqual(caps, tc.caps) {
				t.Errorf("captions\n got %q\nwant %q", caps, tc.caps)
			}
			if !reflect.DeepEqual(dropped, tc.dropped) {
				t.Errorf("dropped\n got %q\nwant %q", dropped, tc.dropped)
			}
		})
	}
}

func TestModelArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(shared.Path(t, "examples"), "rome-meeting.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := &newsgraph.Document{Raw: string(raw)}
	Clean(d)
	want := []newsgraph.Caption{{Text: "US President Trump together with Zelensky at the meeting in Rome.", Credit: "AFP"}}
	if !reflect.DeepEqual(d.Captions, want) {
		t.Errorf("captions = %q, want %q", d.Captions, want)
	}
	if !reflect.DeepEqual(d.Dropped, []string{"Show more"}) {
		t.Errorf("dropped = %q, want [Show more]", d.Dropped)
	}
	if !strings.HasPrefix(d.Text, "US President Trump's meeting") {
		t.Errorf("text starts %q", d.Text[:40])
	}
	if !strings.Contains(d.Text, "from Washington.\n\nUS President Donald Trump and Ukrainian") {
		t.Errorf("trailing residue not cut cleanly")
	}
	// everything else is kept byte for byte
	if got := len(words(string(raw))) - len(words(d.Text)); got != 14 {
		t.Errorf("removed %d words, want 14 (caption 11, credit 1, Show more 2)", got)
	}
}

func words(s string) []string { return strings.Fields(s) }

// TestCorpora runs the cleaner over real news text and checks that it
// removes little, and only short things: a sign that it eats no body text.
func TestCorpora(t *testing.T) {
	for _, c := range []struct {
		name, path string
		maxRemoved float64 // share of bytes that may go
	}{
		{"polnear", "data/polnear/polnear-articles.jsonl", 0.01},
		{"meantime", "data/meantime-english/meantime-articles.jsonl", 0.01},
		{"bbc", "data/bbc-news-fulltext/bbc-news.jsonl", 0.01},
		// Wikinews articles keep their photo captions ("… Image: Jane
		// Doe."): those go, about 2% of the text
		{"gum-wikinews", "data/gum/gum-wikinews-docs.jsonl", 0.03},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := os.Open(shared.Path(t, c.path))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 16<<20)
			docs, nCaps, nDropped, inBytes, outBytes := 0, 0, 0, 0, 0
			for sc.Scan() && docs < 200 {
				var a struct{ ID, Text string }
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					t.Fatal(err)
				}
				docs++
				text, caps, dropped := Text(a.Text)
				inBytes += len(a.Text)
				outBytes += len(text)
				nCaps += len(caps)
				nDropped += len(dropped)
				for _, d := range dropped {
					if len(d) > maxResidueBytes || len(strings.Fields(d)) > 25 {
						t.Errorf("%s: dropped a long string: %q", a.ID, d)
					}
					t.Logf("%s: dropped %q", a.ID, d)
				}
				for _, cp := range caps {
					if len(cp.Text) > maxCaptionBytes || cp.Credit == "" {
						t.Errorf("%s: bad caption %q", a.ID, cp)
					}
					t.Logf("%s: caption %q", a.ID, cp)
				}
				if !utf8.ValidString(text) {
					t.Errorf("%s: output is not UTF-8", a.ID)
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d docs, %d captions, %d dropped, %d → %d bytes", c.name, docs, nCaps, nDropped, inBytes, outBytes)
			// nearly all text is body text
			if float64(inBytes-outBytes) > c.maxRemoved*float64(inBytes) {
				t.Errorf("removed %d of %d bytes", inBytes-outBytes, inBytes)
			}
		})
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Leaders in Paris. AFP\n\nBody. Show more",
		"A (Photo: x/dpa)\r\n\r\n©",
		"Photo:\n\nAFP\n\n(AP)",
		"„Zitat“ — Reuters/Jane Doe",
		"\u00a0\n\u00a0Share\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		text, caps, dropped := Text(raw)
		if utf8.ValidString(raw) && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", text)
		}
		if strings.Contains(text, "\r\n") || strings.Contains(text, "\n\n\n") {
			t.Fatalf("unnormalised breaks in %q", text)
		}
		if len(text) > len(raw) {
			t.Fatalf("text grew: %q → %q", raw, text)
		}
		norm := strings.ReplaceAll(raw, "\r\n", "\n")
		for _, c := range caps {
			if !strings.Contains(norm, c.Credit) || !strings.Contains(norm, c.Text) {
				t.Fatalf("caption %q not from the input", c)
			}
		}
		for _, d := range dropped {
			if !strings.Contains(norm, d) {
				t.Fatalf("dropped %q not from the input", d)
			}
		}
		// every kept line comes from the input
		for _, line := range strings.Split(text, "\n") {
			if !strings.Contains(norm, line) {
				t.Fatalf("line %q not from the input", line)
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(shared.Path(b, "examples"), "rome-meeting.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Text(string(raw))
	}
}
