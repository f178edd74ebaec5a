package extract

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/factgraph/factgraph"
)

// Entry is one entity of the gazetteer: the entity as it goes into the graph, and the
// surface forms that name it in text. The file format (JSON Lines) is documented in
// docs/extraction.md.
type Entry struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"` // always name this entity
	Short   []string `json:"short,omitempty"`   // only after a full mention in the same article: "Kim", "Mr Kim"
	Titles  []string `json:"titles,omitempty"`  // role nouns for a person: "leader", "president"
	Country string   `json:"country,omitempty"` // the country it belongs to
	// Org: the organisation a person of no country speaks for ("person:rafael-grossi":
	// "org:iaea"): a transcript turn's "we" and "our inspectors" are its.
	Org      string            `json:"org,omitempty"`
	Demonyms []string          `json:"demonyms,omitempty"` // countries: "North Korean"
	Capitals []string          `json:"capitals,omitempty"` // countries: "Pyongyang" standing for the government
	Keys     map[string]string `json:"keys,omitempty"`     // external keys: ISO 3166 codes
	// Usage: forms that name this entity only in the words of a source of the given
	// country or organisation ({"country:PRK": ["south Korea", "the ROK puppets"]}): a
	// government and its media name themselves and their neighbours in their own way.
	Usage map[string][]string `json:"usage,omitempty"`
	// Terms: the days between which a title was this person's ({"president": ["2021-01-20",
	// "2025-01-20"]}, the second day excluded, "" leaving a side open; several terms as a
	// list of such pairs: [["2017-01-20", "2021-01-20"], ["2025-01-20", ""]]): "the
	// President" in an article of January 2024 is the one in office then. A title without a
	// term is always the person's.
	Terms       map[string]termSpans `json:"terms,omitempty"`
	Description string               `json:"description,omitempty"`
}

// termSpans are the terms of a title: one [from, until] pair, or a list of them.
type termSpans [][2]string

// UnmarshalJSON reads ["from", "until"] or [["from", "until"], ...].
func (t *termSpans) UnmarshalJSON(b []byte) error {
	var one [2]string
	if err := json.Unmarshal(b, &one); err == nil {
		*t = termSpans{one}
		return nil
	}
	var many [][2]string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("a term is [\"from\", \"until\"] or a list of such pairs")
	}
	*t = many
	return nil
}

// heldOn reports whether the title (folded) was the person's on the day; on no day (zero),
// whether it is the person's now, i.e. its term has no end.
// termed: the entry dates its terms in the title.
func (e *Entry) termed(title string) bool {
	for t := range e.Terms {
		if factgraph.NormalizeName(t) == title {
			return true
		}
	}
	return false
}

func (e *Entry) heldOn(title string, day time.Time) bool {
	for t, terms := range e.Terms {
		if factgraph.NormalizeName(t) != title {
			continue
		}
		for _, term := range terms {
			if day.IsZero() && term[1] == "" {
				return true
			}
			if d := day.Format(time.DateOnly); !day.IsZero() && (term[0] == "" || term[0] <= d) && (term[1] == "" || d < term[1]) {
				return true
			}
		}
		return false
	}
	return true
}

// Entity is the entry as an entity record of the fact format.
func (e *Entry) Entity() factgraph.Entity {
	return factgraph.Entity{ID: e.ID, Kind: e.Kind, Name: e.Name, Aliases: e.Aliases, Keys: e.Keys, Description: e.Description}
}

// form kinds: how a surface form names its entity.
const (
	formName    = "name"
	formAlias   = "alias"
	formShort   = "short"
	formDemonym = "demonym"
	formCapital = "capital"
)

// form is one surface form of an entry, indexed by its folded tokens.
type form struct {
	Entry   *Entry
	Kind    string // formName, formAlias, ...
	Surface string // as written in the gazetteer
	Exact   string // letters only, for all-capital forms matched case-sensitively ("US" is not "us")
	Upper   bool   // the form starts with a capital, so must its match
	// UpperLast: a form of several words whose last is capitalised ("Russian Armed Forces")
	UpperLast bool
}

