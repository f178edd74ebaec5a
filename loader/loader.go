package loader

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/factgraph/factgraph"
)

// Formats of fact files.
const (
	FormatAuto   = ""
	FormatJSON   = "json"
	FormatNDJSON = "ndjson"
	FormatCSV    = "csv"
)

// Defaults of Options.
const (
	DefaultBatchSize   = 5000
	DefaultParallelism = 1
)

// Options tune a load.
type Options struct {
	BatchSize   int  // records per write transaction (DefaultBatchSize)
	Parallelism int  // concurrent write transactions (DefaultParallelism)
	DryRun      bool // validate, resolve and count what would change; write nothing
	// SkipInvalid writes the valid records of a file that has invalid ones (and those
	// whose references resolve). By default a file with any invalid record writes nothing.
	SkipInvalid bool
	// Progress, if set, is called as the load advances (from one goroutine at a time).
	Progress func(Progress)
	// OneTransaction writes the whole file in one transaction: all or nothing even if
	// the database fails midway (for small inputs: the ingest mutation).
	OneTransaction bool
	// Unsorted writes relations in file order, without the sort by edge (for a Writer
	// that groups records itself: the importer's converter).
	Unsorted bool
}

// sortChunk is how many relation records the external sort by edge key holds in memory per
// chunk; beyond it, sorted chunks go to a temporary file. At most about three chunks are in
// memory at once (one being filled, one being sorted, one being written): about 120 MB
// more peak RSS for a generated file (docs/facts.md, Memory).
const sortChunk = 20000

func (l *Loader) batchSize() int {
	if l.BatchSize <= 0 {
		return DefaultBatchSize
	}
	return l.BatchSize
}

// Progress reports how far a load is.
type Progress struct {
	File  string
	Phase string // "validate" (Done/Total in bytes), "write" (in records)
	Done  int64
	Total int64
}

// Loader validates fact files and writes them to the graph.
type Loader struct {
	Writer factgraph.Writer
	Options
}

