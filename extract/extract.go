package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// MaxTextBytes bounds the text of one article (about 150,000 words). It equals the
// domain's MaxTextChars in bytes, so a text within it is within the domain's limit too.
const MaxTextBytes = factgraph.MaxTextChars

// Extractor reads facts from article text with a gazetteer and rules. It is safe for
// concurrent use: each Extract works on its own state.
type Extractor struct {
	g *Gazetteer
}

// New returns an extractor over the gazetteer.
func New(g *Gazetteer) *Extractor { return &Extractor{g: g} }

// ExtractFacts implements factgraph.Extractor: the facts of Extract.
func (x *Extractor) ExtractFacts(a factgraph.Article) (factgraph.FactSet, error) {
	res, err := x.Extract(a)
	if err != nil {
		return factgraph.FactSet{}, err
	}
	return res.Facts(), nil
}

// Attribution says who a sentence's claims come from: "according to KCNA", "state media
// reported", "PESKOV: ...". Source is the entity id when the source is a known entity.
type Attribution struct {
	Sentence int    `json:"sentence"`
	Source   string `json:"source,omitempty"` // entity id, when an entity
	Name     string `json:"name"`             // as a reader would name it: "KCNA", "state media"
	Text     string `json:"text"`             // the words that attribute: "according to KCNA"
	Rule     string `json:"rule"`
}

