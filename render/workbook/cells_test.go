package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// edited writes the seed's filing as a workbook, lets edit change it as an
// officer's Excel would, and reads it back, checked against the form.
func edited(t *testing.T, edit func(x *excelize.File, col func(sheet, label string) string)) (*budget.Filing, diag.List) {
	t.Helper()
	f, p := load(t, samples[0])
	x, err := excelize.OpenReader(bytes.NewReader(write(t, f, p)))
	if err != nil {
		t.Fatal(err)
	}
	col := func(sheet, label string) string {
		rows, _ := x.GetRows(sheet)
		for i, h := range rows[0] {
			if h == label {
				return colName(i + 1)
			}
		}
		t.Fatalf("no column %s on %s", label, sheet)
		return ""
	}
	edit(x, col)
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, notes := Read("my.xlsx", buf.Bytes())
	if back != nil {
		notes = append(notes, check.Filing(back, p)...)
	}
	return back, notes
}

// find returns the findings with code, printed in English.
func find(notes diag.List, code string) []string {
	var out []string
	for _, d := range notes {
		if d.Code == code {
			out = append(out, diag.List{d}.Format(language.English))
		}
	}
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestAmountsAsExcelStoresThem(t *testing.T) {
	f, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
		b, fi, o := col(sheetProjects, "预算数"), col(sheetProjects, "财政资金"), col(sheetProjects, "其他资金")
		// A double with binary noise, as Excel writes 1234.56 after a sum.
		must(t, x.SetCellDefault(sheetProjects, b+"2", "100000.00000000001"))
		must(t, x.SetCellDefault(sheetProjects, fi+"2", "99999.990000000005"))
		must(t, x.SetCellDefault(sheetProjects, o+"2", "0.01"))
		// A number stored as text, with blanks around it.
		must(t, x.SetCellStr(sheetProjects, b+"3", " 50000.00 "))
		must(t, x.SetCellStr(sheetProjects, fi+"3", "50000"))
	})
	if f == nil {
		t.Fatal(notes)
	}
	p := f.Projects
	if p[0].Budget.Hundredths != 10000000 || p[0].Fiscal.Hundredths != 9999999 || p[0].Other.Hundredths != 1 || p[1].Budget.Hundredths != 5000000 || p[1].Fiscal.Hundredths != 5000000 {
		t.Errorf("amounts %+v %+v %+v %+v", p[0].Budget, p[0].Fiscal, p[0].Other, p[1].Budget)
	}
	if m1 := find(notes, "M1"); len(m1) != 0 {
		t.Errorf("sums should hold: %v", m1)
	}
}

func TestBadAmountsNameTheirCell(t *testing.T) {
	var b, fi, o string
	_, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
		b, fi, o = col(sheetProjects, "预算数"), col(sheetProjects, "财政资金"), col(sheetProjects, "其他资金")
		must(t, x.SetCellDefault(sheetProjects, b+"2", "100000.001"))
		must(t, x.SetCellStr(sheetProjects, fi+"2", "100,000.00"))
		must(t, x.SetCellStr(sheetProjects, o+"2", "１００"))
		must(t, x.SetCellBool(sheetProjects, b+"3", true))
	})
	got := strings.Join(find(notes, "M3"), "")
	for _, want := range []string{
		"my.xlsx:项目!" + b + "2: error[M3]: budget has more than two decimal places: 100000.001",
		"my.xlsx:项目!" + fi + "2: error[M3]: fiscal funds is not a number: \"100,000.00\"",
		"remove the thousands separators",
		"my.xlsx:项目!" + o + "2: error[M3]: other funds is not a number: \"１００\"",
		"my.xlsx:项目!" + b + "3: error[M3]: budget is not a number: \"TRUE\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	zh := notes.Format(language.Chinese)
	if want := "my.xlsx:项目!" + b + "2: 错误[M3]: 预算数最多保留两位小数（当前为100000.001）"; !strings.Contains(zh, want) {
		t.Errorf("missing %q in\n%s", want, zh)
	}
}

