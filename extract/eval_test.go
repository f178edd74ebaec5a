package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

// The evaluation sets: articles written for the project in wire, state-media, transcript and
// broadcast styles, each with hand-made gold facts. Ten sets, scored and printed apart:
//
//   - testdata/articles: the first ten (8 dev, 2 held out), the set the floors were set on;
//   - testdata/dev: the second set's development part (tune rules on these);
//   - testdata/heldout: the second set's held-out part (scores only; its misses are listed
//     only with EXTRACT_MISSES=heldout). It was seen during tuning, so its figures no
//     longer measure generalisation;
//   - testdata/dev2: the third set, development only (five articles written on 2026-12-02
//     before the rules were changed for them; scored apart so that the second set's dev
//     figures stay comparable with before);
//   - testdata/heldout2: the fourth set (six articles written and annotated on 2026-12-02 by
//     someone who never tuned the extractor, before it was run on them), held out until its
//     fresh scores were recorded, then opened for tuning on 2026-12-02 (third session): its
//     figures are tuning figures now, and EXTRACT_MISSES=1 lists its misses.
//   - testdata/heldout3: the fifth set (six more articles written and annotated on
//     2026-12-02 by someone who never tuned the extractor, before it was run on them; on
//     events no other set covers), held out until its fresh scores were recorded: at
//     09a65c0 (before and after the third session's clause rules) entities 0.83,
//     quantities 0.75, events 0.44, events+target 0.40, attribution 0.73. Opened for
//     tuning on 2026-12-02 (fourth session): its figures are tuning figures now, and
//     EXTRACT_MISSES=1 lists its misses. The fresh measure since is the sixth set.
//   - testdata/heldout4: the sixth set (six more articles written and annotated on
//     2026-12-02 by someone who never tuned the extractor nor read its rules, before it was
//     run on them and committed before that; on events no other set covers), held out until
//     its fresh scores were recorded: at 09a65c0 entities 0.85, quantities 0.92, events
//     0.49, events+target 0.44, attribution 0.85, and after the fourth session's rules
//     (3a58906) entities 0.87, quantities 0.92, events 0.55, events+target 0.49,
//     attribution 0.86. Opened for tuning on 2026-12-02 (fifth session): its figures are
//     tuning figures now, and EXTRACT_MISSES=1 lists its misses. The fresh measure since
//     is the seventh set, written elsewhere.
//   - testdata/heldout5: the seventh set (six more articles written and annotated on
//     2026-12-02 by someone who never tuned the extractor nor read its rules, gazetteer
//     or other sets' articles, committed before it was run on them), held out until its
//     fresh scores, opened for tuning in the sixth session (2026-12-02).
//   - testdata/heldout6: the eighth set (eight more articles written and annotated the same
//     way on 2026-12-02): held out until its fresh scores, opened for tuning in the seventh
//     session (2026-12-02).
//   - testdata/heldout7: the ninth set (eight more, written and annotated the same way on
//     2026-12-02): held out until its fresh scores and through the seventh session, opened
//     for tuning in the eighth session (2026-12-03).
//   - testdata/heldout8: the tenth set, held out (eight more articles, written and
//     annotated the same way on 2026-12-03 by a helper who read no rules, committed before
//     the extractor was run on them): held out until its fresh scores and through the
//     eighth and ninth sessions' rules, opened for tuning in the tenth session (2026-12-03).
//   - testdata/heldout9: the eleventh set (eight more, written and annotated the
//     same way on 2026-12-03 by another helper who read no rules, committed before the
//     extractor was run on them): held out until its fresh scores and through the ninth and
//     tenth sessions' rules, opened for tuning in the eleventh session (2026-12-03).
//   - testdata/heldout10: the twelfth set (eight more, written and annotated the same way
//     on 2026-12-03 by a third helper who read no rules, committed before the extractor was
//     run on them): held out until its fresh scores and through the tenth and eleventh
//     sessions' rules, opened for tuning in the twelfth session (2026-12-04).
//   - testdata/heldout11: the thirteenth set (eight more, written and annotated the same
//     way on 2026-12-03 by a fourth helper who read no rules, committed before the
//     extractor was run on them): held out until its fresh scores and through the tenth to
//     twelfth sessions' rules, opened for tuning in the thirteenth session (2026-12-04).
//   - testdata/heldout12: the fourteenth set (eight more, written and annotated the same
//     way on 2026-12-03 by a fifth helper who read no rules, committed before the
//     extractor was run on them): held out until its fresh scores and through the eleventh
//     to thirteenth sessions' rules, opened for tuning in the fourteenth session
//     (2026-12-05).
//   - testdata/heldout13: the fifteenth set (eight more, written and annotated the same
//     way on 2026-12-04 by a sixth helper who read no rules, committed before the
//     extractor was run on them): held out until its fresh scores and through the twelfth
//     to fourteenth sessions' rules, opened for tuning in the fifteenth session
//     (2026-12-06).
//   - testdata/heldout14: the sixteenth set, held out (eight more, written and annotated
//     the same way on 2026-12-04 by a seventh helper who read no rules, committed before
//     the extractor was run on them): the honest held-out measure, with the seventeenth,
//     since the fifteenth set was opened. Scores only; its misses are listed only with
//     EXTRACT_MISSES=heldout.
//   - testdata/heldout15: the seventeenth set, held out (eight more, written and annotated
//     the same way on 2026-12-05 by an eighth and a ninth helper who read no rules,
//     committed before the extractor was run on them). Scores only, as the sixteenth.
//
// TestExtractionQuality prints their tables (kept in docs/extraction.md):
//
//	go test -v -run TestExtractionQuality ./extract     (or: make eval)

type goldEntity struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Unresolved bool   `json:"unresolved"`
}

type goldRole struct {
	Role   string `json:"role"`
	Entity string `json:"entity"`
}

type goldEvent struct {
	Type     string              `json:"type"`
	Trigger  string              `json:"trigger"`
	Quote    string              `json:"quote"`
	Roles    []goldRole          `json:"roles"`
	Time     *factgraph.TimeSpec `json:"time"`
	Modality string              `json:"modality"`
}

