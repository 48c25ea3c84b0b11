package layout

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// bodyLines is text that fills n lines of the body style: 25 characters
// after the 2-character indent, then 27 per line.
func bodyLines(n int) string { return strings.Repeat("国", 25+27*(n-1)) }

// lineYs lists the distinct baselines of the Text items of a page.
func lineYs(pg Page) []float64 {
	var ys []float64
	for _, tx := range texts(pg) {
		ys = append(ys, tx.Y)
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

func TestParagraphWidowOrphan(t *testing.T) {
	// 22 body lines fit on a page.
	for _, tc := range []struct {
		first, second int
		want          [2]int // lines on pages 1 and 2
	}{
		{20, 5, [2]int{22, 3}}, // two lines fit: fine
		{21, 5, [2]int{21, 5}}, // one line fits: no orphan, all move
		{17, 6, [2]int{21, 2}}, // five fit, one left: no widow, four stay
		{19, 4, [2]int{21, 2}}, // three fit, one left: two stay, two go
		{20, 3, [2]int{20, 3}}, // two fit, one left: moving one leaves an orphan
	} {
		r := mustLayout(t, newDoc(&doc.Paragraph{Text: bodyLines(tc.first), Style: "body"}, &doc.Paragraph{Text: bodyLines(tc.second), Style: "body"}))
		var got [2]int
		for i := range min(len(r.Pages), 2) {
			got[i] = len(lineYs(r.Pages[i]))
		}
		if got != tc.want || len(r.Pages) != 2 {
			t.Errorf("%d+%d lines: pages hold %v (%d pages), want %v", tc.first, tc.second, got, len(r.Pages), tc.want)
		}
	}
}

func TestHeadingKeepsWithNext(t *testing.T) {
	r := mustLayout(t, newDoc(
		&doc.Paragraph{Text: bodyLines(21), Style: "body"},
		&doc.Heading{Text: "二、分项绩效目标", Style: "h1", Bookmark: "h"},
		&doc.Paragraph{Text: bodyLines(5), Style: "body"}))
	if a := r.Anchors["h"]; a.Page != 1 || a.Y != 37 {
		t.Errorf("heading at %+v, want the top of page 2", a)
	}
}

func TestCaptionKeepsWithTableStart(t *testing.T) {
	// 20 lines leave 20 mm: room for the caption and the unit line but not
	// for the first row of the main grid.
	blocks := append([]doc.Block{&doc.Paragraph{Text: bodyLines(20), Style: "body"}}, projectTables(1, 3)...)
	r := mustLayout(t, newDoc(blocks...))
	if a := r.Anchors["tbl1"]; a.Page != 1 {
		t.Errorf("caption on page %d, want 2 with its table", a.Page+1)
	}
	if strings.Contains(pageText(r.Pages[0]), "单位：元") {
		t.Error("the unit line stayed on page 1")
	}
}

func TestPageBreaks(t *testing.T) {
	r := mustLayout(t, newDoc(
		doc.PageBreak{}, // at the top already: no empty page
		&doc.Paragraph{Text: "甲", Style: "body"},
		&doc.PageBreak{},
		&doc.Heading{Text: "第二部分", Style: "part"},
		doc.PageBreak{}))
	if len(r.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(r.Pages))
	}
	if got := pageText(r.Pages[1]); got != "第二部分" {
		t.Errorf("page 2 = %q", got)
	}
	empty := mustLayout(t, newDoc())
	if len(empty.Pages) != 1 {
		t.Errorf("an empty document has %d pages, want 1", len(empty.Pages))
	}
}

func TestJustifiedLinesEndFlush(t *testing.T) {
	text := "本年度Revenue增长12.5%，他说——好……" + bodyLines(4)
	r := mustLayout(t, newDoc(&doc.Paragraph{Text: text, Style: "body"}))
	ys := lineYs(r.Pages[0])
	for i, y := range ys {
		var last Text
		for _, tx := range texts(r.Pages[0]) {
			if tx.Y == y {
				last = tx
			}
		}
		end := last.X + textWidth(last)
		if i < len(ys)-1 && math.Abs(end-184) > 1e-6 {
			t.Errorf("line %d ends at %.3f, want flush at 184", i+1, end)
		}
		if i == len(ys)-1 && end > 184-5 {
			t.Errorf("last line %d is stretched to %.3f", i+1, end)
		}
	}
	for _, tx := range texts(r.Pages[0]) {
		if tx.Text == "—" || tx.Text == "…" {
			t.Errorf("a paired mark is spread apart: %+v", tx)
		}
	}
	if got, want := allText(r), text; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestAlignment(t *testing.T) {
	st := testStyles()
	st["c"] = doc.Style{Font: "song", Size: 10, Align: doc.AlignCenter}
	st["r"] = doc.Style{Font: "song", Size: 10, Align: doc.AlignRight}
	d := &doc.Document{Styles: st, Blocks: []doc.Block{&doc.Paragraph{Text: "甲乙", Style: "c"}, &doc.Paragraph{Text: "甲乙", Style: "r"}}}
	tx := texts(mustLayout(t, d).Pages[0])
	w := 20 * ptMM
	if math.Abs(tx[0].X-(28+(156-w)/2)) > 1e-9 || math.Abs(tx[1].X-(184-w)) > 1e-9 {
		t.Errorf("centred at %.3f, right at %.3f", tx[0].X, tx[1].X)
	}
}

func TestFallbackFaceRuns(t *testing.T) {
	st := testStyles()
	st["fb"] = doc.Style{Font: "fallback", Size: 10}
	d := &doc.Document{Styles: st, Blocks: []doc.Block{&doc.Paragraph{Text: "甲乙丙e\u0301", Style: "fb"}}}
	r, err := Layout(d, fakeFonts{"fallback": "乙\u0301"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tx := range texts(r.Pages[0]) {
		got = append(got, tx.FaceID+":"+tx.Text)
	}
	if want := []string{"fallback:甲", "fallback2:乙", "fallback:丙e", "fallback2:\u0301"}; !slices.Equal(got, want) {
		t.Errorf("runs = %q, want %q", got, want)
	}
}

func TestInvisibleRunesAreNotDrawn(t *testing.T) {
	r := mustLayout(t, newDoc(&doc.Paragraph{Text: "一二\u200b三四e\u0301", Style: "cell"}))
	if got := allText(r); got != "一二三四e\u0301" {
		t.Errorf("drawn %q", got)
	}
}

func TestGlyphErrors(t *testing.T) {
	tbl := projectTables(1, 6)[3].(*doc.Table)
	tbl.Rows[3].Cells[3].Text = "含有㵘字" // row 4 of the indicator table, grid column 4
	tbl.Rows[3].Cells[3].Pos = doc.Pos{File: "a.toml", Line: 41, Col: 3}
	for _, tc := range []struct {
		d     *doc.Document
		r     rune
		where string
	}{
		{newDoc(tbl), '㵘', `a.toml:41:3: table "1、网络舆情综合管理绩效目标表" row 4 column 4: no font for role "song" has a glyph for '㵘' (U+3D58)`},
		{newDoc(&doc.Paragraph{Text: "甲𠀀乙", Style: "body"}), '𠀀', "paragraph: no font for role \"song\" has a glyph for '𠀀' (U+20000)"},
		{newDoc(&doc.Heading{Text: "😀", Style: "h1"}), '😀', "heading"},
	} {
		_, err := Layout(tc.d, fakeFonts{"song": "㵘𠀀", "hei": "😀"})
		var ge *GlyphError
		if !errors.As(err, &ge) || ge.Rune != tc.r {
			t.Errorf("err = %v, want a GlyphError for %q", err, tc.r)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.where) {
			t.Errorf("error %q\ndoes not start %q", err, tc.where)
		}
	}
}

func TestSettingErrors(t *testing.T) {
	st := testStyles()
	st["huge"] = doc.Style{Font: "song", Size: 800}
	st["nan"] = doc.Style{Font: "song", Size: math.NaN()}
	st["nofont"] = doc.Style{Font: "nosuch", Size: 10}
	for _, tc := range []struct {
		d    *doc.Document
		want string
	}{
		{&doc.Document{Styles: st, Blocks: []doc.Block{&doc.Paragraph{Style: "huge"}}}, "does not fit"},
		{&doc.Document{Styles: st, Blocks: []doc.Block{&doc.Paragraph{Style: "nan"}}}, "font size NaN"},
		{&doc.Document{Styles: st, Blocks: []doc.Block{&doc.Paragraph{Style: "nofont"}}}, "no such font"},
		{&doc.Document{Styles: st, Blocks: []doc.Block{&doc.Paragraph{Style: "missing"}}}, `unknown style "missing"`},
		{&doc.Document{Styles: st, Page: doc.Page{Width: 100, Height: 100, MarginLeft: 60, MarginRight: 60}}, "no text block"},
		{&doc.Document{Styles: st, Blocks: []doc.Block{&doc.Heading{Style: "h1", Bookmark: "x"}, &doc.Heading{Style: "h1", Bookmark: "x"}}}, "used twice"},
		{&doc.Document{Styles: st, Page: doc.Page{Footer: doc.Footer{Format: "第%s页", Style: "pagenum"}}}, "one %d"},
	} {
		_, err := Layout(tc.d, fakeFonts{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("err = %v, want %q", err, tc.want)
		}
	}
	if _, err := Layout(nil, fakeFonts{}); err == nil {
		t.Error("nil document: no error")
	}
}

func TestFooterPositions(t *testing.T) {
	d := newDoc(&doc.Paragraph{Text: bodyLines(50), Style: "body"})
	d.Page.Footer = doc.Footer{Format: "— %d —", Style: "pagenum", Distance: 7, OddEven: true, Inset: 5}
	r := mustLayout(t, d)
	// The fake face cannot tell where its ink is: the middle of its
	// ascent (880) and descent (120) sits 7 mm below the text block.
	mid := (880 - 120) / 2 * 14 * ptMM / 1000
	for i, pg := range r.Pages {
		pn, ok := pg.Items[len(pg.Items)-1].(PageNumber)
		if !ok {
			t.Fatalf("page %d: no page number last", i+1)
		}
		want := PageNumber{X: 28 + 5, Y: 262 + 7 + mid, Size: 14, FaceID: "song", Text: fmt.Sprintf("— %d —", i+1)}
		if (i+1)%2 == 1 {
			want.X, want.AlignRight = 184-5, true
		}
		if pn != want || pg.Number != i+1 {
			t.Errorf("page %d (number %d): %+v, want %+v", i+1, pg.Number, pn, want)
		}
	}
	d.Page.Footer.OddEven = false
	if pn := mustLayout(t, d).Pages[0].Items; pn[len(pn)-1].(PageNumber).X != 106 || !pn[len(pn)-1].(PageNumber).Center {
		t.Errorf("centred page number at %+v", pn[len(pn)-1])
	}
}

func TestDeterministic(t *testing.T) {
	d := sampleReport(5)
	a, b := mustLayout(t, d), mustLayout(t, d)
	if !reflect.DeepEqual(a, b) {
		t.Error("two layouts of one document differ")
	}
	if Dump(a) != Dump(b) {
		t.Error("two dumps differ")
	}
}

// gridLines returns the text of each line of the first page and where
// its last glyph ends, in mm.
func gridLines(t *testing.T, d *doc.Document) ([]string, []float64) {
	var lines []string
	var ends []float64
	for _, tx := range texts(mustLayout(t, d).Pages[0]) {
		if len(lines) == 0 || tx.X < ends[len(ends)-1]-1 {
			lines = append(lines, "")
			ends = append(ends, 0)
		}
		lines[len(lines)-1] += tx.Text
		ends[len(ends)-1] = tx.X + textWidth(tx)
	}
	return lines, ends
}

// TestCharacterGrid: on GB/T 9704's grid a full line of 3号 holds 28
// characters (27 at their own 16 pt), the first line 26 after its indent
// of 2; the text ends flush at the right edge, and digits keep their width.
func TestCharacterGrid(t *testing.T) {
	text := strings.Repeat("国", 26+28+28) + "2024年"
	d := newDoc(&doc.Paragraph{Text: text, Style: "body"})
	d.Page.Grid = doc.Grid{Lines: 22, Chars: 28}
	st := d.Styles["body"]
	st.Grid = true
	d.Styles["body"] = st
	lines, ends := gridLines(t, d)
	cell := 156.0 / 28
	for i, want := range []int{26, 28, 28} {
		if got := utf8.RuneCountInString(lines[i]); got != want {
			t.Errorf("line %d holds %d characters, want %d: %s", i+1, got, want, lines[i])
		}
		// The glyph of the last cell is 16 pt wide, its cell 15.79 pt.
		if end := ends[i] - (16*ptMM - cell); math.Abs(end-184) > 1e-6 {
			t.Errorf("line %d ends at %.4f mm, want 184", i+1, end)
		}
	}
	if lines[3] != "2024年" {
		t.Errorf("last line %q", lines[3])
	}
	st.Grid = false
	d.Styles["body"] = st
	if lines, _ := gridLines(t, d); utf8.RuneCountInString(lines[1]) != 27 {
		t.Errorf("off the grid, line 2 holds %q, want 27 characters", lines[1])
	}
}

// TestURLLineNotSpread: a justified line before a long URL breaks inside
// the URL (after a slash or a dot) and is never spread into gaps wider
// than one character.
func TestURLLineNotSpread(t *testing.T) {
	url := "https://www.hebei.gov.cn/" + strings.Repeat("columns", 6) + "/zfxxgk/index.html"
	r := mustLayout(t, newDoc(&doc.Paragraph{Text: "严格执行规定，确保资金使用安全、规范、有效；相关信息在 " + url + " 公开。", Style: "body"}))
	em := 16 * ptMM
	items := texts(r.Pages[0])
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		if a.Y == b.Y && b.X-(a.X+textWidth(a)) > em+1e-6 {
			t.Errorf("a gap of %.1f mm between %q and %q", b.X-(a.X+textWidth(a)), a.Text, b.Text)
		}
	}
	if !strings.Contains(allText(r), url) {
		t.Errorf("the URL is not all there: %q", allText(r))
	}
}
