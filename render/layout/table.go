package layout

import (
	"fmt"
	"slices"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// ruleWidth is the width of table borders: 0.5 pt.
const ruleWidth = 0.5 * ptMM

// widthSlack is how far a table may exceed the text block, in mm.
const widthSlack = 0.5

// table is a doc.Table resolved to its grid, with every cell's text broken
// into lines and its rows grouped for pagination.
type table struct {
	name    string
	borders bool
	colX    []float64 // column edges from the table's left edge, len = columns+1
	rows    []tableRow
	header  int       // leading rows repeated on each page (0: none)
	headerH float64   // their height
	avail   float64   // room for body rows on a page: text block less header
	groups  []int     // first row of each body group, then len(rows)
	groupH  []float64 // static height of each group
	lead    float64   // what must fit before the table starts on a page
	single  bool      // the whole table is one unbreakable group
	joined  bool      // continues the table before it (doc.Table.Joined)
	cont    *para     // the continuation line over its later pages, or nil
	contH   float64   // its height
}

// tableRow lists the cells that start in a row and its minimum height.
type tableRow struct {
	cells    []*cell
	min      float64 // one line plus padding of every cell covering the row
	keepNext bool    // on the page of the next row
}

// cell is one cell with its text broken into lines.
type cell struct {
	row, col, rows int     // origin and row span
	x, w           float64 // box, mm from the table's left edge
	padX           float64 // horizontal padding, at most half the width
	st             *style
	sh             *shaped
	lines          []line // at least one, even for an empty cell
	pos            doc.Pos
	field          string
}

// last is the row the cell ends in.
func (c *cell) last() int { return c.row + c.rows - 1 }

// need is the height lines [a, b) take with padding.
func (c *cell) need(a, b int) float64 { return float64(b-a)*c.st.pitch + 2*c.st.pad }

func (pr *preparer) table(dt *doc.Table) (*table, error) {
	grid, err := dt.Grid()
	if err != nil {
		return nil, err
	}
	t := &table{name: dt.Name, borders: dt.Borders, colX: make([]float64, len(dt.Columns)+1)}
	for i, w := range dt.Columns {
		if !(w >= 0 && w < 1e5) {
			return nil, fmt.Errorf("%stable %q: column %d width %g mm is out of range", posPrefix(dt.Pos), dt.Name, i+1, w)
		}
		t.colX[i+1] = t.colX[i] + w
	}
	if tw := t.colX[len(dt.Columns)]; tw > pr.geo.width()+widthSlack {
		return nil, fmt.Errorf("%stable %q is %.1f mm wide; the text block is only %.1f mm", posPrefix(dt.Pos), dt.Name, tw, pr.geo.width())
	}
	t.rows = make([]tableRow, len(dt.Rows))
	t.joined = dt.Joined
	if dt.Continued != "" {
		cont, err := pr.para(dt.Continued, dt.ContinuedStyle, site{what: "table continuation line", pos: dt.Pos})
		if err != nil {
			return nil, err
		}
		t.cont, t.contH = cont, float64(len(cont.lines))*cont.st.pitch+cont.st.after
	}
	for r, row := range dt.Rows {
		t.rows[r].keepNext = row.KeepWithNext
		for i := range row.Cells {
			c, err := pr.cell(dt, t, r, i)
			if err != nil {
				return nil, err
			}
			t.rows[r].cells = append(t.rows[r].cells, c)
		}
	}
	for r := range grid {
		for _, s := range grid[r] {
			c := t.rows[s.Row].cells[s.Index]
			t.rows[r].min = max(t.rows[r].min, c.need(0, 1))
		}
	}
	t.group(dt.HeaderRows, dt.KeepTogether, pr.geo.height())
	return t, nil
}

func (pr *preparer) cell(dt *doc.Table, t *table, r, i int) (*cell, error) {
	dc := &dt.Rows[r].Cells[i]
	at := site{what: dt.Name, row: r + 1, col: dc.Col + 1, pos: dc.Pos}
	st, err := pr.style(dc.Style)
	if err != nil {
		return nil, at.wrap(err)
	}
	st = pr.sized(st, dc.Size)
	sh, err := pr.shape(dc.Text, st, at)
	if err != nil {
		return nil, err
	}
	c := &cell{row: r, col: dc.Col, rows: dc.RowSpan, st: st, sh: sh, pos: dc.Pos, field: dc.Field}
	c.x = t.colX[dc.Col]
	c.w = t.colX[dc.Col+dc.ColSpan] - c.x
	c.padX = min(st.pad, c.w/2)
	inner := (c.w - 2*c.padX) / st.unit
	c.lines = sh.breakLines(inner, inner)
	dc.Breaks = nil
	if st.NoWrap { // tell the DOCX where a label breaks
		for k := 1; k < len(c.lines); k++ {
			if !c.lines[k-1].last {
				dc.Breaks = append(dc.Breaks, sh.cl[c.lines[k].from].start)
			}
		}
	}
	return c, nil
}

// group splits the rows into groups tied by row spans, decides whether the
// header rows can repeat, and measures what pagination needs. A table kept
// together that fits on a page must start where all of it fits.
func (t *table) group(headerRows int, keep bool, pageH float64) {
	var starts []int
	for r, end := 0, -1; r < len(t.rows); r++ {
		if r > end {
			starts = append(starts, r)
		}
		for _, c := range t.rows[r].cells {
			end = max(end, c.last())
		}
	}
	// The header rows repeat when a body follows them. A header cell may
	// span down into the body (the national form's 绩效指标 label): on a
	// new page it goes on from the top of the repeated header.
	if headerRows > 0 && headerRows < len(t.rows) {
		t.header = headerRows
	}
	if t.header > 0 {
		t.headerH = t.height(0, t.header)
		bodyMin := 0.0
		for _, row := range t.rows[t.header:] {
			bodyMin = max(bodyMin, row.min)
		}
		if t.contH+t.headerH+bodyMin > pageH+epsMM { // repeating it would leave no room
			t.header, t.headerH = 0, 0
		}
	}
	t.avail = pageH - t.headerH - t.contH
	if t.header > 0 && !slices.Contains(starts, t.header) {
		t.groups = append(t.groups, t.header) // the body starts inside a header cell's span
	}
	for _, s := range starts {
		if s >= t.header {
			t.groups = append(t.groups, s)
		}
	}
	t.groups = append(t.groups, len(t.rows))
	for g := 0; g+1 < len(t.groups); g++ {
		t.groupH = append(t.groupH, t.height(t.groups[g], t.groups[g+1]))
	}
	if len(t.groupH) > 0 {
		t.single = t.header == 0 && len(t.groupH) == 1 && t.groupH[0] <= t.avail+epsMM
		t.lead = t.headerH + t.firstLead()
		if total := t.headerH + sum(t.groupH); keep && total <= pageH+epsMM {
			t.lead = total
		}
	}
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// firstLead is how much of the first body rows must fit on a page: the
// first row with the rows it keeps with (doc.Row.KeepWithNext) if they fit
// on a page, else the first row, else one line of it.
func (t *table) firstLead() float64 {
	r := t.groups[0]
	if h := t.height(r, t.chainEnd(r)); h <= t.avail+epsMM {
		return h
	}
	if h := t.height(r, r+1); h <= t.avail+epsMM {
		return h
	}
	return t.rows[r].min
}

// chainEnd is the end (exclusive) of the rows that row r keeps with: r and
// each next row while the row before keeps with it.
func (t *table) chainEnd(r int) int {
	for r+1 < len(t.rows) && t.rows[r].keepNext {
		r++
	}
	return r + 1
}

// height is the height rows [r0, r1) take together on one page, when no
// row span enters them from above. It is the pagination's own row
// measurement run dry.
func (t *table) height(r0, r1 int) float64 {
	ts := tableState{t: t}
	y := 0.0
	for r := r0; r < r1; r++ {
		ts.openRow(r, y)
		y += ts.rowNeed(r, y)
		ts.dropEnded(r)
	}
	return y
}
