package templates

import (
	"reflect"
	"regexp"
	"strconv"
	"sync"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// A cell's text names the filing field it shows, so that a finding about
// the cell (G2: the value does not fit its column) can name that field and
// its line, as the checks do: projects[3].budget, not "table 3, row 2".

// fieldRef is the first filing field a text expression refers to: .Item.X,
// .Row.X, .Dept.X or .Filing.X (also through a function's result, as in
// (amounts .Filing .Item).Budget), or a spending-plan value, plan .Item k.
var fieldRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\.(Item|Row|Dept|Filing)\)?\.([A-Z][A-Za-z]*)|\bplan \.Item ([0-9]+)`)
})

// field returns the path of the filing field shown in scope sc by an
// expression whose fieldRef match is m, such as projects[3].budget or
// projects[3].indicators[2].value; "" when it shows none.
func field(m []string, sc scope) string {
	if m == nil {
		return ""
	}
	item := ""
	switch sc.Item.(type) {
	case *budget.Project:
		item = "projects[" + strconv.Itoa(sc.N) + "]"
	case *budget.Section:
		item = "overall[" + strconv.Itoa(sc.N) + "]"
	}
	if m[3] != "" { // plan .Item k: the checkpoint k, counted from 0
		k, _ := strconv.Atoi(m[3])
		if item == "" {
			return ""
		}
		return item + ".spending_plan[" + strconv.Itoa(k+1) + "]"
	}
	var owner any
	prefix := ""
	switch m[1] {
	case "Item":
		owner, prefix = sc.Item, item+"."
	case "Row":
		owner, prefix = sc.Row, item+".indicators["+strconv.Itoa(sc.RowN)+"]."
	case "Dept":
		owner, prefix = sc.Dept, "department."
	case "Filing":
		owner = sc.Filing
	}
	key := tomlKey(owner, m[2])
	if key == "" || prefix == "." {
		return ""
	}
	return prefix + key
}

// tomlKey returns the key in the filing of the Go field name of the struct
// v points to, or "".
func tomlKey(v any, name string) string {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return ""
	}
	f, ok := t.Elem().FieldByName(name)
	if !ok {
		return ""
	}
	return f.Tag.Get("toml")
}
