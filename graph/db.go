package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/log"
	"github.com/sony/gobreaker/v2"

	"github.com/factgraph/factgraph"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j://, bolt+s://, neo4j+s://
	User     string
	Password string
	Database string // default "neo4j"
	// ConnectTimeout bounds the first connection and each new socket (default 5s).
	ConnectTimeout time.Duration
	// MaxRetryTime bounds the retries of a transaction that failed transiently, the
	// database being unreachable included (default 15s).
	MaxRetryTime time.Duration
	// QueryTimeout is the Neo4j transaction timeout of each read (0: the server's).
	QueryTimeout time.Duration
	// PathBudget is how many relationships one path request may expand (0:
	// DefaultPathBudget); PathTimeout bounds the search for paths longer than the shortest
	// (0: DefaultPathTimeout). Beyond either the request fails with ELIMIT.
	PathBudget  int
	PathTimeout time.Duration
	// Observe, if set, is called after every read and write transaction with a short
	// name of the operation, how long it took and its error (for metrics).
	Observe func(op string, d time.Duration, err error)
	// BreakerOpenFor is how long the circuit breaker stays open, refusing transactions
	// with EUNAVAILABLE at once, before it lets a probe through (default 250ms).
	// breaker.go says when it opens.
	BreakerOpenFor time.Duration
	// OnBreakerChange, if set, is called when the breaker changes state ("closed",
	// "open", "half-open"), for logs and metrics. It must not block.
	OnBreakerChange func(from, to string)
	// SilenceTimeout, if set, is the shortest time a Bolt handshake may go unanswered,
	// with nothing else heard from Neo4j, before a probe counts Neo4j as down (the
	// deadline grows with the handshake times seen, liveness.go). It is how soon the
	// breaker opens after Neo4j is killed, before the kernel closes its sockets. 0 (the
	// default): silence is no verdict, only a refused or dropped connection is; a live
	// Neo4j on a loaded machine can be silent for over 100 ms (BENCHMARKS.md, "Recovery
	// after a real kill").
	SilenceTimeout time.Duration
}

// DB is an open Neo4j driver. It is safe for concurrent use; make one per process.
type DB struct {
	driver  neo4j.DriverWithContext
	cfg     Config
	breaker *breaker
	live    *liveness // nil for TLS URIs
	heard   *heard    // with SilenceTimeout, the Bolt logger of every session: when Neo4j last sent something
}

// Open creates the driver and verifies that Neo4j answers and accepts the credentials.
// Errors: EUNAVAILABLE naming the URI, EINVALID for a malformed URI.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	if cfg.MaxRetryTime <= 0 {
		cfg.MaxRetryTime = 15 * time.Second
	}
	if cfg.BreakerOpenFor <= 0 {
		cfg.BreakerOpenFor = 250 * time.Millisecond
	}
	u, err := url.Parse(cfg.URI)
	if err != nil || u.Host == "" {
		return nil, factgraph.Errorf(factgraph.EINVALID, "NEO4J_URI %q is not a URI like bolt://127.0.0.1:7687", cfg.URI)
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = cfg.ConnectTimeout
			c.ConnectionAcquisitionTimeout = 2 * cfg.ConnectTimeout
			c.MaxTransactionRetryTime = cfg.MaxRetryTime
			c.MaxConnectionPoolSize = 100
		})
	if err != nil {
		return nil, &factgraph.Error{Code: factgraph.EINVALID, Message: fmt.Sprintf("neo4j at %s", cfg.URI), Err: err}
	}
	// Only a silence verdict asks what was heard (liveness.check): without SilenceTimeout
	// no session carries the logger, which the driver calls on every message, records
	// included.
	var h *heard
	if cfg.SilenceTimeout > 0 {
		h = &heard{}
	}
	db := &DB{driver: driver, cfg: cfg, heard: h, live: newLiveness(cfg.URI, cfg.SilenceTimeout, h)}
	vctx, cancel := context.WithTimeout(ctx, 2*cfg.ConnectTimeout)
	defer cancel()
	if err := driver.VerifyConnectivity(vctx); err != nil {
		_ = driver.Close(ctx)
		return nil, db.unavailable(err)
	}
	db.breaker = newBreaker(cfg.BreakerOpenFor, db.probe, func(from, to string) {
		if to == "closed" && db.live != nil {
			db.live.reset() // Neo4j may be back cold: its handshake times are new
		}
		if cfg.OnBreakerChange != nil {
			cfg.OnBreakerChange(from, to)
		}
	}, db.live != nil)
	return db, nil
}

// Close closes the driver and its connections.
func (db *DB) Close(ctx context.Context) error {
	db.breaker.close()
	return db.driver.Close(ctx)
}

