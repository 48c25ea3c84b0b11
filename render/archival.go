package render

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render/archive"
	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diff"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// The archive (render/archive) and the comparison of two filings
// (render/diff), as a front end names them.
type (
	// Changes is what changed from one version of a filing to the next.
	Changes = diff.Report
	// ArchiveSource is a filing to archive: its path and bytes.
	ArchiveSource = archive.Source
	// ArchiveManifest is an archived year's manifest.json.
	ArchiveManifest = archive.Manifest
	// ArchiveProblem is a way an archived year differs from its manifest.
	ArchiveProblem = archive.Problem
	// The errors of Archive and VerifyArchive.
	ArchiveBuildError    = archive.BuildError
	ArchiveChangedError  = archive.ChangedError
	ArchiveConflictError = archive.ConflictError
	ArchiveManifestError = archive.ManifestError
)

// The kinds of ArchiveProblem.
const (
	ArchiveAdded      = archive.Added
	ArchiveMissing    = archive.Missing
	ArchiveChanged    = archive.Changed
	ArchiveDifferent  = archive.Different
	ArchiveNotRebuilt = archive.NotRebuilt
)

// ArchiveManifestName is the manifest's file name in an archived year.
const ArchiveManifestName = archive.ManifestName

// Compare lists what changed from before to after, by project and field;
// the spending plan's values are named by after's form.
func (e *Engine) Compare(before, after *budget.Filing) *Changes {
	var opt diff.Options
	if t, _ := e.template(after); t != nil {
		opt.Checkpoints = t.Profile().Checkpoints
	}
	return diff.Compare(before, after, opt)
}

// Archive builds every source for the archive and keeps them in dir, one
// folder per budget year (see render/archive); tool is the program's
// version, recorded in the manifest. When a source cannot be built, the
// error joins an ArchiveBuildError for each, wrapping its findings
// (diag.List), and nothing is written.
func (e *Engine) Archive(dir string, sources []ArchiveSource, tool string) ([]string, error) {
	return archive.Archive(dir, sources, e.buildForArchive, tool)
}

// VerifyArchive compares an archived year's folder with its manifest; with
// rebuild, it also builds every report again from its archived source and
// compares the bytes. A manifest that cannot be read is an
// *ArchiveManifestError.
func (e *Engine) VerifyArchive(yearDir string, rebuild bool) (*ArchiveManifest, []ArchiveProblem, error) {
	m, problems, err := archive.Verify(yearDir)
	if err == nil && rebuild {
		problems = append(problems, archive.Rebuild(yearDir, m, e.buildForArchive)...)
	}
	return m, problems, err
}

// buildForArchive is the pipeline set up for the archive: it loads,
// checks and builds a source, its PDF as PDF/A-3b. The documents' date is
// the filing's date key, else 1 January of its year (never
// SOURCE_DATE_EPOCH or the clock), and the report must be drawn with the
// fonts inside the program, so that any machine rebuilds the same bytes.
func (e *Engine) buildForArchive(name string, src []byte) (*archive.Built, error) {
	f, notes, err := e.Load(name, src)
	if err != nil {
		if len(notes) > 0 {
			return nil, notes
		}
		return nil, err
	}
	if f.Date == "" && f.Year > 0 && f.Year <= 9999 {
		f.Date = fmt.Sprintf("%04d-01-01", f.Year)
	}
	t, _ := e.template(f)
	rep, notes, err := e.Build(f)
	if err != nil {
		if notes.HasErrors() {
			return nil, notes
		}
		return nil, err
	}
	faces := facesUsed(rep.pages)
	for _, face := range faces {
		if !slices.Contains(fonts.EmbeddedNames(), face) {
			return nil, &ArchiveFontError{Template: t.ID(), Face: face}
		}
	}
	var pdf, docx bytes.Buffer
	if err := rep.WritePDFA(&pdf); err != nil {
		return nil, err
	}
	if err := rep.WriteDOCX(&docx); err != nil {
		return nil, err
	}
	return &archive.Built{Year: f.Year, Code: f.Department.Code, Name: f.Department.Name,
		Template: t.Name, TemplateVersion: t.Version, Fonts: faces, Date: f.Date,
		PDF: pdf.Bytes(), DOCX: docx.Bytes()}, nil
}

// ArchiveFontError is a report drawn with a font that is not inside the
// program, which an archive cannot use: another machine may not have it.
type ArchiveFontError struct{ Template, Face string }

func (e *ArchiveFontError) Error() string {
	return fmt.Sprintf("archives use only the fonts inside jixiao; template %s draws with %s", e.Template, e.Face)
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
