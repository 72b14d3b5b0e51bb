package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a progress bar on a terminal, or prints a line every few
// seconds when the output is not one.
type progress struct {
	w        io.Writer
	label    string
	total    int
	tty      bool
	start    time.Time
	lastLine time.Time
	last     string
}

func newProgress(w io.Writer, label string, total int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil {
			tty = st.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progress{w: w, label: label, total: total, tty: tty, start: time.Now()}
}

func (p *progress) line(n int, extra string) string {
	if p.total <= 0 { // the total is not known: count only
		return fmt.Sprintf("%-10s %d  %s", p.label, n, time.Since(p.start).Round(time.Second))
	}
	const width = 30
	filled := min(n*width/p.total, width)
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	s := fmt.Sprintf("%-10s [%s] %d/%d  %s", p.label, bar, n, p.total, time.Since(p.start).Round(time.Second))
	if extra != "" {
		s += "  " + extra
	}
	return s
}

// Set shows n of total done.
func (p *progress) Set(n int, extra string) {
	s := p.line(n, extra)
	if s == p.last {
		return
	}
	p.last = s
	if p.tty {
		fmt.Fprintf(p.w, "\r%s\x1b[K", s)
		return
	}
	if time.Since(p.lastLine) >= 2*time.Second || n == p.total {
		fmt.Fprintln(p.w, s)
		p.lastLine = time.Now()
	}
}

// Done ends the bar's line.
func (p *progress) Done() {
	if p.tty && p.last != "" {
		fmt.Fprintln(p.w)
	}
}
