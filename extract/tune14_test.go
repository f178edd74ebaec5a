package extract

import (
	"slices"
	"testing"
)

// The thirteenth session: mechanisms from the causes of the thirteenth set's misses (opened
// for tuning in this session). Made-up sentences only, none of the sets'.

func TestLaunchesAndFireAimedAtThings(t *testing.T) {
	// a launch aimed at a place, a site or a ship is a strike, at a country a launch; fire
	// aimed at an unnamed facility is a strike; what is fired is no target
	res := issueExtract(t, "2025-03-01", "Russia launched a cruise missile against the Ukrainian city of Poltava. Russia launched 40 drones at Ukraine. Ukraine fired rockets at a military facility in the Kursk region. A frigate fired ten Kalibr missiles at targets in Odesa.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:RUS"}})
	wantEvent(t, res, "LAUNCH", 1, map[string][]string{"AGENT": {"country:RUS"}})
	wantEvent(t, res, "STRIKE", 2, map[string][]string{"AGENT": {"country:UKR"}})
	evs := eventsOf(res, "STRIKE", 3)
	if len(evs) != 1 || len(roleOf(evs[0], "TARGET")) != 0 || !slices.Contains(roleOf(evs[0], "INSTRUMENT"), "weapon:kalibr") {
		t.Errorf("sentence 3: want one strike with the Kalibr as instrument and no target, got %v", summary(res))
	}
}

