package templates

import "fmt"

// Ranges of a template's numbers, checked when it loads, so that a NaN, a
// 1e300 or a negative size is reported at its line in the template rather
// than when a filing is rendered (and blamed on the filing). They are wide:
// any real form fits, nothing absurd does.
const (
	maxPageMM  = 2000 // page width and height, mm (A0 is 841 × 1189)
	maxSizePt  = 200  // font size, points (初号 is 42)
	maxSpacePt = 500  // line height, space before and after, points
	maxIndent  = 20   // first-line indent, characters
	maxPadMM   = 50   // cell padding, mm
	maxOutline = 9    // heading level
	maxUnits   = 10000
	maxDecimal = 6 // decimals of printed money
	maxFaces   = 10000
)

// inRange reports a template number outside [lo, hi] (NaN included).
func (c *compiler) inRange(path string, v, lo, hi float64) {
	if !(v >= lo && v <= hi) {
		c.fail(path, "%s is %v; it must be from %v to %v", []any{path, fmt.Sprint(v), fmt.Sprint(lo), fmt.Sprint(hi)},
			"page sizes, margins and distances are in mm, font sizes, line heights and spacing in points, indents in characters; see templates/README.md")
	}
}

// checkValues range-checks every number of the template.
func (c *compiler) checkValues() {
	sp := &c.t.spec
	p := sp.Page
	if p.Width != 0 && p.Height != 0 { // a missing size has its own message
		c.inRange("page.width", p.Width, 1, maxPageMM)
		c.inRange("page.height", p.Height, 1, maxPageMM)
	}
	c.inRange("page.margin_top", p.MarginTop, 0, maxPageMM)
	c.inRange("page.margin_bottom", p.MarginBottom, 0, maxPageMM)
	c.inRange("page.margin_left", p.MarginLeft, 0, maxPageMM)
	c.inRange("page.margin_right", p.MarginRight, 0, maxPageMM)
	c.inRange("page.footer.distance", p.Footer.Distance, 0, maxPageMM)
	c.inRange("page.footer.inset", p.Footer.Inset, 0, maxPageMM)
	for _, role := range sortedKeys(sp.Fonts) {
		c.inRange("fonts."+role+".index", float64(sp.Fonts[role].Index), 0, maxFaces)
	}
	for _, name := range sortedKeys(sp.Styles) {
		st, path := sp.Styles[name], "styles."+name+"."
		if st.Size != 0 { // a missing size has its own message
			c.inRange(path+"size", st.Size, 0.5, maxSizePt)
		}
		c.inRange(path+"line_height", st.LineHeight, 0, maxSpacePt)
		c.inRange(path+"indent", st.Indent, 0, maxIndent)
		c.inRange(path+"space_before", st.SpaceBefore, 0, maxSpacePt)
		c.inRange(path+"space_after", st.SpaceAfter, 0, maxSpacePt)
		c.inRange(path+"padding", st.Padding, 0, maxPadMM)
		c.inRange(path+"outline", float64(st.Outline), 0, maxOutline)
	}
	c.inRange("money.decimals", float64(sp.Money.Decimals), 0, maxDecimal)
	for _, name := range sortedKeys(sp.Tables) {
		tb, path := sp.Tables[name], "tables."+name
		if tb.Units != 0 {
			c.inRange(path+".units", tb.Units, 0, maxUnits)
		}
		for r, row := range tb.Rows {
			for i, cell := range row.Cells {
				cp := fmt.Sprintf("%s.rows[%d].cells[%d]", path, r+1, i+1)
				if cell.Width != 0 {
					c.inRange(cp+".width", cell.Width, 0, maxUnits)
				}
			}
		}
	}
}
