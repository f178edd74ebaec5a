package extract

import (
	"testing"
)

// Rules of the third round of issue 13 (2026-12-02, session 2), each on a made-up sentence
// of the kind it reads.

func TestTranscriptTitleIsTheSpeakersHead(t *testing.T) {
	// "the President" in a turn is the head of the speaker's own country, and "He" after
	// the turn's label is not the speaker
	text := "HOLT: Thank you. The President wants the fighting to stop.\n\nRUBIO: We are ready. The President will call Oslo. He met the Crown Prince Mohammed bin Salman on Monday."
	res := issueExtract(t, "2025-03-11", text)
	ids := entityIDs(res)
	if !ids["person:donald-trump"] {
		t.Errorf("want the US president from an American speaker's turn; entities %v", ids)
	}
	wantEvent(t, res, "MEETING", 4, map[string][]string{"AGENT": {"person:donald-trump"}})
}

func TestCompassWordKeepsThePreposition(t *testing.T) {
	// a compass adjective between the preposition and the place: still where it happened
	res := issueExtract(t, "2025-09-10", "Russia said its forces had struck arms depots in western Ukraine.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"LOCATION": {"country:UKR"}})
	res = issueExtract(t, "2025-09-10", "Norway reported a Russian attack on southern Ukraine overnight.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:UKR"}})
}

func TestControlVerbObjectIsTheDoer(t *testing.T) {
	// the one called on or urged does what the infinitive says, not the one who urges
	res := issueExtract(t, "2025-08-13", "Smith called on the United States to stop sending warships to the Baltic Sea.")
	wantEvent(t, res, "DEPLOYMENT", 0, map[string][]string{"AGENT": {"country:USA"}, "INSTRUMENT": {"weapon:warship"}})
	res = issueExtract(t, "2025-08-13", "Germany urged Russia to withdraw its troops and to negotiate with Ukraine.")
	wantEvent(t, res, "TALKS", 0, map[string][]string{"AGENT": {"country:RUS"}, "PARTICIPANT": {"country:UKR"}})
}

func TestMaritimeIncursionAndExpulsion(t *testing.T) {
	// "intruded into China's territorial waters" is an incursion; "flying over
	// international waters" is not; "expel" in any form is an interception
	res := issueExtract(t, "2025-08-13", "The Chinese navy drove away a US destroyer, which had intruded into China's territorial waters.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"LOCATION": {"country:CHN"}})
	res = issueExtract(t, "2025-08-13", "A Russian plane flying over international waters of the Baltic Sea was tracked.")
	if evs := eventsOf(res, "INCURSION", -1); len(evs) != 0 {
		t.Errorf("international waters: unexpected %v", summary(res))
	}
	res = issueExtract(t, "2025-08-13", "China said it would expel the Japanese vessel.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:CHN"}})
	// a relative clause's noun with a country word before it stands for that country
	res = issueExtract(t, "2025-08-13", "Norway expelled Russian vessels that had entered the waters near Svalbard.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}})
}

func TestPassiveDestroyedAndInterceptingPlatform(t *testing.T) {
	// "the drones which ... had been destroyed": an interception of the drones
	res := issueExtract(t, "2025-09-10", "Smith said that the drones which approached the base had been destroyed.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"TARGET": {"weapon:drone"}})
	// the fighter jets that shoot the drones down are the interception's instrument
	res = issueExtract(t, "2025-09-10", "Norwegian fighter jets shot down two drones over Norway.")
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"country:NOR"}, "INSTRUMENT": {"weapon:fighter-jet"}, "TARGET": {"weapon:drone"}})
}

func TestCountryPossessiveOrganisation(t *testing.T) {
	// "Estonia's Foreign Ministry" is the same organisation as "the Estonian Foreign
	// Ministry"; "Ukraine's Security Service" is the gazetteer's "Security Service of Ukraine"
	res := issueExtract(t, "2025-05-19", "Estonia's Foreign Ministry said a tanker had been detained. The Estonian Foreign Ministry later denied it. Ukraine's Security Service said its drones had struck two bases.")
	ids := entityIDs(res)
	if !ids["org:estonian-foreign-ministry"] || ids["org:foreign-ministry"] {
		t.Errorf("want one org:estonian-foreign-ministry; entities %v", ids)
	}
	wantEvent(t, res, "DENIAL", 1, map[string][]string{"AGENT": {"org:estonian-foreign-ministry"}})
	wantEvent(t, res, "STRIKE", 2, map[string][]string{"AGENT": {"org:sbu"}})
	if len(res.Attributions) < 1 || res.Attributions[0].Source != "org:estonian-foreign-ministry" {
		t.Errorf("attribution: %+v, want the Estonian Foreign Ministry", res.Attributions)
	}
}

