package budget

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// schemaInfo is what the loader knows about the schema, read from the
// struct tags: the keys allowed in each table, the tables that are arrays,
// and the type of each key as a user would name it.
type schemaInfo struct {
	keys   map[string][]string     // table path (without indices) → its keys
	arrays map[string]bool         // table paths written [[…]]
	types  map[string]diag.Term    // key path → its type, for wrong-type messages
	fields map[string]reflect.Type // key path → its Go type
}

var decimalType = reflect.TypeOf(Decimal{})

// schema is built when first needed: only messages about keys and types
// use it.
var schema = sync.OnceValue(func() schemaInfo {
	s := schemaInfo{keys: map[string][]string{}, arrays: map[string]bool{},
		types: map[string]diag.Term{}, fields: map[string]reflect.Type{}}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := f.Tag.Get("toml")
			if name == "" || name == "-" {
				continue
			}
			path := strings.TrimPrefix(prefix+"."+name, ".")
			s.keys[prefix] = append(s.keys[prefix], name)
			s.fields[path] = f.Type
			ft, list := f.Type, f.Type.Kind() == reflect.Slice
			if list {
				ft = ft.Elem()
			}
			switch {
			case ft == decimalType && list:
				s.types[path] = diag.Term("a list of numbers such as [25, 60, 90, 100]")
			case ft == decimalType:
				s.types[path] = diag.Term("a number such as 100000.00")
			case ft.Kind() == reflect.Struct && list:
				s.types[path] = diag.Term("a list of tables written [[…]]")
				s.arrays[path] = true
				walk(path, ft)
			case ft.Kind() == reflect.Struct:
				s.types[path] = diag.Term("a table written […]")
				walk(path, ft)
			case ft.Kind() == reflect.String && list:
				s.types[path] = diag.Term("a list of texts such as [\"…\"]")
			case ft.Kind() == reflect.String:
				s.types[path] = diag.Term("text in double quotes")
			case ft.Kind() == reflect.Int:
				s.types[path] = diag.Term("a whole number such as 2024")
			}
		}
	}
	walk("", reflect.TypeOf(Filing{}))
	return s
})

// CaseVariant is a key written in another case than its field's: Key as
// written, Want the field's spelling.
type CaseVariant struct {
	Key  toml.Key
	Want string
}

// CheckKeys returns the keys of md that the struct type typ does not have:
// variants, the keys that name a field in another case (Budget for budget,
// [Department] for [department]), and unknown, every other key that is not
// a field. The TOML library matches struct fields regardless of case, so a
// variant would fill the field, and beside its exact spelling one of the
// two would win at random; a key is known only in its exact spelling. Map
// levels (user-chosen names, as in a template's styles) match any key.
//
// With variants present the decoder may also stop at a type error at a
// point that depends on Go's map order, leaving a different set of keys
// undecoded on each run; unknown then comes from the schema instead of
// md.Undecoded(), the same on every run.
func CheckKeys(md toml.MetaData, typ reflect.Type) (unknown []toml.Key, variants []CaseVariant) {
	var other []toml.Key
	for _, k := range md.Keys() {
		switch known, want := lookup(k, typ); {
		case want != "":
			variants = append(variants, CaseVariant{k, want})
		case !known:
			other = append(other, k)
		}
	}
	if len(variants) == 0 {
		return md.Undecoded(), nil
	}
	return other, variants
}

var unmarshaler = reflect.TypeOf((*toml.Unmarshaler)(nil)).Elem()

// lookup walks k down the schema of t. It reports whether every part of k
// is a field in its exact spelling (or a map level's key, or inside a value
// that decodes itself), and, when only the last part is a field written in
// another case, that field's exact spelling.
func lookup(k toml.Key, t reflect.Type) (known bool, variant string) {
	for i, part := range k {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		switch {
		case reflect.PointerTo(t).Implements(unmarshaler):
			return true, "" // the value decodes itself
		case t.Kind() == reflect.Map:
			t = t.Elem()
		case t.Kind() == reflect.Struct:
			tags := tagsOf(t)
			if ft, ok := tags.exact[part]; ok {
				t = ft
				continue
			}
			if tag, ok := tags.folded[strings.ToLower(part)]; ok && i == len(k)-1 {
				return false, tag
			}
			return false, "" // unknown, or inside a variant
		default:
			return false, "" // a key below a plain value
		}
	}
	return true, ""
}

// structTags are the toml tags of a struct type: each with its field's
// type, and by their lower-case form.
type structTags struct {
	exact  map[string]reflect.Type
	folded map[string]string
}

