// Package webassets serves the static files of factgraph's browser pages (the playground
// and the explorer) from memory: each file is linked with a short hash of its content
// (?v=), so such a URL may be kept for a year; an ETag answers revalidation with 304; text
// is sent gzipped when the client accepts it and it is smaller.
package webassets

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ContentTypes are the file types a Set serves, by extension; other files are skipped.
var ContentTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
}

// Set is a set of files served by name.
type Set struct {
	files map[string]*file
}

type file struct {
	data    []byte
	ctype   string
	version string // short content hash, the ?v= of the page's URLs
	etag    string

	gzOnce sync.Once
	gz     []byte // gzip of data; nil when not worth it
}

// New returns an empty set.
func New() *Set { return &Set{files: map[string]*file{}} }

// Load adds the top-level files of fsys with a known content type (a later file of the
// same name replaces an earlier one).
func (s *Set) Load(fsys fs.FS) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return
	}
	for _, e := range entries {
		ctype, ok := ContentTypes[path.Ext(e.Name())]
		if !ok || !e.Type().IsRegular() {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		s.files[e.Name()] = &file{
			data:    data,
			ctype:   ctype,
			version: hex.EncodeToString(sum[:6]),
			etag:    `"` + hex.EncodeToString(sum[:16]) + `"`,
		}
	}
}

// URL is the path of the file name under prefix, with its content hash.
func (s *Set) URL(prefix, name string) string {
	u := prefix + name
	if f, ok := s.files[name]; ok {
		u += "?v=" + f.version
	}
	return u
}

// Serve answers a GET or HEAD for the file name; 404 if the set has none.
func (s *Set) Serve(w http.ResponseWriter, r *http.Request, name string) {
	f, ok := s.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", f.ctype)
	hdr.Set("Vary", "Accept-Encoding")
	if r.URL.Query().Get("v") == f.version {
		// The page links each file with its content hash: safe to keep.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	body, etag := f.data, f.etag
	if gz := f.gzipped(); gz != nil && acceptsGzip(r) {
		body = gz
		etag = strings.TrimSuffix(f.etag, `"`) + `-gzip"`
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

func (f *file) gzipped() []byte {
	f.gzOnce.Do(func() {
		if !strings.HasPrefix(f.ctype, "text/") || len(f.data) < 1024 {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(f.data)
		zw.Close()
		if buf.Len() < len(f.data) {
			f.gz = buf.Bytes()
		}
	})
	return f.gz
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

// Dist is the "dist" folder of an embedded file system (a page's built assets).
func Dist(embedded fs.FS) fs.FS {
	sub, err := fs.Sub(embedded, "dist")
	if err != nil { // cannot happen: "dist" is a valid path
		panic(err)
	}
	return sub
}

// Complete reports whether every one of the named files is in dist, a regular file and
// not empty: whether a page's assets were built.
func Complete(dist fs.FS, names []string) bool {
	for _, name := range names {
		st, err := fs.Stat(dist, name)
		if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
			return false
		}
	}
	return true
}

// ServeIndex answers with a page's HTML (index), not cached, under the page's
// Content-Security-Policy; when its assets were not built, 503 with notBuilt, which says
// how to build them.
func ServeIndex(w http.ResponseWriter, r *http.Request, built bool, notBuilt string, index []byte, csp string) {
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-cache")
	if !built {
		hdr.Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		if r.Method != http.MethodHead {
			w.Write([]byte(notBuilt))
		}
		return
	}
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Content-Security-Policy", csp)
	hdr.Set("X-Frame-Options", "DENY")
	hdr.Set("Referrer-Policy", "same-origin")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(index))
}
