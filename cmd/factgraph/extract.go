package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/loader"
)

// newExtractor loads the shipped gazetteer and the user's files.
func newExtractor(files []string) (*extract.Extractor, error) {
	g, err := extract.Load(files...)
	if err != nil {
		return nil, err
	}
	return extract.New(g), nil
}

// articleFlags are the flags that set or override the article fields of a text file.
type articleFlags struct {
	id, title, publishedAt, publisher, url, language string
	gazetteers                                       []string
	stderr                                           io.Writer
}

func (a *articleFlags) register(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&a.id, "id", "", "article id (default: from the header, or article:<file name>); one file only")
	fs.StringVar(&a.title, "title", "", "article title (default: the header's, or the first line)")
	fs.StringVar(&a.publishedAt, "published-at", "", "publication date YYYY-MM-DD, anchors \"a day earlier\", \"on Friday\" (default: the header's)")
	fs.StringVar(&a.publisher, "publisher", "", "the outlet (default: the header's)")
	fs.StringVar(&a.url, "url", "", "the article's URL (default: the header's)")
	fs.StringVar(&a.language, "language", "", "language code (default: the header's)")
	fs.Func("gazetteer", "an extra gazetteer file (JSON Lines, docs/extraction.md); repeatable (env FACTGRAPH_GAZETTEER, comma-separated)", func(s string) error {
		a.gazetteers = append(a.gazetteers, s)
		return nil
	})
	a.gazetteers = append(a.gazetteers, splitList(getenv("FACTGRAPH_GAZETTEER"))...)
}

// parse parses the command line, loads the gazetteer and reads the articles it names.
func (a *articleFlags) parse(fs *flag.FlagSet, args []string, stdin io.Reader) (*extract.Extractor, []factgraph.Article, error) {
	if err := parse(fs, args); err != nil {
		return nil, nil, err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return nil, nil, usageError{fs.Name() + ": no article file given"}
	}
	x, err := newExtractor(a.gazetteers)
	if err != nil {
		return nil, nil, err
	}
	arts, err := a.read(fs.Args(), stdin)
	return x, arts, err
}

// read reads the articles of the files ("-": stdin), applying the flags.
func (a *articleFlags) read(files []string, stdin io.Reader) ([]factgraph.Article, error) {
	if a.id != "" && len(files) > 1 {
		return nil, usageError{"--id names one article: give one file"}
	}
	var out []factgraph.Article
	ids := map[string]string{}
	for _, name := range files {
		var r io.Reader
		if name == "-" {
			r, name = stdin, "stdin"
		} else {
			f, err := os.Open(name)
			if err != nil {
				return nil, usageError{err.Error()}
			}
			defer f.Close()
			r = f
		}
		af, err := extract.ReadArticle(r, name)
		if err != nil {
			return nil, err
		}
		for _, w := range af.Warnings {
			fmt.Fprintf(a.stderr, "factgraph: %s\n", w)
		}
		art := af.Article
		for _, o := range []struct {
			v   string
			dst *string
		}{{a.id, &art.ID}, {a.title, &art.Title}, {a.publishedAt, &art.PublishedAt}, {a.publisher, &art.Publisher}, {a.url, &art.URL}, {a.language, &art.Language}} {
			if o.v != "" {
				*o.dst = o.v
			}
		}
		if err := art.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if first, dup := ids[art.ID]; dup {
			return nil, usageError{fmt.Sprintf("%s and %s both have the article id %q: give each article its own id (a header id: line)", first, name, art.ID)}
		}
		ids[art.ID] = name
		out = append(out, art)
	}
	return out, nil
}

func runExtract(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", "extract [flags] ARTICLE.txt... (- for stdin)\n\n"+
		"Reads facts from article text with rules and a gazetteer (offline, no models) and prints them\n"+
		"as a JSON fact document for factgraph load. Each relation and event quotes its sentence and\n"+
		"names the rule that read it. A text file is either a header of key: value lines (id, title,\n"+
		"publishedAt, publisher, url, language) closed by ---, then the text; or a title line, then the text.", stderr)
	af := articleFlags{stderr: stderr}
	af.register(fs, getenv)
	explain := fs.Bool("explain", false, "print a readable list of what was found and why, instead of JSON")
	full := fs.Bool("mentions", false, "print the whole result as JSON: facts plus mentions, dates, quantities, attributions")
	x, arts, err := af.parse(fs, args, stdin)
	if err != nil {
		return err
	}
	var all factgraph.FactSet
	var results []*extract.Result
	for _, a := range arts {
		res, err := x.Extract(a)
		if err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "factgraph: %s: %s\n", a.ID, w)
		}
		results = append(results, res)
		merge(&all, res.Facts())
	}
	switch {
	case *explain:
		for _, res := range results {
			explainResult(stdout, res)
		}
		return nil
	case *full:
		return writeJSON(stdout, results)
	}
	return writeJSON(stdout, all)
}

