package extract

import (
	"regexp"
	"strings"

	"github.com/factgraph/factgraph"
)

// Agents from the article's context (issue 13, seventh session). A news article tells one
// act of force many times: "Russian missiles struck the port of Odesa. Two Kalibr cruise
// missiles hit the port's infrastructure ... Ukraine's foreign ministry called the attack a
// spit in the face". The later tellings name the weapon or nothing at all, and a reader
// takes their doer from the telling before. An act of force with no doer of its own takes,
// in this order:
//   - a detention: the country of the place where it happened ("detained at Sheremetyevo
//     airport"), as detaining is done by the state that holds the place;
//   - a strike by a weapon of the sentence's source's own country: that country ("Ukraine
//     said two Neptune missiles hit the cruiser");
//   - an interception: the country of the sentence's source ("The Israeli military says 99
//     percent were intercepted", "the ministry said air defences had shot down five
//     missiles"), as the side that shoots down is the side that reports it; else the state
//     holding the place of the strike told in the sentence or the one before ("the raids
//     on bases in Tehran province had been largely intercepted"), as the side struck
//     shoots down;
//   - the doer of the first act of its type told with one (the article's own act: the
//     background acts are told after it), then of the last told before it, else of the
//     first told after it.
//
// A candidate that the event already holds in another role (its target, its place), or the
// country of such a role's entity (a strike on Odesa is not Ukraine's), is skipped. A
// denied act keeps no doer ("no indication that this was a deliberate attack"). The agent
// so given is marked in the evidence's rule ("+agent.context") and lowers the confidence,
// since the sentence itself does not say it.
var contextAgentTypes = map[string]bool{"STRIKE": true, "INTERCEPTION": true, "DETENTION": true, "INCURSION": true, "LAUNCH": true}

// partakes: a participant of the event is of the country ("Albanese" takes part for
// Australia).
func (d *doc) partakes(ev *factgraph.Event, country string) bool {
	for _, r := range ev.Roles {
		if r.Role == factgraph.RoleParticipant && d.countryOf(r.Entity) == country {
			return true
		}
	}
	return false
}

