package ingest

import "testing"

func TestParseHTMLDoesNotRepeatShortPages(t *testing.T) {
	page := `<html><head><title>T</title></head><body><p>The talks will last two days at least.</p>` +
		`<p>Negotiators met on Friday in Geneva.</p></body></html>`
	a, err := ParseHTML([]byte(page), "short.html")
	if err != nil {
		t.Fatal(err)
	}
	want := "The talks will last two days at least.\n\nNegotiators met on Friday in Geneva."
	if a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
}
