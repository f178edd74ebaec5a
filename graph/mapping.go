package graph

import (
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// Record mapping. Values come from Neo4j as any; each helper checks the type and fails
// loudly rather than returning a silent zero.

// entityMap, eventMap and edgeMap are the Cypher projections the mappers below read.
const (
	entityMap = `{id: %[1]s.id, kind: %[1]s.kind, name: %[1]s.name, aliases: %[1]s.aliases, keys: %[1]s.keys,
		description: %[1]s.description, degree: %[2]s, labels: labels(%[1]s)}`
	eventMap = `%[1]s{.id, .type, .label, .modality, .confidence, .time, .timePrecision, .qValues, .qUnits, .qApprox, .qOf,
		labels: labels(%[1]s), roles: [(%[1]s)-[role]->(x:Entity) | {role: type(role), entity: x.id}]}`
	edgeMap = `{type: type(%[1]s), from: startNode(%[1]s).id, to: endNode(%[1]s).id, props: properties(%[1]s)}`
)

// entityProj's degree is degreeOf (stored counts, equal to the typed count of traversable
// relationships): the typed count costs milliseconds on a hub, and a card projects up to
// 40 entities at the ends of its relations.
func entityProj(v string) string { return fmt.Sprintf(entityMap, v, fmt.Sprintf(degreeOf, v)) }
func eventProj(v string) string  { return fmt.Sprintf(eventMap, v) }
func edgeProj(v string) string   { return fmt.Sprintf(edgeMap, v) }

// nodeProj projects an entity or an event (by its labels) for nodeFrom.
func nodeProj(v string) string {
	return fmt.Sprintf(`CASE WHEN %[1]s:Event THEN %[2]s ELSE %[3]s END`, v, eventProj(v), entityProj(v))
}

// roleOrder sorts roles as the allow-list lists them: AGENT first.
var roleOrder = func() map[string]int {
	m := map[string]int{}
	for i, r := range factgraph.Roles {
		m[r] = i
	}
	return m
}()

// get returns the record's value under key as a T: the zero T for null, an error naming
// the key when it is missing or of another type.
func get[T neo4j.RecordValue](rec *neo4j.Record, key string) (T, error) {
	v, _, err := neo4j.GetRecordValue[T](rec, key)
	if err != nil {
		return v, fmt.Errorf("column %s: %w", key, err)
	}
	return v, nil
}

// mapOf is v as a map: nil for null, an error for another type.
func mapOf(v any) (map[string]any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return x, nil
	}
	return nil, fmt.Errorf("want map, got %T", v)
}

// listOf is v as a list: nil for null, an error for another type.
func listOf(v any) ([]any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		return x, nil
	}
	return nil, fmt.Errorf("want list, got %T", v)
}

// mapAt and listAt are mapOf and listOf of m[key], naming the key in errors.
func mapAt(m map[string]any, key string) (map[string]any, error) {
	v, err := mapOf(m[key])
	if err != nil {
		return nil, fmt.Errorf("property %s: %w", key, err)
	}
	return v, nil
}

func listAt(m map[string]any, key string) ([]any, error) {
	v, err := listOf(m[key])
	if err != nil {
		return nil, fmt.Errorf("property %s: %w", key, err)
	}
	return v, nil
}

// asList is listOf for callers that treat a value of another type as no list (a path
// query's missing projections); pathFrom then fails on the length.
func asList(v any) []any {
	l, err := listOf(v)
	if err != nil {
		return nil
	}
	return l
}

