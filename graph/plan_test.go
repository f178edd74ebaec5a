package graph

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

func mustView(t testing.TB, v factgraph.EntityView) factgraph.EntityView {
	t.Helper()
	if err := v.Validate(); err != nil {
		t.Fatal(err)
	}
	return v
}

// The compiled text depends on the view's shape only: values go in parameters, so views
// that differ in values share one cached text (and one Neo4j plan), and views of another
// shape get their own.
func TestCompiledTextIsCachedByShape(t *testing.T) {
	a := mustView(t, factgraph.EntityView{
		Relations: []factgraph.RelationsPart{{Query: factgraph.RelationQuery{First: 5}, Ends: true}},
		Timelines: []factgraph.TimelinePart{{Query: factgraph.TimelineQuery{First: 3, EventTypes: []string{"MEETING"}}, Evidence: true}},
	})
	b := mustView(t, factgraph.EntityView{
		Relations: []factgraph.RelationsPart{{Query: factgraph.RelationQuery{First: 50}, Ends: true}},
		Timelines: []factgraph.TimelinePart{{Query: factgraph.TimelineQuery{First: 7, From: "2025-01-01"}, Evidence: true}},
	})
	sa, sb := EntityStatement("country:PRK", a), EntityStatement("person:kim-jong-un", b)
	if sa.Cypher != sb.Cypher {
		t.Errorf("same shape, different texts:\n%s\n---\n%s", sa.Cypher, sb.Cypher)
	}
	if sa.Params["r0_first"] != int64(5) || sb.Params["r0_first"] != int64(50) || sb.Params["t0_from"] == nil {
		t.Errorf("parameters: %v / %v", sa.Params, sb.Params)
	}
	c := mustView(t, factgraph.EntityView{
		Relations: []factgraph.RelationsPart{{Query: factgraph.RelationQuery{First: 5, Type: "SUPPLIES", Direction: factgraph.DirectionOut}, Evidence: true}},
	})
	sc := EntityStatement("country:PRK", c)
	if sc.Cypher == sa.Cypher {
		t.Error("another shape, same text")
	}
	for _, want := range []string{"-[r:SUPPLIES]->", "evidence: COLLECT", "AS r0"} {
		if !strings.Contains(sc.Cypher, want) {
			t.Errorf("compiled text lacks %q:\n%s", want, sc.Cypher)
		}
	}
	if strings.Contains(sc.Cypher, "ends:") || strings.Contains(sc.Cypher, "CALL (e) {\n  MATCH (ev:Event)") {
		t.Errorf("compiled text has parts the view does not ask for:\n%s", sc.Cypher)
	}
	if got := EntityStatement("x", factgraph.EntityView{}).Cypher; strings.Contains(got, "CALL (e) {\n  MATCH (e)") {
		t.Errorf("an empty view compiles parts:\n%s", got)
	}
}

// Planning a repeated shape costs a map lookup and the parameters.
func BenchmarkEntityStatementCached(b *testing.B) {
	v := mustView(b, factgraph.EntityView{
		Relations: []factgraph.RelationsPart{{Query: factgraph.RelationQuery{First: 20}, Ends: true}},
		Timelines: []factgraph.TimelinePart{{Query: factgraph.TimelineQuery{First: 20}, Evidence: true, RoleEntities: true}},
	})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = EntityStatement("country:PRK", v)
	}
}
