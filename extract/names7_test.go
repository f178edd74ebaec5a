package extract

import (
	"testing"

	"github.com/factgraph/factgraph"
)

// The names session: general entity coverage of doers and targets, so that known triggers
// find their events when the gazetteer lacks the names. Made-up sentences only.

func TestNamesBareDesignation(t *testing.T) {
	// an aircraft or missile series designation needs no class noun after it
	res := issueExtract(t, "2025-12-26", "Polish jets intercepted an Su-27 over the Baltic Sea on Tuesday.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:POL"}, "TARGET": {"weapon:su-27"}})
	res = issueExtract(t, "2025-12-26", "Russian jets intercepted an MQ-9 over the Black Sea.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"TARGET": {"weapon:mq-9"}})
	for _, c := range []struct{ text, name string }{
		{"Russia fired a Kh-59 at the port.", "Kh-59"},
		{"A Tu-142MK took off from Engels.", "Tu-142MK"},
		{"The pilot fired an AIM-9X at the balloon.", "AIM-9X"},
	} {
		if res := issueExtract(t, "2025-12-26", c.text); !hasEntity2(res, factgraph.KindWeaponSystem, c.name) {
			t.Errorf("%q: no weapon %s: %v", c.text, c.name, res.Entities)
		}
	}
	// negative: other hyphenated numbers are no weapons; a bare plural is left alone
	for _, text := range []string{
		"The G-7 leaders met in Rome on Tuesday.",
		"He tested positive for COVID-19 in March.",
		"The M-1 motorway was closed after the crash.",
		"The Su-27s returned to base.",
	} {
		res := issueExtract(t, "2025-12-26", text)
		for _, e := range res.Entities {
			if e.Kind == factgraph.KindWeaponSystem {
				t.Errorf("%q: unexpected weapon %v", text, e)
			}
		}
	}
}
