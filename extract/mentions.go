package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph"
)

// Mention is a place in the text that names an entity.
type Mention struct {
	Entity   string `json:"entity"` // entity id
	Text     string `json:"text"`   // as written
	Start    int    `json:"start"`  // byte offsets in the article text
	End      int    `json:"end"`
	Sentence int    `json:"sentence"` // index of its sentence
	Rule     string `json:"rule"`     // how it was recognised: gazetteer.name, gazetteer.demonym, anaphor.title, pattern.title-name, ...
	Resolved bool   `json:"resolved"` // false: a new entity, not in the gazetteer

	first, last int // token indexes in the sentence, inclusive
}

// wordSpan is the folded key of the word tokens first..last of a sentence, or "" when the
// words are separated by anything but apostrophes and dots.
func wordSpan(toks []token, first, last int) string {
	var keys []string
	for i := first; i <= last; i++ {
		t := toks[i]
		if t.Word {
			keys = append(keys, t.Norm)
			continue
		}
		if t.Text != "'" && t.Text != "’" && t.Text != "." && t.Text != "'s" && t.Text != "’s" {
			return ""
		}
	}
	return strings.Join(keys, " ")
}

// matchGazetteer finds the longest gazetteer forms in a sentence, left to right.
func (d *doc) matchGazetteer(s *sentence) []Mention {
	var out []Mention
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		if !toks[i].Word {
			continue
		}
		best := -1
		var bestForm form
		words := 0
		// the key of tokens i..j is built as j grows (what wordSpan gives), and the scan stops
		// where no longer form begins
		key := d.keyBuf[:0]
		for j := i; j < len(toks) && words < d.g.maxLen; j++ {
			if t := toks[j]; !t.Word {
				if t.Text != "'" && t.Text != "’" && t.Text != "." && t.Text != "'s" && t.Text != "’s" && t.Text != "/" {
					break
				}
				continue
			}
			words++
			if words > 1 {
				key = append(key, ' ')
			}
			key = append(key, toks[j].Norm...)
			if fs := d.g.forms[string(key)]; len(fs) > 0 {
				if f, ok := d.pick(fs, toks, i, j, s); ok {
					best, bestForm = j, f
				}
			} else if n := len(key); n >= 2 && key[n-1] == 's' && key[n-2] >= '0' && key[n-2] <= '9' {
				// "the MiG-31s", "four Tu-95s": the plural of a designation is the system
				if fs := d.g.forms[string(key[:n-1])]; len(fs) > 0 {
					if f, ok := d.pick(fs, toks, i, j, s); ok {
						best, bestForm = j, f
					}
				}
			}
			if !d.g.prefixes[string(key)] {
				break
			}
		}
		d.keyBuf = key
		if best < 0 {
			continue
		}
		m := Mention{
			Entity: bestForm.Entry.ID, Text: d.text[toks[i].Start:toks[best].End],
			Start: toks[i].Start, End: toks[best].End, Sentence: s.Index,
			Rule: "gazetteer." + bestForm.Kind, Resolved: true, first: i, last: best,
		}
		// "MiG-31 fighter jets", "F-16 fighters": a class written after a named system is
		// that system's head noun, not another weapon
		if n := len(out); n > 0 && bestForm.Entry.Kind == factgraph.KindWeaponSystem && out[n-1].last == i-1 &&
			d.kindOf(out[n-1].Entity) == factgraph.KindWeaponSystem && lowerFirst(m.Text) {
			out[n-1].End, out[n-1].last = m.End, m.last
			out[n-1].Text = d.text[out[n-1].Start:m.End]
			d.nameByHead(toks[best].Norm, out[n-1].Entity, s.Index)
			i = best
			continue
		}
		// "the military reconnaissance satellite Malligyong-1", "the carrier rocket
		// Chollima-1": a class written right before a named system is that system's class
		// noun, not another weapon
		if n := len(out); n > 0 && bestForm.Entry.Kind == factgraph.KindWeaponSystem && out[n-1].last == i-1 &&
			d.kindOf(out[n-1].Entity) == factgraph.KindWeaponSystem && lowerFirst(out[n-1].Text) && !lowerFirst(m.Text) &&
			d.countryOf(out[n-1].Entity) == "" && bestForm.Entry.Country != "" {
			m.Start, m.first = out[n-1].Start, out[n-1].first
			m.Text = d.text[m.Start:m.End]
			out[n-1] = m
			d.note(bestForm.Entry.ID, true)
			i = best
			continue
		}
		out = append(out, m)
		titled := bestForm.Kind == formShort && titledShort(d.g.forms[wordSpan(toks, i, best)], bestForm, toks, i)
		d.note(bestForm.Entry.ID, bestForm.Kind != formShort || titled)
		// ("Prime Minister Kishida", "Prime Minister Fumio Kishida": a later "the Prime
		// Minister" is Kishida, whoever holds the office in the gazetteer)
		if bestForm.Entry.Kind == factgraph.KindPerson && i > 0 && toks[i-1].Capitalized() && personTitles[toks[i-1].Norm] {
			if d.titleIntro == nil {
				d.titleIntro = map[string]string{}
			}
			d.titleIntro[toks[i-1].Norm] = bestForm.Entry.ID
			if i >= 2 && titleWords[toks[i-2].Norm] {
				d.titleIntro[wordSpan(toks, i-2, i-1)] = bestForm.Entry.ID
			}
		}
		i = best
	}
	d.capitalCities(s, out)
	// "the British destroyer HMS Diamond", "the frigate HMAS Toowoomba": a class noun
	// written right before a named vessel is that vessel's, not a weapon of its own
	kept := out[:0]
	for n, m := range out {
		if n+1 < len(out) && out[n+1].first == m.last+1 && d.kindOf(out[n+1].Entity) == factgraph.KindVessel &&
			d.kindOf(m.Entity) == factgraph.KindWeaponSystem && lowerFirst(m.Text) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// matchBareBodies: a national body named in lower case without its country in a dateline's
// sentence ("BERLIN, March 21 (X) - ..., the finance ministry said") is the gazetteer's body
// of the dateline's country, as its capitalised name is; none is made up when the
// gazetteer lacks it.
func (d *doc) matchBareBodies(s *sentence, ms []Mention) []Mention {
	// (only in the article's first sentence, the dateline's: later, "the defence ministry"
	// of a report from Kyiv may well be Moscow's)
	if d.home == "" || s.Index != 0 {
		return nil
	}
	toks := s.Tokens
	var out []Mention
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Norm != "the" {
			continue
		}
		for n := 4; n >= 2; n-- {
			last := i + n
			if last >= len(toks) {
				continue
			}
			plain := true
			for k := i + 1; k <= last; k++ {
				plain = plain && toks[k].Word && !toks[k].Capitalized() && !covered(ms, k)
			}
			if !plain || !bareBodies[wordSpan(toks, i+1, last)] {
				continue
			}
			// ("the defence ministry's spokesman" is still the ministry; "the foreign
			// ministry of Iran" names its own country)
			if last+1 < len(toks) && toks[last+1].Norm == "of" {
				break
			}
			if id := d.homeOrg(d.text[toks[i+1].Start:toks[last].End]); id != "" {
				out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[last].End], Start: toks[i].Start, End: toks[last].End,
					Sentence: s.Index, Rule: "anaphor.bare-body", Resolved: true, first: i, last: last})
				d.note(id, false)
				i = last
			}
			break
		}
	}
	return out
}

// koreaHalves are the Koreas by their half: "the North", "the South".
var koreaHalves = map[string]string{"North": "country:PRK", "South": "country:KOR"}

// matchKoreaHalves: "the North" and "the South", capitalised, in an article that has named
// either Korea, are North and South Korea ("flew balloons towards the South", "the North's
// regime").
func (d *doc) matchKoreaHalves(s *sentence, ms []Mention) []Mention {
	if !d.mentioned["country:PRK"] && !d.mentioned["country:KOR"] {
		return nil
	}
	// (not in a sentence about another country: "In the US, storms battered the South")
	for _, m := range ms {
		if d.kindOf(m.Entity) == factgraph.KindCountry && m.Entity != "country:PRK" && m.Entity != "country:KOR" {
			return nil
		}
	}
	toks := s.Tokens
	var out []Mention
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm != "the" || covered(ms, i+1) {
			continue
		}
		id := koreaHalves[toks[i+1].Text]
		if id == "" {
			continue
		}
		// (not "the North Atlantic", "the South China Sea", "the South of France": a half
		// named alone)
		if i+2 < len(toks) && toks[i+2].Word && (toks[i+2].Capitalized() || toks[i+2].Norm == "of") {
			continue
		}
		out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[i+1].End], Start: toks[i].Start, End: toks[i+1].End,
			Sentence: s.Index, Rule: "anaphor.korea-half", Resolved: true, first: i, last: i + 1})
	}
	return out
}

