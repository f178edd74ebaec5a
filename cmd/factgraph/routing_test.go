package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph/graphtest"
)

// The API works the same through a neo4j:// routing URI (the driver asks the server for
// its routing table, which scripts/neo4j fills from server.bolt.advertised_address) as
// through bolt://, and a read right after a write through the API sees it.
func TestAPIThroughRoutingURI(t *testing.T) {
	bolt := graphtest.Config(t).URI
	if !strings.HasPrefix(bolt, "bolt://") {
		t.Fatalf("FACTGRAPH_TEST_NEO4J_URI %q: want a bolt:// URI", bolt)
	}
	routing := "neo4j://" + strings.TrimPrefix(bolt, "bolt://")
	const card = `{ entity(id: "DPRK") { id name relations(first: 5) { type to { id } sourceCount } } }`
	const path = `{ shortestPath(from: "person:kim-jong-un", to: "country:UKR") { length nodes { id } edges { type from to } } }`
	const ingest = `mutation($facts: String!) { ingest(facts: $facts, format: ndjson) { relations created } }`
	const read = `{ entity(id: "country:PRK") { relations(type: "SANCTIONS") { to { id } evidence { article { id } } } } }`
	answers := map[string][2]string{}
	for _, uri := range []string{bolt, routing} {
		graphtest.Open(t)
		env := testEnv(t, "NEO4J_URI", uri, "FACTGRAPH_TOKEN", "s3cret-token")
		mustRun(t, env, "load", sample)
		url := mustServe(t, env)
		var got [2]string
		for i, q := range []string{card, path} {
			status, raw := postGraphQL(t, url, q, nil)
			if status != http.StatusOK || strings.Contains(string(raw), `"errors"`) || !strings.Contains(string(raw), `"id"`) {
				t.Fatalf("%s: %s: %d %s", uri, q, status, raw)
			}
			got[i] = string(raw)
		}
		answers[uri] = got
		// Read-your-writes: each ingest is read back at once, ten times in a row.
		for i := 0; i < 10; i++ {
			art := "article:ryw-" + itoa(i)
			facts := `{"article": {"id": "` + art + `", "title": "Read your writes", "publishedAt": "2026-02-01"}}
{"relation": {"type": "SANCTIONS", "from": "DPRK", "to": "country:UKR", "confidence": 0.6, "evidence": [{"article": "` + art + `", "quote": "Sanctions number ` + itoa(i) + `."}]}}`
			status, raw := postGraphQL(t, url, ingest, map[string]any{"facts": facts}, "Authorization", "Bearer s3cret-token")
			if status != http.StatusOK || strings.Contains(string(raw), `"errors"`) {
				t.Fatalf("%s: ingest %d: %d %s", uri, i, status, raw)
			}
			_, raw = postGraphQL(t, url, read, nil)
			if !strings.Contains(string(raw), `"`+art+`"`) {
				t.Fatalf("%s: the read after ingest %d does not see %s: %s", uri, i, art, raw)
			}
		}
	}
	if answers[bolt] != answers[routing] {
		t.Errorf("bolt:// and neo4j:// answer differently:\n%v\n%v", answers[bolt], answers[routing])
	}
}
