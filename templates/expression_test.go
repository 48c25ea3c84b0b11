package templates

import (
	"strings"
	"testing"
	"text/template"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// TestExpressionFields: where a field chain is read directly, it gives
// what text/template gives; everything else is left to the template.
func TestExpressionFields(t *testing.T) {
	p := &budget.Project{Name: "网络舆情综合管理", Code: "224-0501-JBN-BOVO"}
	row := &budget.Indicator{Level1: "产出指标", Value: "≥95%"}
	full := scope{Item: p, Row: row, Dept: &budget.Department{Name: "网信办"}, N: 2}
	empty := scope{} // nil pointers and a nil interface
	for _, c := range []struct {
		text   string
		data   scope
		direct bool // read without the template
	}{
		{"{{.Item.Name}}", full, true},
		{"{{.Row.Value}}", full, true},
		{"{{.Dept.Name}}", full, true},
		{"{{.Item.Budget}}", full, false}, // a Decimal, printed by its method
		{"{{.N}}", full, false},           // not a string
		{"{{.Item.Name}}", empty, false},  // nil interface: the template's error
		{"{{.Row.Value}}", empty, false},  // nil pointer: the template's error
		{"x{{.Item.Name}}", full, false},  // more than one node
		{"{{.Item.Name | printf \"%s\"}}", full, false},
	} {
		tpl := template.Must(template.New("").Funcs(funcs(nil)).Option("missingkey=error").Parse(c.text))
		e := newExpression(tpl)
		got, ok := e.field(c.data)
		if ok != c.direct {
			t.Errorf("%s on %+v: read directly %v, want %v", c.text, c.data, ok, c.direct)
			continue
		}
		var want strings.Builder
		if err := tpl.Execute(&want, c.data); ok && (err != nil || got != want.String()) {
			t.Errorf("%s: read %q, template gives %q (%v)", c.text, got, want.String(), err)
		}
	}
}
