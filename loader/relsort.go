package loader

import (
	"context"
	"strings"

	gojson "github.com/goccy/go-json"
	"github.com/lanrat/extsort"

	"github.com/factgraph/factgraph"
)

// relationSort groups a file's relation records by edge (from, type, to) with bounded
// memory: an external merge sort (github.com/lanrat/extsort: sorted chunks of `chunk`
// records, sortChunk in a load, spill to one temporary file, then a k-way merge), by edge key
// and then input order, so a load's result does not depend on how the sort ran.
//
// Why: a cold load writes an edge stated by several records once, with all its evidence
// (one CREATE), where batches in file order would create it with its first record and
// merge it again, reading its evidence back, in every later batch that brings it (at 1M
// generated facts, 233,449 of 630,000 relation records).
type relationSort struct {
	in     chan sortedRelation
	out    <-chan sortedRelation
	errc   <-chan error
	cancel context.CancelFunc
	closed bool
	seq    uint64
	ctx    context.Context
}

type sortedRelation struct {
	Key string              `json:"k"`
	Seq uint64              `json:"s"`
	Rel *factgraph.Relation `json:"r"`
}

func newRelationSort(ctx context.Context, chunk int) *relationSort {
	ctx, cancel := context.WithCancel(ctx)
	in := make(chan sortedRelation, 256)
	cfg := extsort.DefaultConfig()
	cfg.ChunkSize = chunk
	cfg.NumWorkers = 1
	sorter, out, errc := extsort.Generic(in,
		func(b []byte) (sortedRelation, error) {
			var r sortedRelation
			err := gojson.Unmarshal(b, &r)
			return r, err
		},
		func(r sortedRelation) ([]byte, error) { return gojson.Marshal(r) },
		func(a, b sortedRelation) int {
			if c := strings.Compare(a.Key, b.Key); c != 0 {
				return c
			}
			switch {
			case a.Seq < b.Seq:
				return -1
			case a.Seq > b.Seq:
				return 1
			}
			return 0
		}, cfg)
	go sorter.Sort(ctx)
	return &relationSort{in: in, out: out, errc: errc, cancel: cancel, ctx: ctx}
}

// add queues a relation record (its references already resolved to ids); false if the
// load was cancelled.
func (s *relationSort) add(r *factgraph.Relation) bool {
	select {
	case s.in <- sortedRelation{Key: r.ID(), Seq: s.seq, Rel: r}:
		s.seq++
		return true
	case <-s.ctx.Done():
		return false
	}
}

// each calls fn with the records of each edge, in key order, until fn returns false; it
// returns the sort's error.
func (s *relationSort) each(fn func([]*factgraph.Relation) bool) error {
	s.closed = true
	close(s.in)
	var group []*factgraph.Relation
	key := ""
	for r := range s.out {
		if len(group) > 0 && r.Key != key {
			if !fn(group) {
				s.stop()
				return nil
			}
			group = nil
		}
		key = r.Key
		group = append(group, r.Rel)
	}
	if err := <-s.errc; err != nil {
		return err
	}
	if len(group) > 0 {
		fn(group)
	}
	return nil
}

// stop ends the sort and frees its temporary file, whatever state it is in.
func (s *relationSort) stop() {
	if !s.closed {
		s.closed = true
		close(s.in)
	}
	s.cancel()
	for range s.out { // the merge closes its output once cancelled
	}
}
