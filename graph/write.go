package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// Write upserts a validated fact set in one transaction: articles, entities, relations,
// events with their roles and evidence. Each record carries a hash of its content; a
// record the graph already holds is skipped, so writing the same set twice changes
// nothing the second time and costs only reads. The same relation from a new article adds
// its evidence and raises the source count. References must name entities and articles in
// the set or already in the graph. Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) Write(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	stmts, repeats := planWrite(fs, false)
	st, err := write(ctx, db, "write", func(tx neo4j.ManagedTransaction) (factgraph.WriteStats, error) {
		return runPlan(ctx, tx, stmts)
	})
	st.Unchanged += repeats
	return st, err
}

// Check says what Write would do with the fact set, in a read transaction: how many
// records are new, changed or already there. Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) Check(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	stmts, repeats := planWrite(fs, true)
	st, err := read(ctx, db, "check", func(tx neo4j.ManagedTransaction) (factgraph.WriteStats, error) {
		return runPlan(ctx, tx, stmts)
	})
	st.Unchanged += repeats
	return st, err
}

// runPlan runs the statements; each returns rows of (state, n).
func runPlan(ctx context.Context, tx neo4j.ManagedTransaction, stmts []statement) (factgraph.WriteStats, error) {
	var st factgraph.WriteStats
	for _, s := range stmts {
		res, err := tx.Run(ctx, s.cypher, map[string]any{"rows": s.rows})
		if err != nil {
			return st, err
		}
		for res.Next(ctx) {
			state, _, err := neo4j.GetRecordValue[int64](res.Record(), "state")
			if err != nil {
				return st, err
			}
			n, _, err := neo4j.GetRecordValue[int64](res.Record(), "n")
			if err != nil {
				return st, err
			}
			switch state {
			case stateNew:
				st.Created += int(n)
			case stateChanged:
				st.Updated += int(n)
			default:
				st.Unchanged += int(n)
			}
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return st, err
		}
		c := sum.Counters()
		st.NodesCreated += c.NodesCreated()
		st.RelationshipsCreated += c.RelationshipsCreated()
		st.PropertiesSet += c.PropertiesSet()
	}
	return st, nil
}

// Record states computed by the upserts: new to the graph, changed, or already there.
const (
	stateNew     = 0
	stateChanged = 1
	stateSame    = 2
)

// EntityKinds returns the kind of each of the ids that is an entity in the graph.
// Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) EntityKinds(ctx context.Context, ids []string) (map[string]string, error) {
	return read(ctx, db, "entity_kinds", func(tx neo4j.ManagedTransaction) (map[string]string, error) {
		out := map[string]string{}
		for i := 0; i < len(ids); i += 10000 {
			res, err := tx.Run(ctx, "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.kind AS kind",
				map[string]any{"ids": ids[i:min(i+10000, len(ids))]})
			if err != nil {
				return nil, err
			}
			for res.Next(ctx) {
				id, _, err := neo4j.GetRecordValue[string](res.Record(), "id")
				if err != nil {
					return nil, err
				}
				kind, _, err := neo4j.GetRecordValue[string](res.Record(), "kind")
				if err != nil {
					return nil, err
				}
				out[id] = kind
			}
			if err := res.Err(); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}

// MissingArticles returns those of the ids that are not articles in the graph.
// Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) MissingArticles(ctx context.Context, ids []string) ([]string, error) {
	return read(ctx, db, "missing_articles", func(tx neo4j.ManagedTransaction) ([]string, error) {
		var out []string
		for i := 0; i < len(ids); i += 10000 {
			res, err := tx.Run(ctx, "UNWIND $ids AS id OPTIONAL MATCH (n:Article {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missing",
				map[string]any{"ids": ids[i:min(i+10000, len(ids))]})
			if err != nil {
				return nil, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return nil, err
			}
			m, err := strs(rec.AsMap(), "missing")
			if err != nil {
				return nil, err
			}
			out = append(out, m...)
		}
		return out, nil
	})
}

// Sync waits until the eventually consistent full-text index has caught up with every
// committed write. Errors: EUNAVAILABLE.
func (db *DB) Sync(ctx context.Context) error {
	_, err := neo4j.ExecuteQuery(ctx, db.driver, "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db.cfg.Database))
	return db.translate(err)
}

// ResolveNames finds the entities whose name or alias folds to each key (keys must be
// NormalizeName output). It uses the entity_names full-text index, then checks the folded
// names exactly. Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) ResolveNames(ctx context.Context, keys []string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(keys) == 0 {
		return out, nil
	}
	// The index is eventually consistent; see everything committed before this call.
	if err := db.Sync(ctx); err != nil {
		return nil, err
	}
	_, err := read(ctx, db, "resolve_names", func(tx neo4j.ManagedTransaction) (bool, error) {
		for i := 0; i < len(keys); i += 1000 {
			var qs []map[string]any
			for _, k := range keys[i:min(i+1000, len(keys))] {
				if k == "" {
					continue
				}
				// Folded keys hold only letters, digits and spaces: safe inside a phrase.
				qs = append(qs, map[string]any{"key": k, "q": `names:"` + k + `"`})
			}
			res, err := tx.Run(ctx, `
				UNWIND $qs AS q
				CALL (q) {
				  CALL db.index.fulltext.queryNodes('entity_names', q.q, {limit: 50}) YIELD node
				  WITH node WHERE q.key IN node.names
				  RETURN collect(DISTINCT node.id) AS ids
				}
				WITH q, ids WHERE size(ids) > 0
				RETURN q.key AS key, ids`, map[string]any{"qs": qs})
			if err != nil {
				return false, err
			}
			for res.Next(ctx) {
				key, _, err := neo4j.GetRecordValue[string](res.Record(), "key")
				if err != nil {
					return false, err
				}
				ids, err := strs(res.Record().AsMap(), "ids")
				if err != nil {
					return false, err
				}
				sort.Strings(ids)
				out[key] = ids
			}
			if err := res.Err(); err != nil {
				return false, err
			}
		}
		return true, nil
	})
	return out, err
}

