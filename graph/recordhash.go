package graph

// RecordHash is the digest Write stores with a record (a node's hash, and the hash of the
// STATES relationships a relation record made): the first 12 bytes of the SHA-256 of the
// record's JSON, in hex. The offline importer (package importer) stores the same values,
// so the two paths build identical graphs and a later load recognises imported records.
func RecordHash(v any) string { return hash(v) }
