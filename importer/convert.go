package importer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

// converter is the graph the loader writes to during an import: a factgraph.Writer that
// turns the validated, resolved records into the CSV files of neo4j-admin database import.
//
// The loader validates each file and resolves its references exactly as for an online
// load; "the graph" it checks references against is what the earlier files of the same
// import declared (the database is empty). The records it writes are grouped by node id
// or relation (from, type, to) in an external sort (bounded memory, see sorter), and each
// group is applied in input order with the rules of graph.Write, so the imported graph is
// the one the online loader builds from the same files.
//
// Memory: the sort buffers (Options.SortMemory in all), plus, for the references of later
// files and for firstSeen/lastSeen, the kind and name keys of every entity, the id and
// publication date of every article, and the distinct publishers. Relations and events are
// never all held in memory.
type converter struct {
	mu  sync.Mutex
	dir string // work directory: sort runs

	kinds    map[string]string   // entity id -> kind
	nameKeys map[string][]string // entity id -> its folded name keys
	names    map[string][]string // folded name key -> entity ids
	// pendingNames are entities written since the name index was last brought up to
	// date: it is needed only when a later file names an entity of an earlier one.
	pendingNames []pendingName
	dates        map[string]string // article id -> publishedAt ("" when none)

	articles, entities, events, relations *sorter

	stats factgraph.WriteStats // by record, filled by writeCSV
	lost  LostLists
	// quantities are the article quantities of the last declaration of each article
	// that states any (CSV is not where they go: Finish writes them online).
	quantities map[string][]factgraph.Quantity
}

// LostLists counts the list properties that the CSV cannot express: the importer reads a
// list of one empty string as null (an empty list is no property in the stored model, as
// the CSV leaves it). fixups restores them online.
type LostLists struct {
	EntityBlank []string `json:"-"` // entity ids whose names = [""]
	// Articles are the articles that state quantities of their own (id and quantities):
	// their q* lists and QUANTIFIES relationships are written online, by the loader's
	// own statement (graph.DB.WriteArticleQuantities).
	Articles       []factgraph.Article `json:"-"`
	EventOfBlank   int                 `json:"eventOf"` // one quantity without "of": qOf = [""]
	RelationOfBlnk int                 `json:"relationOf"`
}

func (l LostLists) total() int {
	return len(l.EntityBlank) + l.EventOfBlank + l.RelationOfBlnk
}

func newConverter(dir string, sortMemory int) *converter {
	per := sortMemory / 4
	return &converter{dir: dir,
		kinds: map[string]string{}, nameKeys: map[string][]string{}, names: map[string][]string{}, dates: map[string]string{}, quantities: map[string][]factgraph.Quantity{},
		articles: newSorter(dir, "articles", per/4), entities: newSorter(dir, "entities", per/2),
		events: newSorter(dir, "events", per+per/4), relations: newSorter(dir, "relations", 2*per)}
}

var _ factgraph.Writer = (*converter)(nil)

// Migrate does nothing: the schema is applied after the import, online.
func (c *converter) Migrate(context.Context) error { return nil }

// Sync does nothing: there is no index to wait for during the conversion.
func (c *converter) Sync(context.Context) error { return nil }

// Check is not supported: an import has no dry run (the conversion writes only CSV).
func (c *converter) Check(context.Context, *factgraph.FactSet) (factgraph.WriteStats, error) {
	return factgraph.WriteStats{}, factgraph.Errorf(factgraph.EINVALID, "import has no dry run: use factgraph load --dry-run")
}

// EntityKinds answers from the entities of the files converted before.
func (c *converter) EntityKinds(_ context.Context, ids []string) (map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]string{}
	for _, id := range ids {
		if k, ok := c.kinds[id]; ok {
			out[id] = k
		}
	}
	return out, nil
}

// MissingArticles answers from the articles of the files converted before.
func (c *converter) MissingArticles(_ context.Context, ids []string) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, id := range ids {
		if _, ok := c.dates[id]; !ok {
			out = append(out, id)
		}
	}
	return out, nil
}

type pendingName struct {
	id, name string
	aliases  []string
}

// ResolveNames answers from the names and aliases of the entities converted before.
func (c *converter) ResolveNames(_ context.Context, keys []string) (map[string][]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.pendingNames {
		c.setNames(p.id, factgraph.NameKeys(p.name, p.aliases))
	}
	c.pendingNames = nil
	out := map[string][]string{}
	for _, k := range keys {
		if ids := c.names[k]; len(ids) > 0 {
			s := append([]string(nil), ids...)
			sort.Strings(s)
			out[k] = s
		}
	}
	return out, nil
}

