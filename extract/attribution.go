package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph"
)

// Attribution rules of the third round of issue 13: roles that name a person introduced
// before ("the spokesman said"), organisations by a head noun of their name ("the navy
// said"), transcript labels that are titles ("CHIEF CABINET SECRETARY:"), questions, acts
// that state nothing ("condemned the package"), evidence ("ship-tracking data showed that").

// roleSynonyms fold the role nouns a person is introduced with and later named by.
var roleSynonyms = map[string]string{"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chairwoman": "chairman",
	"advisor": "adviser"}

// roleWord: the role noun of a title or apposition word ("spokeswoman" -> "spokesperson"),
// or "" for words that are not roles (honorifics, qualifiers).
func roleWord(w string) string {
	switch w {
	case "mr", "ms", "mrs", "dr", "lt", "gen", "col":
		return ""
	case "leader", "negotiator", "mediator", "delegate":
		return w // roles that are no title before a name in the entity rules
	}
	if r, ok := roleSynonyms[w]; ok {
		return r
	}
	if personTitles[w] {
		return w
	}
	return ""
}

// noteRoles records the roles each person of the sentence is introduced with: the title
// before the name ("Chief Cabinet Secretary Yoshimasa Hayashi", "ministry spokesman Jan
// Kowalczyk"), an apposition after it ("Andrii Yermak, head of the presidential office,")
// or before it ("the head of the delegation, Vladimir Medinsky"), and the gazetteer's
// titles, so that "the spokesman said", "the head of the office added" and a transcript
// label "CHIEF CABINET SECRETARY:" find that person.
func (d *doc) noteRoles(s *sentence, ms []Mention) {
	toks := s.Tokens
	for _, m := range ms {
		if d.kindOf(m.Entity) == factgraph.KindOrganization {
			d.noteOrgType(s, m)
			continue
		}
		if d.kindOf(m.Entity) != factgraph.KindPerson {
			continue
		}
		// "British Ambassador Barbara Woodward (PRESIDENT)": a transcript's header declares
		// the label of the person's turns
		if d.transcript && m.last+3 < len(toks) && toks[m.last+1].Text == "(" {
			j := m.last + 2
			for j < len(toks) && j < m.last+6 && toks[j].Word && toks[j].AllCaps() {
				j++
			}
			if j > m.last+2 && j < len(toks) && toks[j].Text == ")" {
				if d.declaredLabels == nil {
					d.declaredLabels = map[string]string{}
				}
				d.declaredLabels[factgraph.NormalizeName(d.text[toks[m.last+2].Start:toks[j-1].End])] = m.Entity
			}
		}
		// a transcript's header ("... press conference of Chief Cabinet Secretary
		// Yoshimasa Hayashi in Tokyo"): a new person introduced before the first turn is of
		// the country whose capital the header names
		if d.transcript && d.speakerLabel == "" && d.g.Entry(m.Entity) == nil && d.sourceCountry[m.Entity] == "" {
			for _, c := range ms {
				if c.Rule == "gazetteer.capital" {
					if d.sourceCountry == nil {
						d.sourceCountry = map[string]string{}
					}
					d.sourceCountry[m.Entity] = c.Entity
					break
				}
			}
		}
		if d.roles == nil {
			d.roles = map[string]seen{}
		}
		d.seq++
		// the person's country: the gazetteer's, or a country word before the title
		// ("US President Donald Trump"), for "the Russian leader", "the US president"
		country := ""
		e := d.g.Entry(m.Entity)
		if e != nil {
			country = e.Country
		}
		t0 := m.first
		for t0 > 0 && t0 > m.first-5 && toks[t0-1].Word && (roleWord(toks[t0-1].Norm) != "" || titleWords[toks[t0-1].Norm] || toks[t0-1].Norm == "lead") {
			t0--
		}
		qualifier := "" // "Kremlin spokesman Dmitry Peskov": the organisation named with the role
		for _, c := range ms {
			if c.last == t0-1 && d.kindOf(c.Entity) == factgraph.KindOrganization {
				qualifier = c.Entity
				// ("Deputy Treasury Secretary Ann Vik": a new person of the organisation's
				// country)
				if oe := d.g.Entry(c.Entity); e == nil && oe != nil && oe.Country != "" && d.sourceCountry[m.Entity] == "" {
					if d.sourceCountry == nil {
						d.sourceCountry = map[string]string{}
					}
					d.sourceCountry[m.Entity] = oe.Country
				}
			}
			if c.last == t0-1 && d.kindOf(c.Entity) == factgraph.KindCountry && country == "" {
				country = c.Entity
				// a new person's country, for the usage of names in their words
				// ("Chinese Foreign Ministry spokesperson Lin Jian said ...")
				if e == nil && t0 < m.first {
					if d.sourceCountry == nil {
						d.sourceCountry = map[string]string{}
					}
					d.sourceCountry[m.Entity] = country
				}
			}
		}
		add := func(w string) {
			r := roleWord(w)
			if r == "" {
				return
			}
			d.roles[r] = seen{m.Entity, d.seq}
			for _, q := range []string{country, qualifier} {
				if q != "" {
					d.roles[r+"|"+q] = seen{m.Entity, d.seq}
					if headTitles[r] {
						d.roles["leader|"+q] = seen{m.Entity, d.seq}
					}
				}
			}
		}
		if e != nil {
			for _, t := range e.Titles {
				f := strings.Fields(t)
				add(f[len(f)-1])
			}
		}
		// the title before the name, and title words inside a new name
		for k := t0; k < m.first; k++ {
			add(toks[k].Norm)
		}
		// (a title of several words, "Prime Minister", "Defence Minister", is kept whole
		// too: "the Prime Minister" is not the defence minister named since)
		if m.first-t0 >= 2 && roleWord(toks[m.first-1].Norm) != "" {
			d.roles[wordSpan(toks, m.first-2, m.first-1)] = seen{m.Entity, d.seq}
		}
		for k := m.first; k <= m.last; k++ {
			add(toks[k].Norm)
		}
		// ", head of the presidential office," after the name
		if m.last+1 < len(toks) && toks[m.last+1].Text == "," {
			for k := m.last + 2; k < len(toks) && k <= m.last+10 && toks[k].Word; k++ {
				if toks[k].Norm == "who" || toks[k].Norm == "which" || toks[k].Norm == "of" || toks[k].Norm == "for" {
					break
				}
				add(toks[k].Norm)
			}
		}
		// "the head of the Russian delegation, Presidential Aide Vladimir Medinsky"
		if t0 >= 2 && toks[t0-1].Text == "," {
			stop := false
			for k := t0 - 2; k >= 0 && k >= t0-10 && toks[k].Word && !stop; k-- {
				if toks[k].Norm == "the" || toks[k].Norm == "a" {
					stop = true
				}
				if k+1 < len(toks) && toks[k+1].Norm == "of" {
					add(toks[k].Norm)
				}
			}
		}
	}
}

