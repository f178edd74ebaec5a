package loader_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

func mustLoadFile(t *testing.T, db *graph.DB, path string) loader.Summary {
	t.Helper()
	l := &loader.Loader{Writer: db}
	sum, err := l.LoadFile(context.Background(), path, "")
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return sum
}

var sample = filepath.Join("..", "data", "sample.json")

func TestLoadSampleTwiceChangesNothing(t *testing.T) {
	db := graphtest.Open(t)
	first := mustLoadFile(t, db, sample)
	if first.Nodes == 0 || first.Rels == 0 || first.Created != first.Records() {
		t.Fatalf("first load created nothing: %+v", first)
	}
	nodes, rels := graphtest.Counts(t, db)
	sum := graphtest.Checksum(t, db)

	second := mustLoadFile(t, db, sample)
	if second.Nodes != 0 || second.Rels != 0 || second.Unchanged != second.Records() || second.Created+second.Updated != 0 {
		t.Errorf("second load: %+v; want every record unchanged and nothing created", second)
	}
	n2, r2 := graphtest.Counts(t, db)
	if n2 != nodes || r2 != rels {
		t.Errorf("counts after reload = %d nodes, %d rels; want %d, %d", n2, r2, nodes, rels)
	}
	if got := graphtest.Checksum(t, db); got != sum {
		t.Errorf("graph checksum changed on reload: %s -> %s", sum, got)
	}
	if int64(first.Nodes) != nodes {
		t.Errorf("summary says %d nodes created, graph has %d", first.Nodes, nodes)
	}
}

func TestLoadWithUnknownReferenceWritesNothing(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db}
	_, err := l.LoadFile(context.Background(), filepath.Join("testdata", "malformed", "unknown-reference.json"), "")
	var ve *loader.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	want := `unknown-reference.json:10:5: relations[0].to: unknown entity "country:XXX"`
	if got := ve.Problems[0].String(); !strings.Contains(got, want) {
		t.Errorf("problem = %q, want prefix %q", got, want)
	}
	if n, r := graphtest.Counts(t, db); n != 0 || r != 0 {
		t.Errorf("graph has %d nodes and %d relationships after a rejected file, want none", n, r)
	}
}

func TestLoadDuplicateIDWithTwoKinds(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db}
	_, err := l.LoadFile(context.Background(), filepath.Join("testdata", "malformed", "duplicate-kinds.json"), "")
	want := `duplicate-kinds.json:7:5: entities[1].id: entity "country:PRK" is declared as both Country (line 6) and Organization`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant it to contain %q", err, want)
	}
	if n, _ := graphtest.Counts(t, db); n != 0 {
		t.Errorf("graph has %d nodes after a rejected file, want 0", n)
	}
}

// A valid file with one bad record in the middle writes nothing at all.
func TestLoadBadRecordInTheMiddleLeavesGraphUnchanged(t *testing.T) {
	db := graphtest.Open(t)
	mustLoadFile(t, db, sample)
	nodes, rels := graphtest.Counts(t, db)
	before := graphtest.Checksum(t, db)

	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	// A new entity that would be written, then a broken one after it.
	text := strings.Replace(string(data), `"entities": [`, `"entities": [
    {"id": "country:FRA", "kind": "Country", "name": "France"},
    {"id": "country:XYZ", "kind": "Kountry", "name": "Nowhere"},`, 1)
	l := &loader.Loader{Writer: db}
	_, err = l.LoadReader(context.Background(), "edited.json", strings.NewReader(text), loader.FormatJSON)
	if err == nil || !strings.Contains(err.Error(), "entities[1].kind") {
		t.Fatalf("err = %v, want a problem at entities[1].kind", err)
	}
	if n, r := graphtest.Counts(t, db); n != nodes || r != rels {
		t.Errorf("counts = %d, %d after a rejected file; want %d, %d", n, r, nodes, rels)
	}
	if got := graphtest.Checksum(t, db); got != before {
		t.Error("graph changed after a rejected file")
	}
}

func TestLoadDryRunWritesNothingAndSaysWhatWouldChange(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db, Options: loader.Options{DryRun: true}}
	sum, err := l.LoadFile(context.Background(), sample, "")
	if err != nil {
		t.Fatal(err)
	}
	if !sum.DryRun || sum.Created != sum.Records() || sum.Records() != 63 {
		t.Errorf("dry run into an empty graph = %+v, want all 63 records to be created", sum)
	}
	if n, _ := graphtest.Counts(t, db); n != 0 {
		t.Errorf("dry run wrote %d nodes", n)
	}
	mustLoadFile(t, db, sample)
	sum, err = l.LoadFile(context.Background(), sample, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 63 || sum.Created+sum.Updated != 0 {
		t.Errorf("dry run of a loaded file = %+v, want all 63 unchanged", sum)
	}
	sum, err = l.LoadReader(context.Background(), "later.json", strings.NewReader(`{
  "articles": [{"id": "article:later", "title": "Later report", "publishedAt": "2026-01-05"}],
  "relations": [{"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS",
                 "evidence": [{"article": "article:later", "quote": "More shells."}]}]}`), loader.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Updated != 1 {
		t.Errorf("dry run of a new article and a known relation = %+v, want 1 created, 1 updated", sum)
	}
}

// A relation may reference entities loaded by an earlier file.
func TestLoadReferencesEntitiesAlreadyInGraph(t *testing.T) {
	db := graphtest.Open(t)
	mustLoadFile(t, db, sample)
	l := &loader.Loader{Writer: db}
	_, err := l.LoadReader(context.Background(), "later.json", strings.NewReader(`{
  "articles": [{"id": "article:later", "title": "Later report", "publishedAt": "2026-01-05"}],
  "relations": [{"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS", "confidence": 0.9,
                 "evidence": [{"article": "article:later", "quote": "Pyongyang shipped more shells to Moscow."}]}]
}`), loader.FormatJSON)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	nb, err := db.Neighborhood(context.Background(), "country:PRK", factgraph.NeighborhoodQuery{Depth: 1, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range nb.Edges {
		if e.Type == "SUPPLIES" && e.To == "country:RUS" {
			if e.SourceCount != 2 || *e.Confidence != 0.96 || e.LastSeen != "2026-01-05" {
				t.Errorf("SUPPLIES after a later article: sources %d, confidence %v, last seen %s; want 2, 0.96 (noisy-or of 0.6 and 0.9), 2026-01-05",
					e.SourceCount, *e.Confidence, e.LastSeen)
			}
			return
		}
	}
	t.Error("no SUPPLIES edge from North Korea to Russia")
}
