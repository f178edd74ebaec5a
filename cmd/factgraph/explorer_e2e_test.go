package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/factgraph/factgraph/graph/graphtest"
	"github.com/factgraph/factgraph/server/explorer"
)

// The explorer's screenshots in the docs, relative to cmd/factgraph (rewritten with -update).
var (
	explorerShot     = filepath.Join("..", "..", "docs", "explorer.png")
	explorerPathShot = filepath.Join("..", "..", "docs", "explorer-path.png")
)

// headlessChromium (used by the playground's and the explorer's tests) starts Debian's Chromium headless, able to reach nothing but
// 127.0.0.1, and returns a browser context bounded by ctx, what it records, and fail,
// which ends the test with everything the browser said.
func headlessChromium(t *testing.T, ctx context.Context, width, height int) (context.Context, *browserRecord, func(string, error)) {
	t.Helper()
	bin := chromiumPath(t)
	out := &browserOutput{}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-dev-shm-usage", true), // /dev/shm is small in containers
		chromedp.Flag("no-proxy-server", true),       // ignore any proxy of the environment
		// No name resolves (so nothing beyond loopback can be reached by name) except
		// 127.0.0.1, where the server listens.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
		chromedp.CombinedOutput(out),
	)
	t.Cleanup(cancelAlloc)
	rec := &browserRecord{}
	bctx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithListener(rec.listen))
	t.Cleanup(cancelBrowser)
	start := time.Now()
	fail := func(step string, err error) {
		t.Helper()
		requests, failed, errs := rec.snapshot()
		page, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ''`))
		t.Fatalf("%s after %v: %v\npage text:\n%s\nrequests: %q\nfailed: %q\nconsole errors: %q\nbrowser output (tail):\n%s",
			step, time.Since(start).Round(time.Millisecond), err, lastChars(page, 3000), requests, failed, errs, lastChars(out.String(), 2000))
	}
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		fail("starting "+bin, err)
	}
	return bctx, rec, fail
}

// clickElement clicks a drawn Cytoscape element with the mouse, as a person would: a
// node in its middle, an edge at the first point along it (from its midpoint outwards)
// where the renderer's own hit test finds that edge and not a node drawn over it.
func clickElement(ctx context.Context, id string) error {
	idJSON, _ := json.Marshal(id)
	pos, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const cy = window.__explorer.cy, e = cy.getElementById(`+string(idJSON)+`);
		if (e.empty()) return [];
		const r = cy.container().getBoundingClientRect();
		if (e.isNode()) { const p = e.renderedPosition(); return [r.left + p.x, r.top + p.y]; }
		const s = e.sourceEndpoint(), t = e.targetEndpoint(), c = (e.controlPoints() || [])[0];
		const z = cy.zoom(), pan = cy.pan();
		for (const u of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
			const m = c
				? {x: (1-u)*(1-u)*s.x + 2*(1-u)*u*c.x + u*u*t.x, y: (1-u)*(1-u)*s.y + 2*(1-u)*u*c.y + u*u*t.y}
				: {x: s.x + u*(t.x - s.x), y: s.y + u*(t.y - s.y)};
			const x = m.x * z + pan.x, y = m.y * z + pan.y;
			const hit = cy.renderer().findNearestElement(m.x, m.y, true, false); // model coordinates
			if (hit && hit.id() === e.id()) return [r.left + x, r.top + y];
		}
		return [];
	})()`))
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%s is not drawn where a click reaches it", id)
	}
	return chromedp.Do(ctx, chromedp.MouseClickXY(pos[0], pos[1], chromedp.ButtonLeft))
}

// settled waits until the explorer has no query in flight and js holds.
func settled(ctx context.Context, js string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__explorer && window.__explorer.busy === 0 && (`+js+`)`,
		chromedp.WithPollingTimeout(60*time.Second)))
	return err
}

func innerText(ctx context.Context, sel string) string {
	s, _ := json.Marshal(sel)
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(`+string(s)+`) || {innerText: ''}).innerText`))
	return text
}

