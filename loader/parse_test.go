package loader_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/loader"
)

// Each malformed file is rejected with its position: file:line[:col], the field where
// there is one, and what is wrong. The want strings were checked against the files by hand.
func TestParseJSONMalformed(t *testing.T) {
	tests := []struct {
		file string
		want string // a substring of the one problem reported
	}{
		{"truncated.json", "truncated.json:11:1: unexpected end of input (truncated JSON?)"},
		{"wrong-type.json", "wrong-type.json:8:6: entities[1].name: want a string, got a JSON number"},
		{"invalid-utf8.json", "invalid-utf8.json:6:56: invalid UTF-8"},
		{"label-injection.json", `label-injection.json:7:5: entities[1].kind: must be one of Country, Person`},
		{"reltype-injection.json", `reltype-injection.json:10:5: relations[0].type: must be one of LEADS`},
		{"unknown-field.json", `unknown-field.json:6:69: entities[0]: unknown field "nmae"`},
		{"bad-time.json", `bad-time.json:10:5: events[0].time.value: "2025-Q4" is not a month (want 2025-12)`},
		{"not-an-object.json", "not-an-object.json:1:1: a fact file is a JSON object"},
		{"trailing-garbage.json", "trailing-garbage.json:11:1: unexpected data after the fact document"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "malformed", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, err = loader.Parse(tt.file, loader.FormatJSON, f)
			var ve *loader.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("ParseJSON error = %v, want a *ValidationError", err)
			}
			if ve.Total != 1 || len(ve.Problems) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", ve.Total, err)
			}
			if got := ve.Problems[0].String(); !strings.Contains(got, tt.want) {
				t.Errorf("problem = %q\nwant it to contain %q", got, tt.want)
			}
			if code := factgraph.ErrorCode(err); code != factgraph.EINVALID {
				t.Errorf("ErrorCode = %q, want %q", code, factgraph.EINVALID)
			}
		})
	}
}

func TestParseJSONReportsEveryProblemUpToCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"entities": [` + "\n")
	for i := 0; i < loader.MaxProblems+10; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"id": "e", "kind": "Planet", "name": "X"}`)
	}
	b.WriteString("\n]}\n")
	_, err := loader.Parse("many.json", loader.FormatJSON, strings.NewReader(b.String()))
	var ve *loader.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *ValidationError", err)
	}
	if ve.Total != loader.MaxProblems+10 || len(ve.Problems) != loader.MaxProblems {
		t.Errorf("Total = %d, kept = %d; want %d and %d", ve.Total, len(ve.Problems), loader.MaxProblems+10, loader.MaxProblems)
	}
	if got := ve.Problems[3].String(); !strings.HasPrefix(got, "many.json:5:1: entities[3].kind: ") {
		t.Errorf("4th problem = %q, want it at many.json:5:1", got)
	}
	if !strings.Contains(err.Error(), "... and 10 more") {
		t.Errorf("error does not say how many more: %v", err)
	}
}

func TestParseJSONSample(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "data", "sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fs, err := loader.Parse("sample.json", loader.FormatJSON, f)
	if err != nil {
		t.Fatalf("the bundled sample does not parse: %v", err)
	}
	if len(fs.Articles) == 0 || len(fs.Entities) < 10 || len(fs.Relations) < 10 || len(fs.Events) < 5 {
		t.Errorf("sample is thin: %d articles, %d entities, %d relations, %d events",
			len(fs.Articles), len(fs.Entities), len(fs.Relations), len(fs.Events))
	}
}

// Problems name the full JSON path, array indexes included, for type errors and unknown
// fields inside a record, and an unknown field is not taken for an unknown record kind.
func TestProblemsNameTheJSONPath(t *testing.T) {
	ndjson := `{"article": {"id": "article:a", "title": "A"}}
{"relation": {"type": "SUPPLIES", "from": "country:A", "to": "country:B", "evidence": [{"article": "article:a", "quote": "q"}, {"article": "article:a", "quote": "q", "start": "x", "end": 3}]}}
{"entity": {"id": "country:A", "kind": "Country", "name": "A", "nmae": "typo"}}
{"event": {"id": "event:e", "type": "TALKS", "label": "T", "roles": [{"role": "AGENT", "entity": "country:A"}, {"role": "TARGET", "entity": "country:B", "weight": 2}], "evidence": [{"article": "article:a", "quote": "q"}]}}
{"entitiy": {"id": "country:B"}}
"just a string"
{"entity": {"id": "country:B", "kind": "Country", "name": "B\u0000"}}
{"relation": {"type": "SUPPLIES", "from": "country:A", "to": "country:B", "quantities": [{"value": -5, "unit": "troops"}], "evidence": [{"article": "article:a", "quote": "q"}]}}
`
	_, err := loader.Parse("in.ndjson", loader.FormatNDJSON, strings.NewReader(ndjson))
	var ve *loader.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`in.ndjson:2:167: relation.evidence[1].start: want an integer, got a JSON string`,
		`in.ndjson:3:64: entity: unknown field "nmae"`,
		`in.ndjson:4:154: event.roles[1]: unknown field "weight"`,
		`in.ndjson:5:2: unknown record kind "entitiy"`,
		`in.ndjson:6:1: a line holds one record: an object with one key, article, entity, relation or event (got a JSON string)`,
		`in.ndjson:7:1: entity.name: must not contain control characters (U+0000 at byte 1)`,
		`in.ndjson:8:1: relation.quantities[0].value: must not be negative for unit "troops"`,
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(ve.Problems), len(want), err)
	}
	for i, w := range want {
		if got := ve.Problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d = %q\nwant prefix     %q", i, got, w)
		}
	}
}
