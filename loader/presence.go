package loader

import (
	"context"
	"slices"
	"sync"

	"github.com/factgraph/factgraph"
)

// presence finds, while the validation pass reads an NDJSON file, the records the graph
// already holds (factgraph.PresenceChecker: by their hashes, as Write finds them), so that
// the write pass passes over their lines without decoding them: a re-load costs one
// decoding pass instead of two, and its records never reach a write transaction.
//
// It is an optimisation only: Write checks every record it gets again, so a record
// missed here is written as before. The checks run on a goroutine of their own, beside
// the decoding. They stop after presenceGiveUp batches in a row in which nothing is
// present (a cold load, or new facts), so such a load pays for a few read transactions.
//
// A record is checked as the file states it, before references are resolved (that needs
// the whole file). Write gets it resolved, so a record whose references are names is not
// found here and is left to Write; one whose references are ids is the same either way.
// Found present, it was written with those very ids: an id in the graph resolves to itself.
type presence struct {
	pc    factgraph.PresenceChecker
	batch int
	ctx   context.Context

	fs    *factgraph.FactSet
	lines [4][]int // the file lines of fs's records, by kind (articles, entities, ...)

	work chan presenceBatch
	wg   sync.WaitGroup
	mu   sync.Mutex
	bits lineSet
	n    int // records found present
	dry  int // batches in a row that found nothing
	off  bool
}

// presenceGiveUp is how many batches in a row must find nothing before the checks stop.
const presenceGiveUp = 2

type presenceBatch struct {
	fs    *factgraph.FactSet
	lines []int // in the order of Present's answer
}

func newPresence(ctx context.Context, pc factgraph.PresenceChecker, batch int) *presence {
	p := &presence{pc: pc, batch: batch, ctx: ctx, fs: &factgraph.FactSet{}, work: make(chan presenceBatch, presenceCheckers)}
	p.wg.Add(presenceCheckers)
	for range presenceCheckers {
		go p.check()
	}
	return p
}

// presenceCheckers is how many batches are checked at once: the server answers one on
// each core while the loader decodes the next.
const presenceCheckers = 2

func (p *presence) check() {
	defer p.wg.Done()
	for b := range p.work {
		if p.stopped() || p.ctx.Err() != nil {
			continue
		}
		found, err := p.pc.Present(p.ctx, b.fs)
		p.mu.Lock()
		if err != nil || len(found) != len(b.lines) {
			// Write reports a database that does not answer; this pass only saves work.
			p.off = true
		} else {
			hit := false
			for i, ok := range found {
				if ok {
					p.bits.add(b.lines[i])
					p.n++
					hit = true
				}
			}
			if hit {
				p.dry = 0
			} else if p.dry++; p.dry >= presenceGiveUp {
				p.off = true
			}
		}
		p.mu.Unlock()
	}
}

func (p *presence) stopped() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.off
}

// add queues a valid record of the given file line.
func (p *presence) add(it *item) {
	if p == nil {
		return
	}
	it.appendTo(p.fs)
	k := slices.Index(recordKinds, it.kind()) // Present answers in this order
	p.lines[k] = append(p.lines[k], it.line)
	if p.fs.Len() >= p.batch {
		p.flush()
	}
}

func (p *presence) flush() {
	if p.fs.Len() == 0 {
		return
	}
	b := presenceBatch{fs: p.fs}
	for _, l := range p.lines {
		b.lines = append(b.lines, l...)
	}
	p.fs, p.lines = &factgraph.FactSet{}, [4][]int{}
	if p.stopped() {
		return
	}
	select {
	case p.work <- b:
	case <-p.ctx.Done():
	}
}

// finish waits for the checks and returns the lines found present and their count.
func (p *presence) finish() (lineSet, int) {
	p.flush()
	close(p.work)
	p.wg.Wait()
	return p.bits, p.n
}

// lineSet is a set of line numbers, a bit each.
type lineSet []uint64

func (s *lineSet) add(line int) {
	w := line / 64
	for len(*s) <= w {
		*s = append(*s, 0)
	}
	(*s)[w] |= 1 << (line % 64)
}

func (s lineSet) has(line int) bool {
	w := line / 64
	return w < len(s) && s[w]&(1<<(line%64)) != 0
}
