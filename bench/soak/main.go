// Command soak drives a running factgraph server (bench/soak.sh starts one over a private
// Neo4j) with the dashboard mix and a concurrent writer for a while, kills Neo4j (SIGKILL)
// and starts it again at even intervals, and reports: how fast queries fail once Neo4j is
// gone, how soon they answer once it is back, whether errors happen outside the outages,
// whether every acknowledged write is in the graph at the end, and factgraph's RSS.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/bench/internal/gqlpost"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

// The dashboard mix of bench/querybench over the sample: of every 10 requests, 3 cards,
// 3 searches, 2 timelines, 1 neighbourhood, 1 shortest path.
var mix = []string{
	`{ entity(id: "country:PRK") { name degree relations(first: 10) { type to { name } } } }`,
	`{ search(text: "korea", first: 10) { score entity { id name } } }`,
	`{ entity(id: "country:RUS") { timeline(first: 10) { id type roles { role entity { name } } } } }`,
	`{ entity(id: "country:UKR") { name relations(first: 10) { type from { name } } } }`,
	`{ neighbors(id: "country:RUS", depth: 2, limit: 100) { nodes { distance } edges { type } } }`,
	`{ search(text: "russia", first: 10) { score entity { id } } }`,
	`{ entity(id: "country:USA") { name degree relations(first: 10) { type to { name } } } }`,
	`{ shortestPath(from: "country:PRK", to: "country:UKR") { length nodes { id } } }`,
	`{ entity(id: "country:PRK") { timeline(first: 10) { id type } } }`,
	`{ search(text: "munitions", first: 10) { entity { name } } }`,
}

type stats struct {
	mu       sync.Mutex
	ok, errs map[int64]int // by second since start
	codes    map[string]int
	slowUnav time.Duration // slowest UNAVAILABLE answer
}

func run() error {
	url := flag.String("url", "http://127.0.0.1:18120/graphql", "factgraph's /graphql")
	token := flag.String("token", "", "bearer token for the writer's ingest mutations")
	neo4jURI := flag.String("neo4j-uri", "bolt://127.0.0.1:7722", "the private Neo4j, to see when it is ready")
	password := flag.String("neo4j-password", "factgraph-test", "its password")
	pidfile := flag.String("pidfile", "", "the Neo4j pid file (killed with SIGKILL)")
	start := flag.String("start", "", "shell command that starts Neo4j again")
	duration := flag.Duration("duration", 10*time.Minute, "how long to run")
	restarts := flag.Int("restarts", 2, "Neo4j kills and restarts, evenly spaced")
	conc := flag.Int("conc", 4, "concurrent dashboard clients")
	factgraphPid := flag.Int("factgraph-pid", 0, "factgraph's pid, for its RSS")
	pace := flag.Duration("pace", 0, "pause of each dashboard client between requests (a light run)")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()
	st := &stats{ok: map[int64]int{}, errs: map[int64]int{}, codes: map[string]int{}}
	t0 := time.Now()
	var outages []outage
	var omu sync.Mutex
	var rss []string
	sample := func(label string) {
		if *factgraphPid > 0 {
			rss = append(rss, fmt.Sprintf("%s %s", label, rssOf(*factgraphPid)))
		}
	}
	sample("start")

	var wg sync.WaitGroup
	client := &http.Client{Timeout: 35 * time.Second}
	for c := range *conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i += *conc {
				q := mix[i%len(mix)]
				s := time.Now()
				codes, err := gqlpost.Codes(ctx, client, *url, "", q, nil)
				if ctx.Err() != nil {
					return
				}
				st.record(t0, s, codes, err)
				time.Sleep(*pace)
			}
		}()
	}

	// The writer: one small document after another, each with its own article; a document
	// that fails is sent again until it is acknowledged, so every write lands once.
	var acked atomic.Int64
	var writeRetries atomic.Int64
	run := strconv.FormatInt(t0.Unix(), 36) // this run's articles: article:soak-<run>-<n>
	if *token != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 1; ctx.Err() == nil; n++ {
				doc := fmt.Sprintf(`{"article": {"id": "article:soak-%s-%d", "title": "Soak %d", "publishedAt": "2026-01-10"}}
{"relation": {"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS", "confidence": 0.5, "evidence": [{"article": "article:soak-%s-%d", "quote": "Soak write %d."}]}}`, run, n, n, run, n, n)
				for ctx.Err() == nil {
					codes, err := gqlpost.Codes(ctx, client, *url, *token,
						`mutation($f: String!) { ingest(facts: $f, format: ndjson) { created } }`, map[string]any{"f": doc})
					if err == nil && len(codes) == 0 {
						acked.Add(1)
						break
					}
					writeRetries.Add(1)
					time.Sleep(100 * time.Millisecond)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}

	// Kills and restarts, evenly spaced.
	if *restarts > 0 && *pidfile != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			every := *duration / time.Duration(*restarts+1)
			for r := 1; r <= *restarts; r++ {
				select {
				case <-ctx.Done():
					return
				case <-time.After(time.Until(t0.Add(time.Duration(r) * every))):
				}
				sample(fmt.Sprintf("before-kill-%d", r))
				// The cycle runs to recovery even past the duration (bounded by its own timeouts).
				o, err := cycle(context.WithoutCancel(ctx), *url, *pidfile, *start, *neo4jURI, *password)
				if err != nil {
					fmt.Fprintln(os.Stderr, "soak: restart:", err)
					cancel()
					return
				}
				o.at = time.Since(t0)
				omu.Lock()
				outages = append(outages, o)
				omu.Unlock()
				fmt.Fprintf(os.Stderr, "soak: restart %d: UNAVAILABLE %v after the kill, first good answer %v after Neo4j was ready (down %v)\n",
					r, o.toUnavailable, o.toGood, o.ready.Sub(o.kill))
			}
		}()
	}
	wg.Wait()
	sample("end")

	// Every acknowledged write is there.
	var stored int64 = -1
	d, err := neo4j.NewDriverWithContext(*neo4jURI, neo4j.BasicAuth("neo4j", *password, ""))
	if err == nil {
		res, qerr := neo4j.ExecuteQuery(context.Background(), d,
			`MATCH (a:Article) WHERE a.id STARTS WITH $prefix RETURN count(a) AS n`, map[string]any{"prefix": "article:soak-" + run + "-"}, neo4j.EagerResultTransformer)
		if qerr == nil {
			n, _ := res.Records[0].Get("n")
			stored = n.(int64)
		}
		_ = d.Close(context.Background())
	}

	// Errors outside the outages (a second of slack either side).
	inOutage := func(sec int64) bool {
		for _, o := range outages {
			if sec >= int64((o.kill.Sub(t0)).Seconds())-1 && sec <= int64(o.good.Sub(t0).Seconds())+1 {
				return true
			}
		}
		return false
	}
	var okTotal, errTotal, errOutside int
	for sec, n := range st.ok {
		_ = sec
		okTotal += n
	}
	for sec, n := range st.errs {
		errTotal += n
		if !inOutage(sec) {
			errOutside += n
		}
	}
	fmt.Printf("duration %v, %d dashboard clients (pause %v), %d restarts of Neo4j (SIGKILL, then scripts/neo4j start)\n", *duration, *conc, *pace, len(outages))
	fmt.Printf("queries: %d ok, %d with errors (%d outside the outages); codes %v; slowest UNAVAILABLE %v\n",
		okTotal, errTotal, errOutside, st.codes, st.slowUnav)
	for i, o := range outages {
		fmt.Printf("restart %d at %v: UNAVAILABLE %v after the kill; Neo4j ready %v after the kill; first good answer %v after ready\n",
			i+1, o.at.Round(time.Second), o.toUnavailable, o.ready.Sub(o.kill).Round(time.Millisecond), o.toGood)
	}
	fmt.Printf("writes: %d acknowledged, %d articles stored, %d retries of failed ingests\n", acked.Load(), stored, writeRetries.Load())
	if len(rss) > 0 {
		fmt.Printf("factgraph RSS: %s\n", strings.Join(rss, ", "))
	}
	if stored != acked.Load() && *token != "" {
		return fmt.Errorf("%d writes acknowledged but %d stored", acked.Load(), stored)
	}
	if errOutside > 0 {
		return fmt.Errorf("%d errors outside the outages", errOutside)
	}
	return nil
}

