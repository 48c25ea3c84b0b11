// Package pdf draws laid-out pages with fpdf: text in embedded, subset
// TrueType faces with ToUnicode maps (so text can be searched and copied),
// table rules, TOC links, the bookmark outline, page numbers and document
// information. It makes no layout decisions of its own.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/go-pdf/fpdf"

	"github.com/jixiao-dev/jixiao/render/doc"
	"github.com/jixiao-dev/jixiao/render/layout"
)

const ptToMM = 25.4 / 72

// Write draws r, the layout of d, as a PDF. The same input always gives the
// same bytes: the dates come from d.Meta.Created and the catalog is sorted.
func Write(w io.Writer, d *doc.Document, r *layout.Result, fs *FontSet) error {
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: d.Page.Width, Ht: d.Page.Height}})
	p.SetCatalogSort(true)
	created := d.Meta.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetCompression(true)
	p.SetTitle(d.Meta.Title, true)
	p.SetAuthor(d.Meta.Author, true)
	p.SetSubject(d.Meta.Subject, true)
	p.SetKeywords(d.Meta.Keywords, true)
	p.SetCreator("jixiao ("+d.Meta.Template+")", true)
	p.SetProducer("jixiao", true)
	p.SetLang(d.Meta.Language)
	if src := d.Meta.Source; len(src.Data) > 0 {
		p.SetAttachments([]fpdf.Attachment{{Content: src.Data, Filename: src.Name, Description: src.Description}})
	}
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)

	family, err := embedFonts(p, r, fs)
	if err != nil {
		return err
	}
	links := map[string]int{}
	for _, name := range sortedAnchors(r.Anchors) {
		a := r.Anchors[name]
		links[name] = p.AddLink()
		p.SetLink(links[name], a.Y, a.Page+1)
	}
	outline := outlineByPage(r)
	for i, page := range r.Pages {
		p.AddPage()
		for _, o := range outline[i] {
			p.Bookmark(o.title, o.level, o.y)
		}
		for _, it := range page.Items {
			drawItem(p, it, family, links, fs)
		}
		if p.Err() {
			return p.Error()
		}
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func drawItem(p *fpdf.Fpdf, it layout.Item, family map[string]string, links map[string]int, fs *FontSet) {
	switch it := it.(type) {
	case layout.Text:
		p.SetFont(family[it.FaceID], "", it.Size)
		if it.FakeBold {
			// Fill and stroke: thickens a regular face by a hair so bold
			// labels read as bold without a bold face.
			p.SetLineWidth(it.Size * 0.03 * ptToMM)
			p.SetTextRenderingMode(2)
		}
		p.Text(it.X, it.Y, it.Text)
		if it.FakeBold {
			p.SetTextRenderingMode(0)
		}
	case layout.Rule:
		p.SetLineWidth(it.Width)
		p.Line(it.X1, it.Y1, it.X2, it.Y2)
	case layout.Link:
		if id, ok := links[it.Bookmark]; ok {
			p.Link(it.X, it.Y, it.W, it.H, id)
		}
	case layout.PageNumber:
		drawOutlined(p, it, fs)
	}
}

// embedFonts hands fpdf a small subset of each face with just the
// characters drawn in it: fpdf's cost grows with the size of the font it is
// given, and the report uses a few hundred of the fonts' ten thousand
// characters.
func embedFonts(p *fpdf.Fpdf, r *layout.Result, fs *FontSet) (map[string]string, error) {
	used := map[string]map[rune]bool{}
	for _, page := range r.Pages {
		for _, it := range page.Items {
			if t, ok := it.(layout.Text); ok {
				if used[t.FaceID] == nil {
					used[t.FaceID] = map[rune]bool{}
				}
				for _, c := range t.Text {
					used[t.FaceID][c] = true
				}
			}
		}
	}
	family := map[string]string{}
	for i, id := range fs.ids() {
		if used[id] == nil {
			continue
		}
		runes := make([]rune, 0, len(used[id]))
		for c := range used[id] {
			runes = append(runes, c)
		}
		data, err := fs.faces[id].Subset(runes)
		if err != nil {
			return nil, err
		}
		family[id] = fontName(id, i)
		p.AddUTF8FontFromBytes(family[id], "", data)
	}
	return family, nil
}

// fontName is the name a face gets inside the PDF (pdffonts shows it): the
// face's file name without folder and extension, in letters, digits and
// dashes, made unique by its number.
func fontName(id string, i int) string {
	base := strings.TrimSuffix(filepath.Base(id), filepath.Ext(id))
	name := strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return r
		}
		return -1
	}, base)
	return fmt.Sprintf("%s-%d", name, i)
}

type outlineMark struct {
	title string
	level int
	y     float64
}

// outlineByPage groups the bookmark outline by page, with levels made
// contiguous from 0 as fpdf requires.
func outlineByPage(r *layout.Result) map[int][]outlineMark {
	out := map[int][]outlineMark{}
	prev := -1
	for _, o := range r.Outline {
		a, ok := r.Anchors[o.Bookmark]
		if !ok {
			continue
		}
		level := max(o.Level-1, 0)
		if level > prev+1 {
			level = prev + 1
		}
		prev = level
		out[a.Page] = append(out[a.Page], outlineMark{o.Title, level, a.Y})
	}
	return out
}
