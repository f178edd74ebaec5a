package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// serveEnv maps each serve flag that the environment can set to its variable. A flag on
// the command line wins over the variable, which wins over the default.
// docs/configuration.md documents them; keep the two in step.
var serveEnv = []struct{ flag, env string }{
	{"addr", "FACTGRAPH_ADDR"},
	{"log", "FACTGRAPH_LOG"},
	{"max-depth", "FACTGRAPH_MAX_DEPTH"},
	{"max-complexity", "FACTGRAPH_MAX_COMPLEXITY"},
	{"max-statements", "FACTGRAPH_MAX_STATEMENTS"},
	{"rate-limit", "FACTGRAPH_RATE_LIMIT"},
	{"rate-burst", "FACTGRAPH_RATE_BURST"},
	{"max-body", "FACTGRAPH_MAX_BODY"},
	{"query-timeout", "FACTGRAPH_QUERY_TIMEOUT"},
	{"introspection", "FACTGRAPH_INTROSPECTION"},
	{"cors-origins", "FACTGRAPH_CORS_ORIGINS"},
	{"path-budget", "FACTGRAPH_PATH_BUDGET"},
	{"path-timeout", "FACTGRAPH_PATH_TIMEOUT"},
	{"neo4j-silence-timeout", "FACTGRAPH_NEO4J_SILENCE_TIMEOUT"},
}

