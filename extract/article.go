package extract

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// headerFields are the article fields a header may set; other keys are kept in Meta.
var headerFields = map[string]func(a *factgraph.Article, v string){
	"id":          func(a *factgraph.Article, v string) { a.ID = v },
	"title":       func(a *factgraph.Article, v string) { a.Title = v },
	"url":         func(a *factgraph.Article, v string) { a.URL = v },
	"publisher":   func(a *factgraph.Article, v string) { a.Publisher = v },
	"publishedAt": func(a *factgraph.Article, v string) { a.PublishedAt = v },
	"language":    func(a *factgraph.Article, v string) { a.Language = v },
}

// ArticleFile is an article read from a text file, with the header keys that are not
// article fields (such as style: wire).
type ArticleFile struct {
	Article factgraph.Article
	Meta    map[string]string
	// Warnings name header keys that are not article fields ("published_at: ...").
	Warnings []string
}

// metaKeys are header keys kept without a warning (the evaluation set's).
var metaKeys = map[string]bool{"style": true, "split": true}

// ReadArticle reads an article from a text file. Two layouts:
//
//   - a header of "key: value" lines (id, title, url, publisher, publishedAt, language and
//     any other keys), a line "---", then the text;
//   - no header: the first non-blank line is the title and the rest is the text.
//
// Without an id the id is "article:" and the file name's slug. Errors: EINVALID naming
// name:line.
func ReadArticle(r io.Reader, name string) (ArticleFile, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxTextBytes+64*1024))
	if err != nil {
		return ArticleFile{}, &factgraph.Error{Code: factgraph.EINVALID, Message: fmt.Sprintf("%s: %v", name, err)}
	}
	if len(b) > MaxTextBytes+32*1024 {
		return ArticleFile{}, &factgraph.Error{Code: factgraph.ELIMIT, Field: "text", Message: fmt.Sprintf("%s: longer than %d bytes", name, MaxTextBytes)}
	}
	if !utf8.Valid(b) {
		return ArticleFile{}, &factgraph.Error{Code: factgraph.EINVALID, Field: "text", Message: fmt.Sprintf("%s: not valid UTF-8", name)}
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	af := ArticleFile{Meta: map[string]string{}}
	lines := strings.SplitAfter(text, "\n")
	if sep := headerEnd(lines); sep > 0 {
		for i := 0; i < sep; i++ {
			line := strings.TrimSpace(lines[i])
			if line == "" {
				continue
			}
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				return af, &factgraph.Error{Code: factgraph.EINVALID, Message: fmt.Sprintf("%s:%d: header lines are key: value (got %q)", name, i+1, line)}
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if set, ok := headerFields[k]; ok {
				set(&af.Article, v)
			} else {
				af.Meta[k] = v
				if !metaKeys[k] {
					af.Warnings = append(af.Warnings, fmt.Sprintf("%s:%d: header key %q is not an article field (%s); kept out of the graph", name, i+1, k, fieldList))
				}
			}
		}
		af.Article.Text = strings.Join(lines[sep+1:], "")
	} else {
		// the first non-blank line is the title
		i := 0
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		if i < len(lines) {
			af.Article.Title = strings.TrimSpace(lines[i])
			af.Article.Text = strings.Join(lines[i+1:], "")
		}
	}
	af.Article.Text = strings.TrimLeft(af.Article.Text, "\n")
	if af.Article.ID == "" {
		base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		af.Article.ID = "article:" + slug(base)
	}
	return af, nil
}

// fieldList names the header keys that are article fields.
const fieldList = "id, title, url, publisher, publishedAt, language"

// headerEnd returns the index of the "---" line closing a header of key: value lines, or -1.
func headerEnd(lines []string) int {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "---" {
			return i
		}
		if i >= 20 || t != "" && !strings.Contains(t, ":") {
			return -1
		}
	}
	return -1
}
