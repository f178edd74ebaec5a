package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/graph/graphtest"
)

var munitionsArticle = filepath.Join("..", "..", "data", "articles", "nk-munitions-2025-12-26.txt")

// The bundled article texts are the sample's texts, with the sample's article fields.
func TestBundledArticlesMatchTheSample(t *testing.T) {
	var doc factgraph.FactSet
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range doc.Articles {
		p := filepath.Join("..", "..", "data", "articles", strings.TrimPrefix(want.ID, "article:")+".txt")
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		af, err := extract.ReadArticle(f, p)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(af.Article, want) {
			t.Errorf("%s differs from %s's article %s", p, sample, want.ID)
		}
	}
}

// factgraph extract prints a fact document that factgraph load accepts; --explain says why.
func TestExtractCommandWritesLoadableFacts(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t)
	out := mustRun(t, env, "extract", munitionsArticle)
	var fs factgraph.FactSet
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("extract output is not a fact document: %v\n%s", err, out)
	}
	if len(fs.Articles) != 1 || fs.Articles[0].ID != "article:nk-munitions-2025-12-26" || len(fs.Events) < 5 || len(fs.Relations) < 2 {
		t.Fatalf("facts: %d articles, %d events, %d relations", len(fs.Articles), len(fs.Events), len(fs.Relations))
	}
	for _, ev := range fs.Events {
		if ev.Evidence[0].Rule == "" || !strings.Contains(fs.Articles[0].Text, ev.Evidence[0].Quote) {
			t.Errorf("event %s: evidence %+v", ev.ID, ev.Evidence[0])
		}
	}
	p := filepath.Join(t.TempDir(), "facts.json")
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := mustRun(t, env, "load", p); !strings.Contains(got, "0 rejected") {
		t.Errorf("load of extracted facts: %s", got)
	}

	explained := mustRun(t, env, "extract", "--explain", munitionsArticle)
	for _, want := range []string{"person:kim-jong-un", "by gazetteer.name", "2025-Q4", "~15000 troops", "INSPECTION", "rule event.inspection.inspected", "KCNA"} {
		if !strings.Contains(explained, want) {
			t.Errorf("--explain lacks %q:\n%s", want, explained)
		}
	}
}

func TestExtractBadInputSaysWhere(t *testing.T) {
	env := testEnv(t)
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"factgraph", "extract", "--published-at", "26.12.2025", munitionsArticle}, env, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "publishedAt") || exitCode(err) != 2 {
		t.Errorf("bad date: %v (exit %d)", err, exitCode(err))
	}
	err = run(context.Background(), []string{"factgraph", "extract", "no-such-file.txt"}, env, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "no-such-file.txt") || exitCode(err) != 2 {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\": \"person:x\", \"kind\": \"Wizard\", \"name\": \"X\"}\n"), 0o644)
	err = run(context.Background(), []string{"factgraph", "extract", "--gazetteer", bad, munitionsArticle}, env, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") || !strings.Contains(err.Error(), "kind") || exitCode(err) != 2 {
		t.Errorf("bad gazetteer: %v", err)
	}
	// two files, one article id: refused before anything is read into the graph
	dir := t.TempDir()
	for _, d := range []string{"a", "b"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
		os.WriteFile(filepath.Join(dir, d, "report.txt"), []byte("Report\nKim Jong Un inspected a plant.\n"), 0o644)
	}
	err = run(context.Background(), []string{"factgraph", "ingest", filepath.Join(dir, "a", "report.txt"), filepath.Join(dir, "b", "report.txt")}, env, strings.NewReader(""), &out, &errb)
	if err == nil || !strings.Contains(err.Error(), `"article:report"`) || exitCode(err) != 2 {
		t.Errorf("duplicate ids: %v", err)
	}
	// a header key that is not a field is named
	errb.Reset()
	typo := filepath.Join(dir, "typo.txt")
	os.WriteFile(typo, []byte("title: T\npublished_at: 2025-12-26\n---\nKim Jong Un inspected a plant.\n"), 0o644)
	if err := run(context.Background(), []string{"factgraph", "extract", typo}, env, strings.NewReader(""), &out, &errb); err != nil ||
		!strings.Contains(errb.String(), `typo.txt:2: header key "published_at" is not an article field`) {
		t.Errorf("header typo: %v\n%s", err, errb.String())
	}
	// stdin, with the fields given as flags
	out.Reset()
	err = run(context.Background(), []string{"factgraph", "extract", "--id", "article:stdin", "--published-at", "2025-12-26", "-"}, env,
		strings.NewReader("A title\nKim Jong Un inspected a munitions factory on Friday."), &out, &errb)
	if err != nil || !strings.Contains(out.String(), `"article:stdin"`) || !strings.Contains(out.String(), `"2025-12-26"`) {
		t.Errorf("stdin: %v\n%s", err, out.String())
	}
}

