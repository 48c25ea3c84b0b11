package docx

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// A4 with the sample's 28 mm and 26 mm side margins, in twips.
const sampleTextWidth = 11906 - 1587 - 1474

func TestPackageParts(t *testing.T) {
	p := unzip(t, build(t, sampleDocument(), Options{PageOf: samplePageOf}))
	want := []string{
		"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
		"word/document.xml", "word/styles.xml", "word/settings.xml",
		"word/footer1.xml", "word/footer2.xml", "docProps/core.xml", "docProps/app.xml",
	}
	if !slices.Equal(p.names, want) {
		t.Fatalf("parts %q, want %q", p.names, want)
	}
	overrides := map[string]string{}
	for _, o := range p.xml(t, "[Content_Types].xml").children("Override") {
		overrides[o.attr("PartName")] = o.attr("ContentType")
	}
	for _, name := range want[3:] {
		if !strings.HasSuffix(overrides["/"+name], "+xml") {
			t.Errorf("no content type override for %s", name)
		}
	}
	targets := map[string]bool{}
	for _, r := range p.xml(t, "word/_rels/document.xml.rels").children("Relationship") {
		targets[r.attr("Target")] = true
	}
	for _, name := range []string{"styles.xml", "settings.xml", "footer1.xml", "footer2.xml"} {
		if !targets[name] {
			t.Errorf("document.xml.rels does not point at %s", name)
		}
	}
	created := time.Date(2024, 3, 1, 1, 30, 0, 0, time.UTC)
	for _, f := range p.files {
		if !f.Modified.Equal(created) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, created)
		}
	}

	core := p.xml(t, "docProps/core.xml")
	m := sampleMeta()
	for el, want := range map[string]string{
		"title": m.Title, "creator": m.Author, "subject": m.Subject, "keywords": m.Keywords,
		"language": "zh-CN", "created": "2024-03-01T01:30:00Z", "modified": "2024-03-01T01:30:00Z",
	} {
		if n := core.child(el); n == nil || n.Text != want {
			t.Errorf("core.xml %s = %v, want %q", el, n, want)
		}
	}

	settings := p.xml(t, "word/settings.xml")
	if settings.child("evenAndOddHeaders") == nil {
		t.Error("settings.xml lacks evenAndOddHeaders")
	}
	// Word asks to update the fields only when the user wants it.
	if u := settings.child("updateFields"); u != nil {
		t.Errorf("settings.xml has updateFields %q without Options.UpdateFields", u.attr("val"))
	}
	p = unzip(t, build(t, sampleDocument(), Options{PageOf: samplePageOf, UpdateFields: true}))
	if u := p.xml(t, "word/settings.xml").child("updateFields"); u == nil || u.attr("val") != "true" {
		t.Error("settings.xml lacks updateFields true with Options.UpdateFields")
	}
}

func TestTables(t *testing.T) {
	d := sampleDocument()
	p := unzip(t, build(t, d, Options{PageOf: samplePageOf}))
	body := p.xml(t, "word/document.xml").child("body")
	var want []*doc.Table
	stacked := map[*doc.Table]bool{} // followed directly by another table
	for i, b := range d.Blocks {
		if tbl, ok := b.(*doc.Table); ok {
			want = append(want, tbl)
			if i+1 < len(d.Blocks) {
				_, stacked[tbl] = d.Blocks[i+1].(*doc.Table)
			}
		}
	}
	got := body.children("tbl")
	if len(got) != len(want) {
		t.Fatalf("%d tables, want %d", len(got), len(want))
	}
	for i := range want {
		checkTable(t, got[i], want[i], stacked[want[i]])
	}
	for i := 1; i < len(body.Nodes); i++ {
		if body.Nodes[i].name() == "tbl" && body.Nodes[i-1].name() == "tbl" {
			t.Errorf("body element %d: two tables directly adjacent", i)
		}
	}
}