func TestNewNamesThirdRound(t *testing.T) {
	res := issueExtract(t, "2025-08-13", "Liu Wenbo, spokesperson for the PLA Eastern Theater Command, said the command had organized forces to expel the tanker Orla. "+
		"Pavel Ostrov, the Russian charge d'affaires in Oslo, told reporters nothing. "+
		"Analysts at the Bergen School of Maritime Studies said a ship ran aground near Halvard Reef.")
	ids := entityIDs(res)
	for _, id := range []string{"person:liu-wenbo", "org:pla-eastern-theater-command", "person:pavel-ostrov",
		"org:bergen-school-of-maritime-studies", "location:halvard-reef", "vessel:orla"} {
		if !ids[id] {
			t.Errorf("want %s; entities %v", id, ids)
		}
	}
	if ids["org:eastern-theater-command"] {
		t.Errorf("the unit's name includes its acronym; entities %v", ids)
	}
	// "the command" is the organisation named last with that word in its name
	wantEvent(t, res, "INTERCEPTION", 0, map[string][]string{"AGENT": {"org:pla-eastern-theater-command"}, "TARGET": {"vessel:orla"}})
	if len(res.Attributions) < 2 || res.Attributions[0].Source != "person:liu-wenbo" || res.Attributions[1].Source != "person:pavel-ostrov" {
		t.Errorf("attributions %+v", res.Attributions)
	}
}

func TestDefiniteReMentionKeepsTheDoers(t *testing.T) {
	// "during the talks" after talks between two countries: those countries' talks, not
	// the talks of the sentence's subject
	res := issueExtract(t, "2025-06-03", "Norway and Sweden held talks in Oslo on Monday. Smith told reporters a draft had been handed over during the talks.")
	wantEvent(t, res, "TALKS", 1, map[string][]string{"AGENT": {"country:NOR", "country:SWE"}})
	// with no doers named before, the subject is still the one who talked
	res = issueExtract(t, "2025-06-03", "Smith said after the talks that a draft had been handed over.")
	wantEvent(t, res, "TALKS", 0, map[string][]string{"AGENT": {"person:t-smith"}})
}

func TestPossessorOfAGroupInARelativeClause(t *testing.T) {
	// "the bloc's foreign ministers, who met": the bloc met
	res := issueExtract(t, "2025-05-20", "The European Union agreed a package. The tanker was listed by the bloc's foreign ministers, who met in Brussels.")
	wantEvent(t, res, "MEETING", 1, map[string][]string{"AGENT": {"org:european-union"}})
	// not a thing the organisation owns: "the alliance's treaty, which allows talks"
	res = issueExtract(t, "2025-05-20", "NATO met. Estonia cited the alliance's founding treaty, which allows any member to ask for talks.")
	if evs := eventsOf(res, "TALKS", 1); len(evs) == 1 && len(roleOf(evs[0], "AGENT")) > 0 {
		t.Errorf("the treaty's owner is no party to the talks: %v", summary(res))
	}
}

func TestWhoClauseBoundaries(t *testing.T) {
	// a "who" clause is a clause of its own: its verb's doer is the person it describes,
	// and the main verb after it keeps the main subject
	res := issueExtract(t, "2025-05-20", "Smith, who visited Oslo on Monday, met Jones in Bergen.")
	wantEvent(t, res, "VISIT", 0, map[string][]string{"AGENT": {"person:t-smith"}})
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:t-smith"}, "PARTICIPANT": {"person:t-jones"}})
}

func TestUpperBoundsAreApproximate(t *testing.T) {
	res := issueExtract(t, "2025-09-10", "The drones flew at most 40 kilometres. Their range did not exceed 700 kilometres. A maximum of 12 ships took part.")
	got := map[string]bool{}
	for _, q := range res.Quantities {
		got[fmtQuantity(q.Quantity)] = true
	}
	for _, want := range []string{"40 km true", "700 km true", "12 ships true"} {
		if !got[want] {
			t.Errorf("want %s; got %v", want, got)
		}
	}
}

