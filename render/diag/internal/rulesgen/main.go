// Command rulesgen writes the rule lists generated from diag.Rules
// between their markers: the user guide's (docs/用户手册.md, in Chinese)
// and the summary table of docs/rules.md (in English). go generate
// ./render/diag (make generate) runs it; its test fails when a document is
// not what it would write.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// A doc is a Markdown file with a generated section.
type doc struct {
	path    string // from the repository's root
	lang    language.Tag
	section func(lang language.Tag) string
}

var docs = []doc{
	{"docs/用户手册.md", language.Chinese, guideSection},
	{"docs/rules.md", language.English, summarySection},
}

const (
	begin = "<!-- BEGIN rules: generated from render/diag/rules.go by go generate ./render/diag (make generate); do not edit -->\n"
	end   = "<!-- END rules -->\n"
)

func main() {
	root, err := repoRoot()
	if err == nil {
		for _, d := range docs {
			if err = d.update(root); err != nil {
				break
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rulesgen:", err)
		os.Exit(1)
	}
}

// repoRoot is the folder above the working directory that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	for err == nil {
		if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
			return dir, nil
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		err = errors.New("no go.mod above the working directory")
	}
	return "", err
}

// update rewrites d's generated section when it differs.
func (d doc) update(root string) error {
	path := filepath.Join(root, d.path)
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text, err := d.generate(string(old))
	if err != nil || text == string(old) {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// generate returns text with its generated section as it should be.
func (d doc) generate(text string) (string, error) {
	i := strings.Index(text, begin)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("%s: no markers %q … %q", d.path, strings.TrimSpace(begin), strings.TrimSpace(end))
	}
	return text[:i+len(begin)] + d.section(d.lang) + text[j:], nil
}

// families names the rules' families (their codes' letters), in the
// order of diag.Rules.
var families = map[string][2]string{
	"F":   {"The file and the filing", "文件与申报整体（F）"},
	"S":   {"The text of a TOML file", "TOML 文件的写法（S）"},
	"M":   {"Amounts", "金额（M）"},
	"P":   {"The spending plan", "资金支出计划（P）"},
	"I":   {"Indicators", "绩效指标（I）"},
	"C":   {"Codes and names", "编码与名称（C）"},
	"T":   {"Texts", "文字（T）"},
	"X":   {"The data workbook", "填报工作簿（X）"},
	"D":   {"A Word report as input", "读取 Word 报告（D）"},
	"G":   {"Laying the report out", "排版（G）"},
	"Z":   {"A finance bureau's summary", "汇总（Z）"},
	"TPL": {"A form template of one's own", "自定义表样（TPL）"},
}

// family returns the letters of a rule's code.
func family(code string) string { return strings.TrimRight(code, "0123456789") }

// grouped returns the rules by family, in order.
func grouped() (order []string, by map[string][]diag.Rule) {
	by = map[string][]diag.Rule{}
	for _, r := range diag.Rules() {
		f := family(r.Code)
		if by[f] == nil {
			order = append(order, f)
		}
		by[f] = append(by[f], r)
	}
	return order, by
}

// guideSection is the guide's rule list: a table per family.
func guideSection(lang language.Tag) string {
	sev := map[string]string{"E": "错误", "W": "警告", "E/W": "错误或警告"}
	var b strings.Builder
	order, by := grouped()
	for _, f := range order {
		fmt.Fprintf(&b, "\n#### %s\n\n| 代码 | 类别 | 检查什么 | 怎么改 |\n|---|---|---|---|\n", families[f][1])
		for _, r := range by[f] {
			checks, fix := r.Words(lang)
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Code, sev[r.Severity], cell(checks), cell(fix))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// summarySection is docs/rules.md's table of every rule at a glance.
func summarySection(lang language.Tag) string {
	var b strings.Builder
	b.WriteString("\n| Code | Sev | Checks | What to do |\n|---|---|---|---|\n")
	order, by := grouped()
	for _, f := range order {
		fmt.Fprintf(&b, "| | | **%s** | |\n", families[f][0])
		for _, r := range by[f] {
			checks, fix := r.Words(lang)
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Code, r.Severity, cell(checks), cell(fix))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// cell escapes text for a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
