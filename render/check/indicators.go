package check

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Indicator rules (validation.md §3, indicators.md §6).

var (
	level1Label = diag.Term("level-1 indicator")
	level2Label = diag.Term("level-2 indicator")
)

// indicators checks a project's indicator table: I1–I12 and I14.
func (c *checker) indicators(path string, pr *budget.Project) {
	name := projectName(path, pr)
	rows := pr.Indicators
	if len(rows) == 0 {
		c.report(diag.Error, "I1", path, diag.T("project %q has no indicators", name),
			diag.T("add [[projects.indicators]] tables under the project"))
		return
	}
	present := map[string]bool{}
	firstRow := map[string]int{} // 三级 name → the row it first appears in
	var noBasis []int            // rows whose basis is empty, reported once
	for j := range rows {
		in := &rows[j]
		rowPath := index(path+".indicators", j)
		if blank(in.Basis) {
			noBasis = append(noBasis, j+1)
		}
		present[in.Level1] = true
		if c.form.byName[in.Level1] == nil {
			// A misspelt category is reported once, by I2, not again as missing.
			present[c.form.suggest(in.Level1, c.form.level1)] = true
		}
		c.indicator(rowPath, j+1, in)
		if blank(in.Name) {
			continue
		}
		if first, dup := firstRow[in.Name]; dup {
			c.report(diag.Warning, "I9", rowPath+".name",
				diag.T("indicator %q appears twice in this project (rows %d and %d)", in.Name, first, j+1),
				diag.T("merge the rows, or name each indicator differently"))
		} else {
			firstRow[in.Name] = j + 1
		}
	}
	at := path + ".indicators"
	if len(noBasis) > 0 && c.form.printsKey("projects.indicators.basis") {
		c.report(diag.Warning, "I11", index(at, noBasis[0]-1)+".basis",
			diag.T("project %q: %d of %d indicators have no value basis (rows %s)", name, len(noBasis), len(rows), ranges(noBasis)),
			diag.T("fill in basis, e.g. 计划标准：《2024年工作要点》; the report leaves the cell blank"))
	}
	for _, cat := range c.form.Required {
		if !present[cat] {
			c.report(diag.Error, "I3", at, diag.T("project %q lacks %s", name, cat),
				diag.T("add at least one indicator with level1 = %q", cat))
		}
	}
	for _, cat := range c.form.Recommended {
		if present[cat] {
			continue
		}
		code := "I5"
		if c.form.byName[cat] != nil && c.form.byName[cat].Satisfaction {
			code = "I4"
		}
		c.report(diag.Warning, code, at, diag.T("project %q has no %s", name, cat),
			diag.T("consider adding an indicator with level1 = %q", cat))
	}
	if n := len(rows); n < 3 || n > 30 {
		c.report(diag.Warning, "I12", at, diag.T("project %q has %d indicators; check the count", name, n),
			diag.T("most projects have between 3 and 30 indicators"))
	}
}

// indicator checks one row; row is its 1-based number in the project.
func (c *checker) indicator(path string, row int, in *budget.Indicator) {
	cat := c.level1(path+".level1", row, in.Level1)
	c.level2(path+".level2", row, in.Level2, cat)
	nameOK := !c.requiredRow(diag.Error, "I6", path+".name", row, diag.Term("indicator name"), in.Name)
	if !c.requiredRow(diag.Error, "I6", path+".value", row, diag.Term("indicator value"), in.Value) {
		c.value(path+".value", in, cat)
	}
	if c.form.printsKey("projects.indicators.description") {
		c.requiredRow(diag.Warning, "I10", path+".description", row, diag.Term("indicator description"), in.Description)
	}
	if !blank(in.Basis) && !standardBasis(in.Basis) && c.form.printsKey("projects.indicators.basis") {
		c.report(diag.Warning, "I11", path+".basis",
			diag.T("row %d: the basis %q does not name a standard", row, in.Basis),
			diag.T("start it with 计划标准, 行业标准, 历史标准, 预算支出标准 or 其他, e.g. 计划标准：《2024年工作要点》"))
	}
	if nameOK && strings.HasSuffix(strings.TrimSpace(in.Name), "。") {
		c.report(diag.Warning, "I14", path+".name", diag.T("indicator name %q ends with a full stop", in.Name),
			diag.T("an indicator name is a short title; remove the 。"))
	}
}