func TestSupplyReceiversAndPausedAid(t *testing.T) {
	// the one right after a supply verb receives; "helping X obtain" is a supply to X;
	// "security assistance to" is a supply
	res := issueExtract(t, "2025-05-20", "Firms that supply Russia's military were listed. Two banks were accused of helping Iran obtain drone parts. Norway will resume security assistance to Ukraine.")
	wantEvent(t, res, "SUPPLY", 0, map[string][]string{"BENEFICIARY": {"country:RUS"}})
	wantEvent(t, res, "SUPPLY", 1, map[string][]string{"BENEFICIARY": {"country:IRN"}})
	wantEvent(t, res, "SUPPLY", 2, map[string][]string{"AGENT": {"country:NOR"}, "BENEFICIARY": {"country:UKR"}})
	// aid that a pause is placed on is no supply
	res = issueExtract(t, "2025-05-20", "Norway lifted the pause it had placed on military aid to Ukraine.")
	if evs := eventsOf(res, "SUPPLY", -1); len(evs) != 0 {
		t.Errorf("paused aid: unexpected %v", summary(res))
	}
}

func TestSanctionSensesOfTargetAndMeasures(t *testing.T) {
	// what a sanctions package targets is listed, by the one who adopted it; "measures
	// against" are sanctions
	res := issueExtract(t, "2025-05-20", "The European Union sanctioned 189 tankers on Tuesday. The package also targets companies in China.")
	wantEvent(t, res, "SANCTION", 1, map[string][]string{"AGENT": {"org:european-union"}})
	if evs := eventsOf(res, "STRIKE", -1); len(evs) != 0 {
		t.Errorf("a package strikes nothing: %v", summary(res))
	}
	res = issueExtract(t, "2025-05-20", "Norway announced new measures against Russian banks.")
	wantEvent(t, res, "SANCTION", 0, map[string][]string{"AGENT": {"country:NOR"}})
}

