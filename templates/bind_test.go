package templates

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/doc"
)

var update = flag.Bool("update", false, "rewrite golden files")

func bindSample(t *testing.T) *doc.Document {
	t.Helper()
	set, notes := NewSet()
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

// TestPageKeys: [page] duplex and grid reach the document model.
func TestPageKeys(t *testing.T) {
	src := strings.Replace(minimal, "margin_right = 25\n", "margin_right = 25\nduplex = true\ngrid = { lines = 22, chars = 28 }\n", 1)
	tpl, notes := Parse("mini.toml", []byte(src))
	if tpl == nil || len(notes) > 0 {
		t.Fatal(notes)
	}
	b := &binder{t: tpl, f: &budget.Filing{}, d: &doc.Document{}}
	b.setup()
	if p := b.d.Page; !p.Duplex || p.Grid != (doc.Grid{Lines: 22, Chars: 28}) {
		t.Errorf("page %+v, want duplex and a 22 × 28 grid", p)
	}
}

func TestBindNational(t *testing.T) {
	set, _ := NewSet()
	f, notes := budget.Load("../data/national/mzj-2024.toml")
	if f == nil {
		t.Fatal(notes)
	}
	tpl, ok := set.Get(f.Template, f.Year)
	if !ok || tpl.ID() != "national@2021" {
		t.Fatalf("template = %v", tpl)
	}
	d, err := tpl.Bind(f)
	if err != nil {
		t.Fatal(err)
	}
	var tables []*doc.Table
	for _, b := range d.Blocks {
		if tb, ok := b.(*doc.Table); ok {
			tables = append(tables, tb)
		}
	}
	form, indicators := tables[0], tables[1]
	for _, tb := range tables[:2] {
		if _, err := tb.Grid(); err != nil {
			t.Fatal(err)
		}
	}
	if !indicators.Joined || indicators.HeaderRows != 1 {
		t.Errorf("the indicators are not the form's joined second part with a header: %+v", indicators)
	}
	side := indicators.Rows[0].Cells[0]
	if side.Text != "绩效指标" || side.RowSpan != 1+8 {
		t.Errorf("side label = %q spanning %d rows, want 绩效指标 over the header and the 8 indicator rows", side.Text, side.RowSpan)
	}
	if got := form.Rows[3].Cells[2].Text; got != "1234.57" {
		t.Errorf("年度资金总额 = %q, want 1234.57 (万元)", got)
	}
}

func TestProfileUnprinted(t *testing.T) {
	set, _ := NewSet()
	hebei, _ := set.Get("hebei", 0)
	national, _ := set.Get("national", 0)
	if got := hebei.Profile().Unprinted; len(got) != 0 {
		t.Errorf("hebei prints every optional field, got unprinted %v", got)
	}
	got := strings.Join(national.Profile().Unprinted, " ")
	if got != "projects.indicators.basis projects.indicators.description projects.purpose" {
		t.Errorf("national unprinted = %q", got)
	}
}
