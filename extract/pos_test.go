package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// devTexts are the texts of the evaluation articles of the dev split.
func devTexts(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, c := range loadEvalSet(t) {
		if c.split == "dev" {
			out = append(out, c.file.Article.Text)
		}
	}
	return out
}

// TestPOSTagsEqualProse: the tagger gives prose's own tags, word for word, on the sentences
// of the dev texts tokenized by prose (its model, its features, the same order). Prose's
// tokenizer shares one token between repeated words, so that the last tag given to a word
// overwrites its earlier ones: words that occur twice in a sentence are not compared.
func TestPOSTagsEqualProse(t *testing.T) {
	m, err := posTagger()
	if err != nil {
		t.Fatal(err)
	}
	first, err := prose.NewDocument("warm up", prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		t.Fatal(err)
	}
	total, diff := 0, 0
	for _, text := range devTexts(t) {
		for _, s := range splitSentences(text) {
			doc, err := prose.NewDocument(s.Text, prose.UsingModel(first.Model), prose.WithExtraction(false), prose.WithSegmentation(false))
			if err != nil {
				t.Fatal(err)
			}
			var words, want []string
			count := map[string]int{}
			for _, tok := range doc.Tokens() {
				words = append(words, tok.Text)
				want = append(want, tok.Tag)
				count[tok.Text]++
			}
			got := m.tag(words)
			for i := range got {
				if count[words[i]] > 1 {
					continue
				}
				total++
				if got[i] != want[i] {
					diff++
					t.Logf("%q: got %s, prose %s in %q", words[i], got[i], want[i], s.Text)
				}
			}
		}
	}
	if total < 1000 || diff > 0 {
		t.Errorf("%d of %d tags differ from prose's", diff, total)
	}
	t.Logf("%d words compared, %d differ", total, diff)
}

// BenchmarkPOS: tagging alone, here and with prose's own loop, on the dev texts.
func BenchmarkPOS(b *testing.B) {
	var texts []string
	ps, _ := filepath.Glob("testdata/articles/*.txt")
	for _, p := range ps {
		bs, _ := os.ReadFile(p)
		if strings.Contains(string(bs), "\nsplit: dev\n") {
			texts = append(texts, string(bs))
		}
	}
	text := strings.Join(texts, "\n\n")
	doc, _ := prose.NewDocument(text, prose.WithExtraction(false), prose.WithSegmentation(false))
	var words []string
	for _, tok := range doc.Tokens() {
		words = append(words, tok.Text)
	}
	m, err := posTagger()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("factgraph", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m.tag(words)
		}
		b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("prose", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			prose.NewDocument(text, prose.UsingModel(doc.Model), prose.WithExtraction(false), prose.WithSegmentation(false))
		}
		b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}