// requiredRow reports a blank field of indicator row row and reports
// whether it was blank. Errors say the field may not be empty; warnings
// that it is not filled in.
func (c *checker) requiredRow(sev diag.Severity, code, path string, row int, label diag.Term, value string) bool {
	if !blank(value) {
		return false
	}
	hint := diag.T("fill in %s (key %s)", label, budget.SchemaPath(path))
	if sev == diag.Error {
		c.report(sev, code, path, diag.T("row %d: %s is empty", row, label), hint)
	} else {
		c.report(sev, code, path, diag.T("row %d: %s is not filled in", row, label), hint)
	}
	return true
}

// standardBasis reports whether a basis names one of the standards of
// indicators.md §5.
func standardBasis(basis string) bool {
	b := strings.TrimSpace(basis)
	for _, s := range []string{"计划标准", "行业标准", "历史标准", "预算支出标准", "其他"} {
		if strings.HasPrefix(b, s) {
			return true
		}
	}
	return false
}

// level1 checks a row's 一级指标 (I2) and returns its category, or nil.
func (c *checker) level1(path string, row int, name string) *Category {
	if c.requiredRow(diag.Error, "I2", path, row, level1Label, name) {
		return nil
	}
	if cat := c.form.byName[name]; cat != nil {
		return cat
	}
	hint := c.nameHint(name, c.form.level1)
	if parents := c.form.parents[name]; len(parents) > 0 {
		hint = diag.T("on this form %q is a level-2 indicator under %q", name, parents[0])
	}
	c.report(diag.Error, "I2", path, diag.T("%s %q is not on this form", level1Label, name), hint)
	return nil
}

// level2 checks a row's 二级指标 (I2): known to the form, and under the
// row's 一级 when that is known.
func (c *checker) level2(path string, row int, name string, cat *Category) {
	if c.requiredRow(diag.Error, "I2", path, row, level2Label, name) {
		return
	}
	if cat != nil && slices.Contains(cat.Subs, name) {
		return
	}
	if parents := c.form.parents[name]; len(parents) > 0 {
		if cat != nil {
			c.report(diag.Error, "I2", path,
				diag.T("level-2 indicator %q does not belong to level-1 indicator %q", name, cat.Name),
				diag.T("on this form it is under %s", strings.Join(parents, "、")))
		}
		return
	}
	accepted := c.form.level2
	if cat != nil && c.form.suggest(name, cat.Subs) != "" {
		accepted = cat.Subs
	}
	c.report(diag.Error, "I2", path, diag.T("%s %q is not on this form", level2Label, name), c.nameHint(name, accepted))
}

// nameHint suggests the accepted name nearest to name, or lists them all.
func (c *checker) nameHint(name string, accepted []string) diag.Text {
	if s := c.form.suggest(name, accepted); s != "" {
		return diag.T("did you mean %q?", s)
	}
	return diag.T("use one of: %s", strings.Join(accepted, "、"))
}

// value checks a 指标值 against the grammar: I7 and I8.
// isRate reports whether an indicator's name is a rate (完成率, 满意度):
// its target is a percentage.
func isRate(name string) bool {
	name = strings.TrimSpace(name)
	return strings.HasSuffix(name, "率") || strings.HasSuffix(name, "满意度")
}