// matchCityAnaphors: "fired five missiles at the city" after "Sevastopol" is Sevastopol: "the
// city" names the city named last, in its sentence or the two before (a city: a capital,
// or a gazetteer place described as a city or town).
func (d *doc) matchCityAnaphors(s *sentence, ms []Mention) []Mention {
	toks := s.Tokens
	var out []Mention
	k := 0
	for i := 0; i+1 < len(toks); i++ {
		for ; k < len(ms) && ms[k].first <= i; k++ {
			if d.isCity(ms[k].Entity) {
				d.lastCity, d.lastCityAt = ms[k].Entity, s.Index
			}
		}
		if toks[i].Norm != "the" || toks[i+1].Norm != "city" || covered(ms, i+1) || d.lastCity == "" || d.lastCityAt < s.Index-2 {
			continue
		}
		// (not "the city of Kharkiv", nor "the city council")
		if i+2 < len(toks) && (toks[i+2].Norm == "of" || toks[i+2].Word && (toks[i+2].Capitalized() || s.noun(i+2))) {
			continue
		}
		out = append(out, Mention{Entity: d.lastCity, Text: d.text[toks[i].Start:toks[i+1].End], Start: toks[i].Start, End: toks[i+1].End,
			Sentence: s.Index, Rule: "anaphor.city", Resolved: true, first: i, last: i + 1})
	}
	for ; k < len(ms); k++ {
		if d.isCity(ms[k].Entity) {
			d.lastCity, d.lastCityAt = ms[k].Entity, s.Index
		}
	}
	return out
}

// isCity: the entity is a city (a capital's city, or a place the gazetteer describes as a
// city or town).
// (not a region that names its capital city: "Russian region (and its capital city,
// Tver)"; read once per entity and article)
func (d *doc) isCity(id string) bool {
	if c, ok := d.cityKind[id]; ok {
		return c
	}
	e := d.g.Entry(id)
	c := false
	if e != nil && e.Kind == factgraph.KindLocation {
		desc, name := strings.ToLower(e.Description), strings.ToLower(e.Name)
		c = strings.HasPrefix(desc, "capital of") || (strings.Contains(desc, "city") || strings.Contains(desc, "town")) && !regionWordsRe.MatchString(name+" "+desc)
	}
	if d.cityKind == nil {
		d.cityKind = map[string]bool{}
	}
	d.cityKind[id] = c
	return c
}

// regionWordsRe: the words of a region, province or district.
var regionWordsRe = regexp.MustCompile(`\b(?:region|oblast|province|district|governorate|krai|county|state)\b`)

// capitalCities: a capital names its state ("Moscow said", "in Kyiv" as a venue) unless
// the words around it speak of the city: the dateline ("MOSCOW, July 17. /TASS/."), a
// place near or in it ("near Warsaw", "the outskirts of Kyiv", "central Kyiv", "200 km of
// Moscow"), its clock and its mayor ("3 a.m. Moscow time", "Moscow Mayor Sergei
// Sobyanin"), strikes on it ("missile strikes on Kyiv"), or a list of cities it stands in
// ("fired 38 missiles at Kyiv, Dnipro, Kryvyi Rih and other cities"). Those mentions are
// the city (location:moscow, the state's country), as the conventions annotate them.
func (d *doc) capitalCities(s *sentence, ms []Mention) {
	toks := s.Tokens
	norm := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].Norm
	}
	for n := range ms {
		m := &ms[n]
		if m.Rule != "gazetteer."+formCapital {
			continue
		}
		c := d.g.capitalCity(m.Entity)
		if c == nil {
			continue
		}
		i, j := m.first, m.last
		city := false
		switch {
		case s.Index == 0 && i == 0 && norm(j+1) == "," && d.home == m.Entity:
			city = true // the dateline
		case cityBefore[norm(i-1)] || norm(i-1) == "of" && cityOf[norm(i-2)]:
			city = true
		case norm(j+1) == "time" || norm(j+1) == "mayor" || j+1 < len(toks) && (toks[j+1].Text == "'s" || toks[j+1].Text == "’s") && norm(j+2) == "mayor":
			city = true
		case norm(i-1) == "on" && strikeNouns[norm(i-2)]:
			city = true
		case norm(i-1) == "left" && i >= 2:
			city = true // "left Pyongyang on October 31 for an official visit"
		case norm(i-1) == "in" && strikeBefore(toks, i-1):
			city = true // "an air strike on Hamas leaders in Doha", "a shooting attack in Jerusalem"
		default:
			// a list of places with another city in it
			for _, o := range []int{n - 1, n + 1} {
				if o < 0 || o >= len(ms) || d.kindOf(ms[o].Entity) != factgraph.KindLocation || ms[o].Rule == "gazetteer."+formCapital {
					continue
				}
				a, b := m, &ms[o]
				if o < n {
					a, b = b, m
				}
				if gap := b.first - a.last; gap == 2 && (norm(a.last+1) == "," || norm(a.last+1) == "and") || gap == 3 && norm(a.last+1) == "," && norm(a.last+2) == "and" {
					city = city || !strings.Contains(strings.ToLower(d.nameOf(ms[o].Entity)), "region")
				}
			}
		}
		if city {
			m.Entity = c.ID
		}
	}
}

// strikeBefore: a strike noun among the five words before token k, with no punctuation
// between.
func strikeBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if !toks[j].Word {
			return false
		}
		if strikeNouns[toks[j].Norm] {
			return true
		}
	}
	return false
}

// cityBefore, cityOf: the words before a capital that make it the city ("near Moscow",
// "the outskirts of Kyiv").
var cityBefore = map[string]bool{"near": true, "central": true, "downtown": true, "outside": true}
var cityOf = map[string]bool{"outskirts": true, "km": true, "kilometres": true, "kilometers": true, "miles": true,
	"centre": true, "center": true, "suburbs": true, "streets": true, "mayor": true, "residents": true}

// strikeNouns: the nouns of strikes on a place ("strikes on Kyiv").
var strikeNouns = map[string]bool{"strike": true, "strikes": true, "attack": true, "attacks": true, "raid": true,
	"raids": true, "barrage": true, "bombardment": true, "shelling": true}

// pick chooses among the forms with one key the one that the text matches: all-capital forms
// match case-sensitively, capitalised forms need a capital, short forms need an earlier full
// mention. Among several, an entity already mentioned wins, then names over demonyms.
func (d *doc) pick(forms []form, toks []token, i, j int, s *sentence) (form, bool) {
	var best form
	found := false
	score := -1
	for _, f := range forms {
		if f.Exact != "" && !(lettersOnly(d.text[toks[i].Start:toks[j].End]) == f.Exact) {
			continue
		}
		if f.Upper && !toks[i].Capitalized() {
			continue
		}
		// an organisation's name written with its head in lower case is a description, not
		// the name: "the Russian armed forces" are the country's forces (its demonym), as
		// "Swedish police" are Sweden's
		// (but a specific body keeps its name in lower case: "Russia's defence ministry",
		// "Ukraine's navy" are the ministry and the navy)
		if f.Entry.Kind == factgraph.KindOrganization && j > i && toks[j].Word && !toks[j].Capitalized() && f.UpperLast && !lowerBodies[toks[j].Norm] {
			continue
		}
		if f.Kind == formShort && !d.mentioned[f.Entry.ID] && !titledShort(forms, f, toks, i) {
			continue
		}
		// a lower-case form at the start of a sentence is fine; an upper-case one that is
		// a common word at the start of a sentence ("Chad", "Jordan") is accepted too.
		sc := 0
		if d.mentioned[f.Entry.ID] {
			sc += 4
		}
		if f.Kind == formName || f.Kind == formAlias {
			sc += 2
		}
		if f.Kind == formDemonym || f.Kind == formCapital {
			sc++
		}
		if sc > score {
			best, score, found = f, sc, true
		}
	}
	return best, found
}

// lowerBodies: the heads of a country's specific bodies, named so in lower case too.
var lowerBodies = map[string]bool{"ministry": true, "group": true}

// upperLast: the last word of a form is capitalised ("Russian Armed Forces").
func upperLast(surface string) bool {
	f := strings.Fields(surface)
	return len(f) > 1 && unicode.IsUpper(firstRune(f[len(f)-1]))
}

