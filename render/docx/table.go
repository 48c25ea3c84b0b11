package docx

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// table writes a form, a table and the tables joined to it (doc.Table.
// Joined), as one Word table with a fixed layout: a grid column per column
// edge of any of them, a width on every cell, gridSpan for column spans and
// vMerge restart/continue cells for row spans. One table, because Word and
// LibreOffice join adjacent tables anyway, and a paragraph between them
// would show as a double rule. Word repeats only a table's top rows on a
// new page: the first table's header rows (doc.Table.HeaderRows), which
// name the project; the header rows of a joined part are not repeated.
// Paragraphs keep with the next row only where a page break would strand
// what comes before: rows kept with the next (doc.Row.KeepWithNext),
// header rows, and the last row of a table stacked on the next table.
func (w *writer) table(x *xmlWriter, form []*doc.Table, stacked bool) error {
	var edges []float64
	grids := make([][][]doc.Slot, len(form))
	for k, t := range form {
		if len(t.Rows) == 0 || len(t.Columns) == 0 {
			return fmt.Errorf("%sdocx: table %q has no rows or no columns", where(t.Pos), t.Name)
		}
		for i, c := range t.Columns {
			if !(c > 0) {
				return fmt.Errorf("%sdocx: table %q column %d has width %g mm", where(t.Pos), t.Name, i+1, c)
			}
		}
		grid, err := t.Grid()
		if err != nil {
			return err
		}
		grids[k] = grid
		edges = append(edges, columnEdges(t)...)
	}
	slices.Sort(edges)
	edges = slices.CompactFunc(edges, func(a, b float64) bool { return math.Abs(a-b) < edgeTolerance })
	mm := make([]float64, len(edges)-1)
	for i := range mm {
		mm[i] = edges[i+1] - edges[i]
	}
	cols := gridCols(mm, w.geom.text)
	width := spanWidth(cols)
	index := func(x float64) int {
		return sort.Search(len(edges), func(i int) bool { return edges[i] >= x-edgeTolerance })
	}

	x.start("w:tbl")
	x.start("w:tblPr")
	x.empty("w:tblW", "w:w", strconv.Itoa(width), "w:type", "dxa")
	x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	if form[0].Borders {
		x.start("w:tblBorders")
		for _, side := range [...]string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
			// single 0.5 pt lines (w:sz is in eighths of a point)
			x.empty(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "000000")
		}
		x.end("w:tblBorders")
	}
	x.empty("w:tblLayout", "w:type", "fixed")
	x.end("w:tblPr")

	x.start("w:tblGrid")
	for _, c := range cols {
		x.empty("w:gridCol", "w:w", strconv.Itoa(c))
	}
	x.end("w:tblGrid")

	for k, t := range form {
		colX := columnEdges(t)
		for r, row := range t.Rows {
			header := r < t.HeaderRows
			lastRow := k == len(form)-1 && r == len(t.Rows)-1
			x.start("w:tr")
			if row.CantSplit || header && k == 0 {
				x.start("w:trPr")
				if row.CantSplit {
					x.empty("w:cantSplit")
				}
				if header && k == 0 {
					x.empty("w:tblHeader")
				}
				x.end("w:trPr")
			}
			keepNext := row.KeepWithNext || header || t.KeepTogether && r < len(t.Rows)-1 || stacked && lastRow
			for c := 0; c < len(t.Columns); {
				slot := grids[k][r][c]
				cell := t.Cell(slot)
				a, b := index(colX[c]), index(colX[c+cell.ColSpan])
				if err := w.cell(x, cell, slot.Row == r, keepNext, cols[a:b]); err != nil {
					return err
				}
				c += cell.ColSpan
			}
			x.end("w:tr")
		}
	}
	x.end("w:tbl")
	return nil
}

// edgeTolerance is how close two column edges of a form's tables must be,
// in mm, to be one grid line.
const edgeTolerance = 0.01

// columnEdges returns the column edges of t in mm from its left edge.
func columnEdges(t *doc.Table) []float64 {
	edges := make([]float64, len(t.Columns)+1)
	for i, w := range t.Columns {
		edges[i+1] = edges[i] + w
	}
	return edges
}

// cell writes the w:tc of cell in one row, over the grid columns cols:
// where the cell starts (first) with its text, or an empty vMerge
// continuation in the rows below. With keepNext its paragraph keeps with
// the next row. A text the layout set smaller (doc.Cell.Size) is written at
// that size, with its padding shrunk alike, and a label broken by the
// layout (doc.Cell.Breaks) breaks at the same places.
func (w *writer) cell(x *xmlWriter, cell *doc.Cell, first, keepNext bool, cols []int) error {
	st, err := w.styles.lookup(cell.Style, cell.Pos)
	if err != nil {
		return err
	}
	x.start("w:tc")
	x.start("w:tcPr")
	x.empty("w:tcW", "w:w", strconv.Itoa(spanWidth(cols)), "w:type", "dxa")
	if len(cols) > 1 {
		x.ival("w:gridSpan", len(cols))
	}
	switch {
	case cell.RowSpan > 1 && first:
		x.val("w:vMerge", "restart")
	case !first:
		x.empty("w:vMerge")
	}
	padding := st.Padding
	if cell.Size > 0 && st.Size > 0 {
		padding *= cell.Size / st.Size
	}
	pad := strconv.Itoa(twips(padding))
	x.start("w:tcMar")
	for _, side := range [...]string{"w:top", "w:left", "w:bottom", "w:right"} {
		x.empty(side, "w:w", pad, "w:type", "dxa")
	}
	x.end("w:tcMar")
	if st.NoWrap && len(cell.Breaks) == 0 {
		x.empty("w:noWrap")
	}
	x.val("w:vAlign", vAlign(st.VAlign))
	x.end("w:tcPr")
	x.pos = cell.Pos
	paragraphStart(x, st.id, paraFlags{keepNext: keepNext})
	if first {
		sizedRuns(x, withBreaks(cell.Text, cell.Breaks), st, cell.Size)
	}
	x.end("w:p")
	x.end("w:tc")
	return nil
}

// withBreaks inserts a line break at each of the byte offsets breaks.
func withBreaks(text string, breaks []int) string {
	if len(breaks) == 0 {
		return text
	}
	var b strings.Builder
	from := 0
	for _, at := range breaks {
		if at <= from || at >= len(text) {
			continue
		}
		b.WriteString(text[from:at])
		b.WriteByte('\n')
		from = at
	}
	b.WriteString(text[from:])
	return b.String()
}

// gridCols converts column widths to twips. A table within half a
// millimetre of the text width is set to exactly the text width; the
// columns are rounded at their edges, so they add up to the table width.
func gridCols(mm []float64, textWidth int) []int {
	sum := 0.0
	for _, w := range mm {
		sum += w
	}
	total := twips(sum)
	if math.Abs(float64(total-textWidth)) <= twipsPerMM/2 {
		total = textWidth
	}
	cols := make([]int, len(mm))
	edge, acc := 0, 0.0
	for i, w := range mm {
		acc += w
		next := int(math.Round(acc / sum * float64(total)))
		cols[i] = next - edge
		edge = next
	}
	return cols
}

func spanWidth(cols []int) int {
	w := 0
	for _, c := range cols {
		w += c
	}
	return w
}

func vAlign(v doc.VAlign) string {
	switch v {
	case doc.VAlignTop:
		return "top"
	case doc.VAlignBottom:
		return "bottom"
	default:
		return "center"
	}
}
