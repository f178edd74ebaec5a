package factgraph_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
)

func TestInputHygiene(t *testing.T) {
	entity := func(edit func(e *factgraph.Entity)) error {
		e := factgraph.Entity{ID: "country:PRK", Kind: "Country", Name: "North Korea", Aliases: []string{"DPRK"}}
		edit(&e)
		return e.Validate()
	}
	relation := func(edit func(r *factgraph.Relation)) error {
		r := factgraph.Relation{Type: "SUPPLIES", From: "country:PRK", To: "country:RUS",
			Evidence: []factgraph.Evidence{{Article: "article:a", Quote: "Shells went north."}}}
		edit(&r)
		return r.Validate()
	}
	cases := []struct {
		name  string
		err   error
		field string // "" for valid
		msg   string
	}{
		{"NUL in a name", entity(func(e *factgraph.Entity) { e.Name = "North\x00Korea" }), "name", "control characters (U+0000 at byte 5)"},
		{"line break in an alias", entity(func(e *factgraph.Entity) { e.Aliases = []string{"DPRK", "N.\nKorea"} }), "aliases[1]", "control characters"},
		{"DEL in a key value", entity(func(e *factgraph.Entity) { e.Keys = map[string]string{"iso": "K\x7fP"} }), "keys.iso", "control characters"},
		{"C1 control in a name", entity(func(e *factgraph.Entity) { e.Name = "North\u0085Korea" }), "name", "control characters"},
		{"a 1000-character name", entity(func(e *factgraph.Entity) { e.Name = strings.Repeat("ä", 1000) }), "", ""},
		{"a 1001-character name", entity(func(e *factgraph.Entity) { e.Name = strings.Repeat("a", 1001) }), "name", "longer than 1000 characters (1001)"},
		{"101 aliases", entity(func(e *factgraph.Entity) {
			e.Aliases = make([]string, 101)
			for i := range e.Aliases {
				e.Aliases[i] = "x"
			}
		}), "aliases", "more than 100"},
		{"a description with line breaks", entity(func(e *factgraph.Entity) { e.Description = "One.\n\tTwo.\r\n" }), "", ""},
		{"NUL in a description", entity(func(e *factgraph.Entity) { e.Description = "a\x00" }), "description", "control characters"},
		{"NUL in a reference", relation(func(r *factgraph.Relation) { r.To = "Rus\x00sia" }), "to", "control characters"},
		{"a 10001-character quote", relation(func(r *factgraph.Relation) { r.Evidence[0].Quote = strings.Repeat("q", 10001) }), "evidence[0].quote", "longer than 10000"},
		{"a quote over lines", relation(func(r *factgraph.Relation) { r.Evidence[0].Quote = "Shells\nwent north." }), "", ""},
		{"negative troops", relation(func(r *factgraph.Relation) { r.Quantities = []factgraph.Quantity{{Value: -15000, Unit: "troops"}} }), "quantities[0].value", `must not be negative for unit "troops"`},
		{"negative percent", relation(func(r *factgraph.Relation) { r.Quantities = []factgraph.Quantity{{Value: -3.5, Unit: "percent"}} }), "", ""},
		{"negative degrees", relation(func(r *factgraph.Relation) { r.Quantities = []factgraph.Quantity{{Value: -20, Unit: "°C"}} }), "", ""},
		{"zero tons", relation(func(r *factgraph.Relation) { r.Quantities = []factgraph.Quantity{{Value: 0, Unit: "ton"}} }), "", ""},
	}
	for _, c := range cases {
		if c.field == "" {
			if c.err != nil {
				t.Errorf("%s: %v, want valid", c.name, c.err)
			}
			continue
		}
		var fe *factgraph.Error
		if c.err == nil || !errors.As(c.err, &fe) {
			t.Errorf("%s: err %v, want a field error", c.name, c.err)
			continue
		}
		if fe.Field != c.field || !strings.Contains(fe.Message, c.msg) {
			t.Errorf("%s: field %q message %q; want field %q, message with %q", c.name, fe.Field, fe.Message, c.field, c.msg)
		}
	}
	a := factgraph.Article{ID: "article:a", Title: "T", Text: strings.Repeat("x", factgraph.MaxTextChars+1)}
	if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "longer than 1000000 characters") {
		t.Errorf("a text over the limit: %v", err)
	}
	ev := factgraph.Event{ID: "event:e", Type: "TALKS", Label: "Talks\x00", Roles: []factgraph.Role{{Role: "AGENT", Entity: "country:PRK"}},
		Evidence: []factgraph.Evidence{{Article: "article:a", Quote: "q"}}}
	if err := ev.Validate(); err == nil || !strings.Contains(err.Error(), "label") {
		t.Errorf("NUL in a label: %v", err)
	}
}
