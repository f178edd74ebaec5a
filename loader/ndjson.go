package loader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// ndjsonReader streams an NDJSON fact file: one record per line, each line an object with
// exactly one key (article, entity, relation or event). Memory stays flat.
type ndjsonReader struct {
	name string
	r    *bufio.Reader
	line int
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
		line := bytes.TrimRight(b, "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				return item{}, nil, io.EOF
			}
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

func (n *ndjsonReader) decodeLine(line []byte) (item, *Problem) {
	if !utf8.Valid(line) {
		return item{}, &Problem{File: n.name, Line: n.line, Column: invalidUTF8(line) + 1, Message: "invalid UTF-8"}
	}
	var wrapper map[string]json.RawMessage
	if err := json.Unmarshal(line, &wrapper); err != nil {
		p := recordProblem(n.name, n.line, 1, "", line, err)
		if _, ok := err.(*json.SyntaxError); ok {
			p.Message = "not a JSON object: " + p.Message
		}
		return item{}, &p
	}
	if len(wrapper) != 1 {
		return item{}, &Problem{File: n.name, Line: n.line, Column: 1,
			Message: fmt.Sprintf("a line holds exactly one record: an object with one key, article, entity, relation or event (got %d keys)", len(wrapper))}
	}
	for kind, raw := range wrapper {
		if !contains(recordKinds, kind) {
			return item{}, &Problem{File: n.name, Line: n.line, Column: 1,
				Message: fmt.Sprintf("unknown record kind %q (want article, entity, relation or event)", kind)}
		}
		it, err := decodeStrict(kind, raw)
		if err != nil {
			col := bytes.Index(line, raw) + 1
			p := recordProblem(n.name, n.line, col, kind, raw, err)
			return item{}, &p
		}
		it.line, it.col, it.field = n.line, 1, kind
		return it, nil
	}
	panic("unreachable")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
