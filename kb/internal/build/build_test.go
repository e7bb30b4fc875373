package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// TestFirstNamesUpToDate fails when kb/data/firstnames.tsv is not what the
// builder makes from the corpora and the hand list: the shipped file must be
// reproducible.
func TestFirstNamesUpToDate(t *testing.T) {
	data := shared.Path(t, "data")
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(root, data, 2)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "kb", "data", "firstnames.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("kb/data/firstnames.tsv is out of date: run go run ./kb/internal/build")
	}
	again, _ := generate(root, data, 2)
	if !bytes.Equal(got, again) {
		t.Errorf("two runs gave different output")
	}
}

func TestNameShape(t *testing.T) {
	for _, w := range []string{"Olga", "Jean-Pierre", "O'Neill", "José", "Łukasz"} {
		if !nameShape(w) {
			t.Errorf("nameShape(%q) = false", w)
		}
	}
	for _, w := range []string{"JD", "St.", "3M", "olga", "A", "", "Mc-"[:0]} {
		if nameShape(w) {
			t.Errorf("nameShape(%q) = true", w)
		}
	}
}

func TestReadHandMergesGenders(t *testing.T) {
	p := filepath.Join(t.TempDir(), "names.txt")
	text := "# comment\nM: Andrea Ivan\nF: Andrea Olga\n?: Sasha\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	hand, err := readHand(p)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]byte{"andrea": '?', "ivan": 'M', "olga": 'F', "sasha": '?'}
	for k, g := range want {
		if hand[k].gender != g {
			t.Errorf("%s: gender %c, want %c", k, hand[k].gender, g)
		}
	}
	if len(hand) != len(want) || strings.Contains(hand["olga"].spelling, " ") {
		t.Errorf("hand = %v", hand)
	}
}
