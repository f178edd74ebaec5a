package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
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
//
// Two loads at once can deadlock on a hub entity (Neo4j detects it and rolls one back);
// beyond the driver's own retries, a write that keeps deadlocking is tried again, with a
// growing pause, for up to DeadlockRetryTime: the write is repeatable, so a retry after a
// rollback gives the same graph.
func (db *DB) Write(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	hs := hashFacts(fs)
	give := time.Now().Add(DeadlockRetryTime)
	for attempt := 1; ; attempt++ {
		repeats := 0
		st, err := write(ctx, db, "write", func(tx neo4j.ManagedTransaction) (factgraph.WriteStats, error) {
			present, err := presentHashes(ctx, tx, fs, hs)
			if err != nil {
				return factgraph.WriteStats{}, err
			}
			var stmts []statement
			stmts, repeats = planWrite(fs, hs, present, false)
			return runPlan(ctx, tx, stmts)
		})
		if err != nil && deadlocked(err) && time.Now().Before(give) {
			select {
			case <-time.After(time.Duration(min(attempt, 20)) * 100 * time.Millisecond):
				continue
			case <-ctx.Done():
			}
		}
		st.Unchanged += repeats
		return st, err
	}
}

// DeadlockRetryTime bounds how long Write tries again a write that deadlocks.
var DeadlockRetryTime = 5 * time.Minute

// deadlocked reports whether a write failed (after the driver's retries) on a deadlock.
func deadlocked(err error) bool {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == "Neo.TransientError.Transaction.DeadlockDetected" {
		return true
	}
	return strings.Contains(err.Error(), "Neo.TransientError.Transaction.DeadlockDetected")
}

// Check says what Write would do with the fact set, in a read transaction: how many
// records are new, changed or already there. Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) Check(ctx context.Context, fs *factgraph.FactSet) (factgraph.WriteStats, error) {
	hs := hashFacts(fs)
	repeats := 0
	st, err := read(ctx, db, "check", func(tx neo4j.ManagedTransaction) (factgraph.WriteStats, error) {
		present, err := presentHashes(ctx, tx, fs, hs)
		if err != nil {
			return factgraph.WriteStats{}, err
		}
		var stmts []statement
		stmts, repeats = planWrite(fs, hs, present, true)
		return runPlan(ctx, tx, stmts)
	})
	st.Unchanged += repeats
	return st, err
}

// Present reports which records of the set the graph already holds, as Write finds them
// (their records would be unchanged): one bool per record, in the order articles,
// entities, relations, events. It reads hashes only, in a read transaction, and writes
// nothing. It implements factgraph.PresenceChecker. Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) Present(ctx context.Context, fs *factgraph.FactSet) ([]bool, error) {
	hs := hashFacts(fs)
	present, err := read(ctx, db, "present", func(tx neo4j.ManagedTransaction) (map[string]bool, error) {
		return presentHashes(ctx, tx, fs, hs)
	})
	if err != nil {
		return nil, err
	}
	out := make([]bool, 0, fs.Len())
	for _, h := range [][]string{hs.articles, hs.entities, hs.relations, hs.events} {
		for _, x := range h {
			out = append(out, present[x])
		}
	}
	return out, nil
}

// runPlan runs the statements; each returns rows of (state, n), or, the first step of a
// two-step write, (matched, n).
func runPlan(ctx context.Context, tx neo4j.ManagedTransaction, stmts []statement) (factgraph.WriteStats, error) {
	var st factgraph.WriteStats
	for _, s := range stmts {
		if s.then == "" {
			if err := runStatement(ctx, tx, s.cypher, s.rows, &st); err != nil {
				return st, err
			}
			continue
		}
		res, err := tx.Run(ctx, s.cypher, map[string]any{"rows": s.rows})
		if err != nil {
			return st, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return st, err
		}
		n, _, err := neo4j.GetRecordValue[int64](rec, "n")
		if err != nil {
			return st, err
		}
		rest, err := matchedRows(rec, s)
		if err != nil {
			return st, err
		}
		st.Created += int(n)
		sum, err := res.Consume(ctx)
		if err != nil {
			return st, err
		}
		addCounters(&st, sum)
		if len(rest) == 0 {
			continue
		}
		if err := runStatement(ctx, tx, s.then, rest, &st); err != nil {
			return st, err
		}
	}
	return st, nil
}

// matchedRows are the rows of a two-step write's first step found already in the graph
// (its `matched` keys), for the second step; where the first step also returns the
// element ids of their edges (`eids`, in the order of `matched`), each row gets its
// edge's as "eid".
func matchedRows(rec *neo4j.Record, s statement) ([]map[string]any, error) {
	m := rec.AsMap()
	matched, err := strs(m, "matched")
	if err != nil || len(matched) == 0 {
		return nil, err
	}
	found := make(map[string]int, len(matched))
	for i, k := range matched {
		found[k] = i
	}
	var eids []string
	if _, ok := m["eids"]; ok {
		if eids, err = strs(m, "eids"); err != nil {
			return nil, err
		}
		if len(eids) != len(matched) {
			return nil, fmt.Errorf("graph: %d edge ids for %d matched rows", len(eids), len(matched))
		}
	}
	rest := make([]map[string]any, 0, len(matched))
	for _, r := range s.rows {
		if i, ok := found[r[s.key].(string)]; ok {
			if eids != nil {
				r["eid"] = eids[i]
			}
			rest = append(rest, r)
		}
	}
	return rest, nil
}

