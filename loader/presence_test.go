package loader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// countingWriter is the real graph, counting the records that reach Write and Present
// (it embeds *graph.DB, so it is a factgraph.PresenceChecker too).
type countingWriter struct {
	*graph.DB
	mu               sync.Mutex
	written, checked int
}

func (w *countingWriter) Write(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	w.mu.Lock()
	w.written += fs.Len()
	w.mu.Unlock()
	return w.DB.Write(ctx, fs)
}

func (w *countingWriter) Present(ctx context.Context, fs *factgraph.FactSet) ([]bool, error) {
	w.mu.Lock()
	w.checked += fs.Len()
	w.mu.Unlock()
	return w.DB.Present(ctx, fs)
}

func (w *countingWriter) load(t *testing.T, path string) loader.Summary {
	t.Helper()
	w.written, w.checked = 0, 0
	l := &loader.Loader{Writer: w, Options: loader.Options{BatchSize: 500}}
	sum, err := l.LoadFile(context.Background(), path, "")
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return sum
}

// A re-load finds every record in the graph while it validates the file, so no record
// reaches a write transaction; a file with some records changed writes those alone, and
// the graph is the one the changed file gives on its own.
func TestReloadPassesOverRecordsTheGraphHolds(t *testing.T) {
	file, lines := genFile(t, 4000, 21)
	db := graphtest.Open(t)
	w := &countingWriter{DB: db}

	first := w.load(t, file)
	if first.Created == 0 || w.written != first.Records() {
		t.Fatalf("first load: %+v, %d records written; want all %d written", first, w.written, first.Records())
	}
	if w.checked >= first.Records() {
		t.Errorf("first load into an empty graph: %d of %d records checked for presence; want the checks to stop after a few empty batches",
			w.checked, first.Records())
	}
	want := graphtest.Checksum(t, db)

	again := w.load(t, file)
	if w.written != 0 || again.Unchanged != again.Records() || again.Created+again.Updated != 0 {
		t.Errorf("re-load: %+v, %d records written; want every record unchanged and none written", again, w.written)
	}
	if w.checked != again.Records() {
		t.Errorf("re-load: %d of %d records checked for presence", w.checked, again.Records())
	}
	if got := graphtest.Checksum(t, db); got != want {
		t.Error("the graph changed on a re-load")
	}

	// Change the quote of every tenth relation and add one new article: those are the
	// records the next load writes.
	changed := append([]string(nil), lines...)
	n := 0
	for i, l := range changed {
		if strings.HasPrefix(l, `{"relation"`) && i%10 == 0 {
			changed[i] = strings.Replace(l, `"quote":"`, `"quote":"Changed: `, 1)
			n++
		}
	}
	changed = append([]string{`{"article":{"id":"article:presence-new","title":"A later report","publishedAt":"2026-02-01"}}`}, changed...)
	path := filepath.Join(t.TempDir(), "changed.ndjson")
	if err := os.WriteFile(path, []byte(strings.Join(changed, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	third := w.load(t, path)
	if w.written != n+1 || third.Created+third.Updated != n+1 || third.Unchanged != third.Records()-n-1 {
		t.Errorf("load with %d changed relations and a new article: %+v, %d records written; want %d written and the rest unchanged",
			n, third, w.written, n+1)
	}
	wantChanged := graphtest.Checksum(t, db)

	// Both files in one, loaded into an empty graph, give the same graph.
	both := filepath.Join(t.TempDir(), "both.ndjson")
	if err := os.WriteFile(both, []byte(strings.Join(append(lines, changed...), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	graphtest.Wipe(t, db)
	mustLoadFile(t, db, both)
	if got := graphtest.Checksum(t, db); got != wantChanged {
		t.Error("the graph after a load that passed over present records differs from one load of both files")
	}
}

// A relation whose ends are names is stored with the ids they resolve to, so it is not
// found while validating (the file's record differs from the stored one): Write finds it
// unchanged itself.
func TestReloadOfNameReferencesIsUnchanged(t *testing.T) {
	db := graphtest.Open(t)
	w := &countingWriter{DB: db}
	path := filepath.Join(t.TempDir(), "names.ndjson")
	data := `{"article":{"id":"article:names","title":"Shells by rail","publishedAt":"2025-03-01"}}
{"entity":{"id":"country:PRK","kind":"Country","name":"North Korea"}}
{"entity":{"id":"country:RUS","kind":"Country","name":"Russia"}}
{"relation":{"type":"SUPPLIES","from":"North Korea","to":"Russia","evidence":[{"article":"article:names","quote":"Shells went north by rail."}]}}
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	w.load(t, path)
	want := graphtest.Checksum(t, db)
	sum := w.load(t, path)
	if sum.Unchanged != 4 || sum.Created+sum.Updated != 0 || w.written != 1 {
		t.Errorf("re-load: %+v, %d records written; want 4 unchanged, the relation by names left to Write", sum, w.written)
	}
	if got := graphtest.Checksum(t, db); got != want {
		t.Error("the graph changed on a re-load")
	}
}
