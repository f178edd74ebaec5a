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

func TestTuneMoneyIsSupply(t *testing.T) {
	// a sum of money pledged or announced is a supply, with or without a recipient
	res := issueExtract(t, "2024-03-05", "The European Union has pledged five million euros.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"org:european-union"}})
	res = issueExtract(t, "2024-03-05", "Japan announced $5 billion for Ukraine on Monday.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"AGENT": {"country:JPN"}, "BENEFICIARY": {"country:UKR"}})
	if evs := eventsOf(res, "ANNOUNCEMENT", 0); len(evs) > 0 {
		t.Errorf("money announced is no announcement of its own: %v", summary(res))
	}
	// negative: an announcement of something else, a pledge of words
	for _, text := range []string{"Japan announced that it would hold talks.", "Japan pledged to keep talking."} {
		if evs := eventsOf(issueExtract(t, "2024-03-05", text), "SUPPLY", -1); len(evs) > 0 {
			t.Errorf("%q: unexpected supply %v", text, evs)
		}
	}
}

func TestTuneTakeDownAndShootdown(t *testing.T) {
	res := issueExtract(t, "2024-03-05", "Norway took the drone down over the sea on Monday.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:NOR"}, "TARGET": {"weapon:drone"}})
	res = issueExtract(t, "2024-03-05", "The shootdown of the drone by Norway angered Moscow.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:NOR"}})
	// negative: other things taken down
	for _, text := range []string{"Norway took the flag down on Monday.", "Norway took the website down."} {
		if evs := eventsOf(issueExtract(t, "2024-03-05", text), "INTERCEPTION", -1); len(evs) > 0 {
			t.Errorf("%q: unexpected interception %v", text, evs)
		}
	}
}

func TestTuneStanceObjectHasOwnDoer(t *testing.T) {
	// the subject of a stance verb is not the doer of the event it speaks of
	for _, text := range []string{
		"Turkey protested the shootdown of its drone.",
		"Turkey protested the attack on its embassy.",
		"Turkey criticised the strikes on Monday.",
	} {
		res := issueExtract(t, "2024-03-05", text)
		for _, typ := range []string{"INTERCEPTION", "STRIKE"} {
			for _, ev := range eventsOf(res, typ, 0) {
				if a := roleOf(ev, "AGENT"); len(a) > 0 && a[0] == "country:TUR" {
					t.Errorf("%q: the protester made the %s: %v", text, typ, summary(res))
				}
			}
		}
		wantEvent(t, res, "CONDEMNATION", 0, map[string][]string{"AGENT": {"country:TUR"}})
	}
	// the doer of the event itself is still found
	res := issueExtract(t, "2024-03-05", "Ukraine struck the bridge and Russia condemned the attack.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:UKR"}})
}