type statement struct {
	cypher string
	rows   []map[string]any
}

// planWrite turns a fact set into UNWIND statements. Labels and relationship types come
// only from the domain allow-lists (checked again here, so a caller that skipped Validate
// cannot inject Cypher); all values are parameters.
func planWrite(fs *factgraph.FactSet, check bool) (stmts []statement, repeats int) {
	var out []statement
	seen := map[string]bool{}
	add := func(cypher string, rows []map[string]any) {
		// A record repeated within the set is written once, as a repeat in a later set is
		// skipped: the result does not depend on where batches begin and end.
		kept := rows[:0]
		for _, r := range rows {
			if h, _ := r["hash"].(string); !seen[h] {
				seen[h] = true
				kept = append(kept, r)
			} else {
				repeats++
			}
		}
		if len(kept) > 0 {
			if check {
				cypher = checkOnly(cypher)
			}
			out = append(out, statement{cypher: cypher, rows: kept})
		}
	}
	var articles []map[string]any
	for i := range fs.Articles {
		a := &fs.Articles[i]
		articles = append(articles, map[string]any{
			"id": a.ID, "hash": hash(a), "title": a.Title, "url": a.URL, "publisher": a.Publisher,
			"publishedAt": dateOrNil(a.PublishedAt), "language": a.Language, "text": a.Text,
		})
	}
	add(upsertArticles, articles)

	byKind := map[string][]map[string]any{}
	for i := range fs.Entities {
		e := &fs.Entities[i]
		byKind[e.Kind] = append(byKind[e.Kind], map[string]any{
			"id": e.ID, "hash": hash(e), "kind": e.Kind, "name": e.Name, "aliases": nonNil(e.Aliases),
			"keys": e.KeyList(), "names": factgraph.NameKeys(e.Name, e.Aliases), "description": e.Description,
		})
	}
	for _, kind := range sortedKeys(byKind) {
		if !factgraph.IsEntityKind(kind) {
			panic(fmt.Sprintf("graph: entity kind %q is not allow-listed", kind))
		}
		add(strings.ReplaceAll(upsertEntities, "%KIND%", kind), byKind[kind])
	}

	byType := map[string][]map[string]any{}
	for i := range fs.Relations {
		r := &fs.Relations[i]
		byType[r.Type] = append(byType[r.Type], relationRow(r))
	}
	for _, t := range sortedKeys(byType) {
		if !factgraph.IsRelationType(t) {
			panic(fmt.Sprintf("graph: relation type %q is not allow-listed", t))
		}
		add(strings.ReplaceAll(upsertRelations, "%TYPE%", t), byType[t])
	}

	var events []map[string]any
	for i := range fs.Events {
		events = append(events, eventRow(&fs.Events[i]))
	}
	add(upsertEvents, events)
	return out, repeats
}

// checkOnly turns an upsert into the read-only query that computes its states: each
// upsert computes `state` first, then writes in a CALL subquery guarded by state < 2.
func checkOnly(upsert string) string {
	i := strings.Index(upsert, "\nCALL (")
	if i < 0 {
		panic("graph: upsert without its write subquery")
	}
	// Entities the file declares are not in the graph yet: their relations count as new.
	head := strings.ReplaceAll(upsert[:i], "\nMATCH (", "\nOPTIONAL MATCH (")
	return head + "\nRETURN state, count(*) AS n"
}

// hash is a short digest of a record's content: equal records have equal hashes.
func hash(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("graph: hash: %v", err)) // domain records always marshal
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

