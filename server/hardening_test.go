package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// fanOut is a query whose fragments each spread the next one twice, levels deep: 1.2 KB
// at 30 levels, 2^30 fields once expanded.
func fanOut(levels int) string {
	var b strings.Builder
	b.WriteString(`query FanOut { stats { ...F0 } }`)
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on Stats { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Stats { entities }", levels)
	return b.String()
}

// The fragment fan-out is refused by the expanded-size cap in milliseconds, without a
// Neo4j transaction, and while a burst of them is refused the server answers others.
func TestFragmentFanOutIsRefusedFast(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	query := fanOut(30)
	f.do(t, request{Query: `{ stats { entities } }`}) // warm the connections

	before := f.calls.Load()
	start := time.Now()
	got := f.do(t, request{Query: query})
	took := time.Since(start)
	if !slices.Equal(got.codes(), []string{"LIMIT_EXCEEDED"}) {
		t.Fatalf("codes %v, want [LIMIT_EXCEEDED]: %.300s", got.codes(), got.Raw)
	}
	if msg := got.Errors[0].Message; !strings.Contains(msg, "fields with its fragments expanded, which exceeds the limit of 20000") {
		t.Errorf("message %q does not name the expanded-size cap", msg)
	}
	if took > 50*time.Millisecond {
		t.Errorf("refusing the 30-level fan-out took %v, want under 50ms", took)
	}
	if calls := f.calls.Load() - before; calls != 0 {
		t.Errorf("Neo4j ran %d transactions for a refused query, want 0", calls)
	}

	// Four clients sending the fan-out in a loop; meanwhile a normal query answers.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				f.do(t, request{Query: query})
			}
		}()
	}
	time.Sleep(100 * time.Millisecond)
	var slowest time.Duration
	for range 10 {
		start := time.Now()
		got := f.do(t, request{Query: `{ stats { entities } }`})
		slowest = max(slowest, time.Since(start))
		if len(got.Errors) > 0 || !got.hasData() {
			t.Fatalf("a normal query during the fan-out burst: %s", got.Raw)
		}
	}
	cancel()
	wg.Wait()
	if slowest > 2*time.Second {
		t.Errorf("a normal query took %v during the fan-out burst", slowest)
	}
	t.Logf("fan-out refused in %v; slowest normal answer during the burst %v", took, slowest)
}

// The statement budget counts root fields, aliases included: 1,000 aliases of stats are
// refused before any transaction, naming the budget; as many as the budget allows run.
func TestStatementBudget(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	budget := server.DefaultConfig.MaxStatements
	aliases := func(n int, field string) string {
		var b strings.Builder
		b.WriteString("query Many {")
		for i := range n {
			fmt.Fprintf(&b, " a%d: %s", i, field)
		}
		b.WriteString(" }")
		return b.String()
	}
	for _, tc := range []struct {
		name      string
		query     string
		wantCount int // statements named in the message; 0: allowed
	}{
		{"1000 aliases of stats", aliases(1000, "stats { entities }"), 1000},
		{"1000 aliases of neighbors", aliases(1000, `neighbors(id: "x") { edges { type } }`), 2000},
		{"one past the budget", aliases(budget+1, "stats { entities }"), budget + 1},
		{"through a fragment on Query", "query Frag { ...Q } fragment Q on Query { " + strings.TrimSuffix(strings.TrimPrefix(aliases(budget+1, "stats { entities }"), "query Many {"), "}") + " }", budget + 1},
		{"at the budget", aliases(budget, "stats { entities }"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.calls.Load()
			got := f.do(t, request{Query: tc.query})
			calls := f.calls.Load() - before
			if tc.wantCount == 0 {
				if len(got.Errors) > 0 || !got.hasData() {
					t.Fatalf("refused: %.300s", got.Raw)
				}
				if calls != int64(budget) {
					t.Errorf("%d aliases of stats ran %d transactions, want %d", budget, calls, budget)
				}
				return
			}
			if !slices.Equal(got.codes(), []string{"LIMIT_EXCEEDED"}) {
				t.Fatalf("codes %v, want [LIMIT_EXCEEDED]: %.300s", got.codes(), got.Raw)
			}
			want := fmt.Sprintf("operation would run %d Neo4j statements (one or more per root field, aliases included), which exceeds the statement budget of %d", tc.wantCount, budget)
			if msg := got.Errors[0].Message; msg != want {
				t.Errorf("message %q, want %q", msg, want)
			}
			if l := got.Errors[0].Extensions["limit"]; l != "statements" {
				t.Errorf("extensions.limit = %v, want statements", l)
			}
			if got.hasData() || strings.Contains(got.Raw, `"data"`) {
				t.Errorf("a refused operation has a data entry: %.200s", got.Raw)
			}
			if calls != 0 {
				t.Errorf("Neo4j ran %d transactions for a refused query, want 0", calls)
			}
		})
	}
}

