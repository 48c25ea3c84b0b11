package workbook

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
)

// ProjectKinds are the values of 项目属性 the drop-down offers.
var ProjectKinds = []string{"新增项目", "延续项目"}

// validRows is how far down the drop-downs and formats of the table
// sheets reach: far more rows than any filing has.
const validRows = 5000

// writer holds what writing one workbook needs.
type writer struct {
	x      *excelize.File
	f      *budget.Filing
	form   *check.Profile
	styles map[string]int
}

// Write writes f as a data workbook for form: the sheets 说明, 单位信息,
// 部门整体目标, 项目 and 绩效指标, with money as numbers in the format 0.00,
// the spending plan as per-cent numbers, drop-down lists for the form's
// indicator taxonomy (一级, and 二级 by the 一级 chosen), money units and
// project kinds, an input message on every header, frozen headers and
// filters. A filing with no projects and no sections gives the blank
// workbook of `jixiao new --format xlsx`, with the form's section titles
// filled in. Read reads the workbook back to the same values.
func Write(w io.Writer, f *budget.Filing, form *check.Profile) error {
	if form == nil {
		form = &check.Profile{}
	}
	if err := storable(f); err != nil {
		return err
	}
	wr := &writer{x: excelize.NewFile(), f: f, form: form, styles: map[string]int{}}
	defer wr.x.Close()
	wr.x.ZipWriter = newSortedZip
	steps := []func() error{wr.makeStyles, wr.guide, wr.lists, wr.unit, wr.overall, wr.projects, wr.indicators, wr.props}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return wr.x.Write(w)
}

// maxCellText is the most UTF-16 units a cell may hold.
const maxCellText = 32767

// storable returns an error naming the first text of f that a workbook
// cannot hold as it is: a control character other than tab and line feed
// (XML has no way to write it) or a text over maxCellText. Writing it
// would change the data without a word.
func storable(f *budget.Filing) error {
	var err error
	eachText(f, func(v string, path func() string) bool {
		n := 0 // UTF-16 units
		for i, r := range v {
			if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
				err = fmt.Errorf("%s: the control character U+%04X (character %d) cannot be stored in a workbook; delete it", path(), r, utf8.RuneCountInString(v[:i])+1)
				return false
			}
			n += utf16.RuneLen(r)
		}
		if n > maxCellText {
			err = fmt.Errorf("%s: a text of more than %d characters cannot be stored in a workbook cell", path(), maxCellText)
			return false
		}
		return true
	})
	return err
}

// eachText calls visit with every text of f and a function giving its
// path, until visit returns false.
func eachText(f *budget.Filing, visit func(v string, path func() string) bool) {
	at := func(format string, args ...any) func() string {
		return func() string { return fmt.Sprintf(format, args...) }
	}
	d := f.Department
	for _, kv := range [][2]string{{"template", f.Template}, {"date", f.Date}, {"department.code", d.Code},
		{"department.name", d.Name}, {"department.short_name", d.ShortName}, {"department.money_unit", string(d.MoneyUnit)},
		{"department.supervisor", d.Supervisor}, {"department.supervisor_code", d.SupervisorCode}, {"department.filler", d.Filler}} {
		if !visit(kv[1], at("%s", kv[0])) {
			return
		}
	}
	for i, s := range f.Overall {
		for _, kv := range [][2]string{{"title", s.Title}, {"subtitle", s.Subtitle}, {"text", s.Text}} {
			if !visit(kv[1], at("overall[%d].%s", i+1, kv[0])) {
				return
			}
		}
	}
	for i, p := range f.Projects {
		for _, kv := range [][2]string{{"code", p.Code}, {"name", p.Name}, {"purpose", p.Purpose},
			{"implementer", p.Implementer}, {"kind", p.Kind}, {"period", p.Period}} {
			if !visit(kv[1], at("projects[%d].%s", i+1, kv[0])) {
				return
			}
		}
		for j, g := range p.Goals {
			if !visit(g, at("projects[%d].goals[%d]", i+1, j+1)) {
				return
			}
		}
		for j, in := range p.Indicators {
			for _, kv := range [][2]string{{"level1", in.Level1}, {"level2", in.Level2}, {"name", in.Name},
				{"description", in.Description}, {"value", in.Value}, {"basis", in.Basis}} {
				if !visit(kv[1], at("projects[%d].indicators[%d].%s", i+1, j+1, kv[0])) {
					return
				}
			}
		}
	}
}

