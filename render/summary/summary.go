// Package summary writes a finance bureau's 汇总 workbook of many filings:
// one row per project, a subtotal per department and a grand total, the
// amounts converted exactly to one money unit.
//
// The totals are formulas (SUBTOTAL, which leaves the subtotals out of the
// grand total) that Excel, WPS and LibreOffice compute, each with its value
// cached, so a reader that does not compute formulas shows them too. A
// filing that could not be loaded has a row of its own with its first
// error, so nothing sent in is missing from the list.
package summary

import (
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// Entry is one file rolled up.
type Entry struct {
	File   string
	Filing *budget.Filing // nil when the file could not be loaded
	// Checkpoints are the labels of the form's spending-plan columns
	// (3月底 …).
	Checkpoints      []string
	Errors, Warnings int
	FirstError       string // the first error, printed; "" when none
}

// Sheet is the name of the summary's sheet.
const Sheet = "汇总"

// fixed columns before the plan's, and after it.
var (
	lead  = []string{"单位编码", "单位名称", "项目编码", "项目名称", "预算数", "财政资金", "其他资金"}
	trail = []string{"绩效指标数", "错误", "警告", "文件", "说明"}
)

const firstRow = 4 // the first project row: title, unit line and header above

// Write writes the summary of entries, amounts in unit (元 or 万元). Rows
// are grouped by department code, in the order the departments first
// appear; files that could not be loaded come last. It returns how many
// amounts have more than the 15 significant digits a spreadsheet keeps
// (they show rounded there).
func Write(w io.Writer, entries []Entry, unit budget.MoneyUnit) (inexact int, err error) {
	if unit.Fen() == 0 {
		return 0, fmt.Errorf("summary: cannot convert amounts to %q; use 元 or 万元", unit)
	}
	plan := 0
	var labels []string
	for _, e := range entries {
		if e.Filing == nil {
			continue
		}
		for _, p := range e.Filing.Projects {
			plan = max(plan, len(p.SpendingPlan))
		}
		if len(e.Checkpoints) > len(labels) {
			labels = e.Checkpoints
		}
	}
	plan = max(plan, len(labels))
	var header []string
	header = append(header, lead...)
	for i := range plan {
		label := fmt.Sprintf("计划%d", i+1)
		if i < len(labels) {
			label = labels[i]
		}
		header = append(header, "支出计划 "+label+"（%）")
	}
	header = append(header, trail...)

	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", Sheet); err != nil {
		return 0, err
	}
	st, err := newStyles(x, unit)
	if err != nil {
		return 0, err
	}
	depts := departments(entries)
	last := firstRow + 1 // the grand total's row
	for _, d := range depts {
		for _, e := range d {
			last += max(len(e.Filing.Projects), 1)
		}
		last++ // the subtotal
	}
	for _, e := range entries {
		if e.Filing == nil {
			last++
		}
	}
	last--
	// The sheet's settings come first: the stream writer keeps them.
	if err := pageSetup(x, len(header), last); err != nil {
		return 0, err
	}
	sw, err := x.NewStreamWriter(Sheet)
	if err != nil {
		return 0, err
	}
	s := &sheet{sw: sw, st: st, unit: unit, plan: plan, width: len(header)}
	if err := s.columns(header); err != nil {
		return 0, err
	}
	if err := s.top(header); err != nil {
		return 0, err
	}
	for _, dept := range depts {
		if err := s.department(dept); err != nil {
			return 0, err
		}
	}
	for _, e := range entries {
		if e.Filing == nil {
			if err := s.failed(e); err != nil {
				return 0, err
			}
		}
	}
	if err := s.grandTotal(); err != nil {
		return 0, err
	}
	if err := sw.Flush(); err != nil {
		return 0, err
	}
	stamp := "2000-01-01T00:00:00Z" // fixed: the same filings give the same bytes
	if err := x.SetDocProps(&excelize.DocProperties{Title: "预算项目绩效目标汇总表", Creator: "jixiao", Created: stamp, Modified: stamp}); err != nil {
		return 0, err
	}
	_, err = x.WriteTo(w)
	return s.inexact, err
}