func writeShot(t *testing.T, ctx context.Context, fail func(string, error), path string) {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		fail("taking a screenshot", err)
	}
	img, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil || img.Width < 1280 {
		t.Fatalf("screenshot: %dx%d (%v), want a PNG at least 1280 wide", img.Width, img.Height, err)
	}
	out := path
	if !*update {
		out = filepath.Join(t.TempDir(), filepath.Base(path))
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%dx%d)", out, img.Width, img.Height)
}

// refreshFacts adds, after the view is opened, a relation of Kim Jong Un the sample does
// not have, and an event he takes part in: what Refresh must mark as new.
const refreshFacts = `{"articles": [{"id": "article:explorer-refresh", "title": "Kim Jong Un meets a delegation", "publisher": "factgraph test", "publishedAt": "2026-01-05"}],
 "relations": [{"type": "NEGOTIATES_WITH", "from": "person:kim-jong-un", "to": "country:RUS", "confidence": 0.7, "modality": "alleged",
   "evidence": [{"article": "article:explorer-refresh", "quote": "Kim Jong Un is said to be negotiating with Russia over more shipments."}]}],
 "events": [{"id": "event:explorer-refresh-meeting", "type": "MEETING", "label": "Kim Jong Un meets a Russian delegation", "time": {"value": "2026-01-04", "precision": "day"},
   "modality": "reported", "roles": [{"role": "AGENT", "entity": "person:kim-jong-un"}, {"role": "PARTICIPANT", "entity": "country:RUS"}],
   "evidence": [{"article": "article:explorer-refresh", "quote": "Kim Jong Un met a Russian delegation in Pyongyang on January 4."}]}]}`

