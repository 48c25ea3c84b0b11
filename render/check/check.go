// Package check validates a filing against the rules of the specification
// (validation.md, indicators.md) and the form it will be printed on, which
// the template describes as a Profile. Every finding carries its rule code,
// the field path and its position in the file, and a message and a hint
// from the diag catalog. Rules never change the filing: text is reported as
// written and printed as written.
//
// The rules are grouped by family, one file each: money.go (M), plan.go (P),
// indicators.go and value.go (I), identity.go (C and F), text.go (T).
// docs/rules.md lists them all.
package check

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Profile describes the form a filing is printed on. The template engine
// builds it from the template's data; HebeiProfile is an example.
type Profile struct {
	Template    string
	Categories  []Category // 一级指标 in canonical order, each with its 二级 list
	Required    []string   // 一级 names that must be present in every project (I3)
	Recommended []string   // 一级 names whose absence is a warning (I4, I5)
	Checkpoints []string   // spending-plan checkpoint labels (e.g. 3月底 6月底 10月底 12月底); the plan must have exactly len(Checkpoints) values; empty = the form has no spending plan (then a given plan is a warning, not required)
	MoneyUnits  []string   // allowed department.money_unit values
	// MoneyUnit is the unit the form prints amounts in, converting them
	// from the filing's unit; empty when the form prints the amounts as
	// written, in the filing's unit. A form that converts cannot print a
	// filing whose unit is not one of MoneyUnits: that is an error (M7).
	MoneyUnit string
	Needs     []string // optional schema fields the form prints and therefore requires, as paths without indices: e.g. "projects.kind", "projects.period", "department.supervisor" — each missing one is an error
	// Unprinted lists the fields this form does not print, as paths
	// without indices (e.g. "projects.indicators.basis"): they are never
	// required, and layout rules do not apply to them.
	Unprinted []string
	Sections  []string // required overall[] titles in order (T1), e.g. 总体绩效目标 分项绩效目标 工作保障措施; empty = the form has no part one
}

// Category is one 一级指标 of a form.
type Category struct {
	Name         string   // as printed, e.g. 效果指标; the only name accepted
	Aliases      []string // other names users write for it, used only to suggest Name
	Subs         []string // 二级指标 names
	Satisfaction bool     // I8 applies
}

// Filing runs every rule on f for the form p and returns all findings,
// sorted by position.
func Filing(f *budget.Filing, p *Profile) diag.List {
	if f == nil {
		return nil
	}
	if p == nil {
		p = &Profile{}
	}
	c := &checker{f: f, form: newForm(p), medianBudget: -1}
	c.filing()
	c.department()
	c.sections()
	for i := range f.Projects {
		pr := &f.Projects[i]
		path := index("projects", i)
		c.money(path, pr)
		c.plan(path, pr)
		c.projectText(path, pr)
		c.indicators(path, pr)
	}
	c.projectIdentity()
	c.texts()
	c.out = onePerPlaceholder(c.out)
	c.out.Sort()
	return c.out
}

// onePerPlaceholder keeps, of the findings about a field that still holds
// the placeholder of jixiao new (T8), only that one: a fresh starter gave
// 36 findings, several on one placeholder (its format, its duplicates).
func onePerPlaceholder(l diag.List) diag.List {
	held := map[string]bool{}
	for _, d := range l {
		if d.Code == "T8" {
			held[d.Path] = true
		}
	}
	if len(held) == 0 {
		return l
	}
	return slices.DeleteFunc(l, func(d diag.Diagnostic) bool { return d.Code != "T8" && held[d.Path] })
}

// checker collects the findings of one run.
type checker struct {
	f    *budget.Filing
	form *form
	out  diag.List
	// medianBudget is the filing's median project budget in hundredths,
	// for M9; -1 until computed.
	medianBudget int64
}

// report adds a finding about the field at path.
func (c *checker) report(sev diag.Severity, code, path string, msg, hint diag.Text) {
	c.out = append(c.out, diag.Diagnostic{Pos: c.f.At(path), Severity: sev, Code: code, Path: path}.Say(msg, hint))
}

// required reports a required field that is missing or blank and reports
// whether it was.
func (c *checker) required(code, path string, label diag.Term, value string) bool {
	if !blank(value) {
		return false
	}
	c.absent(diag.Error, code, path, label)
	return true
}

// absent reports that the field at path has no value: "missing" if the key
// is not in the file, "empty" if it is.
func (c *checker) absent(sev diag.Severity, code, path string, label diag.Term) {
	hint := diag.T("fill in %s (key %s)", label, budget.SchemaPath(path))
	// An element of a list (goals[2]) has no position of its own: it is
	// written when its list is.
	list, _, isElement := strings.Cut(path[strings.LastIndex(path, ".")+1:], "[")
	_, written := c.f.Positions[path]
	if !written && isElement {
		_, written = c.f.Positions[path[:strings.LastIndex(path, ".")+1]+list]
	}
	if written {
		c.report(sev, code, path, diag.T("%s is empty", label), hint)
	} else {
		c.report(sev, code, path, diag.T("%s is missing", label), hint)
	}
}

// projectName names the project at path in messages: by its name, else
// its code, else its path.
func projectName(path string, pr *budget.Project) string {
	switch {
	case !blank(pr.Name):
		return pr.Name
	case !blank(pr.Code):
		return pr.Code
	}
	return path
}

// index returns the path of element i (0-based) of the list at path, with
// the 1-based index that budget.Positions uses.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i+1) + "]" }

// blank reports whether s is empty or only white space.
func blank(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }
