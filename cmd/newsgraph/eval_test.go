package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalCommand(t *testing.T) {
	gold := filepath.Join("..", "..", "testdata", "gold")
	for _, c := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"table", []string{"eval", "--gold", gold}, 0, "entity mentions (name)"},
		{"json of one layer", []string{"eval", "--gold", gold, "--json", "--only", "quotes"}, 0, `"quote_files": 1`},
		{"gold as argument", []string{"eval", gold, "--only", "times"}, 0, "times (exact span)"},
		{"unknown layer", []string{"eval", "--gold", gold, "--only", "weather"}, 2, ""},
		{"no gold", []string{"eval"}, 2, ""},
		{"missing folder", []string{"eval", "--gold", filepath.Join(t.TempDir(), "none")}, 1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(context.Background(), c.args, &out, &errOut); code != c.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.code, errOut.String())
			}
			if !strings.Contains(out.String(), c.out) {
				t.Errorf("output lacks %q:\n%s", c.out, out.String())
			}
			if strings.Contains(strings.Join(c.args, " "), "--json") {
				var v map[string]any
				if err := json.Unmarshal(out.Bytes(), &v); err != nil {
					t.Errorf("--json output is not JSON: %v", err)
				}
			}
		})
	}
}

func TestConvertTempEvalThenEval(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	tml := `<TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2025-04-26">April 26, 2025</TIMEX3></DCT>` +
		`<TEXT>Ann met Bob on <TIMEX3 tid="t1" type="DATE" value="2025-04-25">Friday</TIMEX3>.</TEXT></TimeML>`
	if err := os.WriteFile(filepath.Join(src, "d1.tml"), []byte(tml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"convert", "tempeval", src, dst}, &out, &errOut); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, errOut.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"eval", "--gold", dst}, &out, &errOut); code != 0 {
		t.Fatalf("eval: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "times (overlap)") || strings.Contains(out.String(), "quotes") {
		t.Errorf("table of a times-only gold:\n%s", out.String())
	}
	if code := run(context.Background(), []string{"convert", "nonesuch", src, dst}, &out, &errOut); code != 2 {
		t.Errorf("unknown corpus: exit %d, want 2", code)
	}
}
