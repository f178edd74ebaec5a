package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/sony/gobreaker/v2"

	"github.com/factgraph/factgraph"
)

// The circuit breaker in front of Neo4j (sony/gobreaker's two-step breaker: it only
// keeps the state, closed, open or half-open, and the counts, so every choke point can
// report its own outcome).
//
//   - Closed: transactions run. One that fails because Neo4j cannot be reached (after the
//     driver's own retries), or a failed probe, opens it.
//   - Open: transactions fail at once with EUNAVAILABLE, and those in flight are cancelled
//     (the driver would otherwise retry for up to MaxRetryTime). After BreakerOpenFor it
//     is half-open.
//   - Half-open: transactions are still refused; one probe (RETURN 1, no retries) is let
//     through; success closes the breaker, failure opens it again. A background loop
//     probes while it is not closed, so recovery does not wait for a client's request.
//
// Two kinds of probe. While the breaker is closed, a probe is the liveness check alone
// (liveness.go: a Bolt handshake on a new connection with a short, adaptive deadline),
// because a killed Neo4j is silent for a while before its sockets close and a probe
// through the driver would wait that out. While it is not closed, and for /readyz, a
// probe is the liveness check and then RETURN 1 through the driver (Neo4j accepts
// sessions and the database answers). Without a liveness check (TLS URIs) every probe
// is RETURN 1.
//
// A transaction still running after probeAfter (Neo4j killed, a connection being
// retried) triggers a probe, at most one at a time and one per minProbeInterval, so the
// breaker opens within tens of milliseconds of Neo4j going away although the driver
// would keep retrying for seconds. While closed, a liveness probe also runs every
// livenessEvery without traffic.
const (
	probeAfter       = 20 * time.Millisecond
	minProbeInterval = 25 * time.Millisecond
	probeTimeout     = time.Second
	recoverEvery     = 100 * time.Millisecond
)

// errBreakerOpen is the cause of the cancellation of a transaction cut short by the breaker.
var errBreakerOpen = factgraph.ErrCircuitOpen

// What a transaction or a probe tells the breaker (finish's and probe's report): nil
// (Neo4j answered, perhaps with an error), errDown (it could not be reached: a refused
// or broken connection), or errNoVerdict (the caller gave up, ran out of time, or the
// pool was full: nothing learnt about Neo4j, and it is not counted).
var (
	errDown      = errors.New("neo4j unreachable")
	errNoVerdict = errors.New("no verdict")
)

// verdict is what err, the driver's error of a call under ctx, tells the breaker. A call
// whose context ended says nothing, whatever the error (the driver reports a read cut
// short by the deadline as a connectivity error).
func verdict(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), errors.Is(err, errSlow):
		return errNoVerdict
	case errors.Is(err, errSilent), serverGone(err):
		return errDown
	case unreachable(err):
		return errNoVerdict // the pool's timeouts: Neo4j may be slow, not gone
	}
	return nil
}

// serverGone says whether err is a connectivity error, or retries that ended in one.
func serverGone(err error) bool {
	var tl *neo4j.TransactionExecutionLimit
	if errors.As(err, &tl) {
		return len(tl.Errors) > 0 && serverGone(tl.Errors[len(tl.Errors)-1])
	}
	var ce *neo4j.ConnectivityError
	return neo4j.IsConnectivityError(err) || errors.As(err, &ce)
}

// breaker guards the transactions of one DB.
type breaker struct {
	cb       *gobreaker.TwoStepCircuitBreaker[struct{}]
	probe    func(ctx context.Context, full bool) error // see probe; the driver's or the handshake's error
	onChange func(from, to string)                      // Config.OnBreakerChange, or nil

	mu     sync.Mutex
	trip   context.Context // cancelled when the breaker opens; a new one when it closes
	cancel context.CancelCauseFunc

	idleProbes bool // liveness probes while closed and idle (there is a liveness check)
	// opened is why the breaker last opened: the error of the transaction or probe that
	// opened it and when (nil before it first opens). Errors of refused transactions say it.
	opened    atomic.Pointer[openCause]
	probing   atomic.Bool
	lastProbe atomic.Int64 // unix nanoseconds
	stop      chan struct{}
	stopOnce  sync.Once
}

