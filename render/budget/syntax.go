package budget

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/width"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// decodeError turns an error of the TOML library into a finding with a
// position, and a message that says in the user's language what is wrong
// and what usually causes it. The library's own text is shown only for rare
// errors that none of the cases below recognises.
func decodeError(name, src string, err error) diag.Diagnostic {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return syntaxError(name, src, pe)
	}
	if m := typeErr().FindStringSubmatch(err.Error()); m != nil {
		return typeError(name, src, m)
	}
	return at(name, diag.Error, "S1", 0, 0).Say(
		diag.T("TOML syntax error: %s", strings.TrimPrefix(err.Error(), "toml: ")), hintSyntax)
}

var hintSyntax = diag.T("fix the syntax at this position; strings need straight double quotes and keys need =")

// The patterns of this file read the TOML library's error messages and the
// lines they point at; they are compiled on first use, as only a file with
// errors needs them and compiling costs every run's start-up.
var (
	// typeErr is the form of the library's type mismatches, which are not
	// ParseErrors: toml: line 3 (last key "projects.budget"): incompatible types: …
	typeErr = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
	})
	// duplicate names the key of a duplicate-definition ParseError.
	duplicate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^Key '(.*)' (?:has already been defined|was already created)|^"(.*)" is not a table`)
	})
	// offending is the character or word a ParseError quotes as unexpected.
	offending = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:got|found) ('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`)
	})
)

// typeError reports a value of the wrong type. The library stops at the
// first mismatch it meets, in Go map order, and names only the key (for a
// key inside [[projects]], with the line of its last occurrence); so the
// document is searched for every mismatch and the first in the file is
// reported, the same one on every run.
func typeError(name, src string, m []string) diag.Diagnostic {
	line, _ := strconv.Atoi(m[1])
	hint := diag.T("write the value in the type the README gives for this key")
	pos := IndexPositions(src)
	var first *mismatch
	for _, mm := range mismatches(src) {
		if first == nil || before(pos.Of(mm.path), pos.Of(first.path), mm.path, first.path) {
			first = &mm
		}
	}
	if first == nil { // not a filing (a template), or a mismatch the schema walk does not see
		d := at(name, diag.Error, "S3", line, 0)
		d.Path = m[2]
		return d.Say(diag.T("wrong type: %s", m[3]), hint)
	}
	where := pos.Of(first.path)
	d := at(name, diag.Error, "S3", where.Line, where.Col)
	d.Path = first.path
	return d.Say(diag.T("%s should be %s, not %s", first.path, schema().types[first.field], typeName(first.value)), hint)
}

// mismatch is a value whose type does not fit the schema.
type mismatch struct {
	path  string // with indices, as written
	field string // the schema field, e.g. projects.code
	value any
}

// mismatches lists the values of src whose type does not fit the schema.
// Keys the schema does not have are left to the unknown-key report.
func mismatches(src string) []mismatch {
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		return nil
	}
	var out []mismatch
	var walk func(table map[string]any, field, at string)
	walk = func(table map[string]any, field, at string) {
		for k, v := range table {
			// The library matches a key to a field regardless of case
			// (projeCts is projects), and the schema's keys are lower case.
			f, p := strings.TrimPrefix(field+"."+strings.ToLower(k), "."), strings.TrimPrefix(at+"."+k, ".")
			t, known := schema().fields[f]
			switch {
			case !known:
			case !fits(v, t):
				out = append(out, mismatch{p, f, v})
			case t.Kind() == reflect.Struct && t != decimalType:
				walk(v.(map[string]any), f, p)
			case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && t.Elem() != decimalType:
				for i, elem := range tables(v) {
					walk(elem, f, fmt.Sprintf("%s[%d]", p, i+1))
				}
			}
		}
	}
	walk(doc, "", "")
	return out
}

// tables returns the tables of an array of tables, written [[…]] or inline.
func tables(v any) []map[string]any {
	if list, ok := v.([]map[string]any); ok {
		return list
	}
	var out []map[string]any
	for _, e := range v.([]any) {
		out = append(out, e.(map[string]any))
	}
	return out
}