// Sentence is a sentence of the article with its offsets.
type Sentence struct {
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Result is everything read from one article: the facts in the loader's format and the
// mentions, dates, quantities and attributions they were built from.
type Result struct {
	Article      factgraph.Article    `json:"article"`
	Entities     []factgraph.Entity   `json:"entities"`
	Relations    []factgraph.Relation `json:"relations"`
	Events       []factgraph.Event    `json:"events"`
	Sentences    []Sentence           `json:"sentences"`
	Mentions     []Mention            `json:"mentions"`
	Dates        []DateMention        `json:"dates"`
	Quantities   []QuantityMention    `json:"quantities"`
	Attributions []Attribution        `json:"attributions"`
	Warnings     []string             `json:"warnings,omitempty"`
}

// Facts is the result as a fact set for the loader: the article, the entities mentioned,
// and the relations and events with their evidence.
func (r *Result) Facts() factgraph.FactSet {
	return factgraph.FactSet{Articles: []factgraph.Article{r.Article}, Entities: r.Entities, Relations: r.Relations, Events: r.Events}
}

// doc is the state of one extraction.
type doc struct {
	tentative map[string]bool // events with no one in them, kept until contextAgents gives a doer
	// bodyOf: an organisation read as a state's body ("Guyana's defence force") -> the
	// state, the doer of what the body does
	bodyOf map[string]string
	// lastCity: the city named last ("the city" names it), and the sentence it was in
	lastCity   string
	lastCityAt int
	// correspondentPara: the paragraph of a broadcast correspondent's segment, introduced by
	// "Here's our correspondent in X:" (-1: none), and that introduction
	correspondentPara int
	correspondentText string
	// correspondentTurn: the transcript turn under way is a broadcast correspondent's
	// ("CORRESPONDENT: ..." to the next label)
	correspondentTurn bool
	// lastInCountry: the roles of the event of a type told last in a place of a country
	// (type|country)
	lastInCountry map[string][]factgraph.Role
	// lastNewPerson: the person the text introduced last by a name of its own ("identified
	// as Volodymyr Z."), for "the man"
	lastNewPerson   string
	lastNewPersonAt int
	cityKind        map[string]bool // isCity, read once per entity
	// fired: the weapons of the last strike or launch told with one, and its sentence ("fired
	// five ATACMS missiles. Four of them were destroyed")
	fired     []string
	firedAt   int
	byPronoun map[string]bool // events whose doer the text names by a pronoun ("they launched"), unresolved
	keyBuf    []byte          // matchGazetteer's scratch key
	bodyHint  string          // the country setBodyHint found for the bare body being named

	g               *Gazetteer
	article         factgraph.Article
	text            string
	pub             time.Time
	lastDay         time.Time
	mentioned       map[string]bool
	lastPerson      string
	lastFacility    string
	lastSource      string       // the organization last named as a source
	lastUnnamed     string       // the unnamed source named last ("military source")
	datelineAlso    *Attribution // the dateline's agency of a sentence whose own source won
	speaker         string       // the entity speaking in a transcript turn
	speakerPara     int          // the paragraph of the turn
	transcript      bool         // the text has two or more speaker lines
	lastRoles       map[string][]factgraph.Role
	lastRolesAt     map[string]int              // type -> the sentence of lastRoles
	leadRoles       map[string][]factgraph.Role // type -> the roles of the first event of it told with a doer (the article's own)
	home            string                      // the country of the article's dateline city ("MOSCOW, October 10."), if any
	lastByNoun      map[string][]factgraph.Role // type|noun of an event named by a noun ("MEETING|summit") -> its roles
	owner           map[string]string           // weapon or vessel -> the country last named with it ("Russian drones")
	lastCraft       map[string]string           // class ("vessel", "aircraft", "fighter"), or class|country -> the one named last
	orgByWord       map[string]seen             // a word of an organisation's name -> the one named last with it
	seq             int                         // mentions counted so far (recency of orgByWord)
	nameWords       map[string][]string
	classes         map[string][]string // craftClasses, once per entity
	unresolved      map[string]*factgraph.Entity
	unresolvedOrder []string
	shortNew        map[string]string  // folded name part -> id of a new person
	titleIntro      map[string]string  // folded title -> the gazetteer person the article introduced with it ("Prime Minister Kishida")
	namedByHead     map[string]namedAt // a class noun (singular) -> the named system written last with it ("Fath-360 ... missiles")
	indefVessel     namedAt            // the country of "an Italian destroyer" and its sentence: the ship a name in the next sentence may be
	newNames        map[string]string  // folded full name -> id of a new entity (not a person)
	pendingDateline string             // the agency of a dateline sentence, for the next sentence
	pendingText     string
	voice           string       // the agency of a dateline: whose words the article's unattributed sentences are
	lastQuote       *Attribution // the last sentence's, when it quoted someone
	pendingVessel   int          // an event of an unnamed vessel ("detained an oil tanker"): its index in the events, or -1
	pendingUntil    int          // the last sentence in which the vessel's name may follow
	lastQuotePara   int
	roles           map[string]seen // a role noun ("spokesperson", "secretary") -> the person introduced with it last
	speakerLabel    string          // the label of the transcript turn under way
	lastPara        int             // the paragraph of the sentence before
	prevAttr        *Attribution    // the sentence before's
	inQuote         bool            // the sentence before ended inside a quotation
	quotePara       int
	sourceCountry   map[string]string // a new person -> the country named with their title
	newCountry      map[string]string // a new organisation -> the country it belongs to, when its name says
	sides           []string          // the two sides of the article's conflict ("a ceasefire between Thailand and Cambodia"), noteSides
	stateShips      map[string]bool   // new vessels a state sails ("the Philippine vessel 9701")
	orgTypes        map[string]string // a kind noun ("company", "embassy") -> the organisation named last as one
	// clause-level state: the sentence being read, the index in its mentions of its main
	// clause's subject (-1: none), and the subject and people of the sentence before
	cur              *sentence
	curSubject       int
	curAttr          *Attribution      // the attribution of the sentence whose events are read
	groupOrg         string            // the organisation whose people a group noun named last ("inspectors from the IAEA")
	pendingCount     pendingCount      // "sanctions on two Chinese companies": the companies named later
	declaredLabels   map[string]string // transcript labels declared in the header ("Barbara Woodward (PRESIDENT)") -> the person
	prevSubject      string
	prevPersons      []string
	recentCountries  []string                    // the countries named last, the most recent last (at most twelve)
	publisherCountry string                      // the country of the publishing organisation, if the gazetteer has it
	countryNamed     map[string]int              // how often each country was named so far
	lastCounted      string                      // the noun of the last amount counted ("600 vessels"), for "444 of them"
	lastCountedAt    int                         // its sentence
	lastVessel       string                      // the vessel named last, for a passive's "it" ("It was boarded")
	lastByPlace      map[string][]factgraph.Role // type|place -> the roles of the event of that type named there last ("the Geneva talks")
	newAircraft      map[string]string           // new weapons named as aircraft ("Su-27 fighter jets") -> the class words after the name
	midWords         map[string]bool             // midSentence answers, by word
	orgInitials      map[string]string           // the initials of new organisations ("JCS") -> id
	groups           map[string][]string         // a kind -> the entities last coordinated ("Rosneft and Lukoil"), for "both companies"
	groupsAt         map[string]int              // a kind -> the sentence of its group in groups
}

// Extract reads the facts of an article. The article needs an id and a title; its text is
// what is read, and publishedAt anchors relative dates ("a day earlier", "on Friday").
// Errors: EINVALID naming the field.
func (x *Extractor) Extract(a factgraph.Article) (*Result, error) {
	if len(a.Text) > MaxTextBytes {
		return nil, &factgraph.Error{Code: factgraph.ELIMIT, Field: "text", Message: fmt.Sprintf("at most %d bytes (got %d)", MaxTextBytes, len(a.Text))}
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, &factgraph.Error{Code: factgraph.EINVALID, Field: "text", Message: "the article has no text to extract from"}
	}
	if !utf8.ValidString(a.Text) {
		return nil, &factgraph.Error{Code: factgraph.EINVALID, Field: "text", Message: "not valid UTF-8"}
	}
	d := &doc{g: x.g, correspondentPara: -1, lastInCountry: map[string][]factgraph.Role{}, bodyOf: map[string]string{}, article: a, text: a.Text, mentioned: map[string]bool{}, countryNamed: map[string]int{}, unresolved: map[string]*factgraph.Entity{}, shortNew: map[string]string{}, newNames: map[string]string{}, lastRoles: map[string][]factgraph.Role{}, lastByNoun: map[string][]factgraph.Role{}, owner: map[string]string{}, newCountry: map[string]string{}, stateShips: map[string]bool{},
		lastCraft: map[string]string{}, orgByWord: map[string]seen{}, nameWords: map[string][]string{}, classes: map[string][]string{}, pendingVessel: -1}
	res := &Result{Article: a, Entities: []factgraph.Entity{}, Relations: []factgraph.Relation{}, Events: []factgraph.Event{},
		Sentences: []Sentence{}, Mentions: []Mention{}, Dates: []DateMention{}, Quantities: []QuantityMention{}, Attributions: []Attribution{}}
	if a.PublishedAt != "" {
		d.pub, _ = time.Parse(time.DateOnly, a.PublishedAt)
	} else {
		res.Warnings = append(res.Warnings, "the article has no publishedAt: relative dates (\"a day earlier\", \"on Friday\") are not resolved")
	}
	tagger, err := posTagger()
	if err != nil {
		return nil, &factgraph.Error{Code: factgraph.EINTERNAL, Message: err.Error()}
	}
	sents := splitSentences(a.Text)
	speakers := 0
	for _, s := range sents {
		if s.Speaker != "" {
			speakers++
		}
	}
	d.transcript = speakers >= 2
	d.home = x.g.datelineCountry(a.Text)
	// "US Department of Defense (transcript)": the country of the outlet, the side of a
	// transcript's own speakers whose country is not named
	if pub, _, _ := strings.Cut(a.Publisher, "("); strings.TrimSpace(pub) != "" {
		for _, e := range x.g.Lookup(strings.TrimSpace(pub)) {
			if e.Kind == factgraph.KindOrganization && e.Country != "" {
				d.publisherCountry = e.Country
			}
		}
	}
	relations := map[string]*factgraph.Relation{}
	var relOrder []string
	addRelation := func(r factgraph.Relation) {
		k := r.ID()
		if old, ok := relations[k]; ok {
			// the same relation stated again: one more quote for it
			if *r.Confidence > *old.Confidence {
				old.Confidence = r.Confidence
			}
			for _, ev := range r.Evidence {
				dup := false
				for _, o := range old.Evidence {
					dup = dup || o.Quote == ev.Quote
				}
				if !dup {
					old.Evidence = append(old.Evidence, ev)
				}
			}
			return
		}
		relations[k] = &r
		relOrder = append(relOrder, k)
	}
	for si := range sents {
		s := &sents[si]
		res.Sentences = append(res.Sentences, Sentence{Index: s.Index, Start: s.Start, End: s.End, Text: s.Text})
		tagger.tagSentence(s)
		ms := d.matchGazetteer(s)
		ms = append(ms, d.matchAnaphors(s, ms)...)
		news, drop := d.matchNewNames(s, ms)
		ms = append(dropMentions(ms, drop), news...)
		d.classReferences(s, ms)
		ms = append(ms, d.matchPatterns(s, ms)...)
		ms = d.dropShipClasses(s, ms)
		ms = append(ms, d.matchClassAnaphors(s, ms)...)
		d.warshipAnaphors(s, ms)
		sort.Slice(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
		ms = append(ms, d.matchOrgAnaphors(s, ms)...)
		sort.Slice(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
		if bs := d.matchBareBodies(s, ms); len(bs) > 0 {
			ms = append(ms, bs...)
			sort.Slice(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
		}
		if ks := d.matchKoreaHalves(s, ms); len(ks) > 0 {
			ms = append(ms, ks...)
			sort.Slice(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
		}
		if cs := d.matchCityAnaphors(s, ms); len(cs) > 0 {
			ms = append(ms, cs...)
			sort.Slice(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
		}
		dates := d.findDates(s)
		res.Dates = append(res.Dates, dates...)
		qs := d.findQuantities(s, dates, ms)
		res.Quantities = append(res.Quantities, qs...)
		d.cur = s
		d.curSubject = d.subjectMention(s, ms)
		attr := d.findAttribution(s, ms)
		voice := d.voice // the agency of the article's dateline, if any
		if attr != nil {
			res.Attributions = append(res.Attributions, *attr)
			res.Attributions = append(res.Attributions, d.moreSources(s, ms, attr)...)
			if d.datelineAlso != nil && d.datelineAlso.Sentence == s.Index {
				res.Attributions = append(res.Attributions, *d.datelineAlso)
			}
			if attr.Source != "" {
				voice = attr.Source
			}
		}
		// a broadcast correspondent's segment (the paragraph after "Here's our
		// correspondent in Islamabad:") is the correspondent's, sentence by sentence, as a
		// transcript turn is its speaker's (and nested: "Officials here insist ...")
		inSegment := d.correspondentPara >= 0 && s.Para == d.correspondentPara && s.Speaker == ""
		if (inSegment || d.correspondentTurn) && (attr == nil || attr.Name != "correspondent") {
			text := d.correspondentText
			if !inSegment {
				text = d.speakerLabel // ("CORRESPONDENT", the turn's label)
			}
			c := Attribution{Sentence: s.Index, Name: "correspondent", Text: text, Rule: "attribution.correspondent"}
			res.Attributions = append(res.Attributions, c)
			if attr == nil {
				attr = &c
			}
		}
		if correspondentIntroRe.MatchString(s.Text) {
			d.correspondentPara, d.correspondentText = s.Para+1, strings.TrimSuffix(strings.TrimSpace(s.Text), ":")
		}
		// names in the source's own usage: "the ROK puppets" in a North Korean statement
		if us := d.matchUsage(s, ms, voice); len(us) > 0 {
			ms = mergeMentions(ms, us)
			d.curSubject = d.subjectMention(s, ms)
		}
		res.Mentions = append(res.Mentions, ms...)
		d.noteOwners(s, ms)
		d.noteGroupOrg(s, ms)
		d.noteSides(s, ms)
		evs, rest := d.findEvents(s, ms, dates, qs, attr)
		evs = announcedActs(evs)
		for _, q := range rest {
			res.Article.Quantities = append(res.Article.Quantities, d.articleQuantity(s, ms, q))
		}
		d.resolvePendingVessel(res, s, ms)
		d.resolvePendingCount(res, s, ms)
		res.Events = append(res.Events, evs...)
		for _, ev := range evs {
			if ev.Type == "STRIKE" || ev.Type == "LAUNCH" {
				var ws []string
				for _, r := range ev.Roles {
					if r.Role == factgraph.RoleInstrument && d.kindOf(r.Entity) == factgraph.KindWeaponSystem {
						ws = append(ws, r.Entity)
					}
				}
				if len(ws) > 0 {
					d.fired, d.firedAt = ws, s.Index
				}
			}
		}
		d.notePendingVessel(res, s, len(res.Events)-len(evs))
		for _, r := range d.eventRelations(evs) {
			addRelation(r)
		}
		for _, r := range d.patternRelations(s, ms, attr) {
			addRelation(r)
		}
		d.endSentence(s, ms)
		d.noteGroups(s, ms)
	}
	for _, k := range relOrder {
		res.Relations = append(res.Relations, *relations[k])
	}
	d.contextAgents(res)
	d.quotePassages(sents, res)
	// the entities: every one mentioned, in order of first mention, then any that a role or
	// a relation names without a mention (a transcript speaker's "we" is their country)
	seen := map[string]bool{}
	addEntity := func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		if e := d.g.Entry(id); e != nil {
			res.Entities = append(res.Entities, e.Entity())
		} else if e := d.unresolved[id]; e != nil {
			res.Entities = append(res.Entities, *e)
		}
	}
	for _, m := range res.Mentions {
		addEntity(m.Entity)
		// ("Turkey's foreign ministry": the body, and the state named in its name)
		if i := strings.IndexAny(m.Text, "'’"); i > 0 && d.kindOf(m.Entity) == factgraph.KindOrganization {
			for _, e := range d.g.Lookup(m.Text[:i]) {
				if e.Kind == factgraph.KindCountry && e.ID == d.countryOf(m.Entity) {
					addEntity(e.ID)
				}
			}
		}
	}
	for _, ev := range res.Events {
		for _, r := range ev.Roles {
			addEntity(r.Entity)
		}
	}
	for _, r := range res.Relations {
		addEntity(r.From)
		addEntity(r.To)
	}
	return res, nil
}

// vesselActs take an unnamed vessel as their target: "Finnish authorities have detained an
// oil tanker", "a drone struck a tanker".
var vesselActs = map[string]bool{"DETENTION": true, "INTERCEPTION": true, "STRIKE": true}

// pendingCount: a sanction whose targets the sentence counts by a demonym and a plural
// ("two Chinese companies"): the next n new organisations named (not of another country)
// in the next two sentences are its targets.
type pendingCount struct {
	sentence, n int
	country     string
	noun        int      // the counted noun's token
	rel         []string // the types of the events in its relative clause, theirs
}

// resolvePendingCount gives the waiting sanction the new organisations the sentence names.
func (d *doc) resolvePendingCount(res *Result, s *sentence, ms []Mention) {
	pc := &d.pendingCount
	if pc.n <= 0 || s.Index == pc.sentence {
		return
	}
	if s.Index > pc.sentence+2 {
		pc.n = 0
		return
	}
	var ev *factgraph.Event
	for k := range res.Events {
		if res.Events[k].Type == "SANCTION" && *res.Events[k].Evidence[0].Start == res.Sentences[pc.sentence].Start {
			ev = &res.Events[k]
		}
	}
	if ev == nil {
		pc.n = 0
		return
	}
	toks := s.Tokens
	for _, m := range ms {
		if pc.n <= 0 {
			break
		}
		if d.kindOf(m.Entity) != factgraph.KindOrganization || d.unresolved[m.Entity] == nil || hasEntity(ev.Roles, m.Entity) {
			continue
		}
		// (not one the text gives another country: "IEMZ Kupol, the Russian state-owned
		// firm", "the Russian company TSK Vektor")
		other := false
		for _, c := range ms {
			if d.kindOf(c.Entity) != factgraph.KindCountry || c.Entity == pc.country {
				continue
			}
			if c.first > m.last && c.first <= m.last+3 && tokenIn(toks, m.last+1, c.first, ",") || c.last < m.first && c.last >= m.first-3 {
				other = true
			}
		}
		if other {
			continue
		}
		ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleTarget, Entity: m.Entity})
		for k := range res.Events {
			if e := &res.Events[k]; *e.Evidence[0].Start == res.Sentences[pc.sentence].Start && slices.Contains(pc.rel, e.Type) && !hasRole(e.Roles, factgraph.RoleAgent, m.Entity) {
				e.Roles = append(e.Roles, factgraph.Role{Role: factgraph.RoleAgent, Entity: m.Entity})
			}
		}
		pc.n--
	}
	if d.lastRolesAt["SANCTION"] == pc.sentence {
		d.lastRoles["SANCTION"] = ev.Roles
	}
}

// notePendingVessel: an event from index from on of a vessel the sentence does not name ("have
// seized a Bulgarian-owned cargo ship") waits for the vessel's name in the next sentences.
func (d *doc) notePendingVessel(res *Result, s *sentence, from int) {
	toks := s.Tokens
	for k := from; k < len(res.Events); k++ {
		ev := &res.Events[k]
		if !vesselActs[ev.Type] || hasRoleType(ev.Roles, factgraph.RoleTarget) {
			continue
		}
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].Norm != "a" && toks[i].Norm != "an" {
				continue
			}
			for j := i + 1; j < len(toks) && j <= i+4 && (toks[j].Word || toks[j].Text == "-"); j++ {
				if vesselNouns[toks[j].Norm] && (j+1 >= len(toks) || !toks[j+1].Capitalized()) {
					d.pendingVessel, d.pendingUntil = k, s.Index+2
					return
				}
			}
		}
	}
}

// resolvePendingVessel gives the waiting event the first vessel the sentence names ("The
// Malta-flagged bulk carrier Vezhen ...") as its target.
func (d *doc) resolvePendingVessel(res *Result, s *sentence, ms []Mention) {
	if d.pendingVessel < 0 {
		return
	}
	if s.Index > d.pendingUntil {
		d.pendingVessel = -1
		return
	}
	for _, m := range ms {
		if d.kindOf(m.Entity) == factgraph.KindVessel {
			ev := &res.Events[d.pendingVessel]
			if !hasEntity(ev.Roles, m.Entity) {
				ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleTarget, Entity: m.Entity})
			}
			d.pendingVessel = -1
			return
		}
	}
}

