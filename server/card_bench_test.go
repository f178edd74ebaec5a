package server_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/loader"
	"github.com/factgraph/factgraph/server"
)

// The entity card of bench/querybench on the sample, through the domain call and through
// the GraphQL handler called in process (no socket), to profile what the handler adds
// (BENCHMARKS.md, "Where the card's time goes"):
//
//	FACTGRAPH_TEST_NEO4J_URI=... go test -run '^$' -bench Card -benchtime 3000x -cpuprofile /tmp/card.prof ./server/
func BenchmarkCard(b *testing.B) {
	ctx := context.Background()
	db := graphtest.Open(b) // wiped and migrated
	if _, err := (&loader.Loader{Writer: db}).LoadFile(ctx, sample, ""); err != nil {
		b.Fatalf("load sample: %v", err)
	}
	view := factgraph.EntityView{Relations: []factgraph.RelationsPart{{Query: factgraph.RelationQuery{First: 20}, Ends: true}}}
	b.Run("graph.DB.Entity", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Entity(ctx, "country:PRK", view); err != nil {
				b.Fatal(err)
			}
		}
	})
	tview := factgraph.EntityView{Timelines: []factgraph.TimelinePart{{Query: factgraph.TimelineQuery{First: 20}, Evidence: true, RoleEntities: true}}}
	b.Run("graph.DB.Entity/timeline", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Entity(ctx, "country:PRK", tview); err != nil {
				b.Fatal(err)
			}
		}
	})
	h := server.NewServer(server.DefaultConfig, db, zerolog.New(io.Discard).With().Timestamp().Logger(), nil)
	serve(b, h, "handler/timeline", `{"query":"query Timeline($id: ID!) { entity(id: $id) { timeline(first: 20) { id type label time { value } modality confidence roles { role entity { id } } evidence { quote article { id title } } } } }","variables":{"id":"country:PRK"}}`)
	serve(b, h, "handler", `{"query":"query Card($id: ID!) { entity(id: $id) { id kind name aliases degree relations(first: 20) { type from { id name } to { id name } confidence sourceCount firstSeen lastSeen } } }","variables":{"id":"country:PRK"}}`)
}

// serve runs the GraphQL request body through h as sub-benchmark name.
func serve(b *testing.B, h http.Handler, name, body string) {
	b.Run(name, func(b *testing.B) {
		for b.Loop() {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
				b.Fatalf("%d %s", w.Code, w.Body.String())
			}
		}
	})
}