// The explorer in a real browser, as an analyst uses it: `factgraph serve` over the
// sample, /explore in headless Chromium that can reach nothing but 127.0.0.1; search
// "Kim Jong-un" and pick the suggestion, which opens his neighbourhood; click the LEADS
// edge and find its quote, title and publisher on the page; ask for the shortest path to
// Ukraine and see it listed and drawn; expand and collapse North Korea; open the
// shareable URL in a fresh page and get the same view back; export PNG and JSON; load
// more facts and see Refresh mark them. Screenshots go to docs/ with -update.
func TestExplorerInHeadlessChromium(t *testing.T) {
	if !explorer.Built() {
		t.Fatal("the explorer assets are not built: run make explorer (bash server/explorer/build.sh)")
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

	// What the API says, to compare the page with (no answer is written into the test).
	_, raw := postGraphQL(t, base, `{ entity(id: "person:kim-jong-un") { relations(type: "LEADS", direction: OUT) { id to { id } evidence { quote article { title publisher } } } } }`, nil)
	var rel struct {
		Data struct {
			Entity struct {
				Relations []struct {
					ID       string
					To       struct{ ID string }
					Evidence []struct {
						Quote   string
						Article struct{ Title, Publisher string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &rel); err != nil {
		t.Fatalf("relations: %v: %s", err, raw)
	}
	leadsID, quote, title, publisher := "", "", "", ""
	for _, r := range rel.Data.Entity.Relations {
		if r.To.ID == "country:PRK" && len(r.Evidence) > 0 {
			leadsID, quote, title, publisher = r.ID, r.Evidence[0].Quote, r.Evidence[0].Article.Title, r.Evidence[0].Article.Publisher
		}
	}
	if leadsID == "" {
		t.Fatalf("the sample has no LEADS relation from Kim Jong Un to North Korea with evidence: %s", raw)
	}
	_, raw = postGraphQL(t, base, `{ shortestPath(from: "person:kim-jong-un", to: "Ukraine", maxHops: 4) { length nodes { id ... on Entity { name } ... on Event { type label } } } }`, nil)
	var sp struct {
		Data struct {
			ShortestPath struct {
				Length int
				Nodes  []struct{ ID, Name, Type, Label string }
			}
		}
	}
	if err := json.Unmarshal(raw, &sp); err != nil || sp.Data.ShortestPath.Length == 0 {
		t.Fatalf("shortestPath: %v: %s", err, raw)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
	defer cancel()
	bctx, rec, fail := headlessChromium(t, ctx, 1400, 860)
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(bctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		fail("allowing downloads", err)
	}
	if err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/explore"),
		chromedp.WaitVisible(`#q`),
		chromedp.WaitVisible(`#cy canvas`),
	); err != nil {
		fail("loading /explore", err)
	}

	// Search with suggestions: the hyphenated spelling finds the person.
	if err := chromedp.Do(bctx,
		chromedp.Click(`#q`),
		chromedp.SendKeys(`#q`, "Kim Jong-un"),
		chromedp.WaitVisible(`#suggestions li[data-id="person:kim-jong-un"]`),
	); err != nil {
		fail("waiting for the suggestion person:kim-jong-un", err)
	}
	if err := chromedp.Do(bctx, chromedp.Click(`#suggestions li[data-id="person:kim-jong-un"]`)); err != nil {
		fail("choosing the suggestion", err)
	}
	leadsJSON, _ := json.Marshal(leadsID)
	if err := settled(bctx, `window.__explorer.timings.length > 0 && window.__explorer.cy.getElementById(`+string(leadsJSON)+`).nonempty()`); err != nil {
		fail("waiting for the neighbourhood with "+leadsID, err)
	}
	if card := innerText(bctx, "#details"); !strings.Contains(card, "Kim Jong Un") || !strings.Contains(card, "Timeline") {
		t.Errorf("card after choosing the suggestion:\n%s\nwant Kim Jong Un's card with his timeline", card)
	}
	status := innerText(bctx, "#status")
	t.Logf("status: %s", status)

	// Kinds drawn distinctly, and a legend that says so.
	legend := innerText(bctx, "#legend")
	for _, want := range []string{"Person", "Country", "Organization", "Event", "dashed: alleged or denied"} {
		if !strings.Contains(legend, want) {
			t.Errorf("legend lacks %q:\n%s", want, legend)
		}
	}

	// Click the LEADS edge: its evidence, with the quote highlighted.
	if err := clickElement(bctx, leadsID); err != nil {
		fail("clicking the LEADS edge", err)
	}
	if err := settled(bctx, `!!document.querySelector('#details figure.quote mark')`); err != nil {
		fail("waiting for the LEADS evidence", err)
	}
	details := innerText(bctx, "#details")
	for _, want := range []string{quote, title, publisher, "LEADS"} {
		if !strings.Contains(details, want) {
			t.Errorf("evidence panel lacks %q:\n%s", want, details)
		}
	}
	marked := innerText(bctx, "#details figure.quote mark")
	if marked != quote {
		t.Errorf("highlighted quote %q, want %q", marked, quote)
	}
	writeShot(t, bctx, fail, explorerShot)

	// Expand North Korea from the node list (keyboard-reachable), then collapse it.
	count := func() int {
		n, _ := chromedp.Run(bctx, chromedp.Evaluate[int](`window.__explorer.cy.nodes().length`))
		return n
	}
	before := count()
	if err := chromedp.Do(bctx,
		chromedp.Click(`#nodes-box summary`),
		chromedp.Click(`#node-list button[data-id="country:PRK"]`),
		chromedp.WaitVisible(`#card-expand`),
	); err != nil {
		fail("opening North Korea's card from the node list", err)
	}
	if err := settled(bctx, `document.querySelector('#details h2').innerText === 'North Korea'`); err != nil {
		fail("waiting for North Korea's card", err)
	}
	if err := chromedp.Do(bctx, chromedp.Click(`#card-expand`)); err != nil {
		fail("expanding North Korea", err)
	}
	if err := settled(bctx, `window.__explorer.state.expanded.includes('country:PRK') && window.__explorer.cy.getElementById('country:RUS').nonempty()`); err != nil {
		fail("waiting for North Korea's neighbours (Russia)", err)
	}
	expanded := count()
	if expanded <= before {
		t.Errorf("expanding North Korea: %d nodes, was %d", expanded, before)
	}
	if err := settled(bctx, `document.querySelector('#card-expand') && document.querySelector('#card-expand').innerText === 'Collapse'`); err != nil {
		fail("waiting for the Collapse button", err)
	}
	if err := chromedp.Do(bctx, chromedp.Click(`#card-expand`)); err != nil {
		fail("collapsing North Korea", err)
	}
	if err := settled(bctx, `!window.__explorer.state.expanded.includes('country:PRK')`); err != nil {
		fail("waiting for the collapse", err)
	}
	if n := count(); n != before {
		t.Errorf("after collapsing North Korea: %d nodes, want %d as before expanding", n, before)
	}

	// Filters: minimum confidence 0.9 and a time window ending in 2025-11 (before the
	// sample's December articles) leave fewer edges, all of them at least that sure; the
	// URL carries both; back to no filter, the view is whole again.
	edgesNow := func() int {
		n, _ := chromedp.Run(bctx, chromedp.Evaluate[int](`window.__explorer.cy.edges().length`))
		return n
	}
	allEdges := edgesNow()
	// The slider's steps are months: move its handle until it reads 2025-11.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(() => {
		const to = document.getElementById('win-to'), st = window.__explorer.state;
		for (let k = 1; k < +to.max; k++) {
			to.value = String(k);
			to.dispatchEvent(new Event('input'));
			if (st.to && st.to.startsWith('2025-11')) return true;
		}
		return false;
	})()`)); err != nil {
		fail("moving the time slider", err)
	}
	if err := chromedp.Do(bctx, chromedp.SetValue(`#min-conf`, "0.9"), chromedp.Click(`#apply`)); err != nil {
		fail("setting the filters", err)
	}
	if err := settled(bctx, `window.__explorer.state.minC === 0.9 && location.hash.includes('c=0.9') && location.hash.includes('to=2025-11-30')`); err != nil {
		fail("waiting for the filtered view", err)
	}
	if err := settled(bctx, `window.__explorer.cy.edges().length < `+fmt.Sprint(allEdges)); err != nil {
		fail("waiting for fewer edges", err)
	}
	weak, _ := chromedp.Run(bctx, chromedp.Evaluate[[]string](`window.__explorer.cy.edges('[!role]').filter(e => e.data('confidence') < 0.9).map(e => e.id())`))
	if len(weak) > 0 {
		t.Errorf("with minimum confidence 0.9, edges below it are drawn: %q", weak)
	}
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(() => { const to = document.getElementById('win-to'); to.value = to.max; to.dispatchEvent(new Event('input')); return true; })()`)); err != nil {
		fail("moving the time slider back", err)
	}
	if err := chromedp.Do(bctx, chromedp.SetValue(`#min-conf`, "0"), chromedp.Click(`#apply`)); err != nil {
		fail("clearing the filters", err)
	}
	if err := settled(bctx, `!location.hash.includes('c=') && !location.hash.includes('to=') && window.__explorer.cy.edges().length === `+fmt.Sprint(allEdges)); err != nil {
		fail("waiting for the whole view again", err)
	}

	// The path to Ukraine, listed and drawn.
	if err := chromedp.Do(bctx,
		chromedp.SetValue(`#path-from`, "Kim Jong-un"),
		chromedp.SetValue(`#path-to`, "Ukraine"),
		chromedp.Click(`#shortest`),
	); err != nil {
		fail("asking for the shortest path", err)
	}
	if err := settled(bctx, `!!document.querySelector('#details ol.path-steps') && window.__explorer.cy.$('node.path').length > 0`); err != nil {
		fail("waiting for the path to Ukraine", err)
	}
	steps, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#details ol.path-steps > li > button:first-child')].map(b => b.innerText)`))
	if err != nil {
		fail("reading the path", err)
	}
	var want []string
	for _, n := range sp.Data.ShortestPath.Nodes {
		if n.Name != "" {
			want = append(want, n.Name)
		} else {
			want = append(want, n.Type+": "+n.Label)
		}
	}
	if !slices.Equal(steps, want) {
		t.Errorf("path on the page %q, want the API's %q", steps, want)
	}
	onPath, _ := chromedp.Run(bctx, chromedp.Evaluate[[]string](`window.__explorer.cy.$('node.path').map(n => n.id()).sort()`))
	var wantIDs []string
	for _, n := range sp.Data.ShortestPath.Nodes {
		wantIDs = append(wantIDs, n.ID)
	}
	slices.Sort(wantIDs)
	if !slices.Equal(onPath, wantIDs) || !slices.Contains(onPath, "country:UKR") {
		t.Errorf("highlighted nodes %q, want %q (with country:UKR)", onPath, wantIDs)
	}
	writeShot(t, bctx, fail, explorerPathShot)

	// Export PNG and JSON: real downloads.
	if err := chromedp.Do(bctx, chromedp.Click(`#export-png`), chromedp.Click(`#export-json`)); err != nil {
		fail("exporting", err)
	}
	var pngFile, jsonFile string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && (pngFile == "" || jsonFile == ""); time.Sleep(100 * time.Millisecond) {
		pngFile, jsonFile = "", ""
		files, _ := filepath.Glob(filepath.Join(downloads, "factgraph-*"))
		for _, f := range files {
			switch filepath.Ext(f) {
			case ".png":
				pngFile = f
			case ".json":
				jsonFile = f
			}
		}
	}
	if pngFile == "" || jsonFile == "" {
		t.Fatalf("downloads in %s: png %q, json %q", downloads, pngFile, jsonFile)
	}
	if data, err := os.ReadFile(pngFile); err != nil {
		t.Error(err)
	} else if img, err := png.DecodeConfig(bytes.NewReader(data)); err != nil || img.Width < 200 {
		t.Errorf("exported PNG %s: %dx%d (%v)", pngFile, img.Width, img.Height, err)
	}
	var exported struct {
		URL   string
		Nodes []struct {
			Data     struct{ ID string }
			Position struct{ X, Y float64 }
		}
		Edges []struct{ Data struct{ ID, Type string } }
	}
	if data, err := os.ReadFile(jsonFile); err != nil {
		t.Error(err)
	} else if err := json.Unmarshal(data, &exported); err != nil {
		t.Errorf("exported JSON: %v", err)
	}
	if len(exported.Nodes) != count() || !slices.ContainsFunc(exported.Edges, func(e struct{ Data struct{ ID, Type string } }) bool { return e.Data.ID == leadsID }) {
		t.Errorf("exported JSON: %d nodes (drawn %d), edges include %s: %v", len(exported.Nodes), count(), leadsID, exported.Edges)
	}

	// The shareable URL restores the view in a fresh page: same nodes, same path.
	share, err := chromedp.Run(bctx, chromedp.Evaluate[string](`location.href`))
	if err != nil || !strings.Contains(share, "#") {
		fail("reading the URL", fmt.Errorf("%q: %v", share, err))
	}
	nodesNow, _ := chromedp.Run(bctx, chromedp.Evaluate[[]string](`window.__explorer.cy.nodes().map(n => n.id()).sort()`))
	tab, cancelTab := chromedp.NewContext(bctx)
	defer cancelTab()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1400, 860), chromedp.Navigate(share)); err != nil {
		fail("opening the shared URL", err)
	}
	if err := settled(tab, `window.__explorer.ready && window.__explorer.cy.$('node.path').length > 0`); err != nil {
		fail("waiting for the shared view", err)
	}
	restored, _ := chromedp.Run(tab, chromedp.Evaluate[[]string](`window.__explorer.cy.nodes().map(n => n.id()).sort()`))
	restoredPath, _ := chromedp.Run(tab, chromedp.Evaluate[[]string](`window.__explorer.cy.$('node.path').map(n => n.id()).sort()`))
	if !slices.Equal(restored, nodesNow) || !slices.Equal(restoredPath, wantIDs) {
		t.Errorf("shared URL %s restored nodes %q path %q; want %q path %q", share, restored, restoredPath, nodesNow, wantIDs)
	}
	// Keyboard only, in that tab: focus the search box, type, pick the first suggestion with
	// the arrow key and open it with Enter.
	if err := chromedp.Do(tab,
		chromedp.Focus(`#q`),
		chromedp.SendKeys(`#q`, "russia"),
		chromedp.WaitVisible(`#suggestions li[data-id="country:RUS"]`),
		chromedp.KeyEvent(kb.ArrowDown),
	); err != nil {
		fail("searching with the keyboard", err)
	}
	if err := settled(tab, `document.querySelector('#suggestions li[aria-selected="true"]') !== null`); err != nil {
		fail("waiting for the highlighted suggestion", err)
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Enter)); err != nil {
		fail("pressing Enter", err)
	}
	if err := settled(tab, `window.__explorer.state.roots[0] === 'country:RUS' && window.__explorer.cy.getElementById('country:RUS').nonempty()`); err != nil {
		fail("waiting for Russia's neighbourhood opened from the keyboard", err)
	}
	cancelTab()

	// New facts arrive; Refresh keeps every node where it was and marks what is new.
	positions := func() map[string][2]float64 {
		m, _ := chromedp.Run(bctx, chromedp.Evaluate[map[string][2]float64](
			`Object.fromEntries(window.__explorer.cy.nodes().map(n => [n.id(), [n.position('x'), n.position('y')]]))`))
		return m
	}
	// Clearing the path drops the nodes only it brought in (Ukraine, Russia).
	if err := chromedp.Do(bctx, chromedp.Click(`#clear-path`)); err != nil {
		fail("clearing the path", err)
	}
	if err := settled(bctx, `window.__explorer.cy.getElementById('country:UKR').empty() && window.__explorer.cy.$('.path').empty()`); err != nil {
		fail("waiting for the path to go", err)
	}
	posBefore := positions()
	extra := filepath.Join(t.TempDir(), "refresh.json")
	if err := os.WriteFile(extra, []byte(refreshFacts), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, env, "load", extra)
	if err := chromedp.Do(bctx, chromedp.Click(`#refresh`)); err != nil {
		fail("refreshing", err)
	}
	if err := settled(bctx, `window.__explorer.cy.getElementById('event:explorer-refresh-meeting').nonempty()`); err != nil {
		fail("waiting for the new event after Refresh", err)
	}
	newIDs, _ := chromedp.Run(bctx, chromedp.Evaluate[[]string](`window.__explorer.cy.$('.new').map(e => e.id()).sort()`))
	for _, id := range []string{"person:kim-jong-un|NEGOTIATES_WITH|country:RUS", "event:explorer-refresh-meeting"} {
		if !slices.Contains(newIDs, id) {
			t.Errorf("after Refresh, marked new: %q; want %s among them", newIDs, id)
		}
	}
	if st := innerText(bctx, "#status"); !strings.Contains(st, "new in view since") {
		t.Errorf("status after Refresh %q, want it to count what is new since the view was opened", st)
	}
	posAfter := positions()
	moved := 0
	for id, p := range posBefore {
		if q, ok := posAfter[id]; ok && math.Hypot(p[0]-q[0], p[1]-q[1]) > 0.5 {
			t.Logf("%s moved from %v to %v", id, p, q)
			moved++
		}
	}
	if moved > 0 {
		t.Errorf("Refresh moved %d of %d nodes that were already drawn", moved, len(posBefore))
	}
	if modality, _ := chromedp.Run(bctx, chromedp.Evaluate[bool](`(() => {
		const e = window.__explorer.cy.getElementById('person:kim-jong-un|NEGOTIATES_WITH|country:RUS');
		return e.style('line-style') === 'dashed';
	})()`)); !modality {
		// Modalities arrive in the background: wait for them.
		if err := settled(bctx, `window.__explorer.cy.getElementById('person:kim-jong-un|NEGOTIATES_WITH|country:RUS').style('line-style') === 'dashed'`); err != nil {
			fail("waiting for the alleged relation to be dashed", err)
		}
	}

	// Everything went to the server's origin, and nothing went wrong.
	requests, failed, errs := rec.snapshot()
	var sawPage, sawAssets, sawGraphQL bool
	for _, r := range requests {
		method, raw, _ := strings.Cut(r, " ")
		ru, err := url.Parse(raw)
		if err != nil || ru.Scheme+"://"+ru.Host != origin {
			if !strings.HasPrefix(raw, "blob:"+origin) {
				t.Errorf("request %s: not to the server's origin %s", r, origin)
			}
			continue
		}
		switch {
		case ru.Path == "/explore/":
			sawPage = true
		case strings.HasPrefix(ru.Path, explorer.AssetPrefix):
			sawAssets = true
		case ru.Path == "/graphql" && method == "POST":
			sawGraphQL = true
		}
	}
	if !sawPage || !sawAssets || !sawGraphQL {
		t.Errorf("requests %q: want the page, its assets and POST /graphql", requests)
	}
	if len(failed) > 0 {
		t.Errorf("failed requests: %q", failed)
	}
	if len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
	t.Logf("%d network requests, all to %s", len(requests), origin)
}