// Gazetteer is the set of known entities and an index of their surface forms.
type Gazetteer struct {
	entries []*Entry
	byID    map[string]*Entry
	forms   map[string][]form // folded token sequence (space-separated) -> forms
	maxLen  int               // longest form, in tokens
	// prefixes: every proper word prefix of a key of forms ("united" and "united arab" for
	// "united arab emirates"), so a scan can stop where no longer form begins
	prefixes map[string]bool
	// usage: source id -> folded token sequence -> the entry it names in that source's words
	usage      map[string]map[string]*Entry
	usageFirst map[string]map[string]bool // source id -> the first words of its usage forms
	titles     map[string][]*Entry
	// cities: a country's capital as the city (location:moscow), for the mentions that
	// speak of the city rather than the state ("near Moscow", "3 a.m. Moscow time", the
	// dateline); not indexed, so the text names the state unless its words say the city
	cities   map[string]*Entry // country id -> its capital city
	cityByID map[string]*Entry
}

//go:embed gazetteer/*.jsonl
var builtin embed.FS

// Default returns the gazetteer shipped with factgraph (extract/gazetteer/*.jsonl).
func Default() (*Gazetteer, error) {
	g := newGazetteer()
	names, err := fs.Glob(builtin, "gazetteer/*.jsonl")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := builtin.ReadFile(n)
		if err != nil {
			return nil, err
		}
		if err := g.Read(bytes.NewReader(b), path.Join("extract", n)); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// Load returns the shipped gazetteer extended with the given files (JSON Lines). An entry
// whose id is already known replaces the earlier one.
func Load(files ...string) (*Gazetteer, error) {
	g, err := Default()
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, &factgraph.Error{Code: factgraph.EINVALID, Field: "gazetteer", Message: err.Error()}
		}
		err = g.Read(fh, f)
		fh.Close()
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

func newGazetteer() *Gazetteer {
	return &Gazetteer{byID: map[string]*Entry{}, forms: map[string][]form{}, prefixes: map[string]bool{}, titles: map[string][]*Entry{}, cities: map[string]*Entry{}, cityByID: map[string]*Entry{}, usage: map[string]map[string]*Entry{}, usageFirst: map[string]map[string]bool{}}
}

// Read adds the entries of one JSON Lines file. Blank lines and lines starting with # are
// skipped. Errors: EINVALID with name:line and the field.
func (g *Gazetteer) Read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		var e Entry
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return gazError(name, line, "", err.Error())
		}
		if err := e.validate(); err != nil {
			fe := err.(*factgraph.Error)
			return gazError(name, line, fe.Field, fe.Message)
		}
		g.add(&e)
	}
	if err := sc.Err(); err != nil {
		return gazError(name, line+1, "", err.Error())
	}
	return nil
}

func gazError(name string, line int, field, msg string) error {
	where := fmt.Sprintf("%s:%d", name, line)
	if field != "" {
		return &factgraph.Error{Code: factgraph.EINVALID, Field: field, Message: fmt.Sprintf("%s: %s: %s", where, field, msg)}
	}
	return &factgraph.Error{Code: factgraph.EINVALID, Message: fmt.Sprintf("%s: %s", where, msg)}
}

