//go:build ignore

// gen_common writes common.txt: words that English writes in lowercase when
// they are not at the start of a sentence, so that a capitalised one at the
// start of a sentence or in a title-case headline is not taken for a name.
// It reads the UD English EWT training split and the GUM news documents
// (both CC BY-SA / CC BY; see ../shared/data/*/SOURCE.md):
//
//	go run mention/gen_common.go ../shared/data > mention/common.txt
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	dir := os.Args[1]
	files := []string{filepath.Join(dir, "ud-english-ewt/en_ewt-ud-train.conllu")}
	news, _ := filepath.Glob(filepath.Join(dir, "gum/dep/GUM_news_*.conllu"))
	files = append(files, news...)
	lower := map[string]int{} // lowercase occurrences not at sentence start
	upper := map[string]int{} // capitalised occurrences not at sentence start
	propn := map[string]int{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			panic(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		first := true
		for sc.Scan() {
			line := sc.Text()
			if line == "" {
				first = true
				continue
			}
			if line[0] == '#' {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) < 5 || strings.Contains(cols[0], "-") || strings.Contains(cols[0], ".") {
				continue
			}
			w := cols[1]
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(r) {
				if cols[3] != "PUNCT" {
					first = false
				}
				continue
			}
			if !first {
				lw := strings.ToLower(w)
				if unicode.IsLower(r) {
					lower[lw]++
				} else if unicode.IsUpper(r) {
					upper[lw]++
				}
				if cols[3] == "PROPN" {
					propn[lw]++
				}
			}
			first = false
		}
		fh.Close()
	}
	var out []string
	for w, n := range lower {
		if (n >= 2 && n >= 3*upper[w] || n == 1 && upper[w] == 0) && propn[w]*2 < n {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	for _, w := range out {
		fmt.Println(w)
	}
}
