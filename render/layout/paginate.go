package layout

import (
	"cmp"
	"math"
	"slices"

	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
)

// Table pagination. Rows are placed one at a time; every cell on a page is a
// fragment, drawn once its bottom is known: when the last row it spans is
// placed, or at a page break. A page break inside a cell's rows closes the
// fragment there and opens another on the next page, below the repeated
// header, so:
//   - a cell taller than the room left shows the lines that fit and goes on
//     with the rest on the next page;
//   - a row-spanning label whose text was already shown shows it again on
//     the new page, if it fits in its new fragment.

// frag is the part of a cell on the current page.
type frag struct {
	c     *cell
	y0    float64 // top on this page
	next  int     // first line not shown yet
	shown bool    // every line has been shown
	key   int     // the row whose cells it is drawn with, for reading order
}

// tableState is the pagination state of one table.
type tableState struct {
	t     *table
	p     *pager
	open  []*frag // fragments of cells that have not ended
	spare []frag  // allocated fragments not handed out yet
	onTop bool    // this page's part of the table started at the page top
	rows  int     // body rows finished on this page
	part  tablePart
}

// tablePart collects what the table draws on the current page.
type tablePart struct {
	top   float64
	items []Item      // cell texts, in the order fragments closed
	draws []cellDraw  // which items each fragment drew
	boxes []cellBoxes // fragment boxes, for the borders
	// buffers for the border segments
	across, down []segment
}

type cellDraw struct{ key, col, from, to int }

type cellBoxes struct{ x, w, y0, y1 float64 }

// openRow opens a fragment at y for each cell starting in row r.
func (ts *tableState) openRow(r int, y float64) {
	for _, c := range ts.t.rows[r].cells {
		if len(ts.spare) == 0 {
			ts.spare = make([]frag, 16)
		}
		f := &ts.spare[0]
		ts.spare = ts.spare[1:]
		*f = frag{c: c, y0: y, key: r}
		ts.open = append(ts.open, f)
	}
}

// rowNeed is the height row r needs when it starts at y: enough for the
// lines still to show in every cell that ends in it.
func (ts *tableState) rowNeed(r int, y float64) float64 {
	h := ts.t.rows[r].min
	for _, f := range ts.open {
		if f.c.last() == r && !f.shown {
			h = max(h, f.c.need(f.next, len(f.c.lines))-(y-f.y0))
		}
	}
	return h
}

// dropEnded forgets the fragments of cells that end in row r.
func (ts *tableState) dropEnded(r int) {
	ts.open = slices.DeleteFunc(ts.open, func(f *frag) bool { return f.c.last() == r })
}

// placeTable places a table from the current position; keep has made sure
// that its start fits. The table breaks between any two rows (a row
// spanning label shows again on the next page), except that rows kept
// with the next one (doc.Row.KeepWithNext) move on together, and a row
// that does not fit moves to the next page whole if it fits there.
func (p *pager) placeTable(t *table) error {
	ts := &tableState{t: t, p: p}
	fresh := p.fresh
	if t.joined && fresh {
		ts.continuation() // the form's second part starts a page
	}
	ts.beginPart()
	ts.onTop = fresh
	for r := 0; r < t.header; r++ {
		ts.placeRow(r)
	}
	for r := t.header; r < len(t.rows); r++ {
		if end := t.chainEnd(r); end > r+1 && !ts.atTop() {
			if h := t.height(r, end); h <= t.avail+epsMM && p.y+h > p.geo.bottom+epsMM {
				ts.breakPage(p.y, r)
			}
		}
		if err := ts.place(r); err != nil {
			return err
		}
	}
	ts.endPart(p.y)
	return nil
}

// continuation draws the table's continuation line, if it has one, at the
// top of a page.
func (ts *tableState) continuation() {
	p, c := ts.p, ts.t.cont
	if c == nil {
		return
	}
	p.drawLines(c, 0, len(c.lines))
	p.y += c.st.after
}

