package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// Paths returns simple paths between two entities (by id or name), shortest first,
// through relations and events. Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Paths(ctx context.Context, q factgraph.PathQuery) ([]factgraph.Path, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	// Excluded kinds (allow-listed by Validate) may not be passed through; the ends may be anything.
	ts := types(q.RelationTypes)
	pattern := fmt.Sprintf(`(a)-[:%s]-{1,%d}(b)`, ts, q.MaxHops)
	if len(q.ExcludeKinds) > 0 {
		pattern = fmt.Sprintf(`(a)((s)-[:%s]-(x:!%s)){0,%d}(y)-[:%s]-(b)`, ts, strings.Join(q.ExcludeKinds, "&!"), q.MaxHops-1, ts)
	}
	// The k shortest lengths, all paths of those lengths, then the first k in a stable
	// order (by length, then by the ids along the path): ties never flip between runs.
	cypher := fmt.Sprintf(`
		MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = SHORTEST %d GROUPS %s
		WITH p ORDER BY length(p), [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT %d
		RETURN p, [n IN nodes(p) | `+nodeProj("n")+`] AS ns`, q.First, pattern, q.First)
	// The ends are resolved in the same transaction as the paths (one round of BEGIN and
	// COMMIT instead of three).
	return read(ctx, db, "paths", func(tx neo4j.ManagedTransaction) ([]factgraph.Path, error) {
		var ends [2]*factgraph.Entity
		for i, id := range []string{q.From, q.To} {
			e, err := entityIn(ctx, tx, id)
			if err != nil {
				return nil, err
			}
			if e == nil {
				return nil, factgraph.Errorf(factgraph.ENOTFOUND, "no entity with id or name %q", id)
			}
			ends[i] = e
		}
		from, to := ends[0], ends[1]
		if from.ID == to.ID {
			return nil, &factgraph.Error{Code: factgraph.EINVALID, Field: "to", Message: "from and to are the same entity"}
		}
		recs, err := run(ctx, tx, cypher, map[string]any{"from": from.ID, "to": to.ID})
		if err != nil {
			return nil, err
		}
		return pathsFrom(ctx, tx, recs, !q.NoEvidence)
	})
}

// pathsFrom maps path records, with the evidence of their edges and events if evidence.
func pathsFrom(ctx context.Context, tx neo4j.ManagedTransaction, recs []*neo4j.Record, evidence bool) ([]factgraph.Path, error) {
	var out []factgraph.Path
	var edges []*factgraph.Edge
	var events []*factgraph.Event
	for _, r := range recs {
		p, ok := r.Values[0].(neo4j.Path)
		if !ok {
			continue // no path (OPTIONAL MATCH)
		}
		path, err := pathFrom(p, asList(r.Values[1]))
		if err != nil {
			return nil, err
		}
		out = append(out, path)
	}
	if !evidence {
		return out, nil
	}
	for i := range out {
		edges = append(edges, edgePtrs(out[i].Edges)...)
		for _, n := range out[i].Nodes {
			if ev, ok := n.(*factgraph.Event); ok {
				events = append(events, ev)
			}
		}
	}
	return out, fillEvidence(ctx, tx, edges, events)
}

