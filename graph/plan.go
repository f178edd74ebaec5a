package graph

import (
	"fmt"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// The read planner's back end: an EntityView compiles into CALL (e) { ... } subqueries,
// one per relations or timeline part, each projecting a list of maps into a column of the
// entity's row, so a head that finds entities (by id, by name, a page, a search) and the
// view's parts are ONE statement. The text depends only on the view's shape (which parts,
// their relation types, direction and wants); every value goes in parameters, so the
// compiled text is cached by shape and Neo4j's plan cache sees the same few statements.
//
// Neighbourhoods are not compiled in: they go level by level in one transaction
// (Neighborhoods), measured faster than one statement (BENCHMARKS.md).

// Statement is a compiled read: the Cypher text and its parameters. bench/querybench's
// floor runs the statements graph builds through these.
type Statement struct {
	Cypher string
	Params map[string]any
}

// statements caches compiled statement texts by head and view shape.
var statements sync.Map

// compile returns the text of head's statement for the view's shape, building it once:
// build gets the view's subqueries and its extra RETURN columns (", r0, t0").
func compile(head string, v factgraph.EntityView, build func(calls, columns string) string) string {
	key := head + "/" + viewShape(v)
	if s, ok := statements.Load(key); ok {
		return s.(string)
	}
	var calls, columns strings.Builder
	for i, p := range v.Relations {
		calls.WriteString(relationsCall(i, p))
		fmt.Fprintf(&columns, ", r%d", i)
	}
	for i, p := range v.Timelines {
		calls.WriteString(timelineCall(i, p))
		fmt.Fprintf(&columns, ", t%d", i)
	}
	s := build(calls.String(), columns.String())
	statements.Store(key, s)
	return s
}

// viewShape is what the compiled text of a view depends on.
func viewShape(v factgraph.EntityView) string {
	var b strings.Builder
	for _, p := range v.Relations {
		fmt.Fprintf(&b, "R%s:%s:%t:%t;", p.Query.Type, p.Query.Direction, p.Evidence, p.Ends)
	}
	for _, p := range v.Timelines {
		fmt.Fprintf(&b, "T%t:%t;", p.Evidence, p.RoleEntities)
	}
	return b.String()
}

// viewParams adds the values of the view's parts to params.
func viewParams(v factgraph.EntityView, params map[string]any) map[string]any {
	for i, p := range v.Relations {
		params[fmt.Sprintf("r%d_first", i)] = int64(p.Query.First)
	}
	for i, p := range v.Timelines {
		q := p.Query
		params[fmt.Sprintf("t%d_types", i)] = nonNil(q.EventTypes)
		params[fmt.Sprintf("t%d_from", i)] = dateOrNil(q.From)
		params[fmt.Sprintf("t%d_to", i)] = dateOrNil(q.To)
		params[fmt.Sprintf("t%d_first", i)] = int64(q.First)
	}
	params["maxEvidence"] = int64(MaxEvidence)
	return params
}

// relationsCall is the subquery of relations part i: the entity's direct relations, most
// corroborated first, each as {edge, ends?, evidence?}.
func relationsCall(i int, p factgraph.RelationsPart) string {
	ts := strings.Join(factgraph.RelationTypes, "|")
	if p.Query.Type != "" {
		ts = p.Query.Type // allow-listed by Validate
	}
	item := "edge: " + edgeProj("r")
	if p.Ends {
		item += ", ends: [" + entityProj("s") + ", " + entityProj("t") + "]"
	}
	if p.Evidence {
		item += ", evidence: " + relationEvidence
	}
	return fmt.Sprintf(`
CALL (e) {
  MATCH (e)%s(:Entity)
  WITH r ORDER BY r.sourceCount DESC, r.confidence DESC, type(r), startNode(r).id, endNode(r).id LIMIT $r%[2]d_first
  WITH r, startNode(r) AS s, endNode(r) AS t
  RETURN collect({%s}) AS r%[2]d
}`, arrow(p.Query.Direction, "r", ts), i, item)
}

// timelineCall is the subquery of timeline part i: the entity's events by time (undated
// last), each as {event, ents?, evidence?}.
func timelineCall(i int, p factgraph.TimelinePart) string {
	item := "event: " + eventProj("ev")
	if p.RoleEntities {
		item += ", ents: [(ev)-->(x:Entity) | " + entityProj("x") + "]"
	}
	if p.Evidence {
		item += ", evidence: " + eventEvidence
	}
	return fmt.Sprintf(`
CALL (e) {
  MATCH (ev:Event)-->(e)
  WHERE (size($t%[1]d_types) = 0 OR ev.type IN $t%[1]d_types)
    AND ($t%[1]d_from IS NULL OR ev.timeEnd >= $t%[1]d_from) AND ($t%[1]d_to IS NULL OR ev.timeStart <= $t%[1]d_to)
  WITH DISTINCT ev ORDER BY ev.timeStart IS NULL, ev.timeStart, ev.id LIMIT $t%[1]d_first
  RETURN collect({%[2]s}) AS t%[1]d
}`, i, item)
}

// partsFrom maps the view's columns of a row.
func partsFrom(rec *neo4j.Record, v factgraph.EntityView) (*factgraph.EntityParts, error) {
	if v.Empty() {
		return nil, nil
	}
	parts := &factgraph.EntityParts{Relations: map[string][]factgraph.Edge{}, Timelines: map[string][]*factgraph.Event{},
		Neighborhoods: map[string]*factgraph.Subgraph{}}
	for i, p := range v.Relations {
		col := fmt.Sprintf("r%d", i)
		items, err := get[[]any](rec, col)
		if err != nil {
			return nil, err
		}
		edges := make([]factgraph.Edge, 0, len(items))
		for j, x := range items {
			e, err := relationItem(x)
			if err != nil {
				return nil, fmt.Errorf("%s[%d]: %w", col, j, err)
			}
			edges = append(edges, e)
		}
		parts.Relations[p.Query.Key()] = edges
	}
	for i, p := range v.Timelines {
		col := fmt.Sprintf("t%d", i)
		items, err := get[[]any](rec, col)
		if err != nil {
			return nil, err
		}
		events := make([]*factgraph.Event, 0, len(items))
		for j, x := range items {
			ev, err := timelineItem(x)
			if err != nil {
				return nil, fmt.Errorf("%s[%d]: %w", col, j, err)
			}
			events = append(events, ev)
		}
		parts.Timelines[p.Query.Key()] = events
	}
	return parts, nil
}

// relationItem maps {edge, ends?, evidence?}.
func relationItem(x any) (factgraph.Edge, error) {
	m, err := mapOf(x)
	if err != nil {
		return factgraph.Edge{}, err
	}
	em, err := mapAt(m, "edge")
	if err != nil {
		return factgraph.Edge{}, err
	}
	e, err := edgeFrom(em)
	if err != nil {
		return e, err
	}
	ends, err := listAt(m, "ends")
	if err != nil {
		return e, err
	}
	if ends != nil && len(ends) != 2 {
		return e, fmt.Errorf("ends: want 2, got %d", len(ends))
	}
	for j, end := range ends {
		em, err := mapOf(end)
		if err != nil {
			return e, err
		}
		if e.Ends[j], err = entityFrom(em); err != nil {
			return e, err
		}
	}
	if e.Evidence, err = evidenceAt(m, "evidence"); err != nil {
		return e, err
	}
	return e, nil
}

// timelineItem maps {event, ents?, evidence?}: the role entities go to Role.Resolved.
func timelineItem(x any) (*factgraph.Event, error) {
	m, err := mapOf(x)
	if err != nil {
		return nil, err
	}
	em, err := mapAt(m, "event")
	if err != nil {
		return nil, err
	}
	ev, err := eventFrom(em)
	if err != nil {
		return nil, err
	}
	ents, err := listAt(m, "ents")
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*factgraph.Entity, len(ents))
	for _, x := range ents {
		xm, err := mapOf(x)
		if err != nil {
			return nil, err
		}
		ent, err := entityFrom(xm)
		if err != nil {
			return nil, err
		}
		byID[ent.ID] = ent
	}
	for i := range ev.Roles {
		ev.Roles[i].Resolved = byID[ev.Roles[i].Entity]
	}
	if ev.Evidence, err = evidenceAt(m, "evidence"); err != nil {
		return nil, err
	}
	return ev, nil
}

// cardsFrom maps the rows of a compiled statement: the entity in column e (rows where it
// is null are skipped: an empty page), its parts in the view's columns.
func cardsFrom(recs []*neo4j.Record, v factgraph.EntityView) ([]*factgraph.Entity, error) {
	out := make([]*factgraph.Entity, 0, len(recs))
	for _, rec := range recs {
		m, err := get[map[string]any](rec, "e")
		if err != nil {
			return nil, err
		}
		if m == nil {
			continue
		}
		e, err := entityFrom(m)
		if err != nil {
			return nil, err
		}
		if e.Parts, err = partsFrom(rec, v); err != nil {
			return nil, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// CardsFrom maps the records of a compiled entity statement (EntityStatement and the
// others) to entities with their parts, as the API does.
func CardsFrom(recs []*neo4j.Record, v factgraph.EntityView) ([]*factgraph.Entity, error) {
	return cardsFrom(recs, v)
}
