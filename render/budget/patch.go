package budget

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Patch writes the values of t into the source and returns the new text.
// Only what differs from the source is touched: a changed value is
// replaced where it is written, so the comments and the layout around it
// stay; a key the source lacks is added after its table's last key; a
// cleared amount or year is removed; array elements (sections, projects,
// indicators) are matched by their Origin, so that a reordered element
// keeps its comments and layout, a removed one goes with its lines and a
// new one is appended after the last. CRLF line ends are kept.
func (s *Source) Patch(t *Table) []byte {
	p := &patcher{source: s.src, used: map[string]bool{}}
	out := p.region("", formFields(), s.orig, t, 0, len(s.src.lineStart))
	if s.crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return []byte(out)
}

// Patch writes the values of t into a filing's TOML source data:
// ReadSource(data).Patch(t).
func Patch(data []byte, t *Table) ([]byte, error) {
	s, err := ReadSource(data)
	if err != nil {
		return nil, err
	}
	return s.Patch(t), nil
}

type patcher struct {
	*source
	used map[string]bool // element headers already placed
}

// offset is the byte offset of the start of line i (0-based), or the end
// of the text.
func (p *source) offset(i int) int {
	if i >= len(p.lineStart) {
		return len(p.text)
	}
	return p.lineStart[i]
}

// lineOf is the 0-based line holding byte offset off.
func (p *source) lineOf(off int) int {
	return sort.SearchInts(p.lineStart, off+1) - 1
}

// blockEnd is the line after the block that header i opens: its own lines
// and those of its sub-tables, without the blank lines that end it.
func (p *source) blockEnd(i, limit int) int {
	h := p.headers[i]
	end := limit
	for _, next := range p.headers[i+1:] {
		if !strings.HasPrefix(next.path, h.path+".") {
			end = min(next.line, limit)
			break
		}
	}
	for end > h.line+1 && strings.TrimSpace(p.text[p.offset(end-1):p.offset(end)]) == "" {
		end--
	}
	return end
}

// edit replaces text[start:end] of the source.
type edit struct {
	start, end int
	text       string
}

// region writes the table at path, whose lines are [from, to) of the
// source (the whole file for the root), with the values of draft where
// they differ from orig, the values the source holds.
func (p *patcher) region(path string, fields []field, orig, draft *Table, from, to int) string {
	if orig == nil {
		orig = &Table{}
	}
	if draft == nil {
		draft = &Table{}
	}
	// The table's own keys come before its first sub-table's header.
	own := to
	first := len(p.headers)
	for i, h := range p.headers {
		if h.line > from || path == "" && h.line >= from {
			if h.line < to {
				own, first = h.line, i
			}
			break
		}
	}
	var b strings.Builder
	b.WriteString(p.keys(path, fields, orig, draft, from, own))
	cur := own
	slots := map[string]int{}
	for i := first; i < len(p.headers) && p.headers[i].line < to; i++ {
		h := p.headers[i]
		key, ok := childKey(path, h.path)
		if !ok {
			continue // inside a sub-table's block
		}
		end := p.blockEnd(i, to)
		gap := p.text[p.offset(cur):p.offset(h.line)]
		cur = end
		f := fieldNamed(fields, key)
		switch {
		case f == nil: // a table the schema does not know: kept as it is
			b.WriteString(gap)
			b.WriteString(p.text[p.offset(h.line):p.offset(end)])
		case f.kind == kindTable:
			b.WriteString(gap)
			b.WriteString(p.region(h.path, f.sub, orig.Tables[key], draft.Tables[key], h.line, end))
		case f.kind == kindArray:
			slots[key]++
			k, want := slots[key], draft.Arrays[key]
			if k <= len(want) || strings.TrimSpace(gap) != "" {
				b.WriteString(gap)
			}
			if k <= len(want) {
				b.WriteString(p.element(path, f, orig, want[k-1]))
			}
			if k == len(orig.Arrays[key]) {
				for _, extra := range want[min(k, len(want)):] {
					b.WriteString("\n")
					b.WriteString(p.element(path, f, orig, extra))
				}
			}
		}
	}
	b.WriteString(p.text[p.offset(cur):p.offset(to)])
	// Sub-tables and arrays the source does not have at all.
	for i := range fields {
		f := &fields[i]
		name := joinPath(stripIndices(path), f.key)
		switch {
		case f.kind == kindArray && slots[f.key] == 0:
			for _, e := range draft.Arrays[f.key] {
				endLine(&b)
				b.WriteString("\n")
				b.WriteString(p.newBlock(name, f, e))
			}
		case f.kind == kindTable && orig.Tables[f.key] == nil && !draft.Tables[f.key].equal(nil, f.sub):
			endLine(&b)
			indent := p.indent(name)
			fmt.Fprintf(&b, "\n%s[%s]\n", indent, name)
			for i := range f.sub {
				if line, ok := assignment(&f.sub[i], draft.Tables[f.key]); ok {
					b.WriteString(indent + line + "\n")
				}
			}
		}
	}
	return b.String()
}

