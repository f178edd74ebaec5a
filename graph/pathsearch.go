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
// ORDER BY can pick the first, and nothing bounds its breadth-first search: two hubs
// joined by many paths of length 3 or 4, or two entities not joined within maxHops, take
// 10-30 s at 1M facts. pathSearch instead runs a bidirectional breadth-first search in
// one read transaction, one Cypher statement per level, and keeps the work in the
// database: each level expands the end whose frontier has fewer relationships (counted
// once that side looks the cheaper by its frontier's size, a lower bound), checks there
// whether it touches the other end's frontier, and sends back only the meeting
// relationships and the new frontier as a list of ids. The search stops at the first level where the two sides
// meet. Every relationship it expands counts against a budget; the level that would
// overrun it is not run and the request fails with ELIMIT naming the budget.
//
// The meeting relationships, followed back level by level on each side (one statement
// per level, returning only relationships between two known layers), form the DAG of
// all shortest paths; walking it in order of node id, then relationship type, yields
// them in the order of Cypher's ORDER BY [n IN nodes(p) | n.id],
// [r IN relationships(p) | type(r)], [r IN relationships(p) | startNode(r).id] (the last
// key decides between A-B and B-A relationships of one type, which Neo4j otherwise orders
// by the side its own search happened to expand), without listing the ones after the
// first k.
//
// Nodes are named by their internal ids (id()): they never leave the transaction, in
// which they are stable, and a list of integers is a tenth of the size of element ids.

// hop is one relationship seen from one of its ends.
type hop struct {
	node int64  // the node at its other end
	typ  string // relationship type
}

// searchSide is one end's breadth-first search.
type searchSide struct {
	end    int64
	layers [][]int64      // layers[k]: the nodes at distance k from the end
	seen   map[int64]bool // every node of the layers
	degree int64          // relationships of the last layer (the frontier) to expand
	exact  bool           // degree is counted; else it is a lower bound (the frontier's size)
	sizes  []int64        // sizes[k]: the relationships of layers[k] (or lower bounds)
}

func (sd *searchSide) frontier() []int64 { return sd.layers[len(sd.layers)-1] }
func (sd *searchSide) level() int        { return len(sd.layers) - 1 }

// pathSearch is the search of one request; its budget is shared by all its searches.
type pathSearch struct {
	ts      string   // relationship-type alternation (allow-listed)
	exclude []string // entity kinds no intermediate node may have (allow-listed)
	maxHops int
	budget  int64 // relationships left to expand
	total   int64 // the configured budget, for the message
}

// errBudget is the ELIMIT of a search that would overrun its budget.
func (s *pathSearch) errBudget() error {
	return &factgraph.Error{Code: factgraph.ELIMIT, Field: "maxHops", Message: fmt.Sprintf(
		"the path search reached its budget of %d relationships expanded (FACTGRAPH_PATH_BUDGET) before the ends met: "+
			"these entities are hubs; ask for fewer maxHops or narrower relationTypes", s.total)}
}

// end is an end of a search: its node's internal id, its id and its degree in the
// search's relationship types (read with its id: see ends).
type end struct {
	node   int64
	id     string
	degree int64
}

// ends is the projection of an entity e that a search starts from.
func (s *pathSearch) ends(e string) string {
	return fmt.Sprintf(`[id(%[1]s), %[1]s.id, COUNT { (%[1]s)-[:%[2]s]-() }]`, e, s.ts)
}

// endFrom maps an ends projection.
func endFrom(v any) (end, error) {
	l, err := listOf(v)
	if err != nil || len(l) != 3 {
		return end{}, fmt.Errorf("path search end: %v (%v)", v, err)
	}
	n, ok1 := l[0].(int64)
	id, ok2 := l[1].(string)
	d, ok3 := l[2].(int64)
	if !ok1 || !ok2 || !ok3 {
		return end{}, fmt.Errorf("path search end: %v", v)
	}
	return end{node: n, id: id, degree: d}, nil
}

