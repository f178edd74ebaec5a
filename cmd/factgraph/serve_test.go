package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph/graphtest"
)

// served is a `factgraph serve` run by a test, on a free loopback port.
type served struct {
	base string      // http://127.0.0.1:port
	logs *syncBuffer // its stderr: the log
}

// startServe runs `factgraph serve args...` until the test ends.
func startServe(t *testing.T, env func(string) string, args ...string) served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"factgraph", "serve"}, args...), env, nil, pw, logs)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed nothing: %v (run: %v)\n%s", err, <-done, logs.String())
	}
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`http://[^ ]+:\d+`).FindString(line)
	if base == "" {
		cancel()
		t.Fatalf("no URL in %q", line)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return served{base: base, logs: logs}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// send makes one request to the served server and returns the status, the headers and
// the body's errors' codes and messages.
func (s served) send(t *testing.T, method, path, body string, header ...string) (int, http.Header, []string, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var got struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	var codes []string
	if json.Unmarshal(raw, &got) == nil {
		for _, e := range got.Errors {
			codes = append(codes, e.Extensions.Code+": "+e.Message)
		}
	}
	return resp.StatusCode, resp.Header, codes, string(raw)
}

func gql(query string) string {
	b, _ := json.Marshal(map[string]string{"query": query})
	return string(b)
}

// Queries of depth 4 and 6 on entity -> relations -> from.
var (
	depth4 = gql(`{ entity(id: "country:PRK") { relations(first: 1) { from { name } } } }`)
	depth6 = gql(`{ entity(id: "country:PRK") { relations(first: 1) { from { relations(first: 1) { from { name } } } } } }`)
)

// Every setting comes through from the environment, and Neo4j's timings reach /metrics.
func TestServeConfigFromEnvironment(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t,
		"FACTGRAPH_MAX_DEPTH", "3",
		"FACTGRAPH_MAX_COMPLEXITY", "50",
		"FACTGRAPH_QUERY_TIMEOUT", "7s",
		"FACTGRAPH_INTROSPECTION", "false",
		"FACTGRAPH_TOKEN", "t0ken",
		"FACTGRAPH_CORS_ORIGINS", " https://a.example.org, https://b.example.org ",
		"FACTGRAPH_MAX_BODY", "2048",
	)
	s := startServe(t, env)

	if _, _, codes, raw := s.send(t, "POST", "/graphql", depth4); len(codes) != 1 || !strings.Contains(codes[0], "LIMIT_EXCEEDED: operation has depth 4, which exceeds the limit of 3") {
		t.Errorf("depth 4 with FACTGRAPH_MAX_DEPTH=3: %s", raw)
	}
	if _, _, codes, raw := s.send(t, "POST", "/graphql", gql(`{ entity(id: "x") { relations(first: 60) { type } } }`)); len(codes) != 1 || !strings.Contains(codes[0], "limit of 50") {
		t.Errorf("complexity 62 with FACTGRAPH_MAX_COMPLEXITY=50: %s", raw)
	}
	if _, _, codes, raw := s.send(t, "POST", "/graphql", gql(`{ __schema { queryType { name } } }`)); len(codes) == 0 {
		t.Errorf("introspection with FACTGRAPH_INTROSPECTION=false: %s", raw)
	}
	if status, _, _, raw := s.send(t, "POST", "/graphql", gql(`{ __typename }`), "Authorization", "Bearer t0ken"); status != http.StatusOK {
		t.Errorf("the token of FACTGRAPH_TOKEN: %d %s", status, raw)
	}
	if status, _, codes, _ := s.send(t, "POST", "/graphql", gql(`{ __typename }`), "Authorization", "Bearer other"); status != http.StatusUnauthorized || len(codes) != 1 || !strings.HasPrefix(codes[0], "UNAUTHENTICATED") {
		t.Errorf("a wrong token: %d %v", status, codes)
	}
	_, h, _, _ := s.send(t, "OPTIONS", "/graphql", "", "Origin", "https://b.example.org", "Access-Control-Request-Method", "POST")
	if h.Get("Access-Control-Allow-Origin") != "https://b.example.org" {
		t.Errorf("preflight from the second origin of FACTGRAPH_CORS_ORIGINS: headers %v", h)
	}
	if status, _, _, _ := s.send(t, "POST", "/graphql", gql(`{ __typename }`+strings.Repeat(" ", 3000))); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a 3000-byte body with FACTGRAPH_MAX_BODY=2048: %d", status)
	}
	if !strings.Contains(s.logs.String(), `"query_timeout":7000`) {
		t.Errorf("the serving log line lacks the query timeout of FACTGRAPH_QUERY_TIMEOUT: %s", s.logs.String())
	}

	// A query that reaches Neo4j, then its timing on /metrics: graph.Config.Observe is wired.
	if status, _, codes, raw := s.send(t, "POST", "/graphql", gql(`query NK { entity(id: "country:PRK") { name } }`)); status != http.StatusOK || len(codes) > 0 {
		t.Fatalf("a plain query: %d %s", status, raw)
	}
	_, _, _, metrics := s.send(t, "GET", "/metrics", "")
	for _, want := range []string{`factgraph_graphql_requests_total{operation="NK",outcome="ok"} 1`, `factgraph_neo4j_query_duration_seconds_count{op=`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	// The access log names the operation and the request.
	if !regexp.MustCompile(`"request_id":"[0-9a-f]{16}".*"operation":"NK"`).MatchString(s.logs.String()) {
		t.Errorf("no access log line with the operation and a request id:\n%s", s.logs.String())
	}
}