func TestLongTable(t *testing.T) {
	d := longDocument()
	body := unzip(t, build(t, d, Options{})).xml(t, "word/document.xml").child("body")
	tbls := body.children("tbl")
	checkTable(t, tbls[len(tbls)-1], d.Blocks[len(d.Blocks)-1].(*doc.Table), false)
}

// checkTable rebuilds the cell grid of a written table from its gridSpan
// and vMerge and compares it with doc.Table.Grid.
func checkTable(t *testing.T, tbl *node, dt *doc.Table, stacked bool) {
	t.Helper()
	name := dt.Name
	pr := tbl.child("tblPr")
	if w := pr.child("tblW"); w.attr("w") != strconv.Itoa(sampleTextWidth) || w.attr("type") != "dxa" {
		t.Errorf("%s: tblW %v, want the text width %d dxa", name, w.Attrs, sampleTextWidth)
	}
	if pr.child("tblLayout").attr("type") != "fixed" {
		t.Errorf("%s: layout not fixed", name)
	}
	if b := pr.child("tblBorders"); dt.Borders != (b != nil) {
		t.Errorf("%s: borders %v, want %v", name, b != nil, dt.Borders)
	} else if b != nil {
		for _, side := range b.Nodes {
			if side.attr("val") != "single" || side.attr("sz") != "4" {
				t.Errorf("%s: border %s = %v, want single sz 4", name, side.name(), side.Attrs)
			}
		}
	}
	var cols []int
	sum := 0
	for _, g := range tbl.child("tblGrid").children("gridCol") {
		w, _ := strconv.Atoi(g.attr("w"))
		cols = append(cols, w)
		sum += w
	}
	if len(cols) != len(dt.Columns) || sum != sampleTextWidth {
		t.Fatalf("%s: gridCols %v (sum %d), want %d adding up to %d", name, cols, sum, len(dt.Columns), sampleTextWidth)
	}

	type owner struct{ row, col int }
	grid, err := dt.Grid()
	if err != nil {
		t.Fatal(err)
	}
	trs := tbl.children("tr")
	if len(trs) != len(dt.Rows) {
		t.Fatalf("%s: %d rows, want %d", name, len(trs), len(dt.Rows))
	}
	owners := make([][]owner, len(trs))
	for r, tr := range trs {
		trPr := tr.child("trPr")
		if header := trPr != nil && trPr.child("tblHeader") != nil; header != (r < dt.HeaderRows) {
			t.Errorf("%s row %d: tblHeader %v, want %v", name, r+1, header, r < dt.HeaderRows)
		}
		if cantSplit := trPr != nil && trPr.child("cantSplit") != nil; cantSplit != dt.Rows[r].CantSplit {
			t.Errorf("%s row %d: cantSplit %v, want %v", name, r+1, cantSplit, dt.Rows[r].CantSplit)
		}
		owners[r] = make([]owner, len(cols))
		col := 0
		for _, tc := range tr.children("tc") {
			tcPr := tc.child("tcPr")
			span := 1
			if g := tcPr.child("gridSpan"); g != nil {
				span, _ = strconv.Atoi(g.attr("val"))
			}
			if col+span > len(cols) {
				t.Fatalf("%s row %d: cells span %d grid columns, more than %d", name, r+1, col+span, len(cols))
			}
			if w, _ := strconv.Atoi(tcPr.child("tcW").attr("w")); w != spanWidth(cols[col:col+span]) {
				t.Errorf("%s row %d col %d: tcW %d, want %d", name, r+1, col+1, w, spanWidth(cols[col:col+span]))
			}
			if len(tc.children("p")) == 0 {
				t.Fatalf("%s row %d col %d: w:tc without w:p", name, r+1, col+1)
			}
			last := r == len(dt.Rows)-1
			wantKeep := r < dt.HeaderRows || (dt.KeepTogether && !last) || (stacked && last)
			if keep := tc.child("p").path("pPr", "keepNext") != nil; keep != wantKeep {
				t.Errorf("%s row %d col %d: keepNext %v, want %v (header rows, rows of a kept table but its last, the last row of a stacked table)", name, r+1, col+1, keep, wantKeep)
			}
			vm := tcPr.child("vMerge")
			continued := vm != nil && vm.attr("val") != "restart"
			for c := col; c < col+span; c++ {
				switch {
				case !continued:
					owners[r][c] = owner{r, col}
				case r == 0:
					t.Fatalf("%s: vMerge continue in the first row", name)
				default:
					owners[r][c] = owners[r-1][c]
				}
			}
			slot := grid[r][col]
			cell := dt.Cell(slot)
			wantText := ""
			if slot.Origin {
				wantText = strings.ReplaceAll(cell.Text, "\n", "")
			}
			if got := tc.text(); got != wantText {
				t.Errorf("%s row %d col %d: text %q, want %q", name, r+1, col+1, got, wantText)
			}
			if restart := vm != nil && vm.attr("val") == "restart"; restart != (slot.Origin && cell.RowSpan > 1) {
				t.Errorf("%s row %d col %d: vMerge restart %v, want %v", name, r+1, col+1, restart, !restart)
			}
			col += span
		}
		if col != len(cols) {
			t.Errorf("%s row %d: gridSpans add up to %d, want %d", name, r+1, col, len(cols))
		}
	}
	for r := range grid {
		for c, slot := range grid[r] {
			want := owner{slot.Row, dt.Cell(slot).Col}
			if owners[r][c] != want {
				t.Errorf("%s slot (%d,%d): covered by the cell at %v, want %v", name, r+1, c+1, owners[r][c], want)
			}
		}
	}
}

