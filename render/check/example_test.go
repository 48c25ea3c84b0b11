package check_test

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"

	"golang.org/x/text/language"
)

// Filing checks a filing against the form it is printed on, described by
// a Profile; each finding names its rule, position and field.
func ExampleFiling() {
	src := `year = 2024
[department]
code = "101"
name = "某局"
short_name = "某局"
money_unit = "千元"
`
	f, _ := budget.Parse("a.toml", []byte(src))
	form := &check.Profile{Template: "demo@1", MoneyUnits: []string{"元", "万元"}, MoneyUnit: "万元"}
	for _, d := range check.Filing(f, form) {
		if d.Code == "M7" {
			fmt.Print(diag.List{d}.Format(language.English))
		}
	}
	// Output:
	// a.toml:6:1: error[M7]: money unit "千元" is not one this form accepts (元 / 万元) (department.money_unit)
	// 	hint: set money_unit under [department] to one of them: the form prints amounts in 万元 and converts them from that unit
}
