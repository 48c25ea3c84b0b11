package docx

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/internal/lotest"
)

// TestLibreOffice converts the sample and the long table to PDF with
// LibreOffice and reads the text back: every heading and cell is there,
// the TOC shows the cached page numbers, the body pages are numbered from
// 1, and the indicator header repeats on every page of the long table.
//
// What LibreOffice draws depends on its version and on the fonts it finds,
// so the text is compared without punctuation and white space (LibreOffice
// 7.4 may drop a comma at the end of a line) and without the page footers
// (where pages break depends on the fonts), and nothing depends on where
// its lines or pages break.
func TestLibreOffice(t *testing.T) {
	dir := t.TempDir()
	docs := map[string]*doc.Document{"sample": sampleDocument(), "long": longDocument()}
	var files []string
	for _, name := range []string{"sample", "long"} {
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, build(t, docs[name], Options{PageOf: samplePageOf}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	lotest.Convert(t, dir, files...)

	pages := lotest.Pages(t, filepath.Join(dir, "sample.pdf"))
	all := letters(body(pages))
	for _, s := range docText(docs["sample"]) {
		if !strings.Contains(all, letters(s)) {
			t.Errorf("sample: %q missing from the PDF", s)
		}
	}
	toc := pages[0]
	for _, e := range []struct{ text, bookmark string }{
		{"总体绩效目标", "sec1"}, {"分项绩效目标", "sec2"}, {"工作保障措施", "sec3"},
		{"1、网络舆情综合管理绩效目标表", "tbl1"}, {"2、网络阵地建设和内容管理绩效目标表", "tbl2"},
	} {
		re := regexp.MustCompile(regexp.QuoteMeta(e.text) + `[ .…·]*` + fmt.Sprint(samplePageOf[e.bookmark]) + `\s*\n`)
		if !re.MatchString(toc) {
			t.Errorf("TOC page lacks %q with page %d:\n%s", e.text, samplePageOf[e.bookmark], toc)
		}
	}
	if strings.Contains(toc, "—") {
		t.Errorf("the TOC page carries a page number:\n%s", toc)
	}
	for i, page := range pages[1:] {
		if want := fmt.Sprintf("—%d—", i+1); !strings.Contains(squash(page), want) {
			t.Errorf("body page %d lacks the footer %q", i+1, want)
		}
	}

	pages = lotest.Pages(t, filepath.Join(dir, "long.pdf"))
	if len(pages) < 3 {
		t.Fatalf("long table on %d pages, want at least 3", len(pages))
	}
	all = letters(body(pages))
	for _, s := range docText(docs["long"]) {
		if !strings.Contains(all, letters(s)) {
			t.Errorf("long: %q missing from the PDF", s)
		}
	}
	for i, page := range pages {
		if !strings.Contains(squash(page), "一级指标二级指标三级指标绩效指标描述指标值指标值确定依据") {
			t.Errorf("long: page %d lacks the repeated header row", i+1)
		}
	}
}

// docText lists every heading, paragraph and cell text of d.
func docText(d *doc.Document) []string {
	var texts []string
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Heading:
			texts = append(texts, b.Text)
		case *doc.Paragraph:
			texts = append(texts, b.Text)
		case *doc.Table:
			for _, row := range b.Rows {
				for _, c := range row.Cells {
					texts = append(texts, c.Text)
				}
			}
		}
	}
	return texts
}

// squash drops all white space, since the PDF wraps lines anywhere.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// footerLine is a page's footer, its page number: a paragraph that crosses
// a page break has it in the middle of its text.
var footerLine = regexp.MustCompile(`(?m)^\s*—\s*\d+\s*—\s*$`)

// body joins the pages' text without their footers.
func body(pages []string) string {
	return footerLine.ReplaceAllString(strings.Join(pages, "\n"), "")
}

// letters drops white space and punctuation: the words and numbers of s.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s)
}