// orgTypeNouns say what kind of organisation one is: "the company said" after "Lukoil".
var orgTypeNouns = map[string]bool{"company": true, "firm": true, "operator": true, "producer": true, "exporter": true,
	"refiner": true, "giant": true, "insurer": true, "shipowner": true, "owner": true, "carrier": true, "broadcaster": true,
	"newspaper": true, "group": true, "utility": true, "manufacturer": true, "regulator": true,
	"embassy": true, "prefecture": true, "command": true, "alliance": true, "bloc": true, "navy": true,
	"lender": true, "bank": true, "airline": true, "port": true}

// noteOrgType records the kind nouns of an organisation: from the gazetteer's description
// ("Russian oil company") and from an apposition ("Rosneft, Russia's largest oil producer,").
func (d *doc) noteOrgType(s *sentence, m Mention) {
	if d.orgTypes == nil {
		d.orgTypes = map[string]string{}
	}
	if e := d.g.Entry(m.Entity); e != nil {
		for _, w := range strings.Fields(factgraph.NormalizeName(e.Description)) {
			if orgTypeNouns[w] {
				d.orgTypes[w] = m.Entity
			}
		}
	}
	toks := s.Tokens
	if m.last+1 < len(toks) && toks[m.last+1].Text == "," {
		for k := m.last + 2; k < len(toks) && k <= m.last+8 && toks[k].Word; k++ {
			if toks[k].Norm == "of" || toks[k].Norm == "which" || toks[k].Norm == "that" {
				break
			}
			if orgTypeNouns[toks[k].Norm] {
				d.orgTypes[toks[k].Norm] = m.Entity
			}
		}
	}
}

