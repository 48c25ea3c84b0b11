package layout

import (
	"fmt"
	"math"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// ptMM is one point in millimetres.
const ptMM = 25.4 / 72

// style is a doc.Style resolved to a font chain, with its lengths in mm.
type style struct {
	doc.Style
	chain  *chain
	unit   float64 // mm per 1/1000 em at this size
	pitch  float64 // line pitch, mm
	base   float64 // from the top of a line box to its baseline, mm
	pad    float64 // cell padding, mm
	before float64 // space before, mm
	after  float64 // space after, mm
	indent float64 // first-line indent, mm
	cell   float64 // width of a character grid cell in 1/1000 em; 0 off the grid
}

// style looks up, checks and resolves the named style. Lines must fit in the
// text block, so that pagination always makes progress.
func (pr *preparer) style(name string) (*style, error) {
	if s, ok := pr.styles[name]; ok {
		return s, nil
	}
	ds, ok := pr.doc.Styles[name]
	if !ok {
		return nil, fmt.Errorf("unknown style %q", name)
	}
	bad := func(what string, v float64) error {
		return fmt.Errorf("style %q: %s %g is out of range", name, what, v)
	}
	switch {
	case !(ds.Size > 0 && ds.Size < 10000):
		return nil, bad("font size", ds.Size)
	case !(ds.LineHeight >= 0 && ds.LineHeight < 10000):
		return nil, bad("line height", ds.LineHeight)
	case !(ds.FirstIndent >= 0 && ds.FirstIndent < 1000):
		return nil, bad("first-line indent", ds.FirstIndent)
	case !(ds.SpaceBefore >= 0 && ds.SpaceBefore < 10000):
		return nil, bad("space before", ds.SpaceBefore)
	case !(ds.SpaceAfter >= 0 && ds.SpaceAfter < 10000):
		return nil, bad("space after", ds.SpaceAfter)
	case !(ds.Padding >= 0 && ds.Padding < 1000):
		return nil, bad("padding", ds.Padding)
	}
	c, err := pr.fonts.chain(ds.Font, ds.Bold)
	if err != nil {
		return nil, fmt.Errorf("style %q: %w", name, err)
	}
	s := &style{
		Style:  ds,
		chain:  c,
		unit:   ds.Size * ptMM / 1000,
		pad:    ds.Padding,
		before: ds.SpaceBefore * ptMM,
		after:  ds.SpaceAfter * ptMM,
		indent: ds.FirstIndent * ds.Size * ptMM,
	}
	if g := pr.doc.Page.Grid; ds.Grid && g.Chars > 0 {
		// A hair narrower than an exact fraction of the line, so that
		// Chars cells fit it whatever the rounding; the indent is in
		// cells too, as Word counts it on a grid.
		s.cell = pr.geo.width() / float64(g.Chars) / s.unit * (1 - 1e-9)
		s.indent = ds.FirstIndent * s.cell * s.unit
	}
	s.pitch = ds.LineHeight * ptMM
	if ds.LineHeight == 0 {
		s.pitch = 1.3 * ds.Size * ptMM
	}
	// Centre the face's ascent+descent in the line box (half-leading).
	asc, desc := c.ascent()*s.unit, c.descent()*s.unit
	s.base = (s.pitch-asc-desc)/2 + asc
	if math.IsNaN(s.base) || math.IsInf(s.base, 0) {
		return nil, fmt.Errorf("style %q: font role %q has unusable ascent or descent", name, ds.Font)
	}
	if h := pr.geo.height(); s.pitch+2*s.pad > h {
		return nil, fmt.Errorf("style %q: a line of %.1f mm (with padding) does not fit in the %.1f mm text block", name, s.pitch+2*s.pad, h)
	}
	pr.styles[name] = s
	return s, nil
}

// sizedKey names a style set at another size.
type sizedKey struct {
	name string
	size float64
}

// sized returns st set at size pt (a table cell's text shrunk to fit its
// column, doc.Cell.Size): the same font and line pitch, so the row keeps its
// height, and the padding shrunk in proportion.
func (pr *preparer) sized(st *style, size float64) *style {
	if size <= 0 || size == st.Size {
		return st
	}
	k := sizedKey{st.Name, size}
	if s, ok := pr.sizedStyles[k]; ok {
		return s
	}
	s := *st
	s.Size = size
	s.unit = size * ptMM / 1000
	s.pad = st.pad * size / st.Size
	asc, desc := s.chain.ascent()*s.unit, s.chain.descent()*s.unit
	s.base = (s.pitch-asc-desc)/2 + asc
	pr.sizedStyles[k] = &s
	return &s
}