// A flag wins over its environment variable, which wins over the default.
func TestServeFlagsOverrideEnvironment(t *testing.T) {
	graphtest.Open(t)
	s := startServe(t, testEnv(t, "FACTGRAPH_MAX_DEPTH", "3"), "--max-depth", "5", "--log", "console")
	if _, _, codes, raw := s.send(t, "POST", "/graphql", depth4); len(codes) > 0 {
		t.Errorf("depth 4 with --max-depth 5 over FACTGRAPH_MAX_DEPTH=3: %s", raw)
	}
	if _, _, codes, raw := s.send(t, "POST", "/graphql", depth6); len(codes) != 1 || !strings.Contains(codes[0], "limit of 5") {
		t.Errorf("depth 6 with --max-depth 5: %s", raw)
	}
	if strings.Contains(s.logs.String(), `{"level"`) {
		t.Errorf("--log console wrote JSON: %s", s.logs.String())
	}
}

// A setting that does not parse stops serve before it connects to anything, naming the
// variable or flag, with exit code 2.
func TestServeRefusesBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"depth not a number", []string{"FACTGRAPH_MAX_DEPTH", "deep"}, nil, "FACTGRAPH_MAX_DEPTH"},
		{"negative complexity", []string{"FACTGRAPH_MAX_COMPLEXITY", "-5"}, nil, "max complexity"},
		{"timeout not a duration", []string{"FACTGRAPH_QUERY_TIMEOUT", "30"}, nil, "FACTGRAPH_QUERY_TIMEOUT"},
		{"introspection not a bool", []string{"FACTGRAPH_INTROSPECTION", "maybe"}, nil, "FACTGRAPH_INTROSPECTION"},
		{"origin not an origin", []string{"FACTGRAPH_CORS_ORIGINS", "dash.example.org"}, nil, "CORS origins"},
		{"log format", []string{"FACTGRAPH_LOG", "xml"}, nil, "log format"},
		{"flag", nil, []string{"--max-depth", "x"}, "max-depth"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// An unreachable Neo4j: the settings must be refused before it matters.
			env := testEnv(t, append(tc.env, "NEO4J_URI", "bolt://127.0.0.1:1")...)
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"factgraph", "serve"}, tc.args...), env, nil, &out, &errb)
			if err == nil || !strings.Contains(err.Error()+errb.String(), tc.want) {
				t.Fatalf("err = %v (stderr %q), want one naming %s", err, errb.String(), tc.want)
			}
			if code := exitCode(err); code != 2 {
				t.Errorf("exit code %d, want 2", code)
			}
		})
	}
}
