package eval_test

import (
	"os"

	"github.com/newsgraph/newsgraph/eval"
)

// A gold quote and two predictions: one overlaps it by more than half of
// their union and names the right speaker, the other is spurious.
func ExampleScoreQuotes() {
	speaker := "Ann Lee"
	gold := []eval.GoldQuote{{Start: 10, End: 30, Kind: "direct", Speaker: &speaker}}
	pred := eval.Pred{
		Entities: []eval.PredEntity{{Names: []string{"ann lee", "lee"}, StandsFor: -1}},
		Quotes:   []eval.PredQuote{{Start: 11, End: 30, Kind: "direct", Speaker: 0}, {Start: 40, End: 50, Kind: "indirect", Speaker: -1}},
	}
	quotes, speakers := eval.ScoreQuotes(gold, pred, "")
	eval.WriteTable(os.Stdout, eval.Scores{Files: 1, QuoteFiles: 1, Quotes: quotes, Speakers: speakers})
	// Output:
	// score                     files    gold    pred   match      P      R     F1
	// quotes                        1       1       2       1  0.500  1.000  0.667
	//   direct                      1       0       0       0      -      -      -
	//   indirect                    1       0       0       0      -      -      -
	//   mixed                       1       0       0       0      -      -      -
	// speaker accuracy              1       1               1                1.000
}
