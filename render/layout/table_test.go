package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/doc"
)

const indicatorHeader = "一级指标二级指标三级指标绩效指标描述指标值指标值确定依据"

func TestTableLongIndicatorsRepeatHeaderAndLabel(t *testing.T) {
	blocks := projectTables(1, 45)
	r := mustLayout(t, newDoc(blocks...))
	if len(r.Pages) < 3 {
		t.Fatalf("%d pages, want the table to cross at least two page breaks", len(r.Pages))
	}
	checkInBlock(t, r)
	for i, pg := range r.Pages {
		text := pageText(pg)
		if i > 0 && !strings.HasPrefix(text, indicatorHeader) {
			t.Errorf("page %d does not start with the header row: %.40s…", i+1, text)
		}
		if i > 0 && !strings.Contains(text, "产出指标") && !strings.Contains(text, "效果指标") && !strings.Contains(text, "满意度指标") {
			t.Errorf("page %d does not repeat the merged 一级 label", i+1)
		}
		if strings.HasSuffix(text, indicatorHeader) {
			t.Errorf("page %d ends with the header row", i+1)
		}
	}
	// Every indicator is there once, in order.
	all, at := allText(r), 0
	for i := range 45 {
		name := fmt.Sprintf("舆情信息监看%d", i+1)
		j := strings.Index(all[at:], name+descText)
		if j < 0 {
			t.Fatalf("indicator %d missing or out of order", i+1)
		}
		at += j + len(name)
	}
}

// countPerPage is how often label appears on each page.
func countPerPage(r *Result, label string) []int {
	var n []int
	for _, pg := range r.Pages {
		n = append(n, strings.Count(pageText(pg), label))
	}
	return n
}

func TestTableRowspanLabelAppearsOnEveryPage(t *testing.T) {
	tbl := &doc.Table{Name: "rowspan", Columns: []float64{30, 126}, HeaderRows: 1, Borders: true}
	tbl.Rows = append(tbl.Rows, cells("label", "一级指标", "描述"))
	for i := range 30 {
		row := doc.Row{}
		if i == 0 {
			row.Cells = append(row.Cells, doc.Cell{Col: 0, ColSpan: 1, RowSpan: 30, Text: "产出指标", Style: "cell"})
		}
		row.Cells = append(row.Cells, doc.Cell{Col: 1, ColSpan: 1, RowSpan: 1, Text: longText(120), Style: "cellL"})
		tbl.Rows = append(tbl.Rows, row)
	}
	r := mustLayout(t, newDoc(tbl))
	if len(r.Pages) < 2 {
		t.Fatalf("%d pages", len(r.Pages))
	}
	for i, n := range countPerPage(r, "产出指标") {
		if n != 1 {
			t.Errorf("page %d shows the label %d times, want once", i+1, n)
		}
	}
	checkInBlock(t, r)
}

func TestTableHugeCellSplitsAcrossPages(t *testing.T) {
	text := longText(3000)
	tbl := &doc.Table{Name: "huge", Columns: []float64{30, 126}, Borders: true, Rows: []doc.Row{cells("cellL", "说明", text)}}
	r := mustLayout(t, newDoc(tbl))
	if len(r.Pages) < 2 {
		t.Fatalf("%d pages, want at least 2", len(r.Pages))
	}
	if got := allText(r); got != "说明"+text {
		t.Errorf("text lost or duplicated: got %d runes, want %d", len([]rune(got)), 3002)
	}
	checkInBlock(t, r)
	for i, pg := range r.Pages {
		// Borders close at the bottom of the part and reopen at the top.
		var top, bottom = math.Inf(1), math.Inf(-1)
		for _, it := range pg.Items {
			if ru, ok := it.(Rule); ok && ru.Y1 == ru.Y2 {
				top, bottom = min(top, ru.Y1), max(bottom, ru.Y1)
			}
		}
		for _, tx := range texts(pg) {
			if tx.Y < top || tx.Y > bottom {
				t.Errorf("page %d: text at y %.1f outside the borders %.1f–%.1f", i+1, tx.Y, top, bottom)
			}
		}
		if i < len(r.Pages)-1 && math.Abs(bottom-(297-35)) > 1e-6 {
			t.Errorf("page %d: the part ends at %.1f, not at the bottom of the text block", i+1, bottom)
		}
	}
}

