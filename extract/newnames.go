package extract

import (
	"regexp"
	"strings"

	"github.com/factgraph/factgraph"
)

// Patterns by which the text introduces named things the gazetteer lacks: organisations
// and facilities whose name starts with a country word ("the Swedish Coast Guard",
// "Copenhagen Airport"), places after a place noun ("the island of Vaindloo"), vessels
// after their type ("the bulk carrier Vezhen", "the tankers Aurora and Meridian", "a tanker
// called the Nova"), people before or after a speech verb or in an apposition with their
// role ("Jens Jespersen said", "said Robin Lardot, director of", "its executive director,
// Petar Kirov"). Each becomes an unresolved entity, as the older patterns' do.

// facilityHeads end a facility's name: "Copenhagen Airport", "Dolmabahce Palace".
var facilityHeads = map[string]bool{"airport": true, "palace": true, "harbour": true, "harbor": true, "terminal": true,
	"station": true, "bridge": true, "pipeline": true, "shipyard": true, "dockyard": true, "cosmodrome": true,
	"airfield": true, "airbase": true, "refinery": true, "plant": true, "dam": true, "depot": true, "arsenal": true,
	"guesthouse": true, "monastery": true, "cathedral": true, "mosque": true, "stadium": true, "embassy": true}

// infraNouns after a numbered name make it a facility: "the Estlink 2 cable".
var infraNouns = map[string]bool{"cable": true, "pipeline": true, "link": true, "interconnector": true,
	"reactor": true, "line": true, "power": true, "gas": true}

// lineModifiers, lineHeads, plantHeads: "the Balticconnector gas pipeline", "the Kessel
// nuclear power plant".
var lineModifiers = map[string]bool{"gas": true, "oil": true, "power": true, "data": true, "nuclear": true,
	"undersea": true, "subsea": true, "electricity": true, "telecommunications": true, "hydroelectric": true,
	"thermal": true, "coal": true, "export": true}
var lineHeads = map[string]bool{"pipeline": true, "cable": true, "interconnector": true}
var plantHeads = map[string]bool{"plant": true, "station": true, "refinery": true, "terminal": true, "dam": true}

// placePrepositions before an unknown proper noun make it a place.
var placePrepositions = map[string]bool{"in": true, "near": true, "off": true, "from": true, "to": true,
	"towards": true, "outside": true, "around": true}

// placeFirstWords begin two-word place names: "New York", "San Remo", "Port Sudan".
var placeFirstWords = map[string]bool{"New": true, "San": true, "Santa": true, "Los": true, "Las": true, "St": true,
	"Saint": true, "Port": true, "Fort": true, "North": true, "South": true, "East": true, "West": true, "Novo": true,
	"Nizhny": true, "Ust": true, "Kryvyi": true, "Sao": true, "Rio": true, "Le": true, "La": true}

// titleCase writes a name given in capitals as a name: "DUBAI" -> "Dubai", "NEW YORK" ->
// "New York".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for k, w := range words {
		r := []rune(w)
		words[k] = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	return strings.Join(words, " ")
}

// placeList: the mention ending at token k is a country or place, and it ends a list of at
// least two of them that follows a place or path preposition ("through A, B, C").
func (d *doc) placeList(s *sentence, ms []Mention, k int) bool {
	toks := s.Tokens
	n := 0
	for k >= 0 {
		j := mentionEndingAt(ms, k)
		if j < 0 {
			return false
		}
		if kind := d.kindOf(ms[j].Entity); kind != factgraph.KindCountry && kind != factgraph.KindLocation {
			return false
		}
		n++
		b := ms[j].first - 1
		if b < 0 {
			return false
		}
		if toks[b].Text == "," {
			k = b - 1
			continue
		}
		return n >= 2 && (placePrepositions[toks[b].Norm] || pathPrepositions[toks[b].Norm])
	}
	return false
}

// placeNouns before "of X": "the town of Porvoo", "the island of Vaindloo".
var placeNouns = map[string]bool{"town": true, "city": true, "village": true, "island": true, "port": true,
	"region": true, "province": true, "district": true, "county": true, "municipality": true, "peninsula": true,
	"oblast": true, "islands": true, "north": true, "south": true, "east": true, "west": true, "coast": true,
	"outskirts": true}

// regionPlurals after "X and Y": "the Murmansk and Irkutsk regions".
var regionPlurals = map[string]bool{"regions": true, "oblasts": true, "provinces": true, "districts": true}

// namedAs is the mention of tokens first..last as the entity of the kind named name (the
// text names it only in part: "Irkutsk" of "the Murmansk and Irkutsk regions"): the
// gazetteer's if it has that name, else a new one.
func (d *doc) namedAs(s *sentence, first, last int, name, kind, rule string) Mention {
	toks := s.Tokens
	m := Mention{Text: d.text[toks[first].Start:toks[last].End], Start: toks[first].Start, End: toks[last].End,
		Sentence: s.Index, Rule: rule, first: first, last: last}
	for _, e := range d.g.Lookup(name) {
		if e.Kind == kind {
			m.Entity, m.Resolved = e.ID, true
			d.note(e.ID, true)
			return m
		}
	}
	m.Entity = d.knownOrNew(kind, name, rule)
	return m
}

// knownOrNew is the id of the new entity named name earlier in the article (its
// non-person names are kept in newNames), else of a new one; noted as mentioned.
func (d *doc) knownOrNew(kind, name, rule string) string {
	id, ok := d.newNames[factgraph.NormalizeName(name)]
	if !ok {
		id = d.newEntity(kind, name, rule)
	}
	d.note(id, true)
	return id
}

// regionHeads after a name: "the Zaporizhzhia region", "Kursk Oblast".
var regionHeads = map[string]bool{"region": true, "oblast": true, "province": true, "krai": true, "district": true}

// nameConnectors may join the capitalised words of a name: "Bureau of Investigation",
// "State Radio and Television Centre".
var nameConnectors = map[string]bool{"of": true, "and": true, "for": true}

// leadStops are capitalised only because they start a sentence; unlike stopCaps they do
// not include the compass words that begin names ("North Atlantic Council").
var leadStops = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "he": true,
	"she": true, "it": true, "they": true, "we": true, "this": true, "that": true, "but": true, "and": true,
	"as": true, "while": true, "after": true, "before": true, "according": true, "asked": true, "q": true, "i": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "when": true, "if": true, "what": true,
	"no": true, "yes": true, "of": true}

// notNames are capitalised words that are not parts of names.
func notName(t token) bool {
	_, mo := months[t.Norm]
	_, wd := weekdays[t.Norm]
	return mo || wd || leadStops[t.Norm]
}

// nameRun returns the last token of a name starting at i: capitalised words (and hyphen
// pieces), joined by connectors followed by another capitalised word, at most max words;
// -1 if token i does not start one. Mentions end it.
func nameRun(toks []token, ms []Mention, i, max int) int {
	last := -1
	words := 0
	for j := i; j < len(toks) && words < max; j++ {
		t := toks[j]
		if !t.Word || covered(ms, j) {
			break
		}
		if t.Hyphen && last >= 0 {
			last = j
			continue
		}
		if nameConnectors[t.Norm] && last >= 0 && j+1 < len(toks) && toks[j+1].Word && toks[j+1].Capitalized() && !covered(ms, j+1) {
			continue
		}
		if !t.Capitalized() || j > i && notName(t) {
			break
		}
		last = j
		words++
	}
	return last
}

// orgEnd: the name i..last is an organisation's when its last word is an organisation noun
// or one is followed by "of" ("Bureau of Investigation").
func orgName(toks []token, i, last int) bool {
	if orgHeads[toks[last].Norm] {
		return true
	}
	for k := i; k < last; k++ {
		if orgHeads[toks[k].Norm] && toks[k+1].Norm == "of" {
			return true
		}
	}
	return false
}

