package workbook_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/workbook"
)

// A filing written as a workbook reads back to the same values; a value
// the officer then types wrong is found at its cell.
func Example() {
	f := &budget.Filing{Template: "hebei", Year: 2025, Projects: []budget.Project{{
		Code: "224-0501-JBN-BOVO", Name: "网络舆情综合管理",
		Budget: budget.Decimal{Set: true, Hundredths: 10000000},
		Fiscal: budget.Decimal{Set: true, Hundredths: 10000000},
	}}}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, f, &check.Profile{}); err != nil {
		panic(err)
	}
	back, _ := workbook.Read("my.xlsx", buf.Bytes())
	fmt.Println(back.Projects[0].Name, back.Projects[0].Budget.Format(), back.Positions["projects[1].budget"])

	// The officer types the fiscal funds with a thousands separator.
	x, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	_ = x.SetCellStr("项目", "D2", "100,000.00")
	buf.Reset()
	_ = x.Write(&buf)
	back, _ = workbook.Read("my.xlsx", buf.Bytes())
	for _, d := range check.Filing(back, &check.Profile{}) {
		if d.Code == "M3" {
			fmt.Print(diag.List{d}.Format(language.English))
		}
	}
	// Output:
	// 网络舆情综合管理 100000.00 项目!C2
	// my.xlsx:项目!D2: error[M3]: fiscal funds is not a number: "100,000.00" (projects[1].fiscal)
	// 	hint: remove the thousands separators: write 100000.00, not 100,000.00
}
