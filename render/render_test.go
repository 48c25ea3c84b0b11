package render

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/layout"
)

const samplePath = "../data/hebei/shanhaiguan-wxb-2024.toml"

func engine(tb testing.TB) *Engine {
	tb.Helper()
	e, notes := New(Options{})
	if len(notes) > 0 {
		tb.Fatal(notes)
	}
	return e
}

func sample(tb testing.TB) *budget.Filing {
	tb.Helper()
	f, notes, err := engine(tb).LoadFile(samplePath)
	if err != nil {
		tb.Fatal(notes)
	}
	return f
}

// build builds f and returns the report, or the error findings.
func build(tb testing.TB, f *budget.Filing) (*Report, diag.List) {
	tb.Helper()
	rep, notes, err := engine(tb).Build(f)
	if errors.Is(err, ErrInvalid) {
		var errs diag.List
		for _, d := range notes {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		return nil, errs
	}
	if err != nil {
		tb.Fatal(err)
	}
	return rep, nil
}

// mustBuild builds f, which must have no errors.
func mustBuild(tb testing.TB, f *budget.Filing) *Report {
	tb.Helper()
	rep, errs := build(tb, f)
	if errs != nil {
		tb.Fatal(errs)
	}
	return rep
}

// manyProjects is the sample with n projects of 6 indicator rows each: two
// per 一级, sharing their 二级, so the 一级 and 二级 cells merge.
func manyProjects(tb testing.TB, n int) *budget.Filing {
	f := sample(tb)
	base := f.Projects[0]
	f.Projects = nil
	for i := 0; i < n; i++ {
		p := base
		p.Code = fmt.Sprintf("224-0501-JBN-%04d", i)
		p.Name = fmt.Sprintf("%s第%d项", base.Name, i+1)
		p.Indicators = nil
		for _, ind := range base.Indicators {
			for k := 0; k < 2; k++ {
				ind.Name = fmt.Sprintf("%s（%d）", ind.Name, k+1)
				p.Indicators = append(p.Indicators, ind)
			}
		}
		f.Projects = append(f.Projects, p)
	}
	return f
}

func TestMissingGlyphNamesCharacter(t *testing.T) {
	f := sample(t)
	f.Projects[0].Indicators[1].Description = "含有生僻字𠀀的描述"
	_, notes := build(t, f)
	if len(notes) != 1 || notes[0].Code != "G1" {
		t.Fatalf("findings = %v, want one G1", notes)
	}
	msg := notes.Error()
	if !strings.Contains(msg, "U+20000") || !strings.Contains(msg, "𠀀") {
		t.Errorf("message does not name the character and code point: %s", msg)
	}
}

func TestBothFormats(t *testing.T) {
	rep := mustBuild(t, sample(t))
	for _, name := range Formats() {
		var buf bytes.Buffer
		if err := rep.Write(&buf, name); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if buf.Len() < 1000 {
			t.Errorf("%s: only %d bytes", name, buf.Len())
		}
	}
}

func benchmarkBuild(b *testing.B, f *budget.Filing, formats ...string) {
	e := engine(b)
	b.ReportAllocs()
	for b.Loop() {
		rep, _, err := e.Build(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range formats {
			if err := rep.Write(io.Discard, name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSamplePDF(b *testing.B)       { benchmarkBuild(b, sample(b), "pdf") }
func BenchmarkSampleDOCX(b *testing.B)      { benchmarkBuild(b, sample(b), "docx") }
func BenchmarkSampleBoth(b *testing.B)      { benchmarkBuild(b, sample(b), "pdf", "docx") }
func Benchmark100ProjectsPDF(b *testing.B)  { benchmarkBuild(b, manyProjects(b, 100), "pdf") }
func Benchmark100ProjectsDOCX(b *testing.B) { benchmarkBuild(b, manyProjects(b, 100), "docx") }

var update = flag.Bool("update", false, "rewrite golden files")

// TestSampleLayoutGolden pins the laid-out pages of the sample: every text
// item with its position, rules, links and page numbers.
func TestSampleLayoutGolden(t *testing.T) {
	got := layout.Dump(mustBuild(t, sample(t)).pages)
	golden := "testdata/hebei-sample-pages.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("layout differs from %s; run go test ./render -update and review the diff", golden)
	}
}

func pageText(pg layout.Page) string {
	var b strings.Builder
	for _, it := range pg.Items {
		if tx, ok := it.(layout.Text); ok {
			b.WriteString(tx.Text)
		}
	}
	return b.String()
}

// TestLongIndicatorTable: 45 indicator rows with long texts, all under one
// 一级 and 二级, cross pages with the real fonts: every continuation page
// starts with the 续表 line naming the project, then the header row, and
// shows the merged 一级 and 二级 again.
func TestLongIndicatorTable(t *testing.T) {
	f := sample(t)
	f.Projects = f.Projects[:1]
	p := &f.Projects[0]
	base := p.Indicators[0]
	p.Indicators = nil
	for i := range 45 {
		ind := base
		ind.Name = fmt.Sprintf("第%d项监测指标", i+1)
		ind.Description = strings.Repeat("通过舆情监看收集全区网络舆情，进行筛选、分析、研判，上报。", 1+i%3)
		p.Indicators = append(p.Indicators, ind)
	}
	// Only 产出指标 rows: this filing fails check (I3), the layout is tested.
	form, _ := engine(t).get("hebei", 0)
	d, err := form.Bind(f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := layout.Layout(d, layout.NewFontSet(d))
	if err != nil {
		t.Fatal(err)
	}
	pages := res.Pages
	first := -1
	for i, pg := range pages {
		if strings.Contains(pageText(pg), "第1项监测指标") {
			first = i
		}
	}
	if first < 0 || len(pages) < first+3 {
		t.Fatalf("%d pages; the table should start at %d and cross at least two page breaks", len(pages), first)
	}
	for i := first + 1; i < len(pages); i++ {
		text := pageText(pages[i])
		if !strings.HasPrefix(text, "续表：1、网络舆情综合管理绩效目标表一级指标二级指标三级指标绩效指标描述指标值指标值确定依据") {
			t.Errorf("page %d does not start with the header row: %.40q", i+1, text)
		}
		if !strings.Contains(text, "产出指标") || !strings.Contains(text, "质量指标") {
			t.Errorf("page %d does not repeat the merged 一级/二级 labels", i+1)
		}
	}
	all := ""
	for _, pg := range pages {
		all += pageText(pg)
	}
	for i := range 45 {
		if n := strings.Count(all, fmt.Sprintf("第%d项监测指标", i+1)); n != 1 {
			t.Errorf("row %d printed %d times", i+1, n)
		}
	}
}

// TestMissingBMPGlyph: a BMP character outside the embedded character set
// is refused with its code point, never drawn as a box.
func TestMissingBMPGlyph(t *testing.T) {
	f := sample(t)
	f.Projects[0].Name = "㵘水利项目"
	_, notes := build(t, f)
	if !strings.Contains(notes.Error(), "U+3D58") {
		t.Fatalf("findings = %v, want one naming U+3D58", notes)
	}
	if notes[0].Line == 0 {
		t.Errorf("finding has no line: %v", notes)
	}
}

// TestGlyphFindingNamesField: G1 pointed at the table's first line; it
// names the field that holds the character, at that field's line.
func TestGlyphFindingNamesField(t *testing.T) {
	for _, c := range []struct {
		set  func(f *budget.Filing)
		path string
	}{
		{func(f *budget.Filing) { f.Projects[1].Indicators[2].Value = "≥95㵘" }, "projects[2].indicators[3].value"},
		{func(f *budget.Filing) { f.Projects[0].Purpose += "㵘" }, "projects[1].purpose"},
		{func(f *budget.Filing) { f.Overall[1].Text += "𠀀" }, "overall[2].text"},
	} {
		f := sample(t)
		c.set(f)
		_, notes := build(t, f)
		if len(notes) != 1 {
			t.Fatalf("findings = %v, want one", notes)
		}
		if d, want := notes[0], f.Positions[c.path]; d.Path != c.path || d.Line != want.Line || want.Line == 0 {
			t.Errorf("G1 at %d (%s), want %s at line %d", d.Line, d.Path, c.path, want.Line)
		}
	}
}

// TestFitFindingNamesField: a 指标值 too long for the form, which squeezes
// the amounts above it in the joined table, is G2 at its own field and
// line, not at the amount it leaves no room for.
func TestFitFindingNamesField(t *testing.T) {
	f := sample(t)
	f.Projects[1].Indicators[0].Value = "≥" + strings.Repeat("9", 55) + "%"
	_, notes := build(t, f)
	const path = "projects[2].indicators[1].value"
	if want := f.Positions[path]; len(notes) != 1 || notes[0].Code != "G2" || notes[0].Path != path || notes[0].Line != want.Line || want.Line == 0 {
		t.Errorf("findings %v, want one G2 at %s, line %d", notes, path, want.Line)
	}
}

// TestTooTallRowFinding: a project name of thousands of characters, whose
// cell would run past a page, was an internal error ("row 1 does not fit
// on a page") without a line; it is G3 at the name's field and line.
func TestTooTallRowFinding(t *testing.T) {
	f := sample(t)
	f.Projects[0].Name = strings.Repeat("网络舆情综合管理", 230)
	_, notes := build(t, f)
	const path = "projects[1].name"
	if want := f.Positions[path]; len(notes) != 1 || notes[0].Code != "G3" || notes[0].Path != path || notes[0].Line != want.Line || want.Line == 0 {
		t.Errorf("findings %v, want one G3 at %s, line %d", notes, path, want.Line)
	}
}

// TestEngineConcurrent: one Engine builds filings on several goroutines at
// once, each report the same bytes as when built alone.
func TestEngineConcurrent(t *testing.T) {
	files := []string{samplePath, "../data/national/mzj-2024.toml"}
	e := engine(t)
	pdfOf := func(path string) []byte {
		f, notes, err := e.LoadFile(path)
		if err != nil {
			t.Error(notes)
			return nil
		}
		rep, notes, err := e.Build(f)
		if err != nil {
			t.Error(err, notes)
			return nil
		}
		var buf bytes.Buffer
		if err := rep.WritePDF(&buf); err != nil {
			t.Error(err)
		}
		return buf.Bytes()
	}
	want := map[string][]byte{}
	for _, path := range files {
		want[path] = pdfOf(path)
	}
	e = engine(t) // fresh: the forms compile under the goroutines
	var wg sync.WaitGroup
	for i := range 6 {
		path := files[i%len(files)]
		wg.Go(func() {
			if got := pdfOf(path); !bytes.Equal(got, want[path]) {
				t.Errorf("%s: the PDF built alongside others differs", path)
			}
		})
	}
	wg.Wait()
}

func Benchmark1000ProjectsDOCX(b *testing.B) { benchmarkBuild(b, manyProjects(b, 1000), "docx") }

func TestScreenFontIsTrueType(t *testing.T) {
	f := ScreenFont()
	if len(f) < 1<<20 || string(f[:4]) != "\x00\x01\x00\x00" {
		t.Errorf("ScreenFont is %d bytes starting %q, want a TrueType font", len(f), f[:min(4, len(f))])
	}
}
