// Command importfloor measures the floor under factgraph's loader: the same facts loaded
// offline by Neo4j's own bulk importer (neo4j-admin database import full). run.sh drives it.
//
// It converts a fact file into the CSV files of that importer, producing the graph model of
// graph.Write exactly (labels, relationship types, property names, types and values,
// including the record hashes), so that a benchmark compares like with like:
//
//	go run ./bench/importfloor -in FILE -out DIR
//
// FILE is NDJSON (one object per line with exactly one key: article, entity, relation or
// event) or a JSON fact document ({"articles":[...],"entities":[...],...}); the format is
// recognised from the content. Records are decoded strictly and validated as the loader
// does (NDJSON on all cores), and applied in input order. DIR receives a header and a data
// file per node and relationship group, and import.args: the neo4j-admin arguments (one a
// line) that import them. The expected counts are printed as one line on stdout.
//
// Semantics follow graph.Write, applying the records one at a time in input order:
//
//   - a relation is one edge (from)-[:TYPE]->(to) per triple, carrying only aggregates:
//     sourceCount (the distinct articles of its evidence), confidence (the highest of its
//     records), firstSeen and lastSeen (the earliest and latest publishedAt of those
//     articles), and the modality, time and quantities of the last record applied;
//   - its evidence is one (:Article)-[:STATES {key, quote, hash, confidence, modality}]->(to)
//     per distinct (key, article, quote), key being the relation's id (from|TYPE|to); hash,
//     confidence and modality are those of the record that created it;
//   - a relation record whose hash is already on a STATES relationship (it created one
//     before) is skipped; any other record is applied, even an identical repeat of one
//     whose evidence was all known already (it then only sets the last record's fields);
//   - one role edge per distinct (event, role, entity); one EVIDENCED_BY per distinct
//     (event, article, quote) with the offsets of its last mention.
//
// That is the loader's graph exactly when no two records of a triple share a write batch
// (factgraph load -batch-size 1, say). Within a batch the loader checks every row's hash
// before it writes any (the statement is eager), so it skips no repeat there, and the last
// record of the triple in the batch sets modality, time and quantities: the graphs differ
// only when a triple's records repeat one that created a STATES relationship. Generated
// data (factgraph gen) has no repeated records.
//
// A node id repeated with identical content is skipped (as the loader does); repeated with
// different content it is an error (the loader would update the node).
//
// The CSV format cannot express an empty list, nor a list of one empty string: the
// importer reads both as null, so such properties are missing after the import where the
// loader stores [] or [""]. The count is printed as null_lists; -verify -fixup restores
// them (see fixups) so that the graph becomes identical.
//
// Memory: nodes, roles, event evidence and STATES are written as they are read, but a
// relation edge aggregates every record of its triple, so the triples are held in memory
// until the end of the input (with their distinct (article, quote) pairs, to deduplicate
// STATES, and the hashes of the records that created one), as are the ids and hashes of
// the nodes, the publication dates of the articles (for firstSeen/lastSeen) and the
// publishers. That is fine for a floor (about 1-2 GB for a million records); a converter
// for inputs larger than memory would sort the relation records by triple on disk instead.
//
// Two more modes talk to a running server (run.sh uses them with VERIFY=1):
//
//	importfloor -verify bolt://127.0.0.1:7699 [-fixup] [-schema FILE.cypher]
//	importfloor -dump bolt://127.0.0.1:7699
//
// Both connect without auth, or with -password (and -user) to a server with auth on, such
// as one the loader wrote, so that its graph can be dumped the same way.
//
// -verify prints the node counts by label and relationship counts by type. With -fixup it
// first restores the lists the CSV could not express; with -schema it then applies the
// loader's constraints and indexes (graph/migrations); both are timed. -dump prints every
// node and relationship with its properties, one sorted line each, to diff the imported
// graph with one written by the loader.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

func main() {
	in := flag.String("in", "", "fact file to convert: NDJSON or a JSON fact document")
	out := flag.String("out", "", "directory for the CSV files and import.args (created)")
	delim := flag.String("array-delimiter", "\x1f", "array delimiter in the CSV (one character, must not occur in array elements)")
	verifyURI := flag.String("verify", "", "print node counts by label and relationship counts by type of the graph at this Bolt URI")
	fixup := flag.Bool("fixup", false, "with -verify: first restore the lists the CSV importer reads as null ([] and [\"\"]) and time it")
	schema := flag.Bool("schema", false, "with -verify: apply the loader's schema (graph/migrations, as graph.Migrate does) and time it")
	dumpURI := flag.String("dump", "", "print every node and relationship of the graph at this Bolt URI, sorted")
	flag.StringVar(&boltUser, "user", "neo4j", "with -verify or -dump: user name, used with -password")
	flag.StringVar(&boltPassword, "password", "", "with -verify or -dump: password of a server with auth on (default: no auth)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the conversion to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "importfloor:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}

	var err error
	switch {
	case *verifyURI != "":
		err = verify(*verifyURI, *fixup, *schema)
	case *dumpURI != "":
		err = dump(*dumpURI)
	case *in != "" && *out != "":
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(400) // fewer collections of the short-lived decoding garbage
		}
		err = convertFile(*in, *out, *delim)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "importfloor:", err)
		os.Exit(1)
	}
}

