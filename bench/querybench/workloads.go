package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Workload sizes, the same on all three sides.
const (
	cardRelations = 20 // entity card: the most corroborated direct relations
	neighborLimit = 50 // two-hop neighbourhood: at most this many nodes
	searchFirst   = 10
	timelineFirst = 20
	pathHops      = 4
)

// The plans of the workloads, as factgraph's resolvers make them from the GraphQL
// selections below.
var (
	cardView = view(factgraph.EntityView{Relations: []factgraph.RelationsPart{
		{Query: factgraph.RelationQuery{First: cardRelations}, Ends: true}}})
	timelineView = view(factgraph.EntityView{Timelines: []factgraph.TimelinePart{
		{Query: factgraph.TimelineQuery{First: timelineFirst}, Evidence: true, RoleEntities: true}}})
	hoodQuery  = factgraph.NeighborhoodQuery{Depth: 2, Limit: neighborLimit, Direction: factgraph.DirectionBoth}
	hoodCypher = graph.NeighborhoodStatements(hoodQuery)
	// hoodOneCypher is the same neighbourhood as one statement (not what factgraph sends).
	hoodOneCypher = graph.NeighborhoodOneStatement(hoodQuery)
)

// Canonical answers: each side's answer is mapped to these before comparing.
type (
	cCard struct {
		ID, Kind, Name string
		Aliases        []string
		Degree         int
		Relations      []cRel
	}
	cRel struct {
		Type, From, FromName, To, ToName string
		Confidence                       float64
		SourceCount                      int
		FirstSeen, LastSeen              string
	}
	cEvent struct {
		ID, Type, Label, Time, Modality string
		Confidence                      float64
		Roles                           []string // "ROLE entity", sorted
		Evidence                        []string // "article|title|quote", sorted
	}
	cNode struct {
		ID                           string
		Distance                     int
		Kind, Name, EventType, Label string
	}
	cEdge struct {
		Type, From, To string
		SourceCount    int
	}
	cSubgraph struct {
		Nodes []cNode
		Edges []cEdge
	}
	cHit struct {
		ID, Name, Kind string
		Score          float64
	}
	cPath struct {
		Length int
		Nodes  []string
		Edges  []cEdge
	}
)

// A workload is one kind of analyst query, as factgraph, the peer and the floor ask it.
type workload struct {
	name string
	// fg and peer return the GraphQL document and variables of request i.
	fg, peer func(i int) (string, map[string]any)
	// fgAnswer and peerAnswer map a GraphQL data object to the canonical answer.
	fgAnswer, peerAnswer func(data json.RawMessage) (any, error)
	// floor runs request i through the driver and returns the canonical answer.
	floor func(ctx context.Context, f *floor, i int) (any, error)
	// budgeted: factgraph may answer LIMIT_EXCEEDED naming its search budget (the
	// shortest path); such answers are counted as cut, not as errors, and reported
	// with the peer's time on the same parameters.
	budgeted bool
	// floorOnly: only the floor is timed (an alternative statement for another workload,
	// whose factgraph and peer sides are that workload's, asked in the answer check only).
	floorOnly bool
}

// params are the drawn parameters; request i uses entry i modulo the length.
type params struct {
	Entities []string    // centres of cards, timelines and neighbourhoods
	Texts    []string    // search texts
	Pairs    [][2]string // shortest-path ends
}

func pick[T any](s []T, i int) T { return s[i%len(s)] }

