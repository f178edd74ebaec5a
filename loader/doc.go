// Package loader reads fact files, validates every record with its file:line position,
// checks that references resolve, and writes the facts through factgraph.Writer. A file
// with any invalid record writes nothing.
package loader
