package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// record is one element of a fact file with where it starts.
type record struct {
	section string // articles, entities, relations, events
	index   int
	line    int
	col     int
	raw     json.RawMessage
}

// sections are the top-level keys of a JSON fact document.
var sections = []string{"articles", "entities", "relations", "events"}

// Positions maps a record ("relations[3]") to where it starts in its file.
type Positions map[string]Position

// Position is a 1-based line and column.
type Position struct{ Line, Column int }

// problem returns a Problem about a field of a record, placed at the record.
func (p Positions) problem(file, field, msg string) Problem {
	rec, _, _ := strings.Cut(field, ".")
	pos := p[rec]
	return Problem{File: file, Line: pos.Line, Column: pos.Column, Field: field, Message: msg}
}

// ParseJSON reads one JSON fact document. Every syntax, type and validation problem is
// reported with the file name, line and column; an error is a *ValidationError.
func ParseJSON(name string, r io.Reader) (*factgraph.FactSet, Positions, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	var ps problems
	if !utf8.Valid(data) {
		line, col := position(data, invalidUTF8(data))
		ps.add(Problem{File: name, Line: line, Column: col, Message: "invalid UTF-8"})
		return nil, nil, ps.err()
	}
	recs, perr := splitDocument(name, data)
	if perr != nil {
		ps.add(*perr)
		return nil, nil, ps.err()
	}
	fs := &factgraph.FactSet{}
	pos := make(Positions, len(recs))
	for _, rec := range recs {
		pos[fmt.Sprintf("%s[%d]", rec.section, rec.index)] = Position{rec.line, rec.col}
		decodeRecord(name, rec, fs, &ps)
	}
	return fs, pos, ps.err()
}

// splitDocument walks the top-level object and returns its records with positions.
func splitDocument(name string, data []byte) ([]record, *Problem) {
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
	var recs []record
	seen := map[string]bool{}
	for dec.More() {
		keyOff := skipSpace(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(err)
		}
		key, _ := tok.(string)
		if !contains(sections, key) {
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
			recs = append(recs, record{section: key, index: i, line: line, col: col, raw: raw})
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

// decodeRecord strictly decodes and validates one record, appending it to fs or its
// problem to ps.
func decodeRecord(name string, rec record, fs *factgraph.FactSet, ps *problems) {
	field := fmt.Sprintf("%s[%d]", rec.section, rec.index)
	report := func(err error) {
		p := Problem{File: name, Line: rec.line, Column: rec.col, Field: field, Message: err.Error()}
		var fe *factgraph.Error
		if errors.As(err, &fe) {
			p.Message = fe.Message
			if fe.Field != "" {
				p.Field = field + "." + fe.Field
			}
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			p.Field = field + "." + te.Field
			p.Message = fmt.Sprintf("want %s, got JSON %s", te.Type, te.Value)
			// te.Offset is just past the offending value; point at its key instead.
			off := int(te.Offset)
			key := te.Field[strings.LastIndex(te.Field, ".")+1:]
			if i := bytes.LastIndex(rec.raw[:min(off, len(rec.raw))], []byte(`"`+key+`"`)); i >= 0 {
				off = i
			}
			p.Line, p.Column = position(rec.raw, off)
			if p.Line == 1 {
				p.Column += rec.col - 1
			}
			p.Line += rec.line - 1
		}
		ps.add(p)
	}
	strict := func(v any) error {
		d := json.NewDecoder(bytes.NewReader(rec.raw))
		d.DisallowUnknownFields()
		return d.Decode(v)
	}
	switch rec.section {
	case "articles":
		var a factgraph.Article
		if err := strict(&a); err != nil {
			report(err)
		} else if err := a.Validate(); err != nil {
			report(err)
		} else {
			fs.Articles = append(fs.Articles, a)
		}
	case "entities":
		var e factgraph.Entity
		if err := strict(&e); err != nil {
			report(err)
		} else if err := e.Validate(); err != nil {
			report(err)
		} else {
			fs.Entities = append(fs.Entities, e)
		}
	case "relations":
		var r factgraph.Relation
		if err := strict(&r); err != nil {
			report(err)
		} else if err := r.Validate(); err != nil {
			report(err)
		} else {
			fs.Relations = append(fs.Relations, r)
		}
	case "events":
		var e factgraph.Event
		if err := strict(&e); err != nil {
			report(err)
		} else if err := e.Validate(); err != nil {
			report(err)
		} else {
			fs.Events = append(fs.Events, e)
		}
	}
}

// position turns a byte offset into a 1-based line and column (in bytes).
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
