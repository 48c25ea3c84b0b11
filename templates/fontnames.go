package templates

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/fonts"
)

func embeddedList() string { return strings.Join(fonts.EmbeddedNames(), ", ") }

// fontPath resolves a font file named relative to a user template's folder;
// embedded face names pass through.
func (t *Template) fontPath(name string) string {
	if name == "" || t.Dir == "" || filepath.IsAbs(name) || !strings.ContainsAny(name, "./\\") {
		return name
	}
	return filepath.Join(t.Dir, name)
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
			c.fail("fonts."+role+"."+key, "font %q cannot be used: %v", []any{name, err},
				"name an embedded face (%s), or a TrueType .ttf or .ttc file relative to the template", embeddedList())
		}
	}
}
