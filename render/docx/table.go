package docx

import (
	"fmt"
	"math"
	"strconv"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// table writes t as a Word table with a fixed layout: a grid column per
// doc column, a width on every cell, gridSpan for column spans and
// vMerge restart/continue cells for row spans. A table stacked on the next
// one (no paragraph between) keeps its last row with it.
func (w *writer) table(x *xmlWriter, t *doc.Table, stacked bool) error {
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
	cols := gridCols(t.Columns, w.geom.text)
	width := spanWidth(cols)

	x.start("w:tbl")
	x.start("w:tblPr")
	x.empty("w:tblW", "w:w", strconv.Itoa(width), "w:type", "dxa")
	x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	if t.Borders {
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

	for r, row := range t.Rows {
		header := r < t.HeaderRows
		x.start("w:tr")
		if row.CantSplit || header {
			x.start("w:trPr")
			if row.CantSplit {
				x.empty("w:cantSplit")
			}
			if header {
				x.empty("w:tblHeader")
			}
			x.end("w:trPr")
		}
		for c := 0; c < len(cols); {
			slot := grid[r][c]
			cell := t.Cell(slot)
			last := r == len(t.Rows)-1
			keepNext := header || (t.KeepTogether && !last) || (stacked && last)
			if err := w.cell(x, cell, slot.Row == r, keepNext, spanWidth(cols[c:c+cell.ColSpan])); err != nil {
				return err
			}
			c += cell.ColSpan
		}
		x.end("w:tr")
	}
	x.end("w:tbl")
	return nil
}

// cell writes the w:tc of cell in one row: where the cell starts (first)
// with its text, or an empty vMerge continuation in the rows below. With
// keepNext its paragraphs keep with the next row: header rows, so a header
// never ends a page, and every row but the last of a table kept together.
func (w *writer) cell(x *xmlWriter, cell *doc.Cell, first, keepNext bool, width int) error {
	st, err := w.styles.lookup(cell.Style, cell.Pos)
	if err != nil {
		return err
	}
	x.start("w:tc")
	x.start("w:tcPr")
	x.empty("w:tcW", "w:w", strconv.Itoa(width), "w:type", "dxa")
	if cell.ColSpan > 1 {
		x.ival("w:gridSpan", cell.ColSpan)
	}
	switch {
	case cell.RowSpan > 1 && first:
		x.val("w:vMerge", "restart")
	case !first:
		x.empty("w:vMerge")
	}
	pad := strconv.Itoa(twips(st.Padding))
	x.start("w:tcMar")
	for _, side := range [...]string{"w:top", "w:left", "w:bottom", "w:right"} {
		x.empty(side, "w:w", pad, "w:type", "dxa")
	}
	x.end("w:tcMar")
	x.val("w:vAlign", vAlign(st.VAlign))
	x.end("w:tcPr")
	x.pos = cell.Pos
	paragraphStart(x, st.id, paraFlags{keepNext: keepNext})
	if first {
		runs(x, cell.Text, st)
	}
	x.end("w:p")
	x.end("w:tc")
	return nil
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
