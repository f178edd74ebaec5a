package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// DefaultBatchSize is the number of rows sent in one UNWIND.
const DefaultBatchSize = 1000

// Write upserts a validated fact set in one transaction: articles, entities, relations,
// events with their roles and evidence. Writing the same set twice creates nothing the
// second time; the same relation from a new article adds its evidence and raises the
// source count. References must name entities and articles in the set or already in the
// graph (use MissingReferences first). Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) Write(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	stmts := planWrite(fs, DefaultBatchSize)
	return write(ctx, db, func(tx neo4j.ManagedTransaction) (factgraph.WriteStats, error) {
		var st factgraph.WriteStats
		for _, s := range stmts {
			res, err := tx.Run(ctx, s.cypher, map[string]any{"rows": s.rows})
			if err != nil {
				return st, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return st, err
			}
			c := sum.Counters()
			st.Add(factgraph.WriteStats{NodesCreated: c.NodesCreated(),
				RelationshipsCreated: c.RelationshipsCreated(), PropertiesSet: c.PropertiesSet()})
		}
		return st, nil
	})
}

// MissingReferences returns those of the entity and article ids that are not in the graph.
// Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) MissingReferences(ctx context.Context, entityIDs, articleIDs []string) (entities, articles []string, err error) {
	if len(entityIDs) == 0 && len(articleIDs) == 0 {
		return nil, nil, nil
	}
	type result struct{ e, a []string }
	r, err := read(ctx, db, func(tx neo4j.ManagedTransaction) (result, error) {
		var out result
		var err error
		if out.e, err = missing(ctx, tx, "MATCH (n:Entity {id: id}) RETURN n LIMIT 1", entityIDs); err != nil {
			return out, err
		}
		out.a, err = missing(ctx, tx, "MATCH (n:Article {id: id}) RETURN n LIMIT 1", articleIDs)
		return out, err
	})
	return r.e, r.a, err
}

