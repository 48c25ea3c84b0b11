package workbook

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// updater writes one update of a workbook (Book.Update).
type updater struct {
	b        *Book
	r        *reader // the workbook as it was read, with x open on it
	x        *excelize.File
	to       *budget.Filing     // the form's values
	origins  *budget.Table      // the form's values as sent: each element's origin
	notes    diag.List          // refusals
	changed  bool               // a cell was written
	rows     map[string]*rowMap // where the rows of each table sheet went
	unshared []formulaCell      // formula cells written anew, at their rows as read
}

// formulaCell is a cell whose formula is recalculated after an update.
type formulaCell struct {
	sheet, ref string
	was        string // its stored value
	text       bool   // its value is a text (t="str")
	rewritten  bool   // its formula was written anew (unshare): its value is stored even if unchanged
	field      bool   // it holds a field of the filing
}

// refuse records a refusal about the cell at row, col of s.
func (u *updater) refuse(s *sheet, row, col int, path string, msg, hint diag.Text) {
	pos := diag.Pos{}
	if s != nil {
		pos = diag.Pos{Sheet: s.name, Line: row, Col: col}
	}
	u.notes = append(u.notes, u.b.refusal(pos, path, msg, hint))
}

// value is what a field's cell is to hold: a text, an amount (a
// budget.Decimal), a whole number or a date (time.Time); key compares
// two values.
type value struct {
	col  int // the sheet column, 0 when the sheet has none
	kind kind
	v    any
}

func (v value) key() string {
	switch x := v.v.(type) {
	case budget.Decimal:
		return decimalText(x)
	case string:
		return x
	}
	return fmt.Sprint(v.v)
}

// unit writes the changed values of 单位信息, adding a row for a value
// whose row the sheet lacks.
func (u *updater) unit() {
	was, now := flat(u.r.f), flat(u.to)
	s := u.r.sheets[sheetUnit]
	next := 0
	for _, c := range unitRows {
		if was[c.key] == now[c.key] {
			continue
		}
		if s == nil {
			u.refuse(nil, 0, 0, c.key, diag.T("the workbook has no sheet %s to hold this value", sheetUnit),
				diag.T("make this change in Excel or WPS, or start from the workbook jixiao new --format xlsx writes"))
			continue
		}
		at, ok := u.r.unitCells[c.key]
		if !ok {
			if next == 0 {
				next = len(s.rows) + 1
			}
			at = [2]int{next, 2}
			u.copyStyle(s.name, next-1, next, 3)
			u.check(u.x.SetCellStr(s.name, ref(1, next), c.label))
			next++
		} else if cl := s.at(at[0], at[1]); cl.hasF {
			u.refuseFormula(s, cl, c.key)
			continue
		}
		var v any = now[c.key]
		switch c.kind {
		case whole:
			if n, err := strconv.Atoi(now[c.key]); err == nil {
				v = n
			}
		case isoDate: // a date cell stays one
			if d, err := time.Parse(time.DateOnly, now[c.key]); err == nil && ok && s.at(at[0], at[1]).number() && s.at(at[0], at[1]).value != "" {
				v = d
			}
		}
		u.put(s.name, at[0], at[1], value{col: at[1], kind: c.kind, v: v})
	}
}

// refuseFormula refuses a change of the formula cell c.
func (u *updater) refuseFormula(s *sheet, c cell, path string) {
	u.notes = append(u.notes, diag.Diagnostic{Pos: diag.Pos{File: u.b.file, Sheet: s.name, Line: c.row, Col: c.col},
		Severity: diag.Error, Code: "X9", Path: path}.Say(
		diag.T("the cell holds the formula =%s, which the editor does not change", c.formula),
		diag.T("change the cells the formula uses, or the formula itself in Excel or WPS")))
}

// check keeps the first error of the spreadsheet library as a refusal.
func (u *updater) check(err error) {
	if err != nil {
		u.refuse(nil, 0, 0, "", diag.T("the workbook cannot be written: %v", err), diag.T("edit the workbook in Excel or WPS"))
	}
}

