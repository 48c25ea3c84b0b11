package heap

import (
	"os"
	"slices"
	"strings"
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
		if m, ok := parseMapping(line); ok && strings.Contains(strings.Fields(line)[0], "-") {
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
	heap := heapMappings(string(maps), p)
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
