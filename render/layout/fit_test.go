package layout

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
)

// fitDoc is a document of one two-column table whose cells use the style
// "fit", a nowrap cell style with the given floor.
func fitDoc(minSize float64, columns []float64, texts ...string) *doc.Document {
	d := newDoc(&doc.Table{Name: "t", Columns: columns, Borders: true, Rows: []doc.Row{cells("fit", texts...)}})
	d.Styles["fit"] = doc.Style{Font: "song", Size: 10.5, LineHeight: 14, Align: doc.AlignCenter, Padding: 1.5,
		NoWrap: true, BreakAfter: "：", MinSize: minSize}
	return d
}

// lineTexts lists the texts of the first page's lines.
func lineTexts(r *Result) []string {
	var out []string
	for _, tx := range texts(r.Pages[0]) {
		out = append(out, tx.Text)
	}
	return out
}

func TestFitWidensColumnForAmount(t *testing.T) {
	amount := "999999999999.99" // 15 × 0.5 em at 10.5 pt: 27.8 mm + padding
	d := fitDoc(0, []float64{20, 136}, amount, "短")
	r := mustLayout(t, d)
	cols := d.Blocks[0].(*doc.Table).Columns
	if need := 15*0.5*10.5*ptMM + 3; cols[0] < need || math.Abs(cols[0]+cols[1]-156) > 1e-6 {
		t.Errorf("columns %v: want the first ≥ %.1f mm and the table still 156 mm", cols, need)
	}
	if got := lineTexts(r); got[0] != amount {
		t.Errorf("lines %q, want the amount whole", got)
	}
}

func TestFitShrinksToFloor(t *testing.T) {
	// Two amounts of 44 half-em characters each need 81.5 mm + padding at
	// 10.5 pt: more than their half of the table.
	amount := strings.Repeat("9", 41) + ".99"
	d := fitDoc(7.5, []float64{78, 78}, amount, amount)
	r := mustLayout(t, d)
	c := d.Blocks[0].(*doc.Table).Rows[0].Cells[0]
	if c.Size == 0 || c.Size < 7.5 || c.Size >= 10.5 {
		t.Errorf("size %g, want the text set smaller, not below 7.5 pt", c.Size)
	}
	if got := lineTexts(r); len(got) != 2 || got[0] != amount || got[0] != got[1] || texts(r.Pages[0])[0].Size != c.Size {
		t.Errorf("lines %q, want each amount whole at %g pt", got, c.Size)
	}
}

func TestFitErrorNamesCell(t *testing.T) {
	amount := strings.Repeat("9", 60)
	_, err := Layout(fitDoc(10, []float64{78, 78}, amount, amount), fakeFonts{})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].Code != "G2" || !strings.Contains(l.Error(), amount) {
		t.Fatalf("err = %v, want one G2 finding naming the amount", err)
	}
}

// TestFitErrorNamesCulprit: a value too long for the table squeezes the
// amount beside it out of its room; the finding names the long value, and
// the field it comes from, not the amount.
func TestFitErrorNamesCulprit(t *testing.T) {
	long := "≥" + strings.Repeat("9", 100) + "%" // alone it fits; beside the amount, not
	d := fitDoc(7.5, []float64{40, 116}, "999999999999.99", long)
	d.Blocks[0].(*doc.Table).Rows[0].Cells[1].Field = "projects[1].indicators[1].value"
	_, err := Layout(d, fakeFonts{})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].Code != "G2" || l[0].Path != "projects[1].indicators[1].value" || !strings.Contains(l.Error(), long[:40]) {
		t.Fatalf("err = %v, want one G2 finding naming the long value and its field", err)
	}
}

func TestFitLabelBreaksWhereAllowed(t *testing.T) {
	d := fitDoc(0, []float64{14, 142}, "其中：财政资金", "x")
	r := mustLayout(t, d)
	got := lineTexts(r)
	if len(got) < 2 || got[0] != "其中：" || got[1] != "财政资金" {
		t.Errorf("lines %q, want 其中： / 财政资金", got)
	}
	c := d.Blocks[0].(*doc.Table).Rows[0].Cells[0]
	if len(c.Breaks) != 1 || c.Text[c.Breaks[0]:] != "财政资金" {
		t.Errorf("breaks %v, want one before 财政资金 for the DOCX", c.Breaks)
	}
}

func TestTableContinuedLineNamesProject(t *testing.T) {
	var rows []doc.Row
	for range 60 {
		rows = append(rows, cells("cell", "一行", "二"))
	}
	tbl := &doc.Table{Name: "t", Columns: []float64{78, 78}, Borders: true, HeaderRows: 1, Rows: rows,
		Continued: "续表：1、项目绩效目标表", ContinuedStyle: "cellL"}
	r := mustLayout(t, newDoc(tbl))
	if len(r.Pages) < 2 {
		t.Fatalf("%d pages", len(r.Pages))
	}
	if strings.HasPrefix(pageText(r.Pages[0]), "续表") {
		t.Error("the first page carries the continuation line")
	}
	for i, pg := range r.Pages[1:] {
		if !strings.HasPrefix(pageText(pg), "续表：1、项目绩效目标表一行二") {
			t.Errorf("page %d opens with %.20q", i+2, pageText(pg))
		}
	}
}

func TestTableRowKeepsWithNext(t *testing.T) {
	var rows []doc.Row
	for range 80 {
		rows = append(rows, cells("cell", "行", "行"))
	}
	d := newDoc(&doc.Table{Name: "t", Columns: []float64{78, 78}, Borders: true, Rows: rows})
	r := mustLayout(t, d)
	last := strings.Count(pageText(r.Pages[0]), "行") / 2 // rows on page 1
	rows[last-1].KeepWithNext = true                     // the last row of page 1 keeps with the next
	r = mustLayout(t, newDoc(&doc.Table{Name: "t", Columns: []float64{78, 78}, Borders: true, Rows: rows}))
	if got := strings.Count(pageText(r.Pages[0]), "行") / 2; got != last-1 {
		t.Errorf("%d rows on page 1, want %d: the kept row moves on with the next", got, last-1)
	}
}
