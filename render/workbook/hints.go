package workbook

import "github.com/jixiao-dev/jixiao/render/diag"

// Hints rewords the hints of findings about a filing read from a
// workbook: the validator's hints name TOML keys and tables ([[projects]],
// text = """…"""), which mean nothing to an officer filling in sheets. The
// finding's position already names the cell; the hint then says what to do
// there.
func Hints(notes diag.List) diag.List {
	out := make(diag.List, len(notes))
	for i, d := range notes {
		if h, ok := workbookHints[d.Hint]; ok {
			d.Hint, d.HintArgs = h.Key, h.args(d.HintArgs)
		}
		out[i] = d
	}
	return out
}

// hint is a workbook's wording of a hint; keep lists which of the TOML
// hint's arguments it uses.
type hint struct {
	Key  string
	keep []int
}

func (h hint) args(args []any) []any {
	var out []any
	for _, i := range h.keep {
		if i < len(args) {
			out = append(out, args[i])
		}
	}
	return out
}

// workbookHints maps the validator's hints that name TOML syntax to a
// workbook's wording (both are catalog keys).
var workbookHints = map[string]hint{
	"fill in %s (key %s)": {diag.T("fill in %s").Key, []int{0}},
	"add [[projects.indicators]] tables under the project":            {diag.T("add the project's indicators on the sheet 绩效指标, one row each, with its 项目编码").Key, nil},
	"add at least one indicator with level1 = %q":                     {diag.T("add at least one indicator with the 一级指标 %q on the sheet 绩效指标").Key, []int{0}},
	"consider adding an indicator with level1 = %q":                   {diag.T("consider adding an indicator with the 一级指标 %q on the sheet 绩效指标").Key, []int{0}},
	"add a [[projects]] table for each budget project":                {diag.T("fill in one row per budget project on the sheet 项目").Key, nil},
	"write the budget year, e.g. year = 2024":                         {diag.T("write the budget year in digits, e.g. 2024").Key, nil},
	"write the report date as date = \"2024-03-01\", or leave it out": {diag.T("write the report date as 2024-03-01, or leave the cell empty").Key, nil},
	"add an [[overall]] table with title = %q; the sections of this form are %s": {
		diag.T("add a row with the title %q on the sheet 部门整体目标; the sections of this form are %s").Key, []int{0, 1}},
	"write the text of the section under text = \"\"\" … \"\"\"": {diag.T("write the text of the section in the column 内容").Key, nil},
	"move the [[overall]] tables into the form's order":          {diag.T("put the rows of the sheet 部门整体目标 in the form's order").Key, nil},
}
