package playground_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgraph/factgraph/server/playground"
)

func get(t *testing.T, h http.Handler, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

var (
	scriptSrcRE = regexp.MustCompile(`<script[^>]*\ssrc="([^"]+)"`)
	styleHrefRE = regexp.MustCompile(`<link[^>]*rel="stylesheet"[^>]*\shref="([^"]+)"`)
	// Any absolute or scheme-relative URL.
	externalURLRE = regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.\-\[\]:]+`)
)

func embeddedHandler(t *testing.T) http.Handler {
	t.Helper()
	if !playground.Built() {
		t.Fatal("playground assets are not embedded: run make playground (server/playground/build.sh) before go test; make test does")
	}
	return playground.Handler("factgraph playground", "/graphql")
}

func TestIndexAndAssets(t *testing.T) {
	h := embeddedHandler(t)

	rec := get(t, h, "/", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET / = %d, want 200: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET / Content-Type = %q, want text/html", ct)
	}
	page := rec.Body.String()
	if !strings.Contains(page, `data-endpoint="/graphql"`) {
		t.Errorf("index does not carry the endpoint /graphql:\n%s", page)
	}
	if !strings.Contains(page, "<title>factgraph playground</title>") {
		t.Errorf("index lacks the title:\n%s", page)
	}
	if !strings.Contains(page, "country:PRK") {
		t.Errorf("index lacks the default query")
	}
	if m := externalURLRE.FindAllString(page, -1); len(m) > 0 {
		t.Errorf("index refers to other hosts: %q", m)
	}

	csp := rec.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self';", "connect-src 'self';"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if m := externalURLRE.FindAllString(csp, -1); len(m) > 0 {
		t.Errorf("Content-Security-Policy allows other hosts: %q", m)
	}

	scripts := scriptSrcRE.FindAllStringSubmatch(page, -1)
	styles := styleHrefRE.FindAllStringSubmatch(page, -1)
	if len(scripts) < 4 {
		t.Fatalf("index has %d script tags, want >= 4 (react, react-dom, graphiql, init):\n%s", len(scripts), page)
	}
	if len(styles) < 1 {
		t.Fatalf("index has no stylesheet:\n%s", page)
	}
	if strings.Contains(page, "<script>") {
		t.Errorf("index has an inline script (CSP script-src 'self' forbids it)")
	}
	check := func(src, wantType string) []byte {
		t.Helper()
		if !strings.HasPrefix(src, playground.AssetPrefix) {
			t.Errorf("asset %q not under %s", src, playground.AssetPrefix)
		}
		rec := get(t, h, src, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d, want 200", src, rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, wantType) {
			t.Errorf("GET %s Content-Type = %q, want %s", src, ct, wantType)
		}
		if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
			t.Errorf("GET %s Cache-Control = %q, want a long max-age for a versioned URL", src, cc)
		}
		if rec.Body.Len() == 0 {
			t.Errorf("GET %s: empty body", src)
		}
		return rec.Body.Bytes()
	}
	var sawGraphiQL bool
	for _, m := range scripts {
		body := check(m[1], "text/javascript")
		if strings.Contains(m[1], "graphiql") && bytes.Contains(body, []byte("GraphiQL")) {
			sawGraphiQL = true
		}
	}
	if !sawGraphiQL {
		t.Errorf("no script of the page is the GraphiQL bundle")
	}
	for _, m := range styles {
		check(m[1], "text/css")
	}

	// The same page under /playground/.
	if rec := get(t, h, "/playground/", nil); rec.Code != http.StatusOK || rec.Body.String() != page {
		t.Errorf("GET /playground/ = %d, want 200 and the same page", rec.Code)
	}
}

func TestAssetCachingAndGzip(t *testing.T) {
	h := embeddedHandler(t)
	const js = playground.AssetPrefix + "graphiql.min.js"

	plain := get(t, h, js, nil)
	if plain.Code != http.StatusOK {
		t.Fatalf("GET %s = %d", js, plain.Code)
	}
	if cc := plain.Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("unversioned Cache-Control = %q, want no-cache", cc)
	}
	etag := plain.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if rec := get(t, h, js, map[string]string{"If-None-Match": etag}); rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: got %d, want 304", rec.Code)
	}

	gz := get(t, h, js, map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	if gz.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Accept-Encoding gzip: Content-Encoding = %q", gz.Header().Get("Content-Encoding"))
	}
	if gz.Header().Get("ETag") == etag {
		t.Errorf("gzip and identity share the ETag %s", etag)
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	unz, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(unz, plain.Body.Bytes()) {
		t.Error("gzip body does not decompress to the asset")
	}
	if gz.Body.Len() >= plain.Body.Len() {
		t.Errorf("gzip body (%d) not smaller than plain (%d)", gz.Body.Len(), plain.Body.Len())
	}
	if rec := get(t, h, js, map[string]string{"Accept-Encoding": "gzip;q=0"}); rec.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}
}

func TestRouting(t *testing.T) {
	h := playground.NewHandlerFS(fakeDist(), "t", "/graphql")
	for _, p := range []string{"/nope", playground.AssetPrefix + "nope.js", playground.AssetPrefix + "README.md", "/playground/other"} {
		if rec := get(t, h, p, nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, rec.Code)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST / = %d Allow %q, want 405 GET, HEAD", rec.Code, rec.Header().Get("Allow"))
	}
	req = httptest.NewRequest(http.MethodHead, "/", nil)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD / = %d with %d body bytes, want 200 and none", rec.Code, rec.Body.Len())
	}
	// Through a ServeMux routed as the package documentation says.
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", h)
	mux.Handle("GET /playground/", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, p := range []string{"/", "/playground", "/playground/", playground.AssetPrefix + "init.js", playground.AssetPrefix + "graphiql.min.css"} {
		res, err := srv.Client().Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("mux GET %s = %d, want 200", p, res.StatusCode)
		}
	}
}

func fakeDist() fstest.MapFS {
	return fstest.MapFS{
		"README.md":                   {Data: []byte("built by build.sh; do not edit\n")},
		"react.production.min.js":     {Data: []byte("window.React={};")},
		"react-dom.production.min.js": {Data: []byte("window.ReactDOM={};")},
		"graphiql.min.js":             {Data: []byte("window.GraphiQL=function(){};")},
		"graphiql.min.css":            {Data: []byte(".graphiql-container{}")},
	}
}

func TestNotBuilt(t *testing.T) {
	dist := fstest.MapFS{"README.md": {Data: []byte("built by build.sh; do not edit\n")}}
	if playground.BuiltFS(dist) {
		t.Fatal("BuiltFS(README only) = true")
	}
	h := playground.NewHandlerFS(dist, "t", "/graphql")
	for _, p := range []string{"/", "/playground/"} {
		rec := get(t, h, p, nil)
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("GET %s = %d, want 503", p, rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("GET %s Content-Type = %q, want text/plain", p, ct)
		}
		if got := strings.TrimSpace(rec.Body.String()); got != "playground assets are not built: run make playground (server/playground/build.sh)" {
			t.Errorf("GET %s body = %q", p, got)
		}
	}
	if rec := get(t, h, playground.AssetPrefix+"graphiql.min.js", nil); rec.Code != http.StatusNotFound {
		t.Errorf("missing asset = %d, want 404", rec.Code)
	}
	if !playground.BuiltFS(fakeDist()) {
		t.Error("BuiltFS(all assets) = false")
	}
}

func TestEscaping(t *testing.T) {
	title := `</title><script>alert("t")</script>`
	endpoint := `/graphql?a=1&b="><script>alert(1)</script>`
	h := playground.NewHandlerFS(fakeDist(), title, endpoint)
	rec := get(t, h, "/", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET / = %d", rec.Code)
	}
	page := rec.Body.String()
	if strings.Contains(page, "<script>alert") || strings.Contains(page, `"><script>`) {
		t.Errorf("title or endpoint not escaped:\n%s", page)
	}
	if !strings.Contains(page, "&lt;/title&gt;&lt;script&gt;") {
		t.Errorf("escaped title missing:\n%s", page)
	}
	if !strings.Contains(page, `data-endpoint="/graphql?a=1&amp;b=&#34;&gt;&lt;script&gt;`) {
		t.Errorf("escaped endpoint missing:\n%s", page)
	}
}

func TestAbsoluteEndpointCSP(t *testing.T) {
	h := playground.NewHandlerFS(fakeDist(), "t", "https://api.example.test:8443/graphql")
	csp := get(t, h, "/", nil).Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "connect-src 'self' https://api.example.test:8443;") {
		t.Errorf("CSP %q does not allow the endpoint's origin", csp)
	}
	// Defaults.
	page := get(t, playground.NewHandlerFS(fakeDist(), "", ""), "/", nil).Body.String()
	if !strings.Contains(page, `data-endpoint="/graphql"`) || !strings.Contains(page, "<title>GraphiQL</title>") {
		t.Errorf("defaults not applied:\n%s", page)
	}
}