// atTop reports whether no body row is on this page yet and the table
// started the page, so moving to a new page would not help.
func (ts *tableState) atTop() bool { return ts.onTop && ts.rows == 0 }

// place places body row r: whole if it fits; on the next page if it fits
// there; else split at the page bottom, line by line, as often as needed.
func (ts *tableState) place(r int) error {
	p, t := ts.p, ts.t
	ts.openRow(r, p.y)
	for {
		h := ts.rowNeed(r, p.y)
		room := p.geo.bottom - p.y
		switch {
		case h <= room+epsMM:
			ts.finishRow(r, h)
			ts.rows++
			return nil
		case !ts.atTop() && h <= t.avail+epsMM:
			ts.breakPage(p.y, r)
		case room >= t.rows[r].min-epsMM:
			ts.breakPage(p.geo.bottom, r)
		case !ts.atTop():
			ts.breakPage(p.y, r)
		default: // a text far too long for its cell (G3)
			return tooTall(t, r)
		}
	}
}

// placeRow places row r, which fits, with no cell entering from above.
func (ts *tableState) placeRow(r int) {
	ts.openRow(r, ts.p.y)
	ts.finishRow(r, ts.rowNeed(r, ts.p.y))
}

// finishRow closes row r with height h: the cells ending in it are drawn.
func (ts *tableState) finishRow(r int, h float64) {
	y1 := ts.p.y + h
	for _, f := range ts.open {
		if f.c.last() == r {
			ts.close(f, y1, true)
		}
	}
	ts.dropEnded(r)
	ts.p.y, ts.p.fresh = y1, false
}

// breakPage ends the table's part on this page at y and continues on a new
// page with the header and fresh fragments of the open cells, which are
// drawn with row r there.
func (ts *tableState) breakPage(y float64, r int) {
	for _, f := range ts.open {
		ts.close(f, y, false)
	}
	ts.endPart(y)
	ts.p.newPage(false)
	ts.continuation()
	ts.beginPart()
	ts.onTop = true
	saved := ts.open
	ts.open = nil
	top := ts.p.y
	for h := 0; h < ts.t.header; h++ {
		ts.placeRow(h)
	}
	ts.open = saved
	for _, f := range ts.open {
		f.y0, f.key = ts.p.y, r
		if f.c.row < ts.t.header { // a header cell spanning into the body
			f.y0 = top
		}
	}
}

// close draws fragment f, which ends at y1. At the cell's end (final) the
// remaining lines are drawn; at a page break, those that fit. A cell whose
// lines have all been shown is empty on later pages, except that a
// row-spanning cell repeats its text when it fits.
func (ts *tableState) close(f *frag, y1 float64, final bool) {
	c := f.c
	h := y1 - f.y0
	if h <= epsMM {
		return
	}
	if ts.t.borders && !ts.p.dry {
		ts.part.boxes = append(ts.part.boxes, cellBoxes{c.x, c.w, f.y0, y1})
	}
	if !ts.p.dry {
		ts.p.span(c.pos, c.field, ts.p.geo.left+c.x, f.y0, c.w, h)
	}
	n := len(c.lines)
	switch {
	case f.shown:
		if c.rows > 1 && c.need(0, n) <= h+epsMM {
			ts.draw(f, y1, 0, n)
		}
	case final:
		ts.draw(f, y1, f.next, n)
		f.next, f.shown = n, true
	default:
		k := int(math.Floor((h - 2*c.st.pad + epsMM) / c.st.pitch))
		b := min(n, f.next+max(k, 0))
		ts.draw(f, y1, f.next, b)
		f.next, f.shown = b, b == n
	}
}

