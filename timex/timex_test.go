package timex

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/segment"
)

// run segments text and finds its time expressions, published on date
// ("" for unknown).
func run(t testing.TB, text, published string) *newsgraph.Document {
	t.Helper()
	d := &newsgraph.Document{Text: text}
	if published != "" {
		p, err := time.Parse("2006-01-02", published)
		if err != nil {
			t.Fatal(err)
		}
		d.Date = p
	}
	segment.Segment(d)
	if err := Stage.Process(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFind(t *testing.T) {
	const sat = "2025-04-26" // a Saturday, week 17
	tests := []struct {
		name, text, published string
		span                  string
		typ                   newsgraph.TimeType
		value                 string
	}{
		{"weekday past tense is the one before", "Witkoff held talks in Moscow on Friday.", sat, "Friday", newsgraph.Date, "2025-04-25"},
		{"weekday future tense is the one after", "The two leaders will meet on Friday.", sat, "Friday", newsgraph.Date, "2025-05-02"},
		{"weekday present tense is the nearest", "The summit is on Monday.", sat, "Monday", newsgraph.Date, "2025-04-28"},
		{"weekday leading clause takes verb after", "On Friday, Zelensky announced new talks.", sat, "Friday", newsgraph.Date, "2025-04-25"},
		{"last week", "Prices rose last week.", sat, "last week", newsgraph.Date, "2025-W16"},
		{"this week iso week", "They would sign a deal this week.", sat, "this week", newsgraph.Date, "2025-W17"},
		{"next month", "The vote is due next month.", sat, "next month", newsgraph.Date, "2025-05"},
		{"end of month past", "At the end of February, a meeting led to a scandal.", sat, "the end of February", newsgraph.Date, "2025-02"},
		{"year after in", "Russia annexed Crimea in 2014.", sat, "2014", newsgraph.Date, "2014"},
		{"month day no year", "The deal was signed on April 22.", sat, "April 22", newsgraph.Date, "2025-04-22"},
		{"day month year", "The deal was signed on 26 April 2025.", sat, "26 April 2025", newsgraph.Date, "2025-04-26"},
		{"month day comma year", "It began on April 26, 2024.", sat, "April 26, 2024", newsgraph.Date, "2024-04-26"},
		{"slash date day first", "The form is dated 26/04/2025.", sat, "26/04/2025", newsgraph.Date, "2025-04-26"},
		{"iso date", "The form is dated 2025-04-26 in the file.", sat, "2025-04-26", newsgraph.Date, "2025-04-26"},
		{"the day before anchored", "Talks ended on April 20. Protests had begun the day before.", sat, "the day before", newsgraph.Date, "2025-04-19"},
		{"yesterday", "The minister resigned yesterday.", sat, "yesterday", newsgraph.Date, "2025-04-25"},
		{"today", "The court rules today.", sat, "today", newsgraph.Date, "2025-04-26"},
		{"tonight", "He speaks tonight.", sat, "tonight", newsgraph.TimeOfDay, "2025-04-26TNI"},
		{"two days ago", "He arrived two days ago.", sat, "two days ago", newsgraph.Date, "2025-04-24"},
		{"earlier this month", "Fighting resumed earlier this month.", sat, "earlier this month", newsgraph.Date, "2025-04"},
		{"coming weeks", "A decision is expected in the coming weeks.", sat, "the coming weeks", newsgraph.Duration, "PXW"},
		{"recently past ref", "Both sides had recently announced a deal.", sat, "recently", newsgraph.Date, "PAST_REF"},
		{"now present ref", "Now there could be movement.", sat, "Now", newsgraph.Date, "PRESENT_REF"},
		{"weekday morning", "The blast hit on Monday morning.", sat, "Monday morning", newsgraph.TimeOfDay, "2025-04-21TMO"},
		{"clock pm", "The meeting ended at 5 p.m. on the dot.", sat, "5 p.m.", newsgraph.TimeOfDay, "2025-04-26T17:00"},
		{"duration years", "The war has lasted three years.", sat, "three years", newsgraph.Duration, "P3Y"},
		{"duration for weeks", "He stayed for two weeks.", sat, "two weeks", newsgraph.Duration, "P2W"},
		{"set every week", "They meet every week.", sat, "every week", newsgraph.Set, "P1W"},
		{"set weekly", "The paper appears weekly.", sat, "weekly", newsgraph.Set, "P1W"},
		{"decade", "Inflation was high in the 1990s.", sat, "the 1990s", newsgraph.Date, "199"},
		{"last summer", "The dam broke last summer.", sat, "last summer", newsgraph.Date, "2024-SU"},
		{"quarter", "Profit fell in the first quarter.", sat, "the first quarter", newsgraph.Date, "2025-Q1"},
		{"quarter of year", "Profit fell in the third quarter of 2023.", sat, "the third quarter of 2023", newsgraph.Date, "2023-Q3"},
		{"past five years", "Sales doubled over the past five years.", sat, "the past five years", newsgraph.Duration, "P5Y"},
		{"month past tense latest not after", "Elections were held in November.", sat, "November", newsgraph.Date, "2024-11"},
		{"month future tense", "Elections will be held in November.", sat, "November", newsgraph.Date, "2025-11"},
		{"last month name", "He visited Kyiv last May.", sat, "last May", newsgraph.Date, "2024-05"},
		{"a year ago", "A year ago the plant closed.", sat, "A year ago", newsgraph.Date, "2024"},
		{"a year earlier anchored", "Sales rose in 2023, after falling a year earlier.", sat, "a year earlier", newsgraph.Date, "2022"},
		{"mid year", "The plant opens in mid-2026.", sat, "mid-2026", newsgraph.Date, "2026"},
		{"late month", "Talks collapsed in late November.", sat, "late November", newsgraph.Date, "2024-11"},
		{"early next year", "The law takes effect early next year.", sat, "early next year", newsgraph.Date, "2026"},
		{"hyphen duration", "He signed a two-year contract.", sat, "two-year", newsgraph.Duration, "P2Y"},
		{"digit hyphen duration", "The 30-year bond fell.", sat, "30-year", newsgraph.Duration, "P30Y"},
		{"third quarter hyphen", "Third-quarter profit fell.", sat, "Third-quarter", newsgraph.Date, "2024-Q3"},
		{"every monday", "They meet every Monday.", sat, "every Monday", newsgraph.Set, "XXXX-WXX-1"},
		{"last night", "Shelling resumed last night.", sat, "last night", newsgraph.TimeOfDay, "2025-04-25TNI"},
		{"this morning", "He spoke this morning.", sat, "this morning", newsgraph.TimeOfDay, "2025-04-26TMO"},
		{"weekday with date", "It opened on Friday, April 25.", sat, "Friday, April 25", newsgraph.Date, "2025-04-25"},
		{"month year", "It opened in January 2020.", sat, "January 2020", newsgraph.Date, "2020-01"},
		{"twentieth century", "It was the bloodiest war of the 20th century.", sat, "the 20th century", newsgraph.Date, "19"},
		{"no date relative unresolved", "Prices rose last week.", "", "last week", newsgraph.Date, ""},
		{"no date absolute kept", "Russia annexed Crimea in 2014.", "", "2014", newsgraph.Date, "2014"},
		{"no date weekday underspecified", "Talks were held on Friday.", "", "Friday", newsgraph.Date, "XXXX-WXX-5"},
		{"weekday on publication day past", "The CDC said Friday that cases rose.", "2013-03-22", "Friday", newsgraph.Date, "2013-03-22"},
		{"the weekend", "Fighting eased over the weekend.", "2025-04-28", "the weekend", newsgraph.Date, "2025-W17-WE"},
		{"season of year", "It rained in the summer of 2019.", sat, "the summer of 2019", newsgraph.Date, "2019-SU"},
		{"hours duration", "The storm lasted 16 hours.", sat, "16 hours", newsgraph.Duration, "PT16H"},
		{"a decade", "It was the worst in a decade.", sat, "a decade", newsgraph.Duration, "P10Y"},
		{"day of market report", "The Dow ended the day up 2%.", sat, "the day", newsgraph.Date, "2025-04-26"},
		{"possessive weekday", "Friday's talks in Moscow were held in secret.", sat, "Friday", newsgraph.Date, "2025-04-25"},
		{"abbreviated month with dot token", "The offer expires Nov. 16, the company said.", "1989-11-02", "Nov. 16", newsgraph.Date, "1989-11-16"},
		{"hedged duration", "The war lasted nearly two years.", sat, "nearly two years", newsgraph.Duration, "P2Y"},
		{"utc clock", "The plane landed at 18:00 UTC on Tuesday.", sat, "18:00 UTC", newsgraph.TimeOfDay, "2025-04-26T18:00Z"},
		{"year-ago quarter", "Profit fell in the third quarter from the year-ago quarter.", "1989-10-26", "the year-ago quarter", newsgraph.Date, "1988-Q3"},
		{"year-earlier period with article", "Net income rose from the year-earlier period.", "1989-10-26", "the year-earlier period", newsgraph.Date, "1988"},
		{"year period with article", "In the 1990 period, the company lost money.", "1991-02-01", "the 1990 period", newsgraph.Date, "1990"},
		{"mid decade with article", "Sales should double by the mid-1990s.", "1989-10-26", "the mid-1990s", newsgraph.Date, "199"},
		{"duration later is the duration alone", "The rebels returned three days later.", sat, "three days", newsgraph.Duration, "P3D"},
		{"earlier than is the size of a gap", "The harvest began a month earlier than usual.", sat, "a month", newsgraph.Duration, "P1M"},
		{"a year earlier stays anchored", "Profit was $5 million, up from $4 million a year earlier.", sat, "a year earlier", newsgraph.Date, "2024"},
		{"recent weeks is a duration", "Prices have risen sharply in recent weeks.", sat, "recent weeks", newsgraph.Duration, "PXW"},
		{"recent years is a duration", "The town has grown in recent years.", sat, "recent years", newsgraph.Duration, "PXY"},
		{"bare units before an event", "The guards left minutes before the blast.", sat, "minutes", newsgraph.Duration, "PTXM"},
		{"bare units after an event", "He was arrested days after the attack.", sat, "days", newsgraph.Duration, "PXD"},
		{"take bare units", "The repairs could take weeks to finish.", sat, "weeks", newsgraph.Duration, "PXW"},
		{"the next decade is a stretch", "Demand will double over the next decade.", sat, "the next decade", newsgraph.Duration, "P10Y"},
		{"this fiscal year", "The agency must cut its budget this fiscal year.", sat, "this fiscal year", newsgraph.Date, "2025"},
		{"the fiscal first quarter", "Profit rose in the fiscal first quarter.", "1989-10-26", "the fiscal first quarter", newsgraph.Date, "1989-Q1"},
		{"fiscal hyphen quarter", "The company posted fiscal second-quarter results.", "1989-10-26", "fiscal second-quarter", newsgraph.Date, "1989-Q2"},
		{"end of year without article", "Sales should recover by the end of year.", sat, "the end of year", newsgraph.Date, "2025"},
		{"the day before an undated event", "He called his son the day before the police came.", sat, "the day", newsgraph.Date, ""},
		{"the year ended a date", "Revenue for the year ended March 31 rose 4%.", sat, "the year", newsgraph.Duration, "P1Y"},
		{"the fiscal year ending a date", "It expects a loss in the fiscal year ending June 30.", sat, "the fiscal year", newsgraph.Duration, "P1Y"},
		{"twice a year set", "The board meets twice a year.", sat, "a year", newsgraph.Set, "P1Y"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.text, tc.published)
			for _, tm := range d.Times {
				if tm.Text == tc.span {
					if tm.Type != tc.typ || tm.Value != tc.value {
						t.Errorf("%q: got %s %q, want %s %q", tc.span, tm.Type, tm.Value, tc.typ, tc.value)
					}
					return
				}
			}
			t.Errorf("%q not found in %q; found %+v", tc.span, tc.text, d.Times)
		})
	}
}

