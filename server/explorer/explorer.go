// Package explorer serves /explore, the graph explorer: a page that draws the
// graph around an entity and lets an analyst search, expand, filter, follow
// paths and read the evidence of every edge. It is a client of /graphql like
// any other (no private endpoint); everything it shows comes from the public
// schema.
//
// The browser bundles (Cytoscape.js, and the fCoSE force-directed layout with
// its two helper libraries layout-base and cose-base) come from the npm
// packages pinned in package-lock.json; build.sh (`make explorer`) copies
// their prebuilt UMD files into dist/, which is embedded with //go:embed.
// The page's own code (static/explore.js, static/explore.css) is committed.
// A binary built without dist/ still compiles: Built reports false and the
// page answers 503 with a message saying how to build it.
//
// # Routing
//
// The handler matches the full request path and answers GET and HEAD on
//
//	/explore/                  the page (its state lives in the URL's #fragment)
//	/explore/assets/<file>     the JS and CSS the page loads (see AssetPrefix)
//
// and 404 on anything else. Route the subtree to it; net/http's ServeMux then
// redirects /explore to /explore/:
//
//	mux.Handle("GET /explore/", explorer.Handler("/graphql"))
package explorer

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Path is where the page is served.
const Path = "/explore/"

// AssetPrefix is the path under which the page's scripts and stylesheets are
// served.
const AssetPrefix = "/explore/assets/"

// NotBuiltMessage is the body of the 503 answer given for the page when the
// assets were not built into the binary.
const NotBuiltMessage = "explorer assets are not built: run make explorer (server/explorer/build.sh)\n"

//go:embed all:dist
var distFS embed.FS

// static holds the page's hand-written code (committed).
//
//go:embed static
var staticFS embed.FS

// required are the dist/ files (written by build.sh) the page cannot work
// without.
var required = []string{"cytoscape.min.js", "layout-base.js", "cose-base.js", "cytoscape-fcose.js"}

// Page assets in load order: the layout's UMD bundles find their
// dependencies as globals (layoutBase, coseBase), so the order matters.
var (
	pageStyles  = []string{"explore.css"}
	pageScripts = []string{"cytoscape.min.js", "layout-base.js", "cose-base.js", "cytoscape-fcose.js", "explore.js"}
)

// Built reports whether the explorer's assets were built into the binary.
func Built() bool { return builtFS(embeddedDist()) }

// Handler returns the handler of the explorer page, which sends its queries to
// endpoint (a path on the same origin; empty means "/graphql").
func Handler(endpoint string) http.Handler { return newHandler(embeddedDist(), endpoint) }

func embeddedDist() fs.FS {
	sub, err := fs.Sub(distFS, "dist")
	if err != nil { // cannot happen: "dist" is a valid path
		panic(err)
	}
	return sub
}

func builtFS(dist fs.FS) bool {
	for _, name := range required {
		st, err := fs.Stat(dist, name)
		if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
			return false
		}
	}
	return true
}

type asset struct {
	data    []byte
	ctype   string
	version string // short content hash, the ?v= of the page's URLs
	etag    string

	gzOnce sync.Once
	gz     []byte // gzip of data; nil when not worth it
}

func (a *asset) gzipped() []byte {
	a.gzOnce.Do(func() {
		if !strings.HasPrefix(a.ctype, "text/") || len(a.data) < 1024 {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(a.data)
		zw.Close()
		if buf.Len() < len(a.data) {
			a.gz = buf.Bytes()
		}
	})
	return a.gz
}

var contentTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
}

type handler struct {
	built  bool
	assets map[string]*asset // by file name under AssetPrefix
	index  []byte
}

func newHandler(dist fs.FS, endpoint string) *handler {
	if endpoint == "" {
		endpoint = "/graphql"
	}
	h := &handler{built: builtFS(dist), assets: map[string]*asset{}}
	h.load(dist)
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	h.load(static)
	if h.built {
		h.index = h.renderIndex(endpoint)
	}
	return h
}

// load adds the top-level files of fsys with a known content type.
func (h *handler) load(fsys fs.FS) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return
	}
	for _, e := range entries {
		ctype, ok := contentTypes[path.Ext(e.Name())]
		if !ok || !e.Type().IsRegular() {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		h.assets[e.Name()] = &asset{
			data:    data,
			ctype:   ctype,
			version: hex.EncodeToString(sum[:6]),
			etag:    `"` + hex.EncodeToString(sum[:16]) + `"`,
		}
	}
}

var indexTemplate = template.Must(template.New("index").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>factgraph explorer</title>
{{range .Styles}}<link rel="stylesheet" href="{{.}}">
{{end -}}
</head>
<body>
<div id="app" data-endpoint="{{.Endpoint}}">Loading the explorer…</div>
<noscript>The explorer needs JavaScript. The GraphQL endpoint is {{.Endpoint}}; the playground is at /.</noscript>
{{range .Scripts}}<script src="{{.}}"></script>
{{end -}}
</body>
</html>
`))

func (h *handler) assetURL(name string) string {
	u := AssetPrefix + name
	if a, ok := h.assets[name]; ok {
		u += "?v=" + a.version
	}
	return u
}

func (h *handler) renderIndex(endpoint string) []byte {
	data := struct {
		Endpoint        string
		Styles, Scripts []string
	}{Endpoint: endpoint}
	for _, name := range pageStyles {
		data.Styles = append(data.Styles, h.assetURL(name))
	}
	for _, name := range pageScripts {
		data.Scripts = append(data.Scripts, h.assetURL(name))
	}
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, data); err != nil {
		panic(err) // the template and its data are fixed
	}
	return buf.Bytes()
}

// csp lets the page load only its own assets and talk only to its own origin.
// Cytoscape sets inline styles on its canvases; exports are blob: downloads
// and data: images.
const csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	p := r.URL.Path
	switch {
	case p == Path || p == strings.TrimSuffix(Path, "/"):
		h.serveIndex(w, r)
	case strings.HasPrefix(p, AssetPrefix):
		h.serveAsset(w, r, strings.TrimPrefix(p, AssetPrefix))
	default:
		http.NotFound(w, r)
	}
}

func (h *handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-cache")
	if !h.built {
		hdr.Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		if r.Method != http.MethodHead {
			w.Write([]byte(NotBuiltMessage))
		}
		return
	}
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Content-Security-Policy", csp)
	hdr.Set("X-Frame-Options", "DENY")
	hdr.Set("Referrer-Policy", "same-origin")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(h.index))
}

func (h *handler) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	a, ok := h.assets[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", a.ctype)
	hdr.Set("Vary", "Accept-Encoding")
	if r.URL.Query().Get("v") == a.version {
		// The page links each asset with its content hash: safe to keep.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	body, etag := a.data, a.etag
	if gz := a.gzipped(); gz != nil && acceptsGzip(r) {
		body = gz
		etag = strings.TrimSuffix(a.etag, `"`) + `-gzip"`
		hdr.Set("Content-Encoding", "gzip")
	}
	hdr.Set("ETag", etag)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			coding = strings.TrimSpace(coding)
			if !strings.EqualFold(coding, "gzip") && coding != "*" {
				continue
			}
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// etagMatches implements If-None-Match's weak comparison.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t != "" && (t == "*" || t == etag) {
			return true
		}
	}
	return false
}