func TestTableHugeRowAfterFullPage(t *testing.T) {
	// 28 one-line rows leave less than a line at the page bottom: the huge
	// row starts on the next page, where it splits.
	tbl := &doc.Table{Name: "full", Columns: []float64{30, 126}, Borders: true}
	for i := range 28 {
		tbl.Rows = append(tbl.Rows, cells("cell", fmt.Sprint(i+1), "短"))
	}
	text := longText(1500)
	tbl.Rows = append(tbl.Rows, cells("cellL", "说明", text))
	r := mustLayout(t, newDoc(tbl))
	if got := pageText(r.Pages[1]); !strings.HasPrefix(got, "说明"+string([]rune(text)[:20])) {
		t.Errorf("page 2 starts %.30q, want the huge row", got)
	}
	if !strings.HasSuffix(allText(r), text) || len(r.Pages) < 3 {
		t.Errorf("%d pages; text lost", len(r.Pages))
	}
	checkInBlock(t, r)
}

func TestTableHeaderTallerThanPageIsNotRepeated(t *testing.T) {
	tbl := &doc.Table{Name: "tall header", Columns: []float64{156}, HeaderRows: 1, Borders: true,
		Rows: []doc.Row{cells("cellL", longText(2000))}}
	for i := range 10 {
		tbl.Rows = append(tbl.Rows, cells("cell", fmt.Sprint(i)))
	}
	r := mustLayout(t, newDoc(tbl))
	if n := strings.Count(allText(r), longText(2000)); n != 1 {
		t.Errorf("the header is drawn %d times, want once", n)
	}
	checkInBlock(t, r)
}

func TestTableTwoRowHeaderRepeats(t *testing.T) {
	tbl := &doc.Table{Name: "long", Columns: []float64{20, 50, 60, 26}, HeaderRows: 2, Borders: true}
	tbl.Rows = append(tbl.Rows,
		doc.Row{Cells: []doc.Cell{
			{Col: 0, ColSpan: 1, RowSpan: 2, Text: "序号", Style: "label"},
			{Col: 1, ColSpan: 2, RowSpan: 1, Text: "指标", Style: "label"},
			{Col: 3, ColSpan: 1, RowSpan: 2, Text: "备注", Style: "label"}}},
		doc.Row{Cells: []doc.Cell{
			{Col: 1, ColSpan: 1, RowSpan: 1, Text: "名称", Style: "label"},
			{Col: 2, ColSpan: 1, RowSpan: 1, Text: "说明", Style: "label"}}})
	for i := range 200 {
		tbl.Rows = append(tbl.Rows, cells("cell", fmt.Sprint(i+1), fmt.Sprintf("名称%d", i+1), "说明文字", "—"))
	}
	r := mustLayout(t, newDoc(tbl))
	if len(r.Pages) < 5 {
		t.Fatalf("%d pages", len(r.Pages))
	}
	const header = "序号指标备注名称说明"
	for i, pg := range r.Pages {
		text := pageText(pg)
		if !strings.HasPrefix(text, header) {
			t.Errorf("page %d starts %.20q, want both header rows", i+1, text)
		}
		if strings.HasSuffix(text, header) || strings.HasSuffix(text, "序号指标备注") {
			t.Errorf("page %d ends with header rows", i+1)
		}
	}
	if n := strings.Count(allText(r), "名称200说明文字"); n != 1 {
		t.Errorf("last row drawn %d times", n)
	}
}

func TestTableEmptyRowKeepsOneLine(t *testing.T) {
	tbl := &doc.Table{Name: "empty", Columns: []float64{50, 50, 56}, Borders: true,
		Rows: []doc.Row{cells("cell", "甲", "乙", "丙"), cells("cell", "", "", ""), cells("cell", "", " ", "—")}}
	r := mustLayout(t, newDoc(tbl))
	var ys []float64
	for _, it := range r.Pages[0].Items {
		if ru, ok := it.(Rule); ok && ru.Y1 == ru.Y2 {
			ys = append(ys, ru.Y1)
		}
	}
	slices.Sort(ys)
	ys = slices.Compact(ys)
	if len(ys) != 4 {
		t.Fatalf("horizontal rules at %v, want 4 distinct", ys)
	}
	oneLine := 14*ptMM + 2*1.5
	for i := 1; i < len(ys); i++ {
		if h := ys[i] - ys[i-1]; h < oneLine-1e-9 {
			t.Errorf("row %d is %.2f mm high, want at least %.2f", i, h, oneLine)
		}
	}
}

