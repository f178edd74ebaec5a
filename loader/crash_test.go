package loader_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// neo4jScript runs scripts/neo4j for a private instance in dir on port.
func neo4jScript(t *testing.T, dir string, port int, cmd string) {
	t.Helper()
	c := exec.Command(filepath.Join("..", "scripts", "neo4j"), cmd)
	c.Env = append(os.Environ(), "NEO4J_LOCAL_DIR="+dir, "NEO4J_BOLT_PORT="+strconv.Itoa(port),
		"NEO4J_PASSWORD=crash-test", "NEO4J_HEAP=512m", "NEO4J_PAGECACHE=256m",
		"NEO4J_START_TIMEOUT=600") // a busy machine starts Neo4j slowly; recovery after SIGKILL takes longer still
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/neo4j %s: %v\n%s", cmd, err, out)
	}
}

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

	dir := t.TempDir()
	port := freePort(t)
	neo4jScript(t, dir, port, "start")
	t.Cleanup(func() { neo4jScript(t, dir, port, "stop") })
	cfg := graph.Config{URI: "bolt://127.0.0.1:" + strconv.Itoa(port), User: "neo4j", Password: "crash-test",
		MaxRetryTime: 8 * time.Second, ConnectTimeout: 2 * time.Second}
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
	kill := func() {
		killedAt = time.Now()
		pid, err := os.ReadFile(filepath.Join(dir, "run", "neo4j.pid"))
		if err != nil {
			t.Error(err)
			return
		}
		n, _ := strconv.Atoi(strings.TrimSpace(string(pid)))
		if err := syscall.Kill(n, syscall.SIGKILL); err != nil {
			t.Error(err)
		}
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

	neo4jScript(t, dir, port, "start") // recovers the store
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

// freePort picks a free port for the private Neo4j, the first one nothing listens on in
// FACTGRAPH_CRASH_TEST_PORTS (a range, "7731-7739") or else in the nine ports after the
// test Neo4j's (7689-7697 for make test's 7688). A fixed port would clash with another
// checkout's test running at the same time.
func freePort(t *testing.T) int {
	t.Helper()
	base := 7688
	if u := graphtest.Config(t).URI; strings.LastIndex(u, ":") > 0 {
		if p, err := strconv.Atoi(u[strings.LastIndex(u, ":")+1:]); err == nil {
			base = p
		}
	}
	lo, hi := base+1, base+9
	if r := os.Getenv("FACTGRAPH_CRASH_TEST_PORTS"); r != "" {
		a, b, ok := strings.Cut(r, "-")
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || x > y {
			t.Fatalf("FACTGRAPH_CRASH_TEST_PORTS=%q: want a range such as 7731-7739", r)
		}
		lo, hi = x, y
	}
	for p := lo; p <= hi; p++ {
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err == nil {
			l.Close()
			return p
		}
	}
	t.Fatalf("no free port in %d-%d for the private Neo4j (set FACTGRAPH_CRASH_TEST_PORTS)", lo, hi)
	return 0
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
