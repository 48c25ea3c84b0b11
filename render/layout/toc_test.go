package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// tocDoc has a TOC and n sections, each a heading and a paragraph of lines
// body lines.
func tocDoc(n, lines int, title func(i int) string) *doc.Document {
	d := newDoc(&doc.TOC{Title: "目录", TitleStyle: "tocTitle", Lists: []string{"A"}, EntryStyle: "toc"})
	for i := range n {
		d.Blocks = append(d.Blocks,
			&doc.Heading{Text: title(i), Style: "h1", TOC: &doc.TOCEntry{List: "A", Level: 1}, Bookmark: fmt.Sprintf("h%d", i)},
			&doc.Paragraph{Text: bodyLines(lines), Style: "body"})
	}
	return d
}

// tocEntries reads the TOC pages: each Link's bookmark with the page
// number drawn flush right after it, or -1 when none is.
func tocEntries(t *testing.T, r *Result) map[string]int {
	t.Helper()
	got := map[string]int{}
	for _, pg := range r.Pages {
		bookmark := ""
		for _, it := range pg.Items {
			switch it := it.(type) {
			case Link:
				bookmark = it.Bookmark
				got[bookmark] = -1
			case Text:
				n, err := strconv.Atoi(it.Text)
				if err == nil && bookmark != "" && math.Abs(it.X+textWidth(it)-184) < 1e-6 {
					got[bookmark] = n
				}
			}
		}
	}
	return got
}

func TestTOCNumbersMatchAnchors(t *testing.T) {
	r := mustLayout(t, tocDoc(30, 7, func(i int) string { return fmt.Sprintf("第%d节", i+1) }))
	entries := tocEntries(t, r)
	if len(entries) != 30 {
		t.Fatalf("%d TOC entries, want 30", len(entries))
	}
	for b, n := range entries {
		a := r.Anchors[b]
		if n != a.Number || r.Pages[a.Page].Number != n {
			t.Errorf("%s: TOC says page %d, the heading is on page %d printed %d", b, n, a.Page+1, a.Number)
		}
	}
	for i, pg := range r.Pages {
		if toc := i < 2; toc != (pg.Number == 0) || !toc && pg.Number != i-1 {
			t.Errorf("page %d numbered %d: want the two TOC pages unnumbered, then 1, 2, …", i+1, pg.Number)
		}
	}
	if r.Anchors["h29"].Number < 10 {
		t.Errorf("the last heading is on page %d: the test should reach two-digit numbers", r.Anchors["h29"].Number)
	}
}

func TestTOCTwoPages(t *testing.T) {
	r := mustLayout(t, tocDoc(60, 1, func(i int) string { return fmt.Sprintf("第%d节", i+1) }))
	entries := tocEntries(t, r)
	if len(entries) != 60 {
		t.Fatalf("%d TOC entries, want 60", len(entries))
	}
	tocPages := 0
	for _, pg := range r.Pages {
		if pg.Number == 0 {
			tocPages++
		}
	}
	if tocPages < 2 {
		t.Fatalf("the TOC takes %d pages, want at least 2", tocPages)
	}
	for b, n := range entries {
		if a := r.Anchors[b]; n != a.Number || a.Page < tocPages {
			t.Errorf("%s: TOC says %d, anchor %+v", b, n, a)
		}
	}
	if got := r.Anchors["h0"]; got.Page != tocPages || got.Number != 1 {
		t.Errorf("first heading at %+v, want page index %d numbered 1", got, tocPages)
	}
}

func TestTOCLongEntryNumberOnLastLine(t *testing.T) {
	long := strings.Repeat("很长的标题", 8)
	r := mustLayout(t, tocDoc(2, 3, func(int) string { return long }))
	lines := texts(r.Pages[0])[1:] // after the title
	// Entry 1: two text lines, then leaders and number on the second.
	if lines[0].Text+lines[1].Text != long {
		t.Fatalf("entry lines %q + %q", lines[0].Text, lines[1].Text)
	}
	if lines[2].Y != lines[1].Y || !strings.HasPrefix(lines[2].Text, ".") || lines[3].Text != "1" || lines[3].Y != lines[1].Y {
		t.Errorf("leaders and number %+v %+v not on the entry's last line %+v", lines[2], lines[3], lines[1])
	}
	if end := lines[0].X + textWidth(lines[0]); end > 184-textWidth(lines[3]) {
		t.Errorf("the first line runs to %.1f, into the number column", end)
	}
}

