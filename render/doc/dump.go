package doc

import (
	"fmt"
	"sort"
	"strings"
)

// Dump prints the document in a stable, readable text form, one node per
// line, for golden tests and debugging.
func Dump(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "meta title=%q author=%q template=%q created=%s\n", d.Meta.Title, d.Meta.Author, d.Meta.Template, d.Meta.Created.Format("2006-01-02"))
	fmt.Fprintf(&b, "page %gx%g margins t%g b%g l%g r%g footer=%q grid=%dx%d duplex=%t\n", d.Page.Width, d.Page.Height,
		d.Page.MarginTop, d.Page.MarginBottom, d.Page.MarginLeft, d.Page.MarginRight, d.Page.Footer.Format,
		d.Page.Grid.Lines, d.Page.Grid.Chars, d.Page.Duplex)
	for _, name := range sortedNames(d.Fonts) {
		f := d.Fonts[name]
		fmt.Fprintf(&b, "font %s pdf=%s bold=%s docx=%s/%s\n", name, f.PDF, f.PDFBold, f.EastAsia, f.Latin)
	}
	for _, name := range sortedNames(d.Styles) {
		s := d.Styles[name]
		fmt.Fprintf(&b, "style %s font=%s size=%g bold=%t align=%d line=%g indent=%g outline=%d grid=%t",
			name, s.Font, s.Size, s.Bold, s.Align, s.LineHeight, s.FirstIndent, s.OutlineLevel, s.Grid)
		if s.NoWrap {
			fmt.Fprintf(&b, " nowrap after=%q before=%q", s.BreakAfter, s.BreakBefore)
		}
		if s.MinSize > 0 {
			fmt.Fprintf(&b, " min=%g", s.MinSize)
		}
		b.WriteByte('\n')
	}
	for _, blk := range d.Blocks {
		switch n := blk.(type) {
		case *Heading:
			fmt.Fprintf(&b, "heading [%s] %q #%s", n.Style, n.Text, n.Bookmark)
			if n.TOC != nil {
				fmt.Fprintf(&b, " toc=%s/%d %q", n.TOC.List, n.TOC.Level, n.TOC.Text)
			}
			b.WriteByte('\n')
		case *Paragraph:
			fmt.Fprintf(&b, "para [%s] %q\n", n.Style, n.Text)
		case *TOC:
			fmt.Fprintf(&b, "toc [%s] %q lists=%v\n", n.TitleStyle, n.Title, n.Lists)
		case PageBreak:
			b.WriteString("pagebreak\n")
		case *Table:
			cols := make([]string, len(n.Columns))
			for i, c := range n.Columns {
				cols[i] = fmt.Sprintf("%.2f", c)
			}
			fmt.Fprintf(&b, "table %s borders=%t header=%d cols=[%s]", n.Name, n.Borders, n.HeaderRows, strings.Join(cols, " "))
			if n.Joined {
				b.WriteString(" joined")
			}
			if n.Continued != "" {
				fmt.Fprintf(&b, " continued=[%s]%q", n.ContinuedStyle, n.Continued)
			}
			b.WriteByte('\n')
			for r, row := range n.Rows {
				fmt.Fprintf(&b, "  row %d", r+1)
				if row.CantSplit {
					b.WriteString(" cantsplit")
				}
				if row.KeepWithNext {
					b.WriteString(" keepnext")
				}
				b.WriteByte('\n')
				for _, c := range row.Cells {
					fmt.Fprintf(&b, "    c%d", c.Col+1)
					if c.ColSpan > 1 {
						fmt.Fprintf(&b, " cs%d", c.ColSpan)
					}
					if c.RowSpan > 1 {
						fmt.Fprintf(&b, " rs%d", c.RowSpan)
					}
					if c.Size > 0 {
						fmt.Fprintf(&b, " size%g", c.Size)
					}
					fmt.Fprintf(&b, " [%s] %q\n", c.Style, c.Text)
				}
			}
		}
	}
	return b.String()
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
