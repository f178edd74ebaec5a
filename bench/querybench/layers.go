package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/server"
)

// domainCall is a workload's request as factgraph's resolvers make it of graph.DB.
type domainCall func(ctx context.Context, db *graph.DB, p *params, i int) error

// entityCall is the domain call of a workload that asks for one entity with view v.
func entityCall(v factgraph.EntityView) domainCall {
	return func(ctx context.Context, db *graph.DB, p *params, i int) error {
		_, err := db.Entity(ctx, pick(p.Entities, i), v)
		return err
	}
}

// layerCalls are the domain calls factgraph's resolvers make for the workloads' queries.
var layerCalls = map[string]domainCall{
	"entity card":         entityCall(cardView),
	"2-hop neighbourhood": entityCall(view(factgraph.EntityView{Neighborhoods: []factgraph.NeighborhoodPart{{Query: hoodQuery}}})),
	"timeline":            entityCall(timelineView),
	"full-text search": func(ctx context.Context, db *graph.DB, p *params, i int) error {
		_, err := db.Search(ctx, factgraph.SearchQuery{Text: pick(p.Texts, i), First: searchFirst}, factgraph.EntityView{})
		return err
	},
}

// layers times a workload (the entity card, the neighbourhood, the timeline, search) through each layer of factgraph in turn, at each
// concurrency, in one run: the floor (the statement through the driver), factgraph's
// graph.DB (the domain call: breaker, bookmarks, mapping), the HTTP handler of
// factgraph serve called in this process (GraphQL parsing, validation, limits,
// planning, execution, JSON, and the client's decoding, no socket), and factgraph serve
// over loopback (-factgraph). The differences between neighbouring rows are what each
// layer costs per request (BENCHMARKS.md, "Where the card's time goes").
func layers(ctx context.Context, o options, w *workload, p *params, fg *gqlClient, fl *floor) error {
	call, ok := layerCalls[w.name]
	if !ok {
		return fmt.Errorf("-layers: no domain call for workload %q (one of: entity card, 2-hop neighbourhood, timeline, full-text search)", w.name)
	}
	db, err := graph.Open(ctx, graph.Config{URI: o.neo4jURI, User: o.user, Password: o.passwd})
	if err != nil {
		return fmt.Errorf("graph.Open: %w", err)
	}
	defer db.Close(context.Background())
	// The handler as factgraph serve builds it (defaults, JSON access log), logging to
	// nowhere instead of a file.
	h := server.NewServer(server.DefaultConfig, db, zerolog.New(io.Discard).With().Timestamp().Logger(), nil)
	inproc := &gqlClient{url: "http://factgraph.invalid/graphql", hc: &http.Client{Transport: handlerTransport{h}}}
	systems := []struct {
		name string
		do   request
	}{
		{"floor (driver)", func(ctx context.Context, i int) error { _, err := w.floor(ctx, fl, i); return err }},
		{"graph.DB (domain call)", func(ctx context.Context, i int) error { return call(ctx, db, p, i) }},
		{"handler in process", func(ctx context.Context, i int) error { q, vs := w.fg(i); _, err := inproc.do(ctx, q, vs); return err }},
		{"serve over loopback", func(ctx context.Context, i int) error { q, vs := w.fg(i); _, err := fg.do(ctx, q, vs); return err }},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n#### %s, layer by layer\n\nEach cell: at most %s or %d requests after %d warm-up requests, in %d rounds of rotated order; latencies in ms; the last column is p50 over the floor's.\n\n",
		w.name, o.lim.Duration, o.lim.Requests, o.lim.Warmup, max(o.rounds, 1))
	b.WriteString("| c | layer | req/s | p50 | p95 | p99 | errors | p50 / floor |\n|---:|---|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range o.conc {
		dos := make([]request, len(systems))
		for k, s := range systems {
			dos[k] = s.do
		}
		fmt.Fprintf(os.Stderr, "querybench: layers %s c=%d\n", w.name, c)
		res := runRounds(ctx, dos, c, o.lim, o.rounds)
		for k, s := range systems {
			r := res[k]
			if r.Errors > 0 {
				fmt.Fprintf(os.Stderr, "querybench:   %s: %d errors, first: %s\n", s.name, r.Errors, r.FirstErr)
			}
			fmt.Fprintf(&b, "| %d | %s | %.0f | %s | %s | %s | %d/%d | %.2f |\n", c, s.name, r.RPS(), ms(r.P50), ms(r.P95), ms(r.P99),
				r.Errors, r.Requests, ratio(float64(r.P50), float64(res[0].P50)))
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	fmt.Print(b.String())
	return nil
}

// handlerTransport answers HTTP requests by calling a handler in this process.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}
