package templates

import "github.com/jixiao-dev/jixiao/render/check"

// Profile is what the validator needs to know about this form: the
// indicator taxonomy it accepts, its spending-plan checkpoints, money units,
// required part-one sections and the optional fields it prints.
func (t *Template) Profile() *check.Profile {
	tx := t.spec.Taxonomy
	p := &check.Profile{Template: t.ID(), Required: tx.Required, Recommended: tx.Recommended,
		Checkpoints: tx.Checkpoints, MoneyUnits: tx.MoneyUnits, Needs: tx.Needs, Sections: tx.Sections}
	for _, c := range tx.Categories {
		p.Categories = append(p.Categories, check.Category{Name: c.Name, Subs: c.Subs, Satisfaction: c.Satisfaction})
	}
	return p
}