func TestPlanAsPercent(t *testing.T) {
	f, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
		c1, c2, c3 := col(sheetProjects, "3月底（%）"), col(sheetProjects, "6月底（%）"), col(sheetProjects, "10月底（%）")
		general, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		must(t, x.SetCellDefault(sheetProjects, c1+"2", "0.255")) // per-cent format: 25.5
		must(t, x.SetCellStyle(sheetProjects, c2+"2", c2+"2", general))
		must(t, x.SetCellFloat(sheetProjects, c2+"2", 60, -1, 64)) // a plain 60 is 60
		must(t, x.SetCellStr(sheetProjects, c3+"2", "90%"))        // text with a per-cent sign
	})
	if f == nil {
		t.Fatal(notes)
	}
	var got []string
	for _, d := range f.Projects[0].SpendingPlan {
		got = append(got, d.Format())
	}
	if strings.Join(got, " ") != "25.50 60.00 90.00 100.00" {
		t.Errorf("plan %v", got)
	}
}

func TestTextAsPasted(t *testing.T) {
	var name string
	f, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
		name = col(sheetProjects, "项目名称")
		must(t, x.SetCellStr(sheetProjects, name+"2", "\u3000网络舆情\r\n综合管理 "))
		must(t, x.SetCellStr(sheetProjects, col(sheetProjects, "绩效目标")+"2", "第一条目标。\n\n 第二条目标。\n"))
		must(t, x.SetCellStr(sheetUnit, "B6", "  中共山海关区委网信办\t"))
		must(t, x.SetCellInt(sheetUnit, "B5", 224002))
	})
	if f == nil {
		t.Fatal(notes)
	}
	p := f.Projects
	if p[0].Name != "网络舆情综合管理" || strings.Join(p[0].Goals, "|") != "第一条目标。|第二条目标。" || f.Department.Name != "中共山海关区委网信办" || f.Department.Code != "224002" {
		t.Errorf("read %q %q %q %q", p[0].Name, p[0].Goals, f.Department.Name, f.Department.Code)
	}
	if w := find(notes, "X7"); len(w) != 1 || !strings.Contains(w[0], "项目!"+name+"2: warning[X7]") {
		t.Errorf("joined line break: %v", w)
	}
}

