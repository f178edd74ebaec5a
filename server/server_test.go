package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

const (
	acceptGraphQLResponse = "application/graphql-response+json"
	acceptJSON            = "application/json"
)

var sample = filepath.Join("..", "data", "sample.json")

// A query nested deeper than the limit is refused with LIMIT_EXCEEDED before any
// resolver runs: Neo4j sees no transaction for it. Fragments are followed.
func TestDepthLimitRefusesBeforeNeo4j(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	limit := server.DefaultConfig.MaxDepth
	if limit != 12 {
		t.Fatalf("default max depth = %d, want 12", limit)
	}
	for _, tc := range []struct {
		name       string
		query      string
		accept     string
		wantStatus int
		wantDepth  int // 0: allowed
	}{
		{"depth 20 through a fragment", nested(20, true), acceptJSON, http.StatusOK, 20},
		{"depth 20, graphql-response+json", nested(20, true), acceptGraphQLResponse, http.StatusBadRequest, 20},
		{"one past the limit", nested(limit+1, false), acceptJSON, http.StatusOK, limit + 1},
		{"at the limit", nested(limit, false), acceptJSON, http.StatusOK, 0},
		{"at the limit through a fragment", nested(limit, true), acceptJSON, http.StatusOK, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.calls.Load()
			got := f.do(t, request{Query: tc.query, Header: map[string]string{"Accept": tc.accept}})
			calls := f.calls.Load() - before
			if got.Status != tc.wantStatus {
				t.Errorf("status = %d, want %d: %s", got.Status, tc.wantStatus, got.Raw)
			}
			if tc.wantDepth == 0 {
				if len(got.Errors) > 0 || !got.hasData() {
					t.Errorf("a query of depth %d was refused: %s", limit, got.Raw)
				}
				if calls == 0 {
					t.Error("an allowed query made no Neo4j call: the counter does not count")
				}
				return
			}
			if !slices.Equal(got.codes(), []string{"LIMIT_EXCEEDED"}) {
				t.Fatalf("codes = %v, want [LIMIT_EXCEEDED]: %s", got.codes(), got.Raw)
			}
			want := fmt.Sprintf("operation has depth %d, which exceeds the limit of %d", tc.wantDepth, limit)
			if got.Errors[0].Message != want {
				t.Errorf("message = %q, want %q", got.Errors[0].Message, want)
			}
			if got.hasData() {
				t.Errorf("a refused query has data: %s", got.Raw)
			}
			if calls != 0 {
				t.Errorf("Neo4j ran %d transactions for a query refused by depth, want 0", calls)
			}
		})
	}
}

// A query over the complexity budget is refused with LIMIT_EXCEEDED before any resolver
// runs; list sizes (first, limit) multiply, literal or from variables.
func TestComplexityLimitRefusesBeforeNeo4j(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	budget := server.DefaultConfig.MaxComplexity
	for _, tc := range []struct {
		name    string
		query   string
		vars    map[string]any
		refused bool
	}{
		{"fan-out of neighbourhoods",
			`query Wide { entity(id: "country:PRK") { relations(first: 500) { from { neighborhood(limit: 1000) { nodes { distance } } } } } }`,
			nil, true},
		{"list size from a variable",
			`query Many($n: Int!) { entity(id: "country:PRK") { relations(first: $n) { type from { name } to { name } } } }`,
			map[string]any{"n": budget}, true},
		{"within budget",
			`query Few($n: Int!) { entity(id: "country:PRK") { relations(first: $n) { type from { name } to { name } } } }`,
			map[string]any{"n": 100}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.calls.Load()
			got := f.do(t, request{Query: tc.query, Variables: tc.vars})
			calls := f.calls.Load() - before
			if !tc.refused {
				if len(got.Errors) > 0 || got.Status != http.StatusOK {
					t.Errorf("refused: %d %s", got.Status, got.Raw)
				}
				return
			}
			if got.Status != http.StatusOK || !slices.Equal(got.codes(), []string{"LIMIT_EXCEEDED"}) {
				t.Fatalf("got %d %v, want 200 [LIMIT_EXCEEDED]: %s", got.Status, got.codes(), got.Raw)
			}
			if msg := got.Errors[0].Message; !strings.Contains(msg, fmt.Sprintf("exceeds the limit of %d", budget)) {
				t.Errorf("message %q does not name the limit %d", msg, budget)
			}
			if calls != 0 {
				t.Errorf("Neo4j ran %d transactions for a query refused by complexity, want 0", calls)
			}
		})
	}
}

