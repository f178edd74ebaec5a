// Package importer is the initial import of fact files into an empty Neo4j database
// through Neo4j's offline bulk importer, neo4j-admin database import full (factgraph
// import). It validates and resolves the files with the online loader's own code (package
// loader), converts them to the importer's CSV in bounded memory, runs neo4j-admin on the
// local server's data (scripts/neo4j), then starts that data privately to restore what CSV
// cannot express, apply the schema (graph/migrations) and wait for the indexes. The result
// is the graph factgraph load builds from the same files. docs/import.md is the user's
// guide.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/loader"
)

// Options tune an import.
type Options struct {
	Home   Home
	Format string // of every file: loader.FormatJSON, ... (default: from each file's name or content)
	// WorkDir holds the temporary files (sort runs, CSV); default the system's temp dir.
	WorkDir string
	// CSVDir, if set, receives the CSV files and import.args, and keeps them.
	CSVDir string
	// CSVOnly stops after writing the CSV (to CSVDir): for a Neo4j this process cannot
	// reach on disk, such as a container's (docs/import.md).
	CSVOnly bool
	// SortMemory bounds the records held in memory while grouping them (default 512 MiB).
	SortMemory int
	Admin      AdminOptions
	// ServerHeap and ServerPageCache size the private server that applies the schema.
	ServerHeap, ServerPageCache string
	// StartTimeout bounds the start of that server (default 5 minutes); IndexTimeout the
	// wait for the indexes to come online (default 1 hour).
	StartTimeout, IndexTimeout time.Duration
	// Progress, if set, is called as the conversion advances (the loader's validation and
	// write phases, then "group").
	Progress func(loader.Progress)
	// Log, if set, receives one line per step.
	Log io.Writer
	// Stdin is read for the file name "-" (default os.Stdin).
	Stdin io.Reader
}

// Summary says what an import read and built.
type Summary struct {
	Files     []loader.Summary `json:"files"`
	Articles  int              `json:"articles"`
	Entities  int              `json:"entities"`
	Relations int              `json:"relations"`
	Events    int              `json:"events"`
	Created   int              `json:"created"`
	Updated   int              `json:"updated"`
	Unchanged int              `json:"unchanged"`
	// Nodes and Relationships are what neo4j-admin created (the CSV's rows with CSVOnly).
	Nodes          int64    `json:"nodesCreated"`
	Relationships  int64    `json:"relationshipsCreated"`
	ListsRestored  int      `json:"listsRestored"` // properties set online: lists CSV cannot express
	CSVDir         string   `json:"csvDir,omitempty"`
	ImportArgs     []string `json:"importArgs,omitempty"`
	CheckSeconds   float64  `json:"checkSeconds"`   // the emptiness check of an existing database
	ConvertSeconds float64  `json:"convertSeconds"` // validation and CSV
	ImportSeconds  float64  `json:"importSeconds"`  // neo4j-admin database import
	SchemaSeconds  float64  `json:"schemaSeconds"`  // server start, lists, migrations, indexes online, stop
	Seconds        float64  `json:"seconds"`
	PerSecond      float64  `json:"recordsPerSecond"`
	// ConverterPeakRSSMB is this process's peak resident memory (the JVMs it runs are
	// separate processes with their own -Xmx and off-heap limits).
	ConverterPeakRSSMB int `json:"converterPeakRSSMB"`
}

// peakRSSMB reads this process's peak resident set (VmHWM), 0 where /proc is missing.
func peakRSSMB() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}

// Records is the number of records read.
func (s Summary) Records() int { return s.Articles + s.Entities + s.Relations + s.Events }

func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, "factgraph: "+format+"\n", args...)
	}
}

