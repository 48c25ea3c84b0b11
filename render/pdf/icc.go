package pdf

import (
	"encoding/binary"
	"math"
	"sync"
)

// The sRGB colour space as published in IEC 61966-2-1: its primaries and
// white point (CIE 1931 xy chromaticities) and its transfer function. An
// ICC profile of it is made from these facts by srgbProfile, rather than
// copied from elsewhere, so the program carries no third-party file.
var (
	srgbPrimaries = [3][2]float64{{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}} // red, green, blue
	srgbWhite     = [2]float64{0.3127, 0.3290}                              // D65
)

// srgbLinear is sRGB's decoding function: a signal value 0…1 to linear
// light 0…1.
func srgbLinear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// pcsWhite is the ICC profile connection space's illuminant, D50, as the
// ICC specification fixes it (ICC.1:2001-04, 6.3.4.3).
var pcsWhite = [3]float64{0.9642, 1.0, 0.8249}

// bradford is the Bradford cone-response matrix that ICC profiles use to
// adapt colours from one white point to another (ICC.1:2010 Annex E).
var bradford = mat3{{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}

type mat3 [3][3]float64

func (m mat3) mul(n mat3) mat3 {
	var r mat3
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				r[i][j] += m[i][k] * n[k][j]
			}
		}
	}
	return r
}

func (m mat3) apply(v [3]float64) [3]float64 {
	var r [3]float64
	for i := range 3 {
		for k := range 3 {
			r[i] += m[i][k] * v[k]
		}
	}
	return r
}

func (m mat3) inverse() mat3 {
	det := m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
		m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
		m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
	var r mat3
	for i := range 3 {
		for j := range 3 {
			// The cofactor of m[j][i], over the determinant.
			a, b := (j+1)%3, (j+2)%3
			c, d := (i+1)%3, (i+2)%3
			r[i][j] = (m[a][c]*m[b][d] - m[a][d]*m[b][c]) / det
		}
	}
	return r
}

// xyz turns a chromaticity into tristimulus values with Y = 1.
func xyz(c [2]float64) [3]float64 { return [3]float64{c[0] / c[1], 1, (1 - c[0] - c[1]) / c[1]} }

// srgbToPCS is the matrix from linear sRGB to the profile connection space:
// the primaries scaled so that full red, green and blue add up to D65, then
// adapted to D50 with the Bradford transform. Its columns are the profile's
// red, green and blue colorants.
func srgbToPCS() (toPCS, adapt mat3) {
	var prim mat3 // the primaries' XYZ, one per column, each with Y = 1
	for j, p := range srgbPrimaries {
		v := xyz(p)
		for i := range 3 {
			prim[i][j] = v[i]
		}
	}
	s := prim.inverse().apply(xyz(srgbWhite))
	var toXYZ mat3
	for i := range 3 {
		for j := range 3 {
			toXYZ[i][j] = prim[i][j] * s[j]
		}
	}
	src, dst := bradford.apply(xyz(srgbWhite)), bradford.apply(pcsWhite)
	var scale mat3
	for i := range 3 {
		scale[i][i] = dst[i] / src[i]
	}
	adapt = bradford.inverse().mul(scale).mul(bradford)
	return adapt.mul(toXYZ), adapt
}

// srgbCurvePoints is the number of entries of the profile's tone curve:
// enough that linear interpolation between them stays within a 16-bit
// step of the true curve.
const srgbCurvePoints = 1024

