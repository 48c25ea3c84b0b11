// Package render wires the stages together and does nothing else: a filing
// bound to its form template becomes a document model (templates), which is
// laid out into pages (layout) and drawn as a PDF (pdf), or written as a
// DOCX (docx) with the page numbers the layout found.
package render

import (
	"errors"
	"io"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/docx"
	"github.com/jixiao-dev/jixiao/render/layout"
	"github.com/jixiao-dev/jixiao/render/pdf"
	"github.com/jixiao-dev/jixiao/templates"
)

// Report is a filing bound to its template and laid out.
type Report struct {
	Doc    *doc.Document
	Layout *layout.Result
	fonts  *pdf.FontSet
}

// Build binds f to t and lays it out. A character no font can draw comes
// back as a diag.List pointing at the filing.
func Build(f *budget.Filing, t *templates.Template) (*Report, error) {
	d, err := t.Bind(f)
	if err != nil {
		return nil, err
	}
	fs := pdf.NewFontSet(d)
	res, err := layout.Layout(d, fs)
	if err != nil {
		var ge *layout.GlyphError
		if errors.As(err, &ge) {
			return nil, diag.List{glyphFinding(f, ge)}
		}
		return nil, err
	}
	return &Report{Doc: d, Layout: res, fonts: fs}, nil
}

// WritePDF draws the report as a PDF.
func (r *Report) WritePDF(w io.Writer) error { return pdf.Write(w, r.Doc, r.Layout, r.fonts) }

// WritePDFA draws the report as a PDF/A-3b file, for archiving.
func (r *Report) WritePDFA(w io.Writer) error { return pdf.WritePDFA(w, r.Doc, r.Layout, r.fonts) }

// WriteDOCX writes the report as a DOCX whose table of contents carries the
// page numbers of the PDF layout.
func (r *Report) WriteDOCX(w io.Writer) error {
	pages := map[string]int{}
	for name, a := range r.Layout.Anchors {
		pages[name] = a.Number
	}
	return docx.Write(w, r.Doc, docx.Options{PageOf: pages})
}

func glyphFinding(f *budget.Filing, ge *layout.GlyphError) diag.Diagnostic {
	file := ge.Pos.File
	if file == "" {
		file = f.File
	}
	d := diag.Diagnostic{File: file, Line: ge.Pos.Line, Col: ge.Pos.Col, Severity: diag.Error, Code: "G1"}
	char := string(ge.Rune)
	var msg diag.Text
	if ge.Row > 0 {
		msg = diag.T("no font can draw %q (U+%04X) in table %q, row %d, column %d", char, ge.Rune, ge.Block, ge.Row, ge.Col)
	} else {
		msg = diag.T("no font can draw %q (U+%04X) in a %s", char, ge.Rune, diag.Term(ge.Block))
	}
	return d.Say(msg, diag.T("replace the character, or name a font that has it in the template's [fonts] (a .ttf or .ttc file)"))
}

// Formats are the output formats Build can write, by file extension.
var Formats = map[string]func(*Report, io.Writer) error{
	"pdf":  (*Report).WritePDF,
	"docx": (*Report).WriteDOCX,
}
