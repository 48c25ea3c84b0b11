package doc

import "fmt"

// Slot is one grid position of a resolved table: the cell that covers it
// and whether this slot is that cell's top-left corner.
type Slot struct {
	Row, Index int  // the covering cell is Rows[Row].Cells[Index]
	Origin     bool // the slot is the cell's top-left corner
}

// Cell returns the cell covering s.
func (t *Table) Cell(s Slot) *Cell { return &t.Rows[s.Row].Cells[s.Index] }

// GridError reports a table whose cells do not tile its grid.
type GridError struct {
	Table    string
	Row, Col int // 0-based
	Pos      Pos
	Problem  string
}

func (e *GridError) Error() string {
	return fmt.Sprintf("table %q row %d column %d: %s", e.Table, e.Row+1, e.Col+1, e.Problem)
}

// Grid resolves the table into one slot per row and grid column. Every slot
// must be covered by exactly one cell; overlaps, spans past the grid and
// holes are reported as a *GridError.
func (t *Table) Grid() ([][]Slot, error) {
	cols := len(t.Columns)
	grid := make([][]Slot, len(t.Rows))
	filled := make([][]bool, len(t.Rows))
	for r := range grid {
		grid[r] = make([]Slot, cols)
		filled[r] = make([]bool, cols)
	}
	for r, row := range t.Rows {
		for i, c := range row.Cells {
			fail := func(problem string) error {
				return &GridError{Table: t.Name, Row: r, Col: c.Col, Pos: c.Pos, Problem: problem}
			}
			if c.ColSpan < 1 || c.RowSpan < 1 {
				return nil, fail("span must be at least 1")
			}
			if c.Col < 0 || c.Col+c.ColSpan > cols {
				return nil, fail(fmt.Sprintf("cell spans past the %d grid columns", cols))
			}
			if r+c.RowSpan > len(t.Rows) {
				return nil, fail("row span runs past the last row")
			}
			for dr := 0; dr < c.RowSpan; dr++ {
				for dc := 0; dc < c.ColSpan; dc++ {
					if filled[r+dr][c.Col+dc] {
						return nil, fail("cell overlaps another cell")
					}
					filled[r+dr][c.Col+dc] = true
					grid[r+dr][c.Col+dc] = Slot{Row: r, Index: i, Origin: dr == 0 && dc == 0}
				}
			}
		}
	}
	for r := range filled {
		for c, ok := range filled[r] {
			if !ok {
				return nil, &GridError{Table: t.Name, Row: r, Col: c, Pos: t.Pos, Problem: "no cell covers this grid slot"}
			}
		}
	}
	return grid, nil
}