// merge adds a fact set to another, each entity once.
func merge(dst *factgraph.FactSet, src factgraph.FactSet) {
	seen := map[string]bool{}
	for _, e := range dst.Entities {
		seen[e.ID] = true
	}
	dst.Articles = append(dst.Articles, src.Articles...)
	for _, e := range src.Entities {
		if !seen[e.ID] {
			seen[e.ID] = true
			dst.Entities = append(dst.Entities, e)
		}
	}
	dst.Relations = append(dst.Relations, src.Relations...)
	dst.Events = append(dst.Events, src.Events...)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// explainResult prints what was found, each with its rule and sentence.
func explainResult(w io.Writer, r *extract.Result) {
	fmt.Fprintf(w, "%s: %s (%s)\n", r.Article.ID, r.Article.Title, r.Article.PublishedAt)
	fmt.Fprintf(w, "\nentities (%d):\n", len(r.Entities))
	rules := map[string]string{}
	for _, m := range r.Mentions {
		if _, ok := rules[m.Entity]; !ok {
			rules[m.Entity] = fmt.Sprintf("%q by %s", m.Text, m.Rule)
		}
	}
	for _, e := range r.Entities {
		fmt.Fprintf(w, "  %-40s %-13s first as %s\n", e.ID, e.Kind, rules[e.ID])
	}
	fmt.Fprintf(w, "\ndates (%d):\n", len(r.Dates))
	for _, d := range r.Dates {
		fmt.Fprintf(w, "  %-12s %-8s %q by %s\n", d.Time.Value, d.Time.Precision, d.Text, d.Rule)
	}
	fmt.Fprintf(w, "\nquantities (%d):\n", len(r.Quantities))
	for _, q := range r.Quantities {
		approx := ""
		if q.Quantity.Approx {
			approx = "~"
		}
		fmt.Fprintf(w, "  %s%g %s  %q by %s\n", approx, q.Quantity.Value, q.Quantity.Unit, q.Text, q.Rule)
	}
	if len(r.Article.Quantities) > 0 {
		fmt.Fprintf(w, "  of the article (no event takes them):\n")
		for _, q := range r.Article.Quantities {
			approx := ""
			if q.Approx {
				approx = "~"
			}
			of := q.Entity
			if of == "" {
				of = "(the article)"
			}
			fmt.Fprintf(w, "    %s%g %s  of %s\n", approx, q.Value, q.Unit, of)
		}
	}
	fmt.Fprintf(w, "\nattributions (%d):\n", len(r.Attributions))
	for _, a := range r.Attributions {
		fmt.Fprintf(w, "  sentence %d: %s  %q by %s\n", a.Sentence, a.Name, a.Text, a.Rule)
	}
	fmt.Fprintf(w, "\nevents (%d):\n", len(r.Events))
	for _, e := range r.Events {
		var roles []string
		for _, ro := range e.Roles {
			roles = append(roles, ro.Role+"="+ro.Entity)
		}
		t := ""
		if e.Time != nil {
			t = " at " + e.Time.Value
		}
		fmt.Fprintf(w, "  %s %s%s, %s %.1f\n    rule %s\n    %q\n", e.Type, strings.Join(roles, " "), t, e.Modality, *e.Confidence, e.Evidence[0].Rule, e.Evidence[0].Quote)
	}
	fmt.Fprintf(w, "\nrelations (%d):\n", len(r.Relations))
	for _, rel := range r.Relations {
		fmt.Fprintf(w, "  %s -%s-> %s, %s %.1f\n    rule %s\n    %q\n", rel.From, rel.Type, rel.To, rel.Modality, *rel.Confidence, rel.Evidence[0].Rule, rel.Evidence[0].Quote)
	}
	fmt.Fprintln(w)
}

func runIngest(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", "ingest [flags] ARTICLE.txt... (- for stdin)\n\n"+
		"Extracts the facts of each article (as factgraph extract does) and loads them with the article\n"+
		"into the graph, one transaction per article: all of an article's facts or none.", stderr)
	nc := neo4jFlags(fs, getenv)
	af := articleFlags{stderr: stderr}
	af.register(fs, getenv)
	dryRun := fs.Bool("dry-run", false, "extract and check against the graph; write nothing")
	asJSON := fs.Bool("json", false, "print the summaries as JSON")
	x, arts, err := af.parse(fs, args, stdin)
	if err != nil {
		return err
	}
	// extract everything first: a text the extractor rejects stops the run before any write
	var sets []factgraph.FactSet
	for _, a := range arts {
		fsx, err := x.ExtractFacts(a)
		if err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		sets = append(sets, fsx)
	}
	db, err := openGraph(ctx, nc)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	l := &loader.Loader{Writer: db, Options: loader.Options{DryRun: *dryRun, OneTransaction: true}}
	var sums []loader.Summary
	for i, set := range sets {
		b, err := json.Marshal(set)
		if err != nil {
			return err
		}
		sum, err := l.LoadReader(ctx, arts[i].ID, bytes.NewReader(b), loader.FormatJSON)
		if err != nil {
			if *asJSON && len(sums) > 0 {
				_ = writeJSON(stdout, sums)
			}
			if len(sums) > 0 {
				return fmt.Errorf("%s (%s): %w (the %d article(s) before it were loaded; this one wrote nothing)", arts[i].ID, fs.Arg(i), err, len(sums))
			}
			return fmt.Errorf("%s (%s): %w", arts[i].ID, fs.Arg(i), err)
		}
		sums = append(sums, sum)
		if !*asJSON {
			fmt.Fprintln(stdout, describe(sum))
		}
	}
	if *asJSON {
		return writeJSON(stdout, sums)
	}
	return nil
}
