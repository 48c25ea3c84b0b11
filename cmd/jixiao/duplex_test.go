package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// pageLabels reads the viewer's page labels of a PDF with qpdf: "i", "ii",
// "1", "2"…
func pageLabels(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command("qpdf", "--json", "--json-key=pages", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Pages []struct {
			Label *struct {
				S  string `json:"/S"`
				St int    `json:"/St"`
			}
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, p := range doc.Pages {
		switch {
		case p.Label == nil:
			labels = append(labels, "?")
		case p.Label.S == "/r":
			labels = append(labels, strings.Repeat("i", p.Label.St)) // the 目录 takes one or two pages here
		default:
			labels = append(labels, fmt.Sprint(p.Label.St))
		}
	}
	return labels
}

// inkless reports whether page of pdf, rendered, is white all over.
func inkless(t *testing.T, pdf string, page int) bool {
	t.Helper()
	_, px := grayPage(t, pdf, page, 50)
	return !slices.ContainsFunc(px, func(v byte) bool { return v < 250 })
}

// TestDuplex: with --duplex the body's page 1 and each part (each form of
// the national template) begin on a right-hand page, an odd page of the
// file with an odd page number, after a blank page where needed; the blank
// pages carry nothing, not even a page number; the DOCX asks Word for the
// same with oddPage sections and a blank page after the 目录.
func TestDuplex(t *testing.T) {
	need(t, "qpdf", "pdftotext", "pdftoppm")
	for _, c := range []struct {
		file, name string
		starts     []string // the texts that begin a right-hand page
		labels     string
		blank      []int // pages of the file left blank
		sections   int   // the DOCX's sections of type oddPage
	}{
		{sample, "shanhaiguan-wxb-2024", []string{"第一部分", "第二部分"}, "i ii 1 2 3 4", []int{2}, 2},
		{"../../data/national/mzj-2024.toml", "mzj-2024", []string{"项目支出绩效目标申报表", "项目支出绩效目标申报表"}, "i ii 1 2 3", []int{2, 4}, 2},
	} {
		dir := t.TempDir()
		if code, _, stderr := jixiao(t, nil, "build", "--duplex", "-o", dir, c.file); code != 0 {
			t.Fatalf("%s: exit %d\n%s", c.file, code, stderr)
		}
		pdf := filepath.Join(dir, c.name+".pdf")
		labels := pageLabels(t, pdf)
		if got := strings.Join(labels, " "); got != c.labels {
			t.Errorf("%s: page labels %q, want %q", c.name, got, c.labels)
		}
		starts := c.starts
		for page := 1; page <= len(labels); page++ {
			text := strings.TrimSpace(pdfPage(t, pdf, page))
			blank := slices.Contains(c.blank, page)
			if blank != (text == "" && inkless(t, pdf, page)) {
				t.Errorf("%s: page %d (label %s) blank %v, want %v", c.name, page, labels[page-1], !blank, blank)
			}
			if len(starts) > 0 && strings.HasPrefix(text, starts[0]) {
				if page%2 == 0 || !strings.ContainsAny(labels[page-1][len(labels[page-1])-1:], "13579") {
					t.Errorf("%s: %s begins page %d, labelled %s: not a right-hand page", c.name, starts[0], page, labels[page-1])
				}
				starts = starts[1:]
			}
		}
		if len(starts) > 0 {
			t.Errorf("%s: no page begins with %q", c.name, starts[0])
		}
		docx := filepath.Join(dir, c.name+".docx")
		if !strings.Contains(string(docxPart(t, docx, "word/settings.xml")), "<w:evenAndOddHeaders/>") {
			t.Errorf("%s: the DOCX lacks w:evenAndOddHeaders", c.name)
		}
		body := string(docxPart(t, docx, "word/document.xml"))
		if n := strings.Count(body, `<w:type w:val="oddPage"/>`); n != c.sections {
			t.Errorf("%s: %d sections start on an odd page, want %d", c.name, n, c.sections)
		}
		if !regexp.MustCompile(`<w:p><w:pPr><w:pageBreakBefore/><w:spacing [^>]*/><w:sectPr>`).MatchString(body) {
			t.Errorf("%s: the DOCX leaves no blank page after the 目录", c.name)
		}
	}
	// Single-sided, the template's default: no blank page.
	dir := t.TempDir()
	if code, _, stderr := jixiao(t, nil, "build", "--format", "pdf", "-o", dir, sample); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if got := strings.Join(pageLabels(t, filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")), " "); got != "i 1 2 3 4" {
		t.Errorf("single-sided page labels %q", got)
	}
}
