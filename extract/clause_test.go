package extract

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

// The sentences of issue 13, made up to show each kind of error, with a few test people.
const issuePeople = `{"id": "person:t-smith", "kind": "Person", "name": "Smith", "country": "country:NOR"}
{"id": "person:t-jones", "kind": "Person", "name": "Jones", "country": "country:NOR"}
{"id": "person:t-lee", "kind": "Person", "name": "Lee", "country": "country:SWE"}
{"id": "person:t-alder", "kind": "Person", "name": "Anna Alder", "short": ["Alder"], "titles": ["president"], "country": "country:FIN"}
{"id": "person:t-holt", "kind": "Person", "name": "Ann Holt", "short": ["Holt"], "titles": ["minister", "defence minister"], "country": "country:NOR"}
`

func issueExtract(t *testing.T, published, text string) *Result {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Read(strings.NewReader(issuePeople), "issue-people.jsonl"); err != nil {
		t.Fatal(err)
	}
	res, err := New(g).Extract(factgraph.Article{ID: "article:t", Title: "t", PublishedAt: published, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// eventsOf returns the events of the type in sentence si (-1: any sentence).
func eventsOf(res *Result, typ string, si int) []factgraph.Event {
	var out []factgraph.Event
	for _, ev := range res.Events {
		if ev.Type == typ && (si < 0 || *ev.Evidence[0].Start == res.Sentences[si].Start) {
			out = append(out, ev)
		}
	}
	return out
}

func roleOf(ev factgraph.Event, role string) []string {
	var out []string
	for _, r := range ev.Roles {
		if r.Role == role {
			out = append(out, r.Entity)
		}
	}
	return out
}

func wantEvent(t *testing.T, res *Result, typ string, si int, roles map[string][]string) {
	t.Helper()
	evs := eventsOf(res, typ, si)
	if len(evs) != 1 {
		t.Errorf("want one %s event in sentence %d, got %d (all events: %v)", typ, si, len(evs), summary(res))
		return
	}
	for role, want := range roles {
		got := roleOf(evs[0], role)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s %s: got %v, want %v (roles %v) in %q", typ, role, got, want, evs[0].Roles, evs[0].Evidence[0].Quote)
		}
	}
}

func summary(res *Result) []string {
	var out []string
	for _, ev := range res.Events {
		out = append(out, ev.Type+fmtRoles(ev.Roles))
	}
	return out
}

func fmtRoles(rs []factgraph.Role) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, r.Role+"="+r.Entity)
	}
	return "(" + strings.Join(parts, " ") + ")"
}

func TestIssueRolesByClause(t *testing.T) {
	// the talks are Smith's with the envoy Jones, not with the President whose envoy he is
	res := issueExtract(t, "2025-12-26", "President Anna Alder left for Oslo. Smith said on Monday that he had spoken with the President's envoy, Jones.")
	wantEvent(t, res, "TALKS", 1, map[string][]string{"AGENT": {"person:t-smith"}, "PARTICIPANT": {"person:t-jones"}})

	// "he" after two people is the one who was the subject
	res = issueExtract(t, "2025-12-26", "Smith met Jones in Oslo. He said they discussed trade.")
	wantEvent(t, res, "TALKS", 1, map[string][]string{"AGENT": {"person:t-smith"}, "PARTICIPANT": {"person:t-jones"}})
	if len(res.Attributions) != 1 || res.Attributions[0].Source != "person:t-smith" {
		t.Errorf("attribution: %+v, want Smith", res.Attributions)
	}

	// "his meeting" is the meeting of the subject, not of the one being briefed
	res = issueExtract(t, "2025-12-26", "Smith was expected to brief Jones on his meeting with Lee.")
	wantEvent(t, res, "MEETING", 0, map[string][]string{"AGENT": {"person:t-smith"}, "PARTICIPANT": {"person:t-lee"}})

	// an agent after the trigger: the subject of the main clause does the participle's act
	res = issueExtract(t, "2025-12-26", "Defence Minister Ann Holt arrived in Oslo. Touring a drone plant on Tuesday, the minister said output would rise.")
	wantEvent(t, res, "INSPECTION", 1, map[string][]string{"AGENT": {"person:t-holt"}})

	// a purpose clause: jets sent to escort a bomber are no supply of jets
	res = issueExtract(t, "2025-12-26", "Norway scrambled two jets to escort a bomber away.")
	if evs := eventsOf(res, "SUPPLY", -1); len(evs) != 0 {
		t.Errorf("supply of jets: %v", summary(res))
	}
	// ("scrambled" alone is no event by the second set's conventions)
	if evs := eventsOf(res, "DEPLOYMENT", -1); len(evs) != 0 {
		t.Errorf("deployment of jets: %v", summary(res))
	}
}

