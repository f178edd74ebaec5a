package extract

import (
	"testing"
)

// The sixth session: general mechanisms from the seventh set's misses (entities, events and
// attribution). Made-up sentences only, none of the set's.

func TestTuneTranscriptLabelWithRanks(t *testing.T) {
	// a label in capitals with a role and abbreviated ranks: the person is new, named as a
	// person is, and a later label by rank and surname is the same speaker
	text := "DEFENCE MINISTRY SPOKESMAN REAR ADM. JOHN KELLER: Good morning. The exercise in the Baltic Sea ended on Monday.\n\n" +
		"Q: Did the Russian navy follow the ships?\n\n" +
		"ADM. KELLER: Two Russian corvettes shadowed the group for a day. We do not seek a confrontation.\n\n" +
		"Q: Thank you, Admiral."
	res := issueExtract(t, "2024-03-05", text)
	wantSources(t, res, []string{"", "person:john-keller", "", "person:john-keller", "person:john-keller", ""})
	if !hasEntity2(res, "Person", "John Keller") {
		t.Errorf("no person John Keller: %v", res.Entities)
	}
	// in running text the ranks are a title too: "Brig. Gen. Ann Holt" is Ann Holt
	res = issueExtract(t, "2024-03-05", "Brig. Gen. Maria Lund said the drills would go on.")
	if !hasEntity2(res, "Person", "Maria Lund") {
		t.Errorf("no person Maria Lund: %v", res.Entities)
	}
	// negative: a sentence in capitals with a colon late is no label
	res = issueExtract(t, "2024-03-05", "THE MINISTRY OF DEFENCE OF THE REPUBLIC SAID ON MONDAY THAT THE SHIPS HAD LEFT: NOTHING MORE.")
	if len(res.Attributions) > 0 && res.Attributions[0].Rule == "attribution.speaker" {
		t.Errorf("a shouted sentence read as a speaker label: %+v", res.Attributions)
	}
}