// runStatement runs one upsert, which returns rows of (state, n), and adds them to st.
func runStatement(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, rows []map[string]any, st *factgraph.WriteStats) error {
	res, err := tx.Run(ctx, cypher, map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		state, _, err := neo4j.GetRecordValue[int64](res.Record(), "state")
		if err != nil {
			return err
		}
		n, _, err := neo4j.GetRecordValue[int64](res.Record(), "n")
		if err != nil {
			return err
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
		return err
	}
	addCounters(st, sum)
	return nil
}

func addCounters(st *factgraph.WriteStats, sum neo4j.ResultSummary) {
	c := sum.Counters()
	st.NodesCreated += c.NodesCreated()
	st.RelationshipsCreated += c.RelationshipsCreated()
	st.PropertiesSet += c.PropertiesSet()
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
	// A two-step write (relations, events): cypher creates what is new and returns the
	// keys (row[key]) of the rows it found already in the graph, as `matched`, and the
	// number of records it created, as `n`; then runs on those rows alone.
	key, then string
}

// planWrite turns a fact set into UNWIND statements. Labels and relationship types come
// only from the domain allow-lists (checked again here, so a caller that skipped Validate
// cannot inject Cypher); all values are parameters.
//
// A record whose hash is in present (presentHashes) is already in the graph: it is left
// out and counted with the repeats (unchanged).
func planWrite(fs *factgraph.FactSet, hs factHashes, present map[string]bool, check bool) (stmts []statement, repeats int) {
	var out []statement
	seen := make(map[string]bool, len(present)+fs.Len())
	for h := range present {
		seen[h] = true
	}
	add := func(cypher string, rows []map[string]any, split ...string) {
		// A record repeated within the set is written once, as a repeat in a later set is
		// skipped: the result does not depend on where batches begin and end.
		kept := rows[:0]
		for _, r := range rows {
			if h, ok := r["hash"].(string); !ok || !seen[h] {
				seen[h] = true
				kept = append(kept, r)
			} else {
				repeats++
			}
		}
		if len(kept) > 0 {
			st := statement{cypher: cypher, rows: kept}
			if check {
				st.cypher = checkOnly(cypher)
			} else if len(split) >= 2 {
				// a two-step write: split is (key, first step[, second step]); the second
				// step is the upsert itself unless given
				then := cypher
				if len(split) == 3 {
					then = split[2]
				}
				st = statement{cypher: split[1], rows: kept, key: split[0], then: then}
			}
			out = append(out, st)
		}
	}
	var articles []map[string]any
	for i := range fs.Articles {
		a := &fs.Articles[i]
		articles = append(articles, map[string]any{
			"id": a.ID, "hash": hs.articles[i], "title": a.Title, "url": a.URL, "publisher": a.Publisher,
			"publishedAt": dateOrNil(a.PublishedAt), "language": a.Language, "text": a.Text,
		})
	}
	add(upsertArticles, articles)

	// One statement for every kind: the label is a dynamic one ($(r.kind)), so a batch is
	// one plan and one statement however many kinds it holds.
	var entities []map[string]any
	for i := range fs.Entities {
		e := &fs.Entities[i]
		if !factgraph.IsEntityKind(e.Kind) {
			panic(fmt.Sprintf("graph: entity kind %q is not allow-listed", e.Kind))
		}
		entities = append(entities, map[string]any{
			"id": e.ID, "hash": hs.entities[i], "kind": e.Kind, "name": e.Name, "aliases": listOrNil(e.Aliases),
			"keys": listOrNil(e.KeyList()), "names": factgraph.NameKeys(e.Name, e.Aliases), "description": e.Description,
		})
	}
	add(upsertEntities, entities)

	// Records repeated within the set are written once (by hash), then grouped by edge.
	// One statement per relation type: with a static type, the expansions between the two
	// ends read only that type's relationships of a dense node (a dynamic $(r.type) made
	// them read all of them: twice the database hits of the whole write).
	byType := map[string][]hashed[factgraph.Relation]{}
	for i := range fs.Relations {
		r := &fs.Relations[i]
		h := hs.relations[i]
		if seen[h] {
			repeats++
			continue
		}
		seen[h] = true
		byType[r.Type] = append(byType[r.Type], hashed[factgraph.Relation]{r, h})
	}
	for _, t := range sortedKeys(byType) {
		if !factgraph.IsRelationType(t) {
			panic(fmt.Sprintf("graph: relation type %q is not allow-listed", t))
		}
		add(strings.ReplaceAll(upsertRelations, "%TYPE%", t), relationRows(byType[t]), "key",
			strings.ReplaceAll(createRelations, "%TYPE%", t), updateRelations)
	}

	var events []hashed[factgraph.Event]
	for i := range fs.Events {
		e := &fs.Events[i]
		h := hs.events[i]
		if seen[h] {
			repeats++
			continue
		}
		seen[h] = true
		events = append(events, hashed[factgraph.Event]{e, h})
	}
	if len(events) > 0 {
		add(upsertEvents, eventRows(events), "id", createEvents)
	}
	// the articles' own quantities (articlequantities.go); in a check they count with
	// their article, whose hash covers them
	if rows := articleQuantityRows(fs); len(rows) > 0 && !check {
		out = append(out, statement{cypher: upsertArticleQuantities, rows: rows})
	}
	return out, repeats
}

// factHashes are the hashes of a fact set's records, by kind and index.
type factHashes struct{ articles, entities, relations, events []string }

func hashFacts(fs *factgraph.FactSet) factHashes {
	var hs factHashes
	for i := range fs.Articles {
		hs.articles = append(hs.articles, hash(&fs.Articles[i]))
	}
	for i := range fs.Entities {
		hs.entities = append(hs.entities, hash(&fs.Entities[i]))
	}
	for i := range fs.Relations {
		hs.relations = append(hs.relations, hash(&fs.Relations[i]))
	}
	for i := range fs.Events {
		hs.events = append(hs.events, hash(&fs.Events[i]))
	}
	return hs
}

// presentHashes finds the records of the set that are already in the graph, by their
// hashes alone (a light statement: index seeks, no record values sent):
//   - an article or entity whose node has the record's hash;
//   - a relation record whose hash is on a STATES relationship (the states_hash index);
//   - an event record that is its event's lead, or whose hash is on one of its
//     EVIDENCED_BY relationships.
//
// Such a record is unchanged: a relation or event record was written whole in one
// committed transaction (its edge or event, roles and every piece of its evidence), and
// evidence is only ever replaced by a greater record's, so all of it is still there, at
// least as great. Writing it again would change nothing; the upserts would find the same
// (state 2) at a much greater cost.
func presentHashes(ctx context.Context, tx neo4j.ManagedTransaction, fs *factgraph.FactSet, hs factHashes) (map[string]bool, error) {
	pairs := func(n int, id func(int) string, h []string) []map[string]any {
		out := make([]map[string]any, n)
		for i := range out {
			out[i] = map[string]any{"id": id(i), "hash": h[i]}
		}
		return out
	}
	params := map[string]any{
		"articles":  pairs(len(fs.Articles), func(i int) string { return fs.Articles[i].ID }, hs.articles),
		"entities":  pairs(len(fs.Entities), func(i int) string { return fs.Entities[i].ID }, hs.entities),
		"relations": nonNil(hs.relations),
		"events":    pairs(len(fs.Events), func(i int) string { return fs.Events[i].ID }, hs.events),
	}
	res, err := tx.Run(ctx, presentStatement, params)
	if err != nil {
		return nil, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, err
	}
	found, err := strs(rec.AsMap(), "present")
	if err != nil {
		return nil, err
	}
	present := make(map[string]bool, len(found))
	for _, h := range found {
		present[h] = true
	}
	return present, nil
}

const presentStatement = `
CALL () { UNWIND $articles AS x MATCH (n:Article {id: x.id}) WHERE n.hash = x.hash RETURN collect(x.hash) AS a }
CALL () { UNWIND $entities AS x MATCH (n:Entity {id: x.id}) WHERE n.hash = x.hash RETURN collect(x.hash) AS e }
CALL () { UNWIND $relations AS h WITH h WHERE EXISTS { MATCH ()-[s:STATES {hash: h}]->() USING INDEX s:STATES(hash) } RETURN collect(h) AS r }
CALL () {
  UNWIND $events AS x
  MATCH (n:Event {id: x.id})
  WHERE n.hash = x.hash OR EXISTS { MATCH (n)-[s:EVIDENCED_BY]->() WHERE s.hash = x.hash }
  RETURN collect(x.hash) AS v
}
RETURN a + e + r + v AS present`

// checkOnly turns an upsert into the read-only query that computes its states: each
// upsert computes `state` first, then writes in a CALL subquery guarded by state < 2.
func checkOnly(upsert string) string {
	i := strings.Index(upsert, "\nCALL (")
	if i < 0 {
		panic("graph: upsert without its write subquery")
	}
	// Entities the file declares are not in the graph yet: their relations count as new.
	head := strings.ReplaceAll(upsert[:i], "\nMATCH (", "\nOPTIONAL MATCH (")
	if strings.Contains(head, " AS states") {
		return head + "\nUNWIND states AS state RETURN state, count(*) AS n"
	}
	return head + "\nRETURN state, count(*) AS n"
}

// hash is a short digest of a record's content: equal records have equal hashes.
func hash(v any) string { return RecordHash(v) }

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
  SET e:$(r.kind), e.hash = r.hash, e.kind = r.kind, e.name = r.name, e.aliases = r.aliases,
      e.keys = r.keys, e.names = r.names, e.description = r.description
}
RETURN state, count(*) AS n`

// Corroboration. A relation is one edge per (from, type, to); its evidence is one STATES
// relationship per article and quote, from the article to the relation's object, keyed by
// the relation's id. What each source said stays on its evidence: a STATES relationship
// carries the confidence, modality, offsets, attribution, rule and hash of the record
// that brought it; where several records bring the same article and quote, the greatest
// record by (confidence, certainty of the modality, hash) wins, whatever the order they
// come in. The edge's values are derived from all of its evidence (freshValues for a new
// edge, the recomputation in the query for one already there),
// so they too are the same in any load order, in one load or many, alone or alongside
// another load: each write first takes the edge's lock, then reads what is committed.
//
// A record is unchanged (state 2) when every piece of its evidence is already there with
// a winner at least as great: writing it again would change nothing.
var upsertRelations = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
OPTIONAL MATCH (a)-[old:%TYPE%]->(b)
WITH a, b, r, [rec IN r.records |
  CASE WHEN old IS NULL THEN 0
       WHEN all(x IN rec.evidence WHERE EXISTS {
         MATCH (:Article {id: x.article})-[s:STATES {key: r.key, quote: x.quote}]->(b) WHERE %DOMINATES% }) THEN 2
       ELSE 1 END] AS states
CALL (a, b, r, states) {
  WITH a, b, r WHERE any(s IN states WHERE s < 2)
  MERGE (a)-[e:%TYPE%]->(b)
  ON CREATE SET e.sourceCount = -1
  ON MATCH SET e.sourceCount = e.sourceCount
  WITH b, e, r, e.sourceCount = -1 AS created
  // A new edge: no evidence can exist yet (every writer creates evidence only under the
  // edge's lock), so its evidence is created and its values are those computed from the
  // row (freshValues).
  CALL (b, e, r, created) {
    WITH b, e, r WHERE created
    CALL (b, r) {
      UNWIND r.items AS x
      MATCH (art:Article {id: x.article})
      CREATE (art)-[:STATES {key: r.key, quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality,
                             attribution: x.attribution, rule: x.rule, start: x.start, end: x.end}]->(b)
      RETURN min(art.publishedAt) AS first, max(art.publishedAt) AS last
    }
    SET e += r.fresh, e.firstSeen = first, e.lastSeen = last
  }
  CALL (b, e, r, created) {
    WITH b, e, r WHERE NOT created
    CALL (b, r) {
      UNWIND r.items AS x
      MATCH (art:Article {id: x.article})
      MERGE (art)-[s:STATES {key: r.key, quote: x.quote}]->(b)
      WITH s, x WHERE s.hash IS NULL OR NOT (%DOMINATES%)
      SET s.hash = x.hash, s.confidence = x.confidence, s.modality = x.modality,
          s.attribution = x.attribution, s.rule = x.rule, s.start = x.start, s.end = x.end
    }
    %AGGREGATES%
  }
}
UNWIND states AS state
RETURN state, count(*) AS n`

