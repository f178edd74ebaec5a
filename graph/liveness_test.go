package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// timeoutErr is what net.Dialer returns when its own deadline passes: a net.Error whose
// Timeout is true.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "dial tcp 127.0.0.1:7690: i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// A dial that times out before the check's context notices (the dialer keeps its own
// clock) is silence, not a refusal: without SilenceTimeout it is no verdict (errSlow),
// with it a silence verdict (errSilent "within"). Taken for a refused connection, it
// opened the breaker in the middle of a healthy 1M cold load.
func TestLivenessDialTimeoutIsSilenceNotRefusal(t *testing.T) {
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: network, Err: timeoutErr{}}
	}
	l := &liveness{addr: "127.0.0.1:7690", dial: dial, heard: &heard{}}
	if err := l.check(context.Background()); !errors.Is(err, errSlow) {
		t.Fatalf("without SilenceTimeout: got %v, want errSlow (no verdict)", err)
	}
	if v := verdict(context.Background(), l.check(context.Background())); !errors.Is(v, errNoVerdict) {
		t.Fatalf("without SilenceTimeout the breaker's verdict is %v, want no verdict", v)
	}
	l.floor = 100 * time.Millisecond
	err := l.check(context.Background())
	if !errors.Is(err, errSilent) {
		t.Fatalf("with SilenceTimeout and nothing heard: got %v, want errSilent", err)
	}
}

// On real sockets: a port nobody listens on is refused (errSilent, a verdict that Neo4j
// is down); a listener that accepts and answers four bytes is alive; one that accepts and
// never answers is slow, not down, without SilenceTimeout.
func TestLivenessOnRealSockets(t *testing.T) {
	// refused: a port that was just closed
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	l := &liveness{addr: closed, dial: (&net.Dialer{}).DialContext, heard: &heard{}}
	if err := l.check(context.Background()); !errors.Is(err, errSilent) {
		t.Fatalf("refused connection: got %v, want errSilent", err)
	}

	// answers: reads the 20-byte handshake, writes a version
	answering, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer answering.Close()
	go func() {
		for {
			c, err := answering.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 20)
			if _, err := c.Read(buf); err == nil {
				_, _ = c.Write([]byte{0, 0, 8, 5})
			}
			c.Close()
		}
	}()
	l = &liveness{addr: answering.Addr().String(), dial: (&net.Dialer{}).DialContext, heard: &heard{}}
	if err := l.check(context.Background()); err != nil {
		t.Fatalf("answering listener: %v", err)
	}

	// silent: accepts (the kernel does) and never answers
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	l = &liveness{addr: silent.Addr().String(), dial: (&net.Dialer{}).DialContext, heard: &heard{}}
	for range livenessTrusted { // trusted answers bring the deadline down to minHandshakeWait
		l.observe(time.Millisecond)
	}
	err = l.check(context.Background())
	if !errors.Is(err, errSlow) {
		t.Fatalf("silent listener without SilenceTimeout: got %v, want errSlow", err)
	}
	if want := "within " + minHandshakeWait.String(); !strings.Contains(err.Error(), want) {
		t.Fatalf("silent listener: %v, want the deadline %q", err, want)
	}
}

// The error of a transaction the open breaker refuses says why it opened and when.
func TestBreakerOpenErrorNamesItsCause(t *testing.T) {
	down := fmt.Errorf("%w at 127.0.0.1:1: connection refused", errSilent)
	b := newBreaker(time.Hour, func(context.Context, bool) error { return down }, nil, false)
	defer b.close()
	_, finish, err := b.begin(context.Background(), "bolt://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	finish(down)
	_, _, err = b.begin(context.Background(), "bolt://127.0.0.1:1")
	if !errors.Is(err, errBreakerOpen) {
		t.Fatalf("after a verdict of down: got %v, want the open breaker's error", err)
	}
	for _, want := range []string{"open since ", "after: neo4j does not answer the Bolt handshake at 127.0.0.1:1: connection refused"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("open error %q does not say %q", err, want)
		}
	}
}