func hasEntity2(res *Result, kind, name string) bool {
	for _, e := range res.Entities {
		if e.Kind == kind && factgraph.NormalizeName(e.Name) == factgraph.NormalizeName(name) {
			return true
		}
	}
	return false
}

func TestIssueNewNamedThings(t *testing.T) {
	cases := []struct{ text, kind, name string }{
		{"The tankers Aurora and Meridian left the port of Primorsk.", factgraph.KindVessel, "Aurora"},
		{"The tankers Aurora and Meridian left the port of Primorsk.", factgraph.KindVessel, "Meridian"},
		{"A 300-metre tanker called the Nova was seen off Gotland.", factgraph.KindVessel, "Nova"},
		{"Swedish police boarded the bulk carrier Vezhen.", factgraph.KindVessel, "Vezhen"},
		{"The Norwegian Harbour Pilots Association said the route was closed.", factgraph.KindOrganization, "Norwegian Harbour Pilots Association"},
		{"The company said its chief executive, Ann Berg, would resign.", factgraph.KindPerson, "Ann Berg"},
		{"Jens Jespersen said the drones were large.", factgraph.KindPerson, "Jens Jespersen"},
		{"The tanker was taken to the town of Porvoo.", factgraph.KindLocation, "Porvoo"},
		{"Drones were seen over Copenhagen Airport.", factgraph.KindFacility, "Copenhagen Airport"},
		{"Russia fired a surface-to-air missile.", factgraph.KindWeaponSystem, "surface-to-air missile"},
		{"Denmark sent fighter jets to Poland.", factgraph.KindWeaponSystem, "fighter jet"},
	}
	for _, c := range cases {
		res := issueExtract(t, "2025-12-26", c.text)
		if !hasEntity2(res, c.kind, c.name) {
			t.Errorf("%q: no %s %q among %v", c.text, c.kind, c.name, res.Entities)
		}
		for _, e := range res.Entities {
			if e.Name == c.name && !strings.HasPrefix(e.Description, "Unresolved") && c.kind != factgraph.KindWeaponSystem {
				t.Errorf("%q: %s is not marked unresolved: %q", c.text, e.ID, e.Description)
			}
		}
	}
	// a named system's class noun is its head, not a second weapon
	res := issueExtract(t, "2025-12-26", "Three Russian MiG-31 fighter jets entered Estonian airspace.")
	if hasEntity2(res, factgraph.KindWeaponSystem, "fighter jet") || !entityIDs(res)["weapon:mig-31"] {
		t.Errorf("MiG-31 fighter jets: %v", res.Entities)
	}
}

func TestIssueTriggerSenses(t *testing.T) {
	for _, text := range []string{
		"Poland moved its ships so as to meet the schedule.",     // purpose phrase
		"The shipyard struggled to meet a deadline for Norway.",  // idiom
		"Her call for calm in Poland was ignored.",               // an appeal, not a call
		"Norway bought a strike fighter from the United States.", // weapon compound
		"NATO is launching an operation in the Baltic Sea.",      // an operation, not a launch
		"Finland built reserves after 2022.",                     // not construction
		"This is the most serious attack on Danish infrastructure, Denmark said.",
	} {
		res := issueExtract(t, "2025-12-26", text)
		for _, ev := range res.Events {
			switch ev.Type {
			case "MEETING", "TALKS", "STRIKE", "LAUNCH", "CONSTRUCTION", "SUPPLY":
				t.Errorf("%q: false %s event %v", text, ev.Type, ev.Roles)
			}
		}
	}
}

func TestIssueNewEventTypes(t *testing.T) {
	res := issueExtract(t, "2025-12-26", "Russia denied any involvement.")
	wantEvent(t, res, "DENIAL", 0, map[string][]string{"AGENT": {"country:RUS"}})
	res = issueExtract(t, "2025-12-26", "NATO confirmed that the jets had been intercepted.")
	wantEvent(t, res, "CONFIRMATION", 0, map[string][]string{"AGENT": {"org:nato"}})
	res = issueExtract(t, "2025-12-26", "Poland condemned Russia over the incursion.")
	wantEvent(t, res, "CONDEMNATION", 0, map[string][]string{"AGENT": {"country:POL"}, "TARGET": {"country:RUS"}})
	res = issueExtract(t, "2025-12-26", "Finland detained the tanker Eagle S in the Gulf of Finland.")
	wantEvent(t, res, "DETENTION", 0, map[string][]string{"AGENT": {"country:FIN"}, "TARGET": {"vessel:eagle-s"}})
	// the sanction's object is the vessel listed
	res = issueExtract(t, "2025-12-26", "The tanker Eagle S was added to the sanctions list by the European Union.")
	wantEvent(t, res, "SANCTION", 0, map[string][]string{"AGENT": {"org:european-union"}, "TARGET": {"vessel:eagle-s"}})
	for _, ty := range []string{"DETENTION", "DENIAL", "CONFIRMATION"} {
		if !factgraph.IsEventType(ty) {
			t.Errorf("%s is not in the domain vocabulary", ty)
		}
	}
}

