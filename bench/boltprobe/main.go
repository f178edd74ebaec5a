// Command boltprobe measures two things about a Neo4j on this machine that decide how
// soon factgraph can tell a killed Neo4j from a live one (BENCHMARKS.md, "Recovery
// after a real kill"):
//
//	boltprobe -addr 127.0.0.1:7721 -n 300           Bolt handshake times (percentiles)
//	boltprobe -addr 127.0.0.1:7721 -kill PIDFILE    SIGKILL the JVM, then time how long its
//	                                                port still accepts connections, when an
//	                                                open connection sees EOF, when the port
//	                                                refuses, when the process is gone
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var handshake = []byte{0x60, 0x60, 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0}

func main() {
	addr := flag.String("addr", "127.0.0.1:7687", "Neo4j's Bolt address")
	n := flag.Int("n", 300, "handshakes to time, 20 ms apart")
	kill := flag.String("kill", "", "pid file of the Neo4j JVM to kill with SIGKILL")
	flag.Parse()
	var err error
	if *kill != "" {
		err = killTimes(*addr, *kill)
	} else {
		err = handshakes(*addr, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "boltprobe:", err)
		os.Exit(1)
	}
}

func handshakes(addr string, n int) error {
	var ds []time.Duration
	for range n {
		s := time.Now()
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			return err
		}
		_ = c.SetDeadline(time.Now().Add(5 * time.Second))
		_, err = c.Write(handshake)
		var v [4]byte
		if err == nil {
			_, err = io.ReadFull(c, v[:])
		}
		c.Close()
		if err != nil {
			return err
		}
		ds = append(ds, time.Since(s))
		time.Sleep(20 * time.Millisecond)
	}
	slices.Sort(ds)
	at := func(p float64) time.Duration {
		return ds[min(len(ds)-1, int(p*float64(len(ds))))].Round(10 * time.Microsecond)
	}
	fmt.Printf("%d handshakes: p50 %v, p90 %v, p99 %v, max %v\n", n, at(0.5), at(0.9), at(0.99), ds[len(ds)-1].Round(10*time.Microsecond))
	return nil
}

func killTimes(addr, pidfile string) error {
	b, err := os.ReadFile(pidfile)
	if err != nil {
		return err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return fmt.Errorf("%s: %w", pidfile, err)
	}
	rss := "?"
	if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for line := range strings.SplitSeq(string(st), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				rss = strings.Join(strings.Fields(v), " ")
			}
		}
	}
	open, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	eof := make(chan time.Time, 1)
	go func() { _, _ = open.Read(make([]byte, 8)); eof <- time.Now() }()
	time.Sleep(100 * time.Millisecond)
	t0 := time.Now()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return err
	}
	var accepted, refused time.Duration
	for time.Since(t0) < 10*time.Second {
		c, err := net.DialTimeout("tcp", addr, 50*time.Millisecond)
		if err == nil {
			accepted = time.Since(t0)
			c.Close()
		} else if strings.Contains(err.Error(), "refused") {
			refused = time.Since(t0)
			break
		}
		time.Sleep(time.Millisecond)
	}
	closed := (<-eof).Sub(t0)
	var gone time.Duration
	for time.Since(t0) < time.Minute {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
			gone = time.Since(t0)
			break
		}
		time.Sleep(time.Millisecond)
	}
	fmt.Printf("SIGKILL of pid %d (RSS %s): port last accepted a connection %v after, open connection EOF %v, port refused %v, process gone %v\n",
		pid, rss, accepted.Round(time.Millisecond), closed.Round(time.Millisecond), refused.Round(time.Millisecond), gone.Round(time.Millisecond))
	return nil
}
