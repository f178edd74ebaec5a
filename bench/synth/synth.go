// Package synth writes synthetic fact files shaped like real news graphs, for load and
// query benchmarks. The output is deterministic in the seed, has any size, and is
// streamed: memory is O(number of entities) (their names, ~25 bytes each, and a pool of
// recent relation triples), never O(output).
//
// # Format
//
// NDJSON: one record a line, each line a JSON object with exactly one key, "article",
// "entity", "relation" or "event", whose value is the factgraph domain type as
// encoding/json marshals it. Every record passes its Validate(). All articles come first,
// then all entities, then relations and events interleaved at random. Every reference
// (relation from/to, event role entity, evidence article) is an id declared earlier in the
// same output. Ids: "article:a000001", "country:C0001", "person:p000001", "org:o000001",
// "weapon:w000001", "facility:f000001", "location:l000001", "vessel:v000001",
// "event:e0000001" (numbers are zero-padded, wider if the count needs it).
//
// # Proportions
//
// Of Options.Facts records: 2% articles, 10% entities, 25% events and the rest (~63%)
// relations, each rounded, with at least 1 article, 2 entities, 1 relation and 1 event
// (so Facts must be at least 5).
//
// Entities: Country min(250, entities/8, at least 1); of the rest 40% Person, 20%
// Organization, 10% WeaponSystem, 10% Facility, 12% Location, 8% Vessel. Names are
// synthetic syllable words, unique within a kind (and country names are unique); every
// entity has 0-3 aliases (35/35/20/10%) which are often spelling variants that
// factgraph.NormalizeName folds to the name ("Ko Rai-tou" / "Ko Rai Tou", "Tavonia" /
// "Tävonia", "X Workers' Party" / "X Workers Party") and sometimes not ("KRT",
// "Republic of Tavonia"). Countries carry keys iso3166_alpha2, iso3166_alpha3 and
// iso3166_numeric (synthetic but unique), vessels an imo key. Person number i (i < number
// of countries) is the leader of country number i.
//
// Popularity: within each kind, which entity is mentioned follows a Zipf law over the
// entity's number, P(i) ~ (3+i)^-1.1, so country:C0001 and person:p000001 are the most
// connected nodes and most entities are rarely mentioned; besides, each kind is walked in
// order, paced over the output, so that every entity is mentioned at least once (no
// isolated nodes, unless a kind is picked fewer times than it has entities, i.e. only at
// tiny sizes). At 1M facts the top 1% of entities take ~75% of the mentions, country:C0001
// ~4%, and half of the entities are mentioned at most twice. Endpoint kinds follow the
// relation or event type (LEADS Person->Country, SUPPLIES Country->Country, PRODUCES
// Country->WeaponSystem, LOCATED_IN Facility->Country, ...; see tables.go).
//
// Relations: 10% of relation records deliberately repeat a (type, from, to) triple from
// a bounded pool of earlier ones (O(entities)) with a new article and quote; with the
// popular triples that recur by chance (LEADS p000001->C0001, SUPPLIES between top
// countries, ...) the share of relation records that restate an earlier triple grows with
// the size: ~20% at 50k facts, ~38% at 1M (the most restated triple then has ~1300
// sources). One evidence item each, quoting a sentence with both names. Confidence in
// [0.5, 1] by 0.01; modality 74% reported, 10% alleged, 8% estimated, 4% denied, 4%
// planned; ~3% state neither confidence nor modality (the defaults apply); ~40% have a
// time (day 40%, month 30%, quarter 15%, year 15%) within two months before the
// article's date (planned: up to a year after); ~10% have a quantity.
//
// Events: types weighted towards TALKS, MEETING and STATEMENT; 2-5 roles (AGENT first, then
// TARGET/PARTICIPANT/LOCATION/INSTRUMENT/BENEFICIARY by type) on distinct entities; ~90%
// have a time; 0-2 quantities (55/30/15%); 1-2 evidence items (70/30%); modality 68%
// reported, 12% planned, 10% alleged, 5% estimated, 5% denied.
//
// Articles: publishedAt spread evenly over 2022-01-01..2026-12-31 in id order, 20
// publishers, language "en", url https://example.org/news/<id>, no text. Relations and
// events come in runs from the same article (mean run length 8), as an extractor would
// emit them; every article is cited (at sizes where there are enough runs).
package synth

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/factgraph/factgraph"
)

