package server_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// Reads load what the client selects and no more: an entity card (the entity, its
// relations and their ends) is two Neo4j transactions, the ends coming with the
// relations; evidence is loaded when asked for, and then it is there.
func TestEntityCardIsTwoTransactionsAndEvidenceOnDemand(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	if _, err := (&loader.Loader{Writer: f.DB}).LoadFile(context.Background(), sample, ""); err != nil {
		t.Fatal(err)
	}
	type rel struct {
		Type     string
		From, To struct{ ID, Name string }
		Evidence []struct{ Quote string }
	}
	card := func(fields string) ([]rel, int64) {
		t.Helper()
		before := f.calls.Load()
		r := f.do(t, request{Query: `{ entity(id: "country:PRK") { name relations(first: 10) { type from { id name } to { id name } ` + fields + ` } } }`})
		if len(r.Errors) > 0 {
			t.Fatalf("%s", r.Raw)
		}
		var d struct{ Entity struct{ Relations []rel } }
		if err := json.Unmarshal(r.Data, &d); err != nil {
			t.Fatal(err)
		}
		return d.Entity.Relations, f.calls.Load() - before
	}
	lean, calls := card("sourceCount")
	if calls != 2 {
		t.Errorf("entity card: %d Neo4j transactions, want 2 (entity; relations with their ends)", calls)
	}
	if len(lean) == 0 {
		t.Fatal("North Korea has no relations in the sample")
	}
	for _, r := range lean {
		if r.From.Name == "" || r.To.Name == "" {
			t.Errorf("%s: ends without names: %+v", r.Type, r)
		}
	}
	full, _ := card("evidence { quote }")
	for _, r := range full {
		if len(r.Evidence) == 0 || r.Evidence[0].Quote == "" {
			t.Errorf("%s %s->%s: no evidence when asked for", r.Type, r.From.ID, r.To.ID)
		}
	}
}

// A timeline with its events' role entities is two transactions: the entity, then the
// timeline with the role entities in the same query.
func TestTimelineWithRoleEntitiesIsTwoTransactions(t *testing.T) {
	f := newFixture(t, server.DefaultConfig)
	if _, err := (&loader.Loader{Writer: f.DB}).LoadFile(context.Background(), sample, ""); err != nil {
		t.Fatal(err)
	}
	before := f.calls.Load()
	r := f.do(t, request{Query: `{ entity(id: "person:kim-jong-un") { timeline(first: 20) { type roles { role entity { id name } } } } }`})
	if len(r.Errors) > 0 {
		t.Fatalf("%s", r.Raw)
	}
	if calls := f.calls.Load() - before; calls != 2 {
		t.Errorf("timeline with role entities: %d Neo4j transactions, want 2", calls)
	}
	var d struct {
		Entity struct {
			Timeline []struct {
				Type  string
				Roles []struct {
					Role   string
					Entity struct{ ID, Name string }
				}
			}
		}
	}
	if err := json.Unmarshal(r.Data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entity.Timeline) == 0 {
		t.Fatal("Kim Jong Un has no timeline in the sample")
	}
	for _, ev := range d.Entity.Timeline {
		for _, ro := range ev.Roles {
			if ro.Entity.ID == "" || ro.Entity.Name == "" {
				t.Errorf("%s: role %s without its entity: %+v", ev.Type, ro.Role, ro)
			}
		}
	}
}
