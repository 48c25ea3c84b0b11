package layout

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// breakText breaks text at width ems and checks the invariants every case
// must hold: the lines rejoin to the input less its forced breaks, and no
// line of more than one cluster is wider than the width.
func breakText(t *testing.T, text string, ems float64) []string {
	t.Helper()
	sh, err := shape(text, testChain(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	limit := ems * 1000
	var out []string
	for _, ln := range sh.breakLines(limit, limit) {
		if visibleClusters(sh, ln) > 1 && ln.width > limit+eps {
			t.Errorf("%q: line %q is %.0f wide, more than %.0f", text, sh.lineText(ln), ln.width, limit)
		}
		if w := sh.width(ln.from, ln.to); w != ln.width {
			t.Errorf("%q: line %q records width %.0f, measures %.0f", text, sh.lineText(ln), ln.width, w)
		}
		out = append(out, sh.lineText(ln))
	}
	if got, want := strings.Join(out, ""), strings.ReplaceAll(text, "\n", ""); got != want {
		t.Errorf("lines %q rejoin to %q, want %q", out, got, want)
	}
	return out
}

// visibleClusters counts the clusters of ln without its hanging spaces.
func visibleClusters(sh *shaped, ln line) int {
	n := 0
	for _, c := range sh.cl[ln.from:ln.to] {
		if c.kind&kindSpace == 0 {
			n++
		}
	}
	return n
}

func checkKinsoku(t *testing.T, lines []string) {
	t.Helper()
	for i, l := range lines {
		if l == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if i > 0 && noStart(first) {
			t.Errorf("line %d %q starts with %q", i+1, l, first)
		}
		if i < len(lines)-1 && noEnd(last) {
			t.Errorf("line %d %q ends with %q", i+1, l, last)
		}
	}
}

func equalLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines = %q, want %q", got, want)
	}
}

func TestBreakIdeographs(t *testing.T) {
	text := strings.Repeat("一二三四五", 4)
	equalLines(t, breakText(t, text, 5), "一二三四五", "一二三四五", "一二三四五", "一二三四五")
}

func TestBreakKinsokuPushesCharacterDown(t *testing.T) {
	lines := breakText(t, "一二三四五，六七八九十。", 5)
	checkKinsoku(t, lines)
	// 推出: 五 moves down with its comma rather than the comma overflowing.
	equalLines(t, lines, "一二三四", "五，六七八", "九十。")
}

