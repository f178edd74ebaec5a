package loader

import (
	"context"
	"fmt"

	"github.com/factgraph/factgraph"
)

// An article's quantities may name the entity they describe (Quantity.Entity: an id,
// name or alias, like a role's entity). Their references are checked and resolved with
// the others; graph.DB.Write stores the quantities (graph/articlequantities.go).

// articleQuantityRefs records the entity references of an article's quantities.
// An article whose quantities name entities is kept (its id and quantities only) to be
// linked at the end of the load (linkArticleQuantities).
func (sc *scanned) articleQuantityRefs(a *factgraph.Article, ref func(m map[string]where, key, field string)) {
	linked := false
	for i, q := range a.Quantities {
		if q.Entity != "" {
			ref(sc.entRefs, q.Entity, fmt.Sprintf("quantities[%d].entity", i))
			linked = true
		}
	}
	if linked {
		sc.quantityArticles = append(sc.quantityArticles, factgraph.Article{ID: a.ID, Quantities: append([]factgraph.Quantity(nil), a.Quantities...)})
	}
}

// quantityLinker is the writer's optional method that links article quantities to
// entities written after their article (graph.DB has it).
type quantityLinker interface {
	LinkArticleQuantities(ctx context.Context, articles []factgraph.Article) error
}

// linkArticleQuantities: when the load wrote articles and entities in separate
// transactions, the relationships from an article's quantities to their entities are
// added once both are written. A file declaring the same article twice links the
// quantities of its last declaration.
func (l *Loader) linkArticleQuantities(ctx context.Context, file string, sc *scanned) error {
	lq, ok := l.Writer.(quantityLinker)
	if !ok || l.DryRun || l.OneTransaction || len(sc.quantityArticles) == 0 {
		return nil
	}
	last := map[string]int{}
	for i, a := range sc.quantityArticles {
		last[a.ID] = i
	}
	var arts []factgraph.Article
	for i, a := range sc.quantityArticles {
		if last[a.ID] == i {
			sc.resolveArticleQuantities(&a)
			arts = append(arts, a)
		}
	}
	if err := lq.LinkArticleQuantities(ctx, arts); err != nil {
		return fmt.Errorf("load %s: link the articles' quantities to their entities: %w", file, err)
	}
	return nil
}

// resolveArticleQuantities rewrites the entity references of an article's quantities to
// ids. A reference that did not resolve has been reported (a load without SkipInvalid
// stops there); with SkipInvalid the quantity is kept as the article's, without the entity.
func (sc *scanned) resolveArticleQuantities(a *factgraph.Article) {
	for i := range a.Quantities {
		q := &a.Quantities[i]
		if q.Entity == "" {
			continue
		}
		if sc.badRefs[q.Entity] {
			q.Entity = ""
			continue
		}
		if id := sc.resolved[q.Entity]; id != "" {
			q.Entity = id
		}
	}
}
