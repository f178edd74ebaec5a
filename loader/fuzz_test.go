package loader_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/loader"
)

// Fuzz targets for the three formats (go test -fuzz FuzzParseJSON ./loader, and NDJSON,
// CSV). Each input must parse in under a second of CPU time (the thread's, so that a
// machine busy with other work does not count) without a panic; every problem names the
// file and a position; a file that parses is re-encoded as NDJSON and must parse again to
// the same records (what is accepted is stable).

func addSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// threadCPU is the CPU time of the calling OS thread.
func threadCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fuzzParse(t *testing.T, format string, data []byte) {
	runtime.LockOSThread() // Parse runs on this goroutine: its CPU time is this thread's
	defer runtime.UnlockOSThread()
	cpu, start := threadCPU(t), time.Now()
	fs, err := loader.Parse("f", format, bytes.NewReader(data))
	if d := threadCPU(t) - cpu; d > time.Second {
		t.Fatalf("parse took %v of CPU (%v in all) on %d bytes", d, time.Since(start), len(data))
	}
	if err != nil {
		var ve *loader.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("error is not a ValidationError: %T %v", err, err)
		}
		if ve.Total < len(ve.Problems) || len(ve.Problems) == 0 || len(ve.Problems) > loader.MaxProblems {
			t.Fatalf("problems %d of %d", len(ve.Problems), ve.Total)
		}
		for _, p := range ve.Problems {
			if p.File != "f" || p.Line < 0 || p.Column < 0 || p.Message == "" {
				t.Fatalf("problem without a place or a message: %+v", p)
			}
			_ = p.String()
		}
		if factgraph.ErrorCode(err) != factgraph.EINVALID {
			t.Fatalf("code %q", factgraph.ErrorCode(err))
		}
		return
	}
	// Accepted: the records re-encoded as NDJSON parse again to the same records.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, a := range fs.Articles {
		_ = enc.Encode(map[string]any{"article": a})
	}
	for _, e := range fs.Entities {
		_ = enc.Encode(map[string]any{"entity": e})
	}
	for _, r := range fs.Relations {
		_ = enc.Encode(map[string]any{"relation": r})
	}
	for _, e := range fs.Events {
		_ = enc.Encode(map[string]any{"event": e})
	}
	again, err := loader.Parse("again", loader.FormatNDJSON, &b)
	if err != nil {
		t.Fatalf("accepted records do not parse again: %v", err)
	}
	if !reflect.DeepEqual(normal(fs), normal(again)) {
		t.Fatalf("records changed on a round trip:\n%+v\n%+v", fs, again)
	}
}

// normal clears what a round trip may legitimately change: nil and empty lists.
func normal(fs *factgraph.FactSet) string {
	b, _ := json.Marshal(fs)
	return string(b)
}

func FuzzParseJSON(f *testing.F) {
	addSeeds(f, filepath.Join("..", "data", "sample.json"), filepath.Join("testdata", "malformed", "*.json"))
	f.Add([]byte(`{"entities": [{"id": "a", "kind": "Country", "name": "A", "aliases": ["B", 1]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, loader.FormatJSON, data) })
}

func FuzzParseNDJSON(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "valid", "*.ndjson"))
	f.Add([]byte(`{"relation": {"type": "SUPPLIES", "from": "a", "to": "b", "evidence": [{"article": "x", "quote": "q", "start": "1"}]}}` + "\n"))
	f.Add([]byte("{\"entity\": {\"id\": \"a\", \"kind\": \"Country\", \"name\": \"A\\u0000\"}}\n\"s\"\n{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, loader.FormatNDJSON, data) })
}

func FuzzParseCSV(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "csv", "*.csv"))
	f.Add([]byte("type,from,to,article,quote,quantity,unit\nSUPPLIES,a,b,x,\"q\"\"\",-1,troops\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, loader.FormatCSV, data) })
}
