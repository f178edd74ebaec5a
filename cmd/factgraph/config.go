package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph/graph"
)

// neo4jOptions are the Neo4j connection settings of a command.
type neo4jOptions struct {
	graph.Config
	envPassword string // NEO4J_PASSWORD or the dev default, used when the flag is not given
}

// neo4jFlags registers the Neo4j connection flags, defaulting to the environment.
func neo4jFlags(fs *flag.FlagSet, getenv func(string) string) *neo4jOptions {
	o := &neo4jOptions{envPassword: envOr(getenv, "NEO4J_PASSWORD", "factgraph-dev")}
	c := &o.Config
	fs.StringVar(&c.URI, "neo4j-uri", envOr(getenv, "NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI (env NEO4J_URI)")
	fs.StringVar(&c.User, "neo4j-user", envOr(getenv, "NEO4J_USER", "neo4j"), "Neo4j user (env NEO4J_USER)")
	// The password's default is not shown in -h: it may come from the environment.
	fs.StringVar(&c.Password, "neo4j-password", "", "Neo4j password (env NEO4J_PASSWORD; default factgraph-dev, the local dev server's)")

	fs.StringVar(&c.Database, "neo4j-database", envOr(getenv, "NEO4J_DATABASE", "neo4j"), "Neo4j database (env NEO4J_DATABASE)")
	fs.DurationVar(&c.ConnectTimeout, "neo4j-connect-timeout", 5*time.Second, "how long to wait for Neo4j to answer")
	return o
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// newFlagSet makes a flag set that reports errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: factgraph %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// newLogger writes JSON lines, or readable lines with format "console".
func newLogger(format string, w io.Writer) (zerolog.Logger, error) {
	switch format {
	case "", "json":
		return zerolog.New(w).With().Timestamp().Logger(), nil
	case "console":
		return zerolog.New(zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly, NoColor: !isTerminal(w)}).
			With().Timestamp().Logger(), nil
	}
	return zerolog.Nop(), usageError{fmt.Sprintf("log format %q: want json or console", format)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// openGraph connects to Neo4j and applies the schema.
func openGraph(ctx context.Context, o *neo4jOptions) (*graph.DB, error) {
	c := o.Config
	if c.Password == "" {
		c.Password = o.envPassword
	}
	db, err := graph.Open(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		_ = db.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return db, nil
}

// servePprof serves Go's profiles (net/http/pprof, under /debug/pprof/) on addr, the
// opt-in FACTGRAPH_PPROF_ADDR; nothing when addr is empty. Profiles expose the process's
// internals, so only a loopback address is accepted, and never on the API's own port.
func servePprof(addr string, log zerolog.Logger) error {
	if addr == "" {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		return usageError{fmt.Sprintf("FACTGRAPH_PPROF_ADDR=%q: give a loopback address such as 127.0.0.1:6060", addr)}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("pprof: listen on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	go func() { _ = http.Serve(ln, mux) }() // lives as long as the process
	log.Info().Str("addr", ln.Addr().String()).Msg("pprof")
	return nil
}