// shortest returns the first k shortest paths between the ends a and b, as node and
// type sequences, in the Cypher order; nil if none within maxHops. It returns fewer than
// k when there are fewer shortest paths.
func (s *pathSearch) shortest(ctx context.Context, tx neo4j.ManagedTransaction, a, b end, k int) ([]dagPath, error) {
	sa := &searchSide{end: a.node, layers: [][]int64{{a.node}}, seen: map[int64]bool{a.node: true}, degree: a.degree, exact: true, sizes: []int64{a.degree}}
	sb := &searchSide{end: b.node, layers: [][]int64{{b.node}}, seen: map[int64]bool{b.node: true}, degree: b.degree, exact: true, sizes: []int64{b.degree}}
	id := map[int64]string{a.node: a.id, b.node: b.id}
	for sa.level()+sb.level() < s.maxHops {
		side, other := sa, sb
		if sb.degree < sa.degree {
			side, other = sb, sa
		}
		if side.degree > s.budget {
			return nil, s.errBudget()
		}
		if !side.exact {
			// Count the frontier's relationships only now that it is the cheaper side by
			// its lower bound; then choose again.
			if err := s.count(ctx, tx, side); err != nil {
				return nil, err
			}
			continue
		}
		meet, err := s.expand(ctx, tx, side, other, id)
		if err != nil {
			return nil, err
		}
		if len(meet) > 0 {
			if side == sb { // orient the meeting hops from a's side to b's
				for i := range meet {
					meet[i].from, meet[i].to = meet[i].to, meet[i].from
				}
			}
			return s.walk(ctx, tx, sa, sb, meet, id, k)
		}
		if len(side.frontier()) == 0 {
			return nil, nil // that end's component is exhausted
		}
	}
	return nil, nil
}

// link is a relationship between two layers, from the node nearer a to the one nearer b.
type link struct {
	from, to int64
	typ      string
}

// expand moves side one level out in one statement and returns the relationships from
// its frontier to the other side's frontier, if any (then the search is over and the new
// level is not kept). At the last level maxHops allows, only those are looked for.
func (s *pathSearch) expand(ctx context.Context, tx neo4j.ManagedTransaction, side, other *searchSide, id map[int64]string) ([]link, error) {
	allowed := "true"
	if len(s.exclude) > 0 {
		allowed = "NOT m:" + strings.Join(s.exclude, "|") // an excluded kind may only end a path
	}
	var prev []int64
	if side.level() > 0 {
		prev = side.layers[side.level()-1]
	}
	// Neighbours of layer k lie in layers k-1, k and k+1: the new layer is what is in
	// neither of the first two.
	recs, err := run(ctx, tx, fmt.Sprintf(`
		UNWIND $frontier AS x MATCH (n) WHERE id(n) = x
		MATCH (n)-[r:%[1]s]-(m)
		WITH n, r, m, id(m) AS mid
		WITH collect(CASE WHEN mid IN $targets THEN [id(n), type(r), mid, n.id, m.id] END) AS meet,
		     collect(DISTINCT CASE WHEN $more AND NOT mid IN $frontier AND NOT mid IN $prev AND %[2]s THEN m END) AS next
		RETURN meet, [x IN next | id(x)] AS ids`,
		s.ts, allowed),
		map[string]any{"frontier": side.frontier(), "targets": other.frontier(), "prev": prev,
			"more": side.level()+other.level()+1 < s.maxHops})
	if err != nil {
		return nil, err
	}
	s.budget -= side.degree
	if len(recs) != 1 {
		return nil, fmt.Errorf("path search: %d records", len(recs))
	}
	var meet []link
	for _, v := range asList(recs[0].Values[0]) {
		l := asList(v)
		if len(l) != 5 {
			return nil, fmt.Errorf("path search: bad meeting row %v", v)
		}
		from, ok1 := l[0].(int64)
		typ, ok2 := l[1].(string)
		to, ok3 := l[2].(int64)
		fromID, ok4 := l[3].(string)
		toID, ok5 := l[4].(string)
		if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
			return nil, fmt.Errorf("path search: bad meeting row %v", v)
		}
		id[from], id[to] = fromID, toID
		meet = append(meet, link{from: from, to: to, typ: typ})
	}
	if len(meet) > 0 {
		return meet, nil
	}
	ids := asList(recs[0].Values[1])
	layer := make([]int64, 0, len(ids))
	for _, v := range ids {
		x, ok := v.(int64)
		if !ok {
			return nil, fmt.Errorf("path search: node id %T", v)
		}
		if !side.seen[x] {
			side.seen[x] = true
			layer = append(layer, x)
		}
	}
	// Each node of the new layer has at least the relationship that reached it.
	side.layers = append(side.layers, layer)
	side.degree, side.exact, side.sizes = int64(len(layer)), len(layer) == 0, append(side.sizes, int64(len(layer)))
	return nil, nil
}

