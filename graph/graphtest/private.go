package graphtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
)

// Private is a Neo4j of a test's own, started with scripts/neo4j in a temporary folder
// on a free port, for tests that kill and restart the database (the shared test Neo4j
// must stay up for the others).
type Private struct {
	Dir      string // NEO4J_LOCAL_DIR: conf, data, logs, run/neo4j.pid
	Port     int
	Password string
}

// StartPrivate starts a private Neo4j and stops it when the test ends. Its port is the
// first free one in FACTGRAPH_CRASH_TEST_PORTS (a range, "7731-7739") or else in the nine
// ports after the test Neo4j's (7689-7697 for make test's 7688): a fixed port would clash
// with another checkout's test running at the same time.
func StartPrivate(tb testing.TB, password string) *Private {
	tb.Helper()
	p := &Private{Dir: tb.TempDir(), Port: PrivatePort(tb), Password: password}
	p.Script(tb, "start")
	tb.Cleanup(func() { p.Script(tb, "stop") })
	return p
}

// Config is a driver configuration for the private Neo4j.
func (p *Private) Config() graph.Config {
	return graph.Config{URI: p.URI(), User: "neo4j", Password: p.Password, Database: "neo4j"}
}

// URI is its Bolt address.
func (p *Private) URI() string { return "bolt://127.0.0.1:" + strconv.Itoa(p.Port) }

// Script runs scripts/neo4j cmd (start, stop, ...) for the private Neo4j.
func (p *Private) Script(tb testing.TB, cmd string) {
	tb.Helper()
	if err := p.Run(cmd); err != nil {
		tb.Fatal(err)
	}
}

// Run is Script for a goroutine other than the test's: it returns the error, which
// names the command and has its output.
func (p *Private) Run(cmd string) error {
	c := exec.Command(filepath.Join(repoRoot(), "scripts", "neo4j"), cmd)
	c.Env = append(os.Environ(), "NEO4J_LOCAL_DIR="+p.Dir, "NEO4J_BOLT_PORT="+strconv.Itoa(p.Port),
		"NEO4J_PASSWORD="+p.Password, "NEO4J_HEAP=512m", "NEO4J_PAGECACHE=256m",
		"NEO4J_START_TIMEOUT=600") // a busy machine starts Neo4j slowly; recovery after SIGKILL takes longer still
	if out, err := c.CombinedOutput(); err != nil {
		return fmt.Errorf("scripts/neo4j %s: %w\n%s", cmd, err, out)
	}
	return nil
}

// Kill sends SIGKILL to the Neo4j JVM and returns its pid.
func (p *Private) Kill(tb testing.TB) int {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(p.Dir, "run", "neo4j.pid"))
	if err != nil {
		tb.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		tb.Fatalf("pid file: %v", err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		tb.Fatal(err)
	}
	return pid
}

// WaitGone waits until the process pid no longer exists (a killed JVM takes a while to
// free its memory), for at most a minute.
func WaitGone(tb testing.TB, pid int) {
	tb.Helper()
	for start := time.Now(); time.Since(start) < time.Minute; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); err != nil {
			return
		}
	}
	tb.Fatalf("pid %d still there a minute after SIGKILL", pid)
}

// PrivatePort picks the port of a private Neo4j (see StartPrivate).
func PrivatePort(tb testing.TB) int {
	tb.Helper()
	base := 7688
	if u := Config(tb).URI; strings.LastIndex(u, ":") > 0 {
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
			tb.Fatalf("FACTGRAPH_CRASH_TEST_PORTS=%q: want a range such as 7731-7739", r)
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
	tb.Fatalf("no free port in %d-%d for the private Neo4j (set FACTGRAPH_CRASH_TEST_PORTS)", lo, hi)
	return 0
}

// repoRoot is the module's root, from this file's place in it.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
