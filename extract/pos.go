package extract

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/jdkato/prose/v2"
)

// Part-of-speech tags (Penn Treebank: NN, NNP, VBD, VBN, IN, ...) come from the averaged-
// perceptron model that github.com/jdkato/prose/v2 ships inside its module (read with its
// exported prose.Asset: no file, no download). The model is prose's; the scoring is done
// here with the same features as prose's tagger but over arrays instead of freshly built
// maps, because prose's own loop (a map per word and per score) runs at about 60,000
// words/s on this machine, which would leave no room for the rest of the extraction.
// TestPOSTagsEqualProse checks that the tags are prose's own.

type classWeight struct {
	class  uint8
	weight float64
}

type posModel struct {
	classes []string
	tagMap  map[string]string // words the model always tags one way
	// weights per feature template ("i word", "i-1 tag", ...) and then per value: a
	// feature "i word enterprises" is weights[tplIWord]["enterprises"]. Short keys in
	// small maps hash and miss the cache less than the full feature strings.
	weights [numTemplates]map[string][]classWeight
}

// The feature templates of prose's tagger, in its order.
const (
	tplBias = iota
	tplISuffix
	tplIPref1
	tplPrevTag
	tplPrev2Tag
	tplTagPair
	tplIWord
	tplPrevTagWord
	tplPrevWord
	tplPrevSuffix
	tplPrev2Word
	tplNextWord
	tplNextSuffix
	tplNext2Word
	numTemplates
)

var templateNames = [numTemplates]string{"bias", "i suffix", "i pref1", "i-1 tag", "i-2 tag", "i tag+i-2 tag",
	"i word", "i-1 tag+i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word", "i+1 suffix", "i+2 word"}

var (
	posOnce  sync.Once
	posTable *posModel
	posErr   error
)

// posTagger returns the tagger, decoding prose's model the first time (about 0.2 s).
func posTagger() (*posModel, error) {
	posOnce.Do(func() { posTable, posErr = loadPOSModel() })
	return posTable, posErr
}

