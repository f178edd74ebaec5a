package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
)

// Reads and writes share the driver's bookmark manager (the one ExecuteQuery uses): a
// write's bookmark is there for the next session, so on a cluster a read waits until its
// server has applied the write. Through a neo4j:// routing URI, as on a cluster.
func TestSessionsShareBookmarks(t *testing.T) {
	graphtest.Open(t)
	cfg := graphtest.Config(t)
	cfg.URI = "neo4j://" + strings.TrimPrefix(cfg.URI, "bolt://")
	ctx := context.Background()
	db, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	bm := db.Driver().ExecuteQueryBookmarkManager()
	before, err := bm.GetBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fs := &factgraph.FactSet{Entities: []factgraph.Entity{{ID: "country:ZZB", Kind: factgraph.KindCountry, Name: "Bookmarkland"}}}
	if _, err := db.Write(ctx, fs); err != nil {
		t.Fatal(err)
	}
	after, err := bm.GetBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) == 0 || strings.Join(after, ",") == strings.Join(before, ",") {
		t.Fatalf("bookmarks before the write %v, after %v: the write's session does not use the shared manager", before, after)
	}
	e, err := db.Entity(ctx, "country:ZZB", factgraph.EntityView{})
	if err != nil || e.Name != "Bookmarkland" {
		t.Fatalf("read after write: %v, %v", e, err)
	}
	// The read's session took the write's bookmark and handed on its own.
	last, err := bm.GetBookmarks(ctx)
	if err != nil || len(last) == 0 {
		t.Fatalf("bookmarks after the read: %v, %v", last, err)
	}
}
