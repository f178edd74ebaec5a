package extract

import (
	"slices"
	"testing"
)

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

func TestSunkShipsAndFlagStates(t *testing.T) {
	// a ship sunk by someone is struck (one that sank by itself is not); the flag state or
	// owner's country of a ship is never the doer
	res := issueExtract(t, "2025-03-01", "The rebels said they had sunk the Panama-flagged tanker Ocean Star. The ferry sank in a storm. The Maltese-flagged freighter was hit by a drone.")
	evs := eventsOf(res, "STRIKE", 0)
	if len(evs) != 1 || slices.Contains(roleOf(evs[0], "AGENT"), "country:PAN") {
		t.Errorf("sentence 0: want one strike not done by Panama, got %v", summary(res))
	}
	if evs := eventsOf(res, "STRIKE", 1); len(evs) != 0 {
		t.Errorf("the ferry sank by itself: %v", summary(res))
	}
	for _, ev := range eventsOf(res, "STRIKE", 2) {
		if slices.Contains(roleOf(ev, "AGENT"), "country:MLT") {
			t.Errorf("Malta is the flag, not the attacker: %v", summary(res))
		}
	}
}

func TestItAfterTellingSomeone(t *testing.T) {
	// "X had told Y that it would": "it" is X, not the one told
	res := issueExtract(t, "2025-03-01", "Pyongyang had told Japan's coast guard that it would launch a satellite before June 4.")
	wantEvent(t, res, "LAUNCH", 0, map[string][]string{"AGENT": {"country:PRK"}})
}

func TestProtestsLodgedAndCoordinatedSpeechActs(t *testing.T) {
	// a protest lodged is a condemnation; one coordinated after a reported clause is the
	// speaker's, not of one named in that clause
	res := issueExtract(t, "2025-03-01", "Vice Foreign Minister Masataka Okano lodged a protest with China's ambassador. Tokyo said the launch broke United Nations Security Council resolutions and lodged a protest through diplomatic channels.")
	wantEvent(t, res, "CONDEMNATION", 0, map[string][]string{"AGENT": {"person:masataka-okano"}})
	wantEvent(t, res, "CONDEMNATION", 1, map[string][]string{"AGENT": {"country:JPN"}})
}

func TestPromisedAndProvidedGoods(t *testing.T) {
	// weapons promised are supplied; "promised to send" is told by "send", "promised a
	// response" gives nothing; goods provided are a supply with no weapon named
	res := issueExtract(t, "2025-03-01", "Britain has promised 14 Challenger 2 tanks. France promised a swift response. Berlin will also provide ammunition and maintenance.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:GBR"}, "INSTRUMENT": {"weapon:challenger-2"}})
	if len(res.Events) > 0 {
		for _, ev := range res.Events {
			if *ev.Evidence[0].Start == res.Sentences[1].Start {
				t.Errorf("a response promised is no event: %v", summary(res))
			}
		}
	}
	wantEvent(t, res, "SUPPLY", 2, map[string][]string{"AGENT": {"country:DEU"}})
}

func TestLeadersGovernmentIsTheState(t *testing.T) {
	// "Olaf Scholz's government announced that it will supply": Germany's act and word;
	// "Leopard 2 A6" is the variant; "14 of its own Leopards" a count
	res := issueExtract(t, "2023-01-25", "Chancellor Olaf Scholz's government announced that it will supply 14 Leopard 2 A6 tanks. Poland asked to send 14 of its own Leopards.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:DEU"}, "INSTRUMENT": {"weapon:leopard-2a6"}})
	if got := attributedTo(res, 0); got != "country:DEU" {
		t.Errorf("want the sentence attributed to Germany, got %q", got)
	}
	if !quantitiesOf(res)["14 leopards false"] {
		t.Errorf("want 14 Leopards, got %v", quantitiesOf(res))
	}
}
