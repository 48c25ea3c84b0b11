//go:build !unix

package safefile

import "os"

// alive reports whether a process numbered pid runs; on Windows finding
// it opens it, which fails when there is none.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
