package main

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

// The floor: the statements factgraph sends for each workload, built by graph/ itself
// (graph.EntityStatement, graph.SearchStatement, graph.NeighborhoodStatements, ...) and
// mapped by its own record mapping (graph.CardsFrom), sent straight through the Go driver
// the way factgraph sends them (a single statement through neo4j.ExecuteQuery; the
// neighbourhood's levels in one read transaction), with no HTTP or GraphQL in between.

// cypherPath is the shortest path's statement (graph/paths.go: Paths with First 1).
var cypherPath = fmt.Sprintf(`
		MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = SHORTEST %d GROUPS %s
		WITH p ORDER BY length(p), [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT %d
		RETURN p, [n IN nodes(p) | `+graph.NodeProjection("n")+`] AS ns`, 1, fmt.Sprintf(`(a)-[:%s]-{1,%d}(b)`, graph.Traversable, pathHops), 1)

// floor is the raw-driver client.
type floor struct {
	driver neo4j.DriverWithContext
}

func newFloor(ctx context.Context, uri, user, password string) (*floor, error) {
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, password, ""), func(c *config.Config) {
		c.MaxConnectionPoolSize = 100 // as factgraph's
		c.ConnectionAcquisitionTimeout = 10 * time.Second
	})
	if err != nil {
		return nil, err
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		return nil, err
	}
	return &floor{driver: d}, nil
}

// query runs one statement as graph.DB does: neo4j.ExecuteQuery in read routing.
func (f *floor) query(ctx context.Context, st graph.Statement) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, f.driver, st.Cypher, st.Params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("neo4j"), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// cards runs an entity statement and maps its rows as factgraph does.
func (f *floor) cards(ctx context.Context, st graph.Statement, v factgraph.EntityView) ([]*factgraph.Entity, error) {
	recs, err := f.query(ctx, st)
	if err != nil {
		return nil, err
	}
	return graph.CardsFrom(recs, v)
}

// read runs work in one managed read transaction.
func (f *floor) read(ctx context.Context, work func(tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	s := f.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead, DatabaseName: "neo4j"})
	defer s.Close(context.WithoutCancel(ctx))
	// The driver cannot carry a nil interface out of a transaction; a struct does.
	type box struct{ v any }
	b, err := neo4j.ExecuteRead(ctx, s, func(tx neo4j.ManagedTransaction) (box, error) {
		v, err := work(tx)
		return box{v}, err
	})
	return b.v, err
}

func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, p map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, p)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// entity is graph.DB.Entity's statement (no parts) inside a transaction; nil if none.
func (f *floor) entity(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*factgraph.Entity, error) {
	st := graph.EntityStatement(id, factgraph.EntityView{})
	recs, err := collect(ctx, tx, st.Cypher, st.Params)
	if err != nil {
		return nil, err
	}
	es, err := graph.CardsFrom(recs, factgraph.EntityView{})
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return es[0], nil
}

// view validates a view built by a workload (filling in defaults, as the API's do).
func view(v factgraph.EntityView) factgraph.EntityView {
	if err := v.Validate(); err != nil {
		panic(err) // the workloads' sizes are constants within the limits
	}
	return v
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }
