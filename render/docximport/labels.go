package docximport

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// labeled is one table, its grid resolved, read by its labels.
type labeled struct {
	im     *importer
	g      [][]slot
	n      int               // the table's number in the document
	labels map[string][2]int // label key → its first slot (row, col)
}

// labelKeys are the labels of the seed's form by their key: the text with
// blanks, colons, 其中 and (%) removed.
var labelKeys = map[string]bool{
	"项目编码": true, "项目名称": true, "预算规模及资金用途": true, "资金用途": true, "预算规模": true,
	"预算数": true, "财政资金": true, "其他资金": true, "资金支出计划": true, "绩效目标": true, "年度绩效目标": true,
	"一级指标": true, "二级指标": true, "三级指标": true, "绩效指标描述": true, "指标描述": true, "指标值": true,
	"指标值确定依据": true, "确定依据": true, "主管部门": true, "实施单位": true, "项目属性": true, "项目期": true,
}

var labelNoise = regexp.MustCompile(`[：:]|^其中|[（(]%[）)]|[（(]万?元[）)]`)

func labelKey(text string) string { return labelNoise.ReplaceAllString(squeeze(text), "") }

func isLabel(text string) bool { return labelKeys[labelKey(text)] }

// index records where each label is, in the rows above row end (all rows
// when end < 0).
func (lt *labeled) index(end int) {
	lt.labels = map[string][2]int{}
	if end < 0 {
		end = len(lt.g)
	}
	for r := range end {
		for c, s := range lt.g[r] {
			if k := labelKey(s.text); labelKeys[k] {
				if _, seen := lt.labels[k]; !seen {
					lt.labels[k] = [2]int{r, c}
				}
			}
		}
	}
}

// right returns the first cell right of the slot at (r, c) that is
// another cell and not a label: the label's value, with its column.
func (lt *labeled) right(r, c int) (string, int, bool) {
	row := lt.g[r]
	for k := c + 1; k < len(row); k++ {
		if row[k].owner == row[c].owner || row[k].owner == 0 {
			continue
		}
		if isLabel(row[k].text) {
			return "", k, false
		}
		return strings.TrimSpace(row[k].text), k, true
	}
	return "", c, false
}

// value is the value of the first label of keys found.
func (lt *labeled) value(keys ...string) (text string, row, col int, ok bool) {
	for _, k := range keys {
		if at, found := lt.labels[k]; found {
			text, col, ok = lt.right(at[0], at[1])
			return text, at[0], col, ok
		}
	}
	return "", 0, 0, false
}

// project reads the project part of the form into p (the n-th project).
func (lt *labeled) project(p *budget.Project, n int) {
	path := fmt.Sprintf("projects[%d]", n)
	lt.im.f.Positions[path] = cellPos(lt.im.file, lt.n, 0, 0)
	str := func(dst *string, key, field string) {
		if v, r, c, ok := lt.value(key); ok && v != "" {
			*dst = oneLine(v)
			lt.im.f.Positions[path+"."+field] = cellPos(lt.im.file, lt.n, r, c)
		}
	}
	str(&p.Code, "项目编码", "code")
	str(&p.Name, "项目名称", "name")
	str(&p.Implementer, "实施单位", "implementer")
	str(&p.Kind, "项目属性", "kind")
	str(&p.Period, "项目期", "period")
	amount := func(dst *budget.Decimal, field string, keys ...string) {
		if v, r, c, ok := lt.value(keys...); ok {
			*dst = lt.decimal(v, path+"."+field, field, r, c)
		}
	}
	amount(&p.Budget, "budget", "预算数", "预算规模")
	amount(&p.Fiscal, "fiscal", "财政资金")
	amount(&p.Other, "other", "其他资金")
	lt.purpose(p, path)
	lt.plan(p, path)
	if v, r, c, ok := lt.value("绩效目标", "年度绩效目标"); ok && v != "" {
		p.Goals = goals(v)
		lt.im.f.Positions[path+".goals"] = cellPos(lt.im.file, lt.n, r, c)
	}
}

// purpose reads 资金用途: its own label's value, or the row under
// 预算规模及资金用途 that does not hold the amounts.
func (lt *labeled) purpose(p *budget.Project, path string) {
	if v, r, c, ok := lt.value("资金用途"); ok {
		p.Purpose = v
		lt.im.f.Positions[path+".purpose"] = cellPos(lt.im.file, lt.n, r, c)
		return
	}
	at, ok := lt.labels["预算规模及资金用途"]
	if !ok {
		return
	}
	owner := lt.g[at[0]][at[1]].owner
	for r := at[0]; r < len(lt.g) && lt.g[r][at[1]].owner == owner; r++ {
		if lt.rowHas(r, "预算数") {
			continue
		}
		if v, c, ok := lt.right(r, at[1]); ok && v != "" {
			p.Purpose = v
			lt.im.f.Positions[path+".purpose"] = cellPos(lt.im.file, lt.n, r, c)
			return
		}
	}
}

func (lt *labeled) rowHas(r int, key string) bool {
	for _, s := range lt.g[r] {
		if labelKey(s.text) == key {
			return true
		}
	}
	return false
}

