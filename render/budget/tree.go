package budget

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Table is a filing's values as a form shows and edits them: every value
// as its text (an amount exactly as written, e.g. "100000.00"), lists of
// such texts, sub-tables and arrays of tables. Values reads one from a
// TOML source and Patch writes an edited one back into that source.
type Table struct {
	// Origin is the 1-based position of an array element in the source it
	// was read from, 0 for an element the user added. It lets Patch keep an
	// element's comments and layout when elements are reordered or removed.
	Origin int                 `json:"origin,omitempty"`
	Values map[string]string   `json:"values,omitempty"`
	Lists  map[string][]string `json:"lists,omitempty"`
	Tables map[string]*Table   `json:"tables,omitempty"`
	Arrays map[string][]*Table `json:"arrays,omitempty"`
}

// kind is what a key of the schema holds.
type kind int

const (
	kindText     kind = iota // string
	kindInteger              // int (year)
	kindDecimal              // Decimal
	kindTexts                // []string
	kindDecimals             // []Decimal
	kindTable                // struct
	kindArray                // []struct
)

// field is one key of the schema, in the order of the Go struct.
type field struct {
	key  string
	kind kind
	sub  []field // of a table or an array of tables
}

// formFields is the filing's key tree in the order of the Go structs,
// from the loader's schema, so that it never drifts from what Parse decodes.
var formFields = sync.OnceValue(func() []field { return fieldsOf(schema(), "") })

func fieldsOf(s schemaInfo, prefix string) []field {
	var out []field
	for _, key := range s.keys[prefix] {
		path := joinPath(prefix, key)
		f := field{key: key}
		ft := s.fields[path]
		elem := ft
		if ft.Kind() == reflect.Slice {
			elem = ft.Elem()
		}
		switch {
		case ft == decimalType:
			f.kind = kindDecimal
		case ft.Kind() == reflect.String:
			f.kind = kindText
		case ft.Kind() == reflect.Int:
			f.kind = kindInteger
		case ft.Kind() == reflect.Struct:
			f.kind, f.sub = kindTable, fieldsOf(s, path)
		case elem == decimalType:
			f.kind = kindDecimals
		case elem.Kind() == reflect.String:
			f.kind = kindTexts
		default: // a slice of structs: the loader's schema has no other kinds
			f.kind, f.sub = kindArray, fieldsOf(s, path)
		}
		out = append(out, f)
	}
	return out
}

// source is a filing's text indexed for reading values and patching them.
type source struct {
	text      string
	lineStart []int // byte offset of each line
	pos       Positions
	headers   []header
	header    map[string]int // header path → its index in headers
}

func newSource(text string) *source {
	s := &source{text: text, lineStart: []int{0}, header: map[string]int{}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.lineStart = append(s.lineStart, i+1)
		}
	}
	s.pos, s.headers = indexSource(text)
	for i, h := range s.headers {
		s.header[h.path] = i
	}
	return s
}

// LayoutError is a table of a filing written in a way that Patch cannot
// edit in place: as an inline table or dotted keys rather than under a
// [header], or an [[array]] element apart from the element it belongs to.
type LayoutError struct {
	Line int    // 1-based, 0 when unknown
	Path string // the table, e.g. "projects[2].indicators[1]"
}

func (e *LayoutError) Error() string {
	return fmt.Sprintf("budget: line %d: %s is not written under its own header inside its parent's block, so it cannot be edited in place", e.Line, e.Path)
}

// lineOfKey is the line where the key at path, or the first key under it,
// is written (0 when none is).
func (s *source) lineOfKey(path string) int {
	if p := s.pos.Of(path); p.Line > 0 {
		return p.Line
	}
	line := 0
	for key, p := range s.pos {
		if strings.HasPrefix(key, path+".") && (line == 0 || p.Line < line) {
			line = p.Line
		}
	}
	return line
}

