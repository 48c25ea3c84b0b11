// Package diag holds the findings that the loader, the validator and the
// template compiler report to the user: position, severity, rule code, field
// path, and a message with a hint, printed in Chinese or English from one
// message catalog (catalog.go).
package diag

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Severity says whether a finding blocks rendering.
type Severity int

// Severities.
const (
	Error Severity = iota
	Warning
)

// Diagnostic is one finding. Msg and Hint are catalog keys (the English
// format strings); Args and HintArgs fill them in.
type Diagnostic struct {
	Pos      // where: file and line:col, or sheet!cell
	Severity Severity
	Code     string // rule identifier, e.g. "M1"
	Path     string // field path, e.g. "projects[2].budget"
	Msg      string
	Args     []any
	Hint     string
	HintArgs []any
}

// Term is an argument that is itself a catalog key, such as a field name
// ("budget", printed as 预算数 in Chinese): it is printed in the reader's
// language.
type Term string

// Whole is an argument printed in full, never shortened like other long
// values: a list of choices the reader needs all of.
type Whole string

// List is a set of findings. As an error it prints them all in English.
type List []Diagnostic

// Error implements error.
func (l List) Error() string { return l.Format(language.English) }

// HasErrors reports whether any finding is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns how many findings are errors and how many warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Summary is the line that ends a check: how many errors and warnings.
func Summary(errors, warnings int) Text {
	return T("%d errors, %d warnings", errors, warnings)
}

// Sort orders the findings by position (Pos), then code.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if less, equal := a.Pos.less(b.Pos); !equal {
			return less
		}
		return a.Code < b.Code
	})
}

// Format prints every finding, each as
// "file:line:col: 错误[CODE]: message (path)" (file:sheet!cell: in a
// workbook) plus an indented hint line.
func (l List) Format(lang language.Tag) string {
	var b strings.Builder
	p := NewPrinter(lang)
	for _, d := range l {
		b.WriteString(d.format(p))
		b.WriteByte('\n')
	}
	return b.String()
}

// String prints one finding in English.
func (d Diagnostic) String() string { return d.format(NewPrinter(language.English)) }

// Words returns the finding's message and hint in lang, without the
// position, severity, code or path that Format puts around them: for a
// front end that shows a finding beside its field.
func (d Diagnostic) Words(lang language.Tag) (msg, hint string) {
	p := NewPrinter(lang)
	msg = p.Sprintf(d.Msg, localize(p, d.Args)...)
	if d.Hint != "" {
		hint = p.Sprintf(d.Hint, localize(p, d.HintArgs)...)
	}
	return msg, hint
}

func (d Diagnostic) format(p *Printer) string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	sev := p.Sprintf("error")
	if d.Severity == Warning {
		sev = p.Sprintf("warning")
	}
	fmt.Fprintf(&b, ": %s", sev)
	if d.Code != "" {
		fmt.Fprintf(&b, "[%s]", d.Code)
	}
	fmt.Fprintf(&b, ": %s", p.Sprintf(d.Msg, localize(p, d.Args)...))
	if d.Path != "" {
		fmt.Fprintf(&b, " (%s)", d.Path)
	}
	if d.Hint != "" {
		fmt.Fprintf(&b, "\n\t%s: %s", p.Sprintf("hint"), p.Sprintf(d.Hint, localize(p, d.HintArgs)...))
	}
	return b.String()
}

// localize translates the Term and Text arguments of a message (a Text is
// a clause with arguments of its own, such as the reason a file cannot be
// used), keeps integers from being grouped (the printer would write a
// year, a line number or a project number as 2,024) and shortens long
// quoted values.
func localize(p *Printer, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch x := a.(type) {
		case Term:
			a = p.Sprintf(string(x))
		case Text:
			a = p.Sprintf(x.Key, localize(p, x.Args)...)
		case int:
			a = plain(x)
		case int64:
			a = plain(x)
		case string:
			a = shorten(x)
		}
		out[i] = a
	}
	return out
}

// maxQuoted is how many characters of a quoted value a message shows.
const maxQuoted = 60

// shorten cuts a long value quoted in a message, keeping its start: the
// finding's line and path say where the whole of it is.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	return string([]rune(s)[:maxQuoted]) + "…"
}

// plain is an integer printed with its digits only.
type plain int64

// Format implements fmt.Formatter.
func (n plain) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "%d", int64(n)) }

// A Printer formats messages in Chinese or English.
type Printer struct {
	p       *message.Printer
	chinese bool
}

// NewPrinter returns a message printer for lang, falling back to Chinese for
// every Chinese variant and to English otherwise.
func NewPrinter(lang language.Tag) *Printer {
	lang = Match(lang)
	return &Printer{p: message.NewPrinter(lang), chinese: lang == language.SimplifiedChinese}
}

// Sprintf formats the message key, in English, in the printer's language.
func (p *Printer) Sprintf(key string, args ...any) string {
	if p.chinese {
		addChinese(key)
	}
	return p.p.Sprintf(key, args...)
}

// Text formats t, its Term and Text arguments too, in the printer's
// language.
func (p *Printer) Text(t Text) string { return p.Sprintf(t.Key, localize(p, t.Args)...) }

// chineseAdded holds the messages compiled into x/text's catalog so far.
// A message is compiled the first time it is printed: a run prints a few of
// several hundred, and compiling them all took a good part of its start-up.
// English needs no entries, as its messages are the keys themselves, which
// a printer formats when it finds no entry.
var chineseAdded = struct {
	sync.Mutex
	keys map[string]bool
}{keys: map[string]bool{}}

func addChinese(key string) {
	chineseAdded.Lock()
	defer chineseAdded.Unlock()
	if chineseAdded.keys[key] {
		return
	}
	chineseAdded.keys[key] = true
	if zh, ok := chinese(key); ok {
		_ = message.SetString(language.SimplifiedChinese, key, zh)
	}
}

// Match maps any language to one the catalog has: Chinese or English.
func Match(lang language.Tag) language.Tag {
	base, _ := lang.Base()
	if zh, _ := language.Chinese.Base(); base == zh {
		return language.SimplifiedChinese
	}
	return language.English
}