// URI is the address the driver connects to.
func (db *DB) URI() string { return db.cfg.URI }

// Ping checks that Neo4j answers with one round trip (RETURN 1), and feeds the circuit
// breaker: while it is open, Ping fails at once. Errors: EUNAVAILABLE.
func (db *DB) Ping(ctx context.Context) error {
	err := db.breaker.check(ctx, true)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gobreaker.ErrOpenState), errors.Is(err, gobreaker.ErrTooManyRequests):
		return db.breaker.openErr(db.cfg.URI, err)
	}
	return db.unavailable(err)
}

// session opens a session for reads or writes. Every session shares the bookmark
// manager of neo4j.ExecuteQuery: each one starts after the writes committed before it
// (read-your-writes on a cluster, where a read may go to a secondary that has not yet
// applied them), and commits its own bookmarks for the next.
func (db *DB) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.cfg.Database, AccessMode: mode,
		BookmarkManager: db.driver.ExecuteQueryBookmarkManager(), BoltLogger: db.boltLogger()})
}

// boltLogger is the sessions' Bolt logger: heard, or none (a nil interface, not a nil
// *heard) without SilenceTimeout.
func (db *DB) boltLogger() log.BoltLogger {
	if db.heard == nil {
		return nil
	}
	return db.heard
}

// read runs work in a managed read transaction through the circuit breaker and
// translates its error. op names the operation for metrics. The driver's retries and its
// wait for a connection end with ctx (the request's deadline), or at once if the breaker
// opens.
func read[T any](ctx context.Context, db *DB, op string, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	var cfg []func(*neo4j.TransactionConfig)
	if db.cfg.QueryTimeout > 0 {
		cfg = append(cfg, neo4j.WithTxTimeout(db.cfg.QueryTimeout))
	}
	return guarded(ctx, db, op, func(ctx context.Context) (T, error) {
		s := db.session(ctx, neo4j.AccessModeRead)
		defer s.Close(context.WithoutCancel(ctx))
		return neo4j.ExecuteRead(ctx, s, work, cfg...)
	})
}

// query runs one read statement through neo4j.ExecuteQuery (the driver's way for a single
// statement: one auto-committed read transaction, sent to a reader of a cluster, with the
// driver's default bookmark manager, retried on transient errors) and translates its
// error. It is the choke point of every single-statement read, as read is of the others,
// and goes through the circuit breaker likewise.
func (db *DB) query(ctx context.Context, op, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	opts := []neo4j.ExecuteQueryConfigurationOption{
		neo4j.ExecuteQueryWithDatabase(db.cfg.Database), neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithBoltLogger(db.boltLogger()),
	}
	if db.cfg.QueryTimeout > 0 {
		opts = append(opts, neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(db.cfg.QueryTimeout)))
	}
	return guarded(ctx, db, op, func(ctx context.Context) (*neo4j.EagerResult, error) {
		return neo4j.ExecuteQuery(ctx, db.driver, cypher, params, neo4j.EagerResultTransformer, opts...)
	})
}

// write runs work in a managed write transaction (retried on transient errors, so work
// must be idempotent) through the circuit breaker and translates its error.
func write[T any](ctx context.Context, db *DB, op string, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return guarded(ctx, db, op, func(ctx context.Context) (T, error) {
		s := db.session(ctx, neo4j.AccessModeWrite)
		defer s.Close(context.WithoutCancel(ctx))
		return neo4j.ExecuteWrite(ctx, s, work)
	})
}

// guarded is the choke point of every transaction: it asks the circuit breaker, runs tx
// under a context the breaker cancels if it opens, translates the error, reports it to
// the breaker and to Observe.
func guarded[T any](ctx context.Context, db *DB, op string, tx func(ctx context.Context) (T, error)) (v T, err error) {
	start := time.Now()
	defer func() { db.observe(op, start, err) }()
	tctx, report, err := db.breaker.begin(ctx, db.cfg.URI)
	if err != nil {
		return v, err
	}
	reported := false
	defer func() {
		if !reported { // tx panicked: the breaker must still hear of it
			report(nil)
		}
	}()
	v, err = tx(tctx)
	err = db.finish(tctx, err, report)
	reported = true
	return v, err
}

