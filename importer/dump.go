package importer

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/graph"
)

// Dump prints the whole graph canonically, one sorted line per node and relationship: a
// node as (labels {properties}), a relationship as (from)-[TYPE {properties}]->(to), where
// a node is named by its id or, for a Source, its name. Values are spelled with their
// types (1 and 1.0 differ, a date is date(...)). Two graphs are identical when their dumps
// are: the test of the import against the online loader compares them.
func Dump(ctx context.Context, db *graph.DB) ([]string, error) {
	run := func(q string) ([]*neo4j.Record, error) {
		res, err := neo4j.ExecuteQuery(ctx, db.Driver(), q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.Database()))
		if err != nil {
			return nil, err
		}
		return res.Records, nil
	}
	var lines []string
	recs, err := run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		var labels []string
		for _, l := range r.Values[0].([]any) {
			labels = append(labels, fmt.Sprint(l))
		}
		sort.Strings(labels)
		lines = append(lines, fmt.Sprintf("(%s %s)", strings.Join(labels, ":"), Canon(r.Values[1])))
	}
	recs, err = run("MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS a, type(r) AS t, properties(r) AS p, coalesce(b.id, b.name) AS b")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		lines = append(lines, fmt.Sprintf("(%v)-[%v %s]->(%v)", r.Values[0], r.Values[1], Canon(r.Values[2]), r.Values[3]))
	}
	sort.Strings(lines)
	return lines, nil
}

// Canon spells a property value with its type.
func Canon(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return "f" + strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case neo4j.Date:
		return "date(" + x.Time().Format(time.DateOnly) + ")"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Canon(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ":" + Canon(x[k])
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}
