package graph

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// traversable is the relationship-type alternation of every edge a traversal may follow:
// the relation types between entities and the role edges of events. Built from the
// allow-lists, never from input.
var traversable = strings.Join(append(append([]string{}, factgraph.RelationTypes...), factgraph.Roles...), "|")

// Traversable is traversable, for bench/querybench and the external tests.
var Traversable = traversable

// NodeProjection is the projection of an entity or an event bound to v, as the reads
// that return both map it.
func NodeProjection(v string) string { return nodeProj(v) }

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

// phrase is a Lucene phrase query on the folded names; folded keys hold only letters,
// digits and spaces, so they are safe inside quotes.
func phrase(s string) string {
	k := factgraph.NormalizeName(s)
	if k == "" {
		k = "-"
	}
	return `names:"` + k + `"`
}
