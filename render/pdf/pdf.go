// Package pdf writes laid-out pages as a PDF file: text in embedded subset
// TrueType faces with ToUnicode maps (so text can be searched and copied),
// table rules, TOC links, the bookmark outline, page labels matching the
// printed page numbers, the source file as an attachment and the document
// information (also as XMP metadata). It makes no layout decisions of its own.
//
// The PDF objects are written here rather than through a PDF library: a
// report needs only text by glyph number, straight lines, filled paths and a
// handful of document-level objects, and writing them directly is what keeps
// a report's whole run in tens of milliseconds (see the README's figures).
package pdf

import (
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/layout"
)

// ptPerMM converts the layout's millimetres to PDF points.
const ptPerMM = 72 / 25.4

// Write draws the laid-out pages r as a PDF, with r's page size and
// metadata and its faces embedded as subsets. The same input always gives
// the same bytes: the dates come from r.Meta.Created and nothing depends on
// map order.
func Write(w io.Writer, r *layout.Result) error { return writePDF(w, r, false) }

// WritePDFA is Write for archiving: the file conforms to PDF/A-3b (ISO
// 19005-3, level B), as docs/pdfa.md details. It adds to Write's file the
// PDF/A identification in the XMP metadata, an sRGB output intent and the
// print flag on links; everything else Write does already conforms.
func WritePDFA(w io.Writer, r *layout.Result) error { return writePDF(w, r, true) }

func writePDF(w io.Writer, r *layout.Result, pdfa bool) error {
	f := newFile(w)
	height := r.Page.Height * ptPerMM
	subsets, faces, err := planFonts(f, r)
	if err != nil {
		return err
	}
	resources := f.alloc()
	pagesObj := f.alloc()
	pages := make([]int, len(r.Pages))
	for i := range pages {
		pages[i] = f.alloc()
	}
	dest := func(page int, y float64) string {
		return fmt.Sprintf("[%s /XYZ 0 %s null]", ref(pages[page]), num(height-y*ptPerMM))
	}

	// The fonts are subset and compressed while the pages are drawn, on as
	// many cores as there are: the fonts are most of a report's PDF and of
	// the time to write it, and pages are independent of each other.
	fontJobs := largestFirst(subsets)
	drawn := make([]drawnPage, len(r.Pages))
	painting := painter{height: height, faces: faces, outlines: r.Faces, anchors: r.Anchors, dest: dest, printLinks: pdfa}
	inParallel(len(fontJobs)+len(drawn), func(i int) {
		if i < len(fontJobs) {
			fontJobs[i].err = fontJobs[i].prepare()
		} else {
			drawn[i-len(fontJobs)] = drawPage(r.Pages[i-len(fontJobs)], painting)
		}
	})
	fontDict, err := writeFonts(f, subsets)
	if err != nil {
		return err
	}
	f.object(resources, "<</Font <<"+fontDict+">> /ProcSet [/PDF /Text]>>")

	mediaBox := fmt.Sprintf("[0 0 %s %s]", num(r.Page.Width*ptPerMM), num(height))
	for i, page := range drawn {
		content := f.alloc()
		f.deflated(content, "", page.content)
		annots := ""
		if len(page.annots) > 0 {
			annots = " /Annots [" + strings.Join(page.annots, " ") + "]"
		}
		f.object(pages[i], fmt.Sprintf("<</Type /Page /Parent %s /MediaBox %s /Resources %s /Contents %s%s>>",
			ref(pagesObj), mediaBox, ref(resources), ref(content), annots))
	}
	kids := make([]string, len(pages))
	for i, n := range pages {
		kids[i] = ref(n)
	}
	f.object(pagesObj, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(pages)))

	created := r.Meta.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	catalog := []string{"/Type /Catalog", "/Pages " + ref(pagesObj), "/PageLabels " + pageLabels(r.Pages),
		"/ViewerPreferences <</DisplayDocTitle true>>", "/Metadata " + ref(writeMetadata(f, r.Meta, created, pdfa))}
	if pdfa {
		catalog = append(catalog, "/OutputIntents ["+outputIntent(f)+"]")
	}
	if outlines := writeOutline(f, outlineMarks(r), dest); outlines != 0 {
		catalog = append(catalog, "/Outlines "+ref(outlines), "/PageMode /UseOutlines")
	}
	if r.Meta.Language != "" {
		catalog = append(catalog, "/Lang "+str(r.Meta.Language))
	}
	if src := r.Meta.Source; len(src.Data) > 0 {
		spec := writeAttachment(f, src, created)
		catalog = append(catalog, fmt.Sprintf("/Names <</EmbeddedFiles <</Names [%s %s]>>>> /AF [%s]", text(src.Name), ref(spec), ref(spec)))
	}
	root := f.alloc()
	f.object(root, "<<"+strings.Join(catalog, " ")+">>")

	info := []string{"/Producer (jixiao)", "/Creator " + str("jixiao ("+r.Meta.Template+")"),
		"/CreationDate " + date(created), "/ModDate " + date(created)}
	for _, e := range []struct{ key, value string }{
		{"Title", r.Meta.Title}, {"Author", r.Meta.Author}, {"Subject", r.Meta.Subject}, {"Keywords", r.Meta.Keywords},
		{"JixiaoFonts", r.Meta.Fonts},
	} {
		if e.value != "" {
			info = append(info, "/"+e.key+" "+str(e.value))
		}
	}
	infoObj := f.alloc()
	f.object(infoObj, "<<"+strings.Join(info, " ")+">>")

	return f.finish(root, infoObj)
}

