package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

// Rules of the second round of issue 13 (2026-12-02), each on a made-up sentence of the
// kind it reads.

func TestIncursionAgentFromTheWeaponsCountry(t *testing.T) {
	// any verb of motion "into ... airspace"; the agent is the country named with the drone,
	// and later "the drone" is the same country's
	res := issueExtract(t, "2025-09-14", "Romania says a Russian drone flew ten kilometres into its airspace on Saturday. The drone entered near the village of Plauru.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "INSTRUMENT": {"weapon:drone"}})
	wantEvent(t, res, "INCURSION", 1, map[string][]string{"AGENT": {"country:RUS"}})
	// a relative clause's subject is the noun it describes
	res = issueExtract(t, "2025-09-14", "Poland shot down several Russian drones that had crossed into Polish airspace.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:POL"}, "TARGET": {"weapon:drone"}})
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "INSTRUMENT": {"weapon:drone"}, "LOCATION": {"country:POL"}})
}

func TestNounModifierAndListOwnerAgents(t *testing.T) {
	res := issueExtract(t, "2025-06-25", "Journalists waited for the end of the NATO summit in The Hague.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"org:nato"}, "LOCATION": {"location:the-hague"}})
	res = issueExtract(t, "2025-05-15", "The tanker, called the Jaguar, was added to Britain's sanctions list in April.")
	wantEvent(t, res, "SANCTION", 0, map[string][]string{"AGENT": {"country:GBR"}, "TARGET": {"vessel:jaguar"}})
	res = issueExtract(t, "2025-05-15", "The Russian Foreign Ministry rejected the accusation.")
	wantEvent(t, res, "DENIAL", 0, map[string][]string{"AGENT": {"org:russian-foreign-ministry"}})
}

func TestTriggerSensesSecondRound(t *testing.T) {
	for _, text := range []string{
		"Romania asked for drones that can intercept other drones.",
		"The regime, acting on orders from its patrons, sent no one.",
		"In a statement, the ministry called it a provocation.",
		"Every ally will have to show how it meets the capability targets.",
	} {
		res := issueExtract(t, "2025-06-25", text)
		for _, ev := range res.Events {
			if ev.Type == "INTERCEPTION" || ev.Type == "ORDER" || ev.Type == "STATEMENT" || ev.Type == "MEETING" {
				t.Errorf("%q: unexpected %s%s", text, ev.Type, fmtRoles(ev.Roles))
			}
		}
	}
}

func TestQuantityFormsSecondRound(t *testing.T) {
	res := issueExtract(t, "2025-06-25", "Spending rose 5 per cent. The fleet of twenty-four vessels waited almost an hour. The Netherlands will pay 19 billion euros. Russia launched 126 drones, and Ukraine shot down 79 of them. Two data cables were cut.")
	want := map[string]bool{"5 percent false": true, "24 vessels false": true, "1 hour true": true, "1.9e+10 EUR false": true,
		"126 drones false": true, "79 drones false": true, "2 cables false": true}
	got := map[string]bool{}
	for _, q := range res.Quantities {
		got[fmtQuantity(q.Quantity)] = true
	}
	for k := range want {
		if !got[k] {
			t.Errorf("quantity %s missing; got %v", k, got)
		}
	}
}

func fmtQuantity(q factgraph.Quantity) string {
	return strconv.FormatFloat(q.Value, 'g', -1, 64) + " " + q.Unit + " " + map[bool]string{true: "true", false: "false"}[q.Approx]
}

func TestAttributionSecondRound(t *testing.T) {
	res := issueExtract(t, "2025-03-12", `"The ball is in their court," Smith said. "If they say no, we will know."`)
	if len(res.Attributions) != 2 || res.Attributions[1].Source != "person:t-smith" {
		t.Errorf("continued quote: %+v", res.Attributions)
	}
	res = issueExtract(t, "2025-05-16", "MOSCOW, May 15. /TASS/. Russian Foreign Ministry spokeswoman Maria Zakharova said on Thursday that the attempt was piracy.")
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "person:maria-zakharova" {
		t.Errorf("dateline and a named speaker: %+v", res.Attributions)
	}
	res = issueExtract(t, "2025-06-25", "Moscow called the summit a step towards confrontation.")
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "country:RUS" {
		t.Errorf("called: %+v", res.Attributions)
	}
	res = issueExtract(t, "2025-03-12", "A senior Russian lawmaker, Konstantin Kosachev, said any deal would be on Russian terms.")
	if len(res.Attributions) != 1 || factgraph.NormalizeName(res.Attributions[0].Name) != "konstantin kosachev" {
		t.Errorf("apposition name: %+v", res.Attributions)
	}
}

func TestNamesInTheSourcesUsage(t *testing.T) {
	// "the ROK puppets" is South Korea in a North Korean statement, and not otherwise
	res := issueExtract(t, "2025-11-02", `Pyongyang, November 1 (KCNA) -- The ROK puppets staged war drills with the U.S. imperialists.`)
	if !hasMention(res, "country:KOR", "ROK puppets") || !hasMention(res, "country:USA", "U.S. imperialists") {
		t.Errorf("usage of the source: %+v", res.Mentions)
	}
	res = issueExtract(t, "2025-11-02", `The enemy shelled the town, the Ukrainian General Staff said.`)
	if !hasMention(res, "country:RUS", "enemy") {
		t.Errorf("Ukrainian usage: %+v", res.Mentions)
	}
	res = issueExtract(t, "2025-11-02", `The enemy shelled the town, the Russian Defence Ministry said.`)
	if hasMention(res, "country:RUS", "enemy") {
		t.Errorf("Russian source read in Ukrainian usage: %+v", res.Mentions)
	}
}

func hasMention(res *Result, id, textPart string) bool {
	for _, m := range res.Mentions {
		if m.Entity == id && factgraph.NormalizeName(m.Text) != "" && strings.Contains(factgraph.NormalizeName(m.Text), factgraph.NormalizeName(textPart)) {
			return true
		}
	}
	return false
}

func TestClassAnaphors(t *testing.T) {
	// "the jets" are the MiG-31s named before, and so Russia's
	res := issueExtract(t, "2025-09-20", "Three Russian MiG-31 fighter jets entered Estonian airspace on Friday. Later the jets crossed into Estonian airspace again.")
	wantEvent(t, res, "INCURSION", 1, map[string][]string{"AGENT": {"country:RUS"}, "INSTRUMENT": {"weapon:mig-31"}})
	// "the tanker" is the vessel named last
	res = issueExtract(t, "2025-05-15", "Estonia tracked the tanker Jaguar. Officials said they wanted to seize the tanker.")
	wantEvent(t, res, "DETENTION", 1, map[string][]string{"TARGET": {"vessel:jaguar"}})
}

func TestTriggerInflectionsAndSenses(t *testing.T) {
	res := issueExtract(t, "2025-09-14", "Ukrainian air defences destroyed 40 drones overnight.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:UKR"}, "TARGET": {"weapon:drone"}})
	res = issueExtract(t, "2025-09-14", "Estonia condemned Russia, denouncing the incursion, and said the jets were violating its airspace.")
	if len(eventsOf(res, "CONDEMNATION", 0)) != 1 {
		t.Errorf("condemnation: %v", summary(res))
	}
	for _, text := range []string{
		"Russia violated international law, Estonia said.",
		"I can announce that NATO is launching Baltic Sentry.",
	} {
		res := issueExtract(t, "2025-09-14", text)
		for _, ev := range res.Events {
			if ev.Type == "INCURSION" || ev.Type == "LAUNCH" {
				t.Errorf("%q: unexpected %s%s", text, ev.Type, fmtRoles(ev.Roles))
			}
		}
	}
}