func (d *doc) contextAgents(res *Result) {
	sourceOf := map[int]string{}
	for _, a := range res.Attributions {
		if a.Source != "" {
			sourceOf[a.Sentence] = a.Source
		}
	}
	// the sentence of each event (its first evidence), once
	sentOf := make([]int, len(res.Events))
	for i, ev := range res.Events {
		sentOf[i] = -1
		for _, s := range res.Sentences {
			if ev.Evidence[0].Start != nil && *ev.Evidence[0].Start == s.Start {
				sentOf[i] = s.Index
				break
			}
		}
	}
	// sideOf: the country a source speaks for (itself if a country)
	sideOf := func(src string) string {
		if d.kindOf(src) == factgraph.KindCountry {
			return src
		}
		return d.countryOf(src)
	}
	// the doers as told, before any is given from context (all of them: "US and British
	// forces struck ...", then "the strikes" are both sides')
	told := make([][]string, len(res.Events))
	for i, ev := range res.Events {
		for _, r := range ev.Roles {
			if r.Role == factgraph.RoleAgent {
				told[i] = append(told[i], r.Entity)
			}
		}
	}
	// the first telling of each type with a doer (-1: none)
	firstTold := map[string]int{"LAUNCH": -1, "STRIKE": -1}
	for k := len(res.Events) - 1; k >= 0; k-- {
		if len(told[k]) > 0 {
			firstTold[res.Events[k].Type] = k
		}
	}
	with := map[string][]string{} // a candidate taken from another telling -> all its doers
	// fromTelling takes the first doer of telling k as a candidate, with all its doers
	fromTelling := func(cands []string, k int) []string {
		if _, ok := with[told[k][0]]; !ok {
			with[told[k][0]] = told[k]
		}
		return append(cands, told[k][0])
	}
	for i := range res.Events {
		ev := &res.Events[i]
		// "Peskov told reporters the exchange was the result of negotiations with
		// Washington": talks with another party and no doer are the source's side's
		if (ev.Type == "TALKS" || ev.Type == "MEETING") && len(told[i]) == 0 && hasRoleType(ev.Roles, factgraph.RoleParticipant) {
			if src := sourceOf[sentOf[i]]; src != "" {
				// (not when the side takes part through its own: "Albanese attended the APEC
				// summit", said by Marles)
				if side := sideOf(src); side != "" && !hasEntity(ev.Roles, side) && !d.holdsOtherwise(ev, side) && !d.partakes(ev, side) {
					ev.Roles = append([]factgraph.Role{{Role: factgraph.RoleAgent, Entity: side}}, ev.Roles...)
					for k := range ev.Evidence {
						ev.Evidence[k].Rule += "+agent.context"
					}
				}
			}
			continue
		}
		// "Warsaw announced that additional troops would be sent to the border": forces
		// to be sent with no doer are the side's that tells of it (not one that is their place
		// or receives them: "Lithuania said troops were sent to Lithuania" is not told so)
		// (planned only: "20 warships had been deployed around the island", said by Taiwan,
		// are the watched side's)
		if ev.Type == "DEPLOYMENT" && len(told[i]) == 0 && ev.Modality == factgraph.ModalityPlanned {
			if side := sideOf(sourceOf[sentOf[i]]); side != "" && !hasEntity(ev.Roles, side) && !d.holdsOtherwise(ev, side) {
				ev.Roles = append([]factgraph.Role{{Role: factgraph.RoleAgent, Entity: side}}, ev.Roles...)
				for k := range ev.Evidence {
					ev.Evidence[k].Rule += "+agent.context"
				}
			}
			continue
		}
		if !contextAgentTypes[ev.Type] || len(told[i]) > 0 || ev.Modality == factgraph.ModalityDenied {
			continue
		}
		var cands []string
		// "Israeli forces seized the Madleen ... The Madleen was intercepted": an act on a
		// vessel or aircraft with no doer is the doer's who seized, stopped or boarded the
		// same one
		if ev.Type == "INTERCEPTION" || ev.Type == "DETENTION" {
			for _, r := range ev.Roles {
				if r.Role != factgraph.RoleTarget || d.kindOf(r.Entity) != factgraph.KindVessel {
					continue
				}
				for k := range res.Events {
					if o := res.Events[k].Type; k != i && len(told[k]) > 0 && (o == "INTERCEPTION" || o == "DETENTION" || o == "INSPECTION") && hasRole(res.Events[k].Roles, factgraph.RoleTarget, r.Entity) {
						cands = fromTelling(cands, k)
						break
					}
				}
			}
		}
		switch ev.Type {
		case "DETENTION":
			for _, r := range ev.Roles {
				if r.Role == factgraph.RoleLocation {
					if c := d.placeCountry(r.Entity); c != "" {
						cands = append(cands, c)
					}
				}
			}
			// ("In Italy, a second suspect is in custody after police arrested him near
			// Rimini": the country the sentence opens with)
			if si := sentOf[i]; si >= 0 && si < len(res.Sentences) {
				if m := leadingInRe.FindStringSubmatch(res.Sentences[si].Text); m != nil {
					for _, e := range d.g.Lookup(m[1]) {
						if e.Kind == factgraph.KindCountry {
							cands = append(cands, e.ID)
						}
					}
				}
			}
		case "STRIKE", "LAUNCH":
			// "a ballistic missile fired from Yemen hit a playground": the armed group of that
			// country the article named before (the Houthis), else the country
			if c := firedFrom(res, sentOf[i]); c != "" {
				cands = append(cands, d.groupOf(res, c, sentOf[i]))
			}
			if ev.Type == "LAUNCH" {
				break
			}
			// "Ukraine said two Neptune missiles hit the cruiser": a side that reports a hit
			// by its own weapon reports its own strike
			if src := sourceOf[sentOf[i]]; src != "" {
				side := sideOf(src)
				for _, r := range ev.Roles {
					if r.Role == factgraph.RoleInstrument && side != "" && d.countryOf(r.Entity) == side {
						cands = append(cands, side)
						break
					}
				}
			}
		case "INTERCEPTION":
			// (not a source who condemns it: "Turkey condemned the interception")
			if c := sideOf(sourceOf[sentOf[i]]); c != "" && !condemnedBy(res.Events, sentOf, sentOf[i], c, sideOf) {
				cands = append(cands, c)
			}
			// "the raids on bases in Tehran province had been largely intercepted": the
			// side struck shoots down, the state holding the place of the strike told in
			// the sentence (else the one before)
			{
				best, bestAt := -1, -1 // the last strike told in the sentence or before it
				for k := range res.Events {
					if res.Events[k].Type == "STRIKE" && k != i && sentOf[k] <= sentOf[i] && sentOf[k] >= bestAt {
						best, bestAt = k, sentOf[k]
					}
				}
				if best >= 0 && bestAt >= sentOf[i]-1 {
					for _, r := range res.Events[best].Roles {
						if r.Role == factgraph.RoleLocation || r.Role == factgraph.RoleTarget {
							c := d.holderOf(r.Entity)
							if d.kindOf(r.Entity) == factgraph.KindCountry {
								c = r.Entity
							}
							if c != "" && !hasRole(res.Events[best].Roles, factgraph.RoleAgent, c) {
								cands = append(cands, c)
								break
							}
						}
					}
				}
			}
		}
		// ("Drones smuggled in by the SBU struck 41 aircraft ... The drones were launched
		// from lorries": a launch told with no doer before any launch told with one is part
		// of the article's own strike)
		if ev.Type == "LAUNCH" {
			firstLaunch, firstStrike := firstTold["LAUNCH"], firstTold["STRIKE"]
			// (the same weapons: "the barrage of ballistic missiles was launched" after
			// "Israeli jets struck" is another side's)
			shared := false
			for _, r := range ev.Roles {
				shared = shared || r.Role == factgraph.RoleInstrument && firstStrike >= 0 && hasRole(res.Events[firstStrike].Roles, factgraph.RoleInstrument, r.Entity)
			}
			if shared && firstStrike < i && (firstLaunch < 0 || firstLaunch > i) {
				cands = fromTelling(cands, firstStrike)
			}
		}
		// (the article's own act first: the first of the type told with a doer, as the
		// background acts come later, "Two missiles hit the port" after "Russian missiles
		// struck Odesa. Ukraine said its drones hit a depot in Crimea on Sunday")
		// (not for a doer named by a pronoun the sentence leaves unresolved: "On Tuesday they
		// launched their largest attack" is the doer told last, as a reader takes it)
		for k := 0; k < len(res.Events) && !d.byPronoun[ev.ID]; k++ {
			if res.Events[k].Type == ev.Type && len(told[k]) > 0 {
				cands = fromTelling(cands, k)
				break
			}
		}
		for k := i - 1; k >= 0; k-- {
			if res.Events[k].Type == ev.Type && len(told[k]) > 0 {
				cands = fromTelling(cands, k)
				break
			}
		}
		for k := i + 1; k < len(res.Events); k++ {
			if res.Events[k].Type == ev.Type && len(told[k]) > 0 {
				cands = fromTelling(cands, k)
				break
			}
		}
		// ("Some of those involved had been detained, the ministry added": with no other
		// detention told with a doer, the side that reports one holds the people; not
		// before, as a side reports its own people taken too)
		// (people detained or held: not "the joint seizure of battlefield control")
		if ev.Type == "DETENTION" && heldVerbRe.MatchString(ev.Evidence[0].Rule) {
			if c := sideOf(sourceOf[sentOf[i]]); c != "" {
				cands = append(cands, c)
			}
		}
		for _, c := range cands {
			if d.holdsOtherwise(ev, c) {
				continue
			}
			agents := []factgraph.Role{{Role: factgraph.RoleAgent, Entity: c}}
			for _, o := range with[c] {
				if o != c && !hasEntity(ev.Roles, o) && !d.holdsOtherwise(ev, o) {
					agents = append(agents, factgraph.Role{Role: factgraph.RoleAgent, Entity: o})
				}
			}
			ev.Roles = append(agents, ev.Roles...)
			if ev.Confidence != nil {
				conf := *ev.Confidence - 0.1
				ev.Confidence = &conf
			}
			for k := range ev.Evidence {
				if !strings.HasSuffix(ev.Evidence[k].Rule, "+agent.context") {
					ev.Evidence[k].Rule += "+agent.context"
				}
			}
			break
		}
	}
	// the acts told with no one in them that the context gave no doer are dropped
	kept := res.Events[:0]
	for i, ev := range res.Events {
		if d.tentative[ev.ID] && len(told[i]) == 0 && !hasRoleType(ev.Roles, factgraph.RoleAgent) {
			continue
		}
		kept = append(kept, ev)
	}
	res.Events = kept
}

