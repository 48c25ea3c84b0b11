package main

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// bboxWord is a word of pdftotext -bbox, in points from the page's top.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// bboxPage reads the words of one page with pdftotext -bbox.
func bboxPage(t *testing.T, pdf string, page int) []bboxWord {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var words []bboxWord
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "word" {
			var w bboxWord
			if err := dec.DecodeElement(&w, &se); err != nil {
				t.Fatal(err)
			}
			words = append(words, w)
		}
	}
	return words
}

const ptToMM = 25.4 / 72

// TestGBT9704Geometry measures the first page of the sample's body as a
// reader would: with pdftotext -bbox, every full line of body text holds
// 28 characters (26 after a paragraph's indent of 2) in the 156 mm line;
// rendered at 300 dpi, the page number's dash lies 7 mm (± 0.5) below the
// text block, which ends 35 mm above the page's foot. The DOCX carries the
// same grid as w:docGrid.
func TestGBT9704Geometry(t *testing.T) {
	need(t, "pdftotext", "pdftoppm")
	dir := buildSample(t)
	pdf := filepath.Join(dir, "shanhaiguan-wxb-2024.pdf")
	const left, right, bottom = 28.0, 210 - 26.0, 297 - 35.0 // the text block, mm
	full, first := 0, 0
	words := bboxPage(t, pdf, 2) // page 1 of the body, after the 目录
	for i, w := range words {
		if w.YMax*ptToMM > bottom {
			t.Errorf("%q reaches below the text block (%.1f mm)", w.Text, w.YMax*ptToMM)
		}
		n := utf8.RuneCountInString(w.Text)
		allWide := !strings.ContainsFunc(w.Text, func(r rune) bool { return r < 0x2E80 && r != '“' && r != '”' })
		if !allWide || math.Abs(w.XMax*ptToMM-right) > 0.3 || i+1 == len(words) {
			continue // not a line of full-width characters that ends at the right edge
		}
		// A character followed by punctuation that may not begin a line
		// moves to the next line with it (避头尾), and the line is spread:
		// one character fewer.
		if next := []rune(words[i+1].Text); len(next) > 1 && strings.ContainsRune("，。、；：？！”）》", next[1]) {
			n++
		}
		switch x := w.XMin * ptToMM; {
		case math.Abs(x-left) < 0.1:
			full++
			if n != 28 {
				t.Errorf("a full line holds %d characters, want 28: %s", n, w.Text)
			}
		case math.Abs(x-left-2*156.0/28) < 0.1:
			first++
			if n != 26 {
				t.Errorf("a first line holds %d characters, want 26 after the indent: %s", n, w.Text)
			}
		}
	}
	if full < 10 || first < 1 {
		t.Errorf("measured %d full lines and %d first lines; the page should have more", full, first)
	}

	dash := dashBelow(t, pdf, 2, bottom)
	if d := dash - bottom; math.Abs(d-7) > 0.5 {
		t.Errorf("the page number's dash is %.2f mm below the text block, want 7 ± 0.5", d)
	}

	body := docxPart(t, filepath.Join(dir, "shanhaiguan-wxb-2024.docx"), "word/document.xml")
	// 225 mm = 12756 twips: 22 lines of 579 (28.95 pt); the 156 mm line,
	// 8845 twips as the page and margins round, / 28 = 15.79 pt, 0.2055
	// pt less than the Normal style's 16, in 1/4096 pt.
	grids := regexp.MustCompile(`<w:docGrid [^>]*/>`).FindAll(body, -1)
	want := `<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>`
	if len(grids) == 0 {
		t.Error("the DOCX has no w:docGrid")
	}
	for _, g := range grids {
		if string(g) != want {
			t.Errorf("DOCX: %s, want %s", g, want)
		}
	}
}

// grayPage renders page of pdf in grey at dpi dots per inch: its width
// and its pixels, row after row, 0 black to 255 white.
func grayPage(t *testing.T, pdf string, page, dpi int) (int, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page")
	if err := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-gray", "-singlefile", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), pdf, out).Run(); err != nil {
		t.Fatal(err)
	}
	img, err := os.Open(out + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	defer img.Close()
	r := bufio.NewReader(img)
	var w, h, maxv int
	if _, err := fmt.Fscanf(r, "P5\n%d %d\n%d\n", &w, &h, &maxv); err != nil {
		t.Fatal(err)
	}
	px := make([]byte, w*h)
	if _, err := io.ReadFull(r, px); err != nil {
		t.Fatal(err)
	}
	return w, px
}

// dashBelow renders page of pdf at 300 dpi and returns where, in mm from
// the page's top, the middle of the widest horizontal stroke below y mm
// lies: the dash of "— 1 —".
func dashBelow(t *testing.T, pdf string, page int, y float64) float64 {
	t.Helper()
	w, px := grayPage(t, pdf, page, 300)
	h := len(px) / w
	const dpmm = 300 / 25.4
	best, rows, sum := 0, 0, 0.0
	for row := int(y * dpmm); row < h; row++ {
		run, longest := 0, 0
		for _, v := range px[row*w : (row+1)*w] {
			if v < 128 {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		switch {
		case longest > best+5:
			best, rows, sum = longest, 1, float64(row)
		case longest >= best-5 && longest > 0:
			rows++
			sum += float64(row)
		}
	}
	if float64(best) < 2*dpmm {
		t.Fatalf("no stroke of 2 mm or more below %.0f mm", y)
	}
	return (sum/float64(rows) + 0.5) / dpmm
}
