package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// sampleFixture is the server over the bundled sample.
func sampleFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, server.DefaultConfig)
	if _, err := (&loader.Loader{Writer: f.DB}).LoadFile(context.Background(), sample, ""); err != nil {
		t.Fatal(err)
	}
	return f
}

// cost runs a query and returns its data and the Neo4j statements and transactions it cost.
func (f *fixture) cost(t *testing.T, query string) (json.RawMessage, int64) {
	t.Helper()
	before := f.calls.Load()
	r := f.do(t, request{Query: query})
	if len(r.Errors) > 0 {
		t.Fatalf("%s", r.Raw)
	}
	return r.Data, f.calls.Load() - before
}

// The benchmark's entity card (bench/querybench, workload "entity card": the entity, its
// 20 most corroborated relations and the names at their ends) is ONE Neo4j statement;
// evidence is loaded when asked for, and then it is there, in the same statement.
func TestEntityCardIsOneStatementAndEvidenceOnDemand(t *testing.T) {
	f := sampleFixture(t)
	const benchCard = `query Card($id: ID!) { entity(id: $id) { id kind name aliases degree
  relations(first: 20) { type from { id name } to { id name } confidence sourceCount firstSeen lastSeen } } }`
	before := f.calls.Load()
	r := f.do(t, request{Query: benchCard, Variables: map[string]any{"id": "country:PRK"}})
	if len(r.Errors) > 0 {
		t.Fatalf("%s", r.Raw)
	}
	if calls := f.calls.Load() - before; calls != 1 {
		t.Errorf("benchmark's entity card: %d Neo4j statements, want 1", calls)
	}
	type rel struct {
		Type     string
		From, To struct{ ID, Name string }
		Evidence []struct{ Quote string }
	}
	card := func(fields string) []rel {
		t.Helper()
		data, calls := f.cost(t, `{ entity(id: "country:PRK") { name relations(first: 10) { type from { id name } to { id name } `+fields+` } } }`)
		if calls != 1 {
			t.Errorf("card with %s: %d Neo4j statements, want 1", fields, calls)
		}
		var d struct{ Entity struct{ Relations []rel } }
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		return d.Entity.Relations
	}
	lean := card("sourceCount")
	if len(lean) == 0 {
		t.Fatal("North Korea has no relations in the sample")
	}
	for _, r := range lean {
		if r.From.Name == "" || r.To.Name == "" {
			t.Errorf("%s: ends without names: %+v", r.Type, r)
		}
	}
	for _, r := range card("evidence { quote }") {
		if len(r.Evidence) == 0 || r.Evidence[0].Quote == "" {
			t.Errorf("%s %s->%s: no evidence when asked for", r.Type, r.From.ID, r.To.ID)
		}
	}
}

// A card with relations (and their ends and evidence), a timeline (with its events'
// evidence, source counts and role entities) is one statement too.
func TestCardWithRelationsTimelineAndEvidenceIsOneStatement(t *testing.T) {
	f := sampleFixture(t)
	data, calls := f.cost(t, `{ entity(id: "person:kim-jong-un") { name
		relations(first: 10) { type from { id name } to { id name } evidence { quote article { title } } }
		timeline(first: 20) { type sourceCount evidence { quote } roles { role entity { id name } } } } }`)
	if calls != 1 {
		t.Errorf("card with relations, timeline and evidence: %d Neo4j statements, want 1", calls)
	}
	var d struct {
		Entity struct {
			Relations []struct {
				Type     string
				From, To struct{ ID, Name string }
				Evidence []struct {
					Quote   string
					Article struct{ Title string }
				}
			}
			Timeline []struct {
				Type        string
				SourceCount int
				Evidence    []struct{ Quote string }
				Roles       []struct {
					Role   string
					Entity struct{ ID, Name string }
				}
			}
		}
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entity.Relations) == 0 || len(d.Entity.Timeline) == 0 {
		t.Fatalf("Kim Jong Un has no relations or no timeline in the sample: %s", data)
	}
	for _, r := range d.Entity.Relations {
		if r.From.Name == "" || r.To.Name == "" || len(r.Evidence) == 0 || r.Evidence[0].Article.Title == "" {
			t.Errorf("relation %s: missing ends or evidence: %+v", r.Type, r)
		}
	}
	for _, ev := range d.Entity.Timeline {
		if ev.SourceCount == 0 || len(ev.Evidence) == 0 {
			t.Errorf("event %s: sourceCount %d, %d evidence", ev.Type, ev.SourceCount, len(ev.Evidence))
		}
		for _, ro := range ev.Roles {
			if ro.Entity.ID == "" || ro.Entity.Name == "" {
				t.Errorf("%s: role %s without its entity: %+v", ev.Type, ro.Role, ro)
			}
		}
	}
}

// The plan follows fragments, type conditions and aliases (each alias with its own
// arguments, a field on one kind never taking another kind's arguments), and what it
// plans is what the fields would load on their own: the same selection through
// Query.node (which plans nothing, so every part goes through a dataloader) gives the
// same answer, at a higher cost.
func TestPlanFollowsFragmentsAndAliasesAndMatchesLoadedAnswers(t *testing.T) {
	f := sampleFixture(t)
	const fragment = `
	fragment Card on Entity {
	  name
	  a: relations(first: 2) { type to { id } }
	  b: relations(first: 5, direction: OUT) { type from { name } evidence { quote } }
	  ... on Country { t: timeline(first: 3) { id roles { role entity { name } } } iso3 }
	  ... on Person { t: timeline(first: 1) { id sourceCount } }
	}`
	for _, id := range []string{"country:PRK", "person:kim-jong-un"} {
		planned, calls := f.cost(t, `{ x: entity(id: "`+id+`") { ...Card } }`+fragment)
		if calls != 1 {
			t.Errorf("%s planned: %d Neo4j statements, want 1", id, calls)
		}
		loaded, loadedCalls := f.cost(t, `{ x: node(id: "`+id+`") { ...Card } }`+fragment)
		if string(planned) != string(loaded) {
			t.Errorf("%s: planned and loaded answers differ:\nplanned %s\nloaded  %s", id, planned, loaded)
		}
		if loadedCalls <= calls {
			t.Errorf("%s: loaded through node in %d statements, planned in %d: the comparison tests nothing", id, loadedCalls, calls)
		}
		var d struct {
			X struct {
				A, B []json.RawMessage
				T    []struct{ ID string }
			}
		}
		if err := json.Unmarshal(planned, &d); err != nil {
			t.Fatal(err)
		}
		wantT := 3
		if strings.HasPrefix(id, "person:") {
			wantT = 1
		}
		if len(d.X.A) == 0 || len(d.X.A) > 2 || len(d.X.B) == 0 || len(d.X.T) == 0 || len(d.X.T) > wantT {
			t.Errorf("%s: %d a (first 2), %d b, %d t (first %d): %s", id, len(d.X.A), len(d.X.B), len(d.X.T), wantT, planned)
		}
	}
}
