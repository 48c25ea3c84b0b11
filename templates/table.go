package templates

import (
	"fmt"
	"math"
	"sort"
)

// table is a compiled table spec: every cell knows its grid columns.
type table struct {
	name    string
	spec    tableSpec
	edges   []float64 // column edges in units, from 0 to spec.Units
	cells   [][]cellPlace
	repeats bool // has a row repeated over indicators
}

// cellPlace is where a cell spec lands in the grid.
type cellPlace struct {
	col, span int
}

// compileTable places every cell HTML-style: a row lists only the cells that
// start in it, left to right, skipping units still covered by a row span
// from above. Widths must fill the table exactly.
func (c *compiler) compileTable(name string, ts tableSpec) {
	path := "tables." + name
	tb := &table{name: name, spec: ts}
	if ts.Units <= 0 {
		c.fail(path+".units", "table %q has no width in units", []any{name}, "set units = the sum of each row's cell widths, e.g. 28")
		return
	}
	if len(ts.Rows) == 0 {
		c.fail(path, "table %q has no rows", []any{name}, "add [[%s.rows]] entries", path)
		return
	}
	if ts.Continued != "" {
		c.expr(path+".continued", ts.Continued)
		c.style(path+".continued_style", ts.ContinuedStyle)
	}
	if ts.HeaderRows < 0 || ts.HeaderRows > len(ts.Rows) {
		c.fail(path+".header_rows", "header_rows is %d but the table has %d row specs", []any{ts.HeaderRows, len(ts.Rows)}, "count only the leading rows to repeat")
	}
	type cover struct {
		from, to float64
		rows     int
	}
	var covers []cover
	starts := make([][]float64, len(ts.Rows))
	edgeSet := map[float64]bool{0: true, ts.Units: true}
	for r, row := range ts.Rows {
		rp := fmt.Sprintf("%s.rows[%d]", path, r+1)
		if row.Each != "" {
			tb.repeats = true
			if row.Each != "indicators" {
				c.fail(rp+".each", "cannot repeat a row over %q", []any{row.Each}, "use each = \"indicators\"")
			}
			if r < ts.HeaderRows {
				c.fail(rp+".each", "a header row cannot repeat", nil, "lower header_rows or move the repeated row after the header")
			}
		}
		if !oneOf(row.Sort, "", "taxonomy", "input") {
			c.fail(rp+".sort", "unknown sort %q", []any{row.Sort}, "use sort = \"taxonomy\" or \"input\"")
		}
		x := 0.0
		skip := func() {
			for moved := true; moved; {
				moved = false
				for _, cv := range covers {
					if cv.rows > 0 && math.Abs(cv.from-x) < 1e-9 {
						x, moved = cv.to, true
					}
				}
			}
		}
		for i, cell := range row.Cells {
			cp := fmt.Sprintf("%s.cells[%d]", rp, i+1)
			skip()
			if cell.Width <= 0 {
				c.fail(rp+".cells", "cell %d has no width", []any{i + 1}, "give every cell width = in units")
				return
			}
			if cell.Rows < -1 || (cell.Rows != 0 && cell.Rows != 1 && row.Each != "") || (cell.Merge && row.Each == "") {
				c.fail(rp+".cells", "cell %d: rows = and merge = do not fit this row", []any{i + 1}, "static rows use rows = n; rows repeated over indicators use merge = true")
			}
			if cell.Rows > 1 && r+cell.Rows > len(ts.Rows) {
				c.fail(rp+".cells", "cell %d spans %d rows but only %d follow", []any{i + 1, cell.Rows, len(ts.Rows) - r}, "lower rows = or add the rows it should span")
			}
			for _, cv := range covers {
				if cv.rows > 0 && x < cv.to-1e-9 && x+cell.Width > cv.from+1e-9 {
					c.fail(rp+".cells", "cell %d overlaps a cell spanning down from an earlier row", []any{i + 1}, "leave out the cells that a rows = span covers, or narrow the cell")
					return
				}
			}
			c.style(rp+".cells", cell.Style)
			c.expr(cp, cell.Text)
			starts[r] = append(starts[r], x)
			edgeSet[x] = true
			if cell.Rows > 1 {
				covers = append(covers, cover{x, x + cell.Width, cell.Rows})
			} else if cell.Rows == -1 { // down to the last row, however many are generated
				covers = append(covers, cover{x, x + cell.Width, len(ts.Rows) - r})
			}
			x += cell.Width
			edgeSet[x] = true
		}
		skip()
		if math.Abs(x-ts.Units) > 1e-9 {
			c.fail(rp+".cells", "the cells of this row add up to %g units, the table is %g", []any{x, ts.Units}, "make the widths (plus any cells spanning down from above) add up to units = %g", ts.Units)
			return
		}
		for k := range covers {
			covers[k].rows--
		}
	}
	for e := range edgeSet {
		tb.edges = append(tb.edges, e)
	}
	sort.Float64s(tb.edges)
	for r, row := range ts.Rows {
		places := make([]cellPlace, len(row.Cells))
		for i, cell := range row.Cells {
			from := tb.edgeIndex(starts[r][i])
			to := tb.edgeIndex(starts[r][i] + cell.Width)
			places[i] = cellPlace{col: from, span: to - from}
		}
		tb.cells = append(tb.cells, places)
	}
	c.t.tables[name] = tb
}

func (tb *table) edgeIndex(x float64) int {
	return sort.Search(len(tb.edges), func(i int) bool { return tb.edges[i] >= x-1e-9 })
}

// columns returns the grid column widths in mm for a text width.
func (tb *table) columns(width float64) []float64 {
	cols := make([]float64, len(tb.edges)-1)
	for i := range cols {
		cols[i] = (tb.edges[i+1] - tb.edges[i]) / tb.spec.Units * width
	}
	return cols
}
