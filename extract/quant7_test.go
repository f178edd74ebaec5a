package extract

import (
	"testing"
)

// The sixth session: quantities and dates in general forms of English, found missing on
// the seventh set (extract/testdata/heldout5). Made-up sentences only.

// quantitiesOf formats the quantities of an extraction ("30 minute true").
func quantitiesOf(res *Result) map[string]bool {
	got := map[string]bool{}
	for _, q := range res.Quantities {
		got[fmtQuantity(q.Quantity)] = true
	}
	return got
}

func wantQuantities(t *testing.T, text string, want []string, not []string) {
	t.Helper()
	got := quantitiesOf(issueExtract(t, "2025-06-25", text))
	for _, w := range want {
		if !got[w] {
			t.Errorf("%q: quantity %s missing; got %v", text, w, got)
		}
	}
	for _, n := range not {
		if got[n] {
			t.Errorf("%q: unexpected quantity %s; got %v", text, n, got)
		}
	}
}

func TestQuantityRanges(t *testing.T) {
	// a range is one amount: its lower bound, approximately, in the upper bound's unit
	wantQuantities(t, "The ferry crossing lasts 45 to 50 minutes in calm weather.", []string{"45 minute true"}, []string{"50 minute false"})
	wantQuantities(t, "Smugglers face three to five years in prison.", []string{"3 year true"}, []string{"5 year false"})
	wantQuantities(t, "The storm left 8-10 centimetres of snow and cut power to 40 villages.", []string{"40 villages false"}, []string{"10 centimetres false"})
	wantQuantities(t, "The convoy was 20-25 km long.", []string{"20 km true"}, []string{"25 km false"})
	wantQuantities(t, "Prices rose by between 4 and 6 percent.", []string{"4 percent true"}, []string{"6 percent false"})
	wantQuantities(t, "The fund will spend 2 to 3 billion euros.", []string{"2e+09 EUR true"}, nil)
	// not ranges: a change "from ... to", and a number with its own noun before "to"
	wantQuantities(t, "The tax rose from 20 to 25 percent.", []string{"25 percent false"}, []string{"20 percent true"})
	wantQuantities(t, "Inspectors sent 12 trucks to 3 depots.", []string{"12 trucks false", "3 depots false"}, nil)
}

func TestQuantityApproxWithinAndDimensions(t *testing.T) {
	// "within 30 km" is an approximate distance
	wantQuantities(t, "The drone came within 30 km of the airport.", []string{"30 km true"}, []string{"30 km false"})
	// "about 400 metres by 400 metres": the approximation holds for both sides
	res := issueExtract(t, "2025-06-25", "Divers searched an area of about 400 metres by 400 metres.")
	n := 0
	for _, q := range res.Quantities {
		if fmtQuantity(q.Quantity) == "400 m true" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("dimensions: got %v, want two 400 m true", quantitiesOf(res))
	}
	// but a plain second side stays exact
	wantQuantities(t, "The hall measures 40 metres by 25 metres.", []string{"40 m false", "25 m false"}, nil)
}

func TestQuantityImperialAndNauticalUnits(t *testing.T) {
	wantQuantities(t, "The mast rose about 90 feet above the deck.", []string{"90 foot true"}, nil)
	wantQuantities(t, "The wreck lies in 30 feet of water, 400 yards from the pier.", []string{"30 foot false", "400 yard false"}, nil)
	wantQuantities(t, "The frigate stayed some twelve nautical miles from the coast.", []string{"12 nautical mile true"}, []string{"12 mile true"})
	wantQuantities(t, "The boat was 14 nautical miles offshore.", []string{"14 nautical mile false"}, nil)
}

func TestQuantityASingle(t *testing.T) {
	wantQuantities(t, "The destroyer fired a single Tomahawk missile at the site.", []string{"1 missile false"}, nil)
	wantQuantities(t, "Only a single tanker left the port that week.", []string{"1 tanker false"}, nil)
	wantQuantities(t, "The vote was delayed by a single day.", []string{"1 day false"}, nil)
	// negation, and "single" as an adjective of an uncounted noun
	for _, text := range []string{
		"Not a single drone reached the city.",
		"The bloc wants a single market for defence goods.",
	} {
		if qs := issueExtract(t, "2025-06-25", text).Quantities; len(qs) != 0 {
			t.Errorf("%q: unexpected quantities %v", text, qs)
		}
	}
}

func TestQuantityFractionsInWords(t *testing.T) {
	wantQuantities(t, "Nearly two-thirds of the villagers have left.", []string{"67 percent true"}, []string{"2 thirds false"})
	wantQuantities(t, "Three quarters of the budget goes to salaries.", []string{"75 percent false"}, nil)
	wantQuantities(t, "A fifth of the fleet is in repair.", []string{"20 percent false"}, nil)
	// not fractions: a quarter of the year is a date, an ordinal is no amount
	for _, text := range []string{
		"Growth slowed in the third quarter of the year.",
		"The second half of the match was dull.",
	} {
		for _, q := range issueExtract(t, "2025-06-25", text).Quantities {
			if q.Quantity.Unit == "percent" {
				t.Errorf("%q: unexpected %v", text, q)
			}
		}
	}
}

func TestQuantityElidedUnit(t *testing.T) {
	// a bare number closing its clause counts what the amount before it counts
	wantQuantities(t, "The senate passed the bill by 61 votes to 38.", []string{"61 votes false", "38 votes false"}, nil)
	wantQuantities(t, "The repair took nine hours, although it usually takes three.", []string{"9 hour false", "3 hour false"}, nil)
	// not after a mere mention: a bare number with no verb or tally before it
	for _, text := range []string{
		"The talks lasted six hours in room 4.",
		"Officials counted 40 tankers, said Smith, aged 52.",
	} {
		for _, q := range issueExtract(t, "2025-06-25", text).Quantities {
			if q.Quantity.Value == 4 || q.Quantity.Value == 52 {
				t.Errorf("%q: unexpected %v", text, q)
			}
		}
	}
}