func TestFindNothing(t *testing.T) {
	for _, text := range []string{
		"She may decide to march on the capital.",
		"The fall of the city shocked the world.",
		"He paid $2000 for 1500 shares.",
		"The start of the war was brutal.",
		"The last of the troops left the front line.",
		"They sat in the middle of St. Peter's Basilica.",
		"At the end of St Mark's Square stood a crowd.",
		"It wants to cut about a quarter, of its dealers.",
		"It was a matter of days before the talks collapsed.",
		"The first days after the flood were the worst.",
	} {
		d := run(t, text, "2025-04-26")
		if len(d.Times) > 0 {
			t.Errorf("%q: want no times, got %+v", text, d.Times)
		}
	}
}

func TestModelArticle(t *testing.T) {
	want := map[string]string{"Friday": "2025-04-25", "the end of February": "2025-02", "this week": "2025-W17", "2014": "2014", "2022": "2022"}
	text := strings.Join([]string{
		"It was the first meeting between the two statesmen after a scandal in the White House at the end of February.",
		"Selensky had previously categorically refused to relinquish Crimea, which Russia annexed in 2014.",
		"Both sides had recently announced in a memorandum that they would sign a raw materials deal this week.",
		"The negotiations are close to a result after talks also held by his special envoy in Moscow on Friday.",
		"Moscow had shown itself open to talks, as it did at the beginning of the war of aggression in 2022.",
	}, " ")
	d := run(t, text, "2025-04-26")
	got := map[string]string{}
	for _, tm := range d.Times {
		got[tm.Text] = tm.Value
	}
	for span, v := range want {
		if got[span] != v {
			t.Errorf("%q: got %q, want %q (all: %v)", span, got[span], v, got)
		}
	}
}

