package workbook

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// The sheets of a data workbook, by name.
const (
	sheetGuide    = "说明"
	sheetUnit     = "单位信息"
	sheetOverall  = "部门整体目标"
	sheetProjects = "项目"
	sheetIndic    = "绩效指标"
	sheetLists    = "选项" // hidden: the lists the drop-downs offer
)

// kind says how a cell's value is read and written.
type kind int

const (
	oneLine   kind = iota // text on one line: a line break typed in the cell is joined
	multiLine             // text whose line breaks are kept
	goalLines             // the goals, one per line
	money                 // an amount: a number with the format 0.00
	percent               // a spending-plan value: a number with a per-cent format
	whole                 // the year
	isoDate               // the report date, YYYY-MM-DD
	reference             // shown for orientation, never read into the filing
)

// column is one field of a sheet: a column of a table sheet, or a row of
// 单位信息.
type column struct {
	key     string   // the field's key: its path in the filing without indices (projects.budget)
	label   string   // the header the writer puts down
	aliases []string // other headers the reader takes for it
	kind    kind
	width   float64 // column width in characters
	note    string  // the input message of its header cell
	enum    string  // the list its drop-down offers, by name (see lists)
	only    shown   // when the column is written; the filing's values write it too
}

// shown says for which forms a column is written.
type shown int

const (
	always    shown = iota
	ifPrinted       // the form prints the field (its template does not leave it out: check.Profile.Unprinted)
	ifNeeded        // the form requires the field (check.Profile.Needs)
)

// unitRows are the rows of 单位信息: a label in the first column and the
// value beside it.
var unitRows = []column{
	{key: "template", label: "表样", aliases: []string{"模板", "表样模板"}, kind: oneLine,
		note: "生成报告所用的表样（模板）名称，由 jixiao new 填好，一般不要改。"},
	{key: "year", label: "预算年度", aliases: []string{"年度"}, kind: whole,
		note: "4位数字，如 2024。"},
	{key: "date", label: "报告日期", aliases: []string{"日期"}, kind: isoDate,
		note: "可空。写作 2024-03-01，写入 PDF/DOCX 的文档属性。"},
	{key: "department.code", label: "单位编码", kind: oneLine, note: "预算系统中的6位单位编码。"},
	{key: "department.name", label: "单位名称", kind: oneLine, note: "单位全称。"},
	{key: "department.short_name", label: "单位简称", aliases: []string{"简称"}, kind: oneLine,
		note: "如“网信办”，用于第一部分的小标题。"},
	{key: "department.money_unit", label: "金额单位", kind: oneLine, enum: "money_unit",
		note: "本工作簿中金额的单位，从下拉列表中选择。"},
	{key: "department.supervisor", label: "主管部门", kind: oneLine, note: "主管部门名称。", only: ifNeeded},
	{key: "department.supervisor_code", label: "主管部门代码", aliases: []string{"主管部门编码"}, kind: oneLine, note: "主管部门代码。", only: ifNeeded},
	{key: "department.filler", label: "填报单位", kind: oneLine, note: "填报单位（盖章）处印出的名称。", only: ifNeeded},
}

// unitHeader is the header row of 单位信息.
var unitHeader = []string{"填报项", "内容", "填写说明"}

// overallColumns are the columns of 部门整体目标, one row per section.
var overallColumns = []column{
	{key: "overall.title", label: "标题", aliases: []string{"部分", "部分标题"}, kind: oneLine, width: 16,
		note: "本表要求的部分标题，已按顺序填好，不要改动。"},
	{key: "overall.subtitle", label: "副标题", aliases: []string{"小标题"}, kind: oneLine, width: 36,
		note: "如“网信办年度发展规划目标”。"},
	{key: "overall.text", label: "内容", aliases: []string{"正文"}, kind: multiLine, width: 90,
		note: "正文。单元格内换行（Alt+Enter）即分段。"},
}