func TestTheMinistrySaidIsTheMinistryNamedLast(t *testing.T) {
	res := issueExtract(t, "2025-09-20", "The Russian Defence Ministry sent two ships to the Baltic Sea. They stayed over neutral waters, the ministry said.")
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "org:russian-defence-ministry" {
		t.Errorf("the ministry: %+v", res.Attributions)
	}
}

func TestUnnamedAndRelativeSources(t *testing.T) {
	cases := []struct{ text, source, name string }{
		{"Turkish Transport Ministry official Selim Karaduman said Ankara could not block the ships.", "", "selim karaduman"},
		{"The plan would be ready by May, two officials familiar with the plans said.", "", "officials"},
		{"The drills angered Estonia, which said they were a provocation.", "country:EST", ""},
	}
	for _, c := range cases {
		res := issueExtract(t, "2025-09-14", c.text)
		if len(res.Attributions) != 1 {
			t.Errorf("%q: attributions %+v", c.text, res.Attributions)
			continue
		}
		a := res.Attributions[0]
		if c.source != "" && a.Source != c.source || c.name != "" && factgraph.NormalizeName(a.Name) != c.name {
			t.Errorf("%q: attributed to %s %q", c.text, a.Source, a.Name)
		}
	}
}

func TestWhoseAirspace(t *testing.T) {
	res := issueExtract(t, "2025-09-14", "Romania says a Russian drone flew ten kilometres into its airspace.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:ROU"}})
	res = issueExtract(t, "2025-09-14", "Margus Tsahkna said the Russian aircraft had violated his country's airspace near the island of Vaindloo.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"location:vaindloo", "country:EST"}})
}