// roleSubject: "the spokesman said", "The head of the presidential office added", "the
// chief cabinet secretary said": a definite role noun phrase right before the speech verb
// at i (an "of" phrase and adverbs may follow it) names the person introduced last with
// that role. Unnamed roles ("the official said" when no official was named) are left to
// the unnamed rules.
func (d *doc) roleSubject(s *sentence, ms []Mention, i int) (string, int) {
	if len(d.roles) == 0 {
		return "", 0
	}
	toks := s.Tokens
	end := i
	for end > 0 && end > i-2 && s.tag(end-1) == "RB" {
		end--
	}
	for b := end - 1; b >= 0 && b >= end-8; b-- {
		if !toks[b].Word {
			return "", 0
		}
		if toks[b].Norm != "the" || b > 0 && toks[b-1].Norm == "of" {
			continue // ("the head of the delegation": the first "the")
		}
		head := end - 1
		for k := b + 1; k < end; k++ {
			if toks[k].Norm == "of" {
				head = k - 1
				break
			}
		}
		if head <= b {
			return "", 0
		}
		role := roleWord(toks[head].Norm)
		// "the head of state said": the leader
		if role == "head" && head+2 < end && toks[head+1].Norm == "of" && toks[head+2].Norm == "state" {
			role = "leader"
		}
		if role == "" {
			return "", 0
		}
		// "the Russian leader", "the US president", "the Kremlin spokesman": the one named
		// with that country or organisation
		for _, m := range ms {
			if m.first > b && m.first <= head {
				if k := d.kindOf(m.Entity); m.last != head-1 || k != factgraph.KindCountry && k != factgraph.KindOrganization {
					return "", 0 // "the Russian ambassador" resolved by the gazetteer
				}
				role += "|" + m.Entity
			}
		}
		// "the head of state": the subject of the sentence before when a head of state
		// (by role, then recency: before another leader introduced earlier as "the
		// Belarusian leader"), else a president introduced as one
		if role == "leader" && head+2 < end && toks[head+1].Norm == "of" && toks[head+2].Norm == "state" {
			if e := d.g.Entry(d.prevSubject); e != nil && e.Kind == factgraph.KindPerson && (slices.Contains(e.Titles, "president") || slices.Contains(e.Titles, "leader")) {
				return e.ID, b
			}
		}
		if p, ok := d.roles[role]; ok {
			return p.id, b
		}
		if strings.HasPrefix(role, "leader") {
			alt := "president" + strings.TrimPrefix(role, "leader")
			if p, ok := d.roles[alt]; ok {
				return p.id, b
			}
		}
		return "", 0
	}
	return "", 0
}

// orgHeadSubject: "the navy said", "according to the command", "the coast guard said": a
// definite noun phrase ending in a word of an organisation's name is the organisation
// named last with that word (in this sentence first, then before).
func (d *doc) orgHeadSubject(s *sentence, ms []Mention, b, end int) string {
	toks := s.Tokens
	if b < 0 || end <= b+1 || toks[b].Norm != "the" {
		return ""
	}
	for k := b + 1; k < end; k++ {
		if !toks[k].Word || covered(ms, k) {
			return ""
		}
	}
	w := toks[end-1].Norm
	if !orgHeads[w] && !orgTypeNouns[w] && w != "government" {
		return ""
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.last < b && d.kindOf(m.Entity) == factgraph.KindOrganization {
			for _, nw := range strings.Fields(factgraph.NormalizeName(d.nameOf(m.Entity))) {
				if nw == w {
					return m.Entity
				}
			}
		}
	}
	if d.lastSource != "" {
		for _, nw := range strings.Fields(factgraph.NormalizeName(d.nameOf(d.lastSource))) {
			if nw == w {
				return d.lastSource
			}
		}
	}
	if o, ok := d.orgByWord[w]; ok && d.kindOf(o.id) == factgraph.KindOrganization {
		return o.id
	}
	// "the company said" after "Lukoil" (an oil company)
	return d.orgTypes[w]
}

// labelTitle strips titles and honorifics from a transcript label: "Mr Hayashi" ->
// "hayashi", "CHIEF CABINET SECRETARY" -> "" with the role "secretary".
func labelTitle(label string) (rest, role string) {
	words := strings.Fields(factgraph.NormalizeName(label))
	k := 0
	for k < len(words) && (personTitles[words[k]] || titleWords[words[k]]) {
		if r := roleWord(words[k]); r != "" {
			role = r
		}
		k++
	}
	return strings.Join(words[k:], " "), role
}