func TestTheEndOfAnEventIsNoPause(t *testing.T) {
	// what a pause or halt is on does not happen; what ends did happen
	res := issueExtract(t, "2025-06-25", "Reporters waited for the end of the NATO summit. Norway called for a halt to arms deliveries to Russia.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"org:nato"}})
	if evs := eventsOf(res, "SUPPLY", 1); len(evs) != 0 {
		t.Errorf("halted deliveries: unexpected %v", summary(res))
	}
}

func TestAttributionBySubjectPastClauses(t *testing.T) {
	// the main clause's subject past a relative clause and an adverb characterises
	res := issueExtract(t, "2025-06-03", "Smith, who did not travel to Oslo, later called the draft an ultimatum.")
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "person:t-smith" {
		t.Errorf("attributions %+v, want Smith", res.Attributions)
	}
	// a pronoun subject of a later, coordinated reporting verb; not a negated one
	res = issueExtract(t, "2025-06-03", "Jones spoke first. He called on Sweden to stop the drills and said Oslo was not a party. He did not say whether talks would follow.")
	var got []string
	for _, a := range res.Attributions {
		got = append(got, a.Source)
	}
	if len(got) != 1 || got[0] != "person:t-jones" || res.Attributions[0].Sentence != 1 {
		t.Errorf("attributions %+v, want Jones for the second sentence only", res.Attributions)
	}
}

func TestStaffOfAnInstitutionSpeakForIt(t *testing.T) {
	res := issueExtract(t, "2025-05-20", "Analysts at the Bergen Institute estimate that the fleet carries a third of exports.")
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "org:bergen-institute" {
		t.Errorf("attributions %+v, want the Bergen Institute", res.Attributions)
	}
}

func TestBasesRegionsAndAircraftClasses(t *testing.T) {
	res := issueExtract(t, "2025-06-02", "Drones hit aircraft at the Varna base and in the Tver and Kaluga regions. A tanker aircraft and AWACS planes flew over the Baltic Sea.")
	ids := entityIDs(res)
	for _, id := range []string{"facility:varna-base", "location:tver-region", "location:kaluga-region", "weapon:tanker-aircraft", "weapon:early-warning-aircraft"} {
		if !ids[id] {
			t.Errorf("want %s; entities %v", id, ids)
		}
	}
	if ids["vessel:aircraft"] {
		t.Errorf("a tanker aircraft is no vessel: %v", ids)
	}
}

func TestDaysAfterAnEventDateTheEvent(t *testing.T) {
	// "N days after <event>" dates that event, N days before the day of the sentence's own
	// (the day named last, else publication); "two days later" still counts forward
	res := issueExtract(t, "2025-09-20", "The incident came nine days after Norwegian jets shot down Russian drones.")
	if len(res.Dates) != 1 || res.Dates[0].Time.Value != "2025-09-11" {
		t.Errorf("dates %+v, want 2025-09-11", res.Dates)
	}
	res = issueExtract(t, "2025-09-20", "The talks began on September 2. Two days later they ended.")
	if len(res.Dates) != 2 || res.Dates[1].Time.Value != "2025-09-04" {
		t.Errorf("dates %+v, want 2025-09-04 second", res.Dates)
	}
}

func TestReMentionKeepsItsAgentOverOtherRoles(t *testing.T) {
	// "the incursion" is the one named before, with Russia its agent, though the clause
	// names Russia after it in another role
	res := issueExtract(t, "2025-09-20", "Three Russian jets violated Norwegian airspace on Friday. Holt called the incursion brazen and said Norway had summoned Russia's envoy.")
	wantEvent(t, res, "INCURSION", 1, map[string][]string{"AGENT": {"country:RUS"}})
}

func TestTranscriptWeIsTheSpeakersSide(t *testing.T) {
	// a speaker's "we discussed" is their country's talks, not those of the people named
	// in the sentence before
	text := "Q: Will Smith meet Jones?\n\nRUBIO: Smith will meet Jones next week. We also discussed security guarantees with our Ukrainian partners."
	res := issueExtract(t, "2025-03-11", text)
	wantEvent(t, res, "TALKS", 2, map[string][]string{"AGENT": {"country:USA"}, "PARTICIPANT": {"country:UKR"}})
}

func TestUnnamedVesselNamedLater(t *testing.T) {
	// "detained an oil tanker" takes the vessel the next sentences name as its target
	res := issueExtract(t, "2025-12-27", "Norwegian police have detained an oil tanker off Bergen. The Panama-flagged tanker Orla was escorted to port.")
	wantEvent(t, res, "DETENTION", 0, map[string][]string{"AGENT": {"country:NOR"}, "TARGET": {"vessel:orla"}})
	// not a vessel named much later
	res = issueExtract(t, "2025-12-27", "Norwegian police have detained an oil tanker. Talks went on. Smith left. Jones stayed. The tanker Orla sailed.")
	wantEvent(t, res, "DETENTION", 0, map[string][]string{"TARGET": nil})
}

func TestInsideAndWithinAreLocations(t *testing.T) {
	res := issueExtract(t, "2025-06-02", "Ukraine said its drones had struck four air bases deep inside Russia.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"LOCATION": {"country:RUS"}})
}

func TestStrikeOwnersTargetsAndOtherAttacks(t *testing.T) {
	// "its drones" are the owner's; the drones' strike has the bombers as its targets and
	// the base as its location; "the attacks on other bases" keep only the doer
	res := issueExtract(t, "2025-06-02", "The Norwegian Intelligence Service said its drones had struck two air bases. "+
		"The service said 40 drones had hit 12 aircraft, including Tu-95 bombers, at the Varna base. "+
		"Russia said the attacks on other bases had been repelled.")
	wantEvent(t, res, "STRIKE", 1, map[string][]string{"AGENT": {"org:norwegian-intelligence-service"},
		"INSTRUMENT": {"weapon:drone"}, "TARGET": {"weapon:tu-95"}, "LOCATION": {"facility:varna-base"}})
	wantEvent(t, res, "STRIKE", 2, map[string][]string{"AGENT": {"org:norwegian-intelligence-service"}, "TARGET": nil, "LOCATION": nil})
}

func TestQuestionsAskAboutEvents(t *testing.T) {
	// the main verb of a question is asked about; a relative clause in it states a fact
	res := issueExtract(t, "2025-03-11", "Q: Mr Smith, when will you talk to Moscow?")
	if evs := eventsOf(res, "TALKS", -1); len(evs) != 0 {
		t.Errorf("a question: unexpected %v", summary(res))
	}
	res = issueExtract(t, "2025-03-11", "Q: Is there a reply to the plan that Smith presented on Tuesday?")
	wantEvent(t, res, "ANNOUNCEMENT", 0, map[string][]string{"AGENT": {"person:t-smith"}})
}

func TestObserverIsNoDoer(t *testing.T) {
	// who records violations did not commit them; "the country's airspace" is the country
	// named last
	res := issueExtract(t, "2025-09-10", "Norwegian forces had recorded 19 violations of the country's airspace by Russian drones.")
	for _, ev := range eventsOf(res, "INCURSION", 0) {
		if hasRole(ev.Roles, "AGENT", "country:NOR") {
			t.Errorf("the observer is the doer: %v", summary(res))
		}
	}
	res = issueExtract(t, "2025-09-10", "Norway said Russian jets had violated the country's airspace.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:NOR"}})
}