// matchNewNames finds the names of these patterns in a sentence. It returns the new
// mentions and the indexes of mentions they absorb (the country word of "the Swedish Coast
// Guard").
func (d *doc) matchNewNames(s *sentence, ms []Mention) ([]Mention, map[int]bool) {
	toks := s.Tokens
	var out []Mention
	drop := map[int]bool{}
	taken := func(first, last int) bool {
		for k := first; k <= last; k++ {
			if covered(out, k) {
				return true
			}
		}
		return false
	}
	add := func(first, last int, kind, rule string) {
		if first > last || taken(first, last) {
			return
		}
		out = append(out, d.newMention(s, first, last, kind, rule))
	}
	// a transcript's questioner named in the label, "Q (Tara Lind, Harbour Point News):": a
	// person and the outlet, whose words are no places ("Capitol Radio", "Levant Daily")
	if open, comma, closing := questionerLabel(s); closing > 0 {
		if d.kindOf(mentionAt(ms, open+1)) != factgraph.KindPerson && comma-open-1 >= 2 {
			add(open+1, comma-1, factgraph.KindPerson, "pattern.questioner")
			// (the name's words are no country or person of their own: "Jordan Lee")
			for k, m := range ms {
				if m.first > open && m.last < comma {
					drop[k] = true
				}
			}
		}
		whole := false
		for k, m := range ms {
			if m.first > comma && m.last < closing {
				if m.first == comma+1 && m.last == closing-1 && d.kindOf(m.Entity) == factgraph.KindOrganization {
					whole = true
				} else {
					drop[k] = true
				}
			}
		}
		if !whole {
			add(comma+1, closing-1, factgraph.KindOrganization, "pattern.questioner-outlet")
		}
	}
	// "Abu Dhabi airport", "Grozny airport": a place's airport in lower case is a facility
	// of its own (the gazetteer's when it has it), not the place or its state
	// "Tehran province", "Hatay province": a place (or a capital) before a region noun in
	// lower case is the region, the gazetteer's when it has it ("Kharkiv region")
	for k, m := range ms {
		// (a city's or a capital's: "the Podlaskie region", "the Donbas region" are those
		// regions)
		if a := m.last + 1; a < len(toks) && regionHeads[toks[a].Norm] && !toks[a].Capitalized() && (d.isCity(m.Entity) || m.Rule == "gazetteer.capital") &&
			!regionWordsRe.MatchString(strings.ToLower(d.nameOf(m.Entity))) && !(a+1 < len(toks) && toks[a+1].Norm == "of") && !taken(m.first, a) {
			out = append(out, d.namedAs(s, m.first, a, d.text[toks[m.first].Start:toks[a].End], factgraph.KindLocation, "pattern.region-name"))
			drop[k] = true
		}
	}
	// (and "Shuitou port", "Grozny airfield"; "the port of Izmail", "the Iraqi port of
	// Basra": a place's port named after it is the port, "port of <place>")
	for k, m := range ms {
		place := d.kindOf(m.Entity) == factgraph.KindLocation || m.Rule == "gazetteer.capital"
		// (not a sea's or a river's port: "the Black Sea port of Odesa", "the Danube port")
		if a := m.last + 1; a < len(toks) && placeFacilityHeads[toks[a].Norm] && !toks[a].Capitalized() && place && !openWaterRe.MatchString(d.nameOf(m.Entity)) &&
			!(a+1 < len(toks) && toks[a+1].Norm == "of") && !taken(m.first, a) {
			out = append(out, d.namedAs(s, m.first, a, d.text[toks[m.first].Start:toks[a].End], factgraph.KindFacility, "pattern.place-airport"))
			drop[k] = true
			continue
		}
		if p := m.first - 2; p >= 0 && place && toks[p+1].Norm == "of" && (toks[p].Norm == "port" || toks[p].Norm == "ports") && !taken(p, m.last) {
			// (the place named stays a mention of its own: the first sets' gold names the
			// place, the later ones the port)
			name := "port of " + d.text[toks[m.first].Start:toks[m.last].End]
			out = append(out, d.namedAs(s, p, p, name, factgraph.KindFacility, "pattern.port-of"))
		}
	}
	// "the Black Sea Fleet's headquarters", "NATO Headquarters": an organisation's
	// headquarters is a facility of its own, "<name> headquarters" (the organisation
	// stays named in it)
	for k, m := range ms {
		a := m.last + 1
		if a < len(toks) && (toks[a].Text == "'s" || toks[a].Text == "’s") {
			a++
		}
		if a < len(toks) && toks[a].Norm == "headquarters" && d.kindOf(m.Entity) == factgraph.KindOrganization && !taken(m.first, a) &&
			(a > m.last+1 || toks[a].Capitalized()) {
			name := d.nameOf(m.Entity)
			if d.g.Entry(m.Entity) == nil {
				name = m.Text
			}
			out = append(out, d.namedAs(s, m.first, a, name+" headquarters", factgraph.KindFacility, "pattern.org-headquarters"))
			drop[k] = true
			d.note(m.Entity, true)
		}
	}
	// "the Ivanovo, Ryazan and Amur regions": each name of a list before a plural region
	// head is that region ("Ryazan region"), whatever else the name alone could be
	for j := 3; j < len(toks); j++ {
		if !regionPlurals[toks[j].Norm] || toks[j].Capitalized() {
			continue
		}
		head := strings.TrimSuffix(toks[j].Norm, "s")
		var names []int
		for k := j - 1; k >= 0; k -= 2 {
			if !toks[k].Word || !toks[k].Capitalized() || notName(toks[k]) {
				break
			}
			names = append(names, k)
			if k == 0 || toks[k-1].Text != "," && toks[k-1].Norm != "and" {
				break
			}
		}
		// (two names not yet read are read below, with their own rule)
		if len(names) < 2 || len(names) == 2 && !covered(ms, names[0]) || taken(names[len(names)-1], j) {
			continue
		}
		for _, k := range names {
			for n, m := range ms {
				if m.first == k && m.last == k {
					drop[n] = true
				}
			}
			out = append(out, d.namedAs(s, k, k, toks[k].Text+" "+head, factgraph.KindLocation, "pattern.region-name"))
		}
	}
	// model designations: "Su-27 fighter jets", "an MQ-9 Reaper surveillance drone", "a
	// Russian Il-38 patrol aircraft", later "the MQ-9"
	for i := 0; i+1 < len(toks); i++ {
		last, name, class := d.designation(s, ms, i)
		if last < 0 || taken(i, last) {
			continue
		}
		m := d.namedAs(s, i, last, name, factgraph.KindWeaponSystem, "pattern.designation")
		// ("Su-27 fighter jets": a new aircraft, which intercepts as a platform does)
		cls := d.text[toks[last].End:min(len(d.text), toks[min(len(toks)-1, last+3)].End)]
		if class < 0 && designationPrefixes[toks[i].Text] == 1 && !aircraftRe.MatchString(cls) && !strings.Contains(strings.ToLower(cls), "drone") {
			cls = "aircraft" // a bare aircraft designation: "an Su-27"
		}
		if !m.Resolved && aircraftRe.MatchString(cls) && !strings.Contains(strings.ToLower(cls), "drone") {
			if d.newAircraft == nil {
				d.newAircraft = map[string]string{}
			}
			d.newAircraft[m.Entity] = cls
		}
		if class >= 0 {
			// the class after it is its head noun, not another weapon
			m.last, m.End = ms[class].last, ms[class].End
			m.Text = d.text[m.Start:m.End]
			drop[class] = true
			d.nameByHead(toks[m.last].Norm, m.Entity, s.Index)
		}
		if k := strings.IndexByte(name, ' '); k > 0 {
			if _, ok := d.newNames[factgraph.NormalizeName(name[:k])]; !ok && !m.Resolved {
				d.newNames[factgraph.NormalizeName(name[:k])] = m.Entity
			}
		}
		out = append(out, m)
		i = m.last
	}
	// "the Benin-flagged tanker Boracay" after the shadow fleet, "the German frigate Hessen",
	// "the US guided-missile destroyer USS Higgins": a class noun the gazetteer reads as the
	// fleet's short form or as a class of warship names the vessel after it (and is no
	// weapon of its own there)
	// ("the large landing ship Minsk", "the submarine Rostov-on-Don": a ship named after a
	// city is the ship, not the city)
	for k, m := range ms {
		if !vesselHeads[toks[m.last].Norm] || m.last+1 >= len(toks) || m.first != m.last && d.kindOf(m.Entity) != factgraph.KindWeaponSystem {
			continue
		}
		if m.Rule != "gazetteer.short" && d.kindOf(m.Entity) != factgraph.KindWeaponSystem {
			continue
		}
		p := m.last + 1
		if shipPrefixes[toks[p].Text] {
			// ("the submarine USS Florida": the prefix pattern's, below)
			if e := d.g.Entry(m.Entity); m.first == m.last && e != nil && e.Country == "" {
				drop[k] = true
			}
			continue
		}
		if last := nameRun(toks, ms, p, 3); last >= p && !notName(toks[p]) && !orgHeads[toks[last].Norm] && !taken(p, last) && s.tag(p) == "NNP" {
			if m.first == m.last {
				drop[k] = true
			}
			add(p, last, factgraph.KindVessel, "pattern.vessel-name")
			continue
		}
	}
	// ("the submarine Rostov-on-Don", "the gunboats Berdyansk and Nikopol": a ship named
	// after a place, after its class noun, is the ship)
	for i := 0; i+1 < len(toks); i++ {
		w := toks[i].Norm
		if !vesselHeads[w] && !vesselPlurals[w] {
			continue
		}
		if h := mentionAt(ms, i); h != "" && d.kindOf(h) != factgraph.KindWeaponSystem {
			continue
		}
		for p := i + 1; p < len(toks); {
			j := mentionStartingAt(ms, p)
			if j < 0 || drop[j] || !(d.kindOf(ms[j].Entity) == factgraph.KindLocation || ms[j].Rule == "gazetteer.capital") || !toks[p].Capitalized() ||
				ms[j].last+1 < len(toks) && toks[ms[j].last+1].Word && (s.noun(ms[j].last+1) || toks[ms[j].last+1].Norm == "of") {
				break
			}
			drop[j] = true
			if c := mentionEndingAt(ms, i); c >= 0 && ms[c].first == i {
				drop[c] = true
			}
			out = append(out, d.newMention(s, p, ms[j].last, factgraph.KindVessel, "pattern.vessel-place-name"))
			p = ms[j].last + 1
			if vesselPlurals[w] && p+1 < len(toks) && (toks[p].Norm == "and" || toks[p].Text == ",") {
				p++
				continue
			}
			break
		}
	}
	// "An Italian destroyer shot down a drone. The Caio Duilio brought it down ...": an
	// unknown name opening the next sentence as the subject of a past verb is that ship's
	if iv := d.indefVessel; iv.id != "" && iv.sentence == s.Index-1 && len(toks) > 3 && toks[0].Norm == "the" && toks[1].Capitalized() && !covered(ms, 1) && !notName(toks[1]) && s.tag(1) == "NNP" {
		if last := nameRun(toks, ms, 1, 3); last >= 1 && last+1 < len(toks) && s.tag(last+1) == "VBD" && !orgHeads[toks[last].Norm] && !facilityHeads[toks[last].Norm] && !geoHeads[toks[last].Norm] && !taken(1, last) {
			add(1, last, factgraph.KindVessel, "pattern.vessel-after-class")
			d.owner[out[len(out)-1].Entity] = iv.id
		}
	}
	d.indefVessel = namedAt{}
	for k, m := range ms {
		if m.first < 2 || m.first != m.last || !vesselHeads[toks[m.first].Norm] || d.kindOf(m.Entity) != factgraph.KindWeaponSystem {
			continue
		}
		if c := mentionEndingAt(ms, m.first-1); c >= 0 && c != k && d.kindOf(ms[c].Entity) == factgraph.KindCountry && ms[c].first >= 1 && (toks[ms[c].first-1].Norm == "a" || toks[ms[c].first-1].Norm == "an") {
			d.indefVessel = namedAt{ms[c].Entity, s.Index}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if covered(ms, i) || taken(i, i) || !toks[i].Word {
			continue
		}
		// "the Sea of Oman", "the Cape of Good Hope"
		if featuresOf[toks[i].Norm] && toks[i].Capitalized() && i+2 < len(toks) && toks[i+1].Norm == "of" && toks[i+2].Capitalized() && !notName(toks[i+2]) {
			if last := capRun(toks, i+2, 3); last >= i+2 && !taken(i, last) {
				for k, m := range ms {
					if m.first >= i+2 && m.last <= last {
						drop[k] = true
					}
				}
				add(i, last, factgraph.KindLocation, "pattern.feature-of")
				i = last
				continue
			}
		}
		// "the BRP Sierra Madre", "USS Higgins": a ship prefix before a name (the name
		// without it names the same vessel later: newEntity)
		if shipPrefixes[toks[i].Text] && toks[i+1].Capitalized() && !covered(ms, i+1) && !notName(toks[i+1]) {
			if last := nameRun(toks, ms, i+1, 3); last > i && !orgHeads[toks[last].Norm] && !taken(i, last) {
				add(i, last, factgraph.KindVessel, "pattern.vessel-prefix")
				i = last
				continue
			}
		}
		// "the submarine USS Florida", "HMS Prince of Wales": a ship named after a place or
		// a person is the ship (the place or person inside is not named)
		if shipPrefixes[toks[i].Text] && toks[i+1].Capitalized() && covered(ms, i+1) {
			if last := capRun(toks, i+1, 4); last > i && !taken(i, last) {
				var inside []int
				for k, m := range ms {
					if m.first > i && m.first <= last {
						if kd := d.kindOf(m.Entity); (kd == factgraph.KindLocation || kd == factgraph.KindPerson || kd == factgraph.KindCountry) && m.last <= last {
							inside = append(inside, k)
						} else {
							inside = nil
							break
						}
					}
				}
				if len(inside) > 0 {
					for _, k := range inside {
						drop[k] = true
					}
					add(i, last, factgraph.KindVessel, "pattern.vessel-prefix")
					i = last
					continue
				}
			}
		}
		// "the Navy of the Islamic Republic of Iran Army", "the Ministry of the Interior": a
		// capitalised organisation noun, "of the" and a name (the names inside are part of it)
		if orgHeads[toks[i].Norm] && toks[i].Capitalized() && i+3 < len(toks) && toks[i+1].Norm == "of" && toks[i+2].Norm == "the" && toks[i+3].Capitalized() && !notName(toks[i+3]) && i > 0 && toks[i-1].Norm == "the" {
			if last := capRun(toks, i+3, 6); last >= i+3 && !taken(i, last) {
				for last+2 < len(toks) && toks[last+1].Norm == "of" && toks[last+2].Capitalized() && !notName(toks[last+2]) {
					last = capRun(toks, last+2, 4)
				}
				for k, m := range ms {
					if m.first > i && m.last <= last {
						drop[k] = true
					}
				}
				add(i, last, factgraph.KindOrganization, "pattern.org-of")
				i = last
				continue
			}
		}
		// "Operation Aspides", "Operation Prosperity Guardian": a named military operation
		// or mission (an organisation, as the conventions count missions)
		if toks[i].Text == "Operation" && toks[i+1].Capitalized() && !covered(ms, i+1) && !notName(toks[i+1]) {
			if last := capRun(toks, i+1, 3); last > i && !taken(i, last) {
				add(i, last, factgraph.KindOrganization, "pattern.operation-name")
				i = last
				continue
			}
		}
		// "Raja-Jooseppi, a remote crossing in Lapland": a name in apposition with a
		// facility noun
		if toks[i].Capitalized() && !notName(toks[i]) && s.tag(i) == "NNP" && !personTitles[toks[i].Norm] {
			if last := nameRun(toks, ms, i, 3); last >= i && last+3 < len(toks) && toks[last+1].Text == "," && (toks[last+2].Norm == "a" || toks[last+2].Norm == "the") && !taken(i, last) && !orgHeads[toks[last].Norm] {
				for k := last + 3; k < len(toks) && k <= last+5; k++ {
					if facilityNouns[toks[k].Norm] {
						add(i, last, factgraph.KindFacility, "pattern.facility-apposition")
						break
					}
					if !toks[k].Word || s.tag(k) != "JJ" {
						break
					}
				}
				if covered(out, i) {
					i = last
					continue
				}
			}
		}
		// "the Philippine vessel 9701", "the CCG ship 5205": a ship named by its hull number
		// after a country word or an organisation, named as written
		if (toks[i].Norm == "vessel" || toks[i].Norm == "ship" || toks[i].Norm == "cutter") && i > 0 && i+1 < len(toks) && hullNumber(toks[i+1]) {
			if j := mentionEndingAt(ms, i-1); j >= 0 && !covered(out, i+1) {
				if kd := d.kindOf(ms[j].Entity); kd == factgraph.KindCountry || kd == factgraph.KindOrganization {
					drop[j] = true
					v := d.newMention(s, ms[j].first, i+1, factgraph.KindVessel, "pattern.vessel-hull-number")
					out = append(out, v)
					// (its state: the country named, or the organisation's country)
					d.owner[v.Entity] = ms[j].Entity
					if c := d.countryOf(ms[j].Entity); kd == factgraph.KindOrganization && c != "" {
						d.owner[v.Entity] = c
					}
					d.stateShips[v.Entity] = true
					i++
					continue
				}
			}
		}
		// "the Belize-flagged Rubymar": a flag state before a name
		if toks[i].Norm == "flagged" && toks[i].Hyphen && toks[i+1].Capitalized() && !covered(ms, i+1) && !notName(toks[i+1]) && s.tag(i+1) == "NNP" {
			if last := nameRun(toks, ms, i+1, 3); last > i && !orgHeads[toks[last].Norm] && !vesselHeads[toks[last].Norm] && !taken(i+1, last) {
				add(i+1, last, factgraph.KindVessel, "pattern.vessel-flag")
				i = last
			}
		}
	}
	// "the Kiwala, a 228-metre tanker with a crew of 24": a name in apposition with a
	// vessel noun is a vessel's
	for i := 1; i+3 < len(toks); i++ {
		if toks[i-1].Norm != "the" || !toks[i].Capitalized() || covered(ms, i) || notName(toks[i]) || s.tag(i) != "NNP" {
			continue
		}
		last := nameRun(toks, ms, i, 3)
		if last < i || last+2 >= len(toks) || toks[last+1].Text != "," || toks[last+2].Norm != "a" && toks[last+2].Norm != "an" || taken(i, last) || orgHeads[toks[last].Norm] || facilityHeads[toks[last].Norm] {
			continue
		}
		for k := last + 3; k < len(toks) && k <= last+7; k++ {
			if vesselHeads[toks[k].Norm] {
				add(i, last, factgraph.KindVessel, "pattern.vessel-apposition")
				break
			}
			if !toks[k].Word && toks[k].Text != "-" || s.verb(k) || s.tag(k) == "IN" {
				break
			}
		}
		i = last
	}
	// a country word, then an organisation's or facility's name: "the Swedish Coast Guard",
	// "Finnish Customs", "Copenhagen Airport", "Copenhagen Police"
	for k, m := range ms {
		// "the PLA Southern Theater Command", "the FSB Border Service", "the IRGC Navy": a
		// unit of an organisation named by its acronym is an organisation of its own (one
		// word is enough when it is a branch of the armed forces)
		if m.first == m.last && m.last+1 < len(toks) && toks[m.first].AllCaps() && d.kindOf(m.Entity) == factgraph.KindOrganization {
			if last := nameRun(toks, ms, m.last+1, 6); (last > m.last+1 || last == m.last+1 && branchNouns[toks[last].Norm]) && orgName(toks, m.last+1, last) && !taken(m.first, last) {
				add(m.first, last, factgraph.KindOrganization, "pattern.org-unit")
				drop[k] = true
				continue
			}
		}
		// "General Dynamics Land Systems", "Shahed Aviation Industries": a maker or a
		// weapon's name, then capitalised words ending in a company's head, is a company of
		// its own (a maker's division, a weapon's maker)
		if kd := d.kindOf(m.Entity); (kd == factgraph.KindOrganization || kd == factgraph.KindWeaponSystem) && strings.HasPrefix(m.Rule, "gazetteer.") &&
			m.last+1 < len(toks) && toks[m.first].Capitalized() && toks[m.last+1].Capitalized() &&
			// (a named maker or system, not a class: "Baltic Drone Industry" is named whole
			// by the pattern for organisations)
			d.countryOf(m.Entity) != "" && (m.first == 0 || !toks[m.first-1].Word || !toks[m.first-1].Capitalized()) {
			if last := nameRun(toks, ms, m.last+1, 4); last >= m.last+1 && divisionHeads[toks[last].Norm] && !taken(m.first, last) {
				add(m.first, last, factgraph.KindOrganization, "pattern.company-division")
				drop[k] = true
				continue
			}
		}
		if d.kindOf(m.Entity) != factgraph.KindCountry || m.last+1 >= len(toks) {
			continue
		}
		// "Estonia's Foreign Ministry", "Ukraine's Security Service": the country's own
		// organisation, the same entity as "the Estonian Foreign Ministry" (or the
		// gazetteer's "Security Service of Ukraine")
		// ("the Polish military's Operational Command": the same, through the forces)
		p := m.last + 1
		if t := toks[p].Text; t == "'s" || t == "’s" {
			p++
		}
		if p+1 < len(toks) && (toks[p].Norm == "military" || toks[p].Norm == "army" || toks[p].Norm == "government") && (toks[p+1].Text == "'s" || toks[p+1].Text == "’s") {
			p += 2
		}
		if p > m.last+1 && p < len(toks) {
			if last := nameRun(toks, ms, p, 6); last > p && orgName(toks, p, last) && !taken(p, last) {
				out = append(out, d.countryOrg(s, m.Entity, p, last))
				continue
			}
			// "Iran's army said", "Ukraine's air force": a country's armed service named in lower
			// case is that service (an organisation), not the country
			if last := serviceAt(toks, p); last >= p && !covered(ms, p) && !taken(p, last) {
				out = append(out, d.countryOrg(s, m.Entity, p, last))
				continue
			}
		}
		// "the Thai army said", "The Malian army acknowledged": a country's army named by
		// its demonym is the army (an organisation), as "Iran's army" is; the country's
		// "military" stays the country
		if m.Rule == "gazetteer."+formDemonym && p == m.last+1 && toks[p].Norm == "army" && !toks[p].Capitalized() && !covered(ms, p) && !taken(p, p) {
			out = append(out, d.countryOrg(s, m.Entity, p, p))
			drop[k] = true
			continue
		}
		// "Iran's mission to the United Nations", "Russia's delegation to the OSCE": a
		// country's mission to an organisation is an organisation of its own, named as
		// written
		if (p > m.last+1 || s.tag(m.last+1) != "NNP") && p+2 < len(toks) && missionNouns[toks[p].Norm] && toks[p+1].Norm == "to" {
			q := p + 2
			if toks[q].Norm == "the" {
				q++
			}
			if j := mentionStartingAt(ms, q); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindOrganization && !taken(m.first, ms[j].last) {
				drop[k], drop[j] = true, true
				out = append(out, d.newMention(s, m.first, ms[j].last, factgraph.KindOrganization, "pattern.country-mission"))
				continue
			}
		}
		// "the British embassy in Yemen", "the Chinese Embassy in the Philippines": a
		// country's embassy in a named country or city is an organisation, named as written
		// (the building is a place: "a strike on the Iranian embassy in Damascus")
		if p+2 < len(toks) && toks[p].Norm == "embassy" && toks[p+1].Norm == "in" && !atBuilding(toks, m.first) {
			q := p + 2
			if toks[q].Norm == "the" && q+1 < len(toks) {
				q++
			}
			if j := mentionStartingAt(ms, q); j >= 0 && placeKinds[d.kindOf(ms[j].Entity)] && !taken(m.first, ms[j].last) {
				drop[k], drop[j] = true, true
				out = append(out, d.newMention(s, m.first, ms[j].last, factgraph.KindOrganization, "pattern.country-embassy"))
				d.newCountry[out[len(out)-1].Entity] = m.Entity
				continue
			}
		}
		last := nameRun(toks, ms, m.last+1, 6)
		if last < 0 {
			continue
		}
		switch {
		// ("Finnish Customs", "Copenhagen Police", "Iran Air": a country's airline)
		case orgName(toks, m.last+1, last) || last == m.last+1 && (toks[last].Norm == "customs" || toks[last].Norm == "police" || toks[last].Text == "Air"):
			add(m.first, last, factgraph.KindOrganization, "pattern.country-org")
			drop[k] = true
		case facilityHeads[toks[last].Norm]:
			add(m.first, last, factgraph.KindFacility, "pattern.facility-name")
			drop[k] = true
		}
	}
	// a new name named again whose first word is a known form of something else: "TSK
	// Vektor" after "the Russian company TSK Vektor" (not the gazetteer's "TSK")
	if len(d.newNames) > 0 {
		for k, m := range ms {
			if !strings.HasPrefix(m.Rule, "gazetteer.") || m.last+1 >= len(toks) || !toks[m.last+1].Capitalized() || covered(out, m.first) {
				continue
			}
			for j := min(len(toks)-1, m.first+5); j > m.last; j-- {
				key := wordSpan(toks, m.first, j)
				if id, ok := d.newNames[key]; ok && key != "" && !taken(m.first, j) && !covered(ms, j) {
					out = append(out, Mention{Entity: id, Text: d.text[toks[m.first].Start:toks[j].End], Start: toks[m.first].Start,
						End: toks[j].End, Sentence: s.Index, Rule: "pattern.new-name-again", first: m.first, last: j})
					d.note(id, true)
					drop[k] = true
					break
				}
			}
		}
	}
	// "DUBAI, Nov 20 -": the city of the article's dateline is a place
	if s.Index == 0 && len(toks) > 3 && datelineCityRe.MatchString(s.Text) {
		j := 0
		for j+1 < len(toks) && toks[j+1].Word && toks[j+1].Capitalized() && j < 2 {
			j++
		}
		if j+1 < len(toks) && toks[j+1].Text == "," && !taken(0, j) {
			free := true
			for k := 0; k <= j; k++ {
				free = free && toks[k].Word && toks[k].Capitalized() && !covered(ms, k)
			}
			if free {
				name := d.text[toks[0].Start:toks[j].End]
				if toks[0].AllCaps() {
					name = titleCase(name)
				}
				out = append(out, d.namedAs(s, 0, j, name, factgraph.KindLocation, "pattern.dateline-city"))
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// "Special Warfare Operator 1st Class Ann Lee", "Sergeant First Class Mark Holt": a
		// rank with its class is no name (nor an organisation's); the words after it are a
		// person's
		if t.Word && t.Capitalized() && !covered(out, i) {
			if c := rankClass(toks, i); c > 0 {
				if last := capRun(toks, c, 4); last > c {
					for k, m := range ms {
						if m.first >= i && m.last <= last {
							drop[k] = true
						}
					}
					add(c, last, factgraph.KindPerson, "pattern.rank-name")
					i = last
					continue
				}
			}
		}
		if !t.Word || covered(ms, i) || covered(out, i) {
			continue
		}
		// a new name the article introduced before, named again: "Fingrid", "Estlink 2"
		if len(d.newNames) > 0 && t.Capitalized() {
			found := false
			for j := min(len(toks)-1, i+5); j >= i; j-- {
				key := wordSpan(toks, i, j)
				if id, ok := d.newNames[key]; ok && key != "" && !taken(i, j) {
					out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[j].End], Start: toks[i].Start,
						End: toks[j].End, Sentence: s.Index, Rule: "pattern.new-name-again", first: i, last: j})
					d.note(id, true)
					i, found = j, true
					break
				}
			}
			if found {
				continue
			}
		}
		// "the Estlink 2 cable", "the Nord Stream 2 pipeline": a name with a number before
		// an infrastructure noun
		if t.Capitalized() && !notName(t) {
			if last := capRun(toks, i, 3); last >= i && last+2 < len(toks) && toks[last+1].Word && isDigitByte(toks[last+1].Text[0]) && len(toks[last+1].Text) <= 2 && infraNouns[toks[last+2].Norm] {
				add(i, last+1, factgraph.KindFacility, "pattern.facility-number")
				i = last + 1
				continue
			}
		}
		// organisations: "the National Bureau of Investigation", "North Atlantic Council",
		// "the Latvian State Radio and Television Centre"
		if t.Capitalized() && !notName(t) {
			if last := nameRun(toks, ms, i, 7); last > i && orgName(toks, i, last) {
				d.setBodyHint(s, ms, i, last)
				first := i
				if i > 0 && ordinalRe.MatchString(toks[i-1].Text) && !covered(out, i-1) {
					first = i - 1 // "the 718th Engineer Company": the unit's number is its name
				}
				add(first, last, factgraph.KindOrganization, "pattern.org-name")
				d.bodyHint = ""
				i = last
				continue
			}
		}
		// "Fingrid, the Finnish grid operator, said", "Navibulgar, the Bulgarian shipping
		// company that owns ...": a name in apposition with a company noun
		if t.Capitalized() && !notName(t) && s.noun(i) && !personTitles[t.Norm] {
			if last := capRun(toks, i, 3); last >= i && last+2 < len(toks) && toks[last+1].Text == "," && (toks[last+2].Norm == "the" || toks[last+2].Norm == "a") {
				for k := last + 3; k < len(toks) && k <= last+7; k++ {
					if companyNouns[toks[k].Norm] {
						add(i, last, factgraph.KindOrganization, "pattern.company-apposition")
						break
					}
					if !toks[k].Word {
						break
					}
				}
				if covered(out, i) {
					i = last
					continue
				}
			}
		}
		// "broadcaster DR", "the shipping company Navibulgar"
		if companyNouns[t.Norm] && i+1 < len(toks) && !covered(ms, i+1) && toks[i+1].Capitalized() && !notName(toks[i+1]) {
			if last := capRun(toks, i+1, 3); last > i && !orgHeads[toks[last].Norm] {
				add(i+1, last, factgraph.KindOrganization, "pattern.company-name")
				i = last
				continue
			}
		}
		// "Its operator, Gasgrid Finland, expects": a company noun's apposition names the
		// company, a country word at its end included
		if companyNouns[t.Norm] && i > 0 && (possessiveDeterminer(toks[i-1].Norm) || toks[i-1].Norm == "the") && i+3 < len(toks) && toks[i+1].Text == "," &&
			toks[i+2].Capitalized() && !covered(ms, i+2) && !notName(toks[i+2]) && !personTitles[toks[i+2].Norm] {
			j := i + 2
			for j+1 < len(toks) && j < i+5 && toks[j+1].Word && toks[j+1].Capitalized() && (!covered(ms, j+1) || d.kindOf(mentionAt(ms, j+1)) == factgraph.KindCountry) {
				j++
			}
			if j+1 < len(toks) && toks[j+1].Text == "," && j > i+2 && s.tag(i+2) == "NNP" {
				for k := range ms {
					if ms[k].first >= i+2 && ms[k].last <= j {
						drop[k] = true
					}
				}
				add(i+2, j, factgraph.KindOrganization, "pattern.company-apposition")
				i = j
				continue
			}
		}
		// "the Russian company TSK Vektor", "the shipping company Nippon Yusen": a company's
		// name whose first word is a known form of something else ("TSK", "Nippon") is
		// still the company's, when more capitalised words follow it
		if companyNouns[t.Norm] && i+1 < len(toks) && covered(ms, i+1) && toks[i+1].Capitalized() {
			if k := mentionStartingAt(ms, i+1); k >= 0 && strings.HasPrefix(ms[k].Rule, "gazetteer.") && d.kindOf(ms[k].Entity) != factgraph.KindPerson {
				if last := capRun(toks, i+1, 3); last > ms[k].last && !covered(ms, last) && !orgHeads[toks[last].Norm] && s.tag(last) == "NNP" {
					drop[k] = true
					add(i+1, last, factgraph.KindOrganization, "pattern.company-name")
					i = last
					continue
				}
			}
		}
		// facilities: "Dolmabahce Palace", "Skrydstrup air base", "the Ämari air base"
		if t.Capitalized() && !notName(t) {
			if last := nameRun(toks, ms, i, 4); last >= i {
				if last > i && facilityHeads[toks[last].Norm] {
					add(i, last, factgraph.KindFacility, "pattern.facility-name")
					i = last
					continue
				}
				// "Scarborough Shoal", "the Kerch Strait": a natural feature's name
				if last > i && geoHeads[toks[last].Norm] && !geoHeads[toks[i].Norm] {
					add(i, last, factgraph.KindLocation, "pattern.feature-name")
					i = last
					continue
				}
				if last+2 < len(toks) && toks[last+1].Norm == "air" && toks[last+2].Norm == "base" || last+2 < len(toks) && toks[last+1].Norm == "naval" && toks[last+2].Norm == "base" {
					add(i, last+2, factgraph.KindFacility, "pattern.facility-name")
					i = last + 2
					continue
				}
				// "the Okhmatdyt hospital", "the Chkalovsky airfield", "Ras Kanatib power
				// station": a name before a lower-case facility noun is the facility, named
				// with it
				if h := lowerFacilityHead(toks, last+1); h > last && !t.AllCaps() && (last > i || i > 0 && toks[i-1].Norm == "the") && !(h+1 < len(toks) && toks[h+1].Word && toks[h+1].Capitalized()) {
					add(i, h, factgraph.KindFacility, "pattern.facility-name")
					i = h
					continue
				}
				// "the Balticconnector gas pipeline": a named line with lower-case modifiers is
				// the name's ("Balticconnector"); "the Kessel nuclear power plant": a plant,
				// station or refinery so described is named with them
				if last == i && i > 0 && toks[i-1].Norm == "the" && !t.AllCaps() && s.tag(i) == "NNP" {
					j := i + 1
					for j < len(toks) && j <= i+3 && toks[j].Word && !toks[j].Capitalized() && lineModifiers[toks[j].Norm] {
						j++
					}
					if j > i+1 && j < len(toks) && toks[j].Word && !toks[j].Capitalized() && !(j+1 < len(toks) && toks[j+1].Word && toks[j+1].Capitalized()) {
						switch {
						case lineHeads[toks[j].Norm]:
							add(i, i, factgraph.KindFacility, "pattern.facility-name")
							i = j
							continue
						case plantHeads[toks[j].Norm]:
							add(i, j, factgraph.KindFacility, "pattern.facility-name")
							i = j
							continue
						}
					}
				}
				// "the Olenya base", "the Engels airbase": one name after "the" before "base"
				if last == i && i > 0 && toks[i-1].Norm == "the" && last+1 < len(toks) && toks[last+1].Text == "base" && !t.AllCaps() {
					add(i, last+1, factgraph.KindFacility, "pattern.facility-name")
					i = last + 1
					continue
				}
				// "the Murmansk and Irkutsk regions": each name of a plural region head
				if last == i && i >= 2 && toks[i-1].Norm == "and" && last+1 < len(toks) && regionPlurals[toks[last+1].Norm] {
					head := strings.TrimSuffix(toks[last+1].Norm, "s")
					if x := toks[i-2]; x.Word && x.Capitalized() && !notName(x) && !covered(ms, i-2) && !covered(out, i-2) {
						out = append(out, d.namedAs(s, i-2, i-2, x.Text+" "+head, factgraph.KindLocation, "pattern.region-name"))
					}
					out = append(out, d.namedAs(s, i, i, t.Text+" "+head, factgraph.KindLocation, "pattern.region-name"))
					i = last + 1
					continue
				}
				// "the Southern Military District": a command of an army, no place
				if last == i+1 && toks[last].Norm == "district" && toks[i].Norm == "military" && i > 0 && compassWords[toks[i-1].Norm] && toks[i-1].Capitalized() && !covered(ms, i-1) && !covered(out, i-1) {
					add(i-1, last, factgraph.KindOrganization, "pattern.org-head")
					i = last
					continue
				}
				// "the Krasnodar Region", "Kursk Oblast": the head written with a capital
				if last == i+1 && regionHeads[toks[last].Norm] && !regionHeads[toks[i].Norm] {
					add(i, last, factgraph.KindLocation, "pattern.region-name")
					i = last
					continue
				}
				// "the Kakhovka reservoir", "the Dnipro river": a body of water named by one
				// word before its head
				if last == i && last+1 < len(toks) && waterHeads[toks[last+1].Norm] && !toks[last+1].Capitalized() && i > 0 && toks[i-1].Norm == "the" {
					add(i, last+1, factgraph.KindLocation, "pattern.feature-name")
					i = last + 1
					continue
				}
				// "the Zaporizhzhia region", "the Krasnaya Yaruga district"
				if last+1 < len(toks) && regionHeads[toks[last+1].Norm] && last <= i+1 && !regionHeads[toks[last].Norm] {
					add(i, last+1, factgraph.KindLocation, "pattern.region-name")
					i = last + 1
					continue
				}
			}
		}
		// places: "an anchorage off Karlskrona", "a flight from Karelia": one unknown
		// capitalised proper noun after a place preposition, alone (not the start of a longer
		// name, not an acronym, not a month or a day)
		// (not the source of "according to Holt")
		if i > 1 && placePrepositions[toks[i-1].Norm] && !(toks[i-1].Norm == "to" && toks[i-2].Norm == "according") && t.Capitalized() && !t.AllCaps() && !notName(t) && s.tag(i) == "NNP" &&
			len(t.Text) >= 4 && !personTitles[t.Norm] && !orgHeads[t.Norm] && !facilityHeads[t.Norm] &&
			(i+1 >= len(toks) || !toks[i+1].Word || !toks[i+1].Capitalized() && toks[i+1].Text != "'s" && !toks[i+1].Hyphen) &&
			(i+1 >= len(toks) || toks[i+1].Text != "'s" && toks[i+1].Text != "’s") && !t.Hyphen {
			add(i, i, factgraph.KindLocation, "pattern.place-after-preposition")
			continue
		}
		// "in New York", "near San Remo": a two-word place whose first word is one that
		// begins place names
		if i > 1 && placePrepositions[toks[i-1].Norm] && !(toks[i-1].Norm == "to" && toks[i-2].Norm == "according") && placeFirstWords[t.Text] &&
			i+1 < len(toks) && toks[i+1].Word && toks[i+1].Capitalized() && !toks[i+1].AllCaps() && !covered(ms, i+1) && !notName(toks[i+1]) && s.tag(i+1) == "NNP" &&
			!orgHeads[toks[i+1].Norm] && !facilityHeads[toks[i+1].Norm] && (i+2 >= len(toks) || !toks[i+2].Word || !toks[i+2].Capitalized()) {
			add(i, i+1, factgraph.KindLocation, "pattern.place-after-preposition")
			i++
			continue
		}
		// "through Bulgaria, Georgia, Armenia and North Ossetia": the last of a list of
		// places after a place preposition is a place too
		if i >= 2 && toks[i-1].Norm == "and" && t.Capitalized() && !t.AllCaps() && !notName(t) && s.tag(i) == "NNP" && !personTitles[t.Norm] {
			if last := capRun(toks, i, 2); last >= i && !covered(ms, last) && !orgHeads[toks[last].Norm] && !facilityHeads[toks[last].Norm] &&
				(last+1 >= len(toks) || !toks[last+1].Word || !toks[last+1].Capitalized()) && d.placeList(s, ms, i-2) {
				add(i, last, factgraph.KindLocation, "pattern.place-list")
				i = last
				continue
			}
		}
		// places: "the town of Porvoo", "the island of Vaindloo"
		if placeNouns[t.Norm] && i+2 < len(toks) && toks[i+1].Norm == "of" && !covered(ms, i+2) {
			if last := nameRun(toks, ms, i+2, 3); last >= i+2 && !notName(toks[i+2]) {
				// "the islands of Yonaguni and Iriomote": a plural names each
				if strings.HasSuffix(t.Norm, "s") {
					if j := tokenAt(toks, i+3, last, "and"); j > 0 {
						add(i+2, j-1, factgraph.KindLocation, "pattern.place-of")
						add(j+1, last, factgraph.KindLocation, "pattern.place-of")
						i = last
						continue
					}
				}
				kind := factgraph.KindLocation
				add(i+2, last, kind, "pattern.place-of")
				i = last
				continue
			}
		}
		// vessels: "the bulk carrier Vezhen", "the tankers Aurora and Meridian"
		if vesselHeads[t.Norm] || vesselPlurals[t.Norm] {
			k := i + 1
			for k < len(toks) {
				run := nameRun
				if vesselPlurals[t.Norm] {
					run = func(toks []token, ms []Mention, i, max int) int {
						if covered(ms, i) {
							return -1
						}
						return capRun(toks, i, max)
					}
				}
				if last := run(toks, ms, k, 3); last >= k && !notName(toks[k]) && toks[k].Word && !orgHeads[toks[last].Norm] {
					// "Yi Peng 3": a number ends the name
					if last+1 < len(toks) && toks[last+1].Word && isDigitByte(toks[last+1].Text[0]) && len(toks[last+1].Text) <= 3 {
						last++
					}
					add(k, last, factgraph.KindVessel, "pattern.vessel-name")
					k = last + 1
					if vesselPlurals[t.Norm] && k+1 < len(toks) && (toks[k].Norm == "and" || toks[k].Text == ",") {
						k++
						continue
					}
				}
				break
			}
			// "The vessel, Nordic Star, was boarded": a name in apposition after the noun
			if k == i+1 && i+3 < len(toks) && toks[i+1].Text == "," {
				j := i + 2
				if toks[j].Norm == "the" {
					j++
				}
				if last := nameRun(toks, ms, j, 3); last >= j && !notName(toks[j]) && s.tag(j) == "NNP" && last+1 < len(toks) && toks[last+1].Text == "," && !orgHeads[toks[last].Norm] && !taken(j, last) {
					add(j, last, factgraph.KindVessel, "pattern.vessel-apposition")
					i = last
					continue
				}
			}
			// "a 300-metre tanker called the Nova", "the tanker, called the Jaguar,"
			c := i + 1
			if c+1 < len(toks) && toks[c].Text == "," {
				c++
			}
			if k == i+1 && c+1 < len(toks) && (toks[c].Norm == "called" || toks[c].Norm == "named") {
				j := c + 1
				if toks[j].Norm == "the" {
					j++
				}
				if j < len(toks) {
					if last := nameRun(toks, ms, j, 3); last >= j {
						add(j, last, factgraph.KindVessel, "pattern.vessel-called")
						i = last
						continue
					}
				}
			}
			if k > i+1 {
				i = k - 1
				continue
			}
		}
		// armed groups and their commanders: "Wagner fighters", "Zhukovsky's men": one or
		// two capitalised words (proper nouns, no sentence starter, month or day) before a
		// noun of armed men; with the possessive the name is a person's, else a group's
		if last := d.forceOwner(s, ms, i); last >= i && !taken(i, last) {
			kind := factgraph.KindOrganization
			if isPossessive(toks[last+1]) {
				kind = factgraph.KindPerson
			}
			// ("Wagner fighters" before any "Wagner Group": the group the gazetteer names so
			// for short)
			if id := d.shortOrg(toks, i, last); id != "" && kind == factgraph.KindOrganization {
				out = append(out, Mention{Entity: id, Text: d.text[toks[i].Start:toks[last].End], Start: toks[i].Start, End: toks[last].End,
					Sentence: s.Index, Rule: "gazetteer.short-force", Resolved: true, first: i, last: last})
				d.note(id, false)
				i = last
				continue
			}
			add(i, last, kind, "pattern.force-owner")
			i = last
			continue
		}
		// a doer named only by the act: "Zhukovsky ordered his fighters to withdraw", "Ivan
		// Petrenko attacked": one or two capitalised proper nouns opening the sentence or
		// a clause, right before a finite verb of a physical act
		if last, kind := d.actorName(s, ms, i); last >= i && !taken(i, last) {
			add(i, last, kind, "pattern.actor-name")
			i = last
			continue
		}
		// people: "Jens Jespersen said", "said Robin Lardot, director of ...": two or three
		// capitalised words, tagged as proper nouns, next to a speech verb
		// (the tagger reads an unknown first name as an adjective: "Tian/JJ Junli/NNP")
		if t.Capitalized() && !notName(t) && (s.noun(i) || s.tag(i) == "JJ") && !personTitles[t.Norm] && !titleWords[t.Norm] {
			last := capRun(toks, i, 3)
			if last > i && !orgHeads[toks[last].Norm] && !facilityHeads[toks[last].Norm] && !covered(ms, last) {
				before := i > 0 && speechVerbs[toks[i-1].Norm]
				after := last+1 < len(toks) && speechVerbs[toks[last+1].Norm] ||
					// "a senior lawmaker, Konstantin Kosachev, said"
					i > 0 && toks[i-1].Text == "," && last+2 < len(toks) && toks[last+1].Text == "," && speechVerbs[toks[last+2].Norm]
				appos := last+1 < len(toks) && toks[last+1].Text == "," && last+2 < len(toks) && (toks[last+2].Norm == "director" || toks[last+2].Norm == "head" || personTitles[toks[last+2].Norm] || titleWords[toks[last+2].Norm]) ||
					// "Sergei Ryabkov, Russia's deputy foreign minister,", "Ann Lee, its chief executive"
					last+1 < len(toks) && toks[last+1].Text == "," && roleApposition(toks, last+2)
				if before || after || appos {
					all := true
					for k := i; k <= last; k++ {
						all = all && (s.noun(k) || k == i && s.tag(k) == "JJ") && !covered(ms, k)
					}
					if all {
						add(i, last, factgraph.KindPerson, "pattern.speaker-name")
						i = last
						continue
					}
				}
			}
		}
	}
	// "Ukraine's navy", "Guyana's defence force": a specific body of a named country, named
	// in lower case, is an organisation (the gazetteer's when it has it, else a new one
	// named both ways: "Ukrainian Navy", "Ukraine Navy"); what it does, its state does
	// (bodyOf)
	for k, m := range ms {
		c := d.g.Entry(m.Entity)
		if c == nil || c.Kind != factgraph.KindCountry || drop[k] {
			continue
		}
		from := m.last + 1
		// (the possessive only: "the Latvian navy had sent a vessel" is Latvia's, as the
		// first sets annotate a demonym's forces and police; but a ministry is one body
		// either way: "the UAE foreign ministry", "the Lebanese health ministry")
		possessive := from < len(toks) && isPossessive(toks[from])
		if from >= len(toks) || !possessive && !(m.first > 0 && toks[m.first-1].Norm == "the") {
			continue
		}
		if possessive {
			from++
		}
		body, last := "", -1
		for n := 3; n >= 1; n-- {
			if from+n-1 >= len(toks) || taken(from, from+n-1) || covered(ms, from+n-1) {
				continue
			}
			key := wordSpan(toks, from, from+n-1)
			if countryBodies[key] && !toks[from].Capitalized() && (possessive || strings.HasSuffix(key, "ministry")) {
				body, last = key, from+n-1
				break
			}
		}
		if last < 0 || last+1 < len(toks) && toks[last+1].Word && s.noun(last+1) && !s.verb(last+1) {
			continue
		}
		title := titleCase(body)
		id := d.countryBody(c, title)
		resolved := id != ""
		if !resolved {
			dem := c.Name
			if len(c.Demonyms) > 0 {
				dem = c.Demonyms[0]
			}
			id = d.newEntity(factgraph.KindOrganization, dem+" "+title, "pattern.country-body")
			if e := d.unresolved[id]; e != nil && len(e.Aliases) == 0 {
				// (named both ways, and as the text wrote the state: "UAE Foreign Ministry")
				if dem != c.Name {
					e.Aliases = append(e.Aliases, c.Name+" "+title)
				}
				if w := d.text[m.Start:m.End]; w != c.Name && w != dem {
					e.Aliases = append(e.Aliases, w+" "+title)
				}
			}
			d.note(id, true)
		}
		d.bodyOf[id] = c.ID
		out = append(out, Mention{Entity: id, Text: d.text[m.Start:toks[last].End], Start: m.Start, End: toks[last].End,
			Sentence: s.Index, Rule: "pattern.country-body", Resolved: resolved, first: m.first, last: last})
		drop[k] = true
	}
	// "Chancellor Olaf Scholz's government announced", "the Biden administration said": a
	// leader's government is the leader's state
	for k, m := range ms {
		p := d.g.Entry(m.Entity)
		if p == nil || p.Kind != factgraph.KindPerson || p.Country == "" || drop[k] {
			continue
		}
		at := m.last + 1
		if at < len(toks) && isPossessive(toks[at]) {
			at++
		} else if m.first == 0 || toks[m.first-1].Norm != "the" {
			continue
		}
		if at >= len(toks) || !governmentNouns[toks[at].Norm] || taken(at, at) || covered(ms, at) ||
			at+1 < len(toks) && toks[at+1].Word && s.noun(at+1) && !s.verb(at+1) { // ("Scholz's government spokesman")
			continue
		}
		out = append(out, Mention{Entity: p.Country, Text: d.text[m.Start:toks[at].End], Start: m.Start, End: toks[at].End,
			Sentence: s.Index, Rule: "pattern.leader-government", Resolved: true, first: m.first, last: at})
		drop[k] = true
	}
	return out, drop
}

