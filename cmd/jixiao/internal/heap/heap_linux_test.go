package heap

import (
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestAdviseMarksHeap checks, on a system that gives huge pages only to
// the memory asking for them, that the heap asked: the kernel then reports
// the probe's mapping eligible for them.
func TestAdviseMarksHeap(t *testing.T) {
	setting, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(setting), "[madvise]") {
		t.Skipf("transparent huge pages are not left to programs here (%q, %v)", setting, err)
	}
	if !enabled {
		t.Skip("GODEBUG=disablethp=1, or pages other than 4 KB")
	}
	Advise()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	p := uintptr(unsafe.Pointer(probe))
	var in bool
	for line := range strings.SplitSeq(string(smaps), "\n") {
		if m, ok := parseMapping(line); ok {
			in = m.lo <= p && p < m.hi
			continue
		}
		if in && strings.HasPrefix(line, "THPeligible:") {
			if f := strings.Fields(line); f[len(f)-1] != "1" {
				t.Fatalf("the heap mapping holding %#x is not eligible for huge pages: %q", p, line)
			}
			return
		}
	}
	t.Fatalf("no THPeligible line for the mapping holding %#x", p)
}

// TestProbeOnHeap: the probe lies in the heap the runtime maps, not among
// the program's static variables, and the heap found holds it.
func TestProbeOnHeap(t *testing.T) {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	p, static := uintptr(unsafe.Pointer(probe)), uintptr(unsafe.Pointer(&enabled))
	heap := heapMappings(parseMaps(string(maps)), p)
	holds := func(a uintptr) bool {
		return slices.ContainsFunc(heap, func(m mapping) bool { return m.lo <= a && a < m.hi })
	}
	if !holds(p) {
		t.Errorf("the heap found, %+v, does not hold the probe at %#x", heap, p)
	}
	if holds(static) {
		t.Errorf("the heap found, %+v, holds the static variable at %#x", heap, static)
	}
}

// TestCollapseUsed: of two 2 MB ranges of fresh memory, the one with
// pages in use becomes one huge page, all of it resident, and keeps its
// content; the untouched one is left alone.
func TestCollapseUsed(t *testing.T) {
	mem, err := syscall.Mmap(-1, 0, 4*hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	base := uintptr(unsafe.Pointer(&mem[0]))
	lo := (base + hugePage - 1) &^ (hugePage - 1) // three whole 2 MB ranges from here
	off := int(lo - base)
	// Whether this kernel collapses at all, tried on the third range.
	mem[off+2*hugePage] = 1
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, lo+2*hugePage, hugePage, madvCollapse); e != 0 {
		t.Skipf("MADV_COLLAPSE: %v", e)
	}
	for p := range 20 {
		mem[off+p*4096] = byte(p + 1) // first range: 20 pages in use
	}
	collapseUsed(mapping{lo: lo, hi: lo + 2*hugePage, anon: true})
	for i, want := range []int{512, 0} {
		n, err := residentPages(lo + uintptr(i)*hugePage)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("2 MB range %d: %d pages resident, want %d", i+1, n, want)
		}
	}
	for p := range 20 {
		if got := mem[off+p*4096]; got != byte(p+1) {
			t.Fatalf("page %d holds %d after the collapse, want %d", p, got, p+1)
		}
	}
}
