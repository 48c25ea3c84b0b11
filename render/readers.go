package render

import (
	"maps"
	"slices"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// readers are the input formats by file extension (lower case). A file
// with an extension not listed is read as TOML. Adding a format is one
// line here: its extension and its Reader.
var readers = map[string]reader{
	".toml": {read: budget.Parse, form: budget.TemplateKey},
}

// InputExtensions lists the extensions of the files a filing is read from
// (".toml", …), sorted: what a front end looks for in a folder.
func InputExtensions() []string { return slices.Sorted(maps.Keys(readers)) }

// A Reader decodes a filing from the bytes of a file; file names the file
// in findings. It returns the filing, or nil with findings that hold an
// error.
type Reader func(file string, data []byte) (*budget.Filing, diag.List)

type reader struct {
	read Reader
	// form, if set, takes a quick look at the data for the name of the
	// filing's form, so that its template can compile while read decodes
	// the data ("" when it finds none).
	form func(data []byte) string
}
