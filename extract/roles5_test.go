package extract

import "testing"

// The mechanisms of issue 13's fourth session, written after the fifth set's misses were
// classified by cause (docs/extraction.md, "The fifth set's misses, by cause"); made-up
// sentences, none taken from the set.

func TestVesselAfterWarshipClass(t *testing.T) {
	// a gazetteer class of warship before a name names the vessel, and is no weapon there
	res := issueExtract(t, "2025-12-26", "On Monday the Dutch frigate Tromp escorted two cargo ships.")
	if !hasEntity2(res, "Vessel", "Tromp") {
		t.Fatalf("no vessel Tromp: %v", res.Entities)
	}
	if hasEntity2(res, "WeaponSystem", "frigate") {
		t.Errorf("frigate kept as a weapon beside the vessel: %v", res.Entities)
	}
	// a class of warship without a name is still the class
	res = issueExtract(t, "2025-12-26", "The Dutch navy sent a frigate to the area.")
	if !hasEntity2(res, "WeaponSystem", "frigate") {
		t.Errorf("frigate lost: %v", res.Entities)
	}
}

func TestVesselPrefixAndFlag(t *testing.T) {
	// a ship prefix names the vessel, and the name without it is the same vessel later
	res := issueExtract(t, "2025-12-26", "Sailors on the HMS Calder watched the convoy. The Calder later returned to port.")
	if !hasEntity2(res, "Vessel", "HMS Calder") {
		t.Fatalf("no vessel HMS Calder: %v", res.Entities)
	}
	if hasEntity2(res, "Vessel", "Calder") {
		t.Errorf("the Calder made a second vessel: %v", res.Entities)
	}
	// a flag state before a name
	res = issueExtract(t, "2025-12-26", "The Panama-flagged Orsolya was struck by a missile.")
	if !hasEntity2(res, "Vessel", "Orsolya") {
		t.Errorf("no vessel Orsolya: %v", res.Entities)
	}
}

func TestSurnameAfterSuffix(t *testing.T) {
	// "Jr." is no surname: "Halvorsen" later is the general named with it
	res := issueExtract(t, "2025-12-26", "General Ivar Halvorsen Jr. visited the base. \"We are ready,\" Halvorsen told reporters.")
	if got := attributedTo(res, 1); got != "person:ivar-halvorsen-jr" {
		t.Errorf("Halvorsen told reporters: source %q, want the general", got)
	}
}
