package extract

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph"
)

// Clause-level reading from the part-of-speech tags: the subject of a sentence's main
// clause, and pronouns resolved by grammatical role (the subject of the sentence or of the
// one before) and recency, rather than by the nearest name.

// subordinators open a clause that comes before the main one: "After touring the plant, ...".
var subordinators = map[string]bool{"after": true, "while": true, "when": true, "before": true, "as": true,
	"if": true, "although": true, "though": true, "since": true, "upon": true, "once": true, "despite": true}

// finite: token k is a verb with tense (or a modal): the verb of a clause.
func (s *sentence) finite(k int) bool {
	switch s.tag(k) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// timeSpanWords end a span of time: "a day", "two weeks", "hours".
var timeSpanWords = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "hours": true, "hour": true, "minutes": true, "moments": true}

// mainClauseStart is the first token of the main clause: after a leading participle,
// prepositional or subordinate phrase closed by a comma ("Touring a drone plant on Tuesday,
// the minister said ..."), else 0.
func (s *sentence) mainClauseStart() int {
	toks := s.Tokens
	if len(toks) == 0 {
		return 0
	}
	k := 0
	for k < len(toks) && !toks[k].Word { // opening quotes, dashes
		k++
	}
	if k >= len(toks) {
		return 0
	}
	t := s.tag(k)
	lead := t == "VBG" || t == "VBN" || t == "IN" && toks[k].Norm != "that" || subordinators[toks[k].Norm] || t == "RB" && k+1 < len(toks) && toks[k+1].Text == ","
	// "A day before the strikes in Pakistan,", "Two days after the raid,", "Hours before the
	// launch,": a span of time before or after another act leads too
	if !lead {
		for j := k + 1; j < len(toks) && j <= k+3; j++ {
			if w := toks[j].Norm; (w == "before" || w == "after") && timeSpanWords[toks[j-1].Norm] {
				lead = true
				break
			}
		}
	}
	if !lead {
		return 0
	}
	for j := k + 1; j < len(toks); j++ {
		if toks[j].Text == "," {
			// ("On Saturday the USS Carney shot down 14 drones, and ...": a preposition's
			// phrase holds no verb with tense; one that does is the main clause itself)
			if t == "IN" && !subordinators[toks[k].Norm] && s.finiteBetween(k+1, j) {
				return 0
			}
			return j + 1
		}
		if toks[j].Text == ";" || toks[j].Text == ":" {
			return 0
		}
	}
	return 0
}

// reportingClause: the start of the reporting clause after an opening quotation closed by a
// comma ('"We want them back," Lund told reporters after ...'), or -1.
func (s *sentence) reportingClause() int {
	toks := s.Tokens
	if len(toks) == 0 || toks[0].Text != "\"" && toks[0].Text != "“" {
		return -1
	}
	for j := 2; j+1 < len(toks); j++ {
		if w := toks[j].Text; w == "\"" || w == "”" {
			if toks[j-1].Text == "," && toks[j+1].Word {
				return j + 1
			}
			return -1
		}
	}
	return -1
}

// leadsWithParticiple: the sentence opens with a participle ("Watching the test-fire,
// ...", "Speaking in English, ..."), whose doer is the main clause's subject.
func (s *sentence) leadsWithParticiple() bool {
	for k, t := range s.Tokens {
		if t.Word {
			// ("Following the attack," "Given the risk,": prepositions, not participles)
			if t.Norm == "following" || t.Norm == "given" || t.Norm == "including" || t.Norm == "regarding" || t.Norm == "concerning" {
				return false
			}
			tag := s.tag(k)
			return tag == "VBG" || tag == "VBN"
		}
	}
	return false
}

// subjectMention returns the index in ms of the subject of the main clause: the first doer
// from the main clause's start that is not after a preposition, not a possessor or a
// modifier, and comes before the clause's first finite verb; -1 if none.
func (d *doc) subjectMention(s *sentence, ms []Mention) int {
	toks := s.Tokens
	start := s.mainClauseStart()
	verb := len(toks)
	for k := start; k < len(toks); k++ {
		if s.finite(k) {
			verb = k
			break
		}
	}
	for k, m := range ms {
		if m.first < start || m.first > verb {
			continue
		}
		// (a transcript's speaker label, "YERMAK:", is no subject: "He" after it is another)
		if !agentKinds[d.kindOf(m.Entity)] || afterPreposition(toks, m.first) || possessor(toks, ms, k) || possessedTitle(toks, ms, k) || d.modifier(toks, ms, k) || label(s, m) || flagOf(toks, m) {
			continue
		}
		return k
	}
	return -1
}

