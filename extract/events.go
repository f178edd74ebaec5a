package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph"
)

// triggers maps folded words (and two- or three-word phrases) to event types.
var triggers = map[string]string{
	"ordered": "ORDER", "orders": "ORDER", "order": "ORDER", "ordering": "ORDER",
	"directed": "ORDER", "instructed": "ORDER",
	"inspected": "INSPECTION", "inspects": "INSPECTION", "inspect": "INSPECTION", "inspecting": "INSPECTION",
	"inspection": "INSPECTION", "inspections": "INSPECTION", "toured": "INSPECTION", "touring": "INSPECTION", "tour": "INSPECTION",
	"field guidance": "INSPECTION", "examined": "INSPECTION",
	"visited": "VISIT", "visits": "VISIT", "visit": "VISIT", "visiting": "VISIT",
	"travel to": "VISIT", "travelled to": "VISIT", "traveled to": "VISIT", "travels to": "VISIT", "trip to": "VISIT",
	"arrived in": "TRANSIT", "arrives in": "TRANSIT", "flew to": "TRANSIT",
	"arrived at": "TRANSIT", "arrives at": "TRANSIT", "arriving at": "TRANSIT",
	"flying from": "TRANSIT", "flying to": "TRANSIT", "fly to": "TRANSIT",
	"produce": "PRODUCTION", "produced": "PRODUCTION", "produces": "PRODUCTION", "producing": "PRODUCTION",
	"production": "PRODUCTION", "manufacture": "PRODUCTION", "manufacturing": "PRODUCTION", "output": "PRODUCTION",
	"expand": "EXPANSION", "expanding": "EXPANSION", "expansion": "EXPANSION", "expanded": "EXPANSION",
	"boost": "EXPANSION", "boosting": "EXPANSION", "ramp up": "EXPANSION", "ramping up": "EXPANSION",
	"sent": "DEPLOYMENT", "send": "DEPLOYMENT", "sending": "DEPLOYMENT", "deployed": "DEPLOYMENT",
	"deploy": "DEPLOYMENT", "deploying": "DEPLOYMENT", "deployment": "DEPLOYMENT", "deployments": "DEPLOYMENT", "dispatched": "DEPLOYMENT",
	"dispatch": "DEPLOYMENT", "pledged": "DEPLOYMENT", "pledges": "DEPLOYMENT", "pledging": "DEPLOYMENT", "pledge": "DEPLOYMENT",
	"promised": "DEPLOYMENT", "promises": "DEPLOYMENT",
	"military presence": "DEPLOYMENT", "naval presence": "DEPLOYMENT",
	"supply": "SUPPLY", "supplied": "SUPPLY", "supplying": "SUPPLY", "supplies": "SUPPLY", "shipped": "SUPPLY",
	"delivered": "SUPPLY", "deliveries": "SUPPLY", "shipments": "SUPPLY", "shipment": "SUPPLY", "transferred": "SUPPLY", "arms exports": "SUPPLY",
	"provided": "SUPPLY", "providing": "SUPPLY", "exports": "SUPPLY",
	"tested": "TEST", "test": "TEST", "tests": "TEST", "testing": "TEST", "test fired": "TEST", "test fire": "TEST",
	"launched": "LAUNCH", "launch": "LAUNCH", "launches": "LAUNCH", "fired": "LAUNCH", "firing": "LAUNCH",
	"intercepted": "INTERCEPTION", "intercept": "INTERCEPTION", "interception": "INTERCEPTION", "interceptions": "INTERCEPTION",
	"intercepting": "INTERCEPTION", "shot down": "INTERCEPTION", "shoot down": "INTERCEPTION",
	"brought down": "INTERCEPTION", "drove away": "INTERCEPTION", "expelled": "INTERCEPTION", "downed": "INTERCEPTION",
	"struck": "STRIKE", "strike": "STRIKE", "strikes": "STRIKE", "attacked": "STRIKE", "attack": "STRIKE",
	"attacks": "STRIKE", "shelled": "STRIKE", "bombed": "STRIKE", "hit": "STRIKE", "targeted": "STRIKE",
	"sanctioned": "SANCTION", "sanction": "SANCTION", "sanctioning": "SANCTION", "imposed sanctions": "SANCTION", "blacklisted": "SANCTION",
	"arms embargo": "SANCTION", "embargo": "SANCTION", "sanctions imposed": "SANCTION",
	"designated": "SANCTION", "new sanctions": "SANCTION", "sanctions on": "SANCTION", "sanctions against": "SANCTION",
	"condemned": "CONDEMNATION", "condemns": "CONDEMNATION", "denounced": "CONDEMNATION", "criticised": "CONDEMNATION",
	"criticized": "CONDEMNATION", "protested against": "CONDEMNATION", "protested": "CONDEMNATION", "condemnation": "CONDEMNATION", "slammed": "CONDEMNATION",
	"lodged a protest": "CONDEMNATION", "lodged a strong protest": "CONDEMNATION", "lodged a formal protest": "CONDEMNATION",
	"lodged protests": "CONDEMNATION", "lodged strong protests": "CONDEMNATION", "filed a protest": "CONDEMNATION",
	"talks": "TALKS", "held talks": "TALKS", "talk": "TALKS", "negotiations": "TALKS", "negotiated": "TALKS",
	"discussed": "TALKS", "consultations": "TALKS", "negotiate": "TALKS", "negotiating": "TALKS",
	"phoned": "TALKS", "spoke by phone": "TALKS", "conversation": "TALKS", "telephone call": "TALKS", "call": "TALKS", "phone call": "TALKS", "spoke with": "TALKS",
	"telephoned": "TALKS", "spoke by telephone": "TALKS", "telephone conversation": "TALKS", "video call": "TALKS",
	"spoke on the phone": "TALKS", "spoke over the phone": "TALKS", "telephone talks": "TALKS", "phone talks": "TALKS",
	"spoken with": "TALKS", "speak with": "TALKS", "speaks with": "TALKS", "speaking with": "TALKS", "spoke to": "TALKS",
	"spoken to": "TALKS",
	"statement": "STATEMENT",
	"met":       "MEETING", "meet": "MEETING", "meeting": "MEETING", "meetings": "MEETING", "meets": "MEETING", "convened": "MEETING", "gathered": "MEETING", "congress": "MEETING", "summit": "MEETING",
	"passed through": "TRANSIT", "transited": "TRANSIT", "transiting": "TRANSIT", "sailing through": "TRANSIT",
	"sailed through": "TRANSIT", "passing through": "TRANSIT", "transit": "TRANSIT", "transits": "TRANSIT",
	"flight from": "TRANSIT", "passage": "TRANSIT", "sailed from": "TRANSIT", "flew from": "TRANSIT",
	"invaded": "INCURSION", "invade": "INCURSION", "invasion": "INCURSION", "crossed": "INCURSION", "crossing": "INCURSION", "violated": "INCURSION", "incursion": "INCURSION",
	"entered": "INCURSION", "enter": "INCURSION", "incursions": "INCURSION",
	"infiltrated": "INCURSION", "infiltrating": "INCURSION", "infiltration": "INCURSION", "broke across": "INCURSION",
	"pushed across": "INCURSION", "stormed across": "INCURSION",
	"flew over": "INCURSION", "seen over": "INCURSION", "spotted over": "INCURSION", "spotted near": "INCURSION",
	"sighted": "INCURSION", "sightings": "INCURSION", "sighting": "INCURSION", "seen near": "INCURSION",
	"build": "CONSTRUCTION", "building": "CONSTRUCTION", "construction": "CONSTRUCTION", "built": "CONSTRUCTION",
	"establishing": "CONSTRUCTION", "construct": "CONSTRUCTION",
	"announced": "ANNOUNCEMENT", "announces": "ANNOUNCEMENT", "announce": "ANNOUNCEMENT", "unveiled": "ANNOUNCEMENT", "announcement": "ANNOUNCEMENT",
	"presented": "ANNOUNCEMENT", "acknowledged": "CONFIRMATION", "admitted": "CONFIRMATION", "admits": "CONFIRMATION",
	"authorised": "ORDER", "authorized": "ORDER",
	"detained": "DETENTION", "detain": "DETENTION", "detaining": "DETENTION", "detention": "DETENTION",
	"seized": "DETENTION", "seize": "DETENTION", "seizing": "DETENTION", "impounded": "DETENTION",
	"confiscated": "DETENTION", "confiscate": "DETENTION", "confiscating": "DETENTION", "confiscates": "DETENTION",
	"boarded": "DETENTION", "took control of": "DETENTION", "arrested": "DETENTION",
	"kidnapped": "DETENTION", "kidnapping": "DETENTION", "abducted": "DETENTION", "abducting": "DETENTION",
	"taken into custody": "DETENTION",
	"clashes":            "STRIKE", "clashed": "STRIKE", "fighting": "STRIKE", "exchange of fire": "STRIKE", "gun battle": "STRIKE",
	"firefight": "STRIKE", "skirmishes": "STRIKE",
	"captured": "INCURSION", "capture": "INCURSION", "captures": "INCURSION", "overran": "INCURSION", "overrun": "INCURSION",
	"denied": "DENIAL", "denies": "DENIAL", "deny": "DENIAL", "denial": "DENIAL", "rejected any": "DENIAL",
	"dismissed the accusations": "DENIAL", "dismissed accusations": "DENIAL", "dismissed the claims": "DENIAL",
	"confirmed": "CONFIRMATION", "confirms": "CONFIRMATION", "confirm": "CONFIRMATION", "acknowledged that": "CONFIRMATION",
	"searched": "INSPECTION", "searching": "INSPECTION", "search": "INSPECTION",
	"collided with": "STRIKE", "sailed into": "STRIKE", "rammed into": "STRIKE",
	// inflections and synonyms added in the second round of issue 13
	"instructs": "ORDER", "tours": "INSPECTION", "arriving in": "TRANSIT",
	"manufactured": "PRODUCTION", "manufactures": "PRODUCTION",
	"stationed": "DEPLOYMENT", "redeployed": "DEPLOYMENT", "deploys": "DEPLOYMENT", "sends": "DEPLOYMENT", "dispatching": "DEPLOYMENT",
	"delivers": "SUPPLY", "delivering": "SUPPLY", "delivery": "SUPPLY", "handed over": "SUPPLY", "transferring": "SUPPLY",
	"sold": "SUPPLY", "sells": "SUPPLY", "selling": "SUPPLY", "arms sales": "SUPPLY", "provides": "SUPPLY", "provide": "SUPPLY",
	"launching": "LAUNCH", "intercepts": "INTERCEPTION", "downing": "INTERCEPTION", "shooting down": "INTERCEPTION",
	"repelled": "INTERCEPTION", "neutralised": "INTERCEPTION", "neutralized": "INTERCEPTION",
	"shelling": "STRIKE", "bombing": "STRIKE", "bombardment": "STRIKE", "pounded": "STRIKE", "airstrike": "STRIKE",
	"airstrikes": "STRIKE", "air strike": "STRIKE", "air strikes": "STRIKE", "attacking": "STRIKE",
	"impose sanctions": "SANCTION", "imposes sanctions": "SANCTION",
	"condemning": "CONDEMNATION", "denounces": "CONDEMNATION", "denouncing": "CONDEMNATION", "criticises": "CONDEMNATION",
	"criticizes": "CONDEMNATION", "criticising": "CONDEMNATION", "deplored": "CONDEMNATION", "decried": "CONDEMNATION",
	"condemn": "CONDEMNATION", "denounce": "CONDEMNATION",
	"negotiation": "TALKS", "consulted": "TALKS", "phone conversation": "TALKS",
	"hosted": "MEETING", "hosts": "MEETING",
	"breached": "INCURSION", "violating": "INCURSION", "violation": "INCURSION", "violations": "INCURSION",
	"intrusion": "INCURSION", "intrusions": "INCURSION", "entering": "INCURSION",
	"constructing": "CONSTRUCTION", "constructed": "CONSTRUCTION", "builds": "CONSTRUCTION",
	"unveils": "ANNOUNCEMENT", "unveiling": "ANNOUNCEMENT", "announcing": "ANNOUNCEMENT",
	"detains": "DETENTION", "seizes": "DETENTION", "apprehended": "DETENTION", "impounding": "DETENTION", "arrests": "DETENTION",
	"denying": "DENIAL", "confirming": "CONFIRMATION",
	"detected over": "INCURSION", "detected near": "INCURSION", "observed over": "INCURSION", "observed near": "INCURSION",
	"seen above": "INCURSION", "spotted above": "INCURSION", "sighted over": "INCURSION", "sighted near": "INCURSION",
	"hovering over": "INCURSION", "hovered over": "INCURSION", "circling over": "INCURSION", "circled over": "INCURSION",
	"took down": "INTERCEPTION", "taken down": "INTERCEPTION",
	"asset freeze": "SANCTION", "froze the assets": "SANCTION", "freeze the assets": "SANCTION", "froze assets": "SANCTION",
	"donated": "SUPPLY", "donating": "SUPPLY", "donate": "SUPPLY", "gifted": "SUPPLY",
	"seizure": "DETENTION", "boarding": "DETENTION",
	// inflections added in the third round of issue 13
	"examining": "INSPECTION", "examines": "INSPECTION",
	"travelling to": "VISIT", "traveling to": "VISIT", "arrive in": "TRANSIT", "flies to": "TRANSIT",
	"expands": "EXPANSION", "boosted": "EXPANSION", "boosts": "EXPANSION", "ramped up": "EXPANSION", "ramps up": "EXPANSION",
	"redeploy": "DEPLOYMENT", "redeploying": "DEPLOYMENT",
	"deliver": "SUPPLY", "sell": "SUPPLY", "donates": "SUPPLY", "transfer": "SUPPLY", "transfers": "SUPPLY",
	"shoots down": "INTERCEPTION", "brings down": "INTERCEPTION", "bringing down": "INTERCEPTION",
	"hitting": "STRIKE", "bombarded": "STRIKE",
	"imposing sanctions": "SANCTION", "blacklists": "SANCTION",
	"criticise": "CONDEMNATION", "criticize": "CONDEMNATION", "deplores": "CONDEMNATION", "deplore": "CONDEMNATION",
	"decries": "CONDEMNATION", "slams": "CONDEMNATION",
	"discusses": "TALKS", "discussing": "TALKS", "negotiates": "TALKS", "talked with": "TALKS", "talked to": "TALKS",
	"hosting": "MEETING", "summits": "MEETING",
	"passes through": "TRANSIT", "sails through": "TRANSIT",
	"violates": "INCURSION", "invades": "INCURSION", "invading": "INCURSION", "crosses": "INCURSION",
	"constructs": "CONSTRUCTION", "unveil": "ANNOUNCEMENT",
	"impound": "DETENTION", "impounds": "DETENTION", "arresting": "DETENTION", "denials": "DENIAL",
	"security assistance": "SUPPLY", "military assistance": "SUPPLY", "military aid": "SUPPLY",
	"defence assistance": "SUPPLY", "security aid": "SUPPLY", "lethal aid": "SUPPLY", "weapons deliveries": "SUPPLY",
	"expel": "INTERCEPTION", "expels": "INTERCEPTION", "expelling": "INTERCEPTION",
	"repel": "INTERCEPTION", "repelling": "INTERCEPTION",
	"intruded into": "INCURSION", "intrudes into": "INCURSION", "intruding into": "INCURSION",
	// added in the fourth session of issue 13
	"dialogue": "TALKS", "designating": "SANCTION", "designates": "SANCTION", "bound for": "TRANSIT",
	"giving": "SUPPLY", "gave": "SUPPLY", "gives": "SUPPLY", "give": "SUPPLY", "given": "SUPPLY",
	// added in the fifth session: a decree is an order
	"signed a decree": "ORDER", "signed an order": "ORDER", "issued a decree": "ORDER", "issued an order": "ORDER",
	"signs a decree": "ORDER", "signed decrees": "ORDER",
	"sailing from": "TRANSIT", "sails from": "TRANSIT", "sail from": "TRANSIT", "sailing to": "TRANSIT",
	"sailed to": "TRANSIT", "sails to": "TRANSIT",
	// added in the recall session (general forms of physical events, none from a set)
	"escorted away": "INTERCEPTION", "escorted out": "INTERCEPTION", "chased away": "INTERCEPTION",
	"chased off": "INTERCEPTION", "chased out": "INTERCEPTION", "driven away": "INTERCEPTION",
	"driven off": "INTERCEPTION", "drove off": "INTERCEPTION", "drive away": "INTERCEPTION",
	"came under fire": "STRIKE", "come under fire": "STRIKE", "coming under fire": "STRIKE",
	"came under attack": "STRIKE", "come under attack": "STRIKE", "coming under attack": "STRIKE",
	"opened fire on": "STRIKE", "open fire on": "STRIKE",
	"stormed": "STRIKE", "storming": "STRIKE", "military offensive": "STRIKE",
	"sale of": "SUPPLY", "sales of": "SUPPLY", "arms sale": "SUPPLY", "arming": "SUPPLY",
	"gave the order": "ORDER", "gave orders": "ORDER", "given orders": "ORDER", "issued orders": "ORDER",
	"gave an order": "ORDER", "directs": "ORDER", "instructing": "ORDER", "instruct": "ORDER",
	"drifted over": "INCURSION", "drifting over": "INCURSION", "floated over": "INCURSION",
	"floating over": "INCURSION", "drifted across": "INCURSION", "advanced into": "INCURSION",
	"advanced on": "INCURSION", "marched on": "INCURSION", "marched towards": "INCURSION",
	"marched toward": "INCURSION", "pushed into": "INCURSION", "stormed into": "INCURSION",
	"declared": "ANNOUNCEMENT", "declares": "ANNOUNCEMENT",
	"decreed": "ORDER", "directive": "ORDER", "directives": "ORDER",
	"targeting": "STRIKE", "supplier of": "SUPPLY", "suppliers of": "SUPPLY", "arms shipments": "SUPPLY",
	"weapons shipments": "SUPPLY", "arms transfers": "SUPPLY", "transfer of": "SUPPLY", "transfers of": "SUPPLY",
	"penetrated": "INCURSION", "penetrating": "INCURSION",
	// added in the sixth session (general forms)
	"shootdown": "INTERCEPTION", "shootdowns": "INTERCEPTION", "shoot-down": "INTERCEPTION",
	"dismissed as": "DENIAL", "dismisses as": "DENIAL", "rejected as": "DENIAL", "rejects as": "DENIAL",
	"pounding": "STRIKE", "pound": "STRIKE",
	// added in the seventh session (general forms): fire aimed at something, deliberate
	// ramming, raids and barrages, captives, "had nothing to do with"
	"fired on": "STRIKE", "firing on": "STRIKE", "fire on": "STRIKE", "opened fire": "STRIKE", "open fire": "STRIKE",
	"opening fire": "STRIKE", "shot at": "STRIKE", "shooting at": "STRIKE", "rammed": "STRIKE", "ramming": "STRIKE",
	"raid": "STRIKE", "raids": "STRIKE", "barrage": "STRIKE", "barrages": "STRIKE", "damaged": "STRIKE",
	"sabotage":       "STRIKE",
	"taken prisoner": "DETENTION", "took prisoner": "DETENTION", "taken captive": "DETENTION", "took captive": "DETENTION",
	"fired back": "STRIKE", "returned fire": "STRIKE", "shot back": "STRIKE",
	"blew up": "STRIKE", "blown up": "STRIKE", "blowing up": "STRIKE",
	"nothing to do": "DENIAL", "no role in": "DENIAL", "no involvement in": "DENIAL", "no part in": "DENIAL", "striking": "STRIKE", "lifted off": "LAUNCH", "blasted off": "LAUNCH",
	"countermeasures against": "SANCTION", "countermeasures on": "SANCTION",
	// added in the thirteenth session: bombs dropped on something (disambiguate)
	"dropped": "STRIKE", "dropping": "STRIKE",
	// fire exchanged with someone, ambushes, troops massed, admissions
	"exchanged fire with": "STRIKE", "exchanging fire with": "STRIKE", "exchange fire with": "STRIKE",
	"ambushed": "STRIKE", "ambushing": "STRIKE", "ambush": "STRIKE",
	"massed": "DEPLOYMENT", "massing": "DEPLOYMENT",
	"admitted that": "CONFIRMATION", "admits that": "CONFIRMATION",
}

// decreedStates are declared by order: "a curfew", "a counter-terrorist operation regime".
var decreedStates = map[string]bool{"curfew": true, "regime": true, "lockdown": true, "mobilisation": true,
	"mobilization": true, "blockade": true, "quarantine": true, "zone": true}

// moneyVerbs give money when a sum follows: "pledged five million euros".
var moneyVerbs = map[string]bool{"pledged": true, "pledges": true, "pledging": true, "pledge": true,
	"announced": true, "announces": true, "promised": true, "promises": true, "allocated": true,
	"allocates": true, "earmarked": true, "committed": true, "approved": true, "approves": true}

// moneyAfter: a sum of money opens the words after k ("five million euros", "$2 billion",
// "an additional 100 million dollars").
func moneyAfter(toks []token, k int) bool {
	for j := k; j < len(toks) && j <= k+5; j++ {
		if currencyWords[toks[j].Norm] != "" || toks[j].Norm == "usd" || toks[j].Norm == "eur" || strings.HasPrefix(toks[j].Text, "$") || strings.HasPrefix(toks[j].Text, "€") || strings.HasPrefix(toks[j].Text, "£") {
			return true
		}
		if w := toks[j].Norm; !toks[j].Word && !isDigitByte(toks[j].Text[0]) || w == "to" || w == "for" || w == "that" {
			return false
		}
	}
	return false
}

// takeForms take something down: "take the balloon down", "taking it down".
var takeForms = map[string]bool{"take": true, "took": true, "taken": true, "taking": true, "takes": true}

// incursionVerbs: verbs of motion that are an incursion when "into ... airspace" follows.
var incursionVerbs = map[string]bool{"flew": true, "flown": true, "strayed": true, "ventured": true,
	"penetrated": true, "intruded": true, "drifted": true, "entered": true, "crossed": true, "flying": true}

// adverbialsOnly: tokens from..to-1 are only auxiliaries, adverbs and a day ("Sweden
// announced on Tuesday that", "Russia has also denied"): the subject is the verb's own.
func adverbialsOnly(toks []token, from, to int) bool {
	if to-from > 4 {
		return false
	}
	for k := from; k < to; k++ {
		switch w := toks[k].Norm; w {
		case "has", "have", "had", "also", "on", "today", "yesterday", "formally", "officially", "publicly",
			"again", "later", "earlier", "swiftly", "quickly", "then", "now", "previously", "already", "last", "this", "week":
		default:
			if _, day := weekdays[w]; !day {
				return false
			}
		}
	}
	return true
}

// interceptedNouns are what a forced turn, an escort away or a chase intercepts.
var interceptedNouns = map[string]bool{"aircraft": true, "plane": true, "planes": true, "jet": true, "jets": true,
	"bomber": true, "bombers": true, "drone": true, "drones": true, "helicopter": true, "helicopters": true,
	"warship": true, "warships": true, "ship": true, "ships": true, "vessel": true, "vessels": true,
	"corvette": true, "frigate": true, "submarine": true, "balloon": true, "fighter": true, "fighters": true,
	"boat": true, "boats": true, "it": true, "them": true, "airliner": true, "flight": true}

// interceptedBetween: an aircraft, ship or drone word among tokens from..to-1 (the one
// turned away or escorted off).
func interceptedBetween(toks []token, from, to int) bool {
	for k := max(0, from); k < to && k < len(toks); k++ {
		if interceptedNouns[toks[k].Norm] && !(toks[k].Norm == "fighter" && k+1 < len(toks) && interceptedNouns[toks[k+1].Norm]) {
			return true
		}
	}
	return false
}

// toldListeners: the one told is an audience, not one ordered ("told reporters").
var toldListeners = map[string]bool{"reporters": true, "journalists": true, "the": false, "media": true,
	"press": true, "reuters": true, "lawmakers": true, "parliament": false, "audience": true, "viewers": true,
	"newspaper": true, "broadcaster": true, "television": true, "radio": true, "agency": true, "interviewer": true,
	"me": true, "us": true, "you": true}

// airDefenceWords follow "air" in the names of air defences.
var airDefenceWords = map[string]bool{"defence": true, "defense": true, "defences": true, "defenses": true}

// destroyedStops end the object of "destroyed" ("the evidence at the site").
var destroyedStops = map[string]bool{"by": true, "at": true, "in": true, "of": true, "near": true, "under": true, "on": true, "from": true}

// destroyedThings after "destroyed" make it a strike (with ships and sites: "destroyed a
// boat", "destroyed the bridge").
var destroyedThings = map[string]bool{"bridge": true, "bridges": true, "radar": true, "radars": true,
	"vehicle": true, "vehicles": true, "building": true, "buildings": true, "warehouse": true, "warehouses": true,
	"launcher": true, "launchers": true, "headquarters": true, "boats": true, "post": true, "posts": true,
	"outpost": true, "outposts": true, "checkpoint": true, "checkpoints": true, "bunker": true, "bunkers": true}

// airborneNouns after "destroyed" make it an interception ("destroyed 40 drones").
var airborneNouns = map[string]bool{"drone": true, "drones": true, "missile": true, "missiles": true, "uavs": true,
	"uav": true, "rockets": true, "rocket": true, "shaheds": true, "projectiles": true}

// asked: the trigger at i is the main verb of a question ("when will you talk to Moscow?",
// "Did Russia send troops?"): asked about, not reported. A noun in a question may still
// name an event ("is there any reaction to the new sanctions?").
func asked(s *sentence, i int) bool {
	toks := s.Tokens
	// ("Will China hold talks with Manila?": a noun trigger that is the object of a yes-no
	// question's verb is asked about too)
	object := s.noun(i) && i >= 2 && s.verb(i-1) && questionOpeners[firstWord(s)]
	// ("should the Eagle S be confiscated?": a passive asked about)
	passive := s.tag(i) == "VBN" && i >= 1 && (toks[i-1].Norm == "be" || toks[i-1].Norm == "been")
	if tag := s.tag(i); tag != "VB" && tag != "VBP" && tag != "VBZ" && tag != "VBD" && !object && !passive || len(toks) == 0 || toks[len(toks)-1].Text != "?" {
		return false
	}
	for k := i + 1; k < len(toks); k++ {
		if t := toks[k].Text; t == "." || t == "!" {
			return false
		}
	}
	// (a relative clause in a question states a fact: "the plan that Zelensky presented?")
	for k := 0; k < i; k++ {
		if w := toks[k].Norm; w == "that" || w == "which" || w == "who" {
			return false
		}
	}
	return true
}

// pauseNouns before "on", "of", "to" and a noun trigger say that it stopped: "the pause
// on military aid", "a halt to deliveries", "the pause it had placed on aid".
var pauseNouns = map[string]bool{"pause": true, "suspension": true, "halt": true, "freeze": true,
	"moratorium": true, "cessation": true, "ban": true}

// paused: the noun trigger i..last is what a pause, halt or ban is on (no event happens).
func paused(s *sentence, i, last int) bool {
	toks := s.Tokens
	if !s.noun(last) {
		return false
	}
	for p := i - 1; p >= 1 && p >= i-3; p-- {
		if w := toks[p].Norm; w == "on" || w == "of" || w == "to" {
			// (through a relative clause: "the pause it had placed on military aid")
			for q := p - 1; q >= 0 && q >= p-5 && toks[q].Word; q-- {
				if pauseNouns[toks[q].Norm] {
					return true
				}
			}
			return false
		}
		if !toks[p].Word {
			return false
		}
	}
	return false
}

// byPhraseUnnamed: a "by" phrase after the trigger names a doer by a common noun only
// ("by gunmen", "by armed men"), no entity.
func (s *sentence) byPhraseUnnamed(ms []Mention, last, hi int) bool {
	for k := last + 1; k <= hi && k < len(s.Tokens) && k <= last+4; k++ {
		if s.Tokens[k].Norm == "by" {
			return k+1 < len(s.Tokens) && !covered(ms, k+1) && s.noun(k+1) && !s.Tokens[k+1].Capitalized() ||
				k+2 < len(s.Tokens) && !covered(ms, k+2) && s.noun(k+2) && !s.Tokens[k+2].Capitalized() && !covered(ms, k+1)
		}
	}
	return false
}

// listedVerbSubject: for a verb at i that opens a verb phrase after a comma (perhaps after
// auxiliaries and adverbs: ", had never supplied"), the mention that is the subject of the
// verb phrase before it (the first doer after the clause's start, "that" or a speech verb,
// followed by a finite verb), or -1.
func (d *doc) listedVerbSubject(s *sentence, ms []Mention, i int) int {
	toks := s.Tokens
	p := i
	for p > 0 && (auxiliaries[toks[p-1].Norm] || s.tag(p-1) == "RB") {
		p--
	}
	if p < 2 || toks[p-1].Text != "," || covered(ms, p-2) && !s.noun(p-2) {
		return -1
	}
	// the clause before: from "that" or the sentence start
	from := 0
	for k := p - 2; k >= 0; k-- {
		if toks[k].Norm == "that" || toks[k].Text == ";" {
			from = k + 1
			break
		}
	}
	for j := range ms {
		m := ms[j]
		if m.first < from || m.last >= p-1 {
			continue
		}
		if !agentKinds[d.kindOf(m.Entity)] {
			continue
		}
		// its finite verb right after it (adverbs between), and no comma between the two
		// phrases but the one before p
		v := m.last + 1
		for v < p && s.tag(v) == "RB" {
			v++
		}
		if v >= p-1 || !s.finite(v) || tokenIn(toks, v, p-1, ",") || tokenInSet(toks, v, p-1, subordinatingWords) {
			return -1
		}
		return j
	}
	return -1
}

// insideQuote: the text before a word opens a quotation it does not close.
func insideQuote(before string) bool {
	n := strings.Count(before, "\"")
	return n%2 == 1 || strings.Count(before, "“") > strings.Count(before, "”")
}

// passiveAt: the trigger at i is a passive participle ("was boarded", "had been seized").
func passiveAt(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k].Norm {
		case "was", "were", "been", "being", "is", "are", "be":
			return true
		}
	}
	return false
}

// sanctionSubject: "the package", "the new sanctions" is what the clause before the
// trigger at i is about (a definite sanctions noun, no name).
func sanctionSubject(toks []token, lo, i int) bool {
	for k := i - 1; k >= lo && k >= i-4; k-- {
		if sanctionNouns[toks[k].Norm] {
			for j := k - 1; j >= lo && j >= k-3; j-- {
				if definite[toks[j].Norm] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// protectiveWords before "measures" make them no sanction: "security measures against drones".
var protectiveWords = map[string]bool{"security": true, "protective": true, "defensive": true, "safety": true,
	"precautionary": true, "emergency": true}

// sanctionNouns name a sanctions act; as the subject of "targets" they make it a sanction.
var sanctionNouns = map[string]bool{"package": true, "sanctions": true, "measures": true, "designations": true,
	"listings": true, "list": true, "blacklist": true, "restrictions": true}

// obtainVerbs after "helping X" make the help a supply: "helping Moscow obtain parts".
var obtainVerbs = map[string]bool{"obtain": true, "acquire": true, "procure": true, "buy": true, "get": true,
	"source": true, "import": true, "evade": false}

// heldHow: the words after "were held" that make it a detention, not a meeting held.
var heldHow = map[string]bool{"pending": true, "in": true, "incommunicado": true, "without": true, "hostage": true, "captive": true}

// custodyNouns: "held in custody".
var custodyNouns = map[string]bool{"custody": true, "detention": true, "prison": true, "jail": true, "captivity": true}

// vesselMotionWords: the words of a vessel's arrival, departure and heading.
var vesselMotionWords = map[string]bool{"arrived": true, "arrives": true, "arriving": true, "arrival": true,
	"heading": true, "headed": true, "left": true, "leaving": true, "departed": true}

// vesselMotion: the word at i tells a named vessel's arrival ("arrived off Georgetown",
// "the ship's arrival"), heading ("heading for the Gaza Strip") or departure ("had left
// the port of Catania"); the trigger's last token.
func (d *doc) vesselMotion(s *sentence, ms []Mention, i int) (int, bool) {
	toks := s.Tokens
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].Norm
	}
	w := toks[i].Norm
	switch {
	case w == "arrival":
	case w == "heading" || w == "headed":
		if next != "for" && next != "to" && next != "towards" && next != "toward" {
			return 0, false
		}
	case w == "left" || w == "leaving" || w == "departed":
		// (a port left, not a sea: "after it left the Baltic" is no passage told)
		k := mentionStartingAtOrAfter(ms, i+1, i+5)
		if k < 0 || !placeKinds[d.kindOf(ms[k].Entity)] || d.kindOf(ms[k].Entity) != factgraph.KindFacility && !tokenInSet(toks, i+1, ms[k].first, portWords) {
			return 0, false
		}
	default: // arrived
		if next != "off" && next != "at" && next != "in" && next != "near" && next != "into" {
			return 0, false
		}
	}
	// the vessel: the mention nearest before, with no verb of its own between ("The
	// Madleen, a small sailing yacht that was heading")
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.last >= i {
			continue
		}
		if m.last < i-10 || d.kindOf(m.Entity) != factgraph.KindVessel {
			return 0, false
		}
		for j := m.last + 1; j < i; j++ {
			if s.finite(j) && !beVerbs[toks[j].Norm] && !auxiliaries[toks[j].Norm] {
				return 0, false
			}
		}
		if w == "heading" || w == "headed" {
			return i + 1, true
		}
		return i, true
	}
	return 0, false
}

// portWords name a port before its place: "the port of Catania".
var portWords = map[string]bool{"port": true, "harbour": true, "harbor": true, "base": true}

// warship: a gazetteer vessel described as a warship (its state acts through it; a
// tanker's flag state does not).
func (d *doc) warship(id string) bool {
	e := d.g.Entry(id)
	return e != nil && warshipRe.MatchString(strings.ToLower(e.Description))
}

// warshipRe: the words of a warship's description.
var warshipRe = regexp.MustCompile(`\b(?:destroyer|frigate|warship|cruiser|corvette|submarine|navy|naval|patrol|carrier|minehunter|minesweeper)\b`)

// placeKinds are the kinds of where one goes.
var placeKinds = map[string]bool{factgraph.KindCountry: true, factgraph.KindLocation: true, factgraph.KindFacility: true}

// lastActType is the type of the act of force named last, in this sentence or the two
// before, or "".
// (a tie goes to the first of actTypes: "Russia launched 40 drones and struck Odesa. It was
// carried out by ..." is the strike)
func (d *doc) lastActType(si int) string {
	best, at := "", -1
	for _, typ := range actTypes {
		if k, ok := d.lastRolesAt[typ]; ok && k > at && k >= si-2 {
			best, at = typ, k
		}
	}
	return best
}

// actTypes are the acts of force, in the order lastActType prefers them.
var actTypes = []string{"STRIKE", "LAUNCH", "INTERCEPTION", "INCURSION", "DETENTION"}

// accusedOf: the noun trigger at i is the act someone is accused of ("accused the United
// States and Britain of (carrying out) the attack"): the accused, or nil.
func (d *doc) accusedOf(s *sentence, ms []Mention, i int, kinds map[string]bool) []string {
	toks := s.Tokens
	if i < 4 || !s.noun(i) {
		return nil
	}
	p := i - 1
	for p > 0 && (toks[p].Norm == "the" || toks[p].Norm == "a" || toks[p].Norm == "an" || s.tag(p) == "JJ" || covered(ms, p)) {
		p--
	}
	if p > 1 && toks[p].Norm == "out" && toks[p-1].Norm == "carrying" {
		p -= 2
	} else if p > 1 && doingVerbs[toks[p].Norm] && strings.HasSuffix(toks[p].Norm, "ing") {
		p--
	} else {
		// ("accused Belgrade of organising and financing the attack": gerunds of having
		// the act done)
		for p > 1 && p >= i-6 && (strings.HasSuffix(toks[p].Norm, "ing") && !covered(ms, p) || toks[p].Norm == "and" && p+1 < i && strings.HasSuffix(toks[p+1].Norm, "ing")) {
			p--
		}
	}
	if toks[p].Norm != "of" {
		return nil
	}
	var acc []string
	for q := p - 1; q >= 0 && q >= p-12; q-- {
		switch toks[q].Norm {
		case "accused", "accuses", "accusing", "accuse":
			for _, m := range ms {
				if m.first > q && m.last < p && kinds[d.kindOf(m.Entity)] && !slices.Contains(acc, m.Entity) {
					acc = append(acc, m.Entity)
				}
			}
			return acc
		case ",", ";", "that", "which":
			return nil
		}
	}
	return nil
}

// crimeNouns name an act as someone's: "a terrorist crime of the Kiev regime".
var crimeNouns = map[string]bool{"crime": true, "crimes": true, "act": true, "provocation": true, "aggression": true}

// accusedOfRe: an accusation of an act: "accused the United States and Britain of".
var accusedOfRe = regexp.MustCompile(`\baccus(?:ed|es|ing)\b[^.;]{1,80}?\bof\b`)

// linkNouns: a denied connection between things is no denial of the things.
var linkNouns = map[string]bool{"link": true, "links": true, "connection": true, "connections": true}

// withAgents: the roles with agents as the only doers (first), the agents in no other role.
func withAgents(roles []factgraph.Role, agents []string) []factgraph.Role {
	out := make([]factgraph.Role, 0, len(roles)+len(agents))
	for _, a := range agents {
		out = append(out, factgraph.Role{Role: factgraph.RoleAgent, Entity: a})
	}
	for _, r := range roles {
		if r.Role != factgraph.RoleAgent && !slices.Contains(agents, r.Entity) {
			out = append(out, r)
		}
	}
	return out
}

// sponsorWords make a name before them a sponsor or maker, no doer: "Iran-backed",
// "Iranian-made".
var sponsorWords = map[string]bool{"backed": true, "aligned": true, "affiliated": true, "sponsored": true,
	"funded": true, "supported": true, "made": true, "built": true, "supplied": true, "armed": true, "trained": true}

// sponsorOnly: every mention of id in the sentence is a sponsor's ("Iran-backed").
func sponsorOnly(s *sentence, ms []Mention, id string) bool {
	toks, seen := s.Tokens, false
	for _, m := range ms {
		if m.Entity != id {
			continue
		}
		if k := m.last + 1; k >= len(toks) || !toks[k].Hyphen || !sponsorWords[toks[k].Norm] {
			return false
		}
		seen = true
	}
	return seen
}

// footprintsOf: the organisation or state whose marks an act bears in the sentence ("has
// the footprints of Kataib Hezbollah", "bore the hallmarks of"), or "".
func footprintsOf(s *sentence, ms []Mention) string {
	toks := s.Tokens
	for k := 0; k+2 < len(toks); k++ {
		if markNouns[toks[k].Norm] && toks[k+1].Norm == "of" {
			if m := mentionAt(ms, k+2); m != "" && !sponsorOnly(s, ms, m) {
				return m
			}
		}
	}
	return ""
}

// usersOf: the organisation or state named after "used by", "operated by", "run by" or
// "belonging to" after token last, before hi, or "".
func (d *doc) usersOf(s *sentence, ms []Mention, last, hi int) string {
	toks := s.Tokens
	for k := last + 1; k+2 < len(toks) && k+2 < hi; k++ {
		w, next := toks[k].Norm, toks[k+1].Norm
		if (w == "used" || w == "operated" || w == "run" || w == "controlled") && next == "by" || w == "belonging" && next == "to" {
			// (not land that someone holds: "a depot in territory controlled by Russia")
			if k > 0 && heldLandNouns[toks[k-1].Norm] {
				return ""
			}
			j := k + 2
			if toks[j].Norm == "the" && j+1 < len(toks) {
				j++ // ("a camp used by the Islamic Revolutionary Guard Corps")
			}
			if m := mentionAt(ms, j); m != "" && (d.kindOf(m) == factgraph.KindOrganization || d.kindOf(m) == factgraph.KindCountry) {
				return m
			}
			return ""
		}
	}
	return ""
}

// enclosingRelative: the commas around a non-restrictive relative clause token k is in
// (", who is paying a state visit to the DPRK, were held"): the index of the comma before
// "who" or "which" and of the one that closes it, the one before the main clause's verb
// (", were held", ", and have identified"), or -1, -1 (also when none does within thirty
// tokens after k; "who" is looked for at most twelve tokens before k).
func (s *sentence) enclosingRelative(k int) (int, int) {
	toks := s.Tokens
	open := -1
	for j := k - 1; j >= 1 && j >= k-12; j-- {
		if toks[j].Text == "," || toks[j].Text == ";" {
			return -1, -1
		}
		if (toks[j].Norm == "who" || toks[j].Norm == "which") && toks[j-1].Text == "," {
			open = j - 1
			break
		}
	}
	if open < 0 {
		return -1, -1
	}
	for j := k; j+1 < len(toks) && j <= k+30; j++ {
		if toks[j].Text == ";" || toks[j].Text == "." {
			break
		}
		if toks[j].Text != "," {
			continue
		}
		v := j + 1
		if toks[v].Norm == "and" && v+1 < len(toks) {
			v++
		}
		if auxiliaries[toks[v].Norm] || s.finite(v) {
			return open, j
		}
	}
	return -1, -1
}

// inWithList: mention k closes or continues a list of weapons after "with" ("with missiles,
// drones and rockets"): the mentions before it joined by commas and "and" go back to one
// after "with".
func inWithList(toks []token, ms []Mention, k int) bool {
	for j := k; j > 0; j-- {
		gap := ms[j].first - ms[j-1].last - 1
		if gap != 1 || toks[ms[j-1].last+1].Norm != "and" && toks[ms[j-1].last+1].Text != "," {
			return false
		}
		if prepositionOf(toks, ms, j-1) == "with" {
			return true
		}
	}
	return false
}

// heldLandNouns are land that someone holds, no facility they use: "territory controlled by".
var heldLandNouns = map[string]bool{"territory": true, "territories": true, "areas": true, "area": true, "region": true,
	"regions": true, "land": true, "parts": true, "part": true, "villages": true, "towns": true}

// firstPersonAfter: "our", "us" or "we" after token last, before hi.
func firstPersonAfter(toks []token, last, hi int) bool {
	for k := last + 1; k < hi && k < len(toks); k++ {
		if w := toks[k].Norm; w == "our" || w == "us" && toks[k].Text != "US" || w == "we" {
			return true
		}
	}
	return false
}

// commonSubject: the verb at i has a subject named by a plain plural noun right before it,
// no entity ("Defector groups sent balloons", "activists flew drones"): a doer the text
// does not name, which the context must not replace.
func commonSubject(s *sentence, ms []Mention, i int) bool {
	if i < 1 || !s.verb(i) || covered(ms, i-1) || s.tag(i-1) != "NNS" || s.Tokens[i-1].Capitalized() && i-1 > 0 {
		return false
	}
	return personGroupNouns[s.Tokens[i-1].Norm]
}

// personGroupNouns are doers named by what they are: "groups", "activists".
var personGroupNouns = map[string]bool{"groups": true, "activists": true, "protesters": true, "militants": true,
	"gunmen": true, "rebels": true, "fighters": true, "attackers": true, "assailants": true, "hackers": true,
	"smugglers": true, "pirates": true, "insurgents": true}

// roleApposed: for a role in apposition ending at token ante ("Vladimir Putin, president
// of the Russian Federation"), the mention of the person it is apposed to, or -1: a comma,
// then lower-case role words, "of", "the" and names up to ante.
func (d *doc) roleApposed(toks []token, ms []Mention, ante int) int {
	for b := ante; b >= 1 && b >= ante-10; b-- {
		if toks[b].Text == "," {
			if b == ante || !roleNouns[toks[b+1].Norm] && !personTitles[toks[b+1].Norm] {
				return -1
			}
			if k := mentionEndingAt(ms, b-1); k >= 0 && d.kindOf(ms[k].Entity) == factgraph.KindPerson {
				return k
			}
			return -1
		}
		if !toks[b].Word && toks[b].Text != "'s" && toks[b].Text != "’s" {
			return -1
		}
	}
	return -1
}

// partiesBefore: the persons (else the countries) who did the talks or meeting told last,
// doers and participants, in order.
func (d *doc) partiesBefore() []string {
	var persons, countries []string
	for _, t := range []string{"TALKS", "MEETING"} {
		for _, r := range d.lastRoles[t] {
			if r.Role != factgraph.RoleAgent && r.Role != factgraph.RoleParticipant {
				continue
			}
			switch d.kindOf(r.Entity) {
			case factgraph.KindPerson:
				if !slices.Contains(persons, r.Entity) {
					persons = append(persons, r.Entity)
				}
			case factgraph.KindCountry:
				if !slices.Contains(countries, r.Entity) {
					countries = append(countries, r.Entity)
				}
			}
		}
		if len(persons) >= 2 {
			return persons
		}
	}
	if len(persons) >= 2 {
		return persons
	}
	return countries
}

// repelVerbs drive an attack back; attackNouns are what they drive back.
var repelVerbs = map[string]bool{"repelled": true, "repelling": true, "repel": true, "repels": true, "repulsed": true,
	"repulsing": true, "repulse": true, "thwarted": true, "foiled": true}
var attackNouns = map[string]bool{"attack": true, "attacks": true, "assault": true, "assaults": true, "offensive": true, "attempt": true}

// sidesNouns name the two parties of a fight: "the two armies".
var sidesNouns = map[string]bool{"armies": true, "sides": true, "militaries": true, "countries": true, "forces": true, "neighbours": true, "neighbors": true}

// attendVerbBefore: the index of "attended" (attends, attending, attend) within five words
// before the meeting noun at i, through determiners, names and adjectives, or -1.
func attendVerbBefore(toks []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].Norm {
		case "attended", "attends", "attending", "attend":
			return k
		}
		if !toks[k].Word {
			return -1
		}
	}
	return -1
}

