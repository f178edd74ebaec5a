package factgraph_test

import (
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

func ptr[T any](v T) *T { return &v }

func validEvent() factgraph.Event {
	return factgraph.Event{
		ID: "event:x", Type: "INSPECTION", Label: "Kim inspects a factory",
		Time:     &factgraph.TimeSpec{Value: "2025-Q4", Precision: "quarter"},
		Roles:    []factgraph.Role{{Role: "AGENT", Entity: "person:kim"}},
		Evidence: []factgraph.Evidence{{Article: "article:a", Quote: "Kim inspected a factory."}},
	}
}

func TestEventValidate(t *testing.T) {
	tests := []struct {
		name      string
		mutate    func(*factgraph.Event)
		wantField string // "" means valid
	}{
		{"valid", func(*factgraph.Event) {}, ""},
		{"bad id", func(e *factgraph.Event) { e.ID = "a b" }, "id"},
		{"unknown type", func(e *factgraph.Event) { e.Type = "PARTY" }, "type"},
		{"empty label", func(e *factgraph.Event) { e.Label = " " }, "label"},
		{"quarter written as month", func(e *factgraph.Event) { e.Time.Value = "2025-12" }, "time.value"},
		{"unknown precision", func(e *factgraph.Event) { e.Time.Precision = "week" }, "time.precision"},
		{"impossible day", func(e *factgraph.Event) { e.Time = &factgraph.TimeSpec{Value: "2025-02-30", Precision: "day"} }, "time.value"},
		{"role injection", func(e *factgraph.Event) { e.Roles[0].Role = "AGENT]->() DETACH DELETE (n" }, "roles[0].role"},
		{"no roles", func(e *factgraph.Event) { e.Roles = nil }, "roles"},
		{"no evidence", func(e *factgraph.Event) { e.Evidence = nil }, "evidence"},
		{"empty quote", func(e *factgraph.Event) { e.Evidence[0].Quote = "" }, "evidence[0].quote"},
		{"bad modality", func(e *factgraph.Event) { e.Modality = "rumoured" }, "modality"},
		{"confidence above 1", func(e *factgraph.Event) { e.Confidence = ptr(1.5) }, "confidence"},
		{"quantity without unit", func(e *factgraph.Event) { e.Quantities = []factgraph.Quantity{{Value: 3}} }, "quantities[0].unit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEvent()
			tt.mutate(&e)
			err := e.Validate()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if got := factgraph.ErrorCode(err); got != factgraph.EINVALID {
				t.Fatalf("ErrorCode = %q, want %q (err %v)", got, factgraph.EINVALID, err)
			}
			if !strings.HasPrefix(err.Error(), tt.wantField+": ") {
				t.Errorf("Validate() = %q, want it to start with field %q", err, tt.wantField)
			}
		})
	}
}

func TestEntityAndRelationValidate(t *testing.T) {
	ent := factgraph.Entity{ID: "country:PRK", Kind: "Country", Name: "North Korea", Keys: map[string]string{"iso3166_alpha3": "PRK"}}
	if err := ent.Validate(); err != nil {
		t.Fatalf("valid entity: %v", err)
	}
	bad := ent
	bad.Kind = "Country:Admin"
	if err := bad.Validate(); err == nil || !strings.HasPrefix(err.Error(), "kind: ") {
		t.Errorf("label injection via kind: got %v, want a kind error", err)
	}
	rel := factgraph.Relation{Type: "SUPPLIES", From: "country:PRK", To: "country:RUS",
		Evidence: []factgraph.Evidence{{Article: "article:a", Quote: "q"}}}
	if err := rel.Validate(); err != nil {
		t.Fatalf("valid relation: %v", err)
	}
	rel.Type = "SUPPLIES]->(x) DELETE x //"
	if err := rel.Validate(); err == nil || !strings.HasPrefix(err.Error(), "type: ") {
		t.Errorf("type injection: got %v, want a type error", err)
	}
	rel.Type, rel.To = "SUPPLIES", "country:PRK"
	if err := rel.Validate(); err == nil {
		t.Error("self relation: got nil error")
	}
}

func TestNormalizeName(t *testing.T) {
	same := [][]string{
		{"Kim Jong Un", "Kim Jong-un", "KIM JONG UN", " kim  jong   un "},
		{"Türkiye", "Turkiye", "turkiye"},
		{"Workers' Party of Korea", "Workers Party of Korea"},
		{"U.S.", "US"},
	}
	for _, group := range same {
		want := factgraph.NormalizeName(group[0])
		for _, s := range group[1:] {
			if got := factgraph.NormalizeName(s); got != want {
				t.Errorf("NormalizeName(%q) = %q, want %q (as for %q)", s, got, want, group[0])
			}
		}
	}
	if a, b := factgraph.NormalizeName("Kim Jong Un"), factgraph.NormalizeName("Kim Jong Il"); a == b {
		t.Errorf("different names fold to the same key %q", a)
	}
}

func TestTimeSpecRange(t *testing.T) {
	tests := []struct{ value, precision, start, end string }{
		{"2025-12-26", "day", "2025-12-26", "2025-12-26"},
		{"2024-02", "month", "2024-02-01", "2024-02-29"},
		{"2025-Q4", "quarter", "2025-10-01", "2025-12-31"},
		{"2026", "year", "2026-01-01", "2026-12-31"},
	}
	for _, tt := range tests {
		ts := factgraph.TimeSpec{Value: tt.value, Precision: tt.precision}
		if err := ts.Validate(); err != nil {
			t.Fatalf("%v: %v", ts, err)
		}
		if got := ts.Start(); got != tt.start {
			t.Errorf("%s Start() = %s, want %s", tt.value, got, tt.start)
		}
		if got := ts.End(); got != tt.end {
			t.Errorf("%s End() = %s, want %s", tt.value, got, tt.end)
		}
	}
}

func TestErrorCode(t *testing.T) {
	if got := factgraph.ErrorCode(nil); got != "" {
		t.Errorf("ErrorCode(nil) = %q", got)
	}
	if got := factgraph.ErrorCode(strings.NewReader("").UnreadByte()); got != factgraph.EINTERNAL {
		t.Errorf("ErrorCode(plain error) = %q, want internal", got)
	}
	if got := factgraph.ErrorMessage(strings.NewReader("").UnreadByte()); got != "internal error" {
		t.Errorf("ErrorMessage(plain error) = %q, want it hidden", got)
	}
}
