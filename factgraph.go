// Package factgraph is the domain of the factgraph knowledge-graph backend: the types for
// entities, events, relations and the articles that state them, their validation, coded
// errors, and the interfaces through which the adapters (graph, loader, resolvers) meet.
//
// It imports nothing of ours; every other package depends on it.
package factgraph

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
