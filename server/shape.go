package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// maxSameName is the most fields with one response name a selection set may hold
// (inline fragments flattened). GraphQL validation's OverlappingFieldsCanBeMerged rule
// compares every pair of them: 14,000 repeats of `entities` in one selection set, under
// the token limit, took 95 s to validate; 100 take about 2 ms.
const maxSameName = 100

// shapeCheck refuses, before gqlgen validates a document, the shapes whose validation
// is not linear in their size: many fields with one response name in a selection set,
// and more fragment spreads than maxFragmentSpreads. It parses the document (linear,
// under the same token limit) and remembers the documents it let through, so a repeated
// query is parsed once, as gqlgen's query cache does.
type shapeCheck struct {
	passed *lru.LRU[struct{}]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = shapeCheck{}

func newShapeCheck() shapeCheck { return shapeCheck{passed: lru.New[struct{}](queryCacheSize)} }

func (shapeCheck) ExtensionName() string                   { return "ShapeCheck" }
func (shapeCheck) Validate(graphql.ExecutableSchema) error { return nil }

func (c shapeCheck) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	if _, ok := c.passed.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, maxTokens)
	if err != nil {
		return nil // gqlgen parses it again and reports the error
	}
	if n := countSpreads(doc); n > maxFragmentSpreads {
		return limitError("fragment spreads", n, maxFragmentSpreads,
			"document has %d fragment spreads, which exceeds the limit of %d", n, maxFragmentSpreads)
	}
	var refused *gqlerror.Error
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		counts := map[string]int{}
		var count func(ast.SelectionSet)
		count = func(set ast.SelectionSet) {
			for _, sel := range set {
				switch s := sel.(type) {
				case *ast.Field:
					name := s.Alias
					if name == "" {
						name = s.Name
					}
					counts[name]++
					if counts[name] == maxSameName+1 && refused == nil {
						refused = limitError("fields with one name", counts[name], maxSameName,
							"a selection set selects %q more than %d times", name, maxSameName)
						if s.Position != nil {
							refused.Locations = []gqlerror.Location{{Line: s.Position.Line, Column: s.Position.Column}}
						}
					}
					walk(s.SelectionSet)
				case *ast.InlineFragment:
					count(s.SelectionSet)
				}
			}
		}
		count(set)
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet)
	}
	if refused != nil {
		return refused
	}
	c.passed.Add(ctx, p.Query, struct{}{})
	return nil
}