func TestNamesWithARoleAndUnitNames(t *testing.T) {
	cases := []struct{ text, kind, name string }{
		{"Sergei Ryabkov, Russia's deputy foreign minister, spoke at length.", factgraph.KindPerson, "Sergei Ryabkov"},
		{"Hakon Sund, a spokesman for the navy, gave no details.", factgraph.KindPerson, "Hakon Sund"},
		{"The 47th Mechanized Brigade held the line.", factgraph.KindOrganization, "Mechanized Brigade"},
	}
	for _, c := range cases {
		res := issueExtract(t, "2025-09-14", c.text)
		found := false
		for _, e := range res.Entities {
			found = found || e.Kind == c.kind && strings.Contains(e.Name, c.name)
		}
		if !found {
			t.Errorf("%q: no %s %q in %+v", c.text, c.kind, c.name, res.Entities)
		}
	}
}

func TestTalksTopicsAreNoParties(t *testing.T) {
	res := issueExtract(t, "2025-03-12", "Smith met Jones. Smith said the two sides had discussed a deal on Ukraine's minerals and the return of children taken to Russia.")
	wantEvent(t, res, "TALKS", 1, map[string][]string{"AGENT": {"person:t-smith", "person:t-jones"}, "PARTICIPANT": nil})
}

func TestMoreTriggers(t *testing.T) {
	res := issueExtract(t, "2025-03-14", "President Vladimir Putin received Steve Witkoff in the Kremlin on Thursday.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:vladimir-putin"}, "PARTICIPANT": {"person:steve-witkoff"}})
	res = issueExtract(t, "2025-03-14", "Norway received Ukraine's request on Thursday.")
	if len(eventsOf(res, "MEETING", -1)) != 0 {
		t.Errorf("received a request: %v", summary(res))
	}
	res = issueExtract(t, "2025-09-22", "Danish police said several drones were detected over Copenhagen Airport.")
	if len(eventsOf(res, "INCURSION", 0)) != 1 {
		t.Errorf("detected over: %v", summary(res))
	}
}

func TestSeizureAndPossibilities(t *testing.T) {
	res := issueExtract(t, "2025-01-14", "Finland welcomed the seizure of the Eagle S by the Finnish Border Guard.")
	if len(eventsOf(res, "DETENTION", 0)) != 1 {
		t.Errorf("seizure: %v", summary(res))
	}
	res = issueExtract(t, "2025-01-14", "Captains face possible boarding, seizure and arrest, Rutte said.")
	if len(eventsOf(res, "DETENTION", -1)) != 0 {
		t.Errorf("possible seizure: %v", summary(res))
	}
}
