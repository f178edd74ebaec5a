// Command loadfloor is the floor of the online load: the least Cypher that builds the same
// graph as `factgraph load` from a generated NDJSON fact file into an empty database, on the
// same schema (factgraph's migrations), with nothing a real loader must do: no validation,
// no idempotency check, no corroboration reads (every edge's records are grouped in memory
// first, so each edge and each piece of evidence is one CREATE), no resume.
//
// No loader that talks Cypher to the same server can be faster than this by much, so it is
// what factgraph's online cold load is measured against, side by side (bench/load.sh).
//
//	go run ./bench/loadfloor [-batch 5000] [-parallel 1] FILE.ndjson   # NEO4J_URI, NEO4J_PASSWORD
//
// It prints one line: "records seconds records/s".
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

type line struct {
	Article  *factgraph.Article  `json:"article"`
	Entity   *factgraph.Entity   `json:"entity"`
	Relation *factgraph.Relation `json:"relation"`
	Event    *factgraph.Event    `json:"event"`
}

func main() {
	batch := flag.Int("batch", 5000, "rows per transaction")
	par := flag.Int("parallel", 1, "concurrent transactions (relations and events only)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: loadfloor [-batch N] [-parallel N] FILE.ndjson  (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *batch, *par); err != nil {
		fmt.Fprintln(os.Stderr, "loadfloor:", err)
		os.Exit(1)
	}
}

func env(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

func run(path string, batch, par int) error {
	ctx := context.Background()
	db, err := graph.Open(ctx, graph.Config{URI: env("NEO4J_URI", "bolt://127.0.0.1:7687"),
		User: env("NEO4J_USER", "neo4j"), Password: env("NEO4J_PASSWORD", "factgraph-dev")})
	if err != nil {
		return err
	}
	defer db.Close(ctx)
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var articles, entities, events []map[string]any
	edges := map[string]map[string]any{}
	records := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return err
		}
		records++
		switch {
		case l.Article != nil:
			a := l.Article
			articles = append(articles, map[string]any{"id": a.ID, "hash": graph.RecordHash(a), "title": a.Title, "url": a.URL,
				"publisher": a.Publisher, "publishedAt": a.PublishedAt, "language": a.Language})
		case l.Entity != nil:
			e := l.Entity
			m := map[string]any{"id": e.ID, "hash": graph.RecordHash(e), "kind": e.Kind, "name": e.Name,
				"names": factgraph.NameKeys(e.Name, e.Aliases), "description": e.Description}
			if len(e.Aliases) > 0 {
				m["aliases"] = e.Aliases
			}
			entities = append(entities, m)
		case l.Relation != nil:
			r := l.Relation
			h := graph.RecordHash(r)
			key := r.ID()
			row := edges[key]
			if row == nil {
				row = map[string]any{"type": r.Type, "from": r.From, "to": r.To, "key": key, "items": []map[string]any{},
					"props": map[string]any{"sourceCount": int64(0), "confidence": conf(r.Confidence), "modality": r.Modality}}
				edges[key] = row
			}
			for _, ev := range r.Evidence {
				row["items"] = append(row["items"].([]map[string]any), item(ev, h, r.Confidence, r.Modality))
			}
			row["props"].(map[string]any)["sourceCount"] = int64(len(row["items"].([]map[string]any)))
		case l.Event != nil:
			e := l.Event
			h := graph.RecordHash(e)
			var roles, items []map[string]any
			for _, ro := range e.Roles {
				roles = append(roles, map[string]any{"role": ro.Role, "entity": ro.Entity})
			}
			for _, ev := range e.Evidence {
				items = append(items, item(ev, h, e.Confidence, e.Modality))
			}
			events = append(events, map[string]any{"id": e.ID, "roles": roles, "items": items,
				"props": map[string]any{"hash": h, "type": e.Type, "label": e.Label, "confidence": conf(e.Confidence), "modality": e.Modality}})
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := runAll(ctx, db, createArticles, articles, batch, 1); err != nil {
		return err
	}
	if err := runAll(ctx, db, createEntities, entities, batch, 1); err != nil {
		return err
	}
	byType := map[string][]map[string]any{}
	for _, k := range sortedKeys(edges) {
		r := edges[k]
		byType[r["type"].(string)] = append(byType[r["type"].(string)], r)
	}
	for _, t := range sortedKeys(byType) {
		if !factgraph.IsRelationType(t) {
			return fmt.Errorf("relation type %q", t)
		}
		if err := runAll(ctx, db, fmt.Sprintf(createEdges, t), byType[t], batch, par); err != nil {
			return err
		}
	}
	if err := runAll(ctx, db, createEvents, events, batch, par); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("%d %.1f %.0f\n", records, secs, float64(records)/secs)
	return nil
}

func conf(c *float64) float64 {
	if c == nil {
		return factgraph.DefaultConfidence
	}
	return *c
}

func item(ev factgraph.Evidence, h string, c *float64, mod string) map[string]any {
	return map[string]any{"article": ev.Article, "quote": ev.Quote, "hash": h, "confidence": conf(c), "modality": mod}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// runAll writes rows in batches, par transactions at a time.
func runAll(ctx context.Context, db *graph.DB, cypher string, rows []map[string]any, batch, par int) error {
	var wg sync.WaitGroup
	errs := make(chan error, par)
	sem := make(chan struct{}, par)
	for i := 0; i < len(rows); i += batch {
		part := rows[i:min(i+batch, len(rows))]
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s := db.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.Database()})
			defer s.Close(ctx)
			_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				res, err := tx.Run(ctx, cypher, map[string]any{"rows": part})
				if err != nil {
					return nil, err
				}
				return res.Consume(ctx)
			})
			if err != nil {
				select {
				case errs <- err:
				default:
				}
			}
		}()
	}
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

const createArticles = `
UNWIND $rows AS r
CREATE (a:Article {id: r.id, hash: r.hash, title: r.title, url: r.url, publisher: r.publisher,
                   publishedAt: date(r.publishedAt), language: r.language})
WITH a, r WHERE r.publisher <> ''
MERGE (s:Source {name: r.publisher})
CREATE (a)-[:PUBLISHED_BY]->(s)`

const createEntities = `
UNWIND $rows AS r
CREATE (e:Entity {id: r.id, hash: r.hash, kind: r.kind, name: r.name, aliases: r.aliases, names: r.names,
                  description: r.description})
SET e:$(r.kind)`

const createEdges = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[e:%s]->(b)
SET e += r.props
WITH b, r
UNWIND r.items AS x
MATCH (art:Article {id: x.article})
CREATE (art)-[:STATES {key: r.key, quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality}]->(b)`

const createEvents = `
UNWIND $rows AS r
CREATE (ev:Event {id: r.id})
SET ev += r.props
WITH ev, r
CALL (ev, r) {
  UNWIND r.roles AS role
  MATCH (e:Entity {id: role.entity})
  CREATE (ev)-[:$(role.role)]->(e)
}
CALL (ev, r) {
  UNWIND r.items AS x
  MATCH (art:Article {id: x.article})
  CREATE (ev)-[:EVIDENCED_BY {quote: x.quote, hash: x.hash, confidence: x.confidence, modality: x.modality}]->(art)
}`