func workloads(p *params) []*workload {
	card := &workload{name: "entity card",
		fg: func(i int) (string, map[string]any) {
			return `query Card($id: ID!) { entity(id: $id) { id kind name aliases degree
  relations(first: ` + fmt.Sprint(cardRelations) + `) { type from { id name } to { id name } confidence sourceCount firstSeen lastSeen } } }`,
				map[string]any{"id": pick(p.Entities, i)}
		},
		peer: func(i int) (string, map[string]any) {
			return `query Card($id: ID!) { entities(where: {id: {eq: $id}}) { id kind name aliases degree
  relations(first: ` + fmt.Sprint(cardRelations) + `) { type fromId fromName toId toName confidence sourceCount firstSeen lastSeen } } }`,
				map[string]any{"id": pick(p.Entities, i)}
		},
		fgAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				Entity *struct {
					ID, Kind, Name string
					Aliases        []string
					Degree         int
					Relations      []struct {
						Type                string
						From, To            struct{ ID, Name string }
						Confidence          float64
						SourceCount         int
						FirstSeen, LastSeen *string
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || d.Entity == nil {
				return nil, err
			}
			e := d.Entity
			c := &cCard{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Degree: e.Degree}
			for _, r := range e.Relations {
				c.Relations = append(c.Relations, cRel{r.Type, r.From.ID, r.From.Name, r.To.ID, r.To.Name, r.Confidence, r.SourceCount, deref(r.FirstSeen), deref(r.LastSeen)})
			}
			return c, nil
		},
		peerAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				Entities []struct {
					ID, Kind, Name string
					Aliases        []string
					Degree         int
					Relations      []struct {
						Type, FromID, FromName, ToID, ToName string
						Confidence                           float64
						SourceCount                          int
						FirstSeen, LastSeen                  *string
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || len(d.Entities) == 0 {
				return nil, err
			}
			e := d.Entities[0]
			c := &cCard{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Degree: e.Degree}
			for _, r := range e.Relations {
				c.Relations = append(c.Relations, cRel{r.Type, r.FromID, r.FromName, r.ToID, r.ToName, r.Confidence, r.SourceCount, deref(r.FirstSeen), deref(r.LastSeen)})
			}
			return c, nil
		},
		// factgraph: one statement, the entity with its relations and the entities at
		// their ends (no evidence: not asked for).
		floor: func(ctx context.Context, f *floor, i int) (any, error) {
			es, err := f.cards(ctx, graph.EntityStatement(pick(p.Entities, i), cardView), cardView)
			if err != nil || len(es) == 0 {
				return nil, err
			}
			e := es[0]
			c := &cCard{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Degree: e.Degree}
			for _, r := range e.Parts.Relations[cardView.Relations[0].Query.Key()] {
				c.Relations = append(c.Relations, cRel{r.Type, r.From, r.Ends[0].Name, r.To, r.Ends[1].Name,
					*r.Confidence, r.SourceCount, r.FirstSeen, r.LastSeen})
			}
			return c, nil
		},
	}

	neighbourhood := &workload{name: "2-hop neighbourhood",
		fg: func(i int) (string, map[string]any) {
			return `query Hood($id: ID!) { neighbors(id: $id, depth: 2, limit: ` + fmt.Sprint(neighborLimit) + `) {
  nodes { distance node { id ... on Entity { kind name } ... on Event { type label } } }
  edges { type from to sourceCount } } }`, map[string]any{"id": pick(p.Entities, i)}
		},
		peer: func(i int) (string, map[string]any) {
			return `query Hood($id: ID!) { neighborhood(id: $id, limit: ` + fmt.Sprint(neighborLimit) + `) {
  nodes { id distance kind name eventType label } edges { type from to sourceCount } } }`, map[string]any{"id": pick(p.Entities, i)}
		},
		fgAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				Neighbors struct {
					Nodes []struct {
						Distance int
						Node     struct{ ID, Kind, Name, Type, Label string }
					}
					Edges []struct {
						Type, From, To string
						SourceCount    int
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil {
				return nil, err
			}
			sg := &cSubgraph{}
			for _, n := range d.Neighbors.Nodes {
				sg.Nodes = append(sg.Nodes, cNode{n.Node.ID, n.Distance, n.Node.Kind, n.Node.Name, n.Node.Type, n.Node.Label})
			}
			for _, e := range d.Neighbors.Edges {
				sg.Edges = append(sg.Edges, cEdge{e.Type, e.From, e.To, e.SourceCount})
			}
			return normSubgraph(sg), nil
		},
		peerAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				Neighborhood *struct {
					Nodes []struct {
						ID                           string
						Distance                     int
						Kind, Name, EventType, Label *string
					}
					Edges []struct {
						Type, From, To string
						SourceCount    *int
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || d.Neighborhood == nil {
				return nil, err
			}
			sg := &cSubgraph{}
			for _, n := range d.Neighborhood.Nodes {
				sg.Nodes = append(sg.Nodes, cNode{n.ID, n.Distance, deref(n.Kind), deref(n.Name), deref(n.EventType), deref(n.Label)})
			}
			for _, e := range d.Neighborhood.Edges {
				sc := 0
				if e.SourceCount != nil {
					sc = *e.SourceCount
				}
				sg.Edges = append(sg.Edges, cEdge{e.Type, e.From, e.To, sc})
			}
			return normSubgraph(sg), nil
		},
		// factgraph: the entity; then in one transaction level 1, level 2, the nodes and
		// the edges among them (no evidence: not asked for).
		floor: func(ctx context.Context, f *floor, i int) (any, error) {
			return f.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				e, err := f.entity(ctx, tx, pick(p.Entities, i))
				if err != nil || e == nil {
					return nil, err
				}
				with := func(kv ...any) map[string]any {
					m := graph.NeighborhoodParams(hoodQuery)
					for j := 0; j < len(kv); j += 2 {
						m[kv[j].(string)] = kv[j+1]
					}
					return m
				}
				recs, err := collect(ctx, tx, hoodCypher.First, with("ids", []string{e.ID}))
				if err != nil || len(recs) == 0 {
					return nil, err
				}
				c := str(recs[0].Values[1])
				l1 := strList(recs[0].Values[2])
				levels := [][]string{{c}, l1}
				if remaining := neighborLimit + 1 - 1 - len(l1); remaining > 0 && len(l1) > 0 {
					seen := append([]string{c}, l1...)
					recs, err := collect(ctx, tx, hoodCypher.Next, with("frontier", l1, "seen", seen, "limit", int64(remaining)))
					if err != nil {
						return nil, err
					}
					levels = append(levels, strList(recs[0].Values[0]))
				}
				var eids []string
				dist := map[string]int{}
				for d, l := range levels {
					for _, x := range l {
						eids = append(eids, x)
						dist[x] = d
					}
				}
				recs, err = collect(ctx, tx, hoodCypher.Subgraph, with("eids", eids))
				if err != nil {
					return nil, err
				}
				// evidence is not asked for: factgraph does not load it
				return subgraphRows(recs, func(r *neo4j.Record) int { return dist[str(r.Values[0])] }), nil
			})
		},
	}

	// The same neighbourhood as ONE statement (graph.NeighborhoodOneStatement), through the
	// floor: the figure behind keeping the level-by-level statements (BENCHMARKS.md). Its
	// answers are checked against factgraph's and the peer's like every workload's.
	hoodOne := *neighbourhood
	hoodOne.name, hoodOne.floorOnly = "2-hop neighbourhood (one statement)", true
	hoodOne.floor = func(ctx context.Context, f *floor, i int) (any, error) {
		return f.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			e, err := f.entity(ctx, tx, pick(p.Entities, i))
			if err != nil || e == nil {
				return nil, err
			}
			ps := graph.NeighborhoodParams(hoodQuery)
			ps["id"] = e.ID
			recs, err := collect(ctx, tx, hoodOneCypher, ps)
			if err != nil {
				return nil, err
			}
			return subgraphRows(recs, func(r *neo4j.Record) int { return int(num(r.Values[0])) }), nil
		})
	}

	search := &workload{name: "full-text search",
		fg: func(i int) (string, map[string]any) {
			return `query Search($t: String!) { search(text: $t, first: ` + fmt.Sprint(searchFirst) + `) { score entity { id name kind } } }`,
				map[string]any{"t": pick(p.Texts, i)}
		},
		peer: func(i int) (string, map[string]any) {
			return `query Search($q: String!) { searchEntities(phrase: $q, first: ` + fmt.Sprint(searchFirst) + `, sort: [{score: DESC}]) { edges { score node { id name kind } } } }`,
				map[string]any{"q": lucene(pick(p.Texts, i))}
		},
		fgAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				Search []struct {
					Score  float64
					Entity struct{ ID, Name, Kind string }
				}
			}
			if err := json.Unmarshal(data, &d); err != nil {
				return nil, err
			}
			var hits []cHit
			for _, h := range d.Search {
				hits = append(hits, cHit{h.Entity.ID, h.Entity.Name, h.Entity.Kind, h.Score})
			}
			return normHits(hits, searchFirst), nil
		},
		peerAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				SearchEntities struct {
					Edges []struct {
						Score float64
						Node  struct{ ID, Name, Kind string }
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil {
				return nil, err
			}
			var hits []cHit
			for _, h := range d.SearchEntities.Edges {
				hits = append(hits, cHit{h.Node.ID, h.Node.Name, h.Node.Kind, h.Score})
			}
			return normHits(hits, searchFirst), nil
		},
		// factgraph: one statement.
		floor: func(ctx context.Context, f *floor, i int) (any, error) {
			text := pick(p.Texts, i)
			recs, err := f.query(ctx, graph.SearchStatement(lucene(text), factgraph.SearchQuery{Text: text, First: searchFirst}, factgraph.EntityView{}))
			if err != nil {
				return nil, err
			}
			es, err := graph.CardsFrom(recs, factgraph.EntityView{})
			if err != nil {
				return nil, err
			}
			var hits []cHit
			for k, e := range es {
				score, _ := recs[k].Get("score")
				hits = append(hits, cHit{e.ID, e.Name, e.Kind, num(score)})
			}
			return normHits(hits, searchFirst), nil
		},
	}

	timeline := &workload{name: "timeline",
		fg: func(i int) (string, map[string]any) {
			return `query Timeline($id: ID!) { entity(id: $id) { timeline(first: ` + fmt.Sprint(timelineFirst) + `) {
  id type label time { value } modality confidence roles { role entity { id } } evidence { quote article { id title } } } } }`,
				map[string]any{"id": pick(p.Entities, i)}
		},
		peer: func(i int) (string, map[string]any) {
			return `query Timeline($id: ID!) { entities(where: {id: {eq: $id}}) { timeline(first: ` + fmt.Sprint(timelineFirst) + `) {
  id type label time modality confidence agent { id } target { id } participant { id } location { id } instrument { id } beneficiary { id }
  evidenceConnection { edges { properties { quote } node { id title } } } } } }`,
				map[string]any{"id": pick(p.Entities, i)}
		},
		fgAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				Entity *struct {
					Timeline []struct {
						ID, Type, Label, Modality string
						Time                      *struct{ Value string }
						Confidence                float64
						Roles                     []struct {
							Role   string
							Entity struct{ ID string }
						}
						Evidence []struct {
							Quote   string
							Article struct{ ID, Title string }
						}
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || d.Entity == nil {
				return nil, err
			}
			out := []cEvent{}
			for _, e := range d.Entity.Timeline {
				c := cEvent{ID: e.ID, Type: e.Type, Label: e.Label, Modality: e.Modality, Confidence: e.Confidence}
				if e.Time != nil {
					c.Time = e.Time.Value
				}
				for _, r := range e.Roles {
					c.Roles = append(c.Roles, r.Role+" "+r.Entity.ID)
				}
				for _, x := range e.Evidence {
					c.Evidence = append(c.Evidence, x.Article.ID+"|"+x.Article.Title+"|"+x.Quote)
				}
				out = append(out, normEvent(c))
			}
			return out, nil
		},
		peerAnswer: func(data json.RawMessage) (any, error) {
			type ref struct{ ID string }
			var d struct {
				Entities []struct {
					Timeline []struct {
						ID, Type, Label                                               string
						Time, Modality                                                *string
						Confidence                                                    float64
						Agent, Target, Participant, Location, Instrument, Beneficiary []ref
						EvidenceConnection                                            struct {
							Edges []struct {
								Properties struct{ Quote string }
								Node       struct{ ID, Title string }
							}
						}
					}
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || len(d.Entities) == 0 {
				return nil, err
			}
			out := []cEvent{}
			for _, e := range d.Entities[0].Timeline {
				c := cEvent{ID: e.ID, Type: e.Type, Label: e.Label, Time: deref(e.Time), Modality: deref(e.Modality), Confidence: e.Confidence}
				for role, rs := range map[string][]ref{"AGENT": e.Agent, "TARGET": e.Target, "PARTICIPANT": e.Participant,
					"LOCATION": e.Location, "INSTRUMENT": e.Instrument, "BENEFICIARY": e.Beneficiary} {
					for _, r := range rs {
						c.Roles = append(c.Roles, role+" "+r.ID)
					}
				}
				for _, x := range e.EvidenceConnection.Edges {
					c.Evidence = append(c.Evidence, x.Node.ID+"|"+x.Node.Title+"|"+x.Properties.Quote)
				}
				out = append(out, normEvent(c))
			}
			return out, nil
		},
		// factgraph: one statement, the entity with its timeline, the events' role
		// entities and evidence.
		floor: func(ctx context.Context, f *floor, i int) (any, error) {
			es, err := f.cards(ctx, graph.EntityStatement(pick(p.Entities, i), timelineView), timelineView)
			if err != nil || len(es) == 0 {
				return nil, err
			}
			out := []cEvent{}
			for _, ev := range es[0].Parts.Timelines[timelineView.Timelines[0].Query.Key()] {
				c := cEvent{ID: ev.ID, Type: ev.Type, Label: ev.Label, Modality: ev.Modality, Confidence: *ev.Confidence}
				if ev.Time != nil {
					c.Time = ev.Time.Value
				}
				for _, r := range ev.Roles {
					c.Roles = append(c.Roles, r.Role+" "+r.Entity)
				}
				for _, x := range ev.Evidence {
					c.Evidence = append(c.Evidence, x.Article+"|"+x.Source.Title+"|"+x.Quote)
				}
				out = append(out, normEvent(c))
			}
			return out, nil
		},
	}

	path := &workload{name: "shortest path", budgeted: true,
		fg: func(i int) (string, map[string]any) {
			pr := pick(p.Pairs, i)
			return `query Path($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: ` + fmt.Sprint(pathHops) + `) { length nodes { id } edges { type from to } } }`,
				map[string]any{"a": pr[0], "b": pr[1]}
		},
		peer: func(i int) (string, map[string]any) {
			pr := pick(p.Pairs, i)
			return `query Path($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length nodes edges { type from to } } }`,
				map[string]any{"a": pr[0], "b": pr[1]}
		},
		fgAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				ShortestPath *struct {
					Length int
					Nodes  []struct{ ID string }
					Edges  []struct{ Type, From, To string }
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || d.ShortestPath == nil {
				return nil, err
			}
			c := &cPath{Length: d.ShortestPath.Length}
			for _, n := range d.ShortestPath.Nodes {
				c.Nodes = append(c.Nodes, n.ID)
			}
			for _, e := range d.ShortestPath.Edges {
				c.Edges = append(c.Edges, cEdge{Type: e.Type, From: e.From, To: e.To})
			}
			return c, nil
		},
		peerAnswer: func(data json.RawMessage) (any, error) {
			var d struct {
				ShortestPath *struct {
					Length int
					Nodes  []string
					Edges  []struct{ Type, From, To string }
				}
			}
			if err := json.Unmarshal(data, &d); err != nil || d.ShortestPath == nil {
				return nil, err
			}
			c := &cPath{Length: d.ShortestPath.Length, Nodes: d.ShortestPath.Nodes}
			for _, e := range d.ShortestPath.Edges {
				c.Edges = append(c.Edges, cEdge{Type: e.Type, From: e.From, To: e.To})
			}
			return c, nil
		},
		// factgraph: both ends and the path, in one transaction (no evidence: not asked for).
		floor: func(ctx context.Context, f *floor, i int) (any, error) {
			pr := pick(p.Pairs, i)
			return f.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				a, err := f.entity(ctx, tx, pr[0])
				if err != nil || a == nil {
					return nil, err
				}
				b, err := f.entity(ctx, tx, pr[1])
				if err != nil || b == nil {
					return nil, err
				}
				recs, err := collect(ctx, tx, cypherPath, map[string]any{"from": a.ID, "to": b.ID})
				if err != nil || len(recs) == 0 {
					return nil, err
				}
				pth, ok := recs[0].Values[0].(neo4j.Path)
				if !ok {
					return nil, nil
				}
				ids := map[string]string{}
				c := &cPath{Length: len(pth.Relationships)}
				var events []string
				for k, n := range pth.Nodes {
					m := asMap(asList(recs[0].Values[1])[k])
					ids[n.ElementId] = str(m["id"])
					c.Nodes = append(c.Nodes, str(m["id"]))
					if slices.Contains(strList(m["labels"]), "Event") {
						events = append(events, str(m["id"]))
					}
				}
				var edges []any
				for _, r := range pth.Relationships {
					c.Edges = append(c.Edges, cEdge{Type: r.Type, From: ids[r.StartElementId], To: ids[r.EndElementId]})
					edges = append(edges, map[string]any{"type": r.Type, "from": ids[r.StartElementId], "to": ids[r.EndElementId]})
				}
				_, _ = edges, events // evidence is not asked for: factgraph does not load it
				return c, nil
			})
		},
	}
	return []*workload{card, neighbourhood, &hoodOne, search, timeline, path, mix(card, search, timeline, neighbourhood, path)}
}