func TestHeadingsAndTOC(t *testing.T) {
	d := sampleDocument()
	p := unzip(t, build(t, d, Options{PageOf: samplePageOf}))
	body := p.xml(t, "word/document.xml").child("body")

	var instrs []string
	for _, in := range body.all("instrText") {
		instrs = append(instrs, in.Text)
	}
	for _, want := range []string{
		` TOC \h \z \f A `, ` TOC \h \z \f C `,
		` TC "总体绩效目标" \f A `, ` TC "分项绩效目标" \f A `, ` TC "工作保障措施" \f A `,
		` TC "1、网络舆情综合管理绩效目标表" \f C `, ` TC "2、网络阵地建设和内容管理绩效目标表" \f C `,
	} {
		if !slices.Contains(instrs, want) {
			t.Errorf("no field %q among %q", want, instrs)
		}
	}
	// Fields are balanced: begin, (separate,) end.
	depth := 0
	for _, f := range body.all("fldChar") {
		switch f.attr("fldCharType") {
		case "begin":
			depth++
		case "end":
			depth--
		}
		if depth < 0 || depth > 1 {
			t.Fatalf("fields nest or end unopened (depth %d)", depth)
		}
	}

	// Bookmarks around each heading, TC fields hidden.
	bookmarks := map[string]bool{}
	ids := map[string]bool{}
	for _, b := range body.all("bookmarkStart") {
		bookmarks[b.attr("name")] = true
		if ids[b.attr("id")] {
			t.Errorf("bookmark id %s used twice", b.attr("id"))
		}
		ids[b.attr("id")] = true
	}
	for _, para := range body.all("p") {
		for _, r := range para.children("r") {
			if in := r.child("instrText"); in != nil && strings.HasPrefix(in.Text, " TC ") && r.path("rPr", "vanish") == nil {
				t.Errorf("TC field %q not hidden", in.Text)
			}
		}
	}

	// TOC cache: entries in document order, linked, with the PDF's numbers.
	type entry struct{ style, text, anchor, page string }
	var got []entry
	for _, para := range body.children("p") {
		style := para.path("pPr", "pStyle")
		if style == nil || !strings.HasPrefix(style.attr("val"), "TOC") {
			continue
		}
		link := para.child("hyperlink")
		if link == nil {
			t.Fatalf("TOC entry %q without hyperlink", para.text())
		}
		runs := link.children("r")
		if runs[len(runs)-2].child("tab") == nil {
			t.Errorf("TOC entry %q: no tab before the page number", para.text())
		}
		last := runs[len(runs)-1].text()
		got = append(got, entry{style.attr("val"), strings.TrimSuffix(link.text(), last), link.attr("anchor"), last})
	}
	var want []entry
	for _, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok && h.TOC != nil {
			if !bookmarks[h.Bookmark] {
				t.Errorf("heading %q has no bookmark %q", h.Text, h.Bookmark)
			}
			want = append(want, entry{"TOC1", h.TOC.Text, h.Bookmark, strconv.Itoa(samplePageOf[h.Bookmark])})
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("TOC entries\n got %v\nwant %v", got, want)
	}
	toc1 := styleByID(t, p, "TOC1")
	if tab := toc1.path("pPr", "tabs", "tab"); tab == nil || tab.attr("val") != "right" ||
		tab.attr("leader") != "dot" || tab.attr("pos") != strconv.Itoa(sampleTextWidth) {
		t.Errorf("TOC1 style: no right dot-leader tab at the text width")
	}

	// The TOC is its own section without page numbers; the body restarts at 1.
	var sects []*node
	for _, para := range body.children("p") {
		if s := para.path("pPr", "sectPr"); s != nil {
			sects = append(sects, s)
		}
	}
	if len(sects) != 1 || len(sects[0].children("footerReference")) != 0 {
		t.Fatalf("want one TOC section break without footers, got %d", len(sects))
	}
	final := body.child("sectPr")
	refs := final.children("footerReference")
	if len(refs) != 2 || refs[0].attr("type") != "default" || refs[1].attr("type") != "even" {
		t.Errorf("body section footers %v", refs)
	}
	if n := final.child("pgNumType"); n == nil || n.attr("start") != "1" {
		t.Error("body section does not restart page numbers at 1")
	}
	if sz := final.child("pgSz"); sz.attr("w") != "11906" || sz.attr("h") != "16838" {
		t.Errorf("page size %v, want A4", sz.Attrs)
	}

	// Page breaks: the section break and the part label's style start the
	// pages; the PageBreak block before 第二部分 adds no page of its own.
	if n := strings.Count(string(p.parts["word/document.xml"]), `w:type="page"`); n != 0 {
		t.Errorf("%d page-break runs, want none", n)
	}
	for _, para := range body.children("p") {
		if para.text() == "第二部分" && para.path("pPr", "pageBreakBefore") == nil {
			t.Error("第二部分 does not start a page")
		}
	}
}

