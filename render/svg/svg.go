// Package svg draws one laid-out page as SVG: the white page, its text as
// glyph outlines from the same faces the PDF embeds, the table rules and
// the page number, at the same positions as the PDF writer puts them. A
// browser shows the page exactly as it prints, with no PDF viewer and no
// fonts of its own. Like the PDF writer it makes no layout decisions, and
// the same page always gives the same bytes.
package svg

import (
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// ptPerMM converts the layout's points (font sizes) to its millimetres.
const ptPerMM = 72 / 25.4

// Write draws page n (0-based) of r as a standalone SVG document whose
// user unit is the millimetre. Each glyph's outline is defined once per
// page, in font units (1/1000 em), and placed where the layout put it.
func Write(w io.Writer, r *layout.Result, n int) error {
	if n < 0 || n >= len(r.Pages) {
		return fmt.Errorf("svg: page %d of %d", n+1, len(r.Pages))
	}
	p := painter{faces: r.Faces, ids: map[glyphKey]int{}}
	for _, it := range r.Pages[n].Items {
		p.draw(it)
	}
	wd, ht := num(r.Page.Width), num(r.Page.Height)
	var b []byte
	b = fmt.Appendf(b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%smm" height="%smm" viewBox="0 0 %s %s">`+"\n", wd, ht, wd, ht)
	b = fmt.Appendf(b, `<rect width="%s" height="%s" fill="#fff"/>`+"\n", wd, ht)
	if len(p.defs) > 0 {
		b = append(b, "<defs>\n"...)
		b = append(b, p.defs...)
		b = append(b, "</defs>\n"...)
	}
	b = append(b, p.body...)
	b = append(b, "</svg>\n"...)
	_, err := w.Write(b)
	return err
}

// glyphKey names one glyph of one face.
type glyphKey struct {
	face string
	r    rune
}

// painter collects a page's glyph definitions and the drawing that uses them.
type painter struct {
	faces map[string]layout.Face
	ids   map[glyphKey]int // glyph → its definition's number; -1 when blank
	defs  []byte
	body  []byte
}

func (p *painter) draw(it layout.Item) {
	switch it := it.(type) {
	case layout.Text:
		face, ok := p.faces[it.FaceID].(*fonts.Face)
		if !ok {
			return
		}
		if it.FakeBold {
			// As the PDF does: fill and stroke, 0.03 em wide (30 font units).
			p.body = append(p.body, `<g stroke="#000" stroke-width="30">`...)
		}
		p.run(face, it.FaceID, it.Text, it.X, it.Y, it.Size)
		if it.FakeBold {
			p.body = append(p.body, "</g>\n"...)
		}
	case layout.Rule:
		p.body = fmt.Appendf(p.body, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000" stroke-width="%s"/>`+"\n",
			num(it.X1), num(it.Y1), num(it.X2), num(it.Y2), num(it.Width))
	case layout.PageNumber:
		face, ok := p.faces[it.FaceID].(*fonts.Face)
		if !ok {
			return
		}
		p.run(face, it.FaceID, it.Text, it.Start(face), it.Y, it.Size)
	}
}

// run places the glyphs of s in face, size pt, from x on baseline y (mm),
// each advanced by its width as the PDF's glyph widths do.
func (p *painter) run(face *fonts.Face, id, s string, x, y, size float64) {
	scale := size / 1000 / ptPerMM // font units → mm
	for _, r := range s {
		key := glyphKey{id, r}
		g, ok := p.ids[key]
		if !ok {
			g = p.define(face, r)
			p.ids[key] = g
		}
		if g >= 0 {
			p.body = fmt.Appendf(p.body, `<use xlink:href="#g%d" transform="matrix(%s 0 0 %s %s %s)"/>`+"\n",
				g, num6(scale), num6(-scale), num(x), num(y))
		}
		x += face.Advance(r) * scale
	}
}

// define adds r's outline in face to the definitions and returns its
// number, or -1 for a glyph with no outline (a space, or one the face
// lacks: the layout never draws those).
func (p *painter) define(face *fonts.Face, r rune) int {
	segs, _, err := face.Outline(r)
	if err != nil || len(segs) == 0 {
		return -1
	}
	g := len(p.ids)
	p.defs = fmt.Appendf(p.defs, `<path id="g%d" d="`, g)
	for i, s := range segs {
		if i > 0 {
			p.defs = append(p.defs, ' ')
		}
		switch s.Op {
		case fonts.MoveTo:
			if i > 0 {
				p.defs = append(p.defs, "Z "...)
			}
			p.defs = fmt.Appendf(p.defs, "M%s %s", num(s.Pts[0].X), num(s.Pts[0].Y))
		case fonts.LineTo:
			p.defs = fmt.Appendf(p.defs, "L%s %s", num(s.Pts[0].X), num(s.Pts[0].Y))
		case fonts.QuadTo:
			p.defs = fmt.Appendf(p.defs, "Q%s %s %s %s", num(s.Pts[0].X), num(s.Pts[0].Y), num(s.Pts[1].X), num(s.Pts[1].Y))
		case fonts.CubeTo:
			p.defs = fmt.Appendf(p.defs, "C%s %s %s %s %s %s", num(s.Pts[0].X), num(s.Pts[0].Y), num(s.Pts[1].X), num(s.Pts[1].Y), num(s.Pts[2].X), num(s.Pts[2].Y))
		}
	}
	p.defs = append(p.defs, " Z\"/>\n"...)
	return g
}

// num writes v with at most three decimals (a micrometre, or 1/1000 of a
// font unit), without trailing zeros.
func num(v float64) string { return strconv.FormatFloat(roundTo(v, 1e3), 'f', -1, 64) }

// num6 writes a glyph's scale with six decimals' precision.
func num6(v float64) string { return strconv.FormatFloat(roundTo(v, 1e6), 'f', -1, 64) }

func roundTo(v, k float64) float64 {
	v = math.Round(v*k) / k
	if v == 0 {
		return 0 // no "-0"
	}
	return v
}