func TestBreakFullWidthNumber(t *testing.T) {
	const text = "共计１２３，４５６元"
	sh, err := shape(text, testChain(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range sh.cl[2 : len(sh.cl)-2] {
		if c.brk != breakNo {
			t.Errorf("a break opportunity inside the number, after %q (cluster %d)", c.base, i+2)
		}
	}
	for _, w := range []float64{7, 8, 9} {
		if lines := breakText(t, text, w); !strings.Contains(strings.Join(lines, "|"), "１２３，４５６") {
			t.Errorf("width %g: number split: %q", w, lines)
		}
	}
	equalLines(t, breakText(t, text, 8), "共计", "１２３，４５６元")
}

func TestBreakQuotes(t *testing.T) {
	lines := breakText(t, "测试文本，“测试”结束", 4)
	checkKinsoku(t, lines)
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 4 {
			t.Errorf("line %q overflows 4 ideographs", l)
		}
	}
	equalLines(t, lines, "测试文", "本，“测", "试”结束")
	equalLines(t, breakText(t, "文本文“测”", 4), "文本文", "“测”")
	// The quotes open to breaks only next to Chinese: English keeps "don’t".
	sh, err := shape("don’t", testChain(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range sh.cl[:len(sh.cl)-1] {
		if c.brk != breakNo {
			t.Errorf("don’t: a break opportunity after %q", c.base)
		}
	}
}

func TestBreakMixedScripts(t *testing.T) {
	lines := breakText(t, "营业收入Revenue增长12.5%至1,234万元", 6)
	joined := strings.Join(lines, "|")
	for _, whole := range []string{"Revenue", "12.5%", "1,234"} {
		if !strings.Contains(joined, whole) {
			t.Errorf("%q split: %q", whole, lines)
		}
	}
	equalLines(t, lines, "营业收入", "Revenue增长", "12.5%至1,234", "万元")
}

func TestBreakEmergency(t *testing.T) {
	lines := breakText(t, "ABC-2024-000123456789", 4) // 8 ASCII per line
	equalLines(t, lines, "ABC-2024", "-0001234", "56789")

	url := "https://www.hebei.gov.cn/" + strings.Repeat("budget/", 13) + "report.pdf"
	if len(url) < 120 {
		t.Fatalf("url is %d long", len(url))
	}
	lines = breakText(t, url, 10) // 20 ASCII
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasSuffix(l, "/") && !strings.HasSuffix(l, ".") {
			t.Errorf("URL line %q does not end after a slash or a dot: %q", l, lines)
		}
	}
	// With no break opportunity at all, a cut after a slash is preferred
	// when it keeps half the line.
	equalLines(t, breakText(t, "2024/03/05/0001234567", 4.5), "2024/03/", "05/000123", "4567")
	// Narrower than one character: one cluster per line, no endless loop.
	equalLines(t, breakText(t, "一二三", 0.5), "一", "二", "三")
	equalLines(t, breakText(t, "一二三", 0), "一", "二", "三")
	equalLines(t, breakText(t, "ab", -3), "a", "b")
}

func TestBreakInvisibleAndCombining(t *testing.T) {
	equalLines(t, breakText(t, "一二\u200b三四", 10), "一二\u200b三四")
	equalLines(t, breakText(t, "e\u0301", 10), "e\u0301")
	// Never inside a grapheme, even one cluster per line.
	equalLines(t, breakText(t, "e\u0301e\u0301", 0.5), "e\u0301", "e\u0301")
	lines := breakText(t, "一二\u200b三四", 2)
	equalLines(t, lines, "一二\u200b", "三四")
}

func TestBreakPairedMarks(t *testing.T) {
	for _, w := range []float64{2, 3, 4, 5} {
		lines := breakText(t, "他说——好……的", w)
		if j := strings.Join(lines, "|"); !strings.Contains(j, "——") || !strings.Contains(j, "……") {
			t.Errorf("width %g: a mark split: %q", w, lines)
		}
	}
	// —— never starts a line (nor does ……).
	equalLines(t, breakText(t, "一二——三", 3), "一", "二——", "三")
	equalLines(t, breakText(t, "一二……三", 3), "一", "二……", "三")
	// Too narrow to keep kinsoku: split before …… rather than inside it.
	equalLines(t, breakText(t, "好……", 2), "好", "……")
}

func TestBreakForced(t *testing.T) {
	equalLines(t, breakText(t, "甲\n乙", 10), "甲", "乙")
	equalLines(t, breakText(t, "甲\n", 10), "甲", "")
	equalLines(t, breakText(t, "", 10), "")
	equalLines(t, breakText(t, "\n\n", 10), "", "", "")
}

func TestBreakSpacesHang(t *testing.T) {
	lines := breakText(t, "aaaa bbbb cccc", 2.5) // 5 ASCII
	equalLines(t, lines, "aaaa ", "bbbb ", "cccc")
}

func TestBreakKinsokuProperty(t *testing.T) {
	alphabet := []rune("一二三四五六七八九十，。、；：？！（）《》“”‘’—…１２３ab1.%- ")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := rng.IntN(40)
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		breakText(t, b.String(), float64(rng.IntN(12)))
	}
}

func TestShapeMissingGlyph(t *testing.T) {
	for _, r := range []rune{'㵘', '𠀀'} {
		_, err := shape("中"+string(r)+"文", testChain(t, "㵘𠀀"))
		var ge *GlyphError
		if !errors.As(err, &ge) || ge.Rune != r {
			t.Errorf("%q: err = %v, want a GlyphError for it", r, err)
		}
	}
	// A character beyond the BMP that the face has is set like any other.
	sh, err := shape("中𫖯文", testChain(t, "㵘𠀀"))
	if err != nil || len(sh.cl) != 3 || sh.text[sh.cl[1].start:sh.cl[1].end] != "𫖯" {
		t.Errorf("shape(中𫖯文) = %+v, %v; want three clusters", sh, err)
	}
}

func TestShapeFallbackFace(t *testing.T) {
	c, err := newChain("x", []FaceRef{{ID: "a", Face: monoFace{missing: "乙"}}, {ID: "b", Face: monoFace{}}})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := shape("甲乙", c)
	if err != nil {
		t.Fatal(err)
	}
	if sh.cl[0].face != 0 || sh.cl[1].face != 1 {
		t.Errorf("faces = %d, %d, want 0, 1", sh.cl[0].face, sh.cl[1].face)
	}
}
