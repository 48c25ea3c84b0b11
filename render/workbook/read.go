package workbook

import (
	"bytes"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// MaxFileSize is the largest workbook accepted, refused before reading; a
// workbook of 1,000 projects is well under a megabyte.
const MaxFileSize = 16 << 20

// maxUnzipped bounds what a workbook may unpack to, so that no file can
// make the reader run out of memory.
const maxUnzipped = 256 << 20

// reader holds what reading one workbook needs.
type reader struct {
	file      string
	x         *excelize.File
	f         *budget.Filing
	notes     diag.List
	formats   map[int]numFormat
	date1904  bool
	sst       []string               // the shared texts
	sheets    map[string]*sheet      // the sheets read, by their known name (项目 …)
	tables    map[string]tableLayout // the table sheets' header rows and columns, by known name
	unitCells map[string][2]int      // the row and column of each value of 单位信息, by key
}

// tableLayout is where a table sheet's header row is and which sheet
// column holds each of its columns (0 when absent), with the extra
// columns (the spending plan's) in order.
type tableLayout struct {
	header int
	at     []int
	extras []int
}

// add records finding d about the field at path.
func (r *reader) add(d diag.Diagnostic, path string) {
	d.Path = path
	r.notes = append(r.notes, d)
}

// Read reads a data workbook into the filing its TOML form would give:
// the same fields, amounts exact in hundredths, and the sheet and cell of
// every value in f.Positions, so that every finding names its cell. The
// returned list holds every problem found while reading; when it has
// errors the filing is nil.
func Read(file string, data []byte) (*budget.Filing, diag.List) {
	r, notes := openBook(file, data)
	if r == nil {
		return nil, notes
	}
	r.x.Close()
	if notes.HasErrors() {
		return nil, notes
	}
	return r.f, notes
}

// readBook reads the opened workbook x (data are its bytes): the reader
// holding the filing, the sheets and the tables' layouts, and the
// findings. The reader is nil when the workbook cannot be read at all.
func readBook(file string, data []byte, x *excelize.File) (*reader, diag.List) {
	fail := func(code string, msg, hint diag.Text) (*reader, diag.List) {
		return nil, unreadable(file, code, msg, hint)
	}
	r := &reader{file: file, x: x, formats: map[int]numFormat{}, sheets: map[string]*sheet{}, tables: map[string]tableLayout{}, unitCells: map[string][2]int{},
		f: &budget.Filing{File: file, Source: data, Positions: budget.Positions{}}}
	if p, err := x.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		r.date1904 = *p.Date1904
	}
	parts, sst, err := packageParts(x)
	if err == nil && sst != "" {
		r.sst, err = sharedStrings(part(x, sst))
	}
	if err != nil {
		return fail("X1", diag.T("the workbook cannot be read: %v", err),
			diag.T("open it in Excel or WPS and save it again as an Excel workbook (.xlsx)"))
	}
	sheets := r.sheets
	for _, name := range x.GetSheetList() {
		s, err := r.sheet(name, parts[name])
		if err != nil {
			return fail("X1", diag.T("the workbook cannot be read: %v", err),
				diag.T("open it in Excel or WPS and save it again as an Excel workbook (.xlsx)"))
		}
		known := strings.TrimSpace(name)
		switch known {
		case sheetUnit, sheetOverall, sheetProjects, sheetIndic:
			if sheets[known] == nil {
				sheets[known] = s
				continue
			}
		case sheetGuide, sheetLists:
			continue
		}
		if s.hasValues() {
			r.add(diag.Diagnostic{Pos: diag.Pos{File: file, Sheet: name}, Severity: diag.Warning, Code: "X2"}.Say(
				diag.T("the sheet %q is not read", name),
				diag.T("the data workbook reads the sheets 单位信息, 部门整体目标, 项目 and 绩效指标; move the data there, or ignore this warning")), "")
		}
	}
	if len(sheets) == 0 {
		return fail("X1", diag.T("the workbook has none of the sheets 单位信息, 部门整体目标, 项目 and 绩效指标"),
			diag.T("start from the workbook that jixiao new --format xlsx writes"))
	}
	if s := sheets[sheetUnit]; s != nil {
		r.unit(s)
	}
	if s := sheets[sheetOverall]; s != nil {
		r.overall(s)
	}
	if s := sheets[sheetProjects]; s != nil {
		r.projects(s)
	}
	if s := sheets[sheetIndic]; s != nil {
		r.indicators(s)
	}
	r.notes.Sort()
	return r, r.notes
}