type gold struct {
	Entities   []goldEntity `json:"entities"`
	Quantities []struct {
		Value  float64 `json:"value"`
		Unit   string  `json:"unit"`
		Approx bool    `json:"approx"`
		Text   string  `json:"text"`
	} `json:"quantities"`
	Dates []struct {
		Text      string `json:"text"`
		Value     string `json:"value"`
		Precision string `json:"precision"`
	} `json:"dates"`
	Events       []goldEvent `json:"events"`
	Attributions []struct {
		Quote  string `json:"quote"`
		Source string `json:"source"`
	} `json:"attributions"`
}

// prf counts true positives, predictions and gold items.
type prf struct{ tp, pred, gold int }

func (c *prf) add(o prf) { c.tp += o.tp; c.pred += o.pred; c.gold += o.gold }

func (c prf) scores() (p, r, f float64) {
	if c.pred > 0 {
		p = float64(c.tp) / float64(c.pred)
	}
	if c.gold > 0 {
		r = float64(c.tp) / float64(c.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// scoreRows are the table's rows. "events" matches type, sentence and agent (type + agent);
// "events+target" also wants every gold TARGET on the matched event (type + agent + target);
// "facts quantities" are the quantities that reach the fact document (on its events,
// relations or any other record), where "quantities" are all the amounts the extractor read.
var scoreRows = []string{"entities", "quantities", "facts quantities", "dates", "events", "events+target", "event roles", "attribution"}

type evalCase struct {
	name, set, split, style string
	file                    ArticleFile
	gold                    gold
}

// evalSets are the directories under testdata, with the fewest articles each must hold.
var evalSets = []struct {
	dir string
	min int
}{{"articles", 8}, {"dev", 6}, {"heldout", 6}, {"dev2", 5}, {"heldout2", 6}, {"heldout3", 6}, {"heldout4", 6}, {"heldout5", 6}, {"heldout6", 8}, {"heldout7", 8}, {"heldout8", 8}, {"heldout9", 8}, {"heldout10", 8}, {"heldout11", 8}, {"heldout12", 8}, {"heldout13", 8}, {"heldout14", 8}, {"heldout15", 8}}

// heldOutSet are the sets whose misses are listed only with EXTRACT_MISSES=heldout (the
// fourth to fifteenth sets were removed from it when they were opened for tuning, 2026-12-02
// to 2026-12-06, third to fifteenth session).
var heldOutSet = map[string]bool{"heldout": true, "heldout14": true, "heldout15": true}

// unannotated are the event types a set was annotated without: the first set predates
// DETENTION, DENIAL and CONFIRMATION, so predictions of them are not scored there.
var unannotated = map[string]map[string]bool{
	"articles": {"DETENTION": true, "DENIAL": true, "CONFIRMATION": true},
}

// loadEvalSet reads all the sets of evalSets.
func loadEvalSet(t testing.TB) []evalCase {
	t.Helper()
	var out []evalCase
	for _, set := range evalSets {
		cases := loadEvalDir(t, set.dir)
		if len(cases) < set.min {
			t.Fatalf("want at least %d evaluation articles in testdata/%s, found %d", set.min, set.dir, len(cases))
		}
		out = append(out, cases...)
	}
	return out
}

// loadEvalDir reads the articles and gold files of testdata/<dir>.
func loadEvalDir(t testing.TB, dir string) []evalCase {
	t.Helper()
	txts, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []evalCase
	for _, p := range txts {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		af, err := ReadArticle(f, p)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".gold.json")
		if err != nil {
			t.Fatal(err)
		}
		var g gold
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		c := evalCase{name: filepath.Base(p), set: dir, split: af.Meta["split"], style: af.Meta["style"], file: af, gold: g}
		if want := strings.TrimRight(dir, "0123456789"); dir != "articles" && c.split != want {
			t.Fatalf("%s: split %q in testdata/%s (want %q)", p, c.split, dir, want)
		}
		out = append(out, c)
	}
	return out
}

// score compares one result with its gold, row by row.
func score(res *Result, g gold) (map[string]prf, []string) {
	out, misses, _ := scoreByType(res, g)
	return out, misses
}

// typeCounts are one event type's gold events of a group, by what became of them: right
// (type and agent), found with another agent or none (an event of the type whose evidence
// holds the gold quote), or not found at all; and the extras of the type.
type typeCounts struct{ gold, right, wrongAgent, notFound, extra int }

type eventTypes map[string]*typeCounts

func (m eventTypes) of(t string) *typeCounts {
	if m[t] == nil {
		m[t] = &typeCounts{}
	}
	return m[t]
}

func (c *typeCounts) add(o typeCounts) {
	c.gold, c.right, c.wrongAgent, c.notFound, c.extra = c.gold+o.gold, c.right+o.right, c.wrongAgent+o.wrongAgent, c.notFound+o.notFound, c.extra+o.extra
}

func (m eventTypes) add(o eventTypes) {
	for t, c := range o {
		m.of(t).add(*c)
	}
}

// sameTypeInQuote says whether an event not yet matched has ge's type and holds its quote.
func sameTypeInQuote(evs []factgraph.Event, used map[int]bool, ge goldEvent) bool {
	for i, ev := range evs {
		if !used[i] && ev.Type == ge.Type && strings.Contains(ev.Evidence[0].Quote, ge.Quote) {
			return true
		}
	}
	return false
}

// byTypeTable prints a group's events by type: no sentence and no name, so it may be
// printed for held-out sets (EXTRACT_BYTYPE=1).
func byTypeTable(title string, m eventTypes) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, events by type\n| type | gold | right | other agent | not found | extra |\n|---|---:|---:|---:|---:|---:|\n", title)
	types := make([]string, 0, len(m))
	for t := range m {
		if !strings.HasPrefix(t, entityKey) {
			types = append(types, t)
		}
	}
	sort.Slice(types, func(i, j int) bool {
		a, c := m[types[i]], m[types[j]]
		if a.gold-a.right != c.gold-c.right {
			return a.gold-a.right > c.gold-c.right
		}
		return types[i] < types[j]
	})
	var tot typeCounts
	for _, t := range types {
		c := m[t]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", t, c.gold, c.right, c.wrongAgent, c.notFound, c.extra)
		tot.add(*c)
	}
	fmt.Fprintf(&b, "| all | %d | %d | %d | %d | %d |\n", tot.gold, tot.right, tot.wrongAgent, tot.notFound, tot.extra)
	// the entities by kind, gazetteer or new ("unresolved" in the gold): found or not, and
	// the extras by kind (no names, so held-out sets may print it too)
	var kinds []string
	for t := range m {
		if strings.HasPrefix(t, entityKey) {
			kinds = append(kinds, t)
		}
	}
	if len(kinds) > 0 {
		sort.Strings(kinds)
		fmt.Fprintf(&b, "\n%s, entities by kind\n| kind | gold | right | not found | extra |\n|---|---:|---:|---:|---:|\n", title)
		for _, k := range kinds {
			c := m[k]
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", strings.TrimPrefix(k, entityKey), c.gold, c.right, c.notFound, c.extra)
		}
	}
	return b.String()
}

// entityKey prefixes the entity kinds counted alongside the event types.
const entityKey = "entity "

// entityRow: the row of an entity kind, "Person" or "Person (new)" for one the gazetteer
// lacks.
func entityRow(kind string, unresolved bool) string {
	if kind == "" {
		// (the gold names no kind for a gazetteer entity)
		return entityKey + "gazetteer, any kind"
	}
	if unresolved {
		return entityKey + kind + " (new)"
	}
	return entityKey + kind
}

// scoreByType is score, with the events' counts by type.
func scoreByType(res *Result, g gold) (map[string]prf, []string, eventTypes) {
	out := map[string]prf{}
	byType := eventTypes{}
	var misses []string
	// entities: by id, or by folded name for new entities
	predNames := map[string]string{} // folded name or alias -> predicted id
	for _, e := range res.Entities {
		for _, k := range factgraph.NameKeys(e.Name, e.Aliases) {
			predNames[k] = e.ID
		}
		predNames[e.ID] = e.ID
	}
	goldToPred := map[string]string{}
	matched := map[string]bool{}
	for _, ge := range g.Entities {
		id := predNames[ge.ID]
		if id == "" {
			id = predNames[factgraph.NormalizeName(ge.Name)]
		}
		ec := byType.of(entityRow(ge.Kind, ge.Unresolved))
		ec.gold++
		if id != "" && !matched[id] {
			matched[id] = true
			goldToPred[ge.ID] = id
			ec.right++
		} else {
			misses = append(misses, "entity missed: "+ge.ID+" "+ge.Name)
			ec.notFound++
		}
	}
	newIDs := map[string]bool{}
	for _, m := range res.Mentions {
		if !m.Resolved {
			newIDs[m.Entity] = true
		}
	}
	for _, e := range res.Entities {
		if !matched[e.ID] {
			misses = append(misses, "entity extra: "+e.ID)
			byType.of(entityRow(e.Kind, newIDs[e.ID])).extra++
		}
	}
	out["entities"] = prf{len(matched), len(res.Entities), len(g.Entities)}
	mapID := func(gid string) string {
		if id, ok := goldToPred[gid]; ok {
			return id
		}
		return "gold:" + gid
	}

	// quantities: value, unit (singular) and approximation
	unit := func(u string) string { return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(u)), "s") }
	used := map[int]bool{}
	tp := 0
	for _, gq := range g.Quantities {
		found := false
		for i, q := range res.Quantities {
			if !used[i] && math.Abs(q.Quantity.Value-gq.Value) <= 1e-6*math.Max(1, math.Abs(gq.Value)) && unit(q.Quantity.Unit) == unit(gq.Unit) && q.Quantity.Approx == gq.Approx {
				used[i], found = true, true
				tp++
				break
			}
		}
		if !found {
			misses = append(misses, fmt.Sprintf("quantity missed: %v %s approx=%v (%q)", gq.Value, gq.Unit, gq.Approx, gq.Text))
		}
	}
	for i, q := range res.Quantities {
		if !used[i] {
			misses = append(misses, fmt.Sprintf("quantity extra: %v %s approx=%v (%q)", q.Quantity.Value, q.Quantity.Unit, q.Quantity.Approx, q.Text))
		}
	}
	out["quantities"] = prf{tp, len(res.Quantities), len(g.Quantities)}

	// facts quantities: the same match against the quantities in the fact document
	fq := factQuantities(res)
	used = map[int]bool{}
	tp = 0
	for _, gq := range g.Quantities {
		for i, q := range fq {
			if !used[i] && math.Abs(q.Value-gq.Value) <= 1e-6*math.Max(1, math.Abs(gq.Value)) && unit(q.Unit) == unit(gq.Unit) && q.Approx == gq.Approx {
				used[i] = true
				tp++
				break
			}
		}
	}
	out["facts quantities"] = prf{tp, len(fq), len(g.Quantities)}

	// dates: value and precision
	used = map[int]bool{}
	tp = 0
	for _, gd := range g.Dates {
		found := false
		for i, d := range res.Dates {
			if !used[i] && d.Time.Value == gd.Value && d.Time.Precision == gd.Precision {
				used[i], found = true, true
				tp++
				break
			}
		}
		if !found {
			misses = append(misses, fmt.Sprintf("date missed: %s %s (%q)", gd.Value, gd.Precision, gd.Text))
		}
	}
	for i, d := range res.Dates {
		if !used[i] {
			misses = append(misses, fmt.Sprintf("date extra: %s %s (%q)", d.Time.Value, d.Time.Precision, d.Text))
		}
	}
	out["dates"] = prf{tp, len(res.Dates), len(g.Dates)}

	// events: same type, in the sentence of the gold quote, with the gold agent (if any);
	// roles: (event, role, entity) of the matched events
	usedEv := map[int]bool{}
	tp = 0
	roles := prf{}
	for _, ge := range g.Events {
		agent := ""
		for _, r := range ge.Roles {
			if r.Role == factgraph.RoleAgent {
				agent = mapID(r.Entity)
			}
		}
		found := -1
		for i, ev := range res.Events {
			if usedEv[i] || ev.Type != ge.Type || !strings.Contains(ev.Evidence[0].Quote, ge.Quote) {
				continue
			}
			if agent != "" && !hasRole(ev.Roles, factgraph.RoleAgent, agent) {
				continue
			}
			found = i
			break
		}
		roles.gold += len(ge.Roles)
		tc := byType.of(string(ge.Type))
		tc.gold++
		if found < 0 {
			misses = append(misses, fmt.Sprintf("event missed: %s %v in %q", ge.Type, ge.Roles, ge.Quote))
			if sameTypeInQuote(res.Events, usedEv, ge) {
				tc.wrongAgent++
			} else {
				tc.notFound++
			}
			continue
		}
		usedEv[found] = true
		tc.right++
		tp++
		ev := res.Events[found]
		roles.pred += len(ev.Roles)
		for _, r := range ge.Roles {
			if hasRole(ev.Roles, r.Role, mapID(r.Entity)) {
				roles.tp++
			} else {
				misses = append(misses, fmt.Sprintf("role missed: %s %s=%s in %q", ge.Type, r.Role, r.Entity, ge.Quote))
			}
		}
	}
	for i, ev := range res.Events {
		if !usedEv[i] {
			misses = append(misses, fmt.Sprintf("event extra: %s %v in %q", ev.Type, ev.Roles, ev.Evidence[0].Quote))
			byType.of(string(ev.Type)).extra++
		}
	}
	out["events"] = prf{tp, len(res.Events), len(g.Events)}
	out["event roles"] = roles

	// events+target: as events, and every gold TARGET is a target of the matched event
	usedEv = map[int]bool{}
	tp = 0
	for _, ge := range g.Events {
		agent := ""
		var targets []string
		for _, r := range ge.Roles {
			switch r.Role {
			case factgraph.RoleAgent:
				agent = mapID(r.Entity)
			case factgraph.RoleTarget:
				targets = append(targets, mapID(r.Entity))
			}
		}
		for i, ev := range res.Events {
			if usedEv[i] || ev.Type != ge.Type || !strings.Contains(ev.Evidence[0].Quote, ge.Quote) {
				continue
			}
			if agent != "" && !hasRole(ev.Roles, factgraph.RoleAgent, agent) {
				continue
			}
			ok := true
			for _, tg := range targets {
				ok = ok && hasRole(ev.Roles, factgraph.RoleTarget, tg)
			}
			if ok {
				usedEv[i] = true
				tp++
				break
			}
		}
	}
	out["events+target"] = prf{tp, len(res.Events), len(g.Events)}

	// attribution: the sentence of the gold quote, attributed to the same source
	usedAt := map[int]bool{}
	tp = 0
	for _, ga := range g.Attributions {
		found := false
		for i, a := range res.Attributions {
			if usedAt[i] || !strings.Contains(res.Sentences[a.Sentence].Text, ga.Quote) {
				continue
			}
			src := a.Source
			if src == "" {
				src = "phrase:" + factgraph.NormalizeName(a.Name)
			}
			want := mapID(ga.Source)
			if strings.HasPrefix(want, "gold:") && !strings.Contains(ga.Source, ":") {
				want = "phrase:" + factgraph.NormalizeName(ga.Source)
			}
			if src == want {
				usedAt[i], found = true, true
				tp++
				break
			}
		}
		if !found {
			misses = append(misses, fmt.Sprintf("attribution missed: %s for %q", ga.Source, ga.Quote))
		}
	}
	for i, a := range res.Attributions {
		if !usedAt[i] {
			misses = append(misses, fmt.Sprintf("attribution extra: %s/%s in %q", a.Source, a.Name, res.Sentences[a.Sentence].Text))
		}
	}
	out["attribution"] = prf{tp, len(res.Attributions), len(g.Attributions)}
	return out, misses, byType
}

