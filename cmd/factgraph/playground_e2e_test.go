package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/server/playground"
)

// chromiumBin is Debian's Chromium; scripts/chromium installs it when it is missing.
const chromiumBin = "/usr/bin/chromium"

// playgroundScreenshot is the screenshot in the docs, relative to cmd/factgraph.
var playgroundScreenshot = filepath.Join("..", "..", "docs", "playground.png")

// playgroundQuery is what the test puts into GraphiQL: North Korea and who leads it.
// The answer is short enough for the result pane to show all of it.
const playgroundQuery = `{
  entity(id: "country:PRK") {
    name
    neighborhood(relationTypes: ["LEADS"]) {
      nodes {
        node {
          ... on Entity {
            name
            kind
          }
        }
      }
    }
  }
}`

// chromiumPath returns the path of Debian's Chromium, running scripts/chromium to install
// it when it is missing. The test fails, and never skips, without a browser.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if st, err := os.Stat(chromiumBin); err == nil && !st.IsDir() {
		return chromiumBin
	}
	script := filepath.Join("..", "..", "scripts", "chromium")
	t.Logf("%s is missing: running %s", chromiumBin, script)
	var stderr bytes.Buffer
	cmd := exec.Command("bash", script)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v (the browser test needs Chromium: apt-get install chromium)\n%s", script, err, stderr.String())
	}
	path := strings.TrimSpace(string(out))
	if path != chromiumBin {
		t.Fatalf("%s printed %q, want %s\n%s", script, path, chromiumBin, stderr.String())
	}
	return path
}

// browserOutput collects the browser's output, which its process writes from another
// goroutine.
type browserOutput struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *browserOutput) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *browserOutput) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// browserRecord is what the page did: every network request it sent, every request
// that failed, and every console error, uncaught exception or error in the browser log.
type browserRecord struct {
	mu       sync.Mutex
	requests []string // "METHOD URL"
	failed   []string
	errors   []string
	dataURLs int // data: URLs the page read; not network requests
}

// listen runs in chromedp's event loop: it only appends, under the lock.
func (r *browserRecord) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if strings.HasPrefix(u, "data:") {
			// Decoded in the page (GraphiQL's fonts): no network involved.
			r.dataURLs++
			return
		}
		r.requests = append(r.requests, ev.Request.Method+" "+u)
	case *network.EventLoadingFailed:
		r.failed = append(r.failed, fmt.Sprintf("%s %s: %s", ev.Type, ev.RequestID, ev.ErrorText))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.errors = append(r.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			r.errors = append(r.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError {
			r.errors = append(r.errors, fmt.Sprintf("browser log (%s): %s %s", e.Source, e.Text, e.URL))
		}
	}
}

func (r *browserRecord) snapshot() (requests, failed, errors []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...), append([]string(nil), r.failed...), append([]string(nil), r.errors...)
}

