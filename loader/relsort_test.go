package loader

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph"
)

// The external sort by edge key: whole edges, in key order, each edge's records in input
// order, the same whether everything fits one chunk or spills to many.
func TestRelationSortGroupsEdgesInKeyOrder(t *testing.T) {
	var in []*factgraph.Relation
	for i := 0; i < 1000; i++ {
		c := float64(i) / 1000
		in = append(in, &factgraph.Relation{Type: "SUPPLIES", From: fmt.Sprintf("country:C%03d", (i*7)%50),
			To: "country:RUS", Confidence: &c,
			Evidence: []factgraph.Evidence{{Article: fmt.Sprintf("article:a%d", i), Quote: "q"}}})
	}
	want := map[string][]int{} // edge key -> the records' input indexes, in order
	for i, r := range in {
		want[r.ID()] = append(want[r.ID()], i)
	}
	for _, chunk := range []int{10000, 64, 7} {
		s := newRelationSort(context.Background(), chunk)
		for _, r := range in {
			if !s.add(r) {
				t.Fatal("add refused")
			}
		}
		got := map[string][]int{}
		last := ""
		err := s.each(func(g []*factgraph.Relation) bool {
			key := g[0].ID()
			if key <= last {
				t.Errorf("chunk %d: edge %s after %s", chunk, key, last)
			}
			if got[key] != nil {
				t.Errorf("chunk %d: edge %s in two groups", chunk, key)
			}
			last = key
			for _, r := range g {
				if r.ID() != key {
					t.Errorf("chunk %d: record of %s in the group of %s", chunk, r.ID(), key)
				}
				var idx int
				fmt.Sscanf(r.Evidence[0].Article, "article:a%d", &idx)
				if !reflect.DeepEqual(*r, *in[idx]) {
					t.Errorf("chunk %d: record %d came back as %+v", chunk, idx, *r)
				}
				got[key] = append(got[key], idx)
			}
			return true
		})
		s.stop()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("chunk %d: groups %v, want %v", chunk, len(got), len(want))
		}
	}
}

// A writer that fails stops the sort midway: each returns, and nothing is left running.
func TestRelationSortStopsEarly(t *testing.T) {
	s := newRelationSort(context.Background(), 5)
	for i := 0; i < 100; i++ {
		s.add(&factgraph.Relation{Type: "SUPPLIES", From: fmt.Sprintf("country:C%03d", i), To: "country:RUS",
			Evidence: []factgraph.Evidence{{Article: "article:a", Quote: "q"}}})
	}
	n := 0
	if err := s.each(func([]*factgraph.Relation) bool { n++; return n < 3 }); err != nil {
		t.Fatal(err)
	}
	s.stop()
	if n != 3 {
		t.Errorf("fn called %d times after it said stop at 3", n)
	}
	// and a load cancelled before the end of its file
	ctx, cancel := context.WithCancel(context.Background())
	s = newRelationSort(ctx, 5)
	s.add(&factgraph.Relation{Type: "SUPPLIES", From: "country:A", To: "country:B"})
	cancel()
	s.stop()
}
