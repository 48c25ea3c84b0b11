package check

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Text rules (validation.md §5) and the fields a form requires (C7).

// shown says when the form prints a field.
type shown int

const (
	always      shown = iota
	withPartOne       // the form has part one (Profile.Sections)
	ifNeeded          // the form lists the field in Profile.Needs
)

// field is a text field of the schema.
type field struct {
	key       string // schema path, as in Profile.Needs
	label     diag.Term
	multiLine bool
	maxLen    int // T5 soft limit in characters, 0 = none
	shown     shown
}

// fields lists every text field. Layout rules (T4, T5, tabs and blanks of
// T6) apply only to fields the form prints; control characters are errors
// in any field.
var fields = []field{
	{"template", diag.Term("template"), false, 0, ifNeeded},
	{"year", diag.Term("year"), false, 0, ifNeeded},
	{"date", diag.Term("date"), false, 0, ifNeeded},
	{"department.code", diag.Term("department code"), false, 0, always},
	{"department.name", diag.Term("department name"), false, 0, always},
	{"department.short_name", diag.Term("short name"), false, 0, withPartOne}, // in the default sub-captions
	{"department.money_unit", diag.Term("money unit"), false, 0, always},
	{"department.supervisor", diag.Term("supervisor"), false, 0, ifNeeded},
	{"department.supervisor_code", diag.Term("supervisor code"), false, 0, ifNeeded},
	{"department.filler", diag.Term("filler"), false, 0, ifNeeded},
	{"overall.title", diag.Term("section title"), false, 0, withPartOne},
	{"overall.subtitle", diag.Term("section subtitle"), false, 0, withPartOne},
	{"overall.text", diag.Term("section text"), true, 0, withPartOne},
	{"projects.code", diag.Term("project code"), false, 0, always},
	{"projects.name", diag.Term("project name"), false, 40, always},
	{"projects.purpose", diag.Term("purpose"), true, 500, always},
	{"projects.goals", diag.Term("performance goal"), true, 300, always},
	{"projects.implementer", diag.Term("implementer"), false, 0, ifNeeded},
	{"projects.kind", diag.Term("project kind"), false, 0, ifNeeded},
	{"projects.period", diag.Term("project period"), false, 0, ifNeeded},
	{"projects.indicators.level1", level1Label, false, 0, always},
	{"projects.indicators.level2", level2Label, false, 0, always},
	{"projects.indicators.name", diag.Term("indicator name"), false, 40, always},
	{"projects.indicators.description", diag.Term("indicator description"), true, 200, always},
	{"projects.indicators.value", diag.Term("indicator value"), false, 20, always},
	{"projects.indicators.basis", diag.Term("value basis"), true, 0, always},
}

// printsKey reports whether the form prints the field at key (a path
// without indices): false for the fields its template never uses.
func (fm *form) printsKey(key string) bool { return !slices.Contains(fm.Unprinted, key) }

// prints reports whether the form prints text field fd.
func (fm *form) prints(fd field) bool {
	if !fm.printsKey(fd.key) {
		return false
	}
	switch fd.shown {
	case withPartOne:
		return len(fm.Sections) > 0
	case ifNeeded:
		return slices.Contains(fm.Needs, fd.key)
	}
	return true
}

// texts checks every text field (T4, T5, T6) and the fields the form needs
// (C7).
func (c *checker) texts() {
	for _, fd := range fields {
		prints := c.form.prints(fd)
		eachText(c.f, fd.key, func(path, value string) { c.text(path, value, fd, prints) })
	}
	for _, key := range c.form.Needs {
		i := slices.IndexFunc(fields, func(fd field) bool { return fd.key == key })
		if i < 0 {
			c.report(diag.Error, "C7", "", diag.T("the form requires %s, which filings do not have", key),
				diag.T("the template is wrong; tell whoever maintains it"))
			continue
		}
		fd := fields[i]
		eachText(c.f, key, func(path, value string) {
			if blank(value) {
				c.report(diag.Error, "C7", path, diag.T("this form requires %s", fd.label),
					diag.T("fill in %s (key %s)", fd.label, key))
			}
		})
	}
}

