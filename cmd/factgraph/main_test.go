package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

var sample = filepath.Join("..", "..", "data", "sample.json")

// testEnv is the environment of the test Neo4j, plus overrides.
func testEnv(t *testing.T, extra ...string) func(string) string {
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_PASSWORD": cfg.Password, "FACTGRAPH_ADDR": "127.0.0.1:0"}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	return func(k string) string { return env[k] }
}

func mustRun(t *testing.T, getenv func(string) string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), append([]string{"factgraph"}, args...), getenv, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("factgraph %s: %v\nstderr: %s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

func TestLoadTwiceLeavesCountsUnchanged(t *testing.T) {
	db := graphtest.Open(t)
	env := testEnv(t)
	out := mustRun(t, env, "load", sample)
	if !strings.Contains(out, "loaded ") {
		t.Errorf("load output = %q", out)
	}
	nodes, rels := graphtest.Counts(t, db)
	if nodes == 0 || rels == 0 {
		t.Fatalf("after load: %d nodes, %d relationships", nodes, rels)
	}
	out = mustRun(t, env, "load", sample)
	if !strings.Contains(out, " 0 created, 0 updated, 63 unchanged, 0 rejected; 0 nodes and 0 relationships created") {
		t.Errorf("second load output = %q, want nothing created", out)
	}
	if n, r := graphtest.Counts(t, db); n != nodes || r != rels {
		t.Errorf("after second load: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}
}

func TestLoadJSONSummaryAndStdin(t *testing.T) {
	graphtest.Open(t)
	var out, errb bytes.Buffer
	in := strings.NewReader(`{"articles": [{"id": "article:x", "title": "X"}]}`)
	if err := run(context.Background(), []string{"factgraph", "load", "--json", "-"}, testEnv(t), in, &out, &errb); err != nil {
		t.Fatalf("load -: %v (%s)", err, errb.String())
	}
	var sums []struct {
		File         string
		Articles     int
		Created      int
		NodesCreated int
	}
	if err := json.Unmarshal(out.Bytes(), &sums); err != nil {
		t.Fatalf("--json output %q: %v", out.String(), err)
	}
	if len(sums) != 1 || sums[0].File != "stdin" || sums[0].Articles != 1 || sums[0].NodesCreated != 1 || sums[0].Created != 1 {
		t.Errorf("summary = %+v", sums)
	}
}

func TestLoadInvalidFileExitsWithPosition(t *testing.T) {
	graphtest.Open(t)
	var out, errb bytes.Buffer
	file := filepath.Join("..", "..", "loader", "testdata", "malformed", "wrong-type.json")
	err := run(context.Background(), []string{"factgraph", "load", file}, testEnv(t), nil, &out, &errb)
	if err == nil {
		t.Fatal("load of a malformed file succeeded")
	}
	if code := exitCode(err); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	if !strings.Contains(err.Error(), "wrong-type.json:8:6: entities[1].name") {
		t.Errorf("error %q lacks the position", err)
	}
}

// With Neo4j down, serve and load fail fast, name the URI, exit non-zero, do not panic.
func TestNeo4jDownFailsFast(t *testing.T) {
	env := testEnv(t, "NEO4J_URI", "bolt://127.0.0.1:1")
	for _, args := range [][]string{{"serve"}, {"load", sample}, {"migrate"}} {
		t.Run(args[0], func(t *testing.T) {
			start := time.Now()
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"factgraph"}, args...), env, nil, &out, &errb)
			if err == nil {
				t.Fatal("succeeded with Neo4j down")
			}
			if !strings.Contains(err.Error(), "bolt://127.0.0.1:1") {
				t.Errorf("error %q does not name the URI", err)
			}
			if code := exitCode(err); code != 3 {
				t.Errorf("exit code %d, want 3", code)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("took %v to fail", d)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"factgraph", "frobnicate"}, testEnv(t), nil, &out, &errb)
	if err == nil || exitCode(err) != 2 || !strings.Contains(errb.String(), "Commands:") {
		t.Errorf("unknown command: err %v, stderr %q", err, errb.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"factgraph", "help"}, testEnv(t), nil, &out, &errb); err != nil || !strings.Contains(out.String(), "NEO4J_URI") {
		t.Errorf("help: err %v, output %q", err, out.String())
	}
}

// The end-to-end path: load the sample with run, serve it with run on a free port, and
// ask /graphql for North Korea's neighbours over HTTP.
func TestServeNeighborsOfNorthKorea(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t)
	mustRun(t, env, "load", sample)

	base := mustServe(t, env) // the test's end checks a graceful shutdown
	query := `{ neighbors(id: "country:PRK", depth: 1) {
	  nodes { distance node { __typename id ... on Entity { name kind } ... on Event { type label } } }
	  edges { type from to sourceCount evidence { quote article { title publishedAt } } } } }`
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /graphql = %d: %s", resp.StatusCode, raw)
	}
	var got struct {
		Data struct {
			Neighbors struct {
				Nodes []struct {
					Node struct {
						Typename string `json:"__typename"`
						ID, Name string
						Type     string
					}
				}
				Edges []struct {
					Type     string
					Evidence []struct{ Quote string }
				}
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(raw, &got); err != nil || len(got.Errors) > 0 {
		t.Fatalf("response %s: %v", raw, err)
	}
	nb := got.Data.Neighbors
	if nb.Nodes[0].Node.Name != "North Korea" {
		t.Errorf("first node = %q, want the centre North Korea", nb.Nodes[0].Node.Name)
	}
	names, events := map[string]bool{}, map[string]bool{}
	for _, n := range nb.Nodes {
		names[n.Node.Name] = true
		if n.Node.Typename == "Event" {
			events[n.Node.Type] = true
		}
	}
	for _, want := range []string{"Kim Jong Un", "Russia"} {
		if !names[want] {
			t.Errorf("neighbours lack %s: %s", want, raw)
		}
	}
	for _, want := range []string{"INSPECTION", "ORDER", "DEPLOYMENT"} {
		if !events[want] {
			t.Errorf("neighbours lack a %s event", want)
		}
	}
	quoted := false
	for _, e := range nb.Edges {
		if e.Type == "SUPPLIES" && len(e.Evidence) > 0 && e.Evidence[0].Quote != "" {
			quoted = true
		}
	}
	if !quoted {
		t.Error("the SUPPLIES edge comes without its quote")
	}

	for path, want := range map[string]string{"/healthz": `"ok"`, "/readyz": `"ready"`, "/": "graphiql"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(string(b)), want) {
			t.Errorf("GET %s = %d %q, want 200 containing %s", path, resp.StatusCode, b, want)
		}
	}
}

// A directory or a missing file is a usage error (exit 2), said before any connection.
func TestLoadDirectoryOrMissingFileExits2(t *testing.T) {
	env := func(k string) string { return map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}[k] }
	for _, c := range []struct{ arg, want string }{
		{t.TempDir(), "is a directory"},
		{filepath.Join(t.TempDir(), "missing.ndjson"), "no such file"},
	} {
		var out, errb bytes.Buffer
		err := run(context.Background(), []string{"factgraph", "load", c.arg}, env, nil, &out, &errb)
		if code := exitCode(err); code != 2 || !strings.Contains(fmt.Sprint(err), c.want) {
			t.Errorf("load %s: exit %d, err %v; want 2 and %q", c.arg, code, err, c.want)
		}
	}
}

// load -h and docs/facts.md give the same defaults for batch size and parallelism.
func TestLoadHelpAgreesWithDocs(t *testing.T) {
	var out, errb bytes.Buffer
	_ = run(context.Background(), []string{"factgraph", "load", "-h"}, func(string) string { return "" }, nil, &out, &errb)
	help := out.String() + errb.String()
	docs, err := os.ReadFile(filepath.Join("..", "..", "docs", "facts.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		fmt.Sprintf("records per write transaction (default %d)", loader.DefaultBatchSize),
		fmt.Sprintf("concurrent write transactions (default %d)", loader.DefaultParallelism),
	} {
		if !strings.Contains(help, want) {
			t.Errorf("load -h lacks %q:\n%s", want, help)
		}
	}
	row := fmt.Sprintf("records per write transaction (%d), concurrent transactions (%d)", loader.DefaultBatchSize, loader.DefaultParallelism)
	if !strings.Contains(string(docs), row) {
		t.Errorf("docs/facts.md lacks %q", row)
	}
	for _, want := range []string{fmt.Sprintf("default %d records per transaction", loader.DefaultBatchSize), fmt.Sprintf("default %d)", loader.DefaultParallelism)} {
		if !strings.Contains(string(docs), want) {
			t.Errorf("docs/facts.md lacks %q", want)
		}
	}
}
