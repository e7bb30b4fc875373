package clean_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/clean"
)

func ExampleText() {
	raw := "Ministers at the summit in Geneva. Reuters/Jane Doe\r\n\r\n" +
		"The ministers met on Friday. No agreement was reached. Show more\r\n\r\n" +
		"Reuters reported that talks would resume.\r\n\r\nAdvertisement"
	text, captions, dropped := clean.Text(raw)
	fmt.Printf("%s\n---\n%q\n%q\n", text, captions, dropped)
	// Output:
	// The ministers met on Friday. No agreement was reached.
	//
	// Reuters reported that talks would resume.
	// ---
	// [{"Ministers at the summit in Geneva." "Reuters/Jane Doe"}]
	// ["Show more" "Advertisement"]
}