// articleQuantities are the articles that state quantities (their last declaration),
// sorted by id.
func (c *converter) articleQuantities() []factgraph.Article {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]factgraph.Article, 0, len(c.quantities))
	for id, qs := range c.quantities {
		out = append(out, factgraph.Article{ID: id, Quantities: qs})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Write takes a batch of validated records whose references are ids, and queues them
// for grouping. The loader writes articles and entities before relations and events.
func (c *converter) Write(_ context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range fs.Articles {
		a := &fs.Articles[i]
		c.dates[a.ID] = a.PublishedAt
		// The last declaration decides, as the online loader's writes do.
		if len(a.Quantities) > 0 {
			c.quantities[a.ID] = append([]factgraph.Quantity(nil), a.Quantities...)
		} else {
			delete(c.quantities, a.ID)
		}
		if err := c.queue(c.articles, a.ID, a); err != nil {
			return factgraph.WriteStats{}, err
		}
	}
	for i := range fs.Entities {
		e := &fs.Entities[i]
		c.kinds[e.ID] = e.Kind
		c.pendingNames = append(c.pendingNames, pendingName{e.ID, e.Name, e.Aliases})
		if err := c.queue(c.entities, e.ID, e); err != nil {
			return factgraph.WriteStats{}, err
		}
	}
	for i := range fs.Relations {
		r := &fs.Relations[i]
		if err := c.queue(c.relations, r.From+"\x00"+r.Type+"\x00"+r.To, r); err != nil {
			return factgraph.WriteStats{}, err
		}
	}
	for i := range fs.Events {
		e := &fs.Events[i]
		if err := c.queue(c.events, e.ID, e); err != nil {
			return factgraph.WriteStats{}, err
		}
	}
	return factgraph.WriteStats{}, nil
}

func (c *converter) queue(s *sorter, key string, rec any) error {
	data, h := graph.MarshalHash(rec)
	return s.add(key, h, data, rec)
}

// setNames keeps the name index of the entities as the graph's would be: an entity
// declared again with other names is found by its latest names only.
func (c *converter) setNames(id string, keys []string) {
	for _, k := range c.nameKeys[id] {
		ids := c.names[k]
		for i, x := range ids {
			if x == id {
				ids = append(ids[:i], ids[i+1:]...)
				break
			}
		}
		if len(ids) == 0 {
			delete(c.names, k)
		} else {
			c.names[k] = ids
		}
	}
	c.nameKeys[id] = keys
	for _, k := range keys {
		c.names[k] = append(c.names[k], id)
	}
}

func (c *converter) remove() {
	for _, s := range []*sorter{c.articles, c.entities, c.events, c.relations} {
		s.remove()
	}
}

// Headers of the CSV files: the property names and types of graph.Write.
const (
	entityHeader  = "id:ID(Entity),:LABEL,hash,kind,name,aliases:string[],keys:string[],names:string[],description"
	articleHeader = "id:ID(Article),hash,title,url,publisher,publishedAt:date,language,text"
	sourceHeader  = "name:ID(Source)"
	eventHeader   = "id:ID(Event),hash,type,label,modality,confidence:double,time,timePrecision,timeStart:date,timeEnd:date," +
		"qValues:double[],qUnits:string[],qApprox:boolean[],qOf:string[]"
	publishedByHeader = ":START_ID(Article),:END_ID(Source)"
	roleHeader        = ":START_ID(Event),:END_ID(Entity),:TYPE"
	evidencedByHeader = ":START_ID(Event),:END_ID(Article),quote,hash,confidence:double,modality,attribution,rule,start:long,end:long"
	relationHeader    = ":START_ID(Entity),:END_ID(Entity),:TYPE,sourceCount:long,confidence:double,firstSeen:date,lastSeen:date," +
		"modality,time,timePrecision,timeStart:date,timeEnd:date,qValues:double[],qUnits:string[],qApprox:boolean[],qOf:string[]"
	statesHeader = ":START_ID(Article),:END_ID(Entity),key,quote,hash,confidence:double,modality,attribution,rule,start:long,end:long"
)

// csvCounts are what the CSV holds: the nodes and relationships the import will create.
type csvCounts struct {
	Nodes, Relationships int
	RelationEdges        int
	States               int
}

// writeCSV applies the queued records group by group and writes the CSV files into dir.
// It returns the neo4j-admin arguments that import them.
func (c *converter) writeCSV(dir string, progress func(phase string, done, total int64)) ([]string, csvCounts, error) {
	var counts csvCounts
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, counts, err
	}
	out := &outputs{dir: dir}
	files := map[string]*csvFile{}
	for _, s := range []struct{ name, group, header string }{
		{"entity", "--nodes=Entity", entityHeader},
		{"article", "--nodes=Article", articleHeader},
		{"source", "--nodes=Source", sourceHeader},
		{"event", "--nodes=Event", eventHeader},
		{"published_by", "--relationships=PUBLISHED_BY", publishedByHeader},
		{"role", "--relationships", roleHeader},
		{"evidenced_by", "--relationships=EVIDENCED_BY", evidencedByHeader},
		{"relation", "--relationships", relationHeader},
		{"states", "--relationships=STATES", statesHeader},
	} {
		f, err := out.open(s.name, s.group, s.header)
		if err != nil {
			return nil, counts, err
		}
		files[s.name] = f
	}
	total := int64(c.articles.n + c.entities.n + c.events.n + c.relations.n)
	var done int64
	step := func(n int) {
		done += int64(n)
		if progress != nil && done%8192 < int64(n) {
			progress("group", done, total)
		}
	}
	w := &groupWriter{c: c, f: files, sources: map[string]bool{}}
	for _, s := range []struct {
		sorter *sorter
		apply  func([]spillRec) error
	}{
		{c.articles, w.article}, {c.entities, w.entity}, {c.events, w.event}, {c.relations, w.relation},
	} {
		err := s.sorter.iterate(func(g []spillRec) error {
			step(len(g))
			return s.apply(g)
		})
		s.sorter.remove()
		if err != nil {
			return nil, counts, err
		}
	}
	if progress != nil {
		progress("group", total, total)
	}
	args, err := out.close()
	if err != nil {
		return nil, counts, err
	}
	for _, n := range []string{"entity", "article", "source", "event"} {
		counts.Nodes += files[n].rows
	}
	for _, n := range []string{"published_by", "role", "evidenced_by", "relation", "states"} {
		counts.Relationships += files[n].rows
	}
	counts.RelationEdges, counts.States = files["relation"].rows, files["states"].rows
	return args, counts, nil
}

