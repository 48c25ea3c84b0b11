package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/layout"
	"github.com/jixiao-dev/jixiao/render/svg"
)

// Preview is a filing laid out for a screen: its pages, drawn as SVG, what
// each says, and where each project, section and indicator landed on them.
// Engine.Preview makes one whatever the filing's findings. Unlike a Report
// it has no way to be written as a PDF, DOCX or workbook: a filing with
// errors is previewed, never made into a report.
type Preview struct {
	pageSet
	// Draft says the filing has errors and its pages are a draft
	// (layout.Draft): what the form refuses is set as well as it can be.
	Draft  bool
	places map[string][]Place
}

// Place is a box on a page where some of a filing's item is drawn, in mm
// from the page's top-left corner.
type Place struct {
	Page       int // 0-based
	X, Y, W, H float64
}

// Preview checks f as Build does and lays it out even when it has errors,
// for a screen: the findings are exactly Build's (those of Check, then
// G1 or G2 when those pass). A filing with errors, or that the layout
// refuses (G1, G2), is laid out as a draft (see layout.Draft, and
// Preview.Draft). The error is ErrInvalid when f names no known form, or
// another when the form's template cannot lay the filing out; the Preview
// is then nil.
func (e *Engine) Preview(f *budget.Filing) (*Preview, diag.List, error) {
	t, notes := e.template(f)
	if t == nil {
		return nil, notes, ErrInvalid
	}
	notes = e.findings(t, f)
	draft := notes.HasErrors()
	_, res, _, err := e.lay(t, draftable(f, draft), draft)
	if fit := layoutFindings(f, err); fit != nil && !draft {
		notes, draft = append(notes, fit...), true
		_, res, _, err = e.lay(t, f, true)
	}
	if err != nil {
		return nil, notes, err
	}
	return &Preview{pageSet: pageSet{res}, Draft: draft, places: places(f, res)}, notes, nil
}

// draftable is f as a draft lays it out: a money unit that cannot be
// converted (empty, or mistyped: M7) is taken as 元, so that a form
// printing amounts in its own unit can still bind them. f itself is left
// as it is.
func draftable(f *budget.Filing, draft bool) *budget.Filing {
	if !draft || f.Department.MoneyUnit.Fen() != 0 {
		return f
	}
	g := *f
	g.Department.MoneyUnit = budget.Yuan
	return &g
}

// places gathers the layout's spans by what of f they show: an item (a
// project, projects[2]; one of its indicators, projects[2].indicators[1];
// a section, overall[1]), and a field a table cell shows
// (projects[2].budget), which counts for its item too.
func places(f *budget.Filing, res *layout.Result) map[string][]Place {
	items := map[diag.Pos]string{}
	known := map[string]bool{}
	add := func(path string) {
		known[path] = true
		if _, ok := f.Positions[path]; ok {
			if p := f.At(path); p.Line > 0 {
				if _, taken := items[p]; !taken {
					items[p] = path
				}
			}
		}
	}
	for i := range f.Overall {
		add("overall[" + strconv.Itoa(i+1) + "]")
	}
	for i, p := range f.Projects {
		pp := "projects[" + strconv.Itoa(i+1) + "]"
		add(pp)
		for k := range p.Indicators {
			add(pp + ".indicators[" + strconv.Itoa(k+1) + "]")
		}
	}
	out := map[string][]Place{}
	for _, s := range res.Spans {
		pl := Place{Page: s.Page, X: s.X, Y: s.Y, W: s.W, H: s.H}
		item, ok := items[s.Pos]
		if s.Field != "" {
			out[s.Field] = append(out[s.Field], pl)
			item, ok = itemOf(s.Field, known)
		}
		if ok {
			out[item] = append(out[item], pl)
		}
	}
	return out
}

// itemOf is the nearest of the known items that encloses field.
func itemOf(field string, known map[string]bool) (string, bool) {
	for p := parent(field); p != ""; p = parent(p) {
		if known[p] {
			return p, true
		}
	}
	return "", false
}

// Places are the boxes where the field path is drawn, in the order drawn:
// the table cells that show it, else those of the nearest enclosing item
// the pages show, an indicator (projects[2].indicators[1]), a project
// (projects[2]) or a section (overall[1]). None for the filing's fields
// that only headings and titles show (the department, the year).
func (p *Preview) Places(path string) []Place {
	for ; path != ""; path = parent(path) {
		if pl, ok := p.places[path]; ok {
			return pl
		}
	}
	return nil
}

// Items lists the items and fields Places knows, in no order.
func (p *Preview) Items() []string {
	out := make([]string, 0, len(p.places))
	for k := range p.places {
		out = append(out, k)
	}
	return out
}

// parent is the path that encloses path: projects[2].budget → projects[2]
// → projects → "".
func parent(path string) string {
	if strings.HasSuffix(path, "]") {
		return path[:strings.LastIndexByte(path, '[')]
	}
	return path[:max(strings.LastIndexByte(path, '.'), 0)]
}

// pageSet is laid-out pages, as a Report and a Preview have them.
type pageSet struct{ pages *layout.Result }

// Pages is the number of laid-out pages.
func (s pageSet) Pages() int { return len(s.pages.Pages) }

// PageSize is the pages' width and height in mm.
func (s pageSet) PageSize() (w, h float64) { return s.pages.Page.Width, s.pages.Page.Height }

// WriteSVG writes page n (0-based, below Pages) as an SVG drawn from the
// same layout and fonts as the PDF: the page as it prints, for a browser.
func (s pageSet) WriteSVG(w io.Writer, n int) error { return svg.Write(w, s.pages, n) }

// PageText is the text drawn on page n (0-based, below Pages), its runs in
// reading order joined by spaces: what a preview of the page says to a
// screen reader.
func (s pageSet) PageText(n int) string {
	var parts []string
	for _, it := range s.pages.Pages[n].Items {
		if t, ok := it.(layout.Text); ok {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

// PageKey identifies what page n draws: two pages with the same key, of
// any report or preview made by the same program, give the same SVG and
// PageText, so a caller may keep a page drawn by its key and draw only
// the pages whose key it has not seen. It is the SHA-256 of the page's
// size and of every item drawn on it (faces by their ID, which names one
// face in a run of the program): the first 128 bits of their SHA-256, in
// hex.
func (s pageSet) PageKey(n int) string {
	var b []byte
	num := func(v float64) { b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v)) }
	str := func(v string) { b = append(binary.AppendUvarint(b, uint64(len(v))), v...) }
	flag := func(v bool) {
		if v {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	num(s.pages.Page.Width)
	num(s.pages.Page.Height)
	for _, it := range s.pages.Pages[n].Items {
		switch it := it.(type) {
		case layout.Text:
			b = append(b, 'T')
			num(it.X)
			num(it.Y)
			num(it.Size)
			str(it.FaceID)
			flag(it.FakeBold)
			str(it.Text)
		case layout.Rule:
			b = append(b, 'R')
			num(it.X1)
			num(it.Y1)
			num(it.X2)
			num(it.Y2)
			num(it.Width)
		case layout.Link:
			b = append(b, 'L')
			num(it.X)
			num(it.Y)
			num(it.W)
			num(it.H)
			str(it.Bookmark)
		case layout.PageNumber:
			b = append(b, 'N')
			num(it.X)
			num(it.Y)
			num(it.Size)
			str(it.FaceID)
			str(it.Text)
			flag(it.AlignRight)
			flag(it.Center)
		}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}
