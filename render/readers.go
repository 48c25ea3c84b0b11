package render

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/workbook"
)

// readers are the input formats by file extension (lower case). A file
// with an extension not listed is read as TOML. Adding a format is one
// line here: its extension and its Reader. The workbook reader also takes
// the spreadsheet formats it does not read (.xls, .et, .ods), to say how
// to save them as .xlsx.
var readers = map[string]reader{
	".toml": {read: budget.Parse, limit: budget.MaxFileSize},
	".xlsx": xlsx,
	".xlsm": xlsx,
	".xls":  xlsx,
	".et":   xlsx,
	".ods":  xlsx,
}

// InputExtensions lists the extensions of the files a filing is read from
// (".toml", ".xlsx", …, and the spreadsheet formats that are refused with
// how to save them as .xlsx), sorted: what a front end looks for in a
// folder.
func InputExtensions() []string { return slices.Sorted(maps.Keys(readers)) }

// A data workbook holds the same filing as a TOML file about 8 times its
// size (the sample of 1,000 projects: 0.3 MB as a workbook, 2.3 MB as
// TOML): its zip compresses the sheets' XML.
var xlsx = reader{read: workbook.Read, limit: workbook.MaxFileSize, hints: workbook.Hints, expands: 8}

// A Reader decodes a filing from the bytes of a file; file names the file
// in findings. It returns the filing, or nil with findings that hold an
// error.
type Reader func(file string, data []byte) (*budget.Filing, diag.List)

type reader struct {
	read Reader
	// limit is the largest file read, refused before reading it (F6).
	limit int64
	// hints, if set, rewords the validator's hints for the format (a
	// workbook has cells where TOML has keys).
	hints func(diag.List) diag.List
	// expands is how many bytes of TOML a byte of the format holds (1 when
	// 0), for InputSize.
	expands int64
}

// InputSize is the size of the TOML file that holds the same filing as the
// file at path of size bytes: what a caller sizing memory for a filing
// goes by.
func InputSize(path string, size int64) int64 {
	return size * max(1, readerOf(path).expands)
}

// readerOf is the reader of the file named file, by its extension.
func readerOf(file string) reader {
	if r, ok := readers[strings.ToLower(filepath.Ext(file))]; ok {
		return r
	}
	return readers[".toml"]
}

// Extensions lists the file extensions of the formats render reads (lower
// case, with the dot, sorted): what a folder is searched for.
func Extensions() []string {
	exts := slices.Collect(maps.Keys(readers))
	slices.Sort(exts)
	return exts
}
