package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

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

// NeighborhoodCypher are the texts of Neighborhoods' statements for a (valid) query: the
// first level around the centres $ids; each further level from $frontier, skipping
// $seen; and the subgraph among the nodes $eids. bench/querybench's floor runs these.
type NeighborhoodCypher struct{ First, Next, Subgraph string }

// NeighborhoodStatements returns the statements of Neighborhoods for q.
func NeighborhoodStatements(q factgraph.NeighborhoodQuery) NeighborhoodCypher {
	ts := types(q.RelationTypes)
	return NeighborhoodCypher{
		First: `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (c)` + arrow(q.Direction, "r", ts) + `(n)
			  WHERE ` + filters(q, "r", "n") + `
			  WITH DISTINCT n
			  WITH n, ` + fmt.Sprintf(degreeOf, "n") + ` AS degree ORDER BY degree DESC, n.id LIMIT $limit
			  RETURN collect(elementId(n)) AS ns
			}
			RETURN id, elementId(c) AS c, ns`,
		Next: `
			UNWIND $frontier AS fid
			MATCH (f) WHERE elementId(f) = fid
			MATCH (f)` + arrow(q.Direction, "r", ts) + `(n)
			WHERE ` + filters(q, "r", "n") + ` AND NOT elementId(n) IN $seen
			WITH DISTINCT n
			WITH n, ` + fmt.Sprintf(degreeOf, "n") + ` AS degree ORDER BY degree DESC, n.id LIMIT $limit
			RETURN collect(elementId(n)) AS ns`,
		Subgraph: `
			UNWIND $eids AS eid
			MATCH (a) WHERE elementId(a) = eid
			CALL (a) {
			  MATCH (a)-[r:` + ts + `]->(b)
			  WHERE elementId(b) IN $eids AND ` + filters(q, "r", "") + `
			  RETURN collect(` + edgeProj("r") + `) AS edges
			}
			RETURN eid, ` + nodeProj("a") + ` AS n, edges`,
	}
}

// NeighborhoodParams are the parameters the statements share (the filters, the limit).
func NeighborhoodParams(q factgraph.NeighborhoodQuery) map[string]any { return neighborhoodParams(q) }

func neighborhoodParams(q factgraph.NeighborhoodQuery) map[string]any {
	return map[string]any{"minConf": q.MinConfidence, "minSources": int64(q.MinSources),
		"from": dateOrNil(q.From), "to": dateOrNil(q.To), "limit": int64(q.Limit)}
}

// Neighborhoods returns the subgraph around each entity: nodes within q.Depth hops
// (nearest first, then the most connected), at most q.Limit, and every edge among them
// that passes the filters. Depth 1 is one query for all the entities (what dataloaders
// batch); deeper traversals go breadth first, one query per level, so that no node is
// expanded twice. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Neighborhoods(ctx context.Context, ids []string, p factgraph.NeighborhoodPart) (map[string]*factgraph.Subgraph, error) {
	q := p.Query
	if err := q.Validate(); err != nil {
		return nil, err
	}
	return read(ctx, db, "neighborhood", func(tx neo4j.ManagedTransaction) (map[string]*factgraph.Subgraph, error) {
		return neighborhoodsIn(ctx, tx, ids, p)
	})
}

// neighborhoodsIn is Neighborhoods inside a transaction (p.Query valid).
func neighborhoodsIn(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, p factgraph.NeighborhoodPart) (map[string]*factgraph.Subgraph, error) {
	q := p.Query
	cy := NeighborhoodStatements(q)
	// levels[id] holds the element ids found at each distance, the centre at 0.
	levels := map[string][][]string{}
	params := neighborhoodParams(q)
	params["ids"] = ids
	recs, err := run(ctx, tx, cy.First, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		row := r.AsMap()
		id, err := str(row, "id")
		if err != nil {
			return nil, err
		}
		c, err := str(row, "c")
		if err != nil {
			return nil, err
		}
		ns, err := strs(row, "ns")
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
			lp := neighborhoodParams(q)
			lp["frontier"], lp["seen"], lp["limit"] = frontier, all, int64(remaining)
			recs, err := run(ctx, tx, cy.Next, lp)
			if err != nil {
				return nil, err
			}
			if len(recs) != 1 {
				return nil, fmt.Errorf("neighbourhood level %d: want 1 row, got %d", depth, len(recs))
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
		sg, err := subgraph(ctx, tx, cy.Subgraph, eids, dist, q, p.Evidence)
		if err != nil {
			return nil, err
		}
		out[id] = sg
	}
	return out, nil
}

// subgraph loads the nodes with these element ids and every edge among them that passes
// the filters, with their evidence if evidence.
func subgraph(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, eids []string, dist map[string]int, q factgraph.NeighborhoodQuery, evidence bool) (*factgraph.Subgraph, error) {
	p := neighborhoodParams(q)
	p["eids"] = eids
	recs, err := run(ctx, tx, cypher, p)
	if err != nil {
		return nil, err
	}
	sg, events, err := subgraphFrom(recs, dist)
	if err != nil {
		return nil, err
	}
	if !evidence {
		return sg, nil
	}
	if err := fillEvidence(ctx, tx, edgePtrs(sg.Edges), events); err != nil {
		return nil, err
	}
	return sg, nil
}

// subgraphFrom maps the rows of a subgraph statement (eid, n, edges), with the nodes'
// distances by element id, and returns the events among the nodes too.
func subgraphFrom(recs []*neo4j.Record, dist map[string]int) (*factgraph.Subgraph, []*factgraph.Event, error) {
	sg := &factgraph.Subgraph{}
	var events []*factgraph.Event
	for _, r := range recs {
		eid, err := get[string](r, "eid")
		if err != nil {
			return nil, nil, err
		}
		nm, err := get[map[string]any](r, "n")
		if err != nil {
			return nil, nil, err
		}
		n, err := nodeFrom(nm)
		if err != nil {
			return nil, nil, err
		}
		n.Distance = dist[eid]
		if n.Event != nil {
			events = append(events, n.Event)
		}
		sg.Nodes = append(sg.Nodes, n)
		es, err := get[[]any](r, "edges")
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			em, err := mapOf(e)
			if err != nil {
				return nil, nil, err
			}
			edge, err := edgeFrom(em)
			if err != nil {
				return nil, nil, err
			}
			sg.Edges = append(sg.Edges, edge)
		}
	}
	sortSubgraph(sg)
	return sg, events, nil
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

// Neighborhood is the neighbourhood, with its evidence, of one entity given by id or
// name. The entity itself is the node at distance 0. Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Neighborhood(ctx context.Context, id string, q factgraph.NeighborhoodQuery) (*factgraph.Subgraph, error) {
	p := factgraph.NeighborhoodPart{Query: q, Evidence: true}
	e, err := db.Entity(ctx, id, factgraph.EntityView{Neighborhoods: []factgraph.NeighborhoodPart{p}})
	if err != nil {
		return nil, err
	}
	if err := p.Query.Validate(); err != nil {
		return nil, err
	}
	return e.Parts.Neighborhoods[p.Query.Key()], nil
}

