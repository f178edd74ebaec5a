// Command explorebench measures the explorer page (/explore) in headless Chromium: the
// time until a neighbourhood is drawn, and the frame times while panning and zooming it,
// for views of several sizes. bench/explore.sh runs it against `factgraph serve` over
// generated data (factgraph gen); the figures are in BENCHMARKS.md.
//
// Each view is a URL fragment of the explorer (#e=ID&l=LIMIT&x=ID~ID: the entity opened,
// the node limit, the entities expanded), opened in a fresh tab -runs times. Reported:
//
//   - drawn: from the start of navigation to the first frame after the layout of every
//     neighbourhood in the view (page load, scripts, queries, layout, first paint);
//   - query, add, layout, paint: the explorer's own split of that time (the GraphQL
//     queries, adding the elements to Cytoscape, the fCoSE layout, the first frame);
//   - pan and zoom: intervals between animation frames while the view pans by a few
//     pixels (or zooms by 1%) every frame, as a drag or a wheel would: median, 95th
//     percentile, worst, and the share of frames over 33 ms (under 30 fps).
//
// The browser runs with no GPU (software rendering on the CPU), like the tests.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:18171", "base URL of factgraph serve")
	chromium := flag.String("chromium", "/usr/bin/chromium", "Chromium binary")
	runs := flag.Int("runs", 3, "tabs opened per view")
	frames := flag.Int("frames", 240, "animation frames measured while panning (and again while zooming)")
	width := flag.Int("width", 1400, "viewport width")
	height := flag.Int("height", 860, "viewport height")
	flag.StringVar(&shotDir, "screenshots", "", "directory to save a screenshot of each view in, once drawn (NAME.png)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: explorebench [flags] NAME=FRAGMENT...\n  e.g. explorebench '200=e=country:C0001&l=200'\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*base, *chromium, *runs, *frames, *width, *height, flag.Args(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "explorebench:", err)
		os.Exit(1)
	}
}

var shotDir string

type sample struct {
	nodes, edges                     int
	drawn, query, add, layout, paint float64
	pan, zoom                        []float64
	modes                            map[string][]float64 // pan frame intervals by renderer setting
	// CPU time of the page's main thread (ThreadTime) and of its whole renderer process
	// (ProcessTime): until drawn, and per frame while panning.
	cpuDrawn, procDrawn, cpuPanFrame, procPanFrame float64
	modeCPU                                        map[string]float64 // main-thread CPU per pan frame by renderer setting
}

func run(base, chromium string, runs, frames, width, height int, views []string, out io.Writer) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("starting %s: %w", chromium, err)
	}

	fmt.Fprintf(out, "| view | nodes | edges | drawn (ms) | query (ms) | add (ms) | layout (ms) | paint (ms) | pan frame p50 / p95 / max (ms) | pan frames > 33 ms | zoom frame p50 / p95 / max (ms) | pan p95 / CPU per frame with textureOnViewport (ms) | pan p95 / CPU per frame with hideEdgesOnViewport (ms) | CPU until drawn: main thread / renderer (ms) | CPU per pan frame: main thread / renderer (ms) |\n")
	fmt.Fprintf(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, v := range views {
		name, frag, ok := strings.Cut(v, "=")
		if !ok {
			return fmt.Errorf("view %q: want NAME=FRAGMENT", v)
		}
		var all []sample
		for i := 0; i < runs; i++ {
			shot := ""
			if shotDir != "" && i == 0 {
				shot = filepath.Join(shotDir, name+".png")
			}
			s, err := measure(bctx, base+"/explore/#"+frag, frames, width, height, shot)
			if err != nil {
				return fmt.Errorf("view %s, run %d: %w", name, i+1, err)
			}
			fmt.Fprintf(os.Stderr, "explorebench: %s run %d: %d nodes, %d edges, drawn %.0f ms (query %.0f, add %.0f, layout %.0f, paint %.0f), pan p95 %.1f ms; CPU until drawn %.0f ms, per pan frame %.1f ms; load %s\n",
				name, i+1, s.nodes, s.edges, s.drawn, s.query, s.add, s.layout, s.paint, pct(s.pan, 95), s.cpuDrawn, s.cpuPanFrame, loadavg())
			all = append(all, s)
		}
		// The median run by time to draw.
		slices.SortFunc(all, func(a, b sample) int { return int(a.drawn - b.drawn) })
		m := all[len(all)/2]
		var pan, zoom []float64
		modes := map[string][]float64{}
		for _, s := range all {
			pan = append(pan, s.pan...)
			zoom = append(zoom, s.zoom...)
			for k, v := range s.modes {
				modes[k] = append(modes[k], v...)
			}
		}
		slow := 0
		for _, d := range pan {
			if d > 33.4 {
				slow++
			}
		}
		fmt.Fprintf(out, "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f / %.1f / %.1f | %.1f%% | %.1f / %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.0f / %.0f | %.1f / %.1f |\n",
			name, m.nodes, m.edges, m.drawn, m.query, m.add, m.layout, m.paint,
			pct(pan, 50), pct(pan, 95), pct(pan, 100), 100*float64(slow)/float64(max(len(pan), 1)),
			pct(zoom, 50), pct(zoom, 95), pct(zoom, 100), pct(modes["textureOnViewport"], 95), m.modeCPU["textureOnViewport"], pct(modes["hideEdgesOnViewport"], 95), m.modeCPU["hideEdgesOnViewport"],
			m.cpuDrawn, m.procDrawn, m.cpuPanFrame, m.procPanFrame)
	}
	return nil
}

