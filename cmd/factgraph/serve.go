package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/factgraph/factgraph/server"
)

func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [flags]", stderr)
	nc := neo4jFlags(fs, getenv)
	addr := fs.String("addr", envOr(getenv, "FACTGRAPH_ADDR", "127.0.0.1:8080"), "listen address (env FACTGRAPH_ADDR)")
	logFormat := fs.String("log", envOr(getenv, "FACTGRAPH_LOG", "json"), "log format: json or console (env FACTGRAPH_LOG)")
	cfg := server.DefaultConfig
	fs.BoolVar(&cfg.Introspection, "introspection", cfg.Introspection, "allow GraphQL schema introspection")
	fs.DurationVar(&cfg.QueryTimeout, "query-timeout", cfg.QueryTimeout, "time limit of one GraphQL request")
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := newLogger(*logFormat, stderr)
	if err != nil {
		return err
	}
	db, err := openGraph(ctx, nc)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           server.NewServer(cfg, db, log),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.QueryTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	url := "http://" + displayAddr(ln.Addr())
	fmt.Fprintf(stdout, "factgraph: serving GraphQL at %s/graphql and the playground at %s/ (neo4j %s)\n", url, url, db.URI())
	log.Info().Str("addr", ln.Addr().String()).Str("neo4j", db.URI()).Msg("serving")

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
