package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph"
)

// Config configures the HTTP server. DefaultConfig holds the defaults; a zero limit
// disables that limit.
type Config struct {
	// Introspection allows schema introspection (the playground needs it).
	Introspection bool
	// QueryTimeout bounds one GraphQL request, Neo4j queries included (0: no bound).
	QueryTimeout time.Duration
	// MaxDepth is the deepest nesting of fields an operation may select, fragments
	// followed and introspection fields not counted (0: no limit).
	MaxDepth int
	// MaxComplexity is the complexity budget of one operation: 1 per field, and a field
	// with a `first` or `limit` argument costs that many times what it selects (0: no limit).
	MaxComplexity int
	// MaxStatements is the budget of Neo4j statements of one operation: each root field
	// costs the statements its resolver runs (one for most, aliases counted separately),
	// so a thousand aliases of one field are refused before any runs (0: no limit).
	MaxStatements int
	// RateLimit is how many GraphQL requests a second each client may send on average
	// (a client: the writer with the token, else the remote address), RateBurst how many
	// at once; the rest get 429 (0: no limit).
	RateLimit float64
	RateBurst int
	// Token is the bearer token that allows writes. Empty: nobody may write.
	Token string
	// MaxBodyBytes bounds the body of a POST to /graphql (0: the default, 8 MiB).
	MaxBodyBytes int64
	// CORSOrigins are the origins browsers may call /graphql from ("*", an origin such as
	// https://dash.example.org, or one with a wildcard: https://*.example.org).
	// Empty: no CORS headers, so only same-origin pages can read the answers.
	CORSOrigins []string
	// Ingester loads the facts of the ingest mutation (with the token). Nil: disabled.
	Ingester factgraph.Ingester
	// Extractor reads the facts of the ingestArticle mutation (with the token). Nil: disabled.
	Extractor factgraph.Extractor
}

// DefaultConfig is the configuration used where nothing is set.
var DefaultConfig = Config{
	Introspection: true,
	QueryTimeout:  30 * time.Second,
	MaxDepth:      12,
	MaxComplexity: 25000,
	MaxStatements: 50,
	RateBurst:     20,
	MaxBodyBytes:  8 << 20,
}

// Validate checks the configuration. Errors: EINVALID naming the setting.
func (c Config) Validate() error {
	switch {
	case c.QueryTimeout < 0:
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "query timeout", Message: fmt.Sprintf("must not be negative, got %v", c.QueryTimeout)}
	case c.MaxDepth < 0:
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "max depth", Message: fmt.Sprintf("must not be negative, got %d", c.MaxDepth)}
	case c.MaxBodyBytes < 0:
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "max body", Message: fmt.Sprintf("must not be negative, got %d", c.MaxBodyBytes)}
	case c.MaxComplexity < 0:
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "max complexity", Message: fmt.Sprintf("must not be negative, got %d", c.MaxComplexity)}
	case c.RateLimit < 0 || math.IsNaN(c.RateLimit) || math.IsInf(c.RateLimit, 0):
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "rate limit", Message: fmt.Sprintf("must be a number of requests a second, 0 or more, got %v", c.RateLimit)}
	case c.RateBurst < 0:
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "rate burst", Message: fmt.Sprintf("must not be negative, got %d", c.RateBurst)}
	case c.MaxStatements < 0:
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "max statements", Message: fmt.Sprintf("must not be negative, got %d", c.MaxStatements)}
	}
	for _, o := range c.CORSOrigins {
		if err := validOrigin(o); err != nil {
			return &factgraph.Error{Code: factgraph.EINVALID, Field: "CORS origins", Message: err.Error()}
		}
	}
	return nil
}

// validOrigin accepts "*" and scheme://host[:port] with at most one "*" in the host.
func validOrigin(o string) error {
	if o == "*" {
		return nil
	}
	u, err := url.Parse(strings.Replace(o, "*", "wildcard", 1))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil || strings.Count(o, "*") > 1 {
		return fmt.Errorf("%q is not an origin like https://dash.example.org", o)
	}
	return nil
}

// NewServer returns factgraph's HTTP handler; routes.go lists every endpoint. metrics
// collects what /metrics shows; nil makes a fresh set.
func NewServer(cfg Config, graph factgraph.Reader, log zerolog.Logger, metrics *Metrics) http.Handler {
	if metrics == nil {
		metrics = NewMetrics()
	}
	mux := http.NewServeMux()
	addRoutes(mux, cfg, graph, metrics)
	var h http.Handler = mux
	h = recoverer(h)
	h = accessLog(h)
	h = requestID(log, h)
	return h
}

// withTimeout runs the request under a deadline d from now, from parsing to the last
// byte written: its context (so resolvers and Neo4j transactions) ends then, and so may
// the writing of the response. The context also ends when the client goes away.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		deadline, _ := ctx.Deadline()
		// A grace second to write the error that says the time is up; servers that
		// cannot set a write deadline (a test recorder) keep theirs.
		_ = http.NewResponseController(w).SetWriteDeadline(deadline.Add(time.Second))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requestID gives every request an id (from X-Request-Id if the client sent a sane one)
// and a logger carrying it, available through zerolog.Ctx.
func requestID(log zerolog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !saneRequestID(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		l := log.With().Str("request_id", id).Logger()
		next.ServeHTTP(w, r.WithContext(l.WithContext(r.Context())))
	})
}

// saneRequestID accepts 1-64 printable ASCII characters without spaces, so a client's id
// can go into logs and a response header as it is.
func saneRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] > '~' {
			return false
		}
	}
	return true
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

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestInfo is what the GraphQL handler learns about a request, for the access log and
// the metrics: it rides in the request's context and is filled as the request goes.
type requestInfo struct {
	operation string   // the operation's name, "" if anonymous
	validated bool     // the document parsed and validated, so the name is a real one
	outcome   string   // outcomeOK, outcomeError or outcomeRejected
	codes     []string // extensions.code of each error in the response
}

// Outcomes of a GraphQL request.
const (
	outcomeOK        = "ok"        // executed, no errors
	outcomeError     = "error"     // executed, with errors in the response
	outcomeRejected  = "rejected"  // refused before execution: HTTP, parse, validation, limits, auth
	outcomeCancelled = "cancelled" // the client went away before the answer
)

type infoKey struct{}

// withInfo returns ctx carrying a requestInfo, reusing one already there.
func withInfo(ctx context.Context) (context.Context, *requestInfo) {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return ctx, info
	}
	info := &requestInfo{}
	return context.WithValue(ctx, infoKey{}, info), info
}

// infoFrom returns the request's requestInfo, or a throwaway one.
func infoFrom(ctx context.Context) *requestInfo {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		return info
	}
	return &requestInfo{}
}

// accessLog writes one line per request, with the GraphQL operation where there is one;
// the logger from requestID adds the request id.
func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, info := withInfo(r.Context())
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(ctx))
		ev := zerolog.Ctx(ctx).Info().Str("method", r.Method).Str("path", r.URL.Path).
			Int("status", sw.status).Int("bytes", sw.bytes).Dur("duration", time.Since(start)).
			Str("remote", r.RemoteAddr)
		if info.outcome != "" {
			ev = ev.Str("operation", info.operation).Str("outcome", info.outcome)
			if len(info.codes) > 0 {
				ev = ev.Strs("codes", info.codes)
			}
		}
		ev.Msg("request")
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
