package graph_test

import (
	"context"
	"os"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

func TestZZOne(t *testing.T) {
	uri := os.Getenv("PROBE_URI")
	if uri == "" {
		t.Skip()
	}
	ctx := context.Background()
	db, err := graph.Open(ctx, graph.Config{URI: uri, User: "neo4j", Password: os.Getenv("PROBE_PW")})
	if err != nil {
		t.Fatal(err)
	}
	q := factgraph.PathQuery{From: os.Getenv("A"), To: os.Getenv("B"), MaxHops: 4, First: 1, NoEvidence: true}
	got, err := db.Paths(ctx, q)
	t.Logf("new %v %v", pathKeys(got), err)
	want, err := db.PathsByCypher(ctx, q)
	t.Logf("old %v %v", pathKeys(want), err)
}
