package graph

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// Paths returns simple paths between two entities (by id or name), shortest first,
// through relations and events, ties in the order of the ids along the path, then of
// the relationship types. The shortest ones come from the bounded bidirectional search
// of pathsearch.go; only when more paths are asked for than there are shortest ones do
// the longer ones come from Cypher's SHORTEST k GROUPS, under a transaction timeout of
// Config.PathTimeout. Errors: ENOTFOUND, ELIMIT (budget or timeout reached, named in
// the message), EINVALID, EUNAVAILABLE.
func (db *DB) Paths(ctx context.Context, q factgraph.PathQuery) ([]factgraph.Path, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	// The ends are resolved in the same transaction as the search.
	type found struct {
		paths    []factgraph.Path
		from, to string
		short    bool // fewer shortest paths than asked for
	}
	f, err := read(ctx, db, "paths", func(tx neo4j.ManagedTransaction) (found, error) {
		s := db.newSearch(types(q.RelationTypes), q.ExcludeKinds, q.MaxHops)
		a, b, err := s.resolve(ctx, tx, q.From, q.To)
		if err != nil {
			return found{}, err
		}
		dps, err := s.shortest(ctx, tx, a, b, q.First)
		if err != nil {
			return found{}, err
		}
		// No path at all within maxHops means no longer path either.
		if len(dps) == 0 {
			return found{}, nil
		}
		if len(dps) < q.First {
			return found{from: a.id, to: b.id, short: true}, nil
		}
		ps, err := loadPaths(ctx, tx, dps)
		if err != nil {
			return found{}, err
		}
		ps, err = withEvidence(ctx, tx, ps, !q.NoEvidence)
		return found{paths: ps}, err
	})
	if err != nil || !f.short {
		return f.paths, err
	}
	return db.longerPaths(ctx, q, f.from, f.to)
}

// resolve finds the two ends of a search, by id in the statement that reads their
// degrees; an end given by name or alias is resolved first (entityIn), then read by its
// id. Errors: ENOTFOUND, EINVALID when both are the same entity.
func (s *pathSearch) resolve(ctx context.Context, tx neo4j.ManagedTransaction, from, to string) (end, end, error) {
	read := func(from, to string) ([]*neo4j.Record, error) {
		return run(ctx, tx, `OPTIONAL MATCH (a:Entity {id: $from}) OPTIONAL MATCH (b:Entity {id: $to})
			RETURN CASE WHEN a IS NULL THEN null ELSE `+s.ends("a")+` END,
			       CASE WHEN b IS NULL THEN null ELSE `+s.ends("b")+` END`,
			map[string]any{"from": from, "to": to})
	}
	recs, err := read(from, to)
	if err != nil {
		return end{}, end{}, err
	}
	if len(recs) != 1 {
		return end{}, end{}, fmt.Errorf("path ends: %d records", len(recs))
	}
	if recs[0].Values[0] == nil || recs[0].Values[1] == nil {
		// Not both ids: resolve names and aliases, then read again.
		ids := [2]string{from, to}
		for i, v := range recs[0].Values[:2] {
			if v != nil {
				continue
			}
			e, err := entityIn(ctx, tx, ids[i])
			if err != nil {
				return end{}, end{}, err
			}
			if e == nil {
				return end{}, end{}, factgraph.Errorf(factgraph.ENOTFOUND, "no entity with id or name %q", ids[i])
			}
			ids[i] = e.ID
		}
		if recs, err = read(ids[0], ids[1]); err != nil {
			return end{}, end{}, err
		}
		if len(recs) != 1 || recs[0].Values[0] == nil || recs[0].Values[1] == nil {
			return end{}, end{}, factgraph.Errorf(factgraph.ENOTFOUND, "entity %q or %q is gone", ids[0], ids[1])
		}
	}
	a, err := endFrom(recs[0].Values[0])
	if err != nil {
		return end{}, end{}, err
	}
	b, err := endFrom(recs[0].Values[1])
	if err != nil {
		return end{}, end{}, err
	}
	if a.node == b.node {
		return end{}, end{}, &factgraph.Error{Code: factgraph.EINVALID, Field: "to", Message: "from and to are the same entity"}
	}
	return a, b, nil
}

// newSearch is a path search with the configured budget.
func (db *DB) newSearch(ts string, exclude []string, maxHops int) *pathSearch {
	budget := int64(db.cfg.PathBudget)
	if budget <= 0 {
		budget = DefaultPathBudget
	}
	return &pathSearch{ts: ts, exclude: exclude, maxHops: maxHops, budget: budget, total: budget}
}