// sentenceSubject is the entity that is the main clause's subject: a mention, or a
// pronoun before the verb ("He said ..."), resolved.
func (d *doc) sentenceSubject(s *sentence, ms []Mention) string {
	if k := d.subjectMention(s, ms); k >= 0 {
		return ms[k].Entity
	}
	toks := s.Tokens
	for k := s.mainClauseStart(); k < len(toks) && !s.finite(k); k++ {
		switch toks[k].Norm {
		case "he", "she":
			return d.pronoun(toks[k].Norm, ms, k)
		}
	}
	// "The Prime Minister will explain ...": a role noun as the subject is the person
	// introduced last with that role
	k := s.mainClauseStart()
	if s.Speaker != "" { // after a transcript's label, "HAYASHI: The Prime Minister ..."
		for j := k; j < len(toks) && j < k+6; j++ {
			if toks[j].Text == ":" {
				k = j + 1
				break
			}
		}
	}
	if k+1 < len(toks) && toks[k].Norm == "the" && len(d.roles) > 0 {
		for j := k + 1; j < len(toks) && j <= k+3; j++ {
			if s.finite(j) {
				if r := roleWord(toks[j-1].Norm); r != "" && j-1 > k && !covered(ms, j-1) {
					// the whole title first: "the Prime Minister"
					if j-2 > k {
						if p, ok := d.roles[wordSpan(toks, j-2, j-1)]; ok {
							return p.id
						}
					}
					if p, ok := d.roles[r]; ok {
						return p.id
					}
				}
				break
			}
			if !toks[j].Word {
				break
			}
		}
	}
	return ""
}

// clauseSubject is the subject of the current sentence when it is a person whose mention
// ends before token k, else "".
func (d *doc) clauseSubjectPerson(ms []Mention, k int) string {
	if d.curSubject >= 0 && d.curSubject < len(ms) {
		m := ms[d.curSubject]
		if m.last < k && d.kindOf(m.Entity) == factgraph.KindPerson {
			return m.Entity
		}
	}
	return ""
}

// personPronoun resolves he/him/his/she/her at token k by role, then recency: the subject
// of the sentence when it is a person named before the pronoun (not for "him"/"her" as an
// object, which is someone else), else the person named last before it in the sentence,
// else the subject of the sentence before when a person, else the person named last.
func (d *doc) personPronoun(w string, ms []Mention, k int) string {
	subj := d.clauseSubjectPerson(ms, k)
	object := w == "him" || w == "her" && k+1 < len(d.cur.Tokens) && d.cur.tag(k) == "PRP"
	if subj != "" && !object {
		return subj
	}
	// "He was briefed by Kihara, and he instructed him": a subject pronoun of a coordinated
	// clause is the one the sentence's own pronoun subject is, not the person named since
	if subj == "" && (w == "he" || w == "she") && d.cur != nil {
		toks := d.cur.Tokens
		for p := d.cur.mainClauseStart(); p < k && p < len(toks) && !d.cur.finite(p); p++ {
			if toks[p].Norm == w {
				return d.personPronoun(w, ms, p)
			}
		}
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].last < k && d.kindOf(ms[i].Entity) == factgraph.KindPerson && (ms[i].Entity != subj || !object) {
			return ms[i].Entity
		}
	}
	if subj != "" {
		return subj
	}
	hasPerson := false
	for _, m := range ms {
		if m.last < k && d.kindOf(m.Entity) == factgraph.KindPerson {
			hasPerson = true
		}
	}
	if !hasPerson && d.prevSubject != "" && d.kindOf(d.prevSubject) == factgraph.KindPerson {
		return d.prevSubject
	}
	return d.lastPerson
}

// pluralPersons: "they" after a sentence about two or more people is those people, the
// subject first; nil otherwise.
func (d *doc) pluralPersons(ms []Mention, k int) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range ms {
		if m.last < k && d.kindOf(m.Entity) == factgraph.KindPerson && !seen[m.Entity] && !label(d.cur, m) {
			seen[m.Entity] = true
			out = append(out, m.Entity)
		}
	}
	if len(out) >= 2 {
		return out
	}
	if len(out) == 0 && len(d.prevPersons) >= 2 {
		return d.prevPersons
	}
	return nil
}

