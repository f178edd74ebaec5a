package extract

import (
	"testing"
)

// The mechanisms of the fifth session, written after the sixth set's misses were classified
// by cause (docs/extraction.md, "The fifth session: the sixth set's misses, by cause");
// made-up sentences, none taken from the set.

func TestReporterOwnsItsGroup(t *testing.T) {
	// "its fighters" in a clause the subject reports are the subject's, even past a country
	// inside a prepositional phrase
	res := issueExtract(t, "2025-12-26", "The Sahel Liberation Movement said on Friday it would keep attacking convoys bound for Jordan, a day after its fighters seized the tanker Norvik near the coast.")
	wantEvent(t, res, "DETENTION", 0, map[string][]string{"AGENT": {"org:sahel-liberation-movement"}})
	// negative: a country that is a subject of the reported clause still owns "its"
	res = issueExtract(t, "2025-12-26", "Russia said Poland had moved its troops to the border.")
	for _, ev := range res.Events {
		for _, r := range ev.Roles {
			if r.Role == "AGENT" && r.Entity == "country:RUS" {
				t.Errorf("its troops after a reported subject read as the reporter's: %v", summary(res))
			}
		}
	}
}

func TestMakerAndMovementNames(t *testing.T) {
	// a maker's or movement's head word ends an organisation's name, also as a speech
	// verb's subject (no person "Sahel Liberation Movement")
	for _, c := range []struct{ text, name string }{
		{"Officials said Kessler Rotor Engine had designed the motor.", "Kessler Rotor Engine"},
		{"The Sahel Liberation Movement said the convoy was seized.", "Sahel Liberation Movement"},
		{"Nordic Aerospace Systems delivered the radars.", "Nordic Aerospace Systems"},
	} {
		res := issueExtract(t, "2025-12-26", c.text)
		if !hasEntity2(res, "Organization", c.name) {
			t.Errorf("%q: no organisation %q: %v", c.text, c.name, res.Entities)
		}
	}
	// a system's name in lower case is no organisation
	res := issueExtract(t, "2025-12-26", "The army bought new air defence systems.")
	for _, e := range res.Entities {
		if e.Kind == "Organization" {
			t.Errorf("lower-case systems named an organisation: %v", res.Entities)
		}
	}
}
