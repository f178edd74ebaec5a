package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/resolvers"
)

// Config configures the HTTP server.
type Config struct {
	// Introspection allows schema introspection (the playground needs it).
	Introspection bool
	// QueryTimeout bounds one GraphQL request, Neo4j queries included.
	QueryTimeout time.Duration
}

// DefaultConfig is the configuration used where nothing is set.
var DefaultConfig = Config{Introspection: true, QueryTimeout: 30 * time.Second}

// NewServer returns factgraph's HTTP handler; routes.go lists every endpoint.
func NewServer(cfg Config, graph factgraph.Reader, log zerolog.Logger) http.Handler {
	mux := http.NewServeMux()
	addRoutes(mux, cfg, graph)
	var h http.Handler = mux
	h = recoverer(h)
	h = accessLog(h)
	h = requestID(log, h)
	return h
}

// newGraphQL builds the gqlgen handler with explicit transports and caches.
func newGraphQL(cfg Config, graph factgraph.Reader) http.Handler {
	srv := handler.New(resolvers.NewExecutableSchema(resolvers.Config{Resolvers: &resolvers.Resolver{Graph: graph}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.SetErrorPresenter(resolvers.ErrorPresenter)
	var h http.Handler = srv
	if cfg.QueryTimeout > 0 {
		h = withTimeout(cfg.QueryTimeout, h)
	}
	return h
}

func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requestID gives every request an id (from X-Request-Id if the client sent a sane one)
// and a logger carrying it, available through zerolog.Ctx.
func requestID(log zerolog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		l := log.With().Str("request_id", id).Logger()
		next.ServeHTTP(w, r.WithContext(l.WithContext(r.Context())))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Flush lets streaming work through the wrapper.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		zerolog.Ctx(r.Context()).Info().Str("method", r.Method).Str("path", r.URL.Path).
			Int("status", sw.status).Int("bytes", sw.bytes).Dur("duration", time.Since(start)).
			Str("remote", r.RemoteAddr).Msg("request")
	})
}

func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				zerolog.Ctx(r.Context()).Error().Interface("panic", v).Msg("handler panicked")
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
