package layout

import (
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// fuzzDoc builds a document from fuzz input: text cut at '|' into cell and
// paragraph texts, column widths, cell spans (always a valid tiling) and a
// size and padding for every style.
func fuzzDoc(text string, widths, spans []byte, size, pad byte) *doc.Document {
	pieces := strings.Split(text, "|")
	piece := func(i int) string { return pieces[i%len(pieces)] }
	st := doc.Style{Font: "song", Size: 3 + float64(size%48), Padding: float64(pad%16) / 2, FirstIndent: float64(pad % 5)}
	styles := map[string]doc.Style{"s": st}
	st.Align, st.KeepWithNext, st.OutlineLevel = doc.AlignJustify, true, 1
	styles["k"] = st
	st.Align, st.VAlign = doc.Align(size%4), doc.VAlign(pad%3)
	styles["c"] = st

	t := &doc.Table{Name: "fuzz", Borders: size%2 == 0}
	total := 0.0
	for _, w := range widths[:min(len(widths), 8)] {
		t.Columns = append(t.Columns, float64(w)/2)
		total += float64(w) / 2
	}
	if len(t.Columns) == 0 {
		t.Columns = []float64{156}
	}
	for i := range t.Columns {
		if total > 156 {
			t.Columns[i] *= 156 / total
		}
	}
	nRows := 1 + len(spans)%40
	cols := len(t.Columns)
	covered := make([][]bool, nRows)
	for r := range covered {
		covered[r] = make([]bool, cols)
	}
	k := 0
	next := func() int {
		if len(spans) == 0 {
			return 0
		}
		k++
		return int(spans[k%len(spans)])
	}
	for r := range nRows {
		var row doc.Row
		for c := 0; c < cols; c++ {
			if covered[r][c] {
				continue
			}
			cs, rs := 1, 1+next()%5
			for want := 1 + next()%3; cs < want && c+cs < cols && !covered[r][c+cs]; cs++ {
			}
			rs = min(rs, nRows-r)
			for dr := 1; dr < rs; dr++ {
				for dc := range cs {
					if covered[r+dr][c+dc] {
						rs = dr
					}
				}
			}
			for dr := range rs {
				for dc := range cs {
					covered[r+dr][c+dc] = true
				}
			}
			row.Cells = append(row.Cells, doc.Cell{Col: c, ColSpan: cs, RowSpan: rs, Text: piece(k), Style: "c"})
		}
		t.Rows = append(t.Rows, row)
	}
	if len(spans) > 0 {
		t.HeaderRows = int(spans[0] % 4)
	}
	return &doc.Document{
		Styles: styles,
		Page:   doc.Page{Width: 210, Height: 297, MarginTop: 37, MarginBottom: 35, MarginLeft: 28, MarginRight: 26, Footer: doc.Footer{Format: "- %d -", Style: "s", Distance: 7}},
		Blocks: []doc.Block{
			&doc.TOC{Title: piece(1), TitleStyle: "s", Lists: []string{"A"}, EntryStyle: "s"},
			&doc.Heading{Text: piece(0), Style: "k", TOC: &doc.TOCEntry{List: "A", Level: int(size % 3)}, Bookmark: "a"},
			&doc.Paragraph{Text: text, Style: "s"},
			t,
			&doc.Heading{Text: piece(2), Style: "k", TOC: &doc.TOCEntry{List: "A"}, Bookmark: "b"},
			t,
		},
	}
}

// FuzzLayout checks that any input either fails cleanly or keeps every Text
// on its page, and that its Draft is the same where Layout succeeds. Seeds
// are in testdata/fuzz/FuzzLayout, among them the texts of the sample
// filing in data/ (sample-report-texts).
func FuzzLayout(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string, widths, spans []byte, size, pad byte) {
		// The line breaker loses nothing at any width: the lines rejoin to
		// the text less its forced breaks (line-end characters are always
		// grapheme clusters of their own).
		if sh, err := shape(text, testChain(t, "")); err == nil {
			var b strings.Builder
			for _, ln := range sh.breakLines(float64(size)*100, float64(pad)*100) {
				b.WriteString(sh.lineText(ln))
			}
			want := strings.Map(func(r rune) rune {
				if lineEnd(r) {
					return -1
				}
				return r
			}, text)
			if b.String() != want {
				t.Fatalf("lines rejoin to %q, want %q", b.String(), want)
			}
		}
		r, err := Layout(fuzzDoc(text, widths, spans, size, pad), fakeFonts{})
		// A draft never panics, and is the layout itself where that succeeds.
		d, derr := Draft(fuzzDoc(text, widths, spans, size, pad), fakeFonts{})
		if err != nil {
			return
		}
		if derr != nil || Dump(d) != Dump(r) {
			t.Fatalf("the draft of a document Layout lays out differs (%v)", derr)
		}
		for i, pg := range r.Pages {
			for _, it := range pg.Items {
				tx, ok := it.(Text)
				if ok && (tx.X < 28-1e-6 || tx.X > 184+1e-6 || tx.Y < 0 || tx.Y > 297) {
					t.Fatalf("page %d: %q at (%.1f, %.1f) leaves the page", i+1, tx.Text, tx.X, tx.Y)
				}
			}
		}
	})
}
