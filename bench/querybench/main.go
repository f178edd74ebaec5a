// Command querybench measures factgraph's GraphQL API against its two references, in
// turns within one run: the floor (the same Cypher through the Go driver, no server) and
// the peer (@neo4j/graphql on Apollo Server, bench/peer/), all over the same Neo4j.
// bench/query.sh starts everything and runs it; BENCHMARKS.md keeps the latest table.
//
// Before timing, every compared query is asked of all three and the answers are compared
// (canonical forms, ordering normalised where the API leaves it open); any mismatch stops
// the run with exit status 1.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/signal"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	if err := mainErr(); err != nil {
		fmt.Fprintln(os.Stderr, "querybench:", err)
		os.Exit(1)
	}
}

type options struct {
	fgURL, peerURL         string
	neo4jURI, user, passwd string
	conc                   []int
	lim                    Limits
	nparams                int
	seed                   uint64
	only                   string
	checkOnly              bool
	memory                 time.Duration
	memConc                int
	fgPID                  int
	title                  string
	baseline               string
	layers                 string
	rounds                 int
	third                  string // the name of the third system in the tables
}

func mainErr() error {
	var o options
	flag.StringVar(&o.fgURL, "factgraph", "http://127.0.0.1:18080/graphql", "factgraph's GraphQL endpoint")
	flag.StringVar(&o.peerURL, "peer", "http://127.0.0.1:14000/", "the peer's GraphQL endpoint (empty: no peer)")
	flag.StringVar(&o.neo4jURI, "neo4j", "bolt://127.0.0.1:7691", "Neo4j for the floor and the parameter draw")
	flag.StringVar(&o.user, "user", "neo4j", "Neo4j user")
	o.passwd = os.Getenv("NEO4J_PASSWORD")
	conc := flag.String("c", "1,8,32", "concurrencies")
	flag.DurationVar(&o.lim.Duration, "duration", 10*time.Second, "longest measurement of one (system, workload, concurrency)")
	flag.IntVar(&o.lim.Requests, "requests", 20000, "most requests of one measurement")
	flag.IntVar(&o.lim.Warmup, "warmup", 50, "requests before each measurement, not counted")
	flag.DurationVar(&o.lim.Timeout, "timeout", 30*time.Second, "time limit of one request (an error beyond)")
	flag.IntVar(&o.nparams, "params", 100, "parameter sets drawn per workload (all checked for equal answers)")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the parameter draw")
	flag.StringVar(&o.only, "workloads", "", "comma-separated workload names to run (default all)")
	flag.BoolVar(&o.checkOnly, "check-only", false, "only compare answers, time nothing")
	flag.DurationVar(&o.memory, "memory", 0, "instead of the table: run the dashboard mix against factgraph this long and report its RSS (needs -pid)")
	flag.IntVar(&o.memConc, "memory-c", 8, "concurrency of the memory run")
	flag.IntVar(&o.fgPID, "pid", 0, "factgraph serve's process id, for its RSS")
	flag.StringVar(&o.title, "title", "", "title of the printed table")
	flag.StringVar(&o.baseline, "baseline", "", "instead of the peer: another factgraph build's GraphQL endpoint (before/after an optimisation), asked factgraph's queries")
	flag.IntVar(&o.rounds, "rounds", 4, "rounds per cell: the systems take turns this many times, in rotated order, sharing the cell's duration and requests")
	flag.StringVar(&o.layers, "layers", "", "instead of the tables: this workload (entity card, 2-hop neighbourhood, timeline, full-text search) through each layer of factgraph (driver, graph.DB, the handler in process, serve over loopback)")
	flag.Parse()
	for _, s := range strings.Split(*conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 256 {
			return fmt.Errorf("-c: bad concurrency %q", s)
		}
		o.conc = append(o.conc, n)
	}
	if o.lim.Duration <= 0 || o.lim.Duration > 10*time.Minute || o.lim.Requests < 1 {
		return errors.New("-duration must be in (0, 10m] and -requests at least 1")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	fl, err := newFloor(ctx, o.neo4jURI, o.user, o.passwd)
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	defer fl.driver.Close(context.Background())
	p, err := drawParams(ctx, fl, o.seed, o.nparams)
	if err != nil {
		return fmt.Errorf("drawing parameters: %w", err)
	}
	hc := &http.Client{Transport: &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 512, IdleConnTimeout: time.Minute}}
	fg := &gqlClient{url: o.fgURL, hc: hc}
	var peer *gqlClient
	if o.peerURL != "" {
		peer = &gqlClient{url: o.peerURL, hc: hc}
	}
	ws := workloads(p)
	o.third = "peer"
	if o.baseline != "" {
		o.third = "before"
		peer = &gqlClient{url: o.baseline, hc: hc}
		for _, w := range ws {
			w.peer, w.peerAnswer = w.fg, w.fgAnswer
		}
	}
	if o.only != "" {
		var keep []*workload
		for _, w := range ws {
			if strings.Contains(","+o.only+",", ","+w.name+",") {
				keep = append(keep, w)
			}
		}
		ws = keep
	}
	if o.memory > 0 {
		return memoryRun(ctx, o, fg, ws[len(ws)-1])
	}
	if o.layers != "" {
		for _, w := range workloads(p) {
			if w.name == o.layers {
				return layers(ctx, o, w, p, fg, fl)
			}
		}
		return fmt.Errorf("-layers: no workload %q", o.layers)
	}
	if err := check(ctx, ws, fg, peer, fl, o.nparams, o.third); err != nil {
		return err
	}
	if o.checkOnly {
		return nil
	}
	return measure(ctx, o, ws, fg, peer, fl)
}

