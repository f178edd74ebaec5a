package server

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"

	"github.com/factgraph/factgraph"
)

// rateClients is how many clients the rate limiter remembers; the least recently seen
// is forgotten first (and starts again with a full bucket).
const rateClients = 10000

// rateLimit lets each client send perSecond GraphQL requests a second on average, in
// bursts of up to burst (golang.org/x/time/rate's token bucket), and answers the rest
// with 429, Retry-After and extensions.code LIMIT_EXCEEDED. A client is the writer
// (a request with the valid bearer token: after authenticate) or else the remote
// address without its port. perSecond <= 0: no limit.
func rateLimit(perSecond float64, burst int, next http.Handler) http.Handler {
	if perSecond <= 0 {
		return next
	}
	burst = max(burst, 1)
	clients, _ := lru.New[string, *rate.Limiter](rateClients)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := "writer"
		if !factgraph.IsWriter(r.Context()) {
			key = "addr " + clientAddr(r)
		}
		l, ok := clients.Get(key)
		if !ok {
			l = rate.NewLimiter(rate.Limit(perSecond), burst)
			if prev, ok, _ := clients.PeekOrAdd(key, l); ok {
				l = prev
			}
		}
		res := l.Reserve()
		if d := res.Delay(); d > 0 {
			res.Cancel()
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
			refuse(w, r, http.StatusTooManyRequests, codeLimitExceeded,
				"more than %s requests a second from this client (bursts of %d); retry in %v", formatRate(perSecond), burst, d.Round(time.Millisecond))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clientAddr is the remote address without its port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func formatRate(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
