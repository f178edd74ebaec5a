// Package graph is factgraph's Neo4j adapter: one driver per process, schema migrations,
// batched UNWIND writes and traversals. It is the only package that speaks Cypher; it
// translates driver errors into factgraph's coded errors.
package graph
