package loader

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/factgraph/factgraph"
)

// Loader validates fact files and writes them to the graph.
type Loader struct {
	Writer factgraph.Writer
	// DryRun validates and resolves references, and writes nothing.
	DryRun bool
}

// Summary says what a load read and did.
type Summary struct {
	File      string               `json:"file"`
	Articles  int                  `json:"articles"`
	Entities  int                  `json:"entities"`
	Relations int                  `json:"relations"`
	Events    int                  `json:"events"`
	Written   factgraph.WriteStats `json:"written"`
	DryRun    bool                 `json:"dryRun,omitempty"`
}

// Load parses, validates and writes one JSON fact file. If any record is invalid or a
// reference does not resolve, nothing is written and the error is a *ValidationError
// listing every problem with its position. Errors: EINVALID, EUNAVAILABLE, EINTERNAL.
func (l *Loader) Load(ctx context.Context, name string, r io.Reader) (Summary, error) {
	sum := Summary{File: name, DryRun: l.DryRun}
	fs, pos, err := ParseJSON(name, r)
	if err != nil {
		return sum, err
	}
	sum.Articles, sum.Entities, sum.Relations, sum.Events = len(fs.Articles), len(fs.Entities), len(fs.Relations), len(fs.Events)
	if err := l.checkReferences(ctx, name, fs, pos); err != nil {
		return sum, err
	}
	if l.DryRun {
		return sum, nil
	}
	st, err := l.Writer.Write(ctx, fs)
	if err != nil {
		return sum, fmt.Errorf("write %s: %w", name, err)
	}
	sum.Written = st
	return sum, nil
}

// checkReferences finds ids declared twice (or with two kinds) and references to entities
// and articles that are neither in the file nor in the graph.
func (l *Loader) checkReferences(ctx context.Context, name string, fs *factgraph.FactSet, pos Positions) error {
	var ps problems
	kinds := map[string]string{}
	for i, e := range fs.Entities {
		if k, ok := kinds[e.ID]; ok {
			msg := fmt.Sprintf("entity %q is declared twice", e.ID)
			if k != e.Kind {
				msg = fmt.Sprintf("entity %q is declared as both %s and %s", e.ID, k, e.Kind)
			}
			ps.add(pos.problem(name, fmt.Sprintf("entities[%d].id", i), msg))
			continue
		}
		kinds[e.ID] = e.Kind
	}
	articles := map[string]bool{}
	for _, a := range fs.Articles {
		articles[a.ID] = true
	}
	events := map[string]bool{}
	for i, e := range fs.Events {
		if events[e.ID] {
			ps.add(pos.problem(name, fmt.Sprintf("events[%d].id", i), fmt.Sprintf("event %q is declared twice", e.ID)))
		}
		events[e.ID] = true
	}

	type ref struct{ field, id string }
	var entRefs, artRefs []ref
	for i, r := range fs.Relations {
		entRefs = append(entRefs, ref{fmt.Sprintf("relations[%d].from", i), r.From}, ref{fmt.Sprintf("relations[%d].to", i), r.To})
		for j, ev := range r.Evidence {
			artRefs = append(artRefs, ref{fmt.Sprintf("relations[%d].evidence[%d].article", i, j), ev.Article})
		}
	}
	for i, e := range fs.Events {
		for j, r := range e.Roles {
			entRefs = append(entRefs, ref{fmt.Sprintf("events[%d].roles[%d].entity", i, j), r.Entity})
		}
		for j, ev := range e.Evidence {
			artRefs = append(artRefs, ref{fmt.Sprintf("events[%d].evidence[%d].article", i, j), ev.Article})
		}
	}
	unknown := func(refs []ref, known map[string]bool) []string {
		set := map[string]bool{}
		for _, r := range refs {
			if !known[r.id] {
				set[r.id] = true
			}
		}
		out := make([]string, 0, len(set))
		for id := range set {
			out = append(out, id)
		}
		sort.Strings(out)
		return out
	}
	declared := map[string]bool{}
	for id := range kinds {
		declared[id] = true
	}
	ue, ua := unknown(entRefs, declared), unknown(artRefs, articles)
	if len(ue)+len(ua) > 0 {
		me, ma, err := l.Writer.MissingReferences(ctx, ue, ua)
		if err != nil {
			return fmt.Errorf("check references of %s: %w", name, err)
		}
		missE, missA := toSet(me), toSet(ma)
		for _, r := range entRefs {
			if missE[r.id] {
				ps.add(pos.problem(name, r.field, fmt.Sprintf("unknown entity %q: declare it in entities or load it first", r.id)))
			}
		}
		for _, r := range artRefs {
			if missA[r.id] {
				ps.add(pos.problem(name, r.field, fmt.Sprintf("unknown article %q: declare it in articles or load it first", r.id)))
			}
		}
	}
	return ps.err()
}

func toSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
