package templates

import (
	"strings"

	"github.com/jixiao-dev/jixiao/render/check"
)

// Profile is what the validator needs to know about this form: the
// indicator taxonomy it accepts, its spending-plan checkpoints, money units,
// required part-one sections, the optional fields it prints and the fields
// it leaves out.
func (t *Template) Profile() *check.Profile {
	tx := t.spec.Taxonomy
	p := &check.Profile{Template: t.ID(), Required: tx.Required, Recommended: tx.Recommended,
		Checkpoints: tx.Checkpoints, MoneyUnits: tx.MoneyUnits, MoneyUnit: t.spec.Money.Unit, Needs: tx.Needs, Sections: tx.Sections,
		Unprinted: t.unprinted()}
	for _, c := range tx.Categories {
		p.Categories = append(p.Categories, check.Category{Name: c.Name, Aliases: c.Aliases, Subs: c.Subs, Satisfaction: c.Satisfaction})
	}
	return p
}

// optionalFields are the fields a form may leave out, with the expression
// that prints them.
var optionalFields = map[string]string{
	"projects.purpose":                ".Item.Purpose",
	"projects.indicators.description": ".Row.Description",
	"projects.indicators.basis":       ".Row.Basis",
}

// unprinted lists the optional fields no expression of the template uses.
func (t *Template) unprinted() []string {
	var out []string
	for _, key := range sortedKeys(optionalFields) {
		used := false
		for text := range t.exprs {
			used = used || strings.Contains(text, optionalFields[key])
		}
		if !used {
			out = append(out, key)
		}
	}
	return out
}