// flyingVerbs send craft over a border: "flew balloons across the border".
var flyingVerbs = map[string]bool{"flew": true, "flown": true, "fly": true, "flies": true, "flying": true, "sent": true,
	"send": true, "sends": true, "sending": true, "floated": true, "floating": true}

// craftNouns are what flies over a border on its own: balloons, drones.
var craftNouns = map[string]bool{"balloon": true, "balloons": true, "drone": true, "drones": true, "uav": true, "uavs": true}

// intrusionAfter: after a flying verb at i, within ten words of its clause, a craft noun
// and then "across the border", "over the border", or "into" or "towards" a country (its
// airspace, territory or border): the index of the preposition, or 0.
func (d *doc) intrusionAfter(toks []token, ms []Mention, i int) int {
	craft := false
	for k := i + 1; k < len(toks) && k <= i+10; k++ {
		w := toks[k].Norm
		if toks[k].Text == "," || toks[k].Text == ";" {
			return 0
		}
		if craftNouns[w] {
			craft = true
			continue
		}
		if !craft {
			continue
		}
		if (w == "across" || w == "over") && k+2 < len(toks) && toks[k+1].Norm == "the" && toks[k+2].Norm == "border" {
			return k
		}
		if w == "into" || w == "towards" || w == "toward" {
			// ("into the North", "towards the South", "into Polish airspace"; not "into the
			// stadium", nor "towards Kyiv", a city attacked)
			for j := k + 1; j < len(toks) && j <= k+3; j++ {
				if c := mentionStartingAt(ms, j); c >= 0 && d.kindOf(ms[c].Entity) == factgraph.KindCountry && ms[c].Rule != "gazetteer.capital" {
					return k
				}
				if n := toks[j].Norm; n == "airspace" || n == "territory" || n == "border" {
					return k
				}
			}
			return 0
		}
	}
	return 0
}

// toleranceVerbs take a kind of act as object: "will not tolerate attacks".
var toleranceVerbs = map[string]bool{"tolerate": true, "tolerates": true, "condone": true, "condones": true}

// negatedBefore: "not", "never" or "n't" within three words before token k.
func negatedBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if w := toks[j].Norm; w == "not" || w == "never" || w == "nt" {
			return true
		}
	}
	return false
}

// markNouns are the marks of a doer on an act.
var markNouns = map[string]bool{"footprints": true, "footprint": true, "hallmarks": true, "hallmark": true, "fingerprints": true, "signature": true}

// actAfter: an act's trigger (or "it", "this", "that") follows token last, past a
// determiner and adjectives: "no role in the attack", "no part in it".
func actAfter(toks []token, last int) bool {
	for k := last + 1; k < len(toks) && k <= last+4; k++ {
		switch w := toks[k].Norm; {
		case w == "it" || w == "this" || w == "that" || w == "them":
			return true
		case w == "the" || w == "any" || w == "a" || w == "an":
			continue
		}
		if t, _ := findTrigger(toks, k); t != "" {
			return true
		}
		if !toks[k].Word {
			return false
		}
	}
	return false
}

// agentsOf: the entities of the agent roles.
func agentsOf(roles []factgraph.Role) []string {
	var out []string
	for _, r := range roles {
		if r.Role == factgraph.RoleAgent {
			out = append(out, r.Entity)
		}
	}
	return out
}

// partNouns name a part in an act: "denied any involvement in the sabotage".
var partNouns = map[string]bool{"involvement": true, "role": true, "part": true, "hand": true, "responsibility": true}

// noPartVerbs deny a part with "no": "had no role in", "played no part in".
var noPartVerbs = map[string]bool{"had": true, "has": true, "have": true, "played": true, "plays": true, "play": true}

// deniedPart: the noun trigger at i follows "denied (any) involvement in" (or "role in",
// "part in", "responsibility for"); the denier, the subject before the verb, or "".
func (d *doc) deniedPart(s *sentence, ms []Mention, i int) string {
	toks := s.Tokens
	if i < 3 || !s.noun(i) {
		return ""
	}
	p := i - 1
	for p > 0 && (toks[p].Norm == "the" || toks[p].Norm == "this" || toks[p].Norm == "that" || s.tag(p) == "JJ") {
		p--
	}
	if w := toks[p].Norm; w != "in" && w != "for" && w != "of" {
		return ""
	}
	p--
	if p < 1 || !partNouns[toks[p].Norm] {
		return ""
	}
	p--
	for p > 0 && (toks[p].Norm == "any" || toks[p].Norm == "all" || s.tag(p) == "JJ") {
		p--
	}
	switch toks[p].Norm {
	case "denied", "denies", "deny", "denying", "rejected", "rejects":
	case "no":
		// "Tehran had no role in the attack", "played no part in it"
		if p < 1 || !noPartVerbs[toks[p-1].Norm] {
			return ""
		}
		p--
	default:
		return ""
	}
	// the subject: the mention right before the verb (through auxiliaries and adverbs)
	q := p - 1
	for q >= 0 && (auxiliaries[toks[q].Norm] || s.tag(q) == "RB") {
		q--
	}
	if k := mentionEndingAt(ms, q); k >= 0 {
		return ms[k].Entity
	}
	if q >= 0 {
		if id := d.pronoun(toks[q].Norm, ms, q); id != "" {
			return id
		}
	}
	return ""
}

// denialVerbs with a claim noun after them ("rejected the accusation") are denials.
var denialVerbs = map[string]bool{"rejected": true, "rejects": true, "rejecting": true, "dismissed": true, "dismisses": true, "refuted": true, "disputed": true}

var claimNouns = map[string]bool{"accusation": true, "accusations": true, "claim": true, "claims": true,
	"allegation": true, "allegations": true, "charge": true, "charges": true, "report": true, "reports": true,
	"suggestion": true, "suggestions": true, "link": true, "links": true, "involvement": true, "responsibility": true,
	"assertion": true, "assertions": true, "version": true, "account": true, "accounts": true}

// listedNouns after "list", "blacklist": what a sanctions list names.
// sanctionEffectVerbs: what sanctions do, after "the sanctions".
var sanctionEffectVerbs = map[string]bool{"freeze": true, "froze": true, "bar": true, "barred": true, "ban": true,
	"banned": true, "block": true, "blocked": true, "prohibit": true, "prohibited": true, "target": true,
	"targeted": true, "apply": true, "applied": true, "cover": true, "covered": true, "hit": true, "took": true,
	"take": true, "restrict": true, "restricted": true, "also": true}

// listingQualifiers before "listings" make them sanctions listings.
var listingQualifiers = map[string]bool{"similar": true, "new": true, "further": true, "more": true, "additional": true, "sanctions": true}

var listedNouns = map[string]bool{"vessels": true, "ships": true, "tankers": true, "companies": true,
	"individuals": true, "entities": true, "people": true, "firms": true, "banks": true, "officials": true, "targets": true}

// speechActs are events whose object is a claim: no location, and a target only when an
// entity is what is condemned.
var speechActs = map[string]bool{"DENIAL": true, "CONFIRMATION": true, "CONDEMNATION": true}

// agentKinds can do things; targetKinds per event type are what it is done to.
var agentKinds = map[string]bool{factgraph.KindPerson: true, factgraph.KindCountry: true, factgraph.KindOrganization: true}

var targetKinds = map[string]map[string]bool{
	"ORDER":        {factgraph.KindFacility: true, factgraph.KindWeaponSystem: true, factgraph.KindVessel: true, factgraph.KindPerson: true, factgraph.KindOrganization: true},
	"INSPECTION":   {factgraph.KindFacility: true, factgraph.KindVessel: true, factgraph.KindWeaponSystem: true, factgraph.KindOrganization: true},
	"VISIT":        {factgraph.KindFacility: true, factgraph.KindVessel: true, factgraph.KindOrganization: true},
	"INTERCEPTION": {factgraph.KindWeaponSystem: true, factgraph.KindVessel: true},
	"STRIKE":       {factgraph.KindFacility: true, factgraph.KindCountry: true, factgraph.KindLocation: true, factgraph.KindVessel: true},
	"DETENTION":    {factgraph.KindVessel: true, factgraph.KindPerson: true},
	"SANCTION":     {factgraph.KindOrganization: true, factgraph.KindPerson: true, factgraph.KindVessel: true, factgraph.KindCountry: true},
	"CONDEMNATION": {factgraph.KindCountry: true, factgraph.KindOrganization: true, factgraph.KindPerson: true, factgraph.KindWeaponSystem: true},
	"CONSTRUCTION": {factgraph.KindFacility: true, factgraph.KindVessel: true, factgraph.KindWeaponSystem: true},
	"EXPANSION":    {factgraph.KindFacility: true, factgraph.KindWeaponSystem: true},
	"INCURSION":    {factgraph.KindCountry: true},
}

// instrumentTypes take the weapons of their sentence as instruments (production and
// expansion take them as targets).
var instrumentTypes = map[string]bool{"SUPPLY": true, "TEST": true, "LAUNCH": true, "STRIKE": true, "DEPLOYMENT": true, "INCURSION": true}

// platforms are weapons that are deployed rather than supplied: "sent warships to the Gulf
// of Finland" is a deployment.
var platforms = map[string]bool{"weapon:warship": true, "weapon:frigate": true, "weapon:corvette": true, "weapon:destroyer": true,
	"weapon:maritime-patrol-aircraft": true, "weapon:surveillance-aircraft": true, "weapon:fighter-jet": true,
	"weapon:bomber": true, "weapon:helicopter": true, "weapon:minehunter": true, "weapon:spy-plane": true,
	"weapon:nuclear-armed-submarine": true}

// beneficiaryWords before a country make it the receiver of troops or supplies.
var beneficiaryWords = map[string]bool{"to": true, "for": true, "support": true, "help": true, "aid": true, "assist": true, "supporting": true, "helping": true}

// locationPrepositions before a place make it the event's location.
var locationPrepositions = map[string]bool{"in": true, "over": true, "at": true, "near": true, "through": true, "across": true, "into": true, "off": true, "above": true, "via": true,
	"inside": true, "within": true}

var beVerbs = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true}

// orgGroupNouns are an organisation's people as a group: "inspectors from the IAEA", later
// "the experts", "the team".
var orgGroupNouns = map[string]bool{"inspectors": true, "experts": true, "team": true, "mission": true,
	"monitors": true, "observers": true, "delegation": true, "investigators": true, "specialists": true}

// noteGroupOrg records the organisation whose people a group noun names ("Inspectors from
// the International Atomic Energy Agency", "the IAEA team", "the agency's experts").
func (d *doc) noteGroupOrg(s *sentence, ms []Mention) {
	toks := s.Tokens
	for k, m := range ms {
		if d.kindOf(m.Entity) != factgraph.KindOrganization {
			continue
		}
		// "<group> from/of (the) <org>"
		b := m.first - 1
		if b >= 0 && toks[b].Norm == "the" {
			b--
		}
		if b >= 1 && (toks[b].Norm == "from" || toks[b].Norm == "of") && orgGroupNouns[toks[b-1].Norm] {
			d.groupOrg = m.Entity
			continue
		}
		// "the IAEA team", "the agency's experts"
		a := m.last + 1
		if a < len(toks) && (toks[a].Text == "'s" || toks[a].Text == "’s") {
			a++
		}
		if a < len(toks) && orgGroupNouns[toks[a].Norm] && !covered(ms[k+1:], a) {
			d.groupOrg = m.Entity
		}
	}
}

// seriesNouns measure acts: "Russia's waves of attacks", "a series of strikes".
var seriesNouns = map[string]bool{"wave": true, "waves": true, "series": true, "barrage": true, "campaign": true,
	"spate": true, "string": true, "round": true, "rounds": true, "volley": true, "salvo": true}

// auxiliaries before a main verb: "had never supplied", "will not send".
var auxiliaries = map[string]bool{"had": true, "has": true, "have": true, "will": true, "would": true, "did": true,
	"does": true, "do": true, "could": true, "can": true, "may": true, "might": true, "should": true, "must": true}

// findTrigger returns the event type and the last token of a trigger starting at token i.
func findTrigger(toks []token, i int) (string, int) {
	if !toks[i].Word {
		return "", i
	}
	// "flew about ten kilometres into its airspace", "strayed into Polish airspace": an
	// incursion whatever the verb of motion
	if incursionVerbs[toks[i].Norm] {
		for k := i + 1; k < len(toks) && k <= i+7 && toks[k].Text != "," && toks[k].Text != ";"; k++ {
			if toks[k].Norm == "into" || toks[k].Norm == "over" && toks[i].Norm != "flew" {
				for j := k + 1; j < len(toks) && j <= k+4; j++ {
					// (someone's waters: "China's territorial waters", not "international waters")
					if toks[j].Norm == "airspace" || toks[j].Norm == "territory" || toks[j].Norm == "waters" && (toks[j-1].Norm == "territorial" || toks[j-1].Text == "'s" || toks[j-1].Text == "’s" || possessiveDeterminer(toks[j-1].Norm)) {
						return "INCURSION", i
					}
				}
				break
			}
		}
	}
	// "preparing to ship missiles to Russia": the verb "ship" after "to", with a "to" of its
	// own within the phrase, is a supply (the noun "ship" is not)
	if toks[i].Norm == "ship" && i > 0 && toks[i-1].Norm == "to" {
		goods := false
		for k := i + 1; k < len(toks) && k <= i+6 && toks[k].Word; k++ {
			if toks[k].Norm == "to" && goods {
				return "SUPPLY", i
			}
			goods = goods || goodsNouns[toks[k].Norm]
		}
	}
	// "Milley also called General Valery Gerasimov", "Trump called Putin on Tuesday": a
	// call to someone named (not "called Putin a killer", "called Kyiv's plan", "so-called")
	if w := toks[i].Norm; (w == "called" || w == "calls" || w == "rang") && !toks[i].Hyphen && i+1 < len(toks) && toks[i+1].Word && toks[i+1].Capitalized() {
		j := i + 1
		for j+1 < len(toks) && j < i+5 && toks[j+1].Word && (toks[j+1].Capitalized() || toks[j+1].Hyphen) {
			j++
		}
		next := ""
		if j+1 < len(toks) {
			next = toks[j+1].Norm
		}
		switch next {
		case "a", "an", "the", "s", "'s", "’s", "as", "it", "his", "her", "their", "its", "for", "to":
		default:
			if j+1 >= len(toks) || toks[j+1].Text != "'s" && toks[j+1].Text != "’s" {
				return "TALKS", i
			}
		}
	}
	// "sailed between the islands", "steamed past Gotland": a ship's verb of motion and a
	// preposition of path is a transit, whatever the pair
	if shipMotionVerbs[toks[i].Norm] && i+1 < len(toks) && pathPrepositions[toks[i+1].Norm] {
		return "TRANSIT", i + 1
	}
	// "The Sig has been under United States sanctions since 2019", "tankers under EU
	// sanctions": what is under someone's sanctions is sanctioned by them
	if toks[i].Norm == "sanctions" && underSanctions(toks, i) >= 0 {
		return "SANCTION", i
	}
	// "left Pyongyang on October 31 for Moscow", "the vessel had left Venezuela": leaving a
	// named place is a passage (not "left four dead", "left the talks")
	if toks[i].Norm == "left" && i > 0 && i+1 < len(toks) && toks[i+1].Word && toks[i+1].Capitalized() && !stopCaps[toks[i+1].Norm] {
		return "TRANSIT", i
	}
	// ("sailed back through the English Channel")
	if shipMotionVerbs[toks[i].Norm] && i+2 < len(toks) && (toks[i+1].Norm == "back" || toks[i+1].Norm == "on") && pathPrepositions[toks[i+2].Norm] {
		return "TRANSIT", i + 2
	}
	// "rejected the accusation", "dismissed the claims as lies": a denial of what is claimed
	if denialVerbs[toks[i].Norm] {
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if claimNouns[toks[k].Norm] {
				return "DENIAL", i
			}
			if !toks[k].Word {
				break
			}
		}
	}
	// "Cambodia accused Thailand of using cluster munitions": weapons someone is accused of
	// using are that one's strike (alleged)
	if toks[i].Norm == "using" && i >= 3 && toks[i-1].Norm == "of" && accusedOfRe.MatchString(strings.ToLower(joinNorms(toks, max(0, i-8), i))) {
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if usedWeapons[toks[k].Norm] || toks[k].Norm == "munitions" || toks[k].Norm == "weapons" || airborneNouns[toks[k].Norm] || goodsNouns[toks[k].Norm] {
				return "STRIKE", i
			}
		}
	}
	// "Russia has used hundreds of Shahed drones against Ukrainian cities": weapons used
	// against someone are a strike
	if w := toks[i].Norm; w == "used" || w == "uses" || w == "using" {
		armed := false
		for k := i + 1; k < len(toks) && k <= i+8 && toks[k].Text != "," && toks[k].Text != ";"; k++ {
			armed = armed || goodsNouns[toks[k].Norm] || airborneNouns[toks[k].Norm] || usedWeapons[toks[k].Norm]
			if toks[k].Norm == "against" && armed {
				return "STRIKE", i
			}
		}
	}
	// "destroyed 40 drones", "destroyed the missile": an interception when a weapon follows
	if w := toks[i].Norm; w == "destroyed" || w == "destroying" || w == "destroy" {
		for k := i + 1; k < len(toks) && k <= i+5 && toks[k].Text != "," && toks[k].Text != ";"; k++ {
			if airborneNouns[toks[k].Norm] {
				return "INTERCEPTION", i
			}
		}
		// "US forces destroyed a boat", "destroyed an ammunition depot": a ship, a site or a
		// vehicle destroyed is struck (not "destroyed documents"; nor the boats destroyed
		// by those who "repelled an attempt to land": that repulsion's)
		repelled := tokenIn(toks, 0, i, "repelled") || tokenIn(toks, 0, i, "repelling") || tokenIn(toks, 0, i, "intercepted")
		for k := i + 1; !repelled && k < len(toks) && k <= i+5 && toks[k].Text != "," && toks[k].Text != ";" && !destroyedStops[toks[k].Norm]; k++ {
			if k+1 < len(toks) && isPossessive(toks[k+1]) {
				continue // ("the ship's cargo": the possessor is not what was destroyed)
			}
			if n := toks[k].Norm; vesselNouns[strings.TrimSuffix(n, "s")] || aimNouns[n] && n != "troops" && n != "territory" && n != "area" && n != "areas" || destroyedThings[n] {
				return "STRIKE", i
			}
		}
		// "Four of them were destroyed by air defence systems": what air defences destroy
		// they intercept
		if w == "destroyed" && i+1 < len(toks) && toks[i+1].Norm == "by" {
			for k := i + 2; k+1 < len(toks) && k <= i+4; k++ {
				if toks[k].Norm == "air" && airDefenceWords[toks[k+1].Norm] {
					return "INTERCEPTION", i
				}
			}
		}
		// "the drones which posed a threat had been destroyed": in the passive, the weapon
		// before it
		if w == "destroyed" && i > 0 && beVerbs[toks[i-1].Norm] {
			for k := i - 2; k >= 0 && k >= i-10 && toks[k].Text != ";" && toks[k].Text != ","; k-- {
				if airborneNouns[toks[k].Norm] {
					return "INTERCEPTION", i
				}
			}
		}
	}
	// "they had sunk the bulk carrier Eternity C", "was sunk by Ukrainian missiles": a ship
	// sunk by someone is struck (not "the ferry sank": it sank by itself)
	if w := toks[i].Norm; w == "sank" || w == "sunk" || w == "sink" || w == "sinking" {
		if i+1 < len(toks) && toks[i+1].Norm == "by" && i > 0 && beVerbs[toks[i-1].Norm] {
			return "STRIKE", i
		}
		for k := i + 1; k < len(toks) && k <= i+6 && toks[k].Word; k++ {
			if vesselNouns[strings.TrimSuffix(toks[k].Norm, "s")] {
				return "STRIKE", i
			}
		}
	}
	// "forced the plane to turn back", "was forced to land": an aircraft or ship turned
	// away is intercepted; "escorted the bomber out of the area", "chased the corvette
	// away": an escort or chase that sends it off (not "escorted the convoy")
	if w := toks[i].Norm; w == "forced" || w == "forcing" || w == "force" || w == "forces" {
		for k := i + 1; k+1 < len(toks) && k <= i+7 && toks[k].Word; k++ {
			if toks[k].Norm == "to" {
				if n := toks[k+1].Norm; n == "turn" && k+2 < len(toks) && (toks[k+2].Norm == "back" || toks[k+2].Norm == "around" || toks[k+2].Norm == "away") || n == "land" || n == "leave" {
					if n != "land" && n != "leave" || interceptedBetween(toks, i-6, k) {
						return "INTERCEPTION", i
					}
				}
				break
			}
		}
	}
	if w := toks[i].Norm; w == "escorted" || w == "escorting" || w == "chased" || w == "chasing" || w == "drove" || w == "driven" || w == "pushed" {
		for k := i + 1; k < len(toks) && k <= i+6 && toks[k].Word; k++ {
			if (toks[k].Norm == "away" || toks[k].Norm == "off" || toks[k].Norm == "out" && k+1 < len(toks) && toks[k+1].Norm == "of") && interceptedBetween(toks, i-6, k) {
				return "INTERCEPTION", i
			}
		}
	}
	// "told the army to withdraw", "telling his fighters to return": an order to the one
	// told (not "told reporters", "told Reuters")
	if w := toks[i].Norm; w == "told" || w == "tells" || w == "telling" || w == "tell" {
		if i+1 < len(toks) && toks[i+1].Word && !toldListeners[toks[i+1].Norm] {
			for k := i + 2; k+1 < len(toks) && k <= i+5 && toks[k].Word; k++ {
				if toldListeners[toks[k].Norm] {
					break
				}
				if toks[k].Norm == "to" {
					// (not a person told: "told him to leave", "told his envoy Steve Witkoff to
					// warn" is no order of the sets' gold)
					if n := toks[k+1]; n.Word && !n.Capitalized() && !determinerWords[n.Norm] && n.Norm != "a" &&
						toks[i+1].Norm != "him" && toks[i+1].Norm != "her" && !personTold(toks, i+1, k) {
						return "ORDER", i
					}
					break
				}
			}
		}
	}
	// "took out three drones": an interception when a weapon in the air follows
	if w := toks[i].Norm; (w == "took" || w == "taken" || w == "take" || w == "takes" || w == "taking") && i+1 < len(toks) && toks[i+1].Norm == "out" {
		for k := i + 2; k < len(toks) && k <= i+6 && toks[k].Word; k++ {
			if airborneNouns[toks[k].Norm] {
				return "INTERCEPTION", i + 1
			}
		}
	}
	// "Putin received Witkoff in the Kremlin": a meeting when a person is received
	if w := toks[i].Norm; w == "received" || w == "receives" || w == "receiving" {
		if k := i + 1; k < len(toks) && toks[k].Word && toks[k].Capitalized() {
			return "MEETING", i
		}
	}
	// "declared martial law", "declared a state of emergency in the region": an order
	if w := toks[i].Norm; w == "declared" || w == "declares" || w == "declare" || w == "declaring" {
		for k := i + 1; k < len(toks) && k <= i+6 && toks[k].Word; k++ {
			if decreedStates[toks[k].Norm] || toks[k].Norm == "law" && toks[k-1].Norm == "martial" || toks[k].Norm == "emergency" && toks[k-1].Norm == "of" {
				return "ORDER", i
			}
		}
	}
	// "list the group as a terrorist organisation", "designated it as a terrorist group": a
	// sanction
	if w := toks[i].Norm; w == "list" || w == "lists" || w == "listed" || w == "listing" || w == "designate" || w == "designated" || w == "designates" {
		for k := i + 1; k+1 < len(toks) && k <= i+7 && toks[k].Text != ","; k++ {
			if toks[k].Norm == "as" && (toks[k+1].Norm == "terrorist" || toks[k+1].Norm == "terrorists" || k+2 < len(toks) && toks[k+1].Norm == "a" && (toks[k+2].Norm == "terrorist" || toks[k+2].Norm == "foreign")) {
				return "SANCTION", i
			}
		}
	}
	// "pledged five million euros", "announced $2 billion in aid": money given is a supply
	if moneyVerbs[toks[i].Norm] && moneyAfter(toks, i+1) {
		return "SUPPLY", i
	}
	// "take the balloon down", "taking it down": an interception when what is taken down
	// flies (a pronoun, a weapon or an aircraft noun), not "took the flag down"
	if takeForms[toks[i].Norm] {
		for k := i + 2; k < len(toks) && k <= i+4; k++ {
			if !toks[k].Word {
				break
			}
			if toks[k].Norm == "down" {
				for j := i + 1; j < k; j++ {
					if w := toks[j].Norm; w == "it" || w == "them" || airborneNouns[w] || interceptedNouns[w] || w == "balloon" || w == "balloons" {
						return "INTERCEPTION", i
					}
				}
				break
			}
		}
	}
	// "shoot the drone down", "brought two of them down": the particle after the object
	if toks[i].Norm == "shoot" || toks[i].Norm == "shot" || toks[i].Norm == "bring" || toks[i].Norm == "brought" || toks[i].Norm == "shooting" {
		for k := i + 2; k < len(toks) && k <= i+5; k++ {
			if !toks[k].Word {
				break
			}
			if toks[k].Norm == "down" {
				return "INTERCEPTION", i
			}
		}
	}
	// "new measures against companies", "restrictive measures": sanctions
	if w := toks[i].Norm; w == "measures" && i > 0 && toks[i-1].Norm == "restrictive" {
		return "SANCTION", i
	} else if w == "measures" && !(i > 0 && protectiveWords[toks[i-1].Norm]) {
		// (against someone listed: "against companies", "against Russian banks", "against
		// Moscow"; not "security measures against drones")
		for k := i + 1; k < len(toks) && k <= i+5 && toks[k].Word; k++ {
			if toks[k].Norm == "against" || toks[k].Norm == "targeting" {
				for j := k + 1; j < len(toks) && j <= k+4 && toks[j].Word; j++ {
					if listedNouns[toks[j].Norm] || toks[j].Capitalized() {
						return "SANCTION", i
					}
				}
				break
			}
		}
	}
	// "the package targets companies", "the sanctions target 189 vessels": what a sanction
	// targets is listed, not struck
	if w := toks[i].Norm; w == "targets" || w == "target" || w == "targeted" || w == "targeting" {
		for k := i - 1; k >= 0 && k >= i-4 && toks[k].Word; k-- {
			if sanctionNouns[toks[k].Norm] {
				return "SANCTION", i
			}
		}
	}
	// "keep targeting the networks that supply them", "targets banks": a sanction when what
	// is targeted is a network, firm or bank (the listed, not a place struck)
	if w := toks[i].Norm; w == "targets" || w == "target" || w == "targeting" {
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].Word; k++ {
			if listedNouns[toks[k].Norm] && toks[k].Norm != "vessels" && toks[k].Norm != "ships" && toks[k].Norm != "tankers" && toks[k].Norm != "people" && toks[k].Norm != "officials" || toks[k].Norm == "networks" || toks[k].Norm == "suppliers" {
				return "SANCTION", i
			}
		}
	}
	// "The sanctions freeze any assets ...", "the sanctions bar": a definite sanctions noun
	// as the subject of a verb re-mentions the sanction named before
	if w := toks[i].Norm; (w == "sanctions" || w == "measures") && i > 0 && (toks[i-1].Norm == "the" || toks[i-1].Norm == "these") && i+1 < len(toks) && sanctionEffectVerbs[toks[i+1].Norm] {
		return "SANCTION", i
	}
	// "similar listings", "new listings": sanctions listings
	if toks[i].Norm == "listings" && i > 0 && listingQualifiers[toks[i-1].Norm] {
		return "SANCTION", i
	}
	// "is bringing a nuclear-armed submarine to the peninsula", "brought troops to the
	// border": a deployment when troops or platforms are brought (decided with the
	// mentions, in disambiguate)
	if w := toks[i].Norm; (w == "bringing" || w == "brought" || w == "bring" || w == "brings") && !(i+1 < len(toks) && toks[i+1].Norm == "down") {
		for k := i + 1; k < len(toks) && k <= i+7 && toks[k].Word; k++ {
			if toks[k].Norm == "to" || toks[k].Norm == "into" {
				return "DEPLOYMENT", i
			}
		}
	}
	// "helping Moscow obtain parts", "helped Iran acquire drones": a supply to the one helped
	if w := toks[i].Norm; w == "helping" || w == "helped" || w == "help" || w == "helps" {
		for k := i + 2; k < len(toks) && k <= i+4; k++ {
			if obtainVerbs[toks[k].Norm] {
				return "SUPPLY", i
			}
			if !toks[k].Word {
				break
			}
		}
	}
	// "blacklist 200 ships", "listed 189 vessels": a sanction when what is listed follows
	if w := toks[i].Norm; w == "list" || w == "listed" || w == "lists" || w == "blacklist" || w == "blacklisting" || w == "listing" {
		for k := i + 1; k < len(toks) && k <= i+6; k++ {
			if listedNouns[toks[k].Norm] {
				return "SANCTION", i
			}
			if !toks[k].Word && toks[k].Text != "," || toks[k].Norm == "to" || toks[k].Norm == "of" {
				break
			}
		}
	}
	// "added to the sanctions list", "placed on the EU's sanctions list": a sanction whose
	// object is what is listed
	switch toks[i].Norm {
	case "added", "placed", "put", "included", "adds", "adding", "add":
		for k := i + 1; k < len(toks) && k <= i+10; k++ {
			if !toks[k].Word && toks[k].Text != "'s" && toks[k].Text != "’s" {
				break
			}
			if toks[k].Norm == "blacklist" || toks[k].Norm == "list" && toks[k-1].Norm == "sanctions" {
				return "SANCTION", k
			}
			// ("The bloc added the Eventin to that list": the list named before)
			if toks[k].Norm == "list" && k >= 2 && toks[k-1].Norm == "that" && toks[k-2].Norm == "to" {
				return "SANCTION", k
			}
		}
	}
	// the longest phrase of triggers that starts here (only words that start one are tried,
	// and a phrase's key is built only then: this runs for every token)
	longest := triggerFirst[toks[i].Norm]
	if longest == 0 || !toks[i].Word {
		return "", i
	}
	for n := min(longest, 3); n >= 2; n-- {
		if i+n > len(toks) {
			continue
		}
		var b strings.Builder
		ok := true
		for k := i; k < i+n; k++ {
			if !toks[k].Word {
				ok = false
				break
			}
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(toks[k].Norm)
		}
		if !ok {
			continue
		}
		if t, found := triggers[b.String()]; found {
			return t, i + n - 1
		}
	}
	if t, found := triggers[toks[i].Norm]; found {
		return t, i
	}
	return "", i
}

// triggerFirst: the first word of each key of triggers -> the most words of a key it starts.
var triggerFirst = func() map[string]int {
	m := map[string]int{}
	for k := range triggers {
		f := strings.Fields(k)
		m[f[0]] = max(m[f[0]], len(f))
	}
	return m
}()

// clauseBounds returns the token range of the clause around token i: cut at ; and at
// conjunctions that start a new clause.
func clauseBounds(s *sentence, i int) (int, int) {
	toks := s.Tokens
	isCut := func(k int) bool {
		t := toks[k]
		// (", and he instructed him": a coordinated clause with a pronoun subject of its own;
		// ", and the British destroyer HMS Diamond shot down another": one with a subject
		// named by a noun phrase and a finite verb; "was studying the American plan when the
		// missiles struck": a "when" clause with a subject of its own, not a pronoun)
		return t.Text == ";" || t.Norm == "while" || t.Norm == "when" && k+1 < len(toks) && !subjectPronouns[toks[k+1].Norm] || t.Norm == "but" || t.Norm == "whereas" || t.Text == ":" || t.Text == "—" || t.Norm == "that" || t.Norm == "which" || t.Norm == "who" ||
			t.Norm == "and" && k > 0 && toks[k-1].Text == "," && k+1 < len(toks) && (subjectPronouns[toks[k+1].Norm] || possessedSubject(toks, k+1) || s.determinedSubject(k+1))
	}
	lo := i
	for lo > 0 && !isCut(lo-1) {
		lo--
	}
	// "while touring the plants": a participle right after the cut shares the subject
	if lo == i && lo > 0 && strings.HasSuffix(toks[i].Norm, "ing") && toks[lo-1].Norm == "while" {
		lo--
		for lo > 0 && !isCut(lo-1) {
			lo--
		}
	}
	// a relative clause closed by a comma before the trigger is parenthetical: "tankers,
	// which evade sanctions, are sailing through" keeps the tankers, "Navibulgar, the
	// company that owns the Vezhen, denied" keeps Navibulgar
	for lo > 1 && (toks[lo-1].Norm == "which" || toks[lo-1].Norm == "who" || toks[lo-1].Norm == "that" && toks[lo-2].Word && !speechVerbs[toks[lo-2].Norm] && lo >= 3 && commaBefore(toks, lo-2)) {
		closed := false
		for k := lo; k < i; k++ {
			if toks[k].Text == "," {
				closed = true
			}
		}
		if !closed {
			break
		}
		lo--
		for lo > 0 && !isCut(lo-1) {
			lo--
		}
	}
	hi := i
	for hi+1 < len(toks) {
		if isCut(hi + 1) {
			// ("Talks between A and B, who is paying a visit, were held at X": a relative
			// clause between commas before the main verb is passed over)
			if w := toks[hi+1].Norm; (w == "who" || w == "which") && toks[hi].Text == "," && hi+2 < len(toks) {
				if _, c := s.enclosingRelative(hi + 2); c > hi {
					hi = c
					continue
				}
			}
			break
		}
		hi++
	}
	return lo, hi
}