// ---------------------------------------------------------------------------------------
// CSV output

// csvFile writes one data file of neo4j-admin import. Every string is quoted (so "" is an
// empty string and an unquoted empty field is null, i.e. no property); arrays are joined
// with the array delimiter.
type csvFile struct {
	name      string
	header    string
	group     string // "--nodes=Label" or "--relationships=TYPE" or "--relationships"
	f         *os.File
	w         *bufio.Writer
	delim     string
	first     bool // no field written yet on this row
	multiline bool // some field contains a line break
	rows      int
	lost      int // lists the importer reads as null: [] and [""] (see fixups)
	err       error
}

func (c *csvFile) sep() {
	if !c.first {
		c.w.WriteByte(',')
	}
	c.first = false
}

func (c *csvFile) quoted(s string) {
	if strings.ContainsAny(s, "\r\n") {
		c.multiline = true
	}
	c.w.WriteByte('"')
	if strings.IndexByte(s, '"') < 0 {
		c.w.WriteString(s)
	} else {
		c.w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	}
	c.w.WriteByte('"')
}

func (c *csvFile) str(s string) { c.sep(); c.quoted(s) }
func (c *csvFile) null()        { c.sep() }

func (c *csvFile) float(v float64) { c.sep(); c.w.WriteString(strconv.FormatFloat(v, 'g', -1, 64)) }
func (c *csvFile) int(v int64)     { c.sep(); c.w.WriteString(strconv.FormatInt(v, 10)) }

// date writes a YYYY-MM-DD date, or null for "".
func (c *csvFile) date(s string) {
	c.sep()
	if s != "" {
		c.w.WriteString(s)
	}
}

// strs writes a string array. The importer cannot escape the array delimiter, so an
// element containing it is an error rather than a silently split element.
func (c *csvFile) strs(list []string) {
	c.sep()
	if len(list) == 0 || len(list) == 1 && list[0] == "" {
		c.lost++
	}
	for _, s := range list {
		if strings.Contains(s, c.delim) && c.err == nil {
			c.err = fmt.Errorf("%s: array element %q contains the array delimiter %q; choose another with -array-delimiter", c.name, s, c.delim)
		}
	}
	c.quoted(strings.Join(list, c.delim))
}

