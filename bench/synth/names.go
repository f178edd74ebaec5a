package synth

import (
	"strconv"
	"strings"
)

// Names are built from syllables (onset + vowel). The core of every name is a bijective
// encoding of the entity's index within its kind, so names are unique per kind by
// construction without a set of the names seen.

var (
	onsets = []string{"b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh", "ch", "dr", "tr"}
	vowels = []string{"a", "e", "i", "o", "u", "ai", "ei", "ou"}
	codas  = []string{"", "", "", "n", "r", "k", "l", "s", "m", "v"}
)

var nSyl = len(onsets) * len(vowels) // 144 = 2^4 * 3^2

// scrambleMul is odd and not a multiple of 3, so coprime with every power of nSyl:
// x -> x*scrambleMul + off is a bijection mod nSyl^k.
const scrambleMul = 1_000_003

func syllable(i int) string {
	return onsets[i/len(vowels)] + vowels[i%len(vowels)]
}

// syllablesFor is the number of syllables a core needs for count distinct values.
func syllablesFor(count int, min int) int {
	k, space := 1, nSyl
	for space < count || k < min {
		k++
		space *= nSyl
	}
	return k
}

// core returns the k syllables of the unique core of index idx.
func core(dst []string, idx, k int, off uint64) []string {
	space := uint64(1)
	for range k {
		space *= uint64(nSyl)
	}
	x := (uint64(idx)*scrambleMul + off) % space
	dst = dst[:0]
	for range k {
		dst = append(dst, syllable(int(x%uint64(nSyl))))
		x /= uint64(nSyl)
	}
	return dst
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// accent replaces the first plain vowel with an accented one ("Tavonia" -> "Tävonia"), a
// variant that NormalizeName folds back.
func accent(s string) string {
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 'a':
			rep = "ä"
		case 'o':
			rep = "ö"
		case 'u':
			rep = "ü"
		case 'e':
			rep = "é"
		default:
			continue
		}
		return s[:i] + rep + s[i+1:]
	}
	return s
}

// acronym is the initials of the capitalised words: "Tavonian Central News Agency" -> "TCNA".
func acronym(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// adjective makes a demonym-like adjective of a country name.
func adjective(country string) string {
	switch {
	case strings.HasSuffix(country, "a"):
		return country + "n"
	case strings.HasSuffix(country, "stan"):
		return country + "i"
	case strings.HasSuffix(country, "land"):
		return country + "ic"
	case strings.HasSuffix(country, "e"), strings.HasSuffix(country, "i"),
		strings.HasSuffix(country, "o"), strings.HasSuffix(country, "u"):
		return country + "an"
	}
	return country + "ian"
}

// letterPair is the two-letter code number i (a bijection on 0..675).
func letterPair(i int) string {
	return string([]byte{byte('A' + i/26), byte('A' + i%26)})
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s
	}
	return strings.Repeat("0", width-len(s)) + s
}
