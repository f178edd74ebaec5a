// Package graphtest connects tests to the real test Neo4j that `make test` starts
// (scripts/neo4j on port 7688) and gives them an empty, migrated database.
package graphtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/graph"
)

// Config is the test database's configuration, from FACTGRAPH_TEST_NEO4J_URI and
// FACTGRAPH_TEST_NEO4J_PASSWORD. The variables are separate from NEO4J_URI on purpose:
// tests wipe the database, so they never run against one that was not made for them.
func Config(tb testing.TB) graph.Config {
	tb.Helper()
	uri := os.Getenv("FACTGRAPH_TEST_NEO4J_URI")
	if uri == "" {
		tb.Fatal("FACTGRAPH_TEST_NEO4J_URI is not set: run the tests with `make test`, which starts " +
			"the test Neo4j (scripts/neo4j on port 7688) and sets it")
	}
	pw := os.Getenv("FACTGRAPH_TEST_NEO4J_PASSWORD")
	if pw == "" {
		pw = "factgraph-test"
	}
	return graph.Config{URI: uri, User: "neo4j", Password: pw, Database: "neo4j"}
}

// Open connects to the test database, deletes everything in it and applies the schema.
// The driver is closed when the test ends.
func Open(tb testing.TB) *graph.DB {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db, err := graph.Open(ctx, Config(tb))
	if err != nil {
		tb.Fatalf("open test neo4j: %v", err)
	}
	tb.Cleanup(func() { _ = db.Close(context.Background()) })
	Wipe(tb, db)
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return db
}

// Wipe deletes every node and relationship, in batches (an auto-commit transaction).
func Wipe(tb testing.TB, db *graph.DB) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s := db.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.Database()})
	defer s.Close(ctx)
	res, err := s.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		tb.Fatalf("wipe test database: %v", err)
	}
}

// Counts returns the number of nodes and relationships in the database.
func Counts(tb testing.TB, db *graph.DB) (nodes, rels int64) {
	tb.Helper()
	recs := run(tb, db, "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels", nil)
	n, _, err := neo4j.GetRecordValue[int64](recs[0], "nodes")
	if err != nil {
		tb.Fatal(err)
	}
	r, _, err := neo4j.GetRecordValue[int64](recs[0], "rels")
	if err != nil {
		tb.Fatal(err)
	}
	return n, r
}

// Checksum is a hash of every node (labels and properties) and every relationship (type,
// end points and properties), independent of internal ids and storage order.
func Checksum(tb testing.TB, db *graph.DB) string {
	tb.Helper()
	recs := run(tb, db, `
		CALL () {
		  MATCH (n) WITH n ORDER BY n.id, n.name
		  RETURN collect([labels(n), properties(n)]) AS nodes
		}
		CALL () {
		  MATCH (a)-[r]->(b)
		  WITH a, r, b ORDER BY coalesce(a.id, a.name), type(r), coalesce(b.id, b.name), r.key, r.quote
		  RETURN collect([coalesce(a.id, a.name), type(r), coalesce(b.id, b.name), properties(r)]) AS rels
		}
		RETURN nodes, rels`, nil)
	h := sha256.New()
	fmt.Fprintf(h, "%v|%v", canonical(recs[0].Values[0]), canonical(recs[0].Values[1]))
	return hex.EncodeToString(h.Sum(nil))
}

// canonical prints maps with sorted keys (fmt does) and everything else as is.
func canonical(v any) string { return fmt.Sprintf("%v", v) }

func run(tb testing.TB, db *graph.DB, cypher string, params map[string]any) []*neo4j.Record {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, db.Driver(), cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Database()))
	if err != nil {
		tb.Fatalf("%s: %v", cypher, err)
	}
	return res.Records
}
