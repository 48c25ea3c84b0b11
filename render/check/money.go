package check

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Money rules (validation.md §1). Amounts are exact hundredths; sums are
// compared exactly.

// money checks a project's amounts: M1–M6 and M8.
func (c *checker) money(path string, pr *budget.Project) {
	ok := c.amount(path+".budget", diag.Term("budget"), pr.Budget, true)
	ok = c.amount(path+".fiscal", diag.Term("fiscal funds"), pr.Fiscal, true) && ok
	ok = c.amount(path+".other", diag.Term("other funds"), pr.Other, false) && ok
	if !ok {
		return
	}
	total, fiscal, other := pr.Budget.Hundredths, pr.Fiscal.Hundredths, pr.Other.Hundredths
	if total != fiscal+other {
		c.report(diag.Error, "M1", path+".budget",
			diag.T("budget %s must equal fiscal funds %s plus other funds %s (difference %s)",
				c.amountText(total), c.amountText(fiscal), c.amountText(other), c.amountText(total-fiscal-other)),
			diag.T("correct the amounts so that budget = fiscal funds + other funds; omitted other funds count as 0"))
	}
	if total == 0 {
		c.report(diag.Warning, "M4", path+".budget", diag.T("the project budget is 0"),
			diag.T("check whether this project needs performance targets"))
	}
	c.tooSmall(path+".budget", total)
	if fiscal == 0 && other > 0 {
		c.report(diag.Warning, "M5", path+".fiscal", diag.T("fiscal funds are 0 and other funds %s", c.amountText(other)),
			diag.T("check the source of the funds"))
	}
}

// amount reports an amount that is missing (if required) or malformed, and
// reports whether it can be computed with.
func (c *checker) amount(path string, label diag.Term, d budget.Decimal, required bool) bool {
	switch {
	case !d.Set && required:
		c.absent(diag.Error, "M8", path, label)
		return false
	case !d.Set || d.Err == nil:
		return true
	case errors.Is(d.Err, budget.ErrDecimalNegative):
		c.report(diag.Error, "M2", path, diag.T("%s must not be negative: %s", label, d.Raw),
			diag.T("enter the amount without a minus sign"))
	case errors.Is(d.Err, budget.ErrDecimalPlaces):
		c.report(diag.Error, "M3", path, diag.T("%s has more than two decimal places: %s", label, d.Raw),
			diag.T("round the amount to two decimal places"))
	case errors.Is(d.Err, budget.ErrDecimalRange):
		c.report(diag.Error, "M6", path, diag.T("%s is out of range: %s", label, d.Raw),
			diag.T("amounts may not exceed 999999999999.99; check the digits and the money unit"))
	default:
		hint := diag.T("write digits with an optional decimal point, e.g. 100000.00")
		if strings.ContainsAny(d.Raw, ",，") {
			hint = diag.T("remove the thousands separators: write 100000.00, not 100,000.00")
		}
		c.report(diag.Error, "M3", path, diag.T("%s is not a number: %q", label, d.Raw), hint)
	}
	return false
}

// amountText prints an amount as the report does, with the filing's unit.
func (c *checker) amountText(hundredths int64) string {
	unit := string(c.f.Department.MoneyUnit)
	if !slices.Contains(c.form.MoneyUnits, unit) {
		unit = ""
	}
	return budget.FormatFixed(hundredths, 2) + unit
}

// moneyUnit checks department.money_unit against the form: M7. A form
// that converts the amounts to a unit of its own cannot print them from a
// unit it does not accept, so there the finding is an error; a form that
// prints the amounts as written only warns.
func (c *checker) moneyUnit() {
	unit := string(c.f.Department.MoneyUnit)
	if len(c.form.MoneyUnits) == 0 || slices.Contains(c.form.MoneyUnits, unit) {
		return
	}
	sev := diag.Warning
	if c.form.MoneyUnit != "" {
		sev = diag.Error
	}
	allowed := diag.Whole(strings.Join(c.form.MoneyUnits, " / "))
	hint := diag.T("set money_unit under [department] to one of them")
	if c.form.MoneyUnit != "" {
		hint = diag.T("set money_unit under [department] to one of them: the form prints amounts in %s and converts them from that unit", c.form.MoneyUnit)
	}
	if blank(unit) {
		c.report(sev, "M7", "department.money_unit", diag.T("the money unit is not given; this form accepts %s", allowed), hint)
		return
	}
	c.report(sev, "M7", "department.money_unit", diag.T("money unit %q is not one this form accepts (%s)", unit, allowed), hint)
}

// Plausible amounts (M9): a project budget below minYuan 元, or below
// smallYuan 元 while the filing's other projects have a median of at least
// typicalYuan 元, is most likely written in the wrong unit (42 meant as 42
// 万元 on a form in 元).
const (
	minYuan     = 100
	smallYuan   = 1000
	typicalYuan = 10000
)

// tooSmall warns about a project budget (in hundredths of the filing's
// unit) that is implausibly small for its unit.
func (c *checker) tooSmall(path string, total int64) {
	perUnit := cmp.Or(c.f.Department.MoneyUnit.Fen(), 100) // an unknown unit (M7) counts as 元
	fen := func(h int64) int64 { return h * perUnit / 100 }
	if total <= 0 || fen(total) >= smallYuan*100 {
		return
	}
	if c.medianBudget < 0 { // once per filing: the median of the budgets given
		var all []int64
		for _, p := range c.f.Projects {
			if p.Budget.Err == nil && p.Budget.Hundredths > 0 {
				all = append(all, p.Budget.Hundredths)
			}
		}
		slices.Sort(all)
		c.medianBudget = 0
		if len(all) > 0 {
			c.medianBudget = all[len(all)/2]
		}
	}
	typical := fen(c.medianBudget) >= typicalYuan*100
	if fen(total) >= minYuan*100 && !typical {
		return
	}
	amount := c.amountText(total)
	if perUnit == 100 { // 元: 42 probably meant 42 万元
		c.report(diag.Warning, "M9", path, diag.T("the budget %s is very small for a project", amount),
			diag.T("the amounts are in %s (money_unit); if they are in 万元, set money_unit = \"万元\" or write them in 元 (%s)",
				"元", budget.FormatFixed(total*10000, 2)))
		return
	}
	c.report(diag.Warning, "M9", path, diag.T("the budget %s is very small for a project", amount),
		diag.T("check the amount and the money unit (money_unit)"))
}