// determinedSubject: tokens from k are a noun phrase opened by an article ("the British
// destroyer HMS Diamond") and a finite verb right after it: a clause's subject and verb.
func (s *sentence) determinedSubject(k int) bool {
	if w := s.Tokens[k].Norm; w != "the" && w != "a" && w != "an" {
		return false
	}
	for j := k + 1; j < len(s.Tokens) && j <= k+7; j++ {
		// ("the UAE's president, Sheikh Mohamed bin Zayed, flew": a name in apposition)
		if s.Tokens[j].Text == "," && j > k+1 && s.noun(j-1) {
			c := j + 1
			for c < len(s.Tokens) && c <= j+6 && s.Tokens[c].Word && (s.Tokens[c].Capitalized() || nameParticles[s.Tokens[c].Norm]) {
				c++
			}
			if c > j+1 && c+1 < len(s.Tokens) && s.Tokens[c].Text == "," {
				if t := s.tag(c + 1); t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
					return true
				}
			}
			return false
		}
		switch t := s.tag(j); {
		case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD":
			return j > k+1 && s.noun(j-1)
		case strings.HasPrefix(t, "NN") || t == "JJ" || t == "POS" || t == "CD" || t == "VBN" || t == "HYPH" || !s.Tokens[j].Word && s.Tokens[j].Text == "-":
		default:
			return false
		}
	}
	return false
}

// hideoutNouns are places of a group struck: "a headquarters of Mossad".
var hideoutNouns = map[string]bool{"headquarters": true, "hideouts": true, "hideout": true, "camps": true, "camp": true,
	"base": true, "depots": true, "depot": true, "offices": true, "office": true, "stronghold": true}

// strikeObjects are what a strike on an organisation hits: "strikes on Houthi targets".
var strikeObjects = map[string]bool{"targets": true, "target": true, "positions": true, "position": true,
	"sites": true, "bases": true, "facilities": true, "infrastructure": true, "fighters": true, "militants": true,
	"strongholds": true, "commanders": true, "leaders": true}

// possessedSubject: tokens from k are a possessive determiner, up to three words and a form
// of "be" or "have": ", and our main subject was Ukraine" opens a clause of its own.
func possessedSubject(toks []token, k int) bool {
	switch toks[k].Norm {
	case "our", "their", "its", "his", "her", "my":
	default:
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		switch toks[j].Norm {
		case "was", "is", "were", "are", "has", "have", "had", "will":
			return j > k+1
		}
		if !toks[j].Word {
			return false
		}
	}
	return false
}

// commaBefore: a comma among the five tokens before token k (an apposition opens there).
func commaBefore(toks []token, k int) bool {
	for j := k; j >= 0 && j >= k-5; j-- {
		if toks[j].Text == "," {
			return true
		}
	}
	return false
}

// findEvents reads the events of a sentence from its triggers and the mentions around them.
// Each amount of the sentence goes to the event whose trigger is nearest to it; the
// amounts of a sentence without events are returned for the article.
func (d *doc) findEvents(s *sentence, ms []Mention, dates []DateMention, qs []QuantityMention, attr *Attribution) ([]factgraph.Event, []QuantityMention) {
	toks := s.Tokens
	d.curAttr = attr
	var out []factgraph.Event
	var at []int          // the trigger's byte offset of each event
	ends := map[int]int{} // the index in out of the event whose trigger ends at a token
	for i := 0; i < len(toks); i++ {
		typ, last := findTrigger(toks, i)
		// "The attack on the bridge took place at 3 a.m. ... it was carried out by the Kiev
		// regime": the act re-mentioned by the pronoun, done by the "by" phrase
		if typ == "" && toks[i].Norm == "carried" && i >= 2 && i+1 < len(toks) && toks[i+1].Norm == "out" && beVerbs[toks[i-1].Norm] &&
			(toks[i-2].Norm == "it" || toks[i-2].Norm == "this") && i+2 < len(toks) && toks[i+2].Norm == "by" {
			typ, last = d.lastActType(s.Index), i+1
		}
		// "the two armies exchanged heavy artillery fire", "traded fire": fire exchanged is
		// a strike by both sides
		// (only where both sides are the subject, "the two armies": other exchanges are read
		// by their own words)
		if (typ == "" || typ == "STRIKE") && i >= 3 && toks[i-3].Norm == "the" && toks[i-2].Norm == "two" && sidesNouns[toks[i-1].Norm] {
			if w := toks[i].Norm; w == "exchanged" || w == "exchange" || w == "exchanging" || w == "traded" || w == "trading" {
				for k := i + 1; k < len(toks) && k <= i+4; k++ {
					if toks[k].Norm == "fire" || toks[k].Norm == "gunfire" {
						// (the trigger is the verb: "heavy artillery fire" after it is what
						// was fired)
						typ, last = "STRIKE", i
						break
					}
					if !toks[k].Word {
						break
					}
				}
			}
		}
		// "North Korea flew hundreds of balloons across the border", "sent their own balloons
		// into the North": craft flown or sent over a border are an incursion
		if (typ == "" || typ == "SUPPLY" || typ == "DEPLOYMENT") && flyingVerbs[toks[i].Norm] {
			if l := d.intrusionAfter(toks, ms, i); l > 0 {
				typ, last = "INCURSION", i
			}
		}
		// "carried out an air aggression", "another Israeli missile aggression", "the
		// aggression wounded one civilian" (after a strike): a state media's word for a
		// strike (not "foreign aggression" in general, nor "an act of open aggression")
		if typ == "" && (toks[i].Norm == "aggression" || toks[i].Norm == "aggressions") && d.strikeAggression(toks, ms, i) {
			typ, last = "STRIKE", i
		}
		// "were being held pending a court hearing", "is held in custody": people held
		if typ == "" && toks[i].Norm == "held" && i > 0 && beVerbs[toks[i-1].Norm] && i+1 < len(toks) && heldHow[toks[i+1].Norm] &&
			(toks[i+1].Norm != "in" || i+2 < len(toks) && custodyNouns[toks[i+2].Norm]) {
			typ, last = "DETENTION", i
		}
		// "Mohamed Bazoum, is still being held at his residence": a person held at a home
		if typ == "" && toks[i].Norm == "held" && i > 0 && beVerbs[toks[i-1].Norm] && i+3 < len(toks) && toks[i+1].Norm == "at" &&
			(residenceNouns[toks[i+2].Norm] || residenceNouns[toks[i+3].Norm]) && d.personBefore(toks, ms, i, 6) {
			typ, last = "DETENTION", i
		}
		// "The ship arrived off Georgetown", "a yacht that was heading for the Gaza Strip",
		// "The yacht had left the port of Catania", "the ship's arrival": a vessel's
		// arrival, departure or heading is its passage
		if (typ == "" || typ == "VISIT") && vesselMotionWords[toks[i].Norm] {
			if l, ok := d.vesselMotion(s, ms, i); ok {
				typ, last = "TRANSIT", l
			}
		}
		if typ == "" || covered(ms, i) || adjectival(s, i, last, typ) {
			continue
		}
		// "the self-declared republic", "a so-called strike": a compound adjective
		if i > 0 && toks[i].Hyphen && hyphenPrefixes[toks[i-1].Norm] {
			i = last
			continue
		}
		typ = disambiguate(toks, ms, d, typ, i, last)
		if typ == "" || otherSense(s, ms, d, typ, i, last) || paused(s, i, last) || asked(s, i) {
			i = last
			continue
		}
		// a trigger used as a modifier of another noun: "production lines", "production
		// processes"; "production" right after "expand" is the expansion itself
		if (typ == "PRODUCTION" || typ == "TEST") && last+1 < len(toks) && compoundHeads[toks[last+1].Norm] {
			i = last
			continue
		}
		if typ == "PRODUCTION" && findType(out, "EXPANSION") != nil {
			i = last
			continue
		}
		lo, hi := clauseBounds(s, i)
		// a trigger in a leading phrase ("After the talks, Smith flew home", "Touring a
		// plant, the minister said"): its roles after it stop at the phrase's comma (its
		// doer is the main clause's subject, found apart)
		if mcs := s.mainClauseStart(); i < mcs && hi >= mcs {
			hi = mcs - 1
		} else if i >= mcs && lo < mcs && len(at) > 0 && at[0] < toks[mcs].Start {
			// (and the main clause's act has none of a leading phrase that tells an act of
			// its own: "A day before the strikes in Pakistan, the IRGC hit Erbil")
			lo = mcs
		}
		// "the inspections", "the deployment": the event named before, with its roles; a
		// doer before "the" is the subject of another verb ("Moscow acknowledged the
		// deployment")
		prev, anaphoric := d.lastRoles[typ]
		// ("a joint statement issued after the meeting" after talks: meetings and talks
		// re-mention each other)
		if !anaphoric && (typ == "MEETING" || typ == "TALKS") {
			other := map[string]string{"MEETING": "TALKS", "TALKS": "MEETING"}[typ]
			prev, anaphoric = d.lastRoles[other]
		}
		// ("the attack", "the raids" with no doer of their own: an act of force the article
		// tells as its own, the first of its type told with a doer, not the last one named,
		// which is often the background: "Israeli jets struck Iran, a response to Tehran's
		// barrage of October 1 ... Saudi Arabia condemned the attack" is Israel's; a noun
		// named before, a place, a day or "that" still pick another, below)
		if r, ok := d.leadRoles[typ]; ok && anaphoric && contextAgentTypes[typ] && i > 0 && toks[i-1].Norm == "the" {
			prev = r
		}
		// (the event last named by the same noun first: "the next summit" is the NATO
		// summit's, though a meeting of two leaders was named since)
		// (not an act of force in the singular named before in the plural: "the strike"
		// after "the American strikes on its nuclear sites" is the article's own)
		byNoun := typ + "|" + nounKey(toks[last].Norm)
		if contextAgentTypes[typ] && !strings.HasSuffix(toks[last].Norm, "s") {
			byNoun = typ + "|=" + toks[last].Norm
		}
		if r, ok := d.lastByNoun[byNoun]; ok {
			prev = r
		}
		// ("the next summit", "the latest talks": the same series, the same doers)
		// ("Friday's attack", "this morning's strike": a day's act is one told before)
		anaphoric = anaphoric && i > 0 && (definite[toks[i-1].Norm] || i > 1 && seriesWords[toks[i-1].Norm] && definite[toks[i-2].Norm] || timePossessive(toks, i))
		// ("the Geneva talks" after talks in Geneva: the event of that type named there)
		if r, ok := d.placeModifier(s, ms, i-1, typ); ok {
			prev, anaphoric = r, true
		}
		// ("the strikes in Pakistan": the event of that type told in a place of that
		// country, not the one the article leads with)
		if anaphoric && s.noun(last) && last+2 < len(toks) && toks[last+1].Norm == "in" {
			if k := mentionStartingAt(ms, last+2); k >= 0 && d.kindOf(ms[k].Entity) == factgraph.KindCountry {
				if r, ok := d.lastInCountry[typ+"|"+ms[k].Entity]; ok {
					prev = r
				}
			}
		}
		// ("watched the launch of the ICBM Hwasong-18" after another missile's launch: an act
		// whose "of" phrase names other weapons than the one before is another act)
		if anaphoric && s.noun(last) && last+1 < len(toks) && toks[last+1].Norm == "of" && otherWeaponsOf(d, ms, prev, last) {
			anaphoric = false
		}
		from := lo
		// (a cause named after "in retaliation for", "over": its roles follow it)
		if anaphoric || stanceObject(s, i) || s.noun(i) && causePhraseBefore(toks, i) {
			from = i
		}
		ev := d.buildEvent(s, ms, typ, i, last, from, hi)
		nothingLaunched := false
		// "Azerbaijani forces launched what Baku called anti-terrorist measures", "the
		// projectiles that Iran fired overnight": a launch told by a verb with nothing
		// launched is none (every launch of the sets' gold told by a verb has one)
		// (a satellite is launched though no weapon: "it would launch a satellite")
		// ("shortly after it was launched": a passive's subject is what was launched)
		if ev != nil && typ == "LAUNCH" && s.verb(i) && !passiveAt(toks, i) && !hasRoleType(ev.Roles, factgraph.RoleInstrument) &&
			tokenAt(toks, last+1, min(len(toks)-1, last+4), "satellite") < 0 && tokenAt(toks, last+1, min(len(toks)-1, last+4), "satellites") < 0 &&
			tokenAt(toks, last+1, min(len(toks)-1, last+3), "more") < 0 { // ("pledged to launch three more": the object elided)
			ev, nothingLaunched = nil, true
		}
		// "imposed sanctions on two Chinese companies": the companies are the targets, named
		// later (resolvePendingCount), not their country
		if ev != nil && typ == "SANCTION" {
			for k := 0; k < len(ev.Roles); k++ {
				r := ev.Roles[k]
				if r.Role != factgraph.RoleTarget || d.kindOf(r.Entity) != factgraph.KindCountry {
					continue
				}
				for _, m := range ms {
					if m.Entity != r.Entity || m.Rule != "gazetteer.demonym" || m.first < 1 || m.last+1 >= len(toks) || m.first <= last {
						continue
					}
					n := 0
					if v, ok := spelled[toks[m.first-1].Norm]; ok {
						n = int(v)
					} else if v, err := strconv.Atoi(toks[m.first-1].Text); err == nil {
						n = v
					}
					if n >= 1 && n <= 9 && groupNounKinds[toks[m.last+1].Norm] == factgraph.KindOrganization && s.tag(m.last+1) == "NNS" {
						ev.Roles = append(ev.Roles[:k], ev.Roles[k+1:]...)
						k--
						d.pendingCount = pendingCount{sentence: s.Index, n: n, country: r.Entity, noun: m.last + 1}
						break
					}
				}
			}
		}
		// "two Chinese companies that it says designed and shipped engines": an act in the
		// counted noun's relative clause with no doer is theirs, once they are named
		if pc := &d.pendingCount; ev != nil && typ != "SANCTION" && pc.n > 0 && pc.sentence == s.Index && pc.noun+1 < i && !hasRoleType(ev.Roles, factgraph.RoleAgent) &&
			(toks[pc.noun+1].Norm == "that" || toks[pc.noun+1].Norm == "which") && !tokenIn(toks, pc.noun+2, i, ",") && !tokenIn(toks, pc.noun+2, i, "which") {
			pc.rel = append(pc.rel, typ)
		}
		// "China imposed sanctions on US firms over arms sales to Taiwan": an act named as
		// the cause of another ("over", "in response to", "in retaliation for") is not the
		// doing of the clause's subject, who answers it
		// (but a call or meeting "with" someone is the subject's own: "was suspended over a
		// leaked phone call with Hun Sen")
		ownTalks := (typ == "TALKS" || typ == "MEETING") && tokenAt(toks, last+1, min(len(toks)-1, last+2), "with") >= 0 && passiveBefore(toks, i)
		if ev != nil && s.noun(i) && !ownTalks && causePhraseBefore(toks, i) && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < i {
			subj := ms[d.curSubject].Entity
			for k := 0; k < len(ev.Roles); k++ {
				if ev.Roles[k].Role == factgraph.RoleAgent && ev.Roles[k].Entity == subj {
					ev.Roles = append(ev.Roles[:k], ev.Roles[k+1:]...)
					k--
				}
			}
		}
		// "struck 60 targets ..., with support from Australia, Bahrain and Canada": the
		// countries that support an act take part in it; they are not where it happened
		if ev != nil && (typ == "STRIKE" || typ == "INTERCEPTION" || typ == "DEPLOYMENT") {
			for k, r := range ev.Roles {
				if (r.Role == factgraph.RoleLocation || r.Role == factgraph.RoleTarget) && d.kindOf(r.Entity) == factgraph.KindCountry && supportedBy(s, ms, r.Entity) {
					ev.Roles[k].Role = factgraph.RoleParticipant
				}
			}
			for _, m := range ms {
				if m.first > last && m.first <= hi && d.kindOf(m.Entity) == factgraph.KindCountry && !hasEntity(ev.Roles, m.Entity) && supportedBy(s, ms, m.Entity) {
					ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleParticipant, Entity: m.Entity})
				}
			}
		}
		// a strike on a place is where it struck: "strike Ukrainian cities", "attacks on the
		// country's energy grid" (facilities, vessels, weapons and groups struck stay its
		// targets: "hit the plant")
		if ev != nil && typ == "STRIKE" {
			// ("killed in the Israeli attack": the attacker's word is not also the place)
			for k := 0; k < len(ev.Roles); k++ {
				if r := ev.Roles[k]; r.Role != factgraph.RoleAgent && hasRole(ev.Roles, factgraph.RoleAgent, r.Entity) {
					ev.Roles = append(ev.Roles[:k], ev.Roles[k+1:]...)
					k--
				}
			}
			for k, r := range ev.Roles {
				if kind := d.kindOf(r.Entity); r.Role == factgraph.RoleTarget && (kind == factgraph.KindCountry || kind == factgraph.KindLocation) {
					if hasRole(ev.Roles, factgraph.RoleLocation, r.Entity) {
						continue
					}
					// (but a side's targets or positions are that side: "bombed Cambodian
					// military targets", "fired on Israeli positions")
					if sideTargeted(toks, ms, r.Entity, last) {
						continue
					}
					ev.Roles[k].Role = factgraph.RoleLocation
				}
			}
			// (but what fire is aimed at is its target: "fired 38 missiles at Kyiv, Dnipro
			// and other cities", "fired missiles at Ukrainian cities")
			if firingVerbs[toks[i].Norm] {
				for k, r := range ev.Roles {
					if kind := d.kindOf(r.Entity); r.Role == factgraph.RoleLocation && (kind == factgraph.KindCountry || kind == factgraph.KindLocation) {
						for _, m := range ms {
							if m.Entity == r.Entity && m.first > last && inAimList(toks, ms, last, m.first) {
								ev.Roles[k].Role = factgraph.RoleTarget
								break
							}
						}
					}
				}
			}
		}
		// "Most of them were shot down", "They were intercepted": a passive's plural
		// pronoun is the group of weapons coordinated in the sentence before ("launched
		// drones and missiles at Israel")
		if typ == "INTERCEPTION" && passiveAt(toks, i) && (ev == nil || !hasRoleType(ev.Roles, factgraph.RoleTarget)) && tokenIn(toks, max(lo, i-5), i, "them") != tokenIn(toks, max(lo, i-5), i, "they") {
			g := d.groups[factgraph.KindWeaponSystem]
			if len(g) < 2 || d.groupsAt[factgraph.KindWeaponSystem] != s.Index-1 {
				g = nil
				// ("fired five ATACMS missiles at Sevastopol. Four of them were destroyed":
				// the weapons fired in the sentence before)
				if d.firedAt == s.Index-1 && s.Index > 0 {
					g = d.fired
				}
			}
			if len(g) > 0 {
				if ev == nil {
					ev = &factgraph.Event{Type: typ}
				}
				for _, id := range g {
					if !hasEntity(ev.Roles, id) {
						ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleTarget, Entity: id})
					}
				}
			}
		}
		// "signed a decree that put the FSB in charge of ...": whom the decree puts in
		// charge (or orders, instructs) is its target
		if ev != nil && typ == "ORDER" && toks[last].Norm == "decree" || ev != nil && typ == "ORDER" && toks[last].Norm == "order" && last > i {
			if !hasRoleType(ev.Roles, factgraph.RoleTarget) {
				for k := last + 1; k < len(toks) && k <= last+3; k++ {
					if w := toks[k].Norm; w == "put" || w == "puts" || w == "putting" || w == "placed" || w == "placing" || w == "ordering" || w == "instructing" || w == "tasking" {
						if j := mentionStartingAtOrAfter(ms, k+1, k+3); j >= 0 && agentKinds[d.kindOf(ms[j].Entity)] && !hasEntity(ev.Roles, ms[j].Entity) {
							ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleTarget, Entity: ms[j].Entity})
						}
						break
					}
				}
			}
		}
		if anaphoric && (ev == nil || !hasRoleType(ev.Roles, factgraph.RoleAgent)) {
			if ev == nil {
				ev = &factgraph.Event{Type: typ}
			}
			// (the event named before decides: "called the incursion brazen" keeps Russia
			// the agent even if the clause also names Russia otherwise)
			// ("the attacks on other bases": the same doer, not the same targets and places)
			other := tokenIn(toks, i-2, min(len(toks), last+4), "other")
			for _, r := range prev {
				if other && r.Role != factgraph.RoleAgent {
					continue
				}
				if !hasEntity(ev.Roles, r.Entity) {
					ev.Roles = append(ev.Roles, r)
				} else if r.Role == factgraph.RoleAgent {
					for k := range ev.Roles {
						if ev.Roles[k].Entity == r.Entity {
							ev.Roles[k].Role = r.Role
						}
					}
				}
			}
		}
		// "its officers carried out boarding and inspection": a noun trigger coordinated
		// with the trigger before it has its doers
		if k, ok := ends[i-2]; ok && i >= 2 && toks[i-1].Norm == "and" && s.noun(i) && (ev == nil || !hasRoleType(ev.Roles, factgraph.RoleAgent)) {
			if ev == nil {
				ev = &factgraph.Event{Type: typ}
			}
			for _, r := range out[k].Roles {
				if r.Role == factgraph.RoleAgent && !hasEntity(ev.Roles, r.Entity) {
					ev.Roles = append(ev.Roles, r)
				}
			}
		}
		// "The package also targets companies", "the measures": the sanction named before
		// is the one whose doer acts
		if typ == "SANCTION" && (ev == nil || !hasRoleType(ev.Roles, factgraph.RoleAgent)) && sanctionSubject(toks, lo, i) {
			if ev == nil {
				ev = &factgraph.Event{Type: typ}
			}
			for _, r := range d.lastRoles[typ] {
				if r.Role == factgraph.RoleAgent && !hasEntity(ev.Roles, r.Entity) {
					ev.Roles = append(ev.Roles, r)
				}
			}
		}
		// the same act told again: an act with no doer of its own on the target of the
		// event of its type named before is that event ("Rebels seized the tanker Orla.
		// The vessel was boarded at dawn by gunmen": the rebels')
		if ev != nil && !hasRoleType(ev.Roles, factgraph.RoleAgent) && hasRoleType(ev.Roles, factgraph.RoleTarget) && passiveAt(toks, i) && d.lastRolesAt[typ] == s.Index-1 && s.byPhraseUnnamed(ms, last, hi) {
			shared := false
			for _, r := range ev.Roles {
				if r.Role == factgraph.RoleTarget && hasRole(prev, factgraph.RoleTarget, r.Entity) {
					shared = true
				}
			}
			if shared {
				for _, r := range prev {
					if r.Role == factgraph.RoleAgent && !hasEntity(ev.Roles, r.Entity) {
						ev.Roles = append([]factgraph.Role{r}, ev.Roles...)
					}
				}
			}
		}
		// an act of force told with no one in it ("all 24 sailors had been taken
		// prisoner", "the strike took place") is kept for now: the article's context may
		// give its doer (contextAgents drops it if not)
		tentative := false
		// (not a bare plural, which is generic: "intercepts over the sea are not unusual")
		// (an act whose doer the text names by a plain noun, "Defector groups sent balloons
		// into the North", is kept as told, with no doer)
		common := ev != nil && commonSubject(s, ms, i)
		if contextAgentTypes[typ] && (ev == nil || onlyLocation(ev.Roles)) && !bareNoun(s, i) && !common && !nothingLaunched {
			if ev == nil {
				ev = &factgraph.Event{Type: typ}
			}
			tentative = true
		}
		// (an event with only places is dropped, but a passage between two places or more is
		// told for itself: "the truck passed through Bulgaria, Georgia and Armenia")
		if ev == nil || !tentative && !common && onlyLocation(ev.Roles) && !(typ == "TRANSIT" && distinctRoles(ev.Roles) >= 2) || (typ == "SUPPLY" && !hasRoleType(ev.Roles, factgraph.RoleInstrument) && !hasRoleType(ev.Roles, factgraph.RoleBeneficiary) && !moneyAfter(toks, last+1) && !goodsObject(s, last)) {
			i = last
			continue
		}
		// "the ship's arrival" after "The ship arrived off Georgetown": the passage told
		// before, where it went
		if typ == "TRANSIT" && s.noun(i) && hasRoleType(ev.Roles, factgraph.RoleAgent) && !hasRoleType(ev.Roles, factgraph.RoleLocation) && sameAgent(d.lastRoles[typ], ev.Roles) {
			for _, r := range d.lastRoles[typ] {
				if r.Role == factgraph.RoleLocation {
					ev.Roles = append(ev.Roles, r)
				}
			}
		}
		// "Moscow has accused the United States and Britain of the attack": the accused do
		// the act, whichever act "the attack" re-mentions
		if acc := d.accusedOf(s, ms, i, agentKindsFor(typ)); len(acc) > 0 {
			ev.Roles, tentative = withAgents(ev.Roles, acc), false
		} else if b := d.blamedFor(s, ms, i, agentKindsFor(typ)); b != "" {
			ev.Roles, tentative = withAgents(ev.Roles, []string{b}), false
		}
		// "Ukraine has denied any involvement in the sabotage", "denied any role in the
		// attack": the act whose part is denied is the denier's, denied
		denier := d.deniedPart(s, ms, i)
		if denier != "" && agentKindsFor(typ)[d.kindOf(denier)] {
			ev.Roles, tentative = withAgents(ev.Roles, []string{denier}), false
		}
		// "Iran's foreign ministry says Tehran had no role in the attack": the state's body
		// that says so denies it (a state's own words are its body's)
		if typ == "DENIAL" && attr != nil && attr.Source != "" && d.kindOf(attr.Source) == factgraph.KindOrganization {
			if agents := agentsOf(ev.Roles); len(agents) == 1 && d.kindOf(agents[0]) == factgraph.KindCountry && d.countryOf(attr.Source) == agents[0] {
				ev.Roles = withAgents(ev.Roles, []string{attr.Source})
			}
		}
		// "repelled a large-scale Ukrainian attack", "were repelling those attacks": what is
		// repelled is the attack's doer
		if typ == "INTERCEPTION" && repelVerbs[toks[i].Norm] && !hasRoleType(ev.Roles, factgraph.RoleTarget) {
			for k := last + 1; k < len(toks) && k <= last+6; k++ {
				if !attackNouns[toks[k].Norm] {
					if !toks[k].Word {
						break
					}
					continue
				}
				doer := ""
				if c := mentionEndingAt(ms, k-1); c >= 0 && d.kindOf(ms[c].Entity) == factgraph.KindCountry {
					doer = ms[c].Entity // ("a Ukrainian attack")
				} else if w := toks[k-1].Norm; w == "those" || w == "these" || w == "the" {
					for _, r := range d.lastRoles["STRIKE"] {
						if r.Role == factgraph.RoleAgent && doer == "" {
							doer = r.Entity // ("those attacks": the strikes told before)
						}
					}
				}
				if doer != "" && !hasEntity(ev.Roles, doer) {
					ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleTarget, Entity: doer})
				}
				break
			}
		}
		// "Grozny, Mozdok and Vladikavkaz were being attacked by Ukrainian drones": cities
		// that are attacked are the target, as cities fired at are
		if typ == "STRIKE" && s.verb(i) && passiveAt(toks, i) {
			for k := range ev.Roles {
				if r := ev.Roles[k]; r.Role == factgraph.RoleLocation && d.isCity(r.Entity) {
					for _, m := range ms {
						if m.Entity == r.Entity && m.last < i && m.first >= lo {
							ev.Roles[k].Role = factgraph.RoleTarget
							break
						}
					}
				}
			}
		}
		// "the two armies exchanged fire": the two countries the article names most (the
		// later of a tie)
		if typ == "STRIKE" && s.verb(i) && !hasRoleType(ev.Roles, factgraph.RoleAgent) && i >= 3 && toks[i-3].Norm == "the" && toks[i-2].Norm == "two" && sidesNouns[toks[i-1].Norm] {
			if a := d.salientCountry(nil); a != "" {
				if b := d.salientCountry([]string{a}); b != "" {
					ev.Roles = withAgents(ev.Roles, []string{b, a})
					tentative = false
				}
			}
		}
		// "nine months after their meeting at the Vostochny Cosmodrome": "their" are the
		// parties of the talks or meeting told before, all doers; "Present at the talks ...
		// were Choe Son Hui and ... Sergei Lavrov": those present take part in the talks
		// told before, whose doers they keep
		if (typ == "MEETING" || typ == "TALKS") && s.noun(i) {
			if p := i - 1; p >= 0 && (toks[p].Norm == "their" || p >= 1 && toks[p-1].Norm == "their" && s.tag(p) == "JJ") {
				if ps := d.partiesBefore(); len(ps) >= 2 {
					ev.Roles = withAgents(ev.Roles, ps)
					tentative = false
				}
			}
			if i == 3 && toks[0].Norm == "present" && toks[1].Norm == "at" && toks[2].Norm == "the" {
				if ps := d.partiesBefore(); len(ps) >= 2 {
					var present []string
					for _, r := range ev.Roles {
						if (r.Role == factgraph.RoleAgent || r.Role == factgraph.RoleParticipant) && d.kindOf(r.Entity) == factgraph.KindPerson && !slices.Contains(ps, r.Entity) {
							present = append(present, r.Entity)
						}
					}
					ev.Roles = withAgents(slices.DeleteFunc(ev.Roles, func(r factgraph.Role) bool {
						return slices.Contains(present, r.Entity)
					}), ps)
					for _, p := range present {
						ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleParticipant, Entity: p})
					}
					tentative = false
				}
			}
		}
		// "Albanese attended the APEC summit in San Francisco": those who attend a meeting
		// and the body whose meeting it is take part; no one holds it
		if typ == "MEETING" && s.noun(i) {
			if at := attendVerbBefore(toks, i); at >= 0 {
				for k := range ev.Roles {
					if ev.Roles[k].Role == factgraph.RoleAgent {
						ev.Roles[k].Role = factgraph.RoleParticipant
					}
				}
				v := at
				for v > 0 && (auxiliaries[toks[v-1].Norm] || s.tag(v-1) == "RB") {
					v--
				}
				if k := mentionEndingAt(ms, v-1); k >= 0 && agentKinds[d.kindOf(ms[k].Entity)] && !hasEntity(ev.Roles, ms[k].Entity) {
					ev.Roles = append([]factgraph.Role{{Role: factgraph.RoleParticipant, Entity: ms[k].Entity}}, ev.Roles...)
				} else if k >= 0 && hasEntity(ev.Roles, ms[k].Entity) {
					for n := range ev.Roles {
						if ev.Roles[n].Entity == ms[k].Entity {
							ev.Roles[n].Role = factgraph.RoleParticipant
						}
					}
				}
				tentative = false
			}
		}
		// "Pyongyang, June 20 (KCNA) -- Talks between ...": the dateline's agency tells, it
		// does nothing
		if loc := datelineRe.FindStringIndex(s.Text); loc != nil {
			ev.Roles = slices.DeleteFunc(ev.Roles, func(r factgraph.Role) bool {
				for _, m := range ms {
					if m.Entity == r.Entity && m.Start >= s.Start+loc[1] {
						return false
					}
				}
				return r.Role == factgraph.RoleAgent
			})
		}
		// "Iran-backed militias attacked the base": a sponsor is no doer; "carried out by
		// Iran-backed groups, and it has the footprints of Kataib Hezbollah": the group whose
		// marks the act bears is (nor a place: "struck Kyiv with Iranian-made drones")
		if agents := agentsOf(ev.Roles); len(agents) > 0 {
			var keep []string
			for _, a := range agents {
				if !sponsorOnly(s, ms, a) {
					keep = append(keep, a)
				}
			}
			if len(keep) < len(agents) {
				if fp := footprintsOf(s, ms); fp != "" && !slices.Contains(keep, fp) {
					keep = append([]string{fp}, keep...)
				}
				ev.Roles = withAgents(ev.Roles, keep)
				tentative = tentative || len(keep) == 0 && contextAgentTypes[typ]
			}
		}
		ev.Roles = slices.DeleteFunc(ev.Roles, func(r factgraph.Role) bool {
			return r.Role != factgraph.RoleAgent && d.kindOf(r.Entity) == factgraph.KindCountry && sponsorOnly(s, ms, r.Entity)
		})
		// "struck three facilities in Iraq used by Kataib Hezbollah": the users of what is
		// struck are its target
		if typ == "STRIKE" {
			if u := d.usersOf(s, ms, last, hi); u != "" {
				ev.Roles = append(slices.DeleteFunc(ev.Roles, func(r factgraph.Role) bool { return r.Entity == u }),
					factgraph.Role{Role: factgraph.RoleTarget, Entity: u})
			}
		}
		// ("investigating the case as sabotage", "a probe into suspected sabotage": a
		// sabotage is an act of force only when its doer is named with it: a denier, a "by"
		// phrase, a modifier or a possessor; "the Danes confirmed it was sabotage" is not
		// the one who says so)
		if toks[i].Norm == "sabotage" {
			named := denier != "" || last+1 < len(toks) && toks[last+1].Norm == "by" || mentionEndingAt(ms, i-1) >= 0 ||
				i >= 2 && (toks[i-1].Text == "'s" || toks[i-1].Text == "’s") && mentionEndingAt(ms, i-2) >= 0
			if tentative || !hasRoleType(ev.Roles, factgraph.RoleAgent) || !named {
				i = last
				continue
			}
		}
		// (an act left with no role once a dateline's agency or a sponsor was taken out of
		// it, "(KCNA)--inspect", tells nothing; one kept for the context may still get a doer)
		if len(ev.Roles) == 0 && !tentative {
			i = last
			continue
		}
		// one event per type, agent and sentence: a second trigger ("talks" after
		// "discussed") names the same event; its roles are added to the first
		// (a first one with no doer takes the second's: "The talks, the first direct
		// Russian-Ukrainian negotiations, ...")
		// (not an act with a doer of its own in a relative clause after the first: "The
		// hospital was hit during a barrage in which Russia fired 38 missiles at Kyiv" tells
		// the hit and the firing)
		relAfter := false
		if k := slices.IndexFunc(out, func(e factgraph.Event) bool { return e.Type == typ }); k >= 0 && k < len(at) && hasRoleType(ev.Roles, factgraph.RoleAgent) && s.finite(i) {
			for j := 0; j < i; j++ {
				if toks[j].Start > at[k] && toks[j].Norm == "which" && j > 0 && (toks[j-1].Norm == "in" || toks[j-1].Norm == "during") {
					relAfter = true
				}
			}
			// (nor the main clause's act after a leading phrase's: "A day before the
			// strikes in Pakistan, the IRGC hit Erbil" tells two strikes)
			if mcs := s.mainClauseStart(); mcs > 0 && i >= mcs && at[k] < toks[mcs].Start {
				relAfter = true
			}
		}
		if prev := findType(out, typ); prev != nil && !relAfter && (!hasRoleType(ev.Roles, factgraph.RoleAgent) || sameAgent(prev.Roles, ev.Roles) || !hasRoleType(prev.Roles, factgraph.RoleAgent)) {
			for _, r := range ev.Roles {
				if !hasEntity(prev.Roles, r.Entity) {
					prev.Roles = append(prev.Roles, r)
				} else if r.Role == factgraph.RoleAgent {
					for k := range prev.Roles {
						if prev.Roles[k].Entity == r.Entity && prev.Roles[k].Role == factgraph.RoleParticipant {
							prev.Roles[k].Role = factgraph.RoleAgent
						}
					}
				}
			}
			i = last
			continue
		}
		d.lastRoles[typ] = ev.Roles
		if _, ok := d.leadRoles[typ]; !ok && hasRoleType(ev.Roles, factgraph.RoleAgent) && !(s.noun(i) && causePhraseBefore(toks, i)) {
			if d.leadRoles == nil {
				d.leadRoles = map[string][]factgraph.Role{}
			}
			d.leadRoles[typ] = ev.Roles
		}
		if d.lastRolesAt == nil {
			d.lastRolesAt = map[string]int{}
		}
		d.lastRolesAt[typ] = s.Index
		for _, r := range ev.Roles {
			if r.Role == factgraph.RoleLocation {
				if d.lastByPlace == nil {
					d.lastByPlace = map[string][]factgraph.Role{}
				}
				d.lastByPlace[typ+"|"+r.Entity] = ev.Roles
				// (and by the place's country, for "the strikes in Pakistan" after strikes in
				// its Balochistan Province)
				if c := d.countryOf(r.Entity); c != "" && d.kindOf(r.Entity) != factgraph.KindCountry {
					d.lastInCountry[typ+"|"+c] = ev.Roles
				}
			}
		}
		if s.noun(last) {
			d.lastByNoun[typ+"|"+nounKey(toks[last].Norm)] = ev.Roles
			d.lastByNoun[typ+"|="+toks[last].Norm] = ev.Roles
		}
		// time: the date of the sentence, if one (not the dateline's, "MOSCOW, June 24 (CW) -
		// Ukrainian forces fired ... on Sunday", when the sentence names another)
		if len(dates) > 0 {
			t := dates[0].Time
			if len(dates) > 1 && s.Index == 0 {
				if m := datelineCityRe.FindStringIndex(d.text[:min(len(d.text), 80)]); m != nil && dates[0].End <= m[1]+1 {
					t = dates[1].Time
				}
			}
			ev.Time = &t
		}
		mod, conf := d.modality(s, i)
		ev.Modality = mod
		ev.Confidence = &conf
		start, end := s.Start, s.End
		rule := "event." + strings.ToLower(typ) + "." + strings.ReplaceAll(wordSpan(toks, i, last), " ", "-")
		evd := factgraph.Evidence{Article: d.article.ID, Quote: s.Text, Start: &start, End: &end, Rule: rule}
		if attr != nil {
			evd.Attribution = attr.Name
		}
		ev.Evidence = []factgraph.Evidence{evd}
		ev.ID = fmt.Sprintf("event:%s-s%d-%s", strings.TrimPrefix(d.article.ID, "article:"), s.Index, strings.ToLower(typ))
		if findID(out, ev.ID) {
			ev.ID = fmt.Sprintf("%s-%d", ev.ID, i)
		}
		ev.Label = d.label(ev, toks[i:last+1])
		if tentative {
			if d.tentative == nil {
				d.tentative = map[string]bool{}
			}
			d.tentative[ev.ID] = true
		}
		if !hasRoleType(ev.Roles, factgraph.RoleAgent) && pronounDoer(toks, lo, i) {
			if d.byPronoun == nil {
				d.byPronoun = map[string]bool{}
			}
			d.byPronoun[ev.ID] = true
		}
		out = append(out, *ev)
		at = append(at, toks[i].Start)
		ends[last] = len(out) - 1
		i = last
	}
	// "Britain announced sanctions on Russia", "announced countermeasures against him": the
	// announcement of a sanction is that sanction, named once
	for a := 0; a < len(out); a++ {
		if out[a].Type != "ANNOUNCEMENT" {
			continue
		}
		for b := range out {
			if out[b].Type == "SANCTION" && at[b] > at[a] && len(strings.Fields(d.text[at[a]:at[b]])) <= 3 {
				// (the one who announces imposes: "Britain announced matching measures")
				if !hasRoleType(out[b].Roles, factgraph.RoleAgent) {
					for _, r := range out[a].Roles {
						if r.Role == factgraph.RoleAgent {
							out[b].Roles = append([]factgraph.Role{r}, out[b].Roles...)
						}
					}
				}
				out = append(out[:a], out[a+1:]...)
				at = append(at[:a], at[a+1:]...)
				a--
				break
			}
		}
	}
	if len(out) == 0 {
		return out, qs
	}
	d.orderedActs(out)
	// (not to an act told with no one in it, which may yet be dropped: its sentence's
	// amounts are the article's then)
	var rest []QuantityMention
	for _, q := range qs {
		best := -1
		for k := range out {
			if !d.tentative[out[k].ID] && (best < 0 || abs(at[k]-q.Start) < abs(at[best]-q.Start)) {
				best = k
			}
		}
		if best < 0 {
			rest = append(rest, q)
			continue
		}
		out[best].Quantities = append(out[best].Quantities, q.Quantity)
	}
	return out, rest
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func findID(evs []factgraph.Event, id string) bool {
	for i := range evs {
		if evs[i].ID == id {
			return true
		}
	}
	return false
}