// endLine ends what b holds with a newline.
func endLine(b *strings.Builder) {
	if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		b.WriteString("\n")
	}
}

// childKey returns the key under which table child sits directly in table
// parent ("projects[2].indicators[1]" is indicators of "projects[2]").
func childKey(parent, child string) (string, bool) {
	rest := child
	if parent != "" {
		var ok bool
		if rest, ok = strings.CutPrefix(child, parent+"."); !ok {
			return "", false
		}
	}
	key, _, _ := strings.Cut(rest, "[")
	if strings.Contains(key, ".") || len(key) < len(rest) && !strings.HasSuffix(rest, "]") ||
		strings.Contains(rest[len(key):], ".") {
		return "", false
	}
	return key, true
}

func fieldNamed(fields []field, key string) *field {
	for i := range fields {
		if fields[i].key == key {
			return &fields[i]
		}
	}
	return nil
}

// element writes one element of the array f of the table at path: the
// source's element it came from, patched, or a new block.
func (p *patcher) element(path string, f *field, orig *Table, e *Table) string {
	if e == nil {
		e = &Table{}
	}
	name := joinPath(path, f.key)
	if e.Origin >= 1 && e.Origin <= len(orig.Arrays[f.key]) {
		at := fmt.Sprintf("%s[%d]", name, e.Origin)
		if i, ok := p.header[at]; ok && !p.used[at] {
			p.used[at] = true
			return p.region(at, f.sub, orig.Arrays[f.key][e.Origin-1], e, p.headers[i].line, p.blockEnd(i, len(p.lineStart)))
		}
	}
	return p.newBlock(stripIndices(name), f, e)
}

// newBlock writes a new array element [[name]] with its values.
func (p *patcher) newBlock(name string, f *field, e *Table) string {
	indent := p.indent(name)
	var b strings.Builder
	fmt.Fprintf(&b, "%s[[%s]]\n", indent, name)
	for i := range f.sub {
		sf := &f.sub[i]
		switch sf.kind {
		case kindArray:
			for _, sub := range e.Arrays[sf.key] {
				b.WriteString("\n")
				b.WriteString(p.newBlock(name+"."+sf.key, sf, sub))
			}
		case kindTable: // the schema has none inside an array
		default:
			if line, ok := assignment(sf, e); ok {
				b.WriteString(indent + line + "\n")
			}
		}
	}
	return b.String()
}

// indent is the indentation of the source's first header of the table
// name (without indices): new blocks look like their neighbours. A nested
// table that has none is indented by two spaces.
func (p *patcher) indent(name string) string {
	for _, h := range p.headers {
		if stripIndices(h.path) == name {
			line := p.text[p.offset(h.line):p.offset(h.line+1)]
			return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		}
	}
	if strings.Contains(name, ".") {
		return "  "
	}
	return ""
}

// assignment is the line key = value for a new key, or false when the
// value is empty.
func assignment(f *field, t *Table) (string, bool) {
	if f.kind == kindTexts || f.kind == kindDecimals {
		list := t.Lists[f.key]
		if len(list) == 0 {
			return "", false
		}
		return f.key + " = " + listLiteral(f.kind, list), true
	}
	v := t.Values[f.key]
	if v == "" {
		return "", false
	}
	return f.key + " = " + literal(f.kind, v), true
}

