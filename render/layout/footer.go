package layout

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// footer draws page numbers per doc.Page.Footer and GB/T 9704 §7.5.
type footer struct {
	f   doc.Footer
	st  *style
	ref FaceRef // the one face that draws every character of a number
	mid float64 // mm from the baseline up to the middle of the number's line
}

// footer prepares the page numbers, or returns nil when there are none.
func (pr *preparer) footer() (*footer, error) {
	f := pr.doc.Page.Footer
	if f.Format == "" {
		return nil, nil
	}
	at := site{what: "page number"}
	sample := fmt.Sprintf(f.Format, 1234567890)
	if strings.Contains(sample, "%!") {
		return nil, fmt.Errorf("page number format %q must contain one %%d and no other verb", f.Format)
	}
	st, err := pr.style(f.Style)
	if err != nil {
		return nil, at.wrap(err)
	}
	if _, err := pr.shape(sample, st, at); err != nil {
		return nil, err
	}
	ft := &footer{f: f, st: st}
	ok := false
	for _, ref := range st.chain.refs {
		if ok = covers(ref.Face, sample); ok {
			ft.ref = ref
			break
		}
	}
	if !ok {
		return nil, fmt.Errorf("page number format %q: no single face of font role %q has all its characters", f.Format, st.Font)
	}
	ft.mid = lineMiddle(ft.ref.Face, sample) * st.unit
	if y := pr.geo.bottom + f.Distance + ft.mid; y > pr.geo.page.Height {
		return nil, fmt.Errorf("page number: a footer distance of %g mm puts it below the page", f.Distance)
	}
	return ft, nil
}

// inker is a face that knows where a glyph's ink lies (fonts.Face).
type inker interface {
	InkY(r rune) (bottom, top float64, ok bool)
}

// lineMiddle is the height above the baseline, 1/1000 em, of the line a
// reader sees in a page number: the middle of its dash (GB/T 9704 puts
// the 一字线 of "— 1 —" 7 mm below the text block), else of its digits;
// for a face that cannot tell, the middle of its ascent and descent.
func lineMiddle(face Face, sample string) float64 {
	if in, ok := face.(inker); ok {
		for _, want := range []func(rune) bool{isDash, unicode.IsDigit} {
			for _, r := range sample {
				if lo, hi, ok := in.InkY(r); ok && want(r) {
					return (lo + hi) / 2
				}
			}
		}
	}
	return (face.Ascent() - face.Descent()) / 2
}

// isDash reports the dashes a page-number format puts around the number.
func isDash(r rune) bool { return r == '—' || r == '―' || r == '–' || r == '-' || r == '－' }

// covers reports whether face draws every visible character of s.
func covers(face Face, s string) bool {
	for _, r := range s {
		if !invisible(r) && !face.Has(r) {
			return false
		}
	}
	return true
}

// item is the page number of the page printed as n. The middle of its
// line (see lineMiddle) sits Distance below the text block; with OddEven, odd numbers sit Inset in from the
// right edge of the text block and even ones Inset in from the left;
// otherwise the number is centred.
func (ft *footer) item(n int, g geometry) PageNumber {
	text := strings.Map(visible, fmt.Sprintf(ft.f.Format, n))
	pn := PageNumber{Y: g.bottom + ft.f.Distance + ft.mid, Size: ft.st.Size, FaceID: ft.ref.ID, Text: text}
	switch {
	case ft.f.OddEven && n%2 == 1:
		pn.X, pn.AlignRight = g.right-ft.f.Inset, true
	case ft.f.OddEven:
		pn.X = g.left + ft.f.Inset
	default:
		pn.X, pn.Center = g.left+g.width()/2, true
	}
	return pn
}
