package diff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/internal/lotest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func load(t *testing.T, path string) *budget.Filing {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, notes := budget.Parse(path, data)
	if f == nil {
		t.Fatalf("%s: %v", path, notes)
	}
	return f
}

var hebeiCheckpoints = Options{Checkpoints: []string{"3月底", "6月底", "10月底", "12月底"}}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestBudgetRound compares a department's filing before and after a budget
// round: the unit changed from 万元 to 元 (reported once, and an amount
// equal after conversion is no change), amounts and their differences, a
// renamed project, a removed and an added project (the largest amount),
// an indicator added, one removed and one changed, a spending-plan value,
// and texts changed inline. The expected output, in Chinese and English,
// is in testdata.
func TestBudgetRound(t *testing.T) {
	before := load(t, "testdata/round-before.toml")
	after := load(t, "testdata/round-after.toml")
	r := Compare(before, after, hebeiCheckpoints)
	if r.Equal() {
		t.Fatal("the round's filings compare equal")
	}
	for lang, name := range map[language.Tag]string{language.Chinese: "round.zh.golden", language.English: "round.en.golden"} {
		var out bytes.Buffer
		if err := r.WriteText(&out, lang); err != nil {
			t.Fatal(err)
		}
		golden(t, name, out.Bytes())
	}
	var units int
	for _, ch := range r.Changes {
		if ch.Field == "money unit" {
			units++
		}
		if ch.Code == "224-0401-JBN-8GYM" && ch.Field == "budget" {
			t.Errorf("5.00万元 → 50000.00元 reported as a change: %+v", ch)
		}
	}
	if units != 1 {
		t.Errorf("the unit change is reported %d times, want once", units)
	}
}

// TestEqual: a filing compared with itself, and with a copy differing only
// in comments and layout, has no changes.
func TestEqual(t *testing.T) {
	a := load(t, "testdata/round-after.toml")
	data, _ := os.ReadFile("testdata/round-after.toml")
	var stripped []string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.Index(line, "  # "); i > 0 && !strings.Contains(line, `"""`) {
			line = line[:i]
		}
		stripped = append(stripped, strings.TrimLeft(line, " "))
	}
	b, notes := budget.Parse("b.toml", []byte(strings.Join(stripped, "\n")))
	if b == nil {
		t.Fatal(notes)
	}
	for _, other := range []*budget.Filing{a, b} {
		if r := Compare(a, other, Options{}); !r.Equal() {
			t.Errorf("changes between equal filings: %+v", r.Changes)
		}
	}
	var out bytes.Buffer
	_ = Compare(a, b, Options{}).WriteText(&out, language.Chinese)
	if !strings.Contains(out.String(), "两份申报的数据相同") {
		t.Errorf("output = %q", out.String())
	}
}