// unreadable is the one finding about a workbook that cannot be read.
func unreadable(file, code string, msg, hint diag.Text) diag.List {
	return diag.List{diag.Diagnostic{Pos: diag.Pos{File: file}, Severity: diag.Error, Code: code}.Say(msg, hint)}
}

// notXLSX recognises files that are not an .xlsx workbook and says how to
// make one: the old binary .xls (and WPS's .et), an encrypted workbook, an
// OpenDocument sheet, a web page or XML saved with an .xls name.
func notXLSX(data []byte) (msg, hint diag.Text, found bool) {
	saveAs := diag.T("open it in Excel or WPS, choose Save As and the type Excel workbook (*.xlsx), and use that file")
	switch {
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o")) {
			return diag.T("the workbook is protected with a password"),
				diag.T("open it in Excel or WPS, remove the password (File, Info, Protect Workbook) and save it"), true
		}
		return diag.T("this is an old-format Excel file (.xls or .et), which is not read"), saveAs, true
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if bytes.Contains(data[:min(len(data), 100)], []byte("application/vnd.oasis.opendocument")) {
			return diag.T("this is an OpenDocument spreadsheet (.ods), which is not read"), saveAs, true
		}
		return diag.Text{}, diag.Text{}, false
	case len(bytes.TrimSpace(data)) == 0:
		return diag.T("the file is empty"), diag.T("start from the workbook that jixiao new --format xlsx writes"), true
	}
	head := strings.ToLower(string(data[:min(len(data), 512)]))
	if strings.Contains(head, "<html") || strings.Contains(head, "<?xml") || strings.Contains(head, "<table") {
		return diag.T("this is a web page or an XML file with a spreadsheet name, not an .xlsx workbook"), saveAs, true
	}
	return diag.T("this is not an .xlsx workbook"), saveAs, true
}

// hasValues reports whether the sheet holds any value.
func (s *sheet) hasValues() bool {
	for _, row := range s.rows {
		for _, v := range row {
			if strings.TrimSpace(v) != "" {
				return true
			}
		}
	}
	return false
}

// unit reads 单位信息: a label in the first filled cell of a row, its
// value in the next cell to the right.
func (r *reader) unit(s *sheet) {
	known := labels(unitRows)
	header := map[string]bool{}
	for _, h := range unitHeader {
		header[normLabel(h)] = true
	}
	header["项目"], header["名称"] = true, true
	r.f.Positions["department"] = diag.Pos{Sheet: s.name, Line: 1, Col: 1}
	seen := map[int]bool{}
	for row := 1; row <= len(s.rows); row++ {
		col := 1
		for col <= len(s.rows[row-1]) && strings.TrimSpace(s.rows[row-1][col-1]) == "" {
			col++
		}
		if col > len(s.rows[row-1]) {
			continue
		}
		lc := s.at(row, col)
		label := normLabel(lc.label())
		i, ok := known[label]
		switch {
		case header[label]:
			continue
		case !ok:
			r.add(s.finding(diag.Warning, "X3", lc).Say(diag.T("the row %q is not read", strings.TrimSpace(lc.value)),
				diag.T("the sheet 单位信息 reads the rows it was written with; check the label")), "")
			continue
		case seen[i]:
			r.add(s.finding(diag.Warning, "X3", lc).Say(diag.T("the row %q appears twice; only the first is read", strings.TrimSpace(lc.value)),
				diag.T("delete or rename one of them")), "")
			continue
		}
		seen[i] = true
		// The value is in the first cell right of the label's merged range.
		vcol := col + 1
		for ; vcol < maxCol; vcol++ {
			if c := s.at(row, vcol); c.row != lc.row || c.col != lc.col {
				break
			}
		}
		vc := s.at(row, vcol)
		r.unitCells[unitRows[i].key] = [2]int{vc.row, vc.col}
		r.unitValue(s, unitRows[i], vc)
	}
}

