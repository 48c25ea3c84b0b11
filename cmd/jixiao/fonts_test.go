package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/fonts/fontstest"
)

// TestInstalledFonts: --font-dir with the office faces (stand-ins) draws
// the PDF in them and says so on stderr; faces whose licence forbids
// embedding are reported and the PDF is the one --fonts embedded writes.
func TestInstalledFonts(t *testing.T) {
	need(t, "pdffonts")
	fontDir, out := t.TempDir(), t.TempDir()
	fontstest.Write(t, fontDir, 0, fontstest.Office...)
	code, _, stderr := jixiao(t, nil, "build", "--format", "pdf", "--font-dir", fontDir, "-o", out, sample)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "PDF字体：仿宋_GB2312：本机字体 FangSong（" + filepath.Join(fontDir, "simfang.ttf") + "）；宋体：本机字体 SimSun"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if strings.Count(stderr, "PDF字体") != 1 {
		t.Errorf("want one line on the fonts:\n%s", stderr)
	}
	pdf := filepath.Join(out, "shanhaiguan-wxb-2024.pdf")
	list, err := exec.Command("pdffonts", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range []string{"FangSong", "SimSun", "SimHei", "KaiTi", "FZXiaoBiaoSong-B05S"} {
		if !strings.Contains(string(list), "+"+face+" ") {
			t.Errorf("pdffonts does not list a subset of %s:\n%s", face, list)
		}
	}
	// Every face embedded and subset (columns emb and sub: yes yes).
	for _, line := range strings.Split(strings.TrimSpace(string(list)), "\n")[2:] {
		if !strings.Contains(line, "yes yes yes") {
			t.Errorf("a font not embedded as a subset with ToUnicode: %s", line)
		}
	}

	restricted := t.TempDir()
	fontstest.Write(t, restricted, 2, fontstest.Office...)
	code, _, stderr = jixiao(t, nil, "--lang", "en", "build", "--format", "pdf", "--font-dir", restricted, "-o", out, sample)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "黑体: embedded NotoSansSC-Medium (" + filepath.Join(restricted, "simhei.ttf") + " cannot be used: its licence (OS/2 fsType) does not allow embedding it in documents)"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	fallback, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	embedded := t.TempDir()
	code, _, stderr = jixiao(t, map[string]string{"JIXIAO_FONTS": "embedded"}, "build", "--format", "pdf", "-o", embedded, sample)
	if code != 0 || strings.Contains(stderr, "PDF字体") {
		t.Fatalf("JIXIAO_FONTS=embedded: exit %d, and no line on the fonts wanted\n%s", code, stderr)
	}
	if want, err := os.ReadFile(filepath.Join(embedded, "shanhaiguan-wxb-2024.pdf")); err != nil || !bytes.Equal(fallback, want) {
		t.Errorf("the PDF with faces that may not be embedded differs from --fonts embedded (%v)", err)
	}
}

func TestFontOptions(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"build", "--fonts", "embedded", "--font-dir", dir, sample}, "--font-dir 与 --fonts embedded 不能同时使用"},
		{nil, []string{"build", "--fonts", "office", sample}, "--fonts：未知的取值“office”：请使用 auto 或 embedded"},
		{map[string]string{"JIXIAO_FONTS": "none"}, []string{"--lang", "en", "build", sample}, `JIXIAO_FONTS: unknown value "none": use auto or embedded`},
		{nil, []string{"build", "--font-dir", filepath.Join(dir, "nowhere"), sample}, "不是文件夹"},
	}
	for _, c := range cases {
		code, _, stderr := jixiao(t, c.env, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v %v: exit %d, want 2 with %q\n%s", c.env, c.args, code, c.want, stderr)
		}
	}
	// --font-dir outranks JIXIAO_FONTS=embedded: the command line is the
	// more particular choice.
	code, _, stderr := jixiao(t, nil, "build", "--format", "pdf", "--font-dir", dir, "-o", dir, sample)
	if code != 0 || !strings.Contains(stderr, "PDF字体：") {
		t.Errorf("--font-dir with JIXIAO_FONTS=embedded: exit %d\n%s", code, stderr)
	}
}
