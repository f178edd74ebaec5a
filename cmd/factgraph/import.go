package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/importer"
	"github.com/factgraph/factgraph/loader"
)

const importHelp = `Imports fact files into an EMPTY database with Neo4j's offline bulk importer
(neo4j-admin database import full): the initial load of millions of records. The files
are validated first exactly as by factgraph load (any invalid record: nothing is
imported), converted to CSV, imported into the data of the local server of scripts/neo4j,
then the schema is applied and the indexes built. The graph is the one factgraph load
builds from the same files. The server must be stopped; start it again afterwards.
Later loads (new facts into the imported graph) are factgraph load's. See docs/import.md.

  NEO4J_LOCAL_DIR=.neo4j scripts/neo4j stop
  factgraph import facts.ndjson
  scripts/neo4j start

For a Neo4j this process cannot reach on disk (a container): --csv-only DIR writes the
CSV and the neo4j-admin arguments; after importing them, factgraph import --finish
applies the schema through NEO4J_URI.
`

func runImport(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", "import [flags] FILE... (- for stdin)", stderr)
	usage := fs.Usage
	fs.Usage = func() { fmt.Fprint(stderr, importHelp+"\n"); usage() }
	var o importer.Options
	version := envOr(getenv, "NEO4J_VERSION", "5.26.30")
	fs.StringVar(&o.Home.Dir, "neo4j-home", envOr(getenv, "NEO4J_LOCAL_DIR", ".neo4j"),
		"the local server's directory, scripts/neo4j's NEO4J_LOCAL_DIR (env NEO4J_LOCAL_DIR)")
	fs.StringVar(&o.Home.Lib, "neo4j-lib", "", "the Neo4j jars (default $XDG_CACHE_HOME/factgraph/neo4j-$NEO4J_VERSION/lib, where scripts/neo4j install puts them)")
	fs.StringVar(&o.Format, "format", "", "json, ndjson or csv (default: from the extension, or sniffed)")
	fs.StringVar(&o.WorkDir, "work-dir", "", "directory for temporary files: sort runs and CSV, about twice the input (default $TMPDIR)")
	fs.StringVar(&o.CSVDir, "csv", "", "write the CSV files and import.args here and keep them")
	fs.BoolVar(&o.CSVOnly, "csv-only", false, "with --csv: stop after writing the CSV (import it yourself, then run --finish)")
	finish := fs.Bool("finish", false, "complete an import done by hand: restore the lists of one empty string, apply the schema, wait for the indexes, through NEO4J_URI")
	sortMB := fs.Int("sort-memory", 512, "MiB of records held in memory while grouping them (more spills to --work-dir)")
	fs.IntVar(&o.Admin.Threads, "threads", 0, "neo4j-admin worker threads (default: the number of cores)")
	fs.StringVar(&o.Admin.Heap, "import-heap", "1g", "neo4j-admin JVM heap")
	fs.StringVar(&o.Admin.MaxOffHeap, "import-off-heap", "2g", "neo4j-admin --max-off-heap-memory")
	fs.StringVar(&o.ServerHeap, "server-heap", "1g", "heap of the private server that applies the schema")
	fs.StringVar(&o.ServerPageCache, "server-pagecache", "1g", "page cache of that server")
	fs.DurationVar(&o.StartTimeout, "server-start-timeout", 5*time.Minute, "how long to wait for the private server to start (a busy machine is slow)")
	fs.DurationVar(&o.IndexTimeout, "index-timeout", time.Hour, "how long to wait for the indexes to come online")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	progress := fs.String("progress", "auto", "auto (a bar on a terminal, log lines otherwise), bar, log or none")
	nc := neo4jFlags(fs, getenv) // --finish connects like factgraph migrate
	if err := parse(fs, args); err != nil {
		return err
	}
	if *finish {
		return runImportFinish(ctx, fs.NArg(), nc, stderr)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"import: no fact file given"}
	}
	if o.CSVOnly && o.CSVDir == "" {
		return usageError{"import: --csv-only needs --csv DIR"}
	}
	switch o.Format {
	case "", loader.FormatJSON, loader.FormatNDJSON, loader.FormatCSV:
	default:
		return usageError{fmt.Sprintf("import: --format %q: want json, ndjson or csv", o.Format)}
	}
	for _, f := range fs.Args() {
		if f == "-" {
			continue
		}
		if _, err := os.Stat(f); err != nil {
			return usageError{err.Error()}
		}
	}
	if o.Home.Lib == "" {
		o.Home.Lib = importer.DefaultLib(version)
	}
	if abs, err := filepath.Abs(o.Home.Dir); err == nil {
		o.Home.Dir = abs
	}
	o.Home.Database = nc.Database
	o.Home.Password = nc.Password
	if o.Home.Password == "" {
		o.Home.Password = nc.envPassword
	}
	o.SortMemory = *sortMB << 20
	o.Stdin = stdin
	p, err := newProgress(*progress, stderr)
	if err != nil {
		return err
	}
	o.Progress = p.update
	if *progress != "none" {
		o.Log = &finishingWriter{p: p, w: stderr}
	}
	sum, err := importer.Import(ctx, fs.Args(), o)
	p.finish()
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	if o.CSVOnly {
		fmt.Fprintf(stdout, "converted %d records (%d articles, %d entities, %d relations, %d events) to %s: %d nodes and %d relationships; %.1fs\n"+
			"import them with: neo4j-admin database import full %s %s\nthen, with the server started: factgraph import --finish\n",
			sum.Records(), sum.Articles, sum.Entities, sum.Relations, sum.Events, sum.CSVDir, sum.Nodes, sum.Relationships, sum.Seconds,
			strings.Join(sum.ImportArgs, " "), o.Home.Database)
		return nil
	}
	fmt.Fprintf(stdout, "imported %d files into %s: %d records (%d articles, %d entities, %d relations, %d events); "+
		"%d created, %d updated, %d unchanged; %d nodes and %d relationships created; "+
		"%.1fs (convert %.1fs, neo4j-admin %.1fs, schema and indexes %.1fs), %.0f records/s\n",
		len(sum.Files), o.Home.Dir, sum.Records(), sum.Articles, sum.Entities, sum.Relations, sum.Events,
		sum.Created, sum.Updated, sum.Unchanged, sum.Nodes, sum.Relationships,
		sum.Seconds, sum.ConvertSeconds, sum.ImportSeconds, sum.SchemaSeconds, sum.PerSecond)
	fmt.Fprintf(stdout, "start the server: NEO4J_LOCAL_DIR=%s scripts/neo4j start\n", o.Home.Dir)
	return nil
}

// runImportFinish completes an import run by hand, on a running server.
func runImportFinish(ctx context.Context, nargs int, nc *neo4jOptions, stderr io.Writer) error {
	if nargs > 0 {
		return usageError{"import --finish takes no files"}
	}
	c := nc.Config
	if c.Password == "" {
		c.Password = nc.envPassword
	}
	db, err := openGraphNoMigrate(ctx, c)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	_, err = importer.Finish(ctx, db, importer.AllLists, time.Hour, stderr)
	return err
}

// finishingWriter ends a progress bar's line before a log line.
type finishingWriter struct {
	p *progress
	w io.Writer
}

func (f *finishingWriter) Write(b []byte) (int, error) {
	f.p.finish()
	return f.w.Write(b)
}

// openGraphNoMigrate connects without applying the schema (Finish applies it after
// restoring the lists, so that the indexes are built once).
func openGraphNoMigrate(ctx context.Context, c graph.Config) (*graph.DB, error) {
	return graph.Open(ctx, c)
}