func styleByID(t *testing.T, p pkg, id string) *node {
	t.Helper()
	for _, s := range p.xml(t, "word/styles.xml").children("style") {
		if s.attr("styleId") == id {
			return s
		}
	}
	t.Fatalf("no style %q", id)
	return nil
}

func TestStylesAndFonts(t *testing.T) {
	p := unzip(t, build(t, sampleDocument(), Options{PageOf: samplePageOf}))
	for name, data := range p.parts {
		if regexp.MustCompile(`\w+Theme="`).Match(data) {
			t.Errorf("%s uses theme fonts", name)
		}
	}
	styles := p.xml(t, "word/styles.xml")
	rPr := styles.path("docDefaults", "rPrDefault", "rPr")
	if f := rPr.child("rFonts"); f.attr("ascii") != "Times New Roman" || f.attr("eastAsia") != "宋体" {
		t.Errorf("docDefaults fonts %v", f.Attrs)
	}
	if l := rPr.child("lang"); l.attr("eastAsia") != "zh-CN" {
		t.Errorf("docDefaults lang %v", l.Attrs)
	}

	h1 := styleByID(t, p, "H1")
	if h1.path("name").attr("val") != "h1" || h1.path("pPr", "outlineLvl").attr("val") != "0" || h1.path("pPr", "keepNext") == nil {
		t.Error("style h1: want name h1, outline level 0, keepNext")
	}
	if f := h1.path("rPr", "rFonts"); f.attr("eastAsia") != "黑体" || f.attr("ascii") != "Times New Roman" || f.attr("cs") != "Times New Roman" {
		t.Errorf("style h1 fonts %v", f.Attrs)
	}
	body := styleByID(t, p, "Body")
	ind := body.path("pPr", "ind")
	if ind.attr("firstLineChars") != "200" || ind.attr("firstLine") != "640" {
		t.Errorf("body indent %v, want 200 chars = 640 twips", ind.Attrs)
	}
	if s := body.path("pPr", "spacing"); s.attr("line") != "579" || s.attr("lineRule") != "exact" {
		t.Errorf("body spacing %v, want exact 28.95 pt", s.Attrs)
	}
	if body.path("pPr", "jc").attr("val") != "both" || body.path("rPr", "sz").attr("val") != "32" {
		t.Error("body: want justified, 16 pt")
	}
	label := styleByID(t, p, "CellLabel")
	if label.path("rPr", "b") == nil || label.path("rPr", "bCs") == nil || label.path("pPr", "jc").attr("val") != "center" {
		t.Error("cell-label: want bold, centred")
	}
	if styleByID(t, p, "PartLabel").path("pPr", "pageBreakBefore") == nil {
		t.Error("part-label: want pageBreakBefore")
	}

	// Ambiguous-width symbols: their own runs, in the East Asian font.
	found := 0
	for _, r := range p.xml(t, "word/document.xml").all("r") {
		text := r.text()
		if !strings.ContainsAny(text, "≥“”") {
			continue
		}
		found++
		f := r.path("rPr", "rFonts")
		if f == nil || f.attr("hint") != "eastAsia" || f.attr("ascii") == "Times New Roman" || f.attr("eastAsia") == "" {
			t.Errorf("run %q: fonts %v, want the East Asian font with hint", text, f)
		}
		if strings.ContainsAny(text, "0123456789%网") {
			t.Errorf("run %q mixes symbols and other text", text)
		}
	}
	if found == 0 {
		t.Error("no symbol runs found")
	}
}

