package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// traversable is the relationship-type alternation of every edge a traversal may follow:
// the relation types between entities and the role edges of events. Built from the
// allow-lists, never from input.
var traversable = strings.Join(append(append([]string{}, factgraph.RelationTypes...), factgraph.Roles...), "|")

// Entity returns the entity with the id; if none has that id, the entity whose name or
// alias folds to the same key (so "DPRK" finds North Korea). Errors: ENOTFOUND, EUNAVAILABLE.
func (db *DB) Entity(ctx context.Context, id string) (*factgraph.Entity, error) {
	e, err := read(ctx, db, "entity", func(tx neo4j.ManagedTransaction) (*factgraph.Entity, error) {
		res, err := tx.Run(ctx, `
			OPTIONAL MATCH (e:Entity {id: $id})
			WITH e
			CALL (e) {
			  WITH e WHERE e IS NULL
			  MATCH (x:Entity) WHERE $key IN x.names
			  RETURN x ORDER BY x.id LIMIT 1
			  UNION
			  WITH e WHERE e IS NOT NULL
			  RETURN e AS x
			}
			RETURN properties(x) AS e`,
			map[string]any{"id": id, "key": factgraph.NormalizeName(id)})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		props, _, err := neo4j.GetRecordValue[map[string]any](recs[0], "e")
		if err != nil {
			return nil, err
		}
		return entityFrom(props)
	})
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, factgraph.Errorf(factgraph.ENOTFOUND, "no entity with id or name %q", id)
	}
	return e, nil
}

// Neighborhood returns the entities and events within q.Depth hops of the entity (following
// relations and event roles in either direction), nearest first, at most q.Limit of them,
// with every edge among them and the evidence behind each.
// Errors: ENOTFOUND, ELIMIT, EUNAVAILABLE.
func (db *DB) Neighborhood(ctx context.Context, id string, q factgraph.NeighborhoodQuery) (*factgraph.Neighborhood, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	center, err := db.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	// Depth is a validated small integer; Cypher does not take it as a parameter.
	cypher := fmt.Sprintf(neighborhoodQuery, traversable, q.Depth)
	return read(ctx, db, "neighborhood", func(tx neo4j.ManagedTransaction) (*factgraph.Neighborhood, error) {
		res, err := tx.Run(ctx, cypher, map[string]any{"id": center.ID, "limit": int64(q.Limit)})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		found, _, err := neo4j.GetRecordValue[[]any](rec, "found")
		if err != nil {
			return nil, err
		}
		edges, _, err := neo4j.GetRecordValue[[]any](rec, "edges")
		if err != nil {
			return nil, err
		}
		nb := &factgraph.Neighborhood{Center: *center}
		var eventIDs []string
		for _, f := range found {
			m, _ := f.(map[string]any)
			n, err := neighborFrom(m)
			if err != nil {
				return nil, err
			}
			if n.Event != nil {
				eventIDs = append(eventIDs, n.Event.ID)
			}
			nb.Nodes = append(nb.Nodes, n)
		}
		for _, e := range edges {
			m, _ := e.(map[string]any)
			edge, err := edgeFrom(m)
			if err != nil {
				return nil, err
			}
			nb.Edges = append(nb.Edges, edge)
		}
		sort.Slice(nb.Edges, func(i, j int) bool { return nb.Edges[i].ID < nb.Edges[j].ID })
		if err := attachEvidence(ctx, tx, nb, eventIDs); err != nil {
			return nil, err
		}
		return nb, nil
	})
}

const neighborhoodQuery = `
MATCH (c:Entity {id: $id})
CALL (c) {
  OPTIONAL MATCH p = (c)-[:%[1]s*1..%[2]d]-(n)
  WHERE n <> c
  WITH n, min(length(p)) AS dist
  ORDER BY dist, n.id
  LIMIT $limit
  RETURN collect(CASE WHEN n IS NOT NULL THEN {props: properties(n), labels: labels(n), dist: dist} END) AS found,
         collect(n) AS ns
}
WITH c, found, [c] + ns AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:%[1]s]->(b)
  WHERE b IN nodes
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS edges
}
RETURN found, edges`

