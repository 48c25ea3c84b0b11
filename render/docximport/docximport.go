// Package docximport reads last year's report back into a filing: a Word
// .docx in the seed's form, whoever wrote it (jixiao, Word, WPS, LibreOffice
// or an officer by hand), so that a department starts this year's filing
// from it.
//
// The report is read by what it says, not by how it is laid out: the
// sections of 第一部分 by their headings (一、…), each project's table by
// its labels (项目编码, 预算数, 资金支出计划, 一级指标 …) wherever the cells
// sit. Merged cells in any of Word's ways (gridSpan, vMerge, hMerge), empty
// paragraphs and blank rows, fields (TC entries, a TOC), a form split into
// two tables or joined in one, and text split into runs by formatting all
// read the same. A value that cannot be read is a warning naming the table
// and row, and is kept as written for check to review.
package docximport

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Form is the form template of the reports read: the seed's (Hebei's).
const Form = "hebei"

// Read decodes a filing from the bytes of a .docx report; file names it in
// findings. A Word 97–2003 .doc (or a WPS .wps) is refused with how to save
// it as .docx.
func Read(file string, data []byte) (*budget.Filing, diag.List) {
	fail := func(msg, hint diag.Text) (*budget.Filing, diag.List) {
		return nil, diag.List{diag.Diagnostic{Pos: diag.Pos{File: file}, Severity: diag.Error, Code: "D1"}.Say(msg, hint)}
	}
	ext := strings.ToLower(filepath.Ext(file))
	if ext == ".doc" || ext == ".wps" || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return fail(diag.T("this is a Word 97–2003 document (.doc), which jixiao does not read"),
			diag.T("open it in Word or WPS, choose 另存为 (Save As) and the type Word 文档 (*.docx), then convert the .docx"))
	}
	body, err := documentXML(data)
	if err == nil {
		var blocks []block
		if blocks, err = parseBody(body); err == nil {
			im := &importer{file: file, f: &budget.Filing{Template: Form, File: file, Source: data, Positions: budget.Positions{}}}
			im.year(data, blocks)
			im.read(blocks)
			return im.finish()
		}
	}
	return fail(diag.T("cannot read the Word document: %v", err.Error()),
		diag.T("open it in Word or WPS and save it again as .docx (Word 文档)"))
}

// importer turns the body's blocks into a filing, in document order.
type importer struct {
	file   string
	f      *budget.Filing
	notes  diag.List
	part   int             // 0 before 第一部分, 1 or 2 after its part label
	sec    *budget.Section // the section of 第一部分 being read
	lines  []string        // its paragraphs so far
	proj   *budget.Project // the project being read
	filled bool            // proj already has its main table
	tables int             // tables seen, for positions
	dept   bool            // the department line was read
}

var (
	sectionHeading = regexp.MustCompile(`^[一二三四五六七八九十]+\s*[、.．]\s*(.+)$`)
	captionNumber  = regexp.MustCompile(`^\d+\s*[、.．]\s*`)
	unitLine       = regexp.MustCompile(`^单位\s*[：:]\s*(\S+)$`)
	unitAtEnd      = regexp.MustCompile(`^(.*?)\s*单位\s*[：:]\s*(\S+)$`)
	deptLine       = regexp.MustCompile(`^(\d+)\s*(.*)$`)
	yearText       = regexp.MustCompile(`((?:19|20)\d\d)\s*年度?`)
	tocEntry       = regexp.MustCompile(`\t\s*\d+\s*$`)
	checkpoint     = regexp.MustCompile(`^(\d{1,2}月(底|末|份)?|第?[一二三四1-4]季度末?|年底|年末)$`)
	numberedGoal   = regexp.MustCompile(`^(\d+)、`)
)

// year takes the budget year from the document's title (its properties),
// else from a paragraph before 第一部分.
func (im *importer) year(data []byte, blocks []block) {
	var texts []string
	if core := corePart(data); core != "" {
		texts = append(texts, core)
	}
	for _, b := range blocks {
		if b.para == nil {
			continue
		}
		if strings.HasPrefix(squeeze(b.para.text), "第一部分") {
			break
		}
		texts = append(texts, b.para.text)
	}
	for _, t := range texts {
		if m := yearText.FindStringSubmatch(t); m != nil {
			im.f.Year, _ = strconv.Atoi(m[1])
			im.f.Positions["year"] = diag.Pos{}
			return
		}
	}
}

func (im *importer) read(blocks []block) {
	for _, b := range blocks {
		if b.table != nil {
			im.table(b.table)
		} else {
			im.paragraph(b.para)
		}
	}
	im.endSection()
}

