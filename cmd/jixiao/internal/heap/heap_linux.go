package heap

import (
	"os"
	"syscall"
	"unsafe"
)

// probe is a heap object: the heap is where it lies. It is made in init,
// where the compiler cannot place it among the program's static data as it
// may for a package-level initialiser.
var probe *[64]byte

// enabled is false with GODEBUG=disablethp=1, and on systems whose pages
// are not 4 KB (some arm64 kernels use 64 KB pages and 512 MB huge pages).
var enabled = !thpDisabled(os.Getenv("GODEBUG")) && os.Getpagesize() == 4096

func init() {
	probe = new([64]byte)
	Advise()
}

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which package syscall lacks.
const madvCollapse = 25

// Advise asks for huge pages for the heap the runtime has mapped so far,
// and makes each 2 MB of it that is in use, but not all touched, one huge
// page. Errors only leave the heap in small pages.
func Advise() {
	if !enabled {
		return
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	for _, m := range heapMappings(parseMaps(string(maps)), uintptr(unsafe.Pointer(probe))) {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, m.lo, m.hi-m.lo, syscall.MADV_HUGEPAGE)
		collapseUsed(m)
	}
}

// collapseUsed makes each 2 MB of m that has pages in use, but not all of
// them, one huge page. Untouched 2 MB are left to take a huge page when
// first touched.
func collapseUsed(m mapping) {
	for r := (m.lo + hugePage - 1) &^ (hugePage - 1); r+hugePage <= m.hi; r += hugePage {
		if n, err := residentPages(r); err == nil && n > 0 && n < hugePage/4096 {
			_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, r, hugePage, madvCollapse)
		}
	}
}

// residentPages counts the pages of the 2 MB from r that are in memory.
func residentPages(r uintptr) (int, error) {
	var resident [hugePage / 4096]byte // one byte a page, from mincore
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, r, hugePage, uintptr(unsafe.Pointer(&resident[0]))); e != 0 {
		return 0, e
	}
	n := 0
	for _, b := range resident {
		n += int(b & 1)
	}
	return n, nil
}