func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [flags]", stderr)
	nc := neo4jFlags(fs, getenv)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address (env FACTGRAPH_ADDR)")
	logFormat := fs.String("log", "json", "log format: json or console (env FACTGRAPH_LOG)")
	cfg := server.DefaultConfig
	fs.IntVar(&cfg.MaxDepth, "max-depth", cfg.MaxDepth, "deepest field nesting of an operation, 0 for no limit (env FACTGRAPH_MAX_DEPTH)")
	fs.IntVar(&cfg.MaxComplexity, "max-complexity", cfg.MaxComplexity, "complexity budget of an operation, 0 for no limit (env FACTGRAPH_MAX_COMPLEXITY)")
	fs.IntVar(&cfg.MaxStatements, "max-statements", cfg.MaxStatements, "budget of Neo4j statements of an operation (root fields, aliases included), 0 for no limit (env FACTGRAPH_MAX_STATEMENTS)")
	fs.Float64Var(&cfg.RateLimit, "rate-limit", cfg.RateLimit, "GraphQL requests a second each client (the token's holder, else an address) may send on average, 0 for no limit (env FACTGRAPH_RATE_LIMIT)")
	fs.IntVar(&cfg.RateBurst, "rate-burst", cfg.RateBurst, "requests a client may send at once under --rate-limit (env FACTGRAPH_RATE_BURST)")
	fs.Int64Var(&cfg.MaxBodyBytes, "max-body", cfg.MaxBodyBytes, "largest POST body to /graphql, in bytes (env FACTGRAPH_MAX_BODY)")
	fs.DurationVar(&cfg.QueryTimeout, "query-timeout", cfg.QueryTimeout, "time limit of one GraphQL request and of its Neo4j transactions, 0 for none (env FACTGRAPH_QUERY_TIMEOUT)")
	fs.BoolVar(&cfg.Introspection, "introspection", cfg.Introspection, "allow GraphQL schema introspection (env FACTGRAPH_INTROSPECTION)")
	fs.Func("cors-origins", "comma-separated `origins` browsers may call /graphql from; empty for none (env FACTGRAPH_CORS_ORIGINS)",
		func(s string) error { cfg.CORSOrigins = splitList(s); return nil })
	fs.IntVar(&nc.PathBudget, "path-budget", graph.DefaultPathBudget, "relationships one paths, shortestPath or connections request may expand before it fails with LIMIT_EXCEEDED (env FACTGRAPH_PATH_BUDGET)")
	fs.DurationVar(&nc.PathTimeout, "path-timeout", graph.DefaultPathTimeout, "time limit of the search for paths longer than the shortest (env FACTGRAPH_PATH_TIMEOUT)")
	fs.DurationVar(&nc.SilenceTimeout, "neo4j-silence-timeout", 0, "open the circuit breaker when Neo4j leaves a Bolt handshake unanswered this long with nothing else heard from it (a killed Neo4j is silent until the kernel closes its sockets); 0: only a refused or dropped connection opens it (env FACTGRAPH_NEO4J_SILENCE_TIMEOUT)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := applyEnv(fs, serveEnv, getenv); err != nil {
		return err
	}
	if nc.PathBudget < 1 || nc.PathTimeout <= 0 {
		return usageError{fmt.Sprintf("path budget %d and path timeout %v must be positive", nc.PathBudget, nc.PathTimeout)}
	}
	// The write token comes from the environment only: a command line is visible to
	// every user of the machine (ps, /proc).
	cfg.Token = strings.TrimSpace(getenv("FACTGRAPH_TOKEN"))
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	log, err := newLogger(*logFormat, stderr)
	if err != nil {
		return err
	}
	if err := servePprof(strings.TrimSpace(getenv("FACTGRAPH_PPROF_ADDR")), log); err != nil {
		return err
	}

	metrics := server.NewMetrics()
	nc.QueryTimeout = cfg.QueryTimeout
	nc.Observe = metrics.ObserveNeo4j
	// The driver's retries and its wait for a pooled connection end with the request's
	// context, so at its deadline; without a deadline they keep the driver's bounds.
	if cfg.QueryTimeout > 0 {
		nc.MaxRetryTime = cfg.QueryTimeout
	}
	nc.OnBreakerChange = func(from, to string) {
		metrics.ObserveBreaker(to)
		// Open and closed are logged; the flips between open and half-open while the
		// probes fail (four a second) only at debug level.
		ev := log.Debug()
		switch {
		case from == "closed":
			ev = log.Warn()
		case to == "closed":
			ev = log.Info()
		}
		ev.Str("from", from).Str("to", to).Msg("neo4j circuit breaker")
	}
	db, err := openGraph(ctx, nc)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	if cfg.Token != "" {
		cfg.Ingester = &loader.Loader{Writer: db} // the ingest mutations, behind the token
		x, err := newExtractor(splitList(getenv("FACTGRAPH_GAZETTEER")))
		if err != nil {
			return err
		}
		cfg.Extractor = x
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	var writeTimeout time.Duration // none when requests have no time limit
	if cfg.QueryTimeout > 0 {
		writeTimeout = cfg.QueryTimeout + 10*time.Second
	}
	srv := &http.Server{
		Handler:           server.NewServer(cfg, db, log, metrics),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       2 * time.Minute,
	}
	url := "http://" + displayAddr(ln.Addr())
	fmt.Fprintf(stdout, "factgraph: serving GraphQL at %s/graphql, the playground at %s/ and the explorer at %s/explore/ (neo4j %s)\n", url, url, url, db.URI())
	log.Info().Str("addr", ln.Addr().String()).Str("neo4j", db.URI()).
		Int("max_depth", cfg.MaxDepth).Int("max_complexity", cfg.MaxComplexity).Int("max_statements", cfg.MaxStatements).
		Dur("query_timeout", cfg.QueryTimeout).Bool("introspection", cfg.Introspection).
		Bool("writes", cfg.Token != "").Strs("cors_origins", cfg.CORSOrigins).Msg("serving")

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// applyEnv sets each flag not given on the command line from its environment variable,
// if that is set, and names the variable when its value does not parse.
func applyEnv(fs *flag.FlagSet, vars []struct{ flag, env string }, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, v := range vars {
		val := getenv(v.env)
		if val == "" || given[v.flag] {
			continue
		}
		if err := fs.Set(v.flag, val); err != nil {
			return usageError{fmt.Sprintf("%s=%q: %v", v.env, val, err)}
		}
	}
	return nil
}

// splitList splits a comma-separated list, dropping blanks.
func splitList(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// displayAddr turns a listen address into one a browser can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
