package templates

import (
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
)

func dec(s string) budget.Decimal {
	var d budget.Decimal
	d.UnmarshalTOML(s)
	return d
}

func TestAmounts(t *testing.T) {
	cases := []struct {
		name, from, to        string
		budget, fiscal, other string // input; other "" = omitted
		want                  Amounts
	}{
		{"same unit", "元", "", "100000.00", "100000.00", "", Amounts{"100000.00", "100000.00", ""}},
		{"zero other prints", "元", "", "100.00", "100.00", "0", Amounts{"100.00", "100.00", "0.00"}},
		{"to 万元 exact", "元", "万元", "150000", "100000", "50000", Amounts{"15.00", "10.00", "5.00"}},
		// 0.6173 + 0.6172 = 1.2345: parts round to 0.62 + 0.62 = 1.24, total to 1.23;
		// the part rounded up the most (other, 0.6172) gives way.
		{"parts agree with total", "元", "万元", "12345.00", "6173.00", "6172.00", Amounts{"1.23", "0.62", "0.61"}},
		// 0.4 + 0.4 = 0.8 (in 0.01 万元 steps): both parts round down, the total up.
		{"raise the part rounded down most", "元", "万元", "80.00", "40.00", "40.00", Amounts{"0.01", "0.01", "0.00"}},
		{"万元 input to 万元", "万元", "万元", "1.5", "1", "0.5", Amounts{"1.50", "1.00", "0.50"}},
		{"unknown unit printed as written", "千元", "", "1.5", "1", "0.5", Amounts{"1.50", "1.00", "0.50"}},
		{"largest amount to 万元", "元", "万元", "999999999999.99", "999999999999.99", "0", Amounts{"100000000.00", "100000000.00", "0.00"}},
		{"largest 万元 amount to 万元", "万元", "万元", "999999999999.99", "999999999999.99", "0", Amounts{"999999999999.99", "999999999999.99", "0.00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := &Template{spec: spec{Money: moneySpec{Unit: c.to}}}
			p := &budget.Project{Budget: dec(c.budget), Fiscal: dec(c.fiscal)}
			if c.other != "" {
				p.Other = dec(c.other)
			}
			f := &budget.Filing{Department: budget.Department{MoneyUnit: budget.MoneyUnit(c.from)}}
			if got, err := tpl.amounts(f, p); got != c.want || err != nil {
				t.Errorf("got %+v, %v; want %+v", got, err, c.want)
			}
		})
	}
}

// TestAmountsUnknownUnit: a form that converts refuses a unit it cannot
// convert from, rather than reading 千元 as 元.
func TestAmountsUnknownUnit(t *testing.T) {
	tpl := &Template{spec: spec{Money: moneySpec{Unit: "万元"}}}
	f := &budget.Filing{Department: budget.Department{MoneyUnit: "千元"}}
	p := &budget.Project{Budget: dec("12345678.90"), Fiscal: dec("12345678.90")}
	if got, err := tpl.amounts(f, p); err == nil {
		t.Errorf("got %+v, want an error", got)
	}
}
