package docx

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// writer holds what the parts of one document share.
type writer struct {
	d           *doc.Document
	opts        Options
	styles      *styleSheet
	geom        geometry
	footers     []footerPart
	footerStyle *style                // style of the page numbers
	tocBlock    *doc.TOC              // the table of contents, if any
	entryStyle  *style                // style of the TOC entries
	entries     map[string][]tocEntry // TOC entries by list
	tocLevels   int                   // deepest TOC entry level listed
	bookmarks   int                   // bookmark ids handed out
	sections    int                   // sections ended so far
}

func newWriter(d *doc.Document, opts Options) (*writer, error) {
	styles, err := newStyleSheet(d)
	if err != nil {
		return nil, err
	}
	footer, err := styles.lookup(d.Page.Footer.Style, doc.Pos{})
	if err != nil {
		return nil, err
	}
	w := &writer{
		d: d, opts: opts, styles: styles,
		geom:        newGeometry(d.Page, footer.lineHeight()),
		footers:     footers(d.Page.Footer),
		footerStyle: footer,
	}
	for _, b := range d.Blocks {
		if t, ok := b.(*doc.TOC); ok {
			if w.tocBlock != nil {
				return nil, fmt.Errorf("docx: the document has more than one table of contents")
			}
			w.tocBlock = t
		}
	}
	if w.tocBlock == nil {
		return w, nil
	}
	if w.entryStyle, err = styles.lookup(w.tocBlock.EntryStyle, doc.Pos{}); err != nil {
		return nil, err
	}
	if w.entries, err = tocEntries(d.Blocks); err != nil {
		return nil, err
	}
	for _, list := range w.tocBlock.Lists {
		for _, e := range w.entries[list] {
			w.tocLevels = max(w.tocLevels, e.level)
		}
	}
	return w, nil
}

// document writes word/document.xml. With a table of contents the body has
// two sections: the TOC (numbered only with Footer.NumberTOC) and the rest,
// whose page numbers then start again at 1.
func (w *writer) document(out io.Writer) error {
	x := newXML()
	x.out = out
	x.start("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	x.start("w:body")
	// A PageBreak block becomes page-break-before on the next paragraph, so
	// the new page does not start with an empty line.
	pageBreak := false
	var prev doc.Block
	for i, b := range w.d.Blocks {
		var err error
		// Two-sided, a part starts a section that begins on a right-hand
		// page, rather than a page (the TOC ends a section of its own).
		sectionStart := false
		if _, afterTOC := prev.(*doc.TOC); w.d.Page.Duplex && prev != nil && !afterTOC && (pageBreak || w.startsPage(b)) {
			w.sectionBreak(x)
			pageBreak, sectionStart = false, true
		}
		switch b := b.(type) {
		case *doc.Heading:
			err = w.heading(x, b, paraFlags{pageBreak: pageBreak, sectionStart: sectionStart})
		case *doc.Paragraph:
			err = w.paragraph(x, b, paraFlags{pageBreak: pageBreak, sectionStart: sectionStart})
		case *doc.TOC:
			err = w.toc(x, b, pageBreak)
		case *doc.Table:
			if _, ok := prev.(*doc.Table); ok && b.Joined {
				continue // written with the table it continues
			}
			if pageBreak {
				breakParagraph(x)
			} else if _, ok := prev.(*doc.Table); ok {
				separator(x)
			}
			form := []*doc.Table{b}
			for _, next := range w.d.Blocks[i+1:] {
				if t, ok := next.(*doc.Table); ok && t.Joined {
					form = append(form, t)
					continue
				}
				break
			}
			_, stacked := at(w.d.Blocks, i+len(form)).(*doc.Table)
			err = w.table(x, form, stacked)
		case doc.PageBreak, *doc.PageBreak:
			if _, ok := prev.(*doc.TOC); ok {
				continue // the TOC's section break starts the page
			}
			if pageBreak {
				breakParagraph(x)
			}
			pageBreak = true
			prev = b
			continue
		default:
			err = fmt.Errorf("docx: unknown block type %T", b)
		}
		if err != nil {
			return err
		}
		x.flush()
		pageBreak = false
		prev = b
	}
	if pageBreak {
		breakParagraph(x)
	}
	w.sectPr(x, true, w.restartsNumbers())
	x.end("w:body")
	x.end("w:document")
	return x.finish()
}

// heading writes a heading paragraph: its text inside its bookmark, then
// the hidden TC field of its TOC entry.
func (w *writer) heading(x *xmlWriter, h *doc.Heading, f paraFlags) error {
	st, err := w.styles.lookup(h.Style, h.Pos)
	if err != nil {
		return err
	}
	x.pos = h.Pos
	paragraphStart(x, st.id, f)
	id := strconv.Itoa(w.bookmarks)
	if h.Bookmark != "" {
		w.bookmarks++
		x.empty("w:bookmarkStart", "w:id", id, "w:name", h.Bookmark)
	}
	runs(x, h.Text, st)
	if h.Bookmark != "" {
		x.empty("w:bookmarkEnd", "w:id", id)
	}
	if h.TOC != nil {
		tcField(x, entryText(h), h.TOC)
	}
	x.end("w:p")
	return nil
}

// paragraph writes body text.
func (w *writer) paragraph(x *xmlWriter, p *doc.Paragraph, f paraFlags) error {
	st, err := w.styles.lookup(p.Style, p.Pos)
	if err != nil {
		return err
	}
	x.pos = p.Pos
	paragraphStart(x, st.id, f)
	runs(x, p.Text, st)
	x.end("w:p")
	return nil
}

// paraFlags are paragraph properties that come from the document's
// structure rather than from the paragraph's style.
type paraFlags struct {
	keepNext     bool // a table header row: never left alone at a page bottom
	pageBreak    bool // a PageBreak block came before
	sectionStart bool // the first paragraph of a section that starts a page: no page break of its style's
}

// paragraphStart opens a paragraph in the style with the given ID.
func paragraphStart(x *xmlWriter, styleID string, f paraFlags) {
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", styleID)
	if f.keepNext {
		x.empty("w:keepNext")
	}
	if f.pageBreak {
		x.empty("w:pageBreakBefore")
	} else if f.sectionStart {
		x.val("w:pageBreakBefore", "0")
	}
	x.end("w:pPr")
}

// startsPage reports whether block b's style starts a new page.
func (w *writer) startsPage(b doc.Block) bool {
	name := ""
	switch b := b.(type) {
	case *doc.Heading:
		name = b.Style
	case *doc.Paragraph:
		name = b.Style
	}
	st, ok := w.styles.byName[name]
	return ok && st.PageBreak
}

// breakParagraph is a page break where no paragraph follows to carry it.
func breakParagraph(x *xmlWriter) {
	x.start("w:p")
	x.start("w:r")
	x.empty("w:br", "w:type", "page")
	x.end("w:r")
	x.end("w:p")
}

// separator is the hairline paragraph that keeps two adjacent tables apart:
// LibreOffice joins adjacent tables into one, and the second table's
// header rows would then no longer repeat. It keeps with the next table, as
// the table before it does, so stacked tables stay together.
func separator(x *xmlWriter) {
	x.start("w:p")
	x.start("w:pPr")
	x.empty("w:keepNext")
	x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "20", "w:lineRule", "exact")
	x.start("w:rPr")
	x.ival("w:sz", 2)
	x.end("w:rPr")
	x.end("w:pPr")
	x.end("w:p")
}