var tagCache sync.Map // reflect.Type → structTags

func tagsOf(t reflect.Type) structTags {
	if v, ok := tagCache.Load(t); ok {
		return v.(structTags)
	}
	st := structTags{exact: map[string]reflect.Type{}, folded: map[string]string{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag := f.Tag.Get("toml"); tag != "" && tag != "-" {
			st.exact[tag] = f.Type
			st.folded[strings.ToLower(tag)] = tag
		}
	}
	tagCache.Store(t, st)
	return st
}

// SchemaPath strips the indices from a field path, giving the key as the
// schema and Profile.Needs name it: projects[2].name → projects.name.
func SchemaPath(path string) string { return stripIndices(path) }

// maxUnknownKeys caps the unknown keys listed one by one: a file with more
// is probably not a filing, and one more line says how many were left out.
const maxUnknownKeys = 20

// unknownKeys reports the keys that the schema does not have, each
// occurrence with its own position (a misspelt key in every [[projects]]
// table is reported once per project). Of an unknown table only the table
// itself is reported, not the keys inside it.
func unknownKeys(name string, pos Positions, undecoded []toml.Key) diag.List {
	if len(undecoded) == 0 {
		return nil
	}
	top := map[string]toml.Key{}
	for _, k := range undecoded {
		top[strings.Join(k, ".")] = k
	}
	for path, k := range top {
		for i := 1; i < len(k); i++ {
			if _, ok := top[strings.Join(k[:i], ".")]; ok {
				delete(top, path)
				break
			}
		}
	}
	var at []string // recorded paths (with indices) of unknown keys
	for p := range pos {
		if _, ok := top[stripIndices(p)]; ok {
			at = append(at, p)
		}
	}
	sort.Slice(at, func(i, j int) bool {
		a, b := pos[at[i]], pos[at[j]]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col || a.Col == b.Col && at[i] < at[j]
	})
	var out diag.List
	seen := map[string]bool{}
	for _, p := range at {
		stripped := stripIndices(p)
		out = append(out, unknownKey(name, p, pos[p], top[stripped]))
		seen[stripped] = true
	}
	// Keys the position index does not see, such as those in inline tables.
	var rest []string
	for p := range top {
		if !seen[p] {
			rest = append(rest, p)
		}
	}
	sort.Strings(rest)
	for _, p := range rest {
		out = append(out, unknownKey(name, p, pos.Of(p), top[p]))
	}
	if len(out) > maxUnknownKeys {
		more := out[maxUnknownKeys] // the summary stands where the first one left out was
		more.Path = ""
		out = append(out[:maxUnknownKeys], more.Say(
			diag.T("%d more unknown keys are not listed", len(out)-maxUnknownKeys),
			diag.T("check that this is a filing; the README lists every key")))
	}
	return out
}

func unknownKey(name, path string, at diag.Pos, k toml.Key) diag.Diagnostic {
	at.File = name
	d := diag.Diagnostic{Pos: at, Severity: diag.Error, Code: "S2", Path: path}
	msg := diag.T("unknown key %q", k[len(k)-1])
	if s := suggestKey(k); s != "" && strings.EqualFold(s, k[len(k)-1]) {
		return d.Say(msg, diag.T("keys are case-sensitive: write %q", s))
	} else if s != "" {
		return d.Say(msg, diag.T("did you mean %q?", s))
	}
	if t := homeOf(k[len(k)-1]); t != "" {
		return d.Say(msg, diag.T("%q belongs in %s", k[len(k)-1], t))
	}
	return d.Say(msg, diag.T("remove the key or correct its spelling; the README lists every key"))
}

// suggestKey returns the known key nearest to the last part of k, if it is
// close enough to be a likely typo.
func suggestKey(k toml.Key) string {
	bad, known := k[len(k)-1], schema().keys[strings.Join(k[:len(k)-1], ".")]
	for _, cand := range known {
		if strings.EqualFold(bad, cand) {
			return cand // a case variant: keys are case-sensitive
		}
	}
	return diag.Nearest(bad, known)
}

// homeOf returns the header of the one table that has key, such as
// "[[projects]]" for budget, or "" if none or several have it.
func homeOf(key string) string {
	home := ""
	for table, keys := range schema().keys {
		for _, k := range keys {
			if k != key {
				continue
			}
			if home != "" || table == "" {
				return ""
			}
			home = "[" + table + "]"
			if schema().arrays[table] {
				home = "[" + home + "]"
			}
		}
	}
	return home
}
