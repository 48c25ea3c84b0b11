package check

import (
	"errors"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Spending-plan rules (validation.md §2). The plan holds the cumulative
// percentage of the budget spent by each checkpoint of the form.

const hundredPercent = 100 * 100 // in hundredths

// plan checks a project's spending plan: P1–P6, and F7 when the form has no
// plan.
func (c *checker) plan(path string, pr *budget.Project) {
	path += ".spending_plan"
	cps, plan := c.form.Checkpoints, pr.SpendingPlan
	if len(cps) == 0 {
		if len(plan) > 0 {
			c.report(diag.Warning, "F7", path, diag.T("this form does not print %s", diag.Term("the spending plan")),
				diag.T("remove it, or check that the filing names the right template"))
		}
		return
	}
	if len(plan) != len(cps) {
		c.report(diag.Error, "P1", path,
			diag.T("the spending plan needs %d values (%s); it has %d", len(cps), strings.Join(cps, "、"), len(plan)),
			diag.T("give the cumulative percentage spent by each checkpoint, e.g. [25, 60, 90, 100]"))
		return
	}
	valid := true
	for j, v := range plan {
		valid = c.planValue(index(path, j), cps[j], v) && valid
	}
	if !valid {
		return
	}
	for j := 1; j < len(plan); j++ {
		if plan[j].Hundredths < plan[j-1].Hundredths {
			c.report(diag.Error, "P3", index(path, j),
				diag.T("the plan is cumulative: %s (%s) must not be less than %s (%s)",
					cps[j], plan[j].Format(), cps[j-1], plan[j-1].Format()),
				diag.T("give for each checkpoint the total spent since the start of the year"))
		}
	}
	last := len(plan) - 1
	// One finding for a plan that is a placeholder (all 0) or written as
	// fractions (0.15 for 15 %): the year-end rule below would give a
	// hint that does not fit.
	zero := !slices.ContainsFunc(plan, func(v budget.Decimal) bool { return v.Hundredths != 0 })
	fractions := !zero && !slices.ContainsFunc(plan, func(v budget.Decimal) bool { return v.Hundredths > 100 })
	switch {
	case zero:
		c.report(diag.Warning, "P6", path, diag.T("the spending plan is all 0"),
			diag.T("give the cumulative percentage spent by each checkpoint, e.g. [25, 60, 90, 100]"))
		return
	case fractions:
		percents := make([]string, len(plan))
		for j, v := range plan {
			percents[j] = strings.TrimSuffix(strings.TrimRight(budget.FormatFixed(v.Hundredths*100, 2), "0"), ".")
		}
		c.report(diag.Warning, "P7", path,
			diag.T("the spending plan looks like fractions: every value is at most 1"),
			diag.T("the values are percentages: did you mean [%s]?", strings.Join(percents, ", ")))
		return
	}
	if plan[last].Hundredths != hundredPercent {
		c.report(diag.Warning, "P4", index(path, last),
			diag.T("%s cumulative spending is usually 100%%, here %s", cps[last], plan[last].Format()),
			diag.T("less than 100 means funds are carried over; check that this is intended"))
	}
	if last > 0 && !slices.ContainsFunc(plan[:last], func(v budget.Decimal) bool { return v.Hundredths != 0 }) {
		c.report(diag.Warning, "P6", path,
			diag.T("the first %d checkpoints are all 0: spending is bunched at the end of the year", last),
			diag.T("check the timing of the spending"))
	}
}

// planValue checks one percentage: P2 and P5.
func (c *checker) planValue(path, checkpoint string, v budget.Decimal) bool {
	switch {
	case errors.Is(v.Err, budget.ErrDecimalPlaces):
		c.report(diag.Error, "P5", path, diag.T("%s spending has more than two decimal places: %s", checkpoint, v.Raw),
			diag.T("round the percentage to two decimal places"))
	case errors.Is(v.Err, budget.ErrDecimalSyntax):
		c.report(diag.Error, "P2", path, diag.T("%s spending is not a number: %q", checkpoint, v.Raw),
			diag.T("write the percentage as a number without %%, e.g. 25 or 25.5"))
	case v.Err != nil || v.Hundredths > hundredPercent:
		c.report(diag.Error, "P2", path, diag.T("%s spending must be between 0 and 100, here %s", checkpoint, v.Raw),
			diag.T("write the cumulative percentage of the budget spent by this checkpoint"))
	default:
		return true
	}
	return false
}
