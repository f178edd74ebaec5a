package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// FuzzGraphQLRequest sends arbitrary documents and variables to /graphql, on the real
// server over the real test Neo4j (sample data, no write token). Every request must be
// answered within a second with a well-formed GraphQL response: JSON with "errors" or
// "data", a status the transport documents, and no INTERNAL error (a bug or an
// unclassified Neo4j error).
//
//	nice -n 10 go test -run '^$' -fuzz FuzzGraphQLRequest -fuzztime 10m ./server/
func FuzzGraphQLRequest(f *testing.F) {
	seeds := []struct{ query, vars string }{
		{`{ stats { entities events articles relations } }`, ``},
		{`query Q($id: ID!) { entity(id: $id) { name relations(first: 3) { type to { name } } } }`, `{"id": "country:PRK"}`},
		{`query Q($n: Int!) { entities(first: $n) { edges { node { id degree } } } }`, `{"n": 5}`},
		{`{ search(text: "korea~ AND (", first: 5) { score entity { name } } }`, ``},
		{`{ neighbors(id: "country:RUS", depth: 2, limit: 50) { nodes { distance } edges { type } } }`, ``},
		{`{ shortestPath(from: "country:PRK", to: "country:UKR") { length } }`, ``},
		{`{ connections(ids: ["country:PRK", "country:RUS"]) { edges { from to } } }`, ``},
		{`{ supplyChain(recipient: "country:RUS") { paths { length } } }`, ``},
		{`{ events(first: 3) { edges { node { type roles { role } } } } }`, ``},
		{`{ node(id: "event:nk-troops-to-russia") { id ... on Event { type } } }`, ``},
		{fanOut(30), ``},
		{`{ stats` + strings.Repeat(` @skip(if: false)`, 50) + ` { entities } }`, ``},
		{`{ a: stats { entities } b: stats { entities } }`, ``},
		{`mutation { ingest(facts: "{}") { created } }`, ``},
		{`query Q($f: EntityFilter) { entities(filter: $f) { edges { node { id } } } }`, `{"f": {"nameContains": "\u0000"}}`},
		{`query Q($n: Int!) { entities(first: $n) { edges { node { id } } } }`, `{"n": 1e100}`},
		{`{ __schema { types { name fields { name } } } }`, ``},
		{`{ stats {`, ``},
		{``, `[]`},
	}
	for _, s := range seeds {
		f.Add(s.query, s.vars)
	}
	// One server per process: go test -fuzz runs the target in several worker processes.
	var (
		once sync.Once
		h    http.Handler
		err  error
	)
	f.Fuzz(func(t *testing.T, query, vars string) {
		once.Do(func() { h, err = newFuzzServer(t) })
		if err != nil {
			t.Fatal(err)
		}
		body := map[string]any{"query": query}
		if vars != "" {
			body["variables"] = json.RawMessage(vars)
		}
		b, merr := json.Marshal(body)
		if merr != nil {
			b = []byte(`{"query": ` + quoteJSON(query) + `, "variables": ` + vars + `}`)
		}
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(b)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/graphql-response+json")
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		if d := time.Since(start); d > time.Second {
			t.Fatalf("answered in %v, over a second: query %q variables %q", d, query, vars)
		}
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusMethodNotAllowed, http.StatusServiceUnavailable:
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		var resp struct {
			Data   json.RawMessage
			Errors []struct {
				Message    string
				Extensions map[string]any
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("response is not JSON (%v): %s", err, rec.Body.String())
		}
		if resp.Data == nil && len(resp.Errors) == 0 {
			t.Fatalf("response with neither data nor errors: %s", rec.Body.String())
		}
		if len(resp.Errors) > 20 {
			t.Fatalf("%d errors, over the cap of 20", len(resp.Errors))
		}
		for _, e := range resp.Errors {
			if e.Extensions["code"] == "INTERNAL" {
				t.Fatalf("internal error for query %q variables %q: %s", query, vars, rec.Body.String())
			}
		}
	})
}

// newFuzzServer opens the test Neo4j and serves it with a 500 ms query timeout, after
// loading the sample into a freshly migrated database unless it is there (the workers of
// one fuzz run share the database, and take turns: a file lock).
func newFuzzServer(t *testing.T) (http.Handler, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	gc := graphtest.Config(t)
	lock, err := os.OpenFile(filepath.Join(os.TempDir(), "factgraph-fuzz-"+strings.NewReplacer(":", "_", "/", "_").Replace(gc.URI)+".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return nil, err
	}
	setup, err := graph.Open(ctx, gc)
	if err != nil {
		return nil, err
	}
	if !loaded(ctx, setup) {
		_ = setup.Close(ctx)
		setup = graphtest.Open(t) // wiped and migrated
		if _, err := (&loader.Loader{Writer: setup}).LoadFile(ctx, sample, ""); err != nil {
			return nil, err
		}
	}
	_ = setup.Close(ctx)
	_ = syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	cfg := server.DefaultConfig
	cfg.QueryTimeout = 500 * time.Millisecond
	gc.QueryTimeout = cfg.QueryTimeout
	db, err := graph.Open(ctx, gc)
	if err != nil {
		return nil, err
	}
	return server.NewServer(cfg, db, zerolog.Nop(), nil), nil
}

func loaded(ctx context.Context, db *graph.DB) bool {
	e, err := db.Entity(ctx, "country:PRK", factgraph.EntityView{})
	return err == nil && e != nil
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
