// Package diff compares two versions of a filing, the one before a budget
// round and the one after, and lists what changed by project and field:
// amounts with their difference (both in one unit when the filings' units
// differ), spending-plan values, indicators added, removed or changed, and
// texts with a short inline diff. Projects are matched by 项目编码, so a
// renamed project is a rename, not a removal and an addition. It writes the
// changes as text in Chinese or English, and as the change table
// (调整对照表) a finance bureau asks for, an XLSX workbook.
package diff

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// Kind is what happened to a field, an indicator or a project.
type Kind int

// The kinds of change.
const (
	Changed Kind = iota
	Added
	Removed
	Renamed // a project's name, the project matched by its code
)

// Change is one difference between the filings.
type Change struct {
	// Code and Name are the project's 项目编码 and (new, else old) name;
	// both are "" for the department's fields and part one.
	Code, Name string
	Kind       Kind
	// Field is the catalog term of the field ("budget", "indicator value",
	// …), or "" for a whole project added or removed.
	Field string
	// Item says which one of a list: an indicator's three names, a
	// section's title or a checkpoint; Index a goal's or value's number
	// (from 1) where there is no name.
	Item  string
	Index int
	// Old and New are the values as printed (amounts in Report.Unit, with
	// two decimals); "" where there is none.
	Old, New string
	// Delta is New − Old, signed, for amounts and plan values whose both
	// values are numbers; Amount tells that Old, New and Delta are
	// amounts of money.
	Delta  string
	Amount bool
	// Inline is, for a changed text, the changed part in its context:
	// deleted text in [-…-], inserted text in {+…+}.
	Inline string
}

// Report is the comparison of two filings.
type Report struct {
	OldFile, NewFile string
	// OldUnit and NewUnit are the filings' money units; Unit the one
	// amounts are shown in: the filings' unit, or 元 when they differ.
	// Converted is false when the units differ and one of them is not a
	// unit the tool knows: then amounts are shown as written, each with
	// its unit, and no difference is computed.
	OldUnit, NewUnit, Unit string
	Converted              bool
	Changes                []Change
	// OldTotal and NewTotal are the sums of the projects' budgets in Unit,
	// TotalDelta their difference ("" when an amount is not a valid number
	// or cannot be converted, or the sum is beyond counting).
	OldTotal, NewTotal, TotalDelta string
}

// Equal reports whether the filings hold the same data.
func (r *Report) Equal() bool { return len(r.Changes) == 0 }

// Options adjust a comparison.
type Options struct {
	// Checkpoints names the spending plan's values (3月底, 6月底, …), as
	// the form prints them; without them the values are numbered.
	Checkpoints []string
}

// unitOf is a filing's money unit, 元 when it names none (as the forms
// read it).
func unitOf(f *budget.Filing) string {
	return cmp.Or(strings.TrimSpace(string(f.Department.MoneyUnit)), string(budget.Yuan))
}

// Compare lists the changes from before to after.
func Compare(before, after *budget.Filing, opt Options) *Report {
	r := &Report{OldFile: before.File, NewFile: after.File, OldUnit: unitOf(before), NewUnit: unitOf(after)}
	r.Unit, r.Converted = r.NewUnit, true
	if r.OldUnit != r.NewUnit {
		r.Unit = string(budget.Yuan)
		r.Converted = budget.MoneyUnit(r.OldUnit).Fen() > 0 && budget.MoneyUnit(r.NewUnit).Fen() > 0
		r.Changes = append(r.Changes, Change{Field: "money unit", Old: r.OldUnit, New: r.NewUnit})
	}
	c := comparer{r: r, opt: opt}
	c.department(before, after)
	c.sections(before.Overall, after.Overall)
	c.projects(before.Projects, after.Projects)
	o, okO := c.total(before)
	n, okN := c.total(after)
	if okO && okN {
		r.OldTotal, r.NewTotal, r.TotalDelta = budget.FormatFixed(o, 2), budget.FormatFixed(n, 2), signed(n-o)
	}
	return r
}

// comparer collects the changes of one comparison.
type comparer struct {
	r   *Report
	opt Options
	// code and name of the project being compared
	code, name string
}

func (c *comparer) add(ch Change) {
	ch.Code, ch.Name = c.code, c.name
	c.r.Changes = append(c.r.Changes, ch)
}

// text records a changed text field, with its inline diff.
func (c *comparer) text(field, item string, index int, old, new string) {
	if old == new {
		return
	}
	ch := Change{Kind: Changed, Field: field, Item: item, Index: index, Old: old, New: new}
	switch {
	case old == "":
		ch.Kind = Added
	case new == "":
		ch.Kind = Removed
	default:
		ch.Inline = Inline(old, new)
	}
	c.add(ch)
}