func (c *checker) value(path string, in *budget.Indicator, cat *Category) {
	iv := parseValue(in.Value)
	satisfaction := cat != nil && cat.Satisfaction
	warn := func(msg, hint diag.Text) { c.report(diag.Warning, "I7", path, msg, hint) }
	switch iv.form {
	case malformed:
		c.report(diag.Error, "I7", path,
			diag.T("indicator value %q is malformed; write e.g. ≥95%%, ≤10天 or a short phrase such as 达标", in.Value),
			diag.T("a value is an optional comparator, a number and a unit, or a few Chinese characters"))
		return
	case noNumber:
		c.report(diag.Error, "I7", path, diag.T("indicator value %q has a comparator but no number", in.Value),
			diag.T("write the number after the comparator, e.g. ≥95%%"))
		return
	case freeForm:
		warn(diag.T("indicator value %q is not in a usual form", in.Value),
			diag.T("usual forms are ≥95%%, ≤10天, 100%% or a short phrase such as 达标; check that the target can be assessed"))
		return
	case qualitative:
		if last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(in.Name)); strings.ContainsRune("率数量", last) {
			warn(diag.T("indicator %q looks quantitative but its value %q has no number", in.Name, in.Value),
				diag.T("give a number as the target, e.g. ≥95%%"))
		}
		return
	case rangeValue:
		warn(diag.T("indicator value %q is a range", in.Value),
			diag.T("a target is usually one value with a comparator, e.g. ≥90%%"))
	case quantitative:
		if iv.negative {
			code := "I7"
			if satisfaction {
				code = "I8"
			}
			c.report(diag.Error, code, path, diag.T("indicator value %q is negative", in.Value),
				diag.T("a target is a number of 0 or more"))
			return
		}
		unit := iv.units[0]
		bare := iv.numbers[0] + strings.ReplaceAll(unit, "％", "%")
		if unit == "" && (satisfaction || isRate(in.Name)) {
			// A bare number on a rate: the target is a per cent. The
			// suggestion is a spelling that passes every check.
			suggest := cmp.Or(iv.usual()[:len(iv.usual())-len(iv.numbers[0])], "≥") + iv.numbers[0] + "%"
			warn(diag.T("indicator %q is a rate, but its value %q has no percent sign", in.Name, in.Value),
				diag.T("write the target as a percentage, e.g. %s", suggest))
			return
		}
		if unit != "" && !knownUnit(unit) {
			warn(diag.T("indicator value %q has the unusual unit %q", in.Value, unit),
				diag.T("check the unit; common ones are 个, 次, 天, 个工作日, 元, 万元 and the percent sign"))
		} else if iv.comparator == "" {
			warn(diag.T("indicator value %q has no comparator (≥, ≤ or ＝)", in.Value),
				diag.T("write ≥%s for a minimum, ≤%s for a maximum or ＝%s for an exact target", bare, bare, bare))
		}
		if usual := iv.usual(); usual != iv.text {
			warn(diag.T("indicator value %q is usually written %q", in.Value, usual),
				diag.T("the report prints the value exactly as written"))
		}
	}
	pct := percent(iv.units[0]) || percent(iv.units[len(iv.units)-1])
	for _, n := range iv.numbers {
		if decimals(n) > 2 {
			warn(diag.T("indicator value %q has more than two decimal places", in.Value),
				diag.T("round the target to two decimal places"))
		}
		x := numberValue(n)
		switch {
		case pct && x > 100 && satisfaction:
			c.report(diag.Error, "I8", path, diag.T("satisfaction target %q must not exceed 100%%", in.Value),
				diag.T("a satisfaction rate is between 0 and 100 percent"))
		case pct && x > 100:
			warn(diag.T("indicator value %q exceeds 100%%", in.Value),
				diag.T("check the target; a rate above 100 percent is unusual"))
		case pct && x < 80 && satisfaction:
			c.report(diag.Warning, "I8", path, diag.T("satisfaction target %q is below 80%%", in.Value),
				diag.T("satisfaction targets are usually 80 percent or more; check the value"))
		}
	}
}

// ranges writes ascending row numbers compactly: 1-3,5.
func ranges(rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", rows[i], rows[j]))
		} else {
			parts = append(parts, strconv.Itoa(rows[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
