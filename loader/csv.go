package loader

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// CSV files for spreadsheet users. The kind of file is told by its header row.
var csvColumns = map[string]struct{ required, optional []string }{
	"entity":   {[]string{"id", "kind", "name"}, []string{"aliases", "keys", "description"}},
	"article":  {[]string{"id", "title"}, []string{"url", "publisher", "published_at", "language"}},
	"relation": {[]string{"type", "from", "to", "article", "quote"}, []string{"confidence", "modality", "time", "time_precision", "quantity", "unit", "approx"}},
}

// csvReader streams a CSV fact file of one kind: entities, articles or relations.
type csvReader struct {
	name   string
	r      *csv.Reader
	kind   string
	col    map[string]int
	header *Problem
}

func newCSVReader(name string, r io.Reader) *csvReader {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	c := &csvReader{name: name, r: cr}
	c.readHeader()
	return c
}

func (c *csvReader) readHeader() {
	head, err := c.r.Read()
	if err != nil {
		c.header = c.csvProblem(err)
		if errors.Is(err, io.EOF) {
			c.header = &Problem{File: c.name, Line: 1, Column: 1, Message: "empty CSV file: the first row must name the columns"}
		}
		return
	}
	c.col = map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := c.col[h]; dup {
			c.header = &Problem{File: c.name, Line: 1, Column: i + 1, Message: fmt.Sprintf("column %q appears twice", h)}
			return
		}
		c.col[h] = i
	}
	for kind, cols := range csvColumns {
		if hasAll(c.col, cols.required) {
			c.kind = kind
		}
	}
	if c.kind == "" {
		c.header = &Problem{File: c.name, Line: 1, Column: 1, Message: "header names no known CSV kind: entities need id,kind,name; " +
			"articles need id,title; relations need type,from,to,article,quote"}
		return
	}
	cols := csvColumns[c.kind]
	known := append(append([]string{}, cols.required...), cols.optional...)
	for h, i := range c.col {
		if !contains(known, h) {
			c.header = &Problem{File: c.name, Line: 1, Column: i + 1,
				Message: fmt.Sprintf("unknown column %q for a %s file (known: %s)", h, c.kind, strings.Join(known, ", "))}
			return
		}
	}
}

func hasAll(m map[string]int, keys []string) bool {
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

func (c *csvReader) csvProblem(err error) *Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Problem{File: c.name, Line: pe.Line, Column: pe.Column, Message: pe.Err.Error()}
	}
	return &Problem{File: c.name, Message: err.Error()}
}

func (c *csvReader) next() (item, *Problem, error) {
	if c.header != nil {
		p := c.header
		c.header = nil
		c.kind = ""
		return item{}, p, errStructure
	}
	if c.kind == "" {
		return item{}, nil, io.EOF
	}
	row, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return item{}, nil, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
			return item{}, &Problem{File: c.name, Line: pe.Line, Column: 1, Message: fmt.Sprintf("row has %d fields, the header %d", len(row), len(c.col))}, nil
		}
		return item{}, c.csvProblem(err), errStructure
	}
	line, _ := c.r.FieldPos(0)
	get := func(name string) string {
		if i, ok := c.col[name]; ok {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	problem := func(column, format string, args ...any) *Problem {
		col := 1
		if i, ok := c.col[column]; ok {
			_, col = c.r.FieldPos(i)
		}
		return &Problem{File: c.name, Line: line, Column: col, Field: column, Message: fmt.Sprintf(format, args...)}
	}
	for i, v := range row {
		if !utf8.ValidString(v) {
			_, col := c.r.FieldPos(i)
			return item{}, &Problem{File: c.name, Line: line, Column: col, Message: "invalid UTF-8"}, nil
		}
	}
	it := item{line: line, col: 1, field: ""}
	var err2 error
	switch c.kind {
	case "entity":
		e := &factgraph.Entity{ID: get("id"), Kind: get("kind"), Name: get("name"), Description: get("description"), Aliases: splitList(get("aliases"))}
		if keys := splitList(get("keys")); len(keys) > 0 {
			e.Keys = map[string]string{}
			for _, kv := range keys {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					return item{}, problem("keys", "%q is not name=value", kv), nil
				}
				e.Keys[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
		it.entity, err2 = e, e.Validate()
	case "article":
		a := &factgraph.Article{ID: get("id"), Title: get("title"), URL: get("url"), Publisher: get("publisher"),
			PublishedAt: get("published_at"), Language: get("language")}
		it.article, err2 = a, a.Validate()
	case "relation":
		r := &factgraph.Relation{Type: get("type"), From: get("from"), To: get("to"), Modality: get("modality"),
			Evidence: []factgraph.Evidence{{Article: get("article"), Quote: get("quote")}}}
		if s := get("confidence"); s != "" {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return item{}, problem("confidence", "%q is not a number", s), nil
			}
			r.Confidence = &f
		}
		if t := get("time"); t != "" || get("time_precision") != "" {
			r.Time = &factgraph.TimeSpec{Value: t, Precision: get("time_precision")}
		}
		if q := get("quantity"); q != "" {
			v, err := strconv.ParseFloat(strings.ReplaceAll(q, ",", ""), 64)
			if err != nil {
				return item{}, problem("quantity", "%q is not a number", q), nil
			}
			approx := false
			if a := get("approx"); a != "" {
				if approx, err = strconv.ParseBool(a); err != nil {
					return item{}, problem("approx", "%q is not true or false", a), nil
				}
			}
			r.Quantities = []factgraph.Quantity{{Value: v, Unit: get("unit"), Approx: approx}}
		}
		it.relation, err2 = r, r.Validate()
	}
	if err2 != nil {
		var fe *factgraph.Error
		if errors.As(err2, &fe) {
			return item{}, problem(csvField(fe.Field), "%s", fe.Message), nil
		}
		return item{}, problem("", "%v", err2), nil
	}
	return it, nil, nil
}

// csvField maps a domain field path to the CSV column it came from.
func csvField(f string) string {
	switch {
	case strings.HasPrefix(f, "evidence[0]."):
		return strings.TrimPrefix(f, "evidence[0].")
	case f == "evidence":
		return "quote"
	case strings.HasPrefix(f, "time."):
		if f == "time.precision" {
			return "time_precision"
		}
		return "time"
	case strings.HasPrefix(f, "quantities[0]."):
		if f == "quantities[0].value" {
			return "quantity"
		}
		return strings.TrimPrefix(f, "quantities[0].")
	case f == "publishedAt":
		return "published_at"
	case strings.HasPrefix(f, "aliases["):
		return "aliases"
	}
	return f
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
