package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/server"
	"github.com/factgraph/factgraph/server/explorer"
)

// The explorer is routed: /explore redirects to /explore/, which serves the page, and
// its assets load; the page talks to the same server's /graphql.
func TestExplorerRoute(t *testing.T) {
	if !explorer.Built() {
		t.Fatal("explorer assets are not embedded: run make explorer (server/explorer/build.sh); make test does")
	}
	f := newFixture(t, server.DefaultConfig)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(f.URL + "/explore")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 3 || resp.Header.Get("Location") != "/explore/" {
		t.Errorf("GET /explore = %d Location %q, want a redirect to /explore/", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, err = http.Get(f.URL + "/explore/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `data-endpoint="/graphql"`) {
		t.Fatalf("GET /explore/ = %d:\n%s", resp.StatusCode, page)
	}
	resp, err = http.Get(f.URL + explorer.AssetPrefix + "explore.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("GET %sexplore.js = %d %q", explorer.AssetPrefix, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
