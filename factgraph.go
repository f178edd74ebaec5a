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
	// Check says what Write would do with the fact set, writing nothing: how many records
	// are new, changed, or already there. Errors: EUNAVAILABLE, EINTERNAL.
	Check(ctx context.Context, fs *FactSet) (WriteStats, error)
	// Sync waits until everything written is visible to search (the full-text index is
	// updated asynchronously). Errors: EUNAVAILABLE.
	Sync(ctx context.Context) error
	// ResolveNames finds the entities whose name or alias folds (NormalizeName) to each key,
	// as key -> entity ids; keys that match nothing are absent. Errors: EUNAVAILABLE, EINTERNAL.
	ResolveNames(ctx context.Context, keys []string) (map[string][]string, error)
}
