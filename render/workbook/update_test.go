package workbook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// sampleBook is the first sample's data workbook with what an officer's
// workbook may have besides the data: another sheet with a merged range,
// a filled and bold cell, a comment on the second project's name, a
// column width, and the budget column of 项目 as formulas (=F+G, with
// the values Excel stores).
func sampleBook(t *testing.T) []byte {
	t.Helper()
	f, p := load(t, samples[0])
	x, err := excelize.OpenReader(bytes.NewReader(write(t, f, p)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = x.NewSheet("备注")
	must(err)
	must(x.SetCellStr("备注", "A1", "本表由单位自用，不读入"))
	must(x.MergeCell("备注", "A1", "C1"))
	must(x.SetColWidth("备注", "A", "A", 33))
	st, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
	must(err)
	must(x.SetCellStyle(sheetProjects, "B3", "B3", st))
	must(x.AddComment(sheetProjects, excelize.Comment{Cell: "B3", Author: "张三", Text: "名称待主管部门确认"}))
	for row := 2; row <= 3; row++ {
		must(x.SetCellFormula(sheetProjects, fmt.Sprintf("C%d", row), fmt.Sprintf("D%d+E%d", row, row)))
	}
	// Store the formulas' values, as Excel does when it saves.
	parts, _, err := packageParts(x)
	must(err)
	x.ZipWriter = func(w io.Writer) excelize.ZipWriter {
		z := newSortedZip(w).(*sortedZip)
		z.edit = func(name string, data []byte) []byte {
			if name == parts[sheetProjects] {
				data = storeValue(storeValue(data, "C2", "100000", false), "C3", "50000", false)
			}
			return data
		}
		return z
	}
	var buf bytes.Buffer
	must(x.Write(&buf))
	return buf.Bytes()
}

// update opens data, lets edit change the form's values and updates the
// workbook, failing on a refusal.
func update(t *testing.T, data []byte, edit func(v *budget.Table)) ([]byte, *budget.Table) {
	t.Helper()
	out, v, notes := tryUpdate(t, data, edit)
	if out == nil {
		t.Fatalf("refused: %s", notes.Format(language.English))
	}
	return out, v
}

func tryUpdate(t *testing.T, data []byte, edit func(v *budget.Table)) ([]byte, *budget.Table, diag.List) {
	t.Helper()
	b, notes := Open("wb.xlsx", data)
	if b == nil {
		t.Fatal(notes.Format(language.English))
	}
	v := b.Values()
	edit(v)
	out, notes := b.Update(v)
	return out, v, notes
}

// reopen reads an updated workbook: its values, which must be the form's
// but for formulas, and the spreadsheet library's view of it.
func reopen(t *testing.T, out []byte) (*budget.Table, *excelize.File) {
	t.Helper()
	b, notes := Open("wb.xlsx", out)
	if b == nil {
		t.Fatal(notes.Format(language.English))
	}
	x, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return b.Values(), x
}

func projectsOf(v *budget.Table) []*budget.Table { return v.Arrays["projects"] }

func TestUpdateKeepsTheRest(t *testing.T) {
	data := sampleBook(t)
	b, notes := Open("wb.xlsx", data)
	if b == nil {
		t.Fatal(notes.Format(language.English))
	}
	if got, want := b.Formulas(), []Formula{{"projects[1].budget", "项目!C2", "D2+E2"}, {"projects[2].budget", "项目!C3", "D3+E3"}}; !slices.Equal(got, want) {
		t.Fatalf("formula fields %v, want %v", got, want)
	}
	out, v := update(t, data, func(v *budget.Table) {
		p := projectsOf(v)[0]
		p.Values["fiscal"] = "999999999999.99"
		p.Values["other"] = "0"
		p.Values["name"] = "  网络安全宣传周 "
		v.Tables["department"].Values["short_name"] = "网信"
	})
	back, x := reopen(t, out)
	p := projectsOf(back)[0]
	for key, want := range map[string]string{"fiscal": "999999999999.99", "other": "0.00", "budget": "999999999999.99", "name": "网络安全宣传周"} {
		if got := p.Values[key]; got != want {
			t.Errorf("projects[1].%s reads back %q, want %q", key, got, want)
		}
	}
	if got := back.Tables["department"].Values["short_name"]; got != "网信" {
		t.Errorf("short_name reads back %q", got)
	}
	// Only the budget differs from the form: it is a formula's value.
	projectsOf(v)[0].Values["budget"] = "999999999999.99"
	projectsOf(v)[0].Values["name"] = "网络安全宣传周"
	projectsOf(v)[0].Values["other"] = "0.00"
	if !back.Equal(v) {
		t.Errorf("the workbook reads back other values than the form's:\n%s\nwant\n%s", dump(back), dump(v))
	}
	cell := func(sheet, ref string) string {
		t.Helper()
		s, err := x.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := cell(sheetProjects, "D2"); got != "999999999999.99" {
		t.Errorf("D2 holds %q, want the number 999999999999.99", got)
	}
	if typ, _ := x.GetCellType(sheetProjects, "D2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("D2 is of type %v, want a number", typ)
	}
	if f, _ := x.GetCellFormula(sheetProjects, "C2"); f != "D2+E2" {
		t.Errorf("C2's formula is %q", f)
	}
	if got := cell("备注", "A1"); got != "本表由单位自用，不读入" {
		t.Errorf("备注!A1 is %q", got)
	}
	if m, _ := x.GetMergeCells("备注"); len(m) != 1 || m[0].GetStartAxis() != "A1" || m[0].GetEndAxis() != "C1" {
		t.Errorf("备注's merged cells: %v", m)
	}
	if w, _ := x.GetColWidth("备注", "A"); w != 33 {
		t.Errorf("备注 column A is %v wide", w)
	}
	if w, _ := x.GetColWidth(sheetProjects, "B"); w != projectColumns[1].width {
		t.Errorf("项目 column B is %v wide", w)
	}
	checkStyled(t, x, "B3")
	checkComment(t, x, "B3")
	dv, _ := x.GetDataValidations(sheetIndic)
	if len(dv) < 2 {
		t.Errorf("绩效指标 has %d data validations left", len(dv))
	}
	if p, _ := x.GetCalcProps(); p.FullCalcOnLoad == nil || !*p.FullCalcOnLoad {
		t.Errorf("the workbook is not marked for recalculation on opening")
	}
}

// checkStyled checks that the cell at ref of 项目 is bold, red and yellow.
func checkStyled(t *testing.T, x *excelize.File, ref string) {
	t.Helper()
	id, _ := x.GetCellStyle(sheetProjects, ref)
	st, err := x.GetStyle(id)
	if err != nil || st.Font == nil || !st.Font.Bold || st.Font.Color != "C00000" || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFFF00" {
		t.Errorf("项目!%s lost its style: %+v", ref, st)
	}
}

// checkComment checks that the comment is on the cell at ref of 项目.
func checkComment(t *testing.T, x *excelize.File, ref string) {
	t.Helper()
	cs, _ := x.GetComments(sheetProjects)
	if len(cs) != 1 || cs[0].Cell != ref || !strings.Contains(cs[0].Text+paragraphs(cs[0]), "名称待主管部门确认") {
		t.Errorf("项目's comments: %+v, want the one on %s", cs, ref)
	}
}

func paragraphs(c excelize.Comment) string {
	var b strings.Builder
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return b.String()
}

func TestUpdateRefusesAFormulaCell(t *testing.T) {
	out, _, notes := tryUpdate(t, sampleBook(t), func(v *budget.Table) {
		projectsOf(v)[1].Values["budget"] = "60000.00"
	})
	if out != nil || len(notes) != 1 || notes[0].Code != "X9" || notes[0].Path != "projects[2].budget" || notes[0].Pos.String() != "wb.xlsx:项目!C3" {
		t.Fatalf("a change of a formula cell gave %v", notes)
	}
	msg, _ := notes[0].Words(language.SimplifiedChinese)
	if !strings.Contains(msg, "=D3+E3") {
		t.Errorf("the message does not name the formula: %s", msg)
	}
}

func TestUpdateAddsRemovesAndMovesRows(t *testing.T) {
	data := sampleBook(t)
	out, v := update(t, data, func(v *budget.Table) {
		ps := projectsOf(v)
		// Move the second project first, give it a new indicator and
		// remove one of the first's; add a third project.
		ps[0], ps[1] = ps[1], ps[0]
		first := ps[0]
		first.Arrays["indicators"] = append(first.Arrays["indicators"], &budget.Table{Values: map[string]string{
			"level1": "产出指标", "level2": "数量指标", "name": "新增指标", "value": "≥3次"}})
		second := ps[1]
		second.Arrays["indicators"] = second.Arrays["indicators"][1:]
		v.Arrays["projects"] = append(ps, &budget.Table{Values: map[string]string{
			"code": "224-0501-NEW", "name": "新项目", "fiscal": "1234.5", "budget": "1234.50"},
			Lists:  map[string][]string{"spending_plan": {"25.5", "100"}, "goals": {"目标一", "目标二"}},
			Arrays: map[string][]*budget.Table{"indicators": {{Values: map[string]string{"level1": "效益指标", "level2": "社会效益指标", "name": "受益人数", "value": "≥100人"}}}}})
	})
	back, x := reopen(t, out)
	want := v
	// the budget of the moved project is its formula's value; the new one's
	// is the number typed.
	ps := projectsOf(want)
	ps[2].Values["fiscal"] = "1234.50"
	ps[2].Lists["spending_plan"] = []string{"25.50", "100.00"}
	if !back.Equal(want) {
		t.Errorf("read back:\n%s\nwant:\n%s", dump(back), dump(want))
	}
	// The moved project's row took its style, comment and formula along.
	checkStyled(t, x, "B2")
	checkComment(t, x, "B2")
	if f, _ := x.GetCellFormula(sheetProjects, "C2"); f != "D2+E2" {
		t.Errorf("C2's formula is %q after the move", f)
	}
	if f, _ := x.GetCellFormula(sheetProjects, "C4"); f != "" {
		t.Errorf("the new project's budget is a formula %q", f)
	}
	// The new row is styled as the row above it.
	a, _ := x.GetCellStyle(sheetProjects, "D3")
	b, _ := x.GetCellStyle(sheetProjects, "D4")
	if a != b || a == 0 {
		t.Errorf("the new row's amount has style %d, the row above %d", b, a)
	}
	if h, _ := x.GetRowHeight(sheetProjects, 4); h < 2*lineHeight {
		t.Errorf("the new row with two goals is %v pt high", h)
	}
}

func dump(v *budget.Table) string {
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}

// TestUpdateFollowsTheProjectCode: a project's new code is written into
// its indicators' rows too, so they stay its own.
func TestUpdateFollowsTheProjectCode(t *testing.T) {
	out, v := update(t, sampleBook(t), func(v *budget.Table) {
		projectsOf(v)[0].Values["code"] = "224-0501-NEWCODE"
		projectsOf(v)[0].Values["name"] = "改过的名称"
	})
	back, x := reopen(t, out)
	if !back.Equal(v) {
		t.Errorf("read back:\n%s\nwant:\n%s", dump(back), dump(v))
	}
	for row := 2; row <= 4; row++ {
		if code, _ := x.GetCellValue(sheetIndic, fmt.Sprintf("A%d", row)); code != "224-0501-NEWCODE" {
			t.Errorf("绩效指标!A%d holds %q", row, code)
		}
		if name, _ := x.GetCellValue(sheetIndic, fmt.Sprintf("B%d", row)); name != "改过的名称" {
			t.Errorf("绩效指标!B%d holds %q", row, name)
		}
	}
}

// TestUpdateFillsABlankWorkbook: the blank workbook of jixiao new
// --format xlsx, filled in in the form.
func TestUpdateFillsABlankWorkbook(t *testing.T) {
	f, p := load(t, samples[0])
	blank := write(t, &budget.Filing{Template: f.Template, Year: f.Year, Department: budget.Department{MoneyUnit: "元"}}, p)
	out, v := update(t, blank, func(v *budget.Table) {
		src, err := budget.ReadSource(budget.EncodeTOML(f))
		if err != nil {
			t.Fatal(err)
		}
		*v = *src.Values()
		for _, list := range [][]*budget.Table{v.Arrays["overall"], v.Arrays["projects"]} {
			for _, e := range list {
				e.Origin = 0 // typed in, as the form sends new elements
				for _, in := range e.Arrays["indicators"] {
					in.Origin = 0
				}
			}
		}
		// The blank workbook's sections are there already.
		for i, sec := range v.Arrays["overall"] {
			sec.Origin = i + 1
		}
	})
	back, _ := reopen(t, out)
	if !back.Equal(v) {
		t.Errorf("read back:\n%s\nwant:\n%s", dump(back), dump(v))
	}
	// Same input, same bytes.
	again, _ := update(t, blank, func(w *budget.Table) { *w = *v })
	if !bytes.Equal(out, again) {
		t.Errorf("two updates with the same values differ")
	}
}

// TestUpdateRemovesRows: removed projects and indicators take their rows
// with them; what was below moves up, comments and formulas with it.
func TestUpdateRemovesRows(t *testing.T) {
	out, v := update(t, sampleBook(t), func(v *budget.Table) {
		ps := projectsOf(v)
		ps[1].Arrays["indicators"] = ps[1].Arrays["indicators"][:2]
		v.Arrays["projects"] = ps[1:]
		v.Arrays["overall"] = v.Arrays["overall"][1:]
	})
	back, x := reopen(t, out)
	if !back.Equal(v) {
		t.Errorf("read back:\n%s\nwant:\n%s", dump(back), dump(v))
	}
	rows, _ := x.GetRows(sheetIndic)
	if len(rows) != 3 {
		t.Errorf("绩效指标 has %d rows, want the header and 2", len(rows))
	}
	checkStyled(t, x, "B2")
	checkComment(t, x, "B2")
	if f, _ := x.GetCellFormula(sheetProjects, "C2"); f != "D2+E2" {
		t.Errorf("C2's formula is %q", f)
	}
}

// TestUpdateRefusesWhatItCannotWrite: a value for a column the sheet
// lacks, and a text that a one-line cell would read differently.
func TestUpdateRefusesWhatItCannotWrite(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(v *budget.Table)
		path string
	}{
		{"no column", func(v *budget.Table) { projectsOf(v)[0].Values["implementer"] = "某单位" }, "projects[1].implementer"},
		{"line break in a one-line field", func(v *budget.Table) {
			projectsOf(v)[0].Arrays["indicators"][0].Values["name"] = "两行\n的名称"
		}, "projects[1].indicators[1].name"},
	} {
		out, _, notes := tryUpdate(t, sampleBook(t), tc.edit)
		if out != nil || len(notes) != 1 || notes[0].Code != "X10" || notes[0].Path != tc.path {
			t.Errorf("%s: %v", tc.name, notes)
			continue
		}
		msg, hint := notes[0].Words(language.SimplifiedChinese)
		if !strings.ContainsFunc(msg, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) || hint == "" {
			t.Errorf("%s: no Chinese message: %q %q", tc.name, msg, hint)
		}
		t.Logf("%s: %s（%s）", tc.name, msg, hint)
	}
}

// TestUpdateAddsAUnitRow: a value whose row 单位信息 lacks (the 主管部门
// of a form that does not ask for it) gets a row at the end, labelled.
func TestUpdateAddsAUnitRow(t *testing.T) {
	out, v := update(t, sampleBook(t), func(v *budget.Table) {
		v.Tables["department"].Values["supervisor"] = "中共秦皇岛市山海关区委"
		v.Values["date"] = "2024-03-01"
	})
	back, x := reopen(t, out)
	if !back.Equal(v) {
		t.Errorf("read back:\n%s\nwant:\n%s", dump(back), dump(v))
	}
	rows, _ := x.GetRows(sheetUnit)
	last := rows[len(rows)-1]
	if len(last) < 2 || last[0] != "主管部门" || last[1] != "中共秦皇岛市山海关区委" {
		t.Errorf("the last row of 单位信息 is %q", last)
	}
}

// TestUpdateKeepsSharedFormulas: a formula filled down, which Excel
// stores once for the cells that share it, stays a formula in every
// cell when the row holding it is deleted (the library alone would leave
// values), and is recalculated.
func TestUpdateKeepsSharedFormulas(t *testing.T) {
	f, p := load(t, samples[0])
	x, err := excelize.OpenReader(bytes.NewReader(write(t, f, p)))
	if err != nil {
		t.Fatal(err)
	}
	shared, cells := "shared", "C2:C3"
	x.SetCellFloat(sheetProjects, "C2", 100000, -1, 64)
	x.SetCellFloat(sheetProjects, "C3", 50000, -1, 64)
	if err := x.SetCellFormula(sheetProjects, "C2", "D2+E2", excelize.FormulaOpts{Type: &shared, Ref: &cells}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	x.Close()
	b, notes := Open("wb.xlsx", buf.Bytes())
	if b == nil {
		t.Fatal(notes.Format(language.English))
	}
	if got := b.Formulas(); len(got) != 2 || got[1].Formula != "D3+E3" {
		t.Errorf("formula fields %+v", got)
	}
	out, _ := update(t, buf.Bytes(), func(v *budget.Table) {
		v.Arrays["projects"] = v.Arrays["projects"][1:]
		v.Arrays["projects"][0].Values["other"] = "5"
	})
	back, y := reopen(t, out)
	if f, _ := y.GetCellFormula(sheetProjects, "C2"); f != "D2+E2" {
		t.Errorf("C2's formula is %q after the first row was deleted", f)
	}
	if got := projectsOf(back)[0].Values["budget"]; got != "50005.00" {
		t.Errorf("the formula reads %q, want 50005.00", got)
	}
	if typ, _ := y.GetCellType(sheetProjects, "C2"); typ == excelize.CellTypeFormula || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("C2's value is stored as type %v, not as a number", typ)
	}
}

// TestUpdateKeepsADateCell: a report date stored as a date (a day number
// in a date format) is written as a date again.
func TestUpdateKeepsADateCell(t *testing.T) {
	f, p := load(t, samples[0])
	x, err := excelize.OpenReader(bytes.NewReader(write(t, f, p)))
	if err != nil {
		t.Fatal(err)
	}
	st, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	x.SetCellValue(sheetUnit, "B4", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	x.SetCellStyle(sheetUnit, "B4", "B4", st)
	var buf bytes.Buffer
	x.Write(&buf)
	x.Close()
	out, _ := update(t, buf.Bytes(), func(v *budget.Table) {
		if v.Values["date"] != "2024-03-01" {
			t.Fatalf("the date reads %q", v.Values["date"])
		}
		v.Values["date"] = "2024-04-15"
	})
	back, y := reopen(t, out)
	if back.Values["date"] != "2024-04-15" {
		t.Errorf("the date reads back %q", back.Values["date"])
	}
	if raw, _ := y.GetCellValue(sheetUnit, "B4", excelize.Options{RawCellValue: true}); raw != "45397" {
		t.Errorf("单位信息!B4 holds %q, want the day number 45397", raw)
	}
}