// governmentNouns after a leader's name make the leader's state: "Scholz's government".
var governmentNouns = map[string]bool{"government": true, "administration": true, "cabinet": true}

// countryBodies: the specific bodies of a state that a text names in lower case after the
// state ("Ukraine's navy", "the Chinese coast guard"), the conventions' organisations (the
// armed forces, the military and the police as a whole stand for the state itself).
var countryBodies = map[string]bool{"navy": true, "air force": true, "army": true, "coast guard": true,
	"defence force": true, "defense force": true, "defence ministry": true, "defense ministry": true,
	"foreign ministry": true, "finance ministry": true, "interior ministry": true, "justice ministry": true,
	"health ministry": true, "transport ministry": true, "trade ministry": true, "economy ministry": true,
	"energy ministry": true, "emergencies ministry": true, "information ministry": true,
	"border guard": true, "border service": true, "security service": true, "intelligence service": true,
	"aviation agency": true, "air defence headquarters": true, "air defense headquarters": true,
	"defence authorities": true, "defense authorities": true, "national guard": true, "general staff": true,
	"marine corps": true, "federal police": true, "space agency": true, "nuclear agency": true,
	"special operations forces": true, "special forces": true}

// countryOrg is the mention of the organisation named by tokens first..last after a
// country's possessive: the gazetteer's entry named "<name> of <country>" or "<demonym>
// <name>" if there is one, else a new organisation named "<demonym> <name>".
func (d *doc) countryOrg(s *sentence, country string, first, last int) Mention {
	toks := s.Tokens
	text := d.text[toks[first].Start:toks[last].End]
	m := Mention{Text: text, Start: toks[first].Start, End: toks[last].End, Sentence: s.Index,
		Rule: "pattern.country-possessive-org", first: first, last: last}
	c := d.g.Entry(country)
	name := text
	if c != nil && len(c.Demonyms) > 0 {
		name = c.Demonyms[0] + " " + text
	}
	if c != nil {
		for _, key := range []string{text + " of " + c.Name, name} {
			for _, e := range d.g.Lookup(key) {
				if e.Kind == factgraph.KindOrganization {
					m.Entity, m.Resolved = e.ID, true
					d.note(e.ID, true)
					return m
				}
			}
		}
	}
	m.Entity = d.knownOrNew(factgraph.KindOrganization, name, m.Rule)
	// (named also as written and with the country's name: "National Security Committee",
	// "Pakistan National Security Committee")
	if e := d.unresolved[m.Entity]; e != nil && c != nil && len(e.Aliases) == 0 && name != text {
		e.Aliases = []string{text, c.Name + " " + text}
	}
	return m
}