func (c *csvFile) floats(list []float64) {
	c.sep()
	if len(list) == 0 {
		c.lost++
	}
	c.w.WriteByte('"')
	for i, v := range list {
		if i > 0 {
			c.w.WriteString(c.delim)
		}
		c.w.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	c.w.WriteByte('"')
}

func (c *csvFile) bools(list []bool) {
	c.sep()
	if len(list) == 0 {
		c.lost++
	}
	c.w.WriteByte('"')
	for i, v := range list {
		if i > 0 {
			c.w.WriteString(c.delim)
		}
		c.w.WriteString(strconv.FormatBool(v))
	}
	c.w.WriteByte('"')
}

func (c *csvFile) end() {
	c.w.WriteByte('\n')
	c.first = true
	c.rows++
}

type outputs struct {
	dir, delim string
	files      []*csvFile
}

func (o *outputs) open(name, group, header string) (*csvFile, error) {
	f, err := os.Create(filepath.Join(o.dir, name+".csv"))
	if err != nil {
		return nil, err
	}
	c := &csvFile{name: name, group: group, header: header, f: f, w: bufio.NewWriterSize(f, 1<<20), delim: o.delim, first: true}
	o.files = append(o.files, c)
	return c, nil
}

// close flushes the data files, writes the header files and import.args.
func (o *outputs) close() error {
	var args []string
	var multiline bool
	for _, c := range o.files {
		if c.err != nil {
			return c.err
		}
		if err := c.w.Flush(); err != nil {
			return err
		}
		if err := c.f.Close(); err != nil {
			return err
		}
		hdr := filepath.Join(o.dir, c.name+".header.csv")
		if err := os.WriteFile(hdr, []byte(c.header+"\n"), 0o644); err != nil {
			return err
		}
		if c.rows == 0 {
			continue // the importer accepts empty groups, but there is no point
		}
		data := filepath.Join(o.dir, c.name+".csv")
		args = append(args, c.group+"="+hdr+","+data)
		multiline = multiline || c.multiline
	}
	args = append(args, "--array-delimiter="+charArg(o.delim))
	if multiline {
		// Only when needed: multi-line parsing is slower. The v2 format would take just
		// these files, but in 5.26.30 it fails on a quoted line break that straddles its
		// read buffer ("Weird input data, found CR outside a text cell"), so all files.
		args = append(args, "--multiline-fields=true")
	}
	return os.WriteFile(filepath.Join(o.dir, "import.args"), []byte(strings.Join(args, "\n")+"\n"), 0o644)
}

// charArg spells a delimiter for neo4j-admin, which takes 'U+001F' for characters that
// do not survive a command line.
func charArg(d string) string {
	r := []rune(d)[0]
	if r > ' ' && r < 0x7f {
		return d
	}
	return fmt.Sprintf("U+%04X", r)
}

// ---------------------------------------------------------------------------------------
// Conversion

type converter struct {
	out *outputs

	entities, articles, sources, events              *csvFile
	publishedBy, roles, evidence, relationsF, states *csvFile

	published map[string]string // article id -> publishedAt, for firstSeen/lastSeen
	nodeHash  map[string]string // "Entity id" etc. -> hash, to recognise repeated records
	seenSrc   map[string]bool   // publishers written as Source nodes
	relIndex  map[triple]*relAgg
	relOrder  []*relAgg // in order of first appearance, for a deterministic output

	nArticles, nEntities, nRelations, nEvents int
}

type triple struct{ from, typ, to string }

// relAgg is the one edge of a (from, type, to) triple: the distinct (article, quote)
// pairs of its STATES relationships, the hashes of the records that created them, the
// highest confidence, and the modality, time and quantities of the last record applied
// (as the loader's SET leaves them).
type relAgg struct {
	triple
	articles, quotes []string
	index            map[[2]string]struct{} // built when the evidence grows long
	hashes           []string               // of the records that created a STATES, in order
	hashIndex        map[string]struct{}    // built when hashes grows long
	conf             float64                // the highest confidence of the records applied
	last             factgraph.Relation     // without its evidence
}

// known reports whether the record with hash h created a STATES relationship before.
func (a *relAgg) known(h string) bool {
	if a.hashIndex != nil {
		_, ok := a.hashIndex[h]
		return ok
	}
	return slices.Contains(a.hashes, h)
}

// created notes that the record with hash h created a STATES relationship.
func (a *relAgg) created(h string) {
	if a.hashIndex != nil {
		a.hashIndex[h] = struct{}{}
	}
	a.hashes = append(a.hashes, h)
	if a.hashIndex == nil && len(a.hashes) > 16 {
		a.hashIndex = make(map[string]struct{}, 2*len(a.hashes))
		for _, x := range a.hashes {
			a.hashIndex[x] = struct{}{}
		}
	}
}

// add notes the evidence (article, quote) and reports whether it is new, i.e. whether the
// loader's MERGE creates a STATES relationship for it.
func (a *relAgg) add(article, quote string) bool {
	if a.index != nil {
		k := [2]string{article, quote}
		if _, ok := a.index[k]; ok {
			return false
		}
		a.index[k] = struct{}{}
	} else {
		for i := range a.articles {
			if a.articles[i] == article && a.quotes[i] == quote {
				return false
			}
		}
	}
	a.articles, a.quotes = append(a.articles, article), append(a.quotes, quote)
	if a.index == nil && len(a.articles) > 16 {
		a.index = make(map[[2]string]struct{}, 2*len(a.articles))
		for i := range a.articles {
			a.index[[2]string{a.articles[i], a.quotes[i]}] = struct{}{}
		}
	}
	return true
}

func convertFile(in, dir, delim string) error {
	if n := len([]rune(delim)); n != 1 || delim == "," || delim == `"` {
		return fmt.Errorf("-array-delimiter must be one character other than , and \" (got %q)", delim)
	}
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	c := &converter{out: &outputs{dir: dir, delim: delim}, published: map[string]string{},
		seenSrc: map[string]bool{}, relIndex: map[triple]*relAgg{}, nodeHash: map[string]string{}}
	// The entity label is the group label Entity plus the kind from the :LABEL column.
	for _, s := range []struct {
		dst          **csvFile
		name, group  string
		header       string
		relationship bool
	}{
		{&c.entities, "entity", "--nodes=Entity",
			"id:ID(Entity),:LABEL,hash,kind,name,aliases:string[],keys:string[],names:string[],description", false},
		{&c.articles, "article", "--nodes=Article",
			"id:ID(Article),hash,title,url,publisher,publishedAt:date,language,text", false},
		{&c.sources, "source", "--nodes=Source", "name:ID(Source)", false},
		{&c.events, "event", "--nodes=Event",
			"id:ID(Event),hash,type,label,modality,confidence:double,time,timePrecision,timeStart:date,timeEnd:date," +
				"qValues:double[],qUnits:string[],qApprox:boolean[],qOf:string[]", false},
		{&c.publishedBy, "published_by", "--relationships=PUBLISHED_BY", ":START_ID(Article),:END_ID(Source)", true},
		{&c.roles, "role", "--relationships", ":START_ID(Event),:END_ID(Entity),:TYPE", true},
		{&c.evidence, "evidenced_by", "--relationships=EVIDENCED_BY",
			":START_ID(Event),:END_ID(Article),quote,start:long,end:long", true},
		{&c.relationsF, "relation", "--relationships",
			":START_ID(Entity),:END_ID(Entity),:TYPE,sourceCount:long,confidence:double,firstSeen:date,lastSeen:date," +
				"modality,time,timePrecision,timeStart:date,timeEnd:date," +
				"qValues:double[],qUnits:string[],qApprox:boolean[],qOf:string[]", true},
		{&c.states, "states", "--relationships=STATES",
			":START_ID(Article),:END_ID(Entity),key,quote,hash,confidence:double,modality", true},
	} {
		if *s.dst, err = c.out.open(s.name, s.group, s.header); err != nil {
			return err
		}
	}
	if err := c.read(bufio.NewReaderSize(f, 1<<20), in); err != nil {
		return err
	}
	c.writeRelations()
	if err := c.out.close(); err != nil {
		return err
	}
	nodes := c.entities.rows + c.articles.rows + c.sources.rows + c.events.rows
	rels := c.publishedBy.rows + c.roles.rows + c.evidence.rows + c.relationsF.rows + c.states.rows
	lost := 0
	for _, f := range c.out.files {
		lost += f.lost
	}
	fmt.Printf("records=%d articles=%d entities=%d relations=%d events=%d nodes=%d rels=%d relation_edges=%d states=%d null_lists=%d\n",
		c.nArticles+c.nEntities+c.nRelations+c.nEvents, c.nArticles, c.nEntities, c.nRelations, c.nEvents,
		nodes, rels, c.relationsF.rows, c.states.rows, lost)
	return nil
}

// parsed is one decoded and validated record with its hash. Exactly one pointer is set.
type parsed struct {
	article  *factgraph.Article
	entity   *factgraph.Entity
	relation *factgraph.Relation
	event    *factgraph.Event
	hash     string
	blank    bool // an empty NDJSON line
}

// finish validates the record as the loader does (labels and types reach the CSV only
// from the allow-lists) and computes its hash.
func (p *parsed) finish() error {
	var v interface{ Validate() error }
	switch {
	case p.article != nil:
		v = p.article
	case p.entity != nil:
		v = p.entity
	case p.relation != nil:
		v = p.relation
	case p.event != nil:
		v = p.event
	default:
		return errors.New("no record")
	}
	if err := v.Validate(); err != nil {
		return err
	}
	p.hash = hash(v)
	return nil
}

// apply writes (or aggregates) a record. Records are applied in input order.
func (c *converter) apply(p *parsed) error {
	switch {
	case p.article != nil:
		return c.article(p.article, p.hash)
	case p.entity != nil:
		return c.entity(p.entity, p.hash)
	case p.relation != nil:
		c.relation(p.relation, p.hash)
	case p.event != nil:
		return c.event(p.event, p.hash)
	}
	return nil
}

// read streams the input. NDJSON is decoded on all cores (decoding, validation and
// hashing are most of the conversion's work) and applied in order; a JSON fact document
// is decoded one array element at a time.
func (c *converter) read(r *bufio.Reader, name string) error {
	head, _ := r.Peek(64)
	if isNDJSON(head) {
		return c.readNDJSON(r, name)
	}
	return c.readDocument(r, name)
}

// isNDJSON reports whether the input starts like an NDJSON fact line, {"entity": ...
// (a fact document starts with a plural key, or with "{" alone on its line).
func isNDJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	head = bytes.TrimLeft(head[1:], " \t")
	for _, k := range []string{"article", "entity", "relation", "event"} {
		if bytes.HasPrefix(head, []byte(`"`+k+`"`)) {
			return true
		}
	}
	return false
}

