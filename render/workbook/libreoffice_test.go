package workbook

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/internal/lotest"
)

// libreOffice converts files (in dir) with soffice --convert-to to, into
// dir/out (see lotest.Run).
func libreOffice(t *testing.T, dir, to string, files ...string) string {
	t.Helper()
	out := filepath.Join(dir, "out")
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join(dir, f))
	}
	lotest.Run(t, out, to, paths...)
	return out
}

// TestLibreOfficeOpensWorkbook has LibreOffice open the sample's workbook
// and save every sheet as CSV, the cells as they show: the values must be
// the filing's, amounts in the format 0.00 and the plan in per cents.
func TestLibreOfficeOpensWorkbook(t *testing.T) {
	f, p := load(t, samples[0])
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wb.xlsx"), write(t, f, p), 0o644); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quote, UTF-8, from line 1, …, cells as
	// shown, …, every sheet to its own file (LibreOffice 7.2 and later).
	out := libreOffice(t, dir, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "wb.xlsx")
	sheet := func(name string) [][]string {
		t.Helper()
		fh, err := os.Open(filepath.Join(out, "wb-"+name+".csv"))
		if err != nil {
			files, _ := os.ReadDir(out)
			t.Fatalf("%v (LibreOffice wrote %v)", err, files)
		}
		defer fh.Close()
		r := csv.NewReader(fh)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	pr := f.Projects[0]
	projects := sheet(sheetProjects)
	want := map[string]string{"项目编码": pr.Code, "项目名称": pr.Name, "预算数": "100000.00", "财政资金": "100000.00",
		"其他资金": "", "资金用途": pr.Purpose, "3月底（%）": "25.00%", "12月底（%）": "100.00%", "绩效目标": pr.Goals[0]}
	for label, v := range want {
		i := slices.Index(projects[0], label)
		if i < 0 || projects[1][i] != v {
			t.Errorf("项目 %s: LibreOffice shows %q, want %q (header %q)", label, at(projects[1], i), v, projects[0])
		}
	}
	indicators := sheet(sheetIndic)
	if len(indicators) != 7 || !slices.Equal(indicators[3][:5], []string{f.Projects[0].Code, pr.Name, "满意度指标", "服务对象满意度指标", "广大群众满意度"}) {
		t.Errorf("绩效指标 row 4: %q", indicators[min(3, len(indicators)-1)])
	}
	unit := sheet(sheetUnit)
	if !slices.ContainsFunc(unit, func(r []string) bool { return len(r) > 1 && r[0] == "单位名称" && r[1] == f.Department.Name }) {
		t.Errorf("单位信息: %q", unit)
	}
	if overall := sheet(sheetOverall); len(overall) != 4 || overall[3][2] != f.Overall[2].Text {
		t.Errorf("部门整体目标: %d rows", len(overall))
	}
}

func at(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// TestLibreOfficeResave has LibreOffice open each sample's workbook and
// save it again as .xlsx, as an officer's office suite would: it must read
// back to the same filing, without a finding.
func TestLibreOfficeResave(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, path := range samples {
		f, p := load(t, path)
		name := strings.TrimSuffix(filepath.Base(path), ".toml") + ".xlsx"
		if err := os.WriteFile(filepath.Join(dir, name), write(t, f, p), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	out := libreOffice(t, dir, "xlsx:Calc MS Excel 2007 XML", names...)
	for i, path := range samples {
		f, _ := load(t, path)
		data, err := os.ReadFile(filepath.Join(out, names[i]))
		if err != nil {
			t.Fatal(err)
		}
		if err := sameFiling(f, read(t, names[i], data)); err != nil {
			t.Errorf("%s: %v", names[i], err)
		}
		// LibreOffice understood the drop-downs: it saves them again,
		// the 二级 list still chosen by the 一级 of its row.
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		dvs, _ := x.GetDataValidations(sheetIndic)
		lists := 0
		for _, dv := range dvs {
			if dv.Type == "list" && (strings.Contains(dv.Formula1, "$D$2") || strings.Contains(dv.Formula1, "MATCH(C2")) {
				lists++
			}
		}
		if lists != 2 {
			t.Errorf("%s: LibreOffice kept %d of the 2 drop-downs of 绩效指标", names[i], lists)
		}
	}
}

// TestLibreOfficeOpensAnUpdatedWorkbook has LibreOffice open a workbook
// the editor updated (a project moved, one added, an amount changed under
// a formula) and save it again: it reads back as the same values, the
// formulas as LibreOffice recalculates them.
func TestLibreOfficeOpensAnUpdatedWorkbook(t *testing.T) {
	out, _ := update(t, sampleBook(t), func(v *budget.Table) {
		ps := projectsOf(v)
		ps[0], ps[1] = ps[1], ps[0]
		ps[0].Values["other"] = "20000.5"
		v.Arrays["projects"] = append(ps, &budget.Table{Values: map[string]string{"code": "X-1", "name": "新项目", "budget": "999999999999.99", "fiscal": "999999999999.99"}})
	})
	want, _ := reopen(t, out)
	if got := projectsOf(want)[0].Values["budget"]; got != "70000.50" {
		t.Fatalf("the moved project's formula reads %q, want 70000.50", got)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "updated.xlsx"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	lo := libreOffice(t, dir, "xlsx:Calc MS Excel 2007 XML", "updated.xlsx")
	data, err := os.ReadFile(filepath.Join(lo, "updated.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := reopen(t, data)
	if !got.Equal(want) {
		t.Errorf("after LibreOffice:\n%s\nwant:\n%s", dump(got), dump(want))
	}
}