func TestIssueDateForms(t *testing.T) {
	// published on Friday 2025-12-26
	cases := []struct{ text, want string }{
		{"Smith told reporters Monday that talks would go on.", "2025-12-22"},
		{"The cable broke early Sunday morning.", "2025-12-21"},
		{"The tanker left on December 20. The evening before, its crew had been changed.", "2025-12-19"},
		{"The drones came back late Wednesday.", "2025-12-24"},
		{"The tanker was seized on Christmas Day.", "2025-12-25"},
		{"NATO launched the mission two weeks ago.", "2025-12-12"},
		{"The ship left on December 20 and was seized the same night.", "2025-12-20"},
	}
	for _, c := range cases {
		res := issueExtract(t, "2025-12-26", c.text)
		found := false
		for _, d := range res.Dates {
			found = found || d.Time.Value == c.want && d.Time.Precision == "day"
		}
		if !found {
			t.Errorf("%q: dates %+v, want %s", c.text, res.Dates, c.want)
		}
	}
	// "earlier this week": no week precision, so no date rather than a wrong one
	if res := issueExtract(t, "2025-12-26", "Smith met Jones earlier this week."); len(res.Dates) != 0 {
		t.Errorf("earlier this week: %+v", res.Dates)
	}
}

// Numbers no event takes are kept as quantities of the article, with the entity they
// describe; an event's numbers go to the nearest event of their sentence only.
func TestIssueArticleQuantities(t *testing.T) {
	res := issueExtract(t, "2025-12-26", "The Eagle S, with a crew of 24, was anchored off Porvoo. The shadow fleet numbers about 600 tankers. Four telecommunications cables run nearby.")
	want := map[factgraph.Quantity]bool{
		{Value: 24, Unit: "crew", Entity: "vessel:eagle-s"}:                               true,
		{Value: 600, Unit: "tankers", Approx: true, Entity: "vessel:russian-ghost-fleet"}: true,
		{Value: 4, Unit: "cables"}:                                                        true,
	}
	got := map[factgraph.Quantity]bool{}
	for _, q := range res.Facts().Articles[0].Quantities {
		got[q] = true
	}
	for q := range want {
		if !got[q] {
			t.Errorf("article quantities %+v lack %+v", res.Facts().Articles[0].Quantities, q)
		}
	}
	if err := res.Facts().Articles[0].Validate(); err != nil {
		t.Error(err)
	}
	res = issueExtract(t, "2025-12-26", "North Korea sent about 15,000 troops to Russia and Poland intercepted two drones.")
	for _, ev := range res.Events {
		if len(ev.Quantities) != 1 {
			t.Errorf("%s: quantities %v, want its own one", ev.Type, ev.Quantities)
		}
	}
	if len(res.Article.Quantities) != 0 {
		t.Errorf("article quantities %v: the events took them", res.Article.Quantities)
	}
}

func TestAttributionForms(t *testing.T) {
	cases := []struct{ text, want string }{
		// a TASS-style dateline attributes the sentence after it
		{"ISTANBUL, May 16. /TASS/. Russia and Ukraine have agreed to exchange prisoners.", "org:tass"},
		// the reporter's closing attribution wins over a speech verb inside the claim
		{"Kim also urged the party to guarantee supplies of steel, KCNA said.", "org:kcna"},
		// a passive speech verb's source follows "by"
		{"This was announced to reporters by the head of the delegation, Vladimir Medinsky.", "person:vladimir-medinsky"},
		// a comma inside the closing quote
		{"\"We suspect the anchor,\" said Dmitry Peskov, adding more.", "person:dmitry-peskov"},
	}
	for _, c := range cases {
		res := issueExtract(t, "2025-05-16", c.text)
		last := res.Attributions[len(res.Attributions)-1]
		if last.Source != c.want {
			t.Errorf("%q: attributed to %q by %s, want %s", c.text, last.Source, last.Rule, c.want)
		}
	}
}
