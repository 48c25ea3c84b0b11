package templates

import (
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/safefile"
)

func embeddedList() diag.Whole { return diag.Whole(strings.Join(fonts.EmbeddedNames(), ", ")) }

// fontPath resolves a font file named relative to a user template's folder;
// embedded face names pass through.
func (t *Template) fontPath(name string) string {
	if name == "" || t.Dir == "" || filepath.IsAbs(name) || !isFile(name) {
		return name
	}
	return filepath.Join(t.Dir, name)
}

// isFile reports whether a font name is a file's path rather than an
// embedded face's name (which has no dot or slash).
func isFile(name string) bool { return strings.ContainsAny(name, "./\\") }

// Files are the files a user template reads: its own and the font files it
// names, so that no output may replace one; none for a built-in template.
func (t *Template) Files() []string {
	if t.Dir == "" {
		return nil
	}
	files := []string{t.Source}
	for _, role := range slices.Sorted(maps.Keys(t.spec.Fonts)) {
		f := t.spec.Fonts[role]
		for _, name := range []string{f.PDF, f.PDFBold} {
			if isFile(name) {
				files = append(files, t.fontPath(name))
			}
		}
	}
	return files
}

// checkFont makes sure a font role's faces can be embedded: an embedded
// face, or a font file that loads (exists, is TrueType, the collection has
// the face asked for). A bad file is reported now, as a template error,
// not when a filing is rendered.
func (c *compiler) checkFont(role string, f fontSpec) {
	if f.PDF == "" {
		c.fail("fonts."+role, "font %q names no PDF face", []any{role}, "set pdf = to an embedded face (%s) or a .ttf/.ttc file", embeddedList())
	}
	for i, name := range []string{f.PDF, f.PDFBold} {
		key := []string{"pdf", "pdf_bold"}[i]
		if name == "" || slices.Contains(fonts.EmbeddedNames(), name) {
			continue
		}
		if _, err := fonts.Load(c.t.fontPath(name), f.Index); err != nil {
			c.fail("fonts."+role+"."+key, "font %q cannot be used: %v", []any{name, FontProblem(err)},
				"name an embedded face (%s), or a TrueType .ttf or .ttc file relative to the template", embeddedList())
		}
	}
}

// FontProblem says, in the reader's language, why a font file cannot be
// used; a damaged file's technical detail (which table is at fault) is
// added as the font library gives it.
func FontProblem(err error) diag.Text {
	detail := err.Error()
	var fe *fonts.FileError
	if errors.As(err, &fe) {
		detail = fe.Detail
	}
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission), errors.Is(err, safefile.ErrNotRegular), errors.As(err, new(*safefile.TooLargeError)):
		return fileProblem(err)
	case errors.Is(err, fonts.ErrCFF):
		return diag.T("it is an OpenType font with PostScript (CFF) outlines, which cannot be embedded; use a TrueType (.ttf or .ttc) font")
	case errors.Is(err, fonts.ErrVariable):
		return diag.T("it is a variable font; use a static TrueType font")
	case errors.Is(err, fonts.ErrRestricted):
		return diag.T("its licence (OS/2 fsType) does not allow embedding it in documents")
	case errors.Is(err, fonts.ErrNoCmap):
		return diag.T("it has no Unicode character map")
	case errors.Is(err, fonts.ErrFaceIndex):
		return diag.T("the font file has no face with that index: %s", detail)
	case errors.Is(err, fonts.ErrFormat):
		return diag.T("the file is damaged or not a TrueType font (%s)", detail)
	}
	return diag.T("cannot read the file: %v", err)
}

// fileProblem says why a template or font file could not be read, never
// showing its bytes.
func fileProblem(err error) diag.Text {
	var big *safefile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return diag.T("the file does not exist")
	case errors.Is(err, fs.ErrPermission):
		return diag.T("no permission to read the file")
	case errors.Is(err, safefile.ErrNotRegular):
		return diag.T("it is not a regular file but a folder, a device or a pipe")
	case errors.As(err, &big):
		return diag.T("the file is %d bytes; the limit is %d bytes", big.Size, big.Max)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return diag.T("cannot read the file: %v", err)
}
