package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/factgraph/factgraph"
)

// The floor: the Cypher statements factgraph sends for each workload (copied from
// graph/read.go, projections included), sent straight through the Go driver in ONE read
// transaction per request, with no HTTP, GraphQL or dataloader in between. Keep these in
// step with graph/read.go: the floor must ask Neo4j what factgraph asks.

var traversable = strings.Join(append(append([]string{}, factgraph.RelationTypes...), factgraph.Roles...), "|")

const (
	entityMap = `{id: %[1]s.id, kind: %[1]s.kind, name: %[1]s.name, aliases: %[1]s.aliases, keys: %[1]s.keys,
		description: %[1]s.description, degree: %[2]s, labels: labels(%[1]s)}`
	eventMap = `%[1]s{.id, .type, .label, .modality, .confidence, .time, .timePrecision, .qValues, .qUnits, .qApprox, .qOf,
		labels: labels(%[1]s), roles: [(%[1]s)-[role]->(x:Entity) | {role: type(role), entity: x.id}]}`
	edgeMap = `{type: type(%[1]s), from: startNode(%[1]s).id, to: endNode(%[1]s).id, props: properties(%[1]s)}`
)

func entityProj(v string) string { return fmt.Sprintf(entityMap, v, fmt.Sprintf(degreeOf, v)) }
func eventProj(v string) string  { return fmt.Sprintf(eventMap, v) }
func edgeProj(v string) string   { return fmt.Sprintf(edgeMap, v) }
func nodeProj(v string) string {
	return fmt.Sprintf(`CASE WHEN %[1]s:Event THEN %[2]s ELSE %[3]s END`, v, eventProj(v), entityProj(v))
}

var (
	cypherEntity = `
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
			RETURN ` + entityProj("x") + ` AS e`
	cypherEntitiesByID = `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN ` + entityProj("e") + ` AS e`
	cypherRelations    = `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (c)-[r:` + strings.Join(factgraph.RelationTypes, "|") + `]-(:Entity)
			  WITH r ORDER BY r.sourceCount DESC, r.confidence DESC, type(r), startNode(r).id, endNode(r).id LIMIT $first
			  WITH r, startNode(r) AS s, endNode(r) AS t
			  RETURN collect(` + edgeProj("r") + `) AS rels, collect([` + entityProj("s") + `, ` + entityProj("t") + `]) AS ends
			}
			RETURN id, rels, ends AS ends`
	cypherEvidence = `
		CALL () {
		  UNWIND $keys AS k
		  CALL (k) {
		    MATCH (a:Article)-[x:STATES {key: k}]->()
		    WITH a, x ORDER BY a.publishedAt, a.id, x.quote LIMIT $max
		    RETURN collect({quote: x.quote, article: a{.id, .title, .url, .publisher, .publishedAt, .language}}) AS evidence
		  }
		  RETURN collect({key: k, evidence: evidence}) AS edges
		}
		CALL () {
		  UNWIND $events AS id
		  CALL (id) {
		    MATCH (:Event {id: id})-[x:EVIDENCED_BY]->(a:Article)
		    WITH x, a ORDER BY a.publishedAt, a.id, x.quote LIMIT $max
		    RETURN collect({quote: x.quote, start: x.start, end: x.end, article: a{.id, .title, .url, .publisher, .publishedAt, .language}}) AS evidence
		  }
		  RETURN collect({key: id, evidence: evidence}) AS events
		}
		RETURN edges, events`
	cypherTimeline = `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (ev:Event)-->(c)
			  WHERE (size($types) = 0 OR ev.type IN $types)
			    AND ($from IS NULL OR ev.timeEnd >= $from) AND ($to IS NULL OR ev.timeStart <= $to)
			  WITH DISTINCT ev ORDER BY ev.timeStart IS NULL, ev.timeStart, ev.id LIMIT $first
			  RETURN collect(` + eventProj("ev") + `) AS events, collect([(ev)-->(x:Entity) | ` + entityProj("x") + `]) AS ents
			}
			RETURN id, events, ents AS ents`
	cypherSearch = `
			CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $scan}) YIELD node, score
			WHERE size($kinds) = 0 OR node.kind IN $kinds
			RETURN ` + entityProj("node") + ` AS e, score ORDER BY score DESC, node.id LIMIT $first`
	// The neighbourhood workload sets no filter, so factgraph leaves them out (graph/read.go,
	// filters) and orders by its degree shortcut (degreeOf).
	degreeOf         = `COUNT { (%[1]s)--() } - COUNT { (%[1]s)<-[:STATES]-() } - COUNT { (%[1]s)-[:EVIDENCED_BY]->() }`
	cypherNeighbors1 = `
			UNWIND $ids AS id
			MATCH (c:Entity {id: id})
			CALL (c) {
			  MATCH (c)-[r:` + traversable + `]-(n)
			  WHERE true
			  WITH DISTINCT n
			  WITH n, ` + fmt.Sprintf(degreeOf, "n") + ` AS degree ORDER BY degree DESC, n.id LIMIT $limit
			  RETURN collect(elementId(n)) AS ns
			}
			RETURN id, elementId(c) AS c, ns`
	cypherNeighborsN = `
					UNWIND $frontier AS fid
					MATCH (f) WHERE elementId(f) = fid
					MATCH (f)-[r:` + traversable + `]-(n)
					WHERE true AND NOT elementId(n) IN $seen
					WITH DISTINCT n
					WITH n, ` + fmt.Sprintf(degreeOf, "n") + ` AS degree ORDER BY degree DESC, n.id LIMIT $limit
					RETURN collect(elementId(n)) AS ns`
	cypherSubgraph = `
		UNWIND $eids AS eid
		MATCH (a) WHERE elementId(a) = eid
		CALL (a) {
		  MATCH (a)-[r:` + traversable + `]->(b)
		  WHERE elementId(b) IN $eids AND true
		  RETURN collect(` + edgeProj("r") + `) AS edges
		}
		RETURN eid, ` + nodeProj("a") + ` AS n, edges`
	cypherPath = fmt.Sprintf(`
		MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = SHORTEST %d GROUPS %s
		WITH p ORDER BY length(p), [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT %d
		RETURN p, [n IN nodes(p) | `+nodeProj("n")+`] AS ns`, 1, fmt.Sprintf(`(a)-[:%s]-{1,%d}(b)`, traversable, pathHops), 1)
)

