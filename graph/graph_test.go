package graph_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
)

// mustSample opens an empty test database and loads the bundled sample into it.
func mustSample(t *testing.T) *graph.DB {
	t.Helper()
	db := graphtest.Open(t)
	if _, err := (&loader.Loader{Writer: db}).LoadFile(context.Background(), filepath.Join("..", "data", "sample.json"), ""); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestEntityByIDAndAlias(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	for _, q := range []string{"country:PRK", "DPRK", "north korea", "Democratic People's Republic of Korea"} {
		e, err := db.Entity(ctx, q, factgraph.EntityView{})
		if err != nil {
			t.Fatalf("Entity(%q): %v", q, err)
		}
		if e.ID != "country:PRK" || e.Name != "North Korea" || e.Kind != factgraph.KindCountry {
			t.Errorf("Entity(%q) = %s %q %s, want country:PRK North Korea Country", q, e.ID, e.Name, e.Kind)
		}
		if e.Keys["iso3166_alpha3"] != "PRK" {
			t.Errorf("Entity(%q).Keys = %v, want iso3166_alpha3=PRK", q, e.Keys)
		}
	}
	kim, err := db.Entity(ctx, "Kim Jong-un", factgraph.EntityView{})
	if err != nil || kim.ID != "person:kim-jong-un" {
		t.Errorf("Entity(Kim Jong-un) = %v, %v; want person:kim-jong-un", kim, err)
	}
	_, err = db.Entity(ctx, "country:ATL", factgraph.EntityView{})
	if code := factgraph.ErrorCode(err); code != factgraph.ENOTFOUND {
		t.Errorf("unknown entity: code %q (err %v), want %q", code, err, factgraph.ENOTFOUND)
	}
}

func TestNeighborhoodOfNorthKorea(t *testing.T) {
	db := mustSample(t)
	nb, err := db.Neighborhood(context.Background(), "country:PRK", factgraph.NeighborhoodQuery{Depth: 1, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]factgraph.SubgraphNode{}
	for _, n := range nb.Nodes {
		ids[n.Node().NodeID()] = n
	}
	for _, want := range []string{"person:kim-jong-un", "country:RUS", "event:nk-troops-to-russia", "event:kim-inspects-munitions-2025q4"} {
		n, ok := ids[want]
		if !ok {
			t.Errorf("neighbourhood of North Korea lacks %s", want)
			continue
		}
		if n.Distance != 1 {
			t.Errorf("%s at distance %d, want 1", want, n.Distance)
		}
	}
	if c, ok := ids["country:PRK"]; !ok || c.Distance != 0 {
		t.Error("the centre is not the node at distance 0")
	}
	var supplies *factgraph.Edge
	for i, e := range nb.Edges {
		if e.Type == "SUPPLIES" && e.From == "country:PRK" && e.To == "country:RUS" {
			supplies = &nb.Edges[i]
		}
	}
	if supplies == nil {
		t.Fatal("no SUPPLIES edge from North Korea to Russia")
	}
	if supplies.SourceCount != 1 || len(supplies.Evidence) == 0 || supplies.Evidence[0].Source == nil {
		t.Fatalf("SUPPLIES evidence = %+v (sources %d), want one article with its quote", supplies.Evidence, supplies.SourceCount)
	}
	if supplies.Evidence[0].Source.PublishedAt != "2025-12-26" || supplies.FirstSeen != "2025-12-26" {
		t.Errorf("article date %q, first seen %q; want 2025-12-26", supplies.Evidence[0].Source.PublishedAt, supplies.FirstSeen)
	}
	var troops *factgraph.Event
	for _, n := range nb.Nodes {
		if n.Event != nil && n.Event.ID == "event:nk-troops-to-russia" {
			troops = n.Event
		}
	}
	if troops == nil || len(troops.Quantities) != 1 || troops.Quantities[0].Value != 15000 || !troops.Quantities[0].Approx {
		t.Fatalf("troop deployment = %+v, want about 15000 troops", troops)
	}
	if len(troops.Evidence) == 0 || !strings.Contains(troops.Evidence[0].Quote, "15,000") {
		t.Errorf("troop deployment evidence = %+v, want the quote with 15,000", troops.Evidence)
	}
}

func TestNeighborhoodDepthAndLimit(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	one, err := db.Neighborhood(ctx, "person:kim-jong-un", factgraph.NeighborhoodQuery{Depth: 1, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	two, err := db.Neighborhood(ctx, "person:kim-jong-un", factgraph.NeighborhoodQuery{Depth: 2, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(two.Nodes) <= len(one.Nodes) {
		t.Errorf("depth 2 has %d nodes, depth 1 has %d: want more at depth 2", len(two.Nodes), len(one.Nodes))
	}
	limited, err := db.Neighborhood(ctx, "person:kim-jong-un", factgraph.NeighborhoodQuery{Depth: 2, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(limited.Nodes) != 4 || limited.Nodes[3].Distance != 1 {
		t.Errorf("limit 3 gave %d nodes (last at distance %d), want the centre and the 3 nearest", len(limited.Nodes), limited.Nodes[len(limited.Nodes)-1].Distance)
	}
	for _, q := range []factgraph.NeighborhoodQuery{{Depth: 4, Limit: 10}, {Depth: 1, Limit: 100000}, {Depth: 0, Limit: 10}} {
		_, err := db.Neighborhood(ctx, "person:kim-jong-un", q)
		if code := factgraph.ErrorCode(err); code != factgraph.ELIMIT {
			t.Errorf("%+v: code %q, want %q", q, code, factgraph.ELIMIT)
		}
	}
}

// The same fact from a second article raises the source count and keeps both quotes.
func TestCorroborationFromASecondArticle(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	supplies := func() factgraph.Edge {
		t.Helper()
		nb, err := db.Neighborhood(ctx, "country:PRK", factgraph.NeighborhoodQuery{Depth: 1, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range nb.Edges {
			if e.Type == "SUPPLIES" && e.To == "country:RUS" {
				return e
			}
		}
		t.Fatal("no SUPPLIES edge to Russia")
		return factgraph.Edge{}
	}
	before := supplies()
	later := `{
  "articles": [{"id": "article:later", "title": "Shells keep flowing", "publisher": "Another outlet", "publishedAt": "2026-01-05"}],
  "relations": [{"type": "SUPPLIES", "from": "country:PRK", "to": "country:RUS", "confidence": 0.9,
                 "evidence": [{"article": "article:later", "quote": "Pyongyang shipped more shells to Moscow."}]}]
}`
	for i := 0; i < 2; i++ { // the second time changes nothing
		if _, err := (&loader.Loader{Writer: db}).LoadReader(ctx, "later.json", strings.NewReader(later), loader.FormatJSON); err != nil {
			t.Fatal(err)
		}
	}
	e := supplies()
	if before.SourceCount != 1 || e.SourceCount != 2 {
		t.Errorf("sources = %d then %d; want 1 then 2", before.SourceCount, e.SourceCount)
	}
	if len(e.Evidence) != len(before.Evidence)+1 {
		t.Fatalf("evidence = %d then %d; want one more quote", len(before.Evidence), len(e.Evidence))
	}
	quotes := map[string]bool{}
	for _, ev := range e.Evidence {
		quotes[ev.Quote] = true
	}
	if !quotes[before.Evidence[0].Quote] || !quotes["Pyongyang shipped more shells to Moscow."] {
		t.Errorf("quotes = %v, want the old and the new", quotes)
	}
	if e.FirstSeen != "2025-12-26" || e.LastSeen != "2026-01-05" {
		t.Errorf("first/last seen = %s/%s, want 2025-12-26/2026-01-05", e.FirstSeen, e.LastSeen)
	}
	// Two independent sources, 0.6 (alleged) and 0.9 (reported): noisy-or 1-(0.4*0.1), and
	// the most certain modality.
	if *e.Confidence != 0.96 || e.Modality != factgraph.ModalityReported {
		t.Errorf("confidence, modality = %v, %s; want 0.96, reported (noisy-or of 0.6 and 0.9; the most certain)", *e.Confidence, e.Modality)
	}
}

func TestOpenUnreachableNamesURIAndFailsFast(t *testing.T) {
	cfg := graphtest.Config(t)
	cfg.URI = "bolt://127.0.0.1:1" // nothing listens on port 1
	start := time.Now()
	_, err := graph.Open(context.Background(), cfg)
	if code := factgraph.ErrorCode(err); code != factgraph.EUNAVAILABLE {
		t.Fatalf("code = %q (err %v), want %q", code, err, factgraph.EUNAVAILABLE)
	}
	if !strings.Contains(err.Error(), "bolt://127.0.0.1:1") {
		t.Errorf("error %q does not name the URI", err)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("Open took %v to fail", d)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	cfg := graphtest.Config(t)
	cfg.Password = "not-the-password"
	_, err := graph.Open(context.Background(), cfg)
	if code := factgraph.ErrorCode(err); code != factgraph.EUNAVAILABLE {
		t.Fatalf("code = %q (err %v), want %q", code, err, factgraph.EUNAVAILABLE)
	}
	if msg := factgraph.ErrorMessage(err); !strings.Contains(msg, cfg.URI) || !strings.Contains(msg, "NEO4J_PASSWORD") {
		t.Errorf("message %q should name the URI and the password setting", msg)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	db := graphtest.Open(t) // migrated once already
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
}

// The one-statement neighbourhood that the benchmark measures against the level-by-level
// statements answers the same on the sample, at every depth, limit, direction and filter:
// otherwise the figure that keeps the level-by-level way would compare different work.
func TestNeighborhoodOneStatementAgreesWithLevels(t *testing.T) {
	db := mustSample(t)
	ctx := context.Background()
	ids := []string{"person:kim-jong-un", "country:PRK", "country:RUS", "country:UKR"}
	queries := []factgraph.NeighborhoodQuery{
		{Depth: 1, Limit: 100}, {Depth: 2, Limit: 3}, {Depth: 2, Limit: 10}, {Depth: 2, Limit: 50},
		{Depth: 3, Limit: 20}, {Depth: 2, Limit: 50, Direction: factgraph.DirectionOut},
		{Depth: 2, Limit: 50, Direction: factgraph.DirectionIn},
		{Depth: 2, Limit: 50, MinConfidence: 0.8}, {Depth: 2, Limit: 50, MinSources: 2},
		{Depth: 2, Limit: 50, From: "2025-01-01"},
	}
	compared := 0
	for _, q := range queries {
		if err := q.Validate(); err != nil {
			t.Fatal(err)
		}
		levels, err := db.Neighborhoods(ctx, ids, factgraph.NeighborhoodPart{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			one, err := db.NeighborhoodByOneStatement(ctx, id, q)
			if err != nil {
				t.Fatalf("%s %+v: %v", id, q, err)
			}
			want := levels[id]
			got, _ := json.Marshal(one)
			wantJ, _ := json.Marshal(want)
			if string(got) != string(wantJ) {
				t.Errorf("%s %+v:\none statement %s\nlevels        %s", id, q, got, wantJ)
			}
			if len(want.Nodes) > 1 {
				compared++
			}
		}
	}
	if compared < len(queries)*2 {
		t.Errorf("only %d non-trivial neighbourhoods compared", compared)
	}
}