// text checks one value of field fd.
func (c *checker) text(path, value string, fd field, prints bool) {
	if n, first, at := controls(value); n > 0 {
		c.report(diag.Error, "T6", path,
			diag.T("%s contains control characters (%d in all); the first, %s, is character %d", fd.label, n, first, at),
			diag.T("delete them: they are invisible and cannot be printed"))
	}
	if n, first, at := nonCharacters(value); n > 0 {
		c.report(diag.Error, "T6", path,
			diag.T("%s contains characters that are not text (%d in all); the first, %s, is character %d", fd.label, n, first, at),
			diag.T("delete them: noncharacters such as U+FFFF cannot be stored in a DOCX or shown by any font; they come with text copied from other programs"))
	}
	if strings.Contains(value, budget.Placeholder) {
		c.report(diag.Error, "T8", path, diag.T("%s still holds the placeholder %q", fd.label, budget.Placeholder),
			diag.T("replace it with the real text"))
	}
	if !prints || blank(value) {
		return
	}
	if fd.multiLine && strings.Contains(value, "\t") || !fd.multiLine && strings.ContainsAny(value, "\t\n") {
		c.report(diag.Warning, "T6", path, diag.T("%s contains a tab or line break", fd.label),
			diag.T("use a space instead; the report prints the text as written"))
	}
	inner := value
	if fd.multiLine {
		inner = strings.TrimSuffix(value, "\n") // the usual end of a """ string
	}
	if strings.TrimFunc(inner, unicode.IsSpace) != inner {
		c.report(diag.Warning, "T6", path, diag.T("%s begins or ends with blanks", fd.label),
			diag.T("remove them; the report prints the text as written"))
	}
	if n, first, at := halfWidthPunct(value); n > 0 {
		c.report(diag.Warning, "T4", path,
			diag.T("%s has half-width punctuation between Chinese characters (%d in all); the first, %q, is character %d", fd.label, n, first, at),
			diag.T("use the full-width %q; the report prints the text as written", width.Widen.String(first)))
	}
	if n := utf8.RuneCountInString(value); fd.maxLen > 0 && n > fd.maxLen {
		c.report(diag.Warning, "T5", path,
			diag.T("%s is %d characters long and may not fit the layout (limit %d)", fd.label, n, fd.maxLen),
			diag.T("shorten the text, or check the layout of the report"))
	}
}

// controls counts the control characters of s other than tab and newline,
// and returns the first as U+XXXX with its 1-based character position.
func controls(s string) (n int, first string, at int) {
	i := 0
	for _, r := range s {
		i++
		if (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') && r != '\t' && r != '\n' {
			if n == 0 {
				first, at = fmt.Sprintf("U+%04X", r), i
			}
			n++
		}
	}
	return n, first, at
}

// FieldOf returns the path of the text field of f that holds the
// character r: of those that do, the first written at or after line (the
// record a layout finding points at), else the first; "" if none does.
// A finding about a character, such as one no font can draw, can so name
// the field and its line rather than the table's.
func FieldOf(f *budget.Filing, r rune, line int) string {
	first, best, bestLine := "", "", 0
	for _, fd := range fields {
		eachText(f, fd.key, func(path, value string) {
			if !strings.ContainsRune(value, r) {
				return
			}
			at := f.Positions.Of(path).Line
			if first == "" {
				first = path
			}
			if at >= line && (best == "" || at < bestLine) {
				best, bestLine = path, at
			}
		})
	}
	return cmp.Or(best, first)
}

// nonCharacters counts the Unicode noncharacters of s (U+FDD0–U+FDEF and
// the last two code points of every plane, such as U+FFFE and U+FFFF),
// which XML 1.0, and so a DOCX, cannot hold in part and no font draws, and
// returns the first as U+XXXX with its 1-based character position.
func nonCharacters(s string) (n int, first string, at int) {
	i := 0
	for _, r := range s {
		i++
		if r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE {
			if n == 0 {
				first, at = fmt.Sprintf("U+%04X", r), i
			}
			n++
		}
	}
	return n, first, at
}

// halfWidthPunct counts the ASCII , ; : ( ) standing between two Han
// characters, and returns the first with its 1-based character position.
func halfWidthPunct(s string) (n int, first string, at int) {
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if strings.ContainsRune(",;:()", rs[i]) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]) {
			if n == 0 {
				first, at = string(rs[i]), i+1
			}
			n++
		}
	}
	return n, first, at
}

