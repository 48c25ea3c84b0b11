package fonts

// Flags of a simple glyph's points and of a composite glyph's components
// (OpenType glyf table).
const (
	pointOnCurve = 0x01
	pointXShort  = 0x02
	pointYShort  = 0x04
	pointRepeat  = 0x08
	pointXSame   = 0x10 // or, with pointXShort, positive
	pointYSame   = 0x20 // or, with pointYShort, positive

	compWords    = 0x0001 // the arguments are words, not bytes
	compXYValues = 0x0002 // the arguments are an offset, not point numbers
	compScale    = 0x0008
	compMore     = 0x0020
	compXYScale  = 0x0040
	compTwoByTwo = 0x0080
)

// maxCompositeDepth bounds composites made of composites when reading an
// outline.
const maxCompositeDepth = 8

// glyphOutline returns glyph g's outline in font units, y up: for each
// contour, a MoveTo, then lines and quadratic curves back to its start.
func (f *Face) glyphOutline(g, depth int) ([]Segment, error) {
	data, err := f.glyphData(g)
	if err != nil || len(data) == 0 {
		return nil, err
	}
	if n := i16(data); n >= 0 {
		return simpleOutline(data, n)
	}
	if depth == maxCompositeDepth {
		return nil, errorf(ErrFormat, "composite glyph %d nests too deep", g)
	}
	// componentRefs has checked that the records fit and name glyphs that
	// exist; each ref is the offset of a record's glyph number.
	refs, err := componentRefs(data, f.numGlyphs)
	if err != nil {
		return nil, errorf(ErrFormat, "composite glyph %d: %v", g, err)
	}
	var out []Segment
	for _, at := range refs {
		flags, comp, p := u16(data[at-2:]), int(u16(data[at:])), at+2
		if flags&compXYValues == 0 {
			return nil, errorf(ErrFormat, "composite glyph %d places a component by point numbers, which is not supported", g)
		}
		var dx, dy float64
		if flags&compWords != 0 {
			dx, dy = float64(i16(data[p:])), float64(i16(data[p+2:]))
			p += 4
		} else {
			dx, dy = float64(int8(data[p])), float64(int8(data[p+1]))
			p += 2
		}
		xx, xy, yx, yy := 1.0, 0.0, 0.0, 1.0 // the component's 2×2 transform
		f2dot14 := func(at int) float64 { return float64(i16(data[at:])) / (1 << 14) }
		switch {
		case flags&compScale != 0:
			xx = f2dot14(p)
			yy = xx
		case flags&compXYScale != 0:
			xx, yy = f2dot14(p), f2dot14(p+2)
		case flags&compTwoByTwo != 0:
			xx, xy, yx, yy = f2dot14(p), f2dot14(p+2), f2dot14(p+4), f2dot14(p+6)
		}
		segs, err := f.glyphOutline(comp, depth+1)
		if err != nil {
			return nil, err
		}
		for _, s := range segs {
			for j := range pointsPerOp[s.Op] {
				x, y := s.Pts[j].X, s.Pts[j].Y
				s.Pts[j] = Point{X: xx*x + yx*y + dx, Y: xy*x + yy*y + dy}
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// simpleOutline decodes a simple glyph of n contours. A contour's points
// are on the curve or off it; two off-curve points in a row have an
// implied on-curve point halfway between them.
func simpleOutline(data []byte, n int16) ([]Segment, error) {
	bad := func(what string) ([]Segment, error) {
		return nil, errorf(ErrFormat, "simple glyph: %s", what)
	}
	p := 10
	if p+2*int(n)+2 > len(data) {
		return bad("truncated contour ends")
	}
	ends := make([]int, n)
	for i := range ends {
		ends[i] = int(u16(data[p+2*i:]))
		if i > 0 && ends[i] <= ends[i-1] {
			return bad("contour ends out of order")
		}
	}
	p += 2 * int(n)
	p += 2 + int(u16(data[p:])) // the instructions
	count := 0
	if n > 0 {
		count = ends[n-1] + 1
	}
	// The flags, then the x and then the y coordinates, as deltas.
	flags := make([]byte, 0, count)
	for len(flags) < count {
		if p >= len(data) {
			return bad("truncated flags")
		}
		fl := data[p]
		p++
		repeat := 1
		if fl&pointRepeat != 0 {
			if p >= len(data) {
				return bad("truncated flags")
			}
			repeat += int(data[p])
			p++
		}
		for range min(repeat, count-len(flags)) {
			flags = append(flags, fl)
		}
	}
	// coords decodes one axis's deltas into the running values v.
	coords := func(short, same byte, v []float64) bool {
		at := 0
		for i, fl := range flags {
			switch {
			case fl&short != 0:
				if p >= len(data) {
					return false
				}
				if d := int(data[p]); fl&same != 0 {
					at += d
				} else {
					at -= d
				}
				p++
			case fl&same == 0:
				if p+2 > len(data) {
					return false
				}
				at += int(i16(data[p:]))
				p += 2
			}
			v[i] = float64(at)
		}
		return true
	}
	xs, ys := make([]float64, count), make([]float64, count)
	if !coords(pointXShort, pointXSame, xs) || !coords(pointYShort, pointYSame, ys) {
		return bad("truncated coordinates")
	}
	pts := make([]Point, count)
	for i := range pts {
		pts[i] = Point{xs[i], ys[i]}
	}

	var out []Segment
	start := 0
	for _, end := range ends {
		out = appendContour(out, pts[start:end+1], flags[start:end+1])
		start = end + 1
	}
	return out, nil
}

// appendContour appends a closed contour: a MoveTo its first on-curve
// point (or, if no point is on the curve, the point halfway between the
// first two), then lines and quadratic curves round to it again.
func appendContour(out []Segment, pts []Point, flags []byte) []Segment {
	n := len(pts)
	if n < 2 {
		return out // a lone point draws nothing
	}
	mid := func(a, b Point) Point { return Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2} }
	first := -1 // the first point on the curve
	for i, fl := range flags {
		if fl&pointOnCurve != 0 {
			first = i
			break
		}
	}
	// The points in order after the start, ending at the start itself when
	// it is a point of the contour.
	var start Point
	var walk []int
	if first >= 0 {
		start = pts[first]
		for k := 1; k <= n; k++ {
			walk = append(walk, (first+k)%n)
		}
	} else {
		start = mid(pts[0], pts[1])
		for k := 1; k <= n; k++ {
			walk = append(walk, k%n)
		}
	}
	out = append(out, Segment{Op: MoveTo, Pts: [3]Point{start}})
	var ctrl Point
	pending := false // ctrl is an off-curve point not yet used
	for _, i := range walk {
		q := pts[i]
		switch {
		case flags[i]&pointOnCurve != 0 && pending:
			out = append(out, Segment{Op: QuadTo, Pts: [3]Point{ctrl, q}})
			pending = false
		case flags[i]&pointOnCurve != 0:
			out = append(out, Segment{Op: LineTo, Pts: [3]Point{q}})
		case pending:
			out = append(out, Segment{Op: QuadTo, Pts: [3]Point{ctrl, mid(ctrl, q)}})
			ctrl = q
		default:
			ctrl, pending = q, true
		}
	}
	if pending { // every point off the curve: close on the start
		out = append(out, Segment{Op: QuadTo, Pts: [3]Point{ctrl, start}})
	}
	return out
}
