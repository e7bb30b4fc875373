package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// ErrNoText reports a TimeML document without a TEXT element.
var ErrNoText = errors.New("no TEXT element")

// ConvertTimeML reads one TimeML document (TempEval-3, TimeBank) and returns
// its gold: the content of TEXT as the text, its TIMEX3 elements as times
// with their types and values, and the document creation time (the TIMEX3
// of DCT) as the publication date. Only the times layer is annotated.
func ConvertTimeML(r io.Reader) (*Gold, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var (
		text            strings.Builder
		n               int // code points in text
		inText, inDCT   bool
		sawText         bool
		docID           string
		inDocID         bool
		open            *GoldTime
		times           = []GoldTime{}
		published, tval string
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText, sawText = true, true
			case "DCT":
				inDCT = true
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				typ, val := attr(t, "type"), attr(t, "value")
				if inDCT && published == "" {
					tval = val
				}
				if inText && open == nil {
					open = &GoldTime{Start: n, Type: typ}
					if val != "" {
						open.Value = &val
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
				if len(tval) >= 10 && validDate(tval[:10]) {
					published = tval[:10]
				}
			case "DOCID":
				inDocID = false
			case "TIMEX3":
				if open != nil && inText {
					open.End = n
					if open.End > open.Start {
						times = append(times, *open)
					}
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
				n += utf8.RuneCount(t)
			} else if inDocID {
				docID += strings.TrimSpace(string(t))
			}
		}
	}
	if !sawText {
		return nil, ErrNoText
	}
	g := &Gold{ID: docID, Source: "timeml", Published: published, Text: text.String(), Times: times}
	runes := []rune(g.Text)
	for i := range g.Times {
		g.Times[i].Text = string(runes[g.Times[i].Start:g.Times[i].End])
	}
	if err := g.Check(); err != nil {
		return nil, err
	}
	return g, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// ConvertTimeMLDir converts every *.tml under dir; a document without an id
// is named after its file.
func ConvertTimeMLDir(dir string) ([]*Gold, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*Gold
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		g, err := ConvertTimeML(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if g.ID == "" {
			g.ID = strings.TrimSuffix(filepath.Base(p), ".tml")
		}
		out = append(out, g)
	}
	return out, nil
}