// eachText calls visit with the path and value of every text at key, a
// schema path such as projects.indicators.value, visiting list elements in
// order. Numbers are visited as text, "" for zero.
func eachText(f *budget.Filing, key string, visit func(path, value string)) {
	// The field of each struct type named by each part, found once: the
	// walk asks again for every project and indicator.
	type typePart struct {
		t    reflect.Type
		part string
	}
	fieldOf := map[typePart]int{}
	field := func(t reflect.Type, part string) int {
		k := typePart{t, part}
		i, ok := fieldOf[k]
		if !ok {
			i = -1
			for j := range t.NumField() {
				if t.Field(j).Tag.Get("toml") == part {
					i = j
					break
				}
			}
			fieldOf[k] = i
		}
		return i
	}
	var walk func(v reflect.Value, parts []string, path string)
	walk = func(v reflect.Value, parts []string, path string) {
		if v.Kind() == reflect.Slice {
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), parts, index(path, i))
			}
			return
		}
		if len(parts) == 0 {
			switch v.Kind() {
			case reflect.String:
				visit(path, v.String())
			case reflect.Int:
				if v.Int() == 0 {
					visit(path, "")
				} else {
					visit(path, strconv.FormatInt(v.Int(), 10))
				}
			}
			return
		}
		if v.Kind() != reflect.Struct {
			return
		}
		if i := field(v.Type(), parts[0]); i >= 0 {
			walk(v.Field(i), parts[1:], strings.TrimPrefix(path+"."+parts[0], "."))
		}
	}
	walk(reflect.ValueOf(*f), strings.Split(key, "."), "")
}

// sections checks part one against the form's sections: T1, and F7 when
// the form has no part one.
func (c *checker) sections() {
	want, got := c.form.Sections, c.f.Overall
	if len(want) == 0 {
		if len(got) > 0 {
			c.report(diag.Warning, "F7", index("overall", 0), diag.T("this form does not print %s", diag.Term("part one (overall)")),
				diag.T("remove it, or check that the filing names the right template"))
		}
		return
	}
	list := strings.Join(want, "、")
	at := map[string]int{} // title → index in got
	for i, s := range got {
		path := index("overall", i)
		switch _, seen := at[s.Title]; {
		case !slices.Contains(want, s.Title):
			hint := diag.T("the sections of this form are %s", list)
			if guess := c.form.suggest(s.Title, want); guess != "" {
				hint = diag.T("did you mean %q?", guess)
			}
			c.report(diag.Error, "T1", path+".title", diag.T("section %q is not on this form", s.Title), hint)
		case seen:
			c.report(diag.Error, "T1", path+".title", diag.T("section %q appears twice", s.Title),
				diag.T("merge the two sections"))
		default:
			at[s.Title] = i
			if blank(s.Text) {
				c.report(diag.Error, "T1", path+".text", diag.T("section %q has no text", s.Title),
					diag.T("write the text of the section under text = \"\"\" … \"\"\""))
			}
		}
	}
	prev := -1
	for _, title := range want {
		i, ok := at[title]
		switch {
		case !ok && !slices.ContainsFunc(got, func(s budget.Section) bool { return c.form.suggest(s.Title, want) == title }):
			c.report(diag.Error, "T1", "overall", diag.T("part one lacks the section %q", title),
				diag.T("add an [[overall]] table with title = %q; the sections of this form are %s", title, list))
		case ok && i < prev:
			c.report(diag.Error, "T1", index("overall", i)+".title",
				diag.T("section %q is out of order; the order is %s", title, list),
				diag.T("move the [[overall]] tables into the form's order"))
		case ok:
			prev = i
		}
	}
}

// projectText checks a project's purpose and goals: T2 and T3.
func (c *checker) projectText(path string, pr *budget.Project) {
	if c.form.printsKey("projects.purpose") {
		c.required("T2", path+".purpose", diag.Term("purpose"), pr.Purpose)
	}
	if len(pr.Goals) == 0 {
		c.absent(diag.Error, "T2", path+".goals", diag.Term("performance goal"))
	}
	for j, g := range pr.Goals {
		gp := index(path+".goals", j)
		if c.required("T2", gp, diag.Term("performance goal"), g) {
			continue
		}
		// The report keeps a number the user wrote and numbers unnumbered
		// goals by position: a written number that is not the goal's
		// position would print out of sequence.
		if m := GoalNumber(g); m != "" && !strings.HasPrefix(m, strconv.Itoa(j+1)) {
			c.report(diag.Warning, "T3", gp,
				diag.T("goal %d is numbered %q; the report keeps numbers as written and numbers the other goals by their position", j+1, m),
				diag.T("remove the number and let the report number the goals, or correct it"))
		}
	}
}