// Every root field runs at most the statements the budget counts for it.
func TestStatementBudgetCountsTransactions(t *testing.T) {
	cfg := server.DefaultConfig
	f := newFixture(t, cfg)
	if _, err := (&loader.Loader{Writer: f.DB}).LoadFile(context.Background(), sample, ""); err != nil {
		t.Fatalf("load sample: %v", err)
	}
	for _, tc := range []struct {
		field, query string
		args         map[string]any
	}{
		{"node", `{ node(id: "country:PRK") { id } }`, nil},
		{"entity", `{ entity(id: "country:PRK") { name } }`, nil},
		{"entity", `{ entity(id: "country:PRK") { name relations(first: 5) { type to { name } } timeline(first: 3) { id }
			neighborhood(depth: 3) { nodes { distance } edges { type evidence { quote } } } } }`, nil},
		{"entities", `{ entities(first: 5) { edges { node { name relations(first: 2) { type }
			neighborhood(depth: 2) { nodes { distance } } } } } }`, nil},
		{"entities", `{ entities(first: 5) { edges { node { name } } } }`, nil},
		{"search", `{ search(text: "korea") { entity { name } } }`, nil},
		{"neighbors", `{ neighbors(id: "country:PRK", depth: 2) { nodes { distance node { id } } edges { type evidence { quote } } } }`, nil},
		{"shortestPath", `{ shortestPath(from: "country:PRK", to: "country:RUS") { length } }`, nil},
		{"connections", `{ connections(ids: ["country:PRK", "country:RUS", "country:USA"]) { nodes { distance } edges { type evidence { quote } } } }`,
			map[string]any{"ids": []any{"country:PRK", "country:RUS", "country:USA"}}},
		{"supplyChain", `{ supplyChain(recipient: "country:RUS") { paths { length } subgraph { edges { type } } } }`, nil},
		{"events", `{ events(first: 5) { edges { node { type } } } }`, nil},
		{"stats", `{ stats { entities relationsByType { name count } } }`, nil},
	} {
		t.Run(tc.field, func(t *testing.T) {
			before := f.calls.Load()
			got := f.do(t, request{Query: tc.query})
			if len(got.Errors) > 0 {
				t.Fatalf("%.300s\n%s", got.Raw, f.logs.String())
			}
			calls := f.calls.Load() - before
			if budgeted := server.RootStatements(tc.field, tc.args); calls > int64(budgeted) {
				t.Errorf("%s ran %d transactions, the budget counts %d", tc.field, calls, budgeted)
			}
		})
	}
}

// Errors are capped: 10,000 repeated directives get one parse error (the token limit),
// 1,000 get the first errors and a count of the rest, not a megabyte of them.
func TestErrorListsAreCapped(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	for _, tc := range []struct {
		name      string
		n         int
		wantCodes int
	}{
		{"10000 directives", 10000, 1},
		{"1000 directives", 1000, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			query := "{ stats" + strings.Repeat(" @skip(if: false)", tc.n) + " { entities } }"
			got := f.do(t, request{Query: query, Header: map[string]string{"Accept": acceptGraphQLResponse}})
			if got.Status != http.StatusBadRequest || len(got.Errors) != tc.wantCodes {
				t.Fatalf("status %d, %d errors, want 400 and %d: %.300s", got.Status, len(got.Errors), tc.wantCodes, got.Raw)
			}
			if len(got.Raw) > 10000 {
				t.Errorf("the response is %d bytes", len(got.Raw))
			}
			if tc.wantCodes > 1 {
				last := got.Errors[len(got.Errors)-1].Message
				if want := fmt.Sprintf("%d more errors not shown", tc.n-1-19); !strings.HasPrefix(last, want) {
					t.Errorf("last error %q, want it to start %q", last, want)
				}
			}
		})
	}
}