// roleApposition: tokens from k are a role ("a spokesman", "its chief executive",
// "Russia's deputy foreign minister"): a determiner or possessor, then a title within four
// words, before any punctuation.
func roleApposition(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch w := toks[k].Norm; {
	case w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their":
	case k+1 < len(toks) && (toks[k+1].Text == "'s" || toks[k+1].Text == "’s") && toks[k].Capitalized():
		k++
	default:
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		if !toks[j].Word {
			return false
		}
		if personTitles[toks[j].Norm] || roleNouns[toks[j].Norm] {
			return true
		}
	}
	return false
}

// serviceAt: the last token of a lower-case armed service named from k ("army", "air
// force", "armed forces"), or -1.
func serviceAt(toks []token, k int) int {
	if k >= len(toks) || toks[k].Capitalized() {
		return -1
	}
	// (not "navy": "Estonia's navy said it had detained the Kiwala" is the country's act in
	// the older sets' gold, which the tests keep)
	switch toks[k].Norm {
	case "army":
		return k
	case "air", "armed":
		if k+1 < len(toks) && (toks[k].Norm == "air" && toks[k+1].Norm == "force" || toks[k].Norm == "armed" && toks[k+1].Norm == "forces") {
			return k + 1
		}
	case "defence", "defense", "foreign", "interior", "health":
		// ("Cambodia's defence ministry denied", "Qatar's interior ministry named": a
		// ministry written in lower case)
		if k+1 < len(toks) && toks[k+1].Norm == "ministry" {
			return k + 1
		}
	}
	return -1
}

