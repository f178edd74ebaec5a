package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/factgraph/factgraph/bench/synth"
)

func runGen(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", "gen [flags] [FILE] (default: standard output)", stderr)
	opt := synth.Options{}
	fs.IntVar(&opt.Facts, "facts", 10000, "records to write (articles, entities, relations, events)")
	fs.Int64Var(&opt.Seed, "seed", 1, "random seed: the same seed and size give the same file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"gen: at most one output file"}
	}
	w := stdout
	if fs.NArg() == 1 {
		f, err := os.Create(fs.Arg(0))
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		st, err := synth.Generate(bw, opt)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("gen %s: %w", fs.Arg(0), err)
		}
		fmt.Fprintf(stderr, "factgraph: wrote %s: %d records (%d articles, %d entities, %d relations, %d events)\n",
			fs.Arg(0), st.Total(), st.Articles, st.Entities, st.Relations, st.Events)
		return nil
	}
	_, err := synth.Generate(w, opt)
	return err
}