// createRelations is the first step of a relation write: it creates the edges that are
// new, with their evidence, and returns the keys of the rows whose edge was already
// there (matched), for upsertRelations. A new edge is created under the locks of its two
// ends (MERGE), so no other writer can have evidence for it: its evidence is created and
// its values are those computed from the row (freshValues), as upsertRelations does for a
// new edge, without reading anything back. An edge MERGE finds is left untouched here.
var createRelations = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[e:%TYPE%]->(b)
ON CREATE SET e.sourceCount = -1
WITH b, e, r, e.sourceCount = -1 AS created
CALL (b, e, r, created) {
  WITH b, e, r WHERE created
  SET e += r.fresh
  WITH b, e, r
  UNWIND r.items AS x
  MATCH (art:Article {id: x.article})
  CREATE (art)-[:STATES {key: r.key, quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality,
                         attribution: x.attribution, rule: x.rule, start: x.start, end: x.end}]->(b)
  WITH e, art.publishedAt AS d WHERE d IS NOT NULL
  SET e.firstSeen = CASE WHEN e.firstSeen IS NULL OR d < e.firstSeen THEN d ELSE e.firstSeen END,
      e.lastSeen = CASE WHEN e.lastSeen IS NULL OR d > e.lastSeen THEN d ELSE e.lastSeen END
}
RETURN collect(CASE WHEN NOT created THEN r.key END) AS matched,
       collect(CASE WHEN NOT created THEN elementId(e) END) AS eids,
       sum(CASE WHEN created THEN size(r.records) ELSE 0 END) AS n`

// updateRelations is the second step of a relation write, on the rows whose edge the first
// step found (createRelations), by the rule of upsertRelations, which it equals on those
// rows: it reaches the edge by its element id (no expansion between two hubs) and takes its
// lock, then reads the edge's evidence through the states_key index alone (never the
// STATES relationships of the target, a hub), and writes what is new or greater.
// upsertRelations stays the statement of a dry run (Check), which has no first step.
var updateRelations = `
UNWIND $rows AS r
MATCH ()-[e]->() WHERE elementId(e) = r.eid
SET e.sourceCount = e.sourceCount
WITH e, endNode(e) AS b, r
CALL (r) {
  MATCH (art:Article)-[s:STATES {key: r.key}]->() USING INDEX s:STATES(key)
  RETURN collect({article: art.id, quote: s.quote, s: s}) AS have
}
WITH e, b, r, have, [rec IN r.records |
  CASE WHEN all(x IN rec.evidence WHERE any(s IN [h IN have WHERE h.article = x.article AND h.quote = x.quote | h.s]
                                            WHERE %DOMINATES%)) THEN 2
       ELSE 1 END] AS states
