package server

import (
	"net/http"

	"github.com/rs/cors"
)

// withCORS lets pages from the origins call next from a browser, preflight (OPTIONS)
// included. No origins: next as it is, with no CORS headers at all (rs/cors would
// otherwise allow every origin).
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return cors.New(cors.Options{
		AllowedOrigins: origins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Authorization", "Content-Type", "Accept", "X-Request-Id"},
		ExposedHeaders: []string{"X-Request-Id"},
		MaxAge:         600, // seconds a browser may reuse a preflight answer
		// Credentials travel as a bearer token in a header, never as cookies.
		AllowCredentials: false,
	}).Handler(next)
}