// openCause is the verdict that opened the breaker.
type openCause struct {
	err error
	at  time.Time
}

// report tells the breaker the verdict of a transaction or probe: done is gobreaker's,
// err the driver's error under ctx. A verdict that Neo4j is down, given while the breaker
// is closed, is kept as the cause of the opening it brings (failed probes while it stays
// open do not replace it: the error says when the outage began).
func (b *breaker) report(ctx context.Context, done func(error), err error) {
	v := verdict(ctx, err)
	if errors.Is(v, errDown) && (b.cb.State() == gobreaker.StateClosed || b.opened.Load() == nil) {
		b.opened.Store(&openCause{err: err, at: time.Now()})
	}
	done(v)
}

// openErr is openError with the cause of the last opening, if the breaker opened.
func (b *breaker) openErr(uri string, err error) error {
	c := b.opened.Load()
	if c == nil {
		return openError(uri, err)
	}
	return openError(uri, fmt.Errorf("%w (open since %s, after: %w)", err, c.at.Format("15:04:05.000"), c.err))
}

func newBreaker(openFor time.Duration, probe func(ctx context.Context, full bool) error, onChange func(from, to string), idleProbes bool) *breaker {
	b := &breaker{probe: probe, onChange: onChange, idleProbes: idleProbes, stop: make(chan struct{})}
	b.trip, b.cancel = context.WithCancelCause(context.Background())
	b.cb = gobreaker.NewTwoStepCircuitBreaker[struct{}](gobreaker.Settings{
		Name:          "neo4j",
		MaxRequests:   1, // one probe in half-open
		Timeout:       openFor,
		ReadyToTrip:   func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= 1 },
		IsSuccessful:  func(err error) bool { return !errors.Is(err, errDown) },
		IsExcluded:    func(err error) bool { return errors.Is(err, errNoVerdict) },
		OnStateChange: b.changed,
	})
	go b.recover()
	return b
}

// changed runs under gobreaker's lock: it must not call the breaker.
func (b *breaker) changed(_ string, from, to gobreaker.State) {
	b.mu.Lock()
	switch to {
	case gobreaker.StateOpen:
		b.cancel(errBreakerOpen)
	case gobreaker.StateClosed:
		b.trip, b.cancel = context.WithCancelCause(context.Background())
	}
	b.mu.Unlock()
	if b.onChange != nil {
		b.onChange(from.String(), to.String())
	}
}

// begin lets a transaction start, or refuses it with EUNAVAILABLE while the breaker is
// open. The context it returns is cancelled if the breaker opens meanwhile; finish
// reports the transaction's driver error (breaker.report) and must be called once.
func (b *breaker) begin(ctx context.Context, uri string) (context.Context, func(error), error) {
	// Half-open lets one call through: it is the probes', not a transaction's, whose
	// driver would retry a refused connection with growing pauses (1 s, 2 s, 4 s, ...)
	// while holding the only slot, so that recovery waited for it (54 s in the soak).
	if st := b.cb.State(); st != gobreaker.StateClosed {
		return ctx, nil, b.openErr(uri, fmt.Errorf("circuit breaker %s", st))
	}
	done, err := b.cb.Allow()
	if err != nil {
		return ctx, nil, b.openErr(uri, err)
	}
	b.mu.Lock()
	trip := b.trip
	b.mu.Unlock()
	ctx, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(trip, func() { cancel(errBreakerOpen) })
	w := b.watch()
	return ctx, func(err error) {
		w.stop()
		stop()
		b.report(ctx, done, err) // before cancel: a cancelled ctx is no verdict
		cancel(nil)
	}, nil
}

// watchdog asks for a probe probeAfter after a transaction starts, then every
// minProbeInterval until it ends.
type watchdog struct {
	mu      sync.Mutex
	t       *time.Timer
	stopped bool
}