// ent is an entity of the draw.
type ent struct {
	id, name string
	aliases  []string
	degree   int64
}

// drawParams draws the parameters from the loaded data, deterministically for a seed and
// a database: half from the most connected 2% of entities (what analysts open most),
// half uniformly.
func drawParams(ctx context.Context, f *floor, seed uint64, n int) (*params, error) {
	v, err := f.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, `MATCH (e:Entity) RETURN e.id, e.name, e.aliases, COUNT { (e)--() } AS d ORDER BY e.id`, nil)
	})
	if err != nil {
		return nil, err
	}
	var all []ent
	for _, r := range v.([]*neo4j.Record) {
		all = append(all, ent{str(r.Values[0]), str(r.Values[1]), strList(r.Values[2]), int64(num(r.Values[3]))})
	}
	return draw(all, seed, n)
}

// draw is the deterministic part of drawParams (all sorted by id).
func draw(all []ent, seed uint64, n int) (*params, error) {
	if len(all) < 2 {
		return nil, errors.New("fewer than 2 entities loaded")
	}
	hot := append([]ent(nil), all...)
	sort.SliceStable(hot, func(i, j int) bool { return hot[i].degree > hot[j].degree })
	hot = hot[:max(1, len(hot)/50)]
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	one := func() ent {
		if rng.IntN(2) == 0 {
			return hot[rng.IntN(len(hot))]
		}
		return all[rng.IntN(len(all))]
	}
	p := &params{}
	for i := 0; i < n; i++ {
		p.Entities = append(p.Entities, one().id)
	}
	for i := 0; i < n; i++ {
		e := one()
		text := e.name
		if len(e.aliases) > 0 && rng.IntN(3) == 0 {
			text = e.aliases[rng.IntN(len(e.aliases))]
		}
		if rng.IntN(3) == 0 {
			text = typo(text, rng)
		}
		p.Texts = append(p.Texts, text)
	}
	for len(p.Pairs) < n {
		a, b := one(), one()
		if a.id != b.id {
			p.Pairs = append(p.Pairs, [2]string{a.id, b.id})
		}
	}
	return p, nil
}

// typo replaces one letter (not the first) of the longest word of at least 5 letters.
func typo(s string, rng *rand.Rand) string {
	words := strings.Fields(s)
	best := -1
	for i, w := range words {
		if utf8.RuneCountInString(w) >= 5 && (best < 0 || utf8.RuneCountInString(w) > utf8.RuneCountInString(words[best])) {
			best = i
		}
	}
	if best < 0 {
		return s
	}
	r := []rune(words[best])
	k := 1 + rng.IntN(len(r)-1)
	c := rune('a' + rng.IntN(26))
	if c == r[k] {
		c = 'z'
		if r[k] == 'z' {
			c = 'q'
		}
	}
	r[k] = c
	words[best] = string(r)
	return strings.Join(words, " ")
}

// gqlClient posts GraphQL requests.
type gqlClient struct {
	url string
	hc  *http.Client
}

// do returns the data of the answer; GraphQL errors, HTTP errors and non-200 are errors.
func (g *gqlClient) do(ctx context.Context, query string, vars map[string]any) (json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := g.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var out struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, b)
	}
	if len(out.Errors) > 0 {
		return nil, &gqlError{status: resp.StatusCode, code: out.Errors[0].Extensions.Code, msg: out.Errors[0].Message}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return out.Data, nil
}