func TestFooters(t *testing.T) {
	p := unzip(t, build(t, sampleDocument(), Options{PageOf: samplePageOf}))
	inset := strconv.Itoa(twips(14 * 25.4 / 72))
	for _, f := range []struct{ part, jc, side string }{
		{"word/footer1.xml", "right", "right"}, {"word/footer2.xml", "left", "left"},
	} {
		para := p.xml(t, f.part).child("p")
		if jc := para.path("pPr", "jc").attr("val"); jc != f.jc {
			t.Errorf("%s: jc %s, want %s", f.part, jc, f.jc)
		}
		if ind := para.path("pPr", "ind").attr(f.side); ind != inset {
			t.Errorf("%s: ind %s = %s, want %s", f.part, f.side, ind, inset)
		}
		if got := para.text(); got != "— 1 —" {
			t.Errorf("%s: text %q, want the cached \"— 1 —\"", f.part, got)
		}
		if in := para.all("instrText"); len(in) != 1 || in[0].Text != " PAGE " {
			t.Errorf("%s: no PAGE field", f.part)
		}
		for _, r := range para.children("r") {
			if strings.Contains(r.text(), "—") && r.path("rPr", "rFonts").attr("ascii") != "宋体" {
				t.Errorf("%s: dash run not in 宋体", f.part)
			}
		}
	}
	// Footer margin: 35 mm bottom margin − 7 mm distance − half of the
	// 18.2 pt (1.3 × 14 pt) footer line.
	if got, want := p.xml(t, "word/document.xml").path("body", "sectPr", "pgMar").attr("footer"), twips(28)-182; got != strconv.Itoa(want) {
		t.Errorf("footer margin %s, want %d", got, want)
	}
}