// interrogatives open a question: "Has Beijing replied?" asks, it does not report.
var interrogatives = map[string]bool{"do": true, "does": true, "did": true, "has": true, "have": true, "had": true,
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "why": true, "what": true, "when": true, "how": true, "who": true, "where": true, "which": true}

// askedQuestion: the sentence is a question ("Has Beijing replied?", "Q (Kyodo): Did Moscow
// say why?"): its speech verbs ask, they report no claim.
func askedQuestion(s *sentence) bool {
	t := strings.TrimSpace(s.Text)
	if !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "?\"") && !strings.HasSuffix(t, "?”") {
		return false
	}
	toks := s.Tokens
	k := 0
	if len(toks) > 1 && toks[0].Norm == "q" && toks[0].Text != "Q" {
		k = 1 // "Q. Has China replied?"
	}
	// after a label ("Q:", "Q (Kyodo):") and an address ("Mr Rutte,")
	for j := 0; j < len(toks) && j < 8; j++ {
		if toks[j].Text == ":" {
			k = j + 1
			break
		}
	}
	for j := k; j < len(toks) && j < k+5; j++ {
		if toks[j].Text == "," && j > k {
			if interrogatives[toks[k].Norm] {
				break
			}
			k = j + 1
			break
		}
	}
	return k < len(toks) && interrogatives[toks[k].Norm]
}

// actVerbs report an act rather than a claim unless content follows: "condemned the
// package" states nothing, "condemned the flights as a provocation" does.
var actVerbs = map[string]bool{"condemned": true, "condemns": true, "denounced": true, "urged": true, "praised": true,
	"acknowledged": true, "accused": true, "dismissed": true, "blamed": true, "blames": true, "welcomed": true, "welcomes": true, "suggested": true, "suggests": true}

// statesNothing: the speech verb at i is an act with a bare object ("The Kremlin condemned
// the package.", "Moscow has not acknowledged the violation", "welcomed the decision but
// urged the bloc to go further"), a passive participle ("companies accused of helping"), or
// sits in a relative clause on an object ("an attack that Ankara condemned as a threat").
func statesNothing(s *sentence, i int) bool {
	toks := s.Tokens
	// "Patrushev did not say when.", "has never confirmed": a negated speech verb
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if w := toks[k].Norm; w == "not" || w == "never" || w == "nt" || w == "n't" {
			return true
		}
	}
	if !actVerbs[toks[i].Norm] {
		return false
	}
	if i+1 < len(toks) && toks[i+1].Norm == "of" {
		return true // "accused of": a passive participle
	}
	// "Ukraine was blamed for the attack", "Ukraine, blamed by Russia, denied it": a
	// passive or a participle in apposition claims nothing of the one named before
	if w := toks[i].Norm; (w == "blamed" || w == "welcomed") && (i > 0 && (beVerbs[toks[i-1].Norm] || toks[i-1].Text == ",") || i+1 < len(toks) && toks[i+1].Norm == "by") {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if (toks[k].Norm == "that" || toks[k].Norm == "which") && k > 0 && s.noun(k-1) {
			return true
		}
	}
	for k := i + 1; k < len(toks) && k <= i+16; k++ {
		// "urged the United States to stop flying": an exhortation says what should be done
		// (not one coordinated with an act: "welcomed the decision but urged the bloc to go
		// further")
		if toks[i].Norm == "urged" && toks[k].Norm == "to" && k+1 < len(toks) && s.tag(k+1) == "VB" && i > 0 && toks[i-1].Norm != "but" && toks[i-1].Norm != "and" {
			return false
		}
		// "accused Russian troops of shelling the road": an allegation
		if toks[i].Norm == "accused" && toks[k].Norm == "of" && k+1 < len(toks) && s.tag(k+1) == "VBG" {
			return false
		}
		switch toks[k].Norm {
		case "as", "for", "that", "what":
			return false // "condemned what he called reckless behaviour"
		case "but", ";":
			return true
		}
		if isQuote(toks[k].Text) || toks[k].Text == "“" {
			return false
		}
		if toks[k].Text == "," && k+1 < len(toks) && (toks[k+1].Norm == "calling" || toks[k+1].Norm == "saying" || toks[k+1].Norm == "describing") {
			return false
		}
	}
	return true
}

