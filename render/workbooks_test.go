package render

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/internal/lotest"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

func tablesWorkbook(t *testing.T, rep *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := rep.Write(&b, "xlsx"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTablesWorkbook: a sheet per project, named after it, with the
// caption, every cell of the form, amounts as numbers showing the form's
// digits, merged cells and the print setup; the same bytes every time.
func TestTablesWorkbook(t *testing.T) {
	f := realShaped(t)
	rep := mustBuild(t, f)
	data := tablesWorkbook(t, rep)
	if !bytes.Equal(data, tablesWorkbook(t, rep)) {
		t.Error("two writes of the workbook differ")
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sheets := x.GetSheetList()
	if len(sheets) != len(f.Projects) {
		t.Fatalf("%d sheets, want one per project (%d)", len(sheets), len(f.Projects))
	}
	for i, p := range f.Projects {
		if !strings.HasPrefix(sheets[i], strings.Split(sheets[i], "、")[0]+"、") || len([]rune(sheets[i])) > 31 ||
			!strings.HasPrefix(p.Name, strings.SplitN(strings.SplitN(sheets[i], "、", 2)[1], "(", 2)[0]) {
			t.Errorf("sheet %d is named %q for project %q", i+1, sheets[i], p.Name)
		}
	}
	// Every text of each form is on its sheet.
	tables := map[string][]string{}
	for _, b := range rep.doc.Blocks {
		if tb, ok := b.(*doc.Table); ok {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					tables[tb.Name] = append(tables[tb.Name], c.Text)
				}
			}
		}
	}
	sheet := sheets[0]
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// A label the form keeps whole except at its break points has its
	// lines where the layout broke it (其中：/财政资金), not where a
	// spreadsheet's metrics would (其中：财政资/金); nothing else breaks.
	var texts, broken []string
	for _, r := range rows {
		for _, c := range r {
			texts = append(texts, strings.ReplaceAll(c, "\n", ""))
			if strings.Contains(c, "\n") {
				broken = append(broken, c)
			}
		}
	}
	if !slices.Contains(broken, "其中：\n财政资金") || slices.ContainsFunc(broken, func(c string) bool { return strings.ContainsAny(c, "0123456789") }) {
		t.Errorf("texts with line breaks: %q; want 其中：/财政资金 among them and no number", broken)
	}
	if texts[0] != "1、"+f.Projects[0].Name+"绩效目标表" {
		t.Errorf("A1 = %q, want the caption", texts[0])
	}
	for _, want := range tables["1、"+f.Projects[0].Name] {
		if !slices.Contains(texts, want) {
			t.Errorf("sheet %s lacks %q", sheet, want)
		}
	}
	// The budget is a number showing the form's digits.
	cell := findCell(t, x, sheet, "999999999999.99")
	if raw, _ := x.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); raw != "999999999999.99" {
		t.Errorf("%s holds %q", cell, raw)
	}
	if typ, _ := x.GetCellType(sheet, cell); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("%s is text, want a number", cell)
	}
	code := findCell(t, x, sheet, f.Projects[0].Code)
	if typ, _ := x.GetCellType(sheet, code); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("the project code %s is not text", code)
	}
	merged, _ := x.GetMergeCells(sheet)
	if len(merged) < 8 {
		t.Errorf("%d merged ranges, want the form's merges", len(merged))
	}
	layout, _ := x.GetPageLayout(sheet)
	props, _ := x.GetSheetProps(sheet)
	if layout.Size == nil || *layout.Size != 9 || layout.FitToWidth == nil || *layout.FitToWidth != 1 || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("print setup: %+v fit to page %v, want A4 fitted to one page wide", layout, props.FitToPage)
	}
	// The indicators' header repeats on every printed page.
	_, headerRow, _ := excelize.CellNameToCoordinates(findCell(t, x, sheet, "一级指标"))
	titles := ""
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
			titles = dn.RefersTo
		}
	}
	if want := fmt.Sprintf("!$%d:$%d", headerRow, headerRow); !strings.HasSuffix(titles, want) {
		t.Errorf("repeated rows (Print_Titles) %q, want the indicators' header row %d", titles, headerRow)
	}
}

func findCell(t *testing.T, x *excelize.File, sheet, value string) string {
	t.Helper()
	cells, err := x.SearchSheet(sheet, "^"+regexp.QuoteMeta(value)+"$", true)
	if err != nil || len(cells) == 0 {
		t.Fatalf("%q not found on %s (%v)", value, sheet, err)
	}
	return cells[0]
}