// The playground opens with the README's tour as ready tabs; each runs without errors
// against the sample and answers with data.
func TestPlaygroundExampleTabs(t *testing.T) {
	graphtest.Open(t)
	env := testEnv(t)
	mustRun(t, env, "load", sample)
	base := mustServe(t, env)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	bctx, _, fail := headlessChromium(t, ctx, 1280, 800)
	if err := chromedp.Do(bctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`.graphiql-query-editor .CodeMirror`),
	); err != nil {
		fail("loading the playground", err)
	}
	// GraphiQL keeps its tabs in local storage once it has drawn them.
	var tabs []string
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`!!localStorage.getItem('graphiql:tabState')`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		fail("waiting for GraphiQL's tab state", err)
	}
	tabs, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`JSON.parse(localStorage.getItem('graphiql:tabState')).tabs.map(t => t.query)`))
	if err != nil {
		fail("reading the tabs", err)
	}
	titles, _ := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.graphiql-tab')].map(t => t.innerText.trim())`))
	t.Logf("tabs: %q", titles)
	for _, want := range []string{"Who is this?", "Kim Jong Un to Ukraine", "timeline", "Who stands behind Russia", "neighbourhood"} {
		if !slices.ContainsFunc(tabs, func(q string) bool { return strings.Contains(q, want) }) {
			t.Errorf("no tab holds %q; tabs:\n%s", want, strings.Join(tabs, "\n---\n"))
		}
	}
	if len(tabs) < 7 {
		t.Errorf("%d tabs, want the default query, the README's neighbours and the five questions", len(tabs))
	}
	for _, q := range tabs {
		status, raw := postGraphQL(t, base, q, nil)
		var resp struct {
			Data   map[string]json.RawMessage
			Errors []any
		}
		if err := json.Unmarshal(raw, &resp); err != nil || status != 200 || len(resp.Errors) > 0 || len(resp.Data) == 0 {
			t.Errorf("tab query answers %d %s (%v):\n%s", status, raw, err, q)
			continue
		}
		for k, v := range resp.Data {
			if string(v) == "null" || string(v) == "[]" {
				t.Errorf("tab query: %s is %s:\n%s", k, v, q)
			}
		}
	}
}