// checkLayout makes sure that every table of the schema in m, the table at
// path whose block is lines [from, to), has its header inside that block.
func (s *source) checkLayout(path string, m map[string]any, fields []field, from, to int) error {
	for _, f := range fields {
		var elems []map[string]any
		var paths []string
		p := joinPath(path, f.key)
		switch v := m[f.key].(type) {
		case map[string]any:
			if f.kind == kindArray { // [projects] for [[projects]]: no form shows it
				return &LayoutError{Line: s.lineOfKey(p), Path: p}
			}
			if f.kind == kindTable {
				elems, paths = []map[string]any{v}, []string{p}
			}
		case []map[string]any:
			if f.kind == kindTable { // [[department]] for [department]
				return &LayoutError{Line: s.lineOfKey(p + "[1]"), Path: p}
			}
			if f.kind == kindArray {
				elems = v
				for i := range v {
					paths = append(paths, fmt.Sprintf("%s[%d]", p, i+1))
				}
			}
		case []any: // an array of inline tables
			if f.kind == kindArray && len(v) > 0 {
				return &LayoutError{Line: s.lineOfKey(p + "[1]"), Path: p + "[1]"}
			}
		}
		for i, e := range elems {
			h, ok := s.header[paths[i]]
			if !ok || s.headers[h].line < from || s.headers[h].line >= to {
				line := s.lineOfKey(paths[i])
				if ok {
					line = s.headers[h].line + 1
				}
				return &LayoutError{Line: line, Path: paths[i]}
			}
			if err := s.checkLayout(paths[i], e, f.sub, s.headers[h].line, s.blockEnd(h, to)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Source is a filing's TOML text read for editing: the values a form
// shows, and what Patch needs to write edited values back. Reading it
// once serves every later Patch of the same version of the file.
type Source struct {
	src  *source
	tree map[string]any // the decoded TOML
	crlf bool           // the file's lines end in CRLF
	orig *Table         // its values, as Patch compares them
}

// ReadSource reads a filing's TOML for editing. It needs only valid TOML,
// not a valid filing: a form can open a file whose values are wrong and
// show each problem beside its field. A file read as GB18030 is edited as
// UTF-8. A file whose tables are not each under its own header, inside
// its parent's block, is refused with a *LayoutError.
func ReadSource(data []byte) (*Source, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("budget: the file is %d bytes; the limit is %d bytes", len(data), MaxFileSize)
	}
	text, notes := decodeText("", data)
	if notes.HasErrors() {
		return nil, notes
	}
	if off := tooDeep(text); off >= 0 {
		return nil, fmt.Errorf("budget: nested more than %d levels deep", MaxNesting)
	}
	var tree map[string]any
	if _, err := toml.Decode(text, &tree); err != nil {
		return nil, err
	}
	s := &Source{src: newSource(text), tree: tree, crlf: bytes.Contains(data, []byte("\r\n"))}
	if err := s.src.checkLayout("", tree, formFields(), 0, len(s.src.lineStart)); err != nil {
		return nil, err
	}
	s.orig = s.Values()
	return s, nil
}

// Values returns the values of the source as a form shows them, a new
// Table on each call. Keys the schema does not know are left out (Patch
// keeps them in the file).
func (s *Source) Values() *Table { return s.src.table("", s.tree, formFields()) }

// Values reads the values of a filing's TOML source: ReadSource(data).Values().
func Values(data []byte) (*Table, error) {
	s, err := ReadSource(data)
	if err != nil {
		return nil, err
	}
	return s.Values(), nil
}

func (s *source) table(path string, m map[string]any, fields []field) *Table {
	t := &Table{}
	for _, f := range fields {
		v, ok := m[f.key]
		if !ok {
			continue
		}
		p := joinPath(path, f.key)
		switch f.kind {
		case kindTable:
			if sub, ok := v.(map[string]any); ok {
				setMap(&t.Tables, f.key, s.table(p, sub, f.sub))
			}
		case kindArray:
			elems, _ := v.([]map[string]any)
			var list []*Table
			for i, e := range elems {
				sub := s.table(fmt.Sprintf("%s[%d]", p, i+1), e, f.sub)
				sub.Origin = i + 1
				list = append(list, sub)
			}
			setMap(&t.Arrays, f.key, list)
		case kindTexts, kindDecimals:
			elems, _ := v.([]any)
			lits := s.elements(p)
			list := make([]string, len(elems))
			for i, e := range elems {
				var lit string
				if i < len(lits) {
					lit = s.text[lits[i][0]:lits[i][1]]
				}
				list[i] = display(e, lit)
			}
			setMap(&t.Lists, f.key, list)
		default:
			start, end, _ := s.valueAt(p)
			setMap(&t.Values, f.key, display(v, s.text[start:end]))
		}
	}
	return t
}

func setMap[V any](m *map[string]V, key string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	(*m)[key] = v
}

// display is the text a form shows for a decoded value: a string as it
// is, a number as written in the source (lit), so that 100000.00 is not
// shown as 100000.
func display(v any, lit string) string {
	switch x := v.(type) {
	case string:
		return x
	case int64, float64:
		if lit != "" && lit[0] != '"' && lit[0] != '\'' {
			return lit
		}
		return fmt.Sprint(x)
	default:
		return fmt.Sprint(x)
	}
}

// valueAt returns the byte range of the value of the key at path, and
// whether the key is written in the source.
func (s *source) valueAt(path string) (start, end int, ok bool) {
	p, ok := s.pos[path]
	if !ok || p.Line < 1 || p.Line > len(s.lineStart) {
		return 0, 0, false
	}
	i := s.lineStart[p.Line-1]
	for n := 1; n < p.Col && i < len(s.text); n++ { // Col counts runes
		_, size := utf8.DecodeRuneInString(s.text[i:])
		i += size
	}
	eq := skipKey(s.text, i)
	if eq >= len(s.text) || s.text[eq] != '=' {
		return 0, 0, false
	}
	start = eq + 1
	for start < len(s.text) && (s.text[start] == ' ' || s.text[start] == '\t') {
		start++
	}
	return start, scanValue(s.text, start), true
}

// elements returns the byte ranges of the elements of the array at path.
func (s *source) elements(path string) [][2]int {
	start, end, ok := s.valueAt(path)
	if !ok || start >= end || s.text[start] != '[' {
		return nil
	}
	var out [][2]int
	for i := start + 1; i < end; {
		i = skipBlank(s.text, i, true)
		if i >= end || s.text[i] == ']' {
			break
		}
		j := scanValue(s.text, i)
		if j == i {
			break
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// skipKey returns the offset of the = after the (possibly dotted, possibly
// quoted) key that starts at i.
func skipKey(s string, i int) int {
	for i < len(s) && s[i] != '=' && s[i] != '\n' {
		if s[i] == '"' || s[i] == '\'' {
			i = scanValue(s, i)
			continue
		}
		i++
	}
	return i
}

// skipBlank skips spaces, tabs and, with lines, newlines, commas and
// comments.
func skipBlank(s string, i int, lines bool) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case lines && (c == '\n' || c == ','):
			i++
		case lines && c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// scanValue returns the end of the TOML value that starts at i: a string
// of any of the four kinds, an array or inline table (nested, over lines,
// with comments), or a bare scalar (number, boolean, date).
func scanValue(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch {
	case strings.HasPrefix(s[i:], `"""`):
		for k := i + 3; k < len(s); k++ {
			if s[k] == '\\' {
				k++
				continue
			}
			if strings.HasPrefix(s[k:], `"""`) {
				return extendQuotes(s, k+3, '"')
			}
		}
		return len(s)
	case strings.HasPrefix(s[i:], `'''`):
		if k := strings.Index(s[i+3:], `'''`); k >= 0 {
			return extendQuotes(s, i+3+k+3, '\'')
		}
		return len(s)
	case s[i] == '"':
		for k := i + 1; k < len(s); k++ {
			switch s[k] {
			case '\\':
				k++
			case '"':
				return k + 1
			case '\n':
				return k
			}
		}
		return len(s)
	case s[i] == '\'':
		for k := i + 1; k < len(s); k++ {
			switch s[k] {
			case '\'':
				return k + 1
			case '\n':
				return k
			}
		}
		return len(s)
	case s[i] == '[' || s[i] == '{':
		closing := byte(']')
		if s[i] == '{' {
			closing = '}'
		}
		for k := i + 1; k < len(s); {
			k = skipBlank(s, k, closing == ']')
			if k >= len(s) {
				return k
			}
			switch c := s[k]; {
			case c == closing:
				return k + 1
			case c == '"' || c == '\'' || c == '[' || c == '{':
				k = scanValue(s, k)
			default:
				k++
			}
		}
		return len(s)
	default:
		k := i
		for k < len(s) && !strings.ContainsRune(" \t\r\n,]}#", rune(s[k])) {
			k++
		}
		return k
	}
}

// extendQuotes takes up to two more quote characters after a closing
// triple quote: """a"""" ends with the string a".
func extendQuotes(s string, k int, q byte) int {
	for n := 0; n < 2 && k < len(s) && s[k] == q; n++ {
		k++
	}
	return k
}

// Equal reports whether two tables hold the same values, treating an
// empty value, list or array as absent. Origins are not compared.
func (t *Table) Equal(u *Table) bool {
	return t.equal(u, formFields())
}

func (t *Table) equal(u *Table, fields []field) bool {
	if t == nil {
		t = &Table{}
	}
	if u == nil {
		u = &Table{}
	}
	for _, f := range fields {
		switch f.kind {
		case kindTable:
			if !t.Tables[f.key].equal(u.Tables[f.key], f.sub) {
				return false
			}
		case kindArray:
			a, b := t.Arrays[f.key], u.Arrays[f.key]
			if len(a) != len(b) {
				return false
			}
			for i := range a {
				if !a[i].equal(b[i], f.sub) {
					return false
				}
			}
		case kindTexts, kindDecimals:
			if !slices.Equal(t.Lists[f.key], u.Lists[f.key]) {
				return false
			}
		default:
			if t.Values[f.key] != u.Values[f.key] {
				return false
			}
		}
	}
	return true
}
