package main

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// A request is one call of a workload against one system: i picks the parameters.
type request func(ctx context.Context, i int) error

// Limits bound one measurement: it stops at Duration or after Requests, whichever comes
// first. Warmup requests (not counted) run before it, at the same concurrency.
type Limits struct {
	Duration time.Duration
	Requests int
	Warmup   int
	Timeout  time.Duration // of one request
}

// Result is one measurement.
type Result struct {
	Requests  int
	Errors    int
	Elapsed   time.Duration
	P50, P95  time.Duration
	P99       time.Duration
	FirstErr  string
	Latencies []time.Duration `json:"-"`
}

// RPS is completed requests (errors included) per second.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// run drives do with c workers until the limits are reached. Request indexes are handed
// out in order (0, 1, 2, ...), so every system sees the same parameter sequence.
func run(ctx context.Context, do request, c int, lim Limits) Result {
	if lim.Timeout <= 0 {
		lim.Timeout = 30 * time.Second
	}
	// Warm-up: same concurrency, not counted.
	if lim.Warmup > 0 {
		drive(ctx, do, c, lim.Warmup, time.Now().Add(lim.Duration), lim.Timeout, 0)
	}
	start := time.Now()
	lats, errs, first := drive(ctx, do, c, lim.Requests, start.Add(lim.Duration), lim.Timeout, lim.Warmup)
	res := Result{Requests: len(lats), Errors: errs, Elapsed: time.Since(start), FirstErr: first, Latencies: lats}
	res.P50, res.P95, res.P99 = percentile(lats, 50), percentile(lats, 95), percentile(lats, 99)
	return res
}

// runRounds measures several systems (dos) side by side: the limits are split into
// rounds, and each round runs every system once, in an order rotated from round to round
// (fg, floor, peer; floor, peer, fg; ...), each after its own share of the warm-up. So a
// change in the machine's load during a cell (other processes, Neo4j's caches) falls on
// every system alike instead of on whichever ran last. The rounds' latencies are merged.
func runRounds(ctx context.Context, dos []request, c int, lim Limits, rounds int) []Result {
	rounds = max(rounds, 1)
	per := lim
	per.Duration = lim.Duration / time.Duration(rounds)
	per.Requests = max(lim.Requests/rounds, 1)
	per.Warmup = max(lim.Warmup/rounds, min(lim.Warmup, 5))
	out := make([]Result, len(dos))
	for k := 0; k < rounds && ctx.Err() == nil; k++ {
		for j := range dos {
			s := (j + k) % len(dos)
			out[s] = merge(out[s], run(ctx, dos[s], c, per))
		}
	}
	return out
}

// merge adds measurement b to a (the latencies of both, their times summed).
func merge(a, b Result) Result {
	a.Requests += b.Requests
	a.Errors += b.Errors
	a.Elapsed += b.Elapsed
	if a.FirstErr == "" {
		a.FirstErr = b.FirstErr
	}
	a.Latencies = append(a.Latencies, b.Latencies...)
	a.P50, a.P95, a.P99 = percentile(a.Latencies, 50), percentile(a.Latencies, 95), percentile(a.Latencies, 99)
	return a
}

// drive runs at most n requests (indexes from base) on c workers, none started after
// deadline. It returns the latencies of all requests and the number that failed.
func drive(ctx context.Context, do request, c, n int, deadline time.Time, timeout time.Duration, base int) ([]time.Duration, int, string) {
	var next atomic.Int64
	var mu sync.Mutex
	var all []time.Duration
	errs := 0
	first := ""
	var wg sync.WaitGroup
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lats []time.Duration
			var nerr int
			var ferr string
			for {
				i := int(next.Add(1)) - 1
				if i >= n || !time.Now().Before(deadline) || ctx.Err() != nil {
					break
				}
				rctx, cancel := context.WithTimeout(ctx, timeout)
				t0 := time.Now()
				err := do(rctx, base+i)
				lats = append(lats, time.Since(t0))
				cancel()
				if err != nil {
					nerr++
					if ferr == "" {
						ferr = err.Error()
					}
				}
			}
			mu.Lock()
			all = append(all, lats...)
			errs += nerr
			if first == "" {
				first = ferr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, errs, first
}

// percentile is the nearest-rank percentile p (0-100] of the latencies; 0 if none.
func percentile(lats []time.Duration, p float64) time.Duration {
	if len(lats) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), lats...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	if rank < 1 {
		rank = 1
	}
	if rank > len(s) {
		rank = len(s)
	}
	return s[rank-1]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
