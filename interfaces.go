package factgraph

import (
	"context"
	"io"
)

// The interfaces through which the adapters meet: the graph adapter implements Reader
// and Writer, the loader Ingester, package extract Extractor; the resolvers use them.

// Reader is the read side of the graph, used by the GraphQL resolvers. Every method
// validates its query first and fails with ELIMIT or EINVALID before touching the database.
type Reader interface {
	// Entity returns the entity with the id, or whose name or alias folds to it, with the
	// parts the view asks for in Entity.Parts. Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
	Entity(ctx context.Context, id string, view EntityView) (*Entity, error)
	// EntitiesByID returns the entities with these ids (missing ones are absent), each
	// with the parts the view asks for. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
	EntitiesByID(ctx context.Context, ids []string, view EntityView) (map[string]*Entity, error)
	// Node returns the entity, event or article with the id. Errors: ENOTFOUND, EUNAVAILABLE.
	Node(ctx context.Context, id string) (Node, error)
	// Entities lists entities, most connected first, each with the view's parts.
	// Errors: ELIMIT, EINVALID, EUNAVAILABLE.
	Entities(ctx context.Context, q EntityQuery, view EntityView) (*EntityPage, error)
	// Search finds entities by name or alias, ranked, each with the view's parts.
	// Errors: ELIMIT, EINVALID, EUNAVAILABLE.
	Search(ctx context.Context, q SearchQuery, view EntityView) ([]SearchHit, error)
	// Neighborhoods returns the subgraph around each of the entities, by id; ids that are
	// not entities are absent. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
	Neighborhoods(ctx context.Context, ids []string, p NeighborhoodPart) (map[string]*Subgraph, error)
	// Paths returns simple paths between two entities, shortest first.
	// Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	// Connections returns the subgraph of shortest paths joining the entities.
	// Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
	Connections(ctx context.Context, ids []string, maxHops int) (*Subgraph, error)
	// SupplyChain returns the SUPPLIES chains to a recipient or from a supplier.
	// Errors: ENOTFOUND, ELIMIT, EINVALID, EUNAVAILABLE.
	SupplyChain(ctx context.Context, q SupplyQuery) (*SupplyChain, error)
	// Events lists events, newest first. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
	Events(ctx context.Context, q EventQuery) (*EventPage, error)
	// Stats counts nodes and relationships. Errors: EUNAVAILABLE.
	Stats(ctx context.Context) (*Stats, error)
	// Ping checks that the database answers. Errors: EUNAVAILABLE.
	Ping(ctx context.Context) error
}

// Ingester loads facts in the loader's formats (small batches from a UI).
type Ingester interface {
	// Ingest validates and writes the facts, all or nothing. Errors: EINVALID (with
	// positions), EUNAUTH, EUNAVAILABLE.
	Ingest(ctx context.Context, name, format string, r io.Reader) (IngestSummary, error)
}

// Extractor reads facts from the text of an article (package extract).
type Extractor interface {
	// ExtractFacts returns the article with the entities, relations and events its text
	// states, each with the sentence quoted. Errors: EINVALID naming the field, ELIMIT.
	ExtractFacts(a Article) (FactSet, error)
}

// PresenceChecker is an optional part of a Writer: which records of a set the graph
// already holds, as Write would find them (Write would count them unchanged). The loader
// asks it while it validates a file, so that its write pass can pass over those records
// without decoding them again.
type PresenceChecker interface {
	// Present reports, for each record of fs in the order articles, entities, relations,
	// events, whether the graph holds it. It writes nothing. Errors: EUNAVAILABLE, EINTERNAL.
	Present(ctx context.Context, fs *FactSet) ([]bool, error)
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
