package budget

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// Positions maps a key path such as "projects[2].indicators[1].value"
// (1-based array indices) to where the key is written in the source: a
// line and column of a TOML file, or a sheet and cell of a workbook (see
// diag.Pos). Table headers are recorded too: "projects[2]" is the line of
// its [[projects]] header. The positions may leave File empty: it is the
// Filing's File (see Filing.At).
type Positions map[string]diag.Pos

// Of returns the position of path, or of its nearest recorded ancestor. A
// path written as an array of tables where a table belongs ([[department]])
// is found at its first element.
func (p Positions) Of(path string) diag.Pos {
	for path != "" {
		if pos, ok := p[path]; ok {
			return pos
		}
		if pos, ok := p[path+"[1]"]; ok {
			return pos
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return diag.Pos{}
}

// At returns where the key at path (or its nearest recorded ancestor) is
// written, with the filing's file name.
func (f *Filing) At(path string) diag.Pos {
	p := f.Positions.Of(path)
	if p.File == "" {
		p.File = f.File
	}
	return p
}

// IndexPositions records where each key of a TOML document is written. It
// understands the subset of TOML structure that matters for positions
// (table and array-of-tables headers, dotted keys, multi-line strings and
// arrays) and assumes the document already parsed, so it never fails.
func IndexPositions(src string) Positions {
	pos, _ := indexSource(src)
	return pos
}

// header is a table or array-of-tables header line: its 0-based line and
// its indexed path ("projects[2].indicators[1]").
type header struct {
	line int
	path string
}

// indexSource is IndexPositions that also lists the header lines in order.
func indexSource(src string) (Positions, []header) {
	pos := Positions{}
	var headers []header
	counts := map[string]int{} // array-of-tables path (parents indexed) → count
	table := ""                // current table path with indices
	lines := strings.Split(src, "\n")
	inString := "" // closing delimiter of an open multi-line string
	depth := 0     // open brackets of a multi-line array or inline table
	for i, line := range lines {
		if inString != "" || depth > 0 { // inside a value that began on an earlier line
			var d int
			d, inString = bracketDelta(line, inString)
			depth = max(depth+d, 0)
			continue
		}
		trimmed := strings.TrimLeft(line, " \t\ufeff")
		col := utf8.RuneCountInString(line[:len(line)-len(trimmed)]) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case strings.HasPrefix(trimmed, "[["):
			name := headerName(trimmed[2:], "]]")
			base := indexed(name, counts)
			counts[base]++
			table = fmt.Sprintf("%s[%d]", base, counts[base])
			pos[table] = diag.Pos{Line: i + 1, Col: col}
			headers = append(headers, header{i, table})
		case trimmed[0] == '[':
			table = indexed(headerName(trimmed[1:], "]"), counts)
			pos[table] = diag.Pos{Line: i + 1, Col: col}
			headers = append(headers, header{i, table})
		default:
			key, rest, ok := strings.Cut(trimmed, "=")
			if !ok {
				continue
			}
			path := joinPath(table, keyPath(key))
			if _, seen := pos[path]; !seen {
				pos[path] = diag.Pos{Line: i + 1, Col: col}
			}
			depth, inString = bracketDelta(rest, "")
			depth = max(depth, 0)
		}
	}
	return pos, headers
}

// indexed adds to each prefix of name that is an array of tables the index
// of its latest element, e.g. "projects.indicators" → "projects[2].indicators".
func indexed(name string, counts map[string]int) string {
	parts := strings.Split(name, ".")
	cur := ""
	for i, p := range parts {
		if i > 0 {
			cur += "."
		}
		cur += p
		if n := counts[cur]; n > 0 && i < len(parts)-1 {
			cur += fmt.Sprintf("[%d]", n)
		}
	}
	return cur
}

func headerName(s, closing string) string {
	name, _, _ := strings.Cut(s, closing)
	return keyPath(name)
}

// keyPath normalises a possibly dotted, possibly quoted key.
func keyPath(key string) string {
	var parts []string
	for _, p := range strings.Split(key, ".") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

func joinPath(table, key string) string {
	if table == "" {
		return key
	}
	return table + "." + key
}

func stripIndices(path string) string {
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bracketDelta counts opening minus closing brackets and braces in a line
// of a value, outside strings and comments. inString is the delimiter of a
// multi-line string open at the start of the line ("" for none); the
// delimiter of one still open at its end is returned, so that a value's
// lines are followed through multi-line strings, in arrays too.
func bracketDelta(s, inString string) (int, string) {
	n := 0
	for i := 0; i < len(s); i++ {
		if inString != "" {
			end := strings.Index(s[i:], inString)
			if end < 0 {
				return n, inString
			}
			i += end + len(inString) - 1
			inString = ""
			continue
		}
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], `"""`), strings.HasPrefix(s[i:], `'''`):
			inString = s[i : i+3]
			i += 2
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(s) && s[j] != c {
				if c == '"' && s[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case c == '#':
			return n, ""
		case c == '[' || c == '{':
			n++
		case c == ']' || c == '}':
			n--
		}
	}
	return n, inString
}