// factQuantities are the quantities of the fact document: every object in a "quantities"
// list anywhere in its JSON (events, relations, and whatever other record may carry them).
// A relation made from an event repeats the event's quantities, so relations count only
// where they hold more of a quantity than the other records (multiset union).
func factQuantities(res *Result) []factgraph.Quantity {
	collect := func(v any) map[factgraph.Quantity]int {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		var tree any
		if err := json.Unmarshal(b, &tree); err != nil {
			panic(err)
		}
		n := map[factgraph.Quantity]int{}
		var walk func(x any)
		walk = func(x any) {
			switch x := x.(type) {
			case map[string]any:
				for k, v := range x {
					if list, ok := v.([]any); ok && k == "quantities" {
						for _, it := range list {
							if m, ok := it.(map[string]any); ok {
								val, _ := m["value"].(float64)
								u, _ := m["unit"].(string)
								ap, _ := m["approx"].(bool)
								n[factgraph.Quantity{Value: val, Unit: u, Approx: ap}]++
							}
						}
						continue
					}
					walk(v)
				}
			case []any:
				for _, v := range x {
					walk(v)
				}
			}
		}
		walk(tree)
		return n
	}
	facts := res.Facts()
	rels := collect(facts.Relations)
	facts.Relations = nil
	rest := collect(facts)
	for q, c := range rels {
		rest[q] = max(rest[q], c)
	}
	var out []factgraph.Quantity
	for q, c := range rest {
		for range c {
			out = append(out, q)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Unit != out[j].Unit {
			return out[i].Unit < out[j].Unit
		}
		return out[i].Value < out[j].Value
	})
	return out
}

