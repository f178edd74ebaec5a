package loader_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// sampleNDJSON converts the bundled sample into NDJSON lines, with one relation moved
// before every entity so that references come before the declarations.
func sampleNDJSON(t *testing.T) []byte {
	t.Helper()
	fs, err := loader.Parse("sample.json", loader.FormatJSON, mustOpen(t, sample))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	line := func(kind string, v any) {
		raw, err := json.Marshal(map[string]any{kind: v})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(raw)
		b.WriteByte('\n')
	}
	line("relation", fs.Relations[len(fs.Relations)-1])
	for _, a := range fs.Articles {
		line("article", a)
	}
	b.WriteString("\n") // blank lines are allowed
	for _, e := range fs.Entities {
		line("entity", e)
	}
	for _, r := range fs.Relations[:len(fs.Relations)-1] {
		line("relation", r)
	}
	for _, e := range fs.Events {
		line("event", e)
	}
	return b.Bytes()
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// NDJSON with references before declarations, read from a stream with the format
// sniffed, builds exactly the graph the JSON document builds.
func TestNDJSONBuildsTheSameGraphAsJSON(t *testing.T) {
	db := graphtest.Open(t)
	mustLoadFile(t, db, sample)
	want := graphtest.Checksum(t, db)

	graphtest.Wipe(t, db)
	l := &loader.Loader{Writer: db, Options: loader.Options{BatchSize: 7, Parallelism: 3}}
	sum, err := l.LoadReader(context.Background(), "stdin", bytes.NewReader(sampleNDJSON(t)), loader.FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Format != loader.FormatNDJSON || sum.Records() != 63 || sum.Created != 63 {
		t.Errorf("summary = %+v, want 63 NDJSON records created", sum)
	}
	if got := graphtest.Checksum(t, db); got != want {
		t.Error("the NDJSON load built a different graph from the JSON load")
	}
}

func TestNDJSONProblemsHaveLineNumbers(t *testing.T) {
	in := strings.Join([]string{
		`{"entity": {"id": "country:PRK", "kind": "Country", "name": "North Korea"}}`,
		`{"entity": {"id": "country:RUS", "kind": "Country", "name": "Russia"}, "article": {"id": "a", "title": "A"}}`,
		`{"entiti": {"id": "x"}}`,
		`{"relation": {"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS", "confidence": "high", "evidence": []}}`,
		`{"entity": {"id": "country:UKR", "kind": "Country", "name": "Ukraine"`,
		`not json`,
		`{"event": {"id": "event:e", "type": "VISIT", "label": "A visit", "roles": [{"role": "HOST", "entity": "country:PRK"}], "evidence": [{"article": "a", "quote": "q"}]}}`,
	}, "\n")
	_, err := loader.Parse("in.ndjson", loader.FormatNDJSON, strings.NewReader(in))
	var ve *loader.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	want := []string{
		"in.ndjson:2:1: a line holds exactly one record",
		`in.ndjson:3:2: unknown record kind "entiti"`,
		"in.ndjson:4:",
		"in.ndjson:5:",
		"in.ndjson:6:3: not a JSON object: invalid character 'o'",
		`in.ndjson:7:1: event.roles[0].role: must be one of AGENT`,
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ve.Problems), len(want), err)
	}
	for i, w := range want {
		if got := ve.Problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d = %q, want prefix %q", i, got, w)
		}
	}
	if got := ve.Problems[2].String(); !strings.Contains(got, "relation.confidence: want a number, got a JSON string") {
		t.Errorf("type error = %q, want it to name relation.confidence", got)
	}
}

func TestCSVFiles(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db}
	ctx := context.Background()
	for _, f := range []string{"entities.csv", "articles.csv", "relations.csv"} {
		sum, err := l.LoadFile(ctx, filepath.Join("testdata", "csv", f), "")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if sum.Format != loader.FormatCSV || sum.Created == 0 {
			t.Errorf("%s: summary %+v", f, sum)
		}
	}
	nb, err := db.Neighborhood(ctx, "country:PRK", factgraph.NeighborhoodQuery{Depth: 1, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]factgraph.Edge{}
	for _, e := range nb.Edges {
		got[e.From+" "+e.Type+" "+e.To] = e
	}
	leads, ok := got["person:kim-jong-un LEADS country:PRK"]
	if !ok {
		t.Fatalf("no LEADS edge resolved from the names Kim Jong-un and DPRK: %v", got)
	}
	if *leads.Confidence != 0.95 || leads.Evidence[0].Source.Title != "Kim orders more shell factories, state media says" {
		t.Errorf("LEADS = %+v", leads)
	}
	if _, ok := got["country:PRK DEPLOYED_TROOPS_TO country:RUS"]; !ok {
		t.Error("no DEPLOYED_TROOPS_TO edge")
	}
}