// pageSetup prints the sheet on A4 landscape, fitted to the page width,
// with the header row repeated, and filters the table (rows 3 to last).
func pageSetup(x *excelize.File, width, last int) error {
	lastCol, _ := excelize.ColumnNumberToName(width)
	if err := x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: Sheet, RefersTo: Sheet + "!$3:$3"}); err != nil {
		return err
	}
	if err := x.AutoFilter(Sheet, fmt.Sprintf("A3:%s%d", lastCol, last), nil); err != nil {
		return err
	}
	return xlsx.FitA4(x, Sheet, "landscape")
}

// departments groups the loaded entries by department code (a file
// without a code is a department of its own), in order of first
// appearance.
func departments(entries []Entry) [][]Entry {
	var out [][]Entry
	index := map[string]int{}
	for i, e := range entries {
		if e.Filing == nil {
			continue
		}
		key := e.Filing.Department.Code
		if key == "" {
			key = fmt.Sprintf("\x00%d", i)
		}
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], e)
	}
	return out
}

type styles struct {
	title, unitLine, header, text, money, percent, count, subtotalText, subtotalMoney, subtotalCount int
}

func newStyles(x *excelize.File, unit budget.MoneyUnit) (styles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	moneyFormat := "#,##0.00"
	if unit == budget.WanYuan {
		moneyFormat = "#,##0.00####" // 元 to 万元 is exact with six decimals
	}
	percentFormat := "0.00"
	var st styles
	var err error
	add := func(dst *int, s *excelize.Style) {
		if err == nil {
			*dst, err = x.NewStyle(s)
		}
	}
	wrapLeft := &excelize.Alignment{Vertical: "center", WrapText: true}
	add(&st.title, &excelize.Style{Font: font(16, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&st.unitLine, &excelize.Style{Font: font(10.5, false), Alignment: &excelize.Alignment{Horizontal: "right"}})
	add(&st.header, &excelize.Style{Font: font(10.5, true), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&st.text, &excelize.Style{Font: font(10.5, false), Border: border, Alignment: wrapLeft})
	add(&st.money, &excelize.Style{Font: font(10.5, false), Border: border, CustomNumFmt: &moneyFormat, Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&st.percent, &excelize.Style{Font: font(10.5, false), Border: border, CustomNumFmt: &percentFormat, Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&st.count, &excelize.Style{Font: font(10.5, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&st.subtotalText, &excelize.Style{Font: font(10.5, true), Border: border, Alignment: wrapLeft})
	add(&st.subtotalMoney, &excelize.Style{Font: font(10.5, true), Border: border, CustomNumFmt: &moneyFormat, Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&st.subtotalCount, &excelize.Style{Font: font(10.5, true), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	return st, err
}

// sheet writes the rows in order, keeping the running totals for the
// cached values of the formulas.
type sheet struct {
	sw      *excelize.StreamWriter
	st      styles
	unit    budget.MoneyUnit
	plan    int
	width   int
	inexact int // amounts beyond a spreadsheet's 15 digits
	row     int
	cols    []float64   // column widths, for the rows' heights
	total   [3]*big.Rat // grand totals of the three amounts
	count   [3]int      // indicators, errors, warnings
}

func (s *sheet) columns(header []string) error {
	widths := map[string]float64{"单位编码": 10, "单位名称": 28, "项目编码": 20, "项目名称": 30, "预算数": 16, "财政资金": 16, "其他资金": 16,
		"绩效指标数": 8, "错误": 6, "警告": 6, "文件": 22, "说明": 40}
	for i, h := range header {
		w, ok := widths[h]
		if !ok {
			w = 10
		}
		s.cols = append(s.cols, w)
		if err := s.sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	return nil
}

func (s *sheet) top(header []string) error {
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(s.width)
	if err := s.sw.SetRow("A1", []any{excelize.Cell{StyleID: s.st.title, Value: "预算项目绩效目标汇总表"}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := s.sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	if err := s.sw.SetRow(last+"2", []any{excelize.Cell{StyleID: s.st.unitLine, Value: "金额单位：" + string(s.unit)}}); err != nil {
		return err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: s.st.header, Value: h}
	}
	if err := s.sw.SetRow("A3", cells, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	s.row = firstRow
	s.total = [3]*big.Rat{new(big.Rat), new(big.Rat), new(big.Rat)}
	return nil
}

// convert is an amount in the summary's unit, exactly; nil for an amount
// not given, not valid, or in a unit that cannot be converted.
func (s *sheet) convert(d budget.Decimal, from budget.MoneyUnit) *big.Rat {
	if !d.Set || d.Err != nil || from.Fen() == 0 {
		return nil
	}
	num := new(big.Int).Mul(big.NewInt(d.Hundredths), big.NewInt(from.Fen())) // up to 10^20: beyond int64
	return new(big.Rat).SetFrac(num, big.NewInt(100*s.unit.Fen()))
}

// number is an amount as a cell's value. A spreadsheet keeps 15
// significant digits; an amount with more (a total above 10^13 元, or 元
// amounts with fen summed in 万元 beyond 10^9) is counted in inexact.
func (s *sheet) number(r *big.Rat) any {
	if r == nil {
		return nil
	}
	digits := strings.TrimLeft(strings.TrimRight(strings.ReplaceAll(strings.TrimPrefix(r.FloatString(6), "-"), ".", ""), "0"), "0")
	if len(digits) > 15 {
		s.inexact++
	}
	f, _ := r.Float64()
	return f
}

func (s *sheet) department(entries []Entry) error {
	first := s.row
	var sums [3]*big.Rat
	for i := range sums {
		sums[i] = new(big.Rat)
	}
	var counts [3]int
	for _, e := range entries {
		f := e.Filing
		for pi, p := range f.Projects {
			amounts := [3]*big.Rat{s.convert(p.Budget, f.Department.MoneyUnit), s.convert(p.Fiscal, f.Department.MoneyUnit), s.convert(p.Other, f.Department.MoneyUnit)}
			cells := []any{s.text(f.Department.Code), s.text(f.Department.Name), s.text(p.Code), s.text(p.Name)}
			for i, a := range amounts {
				if a != nil {
					sums[i].Add(sums[i], a)
				}
				cells = append(cells, excelize.Cell{StyleID: s.st.money, Value: s.number(a)})
			}
			for i := range s.plan {
				var v any
				if i < len(p.SpendingPlan) && p.SpendingPlan[i].Set && p.SpendingPlan[i].Err == nil {
					v, _ = new(big.Rat).SetFrac64(p.SpendingPlan[i].Hundredths, 100).Float64()
				}
				cells = append(cells, excelize.Cell{StyleID: s.st.percent, Value: v})
			}
			// A filing's findings are counted on its first project's row,
			// so that the sums count each once.
			errs, warns, note := any(nil), any(nil), ""
			if pi == 0 {
				errs, warns, note = e.Errors, e.Warnings, e.FirstError
				counts[1] += e.Errors
				counts[2] += e.Warnings
			}
			counts[0] += len(p.Indicators)
			cells = append(cells, excelize.Cell{StyleID: s.st.count, Value: len(p.Indicators)},
				excelize.Cell{StyleID: s.st.count, Value: errs}, excelize.Cell{StyleID: s.st.count, Value: warns},
				s.text(e.File), s.text(note))
			if err := s.put(cells); err != nil {
				return err
			}
		}
		if len(f.Projects) == 0 { // a filing without projects still shows
			cells := []any{s.text(f.Department.Code), s.text(f.Department.Name), s.text(""), s.text("（无项目）")}
			for range 3 + s.plan {
				cells = append(cells, s.text(""))
			}
			counts[1] += e.Errors
			counts[2] += e.Warnings
			cells = append(cells, excelize.Cell{StyleID: s.st.count, Value: 0}, excelize.Cell{StyleID: s.st.count, Value: e.Errors},
				excelize.Cell{StyleID: s.st.count, Value: e.Warnings}, s.text(e.File), s.text(e.FirstError))
			if err := s.put(cells); err != nil {
				return err
			}
		}
	}
	f := entries[0].Filing
	for i := range sums {
		s.total[i].Add(s.total[i], sums[i])
		s.count[i] += counts[i]
	}
	return s.sums(f.Department.Code, f.Department.Name+" 小计", first, sums, counts)
}

// sums writes a subtotal or total row: SUBTOTAL(9, …) over the rows from
// first, with the values computed here cached.
func (s *sheet) sums(code, label string, first int, sums [3]*big.Rat, counts [3]int) error {
	last := s.row - 1
	formula := func(col int) string {
		c, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("SUBTOTAL(9,%s%d:%s%d)", c, first, c, last)
	}
	cells := []any{excelize.Cell{StyleID: s.st.subtotalText, Value: code}, excelize.Cell{StyleID: s.st.subtotalText, Value: label},
		excelize.Cell{StyleID: s.st.subtotalText}, excelize.Cell{StyleID: s.st.subtotalText}}
	for i, v := range sums {
		cells = append(cells, excelize.Cell{StyleID: s.st.subtotalMoney, Value: s.number(v), Formula: formula(len(lead) - 2 + i)})
	}
	for range s.plan {
		cells = append(cells, excelize.Cell{StyleID: s.st.subtotalText})
	}
	base := len(lead) + s.plan + 1
	for i, n := range counts {
		cells = append(cells, excelize.Cell{StyleID: s.st.subtotalCount, Value: n, Formula: formula(base + i)})
	}
	cells = append(cells, excelize.Cell{StyleID: s.st.subtotalText}, excelize.Cell{StyleID: s.st.subtotalText})
	return s.put(cells)
}

func (s *sheet) failed(e Entry) error {
	cells := []any{s.text(""), s.text(""), s.text(""), s.text("（未能读取）")}
	for range 3 + s.plan {
		cells = append(cells, s.text(""))
	}
	s.count[1] += e.Errors
	s.count[2] += e.Warnings
	cells = append(cells, excelize.Cell{StyleID: s.st.count}, excelize.Cell{StyleID: s.st.count, Value: e.Errors},
		excelize.Cell{StyleID: s.st.count, Value: e.Warnings}, s.text(e.File), s.text(e.FirstError))
	return s.put(cells)
}

func (s *sheet) grandTotal() error {
	return s.sums("", "合计", firstRow, s.total, s.count)
}

func (s *sheet) text(v string) excelize.Cell {
	return excelize.Cell{StyleID: s.st.text, Value: strings.TrimSpace(v)}
}

// put writes a row, as high as its longest wrapped text needs: Excel does
// not fit a row's height to wrapped text when it opens a file.
func (s *sheet) put(cells []any) error {
	lines := 1
	for i, c := range cells {
		if text, ok := c.(excelize.Cell).Value.(string); ok && i < len(s.cols) {
			lines = max(lines, wrappedLines(text, s.cols[i]))
		}
	}
	var opts []excelize.RowOpts
	if lines > 1 {
		opts = append(opts, excelize.RowOpts{Height: float64(lines)*14 + 3})
	}
	err := s.sw.SetRow(fmt.Sprintf("A%d", s.row), slices.Clip(cells), opts...)
	s.row++
	return err
}

// wrappedLines estimates the lines text takes in a column width wide (in
// Excel's units, about one digit): a Chinese character of the 10.5 pt
// font takes two units, other characters about one.
func wrappedLines(text string, width float64) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		units := 0.0
		for _, r := range line {
			if r >= 0x2E80 {
				units += 2
			} else {
				units += 1.1
			}
		}
		n += max(1, int(math.Ceil(units/max(width-1, 1))))
	}
	return n
}
