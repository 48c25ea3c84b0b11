package layout

import (
	"math"
	"slices"
	"sort"

	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
)

// Fitting a form's columns to its contents. A number, a code, an indicator
// value or a label that may not wrap (doc.Style.NoWrap) is never broken
// inside. The template's column widths are where the layout starts: when a
// cell's unbreakable text does not fit its columns, they take the room
// from columns that have some to spare, within the table's width; only
// when that cannot suffice is the text set smaller, in steps of half a
// point down to its style's MinSize: first the cells wider than their
// template columns or setting their columns' widths, then any that may
// shrink, step by step, until the form fits. What still does not fit is a G2
// finding, before anything is written. The tables of one form (doc.Table.
// Joined) are fitted together on their shared column edges, so the edges
// stay lined up.
//
// The result is written back into the document, doc.Table.Columns and
// doc.Cell.Size, so that the DOCX, written from the same document, has the
// grid the PDF has.

// sizeStep is how much a cell's text shrinks per step, in pt.
const sizeStep = 0.5

// scriptGap is the room, in 1/1000 em, a fitted text that may not wrap
// keeps at each change between Chinese and Latin letters or digits:
// LibreOffice puts about a fifth of an em there, even where the DOCX asks
// for no such space (w:autoSpaceDE/DN), and would wrap ≤10个工作日 in a
// column exactly as wide as the PDF's text.
const scriptGap = 250

// fitSlack is room a fitted cell keeps beyond its text, in mm, for the
// rounding of word processors that lay the DOCX out with other fonts.
const fitSlack = 0.3

// fitCell is one cell of a form with the width its unbreakable text needs.
type fitCell struct {
	dc     *doc.Cell
	table  string
	row    int
	st     *style
	wide   float64 // widest unbreakable run, 1/1000 em
	a, b   int     // union grid columns [a, b)
	size   float64 // pt, as fitted
	floor  float64 // smallest size allowed
	tmplMM float64 // the span's width in the template
}

// need is the width the cell needs at its fitted size: its padding shrinks
// with its text (see sized).
func (c *fitCell) need() float64 {
	return c.wide*c.size*ptMM/1000 + 2*c.st.pad*c.size/c.st.Size + fitSlack
}

// fitRun fits the columns of a form's tables, tables[0] and the tables
// joined to it.
func (pr *preparer) fitRun(tables []*doc.Table) error {
	total := func(t *doc.Table) float64 { return sum(t.Columns) }
	for _, t := range tables[1:] {
		if math.Abs(total(t)-total(tables[0])) > widthSlack {
			for _, t := range tables { // not one grid: each on its own
				if err := pr.fitRun([]*doc.Table{t}); err != nil {
					return err
				}
			}
			return nil
		}
	}
	for _, t := range tables {
		if _, err := t.Grid(); err != nil {
			return err
		}
	}
	// The union of the tables' column edges.
	var edges []float64
	for _, t := range tables {
		x := 0.0
		edges = append(edges, 0)
		for _, w := range t.Columns {
			x += w
			edges = append(edges, x)
		}
	}
	sort.Float64s(edges)
	edges = slices.CompactFunc(edges, func(a, b float64) bool { return math.Abs(a-b) <= epsMM })
	index := func(x float64) int {
		return sort.Search(len(edges), func(i int) bool { return edges[i] >= x-epsMM })
	}
	tmpl := make([]float64, len(edges)-1)
	for j := range tmpl {
		tmpl[j] = edges[j+1] - edges[j]
	}
	var cells []*fitCell
	for _, t := range tables {
		colX := make([]float64, len(t.Columns)+1)
		for i, w := range t.Columns {
			colX[i+1] = colX[i] + w
		}
		for r := range t.Rows {
			for i := range t.Rows[r].Cells {
				dc := &t.Rows[r].Cells[i]
				if dc.Col < 0 || dc.ColSpan < 1 || dc.Col+dc.ColSpan > len(t.Columns) {
					continue // Grid reports it
				}
				at := site{what: t.Name, row: r + 1, col: dc.Col + 1, pos: dc.Pos}
				st, err := pr.style(dc.Style)
				if err != nil {
					return at.wrap(err)
				}
				sh, err := pr.shape(dc.Text, st, at)
				if err != nil {
					return err
				}
				dc.Size = 0
				wide := sh.widest(st.NoWrap)
				if st.NoWrap && wide > 0 {
					wide += scriptGap * float64(sh.scriptChanges())
				}
				if wide <= 0 {
					continue
				}
				c := &fitCell{dc: dc, table: t.Name, row: r + 1, st: st, wide: wide, size: st.Size, floor: st.Size,
					a: index(colX[dc.Col]), b: index(colX[dc.Col+dc.ColSpan]), tmplMM: colX[dc.Col+dc.ColSpan] - colX[dc.Col]}
				if c.a == c.b {
					continue // a cell of zero width: its columns hold nothing to fit
				}
				if st.MinSize > 0 {
					c.floor = st.MinSize
				}
				cells = append(cells, c)
			}
		}
	}
	width := sum(tmpl)
	var m []float64
	for {
		m = minWidths(tmpl, cells)
		if sum(m) <= width+epsMM {
			break
		}
		if m = tightest(tmpl, cells); sum(m) <= width+epsMM {
			break
		}
		// Shrink the cells that are wider than their template columns or
		// set their columns' widths; when none of them can shrink any
		// more, every cell that still can.
		if !shrink(cells, func(c *fitCell) bool { return c.need() > c.tmplMM || c.need() >= sum(m[c.a:c.b])-0.01 }) &&
			!shrink(cells, func(*fitCell) bool { return true }) {
			return fitError(tmpl, cells, width)
		}
	}
	for _, c := range cells {
		if c.size != c.st.Size {
			c.dc.Size = c.size
		}
	}
	if !slices.ContainsFunc(cells, func(c *fitCell) bool { return c.need() > sum(tmpl[c.a:c.b])+epsMM }) {
		return nil // the template's widths do
	}
	widths := spread(tmpl, m, width)
	for _, t := range tables {
		x := 0.0
		for i, w := range t.Columns {
			a, b := index(x), index(x+w)
			x += w
			t.Columns[i] = sum(widths[a:b])
		}
	}
	return nil
}