// summaryFiles writes filings for a summary into a folder: the sample
// (元, 224002), the sample in 万元 under another department (224003), the
// sample with a project of 123.45 元 (224004), and a file that is not
// there.
func summaryFiles(t *testing.T) (dir string, files []string) {
	dir = t.TempDir()
	src, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string]*strings.Replacer{
		"a.toml": strings.NewReplacer(),
		"b.toml": strings.NewReplacer(`code = "224002"`, `code = "224003"`, `money_unit = "元"`, `money_unit = "万元"`),
		"c.toml": strings.NewReplacer(`code = "224002"`, `code = "224004"`, "budget = 100000.00", "budget = 123.45", "fiscal = 100000.00", "fiscal = 123.45"),
	}
	for _, name := range []string{"a.toml", "b.toml", "c.toml"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(variants[name].Replace(string(src))), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return dir, append(files, filepath.Join(dir, "missing.toml"))
}

func summaryWorkbook(t *testing.T, files []string, unit budget.MoneyUnit) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := engine(t).Summary(&b, files, unit, language.SimplifiedChinese); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// summaryWant are the rows of the summaries of summaryFiles by unit:
// 单位编码, 单位名称 (cut), 项目名称, 预算数, 财政资金, 其他资金 as shown.
var summaryWant = map[budget.MoneyUnit][][]string{
	budget.Yuan: {
		{"224002", "中共", "网络舆情综合管理", "100,000.00", "100,000.00", ""},
		{"224002", "中共", "网络阵地建设和内容管理", "50,000.00", "50,000.00", ""},
		{"224002", "中共 小计", "", "150,000.00", "150,000.00", "0.00"},
		{"224003", "中共", "网络舆情综合管理", "1,000,000,000.00", "1,000,000,000.00", ""},
		{"224003", "中共", "网络阵地建设和内容管理", "500,000,000.00", "500,000,000.00", ""},
		{"224003", "中共 小计", "", "1,500,000,000.00", "1,500,000,000.00", "0.00"},
		{"224004", "中共", "网络舆情综合管理", "123.45", "123.45", ""},
		{"224004", "中共", "网络阵地建设和内容管理", "50,000.00", "50,000.00", ""},
		{"224004", "中共 小计", "", "50,123.45", "50,123.45", "0.00"},
		{"", "", "（未能读取）", "", "", ""},
		{"", "合计", "", "1,500,200,123.45", "1,500,200,123.45", "0.00"},
	},
	budget.WanYuan: {
		{"224002", "中共", "网络舆情综合管理", "10.00", "10.00", ""},
		{"224002", "中共", "网络阵地建设和内容管理", "5.00", "5.00", ""},
		{"224002", "中共 小计", "", "15.00", "15.00", "0.00"},
		{"224003", "中共", "网络舆情综合管理", "100,000.00", "100,000.00", ""},
		{"224003", "中共", "网络阵地建设和内容管理", "50,000.00", "50,000.00", ""},
		{"224003", "中共 小计", "", "150,000.00", "150,000.00", "0.00"},
		{"224004", "中共", "网络舆情综合管理", "0.012345", "0.012345", ""},
		{"224004", "中共", "网络阵地建设和内容管理", "5.00", "5.00", ""},
		{"224004", "中共 小计", "", "5.012345", "5.012345", "0.00"},
		{"", "", "（未能读取）", "", "", ""},
		{"", "合计", "", "150,020.012345", "150,020.012345", "0.00"},
	},
}

// summaryRows picks the compared columns from a summary's rows below the
// header (the table as shown: formatted values).
func summaryRows(rows [][]string) [][]string {
	var out [][]string
	for _, r := range rows[3:] {
		r = append(r, make([]string, 8)...)
		name := r[1]
		if n, sub, ok := strings.Cut(name, " "); ok {
			name = n[:min(len(n), len("中共"))] + " " + sub
		} else if strings.HasPrefix(name, "中共") {
			name = "中共"
		}
		out = append(out, []string{r[0], name, r[3], r[4], r[5], r[6]})
	}
	return out
}

// TestSummaryWorkbook: the 汇总 of three filings in 元 and 万元 and one
// missing file, in both units: rows, subtotals and the total as formulas
// with their values, read with excelize.
func TestSummaryWorkbook(t *testing.T) {
	_, files := summaryFiles(t)
	for unit, want := range summaryWant {
		data := summaryWorkbook(t, files, unit)
		if !bytes.Equal(data, summaryWorkbook(t, files, unit)) {
			t.Errorf("%s: two writes differ", unit)
		}
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := x.GetRows("汇总")
		if err != nil {
			t.Fatal(err)
		}
		if got := rows[1][len(rows[1])-1]; got != "金额单位："+string(unit) {
			t.Errorf("unit line %q", got)
		}
		if got := summaryRows(rows); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: rows\n got %q\nwant %q", unit, got, want)
		}
		if formula, _ := x.GetCellFormula("汇总", "E14"); formula != "SUBTOTAL(9,E4:E13)" {
			t.Errorf("%s: E14 = %q, want the grand total's formula", unit, formula)
		}
		if formula, _ := x.GetCellFormula("汇总", "E6"); formula != "SUBTOTAL(9,E4:E5)" {
			t.Errorf("%s: E6 = %q, want the subtotal's formula", unit, formula)
		}
		last := rows[12]
		if !strings.Contains(strings.Join(last, "|"), "missing.toml: 错误[F0]") {
			t.Errorf("%s: the missing file's row %q lacks its error", unit, last)
		}
	}
}

