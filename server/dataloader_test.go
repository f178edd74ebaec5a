package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// A page of entities with their neighbourhoods, relations, timelines and the entities at
// the far end of each relation costs the same number of Neo4j reads for 5 entities as for
// 50: the page's plan is one statement with the relations and timelines of every row, in
// one read transaction with the neighbourhoods' levels for all the rows.
func TestPageOfEntitiesKeepsQueriesConstant(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	var data bytes.Buffer
	if _, err := synth.Generate(&data, synth.Options{Facts: 3000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := (&loader.Loader{Writer: f.DB}).LoadReader(context.Background(), "synth.ndjson", &data, loader.FormatNDJSON); err != nil {
		t.Fatal(err)
	}
	const query = `query($n: Int!) { entities(first: $n) { edges { node {
		id name degree
		neighborhood(depth: 1, limit: 5) { nodes { distance node { ... on Entity { id } ... on Event { id } } } edges { type } }
		relations(first: 3) { type sourceCount to { id name } }
		timeline(first: 2) { id roles { role entity { name } } }
	} } } }`
	cost := func(n int) int64 {
		t.Helper()
		before := f.calls.Load()
		r := f.do(t, request{Query: query, Variables: map[string]any{"n": n}})
		if len(r.Errors) > 0 {
			t.Fatalf("first %d: %s", n, r.Raw)
		}
		var got struct {
			Entities struct{ Edges []json.RawMessage }
		}
		if err := json.Unmarshal(r.Data, &got); err != nil || len(got.Entities.Edges) != n {
			t.Fatalf("first %d: got %d entities (%v)", n, len(got.Entities.Edges), err)
		}
		return f.calls.Load() - before
	}
	// The page with its relations (their ends) and timelines (their roles' entities) in one
	// statement, then the neighbourhoods level by level, in one transaction: 1, whether the
	// page holds 5 entities or 50 (without planning or batching, 50 would cost over 150).
	for _, n := range []int{5, 20, 50} {
		if c := cost(n); c != 1 {
			t.Errorf("Neo4j transactions for %d entities = %d, want 1", n, c)
		}
	}
}

// Arguments beyond the traversal limits are refused with LIMIT_EXCEEDED before any Neo4j
// transaction: the domain validates each query before the graph adapter runs it.
func TestArgumentLimitsRefuseBeforeNeo4j(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	for name, query := range map[string]string{
		"maxHops 50":         `{ shortestPath(from: "country:PRK", to: "country:UKR", maxHops: 50) { length } }`,
		"paths first 51":     `{ paths(from: "country:PRK", to: "country:UKR", first: 51) { length } }`,
		"depth 20":           `{ neighbors(id: "country:PRK", depth: 20) { nodes { distance } } }`,
		"search first 101":   `{ search(text: "Korea", first: 101) { score } }`,
		"entities first 101": `{ entities(first: 101) { totalCount } }`,
		"connections 1 id":   `{ connections(ids: ["country:PRK"]) { nodes { distance } } }`,
		"supply maxHops 9":   `{ supplyChain(recipient: "country:RUS", maxHops: 9) { paths { length } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			before := f.calls.Load()
			got := f.do(t, request{Query: query})
			if codes := got.codes(); len(codes) != 1 || codes[0] != "LIMIT_EXCEEDED" {
				t.Fatalf("codes %v, want [LIMIT_EXCEEDED]: %s", codes, got.Raw)
			}
			if calls := f.calls.Load() - before; calls != 0 {
				t.Errorf("Neo4j ran %d transactions for a refused query, want 0", calls)
			}
		})
	}
}

// Many aliased traversals in one request cost what their searches cost: refused by the
// complexity budget before any Neo4j transaction.
func TestAliasedTraversalsAreRefused(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	var ids []string
	for i := 0; i < 20; i++ {
		ids = append(ids, fmt.Sprintf("%q", fmt.Sprintf("country:C%04d", i)))
	}
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, " c%d: connections(ids: [%s], maxHops: 4) { edges { type } }", i, strings.Join(ids, ", "))
	}
	b.WriteString(" }")
	before := f.calls.Load()
	got := f.do(t, request{Query: b.String()})
	if codes := got.codes(); len(codes) != 1 || codes[0] != "LIMIT_EXCEEDED" {
		t.Fatalf("codes %v, want [LIMIT_EXCEEDED]: %.300s", codes, got.Raw)
	}
	if calls := f.calls.Load() - before; calls != 0 {
		t.Errorf("Neo4j ran %d transactions for a refused query, want 0", calls)
	}
}