// baseSpeechVerbs: the plain forms of reporting verbs that are also nouns or other words
// ("Some experts warn that ..."): a speech verb only when tagged as a verb.
var baseSpeechVerbs = map[string]bool{"warn": true, "insist": true, "argue": true, "allege": true, "admit": true,
	"contend": true, "assert": true, "deny": true, "confirm": true, "stress": true, "write": true, "maintain": true,
	"reiterate": true, "acknowledge": true, "concede": true, "predict": true, "expect": true}

// speechVerbAt: the token at i reports speech.
func speechVerbAt(s *sentence, i int) bool {
	w := s.Tokens[i].Norm
	// "adds 117 tankers to its list": "add" with an object that is an amount or a noun
	// phrase is no speech
	if (w == "adds" || w == "added" || w == "add") && i+1 < len(s.Tokens) && (s.tag(i+1) == "CD" || s.tag(i+1) == "DT" && s.Tokens[i+1].Norm != "that" || s.noun(i+1)) {
		return false
	}
	// "Washington has called on Azerbaijan to allow monitors": a demand made of someone is a
	// claim, as "urged" is (not "called him", nor the appeal "calling for calm")
	if (w == "called" || w == "calls") && i+1 < len(s.Tokens) && s.Tokens[i+1].Norm == "on" {
		return true
	}
	// "announced 11.5 million dollars in aid": money given, no claim
	if (w == "announced" || w == "announces") && moneyAfter(s.Tokens, i+1) {
		return false
	}
	return speechVerbs[w] || baseSpeechVerbs[w] && strings.HasPrefix(s.tag(i), "VB")
}

// evidenceVerbs: what data show is the data's claim ("Ship-tracking data showed that ...").
var evidenceVerbs = map[string]bool{"showed": true, "show": true, "shows": true, "indicated": true, "indicate": true, "indicates": true,
	"suggested": true, "suggest": true, "suggests": true}

// evidenceNouns are the heads of a source that is a record, not a speaker.
var evidenceNouns = map[string]bool{"data": true, "images": true, "imagery": true, "footage": true, "records": true,
	"figures": true, "photos": true, "photographs": true, "video": true, "videos": true, "analysis": true, "logs": true}

// evidenceClaim: "Ship-tracking data showed that it had turned off its transponder",
// "Satellite images show that ...": the record is the source (a phrase, not an entity).
func (d *doc) evidenceClaim(s *sentence) *Attribution {
	toks := s.Tokens
	for i := 1; i+1 < len(toks); i++ {
		if !evidenceVerbs[toks[i].Norm] || toks[i+1].Norm != "that" || !evidenceNouns[toks[i-1].Norm] {
			continue
		}
		b := i - 1
		for b > 0 && b > i-4 && (toks[b-1].Word || toks[b].Hyphen) && !s.finite(b-1) && toks[b-1].Norm != "the" && toks[b-1].Norm != "a" {
			b--
		}
		var words []string
		for k := b; k < i; k++ {
			if toks[k].Hyphen && len(words) > 0 {
				words[len(words)-1] += "-" + strings.ToLower(toks[k].Text)
			} else if toks[k].Word {
				words = append(words, strings.ToLower(toks[k].Text))
			}
		}
		return &Attribution{Sentence: s.Index, Name: strings.Join(words, " "), Text: d.text[toks[b].Start:toks[i].End], Rule: "attribution.evidence"}
	}
	return nil
}

// documentNouns: a document stands for whoever issued it; "according to a joint statement
// issued after the meeting" is the statement's.
var documentNouns = map[string]bool{"statement": true, "report": true, "readout": true, "communique": true,
	"release": true, "letter": true, "document": true, "declaration": true}

// nestedMention: the mention lies inside a longer one ("Ukrainian" in "the Ukrainian
// president").
func nestedMention(ms []Mention, k int) bool {
	m := ms[k]
	for j, o := range ms {
		if j != k && o.first <= m.first && o.last >= m.last && (o.first < m.first || o.last > m.last) {
			return true
		}
	}
	return false
}

// labelLikeRe: a paragraph opening like a speaker label the transcript rules do not read
// ("Q (Kyodo):", "REPORTER (NHK):").
var labelLikeRe = regexp.MustCompile(`^(?:[A-Z][A-Za-z .'-]{0,30}(?:\([^()]{0,40}\))?\s*:|(?:Q|QUESTION|Question|REPORTER|Reporter)\b\s*[.)-]?\s)`)

