package editor

import (
	"math"
	"net/http"
	"slices"
	"strings"
	"sync"

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
// page already shows a page with that key (edit.Have), and when the page
// is far from those in view (Lazy): an edit draws and sends only the pages
// it changed near the view, and the page asks for others (/api/page) as
// they scroll into view.
type Page struct {
	Key  string `json:"key"` // render.Preview.PageKey
	SVG  string `json:"svg,omitempty"`
	Text string `json:"text,omitempty"`
	Lazy bool   `json:"lazy,omitempty"`
}

// Box is a place on a page: the page (0-based) and x, y, width and
// height in mm from its top-left corner, to 0.1 mm; an array, as there are
// thousands in a large filing.
type Box [5]float64

// eagerPages are drawn with every check that changes them, wherever the
// view is: the first pages (the contents, the first part) and all of a
// small filing.
const eagerPages = 8

// previewOf draws the pages of p that are not among have and are among
// the first eagerPages or within two pages of view (the first and last
// page the page shows, 0-based); the others are Lazy.
func (s *Server) previewOf(p *render.Preview, have []string, view []int) (*Preview, error) {
	out := &Preview{Draft: p.Draft, Pages: make([]Page, p.Pages()), Places: map[string][]Box{}}
	out.Width, out.Height = p.PageSize()
	shown := map[string]bool{}
	for _, k := range have {
		shown[k] = true
	}
	near := func(i int) bool { return i < eagerPages || len(view) == 2 && i >= view[0]-2 && i <= view[1]+2 }
	keys := make([]string, p.Pages())
	for i := range out.Pages {
		keys[i] = p.PageKey(i)
		pg := Page{Key: keys[i]}
		switch {
		case shown[pg.Key]:
		case near(i):
			var err error
			if pg.SVG, pg.Text, err = drawPage(p, i); err != nil {
				return nil, err
			}
		default:
			pg.Lazy = true
		}
		out.Pages[i] = pg
	}
	s.previews.add(p, keys)
	r := func(v float64) float64 { return math.Round(v*10) / 10 }
	for _, item := range p.Items() {
		for _, pl := range p.Places(item) {
			out.Places[item] = append(out.Places[item], Box{float64(pl.Page), r(pl.X), r(pl.Y), r(pl.W), r(pl.H)})
		}
	}
	return out, nil
}

func drawPage(p *render.Preview, i int) (svg, text string, err error) {
	var b strings.Builder
	if err := p.WriteSVG(&b, i); err != nil {
		return "", "", err
	}
	return b.String(), p.PageText(i), nil
}

// handlePage draws the page with the key given, of one of the last
// previews made: a Lazy page that came into view.
func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	p, i, ok := s.previews.find(key)
	if !ok {
		fail(w, http.StatusNotFound, "此页预览已过期，请稍候，预览会随下一次检查更新。")
		return
	}
	svg, text, err := drawPage(p, i)
	if err != nil {
		fail(w, http.StatusInternalServerError, "无法绘制此页："+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, Page{Key: key, SVG: svg, Text: text})
}

// recentPreviews are the last previews made, with their pages' keys, for
// the Lazy pages the page asks for later.
type recentPreviews struct {
	mu   sync.Mutex
	list []recentPreview // newest first
}

type recentPreview struct {
	p    *render.Preview
	keys []string
}

// maxPreviews previews are kept: enough for the answers in flight, and
// two tabs.
const maxPreviews = 4

func (r *recentPreviews) add(p *render.Preview, keys []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.list = append([]recentPreview{{p, keys}}, r.list[:min(len(r.list), maxPreviews-1)]...)
}

// find returns the newest preview with a page of that key, and the page.
func (r *recentPreviews) find(key string) (*render.Preview, int, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.list {
		if i := slices.Index(e.keys, key); i >= 0 {
			return e.p, i, true
		}
	}
	return nil, 0, false
}