func hasRoleType(rs []factgraph.Role, role string) bool {
	for _, r := range rs {
		if r.Role == role {
			return true
		}
	}
	return false
}

func onlyLocation(rs []factgraph.Role) bool {
	for _, r := range rs {
		if r.Role != factgraph.RoleLocation {
			return false
		}
	}
	return true
}

func sameAgent(a, b []factgraph.Role) bool {
	for _, r := range a {
		if r.Role == factgraph.RoleAgent && hasRole(b, factgraph.RoleAgent, r.Entity) {
			return true
		}
	}
	return false
}

func hasRole(rs []factgraph.Role, role, id string) bool {
	for _, r := range rs {
		if r.Role == role && r.Entity == id {
			return true
		}
	}
	return false
}

// nounKey folds a trigger noun's plural: "summits" and "summit" name the same series.
func nounKey(w string) string { return strings.TrimSuffix(w, "s") }

// seriesWords between "the" and a noun trigger keep it a re-mention: "the next summit".
var seriesWords = map[string]bool{"next": true, "latest": true, "previous": true, "last": true, "upcoming": true,
	"recent": true, "second": true, "third": true}

// definite determiners before a noun trigger refer to an event named before.
var definite = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true}

// timePossessors own an act by its day: "Friday's attack", "this morning's strike", "last
// week's talks".
var timePossessors = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "morning": true, "afternoon": true, "evening": true,
	"night": true, "yesterday": true, "today": true, "week": true, "weekend": true, "month": true}

// timePossessive: the noun trigger at i follows a day's possessive ("Friday's attack").
func timePossessive(toks []token, i int) bool {
	return i >= 2 && (toks[i-1].Norm == "'s" || toks[i-1].Norm == "’s") && timePossessors[toks[i-2].Norm]
}

// timePhraseBefore: a preposition of time or cause opens the phrase the noun at i is in
// ("After the strike,", "following Friday's attack", "amid the shelling").
func timePhraseBefore(toks []token, i int) bool {
	for p := i - 1; p >= 0 && p >= i-4; p-- {
		switch toks[p].Norm {
		case "after", "following", "before", "since", "amid", "despite", "during":
			return true
		case ",", "said", "says":
			return false
		}
	}
	return false
}

// compoundHeads: nouns that make a trigger before them a modifier ("production lines").
var compoundHeads = map[string]bool{
	"lines": true, "line": true, "processes": true, "process": true, "sector": true, "capacity": true,
	"facilities": true, "facility": true, "plant": true, "plants": true, "site": true, "sites": true,
	"base": true, "range": true, "ban": true, "regime": true, "list": true, "package": true, "packages": true,
}

// adjectival: a past participle right before what it describes ("sanctioned tankers",
// "escorted convoy") is not an event.
func adjectival(s *sentence, i, last int, typ string) bool {
	toks := s.Tokens
	w := toks[i].Norm
	if last != i || !strings.HasSuffix(w, "ed") || last+1 >= len(toks) || !toks[last+1].Word {
		return false
	}
	// a finite verb after its subject is no modifier: "Britain sanctioned both companies"
	// (or a pronoun: "It fired one missile", "They launched drones")
	if s.tag(i) == "VBD" && i > 0 && (s.noun(i-1) || s.tag(i-1) == "PRP") {
		return false
	}
	next := toks[last+1].Norm
	// ("fired one missile", "launched four drones": a count is the object's)
	if countWords[next] {
		return false
	}
	switch next {
	case "by", "the", "a", "an", "on", "in", "at", "to", "for", "with", "from", "over", "into", "and", "or",
		"that", "it", "them", "him", "her", "his", "its", "their", "several", "some", "two", "three", "more":
		return false
	}
	if isDigitByte(next[0]) {
		return false
	}
	return i > 0 && (toks[i-1].Word && !beVerbs[toks[i-1].Norm] && toks[i-1].Norm != "has" && toks[i-1].Norm != "have" && toks[i-1].Norm != "had") &&
		(typ == "SANCTION" || typ == "TEST" || typ == "LAUNCH")
}

// firstTimeClause: the trigger at i is the verb of a "the first time (...) that X had"
// clause: "first time" within the ten words before it, with no full stop of a clause (a
// semicolon, a new subject's "said") between.
func firstTimeClause(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-12; k-- {
		if toks[k].Text == ";" || toks[k].Text == "," || toks[k].Norm == "said" || toks[k].Norm == "says" {
			return false
		}
		if toks[k].Norm == "time" && toks[k-1].Norm == "first" {
			return true
		}
	}
	return false
}

// bareNoun: the trigger at i is a noun with no determiner or possessor before it ("intercepts
// over the sea", "strikes on ports are common"): a kind of act, not one act.
func bareNoun(s *sentence, i int) bool {
	if !s.noun(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := s.Tokens[k].Norm
		if definite[w] || w == "a" || w == "an" || w == "'s" || w == "’s" || possessiveDeterminer(w) {
			return false
		}
		if !s.Tokens[k].Word {
			break
		}
	}
	return true
}

// usedWeapons are arms that "used ... against" can take besides goods and airborne
// weapons: "used warplanes against", "used cluster bombs against".
var usedWeapons = map[string]bool{"bombs": true, "jets": true, "warplanes": true, "aircraft": true, "tanks": true,
	"weapon": true}

// putDownTo: the doer an act is attributed or blamed on ("was widely attributed to Israel",
// "blamed on Iran"), or the one who chairs or hosts a meeting named by a noun ("a meeting
// of the board chaired by Shoigu"): the mention after those words, within the clause after
// the trigger; "" if none.
func (d *doc) putDownTo(s *sentence, ms []Mention, typ string, last, hi int, kinds map[string]bool) string {
	toks := s.Tokens
	for k := last + 1; k+1 < len(toks) && k <= hi && k <= last+8; k++ {
		w, next := toks[k].Norm, toks[k+1].Norm
		held := (typ == "MEETING" || typ == "TALKS") && s.noun(last) && (w == "chaired" || w == "hosted" || w == "convened") && next == "by"
		if !(w == "attributed" && next == "to" || w == "blamed" && next == "on" || held) {
			if toks[k].Text == ";" || toks[k].Text == "," && !held {
				return ""
			}
			continue
		}
		for j := k + 2; j < len(toks) && j <= k+6; j++ {
			if m := mentionStartingAt(ms, j); m >= 0 {
				if kinds[d.kindOf(ms[m].Entity)] {
					return ms[m].Entity
				}
				return ""
			}
		}
		return ""
	}
	return ""
}

// causePhraseBefore: the noun at i names a cause: "over arms sales", "in response to the
// strikes", "in retaliation for the attack", "because of its support" (determiners,
// adjectives and modifiers between).
func causePhraseBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := toks[k].Norm
		if w == "over" || w == "because" && k+1 < i && toks[k+1].Norm == "of" ||
			(w == "to" || w == "for") && k > 1 && (toks[k-1].Norm == "response" || toks[k-1].Norm == "retaliation" || toks[k-1].Norm == "reprisal") {
			return true
		}
		if !toks[k].Word || toks[k].Norm == "and" {
			return false
		}
	}
	return false
}

// sanctioningBody: an organisation whose "targeted" means sanctioned: a treasury or
// finance ministry, a commerce department, the EU or its council, OFAC.
func sanctioningBody(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"treasury", "finance", "commerce", "european union", "council of the eu", "foreign assets control", "state department", "department of state"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// aimNouns are what fire is aimed at when no entity is named: "at Ukrainian cities".
var aimNouns = map[string]bool{"cities": true, "city": true, "targets": true, "target": true, "positions": true,
	"sites": true, "site": true, "locations": true, "facilities": true, "airfields": true, "airports": true,
	"ports": true, "installations": true, "camps": true, "depots": true,
	"villages": true, "town": true, "towns": true, "infrastructure": true, "ships": true, "ship": true, "vessels": true,
	"vessel": true, "troops": true, "base": true, "bases": true, "port": true, "territory": true, "areas": true, "area": true,
	"facility": true, "plant": true, "plants": true, "airfield": true, "airport": true, "depot": true, "camp": true,
	"village": true, "installation": true, "position": true, "warship": true, "warships": true, "tanker": true}

// What fire or a launch is aimed at (aimAt): nothing, a country ("launched 126 drones at
// Ukraine"), or something else: a place, a ship, a site, a pronoun.
const (
	aimNone = iota
	aimCountry
	aimThing
)

// aimAt: what an "at", "against", "toward" or "towards" in the clause after a firing or
// launching verb (ending at token last) aims it at.
func aimAt(toks []token, ms []Mention, d *doc, last int) int {
	for k := last + 1; k < len(toks) && k <= last+10; k++ {
		w := toks[k].Norm
		if w == "," || w == ";" || w == "to" || w == "that" || w == "which" || w == "and" && k+1 < len(toks) && toks[k+1].Word && !toks[k+1].Capitalized() && isParticiple(toks[k+1].Norm) {
			return aimNone
		}
		// ("firing into Thai territory": fire aimed into a state's territory)
		if w == "into" && k+2 < len(toks) && territoryNouns[toks[k+2].Norm] {
			if m := mentionStartingAt(ms, k+1); m >= 0 && d.kindOf(ms[m].Entity) == factgraph.KindCountry {
				return aimThing
			}
		}
		if w != "at" && w != "toward" && w != "towards" && w != "against" {
			continue
		}
		// ("fired artillery at them": what the pronoun stands for)
		if j := k + 1; j < len(toks) && (toks[j].Norm == "them" || toks[j].Norm == "it" || toks[j].Norm == "us") && toks[j].Text != "US" {
			return aimThing
		}
		for j := k + 1; j < len(toks) && j <= k+5; j++ {
			if m := mentionStartingAt(ms, j); m >= 0 && d.kindOf(ms[m].Entity) != factgraph.KindWeaponSystem {
				// ("against the Ukrainian city of Dnipro": the city's noun after the demonym)
				if d.kindOf(ms[m].Entity) == factgraph.KindCountry && !(ms[m].last+1 < len(toks) && aimNouns[toks[ms[m].last+1].Norm]) {
					return aimCountry
				}
				return aimThing
			}
			if aimNouns[toks[j].Norm] {
				return aimThing
			}
			// ("toward orbit from the Semnan site": the aim ends at another preposition)
			if w := toks[j].Norm; !toks[j].Word || w == "from" || w == "for" || w == "in" || w == "of" {
				break
			}
		}
		return aimNone
	}
	return aimNone
}

// launchedWeapon: a weapon, or a noun of something that flies at a target, is launched
// between the verb and the token at ("launched a missile against", not "launched an
// appeal at", "launched an investigation against").
func launchedWeapon(toks []token, ms []Mention, d *doc, last, at int) bool {
	for k := last + 1; k < at && k < len(toks); k++ {
		if j := mentionStartingAt(ms, k); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindWeaponSystem {
			return true
		}
		if airborneNouns[toks[k].Norm] {
			return true
		}
	}
	return false
}

// droppedOrdnance: bombs or munitions follow "dropped" (ending at token last), then "on"
// or "over" something, in the clause.
func droppedOrdnance(toks []token, ms []Mention, d *doc, last int) bool {
	for k := last + 1; k < len(toks) && k <= last+8; k++ {
		w := toks[k].Norm
		if w == "," || w == ";" || w == "that" || w == "which" {
			return false
		}
		end := -1
		if bombNouns[w] {
			end = k
		}
		if m := mentionStartingAt(ms, k); m >= 0 && d.kindOf(ms[m].Entity) == factgraph.KindWeaponSystem && bombNouns[toks[ms[m].last].Norm] {
			end = ms[m].last
		}
		// (the bomb noun heads the object, the place follows it: not "its munitions order
		// on Monday", "plans for bombs on Friday")
		if end >= 0 {
			if n := end + 1; n+1 < len(toks) && (toks[n].Norm == "on" || toks[n].Norm == "over" || toks[n].Norm == "onto") && !isWeekday(toks[n+1].Norm) && !tokenIn(toks, last+1, end, "for") {
				return true
			}
			return false
		}
	}
	return false
}

// landAt: the first mention starting in tokens from..to is a state's land, a country or
// a place of one ("into southern Lebanon"; not "into battle", "into the Gulf").
func (d *doc) landAt(ms []Mention, from, to int) bool {
	for q := from; q <= to; q++ {
		if j := mentionStartingAt(ms, q); j >= 0 {
			kind := d.kindOf(ms[j].Entity)
			return kind == factgraph.KindCountry || kind == factgraph.KindLocation && d.countryOf(ms[j].Entity) != ""
		}
	}
	return false
}

// isWeekday: w is a day's name ("on Monday").
func isWeekday(w string) bool {
	_, ok := weekdays[w]
	return ok
}

// bombNouns are dropped from the air.
var bombNouns = map[string]bool{"bomb": true, "bombs": true, "munitions": true, "munition": true,
	"ordnance": true, "explosives": true, "bunker-busters": true, "bunker-buster": true, "payloads": true}

// firingVerbs fire weapons at something.
var firingVerbs = map[string]bool{"fired": true, "firing": true, "fire": true, "fires": true}

// inAimList: the words from the firing verb's "at" (or "toward") to the token at are a list
// of names ("at Kyiv, Dnipro, Kryvyi Rih and", "at Ukrainian"), so what starts there is
// aimed at.
func inAimList(toks []token, ms []Mention, last, at int) bool {
	k := last // (the trigger may hold its "at": "fired at")
	for ; k < at && k <= last+10; k++ {
		if w := toks[k].Norm; w == "at" || w == "toward" || w == "towards" {
			break
		}
		if w := toks[k].Norm; k > last && (w == "," || w == ";" || w == "to" || w == "that" || w == "which" || w == "and") {
			return false
		}
	}
	if k >= at || k > last+10 {
		return false
	}
	for j := k + 1; j < at; j++ {
		if w := toks[j].Norm; w == "," || w == "and" || w == "the" || toks[j].Capitalized() || mentionAt(ms, j) != "" {
			continue
		}
		return false
	}
	return true
}

// s0WeaponOrAttackerBefore: a weapon, or a country or force, is named in the words before
// the verb at i, within its clause ("Ukrainian missiles damaged", "drones damaged").
func s0WeaponOrAttackerBefore(toks []token, ms []Mention, d *doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if toks[k].Text == "," || toks[k].Norm == "that" || toks[k].Norm == "which" {
			return false
		}
		if m := mentionEndingAt(ms, k); m >= 0 {
			switch d.kindOf(ms[m].Entity) {
			case factgraph.KindWeaponSystem, factgraph.KindCountry, factgraph.KindOrganization:
				return true
			}
		}
	}
	return false
}

// sendNouns: what was sent decides between a deployment and a supply.
var troopNouns = map[string]bool{"troops": true, "soldiers": true, "forces": true, "engineers": true, "workers": true,
	"units": true, "personnel": true, "builders": true, "instructors": true, "officers": true, "sappers": true, "men": true}
var goodsNouns = map[string]bool{"munitions": true, "shells": true, "missiles": true, "weapons": true, "arms": true,
	"containers": true, "ammunition": true, "drones": true, "rockets": true, "equipment": true, "artillery": true,
	// parts of weapons: "sent engines to the drone maker"
	"engines": true, "parts": true, "components": true}

// goodsObject: the verb ending at last takes goods as its object ("will provide
// ammunition, logistics and maintenance", "supplied more shells"): a supply with no named
// weapon or receiver.
func goodsObject(s *sentence, last int) bool {
	toks := s.Tokens
	if !s.verb(last) {
		return false
	}
	for k := last + 1; k < len(toks) && k <= last+3 && toks[k].Word; k++ {
		if goodsNouns[toks[k].Norm] {
			return true
		}
	}
	return false
}

// disambiguate: "sent troops" is a deployment, "sent munitions" a supply.
func disambiguate(toks []token, ms []Mention, d *doc, typ string, i, last int) string {
	// "had no role in the attack": a denial of a part in an act; "will have no role in the
	// government" denies none
	if typ == "DENIAL" && toks[i].Norm == "no" && !actAfter(toks, last) {
		return ""
	}
	// "the rebels seized Goma", "has captured large parts of North Kivu": a place taken is
	// entered by force
	if (typ == "DETENTION" && strings.HasPrefix(toks[i].Norm, "seiz") || typ == "INCURSION" && placeTakingVerbs[toks[i].Norm]) && placeTaken(toks, ms, d, i, last) {
		return "INCURSION"
	}
	if typ == "INCURSION" && placeTakingVerbs[toks[i].Norm] && !placeTaken(toks, ms, d, i, last) {
		return ""
	}
	// "the destroyer entered the Red Sea through the Bab el-Mandeb Strait": open water
	// entered is a passage (a state's waters or airspace entered is an incursion)
	if typ == "INCURSION" && strings.HasPrefix(toks[i].Norm, "enter") && last+2 < len(toks) && toks[last+1].Norm == "the" {
		if m := mentionStartingAt(ms, last+2); m >= 0 && d.kindOf(ms[m].Entity) == factgraph.KindLocation && openWaterRe.MatchString(d.nameOf(ms[m].Entity)) {
			return "TRANSIT"
		}
	}
	// "Russian instructors arrived in Burkina Faso", "the first troops arrive in": troops
	// arriving are deployed (a visit is a person's or a delegation's)
	if (typ == "VISIT" || typ == "TRANSIT") && strings.HasPrefix(toks[i].Norm, "arriv") && i > 0 {
		k := i - 1
		for k > 0 && (toks[k].Norm == "have" || toks[k].Norm == "had" || toks[k].Norm == "has" || toks[k].Norm == "already" || toks[k].Norm == "first" || toks[k].Norm == "also") {
			k--
		}
		if w := toks[k].Norm; troopNouns[w] || forceNouns[w] || w == "peacekeepers" || w == "mercenaries" || w == "advisers" || w == "advisors" {
			return "DEPLOYMENT"
		}
	}
	// "a ballistic missile fired from Yemen hit a playground": a weapon's firing told in a
	// participle before the strike it made is that strike's, not a launch of its own
	if typ == "LAUNCH" && (toks[i].Norm == "fired" || toks[i].Norm == "launched") && i > 0 && last+1 < len(toks) && toks[last+1].Norm == "from" {
		if j := mentionEndingAt(ms, i-1); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindWeaponSystem {
			for k := last + 2; k < len(toks) && k <= last+8 && toks[k].Text != ","; k++ {
				if w := toks[k].Norm; w == "hit" || w == "struck" || w == "slammed" || w == "landed" || w == "exploded" {
					return ""
				}
			}
		}
	}
	// "massed troops", "the troops it has massed": troops or weapons massed are deployed
	// ("protesters massed outside" are not)
	if typ == "DEPLOYMENT" && (toks[i].Norm == "massed" || toks[i].Norm == "massing") {
		armed := false
		for k := max(0, i-4); k < len(toks) && k <= i+4; k++ {
			if troopNouns[toks[k].Norm] || forceNouns[toks[k].Norm] {
				armed = true
			}
			if j := mentionStartingAt(ms, k); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindWeaponSystem {
				armed = true
			}
		}
		if !armed {
			return ""
		}
	}
	// "dropped 14 bunker-busting bombs on the underground sites": bombs or munitions
	// dropped on something are a strike ("dropped its demand", "dropped leaflets", "the
	// temperature dropped" are none)
	if typ == "STRIKE" && (toks[i].Norm == "dropped" || toks[i].Norm == "dropping") && !droppedOrdnance(toks, ms, d, last) {
		return ""
	}
	// "collided with the CCG ship on purpose", "deliberately sailed into a CCG ship": a
	// collision done on purpose is a strike (an accident, or a ship sailing into a port, is
	// none)
	if typ == "STRIKE" && (toks[i].Norm == "collided" || toks[i].Norm == "sailed") {
		if !tokenInSet(toks, max(0, i-3), min(len(toks), last+10), onPurposeWords) && !(last+3 < len(toks) && toks[last+1].Norm == "on" && toks[last+2].Norm == "purpose") {
			return ""
		}
		if toks[i].Norm == "sailed" && !tokenInSet(toks, max(0, i-2), i, onPurposeWords) {
			return ""
		}
	}
	// "they searched it for prohibited cargo", "searched the tanker": a ship searched is
	// inspected ("searched for survivors", "the search for the missing" are no inspection)
	if typ == "INSPECTION" && strings.HasPrefix(toks[i].Norm, "search") {
		k := i + 1
		if k < len(toks) && (toks[k].Norm == "the" || toks[k].Norm == "a" || toks[k].Norm == "its") {
			k++
		}
		if k >= len(toks) {
			return ""
		}
		if j := mentionStartingAt(ms, k); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindVessel {
			return typ
		}
		if w := toks[k].Norm; vesselNouns[strings.TrimSuffix(w, "s")] || w == "cargo" || w == "hold" || k == i+1 && (w == "it" || w == "them") && d.lastShip(ms, i) != "" {
			return typ
		}
		return ""
	}
	// "The bloc added the Eventin to that list": the list is a sanctions list told before
	if typ == "SANCTION" && toks[last].Norm == "list" && last > 0 && toks[last-1].Norm == "that" {
		if _, ok := d.lastRoles["SANCTION"]; !ok {
			return ""
		}
	}
	// "fired around 100 missiles at Ukrainian cities": fire aimed at something is a
	// strike; with no aim ("fired to defend", "fired two missiles into the sea") a launch.
	// A launch aimed at a place, a ship or a site is a strike too ("launched an ... missile
	// against the Ukrainian city of Dnipro", "launched eight cruise missiles and 17 drones at
	// the Truman"); at a country it stays a launch ("launched drones at Israel", as most of
	// the sets annotate it)
	if typ == "LAUNCH" {
		switch w, aim := toks[i].Norm, aimAt(toks, ms, d, last); {
		case (w == "fired" || w == "firing") && aim != aimNone:
			return "STRIKE"
		// ("A submarine fired more than two dozen Tomahawk cruise missiles", "the Ukrainian
		// Armed Forces fired five ATACMS": weapons fired in an article that tells strikes
		// (and no launch) are a strike, as the sets' gold has them, unless told fired from
		// somewhere, to defend, or into the sea; "North Korea fired several ballistic
		// missiles" with no strike told is a launch)
		case w == "fired" && d.toldStrikes() && !passiveAt(toks, i) && !firedAway(toks, last) && !(i > 0 && (toks[i-1].Norm == "the" || toks[i-1].Norm == "a")):
			return "STRIKE"
		case (w == "launched" || w == "launching" || w == "launch" || w == "launches") && aim == aimThing && launchedWeapon(toks, ms, d, last, min(len(toks), last+11)):
			return "STRIKE"
		}
		return typ
	}
	// "The fifth missile was hit as well": a missile or drone that is hit is shot down
	// (the subject's head noun, right before the verb: not "A drone factory was hit")
	if typ == "STRIKE" && (toks[i].Norm == "hit" || toks[i].Norm == "struck") && passiveAt(toks, i) {
		k := i - 1
		for k > 0 && (beVerbs[toks[k].Norm] || auxiliaries[toks[k].Norm] || toks[k].Norm == "also") {
			k--
		}
		if k < i-1 && airborneNouns[toks[k].Norm] {
			return "INTERCEPTION"
		}
	}
	// "the US Treasury targeted the drone maker": what a treasury, a commerce department or
	// the EU targets it sanctions
	if typ == "STRIKE" && (toks[i].Norm == "targeted" || toks[i].Norm == "targets" || toks[i].Norm == "targeting") {
		for k := i - 1; k >= 0 && k >= i-6; k-- {
			if m := mentionEndingAt(ms, k); m >= 0 {
				if sanctioningBody(d.nameOf(ms[m].Entity)) {
					return "SANCTION"
				}
				break
			}
		}
	}
	// "missiles damaged the landing ship": damage done by a weapon or an attacker is a
	// strike; damage that befell a thing ("the cable was damaged") is no event
	if typ == "STRIKE" && toks[i].Norm == "damaged" {
		if passiveAt(toks, i) || i == 0 || !s0WeaponOrAttackerBefore(toks, ms, d, i) {
			return ""
		}
		return typ
	}
	if typ != "DEPLOYMENT" && typ != "SUPPLY" {
		return typ
	}
	// "bringing X to": only troops or platforms brought are deployed
	if w := toks[i].Norm; w == "bringing" || w == "brought" || w == "bring" || w == "brings" {
		for k := last + 1; k < len(toks) && k <= last+6; k++ {
			if troopNouns[toks[k].Norm] {
				return "DEPLOYMENT"
			}
			if j := mentionStartingAt(ms, k); j >= 0 && platforms[ms[j].Entity] {
				return "DEPLOYMENT"
			}
			if toks[k].Norm == "to" || toks[k].Norm == "into" {
				break
			}
		}
		return ""
	}
	switch toks[i].Norm {
	case "sent", "send", "sending", "dispatched", "dispatch", "shipped", "delivered", "transferred",
		// ("pledged Patriot air defence systems to Ukraine": weapons pledged are supplied,
		// platforms and troops deployed)
		"pledged", "pledges", "pledging", "pledge",
		// ("Britain has promised 14 Challenger 2 tanks": as pledged)
		"promised", "promises":
	default:
		return typ
	}
	// "Israel sent ground troops into southern Lebanon": troops sent into a land are an
	// incursion
	if strings.HasPrefix(toks[i].Norm, "sen") {
		for k := last + 1; k+1 < len(toks) && k <= last+4; k++ {
			if troopNouns[toks[k].Norm] || forceNouns[toks[k].Norm] {
				if toks[k+1].Norm == "into" && d.landAt(ms, k+2, k+4) {
					return "INCURSION"
				}
				break
			}
		}
	}
	// the first thing sent decides: "sending maritime patrol aircraft, surveillance drones
	// and four minehunters" deploys platforms, "sent shells and two frigates" supplies
	for k := last + 1; k < len(toks) && k <= last+7; k++ {
		// ("sent a letter", "sending wrong signals to separatist forces": a message sent
		// first is no deployment, nor a supply)
		if strings.HasPrefix(toks[i].Norm, "sen") && k <= last+4 && messageNouns[toks[k].Norm] {
			return ""
		}
		if j := mentionStartingAt(ms, k); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindWeaponSystem {
			if platforms[ms[j].Entity] {
				return "DEPLOYMENT"
			}
			// ("sent Su-25 jets and Ka-52 helicopters over the strait": aircraft sent over a
			// place fly there, they are not handed over)
			if d.aircraft(ms[j].Entity) {
				for q := ms[j].last + 1; q < len(toks) && q <= ms[j].last+8 && toks[q].Text != "," && toks[q].Text != ";"; q++ {
					if w := toks[q].Norm; w == "over" || w == "above" || w == "near" || w == "along" {
						return "DEPLOYMENT"
					}
				}
			}
			return "SUPPLY"
		}
		if troopNouns[toks[k].Norm] {
			return "DEPLOYMENT"
		}
		if goodsNouns[toks[k].Norm] {
			return "SUPPLY"
		}
	}
	// "leaflets sent by activists": what a verb of sending moves when it is neither troops,
	// nor weapons, nor goods is no deployment (nor a supply); a passive or a participle with
	// nothing after it keeps its type ("troops were sent")
	if strings.HasPrefix(toks[i].Norm, "sen") && last+1 < len(toks) && toks[last+1].Word && toks[last+1].Norm != "to" && toks[last+1].Norm != "in" && toks[last+1].Norm != "into" {
		prevNoun := i > 0 && toks[i-1].Word && !beVerbs[toks[i-1].Norm] && !troopNouns[toks[i-1].Norm] && !goodsNouns[toks[i-1].Norm]
		if toks[last+1].Norm == "by" && prevNoun {
			return ""
		}
	}
	return typ
}

// messageNouns are sent without anyone being deployed: "sent a letter", "sent a message".
var messageNouns = map[string]bool{"letter": true, "message": true, "signal": true, "note": true, "request": true,
	"invitation": true, "proposal": true, "delegation": true, "envoy": true, "reply": true, "response": true,
	"letters": true, "messages": true, "signals": true, "notes": true, "invitations": true, "condolences": true, "greetings": true}

func findType(evs []factgraph.Event, typ string) *factgraph.Event {
	for i := range evs {
		if evs[i].Type == typ {
			return &evs[i]
		}
	}
	return nil
}

func hasEntity(rs []factgraph.Role, id string) bool {
	for _, r := range rs {
		if r.Entity == id {
			return true
		}
	}
	return false
}

// nameOf is the name of an entity of the gazetteer or of the article.
func (d *doc) nameOf(id string) string {
	if e := d.g.Entry(id); e != nil {
		return e.Name
	}
	if e := d.unresolved[id]; e != nil {
		return e.Name
	}
	return id
}

func (d *doc) kindOf(id string) string {
	if e := d.g.Entry(id); e != nil {
		return e.Kind
	}
	if e := d.unresolved[id]; e != nil {
		return e.Kind
	}
	return ""
}

// agentKindsFor: who can do an event of the type. Production is done by factories and
// countries, transit by ships.
func agentKindsFor(typ string) map[string]bool {
	if k, ok := agentKindsOf[typ]; ok {
		return k
	}
	return agentKinds
}

var agentKindsOf = map[string]map[string]bool{
	"PRODUCTION": {factgraph.KindFacility: true, factgraph.KindCountry: true, factgraph.KindOrganization: true},
	"EXPANSION":  {factgraph.KindFacility: true, factgraph.KindCountry: true, factgraph.KindOrganization: true},
	// (the one that moves: a ship, an aircraft, a person, or a country's warships)
	"TRANSIT": {factgraph.KindVessel: true, factgraph.KindCountry: true, factgraph.KindPerson: true, factgraph.KindWeaponSystem: true},
}

// possessor reports whether mention k is followed by 's and another mention ("Russia's
// Kursk region"): a modifier of what follows.
func possessor(toks []token, ms []Mention, k int) bool {
	m := ms[k]
	return m.last+1 < len(toks) && toks[m.last+1].Text == "'s" && k+1 < len(ms) && ms[k+1].first == m.last+2
}

// modifier reports whether mention k is a country word right before a person or a title
// and a person ("Ukrainian President Volodymyr Zelensky", "US envoys Steve Witkoff").
func (d *doc) modifier(toks []token, ms []Mention, k int) bool {
	m := ms[k]
	// a country or organisation word before a person: "NATO Secretary General Mark Rutte"
	if kind := d.kindOf(m.Entity); kind != factgraph.KindCountry && kind != factgraph.KindOrganization || k+1 >= len(ms) {
		return false
	}
	n := ms[k+1]
	if d.kindOf(n.Entity) != factgraph.KindPerson || n.first-m.last > 5 || n.first <= m.last {
		return false
	}
	// only titles between ("Ukrainian President", "US envoys", "US Secretary of State",
	// "European Union foreign policy chief"): not "travel to Moscow and brief Putin"
	var tags *sentence
	if d.cur != nil && len(d.cur.Tokens) == len(toks) && len(d.cur.Tags) == len(toks) {
		tags = d.cur
	}
	title := func(j int) bool {
		w := toks[j].Norm
		return toks[j].Capitalized() || personTitles[w] || titleWords[w] || personTitles[strings.TrimSuffix(w, "s")]
	}
	for j := m.last + 1; j < n.first; j++ {
		if title(j) || toks[j].Text == "'s" || toks[j].Text == "’s" || toks[j].Text == "-" {
			continue
		}
		// ("of" inside a capitalised title, and lower-case nouns and adjectives before a
		// title word: "foreign policy chief")
		if toks[j].Norm == "of" && j > m.last+1 && toks[j-1].Capitalized() && j+1 < n.first && toks[j+1].Capitalized() {
			continue
		}
		if tags != nil && (tags.noun(j) || tags.tag(j) == "JJ") && n.first-1 > j && title(n.first-1) {
			continue
		}
		return false
	}
	return true
}

// prepositionOf is the word before mention k, looking through "the", adjectives-free
// possessors ("through Turkey's Bosphorus" gives "through" to the Bosphorus).
func prepositionOf(toks []token, ms []Mention, k int) string {
	first := ms[k].first
	if k > 0 && possessor(toks, ms, k-1) && ms[k-1].last+2 == first {
		first = ms[k-1].first
	}
	if first == 0 {
		return ""
	}
	// through "the" and a compass word ("in western Ukraine", "over the northern Baltic")
	j := first - 1
	for n := 0; n < 2 && j > 0 && (compassWords[toks[j].Norm] || toks[j].Norm == "the" || toks[j].Norm == "a" || toks[j].Norm == "an"); n++ {
		j--
	}
	return toks[j].Norm
}

// compassWords between a preposition and a place keep the preposition's role: "an attack on
// western Ukraine" is where it struck.
var compassWords = map[string]bool{"western": true, "eastern": true, "northern": true, "southern": true,
	"central": true, "northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true,
	"occupied": true, "coastal": true, "neighbouring": true, "neighboring": true}

// byAgent finds the agent of a passive: "by" within four words before a mention after the
// trigger ("were inspected by the respected Comrade Kim Jong Un", "by him").
func (d *doc) byAgent(toks []token, ms []Mention, last, hi int, kinds map[string]bool) string {
	return d.prepAgent(toks, ms, last, hi, kinds, "by")
}

// prepAgent is byAgent for another preposition: "came under fire from Russian forces".
func (d *doc) prepAgent(toks []token, ms []Mention, last, hi int, kinds map[string]bool, prep string) string {
	for k := last + 1; k <= hi; k++ {
		if toks[k].Norm != prep {
			continue
		}
		for j, m := range ms {
			if m.first > k && m.first <= k+4 && kinds[d.kindOf(m.Entity)] {
				// "by the Treasury Department's Office of Foreign Assets Control": the head
				// of the phrase, not its possessor
				if possessor(toks, ms, j) && kinds[d.kindOf(ms[j+1].Entity)] {
					return ms[j+1].Entity
				}
				return m.Entity
			}
		}
		if k+1 <= hi {
			if id := d.pronoun(toks[k+1].Norm, ms, k); id != "" {
				return id
			}
		}
	}
	return ""
}

// pronoun resolves he/him/his/she/her to the person named last, it/its/they/their to the
// country or organization named last in the sentence (before token k) or the article.
func (d *doc) pronoun(w string, ms []Mention, k int) string {
	switch w {
	case "he", "him", "his", "she", "her":
		return d.personPronoun(w, ms, k)
	case "it", "its", "they", "their", "them":
		// by role first: in a clause reported by the subject ("The Russian embassy denied
		// that its drones had entered", "the ministry said it had"), the subject
		if w != "them" && d.cur != nil && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < k {
			m := ms[d.curSubject]
			if kind := d.kindOf(m.Entity); (kind == factgraph.KindCountry || kind == factgraph.KindOrganization) && (w == "it" || w == "its") == !strings.HasSuffix(strings.ToLower(m.Text), "s") {
				for j := m.last + 1; j < k && j < len(d.cur.Tokens); j++ {
					if speechVerbAt(d.cur, j) {
						// (no other country or organisation named since the subject:
						// "Russia said Poland had violated its airspace" is Poland's)
						named := false
						// (and "its fighters", "its forces" are the reporter's own people: a
						// country or organisation inside a prepositional phrase since is no
						// owner of them: "The movement said it would attack ships linked to
						// Israel, after its fighters seized a carrier")
						group := w == "its" && k+1 < len(d.cur.Tokens) && actingGroups[d.cur.Tokens[k+1].Norm]
						for _, o := range ms {
							if group && afterPreposition(d.cur.Tokens, o.first) {
								continue
							}
							// (a phrase inside the subject, "the embassy in Warsaw", does
							// not count; another speaker before the verb does)
							// (nor a demonym of a common noun: "near Ren'ai Jiao, the Chinese name
							// for the shoal, and that its officers")
							// (nor the one told: "Pyongyang had told Japan's coast guard that
							// it would launch" is Pyongyang's)
							if told := d.cur.Tokens[j].Norm; (told == "told" || told == "tells" || told == "informed" || told == "notified") && o.first > j && o.first <= j+3 && o.last < k && tokenIn(d.cur.Tokens, o.last+1, k, "that") {
								continue
							}
							if o.first > m.last && o.last < k && !(o.last < j && afterPreposition(d.cur.Tokens, o.first)) &&
								!(o.Rule == "gazetteer.demonym" && o.last+1 < len(d.cur.Tokens) && d.cur.noun(o.last+1) && !covered(ms, o.last+1) && !actingGroups[d.cur.Tokens[o.last+1].Norm]) {
								if ok := d.kindOf(o.Entity); ok == factgraph.KindCountry || ok == factgraph.KindOrganization {
									named = true
								}
							}
						}
						if !named {
							// (an embassy's "its drones" are its country's)
							if c := d.newCountry[m.Entity]; c != "" && w == "its" {
								return c
							}
							return m.Entity
						}
						break
					}
				}
			}
		}
		for i := len(ms) - 1; i >= 0; i-- {
			kind := d.kindOf(ms[i].Entity)
			// (a demonym of a common noun names no "it": "sanctions on two Chinese
			// companies that it says ..." is the subject's claim)
			if (w == "it" || w == "its") && d.cur != nil && ms[i].Rule == "gazetteer.demonym" && ms[i].last+1 < len(d.cur.Tokens) && ms[i].last+1 < k &&
				d.cur.noun(ms[i].last+1) && strings.HasSuffix(d.cur.Tokens[ms[i].last+1].Norm, "s") && !covered(ms, ms[i].last+1) {
				continue
			}
			if ms[i].last < k && (kind == factgraph.KindCountry || kind == factgraph.KindOrganization ||
				(w == "they" || w == "them" || w == "their") && (kind == factgraph.KindFacility || kind == factgraph.KindVessel)) {
				return ms[i].Entity
			}
		}
		// "In a statement, it said": the organisation that was the subject before
		// (or the country: "Belarus's foreign ministry called the accusations baseless.
		// 'This is a provocation,' it said")
		if (w == "it" || w == "its") && d.prevSubject != "" && (d.kindOf(d.prevSubject) == factgraph.KindOrganization || d.kindOf(d.prevSubject) == factgraph.KindCountry) {
			return d.prevSubject
		}
		// "The Houthis fired drones at ships. On Tuesday they fired a missile": a plural
		// name that was the subject before
		if (w == "they" || w == "their") && d.prevSubject != "" && d.kindOf(d.prevSubject) == factgraph.KindOrganization {
			if e := d.g.Entry(d.prevSubject); e != nil && strings.HasSuffix(e.Name, "s") && !strings.HasSuffix(e.Name, "ss") {
				return d.prevSubject
			}
		}
	case "i", "my", "me":
		// a transcript speaker's "I": the speaker
		if d.speaker != "" {
			return d.speaker
		}
	case "we", "our", "us":
		// "we" inside a quotation the sentence attributes: the source's country (a person)
		// or the source itself ('"... and we will keep targeting them," Deputy Treasury
		// Secretary Ann Vik said')
		if d.speaker == "" && d.cur != nil && d.curAttr != nil && d.curAttr.Sentence == d.cur.Index && d.curAttr.Source != "" && k < len(d.cur.Tokens) && insideQuote(d.text[d.cur.Start:d.cur.Tokens[k].Start]) {
			src := d.curAttr.Source
			if e := d.g.Entry(src); e != nil && e.Kind == factgraph.KindPerson && e.Country != "" {
				return e.Country
			}
			if c := d.sourceCountry[src]; c != "" {
				return c
			}
			if k := d.kindOf(src); k == factgraph.KindCountry || k == factgraph.KindOrganization {
				return src
			}
			return ""
		}
		// a transcript speaker's "we": their country (a person) or themselves
		if d.speaker != "" {
			if e := d.g.Entry(d.speaker); e != nil && e.Kind == factgraph.KindPerson {
				if e.Country != "" {
					return e.Country
				}
				// (an international official: the organisation they speak for)
				if e.Org != "" {
					return e.Org
				}
			}
			// (a new speaker: the country named with them)
			if c := d.sourceCountry[d.speaker]; c != "" {
				return c
			}
			if k := d.kindOf(d.speaker); k == factgraph.KindCountry || k == factgraph.KindOrganization {
				return d.speaker
			}
			// (a new speaker of the publisher's own briefing: "US Department of Defense
			// (transcript)")
			if d.g.Entry(d.speaker) == nil && d.publisherCountry != "" {
				return d.publisherCountry
			}
		}
	}
	return ""
}

