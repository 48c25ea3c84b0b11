package docximport_test

import (
	"fmt"
	"os"

	"github.com/jixiao-dev/jixiao/render/docximport"
)

// Read takes last year's report apart: the sections of 第一部分 and each
// project's form.
func ExampleRead() {
	data, err := os.ReadFile("../testdata/hebei-sample-joined-form.docx")
	if err != nil {
		panic(err)
	}
	f, notes := docximport.Read("report.docx", data)
	fmt.Println(len(notes), f.Year, f.Department.Code, f.Department.MoneyUnit)
	for _, s := range f.Overall {
		fmt.Println(s.Title)
	}
	for _, p := range f.Projects {
		fmt.Println(p.Code, p.Name, p.Budget.Format(), len(p.Indicators))
	}
	// Output:
	// 0 2024 224002 元
	// 总体绩效目标
	// 分项绩效目标
	// 工作保障措施
	// 224-0501-JBN-BOVO 网络舆情综合管理 100000.00 3
	// 224-0401-JBN-8GYM 网络阵地建设和内容管理 50000.00 3
}
