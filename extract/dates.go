package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factgraph/factgraph"
)

// DateMention is a date expression of the text, resolved to a time with its precision.
type DateMention struct {
	Time     factgraph.TimeSpec `json:"time"`
	Text     string             `json:"text"`
	Start    int                `json:"start"`
	End      int                `json:"end"`
	Sentence int                `json:"sentence"`
	Rule     string             `json:"rule"` // date.absolute, date.relative-day, date.weekday, ...
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

const monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

// nonEventSpans after "the second day of the" are spans of the calendar, not an event
// counted from its first day ("the first day of the month").
var nonEventSpans = map[string]bool{"week": true, "month": true, "year": true, "quarter": true, "season": true, "century": true, "decade": true}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10,
}

// dateRule is one pattern; resolve turns a match into a time (ok false: not a date after all).
type dateRule struct {
	name    string
	re      *regexp.Regexp
	resolve func(d *doc, m []string) (factgraph.TimeSpec, bool)
}

// dateHints: a rule runs only on sentences that contain one of its words (lower case),
// which keeps the regular expressions off most sentences.
var dateHints = map[string][]string{
	"date.month-day-year": monthWords, "date.day-month-year": monthWords, "date.month-day": monthWords,
	"date.month-day-last-year": {"last year"}, "date.month-last-year": {"last year"},
	"date.day-month": monthWords, "date.month-year": monthWords, "date.month": monthWords,
	"date.quarter":        {"quarter", "q1", "q2", "q3", "q4"},
	"date.relative-day":   {"day", "yesterday", "today", "tomorrow", "before", "same", "ago", "morning", "evening", "night", "afternoon", "hour", "tonight"},
	"date.weekday":        {"day"},
	"date.holiday":        {"christmas", "new year"},
	"date.relative-month": {"month"},
	"date.relative-year":  {"year"},
	"date.year":           {"19", "20"},
	"date.year-modifier":  {"19", "20"},
}

// holidays: month and day.
var holidays = map[string][2]int{"christmas day": {12, 25}, "christmas eve": {12, 24}, "new year's day": {1, 1},
	"new year's eve": {12, 31}, "boxing day": {12, 26}}