// buildEvent fills the roles of the event whose trigger is tokens i..last, within the
// clause lo..hi. Nil when no entity takes part.
func (d *doc) buildEvent(s *sentence, ms []Mention, typ string, i, last, lo, hi int) *factgraph.Event {
	toks := s.Tokens
	ev := &factgraph.Event{Type: typ}
	add := func(role, id string) {
		for _, r := range ev.Roles {
			// a doer may also be where it happened ("Polish jets shot down drones over
			// Poland"); otherwise an entity takes one role
			if r.Entity == id && (role != factgraph.RoleLocation || r.Role == role) {
				return
			}
		}
		ev.Roles = append(ev.Roles, factgraph.Role{Role: role, Entity: id})
	}
	kinds := agentKindsFor(typ)
	passive := isParticiple(toks[i].Norm) && (i > 0 && beVerbs[toks[i-1].Norm] || i > 1 && beVerbs[toks[i-2].Norm] && toks[i-1].Norm != "to")
	// "three missiles launched by the Houthis": a participle after its noun, with "by", is
	// a passive too
	passive = passive || isParticiple(toks[i].Norm) && last+1 < len(toks) && toks[last+1].Norm == "by" && i > 0 && s.noun(i-1) && !auxiliaries[toks[i-1].Norm]
	// "Kyiv came under fire from Russian forces": the subject is struck, the doer follows
	// "from" or "by", as in the passive
	underFire := typ == "STRIKE" && last > i && toks[i+1].Norm == "under"
	passive = passive || underFire
	var agents []string
	leadParticiple := false
	if passive {
		if a := d.byAgent(toks, ms, last, hi, kinds); a != "" {
			agents = append(agents, a)
			// "shot down by Israel and the United States", "by Israeli and American jets":
			// the doers coordinated with it
			agents = append(agents, d.coordinated(toks, ms, a, last, hi, kinds)...)
		} else if a := d.prepAgent(toks, ms, last, hi, kinds, "from"); underFire && a != "" {
			agents = append(agents, a)
		}
		// "North Korean troops have been deployed": the country of the troops sent
		if len(agents) == 0 && (typ == "DEPLOYMENT" || typ == "SUPPLY") {
			for k := range ms {
				if ms[k].last < i && ms[k].first >= lo && (d.kindOf(ms[k].Entity) == factgraph.KindCountry || d.groupsMen(toks, ms[k])) {
					agents = append(agents, ms[k].Entity)
					break
				}
			}
		}
	} else {
		// "called on the United States to stop sending warships", "urged Kyiv to accept":
		// the one called on or urged does what the infinitive says
		if a := d.controlledAgent(toks, ms, i, kinds); a != "" {
			agents = append(agents, a)
		}
		// "said that Norway opposed the Swedish plan, had never sold arms to either side and
		// ...": a verb phrase after a comma with no subject of its own shares the subject of
		// the verb phrase before it, not a doer inside that one's object
		if len(agents) == 0 && s.verb(i) {
			if subj := d.listedVerbSubject(s, ms, i); subj >= 0 && kinds[d.kindOf(ms[subj].Entity)] {
				agents = append(agents, ms[subj].Entity)
			}
		}
		// "Lithuania summoned the Belarusian envoy and condemned the incursion": a verb
		// coordinated with the main clause's verb shares its subject, not the object
		// named nearest
		// (only when a doer is named as the first verb's object: otherwise the nearest doer
		// is the subject anyway; not past a speech verb, whose clause has its own subject)
		// (past a relative clause right after the subject: "Biden, who condemned the attack,
		// spoke with Netanyahu and convened G7 leaders")
		from := -1
		if d.curSubject >= 0 && d.curSubject < len(ms) {
			from = afterRelative(toks, ms[d.curSubject].last, i)
		}
		if len(agents) == 0 && s.verb(i) && !passive && i >= 2 && toks[i-1].Norm == "and" && from >= 0 &&
			from < i-1 && !tokenInSet(toks, from, i-1, subordinatingWords) &&
			!tokenIn(toks, from, i-1, "that") && !tokenIn(toks, from, i-1, ",") && !speechBetween(toks, from, i) {
			v := -1
			for k := from; k < i-1; k++ {
				if s.finite(k) {
					v = k
					break
				}
			}
			object := false
			for k := range ms {
				if v >= 0 && ms[k].first > v && ms[k].last < i-1 && agentKinds[d.kindOf(ms[k].Entity)] {
					object = true
				}
			}
			if id := ms[d.curSubject].Entity; object && kinds[d.kindOf(id)] {
				agents = append(agents, d.withCoordinated(toks, ms, d.curSubject, kinds)...)
			}
		}
		// "welcomed the deployment of Dutch F-35 jets to Poland", "the launch of a North
		// Korean missile": a noun trigger's "of" phrase names a weapon whose country is
		// its doer, not the clause's subject
		if len(agents) == 0 && s.noun(last) && last+1 < len(toks) && toks[last+1].Norm == "of" && ownedActs[typ] {
			for k := range ms {
				if ms[k].first <= last+1 || ms[k].first > last+7 {
					continue
				}
				if d.kindOf(ms[k].Entity) == factgraph.KindWeaponSystem {
					if c := d.owner[ms[k].Entity]; c != "" && kinds[d.kindOf(c)] && mentionedIn(ms, c) {
						agents = append(agents, d.ownBody(toks, ms, c, lo, i, kinds))
					} else if e := d.g.Entry(ms[k].Entity); e != nil && e.Country != "" && d.mentioned[e.Country] && kinds[d.kindOf(e.Country)] && (typ == "TEST" || typ == "LAUNCH") {
						// ("the test of the Hwasong-18": a named system's own country, named in
						// the article, tests and launches it)
						agents = append(agents, d.ownBody(toks, ms, e.Country, lo, i, kinds))
					}
					// (past a class before the name: "the launch of the solid-fuel ICBM
					// Hwasong-18")
					if len(agents) > 0 || k+1 >= len(ms) || ms[k+1].first != ms[k].last+1 {
						break
					}
				}
			}
		}
		// "Orban met Putin in Moscow, a visit that angered EU leaders": a noun in
		// apposition to the main clause names its event, done by its subject
		if len(agents) == 0 && s.noun(i) && i >= 2 && (toks[i-1].Norm == "a" || toks[i-1].Norm == "an") && toks[i-2].Text == "," &&
			i > s.mainClauseStart() && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < i-2 && s.finiteBetween(ms[d.curSubject].last+1, i-2) {
			if id := ms[d.curSubject].Entity; kinds[d.kindOf(id)] {
				agents = append(agents, d.withCoordinated(toks, ms, d.curSubject, kinds)...)
			}
		}
		// "Estonia condemned the flights, denouncing ...": a participle after the main
		// clause shares its subject
		if len(agents) == 0 && i > 0 && toks[i-1].Text == "," && s.tag(i) == "VBG" && i > s.mainClauseStart() && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < i {
			if id := ms[d.curSubject].Entity; kinds[d.kindOf(id)] {
				agents = append(agents, id)
			}
		}
		// "Brawner told reporters at the Western Command after meeting the troops": a
		// participle right after a subordinating word has no subject of its own; the main
		// clause's subject does it
		// (after an opening quotation, the subject of the reporting clause)
		if len(agents) == 0 && i > 0 && subordinatingWords[toks[i-1].Norm] && s.tag(i) == "VBG" && i > s.mainClauseStart() {
			subj := d.curSubject
			if r := s.reportingClause(); r > 0 && r < i {
				subj = mentionStartingAtOrAfter(ms, r, r)
			}
			// (not past a speech verb: "KCNA said Kim laid out the plan while touring" is
			// Kim's tour, the reported clause's subject, found below)
			if subj >= 0 && subj < len(ms) && ms[subj].last < i-1 && kinds[d.kindOf(ms[subj].Entity)] && !reportedSubject(toks, ms, ms[subj].last+1, i, d) {
				agents = append(agents, ms[subj].Entity)
			}
		}
		// "the NATO summit", "of a Russian attack": an agent word right before a noun
		// trigger is its doer, whatever preposition comes before it
		// ("Russian-Ukrainian negotiations", "US and Ukrainian talks": every one of a
		// chain joined by hyphens or "and")
		if i > 0 && s.noun(i) {
			end := i - 1
			for k := len(ms) - 1; k >= 0; k-- {
				m := ms[k]
				if m.last != end || label(s, m) || !kinds[d.kindOf(m.Entity)] || d.modifier(toks, ms, k) {
					if m.last < end {
						break
					}
					continue
				}
				agents = append([]string{m.Entity}, agents...)
				end = m.first - 1
				if end >= 0 && (toks[end].Text == "-" || toks[end].Norm == "and" || toks[end].Text == "–") {
					end--
				} else if !toks[m.first].Hyphen {
					break
				}
			}
		}
		// a noun with a possessive: "his meeting with Lee" is the meeting of whoever "his"
		// is (by role: the subject first), "Russia's attack" is Russia's
		if len(agents) == 0 && i > 0 && s.noun(i) {
			// ("Russia's waves of night attacks", "its series of strikes": the possessor of
			// a measure of the acts, with modifiers of the act between)
			p := i - 1
			for p > 0 && p >= i-3 && toks[p].Word && !s.finite(p) && toks[p].Norm != "of" && !covered(ms, p) {
				p--
			}
			if p >= 2 && toks[p].Norm == "of" && seriesNouns[toks[p-1].Norm] {
				i0 := p - 1
				if possessiveDeterminer(toks[i0-1].Norm) {
					if id := d.pronoun(toks[i0-1].Norm, ms, i0-1); id != "" && kinds[d.kindOf(id)] {
						agents = append(agents, id)
					}
				} else if i0 >= 2 && (toks[i0-1].Text == "'s" || toks[i0-1].Text == "’s") {
					for k := len(ms) - 1; k >= 0; k-- {
						if ms[k].last == i0-2 && kinds[d.kindOf(ms[k].Entity)] {
							agents = append(agents, ms[k].Entity)
						}
					}
				}
			}
		}
		if len(agents) == 0 && i > 0 && s.noun(i) {
			// (past the weapon the acts are done with: "Ukraine's ATACMS strikes")
			pi := i
			if w := mentionEndingAt(ms, i-1); w >= 0 && d.kindOf(ms[w].Entity) == factgraph.KindWeaponSystem && ms[w].first >= 1 {
				pi = ms[w].first
			}
			if possessiveDeterminer(toks[pi-1].Norm) {
				if id := d.pronoun(toks[pi-1].Norm, ms, pi-1); id != "" && kinds[d.kindOf(id)] {
					agents = append(agents, id)
				}
			} else if toks[pi-1].Text == "'s" || toks[pi-1].Text == "’s" {
				for k := len(ms) - 1; k >= 0; k-- {
					if ms[k].last == pi-2 && kinds[d.kindOf(ms[k].Entity)] {
						agents = append(agents, ms[k].Entity)
					}
				}
			}
		}
		// the nearest doer before the trigger, or a pronoun nearer than it; coordinated
		// doers ("Moscow and Pyongyang") all act
		// (not past a subject of the verb's own that names no entity: "a second suspect,
		// Serhii K., is in custody after police arrested him" was arrested by the police;
		// "Swedish police detained" has its doer in the noun's modifier)
		nounSubject := s.finite(i) && i >= 2 && i-1 > lo && (s.tag(i-1) == "NN" || s.tag(i-1) == "NNS") && !covered(ms, i-1) && !covered(ms, i-2) &&
			!toks[i-1].Capitalized() && toks[i-2].Text != "'s" && toks[i-2].Text != "’s" && !possessiveDeterminer(toks[i-2].Norm) && subordinatingWords[toks[i-2].Norm]
		for k := len(ms) - 1; k >= 0 && len(agents) == 0 && !nounSubject; k-- {
			m := ms[k]
			if m.last >= i || m.first < lo || label(s, m) {
				continue
			}
			// "Navibulgar, the Bulgarian shipping company that owns the Vezhen, denied": a
			// word inside an apposition to a doer before it is not the doer
			if inApposition(toks, ms, k, i, kinds, d) {
				continue
			}
			// "unlike the American forces in the region, it will not strike": nor is one
			// inside a phrase of comparison closed before the trigger
			if inContrastPhrase(toks, m, lo, i) {
				continue
			}
			// "Smith, who visited Oslo, met Jones": nor is one inside a relative clause
			// closed before the trigger
			if pa, pb := relativeSpan(toks, lo, i); m.first > pa && m.last < pb {
				continue
			}
			// the source of "X denied", "X confirmed" is the one who denies or confirms
			// (nor of "Norway announced new measures": the announced act is the source's own)
			source := d.inAttribution(s, m) && !((speechActs[typ] || (typ == "ANNOUNCEMENT" || typ == "ORDER" || typ == "SUPPLY" && moneyVerbs[toks[i].Norm]) && s.verb(i)) && adverbialsOnly(toks, m.last+1, i)) &&
				!(m.last+1 < i && ownActVerbs[toks[m.last+1].Norm] && s.noun(i) && objectBetween(toks, m.last+2, i)) &&
				!gerundObject(s, m.last, i)
			if !kinds[d.kindOf(m.Entity)] || source || afterPreposition(toks, m.first) && !forcesOf(toks, m.first) || possessor(toks, ms, k) || d.modifier(toks, ms, k) || flagOf(toks, m) {
				continue
			}
			// "Poland ... reported dozens of objects crossing": what follows a speech verb
			// has its own subject; "Polish forces had recorded 19 violations": who observes
			// an act is not its doer
			if speechBetween(toks, m.last+1, i) || s.noun(i) && observedBetween(toks, m.last+1, i) {
				break
			}
			for p := m.last + 1; p < i; p++ {
				if typ == "TRANSIT" && toks[p].Norm == "it" {
					if id := d.lastShip(ms, p); id != "" {
						m.Entity = id
						break
					}
				}
				if id := d.pronoun(toks[p].Norm, ms, p); id != "" && kinds[d.kindOf(id)] {
					m.Entity = id
					break
				}
			}
			agents = append(agents, m.Entity)
			// ("Germany, France, Italy and Greece have sent": a list closed by "and"; "the
			// Russian Tu-95 and Chinese H-6 aircraft": a weapon coordinated with the doer
			// stands for the country named right before it)
			and := false
			// ("Saudi Arabia and the United Arab Emirates": "the" after the "and")
			for k2 := k - 1; k2 >= 0 && (ms[k2].last+2 == ms[k2+1].first || !and && ms[k2].last+3 == ms[k2+1].first && toks[ms[k2].last+1].Norm == "and" && toks[ms[k2].last+2].Norm == "the"); k2-- {
				sep := toks[ms[k2].last+1]
				if sep.Norm == "and" && !and {
					and = true
				} else if sep.Text != "," || !and {
					break
				}
				if kinds[d.kindOf(ms[k2].Entity)] {
					agents = append([]string{ms[k2].Entity}, agents...)
				} else if k2 > 0 && d.kindOf(ms[k2].Entity) == factgraph.KindWeaponSystem && ms[k2-1].last+1 == ms[k2].first && kinds[d.kindOf(ms[k2-1].Entity)] && !slices.Contains(agents, ms[k2-1].Entity) {
					agents = append([]string{ms[k2-1].Entity}, agents...)
				}
			}
			break
		}
		// "Inspectors from the IAEA arrived ... The experts inspected the control room": a
		// group of an organisation's people acts for it
		if len(agents) == 0 && s.verb(i) && d.groupOrg != "" && kinds[d.kindOf(d.groupOrg)] {
			p := i - 1
			for p > lo && (auxiliaries[toks[p].Norm] || s.tag(p) == "RB" || beVerbs[toks[p].Norm]) {
				p--
			}
			if p >= 1 && p >= lo && orgGroupNouns[toks[p].Norm] && !covered(ms, p) && (toks[p-1].Norm == "the" || toks[p-1].Norm == "its" || toks[p-1].Norm == "their") {
				agents = append(agents, d.groupOrg)
			}
		}
		// "Zelensky, who warned on Friday that ..., is expected to speak with Trump": the main
		// clause's subject reaches its verb chain past a relative clause between commas
		if len(agents) == 0 && s.verb(i) && d.curSubject >= 0 && d.curSubject < len(ms) {
			if m := ms[d.curSubject]; m.last < i && kinds[d.kindOf(m.Entity)] && s.verbChainReaches(m.last+1, i) {
				agents = append(agents, m.Entity)
			}
		}
		// "the two sides discussed", "both countries agreed": the parties of the talks or
		// meeting named before
		if len(agents) == 0 && (typ == "TALKS" || typ == "MEETING") {
			for p := i - 1; p >= lo && p >= i-5; p-- {
				if partyNouns[toks[p].Norm] && p > 0 && (toks[p-1].Norm == "two" || toks[p-1].Norm == "both") {
					for _, t := range []string{"TALKS", "MEETING"} {
						for _, r := range d.lastRoles[t] {
							if r.Role == factgraph.RoleAgent || r.Role == factgraph.RoleParticipant {
								agents = append(agents, r.Entity)
							}
						}
						if len(agents) > 0 {
							break
						}
					}
					break
				}
			}
		}
		// "accused the United States and Britain of the attack, which both countries deny":
		// the last two of that kind named before in the sentence
		// (or, for talks and meetings whose earlier parties were fewer than two, the two
		// countries named last: "Sweden has since ..., and the two countries agreed at a
		// meeting" after Turkey)
		if len(agents) < 2 {
			for p := i - 1; p >= 1 && p >= i-12 && p >= lo; p-- {
				if k := mentionEndingAt(ms, p); k >= 0 && kinds[d.kindOf(ms[k].Entity)] && !(len(agents) == 1 && ms[k].Entity == agents[0]) && !afterPreposition(toks, ms[k].first) {
					break // another doer is nearer
				}
				if (toks[p].Norm == "countries" || toks[p].Norm == "governments") && (toks[p-1].Norm == "two" || toks[p-1].Norm == "both") {
					var pair []string
					for k := len(ms) - 1; k >= 0 && len(pair) < 2; k-- {
						if ms[k].last < p-1 && d.kindOf(ms[k].Entity) == factgraph.KindCountry && !slices.Contains(pair, ms[k].Entity) {
							pair = append([]string{ms[k].Entity}, pair...)
						}
					}
					// (the article's most named countries: "the two countries" of a story on
					// Sweden and Turkey, though the United States was named since)
					for len(pair) < 2 {
						c := d.salientCountry(pair)
						if c == "" {
							break
						}
						pair = append(pair, c)
					}
					if len(pair) == 2 {
						agents = pair
					}
					break
				}
			}
		}
		if len(agents) == 0 {
			pa, pb := relativeSpan(toks, lo, i)
			for p := i - 1; p >= lo && p >= i-6; p-- {
				// "He said they discussed": what comes before a speech verb is its subject
				if p < i-1 && speechVerbs[toks[p].Norm] {
					break
				}
				// ("the missile, which he called the Oreshnik, hit": not one inside a
				// relative clause closed before the trigger)
				if p > pa && p < pb {
					continue
				}
				// ("companies that it says shipped missiles": a pronoun right before a
				// speech verb is the speaker, not the doer)
				if p+1 < i && speechVerbs[toks[p+1].Norm] && d.pronoun(toks[p].Norm, ms, p) != "" {
					break
				}
				// "they" after a sentence about two people: those people, the subject first
				// (a transcript speaker's "we" is their side, below)
				if w := toks[p].Norm; (w == "they" || w == "we" && d.speaker == "") && (typ == "TALKS" || typ == "MEETING") {
					if ps := d.pluralPersons(ms, p); len(ps) >= 2 {
						agents = append(agents, ps[0])
						for _, q := range ps[1:] {
							add(factgraph.RoleParticipant, q)
						}
						break
					}
				}
				// "shadowed the frigate as it sailed through": a ship's "it" is the vessel
				// named last (a warship stands for its country)
				if typ == "TRANSIT" && toks[p].Norm == "it" {
					if id := d.lastShip(ms, p); id != "" {
						agents = append(agents, id)
						break
					}
				}
				// "American and Ukrainian negotiators say they have drafted": "they" is the
				// coordinated subject
				if toks[p].Norm == "they" && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < p {
					if g := d.withCoordinated(toks, ms, d.curSubject, kinds); len(g) >= 2 && kinds[d.kindOf(g[0])] {
						agents = append(agents, g...)
						break
					}
				}
				if id := d.pronoun(toks[p].Norm, ms, p); id != "" && kinds[d.kindOf(id)] {
					agents = append(agents, id)
					break
				}
			}
		}
		// "Rutte said after a phone call with Stubb": a noun in a phrase of time is the
		// subject's act, past the speech verb
		// (talks and meetings only: "Poland closed airports after the attack" is not Poland's)
		// (not for "during the talks" when the talks named before have their doers: those)
		// ("The head of state said at a meeting with Krenn": a subject named by its role,
		// the person the sentence's attribution found for it)
		if len(agents) == 0 && typ == "MEETING" && toks[i].Norm == "meeting" && i >= 2 && toks[i-2].Norm == "at" && i+1 < len(toks) && toks[i+1].Norm == "with" &&
			d.curAttr != nil && d.curAttr.Rule == "attribution.role" && d.curAttr.Source != "" && kinds[d.kindOf(d.curAttr.Source)] && speechBetween(toks, 0, i) {
			agents = append(agents, d.curAttr.Source)
		}
		if len(agents) == 0 && (typ == "TALKS" || typ == "MEETING") && (s.noun(i) || s.noun(last)) && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < i &&
			!(definite[toks[i-1].Norm] && hasRoleType(d.lastRoles[typ], factgraph.RoleAgent)) {
			for p := i - 1; p >= 0 && p >= i-4; p-- {
				// ("said on Sunday at a meeting with Krenn": at a meeting, the subject's too)
				// ("was suspended over a leaked phone call with Hun Sen": the subject's call)
				if w := toks[p].Norm; w == "after" || w == "during" || w == "before" || w == "following" || w == "since" || w == "at" && typ == "MEETING" && toks[i].Norm == "meeting" && i+1 < len(toks) && toks[i+1].Norm == "with" ||
					w == "over" && tokenAt(toks, last+1, min(len(toks)-1, last+2), "with") >= 0 && passiveBefore(toks, i) {
					if id := ms[d.curSubject].Entity; kinds[d.kindOf(id)] {
						agents = append(agents, d.withCoordinated(toks, ms, d.curSubject, kinds)...)
					}
					break
				}
			}
		}
		// "Touring a drone plant on Tuesday, the minister said": a leading participle's
		// doer is the subject of the main clause
		// (not "At a press conference after the talks, Putin said": a definite re-mention
		// of an event whose doers are known keeps them, unless a participle leads:
		// "Watching the test-fire, Kim said" is Kim's)
		// (nor "After this morning's strike, Turkey's defence minister said": an act of
		// force in a leading phrase of time is not the speaker's)
		if len(agents) == 0 && i < s.mainClauseStart() && d.curSubject >= 0 && d.curSubject < len(ms) &&
			!(s.noun(i) && i > 0 && (definite[toks[i-1].Norm] || timePossessive(toks, i)) && hasRoleType(d.lastRoles[typ], factgraph.RoleAgent) && !s.leadsWithParticiple()) &&
			!(s.noun(i) && contextAgentTypes[typ] && !s.leadsWithParticiple() && timePhraseBefore(toks, i)) {
			if id := ms[d.curSubject].Entity; kinds[d.kindOf(id)] {
				agents = append(agents, id)
				leadParticiple = true
			}
		}
		// production by "them", by the factories: the facility named last in the article
		if len(agents) == 0 && (typ == "PRODUCTION" || typ == "EXPANSION") && d.lastFacility != "" {
			agents = append(agents, d.lastFacility)
		}
		// "arms shipments from Iran to Russia", "deliveries of shells from North Korea": a
		// supply noun's "from" names who supplies
		if len(agents) == 0 && typ == "SUPPLY" && s.noun(last) {
			if a := d.prepAgent(toks, ms, last, min(hi, last+6), kinds, "from"); a != "" {
				agents = append(agents, a)
			}
		}
	}
	// "drones that had crossed into Polish airspace", "the minister, who visited ...": the
	// noun a relative clause describes is its subject
	if len(agents) == 0 && !passive && lo >= 2 && lo <= i && (toks[lo-1].Norm == "that" || toks[lo-1].Norm == "which" || toks[lo-1].Norm == "who") {
		ante := lo - 2
		nonRestrictive := false
		if toks[ante].Text == "," && ante > 0 {
			ante--
			nonRestrictive = true
		}
		// "the bloc's foreign ministers, who met": the possessor of the people described
		if k := possessorBefore(toks, ms, ante); k >= 0 && groupNouns[toks[ante].Norm] && !covered(ms, ante) && kinds[d.kindOf(ms[k].Entity)] {
			agents = append(agents, ms[k].Entity)
		}
		// "Philippine vessels that had entered": a noun whose country word is before it
		// stands for that country
		if k := mentionEndingAt(ms, ante-1); k >= 0 && s.noun(ante) && !covered(ms, ante) && d.kindOf(ms[k].Entity) == factgraph.KindCountry && kinds[factgraph.KindCountry] && ownerTypes[typ] {
			agents = append(agents, ms[k].Entity)
		}
		// "IEMZ Kupol, the Russian state-owned firm that manufactures the drone", "the
		// Madleen, a small sailing yacht that was heading for Gaza": the noun a relative
		// clause describes heads an apposition to a name before it, which is its subject
		if len(agents) == 0 && ante >= 0 && !covered(ms, ante) && s.noun(ante) && (companyNouns[toks[ante].Norm] || orgHeads[toks[ante].Norm] || vesselHeads[toks[ante].Norm]) {
			for b := ante - 1; b >= 1 && b >= ante-6; b-- {
				if toks[b].Norm == "the" || toks[b].Norm == "a" || toks[b].Norm == "an" {
					if toks[b-1].Text == "," {
						if k := mentionEndingAt(ms, b-2); k >= 0 && kinds[d.kindOf(ms[k].Entity)] {
							agents = append(agents, ms[k].Entity)
						}
					}
					break
				}
				if !toks[b].Word {
					break
				}
			}
		}
		// ("F-16 jets, which bombed": the system named before its class noun)
		if ante > 0 && !covered(ms, ante) && (airborneNouns[toks[ante].Norm] || classNouns[toks[ante].Norm]) {
			if k := mentionEndingAt(ms, ante-1); k >= 0 && d.kindOf(ms[k].Entity) == factgraph.KindWeaponSystem {
				ante--
			}
		}
		for k := range ms {
			// (not a noun inside a phrase before it: "a route agreed with Moscow that
			// crosses" is the route's)
			// (but "lay with Washington, which supplied the weapons": a clause set off by a
			// comma is about the name itself)
			if ms[k].last != ante || afterPreposition(toks, ms[k].first) && !(nonRestrictive && toks[lo-1].Norm == "which" && s.verb(i)) {
				continue
			}
			kind := d.kindOf(ms[k].Entity)
			switch {
			case toks[lo-1].Norm == "who" && nonRestrictive && i-lo <= 4 && kind != factgraph.KindPerson && d.roleApposed(toks, ms, ante) >= 0:
				// ("Vladimir Putin, president of the Russian Federation, who is paying a
				// visit": the person the role is apposed to, below)
			case kinds[kind]:
				agents = append(agents, ms[k].Entity)
			case kind == factgraph.KindWeaponSystem || kind == factgraph.KindVessel:
				if instrumentTypes[typ] && kind == factgraph.KindWeaponSystem {
					add(factgraph.RoleInstrument, ms[k].Entity)
				}
				if c := d.owner[ms[k].Entity]; c != "" && kinds[d.kindOf(c)] {
					agents = append(agents, c)
				} else if cs := d.curSubject; nonRestrictive && kind == factgraph.KindWeaponSystem && cs >= 0 && cs < len(ms) && ms[cs].last < ms[k].first &&
					(d.kindOf(ms[cs].Entity) == factgraph.KindCountry || d.kindOf(ms[cs].Entity) == factgraph.KindOrganization) && kinds[d.kindOf(ms[cs].Entity)] {
					// ("Thailand answered with F-16 jets, which bombed Cambodian targets",
					// "Russia launched Shahed drones, which hit the port": the weapons of
					// the main clause's doer)
					agents = append(agents, ms[cs].Entity)
				}
			}
		}
		// (the relative's own act, near its start: "who is paying a state visit", not "who
		// will give you an update on last night's strikes")
		if k := d.roleApposed(toks, ms, ante); len(agents) == 0 && toks[lo-1].Norm == "who" && nonRestrictive && i-lo <= 4 && k >= 0 && kinds[d.kindOf(ms[k].Entity)] {
			agents = append(agents, ms[k].Entity)
		}
	}
	// "a Russian drone flew into Romanian airspace", "the drone entered near ...": the
	// country of the weapon or vessel that acts (named with it, here or before)
	if len(agents) == 0 && !passive && ownerTypes[typ] {
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.last >= i || m.first < lo || afterPreposition(toks, m.first) {
				continue
			}
			if kind := d.kindOf(m.Entity); kind == factgraph.KindWeaponSystem || kind == factgraph.KindVessel {
				if c := d.owner[m.Entity]; c != "" && kinds[d.kindOf(c)] {
					agents = append(agents, c)
				}
				break
			}
		}
	}
	// in a transcript turn, an act with no doer named ("two F-16 fighters intercepted",
	// "this was discussed with the Americans") is the speaker's side's
	// (not when the speaker's side is what is hit: "A drone struck the housing units where
	// our troops were sleeping")
	if len(agents) == 0 && d.speaker != "" && s.verb(i) && !speechActs[typ] && !d.hasByAgent(toks, last, hi) && !firstPersonAfter(toks, last, hi) {
		if id := d.pronoun("we", ms, i); id != "" && kinds[d.kindOf(id)] {
			agents = append(agents, id)
		}
	}
	// "added to Britain's sanctions list", "placed on the EU's blacklist": the list's owner
	// (after the preposition: "added Rosneft to its list" lists Rosneft)
	listFrom := i
	if typ == "SANCTION" && last > i {
		for k := i + 1; k < last; k++ {
			if toks[k].Norm == "to" || toks[k].Norm == "on" {
				listFrom = k
				break
			}
		}
	}
	if typ == "SANCTION" && len(agents) == 0 && last > i {
		for k := range ms {
			if ms[k].first > listFrom && ms[k].last < last && kinds[d.kindOf(ms[k].Entity)] {
				agents = append(agents, ms[k].Entity)
				break
			}
		}
	}
	// "discussed the case with Frederiksen at an informal summit of European Union
	// leaders": a meeting noun inside a prepositional phrase is the meeting of its "of"
	// complement, not of the clause's doers
	if (typ == "MEETING" || typ == "TALKS") && s.noun(last) && inPrepositionalPhrase(s, i) {
		if id := d.ofComplement(s, ms, last, kinds); id != "" {
			agents = []string{id}
		}
	}
	// "That strike was widely attributed to Israel", "the attack was blamed on Iran": the
	// one it is put down to is its doer (alleged: modality says so)
	// ("a meeting of the board chaired by Defence Minister Shoigu": the chair holds it)
	if a := d.putDownTo(s, ms, typ, last, hi, kinds); a != "" {
		agents = []string{a}
	}
	// "Tokyo said the launch violated the resolutions and lodged a protest": a speech act
	// coordinated after a reported clause is the speaker's, the main clause's subject (not
	// one named in the reported clause)
	if speechActs[typ] && i > 1 && toks[i-1].Norm == "and" && s.verb(i) && d.curSubject >= 0 && d.curSubject < len(ms) && ms[d.curSubject].last < i-1 &&
		kinds[d.kindOf(ms[d.curSubject].Entity)] && speechBetween(toks, ms[d.curSubject].last+1, i-1) && !slices.Contains(agents, ms[d.curSubject].Entity) {
		agents = []string{ms[d.curSubject].Entity}
	}
	// a noun's agent: "sanctions announced by the European Union" (a "by" of its own
	// phrase, before any finite verb: not "The launches came a day after Pyongyang
	// warned of drills by Washington and Seoul")
	byNoun := ""
	if len(agents) == 0 || s.noun(last) && !passive {
		near := hi
		for k := last + 1; k <= hi; k++ {
			if s.finite(k) || subordinatingWords[toks[k].Norm] || toks[k].Text == "," {
				near = k - 1
				break
			}
		}
		byNoun = d.byAgent(toks, ms, last, near, kinds)
	}
	// ("was answering a missile attack by Iran": the noun's own "by" names its doer, not
	// the clause's subject)
	if byNoun != "" {
		agents = []string{byNoun}
	}
	for _, a := range agents {
		if c := d.bodyOf[a]; c != "" {
			a = c // ("Azerbaijan's border service detained": Azerbaijan)
		}
		add(factgraph.RoleAgent, a)
	}
	// what is done: up to the next trigger ("inspected X and ordered Y") or a reporting
	// verb after "and" ("condemned the move and said it would protect Chinese firms")
	next := hi + 1
	for k := last + 1; k <= hi; k++ {
		// (a relative clause after a doer, ", who is paying a state visit to the DPRK,", is
		// passed over: what follows it is still this event's)
		if toks[k].Text == "," && k+1 < len(toks) && (toks[k+1].Norm == "who" || toks[k+1].Norm == "which") {
			if _, c := s.enclosingRelative(k + 2); c > 0 {
				k = c
				continue
			}
		}
		// (a noun trigger that is the object, "protested against this violation to the
		// Russian side", "expand production of shells", does not end it)
		if t, l := findTrigger(toks, k); t != "" && !covered(ms, k) && !adjectival(s, k, l, t) && !(s.noun(l) && (k > last+1 && objectDeterminers[toks[k-1].Norm] || k == last+1 && s.verb(last))) || speechVerbs[toks[k].Norm] && toks[k-1].Norm == "and" {
			next = k
			break
		}
	}
	tk := targetKinds[typ]
	// "arrested two men after drones were seen over Aalborg Airport": a subordinate clause
	// after the trigger has roles of its own
	roleHi := hi
	if k := s.subordinateClauseAfter(last, hi); k >= 0 {
		roleHi = k - 1
	}
	// (a trigger inside ", who ... ," has the roles up to the closing comma)
	if _, c := s.enclosingRelative(i); c > 0 && c < roleHi {
		roleHi = c
	}
	// "was shot down by two Romanian F-16 jets": the phrase after a passive's "by" is its
	// doer's, no target
	byFrom, byTo := -1, -1
	if passive {
		byFrom, byTo = s.byPhrase(last, hi)
	}
	// (the mentions of a relative clause after the trigger, ", who is paying a visit to the
	// DPRK,", are its own)
	var relFrom, relTo []int
	for k := last + 1; k+2 < len(toks) && k <= hi; k++ {
		if toks[k].Text == "," && (toks[k+1].Norm == "who" || toks[k+1].Norm == "which") {
			if _, c := s.enclosingRelative(k + 2); c > 0 {
				relFrom, relTo = append(relFrom, k), append(relTo, c)
			}
		}
	}
	inRelative := func(m Mention) bool {
		for n := range relFrom {
			if m.first > relFrom[n] && m.last < relTo[n] {
				return true
			}
		}
		return false
	}
	for k, m := range ms {
		if inRelative(m) {
			continue
		}
		// "added the tanker Eagle S to its sanctions list": what is listed is inside the
		// trigger's span, before its preposition
		if listFrom > i && m.first > i && m.last < listFrom && tk[d.kindOf(m.Entity)] {
			add(factgraph.RoleTarget, m.Entity)
			continue
		}
		if m.first < lo || m.first > roleHi || (m.first >= i && m.first <= last) {
			continue
		}
		// "entered its airspace during an attack on Ukrainian ports on the Danube": what
		// follows the next trigger is that event's
		if m.first >= next && !passive {
			continue
		}
		kind := d.kindOf(m.Entity)
		prev := prepositionOf(toks, ms, k)
		after := m.first > last
		if m.first > byFrom && m.last <= byTo {
			if kind == factgraph.KindWeaponSystem && (instrumentTypes[typ] || typ == "INTERCEPTION") {
				add(factgraph.RoleInstrument, m.Entity)
			}
			continue
		}
		// "strikes on Houthi targets", "attacks against Hezbollah positions": the
		// organisation whose targets were struck (a country there is where: below)
		if typ == "STRIKE" && kind == factgraph.KindOrganization && after && (prev == "on" || prev == "against") && m.last+1 < len(toks) && strikeObjects[toks[m.last+1].Norm] {
			add(factgraph.RoleTarget, m.Entity)
			continue
		}
		// "targeted two strongholds of the Jaish al-Zolm group", "hit a headquarters of
		// Mossad": the organisation whose places were struck
		if typ == "STRIKE" && kind == factgraph.KindOrganization && after && prev == "of" {
			j := m.first - 1
			for j > 0 && toks[j].Norm != "of" {
				j--
			}
			if j > 0 && (strikeObjects[toks[j-1].Norm] || hideoutNouns[toks[j-1].Norm]) {
				add(factgraph.RoleTarget, m.Entity)
				continue
			}
		}
		if d.modifier(toks, ms, k) || d.inAttribution(s, m) {
			continue
		}
		// "Romanian F-16 jets were scrambled after a Russian drone violated ...": what comes
		// before a subordinating word belongs to the other clause
		if m.last < i && tokenInSet(toks, m.last+1, i, subordinatingWords) {
			continue
		}
		if speechActs[typ] && (kind == factgraph.KindLocation || kind == factgraph.KindFacility || kind == factgraph.KindCountry && locationPrepositions[prev]) {
			continue
		}
		if possessor(toks, ms, k) && !(typ == "DEPLOYMENT" && prev == "to") {
			continue
		}
		// "a phone call with Cambodia's former leader, Hun Sen": the talks are with the
		// person, not the state whose title they hold
		if (typ == "TALKS" || typ == "MEETING") && titleOwner(toks, ms, k) {
			continue
		}
		// "the Palau-flagged cargo ship", "a Liberian-owned tanker": the flag or the owner's
		// country describes the ship; it takes no part
		if flagOf(toks, m) {
			continue
		}
		// "the President's envoy": the talks are with the envoy, not the President
		if (typ == "TALKS" || typ == "MEETING") && possessiveOfNoun(s, ms, m) {
			continue
		}
		// "a drone plant", "missile factories": a weapon naming a facility is no role
		if kind == factgraph.KindWeaponSystem && m.last+1 < len(toks) && compoundHeads[toks[m.last+1].Norm] {
			continue
		}
		// "travel to Moscow", "arrived in Kyiv", "Zelensky's visit to Washington": the
		// trigger's own preposition
		// ("a state visit to the DPRK", "visited the United States", "visited Beijing": the
		// place visited, through "the")
		near := m.first <= last+2 || m.first == last+3 && toks[m.first-1].Norm == "the"
		// (and a journey's end: "flew to Doha", "arrived in Beijing")
		if (typ == "VISIT" || typ == "TRANSIT" && (toks[last].Norm == "to" || toks[last].Norm == "in" || toks[last].Norm == "at")) && (kind == factgraph.KindCountry || kind == factgraph.KindLocation || typ == "TRANSIT" && kind == factgraph.KindFacility) && m.first > last && near &&
			(toks[last].Norm == "to" || toks[last].Norm == "in" || last+1 < len(toks) && toks[last+1].Norm == "to" && s.noun(last) ||
				m.first <= last+2 && s.verb(last) && (toks[last].Norm == "visited" || toks[last].Norm == "visit" || toks[last].Norm == "visits" || toks[last].Norm == "visiting")) {
			add(factgraph.RoleLocation, m.Entity)
			continue
		}
		// "called the attack another terrorist crime of the Kiev regime": whose crime it
		// is did it
		if (typ == "STRIKE" || typ == "INCURSION") && after && prev == "of" && kinds[kind] && !hasRoleType(ev.Roles, factgraph.RoleAgent) {
			j := m.first - 1
			for j > 0 && toks[j].Norm != "of" {
				j--
			}
			if j > 0 && crimeNouns[toks[j-1].Norm] {
				add(factgraph.RoleAgent, m.Entity)
				continue
			}
		}
		// "fired on three Ukrainian vessels", "fired on a Russian Mi-8 helicopter": the
		// country word of what was fired on is no place; the craft is the target
		if typ == "STRIKE" && after {
			if kind == factgraph.KindCountry && k+1 < len(ms) && ms[k+1].first <= m.last+3 && ms[k+1].first > m.last {
				if nk := d.kindOf(ms[k+1].Entity); (nk == factgraph.KindWeaponSystem || nk == factgraph.KindVessel) && (toks[last].Norm == "on" || toks[last].Norm == "at") {
					continue
				}
			}
			if kind == factgraph.KindWeaponSystem && (toks[last].Norm == "on" || toks[last].Norm == "at") && m.first <= last+4 {
				add(factgraph.RoleTarget, m.Entity)
				continue
			}
		}
		// "an attack on Ukrainian ports", "strikes against Ukraine's grid": where it struck
		if typ == "STRIKE" && kind == factgraph.KindCountry && after && (prev == "on" || prev == "against") {
			add(factgraph.RoleLocation, m.Entity)
			continue
		}
		switch {
		case typ == "STRIKE" && kind == factgraph.KindWeaponSystem && after && (toks[i].Norm == "dropped" || toks[i].Norm == "dropping") && !tokenIn(toks, last+1, m.first, "on"):
			// "dropped 14 bunker-busting bombs on the sites": what was dropped strikes
			add(factgraph.RoleInstrument, m.Entity)
		case typ == "STRIKE" && kind == factgraph.KindFacility && after && prev == "at" && m.first >= 2 && aimNouns[toks[m.first-2].Norm] && m.first-2 > last:
			// "bombs on the underground sites at Fordow": the sites struck are Fordow
			add(factgraph.RoleTarget, m.Entity)
		case typ == "TRANSIT" && (kind == factgraph.KindCountry || kind == factgraph.KindLocation || kind == factgraph.KindFacility) && after:
			// "sailing from Turkey to India": where it went, from and to
			add(factgraph.RoleLocation, m.Entity)
		case typ == "LAUNCH" && (kind == factgraph.KindFacility || kind == factgraph.KindLocation) && after && prev == "from":
			// "launched ... from the Sohae Satellite Launching Ground": the launch site
			add(factgraph.RoleLocation, m.Entity)
		case typ == "STRIKE" && kind == factgraph.KindFacility && after && (prev == "at" || prev == "in" || prev == "near" || prev == "inside"):
			// "hit 41 aircraft at the Olenya base": where, the aircraft being what was hit
			add(factgraph.RoleLocation, m.Entity)
		case typ == "STRIKE" && (kind == factgraph.KindCountry && m.Rule == "gazetteer."+formDemonym || kind == factgraph.KindOrganization) && after && m.first <= last+3 && demonymTargets(toks, m.last):
			// "bombed Cambodian military targets", "striking Houthi positions": the side
			// whose targets are struck
			add(factgraph.RoleTarget, m.Entity)
		case typ == "STRIKE" && kind == factgraph.KindWeaponSystem && s.verb(i) && hitVerbs[toks[i].Norm] && m.first > last && m.first <= last+3 && objectOfVerb(s, ms, last, m.first) && !passiveAt(toks, i):
			// "US forces have since hit Houthi missiles on their launch rails": the weapon
			// a strike verb takes as its object is struck
			add(factgraph.RoleTarget, m.Entity)
		case typ == "STRIKE" && kind == factgraph.KindWeaponSystem && after && prev != "with" && !inWithList(toks, ms, k) && hasRoleType(ev.Roles, factgraph.RoleInstrument) &&
			!firingVerbs[toks[i].Norm] && !strings.HasPrefix(toks[i].Norm, "launch"):
			// "drones had hit 41 aircraft, including Tu-95 bombers": the drones strike, the
			// bombers are struck (but "a submarine fired Tomahawk missiles": what is fired
			// strikes too)
			add(factgraph.RoleTarget, m.Entity)
		case kind == factgraph.KindFacility && !tk[kind] && locationPrepositions[prev] && (after || m.last < i):
			// "met at the Ciragan Palace", "drones were seen over Aalborg Airport": where, for
			// the events a facility is no target of
			add(factgraph.RoleLocation, m.Entity)
		case (kind == factgraph.KindLocation || kind == factgraph.KindCountry) && locationPrepositions[prev] && (after || m.last < i):
			add(factgraph.RoleLocation, m.Entity)
		case kind == factgraph.KindLocation && (after || typ == "DEPLOYMENT"):
			add(factgraph.RoleLocation, m.Entity)
		case typ == "MEETING" && agentKinds[kind] && after && m.first <= last+4 && tokenIn(toks, m.first-3, m.first, "of") && !hasRoleType(ev.Roles, factgraph.RoleAgent):
			add(factgraph.RoleAgent, m.Entity) // "a congress of the Workers' Party"
		case (typ == "TALKS" || typ == "MEETING") && agentKinds[kind] && after && !topicPrepositions[participantPreposition(toks, ms, k, last)]:
			// (not the topic: "discussed a deal on Ukraine's minerals", "the return of
			// children taken to Russia")
			add(factgraph.RoleParticipant, m.Entity)
		case typ == "DEPLOYMENT" && kind == factgraph.KindCountry && prev == "to" && after && m.last+1 < len(toks) && territoryNouns[toks[m.last+1].Norm]:
			// "has deployed it to UK waters": the waters are where, not one the ship serves
			add(factgraph.RoleLocation, m.Entity)
		case (typ == "SUPPLY" || typ == "DEPLOYMENT") && beneficiaryWords[prev] && after && (kind == factgraph.KindCountry || kind == factgraph.KindOrganization):
			add(factgraph.RoleBeneficiary, m.Entity)
		case typ == "SUPPLY" && s.verb(i) && (m.first == last+1 || m.first == last+2 && toks[last+1].Norm == "the") && (kind == factgraph.KindCountry || kind == factgraph.KindOrganization):
			// "supplied Ukraine with shells", "supply Russia's military", "provides the
			// Houthis with weapons": the one right after the verb receives
			add(factgraph.RoleBeneficiary, m.Entity)
		case typ == "DEPLOYMENT" && kind == factgraph.KindCountry && prev == "against" && after:
			add(factgraph.RoleTarget, m.Entity)
		case kind == factgraph.KindWeaponSystem && (typ == "PRODUCTION" || typ == "EXPANSION") && after:
			add(factgraph.RoleTarget, m.Entity)
		case kind == factgraph.KindWeaponSystem && instrumentTypes[typ]:
			add(factgraph.RoleInstrument, m.Entity)
		case typ == "INCURSION" && kind == factgraph.KindCountry && prev == "from":
			add(factgraph.RoleParticipant, m.Entity)
		case typ == "INCURSION" && kind == factgraph.KindCountry && after:
			add(factgraph.RoleLocation, m.Entity)
		case passive && m.last < i && tk[kind]:
			add(factgraph.RoleTarget, m.Entity)
		case typ == "INTERCEPTION" && kind == factgraph.KindWeaponSystem && after && withBefore(s, m.first):
			// "shot the balloon down with a single AIM-9X missile": what it was shot with
			add(factgraph.RoleInstrument, m.Entity)
		case (typ == "INTERCEPTION" || typ == "STRIKE" || typ == "INCURSION") && kind == factgraph.KindVessel && m.last < i && !passive && (d.countryOf(m.Entity) != "" && d.warship(m.Entity) || d.stateShips[m.Entity]):
			// "the USS Carney shot down 14 drones": the warship that shoots is the
			// instrument, its state the doer (below)
			add(factgraph.RoleInstrument, m.Entity)
		case typ == "INTERCEPTION" && kind == factgraph.KindWeaponSystem && m.last < i && (platforms[m.Entity] || d.newAircraft[m.Entity] != ""):
			// "Polish fighter jets shot down drones": the platform that intercepts
			add(factgraph.RoleInstrument, m.Entity)
		case after && m.first < next && tk[kind] && prev != "by" && prev != "from":
			add(factgraph.RoleTarget, m.Entity)
		}
	}
	// "Britain sanctioned both companies", "The companies ... were added to the list": a
	// plural anaphor in the object (or a passive's subject) is the group named last
	if len(tk) > 0 && !speechActs[typ] {
		from, to := last+1, min(next, hi+1)
		if passive {
			from, to = lo, i
		}
		for p := from; p < to; p++ {
			if g, head := d.groupAt(s, ms, p); g != nil && head < to && tk[d.kindOf(g[0])] {
				for _, id := range g {
					if !hasRole(ev.Roles, factgraph.RoleAgent, id) {
						add(factgraph.RoleTarget, id)
					}
				}
				break
			}
		}
	}
	// "blocking the only passage into the Sea of Azov", "ships bound for its ports": a
	// passage named by a noun is no country's doing (the clause's subject blocks or holds
	// it up)
	if typ == "TRANSIT" && (s.noun(i) || toks[i].Norm == "bound") {
		for k := 0; k < len(ev.Roles); k++ {
			if r := ev.Roles[k]; r.Role == factgraph.RoleAgent && d.kindOf(r.Entity) == factgraph.KindCountry {
				ev.Roles = append(ev.Roles[:k], ev.Roles[k+1:]...)
				k--
			}
		}
	}
	// "the boats had been sailing from Odesa": a plural anaphor before a transit is the
	// group that moved
	if typ == "TRANSIT" && !hasRoleType(ev.Roles, factgraph.RoleAgent) {
		for p := lo; p < i; p++ {
			if g, head := d.groupAt(s, ms, p); g != nil && head < i && d.kindOf(g[0]) == factgraph.KindVessel {
				for _, id := range g {
					add(factgraph.RoleAgent, id)
				}
				break
			}
		}
	}
	// "violated his country's airspace": the country of the person "his" is
	// "flew into its airspace": the country whose airspace it is, not the one that flew
	if typ == "INCURSION" {
		for k := last + 1; k+1 <= hi && k <= last+6; k++ {
			w, next := toks[k].Norm, toks[k+1].Norm
			if (w == "his" || w == "her") && next == "country" {
				if e := d.g.Entry(d.pronoun(w, ms, k)); e != nil && e.Country != "" {
					add(factgraph.RoleLocation, e.Country)
				}
			}
			// "violated our airspace" in a transcript turn: the speaker's country
			if w == "our" && (next == "airspace" || next == "territory" || next == "waters") {
				if id := d.pronoun("our", ms, k); id != "" && d.kindOf(id) == factgraph.KindCountry {
					add(factgraph.RoleLocation, id)
				}
			}
			// "violations of the country's airspace": the country named last
			theCountry := w == "the" && next == "country" && k+2 <= hi && (toks[k+2].Text == "'s" || toks[k+2].Text == "’s")
			if (w == "its" || w == "their") && (next == "airspace" || next == "territory" || next == "waters") || theCountry {
				for j := len(ms) - 1; j >= 0; j-- {
					if ms[j].last < k && d.kindOf(ms[j].Entity) == factgraph.KindCountry && !hasRole(ev.Roles, factgraph.RoleAgent, ms[j].Entity) {
						add(factgraph.RoleLocation, ms[j].Entity)
						break
					}
				}
			}
		}
	}
	// "shot down 79 of them", "intercepted them": the weapons named before
	if tk[factgraph.KindWeaponSystem] && !hasRoleType(ev.Roles, factgraph.RoleTarget) {
		for k := last + 1; k <= hi && k <= last+4; k++ {
			if toks[k].Norm != "them" && toks[k].Norm != "it" {
				continue
			}
			for j := len(ms) - 1; j >= 0; j-- {
				if ms[j].last < i && d.kindOf(ms[j].Entity) == factgraph.KindWeaponSystem {
					add(factgraph.RoleTarget, ms[j].Entity)
					break
				}
			}
			break
		}
	}
	// "It was boarded by French commandos", "They were detained": a passive's pronoun
	// subject is its patient (a vessel's "it": the vessel named last)
	if passive && !hasRoleType(ev.Roles, factgraph.RoleTarget) && len(tk) > 0 {
		for p := lo; p < i; p++ {
			w := toks[p].Norm
			if w != "it" && w != "they" && w != "he" && w != "she" || s.tag(p) != "PRP" {
				continue
			}
			id := ""
			if (w == "it" || w == "they") && tk[factgraph.KindVessel] {
				if id = d.lastShip(ms, p); id == "" {
					id = d.lastVessel
				}
			}
			if id == "" {
				id = d.pronoun(w, ms, p)
			}
			if id != "" && tk[d.kindOf(id)] && !hasRole(ev.Roles, factgraph.RoleAgent, id) {
				add(factgraph.RoleTarget, id)
			}
			break
		}
	}
	// "the drones which posed a threat had been destroyed": a passive's patient is the noun
	// its relative clause describes
	if passive && !hasRoleType(ev.Roles, factgraph.RoleTarget) && len(tk) > 0 && lo >= 2 && (toks[lo-1].Norm == "which" || toks[lo-1].Norm == "that") {
		if k := mentionEndingAt(ms, lo-2); k >= 0 && tk[d.kindOf(ms[k].Entity)] {
			add(factgraph.RoleTarget, ms[k].Entity)
		}
	}
	// "ordered them to expand": an object pronoun right after the trigger is the target
	// ("instructed him": the person who is not the subject)
	if !hasRoleType(ev.Roles, factgraph.RoleTarget) && len(tk) > 0 && last+1 < len(toks) {
		switch toks[last+1].Norm {
		case "them", "it", "him", "her":
			if id := d.pronoun(toks[last+1].Norm, ms, last+1); id != "" && tk[d.kindOf(id)] {
				add(factgraph.RoleTarget, id)
			}
		}
	}
	// "talks between Russia and Ukraine", "the meeting of Putin and Biden", "the next
	// meeting of the two leaders": the coordinated parties of a symmetric noun all act
	if (typ == "TALKS" || typ == "MEETING") && s.noun(last) {
		if parties := d.nounParties(s, ms, last, hi); len(parties) >= 2 {
			// (the host of talks between two others takes part: "talks hosted by Anwar
			// Ibrahim between ...")
			if h := hostedBetween(toks, ms, last); h >= 0 {
				for k := range ev.Roles {
					if ev.Roles[k].Entity == ms[h].Entity && ev.Roles[k].Role == factgraph.RoleAgent {
						ev.Roles[k].Role = factgraph.RoleParticipant
					}
				}
				if !hasEntity(ev.Roles, ms[h].Entity) {
					add(factgraph.RoleParticipant, ms[h].Entity)
				}
			}
			for _, id := range parties {
				found := false
				for k := range ev.Roles {
					if ev.Roles[k].Entity == id {
						ev.Roles[k].Role = factgraph.RoleAgent
						found = true
					}
				}
				if !found {
					add(factgraph.RoleAgent, id)
				}
			}
		}
	}
	// talks "between X and Y" with no doer before: the first party leads (a noun's; the
	// one a verb is done to, "called General Gerasimov", is no doer)
	if (typ == "TALKS" || typ == "MEETING") && !hasRoleType(ev.Roles, factgraph.RoleAgent) && !(s.verb(i) && (toks[i].Norm == "called" || toks[i].Norm == "calls" || toks[i].Norm == "rang")) {
		for i, r := range ev.Roles {
			if r.Role == factgraph.RoleParticipant && d.kindOf(r.Entity) == factgraph.KindPerson && !d.withParty(s, ms, r.Entity) {
				ev.Roles[i].Role = factgraph.RoleAgent
				break
			}
		}
	}
	// "Russia has received shipments of missiles from Iran": the subject of a verb of
	// receiving is the one supplied, and the one after "from" supplies
	if typ == "SUPPLY" {
		d.receivedFrom(s, ms, ev, lo, i, last, hi)
	}
	// "police arrested him", "detained her": the person a pronoun object names is held
	if typ == "DETENTION" && s.verb(i) && !passive && last+1 < len(toks) && (toks[last+1].Norm == "him" || toks[last+1].Norm == "her") && !hasRoleType(ev.Roles, factgraph.RoleTarget) {
		if id := d.pronoun(toks[last+1].Norm, ms, last+1); id != "" && d.kindOf(id) == factgraph.KindPerson && !hasEntity(ev.Roles, id) {
			ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleTarget, Entity: id})
		}
	}
	// "the sanctions imposed on the DPRK by the UN Security Council", "an arms embargo on
	// Iran": what they are imposed on is the target, the one after "by" imposes them
	if typ == "SANCTION" && (toks[last].Norm == "imposed" || toks[last].Norm == "embargo") {
		on := last + 1
		if toks[last].Norm == "imposed" && on < len(toks) && toks[on].Norm == "on" || toks[last].Norm == "embargo" && on < len(toks) && (toks[on].Norm == "on" || toks[on].Norm == "against") {
			if k := mentionStartingAtOrAfter(ms, on+1, on+2); k >= 0 && !hasEntity(ev.Roles, ms[k].Entity) {
				add(factgraph.RoleTarget, ms[k].Entity)
			}
		}
		// ("an arms embargo has barred weapons deliveries to the Houthis": whom deliveries
		// are barred to)
		if toks[last].Norm == "embargo" && !hasRoleType(ev.Roles, factgraph.RoleTarget) {
			for k := last + 1; k+1 < len(toks) && k <= hi && k <= last+8; k++ {
				if toks[k].Norm == "to" && preventVerbs[toks[last+1].Norm] || toks[k].Norm == "to" && k >= 2 && tokenInSet(toks, last+1, k, preventVerbs) {
					if j := mentionStartingAtOrAfter(ms, k+1, k+2); j >= 0 && agentKinds[d.kindOf(ms[j].Entity)] {
						add(factgraph.RoleTarget, ms[j].Entity)
					}
					break
				}
			}
		}
	}
	// "The Sig has been under United States sanctions": the one under them is the target
	if typ == "SANCTION" && toks[i].Norm == "sanctions" && !hasRoleType(ev.Roles, factgraph.RoleTarget) {
		if u := underSanctions(toks, i); u >= 0 {
			for k := range ms {
				if ms[k].last < u && ms[k].first >= lo && (d.kindOf(ms[k].Entity) == factgraph.KindVessel || d.kindOf(ms[k].Entity) == factgraph.KindOrganization || d.kindOf(ms[k].Entity) == factgraph.KindPerson) && !afterPreposition(toks, ms[k].first) {
					add(factgraph.RoleTarget, ms[k].Entity)
					break
				}
			}
		}
	}
	// "a DPRK delegation headed by Choe Son Hui ... left Pyongyang": the delegation's head
	// acts, not the state the delegation is of
	if p := delegationHead(toks, ms, d, lo, i); p != "" {
		for k := range ev.Roles {
			if ev.Roles[k].Role == factgraph.RoleAgent && d.kindOf(ev.Roles[k].Entity) == factgraph.KindCountry && (d.countryOf(p) == "" || d.countryOf(p) == ev.Roles[k].Entity) {
				ev.Roles[k].Entity = p
				break
			}
		}
	}
	// "The clashes erupted near the temple", "fighting around the airport": fighting is
	// both sides' strike, the two named "between X and Y" after it, else the two sides of
	// the article's conflict (noteSides)
	if typ == "STRIKE" && clashWords[toks[i].Norm] {
		var sides []string
		if k := tokenAt(toks, last+1, min(hi, last+4), "between"); k >= 0 {
			// ("a gun battle between Kosovo police and a band of armed Serbs": the side
			// named, alone)
			if sides = d.pairAfter(toks, ms, k); sides == nil {
				if a := mentionStartingAtOrAfter(ms, k+1, k+2); a >= 0 && agentKinds[d.kindOf(ms[a].Entity)] && d.kindOf(ms[a].Entity) != factgraph.KindPerson {
					sides = []string{ms[a].Entity}
				}
			}
			if sides != nil {
				kept := ev.Roles[:0]
				for _, r := range ev.Roles {
					if r.Role != factgraph.RoleAgent && !slices.Contains(sides, r.Entity) {
						kept = append(kept, r)
					}
				}
				ev.Roles = kept
			}
		} else if !hasRoleType(ev.Roles, factgraph.RoleAgent) {
			sides = d.sides
		}
		// (what is fought around is the place: "fighting around another temple")
		for k := range ev.Roles {
			if ev.Roles[k].Role == factgraph.RoleTarget {
				if kind := d.kindOf(ev.Roles[k].Entity); kind == factgraph.KindFacility || kind == factgraph.KindLocation {
					ev.Roles[k].Role = factgraph.RoleLocation
				}
			}
		}
		var agents []factgraph.Role
		for _, c := range sides {
			if !hasEntity(ev.Roles, c) {
				agents = append(agents, factgraph.Role{Role: factgraph.RoleAgent, Entity: c})
			}
		}
		ev.Roles = append(agents, ev.Roles...)
	}
	if len(ev.Roles) == 0 {
		return nil
	}
	// (the warship's state does what it does: "the USS Carney shot down 14 drones")
	// (and the state of a ship that intrudes: "the Yantar entered the wider UK waters",
	// after "the Russian spy ship Yantar")
	if (typ == "INTERCEPTION" || typ == "STRIKE" || typ == "INCURSION") && !hasRoleType(ev.Roles, factgraph.RoleAgent) {
		for _, r := range ev.Roles {
			if r.Role == factgraph.RoleInstrument && d.kindOf(r.Entity) == factgraph.KindVessel {
				if c := d.countryOf(r.Entity); c != "" && !hasEntity(ev.Roles, c) {
					ev.Roles = append([]factgraph.Role{{Role: factgraph.RoleAgent, Entity: c}}, ev.Roles...)
				}
				break
			}
		}
	}
	// no one intrudes into their own country: with another country where it happened, the
	// intruder is not also where it intruded ("a Russian fighter jet entered Estonian
	// airspace"); with none, the place is kept (the agent may be the wrong one: "Lithuania
	// closed its border after balloon incursions disrupted flights in Vilnius")
	if typ == "INCURSION" {
		otherPlace := false
		for _, r := range ev.Roles {
			if r.Role == factgraph.RoleLocation && d.kindOf(r.Entity) == factgraph.KindCountry && !hasRole(ev.Roles, factgraph.RoleAgent, r.Entity) {
				otherPlace = true
			}
		}
		kept := ev.Roles[:0]
		for _, r := range ev.Roles {
			both := hasRole(ev.Roles, factgraph.RoleAgent, r.Entity) && hasRole(ev.Roles, factgraph.RoleLocation, r.Entity)
			if !both || !otherPlace || r.Role == factgraph.RoleAgent {
				kept = append(kept, r)
			}
		}
		ev.Roles = kept
	}
	// "Touring the production lines, Kim set forth ...": a participle that only repeats
	// the doer of the event named before is that event, not another
	if leadParticiple && len(ev.Roles) == 1 {
		for _, r := range d.lastRoles[typ] {
			if r.Role == factgraph.RoleAgent && r.Entity == ev.Roles[0].Entity {
				return nil
			}
		}
	}
	return ev
}