// quotePassages: a quotation of several sentences is the words of whoever the passage is
// attributed to ('"We agreed to continue working. We did not discuss a new meeting," he
// added.'), also when it runs on into the next paragraph (a paragraph that ends inside a
// quote and a next one that opens with a quote mark). Sentences of the passage without a
// source of their own take it, and so does the evidence quoting them.
func (d *doc) quotePassages(sents []sentence, res *Result) {
	byIndex := map[int]int{}
	for k, a := range res.Attributions {
		byIndex[a.Sentence] = k
	}
	var passage []int
	open, para := false, -1
	flush := func() {
		src := -1
		for _, si := range passage {
			if k, ok := byIndex[si]; ok && (src < 0 || res.Attributions[k].Source != "" && res.Attributions[src].Source == "") {
				src = k
			}
		}
		if src >= 0 {
			for _, si := range passage {
				if _, ok := byIndex[si]; ok || namesOwnSpeaker(&sents[si]) {
					continue
				}
				a := res.Attributions[src]
				a.Sentence, a.Rule = si, "attribution.quote-passage"
				res.Attributions = append(res.Attributions, a)
				byIndex[si] = len(res.Attributions) - 1
				d.attributeEvidence(res, sents[si], a.Name)
			}
		}
		passage = passage[:0]
	}
	for si := range sents {
		s := &sents[si]
		if s.Para != para {
			// a paragraph that ends inside a quote goes on in the next if that opens with one
			if !open || !startsWithQuote(s.Text) {
				flush()
			}
			open, para = false, s.Para
		}
		inside := open
		open = quoteOpenAfter(open, s.Text)
		if inside || open {
			passage = append(passage, si)
		} else {
			flush()
		}
		if !open && len(passage) > 0 {
			flush()
		}
	}
	flush()
	sort.SliceStable(res.Attributions, func(i, j int) bool { return res.Attributions[i].Sentence < res.Attributions[j].Sentence })
}

// attributeEvidence sets the attribution of the evidence that quotes sentence s.
func (d *doc) attributeEvidence(res *Result, s sentence, name string) {
	set := func(evs []factgraph.Evidence) {
		for k := range evs {
			if evs[k].Start != nil && *evs[k].Start == s.Start && evs[k].Attribution == "" {
				evs[k].Attribution = name
			}
		}
	}
	for k := range res.Events {
		set(res.Events[k].Evidence)
	}
	for k := range res.Relations {
		set(res.Relations[k].Evidence)
	}
}

// quoteOpenAfter: whether a quotation is still open at the end of text, given whether it
// was open at its start (straight quotes toggle, curly ones open and close).
func quoteOpenAfter(open bool, text string) bool {
	for _, r := range text {
		switch r {
		case '"':
			open = !open
		case '“':
			open = true
		case '”':
			open = false
		}
	}
	return open
}

// namesOwnSpeaker: the sentence has a speech verb next to a capitalised word ('"...," Tian
// said.', '..., said Tian.'): it names its own speaker, even one the rules could not
// resolve, so it does not continue another's quotation.
func namesOwnSpeaker(s *sentence) bool {
	toks := s.Tokens
	for i, t := range toks {
		if !speechVerbs[t.Norm] {
			continue
		}
		if i > 0 && toks[i-1].Word && toks[i-1].Capitalized() && i-1 > 0 {
			return true
		}
		if i+1 < len(toks) && toks[i+1].Word && toks[i+1].Capitalized() && i > 0 && toks[i-1].Text == "," {
			return true
		}
	}
	return false
}

// staffNouns are unnamed people who speak for where they work.
var staffNouns = map[string]bool{"analysts": true, "analyst": true, "experts": true, "expert": true, "researchers": true,
	"researcher": true, "economists": true, "economist": true, "officials": true, "official": true, "scientists": true,
	"investigators": true, "specialists": true}

// staffOf: "Analysts at the Kyiv School of Economics estimate", "officials at the Pentagon
// said": the mention after "at", "from" or "with" that follows a staff noun, right before
// the speech verb at i.
func staffOf(s *sentence, ms []Mention, i int) *Mention {
	toks := s.Tokens
	for k := range ms {
		m := &ms[k]
		if m.last >= i || m.last < i-2 || nestedMention(ms, k) {
			continue
		}
		if staffAt(toks, m.first, true) {
			return m
		}
	}
	return nil
}