func TestTableMergedCellsHaveNoInnerLines(t *testing.T) {
	tbl := unitTable("merged", 0, true,
		[]cellSpec{{"甲", "cell", 0, 4, 2}, {"乙", "cell", 4, 28, 1}},
		[]cellSpec{{"丙", "cell", 4, 28, 1}})
	r := mustLayout(t, newDoc(tbl))
	left, mid := 28.0, 28+4*unit
	for _, it := range r.Pages[0].Items {
		ru, ok := it.(Rule)
		if ok && ru.Y1 == ru.Y2 && ru.X1 < mid-1e-6 && ru.X2 > left+1e-6 && ru.Y1 > 37+1e-6 && ru.Y1 < 37+2*(14*ptMM+3)-1e-6 {
			t.Errorf("a horizontal rule %v crosses the merged cell", ru)
		}
	}
}

func TestTablesStackWithoutGap(t *testing.T) {
	blocks := projectTables(1, 3)
	r := mustLayout(t, newDoc(blocks...))
	// The unit line has no borders; the main grid's top rule sits right
	// under it, and the indicator grid's right under the main grid.
	var rules []Rule
	for _, it := range r.Pages[0].Items {
		if ru, ok := it.(Rule); ok {
			rules = append(rules, ru)
		}
	}
	if len(rules) == 0 {
		t.Fatal("no rules")
	}
	unitRow := 1.3 * 10.5 * ptMM
	captionBottom := 37 + 1.3*14*ptMM + 6*ptMM // caption at the top: no space before
	if got, want := rules[0].Y1, captionBottom+unitRow; math.Abs(got-want) > 1e-6 {
		t.Errorf("main grid starts at %.2f, want %.2f", got, want)
	}
}

func TestTableTooWide(t *testing.T) {
	tbl := &doc.Table{Name: "wide", Columns: []float64{100, 100}, Rows: []doc.Row{cells("cell", "a", "b")}}
	if _, err := Layout(newDoc(tbl), fakeFonts{}); err == nil || !strings.Contains(err.Error(), "wide") {
		t.Errorf("err = %v, want the table is too wide", err)
	}
}

func TestTableGridError(t *testing.T) {
	tbl := &doc.Table{Name: "bad", Columns: []float64{50}, Rows: []doc.Row{{Cells: []doc.Cell{{Col: 0, ColSpan: 1, RowSpan: 5}}}}}
	_, err := Layout(newDoc(tbl), fakeFonts{})
	if _, ok := err.(*doc.GridError); !ok {
		t.Errorf("err = %v, want a *doc.GridError", err)
	}
}

func TestTableZeroWidthColumn(t *testing.T) {
	tbl := &doc.Table{Name: "narrow", Columns: []float64{0, 156}, Borders: true, Rows: []doc.Row{cells("cell", "一二三四五", "甲")}}
	r := mustLayout(t, newDoc(tbl))
	if got := allText(r); got != "一二三四五甲" {
		t.Errorf("text = %q", got)
	}
}

func TestTableKeepTogetherMovesWhole(t *testing.T) {
	// 25 one-line rows fill most of the page; the caption and a kept
	// 5-row table after them do not fit, so both move to page 2 together.
	filler := &doc.Table{Name: "filler", Columns: []float64{30, 126}, Borders: true}
	for i := range 25 {
		filler.Rows = append(filler.Rows, cells("cell", fmt.Sprint(i+1), "短"))
	}
	kept := &doc.Table{Name: "kept", Columns: []float64{30, 126}, Borders: true, KeepTogether: true}
	for i := range 5 {
		kept.Rows = append(kept.Rows, cells("cell", fmt.Sprintf("保%d", i+1), "行"))
	}
	for _, keep := range []bool{false, true} {
		kept.KeepTogether = keep
		r := mustLayout(t, newDoc(filler, &doc.Heading{Text: "表题", Style: "caption"}, kept))
		onFirst := strings.Contains(pageText(r.Pages[0]), "表题")
		if keep && (onFirst || !strings.HasPrefix(pageText(r.Pages[1]), "表题保1行保2行保3行保4行保5行")) {
			t.Errorf("kept table split or left its caption: page 1 %q", pageText(r.Pages[0]))
		}
		if !keep && !onFirst {
			t.Errorf("without keep, the caption and first rows should start on page 1")
		}
	}
}