func (e *Entry) validate() error {
	ent := e.Entity()
	if err := ent.Validate(); err != nil {
		return err
	}
	if e.Kind != factgraph.KindCountry && (len(e.Demonyms) > 0 || len(e.Capitals) > 0) {
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "demonyms", Message: "only countries have demonyms and capitals"}
	}
	for _, l := range []struct {
		field string
		list  []string
	}{{"short", e.Short}, {"titles", e.Titles}, {"demonyms", e.Demonyms}, {"capitals", e.Capitals}} {
		for i, s := range l.list {
			if factgraph.NormalizeName(s) == "" {
				return &factgraph.Error{Code: factgraph.EINVALID, Field: fmt.Sprintf("%s[%d]", l.field, i), Message: fmt.Sprintf("%q has no letters or digits", s)}
			}
		}
	}
	for t, term := range e.Terms {
		held := false
		for _, title := range e.Titles {
			held = held || factgraph.NormalizeName(title) == factgraph.NormalizeName(t)
		}
		if !held {
			return &factgraph.Error{Code: factgraph.EINVALID, Field: "terms", Message: fmt.Sprintf("%q is not one of the entry's titles", t)}
		}
		for _, span := range term {
			for i, day := range span {
				if _, err := time.Parse(time.DateOnly, day); day != "" && err != nil {
					return &factgraph.Error{Code: factgraph.EINVALID, Field: fmt.Sprintf("terms[%s][%d]", t, i), Message: fmt.Sprintf("%q is not a day (YYYY-MM-DD)", day)}
				}
			}
			if span[0] != "" && span[1] != "" && span[1] <= span[0] {
				return &factgraph.Error{Code: factgraph.EINVALID, Field: "terms[" + t + "]", Message: "the term ends before it begins"}
			}
		}
	}
	for src, forms := range e.Usage {
		if !factgraph.ValidID(src) {
			return &factgraph.Error{Code: factgraph.EINVALID, Field: "usage", Message: fmt.Sprintf("keys must be the entity ids of sources (got %q)", src)}
		}
		for i, f := range forms {
			if factgraph.NormalizeName(f) == "" {
				return &factgraph.Error{Code: factgraph.EINVALID, Field: fmt.Sprintf("usage[%s][%d]", src, i), Message: fmt.Sprintf("%q has no letters or digits", f)}
			}
		}
	}
	if e.Country != "" && !factgraph.ValidID(e.Country) {
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "country", Message: fmt.Sprintf("must be an entity id (got %q)", e.Country)}
	}
	if e.Org != "" && (e.Kind != factgraph.KindPerson || !strings.HasPrefix(e.Org, "org:") || !factgraph.ValidID(e.Org)) {
		return &factgraph.Error{Code: factgraph.EINVALID, Field: "org", Message: fmt.Sprintf("only a person has one, and it must be an organisation's id (got %q)", e.Org)}
	}
	return nil
}

func (g *Gazetteer) add(e *Entry) {
	if old, ok := g.byID[e.ID]; ok {
		g.remove(old)
	}
	g.entries = append(g.entries, e)
	g.byID[e.ID] = e
	g.index(e, formName, e.Name)
	for _, a := range e.Aliases {
		g.index(e, formAlias, a)
	}
	for _, a := range e.Short {
		g.index(e, formShort, a)
	}
	for _, a := range e.Demonyms {
		g.index(e, formDemonym, a)
	}
	for _, a := range e.Capitals {
		g.index(e, formCapital, a)
	}
	if old, ok := g.cities[e.ID]; ok {
		delete(g.cityByID, old.ID)
		delete(g.cities, e.ID)
	}
	if len(e.Capitals) > 0 {
		c := &Entry{ID: "location:" + slug(e.Capitals[0]), Kind: factgraph.KindLocation, Name: e.Capitals[0],
			Country: e.ID, Description: "Capital of " + e.Name + "."}
		if len(e.Capitals) > 1 {
			c.Aliases = e.Capitals[1:]
		}
		g.cities[e.ID], g.cityByID[c.ID] = c, c
	}
	for _, t := range e.Titles {
		k := factgraph.NormalizeName(t)
		g.titles[k] = append(g.titles[k], e)
	}
	for src, forms := range e.Usage {
		if g.usage[src] == nil {
			g.usage[src] = map[string]*Entry{}
		}
		for _, f := range forms {
			if key := formKey(f); key != "" {
				g.usage[src][key] = e
				if g.usageFirst[src] == nil {
					g.usageFirst[src] = map[string]bool{}
				}
				g.usageFirst[src][strings.Fields(key)[0]] = true
				g.maxLen = max(g.maxLen, strings.Count(key, " ")+1)
			}
		}
	}
}

// formKey is the folded token sequence of a surface form.
func formKey(surface string) string {
	var keys []string
	for _, t := range tokenize(surface, 0) {
		if t.Word {
			keys = append(keys, t.Norm)
		}
	}
	return strings.Join(keys, " ")
}