// Options says what to generate.
type Options struct {
	Facts int // total records to write (articles + entities + relations + events), at least 5
	Seed  int64
}

// Stats counts the records written.
type Stats struct{ Articles, Entities, Relations, Events int }

// Total is the number of records.
func (s Stats) Total() int { return s.Articles + s.Entities + s.Relations + s.Events }

// Plan returns how many records of each type Generate writes for opt.
func Plan(opt Options) (Stats, error) {
	n := opt.Facts
	if n < 5 {
		return Stats{}, fmt.Errorf("synth: Facts must be at least 5 (got %d)", n)
	}
	round := func(f float64) int { return int(math.Round(f)) }
	s := Stats{
		Articles: max(1, round(0.02*float64(n))),
		Entities: max(2, round(0.10*float64(n))),
		Events:   max(1, round(0.25*float64(n))),
	}
	s.Relations = n - s.Articles - s.Entities - s.Events
	for s.Relations < 1 { // only for tiny n; take from the largest
		switch {
		case s.Events > 1:
			s.Events--
		case s.Entities > 2:
			s.Entities--
		default:
			s.Articles--
		}
		s.Relations++
	}
	return s, nil
}

const (
	zipfS         = 1.1
	zipfV         = 3.0
	repeatShare   = 0.10 // relation records that deliberately restate a pooled triple
	articleRunLen = 8
)

// Generate writes opt.Facts synthetic records to w as NDJSON and returns their counts.
// The same Options give byte-identical output.
func Generate(w io.Writer, opt Options) (Stats, error) {
	plan, err := Plan(opt)
	if err != nil {
		return Stats{}, err
	}
	seed := uint64(opt.Seed)
	g := &gen{
		r:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		bw:   bufio.NewWriterSize(w, 256<<10),
		plan: plan,
	}
	g.enc = json.NewEncoder(g.bw)
	g.enc.SetEscapeHTML(false)
	g.init()

	var st Stats
	for i := range plan.Articles {
		if err := g.writeArticle(i); err != nil {
			return st, err
		}
		st.Articles++
	}
	for k := range nKinds {
		for i := range g.count[k] {
			if err := g.writeEntity(k, i); err != nil {
				return st, err
			}
			st.Entities++
		}
	}
	g.mixedTotal = plan.Relations + plan.Events
	for ; st.Relations < plan.Relations || st.Events < plan.Events; g.mixedDone++ {
		relLeft, evLeft := plan.Relations-st.Relations, plan.Events-st.Events
		if g.mixedDone == 0 || g.r.IntN(articleRunLen) == 0 {
			g.switchArticle()
		}
		if g.r.IntN(relLeft+evLeft) < relLeft {
			err = g.writeRelation()
			st.Relations++
		} else {
			err = g.writeEvent(st.Events)
			st.Events++
		}
		if err != nil {
			return st, err
		}
	}
	if err := g.bw.Flush(); err != nil {
		return st, err
	}
	return st, nil
}

type triple struct {
	typ      uint8
	from, to uint32 // global entity numbers
	article  uint32 // the last article that stated it
}

type gen struct {
	r    *rand.Rand
	bw   *bufio.Writer
	enc  *json.Encoder
	plan Stats

	count  [nKinds]int
	start  [nKinds]int // global number of a kind's first entity
	zipf   [nKinds]*rand.Zipf
	cursor [nKinds]int // next entity of the kind for the coverage picks

	mixedTotal, mixedDone int            // relation and event records to write, written
	artCursor             int            // next article for the coverage switches
	off                   [nKinds]uint64 // name scramble offsets
	iso                   [3]uint64      // country code scramble offsets

	names   []byte
	nameOff []uint32 // entity g's name is names[nameOff[g]:nameOff[g+1]]

	relTmpl   []relTemplate // those whose kinds exist
	relCum    []int
	relTypeIx map[string]uint8
	evCum     []int

	pool       []triple
	curArticle int
	days       []string // YYYY-MM-DD from 2022-01-01 to 2026-12-31

	// reused records
	line  line
	used  []uint32
	roles []factgraph.Role
	evs   []factgraph.Evidence
	qs    []factgraph.Quantity
	conf  float64
	ts    factgraph.TimeSpec
	sb    []string
}