// titledShort: a person's short form after a capitalised title is a full mention ("President
// Biden" with no "Joe Biden" before it) when no other person has that short form.
func titledShort(forms []form, f form, toks []token, i int) bool {
	if f.Entry.Kind != factgraph.KindPerson || i == 0 || !toks[i-1].Capitalized() || !personTitles[toks[i-1].Norm] {
		return false
	}
	for _, o := range forms {
		if o.Kind == formShort && o.Entry.Kind == factgraph.KindPerson && o.Entry.ID != f.Entry.ID {
			return false
		}
	}
	return true
}

// note records that an entity was mentioned (full: by a form other than a short one).
func (d *doc) note(id string, full bool) {
	if full {
		d.mentioned[id] = true
	}
	if e := d.g.Entry(id); e != nil && e.Kind == factgraph.KindPerson {
		d.lastPerson = id
	}
	if d.unresolved[id] != nil && d.unresolved[id].Kind == factgraph.KindPerson {
		d.lastPerson = id
	}
	if d.kindOf(id) == factgraph.KindFacility {
		d.lastFacility = id
	}
}

// personTitles are words before a name that say it is a person's name.
var personTitles = map[string]bool{
	"president": true, "minister": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"general": true, "colonel": true, "admiral": true, "ambassador": true, "envoy": true, "senator": true, "congressman": true, "congresswoman": true,
	"chancellor": true, "mr": true, "ms": true, "mrs": true, "dr": true, "commander": true, "secretary": true,
	"governor": true, "mayor": true, "major": true, "captain": true, "lieutenant": true, "sergeant": true,
	"premier": true, "chairman": true, "chairwoman": true, "director": true, "chief": true, "analyst": true,
	"officer": true, "official": true, "marshal": true, "deputy": true, "adviser": true, "advisor": true,
	"correspondent": true, "professor": true, "researcher": true, "lt": true, "gen": true, "col": true,
	"representative": true, "prosecutor": true, "judge": true, "aide": true, "diplomat": true,
	"executive": true, "head": true, "lawmaker": true, "legislator": true, "prince": true, "king": true,
	"queen": true, "emir": true, "sheikh": true, "pope": true, "mufti": true,
	// military ranks below the officers: "Specialist Ann Holt", "Private Oleg Berg"
	"specialist": true, "private": true, "airman": true, "seaman": true, "cpl": true, "pfc": true, "spc": true,
	// occupations written before a name: "the shipping businessman Ivar Lund"
	"businessman": true, "businesswoman": true, "tycoon": true, "billionaire": true, "oligarch": true,
	"activist": true, "journalist": true, "blogger": true, "campaigner": true, "instructor": true,
	"photographer": true, "filmmaker": true, "writer": true, "author": true, "reporter": true,
	"commentator": true, "presenter": true, "editor": true, "engineer": true, "scientist": true,
	"cleric": true, "preacher": true, "doctor": true, "surgeon": true, "nurse": true, "student": true,
	// roles and conditions written before a name: "Russian citizen Viktor Lund", "basketball
	// player Ann Holt", "arms dealer Ivar Lund", "the pilot Oleg Berg"
	"citizen": true, "national": true, "player": true, "star": true, "dealer": true, "trafficker": true,
	"smuggler": true, "pilot": true, "navigator": true, "co-pilot": true, "soldier": true, "sailor": true,
	"serviceman": true, "servicewoman": true, "lawyer": true, "athlete": true, "dissident": true, "prisoner": true,
	"detainee": true, "hostage": true, "veteran": true,
	// police and investigators' ranks: "Detective Chief Superintendent Anna Berg"
	"detective": true, "superintendent": true, "inspector": true, "constable": true, "commissioner": true,
	"investigator": true, "sheriff": true, "attorney": true,
	// leaders and founders of groups: "Wagner founder Yevgeny Prigozhin", "opposition leader
	// Ann Holt"
	"founder": true, "co-founder": true, "cofounder": true, "leader": true, "boss": true, "warlord": true,
	// military ranks, also abbreviated: "Brig. Gen. Pat Ryder", "Rear Adm. Ann Holt"
	"brigadier": true, "commodore": true, "corporal": true, "brig": true, "adm": true, "maj": true,
	"capt": true, "sgt": true, "cmdr": true, "cdr": true,
}

// rankAbbreviations are the abbreviated titles whose full stop stays inside the title: "Brig.
// Gen. Pat Ryder" is one title and a name.
var rankAbbreviations = map[string]bool{"gen": true, "brig": true, "adm": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "cmdr": true, "cdr": true, "gov": true, "sen": true, "rep": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true}

// titleOf complete a title after "of": "Secretary of State", "Minister of Defence".
var titleOf = map[string]bool{"state": true, "defence": true, "defense": true, "war": true, "justice": true, "national": true, "foreign": true,
	"finance": true, "staff": true, "homeland": true, "energy": true, "commerce": true}

// titleWords qualify a title: "Foreign Minister", "Prime Minister", "Vice Admiral".
var titleWords = map[string]bool{
	"foreign": true, "defence": true, "defense": true, "prime": true, "vice": true, "first": true, "interior": true,
	"finance": true, "national": true, "security": true, "senior": true, "special": true,
	"presidential": true, "press": true, "trade": true, "economy": true, "justice": true, "army": true,
	"navy": true, "air": true, "force": true, "staff": true, "executive": true, "chief": true, "managing": true,
	"cabinet": true, // "Chief Cabinet Secretary Yoshimasa Hayashi" (attribution: a transcript's speaker)
	"rear":    true, // "Rear Admiral", "Rear Adm."
}

// orgHeads end the name of an organization: "Defence Ministry", "Operational Command".
var orgHeads = map[string]bool{
	"ministry": true, "agency": true, "command": true, "council": true, "committee": true, "office": true,
	"service": true, "guard": true, "forces": true, "army": true, "navy": true, "party": true, "institute": true,
	"bureau": true, "commission": true, "corporation": true, "company": true, "group": true, "department": true,
	"directorate": true, "administration": true, "authority": true, "fleet": true, "staff": true, "university": true,
	"police": true, "customs": true, "centre": true, "center": true, "association": true, "union": true,
	"federation": true, "society": true, "organisation": true, "organization": true, "foundation": true,
	"coalition": true, "consortium": true, "court": true, "parliament": true, "assembly": true, "operator": true,
	"bank": true, "brigade": true, "regiment": true, "battalion": true, "division": true, "corps": true,
	"squadron": true, "holdings": true, "holding": true, "ltd": true, "llc": true, "plc": true, "inc": true,
	"airlines": true, "airways": true, "network": true, "senate": true,
	"school": true, "academy": true, "college": true,
	// company names: "Ningbo Yipeng Shipping", "Hapag-Lloyd Lines", "Sovcomflot Logistics"
	"shipping": true, "lines": true, "logistics": true, "shipyard": true,
	"energy": true, "petroleum": true, "industries": true, "enterprises": true, "trading": true,
	// makers and movements: "Kessler Rotor Engine", "Delta Vector Industry", "Nordic
	// Aerospace Systems", "the Sahel Liberation Movement"
	"industry": true, "engine": true, "engines": true, "aviation": true, "aerospace": true,
	"technology": true, "technologies": true, "electronics": true, "motors": true, "systems": true,
	"movement": true,
}

// vesselHeads are nouns for ships: "the Eventin tanker", "the tanker Eventin".
var vesselHeads = map[string]bool{
	"tanker": true, "vessel": true, "ship": true, "freighter": true, "destroyer": true, "frigate": true,
	"corvette": true, "carrier": true, "yacht": true, "trawler": true, "ferry": true, "icebreaker": true,
	"submarine": true, "gunboat": true, "tug": true, "tugboat": true, "cruiser": true, "minesweeper": true, "minehunter": true, "warship": true,
}

// sentence-initial words that are capitalised only because they start a sentence.
var stopCaps = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "this": true, "that": true, "but": true, "and": true, "as": true, "while": true,
	"after": true, "before": true, "according": true, "asked": true, "q": true, "i": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "when": true, "if": true, "what": true, "no": true, "yes": true,
	"state": true, "russian": true, "north": true, "south": true, "east": true, "west": true, "of": true,
}

// capRun returns the last index of a run of capitalised word tokens starting at i (hyphen-
// joined pieces included), at most max words, or -1.
func capRun(toks []token, i, max int) int {
	last := -1
	words := 0
	for j := i; j < len(toks) && words < max; j++ {
		t := toks[j]
		if !t.Word {
			break
		}
		if t.Hyphen && last >= 0 {
			last = j
			continue
		}
		if !t.Capitalized() {
			break
		}
		if stopCaps[t.Norm] && j > i {
			break
		}
		last = j
		words++
		// "Mohammed bin Salman", "Ursula von der Leyen": lower-case particles inside a name
		for j+2 < len(toks) && nameParticles[toks[j+1].Text] && toks[j+2].Word && (toks[j+2].Capitalized() || nameParticles[toks[j+2].Text]) {
			j++
		}
	}
	return last
}

