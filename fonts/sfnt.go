package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"unicode/utf16"
)

// This file reads and checks the sfnt tables. The checks protect what reads
// a face: its metrics and character map here, the subsetter (subset.go),
// the outline reader (outline.go) and the PDF writer,
// which embeds subsets and takes the face's name and metrics. A font is
// refused for missing or truncated tables, unknown table formats, a
// restricted fsType, no format 4 Unicode cmap, a malformed format 12 cmap,
// bad name records, loca/glyf/hmtx out of bounds, and malformed or cyclic
// composite glyphs, on which a renderer would recurse without end. The
// checks of the glyphs and of all of the cmap mean reading the whole font;
// parseFace skips them for the embedded fonts, which the tests check
// instead.

const (
	tagTTCF    = 0x74746366 // 'ttcf': font collection
	tagOTTO    = 0x4F54544F // 'OTTO': CFF outlines
	tagTrue    = 0x74727565 // 'true': Apple TrueType
	version1   = 0x00010000 // TrueType
	headMagic  = 0x5F0F3CF5
	checksumOK = 0xB1B0AFBA // whole-font checksum target of head.checkSumAdjustment
)

// requiredTables are the tables that Face and Subset read.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}

func u16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }
func u32(b []byte) uint32 { return binary.BigEndian.Uint32(b) }
func i16(b []byte) int16  { return int16(binary.BigEndian.Uint16(b)) }

// errorf returns a *FileError without File, which Parse fills in.
func errorf(sentinel error, format string, args ...any) error {
	return &FileError{Err: sentinel, Detail: fmt.Sprintf(format, args...)}
}

// fits reports whether length bytes from off lie within n bytes.
func fits(off, length uint64, n int) bool { return off+length <= uint64(n) }

