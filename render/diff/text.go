package diff

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// WriteText prints the changes in lang (Chinese or English): the unit
// change once at the top, then the department's and part one's changes,
// then each project's under a line naming it, then the budget total.
func (r *Report) WriteText(w io.Writer, lang language.Tag) error {
	p := diag.NewPrinter(lang)
	var b strings.Builder
	line := func(indent bool, key string, args ...any) {
		if indent {
			b.WriteString("  ")
		}
		b.WriteString(p.Sprintf(key, args...))
		b.WriteByte('\n')
	}
	line(false, "comparing %s with %s", r.OldFile, r.NewFile)
	if r.Equal() {
		line(false, "the two filings hold the same data")
		_, err := io.WriteString(w, b.String())
		return err
	}
	if r.OldUnit != r.NewUnit {
		if r.Converted {
			line(false, "the money unit changed from %s to %s; amounts below are in %s", r.OldUnit, r.NewUnit, r.Unit)
		} else {
			line(false, "the money unit changed from %s to %s, which cannot be converted; amounts are shown as written", r.OldUnit, r.NewUnit)
		}
	}
	heading := "\xff" // the project whose heading was printed last (none yet)
	count := 0
	for _, ch := range r.Changes {
		if ch.Field == "money unit" {
			count++
			continue
		}
		key := ch.Code + "\x00" + ch.Name
		if key != heading {
			heading = key
			switch {
			case ch.Code == "" && ch.Name == "":
				line(false, "department and part one")
			case ch.Field == "" && ch.Kind == Added:
				line(false, "added project %s %s: budget %s", ch.Code, ch.Name, r.money(ch.New))
				count++
				continue
			case ch.Field == "" && ch.Kind == Removed:
				line(false, "removed project %s %s: budget %s", ch.Code, ch.Name, r.money(ch.Old))
				count++
				continue
			default:
				line(false, "project %s %s", ch.Code, ch.Name)
			}
		}
		count++
		label := r.label(p, ch)
		old, new := r.value(p, ch, ch.Old), r.value(p, ch, ch.New)
		switch {
		case ch.Kind == Renamed:
			line(true, "renamed: %s → %s", old, new)
		case ch.Kind == Added:
			line(true, "%s added: %s", label, new)
		case ch.Kind == Removed:
			line(true, "%s removed: %s", label, old)
		case ch.Delta != "":
			delta := ch.Delta
			if ch.Amount {
				delta = r.money(delta)
			}
			line(true, "%s: %s → %s (%s)", label, old, new, delta)
		case ch.Inline != "":
			line(true, "%s: %s", label, visible(ch.Inline))
		default:
			line(true, "%s: %s → %s", label, old, new)
		}
	}
	if r.OldTotal != r.NewTotal {
		line(false, "total budget: %s → %s (%s)", r.money(r.OldTotal), r.money(r.NewTotal), r.money(r.TotalDelta))
	}
	line(false, "%s changes", strconv.Itoa(count))
	_, err := io.WriteString(w, b.String())
	return err
}

// label names a change's field in the reader's language, with the item it
// is about: 指标值（产出指标/数量指标/舆情监测）, 绩效目标（第2项）.
func (r *Report) label(p *diag.Printer, ch Change) string {
	field := p.Sprintf(ch.Field)
	switch {
	case ch.Item != "":
		return p.Sprintf("%s (%s)", field, ch.Item)
	case ch.Index > 0:
		return p.Sprintf("%s (no. %s)", field, strconv.Itoa(ch.Index))
	}
	return field
}

// value prints a value: an amount with the report's unit, a plan value as
// a percentage, a text in quotes, nothing as (empty).
func (r *Report) value(p *diag.Printer, ch Change, v string) string {
	switch {
	case v == "":
		return p.Sprintf("(empty)")
	case ch.Amount:
		return r.money(v)
	case ch.Field == "the spending plan":
		return v + "%"
	}
	return p.Sprintf("%q", visible(v))
}

// visible keeps a change on its line: line breaks in a text show as ↵ and
// tabs as →.
var visible = strings.NewReplacer("\r\n", "↵", "\n", "↵", "\r", "↵", "\t", "→").Replace

// money appends the report's unit to an amount, unless the amount carries
// its own (amounts that could not be converted).
func (r *Report) money(v string) string {
	if v == "" || strings.Contains(v, " ") {
		return v
	}
	return v + r.Unit
}
