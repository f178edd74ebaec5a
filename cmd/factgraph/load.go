package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/loader"
)

func runLoad(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("load", "load [flags] FILE... (- for stdin)", stderr)
	nc := neo4jFlags(fs, getenv)
	var opt loader.Options
	fs.BoolVar(&opt.DryRun, "dry-run", false, "validate, resolve references and report what would change; write nothing")
	fs.BoolVar(&opt.SkipInvalid, "skip-invalid", false, "write the valid records of a file with invalid ones (default: write nothing)")
	fs.IntVar(&opt.BatchSize, "batch-size", loader.DefaultBatchSize, "records per write transaction")
	fs.IntVar(&opt.Parallelism, "parallel", loader.DefaultParallelism, "concurrent write transactions")
	format := fs.String("format", "", "json, ndjson or csv (default: from the extension, or sniffed)")
	asJSON := fs.Bool("json", false, "print the summaries as JSON")
	progress := fs.String("progress", "auto", "auto (a bar on a terminal, log lines otherwise), bar, log or none")
	cpuProfile := fs.String("cpuprofile", "", "write the loader's own CPU profile (Go pprof) to this file, for `go tool pprof`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"load: no fact file given"}
	}
	switch *format {
	case "", loader.FormatJSON, loader.FormatNDJSON, loader.FormatCSV:
	default:
		return usageError{fmt.Sprintf("load: --format %q: want json, ndjson or csv", *format)}
	}
	for _, name := range fs.Args() { // before connecting: a wrong argument needs no database
		if name == "-" {
			continue
		}
		st, err := os.Stat(name)
		if err != nil {
			return usageError{fmt.Sprintf("load: %v", err)}
		}
		if st.IsDir() {
			return usageError{fmt.Sprintf("load: %s is a directory: give fact files (.json, .ndjson, .csv)", name)}
		}
	}
	p, err := newProgress(*progress, stderr)
	if err != nil {
		return err
	}
	opt.Progress = p.update
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return usageError{fmt.Sprintf("load: --cpuprofile: %v", err)}
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("load: --cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	db, err := openGraph(ctx, nc)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	l := &loader.Loader{Writer: db, Options: opt}
	var sums []loader.Summary
	var failed error
	for _, name := range fs.Args() {
		var sum loader.Summary
		var err error
		if name == "-" {
			sum, err = l.LoadReader(ctx, "stdin", stdin, *format)
		} else {
			sum, err = l.LoadFile(ctx, name, *format)
		}
		p.finish()
		if err != nil && os.IsNotExist(err) {
			return usageError{err.Error()}
		}
		if err != nil && !(opt.SkipInvalid && sum.Rejected > 0 && factgraph.ErrorCode(err) == factgraph.EINVALID) {
			return err
		}
		if err != nil {
			fmt.Fprintf(stderr, "factgraph: %v\n", err) // skipped records, reported; the rest was written
			failed = err
		}
		sums = append(sums, sum)
		if !*asJSON {
			fmt.Fprintln(stdout, describe(sum))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sums); err != nil {
			return err
		}
	}
	return failed
}

func describe(s loader.Summary) string {
	if s.DryRun {
		return fmt.Sprintf("checked %s (dry run, nothing written): %d records (%d articles, %d entities, %d relations, %d events); "+
			"would create %d, update %d, leave %d unchanged; %d rejected",
			s.File, s.Records(), s.Articles, s.Entities, s.Relations, s.Events, s.Created, s.Updated, s.Unchanged, s.Rejected)
	}
	return fmt.Sprintf("loaded %s: %d records (%d articles, %d entities, %d relations, %d events); "+
		"%d created, %d updated, %d unchanged, %d rejected; %d nodes and %d relationships created; %.1fs, %.0f records/s",
		s.File, s.Records(), s.Articles, s.Entities, s.Relations, s.Events,
		s.Created, s.Updated, s.Unchanged, s.Rejected, s.Nodes, s.Rels, s.Seconds, s.PerSecond)
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