// nameSuffixes end a personal name after the surname: "Romeo Brawner Jr.".
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// nameParticles are the lower-case words inside personal names.
var nameParticles = map[string]bool{"bin": true, "bint": true, "ibn": true, "al": true, "von": true, "van": true,
	"der": true, "den": true, "de": true, "da": true, "du": true, "la": true, "le": true}

// covered reports whether token k is inside one of the mentions.
func covered(ms []Mention, k int) bool {
	for _, m := range ms {
		if k >= m.first && k <= m.last {
			return true
		}
	}
	return false
}

// matchPatterns finds new (unresolved) entities by pattern: a title before a capitalised
// name (a person), "X Ministry" (an organization), "the X tanker" (a vessel), and later
// short references to them.
func (d *doc) matchPatterns(s *sentence, ms []Mention) []Mention {
	toks := s.Tokens
	var out []Mention
	add := func(first, last int, kind, rule string) bool {
		for k := first; k <= last; k++ {
			if covered(ms, k) || covered(out, k) {
				return false
			}
		}
		out = append(out, d.newMention(s, first, last, kind, rule))
		return true
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Word {
			continue
		}
		// Person named by a given name and an initial, as privacy rules have it: "identified
		// only as Volodymyr Z.", "a suspect named as Serhii K."
		if i > 0 && (toks[i-1].Norm == "as" || toks[i-1].Norm == "named") && t.Capitalized() && i+1 < len(toks) && initialRe.MatchString(toks[i+1].Text) && !covered(ms, i) {
			if add(i, i+1, factgraph.KindPerson, "pattern.initial-name") {
				d.lastNewPerson, d.lastNewPersonAt = out[len(out)-1].Entity, s.Index
				i++
				continue
			}
		}
		// "the man", "the suspect": the person the text introduced last by a new name
		// (within five sentences, and not "the suspect vessel", "the man Ann Lee")
		if t.Norm == "the" && i+1 < len(toks) && personNouns[toks[i+1].Norm] && d.lastNewPerson != "" && d.lastNewPersonAt >= s.Index-5 && !covered(ms, i+1) &&
			!(i+2 < len(toks) && toks[i+2].Word && (toks[i+2].Capitalized() || s.noun(i+2))) {
			out = append(out, Mention{Entity: d.lastNewPerson, Text: d.text[t.Start:toks[i+1].End], Start: t.Start, End: toks[i+1].End,
				Sentence: s.Index, Rule: "anaphor.person", first: i, last: i + 1})
			i++
			continue
		}
		// Person: a title (several words: "Deputy Foreign Minister"), then one to four
		// capitalised words not in the gazetteer.
		if personTitles[t.Norm] {
			n := i + 1
			if n < len(toks) && toks[n].Text == "." && rankAbbreviations[t.Norm] {
				n++
			}
			for n < len(toks) && toks[n].Word && (personTitles[toks[n].Norm] || titleWords[toks[n].Norm]) {
				n++
				if n < len(toks) && toks[n].Text == "." && rankAbbreviations[toks[n-1].Norm] {
					n++
				}
			}
			// "Secretary of State Antony Blinken", "Minister of Defence Ann Holt": a title's
			// capitalised "of" complement belongs to it
			if t.Capitalized() && n+2 < len(toks) && toks[n].Norm == "of" && titleOf[toks[n+1].Norm] && toks[n+1].Capitalized() {
				n += 2
				// ("Minister of National Defense", "Secretary of State for Defence")
				for n < len(toks) && toks[n].Word && toks[n].Capitalized() && (titleOf[toks[n].Norm] || titleWords[toks[n].Norm] || toks[n].Norm == "affairs") {
					n++
				}
			}
			// "its chief executive, Ann Lee": a name of two words or more in apposition, also
			// after the title's complement ("the foreign minister of the occupying power,
			// Ann Lee,", "a spokesman for the ministry, Ann Lee, said")
			c := n
			if c < len(toks) && (toks[c].Norm == "of" || toks[c].Norm == "for") && !t.Capitalized() {
				for c++; c < len(toks) && c <= n+7 && toks[c].Word && !s.verb(c); c++ {
				}
			}
			if c+2 < len(toks) && toks[c].Text == "," && !covered(ms, c+1) && toks[c+1].Word && toks[c+1].Capitalized() && !stopCaps[toks[c+1].Norm] {
				// ("a military spokesman, Lieutenant General Ahmed Sharif Chaudhry,": the
				// name's own rank is no part of it)
				r := c + 1
				for r+1 < len(toks) && toks[r].Capitalized() && (personTitles[toks[r].Norm] || titleWords[toks[r].Norm]) && toks[r+1].Word && toks[r+1].Capitalized() {
					r++
				}
				if last := capRun(toks, r, 4); last > r && !orgHeads[toks[last].Norm] && (c == n || last+1 < len(toks) && (toks[last+1].Text == "," || s.verb(last+1))) {
					n = r
				}
			}
			if n < len(toks) && !covered(ms, n) && toks[n].Word {
				// one word is a name only right after a capitalised title: "President Nawrocki"
				if last := capRun(toks, n, 4); last > n || (last == n && (n == i+1 || n == i+2 && toks[i+1].Text == ".") && t.Capitalized() && !stopCaps[toks[n].Norm]) {
					// "Minister Kihara" after "Defence Minister Minoru Kihara": the person
					// named before by that surname
					if id, ok := d.shortNew[toks[n].Norm]; ok && last == n && !covered(out, n) {
						out = append(out, Mention{Entity: id, Text: toks[n].Text, Start: toks[n].Start, End: toks[n].End, Sentence: s.Index,
							Rule: "pattern.short-name", first: n, last: n})
						d.note(id, true)
						i = last
						continue
					}
					if !orgHeads[toks[last].Norm] {
						add(n, last, factgraph.KindPerson, "pattern.title-name")
						i = last
						continue
					}
				}
			}
		}
		// Organization: capitalised words ending in an organization noun.
		if t.Capitalized() && !covered(ms, i) && (i > 0 || !stopCaps[t.Norm]) && rankClass(toks, i) == 0 {
			if last := capRun(toks, i, 5); last >= i && orgHeads[toks[last].Norm] && last > i {
				first := i
				if stopCaps[toks[first].Norm] {
					first++
				}
				if first < last {
					add(first, last, factgraph.KindOrganization, "pattern.org-head")
					i = last
					continue
				}
			}
		}
		// Vessel: "a yacht, the Andromeda": the name in apposition to a ship noun
		if (t.Norm == "a" || t.Norm == "an") && i+4 < len(toks) && vesselHeads[toks[i+1].Norm] && toks[i+2].Text == "," && toks[i+3].Norm == "the" {
			if last := capRun(toks, i+4, 3); last >= i+4 && !covered(ms, i+4) && (last+1 >= len(toks) || !toks[last+1].Word) {
				add(i+4, last, factgraph.KindVessel, "pattern.vessel-name")
				i = last
				continue
			}
		}
		// Vessel: "the X tanker" or "the tanker X" (also after an owner's possessive: "the
		// Navy's Alborz destroyer")
		if t.Capitalized() && i+3 < len(toks) && isPossessive(toks[i+1]) && !covered(ms, i+2) {
			if last := capRun(toks, i+2, 3); last > i+1 && last+1 < len(toks) && vesselHeads[toks[last+1].Norm] {
				add(i+2, last, factgraph.KindVessel, "pattern.vessel-name")
				i = last + 1
				continue
			}
		}
		if t.Norm == "the" && i+2 < len(toks) {
			if last := capRun(toks, i+1, 3); last > i && last+1 < len(toks) && vesselHeads[toks[last+1].Norm] && !covered(ms, i+1) {
				add(i+1, last, factgraph.KindVessel, "pattern.vessel-name")
				i = last + 1
				continue
			}
			if vesselHeads[toks[i+1].Norm] && i+2 < len(toks) {
				if last := capRun(toks, i+2, 3); last >= i+2 && !covered(ms, i+2) {
					add(i+2, last, factgraph.KindVessel, "pattern.vessel-name")
					i = last
					continue
				}
			}
		}
		// "the JCS" after "the Joint Chiefs of Staff": the initials of a new organisation
		if t.AllCaps() && len(t.Text) >= 2 && len(t.Text) <= 6 && !covered(ms, i) && !covered(out, i) {
			if id := d.newOrgByInitials(t.Text); id != "" {
				out = append(out, Mention{Entity: id, Text: t.Text, Start: t.Start, End: t.End, Sentence: s.Index,
					Rule: "pattern.initials", first: i, last: i})
				d.note(id, true)
				continue
			}
		}
		// a later bare reference to a new person by one of their names: "Kowalczyk said".
		if t.Capitalized() && !covered(ms, i) && !covered(out, i) {
			if id, ok := d.shortNew[t.Norm]; ok && !(i+1 < len(toks) && toks[i+1].Word && toks[i+1].Capitalized()) {
				out = append(out, Mention{Entity: id, Text: t.Text, Start: t.Start, End: t.End, Sentence: s.Index,
					Rule: "pattern.short-name", first: i, last: i})
				d.note(id, true)
			}
		}
	}
	return out
}

