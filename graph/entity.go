package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// entityHead finds the entity with the id $id or, if none has that id, the one whose name
// or alias folds to the same key (so "DPRK" finds North Korea), as e.
const entityHead = `
OPTIONAL MATCH (e:Entity {id: $id})
WITH e
CALL (e) {
  WITH e WHERE e IS NULL
  CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 20}) YIELD node
  WITH node AS x WHERE $key IN x.names
  RETURN x ORDER BY x.id LIMIT 1
  UNION
  WITH e WHERE e IS NOT NULL
  RETURN e AS x
}
WITH x AS e`

// EntityStatement is Entity's statement: the entity (by id or name) and the view's parts.
// The view must be valid (EntityView.Validate).
func EntityStatement(id string, v factgraph.EntityView) Statement {
	cypher := compile("entity", v, func(calls, columns string) string {
		return entityHead + calls + "\nRETURN " + entityProj("e") + " AS e" + columns
	})
	return Statement{cypher, viewParams(v, map[string]any{"id": id, "key": factgraph.NormalizeName(id), "q": phrase(id)})}
}

// EntitiesStatement is EntitiesByID's statement.
func EntitiesStatement(ids []string, v factgraph.EntityView) Statement {
	cypher := compile("entities_by_id", v, func(calls, columns string) string {
		return "UNWIND $ids AS id MATCH (e:Entity {id: id})" + calls + "\nRETURN " + entityProj("e") + " AS e" + columns
	})
	return Statement{cypher, viewParams(v, map[string]any{"ids": nonNil(ids)})}
}

// Entity returns the entity with the id; if none has that id, the entity whose name or
// alias folds to the same key. Its view's parts come in the same statement (the
// neighbourhoods after it, see Neighborhoods). Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Entity(ctx context.Context, id string, v factgraph.EntityView) (*factgraph.Entity, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	es, _, err := db.cards(ctx, "entity", EntityStatement(id, v), v, -1)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, factgraph.Errorf(factgraph.ENOTFOUND, "no entity with id or name %q", id)
	}
	return es[0], nil
}

// EntitiesByID returns the entities with these ids, each with the view's parts.
// Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) EntitiesByID(ctx context.Context, ids []string, v factgraph.EntityView) (map[string]*factgraph.Entity, error) {
	if err := v.Validate(); err != nil {
		return nil, err
	}
	es, _, err := db.cards(ctx, "entities_by_id", EntitiesStatement(ids, v), v, -1)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*factgraph.Entity, len(es))
	for _, e := range es {
		out[e.ID] = e
	}
	return out, nil
}

// cards runs a compiled entity statement and maps its rows; the records are returned for
// the head's own columns. A view without neighbourhoods is one statement (DB.query); with
// neighbourhoods, the statement and the neighbourhoods' levels share one read
// transaction. Only the first max rows get neighbourhoods (a page's extra row only says
// there is a next page); max < 0 is all.
func (db *DB) cards(ctx context.Context, op string, st Statement, v factgraph.EntityView, max int) ([]*factgraph.Entity, []*neo4j.Record, error) {
	type rows struct {
		es   []*factgraph.Entity
		recs []*neo4j.Record
	}
	if len(v.Neighborhoods) == 0 {
		res, err := db.query(ctx, op, st.Cypher, st.Params)
		if err != nil {
			return nil, nil, err
		}
		es, err := cardsFrom(res.Records, v)
		if err != nil {
			return nil, nil, db.translate(fmt.Errorf("%s: %w", op, err))
		}
		return es, res.Records, nil
	}
	r, err := read(ctx, db, op, func(tx neo4j.ManagedTransaction) (rows, error) {
		recs, err := run(ctx, tx, st.Cypher, st.Params)
		if err != nil {
			return rows{}, err
		}
		es, err := cardsFrom(recs, v)
		if err != nil {
			return rows{}, fmt.Errorf("%s: %w", op, err)
		}
		with := es
		if max >= 0 && len(with) > max {
			with = with[:max]
		}
		return rows{es, recs}, neighborhoodParts(ctx, tx, with, v)
	})
	return r.es, r.recs, err
}

// neighborhoodParts fills in the view's neighbourhoods of the entities: one
// neighbourhood traversal per part, for all of them.
func neighborhoodParts(ctx context.Context, tx neo4j.ManagedTransaction, es []*factgraph.Entity, v factgraph.EntityView) error {
	if len(es) == 0 {
		return nil
	}
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	for _, p := range v.Neighborhoods {
		m, err := neighborhoodsIn(ctx, tx, ids, p)
		if err != nil {
			return err
		}
		for _, e := range es {
			e.Parts.Neighborhoods[p.Query.Key()] = m[e.ID]
		}
	}
	return nil
}

// entityIn is Entity's lookup without a view inside a transaction (for the path reads,
// which resolve their ends in their own transaction); nil if none.
func entityIn(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*factgraph.Entity, error) {
	st := EntityStatement(id, factgraph.EntityView{})
	recs, err := run(ctx, tx, st.Cypher, st.Params)
	if err != nil {
		return nil, err
	}
	es, err := cardsFrom(recs, factgraph.EntityView{})
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return es[0], nil
}

// nodeStatement finds an entity, an event (with its evidence) or an article by id.
var nodeStatement = `
CALL () {
  MATCH (e:Entity {id: $id}) RETURN ` + nodeProj("e") + ` AS n, null AS a, [] AS evidence
  UNION
  MATCH (ev:Event {id: $id}) RETURN ` + nodeProj("ev") + ` AS n, null AS a, ` + eventEvidence + ` AS evidence
  UNION
  MATCH (x:Article {id: $id}) RETURN null AS n, properties(x) AS a, [] AS evidence
}
RETURN n, a, evidence LIMIT 1`

// Node returns the entity, event or article with the id. Errors: ENOTFOUND, EUNAVAILABLE.
func (db *DB) Node(ctx context.Context, id string) (factgraph.Node, error) {
	res, err := db.query(ctx, "node", nodeStatement, map[string]any{"id": id, "maxEvidence": int64(MaxEvidence)})
	if err != nil {
		return nil, err
	}
	if len(res.Records) == 0 {
		return nil, factgraph.Errorf(factgraph.ENOTFOUND, "no node with id %q", id)
	}
	n, err := nodeRow(res.Records[0].AsMap())
	if err != nil {
		return nil, db.translate(fmt.Errorf("node %s: %w", id, err))
	}
	return n, nil
}

func nodeRow(row map[string]any) (factgraph.Node, error) {
	a, err := mapAt(row, "a")
	if err != nil {
		return nil, err
	}
	if a != nil {
		return articleFrom(a)
	}
	nm, err := mapAt(row, "n")
	if err != nil {
		return nil, err
	}
	sn, err := nodeFrom(nm)
	if err != nil {
		return nil, err
	}
	if sn.Event != nil {
		if sn.Event.Evidence, err = evidenceAt(row, "evidence"); err != nil {
			return nil, err
		}
	}
	return sn.Node(), nil
}
