package server

import (
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/factgraph/factgraph"
)

// Metrics are the server's Prometheus metrics, in a registry of their own (no globals),
// served at /metrics:
//
//	factgraph_graphql_requests_total{operation,outcome}   outcome: ok, error, rejected, cancelled
//	factgraph_graphql_request_duration_seconds{operation}
//	factgraph_graphql_errors_total{code}                   extensions.code, NONE if absent
//	factgraph_neo4j_query_duration_seconds{op,outcome}     outcome: ok or the error code
//	factgraph_neo4j_breaker_open                           1 while the circuit breaker is open or half-open
//	factgraph_neo4j_breaker_transitions_total{to}          closed, open, half-open
//
// plus the Go runtime's and the process's collectors.
type Metrics struct {
	reg      *prometheus.Registry
	handler  http.Handler
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	errors   *prometheus.CounterVec
	neo4j    *prometheus.HistogramVec
	open     prometheus.Gauge
	changes  *prometheus.CounterVec
	ops      operationLabels
}

// durationBuckets reach past the default 30 s request timeout.
var durationBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}

// NewMetrics registers the metrics in a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_graphql_requests_total",
			Help: "GraphQL requests by operation name and outcome (ok, error: executed with errors, rejected: refused before execution, cancelled: the client went away).",
		}, []string{"operation", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "factgraph_graphql_request_duration_seconds",
			Help:    "Time to answer a GraphQL request, by operation name.",
			Buckets: durationBuckets,
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_graphql_errors_total",
			Help: "Errors in GraphQL responses, by extensions.code.",
		}, []string{"code"}),
		neo4j: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "factgraph_neo4j_query_duration_seconds",
			Help:    "Time of Neo4j transactions, retries included, by operation and outcome (ok or the error code).",
			Buckets: durationBuckets,
		}, []string{"op", "outcome"}),
		open: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "factgraph_neo4j_breaker_open",
			Help: "1 while the Neo4j circuit breaker is open or half-open (queries answer UNAVAILABLE at once), 0 when closed.",
		}),
		changes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "factgraph_neo4j_breaker_transitions_total",
			Help: "Changes of state of the Neo4j circuit breaker, by the state entered (closed, open, half-open).",
		}, []string{"to"}),
		ops: operationLabels{max: maxOperationLabels, seen: map[string]bool{}},
	}
	m.reg.MustRegister(m.requests, m.duration, m.errors, m.neo4j, m.open, m.changes,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
	return m
}

// Handler serves the metrics in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler { return m.handler }

// ObserveBreaker records a change of state of the Neo4j circuit breaker (to: "closed",
// "open" or "half-open"); with a log line, it is graph.Config.OnBreakerChange.
func (m *Metrics) ObserveBreaker(to string) {
	m.changes.WithLabelValues(boundedLabel(to)).Inc()
	if to == "closed" {
		m.open.Set(0)
	} else {
		m.open.Set(1)
	}
}

// ObserveNeo4j records one Neo4j transaction; it has the signature of graph.Config.Observe.
func (m *Metrics) ObserveNeo4j(op string, d time.Duration, err error) {
	outcome := "ok"
	if err != nil {
		outcome = factgraph.ErrorCode(err)
	}
	m.neo4j.WithLabelValues(boundedLabel(op), outcome).Observe(d.Seconds())
}

// instrument records each GraphQL request (not CORS preflights or OPTIONS) once next has
// answered it, from the requestInfo the handler filled in.
func (m *Metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		ctx, info := withInfo(r.Context())
		start := time.Now()
		next.ServeHTTP(w, r.WithContext(ctx))
		op := m.ops.label(info.operation, info.validated)
		outcome := info.outcome
		if outcome == "" {
			outcome = outcomeError // a panic answered by gqlgen's own recovery
		}
		m.requests.WithLabelValues(op, outcome).Inc()
		m.duration.WithLabelValues(op).Observe(time.Since(start).Seconds())
		for _, c := range info.codes {
			m.errors.WithLabelValues(boundedLabel(c)).Inc()
		}
	})
}

// maxOperationLabels bounds the distinct operation names the metrics keep; later names
// are counted as "other".
const maxOperationLabels = 200

var labelRE = regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)

// boundedLabel is s if it looks like a name, else "other".
func boundedLabel(s string) string {
	if labelRE.MatchString(s) {
		return s
	}
	return "other"
}

// operationLabels turns operation names into metric labels of bounded cardinality:
// "anonymous" for none, the name itself for the first max distinct names that look like
// names and came with a valid document, "other" for the rest. A name seen only with
// documents that do not parse or validate is not admitted, so junk requests cannot use
// up the set before the dashboards' real operations arrive.
type operationLabels struct {
	mu   sync.Mutex
	max  int
	seen map[string]bool
}

func (o *operationLabels) label(name string, validated bool) string {
	if name == "" {
		return "anonymous"
	}
	if !labelRE.MatchString(name) {
		return "other"
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.seen[name] {
		return name
	}
	if validated && len(o.seen) < o.max {
		o.seen[name] = true
		return name
	}
	return "other"
}
