package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookWay walks the officer's way: a blank workbook for the form,
// filled in (here: the sample converted), checked and built like TOML, and
// converted back.
func TestWorkbookWay(t *testing.T) {
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.xlsx")
	if code, _, stderr := jixiao(t, nil, "new", "--template", "national", "--year", "2025", "-o", blank); code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	// The starter is never written over a file without --force.
	if code, _, stderr := jixiao(t, nil, "new", "-o", blank); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("new over an existing file: exit %d: %s", code, stderr)
	}
	if code, _, stderr := jixiao(t, nil, "check", blank); code != 1 || !strings.Contains(stderr, "blank.xlsx:项目!A2: 错误[F1]") {
		t.Errorf("check of the blank workbook: exit %d: %s", code, stderr)
	}
	filled := filepath.Join(dir, "filled.xlsx")
	if code, _, stderr := jixiao(t, nil, "convert", sample, "-o", filled); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, stderr)
	}
	if code, stdout, stderr := jixiao(t, nil, "build", "-o", dir, filled); code != 0 || !strings.Contains(stdout, "filled.pdf") {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	back := filepath.Join(dir, "back.toml")
	if code, _, stderr := jixiao(t, nil, "convert", filled, "-o", back); code != 0 {
		t.Fatalf("convert back: exit %d: %s", code, stderr)
	}
	if code, _, stderr := jixiao(t, nil, "check", back); code != 0 {
		t.Errorf("the converted TOML: exit %d: %s", code, stderr)
	}
	if code, _, stderr := jixiao(t, nil, "convert", filled, "-o", filled, "--force"); code != 2 || !strings.Contains(stderr, "就是输入文件") {
		t.Errorf("convert onto its input: exit %d: %s", code, stderr)
	}

	// A bad cell is named by sheet and cell, in Chinese and in English.
	x, err := excelize.OpenFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellStr("项目", "D2", "100,000.00"); err != nil {
		t.Fatal(err)
	}
	if err := x.SaveAs(filled); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"zh": `filled.xlsx:项目!D2: 错误[M3]: 财政资金不是有效的数字：“100,000.00”`,
		"en": `filled.xlsx:项目!D2: error[M3]: fiscal funds is not a number: "100,000.00"`,
	} {
		if code, _, stderr := jixiao(t, nil, "--lang", lang, "check", filled); code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, want %q in:\n%s", lang, code, want, stderr)
		}
	}
}

func TestOldExcelFile(t *testing.T) {
	xls := filepath.Join(t.TempDir(), "old.xls")
	if err := os.WriteFile(xls, append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := jixiao(t, nil, "check", xls)
	if code != 1 || !strings.Contains(stderr, "旧格式") || !strings.Contains(stderr, "另存为") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestNewWorkbookNeedsAFile(t *testing.T) {
	if code, _, stderr := jixiao(t, nil, "new", "--format", "xlsx"); code != 2 || !strings.Contains(stderr, "-o") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if code, stdout, _ := jixiao(t, nil, "new", "--template", "hebei"); code != 0 || !strings.Contains(stdout, `template = "hebei`) {
		t.Errorf("TOML starter: exit %d: %.80s", code, stdout)
	}
}
