// Package heap asks Linux to back the Go heap with transparent huge pages
// where the system leaves that to each program (the "madvise" setting, the
// default of most distributions).
//
// A run of jixiao lasts tens of milliseconds and writes a few megabytes of
// fresh heap. Each 4 KB page of it costs the system a page fault on first
// touch: about 15 µs on a virtual machine, where such faults were a third
// of the sample report's CPU time. A 2 MB huge page costs one fault. The
// package advises the heap during package initialisation, and Advise does
// it again for heap the runtime has mapped since. Each 2 MB of heap the
// program has begun to use is made one huge page there and then
// (MADV_COLLAPSE), so that the rest of it costs no faults either.
//
// On other systems, on kernels without these calls (before Linux 6.1 for
// the collapse) or with pages other than 4 KB, and with GODEBUG=disablethp=1
// (the Go runtime's own switch for huge pages), the heap keeps its small
// pages.
package heap