func TestBombsDroppedAndRaidsCarriedOut(t *testing.T) {
	// bombs dropped on something are a strike (leaflets, demands are not); the sites struck
	// "at" a facility are it; "carried out some of the heaviest raids" is the subject's act
	res := issueExtract(t, "2025-03-01", "Two B-52 bombers dropped 20 bombs on the sites at Fordow. Planes dropped leaflets over the town. The union dropped its demand on Friday. Israeli warplanes carried out some of the heaviest raids on Sidon.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"TARGET": {"facility:fordow"}})
	if evs := eventsOf(res, "STRIKE", 0); len(evs) == 1 && !slices.Contains(roleOf(evs[0], "INSTRUMENT"), "weapon:b-52") {
		t.Errorf("the bombers strike: %v", evs[0].Roles)
	}
	for si := 1; si <= 2; si++ {
		if evs := eventsOf(res, "STRIKE", si); len(evs) != 0 {
			t.Errorf("sentence %d: no strike, got %v", si, summary(res))
		}
	}
	wantEvent(t, res, "STRIKE", 3, map[string][]string{"AGENT": {"country:ISR"}})
}

func TestPossessorPastTheWeapon(t *testing.T) {
	// "Ukraine's ATACMS strikes" are Ukraine's, not those of the one named first
	res := issueExtract(t, "2025-03-01", "Was this Russia's reply to Ukraine's ATACMS strikes last week?")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:UKR"}})
}

func TestSubmarinePrefix(t *testing.T) {
	// "the submarine USS X" is the prefix pattern's vessel ("the submarine" later is left
	// alone: as a class anaphor it took any ship named before, the review found)
	res := issueExtract(t, "2025-03-01", "The submarine USS Georgia arrived in Bahrain. HMS Somerset shadowed a Russian submarine. The submarine later surfaced.")
	ids := entityIDs(res)
	if !ids["vessel:uss-georgia"] || ids["vessel:uss"] {
		t.Errorf("want the USS Georgia, got %v", ids)
	}
	for _, m := range res.Mentions {
		if m.Sentence == 2 && m.Entity == "vessel:hms-somerset" {
			t.Errorf("the submarine is not the frigate: %v", res.Mentions)
		}
	}
}

func TestHouthiChannelUsage(t *testing.T) {
	// in an Al Masirah report the armed forces are the Houthis, "the enemy" is Israel, its
	// army the IDF, Umm al-Rashrash is Eilat; a Houthi spokesman it quotes speaks in its
	// words; aggression on a port is a strike
	res := issueExtract(t, "2025-03-01", "SANAA, March 1 (Al Masirah) - The Yemeni Armed Forces said they had fired missiles at Umm al-Rashrash after the enemy's aggression on the port of Ras Isa.\n\nThe spokesman Yahya Saree said the armed forces had struck the target.\n\nThe enemy army said it had intercepted one missile.\n\nOn Friday, the enemy's warplanes carried out raids on Hodeidah.")
	ids := entityIDs(res)
	for _, id := range []string{"org:houthis", "location:eilat", "org:israel-defense-forces", "country:ISR"} {
		if !ids[id] {
			t.Errorf("want %s, got %v", id, ids)
		}
	}
	var saree bool
	for _, m := range res.Mentions {
		saree = saree || m.Sentence == 1 && m.Entity == "org:houthis"
	}
	if !saree {
		t.Errorf("Saree's armed forces are the Houthis: %v", res.Mentions)
	}
	wantEvent(t, res, "INTERCEPTION", 2, map[string][]string{"AGENT": {"org:israel-defense-forces"}})
	wantEvent(t, res, "STRIKE", 3, map[string][]string{"AGENT": {"country:ISR"}})
	var aggression bool
	for _, ev := range eventsOf(res, "STRIKE", 0) {
		aggression = aggression || slices.Contains(roleOf(ev, "AGENT"), "country:ISR")
	}
	if !aggression {
		t.Errorf("the enemy's aggression on the port is Israel's strike: %v", summary(res))
	}
	// outside the channel's report the words are no one's in particular
	other := issueExtract(t, "2025-03-01", "The armed forces said the enemy had retreated.")
	if ids := entityIDs(other); ids["org:houthis"] || ids["country:ISR"] {
		t.Errorf("no channel, no usage: %v", ids)
	}
}

func TestBlameWelcomeAndMinistries(t *testing.T) {
	// "blamed X for the attacks" and "welcomed ... what it called" are claims of their
	// subject ("welcomed the decision" states nothing); a state's ministry the gazetteer
	// lacks is a body of its own, after a possessive or after "the <state>", named as written
	res := issueExtract(t, "2025-03-01", "Army spokesman Omar Haddad blamed the rebels for the attacks. The Chilean health ministry said 12 people were hurt. Peru's energy ministry welcomed the end of what it called a blockade. Germany welcomed the decision.")
	if got := sourcesOf(res, 0); !slices.Contains(got, "person:omar-haddad") {
		t.Errorf("sentence 0: want the spokesman, got %v", got)
	}
	if got := sourcesOf(res, 1); !slices.Contains(got, "org:chilean-health-ministry") {
		t.Errorf("sentence 1: want Chile's health ministry, got %v", got)
	}
	if got := sourcesOf(res, 2); !slices.Contains(got, "org:peruvian-energy-ministry") {
		t.Errorf("sentence 2: want Peru's energy ministry, got %v", got)
	}
	if got := sourcesOf(res, 3); len(got) != 0 {
		t.Errorf("sentence 3: a welcome with a bare object claims nothing, got %v", got)
	}
	ids := entityIDs(res)
	if ids["country:CHL"] && !ids["org:chilean-health-ministry"] {
		t.Errorf("want the ministry, got %v", ids)
	}
}

func TestNoDoerInsideARelativeClause(t *testing.T) {
	// "the missile, which he called X, hit": the pronoun in the relative clause is not the
	// doer of the strike
	res := issueExtract(t, "2025-03-01", "Russian forces struck Kharkiv on Monday. President Putin said the missile, which he called the Oreshnik, hit a plant in Dnipro.")
	if evs := eventsOf(res, "STRIKE", 1); len(evs) != 1 || slices.Contains(roleOf(evs[0], "AGENT"), "person:vladimir-putin") {
		t.Errorf("want one strike that is not Putin's, got %v", summary(res))
	}
}

func TestTitleAfterAStatesPossessive(t *testing.T) {
	// "Iran's foreign minister" is the one who held the title on the article's day, and
	// speaks; "He" after it is him
	res := issueExtract(t, "2025-06-22", "Iran's foreign minister says his country will respond. He said he would travel to Moscow.")
	if got := sourcesOf(res, 0); !slices.Contains(got, "person:abbas-araghchi") {
		t.Errorf("sentence 0: want Araghchi, got %v", got)
	}
	wantEvent(t, res, "VISIT", 1, map[string][]string{"AGENT": {"person:abbas-araghchi"}})
}

func TestDestroyedShipsAndSites(t *testing.T) {
	// a boat, a depot or a bridge destroyed is struck; drones destroyed are intercepted;
	// documents destroyed are nothing, nor boats destroyed by those who repelled a landing
	res := issueExtract(t, "2025-03-01", "Estonian forces destroyed a boat near Narva. Officials destroyed the documents. Air defences destroyed 12 drones. The army said it repelled a landing and destroyed four boats.")
	wantEvent(t, res, "STRIKE", 0, map[string][]string{"AGENT": {"country:EST"}})
	if evs := eventsOf(res, "STRIKE", 1); len(evs) != 0 {
		t.Errorf("sentence 1: no strike, got %v", summary(res))
	}
	wantEvent(t, res, "INTERCEPTION", 2, nil)
	if evs := eventsOf(res, "STRIKE", 3); len(evs) != 0 {
		t.Errorf("sentence 3: the repulsion's boats, got %v", summary(res))
	}
}

func TestForcesSentAreTheTellersSide(t *testing.T) {
	// forces sent with no doer are the side's that announces them
	res := issueExtract(t, "2025-03-01", "Lithuania announced that more troops and air defence systems would be sent to the border.")
	wantEvent(t, res, "DEPLOYMENT", 0, map[string][]string{"AGENT": {"country:LTU"}})
}

func TestAmbushMassingAndTroopsSentInto(t *testing.T) {
	// an ambush is a strike, troops massed a deployment, troops sent into a land an
	// incursion, "admitted that" a confirmation, fire exchanged with someone a strike
	res := issueExtract(t, "2025-03-01", "Gunmen ambushed a patrol near Kumanovo. Belarus has massed troops near the border. Turkey sent troops into northern Iraq on Monday. Russia admitted that its drone had crossed into Latvia. Hezbollah exchanged fire with Israeli troops.")
	wantEvent(t, res, "STRIKE", 0, nil)
	wantEvent(t, res, "DEPLOYMENT", 1, map[string][]string{"AGENT": {"country:BLR"}})
	wantEvent(t, res, "INCURSION", 2, map[string][]string{"AGENT": {"country:TUR"}})
	if evs := eventsOf(res, "DEPLOYMENT", 2); len(evs) != 0 {
		t.Errorf("sentence 2: an incursion, not a deployment: %v", summary(res))
	}
	wantEvent(t, res, "CONFIRMATION", 3, map[string][]string{"AGENT": {"country:RUS"}})
	wantEvent(t, res, "STRIKE", 4, map[string][]string{"AGENT": {"org:hezbollah"}})
}

func TestCountsOfMenOthersAndLastYearsDays(t *testing.T) {
	// "30 masked gunmen", "the three dead Serbs", "87 others" after "three citizens", "one
	// settler"; "October 8 last year" is one date of the year before, and "a day after"
	// counts from it
	res := issueExtract(t, "2024-11-27", "About 30 masked gunmen attacked the village. The strike killed three citizens and wounded 87 others. A drone killed one settler. The fighting began on October 8 last year, a day after the raid.")
	want := map[string]float64{"gunmen": 30, "citizens": 87, "settler": 1}
	for unit, v := range want {
		found := false
		for _, q := range res.Quantities {
			found = found || q.Quantity.Unit == unit && q.Quantity.Value == v
		}
		if !found {
			t.Errorf("want %v %s, got %+v", v, unit, res.Quantities)
		}
	}
	var days []string
	for _, dm := range res.Dates {
		days = append(days, dm.Time.Value)
	}
	if !slices.Contains(days, "2023-10-08") || !slices.Contains(days, "2023-10-07") || slices.Contains(days, "2023") || slices.Contains(days, "2024-10-08") {
		t.Errorf("want 2023-10-08 and 2023-10-07 only, got %v", days)
	}
}

func TestBoastedIsAClaim(t *testing.T) {
	res := issueExtract(t, "2025-03-01", "Israel's defence minister, Yoav Gallant, boasted that the fire could be seen across the region.")
	if got := sourcesOf(res, 0); !slices.Contains(got, "person:yoav-gallant") {
		t.Errorf("want Gallant, got %v", got)
	}
}

func TestThisMorningAndTonight(t *testing.T) {
	// "early this morning", "tonight", "earlier today" are the day of publication
	res := issueExtract(t, "2025-06-22", "Iran fired missiles early this morning. The cabinet meets tonight. Officials met earlier today.")
	var texts []string
	for _, dm := range res.Dates {
		if dm.Time.Value == "2025-06-22" {
			texts = append(texts, dm.Text)
		}
	}
	if !slices.Equal(texts, []string{"early this morning", "tonight", "earlier today"}) {
		t.Errorf("got %v", texts)
	}
}

func TestReviewedThirteenthSessionRules(t *testing.T) {
	// the review's sentences: rules of this session that fired too widely
	for _, c := range []struct{ text, typ string }{
		{"Russia launched an appeal at the port of Odesa for donations.", "STRIKE"},
		{"Iran launched a satellite toward orbit from the Semnan site.", "STRIKE"},
		{"Germany dropped its munitions order on Monday.", "STRIKE"},
		{"Washington dropped plans for bombs on Friday.", "STRIKE"},
		{"Russian forces destroyed the evidence at the site in Bucha.", "STRIKE"},
		{"Poland destroyed the ship's cargo of cigarettes.", "STRIKE"},
		{"Serbia sent troops into battle.", "INCURSION"},
		{"Protesters massed outside the Russian embassy in Warsaw.", "DEPLOYMENT"},
	} {
		res := issueExtract(t, "2025-06-01", c.text)
		if evs := eventsOf(res, c.typ, 0); len(evs) != 0 {
			t.Errorf("%q: no %s, got %v", c.text, c.typ, summary(res))
		}
	}
	// the watching side reports a deployment it does not make
	res := issueExtract(t, "2025-06-01", "Taiwan's defence ministry said that 20 warships had been deployed around the island.")
	if evs := eventsOf(res, "DEPLOYMENT", 0); len(evs) == 1 && len(roleOf(evs[0], "AGENT")) != 0 {
		t.Errorf("no doer from the watcher: %v", summary(res))
	}
	// the passive of "blamed" claims nothing
	res = issueExtract(t, "2025-06-01", "Ukraine was blamed for the attack on Kursk.")
	if got := sourcesOf(res, 0); len(got) != 0 {
		t.Errorf("a passive blame is nobody's claim, got %v", got)
	}
	// a title after a state's possessive needs a dated term: "Russia's president" of 2010
	res = issueExtract(t, "2010-06-01", "Russia's president said the talks would go on.")
	if got := sourcesOf(res, 0); slices.Contains(got, "person:vladimir-putin") {
		t.Errorf("2010: not Putin, got %v", got)
	}
	// a Yemeni opponent of the Houthis quoted by their channel does not speak in its words
	res = issueExtract(t, "2025-06-01", "SANAA, June 1 (Al Masirah) - Rashad al-Alimi said the armed forces had retaken the town.")
	if ids := entityIDs(res); ids["org:houthis"] {
		t.Errorf("al-Alimi's armed forces are not the Houthis: %v", ids)
	}
}
