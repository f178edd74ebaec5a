package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/server/playground"
)

// addRoutes lists every endpoint of the server.
func addRoutes(mux *http.ServeMux, cfg Config, graph factgraph.Reader) {
	pg := playground.Handler("factgraph", "/graphql")
	mux.Handle("/graphql", newGraphQL(cfg, graph))
	mux.Handle("GET /{$}", pg)         // the playground
	mux.Handle("GET /playground/", pg) // its assets
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /readyz", readyz(graph))
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
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": factgraph.ErrorMessage(err)})
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