func table(title string, sums map[string]prf) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n| %-16s | %9s | %6s | %6s | %8s | %5s | %5s |\n|---|---:|---:|---:|---:|---:|---:|\n", title, "", "precision", "recall", "F1", "correct", "found", "gold")
	for _, row := range scoreRows {
		p, r, f := sums[row].scores()
		fmt.Fprintf(&b, "| %-16s | %9.2f | %6.2f | %6.2f | %8d | %5d | %5d |\n", row, p, r, f, sums[row].tp, sums[row].pred, sums[row].gold)
	}
	return b.String()
}

// TestExtractionQuality scores the extractor on the evaluation sets and prints one table per
// split. It fails below entity F1 0.9 and event F1 0.6 over the first set's ten articles
// and below the floors of qualityFloors (every row of the first set's dev part, the second
// set's dev and held-out parts, the third to the seventeenth set). EXTRACT_MISSES=1 lists
// every miss of the first set, of the dev parts and of the fourth to fifteenth sets (opened
// for tuning on 2026-12-02 to 2026-12-06); EXTRACT_MISSES=heldout lists the misses of the
// held-out sets too (the second set's held-out part, the sixteenth and seventeenth sets: for
// whoever keeps them, never while changing rules).
func TestExtractionQuality(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(g)
	cases := loadEvalSet(t)
	// the groups printed, in order: first set (all, dev, heldout), second set (dev, heldout),
	// third set (dev), fourth to fifteenth set (heldout; all opened for tuning), sixteenth
	// and seventeenth sets (heldout)
	groups := []struct{ key, title string }{
		{"articles/all", "first set, all %d articles (testdata/articles; the floors apply here)"},
		{"articles/dev", "first set, dev (%d articles, the rules were tuned on these)"},
		{"articles/heldout", "first set, held out (%d articles, not looked at while tuning)"},
		{"dev/dev", "second set, dev (%d articles, testdata/dev: tune on these)"},
		{"heldout/heldout", "second set, held out (%d articles, testdata/heldout: scores only)"},
		{"dev2/dev", "third set, dev (%d articles, testdata/dev2: tune on these)"},
		{"heldout2/heldout", "fourth set (%d articles, testdata/heldout2: held out until its fresh scores, opened for tuning 2026-12-02)"},
		{"heldout3/heldout", "fifth set (%d articles, testdata/heldout3: held out until its fresh scores, opened for tuning 2026-12-02)"},
		{"heldout4/heldout", "sixth set (%d articles, testdata/heldout4: held out until its fresh scores, opened for tuning 2026-12-02)"},
		{"heldout5/heldout", "seventh set (%d articles, testdata/heldout5: held out until its fresh scores, opened for tuning 2026-12-02)"},
		{"heldout6/heldout", "eighth set (%d articles, testdata/heldout6: held out until its fresh scores, opened for tuning 2026-12-02)"},
		{"heldout7/heldout", "ninth set (%d articles, testdata/heldout7: held out until its fresh scores, opened for tuning 2026-12-03)"},
		{"heldout8/heldout", "tenth set (%d articles, testdata/heldout8: held out until its fresh scores and through the eighth and ninth sessions, opened for tuning 2026-12-03)"},
		{"heldout9/heldout", "eleventh set (%d articles, testdata/heldout9: held out until its fresh scores and through the ninth and tenth sessions, opened for tuning 2026-12-03)"},
		{"heldout10/heldout", "twelfth set (%d articles, testdata/heldout10: held out until its fresh scores and through the tenth and eleventh sessions, opened for tuning 2026-12-04)"},
		{"heldout11/heldout", "thirteenth set (%d articles, testdata/heldout11: held out until its fresh scores and through the tenth to twelfth sessions, opened for tuning 2026-12-04)"},
		{"heldout12/heldout", "fourteenth set (%d articles, testdata/heldout12: held out until its fresh scores and through the eleventh to thirteenth sessions, opened for tuning 2026-12-05)"},
		{"heldout13/heldout", "fifteenth set (%d articles, testdata/heldout13: held out until its fresh scores and through the twelfth to fourteenth sessions, opened for tuning 2026-12-06)"},
		{"heldout14/heldout", "sixteenth set, held out (%d articles, testdata/heldout14: fresh, never tuned on; scores only)"},
		{"heldout15/heldout", "seventeenth set, held out (%d articles, testdata/heldout15: fresh, never tuned on; scores only)"},
	}
	sums := map[string]map[string]prf{}
	n := map[string]int{}
	for _, gr := range groups {
		sums[gr.key] = map[string]prf{}
	}
	misses := os.Getenv("EXTRACT_MISSES")
	byType := map[string]eventTypes{}
	for _, c := range cases {
		res, err := x.Extract(c.file.Article)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if skip := unannotated[c.set]; skip != nil {
			kept := *res
			kept.Events = nil
			for _, ev := range res.Events {
				if !skip[ev.Type] {
					kept.Events = append(kept.Events, ev)
				}
			}
			res = &kept
		}
		got, miss, types := scoreByType(res, c.gold)
		keys := []string{c.set + "/" + c.split}
		if c.set == "articles" {
			keys = append(keys, "articles/all")
		}
		for _, k := range keys {
			if sums[k] == nil {
				t.Fatalf("%s: split %q is not dev or heldout", c.name, c.split)
			}
			n[k]++
			if byType[k] == nil {
				byType[k] = eventTypes{}
			}
			byType[k].add(types)
			for _, row := range scoreRows {
				s := sums[k][row]
				s.add(got[row])
				sums[k][row] = s
			}
		}
		if misses != "" && (!heldOutSet[c.set] || misses == "heldout") {
			sort.Strings(miss)
			t.Logf("%s/%s (%s, %s):\n  %s", c.set, c.name, c.style, c.split, strings.Join(miss, "\n  "))
		}
	}
	var b strings.Builder
	for _, gr := range groups {
		fmt.Fprintf(&b, "\n%s", table(fmt.Sprintf(gr.title, n[gr.key]), sums[gr.key]))
		if os.Getenv("EXTRACT_BYTYPE") != "" {
			fmt.Fprintf(&b, "\n%s", byTypeTable(fmt.Sprintf(gr.title, n[gr.key]), byType[gr.key]))
		}
	}
	t.Log(b.String())
	first := sums["articles/all"]
	if _, _, f := first["entities"].scores(); f < 0.9 {
		t.Errorf("first set: entity F1 %.2f < 0.9", f)
	}
	if _, _, f := first["events"].scores(); f < 0.6 {
		t.Errorf("first set: event F1 %.2f < 0.6", f)
	}
	for group, rows := range qualityFloors {
		for row, floor := range rows {
			if _, _, f := sums[group][row].scores(); f < floor {
				t.Errorf("%s: %s F1 %.3f < floor %.2f", group, row, f, floor)
			}
		}
	}
}