// relativeSpan: the tokens of a relative clause between commas before the trigger at i
// (", who visited Oslo on Monday,"): the relative pronoun's and the closing comma's
// indexes, or -1, -1.
func relativeSpan(toks []token, lo, i int) (int, int) {
	for k := lo + 1; k < i; k++ {
		if w := toks[k].Norm; (w == "who" || w == "which") && toks[k-1].Text == "," {
			for j := k + 1; j < i; j++ {
				if toks[j].Text == "," {
					return k, j
				}
			}
			return -1, -1
		}
	}
	return -1, -1
}

// groupNouns are people who act for whoever owns them: "the bloc's foreign ministers",
// "Russia's delegation".
var groupNouns = map[string]bool{"ministers": true, "minister": true, "leaders": true, "leader": true,
	"delegation": true, "delegations": true, "officials": true, "envoys": true, "envoy": true, "diplomats": true,
	"negotiators": true, "representatives": true, "forces": true, "troops": true, "government": true,
	"military": true, "navy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true}

// possessorBefore: the mention before "'s" in front of the noun phrase that ends at token
// ante, through up to three lower-case words ("the bloc's foreign ministers"), or -1.
func possessorBefore(toks []token, ms []Mention, ante int) int {
	for j := ante; j >= 1 && j >= ante-3; j-- {
		if t := toks[j-1].Text; t == "'s" || t == "’s" {
			return mentionEndingAt(ms, j-2)
		}
		if !toks[j].Word || toks[j].Capitalized() {
			return -1
		}
	}
	return -1
}

// mentionEndingAt is the index of the mention whose last token is k, or -1.
func mentionEndingAt(ms []Mention, k int) int {
	for i := range ms {
		if ms[i].last == k {
			return i
		}
	}
	return -1
}

// controlVerbs take an object that is the doer of the infinitive after it: "urged Kyiv to
// accept", "called on Moscow to withdraw" (with "on").
var controlVerbs = map[string]bool{"urged": true, "urges": true, "urging": true, "urge": true, "asked": true,
	"asks": true, "pressed": true, "pressing": true, "told": true, "encouraged": true, "invited": true,
	"persuaded": true, "allowed": true, "forced": true, "convinced": true, "ordered": true, "instructed": true,
	"authorised": true, "authorized": true, "pushed": true, "challenged": true}

// controlledAgent: the object of a control verb before the infinitive that holds the trigger
// at i ("called on the United States to stop sending warships": the United States), or "".
// Up to two verbs may come between "to" and the trigger ("to stop sending", "to help build").
func (d *doc) controlledAgent(toks []token, ms []Mention, i int, kinds map[string]bool) string {
	to := -1
	for p := i - 1; p >= 0 && p >= i-3; p-- {
		if toks[p].Norm == "to" {
			to = p
			break
		}
		if !toks[p].Word {
			return ""
		}
	}
	if to < 1 {
		return ""
	}
	// "urged the EU to declare ... and to impose sanctions": an infinitive coordinated with
	// a controlled one has its doer
	if toks[to-1].Norm == "and" {
		for p := to - 2; p >= 1 && p >= to-20; p-- {
			if toks[p].Norm == "to" && p+1 < to-1 {
				return d.controlledAgent(toks, ms, p+1, kinds)
			}
			if toks[p].Text == "." || toks[p].Text == ";" {
				break
			}
		}
		return ""
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.last != to-1 {
			continue
		}
		if !kinds[d.kindOf(m.Entity)] {
			return ""
		}
		b := m.first - 1
		if b >= 0 && toks[b].Norm == "the" {
			b--
		}
		if b < 0 {
			return ""
		}
		if controlVerbs[toks[b].Norm] || toks[b].Norm == "on" && b > 0 && (toks[b-1].Norm == "called" || toks[b-1].Norm == "calls" || toks[b-1].Norm == "calling" || toks[b-1].Norm == "call") {
			return m.Entity
		}
		return ""
	}
	return ""
}

// topicPrepositions before a mention after a talks trigger make it the topic, not a party.
// (and "in", "at": "received Witkoff in the Kremlin" is where)
var topicPrepositions = map[string]bool{"on": true, "about": true, "to": true, "from": true, "over": true, "for": true,
	"into": true, "against": true, "regarding": true, "concerning": true, "in": true, "at": true}

// participantPreposition: the preposition before mention k, looking through determiners,
// possessors and up to two adjectives ("on Ukraine's", "about the future of").
func participantPreposition(toks []token, ms []Mention, k, last int) string {
	first := ms[k].first
	// (not past the trigger ending at last: "expected to meet President Trump")
	for j := first - 1; j > last && j >= first-4; j-- {
		w := toks[j].Norm
		if topicPrepositions[w] || w == "with" || w == "between" || w == "and" || w == "of" {
			return w
		}
		if !toks[j].Word {
			return ""
		}
	}
	return ""
}

// partyNouns after "the two", "both" name the parties of talks.
var partyNouns = map[string]bool{"sides": true, "countries": true, "leaders": true, "delegations": true,
	"governments": true, "parties": true, "presidents": true, "men": true, "ministers": true, "nations": true}

// ownerTypes take the country of the weapon or vessel that acts as their agent.
var ownerTypes = map[string]bool{"INCURSION": true, "STRIKE": true, "LAUNCH": true, "INTERCEPTION": true, "TRANSIT": true}

// label: the mention is the speaker label of a transcript line ("RUTTE: ..."), not a word
// of the sentence.
func label(s *sentence, m Mention) bool {
	return s.Speaker != "" && m.End <= s.Start+len(s.Speaker)+2
}

// irregular past participles of trigger verbs.
var participles = map[string]bool{"built": true, "sent": true, "struck": true, "shot": true, "held": true, "met": true,
	"hit": true, "made": true, "seen": true, "taken": true, "given": true, "shown": true, "done": true, "led": true,
	"brought": true, "caught": true, "driven": true, "sold": true, "thrown": true, "beaten": true, "flown": true,
	"fought": true, "overrun": true, "won": true, "lost": true, "kept": true, "told": true, "put": true}

// isParticiple: a form that makes "was X" passive ("was inspected", "were sent"), unlike
// "is sailing".
func isParticiple(w string) bool { return strings.HasSuffix(w, "ed") || participles[w] }

// tokenIn: the word among tokens from..to-1.
func tokenIn(toks []token, from, to int, w string) bool {
	for k := max(0, from); k < to && k < len(toks); k++ {
		if toks[k].Norm == w {
			return true
		}
	}
	return false
}

// speechBetween: a speech verb among tokens from..to-2.
func speechBetween(toks []token, from, to int) bool {
	for k := from; k < to-1; k++ { // not right before the trigger: "denied supplying"
		// "is reported to have sent", "was said to": a hedge on the same subject
		// ("spoke by phone with Netanyahu and convened G7 leaders", "spoke to reporters":
		// speaking with or to someone reports nothing)
		if (toks[k].Norm == "spoke" || toks[k].Norm == "speaks" || toks[k].Norm == "speaking") && k+1 < len(toks) && (toks[k+1].Norm == "with" || toks[k+1].Norm == "to" || toks[k+1].Norm == "by") {
			continue
		}
		if speechVerbs[toks[k].Norm] && !(k > 0 && beVerbs[toks[k-1].Norm]) && !(ownActVerbs[toks[k].Norm] && objectBetween(toks, k+1, to)) {
			return true
		}
	}
	return false
}

// lastShip: the vessel named last before token k in the sentence, or the country of the
// warship named last ("the Russian frigate ... it sailed"); "" if none.
func (d *doc) lastShip(ms []Mention, k int) string {
	for j := len(ms) - 1; j >= 0; j-- {
		if ms[j].last >= k {
			continue
		}
		switch id := ms[j].Entity; {
		case d.kindOf(id) == factgraph.KindVessel:
			return id
		case navalPlatforms[id]:
			return d.owner[id]
		}
	}
	return ""
}

// navalPlatforms are warships by class: "the frigate", "warships".
var navalPlatforms = map[string]bool{"weapon:warship": true, "weapon:frigate": true, "weapon:corvette": true, "weapon:destroyer": true}

// subordinatingWords open a clause of their own between a mention and a trigger after it.
var subordinatingWords = map[string]bool{"after": true, "before": true, "when": true, "while": true,
	"because": true, "since": true, "until": true, "although": true, "though": true, "whereas": true, "once": true}

// tokenInSet: a token among from..to-1 is in the set.
func tokenInSet(toks []token, from, to int, set map[string]bool) bool {
	for k := max(0, from); k < to && k < len(toks); k++ {
		if set[toks[k].Norm] {
			return true
		}
	}
	return false
}

// observeVerbs have the observer as subject and the act observed as object: "recorded 19
// violations", "detected an incursion".
var observeVerbs = map[string]bool{"recorded": true, "registered": true, "detected": true, "tracked": true,
	"observed": true, "counted": true, "logged": true, "monitored": true, "noted": true, "documented": true,
	"records": true, "registers": true, "detects": true, "tracks": true, "observes": true, "counts": true,
	// ("Kim Jong Un also watched the launch of the Hwasong-18": who watches is no doer)
	"watched": true, "watches": true, "witnessed": true}

// observedBetween: an observation verb among tokens from..to-1.
func observedBetween(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if observeVerbs[toks[k].Norm] {
			return true
		}
	}
	return false
}

// ownActVerbs announce the subject's own act as their object ("Norway announced new
// measures"); a report of an act ("Ukraine reported new attacks") is not the reporter's.
var ownActVerbs = map[string]bool{"announced": true, "announces": true, "announcing": true, "unveiled": true,
	"unveils": true, "declared": true}

// objectModifiers may stand between a verb and the noun that is its object: "announced new
// measures", "announced further sanctions".
var objectModifiers = map[string]bool{"new": true, "fresh": true, "further": true, "more": true, "additional": true,
	"the": true, "a": true, "an": true, "its": true, "their": true, "tougher": true, "wider": true}

// objectBetween: tokens from..to-1 only modify the trigger at to, which is then the object
// of the verb before them ("announced new measures": the measures are the announcer's).
func objectBetween(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if !objectModifiers[toks[k].Norm] {
			return false
		}
	}
	return true
}

// afterPreposition: the mention follows "of", "to", "with", "from" and so is not a subject.
func afterPreposition(toks []token, first int) bool {
	if first == 0 {
		return false
	}
	// (through a title written before a name the mention does not include: "by Minister
	// Kihara")
	for first > 1 && first > 0 && toks[first-1].Capitalized() && personTitles[toks[first-1].Norm] {
		first--
	}
	p := toks[first-1].Norm
	// (past a compass word: "armed groups in eastern Congo", "from southern Lebanon")
	if compassWords[p] && first > 1 {
		first--
		p = toks[first-1].Norm
	}
	if p == "the" && first > 1 {
		p = toks[first-2].Norm
	}
	switch p {
	case "to", "with", "from", "for", "against", "of", "on", "into", "about", "over", "toward", "towards", "at",
		"in", "by", "through", "across", "near", "under", "between", "among", "support", "help":
		return true
	}
	return false
}

// receivedFrom turns a supply whose trigger is (or is the object of) a verb of receiving
// around: its agent receives, and a doer after "from" (in the trigger's clause) supplies.
func (d *doc) receivedFrom(s *sentence, ms []Mention, ev *factgraph.Event, lo, i, last, hi int) {
	toks := s.Tokens
	v := -1
	for k := max(lo, i-2); k <= i; k++ {
		if receiveVerbs[toks[k].Norm] && s.verb(k) {
			v = k
		}
	}
	if v < 0 {
		return
	}
	from := ""
	for k := range ms {
		if ms[k].first > last && ms[k].first <= hi && ms[k].first >= 1 && toks[ms[k].first-1].Norm == "from" && agentKinds[d.kindOf(ms[k].Entity)] {
			from = ms[k].Entity
			break
		}
	}
	for k := range ev.Roles {
		if ev.Roles[k].Role == factgraph.RoleAgent {
			ev.Roles[k].Role = factgraph.RoleBeneficiary
		}
	}
	if from != "" && !hasEntity(ev.Roles, from) {
		ev.Roles = append(ev.Roles, factgraph.Role{Role: factgraph.RoleAgent, Entity: from})
	}
}

// receiveVerbs: the subject gets what is supplied.
var receiveVerbs = map[string]bool{"received": true, "receives": true, "receive": true, "receiving": true,
	"obtained": true, "obtains": true, "acquired": true, "acquires": true, "bought": true, "buys": true,
	"imported": true, "imports": true, "got": true, "gets": true}

// reportedSubject: a speech verb between from and i is followed by the subject of the
// clause it reports (a doer right after it or after "that"): "KCNA said Kim laid out the
// plan while touring", not "Lund told reporters after meeting".
func reportedSubject(toks []token, ms []Mention, from, i int, d *doc) bool {
	for v := from; v < i; v++ {
		if !speechVerbs[toks[v].Norm] {
			continue
		}
		p := v + 1
		if p < i && toks[p].Norm == "that" {
			p++
		}
		if k := mentionStartingAtOrAfter(ms, p, p); k >= 0 && agentKinds[d.kindOf(ms[k].Entity)] {
			return true
		}
	}
	return false
}

// inContrastPhrase: the mention m follows "unlike", "like" or "besides" (a few words
// before it) and a comma closes that phrase before the trigger at i.
func inContrastPhrase(toks []token, m Mention, lo, i int) bool {
	for p := m.first - 1; p >= lo && p >= m.first-4; p-- {
		if w := toks[p].Norm; w == "unlike" || w == "like" || w == "besides" {
			return tokenIn(toks, m.last+1, i-1, ",")
		}
		if !toks[p].Word {
			return false
		}
	}
	return false
}

