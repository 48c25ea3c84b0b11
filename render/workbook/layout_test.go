package workbook

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// TestBlankWorkbook checks the workbook `jixiao new --format xlsx` writes
// for each form: its sheets, the drop-downs from the form's own taxonomy
// and enumerations, input messages, frozen headers and number formats.
func TestBlankWorkbook(t *testing.T) {
	for _, form := range []string{"hebei", "national"} {
		t.Run(form, func(t *testing.T) {
			p := profile(t, form, 2025)
			data := write(t, &budget.Filing{Template: form, Year: 2025, Department: budget.Department{MoneyUnit: budget.MoneyUnit(p.MoneyUnits[0])}}, p)
			x, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if got := x.GetSheetList(); !slices.Equal(got, []string{sheetGuide, sheetLists, sheetUnit, sheetOverall, sheetProjects, sheetIndic}) {
				t.Errorf("sheets %v", got)
			}
			if v, _ := x.GetSheetVisible(sheetLists); v {
				t.Error("the lists' sheet is visible")
			}
			// The lists: the form's 一级 names, and each one's 二级 names
			// under its own name.
			lists, _ := x.GetCols(sheetLists)
			for i, col := range lists {
				for len(col) > 0 && col[len(col)-1] == "" {
					col = col[:len(col)-1]
				}
				lists[i] = col
			}
			var level1 []string
			for _, c := range p.Categories {
				level1 = append(level1, c.Name)
				i := slices.IndexFunc(lists, func(col []string) bool { return len(col) > 0 && col[0] == c.Name })
				if i < 0 || !slices.Equal(lists[i][1:], c.Subs) {
					t.Errorf("二级 of %s: %v", c.Name, lists[max(i, 0)])
				}
			}
			if !slices.Equal(lists[3][1:], level1) || !slices.Equal(lists[0][1:], p.MoneyUnits) {
				t.Errorf("lists %v", lists)
			}
			dvs, _ := x.GetDataValidations(sheetIndic)
			var drops, prompts []string
			for _, dv := range dvs {
				if dv.Type == "list" {
					drops = append(drops, dv.Sqref+" "+dv.Formula1)
				} else if dv.ShowInputMessage {
					prompts = append(prompts, dv.Sqref)
				}
			}
			if len(drops) != 2 || !strings.Contains(drops[0], "'选项'!$D$2:$D$") || !strings.Contains(drops[1], "OFFSET(") || !strings.Contains(drops[1], "MATCH(C2,") {
				t.Errorf("drop-downs of 绩效指标: %q", drops)
			}
			if len(prompts) < 4 {
				t.Errorf("input messages on the headers of 绩效指标: %v", prompts)
			}
			for _, sheet := range []string{sheetUnit, sheetOverall, sheetProjects, sheetIndic} {
				if panes, _ := x.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 {
					t.Errorf("%s: header row not frozen: %+v", sheet, panes)
				}
			}
			// Amounts typed into the blank sheet take the format 0.00,
			// the plan the per-cent format.
			cols, _ := x.GetRows(sheetProjects)
			for i, label := range cols[0] {
				style, _ := x.GetColStyle(sheetProjects, colName(i+1))
				st, _ := x.GetStyle(style)
				switch {
				case label == "预算数" && st.NumFmt != 2, strings.HasSuffix(label, "（%）") && st.NumFmt != 10, label == "项目编码" && (st.CustomNumFmt == nil || *st.CustomNumFmt != "@"):
					t.Errorf("column %s has format %d %v", label, st.NumFmt, st.CustomNumFmt)
				}
			}
			// The blank workbook reads back: the form's sections, the
			// template, the year and the money unit, and nothing else.
			f := read(t, "blank.xlsx", data)
			if f.Template != form || f.Year != 2025 || len(f.Projects) != 0 || len(f.Overall) != len(p.Sections) {
				t.Errorf("blank read back as %+v", f)
			}
		})
	}
}

// TestKindDropDown checks that a form that prints 项目属性 gets its column
// with the kinds to choose from.
func TestKindDropDown(t *testing.T) {
	f, p := load(t, samples[1])
	x, err := excelize.OpenReader(bytes.NewReader(write(t, f, p)))
	if err != nil {
		t.Fatal(err)
	}
	dvs, _ := x.GetDataValidations(sheetProjects)
	if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool {
		return dv.Type == "list" && strings.Contains(dv.Formula1, "'选项'!$B$2:$B$3")
	}) {
		t.Error("no drop-down of project kinds")
	}
}
