package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/server/explorer"
	"github.com/factgraph/factgraph/server/playground"
)

// addRoutes lists every endpoint of the server.
func addRoutes(mux *http.ServeMux, cfg Config, graph factgraph.Reader, metrics *Metrics) {
	pg := playground.Handler("factgraph", "/graphql")
	ex := explorer.Handler("/graphql")
	mux.Handle("/graphql", newGraphQL(cfg, graph, metrics)) // GET, POST, OPTIONS; others 405
	mux.Handle("GET /{$}", pg)                              // the playground
	mux.Handle("GET /playground/", pg)                      // its assets
	mux.Handle("GET /explore/", ex)                         // the graph explorer (/explore redirects here)
	mux.HandleFunc("GET /healthz", healthz)                 // liveness: the process answers
	mux.Handle("GET /readyz", readyz(graph))                // readiness: Neo4j answers
	mux.Handle("GET /metrics", metrics.Handler())           // Prometheus
}

// healthz says the process is alive; it does not look at Neo4j.
func healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz says whether Neo4j answers, so a load balancer can take the server out of rotation.
func readyz(graph factgraph.Reader) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := graph.Ping(ctx); err != nil {
			// The cause names the database's address: logged, not shown.
			zerolog.Ctx(r.Context()).Warn().Err(err).Msg("readyz: neo4j unavailable")
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "the graph database does not answer"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