// ndjsonLine is one NDJSON line: an object with exactly one of these keys.
type ndjsonLine struct {
	Article  *factgraph.Article  `json:"article"`
	Entity   *factgraph.Entity   `json:"entity"`
	Relation *factgraph.Relation `json:"relation"`
	Event    *factgraph.Event    `json:"event"`
}

func parseLine(line []byte) (parsed, error) {
	if len(bytes.TrimSpace(line)) == 0 {
		return parsed{blank: true}, nil
	}
	d := json.NewDecoder(bytes.NewReader(line))
	d.DisallowUnknownFields()
	var l ndjsonLine
	if err := d.Decode(&l); err != nil {
		return parsed{}, err
	}
	if d.More() {
		return parsed{}, errors.New("unexpected data after the record")
	}
	p := parsed{article: l.Article, entity: l.Entity, relation: l.Relation, event: l.Event}
	n := 0
	for _, set := range []bool{p.article != nil, p.entity != nil, p.relation != nil, p.event != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return parsed{}, fmt.Errorf("a line holds exactly one record: an object with one key, article, entity, relation or event (got %d)", n)
	}
	return p, p.finish()
}

func (c *converter) readNDJSON(r *bufio.Reader, name string) error {
	type batch struct {
		seq, line int // line: the number of the first line
		lines     [][]byte
		recs      []parsed
		errs      []error
	}
	const batchLines = 1000
	workers := runtime.GOMAXPROCS(0)
	in, out := make(chan *batch, 2*workers), make(chan *batch, 2*workers)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(in)
		b := &batch{line: 1}
		for n := 0; ; {
			l, err := r.ReadBytes('\n')
			if len(l) > 0 {
				n++
				b.lines = append(b.lines, l)
			}
			if len(b.lines) == batchLines || err != nil && len(b.lines) > 0 {
				select {
				case in <- b:
				case <-stop:
					return
				}
				b = &batch{seq: b.seq + 1, line: n + 1}
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range in {
				b.recs, b.errs = make([]parsed, len(b.lines)), make([]error, len(b.lines))
				for i, l := range b.lines {
					b.recs[i], b.errs[i] = parseLine(l)
				}
				b.lines = nil
				out <- b
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	var err error
	pending := map[int]*batch{}
	next := 0
	for b := range out {
		pending[b.seq] = b
		for b := pending[next]; b != nil; b = pending[next] {
			delete(pending, next)
			next++
			for i := range b.recs {
				if err != nil {
					break
				}
				if e := b.errs[i]; e != nil {
					err = fmt.Errorf("%s:%d: %w", name, b.line+i, e)
				} else if !b.recs[i].blank {
					if e := c.apply(&b.recs[i]); e != nil {
						err = fmt.Errorf("%s:%d: %w", name, b.line+i, e)
					}
				}
				if err != nil {
					close(stop) // the reader stops; the rest drains
				}
			}
		}
	}
	if err != nil {
		return err
	}
	if readErr != nil {
		return fmt.Errorf("read %s: %w", name, readErr)
	}
	return nil
}

// readDocument reads a sequence of top-level objects, each a fact document
// ({"articles": [...], ...}) or an NDJSON-style record ({"entity": {...}}).
func (c *converter) readDocument(r io.Reader, name string) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	n := 0
	fail := func(err error) error { return fmt.Errorf("%s: after %d records: %w", name, n, err) }
	expect := func(want json.Delim) error {
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		if d, ok := tok.(json.Delim); !ok || d != want {
			return fail(fmt.Errorf("want %q, got %v", want, tok))
		}
		return nil
	}
	record := func(kind string) error {
		var p parsed
		var v any
		switch kind {
		case "article":
			p.article = new(factgraph.Article)
			v = p.article
		case "entity":
			p.entity = new(factgraph.Entity)
			v = p.entity
		case "relation":
			p.relation = new(factgraph.Relation)
			v = p.relation
		case "event":
			p.event = new(factgraph.Event)
			v = p.event
		}
		err := dec.Decode(v)
		if err == nil {
			err = p.finish()
		}
		if err == nil {
			err = c.apply(&p)
		}
		if err != nil {
			return fail(err)
		}
		n++
		return nil
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fail(err)
		}
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return fail(fmt.Errorf("want an object, got %v", tok))
		}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return fail(err)
			}
			key, _ := tok.(string)
			switch key {
			case "article", "entity", "relation", "event":
				if err := record(key); err != nil {
					return err
				}
			case "articles", "entities", "relations", "events":
				if err := expect('['); err != nil {
					return err
				}
				for dec.More() {
					if err := record(singular[key]); err != nil {
						return err
					}
				}
				if err := expect(']'); err != nil {
					return err
				}
			default:
				return fail(fmt.Errorf("unknown key %q (want articles, entities, relations, events)", key))
			}
		}
		if err := expect('}'); err != nil {
			return err
		}
	}
}