func TestMergedCellsAndHeaderOrder(t *testing.T) {
	f, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
		// The officer merges each project's code over its indicator rows,
		// moves a column, adds one of their own and a title row above.
		must(t, x.SetCellStr(sheetIndic, "A3", ""))
		must(t, x.SetCellStr(sheetIndic, "A4", ""))
		must(t, x.MergeCell(sheetIndic, "A2", "A4"))
		must(t, x.InsertRows(sheetProjects, 1, 1))
		must(t, x.SetCellStr(sheetProjects, "A1", "2024年项目表"))
		must(t, x.InsertCols(sheetProjects, "A", 1))
		must(t, x.SetCellStr(sheetProjects, "A2", "备注"))
		must(t, x.SetCellStr(sheetProjects, "A3", "已核对"))
		_, err := x.NewSheet("Sheet2")
		must(t, err)
		must(t, x.SetCellStr("Sheet2", "C3", "草稿"))
		must(t, x.SetCellStr(sheetIndic, "K3", "待核"))
		must(t, x.SetSheetRow(sheetUnit, "A20", &[]any{"联系人", "张三"}))
		must(t, x.SetSheetRow(sheetUnit, "A21", &[]any{"单位名称", "另一个名称"}))
	})
	if f == nil {
		t.Fatal(notes)
	}
	if n := len(f.Projects[0].Indicators); n != 3 {
		t.Errorf("project 1 has %d indicators", n)
	}
	if pos := f.Positions["projects[1].budget"]; pos.Sheet != sheetProjects || pos.Line != 3 || pos.Col != 4 {
		t.Errorf("budget at %+v", pos)
	}
	got := strings.Join(append(find(notes, "X3"), find(notes, "X2")...), "")
	for _, want := range []string{`项目!A2: warning[X3]: the column "备注" is not read`, `Sheet2: warning[X2]: the sheet "Sheet2" is not read`,
		`绩效指标!K3: warning[X3]: the column K has values but no header; they are not read`,
		`单位信息!A20: warning[X3]: the row "联系人" is not read`, `单位信息!A21: warning[X3]: the row "单位名称" appears twice; only the first is read`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestFormulas(t *testing.T) {
	var b, fi string
	f, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
		b, fi = col(sheetProjects, "预算数"), col(sheetProjects, "财政资金")
		// A formula Excel computed: its value is stored with it.
		must(t, x.SetCellFloat(sheetProjects, b+"2", 100000, -1, 64))
		must(t, x.SetCellFormula(sheetProjects, b+"2", fi+"2+0"))
	})
	if f == nil || f.Projects[0].Budget.Hundredths != 10000000 {
		t.Fatalf("cached value not read: %v", notes)
	}
	_, notes = edited(t, func(x *excelize.File, col func(string, string) string) {
		// A formula a program wrote and nobody computed.
		must(t, x.SetCellValue(sheetProjects, b+"3", nil))
		must(t, x.SetCellFormula(sheetProjects, b+"3", "SUM("+fi+"3,1)"))
		must(t, x.SetCellValue(sheetProjects, fi+"2", nil))
		must(t, x.SetCellFormula(sheetProjects, fi+"2", "1/0"))
		must(t, x.SetCellDefault(sheetProjects, fi+"2", "#DIV/0!"))
	})
	got := notes.Format(language.English)
	for _, want := range []string{"项目!" + b + "3: error[X4]: the cell holds the formula =SUM(" + fi + "3,1) without a computed value",
		"open the workbook in Excel or WPS and save it"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestNotAWorkbook(t *testing.T) {
	f, p := load(t, samples[0])
	var enc bytes.Buffer
	x, err := excelize.OpenReader(bytes.NewReader(write(t, f, p)))
	must(t, err)
	must(t, x.Write(&enc, excelize.Options{Password: "secret"}))
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"xls":       {append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...), "old-format Excel file (.xls or .et)"},
		"encrypted": {enc.Bytes(), "protected with a password"},
		"ods":       {[]byte("PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK"), "OpenDocument spreadsheet"},
		"html":      {[]byte("<html><body><table><tr><td>1</td></tr></table></body></html>"), "web page or an XML file"},
		"empty":     {nil, "the file is empty"},
		"toml":      {[]byte("template = \"hebei\"\n"), "not an .xlsx workbook"},
		"zip":       {[]byte("PK\x03\x04 this is not a zip"), "the workbook cannot be read"},
	} {
		got, notes := Read("my.xlsx", c.data)
		msg := notes.Format(language.English)
		if got != nil || len(notes) != 1 || notes[0].Code != "X1" && notes[0].Code != "F6" || !strings.Contains(msg, c.want) {
			t.Errorf("%s: %s", name, msg)
		}
	}
	_, notes := Read("my.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...))
	if zh := notes.Format(language.Chinese); !strings.Contains(zh, "另存为") || !strings.Contains(zh, ".xlsx") {
		t.Errorf("the .xls message says not how to save it: %s", zh)
	}
}

func TestHeaderUnit(t *testing.T) {
	for header, want := range map[string]string{
		"预算数（万元）":   "my.xlsx:项目!C1: error[X8]: the header says the amounts are in 万元, but the 金额单位 on the sheet 单位信息 is 元",
		"预算数（元）":    "",
		"预算数(单位：元)": "",
	} {
		_, notes := edited(t, func(x *excelize.File, col func(string, string) string) {
			must(t, x.SetCellStr(sheetProjects, col(sheetProjects, "预算数")+"1", header))
		})
		got := strings.Join(find(notes, "X8"), "")
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s: %q", header, got)
		}
	}
}
