// Package lotest runs LibreOffice for tests: Run converts files with any
// filter (a workbook to CSV, a DOCX re-saved), and Convert renders DOCX
// files to PDF the way a user without the official fonts would preview
// them: the Chinese
// font names a DOCX writes (宋体, 仿宋_GB2312, 黑体, 楷体_GB2312,
// 方正小标宋简体) are mapped by a fontconfig file of its own to the faces in
// the repository's fonts folder, so the rendering does not depend on the
// fonts of the machine (see aliases). Tests skip when soffice or pdftotext is missing.
package lotest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// aliases maps the names a DOCX uses to the repository's faces. Times New
// Roman too: where LibreOffice has no metric twin of it (Liberation Serif),
// it falls back to DejaVu Serif, whose digits are a quarter wider than any
// face a user has for it; the PDF's face is the widest of those.
var aliases = map[string]string{
	"Times New Roman": "Noto Serif SC",
	"宋体":              "Noto Serif SC", "SimSun": "Noto Serif SC", "仿宋_GB2312": "Noto Serif SC", "仿宋": "Noto Serif SC",
	"方正小标宋简体": "Noto Serif SC", "黑体": "Noto Sans SC", "SimHei": "Noto Sans SC",
	"楷体_GB2312": "JixiaoKai", "楷体": "JixiaoKai",
}

// fontsDir is the repository's fonts folder.
func fontsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "fonts")
}

// Run converts files with soffice --convert-to filter (e.g. "docx:MS Word
// 2007 XML", "csv:Text - txt - csv (StarCalc):44,34,76,1") into outDir,
// with a LibreOffice profile of its own. It skips the test in -short mode
// and where LibreOffice is not installed.
func Run(t testing.TB, outDir, filter string, files ...string) {
	t.Helper()
	run(t, nil, outDir, filter, files)
}

// run is Run with extra environment variables for soffice.
func run(t testing.TB, env []string, outDir, filter string, files []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice skipped in -short mode")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: skipped")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(t.TempDir(), "profile"),
		"--headless", "--convert-to", filter, "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

// Convert converts the DOCX files to PDF in dir and returns the PDFs' paths.
func Convert(t testing.TB, dir string, files ...string) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: DOCX rendering not tested")
	}
	var conf strings.Builder
	fmt.Fprintf(&conf, "<?xml version=\"1.0\"?>\n<fontconfig>\n<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n<dir>%s</dir>\n", fontsDir())
	for _, name := range []string{"Times New Roman", "宋体", "SimSun", "仿宋_GB2312", "仿宋", "方正小标宋简体", "黑体", "SimHei", "楷体_GB2312", "楷体"} {
		fmt.Fprintf(&conf, "<match target=\"pattern\"><test name=\"family\"><string>%s</string></test><edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>%s</string></edit></match>\n", name, aliases[name])
	}
	conf.WriteString("</fontconfig>\n")
	confPath := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(confPath, []byte(conf.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, []string{"FONTCONFIG_FILE=" + confPath}, dir, "pdf", files)
	var pdfs []string
	for _, f := range files {
		pdfs = append(pdfs, filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf"))
	}
	return pdfs
}

// Pages extracts the text of each page of a PDF.
func Pages(t testing.TB, path string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}
