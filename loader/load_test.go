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
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l := &loader.Loader{Writer: db}
	sum, err := l.Load(context.Background(), filepath.Base(path), f)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return sum
}

var sample = filepath.Join("..", "data", "sample.json")

func TestLoadSampleTwiceChangesNothing(t *testing.T) {
	db := graphtest.Open(t)
	first := mustLoadFile(t, db, sample)
	if first.Written.NodesCreated == 0 || first.Written.RelationshipsCreated == 0 {
		t.Fatalf("first load created nothing: %+v", first)
	}
	nodes, rels := graphtest.Counts(t, db)
	sum := graphtest.Checksum(t, db)

	second := mustLoadFile(t, db, sample)
	if second.Written.NodesCreated != 0 || second.Written.RelationshipsCreated != 0 {
		t.Errorf("second load created %d nodes and %d relationships, want 0", second.Written.NodesCreated, second.Written.RelationshipsCreated)
	}
	n2, r2 := graphtest.Counts(t, db)
	if n2 != nodes || r2 != rels {
		t.Errorf("counts after reload = %d nodes, %d rels; want %d, %d", n2, r2, nodes, rels)
	}
	if got := graphtest.Checksum(t, db); got != sum {
		t.Errorf("graph checksum changed on reload: %s -> %s", sum, got)
	}
	if int64(first.Written.NodesCreated) != nodes {
		t.Errorf("summary says %d nodes created, graph has %d", first.Written.NodesCreated, nodes)
	}
}

func TestLoadWithUnknownReferenceWritesNothing(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db}
	f, err := os.Open(filepath.Join("testdata", "malformed", "unknown-reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = l.Load(context.Background(), "unknown-reference.json", f)
	var ve *loader.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	want := `unknown-reference.json:10:5: relations[0].to: unknown entity "country:XXX"`
	if got := ve.Problems[0].String(); !strings.HasPrefix(got, want) {
		t.Errorf("problem = %q, want prefix %q", got, want)
	}
	if n, r := graphtest.Counts(t, db); n != 0 || r != 0 {
		t.Errorf("graph has %d nodes and %d relationships after a rejected file, want none", n, r)
	}
}

func TestLoadDuplicateIDWithTwoKinds(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db}
	f, err := os.Open(filepath.Join("testdata", "malformed", "duplicate-kinds.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = l.Load(context.Background(), "duplicate-kinds.json", f)
	want := `duplicate-kinds.json:7:5: entities[1].id: entity "country:PRK" is declared as both Country and Organization`
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
	_, err = l.Load(context.Background(), "edited.json", strings.NewReader(text))
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

func TestLoadDryRunWritesNothing(t *testing.T) {
	db := graphtest.Open(t)
	f, err := os.Open(sample)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l := &loader.Loader{Writer: db, DryRun: true}
	sum, err := l.Load(context.Background(), "sample.json", f)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.DryRun || sum.Entities == 0 {
		t.Errorf("summary = %+v, want a dry run that read entities", sum)
	}
	if n, _ := graphtest.Counts(t, db); n != 0 {
		t.Errorf("dry run wrote %d nodes", n)
	}
}

// A relation may reference entities loaded by an earlier file.
func TestLoadReferencesEntitiesAlreadyInGraph(t *testing.T) {
	db := graphtest.Open(t)
	mustLoadFile(t, db, sample)
	l := &loader.Loader{Writer: db}
	_, err := l.Load(context.Background(), "later.json", strings.NewReader(`{
  "articles": [{"id": "article:later", "title": "Later report", "publishedAt": "2026-01-05"}],
  "relations": [{"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS", "confidence": 0.9,
                 "evidence": [{"article": "article:later", "quote": "Pyongyang shipped more shells to Moscow."}]}]
}`))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if code := factgraph.ErrorCode(err); code != "" {
		t.Errorf("code = %q", code)
	}
}
