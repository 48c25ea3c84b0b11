package render

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/docximport"
	"github.com/jixiao-dev/jixiao/render/workbook"
)

// readers are the input formats by file extension (lower case). A file
// with an extension not listed is read as TOML. Adding a format is one
// line here: its extension and its Reader. The workbook reader also takes
// the spreadsheet formats it does not read (.xls, .et, .ods), to say how
// to save them as .xlsx.
var readers = map[string]reader{
	".toml": {read: budget.Parse, limit: budget.MaxFileSize},
	".xlsx": dataWorkbook,
	".xlsm": dataWorkbook,
	".xls":  dataWorkbook,
	".et":   dataWorkbook,
	".ods":  dataWorkbook,
	".docx": wordReport, // last year's report
	".doc":  wordReport, // refused with how to save it as .docx
	".wps":  wordReport,
}

// InputExtensions lists the extensions of the files a filing is read from
// (".toml", ".xlsx", …, and the spreadsheet formats that are refused with
// how to save them as .xlsx), sorted: what a front end looks for in a
// folder.
func InputExtensions() []string { return slices.Sorted(maps.Keys(readers)) }

// A data workbook holds the same filing as a TOML file about 8 times its
// size (the sample of 1,000 projects: 0.3 MB as a workbook, 2.3 MB as
// TOML): its zip compresses the sheets' XML.
var dataWorkbook = reader{read: workbook.Read, limit: workbook.MaxFileSize, hints: workbook.Hints, expands: 8}

// A Word report holds little of a filing per byte (its XML is verbose and
// compressed); pictures make most of a large one.
var wordReport = reader{read: docximport.Read, limit: docximport.MaxFileSize, named: true}

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
	// named says files of the format are read when named, never found by
	// a folder search (see Extensions).
	named bool
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
// case, with the dot, sorted): what a folder is searched for. Word
// reports are left out: a folder holds this year's reports beside the
// filings, and last year's report is read when named.
func Extensions() []string {
	var exts []string
	for ext, r := range readers {
		if !r.named {
			exts = append(exts, ext)
		}
	}
	slices.Sort(exts)
	return exts
}

// IsReport says whether the file name is that of a report file jixiao
// writes under a name of its own (NAME-绩效目标表.xlsx), not a filing.
func IsReport(name string) bool {
	for _, f := range Formats() {
		if s := Suffix(f); s != "."+f && strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
