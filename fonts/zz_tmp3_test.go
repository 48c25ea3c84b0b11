package fonts

import (
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"
)

func TestTmpComposites(t *testing.T) {
	for _, name := range EmbeddedNames() {
		f := mustEmbedded(t, name)
		tables, _ := readDirectory(f.data, 0)
		loca, glyf := tables["loca"], tables["glyf"]
		long := u16(tables["head"][50:]) == 1
		n := int(u16(tables["maxp"][4:]))
		off := func(g int) int {
			if long {
				return int(u32(loca[4*g:]))
			}
			return 2 * int(u16(loca[2*g:]))
		}
		comp := map[int]bool{}
		for g := 0; g < n; g++ {
			s, e := off(g), off(g+1)
			if e > s && i16(glyf[s:]) < 0 {
				comp[g] = true
			}
		}
		var rs []rune
		for r := 0; r < 0x10000; r++ {
			if comp[int(f.glyph[r])] {
				rs = append(rs, rune(r))
			}
		}
		t.Logf("%s: long=%v glyphs=%d composites=%d runes=%q cmaplen=%d", name, long, n, len(comp), string(rs[:min(len(rs), 80)]), len(tables["cmap"]))
		t0 := time.Now()
		_, err := sfnt.Parse(f.data)
		t.Logf("sfnt.Parse %v %v", time.Since(t0), err)
	}
}
