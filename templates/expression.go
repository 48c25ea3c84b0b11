package templates

import (
	"reflect"
	"text/template"
	tparse "text/template/parse"
)

// expression is a compiled text of a template: a text/template, and, for
// the commonest form, a chain of fields such as {{.Row.Value}}, the
// fields' names, which binding reads directly. Most cells of a table are
// such chains, and executing a template for each of them was most of the
// time binding takes.
type expression struct {
	tpl    *template.Template
	fields []string // the chain's names; nil for other expressions
}

func newExpression(tpl *template.Template) *expression {
	e := &expression{tpl: tpl}
	if nodes := tpl.Tree.Root.Nodes; len(nodes) == 1 {
		if a, ok := nodes[0].(*tparse.ActionNode); ok && len(a.Pipe.Decl) == 0 && len(a.Pipe.Cmds) == 1 {
			if args := a.Pipe.Cmds[0].Args; len(args) == 1 {
				if f, ok := args[0].(*tparse.FieldNode); ok {
					e.fields = f.Ident
				}
			}
		}
	}
	return e
}

var stringType = reflect.TypeFor[string]()

// field reads a chain of fields from data as text/template would, and
// reports false for anything it does not read the same way, for the
// template to be executed instead: a name that is a method, a nil pointer
// or interface on the way (an error for the template), a map, or a result
// that is not a plain string.
func (e *expression) field(data any) (string, bool) {
	if e.fields == nil {
		return "", false
	}
	v := reflect.ValueOf(data)
	for _, name := range e.fields {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return "", false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return "", false
		}
		if _, isMethod := reflect.PointerTo(v.Type()).MethodByName(name); isMethod {
			return "", false
		}
		f, ok := v.Type().FieldByName(name)
		if !ok || !f.IsExported() || len(f.Index) != 1 {
			return "", false
		}
		v = v.Field(f.Index[0])
	}
	if v.Type() != stringType {
		return "", false
	}
	return v.String(), true
}