// makeStyles adds the workbook's cell styles, by name.
func (wr *writer) makeStyles() error {
	border := []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	text := "@"
	for _, st := range []struct {
		name  string
		style *excelize.Style
	}{
		{"header", &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{"label", &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: border, Alignment: top}},
		{"note", &excelize.Style{Font: &excelize.Font{Color: "595959"}, Alignment: top}},
		{"title", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{"text", &excelize.Style{Border: border, Alignment: top, CustomNumFmt: &text}},
		{"money", &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 2}},
		{"percent", &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 10}},
		{"whole", &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, NumFmt: 1}},
	} {
		id, err := wr.x.NewStyle(st.style)
		if err != nil {
			return err
		}
		wr.styles[st.name] = id
	}
	return nil
}

// style returns the cell style of the given name.
func (wr *writer) style(name string) int { return wr.styles[name] }

// cellStyle is the style of a value cell of kind k.
func cellStyle(k kind) string {
	switch k {
	case money:
		return "money"
	case percent:
		return "percent"
	case whole:
		return "whole"
	}
	return "text"
}

func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// guide writes 说明, the first sheet: how to fill the workbook in.
func (wr *writer) guide() error {
	x := wr.x
	if err := x.SetSheetName("Sheet1", sheetGuide); err != nil {
		return err
	}
	lines := []string{
		"预算绩效目标填报工作簿",
		"本工作簿由 jixiao 生成，用于填写部门整体绩效目标和预算项目绩效目标，再由 jixiao 生成 PDF/DOCX 报告。",
		"",
		"填写步骤",
		"1. “单位信息”：填写单位编码、单位名称、简称，从下拉列表选择金额单位。表样和年度已填好。",
		"2. “部门整体目标”：每行一个部分，标题已按本表样要求填好，填写副标题和内容；内容中换行（Alt+Enter）即分段。",
		"3. “项目”：每行一个项目。金额填数字（最多两位小数），预算数 = 财政资金 + 其他资金；支出进度填截至各时点的累计百分比；绩效目标每条一行（Alt+Enter 换行）。",
		"4. “绩效指标”：每行一个指标，第一列填所属项目的项目编码；一级、二级指标从下拉列表选择（先选一级，二级列表随之变化）。",
		"5. 保存后运行：jixiao check 本文件.xlsx 检查；jixiao build 本文件.xlsx 生成报告。提示会指明工作表和单元格，如“项目!E5”。",
		"",
		"注意",
		"· 可以从预算系统导出的表格中复制粘贴；列的顺序可以调整，但请保留第一行的列名。",
		"· 数字不要带千位分隔符或单位；可以用公式，但请在 Excel 或 WPS 中保存一次，使公式的计算结果随文件保存。",
		"· 请保存为 Excel 工作簿（.xlsx），不要保存为 .xls 或 .et 格式。",
		"· 本表样：" + wr.form.Template,
	}
	_ = x.SetColStyle(sheetGuide, "A", wr.style("note"))
	for i, l := range lines {
		if err := x.SetCellStr(sheetGuide, ref(1, i+1), l); err != nil {
			return err
		}
		if h := rowHeight([]float64{guideWidth}, []any{l}); h > 0 {
			if err := x.SetRowHeight(sheetGuide, i+1, h); err != nil {
				return err
			}
		}
	}
	_ = x.SetCellStyle(sheetGuide, "A1", "A1", wr.style("title"))
	for _, r := range []int{4, 11} {
		_ = x.SetCellStyle(sheetGuide, ref(1, r), ref(1, r), wr.style("label"))
	}
	if err := wr.printSetup(sheetGuide); err != nil {
		return err
	}
	return x.SetColWidth(sheetGuide, "A", "A", guideWidth)
}

