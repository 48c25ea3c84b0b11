package render

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/fonts/fontstest"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// pdfOf builds the sample with opt and returns its report and PDF.
func pdfOf(t *testing.T, opt Options) (*Report, []byte) {
	t.Helper()
	e, notes := New(opt)
	if len(notes) > 0 {
		t.Fatal(notes)
	}
	rep, notes, err := e.Build(sample(t))
	if err != nil {
		t.Fatal(err, notes)
	}
	var buf bytes.Buffer
	if err := rep.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	return rep, buf.Bytes()
}

// embeddedFonts lists the PDF's fonts without their subset tags.
func embeddedFonts(pdf []byte) []string {
	var names []string
	for _, m := range regexp.MustCompile(`/Subtype /Type0 /BaseFont /[A-Z]{6}\+([^ /]+)`).FindAllSubmatch(pdf, -1) {
		names = append(names, string(m[1]))
	}
	slices.Sort(names)
	return names
}

// infoFonts is the /JixiaoFonts entry of the PDF's document information,
// written as a UTF-16 text string.
func infoFonts(t *testing.T, pdf []byte) string {
	t.Helper()
	m := regexp.MustCompile(`/JixiaoFonts <FEFF([0-9A-F]+)>`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("the PDF has no /JixiaoFonts entry")
	}
	var runes []rune
	for i := 0; i+4 <= len(m[1]); i += 4 {
		var v rune
		for _, c := range m[1][i : i+4] {
			v = v*16 + rune(strings.IndexByte("0123456789ABCDEF", c))
		}
		runes = append(runes, v)
	}
	return string(runes)
}

func TestInstalledFacesUsed(t *testing.T) {
	_, plain := pdfOf(t, Options{})
	dir := t.TempDir()
	fontstest.Write(t, dir, 0, fontstest.Office...) // installable
	rep, pdf := pdfOf(t, Options{FontDirs: []string{filepath.Join(dir, "missing"), dir}})
	if got, want := embeddedFonts(pdf), []string{"FZXiaoBiaoSong-B05S", "FangSong", "KaiTi", "SimHei", "SimSun"}; !slices.Equal(got, want) {
		t.Errorf("the PDF embeds %v, want %v", got, want)
	}
	// Subset as the embedded faces are: the stand-ins are 2.5-4 MB each.
	if len(pdf) > 2*len(plain) {
		t.Errorf("the PDF is %d bytes, the embedded faces' %d: not subset?", len(pdf), len(plain))
	}
	meta := infoFonts(t, pdf)
	want := "仿宋_GB2312: FangSong (simfang.ttf); 宋体: SimSun (simsun.ttc); 黑体: SimHei (simhei.ttf); 楷体_GB2312: KaiTi (simkai.ttf); 方正小标宋简体: FZXiaoBiaoSong-B05S (FZXBSJW.TTF)"
	if meta != want {
		t.Errorf("metadata %q, want %q", meta, want)
	}
	if !bytes.Contains(pdf, []byte(">"+want+"</jixiao:Fonts>")) {
		t.Error("the XMP metadata lacks the faces")
	}
	note := diag.NewPrinter(language.English).Text(rep.fontNote())
	if want := "PDF fonts: 仿宋_GB2312: FangSong (installed, " + filepath.Join(dir, "simfang.ttf") + "); 宋体: SimSun (installed, "; !strings.HasPrefix(note, want) {
		t.Errorf("note %q does not start %q", note, want)
	}
	if strings.Count(note, "installed,") != 5 {
		t.Errorf("note %q: want 5 installed faces", note)
	}
}

// TestEmbeddingLicences: fsType 4 (print and preview) and 8 (editable)
// allow embedding as 0 (installable) does.
func TestEmbeddingLicences(t *testing.T) {
	for _, fsType := range []int{4, 8} {
		dir := t.TempDir()
		fontstest.Write(t, dir, fsType, fontstest.Office[0])
		_, pdf := pdfOf(t, Options{FontDirs: []string{dir}})
		if got := embeddedFonts(pdf); !slices.Contains(got, "FangSong") || slices.Contains(got, "SimSun") {
			t.Errorf("fsType %d: the PDF embeds %v, want FangSong and no SimSun", fsType, got)
		}
	}
}

