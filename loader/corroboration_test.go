package loader_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// Four articles state the same relation and the same event, each its own way: another
// confidence, modality, time and quantity; two records bring the same article and quote
// with different confidences. Loaded in every one of the 24 orders, the graph is the same,
// and its values are those of the documented rule.
var corroborationFiles = []string{
	`{"article": {"id": "article:c1", "title": "One", "publishedAt": "2025-03-01"}}
{"entity": {"id": "country:AAA", "kind": "Country", "name": "Aland"}}
{"entity": {"id": "country:BBB", "kind": "Country", "name": "Borduria"}}
{"relation": {"type": "SUPPLIES", "from": "country:AAA", "to": "country:BBB", "confidence": 0.6, "modality": "alleged",
  "time": {"value": "2025-02", "precision": "month"}, "evidence": [{"article": "article:c1", "quote": "Shells went east."}]}}
{"event": {"id": "event:talks", "type": "TALKS", "label": "Talks in spring", "confidence": 0.5, "modality": "planned",
  "roles": [{"role": "PARTICIPANT", "entity": "country:AAA"}], "evidence": [{"article": "article:c1", "quote": "Talks are planned."}]}}`,
	`{"article": {"id": "article:c2", "title": "Two", "publishedAt": "2025-04-01"}}
{"entity": {"id": "country:AAA", "kind": "Country", "name": "Aland"}}
{"entity": {"id": "country:BBB", "kind": "Country", "name": "Borduria"}}
{"relation": {"type": "SUPPLIES", "from": "country:AAA", "to": "country:BBB", "confidence": 0.7, "modality": "reported",
  "quantities": [{"value": 100, "unit": "shells"}], "evidence": [{"article": "article:c2", "quote": "Supplies confirmed."}]}}
{"event": {"id": "event:talks", "type": "TALKS", "label": "Talks held", "confidence": 0.9,
  "roles": [{"role": "PARTICIPANT", "entity": "country:BBB"}], "evidence": [{"article": "article:c2", "quote": "The talks took place."}]}}`,
	`{"article": {"id": "article:c3", "title": "Three", "publishedAt": "2025-01-15"}}
{"entity": {"id": "country:AAA", "kind": "Country", "name": "Aland"}}
{"entity": {"id": "country:BBB", "kind": "Country", "name": "Borduria"}}
{"relation": {"type": "SUPPLIES", "from": "country:AAA", "to": "country:BBB", "confidence": 0.8, "modality": "denied",
  "evidence": [{"article": "article:c3", "quote": "No shells were sent, officials said."}]}}
{"relation": {"type": "SUPPLIES", "from": "country:AAA", "to": "country:BBB", "confidence": 0.55, "modality": "estimated",
  "evidence": [{"article": "article:c3", "quote": "No shells were sent, officials said.", "start": 0, "end": 10}]}}`,
	`{"article": {"id": "article:c4", "title": "Four", "publishedAt": "2025-05-20"}}
{"article": {"id": "article:c1", "title": "One", "publishedAt": "2025-03-01"}}
{"article": {"id": "article:c2", "title": "Two", "publishedAt": "2025-04-01"}}
{"entity": {"id": "country:AAA", "kind": "Country", "name": "Aland"}}
{"entity": {"id": "country:BBB", "kind": "Country", "name": "Borduria"}}
{"relation": {"type": "SUPPLIES", "from": "country:AAA", "to": "country:BBB", "confidence": 0.9, "modality": "estimated",
  "time": {"value": "2025-Q2", "precision": "quarter"}, "quantities": [{"value": 5000, "unit": "shells", "approx": true}],
  "evidence": [{"article": "article:c4", "quote": "About 5,000 shells a month."}, {"article": "article:c1", "quote": "Shells went east."}]}}
{"event": {"id": "event:talks", "type": "TALKS", "label": "Talks held", "confidence": 0.9,
  "roles": [{"role": "PARTICIPANT", "entity": "country:BBB"}], "evidence": [{"article": "article:c2", "quote": "The talks took place."}]}}`,
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// loadString loads NDJSON text in which a line that starts with two spaces continues the
// line before it.
func loadString(t *testing.T, db *graph.DB, name, text string) loader.Summary {
	t.Helper()
	text = strings.ReplaceAll(text, "\n  ", " ")
	sum, err := (&loader.Loader{Writer: db}).LoadReader(context.Background(), name, strings.NewReader(text), loader.FormatNDJSON)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return sum
}

func TestCorroborationIsTheSameInEveryOrder(t *testing.T) {
	db := graphtest.Open(t)
	var want string
	orders := permutations(len(corroborationFiles))
	if len(orders) != 24 {
		t.Fatalf("%d orders", len(orders))
	}
	for n, order := range orders {
		graphtest.Wipe(t, db)
		for _, i := range order {
			loadString(t, db, fmt.Sprintf("c%d.ndjson", i+1), corroborationFiles[i])
		}
		sum := graphtest.Checksum(t, db)
		if n == 0 {
			want = sum
			checkCorroboratedValues(t, db)
		} else if sum != want {
			t.Errorf("order %v: the graph differs from order %v", order, orders[0])
			checkCorroboratedValues(t, db)
		}
	}
}

// checkCorroboratedValues checks the rule of docs/facts.md on the four files.
func checkCorroboratedValues(t *testing.T, db *graph.DB) {
	t.Helper()
	ctx := context.Background()
	res, err := neo4j.ExecuteQuery(ctx, db.Driver(), `
		MATCH (:Entity {id: 'country:AAA'})-[e:SUPPLIES]->(:Entity {id: 'country:BBB'})
		MATCH (ev:Event {id: 'event:talks'})
		RETURN e.sourceCount AS n, e.confidence AS c, e.modality AS m, e.time AS time, e.qValues AS q,
		       toString(e.firstSeen) AS first, toString(e.lastSeen) AS last,
		       COLLECT { MATCH (:Article {id: 'article:c3'})-[s:STATES]->() RETURN [s.confidence, s.modality, s.start] } AS c3,
		       ev.confidence AS evc, ev.modality AS evm, ev.label AS label, COUNT { (ev)-[:PARTICIPANT]->() } AS roles`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.Database()))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("%d rows", len(res.Records))
	}
	got := res.Records[0].AsMap()
	// Articles: c1 0.9 (its quote also brought by the 0.9 record of c4), c2 0.7, c3 0.8
	// (the 0.8 record beats the 0.55 one on the same quote), c4 0.9.
	wantConf := graph.CombineConfidence([]float64{0.9, 0.7, 0.8, 0.9})
	if wantConf != 0.9994 {
		t.Errorf("CombineConfidence = %v, want 0.9994", wantConf)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"sourceCount", got["n"], int64(4)},
		{"confidence", got["c"], wantConf},
		{"modality (the most certain)", got["m"], "reported"},
		// The lead record is the greatest by confidence, certainty, hash: the 0.9 estimated one.
		{"time (of the lead record)", got["time"], "2025-Q2"},
		{"quantities (of the lead record)", fmt.Sprint(got["q"]), "[5000]"},
		{"firstSeen", got["first"], "2025-01-15"},
		{"lastSeen", got["last"], "2025-05-20"},
		{"evidence of c3 (the greater record)", fmt.Sprint(got["c3"]), "[[0.8 denied <nil>]]"},
		{"event confidence", got["evc"], graph.CombineConfidence([]float64{0.5, 0.9})},
		{"event modality", got["evm"], "reported"},
		{"event label (of the lead record)", got["label"], "Talks held"},
		{"event roles (accumulated)", got["roles"], int64(2)},
	}
	for _, c := range checks {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestCombineConfidence(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{0.8}, 0.8},
		{[]float64{0.6, 0.9}, 0.96},
		{[]float64{0.9, 0.6}, 0.96},
		{[]float64{1, 0.5}, 1},
		{[]float64{0}, 0},
		{[]float64{0.1234567}, 0.123457},
	} {
		if got := graph.CombineConfidence(c.in); got != c.want {
			t.Errorf("CombineConfidence(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	// The same bits in any order.
	cs := []float64{0.51, 0.73, 0.66, 0.99, 0.58, 0.61, 0.8, 0.52}
	want := graph.CombineConfidence(cs)
	for _, p := range permutations(len(cs)) {
		q := make([]float64, len(cs))
		for i, j := range p {
			q[i] = cs[j]
		}
		if got := graph.CombineConfidence(q); got != want {
			t.Fatalf("order %v: %v, want %v", p, got, want)
		}
	}
}

// genFile writes a synthetic fact file and returns its path and lines.
func genFile(t *testing.T, facts int, seed int64) (string, []string) {
	t.Helper()
	var data bytes.Buffer
	if _, err := synth.Generate(&data, synth.Options{Facts: facts, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "facts.ndjson")
	if err := os.WriteFile(file, data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, strings.Split(strings.TrimSpace(data.String()), "\n")
}

// The same generated file loaded ten times gives the graph of one load; every load after
// the first changes nothing.
func TestLoadTenTimesEqualsOnce(t *testing.T) {
	file, _ := genFile(t, 3000, 11)
	db := graphtest.Open(t)
	mustLoadFile(t, db, file)
	want := graphtest.Checksum(t, db)
	for i := 2; i <= 10; i++ {
		sum := mustLoadFile(t, db, file)
		if sum.Created+sum.Updated != 0 || sum.Nodes+sum.Rels != 0 {
			t.Errorf("load %d: %+v; want nothing created or updated", i, sum)
		}
	}
	if got := graphtest.Checksum(t, db); got != want {
		t.Error("the graph after ten loads differs from the graph after one")
	}
}

// Two overlapping files, loaded one after the other in both orders, and at the same time
// (twice), give the graph of one clean load of their union.
func TestOverlappingLoadsInAnyOrderAndConcurrently(t *testing.T) {
	_, lines := genFile(t, 6000, 5)
	// Declarations (articles, entities) in both files; relations and events split so that
	// the middle third is in both.
	var decl, facts []string
	for _, l := range lines {
		if strings.HasPrefix(l, `{"article"`) || strings.HasPrefix(l, `{"entity"`) {
			decl = append(decl, l)
		} else {
			facts = append(facts, l)
		}
	}
	third := len(facts) / 3
	dir := t.TempDir()
	write := func(name string, parts ...[]string) string {
		var all []string
		for _, p := range parts {
			all = append(all, p...)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(strings.Join(all, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	union := write("union.ndjson", decl, facts)
	a := write("a.ndjson", decl, facts[:2*third])
	b := write("b.ndjson", decl, facts[third:])

	db := graphtest.Open(t)
	mustLoadFile(t, db, union)
	want := graphtest.Checksum(t, db)

	for _, order := range [][]string{{a, b}, {b, a}} {
		graphtest.Wipe(t, db)
		for _, f := range order {
			mustLoadFile(t, db, f)
		}
		if got := graphtest.Checksum(t, db); got != want {
			t.Errorf("%s then %s: the graph differs from one load of their union", filepath.Base(order[0]), filepath.Base(order[1]))
		}
	}
	for round := range 2 {
		graphtest.Wipe(t, db)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, f := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Small batches and two writers each: many transactions interleave.
				l := &loader.Loader{Writer: db, Options: loader.Options{BatchSize: 200, Parallelism: 2}}
				_, errs[i] = l.LoadFile(context.Background(), f, "")
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("concurrent load: %v", err)
			}
		}
		if got := graphtest.Checksum(t, db); got != want {
			t.Errorf("round %d: a and b loaded at the same time: the graph differs from one load of their union", round+1)
		}
	}
}
