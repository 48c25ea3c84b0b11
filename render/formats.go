package render

import (
	"slices"
	"strings"
	"time"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/templates"
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
		if !slices.Contains(Formats(), f) {
			return nil, &FormatError{f}
		}
		exts = append(exts, f)
	}
	if len(exts) == 0 {
		return nil, &FormatError{}
	}
	return exts, nil
}

// SourceDate reads a SOURCE_DATE_EPOCH value, the documents' date when a
// filing has none: seconds since 1970-01-01 UTC for a time from 1980 to
// 9999. A front end refuses other values as a usage error (they would
// write invalid dates); the pipeline itself ignores them.
func SourceDate(s string) (time.Time, error) { return templates.SourceDate(s) }

// YearNearToday warns (F11) when f's year is more than two years from
// today's. It is for a check run by a person, which may read the clock:
// Check and Build never do, so their output does not depend on the day.
func YearNearToday(f *budget.Filing, today time.Time) diag.List {
	return check.YearNearToday(f, today)
}
