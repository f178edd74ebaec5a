package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/factgraph/factgraph/loader"
)

func runLoad(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("load", "load [flags] FILE... (- for stdin)", stderr)
	nc := neo4jFlags(fs, getenv)
	dryRun := fs.Bool("dry-run", false, "validate and check references; write nothing")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"load: no fact file given"}
	}
	db, err := openGraph(ctx, nc)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	l := &loader.Loader{Writer: db, DryRun: *dryRun}
	var sums []loader.Summary
	for _, name := range fs.Args() {
		sum, err := loadOne(ctx, l, name, stdin)
		if err != nil {
			return err
		}
		sums = append(sums, sum)
		if !*asJSON {
			verb := "loaded"
			if sum.DryRun {
				verb = "checked (dry run, nothing written)"
			}
			fmt.Fprintf(stdout, "%s %s: %d articles, %d entities, %d relations, %d events; %d nodes and %d relationships created\n",
				verb, sum.File, sum.Articles, sum.Entities, sum.Relations, sum.Events,
				sum.Written.NodesCreated, sum.Written.RelationshipsCreated)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sums)
	}
	return nil
}

func loadOne(ctx context.Context, l *loader.Loader, name string, stdin io.Reader) (loader.Summary, error) {
	if name == "-" {
		return l.Load(ctx, "stdin", stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return loader.Summary{}, usageError{err.Error()}
	}
	defer f.Close()
	return l.Load(ctx, name, f)
}

func runMigrate(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := newFlagSet("migrate", "migrate [flags]", stderr)
	nc := neo4jFlags(fs, getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := openGraph(ctx, nc)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "factgraph: schema applied to %s\n", db.URI())
	return db.Close(ctx)
}
