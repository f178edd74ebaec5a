package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// Article quantities: amounts an article states that no event or relation takes ("a crew
// of 24", a fleet's size), each with the entity it describes when known
// (factgraph.Article.Quantities, Quantity.Entity). They are stored on the Article node as
// parallel lists (qValues, qUnits, qApprox, qOf, qEntities, as events store theirs, with
// qEntities "" for the article's topic) and, for those that name an entity, as one
// (:Article)-[:QUANTIFIES {index, value, unit, approx, of}]->(:Entity) relationship each.
// qHash is the hash of the list: a write replaces the article's quantities only when it
// differs, so writing the same article again changes nothing, and an article declared
// again without quantities loses the old ones. Kept apart from upsertArticles (one more
// statement, after the events, so that the entities it links to are written).

// upsertArticleQuantities replaces the stored quantities of each article whose list changed.
const upsertArticleQuantities = `
UNWIND $rows AS r
MATCH (a:Article {id: r.id})
WITH a, r WHERE coalesce(a.qHash, '') <> r.qHash
OPTIONAL MATCH (a)-[old:QUANTIFIES]->()
DELETE old
WITH DISTINCT a, r
SET a.qHash = CASE WHEN r.qHash = '' THEN null ELSE r.qHash END,
    a.qValues = r.values, a.qUnits = r.units, a.qApprox = r.approx, a.qOf = r.of, a.qEntities = r.entities
WITH a, r
UNWIND r.linked AS q
MATCH (e:Entity {id: q.entity})
CREATE (a)-[:QUANTIFIES {index: q.index, value: q.value, unit: q.unit, approx: q.approx, of: q.of}]->(e)`

// articleQuantityRows: one row per article of the set (those without quantities clear
// any stored before, and cost one indexed lookup each).
func articleQuantityRows(fs *factgraph.FactSet) []map[string]any {
	var rows []map[string]any
	for i := range fs.Articles {
		a := &fs.Articles[i]
		row := map[string]any{"id": a.ID, "qHash": "", "values": nil, "units": nil, "approx": nil, "of": nil, "entities": nil, "linked": []map[string]any{}}
		if len(a.Quantities) > 0 {
			values := make([]float64, len(a.Quantities))
			units := make([]string, len(a.Quantities))
			approx := make([]bool, len(a.Quantities))
			of := make([]string, len(a.Quantities))
			entities := make([]string, len(a.Quantities))
			var linked []map[string]any
			for k, q := range a.Quantities {
				values[k], units[k], approx[k], of[k], entities[k] = q.Value, q.Unit, q.Approx, q.Of, q.Entity
				if q.Entity != "" {
					linked = append(linked, map[string]any{"index": int64(k), "entity": q.Entity, "value": q.Value,
						"unit": q.Unit, "approx": q.Approx, "of": q.Of})
				}
			}
			row["qHash"], row["values"], row["units"], row["approx"], row["of"], row["entities"] = hash(a.Quantities), values, units, approx, of, entities
			if linked != nil {
				row["linked"] = linked
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// linkArticleQuantities adds the QUANTIFIES relationships that are missing: a loader that
// writes articles and entities in separate transactions (in parallel) calls it when both
// are written, since an article's quantities may name an entity written after it.
const linkArticleQuantities = `
UNWIND $rows AS r
MATCH (a:Article {id: r.id})
UNWIND r.linked AS q
MATCH (e:Entity {id: q.entity})
MERGE (a)-[x:QUANTIFIES {index: q.index}]->(e)
ON CREATE SET x.value = q.value, x.unit = q.unit, x.approx = q.approx, x.of = q.of`

// LinkArticleQuantities adds the QUANTIFIES relationships of the articles' quantities
// whose entities are now in the graph and not yet linked (articles written by Write; see
// linkArticleQuantities). Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) LinkArticleQuantities(ctx context.Context, articles []factgraph.Article) error {
	var rows []map[string]any
	for _, r := range articleQuantityRows(&factgraph.FactSet{Articles: articles}) {
		if l, _ := r["linked"].([]map[string]any); len(l) > 0 {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	_, err := write(ctx, db, "link_article_quantities", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		res, err := tx.Run(ctx, linkArticleQuantities, map[string]any{"rows": rows})
		if err == nil {
			_, err = res.Consume(ctx)
		}
		return struct{}{}, err
	})
	return err
}

// WriteArticleQuantities stores the quantities of these articles (id and quantities;
// the articles and the entities they name must be in the graph) as Write stores them:
// the q* lists and the QUANTIFIES relationships, replaced where they differ. factgraph
// import writes them so, after the bulk import (CSV has no place for them). Errors:
// EUNAVAILABLE, EINTERNAL.
func (db *DB) WriteArticleQuantities(ctx context.Context, articles []factgraph.Article) error {
	rows := articleQuantityRows(&factgraph.FactSet{Articles: articles})
	for start := 0; start < len(rows); start += 1000 {
		batch := rows[start:min(start+1000, len(rows))]
		_, err := write(ctx, db, "article_quantities", func(tx neo4j.ManagedTransaction) (struct{}, error) {
			res, err := tx.Run(ctx, upsertArticleQuantities, map[string]any{"rows": batch})
			if err == nil {
				_, err = res.Consume(ctx)
			}
			return struct{}{}, err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
