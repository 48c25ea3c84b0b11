// Package doc is the document model shared by every writer: a small tree of
// part titles, headings, paragraphs, tables and a table of contents, with the
// named styles and page setup they refer to.
//
// The model says what the report contains, not where it lands on a page: the
// PDF writer lays it out with package layout, the DOCX writer hands it to Word
// as it is. Every node keeps the position of the input it came from, so a
// problem found late can still point back at the user's file.
package doc

import (
	"time"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// Pos is where a node's text is written in the input (a line and column,
// or a workbook's sheet and cell); the zero Pos means "no position known".
// It is the program's one position type, diag.Pos.
type Pos = diag.Pos

// Document is a whole report.
type Document struct {
	Meta   Meta
	Page   Page
	Fonts  map[string]Font  // font roles by name, e.g. "song", "hei"
	Styles map[string]Style // paragraph and cell styles by name
	Blocks []Block
}

// Meta is the document information written into both formats.
type Meta struct {
	Title    string
	Author   string // the filing department
	Subject  string
	Keywords string
	Language string    // BCP 47, e.g. "zh-CN"
	Created  time.Time // from the input or SOURCE_DATE_EPOCH, never the wall clock
	Template string    // template name and version that built the document
	// Fonts says which face drew each office font name in the PDF, e.g.
	// "仿宋_GB2312: FangSong (simfang.ttf); 黑体: NotoSansSC-Medium (embedded)".
	Fonts string
	// Source is the input the document was built from, embedded in the PDF
	// as an attachment so an archived report carries its own data.
	Source Attachment
}

// Attachment is a file carried inside the document.
type Attachment struct {
	Name        string
	Description string
	Data        []byte
}

// Page is the page setup, in millimetres.
type Page struct {
	Width, Height           float64
	MarginTop, MarginBottom float64
	MarginLeft, MarginRight float64
	Footer                  Footer
	// Grid is the character grid of GB/T 9704 (22 lines of 28 characters);
	// zero means none.
	Grid Grid
	// Duplex prints on both sides: the body and each part begin on a
	// right-hand (odd) page, after a blank page where needed.
	Duplex bool
}

// Grid is a page's character grid: Lines lines of Chars characters fill
// the text block. Text of styles on the grid (Style.Grid) is set with the
// grid's character pitch, and the DOCX carries it as w:docGrid.
type Grid struct {
	Lines, Chars int
}

// Footer describes the page-number line below the text block.
type Footer struct {
	Format    string  // e.g. "— %d —"; empty means no page numbers
	Style     string  // style of the page number
	Distance  float64 // mm from the bottom of the text block to the baseline area
	OddEven   bool    // odd pages right-aligned, even pages left-aligned (GB/T 9704)
	Inset     float64 // mm in from the outer edge when OddEven
	NumberTOC bool    // whether the 目录 pages carry numbers
}

// TextWidth is the width of the text block in mm.
func (p Page) TextWidth() float64 { return p.Width - p.MarginLeft - p.MarginRight }

// Font is a font role: the face embedded in the PDF and the names a word
// processor should use.
type Font struct {
	PDF      string // embedded face name or a font file path
	PDFBold  string // face for bold text; empty means fake bold from PDF
	Index    int    // face index inside a .ttc collection
	EastAsia string // DOCX w:eastAsia name, e.g. "仿宋_GB2312"
	Latin    string // DOCX w:ascii/w:hAnsi name, e.g. "Times New Roman"
}

// Align is horizontal alignment.
type Align int

// Horizontal alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignJustify
)

// VAlign is vertical alignment inside a table cell.
type VAlign int

// Vertical alignments.
const (
	VAlignMiddle VAlign = iota
	VAlignTop
	VAlignBottom
)

