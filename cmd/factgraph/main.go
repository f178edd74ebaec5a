// Command factgraph loads facts from news articles into a Neo4j knowledge graph and serves
// traversal queries over GraphQL. Run `factgraph help` for the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/factgraph/factgraph"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "factgraph: %v\n", err)
		}
		os.Exit(exitCode(err))
	}
}

// exitCode: 2 for usage and input errors, 3 when the database is unavailable, 1 otherwise.
func exitCode(err error) int {
	var ue usageError
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	}
	switch factgraph.ErrorCode(err) {
	case factgraph.EINVALID:
		return 2
	case factgraph.EUNAVAILABLE:
		return 3
	}
	return 1
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `factgraph turns facts from news articles into a Neo4j knowledge graph and serves
traversal queries over GraphQL.

Usage:
  factgraph <command> [flags] [arguments]

Commands:
  serve     serve GraphQL at /graphql, the playground at / and the explorer at /explore/
  load      validate fact files and load them into the graph
  import    initial load of an empty database with neo4j-admin import (offline, fastest)
  extract   read facts from article text (rules and a gazetteer, offline); print them
  ingest    extract the facts of articles and load them into the graph
  migrate   apply the graph schema (constraints and indexes)
  gen       write a synthetic NDJSON fact file shaped like a news graph
  version   print the version

Run "factgraph <command> -h" for a command's flags.

Environment:
  NEO4J_URI        Neo4j address          (default bolt://127.0.0.1:7687)
  NEO4J_USER       Neo4j user             (default neo4j)
  NEO4J_PASSWORD   Neo4j password         (default factgraph-dev, the local dev server's)
  NEO4J_DATABASE   Neo4j database         (default neo4j)
  FACTGRAPH_ADDR   serve: listen address  (default 127.0.0.1:8080)
  FACTGRAPH_LOG    log format: json or console (default json)
  FACTGRAPH_TOKEN  serve: bearer token that allows the ingest mutations (default: none)
  FACTGRAPH_GAZETTEER  extract, ingest, serve: extra gazetteer files, comma-separated
  More serve settings (limits, CORS, timeouts): factgraph serve -h, docs/configuration.md.
`

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// run is the whole program: main only supplies the process's environment.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, getenv, stdout, stderr)
	case "load":
		return runLoad(ctx, rest, getenv, stdin, stdout, stderr)
	case "import":
		return runImport(ctx, rest, getenv, stdin, stdout, stderr)
	case "extract":
		return runExtract(rest, getenv, stdin, stdout, stderr)
	case "ingest":
		return runIngest(ctx, rest, getenv, stdin, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, rest, getenv, stderr)
	case "gen":
		return runGen(ctx, rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "factgraph %s\n", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}
