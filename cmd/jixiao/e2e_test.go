package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const sample = "../../data/hebei/shanhaiguan-wxb-2024.toml"

// jixiao runs the command in-process and returns its exit code and output.
// Unless env sets JIXIAO_FONTS, it is "embedded": the output must not
// depend on the fonts of the machine that runs the tests.
func jixiao(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if v, ok := env[k]; ok || k != "JIXIAO_FONTS" {
			return v
		}
		return "embedded"
	}
	code := run(args, &out, &errOut, getenv)
	return code, out.String(), errOut.String()
}

func buildSample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	code, _, stderr := jixiao(t, nil, "build", "-o", dir, sample)
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	return dir
}

// docxPart reads one part of a DOCX package.
func docxPart(t *testing.T, path, part string) []byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is required in CI (.ci/run installs it)", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestFidelity runs the seed check on both outputs: every line of the
// original report is present, body lines in order.
func TestFidelity(t *testing.T) {
	need(t, "python3", "pdftotext")
	dir := buildSample(t)
	pdf := filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")
	docx := filepath.Join(dir, "shanhaiguan-wxb-2024.docx")
	out, err := exec.Command("python3", "testdata/fidelity.py", "testdata/seed.txt", pdf, docx).CombinedOutput()
	if err != nil {
		t.Fatalf("fidelity check failed: %v\n%s", err, out)
	}
	out, err = exec.Command("python3", "../../render/docx/testdata/docx_structure.py", docx).CombinedOutput()
	if err != nil {
		t.Fatalf("docx structure check failed: %v\n%s", err, out)
	}
}

// TestPDFTextOrder checks the extracted text: headings, captions and cells
// in reading order, and the TOC numbers equal to the pages the headings are
// printed on.
func TestPDFTextOrder(t *testing.T) {
	need(t, "pdftotext", "qpdf")
	dir := buildSample(t)
	path := filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	text := strings.Join(strings.Fields(pdfText(t, path)), "")
	order := []string{"目录", "第一部分", "部门整体绩效目标", "一、总体绩效目标", "网信办年度发展规划目标",
		"二、分项绩效目标", "三、工作保障措施", "加强网络舆情综合管理,围绕", "第二部分", "预算项目绩效目标",
		"1、网络舆情综合管理绩效目标表", "224002中共山海关区委网络安全和信息化委员会办公室", "单位：元",
		"项目编码", "224-0501-JBN-BOVO", "项目名称", "网络舆情综合管理", "预算规模及资金用途", "预算数", "100000.00",
		"资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", "25.00", "60.00", "90.00", "100.00",
		"绩效目标", "1、弘扬主旋律", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
		"产出指标", "质量指标", "≥95%", "效果指标", "满意度指标", "≥90%", "2、网络阵地建设和内容管理绩效目标表"}
	at := 0
	for _, s := range order {
		i := strings.Index(text[at:], s)
		if i < 0 {
			t.Fatalf("%q missing or out of order after position %d", s, at)
		}
		at += i + len(s)
	}
	if strings.Contains(text, "\ufffd") {
		t.Error("extracted text has U+FFFD: a glyph without a Unicode mapping")
	}
}