// Summary says what a load read and did.
type Summary struct {
	File      string        `json:"file"`
	Format    string        `json:"format"`
	Articles  int           `json:"articles"`
	Entities  int           `json:"entities"`
	Relations int           `json:"relations"`
	Events    int           `json:"events"`
	Created   int           `json:"created"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Rejected  int           `json:"rejected"`
	Nodes     int           `json:"nodesCreated"`
	Rels      int           `json:"relationshipsCreated"`
	DryRun    bool          `json:"dryRun,omitempty"`
	Duration  time.Duration `json:"-"`
	Seconds   float64       `json:"seconds"`
	PerSecond float64       `json:"recordsPerSecond"`
}

// Records is the number of valid records read.
func (s Summary) Records() int { return s.Articles + s.Entities + s.Relations + s.Events }

// LoadFile loads the file at path ("-" is not accepted here; see LoadReader).
// The format is told from the extension (.json, .ndjson/.jsonl, .csv) unless given.
func (l *Loader) LoadFile(ctx context.Context, path, format string) (Summary, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Summary{File: path}, err
	}
	if st.IsDir() {
		return Summary{File: path}, factgraph.Errorf(factgraph.EINVALID, "%s is a directory: give fact files (.json, .ndjson, .csv)", path)
	}
	if format == FormatAuto {
		format = formatOf(path)
	}
	if format == FormatAuto {
		f, err := os.Open(path)
		if err != nil {
			return Summary{File: path}, err
		}
		format, err = sniff(f)
		f.Close()
		if err != nil {
			return Summary{File: path}, err
		}
	}
	open := func() (io.ReadCloser, error) { return os.Open(path) }
	return l.load(ctx, path, format, st.Size(), open)
}

// LoadReader loads a stream (standard input). The stream is copied to a temporary file
// while it is validated, so that it can be read again for writing.
func (l *Loader) LoadReader(ctx context.Context, name string, r io.Reader, format string) (Summary, error) {
	tmp, err := os.CreateTemp("", "factgraph-load-*")
	if err != nil {
		return Summary{File: name}, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	n, err := io.Copy(tmp, r)
	if err != nil {
		return Summary{File: name}, fmt.Errorf("read %s: %w", name, err)
	}
	if format == FormatAuto {
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return Summary{File: name}, err
		}
		if format, err = sniff(tmp); err != nil {
			return Summary{File: name}, err
		}
	}
	open := func() (io.ReadCloser, error) { return os.Open(tmp.Name()) }
	return l.load(ctx, name, format, n, open)
}

func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return FormatJSON
	case ".ndjson", ".jsonl":
		return FormatNDJSON
	case ".csv":
		return FormatCSV
	}
	return FormatAuto
}

// sniff tells NDJSON (the first line is a whole record object) from a JSON document and
// from CSV (a first line that is not JSON at all).
func sniff(r io.Reader) (string, error) {
	buf := make([]byte, 64<<10)
	n, err := io.ReadFull(r, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", err
	}
	head := strings.TrimLeft(string(buf[:n]), " \t\r\n\ufeff")
	if !strings.HasPrefix(head, "{") {
		if strings.HasPrefix(head, "[") {
			return FormatJSON, nil // reported as not an object
		}
		return FormatCSV, nil
	}
	first, _, _ := strings.Cut(head, "\n")
	if kindOf([]byte(first)) != "" {
		return FormatNDJSON, nil
	}
	return FormatJSON, nil
}

// Parse reads a whole fact file into memory, decoding and validating every record, without
// resolving references (that needs the graph). Problems come as a *ValidationError.
func Parse(name, format string, r io.Reader) (*factgraph.FactSet, error) {
	rr, err := newReader(name, format, r)
	if err != nil {
		return nil, err
	}
	fs := &factgraph.FactSet{}
	var ps problems
	for {
		it, p, err := rr.next()
		if p != nil {
			ps.add(*p)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, errStructure) {
			break
		}
		if err != nil {
			return nil, err
		}
		if p == nil {
			it.appendTo(fs)
		}
	}
	return fs, ps.err()
}

type recordReader interface {
	// next returns the next record; a problem with one record as a *Problem (reading goes
	// on); a problem with the file's structure as a *Problem and errStructure; io.EOF at
	// the end.
	next() (item, *Problem, error)
}

// reopen opens the input again for another pass over its records.
func reopen(name, format string, open func() (io.ReadCloser, error)) (recordReader, io.Closer, error) {
	f, err := open()
	if err != nil {
		return nil, nil, err
	}
	rr, err := newReader(name, format, f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return rr, f, nil
}

func newReader(name, format string, r io.Reader) (recordReader, error) {
	switch format {
	case FormatJSON:
		return newDocReader(name, r)
	case FormatNDJSON:
		return newNDJSONReader(name, r), nil
	case FormatCSV:
		return newCSVReader(name, r), nil
	}
	return nil, factgraph.Errorf(factgraph.EINVALID, "unknown format %q (want json, ndjson or csv)", format)
}

// countingReader counts the bytes read, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (l *Loader) progress(p Progress) {
	if l.Progress != nil {
		l.Progress(p)
	}
}

func (l *Loader) load(ctx context.Context, name, format string, size int64, open func() (io.ReadCloser, error)) (Summary, error) {
	start := time.Now()
	sum := Summary{File: name, Format: format, DryRun: l.DryRun}
	sc, err := l.scan(ctx, name, format, size, open)
	if err != nil {
		return sum, err
	}
	sum.Articles, sum.Entities, sum.Relations, sum.Events = sc.counts[0], sc.counts[1], sc.counts[2], sc.counts[3]
	if err := l.resolve(ctx, name, sc); err != nil {
		return sum, err
	}
	if err := l.checkSelfRelations(ctx, name, format, sc, open); err != nil {
		return sum, err
	}
	sum.Rejected = sc.rejected
	if sc.ps.total > 0 && !l.SkipInvalid {
		return sum, sc.ps.err()
	}
	if sc.ps.total > 0 {
		// SkipInvalid: a present record may now be unusable (an entity it names was
		// declared badly); let the write pass decide for each.
		sc.present, sc.presentN = nil, 0
	}
	st, err := l.write(ctx, name, format, sc, open)
	sum.Created, sum.Updated, sum.Unchanged = st.Created, st.Updated, st.Unchanged
	sum.Nodes, sum.Rels = st.NodesCreated, st.RelationshipsCreated
	if err != nil {
		return sum, err
	}
	sum.Duration = time.Since(start)
	sum.Seconds = sum.Duration.Seconds()
	if sum.Seconds > 0 {
		sum.PerSecond = float64(sum.Records()) / sum.Seconds
	}
	if sc.ps.total > 0 { // SkipInvalid: written what was valid, still report the rest
		err := sc.ps.err()
		if ve, ok := err.(*ValidationError); ok {
			ve.Skipped = true
		}
		return sum, err
	}
	return sum, nil
}

// where is the first place a reference appears.
type where struct {
	line, col int
	field     string
}

// scanned is what the validation pass learns about a file, in memory proportional to
// its distinct entities and references (not to its records).
type scanned struct {
	ps        problems
	counts    [4]int // articles, entities, relations, events (valid ones)
	rejected  int
	kinds     map[string]string   // declared entity id -> kind
	declWhere map[string]where    // declared entity id -> first declaration
	names     map[string][]string // folded name -> declared entity ids
	articles  map[string]bool     // declared article ids
	entRefs   map[string]where    // entity references (ids or names) -> first use
	artRefs   map[string]where
	resolved  map[string]string // entity reference -> entity id
	badEnt    map[string]bool   // entity ids whose records are invalid (SkipInvalid)
	badRefs   map[string]bool   // references that do not resolve
	badArts   map[string]bool
	selfLoops int
	// Record numbers (in file order) of the last declaration (article, entity) and of the
	// first relation or event: when the former is before the latter, one read pass writes
	// everything (declarations are committed before the first relation is sent).
	lastDecl, firstRef int
	n                  int

	// articles whose quantities name entities (id and quantities): articlequantities.go
	quantityArticles []factgraph.Article

	// the lines of records the graph already holds (NDJSON; presence.go), passed over
	// by the write pass, and how many they are
	present  lineSet
	presentN int
}

// scan reads the whole file once: every record is decoded and validated, ids and
// references are collected. Nothing is written.
func (l *Loader) scan(ctx context.Context, name, format string, size int64, open func() (io.ReadCloser, error)) (*scanned, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := &countingReader{r: f}
	rr, err := newReader(name, format, cr)
	if err != nil {
		return nil, err
	}
	sc := &scanned{kinds: map[string]string{}, declWhere: map[string]where{}, names: map[string][]string{},
		articles: map[string]bool{}, entRefs: map[string]where{}, artRefs: map[string]where{},
		badEnt: map[string]bool{}, badRefs: map[string]bool{}, badArts: map[string]bool{}}
	// The records the graph already holds, found beside the decoding (presence.go).
	var pres *presence
	if pc, ok := l.Writer.(factgraph.PresenceChecker); ok && !l.OneTransaction {
		if _, ok := rr.(*ndjsonReader); ok {
			pres = newPresence(ctx, pc, l.batchSize())
			defer func() { sc.present, sc.presentN = pres.finish() }()
		}
	}
	lastReport := time.Now()
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if time.Since(lastReport) > 200*time.Millisecond {
				l.progress(Progress{File: name, Phase: "validate", Done: cr.n, Total: size})
				lastReport = time.Now()
			}
		}
		it, p, err := rr.next()
		if p != nil {
			sc.ps.add(*p)
			sc.rejected++
		}
		if errors.Is(err, io.EOF) || errors.Is(err, errStructure) {
			break
		}
		if err != nil {
			return nil, err
		}
		if p != nil {
			continue
		}
		sc.n++
		if it.article != nil || it.entity != nil {
			sc.lastDecl = sc.n
		} else if sc.firstRef == 0 {
			sc.firstRef = sc.n
		}
		sc.add(name, it)
		pres.add(&it)
	}
	l.progress(Progress{File: name, Phase: "validate", Done: size, Total: size})
	return sc, nil
}

func (sc *scanned) add(file string, it item) {
	at := func(field string) where { return where{it.line, it.col, joinField(it.field, field)} }
	ref := func(m map[string]where, key, field string) {
		if _, ok := m[key]; !ok {
			m[key] = at(field)
		}
	}
	switch {
	case it.article != nil:
		sc.counts[0]++
		sc.articles[it.article.ID] = true
		sc.articleQuantityRefs(it.article, ref)
	case it.entity != nil:
		e := it.entity
		if k, ok := sc.kinds[e.ID]; ok {
			if k != e.Kind {
				w := sc.declWhere[e.ID]
				sc.ps.add(Problem{File: file, Line: it.line, Column: it.col, Field: at("id").field,
					Message: fmt.Sprintf("entity %q is declared as both %s (line %d) and %s", e.ID, k, w.line, e.Kind)})
				sc.rejected++
				sc.badEnt[e.ID] = true
				return
			}
		} else {
			sc.kinds[e.ID] = e.Kind
			sc.declWhere[e.ID] = at("id")
		}
		sc.counts[1]++
		for _, k := range factgraph.NameKeys(e.Name, e.Aliases) {
			if ids := sc.names[k]; len(ids) == 0 || ids[len(ids)-1] != e.ID {
				sc.names[k] = append(ids, e.ID)
			}
		}
	case it.relation != nil:
		sc.counts[2]++
		r := it.relation
		ref(sc.entRefs, r.From, "from")
		ref(sc.entRefs, r.To, "to")
		for i, ev := range r.Evidence {
			ref(sc.artRefs, ev.Article, fmt.Sprintf("evidence[%d].article", i))
		}
	case it.event != nil:
		e := it.event
		sc.counts[3]++
		for i, r := range e.Roles {
			ref(sc.entRefs, r.Entity, fmt.Sprintf("roles[%d].entity", i))
		}
		for i, ev := range e.Evidence {
			ref(sc.artRefs, ev.Article, fmt.Sprintf("evidence[%d].article", i))
		}
	}
}

// resolve maps every entity reference to an entity id: a declared id, an id already in
// the graph, or a name or alias (folded) of exactly one entity in the file or the graph.
// Article references must be declared or in the graph.
func (l *Loader) resolve(ctx context.Context, file string, sc *scanned) error {
	sc.resolved = make(map[string]string, len(sc.entRefs))
	var unknownIDs []string
	for ref := range sc.entRefs {
		if _, ok := sc.kinds[ref]; ok {
			sc.resolved[ref] = ref
		} else {
			unknownIDs = append(unknownIDs, ref)
		}
	}
	var unknownArts []string
	for ref := range sc.artRefs {
		if !sc.articles[ref] {
			unknownArts = append(unknownArts, ref)
		}
	}
	sort.Strings(unknownIDs)
	sort.Strings(unknownArts)
	// One lookup for the declared ids (a kind must not change) and the unknown references.
	declared := make([]string, 0, len(sc.kinds))
	for id := range sc.kinds {
		declared = append(declared, id)
	}
	sort.Strings(declared)
	inGraph, err := l.Writer.EntityKinds(ctx, append(declared, unknownIDs...))
	if err != nil {
		return fmt.Errorf("check references of %s: %w", file, err)
	}
	for _, id := range declared {
		if k, ok := inGraph[id]; ok && k != sc.kinds[id] {
			w := sc.declWhere[id]
			sc.badEnt[id] = true
			sc.rejected++
			sc.ps.add(Problem{File: file, Line: w.line, Column: w.col, Field: w.field,
				Message: fmt.Sprintf("entity %q is a %s in the graph; it cannot be declared a %s", id, k, sc.kinds[id])})
			sc.kinds[id] = k // references to it are fine; its records are not
		}
	}
	missA, err := l.Writer.MissingArticles(ctx, unknownArts)
	if err != nil {
		return fmt.Errorf("check references of %s: %w", file, err)
	}
	var byName []string
	for _, ref := range unknownIDs {
		if _, ok := inGraph[ref]; ok {
			sc.resolved[ref] = ref // an id already in the graph
			continue
		}
		key := factgraph.NormalizeName(ref)
		if ids := sc.names[key]; len(ids) == 1 {
			sc.resolved[ref] = ids[0]
		} else if len(ids) > 1 {
			sc.refProblem(file, ref, fmt.Sprintf("%q is ambiguous: it names %s; use an id", ref, strings.Join(ids, ", ")))
		} else if key != "" {
			byName = append(byName, ref)
		} else {
			sc.refProblem(file, ref, fmt.Sprintf("unknown entity %q: declare it in this file or load it first", ref))
		}
	}
	if len(byName) > 0 {
		keys := make([]string, len(byName))
		for i, ref := range byName {
			keys[i] = factgraph.NormalizeName(ref)
		}
		found, err := l.Writer.ResolveNames(ctx, keys)
		if err != nil {
			return fmt.Errorf("resolve names in %s: %w", file, err)
		}
		for i, ref := range byName {
			switch ids := found[keys[i]]; len(ids) {
			case 0:
				sc.refProblem(file, ref, fmt.Sprintf("unknown entity %q: declare it in this file or load it first", ref))
			case 1:
				sc.resolved[ref] = ids[0]
			default:
				sc.refProblem(file, ref, fmt.Sprintf("%q is ambiguous: it names %s in the graph; use an id", ref, strings.Join(ids, ", ")))
			}
		}
	}
	for _, ref := range missA {
		w := sc.artRefs[ref]
		sc.badArts[ref] = true
		sc.ps.add(Problem{File: file, Line: w.line, Column: w.col, Field: w.field,
			Message: fmt.Sprintf("unknown article %q: declare it in this file or load it first", ref)})
	}
	return nil
}

// checkSelfRelations rejects relations whose two ends name the same entity in different
// words ("DPRK" and "North Korea"). Only references resolved by name can do that, so the
// extra pass over the file runs only when there are such references.
func (l *Loader) checkSelfRelations(ctx context.Context, name, format string, sc *scanned, open func() (io.ReadCloser, error)) error {
	byName := map[string]bool{}
	for ref, id := range sc.resolved {
		if ref != id {
			byName[ref] = true
		}
	}
	if len(byName) == 0 {
		return nil
	}
	rr, f, err := reopen(name, format, open)
	if err != nil {
		return err
	}
	defer f.Close()
	for {
		it, _, err := rr.next()
		if errors.Is(err, io.EOF) || errors.Is(err, errStructure) {
			return nil
		}
		if err != nil {
			return err
		}
		if r := it.relation; r != nil && (byName[r.From] || byName[r.To]) && sc.resolved[r.From] == sc.resolved[r.To] && sc.resolved[r.From] != "" {
			sc.rejected++
			sc.selfLoops++
			sc.ps.add(Problem{File: name, Line: it.line, Column: it.col, Field: joinField(it.field, "to"),
				Message: fmt.Sprintf("%q and %q are the same entity (%s): a relation needs two", r.From, r.To, sc.resolved[r.From])})
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

func (sc *scanned) refProblem(file, ref, msg string) {
	w := sc.entRefs[ref]
	sc.badRefs[ref] = true
	sc.ps.add(Problem{File: file, Line: w.line, Column: w.col, Field: w.field, Message: msg})
}

func toSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// usable reports whether a valid record can be written: its references resolve (only
// false with SkipInvalid, where the file has problems). It rewrites references to ids.
func (sc *scanned) usable(it *item) bool {
	switch {
	case it.article != nil:
		sc.resolveArticleQuantities(it.article)
	case it.entity != nil:
		return !sc.badEnt[it.entity.ID] || sc.kinds[it.entity.ID] == it.entity.Kind
	case it.relation != nil:
		r := it.relation
		if sc.badRefs[r.From] || sc.badRefs[r.To] || anyBadArticle(sc, r.Evidence) {
			return false
		}
		r.From, r.To = sc.resolved[r.From], sc.resolved[r.To]
		return r.From != r.To
	case it.event != nil:
		e := it.event
		if anyBadArticle(sc, e.Evidence) {
			return false
		}
		for i := range e.Roles {
			if sc.badRefs[e.Roles[i].Entity] {
				return false
			}
			e.Roles[i].Entity = sc.resolved[e.Roles[i].Entity]
		}
	}
	return true
}

func anyBadArticle(sc *scanned, evs []factgraph.Evidence) bool {
	for _, ev := range evs {
		if sc.badArts[ev.Article] {
			return true
		}
	}
	return false
}

// write reads the file once more (twice when the file declares articles or entities after
// its first relation or event: articles and entities first, then what references them) and
// writes it in batches on parallel workers. A record always goes to the same worker (by
// its key), so two workers never write the same node or edge; they can still lock the
// same hub entity from two relations, which Neo4j resolves as a deadlock the driver
// retries (so the default is one worker).
func (l *Loader) write(ctx context.Context, name, format string, sc *scanned, open func() (io.ReadCloser, error)) (factgraph.WriteStats, error) {
	total := int64(sc.counts[0] + sc.counts[1] + sc.counts[2] + sc.counts[3])
	batch, par := l.batchSize(), l.Parallelism
	if par <= 0 {
		par = DefaultParallelism
	}
	var mu sync.Mutex
	// The records found present while validating are not read again: unchanged.
	st := factgraph.WriteStats{Unchanged: sc.presentN}
	done := int64(sc.presentN)
	lastReport := time.Now()
	report := func(s factgraph.WriteStats, n int) {
		mu.Lock()
		defer mu.Unlock()
		st.Add(s)
		done += int64(n)
		if time.Since(lastReport) > 200*time.Millisecond || done == total {
			l.progress(Progress{File: name, Phase: "write", Done: done, Total: total})
			lastReport = time.Now()
		}
	}
	// Articles and entities first, then what references them.
	phases := [][]string{{"article", "entity"}, {"relation", "event"}}
	if sc.firstRef == 0 || sc.lastDecl < sc.firstRef {
		// Declarations first in the file (as generated and extracted files are): one pass,
		// with a barrier before the first relation or event.
		phases = [][]string{recordKinds}
	}
	if l.OneTransaction {
		// One batch of everything: Write orders articles and entities before relations
		// and events within its transaction.
		phases, batch, par = [][]string{recordKinds}, int(total)+1, 1
	}
	for _, kinds := range phases {
		if err := l.writePhase(ctx, name, format, sc, open, kinds, batch, par, report); err != nil {
			mu.Lock()
			defer mu.Unlock()
			return st, fmt.Errorf("load %s stopped after writing %d of %d records: %w\n"+
				"nothing written is lost or doubled: run the same load again to complete it", name, done, total, err)
		}
	}
	if err := l.linkArticleQuantities(ctx, name, sc); err != nil {
		return st, err
	}
	// A load is done when what it wrote can be found by name.
	if l.DryRun {
		return st, nil
	}
	if err := l.Writer.Sync(ctx); err != nil {
		return st, fmt.Errorf("load %s: wait for the search index: %w", name, err)
	}
	return st, nil
}

func (l *Loader) writePhase(ctx context.Context, name, format string, sc *scanned, open func() (io.ReadCloser, error),
	kinds []string, batch, par int, report func(factgraph.WriteStats, int)) error {
	rr, f, err := reopen(name, format, open)
	if err != nil {
		return err
	}
	defer f.Close()
	if nr, ok := rr.(*ndjsonReader); ok {
		nr.skipLines = sc.present
		nr.skip = map[string]bool{}
		for _, k := range recordKinds {
			nr.skip[k] = !contains(kinds, k)
		}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	chans := make([]chan *factgraph.FactSet, par)
	var wg, inflight sync.WaitGroup
	for i := range chans {
		chans[i] = make(chan *factgraph.FactSet, 2)
		wg.Add(1)
		go func(in <-chan *factgraph.FactSet) {
			defer wg.Done()
			for fs := range in {
				if ctx.Err() != nil {
					inflight.Done()
					continue // drain after a failure
				}
				write := l.Writer.Write
				if l.DryRun {
					write = l.Writer.Check // what would change, in read transactions
				}
				s, err := write(ctx, fs)
				inflight.Done()
				if err != nil {
					cancel(err)
					continue
				}
				report(s, fs.Len())
			}
		}(chans[i])
	}
	// A batch holds records of one group (relations of one type, entities of one kind, ...)
	// so that a transaction runs one statement over many rows.
	type slot struct {
		worker int
		group  string
	}
	// Memory: at most 2 x batch records wait in pending batches (the fullest is sent when
	// they are more), whatever the number of groups, plus the batches in flight.
	pending := map[slot]*factgraph.FactSet{}
	pendingTotal := 0
	flush := func(k slot) bool {
		fs := pending[k]
		if fs == nil || fs.Len() == 0 {
			return true
		}
		inflight.Add(1)
		select {
		case chans[k.worker] <- fs:
			delete(pending, k)
			pendingTotal -= fs.Len()
			return true
		case <-ctx.Done():
			inflight.Done()
			return false
		}
	}
	// flushFullest sends the fullest pending batch (ties: by group, then worker).
	flushFullest := func() bool {
		var fullest slot
		n := 0
		for k, fs := range pending {
			if fs.Len() > n || (fs.Len() == n && (k.group < fullest.group || (k.group == fullest.group && k.worker < fullest.worker))) {
				fullest, n = k, fs.Len()
			}
		}
		return flush(fullest)
	}
	// barrier sends every pending batch and waits until all are written: what follows
	// may reference them.
	declared := !contains(kinds, "relation") && !contains(kinds, "event")
	barrier := func() bool {
		for k := range pending {
			if !flush(k) {
				return false
			}
		}
		inflight.Wait()
		declared = true
		return ctx.Err() == nil
	}
	// Relations go through an external sort by edge key (relationSort) and are written
	// after the rest of the file, each edge's records in one batch: an edge that several
	// records state is then created once with all its evidence, instead of created by the
	// first and merged by every later batch that brings it again.
	var rels *relationSort
	if contains(kinds, "relation") && !l.OneTransaction && !l.DryRun && !l.Unsorted {
		rels = newRelationSort(ctx, sortChunk)
		defer rels.stop()
	}
	var readErr error
	for {
		it, p, err := rr.next()
		if errors.Is(err, io.EOF) || errors.Is(err, errStructure) {
			break
		}
		if err != nil {
			readErr = err
			break
		}
		if p != nil || !contains(kinds, it.kind()) || !sc.usable(&it) {
			continue
		}
		if !declared && !l.OneTransaction && (it.relation != nil || it.event != nil) && !barrier() {
			break
		}
		if it.relation != nil && rels != nil {
			if !rels.add(it.relation) {
				break
			}
			continue
		}
		k := slot{worker(&it, par), it.group()}
		if l.OneTransaction {
			k.group = "" // everything in one batch
		}
		fs := pending[k]
		if fs == nil {
			fs = &factgraph.FactSet{}
			pending[k] = fs
		}
		it.appendTo(fs)
		pendingTotal++
		if fs.Len() >= batch && !flush(k) {
			break
		}
		if !l.OneTransaction && pendingTotal >= 2*batch && !flushFullest() {
			break
		}
	}
	if rels != nil && readErr == nil && ctx.Err() == nil {
		// the sorted relations, a whole edge at a time
		err := rels.each(func(group []*factgraph.Relation) bool {
			it := item{relation: group[0]}
			k := slot{worker(&it, par), it.group()}
			fs := pending[k]
			if fs != nil && fs.Len() > 0 && fs.Len()+len(group) > batch && !flush(k) {
				return false
			}
			if fs = pending[k]; fs == nil {
				fs = &factgraph.FactSet{}
				pending[k] = fs
			}
			for _, r := range group {
				fs.Relations = append(fs.Relations, *r)
			}
			pendingTotal += len(group)
			if fs.Len() >= batch && !flush(k) {
				return false
			}
			for pendingTotal >= 2*batch {
				if !flushFullest() {
					return false
				}
			}
			return true
		})
		if err != nil {
			readErr = err
		}
	}
	for k := range pending {
		if !flush(k) {
			break
		}
	}
	for _, c := range chans {
		close(c)
	}
	wg.Wait()
	// A writer's error is the cause; a coded one is returned even when its chain holds
	// context.Canceled (the circuit breaker cancels the transactions in flight when Neo4j
	// goes away, and says so with EUNAVAILABLE).
	var fe *factgraph.Error
	if err := context.Cause(ctx); err != nil && (errors.As(err, &fe) || !errors.Is(err, context.Canceled)) {
		return err
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}

// worker picks the worker for a record by its key, so the same node or edge is always
// written by the same worker.
func worker(it *item, n int) int {
	if n == 1 {
		return 0
	}
	h := fnv.New32a()
	switch {
	case it.article != nil:
		h.Write([]byte(it.article.ID))
	case it.entity != nil:
		h.Write([]byte(it.entity.ID))
	case it.relation != nil:
		h.Write([]byte(it.relation.ID()))
	case it.event != nil:
		h.Write([]byte(it.event.ID))
	}
	return int(h.Sum32() % uint32(n))
}

// Ingest loads a small batch of facts (the GraphQL ingest mutation): validated first,
// written all or nothing. It implements factgraph.Ingester.
func (l *Loader) Ingest(ctx context.Context, name, format string, r io.Reader) (factgraph.IngestSummary, error) {
	one := *l
	one.OneTransaction = true
	sum, err := one.LoadReader(ctx, name, r, format)
	return factgraph.IngestSummary{Articles: sum.Articles, Entities: sum.Entities, Relations: sum.Relations, Events: sum.Events,
		Created: sum.Created, Updated: sum.Updated, Unchanged: sum.Unchanged}, err
}
