// Package playground serves GraphiQL, the in-browser GraphQL IDE, from assets
// embedded in the binary: no CDN and no network access at run time.
//
// The browser bundles (React 18 and ReactDOM 18 UMD builds, GraphiQL 3's UMD
// bundle and stylesheet) come from the npm packages pinned in
// package-lock.json; build.sh (`make playground`) copies them into dist/,
// which is embedded with //go:embed. Run it before `go build`. A binary built
// without them still compiles: Built reports false and the page answers 503
// with a message saying how to build them.
//
// # Routing
//
// The handler matches the full request path (do not strip a prefix) and
// answers GET and HEAD on:
//
//	/                           the GraphiQL page
//	/playground, /playground/   the same page
//	/playground/assets/<file>   the JS and CSS the page loads (see AssetPrefix)
//
// and 404 on any other path. With net/http's ServeMux, route both of these
// to it:
//
//	h := playground.Handler("factgraph", "/graphql")
//	mux.Handle("GET /{$}", h)         // the page at "/" only
//	mux.Handle("GET /playground/", h) // "/playground/" and the assets
//
// The page runs GraphiQL against endpoint, which should be a path on the same
// origin such as "/graphql" (an absolute http(s) URL also works: its origin is
// added to the page's Content-Security-Policy connect-src). Queries are sent
// as JSON POST requests.
package playground

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/factgraph/factgraph/server/webassets"
)

// AssetPrefix is the path under which the page's scripts and stylesheets are
// served.
const AssetPrefix = "/playground/assets/"

// DefaultQuery is the query shown in the editor on a first visit (GraphiQL
// then keeps the user's own tabs in the browser's local storage).
const DefaultQuery = `# factgraph GraphQL playground.
# Run with the play button or Ctrl-Enter.
{
  entity(id: "country:PRK") {
    id
    name
    kind
  }
}
`

// NotBuiltMessage is the body of the 503 answer given for the page when the
// assets were not built into the binary.
const NotBuiltMessage = "playground assets are not built: run make playground (server/playground/build.sh)\n"

//go:embed all:dist
var distFS embed.FS

// static holds the small, hand-written files of the page (committed).
//
//go:embed static
var staticFS embed.FS

// required are the dist/ files (written by build.sh) the page cannot work
// without.
var required = []string{
	"react.production.min.js",
	"react-dom.production.min.js",
	"graphiql.min.js",
	"graphiql.min.css",
}

// Page assets in load order.
var (
	pageStyles  = []string{"graphiql.min.css", "playground.css"}
	pageScripts = []string{"react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "init.js"}
)

// Built reports whether the GraphiQL assets were built into the binary (that
// is, build.sh had run before it was compiled).
func Built() bool {
	return builtFS(embeddedDist())
}

// Handler returns the handler for the playground page titled title, whose
// GraphiQL sends queries to endpoint (empty means "/graphql"). See the package
// documentation for the paths to route to it.
func Handler(title, endpoint string) http.Handler {
	return newHandler(embeddedDist(), title, endpoint)
}

func embeddedDist() fs.FS { return webassets.Dist(distFS) }

func builtFS(dist fs.FS) bool { return webassets.Complete(dist, required) }

type handler struct {
	built  bool
	assets *webassets.Set // by file name under AssetPrefix
	index  []byte
	csp    string
}

func newHandler(dist fs.FS, title, endpoint string) *handler {
	if title == "" {
		title = "GraphiQL"
	}
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
	h.csp = contentSecurityPolicy(endpoint)
	if h.built {
		h.index = h.renderIndex(title, endpoint)
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
<title>{{.Title}}</title>
{{range .Styles}}<link rel="stylesheet" href="{{.}}">
{{end -}}
</head>
<body>
<div id="graphiql" data-endpoint="{{.Endpoint}}" data-query="{{.Query}}">Loading GraphiQL…</div>
<noscript>This GraphQL playground needs JavaScript. The GraphQL endpoint is {{.Endpoint}}.</noscript>
{{range .Scripts}}<script src="{{.}}"></script>
{{end -}}
</body>
</html>
`))

func (h *handler) assetURL(name string) string { return h.assets.URL(AssetPrefix, name) }

func (h *handler) renderIndex(title, endpoint string) []byte {
	data := struct {
		Title, Endpoint, Query string
		Styles, Scripts        []string
	}{Title: title, Endpoint: endpoint, Query: DefaultQuery}
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

// contentSecurityPolicy allows the page to load only its own assets and to
// talk only to its own origin, plus the endpoint's origin when endpoint is an
// absolute URL. Inline styles are allowed because GraphiQL and CodeMirror set
// them; the stylesheet's fonts are data: URLs.
func contentSecurityPolicy(endpoint string) string {
	connect := "'self'"
	if u, err := url.Parse(endpoint); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		!strings.ContainsAny(u.Host, " ;,'\"") {
		connect += " " + u.Scheme + "://" + u.Host
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self' 'unsafe-inline'",
		"font-src 'self' data:",
		"img-src 'self' data:",
		"connect-src " + connect,
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	}, "; ")
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	p := r.URL.Path
	switch {
	case p == "/" || p == "/playground" || p == "/playground/":
		h.serveIndex(w, r)
	case strings.HasPrefix(p, AssetPrefix):
		h.assets.Serve(w, r, strings.TrimPrefix(p, AssetPrefix))
	default:
		http.NotFound(w, r)
	}
}

func (h *handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	webassets.ServeIndex(w, r, h.built, NotBuiltMessage, h.index, h.csp)
}
