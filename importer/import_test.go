package importer_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/importer"
	"github.com/factgraph/factgraph/loader"
)

const testPassword = "import-test"

// neo4jScript runs scripts/neo4j for the server of dir on port (the user's way to start
// an imported database).
func neo4jScript(t *testing.T, dir string, port int, cmd string) {
	t.Helper()
	c := exec.Command(filepath.Join("..", "scripts", "neo4j"), cmd)
	c.Env = append(os.Environ(), "NEO4J_LOCAL_DIR="+dir, "NEO4J_BOLT_PORT="+strconv.Itoa(port),
		"NEO4J_PASSWORD="+testPassword, "NEO4J_HEAP=512m", "NEO4J_PAGECACHE=256m")
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/neo4j %s: %v\n%s", cmd, err, out)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func options(home string) importer.Options {
	return importer.Options{
		Home:       importer.Home{Dir: home, Lib: importer.DefaultLib(envOr("NEO4J_VERSION", "5.26.30")), Password: testPassword},
		SortMemory: 4 << 20, // small: the test's relations and events spill to sorted runs
		Admin:      importer.AdminOptions{Heap: "512m", MaxOffHeap: "512m"},
		ServerHeap: "512m", ServerPageCache: "256m",
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// onlineDump loads the files with the online loader into the test database and dumps it.
func onlineDump(t *testing.T, files ...string) []string {
	t.Helper()
	ctx := context.Background()
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db}
	for _, f := range files {
		if _, err := l.LoadFile(ctx, f, ""); err != nil {
			t.Fatalf("load %s: %v", f, err)
		}
	}
	lines, err := importer.Dump(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// importedDump imports the files into a fresh server directory, starts it as a user
// would (scripts/neo4j start, with the password given to the import) and dumps it.
// It leaves the server running, stopped at the end of the test.
func importedDump(t *testing.T, files ...string) (lines []string, home string, port int) {
	t.Helper()
	ctx := context.Background()
	home = t.TempDir()
	sum, err := importer.Import(ctx, files, options(home))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	t.Logf("import: %d records, %d nodes, %d relationships, %d lists restored; convert %.1fs, neo4j-admin %.1fs, schema %.1fs",
		sum.Records(), sum.Nodes, sum.Relationships, sum.ListsRestored, sum.ConvertSeconds, sum.ImportSeconds, sum.SchemaSeconds)
	port = freePort(t)
	neo4jScript(t, home, port, "start")
	t.Cleanup(func() { neo4jScript(t, home, port, "stop") })
	db, err := graph.Open(ctx, graph.Config{URI: "bolt://127.0.0.1:" + strconv.Itoa(port), User: "neo4j", Password: testPassword})
	if err != nil {
		t.Fatalf("connect to the imported database with the import's password: %v", err)
	}
	defer db.Close(ctx)
	// The schema is there: migrating again changes nothing, and the indexes are online.
	idx := indexes(t, db)
	for _, want := range []string{"entity_id", "entity_names", "states_key", "states_hash", "event_time"} {
		if !strings.Contains(idx, want+":ONLINE") {
			t.Errorf("index %s is not online after the import: %s", want, idx)
		}
	}
	lines, err = importer.Dump(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	return lines, home, port
}

func indexes(t *testing.T, db *graph.DB) string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), db.Driver(), "SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name", nil,
		neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range res.Records {
		b.WriteString(r.Values[0].(string) + ":" + r.Values[1].(string) + " ")
	}
	return b.String()
}

// compare reports the lines only one of the dumps has.
func compare(t *testing.T, online, imported []string) {
	t.Helper()
	in := func(list []string) map[string]int {
		m := map[string]int{}
		for _, l := range list {
			m[l]++
		}
		return m
	}
	a, b := in(online), in(imported)
	shown := 0
	for l, n := range a {
		if b[l] != n && shown < 20 {
			t.Errorf("online only (%d vs %d): %s", n, b[l], l)
			shown++
		}
	}
	for l, n := range b {
		if a[l] != n && shown < 40 {
			t.Errorf("imported only (%d vs %d): %s", n, a[l], l)
			shown++
		}
	}
	if len(online) != len(imported) {
		t.Errorf("online graph: %d nodes and relationships; imported: %d", len(online), len(imported))
	}
	if len(online) < 10 {
		t.Fatalf("suspiciously small graph: %d lines", len(online))
	}
}

// The initial import builds the graph the online loader builds from the same files:
// every node, label, relationship and property, with their types. On the sample (names
// resolved by alias, quantities, times, evidence offsets, several sources per relation).
func TestImportEqualsLoadSample(t *testing.T) {
	sample := filepath.Join("..", "data", "sample.json")
	// With a second file: articles' own quantities (the extractor's output), one naming a
	// sample entity by name, others the article's topic.
	more := filepath.Join(t.TempDir(), "quantities.json")
	if err := os.WriteFile(more, []byte(`{"articles": [
  {"id": "article:q1", "title": "A parade", "publishedAt": "2025-12-30",
   "quantities": [{"value": 24, "unit": "launchers", "entity": "Kim Jong Un"}, {"value": 5000, "unit": "troops", "approx": true, "of": "parade"}]},
  {"id": "article:q2", "title": "A briefing", "publishedAt": "2025-12-30", "quantities": [{"value": 3, "unit": "ships"}]}
]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	online := onlineDump(t, sample, more)
	imported, home, port := importedDump(t, sample, more)
	compare(t, online, imported)
	if !strings.Contains(strings.Join(imported, "\n"), "QUANTIFIES") {
		t.Error("the imported graph has no QUANTIFIES relationship: the article quantities were not written")
	}

	// The server now runs: a second import into it is refused (the import is offline).
	_, err := importer.Import(context.Background(), []string{sample}, options(home))
	if err == nil || !strings.Contains(err.Error(), "is running") {
		t.Fatalf("import into a running server: want a refusal, got %v", err)
	}
	// Stopped, it is refused as not empty.
	neo4jScript(t, home, port, "stop")
	_, err = importer.Import(context.Background(), []string{sample}, options(home))
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("import into a database with data: want a refusal, got %v", err)
	}
}

// The same on a generated file (factgraph gen) large enough to spill the sort to disk,
// split in two files: the second names entities of the first.
func TestImportEqualsLoadGenerated(t *testing.T) {
	var data bytes.Buffer
	if _, err := synth.Generate(&data, synth.Options{Facts: 20000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(data.Bytes(), []byte("\n"))
	half := len(lines) / 2
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.ndjson"), filepath.Join(dir, "b.ndjson")
	if err := os.WriteFile(a, bytes.Join(lines[:half], nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, bytes.Join(lines[half:], nil), 0o644); err != nil {
		t.Fatal(err)
	}
	online := onlineDump(t, a, b)
	imported, _, _ := importedDump(t, a, b)
	compare(t, online, imported)
}

// Invalid input imports nothing and says where: file:line.
func TestImportInvalidInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ndjson")
	body := `{"entity":{"id":"country:PRK","kind":"Country","name":"North Korea"}}
{"entity":{"id":"country:RUS","kind":"Kountry","name":"Russia"}}
`
	if err := os.WriteFile(bad, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	_, err := importer.Import(context.Background(), []string{bad}, options(home))
	if err == nil || !strings.Contains(err.Error(), "bad.ndjson:2:") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("want a file:line error and nothing imported, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(home, "data", "databases")); !os.IsNotExist(err) {
		t.Fatalf("an invalid file left a database behind: %v", err)
	}
}

// A Neo4j that cannot be reached on disk is refused before any work.
func TestImportNoNeo4j(t *testing.T) {
	o := options(t.TempDir())
	o.Home.Lib = filepath.Join(t.TempDir(), "nothing")
	start := time.Now()
	_, err := importer.Import(context.Background(), []string{filepath.Join("..", "data", "sample.json")}, o)
	if err == nil || !strings.Contains(err.Error(), "no Neo4j jars") {
		t.Fatalf("want a refusal naming the missing jars, got %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Fatalf("refusal took %s", time.Since(start))
	}
}
