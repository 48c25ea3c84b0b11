package budget_test

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// Load reads a filing: amounts are exact hundredths, and every key keeps
// the position it is written at, for messages.
func ExampleLoad() {
	f, notes := budget.Load("../../data/hebei/shanhaiguan-wxb-2024.toml")
	if f == nil {
		fmt.Print(notes)
		return
	}
	p := f.Projects[0]
	fmt.Println(f.Department.Name, f.Department.MoneyUnit, f.Department.MoneyUnit.Fen())
	fmt.Println(p.Name, p.Budget.Format(), p.Budget.Hundredths)
	fmt.Println(f.At("projects[1].budget"))
	// Output:
	// 中共山海关区委网络安全和信息化委员会办公室 元 100
	// 网络舆情综合管理 100000.00 10000000
	// ../../data/hebei/shanhaiguan-wxb-2024.toml:42:1
}
