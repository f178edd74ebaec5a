package graph

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph"
)

// LuceneQuery is the full-text query Search sends for a text: the folded phrase (boosted),
// or all its words with small typos allowed; "" when the text has no letters or digits.
func LuceneQuery(text string) string {
	words := strings.Fields(factgraph.NormalizeName(text))
	if len(words) == 0 {
		return ""
	}
	var fuzzy []string
	for _, w := range words {
		switch {
		case utf8.RuneCountInString(w) >= 5:
			fuzzy = append(fuzzy, w+"~2")
		case utf8.RuneCountInString(w) >= 3:
			fuzzy = append(fuzzy, w+"~1")
		default:
			fuzzy = append(fuzzy, w)
		}
	}
	return fmt.Sprintf(`names:"%s"^4 OR (%s)`, strings.Join(words, " "), strings.Join(fuzzy, " AND "))
}

// SearchStatement is Search's statement for a Lucene query (LuceneQuery): the hits, best
// first, each with the view's parts. The view must be valid.
func SearchStatement(lucene string, q factgraph.SearchQuery, v factgraph.EntityView) Statement {
	cypher := compile("search", v, func(calls, columns string) string {
		return `
CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $scan}) YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
WITH node AS e, score ORDER BY score DESC, node.id LIMIT $first` + calls + `
RETURN ` + entityProj("e") + ` AS e, score` + columns + ` ORDER BY score DESC, e.id`
	})
	return Statement{cypher, viewParams(v, map[string]any{"q": lucene, "kinds": nonNil(q.Kinds),
		"first": int64(q.First), "scan": int64(q.First * 5)})}
}

// Search finds entities by name or alias with the full-text index: the folded phrase
// scores highest, then all words with small typos allowed; each hit with the view's
// parts. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Search(ctx context.Context, q factgraph.SearchQuery, v factgraph.EntityView) ([]factgraph.SearchHit, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if err := v.Validate(); err != nil {
		return nil, err
	}
	lucene := LuceneQuery(q.Text)
	if lucene == "" {
		return nil, &factgraph.Error{Code: factgraph.EINVALID, Field: "text", Message: "has no letters or digits"}
	}
	es, recs, err := db.cards(ctx, "search", SearchStatement(lucene, q, v), v, -1)
	if err != nil {
		return nil, err
	}
	hits := make([]factgraph.SearchHit, len(es))
	for i, e := range es {
		score, err := get[float64](recs[i], "score")
		if err != nil {
			return nil, db.translate(fmt.Errorf("search: %w", err))
		}
		hits[i] = factgraph.SearchHit{Entity: e, Score: score}
	}
	return hits, nil
}
