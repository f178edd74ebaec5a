package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// codeLimitExceeded is the extensions.code of an operation refused by a limit; the error
// presenter gives the same code to the domain's ELIMIT.
const codeLimitExceeded = "LIMIT_EXCEEDED"

// Hard caps on the shape of a document, whatever the configuration: they bound the work
// of the checks below and of gqlgen's field collection, which expands every fragment
// where it is spread.
const (
	// maxFragmentSpreads is the most fragment spreads (...Name) a document may contain.
	maxFragmentSpreads = 500
	// maxExpandedFields is the most fields an operation may select with every fragment
	// expanded where it is spread: fragments that each spread the next one twice double
	// it at every level.
	maxExpandedFields = 20000
	// maxErrors is the most errors a response lists; the rest are summed up in one more.
	maxErrors = 20
)

// limits refuses, after validation and before any resolver, the operations that exceed
// the expanded-size cap or the configured depth, complexity or statement budget
// (shapeCheck applies the caps that must come before validation). It
// walks the operation once and each fragment once however often it is spread (the
// measures of a fragment do not depend on where it is spread), so its time is linear in
// the size of the document. A refused operation costs Neo4j nothing.
type limits struct {
	maxDepth, maxComplexity, maxStatements int // 0: no limit
	es                                     graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &limits{}

func (*limits) ExtensionName() string { return "Limits" }

func (l *limits) Validate(es graphql.ExecutableSchema) error {
	l.es = es
	return nil
}

func (l *limits) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Operation == nil {
		return nil
	}
	w := &walker{ctx: ctx, es: l.es, schema: l.es.Schema(), vars: opCtx.Variables, doc: opCtx.Doc,
		memo: map[string]*measure{}, root: rootType(l.es.Schema(), opCtx.Operation.Operation)}
	m := w.selectionSet(opCtx.Operation.SelectionSet)
	switch {
	case m.fields > maxExpandedFields:
		return limitError("expanded fields", m.fields, maxExpandedFields,
			"operation selects %s fields with its fragments expanded, which exceeds the limit of %d", atLeast(m.fields), maxExpandedFields)
	case l.maxDepth > 0 && m.depth > l.maxDepth:
		return limitError("depth", m.depth, l.maxDepth,
			"operation has depth %d, which exceeds the limit of %d", m.depth, l.maxDepth)
	case l.maxStatements > 0 && m.statements > l.maxStatements:
		return limitError("statements", m.statements, l.maxStatements,
			"operation would run %s Neo4j statements (one or more per root field, aliases included), which exceeds the statement budget of %d", atLeast(m.statements), l.maxStatements)
	case l.maxComplexity > 0 && m.complexity > l.maxComplexity:
		return limitError("complexity", m.complexity, l.maxComplexity,
			"operation has complexity %s, which exceeds the limit of %d", atLeast(m.complexity), l.maxComplexity)
	}
	return nil
}

// limitError is a LIMIT_EXCEEDED error whose extensions name the limit, its value and
// the operation's measure.
func limitError(limit string, got, max int, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, codeLimitExceeded)
	err.Extensions["limit"] = limit
	err.Extensions["max"] = max
	return err
}

// atLeast prints a saturated measure as "more than" rather than as MaxInt.
func atLeast(n int) string {
	if n == math.MaxInt {
		return fmt.Sprintf("more than %d", math.MaxInt32)
	}
	return strconv.Itoa(n)
}

// countSpreads counts the fragment spreads written in the document, none expanded.
func countSpreads(doc *ast.QueryDocument) int {
	if doc == nil {
		return 0
	}
	n := 0
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				n++
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		walk(f.SelectionSet)
	}
	return n
}

func rootType(s *ast.Schema, op ast.Operation) *ast.Definition {
	switch op {
	case ast.Mutation:
		return s.Mutation
	case ast.Subscription:
		return s.Subscription
	}
	return s.Query
}

// measure is what the walker learns of a selection set.
type measure struct {
	// depth is how deep it nests fields: `{ a }` is 1, `{ a { b } }` is 2. Fragments count
	// as what they select, inline fragments add nothing, and introspection fields
	// (__schema, __type, __typename) are not counted: the validator's
	// MaxIntrospectionDepth rule bounds those, and the playground's introspection query
	// nests deeper than any dashboard query should.
	depth int
	// complexity is gqlgen's measure (complexity.Calculate, computed the same way, with
	// the schema's complexity functions and withListComplexity).
	complexity int
	// fields counts the fields selected, every fragment expanded.
	fields int
	// statements counts the Neo4j statements of the root fields (rootStatements).
	statements int
}

