package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every flag of factgraph import -h is documented in docs/import.md.
func TestImportHelpAgreesWithDocs(t *testing.T) {
	var out, errb bytes.Buffer
	_ = run(context.Background(), []string{"factgraph", "import", "-h"}, func(string) string { return "" }, nil, &out, &errb)
	help := out.String() + errb.String()
	docs, err := os.ReadFile(filepath.Join("..", "..", "docs", "import.md"))
	if err != nil {
		t.Fatal(err)
	}
	flags := regexp.MustCompile(`(?m)^  -([a-z0-9-]+)`).FindAllStringSubmatch(help, -1)
	if len(flags) < 10 {
		t.Fatalf("import -h lists %d flags:\n%s", len(flags), help)
	}
	for _, f := range flags {
		name := f[1]
		if strings.HasPrefix(name, "neo4j-") && name != "neo4j-home" && name != "neo4j-lib" &&
			name != "neo4j-database" && name != "neo4j-password" {
			continue // the connection flags shared with load and migrate (used by --finish)
		}
		if !strings.Contains(string(docs), "--"+name) {
			t.Errorf("docs/import.md does not document --%s", name)
		}
	}
}

// Invalid input exits 2 with file:line, and imports nothing; Neo4j missing on disk exits 3.
func TestImportExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ndjson")
	if err := os.WriteFile(bad, []byte(`{"entity":{"id":"x:1","kind":"Country","name":""}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	home := filepath.Join(dir, "home")
	err := run(context.Background(), []string{"factgraph", "import", "--progress", "none", "--neo4j-home", home, bad}, testEnv(t), nil, &out, &errb)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "bad.ndjson:1:") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Errorf("invalid file: exit %d, err %v", exitCode(err), err)
	}
	err = run(context.Background(), []string{"factgraph", "import", "--progress", "none", "--neo4j-home", home,
		"--neo4j-lib", filepath.Join(dir, "none"), filepath.Join("..", "..", "data", "sample.json")}, testEnv(t), nil, &out, &errb)
	if exitCode(err) != 3 || !strings.Contains(err.Error(), "no Neo4j jars") {
		t.Errorf("no jars: exit %d, err %v", exitCode(err), err)
	}
	err = run(context.Background(), []string{"factgraph", "import", "--csv-only", bad}, testEnv(t), nil, &out, &errb)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "--csv") {
		t.Errorf("--csv-only without --csv: exit %d, err %v", exitCode(err), err)
	}
}
