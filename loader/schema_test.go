package loader_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/factgraph/factgraph"
)

// The JSON Schemas of the fact formats (docs/facts.schema.json for a document,
// docs/facts-line.schema.json for one NDJSON line) are checked here against the bundled
// sample, the NDJSON test files, the examples in docs/facts.md and the Go validation rules.
// These tests need no database: go test -run Schema ./loader

var (
	docSchemaFile  = filepath.Join("..", "docs", "facts.schema.json")
	lineSchemaFile = filepath.Join("..", "docs", "facts-line.schema.json")
	factsDoc       = filepath.Join("..", "docs", "facts.md")
	sampleJSON     = filepath.Join("..", "data", "sample.json")
)

type schemas struct{ doc, line *jsonschema.Schema }

// compileSchemas compiles both schemas from their files. The line schema refers to the
// record definitions of the document schema with a relative $ref, resolved from disk.
// Formats (date, uri) are asserted, as the loader checks dates and URLs too.
func compileSchemas(t *testing.T) schemas {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	compile := func(file string) *jsonschema.Schema {
		abs, err := filepath.Abs(file)
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(abs)
		if err != nil {
			t.Fatalf("compile %s: %v", file, err)
		}
		return s
	}
	return schemas{doc: compile(docSchemaFile), line: compile(lineSchemaFile)}
}

// validate reports the schema's verdict on a JSON text.
func validate(s *jsonschema.Schema, text string) error {
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return s.Validate(v)
}

// goAcceptsDoc applies the Go rules to a JSON document independently of the loader's
// parser: strict decoding (unknown fields rejected) and every record's Validate.
func goAcceptsDoc(text string) error {
	d := json.NewDecoder(strings.NewReader(text))
	d.DisallowUnknownFields()
	var fs factgraph.FactSet
	if err := d.Decode(&fs); err != nil {
		return err
	}
	for i := range fs.Articles {
		if err := fs.Articles[i].Validate(); err != nil {
			return fmt.Errorf("articles[%d]: %w", i, err)
		}
	}
	for i := range fs.Entities {
		if err := fs.Entities[i].Validate(); err != nil {
			return fmt.Errorf("entities[%d]: %w", i, err)
		}
	}
	for i := range fs.Relations {
		if err := fs.Relations[i].Validate(); err != nil {
			return fmt.Errorf("relations[%d]: %w", i, err)
		}
	}
	for i := range fs.Events {
		if err := fs.Events[i].Validate(); err != nil {
			return fmt.Errorf("events[%d]: %w", i, err)
		}
	}
	return nil
}

// goAcceptsLine applies the Go rules to one NDJSON line: one key naming the record kind,
// the record decoded strictly and validated.
func goAcceptsLine(text string) error {
	var wrapper map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &wrapper); err != nil {
		return err
	}
	if len(wrapper) != 1 {
		return fmt.Errorf("%d keys, want 1", len(wrapper))
	}
	for kind, raw := range wrapper {
		var v interface{ Validate() error }
		switch kind {
		case "article":
			v = new(factgraph.Article)
		case "entity":
			v = new(factgraph.Entity)
		case "relation":
			v = new(factgraph.Relation)
		case "event":
			v = new(factgraph.Event)
		default:
			return fmt.Errorf("unknown record kind %q", kind)
		}
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(v); err != nil {
			return err
		}
		return v.Validate()
	}
	return nil
}

func TestSchemaAcceptsSample(t *testing.T) {
	s := compileSchemas(t)
	data, err := os.ReadFile(sampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(s.doc, string(data)); err != nil {
		t.Errorf("data/sample.json does not match docs/facts.schema.json:\n%v", err)
	}
	if err := goAcceptsDoc(string(data)); err != nil {
		t.Errorf("data/sample.json fails the Go validation: %v", err)
	}
}

// ndjsonLines returns the non-blank lines of an NDJSON file with their line numbers.
func ndjsonLines(t *testing.T, file string) (lines []string, numbers []int) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue // blank lines are ignored
		}
		lines = append(lines, sc.Text())
		numbers = append(numbers, n)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	return lines, numbers
}

