package graph_test

import (
	"context"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

// Local probe, not committed: per-pair times of the bounded search vs SHORTEST GROUPS.
func TestZZPairs(t *testing.T) {
	uri := os.Getenv("PROBE_URI")
	if uri == "" {
		t.Skip()
	}
	ctx := context.Background()
	budget, _ := strconv.Atoi(os.Getenv("PROBE_BUDGET"))
	db, err := graph.Open(ctx, graph.Config{URI: uri, User: "neo4j", Password: os.Getenv("PROBE_PW"), PathBudget: budget, QueryTimeout: 60 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	res, err := neo4j.ExecuteQuery(ctx, db.Driver(), `MATCH (e:Entity) RETURN e.id, COUNT { (e)--() } AS d ORDER BY e.id`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	type ent struct {
		id string
		d  int64
	}
	var all []ent
	for _, r := range res.Records {
		all = append(all, ent{r.Values[0].(string), r.Values[1].(int64)})
	}
	hot := append([]ent(nil), all...)
	sort.SliceStable(hot, func(i, j int) bool { return hot[i].d > hot[j].d })
	hot = hot[:max(1, len(hot)/50)]
	rng := rand.New(rand.NewPCG(1, 0x9e3779b97f4a7c15))
	one := func() ent {
		if rng.IntN(2) == 0 {
			return hot[rng.IntN(len(hot))]
		}
		return all[rng.IntN(len(all))]
	}
	n, _ := strconv.Atoi(os.Getenv("PROBE_N"))
	old := os.Getenv("PROBE_OLD") == "1"
	var tn, to []time.Duration
	cut := 0
	for i := 0; i < n; i++ {
		a, b := one(), one()
		if a.id == b.id {
			continue
		}
		q := factgraph.PathQuery{From: a.id, To: b.id, MaxHops: 4, First: 1, NoEvidence: true}
		t0 := time.Now()
		got, err := db.Paths(ctx, q)
		d := time.Since(t0)
		tn = append(tn, d)
		status := "ok"
		if err != nil {
			status = err.Error()[:40]
			cut++
		}
		line := ""
		if old {
			t1 := time.Now()
			want, err2 := db.PathsByCypher(ctx, q)
			d2 := time.Since(t1)
			to = append(to, d2)
			same := err != nil || err2 != nil || pathKey1(got) == pathKey1(want)
			line = " old " + d2.Round(time.Millisecond).String() + " same=" + strconv.FormatBool(same)
			if err2 != nil {
				line += " olderr=" + err2.Error()[:30]
			}
		}
		t.Logf("%s(%d) %s(%d): new %v %s len=%d%s", a.id, a.d, b.id, b.d, d.Round(time.Millisecond), status, len(got), line)
	}
	sort.Slice(tn, func(i, j int) bool { return tn[i] < tn[j] })
	sort.Slice(to, func(i, j int) bool { return to[i] < to[j] })
	t.Logf("new: p50 %v p90 %v max %v cut %d/%d", tn[len(tn)/2], tn[len(tn)*9/10], tn[len(tn)-1], cut, len(tn))
	if len(to) > 0 {
		t.Logf("old: p50 %v p90 %v max %v", to[len(to)/2], to[len(to)*9/10], to[len(to)-1])
	}
}

func pathKey1(ps []factgraph.Path) string {
	if len(ps) == 0 {
		return ""
	}
	return pathKey(ps[0])
}