// guideWidth is the width of 说明's one column, in characters.
const guideWidth = 100

// lists writes the hidden sheet 选项 with the lists the drop-downs offer:
// money units in A, project kinds in B, the 一级 names in D, and from F on
// one column per 一级 with its 二级 names under it.
func (wr *writer) lists() error {
	x := wr.x
	if _, err := x.NewSheet(sheetLists); err != nil {
		return err
	}
	put := func(col int, head string, values []string) error {
		if err := x.SetCellStr(sheetLists, ref(col, 1), head); err != nil {
			return err
		}
		for i, v := range values {
			if err := x.SetCellStr(sheetLists, ref(col, i+2), v); err != nil {
				return err
			}
		}
		return nil
	}
	var level1 []string
	for _, c := range wr.form.Categories {
		level1 = append(level1, c.Name)
	}
	if err := put(1, "金额单位", wr.form.MoneyUnits); err != nil {
		return err
	}
	if err := put(2, "项目属性", ProjectKinds); err != nil {
		return err
	}
	if err := put(4, "一级指标", level1); err != nil {
		return err
	}
	for i, c := range wr.form.Categories {
		if err := put(6+i, c.Name, c.Subs); err != nil {
			return err
		}
	}
	return x.SetSheetVisible(sheetLists, false)
}

// listRef is the range of list n of 选项 (by its column), for a drop-down.
func listRef(col, n int) string {
	return fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheetLists, colName(col), colName(col), n+1)
}

// dropDown puts a drop-down offering list on the cells sqref of sheet.
func (wr *writer) dropDown(sheet, sqref, list, title, prompt string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(list)
	dv.SetInput(title, prompt)
	dv.SetError(excelize.DataValidationErrorStyleWarning, title, "请从下拉列表中选择；如确需填写其他内容，请点“是”。")
	return wr.x.AddDataValidation(sheet, dv)
}

// enumList returns the drop-down source for the list named enum, or "".
func (wr *writer) enumList(enum string) string {
	switch {
	case enum == "money_unit" && len(wr.form.MoneyUnits) > 0:
		return listRef(1, len(wr.form.MoneyUnits))
	case enum == "kind":
		return listRef(2, len(ProjectKinds))
	case enum == "level1" && len(wr.form.Categories) > 0:
		return listRef(4, len(wr.form.Categories))
	case enum == "level2" && len(wr.form.Categories) > 0:
		return "level2"
	}
	return ""
}

// level2List is the drop-down source of a 二级 cell: the column of 选项
// headed by the 一级 chosen in cell level1 (a relative reference), as far
// down as it has names.
func (wr *writer) level2List(level1 string) string {
	last := colName(5 + len(wr.form.Categories))
	heads := fmt.Sprintf("'%s'!$F$1:$%s$1", sheetLists, last)
	start := fmt.Sprintf("'%s'!$F$2", sheetLists)
	match := fmt.Sprintf("MATCH(%s,%s,0)-1", level1, heads)
	return fmt.Sprintf("OFFSET(%s,0,%s,MAX(1,COUNTA(OFFSET(%s,0,%s,50,1))),1)", start, match, start, match)
}

// has reports whether column c is written: for every form, or when the
// form prints or requires its field, or when a value of the filing (filled
// reports one) would be lost without it.
func (wr *writer) has(c column, filled func() bool) bool {
	switch c.only {
	case always:
		return true
	case ifPrinted:
		return !slices.Contains(wr.form.Unprinted, c.key) || filled()
	}
	return slices.Contains(wr.form.Needs, c.key) || filled()
}

