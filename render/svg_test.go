package render

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// svgDPI is the resolution both rasterisers draw at.
const svgDPI = 70

// TestSVGMatchesPDF rasterises every page of both samples twice, the SVG
// with Chromium and the PDF with pdftoppm, at 70 dpi, and compares them. A
// dark pixel of either that has no dark pixel within one pixel in the other
// is a mismatch (the two rasterisers antialias differently, and their page
// sizes round differently); the mismatches must stay under 2% of the PDF
// page's dark pixels. A page of the SVG that drew nothing, or drew text in
// another face, size or place, fails by far (measured: at most 0.01% on
// any page; with glyphs drawn 5% too large, 9 to 19%).
func TestSVGMatchesPDF(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("Chromium (/usr/bin/chromium) is not installed: the SVG-versus-PDF comparison is skipped")
	}
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed: the SVG-versus-PDF comparison is skipped")
	}
	if testing.Short() {
		t.Skip("Chromium skipped in -short mode")
	}
	e := engine(t)
	for _, path := range []string{samplePath, "../data/national/mzj-2024.toml"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, notes, err := e.LoadFile(path)
			if err != nil {
				t.Fatal(notes)
			}
			rep := mustBuild(t, f)
			dir := t.TempDir()
			var pdf bytes.Buffer
			if err := rep.WritePDF(&pdf); err != nil {
				t.Fatal(err)
			}
			pdfPath := filepath.Join(dir, "r.pdf")
			os.WriteFile(pdfPath, pdf.Bytes(), 0o644)
			if out, err := exec.Command(pdftoppm, "-r", fmt.Sprint(svgDPI), "-gray", "-png", pdfPath, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			pdfPages := make([]image.Image, rep.Pages())
			for i := range pdfPages {
				pdfPages[i] = readPNG(t, pageFile(dir, i+1, rep.Pages()))
			}
			w, h := pdfPages[0].Bounds().Dx(), pdfPages[0].Bounds().Dy()

			// One Chromium run draws every page, stacked in one window.
			var html strings.Builder
			html.WriteString(`<!doctype html><body style="margin:0;background:#fff">`)
			for i := range rep.Pages() {
				var svg bytes.Buffer
				if err := rep.WriteSVG(&svg, i); err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("s%d.svg", i)
				os.WriteFile(filepath.Join(dir, name), svg.Bytes(), 0o644)
				fmt.Fprintf(&html, `<img src="%s" style="display:block;position:absolute;left:0;top:%dpx;width:%gpx;height:%gpx">`,
					name, i*h, rep.pages.Page.Width/25.4*svgDPI, rep.pages.Page.Height/25.4*svgDPI)
			}
			htmlPath := filepath.Join(dir, "pages.html")
			os.WriteFile(htmlPath, []byte(html.String()), 0o644)
			shot := filepath.Join(dir, "shot.png")
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--force-device-scale-factor=1",
				fmt.Sprintf("--window-size=%d,%d", w, h*rep.Pages()), "--screenshot="+shot, "file://"+htmlPath)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("chromium: %v\n%s", err, out)
			}
			all := readPNG(t, shot)
			for i, want := range pdfPages {
				bad, dark := compareDark(want, all, i*h)
				t.Logf("page %d: %d of %d dark pixels differ (%.2f%%)", i+1, bad, dark, 100*float64(bad)/float64(max(dark, 1)))
				if dark == 0 || float64(bad) > 0.02*float64(dark) {
					t.Errorf("page %d: the SVG differs from the PDF in %d pixels of %d", i+1, bad, dark)
				}
			}
		})
	}
}

// pageFile is the name pdftoppm gives page i of n: p-1.png, or p-01.png
// from 10 pages on.
func pageFile(dir string, i, n int) string {
	return filepath.Join(dir, fmt.Sprintf("p-%0*d.png", len(fmt.Sprint(n)), i))
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// compareDark counts the dark pixels of want, and the dark pixels of want
// or of got (offset by dy rows) with no ink (anything short of white)
// within one pixel in the other. Ink rather than dark: at 70 dpi a hairline
// rule is a dark pixel from pdftoppm and a grey one from Chromium.
func compareDark(want, got image.Image, dy int) (bad, dark int) {
	b := want.Bounds()
	gray := func(img image.Image, x, y int) uint32 {
		if !(image.Point{x, y}).In(img.Bounds()) {
			return 0xffff
		}
		r, g, bl, _ := img.At(x, y).RGBA()
		return (r + g + bl) / 3
	}
	inkNear := func(img image.Image, x, y int) bool {
		for j := -1; j <= 1; j++ {
			for i := -1; i <= 1; i++ {
				if gray(img, x+i, y+j) < 0xe000 {
					return true
				}
			}
		}
		return false
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			w, g := gray(want, x, y) < 0x8000, gray(got, x, y+dy) < 0x8000
			if w {
				dark++
			}
			if w && !inkNear(got, x, y+dy) || g && !inkNear(want, x, y) {
				bad++
			}
		}
	}
	return bad, dark
}

// TestSVGDeterministic: a page's SVG is the same bytes every time, draws
// its text as outlines (no <text>, which a browser would set in its own
// fonts) and refuses a page that does not exist.
func TestSVGDeterministic(t *testing.T) {
	rep := mustBuild(t, sample(t))
	for i := range rep.Pages() {
		var a, b bytes.Buffer
		if err := rep.WriteSVG(&a, i); err != nil {
			t.Fatal(err)
		}
		rep.WriteSVG(&b, i)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("page %d: two writes differ", i+1)
		}
		if s := a.String(); !strings.Contains(s, "<use ") || strings.Contains(s, "<text") {
			t.Errorf("page %d: the text is not drawn as glyph outlines", i+1)
		}
	}
	if err := rep.WriteSVG(io.Discard, rep.Pages()); err == nil {
		t.Error("a page past the end was written")
	}
}

// The preview's server time: build a filing and draw every page as SVG.
func BenchmarkSampleSVG(b *testing.B)      { benchmarkSVG(b, sample(b)) }
func Benchmark100ProjectsSVG(b *testing.B) { benchmarkSVG(b, manyProjects(b, 100)) }

func benchmarkSVG(b *testing.B, f *budget.Filing) {
	e := engine(b)
	for b.Loop() {
		rep, _, err := e.Build(f)
		if err != nil {
			b.Fatal(err)
		}
		for i := range rep.Pages() {
			if err := rep.WriteSVG(io.Discard, i); err != nil {
				b.Fatal(err)
			}
		}
	}
}
