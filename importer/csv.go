package importer

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// arrayDelimiter separates the elements of list properties in the CSV. It is the ASCII
// unit separator, which no fact can hold: validation does not reject it, so a list element
// containing it is an error of the conversion rather than a silently split element.
const arrayDelimiter = "\x1f"

// csvFile writes one data file of neo4j-admin database import. Every string is quoted (so
// "" is an empty string and an unquoted empty field is null, that is no property); lists
// are joined with the array delimiter.
type csvFile struct {
	name      string
	header    string
	group     string // "--nodes=Label", "--relationships=TYPE" or "--relationships"
	f         *os.File
	w         *bufio.Writer
	first     bool // no field written yet on this row
	multiline bool // some field contains a line break
	rows      int
	err       error
}

func (c *csvFile) sep() {
	if !c.first {
		c.w.WriteByte(',')
	}
	c.first = false
}

func (c *csvFile) quoted(s string) {
	if strings.ContainsAny(s, "\r\n") {
		c.multiline = true
	}
	c.w.WriteByte('"')
	if strings.IndexByte(s, '"') < 0 {
		c.w.WriteString(s)
	} else {
		c.w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	}
	c.w.WriteByte('"')
}

func (c *csvFile) str(s string) { c.sep(); c.quoted(s) }
func (c *csvFile) null()        { c.sep() }

// optStr writes s, or null (no property) for "".
func (c *csvFile) optStr(s string) {
	if s == "" {
		c.null()
		return
	}
	c.str(s)
}

func (c *csvFile) float(v float64) { c.sep(); c.w.WriteString(strconv.FormatFloat(v, 'g', -1, 64)) }
func (c *csvFile) int(v int64)     { c.sep(); c.w.WriteString(strconv.FormatInt(v, 10)) }

func (c *csvFile) optInt(p *int) {
	if p == nil {
		c.null()
		return
	}
	c.int(int64(*p))
}

// date writes a YYYY-MM-DD date, or null for "".
func (c *csvFile) date(s string) {
	c.sep()
	c.w.WriteString(s)
}

// strs writes a string list. The importer reads [] and [""] as null (see fixups).
func (c *csvFile) strs(list []string) {
	c.sep()
	for _, s := range list {
		if strings.Contains(s, arrayDelimiter) && c.err == nil {
			c.err = fmt.Errorf("%s: list element %q contains the control character U+001F, which the CSV import uses between list elements", c.name, s)
		}
	}
	c.quoted(strings.Join(list, arrayDelimiter))
}

func (c *csvFile) floats(list []float64) {
	joined(c, list, func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) })
}

func (c *csvFile) bools(list []bool) { joined(c, list, strconv.FormatBool) }

// joined writes a list of numbers or booleans, quoted, the elements separated by the
// array delimiter.
func joined[T any](c *csvFile, list []T, format func(T) string) {
	c.sep()
	c.w.WriteByte('"')
	for i, v := range list {
		if i > 0 {
			c.w.WriteString(arrayDelimiter)
		}
		c.w.WriteString(format(v))
	}
	c.w.WriteByte('"')
}

func (c *csvFile) end() {
	c.w.WriteByte('\n')
	c.first = true
	c.rows++
}

// outputs are the CSV files of one import, in a directory.
type outputs struct {
	dir   string
	files []*csvFile
}

func (o *outputs) open(name, group, header string) (*csvFile, error) {
	f, err := os.Create(filepath.Join(o.dir, name+".csv"))
	if err != nil {
		return nil, err
	}
	c := &csvFile{name: name, group: group, header: header, f: f, w: bufio.NewWriterSize(f, 1<<20), first: true}
	o.files = append(o.files, c)
	return c, nil
}

// close flushes the data files, writes the header files and returns the neo4j-admin
// arguments that import them (also written to import.args, one a line).
func (o *outputs) close() ([]string, error) {
	var args []string
	var multiline bool
	var firstErr error
	for _, c := range o.files {
		if c.err != nil && firstErr == nil {
			firstErr = c.err
		}
		if err := c.w.Flush(); err != nil && firstErr == nil {
			firstErr = err
		}
		if err := c.f.Close(); err != nil && firstErr == nil {
			firstErr = err
		}
		hdr := filepath.Join(o.dir, c.name+".header.csv")
		if err := os.WriteFile(hdr, []byte(c.header+"\n"), 0o644); err != nil && firstErr == nil {
			firstErr = err
		}
		if c.rows == 0 {
			continue
		}
		args = append(args, c.group+"="+hdr+","+filepath.Join(o.dir, c.name+".csv"))
		multiline = multiline || c.multiline
	}
	if firstErr != nil {
		return nil, firstErr
	}
	args = append(args, "--array-delimiter=U+001F")
	if multiline {
		// Only when needed: multi-line parsing is slower. The v2 format would take just the
		// files with line breaks, but in 5.26 it fails on a quoted line break that straddles
		// its read buffer ("Weird input data, found CR outside a text cell"), so all files.
		args = append(args, "--multiline-fields=true")
	}
	err := os.WriteFile(filepath.Join(o.dir, "import.args"), []byte(strings.Join(args, "\n")+"\n"), 0o644)
	return args, err
}