// divisionHeads end a company's name: "Land Systems", "Aviation Industries".
var divisionHeads = map[string]bool{"systems": true, "industries": true, "industry": true, "corporation": true,
	"company": true, "group": true, "aerospace": true, "aeronautics": true, "technologies": true, "dynamics": true,
	"shipyard": true, "shipbuilding": true, "electronics": true, "works": true}

// roleNouns in an apposition are a person's role, though they do not come before names:
// "Andrei Ordash, the Russian charge d'affaires in Warsaw,".
var roleNouns = map[string]bool{"charge": true, "chargé": true, "attache": true, "attaché": true, "negotiator": true,
	"counterpart": true, "consul": true, "spokesperson": true, "envoy": true, "delegate": true, "mediator": true,
	// "Rima Hassan, a French member of the European Parliament"
	"member": true, "lawmaker": true, "founder": true, "campaigner": true, "activist": true}

// geoHeads end the name of a natural feature: "Scarborough Shoal", "Snake Island".
var geoHeads = map[string]bool{"shoal": true, "reef": true, "atoll": true, "island": true, "islands": true,
	"islet": true, "peninsula": true, "bay": true, "strait": true, "lagoon": true, "archipelago": true,
	"spit": true, "fjord": true, "channel": true, "belt": true, "sea": true, "ocean": true,
	"reservoir": true, "river": true, "lake": true, "canal": true}