func (c *comparer) department(old, new *budget.Filing) {
	year := func(f *budget.Filing) string {
		if f.Year == 0 {
			return ""
		}
		return fmt.Sprint(f.Year)
	}
	o, n := old.Department, new.Department
	for _, f := range []struct{ term, old, new string }{
		{"template", old.Template, new.Template},
		{"year", year(old), year(new)},
		{"date", old.Date, new.Date},
		{"department code", o.Code, n.Code},
		{"department name", o.Name, n.Name},
		{"short name", o.ShortName, n.ShortName},
		{"supervisor", o.Supervisor, n.Supervisor},
		{"supervisor code", o.SupervisorCode, n.SupervisorCode},
		{"filler", o.Filler, n.Filler},
	} {
		c.text(f.term, "", 0, f.old, f.new)
	}
}

// sections compares part one's sections, matched by title.
func (c *comparer) sections(old, new []budget.Section) {
	key := func(s budget.Section) string { return s.Title }
	for _, p := range match(old, new, key) {
		switch {
		case p.old == nil:
			c.text("section text", p.new.Title, 0, "", p.new.Text)
		case p.new == nil:
			c.text("section text", p.old.Title, 0, p.old.Text, "")
		default:
			c.text("section subtitle", p.new.Title, 0, p.old.Subtitle, p.new.Subtitle)
			c.text("section text", p.new.Title, 0, p.old.Text, p.new.Text)
		}
	}
}

// pair is an old and a new element matched by their key; one is nil when
// the element was added or removed.
type pair[T any] struct{ old, new *T }

// match pairs the elements of old and new with equal keys, in order (the
// first old one with a key goes with the first new one with it): the new
// elements in their order, each with its old one or nil, then the old
// elements left over.
func match[T any](old, new []T, key func(T) string) []pair[T] {
	byKey := map[string][]int{}
	for i, e := range old {
		k := key(e)
		byKey[k] = append(byKey[k], i)
	}
	used := make([]bool, len(old))
	var out []pair[T]
	for i := range new {
		p := pair[T]{new: &new[i]}
		k := key(new[i])
		if q := byKey[k]; len(q) > 0 {
			p.old = &old[q[0]]
			used[q[0]] = true
			byKey[k] = q[1:]
		}
		out = append(out, p)
	}
	for i := range old {
		if !used[i] {
			out = append(out, pair[T]{old: &old[i]})
		}
	}
	return out
}

// projectKey matches projects by their code, by name those without one.
func projectKey(p budget.Project) string {
	if code := strings.TrimSpace(p.Code); code != "" {
		return "code:" + code
	}
	return "name:" + strings.TrimSpace(p.Name)
}

func (c *comparer) projects(old, new []budget.Project) {
	for _, p := range match(old, new, projectKey) {
		switch {
		case p.old == nil:
			c.code, c.name = p.new.Code, p.new.Name
			c.add(Change{Kind: Added, New: c.amount(p.new.Budget, c.r.NewUnit), Amount: true})
		case p.new == nil:
			c.code, c.name = p.old.Code, p.old.Name
			c.add(Change{Kind: Removed, Old: c.amount(p.old.Budget, c.r.OldUnit), Amount: true})
		default:
			c.project(p.old, p.new)
		}
	}
	c.code, c.name = "", ""
}

func (c *comparer) project(old, new *budget.Project) {
	c.code, c.name = new.Code, new.Name
	if old.Name != new.Name {
		c.add(Change{Kind: Renamed, Field: "project name", Old: old.Name, New: new.Name})
	}
	c.money("budget", old.Budget, new.Budget)
	c.money("fiscal funds", old.Fiscal, new.Fiscal)
	c.money("other funds", old.Other, new.Other)
	c.text("purpose", "", 0, old.Purpose, new.Purpose)
	c.text("implementer", "", 0, old.Implementer, new.Implementer)
	c.text("project kind", "", 0, old.Kind, new.Kind)
	c.text("project period", "", 0, old.Period, new.Period)
	c.plan(old.SpendingPlan, new.SpendingPlan)
	c.goals(old.Goals, new.Goals)
	c.indicators(old.Indicators, new.Indicators)
}

// amount prints an amount of a filing in unit u in the report's unit; an
// amount that is not a valid number, or cannot be converted, as written
// (with its unit when the report's unit differs).
func (c *comparer) amount(d budget.Decimal, u string) string {
	if !d.Set {
		return ""
	}
	if h, ok := c.hundredths(d, u); ok {
		return budget.FormatFixed(h, 2)
	}
	if u != c.r.Unit {
		return d.Raw + " " + u
	}
	return d.Raw
}

