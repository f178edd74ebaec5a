package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph/graphtest"
)

var update = flag.Bool("update", false, "rewrite the golden files of the API tests")

// mustServe runs `factgraph serve` on a free port until the test ends (which checks that
// it shuts down cleanly) and returns its base URL.
func mustServe(t *testing.T, env func(string) string) string {
	t.Helper()
	return startServe(t, env).base
}

// postGraphQL sends a query and returns the raw response body and status.
func postGraphQL(t *testing.T, url, query string, vars map[string]any, header ...string) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, raw
}

// golden compares a response with testdata/golden/NAME.json (indented); -update rewrites it.
func golden(t *testing.T, name string, raw []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: response is not JSON: %s", name, raw)
	}
	got, _ := json.MarshalIndent(v, "", "  ")
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s:\n%s", name, path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return ""
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + jsonNumber(i)) }

func jsonNumber(i int) string { b, _ := json.Marshal(i); return string(b) }

// The analysts' queries, end to end: the bundled sample in the real Neo4j, `factgraph
// serve`, HTTP, and the responses compared with golden files.
func TestAPIGolden(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t)
	mustRun(t, env, "load", sample)
	url := mustServe(t, env)

	const evidence = `evidence { quote article { id title publisher publishedAt } }`
	const edge = `id type from to confidence sourceCount firstSeen lastSeen ` + evidence
	const node = `__typename ... on Entity { id name kind degree } ... on Event { id type label time { value precision } roles { role entity { id } } }`
	tests := []struct{ name, query string }{
		{"entity-dprk", `{ entity(id: "DPRK") { __typename id name kind aliases keys { name value } degree ... on Country { iso2 iso3 } } }`},
		{"node-event", `{ node(id: "event:nk-troops-to-russia") { __typename ... on Event { id type label modality confidence sourceCount
			quantities { value unit approx } roles { role entity { __typename name } } ` + evidence + ` } } }`},
		{"entities-countries", `{ entities(kind: Country, first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name degree } } } }`},
		{"search-kim-jong-un", `{ search(text: "Kim Jong-un", first: 3) { score entity { id name } } }`},
		{"search-turkiye", `{ search(text: "Turkiye", first: 3) { score entity { id name } } }`},
		{"search-typo", `{ search(text: "Zelenksy", kinds: [Person], first: 3) { entity { id name } } }`},
		{"path-kim-ukraine", `{ shortestPath(from: "person:kim-jong-un", to: "country:UKR") { length nodes { ` + node + ` } edges { type from to } } }`},
		{"paths-kim-ukraine-relations-only", `{ paths(from: "Kim Jong Un", to: "Ukraine", maxHops: 4, relationTypes: ["LEADS", "DEPLOYED_TROOPS_TO", "SUPPLIES", "AT_WAR_WITH", "SUPPORTS"], first: 5) {
			length nodes { ` + node + ` } edges { ` + edge + ` } } }`},
		{"timeline-north-korea", `{ entity(id: "country:PRK") { timeline { id type label time { value precision start end } modality quantities { value unit approx of } sourceCount } } }`},
		{"neighborhood-russia", `{ entity(id: "country:RUS") { name neighborhood(depth: 1) { nodes { distance node { ` + node + ` } } edges { ` + edge + ` } } } }`},
		{"neighborhood-russia-filtered", `{ entity(id: "country:RUS") { neighborhood(depth: 2, relationTypes: ["SUPPLIES", "DEPLOYED_TROOPS_TO", "ALLIED_WITH"], direction: IN, minConfidence: 0.7, limit: 20) {
			nodes { distance node { ` + node + ` } } edges { type from to confidence } } } }`},
		{"relations-north-korea", `{ entity(id: "country:PRK") { relations(first: 5) { type from { name } to { name } confidence sourceCount modality time { value precision } quantities { value unit approx } ` + evidence + ` } } }`},
		{"connections", `{ connections(ids: ["person:kim-jong-un", "person:volodymyr-zelensky", "person:donald-trump"], maxHops: 4) { nodes { distance node { ` + node + ` } } edges { type from to } } }`},
		{"supply-chain-russia", `{ supplyChain(recipient: "country:RUS", maxHops: 3) { paths { length nodes { ` + node + ` } } subgraph { edges { ` + edge + ` } } } }`},
		{"events-north-korea", `{ events(filter: {participant: "country:PRK", from: "2025-10-01"}, first: 3) { totalCount pageInfo { hasNextPage } edges { node { id type time { value precision } } } } }`},
		{"stats", `{ stats { entities events articles relations entitiesByKind { name count } relationsByType { name count } eventsByType { name count } } }`},
		{"error-not-found", `{ entity(id: "country:ATL") { id } node(id: "nothing") { id } }`},
		{"error-first", `{ search(text: "Korea", first: 101) { score } }`},
		{"error-complexity", `{ search(text: "Korea", first: 100000) { score } }`},
		{"error-max-hops", `{ shortestPath(from: "country:PRK", to: "country:UKR", maxHops: 50) { length } }`},
		{"error-depth-argument", `{ neighbors(id: "country:PRK", depth: 20) { nodes { distance } } }`},
		{"error-bad-argument", `{ entity(id: "country:PRK") { relations(type: "LOVES") { type } } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, raw := postGraphQL(t, url, tt.query, nil)
			if status != http.StatusOK {
				t.Fatalf("status %d: %s", status, raw)
			}
			golden(t, tt.name, raw)
		})
	}
}

// The ingest mutation needs the token, validates with positions, and writes.
func TestIngestMutation(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t, "FACTGRAPH_TOKEN", "s3cret-token")
	mustRun(t, env, "load", sample)
	url := mustServe(t, env)
	const m = `mutation($facts: String!) { ingest(facts: $facts, format: ndjson) { articles relations created updated unchanged } }`
	facts := `{"article": {"id": "article:ui", "title": "From the UI", "publishedAt": "2026-01-10"}}
{"relation": {"type": "SUPPLIES", "from": "DPRK", "to": "Russia", "confidence": 0.7, "evidence": [{"article": "article:ui", "quote": "More shells went north."}]}}`

	status, raw := postGraphQL(t, url, m, map[string]any{"facts": facts})
	if status != http.StatusOK || !strings.Contains(string(raw), `"UNAUTHENTICATED"`) {
		t.Errorf("without a token: %d %s", status, raw)
	}
	status, raw = postGraphQL(t, url, m, map[string]any{"facts": facts}, "Authorization", "Bearer s3cret-token")
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, raw)
	}
	golden(t, "ingest", raw)
	bad := `{"relation": {"type": "SUPPLIES", "from": "DPRK", "to": "Atlantis", "evidence": [{"article": "article:ui", "quote": "q"}]}}`
	_, raw = postGraphQL(t, url, m, map[string]any{"facts": bad}, "Authorization", "Bearer s3cret-token")
	golden(t, "ingest-invalid", raw)

	_, raw = postGraphQL(t, url, `{ entity(id: "country:PRK") { relations(type: "SUPPLIES") { to { name } sourceCount evidence { quote article { id } } } } }`, nil)
	golden(t, "ingest-result", raw)
}