func boolean(m map[string]any, key string) (bool, error) {
	switch v := m[key].(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	default:
		return false, fmt.Errorf("property %s: want boolean, got %T", key, v)
	}
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

func integer(m map[string]any, key string) (int, error) {
	switch v := m[key].(type) {
	case nil:
		return 0, nil
	case int64:
		return int(v), nil
	default:
		return 0, fmt.Errorf("property %s: want integer, got %T", key, v)
	}
}

// intPtr is m[key] as an optional integer: nil for null.
func intPtr(m map[string]any, key string) (*int, error) {
	switch v := m[key].(type) {
	case nil:
		return nil, nil
	case int64:
		n := int(v)
		return &n, nil
	default:
		return nil, fmt.Errorf("property %s: want integer, got %T", key, v)
	}
}

// date is m[key] as YYYY-MM-DD: "" for null.
func date(m map[string]any, key string) (string, error) {
	switch v := m[key].(type) {
	case nil:
		return "", nil
	case neo4j.Date:
		return v.Time().Format(time.DateOnly), nil
	default:
		return "", fmt.Errorf("property %s: want date, got %T", key, v)
	}
}

func entityFrom(m map[string]any) (*factgraph.Entity, error) {
	var e factgraph.Entity
	var err error
	for key, dst := range map[string]*string{"id": &e.ID, "kind": &e.Kind, "name": &e.Name, "description": &e.Description} {
		if *dst, err = str(m, key); err != nil {
			return nil, err
		}
	}
	if e.Aliases, err = strs(m, "aliases"); err != nil {
		return nil, err
	}
	keys, err := strs(m, "keys")
	if err != nil {
		return nil, err
	}
	e.Keys = factgraph.ParseKeyList(keys)
	if e.Degree, err = integer(m, "degree"); err != nil {
		return nil, err
	}
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
	if a.PublishedAt, err = date(m, "publishedAt"); err != nil {
		return nil, err
	}
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
	vals, err := listAt(m, "qValues")
	if err != nil {
		return nil, err
	}
	units, err := strs(m, "qUnits")
	if err != nil {
		return nil, err
	}
	of, err := strs(m, "qOf")
	if err != nil {
		return nil, err
	}
	approx, err := listAt(m, "qApprox")
	if err != nil {
		return nil, err
	}
	if len(units) != len(vals) || len(of) != len(vals) || len(approx) != len(vals) {
		return nil, fmt.Errorf("quantity lists of different lengths")
	}
	out := make([]factgraph.Quantity, len(vals))
	for i := range vals {
		v, err := float(map[string]any{"v": vals[i]}, "v")
		if err != nil {
			return nil, err
		}
		a, err := boolean(map[string]any{"a": approx[i]}, "a")
		if err != nil {
			return nil, fmt.Errorf("qApprox[%d]: %w", i, err)
		}
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
	roles, err := listAt(m, "roles")
	if err != nil {
		return nil, err
	}
	for _, r := range roles {
		rm, err := mapOf(r)
		if err != nil {
			return nil, fmt.Errorf("roles: %w", err)
		}
		var role factgraph.Role
		if role.Role, err = str(rm, "role"); err != nil {
			return nil, err
		}
		if role.Entity, err = str(rm, "entity"); err != nil {
			return nil, err
		}
		e.Roles = append(e.Roles, role)
	}
	sort.Slice(e.Roles, func(i, j int) bool {
		a, b := e.Roles[i], e.Roles[j]
		if a.Role != b.Role {
			return roleOrder[a.Role] < roleOrder[b.Role]
		}
		return a.Entity < b.Entity
	})
	return &e, nil
}

// nodeFrom maps a nodeProj projection to an entity or an event.
func nodeFrom(m map[string]any) (factgraph.SubgraphNode, error) {
	labels, err := strs(m, "labels")
	if err != nil {
		return factgraph.SubgraphNode{}, err
	}
	var n factgraph.SubgraphNode
	for _, l := range labels {
		switch l {
		case "Entity":
			n.Entity, err = entityFrom(m)
			return n, err
		case "Event":
			n.Event, err = eventFrom(m)
			return n, err
		}
	}
	return n, fmt.Errorf("node with labels %v is neither entity nor event", labels)
}

// edgeFrom maps an edgeProj projection.
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
	props, err := mapAt(m, "props")
	if err != nil {
		return e, err
	}
	if factgraph.IsRole(e.Type) {
		return e, nil // a role edge: its evidence is its event's
	}
	c, err := float(props, "confidence")
	if err != nil {
		return e, err
	}
	e.Confidence = &c
	if e.SourceCount, err = integer(props, "sourceCount"); err != nil {
		return e, err
	}
	if e.Modality, err = str(props, "modality"); err != nil {
		return e, err
	}
	if e.Time, err = timeFrom(props); err != nil {
		return e, err
	}
	if e.Quantities, err = quantitiesFrom(props); err != nil {
		return e, err
	}
	if e.FirstSeen, err = date(props, "firstSeen"); err != nil {
		return e, err
	}
	if e.LastSeen, err = date(props, "lastSeen"); err != nil {
		return e, err
	}
	return e, nil
}

// pathFrom maps a Neo4j path of entities and events; nodes are the nodeProj projections
// of its nodes, in order (with degrees and roles, which the path's own nodes lack).
func pathFrom(p neo4j.Path, nodes []any) (factgraph.Path, error) {
	var out factgraph.Path
	if len(nodes) != len(p.Nodes) {
		return out, fmt.Errorf("path of %d nodes came with %d projections", len(p.Nodes), len(nodes))
	}
	ids := map[string]string{}
	for i, n := range p.Nodes {
		nm, err := mapOf(nodes[i])
		if err != nil {
			return out, err
		}
		sn, err := nodeFrom(nm)
		if err != nil {
			return out, err
		}
		ids[n.ElementId] = sn.Node().NodeID()
		out.Nodes = append(out.Nodes, sn.Node())
	}
	for _, r := range p.Relationships {
		props := map[string]any{}
		for k, v := range r.Props {
			props[k] = v
		}
		e, err := edgeFrom(map[string]any{"type": r.Type, "from": ids[r.StartElementId], "to": ids[r.EndElementId], "props": props})
		if err != nil {
			return out, err
		}
		out.Edges = append(out.Edges, e)
	}
	return out, nil
}
