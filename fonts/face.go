package fonts

import "fmt"

// Face is a parsed TrueType face. Its methods are safe for concurrent use.
type Face struct {
	name    string
	data    []byte            // standalone sfnt
	tables  map[string][]byte // by tag, each a slice of data
	upem    uint16            // font units per em
	scale   float64           // 1000 / upem
	ascent  float64           // 1/1000 em, positive
	descent float64           // 1/1000 em, positive below the baseline
	// capHeight (OS/2, else the ascent) and bbox (head: xMin, yMin, xMax,
	// yMax) in 1/1000 em, for a PDF font descriptor.
	capHeight float64
	bbox      [4]float64

	// The format 4 cmap subtable, and, for a face parsed whole, the glyphs
	// of the Basic Multilingual Plane by blocks of 256 characters (nil for
	// the embedded faces, which are looked up in cmap); see glyphIndex.
	cmap     []byte
	segCount int
	blocks   [256]*[256]uint16
	// The groups of the format 12 cmap subtable, 12 bytes each, for the
	// characters beyond the BMP; empty if the font has none.
	groups []byte

	numGlyphs  int    // maxp.numGlyphs
	numMetrics int    // hhea.numberOfHMetrics, 1 to numGlyphs
	hmtx       []byte // at least numMetrics long metrics and the other glyphs' left side bearings
	longLoca   bool   // head.indexToLocFormat is 1
}

// SegOp is the operator of an outline Segment.
type SegOp uint8

// Outline segment operators.
const (
	MoveTo SegOp = iota // start a contour at Pts[0]
	LineTo              // line to Pts[0]
	QuadTo              // quadratic Bézier curve through control point Pts[0] to Pts[1]
	CubeTo              // cubic Bézier curve through Pts[0] and Pts[1] to Pts[2]
)

// pointsPerOp is the number of Pts each SegOp uses.
var pointsPerOp = [...]int{MoveTo: 1, LineTo: 1, QuadTo: 2, CubeTo: 3}

// Point is a point of a glyph outline in 1/1000 em, the y axis pointing up
// from the baseline.
type Point struct{ X, Y float64 }

// Segment is one step of a glyph outline; Op says how many of Pts are used.
type Segment struct {
	Op  SegOp
	Pts [3]Point
}

// Name returns the font's PostScript name, or its family name if it has
// none, or else the name given to Parse (the path for Load).
func (f *Face) Name() string { return f.name }

// Data returns the face as a standalone TrueType font (but see Subset); for
// a face of a collection it is the face's tables extracted into a font of
// their own. The caller must not modify it.
func (f *Face) Data() []byte { return f.data }

// Has reports whether the font has a glyph for r, which may be any Unicode
// character (not a surrogate code point), beyond the Basic Multilingual
// Plane too.
func (f *Face) Has(r rune) bool { return isChar(r) && f.glyphIndex(r) != 0 }

// isChar is utf8.ValidRune, cheaper: r is 0 to 0x10FFFF and no surrogate
// (0xD800 to 0xDFFF).
func isChar(r rune) bool { return uint32(r) <= 0x10FFFF && uint32(r)&^0x7FF != 0xD800 }

// Advance returns the advance width of r in 1/1000 em, 0 if !f.Has(r).
func (f *Face) Advance(r rune) float64 {
	if !isChar(r) {
		return 0
	}
	g := f.glyphIndex(r)
	if g == 0 {
		return 0
	}
	return float64(f.advanceUnits(g)) * f.scale
}

// advanceUnits returns glyph g's advance width in font units.
func (f *Face) advanceUnits(g int) uint16 { return u16(f.hmtx[4*min(g, f.numMetrics-1):]) }

// Ascent returns the ascender (hhea, or OS/2 typographic if hhea's is 0) in
// 1/1000 em, a positive number.
func (f *Face) Ascent() float64 { return f.ascent }

// Descent returns the descender (hhea, or OS/2 typographic if hhea's is 0)
// in 1/1000 em, as a positive number.
func (f *Face) Descent() float64 { return f.descent }

// CapHeight returns the height of capital letters (OS/2 sCapHeight, or the
// ascent if the font does not give it) in 1/1000 em.
func (f *Face) CapHeight() float64 { return f.capHeight }

// BBox returns the box enclosing all the font's glyphs (head: xMin, yMin,
// xMax, yMax) in 1/1000 em with the y axis up.
func (f *Face) BBox() [4]float64 { return f.bbox }

// InkY returns how far r's ink reaches below and above the baseline (the
// glyph's yMin and yMax, 1/1000 em, y up); ok is false for a character
// the font lacks or draws blank.
func (f *Face) InkY(r rune) (bottom, top float64, ok bool) {
	if !f.Has(r) {
		return 0, 0, false
	}
	d, err := f.glyphData(f.glyphIndex(r))
	if err != nil || len(d) < 10 {
		return 0, 0, false
	}
	return float64(int16(u16(d[4:]))) * f.scale, float64(int16(u16(d[8:]))) * f.scale, true
}

// Outline returns the outline of r's glyph in 1/1000 em with the y axis up
// and the origin on the baseline at the glyph's left edge, and its advance
// width. A blank glyph, such as a space, has no segments. It returns an
// error wrapping ErrNoGlyph if !f.Has(r).
func (f *Face) Outline(r rune) ([]Segment, float64, error) {
	if !f.Has(r) {
		return nil, 0, fmt.Errorf("%w U+%04X in %s", ErrNoGlyph, r, f.name)
	}
	segs, err := f.glyphOutline(f.glyphIndex(r), 0)
	if err != nil {
		return nil, 0, fmt.Errorf("fonts: %s: outline of U+%04X: %w", f.name, r, err)
	}
	for i := range segs {
		for j := range pointsPerOp[segs[i].Op] {
			segs[i].Pts[j].X *= f.scale
			segs[i].Pts[j].Y *= f.scale
		}
	}
	return segs, f.Advance(r), nil
}
