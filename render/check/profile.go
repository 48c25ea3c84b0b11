package check

import (
	"slices"
	"strings"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// form is a Profile indexed for the rules.
type form struct {
	*Profile
	level1  []string             // accepted 一级 names, in canonical order
	level2  []string             // accepted 二级 names, each once
	byName  map[string]*Category // 一级 name → its category
	parents map[string][]string  // 二级 name → the 一级 names it is under
	aliases map[string]string    // name a user may write → the accepted name
}

func newForm(p *Profile) *form {
	fm := &form{Profile: p, byName: map[string]*Category{}, parents: map[string][]string{}, aliases: map[string]string{}}
	for i := range p.Categories {
		cat := &p.Categories[i]
		fm.level1 = append(fm.level1, cat.Name)
		fm.byName[cat.Name] = cat
		for _, a := range cat.Aliases {
			fm.aliases[a] = cat.Name
		}
		for _, s := range cat.Subs {
			if len(fm.parents[s]) == 0 {
				fm.level2 = append(fm.level2, s)
			}
			fm.parents[s] = append(fm.parents[s], cat.Name)
		}
	}
	return fm
}

// synonyms are names of the same category in different frameworks
// (indicators.md §2, national-form.md §3): whichever one the form accepts is
// suggested for the others.
var synonyms = [][]string{
	{"效益指标", "效果指标"},
	{"生态效益指标", "环境效益指标"},
}

// suggest returns the name in accepted that bad most likely means, or "":
// the same name without blanks, an alias or synonym, the name with the
// 指标 suffix added, or a near spelling.
func (fm *form) suggest(bad string, accepted []string) string {
	compact := strings.Join(strings.FieldsFunc(bad, unicode.IsSpace), "")
	if slices.Contains(accepted, compact) {
		return compact
	}
	if a, ok := fm.aliases[compact]; ok && slices.Contains(accepted, a) {
		return a
	}
	for _, group := range synonyms {
		if slices.Contains(group, compact) {
			for _, s := range group {
				if slices.Contains(accepted, s) {
					return s
				}
			}
		}
	}
	if slices.Contains(accepted, compact+"指标") {
		return compact + "指标"
	}
	return diag.Nearest(compact, accepted)
}