// unitValue reads the value of one row of 单位信息.
func (r *reader) unitValue(s *sheet, c column, vc cell) {
	pos := s.pos(vc)
	switch c.kind {
	case whole:
		v := s.text(vc, reference, c.key)
		if v == "" {
			return
		}
		r.f.Positions[c.key] = pos
		if n, err := strconv.Atoi(v); err == nil {
			r.f.Year = n
			return
		}
		r.add(s.finding(diag.Error, "S3", vc).Say(diag.T("the year must be a whole number such as 2024, not %q", v),
			diag.T("write the budget year in digits")), c.key)
		return
	case isoDate:
		r.f.Positions[c.key] = pos
		r.f.Date = r.date(s, vc)
		return
	}
	r.f.Positions[c.key] = pos
	v := s.text(vc, c.kind, c.key)
	d := &r.f.Department
	switch c.key {
	case "template":
		r.f.Template = v
	case "department.code":
		d.Code = v
	case "department.name":
		d.Name = v
	case "department.short_name":
		d.ShortName = v
	case "department.money_unit":
		d.MoneyUnit = budget.MoneyUnit(v)
	case "department.supervisor":
		d.Supervisor = v
	case "department.supervisor_code":
		d.SupervisorCode = v
	case "department.filler":
		d.Filler = v
	}
}

