package server

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/resolvers"
)

// Sizes of the caches of parsed queries and of persisted queries (APQ), in entries.
const (
	queryCacheSize = 1000
	apqCacheSize   = 1000
)

// maxTokens is the most lexical tokens a GraphQL document may have (names, punctuation,
// values): about ten times the playground's introspection query.
const maxTokens = 15000

// newGraphQL builds the /graphql handler: gqlgen with explicit transports, caches and
// limits, inside the middleware that applies to GraphQL requests only. The order, from
// the outside in: metrics (they see every outcome), CORS (so even a 401 is readable by
// an allowed page), auth, the per-client rate limit (which knows the writer), the
// request timeout.
func newGraphQL(cfg Config, graph factgraph.Reader, metrics *Metrics) http.Handler {
	es := resolvers.NewExecutableSchema(resolvers.Config{Resolvers: &resolvers.Resolver{Graph: graph, Ingester: cfg.Ingester, Extractor: cfg.Extractor}})
	srv := handler.New(withListComplexity(es))

	// GET and POST per the GraphQL-over-HTTP draft (transport.go says what gqlgen's own
	// transports lack), refusals of other methods and media types, and OPTIONS.
	srv.AddTransport(httpTransport{maxBody: cfg.MaxBodyBytes})
	srv.AddTransport(refuseTransport{})
	srv.AddTransport(transport.Options{AllowedMethods: allowedMethods})

	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheSize))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](apqCacheSize)})
	srv.Use(newShapeCheck()) // after APQ, which may fill in the query
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	// The token limit bounds the parser; shapeCheck refuses before validation what the
	// validator would take quadratic time over (fields repeated in a selection set);
	// limits, an operation-context mutator, runs after validation and before any
	// resolver, in time linear in the document.
	srv.SetParserTokenLimit(maxTokens)
	srv.Use(&limits{maxDepth: cfg.MaxDepth, maxComplexity: cfg.MaxComplexity, maxStatements: cfg.MaxStatements})
	srv.SetErrorPresenter(resolvers.ErrorPresenter)
	srv.SetRecoverFunc(recoverResolver)

	var h http.Handler = srv
	h = resolvers.Middleware(graph, h) // per-request dataloaders
	h = withTimeout(cfg.QueryTimeout, h)
	h = rateLimit(cfg.RateLimit, cfg.RateBurst, h)
	h = authenticate(cfg.Token, h)
	h = withCORS(cfg.CORSOrigins, h)
	h = metrics.instrument(h)
	return h
}

// recoverResolver turns a resolver's panic into an internal error. It does not log: the
// error presenter logs internal errors, once, with the request's logger.
func recoverResolver(_ context.Context, v any) error {
	return &factgraph.Error{Code: factgraph.EINTERNAL, Message: "internal error",
		Err: fmt.Errorf("resolver panicked: %v\n%s", v, debug.Stack())}
}

var _ graphql.RecoverFunc = recoverResolver
