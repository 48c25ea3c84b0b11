package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// TestInStep: the generated sections of docs/用户手册.md and docs/rules.md
// are what the generator writes from diag.Rules now.
func TestInStep(t *testing.T) {
	for _, d := range docs {
		old, err := os.ReadFile(filepath.Join("../../../..", d.path))
		if err != nil {
			t.Fatal(err)
		}
		got, err := d.generate(string(old))
		if err != nil {
			t.Fatal(err)
		}
		if got != string(old) {
			t.Errorf("the rule list in %s is out of date with render/diag/rules.go: run go generate ./render/diag (make generate)", d.path)
		}
	}
}

// TestEveryRuleListed: each rule has a row, under a named family, in both
// documents.
func TestEveryRuleListed(t *testing.T) {
	for _, d := range docs {
		section := d.section(d.lang)
		for _, r := range diag.Rules() {
			if _, ok := families[family(r.Code)]; !ok {
				t.Errorf("rule %s: family %s has no name", r.Code, family(r.Code))
			}
			if !strings.Contains(section, "\n| "+r.Code+" | ") {
				t.Errorf("%s: no row for %s", d.path, r.Code)
			}
		}
	}
}

// TestDetailedTableAgrees: docs/rules.md's detailed table (written by
// hand, with real messages) has a row for each rule with its severity, and
// no row for a code that is not a rule.
func TestDetailedTableAgrees(t *testing.T) {
	text, err := os.ReadFile("../../../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("docs/rules.md has no generated section")
	}
	s = s[:i] + s[j+len(end):]
	rows := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) < 3 || !strings.HasPrefix(line, "| ") {
			continue
		}
		if code := strings.TrimPrefix(cells[0], "| "); code != "|" && code != "Code" {
			rows[code] = cells[1]
		}
	}
	for _, r := range diag.Rules() {
		if sev, ok := rows[r.Code]; !ok || sev != r.Severity {
			t.Errorf("docs/rules.md: the row of %s has severity %q, want %q", r.Code, sev, r.Severity)
		}
		delete(rows, r.Code)
	}
	for code := range rows {
		t.Errorf("docs/rules.md has a row for %s, which is not in render/diag/rules.go", code)
	}
}