// outputIntent writes the sRGB profile and returns the PDF/A output intent
// that names it: the colour space that the document's device colours
// (black text and rules, in DeviceGray) are to be read in.
func outputIntent(f *file) string {
	profile := f.alloc()
	f.stream(profile, " /N 3", srgbProfile())
	return "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile " +
		ref(profile) + ">>"
}

// writeAttachment embeds the source file, marked as the document's source
// (PDF 2.0 associated file, as PDF/A-3 requires it) with its MIME type, and
// returns its file specification.
func writeAttachment(f *file, src doc.Attachment, modified time.Time) int {
	stream, spec := f.alloc(), f.alloc()
	dict := fmt.Sprintf(" /Type /EmbeddedFile /Subtype %s /Params <</Size %d /ModDate %s>>", name(mimeType(src.Name)), len(src.Data), date(modified))
	f.stream(stream, dict, src.Data)
	desc := ""
	if src.Description != "" {
		desc = " /Desc " + text(src.Description)
	}
	f.object(spec, fmt.Sprintf("<</Type /Filespec /F %s /UF %s%s /EF <</F %s /UF %s>> /AFRelationship /Source>>",
		text(src.Name), text(src.Name), desc, ref(stream), ref(stream)))
	return spec
}

// mimeType is the media type of a source file, by its extension: the
// formats a filing is read from, else "application/octet-stream" as PDF/A-3
// asks for a file of unknown type.
func mimeType(file string) string {
	switch strings.ToLower(path.Ext(file)) {
	case ".toml":
		return "application/toml"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".xlsm":
		return "application/vnd.ms-excel.sheet.macroEnabled.12"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".csv":
		return "text/csv"
	}
	return "application/octet-stream"
}

// pageLabels numbers the pages in a viewer as they are printed: runs of
// numbered pages get their printed numbers, and unnumbered pages (the 目录)
// lower-case roman numerals.
func pageLabels(pages []layout.Page) string {
	var nums []string
	roman := 0
	for i, p := range pages {
		continues := i > 0 && (p.Number == 0 && pages[i-1].Number == 0 ||
			p.Number != 0 && pages[i-1].Number != 0 && p.Number == pages[i-1].Number+1)
		if p.Number == 0 {
			roman++
		}
		if continues {
			continue
		}
		if p.Number == 0 {
			nums = append(nums, fmt.Sprintf("%d <</S /r /St %d>>", i, roman))
		} else {
			nums = append(nums, fmt.Sprintf("%d <</S /D /St %d>>", i, p.Number))
		}
	}
	return "<</Nums [" + strings.Join(nums, " ") + "]>>"
}

// str formats s as a PDF string: literal when it is printable ASCII, else a
// text string in UTF-16.
func str(s string) string {
	for _, c := range []byte(s) {
		if c < ' ' || c > '~' {
			return text(s)
		}
	}
	r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	return "(" + r.Replace(s) + ")"
}
