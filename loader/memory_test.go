package loader

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"testing"

	"github.com/factgraph/factgraph/bench/synth"
)

// BenchmarkScanMemory measures what the validation pass keeps for a whole file: the
// memory that grows with the file's distinct entities and articles (and the references to
// them), not with its records (go test -run XXX -bench ScanMemory ./loader). Reported per
// distinct entity-or-article and in MB for each size.
func BenchmarkScanMemory(b *testing.B) {
	for _, facts := range []int{100000, 1000000} {
		var data bytes.Buffer
		st, err := synth.Generate(&data, synth.Options{Facts: facts, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(itoa(facts), func(b *testing.B) {
			l := &Loader{}
			for i := 0; i < b.N; i++ {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				sc, err := l.scan(context.Background(), "f", FormatNDJSON, int64(data.Len()),
					func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data.Bytes())), nil })
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				kept := float64(after.HeapAlloc) - float64(before.HeapAlloc)
				b.ReportMetric(kept/float64(st.Entities+st.Articles), "B/declared")
				b.ReportMetric(kept/1e6, "MB")
				runtime.KeepAlive(sc)
			}
		})
	}
}

func itoa(n int) string {
	switch n {
	case 100000:
		return "100k"
	case 1000000:
		return "1M"
	}
	return "n"
}