CALL (e, b, r, have, states) {
  WITH e, b, r, have WHERE any(s IN states WHERE s < 2)
  CALL (b, r, have) {
    UNWIND r.items AS x
    WITH b, r, x, [h IN have WHERE h.article = x.article AND h.quote = x.quote | h.s] AS found
    CALL (b, r, x, found) {
      WITH b, r, x WHERE size(found) = 0
      MATCH (art:Article {id: x.article})
      CREATE (art)-[:STATES {key: r.key, quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality,
                             attribution: x.attribution, rule: x.rule, start: x.start, end: x.end}]->(b)
    }
    CALL (x, found) {
      UNWIND found AS s
      WITH s, x WHERE NOT (%DOMINATES%)
      SET s.hash = x.hash, s.confidence = x.confidence, s.modality = x.modality,
          s.attribution = x.attribution, s.rule = x.rule, s.start = x.start, s.end = x.end
    }
  }
  %AGGREGATES%
}
UNWIND states AS state
RETURN state, count(*) AS n`

// createEvents is the first step of an event write, as createRelations is for relations:
// new events are created with their roles and evidence; the ids of those already there
// are returned (matched) for upsertEvents.
var createEvents = `
UNWIND $rows AS r
MERGE (ev:Event {id: r.id})
ON CREATE SET ev.hash = ''
WITH ev, r, ev.hash = '' AS created
CALL (ev, r, created) {
  WITH ev, r WHERE created
  SET ev += r.fresh
  WITH ev, r
  CALL (ev, r) {
    UNWIND r.roles AS role
    MATCH (e:Entity {id: role.entity})
    CREATE (ev)-[:$(role.role)]->(e)
  }
  CALL (ev, r) {
    UNWIND r.items AS x
    MATCH (art:Article {id: x.article})
    CREATE (ev)-[:EVIDENCED_BY {quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality,
                                attribution: x.attribution, rule: x.rule, start: x.start, end: x.end}]->(art)
  }
}
RETURN collect(CASE WHEN NOT created THEN r.id END) AS matched,
       sum(CASE WHEN created THEN size(r.records) ELSE 0 END) AS n`

// upsertEvents writes events with their role edges and evidence, by the rule of
// relations: roles accumulate, each EVIDENCED_BY relationship keeps the greatest record
// that brought its article and quote, and the event's confidence and modality are derived
// from all of its evidence, its other values taken from its lead record. Role types are
// dynamic types, $(role.role), of allow-listed roles (eventRows checks them).
var upsertEvents = `
UNWIND $rows AS r
OPTIONAL MATCH (old:Event {id: r.id})
WITH r, [rec IN r.records |
  CASE WHEN old IS NULL THEN 0
       WHEN all(x IN rec.evidence WHERE EXISTS {
              MATCH (old)-[s:EVIDENCED_BY {quote: x.quote}]->(:Article {id: x.article}) WHERE %DOMINATES% })
        AND all(role IN rec.roles WHERE EXISTS {
              MATCH (old)-[y]->(:Entity {id: role.entity}) WHERE type(y) = role.role }) THEN 2
       ELSE 1 END] AS states
