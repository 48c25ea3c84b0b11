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
	"sync"

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
	m := num6(scale) + " 0 0 " + num6(-scale) + " "
	for _, r := range s {
		key := glyphKey{id, r}
		g, ok := p.ids[key]
		if !ok {
			g = p.define(face, r)
			p.ids[key] = g
		}
		if g >= 0 {
			b := append(p.body, `<use xlink:href="#g`...)
			b = strconv.AppendInt(b, int64(g), 10)
			b = append(append(b, `" transform="matrix(`...), m...)
			b = appendNum(append(appendNum(b, x), ' '), y)
			p.body = append(b, ")\"/>\n"...)
		}
		x += face.Advance(r) * scale
	}
}

// define adds r's outline in face to the definitions and returns its
// number, or -1 for a glyph with no outline (a space, or one the face
// lacks: the layout never draws those).
func (p *painter) define(face *fonts.Face, r rune) int {
	d := outlinePath(face, r)
	if d == nil {
		return -1
	}
	g := len(p.ids)
	p.defs = append(p.defs, `<path id="g`...)
	p.defs = strconv.AppendInt(p.defs, int64(g), 10)
	p.defs = append(p.defs, `" d="`...)
	p.defs = append(p.defs, d...)
	p.defs = append(p.defs, "\"/>\n"...)
	return g
}

// outlines caches each glyph's path data by face and rune: a preview draws
// the same few hundred glyphs on every edit, and decoding and writing them
// was most of its time. It holds at most every glyph of the built-in and
// installed faces.
var outlines sync.Map // outlineKey → []byte, nil for a blank glyph

type outlineKey struct {
	face *fonts.Face
	r    rune
}

// outlinePath returns the path data of r's glyph in face, in font units,
// or nil if it has no outline.
func outlinePath(face *fonts.Face, r rune) []byte {
	key := outlineKey{face, r}
	if d, ok := outlines.Load(key); ok {
		return d.([]byte)
	}
	segs, _, err := face.Outline(r)
	var d []byte
	if err == nil {
		for i, s := range segs {
			if i > 0 {
				d = append(d, ' ')
			}
			switch s.Op {
			case fonts.MoveTo:
				if i > 0 {
					d = append(d, "Z "...)
				}
				d = append(d, 'M')
			case fonts.LineTo:
				d = append(d, 'L')
			case fonts.QuadTo:
				d = append(d, 'Q')
			case fonts.CubeTo:
				d = append(d, 'C')
			}
			for k := range s.Op.Points() {
				if k > 0 {
					d = append(d, ' ')
				}
				d = appendNum(append(appendNum(d, s.Pts[k].X), ' '), s.Pts[k].Y)
			}
		}
		if d != nil {
			d = append(d, " Z"...)
		}
	}
	outlines.Store(key, d)
	return d
}

// num writes v with at most three decimals (a micrometre, or 1/1000 of a
// font unit), without trailing zeros.
func num(v float64) string { return string(appendNum(nil, v)) }

func appendNum(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, roundTo(v, 1e3), 'f', -1, 64)
}

// num6 writes a glyph's scale with six decimals' precision.
func num6(v float64) string { return strconv.FormatFloat(roundTo(v, 1e6), 'f', -1, 64) }

func roundTo(v, k float64) float64 {
	v = math.Round(v*k) / k
	if v == 0 {
		return 0 // no "-0"
	}
	return v
}