// articleQuantity keeps an amount no event takes as a quantity of the article, with the
// entity it describes: the mention nearest before it in the sentence ("the Eagle S ... its
// crew of 24"), else the nearest after it ("24 crew members of the Eagle S"), else none.
func (d *doc) articleQuantity(s *sentence, ms []Mention, q QuantityMention) factgraph.Quantity {
	out := q.Quantity
	best, dist := "", 1<<30
	for _, m := range ms {
		var gap int
		switch {
		case m.End <= q.Start:
			gap = q.Start - m.End
		case m.Start >= q.End:
			gap = 2 * (m.Start - q.End) // after: only when nothing is nearer before
		default:
			continue
		}
		if gap < dist {
			best, dist = m.Entity, gap
		}
	}
	out.Entity = best
	return out
}

// planNouns after "according to" name a plan or a rule followed, not a source.
var planNouns = map[string]bool{"plan": true, "plans": true, "schedule": true, "timetable": true, "law": true,
	"laws": true, "rules": true, "treaty": true, "agreement": true, "procedure": true, "procedures": true,
	"protocol": true, "tradition": true, "decree": true, "instructions": true, "script": true, "programme": true, "program": true}

// attribution patterns: the source before or after a speech verb, "according to X".
var speechVerbs = map[string]bool{
	"said": true, "says": true, "reported": true, "reports": true, "told": true, "stated": true, "claimed": true,
	"announced": true, "quoted": true, "cited": true, "added": true, "wrote": true, "insisted": true,
	"warned": true, "confirmed": true, "denied": true, "noted": true, "declared": true, "alleged": true,
	"believe": true, "believes": true, "praised": true, "accused": true, "acknowledged": true, "argued": true,
	"disputes": true, "estimated": true, "estimate": true, "say": true, "tells": true,
	"stressed": true, "described": true, "urged": true, "condemned": true, "denounced": true, "rejected": true,
	"demanded": true, "explained": true, "emphasised": true, "emphasized": true, "underlined": true,
	"saying": true, "rejects": true, "condemns": true,
	// ("The Kremlin dismissed any suggestion that ...": with a clause, a claim; with a
	// bare object an act, see actVerbs)
	"dismissed": true,
	// ("Army spokesman X blamed the RSF for the attacks": an accusation; "welcomed the end
	// of what it called aggression": with content a claim, with a bare object an act)
	"blamed": true, "blames": true, "welcomed": true, "welcomes": true,
	// ("Gallant boasted that ...", "X suggested the video was fake")
	"boasted": true, "suggested": true, "suggests": true,
	// ("Its operator expects it to stay shut": an expectation is a claim, as a belief is)
	"expects": true, "expect": true,
	// reporting verbs added in the second round of issue 13
	"posted": true, "tweeted": true, "asserted": true, "replied": true,
	"remarked": true, "admitted": true, "conceded": true, "reiterated": true, "affirmed": true, "recalled": true,
	"countered": true, "contended": true, "complained": true, "adds": true, "notes": true, "warns": true,
	"stresses": true, "insists": true, "claims": true, "explains": true, "writes": true, "announces": true,
	"telling": true, "noting": true, "warning": true, "stressing": true, "insisting": true,
	"claiming": true, "stating": true, "announcing": true,
}

// datelineRe: "Pyongyang, December 25 (KCNA) --" attributes the sentence to the agency.
var datelineRe = regexp.MustCompile(`^[^()]{0,60}\(([^()]{2,40})\)\s*(?:--|—|–|-\s)`)

// objectApposition: the name at token first is in apposition to the object of a
// preposition ("apologised to Azerbaijan's president, Ilham Aliyev, ..., saying": the
// apology's addressee, not the one who says).
func objectApposition(toks []token, first int) bool {
	if first < 2 || toks[first-1].Text != "," {
		return false
	}
	for k := first - 2; k >= 0 && k >= first-6; k-- {
		switch toks[k].Norm {
		case "to", "with", "from", "for", "on", "at", "against":
			return true
		}
		if !toks[k].Word && toks[k].Text != "'s" && toks[k].Text != "’s" {
			return false
		}
	}
	return false
}

// slashDatelineRe: "ISTANBUL, May 16. /TASS/.", "ANCHORAGE /Alaska/, August 16. /TASS/."
// alone as a sentence.
var slashDatelineRe = regexp.MustCompile(`^[A-Z][A-Za-z .'-]{1,40}(?: ?/[^/]{1,40}/)?, [A-Z][a-z]{2,8}\.? \d{1,2}\. /[A-Za-z-]{2,20}/\.?$`)

// correspondentIntroRe: a presenter's line that hands over to a correspondent.
var correspondentIntroRe = regexp.MustCompile(`(?i)\bcorrespondent\b[^.:]{0,60}:\s*$`)

// correspondentLabelRe: the label of a broadcast correspondent's turn ("CORRESPONDENT:",
// "REPORTER:").
var correspondentLabelRe = regexp.MustCompile(`^(?:CORRESPONDENT|REPORTER)$`)

// correspondentHandoverRe: a presenter's line that hands over to a correspondent, who
// "reports" or "has more" ("Our correspondent in Seoul, Jiwon Park, has more.").
// (or "Anna Kowal reports from Warsaw.": the line ends with the place)
var correspondentHandoverRe = regexp.MustCompile(`^(?:(?i:(?:and |now |here'?s |here is )?our\b[^.:]{0,40}\bcorrespondent\b[^.:]{0,60}\b(?:reports(?: from [A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})?|has more|has (?:this|the|that) (?:report|story|details)|sent (?:this|that) report|joins us))|[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3} reports from [A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})[.:]?\s*$`)

