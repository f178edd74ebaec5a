package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// fixture is the server over the test Neo4j, with the Neo4j transactions it runs counted
// through graph.Config.Observe and its log kept.
type fixture struct {
	URL     string
	DB      *graph.DB
	calls   atomic.Int64
	logs    lockedBuffer
	metrics *server.Metrics
}

// newFixture empties the test database and serves it with cfg on a loopback port. With
// mod, the server's own driver is configured by it (to go through a proxy, say).
func newFixture(t *testing.T, cfg server.Config, mod ...func(*graph.Config)) *fixture {
	t.Helper()
	graphtest.Open(t) // wipe and migrate
	f := &fixture{metrics: server.NewMetrics()}
	gc := graphtest.Config(t)
	gc.QueryTimeout = cfg.QueryTimeout
	gc.Observe = func(op string, d time.Duration, err error) {
		f.calls.Add(1)
		f.metrics.ObserveNeo4j(op, d, err)
	}
	gc.OnBreakerChange = func(from, to string) { t.Logf("circuit breaker: %s -> %s", from, to) }
	for _, m := range mod {
		m(&gc)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := graph.Open(ctx, gc)
	if err != nil {
		t.Fatalf("open neo4j: %v", err)
	}
	t.Cleanup(func() { _ = db.Close(context.Background()) })
	f.DB = db
	if cfg.Ingester == selfIngester {
		cfg.Ingester = &loader.Loader{Writer: db}
	}
	log := zerolog.New(&f.logs)
	srv := httptest.NewServer(server.NewServer(cfg, db, log, f.metrics))
	t.Cleanup(srv.Close)
	f.URL = srv.URL
	return f
}

// selfIngester in a fixture's Config stands for a loader writing to the fixture's own
// database, which does not exist before newFixture opens it.
var selfIngester factgraph.Ingester = &loader.Loader{}

// lockedBuffer is a bytes.Buffer safe for the server's goroutines and the test's.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// gqlResponse is a GraphQL response as the client sees it.
type gqlResponse struct {
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
	// What HTTP said.
	Status int         `json:"-"`
	Header http.Header `json:"-"`
	Raw    string      `json:"-"`
}

// codes are the extensions.code of the errors.
func (r gqlResponse) codes() []string {
	var out []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		out = append(out, c)
	}
	return out
}

// hasData says whether the response has a non-null data entry.
func (r gqlResponse) hasData() bool { return len(r.Data) > 0 && string(r.Data) != "null" }

// request is one HTTP request to the server; zero fields take the usual values.
type request struct {
	Method      string // POST
	Path        string // /graphql
	Body        string // for POST: the JSON of Query, OperationName and Variables unless set
	ContentType string // application/json for POST
	Query       string
	Operation   string
	Variables   map[string]any
	Header      map[string]string
}

// do sends the request and reads the response, decoding a JSON body if there is one.
func (f *fixture) do(t *testing.T, r request) gqlResponse {
	t.Helper()
	if r.Method == "" {
		r.Method = http.MethodPost
	}
	if r.Path == "" {
		r.Path = "/graphql"
	}
	u := f.URL + r.Path
	var body io.Reader
	switch {
	case r.Method == http.MethodGet && r.Query != "":
		q := url.Values{"query": {r.Query}}
		if r.Operation != "" {
			q.Set("operationName", r.Operation)
		}
		u += "?" + q.Encode()
	case r.Method == http.MethodPost:
		if r.Body == "" {
			b, _ := json.Marshal(map[string]any{"query": r.Query, "operationName": r.Operation, "variables": r.Variables})
			r.Body = string(b)
		}
		if r.ContentType == "" {
			r.ContentType = "application/json"
		}
		body = strings.NewReader(r.Body)
	}
	req, err := http.NewRequest(r.Method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatalf("%s %s: %v", r.Method, r.Path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	got := gqlResponse{Status: resp.StatusCode, Header: resp.Header, Raw: string(raw)}
	if strings.Contains(resp.Header.Get("Content-Type"), "json") && len(raw) > 0 {
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatalf("%s %s: response %q is not JSON: %v", r.Method, r.Path, raw, err)
		}
	}
	return got
}

// nested returns a query on entity(id: "country:PRK") that nests fields to depth (at
// least 2): each relations { from { ... } } pair adds two levels. With fragment, all but
// the top field come from a fragment, which the depth limit must follow. Lists ask for
// one item (first: 1) so that the complexity limit cannot be what refuses it.
func nested(depth int, fragment bool) string {
	k, leaf := (depth-2)/2, "name"
	if depth%2 == 1 {
		k, leaf = (depth-3)/2, "relations(first: 1) { type }"
	}
	chain := strings.Repeat("relations(first: 1) { from { ", k) + leaf + strings.Repeat(" } }", k)
	if fragment {
		return `query Deep { entity(id: "country:PRK") { ...Chain } } fragment Chain on Entity { ` + chain + " }"
	}
	return `query Deep { entity(id: "country:PRK") { ` + chain + " } }"
}