func TestTOCNumbered(t *testing.T) {
	d := tocDoc(3, 3, func(i int) string { return fmt.Sprint("节", i) })
	d.Page.Footer = doc.Footer{Format: "%d", Style: "pagenum", NumberTOC: true}
	r := mustLayout(t, d)
	for i, pg := range r.Pages {
		if pg.Number != i+1 {
			t.Errorf("page %d numbered %d", i+1, pg.Number)
		}
	}
	if n := tocEntries(t, r)["h0"]; n != 2 {
		t.Errorf("first heading listed on page %d, want 2", n)
	}
}

func TestOutline(t *testing.T) {
	r := mustLayout(t, sampleReport(2))
	var got []string
	for _, o := range r.Outline {
		got = append(got, fmt.Sprintf("%d %s %s", o.Level, o.Title, o.Bookmark))
	}
	want := []string{
		"1 第一部分 部门整体绩效目标 part1",
		"2 总体绩效目标 toc1", "2 分项绩效目标 toc2", "2 工作保障措施 toc3",
		"1 第二部分 预算项目绩效目标 part2",
		"1 1、网络舆情综合管理绩效目标表 tbl1", "1 2、网络舆情综合管理绩效目标表 tbl2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDuplex: printed on both sides, the body's page 1 and each part
// begin on a right-hand page (an odd page of the file), after a blank
// page where needed: the TOC's own blank is unnumbered, a blank in the
// body counts but shows no number, and the TOC gives the parts' numbers.
func TestDuplex(t *testing.T) {
	d := newDoc(&doc.TOC{Title: "目录", TitleStyle: "tocTitle", Lists: []string{"A"}, EntryStyle: "toc"})
	for i := range 3 {
		d.Blocks = append(d.Blocks,
			&doc.Heading{Text: fmt.Sprintf("第%d部分", i+1), Style: "part", TOC: &doc.TOCEntry{List: "A", Level: 1}, Bookmark: fmt.Sprintf("p%d", i)},
			&doc.Paragraph{Text: bodyLines(10 + 30*i), Style: "body"}) // 1, 2 and 4 pages
	}
	d.Page.Footer = doc.Footer{Format: "— %d —", Style: "pagenum", Distance: 7, OddEven: true, Inset: 5}
	plain := mustLayout(t, d)
	d.Page.Duplex = true
	r := mustLayout(t, d)
	var numbers []int
	var blank []bool
	for _, pg := range r.Pages {
		numbers, blank = append(numbers, pg.Number), append(blank, pg.Blank)
		numbered := false
		if len(pg.Items) > 0 {
			_, numbered = pg.Items[len(pg.Items)-1].(PageNumber)
		}
		if numbered == (pg.Blank || pg.Number == 0) {
			t.Errorf("page %d (number %d, blank %v): page number drawn %v", len(numbers), pg.Number, pg.Blank, numbered)
		}
		if pg.Blank && len(pg.Items) > 0 {
			t.Errorf("blank page %d has %d items", len(numbers), len(pg.Items))
		}
	}
	// 目录, blank | part 1 (1), blank (2) | part 2 (3, 4) | part 3 (5-8)
	wantNumbers := []int{0, 0, 1, 2, 3, 4, 5, 6, 7, 8}
	wantBlank := []bool{false, true, false, true, false, false, false, false, false, false}
	if fmt.Sprint(numbers) != fmt.Sprint(wantNumbers) || fmt.Sprint(blank) != fmt.Sprint(wantBlank) {
		t.Errorf("numbers %v blank %v, want %v and %v", numbers, blank, wantNumbers, wantBlank)
	}
	entries := tocEntries(t, r)
	for i, want := range []int{1, 3, 5} {
		b := fmt.Sprintf("p%d", i)
		if a := r.Anchors[b]; entries[b] != want || a.Number != want || a.Page%2 != 0 {
			t.Errorf("part %d: TOC says %d, anchor %+v; want page %d on a right-hand page", i+1, entries[b], a, want)
		}
	}
	if len(plain.Pages) != 8 || plain.Pages[1].Blank {
		t.Errorf("single-sided: %d pages", len(plain.Pages))
	}
}

// TestTOCNoCharacterAlone: an entry one character longer than its line
// takes another character down, so its last line has two.
func TestTOCNoCharacterAlone(t *testing.T) {
	for n := 28; n <= 32; n++ {
		title := strings.Repeat("长", n)
		r := mustLayout(t, tocDoc(1, 3, func(int) string { return title }))
		lines := texts(r.Pages[0])[1:]
		if lines[0].Text == title {
			continue // one line
		}
		if last := []rune(lines[1].Text); len(last) < 2 {
			t.Errorf("%d characters: the last line holds %q", n, lines[1].Text)
		}
	}
}
