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
// renumbered; a character map of exactly the runes (format 4 for those in
// the Basic Multilingual Plane, and format 12 for all of them if any lies
// beyond it, each for platforms 0 and 3); the face's metrics, names and
// licence bits; and no glyph names (post format 3). Order and repetition of
// runes do not matter: the same set of runes gives the same bytes. It is an
// error wrapping ErrNoGlyph if Has(r) is false for any of the runes.
func (f *Face) Subset(runes []rune) (*Subset, error) {
	plan, err := f.PlanSubset(runes)
	if err != nil {
		return nil, err
	}
	return plan.Build()
}

// Build builds the subset font planned; call it once.
func (plan *SubsetPlan) Build() (*Subset, error) {
	f := plan.face
	var err error
	// Each glyph's data and the offsets in it of its components' glyph
	// numbers; plan.order grows as components are found.
	glyphs := make([][]byte, 0, len(plan.order))
	refs := make([][]int, 0, len(plan.order))
	for i := 0; i < len(plan.order); i++ {
		data, err := f.glyphData(plan.order[i])
		if err != nil {
			return nil, f.fileError(err)
		}
		rf, err := componentRefs(data, f.numGlyphs)
		if err != nil {
			return nil, f.fileError(errorf(ErrFormat, "composite glyph %d: %v", plan.order[i], err))
		}
		for _, p := range rf {
			plan.add(int(u16(data[p:])))
		}
		glyphs, refs = append(glyphs, data), append(refs, rf)
	}
	// Faces from Parse are free of cycles, but the embedded ones are only
	// checked by the tests, and a cycle would send a renderer into endless
	// recursion.
	err = checkCycles(len(glyphs), func(g int) ([]int, error) {
		cs := make([]int, len(refs[g]))
		for j, p := range refs[g] {
			cs[j] = int(plan.newID[int(u16(glyphs[g][p:]))])
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
		be.PutUint16(hmtx[4*i:], f.advanceUnits(plan.order[i]))
		copy(hmtx[4*i+2:], f.leftSideBearing(plan.order[i]))
	}
	be.PutUint32(loca[4*n:], uint32(at))
	// The glyphs go straight into the font (writeGlyf), padded to 4 bytes.
	writeGlyf := func(glyf []byte) {
		for i, data := range glyphs {
			at := int(u32(loca[4*i:]))
			copy(glyf[at:], data)
			for _, p := range refs[i] {
				be.PutUint16(glyf[at+p:], plan.newID[int(u16(data[p:]))])
			}
		}
	}

	cmap, err := buildCmap(plan.runes, plan.gids)
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
		if len(plan.runes) > 0 {
			// usFirstCharIndex and usLastCharIndex, 0xFFFF for
			// characters beyond the BMP.
			be.PutUint16(os2[64:], uint16(min(plan.runes[0], 0xFFFF)))
			be.PutUint16(os2[66:], uint16(min(plan.runes[len(plan.runes)-1], 0xFFFF)))
			if plan.runes[len(plan.runes)-1] > 0xFFFF {
				os2[46] |= 0x02 // ulUnicodeRange2 bit 25, bit 57 in all: Non-Plane 0
			}
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
	return &Subset{Data: data, Glyph: plan.Glyph}, nil
}

// A SubsetPlan is a subset's glyph numbers, which its characters decide
// before the font is built: a PDF's pages can be drawn with Glyph while
// Build makes the font on another core.
type SubsetPlan struct {
	Glyph map[rune]uint16 // each character's glyph number in the subset

	face  *Face
	runes []rune         // sorted, without repeats
	newID map[int]uint16 // new glyph number by old (glyph 0 keeps 0)
	order []int          // old glyph number by new
	gids  []uint16       // new glyph number of each rune
}

// PlanSubset numbers the glyphs of runes as Subset does: in rune order,
// which gives runs of consecutive runes consecutive glyphs, so the
// character map needs a segment only for each run. It is an error wrapping
// ErrNoGlyph if Has(r) is false for any of the runes.
func (f *Face) PlanSubset(runes []rune) (*SubsetPlan, error) {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	if err := f.checkRunes(rs); err != nil {
		return nil, err
	}
	plan := &SubsetPlan{face: f, runes: rs, newID: make(map[int]uint16, len(rs)+1), order: make([]int, 1, len(rs)+1),
		gids: make([]uint16, len(rs)), Glyph: make(map[rune]uint16, len(rs))}
	for i, r := range rs {
		plan.gids[i] = plan.add(f.glyphIndex(r))
		plan.Glyph[r] = plan.gids[i]
	}
	return plan, nil
}

// add gives old glyph number old the next new number, unless it has one.
func (plan *SubsetPlan) add(old int) uint16 {
	if _, ok := plan.newID[old]; !ok && old != 0 {
		plan.newID[old] = uint16(len(plan.order))
		plan.order = append(plan.order, old)
	}
	return plan.newID[old]
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
// characters, to its glyph in gids. It has a format 4 subtable of the BMP
// characters for Unicode BMP (platform 0 encoding 3) and Windows Unicode BMP
// (platform 3 encoding 1), and, if any of runes lies beyond the BMP, a
// format 12 subtable of all the characters for Unicode full repertoire
// (platform 0 encoding 4) and Windows Unicode full repertoire (platform 3
// encoding 10). Format 4 is there even if it maps no character, for readers
// that require it.
func buildCmap(runes []rune, gids []uint16) ([]byte, error) {
	bmp, _ := slices.BinarySearch(runes, 0x10000) // runes[:bmp] are in the BMP

	// Format 4 segments of consecutive characters with consecutive glyphs,
	// mapped by idDelta alone.
	type segment struct{ start, end, delta uint16 }
	segs := make([]segment, 0, 64)
	for i, r := range runes[:bmp] {
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
	length4 := 16 + 8*segCount
	if length4 > 0xFFFF {
		return nil, errorf(ErrFormat, "the %d characters need %d segments, more than a format 4 cmap can hold", bmp, segCount)
	}

	// Format 12 groups, likewise, of all the characters.
	type group struct{ start, end, glyph uint32 }
	var groups []group
	if bmp < len(runes) {
		for i, r := range runes {
			c, g := uint32(r), uint32(gids[i])
			if k := len(groups) - 1; k >= 0 && groups[k].end+1 == c && groups[k].glyph+(c-groups[k].start) == g {
				groups[k].end = c
				continue
			}
			groups = append(groups, group{c, c, g})
		}
	}
	length12 := 16 + 12*len(groups)

	be := binary.BigEndian
	numTables := 2
	if groups != nil {
		numTables = 4
	}
	at4 := 4 + 8*numTables // after the header and the encoding records
	at12 := at4 + length4  // a multiple of 4, as length4 is of 8
	out := make([]byte, at4+length4)
	if groups != nil {
		out = make([]byte, at12+length12)
	}
	be.PutUint16(out[2:], uint16(numTables)) // version 0
	// Encoding records, in order of platform and encoding.
	rec := out[4:]
	record := func(platform, encoding uint16, offset int) {
		be.PutUint16(rec, platform)
		be.PutUint16(rec[2:], encoding)
		be.PutUint32(rec[4:], uint32(offset))
		rec = rec[8:]
	}
	record(0, 3, at4) // Unicode BMP
	if groups != nil {
		record(0, 4, at12) // Unicode full repertoire
	}
	record(3, 1, at4) // Windows Unicode BMP
	if groups != nil {
		record(3, 10, at12) // Windows Unicode full repertoire
	}

	sub := out[at4:]
	entrySelector := bits.Len(uint(segCount)) - 1
	searchRange := 2 << entrySelector
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(length4))
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

	if groups != nil {
		sub = out[at12:]
		be.PutUint16(sub, 12) // format; reserved 0
		be.PutUint32(sub[4:], uint32(length12))
		be.PutUint32(sub[12:], uint32(len(groups))) // after language 0
		for i, g := range groups {
			be.PutUint32(sub[16+12*i:], g.start)
			be.PutUint32(sub[20+12*i:], g.end)
			be.PutUint32(sub[24+12*i:], g.glyph)
		}
	}
	return out, nil
}
