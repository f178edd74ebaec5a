package extract

import (
	"slices"
	"testing"
)

// The twelfth session: mechanisms from the causes of the twelfth set's misses (opened for
// tuning in this session). Made-up sentences only, none of the sets'.

func TestSlashDesignationAndEmbassies(t *testing.T) {
	// "F/A-18" is the gazetteer's form with its slash; "the Danish embassy in Oslo" speaks
	// as an organisation, its "its" is its country's, and an embassy struck stays a place
	res := issueExtract(t, "2025-03-01", "An F/A-18 fighter jet crashed near Norfolk. The Danish embassy in Oslo denied that its drones had crossed the border. The embassy said more. A drone hit the roof of the Danish embassy in Riga.")
	ids := entityIDs(res)
	for _, id := range []string{"weapon:f-a-18-super-hornet", "org:danish-embassy-in-oslo", "country:LVA"} {
		if !ids[id] {
			t.Errorf("want %s, got %v", id, ids)
		}
	}
	if ids["weapon:a-18"] || ids["org:danish-embassy-in-riga"] {
		t.Errorf("a designation cut at its slash or a struck embassy made a body: %v", ids)
	}
	wantEvent(t, res, "INCURSION", 1, map[string][]string{"AGENT": {"country:DNK"}})
	if got := sourcesOf(res, 2); !slices.Contains(got, "org:danish-embassy-in-oslo") {
		t.Errorf("the embassy again: got %v", got)
	}
}

func TestGroupsByTheirShortName(t *testing.T) {
	// "the Wagner group" in lower case and "Wagner fighters" before any full name are the
	// gazetteer's group, not a new one
	res := issueExtract(t, "2025-03-01", "Wagner fighters have left the town. Officials said the Wagner group's convoy moved north.")
	ids := entityIDs(res)
	if !ids["org:wagner-group"] || ids["org:wagner"] {
		t.Errorf("want the Wagner Group, got %v", ids)
	}
}

func TestStateMediaAggressionAndSources(t *testing.T) {
	// a state agency's dateline is kept beside the source the sentence names; "a military
	// source" keeps its qualifier and "the source" later is that source; "air aggression",
	// "the aggression" after it are strikes, "foreign aggression" is none; the bare
	// "Ministry of Transport" is the agency's country's
	res := issueExtract(t, "2025-03-01", "Damascus, March 1 (SANA) - The Israeli enemy carried out an air aggression on a radar site near Homs, a military source said.\n\nOur air defenses shot down most of the missiles, the source added, noting that the aggression caused damage.\n\nThe Ministry of Transport said flights would resume.\n\nThe ministry warned against any foreign aggression.")
	if got := sourcesOf(res, 0); !slices.Contains(got, "org:sana") || !slices.Contains(got, "phrase:military source") {
		t.Errorf("sentence 0: want SANA and the military source, got %v", got)
	}
	if got := sourcesOf(res, 1); !slices.Contains(got, "phrase:military source") {
		t.Errorf("sentence 1: want the military source again, got %v", got)
	}
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:ISR"}})
	wantEvent(t, res, "STRIKE", 1, map[string][]string{"AGENT": {"country:ISR"}})
	if evs := eventsOf(res, "STRIKE", 3); len(evs) != 0 {
		t.Errorf("foreign aggression in general is no strike: %v", summary(res))
	}
	if got := sourcesOf(res, 2); !slices.Contains(got, "org:syrian-ministry-of-transport") {
		t.Errorf("sentence 2: want Syria's transport ministry, got %v", got)
	}
}