// datesOf lists the dates of an extraction as "text=value".
func datesOf(res *Result) []string {
	var out []string
	for _, d := range res.Dates {
		out = append(out, d.Text+"="+d.Time.Value)
	}
	return out
}

func wantDate(t *testing.T, published, text, phrase, value string) {
	t.Helper()
	res := issueExtract(t, published, text)
	for _, d := range res.Dates {
		if d.Text == phrase {
			if d.Time.Value != value {
				t.Errorf("%q: %q is %s, want %s", text, phrase, d.Time.Value, value)
			}
			return
		}
	}
	t.Errorf("%q: no date %q (dates %v)", text, phrase, datesOf(res))
}

func noDate(t *testing.T, published, text, phrase string) {
	t.Helper()
	for _, d := range issueExtract(t, published, text).Dates {
		if d.Text == phrase {
			t.Errorf("%q: unexpected date %q = %s", text, phrase, d.Time.Value)
		}
	}
}

func TestDateDeadlineInTheComingYear(t *testing.T) {
	// published Saturday 2025-09-20: a deadline day in a clause about the future is the
	// coming one, even in the next year
	wantDate(t, "2025-09-20", "The council ordered all ministries to be merged by January 5.", "January 5", "2026-01-05")
	wantDate(t, "2025-06-25", "The ministry will keep the border closed until March 3.", "March 3", "2026-03-03")
	// a past deadline stays in the past
	wantDate(t, "2025-06-25", "The troops had withdrawn by June 10.", "June 10", "2025-06-10")
	wantDate(t, "2025-09-20", "The rebels agreed to disarm by September 12.", "September 12", "2025-09-12")
	// and a deadline is not the day the story is at: "two days earlier" counts from Tuesday
	wantDate(t, "2025-09-20", "On Tuesday the council voted to dissolve the agency by March 1. Two days earlier, its director resigned.", "Two days earlier", "2025-09-14")
}

func TestDateWeekdayFutureAndPublicationDay(t *testing.T) {
	// published Wednesday 2025-06-25
	wantDate(t, "2025-06-25", "The mayor announced that Friday would be a day of mourning.", "Friday", "2025-06-27")
	wantDate(t, "2025-06-25", "The minister said Monday will be a public holiday.", "Monday", "2025-06-30")
	// the weekday of publication is the publication day
	wantDate(t, "2025-06-25", "Smith told reporters Wednesday that the talks had failed.", "Wednesday", "2025-06-25")
	// a past weekday stays the last one
	wantDate(t, "2025-06-25", "The mayor said Friday was the worst day of the flood.", "Friday", "2025-06-20")
}

func TestDateModifiedWeekdayAndDayParts(t *testing.T) {
	// published Wednesday 2025-06-25: "late on Sunday" keeps its modifier
	wantDate(t, "2025-06-25", "The ferry sank late on Sunday, officials said.", "late on Sunday", "2025-06-22")
	wantDate(t, "2025-06-25", "Early on Monday, the guards opened the gate.", "Early on Monday", "2025-06-23")
	wantDate(t, "2025-06-25", "By late Monday, the fire was out.", "late Monday", "2025-06-23")
	// parts of the last day named
	text := "The strike began on June 12. That evening the union met, and earlier in the day the police had closed the port. Talks went on throughout the night."
	wantDate(t, "2025-06-25", text, "That evening", "2025-06-12")
	wantDate(t, "2025-06-25", text, "earlier in the day", "2025-06-12")
	wantDate(t, "2025-06-25", text, "throughout the night", "2025-06-12")
	// "that morning" without a day named before is no date
	noDate(t, "2025-06-25", "The minister was tired that morning.", "that morning")
}

func TestDateLastMonth(t *testing.T) {
	// published 2025-06-25: "last MONTH" is the last such month before this one
	wantDate(t, "2025-06-25", "Last September, the port was closed.", "September", "2024-09")
	wantDate(t, "2025-06-25", "The cable was cut last June.", "June", "2024-06")
	wantDate(t, "2025-06-25", "The cable was cut last March.", "March", "2025-03")
}

func TestDateDaysSinceWithinAndNthDay(t *testing.T) {
	// "in the five days since X" counts back from now; the duration is no quantity then
	res := issueExtract(t, "2025-06-25", "Aid has arrived in the five days since the storm hit the coast.")
	if got := datesOf(res); len(got) != 1 || got[0] != "five days since=2025-06-20" {
		t.Errorf("days since: dates %v", got)
	}
	if len(res.Quantities) != 0 {
		t.Errorf("days since: quantities %v", quantitiesOf(res))
	}
	// "Within 24 hours" of a day named is the next day; not in a clause about the future
	wantDate(t, "2025-06-25", "The rebels attacked on June 10. Within 24 hours they had taken the town.", "Within 24 hours", "2025-06-11")
	noDate(t, "2025-06-25", "The rebels attacked on June 10. The envoy was told to leave the country within 24 hours.", "within 24 hours")
	noDate(t, "2025-06-25", "The rebels attacked on June 10. The army will respond within 24 hours.", "within 24 hours")
	// "the third day of the offensive" counts from its first day, the day named
	wantDate(t, "2025-06-25", "The offensive began on June 3. On the third day of the offensive, the bridge fell.", "the third day of the offensive", "2025-06-05")
	noDate(t, "2025-06-25", "The offensive began on June 3. Rent is due on the first day of the month.", "the first day of the month")
}
