package server

import (
	"context"
	"encoding/json"
	"math"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// codeLimitExceeded is the extensions.code of an operation refused by a limit; the error
// presenter gives the same code to the domain's ELIMIT.
const codeLimitExceeded = "LIMIT_EXCEEDED"

// depthLimit refuses operations that nest fields deeper than max. It runs after
// validation and before any resolver, so a refused operation costs Neo4j nothing.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	w := depthWalker{doc: opCtx.Doc, memo: map[string]int{}}
	if depth := w.selectionSet(opCtx.Operation.SelectionSet); depth > d.max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", depth, d.max)
		errcode.Set(err, codeLimitExceeded)
		return err
	}
	return nil
}

// depthWalker measures how deep a selection set nests fields: `{ a }` is 1, `{ a { b } }`
// is 2. Fragments count as what they select and inline fragments add nothing.
// Introspection fields (__schema, __type, __typename) are not counted: the validator's
// MaxIntrospectionDepth rule bounds those, and the playground's introspection query
// nests deeper than any dashboard query should.
type depthWalker struct {
	doc  *ast.QueryDocument
	memo map[string]int // fragment name -> depth; -1 while being walked
}

func (w depthWalker) selectionSet(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + w.selectionSet(s.SelectionSet)
		case *ast.InlineFragment:
			d = w.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			d = w.fragment(s)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// fragment walks each named fragment once however often it is spread; a cycle (which
// validation already refuses) counts as 0.
func (w depthWalker) fragment(s *ast.FragmentSpread) int {
	if d, ok := w.memo[s.Name]; ok {
		return max(d, 0)
	}
	def := s.Definition
	if def == nil && w.doc != nil {
		def = w.doc.Fragments.ForName(s.Name)
	}
	if def == nil {
		return 0
	}
	w.memo[s.Name] = -1
	d := w.selectionSet(def.SelectionSet)
	w.memo[s.Name] = d
	return d
}

// complexityLimit is gqlgen's complexity limit with our code for its error.
type complexityLimit struct{ *extension.ComplexityLimit }

func (c complexityLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	err := c.ComplexityLimit.MutateOperationContext(ctx, opCtx)
	if err != nil {
		errcode.Set(err, codeLimitExceeded)
	}
	return err
}

// multiplierArgs are the arguments that bound how many items a field returns.
var multiplierArgs = []string{"first", "limit"}

// withListComplexity wraps the schema so that a field with an Int `first` or `limit`
// argument costs 1 + n times what it selects, n being the argument's value (its default
// when not given). That is the list's length for a list field, and it bounds the lists
// inside a field like neighbors(limit:), whose nodes and edges come from that many
// nodes. Complexity functions set on the generated schema take precedence.
func withListComplexity(es graphql.ExecutableSchema) graphql.ExecutableSchema {
	fields := map[string]string{} // "Type.field" -> the multiplying argument
	for _, def := range es.Schema().Types {
		if strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			for _, name := range multiplierArgs {
				if a := f.Arguments.ForName(name); a != nil && a.Type.Name() == "Int" && a.Type.Elem == nil {
					fields[def.Name+"."+f.Name] = name
					break
				}
			}
		}
	}
	return listComplexity{ExecutableSchema: es, fields: fields}
}

type listComplexity struct {
	graphql.ExecutableSchema
	fields map[string]string
}

func (l listComplexity) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	if c, ok := l.ExecutableSchema.Complexity(ctx, typeName, field, child, args); ok {
		return c, ok
	}
	w := traversalWeight(field, args)
	arg, ok := l.fields[typeName+"."+field]
	if !ok {
		if w > 1 {
			return saturatingAdd(1, saturatingMul(w, max(child, 1))), true
		}
		return 0, false
	}
	n := intArg(args[arg])
	if n < 1 {
		n = 1
	}
	return saturatingAdd(1, saturatingMul(saturatingMul(n, w), max(child, 1))), true
}

// traversalWeight is how much more than a list a traversal costs: the searches it runs
// grow with hops, depth and the number of entities joined, not only with the rows it
// returns. Aliasing many of them in one request would otherwise be cheap.
func traversalWeight(field string, args map[string]any) int {
	hops := max(intArg(args["maxHops"]), 1)
	switch field {
	case "neighborhood", "neighbors":
		return max(intArg(args["depth"]), 1)
	case "paths", "shortestPath", "supplyChain":
		return 10 * hops
	case "connections":
		n := 2
		switch ids := args["ids"].(type) {
		case []any:
			n = max(len(ids), 2)
		case []string:
			n = max(len(ids), 2)
		}
		return 10 * hops * n * (n - 1) / 2
	}
	return 1
}

// intArg reads an Int argument as gqlparser and gqlgen hand it over: a literal is int64, a
// variable keeps what the decoder made of it.
func intArg(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int32:
		return int(n)
	case int64:
		return clampInt(n)
	case float64:
		if n >= math.MaxInt {
			return math.MaxInt
		}
		return int(n)
	case json.Number:
		i, err := n.Int64()
		if err != nil {
			return 0
		}
		return clampInt(i)
	}
	return 0
}

func clampInt(n int64) int {
	if n > math.MaxInt {
		return math.MaxInt
	}
	return int(n)
}

func saturatingMul(a, b int) int {
	if a > 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}

func saturatingAdd(a, b int) int {
	if b > math.MaxInt-a {
		return math.MaxInt
	}
	return a + b
}