// unnamed sources: phrases that attribute without naming an entity.
var unnamedSources = regexp.MustCompile(`(?i)\b((?:western|ukrainian|russian|iranian|israeli|chinese|turkish|polish|local|foreign|independent|international|german|french|british|american|japanese|south korean|north korean|korean|indian|pakistani|australian|italian|swedish|danish|finnish|estonian|latvian|lithuanian|norwegian|dutch|spanish|greek|taiwanese|philippine|arab|saudi|syrian|lebanese|iraqi|belarusian|venezuelan|brazilian|state-run|pro-kremlin) media|(?:maritime|security|military|industry|informed|diplomatic|intelligence|government|shipping|western|senior|european|us|police|defence|defense|trade) sources?|critics|rebels|spokesman|spokeswoman|negotiators|negotiator|mediators|state media|state television|state news agency|official media|officials|official|analysts|analyst|experts|expert|observers|observer|diplomats|diplomat|sources|source|the report|the agency|the ministry|the military|the statement|witnesses|witness|residents|resident|lawmakers|lawmaker|police|prosecutors|prosecutor|lawyers|lawyer|investigators|investigator|correspondent|traders|trader|brokers|broker|regional authorities|local authorities|authorities|aid workers|rescue workers|rescuers|medics|families|refugees|survivors|villagers|press service|press office)\b`)

// pressServiceRe: the office that speaks for someone ("the press service of the president").
var pressServiceRe = regexp.MustCompile(`(?i)\bpress (?:service|office)\b`)

// qualifiedPeopleRe: "people", "a person" are a source only with a qualifier: "two people
// familiar with the matter said".
var qualifiedPeopleRe = regexp.MustCompile(`(?i)\b(people|persons|person)\b`)

// qualifiedSourceRe: what may stand between an unnamed source and its verb.
var qualifiedSourceRe = regexp.MustCompile(`^\s*,?\s*(familiar with|with knowledge of|close to|briefed on|involved in|speaking on condition of anonymity|who spoke on condition of anonymity|who asked not to be named|who declined to be named)\b[^,.;"]{0,50}?,?\s*$`)

// findAttribution reads who the sentence attributes its claims to: by the rules of
// attributionOf, else a characterisation ("Moscow called the summit a step towards ..."),
// else, for a quoted sentence right after a quoted and attributed one of the same
// paragraph, that sentence's source ('"The ball is in their court," Rubio said. "If they
// say no, ..."').
func (d *doc) findAttribution(s *sentence, ms []Mention) (a *Attribution) {
	defer func() { d.noteRoles(s, ms); d.prevAttr = a }()
	a = d.attributionOf(s, ms)
	if a != nil && d.speaker == "" && a.Rule != "attribution.dateline" && askedQuestion(s) {
		a = nil // "Has Beijing replied?" asks; it reports no claim
	}
	if a == nil && d.speaker == "" {
		a = d.calledClaim(s, ms)
	}
	// (a characterisation the sentence names wins over the dateline's agency: "MOSCOW,
	// March 3. /TASS/. Putin has called the blast a terrorist act" is Putin's)
	if a != nil && a.Rule == "attribution.dateline" && d.speaker == "" && a.Sentence == s.Index && !slashDatelineRe.MatchString(s.Text) {
		if c := d.calledClaim(s, ms); c != nil {
			a = c
		}
	}
	if a == nil && d.speaker == "" {
		a = d.evidenceClaim(s)
	}
	quoted := strings.ContainsAny(s.Text, "\"“”")
	// inside a quotation that an earlier sentence opened (in this paragraph, or in the one
	// before when this one opens with a quote mark, which then opens nothing new)
	inside, text := d.inQuote, s.Text
	newPara := s.Para != d.quotePara
	if newPara {
		inside = inside && startsWithQuote(s.Text)
		if inside {
			text = strings.TrimLeft(text, "\"“")
		}
	}
	d.quotePara = s.Para
	d.inQuote = quoteOpenAfter(inside, text)
	own := namesOwnSpeaker(s) // '"...," Tian said.': a speaker the rules could not name
	if a == nil && d.speaker == "" && d.lastQuote != nil && inside && !own && s.Index == d.lastQuote.Sentence+1 {
		c := *d.lastQuote
		c.Sentence, c.Rule = s.Index, "attribution.quote-passage"
		a = &c
	}
	// (also a paragraph that opens with a quote right after a paragraph that ended with an
	// attributed one: '"They will pay," she said.' then '"We will respond."')
	if a == nil && d.speaker == "" && d.lastQuote != nil && (d.lastQuotePara == s.Para || newPara && s.Para == d.lastQuotePara+1) && s.Index == d.lastQuote.Sentence+1 && startsWithQuote(s.Text) && !own {
		c := *d.lastQuote
		c.Sentence, c.Rule = s.Index, "attribution.quote-continued"
		a = &c
	}
	d.lastQuote = nil
	// a quoted sentence right after a sentence attributed to an entity goes on with its
	// words ('Peskov said Moscow had not received the text. "We will study it."')
	if a != nil && (quoted || a.Source != "") {
		d.lastQuote, d.lastQuotePara = a, s.Para
	}
	return a
}

func startsWithQuote(t string) bool {
	return strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“")
}

// calledClaim: "Moscow called the summit a step towards confrontation", "it called the
// incursion an irresponsible act": the subject right before "called" characterises.
func (d *doc) calledClaim(s *sentence, ms []Mention) *Attribution {
	toks := s.Tokens
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].Norm != "called" && toks[i].Norm != "calls" && toks[i].Norm != "calling" {
			continue
		}
		// "in what the command called a reckless manner", "which the Australian government
		// called a dangerous manoeuvre": the characterisation is the namer's, whatever
		// follows
		if toks[i].Norm == "called" {
			for _, c := range d.characterisations(s, ms) {
				if c.at == i {
					return d.source(&c.Attribution)
				}
			}
		}
		// "Medvedev went further, calling the United States our adversary": a participle
		// after the main clause characterises for its subject
		if toks[i].Norm == "calling" {
			if toks[i-1].Text != "," || d.curSubject < 0 || d.curSubject >= len(ms) || toks[i+1].Norm == "for" || toks[i+1].Norm == "on" {
				continue
			}
			if m := ms[d.curSubject]; m.last < i && agentKinds[d.kindOf(m.Entity)] && !afterPreposition(toks, m.first) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.called"})
			}
			continue
		}
		switch toks[i+1].Norm {
		case "the", "it", "this", "that", "them", "him", "her", "their", "its", "his":
		// "Zelensky called for the area to be demilitarised": an appeal is the caller's
		// statement
		case "for":
			if toks[i].Norm == "calling" {
				continue
			}
		default:
			continue
		}
		// ("Putin has called the blast a terrorist act": past an auxiliary)
		v := i - 1
		for v > 0 && (toks[v].Norm == "has" || toks[v].Norm == "have" || toks[v].Norm == "had") {
			v--
		}
		for _, m := range ms {
			// (or a person in apposition: "The UN Secretary-General, Antonio Guterres,
			// called the strike a flagrant violation")
			appos := toks[v].Text == "," && m.last == v-1 && m.first >= 1 && toks[m.first-1].Text == "," && d.kindOf(m.Entity) == factgraph.KindPerson
			if (m.last == v || appos) && agentKinds[d.kindOf(m.Entity)] && !afterPreposition(toks, m.first) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.called"})
			}
		}
		if w := toks[i-1].Norm; w == "he" || w == "she" || w == "it" || w == "they" {
			if id := d.pronoun(w, ms, i-1); id != "" && agentKinds[d.kindOf(id)] {
				return d.source(&Attribution{Sentence: s.Index, Source: id, Name: d.nameOf(id), Text: d.text[toks[i-1].Start:toks[i].End], Rule: "attribution.called-pronoun"})
			}
		}
		// "Zelensky, who did not travel to Istanbul, later called the document an
		// ultimatum": the main clause's subject, past an apposition or a relative clause and adverbs
		if m := d.mainSubjectBefore(s, ms, i); m != nil {
			return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.called"})
		}
		if d.curSubject >= 0 && d.curSubject < len(ms) {
			if m := ms[d.curSubject]; m.last < i && agentKinds[d.kindOf(m.Entity)] && s.subjectReaches(m.last+1, i) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.called"})
			}
		}
	}
	return nil
}

// mainSubjectBefore: the main clause's subject when the verb at i is its verb: only
// adverbs ("later", "also") stand between them, or an apposition closed by a comma and
// then adverbs ("Zelensky, who did not travel, later called ...").
func (d *doc) mainSubjectBefore(s *sentence, ms []Mention, i int) *Mention {
	if d.curSubject < 0 || d.curSubject >= len(ms) {
		return nil
	}
	m := &ms[d.curSubject]
	toks := s.Tokens
	if m.last >= i || !agentKinds[d.kindOf(m.Entity)] || afterPreposition(toks, m.first) {
		return nil
	}
	j := i
	for j > m.last+1 && j > i-3 && s.tag(j-1) == "RB" {
		j--
	}
	if j == m.last+1 {
		return m
	}
	// a phrase of time between: "Vladimir Putin on Thursday called the boarding piracy"
	if k := m.last + 1; k+1 < j && j-k <= 4 && (toks[k].Norm == "on" || toks[k].Norm == "late" || toks[k].Norm == "early" || toks[k].Norm == "last" || toks[k].Norm == "in") {
		time := true
		for q := k + 1; q < j; q++ {
			_, wd := weekdays[toks[q].Norm]
			_, mo := months[toks[q].Norm]
			time = time && (wd || mo || isDigitByte(toks[q].Norm[0]) || toks[q].Norm == "the" || toks[q].Norm == "week" || toks[q].Norm == "month")
		}
		if time {
			return m
		}
	}
	if toks[j-1].Text != "," || toks[m.last+1].Text != "," || j-1 > m.last+16 {
		return nil
	}
	return m
}

