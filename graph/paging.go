package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph"
)

// cursor encodes an offset; offset decodes it. Cursors are opaque to clients.
func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

func offset(after string) (int, error) {
	if after == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(after)
	if err == nil && strings.HasPrefix(string(b), "o:") {
		if n, err := strconv.Atoi(string(b[2:])); err == nil && n >= 0 && n < 1e9 {
			return n + 1, nil
		}
	}
	return 0, &factgraph.Error{Code: factgraph.EINVALID, Field: "after", Message: fmt.Sprintf("%q is not a cursor from this API", after)}
}

// EntityPageStatement is Entities' statement: the total, then the page (most connected
// first, then by id) with the view's parts. On a page past the end the one row has a null
// entity and the total. The view must be valid; q is validated.
func EntityPageStatement(q factgraph.EntityQuery, skip int, v factgraph.EntityView) Statement {
	label := "Entity"
	if q.Kind != "" {
		label = q.Kind // allow-listed by Validate
	}
	params := map[string]any{"prefix": factgraph.NormalizeName(q.NamePrefix), "minDegree": int64(q.MinDegree),
		"key": nil, "skip": int64(skip), "limit": int64(q.First + 1)}
	if q.Key != nil {
		params["key"] = q.Key.Name + "=" + q.Key.Value
	}
	cypher := compile("entities/"+label, v, func(calls, columns string) string {
		match := `MATCH (e:` + label + `)
  WHERE ($prefix = '' OR any(n IN e.names WHERE n STARTS WITH $prefix))
    AND ($key IS NULL OR $key IN e.keys)
  WITH e, COUNT { (e)-[:` + traversable + `]-() } AS degree WHERE degree >= $minDegree`
		// The count runs once, before the page's own match (not once per row); the parts
		// run for the page's rows only.
		return `CALL () { ` + match + ` RETURN count(e) AS total }
OPTIONAL CALL () {
  ` + match + `
  WITH e, degree ORDER BY degree DESC, e.id SKIP $skip LIMIT $limit` + calls + `
  RETURN ` + entityProj("e") + ` AS card, degree` + columns + `
}
RETURN card AS e, total` + columns + ` ORDER BY degree DESC, card.id`
	})
	return Statement{cypher, viewParams(v, params)}
}

// Entities lists entities, most connected first (then by id), with offset cursors, each
// with the view's parts. Errors: ELIMIT, EINVALID, EUNAVAILABLE.
func (db *DB) Entities(ctx context.Context, q factgraph.EntityQuery, v factgraph.EntityView) (*factgraph.EntityPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if err := v.Validate(); err != nil {
		return nil, err
	}
	skip, err := offset(q.After)
	if err != nil {
		return nil, err
	}
	es, recs, err := db.cards(ctx, "entities", EntityPageStatement(q, skip, v), v, q.First)
	if err != nil {
		return nil, err
	}
	page := &factgraph.EntityPage{}
	if len(recs) > 0 {
		total, err := get[int64](recs[0], "total")
		if err != nil {
			return nil, db.translate(err)
		}
		page.TotalCount = int(total)
	}
	if len(es) > q.First {
		page.HasNext = true
		es = es[:q.First]
	}
	page.Entities = es
	for i := range es {
		page.Cursors = append(page.Cursors, cursor(skip+i))
	}
	return page, nil
}
