package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// Complex fields are written as runs: a begin character, the instruction,
// an optional separate character with the cached result, and an end
// character. Word recomputes them; LibreOffice prints the cached result.

// fldChar writes a run holding one field character: "begin", "separate" or
// "end". Hidden runs are formatted as hidden text, as Word marks TC fields.
func fldChar(x *xmlWriter, kind string, hidden bool) {
	x.start("w:r")
	hiddenPr(x, hidden)
	x.empty("w:fldChar", "w:fldCharType", kind)
	x.end("w:r")
}

// fieldStart writes the begin character and the instruction of a field.
func fieldStart(x *xmlWriter, instr string, hidden bool) {
	fldChar(x, "begin", hidden)
	x.start("w:r")
	hiddenPr(x, hidden)
	x.element("w:instrText", instr, "xml:space", "preserve")
	x.end("w:r")
}

func hiddenPr(x *xmlWriter, hidden bool) {
	if hidden {
		x.start("w:rPr")
		x.empty("w:vanish")
		x.end("w:rPr")
	}
}

// resultStart writes the begin character, the instruction and the
// separate character of a field; its cached result follows.
func resultStart(x *xmlWriter, instr string) {
	fieldStart(x, instr, false)
	fldChar(x, "separate", false)
}

// pageField writes a PAGE field whose cached result is "1".
func pageField(x *xmlWriter) {
	resultStart(x, " PAGE ")
	x.start("w:r")
	x.element("w:t", "1")
	x.end("w:r")
	fldChar(x, "end", false)
}

// tcField writes the hidden TC field that puts a heading into list
// e.List of the table of contents. Level 1 is Word's default, and
// LibreOffice reads "\l n" as level n+1, so \l is written only above 1.
func tcField(x *xmlWriter, text string, e *doc.TOCEntry) {
	instr := ` TC "` + fieldQuote.Replace(text) + `" \f ` + e.List
	if e.Level > 1 {
		instr += ` \l ` + strconv.Itoa(e.Level)
	}
	fieldStart(x, instr+" ", true)
	fldChar(x, "end", true)
}

// fieldQuote escapes text for a quoted field argument.
var fieldQuote = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// tocInstr is the instruction of the TOC field that lists the TC entries
// of one list, with hyperlinks and without page numbers in web view.
func tocInstr(list string) string { return ` TOC \h \z \f ` + list + ` ` }

// tocEntry is one line of a table-of-contents list.
type tocEntry struct {
	text, bookmark string
	level          int // 1..9
	pos            doc.Pos
}

// tocEntries collects the TOC entries of the headings, by list, in
// document order. An entry needs its heading's bookmark: it links to it,
// and Options.PageOf gives its page number by it.
func tocEntries(blocks []doc.Block) (map[string][]tocEntry, error) {
	lists := map[string][]tocEntry{}
	for _, b := range blocks {
		h, ok := b.(*doc.Heading)
		if !ok || h.TOC == nil {
			continue
		}
		if h.Bookmark == "" {
			return nil, fmt.Errorf("%sdocx: heading %q has a TOC entry but no bookmark", where(h.Pos), h.Text)
		}
		lists[h.TOC.List] = append(lists[h.TOC.List], tocEntry{
			text:     entryText(h),
			bookmark: h.Bookmark,
			level:    min(max(h.TOC.Level, 1), 9),
			pos:      h.Pos,
		})
	}
	return lists, nil
}

// entryText is the text a heading has in the table of contents.
func entryText(h *doc.Heading) string {
	if h.TOC.Text != "" {
		return h.TOC.Text
	}
	return h.Text
}

// toc writes the table of contents: the title, then per list a TOC field
// whose cached result holds one paragraph per entry with its page number
// from Options.PageOf (LibreOffice prints the cache as it is; Word
// recomputes it). A field ends in its last entry's paragraph, and the last
// paragraph ends the TOC's section, so the TOC holds no empty paragraph and
// the body starts on a new page. A list without entries gets no field.
func (w *writer) toc(x *xmlWriter, t *doc.TOC, pageBreak bool) error {
	title, err := w.styles.lookup(t.TitleStyle, doc.Pos{})
	if err != nil {
		return err
	}
	var lists []string
	for _, list := range t.Lists {
		if len(w.entries[list]) > 0 {
			lists = append(lists, list)
		}
	}
	x.pos = doc.Pos{}
	blank := w.opts.BlankAfterTOC
	w.tocParagraph(x, title.id, pageBreak, len(lists) == 0 && !blank)
	runs(x, t.Title, title)
	x.end("w:p")

	for i, list := range lists {
		entries := w.entries[list]
		for j, e := range entries {
			last := j == len(entries)-1
			w.tocParagraph(x, tocStyleID(e.level), false, last && i == len(lists)-1 && !blank)
			if j == 0 {
				resultStart(x, tocInstr(list))
			}
			x.pos = e.pos
			x.start("w:hyperlink", "w:anchor", e.bookmark, "w:history", "1")
			runs(x, e.text, w.entryStyle)
			x.start("w:r")
			x.empty("w:tab")
			x.end("w:r")
			if n, ok := w.opts.PageOf[e.bookmark]; ok {
				x.start("w:r")
				x.element("w:t", strconv.Itoa(n))
				x.end("w:r")
			}
			x.end("w:hyperlink")
			if last {
				fldChar(x, "end", false)
			}
			x.end("w:p")
		}
	}
	if blank { // a paragraph a point high, on a page of its own, ends the section
		x.start("w:p")
		x.start("w:pPr")
		x.empty("w:pageBreakBefore")
		x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "20", "w:lineRule", "exact")
		w.sectPr(x, w.d.Page.Footer.NumberTOC, false)
		x.end("w:pPr")
		x.end("w:p")
	}
	return nil
}

// tocParagraph opens a paragraph of the TOC in the style with the given
// ID; the last one ends the TOC's section, with page numbers only when
// Footer.NumberTOC says so.
func (w *writer) tocParagraph(x *xmlWriter, styleID string, pageBreak, last bool) {
	x.start("w:p")
	x.start("w:pPr")
	x.val("w:pStyle", styleID)
	if pageBreak {
		x.empty("w:pageBreakBefore")
	}
	if last {
		w.sectPr(x, w.d.Page.Footer.NumberTOC, false)
	}
	x.end("w:pPr")
}
