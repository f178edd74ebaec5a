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
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/factgraph/factgraph/server/webassets"
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

func embeddedDist() fs.FS { return webassets.Dist(distFS) }

func builtFS(dist fs.FS) bool { return webassets.Complete(dist, required) }

type handler struct {
	built  bool
	assets *webassets.Set // by file name under AssetPrefix
	index  []byte
}

func newHandler(dist fs.FS, endpoint string) *handler {
	if endpoint == "" {
		endpoint = "/graphql"
	}
	h := &handler{built: builtFS(dist), assets: webassets.New()}
	h.assets.Load(dist)
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	h.assets.Load(static)
	if h.built {
		h.index = h.renderIndex(endpoint)
	}
	return h
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

func (h *handler) assetURL(name string) string { return h.assets.URL(AssetPrefix, name) }

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
		h.assets.Serve(w, r, strings.TrimPrefix(p, AssetPrefix))
	default:
		http.NotFound(w, r)
	}
}

func (h *handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	webassets.ServeIndex(w, r, h.built, NotBuiltMessage, h.index, csp)
}
