package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// selects reports whether the selection of the field being resolved reaches a field
// named by one of the paths (fragments followed, whatever their type condition), e.g.
// selects(ctx, []string{"edges", "evidence"}). Outside a GraphQL request it says yes, so
// callers that use it to skip work only skip what nobody asked for.
func selects(ctx context.Context, paths ...[]string) bool {
	if !graphql.HasOperationContext(ctx) {
		return true
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return true
	}
	doc := graphql.GetOperationContext(ctx).Doc
	for _, p := range paths {
		if reaches(doc, fc.Field.Selections, p, 0) {
			return true
		}
	}
	return false
}

// reaches walks set along path; depth bounds fragment recursion.
func reaches(doc *ast.QueryDocument, set ast.SelectionSet, path []string, depth int) bool {
	if len(path) == 0 {
		return true
	}
	if depth > 32 {
		return true // cannot tell: say yes
	}
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == path[0] && reaches(doc, s.SelectionSet, path[1:], depth) {
				return true
			}
		case *ast.InlineFragment:
			if reaches(doc, s.SelectionSet, path, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if doc == nil {
				return true
			}
			if f := doc.Fragments.ForName(s.Name); f == nil || reaches(doc, f.SelectionSet, path, depth+1) {
				return true
			}
		}
	}
	return false
}

// Evidence is loaded only where the client asks for it: an edge's or an event's
// evidence, or an event's sourceCount (counted from its evidence).
var (
	subgraphEvidence = [][]string{{"edges", "evidence"}, {"nodes", "node", "evidence"}, {"nodes", "node", "sourceCount"}}
	pathEvidence     = [][]string{{"edges", "evidence"}, {"nodes", "evidence"}, {"nodes", "sourceCount"}}
	eventEvidence    = [][]string{{"evidence"}, {"sourceCount"}}
	relationEvidence = [][]string{{"evidence"}}
)

// single reports whether the field being resolved lies in no list element, so it runs
// once per request (per alias): there is nothing to batch it with, and a dataloader
// would only add its batch window to the latency.
func single(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return false
	}
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return false
		}
	}
	return true
}
