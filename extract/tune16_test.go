package extract

import (
	"slices"
	"testing"
)

// The fifteenth session: mechanisms from the causes of the fifteenth set's misses (opened
// for tuning in this session). Made-up sentences only, none of the sets'.

func TestRankWithClassIsNoName(t *testing.T) {
	// "Petty Officer 2nd Class Ann Holt": the rank is no organisation, the name a person's
	res := issueExtract(t, "2025-03-01", "Gunner's Mate 1st Class Peter Vance and Hospital Corpsman 3rd Class Oleg Marsh were hurt. Vance was flown to Bahrain.")
	var got []string
	for _, m := range res.Mentions {
		got = append(got, m.Entity)
	}
	for _, want := range []string{"person:peter-vance", "person:oleg-marsh"} {
		if !slices.Contains(got, want) {
			t.Errorf("want %s, got %v", want, got)
		}
	}
	for _, id := range got {
		if id[:4] == "org:" {
			t.Errorf("a rank is no organisation: %v", got)
		}
	}
}

func TestSingularStrikeAfterPluralBackground(t *testing.T) {
	// "the strike" after "the American strikes on its sites" (the background) is the
	// article's own strike, told first
	res := issueExtract(t, "2025-03-01", "Israel carried out an air strike on Hamas leaders in Beirut. Iran fired missiles at the base in reply to the American strikes on its nuclear sites. Egypt called the strike a violation of Lebanon's sovereignty.")
	wantEvent(t, res, "STRIKE", 2, map[string][]string{"AGENT": {"country:ISR"}, "TARGET": {"org:hamas"}})
}

func TestHostingABaseIsNoMeeting(t *testing.T) {
	// a country that hosts a base, an office or troops holds no meeting; hosting talks does
	res := issueExtract(t, "2025-03-01", "Bahrain hosts the largest American naval base in the region. Turkey has hosted Hamas's political office since 2012. Oman hosted talks between Iran and the United States.")
	for si := 0; si < 2; si++ {
		if evs := eventsOf(res, "MEETING", si); len(evs) > 0 {
			t.Errorf("sentence %d: no meeting, got %v", si, summary(res))
		}
	}
	if len(eventsOf(res, "MEETING", 2))+len(eventsOf(res, "TALKS", 2)) == 0 {
		t.Errorf("sentence 2: want the talks hosted, got %v", summary(res))
	}
}

func TestWavesStrikeNoOne(t *testing.T) {
	res := issueExtract(t, "2025-03-01", "Ann Holt fell overboard as heavy waves struck. The storm hit the coast on Monday.")
	if evs := eventsOf(res, "STRIKE", -1); len(evs) > 0 {
		t.Errorf("a force of nature strikes no blow: %v", summary(res))
	}
}

func TestCoordinatedDoersWithTheAndApposition(t *testing.T) {
	// "Saudi Arabia and the United Arab Emirates both condemned": both; the clause after
	// ", and the UAE's president, <name>, flew" is another's
	res := issueExtract(t, "2025-03-01", "Jordan and the United Arab Emirates both condemned the attack, and the UAE's president, Sheikh Mohamed bin Zayed, flew to Doha.")
	wantEvent(t, res, "CONDEMNATION", 0, map[string][]string{"AGENT": {"country:JOR", "country:ARE"}})
	for _, ev := range eventsOf(res, "CONDEMNATION", 0) {
		if slices.Contains(roleOf(ev, "TARGET"), "person:mohamed-bin-zayed") {
			t.Errorf("the president is in the next clause: %v", summary(res))
		}
	}
}

func TestWhenClauseWithItsOwnSubject(t *testing.T) {
	// "was studying the American plan when the missiles struck": the plan's demonym is no
	// doer of the strike in the "when" clause; "when they meet" still has its subjects
	res := issueExtract(t, "2025-03-01", "The delegation was studying the latest American ceasefire plan when the missiles struck. President Macron and Chancellor Merz will discuss this when they meet in Paris on Friday.")
	for _, ev := range eventsOf(res, "STRIKE", 0) {
		if slices.Contains(roleOf(ev, "AGENT"), "country:USA") {
			t.Errorf("the plan's America struck nothing: %v", summary(res))
		}
	}
	if evs := eventsOf(res, "MEETING", 1); len(evs) != 1 || len(roleOf(evs[0], "AGENT")) == 0 {
		t.Errorf("sentence 1: want the meeting of those two, got %v", summary(res))
	}
}