// Connections returns the subgraph made of a shortest path between each pair of the
// entities. Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Connections(ctx context.Context, ids []string, maxHops int) (*factgraph.Subgraph, error) {
	if len(ids) < 2 || len(ids) > factgraph.MaxConnectionIDs {
		return nil, &factgraph.Error{Code: factgraph.ELIMIT, Field: "ids", Message: fmt.Sprintf("give between 2 and %d entities, got %d", factgraph.MaxConnectionIDs, len(ids))}
	}
	if maxHops < 1 || maxHops > factgraph.MaxConnectionHops {
		return nil, &factgraph.Error{Code: factgraph.ELIMIT, Field: "maxHops", Message: fmt.Sprintf("must be between 1 and %d, got %d", factgraph.MaxConnectionHops, maxHops)}
	}
	var resolved []string
	for _, id := range ids {
		e, err := db.Entity(ctx, id, factgraph.EntityView{})
		if err != nil {
			return nil, err
		}
		resolved = append(resolved, e.ID)
	}
	var pairs [][]string
	for i := range resolved {
		for j := i + 1; j < len(resolved); j++ {
			if resolved[i] != resolved[j] {
				pairs = append(pairs, []string{resolved[i], resolved[j]})
			}
		}
	}
	cypher := fmt.Sprintf(`
		UNWIND $pairs AS pair
		MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
		OPTIONAL CALL (a, b) {
		  MATCH p = ALL SHORTEST (a)-[:%s]-{1,%d}(b)
		  RETURN p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT 1
		}
		RETURN p, [n IN nodes(p) | `+nodeProj("n")+`] AS ns`, traversable, maxHops)
	return read(ctx, db, "connections", func(tx neo4j.ManagedTransaction) (*factgraph.Subgraph, error) {
		recs, err := run(ctx, tx, cypher, map[string]any{"pairs": pairs})
		if err != nil {
			return nil, err
		}
		paths, err := pathsFrom(ctx, tx, recs, true)
		if err != nil {
			return nil, err
		}
		given := map[string]bool{}
		for _, id := range resolved {
			given[id] = true
		}
		return mergePaths(paths, given), nil
	})
}

// mergePaths unions paths into a subgraph; a node's distance is its hops from the
// nearest end of a path it lies on (0 for the given entities).
func mergePaths(paths []factgraph.Path, given map[string]bool) *factgraph.Subgraph {
	sg := &factgraph.Subgraph{}
	dist := map[string]int{}
	nodes := map[string]factgraph.Node{}
	edges := map[string]factgraph.Edge{}
	for _, p := range paths {
		for i, n := range p.Nodes {
			id := n.NodeID()
			d := min(i, len(p.Nodes)-1-i)
			if given[id] {
				d = 0
			}
			if old, ok := dist[id]; !ok || d < old {
				dist[id] = d
			}
			nodes[id] = n
		}
		for _, e := range p.Edges {
			edges[e.ID] = e
		}
	}
	for id, n := range nodes {
		sn := factgraph.SubgraphNode{Distance: dist[id]}
		switch v := n.(type) {
		case *factgraph.Entity:
			sn.Entity = v
		case *factgraph.Event:
			sn.Event = v
		}
		sg.Nodes = append(sg.Nodes, sn)
	}
	for _, e := range edges {
		sg.Edges = append(sg.Edges, e)
	}
	sortSubgraph(sg)
	return sg
}

// SupplyChain returns the SUPPLIES chains ending at the recipient or starting at the
// supplier, shortest first (at most 200). Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) SupplyChain(ctx context.Context, q factgraph.SupplyQuery) (*factgraph.SupplyChain, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	id, pattern := q.Recipient, `(s:Entity)-[:SUPPLIES]->{1,%d}(c)`
	if q.Supplier != "" {
		id, pattern = q.Supplier, `(c)-[:SUPPLIES]->{1,%d}(s:Entity)`
	}
	e, err := db.Entity(ctx, id, factgraph.EntityView{})
	if err != nil {
		return nil, err
	}
	cypher := `MATCH (c:Entity {id: $id}) MATCH p = ` + fmt.Sprintf(pattern, q.MaxHops) + `
		WHERE s <> c WITH p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT 200
		RETURN p, [n IN nodes(p) | ` + nodeProj("n") + `] AS ns`
	return read(ctx, db, "supply_chain", func(tx neo4j.ManagedTransaction) (*factgraph.SupplyChain, error) {
		recs, err := run(ctx, tx, cypher, map[string]any{"id": e.ID})
		if err != nil {
			return nil, err
		}
		paths, err := pathsFrom(ctx, tx, recs, true)
		if err != nil {
			return nil, err
		}
		return &factgraph.SupplyChain{Subgraph: *mergePaths(paths, map[string]bool{e.ID: true}), Paths: paths}, nil
	})
}
