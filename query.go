package factgraph

import (
	"strings"
	"time"
)

// IngestSummary says what an ingestion read and did.
type IngestSummary struct {
	Articles, Entities, Relations, Events int
	Created, Updated, Unchanged           int
}

// Limits of queries; requests beyond them fail with ELIMIT rather than being clamped.
const (
	MaxDepth             = 3    // neighbourhood hops
	MaxNeighborhoodLimit = 1000 // neighbourhood nodes
	MaxPageSize          = 100  // first, for pages and search
	MaxListSize          = 500  // first, for relations and timelines
	MaxPathHops          = 6
	MaxPaths             = 50
	MaxConnectionIDs     = 20
	MaxConnectionHops    = 4
	MaxSupplyHops        = 4
)

// Direction of relations to follow from an entity.
const (
	DirectionOut  = "OUT"
	DirectionIn   = "IN"
	DirectionBoth = "BOTH"
)

// Subgraph is a set of nodes (entities and events) and the edges among them.
type Subgraph struct {
	Nodes []SubgraphNode
	Edges []Edge
}

// SubgraphNode is a node of a subgraph. Exactly one of Entity and Event is set.
type SubgraphNode struct {
	Entity   *Entity
	Event    *Event
	Distance int
}

// Node is the entity or the event.
func (n SubgraphNode) Node() Node {
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

// SourceCount is the number of distinct articles among the event's evidence.
func (e *Event) SourceCount() int { return distinctArticles(e.Evidence) }

func distinctArticles(evs []Evidence) int {
	seen := map[string]bool{}
	for _, ev := range evs {
		seen[ev.Article] = true
	}
	return len(seen)
}

// Edge is a drawable edge: a direct relation between entities, or an event's role edge
// (type AGENT, TARGET, ...) from the event to an entity.
type Edge struct {
	ID          string
	Type        string
	From        string
	To          string
	Confidence  *float64 // nil for role edges
	SourceCount int
	FirstSeen   string // YYYY-MM-DD: the earliest publication date of its sources
	LastSeen    string
	Modality    string
	Time        *TimeSpec
	Quantities  []Quantity
	Evidence    []Evidence
	// Ends are the entities at From and To when the read that made the edge loaded them
	// (a RelationsPart with Ends); nil otherwise.
	Ends [2]*Entity
}

// Path is a sequence of nodes joined by edges.
type Path struct {
	Nodes []Node
	Edges []Edge
}

// Length is the number of edges.
func (p Path) Length() int { return len(p.Edges) }

// SupplyChain is who supplies whom, as a subgraph and as chains.
type SupplyChain struct {
	Subgraph Subgraph
	Paths    []Path
}

// Count is a name with a number.
type Count struct {
	Name  string
	Count int
}

// Stats counts the graph.
type Stats struct {
	Entities, Events, Articles, Relations         int
	EntitiesByKind, RelationsByType, EventsByType []Count
}

// SearchHit is an entity found by search, with its relevance.
type SearchHit struct {
	Entity *Entity
	Score  float64
}

// EntityPage is a page of entities.
type EntityPage struct {
	Entities   []*Entity
	Cursors    []string
	HasNext    bool
	TotalCount int
}

// EventPage is a page of events.
type EventPage struct {
	Events     []*Event
	Cursors    []string
	HasNext    bool
	TotalCount int
}

// NeighborhoodQuery bounds a neighbourhood traversal.
type NeighborhoodQuery struct {
	Depth         int // 1..MaxDepth
	Limit         int // nodes, 1..MaxNeighborhoodLimit
	RelationTypes []string
	Direction     string // OUT, IN, BOTH (default)
	MinConfidence float64
	MinSources    int
	From, To      string // YYYY-MM-DD
}

// Validate checks the bounds and the values. Errors: ELIMIT, EINVALID.
func (q *NeighborhoodQuery) Validate() error {
	if q.Depth < 1 || q.Depth > MaxDepth {
		return limitError("depth", "must be between 1 and %d, got %d", MaxDepth, q.Depth)
	}
	if q.Limit < 1 || q.Limit > MaxNeighborhoodLimit {
		return limitError("limit", "must be between 1 and %d, got %d", MaxNeighborhoodLimit, q.Limit)
	}
	if q.Direction == "" {
		q.Direction = DirectionBoth
	}
	if q.MinConfidence < 0 || q.MinConfidence > 1 {
		return fieldError("minConfidence", "must be between 0 and 1, got %v", q.MinConfidence)
	}
	if q.MinSources < 0 {
		return fieldError("minSources", "must not be negative")
	}
	if err := validateRelationTypes(q.RelationTypes); err != nil {
		return err
	}
	if err := validateDirection(q.Direction); err != nil {
		return err
	}
	return validateRange(q.From, q.To)
}

// RelationQuery selects an entity's direct relations.
type RelationQuery struct {
	Type      string // "" for all
	Direction string
	First     int
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *RelationQuery) Validate() error {
	if q.Direction == "" {
		q.Direction = DirectionBoth
	}
	if q.First < 1 || q.First > MaxListSize {
		return limitError("first", "must be between 1 and %d, got %d", MaxListSize, q.First)
	}
	if q.Type != "" && !IsRelationType(q.Type) {
		return fieldError("type", "unknown relation type %q (want one of %s)", q.Type, strings.Join(RelationTypes, ", "))
	}
	return validateDirection(q.Direction)
}

// TimelineQuery selects an entity's events.
type TimelineQuery struct {
	From, To   string
	EventTypes []string
	First      int
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *TimelineQuery) Validate() error {
	if q.First < 1 || q.First > MaxListSize {
		return limitError("first", "must be between 1 and %d, got %d", MaxListSize, q.First)
	}
	if err := validateEventTypes(q.EventTypes); err != nil {
		return err
	}
	return validateRange(q.From, q.To)
}

// PathQuery asks for paths between two entities.
type PathQuery struct {
	From, To      string
	MaxHops       int
	RelationTypes []string
	ExcludeKinds  []string
	First         int // 1 for a shortest path
	// NoEvidence skips loading the evidence of the paths' edges and events.
	NoEvidence bool
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *PathQuery) Validate() error {
	if q.MaxHops < 1 || q.MaxHops > MaxPathHops {
		return limitError("maxHops", "must be between 1 and %d, got %d", MaxPathHops, q.MaxHops)
	}
	if q.First < 1 || q.First > MaxPaths {
		return limitError("first", "must be between 1 and %d, got %d", MaxPaths, q.First)
	}
	if err := validateRelationTypes(q.RelationTypes); err != nil {
		return err
	}
	for _, k := range q.ExcludeKinds {
		if !IsEntityKind(k) {
			return fieldError("excludeKinds", "unknown kind %q", k)
		}
	}
	return nil
}

// SupplyQuery asks who supplies a recipient, or whom a supplier supplies.
type SupplyQuery struct {
	Recipient, Supplier string
	MaxHops             int
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *SupplyQuery) Validate() error {
	if (q.Recipient == "") == (q.Supplier == "") {
		return fieldError("recipient", "give exactly one of recipient and supplier")
	}
	if q.MaxHops < 1 || q.MaxHops > MaxSupplyHops {
		return limitError("maxHops", "must be between 1 and %d, got %d", MaxSupplyHops, q.MaxHops)
	}
	return nil
}

// EntityQuery lists entities.
type EntityQuery struct {
	Kind       string
	NamePrefix string
	MinDegree  int
	Key        *ExternalKey
	First      int
	After      string // cursor
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *EntityQuery) Validate() error {
	if q.First < 1 || q.First > MaxPageSize {
		return limitError("first", "must be between 1 and %d, got %d", MaxPageSize, q.First)
	}
	if q.Kind != "" && !IsEntityKind(q.Kind) {
		return fieldError("kind", "unknown kind %q", q.Kind)
	}
	return nil
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text  string
	Kinds []string
	First int
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *SearchQuery) Validate() error {
	if q.First < 1 || q.First > MaxPageSize {
		return limitError("first", "must be between 1 and %d, got %d", MaxPageSize, q.First)
	}
	if strings.TrimSpace(q.Text) == "" {
		return fieldError("text", "must not be empty")
	}
	if len(q.Text) > 200 {
		return limitError("text", "at most 200 characters")
	}
	for _, k := range q.Kinds {
		if !IsEntityKind(k) {
			return fieldError("kinds", "unknown kind %q", k)
		}
	}
	return nil
}

// EventQuery lists events.
type EventQuery struct {
	Types       []string
	Participant string
	Location    string
	From, To    string
	Modality    string
	First       int
	After       string
}

// Validate checks the query. Errors: ELIMIT, EINVALID.
func (q *EventQuery) Validate() error {
	if q.First < 1 || q.First > MaxPageSize {
		return limitError("first", "must be between 1 and %d, got %d", MaxPageSize, q.First)
	}
	if err := validateEventTypes(q.Types); err != nil {
		return err
	}
	if err := validateModality(q.Modality); err != nil {
		return err
	}
	return validateRange(q.From, q.To)
}

func limitError(field, format string, args ...any) *Error {
	e := fieldError(field, format, args...)
	e.Code = ELIMIT
	return e
}

func validateRelationTypes(ts []string) error {
	for _, t := range ts {
		if !IsRelationType(t) && !IsRole(t) {
			return fieldError("relationTypes", "unknown relation type %q (want one of %s, or a role %s)",
				t, strings.Join(RelationTypes, ", "), strings.Join(Roles, ", "))
		}
	}
	return nil
}

func validateEventTypes(ts []string) error {
	for _, t := range ts {
		if !IsEventType(t) {
			return fieldError("eventTypes", "unknown event type %q (want one of %s)", t, strings.Join(EventTypes, ", "))
		}
	}
	return nil
}

func validateDirection(d string) error {
	if d != DirectionOut && d != DirectionIn && d != DirectionBoth {
		return fieldError("direction", "must be OUT, IN or BOTH, got %q", d)
	}
	return nil
}

func validateRange(from, to string) error {
	for name, v := range map[string]string{"from": from, "to": to} {
		if v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return fieldError(name, "must be a date YYYY-MM-DD, got %q", v)
		}
	}
	if from != "" && to != "" && to < from {
		return fieldError("to", "must not be before from")
	}
	return nil
}