// Parse and validation errors have no "data" entry, in either media type (the
// graphql-http audit's two warnings).
func TestRefusedRequestsHaveNoData(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	for _, accept := range []string{acceptGraphQLResponse, acceptJSON} {
		for _, query := range []string{"{ stats {", "{ nope }"} {
			got := f.do(t, request{Query: query, Header: map[string]string{"Accept": accept}})
			if len(got.Errors) == 0 || strings.Contains(got.Raw, `"data"`) {
				t.Errorf("%s, %q: want errors and no data entry: %s", accept, query, got.Raw)
			}
		}
	}
	// An executed operation keeps its data entry, null when a non-null root failed.
	got := f.do(t, request{Query: `{ stats { entities } }`})
	if !got.hasData() {
		t.Errorf("executed: %s", got.Raw)
	}
}

// A client that disconnects mid-request stops the work: its Neo4j transaction ends
// (SHOW TRANSACTIONS no longer lists it) and writes nothing. The work is an ingest that
// waits for a lock held by another transaction of the test, so it runs until stopped.
func TestDisconnectStopsTheNeo4jTransaction(t *testing.T) {
	cfg := server.DefaultConfig
	cfg.Token = "s3cret"
	cfg.Ingester = selfIngester
	f := newFixture(t, cfg)
	if _, err := (&loader.Loader{Writer: f.DB}).LoadFile(context.Background(), sample, ""); err != nil {
		t.Fatalf("load sample: %v", err)
	}
	ctx := context.Background()

	// Hold a write lock on North Korea in a transaction left open.
	hold := f.DB.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: f.DB.Database()})
	defer hold.Close(ctx)
	holder, err := hold.BeginTransaction(ctx, neo4j.WithTxMetadata(map[string]any{"test": "holder"}))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback(ctx)
	if _, err := holder.Run(ctx, `MATCH (e:Entity {id: "country:PRK"}) SET e.heldByTest = true`, nil); err != nil {
		t.Fatal(err)
	}

	// The ingest writes North Korea's description: its statement waits for the lock.
	// (A statement waiting for a lock ends when its connection closes; a commit waiting
	// for one, as when only a relation touches the node, does not: Neo4j's behaviour.)
	facts := `{"article": {"id": "article:blocked", "title": "Blocked", "publishedAt": "2026-01-10"}}
{"entity": {"id": "country:PRK", "kind": "Country", "name": "North Korea", "description": "Blocked by the test."}}`
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($facts: String!) { ingest(facts: $facts, format: ndjson) { created } }`,
		"variables": map[string]any{"facts": facts},
	})
	cctx, disconnect := context.WithCancel(ctx)
	req, _ := http.NewRequestWithContext(cctx, http.MethodPost, f.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer s3cret")
	sent := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			err = fmt.Errorf("answered %d: %s", resp.StatusCode, b)
			sent <- err
			return
		}
		sent <- nil
	}()

	// others lists the transactions of the database other than the holder and SHOW's own.
	others := func() []string {
		var out []string
		for _, tx := range f.transactions(t) {
			if tx.meta != "holder" && !strings.HasPrefix(tx.query, "SHOW TRANSACTIONS") {
				out = append(out, tx.id+" "+tx.status+" "+truncateQuery(tx.query))
			}
		}
		return out
	}
	waitFor := func(what string, cond func([]string) bool) []string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			got := others()
			if cond(got) {
				return got
			}
			select {
			case err := <-sent:
				t.Fatalf("waiting for %s: %v", what, err)
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited 10s for %s; transactions: %v", what, got)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	blocked := waitFor("the ingest to wait for the lock", func(txs []string) bool {
		return len(txs) == 1 && strings.Contains(txs[0], "Blocked by")
	})
	t.Logf("running: %v", blocked)

	disconnect()
	if err := <-sent; err != nil {
		t.Fatalf("the request was %v while the lock was held", err)
	}
	start := time.Now()
	waitFor("the ingest's transaction to end", func(txs []string) bool { return len(txs) == 0 })
	t.Logf("the transaction ended %v after the client went away", time.Since(start))
	if !strings.Contains(f.logs.String(), `"outcome":"cancelled"`) {
		t.Errorf("the access log does not say the request was cancelled")
	}

	// Nothing of the ingest was written, even once the lock is released.
	if err := holder.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	got := f.do(t, request{Query: `{ node(id: "article:blocked") { id } entity(id: "country:PRK") { description } }`})
	if strings.Contains(got.Raw, "article:blocked") || strings.Contains(got.Raw, "Blocked by the test") {
		t.Errorf("the cancelled ingest wrote: %s", got.Raw)
	}
}

type transaction struct{ id, status, query, meta string }

// transactions is SHOW TRANSACTIONS on the test database.
func (f *fixture) transactions(t *testing.T) []transaction {
	t.Helper()
	ctx := context.Background()
	res, err := neo4j.ExecuteQuery(ctx, f.DB.Driver(),
		`SHOW TRANSACTIONS YIELD database, transactionId, status, currentQuery, metaData
		 WHERE database = $db RETURN transactionId, status, currentQuery, coalesce(metaData.test, "")`,
		map[string]any{"db": f.DB.Database()}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("system"))
	if err != nil {
		t.Fatalf("SHOW TRANSACTIONS: %v", err)
	}
	var out []transaction
	for _, r := range res.Records {
		id, _ := r.Values[0].(string)
		status, _ := r.Values[1].(string)
		query, _ := r.Values[2].(string)
		meta, _ := r.Values[3].(string)
		out = append(out, transaction{id, status, query, meta})
	}
	return out
}

func truncateQuery(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > 80 {
		return q[:80] + "..."
	}
	return q
}

// The per-client rate limit: a burst, then 429 with Retry-After and LIMIT_EXCEEDED; the
// writer (with the token) has a bucket of its own.
func TestRateLimitPerClient(t *testing.T) {
	cfg := server.DefaultConfig
	cfg.RateLimit, cfg.RateBurst = 0.5, 3
	cfg.Token = "s3cret"
	f := newFixture(t, cfg)
	q := request{Query: `{ stats { entities } }`}
	for i := range 3 {
		if got := f.do(t, q); got.Status != http.StatusOK || len(got.Errors) > 0 {
			t.Fatalf("request %d of the burst: %d %s", i+1, got.Status, got.Raw)
		}
	}
	got := f.do(t, q)
	if got.Status != http.StatusTooManyRequests || !slices.Equal(got.codes(), []string{"LIMIT_EXCEEDED"}) {
		t.Fatalf("past the burst: %d %v, want 429 [LIMIT_EXCEEDED]: %s", got.Status, got.codes(), got.Raw)
	}
	if ra := got.Header.Get("Retry-After"); ra != "2" {
		t.Errorf("Retry-After = %q, want 2 (one token every 2s)", ra)
	}
	if !strings.Contains(got.Errors[0].Message, "more than 0.5 requests a second from this client (bursts of 3)") {
		t.Errorf("message %q does not name the limit", got.Errors[0].Message)
	}
	w := q
	w.Header = map[string]string{"Authorization": "Bearer s3cret"}
	if got := f.do(t, w); got.Status != http.StatusOK {
		t.Errorf("the writer shares the readers' bucket: %d %s", got.Status, got.Raw)
	}
}

// A field repeated thousands of times in one selection set is refused before GraphQL
// validation, whose overlapping-fields rule compares every pair (95 s for 14,000).
func TestRepeatedFieldsAreRefusedBeforeValidation(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	for _, tc := range []struct {
		name    string
		query   string
		refused bool
	}{
		{"14000 repeats", "{ stats { " + strings.Repeat("entities ", 14000) + "} }", true},
		{"3000 repeats with selections", "{ " + strings.Repeat("stats { entities } ", 3000) + "}", true},
		{"through inline fragments", "{ stats { " + strings.Repeat("... on Stats { entities } ", 101) + "} }", true},
		{"100 repeats", "{ stats { " + strings.Repeat("entities ", 100) + "} }", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.calls.Load()
			start := time.Now()
			got := f.do(t, request{Query: tc.query})
			took := time.Since(start)
			if !tc.refused {
				if len(got.Errors) > 0 || !got.hasData() {
					t.Fatalf("refused: %.300s", got.Raw)
				}
				return
			}
			if !slices.Equal(got.codes(), []string{"LIMIT_EXCEEDED"}) || got.Errors[0].Extensions["limit"] != "fields with one name" {
				t.Fatalf("codes %v, want [LIMIT_EXCEEDED] naming the limit: %.300s", got.codes(), got.Raw)
			}
			if took > time.Second {
				t.Errorf("refused in %v, want well under a second", took)
			}
			if calls := f.calls.Load() - before; calls != 0 {
				t.Errorf("Neo4j ran %d transactions, want 0", calls)
			}
		})
	}
}