const upsertArticles = `
UNWIND $rows AS r
OPTIONAL MATCH (old:Article {id: r.id})
WITH r, CASE WHEN old IS NULL THEN 0 WHEN old.hash = r.hash THEN 2 ELSE 1 END AS state
CALL (r, state) {
  WITH r WHERE state < 2
  MERGE (a:Article {id: r.id})
  SET a.hash = r.hash, a.title = r.title, a.url = r.url, a.publisher = r.publisher,
      a.publishedAt = r.publishedAt, a.language = r.language, a.text = r.text
  WITH a, r WHERE r.publisher <> ''
  MERGE (s:Source {name: r.publisher})
  MERGE (a)-[:PUBLISHED_BY]->(s)
}
RETURN state, count(*) AS n`

const upsertEntities = `
UNWIND $rows AS r
OPTIONAL MATCH (old:Entity {id: r.id})
WITH r, CASE WHEN old IS NULL THEN 0 WHEN old.hash = r.hash THEN 2 ELSE 1 END AS state
CALL (r, state) {
  WITH r WHERE state < 2
  MERGE (e:Entity {id: r.id})
  SET e:%KIND%, e.hash = r.hash, e.kind = r.kind, e.name = r.name, e.aliases = r.aliases,
      e.keys = r.keys, e.names = r.names, e.description = r.description
}
RETURN state, count(*) AS n`