CALL (r, states) {
  WITH r WHERE any(s IN states WHERE s < 2)
  MERGE (ev:Event {id: r.id})
  ON CREATE SET ev.hash = ''
  ON MATCH SET ev.hash = ev.hash
  WITH ev, r, ev.hash = '' AS created
  CALL (ev, r, created) {
    WITH ev, r WHERE created
    CALL (ev, r) {
      UNWIND r.roles AS role
      MATCH (e:Entity {id: role.entity})
      CREATE (ev)-[:$(role.role)]->(e)
    }
    CALL (ev, r) {
      UNWIND r.items AS x
      MATCH (art:Article {id: x.article})
      CREATE (ev)-[:EVIDENCED_BY {quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality,
                                  attribution: x.attribution, rule: x.rule, start: x.start, end: x.end}]->(art)
    }
    SET ev += r.fresh
  }
  CALL (ev, r, created) {
    WITH ev, r WHERE NOT created
    CALL (ev, r) {
      UNWIND r.roles AS role
      MATCH (e:Entity {id: role.entity})
      MERGE (ev)-[:$(role.role)]->(e)
    }
    CALL (ev, r) {
      UNWIND r.items AS x
      MATCH (art:Article {id: x.article})
      MERGE (ev)-[s:EVIDENCED_BY {quote: x.quote}]->(art)
      WITH s, x WHERE s.hash IS NULL OR NOT (%DOMINATES%)
      SET s.hash = x.hash, s.confidence = x.confidence, s.modality = x.modality,
          s.attribution = x.attribution, s.rule = x.rule, s.start = x.start, s.end = x.end
    }
    CALL (ev) {
      MATCH (ev)-[s:EVIDENCED_BY]->(art:Article)
      WITH art, max(s.confidence) AS c, max(%RANK%) AS rank
      ORDER BY c
      WITH collect(c) AS cs, max(rank) AS rank
      RETURN rank, %NOISYOR% AS confidence
    }
    CALL (ev) {
      MATCH (ev)-[s:EVIDENCED_BY]->()
      RETURN s.hash AS lead ORDER BY s.confidence DESC, %RANK% DESC, s.hash DESC LIMIT 1
    }
    SET ev.confidence = confidence, ev.modality = %MODALITY%
    WITH ev, [rec IN r.records WHERE rec.hash = lead] AS leads
    FOREACH (l IN leads | SET ev += l.values)
  }
}
UNWIND states AS state
RETURN state, count(*) AS n`

// Certainty orders the modalities from the least certain to the most: the modality a set
// of sources gives a relation or an event is the most certain one among them.
var Certainty = []string{factgraph.ModalityDenied, factgraph.ModalityPlanned, factgraph.ModalityAlleged,
	factgraph.ModalityEstimated, factgraph.ModalityReported}

// CertaintyRank is the place of a modality in Certainty, from 1; 0 for anything else.
func CertaintyRank(m string) int {
	for i, c := range Certainty {
		if c == m {
			return i + 1
		}
	}
	return 0
}

// CombineConfidence is the confidence of a relation or an event stated by independent
// sources of the given confidences (one per article: the highest of that article's
// evidence): noisy-or, 1 - Π(1 - c), the product taken in ascending order of c, rounded
// half up to 6 decimals. Every step is one IEEE 754 operation, so Go and Cypher (which
// computes it in the write queries, noisyOrCypher) give the same bits, in any input order.
func CombineConfidence(cs []float64) float64 {
	s := slices.Clone(cs)
	slices.Sort(s)
	p := 1.0
	for _, c := range s {
		p = p * (1.0 - c)
	}
	return math.Floor((1.0-p)*1000000.0+0.5) / 1000000.0
}

// noisyOrCypher is CombineConfidence over a list cs sorted ascending.
const noisyOrCypher = `floor((1.0 - reduce(p = 1.0, c IN cs | p * (1.0 - c))) * 1000000.0 + 0.5) / 1000000.0`

// rankCypher is CertaintyRank of s.modality.
func rankCypher(v string) string {
	var b strings.Builder
	b.WriteString("CASE " + v + ".modality")
	for i, m := range Certainty {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", m, i+1)
	}
	b.WriteString(" ELSE 0 END")
	return b.String()
}

// modalityCypher is the modality of certainty rank `rank`.
func modalityCypher() string {
	return "['" + strings.Join(Certainty, "', '") + "'][rank - 1]"
}

// relationAggregates recomputes an edge e's values from all of its evidence, found through
// the states_key index by the row's key r.key (the rule of the comment on upsertRelations):
// sourceCount, confidence, modality, firstSeen, lastSeen, and the lead record's values.
// Both merge statements use it (%AGGREGATES%).
const relationAggregates = `CALL (r) {
  MATCH (art:Article)-[s:STATES {key: r.key}]->() USING INDEX s:STATES(key)
  WITH art, max(s.confidence) AS c, max(%RANK%) AS rank
  ORDER BY c
  WITH collect(c) AS cs, count(*) AS sources, min(art.publishedAt) AS first, max(art.publishedAt) AS last, max(rank) AS rank
  RETURN sources, first, last, rank, %NOISYOR% AS confidence
}
CALL (r) {
  MATCH ()-[s:STATES {key: r.key}]->() USING INDEX s:STATES(key)
  RETURN s.hash AS lead ORDER BY s.confidence DESC, %RANK% DESC, s.hash DESC LIMIT 1
}
SET e.sourceCount = sources, e.confidence = confidence, e.modality = %MODALITY%,
    e.firstSeen = first, e.lastSeen = last