func TestTuneConditionalIsNoEvent(t *testing.T) {
	for _, text := range []string{
		"Moscow warned it would respond if NATO deploys troops in Finland.",
		"Sweden saw no reason to negotiate with Turkey.",
		"Billstrom did not rule out a meeting with Fidan.",
		"Kyiv will stay calm unless Russia attacks the port.",
	} {
		res := issueExtract(t, "2024-03-05", text)
		for _, ev := range res.Events {
			if ev.Type == "DEPLOYMENT" || ev.Type == "TALKS" || ev.Type == "MEETING" && ev.Type != "" || ev.Type == "STRIKE" {
				t.Errorf("%q: a supposed event was reported: %v", text, summary(res))
			}
		}
	}
	// an event outside the condition stays: "Russia attacked the port, and if ..."
	res := issueExtract(t, "2024-03-05", "Russia attacked the port on Monday, and Kyiv said it would respond if it happened again.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
}

func TestTuneDeclaredStatesAreOrders(t *testing.T) {
	res := issueExtract(t, "2024-03-05", "Finland declared a state of emergency on Monday.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"country:FIN"}})
	res = issueExtract(t, "2024-03-05", "Estonia declared a curfew in the border towns.")
	wantEvent(t, res, "ORDER", 0, map[string][]string{"AGENT": {"country:EST"}})
	// negative: a declared view is no order
	res = issueExtract(t, "2024-03-05", "Finland declared its support for the plan.")
	if evs := eventsOf(res, "ORDER", 0); len(evs) > 0 {
		t.Errorf("a declared view read as an order: %v", summary(res))
	}
}

func TestTuneTerroristListingIsSanction(t *testing.T) {
	res := issueExtract(t, "2024-03-05", "Britain listed the group as a terrorist organisation in May.")
	wantEvent(t, res, "SANCTION", 0, map[string][]string{"AGENT": {"country:GBR"}})
	res = issueExtract(t, "2024-03-05", "Canada designated the network as terrorists.")
	wantEvent(t, res, "SANCTION", 0, map[string][]string{"AGENT": {"country:CAN"}})
	res = issueExtract(t, "2024-03-05", "Britain listed the group's demands in a letter.")
	if evs := eventsOf(res, "SANCTION", 0); len(evs) > 0 {
		t.Errorf("a list of demands read as a sanction: %v", summary(res))
	}
}

func TestTuneDismissedAsAndBothCountries(t *testing.T) {
	res := issueExtract(t, "2024-03-05", "The Kremlin has dismissed as false a report that its divers cut the cable.")
	wantEvent(t, res, "DENIAL", 0, map[string][]string{"AGENT": {"org:kremlin"}})
	// "both countries" after two countries: both are the doers
	res = issueExtract(t, "2024-03-05", "The report blamed Norway and Denmark for the leak, which both countries deny.")
	wantEvent(t, res, "DENIAL", 0, map[string][]string{"AGENT": {"country:NOR", "country:DNK"}})
	res = issueExtract(t, "2024-03-05", "Poland and Lithuania closed the border, and both countries deployed troops there.")
	wantEvent(t, res, "DEPLOYMENT", 0, map[string][]string{"AGENT": {"country:POL", "country:LTU"}})
}

func TestTunePoundingIsStrike(t *testing.T) {
	// a participle after the main clause: its doer is the main clause's subject
	res := issueExtract(t, "2024-03-05", "Azerbaijani forces launched an offensive on Tuesday, pounding Armenian positions with artillery and drones.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:AZE"}})
}

func TestTunePlacesTakenAndFallsAreNoEvents(t *testing.T) {
	for _, text := range []string{
		"Russian forces took control of the town on Monday.",
		"The fighters took control of the headquarters of the district.",
		"The drone was damaged before it hit the sea.",
	} {
		res := issueExtract(t, "2024-03-05", text)
		for _, ev := range res.Events {
			if ev.Type == "DETENTION" || ev.Type == "STRIKE" {
				t.Errorf("%q: unexpected %v", text, summary(res))
			}
		}
	}
	// a ship or its crew taken is a detention; shells hitting a station are a strike
	res := issueExtract(t, "2024-03-05", "Iran's navy took control of the tanker on Monday.")
	wantEvent(t, res, "DETENTION", 0, map[string][]string{"AGENT": {"country:IRN"}})
	res = issueExtract(t, "2024-03-05", "Russian shells hit the station on Monday.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
}

func TestTuneTheTwoCountriesAreTheStorys(t *testing.T) {
	// "the two countries" with one of them named in the sentence: the other is the country
	// the article names most, not the one named last
	text := "Turkey has blocked Sweden's bid for months. Turkey wants more from Sweden. The United States has urged Ankara to move. " +
		"Sweden has since tightened its laws, and the two countries agreed on steps at a meeting in Vilnius in July."
	res := issueExtract(t, "2024-03-05", text)
	wantEvent(t, res, "MEETING", 3, map[string][]string{"AGENT": {"country:SWE", "country:TUR"}})
}

func TestTuneUnnamedGroupsAndDemandsAreSources(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Washington has called on Azerbaijan to allow international monitors.", "country:USA"},
		{"Some families say they spent 30 hours in the queue.", "phrase:families"},
		{"Aid workers here expect few Armenians to remain.", "phrase:aid workers"},
		{"By late Saturday, the fighters had left the city, regional authorities said.", "phrase:regional authorities"},
		{"Earlier the press service of the Belarusian leader reported that the talks went on.", "phrase:press service"},
	} {
		res := issueExtract(t, "2024-03-05", c.text)
		if got := sourcesBySentence(res)[0]; got != c.want {
			t.Errorf("%q: source %q, want %q", c.text, got, c.want)
		}
	}
	// money announced is no claim; a call made to someone is no demand
	for _, text := range []string{
		"Japan announced 11.5 million dollars in aid for Armenia.",
		"Erdogan called Putin on Monday.",
	} {
		if got := sourcesBySentence(issueExtract(t, "2024-03-05", text)); len(got) > 0 {
			t.Errorf("%q: unexpected source %v", text, got)
		}
	}
}

