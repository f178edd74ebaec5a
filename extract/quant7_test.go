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
	wantQuantities(t, "Nearly two-thirds of the villagers have left.", []string{"66.7 percent true"}, []string{"2 thirds false"})
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
