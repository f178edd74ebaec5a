package loader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	gojson "github.com/goccy/go-json"

	"github.com/factgraph/factgraph"
)

// ndjsonReader streams an NDJSON fact file: one record per line, each line an object with
// exactly one key (article, entity, relation or event), one line in memory at a time.
type ndjsonReader struct {
	name string
	r    *bufio.Reader
	line int
	skip map[string]bool // record kinds to pass over without decoding
	// lines to pass over without decoding (records the graph holds: presence.go)
	skipLines lineSet
}

// MaxLineBytes bounds one NDJSON line.
const MaxLineBytes = 16 << 20

func newNDJSONReader(name string, r io.Reader) *ndjsonReader {
	return &ndjsonReader{name: name, r: bufio.NewReaderSize(r, 1<<20)}
}

func (n *ndjsonReader) next() (item, *Problem, error) {
	for {
		b, err := n.r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A long line: gather it.
			buf := append([]byte(nil), b...)
			for err == bufio.ErrBufferFull && len(buf) <= MaxLineBytes {
				b, err = n.r.ReadSlice('\n')
				buf = append(buf, b...)
			}
			if len(buf) > MaxLineBytes {
				n.line++
				return item{}, &Problem{File: n.name, Line: n.line, Column: 1, Message: fmt.Sprintf("line longer than %d bytes", MaxLineBytes)}, errStructure
			}
			b = buf
		}
		if err != nil && err != io.EOF {
			return item{}, nil, fmt.Errorf("read %s: %w", n.name, err)
		}
		if len(b) == 0 && err == io.EOF {
			return item{}, nil, io.EOF
		}
		n.line++
		if n.skipLines.has(n.line) {
			continue
		}
		line := bytes.TrimRight(b, "\r\n")
		if n.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff")) // a byte-order mark is not content
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				return item{}, nil, io.EOF
			}
			continue
		}
		if len(n.skip) > 0 && n.skip[kindOf(line)] {
			continue
		}
		it, p := n.decodeLine(line)
		if p != nil {
			return item{}, p, nil
		}
		return it, nil, nil
	}
}

// kindOf peeks at the record kind of a line without decoding it: `{"entity":` and the like.
// It returns "" when the line does not start that way (decodeLine then reports why).
func kindOf(line []byte) string {
	line = bytes.TrimLeft(line, " \t")
	if len(line) < 2 || line[0] != '{' {
		return ""
	}
	line = bytes.TrimLeft(line[1:], " \t")
	for _, k := range recordKinds {
		if len(line) > len(k)+2 && line[0] == '"' && string(line[1:1+len(k)]) == k && line[1+len(k)] == '"' {
			return k
		}
	}
	return ""
}

// ndjsonLine is one NDJSON line: exactly one of the fields is set.
type ndjsonLine struct {
	Article  *factgraph.Article  `json:"article"`
	Entity   *factgraph.Entity   `json:"entity"`
	Relation *factgraph.Relation `json:"relation"`
	Event    *factgraph.Event    `json:"event"`
}

func (n *ndjsonReader) decodeLine(line []byte) (item, *Problem) {
	if !utf8.Valid(line) {
		return item{}, &Problem{File: n.name, Line: n.line, Column: invalidUTF8(line) + 1, Message: "invalid UTF-8"}
	}
	var l ndjsonLine
	// The fast path: github.com/goccy/go-json decodes a well-formed line about twice as
	// fast as encoding/json (decoding is most of the loader's own time, and all of a
	// re-load's). A line it refuses is decoded again with encoding/json, whose errors the
	// problems below are made from, so a bad line is reported the same either way.
	err := fastDecode(line, &l)
	if err != nil {
		l = ndjsonLine{}
		err = stdDecode(line, &l)
	}
	if err != nil {
		p := recordProblem(n.name, n.line, 1, "", line, err)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			p.Message = "not a JSON object: " + p.Message
		}
		// An unknown key of the line itself is an unknown record kind; one inside a record
		// is an unknown field, with its path (recordProblem found it).
		if k, ok := strings.CutPrefix(p.Message, "unknown field "); ok && p.Field == "" {
			p.Message = fmt.Sprintf("unknown record kind %s (want article, entity, relation or event)", k)
		}
		if te := (*json.UnmarshalTypeError)(nil); errors.As(err, &te) && p.Field == "" {
			p.Message = "a line holds one record: an object with one key, article, entity, relation or event (got a JSON " + te.Value + ")"
		}
		return item{}, &p
	}
	it := item{line: n.line, col: 1}
	count := 0
	var v interface{ Validate() error }
	if l.Article != nil {
		it.article, it.field, v = l.Article, "article", l.Article
		count++
	}
	if l.Entity != nil {
		it.entity, it.field, v = l.Entity, "entity", l.Entity
		count++
	}
	if l.Relation != nil {
		it.relation, it.field, v = l.Relation, "relation", l.Relation
		count++
	}
	if l.Event != nil {
		it.event, it.field, v = l.Event, "event", l.Event
		count++
	}
	if count != 1 {
		return item{}, &Problem{File: n.name, Line: n.line, Column: 1,
			Message: fmt.Sprintf("a line holds exactly one record: an object with one key, article, entity, relation or event (got %d)", count)}
	}
	if err := v.Validate(); err != nil {
		p := recordProblem(n.name, n.line, 1, it.field, line, err)
		return item{}, &p
	}
	return it, nil
}

// stdDecode decodes one line with encoding/json, unknown fields refused and nothing
// allowed after the record: the decoder whose errors problems are made from.
func stdDecode(line []byte, l *ndjsonLine) error {
	d := json.NewDecoder(bytes.NewReader(line))
	d.DisallowUnknownFields()
	err := d.Decode(l)
	if err == nil && d.More() {
		err = errors.New("unexpected data after the record")
	}
	return err
}

// fastDecode decodes one line as stdDecode would, with unknown fields refused and
// nothing allowed after the record; an error means only "decode it the slow way".
func fastDecode(line []byte, l *ndjsonLine) error {
	d := gojson.NewDecoder(bytes.NewReader(line))
	d.DisallowUnknownFields()
	if err := d.Decode(l); err != nil {
		return err
	}
	if d.More() {
		return errors.New("data after the record")
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