func missing(ctx context.Context, tx neo4j.ManagedTransaction, match string, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q := "UNWIND $ids AS id CALL (id) { " + match + " } RETURN collect(id) AS found"
	res, err := tx.Run(ctx, q, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, err
	}
	found, _, err := neo4j.GetRecordValue[[]any](rec, "found")
	if err != nil {
		return nil, err
	}
	have := make(map[string]bool, len(found))
	for _, f := range found {
		s, _ := f.(string)
		have[s] = true
	}
	var out []string
	for _, id := range ids {
		if !have[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

type statement struct {
	cypher string
	rows   []map[string]any
}

// planWrite turns a fact set into UNWIND statements of at most batch rows each. Labels
// and relationship types come only from the domain allow-lists (checked again here, so a
// caller that skipped Validate cannot inject Cypher); all values are parameters.
func planWrite(fs *factgraph.FactSet, batch int) []statement {
	var out []statement
	add := func(cypher string, rows []map[string]any) {
		for i := 0; i < len(rows); i += batch {
			out = append(out, statement{cypher: cypher, rows: rows[i:min(i+batch, len(rows))]})
		}
	}
	published := map[string]string{}
	var articles []map[string]any
	for _, a := range fs.Articles {
		published[a.ID] = a.PublishedAt
		articles = append(articles, map[string]any{
			"id": a.ID, "title": a.Title, "url": a.URL, "publisher": a.Publisher,
			"publishedAt": dateOrNil(a.PublishedAt), "language": a.Language, "text": a.Text,
		})
	}
	add(upsertArticles, articles)

	byKind := map[string][]map[string]any{}
	for _, e := range fs.Entities {
		byKind[e.Kind] = append(byKind[e.Kind], map[string]any{
			"id": e.ID, "kind": e.Kind, "name": e.Name, "aliases": nonNil(e.Aliases),
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
	for _, r := range fs.Relations {
		byType[r.Type] = append(byType[r.Type], relationRow(&r, published))
	}
	for _, t := range sortedKeys(byType) {
		if !factgraph.IsRelationType(t) {
			panic(fmt.Sprintf("graph: relation type %q is not allow-listed", t))
		}
		add(strings.ReplaceAll(upsertRelations, "%TYPE%", t), byType[t])
	}

	var events, evidence []map[string]any
	byRole := map[string][]map[string]any{}
	for _, e := range fs.Events {
		events = append(events, eventRow(&e))
		for _, r := range e.Roles {
			byRole[r.Role] = append(byRole[r.Role], map[string]any{"event": e.ID, "entity": r.Entity})
		}
		for _, ev := range e.Evidence {
			evidence = append(evidence, map[string]any{"event": e.ID, "article": ev.Article,
				"quote": ev.Quote, "start": intOrNil(ev.Start), "end": intOrNil(ev.End)})
		}
	}
	add(upsertEvents, events)
	for _, role := range sortedKeys(byRole) {
		if !factgraph.IsRole(role) {
			panic(fmt.Sprintf("graph: role %q is not allow-listed", role))
		}
		add(strings.ReplaceAll(upsertRoles, "%ROLE%", role), byRole[role])
	}
	add(upsertEventEvidence, evidence)
	return out
}

const upsertArticles = `
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
SET a.title = r.title, a.url = r.url, a.publisher = r.publisher,
    a.publishedAt = r.publishedAt, a.language = r.language, a.text = r.text
WITH a, r WHERE r.publisher <> ''
MERGE (s:Source {name: r.publisher})
MERGE (a)-[:PUBLISHED_BY]->(s)`

const upsertEntities = `
UNWIND $rows AS r
MERGE (e:Entity {id: r.id})
SET e:%KIND%, e.kind = r.kind, e.name = r.name, e.aliases = r.aliases, e.keys = r.keys,
    e.names = r.names, e.description = r.description`

// A relation is one edge per (from, type, to). Its evidence is kept as parallel lists
// (article, quote, confidence) on the edge; a piece already there is not added again.
const upsertRelations = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[e:%TYPE%]->(b)
ON CREATE SET e.evArticles = [], e.evQuotes = [], e.evConfidence = []
WITH e, r, [i IN range(0, size(r.articles) - 1)
  WHERE NONE(j IN range(0, size(e.evArticles) - 1)
             WHERE e.evArticles[j] = r.articles[i] AND e.evQuotes[j] = r.quotes[i])] AS fresh
SET e.evArticles = e.evArticles + [i IN fresh | r.articles[i]],
    e.evQuotes = e.evQuotes + [i IN fresh | r.quotes[i]],
    e.evConfidence = e.evConfidence + [i IN fresh | r.confidence],
    e.modality = r.modality, e.time = r.time, e.timePrecision = r.timePrecision,
    e.timeStart = r.timeStart, e.timeEnd = r.timeEnd,
    e.qValues = r.qValues, e.qUnits = r.qUnits, e.qApprox = r.qApprox, e.qOf = r.qOf,
    e.firstSeen = CASE WHEN r.first IS NOT NULL AND (e.firstSeen IS NULL OR r.first < e.firstSeen) THEN r.first ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN r.last IS NOT NULL AND (e.lastSeen IS NULL OR r.last > e.lastSeen) THEN r.last ELSE e.lastSeen END
SET e.sourceCount = size(reduce(s = [], x IN e.evArticles | CASE WHEN x IN s THEN s ELSE s + x END)),
    e.confidence = reduce(m = 0.0, c IN e.evConfidence | CASE WHEN c > m THEN c ELSE m END)`

const upsertEvents = `
UNWIND $rows AS r
MERGE (ev:Event {id: r.id})
SET ev.type = r.type, ev.label = r.label, ev.modality = r.modality, ev.confidence = r.confidence,
    ev.time = r.time, ev.timePrecision = r.timePrecision, ev.timeStart = r.timeStart, ev.timeEnd = r.timeEnd,
    ev.qValues = r.qValues, ev.qUnits = r.qUnits, ev.qApprox = r.qApprox, ev.qOf = r.qOf`

const upsertRoles = `
UNWIND $rows AS r
MATCH (ev:Event {id: r.event})
MATCH (e:Entity {id: r.entity})
MERGE (ev)-[:%ROLE%]->(e)`

const upsertEventEvidence = `
UNWIND $rows AS r
MATCH (ev:Event {id: r.event})
MATCH (a:Article {id: r.article})
MERGE (ev)-[x:EVIDENCED_BY {quote: r.quote}]->(a)
SET x.start = r.start, x.end = r.end`

func relationRow(r *factgraph.Relation, published map[string]string) map[string]any {
	conf := factgraph.DefaultConfidence
	if r.Confidence != nil {
		conf = *r.Confidence
	}
	row := map[string]any{"from": r.From, "to": r.To, "modality": modality(r.Modality), "confidence": conf}
	var arts, quotes []string
	var first, last string
	for _, ev := range r.Evidence {
		arts = append(arts, ev.Article)
		quotes = append(quotes, ev.Quote)
		if d := published[ev.Article]; d != "" {
			if first == "" || d < first {
				first = d
			}
			if d > last {
				last = d
			}
		}
	}
	row["articles"], row["quotes"] = arts, quotes
	row["first"], row["last"] = dateOrNil(first), dateOrNil(last)
	timeProps(row, r.Time)
	quantityProps(row, r.Quantities)
	return row
}

func eventRow(e *factgraph.Event) map[string]any {
	conf := factgraph.DefaultConfidence
	if e.Confidence != nil {
		conf = *e.Confidence
	}
	row := map[string]any{"id": e.ID, "type": e.Type, "label": e.Label, "modality": modality(e.Modality), "confidence": conf}
	timeProps(row, e.Time)
	quantityProps(row, e.Quantities)
	return row
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