// before orders positions in the file, then paths.
func before(a, b diag.Pos, pa, pb string) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return pa < pb
}

// fits reports whether a decoded TOML value fits a schema field of type t.
func fits(v any, t reflect.Type) bool {
	switch {
	case t == nil || t == decimalType:
		return true // Decimal takes any value and reports it itself
	case t.Kind() == reflect.String:
		_, ok := v.(string)
		return ok
	case t.Kind() == reflect.Int:
		_, ok := v.(int64)
		return ok
	case t.Kind() == reflect.Struct:
		_, ok := v.(map[string]any)
		return ok
	case t.Kind() == reflect.Slice:
		switch x := v.(type) {
		case []map[string]any:
			return t.Elem().Kind() == reflect.Struct
		case []any:
			for _, e := range x {
				if !fits(e, t.Elem()) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// typeName names the type of a decoded TOML value as a user would.
func typeName(v any) diag.Term {
	switch v.(type) {
	case string:
		return diag.Term("text")
	case int64:
		return diag.Term("a whole number")
	case float64:
		return diag.Term("a decimal number")
	case bool:
		return diag.Term("true or false")
	case []map[string]any:
		return diag.Term("a list of tables")
	case []any:
		return diag.Term("a list")
	case map[string]any:
		return diag.Term("a table")
	}
	return diag.Term("a date or time")
}

func syntaxError(name, src string, pe toml.ParseError) diag.Diagnostic {
	start := min(max(pe.Position.Start, 0), len(src))
	msg := pe.Message
	var bad string // the character or word the parser did not expect
	if m := offending().FindStringSubmatch(msg); m != nil {
		bad, _ = strconv.Unquote(m[1])
		if i := strings.Index(src[start:skipLine(src, start)], bad); bad != "" && i >= 0 {
			start += i // the parser may point at the blank before it
		}
	}
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	if strings.Contains(msg, "control characters") { // point at the character itself
		if i := strings.IndexFunc(src[lineStart:], func(r rune) bool { return isControl(r) && r != '\t' }); i >= 0 {
			start = lineStart + i
		}
	}
	line, col := lineCol(src, start)
	d := at(name, diag.Error, "S1", line, col)
	d.Path = pe.LastKey
	r, _ := utf8.DecodeRuneInString(bad)
	lineText := src[lineStart:skipLine(src, lineStart)]
	switch {
	case duplicate().MatchString(msg):
		return duplicateKey(d, src[:lineStart], msg)
	case strings.HasPrefix(msg, "Invalid float") || strings.HasPrefix(msg, "Invalid integer"):
		return d.Say(diag.T("the number on this line is not written correctly"),
			diag.T("write digits with at most one decimal point and no leading zeros, e.g. 100000.00 or 0.5"))
	case strings.ContainsRune("“”‘’", r):
		return d.Say(diag.T("curly quote %s: TOML text needs straight double quotes", bad),
			diag.T("word processors turn \" into “ ”; write the text as key = \"…\" in a plain-text editor"))
	case bad != "" && width.LookupRune(r).Kind() == width.EastAsianFullwidth && width.Narrow.String(bad) != bad:
		return d.Say(diag.T("full-width %q where TOML needs the half-width %q", bad, width.Narrow.String(bad)),
			diag.T("TOML's own punctuation (= , [ ] { } # and quotes) must be half-width: switch the input method to English punctuation for it"))
	case decoratedNumber(lineText) != "":
		return d.Say(diag.T("the number %q must be written with digits and one decimal point only: no thousands separators, spaces or units", decoratedNumber(lineText)),
			diag.T("write e.g. budget = 100000.00; the unit comes from department.money_unit"))
	case strings.HasPrefix(msg, "expected value but found") && unicode.IsLetter(r):
		return d.Say(diag.T("the text %q is not in quotes", bad),
			diag.T("write text values in straight double quotes, e.g. name = \"网络舆情综合管理\""))
	case strings.HasPrefix(msg, "expected '.' or '='"):
		return d.Say(diag.T("expected = after the key, found %q", bad),
			diag.T("keys are English words such as name or budget, followed by = and the value; a key has no Chinese characters or spaces"))
	case strings.Contains(msg, "strings cannot contain newlines") || strings.HasPrefix(msg, "unexpected EOF; expected '\"") ||
		strings.HasPrefix(msg, "unexpected EOF; expected \"'"):
		return d.Say(diag.T("the text is not closed"),
			diag.T("end it with \" on the same line; for text over several lines use \"\"\" … \"\"\""))
	case strings.Contains(msg, "table name") || strings.Contains(msg, "table array name"):
		return d.Say(diag.T("the table header is not closed"),
			diag.T("write table headers as [department] or [[projects]]"))
	case bad == "\n" || msg == "unexpected EOF; expected value":
		return d.Say(diag.T("the value after = is missing"),
			diag.T("write a value after =, e.g. budget = 100000.00 or name = \"…\""))
	case strings.Contains(msg, "array terminator"):
		return d.Say(diag.T("the list is not closed, or a comma is missing"),
			diag.T("separate the items with half-width commas and close the list with ], e.g. [25, 60, 90, 100]"))
	case strings.Contains(msg, "inline table terminator"):
		return d.Say(diag.T("the inline table is not closed, or a comma is missing"),
			diag.T("write an inline table as {key = value, key = value}"))
	case strings.HasPrefix(msg, "expected a top-level item to end with"):
		return d.Say(diag.T("unexpected text after the value"),
			diag.T("write one key = value per line; a comment starts with #"))
	case strings.Contains(msg, "out of range"):
		return d.Say(diag.T("the number is too large"), diag.T("check the number of digits"))
	case strings.Contains(msg, "escape") || strings.Contains(msg, "hexadecimal digits after"):
		return d.Say(diag.T("a backslash escape in the text is not valid"),
			diag.T("write \\\\ for a backslash, or put text with backslashes in single quotes '…'"))
	case strings.Contains(msg, "control characters"):
		return d.Say(diag.T("the file contains an invisible control character"),
			diag.T("delete it; it usually comes with text copied from another program"))
	}
	return d.Say(diag.T("TOML syntax error: %s", msg), hintSyntax)
}

// duplicateKey reports a key or table defined twice, with the line of the
// first definition when it can be found in before, the text above the
// second.
func duplicateKey(d diag.Diagnostic, before, msg string) diag.Diagnostic {
	m := duplicate().FindStringSubmatch(msg)
	key := m[1] + m[2]
	d.Code, d.Path = "S4", key
	first := 0
	for p, at := range IndexPositions(before) {
		if stripIndices(p) == key && at.Line > first {
			first = at.Line
		}
	}
	hint := diag.T("keep one; several projects or indicators each start with [[projects]] or [[projects.indicators]], with double brackets")
	if first == 0 {
		return d.Say(diag.T("key %q is defined twice", key), hint)
	}
	return d.Say(diag.T("key %q is defined twice; the first is on line %d", key, first), hint)
}

// spacedThousands finds digits grouped by a space, as in 100 000.
var spacedThousands = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d \d{3}(\D|$)`) })

// numberLine matches "key = value" where the value starts with a digit.
var numberLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*[A-Za-z_][\w.]*\s*=\s*([+-]?[0-9][^#]*?)\s*(?:#.*)?$`)
})

// decoratedNumber returns the value of a key = number line when the number
// carries what TOML numbers cannot: thousands separators, inner spaces or a
// unit (100,000.00, 100 000, 10万, 100000.00元); else "".
func decoratedNumber(line string) string {
	m := numberLine().FindStringSubmatch(strings.TrimRight(line, "\r\n"))
	if m == nil || strings.HasPrefix(m[1], "0x") || strings.ContainsAny(m[1], "-:T") {
		return "" // hex, dates and times are other mistakes
	}
	if strings.ContainsAny(m[1], ",，") || spacedThousands().MatchString(m[1]) ||
		strings.IndexFunc(m[1], func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
		return m[1]
	}
	return ""
}