// waterHeads in lower case after one name: "the Kakhovka reservoir", "the Dnipro river".
var waterHeads = map[string]bool{"reservoir": true, "river": true, "lake": true, "canal": true, "lagoon": true}

// facilityNouns in an apposition make the name before it a facility's: "Raja-Jooseppi, a
// remote crossing", "Vaalimaa, the busiest checkpoint".
var facilityNouns = map[string]bool{"crossing": true, "checkpoint": true, "airport": true, "airbase": true,
	"port": true, "terminal": true, "refinery": true, "plant": true, "depot": true}

// branchNouns name a branch of an organisation's forces by one word: "the IRGC Navy".
var branchNouns = map[string]bool{"navy": true, "army": true, "police": true, "guard": true, "marines": true}

// featuresOf are natural features named "<feature> of <name>": "the Sea of Oman", "the Cape
// of Good Hope", "the Gulf of Sidra" (the name inside is part of the feature's, not a
// country of its own).
var featuresOf = map[string]bool{"sea": true, "gulf": true, "cape": true, "bay": true, "strait": true,
	"straits": true, "isle": true, "lake": true}

// companyNouns in an apposition or before a name say that it is an organisation's.
var companyNouns = map[string]bool{"company": true, "operator": true, "firm": true, "broadcaster": true,
	"shipowner": true, "owner": true, "manufacturer": true, "producer": true, "carrier": false, "insurer": true,
	"newspaper": true, "daily": true, "agency": true, "group": true, "conglomerate": true, "utility": true,
	"maker": true, "shipbuilder": true, "contractor": true, "supplier": true, "exporter": true, "subsidiary": true}