// projectColumns are the columns of 项目, one row per project, in the
// order the writer puts them; the spending plan's columns, one per
// checkpoint of the form, come before the goals.
var projectColumns = []column{
	{key: "projects.code", label: "项目编码", kind: oneLine, width: 22,
		note: "预算系统中的项目编码，如 224-0501-JBN-BOVO。绩效指标表按此编码对应项目。"},
	{key: "projects.name", label: "项目名称", kind: oneLine, width: 28,
		note: "项目名称，不要带“绩效目标表”。"},
	{key: "projects.implementer", label: "实施单位", kind: oneLine, width: 20, only: ifNeeded},
	{key: "projects.kind", label: "项目属性", kind: oneLine, width: 12, enum: "kind", note: "从下拉列表中选择。", only: ifNeeded},
	{key: "projects.period", label: "项目期", kind: oneLine, width: 10, note: "如“1年”。", only: ifNeeded},
	{key: "projects.budget", label: "预算数", aliases: []string{"预算金额", "项目预算数", "年度预算数"}, kind: money, width: 16,
		note: "数字，最多两位小数，单位见“单位信息”中的金额单位。预算数 = 财政资金 + 其他资金。"},
	{key: "projects.fiscal", label: "财政资金", aliases: []string{"其中：财政资金", "其中:财政资金", "财政拨款"}, kind: money, width: 16,
		note: "其中：财政资金。数字，最多两位小数。"},
	{key: "projects.other", label: "其他资金", kind: money, width: 16,
		note: "数字，最多两位小数。不填则报告中留空，填0则印出0.00。"},
	{key: "projects.purpose", label: "资金用途", kind: multiLine, width: 40, only: ifPrinted},
	{key: "projects.goals", label: "绩效目标", aliases: []string{"年度绩效目标"}, kind: goalLines, width: 50,
		note: "每条目标占一行（单元格内换行：Alt+Enter），报告自动编号“1、”“2、”。"},
}

// planColumn is the column of the spending plan's checkpoint i (0-based),
// labelled with the form's checkpoint or, past them, numbered.
func planColumn(checkpoints []string, i int) column {
	label := "进度" + strconv.Itoa(i+1)
	if i < len(checkpoints) {
		label = checkpoints[i]
	}
	return column{key: "projects.spending_plan", label: label + "（%）", kind: percent, width: 11,
		note: "截至" + label + "累计支出占预算数的百分比，如 25%。"}
}

// indicatorColumns are the columns of 绩效指标, one row per indicator.
var indicatorColumns = []column{
	{key: "code", label: "项目编码", kind: oneLine, width: 22,
		note: "指标所属项目的编码，与“项目”表中的编码一致。"},
	{key: "name", label: "项目名称", kind: reference, width: 24,
		note: "仅供对照，不读入；项目编码为空时按名称对应项目。"},
	{key: "projects.indicators.level1", label: "一级指标", kind: oneLine, width: 14, enum: "level1",
		note: "从下拉列表中选择。"},
	{key: "projects.indicators.level2", label: "二级指标", kind: oneLine, width: 20, enum: "level2",
		note: "先选一级指标，再从下拉列表中选择。"},
	{key: "projects.indicators.name", label: "三级指标", aliases: []string{"指标名称"}, kind: oneLine, width: 28},
	{key: "projects.indicators.description", label: "绩效指标描述", aliases: []string{"指标描述", "指标解释"}, kind: multiLine, width: 40, only: ifPrinted},
	{key: "projects.indicators.value", label: "指标值", kind: oneLine, width: 14,
		note: "如 ≥95%、≤10天、达标；按文本原样印出。"},
	{key: "projects.indicators.basis", label: "指标值确定依据", aliases: []string{"确定依据"}, kind: multiLine, width: 28, only: ifPrinted},
}

// normLabel reduces a header or row label to what identifies it: no
// blanks, line breaks or required-field stars, half-width forms, and no
// bracketed note at the end (预算数（元） reads as 预算数, 3月底（%） as 3月底).
func normLabel(s string) string {
	s = width.Narrow.String(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s))
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSuffix(s, "%")
}

// labels maps each normalised label and alias of cols to its column.
func labels(cols []column) map[string]int {
	m := map[string]int{}
	for i, c := range cols {
		m[normLabel(c.label)] = i
		for _, a := range c.aliases {
			m[normLabel(a)] = i
		}
	}
	return m
}

// projectField is the text field of p that a column's key names
// (projects.code …), or nil for a key that is not one: the one mapping of
// the 项目 sheet's text columns to the filing, for the reader and the
// writer.
func projectField(p *budget.Project, key string) *string {
	switch key {
	case "projects.code":
		return &p.Code
	case "projects.name":
		return &p.Name
	case "projects.implementer":
		return &p.Implementer
	case "projects.kind":
		return &p.Kind
	case "projects.period":
		return &p.Period
	case "projects.purpose":
		return &p.Purpose
	}
	return nil
}

// projectMoney is the amount of p that a money column's key names, or nil.
func projectMoney(p *budget.Project, key string) *budget.Decimal {
	switch key {
	case "projects.budget":
		return &p.Budget
	case "projects.fiscal":
		return &p.Fiscal
	case "projects.other":
		return &p.Other
	}
	return nil
}

// indicatorField is the field of in that a column of 绩效指标 names, or nil
// for the columns that belong to its project (code, name).
func indicatorField(in *budget.Indicator, key string) *string {
	switch key {
	case "projects.indicators.level1":
		return &in.Level1
	case "projects.indicators.level2":
		return &in.Level2
	case "projects.indicators.name":
		return &in.Name
	case "projects.indicators.description":
		return &in.Description
	case "projects.indicators.value":
		return &in.Value
	case "projects.indicators.basis":
		return &in.Basis
	}
	return nil
}
