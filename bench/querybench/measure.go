package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

type row struct {
	workload string
	c        int
	fg, fl   Result
	peer     *Result
	fgCut    int64 // factgraph's answers cut by its budget (LIMIT_EXCEEDED), not errors
	// floorOnly: only fl was measured (an alternative statement of another workload).
	floorOnly bool
}

// measure times every workload at every concurrency: factgraph, the floor and the peer in
// turns (o.rounds rounds, each in another order: runRounds), then prints the tables
// (markdown) to stdout.
func measure(ctx context.Context, o options, ws []*workload, fg, peer *gqlClient, fl *floor) error {
	var rows []row
	for _, w := range ws {
		w := w
		var cut atomic.Int64
		fgDo := func(ctx context.Context, i int) error {
			q, v := w.fg(i)
			_, err := fg.do(ctx, q, v)
			if w.budgeted && budgetCut(err) {
				cut.Add(1)
				return nil
			}
			return err
		}
		flDo := func(ctx context.Context, i int) error { _, err := w.floor(ctx, fl, i); return err }
		for _, c := range o.conc {
			r := row{workload: w.name, c: c, floorOnly: w.floorOnly}
			if w.floorOnly {
				fmt.Fprintf(os.Stderr, "querybench: %-20s c=%-3d floor ", w.name, c)
				r.fl = run(ctx, flDo, c, o.lim)
				fmt.Fprintf(os.Stderr, "%.0f/s\n", r.fl.RPS())
				if r.fl.Errors > 0 {
					fmt.Fprintf(os.Stderr, "querybench:   %d errors, first: %s\n", r.fl.Errors, r.fl.FirstErr)
				}
				rows = append(rows, r)
				continue
			}
			fmt.Fprintf(os.Stderr, "querybench: %-20s c=%-3d ", w.name, c)
			cut.Store(0)
			dos := []request{fgDo, flDo}
			if peer != nil {
				dos = append(dos, func(ctx context.Context, i int) error { q, v := w.peer(i); _, err := peer.do(ctx, q, v); return err })
			}
			res := runRounds(ctx, dos, c, o.lim, o.rounds)
			r.fg, r.fl, r.fgCut = res[0], res[1], cut.Load()
			fmt.Fprintf(os.Stderr, "factgraph %.0f/s, floor %.0f/s", r.fg.RPS(), r.fl.RPS())
			if peer != nil {
				r.peer = &res[2]
				fmt.Fprintf(os.Stderr, ", %s %.0f/s", o.third, r.peer.RPS())
			}
			fmt.Fprintln(os.Stderr)
			for _, x := range []*Result{&r.fg, &r.fl, r.peer} {
				if x != nil && x.Errors > 0 {
					fmt.Fprintf(os.Stderr, "querybench:   %d errors, first: %s\n", x.Errors, x.FirstErr)
				}
			}
			rows = append(rows, r)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	fmt.Print(tables(o, rows))
	return nil
}

func tables(o options, rows []row) string {
	var b strings.Builder
	if o.title != "" {
		fmt.Fprintf(&b, "\n#### %s\n", o.title)
	}
	fmt.Fprintf(&b, "\nEach cell: at most %s or %d requests after %d warm-up requests, in %d rounds in which the systems take turns in rotated order; latencies in ms.\n\n",
		o.lim.Duration, o.lim.Requests, o.lim.Warmup, max(o.rounds, 1))
	b.WriteString("Errors: failed/requests; (k cut): factgraph's answers cut by its path-search budget (LIMIT_EXCEEDED), counted apart from errors.\n\n")
	b.WriteString("| workload | c | system | req/s | p50 | p95 | p99 | errors |\n|---|---:|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		line := func(name string, x Result, cut int64) {
			errs := fmt.Sprintf("%d/%d", x.Errors, x.Requests)
			if cut > 0 {
				errs += fmt.Sprintf(" (%d cut)", cut)
			}
			fmt.Fprintf(&b, "| %s | %d | %s | %.0f | %s | %s | %s | %s |\n", r.workload, r.c, name, x.RPS(), ms(x.P50), ms(x.P95), ms(x.P99), errs)
		}
		if r.floorOnly {
			line("floor", r.fl, 0)
			continue
		}
		line("factgraph", r.fg, r.fgCut)
		line("floor", r.fl, 0)
		if r.peer != nil {
			line(o.third, *r.peer, 0)
		}
	}
	fmt.Fprintf(&b, "\nRatios (targets, bold when met: throughput factgraph/%[1]s > 1, for the entity card >= 1.5; p50 factgraph/floor <= 1.15):\n\n", o.third)
	fmt.Fprintf(&b, "| workload | c | req/s fg/%[1]s | p99 fg/%[1]s | p50 fg/floor |\n|---|---:|---:|---:|---:|\n", o.third)
	for _, r := range rows {
		if r.floorOnly {
			continue
		}
		thr, p99 := "-", "-"
		if r.peer != nil {
			ahead := func(x float64) bool { return x > 1 }
			if r.workload == "entity card" {
				ahead = func(x float64) bool { return x >= 1.5 }
			}
			thr = mark(ratio(r.fg.RPS(), r.peer.RPS()), ahead)
			p99 = fmt.Sprintf("%.2f", ratio(float64(r.fg.P99), float64(r.peer.P99)))
		}
		p50 := mark(ratio(float64(r.fg.P50), float64(r.fl.P50)), func(x float64) bool { return x <= 1.15 })
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s |\n", r.workload, r.c, thr, p99, p50)
	}
	b.WriteString(alternatives(rows))
	return b.String()
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// mark prints a ratio, bold when it meets its target.
func mark(x float64, ok func(float64) bool) string {
	s := fmt.Sprintf("%.2f", x)
	if ok(x) {
		return "**" + s + "**"
	}
	return s
}

// memoryRun drives the dashboard mix against factgraph for o.memory and reports the
// server's RSS at the start, every minute, and at the end.
func memoryRun(ctx context.Context, o options, fg *gqlClient, mixw *workload) error {
	if o.fgPID <= 0 {
		return fmt.Errorf("-memory needs -pid of factgraph serve")
	}
	do := func(ctx context.Context, i int) error { q, v := mixw.fg(i); _, err := fg.do(ctx, q, v); return err }
	// Warm up first, so the start figure is the server in use, not the idle process.
	run(ctx, do, o.memConc, Limits{Duration: 30 * time.Second, Requests: 2000, Timeout: o.lim.Timeout})
	start, err := rss(o.fgPID)
	if err != nil {
		return err
	}
	fmt.Printf("memory run: dashboard mix, c=%d, %s; factgraph RSS after warm-up: %.1f MB\n", o.memConc, o.memory, start)
	end := time.Now().Add(o.memory)
	total, errs := 0, 0
	for minute := 1; time.Now().Before(end) && ctx.Err() == nil; minute++ {
		d := min(time.Minute, time.Until(end))
		r := run(ctx, do, o.memConc, Limits{Duration: d, Requests: 10_000_000, Timeout: o.lim.Timeout})
		total, errs = total+r.Requests, errs+r.Errors
		m, err := rss(o.fgPID)
		if err != nil {
			return err
		}
		fmt.Printf("  minute %2d: %6.0f req/s, p50 %s ms, p99 %s ms, errors %d, RSS %.1f MB\n", minute, r.RPS(), ms(r.P50), ms(r.P99), r.Errors, m)
	}
	last, err := rss(o.fgPID)
	if err != nil {
		return err
	}
	fmt.Printf("memory run: %d requests, %d errors; RSS start %.1f MB, end %.1f MB (%+.1f%%)\n", total, errs, start, last, 100*(last-start)/start)
	return nil
}

// rss reads a process's resident set size in MB from /proc.
func rss(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			f := strings.Fields(l)
			kb, err := strconv.ParseFloat(f[1], 64)
			return kb / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for pid %d", pid)
}

// alternatives compares each floor-only row (an alternative statement) with the floor of
// the workload it is an alternative of (the name before " ("), at the same
// concurrency: both through the raw driver, so the ratio isolates the statements.
func alternatives(rows []row) string {
	var b strings.Builder
	for _, a := range rows {
		if !a.floorOnly {
			continue
		}
		base, _, _ := strings.Cut(a.workload, " (")
		for _, r := range rows {
			if r.floorOnly || r.workload != base || r.c != a.c {
				continue
			}
			if b.Len() == 0 {
				b.WriteString("\nAlternative statements, through the floor (req/s and p50 of the alternative / the statements factgraph sends):\n\n")
				b.WriteString("| alternative | c | req/s alt/sent | p50 alt/sent | p99 alt/sent |\n|---|---:|---:|---:|---:|\n")
			}
			fmt.Fprintf(&b, "| %s | %d | %.2f | %.2f | %.2f |\n", a.workload, a.c, ratio(a.fl.RPS(), r.fl.RPS()),
				ratio(float64(a.fl.P50), float64(r.fl.P50)), ratio(float64(a.fl.P99), float64(r.fl.P99)))
		}
	}
	return b.String()
}