// attachEvidence fills in the articles behind the edges and the evidence of the events.
func attachEvidence(ctx context.Context, tx neo4j.ManagedTransaction, nb *factgraph.Neighborhood, eventIDs []string) error {
	need := map[string]bool{}
	for _, e := range nb.Edges {
		for _, ev := range e.Evidence {
			need[ev.Article] = true
		}
	}
	res, err := tx.Run(ctx, `
		CALL () {
		  UNWIND $articles AS id
		  MATCH (a:Article {id: id})
		  RETURN collect(properties(a)) AS articles
		}
		CALL () {
		  UNWIND $events AS id
		  MATCH (:Event {id: id})-[x:EVIDENCED_BY]->(a:Article)
		  WITH id, x, a ORDER BY a.publishedAt, a.id, x.quote
		  RETURN collect({event: id, quote: x.quote, start: x.start, end: x.end, article: properties(a)}) AS evidence
		}
		RETURN articles, evidence`,
		map[string]any{"articles": sortedKeys(need), "events": eventIDs})
	if err != nil {
		return err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return err
	}
	arts, _, err := neo4j.GetRecordValue[[]any](rec, "articles")
	if err != nil {
		return err
	}
	byID := map[string]*factgraph.Article{}
	for _, a := range arts {
		art, err := articleFrom(asMap(a))
		if err != nil {
			return err
		}
		byID[art.ID] = art
	}
	for i := range nb.Edges {
		for j := range nb.Edges[i].Evidence {
			nb.Edges[i].Evidence[j].Source = byID[nb.Edges[i].Evidence[j].Article]
		}
	}
	evs, _, err := neo4j.GetRecordValue[[]any](rec, "evidence")
	if err != nil {
		return err
	}
	byEvent := map[string][]factgraph.Evidence{}
	for _, e := range evs {
		m := asMap(e)
		art, err := articleFrom(asMap(m["article"]))
		if err != nil {
			return err
		}
		id, _ := m["event"].(string)
		quote, _ := m["quote"].(string)
		byEvent[id] = append(byEvent[id], factgraph.Evidence{Article: art.ID, Quote: quote,
			Start: intPtr(m["start"]), End: intPtr(m["end"]), Source: art})
	}
	for _, n := range nb.Nodes {
		if n.Event != nil {
			n.Event.Evidence = byEvent[n.Event.ID]
		}
	}
	return nil
}

// Record mapping. Values come from Neo4j as any; each helper checks the type and fails
// loudly rather than returning a silent zero.

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func str(m map[string]any, key string) (string, error) {
	switch v := m[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	default:
		return "", fmt.Errorf("property %s: want string, got %T", key, v)
	}
}

func strs(m map[string]any, key string) ([]string, error) {
	switch v := m[key].(type) {
	case nil:
		return nil, nil
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("property %s[%d]: want string, got %T", key, i, x)
			}
			out[i] = s
		}
		return out, nil
	default:
		return nil, fmt.Errorf("property %s: want list, got %T", key, v)
	}
}

func float(m map[string]any, key string) (float64, error) {
	switch v := m[key].(type) {
	case nil:
		return 0, nil
	case float64:
		return v, nil
	case int64:
		return float64(v), nil
	default:
		return 0, fmt.Errorf("property %s: want number, got %T", key, v)
	}
}

func intPtr(v any) *int {
	if i, ok := v.(int64); ok {
		n := int(i)
		return &n
	}
	return nil
}

func dateString(v any) string {
	if d, ok := v.(neo4j.Date); ok {
		return d.Time().Format(time.DateOnly)
	}
	return ""
}

func entityFrom(m map[string]any) (*factgraph.Entity, error) {
	var e factgraph.Entity
	var err error
	if e.ID, err = str(m, "id"); err != nil {
		return nil, err
	}
	if e.Kind, err = str(m, "kind"); err != nil {
		return nil, err
	}
	if e.Name, err = str(m, "name"); err != nil {
		return nil, err
	}
	if e.Description, err = str(m, "description"); err != nil {
		return nil, err
	}
	if e.Aliases, err = strs(m, "aliases"); err != nil {
		return nil, err
	}
	keys, err := strs(m, "keys")
	if err != nil {
		return nil, err
	}
	e.Keys = factgraph.ParseKeyList(keys)
	return &e, nil
}

