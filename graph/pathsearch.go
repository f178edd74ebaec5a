package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// DefaultPathBudget is how many relationships one path request may expand, both ends'
// searches together, when Config.PathBudget is 0.
const DefaultPathBudget = 200_000

// The shortest-path search.
//
// Cypher's SHORTEST k GROUPS between two hubs enumerates every shortest path before the
// ORDER BY can pick the first: two hubs joined by a few hundred thousand paths of length
// 4 take 10-30 s. pathSearch instead runs a bidirectional breadth-first search, one
// Cypher statement per level in one read transaction: each level expands the end whose
// frontier has fewer relationships (counted first, from the stored degrees), so a hub
// is crossed once rather than walked around, and the search stops at the first level
// where the two sides meet. Every relationship it expands counts against a budget; the
// level that would overrun it is not run and the request fails with ELIMIT naming the
// budget. The layers of the two sides, pruned to the nodes that lie on a shortest path,
// form a DAG whose paths are exactly the shortest paths; walking it in order of node id
// (then relationship type) yields them in the order of Cypher's
// ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)], without ever
// listing the ones after the first k.

// hop is one relationship seen from the node that reached its other end.
type hop struct {
	node string // element id of the node one level nearer the side's end
	typ  string // relationship type
}

// searchSide is one end's breadth-first search.
type searchSide struct {
	end      string           // element id of this side's end
	depth    map[string]int   // element id -> distance from this end
	via      map[string][]hop // element id -> its hops to the previous level (toward this end)
	frontier []string         // the nodes at distance level
	level    int
	degree   int64 // relationships of the frontier to expand, -1 until counted
}

func newSide(end string) *searchSide {
	return &searchSide{end: end, depth: map[string]int{end: 0}, via: map[string][]hop{}, frontier: []string{end}, degree: -1}
}

// pathSearch is the search of one request between two entities.
type pathSearch struct {
	ts       string   // relationship-type alternation (allow-listed)
	exclude  []string // entity kinds no intermediate node may have (allow-listed)
	maxHops  int
	budget   int64 // relationships left to expand
	total    int64 // the configured budget, for the message
	expanded int64
}

// errBudget is the ELIMIT of a search that would overrun its budget.
func (s *pathSearch) errBudget() error {
	return &factgraph.Error{Code: factgraph.ELIMIT, Field: "maxHops", Message: fmt.Sprintf(
		"the path search reached its budget of %d relationships expanded (FACTGRAPH_PATH_BUDGET) before the ends met: "+
			"these entities are hubs; ask for fewer maxHops or narrower relationTypes", s.total)}
}

// shortest returns the first k shortest paths between the nodes with element ids a and
// b, as node and type sequences, in the Cypher order; nil if none within maxHops. It
// returns fewer than k when there are fewer shortest paths.
func (s *pathSearch) shortest(ctx context.Context, tx neo4j.ManagedTransaction, a, b string, k int) ([]dagPath, error) {
	sa, sb := newSide(a), newSide(b)
	for sa.level+sb.level < s.maxHops {
		if len(sa.frontier) == 0 || len(sb.frontier) == 0 {
			return nil, nil
		}
		if err := s.count(ctx, tx, sa, sb); err != nil {
			return nil, err
		}
		side, other := sa, sb
		if sb.degree < sa.degree {
			side, other = sb, sa
		}
		if side.degree > s.budget {
			return nil, s.errBudget()
		}
		meet, err := s.expand(ctx, tx, side, other)
		if err != nil {
			return nil, err
		}
		if len(meet) > 0 {
			return s.walk(ctx, tx, sa, sb, meet, a, b, k)
		}
	}
	return nil, nil
}

// count fills in the frontier degrees not yet known, in one statement.
func (s *pathSearch) count(ctx context.Context, tx neo4j.ManagedTransaction, sides ...*searchSide) error {
	var lists []any
	var need []*searchSide
	for _, sd := range sides {
		if sd.degree < 0 {
			lists = append(lists, sd.frontier)
			need = append(need, sd)
		}
	}
	if len(need) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, fmt.Sprintf(`
		UNWIND range(0, size($lists) - 1) AS i
		CALL (i) {
		  UNWIND $lists[i] AS x
		  MATCH (n) WHERE elementId(n) = x
		  RETURN sum(COUNT { (n)-[:%s]-() }) AS d
		}
		RETURN i, d ORDER BY i`, s.ts), map[string]any{"lists": lists})
	if err != nil {
		return err
	}
	if len(recs) != len(need) {
		return fmt.Errorf("frontier degrees: %d lists, %d answers", len(need), len(recs))
	}
	for i, r := range recs {
		d, ok := r.Values[1].(int64)
		if !ok {
			return fmt.Errorf("frontier degree: want integer, got %T", r.Values[1])
		}
		need[i].degree = d
	}
	return nil
}

