package explorer

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
)

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

var (
	scriptSrcRE   = regexp.MustCompile(`<script[^>]*\ssrc="([^"]+)"`)
	styleHrefRE   = regexp.MustCompile(`<link[^>]*rel="stylesheet"[^>]*\shref="([^"]+)"`)
	externalURLRE = regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.\-\[\]:]+`)
)

// The embedded page and every asset it links, as make test builds them.
func TestPageAndAssets(t *testing.T) {
	if !Built() {
		t.Fatal("explorer assets are not embedded: run make explorer (server/explorer/build.sh) before go test; make test does")
	}
	h := Handler("")
	for _, p := range []string{"/explore/", "/explore"} {
		rec := get(t, h, http.MethodGet, p, nil)
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s = %d %q: %s", p, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
		}
	}
	rec := get(t, h, http.MethodGet, "/explore/", nil)
	page := rec.Body.String()
	if !strings.Contains(page, `data-endpoint="/graphql"`) {
		t.Errorf("page lacks the endpoint:\n%s", page)
	}
	if m := externalURLRE.FindAllString(page, -1); len(m) > 0 {
		t.Errorf("page refers to other hosts: %q", m)
	}
	csp := rec.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self';", "connect-src 'self';"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	var links []string
	for _, m := range scriptSrcRE.FindAllStringSubmatch(page, -1) {
		links = append(links, m[1])
	}
	for _, m := range styleHrefRE.FindAllStringSubmatch(page, -1) {
		links = append(links, m[1])
	}
	if len(links) != len(pageScripts)+len(pageStyles) {
		t.Fatalf("page links %q, want %d scripts and %d stylesheets", links, len(pageScripts), len(pageStyles))
	}
	for i, name := range pageScripts {
		if !strings.Contains(links[i], "/"+name+"?v=") {
			t.Errorf("script %d is %s, want %s (the layout's bundles find their dependencies as globals: order matters)", i, links[i], name)
		}
	}
	for _, l := range links {
		if !strings.HasPrefix(l, AssetPrefix) {
			t.Errorf("asset %s not under %s", l, AssetPrefix)
			continue
		}
		a := get(t, h, http.MethodGet, l, nil)
		if a.Code != http.StatusOK || a.Body.Len() == 0 {
			t.Errorf("GET %s = %d (%d bytes)", l, a.Code, a.Body.Len())
		}
		if cc := a.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("GET %s Cache-Control %q, want immutable (the URL carries the content hash)", l, cc)
		}
		// The same bytes gzipped, and 304 for the ETag.
		gz := get(t, h, http.MethodGet, l, map[string]string{"Accept-Encoding": "gzip"})
		if gz.Header().Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(gz.Body)
			if err != nil {
				t.Fatal(err)
			}
			plain, _ := io.ReadAll(zr)
			if !bytes.Equal(plain, a.Body.Bytes()) {
				t.Errorf("GET %s gzipped differs from plain", l)
			}
		}
		if nm := get(t, h, http.MethodGet, l, map[string]string{"If-None-Match": a.Header().Get("ETag")}); nm.Code != http.StatusNotModified {
			t.Errorf("GET %s with its ETag = %d, want 304", l, nm.Code)
		}
	}
	// The licences of the bundled libraries are served too.
	if rec := get(t, h, http.MethodGet, AssetPrefix+"LICENSE-cytoscape.txt", nil); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "MIT") {
		t.Errorf("cytoscape licence: %d", rec.Code)
	}
}

func TestMethodsAndUnknownPaths(t *testing.T) {
	h := Handler("/graphql")
	if rec := get(t, h, http.MethodPost, "/explore/", nil); rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /explore/ = %d Allow %q, want 405 GET, HEAD", rec.Code, rec.Header().Get("Allow"))
	}
	if rec := get(t, h, http.MethodHead, "/explore/", nil); rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD /explore/ = %d with %d bytes", rec.Code, rec.Body.Len())
	}
	for _, p := range []string{"/explore/nope", AssetPrefix + "nope.js", AssetPrefix + "../explorer.go", "/"} {
		if rec := get(t, h, http.MethodGet, p, nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, rec.Code)
		}
	}
}

// Without the npm assets the page says how to build them, and never half-works.
func TestNotBuilt(t *testing.T) {
	h := newHandler(fstest.MapFS{"README.md": {Data: []byte("x")}}, "")
	rec := get(t, h, http.MethodGet, "/explore/", nil)
	if rec.Code != http.StatusServiceUnavailable || rec.Body.String() != NotBuiltMessage {
		t.Errorf("not built: GET /explore/ = %d %q, want 503 %q", rec.Code, rec.Body, NotBuiltMessage)
	}
	// The hand-written code is still served (it is committed, not built).
	if rec := get(t, h, http.MethodGet, AssetPrefix+"explore.js", nil); rec.Code != http.StatusOK {
		t.Errorf("GET explore.js = %d", rec.Code)
	}
	if builtFS(fstest.MapFS{"cytoscape.min.js": {Data: []byte("x")}}) {
		t.Error("builtFS with one of four files = true")
	}
}