// hundredths is an amount in hundredths of the report's unit, when it is a
// valid number that can be converted.
func (c *comparer) hundredths(d budget.Decimal, u string) (int64, bool) {
	if !d.Set || d.Err != nil {
		return 0, false
	}
	if u == c.r.Unit {
		return d.Hundredths, true
	}
	if !c.r.Converted {
		return 0, false
	}
	// Into the smaller unit, so the factor is whole: 999999999999.99万元
	// is 999999999999990000 hundredths of 元, within int64.
	return d.Hundredths * (budget.MoneyUnit(u).Fen() / budget.MoneyUnit(c.r.Unit).Fen()), true
}

func (c *comparer) money(field string, old, new budget.Decimal) {
	o, n := c.amount(old, c.r.OldUnit), c.amount(new, c.r.NewUnit)
	if o == n {
		return
	}
	ch := Change{Kind: Changed, Field: field, Old: o, New: n, Amount: true}
	ho, okO := c.hundredths(old, c.r.OldUnit)
	hn, okN := c.hundredths(new, c.r.NewUnit)
	switch {
	case !old.Set:
		ch.Kind = Added
	case !new.Set:
		ch.Kind = Removed
	case okO && okN:
		ch.Delta = signed(hn - ho)
	}
	c.add(ch)
}

// signed prints hundredths with two decimals and a sign.
func signed(h int64) string {
	s := budget.FormatFixed(h, 2)
	if h >= 0 {
		s = "+" + s
	}
	return s
}

// percent prints a plan value without trailing zeros: 50, 62.5.
func percent(d budget.Decimal) string {
	if d.Err != nil {
		return d.Raw
	}
	s := budget.FormatFixed(d.Hundredths, 2)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

func (c *comparer) plan(old, new []budget.Decimal) {
	for i := range max(len(old), len(new)) {
		ch := Change{Kind: Changed, Field: "the spending plan", Index: i + 1}
		if i < len(c.opt.Checkpoints) {
			ch.Item = c.opt.Checkpoints[i]
		}
		switch {
		case i >= len(old):
			ch.Kind, ch.New = Added, percent(new[i])
		case i >= len(new):
			ch.Kind, ch.Old = Removed, percent(old[i])
		default:
			ch.Old, ch.New = percent(old[i]), percent(new[i])
			if ch.Old == ch.New {
				continue
			}
			if old[i].Err == nil && new[i].Err == nil {
				ch.Delta = strings.TrimSuffix(strings.TrimRight(signed(new[i].Hundredths-old[i].Hundredths), "0"), ".")
			}
		}
		c.add(ch)
	}
}

// goals compares the goal lists, aligned so that a goal inserted or
// removed in the middle does not shift the ones after it; goals removed
// where others were added count, pair by pair, as changed goals.
func (c *comparer) goals(old, new []string) {
	var removed, added []int
	flush := func() {
		for k := range max(len(removed), len(added)) {
			switch {
			case k >= len(added):
				c.text("performance goal", "", removed[k]+1, old[removed[k]], "")
			case k >= len(removed):
				c.text("performance goal", "", added[k]+1, "", new[added[k]])
			default:
				c.text("performance goal", "", added[k]+1, old[removed[k]], new[added[k]])
			}
		}
		removed, added = removed[:0], added[:0]
	}
	for _, e := range align(old, new) {
		switch {
		case e.old < 0:
			added = append(added, e.new)
		case e.new < 0:
			removed = append(removed, e.old)
		default:
			flush()
		}
	}
	flush()
}

// indicatorKey matches indicators by their three names.
func indicatorKey(in budget.Indicator) string {
	return in.Level1 + "/" + in.Level2 + "/" + in.Name
}

func (c *comparer) indicators(old, new []budget.Indicator) {
	for _, p := range match(old, new, indicatorKey) {
		switch {
		case p.old == nil:
			c.add(Change{Kind: Added, Field: "indicator", Item: indicatorKey(*p.new), New: p.new.Value})
		case p.new == nil:
			c.add(Change{Kind: Removed, Field: "indicator", Item: indicatorKey(*p.old), Old: p.old.Value})
		default:
			item := indicatorKey(*p.new)
			c.text("indicator description", item, 0, p.old.Description, p.new.Description)
			c.text("indicator value", item, 0, p.old.Value, p.new.Value)
			c.text("value basis", item, 0, p.old.Basis, p.new.Basis)
		}
	}
}

// total is the sum of a filing's project budgets in hundredths of the
// report's unit; false when an amount is not a valid number, cannot be
// converted, or the sum passes int64 (some 92,000 trillion 元: dozens of the
// largest amounts in 万元), where no total is printed rather than a wrong
// one.
func (c *comparer) total(f *budget.Filing) (int64, bool) {
	var sum int64
	for _, p := range f.Projects {
		h, ok := c.hundredths(p.Budget, unitOf(f))
		if !ok && p.Budget.Set || h > math.MaxInt64-sum {
			return 0, false
		}
		sum += h
	}
	return sum, true
}
