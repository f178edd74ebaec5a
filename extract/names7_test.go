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

func TestNamesForceOwner(t *testing.T) {
	// the owner of a body of armed men: a possessive names a person, a modifier a group
	res := issueExtract(t, "2025-12-26", "Zhukovsky's fighters attacked the village on Tuesday.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"person:zhukovsky"}})
	res = issueExtract(t, "2025-12-26", "On Tuesday, Vostok fighters attacked the village.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"org:vostok"}})
	// a one-word modifier opening the sentence must be a name elsewhere in the article
	res = issueExtract(t, "2025-12-26", "Vostok fighters attacked the village. The commander of the Vostok unit denied it.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"org:vostok"}})
	// negative: common words before "forces"
	for _, text := range []string{
		"Government forces attacked the village on Tuesday.",
		"Today's forces are smaller than before.",
		"Pro-government fighters attacked the village.",
		"Vostok fighters attacked the village.",
	} {
		res := issueExtract(t, "2025-12-26", text)
		for _, e := range res.Entities {
			if e.Kind == factgraph.KindOrganization || e.Kind == factgraph.KindPerson {
				t.Errorf("%q: unexpected %v", text, e)
			}
		}
	}
}

func TestNamesActorName(t *testing.T) {
	// a name the text has not introduced, as the subject of a physical act
	res := issueExtract(t, "2025-12-26", "Ivan Petrenko ordered his fighters to withdraw from the village.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"person:ivan-petrenko"}})
	res = issueExtract(t, "2025-12-26", "On Tuesday, Petrenko attacked the village with his men.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"person:petrenko"}})
	res = issueExtract(t, "2025-12-26", "Petrenko ordered his fighters to withdraw. Officials said Petrenko had left.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"person:petrenko"}})
	// negative: a one-word sentence opener named nowhere else, a common plural, a verb
	// that is no physical act
	for _, text := range []string{
		"Petrenko ordered his fighters to withdraw from the village.",
		"Officials ordered the evacuation of the town.",
		"On Tuesday, Petrenko praised the village.",
	} {
		res := issueExtract(t, "2025-12-26", text)
		for _, e := range res.Entities {
			if e.Kind == factgraph.KindOrganization || e.Kind == factgraph.KindPerson {
				t.Errorf("%q: unexpected %v", text, e)
			}
		}
	}
}