// TestPDFStructure reads the sample PDF's objects back with qpdf: the
// bookmarks nest parts over sections and tables and point at the pages the
// headings are on, the viewer's page labels match the printed numbers (the
// 目录 page as i), every TOC entry is a link to its heading's page, and the
// fonts are embedded subsets with ToUnicode maps.
func TestPDFStructure(t *testing.T) {
	need(t, "qpdf")
	path := filepath.Join(buildSample(t), "shanhaiguan-wxb-2024.pdf")
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", "--json-key=pages", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var pdf struct {
		Outlines []outlineJSON
		Pages    []struct {
			Label  map[string]any
			Object string
		}
		QPDF []map[string]any `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &pdf); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(level int, os []outlineJSON)
	walk = func(level int, os []outlineJSON) {
		for _, o := range os {
			got = append(got, fmt.Sprintf("%d %s p%d", level, o.Title, o.DestPagePosFrom1))
			walk(level+1, o.Kids)
		}
	}
	walk(0, pdf.Outlines)
	want := []string{"0 第一部分 部门整体绩效目标 p2", "1 总体绩效目标 p2", "1 分项绩效目标 p2", "1 工作保障措施 p3",
		"0 第二部分 预算项目绩效目标 p4", "1 1、网络舆情综合管理绩效目标表 p4", "1 2、网络阵地建设和内容管理绩效目标表 p5"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var labels []string
	for _, p := range pdf.Pages {
		labels = append(labels, fmt.Sprintf("%v %v", p.Label["/S"], p.Label["/St"]))
	}
	if l := strings.Join(labels, ","); l != "/r 1,/D 1,/D 2,/D 3,/D 4" {
		t.Errorf("page labels %s, want the 目录 as i and the body from 1", l)
	}

	// The objects: the TOC page's links, and the fonts.
	objects := pdf.QPDF[1]
	page := func(ref string) int {
		for i, p := range pdf.Pages {
			if p.Object == ref {
				return i + 1
			}
		}
		return 0
	}
	value := func(o any) map[string]any {
		v, _ := o.(map[string]any)["value"].(map[string]any)
		return v
	}
	toc := value(objects["obj:"+pdf.Pages[0].Object])
	var dests []int
	for _, a := range toc["/Annots"].([]any) {
		dest := a.(map[string]any)["/Dest"].([]any)
		dests = append(dests, page(dest[0].(string)))
	}
	if fmt.Sprint(dests) != "[2 2 2 3 4 4 5]" {
		t.Errorf("TOC links go to pages %v, want [2 2 2 3 4 4 5]", dests)
	}
	fonts := 0
	for _, o := range objects {
		v := value(o)
		if v == nil || v["/Subtype"] != "/Type0" {
			continue
		}
		fonts++
		if v["/ToUnicode"] == nil || !regexp.MustCompile(`^/[A-Z]{6}\+`).MatchString(v["/BaseFont"].(string)) {
			t.Errorf("font %v: want a subset (ABCDEF+Name) with a ToUnicode map", v)
		}
	}
	if fonts != 4 {
		t.Errorf("%d Type 0 fonts, want 4 (serif, serif bold, sans, kai)", fonts)
	}
}

type outlineJSON struct {
	Title            string
	DestPagePosFrom1 int
	Kids             []outlineJSON
}

// TestSupplementaryCharacters: characters of 通用规范汉字表 beyond U+FFFF
// (here 𫖯 and 𬌗, as in personal and place names) are drawn from the
// embedded fonts and extracted from the PDF as written; the DOCX has them.
func TestSupplementaryCharacters(t *testing.T) {
	need(t, "pdftotext")
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "rare.toml")
	data := strings.Replace(string(src), `name = "网络舆情综合管理"`, `name = "网络舆情𫖯𬌗综合管理"`, 1)
	if data == string(src) {
		t.Fatal("the sample's project name was not found")
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := jixiao(t, nil, "build", "-o", dir, path); code != 0 {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	if text := pdfText(t, filepath.Join(dir, "rare.pdf")); strings.Count(text, "网络舆情𫖯𬌗综合管理") != 3 {
		t.Errorf("the name should be extracted 3 times (TOC, caption, cell):\n%s", text)
	}
	if body := docxPart(t, filepath.Join(dir, "rare.docx"), "word/document.xml"); !strings.Contains(string(body), "𫖯𬌗") {
		t.Error("the DOCX lacks 𫖯𬌗")
	}
}

// TestDeterministic builds the sample twice in separate processes with
// different time zones and GOMAXPROCS, and compares the bytes.
func TestDeterministic(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "jixiao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sums := map[string][]string{}
	for _, env := range [][]string{{"TZ=UTC", "GOMAXPROCS=1", "JIXIAO_FONTS=embedded"}, {"TZ=Asia/Shanghai", "GOMAXPROCS=8", "JIXIAO_FONTS=embedded"}} {
		dir := t.TempDir()
		cmd := exec.Command(bin, "build", "-o", dir, sample)
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", env, err, out)
		}
		for _, ext := range []string{"pdf", "docx"} {
			data, err := os.ReadFile(filepath.Join(dir, "shanhaiguan-wxb-2024."+ext))
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			sums[ext] = append(sums[ext], string(sum[:]))
		}
	}
	for ext, s := range sums {
		if s[0] != s[1] {
			t.Errorf("%s differs between runs", ext)
		}
	}
}

func TestBuildRefusesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	src, _ := os.ReadFile(sample)
	os.WriteFile(bad, bytes.Replace(src, []byte("fiscal = 100000.00"), []byte("fiscal = 90000.00"), 1), 0o644)
	code, _, stderr := jixiao(t, nil, "build", "-o", dir, bad)
	if code != 1 {
		t.Fatalf("exit = %d, want 1\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.pdf")); err == nil {
		t.Error("a PDF was written for a filing with errors")
	}
	if !strings.Contains(stderr, "bad.toml:") {
		t.Errorf("message does not name the file: %s", stderr)
	}
}

// TestUnknownMoneyUnit: the national form prints amounts in 万元,
// converted from the filing's unit; 千元, which it does not accept, stops
// the build rather than being read as 元.
func TestUnknownMoneyUnit(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "mzj.toml")
	src, _ := os.ReadFile("../../data/national/mzj-2024.toml")
	os.WriteFile(bad, bytes.Replace(src, []byte(`money_unit = "元"`), []byte(`money_unit = "千元"`), 1), 0o644)
	code, _, stderr := jixiao(t, map[string]string{"LANG": "en_US.UTF-8"}, "build", "-o", dir, bad)
	if code != 1 {
		t.Fatalf("exit = %d, want 1\n%s", code, stderr)
	}
	want := `mzj.toml:12:1: error[M7]: money unit "千元" is not one this form accepts (元 / 万元) (department.money_unit)`
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "mzj.pdf")); err == nil {
		t.Error("a PDF was written")
	}
}

func TestUsage(t *testing.T) {
	if code, _, _ := jixiao(t, nil); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
	if code, _, _ := jixiao(t, nil, "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	code, out, _ := jixiao(t, map[string]string{"LANG": "en_US.UTF-8"}, "help")
	if code != 0 || !strings.Contains(out, "usage:") {
		t.Errorf("English help: %d %q", code, out)
	}
	code, out, _ = jixiao(t, nil, "help")
	if code != 0 || !strings.Contains(out, "用法") {
		t.Errorf("Chinese help: %d %q", code, out)
	}
	if code, _, _ := jixiao(t, nil, "build", "--format", "odt", sample); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
	if code, _, _ := jixiao(t, nil, "check", "/no/such/file.toml"); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
}

// TestNewThenCheck: a starter filing from `jixiao new` fails `jixiao check`
// with a clear message for every placeholder, and passes once they are
// filled in.
func TestNewThenCheck(t *testing.T) {
	for _, form := range []string{"hebei", "national"} {
		t.Run(form, func(t *testing.T) {
			code, starter, stderr := jixiao(t, nil, "new", "--template", form, "--year", "2025")
			if code != 0 {
				t.Fatalf("new: exit %d: %s", code, stderr)
			}
			path := filepath.Join(t.TempDir(), "new.toml")
			os.WriteFile(path, []byte(starter), 0o644)
			code, _, stderr = jixiao(t, nil, "check", path)
			if code != 1 || !strings.Contains(stderr, "[T8]") || !strings.Contains(stderr, "（请填写）") {
				t.Fatalf("unfilled starter: exit %d, want 1 with T8 findings:\n%s", code, stderr)
			}
			filled := strings.ReplaceAll(starter, "（请填写）", "示例")
			os.WriteFile(path, []byte(filled), 0o644)
			code, _, stderr = jixiao(t, map[string]string{"LANG": "en_US.UTF-8"}, "check", path)
			if code != 0 {
				t.Fatalf("filled starter: exit %d, want 0:\n%s", code, stderr)
			}
		})
	}
}

// thirdForm is a form that exists only in a temporary folder: a one-table
// 绩效指标一览表 per project, with the indicators grouped by 一级.
const thirdForm = `name = "yilan"
version = "2025"
description = "绩效指标一览表（测试用表式）"

[page]
width = 210
height = 297
margin_top = 25
margin_bottom = 25
margin_left = 25
margin_right = 25

[fonts.song]
pdf = "NotoSerifSC-Regular"
docx = "宋体"

[styles.title]
font = "song"
size = 16
align = "center"
page_break = true

[styles.cell]
font = "song"
size = 10.5
align = "center"
padding = 1

[taxonomy]
required = ["产出指标"]
checkpoints = ["3月底", "6月底", "10月底", "12月底"]
money_units = ["元"]

[[taxonomy.categories]]
name = "产出指标"
subs = ["数量指标", "质量指标"]

[[taxonomy.categories]]
name = "效果指标"
subs = ["社会效益指标", "可持续影响指标"]

[[taxonomy.categories]]
name = "满意度指标"
subs = ["服务对象满意度指标"]
satisfaction = true

[[body]]
kind = "each"
over = "projects"

  [[body.blocks]]
  kind = "heading"
  style = "title"
  text = "{{.Item.Name}}绩效指标一览表"

  [[body.blocks]]
  kind = "table"
  table = "list"

[tables.list]
units = 10
header_rows = 1

  [[tables.list.rows]]
  cells = [
    { text = "类别", width = 3, style = "cell" },
    { text = "指标", width = 5, style = "cell" },
    { text = "目标值", width = 2, style = "cell" },
  ]

  [[tables.list.rows]]
  each = "indicators"
  sort = "taxonomy"
  cells = [
    { text = "{{.Row.Level1}}", width = 3, style = "cell", merge = true },
    { text = "{{.Row.Name}}", width = 5, style = "cell" },
    { text = "{{.Row.Value}}", width = 2, style = "cell" },
  ]
`

// TestThirdFormFromFolder renders a filing on a form that exists only in a
// temporary folder: adding a form needs no Go change.
func TestThirdFormFromFolder(t *testing.T) {
	need(t, "pdftotext")
	dir := t.TempDir()
	forms := filepath.Join(dir, "forms")
	os.Mkdir(forms, 0o755)
	os.WriteFile(filepath.Join(forms, "yilan.toml"), []byte(thirdForm), 0o644)
	src, _ := os.ReadFile(sample)
	filing := filepath.Join(dir, "yilan.toml")
	os.WriteFile(filing, bytes.Replace(src, []byte(`template = "hebei"`), []byte(`template = "yilan"`), 1), 0o644)

	code, out, stderr := jixiao(t, map[string]string{"JIXIAO_TEMPLATES": forms}, "templates")
	if code != 0 || !strings.Contains(out, "yilan@2025") {
		t.Fatalf("templates: exit %d\n%s%s", code, out, stderr)
	}
	code, _, stderr = jixiao(t, nil, "build", "--templates", forms, "-o", dir, filing)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	text := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, "yilan.pdf"))), "")
	for _, s := range []string{"网络舆情综合管理绩效指标一览表", "类别指标目标值", "产出指标舆情信息监看、收集和应急处置。≥95%"} {
		if !strings.Contains(text, s) {
			t.Errorf("PDF lacks %q:\n%s", s, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "yilan.docx")); err != nil {
		t.Error(err)
	}
}

// TestBadFontFile: a template pointing at a font we cannot embed (here a
// PostScript-flavoured OpenType file) stops the build with the file named.
func TestBadFontFile(t *testing.T) {
	dir := t.TempDir()
	forms := filepath.Join(dir, "forms")
	os.Mkdir(forms, 0o755)
	os.WriteFile(filepath.Join(forms, "fangsong.otf"), append([]byte("OTTO"), make([]byte, 64)...), 0o644)
	form := strings.Replace(thirdForm, `pdf = "NotoSerifSC-Regular"`, `pdf = "fangsong.otf"`, 1)
	os.WriteFile(filepath.Join(forms, "yilan.toml"), []byte(form), 0o644)
	src, _ := os.ReadFile(sample)
	filing := filepath.Join(dir, "f.toml")
	os.WriteFile(filing, bytes.Replace(src, []byte(`template = "hebei"`), []byte(`template = "yilan"`), 1), 0o644)
	code, _, stderr := jixiao(t, nil, "build", "--templates", forms, "-o", dir, filing)
	if code == 0 || !strings.Contains(stderr, "fangsong.otf") || !strings.Contains(stderr, "CFF") {
		t.Fatalf("exit %d, want an error naming the font file:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "f.pdf")); err == nil {
		t.Error("a PDF was written")
	}
}

func pageCount(t *testing.T, pdf string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "Pages:"); ok {
			var pages int
			fmt.Sscan(strings.TrimSpace(n), &pages)
			return pages
		}
	}
	t.Fatalf("pdfinfo gave no page count for %s", pdf)
	return 0
}

// TestDOCXInLibreOffice converts both samples' DOCX with LibreOffice: it
// opens without errors, has the 目录 page and the body pages (how many
// depends on the fonts LibreOffice finds, so only a page count far from our
// PDF's is wrong), and shows the TOC and the table cells.
func TestDOCXInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	need(t, "soffice", "pdftotext", "pdfinfo")
	dir := t.TempDir()
	for _, name := range []string{"hebei/shanhaiguan-wxb-2024", "national/mzj-2024"} {
		base := filepath.Base(name)
		if code, _, stderr := jixiao(t, nil, "build", "-o", dir, "../../data/"+name+".toml"); code != 0 {
			t.Fatalf("build %s: %s", name, stderr)
		}
		lo := filepath.Join(dir, "lo")
		cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--headless", "--convert-to", "pdf", "--outdir", lo, filepath.Join(dir, base+".docx"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		ours, theirs := pageCount(t, filepath.Join(dir, base+".pdf")), pageCount(t, filepath.Join(lo, base+".pdf"))
		if theirs < 2 || theirs > 2*ours {
			t.Errorf("%s: LibreOffice makes %d pages, our PDF %d", name, theirs, ours)
		}
		text := strings.Join(strings.Fields(pdfText(t, filepath.Join(lo, base+".pdf"))), "")
		for _, s := range []string{"目录", "绩效指标", "一级指标", "满意度指标", "≥90%"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: LibreOffice's PDF lacks %q", name, s)
			}
		}
	}
}

// TestTOCPageNumbers reads the 目录 of the sample PDF and checks that each
// entry's number is the printed number of the page its heading is on (the
// 目录 page itself is unnumbered, so printed page N is the PDF's page N+1;
// printed on both sides, a blank page follows the 目录, and it is N+2).
func TestTOCPageNumbers(t *testing.T) {
	need(t, "pdftotext")
	for _, c := range []struct {
		args   []string
		offset int
	}{{nil, 1}, {[]string{"--duplex"}, 2}} {
		dir := t.TempDir()
		if code, _, stderr := jixiao(t, nil, append([]string{"build", "--format", "pdf", "-o", dir, sample}, c.args...)...); code != 0 {
			t.Fatalf("build %v: exit %d: %s", c.args, code, stderr)
		}
		path := filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")
		entry := regexp.MustCompile(`^\s*(\S.*?)\s*\.{5,}\s*(\d+)\s*$`)
		entries := 0
		for _, line := range strings.Split(pdfPage(t, path, 1), "\n") {
			m := entry.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			entries++
			heading := strings.Join(strings.Fields(m[1]), "")
			if _, after, ok := strings.Cut(heading, "部分"); ok {
				heading = strings.TrimPrefix(after, "　")
			}
			var n int
			fmt.Sscan(m[2], &n)
			if text := strings.Join(strings.Fields(pdfPage(t, path, n+c.offset)), ""); !strings.Contains(text, heading) {
				t.Errorf("%v: 目录 says %q is on page %d, but it is not there", c.args, heading, n)
			}
		}
		if entries != 7 {
			t.Errorf("%v: 目录 has %d entries, want 7 (2 parts, 3 sections, 2 tables)", c.args, entries)
		}
	}
}

// pdfPage is the text of page n of a PDF, laid out as printed.
func pdfPage(t *testing.T, path string, n int) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestStdout: -o - writes one PDF to standard output, which qpdf accepts.
func TestStdout(t *testing.T) {
	need(t, "qpdf")
	code, out, stderr := jixiao(t, nil, "build", "-o", "-", "--format", "pdf", sample)
	if code != 0 || !strings.HasPrefix(out, "%PDF-") {
		t.Fatalf("exit %d, output starts %.10q\n%s", code, out, stderr)
	}
	path := filepath.Join(t.TempDir(), "stdout.pdf")
	os.WriteFile(path, []byte(out), 0o644)
	if msg, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, msg)
	}
	if code, _, _ := jixiao(t, nil, "build", "-o", "-", sample); code != 2 {
		t.Errorf("-o - with two formats: exit %d, want 2", code)
	}
}

// TestPDFCarriesSource: the archived PDF carries the filing it was built
// from, byte for byte, as an attachment.
func TestPDFCarriesSource(t *testing.T) {
	need(t, "pdfdetach")
	dir := buildSample(t)
	out := filepath.Join(dir, "attached.toml")
	if msg, err := exec.Command("pdfdetach", "-save", "1", "-o", out, filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach: %v\n%s", err, msg)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile(sample)
	if !bytes.Equal(got, want) {
		t.Error("the attached filing differs from the input")
	}
}

func TestOptions(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string // in stderr, or stdout for code 0
	}{
		{[]string{"build", "--bogus", sample}, 2, "未知的选项 -bogus"},
		{[]string{"--lang", "en", "check", "--year", "x"}, 2, "unknown option -year"},
		{[]string{"new", "--year", "abc"}, 2, "选项 -year 的值“abc”无效"},
		{[]string{"new", "national"}, 2, "不接受参数"},
		{[]string{"check", "-h"}, 0, "-templates"},
		{[]string{"--lang", "fr", "check", sample}, 2, "未知的语言“fr”"},
		{[]string{"help", "--lang", "en"}, 0, "usage:"},
		{[]string{"--lang", "en", "-h"}, 0, "usage:"},
		{[]string{"build", sample, sample}, 2, "两个申报文件会写入同一个输出"},
	}
	for _, c := range cases {
		code, out, stderr := jixiao(t, nil, c.args...)
		got := stderr
		if c.code == 0 {
			got = out
		}
		if code != c.code || !strings.Contains(got, c.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", c.args, code, c.code, c.want, out, stderr)
		}
	}
	// Options may follow the files.
	dir := t.TempDir()
	if code, _, stderr := jixiao(t, nil, "build", sample, "-o", dir, "--format", "pdf,"); code != 0 {
		t.Fatalf("options after the file: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")); err != nil {
		t.Error(err)
	}
}

// TestBatch: a folder of filings with a broken one among good ones builds
// the rest into a mirrored tree, names the failure in the summary with its
// first message, and exits 1.
func TestBatch(t *testing.T) {
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	for name, data := range map[string][]byte{
		"a/report.toml": src,
		"b/report.toml": src,
		"b/bad.toml":    bytes.Replace(src, []byte("fiscal = 100000.00"), []byte("fiscal = 90000.00"), 1),
	} {
		path := filepath.Join(in, "bureau", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	code, stdout, stderr := jixiao(t, map[string]string{"LANG": "en_US.UTF-8"}, "build", "-j", "2", "-o", out, filepath.Join(in, "bureau"))
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, name := range []string{"a/report.pdf", "a/report.docx", "b/report.pdf", "b/report.docx"} {
		if _, err := os.Stat(filepath.Join(out, "bureau", name)); err != nil {
			t.Error(err)
		}
		if !strings.Contains(stdout, filepath.Join(out, "bureau", name)) {
			t.Errorf("stdout does not list %s:\n%s", name, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "bureau", "b", "bad.pdf")); err == nil {
		t.Error("the broken filing was built")
	}
	_, summary, found := strings.Cut(stderr, "3 filings: 2 built, 1 failed")
	if !found || !strings.Contains(summary, "bad.toml:") || !strings.Contains(summary, "error[") {
		t.Errorf("the summary does not list the failure with its message:\n%s", stderr)
	}
	if n := strings.Count(stderr, "] "+filepath.Join(in, "bureau")); n != 3 {
		t.Errorf("%d progress lines, want one per filing:\n%s", n, stderr)
	}
}

// TestOutputNeverReplacesInput: a filing named r.pdf or r.docx was
// overwritten by its own report, exit 0. Now the run is refused before
// anything is written, whatever path spells the input.
func TestOutputNeverReplacesInput(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"r.pdf", "r.docx", "R.toml"} {
		dir := t.TempDir()
		in := filepath.Join(dir, name)
		os.WriteFile(in, data, 0o644)
		args := []string{"build", in}
		if name == "R.toml" { // the input reached through a link named like an output
			os.Symlink(in, filepath.Join(dir, "R.pdf"))
			args = []string{"build", "--format", "pdf", filepath.Join(dir, "R.pdf")}
		}
		code, stdout, stderr := jixiao(t, nil, args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "将覆盖输入文件") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
		}
		if got, _ := os.ReadFile(in); !bytes.Equal(got, data) {
			t.Errorf("%s: the input was changed", name)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1+strings.Count(name, "R") {
			t.Errorf("%s: files written: %v", name, entries)
		}
	}
}

// TestOutputNeverReplacesOtherInputs: besides the filings, a run reads
// workbooks and its user templates' files and fonts; no output may replace
// one of them either. A workbook's table workbook is NAME-绩效目标表.xlsx,
// never the officer's NAME.xlsx.
func TestOutputNeverReplacesOtherInputs(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "my.xlsx")
	if code, _, stderr := jixiao(t, nil, "convert", sample, "-o", book); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(book)
	unchanged := func(path string, want []byte) {
		t.Helper()
		if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
			t.Errorf("%s was changed", path)
		}
	}
	// A workbook's own tables go beside it under another name.
	if code, _, stderr := jixiao(t, nil, "build", "--format", "xlsx", "-o", dir, book); code != 0 {
		t.Fatalf("build --format xlsx: exit %d: %s", code, stderr)
	}
	unchanged(book, data)
	tables, err := os.ReadFile(filepath.Join(dir, "my-绩效目标表.xlsx"))
	if err != nil || bytes.Equal(tables, data) {
		t.Fatalf("the table workbook: %v", err)
	}
	// A filing whose table workbook would be another input of the run.
	src, _ := os.ReadFile(sample)
	filing := filepath.Join(dir, "my-绩效目标表.toml")
	os.WriteFile(filing, src, 0o644)
	os.WriteFile(filepath.Join(dir, "my-绩效目标表-绩效目标表.xlsx"), data, 0o644)
	code, _, stderr := jixiao(t, nil, "build", "--format", "xlsx", "-o", dir, filing, filepath.Join(dir, "my-绩效目标表-绩效目标表.xlsx"))
	if code != 2 || !strings.Contains(stderr, "将覆盖输入文件") {
		t.Errorf("a filing's tables over another input: exit %d, %q", code, stderr)
	}
	unchanged(filepath.Join(dir, "my-绩效目标表-绩效目标表.xlsx"), data)
	// A font file of a user template, named like the report.
	forms := filepath.Join(dir, "forms")
	os.Mkdir(forms, 0o755)
	font, err := os.ReadFile(filepath.Join("..", "..", "fonts", "NotoSerifSC-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(forms, "r.pdf"), font, 0o644)
	os.WriteFile(filepath.Join(forms, "yilan.toml"), []byte(strings.Replace(thirdForm, `pdf = "NotoSerifSC-Regular"`, `pdf = "r.pdf"`, 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "r.toml"), bytes.Replace(src, []byte(`template = "hebei"`), []byte(`template = "yilan"`), 1), 0o644)
	code, _, stderr = jixiao(t, nil, "--lang", "en", "build", "--templates", forms, "--format", "pdf", "-o", forms, filepath.Join(dir, "r.toml"))
	if code != 2 || !strings.Contains(stderr, "would replace the input "+filepath.Join(forms, "r.pdf")) {
		t.Errorf("a report over its template's font: exit %d, %q", code, stderr)
	}
	unchanged(filepath.Join(forms, "r.pdf"), font)
	// The same for summary and diff, whose outputs are named freely.
	for _, args := range [][]string{
		{"summary", "--templates", forms, "-o", filepath.Join(forms, "yilan.toml"), sample},
		{"diff", "--templates", forms, "--format", "xlsx", "-o", filepath.Join(forms, "r.pdf"), sample, sample},
	} {
		if code, _, stderr := jixiao(t, nil, args...); code == 0 || !strings.Contains(stderr, "是输入文件之一") {
			t.Errorf("%s: exit %d, %q", args[0], code, stderr)
		}
	}
	unchanged(filepath.Join(forms, "r.pdf"), font)
}

// TestFormatAndDateUsage: --format "" exited 0 silently, and an
// out-of-range SOURCE_DATE_EPOCH wrote invalid dates into both files; both
// are usage errors now.
func TestFormatAndDateUsage(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"--format", ""}, "--format names no format"},
		{nil, []string{"--format", " , "}, "--format names no format"},
		{map[string]string{"SOURCE_DATE_EPOCH": "99999999999999"}, nil, "is not a time from 1980 to 9999"},
		{map[string]string{"SOURCE_DATE_EPOCH": "-1"}, nil, "is not a time from 1980 to 9999"},
		{map[string]string{"SOURCE_DATE_EPOCH": "315532799"}, nil, "is not a time from 1980 to 9999"}, // 1979-12-31
		{map[string]string{"SOURCE_DATE_EPOCH": "12x"}, nil, "is not a time from 1980 to 9999"},
	} {
		args := append(append([]string{"--lang", "en", "build", "-o", dir}, c.args...), sample)
		code, _, stderr := jixiao(t, c.env, args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v %v: exit %d, %q", c.env, c.args, code, stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
	// The last second of 9999 is accepted.
	if code, _, stderr := jixiao(t, map[string]string{"SOURCE_DATE_EPOCH": "253402300799"}, "build", "-o", dir, sample); code != 0 {
		t.Errorf("9999-12-31: exit %d: %s", code, stderr)
	}
}

// TestCheckSummary: check ends with a one-line count of its findings.
// (The count is read from the findings: F11 depends on today's date.)
func TestCheckSummary(t *testing.T) {
	code, _, stderr := jixiao(t, nil, "check", sample)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	want := fmt.Sprintf("0 个错误，%d 个警告", strings.Count(stderr, "警告["))
	if code != 0 || lines[len(lines)-1] != want || strings.Count(stderr, "警告[") < 4 {
		t.Errorf("exit %d, last line %q, want %q", code, lines[len(lines)-1], want)
	}
	code, _, stderr = jixiao(t, nil, "--lang", "en", "check", sample, sample)
	if want := fmt.Sprintf("\n0 errors, %d warnings\n", strings.Count(stderr, "warning[")); code != 0 || !strings.HasSuffix(stderr, want) {
		t.Errorf("two filings: exit %d, %q, want %q", code, stderr[max(0, len(stderr)-80):], want)
	}
}

// TestUpdateFields: Word is asked to update the DOCX's fields on opening
// only with --update-fields.
func TestUpdateFields(t *testing.T) {
	for _, ask := range []bool{false, true} {
		dir := t.TempDir()
		args := []string{"build", "--format", "docx", "-o", dir}
		if ask {
			args = append(args, "--update-fields")
		}
		if code, _, stderr := jixiao(t, nil, append(args, sample)...); code != 0 {
			t.Fatalf("build exit %d: %s", code, stderr)
		}
		z, err := zip.OpenReader(filepath.Join(dir, "shanhaiguan-wxb-2024.docx"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := z.Open("word/settings.xml")
		if err != nil {
			t.Fatal(err)
		}
		settings, _ := io.ReadAll(f)
		f.Close()
		z.Close()
		if got := strings.Contains(string(settings), `<w:updateFields w:val="true"/>`); got != ask {
			t.Errorf("--update-fields %t: settings.xml asks to update fields: %t", ask, got)
		}
	}
}