// The playground in a real browser: `factgraph serve` over the sample data, GraphiQL
// in headless Chromium that can reach nothing but 127.0.0.1, a query put into the
// editor and run with the execute button, and the answer read off the result pane.
// The screenshot of the page goes to docs/playground.png with -update.
func TestPlaygroundInHeadlessChromium(t *testing.T) {
	if !playground.Built() {
		t.Fatal("the playground assets are not built: run make playground (bash server/playground/build.sh)")
	}
	graphtest.Open(t)
	env := testEnv(t)
	mustRun(t, env, "load", sample)
	base := mustServe(t, env)
	u, err := url.Parse(base)
	if err != nil || u.Hostname() != "127.0.0.1" {
		t.Fatalf("server URL %q: want http://127.0.0.1:PORT (%v)", base, err)
	}
	origin := u.Scheme + "://" + u.Host

	// One deadline bounds everything: starting the browser, every wait, the screenshot.
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	start := time.Now()
	bctx, rec, fail := headlessChromium(t, ctx, 1280, 800)
	t.Logf("browser up in %v", time.Since(start).Round(time.Millisecond))

	// The page, and GraphiQL rendered by React with its query editor. The window of
	// headless Chromium keeps room for a toolbar it does not draw, so the viewport is
	// set to the full 1280x800 as well.
	if err := chromedp.Do(bctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-container")),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-query-editor .CodeMirror")),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-execute-button")),
	); err != nil {
		fail("loading GraphiQL", err)
	}

	// Put the query into the editor through its CodeMirror instance (typing would
	// fight the editor's auto-closed brackets), then check that the editor has it.
	q, _ := json.Marshal(playgroundQuery)
	got, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(() => {
		const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
		cm.setValue(`+string(q)+`);
		cm.focus();
		return cm.getValue();
	})()`))
	if err != nil {
		fail("setting the query", err)
	}
	if got != playgroundQuery {
		t.Fatalf("editor holds %q, want %q", got, playgroundQuery)
	}

	// Run it with the execute button and wait for the answer in the result pane. The
	// pane is a CodeMirror that draws only the lines in view, so the answer must be
	// on screen to be found.
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(".graphiql-execute-button"))); err != nil {
		fail("clicking the execute button", err)
	}
	const inResult = `(() => {
		const pane = document.querySelector('.graphiql-response .result-window') || document.querySelector('.graphiql-response');
		return !!pane && pane.innerText.includes('Kim Jong Un') && pane.innerText.includes('North Korea');
	})()`
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](inResult, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		text, _ := chromedp.Run(bctx, chromedp.Evaluate[string](
			`(document.querySelector('.graphiql-response') || document.body).innerText`))
		fail("waiting for Kim Jong Un in the result pane", fmt.Errorf("%w; the pane shows:\n%s", err, text))
	}
	// The whole response, as GraphiQL holds it, is the server's answer.
	result, err := chromedp.Run(bctx, chromedp.Evaluate[string](
		`document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()`))
	if err != nil {
		fail("reading the result", err)
	}
	var resp struct {
		Data struct {
			Entity struct {
				Name         string
				Neighborhood struct {
					Nodes []struct{ Node struct{ Name, Kind string } }
				}
			}
		}
		Errors []any
	}
	if err := json.Unmarshal([]byte(result), &resp); err != nil || len(resp.Errors) > 0 {
		t.Fatalf("result pane holds %s (%v)", result, err)
	}
	var people []string
	for _, n := range resp.Data.Entity.Neighborhood.Nodes {
		if n.Node.Kind == "Person" {
			people = append(people, n.Node.Name)
		}
	}
	if resp.Data.Entity.Name != "North Korea" || !slices.Contains(people, "Kim Jong Un") {
		t.Errorf("result: entity %q, people %q; want North Korea and Kim Jong Un", resp.Data.Entity.Name, people)
	}

	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		fail("taking the screenshot", err)
	}
	img, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil || img.Width < 1280 || img.Height < 800 {
		t.Fatalf("screenshot: %dx%d (%v), want a PNG of at least 1280x800", img.Width, img.Height, err)
	}
	// The committed screenshot is rewritten with -update; otherwise it goes to a temp dir.
	out := playgroundScreenshot
	if !*update {
		out = filepath.Join(t.TempDir(), "playground.png")
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%dx%d, %d bytes); browser part took %v", out, img.Width, img.Height,
		len(shot), time.Since(start).Round(time.Millisecond))

	// Everything the page asked for went to the server, and nothing went wrong.
	requests, failed, errs := rec.snapshot()
	var sawPage, sawAssets, sawGraphQL bool
	for _, r := range requests {
		method, raw, _ := strings.Cut(r, " ")
		ru, err := url.Parse(raw)
		if err != nil || ru.Scheme+"://"+ru.Host != origin {
			t.Errorf("request %s: not to the server's origin %s", r, origin)
			continue
		}
		switch {
		case ru.Path == "/":
			sawPage = true
		case strings.HasPrefix(ru.Path, playground.AssetPrefix):
			sawAssets = true
		case ru.Path == "/graphql" && method == "POST":
			sawGraphQL = true
		}
	}
	if !sawPage || !sawAssets || !sawGraphQL {
		t.Errorf("requests %q: want the page, its assets and POST /graphql (page %v, assets %v, graphql %v)",
			requests, sawPage, sawAssets, sawGraphQL)
	}
	if len(failed) > 0 {
		t.Errorf("failed requests: %q", failed)
	}
	if len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
	rec.mu.Lock()
	dataURLs := rec.dataURLs
	rec.mu.Unlock()
	t.Logf("%d network requests, all to %s (and %d data: URLs, read without the network)", len(requests), origin, dataURLs)
}

func lastChars(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