type line struct {
	Article  *factgraph.Article  `json:"article,omitempty"`
	Entity   *factgraph.Entity   `json:"entity,omitempty"`
	Relation *factgraph.Relation `json:"relation,omitempty"`
	Event    *factgraph.Event    `json:"event,omitempty"`
}

func (g *gen) init() {
	n := g.plan.Entities
	g.count[kCountry] = min(maxCountries, max(1, n/8))
	rest := n - g.count[kCountry]
	sum := 0
	for k := kPerson; k < nKinds; k++ {
		g.count[k] = rest * kindShare[k] / 100
		sum += g.count[k]
	}
	g.count[kPerson] += rest - sum
	for k, s := 0, 0; k < nKinds; k++ {
		g.start[k] = s
		s += g.count[k]
		if g.count[k] > 0 {
			g.zipf[k] = rand.NewZipf(g.r, zipfS, zipfV, uint64(g.count[k]-1))
		}
		g.off[k] = g.r.Uint64()
	}
	for i := range g.iso {
		g.iso[i] = g.r.Uint64()
	}

	g.relTypeIx = map[string]uint8{}
	for i, t := range factgraph.RelationTypes {
		g.relTypeIx[t] = uint8(i)
	}
	cum := 0
	for _, t := range relTemplates {
		if _, ok := g.relTypeIx[t.typ]; !ok {
			panic("synth: unknown relation type " + t.typ)
		}
		if g.count[t.from] == 0 || g.count[t.to] == 0 || (t.from == t.to && g.count[t.from] < 2) {
			continue
		}
		cum += t.weight
		g.relTmpl = append(g.relTmpl, t)
		g.relCum = append(g.relCum, cum)
	}
	cum = 0
	for _, t := range eventTemplates {
		if !factgraph.IsEventType(t.typ) {
			panic("synth: unknown event type " + t.typ)
		}
		cum += t.weight
		g.evCum = append(g.evCum, cum)
	}

	d0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := d0; d.Year() < 2027; d = d.AddDate(0, 0, 1) {
		g.days = append(g.days, d.Format(time.DateOnly))
	}
	g.pool = make([]triple, 0, max(64, n))

	g.nameOff = make([]uint32, 0, n+1)
	for k := range nKinds {
		for i := range g.count[k] {
			g.nameOff = append(g.nameOff, uint32(len(g.names)))
			g.names = append(g.names, g.makeName(k, i)...)
			if len(g.names) > math.MaxUint32 {
				panic("synth: too many entities")
			}
		}
	}
	g.nameOff = append(g.nameOff, uint32(len(g.names)))
}

// makeName is the name of entity number i of kind k; its core is unique within the kind.
func (g *gen) makeName(k, i int) string {
	g.sb = core(g.sb, i, syllablesFor(g.count[k], minSyl[k]), g.off[k])
	word := capitalize(strings.Join(g.sb, ""))
	r := g.r
	switch k {
	case kCountry:
		return word + countrySuffixes[r.IntN(len(countrySuffixes))]
	case kPerson:
		if r.IntN(10) < 3 { // "Kim Jong-un" style
			return capitalize(g.sb[0]) + " " + capitalize(g.sb[1]) + "-" + strings.Join(g.sb[2:], "")
		}
		given := capitalize(syllable(r.IntN(nSyl)) + syllable(r.IntN(nSyl)) + codas[r.IntN(len(codas))])
		return given + " " + word + familySuffixes[r.IntN(len(familySuffixes))]
	case kOrg:
		return fmt.Sprintf(orgPatterns[r.IntN(len(orgPatterns))], word)
	case kWeapon:
		return word + "-" + strconv.Itoa(1+r.IntN(40))
	case kFacility:
		return word + " " + facilityTypes[r.IntN(len(facilityTypes))]
	case kLocation:
		return fmt.Sprintf(locationFormats[r.IntN(len(locationFormats))], word+codas[r.IntN(len(codas))])
	case kVessel:
		return vesselPrefixes[r.IntN(len(vesselPrefixes))] + word
	}
	panic("unreachable")
}