// count counts the relationships of side's frontier, in one statement.
func (s *pathSearch) count(ctx context.Context, tx neo4j.ManagedTransaction, side *searchSide) error {
	recs, err := run(ctx, tx, fmt.Sprintf(`
		UNWIND $frontier AS x MATCH (n) WHERE id(n) = x
		RETURN sum(COUNT { (n)-[:%s]-() })`, s.ts), map[string]any{"frontier": side.frontier()})
	if err != nil {
		return err
	}
	if len(recs) != 1 {
		return fmt.Errorf("path search: frontier count: %d records", len(recs))
	}
	d, ok := recs[0].Values[0].(int64)
	if !ok {
		return fmt.Errorf("path search: frontier count %T", recs[0].Values[0])
	}
	side.degree, side.exact, side.sizes[len(side.sizes)-1] = d, true, d
	return nil
}

// dagPath is a shortest path as its nodes' internal ids and its relationship types.
type dagPath struct {
	nodes []int64
	types []string
}

// back returns the relationships from the nodes of set (part of side's layer lv) to
// those of its layer lv-1, one statement: the DAG's links one level nearer a side's end.
// It expands whichever of the two has fewer relationships (set's are at most its
// layer's), so the walk costs no more than the search did.
func (s *pathSearch) back(ctx context.Context, tx neo4j.ManagedTransaction, side *searchSide, set []int64, lv int, id map[int64]string) ([]link, error) {
	layer := side.layers[lv-1]
	cypher := `
		UNWIND $set AS x MATCH (n) WHERE id(n) = x
		MATCH (n)-[r:%s]-(m) WHERE id(m) IN $layer
		RETURN x, type(r), id(m), m.id`
	if side.sizes[lv-1] < side.sizes[lv] {
		cypher = `
		UNWIND $layer AS y MATCH (m) WHERE id(m) = y
		MATCH (m)-[r:%s]-(n) WHERE id(n) IN $set
		RETURN id(n), type(r), y, m.id`
	}
	recs, err := run(ctx, tx, fmt.Sprintf(cypher, s.ts), map[string]any{"set": set, "layer": layer})
	if err != nil {
		return nil, err
	}
	out := make([]link, 0, len(recs))
	for _, r := range recs {
		x, ok1 := r.Values[0].(int64)
		t, ok2 := r.Values[1].(string)
		m, ok3 := r.Values[2].(int64)
		mid, ok4 := r.Values[3].(string)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, fmt.Errorf("path search: unexpected row %v", r.Values)
		}
		id[m] = mid
		out = append(out, link{from: x, to: m, typ: t})
	}
	return out, nil
}

