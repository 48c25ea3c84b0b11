package layout

import (
	"fmt"
	"slices"
	"strings"
)

// Dump prints r in a stable, readable text form for golden files: one line
// per page and item, lengths rounded to 0.1 mm, then the outline and the
// anchors sorted by bookmark.
func Dump(r *Result) string {
	var b strings.Builder
	for i, pg := range r.Pages {
		blank := ""
		if pg.Blank {
			blank = " blank"
		}
		fmt.Fprintf(&b, "page %d number %d%s\n", i+1, pg.Number, blank)
		for _, it := range pg.Items {
			b.WriteString("  ")
			switch it := it.(type) {
			case Text:
				bold := ""
				if it.FakeBold {
					bold = " fakebold"
				}
				fmt.Fprintf(&b, "text %s %s %gpt %s%s %q", mm(it.X), mm(it.Y), it.Size, it.FaceID, bold, it.Text)
			case Rule:
				fmt.Fprintf(&b, "rule %s %s - %s %s w%s", mm(it.X1), mm(it.Y1), mm(it.X2), mm(it.Y2), mm(it.Width))
			case Link:
				fmt.Fprintf(&b, "link %s %s %sx%s -> %s", mm(it.X), mm(it.Y), mm(it.W), mm(it.H), it.Bookmark)
			case PageNumber:
				align := "left"
				switch {
				case it.AlignRight:
					align = "right"
				case it.Center:
					align = "center"
				}
				fmt.Fprintf(&b, "pagenumber %s %s %gpt %s %s %q", mm(it.X), mm(it.Y), it.Size, it.FaceID, align, it.Text)
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString("outline\n")
	for _, o := range r.Outline {
		fmt.Fprintf(&b, "  %d %q -> %s\n", o.Level, o.Title, o.Bookmark)
	}
	b.WriteString("anchors\n")
	keys := make([]string, 0, len(r.Anchors))
	for k := range r.Anchors {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		a := r.Anchors[k]
		fmt.Fprintf(&b, "  %s page %d y %s number %d\n", k, a.Page+1, mm(a.Y), a.Number)
	}
	return b.String()
}

// mm formats a length rounded to 0.1 mm, without a negative zero.
func mm(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}
