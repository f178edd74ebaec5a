package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// An article's quantities reach the graph: as lists on the Article and, for those naming
// an entity (here by name, resolved like a role's entity), as QUANTIFIES relationships.
// Loading the same file again changes nothing; declaring the article again without
// quantities removes them.
func TestArticleQuantitiesAreStored(t *testing.T) {
	db := graphtest.Open(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	with := write("with.json", `{
  "articles": [{"id": "article:eagle", "title": "Finland detains a tanker", "publishedAt": "2024-12-27",
    "quantities": [{"value": 24, "unit": "crew", "entity": "Eagle S"},
                   {"value": 35000, "unit": "ton", "approx": true, "of": "oil"}]}],
  "entities": [{"id": "vessel:eagle-s", "kind": "Vessel", "name": "Eagle S"}]
}`)
	without := write("without.json", `{
  "articles": [{"id": "article:eagle", "title": "Finland detains a tanker", "publishedAt": "2024-12-27"}]
}`)
	l := &loader.Loader{Writer: db}
	ctx := context.Background()
	if _, err := l.LoadFile(ctx, with, ""); err != nil {
		t.Fatal(err)
	}
	props := articleQuantities(t, db)
	want := map[string]any{
		"qValues": []any{24.0, 35000.0}, "qUnits": []any{"crew", "ton"}, "qApprox": []any{false, true},
		"qOf": []any{"", "oil"}, "qEntities": []any{"vessel:eagle-s", ""},
	}
	for k, v := range want {
		if !reflect.DeepEqual(props[k], v) {
			t.Errorf("Article.%s = %#v, want %#v", k, props[k], v)
		}
	}
	if got := quantifies(t, db); !reflect.DeepEqual(got, []any{"vessel:eagle-s", 24.0, "crew", false}) {
		t.Errorf("QUANTIFIES = %v, want the crew of the Eagle S", got)
	}

	sum := graphtest.Checksum(t, db)
	again, err := l.LoadFile(ctx, with, "")
	if err != nil {
		t.Fatal(err)
	}
	if again.Created+again.Updated != 0 || graphtest.Checksum(t, db) != sum {
		t.Errorf("second load changed the graph: %+v", again)
	}

	if _, err := l.LoadFile(ctx, without, ""); err != nil {
		t.Fatal(err)
	}
	props = articleQuantities(t, db)
	for _, k := range []string{"qValues", "qUnits", "qApprox", "qOf", "qEntities", "qHash"} {
		if _, ok := props[k]; ok {
			t.Errorf("Article.%s still set after the article was declared without quantities: %v", k, props[k])
		}
	}
	if got := quantifies(t, db); got != nil {
		t.Errorf("QUANTIFIES left: %v", got)
	}

	// one transaction (as factgraph ingest writes): the same graph
	graphtest.Wipe(t, db)
	one := &loader.Loader{Writer: db, Options: loader.Options{OneTransaction: true}}
	if _, err := one.LoadFile(ctx, with, ""); err != nil {
		t.Fatal(err)
	}
	if got := quantifies(t, db); !reflect.DeepEqual(got, []any{"vessel:eagle-s", 24.0, "crew", false}) {
		t.Errorf("one transaction: QUANTIFIES = %v", got)
	}
	if graphtest.Checksum(t, db) != sum {
		t.Errorf("one transaction gives another graph than batches")
	}

	// an entity no one declared: the load says where
	bad := write("bad.json", `{"articles": [{"id": "article:x", "title": "x", "quantities": [{"value": 3, "unit": "ships", "entity": "Nobody Known"}]}]}`)
	_, err = l.LoadFile(ctx, bad, "")
	if err == nil || !strings.Contains(err.Error(), "quantities[0].entity") {
		t.Errorf("unknown quantity entity: err = %v, want it to name articles[0].quantities[0].entity", err)
	}
}

func articleQuantities(t *testing.T, db *graph.DB) map[string]any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver(), "MATCH (a:Article {id: 'article:eagle'}) RETURN properties(a) AS p",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.Database()))
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("read the article: %v (%d records)", err, len(res.Records))
	}
	p, _ := res.Records[0].Get("p")
	return p.(map[string]any)
}

func quantifies(t *testing.T, db *graph.DB) []any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver(),
		"MATCH (:Article {id: 'article:eagle'})-[q:QUANTIFIES]->(e:Entity) RETURN e.id AS id, q.value AS v, q.unit AS u, q.approx AS a",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.Database()))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) == 0 {
		return nil
	}
	if len(res.Records) > 1 {
		t.Errorf("%d QUANTIFIES relationships, want 1", len(res.Records))
	}
	return res.Records[0].Values
}
