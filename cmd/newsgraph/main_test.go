package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseFlagsInterspersed(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantPos   []string
		wantPub   string
		wantFmt   string
		wantError bool
	}{
		{"flags first", []string{"--published", "2025-04-26", "a.txt"}, []string{"a.txt"}, "2025-04-26", "", false},
		{"flags after argument", []string{"a.txt", "--published", "2025-04-26"}, []string{"a.txt"}, "2025-04-26", "", false},
		{"flags between arguments", []string{"a.txt", "--format=text", "b.txt", "-published=2025-01-01"}, []string{"a.txt", "b.txt"}, "2025-01-01", "text", false},
		{"double dash ends flags", []string{"--format", "json", "--", "--published"}, []string{"--published"}, "", "json", false},
		{"stdin dash is an argument", []string{"-", "--format", "jsonl"}, []string{"-"}, "", "jsonl", false},
		{"unknown flag", []string{"a.txt", "--nope"}, nil, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			pub := fs.String("published", "", "")
			f := fs.String("format", "", "")
			pos, err := parseFlags(fs, tt.args, &bytes.Buffer{})
			if (err != nil) != tt.wantError {
				t.Fatalf("err = %v, want error %v", err, tt.wantError)
			}
			if tt.wantError {
				return
			}
			if !reflect.DeepEqual(pos, tt.wantPos) || *pub != tt.wantPub || *f != tt.wantFmt {
				t.Errorf("got pos %q published %q format %q; want %q %q %q", pos, *pub, *f, tt.wantPos, tt.wantPub, tt.wantFmt)
			}
		})
	}
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	helpOut = &o
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("The minister said the talks would go on.\n"))
	tests := []struct {
		name   string
		path   string
		reason string
	}{
		{"missing file", filepath.Join(dir, "missing.txt"), "no such file"},
		{"empty file", write("empty.txt", []byte("  \n")), "empty"},
		{"binary file", write("bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1}), "binary"},
		{"invalid utf-8", write("latin1.txt", []byte("caf\xe9 au lait")), "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "analyze", tt.path)
			if code == 0 {
				t.Fatalf("exit code 0 for %s; stdout %q", tt.name, out)
			}
			lines := strings.Split(strings.TrimSpace(errs), "\n")
			if len(lines) != 1 || !strings.Contains(errs, tt.path) || !strings.Contains(errs, tt.reason) {
				t.Errorf("stderr = %q; want one line naming %s and %q", errs, tt.path, tt.reason)
			}
		})
	}
	t.Run("directory goes on past bad files", func(t *testing.T) {
		code, out, errs := runCLI(t, "analyze", dir, "--format", "jsonl")
		if code == 0 {
			t.Errorf("exit code 0 although some inputs failed")
		}
		var n int
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var r map[string]any
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("bad jsonl line %q: %v", line, err)
			}
			n++
		}
		if n != 1 {
			t.Errorf("got %d records, want 1 (good.txt); stderr %s", n, errs)
		}
		if !strings.Contains(errs, "3 of 4 inputs failed") {
			t.Errorf("stderr lacks the summary: %s", errs)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		code, _, errs := runCLI(t, "analyze", good, "--max-size", "10")
		if code == 0 || !strings.Contains(errs, "too large") {
			t.Errorf("code %d stderr %q; want a too-large error", code, errs)
		}
	})
	t.Run("bad published date", func(t *testing.T) {
		code, _, errs := runCLI(t, "analyze", good, "--published", "26.04.2025")
		if code == 0 || !strings.Contains(errs, "published") {
			t.Errorf("code %d stderr %q; want a date error", code, errs)
		}
	})
}

func TestAnalyzeFormats(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("Officials met in Geneva on Friday.\n\nThe talks ended late."), 0o644)
	for _, f := range []string{"json", "jsonl", "text"} {
		t.Run(f, func(t *testing.T) {
			code, out, errs := runCLI(t, "analyze", p, "--published", "2025-04-26", "--format", f)
			if code != 0 {
				t.Fatalf("code %d: %s", code, errs)
			}
			if f == "text" {
				if !strings.Contains(out, "sentences") {
					t.Errorf("summary lacks counts: %s", out)
				}
				return
			}
			var r struct {
				Text      string `json:"text"`
				Published string `json:"published"`
				Sentences []struct{ Start, End int }
			}
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, out)
			}
			if r.Published != "2025-04-26" || len(r.Sentences) != 2 {
				t.Errorf("published %q, %d sentences; want 2025-04-26 and 2", r.Published, len(r.Sentences))
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, c := range commands() {
		code, out, errs := runCLI(t, c.Name(), "--help")
		if code != 0 || !strings.Contains(out+errs, "Usage: newsgraph "+c.Name()) {
			t.Errorf("%s --help: code %d, output %q", c.Name(), code, out+errs)
		}
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "analyze") {
		t.Errorf("help: code %d, %q", code, out)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command: code %d, want 2", code)
	}
}