func TestSchemaAcceptsValidNDJSON(t *testing.T) {
	s := compileSchemas(t)
	files, err := filepath.Glob(filepath.Join("testdata", "valid", "*.ndjson"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/valid/*.ndjson files")
	}
	for _, file := range files {
		lines, numbers := ndjsonLines(t, file)
		if len(lines) == 0 {
			t.Errorf("%s has no records", file)
		}
		for i, line := range lines {
			if err := validate(s.line, line); err != nil {
				t.Errorf("%s:%d does not match docs/facts-line.schema.json:\n%v", file, numbers[i], err)
			}
			if err := goAcceptsLine(line); err != nil {
				t.Errorf("%s:%d fails the Go validation: %v", file, numbers[i], err)
			}
		}
	}
}

// sample.ndjson holds the records of sample.json, one relation before the entities.
func TestSchemaSampleNDJSONHasTheSampleRecords(t *testing.T) {
	data, err := os.ReadFile(sampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string][]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	canon := func(kind string, rec any) string {
		b, err := json.Marshal(map[string]any{kind: rec}) // map keys are sorted
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var want []string
	for section, kind := range map[string]string{"articles": "article", "entities": "entity", "relations": "relation", "events": "event"} {
		for _, rec := range doc[section] {
			want = append(want, canon(kind, rec))
		}
	}
	lines, _ := ndjsonLines(t, filepath.Join("testdata", "valid", "sample.ndjson"))
	var got []string
	firstRelation, firstEntity := -1, -1
	for i, line := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for kind, v := range rec {
			got = append(got, canon(kind, v))
			if kind == "relation" && firstRelation < 0 {
				firstRelation = i
			}
			if kind == "entity" && firstEntity < 0 {
				firstEntity = i
			}
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("testdata/valid/sample.ndjson does not hold the records of data/sample.json (%d records, want %d); regenerate it", len(got), len(want))
	}
	if firstRelation < 0 || firstEntity < 0 || firstRelation > firstEntity {
		t.Errorf("sample.ndjson should have a relation before the first entity (out-of-order references); first relation at record %d, first entity at %d", firstRelation, firstEntity)
	}
}

// baseDoc is a small valid document that the cases below break in one place each.
const baseDoc = `{
  "articles": [{"id": "article:nk-munitions-2025-12-26", "title": "Kim Jong Un Calls for New Factories",
                "url": "https://example.org/factgraph/articles/nk-munitions-2025-12-26", "publishedAt": "2025-12-26"}],
  "entities": [{"id": "country:PRK", "kind": "Country", "name": "North Korea", "aliases": ["DPRK"],
                "keys": {"iso3166_alpha3": "PRK"}},
               {"id": "country:RUS", "kind": "Country", "name": "Russia"}],
  "relations": [{"type": "DEPLOYED_TROOPS_TO", "from": "DPRK", "to": "country:RUS", "confidence": 0.75,
                 "modality": "reported", "time": {"value": "2025", "precision": "year"},
                 "quantities": [{"value": 15000, "unit": "troops", "approx": true}],
                 "evidence": [{"article": "article:nk-munitions-2025-12-26", "quote": "North Korea is reported to have sent about 15,000 troops.",
                               "start": 10, "end": 70}]}],
  "events": [{"id": "event:nk-troops-to-russia", "type": "DEPLOYMENT", "label": "North Korea sends about 15,000 troops",
              "time": {"value": "2025-Q4", "precision": "quarter"},
              "roles": [{"role": "AGENT", "entity": "country:PRK"}, {"role": "BENEFICIARY", "entity": "Russia"}],
              "evidence": [{"article": "article:nk-munitions-2025-12-26", "quote": "North Korea is reported to have sent about 15,000 troops."}]}]
}`

// mutate returns baseDoc changed by f, which edits the decoded document.
func mutate(t *testing.T, f func(doc map[string]any)) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(baseDoc), &doc); err != nil {
		t.Fatal(err)
	}
	f(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rec is the i-th record of a section of a decoded document.
func rec(doc map[string]any, section string, i int) map[string]any {
	return doc[section].([]any)[i].(map[string]any)
}

type docCase struct {
	name string
	edit func(doc map[string]any)
}

// badDocs each break baseDoc in one way that both the schema and Go reject.
var badDocs = []docCase{
	{"entity kind not in the list", func(d map[string]any) { rec(d, "entities", 0)["kind"] = "Planet" }},
	{"quarter value with month precision", func(d map[string]any) {
		rec(d, "events", 0)["time"] = map[string]any{"value": "2025-Q4", "precision": "month"}
	}},
	{"extra field in an entity", func(d map[string]any) { rec(d, "entities", 1)["nmae"] = "Russia" }},
	{"extra top-level key", func(d map[string]any) { d["facts"] = []any{} }},
	{"extra field in evidence", func(d map[string]any) {
		rec(d, "relations", 0)["evidence"].([]any)[0].(map[string]any)["page"] = 3
	}},
	{"relation type not in the list", func(d map[string]any) { rec(d, "relations", 0)["type"] = "LIKES" }},
	{"event type not in the list", func(d map[string]any) { rec(d, "events", 0)["type"] = "PARTY" }},
	{"role not in the list", func(d map[string]any) {
		rec(d, "events", 0)["roles"].([]any)[0].(map[string]any)["role"] = "VICTIM"
	}},
	{"modality not in the list", func(d map[string]any) { rec(d, "relations", 0)["modality"] = "rumoured" }},
	{"precision not in the list", func(d map[string]any) {
		rec(d, "relations", 0)["time"] = map[string]any{"value": "2025", "precision": "decade"}
	}},
	{"id with a space", func(d map[string]any) { rec(d, "entities", 0)["id"] = "country PRK" }},
	{"id starting with a dash", func(d map[string]any) { rec(d, "events", 0)["id"] = "-event" }},
	{"id of 201 characters", func(d map[string]any) { rec(d, "articles", 0)["id"] = strings.Repeat("a", 201) }},
	{"confidence above 1", func(d map[string]any) { rec(d, "relations", 0)["confidence"] = 1.2 }},
	{"negative confidence", func(d map[string]any) { rec(d, "events", 0)["confidence"] = -0.1 }},
	{"relation without evidence", func(d map[string]any) { rec(d, "relations", 0)["evidence"] = []any{} }},
	{"relation without to", func(d map[string]any) { delete(rec(d, "relations", 0), "to") }},
	{"event without roles", func(d map[string]any) { rec(d, "events", 0)["roles"] = []any{} }},
	{"evidence start without end", func(d map[string]any) {
		delete(rec(d, "relations", 0)["evidence"].([]any)[0].(map[string]any), "end")
	}},
	{"negative evidence start", func(d map[string]any) {
		rec(d, "relations", 0)["evidence"].([]any)[0].(map[string]any)["start"] = -1
	}},
	{"blank quote", func(d map[string]any) {
		rec(d, "events", 0)["evidence"].([]any)[0].(map[string]any)["quote"] = "  "
	}},
	{"blank entity name", func(d map[string]any) { rec(d, "entities", 0)["name"] = " " }},
	{"blank alias", func(d map[string]any) { rec(d, "entities", 0)["aliases"] = []any{"DPRK", ""} }},
	{"key name not lower case", func(d map[string]any) { rec(d, "entities", 0)["keys"] = map[string]any{"ISO3166": "KP"} }},
	{"quantity without unit", func(d map[string]any) {
		rec(d, "relations", 0)["quantities"] = []any{map[string]any{"value": 15000}}
	}},
	{"article url not http", func(d map[string]any) { rec(d, "articles", 0)["url"] = "ftp://example.org/a" }},
	{"article url relative", func(d map[string]any) { rec(d, "articles", 0)["url"] = "/articles/a" }},
	{"publishedAt not a date", func(d map[string]any) { rec(d, "articles", 0)["publishedAt"] = "26/12/2025" }},
	{"article without title", func(d map[string]any) { delete(rec(d, "articles", 0), "title") }},
	{"entity name a number", func(d map[string]any) { rec(d, "entities", 0)["name"] = 42 }},
	{"section not an array", func(d map[string]any) { d["events"] = map[string]any{} }},
}

func TestSchemaRejectsBadRecords(t *testing.T) {
	s := compileSchemas(t)
	if err := validate(s.doc, baseDoc); err != nil {
		t.Fatalf("the base document does not match the schema:\n%v", err)
	}
	if err := goAcceptsDoc(baseDoc); err != nil {
		t.Fatalf("the base document fails the Go validation: %v", err)
	}
	for _, tc := range badDocs {
		t.Run(tc.name, func(t *testing.T) {
			doc := mutate(t, tc.edit)
			if err := validate(s.doc, doc); err == nil {
				t.Errorf("the document schema accepts it:\n%s", doc)
			}
			if err := goAcceptsDoc(doc); err == nil {
				t.Errorf("the Go validation accepts it, the schema does not; update the test or the schema:\n%s", doc)
			}
		})
	}

	goodLine := `{"entity":{"id":"country:PRK","kind":"Country","name":"North Korea","aliases":["DPRK"]}}`
	if err := validate(s.line, goodLine); err != nil {
		t.Fatalf("the base line does not match the line schema:\n%v", err)
	}
	badLines := []struct{ name, line string }{
		{"kind not in the list", `{"entity":{"id":"country:PRK","kind":"Planet","name":"North Korea"}}`},
		{"quarter value with month precision", `{"event":{"id":"e1","type":"INSPECTION","label":"Kim tours munitions enterprises","time":{"value":"2025-Q4","precision":"month"},"roles":[{"role":"AGENT","entity":"Kim Jong Un"}],"evidence":[{"article":"a1","quote":"q"}]}}`},
		{"extra field in the record", `{"entity":{"id":"country:PRK","kind":"Country","name":"North Korea","nmae":"DPRK"}}`},
		{"two records on one line", `{"entity":{"id":"country:PRK","kind":"Country","name":"North Korea"},"article":{"id":"a1","title":"T"}}`},
		{"unknown record key", `{"entities":{"id":"country:PRK","kind":"Country","name":"North Korea"}}`},
		{"empty object", `{}`},
		{"array instead of object", `[{"id":"country:PRK","kind":"Country","name":"North Korea"}]`},
		{"relation without evidence", `{"relation":{"type":"LEADS","from":"Kim Jong Un","to":"DPRK","evidence":[]}}`},
	}
	for _, tc := range badLines {
		t.Run("line/"+tc.name, func(t *testing.T) {
			if err := validate(s.line, tc.line); err == nil {
				t.Errorf("the line schema accepts %s", tc.line)
			}
			if err := goAcceptsLine(tc.line); err == nil {
				t.Errorf("the Go validation accepts %s, the schema does not", tc.line)
			}
		})
	}
}

// The schema's time patterns, id pattern, key pattern and date checks give the same
// verdict as the Go validation over a corpus of values.
func TestSchemaValueRulesMatchGo(t *testing.T) {
	s := compileSchemas(t)
	agree := func(t *testing.T, what string, edit func(doc map[string]any)) {
		t.Helper()
		doc := mutate(t, edit)
		schemaErr, goErr := validate(s.doc, doc), goAcceptsDoc(doc)
		if (schemaErr == nil) != (goErr == nil) {
			t.Errorf("%s: schema says %v, Go says %v", what, verdict(schemaErr), verdict(goErr))
		}
	}
	values := []string{
		"2025-12-26", "2025-12", "2025-Q4", "2025", "2025-Q1", "2025-Q0", "2025-Q5", "2025-q4",
		"2025-00", "2025-13", "2025-1", "2025-12-00", "2025-12-32", "2025-02-29", "2024-02-29",
		"2025-02-30", "2025-04-31", "25", "20251", "2025-12-26T00:00:00Z", " 2025", "", "Q4 2025",
	}
	precisions := []string{factgraph.PrecisionDay, factgraph.PrecisionMonth, factgraph.PrecisionQuarter, factgraph.PrecisionYear, "week", ""}
	for _, p := range precisions {
		for _, v := range values {
			agree(t, fmt.Sprintf("time %q/%q", v, p), func(d map[string]any) {
				rec(d, "events", 0)["time"] = map[string]any{"value": v, "precision": p}
			})
		}
	}
	ids := []string{
		"country:PRK", "a", "0", "A-b_c.d:e", "-a", "_a", ".a", ":a", "a b", "a/b", "a|b", "ä",
		"a" + strings.Repeat("b", 199), "a" + strings.Repeat("b", 200), "", "a\n",
	}
	for _, id := range ids {
		agree(t, fmt.Sprintf("entity id %q", id), func(d map[string]any) { rec(d, "entities", 1)["id"] = id })
		agree(t, fmt.Sprintf("evidence article %q", id), func(d map[string]any) {
			rec(d, "events", 0)["evidence"].([]any)[0].(map[string]any)["article"] = id
		})
	}
	for _, k := range []string{"iso3166_alpha3", "a", "a1_", "A", "1a", "_a", "a-b", "a b", "", strings.Repeat("a", 64), strings.Repeat("a", 65)} {
		agree(t, fmt.Sprintf("key %q", k), func(d map[string]any) { rec(d, "entities", 0)["keys"] = map[string]any{k: "x"} })
	}
	for _, date := range []string{"2025-12-26", "2025-02-29", "2024-02-29", "2025-13-01", "2025-12-1", "20251226", "2025-12-26T10:00:00Z"} {
		agree(t, fmt.Sprintf("publishedAt %q", date), func(d map[string]any) { rec(d, "articles", 0)["publishedAt"] = date })
	}
	for _, u := range []string{"https://example.org/a", "http://example.org", "HTTPS://example.org/a", "ftp://example.org", "example.org/a", "https:///a", "mailto:a@example.org"} {
		agree(t, fmt.Sprintf("url %q", u), func(d map[string]any) { rec(d, "articles", 0)["url"] = u })
	}
	for _, c := range []float64{0, 0.5, 1, 1.0001, -0.0001} {
		agree(t, fmt.Sprintf("confidence %v", c), func(d map[string]any) { rec(d, "relations", 0)["confidence"] = c })
	}
}

func verdict(err error) string {
	if err == nil {
		return "valid"
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i] + " ..."
	}
	return "invalid (" + msg + ")"
}

// The allow-lists in the schema are those of the Go package, in the same order.
func TestSchemaAllowListsMatchGo(t *testing.T) {
	data, err := os.ReadFile(docSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		def  string
		want []string
	}{
		{"entityKind", factgraph.EntityKinds},
		{"relationType", factgraph.RelationTypes},
		{"eventType", factgraph.EventTypes},
		{"role", factgraph.Roles},
		{"modality", factgraph.Modalities},
		{"timePrecision", []string{factgraph.PrecisionDay, factgraph.PrecisionMonth, factgraph.PrecisionQuarter, factgraph.PrecisionYear}},
	} {
		got := schema.Defs[tc.def].Enum
		if !slices.Equal(got, tc.want) {
			t.Errorf("$defs.%s.enum in docs/facts.schema.json = %q\nthe Go allow-list is           %q", tc.def, got, tc.want)
		}
	}
}

// fencedBlock matches a fenced code block of docs/facts.md with its info string.
var fencedBlock = regexp.MustCompile("(?ms)^```([a-z]*)[^\\n]*\\n(.*?)^```")

// The ```json and ```ndjson examples of docs/facts.md are valid (fragments there are
// marked ```jsonc and not checked).
func TestSchemaAcceptsDocExamples(t *testing.T) {
	s := compileSchemas(t)
	data, err := os.ReadFile(factsDoc)
	if err != nil {
		t.Fatal(err)
	}
	var docs, lines int
	for _, m := range fencedBlock.FindAllSubmatchIndex(data, -1) {
		lang, body := string(data[m[2]:m[3]]), string(data[m[4]:m[5]])
		at := bytes.Count(data[:m[4]], []byte("\n")) + 1 // the line of the block's first line
		switch lang {
		case "json":
			docs++
			if err := validate(s.doc, body); err != nil {
				t.Errorf("docs/facts.md:%d: JSON example does not match the document schema:\n%v", at, err)
			}
			if err := goAcceptsDoc(body); err != nil {
				t.Errorf("docs/facts.md:%d: JSON example fails the Go validation: %v", at, err)
			}
		case "ndjson":
			for i, line := range strings.Split(body, "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				lines++
				if err := validate(s.line, line); err != nil {
					t.Errorf("docs/facts.md:%d: NDJSON example line does not match the line schema:\n%v", at+i, err)
				}
				if err := goAcceptsLine(line); err != nil {
					t.Errorf("docs/facts.md:%d: NDJSON example line fails the Go validation: %v", at+i, err)
				}
			}
		}
	}
	if docs == 0 || lines == 0 {
		t.Errorf("docs/facts.md has %d JSON examples and %d NDJSON example lines; want some of each", docs, lines)
	}
}