// parseFace checks face index of data and builds its lookup tables. With
// full set it also checks every glyph of glyf (checkGlyf), which means
// reading the whole font; without it only the tables read for metrics and
// the character map are checked, and Subset checks the glyphs it copies.
func parseFace(data []byte, index int, full bool) (*Face, error) {
	if len(data) < 12 {
		return nil, errorf(ErrFormat, "file is %d bytes long", len(data))
	}
	var dir uint32 // offset of the face's table directory
	collection := u32(data) == tagTTCF
	if collection {
		n := u32(data[8:])
		if !fits(12, 4*uint64(n), len(data)) {
			return nil, errorf(ErrFormat, "collection header is truncated")
		}
		if index < 0 || uint64(index) >= uint64(n) {
			faces := "faces"
			if n == 1 {
				faces = "face"
			}
			return nil, errorf(ErrFaceIndex, "the collection has %d %s, numbered from 0; face %d was asked for", n, faces, index)
		}
		dir = u32(data[12+4*index:])
	} else if index != 0 {
		return nil, errorf(ErrFaceIndex, "the file is a single font, face 0; face %d was asked for", index)
	}
	tables, err := readDirectory(data, dir)
	if err != nil {
		return nil, err
	}
	if tables["fvar"] != nil {
		return nil, errorf(ErrVariable, "it has an 'fvar' table")
	}
	if tables["glyf"] == nil && (tables["CFF "] != nil || tables["CFF2"] != nil) {
		return nil, errorf(ErrCFF, "it has a 'CFF' table and no 'glyf' table")
	}
	for _, tag := range requiredTables {
		if tables[tag] == nil {
			return nil, errorf(ErrFormat, "required table '%s' is missing or empty", tag)
		}
	}
	if collection {
		// The face keeps only its own tables, so the rest of the
		// collection can be freed.
		data = buildSfnt(tables)
		if tables, err = readDirectory(data, 0); err != nil {
			return nil, err
		}
	}

	f := &Face{data: data, tables: tables}
	if err := f.parseMetrics(tables); err != nil {
		return nil, err
	}
	if f.name, err = parseName(tables["name"]); err != nil {
		return nil, err
	}
	if err := f.parseCmap(tables["cmap"], full); err != nil {
		return nil, err
	}
	if full {
		if err := f.checkGlyf(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// readDirectory returns the tables of the face whose table directory is at
// offset dir, each a slice of data.
func readDirectory(data []byte, dir uint32) (map[string][]byte, error) {
	if !fits(uint64(dir), 12, len(data)) {
		return nil, errorf(ErrFormat, "table directory is past the end of the file")
	}
	switch v := u32(data[dir:]); v {
	case version1, tagTrue:
	case tagOTTO:
		return nil, errorf(ErrCFF, "sfnt version is 'OTTO'")
	default: // its bytes are not shown: this may be any file, even a secret
		return nil, errorf(ErrFormat, "it does not begin as a TrueType font does")
	}
	n := uint64(u16(data[dir+4:]))
	if !fits(uint64(dir)+12, 16*n, len(data)) {
		return nil, errorf(ErrFormat, "table directory is truncated")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := data[uint64(dir)+12+16*i:]
		tag, off, length := string(rec[:4]), uint64(u32(rec[8:])), uint64(u32(rec[12:]))
		if !fits(off, length, len(data)) {
			return nil, errorf(ErrFormat, "table '%s' extends past the end of the file", shownTag(tag))
		}
		if length > 0 {
			tables[tag] = data[off : off+length : off+length]
		}
	}
	return tables, nil
}

// parseMetrics checks head, maxp, hhea, hmtx, loca, OS/2 and post, and sets
// the face's metrics.
func (f *Face) parseMetrics(t map[string][]byte) error {
	head, maxp, hhea, hmtx, os2 := t["head"], t["maxp"], t["hhea"], t["hmtx"], t["OS/2"]
	if len(head) < 54 || u32(head[12:]) != headMagic {
		return errorf(ErrFormat, "bad 'head' table")
	}
	upem := u16(head[18:])
	if upem < 16 || upem > 16384 {
		return errorf(ErrFormat, "unitsPerEm is %d", upem)
	}
	if lf := u16(head[50:]); lf > 1 {
		return errorf(ErrFormat, "unknown indexToLocFormat %d", lf)
	}
	if gf := u16(head[52:]); gf != 0 {
		return errorf(ErrFormat, "unknown glyphDataFormat %d", gf)
	}
	if len(maxp) < 6 || u16(maxp[4:]) == 0 {
		return errorf(ErrFormat, "bad 'maxp' table")
	}
	numGlyphs := int(u16(maxp[4:]))
	if len(hhea) < 36 || u16(hhea[32:]) != 0 {
		return errorf(ErrFormat, "bad 'hhea' table")
	}
	numMetrics := int(u16(hhea[34:]))
	if numMetrics == 0 || numMetrics > numGlyphs {
		return errorf(ErrFormat, "hhea has %d horizontal metrics for %d glyphs", numMetrics, numGlyphs)
	}
	if len(hmtx) < 4*numMetrics+2*(numGlyphs-numMetrics) {
		return errorf(ErrFormat, "'hmtx' table is truncated")
	}
	if len(t["post"]) < 32 {
		return errorf(ErrFormat, "'post' table is truncated")
	}
	longLoca := u16(head[50:]) == 1
	if loca := t["loca"]; longLoca && len(loca) < 4*(numGlyphs+1) || !longLoca && len(loca) < 2*(numGlyphs+1) {
		return errorf(ErrFormat, "'loca' table is truncated")
	}

	f.upem, f.scale = upem, 1000/float64(upem)
	ascent, descent := i16(hhea[4:]), i16(hhea[6:])
	if os2 != nil {
		if len(os2) < 78 || u16(os2) >= 2 && len(os2) < 90 {
			return errorf(ErrFormat, "'OS/2' table is truncated")
		}
		// Permissions are bits 0-3, of which the least restrictive set
		// applies; bits 8 (no subsetting) and 9 (bitmap only) also rule
		// out embedding a subset of the outlines, as the PDF writer does.
		if fsType := u16(os2[8:]); fsType&0xF == 0x2 || fsType&0x300 != 0 {
			return errorf(ErrRestricted, "fsType is %#04x", fsType)
		}
		if ascent == 0 {
			ascent = i16(os2[68:])
		}
		if descent == 0 {
			descent = i16(os2[70:])
		}
	}
	f.ascent = float64(ascent) * f.scale
	f.descent = -float64(descent) * f.scale
	for i := range f.bbox {
		f.bbox[i] = float64(i16(head[36+2*i:])) * f.scale
	}
	f.capHeight = f.ascent
	if os2 != nil && u16(os2) >= 2 && i16(os2[88:]) > 0 {
		f.capHeight = float64(i16(os2[88:])) * f.scale
	}

	f.numGlyphs, f.numMetrics, f.hmtx, f.longLoca = numGlyphs, numMetrics, hmtx, longLoca
	return nil
}

// parseName checks the name records and returns the PostScript name, or
// failing that the family name.
func parseName(name []byte) (string, error) {
	if len(name) < 6 {
		return "", errorf(ErrFormat, "'name' table is truncated")
	}
	if format := u16(name); format != 0 {
		return "", errorf(ErrFormat, "'name' table format %d; only format 0 is read", format)
	}
	count, storage := int(u16(name[2:])), int(u16(name[4:]))
	if len(name) < 6+12*count {
		return "", errorf(ErrFormat, "'name' table is truncated")
	}
	var found [7]string // by name ID; 1 (family) and 6 (PostScript) are used
	for i := range count {
		rec := name[6+12*i:]
		platform, encoding, lang, id := u16(rec), u16(rec[2:]), u16(rec[4:]), u16(rec[6:])
		length, off := int(u16(rec[8:])), storage+int(u16(rec[10:]))
		if off+length > len(name) {
			return "", errorf(ErrFormat, "name record %d is past the end of the 'name' table", id)
		}
		if platform == 3 && encoding == 1 && lang == 0x409 && length%2 != 0 && (id >= 1 && id <= 4 || id == 6) {
			return "", errorf(ErrFormat, "name record %d has an odd UTF-16 length", id)
		}
		if (id != 1 && id != 6) || found[id] != "" {
			continue
		}
		s := name[off : off+length]
		switch {
		case platform == 0 || platform == 3 && (encoding == 0 || encoding == 1):
			u := make([]uint16, len(s)/2)
			for j := range u {
				u[j] = u16(s[2*j:])
			}
			found[id] = string(utf16.Decode(u))
		case platform == 1 && encoding == 0:
			found[id] = string(s) // Mac Roman; font names are ASCII in practice
		}
	}
	if found[6] != "" {
		return found[6], nil
	}
	return found[1], nil
}

// parseCmap selects the cmap subtables: the first format 4 subtable of
// platform 3 encoding 1 or of platform 0, which is required, and the first
// format 12 subtable of platform 3 encoding 10 or platform 0 encoding 4 or
// 6, if any, for the characters beyond the Basic Multilingual Plane. It
// checks their headers. With full set it also checks all of them: that they
// map to existing glyphs, and that format 12's groups are in order;
// otherwise each block of 256 BMP characters is decoded on first use
// (Face.glyphIndex), and format 12 is searched in place.
func (f *Face) parseCmap(cmap []byte, full bool) error {
	if len(cmap) < 4 || len(cmap) < 4+8*int(u16(cmap[2:])) {
		return errorf(ErrFormat, "'cmap' table is truncated")
	}
	var sub4, sub12 []byte
	for i := range int(u16(cmap[2:])) {
		rec := cmap[4+8*i:]
		platform, encoding, off := u16(rec), u16(rec[2:]), uint64(u32(rec[4:]))
		bmp := platform == 3 && encoding == 1 || platform == 0
		all := platform == 3 && encoding == 10 || platform == 0 && (encoding == 4 || encoding == 6)
		if !bmp && !all {
			continue
		}
		if !fits(off, 4, len(cmap)) {
			return errorf(ErrFormat, "cmap subtable %d is past the end of the 'cmap' table", i)
		}
		switch format := u16(cmap[off:]); {
		case format == 4 && bmp && sub4 == nil:
			sub4 = cmap[off:]
		case format == 12 && all && sub12 == nil:
			sub12 = cmap[off:]
		}
		if sub4 != nil && sub12 != nil {
			break
		}
	}
	if sub4 == nil {
		return errorf(ErrNoCmap, "")
	}
	if sub12 != nil {
		if err := f.parseCmap12(sub12, full); err != nil {
			return err
		}
	}
	return f.parseCmap4(sub4, full)
}

// parseCmap4 checks the format 4 subtable sub, which runs to the end of the
// cmap table, and sets f.cmap and f.segCount; with full set it decodes all
// of it into f.blocks.
func (f *Face) parseCmap4(sub []byte, full bool) error {
	length := int(u16(sub[2:]))
	if length > len(sub) || length < 14 {
		return errorf(ErrFormat, "bad cmap format 4 subtable length %d", length)
	}
	sub = sub[:length:length]
	segX2 := int(u16(sub[6:]))
	if segX2%2 != 0 || 16+4*segX2 > length {
		return errorf(ErrFormat, "cmap format 4 subtable is truncated")
	}
	f.cmap, f.segCount = sub, segX2/2
	if !full {
		return nil
	}

	// Decode every segment in order: where segments overlap, the last one
	// counts.
	for i := range f.segCount {
		start, end := f.segment(i)
		for c := start; c <= end; c++ {
			g := f.segmentGlyph(i, start, c)
			if g >= f.numGlyphs {
				return errorf(ErrFormat, "cmap maps U+%04X to glyph %d but the font has %d glyphs", c, g, f.numGlyphs)
			}
			b := f.blocks[c>>8]
			if b == nil {
				if g == 0 {
					continue
				}
				b = new([256]uint16)
				f.blocks[c>>8] = b
			}
			b[c&0xFF] = uint16(g)
		}
	}
	for i, b := range f.blocks {
		if b == nil {
			f.blocks[i] = &emptyBlock
		}
	}
	return nil
}

// parseCmap12 checks the header of the format 12 subtable sub, which runs
// to the end of the cmap table, and sets f.groups; with full set it also
// checks every group: in order of character and not overlapping, within
// Unicode's range, and mapping to existing glyphs.
func (f *Face) parseCmap12(sub []byte, full bool) error {
	if len(sub) < 16 {
		return errorf(ErrFormat, "cmap format 12 subtable is truncated")
	}
	length, n := uint64(u32(sub[4:])), uint64(u32(sub[12:]))
	if length > uint64(len(sub)) || length < 16+12*n {
		return errorf(ErrFormat, "bad cmap format 12 subtable length %d for %d groups", length, n)
	}
	f.groups = sub[16 : 16+12*n : 16+12*n]
	if !full {
		return nil
	}
	next := uint32(0) // the least character the next group may start at
	for i := 0; i < len(f.groups); i += 12 {
		start, end, g := u32(f.groups[i:]), u32(f.groups[i+4:]), u32(f.groups[i+8:])
		switch {
		case start > end || end > 0x10FFFF:
			return errorf(ErrFormat, "cmap format 12 group %d has characters %#x to %#x", i/12, start, end)
		case start < next:
			return errorf(ErrFormat, "cmap format 12 group %d (from U+%04X) overlaps or precedes the one before", i/12, start)
		case uint64(g)+uint64(end-start) >= uint64(f.numGlyphs):
			return errorf(ErrFormat, "cmap maps U+%04X to U+%04X to glyphs %d to %d but the font has %d glyphs",
				start, end, g, uint64(g)+uint64(end-start), f.numGlyphs)
		}
		next = end + 1
	}
	return nil
}

// emptyBlock is the block of 256 characters none of which has a glyph.
var emptyBlock [256]uint16

// segment returns the first and last character of segment i of f.cmap.
func (f *Face) segment(i int) (start, end int) {
	return int(u16(f.cmap[16+2*f.segCount+2*i:])), int(u16(f.cmap[14+2*i:]))
}

// segmentGlyph returns the glyph to which segment i of f.cmap, which
// starts at character start, maps character c.
func (f *Face) segmentGlyph(i, start, c int) int {
	n := f.segCount
	delta, ro := u16(f.cmap[16+4*n+2*i:]), int(u16(f.cmap[16+6*n+2*i:]))
	if ro == 0 {
		return int(uint16(c) + delta)
	}
	// idRangeOffset counts from its own position in the table.
	pos := 16 + 6*n + 2*i + ro + 2*(c-start)
	if pos+2 > len(f.cmap) {
		return 0
	}
	g := u16(f.cmap[pos:])
	if g != 0 {
		g += delta
	}
	return int(g)
}

// glyphIndex returns the glyph of r, 0 if none; r must be in 0 to
// 0x10FFFF. BMP characters are looked up in format 4 (in f.blocks for a
// face parsed whole, else in the segments, see segmentsGlyph), the others
// in format 12.
func (f *Face) glyphIndex(r rune) int {
	if r <= 0xFFFF {
		if b := f.blocks[uint8(r>>8)]; b != nil {
			return int(b[uint8(r)])
		}
		return f.segmentsGlyph(int(r))
	}
	return f.groupGlyph(uint32(r))
}

// groupGlyph returns the glyph to which f.groups maps character c, 0 if
// none or if it is not a glyph of the font. It searches the groups by
// halves, which relies on their being in order, as the specification
// requires and parseCmap12 checks with full set; the tests check it for the
// embedded faces.
func (f *Face) groupGlyph(c uint32) int {
	// The first group that ends at or after c.
	n := len(f.groups) / 12
	i := sort.Search(n, func(h int) bool { return u32(f.groups[12*h+4:]) >= c })
	if i == n {
		return 0
	}
	start := u32(f.groups[12*i:])
	if c < start {
		return 0
	}
	g := uint64(u32(f.groups[12*i+8:])) + uint64(c-start)
	if g >= uint64(f.numGlyphs) {
		return 0
	}
	return int(g)
}

// segmentsGlyph returns the glyph to which f.cmap's segments map BMP
// character c, 0 if none or if it is not a glyph of the font. It searches
// the segments by halves, which relies on their being in order, as the
// specification requires and parseCmap4 checks with full set; the tests
// check it for the embedded faces. (A layout asks once per character and
// face: it keeps the answers.)
func (f *Face) segmentsGlyph(c int) int {
	// The first segment that ends at or after c.
	i := sort.Search(f.segCount, func(h int) bool { return int(u16(f.cmap[14+2*h:])) >= c })
	if i == f.segCount {
		return 0
	}
	start, _ := f.segment(i)
	if c < start {
		return 0
	}
	if g := f.segmentGlyph(i, start, c); g < f.numGlyphs {
		return g
	}
	return 0
}

// glyphData returns glyph g's data in glyf (empty for a glyph without
// outline), checking its loca entry.
func (f *Face) glyphData(g int) ([]byte, error) {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	var start, end int
	if f.longLoca {
		start, end = int(u32(loca[4*g:])), int(u32(loca[4*g+4:]))
	} else {
		start, end = 2*int(u16(loca[2*g:])), 2*int(u16(loca[2*g+2:]))
	}
	if start > end || end > len(glyf) || end-start > 0 && end-start < 10 {
		return nil, errorf(ErrFormat, "glyph %d has a bad 'loca' entry", g)
	}
	return glyf[start:end:end], nil
}

// checkGlyf checks that loca's offsets lie within glyf, and that composite
// glyphs are well formed, refer to existing glyphs and form no cycle.
func (f *Face) checkGlyf() error {
	glyphs := make([][]byte, f.numGlyphs)
	for g := range glyphs {
		var err error
		if glyphs[g], err = f.glyphData(g); err != nil {
			return err
		}
	}
	return checkCycles(len(glyphs), func(g int) ([]int, error) {
		return components(glyphs[g], f.numGlyphs)
	})
}

// checkCycles checks that no glyph of 0 to n-1 contains itself, directly or
// through other composites; comps returns the components of a glyph, as
// components does.
func checkCycles(n int, comps func(g int) ([]int, error)) error {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]uint8, n)
	var visit func(g int) error
	visit = func(g int) error {
		switch state[g] {
		case visiting:
			return errorf(ErrFormat, "composite glyph %d contains itself", g)
		case done:
			return nil
		}
		state[g] = visiting
		cs, err := comps(g)
		if err != nil {
			return errorf(ErrFormat, "composite glyph %d: %v", g, err)
		}
		for _, c := range cs {
			if err := visit(c); err != nil {
				return err
			}
		}
		state[g] = done
		return nil
	}
	for g := range n {
		if err := visit(g); err != nil {
			return err
		}
	}
	return nil
}

// components returns the glyphs a composite glyph is made of (none for a
// simple glyph), checking that its component records fit in it.
func components(glyph []byte, numGlyphs int) ([]int, error) {
	refs, err := componentRefs(glyph, numGlyphs)
	gs := make([]int, len(refs))
	for i, p := range refs {
		gs[i] = int(u16(glyph[p:]))
	}
	return gs, err
}

// componentRefs returns the offsets in a composite glyph of its components'
// glyph indexes (none for a simple glyph), checking that its component
// records fit in it and name existing glyphs.
func componentRefs(glyph []byte, numGlyphs int) ([]int, error) {
	if len(glyph) == 0 || i16(glyph) >= 0 {
		return nil, nil
	}
	var refs []int
	for p := 10; ; {
		if p+4 > len(glyph) {
			return nil, fmt.Errorf("component record past the end of the glyph")
		}
		flags, g := u16(glyph[p:]), int(u16(glyph[p+2:]))
		if g >= numGlyphs {
			return nil, fmt.Errorf("component glyph %d does not exist", g)
		}
		refs = append(refs, p+2)
		p += 6
		if flags&compWords != 0 {
			p += 2
		}
		switch {
		case flags&compScale != 0:
			p += 2
		case flags&compXYScale != 0:
			p += 4
		case flags&compTwoByTwo != 0:
			p += 8
		}
		if p > len(glyph) {
			return nil, fmt.Errorf("component record past the end of the glyph")
		}
		if flags&compMore == 0 {
			return refs, nil
		}
	}
}

// buildSfnt assembles tables into a standalone TrueType font with its own
// table directory, offsets and checksums.
func buildSfnt(tables map[string][]byte) []byte {
	sizes := make(map[string]int, len(tables))
	for tag, data := range tables {
		sizes[tag] = len(data)
	}
	return assembleSfnt(sizes, func(tag string, dst []byte) { copy(dst, tables[tag]) })
}

// assembleSfnt builds a TrueType font of tables of the given sizes, by tag,
// in which write fills in each table's data: dst is the table's place in the
// font, zeroed and of its size. It sets the directory's offsets and
// checksums and head's checkSumAdjustment.
func assembleSfnt(sizes map[string]int, write func(tag string, dst []byte)) []byte {
	tags := make([]string, 0, len(sizes))
	dirSize := 12 + 16*len(sizes)
	size := dirSize
	for tag, n := range sizes {
		tags = append(tags, tag)
		size += (n + 3) &^ 3
	}
	slices.Sort(tags)

	out := make([]byte, size)
	n := uint16(len(tags))
	entrySelector := uint16(0)
	for 2<<entrySelector <= n {
		entrySelector++
	}
	searchRange := uint16(16) << entrySelector
	be := binary.BigEndian
	be.PutUint32(out, version1)
	be.PutUint16(out[4:], n)
	be.PutUint16(out[6:], searchRange)
	be.PutUint16(out[8:], entrySelector)
	be.PutUint16(out[10:], 16*n-searchRange)

	// The whole font's checksum is the directory's plus the tables',
	// as each table starts at a multiple of 4 and is padded with zeros.
	var sum uint32
	headAt := -1
	off := dirSize
	for i, tag := range tags {
		length := sizes[tag]
		write(tag, out[off:off+length:off+length])
		if tag == "head" && length >= 12 {
			headAt = off
			clear(out[off+8 : off+12]) // checkSumAdjustment counts as 0
		}
		padded := (length + 3) &^ 3
		c := checksum(out[off : off+padded])
		sum += c
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], c)
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(length))
		off += padded
	}
	sum += checksum(out[:dirSize])
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], checksumOK-sum)
	}
	return out
}

// checksum is the sfnt checksum: the sum of big-endian uint32s; len(b) is a
// multiple of 4.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 8 {
		x := binary.BigEndian.Uint64(b)
		sum += uint32(x>>32) + uint32(x)
		b = b[8:]
	}
	if len(b) >= 4 {
		sum += u32(b)
	}
	return sum
}

// shownTag is a table tag as a message may show it: a font's tags are
// printable ASCII, and other bytes of a file named as a font are not shown.
func shownTag(tag string) string {
	for i := 0; i < len(tag); i++ {
		if tag[i] < 0x20 || tag[i] > 0x7e {
			return "?"
		}
	}
	return tag
}