// heldVerbRe: the rules of detentions told by a verb of holding people.
var heldVerbRe = regexp.MustCompile(`^event\.detention\.(detained|held|arrested|captured)\b`)

// leadingInRe: a sentence that opens with the place it is about: "In Italy, ...".
var leadingInRe = regexp.MustCompile(`^In ([\p{Lu}][\p{L} .'-]{1,40}),`)

// condemnedBy: a condemnation told in sentence si has c's side as its doer.
func condemnedBy(evs []factgraph.Event, sentOf []int, si int, c string, sideOf func(string) string) bool {
	for k, ev := range evs {
		if sentOf[k] != si || ev.Type != "CONDEMNATION" {
			continue
		}
		for _, r := range ev.Roles {
			if r.Role == factgraph.RoleAgent && (r.Entity == c || sideOf(r.Entity) == c) {
				return true
			}
		}
	}
	return false
}

// placeCountry: the country a place or facility is in, or the country itself.
func (d *doc) placeCountry(id string) string {
	switch d.kindOf(id) {
	case factgraph.KindCountry:
		return id
	case factgraph.KindLocation, factgraph.KindFacility:
		return d.countryOf(id)
	}
	return ""
}

// heldPlaces are held by another state than the one the gazetteer gives them to (occupied
// since 2014 or 2022, or annexed): a strike on Sevastopol may well be Ukraine's.
var heldPlaces = map[string]string{
	"location:crimea": "country:RUS", "location:sevastopol": "country:RUS", "location:simferopol": "country:RUS",
	"location:kerch": "country:RUS", "location:feodosia": "country:RUS", "location:yevpatoria": "country:RUS",
	"location:dzhankoi": "country:RUS", "location:saky": "country:RUS", "location:donetsk": "country:RUS",
	"location:luhansk": "country:RUS", "location:mariupol": "country:RUS", "location:melitopol": "country:RUS",
	"location:berdiansk": "country:RUS", "location:nova-kakhovka": "country:RUS", "location:enerhodar": "country:RUS",
	"location:golan-heights": "country:ISR",
}