// initialRe: a capital initial with its dot ("Z.").
var initialRe = regexp.MustCompile(`^\p{Lu}\.$`)

// personNouns re-mention a person: "the man", "the suspect".
var personNouns = map[string]bool{"man": true, "woman": true, "suspect": true}

// newMention is the mention of tokens first..last as a new entity of the kind (created on
// its first mention), noted as mentioned.
func (d *doc) newMention(s *sentence, first, last int, kind, rule string) Mention {
	toks := s.Tokens
	name := d.text[toks[first].Start:toks[last].End]
	id := d.newEntity(kind, name, rule)
	d.note(id, true)
	return Mention{Entity: id, Text: name, Start: toks[first].Start, End: toks[last].End,
		Sentence: s.Index, Rule: rule, first: first, last: last}
}

// homeOrg is the gazetteer organisation of the article's dateline country named by an
// organisation's unqualified name ("Defence Ministry", "Security Council"), or "".
func (d *doc) homeOrg(name string) string {
	home := d.g.Entry(d.home)
	if home == nil || len(name) > 80 {
		return ""
	}
	return d.countryBody(home, name)
}

// bareBodies are the national bodies whose name does not say whose they are.
var bareBodies = map[string]bool{"foreign ministry": true, "defence ministry": true, "defense ministry": true,
	"ministry of defence": true, "ministry of defense": true, "ministry of foreign affairs": true,
	"ministry of commerce": true, "commerce ministry": true, "interior ministry": true, "ministry of the interior": true,
	"ministry of interior": true, "finance ministry": true, "ministry of finance": true, "justice ministry": true,
	"ministry of justice": true, "trade ministry": true, "ministry of trade": true, "economy ministry": true,
	"ministry of economy": true, "ministry of national defense": true, "ministry of national defence": true,
	"ministry of transport": true, "transport ministry": true}

// bodyCountry is the country a bare national body belongs to: the one bodyHint found in
// its sentence (the country of the spokesperson named with it, a venue "in Beijing"
// before it), else the country of the dateline's agency, of the publisher, or of the
// sentence before's subject; "" when none.
func (d *doc) bodyCountry() string {
	if d.bodyHint != "" {
		return d.bodyHint
	}
	if c := d.countryOf(d.voice); c != "" {
		return c
	}
	if d.publisherCountry != "" {
		return d.publisherCountry
	}
	return d.subjectCountry()
}

// setBodyHint finds the country of a bare body named by tokens first..last from its
// sentence: a gazetteer person named right after it with a role word ("Foreign Ministry
// spokesman Nasser Kanaani"), else a country or capital after "in" before it ("at a
// briefing in Beijing, Foreign Ministry spokesperson ...").
func (d *doc) setBodyHint(s *sentence, ms []Mention, first, last int) {
	d.bodyHint = ""
	toks := s.Tokens
	if k := last + 1; k+1 < len(toks) && (roleNouns[toks[k].Norm] || roleSynonyms[toks[k].Norm] == "spokesperson" || personTitles[toks[k].Norm]) {
		if c := d.countryOf(mentionAt(ms, k+1)); c != "" && d.kindOf(mentionAt(ms, k+1)) == factgraph.KindPerson {
			d.bodyHint = c
			return
		}
	}
	for k := first - 2; k >= 0; k-- {
		if toks[k].Norm == "in" {
			if c := mentionAt(ms, k+1); c != "" && d.kindOf(c) == factgraph.KindCountry {
				d.bodyHint = c
				return
			}
		}
	}
}

// countryBody is the gazetteer organisation of country c named by a body's unqualified
// name ("Russia's Foreign Ministry", "Russian Foreign Ministry"), or "".
func (d *doc) countryBody(c *Entry, name string) string {
	forms := []string{c.Name + "'s " + name}
	for _, dem := range c.Demonyms {
		forms = append(forms, dem+" "+name)
	}
	for _, f := range forms {
		for _, e := range d.g.Lookup(f) {
			if e.Kind == factgraph.KindOrganization && e.Country == c.ID {
				return e.ID
			}
		}
	}
	return ""
}

// newEntity returns the id of the new entity with that kind and name, creating it. The
// name's white space becomes single spaces: a name the patterns join across a line break
// ("General A\nB") is still one line, as the domain requires.
func (d *doc) newEntity(kind, name, rule string) string {
	name = strings.Join(strings.Fields(name), " ")
	// "PAT RYDER" of a transcript's label is named as a person is: "Pat Ryder"
	if kind == factgraph.KindPerson && strings.ToUpper(name) == name && strings.ToLower(name) != name {
		name = titleCase(name)
	}
	// "Admiral Viktor Lund", "Lieutenant Colonel Oleg Berg": a rank or title the pattern
	// took in is not part of the name
	if kind == factgraph.KindPerson {
		f := strings.Fields(name)
		for len(f) > 2 {
			w := strings.ToLower(strings.TrimSuffix(f[0], "."))
			if !personTitles[w] && !titleWords[w] {
				break
			}
			f = f[1:]
		}
		name = strings.Join(f, " ")
	}
	prefix := map[string]string{
		factgraph.KindPerson: "person", factgraph.KindOrganization: "org", factgraph.KindVessel: "vessel",
		factgraph.KindFacility: "facility", factgraph.KindLocation: "location", factgraph.KindWeaponSystem: "weapon",
		factgraph.KindCountry: "country",
	}[kind]
	id := prefix + ":" + slug(name)
	// "the Foreign Ministry" in a report datelined in Moscow: Russia's, when the gazetteer
	// has it ("Russian Foreign Ministry", "Russia's Foreign Ministry")
	if kind == factgraph.KindOrganization {
		if known := d.homeOrg(name); known != "" {
			return known
		}
		// "the Security Council is due to meet" with no full name before: the one
		// organisation the gazetteer names so for short, not a new one
		if known := d.shortOrgNamed(name); known != "" {
			return known
		}
		// "Foreign Ministry spokesman Nasser Kanaani", "the Ministry of Commerce" in a Xinhua
		// report: a national body named without its country is the ministry of the country
		// the context gives; a new one is named with its demonym ("Chinese Ministry of
		// Commerce"), so that two countries' ministries stay two
		if bareBodies[factgraph.NormalizeName(name)] {
			if c := d.g.Entry(d.bodyCountry()); c != nil {
				if known := d.countryBody(c, name); known != "" {
					d.newNames[factgraph.NormalizeName(name)] = known // ("the Foreign Ministry" again)
					return known
				}
				if len(c.Demonyms) > 0 {
					name = c.Demonyms[0] + " " + name
					id = prefix + ":" + slug(name)
				}
			}
		}
	}
	// "the Sierra Madre" after "the BRP Sierra Madre": the vessel named with its prefix
	if kind == factgraph.KindVessel {
		if known, ok := d.newNames[factgraph.NormalizeName(name)]; ok && strings.HasPrefix(known, "vessel:") {
			return known
		}
	}
	if _, ok := d.unresolved[id]; !ok {
		d.unresolved[id] = &factgraph.Entity{ID: id, Kind: kind, Name: name,
			Description: "Unresolved: not in the gazetteer; recognised by rule " + rule + " in " + d.article.ID + "."}
		d.unresolvedOrder = append(d.unresolvedOrder, id)
		if kind != factgraph.KindPerson {
			d.newNames[factgraph.NormalizeName(name)] = id
		}
		if p, rest, ok := strings.Cut(name, " "); ok && kind == factgraph.KindVessel && shipPrefixes[p] {
			d.newNames[factgraph.NormalizeName(rest)] = id
		}
		if kind == factgraph.KindOrganization {
			d.noteInitials(id, name)
			// "IEMZ Kupol", "PJSC Sovkom": a company named after an acronym (a legal form or
			// a maker's initials) is later its name alone ("Kupol")
			if p, rest, ok := strings.Cut(name, " "); ok && len(p) >= 2 && len(p) <= 5 && isAcronym(p) && !strings.Contains(rest, " ") && len(rest) >= 4 && !isAcronym(rest) && !orgHeads[strings.ToLower(rest)] {
				if _, taken := d.newNames[factgraph.NormalizeName(rest)]; !taken {
					d.newNames[factgraph.NormalizeName(rest)] = id
				}
			}
		}
		if kind == factgraph.KindPerson {
			words := strings.Fields(factgraph.NormalizeName(name))
			// "Brawner" after "Romeo Brawner Jr.": a generational suffix is no surname
			for len(words) > 2 && nameSuffixes[words[len(words)-1]] {
				words = words[:len(words)-1]
			}
			if len(words) >= 2 {
				d.shortNew[words[len(words)-1]] = id
				d.shortNew[words[0]] = id
			}
		}
	}
	return id
}

