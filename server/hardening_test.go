package server_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

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