// holderOf: the state that holds a place (its gazetteer country unless held by another).
func (d *doc) holderOf(id string) string {
	if h, ok := heldPlaces[id]; ok {
		return h
	}
	return d.countryOf(id)
}

// holdsOtherwise: the event names c in a role (other than the place of a detention, which
// is the detaining state's), or c is the country of its target (the target vessel's flag)
// or, for a strike, the state holding the place struck.
func (d *doc) holdsOtherwise(ev *factgraph.Event, c string) bool {
	for _, r := range ev.Roles {
		if r.Entity == c && !(ev.Type == "DETENTION" && r.Role == factgraph.RoleLocation) {
			return true
		}
		if r.Role == factgraph.RoleTarget && d.countryOf(r.Entity) == c || ev.Type == "STRIKE" && r.Role == factgraph.RoleLocation && d.holderOf(r.Entity) == c {
			return true
		}
	}
	return false
}

// firedFrom: the country a weapon was fired or launched from in sentence si ("fired from
// Yemen"), or "".
func firedFrom(res *Result, si int) string {
	if si < 0 || si >= len(res.Sentences) {
		return ""
	}
	loc := firedFromRe.FindStringSubmatchIndex(res.Sentences[si].Text)
	if loc == nil {
		return ""
	}
	at := res.Sentences[si].Start + loc[2]
	for _, m := range res.Mentions {
		if m.Sentence == si && m.Start == at && strings.HasPrefix(m.Entity, "country:") {
			return m.Entity
		}
	}
	return ""
}

var firedFromRe = regexp.MustCompile(`\b(?:fired|launched) from (?:the )?([A-Z])`)

// groupOf: the organisation of country c named last before sentence si (an armed group
// there: "the Houthis" for Yemen), else c.
func (d *doc) groupOf(res *Result, c string, si int) string {
	best := c
	for _, m := range res.Mentions {
		if m.Sentence < si && d.kindOf(m.Entity) == factgraph.KindOrganization && d.countryOf(m.Entity) == c && d.armedGroup(m.Entity) {
			best = m.Entity
		}
	}
	return best
}

// armedGroup: a gazetteer organisation described as an armed movement or group.
func (d *doc) armedGroup(id string) bool {
	e := d.g.Entry(id)
	return e != nil && armedGroupRe.MatchString(strings.ToLower(e.Description))
}

var armedGroupRe = regexp.MustCompile(`\b(?:movement|militia|militant|rebel|rebels|armed group|insurgent|group)\b`)
