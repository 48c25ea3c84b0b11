package templates

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
)

// funcs are the functions template expressions may call; templates/
// README.md documents each. Every call spends a step of the binding's
// budget w, and those returning text spend its bytes (see limits.go).
// (Expressions are parsed with a nil budget, which spends nothing; each
// binding binds the functions to its own.)
func funcs(t *Template, w *work) template.FuncMap {
	spent := func() *work { return w }
	charge := func(s string) (string, error) { return s, spent().spend(len(s)) }
	return metered(template.FuncMap{
		"cn": func(n int) (string, error) { return charge(chineseNumber(n)) },
		"amounts": func(f *budget.Filing, p *budget.Project) (Amounts, error) {
			if err := spent().step(); err != nil || f == nil || p == nil {
				return Amounts{}, err
			}
			return t.amounts(f, p)
		},
		"plan":     func(p *budget.Project, i int) (string, error) { return charge(planValue(p, i)) },
		"numbered": func(goals []string) (string, error) { return charge(numbered(goals)) },
		"join":     func(sep string, items []string) (string, error) { return charge(strings.Join(items, sep)) },
		"checkpoint": func(i int) (string, error) {
			if i < 0 || i >= len(t.spec.Taxonomy.Checkpoints) {
				return "", spent().step()
			}
			return charge(t.spec.Taxonomy.Checkpoints[i])
		},
	}, spent)
}

// chineseNumber writes 1…99 as 一…九十九, for section numbers; other
// numbers stay in digits.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

// planValue is the i-th spending-plan value (0-based) of a project, or ""
// when the plan is shorter.
func planValue(p *budget.Project, i int) string {
	if p == nil || i < 0 || i >= len(p.SpendingPlan) {
		return ""
	}
	return p.SpendingPlan[i].Format()
}

// numbered puts each goal on its own line prefixed "1、", "2、"…, keeping a
// number the user already wrote (check.GoalNumber, which jixiao check's T3
// reads too).
func numbered(goals []string) string {
	lines := make([]string, len(goals))
	for i, g := range goals {
		if check.GoalNumber(g) != "" {
			lines[i] = g
		} else {
			lines[i] = strconv.Itoa(i+1) + "、" + g
		}
	}
	return strings.Join(lines, "\n")
}

var templatePrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^template: [^:]*:(\d+:)?(\d+:)? ?(executing "[^"]*" at )?`)
})

// cleanTemplateError drops text/template's own prefix, keeping the part a
// template author can act on.
func cleanTemplateError(err error) string {
	return templatePrefix().ReplaceAllString(err.Error(), "")
}