// slug folds a name to an id part: lower-case ASCII letters and digits joined by "-".
func slug(s string) string {
	n := factgraph.NormalizeName(s)
	var b strings.Builder
	for _, r := range n {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 150 {
		out = out[:150]
	}
	if out == "" {
		out = "x"
	}
	return out
}

// matchAnaphors finds "the leader", "the North Korean leader", "the president": a title of
// the person named last (or of the one known person with that title and country).
func (d *doc) matchAnaphors(s *sentence, ms []Mention) []Mention {
	toks := s.Tokens
	var out []Mention
	for i := 0; i+1 < len(toks); i++ {
		j := i + 1
		country := ""
		// "Iran's foreign minister": a country's possessive and the title (the mention is
		// the title's words, the country keeps its own)
		possessive := false
		if isPossessive(toks[i]) && i > 0 {
			if c := mentionEndingAt(ms, i-1); c >= 0 && d.kindOf(ms[c].Entity) == factgraph.KindCountry {
				country, possessive = ms[c].Entity, true
			}
		}
		if toks[i].Norm != "the" && !possessive {
			continue
		}
		// an optional demonym or country already matched: "the North Korean leader"
		for _, m := range ms {
			if m.first == j && !possessive {
				if e := d.g.Entry(m.Entity); e != nil && e.Kind == factgraph.KindCountry {
					country = e.ID
					j = m.last + 1
				}
			}
		}
		// the longest title
		for k := min(len(toks)-1, j+2); k >= j; k-- {
			if covered(ms, k) && k != j-1 {
				continue
			}
			key := wordSpan(toks, j, k)
			if key == "" {
				continue
			}
			var cands []*Entry
			for _, e := range d.g.titles[key] {
				// (after a state's possessive only a holder whose term the gazetteer dates,
				// or one the article named: "Russia's president" of 2010 is not Putin)
				if e.heldOn(key, d.pub) && (!possessive || e.termed(key) || d.mentioned[e.ID]) {
					cands = append(cands, e)
				}
			}
			if len(cands) == 0 {
				continue
			}
			// ("Iran's foreign minister's deputy", "foreign minister-designate": not the holder)
			if possessive && k+1 < len(toks) && (isPossessive(toks[k+1]) || toks[k+1].Hyphen) {
				break
			}
			// not an appositive: "the president, Volodymyr Zelensky" or "the leader Kim"
			if k+1 < len(toks) && toks[k+1].Word && toks[k+1].Capitalized() {
				break
			}
			// "the Russian ambassador, Vladimir Lipaev": the name in apposition is who is meant
			if k+2 < len(toks) && toks[k+1].Text == "," && toks[k+2].Word && toks[k+2].Capitalized() && capRun(toks, k+2, 4) > k+2 {
				break
			}
			// in a transcript turn, a bare "the President" is the head of the speaker's
			// own country ("the President wants peace" said by an American official)
			var id string
			if speaker := d.turnSpeaker(s, ms); country == "" && j == i+1 && speaker != "" {
				if e := d.g.Entry(speaker); e != nil && e.Kind == factgraph.KindPerson && e.Country != "" {
					id = d.resolveTitle(cands, e.Country)
					if id == speaker {
						id = ""
					}
				}
			}
			// (the person the article introduced with the title, when of the same country as
			// the one found: "the President" in a Ukrainian's turn after "President Putin"
			// is still Zelensky)
			if intro := d.titleIntro[key]; intro != "" && country == "" && (id == "" || d.countryOf(intro) == d.countryOf(id)) {
				id = intro
			}
			if id == "" {
				id = d.resolveTitle(cands, country)
			}
			if id == "" {
				break
			}
			from := i
			if possessive {
				from = j
			}
			out = append(out, Mention{Entity: id, Text: d.text[toks[from].Start:toks[k].End], Start: toks[from].Start,
				End: toks[k].End, Sentence: s.Index, Rule: "anaphor.title", Resolved: true, first: from, last: k})
			d.note(id, false)
			i = k
			break
		}
	}
	return out
}

// turnSpeaker is the speaker of the transcript turn a sentence is in ("" outside one), as
// attributionOf will find it: the label's entity on the turn's first sentence, the turn's
// speaker after it within the paragraph.
func (d *doc) turnSpeaker(s *sentence, ms []Mention) string {
	if !d.transcript {
		return ""
	}
	if s.Speaker != "" {
		for _, m := range ms {
			if m.End <= s.Start+len(s.Speaker) {
				return m.Entity
			}
		}
		return d.speakerEntity(s.Speaker)
	}
	if s.Para == d.speakerPara {
		return d.speaker
	}
	return ""
}

func (d *doc) resolveTitle(cands []*Entry, country string) string {
	if d.lastPerson != "" {
		for _, e := range cands {
			if e.ID == d.lastPerson && (country == "" || e.Country == country) {
				return e.ID
			}
		}
	}
	var mentioned, inCountry []*Entry
	for _, e := range cands {
		if d.mentioned[e.ID] && (country == "" || e.Country == country) {
			mentioned = append(mentioned, e)
		}
		if country != "" && e.Country == country {
			inCountry = append(inCountry, e)
		}
	}
	if len(mentioned) == 1 {
		return mentioned[0].ID
	}
	if len(mentioned) == 0 && len(inCountry) == 1 {
		return inCountry[0].ID
	}
	return ""
}

// usageKeys: the sources whose usage applies to a claim of source src: src itself and its
// country ("org:kcna" speaks as North Korea).
func (d *doc) usageKeys(src string) []string {
	if src == "" {
		return nil
	}
	keys := []string{src}
	if e := d.g.Entry(src); e != nil && e.Country != "" {
		keys = append(keys, e.Country)
		// (a person of an organisation speaks in its words: Saree, a Houthi spokesman,
		// names the Houthis as the movement does)
		if e.Org != "" {
			keys = append(keys, e.Org)
		}
	} else if c := d.sourceCountry[src]; c != "" {
		keys = append(keys, c) // "North Korean official Ri Song-il" (attribution.go)
	} else if d.voice != "" && d.voice != src && d.g.Entry(src) == nil {
		// (a spokesperson the agency names, of no known country, speaks in its words:
		// "Liu Dejun said ... Xianbin Jiao" in a Xinhua report)
		keys = append(keys, d.usageKeys(d.voice)...)
	}
	return keys
}

// matchUsage finds the forms that name an entity in the usage of the sentence's source
// (the gazetteer's "usage" field), longest first, case-insensitively. They replace the
// mentions inside them.
func (d *doc) matchUsage(s *sentence, ms []Mention, src string) []Mention {
	var tables []map[string]*Entry
	var firsts []map[string]bool
	for _, k := range d.usageKeys(src) {
		if t := d.g.usage[k]; len(t) > 0 {
			tables = append(tables, t)
			firsts = append(firsts, d.g.usageFirst[k])
		}
	}
	if len(tables) == 0 {
		return nil
	}
	toks := s.Tokens
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if !toks[i].Word || label(s, Mention{End: toks[i].End}) {
			continue
		}
		starts := false
		for _, f := range firsts {
			starts = starts || f[toks[i].Norm]
		}
		if !starts {
			continue
		}
		best := -1
		var entry *Entry
		words := 0
		for j := i; j < len(toks) && words < d.g.maxLen; j++ {
			if !toks[j].Word {
				continue
			}
			words++
			key := wordSpan(toks, i, j)
			if key == "" {
				break
			}
			for _, t := range tables {
				if e := t[key]; e != nil {
					best, entry = j, e
				}
			}
		}
		if best < 0 {
			continue
		}
		out = append(out, Mention{Entity: entry.ID, Text: d.text[toks[i].Start:toks[best].End], Start: toks[i].Start,
			End: toks[best].End, Sentence: s.Index, Rule: "gazetteer.usage", Resolved: true, first: i, last: best})
		d.note(entry.ID, true)
		i = best
	}
	return out
}

// mergeMentions adds the usage mentions, dropping the mentions they overlap, in text order.
func mergeMentions(ms, us []Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		if !overlapsAny(us, m) {
			out = append(out, m)
		}
	}
	out = append(out, us...)
	sort.Slice(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

func overlapsAny(ms []Mention, m Mention) bool {
	for _, o := range ms {
		if o.first <= m.last && m.first <= o.last {
			return true
		}
	}
	return false
}

// aircraftRe: a weapon whose name or description says it flies (and is not a drone).
var aircraftRe = regexp.MustCompile(`(?i)\b(fighter|fighters|aircraft|plane|planes|jet|jets|bomber|bombers|interceptor|helicopter)\b`)

func (d *doc) aircraft(id string) bool {
	if d.newAircraft[id] != "" {
		return true
	}
	e := d.g.Entry(id)
	return e != nil && e.Kind == factgraph.KindWeaponSystem && id != "weapon:drone" && aircraftRe.MatchString(e.Name+" "+e.Description)
}

// fighterRe: an aircraft that "the jets", "the fighters" can mean (not a reconnaissance
// plane or a bomber).
var fighterRe = regexp.MustCompile(`(?i)\b(fighter|fighters|jet|jets|interceptor|multirole)\b`)

// fits: the aircraft or vessel id can be what the class noun w names.
func (d *doc) fits(id, w string) bool {
	if vesselNouns[w] {
		return d.kindOf(id) == factgraph.KindVessel
	}
	if !d.aircraft(id) {
		return false
	}
	switch w {
	case "jet", "jets", "fighter", "fighters", "interceptor", "interceptors":
		if e := d.g.Entry(id); e != nil {
			return fighterRe.MatchString(e.Name + " " + e.Description)
		}
		return fighterRe.MatchString(d.newAircraft[id]) // a new one: the class it was named with
	}
	return true
}

// classNouns name an aircraft or a vessel by its class: "the jets", "the Russian aircraft",
// "the sanctioned tanker".
var aircraftNouns = map[string]bool{"aircraft": true, "jet": true, "jets": true, "plane": true, "planes": true,
	"fighter": true, "fighters": true, "interceptor": true, "interceptors": true}
var vesselNouns = map[string]bool{"vessel": true, "ship": true, "tanker": true, "freighter": true, "carrier": true,
	"yacht": true, "boat": true}

// matchClassAnaphors: "the jets crossed into Estonian airspace" after "three Russian MiG-31
// fighter jets", "the tanker refused to stop" after "the Jaguar": a definite class noun is
// the aircraft or vessel named last (before it in the sentence, else before the sentence).
// orgAnaphorHeads: "the command", "the ministry" name the organisation named last whose
// name has that word (a unit's own words; not "the army", "the navy", which the texts use
// for a country's forces in general).
var orgAnaphorHeads = map[string]bool{"ministry": true, "command": true, "agency": true, "council": true,
	"committee": true, "service": true, "bureau": true, "commission": true, "directorate": true,
	"administration": true, "authority": true, "company": true, "corporation": true, "operator": true,
	"department": true, "institute": true, "school": true,
	"magazine": true, "newspaper": true, "broadcaster": true, "weekly": true, "daily": true,
	// armed groups by their description: "the rebels" after the M23 (armedDescWords)
	"rebels": true, "militia": true, "militants": true, "insurgents": true, "group": true, "movement": true}

// facilityAnaphorHeads: "the plant", "the site", "the base" name the facility named last.
var facilityAnaphorHeads = map[string]bool{"plant": true, "site": true, "facility": true, "complex": true,
	"base": true, "airport": true, "port": true, "terminal": true, "refinery": true, "station": true, "pipeline": true,
	"dam": true, "bridge": true, "monastery": true, "guesthouse": true, "shipyard": true, "airfield": true, "cosmodrome": true}

// matchOrgAnaphors finds "the command", "the ministry": the organisation named last before
// it (in the sentence, else before it) with that word in its name. Not when a name follows
// ("the Ministry of Defence", "the company Navibulgar").
func (d *doc) matchOrgAnaphors(s *sentence, ms []Mention) []Mention {
	toks := s.Tokens
	var out []Mention
	for i := 0; i+1 < len(toks); i++ {
		h := toks[i+1].Norm
		// "The government took the decision" after "Finland is closing ...": the country
		// that opens the sentence, else the country of the sentence before's subject (a
		// country, or a person's of the gazetteer)
		if toks[i].Norm == "the" && h == "government" && !covered(ms, i) && !covered(ms, i+1) && !(i+2 < len(toks) && (toks[i+2].Norm == "of" || toks[i+2].Capitalized() || toks[i+2].Text == "'s")) {
			// ("France is holding a tanker ..., the government said": the country that opens
			// the sentence)
			id := ""
			for _, m := range ms {
				if m.first <= 1 && m.last < i && d.kindOf(m.Entity) == factgraph.KindCountry {
					id = m.Entity
				}
			}
			if id == "" {
				id = d.subjectCountry()
			}
			if id != "" {
				out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[i+1].End], Start: toks[i].Start,
					End: toks[i+1].End, Sentence: s.Index, Rule: "anaphor.government", Resolved: true, first: i, last: i + 1})
				d.note(id, false)
				i++
				continue
			}
		}
		// "the plant", "the site" after "the Zaporizhzhia nuclear power plant": the facility
		// named last (by a word of its name, or any for "the site", "the facility")
		if toks[i].Norm == "the" && facilityAnaphorHeads[h] && d.lastFacility != "" && !covered(ms, i) && !covered(ms, i+1) &&
			!(i+2 < len(toks) && toks[i+2].Word && (toks[i+2].Capitalized() || toks[i+2].Norm == "of")) && !(i > 0 && toks[i-1].Text == "'s") {
			id := d.lastFacility
			fits := h == "site" || h == "facility" || h == "complex"
			for _, w := range strings.Fields(factgraph.NormalizeName(d.nameOf(id))) {
				fits = fits || w == h
			}
			if fits {
				out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[i+1].End], Start: toks[i].Start,
					End: toks[i+1].End, Sentence: s.Index, Rule: "anaphor.facility", Resolved: d.g.Entry(id) != nil, first: i, last: i + 1})
				i++
				continue
			}
		}
		if toks[i].Norm != "the" || !orgAnaphorHeads[h] || covered(ms, i) || covered(ms, i+1) {
			continue
		}
		if i+2 < len(toks) && toks[i+2].Word && (toks[i+2].Capitalized() || toks[i+2].Norm == "of") {
			continue
		}
		id := ""
		for k := len(ms) - 1; k >= 0 && id == ""; k-- {
			if ms[k].last >= i || d.kindOf(ms[k].Entity) != factgraph.KindOrganization {
				continue
			}
			for _, w := range strings.Fields(factgraph.NormalizeName(d.nameOf(ms[k].Entity))) {
				if w == h {
					id = ms[k].Entity
				}
			}
		}
		if id == "" {
			id = d.orgByWord[h].id
		}
		if id == "" {
			continue
		}
		out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[i+1].End], Start: toks[i].Start,
			End: toks[i+1].End, Sentence: s.Index, Rule: "anaphor.org-head", Resolved: true, first: i, last: i + 1})
		d.note(id, false)
		i++
	}
	return out
}

// nameByHead records the named system written last with a class noun ("Fath-360 ...
// missiles", "Shahed-136 drones"): "these missiles" later name it.
func (d *doc) nameByHead(head, id string, sentence int) {
	if d.namedByHead == nil {
		d.namedByHead = map[string]namedAt{}
	}
	d.namedByHead[nounKey(head)] = namedAt{id, sentence}
}

// namedAt is an entity and the sentence that named it.
type namedAt struct {
	id       string
	sentence int
}

// classReferences turns a generic class mention after "these", "those" or "the" into the
// named system written with that class noun before it ("Iran's supply of these missiles"
// after "shipments of Fath-360 close-range ballistic missiles").
func (d *doc) classReferences(s *sentence, ms []Mention) {
	toks := s.Tokens
	for k := range ms {
		m := &ms[k]
		if m.first == 0 || m.first != m.last || !lowerFirst(m.Text) || d.kindOf(m.Entity) != factgraph.KindWeaponSystem {
			continue
		}
		if w := toks[m.first-1].Norm; w != "these" && w != "those" && w != "the" {
			continue
		}
		// (the one named last, as "the jets" is the aircraft named last: anaphor.class)
		if n, ok := d.namedByHead[nounKey(toks[m.last].Norm)]; ok && n.id != m.Entity {
			id := n.id
			m.Entity, m.Rule, m.Resolved = id, "anaphor.class", d.g.Entry(id) != nil
			d.note(id, false)
		}
	}
}

