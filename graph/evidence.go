package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
)

// MaxEvidence bounds the evidence listed per edge or event (the earliest first);
// sourceCount still counts every source.
const MaxEvidence = 100

// evidenceMap projects a STATES or EVIDENCED_BY relationship x with its article a.
const evidenceMap = `{quote: x.quote, start: x.start, end: x.end, attribution: x.attribution, rule: x.rule,
  article: a{.id, .title, .url, .publisher, .publishedAt, .language}}`

// relationEvidence and eventEvidence are the evidence of a relation r between s and t (its
// STATES relationships, found by the relation's key) and of an event ev, as subqueries
// inside a projection.
const (
	relationEvidence = `COLLECT { MATCH (a:Article)-[x:STATES {key: s.id + '|' + type(r) + '|' + t.id}]->()
    WITH a, x ORDER BY a.publishedAt, a.id, x.quote LIMIT $maxEvidence RETURN ` + evidenceMap + ` }`
	eventEvidence = `COLLECT { MATCH (ev)-[x:EVIDENCED_BY]->(a:Article)
    WITH a, x ORDER BY a.publishedAt, a.id, x.quote LIMIT $maxEvidence RETURN ` + evidenceMap + ` }`
)

// evidenceAt maps the evidenceMap projections listed under m[key] (nil if none).
func evidenceAt(m map[string]any, key string) ([]factgraph.Evidence, error) {
	list, err := listAt(m, key)
	if err != nil {
		return nil, err
	}
	var out []factgraph.Evidence
	for i, y := range list {
		ev, err := evidenceFrom(y)
		if err != nil {
			return nil, fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		out = append(out, ev)
	}
	return out, nil
}

func evidenceFrom(y any) (factgraph.Evidence, error) {
	em, err := mapOf(y)
	if err != nil {
		return factgraph.Evidence{}, err
	}
	am, err := mapAt(em, "article")
	if err != nil {
		return factgraph.Evidence{}, err
	}
	art, err := articleFrom(am)
	if err != nil {
		return factgraph.Evidence{}, err
	}
	ev := factgraph.Evidence{Article: art.ID, Source: art}
	if ev.Start, err = intPtr(em, "start"); err != nil {
		return ev, err
	}
	if ev.End, err = intPtr(em, "end"); err != nil {
		return ev, err
	}
	for key, dst := range map[string]*string{"quote": &ev.Quote, "attribution": &ev.Attribution, "rule": &ev.Rule} {
		if *dst, err = str(em, key); err != nil {
			return ev, err
		}
	}
	return ev, nil
}

// fillEvidence fills in the evidence of relation edges (their STATES relationships, found
// by the relation's id) and of events (their EVIDENCED_BY relationships), with the
// articles, in one more statement of tx: for the reads that are not planned (paths,
// events, nodes).
func fillEvidence(ctx context.Context, tx neo4j.ManagedTransaction, edges []*factgraph.Edge, events []*factgraph.Event) error {
	need := map[string]bool{} // an edge or event may appear several times (in several paths)
	var keys, eventIDs []string
	for _, e := range edges {
		if !factgraph.IsRole(e.Type) && !need[e.ID] {
			need[e.ID] = true
			keys = append(keys, e.ID)
		}
	}
	for _, e := range events {
		if !need[e.ID] {
			need[e.ID] = true
			eventIDs = append(eventIDs, e.ID)
		}
	}
	if len(keys) == 0 && len(eventIDs) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, `
		CALL () {
		  UNWIND $keys AS k
		  CALL (k) {
		    MATCH (a:Article)-[x:STATES {key: k}]->()
		    WITH a, x ORDER BY a.publishedAt, a.id, x.quote LIMIT $max
		    RETURN collect(`+evidenceMap+`) AS evidence
		  }
		  RETURN collect({key: k, evidence: evidence}) AS edges
		}
		CALL () {
		  UNWIND $events AS id
		  CALL (id) {
		    MATCH (:Event {id: id})-[x:EVIDENCED_BY]->(a:Article)
		    WITH x, a ORDER BY a.publishedAt, a.id, x.quote LIMIT $max
		    RETURN collect(`+evidenceMap+`) AS evidence
		  }
		  RETURN collect({key: id, evidence: evidence}) AS events
		}
		RETURN edges, events`,
		map[string]any{"keys": keys, "events": eventIDs, "max": int64(MaxEvidence)})
	if err != nil {
		return err
	}
	if len(recs) != 1 {
		return fmt.Errorf("evidence: want 1 row, got %d", len(recs))
	}
	byKey := map[string][]factgraph.Evidence{}
	for _, col := range []string{"edges", "events"} {
		list, err := get[[]any](recs[0], col)
		if err != nil {
			return err
		}
		for _, x := range list {
			m, err := mapOf(x)
			if err != nil {
				return err
			}
			key, err := str(m, "key")
			if err != nil {
				return err
			}
			if byKey[key], err = evidenceAt(m, "evidence"); err != nil {
				return err
			}
		}
	}
	for _, e := range edges {
		e.Evidence = byKey[e.ID]
	}
	for _, e := range events {
		e.Evidence = byKey[e.ID]
	}
	return nil
}
