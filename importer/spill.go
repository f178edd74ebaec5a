package importer

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// spillRec is one record waiting to be grouped: its group key (an id, or a relation's
// from, type and to), its place in the input, the record's hash and its JSON.
type spillRec struct {
	key  string
	seq  uint64
	hash string
	data []byte
	rec  any // the decoded record while it is in memory (nil once read back from a run)
}

// sorter groups records by key with bounded memory: an external merge sort. Records are
// kept in memory up to a budget of bytes, then sorted by key (stably, so input order is
// kept within a key) and written to a run file; iterate merges the runs. Inputs that fit
// the budget are never written to disk.
type sorter struct {
	dir    string
	name   string
	budget int
	buf    []spillRec
	bytes  int
	runs   []string
	seq    uint64
	n      int
}

func newSorter(dir, name string, budget int) *sorter {
	return &sorter{dir: dir, name: name, budget: max(budget, 1<<20)}
}

func (s *sorter) add(key, hash string, data []byte, rec any) error {
	s.buf = append(s.buf, spillRec{key: key, seq: s.seq, hash: hash, data: data, rec: rec})
	s.seq++
	s.n++
	s.bytes += len(key) + len(hash) + 2*len(data) + 200 // the JSON, and about as much for the record
	if s.bytes >= s.budget {
		return s.spill()
	}
	return nil
}

func sortRecs(recs []spillRec) {
	slices.SortStableFunc(recs, func(a, b spillRec) int { return strings.Compare(a.key, b.key) })
}

// spill writes the buffered records, sorted, to a new run file.
func (s *sorter) spill() error {
	if len(s.buf) == 0 {
		return nil
	}
	sortRecs(s.buf)
	path := filepath.Join(s.dir, fmt.Sprintf("%s-%04d.run", s.name, len(s.runs)))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var tmp [binary.MaxVarintLen64]byte
	put := func(b []byte) {
		w.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(b)))])
		w.Write(b)
	}
	for _, r := range s.buf {
		put([]byte(r.key))
		w.Write(tmp[:binary.PutUvarint(tmp[:], r.seq)])
		put([]byte(r.hash))
		put(r.data)
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	s.runs = append(s.runs, path)
	clear(s.buf)
	s.buf, s.bytes = s.buf[:0], 0
	return nil
}

// iterate calls fn with each group of records sharing a key, in key order, each group in
// input order. The group's slice is reused after fn returns.
func (s *sorter) iterate(fn func(group []spillRec) error) error {
	if len(s.runs) == 0 {
		sortRecs(s.buf)
		for i := 0; i < len(s.buf); {
			j := i + 1
			for j < len(s.buf) && s.buf[j].key == s.buf[i].key {
				j++
			}
			if err := fn(s.buf[i:j]); err != nil {
				return err
			}
			i = j
		}
		s.buf = nil
		return nil
	}
	if err := s.spill(); err != nil {
		return err
	}
	h := &runHeap{}
	for _, path := range s.runs {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r := &runReader{r: bufio.NewReaderSize(f, 256<<10), path: path}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			h.rs = append(h.rs, r)
		}
	}
	heap.Init(h)
	var group []spillRec
	for h.Len() > 0 {
		r := h.rs[0]
		if len(group) > 0 && r.cur.key != group[0].key {
			if err := fn(group); err != nil {
				return err
			}
			group = group[:0]
		}
		group = append(group, r.cur)
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	if len(group) > 0 {
		return fn(group)
	}
	return nil
}

// remove deletes the run files.
func (s *sorter) remove() {
	for _, p := range s.runs {
		os.Remove(p)
	}
	s.runs = nil
}

type runReader struct {
	r    *bufio.Reader
	path string
	cur  spillRec
}

func (r *runReader) bytes() ([]byte, error) {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		return nil, err
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r.r, b)
	return b, err
}

func (r *runReader) next() (bool, error) {
	key, err := r.bytes()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	var seq uint64
	var h, data []byte
	if err == nil {
		seq, err = binary.ReadUvarint(r.r)
	}
	if err == nil {
		h, err = r.bytes()
	}
	if err == nil {
		data, err = r.bytes()
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", r.path, err)
	}
	r.cur = spillRec{key: string(key), seq: seq, hash: string(h), data: data}
	return true, nil
}

type runHeap struct{ rs []*runReader }

func (h *runHeap) Len() int { return len(h.rs) }
func (h *runHeap) Less(i, j int) bool {
	a, b := &h.rs[i].cur, &h.rs[j].cur
	if a.key != b.key {
		return a.key < b.key
	}
	return a.seq < b.seq
}
func (h *runHeap) Swap(i, j int) { h.rs[i], h.rs[j] = h.rs[j], h.rs[i] }
func (h *runHeap) Push(x any)    { h.rs = append(h.rs, x.(*runReader)) }
func (h *runHeap) Pop() any {
	r := h.rs[len(h.rs)-1]
	h.rs = h.rs[:len(h.rs)-1]
	return r
}