var singular = map[string]string{"articles": "article", "entities": "entity", "relations": "relation", "events": "event"}

// repeated reports whether a node record was seen before. The loader skips a record
// identical to the one in the graph (same hash) but updates a node whose record changed
// (and merges the roles and evidence of an event); as nodes are streamed out, a changed
// record for an id already written is an error here.
func (c *converter) repeated(space, id, h string) (bool, error) {
	k := space + " " + id
	old, ok := c.nodeHash[k]
	if !ok {
		c.nodeHash[k] = h
		return false, nil
	}
	if old == h {
		return true, nil
	}
	return true, fmt.Errorf("%s %q appears twice with different content; the loader would update it, this converter supports only identical repeats", strings.ToLower(space), id)
}

func (c *converter) article(a *factgraph.Article, h string) error {
	c.nArticles++
	if dup, err := c.repeated("Article", a.ID, h); dup {
		return err
	}
	c.published[a.ID] = a.PublishedAt
	w := c.articles
	w.str(a.ID)
	w.str(h)
	w.str(a.Title)
	w.str(a.URL)
	w.str(a.Publisher)
	w.date(a.PublishedAt)
	w.str(a.Language)
	w.str(a.Text)
	w.end()
	if a.Publisher != "" {
		if !c.seenSrc[a.Publisher] {
			c.seenSrc[a.Publisher] = true
			c.sources.str(a.Publisher)
			c.sources.end()
		}
		c.publishedBy.str(a.ID)
		c.publishedBy.str(a.Publisher)
		c.publishedBy.end()
	}
	return nil
}