// expand moves side one level out and returns the nodes of the new level that the
// other side has reached (the meeting nodes of the shortest paths), if any.
func (s *pathSearch) expand(ctx context.Context, tx neo4j.ManagedTransaction, side, other *searchSide) ([]string, error) {
	excluded := "false"
	if len(s.exclude) > 0 {
		excluded = "m:" + strings.Join(s.exclude, "|")
	}
	// At the last level maxHops allows, only the nodes that meet the other side matter
	// (those of its frontier: earlier levels were checked when they were reached), so
	// the database keeps only those rows instead of sending every neighbour.
	last := ""
	params := map[string]any{"frontier": side.frontier}
	if side.level+other.level+1 == s.maxHops {
		last = "WHERE elementId(m) IN $targets"
		params["targets"] = other.frontier
	}
	recs, err := run(ctx, tx, fmt.Sprintf(`
		UNWIND range(0, size($frontier) - 1) AS i
		MATCH (n) WHERE elementId(n) = $frontier[i]
		MATCH (n)-[r:%s]-(m) %s
		RETURN i, type(r), elementId(m), %s`, s.ts, last, excluded), params)
	if err != nil {
		return nil, err
	}
	s.budget -= side.degree
	s.expanded += side.degree
	next := side.level + 1
	otherEnd := other.end
	var frontier []string
	seen := map[hop]bool{}
	for _, r := range recs {
		i, ok1 := r.Values[0].(int64)
		typ, ok2 := r.Values[1].(string)
		m, ok3 := r.Values[2].(string)
		excl, ok4 := r.Values[3].(bool)
		if !ok1 || !ok2 || !ok3 || !ok4 || i < 0 || int(i) >= len(side.frontier) {
			return nil, fmt.Errorf("path search: unexpected row %v", r.Values)
		}
		if excl && m != otherEnd {
			continue // an excluded kind may only end a path
		}
		d, known := side.depth[m]
		if known && d < next {
			continue
		}
		if !known {
			side.depth[m] = next
			frontier = append(frontier, m)
		}
		// Parallel relationships of one type between two nodes make paths with the same
		// ids and types: one is enough.
		h := hop{node: side.frontier[i], typ: typ}
		if key := (hop{node: m + "\x00" + h.node, typ: typ}); !seen[key] {
			seen[key] = true
			side.via[m] = append(side.via[m], h)
		}
	}
	side.frontier, side.level, side.degree = frontier, next, -1
	// A node of the new level that the other side reached: the shortest length is the
	// smallest sum of the two depths (earlier levels never met, or the search would have
	// stopped there).
	best := -1
	var meet []string
	for _, m := range frontier {
		d, ok := other.depth[m]
		if !ok {
			continue
		}
		switch {
		case best < 0 || d < best:
			best, meet = d, []string{m}
		case d == best:
			meet = append(meet, m)
		}
	}
	return meet, nil
}

// dagPath is a shortest path as its nodes' element ids and its relationship types.
type dagPath struct {
	nodes []string
	types []string
}

// walk builds the DAG of shortest paths through the meeting nodes and lists its first
// k paths from a to b in the Cypher order.
func (s *pathSearch) walk(ctx context.Context, tx neo4j.ManagedTransaction, sa, sb *searchSide, meet []string, a, b string, k int) ([]dagPath, error) {
	// next[x]: the hops from x one step nearer b on a shortest path.
	next := map[string][]hop{}
	inDAG := map[string]bool{}
	// Toward a: the a-side's hops back from the meeting nodes, level by level.
	layer := meet
	for _, m := range meet {
		inDAG[m] = true
	}
	for len(layer) > 0 {
		var prev []string
		for _, y := range layer {
			for _, h := range sa.via[y] {
				next[h.node] = append(next[h.node], hop{node: y, typ: h.typ})
				if !inDAG[h.node] {
					inDAG[h.node] = true
					prev = append(prev, h.node)
				}
			}
		}
		layer = prev
	}
	// Toward b: the b-side's hops, which already point nearer b.
	layer = meet
	for len(layer) > 0 {
		var nxt []string
		for _, x := range layer {
			for _, h := range sb.via[x] {
				next[x] = append(next[x], h)
				if !inDAG[h.node] {
					inDAG[h.node] = true
					nxt = append(nxt, h.node)
				}
			}
		}
		layer = nxt
	}
	// The ids of the DAG's nodes, to order the walk as Cypher orders the paths.
	eids := make([]string, 0, len(inDAG))
	for x := range inDAG {
		eids = append(eids, x)
	}
	recs, err := run(ctx, tx, `UNWIND $eids AS x MATCH (n) WHERE elementId(n) = x RETURN x, n.id`, map[string]any{"eids": eids})
	if err != nil {
		return nil, err
	}
	id := map[string]string{}
	for _, r := range recs {
		x, ok1 := r.Values[0].(string)
		v, ok2 := r.Values[1].(string)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("path search: node without an id: %v", r.Values)
		}
		id[x] = v
	}
	for x, hs := range next {
		slices.SortFunc(hs, func(p, q hop) int {
			return cmp.Or(strings.Compare(id[p.node], id[q.node]), strings.Compare(p.node, q.node), strings.Compare(p.typ, q.typ))
		})
		next[x] = hs
	}
	// Depth first in id order: node sequences come out in lexicographic order; the type
	// sequences of one node sequence (parallel relationships of different types) follow
	// in lexicographic order too.
	var out []dagPath
	nodes := []string{a}
	var dfs func(x string) bool
	dfs = func(x string) bool {
		if x == b {
			out = append(out, typeProducts(nodes, next, k-len(out))...)
			return len(out) >= k
		}
		hs := next[x]
		for i := 0; i < len(hs); i++ {
			if i > 0 && hs[i].node == hs[i-1].node {
				continue // the same node by another type: typeProducts lists those
			}
			nodes = append(nodes, hs[i].node)
			done := dfs(hs[i].node)
			nodes = nodes[:len(nodes)-1]
			if done {
				return true
			}
		}
		return false
	}
	dfs(a)
	return out, nil
}

