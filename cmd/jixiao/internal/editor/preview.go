package editor

import (
	"math"
	"slices"
	"strings"

	"github.com/jixiao-dev/jixiao/render"
)

// Preview is the report's pages as the page shows them beside the form.
type Preview struct {
	// Draft: the filing has errors; the pages show what can be laid out
	// and the page says that no report can be made from it.
	Draft  bool    `json:"draft"`
	Width  float64 `json:"width"` // of a page, mm
	Height float64 `json:"height"`
	Pages  []Page  `json:"pages"`
	// Places are where each project (projects[2]), indicator
	// (projects[2].indicators[1]) and section (overall[1]) is drawn: the
	// page scrolls to the item being edited and marks those with errors.
	Places map[string][]Box `json:"places"`
}

// Page is one page of the preview. SVG and Text are left out when the
// page already shows a page with that key (edit.Have): an edit redraws
// and sends only the pages it changed.
type Page struct {
	Key  string `json:"key"` // render.Preview.PageKey
	SVG  string `json:"svg,omitempty"`
	Text string `json:"text,omitempty"`
}

// Box is a place on a page, in mm from its top-left corner (0.1 mm).
type Box struct {
	Page int     `json:"page"` // 0-based
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// previewOf draws the pages of p that are not among have.
func previewOf(p *render.Preview, have []string) (*Preview, error) {
	out := &Preview{Draft: p.Draft, Pages: make([]Page, p.Pages()), Places: map[string][]Box{}}
	out.Width, out.Height = p.PageSize()
	for i := range out.Pages {
		pg := Page{Key: p.PageKey(i)}
		if !slices.Contains(have, pg.Key) {
			var b strings.Builder
			if err := p.WriteSVG(&b, i); err != nil {
				return nil, err
			}
			pg.SVG, pg.Text = b.String(), p.PageText(i)
		}
		out.Pages[i] = pg
	}
	r := func(v float64) float64 { return math.Round(v*10) / 10 }
	for _, item := range p.Items() {
		for _, pl := range p.Places(item) {
			out.Places[item] = append(out.Places[item], Box{Page: pl.Page, X: r(pl.X), Y: r(pl.Y), W: r(pl.W), H: r(pl.H)})
		}
	}
	return out, nil
}