const maxEvidence = 100

// floor is the raw-driver client.
type floor struct {
	driver neo4j.DriverWithContext
}

func newFloor(ctx context.Context, uri, user, password string) (*floor, error) {
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, password, ""), func(c *config.Config) {
		c.MaxConnectionPoolSize = 100 // as factgraph's
		c.ConnectionAcquisitionTimeout = 10 * time.Second
	})
	if err != nil {
		return nil, err
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		return nil, err
	}
	return &floor{driver: d}, nil
}

// read runs work in one managed read transaction.
func (f *floor) read(ctx context.Context, work func(tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	s := f.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer s.Close(context.WithoutCancel(ctx))
	// The driver cannot carry a nil interface out of a transaction; a struct does.
	type box struct{ v any }
	b, err := neo4j.ExecuteRead(ctx, s, func(tx neo4j.ManagedTransaction) (box, error) {
		v, err := work(tx)
		return box{v}, err
	})
	return b.v, err
}

func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, p map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, p)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

func phrase(s string) string {
	k := factgraph.NormalizeName(s)
	if k == "" {
		k = "-"
	}
	return `names:"` + k + `"`
}

// entity is graph.DB.Entity's statement; nil if none.
func (f *floor) entity(ctx context.Context, tx neo4j.ManagedTransaction, id string) (map[string]any, error) {
	recs, err := collect(ctx, tx, cypherEntity, map[string]any{"id": id, "key": factgraph.NormalizeName(id), "q": phrase(id)})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	m, _ := recs[0].Values[0].(map[string]any)
	return m, nil
}

func (f *floor) entitiesByID(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]map[string]any, error) {
	recs, err := collect(ctx, tx, cypherEntitiesByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]any{}
	for _, r := range recs {
		m, _ := r.Values[0].(map[string]any)
		id, _ := m["id"].(string)
		out[id] = m
	}
	return out, nil
}

// evidence is fillEvidence's statement: evidence lists by relation key or event id.
func (f *floor) evidence(ctx context.Context, tx neo4j.ManagedTransaction, keys, events []string) (map[string][]any, error) {
	if len(keys) == 0 && len(events) == 0 {
		return nil, nil
	}
	recs, err := collect(ctx, tx, cypherEvidence, map[string]any{"keys": nonNil(keys), "events": nonNil(events), "max": int64(maxEvidence)})
	if err != nil {
		return nil, err
	}
	out := map[string][]any{}
	for _, v := range recs[0].Values {
		for _, x := range asList(v) {
			m := asMap(x)
			k, _ := m["key"].(string)
			out[k] = asList(m["evidence"])
		}
	}
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }

// edgeKeys are the relation keys (from|TYPE|to) of edge projections, roles left out, once each.
func edgeKeys(edges []any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, e := range edges {
		m := asMap(e)
		t, _ := m["type"].(string)
		if factgraph.IsRole(t) {
			continue
		}
		k := fmt.Sprint(m["from"], "|", t, "|", m["to"])
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}
