package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// For the external tests: the degree shortcut of the neighbourhood queries and the typed
// count it stands for.
var DegreeOf = degreeOf

// PathsByCypher is Cypher's SHORTEST k GROUPS for the query between the entities with
// the ids: the reference the bounded search must agree with.
func (db *DB) PathsByCypher(ctx context.Context, q factgraph.PathQuery) ([]factgraph.Path, error) {
	return db.longerPaths(ctx, q, q.From, q.To)
}

// ConnectionsByCypher is the ALL SHORTEST statement Connections ran before the bounded
// search: the reference it must agree with. ids must be entity ids.
func (db *DB) ConnectionsByCypher(ctx context.Context, ids []string, maxHops int) (*factgraph.Subgraph, error) {
	var pairs [][]string
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			pairs = append(pairs, []string{ids[i], ids[j]})
		}
	}
	cypher := fmt.Sprintf(`
		UNWIND $pairs AS pair
		MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
		OPTIONAL CALL (a, b) {
		  MATCH p = ALL SHORTEST (a)-[:%s]-{1,%d}(b)
		  RETURN p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)], [r IN relationships(p) | startNode(r).id] LIMIT 1
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
		for _, id := range ids {
			given[id] = true
		}
		return mergePaths(paths, given), nil
	})
}

// NeighborhoodByOneStatement runs NeighborhoodOneStatement (the alternative the benchmark
// measures) for one entity id, mapped as Neighborhoods maps its rows, without evidence.
func (db *DB) NeighborhoodByOneStatement(ctx context.Context, id string, q factgraph.NeighborhoodQuery) (*factgraph.Subgraph, error) {
	p := neighborhoodParams(q)
	p["id"] = id
	return read(ctx, db, "neighborhood", func(tx neo4j.ManagedTransaction) (*factgraph.Subgraph, error) {
		recs, err := run(ctx, tx, NeighborhoodOneStatement(q), p)
		if err != nil {
			return nil, err
		}
		dist := map[string]int{}
		for _, r := range recs {
			eid, err := get[string](r, "eid")
			if err != nil {
				return nil, err
			}
			d, err := get[int64](r, "distance")
			if err != nil {
				return nil, err
			}
			dist[eid] = int(d)
		}
		sg, _, err := subgraphFrom(recs, dist)
		return sg, err
	})
}
