package factgraph

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Modalities: how an assertion is put by its source.
const (
	ModalityReported  = "reported"
	ModalityAlleged   = "alleged"
	ModalityPlanned   = "planned"
	ModalityEstimated = "estimated"
	ModalityDenied    = "denied"
)

// Modalities is the allow-list of modalities.
var Modalities = []string{ModalityReported, ModalityAlleged, ModalityPlanned, ModalityEstimated, ModalityDenied}

// Event roles: the relationship types from an event to the entities taking part.
const (
	RoleAgent       = "AGENT"
	RoleTarget      = "TARGET"
	RoleParticipant = "PARTICIPANT"
	RoleLocation    = "LOCATION"
	RoleInstrument  = "INSTRUMENT"
	RoleBeneficiary = "BENEFICIARY"
)

// Roles is the allow-list of event roles.
var Roles = []string{RoleAgent, RoleTarget, RoleParticipant, RoleLocation, RoleInstrument, RoleBeneficiary}

// IsRole reports whether r is an allowed event role.
func IsRole(r string) bool { return slices.Contains(Roles, r) }

// Event types: things that happened (or were ordered, planned, reported).
var EventTypes = []string{
	"ORDER", "INSPECTION", "VISIT", "PRODUCTION", "EXPANSION", "DEPLOYMENT", "SUPPLY",
	"TEST", "LAUNCH", "INTERCEPTION", "STRIKE", "SANCTION", "CONDEMNATION", "TALKS",
	"STATEMENT", "MEETING", "TRANSIT", "INCURSION", "CONSTRUCTION", "ANNOUNCEMENT",
	// a state or authority detains, seizes or boards a vessel or person (AGENT, TARGET,
	// LOCATION); someone denies or confirms a claim (AGENT, TARGET when an entity)
	"DETENTION", "DENIAL", "CONFIRMATION",
}

// IsEventType reports whether t is an allowed event type.
func IsEventType(t string) bool { return slices.Contains(EventTypes, t) }

// Time precisions.
const (
	PrecisionDay     = "day"
	PrecisionMonth   = "month"
	PrecisionQuarter = "quarter"
	PrecisionYear    = "year"
)

// TimeSpec is when something happened, as precisely as the source says it:
// "2025-12-26" (day), "2025-12" (month), "2025-Q4" (quarter), "2025" (year).
type TimeSpec struct {
	Value     string `json:"value"`
	Precision string `json:"precision"`
}

var timePatterns = map[string]*regexp.Regexp{
	PrecisionDay:     regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
	PrecisionMonth:   regexp.MustCompile(`^\d{4}-\d{2}$`),
	PrecisionQuarter: regexp.MustCompile(`^\d{4}-Q[1-4]$`),
	PrecisionYear:    regexp.MustCompile(`^\d{4}$`),
}

// Validate checks that the value has the form of its precision. Errors: EINVALID.
func (t *TimeSpec) Validate() error {
	re, ok := timePatterns[t.Precision]
	if !ok {
		return fieldError("precision", "must be day, month, quarter or year (got %q)", t.Precision)
	}
	if !re.MatchString(t.Value) {
		return fieldError("value", "%q is not a %s (want %s)", t.Value, t.Precision, timeExample[t.Precision])
	}
	if _, _, err := t.bounds(); err != nil {
		return fieldError("value", "%v", err)
	}
	return nil
}

var timeExample = map[string]string{
	PrecisionDay: "2025-12-26", PrecisionMonth: "2025-12", PrecisionQuarter: "2025-Q4", PrecisionYear: "2025",
}

// Start is the first day the time can mean, YYYY-MM-DD.
func (t *TimeSpec) Start() string { s, _ := t.Range(); return s.Format(time.DateOnly) }

// End is the last day the time can mean, YYYY-MM-DD.
func (t *TimeSpec) End() string { _, e := t.Range(); return e.Format(time.DateOnly) }

// Range returns the first and last day the time can mean, inclusive.
func (t *TimeSpec) Range() (start, end time.Time) {
	s, e, _ := t.bounds()
	return s, e
}

func (t *TimeSpec) bounds() (start, end time.Time, err error) {
	switch t.Precision {
	case PrecisionDay:
		d, err := time.Parse(time.DateOnly, t.Value)
		return d, d, err
	case PrecisionMonth:
		d, err := time.Parse("2006-01", t.Value)
		return d, d.AddDate(0, 1, -1), err
	case PrecisionQuarter:
		y, _ := strconv.Atoi(t.Value[:4])
		q := int(t.Value[6] - '0')
		d := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 3, -1), nil
	case PrecisionYear:
		y, _ := strconv.Atoi(t.Value)
		d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(1, 0, -1), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("unknown precision %q", t.Precision)
}