// put writes v into the cell at row, col of the sheet.
func (u *updater) put(sheet string, row, col int, v value) {
	u.changed = true
	cell := ref(col, row)
	switch x := v.v.(type) {
	case time.Time:
		u.check(u.x.SetCellValue(sheet, cell, x))
	case int:
		u.check(u.x.SetCellInt(sheet, cell, int64(x)))
	case string:
		if x == "" {
			u.check(u.x.SetCellValue(sheet, cell, nil))
		} else {
			u.check(u.x.SetCellStr(sheet, cell, x))
		}
	case budget.Decimal:
		switch {
		case !x.Set:
			u.check(u.x.SetCellValue(sheet, cell, nil))
		case x.Err != nil && x.Err != budget.ErrDecimalNegative:
			u.check(u.x.SetCellStr(sheet, cell, x.Raw)) // read back as the same wrong text
		default:
			digits := budget.FormatFixed(x.Hundredths, 2)
			if style, err := u.x.GetCellStyle(sheet, cell); err == nil && v.kind == percent && u.r.isPercent(style) {
				digits = budget.FormatFixed(x.Hundredths, 4) // 25.5 % is 0.255
			}
			f, _ := strconv.ParseFloat(digits, 64) // at most 14 significant digits: exact as Excel's 15
			u.check(u.x.SetCellFloat(sheet, cell, f, -1, 64))
		}
	}
}

// copyStyle gives the first cols cells of row the styles of those of
// template (nothing when template is not a row).
func (u *updater) copyStyle(sheet string, template, row, cols int) {
	if template < 1 {
		return
	}
	for col := 1; col <= cols; col++ {
		if st, err := u.x.GetCellStyle(sheet, ref(col, template)); err == nil && st != 0 {
			u.check(u.x.SetCellStyle(sheet, ref(col, row), ref(col, row), st))
		}
	}
}

// item is one row of a table sheet as the update writes it: the row it
// was read from (0 for a new one), its values as they were and as they
// are to be, by field, and its path in the form.
type item struct {
	from     int
	path     string
	was, now map[string]value
}

// origin is the position an element of the form's values was read from
// (0 for a new one).
func origin(list []*budget.Table, i int) int {
	if i < len(list) && list[i] != nil {
		return list[i].Origin
	}
	return 0
}

// rowOf is the row an element was read from.
func (u *updater) rowOf(path string) int { return u.r.f.Positions.Of(path).Line }

// tables writes 部门整体目标, 项目 and 绩效指标.
func (u *updater) tables() {
	l := u.r.tables
	var sections []item
	for i, sec := range u.to.Overall {
		it := item{path: fmt.Sprintf("overall[%d]", i+1), now: overallValues(l[sheetOverall], sec)}
		if o := origin(u.origins.Arrays["overall"], i); o > 0 {
			it.from, it.was = u.rowOf(fmt.Sprintf("overall[%d]", o)), overallValues(l[sheetOverall], u.r.f.Overall[o-1])
		}
		sections = append(sections, it)
	}
	u.table(sheetOverall, sections, len(u.r.f.Overall), "overall[%d]")
	var projects, indicators []item
	pt := u.origins.Arrays["projects"]
	for i := range u.to.Projects {
		p := &u.to.Projects[i]
		it := item{path: fmt.Sprintf("projects[%d]", i+1), now: projectValues(l[sheetProjects], p)}
		o := origin(pt, i)
		if o > 0 {
			it.from, it.was = u.rowOf(fmt.Sprintf("projects[%d]", o)), projectValues(l[sheetProjects], &u.r.f.Projects[o-1])
		}
		projects = append(projects, it)
		var it2 []*budget.Table
		if i < len(pt) && pt[i] != nil {
			it2 = pt[i].Arrays["indicators"]
		}
		for j := range p.Indicators {
			in := item{path: fmt.Sprintf("projects[%d].indicators[%d]", i+1, j+1), now: indicatorValues(l[sheetIndic], p, j)}
			if oi := origin(it2, j); o > 0 && oi > 0 {
				in.from = u.rowOf(fmt.Sprintf("projects[%d].indicators[%d]", o, oi))
				in.was = indicatorValues(l[sheetIndic], &u.r.f.Projects[o-1], oi-1)
			}
			indicators = append(indicators, in)
		}
	}
	u.table(sheetProjects, projects, len(u.r.f.Projects), "projects[%d]")
	var all []string
	for i, p := range u.r.f.Projects {
		for j := range p.Indicators {
			all = append(all, fmt.Sprintf("projects[%d].indicators[%d]", i+1, j+1))
		}
	}
	u.tableRows(sheetIndic, indicators, all)
}