// srgbProfile returns an ICC version 2.1 display profile of sRGB: a matrix
// and tone-curve profile (ICC.1:2001-04, 6.3.1.2) whose required tags are
// the description, copyright, media white point, the three colorants and
// the three tone curves, plus the chromatic adaptation matrix that later
// readers use. It is built once; the bytes never change.
var srgbProfile = sync.OnceValue(func() []byte {
	toPCS, adapt := srgbToPCS()
	column := func(j int) [3]float64 { return [3]float64{toPCS[0][j], toPCS[1][j], toPCS[2][j]} }

	curve := make([]byte, 12, 12+2*srgbCurvePoints)
	copy(curve, "curv")
	binary.BigEndian.PutUint32(curve[8:], srgbCurvePoints)
	for i := range srgbCurvePoints {
		v := srgbLinear(float64(i) / (srgbCurvePoints - 1))
		curve = binary.BigEndian.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	var chad []float64
	for _, row := range adapt {
		chad = append(chad, row[:]...)
	}

	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{
		{"desc", iccDescription("sRGB IEC61966-2.1")},
		{"cprt", iccText("No copyright, use freely (made by jixiao from IEC 61966-2-1)")},
		{"wtpt", iccXYZ(pcsWhite)},
		{"rXYZ", iccXYZ(column(0))},
		{"gXYZ", iccXYZ(column(1))},
		{"bXYZ", iccXYZ(column(2))},
		{"rTRC", curve},
		{"gTRC", curve}, // the three tone curves are one, stored once
		{"bTRC", curve},
		{"chad", iccS15Fixed16("sf32", chad...)},
	}

	// The header; what it leaves zero is "none" or "unspecified" (CMM,
	// platform, flags, device, creator) or perceptual (rendering intent).
	header := make([]byte, 128)
	copy(header[8:], []byte{0x02, 0x10, 0x00, 0x00})               // version 2.1.0
	copy(header[12:], "mntrRGB XYZ ")                              // display device, RGB data, XYZ connection space
	putDate(header[24:], 2026, 1, 1)                               // fixed: the same bytes on every run
	copy(header[36:], "acsp")                                      // the file signature
	copy(header[68:], iccXYZ(pcsWhite)[8:])                        // the connection space's illuminant
	table := binary.BigEndian.AppendUint32(nil, uint32(len(tags))) // the tag table

	offset := len(header) + 4 + 12*len(tags)
	var data []byte
	placed := map[*byte]uint32{} // a tag's data written once, shared by equal tags
	for _, t := range tags {
		at, ok := placed[&t.data[0]]
		if !ok {
			at = uint32(offset + len(data))
			placed[&t.data[0]] = at
			data = append(data, t.data...)
			for len(data)%4 != 0 { // each tag's data starts on a 4-byte boundary
				data = append(data, 0)
			}
		}
		table = append(table, t.sig...)
		table = binary.BigEndian.AppendUint32(table, at)
		table = binary.BigEndian.AppendUint32(table, uint32(len(t.data)))
	}
	profile := append(append(header, table...), data...)
	binary.BigEndian.PutUint32(profile, uint32(len(profile)))
	return profile
})

// putDate writes an ICC dateTimeNumber (year, month, day, hour, minute,
// second as 16-bit numbers) for midnight of the given day.
func putDate(b []byte, year, month, day int) {
	for i, v := range []int{year, month, day, 0, 0, 0} {
		binary.BigEndian.PutUint16(b[2*i:], uint16(v))
	}
}

// iccS15Fixed16 is a tag of type sig holding signed 15.16 fixed-point
// numbers.
func iccS15Fixed16(sig string, vs ...float64) []byte {
	b := make([]byte, 8, 8+4*len(vs))
	copy(b, sig)
	for _, v := range vs {
		b = binary.BigEndian.AppendUint32(b, uint32(int32(math.Round(v*65536))))
	}
	return b
}

// iccXYZ is an XYZType tag of one colour.
func iccXYZ(v [3]float64) []byte { return iccS15Fixed16("XYZ ", v[:]...) }

// iccText is a textType tag: 7-bit ASCII ending in a NUL.
func iccText(s string) []byte {
	b := make([]byte, 8, 9+len(s))
	copy(b, "text")
	return append(append(b, s...), 0)
}

// iccDescription is a version 2 textDescriptionType tag holding s as ASCII,
// with empty Unicode and ScriptCode descriptions.
func iccDescription(s string) []byte {
	b := make([]byte, 8, 8+4+len(s)+1+8+3+67)
	copy(b, "desc")
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)+1))
	b = append(append(b, s...), 0)
	b = append(b, make([]byte, 4+4)...) // Unicode language code and count: none
	b = append(b, 0, 0, 0)              // ScriptCode code and count: none
	return append(b, make([]byte, 67)...)
}
