package loader

import (
	"fmt"
	"strings"

	"github.com/factgraph/factgraph"
)

// Problem is one thing wrong with an input, with where it is.
type Problem struct {
	File    string
	Line    int // 1-based; 0 when unknown
	Column  int // 1-based; 0 when unknown
	Field   string
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// MaxProblems is how many problems are reported before the rest are only counted.
const MaxProblems = 50

// ValidationError is returned when an input has problems; nothing was written.
type ValidationError struct {
	Problems []Problem // at most MaxProblems
	Total    int       // all problems found, including those not kept
	Skipped  bool      // the valid records were written (--skip-invalid)
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.Skipped {
		fmt.Fprintf(&b, "%d problem(s); the records they concern were skipped, the rest written:", e.Total)
	} else {
		fmt.Fprintf(&b, "%d invalid record(s), nothing written:", e.Total)
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	if e.Total > len(e.Problems) {
		fmt.Fprintf(&b, "\n  ... and %d more", e.Total-len(e.Problems))
	}
	return b.String()
}

// Unwrap lets factgraph.ErrorCode see EINVALID and factgraph.ErrorMessage show every problem.
func (e *ValidationError) Unwrap() error {
	return &factgraph.Error{Code: factgraph.EINVALID, Message: e.Error()}
}

type problems struct {
	list  []Problem
	total int
}

func (ps *problems) add(p Problem) {
	ps.total++
	if len(ps.list) < MaxProblems {
		ps.list = append(ps.list, p)
	}
}

func (ps *problems) err() error {
	if ps.total == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list, Total: ps.total}
}