// shrink sets the cells that which picks one step smaller, down to their
// floor, and reports whether any of them shrank.
func shrink(cells []*fitCell, which func(*fitCell) bool) bool {
	shrunk := false
	for _, c := range cells {
		if c.size > c.floor+epsMM && which(c) {
			c.size = max(c.floor, c.size-sizeStep)
			shrunk = true
		}
	}
	return shrunk
}

// minWidths is the least width of each grid column that lets every cell
// fit: cells are taken narrowest span first, and a cell's shortfall goes to
// the columns of its span that still have template room, then to all of
// them in proportion to their template widths.
func minWidths(tmpl []float64, cells []*fitCell) []float64 {
	order := slices.Clone(cells)
	slices.SortStableFunc(order, func(x, y *fitCell) int { return (x.b - x.a) - (y.b - y.a) })
	m := make([]float64, len(tmpl))
	for _, c := range order {
		short := c.need() - sum(m[c.a:c.b])
		if short <= epsMM {
			continue
		}
		// Columns with template room not yet claimed take the shortfall
		// first, in proportion to that room; the rest in proportion to
		// their template widths.
		room := 0.0
		for j := c.a; j < c.b; j++ {
			room += max(tmpl[j]-m[j], 0)
		}
		if room > epsMM {
			take := min(short, room)
			for j := c.a; j < c.b; j++ {
				m[j] += take * max(tmpl[j]-m[j], 0) / room
			}
			short -= take
		}
		if short <= epsMM {
			continue
		}
		span := sum(tmpl[c.a:c.b])
		for j := c.a; j < c.b; j++ {
			share := 1 / float64(c.b-c.a)
			if span > 0 {
				share = tmpl[j] / span
			}
			m[j] += short * share
		}
	}
	return m
}

// tightest is the narrowest grid that lets every cell fit, by the greedy
// rule that is exact for spans of a row of columns: cells are taken by
// their right edge, and a cell's shortfall goes to the rightmost column of
// its span, where it helps the most cells after it. Its widths are
// lopsided, so it is used only when minWidths does not fit.
func tightest(tmpl []float64, cells []*fitCell) []float64 {
	order := slices.Clone(cells)
	slices.SortStableFunc(order, func(x, y *fitCell) int { return x.b - y.b })
	m := make([]float64, len(tmpl))
	for _, c := range order {
		if c.b <= c.a {
			continue // a cell that covers no column cannot be given room
		}
		if short := c.need() - sum(m[c.a:c.b]); short > epsMM {
			m[c.b-1] += short
		}
	}
	return m
}

// spread sets the column widths: at least m, the rest of width shared in
// proportion to the template's widths.
func spread(tmpl, m []float64, width float64) []float64 {
	w := make([]float64, len(tmpl))
	fixed := make([]bool, len(tmpl))
	for {
		room, share := width, 0.0
		for j := range tmpl {
			if fixed[j] {
				room -= m[j]
			} else {
				share += tmpl[j]
			}
		}
		changed := false
		for j := range tmpl {
			if fixed[j] {
				w[j] = m[j]
				continue
			}
			w[j] = tmpl[j] * room / share
			if w[j] < m[j]-epsMM {
				fixed[j], changed = true, true
			}
		}
		if !changed || share == 0 {
			break
		}
	}
	if extra := width - sum(w); extra > epsMM { // every column at its minimum
		for j := range w {
			w[j] += extra * m[j] / sum(m)
		}
	}
	return w
}

// fitError reports the cell that keeps the table from fitting, all cells
// at their smallest size: the one without which the table is shortest of
// room, or fits (a long 指标值 that squeezes the amounts beside it is named,
// not the amounts). Ties go to the first cell.
func fitError(tmpl []float64, cells []*fitCell, width float64) error {
	var worst *fitCell
	worstRoom, leastShort := 0.0, math.Inf(1)
	for i, c := range cells {
		others := slices.Delete(slices.Clone(cells), i, i+1)
		if short := sum(tightest(tmpl, others)) - width; short < leastShort-epsMM {
			m := minWidths(tmpl, others)
			worst, worstRoom, leastShort = c, width-sum(m[:c.a])-sum(m[c.b:]), short
		}
	}
	d := diag.Diagnostic{Pos: worst.dc.Pos, Severity: diag.Error, Code: "G2", Path: worst.dc.Field}
	hint := diag.T("shorten the text; numbers, codes and values are never broken across lines, so write a long value as words, or split it")
	if isAmount(worst.dc.Text) {
		hint = diag.T("shorten the text, or write the amount in 万元 (money_unit); numbers, codes and values are never broken across lines")
	}
	return diag.List{d.Say(
		diag.T("table %q, row %d, column %d: %q does not fit its column even at %g pt: it needs %.1f mm, the table leaves it %.1f mm",
			worst.table, worst.row, worst.dc.Col+1, worst.dc.Text, worst.floor, worst.need(), worstRoom), hint)}
}

// isAmount reports whether s is written as an amount of money: digits,
// with thousands separators or a decimal point (12,345,678.90).
func isAmount(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r != ',' && r != '.':
			return false
		}
	}
	return digits > 0
}
