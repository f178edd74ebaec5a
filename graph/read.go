package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// traversable is the relationship-type alternation of every edge a traversal may follow:
// the relation types between entities and the role edges of events. Built from the
// allow-lists, never from input.
var traversable = strings.Join(append(append([]string{}, factgraph.RelationTypes...), factgraph.Roles...), "|")

// types returns the alternation of the given (allow-listed) types, or all traversable.
func types(ts []string) string {
	var ok []string
	for _, t := range ts {
		if factgraph.IsRelationType(t) || factgraph.IsRole(t) {
			ok = append(ok, t)
		}
	}
	if len(ok) == 0 {
		return traversable
	}
	return strings.Join(ok, "|")
}

// arrow returns the relationship pattern for a direction: -[r:T]->, <-[r:T]-, -[r:T]-.
func arrow(dir, v, ts string) string {
	switch dir {
	case factgraph.DirectionOut:
		return "-[" + v + ":" + ts + "]->"
	case factgraph.DirectionIn:
		return "<-[" + v + ":" + ts + "]-"
	}
	return "-[" + v + ":" + ts + "]-"
}

// run runs a query in tx and collects its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// Entity returns the entity with the id; if none has that id, the entity whose name or
// alias folds to the same key (so "DPRK" finds North Korea). Errors: ENOTFOUND, EUNAVAILABLE.
func (db *DB) Entity(ctx context.Context, id string) (*factgraph.Entity, error) {
	e, err := read(ctx, db, "entity", func(tx neo4j.ManagedTransaction) (*factgraph.Entity, error) {
		return entityIn(ctx, tx, id)
	})
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, factgraph.Errorf(factgraph.ENOTFOUND, "no entity with id or name %q", id)
	}
	return e, nil
}

// entityIn is Entity's lookup inside a transaction; nil if none.
func entityIn(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*factgraph.Entity, error) {
	recs, err := run(ctx, tx, `
			OPTIONAL MATCH (e:Entity {id: $id})
			WITH e
			CALL (e) {
			  WITH e WHERE e IS NULL
			  CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 20}) YIELD node
			  WITH node AS x WHERE $key IN x.names
			  RETURN x ORDER BY x.id LIMIT 1
			  UNION
			  WITH e WHERE e IS NOT NULL
			  RETURN e AS x
			}
			RETURN `+entityProj("x")+` AS e`,
		map[string]any{"id": id, "key": factgraph.NormalizeName(id), "q": phrase(id)})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return entityFrom(asMap(recs[0].Values[0]))
}

// phrase is a Lucene phrase query on the folded names; folded keys hold only letters,
// digits and spaces, so they are safe inside quotes.
func phrase(s string) string {
	k := factgraph.NormalizeName(s)
	if k == "" {
		k = "-"
	}
	return `names:"` + k + `"`
}

