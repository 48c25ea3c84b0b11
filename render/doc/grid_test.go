package doc

import (
	"errors"
	"strings"
	"testing"
)

func cell(col, cs, rs int) Cell { return Cell{Col: col, ColSpan: cs, RowSpan: rs} }

func TestGrid(t *testing.T) {
	// A1 rs2, B1 cs3, E1 rs2; then B2 C2 D2 (pitfalls.md #16).
	tb := &Table{Name: "t", Columns: []float64{10, 10, 10, 10, 10}, Rows: []Row{
		{Cells: []Cell{cell(0, 1, 2), cell(1, 3, 1), cell(4, 1, 2)}},
		{Cells: []Cell{cell(1, 1, 1), cell(2, 1, 1), cell(3, 1, 1)}},
	}}
	g, err := tb.Grid()
	if err != nil {
		t.Fatal(err)
	}
	if s := g[1][0]; s.Row != 0 || s.Index != 0 || s.Origin {
		t.Errorf("slot (2,1) = %+v, want covered by A1", s)
	}
	if s := g[0][3]; s.Row != 0 || s.Index != 1 || s.Origin {
		t.Errorf("slot (1,4) = %+v, want covered by B1", s)
	}
	if s := g[1][4]; s.Index != 2 || s.Row != 0 {
		t.Errorf("slot (2,5) = %+v, want covered by E1", s)
	}
}

func TestGridErrors(t *testing.T) {
	cases := map[string][]Row{
		"overlaps another cell": {{Cells: []Cell{cell(0, 2, 1), cell(1, 1, 1)}}},
		"past the 2 grid":       {{Cells: []Cell{cell(0, 3, 1)}}},
		"past the last row":     {{Cells: []Cell{cell(0, 1, 2), cell(1, 1, 1)}}},
		"no cell covers":        {{Cells: []Cell{cell(0, 1, 1)}}},
		"at least 1":            {{Cells: []Cell{cell(0, 0, 1), cell(1, 1, 1)}}},
	}
	for want, rows := range cases {
		_, err := (&Table{Name: "t", Columns: []float64{10, 10}, Rows: rows}).Grid()
		var ge *GridError
		if !errors.As(err, &ge) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v", want, err)
		}
	}
}