// endSentence records what the next sentence's pronouns may refer to.
func (d *doc) endSentence(s *sentence, ms []Mention) {
	d.prevSubject = d.sentenceSubject(s, ms)
	// a quotation followed by its speaker ('"...," Bessent said in a statement.'): the
	// speaker is what the sentence is about for the next one's "he said", not a name
	// inside the quotation
	if a := d.prevAttr; startsWithQuote(s.Text) && a != nil && a.Sentence == s.Index && a.Source != "" && d.kindOf(a.Source) == factgraph.KindPerson {
		d.prevSubject = a.Source
	}
	var persons []string
	seen := map[string]bool{}
	if d.prevSubject != "" && d.kindOf(d.prevSubject) == factgraph.KindPerson {
		persons = append(persons, d.prevSubject)
		seen[d.prevSubject] = true
	}
	for _, m := range ms {
		if d.kindOf(m.Entity) == factgraph.KindPerson && !seen[m.Entity] {
			seen[m.Entity] = true
			persons = append(persons, m.Entity)
		}
	}
	d.prevPersons = persons
	for _, m := range ms {
		if d.kindOf(m.Entity) == factgraph.KindCountry && !label(s, m) {
			d.countryNamed[m.Entity]++
			d.recentCountries = append(slices.DeleteFunc(d.recentCountries, func(c string) bool { return c == m.Entity }), m.Entity)
		}
	}
	if n := len(d.recentCountries); n > 12 {
		d.recentCountries = d.recentCountries[n-12:]
	}
	for _, m := range ms {
		if d.kindOf(m.Entity) == factgraph.KindVessel {
			d.lastVessel = m.Entity
		}
	}
}

// possessiveDeterminer: "his", "her", "its", "their" before a noun.
func possessiveDeterminer(w string) bool {
	switch w {
	case "his", "her", "its", "their":
		return true
	}
	return false
}

// noteOwners records the country named with a weapon or vessel ("a Russian drone",
// "Polish and Dutch jets", "Russia's Su-35"): the later "the drone entered" is that
// country's act.
func (d *doc) noteOwners(s *sentence, ms []Mention) {
	toks := s.Tokens
	for k := 1; k < len(ms); k++ {
		m := ms[k]
		kind := d.kindOf(m.Entity)
		if kind != factgraph.KindWeaponSystem && kind != factgraph.KindVessel {
			continue
		}
		c := ms[k-1]
		if d.kindOf(c.Entity) != factgraph.KindCountry {
			continue
		}
		gap := m.first - c.last - 1
		if gap == 0 || gap == 1 && (toks[c.last+1].Text == "'s" || toks[c.last+1].Text == "’s" || s.tag(c.last+1) == "JJ") {
			d.owner[m.Entity] = c.Entity
		} else if kind == factgraph.KindVessel && gap <= 3 && shipWordsBetween(toks, c.last+1, m.first) && !flagOf(toks, c) {
			// ("the Russian spy ship Yantar": the ship's nouns between)
			d.owner[m.Entity] = c.Entity
			if _, ok := d.unresolved[m.Entity]; ok && d.newCountry[m.Entity] == "" {
				d.newCountry[m.Entity] = c.Entity
			}
		}
	}
	// "its drones", "their 40 missiles": the owner the possessive names
	for _, m := range ms {
		if kind := d.kindOf(m.Entity); kind != factgraph.KindWeaponSystem && kind != factgraph.KindVessel {
			continue
		}
		p := m.first - 1
		if p >= 1 && s.tag(p) == "CD" {
			p--
		}
		if p < 0 || toks[p].Norm != "its" && toks[p].Norm != "their" {
			continue
		}
		if id := d.pronoun(toks[p].Norm, ms, p); id != "" {
			if k := d.kindOf(id); k == factgraph.KindCountry || k == factgraph.KindOrganization {
				d.owner[m.Entity] = id
			}
		}
	}
	// the latest organisation by each word of its name ("the ministry said"), the latest
	// vessel, aircraft and fighter, also by country ("the Russian aircraft"): maps, so that
	// a text naming thousands of them costs no more per mention
	for _, m := range ms {
		d.seq++
		if d.kindOf(m.Entity) == factgraph.KindOrganization {
			words, ok := d.nameWords[m.Entity]
			if !ok {
				words = strings.Fields(factgraph.NormalizeName(d.nameOf(m.Entity)))
				// ("the magazine" after Der Spiegel, a "German news magazine": a medium by
				// what its description says it is)
				if e := d.g.Entry(m.Entity); e != nil {
					for _, w := range strings.Fields(factgraph.NormalizeName(e.Description)) {
						if mediaHeads[w] {
							words = append(words, w)
						}
						// ("the rebels", "the group" after the M23, a "rebel group": an
						// armed group by what its description says it is)
						if hs, ok := armedDescWords[w]; ok {
							words = append(words, hs...)
						}
					}
				}
				d.nameWords[m.Entity] = words
			}
			for _, w := range words {
				d.orgByWord[w] = seen{m.Entity, d.seq}
			}
			// (and by the words of the form the text used: "the department" after the
			// "Treasury Department", the US Treasury's alias)
			if m.Rule == "gazetteer.alias" && strings.Count(m.Text, " ") < 6 {
				key := m.Entity + "|" + m.Text
				aw, ok := d.nameWords[key]
				if !ok {
					aw = strings.Fields(factgraph.NormalizeName(m.Text))
					d.nameWords[key] = aw
				}
				for _, w := range aw {
					d.orgByWord[w] = seen{m.Entity, d.seq}
				}
			}
		}
		for _, c := range d.craftClasses(m.Entity) {
			d.lastCraft[c] = m.Entity
			if o := d.owner[m.Entity]; o != "" {
				d.lastCraft[c+"|"+o] = m.Entity
			}
		}
	}
}

