package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/factgraph/factgraph"
)

// authenticate lets a request that presents `Authorization: Bearer <token>` write
// (factgraph.WithWriter); the mutation resolvers check factgraph.IsWriter. A request
// without Authorization goes on as a reader: queries are public. One with any other
// credentials, or with a token when none is configured, is refused with 401 and
// extensions.code UNAUTHENTICATED, so a pipeline with a wrong token learns it at once
// rather than from its first mutation.
func authenticate(token string, next http.Handler) http.Handler {
	// Comparing digests keeps the comparison constant-time in the token's length too.
	want := sha256.Sum256([]byte(token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		if auth == "" {
			next.ServeHTTP(w, r)
			return
		}
		scheme, cred, _ := strings.Cut(auth, " ")
		got := sha256.Sum256([]byte(strings.TrimSpace(cred)))
		match := subtle.ConstantTimeCompare(got[:], want[:]) == 1
		if !strings.EqualFold(scheme, "Bearer") || token == "" || !match {
			w.Header().Set("WWW-Authenticate", `Bearer realm="factgraph", error="invalid_token"`)
			refuse(w, r, http.StatusUnauthorized, codeUnauthenticated, "invalid bearer token")
			return
		}
		next.ServeHTTP(w, r.WithContext(factgraph.WithWriter(r.Context())))
	})
}
