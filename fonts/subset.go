package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// hintingTables are copied unchanged into a subset when the font has them:
// the glyphs keep their instructions, which may call fpgm's functions and
// read cvt.
var hintingTables = []string{"cvt ", "fpgm", "prep", "gasp"}

// A Subset is a standalone TrueType font made of some of a face's glyphs.
type Subset struct {
	Data  []byte          // the font file
	Glyph map[rune]uint16 // each character's glyph number in Data
}

// Subset returns a standalone TrueType font with only the glyphs of runes,
// for embedding in a PDF: a report draws a few hundred of an embedded
// face's ten thousand characters.
//
// The subset has glyph 0 (.notdef), the runes' glyphs in the order of the
// runes, and then the glyphs that composite glyphs among them are made of,
// renumbered; a character map (format 4, for platforms 0 and 3) of exactly
// the runes; the face's metrics, names and licence bits; and no glyph names
// (post format 3). Order and repetition of runes do not matter: the same set
// of runes gives the same bytes. It is an error wrapping ErrNoGlyph if
// Has(r) is false for any of the runes.
func (f *Face) Subset(runes []rune) (*Subset, error) {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	if err := f.checkRunes(rs); err != nil {
		return nil, err
	}

	// Old glyph numbers by new (order), and new by old (newID, in which 0
	// stands for none but for glyph 0 itself). Numbering the runes' glyphs
	// in rune order gives runs of consecutive runes consecutive glyphs, so
	// the character map needs a segment only for each run.
	newID := make([]uint16, f.numGlyphs)
	order := make([]int, 1, len(rs)+1)
	add := func(old int) uint16 {
		if old != 0 && newID[old] == 0 {
			newID[old] = uint16(len(order))
			order = append(order, old)
		}
		return newID[old]
	}
	gids := make([]uint16, len(rs))
	glyph := make(map[rune]uint16, len(rs))
	for i, r := range rs {
		gids[i] = add(f.glyphIndex(r))
		glyph[r] = gids[i]
	}
	// Each glyph's data and the offsets in it of its components' glyph
	// numbers; order grows as components are found.
	glyphs := make([][]byte, 0, len(order))
	refs := make([][]int, 0, len(order))
	for i := 0; i < len(order); i++ {
		data, err := f.glyphData(order[i])
		if err != nil {
			return nil, f.fileError(err)
		}
		rf, err := componentRefs(data, f.numGlyphs)
		if err != nil {
			return nil, f.fileError(errorf(ErrFormat, "composite glyph %d: %v", order[i], err))
		}
		for _, p := range rf {
			add(int(u16(data[p:])))
		}
		glyphs, refs = append(glyphs, data), append(refs, rf)
	}
	// Faces from Parse are free of cycles, but the embedded ones are only
	// checked by the tests, and a cycle would send a renderer into endless
	// recursion.
	err := checkCycles(len(glyphs), func(g int) ([]int, error) {
		cs := make([]int, len(refs[g]))
		for j, p := range refs[g] {
			cs[j] = int(newID[u16(glyphs[g][p:])])
		}
		return cs, nil
	})
	if err != nil {
		return nil, f.fileError(err)
	}

	be := binary.BigEndian
	n := len(glyphs)
	loca := make([]byte, 4*(n+1)) // long offsets
	hmtx := make([]byte, 4*n)     // a full metric for every glyph
	at := 0
	for i, data := range glyphs {
		be.PutUint32(loca[4*i:], uint32(at))
		at += (len(data) + 3) &^ 3
		be.PutUint16(hmtx[4*i:], f.advanceUnits(order[i]))
		copy(hmtx[4*i+2:], f.leftSideBearing(order[i]))
	}
	be.PutUint32(loca[4*n:], uint32(at))
	// The glyphs go straight into the font (writeGlyf), padded to 4 bytes.
	writeGlyf := func(glyf []byte) {
		for i, data := range glyphs {
			at := int(u32(loca[4*i:]))
			copy(glyf[at:], data)
			for _, p := range refs[i] {
				be.PutUint16(glyf[at+p:], newID[u16(data[p:])])
			}
		}
	}

	cmap, err := buildCmap(rs, gids)
	if err != nil {
		return nil, f.fileError(err)
	}
	head := bytes.Clone(f.tables["head"])
	be.PutUint16(head[50:], 1) // indexToLocFormat: long
	hhea := bytes.Clone(f.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(n)) // numberOfHMetrics
	maxp := bytes.Clone(f.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(n)) // numGlyphs
	// post format 3 is the header (italic angle, underline, fixed pitch)
	// without glyph names; the memory hints, for the whole font, are left 0.
	post := make([]byte, 32)
	copy(post, f.tables["post"][:16])
	be.PutUint32(post, 0x00030000)

	tables := map[string][]byte{
		"cmap": cmap, "head": head, "hhea": hhea, "hmtx": hmtx,
		"loca": loca, "maxp": maxp, "name": f.tables["name"], "post": post,
	}
	if os2 := f.tables["OS/2"]; os2 != nil {
		// parseMetrics made sure that fsType allows embedding and
		// subsetting, and that the table is long enough.
		os2 = bytes.Clone(os2)
		if len(rs) > 0 {
			be.PutUint16(os2[64:], uint16(rs[0]))         // usFirstCharIndex
			be.PutUint16(os2[66:], uint16(rs[len(rs)-1])) // usLastCharIndex
		}
		tables["OS/2"] = os2
	}
	for _, tag := range hintingTables {
		if t := f.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	sizes := make(map[string]int, len(tables)+1)
	for tag, data := range tables {
		sizes[tag] = len(data)
	}
	// A subset of empty glyphs (.notdef and spaces) would have an empty
	// glyf table, which readers take for a missing one.
	sizes["glyf"] = max(at, 4)
	data := assembleSfnt(sizes, func(tag string, dst []byte) {
		if tag == "glyf" {
			writeGlyf(dst)
		} else {
			copy(dst, tables[tag])
		}
	})
	return &Subset{Data: data, Glyph: glyph}, nil
}

// checkRunes returns an error wrapping ErrNoGlyph, naming up to 8 of them,
// if f lacks any of the runes.
func (f *Face) checkRunes(runes []rune) error {
	var missing []string
	count := 0
	for _, r := range runes {
		if !f.Has(r) {
			if count++; len(missing) < 8 {
				missing = append(missing, fmt.Sprintf("U+%04X %q", r, r))
			}
		}
	}
	if count == 0 {
		return nil
	}
	more := ""
	if count > len(missing) {
		more = fmt.Sprintf(" and %d more", count-len(missing))
	}
	return fmt.Errorf("%w %s%s in %s", ErrNoGlyph, strings.Join(missing, ", "), more, f.name)
}

// fileError sets the face's name as the file of err if it is a *FileError.
func (f *Face) fileError(err error) error {
	if fe, ok := err.(*FileError); ok && fe.File == "" {
		fe.File = f.name
	}
	return err
}

// leftSideBearing returns glyph g's left side bearing as it is in hmtx.
func (f *Face) leftSideBearing(g int) []byte {
	if g < f.numMetrics {
		return f.hmtx[4*g+2 : 4*g+4]
	}
	p := 4*f.numMetrics + 2*(g-f.numMetrics)
	return f.hmtx[p : p+2]
}

// buildCmap returns a cmap table mapping each of runes, sorted and distinct
// BMP characters, to its glyph in gids, with one format 4 subtable for both
// Unicode (platform 0, encoding 3) and Windows (platform 3, encoding 1).
func buildCmap(runes []rune, gids []uint16) ([]byte, error) {
	// Segments of consecutive characters with consecutive glyphs, mapped
	// by idDelta alone.
	type segment struct{ start, end, delta uint16 }
	segs := make([]segment, 0, 64)
	for i, r := range runes {
		c, g := uint16(r), gids[i]
		if k := len(segs) - 1; k >= 0 && segs[k].end+1 == c && segs[k].delta == g-c {
			segs[k].end = c
			continue
		}
		segs = append(segs, segment{c, c, g - c})
	}
	if len(segs) == 0 || segs[len(segs)-1].end != 0xFFFF {
		segs = append(segs, segment{0xFFFF, 0xFFFF, 1}) // the required last segment, to glyph 0
	}
	segCount := len(segs)
	length := 16 + 8*segCount
	if length > 0xFFFF {
		return nil, errorf(ErrFormat, "the %d characters need %d segments, more than a format 4 cmap can hold", len(runes), segCount)
	}

	be := binary.BigEndian
	const subtable = 4 + 2*8 // after the header and two encoding records
	out := make([]byte, subtable+length)
	be.PutUint16(out[2:], 2) // numTables; version 0
	be.PutUint16(out[4:], 0) // Unicode
	be.PutUint16(out[6:], 3) // BMP
	be.PutUint32(out[8:], subtable)
	be.PutUint16(out[12:], 3) // Windows
	be.PutUint16(out[14:], 1) // Unicode BMP
	be.PutUint32(out[16:], subtable)

	sub := out[subtable:]
	entrySelector := bits.Len(uint(segCount)) - 1
	searchRange := 2 << entrySelector
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(length))
	be.PutUint16(sub[6:], uint16(2*segCount))
	be.PutUint16(sub[8:], uint16(searchRange))
	be.PutUint16(sub[10:], uint16(entrySelector))
	be.PutUint16(sub[12:], uint16(2*segCount-searchRange))
	ends, starts, deltas := sub[14:], sub[16+2*segCount:], sub[16+4*segCount:]
	for i, s := range segs {
		be.PutUint16(ends[2*i:], s.end)
		be.PutUint16(starts[2*i:], s.start)
		be.PutUint16(deltas[2*i:], s.delta)
	}
	// idRangeOffset, after idDelta, is all 0: no glyphIdArray.
	return out, nil
}