func TestTriggerInflectionsAndStrikeIdioms(t *testing.T) {
	for _, c := range []struct{ text, typ string }{
		{"Norway expands its drone production.", "EXPANSION"},
		{"Sweden will deliver two frigates to Ukraine.", "SUPPLY"},
		{"Finnish jets brings down a drone.", "INTERCEPTION"},
		{"Smith discusses trade with Jones.", "TALKS"},
		{"Russian jets violates Norwegian airspace.", "INCURSION"},
		{"Norwegian police impound the tanker Orla.", "DETENTION"},
	} {
		res := issueExtract(t, "2025-06-02", c.text)
		if len(eventsOf(res, c.typ, 0)) != 1 {
			t.Errorf("%q: want a %s, got %v", c.text, c.typ, summary(res))
		}
	}
	for _, text := range []string{
		"The two missiles flew for an hour before precisely hitting their targets, Norway said.",
		"Norway and Sweden struck a deal on fishing.",
	} {
		res := issueExtract(t, "2025-06-02", text)
		if evs := eventsOf(res, "STRIKE", -1); len(evs) != 0 {
			t.Errorf("%q: unexpected %v", text, summary(res))
		}
	}
}

func TestFacilityLocationsAndParticipantsAfterTo(t *testing.T) {
	// a facility after "at", "over" is where, for events it is no target of
	res := issueExtract(t, "2025-06-02", "Smith met Jones at the Dolmabahce Palace. Drones were seen over Aalborg Airport.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"LOCATION": {"facility:dolmabahce-palace"}})
	wantEvent(t, res, "INCURSION", 1, map[string][]string{"LOCATION": {"facility:aalborg-airport"}})
	// "expected to meet X": the "to" before the trigger does not make X a topic
	res = issueExtract(t, "2025-06-02", "Smith is expected to meet President Anna Alder in Oslo.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:t-smith"}, "PARTICIPANT": {"person:t-alder"}})
}

func TestIncursionIntoOwnCountryAndPhraseAntecedents(t *testing.T) {
	// the intruder is not where it intruded; a noun inside a phrase before "that" is not
	// the relative clause's subject
	res := issueExtract(t, "2025-05-19", "A Russian fighter jet briefly entered Estonian airspace.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"country:EST"}})
	res = issueExtract(t, "2025-05-19", "The tanker followed a route agreed with Moscow that briefly crosses Russian territorial waters.")
	for _, ev := range eventsOf(res, "INCURSION", 0) {
		if hasRole(ev.Roles, "AGENT", "country:RUS") {
			t.Errorf("the route is Moscow's incursion: %v", summary(res))
		}
	}
}

func TestCountryForcesOrganisation(t *testing.T) {
	// "the Polish military's Operational Command" is the gazetteer's "Polish Operational Command", and
	// "the command" later is it
	res := issueExtract(t, "2025-12-26", "Polish jets intercepted a Russian plane, the Polish military's Operational Command said. The plane did not enter Polish airspace, according to the command.")
	if len(res.Attributions) != 2 || res.Attributions[0].Source != "org:polish-armed-forces-operational-command" || res.Attributions[1].Source != "org:polish-armed-forces-operational-command" {
		t.Errorf("attributions %+v, want the gazetteer's Polish Operational Command twice", res.Attributions)
	}
}

func TestProtectiveMeasuresAreNoSanction(t *testing.T) {
	res := issueExtract(t, "2025-09-26", "Denmark announced new security measures against drones at its airports. Norway announced measures against the drone threat.")
	if evs := eventsOf(res, "SANCTION", -1); len(evs) != 0 {
		t.Errorf("protective measures: unexpected %v", summary(res))
	}
}

func TestReportedActIsNotTheReporters(t *testing.T) {
	res := issueExtract(t, "2025-09-26", "Ukraine reported new attacks on Kharkiv overnight.")
	for _, ev := range eventsOf(res, "STRIKE", 0) {
		if hasRole(ev.Roles, "AGENT", "country:UKR") {
			t.Errorf("the reporter struck: %v", summary(res))
		}
	}
}

func TestCountryBeforeAPersonAcrossAVerbIsNoModifier(t *testing.T) {
	// "travel to Moscow and brief Putin": Moscow is where, not a title of Putin's
	res := issueExtract(t, "2025-03-11", "Smith was expected to travel to Moscow and brief Putin on the talks.")
	wantEvent(t, res, "VISIT", 0, map[string][]string{"AGENT": {"person:t-smith"}, "LOCATION": {"country:RUS"}})
	// "Russian President Vladimir Putin": Russia modifies the person, no doer of its own
	res = issueExtract(t, "2025-03-11", "Russian President Vladimir Putin met Smith in Oslo.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:vladimir-putin"}})
}