// TestUnknownUnit: units that cannot be converted are reported, and the
// amounts shown as written with their units, without a difference.
func TestUnknownUnit(t *testing.T) {
	a := load(t, "testdata/round-after.toml")
	b := load(t, "testdata/round-after.toml")
	b.Department.MoneyUnit = "千元"
	b.Projects[0].Budget = budget.Decimal{Set: true, Raw: "120", Hundredths: 12000}
	r := Compare(a, b, Options{})
	var out bytes.Buffer
	_ = r.WriteText(&out, language.English)
	for _, want := range []string{"from 元 to 千元, which cannot be converted", "budget: 120000.00元 → 120 千元\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestInline(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"营造良好的网络舆论氛围", "营造清朗的网络空间", "营造[-良好-]{+清朗+}的网络[-舆论氛围-]{+空间+}"},
		{"abc", "abc", "abc"},
		{"", "新", "{+新+}"},
		{"旧", "", "[-旧-]"},
		// Long context is cut to a few characters either side.
		{"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子", "…丙丁戊己庚辛壬癸{+子+}"},
		{"加强管理,围绕热点问题开展工作并及时上报处置结果", "加强管理，围绕热点问题开展工作并及时上报处置结果", "加强管理[-,-]{+，+}围绕热点问题开展…"},
		// One or two equal characters between changes are folded in.
		{"甲a乙", "丙a丁", "[-甲a乙-]{+丙a丁+}"},
	} {
		if got := Inline(c.a, c.b); got != c.want {
			t.Errorf("Inline(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// TestInlineLong: texts too long for the full alignment are still shown,
// with their common start and end, in bounded time and memory.
func TestInlineLong(t *testing.T) {
	a := strings.Repeat("甲", 3000) + strings.Repeat("乙", 2000) + "尾"
	b := strings.Repeat("甲", 3000) + strings.Repeat("丙", 2000) + "尾"
	got := Inline(a, b)
	if !strings.HasPrefix(got, "…甲甲甲甲甲甲甲甲[-乙") || !strings.HasSuffix(got, "丙+}尾") {
		t.Errorf("Inline = %.80q…", got)
	}
}

// TestXLSX writes the round's change table twice (the same bytes), and
// reads it back: the header, a project's budget change with numeric
// amounts, the unit note and the total.
func TestXLSX(t *testing.T) {
	r := Compare(load(t, "testdata/round-before.toml"), load(t, "testdata/round-after.toml"), hebeiCheckpoints)
	var a, b bytes.Buffer
	if err := r.WriteXLSX(&a, language.Chinese); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteXLSX(&b, language.Chinese); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same report differ")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("调整对照表")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3+len(r.Changes)+1 {
		t.Fatalf("%d rows, want title, note, header, %d changes and the total", len(rows), len(r.Changes))
	}
	if got := strings.Join(rows[2], "|"); got != "序号|项目编码|项目名称|变动|调整内容|调整前|调整后|增减|变动说明" {
		t.Errorf("header = %s", got)
	}
	if !strings.Contains(rows[1][0], "金额均折算为元") {
		t.Errorf("note = %s", rows[1][0])
	}
	var found bool
	for i, row := range rows[3:] {
		if len(row) > 7 && row[1] == "224-0501-JBN-BOVO" && row[4] == "预算数" {
			found = true
			cell, _ := excelize.CoordinatesToCellName(6, i+4)
			v, _ := f.GetCellValue("调整对照表", cell, excelize.Options{RawCellValue: true})
			if v != "100000.00" || row[6] != "120,000.00" || row[7] != "+20,000.00" || row[3] != "修改" {
				t.Errorf("budget row = %q (raw before %q)", row, v)
			}
		}
	}
	if !found {
		t.Error("no row for the budget change of 224-0501-JBN-BOVO")
	}
	total := rows[len(rows)-1]
	if total[2] != "合计" || total[6] != "1,000,000,169,999.99" {
		t.Errorf("total row = %q", total)
	}
}

// bigFiling is a filing of n projects with the largest amounts, long
// names and text pasted from a spreadsheet (line breaks, full-width
// spaces), in the given unit.
func bigFiling(t *testing.T, n int, unit, amount string, edit func(i int) string) *budget.Filing {
	t.Helper()
	var b strings.Builder
	b.WriteString("year = 2025\n[department]\ncode = \"1\"\nname = \"单位\"\nmoney_unit = \"" + unit + "\"\n")
	for i := range n {
		name := strings.Repeat("网络安全和信息化建设运行维护", 4) + strconv.Itoa(i)
		b.WriteString("[[projects]]\ncode = \"P-" + strconv.Itoa(i) + "\"\nname = \"" + name + "\"\n")
		b.WriteString("budget = \"" + amount + "\"\nfiscal = \"" + amount + "\"\n")
		b.WriteString("purpose = \"第一行\\r\\n第二行\u3000" + edit(i) + "\"\n")
	}
	f, notes := budget.Parse("big.toml", []byte(b.String()))
	if f == nil {
		t.Fatal(notes)
	}
	return f
}

// TestManyProjects: sixty projects with long names and pasted text. At
// 99999999.99万元 each, compared with the same amounts in 元, no amount has
// changed; one purpose edited in each tenth project is. At the largest
// amount, 999999999999.99万元, converted to 元 for a comparison with a
// filing in 元, the total passes int64 in hundredths and stays exact.
func TestManyProjects(t *testing.T) {
	same := func(int) string { return "原文" }
	edited := func(i int) string {
		if i%10 == 0 {
			return "改文"
		}
		return "原文"
	}
	r := Compare(bigFiling(t, 60, "万元", "99999999.99", same), bigFiling(t, 60, "元", "999999999900", edited), Options{})
	for _, ch := range r.Changes {
		if ch.Field == "budget" || ch.Field == "fiscal funds" {
			t.Fatalf("an equal amount reported changed: %+v", ch)
		}
	}
	if len(r.Changes) != 1+6 {
		t.Errorf("%d changes, want the unit and 6 purposes", len(r.Changes))
	}
	if want := "59999999994000.00"; r.OldTotal != want || r.NewTotal != want || r.TotalDelta != "+0.00" {
		t.Errorf("totals %s → %s (%s), want %s", r.OldTotal, r.NewTotal, r.TotalDelta, want)
	}
	if ch := r.Changes[1]; ch.Inline != "…一行\r\n第二行\u3000[-原-]{+改+}文" {
		t.Errorf("inline = %q", ch.Inline)
	}
	var out bytes.Buffer
	_ = r.WriteText(&out, language.Chinese)
	if !strings.Contains(out.String(), "资金用途：…一行↵第二行\u3000[-原-]{+改+}文\n") {
		t.Errorf("a line break in a text breaks the output's line:\n%s", out.String())
	}

	// Ten of the largest amounts in 万元 still add up; sixty would pass
	// int64 in hundredths of 元, and no total is printed rather than a
	// wrong one.
	r = Compare(bigFiling(t, 9, "万元", "999999999999.99", same), bigFiling(t, 9, "元", "999999999999.99", same), Options{})
	if r.OldTotal != "89999999999999100.00" || r.NewTotal != "8999999999999.91" {
		t.Errorf("totals %s → %s", r.OldTotal, r.NewTotal)
	}
	for _, ch := range r.Changes {
		if ch.Field == "budget" && (ch.Old != "9999999999999900.00" || ch.Delta != "-9998999999999900.01") {
			t.Errorf("largest amount converted: %+v", ch)
			break
		}
	}
	r = Compare(bigFiling(t, 60, "万元", "999999999999.99", same), bigFiling(t, 60, "元", "1", same), Options{})
	out.Reset()
	_ = r.WriteText(&out, language.English)
	if r.OldTotal != "" || strings.Contains(out.String(), "total budget") {
		t.Errorf("a total past int64: %q\n%s", r.OldTotal, out.String())
	}
}

// TestXLSXInLibreOffice: LibreOffice Calc opens the change table; saved as
// CSV, its rows hold the header, a budget change with its amounts and
// difference, and the total.
func TestXLSXInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	r := Compare(load(t, "testdata/round-before.toml"), load(t, "testdata/round-after.toml"), hebeiCheckpoints)
	var b bytes.Buffer
	if err := r.WriteXLSX(&b, language.Chinese); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "changes.xlsx")
	if err := os.WriteFile(book, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// CSV filter options: comma, double quote, UTF-8 (76), first line 1.
	lotest.Run(t, dir, "csv:Text - txt - csv (StarCalc):44,34,76,1", book)
	csv, err := os.ReadFile(filepath.Join(dir, "changes.csv"))
	if err != nil {
		t.Fatalf("no CSV from LibreOffice: %v", err)
	}
	// Calc quotes every text; the quotes are dropped before comparing.
	text := strings.ReplaceAll(string(csv), `"`, "")
	for _, want := range []string{
		"序号,项目编码,项目名称,变动,调整内容,调整前,调整后,增减,变动说明",
		"224-0501-JBN-BOVO,网络舆情综合管理,修改,预算数,100,000.00,120,000.00,+20,000.00,",
		"224-0601-JBN-K3QD,网络安全检查,删除,预算数,35,000.00,,,",
		",,合计,,预算数,185,000.00,1,000,000,169,999.99,+999,999,984,999.99,",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Calc's CSV lacks %s:\n%s", want, csv)
		}
	}
}