// date reads the report date: a date cell (a day number) as YYYY-MM-DD,
// text as written.
func (r *reader) date(s *sheet, c cell) string {
	if !s.usable(c, "date", false) {
		return ""
	}
	if c.number() {
		if f, err := strconv.ParseFloat(c.value, 64); err == nil && f >= 1 && f < 2958466 {
			if t, err := excelize.ExcelDateToTime(math.Floor(f), r.date1904); err == nil {
				return t.Format(time.DateOnly)
			}
		}
	}
	if c.typ == "d" {
		if t, err := time.Parse("2006-01-02", c.value[:min(len(c.value), 10)]); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return s.text(c, oneLine, "date")
}

// table finds the header row of a table sheet among its first rows (the
// row with the most known labels, so a title row above it or a two-row
// header is fine) and returns it with the sheet column of each of cols
// (0 if absent). Headers it does not know get a warning, except those
// extra reports as its own (the spending plan's checkpoints).
func (r *reader) table(s *sheet, cols []column, extra func(label string) bool) (header int, at []int, extras []int) {
	known := labels(cols)
	best := 0
	for row := 1; row <= min(len(s.rows), 10); row++ {
		n := 0
		for col := 1; col <= len(s.rows[row-1]); col++ {
			if _, ok := known[normLabel(s.at(row, col).label())]; ok {
				n++
			}
		}
		if n > best {
			header, best = row, n
		}
	}
	at = make([]int, len(cols))
	if header == 0 {
		if s.hasValues() {
			r.add(diag.Diagnostic{Pos: diag.Pos{File: r.file, Sheet: s.name}, Severity: diag.Error, Code: "X3"}.Say(
				diag.T("the sheet %q has no header row naming its columns", s.name),
				diag.T("put the column names of the workbook jixiao new --format xlsx writes in the first row")), "")
		}
		return 0, at, nil
	}
	for col := 1; col <= len(s.rows[header-1]); col++ {
		c := s.at(header, col)
		raw := c.label()
		label := normLabel(raw)
		i, ok := known[label]
		switch {
		case label == "":
		case ok && at[i] == 0:
			at[i] = col
		case !ok && extra != nil && extra(raw):
			extras = append(extras, col)
		case ok:
			r.add(s.finding(diag.Warning, "X3", c).Say(diag.T("the column %q appears twice; only the first is read", raw),
				diag.T("delete or rename one of them")), "")
		case c.col == col: // not a cell a merge fills from the left
			r.add(s.finding(diag.Warning, "X3", c).Say(diag.T("the column %q is not read", raw),
				diag.T("the sheet %s reads the columns it was written with; check the header, or ignore this warning", s.name)), "")
		}
	}
	r.unnamed(s, header)
	return header, at, extras
}

// unnamed warns of each column below the header that holds values but has
// no header, once: its values are not read.
func (r *reader) unnamed(s *sheet, header int) {
	warned := map[int]bool{}
	for row := header + 1; row <= len(s.rows); row++ {
		for col, v := range s.rows[row-1] {
			col++
			if v == "" || warned[col] || s.at(header, col).label() != "" {
				continue
			}
			warned[col] = true
			c := s.at(row, col)
			r.add(s.finding(diag.Warning, "X3", c).Say(diag.T("the column %s has values but no header; they are not read", colName(col)),
				diag.T("give the column the name of the field it holds, or move the values")), "")
		}
	}
}

// planHeader matches the header of a spending-plan column: a checkpoint
// such as 3月底 or 第一季度, a numbered 进度1, or any header marked (%).
var planHeader = regexp.MustCompile(`^(\d{1,2}月(底|末)|第[一二三四1-4]季度(末)?|[上下]半年(末)?|年[底末]|进度\d+)$`)

func isPlanHeader(raw string) bool {
	n := normLabel(raw)
	if planHeader.MatchString(n) {
		return true
	}
	w := strings.TrimFunc(raw, unicode.IsSpace)
	return strings.HasSuffix(w, "（%）") || strings.HasSuffix(w, "(%)") || strings.HasSuffix(w, "%")
}

// rowEmpty reports whether row holds nothing in the columns at.
func (s *sheet) rowEmpty(row int, at []int) bool {
	for _, col := range at {
		if col == 0 {
			continue
		}
		if c := s.at(row, col); c.value != "" || c.hasF {
			return false
		}
	}
	return true
}

// overall reads 部门整体目标, one section per row.
func (r *reader) overall(s *sheet) {
	header, at, _ := r.table(s, overallColumns, nil)
	if header == 0 {
		return
	}
	r.tables[sheetOverall] = tableLayout{header: header, at: at}
	r.f.Positions["overall"] = diag.Pos{Sheet: s.name, Line: header + 1, Col: 1}
	for row := header + 1; row <= len(s.rows); row++ {
		if s.rowEmpty(row, at) {
			continue
		}
		n := len(r.f.Overall) + 1
		path := "overall[" + strconv.Itoa(n) + "]"
		r.f.Positions[path] = diag.Pos{Sheet: s.name, Line: row, Col: max(at[0], 1)}
		var sec budget.Section
		for i, col := range at {
			if col == 0 {
				continue
			}
			c := overallColumns[i]
			key := path + "." + strings.TrimPrefix(c.key, "overall.")
			cl := s.at(row, col)
			r.f.Positions[key] = s.pos(cl)
			v := s.text(cl, c.kind, key)
			switch c.key {
			case "overall.title":
				sec.Title = v
			case "overall.subtitle":
				sec.Subtitle = v
			case "overall.text":
				sec.Text = v
			}
		}
		r.f.Overall = append(r.f.Overall, sec)
	}
}

// projects reads 项目, one project per row.
func (r *reader) projects(s *sheet) {
	header, at, plan := r.table(s, projectColumns, isPlanHeader)
	if header == 0 {
		return
	}
	r.tables[sheetProjects] = tableLayout{header: header, at: at, extras: plan}
	r.f.Positions["projects"] = diag.Pos{Sheet: s.name, Line: header + 1, Col: 1}
	for i, col := range at {
		if col > 0 && projectColumns[i].kind == money {
			r.headerUnit(s, s.at(header, col))
		}
	}
	for row := header + 1; row <= len(s.rows); row++ {
		if s.rowEmpty(row, at) && s.rowEmpty(row, plan) {
			continue
		}
		n := len(r.f.Projects) + 1
		path := "projects[" + strconv.Itoa(n) + "]"
		anchor := at[1] // the name, else the first column
		if anchor == 0 {
			anchor = 1
		}
		r.f.Positions[path] = diag.Pos{Sheet: s.name, Line: row, Col: anchor}
		var p budget.Project
		for i, col := range at {
			if col == 0 {
				continue
			}
			c := projectColumns[i]
			key := path + "." + strings.TrimPrefix(c.key, "projects.")
			cl := s.at(row, col)
			r.f.Positions[key] = s.pos(cl)
			switch c.kind {
			case money:
				*projectMoney(&p, c.key) = s.decimal(cl, false, key)
				continue
			case goalLines:
				p.Goals = goals(s.text(cl, multiLine, key))
				for j := range p.Goals {
					r.f.Positions[key+"["+strconv.Itoa(j+1)+"]"] = s.pos(cl)
				}
				continue
			}
			if field := projectField(&p, c.key); field != nil {
				*field = s.text(cl, c.kind, key)
			}
		}
		p.SpendingPlan = r.plan(s, row, plan, path+".spending_plan")
		r.f.Projects = append(r.f.Projects, p)
	}
}

// headerUnit reports an amount column whose header names a money unit
// (预算数（万元）, as a budget system's export may have it) other than the
// workbook's 金额单位: every amount of the column would be read in the
// wrong unit.
func (r *reader) headerUnit(s *sheet, c cell) {
	h := width.Narrow.String(strings.TrimFunc(c.value, unicode.IsSpace))
	open := strings.LastIndex(h, "(")
	if open < 0 || !strings.HasSuffix(h, ")") {
		return
	}
	unit := strings.TrimFunc(h[open+1:len(h)-1], unicode.IsSpace)
	unit = strings.TrimPrefix(strings.TrimPrefix(unit, "单位:"), "单位")
	given := string(r.f.Department.MoneyUnit)
	if !slices.Contains([]string{"元", "万元", "千元", "亿元"}, unit) || given == "" || unit == given {
		return
	}
	r.add(s.finding(diag.Error, "X8", c).Say(
		diag.T("the header says the amounts are in %s, but the 金额单位 on the sheet 单位信息 is %s", unit, given),
		diag.T("make the 金额单位 the unit the amounts are written in, or convert the amounts")), "department.money_unit")
}

// plan reads a project's spending plan from the checkpoint columns: up to
// the last one filled in, an empty one before it read as an empty text.
func (r *reader) plan(s *sheet, row int, cols []int, path string) []budget.Decimal {
	var plan []budget.Decimal
	last := -1
	for j, col := range cols {
		key := path + "[" + strconv.Itoa(j+1) + "]"
		c := s.at(row, col)
		if j == 0 {
			r.f.Positions[path] = s.pos(c)
		}
		r.f.Positions[key] = s.pos(c)
		d := s.decimal(c, true, key)
		if d.Set {
			last = j
		} else {
			d = budget.Decimal{Set: true, Err: budget.ErrDecimalSyntax}
		}
		plan = append(plan, d)
	}
	if last < 0 {
		return nil
	}
	return plan[:last+1]
}

// project picks an indicator's project: the one with its code (and, when
// two projects share the code, its name), else, without a code, the one
// project with its name.
func project(withCode, withName []int, hasCode, hasName bool) (int, bool) {
	if !hasCode {
		return firstOf(withName, hasName && len(withName) == 1)
	}
	if len(withCode) > 1 && hasName {
		for _, i := range withCode {
			if slices.Contains(withName, i) {
				return i, true
			}
		}
	}
	return firstOf(withCode, len(withCode) > 0)
}

func firstOf(list []int, ok bool) (int, bool) {
	if !ok {
		return 0, false
	}
	return list[0], true
}

// goals splits the goals cell into one goal per line, leaving out empty
// lines.
func goals(v string) []string {
	var out []string
	for _, g := range strings.Split(v, "\n") {
		if g = strings.TrimFunc(g, unicode.IsSpace); g != "" {
			out = append(out, g)
		}
	}
	return out
}

// indicators reads 绩效指标, one indicator per row, each given to the
// project with its code (or, when the code is empty, its name).
func (r *reader) indicators(s *sheet) {
	header, at, _ := r.table(s, indicatorColumns, nil)
	if header == 0 {
		return
	}
	r.tables[sheetIndic] = tableLayout{header: header, at: at}
	byCode, byName := map[string][]int{}, map[string][]int{}
	for i, p := range r.f.Projects {
		byCode[p.Code] = append(byCode[p.Code], i)
		byName[p.Name] = append(byName[p.Name], i)
	}
	fields := at[2:] // the indicator's own columns, after code and name
	for row := header + 1; row <= len(s.rows); row++ {
		if s.rowEmpty(row, fields) {
			continue
		}
		codeCell, nameCell := s.at(row, max(at[0], 1)), s.at(row, max(at[1], 1))
		code, name := "", ""
		if at[0] > 0 {
			code = s.text(codeCell, reference, "")
		}
		if at[1] > 0 {
			name = s.text(nameCell, reference, "")
		}
		pi, ok := project(byCode[code], byName[name], code != "", name != "")
		if !ok {
			msg := diag.T("no project on the sheet 项目 has the code %q", code)
			if code == "" {
				msg = diag.T("the indicator has no project code")
			}
			r.add(s.finding(diag.Error, "X6", codeCell).Say(msg,
				diag.T("write the code of the indicator's project, as on the sheet 项目")), "")
			continue
		}
		p := &r.f.Projects[pi]
		path := "projects[" + strconv.Itoa(pi+1) + "].indicators[" + strconv.Itoa(len(p.Indicators)+1) + "]"
		var in budget.Indicator
		r.f.Positions[path] = diag.Pos{Sheet: s.name, Line: row, Col: max(at[4], 1)}
		for i, col := range at {
			c := indicatorColumns[i]
			if col == 0 || c.kind == reference || c.key == "code" {
				continue
			}
			key := path + "." + strings.TrimPrefix(c.key, "projects.indicators.")
			cl := s.at(row, col)
			r.f.Positions[key] = s.pos(cl)
			if field := indicatorField(&in, c.key); field != nil {
				*field = s.text(cl, c.kind, key)
			}
		}
		p.Indicators = append(p.Indicators, in)
	}
}
