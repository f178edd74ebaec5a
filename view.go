package factgraph

import (
	"fmt"
	"strings"
)

// EntityView is the plan of a read: what the client asked for of each entity it reads,
// beyond the entity's own fields. The GraphQL layer builds it once per root field from
// the selection (fragments, type conditions and aliases followed); the graph adapter
// compiles it into one statement. Parts with the same query are one part (their wants
// merged), so a view never asks the database the same thing twice.
type EntityView struct {
	Relations     []RelationsPart
	Timelines     []TimelinePart
	Neighborhoods []NeighborhoodPart
}

// RelationsPart is one relations field: the query and what is selected below it.
type RelationsPart struct {
	Query    RelationQuery
	Evidence bool // the relations' evidence
	Ends     bool // the entities at both ends, into Edge.Ends
}

// TimelinePart is one timeline field.
type TimelinePart struct {
	Query        TimelineQuery
	Evidence     bool // the events' evidence (asked for directly or through sourceCount)
	RoleEntities bool // the entities of the events' roles, into Role.Resolved
}

// NeighborhoodPart is one neighbourhood field.
type NeighborhoodPart struct {
	Query    NeighborhoodQuery
	Evidence bool // the evidence of the subgraph's edges and events
}

// Empty reports whether the view asks for nothing beyond the entities themselves.
func (v EntityView) Empty() bool {
	return len(v.Relations) == 0 && len(v.Timelines) == 0 && len(v.Neighborhoods) == 0
}

// Validate checks every part's query (filling in defaults). Errors: ELIMIT, EINVALID.
func (v *EntityView) Validate() error {
	for i := range v.Relations {
		if err := v.Relations[i].Query.Validate(); err != nil {
			return err
		}
	}
	for i := range v.Timelines {
		if err := v.Timelines[i].Query.Validate(); err != nil {
			return err
		}
	}
	for i := range v.Neighborhoods {
		if err := v.Neighborhoods[i].Query.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// AddRelations adds a relations part, merged into the part with the same query if any.
func (v *EntityView) AddRelations(p RelationsPart) {
	for i := range v.Relations {
		if v.Relations[i].Query.Key() == p.Query.Key() {
			v.Relations[i].Evidence = v.Relations[i].Evidence || p.Evidence
			v.Relations[i].Ends = v.Relations[i].Ends || p.Ends
			return
		}
	}
	v.Relations = append(v.Relations, p)
}

// AddTimeline adds a timeline part, merged into the part with the same query if any.
func (v *EntityView) AddTimeline(p TimelinePart) {
	for i := range v.Timelines {
		if v.Timelines[i].Query.Key() == p.Query.Key() {
			v.Timelines[i].Evidence = v.Timelines[i].Evidence || p.Evidence
			v.Timelines[i].RoleEntities = v.Timelines[i].RoleEntities || p.RoleEntities
			return
		}
	}
	v.Timelines = append(v.Timelines, p)
}

// AddNeighborhood adds a neighbourhood part, merged into the part with the same query if any.
func (v *EntityView) AddNeighborhood(p NeighborhoodPart) {
	for i := range v.Neighborhoods {
		if v.Neighborhoods[i].Query.Key() == p.Query.Key() {
			v.Neighborhoods[i].Evidence = v.Neighborhoods[i].Evidence || p.Evidence
			return
		}
	}
	v.Neighborhoods = append(v.Neighborhoods, p)
}

// EntityParts are the answers to a view's parts for one entity, by the part's query key.
// A field finds its answer under its own query's Key; a key that is absent was not
// planned (the field then loads it itself).
type EntityParts struct {
	Relations     map[string][]Edge
	Timelines     map[string][]*Event
	Neighborhoods map[string]*Subgraph
}

// Key identifies the query among a view's parts: equal for equal queries.
func (q RelationQuery) Key() string {
	return fmt.Sprintf("%s|%s|%d", q.Type, defaultDirection(q.Direction), q.First)
}

// Key identifies the query among a view's parts: equal for equal queries.
func (q TimelineQuery) Key() string {
	return fmt.Sprintf("%s|%s|%s|%d", q.From, q.To, strings.Join(q.EventTypes, ","), q.First)
}

// Key identifies the query among a view's parts: equal for equal queries.
func (q NeighborhoodQuery) Key() string {
	return fmt.Sprintf("%d|%d|%s|%s|%v|%d|%s|%s", q.Depth, q.Limit, strings.Join(q.RelationTypes, ","),
		defaultDirection(q.Direction), q.MinConfidence, q.MinSources, q.From, q.To)
}

func defaultDirection(d string) string {
	if d == "" {
		return DirectionBoth
	}
	return d
}