func (g *gen) name(e uint32) string {
	return string(g.names[g.nameOff[e]:g.nameOff[e+1]])
}

func (g *gen) kindOf(e uint32) (kind, idx int) {
	for k := nKinds - 1; k >= 0; k-- {
		if int(e) >= g.start[k] && g.count[k] > 0 {
			return k, int(e) - g.start[k]
		}
	}
	return 0, int(e)
}

func (g *gen) id(e uint32) string {
	k, i := g.kindOf(e)
	return idPrefix[k] + pad(i+1, idWidth[k])
}

func articleID(i int) string { return "article:a" + pad(i+1, 6) }

// articleDay is the day number (into g.days) an article was published: spread evenly.
func (g *gen) articleDay(i int) int {
	return int(int64(i) * int64(len(g.days)) / int64(g.plan.Articles))
}

// pick returns a popularity-biased entity of kind k, which must exist.
func (g *gen) pick(k int) uint32 {
	if g.count[k] == 1 {
		return uint32(g.start[k])
	}
	// Coverage: walk the kind in order, paced over the relation and event records, so that
	// every entity is mentioned at least once (when the kind is picked often enough).
	if c := g.cursor[k]; c < g.count[k] && int64(c)*int64(g.mixedTotal) < int64(g.mixedDone+1)*int64(g.count[k]) {
		g.cursor[k]++
		return uint32(g.start[k] + c)
	}
	return uint32(g.start[k] + int(g.zipf[k].Uint64()))
}

