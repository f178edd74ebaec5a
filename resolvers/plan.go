package resolvers

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/factgraph/factgraph"
)

// The read planner's front end: a root field's selection becomes a factgraph.EntityView
// once, with gqlgen's CollectFields (fragments, type conditions, aliases and @skip/@include
// followed the way execution follows them), each field's arguments read with their
// defaults. A part whose arguments fail validation is left out of the plan: its field
// then reports the error itself, under its own path. A field that finds no planned answer
// (nothing above planned it, or its arguments differ from the plan's) loads its part
// through a dataloader, so the plan can only make a request cheaper, never wrong.

// entityTypeSets are the type sets fields of an Entity are collected under, one per kind,
// so that a fragment on one kind never lends its arguments to another's field.
var entityTypeSets = func() [][]string {
	var out [][]string
	for _, k := range factgraph.EntityKinds {
		out = append(out, []string{k, "Entity", "Node"})
	}
	return out
}()

// planHere plans the entity view of the field being resolved, whose selection reaches
// entities through the fields of path (e.g. "edges", "node" for a connection, each
// collected under the type given before it).
func planHere(ctx context.Context, path ...string) factgraph.EntityView {
	op, sel, ok := here(ctx)
	if !ok {
		return factgraph.EntityView{}
	}
	for i := 0; i+1 < len(path); i += 2 {
		sel = selectionsOf(op, sel, path[i], path[i+1])
	}
	return planEntity(op, sel)
}

// here is the operation and the selection of the field being resolved; ok is false
// outside a GraphQL request.
func here(ctx context.Context) (*graphql.OperationContext, ast.SelectionSet, bool) {
	if !graphql.HasOperationContext(ctx) {
		return nil, nil, false
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil, nil, false
	}
	return graphql.GetOperationContext(ctx), fc.Field.Selections, true
}

// planEntity plans the parts selected in sel, the selection of an Entity.
func planEntity(op *graphql.OperationContext, sel ast.SelectionSet) factgraph.EntityView {
	var v factgraph.EntityView
	for _, types := range entityTypeSets {
		for _, f := range graphql.CollectFields(op, sel, types) {
			args := f.ArgumentMap(op.Variables)
			switch f.Name {
			case "relations":
				if q, err := relationQuery(args); err == nil {
					v.AddRelations(relationsPart(op, q, f.Selections))
				}
			case "timeline":
				if q, err := timelineQuery(args); err == nil {
					v.AddTimeline(timelinePart(op, q, f.Selections))
				}
			case "neighborhood":
				if q, err := neighborhoodQuery(args); err == nil {
					v.AddNeighborhood(neighborhoodPart(op, q, f.Selections))
				}
			}
		}
	}
	return v
}

// relationsPart is what a relations field with selection sel needs below it.
func relationsPart(op *graphql.OperationContext, q factgraph.RelationQuery, sel ast.SelectionSet) factgraph.RelationsPart {
	return factgraph.RelationsPart{Query: q, Evidence: selects(op, sel, "Relation", "evidence"),
		Ends: selects(op, sel, "Relation", "from", "to")}
}

func timelinePart(op *graphql.OperationContext, q factgraph.TimelineQuery, sel ast.SelectionSet) factgraph.TimelinePart {
	return factgraph.TimelinePart{Query: q, Evidence: selects(op, sel, "Event", "evidence", "sourceCount"),
		RoleEntities: selects(op, selectionsOf(op, sel, "Event", "roles"), "Role", "entity")}
}

func neighborhoodPart(op *graphql.OperationContext, q factgraph.NeighborhoodQuery, sel ast.SelectionSet) factgraph.NeighborhoodPart {
	nodes := selectionsOf(op, selectionsOf(op, sel, "Subgraph", "nodes"), "SubgraphNode", "node")
	return factgraph.NeighborhoodPart{Query: q, Evidence: selects(op, selectionsOf(op, sel, "Subgraph", "edges"), "Edge", "evidence") ||
		selects(op, nodes, "Event", "evidence", "sourceCount")}
}

// selects reports whether sel, the selection of an object of type typ, selects one of the
// named fields.
func selects(op *graphql.OperationContext, sel ast.SelectionSet, typ string, names ...string) bool {
	for _, f := range graphql.CollectFields(op, sel, []string{typ, "Node"}) {
		for _, n := range names {
			if f.Name == n {
				return true
			}
		}
	}
	return false
}

// selectionsOf is the merged selection of the fields named name in sel (of type typ).
func selectionsOf(op *graphql.OperationContext, sel ast.SelectionSet, typ, name string) ast.SelectionSet {
	var out ast.SelectionSet
	for _, f := range graphql.CollectFields(op, sel, []string{typ, "Node"}) {
		if f.Name == name {
			out = append(out, f.Selections...)
		}
	}
	return out
}

// The parts of the field being resolved, for its own load when nothing planned it;
// outside a GraphQL request everything is wanted.

