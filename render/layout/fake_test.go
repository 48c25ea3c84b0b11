package layout

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// monoFace is a monospace fake: ASCII 500, combining marks 0, everything
// else 1000 per em; it lacks the runes in missing.
type monoFace struct{ missing string }

func (f monoFace) Has(r rune) bool { return !strings.ContainsRune(f.missing, r) }

func (f monoFace) Advance(r rune) float64 {
	switch {
	case r < 0x80:
		return 500
	case unicode.Is(unicode.Mn, r):
		return 0
	}
	return 1000
}

func (monoFace) Ascent() float64  { return 880 }
func (monoFace) Descent() float64 { return 120 }

// fakeFonts gives every role one monoFace with the role's missing runes;
// the role "fallback" has a second face that covers them.
type fakeFonts map[string]string

func (ff fakeFonts) Chain(role string, bold bool) ([]FaceRef, error) {
	if role == "nosuch" {
		return nil, fmt.Errorf("no such font")
	}
	refs := []FaceRef{{ID: role, Face: monoFace{missing: ff[role]}, FakeBold: bold}}
	if role == "fallback" {
		refs = append(refs, FaceRef{ID: "fallback2", Face: monoFace{}})
	}
	return refs, nil
}

// testChain is a chain of one monoFace lacking missing.
func testChain(t testing.TB, missing string) *chain {
	t.Helper()
	c, err := newChain("song", []FaceRef{{ID: "song", Face: monoFace{missing: missing}}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testStyles are the styles of the test documents, after the report's.
func testStyles() map[string]doc.Style {
	return map[string]doc.Style{
		"part":     {Font: "hei", Size: 22, Align: doc.AlignCenter, SpaceAfter: 16, PageBreak: true, OutlineLevel: 1},
		"h1":       {Font: "hei", Size: 16, LineHeight: 28.95, KeepWithNext: true, OutlineLevel: 2},
		"caption":  {Font: "hei", Size: 14, Align: doc.AlignCenter, KeepWithNext: true, SpaceBefore: 12, SpaceAfter: 6},
		"body":     {Font: "song", Size: 16, LineHeight: 28.95, Align: doc.AlignJustify, FirstIndent: 2},
		"cell":     {Font: "song", Size: 10.5, LineHeight: 14, Align: doc.AlignCenter, Padding: 1.5},
		"cellL":    {Font: "song", Size: 10.5, LineHeight: 14, Align: doc.AlignLeft, Padding: 1.5},
		"label":    {Font: "song", Size: 10.5, LineHeight: 14, Align: doc.AlignCenter, Padding: 1.5, Bold: true},
		"unitL":    {Font: "song", Size: 10.5, Align: doc.AlignLeft},
		"unitR":    {Font: "song", Size: 10.5, Align: doc.AlignRight},
		"tocTitle": {Font: "hei", Size: 22, Align: doc.AlignCenter, SpaceAfter: 12},
		"toc":      {Font: "song", Size: 14, LineHeight: 24},
		"pagenum":  {Font: "song", Size: 14},
	}
}

// newDoc is a document on the default page with the test styles.
func newDoc(blocks ...doc.Block) *doc.Document {
	return &doc.Document{Styles: testStyles(), Blocks: blocks}
}

func mustLayout(t testing.TB, d *doc.Document) *Result {
	t.Helper()
	r, err := Layout(d, fakeFonts{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// texts returns the Text items of a page in order.
func texts(pg Page) []Text {
	var out []Text
	for _, it := range pg.Items {
		if tx, ok := it.(Text); ok {
			out = append(out, tx)
		}
	}
	return out
}

// pageText is a page's text in drawing order, as pdftotext -raw reads it
// with white space removed.
func pageText(pg Page) string {
	var b strings.Builder
	for _, tx := range texts(pg) {
		b.WriteString(tx.Text)
	}
	return strings.Join(strings.Fields(b.String()), "")
}

// allText is the text of every page.
func allText(r *Result) string {
	var b strings.Builder
	for _, pg := range r.Pages {
		b.WriteString(pageText(pg))
	}
	return b.String()
}

// textWidth measures a Text item with the monoFace, in mm.
func textWidth(tx Text) float64 {
	w := 0.0
	for _, r := range tx.Text {
		w += monoFace{}.Advance(r)
	}
	return w * tx.Size * ptMM / 1000
}

// checkInBlock fails if a Text item of r leaves the default text block.
func checkInBlock(t *testing.T, r *Result) {
	t.Helper()
	const left, right, top, bottom = 28, 210 - 26, 37, 297 - 35
	for i, pg := range r.Pages {
		for _, tx := range texts(pg) {
			if tx.X < left-1e-6 || tx.X+textWidth(tx) > right+1e-6 || tx.Y < top || tx.Y > bottom+1e-6 {
				t.Errorf("page %d: %q at (%.2f, %.2f) width %.2f leaves the text block", i+1, tx.Text, tx.X, tx.Y, textWidth(tx))
			}
		}
	}
}

// cells makes one row of single cells with the given texts and style.
func cells(style string, texts ...string) doc.Row {
	var row doc.Row
	for i, s := range texts {
		row.Cells = append(row.Cells, doc.Cell{Col: i, ColSpan: 1, RowSpan: 1, Text: s, Style: style})
	}
	return row
}