// rendererModes are Cytoscape's other settings for drawing while the viewport moves; the
// explorer's own (both false: every frame drawn in full) is measured first.
var rendererModes = []struct {
	name               string
	texture, hideEdges bool
}{
	{"textureOnViewport", true, false},
	{"hideEdgesOnViewport", false, true},
}

func measure(bctx context.Context, u string, frames, width, height int, shot string) (sample, error) {
	tab, cancel := chromedp.NewContext(bctx)
	defer cancel()
	if err := chromedp.Do(tab, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		return sample{}, err
	}
	if _, err := chromedp.Call(tab, performance.Enable, performance.EnableParams{}); err != nil {
		return sample{}, fmt.Errorf("performance metrics: %w", err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(u)); err != nil {
		return sample{}, err
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`window.__explorer && window.__explorer.ready && window.__explorer.timings.length > 0`,
		chromedp.WithPollingTimeout(5*time.Minute))); err != nil {
		status, _ := chromedp.Run(tab, chromedp.Evaluate[string](`(document.getElementById('status') || {}).textContent`))
		return sample{}, fmt.Errorf("waiting for the view to be drawn: %w (status: %s)", err, status)
	}
	type timing struct {
		Nodes, Edges                            int
		QueryMs, AddMs, LayoutMs, PaintMs, AtMs float64
	}
	ts, err := chromedp.Run(tab, chromedp.Evaluate[[]timing](`window.__explorer.timings`))
	if err != nil || len(ts) == 0 {
		return sample{}, fmt.Errorf("reading the timings: %v", err)
	}
	last := ts[len(ts)-1]
	s := sample{nodes: last.Nodes, edges: last.Edges, drawn: last.AtMs, query: last.QueryMs, add: last.AddMs, layout: last.LayoutMs, paint: last.PaintMs}
	if s.cpuDrawn, s.procDrawn, err = cpuTimes(tab); err != nil {
		return s, err
	}
	// Let the background modality queries finish, so they do not share the frames.
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`window.__explorer.busy === 0`, chromedp.WithPollingTimeout(5*time.Minute))); err != nil {
		return sample{}, err
	}
	if shot != "" {
		png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
		if err != nil {
			return s, fmt.Errorf("screenshot: %w", err)
		}
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			return s, err
		}
	}
	// Frame intervals while the viewport moves every frame.
	script := func(step string) string {
		return fmt.Sprintf(`new Promise(resolve => {
			const cy = window.__explorer.cy, n = %d, out = [];
			let prev = 0, i = 0;
			const c = {x: cy.width() / 2, y: cy.height() / 2};
			function frame(ts) {
				if (prev) out.push(ts - prev);
				prev = ts;
				const k = i++;
				%s
				if (out.length < n) requestAnimationFrame(frame); else resolve(out);
			}
			requestAnimationFrame(frame);
		})`, frames, step)
	}
	pan := `cy.panBy({x: (Math.floor(k / 60) % 2 ? -4 : 4), y: (Math.floor(k / 90) % 2 ? -3 : 3)});`
	zoom := `cy.zoom({level: cy.zoom() * (Math.floor(k / 60) % 2 ? 0.99 : 1.01), renderedPosition: c});`
	t0, p0, err := cpuTimes(tab)
	if err != nil {
		return s, err
	}
	if s.pan, err = chromedp.Run(tab, chromedp.Evaluate[[]float64](script(pan), chromedp.EvalAwaitPromise)); err != nil {
		return s, fmt.Errorf("panning: %w", err)
	}
	t1, p1, err := cpuTimes(tab)
	if err != nil {
		return s, err
	}
	s.cpuPanFrame, s.procPanFrame = (t1-t0)/float64(len(s.pan)), (p1-p0)/float64(len(s.pan))
	if s.zoom, err = chromedp.Run(tab, chromedp.Evaluate[[]float64](script(zoom), chromedp.EvalAwaitPromise)); err != nil {
		return s, fmt.Errorf("zooming: %w", err)
	}
	// The same pan under Cytoscape's other renderer settings, for comparison.
	s.modes, s.modeCPU = map[string][]float64{}, map[string]float64{}
	for _, m := range rendererModes {
		set := fmt.Sprintf(`(() => { const r = window.__explorer.cy.renderer(); r.textureOnViewport = %v; r.hideEdgesOnViewport = %v; return true; })()`, m.texture, m.hideEdges)
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](set)); err != nil {
			return s, err
		}
		c0, _, err := cpuTimes(tab)
		if err != nil {
			return s, err
		}
		if s.modes[m.name], err = chromedp.Run(tab, chromedp.Evaluate[[]float64](script(pan), chromedp.EvalAwaitPromise)); err != nil {
			return s, fmt.Errorf("panning (%s): %w", m.name, err)
		}
		c1, _, err := cpuTimes(tab)
		if err != nil {
			return s, err
		}
		s.modeCPU[m.name] = (c1 - c0) / float64(len(s.modes[m.name]))
	}
	return s, nil
}

// cpuTimes returns the CPU milliseconds used so far by the page's main thread and by its
// renderer process.
func cpuTimes(tab context.Context) (thread, process float64, err error) {
	m, err := chromedp.Call(tab, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, 0, fmt.Errorf("performance metrics: %w", err)
	}
	for _, x := range m.Metrics {
		switch x.Name {
		case "ThreadTime":
			thread = x.Value * 1000
		case "ProcessTime":
			process = x.Value * 1000
		}
	}
	return thread, process, nil
}

// loadavg is the machine's 1-minute load average, or "?" .
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// pct is the p-th percentile of xs (nearest rank); 100 is the maximum.
func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}
