package loader

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzFastDecode checks the NDJSON fast path against encoding/json, the decoder whose
// errors the loader reports: whatever line the fast path (goccy/go-json) accepts,
// encoding/json accepts too, with the same record. A line the fast path refuses is
// decoded by encoding/json alone, so only acceptance needs checking. Seeds: every line
// of the NDJSON test files and a few edge cases (go test -fuzz FuzzFastDecode ./loader).
func FuzzFastDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.ndjson")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			f.Add(line)
		}
	}
	for _, s := range []string{
		`{"entity":{"id":"country:PRK","kind":"country","name":"North Korea"}}`,
		`{"ENTITY":{"ID":"country:PRK","Kind":"country","name":"North Korea"}}`,
		`{"entity":{"id":"a","id":"b","kind":"country","name":"x"}}`,
		`{"entity":{"id":"a","kind":"country","name":"\ud800x"}}`,
		`{"relation":{"type":"SUPPLIES","from":"a","to":"b","confidence":1e400,"evidence":[]}}`,
		`{"relation":{"type":"SUPPLIES","from":"a","to":"b","confidence":0.5,"evidence":[{"article":"x","quote":"q","start":1.5}]}}`,
		`{"event":{"id":"e","type":"TALKS","label":"l","roles":null,"evidence":[]}} {}`,
		`{"article":null,"entity":{"id":"a","kind":"country","name":"x"}}`,
		`{"entity":{"id":"a","kind":"country","name":"x","keys":{"k":"v","k":"w"}}}`,
		`{"entity":{"id":"a","kind":"country","name":"x","extra":1}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) { // refused before either decoder runs
			return
		}
		var fast ndjsonLine
		if fastDecode(line, &fast) != nil {
			return
		}
		var std ndjsonLine
		if err := stdDecode(line, &std); err != nil {
			t.Fatalf("the fast path accepts %q, encoding/json does not: %v", line, err)
		}
		if !reflect.DeepEqual(fast, std) {
			t.Fatalf("%q: the fast path decodes\n%#v\nencoding/json\n%#v", line, fast, std)
		}
	})
}