// finish reports the error of a transaction run under tctx (from breaker.begin) to the
// breaker and translates it: a transaction the breaker cut short failed because Neo4j
// is unavailable, whatever the driver says.
func (db *DB) finish(tctx context.Context, err error, report func(error)) error {
	// Read the context's state before reporting: report releases tctx, which cancels it.
	cut, ctxErr := cutShort(tctx), tctx.Err()
	report(err)
	switch {
	case err == nil:
		return nil
	case cut:
		return db.breaker.openErr(db.cfg.URI, err)
	case errors.Is(ctxErr, context.DeadlineExceeded):
		// The driver may report a read cut short by the deadline as a connectivity error.
		return &factgraph.Error{Code: factgraph.ELIMIT, Message: "the request took longer than its time limit", Err: err}
	case errors.Is(ctxErr, context.Canceled):
		return &factgraph.Error{Code: factgraph.ECANCELED, Message: "the request was cancelled", Err: err}
	}
	return db.translate(err)
}

func (db *DB) observe(op string, start time.Time, err error) {
	if db.cfg.Observe != nil {
		db.cfg.Observe(op, time.Since(start), err)
	}
}

// translate turns a driver error into a coded error that names the URI where it helps.
func (db *DB) translate(err error) error {
	if err == nil {
		return nil
	}
	var fe *factgraph.Error
	if errors.As(err, &fe) {
		return err
	}
	var ne *neo4j.Neo4jError
	switch {
	case errors.As(err, &ne) && ne.IsAuthenticationFailed():
		return &factgraph.Error{Code: factgraph.EUNAVAILABLE,
			Message: fmt.Sprintf("neo4j at %s rejected user %q: wrong NEO4J_USER or NEO4J_PASSWORD", db.cfg.URI, db.cfg.User), Err: err}
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Database.DatabaseNotFound":
		return &factgraph.Error{Code: factgraph.EUNAVAILABLE,
			Message: fmt.Sprintf("neo4j at %s has no database %q (NEO4J_DATABASE)", db.cfg.URI, db.cfg.Database), Err: err}
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
		errors.As(err, &ne) && ne.Code == "Neo.ClientError.Transaction.TransactionTimedOut":
		return &factgraph.Error{Code: factgraph.ELIMIT, Message: "the query took longer than the transaction timeout", Err: err}
	case errors.As(err, &ne):
		return &factgraph.Error{Code: factgraph.EINTERNAL, Message: "neo4j error", Err: err}
	case errors.Is(err, context.DeadlineExceeded):
		return &factgraph.Error{Code: factgraph.ELIMIT, Message: "the request took longer than its time limit", Err: err}
	case errors.Is(err, context.Canceled):
		return &factgraph.Error{Code: factgraph.ECANCELED, Message: "the request was cancelled", Err: err}
	case errors.Is(err, errSilent):
		return &factgraph.Error{Code: factgraph.EUNAVAILABLE,
			Message: fmt.Sprintf("neo4j at %s does not answer", db.cfg.URI), Err: err}
	case unreachable(err):
		return &factgraph.Error{Code: factgraph.EUNAVAILABLE,
			Message: fmt.Sprintf("cannot reach neo4j at %s (is it running? set NEO4J_URI)", db.cfg.URI), Err: err}
	default:
		// A mapping error, a driver usage error: ours to fix, not the database's.
		return &factgraph.Error{Code: factgraph.EINTERNAL, Message: "internal error", Err: err}
	}
}

// unreachable reports whether err says the database cannot be reached: a connectivity
// error, retries of a transient failure given up, or no connection free in the pool.
func unreachable(err error) bool {
	if neo4j.IsConnectivityError(err) || neo4j.IsTransactionExecutionLimit(err) {
		return true
	}
	var ce *neo4j.ConnectivityError
	var tl *neo4j.TransactionExecutionLimit
	if errors.As(err, &ce) || errors.As(err, &tl) {
		return true
	}
	// The pool's timeout types live in an internal package of the driver.
	t := fmt.Sprintf("%T", err)
	return strings.Contains(t, "PoolTimeout") || strings.Contains(t, "PoolFull") || strings.Contains(t, "PoolClosed")
}

// unavailable is translate for the calls that only check the database is there (Open,
// Ping), where running out of time means it does not answer.
func (db *DB) unavailable(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return &factgraph.Error{Code: factgraph.EUNAVAILABLE,
			Message: fmt.Sprintf("neo4j at %s did not answer in time", db.cfg.URI), Err: err}
	}
	return db.translate(err)
}

var (
	_ factgraph.Reader          = (*DB)(nil)
	_ factgraph.Writer          = (*DB)(nil)
	_ factgraph.PresenceChecker = (*DB)(nil)
)

// Driver is the underlying driver, for tests and tools in this module.
func (db *DB) Driver() neo4j.DriverWithContext { return db.driver }

// Database is the name of the database queries go to.
func (db *DB) Database() string { return db.cfg.Database }