// countryOf: a gazetteer entry's country ("" for others).
func (d *doc) countryOf(id string) string {
	if e := d.g.Entry(id); e != nil {
		return e.Country
	}
	return d.newCountry[id] // ("the British embassy in Yemen" is Britain's)
}

// subjectCountry: the country the sentence before was about: its subject when a country,
// or the country of a gazetteer person who was its subject; "" otherwise.
func (d *doc) subjectCountry() string {
	switch d.kindOf(d.prevSubject) {
	case factgraph.KindCountry:
		return d.prevSubject
	case factgraph.KindPerson:
		if e := d.g.Entry(d.prevSubject); e != nil {
			return e.Country
		}
	}
	return ""
}

func (d *doc) matchClassAnaphors(s *sentence, ms []Mention) []Mention {
	toks := s.Tokens
	var out []Mention
	for i := 0; i < len(toks); i++ {
		// ("The Bahamas-flagged vessel": a country whose name starts with "the")
		if toks[i].Norm != "the" || covered(ms, i) && !(d.kindOf(mentionAt(ms, i)) == factgraph.KindCountry && mentionStartingAt(ms, i) >= 0) {
			continue
		}
		// the noun within three words, the words between lower case or a country word
		country := "" // "the Russian aircraft": one of Russia's
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			t := toks[k]
			if c := mentionAt(ms, k); c != "" && d.kindOf(c) == factgraph.KindCountry {
				country = c
			}
			// a flag state is no owner: "the Panama-flagged ship" is the ship named last
			if t.Norm == "flagged" && t.Hyphen {
				country = ""
				continue
			}
			if !t.Word || covered(ms, k) && d.kindOf(mentionAt(ms, k)) != factgraph.KindCountry {
				break
			}
			// ("the plane", "the aircraft" only with a country word: "the Russian aircraft")
			if plain := t.Norm == "plane" || t.Norm == "planes" || t.Norm == "aircraft"; plain && k == i+1 {
				break
			}
			if !aircraftNouns[t.Norm] && !vesselNouns[t.Norm] {
				if t.Capitalized() && !covered(ms, k) {
					break
				}
				continue
			}
			// "the tanker Eventin": a name follows, the vessel pattern's
			if k+1 < len(toks) && toks[k+1].Word && toks[k+1].Capitalized() || k+1 < len(toks) && vesselNouns[toks[k+1].Norm] {
				break
			}
			plural := strings.HasSuffix(t.Norm, "s")
			fits := func(id string) bool {
				return d.fits(id, t.Norm) && (country == "" || d.owner[id] == country) && (plural || !isFleet(id))
			}
			class := "aircraft"
			switch {
			case vesselNouns[t.Norm] && plural:
				class = "vessels"
			case vesselNouns[t.Norm]:
				class = "vessel"
			case t.Norm != "plane" && t.Norm != "planes" && t.Norm != "aircraft":
				class = "fighter"
			}
			if country != "" {
				class += "|" + country
			}
			id := d.lastCraft[class]
			for _, m := range ms {
				if m.last < i && fits(m.Entity) {
					id = m.Entity
				}
			}
			if id != "" {
				out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:t.End], Start: toks[i].Start, End: t.End,
					Sentence: s.Index, Rule: "anaphor.class", Resolved: d.g.Entry(id) != nil, first: i, last: k})
				i = k
			}
			break
		}
	}
	return out
}

// mentionAt is the entity of the mention covering token k.
func mentionAt(ms []Mention, k int) string {
	for _, m := range ms {
		if m.first <= k && k <= m.last {
			return m.Entity
		}
	}
	return ""
}

// newOrgByInitials: the new organisation named before whose capitalised words' initials
// are the acronym ("JCS": the Joint Chiefs of Staff), if exactly one.
func (d *doc) newOrgByInitials(acronym string) string {
	return d.orgInitials[acronym]
}

// noteInitials records a new organisation's initials for newOrgByInitials ("" when two
// organisations share them).
func (d *doc) noteInitials(id, name string) {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r := w[0]; r >= 'A' && r <= 'Z' {
			b.WriteByte(r)
		}
	}
	if b.Len() < 2 {
		return
	}
	if d.orgInitials == nil {
		d.orgInitials = map[string]string{}
	}
	if old, ok := d.orgInitials[b.String()]; ok && old != id {
		d.orgInitials[b.String()] = ""
		return
	}
	d.orgInitials[b.String()] = id
}

// dropShipClasses drops the weapon mention of a ship's class right after the ship's new
// name ("the Navy's Alborz destroyer": the Alborz, not also a destroyer), and a generic
// class right before a named system of it ("the solid-fuel ICBM Hwasong-18", "the new-type
// intercontinental ballistic missile Hwasong-19": the system only, as "MiG-31 fighter jets"
// is the MiG-31 only).
func (d *doc) dropShipClasses(s *sentence, ms []Mention) []Mention {
	drop := map[int]bool{}
	// ("Iranian-made missile parts", "a rocket fuel ingredient": a class modifying a
	// thing that is no weapon is no entity)
	for k, m := range ms {
		if e := m.last + 1; e < len(s.Tokens) && d.kindOf(m.Entity) == factgraph.KindWeaponSystem && d.genericClass(m.Entity) && modifiedParts[s.Tokens[e].Norm] {
			drop[k] = true
		}
	}
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if b.first == a.last+1 && d.kindOf(a.Entity) == factgraph.KindWeaponSystem && d.kindOf(b.Entity) == factgraph.KindWeaponSystem &&
			d.genericClass(a.Entity) && !d.genericClass(b.Entity) && s.Tokens[b.first].Capitalized() {
			drop[k] = true
		}
	}
	for k := range ms {
		if ms[k].Rule != "pattern.vessel-name" {
			continue
		}
		for j := range ms {
			if ms[j].first == ms[k].last+1 && ms[j].first == ms[j].last && vesselHeads[s.Tokens[ms[j].first].Norm] && strings.HasPrefix(ms[j].Entity, "weapon:") {
				drop[j] = true
			}
		}
	}
	if len(drop) == 0 {
		return ms
	}
	return dropMentions(ms, drop)
}

// warshipClasses are the weapon classes of warships that "the <class>" names as one ship.
var warshipClasses = map[string]bool{"destroyer": true, "cruiser": true, "frigate": true, "warship": true,
	"corvette": true, "submarine": true, "minesweeper": true}

// warshipAnaphors turns "the destroyer", "the cruiser" (a warship class in the singular
// after "the") into the vessel named last in the article, when one was: "The USS Carney
// shot down three drones. The destroyer was not damaged" names the Carney, not a class.
func (d *doc) warshipAnaphors(s *sentence, ms []Mention) {
	toks := s.Tokens
	for k := range ms {
		m := &ms[k]
		if m.first != m.last || m.first == 0 || !warshipClasses[toks[m.first].Norm] || toks[m.first].Capitalized() || toks[m.first-1].Norm != "the" {
			continue
		}
		// (not a class that names a ship after it: "the destroyer USS Carney")
		if m.last+1 < len(toks) && toks[m.last+1].Word && toks[m.last+1].Capitalized() {
			continue
		}
		ship := ""
		for j := k - 1; j >= 0 && ship == ""; j-- {
			if d.kindOf(ms[j].Entity) == factgraph.KindVessel {
				ship = ms[j].Entity
			}
		}
		if ship == "" {
			ship = d.lastVessel
		}
		if ship != "" && d.kindOf(ship) == factgraph.KindVessel {
			m.Entity, m.Rule, m.Resolved = ship, "anaphor.class", d.g.Entry(ship) != nil
		}
	}
}

// genericClass: a gazetteer weapon entry for a class in general ("Ballistic missiles in
// general.", no country), not a named system.
func (d *doc) genericClass(id string) bool {
	e := d.g.Entry(id)
	return e != nil && e.Country == "" && strings.Contains(e.Description, "in general")
}

// modifiedParts after a weapon class make it a modifier of something else: "missile parts".
var modifiedParts = map[string]bool{"parts": true, "part": true, "components": true, "component": true, "fuel": true,
	"debris": true, "fragments": true, "fragment": true}
