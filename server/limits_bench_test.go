package server

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"

	"github.com/factgraph/factgraph/resolvers"
)

// The pre-execution checks on the fragment fan-out (each fragment spreads the next one
// twice): limits walks each fragment once; gqlgen's complexity.Calculate, which the
// server used before, walks every expansion (2^levels).
//
//	go test -run '^$' -bench FanOut -benchtime 3x ./server/
func BenchmarkFanOut(b *testing.B) {
	es := withListComplexity(resolvers.NewExecutableSchema(resolvers.Config{Resolvers: &resolvers.Resolver{}}))
	for _, levels := range []int{10, 16, 20, 30} {
		var q strings.Builder
		q.WriteString(`query FanOut { stats { ...F0 } }`)
		for i := range levels {
			fmt.Fprintf(&q, " fragment F%d on Stats { ...F%d ...F%d }", i, i+1, i+1)
		}
		fmt.Fprintf(&q, " fragment F%d on Stats { entities }", levels)
		doc, errs := gqlparser.LoadQuery(es.Schema(), q.String())
		if errs != nil {
			b.Fatal(errs)
		}
		op := doc.Operations[0]
		opCtx := &graphql.OperationContext{Doc: doc, Operation: op, Variables: map[string]any{}}
		l := &limits{maxDepth: 12, maxComplexity: 25000, maxStatements: 50}
		_ = l.Validate(es)
		b.Run(fmt.Sprintf("limits/%d", levels), func(b *testing.B) {
			for b.Loop() {
				_ = l.MutateOperationContext(context.Background(), opCtx) // refused from 15 levels on
			}
		})
		if levels <= 20 { // 30 levels would take hours
			b.Run(fmt.Sprintf("gqlgen-complexity/%d", levels), func(b *testing.B) {
				for b.Loop() {
					complexity.Calculate(context.Background(), es, op, nil)
				}
			})
		}
	}
}
