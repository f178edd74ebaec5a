package synth_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/bench/synth"
)

func generate(t testing.TB, facts int, seed int64) ([]byte, synth.Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := synth.Generate(&buf, synth.Options{Facts: facts, Seed: seed})
	if err != nil {
		t.Fatalf("Generate(%d, %d): %v", facts, seed, err)
	}
	return buf.Bytes(), st
}

func TestDeterministic(t *testing.T) {
	a, _ := generate(t, 20_000, 42)
	b, _ := generate(t, 20_000, 42)
	if !bytes.Equal(a, b) {
		t.Fatal("same options gave different output")
	}
	c, _ := generate(t, 20_000, 43)
	if bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same output")
	}
}

// parsed is a decoded output with what the checks need.
type parsed struct {
	counts     synth.Stats
	articles   map[string]bool
	entities   map[string]*factgraph.Entity
	events     map[string]bool
	relations  []factgraph.Relation
	eventRoles [][]factgraph.Role
	evidence   []factgraph.Evidence
}

// parse decodes every line strictly, checks it has exactly one known key, that it passes
// Validate, that it re-marshals to the very same bytes, and that ids are unique.
func parse(t *testing.T, out []byte) *parsed {
	t.Helper()
	p := &parsed{articles: map[string]bool{}, entities: map[string]*factgraph.Entity{}, events: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	strict := func(raw []byte, v any) error {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		return d.Decode(v)
	}
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(line, &obj); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if len(obj) != 1 {
			t.Fatalf("line %d: want exactly one key, got %d: %s", n, len(obj), line)
		}
		var (
			rec any
			err error
		)
		for key, raw := range obj {
			switch key {
			case "article":
				var a factgraph.Article
				if err = strict(raw, &a); err == nil {
					err = a.Validate()
				}
				if p.articles[a.ID] {
					t.Fatalf("line %d: duplicate article %s", n, a.ID)
				}
				p.articles[a.ID] = true
				p.counts.Articles++
				rec = &a
			case "entity":
				var e factgraph.Entity
				if err = strict(raw, &e); err == nil {
					err = e.Validate()
				}
				if p.entities[e.ID] != nil {
					t.Fatalf("line %d: duplicate entity %s", n, e.ID)
				}
				p.entities[e.ID] = &e
				p.counts.Entities++
				rec = &e
			case "relation":
				var r factgraph.Relation
				if err = strict(raw, &r); err == nil {
					err = r.Validate()
				}
				p.relations = append(p.relations, r)
				p.evidence = append(p.evidence, r.Evidence...)
				p.counts.Relations++
				rec = &r
			case "event":
				var e factgraph.Event
				if err = strict(raw, &e); err == nil {
					err = e.Validate()
				}
				if p.events[e.ID] {
					t.Fatalf("line %d: duplicate event %s", n, e.ID)
				}
				p.events[e.ID] = true
				p.eventRoles = append(p.eventRoles, e.Roles)
				p.evidence = append(p.evidence, e.Evidence...)
				p.counts.Events++
				rec = &e
			default:
				t.Fatalf("line %d: unknown key %q", n, key)
			}
			if err != nil {
				t.Fatalf("line %d: %v: %s", n, err, line)
			}
			again, err := json.Marshal(map[string]any{key: rec})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, line) {
				t.Fatalf("line %d is not the domain type's marshalling:\n got %s\nwant %s", n, line, again)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRecords(t *testing.T) {
	const facts = 50_000
	out, st := generate(t, facts, 7)
	p := parse(t, out)

	if p.counts != st {
		t.Errorf("returned %+v, wrote %+v", st, p.counts)
	}
	if st.Total() != facts {
		t.Errorf("counts %+v sum to %d, want %d", st, st.Total(), facts)
	}
	if lines := bytes.Count(out, []byte("\n")); lines != facts {
		t.Errorf("%d lines, want %d", lines, facts)
	}
	plan, _ := synth.Plan(synth.Options{Facts: facts})
	if plan != st {
		t.Errorf("Plan %+v, Generate %+v", plan, st)
	}

	// References resolve.
	for i, r := range p.relations {
		if p.entities[r.From] == nil || p.entities[r.To] == nil {
			t.Fatalf("relation %d refers to an undeclared entity: %s -> %s", i, r.From, r.To)
		}
	}
	for i, roles := range p.eventRoles {
		seen := map[string]bool{}
		if len(roles) < 2 || len(roles) > 5 || roles[0].Role != factgraph.RoleAgent {
			t.Fatalf("event %d: roles %v", i, roles)
		}
		for _, r := range roles {
			if p.entities[r.Entity] == nil {
				t.Fatalf("event %d refers to an undeclared entity %s", i, r.Entity)
			}
			if seen[r.Entity] {
				t.Fatalf("event %d names %s twice", i, r.Entity)
			}
			seen[r.Entity] = true
		}
	}
	cited := map[string]bool{}
	for _, ev := range p.evidence {
		if !p.articles[ev.Article] {
			t.Fatalf("evidence cites undeclared article %s", ev.Article)
		}
		cited[ev.Article] = true
	}
	if len(cited) != len(p.articles) {
		t.Errorf("%d of %d articles cited", len(cited), len(p.articles))
	}

	// Popularity is skewed: the top 1% of entities take more than 20% of the mentions.
	mentions := map[string]int{}
	for _, r := range p.relations {
		mentions[r.From]++
		mentions[r.To]++
	}
	for _, roles := range p.eventRoles {
		for _, r := range roles {
			mentions[r.Entity]++
		}
	}
	counts := make([]int, 0, len(p.entities))
	total := 0
	for id := range p.entities {
		counts = append(counts, mentions[id])
		total += mentions[id]
	}
	slices.Sort(counts)
	slices.Reverse(counts)
	top := 0
	for _, c := range counts[:len(counts)/100] {
		top += c
	}
	share := float64(top) / float64(total)
	rare := 0
	for _, c := range counts {
		if c <= 2 {
			rare++
		}
	}
	t.Logf("top 1%% of entities: %.0f%% of %d mentions; %d of %d entities mentioned at most twice; least mentioned %d",
		100*share, total, rare, len(counts), counts[len(counts)-1])
	if share < 0.20 {
		t.Errorf("top 1%% of entities take only %.0f%% of mentions", 100*share)
	}
	if counts[len(counts)-1] == 0 {
		t.Errorf("some entities are never mentioned")
	}

	// Several sources per fact.
	triples := map[string]int{}
	for _, r := range p.relations {
		triples[r.ID()]++
	}
	multi, maxSources := 0, 0
	for _, n := range triples {
		if n > 1 {
			multi++
		}
		maxSources = max(maxSources, n)
	}
	repeat := 1 - float64(len(triples))/float64(len(p.relations))
	t.Logf("%d relations, %d distinct triples (%.0f%% restate one), %d with several sources, max %d",
		len(p.relations), len(triples), 100*repeat, multi, maxSources)
	if repeat < 0.10 || multi < 100 || maxSources < 5 {
		t.Errorf("too few repeated triples: %.0f%%, %d multi-source, max %d", 100*repeat, multi, maxSources)
	}

	// Shape: kinds, leaders, aliases that normalisation folds and that it does not.
	kinds := map[string]int{}
	folded, other := 0, 0
	for _, e := range p.entities {
		kinds[e.Kind]++
		for _, a := range e.Aliases {
			if factgraph.NormalizeName(a) == factgraph.NormalizeName(e.Name) {
				folded++
			} else {
				other++
			}
		}
	}
	for _, k := range factgraph.EntityKinds {
		if kinds[k] == 0 {
			t.Errorf("no %s entities", k)
		}
	}
	if kinds[factgraph.KindCountry] > 250 {
		t.Errorf("%d countries", kinds[factgraph.KindCountry])
	}
	if folded == 0 || other == 0 {
		t.Errorf("aliases: %d fold to the name, %d do not", folded, other)
	}
	if c := p.entities["country:C0001"]; c == nil || c.Keys["iso3166_alpha3"] == "" || c.Keys["iso3166_alpha2"] == "" {
		t.Errorf("country:C0001 = %+v", c)
	}
	leads := 0
	for _, r := range p.relations {
		if r.Type == "LEADS" && r.From == "person:p000001" && r.To == "country:C0001" {
			leads++
		}
	}
	if leads < 2 {
		t.Errorf("the top leader LEADS the top country in %d records", leads)
	}
}

func TestUniqueCountryCodes(t *testing.T) {
	out, _ := generate(t, 10_000, 3)
	p := parse(t, out)
	seen := map[string]string{}
	for _, e := range p.entities {
		if e.Kind != factgraph.KindCountry {
			continue
		}
		for _, k := range []string{"iso3166_alpha2", "iso3166_alpha3", "iso3166_numeric"} {
			v := k + "=" + e.Keys[k]
			if prev, dup := seen[v]; dup {
				t.Errorf("%s and %s share %s", prev, e.ID, v)
			}
			seen[v] = e.ID
		}
		if seen["name="+strings.ToLower(e.Name)] != "" {
			t.Errorf("country name %q twice", e.Name)
		}
		seen["name="+strings.ToLower(e.Name)] = e.ID
	}
}

func TestTinySizes(t *testing.T) {
	for facts := 5; facts <= 60; facts++ {
		out, st := generate(t, facts, int64(facts))
		p := parse(t, out)
		if p.counts != st || st.Total() != facts {
			t.Fatalf("Facts=%d: returned %+v, wrote %+v", facts, st, p.counts)
		}
		if st.Articles < 1 || st.Entities < 2 || st.Relations < 1 || st.Events < 1 {
			t.Fatalf("Facts=%d: %+v", facts, st)
		}
		for _, r := range p.relations {
			if p.entities[r.From] == nil || p.entities[r.To] == nil {
				t.Fatalf("Facts=%d: dangling relation %s", facts, r.ID())
			}
		}
	}
	for _, facts := range []int{-1, 0, 4} {
		if _, err := synth.Generate(io.Discard, synth.Options{Facts: facts}); err == nil {
			t.Errorf("Facts=%d: no error", facts)
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	_, err := synth.Generate(&failWriter{n: 1 << 20}, synth.Options{Facts: 100_000, Seed: 1})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want disk full", err)
	}
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func BenchmarkGenerate(b *testing.B) {
	const facts = 100_000
	var cw countWriter
	for b.Loop() {
		if _, err := synth.Generate(&cw, synth.Options{Facts: facts, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(facts)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(cw.n)/float64(b.N)/facts, "bytes/record")
}