// plan reads 资金支出计划: a row of checkpoints (3月底 …) and the
// percentages under them.
func (lt *labeled) plan(p *budget.Project, path string) {
	for r := 0; r+1 < len(lt.g); r++ {
		var cols []int
		last := 0
		for c, s := range lt.g[r] {
			if s.owner != last && checkpoint.MatchString(squeeze(s.text)) {
				cols = append(cols, c)
			}
			last = s.owner
		}
		if len(cols) < 2 {
			continue
		}
		for i, c := range cols {
			v := strings.TrimSpace(lt.g[r+1][c].text)
			v = strings.TrimSpace(strings.TrimRight(v, "%％"))
			field := fmt.Sprintf("spending_plan[%d]", i+1)
			p.SpendingPlan = append(p.SpendingPlan, lt.decimal(v, path+"."+field, "spending_plan", r+1, c))
		}
		return
	}
}

// decimal reads an amount or percentage; one that cannot be read is kept
// as written, with a warning naming the table and row, for check to
// report too.
func (lt *labeled) decimal(v, path, field string, r, c int) budget.Decimal {
	pos := cellPos(lt.im.file, lt.n, r, c)
	lt.im.f.Positions[path] = pos
	clean := strings.NewReplacer(",", "", "，", "", " ", "", "\u00a0", "", "\n", "").Replace(v)
	if clean == "" {
		return budget.Decimal{}
	}
	d := budget.Decimal{Set: true, Raw: clean}
	if d.Hundredths, d.Err = budget.ParseDecimal(clean); d.Err != nil {
		lt.im.notes = append(lt.im.notes, diag.Diagnostic{Pos: pos, Severity: diag.Warning, Code: "D2", Path: path}.Say(
			diag.T("table %d, row %d: %s %q cannot be read as a number", lt.n, r+1, diag.Term(field), v),
			diag.T("correct it in the filing written; the value is kept as it was")))
	}
	return d
}

// oneLine joins the lines of a short value (a code, a name, a category):
// a writer may break it to fit its cell (社会效益\n指标), which is not part
// of the value.
func oneLine(v string) string { return strings.NewReplacer("\r\n", "", "\n", "", "\r", "").Replace(v) }

// goals splits the 绩效目标 cell into goals: lines numbered 1、2、… in
// order are one goal each (the number dropped, as the form adds it
// again); other text is one goal.
func goals(v string) []string {
	lines := strings.Split(v, "\n")
	var out []string
	for i, l := range lines {
		m := numberedGoal.FindStringSubmatch(l)
		if m == nil || m[1] != fmt.Sprint(i+1) {
			return []string{v}
		}
		out = append(out, strings.TrimSpace(l[len(m[0]):]))
	}
	return out
}

// indicatorHeader is the row holding 一级指标 and 三级指标 (or 指标值),
// or -1.
func (lt *labeled) indicatorHeader() int {
	for r := range lt.g {
		if lt.rowHas(r, "一级指标") && (lt.rowHas(r, "三级指标") || lt.rowHas(r, "指标值")) {
			return r
		}
	}
	return -1
}

// indicators reads the rows under the header row into p (the n-th
// project), by the header's columns; merged 一级/二级 cells give each row
// their text. Blank rows and a repeated header are skipped; a row of the
// project part (a joined form's next project) ends them.
func (lt *labeled) indicators(p *budget.Project, n, header int) {
	fields := map[string]int{}
	names := map[string]string{"一级指标": "level1", "二级指标": "level2", "三级指标": "name", "绩效指标描述": "description",
		"指标描述": "description", "指标值": "value", "指标值确定依据": "basis", "确定依据": "basis"}
	last := 0
	for c, s := range lt.g[header] {
		if f, ok := names[labelKey(s.text)]; ok && s.owner != last {
			if _, seen := fields[f]; !seen {
				fields[f] = c
			}
		}
		last = s.owner
	}
	for r := header + 1; r < len(lt.g); r++ {
		if lt.rowHas(r, "项目编码") {
			return
		}
		if lt.rowHas(r, "一级指标") {
			continue
		}
		get := func(f string) string {
			if c, ok := fields[f]; ok {
				return strings.TrimSpace(lt.g[r][c].text)
			}
			return ""
		}
		in := budget.Indicator{Level1: oneLine(get("level1")), Level2: oneLine(get("level2")), Name: oneLine(get("name")),
			Description: get("description"), Value: oneLine(get("value")), Basis: get("basis")}
		if in.Name == "" && in.Description == "" && in.Value == "" && in.Basis == "" {
			continue
		}
		p.Indicators = append(p.Indicators, in)
		path := fmt.Sprintf("projects[%d].indicators[%d]", n, len(p.Indicators))
		lt.im.f.Positions[path] = cellPos(lt.im.file, lt.n, r, 0)
		for f, c := range fields {
			lt.im.f.Positions[path+"."+f] = cellPos(lt.im.file, lt.n, r, c)
		}
	}
}

// unitTable reads a table without labels: the unit line above a form
// (224002中共… | 单位：元).
func (lt *labeled) unitTable() {
	if len(lt.g) > 2 {
		return
	}
	unit := false
	for _, row := range lt.g {
		for _, s := range row {
			if unitLine.MatchString(squeeze(s.text)) {
				lt.im.unit(squeeze(s.text))
				unit = true
			}
		}
	}
	if !unit {
		return
	}
	for _, row := range lt.g {
		for _, s := range row {
			if t := strings.TrimSpace(s.text); t != "" && !unitLine.MatchString(squeeze(t)) {
				lt.im.department(t)
				return
			}
		}
	}
}
