package diag

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestCatalogEntries(t *testing.T) {
	for _, err := range CheckEntries(slices.Concat(entries, templateEntries, renderEntries, workbookEntries, docxEntries, diffEntries, ruleEntries)) {
		t.Error(err)
	}
}

func TestFormatTranslatesTerms(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "a.toml", Line: 3, Col: 1}, Severity: Warning, Code: "M2", Path: "projects[1].budget"}.Say(
		T("%s must not be negative: %s", Term("budget"), "-5"), T("fill in %s (key %s)", Term("budget"), "projects.budget"))
	l := List{d}
	for lang, want := range map[language.Tag]string{
		language.Chinese: "a.toml:3:1: 警告[M2]: 预算数不能为负数（当前为-5） (projects[1].budget)\n\t提示: 请填写预算数（键名 projects.budget）\n",
		language.English: "a.toml:3:1: warning[M2]: budget must not be negative: -5 (projects[1].budget)\n\thint: fill in budget (key projects.budget)\n",
	} {
		if got := l.Format(lang); got != want {
			t.Errorf("%v:\n got %q\nwant %q", lang, got, want)
		}
	}
	if got := NewPrinter(language.Chinese).Sprintf("the year %d is not a four-digit year", localize(NewPrinter(language.Chinese), []any{20245})...); got != "年度“20245”应为4位数字" {
		t.Errorf("year printed as %q", got)
	}
	if !InCatalog("budget") || InCatalog("no such key") {
		t.Error("InCatalog")
	}
}

func TestWordsAreFormatsMessageAndHint(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "a.toml", Line: 3}, Severity: Error, Code: "M2", Path: "projects[1].budget"}.Say(
		T("%s must not be negative: %s", Term("budget"), "-5"), T("fill in %s (key %s)", Term("budget"), "projects.budget"))
	msg, hint := d.Words(language.Chinese)
	if msg != "预算数不能为负数（当前为-5）" || hint != "请填写预算数（键名 projects.budget）" {
		t.Errorf("Words gave %q, %q", msg, hint)
	}
	if !strings.Contains(List{d}.Format(language.Chinese), msg+" (projects[1].budget)\n\t提示: "+hint) {
		t.Error("Words differ from what Format prints")
	}
}

func TestLongValuesShortened(t *testing.T) {
	long := strings.Repeat("网", 5000)
	d := Diagnostic{Pos: Pos{File: "x.toml", Line: 3}, Msg: "unknown key %q", Args: []any{long}}
	got := List{d}.Format(language.Chinese)
	if n := strings.Count(got, "网"); n != maxQuoted || !strings.Contains(got, "…") {
		t.Errorf("message quotes %d characters: %.80s", n, got)
	}
}