// mixPattern is the dashboard: of every 10 requests, 3 cards, 3 searches, 2 timelines,
// 1 neighbourhood, 1 shortest path.
var mixPattern = []int{0, 1, 2, 0, 3, 1, 0, 4, 2, 1}

// mix interleaves the workloads by mixPattern; request i of the mix is request i/10-th
// (roughly) of its workload, so parameters advance too.
func mix(ws ...*workload) *workload {
	at := func(i int) (*workload, int) {
		return ws[mixPattern[i%len(mixPattern)]], i/len(mixPattern)*3 + i%len(mixPattern)
	}
	return &workload{name: "dashboard mix", budgeted: slices.ContainsFunc(ws, func(w *workload) bool { return w.budgeted }),
		fg:    func(i int) (string, map[string]any) { w, j := at(i); return w.fg(j) },
		peer:  func(i int) (string, map[string]any) { w, j := at(i); return w.peer(j) },
		floor: func(ctx context.Context, f *floor, i int) (any, error) { w, j := at(i); return w.floor(ctx, f, j) },
	}
}

// lucene is the query factgraph builds for a search text (graph.LuceneQuery); the peer's
// client sends the same to the same index.
func lucene(text string) string { return graph.LuceneQuery(text) }

// normSubgraph orders nodes by (distance, id) and edges by (from, type, to): the API
// orders them so, the peer's map does not.
func normSubgraph(sg *cSubgraph) *cSubgraph {
	sort.Slice(sg.Nodes, func(i, j int) bool {
		a, b := sg.Nodes[i], sg.Nodes[j]
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		return a.ID < b.ID
	})
	sort.Slice(sg.Edges, func(i, j int) bool {
		a, b := sg.Edges[i], sg.Edges[j]
		return a.From+"|"+a.Type+"|"+a.To < b.From+"|"+b.Type+"|"+b.To
	})
	return sg
}