func TestTheMinistryIsAMinistry(t *testing.T) {
	// "the ministry said" is not whatever organisation was cited last
	res := issueExtract(t, "2025-06-02", "The Norwegian Harbour Pilots Association said two tankers had left. The ministry said it was checking.")
	for _, a := range res.Attributions {
		if a.Sentence == 1 && a.Source != "" {
			t.Errorf("the ministry is the association: %+v", a)
		}
	}
}

func TestSouthChinaSeaNamesInChineseUsage(t *testing.T) {
	// "Huangyan Dao" in a Chinese source's words is Scarborough Shoal; not in a reporter's
	res := issueExtract(t, "2025-08-13", "BEIJING, Aug. 13 (Xinhua) -- The Chinese navy expelled a Philippine vessel from the waters near Huangyan Dao on Wednesday.")
	if !entityIDs(res)["location:scarborough-shoal"] {
		t.Errorf("want Scarborough Shoal from Xinhua's usage; entities %v", entityIDs(res))
	}
	res = issueExtract(t, "2025-08-13", "Manila says its vessels patrol Scarborough Shoal.")
	if !entityIDs(res)["location:scarborough-shoal"] {
		t.Errorf("want Scarborough Shoal by name; entities %v", entityIDs(res))
	}
}

func TestReMentionBySameNoun(t *testing.T) {
	// "the next summit" is the summit's series, not the meeting named last
	res := issueExtract(t, "2025-06-25", "Journalists waited for the end of the NATO summit in The Hague. Smith met Jones on the sidelines. The next summit will be held in Turkey.")
	wantEvent(t, res, "MEETING", 2, map[string][]string{"AGENT": {"org:nato"}})
}

func TestRolesStayInTheirClause(t *testing.T) {
	// the jets scrambled before "after" are no instrument of the incursion after it
	res := issueExtract(t, "2025-09-14", "Romanian F-16 jets were scrambled after a Russian drone violated Romania's airspace.")
	wantEvent(t, res, "INCURSION", 0, map[string][]string{"AGENT": {"country:RUS"}, "INSTRUMENT": {"weapon:drone"}})
}

func TestShipsItInATransit(t *testing.T) {
	// "as it sailed through": the ship named last (a warship: its country), not the navy
	// that shadows it
	res := issueExtract(t, "2025-05-20", "The German navy shadowed a Russian frigate as it sailed through the Fehmarn Belt.")
	wantEvent(t, res, "TRANSIT", 0, map[string][]string{"AGENT": {"country:RUS"}, "LOCATION": {"location:fehmarn-belt"}})
	res = issueExtract(t, "2025-05-20", "Danish officers tracked the tanker Orla as it sailed through the Baltic Sea.")
	wantEvent(t, res, "TRANSIT", 0, map[string][]string{"AGENT": {"vessel:orla"}})
}

func TestTargetsStopAtACoordinatedReportingVerb(t *testing.T) {
	// what follows "and said" is another clause: no target of the condemnation
	res := issueExtract(t, "2025-05-30", "Sweden condemned the move and said it would protect Norwegian firms.")
	wantEvent(t, res, "CONDEMNATION", 0, map[string][]string{"AGENT": {"country:SWE"}, "TARGET": nil})
}
