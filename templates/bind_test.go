package templates

import (
	"flag"
	"os"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/doc"
)

var update = flag.Bool("update", false, "rewrite golden files")

func bindSample(t *testing.T) *doc.Document {
	t.Helper()
	set, notes := Builtin()
	if notes.HasErrors() {
		t.Fatalf("built-in templates: %v", notes)
	}
	f, notes := budget.Load("../data/hebei/shanhaiguan-wxb-2024.toml")
	if f == nil {
		t.Fatal(notes)
	}
	tpl, ok := set.Get(f.Template, f.Year)
	if !ok {
		t.Fatalf("no template %q", f.Template)
	}
	d, err := tpl.Bind(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBindSampleGolden(t *testing.T) {
	got := doc.Dump(bindSample(t))
	golden := "testdata/hebei-sample.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("document model differs from %s; run go test ./templates -update and review the diff", golden)
	}
}

func TestBindSampleGrid(t *testing.T) {
	d := bindSample(t)
	var tables []*doc.Table
	for _, b := range d.Blocks {
		if tb, ok := b.(*doc.Table); ok {
			tables = append(tables, tb)
			if _, err := tb.Grid(); err != nil {
				t.Errorf("%s: %v", tb.Name, err)
			}
		}
	}
	if len(tables) != 6 {
		t.Fatalf("tables = %d, want 6 (3 per project)", len(tables))
	}
	main := tables[1]
	// report-format.md §3.2 counts 11 columns for R1–R8+ together; the
	// indicator block is its own table (so its header can repeat), which
	// leaves the edges 0 4 8 12 16 20 24 28 plus 10 and 22 for the plan row.
	if len(main.Columns) != 9 {
		t.Errorf("project grid has %d columns, want 9", len(main.Columns))
	}
	if c := main.Rows[1].Cells[0]; c.Text != "预算规模及资金用途" || c.RowSpan != 2 {
		t.Errorf("R2 first cell = %+v", c)
	}
}
