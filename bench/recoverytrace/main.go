// Command recoverytrace kills a private Neo4j (SIGKILL), starts it again and prints a
// timeline, in milliseconds since the kill, of what each kind of client saw: factgraph's
// GraphQL card and search queries, a long-lived raw driver (created before the kill, like
// factgraph's) and a fresh raw driver per attempt running the same statements, a plain
// TCP connect to Bolt, and Neo4j's own log lines. It is the measurement behind
// BENCHMARKS.md's "Recovery after a real kill".
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/bench/internal/gqlpost"
	"github.com/factgraph/factgraph/graph"
)

// The statements factgraph compiles for cardGQL and searchGQL, for the raw drivers to run
// exactly what factgraph runs.
var (
	cardView = factgraph.EntityView{Relations: []factgraph.RelationsPart{{
		Query: factgraph.RelationQuery{Direction: factgraph.DirectionBoth, First: 10}, Ends: true}}}
	cardSt   = graph.EntityStatement("country:PRK", cardView)
	searchSt = graph.SearchStatement(graph.LuceneQuery("korea"), factgraph.SearchQuery{Text: "korea", First: 10}, factgraph.EntityView{})
)

const (
	cardGQL   = `{ entity(id: "country:PRK") { name degree relations(first: 10) { type to { name } } } }`
	searchGQL = `{ search(text: "korea", first: 10) { score entity { id name } } }`
	cardCy    = `MATCH (e:Entity {id: $id}) OPTIONAL MATCH (e)-[r]->(t:Entity) RETURN e.name AS n, type(r) AS ty, t.name AS tn LIMIT 10`
	searchCy  = `CALL db.index.fulltext.queryNodes('entity_names', 'korea', {limit: 10}) YIELD node, score RETURN node.id AS id, score`
)

type event struct {
	at   time.Duration
	who  string
	what string
}

type timeline struct {
	mu     sync.Mutex
	t0     time.Time
	events []event
	first  map[string]time.Duration
}

func (tl *timeline) add(who, what string) {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	tl.events = append(tl.events, event{time.Since(tl.t0), who, what})
}

// ok records the first success of who.
func (tl *timeline) ok(who string, lat time.Duration) {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	if _, seen := tl.first[who]; !seen {
		at := time.Since(tl.t0)
		tl.first[who] = at
		tl.events = append(tl.events, event{at, who, fmt.Sprintf("FIRST OK (took %v)", lat.Round(time.Millisecond))})
	}
}

func (tl *timeline) done(whos ...string) bool {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	for _, w := range whos {
		if _, ok := tl.first[w]; !ok {
			return false
		}
	}
	return true
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "recoverytrace:", err)
		os.Exit(1)
	}
}

