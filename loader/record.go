package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/factgraph/factgraph"
)

// item is one record of a fact file with where it is. Exactly one of the pointers is set.
type item struct {
	line, col int
	field     string // how problems name the record: "entities[3]", "relation", "row"

	article  *factgraph.Article
	entity   *factgraph.Entity
	relation *factgraph.Relation
	event    *factgraph.Event
}

// kind is the record kind: article, entity, relation or event.
func (it *item) kind() string {
	switch {
	case it.article != nil:
		return "article"
	case it.entity != nil:
		return "entity"
	case it.relation != nil:
		return "relation"
	}
	return "event"
}

// appendTo adds the record to the fact set.
func (it *item) appendTo(fs *factgraph.FactSet) {
	switch {
	case it.article != nil:
		fs.Articles = append(fs.Articles, *it.article)
	case it.entity != nil:
		fs.Entities = append(fs.Entities, *it.entity)
	case it.relation != nil:
		fs.Relations = append(fs.Relations, *it.relation)
	case it.event != nil:
		fs.Events = append(fs.Events, *it.event)
	}
}

// group is what records must share to be written by one statement.
func (it *item) group() string {
	switch {
	case it.entity != nil:
		return "entity:" + it.entity.Kind
	case it.relation != nil:
		return "relation:" + it.relation.Type
	}
	return it.kind()
}

// recordKinds are the record kinds, as the keys of an NDJSON line.
var recordKinds = []string{"article", "entity", "relation", "event"}

// decodeStrict decodes one record of the kind, rejecting unknown fields, and validates it.
func decodeStrict(kind string, raw []byte) (item, error) {
	var it item
	var v interface{ Validate() error }
	switch kind {
	case "article":
		it.article = new(factgraph.Article)
		v = it.article
	case "entity":
		it.entity = new(factgraph.Entity)
		v = it.entity
	case "relation":
		it.relation = new(factgraph.Relation)
		v = it.relation
	case "event":
		it.event = new(factgraph.Event)
		v = it.event
	default:
		return it, fmt.Errorf("unknown record kind %q", kind)
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return it, err
	}
	if d.More() {
		return it, errors.New("unexpected data after the record")
	}
	return it, v.Validate()
}

// recordProblem turns a decoding or validation error of a record into a Problem placed at
// the record (line, col), or, for a JSON type error, at the offending key inside raw.
func recordProblem(file string, line, col int, field string, raw []byte, err error) Problem {
	p := Problem{File: file, Line: line, Column: col, Field: field, Message: err.Error()}
	var fe *factgraph.Error
	if errors.As(err, &fe) {
		p.Message = fe.Message
		if fe.Field != "" {
			p.Field = joinField(field, fe.Field)
		}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		p.Field = joinField(field, te.Field)
		p.Message = fmt.Sprintf("want %s, got a JSON %s", jsonKind(te.Type), te.Value)
		off := int(te.Offset)
		// encoding/json names the field without array indexes (evidence.start): find the
		// value in the raw record for its full path (evidence[1].start) and its key.
		if path, at, ok := valuePathBefore(raw, off); ok {
			p.Field = joinField(field, path)
			off = at
		}
		l, c := position(raw, off)
		if l == 1 {
			c += col - 1
		}
		p.Line, p.Column = line+l-1, c
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if parent, at, found := keyPath(raw, strings.Trim(name, `"`)); found {
			p.Field = joinField(field, parent)
			l, c := position(raw, at)
			if l == 1 {
				c += col - 1
			}
			p.Line, p.Column = line+l-1, c
		}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		l, c := position(raw, int(se.Offset))
		if l == 1 {
			c += col - 1
		}
		p.Line, p.Column = line+l-1, c
	}
	if strings.HasPrefix(p.Message, "json: unknown field ") {
		p.Message = strings.TrimPrefix(p.Message, "json: ")
	}
	return p
}

// jsonKind says what JSON a Go type decodes from: "a string", "a number", ...
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return t.String()
}

func joinField(parent, child string) string {
	switch {
	case parent == "":
		return child
	case child == "":
		return parent
	}
	return parent + "." + child
}

// position turns a byte offset into a 1-based line and column (in bytes).
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
