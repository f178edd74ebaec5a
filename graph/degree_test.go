package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/loader"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Entity projections and the neighbourhood order use a degree computed from Neo4j's
// stored counts (all relationships minus evidence); it must equal the count of
// traversable relationships on every entity and event. A new relationship type touching entities or
// events breaks this test until graph.degreeOf leaves it out too.
func TestDegreeShortcutMatchesTypedCount(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	var data bytes.Buffer
	if _, err := synth.Generate(&data, synth.Options{Facts: 3000, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := (&loader.Loader{Writer: db}).LoadReader(ctx, "synth.ndjson", &data, loader.FormatNDJSON); err != nil {
		t.Fatal(err)
	}
	res, err := neo4j.ExecuteQuery(ctx, db.Driver(), `
		MATCH (n) WHERE n:Entity OR n:Event
		WITH n, `+fmt.Sprintf(graph.DegreeOf, "n")+` AS fast, COUNT { (n)-[:`+graph.Traversable+`]-() } AS typed
		RETURN count(n) AS nodes, sum(CASE WHEN fast <> typed THEN 1 ELSE 0 END) AS differ,
		       collect(CASE WHEN fast <> typed THEN n.id END)[0..5] AS examples`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.Database()))
	if err != nil {
		t.Fatal(err)
	}
	r := res.Records[0]
	nodes, differ := r.Values[0].(int64), r.Values[1].(int64)
	if nodes < 1000 {
		t.Fatalf("only %d entities and events loaded", nodes)
	}
	if differ != 0 {
		t.Errorf("%d of %d nodes have a degree shortcut unlike their typed count, e.g. %v", differ, nodes, r.Values[2])
	}
}
