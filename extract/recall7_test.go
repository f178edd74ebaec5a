package extract

import (
	"testing"
)

// The recall session: general forms of physical events in ordinary news English (not
// taken from any evaluation set), each with sentences in another sense that must not be
// read as the event. Made-up sentences only.

func noEventOf(t *testing.T, res *Result, typ, text string) {
	t.Helper()
	for _, ev := range res.Events {
		if ev.Type == typ {
			t.Errorf("%q: unexpected %s event: %v", text, typ, summary(res))
		}
	}
}

func TestRecallInterceptionTurnedAway(t *testing.T) {
	// a forced turn, an escort away, a chase off: the aircraft or ship is intercepted
	for _, text := range []string{
		"Norwegian jets forced a Russian plane to turn back on Tuesday.",
		"The Russian aircraft was forced to turn back by Norwegian jets.",
		"Italian jets escorted the Russian aircraft out of the area.",
		"The Russian corvette was chased away by a Dutch frigate.",
		"The Russian bomber was escorted away by Finnish fighters.",
	} {
		res := issueExtract(t, "2025-12-26", text)
		if len(eventsOf(res, "INTERCEPTION", 0)) != 1 {
			t.Errorf("%q: no interception: %v", text, summary(res))
		}
	}
	wantEvent(t, issueExtract(t, "2025-12-26", "Norwegian jets forced a Russian plane to turn back on Tuesday."), "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:NOR"}})
	wantEvent(t, issueExtract(t, "2025-12-26", "The Russian aircraft was forced to turn back by Norwegian jets."), "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:NOR"}})
	// negative: an escort with no sending off, a forced change of plans
	for _, text := range []string{
		"Italian jets escorted the convoy to the port.",
		"The storm forced the minister to cancel his trip to Norway.",
		"Sweden forced the company to leave the market.",
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", text), "INTERCEPTION", text)
	}
}

func TestRecallStrikeUnderFire(t *testing.T) {
	// "came under fire/attack from/by X": the subject is where it struck, X the doer
	res := issueExtract(t, "2025-12-26", "Kyiv came under fire from Russian missiles on Tuesday.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
	res = issueExtract(t, "2025-12-26", "A Ukrainian base came under attack by Russian drones.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
	// assaults and offensives
	res = issueExtract(t, "2025-12-26", "Russian troops stormed a Ukrainian position near Bakhmut.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
	res = issueExtract(t, "2025-12-26", "Azerbaijan launched a military offensive against Armenia on Tuesday.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:AZE"}})
	// negative: an offensive weapon is no strike; a dispute "under fire" with no doer
	for _, text := range []string{
		"Sweden bought offensive weapons from Norway.",
		"The Swedish minister came under fire from critics over the budget.",
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", text), "STRIKE", text)
	}
}

func TestRecallSupplySaleArming(t *testing.T) {
	res := issueExtract(t, "2025-12-26", "Washington approved the sale of 40 F-16 jets to Turkey.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:USA"}, "BENEFICIARY": {"country:TUR"}})
	res = issueExtract(t, "2025-12-26", "Germany is arming Ukraine with tanks.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:DEU"}, "BENEFICIARY": {"country:UKR"}})
	// negative: the sale of a company; ships as a noun
	for _, text := range []string{
		"The sale of the company was approved on Tuesday.",
		"Russian ships sailed past Denmark on Tuesday.",
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", text), "SUPPLY", text)
	}
}

func TestRecallOrderTold(t *testing.T) {
	// "told X to <verb>", "gave the order": an order by the one who tells
	res := issueExtract(t, "2025-12-26", "Putin told the army to withdraw on Tuesday.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"person:vladimir-putin"}})
	res = issueExtract(t, "2025-12-26", "Putin gave the order to shoot down the drone.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"person:vladimir-putin"}})
	// negative: telling an audience, telling what
	for _, text := range []string{
		"Putin told reporters to expect a decision.",
		"Putin told Reuters that the talks would continue.",
		"Putin told the story to his guests.",
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", text), "ORDER", text)
	}
}

func TestRecallIncursionMotion(t *testing.T) {
	res := issueExtract(t, "2025-12-26", "Russian forces advanced into Ukraine on Tuesday.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:UKR"}})
	res = issueExtract(t, "2025-12-26", "A Russian drone drifted over Moldova on Tuesday.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:MDA"}})
	// negative: talks that advanced, prices that drifted
	for _, text := range []string{
		"Talks between Russia and Ukraine advanced on Tuesday.",
		"Oil prices drifted lower in Norway on Tuesday.",
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", text), "INCURSION", text)
	}
}