// qualityFloors: F1 per group and row below which the evaluation fails, about 0.02 below
// the figures of 2026-12-02 (issue 13, second round; the rows raised by the third round,
// which tuned on the second set's held-out part too, by the third session's clause rules,
// which tuned on the fourth set, by the fourth session's, which tuned on the fifth set,
// and by the fifth session's, which tuned on the sixth, about 0.02 below their figures;
// docs/extraction.md), so that a change that loses a fact or two on any split is seen. On
// the first set's dev part they are also at or above the figures before issue 13's rules,
// and on every dev split at or above the floors of the first round ("no dev figure lower
// than before").
var qualityFloors = map[string]map[string]float64{
	// (attribution: about 0.02 below the third round's figures, 2026-12-02)
	"articles/dev": {"entities": 0.96, "quantities": 0.96, "facts quantities": 0.96, "dates": 0.95,
		"events": 0.88, "events+target": 0.82, "event roles": 0.86, "attribution": 0.96},
	"dev/dev": {"entities": 0.96, "quantities": 0.98, "facts quantities": 0.98, "dates": 0.98,
		"events": 0.94, "events+target": 0.91, "event roles": 0.84, "attribution": 0.98},
	"heldout/heldout": {"entities": 0.96, "quantities": 0.95, "facts quantities": 0.95, "dates": 0.98,
		"events": 0.84, "events+target": 0.81, "event roles": 0.75, "attribution": 0.94},
	"dev2/dev": {"entities": 0.97, "quantities": 0.98, "facts quantities": 0.98, "dates": 0.98,
		"events": 0.93, "events+target": 0.90, "event roles": 0.80, "attribution": 0.96},
	// the fourth set: its first scores, recorded while it was fresh, were entities 0.90,
	// quantities 0.85, dates 0.91, events 0.56, events+target 0.43, event roles 0.47,
	// attribution 0.82 (2026-12-02); opened for tuning the same day (third session), its
	// floors are about 0.02 below the figures after that session's rules (docs/extraction.md)
	"heldout2/heldout": {"entities": 0.92, "quantities": 0.96, "facts quantities": 0.96, "dates": 0.95,
		"events": 0.88, "events+target": 0.84, "event roles": 0.79, "attribution": 0.93},
	// the fifth set: its fresh scores, recorded at 09a65c0 (before and after the third
	// session's clause rules), were entities 0.83, quantities 0.75, dates 0.97, events 0.44,
	// events+target 0.40, event roles 0.49, attribution 0.73; opened for tuning on
	// 2026-12-02 (fourth session), its floors about 0.02 below the figures after that
	// session's rules (tuning figures; docs/extraction.md)
	"heldout3/heldout": {"entities": 0.95, "quantities": 0.94, "facts quantities": 0.94, "dates": 0.95,
		"events": 0.84, "events+target": 0.78, "event roles": 0.76, "attribution": 0.91},
	// the sixth set: its fresh scores, recorded on 2026-12-02 at main 09a65c0 when it was wired
	// in, were entities 0.85, quantities 0.92, facts quantities 0.92, dates 0.95, events 0.49,
	// events+target 0.44, event roles 0.39, attribution 0.85 (and 0.87, 0.92, 0.92, 0.95, 0.55,
	// 0.49, 0.48, 0.86 after the fourth session's rules, still unseen); opened for tuning on
	// 2026-12-02 (fifth session), its floors are about 0.02 below the figures after that
	// session's rules (tuning figures; docs/extraction.md)
	"heldout4/heldout": {"entities": 0.96, "quantities": 0.96, "facts quantities": 0.96, "dates": 0.98,
		"events": 0.88, "events+target": 0.80, "event roles": 0.74, "attribution": 0.96},
	// the seventh set (fresh held-out), 0.02-0.03 below its first scores, recorded on 2026-12-02
	// at main 3a58906 when it was wired in: entities 0.83, quantities 0.77, facts quantities
	// 0.77, dates 0.79, events 0.54, events+target 0.49, event roles 0.45, attribution 0.58;
	// after the gold review of 2026-12-02 (texts and conventions only, no output looked at):
	// entities 0.83, quantities 0.77, dates 0.81, events 0.56, events+target 0.52, event roles
	// 0.47, attribution 0.61. Raised at the end of the fifth session (2026-12-02, after the
	// tune6 and recall7 merges: entities 0.85, dates 0.84, events 0.61, events+target 0.57,
	// event roles 0.52, attribution 0.64) to about 0.02 below those figures, so that the
	// gains on fresh text cannot be lost unnoticed. The recall7 work read this set's
	// aggregate scores (never its texts or misses): see docs/extraction.md.
	// Opened for tuning in the sixth session (2026-12-02): its floors are now about 0.02
	// below the figures after that session's rules (tuning figures: entities 0.96,
	// quantities 0.99, dates 0.98, events 0.80, events+target 0.74, event roles 0.73,
	// attribution 0.92).
	// (raised in the eleventh session to about 0.02 below 0.85, 0.78, 0.76, 0.95)
	"heldout5/heldout": {"entities": 0.94, "quantities": 0.97, "facts quantities": 0.97, "dates": 0.96,
		"events": 0.83, "events+target": 0.76, "event roles": 0.74, "attribution": 0.93},
	// the eighth set: fresh at main 8bfac2e when it was wired in (entities 0.84, quantities
	// 0.89, facts quantities 0.89, dates 0.87, events 0.46, events+target 0.39, event roles
	// 0.44, attribution 0.72). Opened for tuning in the seventh session (2026-12-02): its
	// floors are now about 0.02 below its tuning figures at f34cdf7 (0.92, 0.95, 0.95, 0.87,
	// 0.80, 0.58, 0.66, 0.87).
	// Raised in the ninth session to about 0.02 below its figures then (events 0.86,
	// events+target 0.63, event roles 0.69; the rest unchanged).
	// Raised in the tenth session to about 0.02 below its figures then (entities 0.94,
	// quantities 0.96, events 0.87, events+target 0.67, event roles 0.71, attribution 0.90).
	"heldout6/heldout": {"entities": 0.92, "quantities": 0.94, "facts quantities": 0.94, "dates": 0.85,
		"events": 0.85, "events+target": 0.65, "event roles": 0.69, "attribution": 0.88},
	// the ninth set: fresh at 425dd10 (0.79, 0.80, 0.80, 0.93, 0.51, 0.42, 0.41, 0.67) and,
	// held out through the seventh session's rules, at 62f6f48 (0.79, 0.84, 0.84, 0.93, 0.55,
	// 0.44, 0.47, 0.71). Opened for tuning in the eighth session (2026-12-03): floors about
	// 0.02 below its tuning figures at f34cdf7 (0.89, 0.90, 0.90, 0.93, 0.65, 0.51, 0.57, 0.76).
	// Raised in the ninth session (2026-12-03) to about 0.02 below its figures after that
	// session's rules (0.89, 0.90, 0.90, 0.93, 0.72, 0.58, 0.63, 0.82).
	// Raised in the tenth session to about 0.02 below its figures then (0.91, 0.91, 0.91, 0.93,
	// 0.74, 0.59, 0.65, 0.86).
	// (raised in the eleventh session to about 0.02 below 0.76, 0.62, 0.66)
	"heldout7/heldout": {"entities": 0.89, "quantities": 0.89, "facts quantities": 0.89, "dates": 0.91,
		"events": 0.74, "events+target": 0.60, "event roles": 0.64, "attribution": 0.84},
	// the tenth set (fresh held-out, written by a helper on 2026-12-03), about 0.02 below its
	// scores: fresh at 508b36a, before the eighth session's rules (entities 0.87, quantities
	// 0.89, facts quantities 0.89, dates 0.89, events 0.52, events+target 0.31, event roles
	// 0.41, attribution 0.81), and at f34cdf7 after them (entities 0.88, the rest unchanged)
	// After the ninth session's rules (never tuned on it): events 0.54, events+target 0.34,
	// event roles 0.44, the rest unchanged; floors raised to about 0.02 below.
	// Opened for tuning in the tenth session (2026-12-03): floors about 0.02 below its tuning
	// figures after that session's rules (0.91, 0.91, 0.91, 0.89, 0.77, 0.54, 0.68, 0.84).
	// (raised in the eleventh session to about 0.02 below 0.93, 0.69, 0.85)
	"heldout8/heldout": {"entities": 0.91, "quantities": 0.89, "facts quantities": 0.89, "dates": 0.87,
		"events": 0.75, "events+target": 0.52, "event roles": 0.67, "attribution": 0.83},
	// the eleventh set (fresh held-out, written by another helper on 2026-12-03 before any
	// rule saw it): fresh at cdf41d8, the eighth session's last commit (entities 0.79,
	// quantities 0.76, facts quantities 0.76, dates 0.88, events 0.48, events+target 0.33,
	// event roles 0.38, attribution 0.67), and after the ninth session's rules (events 0.46,
	// events+target 0.31, event roles 0.37, the rest unchanged); held out at ae6ebfa (0.80,
	// 0.76, 0.76, 0.88, 0.45, 0.31, 0.37, 0.67). Opened for tuning in the eleventh session
	// (2026-12-03): floors about 0.02 below its tuning figures after that session's rules
	// (0.92, 0.85, 0.85, 0.88, 0.78, 0.74, 0.74, 0.90).
	"heldout9/heldout": {"entities": 0.90, "quantities": 0.83, "facts quantities": 0.83, "dates": 0.86,
		"events": 0.76, "events+target": 0.72, "event roles": 0.72, "attribution": 0.88},
	// the twelfth set (fresh held-out, written by a third helper on 2026-12-03 before any
	// rule saw it): fresh at 722d269, the ninth session's last commit (entities 0.83,
	// quantities 0.75, facts quantities 0.75, dates 0.85, events 0.54, events+target 0.40,
	// event roles 0.49, attribution 0.67), and at 84aa3bd when it was wired in, after the
	// tenth session's first rules (entities 0.84, event roles 0.50, the rest unchanged);
	// held out at 54a4fe9 (0.87, 0.75, 0.75, 0.85, 0.56, 0.43, 0.53, 0.79). Opened for tuning
	// in the twelfth session (2026-12-04): floors about 0.02 below its tuning figures after
	// that session's rules (0.92, 0.75, 0.75, 0.85, 0.72, 0.57, 0.64, 0.88).
	"heldout10/heldout": {"entities": 0.90, "quantities": 0.73, "facts quantities": 0.73, "dates": 0.83,
		"events": 0.70, "events+target": 0.55, "event roles": 0.62, "attribution": 0.86},
	// the thirteenth set (fresh held-out, written by a fourth helper on 2026-12-03 before any
	// rule saw it): fresh at 722d269, the ninth session's last commit (entities 0.82,
	// quantities 0.79, facts quantities 0.79, dates 0.87, events 0.44, events+target 0.31,
	// event roles 0.40, attribution 0.66), and at a10d52b when it was wired in, after the
	// tenth session's rules (quantities 0.80, attribution 0.69, the rest unchanged); held out
	// at 0bc7adc (0.84, 0.80, 0.80, 0.87, 0.43, 0.30, 0.40, 0.82). Opened for tuning in the
	// thirteenth session (2026-12-04): floors about 0.02 below its tuning figures after that
	// session's rules (0.93, 0.90, 0.90, 0.94, 0.61, 0.41, 0.53, 0.87).
	"heldout11/heldout": {"entities": 0.91, "quantities": 0.88, "facts quantities": 0.88, "dates": 0.92,
		"events": 0.59, "events+target": 0.39, "event roles": 0.51, "attribution": 0.85},
	// the fourteenth set (fresh held-out, written by a fifth helper on 2026-12-03 before any
	// rule saw it): fresh at ae6ebfa, the tenth session's last commit (entities 0.84,
	// quantities 0.77, facts quantities 0.77, dates 0.89, events 0.38, events+target 0.31,
	// event roles 0.37, attribution 0.79), and at 667aedf when it was wired in, after the
	// eleventh session's first rules (entities 0.86, events 0.37, events+target 0.30, the rest
	// unchanged); floors about 0.02 below the lower. Held out through the thirteenth session,
	// at b280b15: 0.87, 0.78, 0.78, 0.92, 0.38, 0.32, 0.39, 0.80. Opened for tuning in the
	// fourteenth session (2026-12-05): floors about 0.02 below its tuning figures after that
	// session's rules (0.88, 0.93, 0.93, 0.92, 0.58, 0.50, 0.54, 0.81).
	"heldout12/heldout": {"entities": 0.86, "quantities": 0.91, "facts quantities": 0.91, "dates": 0.90,
		"events": 0.56, "events+target": 0.48, "event roles": 0.52, "attribution": 0.79},
	// the fifteenth set (fresh held-out, written by a sixth helper on 2026-12-04 before any
	// rule saw it): fresh at 32045bb, the twelfth session's last commit, and the same at
	// 54a4fe9, before that session's rules (entities 0.85, quantities 0.81, facts quantities
	// 0.81, dates 0.92, events 0.44, events+target 0.35, event roles 0.44, attribution 0.85).
	// Held out through the fourteenth session, at f948d27: 0.85, 0.84, 0.84, 0.96, 0.43, 0.34,
	// 0.43, 0.85. Opened for tuning in the fifteenth session (2026-12-06): floors about 0.02
	// below its tuning figures after that session's rules (0.92, 0.89, 0.89, 0.97, 0.76, 0.72,
	// 0.72, 0.90).
	"heldout13/heldout": {"entities": 0.90, "quantities": 0.87, "facts quantities": 0.87, "dates": 0.95,
		"events": 0.74, "events+target": 0.70, "event roles": 0.70, "attribution": 0.88},
	// the sixteenth set (fresh held-out, written by a seventh helper on 2026-12-04 before any
	// rule saw it): fresh at 0bc7adc, before the thirteenth session's rules (entities 0.89,
	// quantities 0.77, facts quantities 0.77, dates 0.85, events 0.56, events+target 0.44,
	// event roles 0.50, attribution 0.85), and at 5d830fc when it was wired in, after that
	// session's first rules (entities 0.88, events+target 0.45, event roles 0.51, the rest
	// unchanged); floors about 0.02 below the lower.
	"heldout14/heldout": {"entities": 0.86, "quantities": 0.75, "facts quantities": 0.75, "dates": 0.83,
		"events": 0.54, "events+target": 0.42, "event roles": 0.48, "attribution": 0.83},
	// the seventeenth set (fresh held-out, written by an eighth and a ninth helper on
	// 2026-12-05 before any rule saw it): fresh at ce7a9c3, when it was wired in after the
	// fourteenth session's rules (entities 0.88, quantities 0.83, facts quantities 0.83,
	// dates 0.94, events 0.40, events+target 0.35, event roles 0.38, attribution 0.87);
	// floors about 0.02 below.
	"heldout15/heldout": {"entities": 0.86, "quantities": 0.81, "facts quantities": 0.81, "dates": 0.92,
		"events": 0.38, "events+target": 0.33, "event roles": 0.36, "attribution": 0.85},
}

