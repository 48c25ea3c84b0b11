package heap

import (
	"slices"
	"testing"
)

// maps is /proc/self/maps of a run of jixiao on 100 projects, shortened.
const maps = `00400000-00654000 r-xp 00000000 fe:00 9986566                            /tmp/jixiao
00654000-008fe000 r--p 00254000 fe:00 9986566                            /tmp/jixiao
008fe000-018bc000 rw-p 004fe000 fe:00 9986566                            /tmp/jixiao
018bc000-018f4000 rw-p 00000000 00:00 0
5c044000000-5c047800000 ---p 00000000 00:00 0
5c047800000-5c047c00000 rw-p 00000000 00:00 0
5c047c00000-5c048400000 rw-p 00000000 00:00 0
5c048400000-5c048c00000 rw-p 00000000 00:00 0
5c048c00000-5c04c000000 ---p 00000000 00:00 0
7f5df7fee000-7f5df8400000 rw-p 00000000 00:00 0
7f5e3ee9c000-7f5e3ee9e000 rw-s 00000000 00:05 1234                       /dev/shm/x
7ffc1fb74000-7ffc1fb95000 rw-p 00000000 00:00 0                          [stack]
`

func TestHeapMappings(t *testing.T) {
	want := []mapping{
		{0x5c047800000, 0x5c047c00000, true},
		{0x5c047c00000, 0x5c048400000, true},
		{0x5c048400000, 0x5c048c00000, true},
	}
	for _, probe := range []uintptr{0x5c047800000, 0x5c047a12340, 0x5c047bfffff} {
		if got := heapMappings(parseMaps(maps), probe); !slices.Equal(got, want) {
			t.Errorf("probe %#x: got %+v, want %+v", probe, got, want)
		}
	}
	// The heap grows upward from the arena of the probe, which is made
	// early: mappings below that arena are not the heap.
	if got := heapMappings(parseMaps(maps), 0x5c048bfffff); !slices.Equal(got, want[2:]) {
		t.Errorf("probe in the last mapping: got %+v, want %+v", got, want[2:])
	}
	// A probe in no anonymous writable mapping finds no heap: not the
	// program's data, not a reserved range, not the stack.
	for _, probe := range []uintptr{0x900000, 0x5c044000000, 0x7ffc1fb80000, 0x1234} {
		if got := heapMappings(parseMaps(maps), probe); got != nil {
			t.Errorf("probe %#x: got %+v, want none", probe, got)
		}
	}
}

func TestParseMapping(t *testing.T) {
	for _, tc := range []struct {
		line string
		want mapping
		ok   bool
	}{
		{"018bc000-018f4000 rw-p 00000000 00:00 0", mapping{0x18bc000, 0x18f4000, true}, true},
		{"7ffc1fb74000-7ffc1fb95000 rw-p 00000000 00:00 0   [stack]", mapping{0x7ffc1fb74000, 0x7ffc1fb95000, false}, true},
		{"00400000-00654000 r-xp 00000000 fe:00 9986566 /tmp/jixiao", mapping{0x400000, 0x654000, false}, true},
		{"5c044000000-5c047800000 ---p 00000000 00:00 0", mapping{0x5c044000000, 0x5c047800000, false}, true},
		{"", mapping{}, false},
		{"00400000 r-xp 00000000 fe:00 0", mapping{}, false},
		{"00654000-00400000 rw-p 00000000 00:00 0", mapping{}, false},   // ends before it starts
		{"0040000g-00654000 rw-p 00000000 00:00 0", mapping{}, false},   // not hexadecimal
		{"10000000000000000-2 rw-p 00000000 00:00 0", mapping{}, false}, // too long
	} {
		got, ok := parseMapping(tc.line)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseMapping(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTHPDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                         false,
		"disablethp=1":             true,
		"gctrace=1,disablethp=1":   true,
		"disablethp=0":             false,
		"madvdontneed=1,gctrace=1": false,
		"xdisablethp=1":            false,
	} {
		if got := thpDisabled(godebug); got != want {
			t.Errorf("thpDisabled(%q) = %v, want %v", godebug, got, want)
		}
	}
}
