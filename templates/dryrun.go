package templates

import (
	"errors"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// dryRun binds a small filing that has one of everything, so that an
// expression naming a field that does not exist is reported when the
// template loads, not when a user's filing is rendered.
func (c *compiler) dryRun() {
	one := budget.Decimal{Hundredths: 100, Set: true, Raw: "1"}
	f := &budget.Filing{Template: c.t.Name, Year: 2024,
		Department: budget.Department{Code: "000000", Name: "单位", ShortName: "单位", MoneyUnit: "元"},
		Overall:    []budget.Section{{Title: "标题", Subtitle: "副标题", Text: "正文"}},
		Projects: []budget.Project{{Code: "000-0000-AAA-0000", Name: "项目", Budget: one, Fiscal: one,
			Purpose: "用途", SpendingPlan: []budget.Decimal{one, one, one, one}, Goals: []string{"目标"},
			Indicators: []budget.Indicator{{Level1: "一级", Level2: "二级", Name: "三级", Value: "1"}}}},
		Positions: budget.Positions{}}
	if _, err := c.t.Bind(f); err != nil {
		var notes diag.List
		if errors.As(err, &notes) {
			c.notes = append(c.notes, notes...)
		}
	}
}