// keys writes lines [from, to) of the source, the keys of the table at
// path, with the changed values of draft.
func (p *patcher) keys(path string, fields []field, orig, draft *Table, from, to int) string {
	var edits []edit
	var added []string
	for i := range fields {
		f := &fields[i]
		at := joinPath(path, f.key)
		switch f.kind {
		case kindTable, kindArray:
			continue
		case kindTexts, kindDecimals:
			old, now := orig.Lists[f.key], draft.Lists[f.key]
			if slices.Equal(old, now) {
				continue
			}
			start, end, ok := p.valueAt(at)
			switch {
			case !ok:
				if line, ok := assignment(f, draft); ok {
					added = append(added, line)
				}
			case len(old) == len(now) && len(p.elements(at)) == len(old):
				for j, r := range p.elements(at) { // element by element, keeping the layout
					if old[j] != now[j] {
						edits = append(edits, edit{r[0], r[1], elemLiteral(f.kind, now[j])})
					}
				}
			default:
				edits = append(edits, edit{start, end, listLiteral(f.kind, now)})
			}
		default:
			old, now := orig.Values[f.key], draft.Values[f.key]
			if old == now {
				continue
			}
			start, end, ok := p.valueAt(at)
			switch {
			case !ok:
				if line, ok := assignment(f, draft); ok {
					added = append(added, line)
				}
			case now == "" && f.kind != kindText: // a cleared number: the key goes
				edits = append(edits, edit{p.offset(p.lineOf(start)), p.offset(p.lineOf(end) + 1), ""})
			default:
				edits = append(edits, edit{start, end, literal(f.kind, now)})
			}
		}
	}
	if len(added) > 0 {
		at, indent := p.keysEnd(path, from, to)
		text := ""
		if at > 0 && at == len(p.text) && !strings.HasSuffix(p.text, "\n") {
			text = "\n"
		}
		for _, line := range added {
			text += indent + line + "\n"
		}
		edits = append(edits, edit{at, at, text})
	}
	var b strings.Builder
	cur := p.offset(from)
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	for _, e := range edits { // in source order: the fields' order may differ
		b.WriteString(p.text[cur:e.start])
		b.WriteString(e.text)
		cur = e.end
	}
	b.WriteString(p.text[cur:p.offset(to)])
	return b.String()
}

// keysEnd returns where a new key of the table at path goes, among its
// lines [from, to): after its last key, and the indentation of its keys.
func (p *patcher) keysEnd(path string, from, to int) (int, string) {
	at, indent := -1, ""
	for key, pos := range p.pos {
		if _, isTable := p.header[key]; isTable || parentOf(key) != path {
			continue
		}
		line := pos.Line - 1
		if line < from || line >= to {
			continue
		}
		_, end, ok := p.valueAt(key)
		if !ok {
			continue
		}
		if next := p.offset(p.lineOf(end) + 1); next > at {
			at = next
			text := p.text[p.offset(line):]
			indent = text[:len(text)-len(strings.TrimLeft(text, " \t"))]
		}
	}
	if at >= 0 {
		return at, indent
	}
	if path == "" { // a file without top-level keys: they go first
		return p.offset(from), ""
	}
	line := p.text[p.offset(from):p.offset(from+1)]
	return p.offset(from + 1), line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}

// parentOf is the table path of a key path: projects[2].name → projects[2].
func parentOf(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}

func elemKind(k kind) kind {
	if k == kindDecimals {
		return kindDecimal
	}
	return kindText
}

func listLiteral(k kind, list []string) string {
	parts := make([]string, len(list))
	for i, v := range list {
		parts[i] = elemLiteral(k, v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Numbers written bare: at most 15 significant digits, which a TOML
// float64 holds exactly; anything else is written as a string, which the
// loader reads by the same rules and reports with the same messages.
var (
	bareDecimal = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]+)?$`) })
	bareInteger = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(0|[1-9][0-9]{0,17})$`) })
)

// literal writes a value as TOML.
func literal(k kind, v string) string {
	switch k {
	case kindDecimal:
		if bareDecimal().MatchString(v) && len(v) <= 16 {
			return v
		}
	case kindInteger:
		if bareInteger().MatchString(v) {
			return v
		}
	}
	return quote(v, true)
}

// elemLiteral writes an element of a list of kind k. Its line breaks are
// written \n: a multi-line string inside an array would hide the keys
// after it from IndexPositions, which reads arrays line by line.
func elemLiteral(k kind, v string) string {
	if k == kindTexts {
		return quote(v, false)
	}
	return literal(elemKind(k), v)
}

// quote writes a TOML basic string, multi-line when v has line breaks and
// multiline allows it.
func quote(v string, multiline bool) string {
	multi := multiline && strings.Contains(v, "\n")
	var b strings.Builder
	if multi {
		b.WriteString("\"\"\"\n")
	} else {
		b.WriteByte('"')
	}
	for i, r := range v {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"' && (!multi || strings.HasPrefix(v[i+1:], `"`) || i == len(v)-1):
			b.WriteString(`\"`)
		case r == '\n' && multi, r == '\t':
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
