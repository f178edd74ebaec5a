package loader_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// If the database dies in the middle of a load, the loader stops with a clear error, and
// running the load again completes it: the graph then equals one loaded without a crash.
// The database really dies: a private Neo4j is killed with SIGKILL mid-load.
func TestDatabaseDiesMidLoad(t *testing.T) {
	var data bytes.Buffer
	if _, err := synth.Generate(&data, synth.Options{Facts: 8000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "facts.ndjson")
	if err := os.WriteFile(file, data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// The reference: the same file loaded without trouble into the test database.
	ref := graphtest.Open(t)
	mustLoadFile(t, ref, file)
	wantNodes, wantRels := graphtest.Counts(t, ref)
	wantSum := graphtest.Checksum(t, ref)

	neo := graphtest.StartPrivate(t, "crash-test")
	cfg := neo.Config()
	cfg.MaxRetryTime, cfg.ConnectTimeout = 8*time.Second, 2*time.Second
	ctx := context.Background()
	db, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}

	// The database is killed just before the 20th write transaction.
	var killed atomic.Bool
	var killedAt time.Time
	var pid int
	kill := func() {
		killedAt = time.Now()
		pid = neo.Kill(t)
		killed.Store(true)
	}
	l := &loader.Loader{Writer: &killingWriter{Writer: db, at: 20, kill: kill}, Options: loader.Options{BatchSize: 100}}
	_, err = l.LoadFile(ctx, file, "")
	if !killed.Load() {
		t.Fatalf("the load ended before the database was killed (err %v)", err)
	}
	if code := factgraph.ErrorCode(err); code != factgraph.EUNAVAILABLE {
		t.Fatalf("load with a dead database: code %q, err %v; want %q", code, err, factgraph.EUNAVAILABLE)
	}
	for _, want := range []string{"stopped after writing", cfg.URI, "run the same load again"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if d := time.Since(killedAt); d > time.Minute {
		t.Errorf("the loader took %v to give up after the database died", d)
	}
	db.Close(ctx)

	graphtest.WaitGone(t, pid)
	neo.Script(t, "start") // recovers the store
	db, err = graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	sum, err := (&loader.Loader{Writer: db}).LoadFile(ctx, file, "")
	if err != nil {
		t.Fatalf("second load: %v", err)
	}
	if sum.Unchanged == 0 || sum.Created == 0 {
		t.Errorf("second load = %+v: want part already there, part created", sum)
	}
	if n, r := graphtest.Counts(t, db); n != wantNodes || r != wantRels {
		t.Errorf("after the crash and a second load: %d nodes, %d rels; without a crash: %d, %d", n, r, wantNodes, wantRels)
	}
	if got := graphtest.Checksum(t, db); got != wantSum {
		t.Error("the graph after the crash and a second load differs from the graph loaded without a crash")
	}
}

// killingWriter runs kill before its at-th Write.
type killingWriter struct {
	factgraph.Writer
	n, at int
	kill  func()
}

func (w *killingWriter) Write(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	w.n++ // one writer: calls are sequential
	if w.n == w.at {
		w.kill()
	}
	return w.Writer.Write(ctx, fs)
}