func TestOneSectionWithoutTOC(t *testing.T) {
	d := sampleDocument()
	d.Blocks = d.Blocks[1:]
	d.Page.Footer.OddEven = false
	p := unzip(t, build(t, d, Options{}))
	document := p.xml(t, "word/document.xml")
	if n := len(document.all("sectPr")); n != 1 {
		t.Errorf("%d sections, want 1", n)
	}
	if document.path("body", "sectPr", "pgNumType") != nil {
		t.Error("page numbers restart without a TOC")
	}
	if _, ok := p.parts["word/footer2.xml"]; ok {
		t.Error("even footer without OddEven")
	}
	if p.xml(t, "word/settings.xml").child("evenAndOddHeaders") != nil {
		t.Error("evenAndOddHeaders without OddEven")
	}
	if jc := p.xml(t, "word/footer1.xml").path("p", "pPr", "jc").attr("val"); jc != "center" {
		t.Errorf("footer jc %s, want center", jc)
	}
}

func TestNumberedTOC(t *testing.T) {
	d := sampleDocument()
	d.Page.Footer.NumberTOC = true
	body := unzip(t, build(t, d, Options{})).xml(t, "word/document.xml").child("body")
	var tocSect *node
	for _, para := range body.children("p") {
		if s := para.path("pPr", "sectPr"); s != nil {
			tocSect = s
		}
	}
	if tocSect == nil || len(tocSect.children("footerReference")) != 2 {
		t.Error("numbered TOC section without footers")
	}
	if body.path("sectPr", "pgNumType") != nil {
		t.Error("numbering restarts after a numbered TOC")
	}
	for _, link := range body.all("hyperlink") {
		if runs := link.children("r"); runs[len(runs)-1].child("tab") == nil {
			t.Errorf("TOC entry %q has a page number without Options.PageOf", link.text())
		}
	}
}