// secondSpeechVerbs open a claim of its own when a sentence holds two: "X said ..., and Y
// said ...", "X said officials had told Ankara that ...".
var secondSpeechVerbs = map[string]bool{"said": true, "says": true, "told": true, "reported": true, "stated": true,
	"added": true, "warned": true, "claimed": true, "insisted": true, "noted": true, "assured": true}

// moreSources are the other sources of a sentence whose first source attr has found (issue
// 13, seventh session): the doers coordinated with it ("President X and Crown Prince Y
// said in a joint statement", "Ukrainian media and Western officials said"), the subject of
// a second speech verb ("..., and US Secretary of State Antony Blinken said it cast doubt"),
// and the source a speaker quotes ("Akar said Russian officials had told Ankara that ...").
// Each is the subject right before its verb, named or unnamed, as findAttribution reads one.
func (d *doc) moreSources(s *sentence, ms []Mention, attr *Attribution) []Attribution {
	toks := s.Tokens
	have := map[string]bool{attr.Source + "|" + attr.Name: true}
	var out []Attribution
	addSrc := func(id, name, text string) {
		if id != "" {
			name = d.nameOf(id)
		}
		key := id + "|" + name
		if id != "" && (id == attr.Source || have[id+"|"+d.nameOf(id)]) || id == "" && (have[key] || attr.Source == "" && strings.EqualFold(attr.Name, name)) {
			return
		}
		have[key] = true
		out = append(out, Attribution{Sentence: s.Index, Source: id, Name: name, Text: text, Rule: "attribution.more-sources"})
	}
	for i := 1; i < len(toks); i++ {
		if !secondSpeechVerbs[toks[i].Norm] || !speechVerbAt(s, i) {
			continue
		}
		// (auxiliaries may stand between: "officials had told")
		v := i
		for v > 0 && (auxiliaries[toks[v-1].Norm] || s.tag(v-1) == "RB") && v > i-3 {
			v--
		}
		if v == 0 || subjectPronouns[toks[v-1].Norm] || toks[v-1].Norm == "it" {
			continue
		}
		// (not a passive, "Iran has been warned", nor a negated verb, "has not said")
		if beVerbs[toks[v-1].Norm] || tokenIn(toks, v-1, i, "not") || tokenIn(toks, v-1, i, "never") {
			continue
		}
		// a second claim is a clause of its own (", and Y said", "; Y said"), a claim inside
		// the first ("X said Y had told Z"), or a joint one (the first source's coordinated
		// doers, found below from the first source's verb)
		ownClause, inner := false, false
		for p := v - 1; p >= 0 && p >= v-9; p-- {
			if w := toks[p].Norm; (w == "and" || w == "but") && p > 0 && toks[p-1].Text == "," || toks[p].Text == ";" {
				ownClause = true
				break
			}
			// "As Secretary Austin said this morning, ...": a leading "as" clause cites
			// another source
			if toks[p].Norm == "as" && (p == 0 || toks[p-1].Text == ":") {
				ownClause = true
				break
			}
		}
		for p := v - 2; p >= 0; p-- {
			if speechVerbs[toks[p].Norm] && speechVerbAt(s, p) {
				inner = true
				break
			}
		}
		named := false
		// a named subject right before the verb, with what is coordinated with it
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.last >= v || m.last < v-3 {
				continue
			}
			// (not the word of a noun after it: "Russian officials had told", "the Russian
			// leader said", "our Pentagon correspondent says")
			if !agentKinds[d.kindOf(m.Entity)] || nestedMention(ms, k) || afterPreposition(toks, m.first) || tokenIn(toks, m.last+1, v, ",") ||
				m.last+1 < v && (sourceNouns[toks[m.last+1].Norm] || s.noun(m.last+1)) {
				break
			}
			named = true
			first := k
			for first > 0 && andBetween(toks, ms[first-1], ms[first]) && agentKinds[d.kindOf(ms[first-1].Entity)] {
				first--
			}
			group := d.withCoordinated(toks, ms, first, agentKinds)
			joint := slices.Contains(group, attr.Source)
			if !joint && !ownClause && !inner {
				break
			}
			for _, id := range group {
				addSrc(id, "", d.text[ms[first].Start:toks[i].End])
			}
			break
		}
		// unnamed subjects right before the verb ("Western officials said", "Ukrainian
		// media and Western officials said")
		if named {
			continue // "state news agency KCNA reported": the name is the source
		}
		lo := toks[max(0, v-6)].Start
		window := d.text[lo:toks[v].Start]
		locs := unnamedSources.FindAllStringIndex(window, -1)
		for n := len(locs) - 1; n >= 0; n-- {
			loc := locs[n]
			between := window[loc[1]:]
			if n == len(locs)-1 && strings.TrimSpace(between) != "" && len(strings.Fields(between)) > 1 {
				break
			}
			// (joined by "and", an adjective may qualify the next: "media and Western officials")
			if n < len(locs)-1 {
				if gap := strings.Fields(window[loc[1]:locs[n+1][0]]); len(gap) == 0 || gap[0] != "and" || len(gap) > 2 {
					break
				}
			}
			ph := strings.ToLower(window[loc[0]:loc[1]])
			// ("the ministry", "the spokesman", "the German prosecutor": a definite source is
			// one findAttribution resolves; "Copenhagen Police": a name's word)
			before := strings.Fields(window[:loc[0]])
			// (a name right before, not a demonym: "Copenhagen Police")
			nameBefore := false
			for _, m := range ms {
				nameBefore = nameBefore || m.Rule != "gazetteer.demonym" && m.End <= lo+loc[0] && strings.TrimSpace(d.text[m.End:lo+loc[0]]) == ""
			}
			if strings.HasPrefix(ph, "the ") || len(before) > 0 && (strings.EqualFold(before[len(before)-1], "the") || !strings.Contains(ph, " ") && nameBefore) ||
				len(before) > 1 && strings.EqualFold(before[len(before)-2], "the") {
				break
			}
			// (a second claim in its own clause or inside the first, or coordinated with it)
			if !ownClause && !inner && !(n < len(locs)-1) && len(locs) == 1 {
				break
			}
			addSrc("", ph, window[loc[0]:]+d.text[toks[v].Start:toks[i].End])
		}
	}
	// "in what Defence Minister Richard Marles called an unsafe encounter", "chaff, which the
	// Australian government called a dangerous manoeuvre": a characterisation inside the
	// sentence is its namer's too
	for _, c := range d.characterisations(s, ms) {
		addSrc(c.Source, "", c.Text)
	}
	return out
}

