package render

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/internal/lotest"
	"github.com/jixiao-dev/jixiao/render/layout"
	"golang.org/x/text/language"
)

// realShaped is the sample with what real filings hold: amounts up to the
// largest accepted, long names, several goals, text pasted from Excel with
// line breaks, 其他资金 given, and a dozen projects.
func realShaped(tb testing.TB) *budget.Filing {
	tb.Helper()
	f := manyProjects(tb, 12)
	amount := func(h int64) budget.Decimal { return budget.Decimal{Hundredths: h, Set: true} }
	f.Projects[0].Budget, f.Projects[0].Fiscal, f.Projects[0].Other = amount(99999999999999), amount(99999999999900), amount(99)
	f.Projects[1].Name = strings.Repeat("城乡居民基本医疗保险财政补助资金", 4)
	f.Projects[2].Goals = []string{"完成全年舆情监测任务。", "开展网络安全宣传周活动不少于2次。", "新媒体矩阵粉丝数增长10%以上。"}
	f.Projects[3].Purpose = "第一行用途说明；\n第二行用途说明。"
	f.Projects[4].Indicators[0].Basis = "计划标准：《2024年工作要点》"
	return f
}

// docxOf builds f and returns its DOCX.
func docxOf(tb testing.TB, f *budget.Filing) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := mustBuild(tb, f).WriteDOCX(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// importDOCX loads a report through the engine's .docx reader.
func importDOCX(tb testing.TB, name string, data []byte) (*budget.Filing, diag.List) {
	tb.Helper()
	f, notes, err := engine(tb).Load(name, data)
	if err != nil {
		tb.Fatalf("%s: %v\n%s", name, err, notes)
	}
	return f, notes
}

// sameFiling reports the fields where got differs from want, comparing
// what a report prints: amounts by value (not as written), and leaving
// out what a report does not hold (the form's key, the short name, the
// file and positions).
func sameFiling(t *testing.T, name string, want, got *budget.Filing) {
	t.Helper()
	norm := func(f *budget.Filing) budget.Filing {
		c := *f
		c.Template, c.Date, c.Department.ShortName, c.File, c.Source, c.Positions = "", "", "", "", nil, nil
		c.Projects = append([]budget.Project(nil), f.Projects...)
		dec := func(d budget.Decimal) budget.Decimal { return budget.Decimal{Hundredths: d.Hundredths, Set: d.Set} }
		for i := range c.Projects {
			p := &c.Projects[i]
			p.Budget, p.Fiscal, p.Other = dec(p.Budget), dec(p.Fiscal), dec(p.Other)
			plan := make([]budget.Decimal, len(p.SpendingPlan))
			for k, d := range p.SpendingPlan {
				plan[k] = dec(d)
			}
			p.SpendingPlan = plan
		}
		return c
	}
	w, g := norm(want), norm(got)
	if !reflect.DeepEqual(w.Department, g.Department) || w.Year != g.Year {
		t.Errorf("%s: department %+v year %d, want %+v %d", name, g.Department, g.Year, w.Department, w.Year)
	}
	if !reflect.DeepEqual(w.Overall, g.Overall) {
		t.Errorf("%s: sections\n got %q\nwant %q", name, g.Overall, w.Overall)
	}
	if len(w.Projects) != len(g.Projects) {
		t.Fatalf("%s: %d projects, want %d", name, len(g.Projects), len(w.Projects))
	}
	for i := range w.Projects {
		if !reflect.DeepEqual(w.Projects[i], g.Projects[i]) {
			t.Errorf("%s: project %d\n got %+v\nwant %+v", name, i+1, g.Projects[i], w.Projects[i])
		}
	}
}

// TestImportOwnReport: our DOCX of the sample and of a real-shaped filing
// imports to the same filing, and the sample's import builds the same
// pages as the sample.
func TestImportOwnReport(t *testing.T) {
	for name, f := range map[string]*budget.Filing{"sample": sample(t), "real-shaped": realShaped(t)} {
		got, notes := importDOCX(t, name+".docx", docxOf(t, f))
		for _, d := range notes {
			if d.Code == "D2" {
				t.Errorf("%s: %v", name, d)
			}
		}
		sameFiling(t, name, f, got)
	}
	f := sample(t)
	got, _ := importDOCX(t, "sample.docx", docxOf(t, f))
	samePages(t, "sample.docx", f, got)
}

// samePages checks that got builds the pages of want.
func samePages(t *testing.T, name string, want, got *budget.Filing) {
	t.Helper()
	if a, b := layout.Dump(mustBuild(t, want).pages), layout.Dump(mustBuild(t, got).pages); a != b {
		t.Errorf("%s: the imported filing's pages differ from the original's", name)
	}
}

// TestImportLibreOfficeResave: our DOCX saved again by LibreOffice (its
// own runs, styles, merges and fields) imports to the same filing.
func TestImportLibreOfficeResave(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	filings := map[string]*budget.Filing{"sample": sample(t), "real-shaped": realShaped(t)}
	var files []string
	for name, f := range filings {
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, docxOf(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	lotest.Run(t, out, "docx:MS Word 2007 XML", files...)
	for name, f := range filings {
		data, err := os.ReadFile(filepath.Join(out, name+".docx"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(data, docxOf(t, f)) {
			t.Fatalf("%s: LibreOffice did not rewrite the file", name)
		}
		got, _ := importDOCX(t, name+"-lo.docx", data)
		sameFiling(t, name+" (LibreOffice)", f, got)
		samePages(t, name+" (LibreOffice)", f, got)
	}
}

// handBuilt is a report typed by an officer in Word, in another layout
// than ours: the part label and title in one paragraph, headings and
// labels split into runs with a TC field and bookmarks, spaced labels,
// empty paragraphs, the unit line as a tab-separated paragraph, amounts
// with thousands separators, a legacy horizontal merge, percentages with
// %, goals as two paragraphs, a blank row, the indicators as a table of
// their own with 一级 merged down, and one amount that cannot be read.
const handBuilt = `<w:p><w:r><w:t>某某局2025年度部门整体绩效目标及预算项目绩效目标</w:t></w:r></w:p>
<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>
<w:p><w:r><w:t>第一</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>部分　部门整体绩效目标</w:t></w:r></w:p>
<w:p><w:bookmarkStart w:id="1" w:name="a"/><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>总体</w:t></w:r><w:r><w:t>绩效目标</w:t></w:r><w:bookmarkEnd w:id="1"/>
 <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TC "总体绩效目标" \f A \l 2 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:t>年度发展规划目标</w:t></w:r></w:p>
<w:p><w:r><w:t>第一段正文。</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>第二段正文。</w:t></w:r></w:p>
<w:p><w:r><w:t>二、工作保障措施</w:t></w:r></w:p>
<w:p><w:r><w:t>只有一段正文，没有副标题。</w:t></w:r></w:p>
<w:p><w:r><w:br w:type="page"/><w:t>第二部分</w:t></w:r></w:p>
<w:p><w:r><w:t>预算项目绩效目标</w:t></w:r></w:p>
<w:p><w:r><w:t>1、办公设备购置绩效目标表</w:t></w:r></w:p>
<w:p><w:r><w:t>100001某某局</w:t></w:r><w:r><w:tab/><w:t>单位：万元</w:t></w:r></w:p>
<w:tbl>
 <w:tr><w:tc><w:p><w:r><w:t>项 目 编 码</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>100-01</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>办公设备</w:t></w:r><w:r><w:t>购置</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:p><w:r><w:t>预算数</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,234.50</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>其中:财政资金</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,000.00</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>其他资金</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>234.5</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:p><w:r><w:t>资金用途</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>购置计算机。</w:t></w:r></w:p></w:tc>
  <w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>资金支出计划（%）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3月底</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>6月底</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>10月底</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>12月底</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>20%</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>50</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>80.00</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>100%</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p/></w:tc></w:tr>
 <w:tr><w:tc><w:p><w:r><w:t>绩效目标</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t>1、按期完成采购。</w:t></w:r></w:p><w:p><w:r><w:t>2、设备完好率达标。</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p/>
<w:tbl>
 <w:tr><w:tc><w:p><w:r><w:t>一级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>二级指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>三级指标</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>指标值</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>绩效指标描述</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>指标值确定依据</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>购置台数</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>≥</w:t></w:r><w:r><w:t>20台</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>购置计算机台数。</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>
 <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>时效指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>完成时间</w:t></w:r></w:p></w:tc>
  <w:tc><w:p><w:r><w:t>6月底前</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>按期完成。</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>采购计划</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>2、</w:t></w:r><w:r><w:t>公务用车运维绩效目标表</w:t></w:r></w:p>
<w:tbl>
 <w:tr><w:tc><w:p><w:r><w:t>项目编码</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100-02</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>公务用车运维</w:t></w:r></w:p></w:tc></w:tr>
 <w:tr><w:tc><w:p><w:r><w:t>预算数</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>约五万</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>财政资金</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5.00</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>`

// wordFile packs a document body into a minimal .docx.
func wordFile(t *testing.T, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `<w:sectPr/></w:body></w:document>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImportHandBuilt(t *testing.T) {
	f, notes := importDOCX(t, "hand.docx", wordFile(t, handBuilt))
	dec := func(h int64) budget.Decimal { return budget.Decimal{Hundredths: h, Set: true} }
	want := &budget.Filing{Year: 2025,
		Department: budget.Department{Code: "100001", Name: "某某局", MoneyUnit: budget.WanYuan},
		Overall: []budget.Section{
			{Title: "总体绩效目标", Subtitle: "年度发展规划目标", Text: "第一段正文。\n第二段正文。"},
			{Title: "工作保障措施", Text: "只有一段正文，没有副标题。"},
		},
		Projects: []budget.Project{{
			Code: "100-01", Name: "办公设备购置", Budget: dec(123450), Fiscal: dec(100000), Other: dec(23450),
			Purpose: "购置计算机。", SpendingPlan: []budget.Decimal{dec(2000), dec(5000), dec(8000), dec(10000)},
			Goals: []string{"按期完成采购。", "设备完好率达标。"},
			Indicators: []budget.Indicator{
				{Level1: "产出指标", Level2: "数量指标", Name: "购置台数", Description: "购置计算机台数。", Value: "≥20台"},
				{Level1: "产出指标", Level2: "时效指标", Name: "完成时间", Description: "按期完成。", Value: "6月底前", Basis: "采购计划"},
			},
		}, {
			Code: "100-02", Name: "公务用车运维", Budget: budget.Decimal{Set: true}, Fiscal: dec(500),
		}},
	}
	if len(f.Projects) == 2 {
		if b := f.Projects[1].Budget; b.Raw != "约五万" || b.Err == nil {
			t.Errorf("unreadable budget kept as %+v, want its text and an error", b)
		}
		f.Projects[1].Budget = budget.Decimal{Set: true}
	}
	sameFiling(t, "hand-built", want, f)
	var d2 []string
	for _, d := range notes {
		if d.Code == "D2" {
			d2 = append(d2, diag.List{d}.Format(language.SimplifiedChinese))
		}
	}
	if len(d2) != 1 || !strings.Contains(d2[0], "hand.docx:表3!B2") || !strings.Contains(d2[0], "第3张表第2行：预算数“约五万”无法读作数字") {
		t.Errorf("findings D2 = %q, want one naming table 3, row 2 and the value", d2)
	}
	// check reviews the filing: the unreadable amount is an error there.
	if _, err := engine(t).Check(f); err == nil {
		t.Error("check passes a filing with an unreadable amount")
	}
}

func TestImportRefusesDoc(t *testing.T) {
	for name, data := range map[string][]byte{
		"old.doc":      {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
		"renamed.docx": {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
		"broken.docx":  []byte("PK\x03\x04 not really"),
		"empty.docx":   wordFile(t, `<w:p><w:r><w:t>一份别的文件</w:t></w:r></w:p>`),
	} {
		_, notes, err := engine(t).Load(name, data)
		if err == nil || len(notes) != 1 {
			t.Errorf("%s: err %v, findings %v; want one error", name, err, notes)
			continue
		}
		msg := notes.Format(language.SimplifiedChinese)
		switch {
		case strings.HasSuffix(name, ".doc") || name == "renamed.docx":
			if notes[0].Code != "D1" || !strings.Contains(msg, "另存为") || !strings.Contains(msg, ".docx") {
				t.Errorf("%s: %s", name, msg)
			}
		case name == "empty.docx":
			if notes[0].Code != "D3" {
				t.Errorf("%s: %s", name, msg)
			}
		default:
			if notes[0].Code != "D1" {
				t.Errorf("%s: %s", name, msg)
			}
		}
	}
}

// TestImportSavedReports: reports of the sample saved by other writers
// import to the sample, kept as files so the test runs without LibreOffice:
// the form in two tables (the unit line a table of its own, the indicators
// a second table; jixiao's DOCX before the one-table form), the one-table
// form with label line breaks (社会效益↵指标), and LibreOffice 7.4's
// re-saves of both.
func TestImportSavedReports(t *testing.T) {
	for _, name := range []string{"hebei-sample-two-tables.docx", "hebei-sample-two-tables-libreoffice.docx",
		"hebei-sample-joined-form.docx", "hebei-sample-joined-form-libreoffice.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := importDOCX(t, name, data)
		sameFiling(t, name, sample(t), got)
		samePages(t, name, sample(t), got)
	}
}