// typeProducts lists, in lexicographic order, at most k type sequences along the node
// sequence (one per combination of parallel relationship types).
func typeProducts(nodes []string, next map[string][]hop, k int) []dagPath {
	options := make([][]string, len(nodes)-1)
	for i := 0; i+1 < len(nodes); i++ {
		for _, h := range next[nodes[i]] {
			if h.node == nodes[i+1] && !slices.Contains(options[i], h.typ) {
				options[i] = append(options[i], h.typ)
			}
		}
	}
	var out []dagPath
	types := make([]string, len(options))
	var rec func(i int) bool
	rec = func(i int) bool {
		if i == len(options) {
			out = append(out, dagPath{nodes: slices.Clone(nodes), types: slices.Clone(types)})
			return len(out) >= k
		}
		for _, t := range options[i] {
			types[i] = t
			if rec(i + 1) {
				return true
			}
		}
		return false
	}
	rec(0)
	return out
}

// loadPaths reads the nodes and relationships of DAG paths as factgraph paths: one
// statement for all of them. Of parallel relationships of one type the one with the
// smallest element id is taken.
func loadPaths(ctx context.Context, tx neo4j.ManagedTransaction, ps []dagPath) ([]factgraph.Path, error) {
	var nodes []string
	seen := map[string]bool{}
	type pair struct{ x, y, t string }
	var hops []any
	seenHop := map[pair]bool{}
	for _, p := range ps {
		for i, x := range p.nodes {
			if !seen[x] {
				seen[x] = true
				nodes = append(nodes, x)
			}
			if i > 0 {
				h := pair{p.nodes[i-1], x, p.types[i-1]}
				if !seenHop[h] {
					seenHop[h] = true
					hops = append(hops, []any{h.x, h.y, h.t})
				}
			}
		}
	}
	recs, err := run(ctx, tx, `
		CALL () {
		  UNWIND $nodes AS eid MATCH (n) WHERE elementId(n) = eid
		  RETURN collect([eid, `+nodeProj("n")+`]) AS ns
		}
		CALL () {
		  UNWIND $hops AS h
		  CALL (h) {
		    MATCH (s)-[r]-(t) WHERE elementId(s) = h[0] AND elementId(t) = h[1] AND type(r) = h[2]
		    RETURN r ORDER BY elementId(r) LIMIT 1
		  }
		  RETURN collect([h, `+edgeProj("r")+`]) AS rs
		}
		RETURN ns, rs`, map[string]any{"nodes": nodes, "hops": hops})
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("path load: %d records", len(recs))
	}
	byNode := map[string]factgraph.Node{}
	for _, v := range asList(recs[0].Values[0]) {
		l := asList(v)
		x, ok := l[0].(string)
		if len(l) != 2 || !ok {
			return nil, fmt.Errorf("path load: bad node row %v", v)
		}
		sn, err := nodeFrom(asMap(l[1]))
		if err != nil {
			return nil, err
		}
		byNode[x] = sn.Node()
	}
	byHop := map[pair]factgraph.Edge{}
	for _, v := range asList(recs[0].Values[1]) {
		l := asList(v)
		h := asList(l[0])
		if len(l) != 2 || len(h) != 3 {
			return nil, fmt.Errorf("path load: bad edge row %v", v)
		}
		x, _ := h[0].(string)
		y, _ := h[1].(string)
		t, _ := h[2].(string)
		e, err := edgeFrom(asMap(l[1]))
		if err != nil {
			return nil, err
		}
		byHop[pair{x, y, t}] = e
	}
	out := make([]factgraph.Path, len(ps))
	for i, p := range ps {
		for j, x := range p.nodes {
			n, ok := byNode[x]
			if !ok {
				return nil, fmt.Errorf("path load: node %s is gone", x)
			}
			out[i].Nodes = append(out[i].Nodes, n)
			if j > 0 {
				e, ok := byHop[pair{p.nodes[j-1], x, p.types[j-1]}]
				if !ok {
					return nil, fmt.Errorf("path load: relationship %s %s-%s is gone", p.types[j-1], p.nodes[j-1], x)
				}
				out[i].Edges = append(out[i].Edges, e)
			}
		}
	}
	return out, nil
}
