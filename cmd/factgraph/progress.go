package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/factgraph/factgraph/loader"
)

// progress shows a load's progress: a bar redrawn in place on a terminal (with rate and
// ETA), plain lines every few seconds otherwise.
type progress struct {
	w       io.Writer
	mode    string // bar, log, none
	start   time.Time
	phase   string
	lastLog time.Time
	drawn   bool
}

func newProgress(mode string, w io.Writer) (*progress, error) {
	switch mode {
	case "auto":
		mode = "log"
		if isTerminal(w) {
			mode = "bar"
		}
	case "bar", "log", "none":
	default:
		return nil, usageError{fmt.Sprintf("--progress %q: want auto, bar, log or none", mode)}
	}
	return &progress{w: w, mode: mode}, nil
}

func (p *progress) update(u loader.Progress) {
	if p.mode == "none" {
		return
	}
	now := time.Now()
	if u.Phase != p.phase {
		p.finish()
		p.phase, p.start = u.Phase, now
	}
	elapsed := now.Sub(p.start).Seconds()
	frac := 0.0
	if u.Total > 0 {
		frac = float64(u.Done) / float64(u.Total)
	}
	var rate, eta string
	if u.Phase == "write" || u.Phase == "group" {
		r := float64(u.Done) / max(elapsed, 1e-3)
		rate = fmt.Sprintf("%.0f records/s", r)
		if r > 0 && u.Done < u.Total {
			eta = "ETA " + (time.Duration(float64(u.Total-u.Done)/r) * time.Second).Round(time.Second).String()
		}
	} else {
		rate = fmt.Sprintf("%.1f MB/s", float64(u.Done)/1e6/max(elapsed, 1e-3))
	}
	switch p.mode {
	case "bar":
		const width = 30
		n := int(frac * width)
		fmt.Fprintf(p.w, "\r%-8s %s [%s%s] %5.1f%% %s %s   ", u.Phase, u.File,
			strings.Repeat("=", n), strings.Repeat(" ", width-n), 100*frac, rate, eta)
		p.drawn = true
	case "log":
		if now.Sub(p.lastLog) >= 2*time.Second || u.Done == u.Total {
			fmt.Fprintf(p.w, "factgraph: %s %s: %d/%d (%.1f%%) %s %s\n", u.Phase, u.File, u.Done, u.Total, 100*frac, rate, eta)
			p.lastLog = now
		}
	}
}

// finish ends a bar's line.
func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
	p.phase = ""
}