// Quantity is an amount stated in the text: "around 15,000 troops", "an 8,700-ton submarine".
type Quantity struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Approx bool    `json:"approx,omitempty"`
	Of     string  `json:"of,omitempty"` // what is counted or measured, e.g. "displacement"
	// Entity is the entity the amount describes, in an article's quantities ("a crew of
	// 24" of the vessel; a fleet's size): an id, name or alias. Empty: the article's topic.
	Entity string `json:"entity,omitempty"`
}

// Validate checks the quantity. Errors: EINVALID.
func (q *Quantity) Validate() error {
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
		return fieldError("value", "must be a finite number")
	}
	if strings.TrimSpace(q.Unit) == "" {
		return fieldError("unit", "must not be empty")
	}
	if err := checkName(q.Unit, "unit"); err != nil {
		return err
	}
	if err := checkName(q.Of, "of"); err != nil {
		return err
	}
	if q.Value < 0 && !signedUnit(q.Unit) {
		return fieldError("value", "must not be negative for unit %q (only changes and temperatures may be: %s)", q.Unit, strings.Join(SignedUnits, ", "))
	}
	return nil
}

// Role links an event to an entity taking part in it.
type Role struct {
	Role   string `json:"role"`
	Entity string `json:"entity"` // entity id (or a name or alias, resolved by the loader)

	// Resolved is the entity itself when the read that made the event loaded it (a
	// TimelinePart with RoleEntities); nil otherwise.
	Resolved *Entity `json:"-"`
}

// Event is something that happened, was ordered, planned or reported: an inspection, an
// order, a deployment, an interception, talks.
type Event struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Label      string     `json:"label"`
	Time       *TimeSpec  `json:"time,omitempty"`
	Modality   string     `json:"modality,omitempty"` // default reported
	Confidence *float64   `json:"confidence,omitempty"`
	Roles      []Role     `json:"roles"`
	Quantities []Quantity `json:"quantities,omitempty"`
	Evidence   []Evidence `json:"evidence"`
}

// Validate checks the event. Errors: EINVALID naming the field.
func (e *Event) Validate() error {
	if !ValidID(e.ID) {
		return fieldError("id", "must be 1-200 letters, digits or _ . : - (got %q)", e.ID)
	}
	if !IsEventType(e.Type) {
		return fieldError("type", "must be one of %s (got %q)", strings.Join(EventTypes, ", "), e.Type)
	}
	if strings.TrimSpace(e.Label) == "" {
		return fieldError("label", "must not be empty")
	}
	if err := checkName(e.Label, "label"); err != nil {
		return err
	}
	if e.Time != nil {
		if err := e.Time.Validate(); err != nil {
			return PrefixField(err, "time")
		}
	}
	if err := validateModality(e.Modality); err != nil {
		return err
	}
	if err := validateConfidence(e.Confidence); err != nil {
		return err
	}
	if len(e.Roles) == 0 {
		return fieldError("roles", "an event needs at least one role")
	}
	for i, r := range e.Roles {
		if !IsRole(r.Role) {
			return fieldError("roles[%d].role", "must be one of %s (got %q)", i, strings.Join(Roles, ", "), r.Role)
		}
		if strings.TrimSpace(r.Entity) == "" {
			return fieldError("roles[%d].entity", "must name an entity", i)
		}
		if err := checkName(r.Entity, "roles[%d].entity", i); err != nil {
			return err
		}
	}
	for i := range e.Quantities {
		if err := e.Quantities[i].Validate(); err != nil {
			return PrefixField(err, "quantities[%d]", i)
		}
	}
	return validateEvidence(e.Evidence)
}

func validateModality(m string) error {
	if m != "" && !slices.Contains(Modalities, m) {
		return fieldError("modality", "must be one of %s (got %q)", strings.Join(Modalities, ", "), m)
	}
	return nil
}

func validateConfidence(c *float64) error {
	if c != nil && (*c < 0 || *c > 1 || math.IsNaN(*c)) {
		return fieldError("confidence", "must be between 0 and 1 (got %v)", *c)
	}
	return nil
}
