package extract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// QuantityMention is an amount of the text: "around 15,000 troops", "an 8,700-ton submarine".
type QuantityMention struct {
	Quantity factgraph.Quantity `json:"quantity"`
	Text     string             `json:"text"`
	Start    int                `json:"start"`
	End      int                `json:"end"`
	Sentence int                `json:"sentence"`
	Rule     string             `json:"rule"`
}

// approximators before a number make it approximate (bounds too: "did not exceed 700
// kilometres", "at most 20").
var approxRe = regexp.MustCompile(`(?i)\b(about|around|some|roughly|nearly|almost|approximately|more than|over|up to|at least|an estimated|as many as|close to|fewer than|less than|under|several|upwards of|estimated|at most|a maximum of|a minimum of|in excess of|exceed|exceeds|exceeded|exceeding|beyond|within)\s*$`)

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9,
	"dozen": 12} // ("more than two dozen Tomahawk cruise missiles": 24)

var spelled = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "a hundred": 100, "a thousand": 1000, "a single": 1,
}

// vague amounts: "dozens of objects", "several dozen drones". ("hundreds of troops",
// "thousands of people", "tens of thousands" name an order of magnitude, no count: since
// the fifteenth session they are no amount, as every evaluation set's gold has them.)
var vague = map[string]float64{"dozens": 24, "several dozen": 24, "a few dozen": 24}

// measure units written after a hyphen or a number: "8,700-ton", "20-point", "one-hour".
var measureUnits = map[string]string{
	"ton": "ton", "tons": "ton", "tonne": "ton", "tonnes": "ton", "km": "km", "kilometre": "km", "kilometres": "km",
	"kilometer": "km", "kilometers": "km", "mile": "mile", "miles": "mile", "hour": "hour", "hours": "hour",
	"minute": "minute", "minutes": "minute", "day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year", "percent": "percent", "per cent": "percent",
	"point": "points", "points": "points", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg",
	"kilogrammes": "kg", "seconds": "second", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"mm": "mm", "barrel": "barrels", "barrels": "barrels", "nautical mile": "nautical mile", "nautical miles": "nautical mile",
	"foot": "foot", "feet": "foot", "yard": "yard", "yards": "yard", "inch": "inch", "inches": "inch",
	// areas: "1,000 square kilometres", "800 sq km"
	"square kilometre": "km2", "square kilometres": "km2", "square kilometer": "km2", "square kilometers": "km2",
	"sq km": "km2", "km2": "km2", "square mile": "square mile", "square miles": "square mile",
	// volumes and a ship's size: "18 cubic kilometres", "152,000 deadweight tonnes"
	"cubic kilometre": "km3", "cubic kilometres": "km3", "cubic kilometer": "km3", "cubic kilometers": "km3",
	"cubic metre": "m3", "cubic metres": "m3", "cubic meter": "m3", "cubic meters": "m3",
	"deadweight tonnes": "ton", "deadweight tons": "ton", "deadweight tonne": "ton",
}

// words that cannot be the counted noun after a number.
var notUnits = map[string]bool{
	"of": true, "and": true, "or": true, "to": true, "in": true, "on": true, "at": true, "the": true, "a": true,
	"was": true, "were": true, "is": true, "are": true, "had": true, "have": true, "has": true, "by": true,
	"for": true, "from": true, "with": true, "that": true, "which": true, "said": true, "as": true, "than": true,
	"more": true, "new": true, "other": true, "such": true, "these": true, "those": true,
	"per": true, "p": true, "m": true, "am": true, "pm": true, "a.m.": true, "p.m.": true, "percent": false,
}

// adjectives skipped between the number and its noun: "15,000 North Korean troops".
var quantityAdjectives = map[string]bool{
	"dead": true, "own": true, "north": true, "south": true, "korean": true, "russian": true, "ukrainian": true, "additional": true, "more": true,
	"new": true, "military": true, "armed": true, "combat": true, "foreign": true, "elite": true, "special": true,
	"unidentified": true, "suspected": true, "senior": true, "junior": true, "oil": true, "ballistic": true, "cruise": true, "other": true,
	"civilian": true, "polish": true, "belarusian": true, "american": true, "chinese": true, "sanctioned": true,
	"of": false,
}

var numRe = regexp.MustCompile(`(?i)(US\$|\$|€|£)?\b(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|` +
	`a dozen|a hundred|a thousand|a single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|` +
	`tens of thousands|several dozen|a few dozen|dozens|several hundred|several thousand|hundreds|thousands)` +
	`(?:\s*(thousand|million|billion|trillion|mn|bn|dozen|and a half million|and a half thousand))?\b(%)?`)

// countWords: the last words of numRe's spelled amounts.
var countWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true,
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true,
	"ninety": true, "dozen": true, "hundred": true, "thousand": true, "single": true, "dozens": true,
	"hundreds": true, "thousands": true}

