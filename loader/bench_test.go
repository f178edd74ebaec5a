package loader_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/bench/synth"
	"github.com/factgraph/factgraph/loader"
)

// BenchmarkParseNDJSON measures decoding and validation alone (no database): the part of
// a load that runs in the loader's own process.
func BenchmarkParseNDJSON(b *testing.B) {
	var data bytes.Buffer
	st, err := synth.Generate(&data, synth.Options{Facts: 20000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(b.TempDir(), "f.ndjson")
	if err := os.WriteFile(file, data.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(data.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := loader.Parse("f.ndjson", loader.FormatNDJSON, bytes.NewReader(data.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Total()*b.N)/b.Elapsed().Seconds(), "records/s")
}
