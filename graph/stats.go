package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// statsStatement counts nodes by label and relationships by type (each a count-store
// lookup in its own subquery) and events by type, in one statement.
var statsStatement = func() string {
	var b strings.Builder
	count := func(col, match string) {
		fmt.Fprintf(&b, "CALL () { %s RETURN count(*) AS %s }\n", match, col)
	}
	for _, l := range []string{"Entity", "Event", "Article"} {
		count("n_"+l, "MATCH (:"+l+")")
	}
	for _, k := range factgraph.EntityKinds {
		count("k_"+k, "MATCH (:"+k+")")
	}
	for _, t := range factgraph.RelationTypes {
		count("r_"+t, "MATCH ()-[:"+t+"]->()")
	}
	b.WriteString("CALL () { MATCH (e:Event) WITH e.type AS t, count(*) AS n ORDER BY n DESC, t RETURN collect({name: t, count: n}) AS eventsByType }\n")
	b.WriteString("RETURN *")
	return b.String()
}()

// Stats counts nodes by kind and relationships by type from Neo4j's count store.
// Errors: EUNAVAILABLE.
func (db *DB) Stats(ctx context.Context) (*factgraph.Stats, error) {
	res, err := db.query(ctx, "stats", statsStatement, nil)
	if err != nil {
		return nil, err
	}
	st, err := statsFrom(res.Records)
	if err != nil {
		return nil, db.translate(fmt.Errorf("stats: %w", err))
	}
	return st, nil
}

func statsFrom(recs []*neo4j.Record) (*factgraph.Stats, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("want 1 row, got %d", len(recs))
	}
	row := recs[0].AsMap()
	st := &factgraph.Stats{}
	var err error
	for label, dst := range map[string]*int{"Entity": &st.Entities, "Event": &st.Events, "Article": &st.Articles} {
		if *dst, err = integer(row, "n_"+label); err != nil {
			return nil, err
		}
	}
	for _, k := range factgraph.EntityKinds {
		n, err := integer(row, "k_"+k)
		if err != nil {
			return nil, err
		}
		st.EntitiesByKind = append(st.EntitiesByKind, factgraph.Count{Name: k, Count: n})
	}
	for _, t := range factgraph.RelationTypes {
		n, err := integer(row, "r_"+t)
		if err != nil {
			return nil, err
		}
		st.Relations += n
		if n > 0 {
			st.RelationsByType = append(st.RelationsByType, factgraph.Count{Name: t, Count: n})
		}
	}
	byType, err := listAt(row, "eventsByType")
	if err != nil {
		return nil, err
	}
	for _, x := range byType {
		m, err := mapOf(x)
		if err != nil {
			return nil, err
		}
		var c factgraph.Count
		if c.Name, err = str(m, "name"); err != nil {
			return nil, err
		}
		if c.Count, err = integer(m, "count"); err != nil {
			return nil, err
		}
		st.EventsByType = append(st.EventsByType, c)
	}
	return st, nil
}