// walk builds the DAG of shortest paths through the meeting links (from a's frontier to
// b's) and lists its first k paths from a to b in the Cypher order.
func (s *pathSearch) walk(ctx context.Context, tx neo4j.ManagedTransaction, sa, sb *searchSide, meet []link, id map[int64]string, k int) ([]dagPath, error) {
	next := map[int64][]hop{} // the hops from a node one step nearer b
	inDAG := map[int64]bool{}
	add := func(from, to int64, typ string) {
		next[from] = append(next[from], hop{node: to, typ: typ})
		inDAG[from], inDAG[to] = true, true
	}
	var setA, setB []int64
	for _, l := range meet {
		if !inDAG[l.from] {
			setA = append(setA, l.from)
		}
		if !inDAG[l.to] {
			setB = append(setB, l.to)
		}
		add(l.from, l.to, l.typ)
	}
	// a's side: from the meeting nodes back to a, each level's links pointing toward b.
	for lv := sa.level(); lv > 0; lv-- {
		links, err := s.back(ctx, tx, sa, setA, lv, id)
		if err != nil {
			return nil, err
		}
		var prev []int64
		for _, l := range links {
			if !inDAG[l.to] {
				prev = append(prev, l.to)
			}
			add(l.to, l.from, l.typ)
		}
		setA = prev
	}
	// b's side: from the meeting nodes on to b.
	for lv := sb.level(); lv > 0; lv-- {
		links, err := s.back(ctx, tx, sb, setB, lv, id)
		if err != nil {
			return nil, err
		}
		var nxt []int64
		for _, l := range links {
			if !inDAG[l.to] {
				nxt = append(nxt, l.to)
			}
			add(l.from, l.to, l.typ)
		}
		setB = nxt
	}
	// The walk follows the ids (read with the links), as Cypher orders the paths.
	for x, hs := range next {
		slices.SortFunc(hs, func(p, q hop) int {
			return cmp.Or(strings.Compare(id[p.node], id[q.node]), cmp.Compare(p.node, q.node), strings.Compare(p.typ, q.typ))
		})
		next[x] = slices.Compact(hs)
	}
	// Depth first in id order: node sequences come out in lexicographic order; the type
	// sequences of one node sequence (parallel relationships of different types) follow
	// in lexicographic order too.
	var out []dagPath
	path := []int64{sa.end}
	var dfs func(x int64) bool
	dfs = func(x int64) bool {
		if x == sb.end {
			out = append(out, typeProducts(path, next, k-len(out))...)
			return len(out) >= k
		}
		hs := next[x]
		for i := 0; i < len(hs); i++ {
			if i > 0 && hs[i].node == hs[i-1].node {
				continue // the same node by another type: typeProducts lists those
			}
			path = append(path, hs[i].node)
			done := dfs(hs[i].node)
			path = path[:len(path)-1]
			if done {
				return true
			}
		}
		return false
	}
	dfs(sa.end)
	return out, nil
}

// typeProducts lists, in lexicographic order, at most k type sequences along the node
// sequence (one per combination of parallel relationship types).
func typeProducts(nodes []int64, next map[int64][]hop, k int) []dagPath {
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
// statement for all of them. Of the two relationships of one type between two nodes (A
// ALLIED_WITH B and B ALLIED_WITH A) the one that starts at the smaller id is taken: the
// last key of the order, [r IN relationships(p) | startNode(r).id], decided hop by hop
// (the loader keeps one relationship per type and direction).
func loadPaths(ctx context.Context, tx neo4j.ManagedTransaction, ps []dagPath) ([]factgraph.Path, error) {
	var nodes []int64
	seen := map[int64]bool{}
	type pair struct {
		x, y int64
		t    string
	}
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
		  UNWIND $nodes AS nid MATCH (n) WHERE id(n) = nid
		  RETURN collect([nid, `+nodeProj("n")+`]) AS ns
		}
		CALL () {
		  UNWIND $hops AS h
		  CALL (h) {
		    MATCH (s)-[r]-(t) WHERE id(s) = h[0] AND id(t) = h[1] AND type(r) = h[2]
		    RETURN r ORDER BY startNode(r).id LIMIT 1
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
	byNode := map[int64]factgraph.Node{}
	for _, v := range asList(recs[0].Values[0]) {
		l := asList(v)
		x, ok := l[0].(int64)
		if len(l) != 2 || !ok {
			return nil, fmt.Errorf("path load: bad node row %v", v)
		}
		m, err := mapOf(l[1])
		if err != nil {
			return nil, fmt.Errorf("path load: node %d: %w", x, err)
		}
		sn, err := nodeFrom(m)
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
		x, ok1 := h[0].(int64)
		y, ok2 := h[1].(int64)
		t, ok3 := h[2].(string)
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("path load: bad edge key %v", h)
		}
		m, err := mapOf(l[1])
		if err != nil {
			return nil, fmt.Errorf("path load: edge %v: %w", h, err)
		}
		e, err := edgeFrom(m)
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
				return nil, fmt.Errorf("path load: node %d is gone", x)
			}
			out[i].Nodes = append(out[i].Nodes, n)
			if j > 0 {
				e, ok := byHop[pair{p.nodes[j-1], x, p.types[j-1]}]
				if !ok {
					return nil, fmt.Errorf("path load: relationship %s %d-%d is gone", p.types[j-1], p.nodes[j-1], x)
				}
				out[i].Edges = append(out[i].Edges, e)
			}
		}
	}
	return out, nil
}