func (g *Gazetteer) remove(e *Entry) {
	for k, fs := range g.forms {
		out := fs[:0]
		for _, f := range fs {
			if f.Entry != e {
				out = append(out, f)
			}
		}
		g.forms[k] = out
	}
	for k, es := range g.titles {
		out := es[:0]
		for _, x := range es {
			if x != e {
				out = append(out, x)
			}
		}
		g.titles[k] = out
	}
	for i, x := range g.entries {
		if x == e {
			g.entries = append(g.entries[:i], g.entries[i+1:]...)
			break
		}
	}
	for _, forms := range g.usage {
		for k, x := range forms {
			if x == e {
				delete(forms, k)
			}
		}
	}
}

func (g *Gazetteer) index(e *Entry, kind, surface string) {
	toks := tokenize(surface, 0)
	var keys []string
	for _, t := range toks {
		if t.Word {
			keys = append(keys, t.Norm)
		}
	}
	if len(keys) == 0 {
		return
	}
	key := strings.Join(keys, " ")
	f := form{Entry: e, Kind: kind, Surface: surface, Upper: unicode.IsUpper(firstRune(surface)), UpperLast: upperLast(surface)}
	if isAcronym(surface) {
		f.Exact = lettersOnly(surface)
	}
	for i, old := range g.forms[key] {
		if old.Entry == e {
			// one form per entity and key: the most permissive of its spellings
			// ("Drones" and "drones" match lower case; "US" and "Us" need not be exact)
			old.Upper = old.Upper && f.Upper
			old.UpperLast = old.UpperLast && f.UpperLast // ("Kosovo Police" and "Kosovo police")
			if f.Exact == "" {
				old.Exact = ""
			}
			if kindRank[kind] < kindRank[old.Kind] {
				old.Kind = kind
			}
			g.forms[key][i] = old
			return
		}
	}
	g.forms[key] = append(g.forms[key], f)
	for k := 1; k < len(keys); k++ {
		g.prefixes[strings.Join(keys[:k], " ")] = true
	}
	if len(keys) > g.maxLen {
		g.maxLen = len(keys)
	}
}

// kindRank orders form kinds from the strongest: a name beats a short form.
var kindRank = map[string]int{formName: 0, formAlias: 1, formCapital: 2, formDemonym: 3, formShort: 4}

// isAcronym: all letters upper case, at most 6 of them ("US", "U.S.", "NATO", "KCNA").
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0 && n <= 6
}

func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Entry returns the entry with the id, or nil.
func (g *Gazetteer) Entry(id string) *Entry {
	if e, ok := g.byID[id]; ok {
		return e
	}
	return g.cityByID[id]
}

// capitalCity is the city entry of a country's capital (a gazetteer location of that id
// if there is one), or nil.
func (g *Gazetteer) capitalCity(country string) *Entry {
	c := g.cities[country]
	if c == nil {
		return nil
	}
	if e, ok := g.byID[c.ID]; ok {
		return e
	}
	return c
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Lookup returns the entries one of whose forms (any kind) folds to the same key as s.
func (g *Gazetteer) Lookup(s string) []*Entry {
	toks := tokenize(s, 0)
	var keys []string
	for _, t := range toks {
		if t.Word {
			keys = append(keys, t.Norm)
		}
	}
	var out []*Entry
	for _, f := range g.forms[strings.Join(keys, " ")] {
		out = append(out, f.Entry)
	}
	return out
}

// datelineCityRe: an article that opens with a dateline city: "MOSCOW, October 10. /TASS/.",
// "WASHINGTON, Oct 18 -", "Kyiv, May 3 (Reuters) -".
var datelineCityRe = regexp.MustCompile(`^\s*(\p{Lu}[\p{L}'. -]{1,30}?),\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b`)

// datelineCountry is the country whose capital opens the text as a dateline, or "".
func (g *Gazetteer) datelineCountry(text string) string {
	m := datelineCityRe.FindStringSubmatch(text[:min(len(text), 80)])
	if m == nil {
		return ""
	}
	city := factgraph.NormalizeName(m[1])
	for _, e := range g.Lookup(m[1]) {
		if e.Kind != factgraph.KindCountry {
			continue
		}
		for _, c := range e.Capitals {
			if factgraph.NormalizeName(c) == city {
				return e.ID
			}
		}
	}
	return ""
}