func run() error {
	url := flag.String("url", "http://127.0.0.1:18122/graphql", "factgraph's /graphql")
	uri := flag.String("neo4j-uri", "bolt://127.0.0.1:7721", "the private Neo4j")
	password := flag.String("neo4j-password", "factgraph-test", "its password")
	home := flag.String("neo4j-home", "", "its NEO4J_LOCAL_DIR (pid file, logs)")
	start := flag.String("start", "", "shell command that starts it again")
	flag.Parse()

	addr := strings.TrimPrefix(*uri, "bolt://")
	auth := neo4j.BasicAuth("neo4j", *password, "")
	long, err := neo4j.NewDriverWithContext(*uri, auth)
	if err != nil {
		return err
	}
	defer long.Close(context.Background())
	client := &http.Client{Timeout: 35 * time.Second}
	// Warm: every client has answered once before the kill.
	for _, q := range []string{cardGQL, searchGQL} {
		if codes, err := gqlpost.Codes(context.Background(), client, *url, "", q, nil); err != nil || len(codes) > 0 {
			return fmt.Errorf("before the kill: %v %v", codes, err)
		}
	}
	for _, cy := range []string{cardCy, searchCy} {
		if err := rawQuery(context.Background(), long, cy); err != nil {
			return fmt.Errorf("before the kill: %v", err)
		}
	}
	for _, st := range []graph.Statement{cardSt, searchSt} {
		if err := freshSt(context.Background(), *uri, auth, st); err != nil {
			return fmt.Errorf("before the kill: %v", err)
		}
	}
	logName := *home + "/logs/neo4j.log"
	debugName := *home + "/logs/debug.log"
	logOff, debugOff := size(logName), size(debugName)

	b, err := os.ReadFile(*home + "/run/neo4j.pid")
	if err != nil {
		return err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return err
	}
	tl := &timeline{first: map[string]time.Duration{}}
	tl.t0 = time.Now()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		return err
	}
	tl.add("harness", "SIGKILL sent")

	// Phase 1: the outage as factgraph's clients see it, until UNAVAILABLE five times in a row.
	var wg sync.WaitGroup
	for _, q := range []struct{ who, q string }{{"fg-card", cardGQL}, {"fg-search", searchGQL}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			streak := 0
			for streak < 5 && time.Since(tl.t0) < time.Minute {
				s := time.Now()
				codes, err := gqlpost.Codes(context.Background(), client, *url, "", q.q, nil)
				tl.add(q.who, fmt.Sprintf("answer in %v: %v %v", time.Since(s).Round(time.Millisecond), codes, err))
				if err == nil && len(codes) == 1 && codes[0] == "UNAVAILABLE" {
					streak++
				} else {
					streak = 0
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	for {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	tl.add("harness", "JVM gone; starting Neo4j")

	cmd := exec.Command("bash", "-c", *start)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			tl.add("scripts/neo4j", sc.Text())
		}
	}()

	// Phase 2: who answers first, each polled every 10 ms with its own one-second limit.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	pollers := map[string]func(context.Context) error{
		"tcp-connect": func(ctx context.Context) error {
			c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
			if err == nil {
				c.Close()
			}
			return err
		},
		"fresh-driver RETURN 1": func(ctx context.Context) error { return fresh(ctx, *uri, auth, "RETURN 1") },
		"fresh-driver card":     func(ctx context.Context) error { return fresh(ctx, *uri, auth, cardCy) },
		"fresh-driver search":   func(ctx context.Context) error { return fresh(ctx, *uri, auth, searchCy) },
		"long-driver card":      func(ctx context.Context) error { return rawQuery(ctx, long, cardCy) },
		"fresh-driver fg-card-stmt": func(ctx context.Context) error {
			return freshSt(ctx, *uri, auth, cardSt)
		},
		"fresh-driver fg-search-stmt": func(ctx context.Context) error {
			return freshSt(ctx, *uri, auth, searchSt)
		},
		"fg-card": func(ctx context.Context) error {
			return gql(client, *url, cardGQL)
		},
		"fg-search": func(ctx context.Context) error {
			return gql(client, *url, searchGQL)
		},
		"fg-breaker-closed": func(ctx context.Context) error {
			return breakerClosed(client, strings.TrimSuffix(*url, "/graphql")+"/metrics")
		},
	}
	var names []string
	for name := range pollers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := pollers[name]
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := ""
			for ctx.Err() == nil && !tl.done(name) {
				actx, acancel := context.WithTimeout(ctx, 5*time.Second)
				s := time.Now()
				err := f(actx)
				acancel()
				if err == nil {
					tl.ok(name, time.Since(s))
					return
				}
				msg := err.Error()
				if len(msg) > 140 {
					msg = msg[:140]
				}
				if msg != last { // only changes of error
					tl.add(name, fmt.Sprintf("fails in %v: %s", time.Since(s).Round(time.Millisecond), msg))
					last = msg
				}
				time.Sleep(10 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	_ = cmd.Wait()

	// Neo4j's own lines, placed on the same clock (its timestamps are UTC, to the ms).
	for _, f := range []struct {
		name string
		off  int64
	}{{logName, logOff}, {debugName, debugOff}} {
		for _, line := range linesFrom(f.name, f.off) {
			fields := strings.Fields(line)
			if len(fields) < 3 {
				continue
			}
			ts, err := time.Parse("2006-01-02 15:04:05.000-0700", fields[0]+" "+fields[1])
			if err != nil {
				continue
			}
			if strings.Contains(f.name, "debug") && !interesting(line) {
				continue
			}
			tl.events = append(tl.events, event{ts.Sub(tl.t0), "neo4j " + f.name[strings.LastIndex(f.name, "/")+1:], strings.Join(fields[2:], " ")})
		}
	}
	sort.SliceStable(tl.events, func(i, j int) bool { return tl.events[i].at < tl.events[j].at })
	for _, e := range tl.events {
		fmt.Printf("%9.3f s  %-22s %s\n", e.at.Seconds(), e.who, e.what)
	}
	fmt.Println("first success, seconds after the kill:")
	for _, n := range names {
		fmt.Printf("  %-22s %.3f\n", n, tl.first[n].Seconds())
	}
	return nil
}

func interesting(line string) bool {
	for _, w := range []string{"ecover", "Started", "Starting 'DatabaseId", "Bolt server started", "IndexingService.start"} {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

func size(name string) int64 {
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func linesFrom(name string, off int64) []string {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil
	}
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func fresh(ctx context.Context, uri string, auth neo4j.AuthToken, cypher string) error {
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		return err
	}
	defer d.Close(context.Background())
	return rawQuery(ctx, d, cypher)
}

func freshSt(ctx context.Context, uri string, auth neo4j.AuthToken, st graph.Statement) error {
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		return err
	}
	defer d.Close(context.Background())
	_, err = neo4j.ExecuteQuery(ctx, d, st.Cypher, st.Params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithReadersRouting())
	return err
}

func rawQuery(ctx context.Context, d neo4j.DriverWithContext, cypher string) error {
	_, err := neo4j.ExecuteQuery(ctx, d, cypher, map[string]any{"id": "country:PRK"}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithReadersRouting())
	return err
}

// breakerClosed says whether factgraph's /metrics has its circuit breaker closed.
func breakerClosed(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "factgraph_neo4j_breaker_open "); ok {
			if strings.TrimSpace(v) == "0" {
				return nil
			}
			return fmt.Errorf("breaker open")
		}
	}
	return fmt.Errorf("no factgraph_neo4j_breaker_open in %s", url)
}

func gql(c *http.Client, url, q string) error {
	codes, err := gqlpost.Codes(context.Background(), c, url, "", q, nil)
	if err != nil {
		return err
	}
	if len(codes) > 0 {
		return fmt.Errorf("%v", codes)
	}
	return nil
}