WITH e, [rec IN r.records WHERE rec.hash = lead] AS leads
FOREACH (l IN leads | SET e += l.values)`

// expand fills in the placeholders of the upserts: %AGGREGATES% (relationAggregates),
// %RANK% (the rank of s.modality),
// %DOMINATES% (the evidence s, as stored, is at least as great as the incoming x by
// (confidence, certainty, hash)), %NOISYOR%, %MODALITY%.
func expand(q string) string {
	rank := rankCypher("s")
	dominates := "(s.confidence > x.confidence OR (s.confidence = x.confidence AND (" + rank + " > x.rank OR (" +
		rank + " = x.rank AND s.hash >= x.hash))))"
	q = strings.ReplaceAll(q, "%AGGREGATES%", relationAggregates)
	return strings.NewReplacer("%RANK%", rank, "%DOMINATES%", dominates, "%NOISYOR%", noisyOrCypher,
		"%MODALITY%", modalityCypher()).Replace(q)
}

func init() {
	upsertRelations = expand(upsertRelations)
	updateRelations = expand(updateRelations)
	upsertEvents = expand(upsertEvents)
}

// hashed is a record with its hash, computed once.
type hashed[T any] struct {
	v    *T
	hash string
}

// evidenceItem is one piece of evidence as a write carries it: an article and quote with
// the values of the record that brings it, and the record's place in the winner order.
func evidenceItem(ev *factgraph.Evidence, hash string, conf float64, mod string) map[string]any {
	return map[string]any{"article": ev.Article, "quote": ev.Quote, "hash": hash, "confidence": conf,
		"modality": mod, "rank": int64(CertaintyRank(mod)), "attribution": stringOrNil(ev.Attribution),
		"rule": stringOrNil(ev.Rule), "start": intOrNil(ev.Start), "end": intOrNil(ev.End)}
}

// greater reports whether evidence item x beats y: by confidence, then certainty, then hash.
func greater(x, y map[string]any) bool {
	if cx, cy := x["confidence"].(float64), y["confidence"].(float64); cx != cy {
		return cx > cy
	}
	if rx, ry := x["rank"].(int64), y["rank"].(int64); rx != ry {
		return rx > ry
	}
	return x["hash"].(string) > y["hash"].(string)
}

// mergeItems keeps, for each (article, quote), the greatest item, in a stable order.
func mergeItems(items []map[string]any) []map[string]any {
	best := map[[2]string]int{}
	var out []map[string]any
	for _, x := range items {
		k := [2]string{x["article"].(string), x["quote"].(string)}
		if i, ok := best[k]; !ok {
			best[k] = len(out)
			out = append(out, x)
		} else if greater(x, out[i]) {
			out[i] = x
		}
	}
	return out
}

// relationRows groups relation records by edge: one row per (from, type, to) with the
// records (their hashes, times and quantities, and their evidence for the unchanged
// check) and the merged evidence items. Rows are sorted by key, so that concurrent writers
// take the locks of edges in the same order.
func relationRows(rels []hashed[factgraph.Relation]) []map[string]any {
	byKey := map[string]map[string]any{}
	var items = map[string][]map[string]any{}
	for _, hr := range rels {
		r, h := hr.v, hr.hash
		key := r.ID()
		row := byKey[key]
		if row == nil {
			row = map[string]any{"from": r.From, "to": r.To, "key": key, "records": []map[string]any{}}
			byKey[key] = row
		}
		evs := evidenceItems(r.Evidence, h, r.Confidence, r.Modality)
		items[key] = append(items[key], evs...)
		values := map[string]any{}
		timeProps(values, r.Time)
		quantityProps(values, r.Quantities)
		row["records"] = append(row["records"].([]map[string]any), map[string]any{"hash": h, "evidence": evs, "values": values})
	}
	return finishRows(byKey, items, true)
}

// evidenceItems are the items of one record's evidence, each (article, quote) once.
func evidenceItems(list []factgraph.Evidence, h string, confidence *float64, mod string) []map[string]any {
	conf := factgraph.DefaultConfidence
	if confidence != nil {
		conf = *confidence
	}
	mod = modality(mod)
	var out []map[string]any
	seen := map[[2]string]bool{}
	for i := range list {
		ev := &list[i]
		if k := [2]string{ev.Article, ev.Quote}; !seen[k] { // the same quote twice counts once
			seen[k] = true
			out = append(out, evidenceItem(ev, h, conf, mod))
		}
	}
	return out
}

// finishRows merges each row's items and computes its fresh values, in key order.
func finishRows(rows map[string]map[string]any, items map[string][]map[string]any, sources bool) []map[string]any {
	out := make([]map[string]any, 0, len(rows))
	for _, key := range sortedKeys(rows) {
		row := rows[key]
		row["items"] = mergeItems(items[key])
		row["fresh"] = freshValues(row, sources)
		out = append(out, row)
	}
	return out
}

// freshValues are the values of an edge (event) whose only evidence is the row's: the
// aggregates of its items (sourceCount for edges, confidence, modality) and the values of
// its lead record. It is the Go twin of the recomputation in the upserts.
func freshValues(row map[string]any, sources bool) map[string]any {
	items := row["items"].([]map[string]any)
	perArticle := map[string]float64{}
	var lead map[string]any
	rank := int64(0)
	for _, x := range items {
		a, c := x["article"].(string), x["confidence"].(float64)
		if old, ok := perArticle[a]; !ok || c > old {
			perArticle[a] = c
		}
		rank = max(rank, x["rank"].(int64))
		if lead == nil || greater(x, lead) {
			lead = x
		}
	}
	cs := make([]float64, 0, len(perArticle))
	for _, c := range perArticle {
		cs = append(cs, c)
	}
	out := map[string]any{"confidence": CombineConfidence(cs), "modality": Certainty[rank-1]}
	if sources {
		out["sourceCount"] = int64(len(perArticle))
	}
	for _, rec := range row["records"].([]map[string]any) {
		if rec["hash"] == lead["hash"] {
			for k, v := range rec["values"].(map[string]any) {
				if v != nil { // fresh values go on a new edge or event: nothing to remove
					out[k] = v
				}
			}
			break
		}
	}
	return out
}

// eventRows groups event records by id, as relationRows does by edge; roles are merged
// (each role and entity once).
func eventRows(evs []hashed[factgraph.Event]) []map[string]any {
	byID := map[string]map[string]any{}
	items := map[string][]map[string]any{}
	roleSeen := map[[3]string]bool{}
	for _, he := range evs {
		e, h := he.v, he.hash
		row := byID[e.ID]
		if row == nil {
			row = map[string]any{"id": e.ID, "records": []map[string]any{}, "roles": []map[string]any{}}
			byID[e.ID] = row
		}
		roles := make([]map[string]any, len(e.Roles))
		for i, r := range e.Roles {
			if !factgraph.IsRole(r.Role) {
				panic(fmt.Sprintf("graph: role %q is not allow-listed", r.Role))
			}
			roles[i] = map[string]any{"role": r.Role, "entity": r.Entity}
			if k := [3]string{e.ID, r.Role, r.Entity}; !roleSeen[k] {
				roleSeen[k] = true
				row["roles"] = append(row["roles"].([]map[string]any), roles[i])
			}
		}
		evs := evidenceItems(e.Evidence, h, e.Confidence, e.Modality)
		items[e.ID] = append(items[e.ID], evs...)
		values := map[string]any{"hash": h, "type": e.Type, "label": e.Label}
		timeProps(values, e.Time)
		quantityProps(values, e.Quantities)
		row["records"] = append(row["records"].([]map[string]any), map[string]any{"hash": h, "roles": roles, "evidence": evs, "values": values})
	}
	return finishRows(byID, items, false)
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

// quantityProps sets the parallel quantity lists; no quantities is no property (an empty
// list is never stored: reads take a missing list as empty).
func quantityProps(row map[string]any, qs []factgraph.Quantity) {
	if len(qs) == 0 {
		row["qValues"], row["qUnits"], row["qApprox"], row["qOf"] = nil, nil, nil, nil
		return
	}
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

// listOrNil stores an empty list as no property: reads take a missing list as empty.
func listOrNil(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
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

// StatementProfile is what Neo4j's PROFILE says about one write statement of a batch.
type StatementProfile struct {
	Statement string // articles, entities, relations, events; "relationscreate", "eventscreate": the first step
	Rows      int    // input rows (one per edge or event for relations and events)
	DBHits    int64  // database hits of the whole plan
	Seconds   float64
	Operators []OperatorProfile // the operators with the most db hits, most first
}

// OperatorProfile is one operator of a profiled plan.
type OperatorProfile struct {
	Operator string
	DBHits   int64
	Rows     int64
}

// ProfileWrite writes the fact set as Write does, each statement under PROFILE, and says
// where the database's work goes (for bench/writeprofile). Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) ProfileWrite(ctx context.Context, fs *factgraph.FactSet) ([]StatementProfile, error) {
	stmts, _ := planWrite(fs, hashFacts(fs), nil, false)
	return write(ctx, db, "profile_write", func(tx neo4j.ManagedTransaction) ([]StatementProfile, error) {
		var out []StatementProfile
		profile := func(cypher, step string, rows []map[string]any) (*neo4j.Record, error) {
			start := time.Now()
			res, err := tx.Run(ctx, "PROFILE "+cypher, map[string]any{"rows": rows})
			if err != nil {
				return nil, err
			}
			var matched *neo4j.Record
			if step == "create" {
				if matched, err = res.Single(ctx); err != nil {
					return nil, err
				}
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			p := StatementProfile{Statement: statementName(cypher) + step, Rows: len(rows), Seconds: time.Since(start).Seconds()}
			var walk func(pp neo4j.ProfiledPlan)
			walk = func(pp neo4j.ProfiledPlan) {
				p.DBHits += pp.DbHits()
				p.Operators = append(p.Operators, OperatorProfile{Operator: pp.Operator(), DBHits: pp.DbHits(), Rows: pp.Records()})
				for _, c := range pp.Children() {
					walk(c)
				}
			}
			if pp := sum.Profile(); pp != nil {
				walk(pp)
			}
			sort.Slice(p.Operators, func(i, j int) bool { return p.Operators[i].DBHits > p.Operators[j].DBHits })
			p.Operators = p.Operators[:min(len(p.Operators), 6)]
			out = append(out, p)
			return matched, nil
		}
		for _, s := range stmts {
			if s.then == "" {
				if _, err := profile(s.cypher, "", s.rows); err != nil {
					return nil, err
				}
				continue
			}
			rec, err := profile(s.cypher, "create", s.rows)
			if err != nil {
				return nil, err
			}
			rest, err := matchedRows(rec, s)
			if err != nil {
				return nil, err
			}
			if len(rest) > 0 {
				if _, err := profile(s.then, "", rest); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	})
}

func statementName(cypher string) string {
	switch {
	case strings.Contains(cypher, "MERGE (a)-[e:"), strings.Contains(cypher, "elementId(e) = r.eid"):
		return "relations"
	case strings.Contains(cypher, "SET e:"):
		return "entities"
	case strings.Contains(cypher, "MERGE (ev:Event"):
		return "events"
	case strings.Contains(cypher, "MERGE (a:Article"):
		return "articles"
	}
	return "?"
}
