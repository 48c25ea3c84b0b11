package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	nationalSample = "../../data/national/mzj-2024.toml"
	roundBefore    = "../../render/diff/testdata/round-before.toml"
	roundAfter     = "../../render/diff/testdata/round-after.toml"
)

// TestArchiveVerifyCommands runs archive, verify and verify --rebuild as a
// user would, then tampers with a file: verify names it and exits 1; a
// folder without a manifest exits 2.
func TestArchiveVerifyCommands(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := jixiao(t, nil, "archive", "-o", dir, sample, nationalSample)
	if code != 0 || strings.TrimSpace(stdout) != filepath.Join(dir, "2024", "manifest.json") {
		t.Fatalf("archive: exit %d\n%s%s", code, stdout, stderr)
	}
	year := filepath.Join(dir, "2024")
	if code, stdout, _ := jixiao(t, nil, "verify", year); code != 0 || !strings.Contains(stdout, "6 个文件均与归档时一致") {
		t.Errorf("verify: exit %d: %s", code, stdout)
	}
	if code, stdout, stderr := jixiao(t, nil, "--lang", "en", "verify", "--rebuild", year); code != 0 || !strings.Contains(stdout, "4 reports rebuilt to the same bytes") {
		t.Errorf("verify --rebuild: exit %d: %s%s", code, stdout, stderr)
	}
	docx := filepath.Join(year, "305001-某市民政局", "mzj-2024.docx")
	if err := os.WriteFile(docx, []byte("not the report"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = jixiao(t, nil, "verify", year)
	if code != 1 || !strings.Contains(stdout, "已改动："+docx) {
		t.Errorf("verify after tampering: exit %d: %s", code, stdout)
	}
	// The archive's folder names its years.
	if code, stdout, _ := jixiao(t, nil, "verify", dir); code != 1 || !strings.Contains(stdout, "已改动："+docx) {
		t.Errorf("verify of the archive's folder: exit %d: %s", code, stdout)
	}
	if code, _, stderr := jixiao(t, nil, "verify", t.TempDir()); code != 2 || !strings.Contains(stderr, "没有 manifest.json") {
		t.Errorf("verify of a folder without a manifest: exit %d: %s", code, stderr)
	}
	// Archiving over the tampered year refuses, and exits 1.
	if code, _, stderr := jixiao(t, nil, "archive", "-o", dir, sample); code != 1 || !strings.Contains(stderr, "jixiao verify") {
		t.Errorf("archive over a tampered year: exit %d: %s", code, stderr)
	}
}

// TestArchiveFolderAndErrors: a folder argument archives the filings in
// it; a filing with errors archives nothing and exits 1; no -o is a usage
// error.
func TestArchiveFolderAndErrors(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := jixiao(t, nil, "archive", "-o", dir, "../../data"); code != 0 {
		t.Fatalf("archive of data/: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "2024", "305001-某市民政局", "mzj-2024.pdf")); err != nil {
		t.Error(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	src, _ := os.ReadFile(sample)
	if err := os.WriteFile(bad, []byte(strings.Replace(string(src), "budget = 100000.00", "budget = 100000.01", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	code, _, stderr := jixiao(t, nil, "archive", "-o", empty, bad)
	if entries, _ := os.ReadDir(empty); code != 1 || !strings.Contains(stderr, "错误[M1]") || len(entries) != 0 {
		t.Errorf("archive of a bad filing: exit %d, %d entries written: %s", code, len(entries), stderr)
	}
	if code, _, _ := jixiao(t, nil, "archive", sample); code != 2 {
		t.Errorf("archive without -o: exit %d", code)
	}
}

// TestDiffCommand: exit 1 with the changes when the filings differ, 0
// when they hold the same data, 2 when one cannot be read; --format xlsx
// writes the table; the output may not overwrite an input.
func TestDiffCommand(t *testing.T) {
	code, stdout, _ := jixiao(t, nil, "diff", roundBefore, roundAfter)
	if code != 1 || !strings.Contains(stdout, "预算数：100000.00元 → 120000.00元（+20000.00元）") {
		t.Errorf("diff: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := jixiao(t, nil, "--lang", "en", "diff", sample, sample); code != 0 || !strings.Contains(stdout, "the two filings hold the same data") {
		t.Errorf("diff of a filing with itself: exit %d: %s", code, stdout)
	}
	if code, _, stderr := jixiao(t, nil, "diff", sample, "missing.toml"); code != 2 || !strings.Contains(stderr, "missing.toml") {
		t.Errorf("diff with a missing filing: exit %d: %s", code, stderr)
	}
	broken := filepath.Join(t.TempDir(), "broken.toml")
	if err := os.WriteFile(broken, []byte("year = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := jixiao(t, nil, "diff", broken, sample); code != 2 {
		t.Errorf("diff with an unreadable filing: exit %d", code)
	}
	out := filepath.Join(t.TempDir(), "changes.xlsx")
	if code, _, stderr := jixiao(t, nil, "diff", "--format", "xlsx", "-o", out, roundBefore, roundAfter); code != 1 {
		t.Errorf("diff --format xlsx: exit %d: %s", code, stderr)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "PK") {
		t.Errorf("the change table is not a workbook: %v", err)
	}
	copyOf := filepath.Join(t.TempDir(), "after.toml")
	src, _ := os.ReadFile(roundAfter)
	if err := os.WriteFile(copyOf, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := jixiao(t, nil, "diff", "-o", copyOf, roundBefore, copyOf); code != 2 {
		t.Errorf("diff writing over its input: exit %d", code)
	}
	if after, _ := os.ReadFile(copyOf); string(after) != string(src) {
		t.Error("diff overwrote its input")
	}
}

// TestWorkbookDiffAndArchive: a filing as a data workbook compares equal
// to its TOML, and against the earlier TOML shows the round's changes; the
// seed as a workbook, archived, is kept byte for byte, attached to the PDF
// as a workbook, and rebuilds to the same bytes.
func TestWorkbookDiffAndArchive(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "round-after.xlsx")
	if code, _, stderr := jixiao(t, nil, "convert", roundAfter, "-o", book); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, stderr)
	}
	if code, stdout, _ := jixiao(t, nil, "diff", roundAfter, book); code != 0 {
		t.Errorf("a filing and its workbook: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := jixiao(t, nil, "diff", roundBefore, book); code != 1 || !strings.Contains(stdout, "预算数：100000.00元 → 120000.00元（+20000.00元）") {
		t.Errorf("TOML against a workbook: exit %d\n%s", code, stdout)
	}
	seed := filepath.Join(dir, "seed.xlsx")
	if code, _, stderr := jixiao(t, nil, "convert", sample, "-o", seed); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, stderr)
	}
	archived := filepath.Join(dir, "archive")
	if code, _, stderr := jixiao(t, nil, "archive", "-o", archived, seed); code != 0 {
		t.Fatalf("archive of a workbook: exit %d: %s", code, stderr)
	}
	kept := filepath.Join(archived, "2024", "224002-中共山海关区委网络安全和信息化委员会办公室")
	src, _ := os.ReadFile(seed)
	if got, err := os.ReadFile(filepath.Join(kept, "seed.xlsx")); err != nil || string(got) != string(src) {
		t.Errorf("the archived workbook is not the source byte for byte (%v)", err)
	}
	pdf, _ := os.ReadFile(filepath.Join(kept, "seed.pdf"))
	if !strings.Contains(string(pdf), "/Subtype /application#2Fvnd.openxmlformats-officedocument.spreadsheetml.sheet") {
		t.Error("the PDF does not attach the workbook as one")
	}
	if code, stdout, stderr := jixiao(t, nil, "verify", "--rebuild", archived); code != 0 {
		t.Errorf("verify --rebuild: exit %d: %s%s", code, stdout, stderr)
	}
}

// TestBuildPDFA: build --pdfa writes the PDF as PDF/A-3b; without it the
// PDF has none of it.
func TestBuildPDFA(t *testing.T) {
	for _, pdfa := range []bool{true, false} {
		dir := t.TempDir()
		args := []string{"build", "--format", "pdf", "-o", dir, sample}
		if pdfa {
			args = append(args, "--pdfa")
		}
		if code, _, stderr := jixiao(t, nil, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		pdf, err := os.ReadFile(filepath.Join(dir, "shanhaiguan-wxb-2024.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(pdf), "<pdfaid:part>3</pdfaid:part>") && strings.Contains(string(pdf), "/OutputIntents"); got != pdfa {
			t.Errorf("--pdfa %v: PDF/A %v", pdfa, got)
		}
	}
}
