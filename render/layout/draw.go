package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// appendLine appends the Text items that draw line ln of sh, set in a box
// from x that is w mm wide, on baseline y. White space hanging at the end of
// the line is not drawn. A justified line (not the last of its paragraph)
// spreads the spare room over the gaps next to Chinese characters and after
// spaces, so it ends flush at the right edge; a line too wide for the box
// starts at its left edge.
func appendLine(dst []Item, st *style, sh *shaped, ln line, x, w, y float64, align doc.Align) []Item {
	end := ln.to
	for end > ln.from && sh.cl[end-1].kind&kindSpace != 0 {
		end--
	}
	spare, gap := w-ln.width*st.unit, 0.0
	switch {
	case spare <= 0:
	case align == doc.AlignCenter:
		x += spare / 2
	case align == doc.AlignRight:
		x += spare
	case align == doc.AlignJustify && !ln.last:
		// Never spread a line into gaps wider than one ideograph (a line
		// ended early by a long URL): it stays ragged instead.
		if n := sh.stretchable(ln.from, end); n > 0 && spare/float64(n) <= st.Size*ptMM+epsMM {
			gap = spare / float64(n)
		}
	}
	r := runWriter{dst: dst, st: st, text: sh.text, face: faceInvisible}
	pen := x
	for i := ln.from; i < end; i++ {
		c := &sh.cl[i]
		if gap > 0 && i > ln.from && sh.stretch(i-1) {
			r.flush(y)
			pen += gap
		}
		if c.face >= 0 && c.kind&kindHidden == 0 {
			r.add(c.face, c.start, c.end, pen, y)
			pen += c.adv * st.unit
			if c.kind&kindGrid != 0 { // what follows starts at the cell's end, not the glyph's
				r.flush(y)
			}
			continue
		}
		for j, ru := range sh.text[c.start:c.end] { // mixed faces or hidden runes
			g := st.chain.glyph(ru)
			at := c.start + j
			if g.face == faceInvisible {
				r.skip(at, at+utf8.RuneLen(ru))
				continue
			}
			r.add(g.face, at, at+utf8.RuneLen(ru), pen, y)
			pen += g.adv * st.unit
		}
	}
	r.flush(y)
	return r.dst
}

// stretch reports whether the gap after cluster i takes extra room when
// justifying: next to a Chinese character or after a space, but not inside
// —— or …….
func (s *shaped) stretch(i int) bool {
	a, b := &s.cl[i], &s.cl[i+1]
	if a.base == b.base && pairedMark(a.base) {
		return false
	}
	return (a.kind|b.kind)&kindWide != 0 || a.kind&kindSpace != 0
}

// stretchable counts the stretchable gaps inside clusters [from, to).
func (s *shaped) stretchable(from, to int) int {
	n := 0
	for i := from; i+1 < to; i++ {
		if s.stretch(i) {
			n++
		}
	}
	return n
}

// runWriter gathers consecutive characters drawn in one face into a Text.
type runWriter struct {
	dst        []Item
	st         *style
	text       string
	face       int     // face of the open run, faceInvisible when none
	x          float64 // where the open run starts
	start, end int     // its bytes in text
	hidden     bool    // it holds invisible runes, to be dropped
}

// add appends bytes [start, end) drawn in face at pen.
func (r *runWriter) add(face, start, end int, pen, y float64) {
	if face != r.face || start != r.end {
		r.flush(y)
		r.face, r.x, r.start = face, pen, start
	}
	r.end = end
}

// skip passes over invisible bytes [start, end).
func (r *runWriter) skip(start, end int) {
	if r.face != faceInvisible && start == r.end {
		r.end, r.hidden = end, true
	}
}

func (r *runWriter) flush(y float64) {
	if r.face == faceInvisible {
		return
	}
	s := r.text[r.start:r.end]
	if r.hidden {
		s = strings.Map(visible, s)
	}
	ref := r.st.chain.refs[r.face]
	r.dst = append(r.dst, Text{X: r.x, Y: y, Size: r.st.Size, FaceID: ref.ID, FakeBold: ref.FakeBold, Text: s})
	r.face, r.hidden = faceInvisible, false
}