// table writes the table sheet name's rows, the n elements read from it
// having paths of the form format.
func (u *updater) table(name string, items []item, n int, format string) {
	all := make([]string, n)
	for i := range all {
		all[i] = fmt.Sprintf(format, i+1)
	}
	u.tableRows(name, items, all)
}

// overallValues are the values of a section's row.
func overallValues(l tableLayout, s budget.Section) map[string]value {
	m := map[string]value{}
	for i, c := range overallColumns {
		v := map[string]string{"overall.title": s.Title, "overall.subtitle": s.Subtitle, "overall.text": s.Text}[c.key]
		m[strings.TrimPrefix(c.key, "overall.")] = value{col: colAt(l, i), kind: c.kind, v: v}
	}
	return m
}

// colAt is the sheet column of the layout's column i, 0 when absent.
func colAt(l tableLayout, i int) int {
	if i < len(l.at) {
		return l.at[i]
	}
	return 0
}

// projectValues are the values of a project's row.
func projectValues(l tableLayout, p *budget.Project) map[string]value {
	m := map[string]value{}
	for i, c := range projectColumns {
		key := strings.TrimPrefix(c.key, "projects.")
		var v any
		switch {
		case c.kind == money:
			v = *projectMoney(p, c.key)
		case c.kind == goalLines:
			v = strings.Join(p.Goals, "\n")
		default:
			v = *projectField(p, c.key)
		}
		m[key] = value{col: colAt(l, i), kind: c.kind, v: v}
	}
	for j := range max(len(l.extras), len(p.SpendingPlan)) {
		v := value{kind: percent, v: budget.Decimal{}}
		if j < len(l.extras) {
			v.col = l.extras[j]
		}
		if j < len(p.SpendingPlan) && !(p.SpendingPlan[j].Raw == "" && p.SpendingPlan[j].Err != nil) {
			v.v = p.SpendingPlan[j]
		}
		m[fmt.Sprintf("spending_plan[%d]", j+1)] = v
	}
	return m
}

// indicatorValues are the values of the row of p's indicator j: its own
// and its project's code and name.
func indicatorValues(l tableLayout, p *budget.Project, j int) map[string]value {
	m := map[string]value{"@code": {col: colAt(l, 0), kind: oneLine, v: p.Code}, "@name": {col: colAt(l, 1), kind: oneLine, v: p.Name}}
	for i, c := range indicatorColumns {
		if f := indicatorField(&p.Indicators[j], c.key); f != nil {
			m[strings.TrimPrefix(c.key, "projects.indicators.")] = value{col: colAt(l, i), kind: c.kind, v: *f}
		}
	}
	return m
}