// factgraph ingest on make run's stack (the sample loaded, the server up): the extracted
// events come back from GraphQL with their quotes, rules and attributions.
func TestIngestArticleThenQuery(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t, "FACTGRAPH_TOKEN", "s3cret-token")
	mustRun(t, env, "load", sample)
	out := mustRun(t, env, "ingest", munitionsArticle)
	if !strings.Contains(out, "loaded article:nk-munitions-2025-12-26") || !strings.Contains(out, "0 rejected") {
		t.Fatalf("ingest: %s", out)
	}
	again := mustRun(t, env, "ingest", munitionsArticle)
	if !strings.Contains(again, " 0 created, 0 updated") {
		t.Errorf("second ingest changed the graph: %s", again)
	}
	url := mustServe(t, env)
	q := `{ entity(id: "person:kim-jong-un") { timeline(first: 100) { type label modality time { value precision }
	        evidence { quote rule attribution article { id } } } } }`
	status, raw := postGraphQL(t, url, q, nil)
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, raw)
	}
	var resp struct {
		Data struct {
			Entity struct {
				Timeline []struct {
					Type     string
					Evidence []struct {
						Quote, Rule string
						Attribution *string
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatal(err)
	}
	extracted := 0
	for _, ev := range resp.Data.Entity.Timeline {
		for _, e := range ev.Evidence {
			if strings.HasPrefix(e.Rule, "event.") && e.Quote != "" {
				extracted++
			}
		}
	}
	if extracted < 3 || !strings.Contains(string(raw), `"rule":"event.inspection.inspected"`) || !strings.Contains(string(raw), `"attribution":"state media"`) {
		t.Errorf("extracted events on Kim's timeline: %d\n%s", extracted, raw)
	}

	// the same through the ingestArticle mutation, behind the token
	m := `mutation($a: ArticleInput!) { ingestArticle(article: $a) { articles events relations created } }`
	art := map[string]any{"id": "article:ui-report", "title": "From the UI", "publishedAt": "2025-12-29",
		"text": "Poland intercepted a Russian reconnaissance plane over the Baltic Sea on Sunday, the Polish military said."}
	status, raw = postGraphQL(t, url, m, map[string]any{"a": art})
	if status != http.StatusOK || !strings.Contains(string(raw), `"UNAUTHENTICATED"`) {
		t.Errorf("without a token: %d %s", status, raw)
	}
	status, raw = postGraphQL(t, url, m, map[string]any{"a": art}, "Authorization", "Bearer s3cret-token")
	if status != http.StatusOK || !strings.Contains(string(raw), `"ingestArticle":{"articles":1,"events":1`) {
		t.Fatalf("ingestArticle: %d %s", status, raw)
	}
	_, raw = postGraphQL(t, url, `{ entity(id: "country:POL") { timeline(first: 10) { type time { value } evidence { rule article { id } } } } }`, nil)
	if !strings.Contains(string(raw), `"rule":"event.interception.intercepted","article":{"id":"article:ui-report"}`) || !strings.Contains(string(raw), `"2025-12-28"`) {
		t.Errorf("Poland's timeline after ingestArticle: %s", raw)
	}
	// bad input names the argument's field and writes nothing
	art["publishedAt"] = "yesterday"
	_, raw = postGraphQL(t, url, m, map[string]any{"a": art}, "Authorization", "Bearer s3cret-token")
	if !strings.Contains(string(raw), `article.publishedAt`) || !strings.Contains(string(raw), `"INVALID_ARGUMENT"`) {
		t.Errorf("bad publishedAt: %s", raw)
	}
}
