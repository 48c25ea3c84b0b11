package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/jixiao-dev/jixiao/render/batch"
)

// progress shows how far a build of several filings has got, on standard
// error: on a terminal one line, redrawn as filings start and end (done/
// total and the file being built); elsewhere (a pipe, a log file) one line
// per filing as it ends. A build of one filing shows none.
type progress struct {
	c        *cli
	total    int
	done     int
	terminal bool
	shown    int // width of the line on the terminal, 0 when none is shown
}

func (c *cli) newProgress(total int) *progress {
	return &progress{c: c, total: total, terminal: isTerminal(c.stderr)}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) started(j batch.Job) {
	if p.total > 1 && p.terminal {
		p.draw(p.c.p.Sprintf("[%d/%d] building %s", p.done, p.total, j.Input))
	}
}

func (p *progress) ended(r batch.Result, ended int) {
	p.done = ended
	if p.total <= 1 {
		return
	}
	status := p.c.p.Sprintf("built")
	if r.Err != nil {
		status = p.c.p.Sprintf("failed")
	}
	line := fmt.Sprintf("[%d/%d] %s: %s", ended, p.total, r.Input, status)
	if p.terminal {
		p.draw(line)
	} else {
		fmt.Fprintln(p.c.stderr, line)
	}
}

// draw replaces the terminal's progress line with line.
func (p *progress) draw(line string) {
	w := uniseg.StringWidth(line)
	fmt.Fprint(p.c.stderr, "\r"+line+strings.Repeat(" ", max(0, p.shown-w)))
	p.shown = w
}

// clear removes the progress line, so that messages start on a clean line.
func (p *progress) clear() {
	if p.shown > 0 {
		fmt.Fprint(p.c.stderr, "\r"+strings.Repeat(" ", p.shown)+"\r")
		p.shown = 0
	}
}
