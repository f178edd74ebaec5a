package factgraph

import (
	"slices"
	"strings"
)

// Relation types between entities: the direct edges dashboards traverse.
var RelationTypes = []string{
	"LEADS", "MEMBER_OF", "PART_OF", "LOCATED_IN", "ALLIED_WITH", "SUPPLIES", "PRODUCES",
	"OPERATES", "OWNS", "DEPLOYED_TROOPS_TO", "AT_WAR_WITH", "SANCTIONS", "SUPPORTS",
	"NEGOTIATES_WITH", "STATE_MEDIA_OF", "BORDERS", "OPPOSES", "DEVELOPS", "REPRESENTS",
}

// IsRelationType reports whether t is an allowed relation type; nothing else reaches
// Cypher as a relationship type.
func IsRelationType(t string) bool { return slices.Contains(RelationTypes, t) }

// Relation is a claim that a relation holds between two entities, with its evidence.
// The same (type, from, to) from several articles is one edge with several sources.
type Relation struct {
	Type       string     `json:"type"`
	From       string     `json:"from"` // entity id (or a name or alias, resolved by the loader)
	To         string     `json:"to"`
	Confidence *float64   `json:"confidence,omitempty"` // default 0.8
	Modality   string     `json:"modality,omitempty"`   // default reported
	Time       *TimeSpec  `json:"time,omitempty"`
	Quantities []Quantity `json:"quantities,omitempty"`
	Evidence   []Evidence `json:"evidence"`
}

// DefaultConfidence is the confidence of a relation or event that states none.
const DefaultConfidence = 0.8

// ID is the stable id of the edge: type, from and to.
func (r *Relation) ID() string { return r.From + "|" + r.Type + "|" + r.To }

// Validate checks the relation. Errors: EINVALID naming the field.
func (r *Relation) Validate() error {
	if !IsRelationType(r.Type) {
		return fieldError("type", "must be one of %s (got %q)", strings.Join(RelationTypes, ", "), r.Type)
	}
	if strings.TrimSpace(r.From) == "" {
		return fieldError("from", "must name an entity")
	}
	if strings.TrimSpace(r.To) == "" {
		return fieldError("to", "must name an entity")
	}
	if err := checkName(r.From, "from"); err != nil {
		return err
	}
	if err := checkName(r.To, "to"); err != nil {
		return err
	}
	if r.From == r.To {
		return fieldError("to", "a relation needs two different entities (both %q)", r.From)
	}
	if err := validateConfidence(r.Confidence); err != nil {
		return err
	}
	if err := validateModality(r.Modality); err != nil {
		return err
	}
	if r.Time != nil {
		if err := r.Time.Validate(); err != nil {
			return PrefixField(err, "time")
		}
	}
	for i := range r.Quantities {
		if err := r.Quantities[i].Validate(); err != nil {
			return PrefixField(err, "quantities[%d]", i)
		}
	}
	return validateEvidence(r.Evidence)
}
