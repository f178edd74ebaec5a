package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
)

// pathKey prints a path as its node ids and its edges (type, from, to).
func pathKey(p factgraph.Path) string {
	var b strings.Builder
	for _, n := range p.Nodes {
		b.WriteString(n.NodeID() + " ")
	}
	for _, e := range p.Edges {
		fmt.Fprintf(&b, "| %s %s %s ", e.Type, e.From, e.To)
	}
	return b.String()
}

func pathKeys(ps []factgraph.Path) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = pathKey(p)
	}
	return out
}

// The bounded search answers what Cypher's SHORTEST k GROUPS with the ORDER BY of ids
// and types answers, ties included, for every pair of the sample's entities, with and
// without type and kind filters.
func TestPathsAgreeWithCypher(t *testing.T) {
	mustSample(t)
	ctx := context.Background()
	// The reference has no budget, and Paths falls back to it for longer paths: give both
	// time on a loaded machine.
	cfg := graphtest.Config(t)
	cfg.PathTimeout = 5 * time.Minute
	ref, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close(ctx)
	db := ref
	page, err := db.Entities(ctx, factgraph.EntityQuery{First: factgraph.MaxPageSize}, factgraph.EntityView{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range page.Entities {
		ids = append(ids, e.ID)
	}
	if len(ids) < 20 {
		t.Fatalf("sample has %d entities, want at least 20", len(ids))
	}
	variants := []factgraph.PathQuery{
		{MaxHops: 4, First: 1},
		{MaxHops: 6, First: 3},
		{MaxHops: 4, First: 5, RelationTypes: []string{"LEADS", "DEPLOYED_TROOPS_TO", "SUPPLIES", "AT_WAR_WITH", "SUPPORTS"}},
		{MaxHops: 4, First: 2, ExcludeKinds: []string{factgraph.KindCountry}},
	}
	compared, found := 0, 0
	for i := 0; i < len(ids); i++ {
		for j := i + 1; j < len(ids); j += 3 {
			for _, v := range variants {
				q := v
				q.From, q.To, q.NoEvidence = ids[i], ids[j], true
				got, err := db.Paths(ctx, q)
				if err != nil {
					t.Fatalf("Paths(%+v): %v", q, err)
				}
				want, err := ref.PathsByCypher(ctx, q)
				if err != nil {
					t.Fatalf("PathsByCypher(%+v): %v", q, err)
				}
				g, w := pathKeys(got), pathKeys(want)
				if strings.Join(g, "\n") != strings.Join(w, "\n") {
					t.Errorf("%s -> %s %+v:\n got  %q\n want %q", q.From, q.To, v, g, w)
				}
				compared++
				if len(got) > 0 {
					found++
				}
			}
		}
	}
	if found < compared/4 {
		t.Errorf("only %d of %d queries found a path: the comparison says little", found, compared)
	}
	t.Logf("%d queries compared, %d with paths", compared, found)
}

// A search that would expand more relationships than the budget stops with ELIMIT
// naming the budget, instead of running on.
func TestPathBudget(t *testing.T) {
	mustSample(t)
	cfg := graphtest.Config(t)
	cfg.PathBudget = 3
	ctx := context.Background()
	db, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	_, err = db.Paths(ctx, factgraph.PathQuery{From: "country:PRK", To: "country:UKR", MaxHops: 4, First: 1})
	if factgraph.ErrorCode(err) != factgraph.ELIMIT || !strings.Contains(err.Error(), "budget of 3 relationships") {
		t.Fatalf("Paths with a budget of 3: %v, want ELIMIT naming the budget", err)
	}
	_, err = db.Connections(ctx, []string{"country:PRK", "country:UKR", "country:RUS"}, 4)
	if factgraph.ErrorCode(err) != factgraph.ELIMIT || !strings.Contains(err.Error(), "budget of 3 relationships") {
		t.Fatalf("Connections with a budget of 3: %v, want ELIMIT naming the budget", err)
	}
	// The same requests within the default budget answer.
	full, err := graph.Open(ctx, graphtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close(ctx)
	if ps, err := full.Paths(ctx, factgraph.PathQuery{From: "country:PRK", To: "country:UKR", MaxHops: 4, First: 1}); err != nil || len(ps) != 1 {
		t.Fatalf("Paths with the default budget: %d paths, %v", len(ps), err)
	}
	if sg, err := full.Connections(ctx, []string{"country:PRK", "country:UKR", "country:RUS"}, 4); err != nil || len(sg.Edges) == 0 {
		t.Fatalf("Connections with the default budget: %v, %v", sg, err)
	}
}

// Connections by the bounded search equal what ALL SHORTEST gave, for groups of the
// sample's entities.
func TestConnectionsAgreeWithCypher(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	cfg := graphtest.Config(t)
	cfg.PathTimeout = 5 * time.Minute
	ref, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close(ctx)
	page, err := db.Entities(ctx, factgraph.EntityQuery{First: 30}, factgraph.EntityView{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range page.Entities {
		ids = append(ids, e.ID)
	}
	nonEmpty := 0
	for n := 2; n+3 <= len(ids); n += 3 {
		group := ids[n-2 : n+3]
		for _, hops := range []int{2, 4} {
			got, err := db.Connections(ctx, group, hops)
			if err != nil {
				t.Fatalf("Connections(%v, %d): %v", group, hops, err)
			}
			want, err := ref.ConnectionsByCypher(ctx, group, hops)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprintf("%+v", subgraphKey(got)), fmt.Sprintf("%+v", subgraphKey(want)); g != w {
				t.Errorf("Connections(%v, %d):\n got  %s\n want %s", group, hops, g, w)
			}
			if len(got.Edges) > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 4 {
		t.Errorf("only %d connection subgraphs have edges: the comparison says little", nonEmpty)
	}
}

func subgraphKey(sg *factgraph.Subgraph) []string {
	var out []string
	for _, n := range sg.Nodes {
		out = append(out, fmt.Sprintf("%s@%d", n.Node().NodeID(), n.Distance))
	}
	for _, e := range sg.Edges {
		out = append(out, e.ID)
	}
	return out
}

// The ends may be names or aliases; unknown ends are ENOTFOUND, the same entity twice
// (by id and by alias) EINVALID.
func TestPathEnds(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	byName, err := db.Paths(ctx, factgraph.PathQuery{From: "Kim Jong Un", To: "Ukraine", MaxHops: 4, First: 1, NoEvidence: true})
	if err != nil {
		t.Fatal(err)
	}
	byID, err := db.Paths(ctx, factgraph.PathQuery{From: "person:kim-jong-un", To: "country:UKR", MaxHops: 4, First: 1, NoEvidence: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(byID) != 1 || strings.Join(pathKeys(byName), "") != strings.Join(pathKeys(byID), "") {
		t.Errorf("by name %q, by id %q", pathKeys(byName), pathKeys(byID))
	}
	_, err = db.Paths(ctx, factgraph.PathQuery{From: "country:ATL", To: "country:UKR", MaxHops: 4, First: 1})
	if factgraph.ErrorCode(err) != factgraph.ENOTFOUND || !strings.Contains(err.Error(), "country:ATL") {
		t.Errorf("unknown end: %v, want ENOTFOUND naming it", err)
	}
	_, err = db.Paths(ctx, factgraph.PathQuery{From: "DPRK", To: "country:PRK", MaxHops: 4, First: 1})
	if factgraph.ErrorCode(err) != factgraph.EINVALID {
		t.Errorf("same entity twice: %v, want EINVALID", err)
	}
}