// TestSchemaOrder checks that the children of the elements whose sequence
// Word enforces come in ECMA-376 order.
func TestSchemaOrder(t *testing.T) {
	order := map[string][]string{
		"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
			"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
			"overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
			"snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
			"textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
			"sectPr", "pPrChange"},
		"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
			"shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
			"w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
			"vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"},
		"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
			"textDirection", "tcFitText", "vAlign", "hideMark"},
		"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
			"tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"},
		"tblBorders": {"top", "left", "bottom", "right", "insideH", "insideV"},
		"tcMar":      {"top", "left", "bottom", "right"},
		"tblCellMar": {"top", "left", "bottom", "right"},
		"tbl":        {"tblPr", "tblGrid", "tr"},
		"tr":         {"tblPrEx", "trPr", "tc"},
		"sectPr": {"footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
			"pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
			"textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"},
		"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
			"semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
			"personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"},
		"styles":   {"docDefaults", "latentStyles", "style"},
		"settings": {"zoom", "defaultTabStop", "evenAndOddHeaders", "characterSpacingControl", "updateFields", "compat"},
		"body":     nil, // any block content, then sectPr last
	}
	p := unzip(t, build(t, sampleDocument(), Options{PageOf: samplePageOf}))
	for _, name := range p.names {
		if !strings.HasSuffix(name, ".xml") {
			continue
		}
		root := parseXML(t, name, p.parts[name])
		for parent, seq := range order {
			for _, el := range root.all(parent) {
				if el.XMLName.Space != nsW {
					continue
				}
				rank := -1
				for i, c := range el.Nodes {
					if parent == "body" {
						if c.name() == "sectPr" && i != len(el.Nodes)-1 {
							t.Errorf("%s: body sectPr is not last", name)
						}
						continue
					}
					r := slices.Index(seq, c.name())
					if r < 0 {
						t.Errorf("%s: %s has unexpected child %s", name, parent, c.name())
					} else if r < rank {
						t.Errorf("%s: %s child %s out of schema order", name, parent, c.name())
					}
					rank = max(rank, r)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	sum := func() [32]byte { return sha256.Sum256(build(t, sampleDocument(), Options{PageOf: samplePageOf})) }
	first := sum()
	if sum() != first {
		t.Fatal("two builds differ")
	}
	procs := runtime.GOMAXPROCS(1)
	local := time.Local
	time.Local = time.FixedZone("CST", 8*3600)
	defer func() { runtime.GOMAXPROCS(procs); time.Local = local }()
	if sum() != first {
		t.Fatal("build differs with GOMAXPROCS=1 and TZ=Asia/Shanghai")
	}
	d := sampleDocument()
	d.Meta.Created = time.Time{}
	for _, f := range unzip(t, build(t, d, Options{})).files {
		if f.Modified.Year() != 1980 {
			t.Errorf("%s: modified %v without a creation time, want 1980-01-01", f.Name, f.Modified)
		}
	}
}

func TestStructureScript(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	path := filepath.Join(t.TempDir(), "report.docx")
	if err := os.WriteFile(path, build(t, sampleDocument(), Options{PageOf: samplePageOf}), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "testdata/docx_structure.py", path).CombinedOutput()
	if err != nil || !regexp.MustCompile(`docx structure: (\d+)/(\d+) checks pass`).Match(out) {
		t.Fatalf("docx_structure.py: %v\n%s", err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}

func TestErrors(t *testing.T) {
	pos := doc.Pos{File: "wxb.toml", Line: 7, Col: 3}
	for _, tc := range []struct {
		name  string
		edit  func(d *doc.Document)
		check func(t *testing.T, err error)
	}{
		{"control character", func(d *doc.Document) {
			d.Blocks = append(d.Blocks, &doc.Paragraph{Text: "响铃\a", Style: "body", Pos: pos})
		}, func(t *testing.T, err error) {
			var te *TextError
			if !errors.As(err, &te) || te.Rune != '\a' || te.Pos != pos || !strings.Contains(err.Error(), "wxb.toml:7:3") || !strings.Contains(err.Error(), "U+0007") {
				t.Errorf("got %v, want a TextError naming U+0007 at wxb.toml:7:3", err)
			}
		}},
		{"invalid UTF-8 in a cell", func(d *doc.Document) {
			tbl := d.Blocks[len(d.Blocks)-1].(*doc.Table)
			tbl.Rows[1].Cells[2].Text = "\xff"
		}, func(t *testing.T, err error) {
			var te *TextError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), "UTF-8") {
				t.Errorf("got %v, want a TextError on invalid UTF-8", err)
			}
		}},
		{"control character in metadata", func(d *doc.Document) { d.Meta.Title = "x\x00" }, func(t *testing.T, err error) {
			var te *TextError
			if !errors.As(err, &te) || te.Rune != 0 {
				t.Errorf("got %v, want a TextError on U+0000", err)
			}
		}},
		{"unknown style", func(d *doc.Document) {
			d.Blocks = append(d.Blocks, &doc.Paragraph{Text: "x", Style: "nope", Pos: pos})
		}, func(t *testing.T, err error) {
			if err == nil || !strings.Contains(err.Error(), `style "nope"`) || !strings.Contains(err.Error(), "wxb.toml:7:3") {
				t.Errorf("got %v, want an unknown style error with position", err)
			}
		}},
		{"unknown font role", func(d *doc.Document) { delete(d.Fonts, "kai") }, func(t *testing.T, err error) {
			if err == nil || !strings.Contains(err.Error(), `"kai"`) {
				t.Errorf("got %v, want an unknown font role error", err)
			}
		}},
		{"overlapping cells", func(d *doc.Document) {
			tbl := d.Blocks[len(d.Blocks)-1].(*doc.Table)
			tbl.Rows[1].Cells[0].ColSpan = 2
		}, func(t *testing.T, err error) {
			var ge *doc.GridError
			if !errors.As(err, &ge) {
				t.Errorf("got %v, want a *doc.GridError", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleDocument()
			tc.edit(d)
			var buf bytes.Buffer
			err := Write(&buf, d, Options{})
			tc.check(t, err)
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
		})
	}
}

func TestTextRuns(t *testing.T) {
	d := &doc.Document{Page: samplePage(), Fonts: sampleFonts(), Styles: sampleStyles(), Blocks: []doc.Block{
		&doc.Paragraph{Text: "a<b>&\"c\"\n第二行\r\n第三行\t≥90％ ±5‰ 5～10℃ “甲”…", Style: "body"},
		&doc.Heading{Text: `引号"与\反斜杠`, Style: "h1", Bookmark: "h", TOC: &doc.TOCEntry{List: "A", Level: 2, Text: `引号"与\反斜杠`}},
	}}
	body := unzip(t, build(t, d, Options{})).xml(t, "word/document.xml").child("body")
	para := body.child("p")
	if got, want := para.text(), "a<b>&\"c\"第二行第三行≥90％ ±5‰ 5～10℃ “甲”…"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if n := len(para.all("br")); n != 2 {
		t.Errorf("%d line breaks, want 2", n)
	}
	if n := len(para.all("tab")); n != 1 {
		t.Errorf("%d tabs, want 1", n)
	}
	var symbols []string
	for _, r := range para.children("r") {
		if r.path("rPr", "rFonts") != nil {
			symbols = append(symbols, r.text())
		}
	}
	if want := []string{"≥", "％", "±", "‰", "～", "℃", "“", "”…"}; !slices.Equal(symbols, want) {
		t.Errorf("symbol runs %q, want %q", symbols, want)
	}
	if in := body.all("instrText")[0].Text; in != ` TC "引号\"与\\反斜杠" \f A \l 2 ` {
		t.Errorf("TC field %q", in)
	}
}

func TestGridCols(t *testing.T) {
	for _, tc := range []struct {
		mm    []float64
		total int
	}{
		{units(4, 4, 2, 2, 1, 3, 4, 1, 1, 2, 4), sampleTextWidth},
		{units(4, 4, 5, 8, 3, 4), sampleTextWidth},
		{[]float64{15.6, 46.8, 31.2, 31.2, 31.2}, sampleTextWidth},
		{[]float64{33.3, 33.3, 33.3}, twips(99.9)}, // narrower than the text: its own width
	} {
		cols := gridCols(tc.mm, sampleTextWidth)
		if got := spanWidth(cols); got != tc.total {
			t.Errorf("%v: columns %v add up to %d, want %d", tc.mm, cols, got, tc.total)
		}
		for i, c := range cols {
			if d := float64(c) - tc.mm[i]*twipsPerMM; d > 1 || d < -1 {
				t.Errorf("%v: column %d is %d twips, want about %.1f", tc.mm, i, c, tc.mm[i]*twipsPerMM)
			}
		}
	}
}

func TestStyleIDs(t *testing.T) {
	used := map[string]bool{"Normal": true}
	for _, tc := range []struct{ name, want string }{
		{"cell-label", "CellLabel"},
		{"h1", "H1"},
		{"normal", "S" + "Normal"},
	} {
		if got := styleID(tc.name, used); !strings.HasPrefix(got, tc.want) || used[got] {
			t.Errorf("styleID(%q) = %q, want %s… and unused", tc.name, got, tc.want)
		}
	}
	a, b := styleID("正文", used), styleID("标题", used)
	if a == b || a != styleID("正文", used) || !regexp.MustCompile(`^S[0-9a-f]{8}$`).MatchString(a) {
		t.Errorf("Chinese names give IDs %q and %q, want distinct stable S+hash", a, b)
	}
}

func BenchmarkWriteSample(b *testing.B) {
	d := sampleDocument()
	opts := Options{PageOf: samplePageOf}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, d, opts); err != nil {
			b.Fatal(err)
		}
	}
}
