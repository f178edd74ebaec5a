package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// sections are the top-level keys of a JSON fact document, with their record kinds.
var sections = map[string]string{"articles": "article", "entities": "entity", "relations": "relation", "events": "event"}

// docReader reads a JSON fact document. The document is read into memory (use NDJSON for
// files too large for that); its records come out one by one with their positions.
type docReader struct {
	name string
	recs []docRecord
	i    int
	fail *Problem // a structural problem: reported once, then EOF
}

type docRecord struct {
	kind, field string
	line, col   int
	raw         json.RawMessage
}

func newDocReader(name string, r io.Reader) (*docReader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark is not content
	d := &docReader{name: name}
	if !utf8.Valid(data) {
		line, col := position(data, invalidUTF8(data))
		d.fail = &Problem{File: name, Line: line, Column: col, Message: "invalid UTF-8"}
		return d, nil
	}
	d.recs, d.fail = splitDocument(name, data)
	return d, nil
}

func (d *docReader) next() (item, *Problem, error) {
	if d.fail != nil {
		p := d.fail
		d.fail = nil
		d.recs = nil
		return item{}, p, errStructure
	}
	if d.i >= len(d.recs) {
		return item{}, nil, io.EOF
	}
	rec := d.recs[d.i]
	d.i++
	it, err := decodeStrict(rec.kind, rec.raw)
	if err != nil {
		p := recordProblem(d.name, rec.line, rec.col, rec.field, rec.raw, err)
		return item{}, &p, nil
	}
	it.line, it.col, it.field = rec.line, rec.col, rec.field
	return it, nil, nil
}

// errStructure says the file's structure is broken: no further records can be read.
var errStructure = errors.New("malformed file")

// splitDocument walks the top-level object and returns its records with positions.
func splitDocument(name string, data []byte) ([]docRecord, *Problem) {
	dec := json.NewDecoder(bytes.NewReader(data))
	at := func(off int64, msg string, args ...any) *Problem {
		line, col := position(data, int(off))
		return &Problem{File: name, Line: line, Column: col, Message: fmt.Sprintf(msg, args...)}
	}
	syntax := func(err error) *Problem {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return at(se.Offset, "%v", se)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return at(int64(len(data)), "unexpected end of input (truncated JSON?)")
		}
		return at(dec.InputOffset(), "%v", err)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, at(0, "a fact file is a JSON object with articles, entities, relations and events")
	}
	var recs []docRecord
	seen := map[string]bool{}
	for dec.More() {
		keyOff := skipSpace(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		key, _ := tok.(string)
		kind, ok := sections[key]
		if !ok {
			return nil, at(int64(keyOff), "unknown key %q (want articles, entities, relations, events)", key)
		}
		if seen[key] {
			return nil, at(int64(keyOff), "key %q appears twice", key)
		}
		seen[key] = true
		arrOff := skipSpace(data, int(dec.InputOffset()))
		tok, err = dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return nil, at(int64(arrOff), "%s: must be an array", key)
		}
		for i := 0; dec.More(); i++ {
			off := skipSpace(data, int(dec.InputOffset()))
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, syntax(err)
			}
			line, col := position(data, off)
			recs = append(recs, docRecord{kind: kind, field: fmt.Sprintf("%s[%d]", key, i), line: line, col: col, raw: raw})
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, syntax(err)
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, syntax(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, at(dec.InputOffset(), "unexpected data after the fact document")
	}
	return recs, nil
}

func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