// TestWorkbooksInLibreOffice: LibreOffice opens both workbooks; the
// summary's totals it computes itself (the cached values removed) are the
// ones written, and the table workbook shows the form's values.
func TestWorkbooksInLibreOffice(t *testing.T) {
	dir, files := summaryFiles(t)
	out := t.TempDir()
	var inputs []string
	write := func(name string, data []byte) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	for unit, name := range map[budget.MoneyUnit]string{budget.Yuan: "yuan", budget.WanYuan: "wan"} {
		data := summaryWorkbook(t, files, unit)
		write(name+".xlsx", data)
		write(name+"-uncached.xlsx", withoutCachedValues(t, data))
	}
	write("tables.xlsx", tablesWorkbook(t, mustBuild(t, realShaped(t))))
	lotest.Run(t, out, "csv:Text - txt - csv (StarCalc):44,34,76,1", inputs...)
	read := func(name string) [][]string {
		b, err := os.ReadFile(filepath.Join(out, name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	for unit, name := range map[budget.MoneyUnit]string{budget.Yuan: "yuan", budget.WanYuan: "wan"} {
		for _, n := range []string{name, name + "-uncached"} {
			if got := summaryRows(read(n)); !slices.EqualFunc(got, summaryWant[unit], slices.Equal) {
				t.Errorf("%s in LibreOffice:\n got %q\nwant %q", n, got, summaryWant[unit])
			}
		}
	}
	var cells []string
	for _, r := range read("tables") {
		cells = append(cells, r...)
	}
	for _, want := range []string{"999999999999.99", "999999999999.00", "0.99", "25.00", "100.00", "224-0501-JBN-0000", "项目编码"} {
		if !slices.Contains(cells, want) {
			t.Errorf("LibreOffice shows no cell %q on the first sheet", want)
		}
	}
}

var cachedValue = regexp.MustCompile(`(<f>[^<]*</f>)<v>[^<]*</v>`)

// withoutCachedValues removes the values cached with the formulas, so a
// client must compute them.
func withoutCachedValues(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	removed := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			removed += len(cachedValue.FindAll(part, -1))
			part = cachedValue.ReplaceAll(part, []byte("$1"))
		}
		w, _ := zw.Create(f.Name)
		w.Write(part)
	}
	zw.Close()
	if removed == 0 {
		t.Fatal("no cached formula values found")
	}
	return b.Bytes()
}

// TestSummaryLargeAmounts: 999,999,999,999.99 万元 in a 元 summary is
// converted without overflow (9,999,999,999,999,900 元, which a
// spreadsheet holds exactly); eleven such projects in 元 sum beyond the 15
// digits a spreadsheet keeps, which is warned of.
func TestSummaryLargeAmounts(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.NewReplacer("budget = 100000.00", "budget = 999999999999.99", "fiscal = 100000.00", "fiscal = 999999999999.99").Replace(string(src))
	first := strings.Index(huge, "[[projects]]")
	second := first + len("[[projects]]") + strings.Index(huge[first+len("[[projects]]"):], "[[projects]]")
	eleven := huge[:second] + strings.Repeat(huge[first:second], 10) + huge[second:]
	files := map[string]string{
		"wan.toml":    strings.Replace(huge, `money_unit = "元"`, `money_unit = "万元"`, 1),
		"eleven.toml": eleven,
	}
	for _, c := range []struct {
		file string
		unit budget.MoneyUnit
		e4   string
		warn bool
	}{
		{"wan.toml", budget.Yuan, "9999999999999900", false},
		{"wan.toml", budget.WanYuan, "999999999999.99", false},
		{"eleven.toml", budget.Yuan, "999999999999.99", true},
	} {
		path := filepath.Join(dir, c.file)
		if err := os.WriteFile(path, []byte(files[c.file]), 0o644); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		notes, err := engine(t).Summary(&b, []string{path}, c.unit, language.English)
		if err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := x.GetCellValue("汇总", "E4", excelize.Options{RawCellValue: true})
		warned := slices.ContainsFunc(notes, func(d diag.Diagnostic) bool { return d.Code == "Z1" })
		if raw != c.e4 || warned != c.warn {
			t.Errorf("%s in %s: E4 = %s, want %s; warned of rounding: %v", c.file, c.unit, raw, c.e4, warned)
		}
	}
}