// characterisation is a namer's attribution and the index of its verb ("called").
type characterisation struct {
	Attribution
	at int
}

// characterisations: the namers of what a relative "what" or "which" clause characterises
// ("in what Defence Minister Richard Marles called", "which the Australian government
// called"), as attributions with their verbs.
func (d *doc) characterisations(s *sentence, ms []Mention) []characterisation {
	toks := s.Tokens
	var out []characterisation
	for k, m := range ms {
		i := m.last + 1
		if i+1 < len(toks) && (toks[i].Norm == "government" || toks[i].Norm == "ministry") && d.kindOf(m.Entity) == factgraph.KindCountry {
			i++ // ("the Australian government called")
		}
		if i >= len(toks) || !characterisingVerbs[toks[i].Norm] || !agentKinds[d.kindOf(m.Entity)] || nestedMention(ms, k) {
			continue
		}
		for j := m.first - 1; j >= 0 && j >= m.first-4; j-- {
			if w := toks[j].Norm; w == "what" || w == "which" {
				out = append(out, characterisation{Attribution{Sentence: s.Index, Source: m.Entity, Name: d.nameOf(m.Entity), Text: d.text[toks[j].Start:toks[i].End], Rule: "attribution.called"}, i})
				break
			}
			if w := toks[j].Norm; !toks[j].Word || !(w == "the" || titleWords[w] || personTitles[w] || s.tag(j) == "JJ" || s.tag(j) == "NNP") {
				break
			}
		}
	}
	return out
}

// characterisingVerbs characterise: "in what X called", "which X described as".
var characterisingVerbs = map[string]bool{"called": true, "calls": true, "described": true, "termed": true, "branded": true, "dubbed": true}

// titlesOnly: tokens from..to-1 are ranks or titles (none at all is fine): "Lieutenant
// General" before a name.
func titlesOnly(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if !(personTitles[toks[k].Norm] || titleWords[toks[k].Norm] || toks[k].Text == "." && k > from && rankAbbreviations[toks[k-1].Norm]) {
			return false
		}
	}
	return true
}