// normHits rounds scores (float32 in Lucene), orders by score then id (factgraph's order;
// the peer orders by score only) and, when the list is full, drops the hits tied with the
// last score: which of equally scored hits make the cut is not defined by the peer.
func normHits(hits []cHit, first int) []cHit {
	for i := range hits {
		hits[i].Score = math.Round(hits[i].Score*1e4) / 1e4
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if len(hits) == first {
		last := hits[len(hits)-1].Score
		for len(hits) > 0 && hits[len(hits)-1].Score == last {
			hits = hits[:len(hits)-1]
		}
	}
	if hits == nil {
		hits = []cHit{}
	}
	return hits
}

// normEvent sorts roles and evidence: the peer returns each role's list separately and
// the evidence unordered.
func normEvent(e cEvent) cEvent {
	sort.Strings(e.Roles)
	sort.Strings(e.Evidence)
	return e
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

func strList(v any) []string {
	var out []string
	for _, x := range asList(v) {
		out = append(out, str(x))
	}
	return out
}

func date(v any) string {
	if d, ok := v.(neo4j.Date); ok {
		return d.Time().Format(time.DateOnly)
	}
	return ""
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// subgraphRows maps subgraph rows (the node's projection second, its edges third) to the
// canonical subgraph; distance gives each row's node distance.
func subgraphRows(recs []*neo4j.Record, distance func(*neo4j.Record) int) *cSubgraph {
	sg := &cSubgraph{}
	for _, r := range recs {
		n := asMap(r.Values[1])
		node := cNode{ID: str(n["id"]), Distance: distance(r)}
		if slices.Contains(strList(n["labels"]), "Event") {
			node.EventType, node.Label = str(n["type"]), str(n["label"])
		} else {
			node.Kind, node.Name = str(n["kind"]), str(n["name"])
		}
		sg.Nodes = append(sg.Nodes, node)
		for _, x := range asList(r.Values[2]) {
			m := asMap(x)
			sg.Edges = append(sg.Edges, cEdge{str(m["type"]), str(m["from"]), str(m["to"]), int(num(asMap(m["props"])["sourceCount"]))})
		}
	}
	return normSubgraph(sg)
}