func (b *breaker) watch() *watchdog {
	w := &watchdog{}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.t = time.AfterFunc(probeAfter, func() {
		b.probeSoon()
		w.mu.Lock()
		defer w.mu.Unlock()
		if !w.stopped {
			w.t.Reset(minProbeInterval)
		}
	})
	return w
}

func (w *watchdog) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stopped = true
	w.t.Stop()
}

// openError is the error of a transaction refused or cut short by the open breaker; its
// chain holds factgraph.ErrCircuitOpen.
func openError(uri string, err error) error {
	return &factgraph.Error{Code: factgraph.EUNAVAILABLE,
		Message: fmt.Sprintf("neo4j at %s does not answer (circuit breaker open: probing it)", uri),
		Err:     fmt.Errorf("%w: %w", factgraph.ErrCircuitOpen, err)}
}

// cutShort says whether the breaker cancelled ctx, so the transaction's error means
// Neo4j is unavailable.
func cutShort(ctx context.Context) bool { return errors.Is(context.Cause(ctx), errBreakerOpen) }

// probeSoon starts a probe unless one runs or ran less than minProbeInterval ago.
func (b *breaker) probeSoon() {
	if time.Since(time.Unix(0, b.lastProbe.Load())) < minProbeInterval || !b.probing.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer b.probing.Store(false)
		b.check(context.Background(), false)
	}()
}

// check runs one probe through the breaker, if it lets one through, and returns its
// error (the breaker's own if it refuses). The probe is the full one (RETURN 1 through
// the driver) if full is set or the breaker is not closed.
func (b *breaker) check(ctx context.Context, full bool) error {
	b.lastProbe.Store(time.Now().UnixNano())
	full = full || b.cb.State() != gobreaker.StateClosed
	done, err := b.cb.Allow()
	if err != nil {
		return err
	}
	pctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	err = b.probe(pctx, full)
	b.report(pctx, done, err)
	return err
}

// recover probes every recoverEvery while the breaker is not closed, and checks
// liveness every livenessEvery while it is, until the DB closes.
func (b *breaker) recover() {
	t := time.NewTicker(recoverEvery)
	defer t.Stop()
	idle := time.Duration(0)
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
		}
		if b.cb.State() != gobreaker.StateClosed {
			_ = b.check(context.Background(), true)
			idle = 0
			continue
		}
		if idle += recoverEvery; b.idleProbes && idle >= livenessEvery {
			idle = 0
			if b.probing.CompareAndSwap(false, true) { // not beside a watchdog's probe
				_ = b.check(context.Background(), false)
				b.probing.Store(false)
			}
		}
	}
}

func (b *breaker) close() { b.stopOnce.Do(func() { close(b.stop) }) }

// probe checks that Neo4j answers a Bolt handshake in time (liveness.go: a killed Neo4j
// is silent for a while before its sockets close); that is all unless full is set or
// there is no liveness check (TLS). The full probe then runs RETURN 1 in an explicit
// transaction, which the driver does not retry, so it answers within probeTimeout. A
// connection that died with the server it was opened to fails once and is dropped from
// the pool with the other idle ones: a second attempt tells a restarted server from a
// dead one. It returns the driver's error, or the handshake's (errSilent, errSlow).
func (db *DB) probe(ctx context.Context, full bool) error {
	if db.live != nil {
		err := db.live.check(ctx)
		if (err != nil && !errors.Is(err, errSlow)) || !full {
			return err
		}
	}
	err := db.probeOnce(ctx)
	if err != nil && serverGone(err) && ctx.Err() == nil {
		err = db.probeOnce(ctx)
	}
	return err
}

func (db *DB) probeOnce(ctx context.Context) error {
	s := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.cfg.Database, AccessMode: neo4j.AccessModeRead, BoltLogger: db.boltLogger()})
	defer s.Close(context.WithoutCancel(ctx))
	tx, err := s.BeginTransaction(ctx)
	if err != nil {
		return err
	}
	defer tx.Close(context.WithoutCancel(ctx))
	res, err := tx.Run(ctx, "RETURN 1", nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