// subjectReaches: a subject ending before token from is the subject of the verb at token
// to: between them only adverbs ("later", "also") and a relative clause closed by commas
// (", who did not travel to Istanbul,").
func (s *sentence) subjectReaches(from, to int) bool {
	toks := s.Tokens
	k := from
	if k < to && toks[k].Text == "," && k+1 < to && (toks[k+1].Norm == "who" || toks[k+1].Norm == "which") {
		j := k + 2
		for j < to && toks[j].Text != "," {
			j++
		}
		if j >= to {
			return false
		}
		k = j + 1
	}
	for ; k < to; k++ {
		if !strings.HasPrefix(s.tag(k), "RB") {
			return false
		}
	}
	return true
}

// greetingRe: a transcript turn's greetings and thanks state nothing.
// (and the turn's hand-over to questions: "With that, I'll take your questions.", "A quick
// update before I take your questions.", "All right, thanks, everybody.")
var greetingRe = regexp.MustCompile(`(?i)^(good (morning|afternoon|evening|day)|thank you|thanks|welcome|hello|ladies and gentlemen|all right|with that\b.*\bquestions|.{0,60}\bbefore i take (your|a few) questions)\b`)

// attributionOf reads the sentence's own source.
func (d *doc) attributionOf(s *sentence, ms []Mention) *Attribution {
	name := d.nameOf
	pending := d.pendingDateline // a dateline sentence's agency: for this sentence only
	d.pendingDateline = ""
	// a transcript (two or more speaker lines): "PESKOV: ..." starts a turn that lasts to
	// the next speaker line (paragraphs without a label continue it), or to a paragraph in
	// brackets ("(The briefing ended.)")
	if s.Para != d.speakerPara {
		d.speakerPara = s.Para
		if !d.transcript || strings.HasPrefix(s.Text, "(") || strings.HasPrefix(s.Text, "[") {
			d.speaker, d.correspondentTurn = "", false
		}
	}
	if s.Speaker != "" && d.transcript {
		d.speakerPara = s.Para
		d.speaker, d.speakerLabel = "", strings.TrimSpace(s.Speaker)
		// "CORRESPONDENT: ...": the broadcaster's own correspondent, a source with no name
		// of the gazetteer, whose every sentence is attributed (main in extract.go)
		d.correspondentTurn = correspondentLabelRe.MatchString(d.speakerLabel)
		label, at := "", -1
		for k, m := range ms {
			if m.End <= s.Start+len(s.Speaker) && d.kindOf(m.Entity) == factgraph.KindPerson {
				label, at = m.Entity, k
			}
		}
		// a name of the gazetteer in the label, else the person the label names by
		// surname or role ("Mr Hayashi" after "Yoshimasa Hayashi"), else a new name
		if d.correspondentTurn {
			// (no person: the sentences' own sources are read as in an article)
		} else if d.g.Entry(label) != nil {
			d.speaker = label
		} else if d.speaker = d.speakerEntity(s.Speaker); d.speaker == "" {
			d.speaker = label
		} else if at >= 0 && d.g.Entry(d.speaker) != nil {
			// ("MAJ. GEN. RYDER" is the gazetteer's Pat Ryder, not a new person Ryder)
			ms[at].Entity, ms[at].Resolved, ms[at].Rule = d.speaker, true, "pattern.speaker-label"
		}
	} else if s.Para != d.lastPara && d.transcript && d.speaker != "" && (labelLikeRe.MatchString(s.Text) || askedQuestion(s)) {
		// "Q (Kyodo): ...", or a question without a label: the turn is over
		d.speaker = ""
	}
	d.lastPara = s.Para
	if d.speaker != "" {
		// greetings and thanks state nothing; everything else in the turn is the speaker's
		body := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s.Text), strings.TrimSpace(s.Speaker)))
		body = strings.TrimLeft(body, ": ")
		// (a one-word answer, "Yes.", is not a claim either)
		if !greetingRe.MatchString(body) && len(strings.Fields(body)) >= 2 {
			return d.source(&Attribution{Sentence: s.Index, Source: d.speaker, Name: name(d.speaker), Text: d.speakerLabel, Rule: "attribution.speaker"})
		}
		return nil
	}
	// "Our correspondent in Moscow, Daniel Marsh, reports.": a presenter's hand-over reports
	// nothing yet
	// (the regular expression only where its words are)
	if (strings.Contains(s.Text, "orrespondent") || strings.Contains(s.Text, " reports from ")) && correspondentHandoverRe.MatchString(s.Text) {
		return nil
	}
	// "ISTANBUL, May 16. /TASS/.": a dateline alone states nothing; it attributes the
	// sentence after it, unless that sentence names its own source
	if slashDatelineRe.MatchString(s.Text) {
		for _, m := range ms {
			if d.kindOf(m.Entity) == factgraph.KindOrganization {
				d.pendingDateline, d.pendingText, d.voice = m.Entity, s.Text, m.Entity
				d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity), Text: s.Text, Rule: "attribution.dateline"})
				return nil
			}
		}
	}
	if pending != "" {
		if a := d.ownSource(s, ms); a != nil {
			return a
		}
		return d.source(&Attribution{Sentence: s.Index, Source: pending, Name: name(pending), Text: d.pendingText, Rule: "attribution.dateline"})
	}
	return d.ownSource(s, ms)
}

// ownSource reads a source the sentence names: a dateline, "according to", a speech verb.
// A source named after the dateline wins ("Tehran, April 13 (IRNA) -- ..., the Guard
// announced" is the Guard's).
func (d *doc) ownSource(s *sentence, ms []Mention) *Attribution {
	if loc := datelineRe.FindStringSubmatchIndex(s.Text); loc != nil {
		for _, m := range ms {
			if m.Start >= s.Start+loc[2] && m.End <= s.Start+loc[3] {
				d.voice = m.Entity
				if a := d.namedSource(s, ms); a != nil && a.Source != m.Entity {
					// (the agency reports it still: the dateline's attribution is kept beside it)
					d.datelineAlso = &Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: s.Text[loc[0]:loc[1]], Rule: "attribution.dateline"}
					return a
				}
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: s.Text[loc[0]:loc[1]], Rule: "attribution.dateline"})
			}
		}
	}
	return d.namedSource(s, ms)
}

