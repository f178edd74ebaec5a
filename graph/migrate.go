package graph

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

//go:embed migrations/*.cypher
var migrations embed.FS

// Migrate applies the embedded schema migrations (constraints and indexes) in file order.
// Every statement is idempotent (IF NOT EXISTS), so Migrate can run at every start.
// Errors: EUNAVAILABLE, EINTERNAL.
func (db *DB) Migrate(ctx context.Context) error {
	stmts, err := MigrationStatements()
	if err != nil {
		return err
	}
	for _, stmt := range stmts {
		// Schema statements cannot share a transaction with writes; each runs alone.
		_, err := neo4j.ExecuteQuery(ctx, db.driver, stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(db.cfg.Database), neo4j.ExecuteQueryWithWritersRouting())
		if err != nil {
			return fmt.Errorf("migration %q: %w", stmt, db.translate(err))
		}
	}
	// Wait for the indexes to come online so the first queries use them.
	_, err = neo4j.ExecuteQuery(ctx, db.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.cfg.Database))
	if err != nil {
		return fmt.Errorf("await indexes: %w", db.translate(err))
	}
	return nil
}

// MigrationStatements returns the schema statements of the embedded migrations, in the
// order Migrate applies them (also used by tools that build the same schema elsewhere).
func MigrationStatements() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.cypher")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []string
	for _, name := range names {
		body, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, splitStatements(string(body))...)
	}
	return out, nil
}

// splitStatements splits a migration file on ';' at line ends, dropping // comments.
func splitStatements(s string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		cur.WriteString(t)
		cur.WriteByte(' ')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, strings.TrimSpace(cur.String()))
	}
	return out
}
