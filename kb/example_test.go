package kb_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/kb"
)

func ExampleLookup() {
	for _, name := range []string{"Kiev", "the Kremlin", "Ukrainian", "Nato", "USA", "us"} {
		e, ok := kb.Lookup(name)
		if !ok {
			fmt.Printf("%-12s unknown\n", name)
			continue
		}
		fmt.Printf("%-12s %-14s %-5s stands for %q\n", name, e.Key, e.Type, e.StandsFor)
	}
	// Output:
	// Kiev         city:kyiv      GPE   stands for "country:UA"
	// the Kremlin  seat:kremlin   FAC   stands for "country:RU"
	// Ukrainian    norp:UA        NORP  stands for "country:UA"
	// Nato         org:nato       ORG   stands for ""
	// USA          country:US     GPE   stands for ""
	// us           unknown
}

func ExampleLookupTitle() {
	t, _ := kb.LookupTitle("Prime Minister")
	fmt.Println(t.Name, t.Leader)
	t, _ = kb.LookupTitle("Gen.")
	fmt.Println(t.Name, t.Leader, t.Abbrev)
	// Output:
	// prime minister true
	// general false Gen.
}