// namedSource reads a source the sentence names in its words: "according to", a speech
// verb, a role, a pronoun.
func (d *doc) namedSource(s *sentence, ms []Mention) *Attribution {
	toks := s.Tokens
	name := d.nameOf
	for i := 0; i+1 < len(toks); i++ {
		// according to X
		if toks[i].Norm == "according" && toks[i+1].Norm == "to" {
			for _, m := range ms {
				// (not a country word modifying the source: "according to a senior Ukrainian
				// official" is the official's)
				if m.first >= i+2 && m.first <= i+4 && !(m.last+1 < len(toks) && s.noun(m.last+1) && !covered(ms, m.last+1) && d.kindOf(m.Entity) == factgraph.KindCountry) {
					return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity),
						Text: d.text[toks[i].Start:m.End], Rule: "attribution.according-to"})
				}
			}
			// ("according to officials", "according to a senior Ukrainian official": the
			// source word within the first words, before any punctuation)
			if loc := unnamedSources.FindStringIndex(d.text[toks[i+1].End:min(s.End, toks[i+1].End+40)]); loc != nil && (loc[0] <= 5 || len(strings.Fields(d.text[toks[i+1].End:toks[i+1].End+loc[0]])) <= 3 && !strings.ContainsAny(d.text[toks[i+1].End:toks[i+1].End+loc[0]], ",;:.\"“”()")) {
				ph := strings.ToLower(d.text[toks[i+1].End+loc[0] : toks[i+1].End+loc[1]])
				return d.unnamed(s, ph, d.text[toks[i].Start:toks[i+1].End+loc[1]], "attribution.according-to")
			}
			// according to him
			if i+2 < len(toks) {
				if id := d.pronoun(toks[i+2].Norm, ms, i+2); id != "" && agentKinds[d.kindOf(id)] {
					return d.source(&Attribution{Sentence: s.Index, Source: id, Name: name(id), Text: d.text[toks[i].Start:toks[i+2].End], Rule: "attribution.according-to-pronoun"})
				}
			}
			// according to the command: the organisation named with that word
			for e := i + 3; e < len(toks) && e <= i+5; e++ {
				if !toks[e].Word || e+1 == len(toks) || !toks[e+1].Word {
					if id := d.orgHeadSubject(s, ms, i+2, e+1); id != "" {
						return d.source(&Attribution{Sentence: s.Index, Source: id, Name: name(id), Text: d.text[toks[i].Start:toks[e].End], Rule: "attribution.according-to-org-head"})
					}
					break
				}
			}
			// according to ship-tracking data, according to a statement from the presidential office
			// (not "according to the plan of the General Staff", "according to the treaty":
			// what is done to a plan or a rule is no claim of anyone's; a speech verb later
			// in the sentence may name its source)
			if ph, end := s.nounPhrase(i + 2); ph != "" && !planNouns[lastWord(ph)] {
				return &Attribution{Sentence: s.Index, Name: ph, Text: d.text[toks[i].Start:end], Rule: "attribution.according-to"}
			}
		}
	}
	// the order in which speech verbs are tried: a reporter's closing "..., KCNA said." first,
	// then left to right
	order := make([]int, 0, 4)
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-6; i-- {
		if speechVerbAt(s, i) {
			rest := 0
			for _, t := range toks[i+1:] {
				if t.Word {
					rest++
				}
			}
			if rest == 0 && commaBefore(toks, i-1) {
				order = append(order, i)
			}
			break
		}
	}
	for i := range toks {
		if speechVerbAt(s, i) && (len(order) == 0 || order[0] != i) {
			order = append(order, i)
		}
	}
	for _, i := range order {
		if statesNothing(s, i) {
			continue // "The Kremlin condemned the package."
		}
		// "Peskov was quoted as saying by TASS": the one quoted
		if toks[i].Norm == "quoted" && i >= 2 && beVerbs[toks[i-1].Norm] && i+1 < len(toks) && toks[i+1].Norm == "as" {
			for _, m := range ms {
				if m.last == i-2 && agentKinds[d.kindOf(m.Entity)] {
					return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.quoted-as-saying"})
				}
			}
		}
		// "TASS quoted Peskov as saying that ...": the claim is the one quoted
		if (toks[i].Norm == "quoted" || toks[i].Norm == "cited") && i+3 < len(toks) {
			for _, m := range ms {
				if m.first == i+1 && m.last+2 < len(toks) && toks[m.last+1].Norm == "as" && speechVerbs[toks[m.last+2].Norm] && agentKinds[d.kindOf(m.Entity)] {
					return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity), Text: d.text[toks[i].Start:toks[m.last+2].End], Rule: "attribution.quoted-as-saying"})
				}
			}
		}
		// "the spokesman said", "The head of the presidential office added": the person
		// introduced with that role
		if id, b := d.roleSubject(s, ms, i); id != "" {
			return d.source(&Attribution{Sentence: s.Index, Source: id, Name: name(id), Text: d.text[toks[b].Start:toks[i].End], Rule: "attribution.role"})
		}
		// "the navy said", "the coast guard said": the organisation named with that word
		for b := i - 1; b >= 0 && b >= i-4; b-- {
			if toks[b].Norm == "the" {
				if id := d.orgHeadSubject(s, ms, b, i); id != "" {
					return d.source(&Attribution{Sentence: s.Index, Source: id, Name: name(id), Text: d.text[toks[b].Start:toks[i].End], Rule: "attribution.org-head"})
				}
				break
			}
		}
		// "This was announced to reporters by the head of the delegation, Vladimir
		// Medinsky": a passive speech verb's source follows "by"
		if i > 0 && beVerbs[toks[i-1].Norm] {
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if toks[k].Norm != "by" {
					continue
				}
				var best *Mention
				for mi := range ms {
					m := &ms[mi]
					if m.first > k && m.first <= k+14 && agentKinds[d.kindOf(m.Entity)] && (best == nil || d.kindOf(m.Entity) == factgraph.KindPerson && d.kindOf(best.Entity) != factgraph.KindPerson) {
						best = m
					}
				}
				if best != nil {
					return d.source(&Attribution{Sentence: s.Index, Source: best.Entity, Name: name(best.Entity),
						Text: d.text[toks[i].Start:best.End], Rule: "attribution.passive-by"})
				}
			}
		}
		// "Tallinn, which said ...": the noun a relative clause describes
		if i >= 2 && (toks[i-1].Norm == "which" || toks[i-1].Norm == "who") {
			ante := i - 2
			if toks[ante].Text == "," && ante > 0 {
				ante--
			}
			for _, m := range ms {
				if m.last == ante && agentKinds[d.kindOf(m.Entity)] {
					return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.relative"})
				}
			}
		}
		// "Analysts at the Kyiv School of Economics estimate": the organisation they work at
		if m := staffOf(s, ms, i); m != nil && d.kindOf(m.Entity) == factgraph.KindOrganization {
			return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity), Text: d.text[toks[m.first].Start:toks[i].End], Rule: "attribution.staff-of"})
		}
		// officials said: an unnamed source right before the verb (not "official Selim
		// Karaduman said": a name between is the source)
		lo := toks[max(0, i-3)].Start
		if loc := unnamedSources.FindStringIndex(d.text[lo:toks[i].Start]); loc != nil {
			ph := strings.ToLower(d.text[lo+loc[0] : lo+loc[1]])
			between := d.text[lo+loc[1] : toks[i].Start]
			named := false
			for _, m := range ms {
				named = named || m.Start >= lo+loc[1] && m.End <= toks[i].Start && agentKinds[d.kindOf(m.Entity)]
				// ("Copenhagen Police said": the phrase is inside a name, the name is the source)
				named = named || m.Start <= lo+loc[0] && m.End >= lo+loc[1] && agentKinds[d.kindOf(m.Entity)]
			}
			// (not an object before a coordinated verb: "Rwanda denies arming the rebels and
			// says" is Rwanda's)
			coordinated := strings.TrimSpace(between) == "and"
			if !named && !coordinated && (strings.TrimSpace(between) == "" || len(strings.Fields(between)) <= 3 && !strings.Contains(between, ",")) {
				if ph == "source" && strings.HasSuffix(strings.ToLower(d.text[lo:lo+loc[0]]), "the ") {
					ph = "the source"
				}
				return d.unnamed(s, ph, d.text[lo+loc[0]:toks[i].End], "attribution.unnamed")
			}
		}
		// "the press service of the Belarusian leader reported": a press service is the source
		// whoever it serves
		lo = toks[max(0, i-8)].Start
		if loc := pressServiceRe.FindStringIndex(d.text[lo:toks[i].Start]); loc != nil {
			if between := d.text[lo+loc[1] : toks[i].Start]; strings.HasPrefix(strings.TrimSpace(between), "of ") && !strings.ContainsAny(between, ",;\"“”") {
				return d.unnamed(s, strings.ToLower(d.text[lo+loc[0]:lo+loc[1]]), d.text[lo+loc[0]:toks[i].End], "attribution.unnamed")
			}
		}
		// "two officials familiar with the plans said", "sources close to the talks said"
		lo = toks[max(0, i-12)].Start
		for _, re := range []*regexp.Regexp{unnamedSources, qualifiedPeopleRe} {
			if loc := re.FindStringIndex(d.text[lo:toks[i].Start]); loc != nil && qualifiedSourceRe.MatchString(d.text[lo+loc[1]:toks[i].Start]) {
				ph := strings.ToLower(d.text[lo+loc[0] : lo+loc[1]])
				return d.unnamed(s, ph, d.text[lo+loc[0]:toks[i].End], "attribution.unnamed")
			}
		}
		// "Park Sung-jin, a senior officer, said": the mention before an apposition
		// (adverbs may follow it: "Zelensky, who did not travel, later said")
		j := i
		for j > 1 && j > i-2 && s.tag(j-1) == "RB" {
			j--
		}
		v := i
		if j > 0 && toks[j-1].Text == "," {
			for k := j - 2; k >= 0 && k >= j-24; k-- {
				if toks[k].Text == "," {
					v = k
					break
				}
			}
		}
		// "The Russian ambassador in Washington, Anatoly Antonov, said": a person who is
		// the whole apposition is the source, not the place before it
		for _, m := range ms {
			if v != i && m.first > v && titlesOnly(toks, v+1, m.first) && m.last == j-2 && d.kindOf(m.Entity) == factgraph.KindPerson {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity),
					Text: d.text[m.Start:toks[i].End], Rule: "attribution.subject-apposition-verb"})
			}
		}
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if v != i && m.last == v-1 && agentKinds[d.kindOf(m.Entity)] && !objectApposition(toks, m.first) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity),
					Text: d.text[m.Start:toks[i].End], Rule: "attribution.subject-apposition-verb"})
			}
		}
		// "The ministry, in a statement, said": an unnamed source before the parenthetical
		if v != i {
			lo := toks[max(0, v-3)].Start
			if loc := unnamedSources.FindStringIndex(d.text[lo:toks[v].Start]); loc != nil && strings.TrimSpace(d.text[lo+loc[1]:toks[v].Start]) == "" {
				ph := strings.ToLower(d.text[lo+loc[0] : lo+loc[1]])
				return d.unnamed(s, ph, d.text[lo+loc[0]:toks[i].End], "attribution.unnamed")
			}
		}
		// X said / X told: the mention right before the verb (within three words; "the
		// Ukrainian president also said" is the president, not the country inside);
		// "analysts at the Kyiv School of Economics estimate": the institution of the
		// unnamed experts
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			// (not across "and": "Austin spoke with his counterpart, Sergei Shoigu, and
			// said": the coordinated verb's subject is the main clause's)
			// (nor past a pronoun: "None of the missiles reached Israel, he said" is his)
			if m.last < i && m.last >= i-3 && agentKinds[d.kindOf(m.Entity)] && !nestedMention(ms, k) && !tokenIn(toks, m.last+1, i, "and") &&
				!tokenInSet(toks, m.last+1, i, subjectPronouns) &&
				(!afterPreposition(toks, m.first) || d.kindOf(m.Entity) == factgraph.KindOrganization && staffAt(toks, m.first, false)) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity),
					Text: d.text[m.Start:toks[i].End], Rule: "attribution.subject-verb"})
			}
		}
		// ..., said Peskov / ..., KCNA said: the mention right after the verb
		for _, m := range ms {
			// (the comma may sit inside the closing quote: '... seabed," said Robin Lardot')
			comma := i > 0 && toks[i-1].Text == "," || i > 1 && isQuote(toks[i-1].Text) && toks[i-2].Text == ","
			// (not what follows "told reporters": the hearer, or the subject of what was told)
			told := toks[i].Norm == "told" || toks[i].Norm == "tells" || toks[i].Norm == "telling"
			// (nor after ", saying": a participle's subject is the main clause's, and what
			// follows it is what was said: ", saying the Chinese personnel had behaved")
			participle := toks[i].Norm == "saying" || toks[i].Norm == "adding"
			if m.first > i && m.first <= i+2 && agentKinds[d.kindOf(m.Entity)] && comma && !told && !participle && !s.finite(m.last+1) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity),
					Text: d.text[toks[i].Start:m.End], Rule: "attribution.verb-subject"})
			}
		}
		// state media reported, officials said (not "arming the rebels and says")
		lo = toks[max(0, i-4)].Start
		if loc := unnamedSources.FindStringIndex(d.text[lo:toks[i].Start]); loc != nil && strings.TrimSpace(d.text[lo+loc[1]:toks[i].Start]) != "and" {
			ph := strings.ToLower(d.text[lo+loc[0] : lo+loc[1]])
			return d.unnamed(s, ph, d.text[lo+loc[0]:toks[i].End], "attribution.unnamed")
		}
		// he said, it said, he also noted: the person (or organisation, country) the
		// pronoun refers to
		p := i - 1
		for p > 0 && p > i-3 && s.tag(p) == "RB" {
			p--
		}
		// "US officials say ... They said": the unnamed source of the sentence before
		// ("A senior official said ... He added": the official)
		if p >= 0 && d.prevAttr != nil && d.prevAttr.Source == "" && d.prevAttr.Sentence == s.Index-1 && d.prevAttr.Rule == "attribution.unnamed" &&
			(toks[p].Norm == "they" && strings.HasSuffix(d.prevAttr.Name, "s") || (toks[p].Norm == "he" || toks[p].Norm == "she") && !strings.HasSuffix(d.prevAttr.Name, "s") && !strings.Contains(d.prevAttr.Name, " ")) {
			return &Attribution{Sentence: s.Index, Name: d.prevAttr.Name, Text: d.text[toks[p].Start:toks[i].End], Rule: "attribution.pronoun"}
		}
		// "..., the ministry said. It said the crews had ...": a sentence-initial "it said"
		// right after an organisation's claim is that organisation's
		// (and a closing ", it said" after such a claim: "Three servicemen were wounded, it
		// said" goes on the FSB's account, not that of a country the sentence names)
		if p >= 0 && (p == 0 || toks[p-1].Text == "," && i+1 < len(toks) && !toks[i+1].Word) && toks[p].Norm == "it" && d.prevAttr != nil && d.prevAttr.Sentence >= s.Index-2 &&
			(d.kindOf(d.prevAttr.Source) == factgraph.KindOrganization || p > 0 && d.kindOf(d.prevAttr.Source) == factgraph.KindCountry) {
			return d.source(&Attribution{Sentence: s.Index, Source: d.prevAttr.Source, Name: name(d.prevAttr.Source), Text: d.text[toks[p].Start:toks[i].End], Rule: "attribution.pronoun"})
		}
		if p >= 0 {
			switch w := toks[p].Norm; w {
			case "he", "she", "it", "they":
				if id := d.pronoun(w, ms, p); id != "" && agentKinds[d.kindOf(id)] {
					return d.source(&Attribution{Sentence: s.Index, Source: id, Name: name(id), Text: d.text[toks[p].Start:toks[i].End], Rule: "attribution.pronoun"})
				}
			}
		}
		// "Maria Zakharova on Thursday denounced ...", "Tsahkna called the incursion brazen
		// and said ...": the main clause's subject, when the verb is its verb
		if d.curSubject >= 0 && d.curSubject < len(ms) {
			m := ms[d.curSubject]
			// (a coordinated verb or a participle after a comma shares the subject: "Kim
			// expressed great satisfaction, saying that ...", "..., and said the Party would")
			shared := i > 0 && (toks[i-1].Norm == "and" || toks[i-1].Norm == "but" || toks[i-1].Text == "," && strings.HasSuffix(toks[i].Norm, "ing"))
			if m.last < i && agentKinds[d.kindOf(m.Entity)] && !afterPreposition(toks, m.first) && (shared || !strings.Contains(d.text[m.End:toks[i].Start], ",")) {
				return d.source(&Attribution{Sentence: s.Index, Source: m.Entity, Name: name(m.Entity), Text: d.text[m.Start:toks[i].End], Rule: "attribution.clause-subject"})
			}
		} else if p := s.mainClauseStart(); p < i && (toks[p].Norm == "he" || toks[p].Norm == "she") && !strings.Contains(d.text[toks[p].End:toks[i].Start], ",") &&
			!tokenIn(toks, i-2, i, "not") && !tokenIn(toks, i-2, i, "never") {
			// "He called on the United States to stop ... and said ...": a pronoun subject
			// (not "He did not say whether ...": no claim)
			if id := d.pronoun(toks[p].Norm, ms, p); id != "" && d.kindOf(id) == factgraph.KindPerson {
				return d.source(&Attribution{Sentence: s.Index, Source: id, Name: name(id), Text: d.text[toks[p].Start:toks[i].End], Rule: "attribution.clause-subject"})
			}
		}
	}
	return nil
}