func TestTuneNamesByRoleAndApposition(t *testing.T) {
	for _, c := range []struct{ text, kind, name string }{
		{"The case against Wagner founder Yevgeny Prigozhin was dropped.", "Person", "Yevgeny Prigozhin"},
		{"Opposition leader Maria Kolesnikova was jailed.", "Person", "Maria Kolesnikova"},
		{"Austin asked for a call with the Minister of National Defense, Wei Fenghe.", "Person", "Wei Fenghe"},
		{"German media followed a trail to a yacht, the Andromeda.", "Vessel", "Andromeda"},
		{"Wagner took the headquarters of the Southern Military District.", "Organization", "Southern Military District"},
	} {
		if res := issueExtract(t, "2024-03-05", c.text); !hasEntity2(res, c.kind, c.name) {
			t.Errorf("%q: no %s %s: %v", c.text, c.kind, c.name, res.Entities)
		}
	}
	// a name whose head is an unnamed source's word is the source: "Copenhagen Police"
	res := issueExtract(t, "2024-03-05", "Copenhagen Police said the case was closed.")
	if got := sourcesBySentence(res)[0]; got != "org:copenhagen-police" {
		t.Errorf("Copenhagen Police: source %q", got)
	}
	// negative: a leader without a name, a yacht without one
	for _, text := range []string{"The leader said the talks would go on.", "They sailed on a yacht, the biggest in the port."} {
		res := issueExtract(t, "2024-03-05", text)
		for _, e := range res.Entities {
			if e.Kind == "Person" || e.Kind == "Vessel" {
				t.Errorf("%q: unexpected %v", text, e)
			}
		}
	}
}

func TestTuneHeadOfStateIsThePreviousSubject(t *testing.T) {
	// "the head of state" after a sentence whose subject is a president: that president,
	// though another leader was introduced as "the Belarusian leader" before
	text := "The press service of the Belarusian leader said Lukashenko held talks. " +
		"In an address that morning, Putin called the events a betrayal. " +
		"\"Any mutiny is a threat,\" the head of state said."
	res := issueExtract(t, "2024-03-05", text)
	if got := sourcesBySentence(res)[2]; got != "person:vladimir-putin" {
		t.Errorf("the head of state: %q, want person:vladimir-putin", got)
	}
}

func TestTuneOrderedActsAndCompounds(t *testing.T) {
	// "self-declared" is no declaration
	res := issueExtract(t, "2024-03-05", "Ann Holt signed a decree ordering the self-declared republic to be dissolved.")
	if evs := eventsOf(res, "ANNOUNCEMENT", 0); len(evs) > 0 {
		t.Errorf("self-declared read as an announcement: %v", summary(res))
	}
	// what it was shot down with is the instrument
	res = issueExtract(t, "2024-03-05", "Norwegian jets shot the drone down with a single AIM-9X missile.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:NOR"}, "TARGET": {"weapon:drone"}, "INSTRUMENT": {"weapon:aim-9x"}})
}