var monthWords = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var dateRules = []dateRule{
	// "October 8 last year", "in February last year": one expression, of the year before
	// the article's
	{"date.month-day-last-year", regexp.MustCompile(`\b(` + monthRe + `) (\d{1,2})(?:st|nd|rd|th)? last year\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		return dayTime(d.pub.Year()-1, months[monthKey(m[1])], atoi(m[2]))
	}},
	{"date.month-last-year", regexp.MustCompile(`\b(` + monthRe + `) last year\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		return factgraph.TimeSpec{Value: fmt.Sprintf("%04d-%02d", d.pub.Year()-1, months[monthKey(m[1])]), Precision: factgraph.PrecisionMonth}, true
	}},
	{"date.month-day-year", regexp.MustCompile(`\b(` + monthRe + `) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		return dayTime(atoi(m[3]), months[monthKey(m[1])], atoi(m[2]))
	}},
	{"date.day-month-year", regexp.MustCompile(`\b(\d{1,2}) (` + monthRe + `),? (\d{4})\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		return dayTime(atoi(m[3]), months[monthKey(m[2])], atoi(m[1]))
	}},
	{"date.month-day", regexp.MustCompile(`\b(` + monthRe + `) (\d{1,2})(?:st|nd|rd|th)?\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		return dayTime(d.yearOf(months[monthKey(m[1])], atoi(m[2])), months[monthKey(m[1])], atoi(m[2]))
	}},
	{"date.day-month", regexp.MustCompile(`\b(\d{1,2}) (` + monthRe + `)\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		return dayTime(d.yearOf(months[monthKey(m[2])], atoi(m[1])), months[monthKey(m[2])], atoi(m[1]))
	}},
	{"date.month-year", regexp.MustCompile(`\b(` + monthRe + `),? (\d{4})\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		return factgraph.TimeSpec{Value: fmt.Sprintf("%04d-%02d", atoi(m[2]), months[monthKey(m[1])]), Precision: factgraph.PrecisionMonth}, true
	}},
	{"date.quarter", regexp.MustCompile(`(?i)\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of (\d{4}))?\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		y := d.pub.Year()
		if m[2] != "" {
			y = atoi(m[2])
		} else if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		return factgraph.TimeSpec{Value: fmt.Sprintf("%04d-Q%d", y, ordinals[strings.ToLower(m[1])]), Precision: factgraph.PrecisionQuarter}, true
	}},
	{"date.quarter", regexp.MustCompile(`\bQ([1-4]) (\d{4})\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		return factgraph.TimeSpec{Value: fmt.Sprintf("%s-Q%s", m[2], m[1]), Precision: factgraph.PrecisionQuarter}, true
	}},
	{"date.relative-day", regexp.MustCompile(`(?i)\b((?:early |earlier |late |later )?this (?:morning|evening)|tonight|(?:earlier|later) today|yesterday|last night|today|tomorrow|(?:a|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?) (?:earlier|before|later|after|ago|since)|the (?:day|previous day|evening|night|morning|afternoon) before|the previous (?:day|evening|night)|the next day|the following day|the same (?:day|night|evening|morning|afternoon)|that (?:day|night|evening|morning|afternoon)|(?:earlier|later) in the (?:day|morning|afternoon|evening|night)|throughout the (?:day|night)|within (?:24|twenty-four) hours|within a day|the (?:first|second|third|fourth|fifth) day of the [a-z]+)\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		phrase := strings.ToLower(m[1])
		ref := d.pub
		week := 1
		if strings.Contains(phrase, "week") {
			week = 7
		}
		switch {
		case strings.HasPrefix(phrase, "earlier in") || strings.HasPrefix(phrase, "later in") || strings.HasPrefix(phrase, "throughout"):
			// "Earlier in the evening", "throughout the day": the last day named
			if !d.lastDay.IsZero() {
				ref = d.lastDay
			}
			return dayOf(ref, 0)
		case strings.HasPrefix(phrase, "within"):
			// "Within 24 hours the rebels surrendered": the day after the last day named
			if d.lastDay.IsZero() {
				return factgraph.TimeSpec{}, false
			}
			return dayOf(d.lastDay, 1)
		case strings.HasPrefix(phrase, "the ") && strings.Contains(phrase, " day of the "):
			// "the second day of the fighting": counted from its start, the last day named
			f := strings.Fields(phrase)
			if d.lastDay.IsZero() || nonEventSpans[f[len(f)-1]] {
				return factgraph.TimeSpec{}, false
			}
			return dayOf(d.lastDay, ordinals[f[1]]-1)
		case strings.HasSuffix(phrase, " since"):
			// "in the ten days since the offensive": counted back from now
			return dayOf(ref, -week*numberWords[strings.Fields(phrase)[0]])
		case strings.HasPrefix(phrase, "that "):
			// "that morning": the last day named, and only then
			if d.lastDay.IsZero() {
				return factgraph.TimeSpec{}, false
			}
			return dayOf(d.lastDay, 0)
		case strings.HasPrefix(phrase, "the same "):
			// the last day named
			if !d.lastDay.IsZero() {
				ref = d.lastDay
			}
			return dayOf(ref, 0)
		case strings.HasSuffix(phrase, " ago"):
			return dayOf(ref, -week*numberWords[strings.Fields(phrase)[0]])
		case phrase == "yesterday" || phrase == "last night":
			return dayOf(ref, -1)
		case phrase == "today" || phrase == "tonight" || strings.HasSuffix(phrase, " today") || strings.Contains(phrase, "this "):
			// "this morning", "tonight", "earlier today": the day of publication
			return dayOf(ref, 0)
		case phrase == "tomorrow":
			return dayOf(ref, 1)
		}
		if !d.lastDay.IsZero() {
			ref = d.lastDay
		}
		switch {
		case strings.Contains(phrase, "before") || strings.Contains(phrase, "earlier") || strings.Contains(phrase, "previous"):
			n := numberWords[strings.Fields(phrase)[0]]
			if n == 0 {
				n = 1
			}
			return dayOf(ref, -n*week)
		default:
			n := numberWords[strings.Fields(phrase)[0]]
			if n == 0 {
				n = 1
			}
			return dayOf(ref, n*week)
		}
	}},
	// "on Friday", "last Monday", and without a preposition: "told reporters Tuesday",
	// "late Wednesday", "early Sunday morning"
	{"date.weekday", regexp.MustCompile(`\b(?:(?:on|last|this|next|early|late|On|Last|This|Next|Early|Late|(?:early|late|Early|Late) on) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?: (?:morning|afternoon|evening|night))?`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		want := weekdays[strings.ToLower(m[1])]
		lower := strings.ToLower(m[0])
		if strings.HasPrefix(lower, "next") {
			n := (int(want) - int(d.pub.Weekday()) + 7) % 7
			if n == 0 {
				n = 7
			}
			return dayOf(d.pub, n)
		}
		// the most recent such day on or before publication
		n := (int(d.pub.Weekday()) - int(want) + 7) % 7
		return dayOf(d.pub, -n)
	}},
	{"date.holiday", regexp.MustCompile(`\b(Christmas Day|Christmas Eve|New Year's Day|New Year's Eve|Boxing Day)\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		md := holidays[strings.ToLower(m[1])]
		mo, day := md[0], md[1]
		// the last one on or before publication
		y := d.pub.Year()
		if time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC).After(d.pub) {
			y--
		}
		return dayTime(y, time.Month(mo), day)
	}},
	{"date.relative-month", regexp.MustCompile(`(?i)\b(earlier this|later this|this|last|next|early this|late last|early next) month\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		t := time.Date(d.pub.Year(), d.pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch w := strings.ToLower(m[1]); {
		case strings.HasSuffix(w, "last"):
			t = t.AddDate(0, -1, 0)
		case strings.HasSuffix(w, "next"):
			t = t.AddDate(0, 1, 0)
		}
		return factgraph.TimeSpec{Value: t.Format("2006-01"), Precision: factgraph.PrecisionMonth}, true
	}},
	{"date.relative-year", regexp.MustCompile(`(?i)\b(?:(?:early|late|later|earlier) )?(this|last|next) year\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		y := d.pub.Year()
		switch strings.ToLower(m[1]) {
		case "last":
			y--
		case "next":
			y++
		}
		return factgraph.TimeSpec{Value: strconv.Itoa(y), Precision: factgraph.PrecisionYear}, true
	}},
	{"date.month", regexp.MustCompile(`\b(?:in|since|by|until|during|from|early|late|mid-|In|Since|By|Until|During|From|Early|Late|last|this|next|Last|This|Next)[ -](?:early |late |mid-)?(January|February|March|April|May|June|July|August|September|October|November|December)\b`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if d.pub.IsZero() {
			return factgraph.TimeSpec{}, false
		}
		y := d.pub.Year()
		mo := months[strings.ToLower(m[1])]
		low := strings.ToLower(m[0])
		switch {
		case strings.HasPrefix(low, "next"):
			if mo <= d.pub.Month() {
				y++
			}
		case strings.HasPrefix(low, "last"):
			// "last March": the March before this month
			if mo >= d.pub.Month() {
				y--
			}
		case mo > d.pub.Month() && !strings.HasPrefix(low, "this") && !strings.HasPrefix(low, "by") && !strings.HasPrefix(low, "until"):
			y-- // "in March" read in January is last March
		}
		return factgraph.TimeSpec{Value: fmt.Sprintf("%04d-%02d", y, mo), Precision: factgraph.PrecisionMonth}, true
	}},
	{"date.year", regexp.MustCompile(`\b(?:in|since|by|until|during|from|early|late|after|before|of|mid-|In|Since|By|Until|During|From|Early|Late|After|Before)[ -]?((?:19|20)\d{2})\b(?:\s+([a-z]+))?`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if isCountNoun(m[2]) { // "by 2000 shells": an amount
			return factgraph.TimeSpec{}, false
		}
		return factgraph.TimeSpec{Value: m[1], Precision: factgraph.PrecisionYear}, true
	}},
	// "the 2020 war", "Kosovo's 2008 declaration of independence", "a 2003 treaty": a year
	// modifying a noun dates it (not an amount: "the 2000 shells")
	{"date.year-modifier", regexp.MustCompile(`\b(?:the|a|an|its|their|'s|’s)\s+((?:19|20)\d{2})\s+([a-z][a-z-]+)`), func(d *doc, m []string) (factgraph.TimeSpec, bool) {
		if isCountNoun(m[2]) || countNouns[m[2]] || measureUnits[m[2]] != "" {
			return factgraph.TimeSpec{}, false
		}
		return factgraph.TimeSpec{Value: m[1], Precision: factgraph.PrecisionYear}, true
	}},
}

// yearOf is the year of a day named without one ("December 30", "2 January"): the
// publication year, or the year before when that would be more than 60 days after
// publication, or the year after when it would be more than 300 days before it
// ("January 10" in a late-December article is next month).
func (d *doc) yearOf(mo time.Month, day int) int {
	y := d.pub.Year()
	t := time.Date(y, mo, day, 0, 0, 0, 0, time.UTC)
	switch {
	case t.Sub(d.pub) > 60*24*time.Hour:
		return y - 1
	case d.pub.Sub(t) > 300*24*time.Hour:
		return y + 1
	}
	return y
}

// flatten turns line breaks and tabs into spaces, byte for byte, so that offsets hold.
func flatten(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func monthKey(s string) string { return strings.TrimSuffix(strings.ToLower(s), ".") }

func dayTime(y int, mo time.Month, d int) (factgraph.TimeSpec, bool) {
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d || t.Month() != mo || y < 1000 || y > 9999 {
		return factgraph.TimeSpec{}, false
	}
	return factgraph.TimeSpec{Value: t.Format(time.DateOnly), Precision: factgraph.PrecisionDay}, true
}

func dayOf(ref time.Time, days int) (factgraph.TimeSpec, bool) {
	if ref.IsZero() {
		return factgraph.TimeSpec{}, false
	}
	return factgraph.TimeSpec{Value: ref.AddDate(0, 0, days).Format(time.DateOnly), Precision: factgraph.PrecisionDay}, true
}

// findDates returns the date expressions of a sentence in text order; where two overlap the
// longer wins. Absolute days become the reference for "a day earlier" further on.
func (d *doc) findDates(s *sentence) []DateMention {
	type hit struct {
		start, end int
		rule       *dateRule
		groups     []string
	}
	var hits []hit
	text := flatten(s.Text) // "on\nFriday" in a wrapped line is "on Friday"
	low := strings.ToLower(text)
	for ri := range dateRules {
		r := &dateRules[ri]
		hinted := false
		for _, h := range dateHints[r.name] {
			if strings.Contains(low, h) {
				hinted = true
				break
			}
		}
		if !hinted {
			continue
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(text, -1) {
			groups := make([]string, len(loc)/2)
			for g := range groups {
				if loc[2*g] >= 0 {
					groups[g] = text[loc[2*g]:loc[2*g+1]]
				}
			}
			start, end := loc[0], loc[1]
			if r.name == "date.year" || r.name == "date.month" || r.name == "date.year-modifier" { // without its preposition
				start, end = loc[2], loc[3]
			}
			if r.name == "date.weekday" && strings.HasPrefix(strings.ToLower(groups[0]), "on ") {
				start += 3
			}
			hits = append(hits, hit{start, end, r, groups})
		}
	}
	// longest first (then leftmost); drop what overlaps a longer one
	sort.SliceStable(hits, func(i, j int) bool {
		li, lj := hits[i].end-hits[i].start, hits[j].end-hits[j].start
		if li != lj {
			return li > lj
		}
		return hits[i].start < hits[j].start
	})
	var kept []hit
	for _, h := range hits {
		overlaps := false
		for _, k := range kept {
			if h.start < k.end && h.end > k.start {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, h)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	var out []DateMention
	for _, h := range kept {
		// "The incident came nine days after Polish jets shot down drones": the phrase
		// dates what comes after it, nine days before the day named last
		if g := strings.ToLower(h.groups[1]); h.rule.name == "date.relative-day" && strings.HasSuffix(g, " after") &&
			h.end+1 < len(text) && text[h.end] == ' ' && isLetterByte(text[h.end+1]) {
			h.groups = append([]string(nil), h.groups...)
			h.groups[1] = strings.TrimSuffix(g, " after") + " before"
		}
		t, ok := h.rule.resolve(d, h.groups)
		if !ok || t.Validate() != nil {
			continue
		}
		// "he would travel to Washington on Monday", "set Thursday as the deadline": a
		// bare weekday in a clause about the future is the coming one
		if h.rule.name == "date.weekday" && futureWeekday(text, h.start, h.end) {
			if want, ok := weekdays[strings.ToLower(h.groups[1])]; ok && !d.pub.IsZero() {
				n := (int(want) - int(d.pub.Weekday()) + 7) % 7
				if n == 0 {
					n = 7
				}
				if f, ok := dayOf(d.pub, n); ok {
					t = f
				}
			}
		}
		// "expects it to stay shut until April at the earliest" (read in October): a month
		// after "until" or "by" in a clause about the future is the coming one
		if h.rule.name == "date.month" && !d.pub.IsZero() {
			low := strings.ToLower(h.groups[0])
			if mo := months[strings.ToLower(h.groups[1])]; (strings.HasPrefix(low, "until") || strings.HasPrefix(low, "by")) && mo < d.pub.Month() &&
				(futureWeekday(text, h.start, h.end) || strings.HasPrefix(text[h.end:], " at the earliest")) {
				t = factgraph.TimeSpec{Value: fmt.Sprintf("%04d-%02d", d.pub.Year()+1, mo), Precision: factgraph.PrecisionMonth}
			}
		}
		// "ordered the institutions to be dissolved by January 1" (read in September): a
		// day without a year after "by" or "until" in a clause about the future is the
		// coming one; a deadline is not the day the story is at ("A day earlier, ...")
		deadline := false
		if (h.rule.name == "date.month-day" || h.rule.name == "date.day-month" || h.rule.name == "date.month-day-year" || h.rule.name == "date.day-month-year" || h.rule.name == "date.month-day-last-year") &&
			deadlineBeforeRe.MatchString(text[max(0, h.start-16):h.start]) {
			deadline = true
			if day, err := time.Parse(time.DateOnly, t.Value); err == nil && h.rule.name != "date.month-day-year" && h.rule.name != "date.day-month-year" &&
				day.Before(d.pub) && (futureWeekday(text, h.start, h.end) || infinitiveBeforeRe.MatchString(text[max(0, h.start-60):h.start]) && d.pub.Sub(day) > 60*24*time.Hour) {
				t.Value = day.AddDate(1, 0, 0).Format(time.DateOnly)
			}
		}
		// "Within 24 hours" of a day in a clause about the future ("must leave within 24
		// hours") is no day of the story
		if h.rule.name == "date.relative-day" && strings.HasPrefix(strings.ToLower(h.groups[1]), "within") &&
			(futureWeekday(text, h.start, h.end) || infinitiveBeforeRe.MatchString(text[max(0, h.start-40):h.start])) {
			continue
		}
		if t.Precision == factgraph.PrecisionDay && h.rule.name != "date.relative-day" && !deadline {
			d.lastDay, _ = time.Parse(time.DateOnly, t.Value)
		}
		out = append(out, DateMention{Time: t, Text: s.Text[h.start:h.end], Start: s.Start + h.start,
			End: s.Start + h.end, Sentence: s.Index, Rule: h.rule.name})
	}
	return out
}

// isLetterByte: an ASCII letter or the first byte of a multi-byte character.
func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// futureBeforeRe: a future marker before a weekday; futureAfterRe: a deadline after it;
// reportedRe: a reporting verb between the marker and the weekday, which dates the report
// ("Russia would respond, Peskov said on Monday").
var (
	futureBeforeRe = regexp.MustCompile(`(?i)\b(will|would|shall|is expected to|are expected to|plans to|plan to|is due to|are due to|scheduled|is set to|are set to|expects|expect)\b`)
	futureAfterRe  = regexp.MustCompile(`(?i)^\W*(as|for)? ?(the|a|its)? ?deadline\b|^ (will|would|shall) be\b`)
	// deadlineBeforeRe: "by", "until" before a day; infinitiveBeforeRe: an infinitive
	// before it in its clause ("ordered them to be dissolved by", "agreed to leave by")
	deadlineBeforeRe   = regexp.MustCompile(`(?i)\b(by|until|till|no later than)\s*$`)
	infinitiveBeforeRe = regexp.MustCompile(`(?i)\bto (?:be )?[a-z]+(?: [a-z]+){0,5} (?:(?:by|until|till|no later than) )?$`)
	reportedRe         = regexp.MustCompile(`(?i)\b(said|says|told|announced|reported|added|stated|wrote|noted)\b`)
)

// futureWeekday: the bare weekday at text[start:end] ("on Monday", "Thursday") is in a
// clause about the future: a future marker before it in the sentence with no reporting
// verb between, or "as the deadline" after it. "last" and "next" decide for themselves.
func futureWeekday(text string, start, end int) bool {
	w := strings.ToLower(text[start:end])
	if strings.HasPrefix(w, "last") || strings.HasPrefix(w, "next") || strings.HasPrefix(w, "this") {
		return false
	}
	if futureAfterRe.MatchString(text[end:min(len(text), end+30)]) {
		return true
	}
	before := text[max(0, start-70):start]
	locs := futureBeforeRe.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	between := before[locs[len(locs)-1][1]:]
	return !reportedRe.MatchString(between) && !strings.ContainsAny(between, ";")
}