// gerundObject: the trigger at i is the gerund object of the verb after the mention ending
// at last ("Iran denied supplying drones", "Oslo admitted sending troops"): the subject of
// the verb does the gerund's act, even when it is the source of the denial.
func gerundObject(s *sentence, last, i int) bool {
	v := last + 1
	if v < i && s.tag(v) == "RB" { // "has repeatedly denied"
		v++
	}
	for v < i && (beVerbs[s.Tokens[v].Norm] || s.Tokens[v].Norm == "has" || s.Tokens[v].Norm == "have" || s.Tokens[v].Norm == "had") {
		v++
	}
	return v+1 == i && gerundTakers[s.Tokens[v].Norm] && s.tag(i) == "VBG"
}

// gerundTakers are verbs whose object can be an act of their subject's: "denied supplying".
var gerundTakers = map[string]bool{"denied": true, "denies": true, "deny": true, "denying": true,
	"admitted": true, "admits": true, "acknowledged": true, "confirmed": true, "stopped": true, "began": true,
	"begun": true, "started": true, "continued": true, "resumed": true}

// forcesOf: the mention at first completes a group of people who act for it ("special
// forces of the Guard seized", "officers of the border agency boarded"): the group's acts
// are its.
func forcesOf(toks []token, first int) bool {
	k := first - 1
	if k > 0 && toks[k].Norm == "the" {
		k--
	}
	return k > 0 && toks[k].Norm == "of" && actingGroups[toks[k-1].Norm]
}

// actingGroups are plural nouns of people who act for an organisation or a state.
var actingGroups = map[string]bool{"forces": true, "troops": true, "officers": true, "units": true, "members": true,
	"personnel": true, "commandos": true, "sailors": true, "soldiers": true, "agents": true, "guards": true,
	"marines": true, "crews": true, "pilots": true, "fighters": true}

// label is a short line for timelines: "Kim Jong Un inspected: 8,700-ton ... submarine".
func (d *doc) label(ev *factgraph.Event, trig []token) string {
	name := d.nameOf
	var agent string
	var others []string
	for _, r := range ev.Roles {
		if r.Role == factgraph.RoleAgent {
			agent = name(r.Entity)
		} else {
			others = append(others, name(r.Entity))
		}
	}
	var words []string
	for _, t := range trig {
		words = append(words, t.Text)
	}
	l := strings.Join(words, " ")
	if agent != "" {
		l = agent + " " + l
	} else {
		l = strings.ToUpper(l[:1]) + l[1:]
	}
	if len(others) > 0 {
		l += ": " + strings.Join(others, ", ")
	}
	return l
}

// modality reads how the sentence puts the event at token i: denied, planned, alleged (a
// hedge), or reported; with the confidence that goes with it.
func (d *doc) modality(s *sentence, i int) (string, float64) {
	low := " " + strings.ToLower(s.Text) + " "
	toks := s.Tokens
	// denied: a denial verb before the trigger ("Pyongyang denied supplying", "Moscow
	// denies that ... sent"), or a negation right before it ("did not enter", "has never
	// sent"); "did not specify ... his inspection" negates another verb
	for k := 0; k < i; k++ {
		switch toks[k].Norm {
		case "denied", "denies", "deny", "denying", "rejected", "dismissed":
			// ("rejected any link between the decision and the attack": the link is
			// denied, not the act)
			if !tokenInSet(toks, k+1, i, linkNouns) {
				return factgraph.ModalityDenied, 0.7
			}
		}
	}
	for k := max(0, i-3); k < i; k++ {
		switch toks[k].Norm {
		case "not", "never", "nt", "no":
			return factgraph.ModalityDenied, 0.7
		}
	}
	// "had no role in the attack": the act a part is denied in
	if k := i - 1; k >= 3 && (toks[k].Norm == "the" || toks[k].Norm == "this") {
		if w := toks[k-1].Norm; (w == "in" || w == "of") && partNouns[toks[k-2].Norm] && toks[k-3].Norm == "no" {
			return factgraph.ModalityDenied, 0.7
		}
	}
	if strings.Contains(low, " no evidence ") || strings.Contains(low, " no sign ") || strings.Contains(low, " no indication ") {
		return factgraph.ModalityDenied, 0.7
	}
	// "accused X of the attack": the act accused of is alleged (not "the accused was held")
	if !strings.Contains(low, "accus") {
		// (no accusation: the regexp is not run)
	} else if m := accusedOfRe.FindStringIndex(low); m != nil && !strings.HasSuffix(low[:m[0]], " the ") {
		return factgraph.ModalityAlleged, 0.6
	}
	for _, h := range []string{"reportedly", "allegedly", "widely seen", "is believed", "are believed", "believed to", "most likely", "suspected", "apparently", "is thought", "are thought", "may have", "might", "could have", "claims", "speculation", "is said to", "are said to"} {
		if strings.Contains(low, h) {
			return factgraph.ModalityAlleged, 0.6
		}
	}
	if strings.Contains(low, "estimated") {
		return factgraph.ModalityEstimated, 0.7
	}
	// planned: "to inspect", "will launch", "will be launched", "plans to quickly build"
	k := i - 1
	if k >= 0 && strings.HasSuffix(toks[k].Norm, "ly") {
		k-- // an adverb
	}
	if k >= 0 && (toks[k].Norm == "be" || toks[k].Norm == "been") {
		k--
	}
	if k >= 0 {
		switch toks[k].Norm {
		case "will", "would", "shall", "to":
			if toks[k].Norm != "to" || k == 0 || toks[k-1].Norm != "according" {
				return factgraph.ModalityPlanned, 0.8
			}
		}
	}
	for _, p := range []string{" as planned", " upcoming ", " next year", " next month", " next week"} {
		if strings.Contains(low, p) {
			return factgraph.ModalityPlanned, 0.8
		}
	}
	return factgraph.ModalityReported, 0.8
}

// possessiveOfNoun: the mention is a possessor of a noun that is not itself a mention
// ("the President's envoy").
func possessiveOfNoun(s *sentence, ms []Mention, m Mention) bool {
	toks := s.Tokens
	k := m.last + 1
	if toks[m.last].Text == "'s" || toks[m.last].Text == "’s" {
		k = m.last
	} else if k >= len(toks) || toks[k].Text != "'s" && toks[k].Text != "’s" {
		return false
	}
	return k+1 < len(toks) && s.noun(k+1) && !covered(ms, k+1)
}

// Trigger sense checks: the trigger word is used in another sense, not as an event.

// purposeOpeners: "so as to", "in order to" before a verb trigger: an aim, not an event.
func purposePhrase(toks []token, i int) bool {
	// "a mandate to escort ships and shoot down drones", "permission to use": what a
	// licence or a capability allows is no act (also the infinitive coordinated with it)
	to := i - 1
	if i >= 2 && toks[i-1].Norm == "and" {
		for to = i - 2; to > 0 && to >= i-8 && toks[to].Norm != "to" && toks[to].Word; to-- {
		}
	}
	if to >= 1 && toks[to].Norm == "to" && licenceNouns[toks[to-1].Norm] {
		return true
	}
	if i < 3 || toks[i-1].Norm != "to" {
		return false
	}
	a, b := toks[i-3].Norm, toks[i-2].Norm
	return a == "so" && b == "as" || a == "in" && b == "order"
}

// licenceNouns before an infinitive: what they allow has not happened.
var licenceNouns = map[string]bool{"mandate": true, "permission": true, "authority": true, "authorisation": true,
	"authorization": true, "right": true, "powers": true, "ability": true, "capability": true, "capacity": true}

// idiomObjects: "meet a deadline", "meet the demand", "launch an investigation".
var idiomObjects = map[string]map[string]bool{
	"MEETING": {"deadline": true, "deadlines": true, "demand": true, "demands": true, "target": true, "targets": true,
		"needs": true, "need": true, "goal": true, "goals": true, "expectations": true, "requirements": true,
		"standards": true, "obligations": true, "criteria": true, "quota": true, "purpose": true, "purposes": true,
		"challenge": true, "challenges": true, "condition": true, "conditions": true},
	"LAUNCH": {"operation": true, "mission": true, "campaign": true, "investigation": true, "probe": true,
		"initiative": true, "inquiry": true, "programme": true, "program": true, "offensive": true, "appeal": true,
		"review": true, "bid": true, "project": true, "plan": true, "website": true, "platform": true,
		"attack": true, "attacks": true, "assault": true, "strike": true, "strikes": true, "raid": true, "raids": true,
		"cannon": true, "cannons": true, "flares": true},
	"CONSTRUCTION": {"reserves": true, "stocks": true, "stockpiles": true, "support": true, "trust": true,
		"consensus": true, "momentum": true, "capacity": true, "resilience": true, "coalition": true},
	"TEST": {"patience": true, "resolve": true, "limits": true, "waters": true, "unity": true},
	// ("the army seized power in July": a coup, no one held)
	"DETENTION": {"power": true, "control": true, "initiative": true, "opportunity": true, "moment": true},
	// "speak with one voice": unity, no talks
	"TALKS": {"voice": true},
	"STRIKE": {"deal": true, "deals": true, "balance": true, "chord": true, "compromise": true, "headlines": true,
		"bargain": true, "tone": true, "note": true, "pose": true},
}

// weaponHeads after a trigger noun make it a modifier: "strike fighter", "attack drones".
var weaponHeads = map[string]bool{"fighter": true, "fighters": true, "aircraft": true, "helicopter": true,
	"helicopters": true, "drone": true, "drones": true, "submarine": true, "submarines": true, "group": true,
	"groups": true, "capability": true, "capabilities": true, "force": true, "forces": true, "weapons": true,
	"weapon": true, "missile": true, "missiles": true, "team": true, "teams": true, "unit": true, "units": true,
	"chain": true, "chains": true, "route": true, "routes": true, "corridor": true, "pad": true, "vehicle": true,
	"vehicles": true, "boat": true, "boats": true, "jet": true, "jets": true, "craft": true, "ship": true, "ships": true,
	// "the last crossing point", "border crossing points": a place, not an act
	"point": true, "points": true}

// otherSense reports a trigger used in another sense: in a purpose phrase ("so as to
// meet"), an idiom ("meet a deadline", "launch an investigation", "built reserves"), a noun
// for an appeal ("her call for calm"), a modifier of a weapon ("strike fighter", "attack
// helicopters"), a characterisation ("the most serious attack on ..."), "fired on".
func otherSense(s *sentence, ms []Mention, d *doc, typ string, i, last int) bool {
	toks := s.Tokens
	// "called X": a call only when X is a person named right after it
	if typ == "TALKS" && last == i && (toks[i].Norm == "called" || toks[i].Norm == "calls" || toks[i].Norm == "rang") {
		k := mentionStartingAtOrAfter(ms, i+1, i+4)
		if k < 0 || d.kindOf(ms[k].Entity) != factgraph.KindPerson {
			return true
		}
	}
	if purposePhrase(toks, i) {
		return true
	}
	// "fighting continues", "take part in the fighting": fighting is an act told only
	// with its place ("fighting around the airport"), its outbreak ("the clashes erupted")
	// or its sides ("clashes between X and Y")
	if typ == "STRIKE" && clashWords[toks[i].Norm] && !clashTold(toks, ms, d, i, last) {
		return true
	}
	// "have stopped sending ships", "had no intention of sending its army": an act
	// stopped or disowned is none (messages sent are none either: disambiguate)
	if typ == "DEPLOYMENT" && strings.HasPrefix(toks[i].Norm, "sen") {
		if i >= 1 && (toks[i-1].Norm == "stopped" || toks[i-1].Norm == "halted" || toks[i-1].Norm == "suspended") ||
			i >= 3 && toks[i-1].Norm == "of" && toks[i-2].Norm == "intention" && toks[i-3].Norm == "no" {
			return true
		}
	}
	// "responded to its distress call", "a wake-up call": no talks
	if typ == "TALKS" && toks[i].Norm == "call" && i > 0 && (toks[i-1].Norm == "distress" || toks[i-1].Norm == "wake-up" || toks[i-1].Norm == "roll" || toks[i-1].Norm == "close") {
		return true
	}
	// "The United States has gathered eight warships": forces gathered hold no meeting
	if typ == "MEETING" && (toks[i].Norm == "gathered" || toks[i].Norm == "gathering") {
		for k := last + 1; k < len(toks) && k <= last+4; k++ {
			if troopNouns[toks[k].Norm] || forceNouns[toks[k].Norm] {
				return true
			}
			if m := mentionStartingAt(ms, k); m >= 0 && d.kindOf(ms[m].Entity) == factgraph.KindWeaponSystem {
				return true
			}
		}
	}
	// "We hope the US side will meet China halfway": the idiom
	if (typ == "MEETING" || typ == "TALKS") && strings.HasPrefix(toks[i].Norm, "meet") && tokenAt(toks, last+1, min(len(toks)-1, last+4), "halfway") >= 0 {
		return true
	}
	// "no one I spoke to expects ...": the reporter's sources, no talks
	if typ == "TALKS" && i >= 2 && toks[i-1].Norm == "i" && (toks[i-2].Norm == "one" || toks[i-2].Norm == "everyone" || toks[i-2].Norm == "people" || toks[i-2].Norm == "residents" || s.noun(i-2) && !s.Tokens[i-2].Capitalized()) {
		return true
	}
	// "Bangkok expelled Cambodia's ambassador": a diplomat expelled is no interception
	if typ == "INTERCEPTION" && strings.HasPrefix(toks[i].Norm, "expel") {
		for k := last + 1; k < len(toks) && k <= last+5; k++ {
			if diplomatNouns[toks[k].Norm] {
				return true
			}
			if !toks[k].Word && !isPossessive(toks[k]) {
				break
			}
		}
	}
	// "the armed forces had been authorised to respond": who authorised is not told
	if typ == "ORDER" && (toks[i].Norm == "authorised" || toks[i].Norm == "authorized") && passiveAt(toks, i) {
		return true
	}
	// "More than 97,000 people have now left Nagorno-Karabakh": people fleeing make no
	// passage of a doer
	if typ == "TRANSIT" && toks[i].Norm == "left" {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if civilianNouns[toks[k].Norm] {
				return true
			}
		}
	}
	// "on their launch rails", "the launch pad": a launch noun modifying another names a
	// thing, no act
	if typ == "LAUNCH" && toks[i].Norm == "launch" && i+1 < len(toks) && launchCompounds[toks[i+1].Norm] {
		return true
	}
	// "at a firing range": no firing told
	if typ == "LAUNCH" && toks[i].Norm == "firing" && i+1 < len(toks) && (toks[i+1].Norm == "range" || toks[i+1].Norm == "ranges" || toks[i+1].Norm == "line") {
		return true
	}
	// "The Hwasong-19, launched at a high angle, flew ...": a participle set off after a
	// weapon describes its flight in an act told already
	if typ == "LAUNCH" && (toks[i].Norm == "launched" || toks[i].Norm == "fired") && i >= 2 && toks[i-1].Text == "," && mentionEndingAt(ms, i-2) >= 0 && d.kindOf(mentionAt(ms, i-2)) == factgraph.KindWeaponSystem {
		return true
	}
	// "The boarding team had been launched from the sea base": a team is sent out, not fired
	if typ == "LAUNCH" && strings.HasPrefix(toks[i].Norm, "launch") && passiveAt(toks, i) {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if teamNouns[toks[k].Norm] {
				return true
			}
		}
	}
	// "a country that hosts Al Udeid, the largest American air base", "has hosted Hamas's
	// political office since 2012": a host of a base, an office or troops holds them; it
	// holds no meeting
	if typ == "MEETING" && hostVerbs[toks[i].Norm] && hostsPermanent(s, ms, d, i) {
		return true
	}
	// "at talks hosted by Anwar Ibrahim": the participle tells who held the talks named
	// right before it, no meeting of its own
	if typ == "MEETING" && hostParticiples[toks[i].Norm] && i > 0 && i+1 < len(toks) && toks[i+1].Norm == "by" {
		if t, _ := findTrigger(toks, i-1); (t == "TALKS" || t == "MEETING") && s.noun(i-1) {
			return true
		}
	}
	// "as high waves struck", "when the storm hit": a force of nature strikes no one's blow
	if typ == "STRIKE" && i > 0 && naturalForces[toks[i-1].Norm] {
		return true
	}
	// "urged Tehran to stop attacking Israel", "demanded that they cease firing": a demand
	// to stop an act tells no act of its own (not after "called on", "asked" or "told":
	// the second set's gold has such an act)
	if i >= 2 && (toks[i-1].Norm == "stop" || toks[i-1].Norm == "cease" || toks[i-1].Norm == "halt" || toks[i-1].Norm == "end") && strings.HasSuffix(toks[i].Norm, "ing") {
		for k := i - 2; k >= 0 && k >= i-8; k-- {
			if w := toks[k].Norm; w == "urged" || w == "urges" || w == "urging" || w == "demanded" || w == "demands" || w == "pressed" {
				return true
			}
		}
	}
	// "will not tolerate attacks on U.S. forces", "would not accept strikes": a bare plural
	// that is not tolerated is a kind of act, none that happened
	if i >= 1 && bareNoun(s, i) && toleranceVerbs[toks[i-1].Norm] && negatedBefore(toks, i-1) {
		return true
	}
	// "It does not say whether a Russian missile struck the aircraft", "did not say whether
	// the fleet would escort tankers": an act left open is none told
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if toks[k].Norm == "whether" {
			return true
		}
		if t := toks[k].Text; t == "," || t == ";" || t == "." {
			break
		}
	}
	// "A United Nations arms embargo has barred weapons deliveries to the Houthis": what is
	// barred, blocked or halted has not happened
	if typ == "SUPPLY" && s.noun(last) && i >= 1 && preventVerbs[toks[i-1].Norm] || typ == "SUPPLY" && s.noun(last) && i >= 2 && preventVerbs[toks[i-2].Norm] {
		return true
	}
	// "they are barred from entering it": what is forbidden has not happened
	if i >= 2 && toks[i-1].Norm == "from" && (toks[i-2].Norm == "barred" || toks[i-2].Norm == "banned" || toks[i-2].Norm == "prohibited" || toks[i-2].Norm == "forbidden") {
		return true
	}
	// "in a residential building", "the building": the noun, not a construction
	if typ == "CONSTRUCTION" && (toks[i].Norm == "building" || toks[i].Norm == "buildings") && i > 0 &&
		(determinerWords[toks[i-1].Norm] || s.tag(i-1) == "JJ" || possessiveDeterminer(toks[i-1].Norm)) && (i+1 >= len(toks) || toks[i+1].Norm != "of") {
		return true
	}
	// "the first time NATO aircraft had fired on Russian assets", "the first time in half a
	// century that a NATO member has downed a warplane": a record the act sets is no second
	// act
	if firstTimeClause(toks, i) {
		return true
	}
	// "entities involved in drone production", "parts used in missile manufacturing": a
	// kind of activity that characterises someone, not an act
	if i >= 2 && bareNoun(s, i) && toks[i-1].Norm == "in" && (toks[i-2].Norm == "involved" || toks[i-2].Norm == "engaged" || toks[i-2].Norm == "used") ||
		i >= 3 && bareNoun(s, i) && s.noun(i-1) && toks[i-2].Norm == "in" && (toks[i-3].Norm == "involved" || toks[i-3].Norm == "engaged" || toks[i-3].Norm == "used") {
		return true
	}
	// "the resemblance was striking", "a striking image": the adjective
	if toks[i].Norm == "striking" && (i > 0 && (toks[i-1].Norm == "a" || toks[i-1].Norm == "most" || toks[i-1].Norm == "more") ||
		i+1 >= len(toks) || !toks[i+1].Word || toks[i+1].Norm == "and" || toks[i+1].Norm == "but" || toks[i+1].Norm == "in" && i > 0 && beVerbs[toks[i-1].Norm]) {
		return true
	}
	// "if NATO deploys forces", "unless talks resume", "saw no reason to negotiate", "did not
	// rule out a meeting": a condition or a possibility, no event
	if conditional(toks, i) {
		return true
	}
	// "was sailing from Turkey to India" is a passage; "had been sailing from Ust-Luga"
	// names only where the ship came from
	if w := toks[i].Norm; typ == "TRANSIT" && last > i && toks[last].Norm == "from" && (w == "sailing" || w == "sails" || w == "sail") {
		route := false
		for k := last + 2; k < len(toks) && k <= last+8 && toks[k].Text != "," && toks[k].Text != ";"; k++ {
			route = route || toks[k].Norm == "to" || toks[k].Norm == "for"
		}
		if !route {
			return true
		}
	}
	// "advanced on Tuesday", "marched on May 1": a day, not a place marched on
	if typ == "INCURSION" && last > i && toks[last].Norm == "on" && last+1 < len(toks) {
		n := toks[last+1].Norm
		_, day := weekdays[n]
		_, month := months[n]
		if day || month || n == "schedule" {
			return true
		}
	}
	// "in order to": a purpose, no order
	if typ == "ORDER" && toks[i].Norm == "order" && i > 0 && toks[i-1].Norm == "in" && i+1 < len(toks) && toks[i+1].Norm == "to" {
		return true
	}
	// "drones that can intercept other drones", "able to strike", "capable of hitting": a
	// capability, not an event
	if i >= 2 && (toks[i-1].Norm == "can" || toks[i-1].Norm == "could") && (toks[i-2].Norm == "that" || toks[i-2].Norm == "which") ||
		i >= 2 && toks[i-1].Norm == "to" && toks[i-2].Norm == "able" || i >= 2 && toks[i-1].Norm == "of" && toks[i-2].Norm == "capable" {
		return true
	}
	// "calling it a hybrid attack", "called the flights a provocation", "described the
	// incursion as an attack": a noun that names what something else is called is no
	// event of its own
	if s.noun(i) && i >= 3 && (toks[i-1].Norm == "a" || toks[i-1].Norm == "an" || (s.tag(i-1) == "JJ" || s.tag(i-1) == "VBN") && i >= 4 && (toks[i-2].Norm == "a" || toks[i-2].Norm == "an")) {
		for k := i - 2; k >= 0 && k >= i-7; k-- {
			if w := toks[k].Norm; callVerbs[w] || asVerbs[w] && tokenIn(toks, k+1, i-1, "as") {
				return true
			}
			if !toks[k].Word || s.finite(k) && !callVerbs[toks[k].Norm] && !asVerbs[toks[k].Norm] {
				break
			}
		}
	}
	// "Moscow is giving Tehran nuclear technology": a verb of giving supplies only with a
	// country or organisation as its first object (not "gave a speech", "give it", "given
	// the risk", "gave Trump a copy")
	if typ == "SUPPLY" && giveVerbs[toks[i].Norm] {
		k := mentionStartingAtOrAfter(ms, last+1, last+1)
		if k < 0 || d.kindOf(ms[k].Entity) != factgraph.KindCountry && d.kindOf(ms[k].Entity) != factgraph.KindOrganization || isParticiple(toks[i].Norm) && i > 0 && !beVerbs[toks[i-1].Norm] && toks[i-1].Norm != "have" && toks[i-1].Norm != "has" && toks[i-1].Norm != "had" {
			return true
		}
	}
	// "dialogue without preconditions": dialogue as an idea, not an event (that needs a
	// determiner: "held our first strategic dialogue", "a dialogue with")
	if typ == "TALKS" && toks[i].Norm == "dialogue" {
		k := i - 1
		for k >= 0 && (s.tag(k) == "JJ" || s.tag(k) == "NN" || s.tag(k) == "CD" || toks[k].Norm == "first" || toks[k].Norm == "second" || toks[k].Norm == "next") {
			k--
		}
		if k < 0 || !determinerWords[toks[k].Norm] && toks[k].Text != "'s" && toks[k].Text != "’s" {
			return true
		}
	}
	// "acting on orders from", "under orders": an order as the ground of another act
	// ("under a court order": through a determiner and a modifier)
	if typ == "ORDER" && s.noun(i) {
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if toks[k].Norm == "on" || toks[k].Norm == "under" {
				return true
			}
			if !(toks[k].Norm == "a" || toks[k].Norm == "an" || toks[k].Norm == "the" || s.tag(k) == "NN" || s.tag(k) == "JJ") {
				break
			}
		}
	}
	// "..., the IRGC announced.": a reporting verb that closes the sentence after its
	// subject attributes the sentence; it is no announcement of its own
	if typ == "ANNOUNCEMENT" && s.verb(i) && last+1 < len(toks) && !toks[last+1].Word && toks[last+1].Text != "," && last+2 >= len(toks) {
		if k := mentionEndingAt(ms, i-1); k >= 0 && commaBefore(toks, ms[k].first) {
			return true
		}
	}
	// "in a statement", "according to a joint statement", "recalling a statement by": the
	// statement is where a claim comes from, not an event of its own
	if typ == "STATEMENT" {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			switch toks[k].Norm {
			case "in", "according", "recalling", "citing", "cited", "quoting", "echoing", "to":
				return true
			case "saw", "seen", "read", "noted":
				// ("We saw the ministry's statement on Sunday": what was read)
				return true
			}
		}
		// ("the statement said", "The American statement made no mention of": the
		// statement as a subject is a source, its verb the claim)
		if last+1 < len(toks) && s.verb(last+1) {
			return true
		}
	}
	// "violated international law", "a violation of the ceasefire": only airspace, borders,
	// waters or sovereignty (or a place) make it an incursion
	if typ == "INCURSION" && (strings.HasPrefix(toks[i].Norm, "violat") || strings.HasPrefix(toks[i].Norm, "penetrat")) {
		found := false
		for k := last + 1; k < len(toks) && k <= last+7 && !found; k++ {
			switch toks[k].Norm {
			case "airspace", "territory", "border", "borders", "sovereignty", "waters", "space":
				found = true
			}
		}
		stop := last + 1
		for stop < len(toks) && stop <= last+4 && toks[stop].Word {
			stop++
		}
		for _, m := range ms {
			if m.first > last && m.first < stop {
				k := d.kindOf(m.Entity)
				// (not "penetrated Russian defences": a penetration needs airspace or territory)
				found = found || (k == factgraph.KindCountry || k == factgraph.KindLocation) && !strings.HasPrefix(toks[i].Norm, "penetrat")
			}
		}
		if !found {
			return true
		}
	}
	// "launching Baltic Sentry", "launched Operation Eastern Sentry": a named operation, not
	// a weapon, is launched
	if typ == "LAUNCH" && last+1 < len(toks) {
		k := last + 1
		if toks[k].Norm == "the" || toks[k].Norm == "a" || toks[k].Norm == "an" {
			k++
		}
		if k < len(toks) && toks[k].Word && toks[k].Capitalized() {
			weapon := false
			for _, m := range ms {
				if m.first == k {
					kind := d.kindOf(m.Entity)
					weapon = kind == factgraph.KindWeaponSystem || kind == factgraph.KindVessel
				}
			}
			if !weapon {
				return true
			}
		}
	}
	// "possible boarding, seizure and arrest", "the risk of a strike": a possibility named
	// as such is no event
	if s.noun(i) || strings.HasSuffix(toks[i].Norm, "ing") {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			switch toks[k].Norm {
			case "possible", "potential", "risk", "threat", "prospect", "danger", "possibility":
				return true
			}
			if toks[k].Text == "." || toks[k].Text == ";" {
				break
			}
		}
	}
	// "received" is a meeting only when a person is received ("received Witkoff", not
	// "received Ukraine's request")
	if typ == "MEETING" && strings.HasPrefix(toks[i].Norm, "receiv") {
		person := false
		for _, m := range ms {
			person = person || m.first > last && m.first <= last+4 && d.kindOf(m.Entity) == factgraph.KindPerson
		}
		if !person {
			return true
		}
	}
	// "hit" is a strike only as a verb ("a hit", "the hit list" are not)
	if toks[i].Norm == "hit" && !s.verb(i) {
		return true
	}
	// "before it hit the sea", "hit the ground": a fall, no strike
	if typ == "STRIKE" && (toks[i].Norm == "hit" || toks[i].Norm == "hits" || toks[i].Norm == "hitting") && last+2 < len(toks) &&
		toks[last+1].Norm == "the" && (toks[last+2].Norm == "sea" || toks[last+2].Norm == "water" || toks[last+2].Norm == "ground") {
		return true
	}
	// "took control of the headquarters", "took control of the town": a place taken is no
	// detention; a ship, its crew or people taken are
	if typ == "DETENTION" && toks[i].Norm == "took" && last > i {
		taken := false
		for _, m := range ms {
			if m.first > last && m.first <= last+6 {
				k := d.kindOf(m.Entity)
				taken = taken || k == factgraph.KindVessel || k == factgraph.KindPerson
			}
		}
		for k := last + 1; k < len(toks) && k <= last+5 && toks[k].Text != ","; k++ {
			taken = taken || vesselNouns[strings.TrimSuffix(toks[k].Norm, "s")] || toks[k].Norm == "crew"
		}
		if !taken {
			return true
		}
	}
	// "pledged two frigates" deploys them; "pledged support" does not
	// ("promised to send tanks": the sending is the act, told by its own verb; "promised a
	// response", "promised support": nothing given)
	if strings.HasPrefix(toks[i].Norm, "promis") && (last+1 >= len(toks) || toks[last+1].Norm == "to" || toks[last+1].Norm == "that") {
		return true
	}
	if typ == "DEPLOYMENT" && (strings.HasPrefix(toks[i].Norm, "pledg") || strings.HasPrefix(toks[i].Norm, "promis")) {
		found := false
		for k := last + 1; k < len(toks) && k <= last+8; k++ {
			found = found || troopNouns[toks[k].Norm]
		}
		for _, m := range ms {
			found = found || m.first > last && m.first <= last+8 && platforms[m.Entity]
		}
		if !found {
			return true
		}
	}
	// "sending the unmanned aircraft into the sea", "sent markets into a spin": what is sent
	// into a fall or a state is no deployment or supply
	if (typ == "DEPLOYMENT" || typ == "SUPPLY") && strings.HasPrefix(toks[i].Norm, "sen") {
		for k := last + 1; k < len(toks) && k <= last+6 && toks[k].Text != ","; k++ {
			if toks[k].Norm == "into" && k+2 < len(toks) && fallNouns[toks[k+2].Norm] && (toks[k+1].Norm == "the" || toks[k+1].Norm == "a") {
				return true
			}
		}
	}
	// "precisely hitting their targets": a test's missiles reaching their aim, no strike
	if typ == "STRIKE" && (toks[i].Norm == "hit" || toks[i].Norm == "hitting" || toks[i].Norm == "hits") && last+2 < len(toks) &&
		(toks[last+1].Norm == "their" || toks[last+1].Norm == "its" || toks[last+1].Norm == "the") && (toks[last+2].Norm == "target" || toks[last+2].Norm == "targets") {
		return true
	}
	// the object of the verb: the next noun within three words ("meet its deadline"), or
	// the noun a relative clause describes ("the mission NATO launched")
	if objs := idiomObjects[typ]; objs != nil {
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if objs[toks[k].Norm] {
				return true
			}
		}
		for k := last + 1; k < len(toks) && k <= last+4; k++ {
			if !toks[k].Word {
				break
			}
			if objs[toks[k].Norm] {
				return true
			}
			// "meets the capability targets": the object noun phrase, up to a preposition
			if toks[k].Norm == "to" || toks[k].Norm == "and" || toks[k].Norm == "with" || s.tag(k) == "IN" {
				break
			}
		}
	}
	if last+1 < len(toks) {
		next := toks[last+1].Norm
		// "her call for calm", "Michal's call for tougher measures", "calls for restraint"
		if typ == "TALKS" && (toks[i].Norm == "call" || toks[i].Norm == "calls") && (next == "for" || next == "to") {
			return true
		}
		// "strike fighter", "attack helicopters": the noun is a weapon's modifier
		if (s.noun(i) || s.tag(i) == "JJ") && last == i && weaponHeads[next] && !covered(ms, last+1) {
			return true
		}
		// ("a long-range attack drone": also when the weapon is a mention of its own, after
		// a determiner or an adjective)
		if (s.noun(i) || s.tag(i) == "JJ") && last == i && weaponHeads[next] && i > 0 && (toks[i-1].Norm == "a" || toks[i-1].Norm == "an" || s.tag(i-1) == "JJ") {
			if j := mentionStartingAt(ms, last+1); j >= 0 && d.kindOf(ms[j].Entity) == factgraph.KindWeaponSystem {
				return true
			}
		}
		// "fired on Russian assets": shooting at, not a launch
		if typ == "LAUNCH" && (next == "on" || next == "at" || next == "upon") && toks[i].Norm == "fired" {
			return true
		}
	}
	// "it was a good meeting", "this is a dangerous provocation": a noun after "was a"
	// characterises what was named, it is no new event (but "damaged in what the group said
	// was an Israeli drone attack" names the act itself)
	if s.noun(i) && i >= 2 {
		for k := i - 1; k >= 1 && k >= i-3; k-- {
			if (toks[k].Norm == "a" || toks[k].Norm == "an") && beVerbs[toks[k-1].Norm] && !tokenIn(toks, max(0, k-6), k-1, "what") {
				return true
			}
		}
	}
	// "the most serious attack on Danish infrastructure": a superlative characterises
	// (not one someone does or owns: "they launched their largest attack yet", "Russia's
	// biggest strike of the war")
	if s.noun(i) && i > 0 && (s.tag(i-1) == "JJS" || i > 1 && s.tag(i-2) == "RBS" || i > 1 && toks[i-2].Norm == "most") && !doneOrOwned(toks, i) {
		return true
	}
	return false
}

// hasByAgent: a "by" follows the trigger in its clause (a passive's or a noun's agent).
func (d *doc) hasByAgent(toks []token, last, hi int) bool {
	for k := last + 1; k <= hi && k < len(toks); k++ {
		if toks[k].Norm == "by" {
			return true
		}
	}
	return false
}

// inApposition: mention k sits between ", the|a" and a comma before token i, right after
// another mention that can do the act ("Navibulgar, the Bulgarian company ..., denied").
func inApposition(toks []token, ms []Mention, k, i int, kinds map[string]bool, d *doc) bool {
	m := ms[k]
	open := -1
	for j := m.first - 1; j >= 0 && j >= m.first-4; j-- {
		if toks[j].Text == "," {
			open = j
			break
		}
	}
	if open < 1 || open+1 >= len(toks) || toks[open+1].Norm != "the" && toks[open+1].Norm != "a" && toks[open+1].Norm != "an" {
		return false
	}
	closed := false
	for j := m.last + 1; j < i; j++ {
		if toks[j].Text == "," {
			closed = true
		}
	}
	if !closed {
		return false
	}
	for k2 := k - 1; k2 >= 0; k2-- {
		if ms[k2].last == open-1 && kinds[d.kindOf(ms[k2].Entity)] {
			return true
		}
	}
	return false
}

// nounParties: the parties named right after a symmetric noun trigger ending at token last,
// after "between" or "of": a coordination of doers ("between Russian President Vladimir
// Putin and US President Donald Trump", "of Putin and Joe Biden"; a country word or a
// title before a name is part of its phrase), or "the two sides", "both leaders" (the
// parties of the talks or meeting named before). Nil unless two or more.
func (d *doc) nounParties(s *sentence, ms []Mention, last, hi int) []string {
	toks := s.Tokens
	p := last + 1
	// ("talks hosted by Anwar Ibrahim between Hun Manet and Phumtham": past the host)
	if h := hostedBetween(toks, ms, last); h >= 0 {
		p = ms[h].last + 1
	}
	if p > hi || p >= len(toks) || toks[p].Norm != "between" && toks[p].Norm != "of" {
		return nil
	}
	p++
	// "the two leaders", "both sides"
	q := p
	if q < len(toks) && toks[q].Norm == "the" {
		q++
	}
	if q+1 < len(toks) && (toks[q].Norm == "two" || toks[q].Norm == "both") && partyNouns[toks[q+1].Norm] {
		var out []string
		for _, t := range []string{"TALKS", "MEETING"} {
			for _, r := range d.lastRoles[t] {
				if (r.Role == factgraph.RoleAgent || r.Role == factgraph.RoleParticipant) && agentKinds[d.kindOf(r.Entity)] && !slices.Contains(out, r.Entity) {
					out = append(out, r.Entity)
				}
			}
			if len(out) > 0 {
				break
			}
		}
		return out
	}
	var out []string
	coordinated := false
	for k := range ms {
		m := ms[k]
		if m.first < p {
			continue
		}
		if m.first > hi {
			break
		}
		// the words between the phrase so far and this mention: determiners, titles,
		// adjectives, "and", commas
		for j := p; j < m.first; j++ {
			w := toks[j]
			switch {
			case w.Norm == "and" || w.Text == ",":
				if len(out) > 0 {
					coordinated = coordinated || w.Norm == "and"
				}
			case w.Norm == "the" || s.tag(j) == "JJ" || s.tag(j) == "NNP" || s.tag(j) == "NN" || isPossessive(w):
			default:
				return partiesIf(out, coordinated)
			}
		}
		p = m.last + 1
		// ("Cambodia's Prime Minister Hun Manet and Thailand's acting Prime Minister,
		// Phumtham Wechayachai": the possessor of a person's title is no party)
		if d.modifier(toks, ms, k) || titleOwner(toks, ms, k) {
			continue
		}
		if !agentKinds[d.kindOf(m.Entity)] {
			return partiesIf(out, coordinated)
		}
		if !slices.Contains(out, m.Entity) {
			out = append(out, m.Entity)
		}
		if coordinated {
			// "A and B" is complete unless a list goes on: "A, B and C"
			break
		}
		// "between Kim Jong Un, general secretary of the Workers' Party of Korea, and
		// Vladimir Putin": a person's role in apposition is skipped to the ", and"
		if d.kindOf(m.Entity) == factgraph.KindPerson && p+1 < len(toks) && toks[p].Text == "," && toks[p+1].Word && !toks[p+1].Capitalized() && toks[p+1].Norm != "and" {
			for j := p + 1; j+1 < len(toks) && j <= p+30 && j < hi; j++ {
				if toks[j].Text == "," && toks[j+1].Norm == "and" {
					p = j
					break
				}
				if !toks[j].Word && toks[j].Text != "'s" && toks[j].Text != "'" && toks[j].Text != "’s" {
					break
				}
			}
		}
	}
	return partiesIf(out, coordinated)
}

func partiesIf(out []string, coordinated bool) []string {
	if !coordinated || len(out) < 2 {
		return nil
	}
	return out
}

// subjectPronouns can open a clause of their own after ", and".
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// placeModifier: the mention ending at token k is a place after "the" where an event of the
// type was named before ("the Geneva talks" after "talks in Geneva"): that event's roles.
func (d *doc) placeModifier(s *sentence, ms []Mention, k int, typ string) ([]factgraph.Role, bool) {
	j := mentionEndingAt(ms, k)
	if j < 0 || ms[j].first == 0 || !definite[s.Tokens[ms[j].first-1].Norm] {
		return nil, false
	}
	r, ok := d.lastByPlace[typ+"|"+ms[j].Entity]
	return r, ok
}