// NeighborhoodOneStatement is the traversal of Neighborhoods for one centre $id compiled
// into ONE statement: each level a CALL subquery over the previous one (as the peer sends
// its neighbourhood), the same nodes, then the edges among them. Rows: distance, n (the
// node's projection), edges, eid (its element id). Neighborhoods does not use it: it is the
// alternative bench/querybench's floor measures against the level-by-level statements
// (BENCHMARKS.md, "Why the neighbourhood stays level by level"). Parameters: $id and
// NeighborhoodParams(q).
func NeighborhoodOneStatement(q factgraph.NeighborhoodQuery) string {
	ts := types(q.RelationTypes)
	level := func(k int) string {
		if k == 1 {
			return `
			CALL (c) {
			  MATCH (c)` + arrow(q.Direction, "r", ts) + `(n)
			  WHERE ` + filters(q, "r", "n") + `
			  WITH DISTINCT n
			  WITH n, ` + fmt.Sprintf(degreeOf, "n") + ` AS degree ORDER BY degree DESC, n.id LIMIT $limit
			  RETURN collect(n) AS l1
			}
			WITH c, l1, [c] + l1 AS seen`
		}
		prev, cur := fmt.Sprintf("l%d", k-1), fmt.Sprintf("l%d", k)
		// The level's share of the limit, as Neighborhoods computes it ($limit + 1 - seen,
		// never negative: every earlier level was cut to it).
		return `
			CALL (seen, ` + prev + `) {
			  UNWIND ` + prev + ` AS f
			  MATCH (f)` + arrow(q.Direction, "r", ts) + `(n)
			  WHERE ` + filters(q, "r", "n") + ` AND NOT n IN seen
			  WITH DISTINCT n
			  WITH n, ` + fmt.Sprintf(degreeOf, "n") + ` AS degree ORDER BY degree DESC, n.id LIMIT $limit
			  RETURN collect(n) AS found
			}
			WITH c, ` + strings.Join(levelNames(k-1), ", ") + `, seen, found[0..($limit + 1 - size(seen))] AS ` + cur + `
			WITH c, ` + strings.Join(levelNames(k), ", ") + `, seen + ` + cur + ` AS seen`
	}
	var b strings.Builder
	b.WriteString(`
			MATCH (c:Entity {id: $id})`)
	for k := 1; k <= q.Depth; k++ {
		b.WriteString(level(k))
	}
	// distance: 0 for the centre, k for the nodes of level k.
	dist := "CASE WHEN i = 0 THEN 0"
	sum := "0"
	for k := 1; k <= q.Depth; k++ {
		sum += fmt.Sprintf(" + size(l%d)", k)
		dist += fmt.Sprintf(" WHEN i <= %s THEN %d", sum, k)
	}
	dist += " END"
	b.WriteString(`
			UNWIND range(0, size(seen) - 1) AS i
			WITH seen, seen[i] AS a, ` + dist + ` AS distance
			CALL (a, seen) {
			  MATCH (a)-[r:` + ts + `]->(b)
			  WHERE b IN seen AND ` + filters(q, "r", "") + `
			  RETURN collect(` + edgeProj("r") + `) AS edges
			}
			RETURN distance, ` + nodeProj("a") + ` AS n, edges, elementId(a) AS eid`)
	return b.String()
}

// levelNames are l1 ... lk.
func levelNames(k int) []string {
	ns := make([]string, k)
	for i := range ns {
		ns[i] = fmt.Sprintf("l%d", i+1)
	}
	return ns
}
