package templates

// The types in this file mirror the template TOML one to one; templates/
// README.md documents every key.

// spec is a whole template file.
type spec struct {
	Name        string               `toml:"name"`
	Version     string               `toml:"version"`
	Description string               `toml:"description"`
	Page        pageSpec             `toml:"page"`
	Fonts       map[string]fontSpec  `toml:"fonts"`
	Styles      map[string]styleSpec `toml:"styles"`
	Metadata    metaSpec             `toml:"metadata"`
	Money       moneySpec            `toml:"money"`
	Taxonomy    taxonomySpec         `toml:"taxonomy"`
	Body        []blockSpec          `toml:"body"`
	Tables      map[string]tableSpec `toml:"tables"`
}

type pageSpec struct {
	Width        float64    `toml:"width"`  // mm
	Height       float64    `toml:"height"` // mm
	MarginTop    float64    `toml:"margin_top"`
	MarginBottom float64    `toml:"margin_bottom"`
	MarginLeft   float64    `toml:"margin_left"`
	MarginRight  float64    `toml:"margin_right"`
	Footer       footerSpec `toml:"footer"`
	Grid         gridSpec   `toml:"grid"`
	Duplex       bool       `toml:"duplex"` // two-sided: body and parts start on odd pages
}

type gridSpec struct {
	Lines int `toml:"lines"` // lines per page
	Chars int `toml:"chars"` // characters per line
}

type footerSpec struct {
	Format    string  `toml:"format"` // e.g. "— %d —"
	Style     string  `toml:"style"`
	Distance  float64 `toml:"distance"` // mm below the text block
	OddEven   bool    `toml:"odd_even"`
	Inset     float64 `toml:"inset"` // mm in from the outer text edge
	NumberTOC bool    `toml:"number_toc"`
}

type fontSpec struct {
	PDF      string `toml:"pdf"`        // embedded face name or font file (relative to the template)
	PDFBold  string `toml:"pdf_bold"`   // face for bold; empty = thickened regular
	Index    int    `toml:"index"`      // face index in a .ttc
	EastAsia string `toml:"docx"`       // font name Word should use for Chinese
	Latin    string `toml:"docx_latin"` // font name Word should use for Latin text
}

type styleSpec struct {
	Font         string  `toml:"font"`
	Size         float64 `toml:"size"`
	Bold         bool    `toml:"bold"`
	Align        string  `toml:"align"`  // left, center, right, justify
	VAlign       string  `toml:"valign"` // middle, top, bottom
	LineHeight   float64 `toml:"line_height"`
	Indent       float64 `toml:"indent"` // first-line indent in characters
	SpaceBefore  float64 `toml:"space_before"`
	SpaceAfter   float64 `toml:"space_after"`
	KeepWithNext bool    `toml:"keep_with_next"`
	Outline      int     `toml:"outline"`
	Padding      float64 `toml:"padding"`
	PageBreak    bool    `toml:"page_break"`
	NoWrap       bool    `toml:"nowrap"`       // break only after break_after / before break_before characters
	BreakAfter   string  `toml:"break_after"`  // e.g. "：" for 其中：财政资金
	BreakBefore  string  `toml:"break_before"` // e.g. "（" for 资金支出计划（%）
	MinSize      float64 `toml:"min_size"`     // pt: the floor a cell's text may shrink to when it cannot fit
	Grid         bool    `toml:"grid"`         // on the page's character grid
}

type metaSpec struct {
	Title    string `toml:"title"`
	Subject  string `toml:"subject"`
	Keywords string `toml:"keywords"`
}

type moneySpec struct {
	Unit     string `toml:"unit"`     // unit printed by the form; empty = the filing's own unit
	Decimals int    `toml:"decimals"` // decimals printed (default 2)
}

type taxonomySpec struct {
	Categories  []categorySpec `toml:"categories"`
	Required    []string       `toml:"required"`
	Recommended []string       `toml:"recommended"`
	Checkpoints []string       `toml:"checkpoints"`
	MoneyUnits  []string       `toml:"money_units"`
	Sections    []string       `toml:"sections"`
	Needs       []string       `toml:"needs"`
}

type categorySpec struct {
	Name         string   `toml:"name"`
	Aliases      []string `toml:"aliases"` // names other forms use for it, suggested by jixiao check
	Subs         []string `toml:"subs"`
	Satisfaction bool     `toml:"satisfaction"`
}

// blockSpec is one element of the body. Kind is heading, paragraph, toc,
// pagebreak, table or each; each repeats its Blocks over a list of the
// filing (overall or projects).
type blockSpec struct {
	Kind   string      `toml:"kind"`
	Style  string      `toml:"style"`
	Text   string      `toml:"text"`
	TOC    *tocSpec    `toml:"toc"`
	Lists  []string    `toml:"lists"`       // toc: which lists
	Entry  string      `toml:"entry_style"` // toc: entry style
	Table  string      `toml:"table"`       // table: name in [tables]
	Over   string      `toml:"over"`        // each: overall or projects
	Blocks []blockSpec `toml:"blocks"`      // each: repeated blocks
	When   string      `toml:"when"`        // optional condition; the block is skipped when it renders empty
}

type tocSpec struct {
	List  string `toml:"list"`
	Level int    `toml:"level"`
	Text  string `toml:"text"`
}

type tableSpec struct {
	Units      float64 `toml:"units"` // total width in units; the table fills the text width
	Borders    *bool   `toml:"borders"`
	HeaderRows int     `toml:"header_rows"`
	Keep       bool    `toml:"keep"` // move the whole table to the next page rather than split it, when it fits on one
	// Joined: the table continues the one before it (one form in two
	// parts): no gap, shared column edges, one table in the DOCX.
	Joined bool `toml:"joined"`
	// Continued is the line above the table on its continuation pages,
	// e.g. "续表：{{.N}}、{{.Item.Name}}绩效目标表", in ContinuedStyle.
	Continued      string    `toml:"continued"`
	ContinuedStyle string    `toml:"continued_style"`
	Rows           []rowSpec `toml:"rows"`
}

// rowSpec is a row, or with Each a row repeated for every indicator of the
// current project.
type rowSpec struct {
	Each      string     `toml:"each"` // "indicators"
	Sort      string     `toml:"sort"` // "taxonomy": by 一级 then 二级 in taxonomy order
	CantSplit bool       `toml:"cant_split"`
	KeepNext  bool       `toml:"keep_with_next"` // on the page of the next row (a caption's first rows)
	Cells     []cellSpec `toml:"cells"`
}

type cellSpec struct {
	Text  string  `toml:"text"`
	Width float64 `toml:"width"` // units
	Rows  int     `toml:"rows"`  // row span; -1 = down to the table's last row
	Style string  `toml:"style"`
	Merge bool    `toml:"merge"` // repeated rows: merge with the cell above when equal
}