// mayCount tells whether numRe can match text: every match ends in a digit or in one of
// countWords standing as a whole word (numRe's closing \b). Most sentences have neither,
// and the regular expression, with no literal to start from, is slow to say so.
func mayCount(text string) bool {
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	for i := 0; i < len(text); {
		if !isWord(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWord(text[j]) {
			if text[j] >= '0' && text[j] <= '9' {
				return true
			}
			j++
		}
		if j-i <= 9 && countWords[strings.ToLower(text[i:j])] {
			return true
		}
		i = j
	}
	return false
}

// thanBeforeRe: a comparison right before a bare number ("rather than the 600,000").
var thanBeforeRe = regexp.MustCompile(`(?i)\bthan (the )?$`)

// numberOfRe: "the number of listed vessels to", "the total number of tankers at" right
// before a bare number: the plural noun is what is counted.
var numberOfRe = regexp.MustCompile(`(?i)\bnumber of (?:[a-z]+ )?([a-z]+s) (?:to|at|is|was|rose to|reached|stood at) $`)

// partOfRe: a part of a counted whole after a number: " of the 67 ", " of the ", " of those
// on board" (people).
var partOfRe = regexp.MustCompile(`^ of (?:the (?:[\d,]+ |(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) )?|(those (?:on board|aboard)))`)

// remainingRe: "the remaining eight", "the other two": a count of the rest of a group.
var remainingRe = regexp.MustCompile(`(?i)\bthe (?:remaining|other) $`)

// casualtyRe: a count of casualties with no noun: " injured", " were wounded".
var casualtyRe = regexp.MustCompile(`^ (?:(?:were|was|had been|have been) )?(?:injured|wounded|dead|killed|hurt)\b`)

// personCounts are the nouns of people counted, which elided casualties share.
var personCounts = map[string]bool{"people": true, "civilians": true, "officers": true, "soldiers": true,
	"troops": true, "sailors": true, "crew": true, "passengers": true, "police": true,
	"policemen": true, "servicemen": true, "residents": true, "workers": true, "persons": true}

// elidedCountRe: a count with a modifier and no noun, then "and" and another count ("two
// Russian and two Chinese bombers"): group 1 is the elided count's modifier.
var elidedCountRe = regexp.MustCompile(`^( [A-Z][a-z]+) and (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b`)

// moreRe: "three more" with no noun of its own.
var moreRe = regexp.MustCompile(`^ more\b(?: [a-z]+s\b)?`)

// collectiveOfRe: a collective noun and "of" right before a bare number.
var collectiveOfRe = regexp.MustCompile(`(?i)\b(crew|fleet|force|convoy|flotilla|total|staff|team|group|delegation)s? of\s*(?:about|around|some|nearly|almost|roughly|approximately|more than|over|up to|at least)?\s*$`)

// inDate says whether the span [start, end) of the sentence's flattened text overlaps a date.
func inDate(s *sentence, dates []DateMention, start, end int) bool {
	for _, dm := range dates {
		if s.Start+start < dm.End && s.Start+end > dm.Start {
			return true
		}
	}
	return false
}

// findQuantities returns the amounts of a sentence. Spans inside dates are skipped.
func (d *doc) findQuantities(s *sentence, dates []DateMention, ms []Mention) []QuantityMention {
	var out []QuantityMention
	text := flatten(s.Text)
	skipTo := 0 // the upper bound of a range read with its lower bound
	var nums [][]int
	if mayCount(text) {
		nums = numRe.FindAllStringSubmatchIndex(text, -1)
	}
	for _, loc := range nums {
		start, end := loc[0], loc[1]
		if start < skipTo || inDate(s, dates, start, end) {
			continue
		}
		g := func(i int) string {
			if loc[2*i] < 0 {
				return ""
			}
			return text[loc[2*i]:loc[2*i+1]]
		}
		currency, num, scale, pct := g(1), strings.ToLower(g(2)), strings.ToLower(g(3)), g(4)
		// the digits of a model name are not an amount: F-16, Il-20, Su-34, KN-23
		if start > 1 && (text[start-1] == '-' || text[start-1] == ' ' && isUpperAt(text, start-2)) && isLetterAt(text, start-2) {
			continue
		}
		// nor the digits inside a weapon's name the gazetteer knows: "Leopard 2", "Challenger 2"
		if insideWeaponName(ms, s.Start+start) {
			continue
		}
		// a word number must stand alone: not "someone", not the "one" of "one of them"
		if _, isWord := spelled[num]; isWord || vague[num] > 0 {
			if start > 0 && isLetterAt(text, start-1) {
				continue
			}
		}
		value, approx, rule := 0.0, false, "quantity.number"
		switch {
		case vague[num] > 0:
			value, approx, rule = vague[num], true, "quantity.vague"
		case spelled[num] > 0:
			value, rule = spelled[num], "quantity.spelled"
		default:
			v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
			if err != nil {
				continue
			}
			value = v
		}
		// "twenty-four": a tens word, a hyphen and a unit word
		if v := spelled[num]; v >= 20 && v <= 90 && scale == "" && pct == "" && end < len(text) && text[end] == '-' {
			if w := strings.ToLower(leadingWord(text[end+1:])); spelled[w] >= 1 && spelled[w] <= 9 {
				value += spelled[w]
				end += 1 + len(w)
			}
		}
		// "two-thirds of": the numerator of a fraction (read as a percent below)
		if fractionAfterRe.MatchString(text[end:]) {
			continue
		}
		// "30 to 40 minutes", "12-20 years", "between 5 and 10 km": a range is one amount,
		// its lower bound, approximately, with the unit (and scale) of its upper bound
		ranged := false
		if m := rangeRe.FindStringSubmatch(text[end:]); m != nil && pct == "" && !rangeFromRe.MatchString(text[max(0, start-8):start]) &&
			(m[1] != "and" || rangeBetweenRe.MatchString(text[max(0, start-9):start])) &&
			(m[1] == "to" || m[1] == "and" || isDigitByte(num[0]) && isDigitByte(m[2][0])) {
			if scale == "" && m[3] != "" {
				scale = strings.ToLower(m[3])
			}
			if m[4] != "" {
				pct = m[4]
			}
			end += len(m[0])
			ranged = true
		}
		if half, ok := strings.CutPrefix(scale, "and a half "); ok {
			value = (value + 0.5) * scales[half] // "four and a half million militia members"
		} else if scale != "" {
			value *= scales[scale]
		}
		// what follows: a unit after a hyphen, a percent sign, a currency, or a counted noun
		rest := text[end:]
		unit, unitEnd := "", end
		switch {
		case pct != "":
			unit = "percent"
		case currency != "":
			unit = map[string]string{"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}[strings.ToLower(currency)]
		default:
			unit, unitEnd = countedNoun(rest, end)
			// "14 Leopard 2 A6 tanks", "14 Challenger 2 tanks": a count before a weapon's name
			// counts the noun after the name, or the one that ends it
			if unit == "" {
				unit, unitEnd = countedAfterWeapon(ms, s, text, end)
			}
			// "two Russian and two Chinese bombers": a count whose noun is left out shares
			// the noun of the count coordinated after it
			if unit == "" {
				if m := elidedCountRe.FindStringSubmatchIndex(rest); m != nil {
					if u, _ := countedNoun(rest[m[1]:], end+m[1]); u != "" && !isMeasure(u) {
						unit, unitEnd = u, end+m[3]
					}
				}
			}
			// "killed three citizens and wounded 87 others": the others are of the noun
			// counted before in the sentence
			if unit == "others" && len(out) > 0 && out[len(out)-1].Sentence == s.Index && isCountNoun(out[len(out)-1].Quantity.Unit) && !isMeasure(out[len(out)-1].Quantity.Unit) {
				unit = out[len(out)-1].Quantity.Unit
			}
			// "shut four crossings ... and three more": the noun counted before
			if unit == "" && len(out) > 0 && !isMeasure(out[len(out)-1].Quantity.Unit) && moreRe.MatchString(rest) {
				unit, unitEnd = out[len(out)-1].Quantity.Unit, end+len(" more")
			}
			// "its crew of 25 includes ...": a verb after the number counts nothing; the
			// collective before it is what is counted
			if unit != "" && !isCountNoun(unit) && s.verbAt(s.Start+end+1) && collectiveOfRe.MatchString(text[max(0, start-20):start]) {
				unit, unitEnd = "", end
			}
			// "19 billion euros", "500 million dollars"
			if w := strings.ToLower(leadingWord(strings.TrimLeft(rest, " "))); currencyWords[w] != "" && strings.HasPrefix(rest, " ") {
				unit, unitEnd = currencyWords[w], end+1+len(w)
			}
			// "5 per cent", "two percentage points"
			if low := strings.ToLower(rest); strings.HasPrefix(low, " per cent") {
				unit, unitEnd = "percent", end+len(" per cent")
			} else if strings.HasPrefix(low, " percentage points") || strings.HasPrefix(low, " percentage point") {
				unit, unitEnd = "points", end+len(" percentage point")
				if strings.HasPrefix(low, " percentage points") {
					unitEnd++
				}
			}
			// "79 of them": the noun counted before in the sentence, else in the sentences
			// before ("the fleet numbers more than 600 vessels. The EU has banned 444 of them")
			if unit == "" && strings.HasPrefix(strings.ToLower(rest), " of them") {
				if len(out) > 0 && !isMeasure(out[len(out)-1].Quantity.Unit) {
					unit, unitEnd = out[len(out)-1].Quantity.Unit, end+len(" of them")
				} else if len(out) == 0 && d.lastCounted != "" && d.lastCountedAt >= s.Index-1 {
					unit, unitEnd = d.lastCounted, end+len(" of them")
				}
			}
			// "Thirty-eight of the 67 people on board", "three of the sailors", "Twenty-nine of
			// those on board": a part counts what the whole counts
			if unit == "" && num != "one" {
				if m := partOfRe.FindStringSubmatch(rest); m != nil {
					if m[1] != "" {
						unit = "people"
					} else if u, _ := countedNoun(" "+rest[len(m[0]):], 0); u != "" && isCountNoun(u) && !isMeasure(u) {
						unit = u
					}
				}
			}
			// "cap the army at 800,000 troops rather than the 600,000 set in the draft": a bare
			// number compared with a counted one before it counts the same
			if unit == "" && len(out) > 0 && !isMeasure(out[len(out)-1].Quantity.Unit) && thanBeforeRe.MatchString(text[max(0, start-16):start]) {
				unit = out[len(out)-1].Quantity.Unit
			}
			// "151 injured", "and 46 wounded", "105 were wounded": casualties whose noun is
			// left out are the people counted before in the sentence, else people
			if unit == "" && casualtyRe.MatchString(rest) {
				unit = "people"
				if len(out) > 0 && personCounts[out[len(out)-1].Quantity.Unit] {
					unit = out[len(out)-1].Quantity.Unit
				}
			}
			// "Three other activists ... while the remaining eight": the noun counted before
			if unit == "" && len(out) > 0 && !isMeasure(out[len(out)-1].Quantity.Unit) && remainingRe.MatchString(text[max(0, start-16):start]) {
				unit = out[len(out)-1].Quantity.Unit
			}
			// "bringing the number of listed vessels to 557": what the number is of
			if unit == "" {
				if m := numberOfRe.FindStringSubmatch(text[max(0, start-48):start]); m != nil {
					unit = strings.ToLower(m[1])
				}
			}
			// "a single Russian drone": one of a counted noun or a unit, in the singular
			if num == "a single" && (unit == "" || !isCountNoun(unit) && !countNouns[unit+"s"]) {
				unit, unitEnd = singularCounted(rest, end)
			}
			if num == "a single" && negatedBeforeRe.MatchString(text[max(0, start-5):start]) {
				unit = "" // "not a single drone": none
			}
			// "won by 287 votes to 55", "a journey of 30 hours that normally takes two": a
			// bare number closing its clause counts what the amount before it counts
			if unit == "" && len(out) > 0 && !ranged && clauseEndRe.MatchString(rest) {
				prev := out[len(out)-1]
				if gap := text[max(0, min(start, prev.End-s.Start)):start]; tallyGapRe.MatchString(gap) ||
					isMeasure(prev.Quantity.Unit) && prev.Quantity.Unit != "USD" && prev.Quantity.Unit != "EUR" && prev.Quantity.Unit != "percent" && len(gap) < 80 && s.verbAt(s.Start+prevWordStart(text, start)) {
					unit = prev.Quantity.Unit
				}
			}
		}
		// "the crew of 24", "a fleet of 600": the noun before "of" is what is counted
		if unit == "" {
			if m := collectiveOfRe.FindStringSubmatch(text[max(0, start-20):start]); m != nil {
				unit = strings.ToLower(m[1])
			}
		}
		if unit == "" {
			continue
		}
		// years, ordinals, clock times and small bare numbers without a noun are not amounts
		if value >= 1900 && value <= 2100 && !strings.Contains(num, ",") && unit != "USD" && !isCountNoun(unit) {
			continue
		}
		// "one of its anchors", "one of the two reactors": a partitive counts one of the
		// plural noun after it
		if num == "one" {
			// (not "one of the heaviest defeats", "one of the most serious": a superlative
			// ranks, it does not count)
			if oneOfSuperlativeRe.MatchString(rest) {
				continue
			}
			if m := oneOfRe.FindStringSubmatch(rest); m != nil {
				unit, unitEnd = strings.ToLower(m[2]), end+len(m[0])
			}
		}
		// "one of the" or "one-year": spelled "one" as a determiner is not an amount of a noun
		if num == "one" && unit != "hour" && unit != "points" && !isCountNoun(unit) && !countNouns[unit+"s"] && measureUnits[unit] == "" && !oneOfRe.MatchString(rest) {
			continue
		}
		approx = approx || ranged
		// "roughly 1,500 metres by 1,500 metres": the approximation holds for both sides
		if n := len(out); n > 0 && out[n-1].Quantity.Approx && out[n-1].Quantity.Unit == unit && isMeasure(unit) &&
			out[n-1].End-s.Start <= start && strings.EqualFold(strings.TrimSpace(text[out[n-1].End-s.Start:start]), "by") {
			approx = true
		}
		before := text[max(0, start-24):start]
		if approxRe.MatchString(before) {
			approx = true
			if m := approxRe.FindStringIndex(before); m != nil {
				start = start - len(before) + m[0]
			}
		}
		// "three decades", "nearly four decades": years, as the conventions measure time
		switch unit {
		case "decade", "decades":
			value, unit = value*10, "year"
		case "century", "centuries":
			value, unit = value*100, "year"
		}
		q := factgraph.Quantity{Value: value, Unit: unit, Approx: approx}
		if !isMeasure(unit) {
			d.lastCounted, d.lastCountedAt = unit, s.Index
		}
		if ranged {
			rule, skipTo = "quantity.range", end
		}
		out = append(out, QuantityMention{Quantity: q, Text: s.Text[start:unitEnd], Start: s.Start + start,
			End: s.Start + unitEnd, Sentence: s.Index, Rule: rule})
	}
	out = append(out, fractions(s, text, dates)...)
	out = append(out, spans(s, text, dates)...)
	// (the regular expression only where one of its units is written)
	hasUnit := false
	for _, u := range []string{"hour", "minute", "day", "week", "month", "year", "kilomet", "mile"} {
		hasUnit = hasUnit || strings.Contains(text, u)
	}
	if !hasUnit {
		return out
	}
	// (and one of its hedges before "a" or "an": "about an hour", "within a day")
	low := strings.ToLower(text)
	hedged := false
	for _, h := range []string{"about a", "around a", "almost a", "nearly a", "roughly a", "than a", "over a", "under a", "up to a", "within a"} {
		hedged = hedged || strings.Contains(low, h)
	}
	if !hedged {
		return out
	}
	for _, loc := range approxOneRe.FindAllStringSubmatchIndex(text, -1) {
		start, end := loc[0], loc[1]
		if inDate(s, dates, start, end) {
			continue
		}
		unit := measureUnits[strings.ToLower(text[loc[6]:loc[7]])]
		q := factgraph.Quantity{Value: 1, Unit: unit, Approx: true}
		out = append(out, QuantityMention{Quantity: q, Text: s.Text[start:end], Start: s.Start + start,
			End: s.Start + end, Sentence: s.Index, Rule: "quantity.approx-one"})
	}
	return out
}

// insideWeaponName: the byte offset at is inside a weapon's name, past its first byte (a
// name, capitalised: not the anaphor "the two jets").
func insideWeaponName(ms []Mention, at int) bool {
	for _, m := range ms {
		if strings.HasPrefix(m.Entity, "weapon:") && m.Start < at && at < m.End && isUpperAt(m.Text, 0) {
			return true
		}
	}
	return false
}

// countedAfterWeapon reads the counted noun of a number (ending at end in the sentence's
// flattened text) written right before a weapon mention: the plural after the name ("14
// Leopard 2 A6 tanks") or the plural that ends it ("14 Challenger 2 tanks").
func countedAfterWeapon(ms []Mention, s *sentence, text string, end int) (string, int) {
	for _, m := range ms {
		if !strings.HasPrefix(m.Entity, "weapon:") || m.Start != s.Start+end+1 || text[end] != ' ' {
			continue
		}
		to := m.End - s.Start
		if to > len(text) {
			return "", end
		}
		if u, e := countedNoun(text[to:], to); u != "" && !isMeasure(u) {
			return u, e
		}
		words := strings.Fields(strings.ToLower(m.Text))
		if last := words[len(words)-1]; len(words) > 1 && countNouns[last] {
			return last, to
		}
		return "", end
	}
	return "", end
}

// currencyWords after an amount name its currency.
var currencyWords = map[string]string{"euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD",
	"roubles": "RUB", "rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "pounds": "GBP", "won": "KRW", "yuan": "CNY", "yen": "JPY"}

// isMeasure: a unit of measure or money, not a counted noun.
func isMeasure(u string) bool {
	for _, m := range measureUnits {
		if m == u {
			return true
		}
	}
	return u == "USD" || u == "EUR" || u == "percent" || len(u) == 3 && strings.ToUpper(u) == u
}

// approxOneRe: "almost an hour", "about a minute", "more than a year": one unit, approximately.
var approxOneRe = regexp.MustCompile(`(?i)\b(about|around|almost|nearly|roughly|more than|over|less than|under|just under|just over|up to|within) (an?) (hour|minute|day|week|month|year|kilometre|kilometer|mile|nautical mile)\b`)

// countNouns are nouns counted in the news; others are accepted when they look like nouns.
var countNouns = map[string]bool{
	"troops": true, "soldiers": true, "servicemen": true, "servicewomen": true, "conscripts": true, "objects": true, "drones": true, "balloons": true, "missiles": true,
	"shells": true, "rounds": true, "tankers": true, "vessels": true, "ships": true, "people": true,
	"civilians": true, "workers": true, "aircraft": true, "planes": true, "jets": true, "warships": true,
	"containers": true, "sanctions": true, "entities": true, "individuals": true, "countries": true,
	"casualties": true, "prisoners": true, "launchers": true, "factories": true, "tanks": true,
	"submarines": true, "fighters": true, "officials": true, "envoys": true, "delegations": true,
	"artillery": true, "projectiles": true, "personnel": true, "men": true, "weapons": true, "systems": true,
	"sailors": true, "marines": true, "migrants": true, "officers": true, "bombers": true, "destroyers": true,
	"frigates": true, "boats": true, "crossings": true,
	"gunmen": true, "militants": true, "suspects": true, "settlers": true, "citizens": true, "hostages": true,
	"rebels": true, "protesters": true, "policemen": true,
	// ("one rocket hit a petrol station", "one Uruguayan peacekeeper": their singulars count)
	"rockets": true, "peacekeepers": true, "helicopters": true, "bombs": true, "refugees": true,
	"journalists": true, "diplomats": true, "children": true, "satellites": true, "torpedoes": true,
	"interceptors": true, "warheads": true,
}

// oneOfSuperlativeRe: "one of the heaviest", "one of its most serious", "one of the worst".
var oneOfSuperlativeRe = regexp.MustCompile(`^ of (?:the|its|their|his|her|our) (?:most |least |[a-z]{2,}est |worst |best )`)

// oneOfRe: "one of its anchors", "one of the two reactors" (the noun plural, a word).
var oneOfRe = regexp.MustCompile(`^ of (?:its|their|the|his|her|our|these|those)(?: (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))? ([a-z]+ )?([a-z]{3,}s)\b`)

func isCountNoun(u string) bool {
	return countNouns[u] || measureUnits[u] != "" || u == "USD" || u == "percent" ||
		strings.HasSuffix(u, "man") && countNouns[strings.TrimSuffix(u, "man")+"men"]
}

// countedNoun reads the unit or counted noun after a number: "-ton", " troops",
// " North Korean troops", " of objects" (after dozens). It returns the unit and where it ends.
func countedNoun(rest string, base int) (string, int) {
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "‑") {
		w := leadingWord(rest[1:])
		if u, ok := measureUnits[strings.ToLower(w)]; ok {
			return u, base + 1 + len(w)
		}
		// "the 14-member team": a count of members
		if strings.ToLower(w) == "member" {
			return "members", base + 1 + len(w)
		}
		return "", base
	}
	off := 0
	if strings.HasPrefix(rest, " of ") {
		off = 4
		// "two of its airports"
		for _, det := range []string{"its ", "their ", "the ", "his ", "her ", "our "} {
			if strings.HasPrefix(rest[off:], det) {
				off += len(det)
				break
			}
		}
	}
	prevW, lastW := "", ""
	for words := 0; words < 6; words++ {
		for off < len(rest) && rest[off] == ' ' {
			off++
		}
		w := leadingWord(rest[off:])
		prevW, lastW = lastW, w
		if w == "" {
			return "", base
		}
		lw := strings.ToLower(w)
		// "six nautical miles": a unit of two words
		if n := off + len(w); n < len(rest) && rest[n] == ' ' {
			if next := leadingWord(rest[n+1:]); next != "" {
				if u, ok := measureUnits[lw+" "+strings.ToLower(next)]; ok {
					return u, base + n + 1 + len(next)
				}
			}
		}
		if u, ok := measureUnits[lw]; ok {
			return u, base + off + len(w)
		}
		// "one sailor": the singular of a counted noun
		if (countNouns[lw+"s"] || strings.HasSuffix(lw, "man") && countNouns[strings.TrimSuffix(lw, "man")+"men"]) && words == 0 {
			// (unless it modifies a plural head: "two tank battalions", "20 fighter jets",
			// "100 drone and ballistic missile attacks")
			if n := off + len(w); n+1 < len(rest) && rest[n] == ' ' {
				if next := leadingWord(rest[n+1:]); next != "" && !isUpperAt(next, 0) && (countNouns[strings.ToLower(next)] || compoundHeadPlurals[strings.ToLower(next)] || headPlurals[strings.ToLower(next)]) {
					return strings.ToLower(next), base + n + 1 + len(next)
				}
				if next := leadingWord(rest[n+1:]); next == "and" {
					q := n + 1 + len(next)
					for j := 0; j < 4 && q+1 < len(rest) && rest[q] == ' '; j++ {
						h := leadingWord(rest[q+1:])
						if h == "" || isUpperAt(h, 0) {
							break
						}
						if lh := strings.ToLower(h); headPlurals[lh] || compoundHeadPlurals[lh] || actPlurals[lh] {
							return lh, base + q + 1 + len(h)
						}
						q += 1 + len(h)
					}
				}
			}
			return lw, base + off + len(w)
		}
		// "one anti-ship ballistic missile, which": after modifiers too, where the noun
		// phrase ends with it
		if countNouns[lw+"s"] && words > 0 && !isUpperAt(w, 0) {
			n := off + len(w)
			if next := strings.ToLower(leadingWord(strings.TrimLeft(rest[n:], " "))); next == "" || notUnits[next] || n < len(rest) && (rest[n] == ',' || rest[n] == '.') {
				return lw, base + n
			}
		}
		// "11 Russian and Chinese warships": coordinated modifiers
		if lw == "and" && words > 0 {
			if next := leadingWord(strings.TrimLeft(rest[off+len(w):], " ")); next != "" && (isUpperAt(next, 0) || quantityAdjectives[strings.ToLower(next)]) {
				off += len(w)
				continue
			}
		}
		// "two long-range bombers": a hyphenated modifier
		if n := off + len(w); n+1 < len(rest) && rest[n] == '-' && isLetterAt(rest, n+1) && !isUpperAt(w, 0) {
			if h := leadingWord(rest[n+1:]); h != "" && !countNouns[strings.ToLower(h)] && measureUnits[strings.ToLower(h)] == "" {
				off = n + 1 + len(h)
				continue
			}
		}
		if countNouns[lw] {
			// "two sanctions packages": a compound's head is its last noun
			if n := off + len(w); n+1 < len(rest) && rest[n] == ' ' {
				if next := leadingWord(rest[n+1:]); next != "" && !isUpperAt(next, 0) && compoundHeadPlurals[strings.ToLower(next)] {
					return strings.ToLower(next), base + n + 1 + len(next)
				}
			}
			return lw, base + off + len(w)
		}
		// "four RAF Typhoons took part", "two Tomahawks": a capitalised plural that ends the
		// run of names is the counted noun (the system's name in the plural)
		if isUpperAt(w, 0) && len(w) >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !notUnits[lw] {
			n := off + len(w)
			// (not a modifier of a noun after it: "seven Guards officers")
			if next := leadingWord(strings.TrimLeft(rest[n:], " ")); next == "" || !isUpperAt(next, 0) && !countNouns[strings.ToLower(next)] && !countNouns[strings.ToLower(next)+"s"] {
				// ("nine South Africans", "two North Koreans": a demonym of two words)
				if demonymStarts[strings.ToLower(prevW)] {
					return strings.ToLower(prevW) + " " + lw, base + n
				}
				return lw, base + n
			}
		}
		if quantityAdjectives[lw] || (words <= 4 && isLetterAt(w, 0) && !notUnits[lw] && isUpperAt(w, 0)) || adjectiveLike(lw) ||
			(off >= 4 && strings.HasPrefix(rest, " of ") && (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed"))) {
			off += len(w)
			continue
		}
		if notUnits[lw] || !isLetterAt(w, 0) {
			return "", base
		}
		// an unknown lower-case plural noun: "15 Shahed-type drones" handled above; "40 tankers";
		// a compound's head is its last noun ("four telecommunications cables" are cables,
		// "eight crew members" crew members)
		plural := func(lw string) bool {
			return strings.HasSuffix(lw, "s") && len(lw) > 3 && !strings.HasSuffix(lw, "ss") && !notUnits[lw] && !notPlurals[lw] ||
				strings.HasSuffix(lw, "men") && len(lw) > 4 // "30 masked gunmen", "two fishermen"
		}
		next := ""
		if n := off + len(w); n < len(rest) && rest[n] == ' ' {
			next = leadingWord(rest[n+1:])
		}
		if nl := strings.ToLower(next); next != "" && !isUpperAt(next, 0) && plural(nl) && !isUpperAt(w, 0) && !plural(lw) && !compoundFirst[lw] && !notUnits[lw] && isLetterAt(w, 0) {
			// "two data cables", "MiG-31 fighter jets": a noun modifying a plural head
			return nl, base + off + len(w) + 1 + len(next)
		}
		if nl := strings.ToLower(next); next != "" && !isUpperAt(next, 0) && plural(nl) && !isUpperAt(w, 0) && (plural(lw) || compoundFirst[lw]) {
			end := base + off + len(w) + 1 + len(next)
			if plural(lw) {
				return nl, end
			}
			return lw + " " + nl, end
		}
		if plural(lw) && !isUpperAt(w, 0) {
			return lw, base + off + len(w)
		}
		// "22 crew and three guards", "more than 200 staff": a collective noun counts its
		// members (a plural after it made the compound above: "crew members")
		if collectiveCounts[lw] && !isUpperAt(w, 0) {
			return lw, base + off + len(w)
		}
		return "", base
	}
	return "", base
}

// collectiveCounts are collective nouns a number counts the members of.
var collectiveCounts = map[string]bool{"crew": true, "staff": true}

// adjectiveLike: a lower-case word that reads as an adjective by its ending ("automated",
// "naval", "strategic", "offensive"), skipped between a number and its noun.
func adjectiveLike(w string) bool {
	if len(w) < 5 || notUnits[w] {
		return false
	}
	// superlatives: "Russia's two largest oil companies"
	if strings.HasSuffix(w, "est") && !notSuperlatives[w] {
		return true
	}
	for _, suf := range []string{"ed", "al", "ic", "ive", "ian", "ish", "ese", "ary", "ful", "less", "ous", "ern"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// notSuperlatives end in "est" without being superlatives.
var notSuperlatives = map[string]bool{"interest": true, "request": true, "protest": true, "arrest": true, "contest": true,
	"forest": true, "harvest": true, "suggest": true, "manifest": true, "conquest": true, "unrest": true}

// compoundHeadPlurals after a counted noun are the compound's head: "two sanctions
// packages", "three missile launchers" (a count noun used as a modifier).
var compoundHeadPlurals = map[string]bool{"packages": true, "rounds": true, "lists": true, "regimes": true,
	"launchers": true, "sites": true, "units": true, "companies": true, "programmes": true, "programs": true}

// headPlurals are plural heads a counted noun may modify ("two tank battalions", "20
// fighter jets") that the count nouns lack.
var headPlurals = map[string]bool{"battalions": true, "jets": true, "brigades": true, "regiments": true, "crews": true}

// notPlurals end in s without being plural nouns.
var notPlurals = map[string]bool{"this": true, "thus": true, "plus": true, "always": true, "perhaps": true,
	"whereas": true, "across": true, "unless": true, "its": true, "was": true, "has": true, "does": true,
	"towards": true, "afterwards": true, "besides": true, "news": true, "politics": true}

// compoundFirst nouns make a two-word unit with the plural after them: "crew members".
// (not a force's name: "two Philippine navy boats" are boats, the head noun, as the
// conventions count them)
var compoundFirst = map[string]bool{"crew": true, "staff": true, "team": true,
	"asylum": true, "aid": true} // "900 asylum seekers", "three aid workers"

func leadingWord(s string) string {
	if isUpperAt(s, 0) { // model names: F-16, Il-20
		j := 0
		for j < len(s) && (isLetterAt(s, j) || isDigitByte(s[j]) || s[j] == '-') {
			j++
		}
		if j > 0 && strings.ContainsAny(s[:j], "0123456789") {
			return strings.TrimRight(s[:j], "-")
		}
	}
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || r == '.' && i > 0 && isLetterAt(s, i+1) {
			i += w
			continue
		}
		break
	}
	return s[:i]
}

// rangeRe: the upper bound of a range after its lower bound ("30 to 40", "12-20",
// "5 and 10" after "between"): the separator, the number, its scale and percent sign.
var rangeRe = regexp.MustCompile(`(?i)^\s*(to|-|–|and)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|` +
	`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b` +
	`(?:\s*(thousand|million|billion|trillion))?(%)?`)

// rangeFromRe: "from 20 to 30 percent" is a change, not a range; rangeBetweenRe opens
// "between 5 and 10".
var (
	rangeFromRe     = regexp.MustCompile(`(?i)\bfrom\s*$`)
	rangeBetweenRe  = regexp.MustCompile(`(?i)\bbetween\s*$`)
	negatedBeforeRe = regexp.MustCompile(`(?i)\b(not|no)\s*$`)
	// clauseEndRe: a number closing its clause; tallyGapRe: "287 votes to 55", "by 30 votes against 12"
	clauseEndRe = regexp.MustCompile(`^\s*(?:[.,;:!?)]|$)`)
	tallyGapRe  = regexp.MustCompile(`(?i)^\s*(to|against|versus|vs\.?)\s*$`)
)

// prevWordStart is where the word before text[at:] starts (at when there is none).
func prevWordStart(text string, at int) int {
	i := at
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && isLetterByte(text[j-1]) {
		j--
	}
	if j == i {
		return at
	}
	return j
}

// singularCounted reads the singular noun after "a single": modifiers ("Russian",
// "AIM-9X", "armed") are skipped; the noun must be a counted noun or a unit.
func singularCounted(rest string, base int) (string, int) {
	off := 0
	for words := 0; words < 4; words++ {
		for off < len(rest) && rest[off] == ' ' {
			off++
		}
		w := leadingWord(rest[off:])
		if w == "" {
			return "", base
		}
		lw := strings.ToLower(w)
		if u := measureUnits[lw]; u != "" {
			return u, base + off + len(w)
		}
		if countNouns[lw+"s"] || countNouns[lw] && !strings.HasSuffix(lw, "s") {
			return lw, base + off + len(w)
		}
		if !(quantityAdjectives[lw] || isUpperAt(w, 0) || adjectiveLike(lw)) || notUnits[lw] {
			return "", base
		}
		off += len(w)
		// "a single long-range missile": a hyphenated modifier
		if off+1 < len(rest) && rest[off] == '-' && isLetterAt(rest, off+1) {
			off += 1 + len(leadingWord(rest[off+1:]))
		}
	}
	return "", base
}

// fractionRe: a fraction in words before "of" ("two-thirds of", "a quarter of", "close
// to four-fifths of"): a percent of what follows.
var fractionRe = regexp.MustCompile(`(?i)\b(a|one|two|three|four|five|six|seven|eight|nine)[- ](half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\s+of\b`)

// fractionAfterRe: a numerator's denominator right after it.
var fractionAfterRe = regexp.MustCompile(`(?i)^[- ](half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\s+of\b`)

var denominators = map[string]float64{"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}

// fractions returns the fractions in words of a sentence as percents.
func fractions(s *sentence, text string, dates []DateMention) []QuantityMention {
	low := strings.ToLower(text)
	if !strings.Contains(low, "half") && !strings.Contains(low, "third") && !strings.Contains(low, "quarter") &&
		!strings.Contains(low, "fifth") && !strings.Contains(low, "sixth") && !strings.Contains(low, "eighth") && !strings.Contains(low, "tenth") {
		return nil
	}
	var out []QuantityMention
	for _, loc := range fractionRe.FindAllStringSubmatchIndex(text, -1) {
		start, end := loc[0], loc[5]
		if inDate(s, dates, start, end) || start > 0 && isLetterAt(text, start-1) {
			continue
		}
		n := 1.0
		if w := strings.ToLower(text[loc[2]:loc[3]]); w != "a" {
			n = spelled[w]
		}
		den := denominators[strings.TrimSuffix(strings.ToLower(text[loc[4]:loc[5]]), "s")]
		if den == 0 || n >= den {
			continue
		}
		value := math.Round(100 * n / den) // ("about two-thirds": 67 percent)
		approx := false
		before := text[max(0, start-24):start]
		if m := approxRe.FindStringIndex(before); m != nil {
			approx, start = true, start-len(before)+m[0]
		}
		out = append(out, QuantityMention{Quantity: factgraph.Quantity{Value: value, Unit: "percent", Approx: approx},
			Text: s.Text[start:end], Start: s.Start + start, End: s.Start + end, Sentence: s.Index, Rule: "quantity.fraction"})
	}
	return out
}

// demonymStarts start a demonym of two words: "South Africans", "North Koreans".
var demonymStarts = map[string]bool{"south": true, "north": true, "east": true, "west": true, "new": true, "saudi": true, "sri": true}

// spanRe: a span of years in words with no number: "a decade", "half a century".
var spanRe = regexp.MustCompile(`(?i)\b(a decade|half a century|a century|a quarter of a century)\b`)

// spanYears are the years of spanRe's spans.
var spanYears = map[string]float64{"a decade": 10, "half a century": 50, "a century": 100, "a quarter of a century": 25}

// spans returns the spans of years in words ("more than a decade": 10 year, approx).
func spans(s *sentence, text string, dates []DateMention) []QuantityMention {
	if !strings.Contains(strings.ToLower(text), "decade") && !strings.Contains(strings.ToLower(text), "century") {
		return nil
	}
	var out []QuantityMention
	for _, loc := range spanRe.FindAllStringIndex(text, -1) {
		start, end := loc[0], loc[1]
		if inDate(s, dates, start, end) {
			continue
		}
		// ("a quarter of a century" holds "a century": the longest only)
		if len(out) > 0 && out[len(out)-1].End > s.Start+start {
			continue
		}
		approx := false
		before := text[max(0, start-24):start]
		if m := approxRe.FindStringIndex(before); m != nil {
			approx, start = true, start-len(before)+m[0]
		}
		out = append(out, QuantityMention{Quantity: factgraph.Quantity{Value: spanYears[strings.ToLower(text[loc[0]:loc[1]])], Unit: "year", Approx: approx},
			Text: s.Text[start:end], Start: s.Start + start, End: s.Start + end, Sentence: s.Index, Rule: "quantity.span"})
	}
	return out
}

// actPlurals are acts counted past coordinated weapon modifiers: "100 drone and ballistic
// missile attacks".
var actPlurals = map[string]bool{"attacks": true, "strikes": true, "raids": true, "launches": true, "sorties": true, "flights": true}