// draw draws lines [a, b) of f's cell in the fragment's box, aligned
// vertically by the cell style.
func (ts *tableState) draw(f *frag, y1 float64, a, b int) {
	if a == b || ts.p.dry {
		return
	}
	c, st := f.c, f.c.st
	spare := y1 - f.y0 - c.need(a, b)
	top := f.y0 + st.pad
	switch {
	case spare <= 0 || st.VAlign == doc.VAlignTop:
	case st.VAlign == doc.VAlignBottom:
		top += spare
	default:
		top += spare / 2
	}
	x := ts.p.geo.left + c.x + c.padX
	from := len(ts.part.items)
	for i := a; i < b; i++ {
		y := top + float64(i-a)*st.pitch + st.base
		ts.part.items = appendLine(ts.part.items, st, c.sh, c.lines[i], x, c.w-2*c.padX, y, st.Align)
	}
	ts.part.draws = append(ts.part.draws, cellDraw{f.key, c.col, from, len(ts.part.items)})
}

func (ts *tableState) beginPart() {
	pt := &ts.part
	pt.top, pt.items, pt.draws, pt.boxes = ts.p.y, pt.items[:0], pt.draws[:0], pt.boxes[:0]
	ts.onTop, ts.rows = ts.p.fresh, 0
}

// endPart emits the table's part on this page, which ends at y: cell texts
// in reading order, then the borders.
func (ts *tableState) endPart(y float64) {
	if ts.p.dry {
		return
	}
	pt, pg := &ts.part, ts.p.page()
	slices.SortStableFunc(pt.draws, func(a, b cellDraw) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.col, b.col))
	})
	for _, d := range pt.draws {
		pg.Items = append(pg.Items, pt.items[d.from:d.to]...)
	}
	if !ts.t.borders || y-pt.top <= epsMM {
		return
	}
	left := ts.p.geo.left
	right := left + ts.t.colX[len(ts.t.colX)-1]
	// Every fragment draws its left edge and, below the part's top, its top
	// edge; the part closes with its outer edges. Collinear pieces merge.
	h := append(pt.across[:0], segment{pt.top, left, right}, segment{y, left, right})
	v := append(pt.down[:0], segment{right, pt.top, y})
	for _, b := range pt.boxes {
		if b.y0 > pt.top+epsMM {
			h = append(h, segment{b.y0, left + b.x, left + b.x + b.w})
		}
		v = append(v, segment{left + b.x, b.y0, b.y1})
	}
	for _, s := range mergeSegments(h) {
		pg.Items = append(pg.Items, Rule{X1: s.from, Y1: s.at, X2: s.to, Y2: s.at, Width: ruleWidth})
	}
	for _, s := range mergeSegments(v) {
		pg.Items = append(pg.Items, Rule{X1: s.at, Y1: s.from, X2: s.at, Y2: s.to, Width: ruleWidth})
	}
	pt.across, pt.down = h, v
}

// segment is a horizontal rule at y = at from x = from to x = to, or a
// vertical one at x = at.
type segment struct{ at, from, to float64 }

// mergeSegments joins segments that lie on one line and touch or overlap.
func mergeSegments(s []segment) []segment {
	slices.SortFunc(s, func(a, b segment) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.from, b.from)) })
	out := s[:0]
	for _, c := range s {
		if n := len(out); n > 0 && math.Abs(out[n-1].at-c.at) <= epsMM && c.from <= out[n-1].to+epsMM {
			out[n-1].to = max(out[n-1].to, c.to)
			continue
		}
		out = append(out, c)
	}
	return out
}

// tooTall is the finding for row r of t, which cannot be placed even on a
// page of its own: about the longest text of the row, at its field.
func tooTall(t *table, r int) error {
	var worst *cell
	for _, c := range t.rows[r].cells {
		if worst == nil || len(c.lines) > len(worst.lines) {
			worst = c
		}
	}
	d := diag.Diagnostic{Severity: diag.Error, Code: "G3"}
	text := ""
	if worst != nil {
		d.Pos, d.Path = worst.pos, worst.field
		text = worst.sh.text
	}
	return diag.List{d.Say(
		diag.T("table %q, row %d cannot be placed on a page: %q is too long for its cell", t.name, r+1, text),
		diag.T("shorten the text; a row's text must fit on one page"))}
}