func (c *converter) entity(e *factgraph.Entity, h string) error {
	c.nEntities++
	if dup, err := c.repeated("Entity", e.ID, h); dup {
		return err
	}
	w := c.entities
	w.str(e.ID)
	w.str(e.Kind)
	w.str(h)
	w.str(e.Kind)
	w.str(e.Name)
	w.strs(e.Aliases)
	w.strs(e.KeyList())
	w.strs(factgraph.NameKeys(e.Name, e.Aliases))
	w.str(e.Description)
	w.end()
	return nil
}

func (c *converter) event(e *factgraph.Event, h string) error {
	c.nEvents++
	if dup, err := c.repeated("Event", e.ID, h); dup {
		return err
	}
	w := c.events
	w.str(e.ID)
	w.str(h)
	w.str(e.Type)
	w.str(e.Label)
	w.str(modality(e.Modality))
	w.float(confidence(e.Confidence))
	timeFields(w, e.Time)
	quantityFields(w, e.Quantities)
	w.end()

	// MERGE (ev)-[:ROLE]->(e): one edge per distinct role and entity.
	type roleKey struct{ role, entity string }
	seen := make(map[roleKey]bool, len(e.Roles))
	for _, r := range e.Roles {
		k := roleKey{r.Role, r.Entity}
		if seen[k] {
			continue
		}
		seen[k] = true
		c.roles.str(e.ID)
		c.roles.str(r.Entity)
		c.roles.str(r.Role)
		c.roles.end()
	}
	// MERGE (ev)-[x:EVIDENCED_BY {quote}]->(a) SET x.start, x.end: one edge per distinct
	// (article, quote), with the offsets of its last occurrence.
	type evKey struct{ article, quote string }
	last := make(map[evKey]int, len(e.Evidence))
	for i, ev := range e.Evidence {
		last[evKey{ev.Article, ev.Quote}] = i
	}
	for _, ev := range e.Evidence {
		k := evKey{ev.Article, ev.Quote}
		j, ok := last[k]
		if !ok {
			continue // already written at its first occurrence
		}
		delete(last, k)
		ev = e.Evidence[j]
		c.evidence.str(e.ID)
		c.evidence.str(ev.Article)
		c.evidence.str(ev.Quote)
		optInt(c.evidence, ev.Start)
		optInt(c.evidence, ev.End)
		c.evidence.end()
	}
	return nil
}