// shipPrefixes are written before a ship's name: "USS Higgins", "the BRP Sierra Madre",
// "HMS Diamond", "the MV Ruby".
var shipPrefixes = map[string]bool{"USS": true, "USNS": true, "HMS": true, "HMCS": true, "HMAS": true, "HMNZS": true,
	"BRP": true, "INS": true, "JS": true, "ROKS": true, "TCG": true, "KRI": true, "PNS": true,
	"FGS": true, "HNLMS": true, "HDMS": true, "HNoMS": true, "MV": true, "MT": true}

// vesselPlurals introduce several named vessels: "the tankers Aurora and Meridian".
var vesselPlurals = map[string]bool{"tankers": true, "vessels": true, "ships": true, "freighters": true,
	"gunboats": true, "warships": true, "submarines": true, "frigates": true, "destroyers": true, "corvettes": true, "tugs": true}

// missionNouns name a country's delegation to an organisation: "Iran's mission to the UN".
var missionNouns = map[string]bool{"mission": true, "delegation": true, "representation": true}

// dropMentions removes the absorbed mentions.
func dropMentions(ms []Mention, drop map[int]bool) []Mention {
	if len(drop) == 0 {
		return ms
	}
	out := ms[:0:0]
	for k, m := range ms {
		if !drop[k] {
			out = append(out, m)
		}
	}
	return out
}

// lowerFirst reports whether a name is written in lower case (a class, not a name).
func lowerFirst(s string) bool { return s != "" && strings.ToLower(s[:1]) == s[:1] }

// designationHeads: lower-case nouns that make a designation before them a weapon's: "MiG-29
// jets", "Our MQ-9 aircraft".
var designationHeads = map[string]bool{"jet": true, "jets": true, "fighter": true, "fighters": true, "aircraft": true,
	"plane": true, "planes": true, "drone": true, "drones": true, "bomber": true, "bombers": true, "helicopter": true,
	"helicopters": true, "missile": true, "missiles": true, "interceptor": true, "interceptors": true, "tank": true,
	"tanks": true, "system": true, "systems": true, "launcher": true, "launchers": true, "rocket": true, "rockets": true}

// designationPrefixes: the letter prefixes of military aircraft (1) and missile (2)
// designation series, Russian, Soviet, Chinese, American and European: a prefix, a hyphen
// and a number ("Su-27", "Il-38", "MQ-9", "Kh-101", "AIM-9X") names a weapon with no class
// noun after it. Short prefixes that also begin other names ("G-7", "M-1", "A-1") are not
// here.
var designationPrefixes = map[string]int{
	"Su": 1, "MiG": 1, "Tu": 1, "Il": 1, "Yak": 1, "Ka": 1, "Mi": 1, "Be": 1, "An": 1,
	"MQ": 1, "RQ": 1, "KC": 1, "EA": 1, "EC": 1, "AH": 1, "UH": 1, "CH": 1, "MH": 1,
	"F": 1, "B": 1, "E": 1, "P": 1, "C": 1, "U": 1, "J": 1, "H": 1, "KJ": 1, "Y": 1, "JF": 1, "FA": 1,
	"Kh": 2, "AIM": 2, "AGM": 2, "RIM": 2, "SM": 2, "KN": 2, "DF": 2, "YJ": 2, "HQ": 2, "PL": 2, "Tor": 2,
}

// designation reads a weapon's model designation at token i: a short capitalised prefix
// joined by a hyphen to a number ("Su-27", "MQ-9", "Il-38", "MiG-29"), perhaps a
// capitalised name after it ("MQ-9 Reaper"), followed by a weapon class ("fighter jets",
// "surveillance drone", "aircraft"), or a designation named so before ("the MQ-9"). It
// returns the designation's last token, its name, and the index in ms of the class
// mention right after it (-1: none); last is -1 when there is none.
func (d *doc) designation(s *sentence, ms []Mention, i int) (last int, name string, class int) {
	toks := s.Tokens
	a, b := toks[i], toks[i+1]
	if !a.Word || !a.Capitalized() || len(a.Text) > 4 || covered(ms, i) || covered(ms, i+1) ||
		!b.Hyphen || b.Text == "" || !isDigitByte(b.Text[0]) || len(b.Text) > 5 {
		return -1, "", -1
	}
	for _, r := range a.Text {
		if r < 'A' || r > 'z' || r > 'Z' && r < 'a' {
			return -1, "", -1
		}
	}
	last = i + 1
	// "MQ-9 Reaper": a capitalised name after the number
	if j := last + 1; j < len(toks) && toks[j].Word && toks[j].Capitalized() && !covered(ms, j) && !notName(toks[j]) && s.noun(j) {
		last = j
	}
	name = d.text[a.Start:toks[last].End]
	n := len(b.Text)
	plural := last == i+1 && n > 1 && b.Text[n-1] == 's' && isDigitByte(b.Text[n-2]) // "MiG-31s"
	// the class, perhaps after a noun or two ("surveillance drone", "patrol aircraft")
	for next := last + 1; next < len(toks) && next <= last+3; next++ {
		for k := range ms {
			if ms[k].first == next && d.kindOf(ms[k].Entity) == factgraph.KindWeaponSystem && lowerFirst(ms[k].Text) {
				return last, name, k
			}
		}
		if designationHeads[toks[next].Norm] && !toks[next].Capitalized() {
			return last, name, -1
		}
		if !toks[next].Word || toks[next].Capitalized() || !s.noun(next) || covered(ms, next) {
			break
		}
	}
	// a designation series of military aircraft or missiles needs no class: "an Su-27",
	// "an MQ-9 Reaper", "Tu-95MS", "AIM-9X"
	if designationPrefixes[a.Text] != 0 && !plural {
		return last, name, -1
	}
	// named so before: "the MQ-9", "the Su-27"
	key := factgraph.NormalizeName(d.text[a.Start:b.End])
	if _, ok := d.newNames[key]; ok {
		return i + 1, d.text[a.Start:b.End], -1
	}
	return -1, "", -1
}

// tokenAt: the index of the first token among from..to (inclusive) whose folded form is w,
// or -1.
func tokenAt(toks []token, from, to int, w string) int {
	for k := from; k <= to && k < len(toks); k++ {
		if toks[k].Norm == w {
			return k
		}
	}
	return -1
}

// forceNouns name armed men: "Wagner fighters", "Zhukovsky's forces".
var forceNouns = map[string]bool{"fighters": true, "forces": true, "troops": true, "men": true, "militants": true,
	"militiamen": true, "mercenaries": true, "gunmen": true, "loyalists": true, "units": true}

// isPossessive: the possessive token "'s" (or a bare apostrophe after a plural).
func isPossessive(t token) bool {
	return t.Text == "'s" || t.Text == "’s" || t.Text == "'" || t.Text == "’"
}

// atBuilding: the phrase at first is a building's place: after "of", "on", "at", "near",
// "outside", "inside" or "into" (and "the").
func atBuilding(toks []token, first int) bool {
	k := first - 1
	if k >= 0 && toks[k].Norm == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Norm {
	case "of", "on", "at", "near", "outside", "inside", "into":
		return true
	}
	return false
}