// withCoordinated: the doer of mention k and those coordinated after it ("American and
// Ukrainian negotiators": the United States and Ukraine).
func (d *doc) withCoordinated(toks []token, ms []Mention, k int, kinds map[string]bool) []string {
	out := []string{ms[k].Entity}
	for k2 := k + 1; k2 < len(ms) && andBetween(toks, ms[k2-1], ms[k2]); k2++ {
		if kinds[d.kindOf(ms[k2].Entity)] && !slices.Contains(out, ms[k2].Entity) {
			out = append(out, ms[k2].Entity)
		}
	}
	return out
}

// inPrepositionalPhrase: the noun phrase of the noun at token i follows a preposition ("at
// an informal summit", "during the talks"): determiners, numbers and adjectives between.
func inPrepositionalPhrase(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch t := s.tag(k); {
		case t == "IN" || s.Tokens[k].Norm == "following":
			// ("following the meeting of the Council": "following" is a preposition there)
			return s.Tokens[k].Norm != "that"
		case t == "DT" || t == "JJ" || t == "CD" || t == "PRP$" || meetingModifiers[s.Tokens[k].Norm]:
		default:
			return false
		}
	}
	return false
}

// meetingModifiers are nouns that modify a meeting noun: "an emergency meeting".
var meetingModifiers = map[string]bool{"emergency": true, "crisis": true, "cabinet": true, "summit": true, "leaders": true}

// ofComplement: the doer named after "of" right after a noun trigger ending at last, alone
// or modifying a group noun ("of European Union leaders", "of the Security Council").
func (d *doc) ofComplement(s *sentence, ms []Mention, last int, kinds map[string]bool) string {
	toks := s.Tokens
	p := last + 1
	if p >= len(toks) || toks[p].Norm != "of" {
		return ""
	}
	p++
	if p < len(toks) && toks[p].Norm == "the" {
		p++
	}
	k := mentionStartingAt(ms, p)
	if k < 0 || !kinds[d.kindOf(ms[k].Entity)] {
		return ""
	}
	if n := ms[k].last + 1; n < len(toks) && (toks[n].Word && !groupNouns[toks[n].Norm] && s.noun(n) || toks[n].Text == "'s" || toks[n].Text == "’s") {
		return "" // "a meeting of Russian energy firms", "of NATO's allies": not the country's
	}
	return ms[k].Entity
}

// shipMotionVerbs and pathPrepositions: "sailed between", "steamed past", "sailing along".
var shipMotionVerbs = map[string]bool{"sailed": true, "sailing": true, "sails": true, "sail": true, "steamed": true,
	"steaming": true, "cruised": true, "navigated": true}
var pathPrepositions = map[string]bool{"through": true, "between": true, "past": true, "along": true, "across": true,
	"via": true, "around": true}

// fallNouns after "sent ... into the": a fall or a state, not a destination.
var fallNouns = map[string]bool{"sea": true, "water": true, "ground": true, "spin": true, "panic": true, "chaos": true,
	"tailspin": true, "crisis": true, "turmoil": true, "decline": true}

// objectDeterminers before a noun trigger make it the object of the trigger before it.
var objectDeterminers = map[string]bool{"this": true, "that": true, "the": true, "these": true, "such": true}

// subordinateClauseAfter: the first subordinating word after token last (up to hi) that
// opens a clause (a finite verb follows before any punctuation), or -1.
func (s *sentence) subordinateClauseAfter(last, hi int) int {
	toks := s.Tokens
	for k := last + 1; k <= hi && k < len(toks); k++ {
		if !subordinatingWords[toks[k].Norm] {
			continue
		}
		for j := k + 1; j <= hi && j < len(toks) && j <= k+8; j++ {
			if !toks[j].Word && toks[j].Text != "-" {
				break
			}
			if s.finite(j) {
				return k
			}
		}
	}
	return -1
}

// byPhrase: the tokens of the phrase after a passive's "by" within four words of the
// trigger ending at last, up to the next punctuation, preposition or verb: the index of
// "by" and of the phrase's last token, or -1, -1.
func (s *sentence) byPhrase(last, hi int) (int, int) {
	toks := s.Tokens
	for k := last + 1; k <= hi && k < len(toks) && k <= last+4; k++ {
		if toks[k].Norm != "by" {
			continue
		}
		end := k
		for j := k + 1; j <= hi && j < len(toks); j++ {
			if !toks[j].Word && toks[j].Text != "-" && toks[j].Text != "'s" && toks[j].Text != "’s" || s.tag(j) == "IN" || s.verb(j) {
				break
			}
			end = j
		}
		return k, end
	}
	return -1, -1
}

// finiteBetween: a finite verb among tokens from..to-1.
func (s *sentence) finiteBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if s.finite(k) {
			return true
		}
	}
	return false
}

// giveVerbs are triggers of a supply only before a recipient.
var giveVerbs = map[string]bool{"giving": true, "gave": true, "gives": true, "give": true, "given": true}

// determinerWords open a noun phrase that names one thing: "a dialogue", "our dialogue".
var determinerWords = map[string]bool{"a": true, "an": true, "the": true, "our": true, "their": true, "its": true,
	"his": true, "her": true, "this": true, "your": true}

// callVerbs name what something is: "calling it a hybrid attack", "described it as an act".
var callVerbs = map[string]bool{"calling": true, "called": true, "calls": true, "call": true, "describing": true,
	"described": true, "branded": true, "branding": true, "termed": true, "labelled": true, "labeled": true, "dubbed": true}

// asVerbs characterise with "as": "did not regard the incident as an armed attack" (not
// "treated the wounded after an attack": "as" must come between).
var asVerbs = map[string]bool{"regard": true, "regarded": true, "regards": true, "consider": true, "considered": true,
	"considers": true, "view": true, "viewed": true, "views": true, "treat": true, "treated": true, "treats": true,
	"see": true, "saw": true, "sees": true}

// ownedActs: events whose doer is the country of the weapon a noun trigger's "of" phrase
// names ("the deployment of Dutch F-35 jets").
var ownedActs = map[string]bool{"DEPLOYMENT": true, "LAUNCH": true, "TEST": true, "INCURSION": true, "STRIKE": true}

// mentionedIn: the entity is named in the sentence's mentions.
func mentionedIn(ms []Mention, id string) bool {
	for _, m := range ms {
		if m.Entity == id {
			return true
		}
	}
	return false
}

// mentionStartingAtOrAfter: the first mention starting among tokens from..to, or -1.
func mentionStartingAtOrAfter(ms []Mention, from, to int) int {
	for j := range ms {
		if ms[j].first >= from && ms[j].first <= to {
			return j
		}
	}
	return -1
}

// questionOpeners start a yes-no question: "Will China hold talks?", "Did Russia confirm?".
var questionOpeners = map[string]bool{"will": true, "would": true, "is": true, "are": true, "was": true, "were": true,
	"do": true, "does": true, "did": true, "has": true, "have": true, "can": true, "could": true, "should": true}

// firstWord: the folded first word of the sentence after a transcript's label ("Q: Will
// ..." is "will").
func firstWord(s *sentence) string {
	toks := s.Tokens
	k := 0
	for j := 0; j < len(toks) && j < 6; j++ {
		if toks[j].Text == ":" {
			k = j + 1
			break
		}
	}
	for ; k < len(toks); k++ {
		if toks[k].Word {
			return toks[k].Norm
		}
	}
	return ""
}

// conditional: the trigger at i is in a clause that only supposes the event: after "if" or
// "unless" in the same clause, or after "no reason to", "(not) rule out", "ruled out".
func conditional(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		w := toks[k].Norm
		if toks[k].Text == "," || toks[k].Text == ";" {
			break
		}
		if w == "if" || w == "unless" {
			return true
		}
		if w == "out" && k > 0 && (toks[k-1].Norm == "rule" || toks[k-1].Norm == "ruled" || toks[k-1].Norm == "rules" || toks[k-1].Norm == "ruling") {
			return true
		}
		if w == "reason" && k > 0 && toks[k-1].Norm == "no" {
			return true
		}
	}
	return false
}

// stanceVerbs take an event as their object and say what someone thinks of it: the subject
// of "Turkey protested the attack" is not the attacker.
var stanceVerbs = map[string]bool{"condemned": true, "condemns": true, "condemn": true, "condemning": true,
	"protested": true, "protests": true, "protesting": true, "criticised": true, "criticized": true,
	"criticises": true, "criticizes": true, "denounced": true, "denounces": true, "deplored": true,
	"deplores": true, "decried": true, "welcomed": true, "welcomes": true, "hailed": true, "hails": true,
	"praised": true, "praises": true, "mourned": true, "blamed": true, "blames": true,
	"investigated": true, "investigating": true, "investigates": true, "questioned": true,
	"slammed": true, "slams": true, "lamented": true, "regretted": true, "regrets": true, "against": true,
	// the defender's verbs: "Russia said it had repelled the attack" (the attack is not
	// Russia's)
	"repelled": true, "repulsed": true, "thwarted": true, "foiled": true, "repelling": true, "thwarting": true,
	"survived": true, "withstood": true}

// stanceObject: the nominal trigger at i is the object of a stance verb ("protested the
// shootdown", "condemned Sunday's attack", "protested against the strikes").
func stanceObject(s *sentence, i int) bool {
	toks := s.Tokens
	if i == 0 || s.verb(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := toks[k].Norm
		if stanceVerbs[w] {
			return w != "against" || k > 0 && stanceVerbs[toks[k-1].Norm]
		}
		if !toks[k].Word && toks[k].Text != "'s" && toks[k].Text != "’s" {
			return false
		}
	}
	return false
}

// salientCountry is the country named most often so far (the later one of a tie), other
// than those given.
func (d *doc) salientCountry(except []string) string {
	best, n := "", 0
	for _, c := range d.recentCountries {
		if !slices.Contains(except, c) && d.countryNamed[c] >= n {
			best, n = c, d.countryNamed[c]
		}
	}
	return best
}

// hyphenPrefixes make a trigger word part of an adjective: "self-declared", "so-called".
var hyphenPrefixes = map[string]bool{"self": true, "so": true, "well": true, "newly": true, "long": true, "often": true, "much": true}

// withBefore: "with" governs the noun phrase starting at k ("with a single AIM-9X missile",
// "with two Sidewinders"), through determiners, numbers and adjectives.
func withBefore(s *sentence, k int) bool {
	toks := s.Tokens
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := toks[j].Norm
		if w == "with" {
			return true
		}
		if !(determinerWords[w] || w == "single" || s.tag(j) == "CD" || s.tag(j) == "JJ" || s.tag(j) == "NNP" || spelled[w] > 0) {
			return false
		}
	}
	return false
}

// orderedActs: "The president gave the order to take the balloon down": the act a person
// orders in the sentence is done by their country's forces, not by them.
func (d *doc) orderedActs(out []factgraph.Event) {
	orderers := map[string]bool{}
	for _, ev := range out {
		if ev.Type == "ORDER" {
			for _, r := range ev.Roles {
				if r.Role == factgraph.RoleAgent && d.kindOf(r.Entity) == factgraph.KindPerson {
					orderers[r.Entity] = true
				}
			}
		}
	}
	if len(orderers) == 0 {
		return
	}
	for k := range out {
		ev := &out[k]
		if !forcesActs[ev.Type] {
			continue
		}
		for j, r := range ev.Roles {
			if r.Role != factgraph.RoleAgent || !orderers[r.Entity] {
				continue
			}
			e := d.g.Entry(r.Entity)
			if e == nil || e.Country == "" || hasRole(ev.Roles, factgraph.RoleAgent, e.Country) {
				continue
			}
			ev.Roles[j].Entity = e.Country
		}
	}
}

// forcesActs are done by armed forces: what a leader orders of them is their country's act.
var forcesActs = map[string]bool{"INTERCEPTION": true, "STRIKE": true, "LAUNCH": true, "INCURSION": true, "DETENTION": true, "TEST": true}

// supportedBy: the entity is named in a list after "support from", "supported by",
// "backed by" or "help from" in the sentence.
func supportedBy(s *sentence, ms []Mention, id string) bool {
	toks := s.Tokens
	for _, m := range ms {
		if m.Entity != id {
			continue
		}
		for k := m.first - 1; k >= 1 && k >= m.first-12; k-- {
			w, prev := toks[k].Norm, toks[k-1].Norm
			if (w == "from" && (prev == "support" || prev == "help" || prev == "assistance")) || (w == "by" && (prev == "supported" || prev == "backed" || prev == "assisted")) {
				return true
			}
			if !(toks[k].Text == "," || w == "and" || w == "the" || covered(ms, k)) {
				break
			}
		}
	}
	return false
}

// coordinated: the mentions of kinds listed after the first mention of id after token last
// ("Israel and the United States", "British, French and US forces"), up to hi.
func (d *doc) coordinated(toks []token, ms []Mention, id string, last, hi int, kinds map[string]bool) []string {
	var out []string
	k := -1
	for j, m := range ms {
		if m.Entity == id && m.first > last {
			k = j
			break
		}
	}
	for k >= 0 && k+1 < len(ms) {
		m, n := ms[k], ms[k+1]
		if n.last > hi || !kinds[d.kindOf(n.Entity)] || n.Entity == id || slices.Contains(out, n.Entity) {
			break
		}
		gap := toks[m.last+1 : n.first]
		ok := len(gap) >= 1 && len(gap) <= 3
		for _, t := range gap {
			ok = ok && (t.Norm == "and" || t.Text == "," || t.Norm == "the")
		}
		if !ok {
			break
		}
		out = append(out, n.Entity)
		k++
	}
	return out
}

// doingVerbs do an act named by a noun: "launched an attack", "carried out strikes".
var doingVerbs = map[string]bool{"launched": true, "launch": true, "launches": true, "launching": true, "carried": true,
	"mounted": true, "staged": true, "conducted": true, "unleashed": true}

// doneOrOwned: the noun at i has a possessor or is the object of a doing verb, within the
// three words before it.
func doneOrOwned(toks []token, i int) bool {
	lo := i - 3
	// ("carried out some of the heaviest raids": past a partitive)
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		if w := toks[k-1].Norm; toks[k].Norm == "of" && (w == "some" || w == "one" || w == "many" || w == "several") {
			lo = k - 4
			break
		}
	}
	for k := i - 1; k >= 0 && k >= lo; k-- {
		w := toks[k].Norm
		if possessiveDeterminer(w) || w == "our" || toks[k].Text == "'s" || toks[k].Text == "’s" || doingVerbs[w] || w == "out" && k > 0 && toks[k-1].Norm == "carried" {
			return true
		}
	}
	return false
}

// pronounDoer: a plural or neuter subject pronoun, or a possessive one right before the
// trigger, in the clause before it ("On Tuesday they launched their largest attack").
func pronounDoer(toks []token, lo, i int) bool {
	for k := max(lo, 0); k < i; k++ {
		if w := toks[k].Norm; w == "they" || w == "it" || (w == "their" || w == "its") && k >= i-3 {
			return true
		}
	}
	return false
}

// afterRelative: the token after the subject ending at token subj, past a relative clause
// between commas right after it ("Biden, who condemned the attack, spoke").
func afterRelative(toks []token, subj, to int) int {
	if pa, pb := relativeSpan(toks, subj, to); pa == subj+2 && pb > 0 {
		return pb + 1
	}
	return subj + 1
}

// withParty: the entity is named in the sentence right after "with" ("a conversation with
// Xi"): the other party, never the one who leads.
func (d *doc) withParty(s *sentence, ms []Mention, id string) bool {
	for _, m := range ms {
		if m.Entity != id {
			continue
		}
		// (through a title: "with President Xi Jinping")
		p := m.first - 1
		for p > 0 && s.Tokens[p].Capitalized() && (personTitles[s.Tokens[p].Norm] || titleWords[s.Tokens[p].Norm]) {
			p--
		}
		if p >= 0 && s.Tokens[p].Norm == "with" {
			return true
		}
	}
	return false
}

// strikeAggression: "aggression" at i names a strike: of a weapon ("air aggression",
// "missile aggression"), carried out or launched, on a place, a site or a ship, or the one
// already reported ("the aggression" after a strike in the article).
func (d *doc) strikeAggression(toks []token, ms []Mention, i int) bool {
	// "the Israeli enemy's aggression on the port of Hodeidah": aggression on a place
	if k := i + 1; k+1 < len(toks) && (toks[k].Norm == "on" || toks[k].Norm == "against") {
		for j := k + 1; j < len(toks) && j <= k+4 && toks[j].Word; j++ {
			if m := mentionStartingAt(ms, j); m >= 0 {
				switch d.kindOf(ms[m].Entity) {
				case factgraph.KindLocation, factgraph.KindFacility, factgraph.KindVessel:
					return true
				}
				break
			}
			if aimNouns[toks[j].Norm] && toks[j].Norm != "territory" {
				return true
			}
		}
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch w := toks[k].Norm; {
		case aggressionWeapons[w]:
			return true
		case w == "out" && k > 0 && toks[k-1].Norm == "carried", w == "launched", w == "committed", w == "launch":
			return true
		case w == "the" && k == i-1:
			_, struck := d.lastRolesAt["STRIKE"]
			return struck
		case !toks[k].Word || w == "of" || w == "foreign" || w == "open":
			return false
		}
	}
	return false
}

// aggressionWeapons make "aggression" after them a strike.
var aggressionWeapons = map[string]bool{"air": true, "missile": true, "rocket": true, "drone": true, "artillery": true, "aerial": true}

// groupsMen: the mention is an organisation named before its men ("Wagner fighters",
// "Hezbollah's troops"): the group whose men they are.
func (d *doc) groupsMen(toks []token, m Mention) bool {
	k := m.last + 1
	if k < len(toks) && isPossessive(toks[k]) {
		k++
	}
	return k < len(toks) && d.kindOf(m.Entity) == factgraph.KindOrganization && (troopNouns[toks[k].Norm] || forceNouns[toks[k].Norm])
}

// residenceNouns are where a person is held: "held at his residence".
var residenceNouns = map[string]bool{"residence": true, "home": true, "house": true, "palace": true, "villa": true, "compound": true}

// personBefore: a person named within n tokens before token i is its subject (only
// auxiliaries and adverbs of time between: "Bazoum, is still being held").
func (d *doc) personBefore(toks []token, ms []Mention, i, n int) bool {
	for _, m := range ms {
		f := m.first // (over the name's first words a short mention leaves out: "with Omar Lind")
		for f > 0 && toks[f-1].Word && toks[f-1].Capitalized() {
			f--
		}
		if m.last < i && m.last >= i-n && d.kindOf(m.Entity) == factgraph.KindPerson && !afterPreposition(toks, f) {
			ok := true
			for k := m.last + 1; k < i; k++ {
				ok = ok && (subjectVerbFillers[toks[k].Norm] || beVerbs[toks[k].Norm])
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// subjectVerbFillers may stand between a subject and its verb: "Bazoum, is still being held".
var subjectVerbFillers = map[string]bool{",": true, "still": true, "now": true, "currently": true, "has": true, "have": true, "had": true, "been": true, "being": true}

// flagOf: mention m is a flag state or an owner's country describing a ship ("the
// Liberian-flagged carrier", "a Greek-owned tanker"): no doer, no subject.
func flagOf(toks []token, m Mention) bool {
	return m.last+1 < len(toks) && toks[m.last+1].Hyphen && flagWords[toks[m.last+1].Norm]
}

// flagWords after a country and a hyphen describe a ship: "Palau-flagged", "Greek-owned".
var flagWords = map[string]bool{"flagged": true, "owned": true, "registered": true, "operated": true, "managed": true}

// onPurposeWords make a collision a strike.
var onPurposeWords = map[string]bool{"deliberately": true, "intentionally": true, "purpose": true, "purposely": true, "knowingly": true}

// hostVerbs host a meeting or, with a permanent object, a base or a body (hostsPermanent).
var hostVerbs = map[string]bool{"hosts": true, "hosted": true, "host": true, "hosting": true}

// permanentHosted are what a country hosts for years, not for a meeting: "hosts a base",
// "has hosted Hamas's political office", "hosting 10,000 US troops".
var permanentHosted = map[string]bool{"base": true, "bases": true, "office": true, "offices": true,
	"government": true, "agencies": true, "weapons": true, "missiles": true,
	"headquarters": true, "troops": true, "forces": true, "soldiers": true, "refugees": true, "embassy": true,
	"embassies": true, "facility": true, "facilities": true, "fleet": true, "leadership": true, "bureau": true}

// hostsPermanent: the object of the host verb at i (within six words, before the clause's
// end) is a permanent one: a facility or a noun of permanentHosted.
func hostsPermanent(s *sentence, ms []Mention, d *doc, i int) bool {
	toks := s.Tokens
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if !toks[k].Word {
			return false
		}
		if permanentHosted[toks[k].Norm] {
			return true
		}
		if m := mentionStartingAt(ms, k); m >= 0 && d.kindOf(ms[m].Entity) == factgraph.KindWeaponSystem {
			return true // "Belarus also hosts Russian non-strategic nuclear weapons"
		}
		if m := mentionStartingAt(ms, k); m >= 0 {
			// ("Hamas's political office", "the largest American naval base": the possessor
			// and the demonym are no object)
			if e := ms[m].last; e+1 < len(toks) && (toks[e+1].Text == "'s" || toks[e+1].Text == "’s") {
				k = e + 1
				continue
			} else if ms[m].Rule == "gazetteer.demonym" {
				k = e
				continue
			}
			return d.kindOf(ms[m].Entity) == factgraph.KindFacility
		}
	}
	return false
}

// naturalForces strike as weather and the sea do: "as high waves struck".
var naturalForces = map[string]bool{"waves": true, "wave": true, "storm": true, "storms": true, "lightning": true,
	"earthquake": true, "quake": true, "typhoon": true, "hurricane": true, "cyclone": true, "tsunami": true,
	"winds": true, "gale": true, "flood": true, "floods": true, "disaster": true, "tragedy": true}

// placeTakingVerbs take a place (placeTaken); with anything else as their object they
// tell no event ("captured the mood", "captured soldiers").
var placeTakingVerbs = map[string]bool{"captured": true, "capture": true, "captures": true, "overran": true, "overrun": true}

// placeUnits are the nouns of a place taken: "the city", "large parts of North Kivu".
var placeUnits = map[string]bool{"city": true, "town": true, "village": true, "villages": true, "towns": true,
	"cities": true, "parts": true, "swathes": true, "areas": true, "district": true, "province": true,
	"capital": true, "airport": true, "territory": true, "region": true, "positions": true, "base": true}

// placeTaken: the object of the trigger at i..last is a place: a location mention (not a
// demonym) or a noun of placeUnits among the five words after it, before any preposition
// ("taken the largest city in eastern Congo", "seized Goma"; not "took place in Doha",
// "seized a cargo of oil in the Gulf").
func placeTaken(toks []token, ms []Mention, d *doc, i, last int) bool {
	if toks[last].Norm == "into" { // "pushed into the city"
		return true
	}
	for k := last + 1; k < len(toks) && k <= last+5; k++ {
		if !toks[k].Word {
			return false
		}
		if m := mentionStartingAt(ms, k); m >= 0 && ms[m].Rule != "gazetteer.demonym" {
			return d.kindOf(ms[m].Entity) == factgraph.KindLocation
		}
		if placeUnits[toks[k].Norm] {
			return true
		}
		if topicPrepositions[toks[k].Norm] || toks[k].Norm == "in" || toks[k].Norm == "of" || toks[k].Norm == "place" || toks[k].Norm == "part" {
			return false
		}
	}
	return false
}

// ownBody: the organisation of the country c named before token i (not after a
// preposition) when it is the nearest such mention ("The Missile General Bureau of the
// DPRK conducted a test-fire of the Hwasong-19": the bureau, for the state's weapon),
// else c.
func (d *doc) ownBody(toks []token, ms []Mention, c string, lo, i int, kinds map[string]bool) string {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.last >= i || m.first < lo || afterPreposition(toks, m.first) {
			continue
		}
		if d.kindOf(m.Entity) == factgraph.KindOrganization && kinds[factgraph.KindOrganization] && d.countryOf(m.Entity) == c {
			return m.Entity
		}
		break
	}
	return c
}

// clashWords are the triggers of fighting between two sides.
var clashWords = map[string]bool{"clashes": true, "clashed": true, "fighting": true, "exchange": true, "gun": true,
	"firefight": true, "skirmishes": true}

// outbreakVerbs tell fighting that happened: "the clashes erupted", "fighting raged".
var outbreakVerbs = map[string]bool{"erupted": true, "raged": true, "rages": true, "broke": true, "began": true,
	"flared": true, "killed": true}

// clashPlaces are the nouns of a place fought around: "fighting near the border".
var clashPlaces = map[string]bool{"airport": true, "border": true, "temple": true, "city": true, "town": true,
	"village": true, "base": true, "frontier": true}

// clashTold: the fighting at i..last is told with its place (around, near, at, along, in,
// on and a place within three words), its outbreak (a verb of outbreakVerbs within two
// words) or its sides ("between").
func clashTold(toks []token, ms []Mention, d *doc, i, last int) bool {
	// ("a soldier was killed in a brief exchange of fire": the fighting someone died in)
	for k := i - 1; k >= 1 && k >= i-3; k-- {
		if toks[k].Norm == "in" && (toks[k-1].Norm == "killed" || toks[k-1].Norm == "wounded" || toks[k-1].Norm == "injured") {
			return true
		}
		if w := toks[k].Norm; w != "a" && w != "the" && w != "brief" && w != "heavy" && w != "fierce" {
			break
		}
	}
	for k := last + 1; k < len(toks) && k <= last+3; k++ {
		w := toks[k].Norm
		if outbreakVerbs[w] || w == "between" {
			return true
		}
		switch w {
		case "around", "near", "at", "along", "in", "on", "outside":
			for j := k + 1; j < len(toks) && j <= k+4; j++ {
				if clashPlaces[toks[j].Norm] {
					return true
				}
				if m := mentionStartingAt(ms, j); m >= 0 {
					kind := d.kindOf(ms[m].Entity)
					return kind == factgraph.KindLocation || kind == factgraph.KindFacility
				}
				if !toks[j].Word {
					break
				}
			}
			return false
		}
		if !toks[k].Word || w == "," {
			return false
		}
	}
	return false
}

// pairAfter: the two countries or organisations "between X and Y" from token k, or nil.
func (d *doc) pairAfter(toks []token, ms []Mention, k int) []string {
	a := mentionStartingAtOrAfter(ms, k+1, k+2)
	if a < 0 || a+1 >= len(ms) {
		return nil
	}
	b := a + 1
	if gap := ms[b].first - ms[a].last; gap < 2 || gap > 3 || toks[ms[a].last+1].Norm != "and" {
		return nil
	}
	for _, m := range []Mention{ms[a], ms[b]} {
		if kind := d.kindOf(m.Entity); kind != factgraph.KindCountry && kind != factgraph.KindOrganization {
			return nil
		}
		// ("armed Serbs": a people named by its demonym is no state at war)
		if m.Rule == "gazetteer."+formDemonym && (m.last+1 >= len(toks) || !forceNouns[toks[m.last+1].Norm] && !troopNouns[toks[m.last+1].Norm]) {
			return nil
		}
	}
	if ms[a].Entity == ms[b].Entity {
		return nil
	}
	return []string{ms[a].Entity, ms[b].Entity}
}

// conflictNouns name a conflict between two sides: "a ceasefire between Thailand and
// Cambodia", "the war between Israel and Hamas".
var conflictNouns = map[string]bool{"ceasefire": true, "truce": true, "war": true, "conflict": true, "fighting": true,
	"clashes": true, "hostilities": true, "dispute": true, "tensions": true, "tension": true, "armistice": true}

// noteSides records the first two sides of a conflict the article names: a noun of
// conflictNouns followed within three words by "between X and Y".
func (d *doc) noteSides(s *sentence, ms []Mention) {
	if d.sides != nil {
		return
	}
	toks := s.Tokens
	for k := range toks {
		if !conflictNouns[toks[k].Norm] {
			continue
		}
		if b := tokenAt(toks, k+1, min(len(toks)-1, k+3), "between"); b >= 0 {
			if ps := d.pairAfter(toks, ms, b); ps != nil {
				d.sides = ps
				return
			}
		}
	}
}

// territoryNouns after a country name a place of it: "UK waters", "Polish airspace".
var territoryNouns = map[string]bool{"waters": true, "airspace": true, "territory": true, "coast": true, "soil": true}

// openWaterRe: the name of a sea, an ocean or a strait ("Red Sea", "Bab el-Mandeb Strait").
var openWaterRe = regexp.MustCompile(`(?i)\b(sea|ocean|strait|straits|channel|gulf|bay)\b`)

// delegationHead: the person of "a delegation headed by <person>" (or "led by") between
// tokens lo and i, or "".
func delegationHead(toks []token, ms []Mention, d *doc, lo, i int) string {
	for k := max(lo, 0); k+3 < i; k++ {
		if toks[k].Norm != "delegation" || toks[k+1].Norm != "headed" && toks[k+1].Norm != "led" || toks[k+2].Norm != "by" {
			continue
		}
		if m := mentionStartingAtOrAfter(ms, k+3, k+5); m >= 0 && ms[m].last < i && d.kindOf(ms[m].Entity) == factgraph.KindPerson {
			return ms[m].Entity
		}
	}
	return ""
}

// launchCompounds: nouns that "launch" modifies ("launch rails", "launch pad").
var launchCompounds = map[string]bool{"rails": true, "rail": true, "pad": true, "pads": true, "site": true, "sites": true,
	"vehicle": true, "vehicles": true, "window": true, "platform": true, "platforms": true, "tube": true, "tubes": true,
	"facility": true, "complex": true, "position": true, "positions": true, "crew": true, "crews": true}

// teamNouns are groups of people sent out: "the boarding team was launched".
var teamNouns = map[string]bool{"team": true, "teams": true, "crew": true, "party": true, "squad": true, "unit": true}

// otherWeaponsOf: the "of" phrase after the noun trigger ending at last names weapons
// (within five words), none of them an instrument of the roles prev.
func otherWeaponsOf(d *doc, ms []Mention, prev []factgraph.Role, last int) bool {
	named := false
	for _, m := range ms {
		if m.first <= last+1 || m.first > last+5 || d.kindOf(m.Entity) != factgraph.KindWeaponSystem {
			continue
		}
		if hasRole(prev, factgraph.RoleInstrument, m.Entity) {
			return false
		}
		named = true
	}
	return named
}

// hitVerbs strike what follows them: "hit Houthi missiles", "destroyed two launchers".
var hitVerbs = map[string]bool{"hit": true, "struck": true, "destroyed": true, "targeted": true, "bombed": true}

// objectOfVerb: the tokens between the verb ending at last and token first are only a
// determiner, a number or a demonym mention: the mention at first is the verb's object.
func objectOfVerb(s *sentence, ms []Mention, last, first int) bool {
	for k := last + 1; k < first; k++ {
		w := s.Tokens[k].Norm
		if w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || s.tag(k) == "CD" {
			continue
		}
		if j := mentionAt(ms, k); j != "" {
			continue
		}
		return false
	}
	return true
}

// hostParticiples name who holds talks for others: "talks hosted by X between A and B".
var hostParticiples = map[string]bool{"hosted": true, "chaired": true, "brokered": true, "mediated": true, "organised": true, "organized": true}

// hostedBetween: the noun trigger ending at last is followed by "hosted by" (or chaired,
// brokered ...) and a mention that "between" follows; it returns that mention's index, or
// -1.
func hostedBetween(toks []token, ms []Mention, last int) int {
	p := last + 1
	if p+2 >= len(toks) || !hostParticiples[toks[p].Norm] || toks[p+1].Norm != "by" {
		return -1
	}
	h := mentionStartingAtOrAfter(ms, p+2, p+4)
	if h < 0 || ms[h].last+1 >= len(toks) || toks[ms[h].last+1].Norm != "between" {
		return -1
	}
	return h
}

// titleOwner: mention k owns the title of the person named after it ("Cambodia's Prime
// Minister Hun Manet", "Thailand's acting Prime Minister, Phumtham Wechayachai").
func titleOwner(toks []token, ms []Mention, k int) bool {
	ok, _ := ownedTitle(toks, ms, k)
	return ok
}

// ownedTitle: mention k is followed by "'s", title words (a person's title among them,
// "acting" or "former" allowed) and, with or without a comma between (comma), the next
// mention.
func ownedTitle(toks []token, ms []Mention, k int) (ok, comma bool) {
	m := ms[k]
	if k+1 >= len(ms) || m.last+1 >= len(toks) || !isPossessive(toks[m.last+1]) {
		return false, false
	}
	j := m.last + 2
	titled := false
	for j < len(toks) && j <= m.last+6 && toks[j].Word && (personTitles[toks[j].Norm] || titleWords[toks[j].Norm] || toks[j].Norm == "acting" || toks[j].Norm == "former") {
		titled = titled || personTitles[toks[j].Norm]
		j++
	}
	if j < len(toks) && toks[j].Text == "," {
		j, comma = j+1, true
	}
	return titled && ms[k+1].first == j, comma
}

// passiveBefore: a form of "be" and a participle stand before token i in the sentence
// ("was suspended over a phone call"): the subject underwent the main verb.
func passiveBefore(toks []token, i int) bool {
	for k := 1; k < i; k++ {
		if beVerbs[toks[k-1].Norm] && isParticiple(toks[k].Norm) {
			return true
		}
	}
	return false
}

// firedAway: after the firing verb ending at last, the sentence tells the shot went into
// the sea or the water, landed there, or was fired to defend ("fired two missiles into the
// sea", "which landed in the water", "fired to defend Ukrainian territory").
func firedAway(toks []token, last int) bool {
	for k := last + 1; k+1 < len(toks) && k <= last+14; k++ {
		w, n := toks[k].Norm, toks[k+1].Norm
		if (w == "into" || w == "in") && k+2 < len(toks) && (n == "the" && (toks[k+2].Norm == "sea" || toks[k+2].Norm == "water") || n == "sea" || n == "water") {
			return true
		}
		if w == "to" && (n == "defend" || n == "intercept" || n == "protect") {
			return true
		}
		if w == "from" && k == last+1 {
			return true
		}
	}
	return false
}

// toldStrikes: the article has told a strike and no launch or test so far.
func (d *doc) toldStrikes() bool {
	_, struck := d.lastRoles["STRIKE"]
	_, launched := d.lastRoles["LAUNCH"]
	_, tested := d.lastRoles["TEST"]
	return struck && !launched && !tested
}

// civilianNouns are people who flee or leave: "97,000 people have left".
var civilianNouns = map[string]bool{"people": true, "residents": true, "civilians": true, "refugees": true,
	"families": true, "inhabitants": true, "migrants": true}

// classNouns are class nouns written after a named system: "F-16 jets", "Tu-95 bombers".
var classNouns = map[string]bool{"jets": true, "jet": true, "aircraft": true, "planes": true, "warplanes": true,
	"bombers": true, "fighters": true, "helicopters": true, "launchers": true, "tanks": true}

// demonymTargets: a strike object noun ("targets", "positions") follows the demonym ending
// at last, past one modifier ("Cambodian military targets").
func demonymTargets(toks []token, last int) bool {
	for k := last + 1; k < len(toks) && k <= last+2; k++ {
		if strikeObjects[toks[k].Norm] {
			return true
		}
		if !toks[k].Word || toks[k].Capitalized() {
			return false
		}
	}
	return false
}

// sideTargeted: the entity is named after the trigger ending at last by a demonym (or an
// organisation's name) before a strike object noun ("Cambodian military targets").
func sideTargeted(toks []token, ms []Mention, id string, last int) bool {
	for _, m := range ms {
		if m.Entity == id && m.first > last && m.first <= last+3 && (m.Rule == "gazetteer."+formDemonym || !strings.HasPrefix(id, "country:")) && demonymTargets(toks, m.last) {
			return true
		}
	}
	return false
}

// distinctRoles counts the roles, a port and its place ("port of Primorsk", "Primorsk")
// once.
func distinctRoles(rs []factgraph.Role) int {
	n := 0
	for _, r := range rs {
		if place, ok := strings.CutPrefix(r.Entity, "facility:port-of-"); ok && hasEntity(rs, "location:"+place) {
			continue
		}
		n++
	}
	return n
}

// underSanctions: "sanctions" at i follows "under" and up to four words naming whose
// ("under United States sanctions", "under EU and British sanctions"); the index of
// "under", or -1.
func underSanctions(toks []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if toks[k].Norm == "under" {
			if k == i-1 {
				return -1 // ("under sanctions": no one's named)
			}
			return k
		}
		if !toks[k].Word {
			return -1
		}
	}
	return -1
}

// preventVerbs keep an act from happening: "has barred weapons deliveries".
var preventVerbs = map[string]bool{"barred": true, "bars": true, "banned": true, "bans": true, "blocked": true, "blocks": true,
	"halted": true, "prohibits": true, "prohibited": true, "forbids": true}

// andBetween: mentions a and b are joined by "and", with titles or "the" before b ("Macron
// and Chancellor Merz", "Saudi Arabia and the United Arab Emirates").
func andBetween(toks []token, a, b Mention) bool {
	if b.first < a.last+2 || toks[a.last+1].Norm != "and" {
		return false
	}
	for k := a.last + 2; k < b.first; k++ {
		if w := toks[k].Norm; w != "the" && !(toks[k].Capitalized() && (personTitles[w] || titleWords[w])) {
			return false
		}
	}
	return b.first-a.last <= 5
}

// diplomatNouns are people a state expels: "expelled Cambodia's ambassador".
var diplomatNouns = map[string]bool{"ambassador": true, "ambassadors": true, "diplomat": true, "diplomats": true,
	"envoy": true, "envoys": true, "attache": true, "attaché": true, "charge": true, "consul": true, "staff": true}

// personTold: the words from..to-1 name a person ("his envoy Steve Witkoff"): a title
// word or two capitalised words.
func personTold(toks []token, from, to int) bool {
	caps := 0
	for k := from; k < to; k++ {
		if personTitles[toks[k].Norm] && !toks[k].Capitalized() || toks[k].Norm == "envoy" {
			return true
		}
		if toks[k].Capitalized() {
			caps++
		}
	}
	return caps >= 2
}

// joinNorms: the folded words of tokens from..to-1, space-separated.
func joinNorms(toks []token, from, to int) string {
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Norm)
	}
	return b.String()
}

// blamedFor: the noun trigger at i is what someone is blamed for ("blamed the Rapid
// Support Forces (RSF) for the attacks", "held Moscow responsible for the strike"): the
// one blamed, or "".
func (d *doc) blamedFor(s *sentence, ms []Mention, i int, kinds map[string]bool) string {
	toks := s.Tokens
	if i < 3 || !s.noun(i) {
		return ""
	}
	p := i - 1
	for p > 0 && (toks[p].Norm == "the" || toks[p].Norm == "these" || toks[p].Norm == "a" || s.tag(p) == "JJ") {
		p--
	}
	if toks[p].Norm != "for" {
		return ""
	}
	if p > 0 && toks[p-1].Norm == "responsible" {
		p--
	}
	for q := p - 1; q >= 0 && q >= p-10; q-- {
		switch toks[q].Norm {
		case "blamed", "blames", "blaming", "blame", "held", "holds", "holding":
			for _, m := range ms {
				if m.first > q && m.last < p && kinds[d.kindOf(m.Entity)] {
					return m.Entity
				}
			}
			return ""
		case ";", "that", "which":
			return ""
		}
	}
	return ""
}