func (st *stats) record(t0, start time.Time, codes []string, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	sec := int64(start.Sub(t0).Seconds())
	if err != nil {
		codes = []string{"HTTP: " + err.Error()}
	}
	if len(codes) == 0 {
		st.ok[sec]++
		return
	}
	st.errs[sec]++
	for _, c := range codes {
		st.codes[c]++
		if c == "UNAVAILABLE" {
			st.slowUnav = max(st.slowUnav, time.Since(start))
		}
	}
}

type outage struct {
	at                    time.Duration
	kill, ready, good     time.Time
	toUnavailable, toGood time.Duration
}

// cycle kills Neo4j, measures how soon a query answers UNAVAILABLE, starts Neo4j again,
// and measures how soon after Neo4j accepts a session the query answers again.
func cycle(ctx context.Context, url, pidfile, start, uri, password string) (outage, error) {
	var o outage
	b, err := os.ReadFile(pidfile)
	if err != nil {
		return o, err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return o, fmt.Errorf("pid file %s: %w", pidfile, err)
	}
	client := &http.Client{Timeout: 35 * time.Second}
	probe := mix[0]
	o.kill = time.Now()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return o, err
	}
	for {
		s := time.Now()
		codes, err := gqlpost.Codes(ctx, client, url, "", probe, nil)
		if err == nil && len(codes) == 1 && codes[0] == "UNAVAILABLE" {
			o.toUnavailable = time.Since(o.kill)
			_ = s
			break
		}
		if time.Since(o.kill) > time.Minute || ctx.Err() != nil {
			return o, fmt.Errorf("no UNAVAILABLE within a minute of the kill: %v %v", codes, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	for {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd := exec.Command("bash", "-c", start)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return o, err
	}
	defer cmd.Wait()
	// Ready: the driver opens a session and runs RETURN 1 (a fresh driver each time, so
	// factgraph's pool and breaker do not count).
	for {
		if ready(uri, password) {
			o.ready = time.Now()
			break
		}
		if time.Since(o.kill) > 5*time.Minute {
			return o, fmt.Errorf("neo4j not ready 5 minutes after the kill")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for {
		codes, err := gqlpost.Codes(ctx, client, url, "", probe, nil)
		if err == nil && len(codes) == 0 {
			o.good = time.Now()
			o.toGood = o.good.Sub(o.ready)
			return o, nil
		}
		if time.Since(o.ready) > time.Minute {
			return o, fmt.Errorf("no good answer within a minute of Neo4j being ready: %v %v", codes, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func ready(uri, password string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", password, ""))
	if err != nil {
		return false
	}
	defer d.Close(ctx)
	_, err = neo4j.ExecuteQuery(ctx, d, "RETURN 1", nil, neo4j.EagerResultTransformer)
	return err == nil
}

// rssOf is the resident set size of a process, from /proc.
func rssOf(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "?"
}