// TestDebugArticle prints what the extractor reads from one file: EXTRACT_DEBUG=path.
func TestDebugArticle(t *testing.T) {
	p := os.Getenv("EXTRACT_DEBUG")
	if p == "" {
		return
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	af, err := ReadArticle(f, p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(g).Extract(af.Article)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Sentences {
		t.Logf("[%d] %s", s.Index, s.Text)
		for _, m := range res.Mentions {
			if m.Sentence == s.Index {
				t.Logf("    mention %-28s %-22q %s", m.Entity, m.Text, m.Rule)
			}
		}
		for _, a := range res.Attributions {
			if a.Sentence == s.Index {
				t.Logf("    attrib  %s %q %s", a.Name, a.Text, a.Rule)
			}
		}
		for _, e := range res.Events {
			if *e.Evidence[0].Start == s.Start {
				t.Logf("    event   %s %v %s %s", e.Type, e.Roles, e.Modality, e.Evidence[0].Rule)
			}
		}
	}
}

// The events-by-type counts: each gold event is right (type and agent), found with another
// agent (an event of its type holds its quote), or not found; unmatched events are extras.
func TestEventsByTypeCounts(t *testing.T) {
	ev := func(typ, agent, quote string) factgraph.Event {
		return factgraph.Event{Type: typ, Roles: []factgraph.Role{{Role: factgraph.RoleAgent, Entity: agent}},
			Evidence: []factgraph.Evidence{{Article: "article:x", Quote: quote}}}
	}
	res := &Result{Entities: []factgraph.Entity{{ID: "country:RUS", Name: "Russia"}, {ID: "country:UKR", Name: "Ukraine"}, {ID: "country:IRN", Name: "Iran"}}, Events: []factgraph.Event{
		ev("STRIKE", "country:RUS", "Russia struck the port on Monday."),
		ev("STRIKE", "country:UKR", "Ukraine said Russia struck the depot."),
		ev("SUPPLY", "country:IRN", "Iran sent drones."),
	}}
	g := gold{Entities: []goldEntity{{ID: "country:RUS", Name: "Russia"}, {ID: "country:UKR", Name: "Ukraine"}, {ID: "country:IRN", Name: "Iran"}}, Events: []goldEvent{
		{Type: "STRIKE", Quote: "Russia struck the port", Roles: []goldRole{{Role: factgraph.RoleAgent, Entity: "country:RUS"}}},
		{Type: "STRIKE", Quote: "Russia struck the depot", Roles: []goldRole{{Role: factgraph.RoleAgent, Entity: "country:RUS"}}},
		{Type: "DENIAL", Quote: "Tehran denied it", Roles: []goldRole{{Role: factgraph.RoleAgent, Entity: "country:IRN"}}},
	}}
	_, _, types := scoreByType(res, g)
	want := map[string]typeCounts{
		"STRIKE": {gold: 2, right: 1, wrongAgent: 1, extra: 1},
		"DENIAL": {gold: 1, notFound: 1},
		"SUPPLY": {extra: 1},
	}
	for typ, w := range want {
		if got := types[typ]; got == nil || *got != w {
			t.Errorf("%s: got %+v, want %+v", typ, got, w)
		}
	}
	events := 0
	for k := range types {
		if !strings.HasPrefix(k, entityKey) {
			events++
		}
	}
	if events != len(want) {
		t.Errorf("types %v, want only %v", types, want)
	}
	// the entities by kind: the three gazetteer entities of the gold, all found
	if got := types[entityRow("", false)]; got == nil || *got != (typeCounts{gold: 3, right: 3}) {
		t.Errorf("entities: got %+v, want 3 of 3", got)
	}
	tbl := byTypeTable("a set", types)
	for _, line := range []string{"| STRIKE | 2 | 1 | 1 | 0 | 1 |", "| DENIAL | 1 | 0 | 0 | 1 | 0 |", "| all | 3 | 1 | 1 | 1 | 2 |", "| gazetteer, any kind | 3 | 3 | 0 | 0 |"} {
		if !strings.Contains(tbl, line) {
			t.Errorf("table lacks %q:\n%s", line, tbl)
		}
	}
}
