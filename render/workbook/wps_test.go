package workbook

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// foreign builds a workbook as other programs write it, part by part:
// WPS's package parts (its application name and KSO custom properties),
// shared texts with rich-text runs and phonetic guides, numbers stored
// with binary noise, cells without references, custom number formats
// (176 and up, as WPS numbers them), a date cell, a computed and a shared
// formula, an _x000D_ escape, and a sheet whose elements carry a namespace
// prefix.
func foreign(t *testing.T) []byte {
	t.Helper()
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	sheet := func(rows string) string {
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + ns + `><sheetData>` + rows + `</sheetData></worksheet>`
	}
	s := func(r string, i int) string { return `<c r="` + r + `" t="s"><v>` + strconv.Itoa(i) + `</v></c>` }
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
		"docProps/app.xml":           `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>WPS 表格</Application></Properties>`,
		"docProps/custom.xml":        `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + `><sheets><sheet name="单位信息" sheetId="1" r:id="rId1"/><sheet name="项目" sheetId="2" r:id="rId2"/><sheet name="绩效指标" sheetId="3" r:id="rId3"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		// Styles: 0 General, 1 a per-cent format of WPS's own numbering,
		// 2 a date format, 3 the money format.
		"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="0%"/><numFmt numFmtId="177" formatCode="yyyy/m/d;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
		"xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="20" uniqueCount="20">` +
			`<si><t>填报项</t></si><si><t>内容</t></si><si><t>单位名称</t></si>` + // 0-2
			`<si><r><rPr><b/></rPr><t>某市</t></r><r><t xml:space="preserve">民政局</t></r><rPh sb="0" eb="2"><t>モウシ</t></rPh></si>` + // 3
			`<si><t>报告日期</t></si><si><t>项目编码</t></si><si><t>项目名称</t></si><si><t>预算数（元）</t></si><si><t>财政资金</t></si><si><t>3月底</t></si><si><t>12月底</t></si><si><t>绩效目标</t></si>` + // 4-11
			`<si><t>305-0101-XMZ-0001</t></si><si><t>城乡困难群众救助&amp;补助</t></si><si><t>目标一_x000D_` + "\n" + `目标二</t></si>` + // 12-14
			`<si><t>一级指标</t></si><si><t>二级指标</t></si><si><t>三级指标</t></si><si><t>指标值</t></si><si><t>预算年度</t></si>` + // 15-19
			`</sst>`,
		"xl/worksheets/sheet1.xml": sheet(`<row r="1">` + s("A1", 0) + s("B1", 1) + `</row><row r="2">` + s("A2", 2) + s("B2", 3) + `</row>` +
			`<row r="3">` + s("A3", 4) + `<c r="B3" s="2"><v>45352</v></c></row><row r="4">` + s("A4", 19) + `<c r="B4"><v>2024</v></c></row>`),
		"xl/worksheets/sheet2.xml": sheet(`<row r="1">` + s("A1", 5) + s("B1", 6) + s("C1", 7) + s("D1", 8) + s("E1", 9) + s("F1", 10) + s("G1", 11) + `</row>` +
			// Cells without references, a double with noise, a formula
			// with its value, a shared formula's other cell.
			`<row r="2"><c t="s"><v>12</v></c><c t="s"><v>13</v></c><c s="3"><v>12345678.900000001</v></c><c r="D2" s="3"><f>C2-0</f><v>12345678.9</v></c>` +
			`<c r="E2" s="1"><f t="shared" ref="E2:F2" si="0">0.25</f><v>0.25</v></c><c r="F2" s="1"><f t="shared" si="0"/><v>1</v></c>` + s("G2", 14) + `</row>`),
		"xl/worksheets/sheet3.xml": `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row r="1"><x:c r="A1" t="s"><x:v>5</x:v></x:c><x:c r="B1" t="s"><x:v>15</x:v></x:c><x:c r="C1" t="s"><x:v>16</x:v></x:c><x:c r="D1" t="s"><x:v>17</x:v></x:c><x:c r="E1" t="s"><x:v>18</x:v></x:c></x:row>` +
			`<x:row r="2"><x:c r="A2" t="s"><x:v>12</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>产出指标</x:t></x:is></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>数量指标</x:t></x:is></x:c><x:c r="D2" t="inlineStr"><x:is><x:t><![CDATA[低保<人数>]]></x:t></x:is></x:c><x:c r="E2" s="1"><x:v>0.95</x:v></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestForeignWorkbook(t *testing.T) {
	f, notes := Read("wps.xlsx", foreign(t))
	if f == nil {
		t.Fatal(notes)
	}
	p := f.Projects[0]
	for _, c := range []struct{ name, got, want string }{
		{"rich text without its phonetic guide", f.Department.Name, "某市民政局"},
		{"a date cell", f.Date, "2024-03-01"},
		{"a number as text", p.Code, "305-0101-XMZ-0001"},
		{"an entity", p.Name, "城乡困难群众救助&补助"},
		{"a double with noise", p.Budget.Format(), "12345678.90"},
		{"a formula's value", p.Fiscal.Format(), "12345678.90"},
		{"per cents of WPS's own format", p.SpendingPlan[0].Format() + " " + p.SpendingPlan[1].Format(), "25.00 100.00"},
		{"an escaped line end", strings.Join(p.Goals, "|"), "目标一|目标二"},
		{"CDATA under a namespace prefix", p.Indicators[0].Name, "低保<人数>"},
		{"a number shown in per cents as text", p.Indicators[0].Value, "95%"},
	} {
		if c.got != c.want {
			t.Errorf("%s: read %q, want %q", c.name, c.got, c.want)
		}
	}
	if f.Year != 2024 {
		t.Errorf("year %d", f.Year)
	}
	for _, d := range notes {
		t.Errorf("finding: %v", d)
	}
}