// A relation is one edge per (from, type, to) carrying aggregates (distinct sources,
// highest confidence, first and last seen). Its evidence is one STATES relationship per
// article and quote, from the article to the relation's object, keyed by the relation's id:
// each record costs the same however many sources the relation already has. A record
// whose hash is already on a STATES relationship was loaded before and is skipped. The
// same article and quote from another record (another file, another confidence) is the
// same source: the STATES relationship takes the record's values and hash, the source
// count does not change.
const upsertRelations = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
OPTIONAL CALL (r) {
  MATCH ()-[seen:STATES {hash: r.hash}]->() RETURN true AS same LIMIT 1
}
OPTIONAL MATCH (a)-[old:%TYPE%]->(b)
WITH a, b, r, CASE WHEN same THEN 2 WHEN old IS NULL THEN 0 ELSE 1 END AS state
CALL (a, b, r, state) {
  WITH a, b, r WHERE state < 2
  MERGE (a)-[e:%TYPE%]->(b)
  ON CREATE SET e.sourceCount = 0, e.confidence = 0.0
  WITH a, b, e, r
  CALL (b, r) {
    UNWIND range(0, size(r.articles) - 1) AS i
    MATCH (art:Article {id: r.articles[i]})
    WITH b, r, i, art, EXISTS { (art)-[:STATES {key: r.key}]->(b) } AS known
    MERGE (art)-[x:STATES {key: r.key, quote: r.quotes[i]}]->(b)
    SET x.hash = r.hash, x.confidence = r.confidence, x.modality = r.modality,
        x.attribution = r.attributions[i], x.rule = r.rules[i], x.start = r.starts[i], x.end = r.ends[i]
    WITH art, known
    RETURN count(DISTINCT CASE WHEN known THEN null ELSE art END) AS fresh,
           min(art.publishedAt) AS first, max(art.publishedAt) AS last
  }
  SET e.sourceCount = e.sourceCount + fresh,
      e.confidence = CASE WHEN r.confidence > e.confidence THEN r.confidence ELSE e.confidence END,
      e.modality = r.modality, e.time = r.time, e.timePrecision = r.timePrecision,
      e.timeStart = r.timeStart, e.timeEnd = r.timeEnd,
      e.qValues = r.qValues, e.qUnits = r.qUnits, e.qApprox = r.qApprox, e.qOf = r.qOf,
      e.firstSeen = CASE WHEN first IS NOT NULL AND (e.firstSeen IS NULL OR first < e.firstSeen) THEN first ELSE e.firstSeen END,
      e.lastSeen = CASE WHEN last IS NOT NULL AND (e.lastSeen IS NULL OR last > e.lastSeen) THEN last ELSE e.lastSeen END
}
RETURN state, count(*) AS n`

// upsertEvents writes events with their role edges and evidence. Role types come from
// the allow-list: one FOREACH per role keeps them static in the query text.
var upsertEvents = `
UNWIND $rows AS r
OPTIONAL MATCH (old:Event {id: r.id})
WITH r, CASE WHEN old IS NULL THEN 0 WHEN old.hash = r.hash THEN 2 ELSE 1 END AS state
CALL (r, state) {
  WITH r WHERE state < 2
  MERGE (ev:Event {id: r.id})
  SET ev.hash = r.hash, ev.type = r.type, ev.label = r.label, ev.modality = r.modality,
      ev.confidence = r.confidence, ev.time = r.time, ev.timePrecision = r.timePrecision,
      ev.timeStart = r.timeStart, ev.timeEnd = r.timeEnd,
      ev.qValues = r.qValues, ev.qUnits = r.qUnits, ev.qApprox = r.qApprox, ev.qOf = r.qOf
  WITH ev, r
  CALL (ev, r) {
    UNWIND r.roles AS role
    MATCH (e:Entity {id: role.entity})
` + roleMerges() + `
  }
  CALL (ev, r) {
    UNWIND r.evidence AS x
    MATCH (a:Article {id: x.article})
    MERGE (ev)-[y:EVIDENCED_BY {quote: x.quote}]->(a)
    SET y.start = x.start, y.end = x.end, y.attribution = x.attribution, y.rule = x.rule
  }
}
RETURN state, count(*) AS n`

func roleMerges() string {
	var b strings.Builder
	for _, role := range factgraph.Roles {
		fmt.Fprintf(&b, "    FOREACH (_ IN CASE WHEN role.role = '%s' THEN [1] ELSE [] END | MERGE (ev)-[:%s]->(e))\n", role, role)
	}
	return b.String()
}

func relationRow(r *factgraph.Relation) map[string]any {
	conf := factgraph.DefaultConfidence
	if r.Confidence != nil {
		conf = *r.Confidence
	}
	row := map[string]any{"from": r.From, "to": r.To, "key": r.ID(), "hash": hash(r), "modality": modality(r.Modality), "confidence": conf}
	var arts, quotes, attributions, rules, starts, ends []any
	seen := map[[2]string]bool{}
	for _, ev := range r.Evidence {
		if k := [2]string{ev.Article, ev.Quote}; !seen[k] { // the same quote twice counts once
			seen[k] = true
			arts = append(arts, ev.Article)
			quotes = append(quotes, ev.Quote)
			attributions = append(attributions, stringOrNil(ev.Attribution))
			rules = append(rules, stringOrNil(ev.Rule))
			starts, ends = append(starts, intOrNil(ev.Start)), append(ends, intOrNil(ev.End))
		}
	}
	row["articles"], row["quotes"], row["attributions"], row["rules"] = arts, quotes, attributions, rules
	row["starts"], row["ends"] = starts, ends
	timeProps(row, r.Time)
	quantityProps(row, r.Quantities)
	return row
}

func eventRow(e *factgraph.Event) map[string]any {
	conf := factgraph.DefaultConfidence
	if e.Confidence != nil {
		conf = *e.Confidence
	}
	row := map[string]any{"id": e.ID, "hash": hash(e), "type": e.Type, "label": e.Label,
		"modality": modality(e.Modality), "confidence": conf}
	roles := make([]map[string]any, len(e.Roles))
	for i, r := range e.Roles {
		if !factgraph.IsRole(r.Role) {
			panic(fmt.Sprintf("graph: role %q is not allow-listed", r.Role))
		}
		roles[i] = map[string]any{"role": r.Role, "entity": r.Entity}
	}
	evidence := make([]map[string]any, len(e.Evidence))
	for i, ev := range e.Evidence {
		evidence[i] = map[string]any{"article": ev.Article, "quote": ev.Quote, "start": intOrNil(ev.Start), "end": intOrNil(ev.End),
			"attribution": stringOrNil(ev.Attribution), "rule": stringOrNil(ev.Rule)}
	}
	row["roles"], row["evidence"] = roles, evidence
	timeProps(row, e.Time)
	quantityProps(row, e.Quantities)
	return row
}

// stringOrNil stores an empty optional string as no property.
func stringOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func timeProps(row map[string]any, t *factgraph.TimeSpec) {
	row["time"], row["timePrecision"], row["timeStart"], row["timeEnd"] = nil, nil, nil, nil
	if t == nil {
		return
	}
	s, e := t.Range()
	row["time"], row["timePrecision"] = t.Value, t.Precision
	row["timeStart"], row["timeEnd"] = neo4j.DateOf(s), neo4j.DateOf(e)
}

func quantityProps(row map[string]any, qs []factgraph.Quantity) {
	vals, units, approx, of := []float64{}, []string{}, []bool{}, []string{}
	for _, q := range qs {
		vals, units, approx, of = append(vals, q.Value), append(units, q.Unit), append(approx, q.Approx), append(of, q.Of)
	}
	row["qValues"], row["qUnits"], row["qApprox"], row["qOf"] = vals, units, approx, of
}

func modality(m string) string {
	if m == "" {
		return factgraph.ModalityReported
	}
	return m
}

func dateOrNil(s string) any {
	if s == "" {
		return nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	return neo4j.DateOf(d)
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
