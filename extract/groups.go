package extract

import (
	"slices"

	"github.com/factgraph/factgraph"
)

// Plural anaphors: "both companies", "the two tankers", "Russia's two largest oil
// companies", "the companies" name the group of entities of that kind coordinated last
// ("Rosneft and Lukoil", "the tankers Aurora and Meridian"), in the sentence before the
// phrase or in an earlier one.

// groupNounKinds: plural head nouns and the kind of entity they stand for.
var groupNounKinds = map[string]string{
	"companies": factgraph.KindOrganization, "firms": factgraph.KindOrganization, "groups": factgraph.KindOrganization,
	"organizations": factgraph.KindOrganization, "organisations": factgraph.KindOrganization, "producers": factgraph.KindOrganization,
	"tankers": factgraph.KindVessel, "vessels": factgraph.KindVessel, "ships": factgraph.KindVessel, "boats": factgraph.KindVessel,
	"countries": factgraph.KindCountry, "nations": factgraph.KindCountry, "states": factgraph.KindCountry,
	"men": factgraph.KindPerson, "leaders": factgraph.KindPerson, "presidents": factgraph.KindPerson, "officials": factgraph.KindPerson,
}

// groupCounts: the number words of a plural anaphor.
var groupCounts = map[string]int{"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}

// coordinatedGroups returns the groups of two or more mentions of one kind joined by "and"
// or commas ("Rosneft and Lukoil", "Britain, France and Germany"), in order.
func (d *doc) coordinatedGroups(s *sentence, ms []Mention) [][]string {
	toks := s.Tokens
	var out [][]string
	var cur []string
	curKind := ""
	and := false
	flush := func() {
		if len(cur) >= 2 && and {
			out = append(out, cur)
		}
		cur, curKind, and = nil, "", false
	}
	prevLast := -1
	for _, m := range ms {
		kind := d.kindOf(m.Entity)
		joined := prevLast >= 0 && m.first > prevLast
		sawAnd := false
		for j := prevLast + 1; joined && j < m.first; j++ {
			switch w := toks[j].Norm; {
			case w == "and":
				sawAnd = true
			case toks[j].Text == "," || w == "the":
			default:
				joined = false
			}
		}
		if !joined || kind != curKind {
			flush()
			cur, curKind = []string{m.Entity}, kind
		} else if !slices.Contains(cur, m.Entity) {
			cur = append(cur, m.Entity)
			and = and || sawAnd
		}
		prevLast = m.last
	}
	flush()
	return out
}

// noteGroups records the last coordinated group of each kind (at the end of a sentence).
func (d *doc) noteGroups(s *sentence, ms []Mention) {
	for _, g := range d.coordinatedGroups(s, ms) {
		if d.groups == nil {
			d.groups = map[string][]string{}
		}
		d.groups[d.kindOf(g[0])] = g
		if d.groupsAt == nil {
			d.groupsAt = map[string]int{}
		}
		d.groupsAt[d.kindOf(g[0])] = s.Index
	}
}

// groupAt reads a plural anaphor starting at token p ("both companies", "the two
// tankers", "Russia's two largest oil companies", "the companies"): the entities it names
// and the index of its head noun, or nil. The group is the last one of its kind coordinated
// before p in the sentence, else in the sentences before; a count must match it.
func (d *doc) groupAt(s *sentence, ms []Mention, p int) ([]string, int) {
	toks := s.Tokens
	if p >= len(toks) {
		return nil, -1
	}
	k := p
	definiteStart := false
	switch w := toks[k].Norm; {
	case w == "the" || w == "these" || w == "those" || w == "their" || w == "both":
		definiteStart = w != "both"
		if w != "both" {
			k++
		}
	default:
		// a possessor: "Russia's two largest oil companies"
		if j := mentionStartingAt(ms, k); j >= 0 && ms[j].last+1 < len(toks) && (toks[ms[j].last+1].Text == "'s" || toks[ms[j].last+1].Text == "’s") {
			k = ms[j].last + 2
			definiteStart = true
		}
	}
	n := 0
	if k < len(toks) {
		if c, ok := groupCounts[toks[k].Norm]; ok {
			n = c
			k++
		}
	}
	if n == 0 && !definiteStart {
		return nil, -1
	}
	// adjectives and noun modifiers up to the plural head
	for j := k; j < len(toks) && j < k+4; j++ {
		kind, ok := groupNounKinds[toks[j].Norm]
		if ok && s.tag(j) == "NNS" {
			if covered(ms, j) {
				return nil, -1
			}
			g := d.groupBefore(s, ms, p, kind)
			if len(g) < 2 || n > 0 && len(g) != n {
				return nil, -1
			}
			return g, j
		}
		if t := s.tag(j); !(t == "JJ" || t == "JJS" || t == "JJR" || t == "NN" || t == "VBN") || covered(ms, j) {
			return nil, -1
		}
	}
	return nil, -1
}

// groupBefore: the last coordinated group of the kind before token p in the sentence, else
// the one recorded from the sentences before.
func (d *doc) groupBefore(s *sentence, ms []Mention, p int, kind string) []string {
	var before []Mention
	for _, m := range ms {
		if m.last < p {
			before = append(before, m)
		}
	}
	var last []string
	for _, g := range d.coordinatedGroups(s, before) {
		if d.kindOf(g[0]) == kind {
			last = g
		}
	}
	if last != nil {
		return last
	}
	return d.groups[kind]
}

// mentionStartingAt: the index of the mention whose first token is k, or -1.
func mentionStartingAt(ms []Mention, k int) int {
	for j := range ms {
		if ms[j].first == k {
			return j
		}
	}
	return -1
}
