package budget

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
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
	if m := typeErr.FindStringSubmatch(err.Error()); m != nil {
		return typeError(name, src, m)
	}
	return at(name, diag.Error, "S1", 0, 0).Say(
		diag.T("TOML syntax error: %s", strings.TrimPrefix(err.Error(), "toml: ")), hintSyntax)
}

var hintSyntax = diag.T("fix the syntax at this position; strings need straight double quotes and keys need =")

var (
	// typeErr is the form of the library's type mismatches, which are not
	// ParseErrors: toml: line 3 (last key "projects.budget"): incompatible types: …
	typeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
	// foundType is the TOML value's type within a mismatch message.
	foundType = regexp.MustCompile(`TOML value has type (\S+);|but found (\S+)$`)
	// duplicate names the key of a duplicate-definition ParseError.
	duplicate = regexp.MustCompile(`^Key '(.*)' (?:has already been defined|was already created)|^"(.*)" is not a table`)
	// offending is the character or word a ParseError quotes as unexpected.
	offending = regexp.MustCompile(`(?:got|found) ('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`)
)

// typeNames names the library's Go types as a user would.
var typeNames = map[string]diag.Term{
	"string":           diag.Term("text"),
	"int64":            diag.Term("a whole number"),
	"float64":          diag.Term("a decimal number"),
	"bool":             diag.Term("true or false"),
	"[]any":            diag.Term("a list"),
	"[]map[string]any": diag.Term("a list of tables"),
	"map[string]any":   diag.Term("a table"),
	"time.Time":        diag.Term("a date or time"),
}

func typeError(name, src string, m []string) diag.Diagnostic {
	line, _ := strconv.Atoi(m[1])
	key, path, col := m[2], m[2], 0
	for p, at := range IndexPositions(src) {
		if at.Line == line && stripIndices(p) == key && (col == 0 || p < path) {
			path, col = p, at.Col
		}
	}
	d := at(name, diag.Error, "S3", line, col)
	d.Path = path
	var found any = diag.Term("a value of another type")
	if f := foundType.FindStringSubmatch(m[3]); f != nil {
		if t, ok := typeNames[f[1]+f[2]]; ok {
			found = t
		}
	}
	want, ok := schema.types[key]
	if !ok {
		return d.Say(diag.T("wrong type: %s", m[3]), diag.T("write the value in the type the README gives for this key"))
	}
	return d.Say(diag.T("%s should be %s, not %s", path, want, found),
		diag.T("write the value in the type the README gives for this key"))
}

func syntaxError(name, src string, pe toml.ParseError) diag.Diagnostic {
	start := min(max(pe.Position.Start, 0), len(src))
	msg := pe.Message
	var bad string // the character or word the parser did not expect
	if m := offending.FindStringSubmatch(msg); m != nil {
		bad, _ = strconv.Unquote(m[1])
		if i := strings.Index(src[start:skipLine(src, start)], bad); bad != "" && i >= 0 {
			start += i // the parser may point at the blank before it
		}
	}
	line, col := lineCol(src, start)
	d := at(name, diag.Error, "S1", line, col)
	d.Path = pe.LastKey
	r, _ := utf8.DecodeRuneInString(bad)
	switch {
	case duplicate.MatchString(msg):
		return duplicateKey(d, src, msg)
	case strings.ContainsRune("“”‘’", r):
		return d.Say(diag.T("curly quote %s: TOML text needs straight double quotes", bad),
			diag.T("word processors turn \" into “ ”; write the text as key = \"…\" in a plain-text editor"))
	case bad != "" && width.LookupRune(r).Kind() == width.EastAsianFullwidth && width.Narrow.String(bad) != bad:
		return d.Say(diag.T("full-width %q where TOML needs the half-width %q", bad, width.Narrow.String(bad)),
			diag.T("TOML's own punctuation (= , [ ] { } # and quotes) must be half-width: switch the input method to English punctuation for it"))
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
	case strings.Contains(msg, "table name") || strings.Contains(msg, "table array name"):
		return d.Say(diag.T("the table header is not closed"),
			diag.T("write table headers as [department] or [[projects]]"))
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
// first definition when it can be found.
func duplicateKey(d diag.Diagnostic, src, msg string) diag.Diagnostic {
	m := duplicate.FindStringSubmatch(msg)
	key := m[1] + m[2]
	d.Code, d.Path = "S4", key
	first := 0
	for p, at := range IndexPositions(src[:lineOffset(src, d.Line)]) {
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

// lineOffset returns the byte offset of the start of 1-based line n.
func lineOffset(src string, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}
