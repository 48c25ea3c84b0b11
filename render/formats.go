package render

import (
	"slices"
	"strings"
)

// FormatError is the error of ParseFormats: Name is the unknown format, or
// "" when none was named.
type FormatError struct{ Name string }

func (e *FormatError) Error() string {
	if e.Name == "" {
		return "render: no output format named"
	}
	return "render: unknown output format " + e.Name
}

// ParseFormats reads a comma-separated list of output formats ("pdf",
// "docx", "pdf,docx"; case and blanks ignored, repeats dropped) in the
// order given. A list naming no format is an error, not a run that
// writes nothing.
func ParseFormats(list string) ([]string, error) {
	var exts []string
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || slices.Contains(exts, f) {
			continue
		}
		if _, ok := Formats[f]; !ok {
			return nil, &FormatError{f}
		}
		exts = append(exts, f)
	}
	if len(exts) == 0 {
		return nil, &FormatError{}
	}
	return exts, nil
}