func articleFrom(m map[string]any) (*factgraph.Article, error) {
	var a factgraph.Article
	var err error
	for key, dst := range map[string]*string{"id": &a.ID, "title": &a.Title, "url": &a.URL,
		"publisher": &a.Publisher, "language": &a.Language} {
		if *dst, err = str(m, key); err != nil {
			return nil, err
		}
	}
	a.PublishedAt = dateString(m["publishedAt"])
	return &a, nil
}

func timeFrom(m map[string]any) (*factgraph.TimeSpec, error) {
	v, err := str(m, "time")
	if err != nil || v == "" {
		return nil, err
	}
	p, err := str(m, "timePrecision")
	if err != nil {
		return nil, err
	}
	return &factgraph.TimeSpec{Value: v, Precision: p}, nil
}

func quantitiesFrom(m map[string]any) ([]factgraph.Quantity, error) {
	vals, _ := m["qValues"].([]any)
	units, err := strs(m, "qUnits")
	if err != nil {
		return nil, err
	}
	of, err := strs(m, "qOf")
	if err != nil {
		return nil, err
	}
	approx, _ := m["qApprox"].([]any)
	if len(units) != len(vals) || len(of) != len(vals) || len(approx) != len(vals) {
		return nil, fmt.Errorf("quantity lists of different lengths")
	}
	out := make([]factgraph.Quantity, len(vals))
	for i := range vals {
		v, err := float(map[string]any{"v": vals[i]}, "v")
		if err != nil {
			return nil, err
		}
		a, _ := approx[i].(bool)
		out[i] = factgraph.Quantity{Value: v, Unit: units[i], Approx: a, Of: of[i]}
	}
	return out, nil
}

func eventFrom(m map[string]any) (*factgraph.Event, error) {
	var e factgraph.Event
	var err error
	for key, dst := range map[string]*string{"id": &e.ID, "type": &e.Type, "label": &e.Label, "modality": &e.Modality} {
		if *dst, err = str(m, key); err != nil {
			return nil, err
		}
	}
	c, err := float(m, "confidence")
	if err != nil {
		return nil, err
	}
	e.Confidence = &c
	if e.Time, err = timeFrom(m); err != nil {
		return nil, err
	}
	if e.Quantities, err = quantitiesFrom(m); err != nil {
		return nil, err
	}
	return &e, nil
}

func neighborFrom(m map[string]any) (factgraph.Neighbor, error) {
	labels, err := strs(m, "labels")
	if err != nil {
		return factgraph.Neighbor{}, err
	}
	dist, _ := m["dist"].(int64)
	n := factgraph.Neighbor{Distance: int(dist)}
	props := asMap(m["props"])
	for _, l := range labels {
		switch l {
		case "Entity":
			n.Entity, err = entityFrom(props)
			return n, err
		case "Event":
			n.Event, err = eventFrom(props)
			return n, err
		}
	}
	return n, fmt.Errorf("neighbour with labels %v is neither entity nor event", labels)
}

func edgeFrom(m map[string]any) (factgraph.Edge, error) {
	var e factgraph.Edge
	var err error
	if e.Type, err = str(m, "type"); err != nil {
		return e, err
	}
	if e.From, err = str(m, "from"); err != nil {
		return e, err
	}
	if e.To, err = str(m, "to"); err != nil {
		return e, err
	}
	e.ID = e.From + "|" + e.Type + "|" + e.To
	props := asMap(m["props"])
	if factgraph.IsRole(e.Type) {
		return e, nil // a role edge: its evidence is its event's
	}
	if e.Confidence, err = float(props, "confidence"); err != nil {
		return e, err
	}
	sc, _ := props["sourceCount"].(int64)
	e.SourceCount = int(sc)
	e.FirstSeen, e.LastSeen = dateString(props["firstSeen"]), dateString(props["lastSeen"])
	arts, err := strs(props, "evArticles")
	if err != nil {
		return e, err
	}
	quotes, err := strs(props, "evQuotes")
	if err != nil {
		return e, err
	}
	if len(arts) != len(quotes) {
		return e, fmt.Errorf("edge %s: evidence lists of different lengths", e.ID)
	}
	for i := range arts {
		e.Evidence = append(e.Evidence, factgraph.Evidence{Article: arts[i], Quote: quotes[i]})
	}
	return e, nil
}
