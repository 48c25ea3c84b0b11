package diag_test

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/diag"

	"golang.org/x/text/language"
)

// A position is a line and column of a text file, or a sheet and cell of a
// workbook (Line is then the row, Col the column).
func ExamplePos() {
	fmt.Println(diag.Pos{File: "a.toml", Line: 42, Col: 3})
	fmt.Println(diag.Pos{File: "my.xlsx", Sheet: "项目", Line: 5, Col: 5})
	fmt.Println(diag.Pos{File: "my.xlsx", Sheet: "项目 2", Line: 1, Col: 28})
	// Output:
	// a.toml:42:3
	// my.xlsx:项目!E5
	// my.xlsx:'项目 2'!AB1
}

// A finding about a workbook names the sheet and cell.
func ExampleList_Format() {
	d := diag.Diagnostic{Pos: diag.Pos{File: "my.xlsx", Sheet: "项目", Line: 5, Col: 5}, Severity: diag.Error, Code: "M2", Path: "projects[1].budget"}.Say(
		diag.T("%s must not be negative: %s", diag.Term("budget"), "-5"), diag.T("enter the amount without a minus sign"))
	fmt.Print(diag.List{d}.Format(language.SimplifiedChinese))
	// Output:
	// my.xlsx:项目!E5: 错误[M2]: 预算数不能为负数（当前为-5） (projects[1].budget)
	// 	提示: 请填写不带负号的金额
}