// The playground's introspection nests ofType deeper than the depth limit; it is not
// counted. With introspection off, it fails.
func TestIntrospectionAndTheLimits(t *testing.T) {
	const query = `query IntrospectionQuery {
	  __schema { queryType { name } types { kind name fields(includeDeprecated: true) {
	    name args { name type { ...TypeRef } } type { ...TypeRef } } } } }
	fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType {
	  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`
	on := newFixture(t, server.DefaultConfig)
	got := on.do(t, request{Query: query})
	if len(got.Errors) > 0 || !strings.Contains(string(got.Data), `"queryType":{"name":"Query"}`) {
		t.Errorf("introspection with the default limits: %.300s", got.Raw)
	}

	cfg := server.DefaultConfig
	cfg.Introspection = false
	off := newFixture(t, cfg)
	got = off.do(t, request{Query: query})
	if len(got.Errors) == 0 || strings.Contains(string(got.Data), `"queryType"`) {
		t.Errorf("introspection switched off answered: %.300s", got.Raw)
	}
}

// With Neo4j unreachable a query fails with UNAVAILABLE in milliseconds (the circuit
// breaker cuts the driver's retries short) and /readyz says 503; both come back by
// themselves within a second or two of Neo4j returning. The shared test Neo4j is not
// stopped: the server reaches it through a proxy that the test switches off (every
// connection closed, new ones refused, as when the process is killed) and on. The
// driver keeps its default retry time (15s): the breaker, not a short retry, fails fast.
func TestNeo4jOutageGivesUnavailableAndRecovers(t *testing.T) {
	u, err := url.Parse(graphtest.Config(t).URI)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startProxy(t, u.Host)
	cfg := server.DefaultConfig
	cfg.QueryTimeout = 10 * time.Second
	f := newFixture(t, cfg, func(gc *graph.Config) {
		gc.URI = "bolt://" + proxy.addr
		gc.ConnectTimeout = time.Second
	})
	if _, err := (&loader.Loader{Writer: f.DB}).LoadFile(context.Background(), sample, ""); err != nil {
		t.Fatalf("load sample: %v", err)
	}
	query := request{Query: `query NorthKorea { entity(id: "country:PRK") { name } }`}
	readyz := request{Method: http.MethodGet, Path: "/readyz"}
	answers := func(got gqlResponse) bool {
		return got.Status == http.StatusOK && len(got.Errors) == 0 && strings.Contains(string(got.Data), "North Korea")
	}

	if got := f.do(t, query); !answers(got) {
		t.Fatalf("before the outage: %s", got.Raw)
	}
	if got := f.do(t, readyz); got.Status != http.StatusOK {
		t.Fatalf("/readyz before the outage = %d", got.Status)
	}

	proxy.Down()
	// The first query after the kill finds dead connections and a refused one; the
	// next ones find the breaker open.
	var slowest time.Duration
	for i := range 10 {
		start := time.Now()
		got := f.do(t, query)
		d := time.Since(start)
		slowest = max(slowest, d)
		if got.Status != http.StatusOK || !slices.Equal(got.codes(), []string{"UNAVAILABLE"}) {
			t.Errorf("query %d during the outage: %d %v, want 200 [UNAVAILABLE]: %s", i, got.Status, got.codes(), got.Raw)
		}
		if i == 0 {
			t.Logf("first query after the kill: UNAVAILABLE in %v", d)
		}
	}
	if slowest > 100*time.Millisecond {
		t.Errorf("the slowest UNAVAILABLE took %v, want under 100ms", slowest)
	}
	start := time.Now()
	if got := f.do(t, readyz); got.Status != http.StatusServiceUnavailable {
		t.Errorf("/readyz during the outage = %d, want 503: %s", got.Status, got.Raw)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("/readyz took %v during the outage", d)
	}
	time.Sleep(time.Second) // half-open probes fail meanwhile

	proxy.Up(t)
	up := time.Now()
	for tries := 1; ; tries++ {
		got := f.do(t, query)
		if answers(got) {
			d := time.Since(up)
			t.Logf("first good answer %v after Neo4j was back (%d tries)", d, tries)
			if d > 2*time.Second {
				t.Errorf("the first good answer came %v after Neo4j was back, want within 2s", d)
			}
			break
		}
		if time.Since(up) > 10*time.Second {
			t.Fatalf("no recovery in 10s: %s", got.Raw)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := f.do(t, readyz); got.Status != http.StatusOK {
		t.Errorf("/readyz after the outage = %d: %s", got.Status, got.Raw)
	}
}

// GraphQL over HTTP: status codes and media types per the draft spec.
func TestGraphQLOverHTTP(t *testing.T) {
	cfg := server.DefaultConfig
	cfg.MaxBodyBytes = 4096
	f := newFixture(t, cfg)
	gqlResp := map[string]string{"Accept": acceptGraphQLResponse}
	jsonOnly := map[string]string{"Accept": acceptJSON}
	for _, tc := range []struct {
		name       string
		req        request
		wantStatus int
		wantType   string // media type of the response
		wantCode   string // extensions.code of the one error; "" for none
		wantAllow  string
	}{
		{"syntax error, graphql-response+json", request{Query: "{ entity(", Header: gqlResp},
			http.StatusBadRequest, acceptGraphQLResponse, "GRAPHQL_PARSE_FAILED", ""},
		{"syntax error, application/json", request{Query: "{ entity(", Header: jsonOnly},
			http.StatusOK, acceptJSON, "GRAPHQL_PARSE_FAILED", ""},
		{"syntax error, no Accept", request{Query: "{ entity("},
			http.StatusOK, acceptJSON, "GRAPHQL_PARSE_FAILED", ""},
		{"validation error, graphql-response+json", request{Query: "{ noSuchField }", Header: gqlResp},
			http.StatusBadRequest, acceptGraphQLResponse, "GRAPHQL_VALIDATION_FAILED", ""},
		{"graphql-response+json preferred by q", request{Query: "{ __typename }",
			Header: map[string]string{"Accept": "application/json;q=0.5, application/graphql-response+json"}},
			http.StatusOK, acceptGraphQLResponse, "", ""},
		{"application/json preferred by q", request{Query: "{ __typename }",
			Header: map[string]string{"Accept": "application/json, application/graphql-response+json;q=0.1"}},
			http.StatusOK, acceptJSON, "", ""},
		{"GET query", request{Method: http.MethodGet, Query: "{ __typename }", Header: gqlResp},
			http.StatusOK, acceptGraphQLResponse, "", ""},
		{"GET mutation", request{Method: http.MethodGet, Query: `mutation { ingest(facts: "{}") { created } }`, Header: gqlResp},
			http.StatusMethodNotAllowed, acceptGraphQLResponse, "BAD_REQUEST", "POST"},
		{"GET mutation, application/json", request{Method: http.MethodGet, Query: `mutation { ingest(facts: "{}") { created } }`},
			http.StatusMethodNotAllowed, acceptJSON, "BAD_REQUEST", "POST"},
		{"PUT", request{Method: http.MethodPut},
			http.StatusMethodNotAllowed, acceptJSON, "BAD_REQUEST", "GET, POST, OPTIONS"},
		{"HEAD", request{Method: http.MethodHead},
			http.StatusMethodNotAllowed, acceptJSON, "", "GET, POST, OPTIONS"},
		{"OPTIONS", request{Method: http.MethodOptions},
			http.StatusOK, "", "", "GET, POST, OPTIONS"},
		{"POST text/plain", request{Body: "{ __typename }", ContentType: "text/plain"},
			http.StatusUnsupportedMediaType, acceptJSON, "BAD_REQUEST", ""},
		{"body not JSON", request{Body: `{"query": `, Header: jsonOnly},
			http.StatusBadRequest, acceptJSON, "BAD_REQUEST", ""},
		{"body not JSON, graphql-response+json", request{Body: `["query"]`, Header: gqlResp},
			http.StatusBadRequest, acceptGraphQLResponse, "BAD_REQUEST", ""},
		{"body too large", request{Body: `{"query": "{ __typename }", "x": "` + strings.Repeat("x", 5000) + `"}`},
			http.StatusRequestEntityTooLarge, acceptJSON, "LIMIT_EXCEEDED", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.calls.Load()
			got := f.do(t, tc.req)
			if got.Status != tc.wantStatus {
				t.Errorf("status = %d, want %d: %s", got.Status, tc.wantStatus, got.Raw)
			}
			if ct := got.Header.Get("Content-Type"); tc.wantType != "" && ct != tc.wantType {
				t.Errorf("Content-Type = %q, want %q", ct, tc.wantType)
			}
			if allow := got.Header.Get("Allow"); allow != tc.wantAllow {
				t.Errorf("Allow = %q, want %q", allow, tc.wantAllow)
			}
			if tc.req.Method == http.MethodHead || tc.req.Method == http.MethodOptions {
				return
			}
			var want []string
			if tc.wantCode != "" {
				want = []string{tc.wantCode}
			}
			if !slices.Equal(got.codes(), want) {
				t.Errorf("codes = %v, want %v: %s", got.codes(), want, got.Raw)
			}
			if tc.wantStatus != http.StatusOK && f.calls.Load() != before {
				t.Errorf("a refused request ran %d Neo4j transactions", f.calls.Load()-before)
			}
		})
	}
}

// Automatic persisted queries: a hash the server does not know asks for the query, which
// the server then keeps; GET works too, so a CDN can cache queries.
func TestAutomaticPersistedQueries(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	const query = "query Typename { __typename }"
	sum := sha256.Sum256([]byte(query))
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`

	got := f.do(t, request{Body: `{"extensions":` + ext + `}`})
	if got.Status != http.StatusOK || !slices.Equal(got.codes(), []string{"PERSISTED_QUERY_NOT_FOUND"}) {
		t.Fatalf("unknown hash: %d %s", got.Status, got.Raw)
	}
	got = f.do(t, request{Body: `{"query":` + strconv.Quote(query) + `,"extensions":` + ext + `}`})
	if len(got.Errors) > 0 || !strings.Contains(string(got.Data), "Query") {
		t.Fatalf("hash with its query: %s", got.Raw)
	}
	got = f.do(t, request{Method: http.MethodGet, Path: "/graphql?extensions=" + url.QueryEscape(ext)})
	if got.Status != http.StatusOK || len(got.Errors) > 0 || !strings.Contains(string(got.Data), "Query") {
		t.Errorf("GET with the known hash alone: %d %s", got.Status, got.Raw)
	}
}

// /metrics shows the request, error and Neo4j metrics after requests, with operation
// names as labels only when they are real, plus the Go and process collectors.
func TestMetrics(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	f.do(t, request{Query: `query NorthKorea { entity(id: "country:PRK") { name } }`})
	f.do(t, request{Query: `query NorthKorea { entity(id: "country:PRK") { name } }`, Operation: "NorthKorea"})
	f.do(t, request{Query: "{ entity(", Operation: "Junk"})
	f.do(t, request{Query: `{ entity(id: "x") { name } }`})
	f.do(t, request{Query: nested(20, false)})
	long := strings.Repeat("A", 65)
	f.do(t, request{Query: "query " + long + " { __typename }"})
	f.do(t, request{Method: http.MethodOptions}) // not a GraphQL request: not counted

	got := f.do(t, request{Method: http.MethodGet, Path: "/metrics"})
	if got.Status != http.StatusOK {
		t.Fatalf("/metrics = %d", got.Status)
	}
	for _, want := range []string{
		`factgraph_graphql_requests_total{operation="NorthKorea",outcome="ok"} 2`,
		`factgraph_graphql_requests_total{operation="other",outcome="rejected"} 1`, // Junk: did not parse
		`factgraph_graphql_requests_total{operation="anonymous",outcome="ok"} 1`,
		`factgraph_graphql_requests_total{operation="Deep",outcome="rejected"} 1`,
		`factgraph_graphql_requests_total{operation="other",outcome="ok"} 1`, // the 65-character name
		`factgraph_graphql_request_duration_seconds_count{operation="NorthKorea"} 2`,
		`factgraph_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1`,
		`factgraph_graphql_errors_total{code="LIMIT_EXCEEDED"} 1`,
		"go_goroutines ",
		"process_cpu_seconds_total ",
	} {
		if !strings.Contains(got.Raw, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if !regexp.MustCompile(`(?m)^factgraph_neo4j_query_duration_seconds_count\{op="[A-Za-z0-9_]+",outcome="ok"\} [1-9]`).MatchString(got.Raw) {
		t.Error("/metrics has no Neo4j query durations")
	}
	if strings.Contains(got.Raw, `outcome="error"`) {
		t.Error("an OPTIONS request was counted as a GraphQL request")
	}
}

// The access log line of a GraphQL request names the operation and the request id.
func TestAccessLogNamesOperationAndRequestID(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	got := f.do(t, request{Query: `query NorthKorea { entity(id: "country:PRK") { name } }`,
		Header: map[string]string{"X-Request-Id": "req-42"}})
	if got.Header.Get("X-Request-Id") != "req-42" {
		t.Errorf("X-Request-Id = %q, want the client's", got.Header.Get("X-Request-Id"))
	}
	var line string
	for l := range strings.SplitSeq(f.logs.String(), "\n") {
		if strings.Contains(l, `"path":"/graphql"`) {
			line = l
		}
	}
	for _, want := range []string{`"request_id":"req-42"`, `"operation":"NorthKorea"`, `"outcome":"ok"`, `"status":200`} {
		if !strings.Contains(line, want) {
			t.Errorf("access log line %q lacks %s", line, want)
		}
	}
}

// Browsers from allowed origins get CORS headers, preflight included; others do not.
func TestCORS(t *testing.T) {
	const allowed, other = "https://dash.example.org", "https://elsewhere.example.com"
	cfg := server.DefaultConfig
	cfg.CORSOrigins = []string{allowed}
	cfg.Token = "s3cret"
	f := newFixture(t, cfg)
	preflight := func(origin string) request {
		return request{Method: http.MethodOptions, Header: map[string]string{
			"Origin": origin, "Access-Control-Request-Method": "POST",
			"Access-Control-Request-Headers": "authorization,content-type"}}
	}

	got := f.do(t, preflight(allowed))
	if got.Status/100 != 2 {
		t.Errorf("preflight status = %d", got.Status)
	}
	for h, want := range map[string]string{
		"Access-Control-Allow-Origin":  allowed,
		"Access-Control-Allow-Methods": "post",
		"Access-Control-Allow-Headers": "authorization,content-type",
		"Access-Control-Max-Age":       "600",
	} {
		if v := strings.ReplaceAll(got.Header.Get(h), " ", ""); !strings.Contains(strings.ToLower(v), want) {
			t.Errorf("preflight from %s: %s = %q, want %q", allowed, h, v, want)
		}
	}

	got = f.do(t, preflight(other))
	for h := range got.Header {
		if strings.HasPrefix(h, "Access-Control-") {
			t.Errorf("preflight from %s got %s: %q", other, h, got.Header.Get(h))
		}
	}

	got = f.do(t, request{Query: "{ __typename }", Header: map[string]string{"Origin": allowed}})
	if got.Header.Get("Access-Control-Allow-Origin") != allowed || !strings.Contains(got.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id") {
		t.Errorf("POST from %s: headers %v", allowed, got.Header)
	}
	got = f.do(t, request{Query: "{ __typename }", Header: map[string]string{"Origin": allowed, "Authorization": "Bearer wrong"}})
	if got.Status != http.StatusUnauthorized || got.Header.Get("Access-Control-Allow-Origin") != allowed {
		t.Errorf("a 401 to %s: %d, Access-Control-Allow-Origin %q; the page could not read it", allowed, got.Status, got.Header.Get("Access-Control-Allow-Origin"))
	}
	got = f.do(t, request{Query: "{ __typename }", Header: map[string]string{"Origin": other}})
	if v := got.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("POST from %s: Access-Control-Allow-Origin %q", other, v)
	}

	// Without origins configured, nothing CORS at all.
	plain := newFixture(t, server.DefaultConfig)
	got = plain.do(t, preflight(allowed))
	if v := got.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("no origins configured, yet Access-Control-Allow-Origin %q", v)
	}
}

// A wrong bearer token is refused with 401 UNAUTHENTICATED; no token, or the right one,
// goes through.
func TestBearerToken(t *testing.T) {
	cfg := server.DefaultConfig
	cfg.Token = "s3cret"
	f := newFixture(t, cfg)
	for _, tc := range []struct {
		name, auth string
		accept     string
		wantStatus int
	}{
		{"no token", "", "", http.StatusOK},
		{"right token", "Bearer s3cret", "", http.StatusOK},
		{"right token, lower-case scheme", "bearer s3cret", "", http.StatusOK},
		{"wrong token", "Bearer s3cret2", "", http.StatusUnauthorized},
		{"wrong token, graphql-response+json", "Bearer nope", acceptGraphQLResponse, http.StatusUnauthorized},
		{"empty token", "Bearer ", "", http.StatusUnauthorized},
		{"other scheme", "Basic czNjcmV0", "", http.StatusUnauthorized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			if tc.auth != "" {
				h["Authorization"] = tc.auth
			}
			if tc.accept != "" {
				h["Accept"] = tc.accept
			}
			got := f.do(t, request{Query: "{ __typename }", Header: h})
			if got.Status != tc.wantStatus {
				t.Fatalf("status = %d, want %d: %s", got.Status, tc.wantStatus, got.Raw)
			}
			if tc.wantStatus == http.StatusOK {
				if len(got.Errors) > 0 || !got.hasData() {
					t.Errorf("refused: %s", got.Raw)
				}
				return
			}
			if !slices.Equal(got.codes(), []string{"UNAUTHENTICATED"}) || got.hasData() {
				t.Errorf("body %s, want one UNAUTHENTICATED error and no data", got.Raw)
			}
			wantType := acceptJSON
			if tc.accept != "" {
				wantType = tc.accept
			}
			if ct := got.Header.Get("Content-Type"); ct != wantType {
				t.Errorf("Content-Type = %q, want %q", ct, wantType)
			}
			if !strings.HasPrefix(got.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("WWW-Authenticate = %q", got.Header.Get("WWW-Authenticate"))
			}
		})
	}

	// With no token configured, nobody can present one.
	open := newFixture(t, server.DefaultConfig)
	if got := open.do(t, request{Query: "{ __typename }", Header: map[string]string{"Authorization": "Bearer "}}); got.Status != http.StatusUnauthorized {
		t.Errorf("no token configured, empty bearer: %d", got.Status)
	}
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  func(*server.Config)
		want string // "" for valid
	}{
		{"default", func(*server.Config) {}, ""},
		{"limits off", func(c *server.Config) { c.MaxDepth, c.MaxComplexity, c.QueryTimeout = 0, 0, 0 }, ""},
		{"origins", func(c *server.Config) {
			c.CORSOrigins = []string{"*", "https://dash.example.org", "http://localhost:3000", "https://*.example.org"}
		}, ""},
		{"negative depth", func(c *server.Config) { c.MaxDepth = -1 }, "max depth"},
		{"negative complexity", func(c *server.Config) { c.MaxComplexity = -1 }, "max complexity"},
		{"negative timeout", func(c *server.Config) { c.QueryTimeout = -time.Second }, "query timeout"},
		{"origin with a path", func(c *server.Config) { c.CORSOrigins = []string{"https://dash.example.org/app"} }, "CORS origins"},
		{"origin without scheme", func(c *server.Config) { c.CORSOrigins = []string{"dash.example.org"} }, "CORS origins"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := server.DefaultConfig
			tc.mod(&c)
			err := c.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Validate() = %v, want an error naming %q", err, tc.want)
			}
		})
	}
}
