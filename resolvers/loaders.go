package resolvers

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/factgraph/factgraph"
)

// Loaders batch the fields of one request that no root planned (an entity reached through
// a node, a role of an event page, a relation's far end, the relations of an end): each
// batch function is one Neo4j read over all the ids asked for at the same time, so a list
// of such entities with their parts costs a fixed number of reads.
type Loaders struct {
	entity       *dataloadgen.Loader[string, *factgraph.Entity]
	neighborhood *dataloadgen.Loader[queryKey, *factgraph.Subgraph]
	relations    *dataloadgen.Loader[queryKey, []factgraph.Edge]
	timeline     *dataloadgen.Loader[queryKey, []*factgraph.Event]
}

// queryKey is an entity id with the part asked for in a comparable form.
type queryKey struct {
	id    string
	query string // the part as JSON: keys with equal parts are batched together
}

func keyOf(id string, q any) queryKey {
	b, _ := json.Marshal(q) // query structs of strings and numbers always marshal
	return queryKey{id: id, query: string(b)}
}

// NewLoaders makes the loaders of one request.
func NewLoaders(g factgraph.Reader) *Loaders {
	// The batch window: the lazy fields of one level arrive within microseconds of each
	// other (gqlgen resolves them concurrently); every level of a request waits this long
	// once, so it is kept short: 2 ms (it was 5 ms: 10 ms of a two-level request's latency;
	// 1 ms split the batches of a 50-entity page under load).
	wait := dataloadgen.WithWait(2 * time.Millisecond)
	return &Loaders{
		entity: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*factgraph.Entity, []error) {
			m, err := g.EntitiesByID(ctx, ids, factgraph.EntityView{})
			out, errs := make([]*factgraph.Entity, len(ids)), make([]error, len(ids))
			for i, id := range ids {
				switch {
				case err != nil:
					errs[i] = err
				case m[id] == nil:
					errs[i] = factgraph.Errorf(factgraph.ENOTFOUND, "no entity %q", id)
				default:
					out[i] = m[id]
				}
			}
			return out, errs
		}, wait),
		neighborhood: dataloadgen.NewLoader(grouped(g.Neighborhoods), wait),
		relations: dataloadgen.NewLoader(grouped(func(ctx context.Context, ids []string, p factgraph.RelationsPart) (map[string][]factgraph.Edge, error) {
			m, err := g.EntitiesByID(ctx, ids, factgraph.EntityView{Relations: []factgraph.RelationsPart{p}})
			return partOf(m, err, func(ps *factgraph.EntityParts) []factgraph.Edge { return ps.Relations[p.Query.Key()] })
		}), wait),
		timeline: dataloadgen.NewLoader(grouped(func(ctx context.Context, ids []string, p factgraph.TimelinePart) (map[string][]*factgraph.Event, error) {
			m, err := g.EntitiesByID(ctx, ids, factgraph.EntityView{Timelines: []factgraph.TimelinePart{p}})
			return partOf(m, err, func(ps *factgraph.EntityParts) []*factgraph.Event { return ps.Timelines[p.Query.Key()] })
		}), wait),
	}
}

// partOf picks one part out of each entity read with a one-part view.
func partOf[V any](m map[string]*factgraph.Entity, err error, pick func(*factgraph.EntityParts) V) (map[string]V, error) {
	if err != nil {
		return nil, err
	}
	out := make(map[string]V, len(m))
	for id, e := range m {
		if e.Parts != nil {
			out[id] = pick(e.Parts)
		}
	}
	return out, nil
}

// grouped turns a batch function over ids with one query into a loader batch function
// over keys: keys are grouped by query, one call per distinct query.
func grouped[Q any, V any](fetch func(ctx context.Context, ids []string, q Q) (map[string]V, error)) func(context.Context, []queryKey) ([]V, []error) {
	return func(ctx context.Context, keys []queryKey) ([]V, []error) {
		out, errs := make([]V, len(keys)), make([]error, len(keys))
		byQuery := map[string][]int{}
		for i, k := range keys {
			byQuery[k.query] = append(byQuery[k.query], i)
		}
		for query, idx := range byQuery {
			var q Q
			err := json.Unmarshal([]byte(query), &q)
			ids := make([]string, len(idx))
			for j, i := range idx {
				ids[j] = keys[i].id
			}
			var m map[string]V
			if err == nil {
				m, err = fetch(ctx, ids, q)
			}
			for _, i := range idx {
				if err != nil {
					errs[i] = err
				} else {
					out[i] = m[keys[i].id]
				}
			}
		}
		return out, errs
	}
}

type loadersKey struct{}

// Middleware gives every request its own loaders.
func Middleware(g factgraph.Reader, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(g))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// loaders returns the request's loaders (new ones outside Middleware, e.g. in tests).
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.Graph)
}