func TestCSVProblems(t *testing.T) {
	tests := []struct{ file, want string }{
		{"bad-relations.csv", `bad-relations.csv:2:62: confidence: "high" is not a number`},
		{"unknown-column.csv", `unknown-column.csv:1:4: unknown column "colour" for a entity file`},
	}
	for _, tt := range tests {
		_, err := loader.Parse(tt.file, loader.FormatCSV, mustOpen(t, filepath.Join("testdata", "csv", tt.file)))
		var ve *loader.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("%s: err = %v", tt.file, err)
		}
		if got := ve.Problems[0].String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: problem = %q, want prefix %q", tt.file, got, tt.want)
		}
	}
	_, err := loader.Parse("bad-relations.csv", loader.FormatCSV, mustOpen(t, filepath.Join("testdata", "csv", "bad-relations.csv")))
	if !strings.Contains(err.Error(), "bad-relations.csv:3:") || !strings.Contains(err.Error(), "quote: must not be empty") {
		t.Errorf("the empty quote on line 3 is not reported: %v", err)
	}
}

// Names and aliases in references resolve to the entities already in the graph, across
// case, diacritics and hyphens; nothing new is created for them.
func TestAliasResolution(t *testing.T) {
	db := graphtest.Open(t)
	ctx := context.Background()
	mustLoadFile(t, db, sample)
	nodes, _ := graphtest.Counts(t, db)
	l := &loader.Loader{Writer: db}
	sum, err := l.LoadReader(ctx, "aliases.json", strings.NewReader(`{
  "articles": [{"id": "article:aliases", "title": "Names", "publishedAt": "2026-01-02"}],
  "relations": [
    {"type": "SUPPLIES", "from": "DPRK", "to": "russian federation", "evidence": [{"article": "article:aliases", "quote": "The DPRK sent more shells."}]},
    {"type": "NEGOTIATES_WITH", "from": "TÜRKIYE", "to": "Zelenskiy", "evidence": [{"article": "article:aliases", "quote": "Ankara spoke with Zelenskiy."}]}
  ],
  "events": [{"id": "event:aliases", "type": "VISIT", "label": "A visit",
              "roles": [{"role": "AGENT", "entity": "kim jong-un"}, {"role": "LOCATION", "entity": "Bosporus"}],
              "evidence": [{"article": "article:aliases", "quote": "Kim Jong-un visited."}]}]
}`), loader.FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 3 || sum.Updated != 1 {
		t.Errorf("created %d, updated %d; want 3 created (article, NEGOTIATES_WITH, event) and 1 updated (SUPPLIES gains a source)", sum.Created, sum.Updated)
	}
	if n, _ := graphtest.Counts(t, db); n != nodes+2 {
		t.Errorf("nodes %d -> %d, want only the new article and event", nodes, n)
	}
	nb, err := db.Neighborhood(ctx, "event:aliases", factgraph.NeighborhoodQuery{Depth: 1, Limit: 10})
	if factgraph.ErrorCode(err) != factgraph.ENOTFOUND {
		t.Errorf("an event is not an entity: %v %v", nb, err)
	}
	kim, err := db.Neighborhood(ctx, "person:kim-jong-un", factgraph.NeighborhoodQuery{Depth: 1, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range kim.Nodes {
		if n.Event != nil && n.Event.ID == "event:aliases" {
			found = true
		}
	}
	if !found {
		t.Error("the event's AGENT Kim Jong-un did not resolve to person:kim-jong-un")
	}
	tur, err := db.Neighborhood(ctx, "country:TUR", factgraph.NeighborhoodQuery{Depth: 1, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, e := range tur.Edges {
		if e.Type == "NEGOTIATES_WITH" && e.To == "person:volodymyr-zelensky" {
			ok = true
		}
	}
	if !ok {
		t.Error("TÜRKIYE -> Zelenskiy did not resolve to country:TUR -> person:volodymyr-zelensky")
	}
}

func TestAmbiguousNameIsAnError(t *testing.T) {
	db := graphtest.Open(t)
	ctx := context.Background()
	mustLoadFile(t, db, sample)
	l := &loader.Loader{Writer: db}
	if _, err := l.LoadReader(ctx, "kim.json", strings.NewReader(`{"entities": [
	  {"id": "person:kim-yo-jong", "kind": "Person", "name": "Kim Yo Jong", "aliases": ["Kim"]},
	  {"id": "person:kim-il-sung", "kind": "Person", "name": "Kim Il Sung", "aliases": ["Kim"]}]}`), loader.FormatJSON); err != nil {
		t.Fatal(err)
	}
	_, err := l.LoadReader(ctx, "ref.json", strings.NewReader(`{
  "articles": [{"id": "article:k", "title": "K"}],
  "relations": [{"type": "LEADS", "from": "Kim", "to": "country:PRK", "evidence": [{"article": "article:k", "quote": "Kim leads."}]}]
}`), loader.FormatJSON)
	want := `ref.json:3:17: relations[0].from: "Kim" is ambiguous: it names person:kim-il-sung, person:kim-yo-jong in the graph; use an id`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// With --skip-invalid, the valid records are written and the invalid ones reported.
func TestSkipInvalid(t *testing.T) {
	db := graphtest.Open(t)
	l := &loader.Loader{Writer: db, Options: loader.Options{SkipInvalid: true}}
	sum, err := l.LoadReader(context.Background(), "mixed.ndjson", strings.NewReader(strings.Join([]string{
		`{"entity": {"id": "country:PRK", "kind": "Country", "name": "North Korea"}}`,
		`{"entity": {"id": "country:RUS", "kind": "Kountry", "name": "Russia"}}`,
		`{"article": {"id": "article:a", "title": "A"}}`,
		`{"relation": {"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS", "evidence": [{"article": "article:a", "quote": "q"}]}}`,
	}, "\n")), loader.FormatAuto)
	if factgraph.ErrorCode(err) != factgraph.EINVALID || !strings.Contains(err.Error(), "mixed.ndjson:2:") {
		t.Errorf("err = %v, want the bad kind on line 2 reported", err)
	}
	if sum.Created != 2 || sum.Rejected != 1 {
		t.Errorf("summary = %+v, want 2 created (entity, article) and 1 rejected", sum)
	}
	if n, r := graphtest.Counts(t, db); n != 2 || r != 0 {
		t.Errorf("graph has %d nodes, %d rels; want 2 and 0", n, r)
	}
}

func TestRelationToItselfByTwoNamesIsRejected(t *testing.T) {
	db := graphtest.Open(t)
	mustLoadFile(t, db, sample)
	l := &loader.Loader{Writer: db}
	_, err := l.LoadReader(context.Background(), "self.ndjson", strings.NewReader(
		`{"article": {"id": "article:self", "title": "Self"}}`+"\n"+
			`{"relation": {"type": "ALLIED_WITH", "from": "DPRK", "to": "North Korea", "evidence": [{"article": "article:self", "quote": "q"}]}}`+"\n"), loader.FormatAuto)
	want := `self.ndjson:2:1: relation.to: "DPRK" and "North Korea" are the same entity (country:PRK)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestKindCannotChangeAcrossLoads(t *testing.T) {
	db := graphtest.Open(t)
	mustLoadFile(t, db, sample)
	l := &loader.Loader{Writer: db}
	_, err := l.LoadReader(context.Background(), "kind.json", strings.NewReader(
		`{"entities": [{"id": "country:PRK", "kind": "Organization", "name": "North Korea"}]}`), loader.FormatJSON)
	want := `kind.json:1:15: entities[0].id: entity "country:PRK" is a Country in the graph; it cannot be declared a Organization`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestByteOrderMarkIsIgnored(t *testing.T) {
	for format, in := range map[string]string{
		loader.FormatNDJSON: "\ufeff" + `{"entity": {"id": "country:PRK", "kind": "Country", "name": "North Korea"}}`,
		loader.FormatJSON:   "\ufeff" + `{"entities": [{"id": "country:PRK", "kind": "Country", "name": "North Korea"}]}`,
		loader.FormatCSV:    "\ufeffid,kind,name\ncountry:PRK,Country,North Korea\n",
	} {
		fs, err := loader.Parse("bom", format, strings.NewReader(in))
		if err != nil || len(fs.Entities) != 1 {
			t.Errorf("%s with a byte-order mark: %v", format, err)
		}
	}
}
