package render

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/archive"
	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/layout"
	"github.com/jixiao-dev/jixiao/templates"
)

// ArchiveBuilder is the pipeline set up for the archive (render/archive):
// it reads a source filing, finds its form in set (defaultTemplate when it
// names none), checks it, and builds its PDF as PDF/A-3b and its DOCX. The
// documents' date is the filing's date key, else 1 January of its year
// (never SOURCE_DATE_EPOCH or the clock), and the report must be drawn
// with the fonts embedded in the program, so that any machine rebuilds the
// same bytes. A filing with errors returns its findings as a diag.List.
func ArchiveBuilder(set *templates.Set, defaultTemplate string) archive.Builder {
	return func(name string, src []byte) (*archive.Built, error) {
		f, notes := budget.Parse(name, src)
		if f == nil {
			return nil, notes
		}
		t, ok := set.Get(cmp.Or(f.Template, defaultTemplate), f.Year)
		if !ok {
			p := f.Positions.Of("template")
			return nil, diag.List{{File: name, Line: p.Line, Col: p.Col, Severity: diag.Error, Code: "F10", Path: "template",
				Msg: "unknown template %q", Args: []any{cmp.Or(f.Template, defaultTemplate)},
				Hint: "run jixiao templates to list the forms, or add yours with --templates DIR"}}
		}
		notes = append(notes, check.Filing(f, t.Profile())...)
		if notes.HasErrors() {
			notes.Sort()
			return nil, notes
		}
		rep, err := Build(f, t)
		if err != nil {
			return nil, err
		}
		faces := facesUsed(rep.Layout)
		for _, face := range faces {
			if !slices.Contains(fonts.EmbeddedNames(), face) {
				return nil, &ArchiveFontError{Template: t.ID(), Face: face}
			}
		}
		date := archiveDate(f)
		rep.Doc.Meta.Created = date
		var pdf, docx bytes.Buffer
		if err := rep.WritePDFA(&pdf); err != nil {
			return nil, err
		}
		if err := rep.WriteDOCX(&docx); err != nil {
			return nil, err
		}
		return &archive.Built{Year: f.Year, Code: f.Department.Code, Name: f.Department.Name,
			Template: t.Name, TemplateVersion: t.Version, Fonts: faces, Date: date.Format("2006-01-02"),
			PDF: pdf.Bytes(), DOCX: docx.Bytes()}, nil
	}
}

// ArchiveFontError is a report drawn with a font that is not inside the
// program, which an archive cannot use: another machine may not have it.
type ArchiveFontError struct{ Template, Face string }

func (e *ArchiveFontError) Error() string {
	return fmt.Sprintf("archives use only the fonts inside jixiao; template %s draws with %s", e.Template, e.Face)
}

// archiveDate is an archived report's date: the filing's date key, else 1
// January of its budget year.
func archiveDate(f *budget.Filing) time.Time {
	if t, err := time.Parse("2006-01-02", f.Date); err == nil {
		return t
	}
	return time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC)
}

// facesUsed lists the font faces a layout draws text in, by name.
func facesUsed(r *layout.Result) []string {
	used := map[string]bool{}
	for _, p := range r.Pages {
		for _, it := range p.Items {
			if t, ok := it.(layout.Text); ok {
				name, _, _ := strings.Cut(t.FaceID, "#")
				used[name] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(used))
}
