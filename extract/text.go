package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// token is a word, a number or a punctuation mark of the text, with its byte offsets.
type token struct {
	Text   string // as written
	Norm   string // folded: lower case, no diacritics, no dots or apostrophes
	Start  int    // byte offset in the article text
	End    int
	Word   bool // letters or digits
	Hyphen bool // joined to the previous token by a hyphen: "Jong-un", "8,700-ton"
}

// Capitalized reports whether the token starts with an upper-case letter.
func (t token) Capitalized() bool {
	if tooLongForName(t.Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// maxNameWord is the longest word, in runes, that can be part of a name: a longer
// capitalised token (a run of letters in garbled or hostile input) names nothing, so the
// name patterns, which join at most a few such words, never make a name longer than the
// domain allows (factgraph.MaxNameChars).
const maxNameWord = 48

func tooLongForName(w string) bool {
	return len(w) > maxNameWord && utf8.RuneCountInString(w) > maxNameWord
}

// AllCaps reports whether every letter of the token is upper case (and it has two or more).
func (t token) AllCaps() bool {
	if tooLongForName(t.Text) {
		return false
	}
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// sentence is a span of the text that ends with . ! ? or a line break.
type sentence struct {
	Index  int
	Start  int
	End    int
	Text   string
	Tokens []token
	// Speaker is the name before the colon of a transcript line ("PESKOV: ..."), if any.
	Speaker string
	// Para is the paragraph: blank lines separate paragraphs.
	Para int
	// Tags are the part-of-speech tags of the tokens (Penn Treebank: NN, VBD, IN, ...).
	Tags []string
}

// tag is the part-of-speech tag of token k ("" outside the sentence or before tagging).
func (s *sentence) tag(k int) string {
	if k < 0 || k >= len(s.Tags) {
		return ""
	}
	return s.Tags[k]
}

// verb: token k is tagged as a verb (VB, VBD, VBG, VBN, VBP, VBZ) or a modal.
func (s *sentence) verb(k int) bool {
	t := s.tag(k)
	return strings.HasPrefix(t, "VB") || t == "MD"
}

// verbAt: the token that starts at byte offset off of the article is tagged as a verb
// (VBZ "includes" after "its crew of 25", read by the tagger, not by its ending).
func (s *sentence) verbAt(off int) bool {
	for k, t := range s.Tokens {
		if t.Start == off {
			return s.verb(k)
		}
		if t.Start > off {
			break
		}
	}
	return false
}

// noun: token k is tagged as a noun (NN, NNS, NNP, NNPS).
func (s *sentence) noun(k int) bool { return strings.HasPrefix(s.tag(k), "NN") }

// abbreviations whose dot does not end a sentence (lower-cased, without the dot).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true, "maj": true,
	"capt": true, "sgt": true, "adm": true, "st": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "vs": true, "etc": true, "gov": true, "sen": true, "rep": true, "prof": true, "cmdr": true,
	"brig": true, "jr": true, "sr": true, "approx": true,
}

// tokenize splits s (starting at byte offset base of the article) into tokens.
func tokenize(s string, base int) []token {
	var out []token
	i := 0
	hyphen := false
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += w2
					continue
				}
				// digit groups and decimals: 15,000 and 1.2
				if (r2 == ',' || r2 == '.') && j > i && isDigitByte(s[j-1]) && j+1 < len(s) && isDigitByte(s[j+1]) {
					j++
					continue
				}
				// internal apostrophes of names: O'Brien (not the possessive 's)
				if (r2 == '\'' || r2 == '’') && j+w2 < len(s) {
					rest := s[j+w2:]
					if !(strings.HasPrefix(rest, "s") && (len(rest) == 1 || !isLetterAt(rest, 1))) && isLetterAt(rest, 0) {
						j += w2
						continue
					}
				}
				// U.S., U.K., N. (single letters with dots)
				if r2 == '.' && j-i == 1 && unicode.IsUpper(r) {
					j++
					// keep consuming X. pairs
					for j+1 < len(s) && isUpperAt(s, j) && s[j+1] == '.' {
						j += 2
					}
					break
				}
				break
			}
			text := s[i:j]
			out = append(out, token{Text: text, Norm: factgraph.NormalizeName(text), Start: base + i, End: base + j, Word: true, Hyphen: hyphen})
			hyphen = false
			i = j
		case unicode.IsSpace(r):
			hyphen = false
			i += w
		default:
			if (r == '-' || r == '‑') && len(out) > 0 && out[len(out)-1].End == base+i && i+w < len(s) && isLetterOrDigitAt(s, i+w) {
				hyphen = true
				i += w
				continue
			}
			text := s[i : i+w]
			// the possessive 's is one token
			if (r == '\'' || r == '’') && strings.HasPrefix(s[i+w:], "s") && (i+w+1 >= len(s) || !isLetterAt(s, i+w+1)) {
				text = s[i : i+w+1]
			}
			out = append(out, token{Text: text, Norm: text, Start: base + i, End: base + i + len(text)})
			hyphen = false
			i += len(text)
		}
	}
	return out
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isUpperAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

func isLetterOrDigitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// maxSentenceTokens bounds a sentence; longer runs are cut (real sentences are far shorter).
const maxSentenceTokens = 160