func TestRecallAnnouncementThat(t *testing.T) {
	// "X announced (on Tuesday) that ...", "X declared that ...": X's announcement, though
	// X is also the source of what follows
	for _, text := range []string{
		"Sweden announced on Tuesday that it would close its investigation.",
		"Sweden has also announced that it would close its investigation.",
		"Sweden declared that the investigation was closed.",
	} {
		wantEvent(t, issueExtract(t, "2025-12-26", text), "ANNOUNCEMENT", 0, map[string][]string{"AGENT": {"country:SWE"}})
	}
	// negative: a report closed by "announced" after its subject stays an attribution;
	// "said" is no announcement
	for _, text := range []string{
		"Sweden said on Tuesday that it would close its investigation.",
		"The investigation was closed, Sweden announced.",
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", text), "ANNOUNCEMENT", text)
	}
}

func TestRecallTookOutDecreePenetrated(t *testing.T) {
	// "took out" drones is an interception; "decreed", "a directive" an order; "penetrated"
	// airspace an incursion
	res := issueExtract(t, "2025-12-26", "Latvian air defences took out three Russian drones.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:LVA"}})
	res = issueExtract(t, "2025-12-26", "Putin decreed that the troops withdraw.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"person:vladimir-putin"}})
	res = issueExtract(t, "2025-12-26", "Putin issued a directive to withdraw the troops.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"person:vladimir-putin"}})
	res = issueExtract(t, "2025-12-26", "A Russian drone penetrated Polish airspace on Tuesday.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:POL"}})
	// negative: taking out a loan, penetrating defences or a market
	for _, c := range []struct{ text, typ string }{
		{"Latvia took out a loan from Sweden.", "INTERCEPTION"},
		{"Ukrainian forces penetrated Russian defences near Kursk.", "INCURSION"},
		{"Swedish firms penetrated the Polish market.", "INCURSION"},
	} {
		noEventOf(t, issueExtract(t, "2025-12-26", c.text), c.typ, c.text)
	}
}

func TestRecallGenericArmour(t *testing.T) {
	// generic classes that are what a supply moves: battle tanks, howitzers, armoured
	// vehicles
	res := issueExtract(t, "2025-12-26", "Germany delivered battle tanks and howitzers to Ukraine.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:DEU"}, "INSTRUMENT": {"weapon:battle-tank", "weapon:howitzer"}, "BENEFICIARY": {"country:UKR"}})
	res = issueExtract(t, "2025-12-26", "Sweden will send armoured vehicles to Ukraine.")
	if len(eventsOf(res, "SUPPLY", 0))+len(eventsOf(res, "DEPLOYMENT", 0)) != 1 || !hasEntity2(res, "WeaponSystem", "armoured vehicle") {
		t.Errorf("armoured vehicles: %v %v", summary(res), res.Entities)
	}
	// negative: a think tank, fuel tanks
	for _, text := range []string{"A Swedish think tank said Norway delivered fuel tanks to Ukraine."} {
		res := issueExtract(t, "2025-12-26", text)
		for _, e := range res.Entities {
			if e.Kind == "WeaponSystem" {
				t.Errorf("%q: weapon %v", text, e)
			}
		}
	}
}

func TestRecallSupplyFromTargeting(t *testing.T) {
	// a supply noun's "from" is who supplies; "supplier of"; "targeting" a place strikes it
	res := issueExtract(t, "2025-12-26", "Arms shipments from Iran to Russia continued.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:IRN"}, "BENEFICIARY": {"country:RUS"}})
	res = issueExtract(t, "2025-12-26", "Iran is the main supplier of drones to Russia.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:IRN"}, "BENEFICIARY": {"country:RUS"}})
	res = issueExtract(t, "2025-12-26", "Russia is targeting Ukraine's energy grid.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
	// negative: "from" of a verb's time; targeting sanctioned firms is a sanction
	res = issueExtract(t, "2025-12-26", "The European Union is targeting Russian banks with new measures.")
	noEventOf(t, res, "STRIKE", "targeting banks")
	res = issueExtract(t, "2025-12-26", "Germany supplied Ukraine with drones from March.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:DEU"}})
}
