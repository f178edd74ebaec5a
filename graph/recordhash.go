package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// RecordHash is the digest Write stores with a record (a node's hash, and the hash of the
// evidence a relation or event record won): the first 12 bytes of the SHA-256 of the
// record's JSON, in hex. The offline importer (package importer) stores the same values,
// so the two paths build identical graphs and a later load recognises imported records.
func RecordHash(v any) string {
	_, h := MarshalHash(v)
	return h
}

// MarshalHash returns the record's JSON and its RecordHash, marshalling it once.
func MarshalHash(v any) ([]byte, string) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("graph: hash: %v", err)) // domain records always marshal
	}
	sum := sha256.Sum256(b)
	return b, hex.EncodeToString(sum[:12])
}
