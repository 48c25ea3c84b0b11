package docximport

// slot is one grid position of a table: the text of the cell covering it
// and that cell's identity, the same for every slot a merge covers.
type slot struct {
	text  string
	owner int // 0 for an empty slot (a short row); else a number per cell
}

// maxColumns is Word's limit of columns in a table (63), rounded up: cells
// beyond it are left out, so a crafted table cannot make the grid huge.
const maxColumns = 64

// grid resolves a table's merges into a full grid, rows × columns: a
// horizontally spanned or vertically merged cell fills every slot it
// covers, with its text and one owner, whichever way the writer merged
// (gridSpan, vMerge, the legacy hMerge).
func grid(t *table) [][]slot {
	width := 0
	for _, row := range t.rows {
		w := 0
		for _, c := range row {
			w += c.skipBore + c.span
		}
		width = max(width, w)
	}
	width = min(width, maxColumns)
	out := make([][]slot, len(t.rows))
	owners := 0
	for r, row := range t.rows {
		out[r] = make([]slot, width)
		col := 0
		for _, c := range row {
			col += c.skipBore
			if col >= width {
				break
			}
			var s slot
			switch {
			case c.vmerge == "continue" && r > 0 && out[r-1][col].owner != 0:
				s = out[r-1][col]
			case c.hmerge && col > 0 && out[r][col-1].owner != 0:
				s = out[r][col-1]
			default:
				owners++
				s = slot{text: c.text, owner: owners}
			}
			for k := 0; k < c.span && col < width; k++ {
				out[r][col] = s
				col++
			}
		}
	}
	return out
}
