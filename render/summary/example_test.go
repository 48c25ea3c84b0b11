package summary_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/summary"
	"github.com/xuri/excelize/v2"
)

// Write rolls filings up, here one in 元 summed in 万元.
func ExampleWrite() {
	f, _ := budget.Parse("a.toml", []byte(`
[department]
code = "100001"
name = "某某局"
money_unit = "元"
[[projects]]
code = "100-01"
name = "办公设备购置"
budget = 123.45
fiscal = 123.45
`))
	var b bytes.Buffer
	if _, err := summary.Write(&b, []summary.Entry{{File: "a.toml", Filing: f}, {File: "b.toml", Errors: 1, FirstError: "b.toml: 错误[F0]: 文件不存在"}}, budget.WanYuan); err != nil {
		panic(err)
	}
	x, _ := excelize.OpenReader(&b)
	rows, _ := x.GetRows(summary.Sheet)
	for _, r := range rows[3:] {
		fmt.Println(strings.Join(r[:5], "|"))
	}
	total, _ := x.GetCellFormula(summary.Sheet, "E7")
	fmt.Println(total)
	// Output:
	// 100001|某某局|100-01|办公设备购置|0.012345
	// 100001|某某局 小计|||0.012345
	// |||（未能读取）|
	// |合计|||0.012345
	// SUBTOTAL(9,E4:E6)
}
