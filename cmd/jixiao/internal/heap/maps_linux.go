package heap

import (
	"slices"
	"strconv"
	"strings"
)

// hugePage is the size of a transparent huge page on amd64 and arm64 with
// 4 KB pages.
const hugePage = 2 << 20

// arenaSpan bounds how far above the 64 MB arena of its first mapping the
// heap is looked for: the Go runtime grows the heap upward from there,
// while its other mappings lie elsewhere.
const arenaSpan = 4 << 30

// mapping is a range of the address space, from /proc/self/maps.
type mapping struct {
	lo, hi uintptr
	anon   bool // private, readable and writable, and backed by no file
}

// parseMaps reads the mappings listed in maps, the text of
// /proc/self/maps, skipping lines it does not understand.
func parseMaps(maps string) []mapping {
	var all []mapping
	for line := range strings.SplitSeq(maps, "\n") {
		if m, ok := parseMapping(line); ok {
			all = append(all, m)
		}
	}
	return all
}

// heapMappings returns those of the mappings all that belong to the heap:
// the anonymous writable one holding probe, a heap object, and those above
// it in the same arenas.
func heapMappings(all []mapping, probe uintptr) []mapping {
	i := slices.IndexFunc(all, func(m mapping) bool { return m.anon && m.lo <= probe && probe < m.hi })
	if i < 0 {
		return nil
	}
	base := all[i].lo &^ (64<<20 - 1)
	var heap []mapping
	for _, m := range all {
		if m.anon && m.lo >= base && m.lo-base < arenaSpan {
			heap = append(heap, m)
		}
	}
	return heap
}

// parseMapping reads a line of /proc/self/maps, such as
//
//	7f09f3c11000-7f09f3c71000 rw-p 00000000 00:00 0    [pathname]
func parseMapping(line string) (mapping, bool) {
	fields := strings.Fields(line)
	if len(fields) < 5 {
		return mapping{}, false
	}
	lo, hi, ok := strings.Cut(fields[0], "-")
	if !ok {
		return mapping{}, false
	}
	from, err := strconv.ParseUint(lo, 16, 64)
	if err != nil {
		return mapping{}, false
	}
	to, err := strconv.ParseUint(hi, 16, 64)
	if err != nil || to <= from {
		return mapping{}, false
	}
	m := mapping{lo: uintptr(from), hi: uintptr(to)}
	// An anonymous mapping has no path after offset, device and inode.
	m.anon = fields[1] == "rw-p" && len(fields) == 5 && fields[4] == "0"
	return m, true
}

// thpDisabled reports whether a GODEBUG value turns huge pages off.
func thpDisabled(godebug string) bool {
	for setting := range strings.SplitSeq(godebug, ",") {
		if k, v, _ := strings.Cut(setting, "="); k == "disablethp" {
			return v == "1"
		}
	}
	return false
}