// tableRows arranges the rows of the table sheet name as items says and
// writes the values that changed. all are the paths of the elements read
// from it, whose rows are deleted unless an item comes from them.
func (u *updater) tableRows(name string, items []item, all []string) {
	s, l := u.r.sheets[name], u.r.tables[name]
	if s == nil || l.header == 0 {
		if len(items) > 0 {
			u.refuse(nil, 0, 0, items[0].path, diag.T("the workbook has no sheet %s to hold this value", name),
				diag.T("make this change in Excel or WPS, or start from the workbook jixiao new --format xlsx writes"))
		}
		return
	}
	comments, err := u.x.GetComments(s.name)
	u.check(err)
	rows := len(s.rows)
	for _, c := range comments {
		if _, r, err := excelize.CellNameToCoordinates(c.Cell); err == nil {
			rows = max(rows, r)
		}
	}
	m := newRowMap(rows)
	kept := map[int]bool{}
	for _, it := range items {
		if it.from > 0 {
			kept[it.from] = true
		}
	}
	u.unshare(s)
	// Delete the rows of the elements removed, from the bottom up.
	var gone []int
	for _, p := range all {
		if r := u.rowOf(p); r > 0 && !kept[r] {
			gone = append(gone, r)
		}
	}
	slices.Sort(gone)
	for _, r := range slices.Backward(gone) {
		u.check(u.x.RemoveRow(s.name, m.at(r)))
		m.remove(m.at(r))
	}
	// Move the rows kept into the form's order: each in turn before the
	// first row kept that is not yet in its place.
	var order []int // the original rows of the kept items, in the form's order
	for _, it := range items {
		if it.from > 0 {
			order = append(order, it.from)
		}
	}
	for i, r := range order {
		now := slices.Clone(order[i:])
		slices.SortFunc(now, func(a, b int) int { return m.at(a) - m.at(b) })
		if now[0] == r {
			continue
		}
		src, dst := m.at(r), m.at(now[0])
		u.check(u.x.DuplicateRowTo(s.name, src, dst))
		u.check(u.x.RemoveRow(s.name, src+1))
		m.move(src, dst)
	}
	// Insert the new rows, each after the row before it, styled as that
	// row.
	width := len(s.rows[l.header-1])
	placed := make([]int, len(items)) // each item's row now
	for i, it := range items {
		if it.from > 0 {
			placed[i] = m.at(it.from)
			continue
		}
		at, template := l.header+1, 0
		if i > 0 {
			at, template = placed[i-1]+1, placed[i-1]
		} else if j := slices.IndexFunc(items, func(it item) bool { return it.from > 0 }); j >= 0 {
			at, template = m.at(items[j].from), m.at(items[j].from)+1
		}
		u.check(u.x.InsertRows(s.name, at, 1))
		m.insert(at)
		for k := range placed[:i] {
			if placed[k] >= at {
				placed[k]++
			}
		}
		u.copyStyle(s.name, template, at, width)
		placed[i] = at
	}
	// Write the values that changed (all of a new row's), and make the
	// rows written tall enough for their texts.
	for i, it := range items {
		if u.writeRow(s, l, it, placed[i]) {
			u.fitRow(s.name, placed[i], width)
		}
	}
	u.moveComments(s.name, comments, m)
	u.rows[s.name] = m
}

// writeRow writes the values of it that changed into row, and reports
// whether it wrote any.
func (u *updater) writeRow(s *sheet, l tableLayout, it item, row int) bool {
	wrote := false
	for _, key := range slices.Sorted(maps.Keys(it.now)) {
		v := it.now[key]
		was, had := it.was[key]
		if had && was.key() == v.key() || !had && v.key() == "" {
			continue
		}
		path := it.path + "." + key
		if v.col == 0 {
			if !strings.HasPrefix(key, "@") {
				u.refuse(s, l.header, 1, path, diag.T("the sheet %s has no column %s to hold this value", s.name, columnLabel(key)),
					diag.T("add the column in Excel or WPS, with the header of the workbook jixiao new --format xlsx writes, and edit again"))
			}
			continue
		}
		if had {
			if c := s.at(it.from, v.col); c.hasF {
				u.refuseFormula(s, c, path)
				continue
			}
		}
		u.put(s.name, row, v.col, v)
		wrote = true
	}
	return wrote
}

// fitRow makes a row tall enough to show its texts' lines whole (as the
// writer does: spreadsheets do not grow a row for text another program
// wrote), never lower than it is.
func (u *updater) fitRow(sheet string, row, cols int) {
	widths, values := make([]float64, cols), make([]any, cols)
	for col := 1; col <= cols; col++ {
		widths[col-1], _ = u.x.GetColWidth(sheet, colName(col))
		if typ, _ := u.x.GetCellType(sheet, ref(col, row)); typ != excelize.CellTypeNumber {
			values[col-1], _ = u.x.GetCellValue(sheet, ref(col, row), excelize.Options{RawCellValue: true})
		}
	}
	if h := rowHeight(widths, values); h > 0 {
		if now, err := u.x.GetRowHeight(sheet, row); err == nil && h > now {
			u.check(u.x.SetRowHeight(sheet, row, h))
		}
	}
}

