package extract

import "testing"

// The fourteenth session: mechanisms from the causes of the fourteenth set's misses (opened
// for tuning in this session). Made-up sentences only, none of the sets'.

func TestCountsAroundWeaponNames(t *testing.T) {
	// the digits of a weapon's name are no amount; a count before the name counts the noun
	// after it or the one that ends it; "the two jets" later is still a count
	wantQuantities(t, "Norway will send eight Leopard 2 A6 tanks to Kyiv.", []string{"8 tanks false"}, []string{"2 A6 false", "8 Leopard false"})
	wantQuantities(t, "London promised twelve Challenger 2 tanks.", []string{"12 tanks false"}, nil)
	wantQuantities(t, "Four Greek F-16 fighter jets took off. Later the four jets landed in Crete.", []string{"4 jets false"}, []string{"16 fighter false"})
	res := issueExtract(t, "2025-06-25", "Four Greek F-16 fighter jets took off. Later the four jets landed in Crete.")
	n := 0
	for _, q := range res.Quantities {
		if fmtQuantity(q.Quantity) == "4 jets false" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("want both counts of four jets, got %+v", res.Quantities)
	}
}

func TestCountsOfModifiedHeadsAndCollectives(t *testing.T) {
	// a counted noun modifying a plural head counts the head; "crew" and "staff" alone count
	// their members; "crew members" stays the compound
	wantQuantities(t, "The army moved two tank battalions to the border.", []string{"2 battalions false"}, []string{"2 tank false"})
	wantQuantities(t, "The tug had 14 crew and two divers on board.", []string{"14 crew false", "2 divers false"}, nil)
	wantQuantities(t, "The agency has more than 300 staff in the region.", []string{"300 staff true"}, nil)
	wantQuantities(t, "Nine crew members were rescued.", []string{"9 crew members false"}, []string{"9 crew false"})
}

func TestOneOfASuperlativeIsNoCount(t *testing.T) {
	// "one of the heaviest" ranks; "one of the two reactors" counts
	wantQuantities(t, "It was one of the biggest raids of the war. One of its most modern ships was hit.", nil, []string{"1 raids false", "1 ships false"})
	wantQuantities(t, "One of the three pumps failed.", []string{"1 pumps false"}, nil)
}
