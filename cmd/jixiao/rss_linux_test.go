package main

import (
	"os"
	"syscall"
)

// peakRSS is the most memory a finished process held, in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10 // Linux counts it in KiB
	}
	return 0
}
