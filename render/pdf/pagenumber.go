package pdf

import (
	"sort"

	"github.com/go-pdf/fpdf"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// drawOutlined draws a page number as glyph outlines rather than text.
// Page numbers are page furniture, not content: drawn this way they never
// interrupt text that is copied or extracted across a page break (a
// paragraph continued on the next page reads on without "— 2 —" in the
// middle), much as tagged PDF marks them as artifacts.
func drawOutlined(p *fpdf.Fpdf, n layout.PageNumber, fs *FontSet) {
	face := fs.faces[n.FaceID]
	if face == nil {
		return
	}
	scale := n.Size / 1000 * ptToMM // font units (1/1000 em) → mm
	width := 0.0
	for _, r := range n.Text {
		width += face.Advance(r) * scale
	}
	x := n.X
	if n.AlignRight {
		x -= width
	} else if n.Center {
		x -= width / 2
	}
	for _, r := range n.Text {
		segs, adv, err := face.Outline(r)
		if err != nil {
			continue
		}
		drawGlyph(p, segs, x, n.Y, scale)
		x += adv * scale
	}
}

func drawGlyph(p *fpdf.Fpdf, segs []fonts.Segment, x, y, scale float64) {
	if len(segs) == 0 {
		return
	}
	at := func(pt fonts.Point) (float64, float64) { return x + pt.X*scale, y - pt.Y*scale }
	for _, s := range segs {
		switch s.Op {
		case fonts.MoveTo:
			p.MoveTo(at(s.Pts[0]))
		case fonts.LineTo:
			p.LineTo(at(s.Pts[0]))
		case fonts.QuadTo:
			cx, cy := at(s.Pts[0])
			ex, ey := at(s.Pts[1])
			p.CurveTo(cx, cy, ex, ey)
		case fonts.CubeTo:
			c1x, c1y := at(s.Pts[0])
			c2x, c2y := at(s.Pts[1])
			ex, ey := at(s.Pts[2])
			p.CurveBezierCubicTo(c1x, c1y, c2x, c2y, ex, ey)
		}
	}
	p.ClosePath()
	p.SetFillColor(0, 0, 0)
	p.DrawPath("F")
}

func sortedAnchors(m map[string]layout.Anchor) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
