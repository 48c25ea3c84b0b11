//go:build !linux

package heap

// Advise does nothing but on Linux.
func Advise() {}