// groupWriter applies each group of records as graph.Write would, one record at a time in
// input order: a record with the hash the graph already holds is unchanged (skipped), any
// other is applied.
type groupWriter struct {
	c       *converter
	f       map[string]*csvFile
	sources map[string]bool
}

// outcome counts a record as created (first of its group), updated or unchanged.
func (w *groupWriter) outcome(first, same bool) {
	switch {
	case same:
		w.c.stats.Unchanged++
	case first:
		w.c.stats.Created++
	default:
		w.c.stats.Updated++
	}
}

// decode returns the record: the one the loader wrote while it is in memory, else
// decoded from its JSON (read back from a sorted run).
func decode[T any](r spillRec) (*T, error) {
	if p, ok := r.rec.(*T); ok {
		return p, nil
	}
	v := new(T)
	if err := json.Unmarshal(r.data, v); err != nil {
		return nil, fmt.Errorf("import: decode queued record %s: %w", r.key, err)
	}
	return v, nil
}

// latest applies a node's records as the upserts of graph.Write do: a record with the
// hash the node already has changes nothing, any other replaces its values (the latest
// declaration wins). each is called with every record applied.
func latest[T any](w *groupWriter, g []spillRec, each func(*T)) (*T, string, error) {
	var last *T
	var lastHash string
	for i, r := range g {
		same := i > 0 && r.hash == lastHash
		w.outcome(i == 0, same)
		if same {
			continue
		}
		v, err := decode[T](r)
		if err != nil {
			return nil, "", err
		}
		last, lastHash = v, r.hash
		if each != nil {
			each(v)
		}
	}
	return last, lastHash, nil
}