// EntitiesByID returns the entities with these ids. Errors: EUNAVAILABLE.
func (db *DB) EntitiesByID(ctx context.Context, ids []string) (map[string]*factgraph.Entity, error) {
	return read(ctx, db, "entities_by_id", func(tx neo4j.ManagedTransaction) (map[string]*factgraph.Entity, error) {
		recs, err := run(ctx, tx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN `+entityProj("e")+` AS e`, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		out := make(map[string]*factgraph.Entity, len(recs))
		for _, r := range recs {
			e, err := entityFrom(asMap(r.Values[0]))
			if err != nil {
				return nil, err
			}
			out[e.ID] = e
		}
		return out, nil
	})
}

// Node returns the entity, event or article with the id. Errors: ENOTFOUND, EUNAVAILABLE.
func (db *DB) Node(ctx context.Context, id string) (factgraph.Node, error) {
	// The driver cannot return a nil interface from a transaction; a struct carries it.
	type found struct{ n factgraph.Node }
	f, err := read(ctx, db, "node", func(tx neo4j.ManagedTransaction) (found, error) {
		recs, err := run(ctx, tx, `
			CALL () {
			  MATCH (e:Entity {id: $id}) RETURN `+nodeProj("e")+` AS n, null AS a
			  UNION
			  MATCH (e:Event {id: $id}) RETURN `+nodeProj("e")+` AS n, null AS a
			  UNION
			  MATCH (x:Article {id: $id}) RETURN null AS n, properties(x) AS a
			}
			RETURN n, a LIMIT 1`, map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return found{}, err
		}
		if a := asMap(recs[0].Values[1]); a != nil {
			art, err := articleFrom(a)
			return found{art}, err
		}
		sn, err := nodeFrom(asMap(recs[0].Values[0]))
		if err != nil {
			return found{}, err
		}
		if sn.Event != nil {
			if err := fillEvidence(ctx, tx, nil, []*factgraph.Event{sn.Event}); err != nil {
				return found{}, err
			}
		}
		return found{sn.Node()}, nil
	})
	if err != nil {
		return nil, err
	}
	if f.n == nil {
		return nil, factgraph.Errorf(factgraph.ENOTFOUND, "no node with id %q", id)
	}
	return f.n, nil
}

// cursor encodes an offset; offset decodes it. Cursors are opaque to clients.
func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

func offset(after string) (int, error) {
	if after == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(after)
	if err == nil && strings.HasPrefix(string(b), "o:") {
		if n, err := strconv.Atoi(string(b[2:])); err == nil && n >= 0 && n < 1e9 {
			return n + 1, nil
		}
	}
	return 0, &factgraph.Error{Code: factgraph.EINVALID, Field: "after", Message: fmt.Sprintf("%q is not a cursor from this API", after)}
}

// Entities lists entities, most connected first (then by id), with offset cursors.
// Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Entities(ctx context.Context, q factgraph.EntityQuery) (*factgraph.EntityPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	skip, err := offset(q.After)
	if err != nil {
		return nil, err
	}
	label := "Entity"
	if q.Kind != "" {
		label = q.Kind // allow-listed by Validate
	}
	params := map[string]any{"prefix": factgraph.NormalizeName(q.NamePrefix), "minDegree": int64(q.MinDegree),
		"key": nil, "skip": int64(skip), "limit": int64(q.First + 1)}
	if q.Key != nil {
		params["key"] = q.Key.Name + "=" + q.Key.Value
	}
	match := `MATCH (e:` + label + `)
		WHERE ($prefix = '' OR any(n IN e.names WHERE n STARTS WITH $prefix))
		  AND ($key IS NULL OR $key IN e.keys)
		WITH e, COUNT { (e)-[:` + traversable + `]-() } AS degree WHERE degree >= $minDegree`
	return read(ctx, db, "entities", func(tx neo4j.ManagedTransaction) (*factgraph.EntityPage, error) {
		// The count runs once, before the page's own match (not once per row).
		recs, err := run(ctx, tx, `CALL () { `+match+` RETURN count(e) AS total }
			`+strings.Replace(match, "WITH e, COUNT", "WITH e, total, COUNT", 1)+`
			WITH e, degree, total ORDER BY degree DESC, e.id SKIP $skip LIMIT $limit
			RETURN `+entityProj("e")+` AS e, total`, params)
		if err != nil {
			return nil, err
		}
		page := &factgraph.EntityPage{}
		for i, r := range recs {
			if i == q.First {
				page.HasNext = true
				break
			}
			e, err := entityFrom(asMap(r.Values[0]))
			if err != nil {
				return nil, err
			}
			page.Entities = append(page.Entities, e)
			page.Cursors = append(page.Cursors, cursor(skip+i))
		}
		if len(recs) > 0 {
			total, _ := recs[0].Values[1].(int64)
			page.TotalCount = int(total)
		} else if skip == 0 {
			page.TotalCount = 0
		} else {
			n, err := run(ctx, tx, match+` RETURN count(e)`, params)
			if err != nil {
				return nil, err
			}
			total, _ := n[0].Values[0].(int64)
			page.TotalCount = int(total)
		}
		return page, nil
	})
}

// LuceneQuery is the full-text query Search sends for a text: the folded phrase (boosted),
// or all its words with small typos allowed; "" when the text has no letters or digits.
func LuceneQuery(text string) string {
	words := strings.Fields(factgraph.NormalizeName(text))
	if len(words) == 0 {
		return ""
	}
	var fuzzy []string
	for _, w := range words {
		switch {
		case utf8.RuneCountInString(w) >= 5:
			fuzzy = append(fuzzy, w+"~2")
		case utf8.RuneCountInString(w) >= 3:
			fuzzy = append(fuzzy, w+"~1")
		default:
			fuzzy = append(fuzzy, w)
		}
	}
	return fmt.Sprintf(`names:"%s"^4 OR (%s)`, strings.Join(words, " "), strings.Join(fuzzy, " AND "))
}

// Search finds entities by name or alias with the full-text index: the folded phrase
// scores highest, then all words with small typos allowed. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Search(ctx context.Context, q factgraph.SearchQuery) ([]factgraph.SearchHit, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	lucene := LuceneQuery(q.Text)
	if lucene == "" {
		return nil, &factgraph.Error{Code: factgraph.EINVALID, Field: "text", Message: "has no letters or digits"}
	}
	return read(ctx, db, "search", func(tx neo4j.ManagedTransaction) ([]factgraph.SearchHit, error) {
		recs, err := run(ctx, tx, `
			CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $scan}) YIELD node, score
			WHERE size($kinds) = 0 OR node.kind IN $kinds
			RETURN `+entityProj("node")+` AS e, score ORDER BY score DESC, node.id LIMIT $first`,
			map[string]any{"q": lucene, "kinds": nonNil(q.Kinds), "first": int64(q.First), "scan": int64(q.First * 5)})
		if err != nil {
			return nil, err
		}
		hits := make([]factgraph.SearchHit, 0, len(recs))
		for _, r := range recs {
			e, err := entityFrom(asMap(r.Values[0]))
			if err != nil {
				return nil, err
			}
			score, _ := r.Values[1].(float64)
			hits = append(hits, factgraph.SearchHit{Entity: e, Score: score})
		}
		return hits, nil
	})
}

// relFilter keeps relations by confidence, sources and time; role edges pass. nodeFilter
// keeps events whose time overlaps the window (all events when there is no window).
const (
	relFilter = `(%[1]s.confidence IS NULL OR %[1]s.confidence >= $minConf)
	  AND (%[1]s.sourceCount IS NULL OR %[1]s.sourceCount >= $minSources)
	  AND ($from IS NULL OR %[1]s.timeEnd IS NULL OR %[1]s.timeEnd >= $from)
	  AND ($to IS NULL OR %[1]s.timeStart IS NULL OR %[1]s.timeStart <= $to)`
	nodeFilter = `(NOT %[1]s:Event OR (($from IS NULL OR %[1]s.timeEnd >= $from) AND ($to IS NULL OR %[1]s.timeStart <= $to)))`
	// degreeOf is COUNT { (n)-[:<traversable>]-() } computed from Neo4j's degree counts:
	// every relationship of an entity or an event is traversable except the STATES
	// evidence an entity receives and the EVIDENCED_BY edges of an event (a test checks
	// the two agree). The typed count expands every relationship of every candidate node;
	// this one reads three stored counts (3x faster on two-hop neighbourhoods).
	degreeOf = `COUNT { (%[1]s)--() } - COUNT { (%[1]s)<-[:STATES]-() } - COUNT { (%[1]s)-[:EVIDENCED_BY]->() }`
)

// filters is relFilter on r and nodeFilter on n when the query sets any filter, else
// true: at their neutral values (minConfidence 0, minSources 0, no time window) they keep
// everything, and leaving them out spares a property read per relationship expanded.
func filters(q factgraph.NeighborhoodQuery, r, n string) string {
	if q.MinConfidence <= 0 && q.MinSources <= 0 && q.From == "" && q.To == "" {
		return "true"
	}
	f := fmt.Sprintf(relFilter, r)
	if n != "" {
		f += " AND " + fmt.Sprintf(nodeFilter, n)
	}
	return f
}

func neighborhoodParams(q factgraph.NeighborhoodQuery) map[string]any {
	return map[string]any{"minConf": q.MinConfidence, "minSources": int64(q.MinSources),
		"from": dateOrNil(q.From), "to": dateOrNil(q.To), "limit": int64(q.Limit)}
}

// Neighborhoods returns the subgraph around each entity: nodes within q.Depth hops
// (nearest first, then the most connected), at most q.Limit, and every edge among them
// that passes the filters. Depth 1 is one query for all the entities (what dataloaders
// batch); deeper traversals go breadth first, one query per level, so that no node is
// expanded twice. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Neighborhoods(ctx context.Context, ids []string, q factgraph.NeighborhoodQuery) (map[string]*factgraph.Subgraph, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	ts := types(q.RelationTypes)
	return read(ctx, db, "neighborhood", func(tx neo4j.ManagedTransaction) (map[string]*factgraph.Subgraph, error) {
		// levels[id] holds the element ids found at each distance, the centre at 0.
		levels := map[string][][]string{}
		params := neighborhoodParams(q)
		params["ids"] = ids
		recs, err := run(ctx, tx, `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (c)`+arrow(q.Direction, "r", ts)+`(n)
			  WHERE `+filters(q, "r", "n")+`
			  WITH DISTINCT n
			  WITH n, `+fmt.Sprintf(degreeOf, "n")+` AS degree ORDER BY degree DESC, n.id LIMIT $limit
			  RETURN collect(elementId(n)) AS ns
			}
			RETURN id, elementId(c) AS c, ns`, params)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			c, _ := r.Values[1].(string)
			ns, err := strs(r.AsMap(), "ns")
			if err != nil {
				return nil, err
			}
			levels[id] = [][]string{{c}, ns}
		}
		for depth := 2; depth <= q.Depth; depth++ {
			for id, lv := range levels {
				seen := 0
				var all []string
				for _, l := range lv {
					seen += len(l)
					all = append(all, l...)
				}
				remaining := q.Limit + 1 - seen
				frontier := lv[len(lv)-1]
				if remaining <= 0 || len(frontier) == 0 {
					continue
				}
				p := neighborhoodParams(q)
				p["frontier"], p["seen"], p["limit"] = frontier, all, int64(remaining)
				recs, err := run(ctx, tx, `
					UNWIND $frontier AS fid
					MATCH (f) WHERE elementId(f) = fid
					MATCH (f)`+arrow(q.Direction, "r", ts)+`(n)
					WHERE `+filters(q, "r", "n")+` AND NOT elementId(n) IN $seen
					WITH DISTINCT n
					WITH n, `+fmt.Sprintf(degreeOf, "n")+` AS degree ORDER BY degree DESC, n.id LIMIT $limit
					RETURN collect(elementId(n)) AS ns`, p)
				if err != nil {
					return nil, err
				}
				ns, err := strs(recs[0].AsMap(), "ns")
				if err != nil {
					return nil, err
				}
				levels[id] = append(lv, ns)
			}
		}
		out := make(map[string]*factgraph.Subgraph, len(levels))
		for id, lv := range levels {
			var eids []string
			dist := map[string]int{}
			for d, l := range lv {
				for _, e := range l {
					eids = append(eids, e)
					dist[e] = d
				}
			}
			sg, err := subgraph(ctx, tx, eids, dist, ts, q)
			if err != nil {
				return nil, err
			}
			out[id] = sg
		}
		return out, nil
	})
}

// subgraph loads the nodes with these element ids and every edge among them that passes
// the filters, with their evidence.
func subgraph(ctx context.Context, tx neo4j.ManagedTransaction, eids []string, dist map[string]int, ts string, q factgraph.NeighborhoodQuery) (*factgraph.Subgraph, error) {
	p := neighborhoodParams(q)
	p["eids"] = eids
	recs, err := run(ctx, tx, `
		UNWIND $eids AS eid
		MATCH (a) WHERE elementId(a) = eid
		CALL (a) {
		  MATCH (a)-[r:`+ts+`]->(b)
		  WHERE elementId(b) IN $eids AND `+filters(q, "r", "")+`
		  RETURN collect(`+edgeProj("r")+`) AS edges
		}
		RETURN eid, `+nodeProj("a")+` AS n, edges`, p)
	if err != nil {
		return nil, err
	}
	sg := &factgraph.Subgraph{}
	var events []*factgraph.Event
	for _, r := range recs {
		eid, _ := r.Values[0].(string)
		n, err := nodeFrom(asMap(r.Values[1]))
		if err != nil {
			return nil, err
		}
		n.Distance = dist[eid]
		if n.Event != nil {
			events = append(events, n.Event)
		}
		sg.Nodes = append(sg.Nodes, n)
		for _, e := range asList(r.Values[2]) {
			edge, err := edgeFrom(asMap(e))
			if err != nil {
				return nil, err
			}
			sg.Edges = append(sg.Edges, edge)
		}
	}
	sortSubgraph(sg)
	if q.NoEvidence {
		return sg, nil
	}
	if err := fillEvidence(ctx, tx, edgePtrs(sg.Edges), events); err != nil {
		return nil, err
	}
	return sg, nil
}

func sortSubgraph(sg *factgraph.Subgraph) {
	sort.SliceStable(sg.Nodes, func(i, j int) bool {
		a, b := sg.Nodes[i], sg.Nodes[j]
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		return a.Node().NodeID() < b.Node().NodeID()
	})
	sort.Slice(sg.Edges, func(i, j int) bool { return sg.Edges[i].ID < sg.Edges[j].ID })
}

func edgePtrs(es []factgraph.Edge) []*factgraph.Edge {
	out := make([]*factgraph.Edge, len(es))
	for i := range es {
		out[i] = &es[i]
	}
	return out
}

// MaxEvidence bounds the evidence listed per edge or event (the earliest first);
// sourceCount still counts every source.
const MaxEvidence = 100

// fillEvidence fills in the evidence of relation edges (their STATES relationships, found
// by the relation's id) and of events (their EVIDENCED_BY relationships), with the articles.
func fillEvidence(ctx context.Context, tx neo4j.ManagedTransaction, edges []*factgraph.Edge, events []*factgraph.Event) error {
	need := map[string]bool{} // an edge or event may appear several times (in several paths)
	var keys, eventIDs []string
	for _, e := range edges {
		if !factgraph.IsRole(e.Type) && !need[e.ID] {
			need[e.ID] = true
			keys = append(keys, e.ID)
		}
	}
	for _, e := range events {
		if !need[e.ID] {
			need[e.ID] = true
			eventIDs = append(eventIDs, e.ID)
		}
	}
	if len(keys) == 0 && len(eventIDs) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, `
		CALL () {
		  UNWIND $keys AS k
		  CALL (k) {
		    MATCH (a:Article)-[x:STATES {key: k}]->()
		    WITH a, x ORDER BY a.publishedAt, a.id, x.quote LIMIT $max
		    RETURN collect({quote: x.quote, start: x.start, end: x.end, attribution: x.attribution, rule: x.rule, article: a{.id, .title, .url, .publisher, .publishedAt, .language}}) AS evidence
		  }
		  RETURN collect({key: k, evidence: evidence}) AS edges
		}
		CALL () {
		  UNWIND $events AS id
		  CALL (id) {
		    MATCH (:Event {id: id})-[x:EVIDENCED_BY]->(a:Article)
		    WITH x, a ORDER BY a.publishedAt, a.id, x.quote LIMIT $max
		    RETURN collect({quote: x.quote, start: x.start, end: x.end, attribution: x.attribution, rule: x.rule, article: a{.id, .title, .url, .publisher, .publishedAt, .language}}) AS evidence
		  }
		  RETURN collect({key: id, evidence: evidence}) AS events
		}
		RETURN edges, events`,
		map[string]any{"keys": keys, "events": eventIDs, "max": int64(MaxEvidence)})
	if err != nil {
		return err
	}
	byKey := map[string][]factgraph.Evidence{}
	for i := range recs[0].Values {
		for _, x := range asList(recs[0].Values[i]) {
			m := asMap(x)
			key, _ := m["key"].(string)
			for _, y := range asList(m["evidence"]) {
				em := asMap(y)
				art, err := articleFrom(asMap(em["article"]))
				if err != nil {
					return err
				}
				quote, _ := em["quote"].(string)
				attribution, _ := em["attribution"].(string)
				rule, _ := em["rule"].(string)
				byKey[key] = append(byKey[key], factgraph.Evidence{Article: art.ID, Quote: quote,
					Start: intPtr(em["start"]), End: intPtr(em["end"]), Attribution: attribution, Rule: rule, Source: art})
			}
		}
	}
	for _, e := range edges {
		e.Evidence = byKey[e.ID]
	}
	for _, e := range events {
		e.Evidence = byKey[e.ID]
	}
	return nil
}

// Relations returns the direct relations of each entity, most corroborated first.
// Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Relations(ctx context.Context, ids []string, q factgraph.RelationQuery) (map[string][]factgraph.Edge, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	ts := strings.Join(factgraph.RelationTypes, "|")
	if q.Type != "" {
		ts = q.Type // allow-listed by Validate
	}
	// With q.Ends, the entities at both ends come in the same query (else the client's
	// Relation.from and .to cost one more transaction).
	ends, endsOut := "", "[]"
	if q.Ends {
		ends, endsOut = ", collect(["+entityProj("s")+", "+entityProj("t")+"]) AS ends", "ends"
	}
	return read(ctx, db, "relations", func(tx neo4j.ManagedTransaction) (map[string][]factgraph.Edge, error) {
		recs, err := run(ctx, tx, `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (c)`+arrow(q.Direction, "r", ts)+`(:Entity)
			  WITH r ORDER BY r.sourceCount DESC, r.confidence DESC, type(r), startNode(r).id, endNode(r).id LIMIT $first
			  WITH r, startNode(r) AS s, endNode(r) AS t
			  RETURN collect(`+edgeProj("r")+`) AS rels`+ends+`
			}
			RETURN id, rels, `+endsOut+` AS ends`, map[string]any{"ids": ids, "first": int64(q.First)})
		if err != nil {
			return nil, err
		}
		out := map[string][]factgraph.Edge{}
		var all []*factgraph.Edge
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			ends := asList(r.Values[2])
			for i, x := range asList(r.Values[1]) {
				e, err := edgeFrom(asMap(x))
				if err != nil {
					return nil, err
				}
				if i < len(ends) {
					for j, m := range asList(ends[i]) {
						if e.Ends[j], err = entityFrom(asMap(m)); err != nil {
							return nil, err
						}
					}
				}
				out[id] = append(out[id], e)
			}
		}
		if q.NoEvidence {
			return out, nil
		}
		for id := range out {
			all = append(all, edgePtrs(out[id])...)
		}
		return out, fillEvidence(ctx, tx, all, nil)
	})
}

// Timelines returns each entity's events by time (undated last).
// Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Timelines(ctx context.Context, ids []string, q factgraph.TimelineQuery) (map[string][]*factgraph.Event, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	// With q.RoleEntities, the entities of the events' roles come in the same query (else
	// the client's Role.entity costs one more transaction).
	roleEnts, roleEntsOut := "", "[]"
	if q.RoleEntities {
		roleEnts, roleEntsOut = ", collect([(ev)-->(x:Entity) | "+entityProj("x")+"]) AS ents", "ents"
	}
	return read(ctx, db, "timeline", func(tx neo4j.ManagedTransaction) (map[string][]*factgraph.Event, error) {
		recs, err := run(ctx, tx, `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (ev:Event)-->(c)
			  WHERE (size($types) = 0 OR ev.type IN $types)
			    AND ($from IS NULL OR ev.timeEnd >= $from) AND ($to IS NULL OR ev.timeStart <= $to)
			  WITH DISTINCT ev ORDER BY ev.timeStart IS NULL, ev.timeStart, ev.id LIMIT $first
			  RETURN collect(`+eventProj("ev")+`) AS events`+roleEnts+`
			}
			RETURN id, events, `+roleEntsOut+` AS ents`,
			map[string]any{"ids": ids, "types": nonNil(q.EventTypes), "from": dateOrNil(q.From), "to": dateOrNil(q.To), "first": int64(q.First)})
		if err != nil {
			return nil, err
		}
		out := map[string][]*factgraph.Event{}
		var all []*factgraph.Event
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			ents := asList(r.Values[2])
			for i, x := range asList(r.Values[1]) {
				e, err := eventFrom(asMap(x))
				if err != nil {
					return nil, err
				}
				if i < len(ents) {
					for _, m := range asList(ents[i]) {
						ent, err := entityFrom(asMap(m))
						if err != nil {
							return nil, err
						}
						e.RoleEntities = append(e.RoleEntities, ent)
					}
				}
				out[id] = append(out[id], e)
				all = append(all, e)
			}
		}
		if q.NoEvidence {
			return out, nil
		}
		return out, fillEvidence(ctx, tx, nil, all)
	})
}

// Events lists events, newest first (undated last). Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Events(ctx context.Context, q factgraph.EventQuery) (*factgraph.EventPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	skip, err := offset(q.After)
	if err != nil {
		return nil, err
	}
	var participant, location any
	if q.Participant != "" {
		e, err := db.Entity(ctx, q.Participant)
		if err != nil {
			return nil, err
		}
		participant = e.ID
	}
	if q.Location != "" {
		e, err := db.Entity(ctx, q.Location)
		if err != nil {
			return nil, err
		}
		location = e.ID
	}
	var modality any
	if q.Modality != "" {
		modality = q.Modality
	}
	params := map[string]any{"types": nonNil(q.Types), "participant": participant, "location": location,
		"from": dateOrNil(q.From), "to": dateOrNil(q.To), "modality": modality, "skip": int64(skip), "limit": int64(q.First + 1)}
	match := `MATCH (ev:Event)
		WHERE (size($types) = 0 OR ev.type IN $types)
		  AND ($participant IS NULL OR EXISTS { (ev)-->(:Entity {id: $participant}) })
		  AND ($location IS NULL OR EXISTS { (ev)-[:LOCATION]->(:Entity {id: $location}) })
		  AND ($from IS NULL OR ev.timeEnd >= $from) AND ($to IS NULL OR ev.timeStart <= $to)
		  AND ($modality IS NULL OR ev.modality = $modality)`
	return read(ctx, db, "events", func(tx neo4j.ManagedTransaction) (*factgraph.EventPage, error) {
		recs, err := run(ctx, tx, `CALL () { `+match+` RETURN count(ev) AS total }
			`+match+`
			WITH ev, total ORDER BY ev.timeStart IS NULL, ev.timeStart DESC, ev.id SKIP $skip LIMIT $limit
			RETURN `+eventProj("ev")+` AS ev, total`, params)
		if err != nil {
			return nil, err
		}
		page := &factgraph.EventPage{}
		for i, r := range recs {
			if i == q.First {
				page.HasNext = true
				break
			}
			e, err := eventFrom(asMap(r.Values[0]))
			if err != nil {
				return nil, err
			}
			page.Events = append(page.Events, e)
			page.Cursors = append(page.Cursors, cursor(skip+i))
		}
		if len(recs) > 0 {
			total, _ := recs[0].Values[1].(int64)
			page.TotalCount = int(total)
		} else {
			n, err := run(ctx, tx, match+` RETURN count(ev)`, params)
			if err != nil {
				return nil, err
			}
			total, _ := n[0].Values[0].(int64)
			page.TotalCount = int(total)
		}
		return page, fillEvidence(ctx, tx, nil, page.Events)
	})
}

// Stats counts nodes by kind and relationships by type from Neo4j's count store.
// Errors: EUNAVAILABLE.
func (db *DB) Stats(ctx context.Context) (*factgraph.Stats, error) {
	return read(ctx, db, "stats", func(tx neo4j.ManagedTransaction) (*factgraph.Stats, error) {
		count := func(cypher string) (int, error) {
			recs, err := run(ctx, tx, cypher, nil)
			if err != nil {
				return 0, err
			}
			n, _ := recs[0].Values[0].(int64)
			return int(n), nil
		}
		st := &factgraph.Stats{}
		var err error
		for label, dst := range map[string]*int{"Entity": &st.Entities, "Event": &st.Events, "Article": &st.Articles} {
			if *dst, err = count("MATCH (n:" + label + ") RETURN count(n)"); err != nil {
				return nil, err
			}
		}
		for _, k := range factgraph.EntityKinds {
			n, err := count("MATCH (n:" + k + ") RETURN count(n)")
			if err != nil {
				return nil, err
			}
			st.EntitiesByKind = append(st.EntitiesByKind, factgraph.Count{Name: k, Count: n})
		}
		for _, t := range factgraph.RelationTypes {
			n, err := count("MATCH ()-[r:" + t + "]->() RETURN count(r)")
			if err != nil {
				return nil, err
			}
			st.Relations += n
			if n > 0 {
				st.RelationsByType = append(st.RelationsByType, factgraph.Count{Name: t, Count: n})
			}
		}
		recs, err := run(ctx, tx, "MATCH (e:Event) RETURN e.type AS t, count(*) AS n ORDER BY n DESC, t", nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			t, _ := r.Values[0].(string)
			n, _ := r.Values[1].(int64)
			st.EventsByType = append(st.EventsByType, factgraph.Count{Name: t, Count: int(n)})
		}
		return st, nil
	})
}

// Neighborhood is Neighborhoods for one entity, given by id or name. The entity itself is
// the node at distance 0. Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Neighborhood(ctx context.Context, id string, q factgraph.NeighborhoodQuery) (*factgraph.Subgraph, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	e, err := db.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	m, err := db.Neighborhoods(ctx, []string{e.ID}, q)
	if err != nil {
		return nil, err
	}
	return m[e.ID], nil
}