func loadPOSModel() (*posModel, error) {
	decode := func(name string, v any) error {
		b, err := prose.Asset("model/AveragedPerceptron/" + name)
		if err != nil {
			return fmt.Errorf("part-of-speech model %s: %w", name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
			return fmt.Errorf("part-of-speech model %s: %w", name, err)
		}
		return nil
	}
	var classes []string
	var tags map[string]string
	var wts map[string]map[string]float64
	if err := decode("classes.gob", &classes); err != nil {
		return nil, err
	}
	if err := decode("tags.gob", &tags); err != nil {
		return nil, err
	}
	if err := decode("weights.gob", &wts); err != nil {
		return nil, err
	}
	if len(classes) > 255 {
		return nil, fmt.Errorf("part-of-speech model: %d classes, at most 255 supported", len(classes))
	}
	index := map[string]uint8{}
	for i, c := range classes {
		index[c] = uint8(i)
	}
	m := &posModel{classes: classes, tagMap: tags}
	for t := range m.weights {
		m.weights[t] = map[string][]classWeight{}
	}
	for feat, ws := range wts {
		tpl, value := -1, ""
		for t, name := range templateNames {
			if feat == name && t == tplBias {
				tpl = t
				break
			}
			// the longest template name that prefixes the feature ("i-1 tag+i word" before "i-1 tag")
			if strings.HasPrefix(feat, name+" ") && (tpl < 0 || len(name) > len(templateNames[tpl])) {
				tpl, value = t, feat[len(name)+1:]
			}
		}
		if tpl < 0 {
			continue // a feature of no template: never asked for
		}
		row := make([]classWeight, 0, len(ws))
		for label, w := range ws {
			c, ok := index[label]
			if !ok {
				continue
			}
			row = append(row, classWeight{c, w})
		}
		m.weights[tpl][value] = row
	}
	return m, nil
}

// posNormalize is prose's normalisation of a context word.
func posNormalize(word string) string {
	if word == "" {
		return word
	}
	if strings.Contains(word, "-") && word[0] != '-' {
		return "!HYPHEN"
	}
	if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	}
	if word[0] >= '0' && word[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

func suffix3(s string) string {
	if len(s) > 3 {
		return s[len(s)-3:]
	}
	return s
}

// tag returns the Penn Treebank tag of each word, left to right as prose does.
func (m *posModel) tag(words []string) []string {
	out := make([]string, len(words))
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = posNormalize(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	var buf []byte
	scores := make([]float64, len(m.classes))
	touched := make([]bool, len(m.classes))
	for i, w := range words {
		var tag string
		switch {
		case w == "-":
			tag = "-"
		case w == "":
			tag = "NN"
		default:
			var ok bool
			if tag, ok = m.tagMap[w]; !ok {
				for k := range scores {
					scores[k], touched[k] = 0, false
				}
				c := i + 2
				feat := func(tpl int, value string) {
					for _, cw := range m.weights[tpl][value] {
						scores[cw.class] += cw.weight
						touched[cw.class] = true
					}
				}
				pair := func(tpl int, a, b string) {
					buf = append(append(append(buf[:0], a...), ' '), b...)
					for _, cw := range m.weights[tpl][string(buf)] {
						scores[cw.class] += cw.weight
						touched[cw.class] = true
					}
				}
				feat(tplBias, "")
				feat(tplISuffix, suffix3(w))
				feat(tplIPref1, w[:1])
				feat(tplPrevTag, p1)
				feat(tplPrev2Tag, p2)
				pair(tplTagPair, p1, p2)
				feat(tplIWord, ctx[c])
				pair(tplPrevTagWord, p1, ctx[c])
				feat(tplPrevWord, ctx[c-1])
				feat(tplPrevSuffix, suffix3(ctx[c-1]))
				feat(tplPrev2Word, ctx[c-2])
				feat(tplNextWord, ctx[c+1])
				feat(tplNextSuffix, suffix3(ctx[c+1]))
				feat(tplNext2Word, ctx[c+2])
				// as prose: the best of the classes some feature scored (a class no
				// feature names is not a candidate, even when the others score below 0)
				best := -1
				for k := range scores {
					if touched[k] && (best < 0 || scores[k] > scores[best]) {
						best = k
					}
				}
				tag = "NN"
				if best >= 0 {
					tag = m.classes[best]
				}
			}
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

// tagSentence gives every token of the sentence its part-of-speech tag. Pieces joined by
// hyphens ("Jong-un", "8,700-ton", "surface-to-air") are one word for the tagger, as in
// prose's tokenizer, and share its tag.
func (m *posModel) tagSentence(s *sentence) {
	toks := s.Tokens
	words := make([]string, 0, len(toks))
	group := make([]int, len(toks)) // token -> word index
	for k, t := range toks {
		if t.Hyphen && len(words) > 0 {
			words[len(words)-1] += "-" + t.Text
			group[k] = len(words) - 1
			continue
		}
		w := t.Text
		switch w {
		case "’s":
			w = "'s"
		case "“", "”":
			w = "\""
		case "’", "‘":
			w = "'"
		}
		words = append(words, w)
		group[k] = len(words) - 1
	}
	tags := m.tag(words)
	// past tenses the model reads as nouns after a name ("Biden spoke by phone with"):
	// in news they are the verb
	// ("spoke" and "flew" are no participles, "spoken" and "flown" are; "overnight" is no
	// modal)
	for k := 1; k < len(words); k++ {
		w := strings.ToLower(words[k])
		if pastNotNoun[w] && strings.HasPrefix(tags[k], "NN") && (strings.HasPrefix(tags[k-1], "NN") || tags[k-1] == "PRP" || tags[k-1] == ",") ||
			(w == "spoke" || w == "flew") && tags[k] == "VBN" {
			tags[k] = "VBD"
		}
		// "Ukraine fired rockets at ...": a participle right after a name, with its object
		// after it and no auxiliary before, is the verb (the model reads "fired rockets"
		// as a noun phrase)
		if tags[k] == "VBN" && strings.HasSuffix(w, "ed") && (tags[k-1] == "NNP" || tags[k-1] == "NNPS" || k == 1 && words[0] != "" && unicode.IsUpper(rune(words[0][0]))) && k+1 < len(words) &&
			(tags[k+1] == "NNS" || tags[k+1] == "CD" || tags[k+1] == "DT") && !auxBefore(words, k) {
			tags[k] = "VBD"
		}
		if w == "overnight" && tags[k] == "MD" {
			tags[k] = "RB"
		}
		// "killed by Pakistani shelling", "in Russian shelling": a gerund of force right
		// after a proper adjective that follows a preposition or determiner is a noun
		if gerundNouns[w] && tags[k] == "VBG" && tags[k-1] == "NNP" && k >= 2 && (tags[k-2] == "IN" || tags[k-2] == "DT" || tags[k-2] == "PRP$") {
			tags[k] = "NN"
		}
	}
	s.Tags = make([]string, len(toks))
	for k := range toks {
		s.Tags[k] = tags[group[k]]
	}
}

// auxBefore: a form of "be" or "have" comes before word k ("drones were fired", "has
// launched"), or a relative or comma that a participle may follow ("the missiles, fired").
func auxBefore(words []string, k int) bool {
	for j := k - 1; j >= 0; j-- {
		switch strings.ToLower(words[j]) {
		case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", ",", "that", "which", "who":
			return true
		}
	}
	return false
}

// gerundNouns: gerunds of force that name an act as a noun ("Pakistani shelling").
var gerundNouns = map[string]bool{"shelling": true, "bombing": true, "bombardment": true, "firing": true, "shooting": true, "jamming": true}

// pastNotNoun: past tenses that the tagger may read as nouns.
var pastNotNoun = map[string]bool{"spoke": true, "flew": true, "met": true, "sent": true}