func TestRestrictedFacesFallBack(t *testing.T) {
	_, plain := pdfOf(t, Options{})
	dir := t.TempDir()
	fontstest.Write(t, dir, 2, fontstest.Office...) // restricted licence
	rep, pdf := pdfOf(t, Options{FontDirs: []string{dir}})
	if !bytes.Equal(pdf, plain) {
		t.Errorf("a PDF whose installed faces may not be embedded differs from one with the embedded faces")
	}
	for _, u := range rep.Fonts {
		if !errors.Is(u.Refused, fonts.ErrRestricted) || u.File != "" {
			t.Errorf("%s: %+v, want refused for its licence", u.Office, u)
		}
	}
	for lang, want := range map[language.Tag]string{
		language.English:           "仿宋_GB2312: embedded NotoSerifSC-Regular (" + filepath.Join(dir, "simfang.ttf") + " cannot be used: its licence (OS/2 fsType) does not allow embedding it in documents)",
		language.SimplifiedChinese: "仿宋_GB2312：内置字体 NotoSerifSC-Regular（本机的 " + filepath.Join(dir, "simfang.ttf") + " 不能使用：字体的授权（OS/2 fsType）不允许将其嵌入文档）",
	} {
		if note := diag.NewPrinter(lang).Text(rep.fontNote()); !strings.Contains(note, want) {
			t.Errorf("%v note %q lacks %q", lang, note, want)
		}
	}
}

// TestDamagedFaceFallsBack: a file under an official name that is not a
// usable font is reported and the embedded face drawn instead.
func TestDamagedFaceFallsBack(t *testing.T) {
	_, plain := pdfOf(t, Options{})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "simhei.ttf"), []byte("not a font at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, pdf := pdfOf(t, Options{FontDirs: []string{dir}})
	if !bytes.Equal(pdf, plain) {
		t.Error("the PDF differs from the embedded faces' one")
	}
	note := diag.NewPrinter(language.English).Text(rep.fontNote())
	if want := "黑体: embedded NotoSansSC-Medium (" + filepath.Join(dir, "simhei.ttf") + " cannot be used: the file is damaged or not a TrueType font"; !strings.Contains(note, want) {
		t.Errorf("note %q lacks %q", note, want)
	}
	if !strings.Contains(note, "仿宋_GB2312: embedded NotoSerifSC-Regular (not installed)") {
		t.Errorf("note %q: 仿宋_GB2312 should be not installed", note)
	}
}

// TestNoFacesInstalled: a machine without the office faces writes the
// bytes that the embedded faces alone give (--fonts embedded).
func TestNoFacesInstalled(t *testing.T) {
	_, plain := pdfOf(t, Options{})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "simfang.otf"), []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, pdf := pdfOf(t, Options{FontDirs: []string{dir, filepath.Join(dir, "nowhere")}})
	if !bytes.Equal(pdf, plain) {
		t.Error("the PDF differs from the embedded faces' one")
	}
	if got, want := infoFonts(t, pdf), "仿宋_GB2312: NotoSerifSC-Regular (embedded); 宋体: NotoSerifSC-Regular (embedded); 黑体: NotoSansSC-Medium (embedded); 楷体_GB2312: JixiaoKai-Regular (embedded); 方正小标宋简体: NotoSerifSC-Bold (embedded)"; got != want {
		t.Errorf("metadata %q, want %q", got, want)
	}
	note := diag.NewPrinter(language.English).Text(rep.fontNote())
	if want := "none of the office faces (仿宋_GB2312、宋体、黑体、楷体_GB2312、方正小标宋简体) is installed"; !strings.Contains(note, want) {
		t.Errorf("note %q lacks %q", note, want)
	}
}
