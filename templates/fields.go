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

// fieldRef finds the first filing field a text expression refers to: .Item.X,
// .Row.X, .Dept.X or .Filing.X (also through a function's result, as in
// (amounts .Filing .Item).Budget), or a spending-plan value, plan .Item k.
var fieldRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\.(Item|Row|Dept|Filing)\)?\.([A-Z][A-Za-z]*)|\bplan \.Item ([0-9]+)`)
})

// ref is the filing field an expression shows, resolved when the template
// compiles: whose field it is (.Item, .Row, .Dept, .Filing) and its key,
// or a spending-plan value's 1-based position. .Item is a project or a
// section, whichever is being repeated, so it has a key for each.
type ref struct {
	owner      string // "Item", "Row", "Dept", "Filing"; "" for a plan value
	key        string // the key in the filing (.Item: a project's)
	sectionKey string // .Item: a section's key
	plan       int    // plan .Item k: k+1, the value's 1-based position
}

// refOf resolves an expression's fieldRef match m; false when the field is
// none of the filing's (.Item.X with no X).
func refOf(m []string) (ref, bool) {
	if m[3] != "" {
		k, _ := strconv.Atoi(m[3])
		return ref{plan: k + 1}, true
	}
	r := ref{owner: m[1]}
	switch m[1] {
	case "Item":
		r.key, r.sectionKey = tomlKey[budget.Project](m[2]), tomlKey[budget.Section](m[2])
	case "Row":
		r.key = tomlKey[budget.Indicator](m[2])
	case "Dept":
		r.key = tomlKey[budget.Department](m[2])
	case "Filing":
		r.key = tomlKey[budget.Filing](m[2])
	}
	return r, r.key != "" || r.sectionKey != ""
}

// field returns the path of the filing field r shows in scope sc, such as
// projects[3].budget or projects[3].indicators[2].value; "" when it shows
// none there.
func (r ref) field(sc scope) string {
	item, key := "", r.key
	switch sc.Item.(type) {
	case *budget.Project:
		item = "projects[" + strconv.Itoa(sc.N) + "]"
	case *budget.Section:
		item, key = "overall["+strconv.Itoa(sc.N)+"]", r.sectionKey
	}
	switch {
	case r.owner == "Dept":
		return "department." + r.key
	case r.owner == "Filing":
		return r.key
	case item == "":
		return ""
	case r.owner == "":
		return item + ".spending_plan[" + strconv.Itoa(r.plan) + "]"
	case r.owner == "Row":
		return item + ".indicators[" + strconv.Itoa(sc.RowN) + "]." + r.key
	case key == "":
		return ""
	}
	return item + "." + key
}

// tomlKey returns the filing's key of the field of struct T named name in
// Go, or "".
func tomlKey[T any](name string) string {
	f, ok := reflect.TypeFor[T]().FieldByName(name)
	if !ok {
		return ""
	}
	return f.Tag.Get("toml")
}
