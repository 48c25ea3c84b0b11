package templates

import (
	"fmt"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// Amounts are a project's three money cells as the form prints them.
type Amounts struct {
	Budget, Fiscal, Other string
}

// amounts converts a project's budget, fiscal and other funds from the
// filing's unit to the form's, with the form's decimals.
//
// Rounding: each value is rounded half away from zero. When the rounded
// parts (fiscal + other) would not add up to the rounded total, the part
// whose rounding moved it furthest is corrected by one step (largest
// remainder), so the printed parts always agree with the printed total. An
// omitted amount stays blank; conversion is exact integer arithmetic.
//
// A form without a unit of its own prints the amounts in the filing's
// unit. A form with one refuses a filing unit it cannot convert from (the
// validator reports it as M7 before a filing gets here).
func (t *Template) amounts(f *budget.Filing, p *budget.Project) (Amounts, error) {
	from, to := f.Department.MoneyUnit.Fen(), budget.MoneyUnit(t.spec.Money.Unit).Fen()
	switch {
	case t.spec.Money.Unit == "":
		from, to = 100, 100
	case from == 0:
		return Amounts{}, fmt.Errorf("money unit %q cannot be converted to %s", f.Department.MoneyUnit, t.spec.Money.Unit)
	}
	decimals := t.spec.Money.Decimals
	if decimals <= 0 {
		decimals = 2
	}
	// Work in units of 10^-decimals of the target unit, from values in
	// hundredths of the source unit: value = h * from * 10^decimals /
	// (100 * to), the fraction reduced so that the product stays in range
	// (10^14 hundredths of 万元 printed in 元 with two decimals is 10^18).
	mul, den := from, 100*to
	for range decimals {
		mul *= 10
	}
	g := gcd(mul, den)
	mul, den = mul/g, den/g
	overflow := false
	conv := func(d budget.Decimal) (rounded, remainder int64) {
		num := d.Hundredths * mul
		if d.Hundredths != 0 && num/d.Hundredths != mul {
			overflow = true
		}
		q, r := num/den, num%den
		if 2*r >= den {
			return q + 1, r - den
		}
		return q, r
	}
	total, _ := conv(p.Budget)
	fiscal, rf := conv(p.Fiscal)
	other, ro := conv(p.Other)
	if p.Fiscal.Set && p.Other.Set && p.Budget.Hundredths == p.Fiscal.Hundredths+p.Other.Hundredths {
		// A remainder is how far the exact value lay above its rounded
		// one: to raise a part, take the one rounded down the most; to
		// lower one, the one rounded up the most.
		switch diff := total - fiscal - other; {
		case diff > 0 && rf >= ro, diff < 0 && rf <= ro:
			fiscal += diff
		case diff != 0:
			other += diff
		}
	}
	if overflow {
		return Amounts{}, fmt.Errorf("an amount is too large to convert to %s with %d decimals", t.spec.Money.Unit, decimals)
	}
	format := func(d budget.Decimal, v int64) string {
		if !d.Set {
			return ""
		}
		return budget.FormatFixed(v, decimals)
	}
	return Amounts{Budget: format(p.Budget, total), Fiscal: format(p.Fiscal, fiscal), Other: format(p.Other, other)}, nil
}

// gcd is the greatest common divisor of two positive numbers.
func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
