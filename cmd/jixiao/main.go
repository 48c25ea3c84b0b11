// Command jixiao turns a department's budget-performance filing (TOML) into
// the formal report 部门整体绩效目标 / 预算项目绩效目标 as PDF and DOCX, and
// checks filings against the budget rules.
//
// Usage:
//
//	jixiao build [-o DIR|-] [--format pdf,docx] FILE.toml...
//	jixiao check FILE.toml...
//	jixiao templates
//	jixiao new --template NAME [--year Y]
//
// Exit codes: 0 success (warnings allowed), 1 the filing has errors,
// 2 usage or I/O problem.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target for a run: a run lives for
// tens of milliseconds and allocates a few times its live memory, so
// collecting at half the default frequency saves about a tenth of its time
// (measured: sample 45 → 41 ms, 100 projects 137 → 126 ms) for a few more
// megabytes. The GOGC environment variable still wins.
const gcPercent = 200

// A run's memory grows with its filing: the document model, the layout and
// the DOCX's XML are each a few times the input. With the collector at
// gcPercent, a 4.6 MB filing (2,500 projects) peaked at 300 MB (66 times the
// input) for a PDF and 350 MB for a DOCX. For a large filing the collector
// is therefore given a soft limit of memBase plus memPerByte per byte of
// input (limitMemory), which keeps the peak under 60 times the input at a
// cost in time only for such filings; GOMEMLIMIT still wins.
const (
	memBase    = 32 << 20
	memPerByte = 28
)

// memLimit is the limit limitMemory set, 0 before.
var memLimit int64

// limitMemory sets the collector's soft memory limit for a filing of
// size bytes, unless GOMEMLIMIT is set or a larger filing set it before.
func limitMemory(size int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if limit := memBase + memPerByte*int64(size); limit > memLimit {
		memLimit = limit
		debug.SetMemoryLimit(limit)
	}
}

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
