package budget

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"reflect"

	"github.com/BurntSushi/toml"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// MaxFileSize is the largest filing accepted, refused before parsing.
// A project of the sample's shape (3 indicators, texts of a few lines) is
// about 1.9 KB, so 8 MiB holds about 4,400 of them; a run's memory stays
// within 60 times the file (docs/performance.md).
const MaxFileSize = 8 << 20

// Load reads and decodes a filing. The returned list holds every problem
// found while reading; when it has errors the filing is nil.
func Load(path string) (*Filing, diag.List) {
	data, d, _ := ReadFile(path, MaxFileSize)
	if d != nil {
		return nil, diag.List{*d}
	}
	return Parse(path, data)
}

// Errors of ReadFile, for errors.Is.
var (
	ErrUnreadable = errors.New("budget: the file cannot be read") // F0: missing, a folder, no permission
	ErrTooLarge   = errors.New("budget: the file is too large")   // F6: over MaxFileSize
)

// ReadFile reads a filing's bytes: at most limit bytes of path
// (MaxFileSize for Parse). When it cannot, it returns the finding (F0 or
// F6) and ErrUnreadable or ErrTooLarge.
func ReadFile(path string, limit int64) ([]byte, *diag.Diagnostic, error) {
	unreadable := func(d diag.Diagnostic) ([]byte, *diag.Diagnostic, error) { return nil, &d, ErrUnreadable }
	tooBig := func(size int64) ([]byte, *diag.Diagnostic, error) {
		d := tooLarge(path, size, limit)
		return nil, &d, ErrTooLarge
	}
	fh, err := os.Open(path)
	if err != nil {
		return unreadable(readError(path, err))
	}
	defer fh.Close()
	var buf bytes.Buffer
	if st, err := fh.Stat(); err == nil {
		if st.IsDir() {
			return unreadable(at(path, diag.Error, "F0", 0, 0).Say(
				diag.T("this is a folder, not a file"), diag.T("give the path of the filing's .toml file")))
		}
		if st.Size() > limit {
			return tooBig(st.Size())
		}
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(fh, limit+1)); err != nil {
		return unreadable(readError(path, err))
	}
	data := buf.Bytes()
	if int64(len(data)) > limit { // a device or pipe, whose size Stat does not know
		return tooBig(int64(len(data)))
	}
	return data, nil, nil
}

func readError(path string, err error) diag.Diagnostic {
	d := at(path, diag.Error, "F0", 0, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d = d.Say(diag.T("the file does not exist"), diag.T("check the path and that the file is readable"))
	case errors.Is(err, fs.ErrPermission):
		d = d.Say(diag.T("no permission to read the file"), diag.T("check the file's permissions, or copy it somewhere you can read"))
	default:
		d = d.Say(diag.T("cannot read the file: %v", err), diag.T("check the path and that the file is readable"))
	}
	return d
}

// Parse decodes a filing from data; name is used in messages.
func Parse(name string, data []byte) (*Filing, diag.List) {
	if len(data) > MaxFileSize {
		return nil, diag.List{tooLarge(name, int64(len(data)), MaxFileSize)}
	}
	src, notes := decodeText(name, data)
	if notes.HasErrors() {
		return nil, notes
	}
	if off := tooDeep(src); off >= 0 {
		line, col := lineCol(src, off)
		return nil, append(notes, at(name, diag.Error, "S5", line, col).Say(
			diag.T("the file is nested more than %d levels deep", MaxNesting),
			diag.T("a filing needs only a few levels; check the brackets and the dots in key names")))
	}
	var f Filing
	md, err := toml.Decode(src, &f)
	f.Positions = IndexPositions(src)
	unknown, variants := CheckKeys(md, reflect.TypeOf(f))
	if err != nil && len(variants) == 0 {
		return nil, append(notes, decodeError(name, src, err))
	}
	// A key in another case (Budget beside budget) decodes into the same
	// field as its exact spelling, and which one wins, or which one a type
	// error names, is left to chance: it is reported instead.
	f.File = name
	f.Source = data
	for _, v := range variants {
		unknown = append(unknown, v.Key)
	}
	notes = append(notes, unknownKeys(name, f.Positions, unknown)...)
	notes.Sort()
	if notes.HasErrors() {
		return nil, notes
	}
	return &f, notes
}

// at starts a loader finding about file name at line:col (0 when unknown);
// Say completes it.
func at(name string, sev diag.Severity, code string, line, col int) diag.Diagnostic {
	return diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: col}, Severity: sev, Code: code}
}

func tooLarge(name string, size, limit int64) diag.Diagnostic {
	return at(name, diag.Error, "F6", 0, 0).Say(
		diag.T("the file is %d bytes; the limit is %d bytes", size, limit),
		diag.T("a filing is a few kilobytes; check that this is the right file"))
}