func (c *converter) relation(r *factgraph.Relation, h string) {
	c.nRelations++
	k := triple{r.From, r.Type, r.To}
	a := c.relIndex[k]
	if a == nil {
		a = &relAgg{triple: k}
		c.relIndex[k] = a
		c.relOrder = append(c.relOrder, a)
	}
	if a.known(h) {
		return // loaded before: the loader finds its hash on a STATES relationship and skips it
	}
	// MERGE (art)-[x:STATES {key, quote}]->(to) ON CREATE SET x.hash, x.confidence, x.modality
	conf, mod, key := confidence(r.Confidence), modality(r.Modality), r.ID()
	fresh := false
	for _, ev := range r.Evidence {
		if !a.add(ev.Article, ev.Quote) {
			continue
		}
		fresh = true
		w := c.states
		w.str(ev.Article)
		w.str(r.To)
		w.str(key)
		w.str(ev.Quote)
		w.str(h)
		w.float(conf)
		w.str(mod)
		w.end()
	}
	if fresh {
		a.created(h)
	}
	a.conf = max(a.conf, conf) // ON CREATE SET e.confidence = 0.0, then the highest
	a.last = *r
	a.last.Evidence = nil
}

// writeRelations writes the aggregated relation edges, once every article is known.
func (c *converter) writeRelations() {
	w := c.relationsF
	arts := map[string]bool{}
	for _, a := range c.relOrder {
		clear(arts)
		var first, last string
		for _, id := range a.articles {
			if arts[id] {
				continue
			}
			arts[id] = true
			if d := c.published[id]; d != "" {
				if first == "" || d < first {
					first = d
				}
				if d > last {
					last = d
				}
			}
		}
		w.str(a.from)
		w.str(a.to)
		w.str(a.typ)
		w.int(int64(len(arts)))
		w.float(a.conf)
		w.date(first)
		w.date(last)
		w.str(modality(a.last.Modality))
		timeFields(w, a.last.Time)
		quantityFields(w, a.last.Quantities)
		w.end()
	}
	c.relIndex, c.relOrder = nil, nil
}

// timeFields writes time, timePrecision, timeStart, timeEnd (all null without a time).
func timeFields(w *csvFile, t *factgraph.TimeSpec) {
	if t == nil {
		w.null()
		w.null()
		w.null()
		w.null()
		return
	}
	w.str(t.Value)
	w.str(t.Precision)
	w.date(t.Start())
	w.date(t.End())
}

// quantityFields writes the parallel lists qValues, qUnits, qApprox, qOf (empty lists
// when there is no quantity, as the loader stores them).
func quantityFields(w *csvFile, qs []factgraph.Quantity) {
	vals, units, approx, of := make([]float64, len(qs)), make([]string, len(qs)), make([]bool, len(qs)), make([]string, len(qs))
	for i, q := range qs {
		vals[i], units[i], approx[i], of[i] = q.Value, q.Unit, q.Approx, q.Of
	}
	w.floats(vals)
	w.strs(units)
	w.bools(approx)
	w.strs(of)
}

// hash is graph.Write's digest of a record (stored as a node's hash and as the hash of
// the STATES relationships a relation record created): the first 12 bytes of the SHA-256
// of its JSON, in hex.
func hash(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("hash: %v", err)) // domain records always marshal
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

func optInt(w *csvFile, p *int) {
	if p == nil {
		w.null()
		return
	}
	w.int(int64(*p))
}

func modality(m string) string {
	if m == "" {
		return factgraph.ModalityReported
	}
	return m
}

func confidence(c *float64) float64 {
	if c == nil {
		return factgraph.DefaultConfidence
	}
	return *c
}

// ---------------------------------------------------------------------------------------
// Verification against a running server

// boltUser and boltPassword authenticate -verify and -dump; no auth without a password.
var boltUser, boltPassword string

func openDriver(ctx context.Context, uri string) (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if boltPassword != "" {
		auth = neo4j.BasicAuth(boltUser, boltPassword, "")
	}
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		return nil, err
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		d.Close(ctx)
		return nil, err
	}
	return d, nil
}

func query(ctx context.Context, d neo4j.DriverWithContext, cypher string) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, cypher, nil, neo4j.EagerResultTransformer)
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// fixups restore the list properties that the CSV importer cannot express. It reads an
// array field that is empty or "" as null, so [] (an entity without aliases, a fact
// without quantities) and [""] (one quantity without "of") arrive as missing properties
// where the loader stores lists. Each is recoverable: the quantity lists are parallel, and
// qValues (numbers) and qUnits (non-empty) never hold an empty string.
var fixups = []string{
	"MATCH (e:Entity) WHERE e.aliases IS NULL SET e.aliases = []",
	"MATCH (e:Entity) WHERE e.keys IS NULL SET e.keys = []",
	"MATCH (e:Entity) WHERE e.names IS NULL SET e.names = []",
	"MATCH (e:Event) WHERE e.qValues IS NULL SET e.qValues = [], e.qUnits = [], e.qApprox = [], e.qOf = []",
	"MATCH (e:Event) WHERE e.qOf IS NULL SET e.qOf = ['']",
	// Relation edges: the only relationships with a sourceCount.
	"MATCH ()-[e]->() WHERE e.sourceCount IS NOT NULL AND e.qValues IS NULL SET e.qValues = [], e.qUnits = [], e.qApprox = [], e.qOf = []",
	"MATCH ()-[e]->() WHERE e.sourceCount IS NOT NULL AND e.qOf IS NULL SET e.qOf = ['']",
}