// shortOrg: the one gazetteer organisation whose short form is tokens first..last, or "".
func (d *doc) shortOrg(toks []token, first, last int) string {
	id := ""
	for _, f := range d.g.forms[wordSpan(toks, first, last)] {
		if f.Kind == formShort && f.Entry.Kind == factgraph.KindOrganization {
			if id != "" && id != f.Entry.ID {
				return ""
			}
			id = f.Entry.ID
		}
	}
	return id
}

// shortOrgNamed: the one gazetteer organisation whose short form is the name, or "": an
// international one ("Security Council"), or a national one in an article of its country
// or one of its country, named before ("Joint Chiefs of Staff" in a report on South Korea,
// not in one from Washington about the United States alone).
func (d *doc) shortOrgNamed(name string) string {
	toks := tokenize(name, 0)
	if len(toks) == 0 {
		return ""
	}
	id := d.shortOrg(toks, 0, len(toks)-1)
	if id == "" {
		return ""
	}
	if c := d.g.Entry(id).Country; c != "" && c != d.bodyCountry() && !d.mentioned[c] {
		return ""
	}
	return id
}

// forceOwner returns the last token of a new name of one or two capitalised words at i
// that owns or names a body of armed men ("Wagner fighters", "Zhukovsky's men", "the
// Kadyrov forces"), or -1. The words must be proper nouns the mentions do not cover, not
// sentence starters, months or days, nor titles or organisation heads.
func (d *doc) forceOwner(s *sentence, ms []Mention, i int) int {
	toks := s.Tokens
	last := -1
	for j := i; j < len(toks) && j <= i+1; j++ {
		t := toks[j]
		if !t.Word || t.Hyphen || !t.Capitalized() || covered(ms, j) || notName(t) || stopCaps[t.Norm] ||
			personTitles[t.Norm] || titleWords[t.Norm] || orgHeads[t.Norm] || !s.noun(j) {
			break
		}
		last = j
	}
	if last < 0 {
		return -1
	}
	// the last capitalised word may itself be the noun: "Wagner Fighters" is no case
	next := last + 1
	poss := next < len(toks) && isPossessive(toks[next])
	if poss {
		next++
	}
	if next >= len(toks) || !forceNouns[toks[next].Norm] || toks[next].Capitalized() {
		return -1
	}
	if i > 0 && toks[i-1].Word && toks[i-1].Capitalized() && !notName(toks[i-1]) && !stopCaps[toks[i-1].Norm] ||
		forceModifiers[toks[i].Norm] || timeWords[toks[i].Norm] ||
		i == 0 && last == i && !poss && !d.midSentence(toks[0].Text) && d.shortOrg(toks, i, last) == "" {
		return -1 // part of a longer name, a common word
	}
	return last
}

// actorVerbs: finite verbs of the physical acts whose doer may be a name the text has not
// introduced ("Zhukovsky ordered", "Petrenko's men attacked" is forceOwner's).
var actorVerbs = map[string]bool{"ordered": true, "attacked": true, "struck": true, "shelled": true, "bombed": true,
	"fired": true, "launched": true, "intercepted": true, "downed": true, "seized": true, "stormed": true,
	"deployed": true, "dispatched": true, "captured": true, "ambushed": true, "raided": true, "targeted": true}

// actorName returns the last token and the kind of a new doer's name at i: one or two
// capitalised proper nouns at the start of the sentence or after a comma or "and",
// followed by a finite verb of actorVerbs; a one-word name opening the sentence must also be written
// capitalised inside a sentence elsewhere in the article (else it may be a common word
// capitalised by its place). Two words, or "his"/"her" later in the sentence, make a
// person; one word a group. -1 when there is none.
func (d *doc) actorName(s *sentence, ms []Mention, i int) (int, string) {
	toks := s.Tokens
	if i > 0 && toks[i-1].Text != "," && toks[i-1].Norm != "and" {
		return -1, ""
	}
	last := -1
	for j := i; j < len(toks) && j <= i+1; j++ {
		t := toks[j]
		if !t.Word || t.Hyphen || !t.Capitalized() || covered(ms, j) || notName(t) || stopCaps[t.Norm] ||
			personTitles[t.Norm] || titleWords[t.Norm] || orgHeads[t.Norm] || s.tag(j) != "NNP" {
			break
		}
		last = j
	}
	if last < 0 || last+1 >= len(toks) || !actorVerbs[toks[last+1].Norm] || !s.finite(last+1) {
		return -1, ""
	}
	if i == 0 && last == i && !d.midSentence(toks[0].Text) {
		return -1, ""
	}
	kind := factgraph.KindOrganization
	if last > i {
		kind = factgraph.KindPerson
	}
	for k := last + 2; k < len(toks); k++ {
		if toks[k].Norm == "his" || toks[k].Norm == "her" {
			kind = factgraph.KindPerson
		}
	}
	return last, kind
}

// midSentence: the word is written, capitalised, inside a sentence somewhere in the
// article (after a word, not a sentence end), so it is a name and not a common word
// capitalised by its place at a sentence start.
func (d *doc) midSentence(w string) bool {
	if v, ok := d.midWords[w]; ok {
		return v
	}
	v := d.findMidSentence(w)
	if d.midWords == nil {
		d.midWords = map[string]bool{}
	}
	d.midWords[w] = v
	return v
}

func (d *doc) findMidSentence(w string) bool {
	for from := 0; ; {
		k := strings.Index(d.text[from:], w)
		if k < 0 {
			return false
		}
		k += from
		from = k + len(w)
		if k == 0 || d.text[k-1] != ' ' || k+len(w) < len(d.text) && isLetterAt(d.text, k+len(w)) {
			continue
		}
		b := strings.TrimRight(d.text[:k], " ")
		if b == "" {
			continue
		}
		if c := b[len(b)-1]; c != '.' && c != '"' && c != '\n' && c != '!' && c != '?' && c != ':' {
			return true
		}
	}
}

// timeWords take a possessive without being names: "Today's forces".
var timeWords = map[string]bool{"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "week": true,
	"year": true, "month": true, "last": true, "next": true, "this": true}

// forceModifiers are capitalised words before "forces" and the like that name no group:
// "Government forces", "Special Forces", "Russian-backed fighters".
var forceModifiers = map[string]bool{"government": true, "special": true, "elite": true, "rebel": true, "allied": true,
	"coalition": true, "security": true, "ground": true, "armed": true, "enemy": true, "foreign": true,
	"federal": true, "regular": true, "army": true, "opposition": true, "militia": true, "local": true,
	"western": true, "peacekeeping": true, "border": true, "his": true, "her": true, "their": true}

// questionerLabel finds the parts of a label "Q (Name Surname, Outlet Name):": the tokens of
// the opening bracket, the comma and the closing bracket (closing 0: no such label). Both
// parts are capitalised words only, at most five each.
func questionerLabel(s *sentence) (open, comma, closing int) {
	if !strings.HasPrefix(s.Text, "Q (") && !strings.HasPrefix(strings.ToUpper(s.Text), "QUESTION (") {
		return 0, 0, 0
	}
	toks := s.Tokens
	open = 1
	if open >= len(toks) || toks[open].Text != "(" {
		return 0, 0, 0
	}
	for k := open + 1; k < len(toks) && k <= open+12; k++ {
		switch {
		case toks[k].Text == "," && comma == 0:
			comma = k
		case toks[k].Text == ")":
			if comma == 0 || comma-open-1 > 5 || k-comma-1 < 1 || k-comma-1 > 5 {
				return 0, 0, 0
			}
			if k+1 >= len(toks) || toks[k+1].Text != ":" {
				return 0, 0, 0
			}
			return open, comma, k
		case !toks[k].Word || !toks[k].Capitalized():
			return 0, 0, 0
		}
	}
	return 0, 0, 0
}

// ordinalRe: a unit's number, "718th", "3rd".
var ordinalRe = regexp.MustCompile(`^\d{1,4}(?:st|nd|rd|th)$`)

// hullNumber: a token of three to five digits, as ships' pennant and hull numbers are.
func hullNumber(t token) bool {
	if !t.Word || len(t.Text) < 3 || len(t.Text) > 5 {
		return false
	}
	for _, r := range t.Text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// classOrdinals number the classes of a rank: "1st Class", "Second Class".
var classOrdinals = map[string]bool{"1st": true, "2nd": true, "3rd": true, "first": true, "second": true, "third": true}

// rankClass: the capitalised words from i (one to four) are a rank followed by its class
// ("Special Warfare Operator 1st Class", "Sergeant First Class"); it returns the index of
// the word after "Class", or 0.
func rankClass(toks []token, i int) int {
	for j := i; j < len(toks)-2 && j <= i+4; j++ {
		if !toks[j].Word || !toks[j].Capitalized() && !isDigitByte(toks[j].Text[0]) {
			return 0
		}
		if j > i && classOrdinals[toks[j].Norm] && toks[j+1].Norm == "class" && toks[j+1].Capitalized() {
			if j+2 < len(toks) && toks[j+2].Word && toks[j+2].Capitalized() {
				return j + 2
			}
			return 0
		}
	}
	return 0
}

// placeFacilityHeads after a place name in lower case name its facility: "Grozny airport",
// "Shuitou port".
var placeFacilityHeads = map[string]bool{"airport": true, "airfield": true, "port": true, "harbour": true, "harbor": true}

// lowerFacilityHeads are facility nouns written in lower case after a name: "the Okhmatdyt
// hospital", "the Kolotilovka checkpoint".
var lowerFacilityHeads = map[string]bool{"hospital": true, "airfield": true, "checkpoint": true, "plant": true,
	"refinery": true, "monastery": true, "airbase": true, "shipyard": true, "depot": true}

// lowerFacilityHead: the last token of a lower-case facility noun at k ("hospital", "power
// station"), or -1.
func lowerFacilityHead(toks []token, k int) int {
	if k >= len(toks) || !toks[k].Word || toks[k].Capitalized() {
		return -1
	}
	if lowerFacilityHeads[toks[k].Norm] {
		return k
	}
	if toks[k].Norm == "power" && k+1 < len(toks) && (toks[k+1].Norm == "station" || toks[k+1].Norm == "plant") {
		return k + 1
	}
	return -1
}
