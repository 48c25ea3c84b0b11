package templates

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// funcs are the functions template expressions may call; templates/
// README.md documents each.
func funcs(t *Template) template.FuncMap {
	return template.FuncMap{
		"cn": chineseNumber,
		"amounts": func(f *budget.Filing, p *budget.Project) (Amounts, error) {
			if t == nil || f == nil || p == nil {
				return Amounts{}, nil
			}
			return t.amounts(f, p)
		},
		"plan":     planValue,
		"numbered": numbered,
		"join":     func(sep string, items []string) string { return strings.Join(items, sep) },
		"checkpoint": func(i int) string {
			if t == nil || i < 0 || i >= len(t.spec.Taxonomy.Checkpoints) {
				return ""
			}
			return t.spec.Taxonomy.Checkpoints[i]
		},
	}
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

// numberedAlready reports whether a goal starts with a number of its own:
// after blanks, digits or 一…十, then 、 . or ．.
func numberedAlready(goal string) bool {
	s := strings.TrimLeft(goal, " \t\n\f\r")
	rest := strings.TrimLeft(s, "0123456789")
	if rest == s {
		rest = strings.TrimLeft(s, "一二三四五六七八九十")
	}
	return len(rest) < len(s) && (strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．"))
}

// numbered puts each goal on its own line prefixed "1、", "2、"…, keeping a
// number the user already wrote.
func numbered(goals []string) string {
	lines := make([]string, len(goals))
	for i, g := range goals {
		if numberedAlready(g) {
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
