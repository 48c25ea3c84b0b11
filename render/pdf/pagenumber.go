package pdf

import (
	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// pageNumber draws a page number as glyph outlines rather than text.
// Page numbers are page furniture, not content: drawn this way they never
// interrupt text that is copied or extracted across a page break (a
// paragraph continued on the next page reads on without "— 2 —" in the
// middle), much as tagged PDF marks them as artifacts.
func (p *painter) pageNumber(n layout.PageNumber) {
	face, ok := p.outlines[n.FaceID].(*fonts.Face)
	if !ok {
		return
	}
	scale := n.Size / 1000 / ptPerMM // font units (1/1000 em) → mm
	x := n.Start(face)
	drawn := false
	for _, r := range n.Text {
		segs, adv, err := face.Outline(r)
		if err != nil {
			continue
		}
		drawn = p.glyph(segs, x, n.Y, scale) || drawn
		x += adv * scale
	}
	if drawn {
		p.op("f")
	}
}

// glyph adds a glyph's outline, its origin at x, y (mm), to the current
// path and reports whether it had any. Quadratic curves become the cubic
// curves PDF draws.
func (p *painter) glyph(segs []fonts.Segment, x, y, scale float64) bool {
	// at converts a point of the outline to page points.
	at := func(pt fonts.Point) fonts.Point { return fonts.Point{X: p.x(x + pt.X*scale), Y: p.y(y - pt.Y*scale)} }
	var cur fonts.Point
	for i, s := range segs {
		switch s.Op {
		case fonts.MoveTo:
			if i > 0 {
				p.op("h")
			}
			cur = at(s.Pts[0])
			p.op("m", cur.X, cur.Y)
		case fonts.LineTo:
			cur = at(s.Pts[0])
			p.op("l", cur.X, cur.Y)
		case fonts.QuadTo:
			c, end := at(s.Pts[0]), at(s.Pts[1])
			c1 := fonts.Point{X: cur.X + 2.0/3*(c.X-cur.X), Y: cur.Y + 2.0/3*(c.Y-cur.Y)}
			c2 := fonts.Point{X: end.X + 2.0/3*(c.X-end.X), Y: end.Y + 2.0/3*(c.Y-end.Y)}
			p.op("c", c1.X, c1.Y, c2.X, c2.Y, end.X, end.Y)
			cur = end
		case fonts.CubeTo:
			c1, c2, end := at(s.Pts[0]), at(s.Pts[1]), at(s.Pts[2])
			p.op("c", c1.X, c1.Y, c2.X, c2.Y, end.X, end.Y)
			cur = end
		}
	}
	if len(segs) > 0 {
		p.op("h")
	}
	return len(segs) > 0
}
