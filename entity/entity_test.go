package entity_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/internal/shared"
	"github.com/newsgraph/newsgraph/mention"
	"github.com/newsgraph/newsgraph/segment"
	"github.com/newsgraph/newsgraph/tag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// analyze runs segment, mention and entity. The golden files are made
// without the cleaner and the tagger, so that they show what these two
// stages do on their own (the tagger only refines capitalised words).
func analyze(t testing.TB, text string) *newsgraph.Document {
	t.Helper()
	d := &newsgraph.Document{Text: text, Raw: text}
	if err := (newsgraph.Pipeline{segment.Stage, tag.Stage, mention.Stage, entity.Stage}).Run(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// dump writes the entities of d in a form a person reads.
func dump(d *newsgraph.Document) string {
	var b strings.Builder
	for i, e := range d.Entities {
		fmt.Fprintf(&b, "%d %s %s [%s]", i, e.Type, e.Name, e.Key)
		if e.StandsFor >= 0 {
			fmt.Fprintf(&b, " stands for %d", e.StandsFor)
		}
		b.WriteByte('\n')
		if len(e.Aliases) > 0 {
			fmt.Fprintf(&b, "  aliases: %s\n", strings.Join(e.Aliases, " | "))
		}
		if len(e.Roles) > 0 {
			fmt.Fprintf(&b, "  roles: %s\n", strings.Join(e.Roles, " | "))
		}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			fmt.Fprintf(&b, "  %d-%d %s %q\n", m.Start, m.End, m.Kind, m.Text)
		}
	}
	var loose []string
	for _, m := range d.Mentions {
		if m.Entity < 0 {
			loose = append(loose, fmt.Sprintf("%s/%s %q", m.Kind, m.Type, m.Text))
		}
	}
	if len(loose) > 0 {
		fmt.Fprintf(&b, "no entity: %s\n", strings.Join(loose, ", "))
	}
	return b.String()
}

// TestModelArticleGolden compares the entities of the model article with
// testdata/rome-meeting.golden; -update rewrites it.
func TestModelArticleGolden(t *testing.T) {
	path := shared.Path(t, "examples/rome-meeting.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := dump(analyze(t, string(raw)))
	golden := filepath.Join("testdata", "rome-meeting.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("entities differ from %s (go test -update rewrites it):\n%s", golden, got)
	}
}