// inBatches wraps a fixup "MATCH ... WHERE ... SET ..." so that it commits every 10000 rows.
func inBatches(q string) string {
	i := strings.Index(q, " SET ")
	return q[:i] + " CALL (e) {" + q[i:] + " } IN TRANSACTIONS OF 10000 ROWS"
}

func verify(uri string, fixup bool, schema bool) error {
	ctx := context.Background()
	d, err := openDriver(ctx, uri)
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	if fixup {
		t0 := time.Now()
		props := 0
		s := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
		for _, q := range fixups {
			// CALL { } IN TRANSACTIONS needs an auto-commit transaction: session.Run.
			res, err := s.Run(ctx, inBatches(q), nil)
			if err == nil {
				var sum neo4j.ResultSummary
				if sum, err = res.Consume(ctx); err == nil {
					props += sum.Counters().PropertiesSet()
				}
			}
			if err != nil {
				s.Close(ctx)
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		s.Close(ctx)
		fmt.Printf("verify fixup_props=%d fixup_s=%.3f\n", props, time.Since(t0).Seconds())
	}
	var nodes, rels int64
	for _, q := range []struct{ what, cypher string }{
		{"label", "MATCH (n) UNWIND labels(n) AS k RETURN k, count(*) AS c ORDER BY k"},
		{"type", "MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c ORDER BY k"},
	} {
		recs, err := query(ctx, d, q.cypher)
		if err != nil {
			return err
		}
		for _, r := range recs {
			k, _ := r.Get("k")
			n, _ := r.Get("c")
			fmt.Printf("  %-5s %-20s %d\n", q.what, k, n)
			if q.what == "type" {
				rels += n.(int64)
			}
		}
	}
	recs, err := query(ctx, d, "MATCH (n) RETURN count(n) AS c")
	if err != nil {
		return err
	}
	n, _ := recs[0].Get("c")
	nodes = n.(int64)
	fmt.Printf("verify nodes=%d rels=%d\n", nodes, rels)
	if !schema {
		return nil
	}
	t0 := time.Now()
	stmts, err := graph.MigrationStatements()
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if _, err := query(ctx, d, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	if _, err := query(ctx, d, "CALL db.awaitIndexes(3600)"); err != nil {
		return err
	}
	fmt.Printf("verify schema_statements=%d schema_s=%.3f\n", len(stmts), time.Since(t0).Seconds())
	return nil
}

// dump prints the graph canonically: a node as (labels key {props}), a relationship as
// (from)-[TYPE {props}]->(to), where a node's key is its id or, for a Source, its name.
// The lines are sorted, so two dumps of the same graph are identical.
func dump(uri string) error {
	ctx := context.Background()
	d, err := openDriver(ctx, uri)
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	var lines []string
	recs, err := query(ctx, d, "MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
	if err != nil {
		return err
	}
	for _, r := range recs {
		l, _ := r.Get("l")
		p, _ := r.Get("p")
		labels := toStrings(l.([]any))
		sort.Strings(labels)
		lines = append(lines, fmt.Sprintf("(%s %s)", strings.Join(labels, ":"), canon(p)))
	}
	recs, err = query(ctx, d, "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS a, type(r) AS t, properties(r) AS p, coalesce(b.id, b.name) AS b")
	if err != nil {
		return err
	}
	for _, r := range recs {
		a, _ := r.Get("a")
		t, _ := r.Get("t")
		p, _ := r.Get("p")
		b, _ := r.Get("b")
		lines = append(lines, fmt.Sprintf("(%v)-[%v %s]->(%v)", a, t, canon(p), b))
	}
	sort.Strings(lines)
	w := bufio.NewWriter(os.Stdout)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return w.Flush()
}

func toStrings(l []any) []string {
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = fmt.Sprint(x)
	}
	return out
}

// canon spells a value with its type, so that 1 (integer) and 1.0 (float) differ.
func canon(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return "f" + strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case neo4j.Date:
		return "date(" + x.Time().Format(time.DateOnly) + ")"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = canon(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ":" + canon(x[k])
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}