func (w *groupWriter) article(g []spillRec) error {
	// MERGE (a)-[:PUBLISHED_BY]->(s) for each publisher the article had.
	var publishers []string
	a, lastHash, err := latest(w, g, func(a *factgraph.Article) {
		if a.Publisher != "" && !contains(publishers, a.Publisher) {
			publishers = append(publishers, a.Publisher)
		}
	})
	if err != nil {
		return err
	}
	f := w.f["article"]
	f.str(a.ID)
	f.str(lastHash)
	f.str(a.Title)
	f.str(a.URL)
	f.str(a.Publisher)
	f.date(a.PublishedAt)
	f.str(a.Language)
	f.str(a.Text)
	f.end()
	for _, p := range publishers {
		if !w.sources[p] {
			w.sources[p] = true
			w.f["source"].str(p)
			w.f["source"].end()
		}
		w.f["published_by"].str(a.ID)
		w.f["published_by"].str(p)
		w.f["published_by"].end()
	}
	return nil
}

func (w *groupWriter) entity(g []spillRec) error {
	e, lastHash, err := latest[factgraph.Entity](w, g, nil)
	if err != nil {
		return err
	}
	f := w.f["entity"]
	aliases, keys, names := e.Aliases, e.KeyList(), factgraph.NameKeys(e.Name, e.Aliases)
	if len(names) == 1 && names[0] == "" {
		w.c.lost.EntityBlank = append(w.c.lost.EntityBlank, e.ID)
	}
	f.str(e.ID)
	f.str(e.Kind) // :LABEL, next to the group's Entity
	f.str(lastHash)
	f.str(e.Kind)
	f.str(e.Name)
	f.strs(aliases)
	f.strs(keys)
	f.strs(names)
	f.str(e.Description)
	f.end()
	return nil
}

// item is one piece of evidence (an article and quote) as the record that brought it
// says it: a STATES or EVIDENCED_BY relationship if that record wins it.
type item struct {
	article, quote    string
	hash, modality    string
	attribution, rule string
	conf              float64
	rank              int
	start, end        *int
}

// greater reports whether x beats y for the same article and quote: by confidence, then
// certainty of the modality, then hash (graph.Write's order).
func (x *item) greater(y *item) bool {
	if x.conf != y.conf {
		return x.conf > y.conf
	}
	if x.rank != y.rank {
		return x.rank > y.rank
	}
	return x.hash > y.hash
}

type evKey struct{ article, quote string }

// evidenceSet keeps the winning item of each article and quote of one edge or event.
type evidenceSet struct {
	order []evKey
	win   map[evKey]*item
}

// items are a record's pieces of evidence, each article and quote once (its first mention).
func items(evs []factgraph.Evidence, hash string, conf float64, mod string) []*item {
	seen := map[evKey]bool{}
	var out []*item
	for _, ev := range evs {
		k := evKey{ev.Article, ev.Quote}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, &item{article: ev.Article, quote: ev.Quote, hash: hash, modality: mod, conf: conf,
			rank: graph.CertaintyRank(mod), attribution: ev.Attribution, rule: ev.Rule, start: ev.Start, end: ev.End})
	}
	return out
}

// dominated reports whether every item already has a winner at least as great: the
// record would change nothing (unchanged).
func (s *evidenceSet) dominated(its []*item) bool {
	for _, x := range its {
		if w := s.win[evKey{x.article, x.quote}]; w == nil || x.greater(w) {
			return false
		}
	}
	return true
}

func (s *evidenceSet) add(its []*item) {
	if s.win == nil {
		s.win = map[evKey]*item{}
	}
	for _, x := range its {
		k := evKey{x.article, x.quote}
		if w := s.win[k]; w == nil {
			s.order = append(s.order, k)
			s.win[k] = x
		} else if x.greater(w) {
			s.win[k] = x
		}
	}
}

// derive computes what graph.Write derives from all the evidence: the noisy-or of the
// per-article highest confidences, the most certain modality, the lead item (the greatest
// winner) and the distinct articles.
func (s *evidenceSet) derive() (conf float64, mod string, lead *item, articles []string) {
	best := map[string]float64{}
	rank := 0
	for _, k := range s.order {
		x := s.win[k]
		if c, ok := best[x.article]; !ok {
			best[x.article] = x.conf
			articles = append(articles, x.article)
		} else if x.conf > c {
			best[x.article] = x.conf
		}
		rank = max(rank, x.rank)
		if lead == nil || x.greater(lead) {
			lead = x
		}
	}
	cs := make([]float64, 0, len(best))
	for _, c := range best {
		cs = append(cs, c)
	}
	conf = graph.CombineConfidence(cs)
	if rank > 0 {
		mod = graph.Certainty[rank-1]
	}
	return conf, mod, lead, articles
}