// longerPaths is Cypher's SHORTEST k GROUPS: the k shortest lengths, all paths of those
// lengths that are simple (SHORTEST finds trails, which may pass a node twice), then the
// first k in a stable order (by length, then by the ids along the path), in a
// transaction of at most Config.PathTimeout.
func (db *DB) longerPaths(ctx context.Context, q factgraph.PathQuery, from, to string) ([]factgraph.Path, error) {
	// Excluded kinds (allow-listed by Validate) may not be passed through; the ends may be anything.
	ts := types(q.RelationTypes)
	pattern := fmt.Sprintf(`(a)-[:%s]-{1,%d}(b)`, ts, q.MaxHops)
	if len(q.ExcludeKinds) > 0 {
		pattern = fmt.Sprintf(`(a)((s)-[:%s]-(x:!%s)){0,%d}(y)-[:%s]-(b)`, ts, strings.Join(q.ExcludeKinds, "&!"), q.MaxHops-1, ts)
	}
	cypher := fmt.Sprintf(`
		MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = SHORTEST %d GROUPS %s
		WITH p WHERE all(n IN nodes(p) WHERE size([m IN nodes(p) WHERE m = n]) = 1)
		WITH p ORDER BY length(p), [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)], [r IN relationships(p) | startNode(r).id] LIMIT %d
		RETURN p, [n IN nodes(p) | `+nodeProj("n")+`] AS ns`, q.First, pattern, q.First)
	timeout := db.cfg.PathTimeout
	if timeout <= 0 {
		timeout = DefaultPathTimeout
	}
	ps, err := readWithin(ctx, db, "paths_longer", timeout, func(tx neo4j.ManagedTransaction) ([]factgraph.Path, error) {
		recs, err := run(ctx, tx, cypher, map[string]any{"from": from, "to": to})
		if err != nil {
			return nil, err
		}
		return pathsFrom(ctx, tx, recs, !q.NoEvidence)
	})
	if factgraph.ErrorCode(err) == factgraph.ELIMIT && ctx.Err() == nil {
		return nil, &factgraph.Error{Code: factgraph.ELIMIT, Field: "first", Message: fmt.Sprintf(
			"there are fewer than %d shortest paths, and the search for longer ones reached its time budget of %v "+
				"(FACTGRAPH_PATH_TIMEOUT): ask for fewer paths or fewer maxHops", q.First, timeout), Err: err}
	}
	return ps, err
}

// DefaultPathTimeout bounds the search for paths longer than the shortest when
// Config.PathTimeout is 0.
const DefaultPathTimeout = 10 * time.Second

// readWithin is read with a transaction timeout of its own.
func readWithin[T any](ctx context.Context, db *DB, op string, timeout time.Duration, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return guarded(ctx, db, op, func(ctx context.Context) (T, error) {
		s := db.session(ctx, neo4j.AccessModeRead)
		defer s.Close(context.WithoutCancel(ctx))
		return neo4j.ExecuteRead(ctx, s, work, neo4j.WithTxTimeout(timeout))
	})
}

// pathsFrom maps path records, with the evidence of their edges and events if evidence.
func pathsFrom(ctx context.Context, tx neo4j.ManagedTransaction, recs []*neo4j.Record, evidence bool) ([]factgraph.Path, error) {
	var out []factgraph.Path
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
	return withEvidence(ctx, tx, out, evidence)
}

// withEvidence fills in the evidence of the paths' edges and events if evidence.
func withEvidence(ctx context.Context, tx neo4j.ManagedTransaction, out []factgraph.Path, evidence bool) ([]factgraph.Path, error) {
	if !evidence || len(out) == 0 {
		return out, nil
	}
	var edges []*factgraph.Edge
	var events []*factgraph.Event
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
// entities (the first in the order of ids, then types, as Paths orders them), found by
// the bounded search under one budget for the request. Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
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
	// Each pair's first shortest path (in the order of ids, then types) by the bounded
	// search, all pairs in one transaction under one budget.
	return read(ctx, db, "connections", func(tx neo4j.ManagedTransaction) (*factgraph.Subgraph, error) {
		s := db.newSearch(traversable, nil, maxHops)
		recs, err := run(ctx, tx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN `+s.ends("e"), map[string]any{"ids": resolved})
		if err != nil {
			return nil, err
		}
		ends := map[string]end{}
		for _, r := range recs {
			e, err := endFrom(r.Values[0])
			if err != nil {
				return nil, err
			}
			ends[e.id] = e
		}
		var dps []dagPath
		for _, pr := range pairs {
			a, okA := ends[pr[0]]
			b, okB := ends[pr[1]]
			if !okA || !okB {
				return nil, factgraph.Errorf(factgraph.ENOTFOUND, "entity %q or %q is gone", pr[0], pr[1])
			}
			found, err := s.shortest(ctx, tx, a, b, 1)
			if err != nil {
				return nil, err
			}
			dps = append(dps, found...)
		}
		var paths []factgraph.Path
		if len(dps) > 0 {
			if paths, err = loadPaths(ctx, tx, dps); err != nil {
				return nil, err
			}
		}
		if paths, err = withEvidence(ctx, tx, paths, true); err != nil {
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