func at(blocks []doc.Block, i int) doc.Block {
	if i < len(blocks) {
		return blocks[i]
	}
	return nil
}

// runs writes text as runs of a paragraph in style st. Newlines become line
// breaks and tabs tabs. Each stretch of symbols (see symbol) gets a run of
// its own in the style's East Asian font (pitfall #11): Word draws such
// symbols in the Latin font unless the run has w:hint="eastAsia", and
// LibreOffice ignores the hint, so the run names the East Asian font for
// w:ascii and w:hAnsi too.
func runs(x *xmlWriter, text string, st *style) { sizedRuns(x, text, st, 0) }

// sizedRuns is runs with the text set at size pt (0: the style's size).
func sizedRuns(x *xmlWriter, text string, st *style, size float64) {
	for text != "" {
		r, _ := utf8.DecodeRuneInString(text)
		sym := symbol(r)
		end := len(text)
		for i, r := range text {
			if symbol(r) != sym {
				end = i
				break
			}
		}
		x.start("w:r")
		if sym || size > 0 {
			x.start("w:rPr")
			if f := st.font.EastAsia; sym {
				x.empty("w:rFonts", "w:ascii", f, "w:hAnsi", f, "w:eastAsia", f, "w:hint", "eastAsia")
			}
			if size > 0 {
				x.ival("w:sz", halfPoints(size))
				x.ival("w:szCs", halfPoints(size))
			}
			x.end("w:rPr")
		}
		runContent(x, text[:end])
		x.end("w:r")
		text = text[end:]
	}
}

// runContent writes the w:t, w:br and w:tab elements of one run.
func runContent(x *xmlWriter, text string) {
	start := 0
	flush := func(end int) {
		if end > start {
			x.element("w:t", text[start:end], "xml:space", "preserve")
		}
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n', '\r', '\t':
			flush(i)
			if c == '\t' {
				x.empty("w:tab")
			} else if c == '\n' || i+1 == len(text) || text[i+1] != '\n' {
				x.empty("w:br") // "\r\n" and a lone "\r" break once
			}
			start = i + 1
		}
	}
	flush(len(text))
}

// symbol reports whether r is a symbol of ambiguous East Asian width that
// a Chinese document means full width: Latin-1 signs such as ° ± × ÷ ·,
// general punctuation (“ ” ‘ ’ — … ‰ ※), letterlike symbols, arrows, maths
// operators, enclosed numbers and geometric shapes (℃ ≥ ≤ ① ■), and the
// full-width forms (％ ～).
func symbol(r rune) bool {
	switch {
	case r == '§' || r == '¨' || r == '°' || r == '±' || r == '·' || r == '×' || r == '÷':
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E:
		return true
	case r >= 0x2100 && r <= 0x2BFF:
		return true
	case r >= 0xFF01 && r <= 0xFFEE:
		return true
	}
	return false
}