// table writes a table sheet: its header row (with input messages), its
// rows, and its column widths and formats, drop-downs, frozen panes,
// filter and print setup. A row's cells are texts, numbers (float64) or
// nil for an empty cell. The rows are streamed: setting cells one by one
// costs the spreadsheet library a few microseconds each.
func (wr *writer) table(sheet string, cols []column, frozenCols int, rows [][]any) error {
	x := wr.x
	if _, err := x.NewSheet(sheet); err != nil {
		return err
	}
	for i, c := range cols {
		col := i + 1
		if c.note != "" {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = ref(col, 1)
			dv.SetInput(c.label, c.note)
			if err := x.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
		if list := wr.enumList(c.enum); list != "" {
			name := colName(col)
			if c.enum == "level2" {
				l1 := slices.IndexFunc(cols, func(c column) bool { return c.enum == "level1" })
				list = wr.level2List(colName(l1+1) + "2")
			}
			if err := wr.dropDown(sheet, fmt.Sprintf("%s2:%s%d", name, name, max(validRows, len(rows)+1)), list, c.label, c.note); err != nil {
				return err
			}
		}
	}
	last := colName(len(cols))
	if err := x.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, max(len(rows)+1, 2)), nil); err != nil {
		return err
	}
	if err := wr.printSetup(sheet); err != nil {
		return err
	}
	// The stream writes the dimension the sheet has when it starts.
	if err := x.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", last, len(rows)+1)); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: 1, TopLeftCell: ref(frozenCols+1, 2),
		ActivePane: map[bool]string{true: "bottomRight", false: "bottomLeft"}[frozenCols > 0]}); err != nil {
		return err
	}
	widths, styles := make([]float64, len(cols)), make([]int, len(cols))
	head := make([]any, len(cols))
	for i, c := range cols {
		widths[i], styles[i] = c.width, wr.style(cellStyle(c.kind))
		head[i] = excelize.Cell{StyleID: wr.style("header"), Value: c.label}
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
		if err := sw.SetColStyle(i+1, i+1, styles[i]); err != nil {
			return err
		}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	cells := make([]any, len(cols))
	for r, row := range rows {
		for i, v := range row {
			cells[i] = excelize.Cell{StyleID: styles[i], Value: v}
		}
		var opts []excelize.RowOpts
		if h := rowHeight(widths, row); h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow(ref(1, r+2), cells, opts...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// decimalCell is an amount's cell: a number (a plan value as its
// fraction, 25 → 0.25, under a per-cent format), nil when unset, or the
// text it was when it did not parse, so that it is read back the same.
func decimalCell(d budget.Decimal, asPercent bool) any {
	switch {
	case !d.Set || d.Raw == "" && d.Err != nil:
		return nil
	case d.Err != nil && d.Err != budget.ErrDecimalNegative:
		return d.Raw
	}
	digits := budget.FormatFixed(d.Hundredths, 2)
	if asPercent {
		digits = budget.FormatFixed(d.Hundredths, 4) // 25.50% is 0.2550
	}
	v, _ := strconv.ParseFloat(digits, 64) // digits of a valid amount always parse
	return v
}

// printSetup prints a sheet on landscape A4, one page wide, with its
// header row on every page.
func (wr *writer) printSetup(sheet string) error {
	landscape, a4, one, any := "landscape", 9, 1, 0
	fit := true
	if err := wr.x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	if err := wr.x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return wr.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet})
}

// lineHeight is the height in points given a line of 11-point text (Excel
// takes about 15, LibreOffice with its Chinese fallback font more: a row
// a little tall beats one whose text is cut), and maxRowHeight the most a
// spreadsheet row may be.
const (
	lineHeight   = 16.0
	maxRowHeight = 409.0
)

// rowHeight is the height of a row in points that shows its wrapped texts
// whole (spreadsheets do not grow a row to fit text another program
// wrote), or 0 for one line. widths are the columns' widths in characters,
// a Chinese character taking two.
func rowHeight(widths []float64, row []any) float64 {
	lines := 1
	for i, v := range row {
		t, ok := v.(string)
		if !ok {
			continue
		}
		n := 0
		for _, para := range strings.Split(t, "\n") {
			w := 0.0
			for _, r := range para {
				switch width.LookupRune(r).Kind() {
				case width.EastAsianWide, width.EastAsianFullwidth:
					w += 2
				default:
					w++
				}
			}
			n += max(1, int(math.Ceil(w*1.2/max(widths[i]-1, 1))))
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return min(maxRowHeight, float64(lines)*lineHeight)
}

// unitWidths are the widths of the columns of 单位信息.
var unitWidths = []float64{16, 48, 56}

// unit writes 单位信息.
func (wr *writer) unit() error {
	x := wr.x
	if _, err := x.NewSheet(sheetUnit); err != nil {
		return err
	}
	for i, h := range unitHeader {
		if err := x.SetCellStr(sheetUnit, ref(i+1, 1), h); err != nil {
			return err
		}
	}
	d := wr.f.Department
	values := map[string]string{"template": wr.f.Template, "date": wr.f.Date,
		"department.code": d.Code, "department.name": d.Name, "department.short_name": d.ShortName,
		"department.money_unit": string(d.MoneyUnit), "department.supervisor": d.Supervisor,
		"department.supervisor_code": d.SupervisorCode, "department.filler": d.Filler}
	row := 1
	for _, c := range unitRows {
		if !wr.has(c, func() bool { return values[c.key] != "" }) {
			continue
		}
		row++
		if err := x.SetCellStr(sheetUnit, ref(1, row), c.label); err != nil {
			return err
		}
		if err := x.SetCellStr(sheetUnit, ref(3, row), c.note); err != nil {
			return err
		}
		_ = x.SetCellStyle(sheetUnit, ref(1, row), ref(1, row), wr.style("label"))
		_ = x.SetCellStyle(sheetUnit, ref(2, row), ref(2, row), wr.style(cellStyle(c.kind)))
		_ = x.SetCellStyle(sheetUnit, ref(3, row), ref(3, row), wr.style("note"))
		var err error
		if c.kind == whole {
			if wr.f.Year != 0 {
				err = x.SetCellInt(sheetUnit, ref(2, row), int64(wr.f.Year))
			}
		} else if values[c.key] != "" {
			err = x.SetCellStr(sheetUnit, ref(2, row), values[c.key])
		}
		if err != nil {
			return err
		}
		if h := rowHeight(unitWidths, []any{c.label, values[c.key], c.note}); h > 0 {
			if err := x.SetRowHeight(sheetUnit, row, h); err != nil {
				return err
			}
		}
		if list := wr.enumList(c.enum); list != "" {
			if err := wr.dropDown(sheetUnit, ref(2, row), list, c.label, c.note); err != nil {
				return err
			}
		}
	}
	_ = x.SetCellStyle(sheetUnit, "A1", "C1", wr.style("header"))
	for col, w := range unitWidths {
		_ = x.SetColWidth(sheetUnit, colName(col+1), colName(col+1), w)
	}
	if err := wr.printSetup(sheetUnit); err != nil {
		return err
	}
	return x.SetPanes(sheetUnit, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// overall writes 部门整体目标, one row per section; the blank workbook has
// the form's section titles.
func (wr *writer) overall() error {
	sections := wr.f.Overall
	if len(sections) == 0 && len(wr.f.Projects) == 0 {
		for _, t := range wr.form.Sections {
			sections = append(sections, budget.Section{Title: t})
		}
	}
	var rows [][]any
	for _, s := range sections {
		rows = append(rows, []any{text(s.Title), text(s.Subtitle), text(s.Text)})
	}
	return wr.table(sheetOverall, overallColumns, 0, rows)
}

// text is the cell of a text: nil when empty.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// projectCols are the columns of 项目 for this form and filing.
func (wr *writer) projectCols() []column {
	var cols []column
	plan := len(wr.form.Checkpoints)
	for _, p := range wr.f.Projects {
		plan = max(plan, len(p.SpendingPlan))
	}
	for _, c := range projectColumns {
		if c.key == "projects.goals" {
			for i := range plan {
				cols = append(cols, planColumn(wr.form.Checkpoints, i))
			}
		}
		if wr.has(c, func() bool {
			return slices.ContainsFunc(wr.f.Projects, func(p budget.Project) bool { return projectText(&p, c.key) != "" })
		}) {
			cols = append(cols, c)
		}
	}
	return cols
}

// projectText is the text of p in the column key.
func projectText(p *budget.Project, key string) string {
	if key == "projects.goals" {
		return strings.Join(p.Goals, "\n")
	}
	if field := projectField(p, key); field != nil {
		return *field
	}
	return ""
}

// projects writes 项目, one row per project.
func (wr *writer) projects() error {
	cols := wr.projectCols()
	rows := make([][]any, len(wr.f.Projects))
	for i := range wr.f.Projects {
		p := &wr.f.Projects[i]
		row, plan := make([]any, len(cols)), 0
		for j, c := range cols {
			switch c.kind {
			case money:
				row[j] = decimalCell(*projectMoney(p, c.key), false)
			case percent:
				if plan < len(p.SpendingPlan) {
					row[j] = decimalCell(p.SpendingPlan[plan], true)
				}
				plan++
			default:
				row[j] = text(projectText(p, c.key))
			}
		}
		rows[i] = row
	}
	return wr.table(sheetProjects, cols, 2, rows)
}

// indicatorCols are the columns of 绩效指标 for this form and filing.
func (wr *writer) indicatorCols() []column {
	var cols []column
	for _, c := range indicatorColumns {
		if wr.has(c, func() bool {
			for _, p := range wr.f.Projects {
				for _, in := range p.Indicators {
					if indicatorText(p, in, c.key) != "" {
						return true
					}
				}
			}
			return false
		}) {
			cols = append(cols, c)
		}
	}
	return cols
}

// indicatorText is the text of indicator in of project p in the column
// key: the project's code and name, or the indicator's own field.
func indicatorText(p budget.Project, in budget.Indicator, key string) string {
	switch key {
	case "code":
		return p.Code
	case "name":
		return p.Name
	}
	if field := indicatorField(&in, key); field != nil {
		return *field
	}
	return ""
}

// indicators writes 绩效指标, one row per indicator.
func (wr *writer) indicators() error {
	cols := wr.indicatorCols()
	var rows [][]any
	for _, p := range wr.f.Projects {
		for _, in := range p.Indicators {
			row := make([]any, len(cols))
			for j, c := range cols {
				row[j] = text(indicatorText(p, in, c.key))
			}
			rows = append(rows, row)
		}
	}
	return wr.table(sheetIndic, cols, 2, rows)
}

// props sets the document properties: fixed, so that the same filing
// gives the same bytes.
func (wr *writer) props() error {
	created := "2000-01-01T00:00:00Z"
	switch {
	case len(wr.f.Date) == 10:
		created = wr.f.Date + "T00:00:00Z"
	case wr.f.Year >= 1000 && wr.f.Year <= 9999:
		created = fmt.Sprintf("%04d-01-01T00:00:00Z", wr.f.Year)
	}
	title := strings.TrimSpace(wr.f.Department.Name + " 绩效目标填报")
	if err := wr.x.SetDocProps(&excelize.DocProperties{Creator: "jixiao", LastModifiedBy: "jixiao",
		Created: created, Modified: created, Title: title, Language: "zh-CN"}); err != nil {
		return err
	}
	return nil
}