// Import imports the files, in order, into the empty database of o.Home. Every file is
// validated before anything is imported: a file with an invalid record (a
// *loader.ValidationError, file:line:column) imports nothing. A database that holds any
// node is refused, and so is a running server (the import is offline).
func Import(ctx context.Context, files []string, o Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	if len(files) == 0 {
		return sum, factgraph.Errorf(factgraph.EINVALID, "import: no fact file given")
	}
	if o.CSVOnly && o.CSVDir == "" {
		return sum, factgraph.Errorf(factgraph.EINVALID, "import: CSV only needs a directory for the CSV")
	}
	if o.SortMemory <= 0 {
		o.SortMemory = 512 << 20
	}
	if o.ServerHeap == "" {
		o.ServerHeap = "1g"
	}
	if o.ServerPageCache == "" {
		o.ServerPageCache = "1g"
	}
	if o.StartTimeout <= 0 {
		o.StartTimeout = 5 * time.Minute
	}
	if o.IndexTimeout <= 0 {
		o.IndexTimeout = time.Hour
	}
	h := &o.Home
	if !o.CSVOnly {
		if _, err := os.Stat(h.Dir); os.IsNotExist(err) && h.Dir != "" {
			if err := os.MkdirAll(h.Dir, 0o755); err != nil {
				return sum, err
			}
		}
		if err := h.check(); err != nil {
			return sum, err
		}
	}
	work, err := os.MkdirTemp(o.WorkDir, "factgraph-import-*")
	if err != nil {
		return sum, err
	}
	defer os.RemoveAll(work)

	// Refuse a database that is not empty before spending time on the conversion.
	overwrite := false
	if !o.CSVOnly && h.storeExists() {
		t0 := time.Now()
		o.logf("import: %s has a database %q: checking that it is empty", h.Dir, h.database())
		n, err := countNodes(ctx, h, filepath.Join(work, "check"), &o)
		if err != nil {
			return sum, fmt.Errorf("import: check that the database in %s is empty: %w", h.Dir, err)
		}
		if n > 0 {
			return sum, factgraph.Errorf(factgraph.EINVALID,
				"import: the database %q in %s is not empty (%d nodes): the initial import needs an empty database; "+
					"load into it with factgraph load, or wipe it first (NEO4J_LOCAL_DIR=%s scripts/neo4j reset)",
				h.database(), h.Dir, n, h.Dir)
		}
		overwrite = true
		sum.CheckSeconds = time.Since(t0).Seconds()
	}

	// Validate and convert, file by file, with the loader.
	t0 := time.Now()
	conv := newConverter(mkdir(work, "sort"), o.SortMemory)
	defer conv.remove()
	l := &loader.Loader{Writer: conv, Options: loader.Options{BatchSize: 10000, Parallelism: 1, Progress: o.Progress, Unsorted: true}}
	for _, name := range files {
		var fs loader.Summary
		var err error
		if name == "-" {
			in := o.Stdin
			if in == nil {
				in = os.Stdin
			}
			fs, err = l.LoadReader(ctx, "stdin", in, o.Format)
		} else {
			fs, err = l.LoadFile(ctx, name, o.Format)
		}
		if err != nil {
			var ve *loader.ValidationError
			if errors.As(err, &ve) {
				return sum, fmt.Errorf("%w\nnothing was imported", err)
			}
			return sum, err
		}
		sum.Files = append(sum.Files, fs)
		sum.Articles += fs.Articles
		sum.Entities += fs.Entities
		sum.Relations += fs.Relations
		sum.Events += fs.Events
	}
	csvDir := o.CSVDir
	if csvDir == "" {
		csvDir = filepath.Join(work, "csv")
	} else if csvDir, err = filepath.Abs(csvDir); err != nil {
		return sum, err
	}
	var groupProgress func(string, int64, int64)
	if o.Progress != nil {
		groupProgress = func(phase string, done, total int64) {
			o.Progress(loader.Progress{File: "all files", Phase: phase, Done: done, Total: total})
		}
	}
	args, counts, err := conv.writeCSV(csvDir, groupProgress)
	if err != nil {
		return sum, fmt.Errorf("import: write CSV: %w", err)
	}
	sum.Created, sum.Updated, sum.Unchanged = conv.stats.Created, conv.stats.Updated, conv.stats.Unchanged
	sum.ConvertSeconds = time.Since(t0).Seconds()
	sum.ConverterPeakRSSMB = peakRSSMB()
	sum.ImportArgs = args
	o.logf("import: converted %d records in %.1fs: %d nodes and %d relationships to import", sum.Records(),
		sum.ConvertSeconds, counts.Nodes, counts.Relationships)
	if o.CSVOnly {
		sum.CSVDir = csvDir
		sum.Nodes, sum.Relationships = int64(counts.Nodes), int64(counts.Relationships)
		if err := os.WriteFile(filepath.Join(csvDir, "lists.cypher"), []byte(strings.Join(fixupStatements(conv.lost), ";\n")+";\n"), 0o644); err != nil {
			return sum, err
		}
		sum.Seconds = time.Since(start).Seconds()
		return sum, nil
	}
	if o.CSVDir != "" {
		sum.CSVDir = csvDir
	}

	// neo4j-admin database import full, offline.
	confDir := filepath.Join(work, "admin-conf")
	if err := h.writeConf(confDir, filepath.Join(work, "admin"), 0, "", ""); err != nil {
		return sum, err
	}
	if err := h.setInitialPassword(ctx, confDir); err != nil {
		return sum, err
	}
	o.logf("import: neo4j-admin database import full into %s (database %s)", h.Dir, h.database())
	ao := o.Admin
	ao.Overwrite = overwrite
	if ao.Log == nil {
		ao.Log = o.Log
	}
	if ao.ReportFile == "" {
		ao.ReportFile = filepath.Join(work, "import.report")
	}
	ar, err := h.runImport(ctx, confDir, args, ao)
	sum.ImportSeconds = ar.Seconds
	if err != nil {
		return sum, err
	}
	sum.Nodes, sum.Relationships = ar.Nodes, ar.Relationships
	if ar.Nodes != int64(counts.Nodes) || ar.Relationships != int64(counts.Relationships) {
		return sum, fmt.Errorf("import: neo4j-admin imported %d nodes and %d relationships where the CSV holds %d and %d (report: %s)",
			ar.Nodes, ar.Relationships, counts.Nodes, counts.Relationships, ao.ReportFile)
	}

	// Online: the lists CSV cannot express, the schema, the indexes.
	t0 = time.Now()
	o.logf("import: starting the imported database privately to apply the schema")
	conv.lost.Articles = conv.articleQuantities()
	restored, err := finish(ctx, h, filepath.Join(work, "finish"), conv.lost, &o)
	sum.SchemaSeconds = time.Since(t0).Seconds()
	sum.ListsRestored = restored
	if err != nil {
		return sum, err
	}
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.PerSecond = float64(sum.Records()) / sum.Seconds
	}
	return sum, nil
}

