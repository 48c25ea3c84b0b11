package budget

import (
	"errors"
	"fmt"
	"strings"
)

// EncodeTOML writes f as a filing in the layout of the samples: the
// top-level keys, [department], each [[overall]] and each [[projects]] with
// its [[projects.indicators]]. Parse reads it back to the same values:
// amounts are written as numbers with two decimals (an amount that did not
// parse is written as the text it was, so it fails again the same way),
// texts as strings with every character kept, and empty optional fields and
// unset amounts are left out.
func EncodeTOML(f *Filing) []byte {
	var b strings.Builder
	str := func(key, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s = %s\n", key, quote(v, true))
		}
	}
	num := func(key string, d Decimal) {
		if d.Set {
			fmt.Fprintf(&b, "%s = %s\n", key, decimalTOML(d))
		}
	}
	str("template", f.Template)
	if f.Year != 0 {
		fmt.Fprintf(&b, "year = %d\n", f.Year)
	}
	str("date", f.Date)
	d := f.Department
	b.WriteString("\n[department]\n")
	str("code", d.Code)
	str("name", d.Name)
	str("short_name", d.ShortName)
	str("money_unit", string(d.MoneyUnit))
	str("supervisor", d.Supervisor)
	str("supervisor_code", d.SupervisorCode)
	str("filler", d.Filler)
	for _, s := range f.Overall {
		b.WriteString("\n[[overall]]\n")
		str("title", s.Title)
		str("subtitle", s.Subtitle)
		str("text", s.Text)
	}
	for _, p := range f.Projects {
		b.WriteString("\n[[projects]]\n")
		str("code", p.Code)
		str("name", p.Name)
		str("implementer", p.Implementer)
		str("kind", p.Kind)
		str("period", p.Period)
		num("budget", p.Budget)
		num("fiscal", p.Fiscal)
		num("other", p.Other)
		str("purpose", p.Purpose)
		if p.SpendingPlan != nil {
			vals := make([]string, len(p.SpendingPlan))
			for i, v := range p.SpendingPlan {
				vals[i] = decimalTOML(v)
			}
			fmt.Fprintf(&b, "spending_plan = [%s]\n", strings.Join(vals, ", "))
		}
		if p.Goals != nil {
			b.WriteString("goals = [")
			for i, g := range p.Goals {
				if i > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n  " + quote(g, true))
			}
			b.WriteString(",\n]\n")
		}
		for _, in := range p.Indicators {
			b.WriteString("\n  [[projects.indicators]]\n")
			for _, kv := range [][2]string{{"level1", in.Level1}, {"level2", in.Level2}, {"name", in.Name},
				{"description", in.Description}, {"value", in.Value}, {"basis", in.Basis}} {
				if kv[1] != "" {
					b.WriteString("  ")
					str(kv[0], kv[1])
				}
			}
		}
	}
	return []byte(b.String())
}

// decimalTOML writes an amount as a TOML number with two decimals, or, when
// it did not parse, as the text it was (an unset element of a list as "").
func decimalTOML(d Decimal) string {
	if d.Err != nil && !errors.Is(d.Err, ErrDecimalNegative) || !d.Set {
		return quote(d.Raw, true)
	}
	return FormatFixed(d.Hundredths, 2)
}
