package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/factgraph/factgraph/server"
)

// graphql-http's audit suite, the GraphQL-over-HTTP spec's checks, passes in full
// against the real server over the test Neo4j: every audit ok, warnings included.
// `make test` installs the pinned suite (server/audit/install.sh).
func TestGraphQLHTTPAudit(t *testing.T) {
	dir := filepath.Join("audit")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http")); err != nil {
		t.Fatalf("the audit suite is not installed: run make test or bash server/audit/install.sh (%v)", err)
	}
	f := newFixture(t, server.DefaultConfig)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "audit.mjs", f.URL+"/graphql")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node audit.mjs: %v\n%s", err, stderr.String())
	}
	var ok, total int
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r struct{ ID, Name, Status, Reason, Response string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("audit output %q: %v", sc.Text(), err)
		}
		total++
		if r.Status == "ok" {
			ok++
			continue
		}
		t.Errorf("%s %s: %s (%s)\n  response: %s", r.Status, r.ID, r.Name, r.Reason, r.Response)
	}
	t.Logf("graphql-http audit: %d/%d ok", ok, total)
	if total < 61 {
		t.Errorf("the suite ran %d audits, want at least 61", total)
	}
}
