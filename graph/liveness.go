package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// The liveness check: a Bolt handshake on a new TCP connection, answered by Neo4j's
// network threads (no Cypher, no authentication), with a short deadline.
//
// Why: a Neo4j killed with SIGKILL is silent before it is gone. The kernel frees the
// JVM's memory before it closes the process's sockets (measured: 360 ms for a 740 MB
// JVM on the 2-core test machine, BENCHMARKS.md "Recovery after a real kill"), and
// meanwhile the Bolt port still accepts connections and the open ones take bytes but
// never answer. A statement or a probe over the driver waits out that silence; the
// handshake does not, so the breaker opens within tens of milliseconds of the kill.
//
// The deadline adapts to the answers seen: four times the slowest of the last 16
// handshakes, never under Config.SilenceTimeout nor over probeTimeout, so a loaded
// machine (whose handshakes take longer: on the 2-core test machine at a load average
// of 16, during a load, p50 1.5 ms, p99 56 ms, max 94 ms) does not read as a dead
// Neo4j. Until 8 handshakes have been answered since the driver opened or the breaker
// last closed, and for livenessCold after it closed (a Neo4j just started is slow to
// answer anything), the deadline is probeTimeout. While the breaker is closed a
// handshake runs every second (livenessEvery) even without traffic, so the figures stay
// current and a Neo4j killed while idle is noticed within a second.
//
// A handshake that is not answered in time counts only if nothing else came from Neo4j
// meanwhile either: with SilenceTimeout, every session of the DB has a Bolt logger (heard) that notes when
// the server last sent a message, so a Neo4j busy answering the statements in flight
// (whose handshakes can take over 100 ms on a loaded machine) is not taken for a dead
// one, which sends nothing at all.
//
// The handshake is the Bolt protocol's first 20 bytes (https://neo4j.com/docs/bolt/current/bolt/handshake/):
// the driver has no call that stops there, and anything beyond it (HELLO, the
// credentials) runs on the server's worker threads. It is not used for bolt+s and
// neo4j+s URIs, where the handshake comes after TLS: there the driver's probe alone
// decides, as before.

// errSilent is a liveness check's error when Neo4j refused or dropped the connection, or
// (with Config.SilenceTimeout set) accepted it but did not answer the handshake in time:
// Neo4j is down. errSlow is the error of a handshake not answered in time that is not
// taken as a verdict: SilenceTimeout is 0, or Neo4j sent something else meanwhile.
var (
	errSilent = errors.New("neo4j does not answer the Bolt handshake")
	errSlow   = errors.New("neo4j is slow to answer the Bolt handshake")
)

// minHandshakeWait is the shortest deadline of a handshake when SilenceTimeout is 0 (a
// silent Neo4j is then no verdict, only a probe that gives up on the handshake).
const minHandshakeWait = 50 * time.Millisecond

// boltHandshake is the magic preamble and four version proposals: 5.0 to 5.8, 4.4, none, none.
var boltHandshake = []byte{
	0x60, 0x60, 0xB0, 0x17,
	0x00, 0x08, 0x08, 0x05,
	0x00, 0x00, 0x04, 0x04,
	0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
}

const (
	livenessEvery   = time.Second
	livenessSamples = 16 // handshakes the deadline looks back on
	livenessTrusted = 8  // answered handshakes before the deadline drops below probeTimeout
	livenessFactor  = 4  // the deadline: this many times the slowest recent handshake
	// livenessCold is how long after the breaker closes the deadline stays probeTimeout
	// whatever the handshakes: a restarted Neo4j's JVM is cold, and in the kill test it
	// left handshakes unanswered for over 50 ms, with nothing else sent, 5 and 8 s after
	// answering again.
	livenessCold = 30 * time.Second
)

// heard is a Bolt logger (the driver's hook on every message) that keeps the time of the
// last message from the server.
type heard struct{ last atomic.Int64 } // unix nanoseconds

func (h *heard) LogClientMessage(string, string, ...any) {}
func (h *heard) LogServerMessage(string, string, ...any) { h.last.Store(time.Now().UnixNano()) }

// since says whether the server sent anything after t.
func (h *heard) since(t time.Time) bool { return h.last.Load() > t.UnixNano() }

type liveness struct {
	addr  string        // host:port
	floor time.Duration // Config.SilenceTimeout
	dial  func(ctx context.Context, network, addr string) (net.Conn, error)
	heard *heard

	mu      sync.Mutex
	recent  [livenessSamples]time.Duration // the last answered handshakes' times, a ring
	n       int                            // answered since the last reset
	resetAt time.Time                      // the last reset; zero before the first
}

// newLiveness returns the check for a plain bolt:// or neo4j:// URI, nil for others.
func newLiveness(uri string, floor time.Duration, h *heard) *liveness {
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "bolt" && u.Scheme != "neo4j") {
		return nil
	}
	port := u.Port()
	if port == "" {
		port = "7687"
	}
	return &liveness{addr: net.JoinHostPort(u.Hostname(), port), floor: floor, dial: (&net.Dialer{}).DialContext, heard: h}
}

// deadline is how long a handshake may take before Neo4j counts as silent.
func (l *liveness) deadline() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n < livenessTrusted || (!l.resetAt.IsZero() && time.Since(l.resetAt) < livenessCold) {
		return probeTimeout
	}
	slowest := time.Duration(0)
	for _, d := range l.recent[:min(l.n, livenessSamples)] {
		slowest = max(slowest, d)
	}
	floor := l.floor
	if floor <= 0 {
		floor = minHandshakeWait
	}
	return min(max(floor, livenessFactor*slowest), probeTimeout)
}

func (l *liveness) observe(d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recent[l.n%livenessSamples] = d
	l.n++
}

// reset forgets the handshake times (the breaker closed: Neo4j may have restarted cold).
func (l *liveness) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n, l.resetAt = 0, time.Now()
}

// check dials Neo4j and runs the handshake. It returns nil if Neo4j answered (whatever
// version it chose); an error wrapping errSilent if it refused or dropped the
// connection, or was silent for the deadline with SilenceTimeout set; errSlow if it did
// not answer in time otherwise; ctx's error if ctx ended first (no verdict).
func (l *liveness) check(ctx context.Context) error {
	limit := l.deadline()
	hctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	start := time.Now()
	err := l.handshake(hctx)
	// The dialer times out at hctx's deadline on its own clock, and can return "i/o
	// timeout" before hctx's timer has fired: a timeout is silence, not a refusal. (Taken
	// for a refusal, a dial not answered within the deadline on a busy machine opened the
	// breaker in the middle of a healthy load: BENCHMARKS.md, "The breaker that opened
	// during a cold load".)
	timedOut := hctx.Err() != nil || isTimeout(err)
	switch {
	case err == nil:
		l.observe(time.Since(start))
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	case timedOut && (l.floor <= 0 || l.heard.since(start)):
		return fmt.Errorf("%w at %s: no answer within %v", errSlow, l.addr, limit)
	case timedOut:
		return fmt.Errorf("%w at %s within %v", errSilent, l.addr, limit)
	}
	return fmt.Errorf("%w at %s: %v", errSilent, l.addr, err)
}

// isTimeout says whether err is a network operation's timeout (a deadline reached), as
// opposed to a refused or dropped connection.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

func (l *liveness) handshake(ctx context.Context) error {
	c, err := l.dial(ctx, "tcp", l.addr)
	if err != nil {
		return err
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { _ = c.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if _, err := c.Write(boltHandshake); err != nil {
		return err
	}
	var version [4]byte
	if _, err := io.ReadFull(c, version[:]); err != nil {
		return err
	}
	return nil
}
