package main

import (
	"context"
	"reflect"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	var lats []time.Duration
	for i := 100; i >= 1; i-- {
		lats = append(lats, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := percentile(lats, p); got != want {
			t.Errorf("p%v = %v, want %v", p, got, want)
		}
	}
	if got := percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("p99 of one = %v", got)
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("p50 of none = %v", got)
	}
}

func TestRunBounded(t *testing.T) {
	var calls atomic.Int64
	do := func(ctx context.Context, i int) error { calls.Add(1); return nil }
	r := run(context.Background(), do, 4, Limits{Duration: 10 * time.Second, Requests: 100, Warmup: 10})
	if r.Requests != 100 || calls.Load() != 110 {
		t.Errorf("requests %d, calls %d; want 100 counted of 110", r.Requests, calls.Load())
	}
	slow := func(ctx context.Context, i int) error { time.Sleep(20 * time.Millisecond); return nil }
	t0 := time.Now()
	r = run(context.Background(), slow, 2, Limits{Duration: 100 * time.Millisecond, Requests: 1 << 30})
	if el := time.Since(t0); el > time.Second || r.Requests == 0 {
		t.Errorf("duration bound: %v elapsed, %d requests", el, r.Requests)
	}
}

func TestDrawDeterministic(t *testing.T) {
	var all []ent
	for i := 0; i < 1000; i++ {
		all = append(all, ent{id: "person:P" + string(rune('A'+i%26)) + string(rune('a'+i/26%26)), name: "Alexander Example", degree: int64(i % 37)})
	}
	a, _ := draw(all, 1, 50)
	b, _ := draw(all, 1, 50)
	c, _ := draw(all, 2, 50)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed, different draw")
	}
	if reflect.DeepEqual(a, c) {
		t.Error("different seeds, same draw")
	}
	if len(a.Entities) != 50 || len(a.Texts) != 50 || len(a.Pairs) != 50 {
		t.Errorf("sizes %d %d %d", len(a.Entities), len(a.Texts), len(a.Pairs))
	}
	for _, p := range a.Pairs {
		if p[0] == p[1] {
			t.Errorf("pair with equal ends %v", p)
		}
	}
}

func TestNormalisation(t *testing.T) {
	// Hits: order by score then id; tied hits at a full list's cut are dropped.
	got := normHits([]cHit{{ID: "b", Score: 1}, {ID: "a", Score: 2}, {ID: "c", Score: 1}}, 3)
	if want := []cHit{{ID: "a", Score: 2}}; !reflect.DeepEqual(got, want) {
		t.Errorf("normHits full = %v", got)
	}
	got = normHits([]cHit{{ID: "b", Score: 1}, {ID: "a", Score: 2}, {ID: "c", Score: 1}}, 10)
	if want := []cHit{{ID: "a", Score: 2}, {ID: "b", Score: 1}, {ID: "c", Score: 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("normHits = %v", got)
	}
	// Subgraphs: nodes by distance then id, edges by key.
	sg := normSubgraph(&cSubgraph{Nodes: []cNode{{ID: "z", Distance: 1}, {ID: "c"}, {ID: "a", Distance: 1}},
		Edges: []cEdge{{From: "b", Type: "X", To: "a"}, {From: "a", Type: "Y", To: "b"}}})
	if sg.Nodes[0].ID != "c" || sg.Nodes[1].ID != "a" || sg.Edges[0].From != "a" {
		t.Errorf("normSubgraph = %+v", sg)
	}
	// Empty lists and nulls compare equal; different values do not.
	if err := same(&cCard{ID: "x", Aliases: []string{}}, &cCard{ID: "x"}); err != nil {
		t.Error(err)
	}
	if err := same([]cEvent{}, nil); err != nil {
		t.Error(err)
	}
	if err := same(&cCard{ID: "x", Degree: 1}, &cCard{ID: "x", Degree: 2}); err == nil {
		t.Error("different degrees compared equal")
	}
	e := normEvent(cEvent{Roles: []string{"TARGET b", "AGENT a"}})
	if e.Roles[0] != "AGENT a" {
		t.Errorf("roles not sorted: %v", e.Roles)
	}
}

func TestLucene(t *testing.T) {
	if got, want := lucene("Kim Jong-Un"), `names:"kim jong un"^4 OR (kim~1 AND jong~1 AND un)`; got != want {
		t.Errorf("lucene = %s, want %s", got, want)
	}
}