// splitSentences cuts text into sentences: at . ! ? followed by a space and a capital, a
// digit or a quote (not after an abbreviation such as Mr. or Dec.), and at every line break.
func splitSentences(text string) []sentence {
	var out []sentence
	para := 0
	add := func(start, end int) {
		for start < end && isSpaceByte(text[start]) {
			start++
		}
		for end > start && isSpaceByte(text[end-1]) {
			end--
		}
		if start >= end {
			return
		}
		toks := tokenize(text[start:end], start)
		// a run-on "sentence" (a list, a table, garbage) is cut into pieces of at most
		// maxSentenceTokens tokens, so that the work per sentence stays bounded
		for len(toks) > 0 {
			n := len(toks)
			if n > maxSentenceTokens {
				n = maxSentenceTokens
				for k := n - 1; k > maxSentenceTokens/2; k-- {
					if toks[k].Text == "," || toks[k].Text == ";" {
						n = k + 1
						break
					}
				}
			}
			piece := toks[:n]
			toks = toks[n:]
			a, b := piece[0].Start, piece[len(piece)-1].End
			if len(toks) == 0 {
				b = end
			}
			s := sentence{Index: len(out), Start: a, End: b, Text: text[a:b], Tokens: piece, Para: para}
			s.Speaker = speakerOf(s)
			out = append(out, s)
		}
	}
	start, lineStart := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			line := strings.TrimSpace(text[lineStart:i])
			next := nextLine(text, i+1)
			blank := strings.TrimSpace(next) == "" && i+1 < len(text)
			// a line break ends a sentence after a blank line, after end punctuation, before
			// a transcript speaker and after a title; hard-wrapped lines are joined
			if blank || line == "" || endsClause(line) || isSpeakerLine(next) || isTitleLine(line) {
				add(start, i)
				start = i + 1
			}
			if blank || line == "" {
				if line != "" {
					para++
				}
			}
			lineStart = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// the end: punctuation, closing quotes, then space and a sentence start
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’") {
			j += 3
		}
		if j < len(text) && text[j] != ' ' && text[j] != '\n' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k < len(text) && text[k] != '\n' && !startsSentence(text[k:]) {
			continue
		}
		if c == '.' && (endsWithAbbreviation(text[start:i]) || lastWord(text[start:i]) == "no" && k < len(text) && isDigitByte(text[k])) {
			continue // Mr. Kim, Dec. 26, No. 3
		}
		// "at about 3:00 a.m. Moscow time": a clock's time zone goes on the sentence
		if c == '.' && (strings.HasSuffix(text[start:i], "a.m") || strings.HasSuffix(text[start:i], "p.m")) && zoneTimeRe.MatchString(text[k:]) {
			continue
		}
		add(start, j)
		start = j
	}
	add(start, len(text))
	return out
}

// nextLine returns the line that starts at i.
func nextLine(text string, i int) string {
	if i >= len(text) {
		return ""
	}
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return text[i : i+j]
	}
	return text[i:]
}

// endsClause: the line ends like a sentence or a speaker label.
func endsClause(line string) bool {
	for _, suf := range []string{".", "!", "?", ":", "\"", "”", "'", "’", ")", ";"} {
		if strings.HasSuffix(line, suf) {
			return true
		}
	}
	return false
}

// isSpeakerLine: "PESKOV: ...", "Q: ...".
func isSpeakerLine(line string) bool {
	if !strings.Contains(line, ":") {
		return false // no label: spare the tokenizer
	}
	toks := tokenize(strings.TrimSpace(line), 0)
	return speakerOf(sentence{Tokens: toks, Text: strings.TrimSpace(line)}) != ""
}

// isTitleLine: a headline, not a wrapped line: at most twelve words, the long ones capitalised.
func isTitleLine(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	long, caps := 0, 0
	for _, w := range words {
		if len(w) >= 4 {
			long++
			if unicode.IsUpper(firstRune(w)) {
				caps++
			}
		}
	}
	return long > 0 && caps*4 >= long*3
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'' || r == '‘' || r == '('
}

// endsWithAbbreviation reports whether s ends with a word that is an abbreviation (Mr, Dec)
// or a single capital letter (the N of N. Korea, the S of U.S. is handled as a sentence end
// only when followed by a capital: "the U.S. Treasury" is ambiguous and kept together).
func endsWithAbbreviation(s string) bool {
	j := len(s)
	i := j
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= w
	}
	word := strings.ToLower(strings.ReplaceAll(s[i:j], ".", ""))
	if abbreviations[word] {
		return true
	}
	// U.S and N (single letters, possibly dotted)
	letters := 0
	for _, r := range s[i:j] {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && strings.Count(s[i:j], ".") >= letters-1 && letters <= 3 && unicode.IsUpper(firstRune(s[i:j]))
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// speakerOf returns the speaker of a transcript line: one to four words, the first capitalised,
// then a colon, at the start of the sentence ("PESKOV:", "Q:", "Dmitry Peskov:").
func speakerOf(s sentence) string {
	caps := true // every word so far in capitals: "PENTAGON PRESS SECRETARY BRIG. GEN. PAT RYDER:"
	for i, t := range s.Tokens {
		if t.Word && strings.ToUpper(t.Text) != t.Text {
			caps = false
		}
		// a label is a name, or a name and its titles in capitals (at most twelve tokens)
		if i > 4 && (!caps || i > 12) {
			return ""
		}
		if t.Text == ":" {
			if i == 0 {
				return ""
			}
			return strings.TrimSpace(s.Text[:t.Start-s.Start])
		}
		if !t.Word && t.Text != "." && t.Text != "'s" {
			return ""
		}
		if i == 0 && !t.Capitalized() {
			return ""
		}
	}
	return ""
}

// zoneTimeRe: a time zone named after a clock time: "Moscow time", "GMT", "local time".
var zoneTimeRe = regexp.MustCompile(`^(?:[A-Z][a-z]+ time\b|local time\b|[A-Z]{2,4}\b[^.]{0,3}[,.;]?)`)
