package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummaryCommand: the workbook is written with every filing listed,
// a broken one included (exit 1 then); usage errors exit 2 and write
// nothing; the output never replaces an input.
func TestSummaryCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "汇总.xlsx")
	code, stdout, stderr := jixiao(t, nil, "summary", "-o", out, "--unit", "万元", sample)
	if code != 0 || strings.TrimSpace(stdout) != out {
		t.Fatalf("summary exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("no workbook: %v", err)
	}
	if code, _, stderr := jixiao(t, nil, "summary", "-o", out, sample); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("an existing workbook replaced without --force: exit %d, %s", code, stderr)
	}
	missing := filepath.Join(dir, "missing.toml")
	code, _, stderr = jixiao(t, nil, "summary", "--force", "-o", out, sample, missing)
	if code != 1 || !strings.Contains(stderr, "说明") {
		t.Errorf("a missing filing: exit %d, stderr %q; want 1 and where it is listed", code, stderr)
	}
	for _, args := range [][]string{
		{"summary", sample},                               // no -o
		{"summary", "-o", out},                            // no filings
		{"summary", "-o", out, "--unit", "千元", sample},    // a unit it cannot convert to
		{"--lang", "en", "summary", "-o", sample, sample}, // the output is an input
	} {
		before, _ := os.ReadFile(sample)
		code, _, stderr := jixiao(t, nil, args...)
		after, _ := os.ReadFile(sample)
		if code != 2 || stderr == "" || string(before) != string(after) {
			t.Errorf("%q: exit %d, stderr %q; want 2, a message and the input untouched", args, code, stderr)
		}
	}
}

// TestBuildWorkbook: --format xlsx writes the tables' workbook beside the
// others, under a name of its own; a Word report is an input, and convert
// makes last year's report a filing to edit (TOML or the data workbook)
// that builds as the report did.
func TestBuildWorkbook(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := jixiao(t, nil, "build", "-o", dir, "--format", "docx,xlsx", sample)
	if code != 0 || !strings.Contains(stdout, "shanhaiguan-wxb-2024-绩效目标表.xlsx") {
		t.Fatalf("build exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	docx := filepath.Join(dir, "shanhaiguan-wxb-2024.docx")
	code, _, stderr = jixiao(t, nil, "check", docx)
	if code != 0 || strings.Contains(stderr, "错误[") {
		t.Errorf("check of our own report: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"last-year.toml", "last-year.xlsx"} {
		out := filepath.Join(dir, name)
		if code, _, stderr := jixiao(t, nil, "convert", docx, "-o", out); code != 0 {
			t.Fatalf("convert to %s: exit %d\n%s", name, code, stderr)
		}
		if code, _, stderr := jixiao(t, nil, "check", out); code != 0 || strings.Contains(stderr, "错误[") {
			t.Errorf("check of the converted %s: exit %d\n%s", name, code, stderr)
		}
	}
	doc := filepath.Join(dir, "old.doc")
	os.WriteFile(doc, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0o644)
	code, _, stderr = jixiao(t, nil, "check", doc)
	if code != 1 || !strings.Contains(stderr, "另存为") {
		t.Errorf("a .doc: exit %d, stderr %q; want 1 and how to save it as .docx", code, stderr)
	}
}

// TestFoldersAsBuildFindsThem: check, summary and archive take a folder
// and read the filings build would find in it, not the Office lock file
// of an open workbook nor a report's table workbook beside them; a folder
// without filings is a usage error.
func TestFoldersAsBuildFindsThem(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"convert", sample, "-o", filepath.Join(dir, "网信办.xlsx")},
		{"convert", "../../data/national/mzj-2024.toml", "-o", filepath.Join(dir, "sub", "民政局.xlsx")},
		{"build", "--format", "xlsx", sample, "-o", dir},
	} {
		if code, _, stderr := jixiao(t, nil, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "~$网信办.xlsx"), []byte("lock"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := jixiao(t, nil, "check", dir); code != 0 || !strings.Contains(stderr, "0 个错误") {
		t.Errorf("check of the folder: exit %d: %s", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	if code, _, stderr := jixiao(t, nil, "summary", "-o", out, dir); code != 0 {
		t.Errorf("summary of the folder: exit %d: %s", code, stderr)
	}
	archive := t.TempDir()
	if code, _, stderr := jixiao(t, nil, "archive", "-o", archive, dir); code != 0 {
		t.Errorf("archive of the folder: exit %d: %s", code, stderr)
	}
	if entries, _ := os.ReadDir(filepath.Join(archive, "2024")); len(entries) != 3 { // two departments and the manifest
		t.Errorf("archived %d entries, want the two departments and the manifest", len(entries))
	}
	for _, cmd := range [][]string{{"check"}, {"summary", "-o", filepath.Join(t.TempDir(), "x.xlsx")}, {"archive", "-o", t.TempDir()}} {
		if code, _, stderr := jixiao(t, nil, append(cmd, t.TempDir())...); code != 2 || !strings.Contains(stderr, "没有找到申报文件") {
			t.Errorf("%s of an empty folder: exit %d: %s", cmd[0], code, stderr)
		}
	}
}