func writeEvidence(x *csvFile, it *item) {
	x.str(it.hash)
	x.float(it.conf)
	x.str(it.modality)
	x.optStr(it.attribution)
	x.optStr(it.rule)
	x.optInt(it.start)
	x.optInt(it.end)
}

// event applies an event's records: roles accumulate, each EVIDENCED_BY keeps its winner,
// the event takes the lead record's values and the derived confidence and modality.
func (w *groupWriter) event(g []spillRec) error {
	type roleKey struct{ role, entity string }
	var roles []roleKey
	var ev evidenceSet
	records := map[string]*factgraph.Event{}
	for i, r := range g {
		if records[r.hash] != nil {
			w.outcome(false, true) // the same record again
			continue
		}
		e, err := decode[factgraph.Event](r)
		if err != nil {
			return err
		}
		records[r.hash] = e
		its := items(e.Evidence, r.hash, confidence(e.Confidence), modality(e.Modality))
		newRole := false
		for _, ro := range e.Roles {
			if k := (roleKey{ro.Role, ro.Entity}); !contains(roles, k) {
				roles = append(roles, k)
				newRole = true
			}
		}
		w.outcome(i == 0, i > 0 && !newRole && ev.dominated(its))
		ev.add(its)
	}
	conf, mod, lead, _ := ev.derive()
	e, id := records[lead.hash], g[0].key
	f := w.f["event"]
	f.str(id)
	f.str(lead.hash)
	f.str(e.Type)
	f.str(e.Label)
	f.str(mod)
	f.float(conf)
	timeFields(f, e.Time)
	if quantityFields(f, e.Quantities) {
		w.c.lost.EventOfBlank++
	}
	f.end()
	for _, k := range roles {
		w.f["role"].str(id)
		w.f["role"].str(k.entity)
		w.f["role"].str(k.role)
		w.f["role"].end()
	}
	for _, k := range ev.order {
		it, x := ev.win[k], w.f["evidenced_by"]
		x.str(id)
		x.str(it.article)
		x.str(it.quote)
		writeEvidence(x, it)
		x.end()
	}
	return nil
}

// relation applies the records of one (from, type, to): each STATES keeps its winner; the
// edge's values are derived from all of them, its time and quantities the lead record's.
func (w *groupWriter) relation(g []spillRec) error {
	var ev evidenceSet
	records := map[string]*factgraph.Relation{}
	for i, r := range g {
		if records[r.hash] != nil {
			w.outcome(false, true)
			continue
		}
		rel, err := decode[factgraph.Relation](r)
		if err != nil {
			return err
		}
		its := items(rel.Evidence, r.hash, confidence(rel.Confidence), modality(rel.Modality))
		rel.Evidence = nil
		records[r.hash] = rel
		w.outcome(i == 0, i > 0 && ev.dominated(its))
		ev.add(its)
	}
	conf, mod, lead, articles := ev.derive()
	var first, last string
	for _, a := range articles {
		if d := w.c.dates[a]; d != "" {
			if first == "" || d < first {
				first = d
			}
			if d > last {
				last = d
			}
		}
	}
	rel := records[lead.hash]
	f := w.f["relation"]
	f.str(rel.From)
	f.str(rel.To)
	f.str(rel.Type)
	f.int(int64(len(articles)))
	f.float(conf)
	f.date(first)
	f.date(last)
	f.str(mod)
	timeFields(f, rel.Time)
	if quantityFields(f, rel.Quantities) {
		w.c.lost.RelationOfBlnk++
	}
	f.end()
	key := rel.ID()
	for _, k := range ev.order {
		it, x := ev.win[k], w.f["states"]
		x.str(it.article)
		x.str(rel.To)
		x.str(key)
		x.str(it.quote)
		writeEvidence(x, it)
		x.end()
	}
	return nil
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

// quantityFields writes the parallel lists qValues, qUnits, qApprox, qOf. It reports
// whether qOf is [""] (one quantity without "of"), which the CSV cannot express.
func quantityFields(w *csvFile, qs []factgraph.Quantity) bool {
	vals, units, approx, of := make([]float64, len(qs)), make([]string, len(qs)), make([]bool, len(qs)), make([]string, len(qs))
	for i, q := range qs {
		vals[i], units[i], approx[i], of[i] = q.Value, q.Unit, q.Approx, q.Of
	}
	w.floats(vals)
	w.strs(units)
	w.bools(approx)
	w.strs(of)
	return len(of) == 1 && of[0] == ""
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

func contains[T comparable](list []T, x T) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