// gqlError is the first GraphQL error of an answer.
type gqlError struct {
	status    int
	code, msg string
}

func (e *gqlError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.status, e.msg) }

// budgetCut reports whether err is factgraph's answer that a search reached its budget
// (LIMIT_EXCEEDED naming the budget), as opposed to any other error.
func budgetCut(err error) bool {
	var ge *gqlError
	return errors.As(err, &ge) && ge.code == "LIMIT_EXCEEDED" && strings.Contains(ge.msg, "budget")
}

// maxCut is the largest share of a budgeted workload's parameters factgraph may cut.
const maxCut = 0.02

// check asks every parameter set of every workload (the mix is made of the others) of
// the three sides and compares the canonical answers.
func check(ctx context.Context, ws []*workload, fg, peer *gqlClient, fl *floor, n int, third string) error {
	for _, w := range ws {
		if w.fgAnswer == nil {
			continue // the mix
		}
		t0 := time.Now()
		nulls := 0
		var cuts []string
		for i := 0; i < n; i++ {
			q, v := w.fg(i)
			t1 := time.Now()
			data, err := fg.do(ctx, q, v)
			if w.budgeted && budgetCut(err) {
				// Cut by the budget: no answer to compare; the peer's time on the same
				// parameters is what the cut spared.
				line := fmt.Sprintf("#%d %v: factgraph cut after %s ms", i, v, ms(time.Since(t1)))
				if peer != nil {
					pq, pv := w.peer(i)
					t2 := time.Now()
					_, perr := peer.do(ctx, pq, pv)
					line += fmt.Sprintf(", %s %s ms", third, ms(time.Since(t2)))
					if perr != nil {
						line += fmt.Sprintf(" (%v)", perr)
					}
				}
				cuts = append(cuts, line)
				continue
			}
			if err != nil {
				return fmt.Errorf("check %s #%d: factgraph: %w", w.name, i, err)
			}
			a, err := w.fgAnswer(data)
			if err != nil {
				return fmt.Errorf("check %s #%d: factgraph answer: %w", w.name, i, err)
			}
			if isNil(a) {
				nulls++
			}
			b, err := w.floor(ctx, fl, i)
			if err != nil {
				return fmt.Errorf("check %s #%d: floor: %w", w.name, i, err)
			}
			if err := same(a, b); err != nil {
				return fmt.Errorf("check %s #%d %v: factgraph and floor differ: %w", w.name, i, v, err)
			}
			if peer == nil {
				continue
			}
			q, v = w.peer(i)
			data, err = peer.do(ctx, q, v)
			if err != nil {
				return fmt.Errorf("check %s #%d: %s: %w", w.name, i, third, err)
			}
			c, err := w.peerAnswer(data)
			if err != nil {
				return fmt.Errorf("check %s #%d: %s answer: %w", w.name, i, third, err)
			}
			if err := same(a, c); err != nil {
				return fmt.Errorf("check %s #%d %v: factgraph and %s differ: %w", w.name, i, v, third, err)
			}
		}
		sides := "factgraph = floor = " + third
		if peer == nil {
			sides = "factgraph = floor"
		}
		fmt.Fprintf(os.Stderr, "querybench: check %-20s %d queries, %s (%d empty answers, %d cut by the budget) in %.1fs\n", w.name, n, sides, nulls, len(cuts), time.Since(t0).Seconds())
		for _, c := range cuts {
			fmt.Fprintf(os.Stderr, "querybench:   cut %s\n", c)
		}
		if float64(len(cuts)) > maxCut*float64(n) {
			return fmt.Errorf("check %s: factgraph cut %d of %d answers by its budget, more than %.0f%%", w.name, len(cuts), n, 100*maxCut)
		}
	}
	return nil
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Slice) && (rv.IsNil() || (rv.Kind() == reflect.Slice && rv.Len() == 0))
}

// same compares two canonical answers by their JSON, empty lists and nulls alike.
func same(a, b any) error {
	ja, jb := canon(a), canon(b)
	if ja == jb {
		return nil
	}
	return fmt.Errorf("\n  %.1500s\nvs\n  %.1500s", ja, jb)
}

func canon(v any) string {
	if isNil(v) {
		return "null"
	}
	b, _ := json.Marshal(v)
	var x any
	_ = json.Unmarshal(b, &x)
	b, _ = json.Marshal(dropEmpty(x))
	return string(b)
}

func dropEmpty(v any) any {
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return nil
		}
		for i := range x {
			x[i] = dropEmpty(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = dropEmpty(x[k])
		}
	}
	return v
}
