// Command writeprofile says where Neo4j's work goes when factgraph writes a fact file:
// it loads the file as `factgraph load` would (validated, references resolved), but
// writes each batch with every statement under PROFILE and sums the database hits and
// time per statement and per operator.
//
//	go run ./bench/writeprofile [-batch 5000] FILE.ndjson     # NEO4J_URI, NEO4J_PASSWORD
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/loader"
)

// profiler is a factgraph.Writer whose writes are profiled.
type profiler struct {
	*graph.DB
	byStmt map[string]*graph.StatementProfile
	byOp   map[string]int64
}

func (p *profiler) Write(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	ps, err := p.ProfileWrite(ctx, fs)
	for _, s := range ps {
		t := p.byStmt[s.Statement]
		if t == nil {
			t = &graph.StatementProfile{Statement: s.Statement}
			p.byStmt[s.Statement] = t
		}
		t.Rows += s.Rows
		t.DBHits += s.DBHits
		t.Seconds += s.Seconds
		for _, o := range s.Operators {
			p.byOp[s.Statement+" "+o.Operator] += o.DBHits
		}
	}
	return factgraph.WriteStats{Created: fs.Len()}, err
}

func main() {
	batch := flag.Int("batch", loader.DefaultBatchSize, "records per batch")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: writeprofile [-batch N] FILE")
		os.Exit(2)
	}
	ctx := context.Background()
	db, err := graph.Open(ctx, graph.Config{URI: os.Getenv("NEO4J_URI"), User: "neo4j", Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	defer db.Close(ctx)
	if err := db.Migrate(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p := &profiler{DB: db, byStmt: map[string]*graph.StatementProfile{}, byOp: map[string]int64{}}
	l := &loader.Loader{Writer: p, Options: loader.Options{BatchSize: *batch, Parallelism: 1}}
	if _, err := l.LoadFile(ctx, flag.Arg(0), ""); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var names []string
	for k := range p.byStmt {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return p.byStmt[names[i]].Seconds > p.byStmt[names[j]].Seconds })
	fmt.Printf("%-28s %9s %12s %10s %9s\n", "statement", "rows", "db hits", "hits/row", "seconds")
	for _, n := range names {
		s := p.byStmt[n]
		fmt.Printf("%-28s %9d %12d %10.1f %9.1f\n", n, s.Rows, s.DBHits, float64(s.DBHits)/float64(max(s.Rows, 1)), s.Seconds)
	}
	var ops []string
	for k := range p.byOp {
		ops = append(ops, k)
	}
	sort.Slice(ops, func(i, j int) bool { return p.byOp[ops[i]] > p.byOp[ops[j]] })
	fmt.Println("\ntop operators by db hits:")
	for _, o := range ops[:min(len(ops), 12)] {
		fmt.Printf("  %-60s %12d\n", o, p.byOp[o])
	}
}