func mkdir(parent, name string) string {
	p := filepath.Join(parent, name)
	_ = os.MkdirAll(p, 0o755)
	return p
}

func countNodes(ctx context.Context, h *Home, work string, o *Options) (int64, error) {
	s, err := h.startServer(ctx, work, o.ServerHeap, o.ServerPageCache, o.StartTimeout)
	if err != nil {
		return 0, err
	}
	defer s.stop()
	db, err := s.open(ctx, h.database())
	if err != nil {
		return 0, err
	}
	defer db.Close(context.WithoutCancel(ctx))
	return nodeCount(ctx, db)
}

// finish starts the imported database privately, restores the lists, applies the schema,
// waits for the indexes and stops it. It returns the number of properties restored.
func finish(ctx context.Context, h *Home, work string, lost LostLists, o *Options) (int, error) {
	s, err := h.startServer(ctx, work, o.ServerHeap, o.ServerPageCache, o.StartTimeout)
	if err != nil {
		return 0, err
	}
	db, err := s.open(ctx, h.database())
	if err != nil {
		s.stop()
		return 0, err
	}
	restored, err := Finish(ctx, db, lost, o.IndexTimeout, o.Log)
	db.Close(context.WithoutCancel(ctx))
	if serr := s.stop(); err == nil {
		err = serr
	}
	return restored, err
}

