// Package factgraph is the domain of the factgraph knowledge-graph backend: the types for
// entities, events, relations and the articles that state them, their validation, coded
// errors, and the interfaces through which the adapters (graph, loader, resolvers) meet.
//
// It imports nothing of ours; every other package depends on it.
package factgraph

import (
	"context"
)

// FactSet is a batch of facts as loaded from a fact file or produced by extraction.
type FactSet struct {
	Articles  []Article  `json:"articles,omitempty"`
	Entities  []Entity   `json:"entities,omitempty"`
	Relations []Relation `json:"relations,omitempty"`
	Events    []Event    `json:"events,omitempty"`
}

// Len is the number of records in the set.
func (fs *FactSet) Len() int {
	return len(fs.Articles) + len(fs.Entities) + len(fs.Relations) + len(fs.Events)
}

// WriteStats counts what a write did: records by outcome, and the graph's own counters.
type WriteStats struct {
	Created   int `json:"created"`   // records new to the graph
	Updated   int `json:"updated"`   // records that changed something already there
	Unchanged int `json:"unchanged"` // records the graph already held exactly

	NodesCreated         int `json:"nodesCreated"`
	RelationshipsCreated int `json:"relationshipsCreated"`
	PropertiesSet        int `json:"propertiesSet"`
}

// Add accumulates o into s.
func (s *WriteStats) Add(o WriteStats) {
	s.Created += o.Created
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.NodesCreated += o.NodesCreated
	s.RelationshipsCreated += o.RelationshipsCreated
	s.PropertiesSet += o.PropertiesSet
}

// Writer is the write side of the graph.
type Writer interface {
	// Migrate applies constraints and indexes; it is idempotent. Errors: EUNAVAILABLE, EINTERNAL.
	Migrate(ctx context.Context) error
	// Write upserts a validated fact set: loading the same set twice changes nothing.
	// Errors: EINVALID (references to unknown ids), EUNAVAILABLE, EINTERNAL.
	Write(ctx context.Context, fs *FactSet) (WriteStats, error)
	// EntityKinds returns the kind of each of the ids that is an entity in the graph.
	// Errors: EUNAVAILABLE, EINTERNAL.
	EntityKinds(ctx context.Context, ids []string) (map[string]string, error)
	// MissingArticles returns those of the ids that are not articles in the graph.
	// Errors: EUNAVAILABLE, EINTERNAL.
	MissingArticles(ctx context.Context, ids []string) ([]string, error)
	// ResolveNames finds the entities whose name or alias folds (NormalizeName) to each key,
	// as key -> entity ids; keys that match nothing are absent. Errors: EUNAVAILABLE, EINTERNAL.
	ResolveNames(ctx context.Context, keys []string) (map[string][]string, error)
}

// Neighborhood is the subgraph around an entity: nodes (entities and events) with their
// distance from the centre, and the edges between them.
type Neighborhood struct {
	Center Entity
	Nodes  []Neighbor
	Edges  []Edge
}

// Neighbor is a node of a neighbourhood. Exactly one of Entity and Event is set.
type Neighbor struct {
	Entity   *Entity
	Event    *Event
	Distance int
}

// Node is the entity or the event.
func (n Neighbor) Node() Node {
	if n.Entity != nil {
		return n.Entity
	}
	return n.Event
}

// Node is anything in the graph with a global id: an entity, an event, an article.
type Node interface {
	NodeID() string
}

// NodeID implements Node.
func (e *Entity) NodeID() string { return e.ID }

// NodeID implements Node.
func (e *Event) NodeID() string { return e.ID }

// NodeID implements Node.
func (a *Article) NodeID() string { return a.ID }

// Edge is a drawable edge of a subgraph: a direct relation between entities, or an event's
// role edge (type AGENT, TARGET, ...) from the event to an entity.
type Edge struct {
	ID          string
	Type        string
	From        string
	To          string
	Confidence  float64
	SourceCount int
	FirstSeen   string // YYYY-MM-DD: the earliest publication date of its sources
	LastSeen    string
	Evidence    []Evidence
}

// NeighborhoodQuery bounds a neighbourhood traversal.
type NeighborhoodQuery struct {
	Depth int // 1..MaxDepth
	Limit int // nodes, 1..MaxNeighborhoodLimit
}

// Limits of traversals; requests beyond them fail with ELIMIT rather than being clamped.
const (
	MaxDepth             = 3
	MaxNeighborhoodLimit = 1000
)

// Validate checks the query's bounds. Errors: ELIMIT.
func (q NeighborhoodQuery) Validate() error {
	if q.Depth < 1 || q.Depth > MaxDepth {
		return Errorf(ELIMIT, "depth must be between 1 and %d, got %d", MaxDepth, q.Depth)
	}
	if q.Limit < 1 || q.Limit > MaxNeighborhoodLimit {
		return Errorf(ELIMIT, "limit must be between 1 and %d, got %d", MaxNeighborhoodLimit, q.Limit)
	}
	return nil
}

// Reader is the read side of the graph, used by the GraphQL resolvers.
type Reader interface {
	// Entity returns the entity with the id, or an alias of it. Errors: ENOTFOUND, EUNAVAILABLE.
	Entity(ctx context.Context, id string) (*Entity, error)
	// Neighborhood returns the subgraph within q.Depth hops of the entity.
	// Errors: ENOTFOUND, ELIMIT, EUNAVAILABLE.
	Neighborhood(ctx context.Context, id string, q NeighborhoodQuery) (*Neighborhood, error)
	// Ping checks that the database answers. Errors: EUNAVAILABLE.
	Ping(ctx context.Context) error
}