// pickAny returns a popularity-biased entity of any kind among kinds (all if empty).
func (g *gen) pickAny(kinds []int) uint32 {
	total := 0
	for k := range nKinds {
		if g.count[k] > 0 && (len(kinds) == 0 || containsInt(kinds, k)) {
			total += kindWeight[k]
		}
	}
	if total == 0 {
		return g.pickAny(nil)
	}
	x := g.r.IntN(total)
	for k := range nKinds {
		if g.count[k] > 0 && (len(kinds) == 0 || containsInt(kinds, k)) {
			if x < kindWeight[k] {
				return g.pick(k)
			}
			x -= kindWeight[k]
		}
	}
	panic("unreachable")
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func (g *gen) emit() error {
	err := g.enc.Encode(&g.line)
	g.line = line{}
	return err
}

func (g *gen) writeArticle(i int) error {
	a := factgraph.Article{
		ID:          articleID(i),
		Title:       fmt.Sprintf(headlines[g.r.IntN(len(headlines))], g.name(g.pick(kCountry)), g.name(g.pickAny(nil))),
		Publisher:   publishers[g.r.IntN(len(publishers))],
		PublishedAt: g.days[g.articleDay(i)],
		Language:    "en",
	}
	a.URL = "https://example.org/news/" + a.ID
	g.line.Article = &a
	return g.emit()
}

func (g *gen) writeEntity(k, i int) error {
	e := uint32(g.start[k] + i)
	name := g.name(e)
	ent := factgraph.Entity{ID: g.id(e), Kind: kindName[k], Name: name}
	r := g.r
	var cands []string
	switch k {
	case kCountry:
		cands = []string{"Republic of " + name, accent(name), strings.ToUpper(name), "Democratic Republic of " + name}
		n3 := (uint64(i)*101 + g.iso[1]) % 676
		ent.Keys = map[string]string{
			"iso3166_alpha2":  letterPair(int((uint64(i)*15 + g.iso[0]) % 676)),
			"iso3166_alpha3":  name[:1] + letterPair(int(n3)),
			"iso3166_numeric": pad(int((uint64(i)*37+g.iso[2])%1000), 3),
		}
		ent.Description = "Synthetic state in " + regions[r.IntN(len(regions))] + "."
	case kPerson:
		given, family, _ := strings.Cut(name, " ")
		if strings.Contains(family, "-") {
			cands = []string{strings.ReplaceAll(name, "-", " "), strings.ReplaceAll(name, "-", ""),
				strings.ToUpper(given) + " " + family, given + " " + capitalizeAfterHyphen(family)}
		} else {
			cands = []string{given[:1] + ". " + family, given + " " + strings.ToUpper(family),
				accent(given) + " " + family, "Minister " + name}
		}
		if i < g.count[kCountry] {
			cands[3] = "President " + name
			ent.Description = "Leader of " + g.name(uint32(g.start[kCountry]+i)) + "."
		} else if r.IntN(10) < 3 {
			ent.Description = "Official from " + g.name(g.pick(kCountry)) + "."
		}
	case kOrg:
		cands = []string{acronym(name), "the " + name, strings.ReplaceAll(name, "'", ""), strings.ToUpper(name[:1]) + strings.ToLower(name[1:])}
		if r.IntN(10) < 3 {
			ent.Description = "Organization based in " + g.name(g.pick(kCountry)) + "."
		}
	case kWeapon:
		base, num, _ := strings.Cut(name, "-")
		cands = []string{base + " " + num, strings.ToUpper(name), strings.ToUpper(base[:2]) + "-" + num, base + num}
		if r.IntN(10) < 3 {
			ent.Description = "Weapon system developed by " + g.name(g.pick(kCountry)) + "."
		}
	case kFacility:
		base, typ, _ := strings.Cut(name, " ")
		cands = []string{base + " " + strings.ToLower(typ), accent(name), strings.ToUpper(base) + " " + typ, "the " + base + " complex"}
		if r.IntN(10) < 3 {
			ent.Description = "Facility in " + g.name(g.pick(kCountry)) + "."
		}
	case kLocation:
		cands = []string{accent(name), strings.ToUpper(name), strings.ReplaceAll(name, " ", "-"), "the " + name}
	case kVessel:
		cands = []string{strings.ToUpper(name), "MV " + name, accent(name), strings.ReplaceAll(name, " ", "-")}
		ent.Keys = map[string]string{"imo": strconv.Itoa(9_000_000 + i)}
	}
	var nAlias int
	switch x := r.IntN(100); {
	case x < 35:
	case x < 70:
		nAlias = 1
	case x < 90:
		nAlias = 2
	default:
		nAlias = 3
	}
	r.Shuffle(len(cands), func(a, b int) { cands[a], cands[b] = cands[b], cands[a] })
	for _, c := range cands {
		if len(ent.Aliases) == nAlias {
			break
		}
		if c != name && strings.TrimSpace(c) != "" && !containsStr(ent.Aliases, c) {
			ent.Aliases = append(ent.Aliases, c)
		}
	}
	g.line.Entity = &ent
	return g.emit()
}

func capitalizeAfterHyphen(s string) string {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return s
	}
	return a + "-" + capitalize(b)
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// newTriple draws a fresh (type, from, to) from the enabled templates.
func (g *gen) newTriple() triple {
	x := g.r.IntN(g.relCum[len(g.relCum)-1])
	ti := 0
	for g.relCum[ti] <= x {
		ti++
	}
	t := g.relTmpl[ti]
	var from, to uint32
	if t.typ == "LEADS" && t.from == kPerson && t.to == kCountry {
		to = g.pick(kCountry)
		c := int(to) - g.start[kCountry]
		if c < g.count[kPerson] && g.r.IntN(10) < 8 {
			from = uint32(g.start[kPerson] + c) // the country's leader
		} else {
			from = g.pick(kPerson)
		}
	} else {
		from, to = g.pick(t.from), g.pick(t.to)
		for try := 0; from == to && try < 4; try++ {
			to = g.pick(t.to)
		}
		if from == to { // same kind, count >= 2
			to = uint32(g.start[t.to] + (int(to)-g.start[t.to]+1)%g.count[t.to])
		}
	}
	return triple{typ: g.relTypeIx[t.typ], from: from, to: to}
}

// switchArticle starts a run of records from another article: the next article not yet
// used while behind schedule (so that every article is cited), else a random one.
func (g *gen) switchArticle() {
	n := g.plan.Articles
	if c := g.artCursor; c < n && int64(c)*int64(g.mixedTotal) <= int64(g.mixedDone)*int64(n) {
		g.curArticle = c
		g.artCursor++
		return
	}
	g.curArticle = g.r.IntN(n)
}

func (g *gen) otherArticle(not int) int {
	if g.plan.Articles == 1 {
		return 0
	}
	a := g.r.IntN(g.plan.Articles - 1)
	if a >= not {
		a++
	}
	return a
}

func (g *gen) writeRelation() error {
	r := g.r
	article := g.curArticle
	var t triple
	if len(g.pool) > 0 && r.Float64() < repeatShare {
		pi := r.IntN(len(g.pool))
		t = g.pool[pi]
		if article == int(t.article) {
			article = g.otherArticle(article)
		}
		g.pool[pi].article = uint32(article)
	} else {
		t = g.newTriple()
		t.article = uint32(article)
		if len(g.pool) < cap(g.pool) {
			g.pool = append(g.pool, t)
		} else {
			g.pool[r.IntN(len(g.pool))] = t
		}
	}
	typ := factgraph.RelationTypes[t.typ]
	rel := factgraph.Relation{Type: typ, From: g.id(t.from), To: g.id(t.to)}
	modality := g.modality(74, 10, 8, 4, 4)
	if r.IntN(100) >= 3 {
		rel.Modality = modality
		g.conf = float64(50+r.IntN(51)) / 100
		rel.Confidence = &g.conf
	}
	if r.IntN(10) < 4 {
		rel.Time = g.timeSpec(article, modality == factgraph.ModalityPlanned)
	}
	if r.IntN(10) == 0 {
		units, ok := relUnits[typ]
		if !ok {
			units = genericUnits
		}
		g.qs = append(g.qs[:0], g.quantity(units[r.IntN(len(units))]))
		rel.Quantities = g.qs
	}
	cl := relClauses[typ][r.IntN(2)]
	clause := fmt.Sprintf(cl, g.name(t.from), g.name(t.to))
	g.evs = append(g.evs[:0], factgraph.Evidence{Article: articleID(article), Quote: g.sentence(modality, clause)})
	rel.Evidence = g.evs
	g.line.Relation = &rel
	return g.emit()
}

// modality draws a modality with the given percentages of reported, alleged, estimated,
// denied and planned.
func (g *gen) modality(rep, all, est, den, pla int) string {
	x := g.r.IntN(rep + all + est + den + pla)
	switch {
	case x < rep:
		return factgraph.ModalityReported
	case x < rep+all:
		return factgraph.ModalityAlleged
	case x < rep+all+est:
		return factgraph.ModalityEstimated
	case x < rep+all+est+den:
		return factgraph.ModalityDenied
	}
	return factgraph.ModalityPlanned
}

// sentence wraps a clause into a quote according to the modality.
func (g *gen) sentence(modality, clause string) string {
	switch modality {
	case factgraph.ModalityAlleged:
		return "According to unconfirmed reports, " + clause + "."
	case factgraph.ModalityEstimated:
		return "Analysts estimate that " + clause + "."
	case factgraph.ModalityDenied:
		return "Officials denied reports that " + clause + "."
	case factgraph.ModalityPlanned:
		return "Officials said " + clause + " under plans announced this week."
	}
	return capitalize(clause) + ", " + fillers[g.r.IntN(len(fillers))] + "."
}

// timeSpec is a time near the article's publication: up to two months before it, or up to
// a year after for plans, at a random precision.
func (g *gen) timeSpec(article int, future bool) *factgraph.TimeSpec {
	d := g.articleDay(article)
	if future {
		d = min(len(g.days)-1, d+g.r.IntN(366))
	} else {
		d = max(0, d-g.r.IntN(61))
	}
	s := g.days[d]
	switch x := g.r.IntN(100); {
	case x < 40:
		g.ts = factgraph.TimeSpec{Value: s, Precision: factgraph.PrecisionDay}
	case x < 70:
		g.ts = factgraph.TimeSpec{Value: s[:7], Precision: factgraph.PrecisionMonth}
	case x < 85:
		m, _ := strconv.Atoi(s[5:7])
		g.ts = factgraph.TimeSpec{Value: s[:4] + "-Q" + strconv.Itoa((m-1)/3+1), Precision: factgraph.PrecisionQuarter}
	default:
		g.ts = factgraph.TimeSpec{Value: s[:4], Precision: factgraph.PrecisionYear}
	}
	return &g.ts
}

// quantity draws a log-uniform amount rounded to two significant digits.
func (g *gen) quantity(u unitSpec) factgraph.Quantity {
	v := math.Exp(math.Log(u.lo) + g.r.Float64()*(math.Log(u.hi)-math.Log(u.lo)))
	p := math.Max(1, math.Pow(10, math.Floor(math.Log10(v))-1))
	v = math.Max(1, math.Round(v/p)*p)
	return factgraph.Quantity{Value: v, Unit: u.unit, Of: u.of, Approx: g.r.IntN(10) < 6}
}

func (g *gen) writeEvent(n int) error {
	r := g.r
	x := r.IntN(g.evCum[len(g.evCum)-1])
	ti := 0
	for g.evCum[ti] <= x {
		ti++
	}
	t := &eventTemplates[ti]

	nRoles := 2
	switch x := r.IntN(100); {
	case x < 35:
	case x < 70:
		nRoles = 3
	case x < 90:
		nRoles = 4
	default:
		nRoles = 5
	}
	nRoles = min(nRoles, g.plan.Entities)
	g.used = g.used[:0]
	g.roles = g.roles[:0]
	for i := range nRoles {
		spec := t.roles[i]
		e := g.pickDistinct(spec.kinds)
		g.used = append(g.used, e)
		g.roles = append(g.roles, factgraph.Role{Role: spec.role, Entity: g.id(e)})
	}
	modality := g.modality(68, 10, 5, 5, 12)
	ev := factgraph.Event{
		ID:    "event:e" + pad(n+1, 7),
		Type:  t.typ,
		Label: g.name(g.used[0]) + " " + t.verb + " " + g.name(g.used[1]),
		Roles: g.roles,
	}
	if r.IntN(100) >= 3 {
		ev.Modality = modality
		g.conf = float64(50+r.IntN(51)) / 100
		ev.Confidence = &g.conf
	}
	if r.IntN(10) < 9 {
		ev.Time = g.timeSpec(g.curArticle, modality == factgraph.ModalityPlanned)
	}
	nq := 0
	if x := r.IntN(100); x >= 85 {
		nq = 2
	} else if x >= 55 {
		nq = 1
	}
	g.qs = g.qs[:0]
	for range nq {
		g.qs = append(g.qs, g.quantity(genericUnits[r.IntN(len(genericUnits))]))
	}
	if nq > 0 {
		ev.Quantities = g.qs
	}
	g.evs = append(g.evs[:0], factgraph.Evidence{Article: articleID(g.curArticle), Quote: g.sentence(modality, ev.Label)})
	if r.IntN(10) < 3 {
		a := g.curArticle
		if r.IntN(2) == 0 {
			a = g.otherArticle(a)
		}
		last := g.used[len(g.used)-1]
		q := "The " + strings.ToLower(t.typ) + " involved " + g.name(last) + ", " + fillers[r.IntN(len(fillers))] + "."
		g.evs = append(g.evs, factgraph.Evidence{Article: articleID(a), Quote: q})
	}
	ev.Evidence = g.evs
	g.line.Event = &ev
	return g.emit()
}

// pickDistinct picks a popularity-biased entity of one of the kinds that is not in g.used.
func (g *gen) pickDistinct(kinds []int) uint32 {
	for range 6 {
		e := g.pickAny(kinds)
		if !containsU32(g.used, e) {
			return e
		}
	}
	for range 6 {
		e := g.pickAny(nil)
		if !containsU32(g.used, e) {
			return e
		}
	}
	n := g.plan.Entities
	for e, i := uint32(g.r.IntN(n)), 0; i < n; i++ {
		if !containsU32(g.used, e) {
			return e
		}
		e = uint32((int(e) + 1) % n)
	}
	panic(errors.New("synth: no distinct entity left"))
}

func containsU32(list []uint32, x uint32) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