// seen is an entity and when it was last named (a mention counter).
type seen struct {
	id  string
	seq int
}

// craftClasses: the class nouns that can name the entity: "vessel", "aircraft", "fighter".
func (d *doc) craftClasses(id string) []string {
	if cs, ok := d.classes[id]; ok {
		return cs
	}
	var cs []string
	switch {
	case d.kindOf(id) == factgraph.KindVessel && isFleet(id):
		// (a fleet is "the tankers", never "the ship")
		cs = []string{"vessels"}
	case d.kindOf(id) == factgraph.KindVessel:
		cs = []string{"vessel", "vessels"}
	case d.fits(id, "jets"):
		cs = []string{"aircraft", "fighter"}
	case d.aircraft(id):
		cs = []string{"aircraft"}
	}
	d.classes[id] = cs
	return cs
}

// mediaHeads name a medium by what it is: "the magazine", "the newspaper".
var mediaHeads = map[string]bool{"magazine": true, "newspaper": true, "broadcaster": true, "weekly": true, "daily": true}

// isFleet: the vessel entity is a fleet ("Russia's shadow fleet"), many ships.
func isFleet(id string) bool {
	return strings.Contains(id, "fleet")
}

// verbChainReaches: a subject ending before token from is the subject of the verb at token
// to across a relative clause between commas and a chain of auxiliaries, adverbs and "to"
// ("Zelensky, who warned ..., is expected to speak"); false without the relative clause
// (the nearest-doer rule reads the plain case).
func (s *sentence) verbChainReaches(from, to int) bool {
	toks := s.Tokens
	k := from
	if k+1 >= to || toks[k].Text != "," || toks[k+1].Norm != "who" && toks[k+1].Norm != "which" {
		return false
	}
	j := k + 2
	for j < to && toks[j].Text != "," {
		j++
	}
	if j >= to {
		return false
	}
	for k = j + 1; k < to; k++ {
		if !s.verb(k) && toks[k].Norm != "to" && !strings.HasPrefix(s.tag(k), "RB") {
			return false
		}
	}
	return true
}

// shipWordsBetween: tokens from..to-1 are the nouns and modifiers of a ship's kind ("spy
// ship", "research vessel", "navy frigate") ending in a ship noun.
func shipWordsBetween(toks []token, from, to int) bool {
	if to <= from || !vesselHeads[toks[to-1].Norm] {
		return false
	}
	for k := from; k < to; k++ {
		if !toks[k].Word || toks[k].Capitalized() && !vesselHeads[toks[k].Norm] {
			return false
		}
	}
	return true
}

// armedDescWords are the words of an armed group's description and the nouns a text names
// it by later: a "rebel group" is "the rebels" and "the group", a "movement" "the group".
var armedDescWords = map[string][]string{"rebel": {"rebels"}, "rebels": {"rebels"}, "militia": {"militia"},
	"militant": {"militants"}, "militants": {"militants"}, "insurgent": {"insurgents"}, "insurgents": {"insurgents"},
	"group": {"group"}, "movement": {"movement", "group"}}

// possessedTitle: mention k owns a title whose holder is named in apposition right after
// it ("Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, called ...": the
// person is the subject, not Qatar).
func possessedTitle(toks []token, ms []Mention, k int) bool {
	ok, comma := ownedTitle(toks, ms, k)
	return ok && comma
}