// staffAt: the mention starting at token first follows "<staff noun> at/from (the)"
// ("analysts at the Kyiv School of Economics estimate", "researchers from the institute
// said"; staffNouns), or "<staff noun> with (the)" too when with is set.
func staffAt(toks []token, first int, with bool) bool {
	p := first - 1
	if p >= 0 && toks[p].Norm == "the" {
		p--
	}
	if p < 1 || !staffNouns[toks[p-1].Norm] {
		return false
	}
	return toks[p].Norm == "at" || toks[p].Norm == "from" || with && toks[p].Norm == "with"
}

func isQuote(s string) bool { return s == "\"" || s == "”" || s == "'" || s == "’" }

// nounPhrase reads the words from token k to the next punctuation, verb or preposition (at
// most eight), drops "a statement from", "data from" and articles, and returns it
// lower-cased with its end; a document is named by its noun ("a joint statement issued
// after the meeting" is "statement").
func (s *sentence) nounPhrase(k int) (string, int) {
	toks := s.Tokens
	var words []string
	end := 0
	for j := k; j < len(toks) && j < k+8; j++ {
		t := toks[j]
		if !t.Word && t.Text != "-" {
			break
		}
		if t.Norm == "from" || t.Norm == "by" {
			words = nil
			continue
		}
		if tg := s.tag(j); len(words) > 0 && !t.Hyphen && (tg == "IN" || tg == "TO" || tg == "WDT" || tg == "WP" || strings.HasPrefix(tg, "VB") && tg != "VBG") {
			break
		}
		if t.Hyphen && len(words) > 0 {
			words[len(words)-1] += "-" + strings.ToLower(t.Text)
		} else {
			words = append(words, strings.ToLower(t.Text))
		}
		end = t.End
	}
	for len(words) > 0 && (words[0] == "a" || words[0] == "an" || words[0] == "the") {
		words = words[1:]
	}
	if len(words) > 1 && documentNouns[words[len(words)-1]] {
		words = words[len(words)-1:]
	}
	if len(words) == 0 || len(words) > 4 {
		return "", 0
	}
	return strings.Join(words, " "), end
}

// source remembers the last named source, for "the agency said" further on.
func (d *doc) source(a *Attribution) *Attribution {
	if a.Source != "" && d.kindOf(a.Source) == factgraph.KindOrganization {
		d.lastSource = a.Source
	}
	return a
}

// unnamed attributes to a phrase; "the agency", "the ministry" and "the report" are the
// organization last named as a source.
//
// "the ministry", "the military" are the organisation named last whose name has that head
// ("the Russian Defence Ministry ... the ministry said"; "the Estonian Defence Forces ...
// the military said"), whether or not it was cited before; else ("the agency", "the
// report") the last source.
func (d *doc) unnamed(s *sentence, phrase, text, rule string) *Attribution {
	heads := map[string][]string{"the ministry": {"ministry"}, "the military": {"forces", "military", "army", "armed"},
		"the agency": {"agency"}, "the news agency": {"agency"}, "the state news agency": {"agency"}}
	if hs := heads[phrase]; hs != nil {
		named := func(id string) bool {
			for _, w := range strings.Fields(factgraph.NormalizeName(d.nameOf(id))) {
				for _, h := range hs {
					if w == h {
						return true
					}
				}
			}
			return false
		}
		if d.lastSource != "" && named(d.lastSource) {
			return &Attribution{Sentence: s.Index, Source: d.lastSource, Name: d.nameOf(d.lastSource), Text: text, Rule: rule + "-coref"}
		}
		var best seen
		for _, h := range hs {
			if o, ok := d.orgByWord[h]; ok && o.seq > best.seq {
				best = o
			}
		}
		if best.id != "" {
			return d.source(&Attribution{Sentence: s.Index, Source: best.id, Name: d.nameOf(best.id), Text: text, Rule: rule + "-coref"})
		}
	}
	switch phrase {
	case "the agency", "the report", "the news agency", "the state news agency", "the statement":
		// (not "the ministry": a pilots' association cited last is no ministry)
		if d.lastSource != "" {
			return &Attribution{Sentence: s.Index, Source: d.lastSource, Name: d.nameOf(d.lastSource), Text: text, Rule: rule + "-coref"}
		}
	}
	// "the source added" after "a military source said": the source named before
	if phrase == "the source" && strings.HasSuffix(d.lastUnnamed, " source") {
		return &Attribution{Sentence: s.Index, Name: d.lastUnnamed, Text: text, Rule: rule + "-coref"}
	}
	// a phrase is named without its article: "the statement" is "statement"
	name := strings.TrimPrefix(phrase, "the ")
	d.lastUnnamed = name
	return &Attribution{Sentence: s.Index, Name: name, Text: text, Rule: rule}
}

