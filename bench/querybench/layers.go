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

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/server"
)

// layers times the entity card through each layer of factgraph in turn, at each
// concurrency, in one run: the floor (the statement through the driver), factgraph's
// graph.DB (the domain call: breaker, bookmarks, mapping), the HTTP handler of
// factgraph serve called in this process (GraphQL parsing, validation, limits,
// planning, execution, JSON, and the client's decoding, no socket), and factgraph serve
// over loopback (-factgraph). The differences between neighbouring rows are what each
// layer costs per request (BENCHMARKS.md, "Where the card's time goes").
func layers(ctx context.Context, o options, card *workload, p *params, fg *gqlClient, fl *floor) error {
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
		{"floor (driver)", func(ctx context.Context, i int) error { _, err := card.floor(ctx, fl, i); return err }},
		{"graph.DB.Entity", func(ctx context.Context, i int) error {
			_, err := db.Entity(ctx, pick(p.Entities, i), cardView)
			return err
		}},
		{"handler in process", func(ctx context.Context, i int) error { q, v := card.fg(i); _, err := inproc.do(ctx, q, v); return err }},
		{"serve over loopback", func(ctx context.Context, i int) error { q, v := card.fg(i); _, err := fg.do(ctx, q, v); return err }},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n#### Entity card, layer by layer\n\nEach cell: at most %s or %d requests after %d warm-up requests; latencies in ms; the last column is p50 over the floor's.\n\n",
		o.lim.Duration, o.lim.Requests, o.lim.Warmup)
	b.WriteString("| c | layer | req/s | p50 | p95 | p99 | errors | p50 / floor |\n|---:|---|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range o.conc {
		var floorP50 float64
		for k, s := range systems {
			fmt.Fprintf(os.Stderr, "querybench: layers c=%-3d %-20s ", c, s.name)
			r := run(ctx, s.do, c, o.lim)
			fmt.Fprintf(os.Stderr, "%.0f/s\n", r.RPS())
			if r.Errors > 0 {
				fmt.Fprintf(os.Stderr, "querybench:   %d errors, first: %s\n", r.Errors, r.FirstErr)
			}
			if k == 0 {
				floorP50 = float64(r.P50)
			}
			fmt.Fprintf(&b, "| %d | %s | %.0f | %s | %s | %s | %d/%d | %.2f |\n", c, s.name, r.RPS(), ms(r.P50), ms(r.P95), ms(r.P99),
				r.Errors, r.Requests, ratio(float64(r.P50), floorP50))
			if ctx.Err() != nil {
				return ctx.Err()
			}
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
