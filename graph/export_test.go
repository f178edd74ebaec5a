package graph

import (
	"context"

	"github.com/factgraph/factgraph"
)

// For the external tests: the degree shortcut of the neighbourhood queries and the typed
// count it stands for.
var DegreeOf, Traversable = degreeOf, traversable

// PathsByCypher is Cypher's SHORTEST k GROUPS for the query between the entities with
// the ids: the reference the bounded search must agree with.
func (db *DB) PathsByCypher(ctx context.Context, q factgraph.PathQuery) ([]factgraph.Path, error) {
	return db.longerPaths(ctx, q, q.From, q.To)
}