// speakerEntity resolves a transcript speaker label ("PESKOV", "Dmitry Peskov") to an entity.
func (d *doc) speakerEntity(label string) string {
	key := factgraph.NormalizeName(label)
	if key == "" || key == "q" || key == "question" || key == "reporter" || key == "moderator" {
		return ""
	}
	// a label the header declared: "Barbara Woodward (PRESIDENT)"
	if id, ok := d.declaredLabels[key]; ok {
		return id
	}
	// "Mr Hayashi", "Secretary Rubio": the name after the title; "CHIEF CABINET SECRETARY",
	// "SPOKESPERSON": the person introduced with that role
	if rest, role := labelTitle(label); rest != key {
		if rest == "" {
			if p, ok := d.roles[role]; ok {
				return p.id
			}
			return ""
		}
		key = rest
	}
	if id, ok := d.shortNew[key]; ok {
		return id
	}
	// "YOSHIMASA HAYASHI" after "Chief Cabinet Secretary Yoshimasa Hayashi": a new person by
	// surname
	if parts := strings.Fields(key); len(parts) > 1 {
		if id, ok := d.shortNew[parts[len(parts)-1]]; ok {
			return id
		}
	}
	var found []string
	for _, e := range d.g.entries {
		if e.Kind != factgraph.KindPerson {
			continue
		}
		names := append([]string{e.Name}, e.Aliases...)
		names = append(names, e.Short...)
		for _, n := range names {
			nk := factgraph.NormalizeName(n)
			parts := strings.Fields(nk)
			if nk == key || len(parts) > 1 && parts[len(parts)-1] == key {
				found = append(found, e.ID)
				break
			}
		}
	}
	for _, id := range found {
		if d.mentioned[id] {
			return id
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// inAttribution: the mention is the source of the sentence ("according to KCNA"), not a doer.
func (d *doc) inAttribution(s *sentence, m Mention) bool {
	toks := s.Tokens
	if m.first >= 2 && toks[m.first-1].Norm == "to" && toks[m.first-2].Norm == "according" {
		return true
	}
	if m.first >= 3 && toks[m.first-2].Norm == "to" && toks[m.first-3].Norm == "according" {
		return true
	}
	// "KCNA said Kim inspected": the source right before a speech verb is not the agent of
	// what follows the verb
	// (not "Britain added 20 tankers to its list": "add" with an object is no speech)
	if m.last+1 < len(toks) && speechVerbs[toks[m.last+1].Norm] && speechVerbAt(s, m.last+1) {
		return true
	}
	// "..., US officials said", "Ukrainian media reported": the country of unnamed sources
	if m.last+2 < len(toks) && sourceNouns[toks[m.last+1].Norm] && speechVerbs[toks[m.last+2].Norm] && speechVerbAt(s, m.last+2) {
		return true
	}
	return false
}

// sourceNouns after a country word make it the sources' country: "US officials said".
var sourceNouns = map[string]bool{"officials": true, "official": true, "sources": true, "diplomats": true,
	"media": true, "analysts": true, "spokesman": true, "spokeswoman": true, "authorities": true}

// relationForEvent: the direct edges an event implies, from its agent to another role.
var relationForEvent = map[string]struct{ rel, role string }{
	"DEPLOYMENT": {"DEPLOYED_TROOPS_TO", factgraph.RoleBeneficiary},
	"SUPPLY":     {"SUPPLIES", factgraph.RoleBeneficiary},
	"PRODUCTION": {"PRODUCES", factgraph.RoleInstrument},
	"SANCTION":   {"SANCTIONS", factgraph.RoleTarget},
	"TALKS":      {"NEGOTIATES_WITH", factgraph.RoleParticipant},
}

// eventRelations turns events into the direct edges dashboards traverse: a deployment of
// North Korea to Russia is also North Korea DEPLOYED_TROOPS_TO Russia.
func (d *doc) eventRelations(evs []factgraph.Event) []factgraph.Relation {
	var out []factgraph.Relation
	for _, ev := range evs {
		spec, ok := relationForEvent[ev.Type]
		if !ok {
			continue
		}
		agent := ""
		for _, r := range ev.Roles {
			if r.Role == factgraph.RoleAgent {
				agent = r.Entity
			}
		}
		if agent == "" {
			continue
		}
		quantified := false
		for _, r := range ev.Roles {
			if r.Role != spec.role || r.Entity == agent {
				continue
			}
			if spec.rel == "PRODUCES" && d.kindOf(r.Entity) != factgraph.KindWeaponSystem {
				continue
			}
			if (spec.rel == "DEPLOYED_TROOPS_TO" || spec.rel == "SUPPLIES") && d.kindOf(agent) != factgraph.KindCountry {
				continue
			}
			conf := *ev.Confidence
			rel := factgraph.Relation{Type: spec.rel, From: agent, To: r.Entity, Confidence: &conf, Modality: ev.Modality,
				Time: ev.Time, Evidence: withRule(ev.Evidence, "relation."+strings.ToLower(spec.rel)+".from-"+strings.ToLower(ev.Type))}
			// the event's amounts go with its first relation only: they were stated once
			if !quantified {
				rel.Quantities = ev.Quantities
				quantified = true
			}
			out = append(out, rel)
		}
	}
	return out
}

func withRule(evs []factgraph.Evidence, rule string) []factgraph.Evidence {
	out := make([]factgraph.Evidence, len(evs))
	copy(out, evs)
	for i := range out {
		out[i].Rule = rule
	}
	return out
}

// headTitles say that the person leads the country named before: "North Korean leader Kim
// Jong Un", "Ukrainian President Zelensky", "Polish Prime Minister Donald Tusk".
var headTitles = map[string]bool{"leader": true, "president": true, "prime minister": true, "supreme leader": true, "chancellor": true, "premier": true, "king": true}

// patternRelations reads relations stated by the phrasing: "<country> leader <person>"
// (LEADS) and "<country>, a member of NATO" / "NATO member <country>" (MEMBER_OF).
func (d *doc) patternRelations(s *sentence, ms []Mention, attr *Attribution) []factgraph.Relation {
	toks := s.Tokens
	var out []factgraph.Relation
	evidence := func(rule string) []factgraph.Evidence {
		start, end := s.Start, s.End
		ev := factgraph.Evidence{Article: d.article.ID, Quote: s.Text, Start: &start, End: &end, Rule: rule}
		if attr != nil {
			ev.Attribution = attr.Name
		}
		return []factgraph.Evidence{ev}
	}
	conf := 0.8
	for a := 0; a+1 < len(ms); a++ {
		c, p := ms[a], ms[a+1]
		if d.kindOf(c.Entity) != factgraph.KindCountry || d.kindOf(p.Entity) != factgraph.KindPerson {
			continue
		}
		// the words between: a head-of-state title, possibly after a possessive
		between := strings.TrimSpace(strings.TrimPrefix(wordSpan(toks, c.last+1, p.first-1), "s "))
		if c.last+1 < len(toks) && toks[c.last+1].Text == "'s" {
			between = wordSpan(toks, c.last+2, p.first-1)
		}
		if headTitles[between] {
			out = append(out, factgraph.Relation{Type: "LEADS", From: p.Entity, To: c.Entity, Confidence: &conf,
				Evidence: evidence("relation.leads.title-apposition")})
		}
	}
	for a := range ms {
		m := ms[a]
		if d.kindOf(m.Entity) != factgraph.KindOrganization {
			continue
		}
		// "<country>, a member of <org>"
		if m.first >= 4 && toks[m.first-1].Norm == "of" && toks[m.first-2].Norm == "member" && toks[m.first-3].Norm == "a" {
			for k := a - 1; k >= 0; k-- {
				if d.kindOf(ms[k].Entity) == factgraph.KindCountry && ms[k].last >= m.first-6 {
					out = append(out, factgraph.Relation{Type: "MEMBER_OF", From: ms[k].Entity, To: m.Entity, Confidence: &conf,
						Evidence: evidence("relation.member-of.apposition")})
					break
				}
			}
		}
		// "<org> member <country>"
		if a+1 < len(ms) && d.kindOf(ms[a+1].Entity) == factgraph.KindCountry && ms[a+1].first == m.last+2 && toks[m.last+1].Norm == "member" {
			out = append(out, factgraph.Relation{Type: "MEMBER_OF", From: ms[a+1].Entity, To: m.Entity, Confidence: &conf,
				Evidence: evidence("relation.member-of.modifier")})
		}
	}
	return out
}

// announcedTypes are the acts an announcement tells of that are events of their own.
var announcedTypes = map[string]bool{"STRIKE": true, "SUPPLY": true, "DEPLOYMENT": true, "SANCTION": true, "DETENTION": true,
	"INCURSION": true, "LAUNCH": true, "INTERCEPTION": true, "TEST": true}

// announcedActs drops the announcement of a sentence that also tells the act announced:
// "Warsaw announced that additional troops would be sent to the border" is the deployment
// (planned), "Central Command announced the seizure" the seizure, as the sets' gold has
// them; "Biden announced the agreement" stays an announcement.
func announcedActs(evs []factgraph.Event) []factgraph.Event {
	act := false
	for _, ev := range evs {
		act = act || announcedTypes[ev.Type]
	}
	if !act {
		return evs
	}
	kept := evs[:0]
	for _, ev := range evs {
		if ev.Type == "ANNOUNCEMENT" && strings.Contains(ev.Evidence[0].Rule, ".announce") {
			continue
		}
		kept = append(kept, ev)
	}
	return kept
}