// columnLabel is the header of the column of a table's field key
// (implementer, spending_plan[5]).
func columnLabel(key string) string {
	if j, ok := strings.CutPrefix(key, "spending_plan["); ok {
		return "资金支出计划第" + strings.TrimSuffix(j, "]") + "项（%）"
	}
	for _, cols := range [][]column{projectColumns, indicatorColumns, overallColumns} {
		for _, c := range cols {
			if strings.HasSuffix(c.key, "."+key) {
				return c.label
			}
		}
	}
	return key
}

// unshare writes the shared formulas of s (Excel stores a formula filled
// down as one formula the cells below share) as a formula of each cell:
// the spreadsheet library drops every cell's share of a formula when the
// row holding it is deleted, which would leave values where formulas
// were. The cells' stored values are kept (write).
func (u *updater) unshare(s *sheet) {
	var cells []formulaCell
	var texts []string
	shared := false
	for i, row := range s.cells {
		for j, c := range row {
			if !c.hasF {
				continue
			}
			shared = shared || c.formula == ""
			f, err := u.x.GetCellFormula(s.name, ref(j+1, i+1))
			u.check(err)
			cells = append(cells, formulaCell{sheet: s.name, ref: ref(j+1, i+1), was: c.value, text: c.typ == "str", rewritten: true})
			texts = append(texts, f)
		}
	}
	if !shared {
		return
	}
	for i, c := range cells {
		u.check(u.x.SetCellFormula(s.name, c.ref, texts[i]))
	}
	u.unshared = append(u.unshared, cells...)
}

// moveComments puts the comments of rows that moved where their rows are
// now (the spreadsheet library moves cells, not comments), and drops
// those of deleted rows.
func (u *updater) moveComments(sheet string, comments []excelize.Comment, m *rowMap) {
	var moved []excelize.Comment
	for _, c := range comments {
		col, row, err := excelize.CellNameToCoordinates(c.Cell)
		if err != nil || m.at(row) == row {
			continue
		}
		u.check(u.x.DeleteComment(sheet, c.Cell))
		if m.at(row) > 0 {
			c.Cell = ref(col, m.at(row))
			moved = append(moved, c)
		}
	}
	for _, c := range moved {
		u.check(u.x.AddComment(sheet, c))
	}
}

// rowMap follows where the rows of a sheet go as rows are deleted,
// inserted and moved: at(r) is where the row read as r is now, 0 when it
// was deleted.
type rowMap struct{ now []int }

func newRowMap(rows int) *rowMap {
	m := &rowMap{now: make([]int, rows+1)}
	for r := range m.now {
		m.now[r] = r
	}
	return m
}

func (m *rowMap) at(r int) int {
	if r < len(m.now) {
		return m.now[r]
	}
	return r // a row past those read moves as the rows above it do not track
}

func (m *rowMap) remove(r int) {
	for i, v := range m.now {
		switch {
		case v == r:
			m.now[i] = 0
		case v > r:
			m.now[i]--
		}
	}
}

func (m *rowMap) insert(r int) {
	for i, v := range m.now {
		if v >= r {
			m.now[i]++
		}
	}
}

// move moves row src to dst (dst < src), the rows between one down.
func (m *rowMap) move(src, dst int) {
	for i, v := range m.now {
		switch {
		case v == src:
			m.now[i] = dst
		case v >= dst && v < src:
			m.now[i]++
		}
	}
}