// Finish completes an import on a running server: it restores the lists that CSV cannot
// express, applies the schema (graph/migrations), waits until every index is online, and
// writes the articles' own quantities (lost.Articles).
// For an import run by hand (docs/import.md), lost is unknown: pass AllLists.
func Finish(ctx context.Context, db *graph.DB, lost LostLists, indexTimeout time.Duration, log io.Writer) (int, error) {
	t0 := time.Now()
	restored := 0
	s := db.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.Database(), AccessMode: neo4j.AccessModeWrite})
	defer s.Close(ctx)
	for _, q := range fixupStatements(lost) {
		var params map[string]any
		if strings.Contains(q, "$ids") {
			params = map[string]any{"ids": lost.EntityBlank}
		}
		// CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.Run.
		res, err := s.Run(ctx, q, params)
		if err == nil {
			var sum neo4j.ResultSummary
			if sum, err = res.Consume(ctx); err == nil {
				restored += sum.Counters().PropertiesSet()
			}
		}
		if err != nil {
			return restored, fmt.Errorf("import: restore lists (%s): %w", q, err)
		}
	}
	if log != nil && restored > 0 {
		fmt.Fprintf(log, "factgraph: import: restored %d list properties (one empty string) in %.1fs\n", restored, time.Since(t0).Seconds())
	}
	t0 = time.Now()
	stmts, err := graph.MigrationStatements()
	if err != nil {
		return restored, err
	}
	for _, stmt := range stmts {
		if _, err := neo4j.ExecuteQuery(ctx, db.Driver(), stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.Database())); err != nil {
			return restored, fmt.Errorf("import: migration %q: %w", stmt, err)
		}
	}
	secs := int(indexTimeout.Seconds())
	if _, err := neo4j.ExecuteQuery(ctx, db.Driver(), fmt.Sprintf("CALL db.awaitIndexes(%d)", max(secs, 1)), nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.Database())); err != nil {
		return restored, fmt.Errorf("import: wait for the indexes: %w", err)
	}
	if err := db.Sync(ctx); err != nil {
		return restored, fmt.Errorf("import: wait for the full-text index: %w", err)
	}
	// The articles' own quantities, by the online loader's statement, now that the
	// indexes that find articles and entities by id are online.
	if len(lost.Articles) > 0 {
		t1 := time.Now()
		if err := db.WriteArticleQuantities(ctx, lost.Articles); err != nil {
			return restored, fmt.Errorf("import: article quantities: %w", err)
		}
		if log != nil {
			fmt.Fprintf(log, "factgraph: import: quantities of %d articles written in %.1fs\n", len(lost.Articles), time.Since(t1).Seconds())
		}
	}
	if log != nil {
		fmt.Fprintf(log, "factgraph: import: schema applied, %d statements, indexes online in %.1fs\n", len(stmts), time.Since(t0).Seconds())
	}
	return restored, nil
}

// AllLists makes Finish check every kind of list the CSV cannot express.
var AllLists = LostLists{EventOfBlank: 1, RelationOfBlnk: 1}

// fixupStatements restore the list properties that the CSV importer reads as null and the
// stored model keeps: [""] (one quantity without "of", or a name of punctuation only).
// An empty list is no property in the stored model (reads take a missing list as empty),
// so aliases, keys and the quantity lists of a fact without quantities need nothing. The
// quantity lists are parallel and qValues holds numbers, so a fact whose qValues is set and
// whose qOf alone is null had one quantity without "of". Names are never [] (a name is
// never blank); [""] is restored by id.
func fixupStatements(l LostLists) []string {
	batch := func(match, set string) string {
		return match + " CALL (e) { SET " + set + " } IN TRANSACTIONS OF 10000 ROWS"
	}
	var out []string
	if len(l.EntityBlank) > 0 {
		out = append(out, "UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.names = ['']")
	}
	if l.EventOfBlank > 0 {
		out = append(out, batch("MATCH (e:Event) WHERE e.qValues IS NOT NULL AND e.qOf IS NULL", "e.qOf = ['']"))
	}
	rels := "MATCH ()-[e:" + strings.Join(factgraph.RelationTypes, "|") + "]->()"
	if l.RelationOfBlnk > 0 {
		out = append(out, batch(rels+" WHERE e.qValues IS NOT NULL AND e.qOf IS NULL", "e.qOf = ['']"))
	}
	return out
}