// walker measures selection sets; fragments are measured once, memoised by name.
type walker struct {
	ctx    context.Context
	es     graphql.ExecutableSchema
	schema *ast.Schema
	vars   map[string]any
	doc    *ast.QueryDocument
	root   *ast.Definition
	memo   map[string]*measure // nil value while the fragment is being walked
}

func (w *walker) selectionSet(set ast.SelectionSet) measure {
	var m measure
	for _, sel := range set {
		var c measure
		switch s := sel.(type) {
		case *ast.Field:
			c = w.field(s)
		case *ast.InlineFragment:
			c = w.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			c = w.fragment(s)
		}
		m.depth = max(m.depth, c.depth)
		m.complexity = saturatingAdd(m.complexity, c.complexity)
		m.fields = saturatingAdd(m.fields, c.fields)
		m.statements = saturatingAdd(m.statements, c.statements)
	}
	return m
}

func (w *walker) field(s *ast.Field) measure {
	if s.Definition == nil || s.ObjectDefinition == nil {
		return measure{fields: 1} // validation refuses unknown fields; be safe
	}
	child := w.selectionSet(s.SelectionSet)
	m := measure{fields: saturatingAdd(1, child.fields), statements: child.statements}
	if !strings.HasPrefix(s.Name, "__") {
		m.depth = 1 + child.depth
	}
	args := s.ArgumentMap(w.vars)
	if s.ObjectDefinition == w.root {
		m.statements = saturatingAdd(m.statements, rootStatements(s.Name, args))
	}
	def := w.schema.Types[s.Definition.Type.Name()]
	if def == nil || def.Name == "__Schema" {
		return m // gqlgen does not count introspection of the schema
	}
	var childComplexity int
	switch def.Kind {
	case ast.Object, ast.Interface, ast.Union:
		childComplexity = child.complexity
	}
	if s.ObjectDefinition.Kind == ast.Interface {
		// As gqlgen: the costliest of the implementations.
		for _, t := range w.schema.GetPossibleTypes(s.ObjectDefinition) {
			m.complexity = max(m.complexity, w.fieldComplexity(t, def.Kind, s.Name, childComplexity, args))
		}
	} else {
		m.complexity = w.fieldComplexity(s.ObjectDefinition, def.Kind, s.Name, childComplexity, args)
	}
	return m
}

func (w *walker) fieldComplexity(obj *ast.Definition, kind ast.DefinitionKind, field string, child int, args map[string]any) int {
	if c, ok := w.es.Complexity(w.ctx, obj.Name, field, child, args); ok && c >= 1 {
		return c
	}
	return saturatingAdd(1, max(child, 0))
}

// fragment measures a named fragment once however often it is spread; a cycle (which
// validation already refuses) counts as nothing.
func (w *walker) fragment(s *ast.FragmentSpread) measure {
	if m, ok := w.memo[s.Name]; ok {
		if m == nil {
			return measure{}
		}
		return *m
	}
	def := s.Definition
	if def == nil && w.doc != nil {
		def = w.doc.Fragments.ForName(s.Name)
	}
	if def == nil {
		return measure{}
	}
	w.memo[s.Name] = nil
	m := w.selectionSet(def.SelectionSet)
	w.memo[s.Name] = &m
	return m
}

// rootStatementCounts is how many Neo4j statements (transactions) the resolver of each
// root field runs: the read planner compiles a root field's selection into one statement,
// plus one transaction for neighbourhoods (level by level); what it does not plan goes
// through the per-request dataloaders, one batch per field and level, whatever the number
// of items. Fields not listed run one. TestStatementBudgetCountsTransactions checks the
// table against the transactions the server really runs.
var rootStatementCounts = map[string]int{
	"entity":        2, // the planned statement, then the neighbourhoods if selected
	"entities":      2,
	"node":          2,
	"neighbors":     2, // the subgraph, then its edges' evidence
	"supplyChain":   2, // the end entity, then the chains
	"ingest":        4, // the loader's batches of a small document
	"ingestArticle": 4,
}

// rootStatements is what the statement budget counts for one root field with its
// arguments.
func rootStatements(field string, args map[string]any) int {
	if strings.HasPrefix(field, "__") {
		return 0 // introspection is answered by gqlgen, not Neo4j
	}
	if field == "connections" {
		// Each entity looked up, the paths between them, their edges' evidence.
		n := 2
		switch ids := args["ids"].(type) {
		case []any:
			n = len(ids)
		case []string:
			n = len(ids)
		}
		return n + 2
	}
	if n, ok := rootStatementCounts[field]; ok {
		return n
	}
	return 1
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
