package playground

import (
	"io/fs"
	"net/http"
)

// NewHandlerFS is Handler over dist assets read from fsys instead of the
// embedded dist/ (for tests of the built and not-built cases).
func NewHandlerFS(fsys fs.FS, title, endpoint string) http.Handler {
	return newHandler(fsys, title, endpoint)
}

// BuiltFS is Built for dist assets read from fsys.
func BuiltFS(fsys fs.FS) bool { return builtFS(fsys) }