func (im *importer) paragraph(p *paragraph) {
	text := strings.TrimFunc(p.text, unicode.IsSpace)
	n := squeeze(text)
	if n == "" || strings.HasPrefix(strings.ToLower(p.style), "toc") || tocEntry.MatchString(p.text) {
		return
	}
	switch {
	case strings.HasPrefix(n, "第一部分"):
		im.endSection()
		im.part = 1
		return
	case strings.HasPrefix(n, "第二部分"):
		im.endSection()
		im.part = 2
		return
	}
	if im.part == 1 {
		if m := sectionHeading.FindStringSubmatch(text); m != nil && utf8.RuneCountInString(n) <= 30 {
			im.endSection()
			im.sec = &budget.Section{Title: strings.TrimSpace(m[1])}
			return
		}
		if im.sec != nil {
			im.lines = append(im.lines, text)
		}
		return
	}
	if im.part != 2 {
		return
	}
	switch {
	case strings.HasSuffix(n, "绩效目标表") && !strings.HasPrefix(n, "续表"):
		name := strings.TrimSuffix(captionNumber.ReplaceAllString(text, ""), "绩效目标表")
		im.startProject()
		im.proj.Name = strings.TrimSpace(name)
	case unitAtEnd.MatchString(text):
		m := unitAtEnd.FindStringSubmatch(text)
		im.unit("单位：" + m[2])
		im.department(m[1])
	}
}

// endSection closes the section being read: a short first paragraph
// that is not a sentence is its subtitle, the rest its text.
func (im *importer) endSection() {
	if im.sec == nil {
		return
	}
	lines := im.lines
	if len(lines) >= 2 && utf8.RuneCountInString(lines[0]) <= 40 && !strings.HasSuffix(lines[0], "。") {
		im.sec.Subtitle, lines = lines[0], lines[1:]
	}
	im.sec.Text = strings.Join(lines, "\n")
	im.f.Overall = append(im.f.Overall, *im.sec)
	im.sec, im.lines = nil, nil
}

func (im *importer) startProject() {
	im.f.Projects = append(im.f.Projects, budget.Project{})
	im.proj, im.filled = &im.f.Projects[len(im.f.Projects)-1], false
}

// unit reads 单位：元 into the department's money unit.
func (im *importer) unit(n string) {
	if m := unitLine.FindStringSubmatch(n); m != nil && im.f.Department.MoneyUnit == "" {
		im.f.Department.MoneyUnit = budget.MoneyUnit(m[1])
	}
}

// department reads the line above a form, 224002中共…: the department's
// code and name, from the first such line.
func (im *importer) department(t string) {
	t = strings.TrimSpace(t)
	if t == "" || im.dept {
		return
	}
	im.dept = true
	if m := deptLine.FindStringSubmatch(t); m != nil {
		im.f.Department.Code, im.f.Department.Name = m[1], strings.TrimSpace(m[2])
	} else {
		im.f.Department.Name = t
	}
}

func (im *importer) table(t *table) {
	im.endSection()
	im.tables++
	g := grid(t)
	lt := &labeled{im: im, g: g, n: im.tables}
	header := lt.indicatorHeader()
	lt.index(header)
	_, hasCode := lt.labels["项目编码"]
	_, hasBudget := lt.labels["预算数"]
	switch {
	case hasCode || hasBudget:
		if im.proj == nil || im.filled {
			im.startProject()
		}
		im.filled = true
		lt.project(im.proj, len(im.f.Projects))
	case header < 0:
		lt.unitTable()
		return
	}
	if header >= 0 {
		if im.proj == nil {
			im.startProject()
		}
		lt.indicators(im.proj, len(im.f.Projects), header)
	}
}

// finish drops projects that are only a caption (a table of contents
// entry, say) or indicators under no project of the seed's form (another
// form's table), checks something was found and returns the filing.
func (im *importer) finish() (*budget.Filing, diag.List) {
	var kept []budget.Project
	for _, p := range im.f.Projects {
		if p.Code != "" || p.Budget.Set || p.Name != "" && len(p.Indicators) > 0 {
			kept = append(kept, p)
		}
	}
	im.f.Projects = kept
	if len(im.f.Overall) == 0 && len(im.f.Projects) == 0 {
		return nil, append(im.notes, diag.Diagnostic{Pos: diag.Pos{File: im.file}, Severity: diag.Error, Code: "D3"}.Say(
			diag.T("found neither the sections of 第一部分 nor a project table"),
			diag.T("the report should have the seed's form: 第一部分 with headings 一、二、三、 and 第二部分 with a table per project labelled 项目编码, 预算数 …")))
	}
	if im.f.Year == 0 {
		im.notes = append(im.notes, diag.Diagnostic{Pos: diag.Pos{File: im.file}, Severity: diag.Warning, Code: "D2", Path: "year"}.Say(
			diag.T("the report names no budget year"), diag.T("set year in the filing")))
	}
	return im.f, im.notes
}

// corePart returns the title and subject of the package's properties.
func corePart(data []byte) string {
	b, err := partXML(data, "docProps/core.xml")
	if err != nil {
		return ""
	}
	var core struct {
		Title   string `xml:"title"`
		Subject string `xml:"subject"`
	}
	if unmarshalXML(b, &core) != nil {
		return ""
	}
	return core.Title + " " + core.Subject
}

// squeeze removes every blank, for comparing labels however they are
// spaced (项 目 编 码).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' {
			return -1
		}
		return r
	}, s)
}

func cellPos(file string, table, row, col int) diag.Pos {
	return diag.Pos{File: file, Sheet: fmt.Sprintf("表%d", table), Line: row + 1, Col: col + 1}
}
