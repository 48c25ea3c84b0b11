//go:build !linux

package main

import "os"

// peakRSS is not measured on other systems.
func peakRSS(*os.ProcessState) int64 { return 0 }