// Style is a named paragraph or cell style. Sizes are in points.
type Style struct {
	Name         string
	Font         string  // font role, a key of Document.Fonts
	Size         float64 // pt
	Bold         bool
	Align        Align
	VAlign       VAlign
	LineHeight   float64 // baseline-to-baseline distance in pt; 0 = 1.3 × Size
	FirstIndent  float64 // first-line indent in characters (em of Size)
	SpaceBefore  float64 // pt
	SpaceAfter   float64 // pt
	KeepWithNext bool
	OutlineLevel int     // 0 = body text, 1.. = heading level for navigation and TOC
	Padding      float64 // cell padding in mm (cell styles)
	PageBreak    bool    // start on a new page
	// NoWrap keeps the text on one line except where BreakAfter or
	// BreakBefore allow a break (labels such as 其中：财政资金, amounts,
	// codes); forced line breaks still break.
	NoWrap      bool
	BreakAfter  string // characters after which a NoWrap text may break
	BreakBefore string // characters before which a NoWrap text may break
	// MinSize is the smallest size in pt the layout may set a table cell's
	// text in when it cannot fit its column at Size; 0 means Size.
	MinSize float64
	Grid    bool // full-width characters are set on the page's character grid (Page.Grid)
}

// Block is one top-level element: *Heading, *Paragraph, *Table, *TOC or
// PageBreak.
type Block interface{ isBlock() }

// Heading is a title or heading paragraph. With a TOC entry it is listed in
// the table of contents and bookmarked in the PDF outline.
type Heading struct {
	Text     string
	Style    string
	TOC      *TOCEntry
	Bookmark string // stable anchor name, e.g. "toc1"
	Pos      Pos
}

// TOCEntry places a heading in one list of the table of contents, like a
// Word TC field: TC "Text" \f List \l Level.
type TOCEntry struct {
	List  string // list identifier, e.g. "A" sections, "C" tables
	Level int
	Text  string
}

// Paragraph is body text. Newlines in Text are line breaks inside the
// paragraph.
type Paragraph struct {
	Text  string
	Style string
	Pos   Pos
}

// PageBreak starts a new page.
type PageBreak struct{}

// TOC is a table of contents built from the headings' TOC entries.
type TOC struct {
	Title      string
	TitleStyle string
	Lists      []string // which lists, in order, e.g. ["A", "C"]
	EntryStyle string
}

// Table is a grid of cells. Columns holds the grid column widths in mm; they
// add up to the table width. Rows list only the cells that start in them:
// slots covered by a row or column span from an earlier cell are left out,
// as in HTML.
type Table struct {
	Name       string // for messages, e.g. "1、网络舆情综合管理绩效目标表"
	Columns    []float64
	Rows       []Row
	HeaderRows int  // leading rows repeated at the top of each continuation page
	Borders    bool // single thin borders around every cell
	// KeepTogether moves the whole table to the next page rather than
	// splitting it, when it fits on one page.
	KeepTogether bool
	// Joined says the table continues the table before it: two parts of one
	// form, drawn without a gap and fitted to shared column edges. The DOCX
	// writes them as one table.
	Joined bool
	// Continued is the line drawn above the table on every page after its
	// first, e.g. "续表：1、…绩效目标表", in style ContinuedStyle; a joined
	// table that starts a page gets it too. Empty means none.
	Continued      string
	ContinuedStyle string
	Pos            Pos
}

// Row is one table row.
type Row struct {
	Cells     []Cell
	CantSplit bool // keep the row on one page when it fits on a page
	// KeepWithNext keeps the row on the page of the row after it, as a
	// caption's first rows or a header row over its values.
	KeepWithNext bool
}

// Cell is one table cell starting at grid column Col.
type Cell struct {
	Col     int
	ColSpan int // ≥ 1
	RowSpan int // ≥ 1
	Text    string
	Style   string // alignment, font and padding come from the style
	// Size, when not 0, overrides the style's size: the layout sets it
	// when the text had to be set smaller to fit its column.
	Size float64
	// Breaks are the byte offsets in Text where the layout broke a NoWrap
	// text into lines, so that a word processor breaks it there too.
	Breaks []int
	// Field is the filing's field the text shows (projects[3].budget),
	// for messages; "" for a form's own text. Pos is where that field is
	// written, when known, else where its project or indicator starts.
	Field string
	Pos   Pos
}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*Table) isBlock()     {}
func (*TOC) isBlock()       {}
func (PageBreak) isBlock()  {}