// valueRE accepts the TIMEX3 values that Find writes.
var valueRE = regexp.MustCompile(`^(|PRESENT_REF|PAST_REF|FUTURE_REF|\d{2,3}|` +
	`(\d{4}|XXXX)(-(\d{2}(-\d{2}(T(\d{2}:\d{2}Z?|MO|AF|EV|NI))?)?|W\d{2}(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|` +
	`XXXX-WXX-[1-7](T(MO|AF|EV|NI))?|XXXX-XX-XXT(MO|AF|EV|NI)|` +
	`P(\d+|X)([DWMYQ]|DE|CE)|PT(\d+|X)[HMS])$`)

func checkInvariants(t *testing.T, d *newsgraph.Document) {
	t.Helper()
	prev := 0
	for _, tm := range d.Times {
		if tm.Start < prev || tm.End <= tm.Start || tm.End > len(d.Text) {
			t.Fatalf("bad span %d:%d after %d in %q", tm.Start, tm.End, prev, d.Text)
		}
		if d.Text[tm.Start:tm.End] != tm.Text {
			t.Fatalf("text %q != %q", d.Text[tm.Start:tm.End], tm.Text)
		}
		if !valueRE.MatchString(tm.Value) {
			t.Fatalf("bad value %q for %q", tm.Value, tm.Text)
		}
		switch tm.Type {
		case newsgraph.Date, newsgraph.TimeOfDay, newsgraph.Duration, newsgraph.Set:
		default:
			t.Fatalf("bad type %q", tm.Type)
		}
		prev = tm.End
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Friday, the two met. Two days ago, last week, this week, the end of February.",
		"In 2014 and 26/04/2025 and 2025-04-26 at 5 p.m. or 10:35 a.m. the 1990s every Monday",
		"mid-2026 the third quarter of 2023 Third-quarter twenty-five years ago 1/1/1 99/99/9999",
		"the day before, a year earlier, last summer, the past five years, Q3 2024, the '90s",
		"„Friday“ «next month» — ‘yesterday’ 🙂 Ĉu morgaŭ? the 21st century\r\n tonight",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		d := &newsgraph.Document{Text: text}
		if dated {
			d.Date = time.Date(2025, 4, 26, 0, 0, 0, 0, time.UTC)
		}
		segment.Segment(d)
		if err := Stage.Process(d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
	})
}