// write recalculates the formula fields, has Excel and WPS recalculate
// every formula on opening, and writes the workbook with the formulas'
// new values stored.
func (u *updater) write() ([]byte, error) {
	values := map[string]map[string]formulaCell{} // sheet part → cell → new value
	if u.changed {
		parts, _, err := packageParts(u.x)
		if err != nil {
			return nil, err
		}
		for _, f := range u.formulas() {
			v, err := u.x.CalcCellValue(f.sheet, f.ref, excelize.Options{RawCellValue: true})
			switch {
			case err != nil && f.field:
				return nil, fmt.Errorf("%s!%s: %v", f.sheet, f.ref, err)
			case err != nil:
				v = f.was // Excel and WPS recalculate it on opening
			}
			if n, err := strconv.ParseFloat(v, 64); err == nil && !f.text {
				v = excelDigits(n)
			}
			if n, err := strconv.ParseFloat(f.was, 64); !f.rewritten && (err == nil && !f.text && excelDigits(n) == v || v == f.was) {
				continue
			}
			if values[parts[f.sheet]] == nil {
				values[parts[f.sheet]] = map[string]formulaCell{}
			}
			values[parts[f.sheet]][f.ref] = formulaCell{was: v, text: f.text}
		}
		full := true
		if err := u.x.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
			return nil, err
		}
	}
	u.x.ZipWriter = func(w io.Writer) excelize.ZipWriter {
		z := newSortedZip(w).(*sortedZip)
		z.edit = func(name string, data []byte) []byte {
			for cell, v := range values[name] {
				data = storeValue(data, cell, v.was, v.text)
			}
			return data
		}
		return z
	}
	var b bytes.Buffer
	err := u.x.Write(&b)
	return b.Bytes(), err
}

// formulas are the cells whose stored values write recalculates: the
// formula fields' and those unshare wrote anew, where they are now.
func (u *updater) formulas() []formulaCell {
	byName := map[string]*sheet{}
	for _, s := range u.r.sheets {
		byName[s.name] = s
	}
	// now moves a cell as read to where it is.
	now := func(c formulaCell) (formulaCell, bool) {
		col, row, _ := excelize.CellNameToCoordinates(c.ref)
		if m := u.rows[c.sheet]; m != nil {
			row = m.at(row)
		}
		c.ref = ref(col, row)
		return c, row > 0
	}
	rewritten := map[string]formulaCell{}
	for _, c := range u.unshared {
		if f, ok := now(c); ok {
			rewritten[f.sheet+"!"+f.ref] = f
		}
	}
	var out []formulaCell
	for _, path := range slices.Sorted(maps.Keys(u.r.formulaFields())) {
		pos := u.r.f.Positions.Of(path)
		if s := byName[pos.Sheet]; s != nil {
			c := s.at(pos.Line, pos.Col)
			f, ok := now(formulaCell{sheet: s.name, ref: ref(pos.Col, pos.Line), was: c.value, text: c.typ == "str", field: true})
			if ok {
				_, f.rewritten = rewritten[f.sheet+"!"+f.ref]
				delete(rewritten, f.sheet+"!"+f.ref)
				out = append(out, f)
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(rewritten)) {
		out = append(out, rewritten[key])
	}
	return out
}

// storeValue sets the stored value of the formula cell named cell in a
// sheet's XML as the spreadsheet library writes it (<c r="E5" …><f>…</f>
// <v>…</v></c>).
func storeValue(data []byte, cell, v string, text bool) []byte {
	start := bytes.Index(data, []byte(`<c r="`+cell+`"`))
	if start < 0 {
		return data
	}
	open := bytes.IndexByte(data[start:], '>')
	end := bytes.Index(data[start:], []byte("</c>"))
	if open < 0 || end < 0 || data[start+open-1] == '/' {
		return data
	}
	head := string(data[start : start+open])
	if i := strings.Index(head, ` t="`); i >= 0 {
		j := strings.IndexByte(head[i+4:], '"')
		head = head[:i] + head[i+5+j:]
	}
	if text {
		head += ` t="str"`
	}
	body := string(data[start+open+1 : start+end])
	if i := strings.Index(body, "<v>"); i >= 0 {
		body = body[:i]
	} else if i := strings.Index(body, "<v/>"); i >= 0 {
		body = body[:i]
	}
	elem := head + ">" + body + "<v>" + html.EscapeString(v) + "</v></c>"
	return slices.Concat(data[:start], []byte(elem), data[start+end+len("</c>"):])
}
