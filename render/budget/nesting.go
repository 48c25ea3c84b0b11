package budget

import "strings"

// MaxNesting is the deepest nesting a filing may have: brackets and braces
// inside a value, and the parts of a dotted key or table header. The schema
// needs 3 (projects.indicators.value). The TOML library recurses once per
// level and its bookkeeping grows with the square of the key depth, so a
// file of a few megabytes nested thousands deep would exhaust the stack or
// take minutes; such a file is refused before parsing.
const MaxNesting = 16

// tooDeep scans src as the TOML lexer would, tracking strings, comments,
// brackets and key context, and returns the byte offset where the nesting
// first exceeds MaxNesting, or -1. It must never miss nesting that the TOML
// parser would see; on malformed text it may stop early, since the parser
// will reject that text anyway.
func tooDeep(src string) int {
	var stack []byte // open '[' and '{' of values
	keyContext := true
	header := false // inside a [table] or [[array]] header
	parts := 1      // parts of the current key
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '#':
			i = skipLine(src, i)
			i-- // let the newline be seen
		case '"', '\'':
			i = skipString(src, i)
		case '\n':
			if len(stack) == 0 && !header {
				keyContext, parts = true, 1
			}
		case '=':
			keyContext = false
		case '.':
			if keyContext {
				if parts++; parts > MaxNesting {
					return i
				}
			}
		case '[':
			if keyContext && len(stack) == 0 {
				header = true
				continue
			}
			if stack = append(stack, c); len(stack) > MaxNesting {
				return i
			}
		case '{':
			if stack = append(stack, c); len(stack) > MaxNesting {
				return i
			}
			keyContext, parts = true, 1
		case ',':
			if len(stack) > 0 && stack[len(stack)-1] == '{' {
				keyContext, parts = true, 1
			}
		case ']', '}':
			if header && len(stack) == 0 {
				header, keyContext = false, false
			} else if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return -1
}

// skipLine returns the offset of the newline ending the line at i, or
// len(src).
func skipLine(src string, i int) int {
	if n := strings.IndexByte(src[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(src)
}

// skipString returns the offset of the last byte of the string that starts
// with the quote at i: "basic", 'literal', or their multi-line forms with
// three quotes. A single-line string ends at the newline if it is not
// closed (the parser rejects it there).
func skipString(src string, i int) int {
	q := src[i]
	delim := string([]byte{q, q, q})
	if strings.HasPrefix(src[i:], delim) {
		for j := i + 3; j < len(src); j++ {
			switch {
			case q == '"' && src[j] == '\\':
				j++
			case strings.HasPrefix(src[j:], delim):
				// Up to two more quotes belong to the content: """a"""" is a".
				end := j + 3
				for end < len(src) && end < j+5 && src[end] == q {
					end++
				}
				return end - 1
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			return j
		case src[j] == '\n':
			return j - 1
		}
	}
	return len(src)
}
