package templates

import (
	"fmt"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// Starter writes a commented filing for this form with a placeholder in
// every field the form prints, for `jixiao new`.
func (t *Template) Starter(year int) string {
	tx := t.spec.Taxonomy
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n", t.Description)
	w("# 填写说明：把每个“%s”换成实际内容；金额写数字，最多两位小数；运行 jixiao check 本文件 检查。\n\n", budget.Placeholder)
	w("template = %q\n", t.ID())
	w("year = %d               # 预算年度\n", year)
	unit := "元"
	if len(tx.MoneyUnits) > 0 {
		unit = tx.MoneyUnits[0]
	}
	w("\n[department]\ncode = %q               # 单位编码\nname = %q               # 单位名称\nshort_name = %q         # 单位简称\nmoney_unit = %q\n",
		budget.Placeholder, budget.Placeholder, budget.Placeholder, unit)
	for _, n := range tx.Needs {
		if key, ok := strings.CutPrefix(n, "department."); ok {
			w("%s = %q\n", key, budget.Placeholder)
		}
	}
	for _, s := range tx.Sections {
		w("\n[[overall]]\ntitle = %q\nsubtitle = %q\ntext = %q\n", s, budget.Placeholder, budget.Placeholder)
	}
	w("\n[[projects]]\ncode = %q               # 项目编码\nname = %q               # 项目名称\n", budget.Placeholder, budget.Placeholder)
	for _, n := range tx.Needs {
		if key, ok := strings.CutPrefix(n, "projects."); ok {
			w("%s = %q\n", key, budget.Placeholder)
		}
	}
	w("budget = 0                  # 预算数（%s）\nfiscal = 0                  # 其中：财政资金\n# other = 0                # 其他资金：不填则表中留空\n", unit)
	skip := map[string]bool{}
	for _, k := range t.unprinted() {
		skip[k] = true
	}
	if !skip["projects.purpose"] {
		w("purpose = %q            # 资金用途\n", budget.Placeholder)
	}
	if n := len(tx.Checkpoints); n > 0 {
		zeros := strings.TrimSuffix(strings.Repeat("0, ", n), ", ")
		w("spending_plan = [%s]    # 累计支出进度（%%）：%s\n", zeros, strings.Join(tx.Checkpoints, "、"))
	}
	w("goals = [%q]\n", budget.Placeholder)
	for _, c := range tx.Categories {
		sub := ""
		if len(c.Subs) > 0 {
			sub = c.Subs[0]
		}
		w("\n  [[projects.indicators]]\n  level1 = %q\n  level2 = %q         # 可选：%s\n  name = %q\n",
			c.Name, sub, strings.Join(c.Subs, "、"), budget.Placeholder)
		if !skip["projects.indicators.description"] {
			w("  description = %q\n", budget.Placeholder)
		}
		w("  value = %q            # 如 ≥95%%、≤10天、达标\n", budget.Placeholder)
		if !skip["projects.indicators.basis"] {
			w("  basis = \"\"                # 指标值确定依据（可空）\n")
		}
	}
	return b.String()
}