func relationsPartHere(ctx context.Context, q factgraph.RelationQuery) factgraph.RelationsPart {
	op, sel, ok := here(ctx)
	if !ok {
		return factgraph.RelationsPart{Query: q, Evidence: true, Ends: true}
	}
	return relationsPart(op, q, sel)
}

func timelinePartHere(ctx context.Context, q factgraph.TimelineQuery) factgraph.TimelinePart {
	op, sel, ok := here(ctx)
	if !ok {
		return factgraph.TimelinePart{Query: q, Evidence: true, RoleEntities: true}
	}
	return timelinePart(op, q, sel)
}

func neighborhoodPartHere(ctx context.Context, q factgraph.NeighborhoodQuery) factgraph.NeighborhoodPart {
	op, sel, ok := here(ctx)
	if !ok {
		return factgraph.NeighborhoodPart{Query: q, Evidence: true}
	}
	return neighborhoodPart(op, q, sel)
}

// pathEvidence reports whether the paths of the field being resolved need the evidence
// of their edges and events.
func pathEvidence(ctx context.Context) bool {
	op, sel, ok := here(ctx)
	if !ok {
		return true
	}
	nodes := selectionsOf(op, sel, "Path", "nodes")
	return selects(op, selectionsOf(op, sel, "Path", "edges"), "Edge", "evidence") ||
		selects(op, nodes, "Event", "evidence", "sourceCount")
}

// The queries of the three fields from their arguments (defaults filled in by gqlparser),
// built and validated as the fields' resolvers build them, so that equal arguments give
// equal keys.

func relationQuery(args map[string]any) (factgraph.RelationQuery, error) {
	var q factgraph.RelationQuery
	var err error
	if q.Type, err = argString(args, "type"); err != nil {
		return q, err
	}
	if q.Direction, err = argString(args, "direction"); err != nil {
		return q, err
	}
	if q.First, err = argInt(args, "first"); err != nil {
		return q, err
	}
	return q, q.Validate()
}

func timelineQuery(args map[string]any) (factgraph.TimelineQuery, error) {
	var q factgraph.TimelineQuery
	var err error
	if q.From, err = argString(args, "from"); err != nil {
		return q, err
	}
	if q.To, err = argString(args, "to"); err != nil {
		return q, err
	}
	if q.EventTypes, err = argStrings(args, "eventTypes"); err != nil {
		return q, err
	}
	if q.First, err = argInt(args, "first"); err != nil {
		return q, err
	}
	return q, q.Validate()
}

func neighborhoodQuery(args map[string]any) (factgraph.NeighborhoodQuery, error) {
	var q factgraph.NeighborhoodQuery
	var err error
	if q.Depth, err = argInt(args, "depth"); err != nil {
		return q, err
	}
	if q.Limit, err = argInt(args, "limit"); err != nil {
		return q, err
	}
	if q.RelationTypes, err = argStrings(args, "relationTypes"); err != nil {
		return q, err
	}
	if q.Direction, err = argString(args, "direction"); err != nil {
		return q, err
	}
	if q.MinConfidence, err = argFloat(args, "minConfidence"); err != nil {
		return q, err
	}
	if q.MinSources, err = argInt(args, "minSources"); err != nil {
		return q, err
	}
	if q.From, err = argString(args, "from"); err != nil {
		return q, err
	}
	if q.To, err = argString(args, "to"); err != nil {
		return q, err
	}
	return q, q.Validate()
}

// Argument values as gqlparser gives them: literals as int64, float64, string, []any;
// variables as the transport decoded them (json.Number for numbers). Null is the zero.

func argString(args map[string]any, name string) (string, error) {
	switch v := args[name].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", fmt.Errorf("argument %s: want string, got %T", name, args[name])
}

func argStrings(args map[string]any, name string) ([]string, error) {
	switch v := args[name].(type) {
	case nil:
		return nil, nil
	case []string:
		return v, nil
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("argument %s[%d]: want string, got %T", name, i, x)
			}
			out[i] = s
		}
		return out, nil
	case string: // a single value where a list is expected (GraphQL input coercion)
		return []string{v}, nil
	}
	return nil, fmt.Errorf("argument %s: want list, got %T", name, args[name])
}

func argInt(args map[string]any, name string) (int, error) {
	switch v := args[name].(type) {
	case nil:
		return 0, nil
	case int:
		return v, nil
	case int64:
		return int(v), nil
	case float64:
		if v == float64(int(v)) {
			return int(v), nil
		}
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return int(n), nil
		}
	}
	return 0, fmt.Errorf("argument %s: want integer, got %T %v", name, args[name], args[name])
}

func argFloat(args map[string]any, name string) (float64, error) {
	switch v := args[name].(type) {
	case nil:
		return 0, nil
	case float64:
		return v, nil
	case int64:
		return float64(v), nil
	case int:
		return float64(v), nil
	case json.Number:
		if f, err := v.Float64(); err == nil {
			return f, nil
		}
	}
	return 0, fmt.Errorf("argument %s: want number, got %T %v", name, args[name], args[name])
}
