package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// iccTags reads an ICC profile's tag table: signature → data.
func iccTags(t *testing.T, p []byte) map[string][]byte {
	t.Helper()
	if len(p) < 132 || int(binary.BigEndian.Uint32(p)) != len(p) {
		t.Fatalf("profile of %d bytes says it has %d", len(p), binary.BigEndian.Uint32(p))
	}
	n := int(binary.BigEndian.Uint32(p[128:]))
	tags := map[string][]byte{}
	for i := range n {
		e := p[132+12*i:]
		off, size := binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:])
		if off%4 != 0 || int(off+size) > len(p) {
			t.Fatalf("tag %s at %d, %d bytes: not aligned or past the end", e[:4], off, size)
		}
		tags[string(e[:4])] = p[off : off+size]
	}
	return tags
}

func s15(b []byte) float64 { return float64(int32(binary.BigEndian.Uint32(b))) / 65536 }

// 6.2.3 (ISO 19005-3) asks for a valid ICC profile. TestSRGBProfile reads
// ours back: an ICC 2.1 display profile of RGB data with an XYZ connection
// space and the D50 illuminant; the tags a matrix/TRC display profile must
// have (ICC.1:2001-04, 6.3.1.2) in their types; colorants that are the
// published D50-adapted sRGB primaries and add up to the white point; the
// tone curve that of IEC 61966-2-1.
func TestSRGBProfile(t *testing.T) {
	p := srgbProfile()
	if p[8] != 2 || p[9] != 0x10 || string(p[12:24]) != "mntrRGB XYZ " || string(p[36:40]) != "acsp" {
		t.Errorf("header: version %d.%x, class/space/PCS %q, signature %q", p[8], p[9], p[12:24], p[36:40])
	}
	if x, y, z := s15(p[68:]), s15(p[72:]), s15(p[76:]); x != 0.9642 && math.Abs(x-0.9642) > 1e-4 || y != 1 || math.Abs(z-0.8249) > 1e-4 {
		t.Errorf("illuminant %v %v %v, want D50", x, y, z)
	}
	tags := iccTags(t, p)
	types := map[string]string{"desc": "desc", "cprt": "text", "wtpt": "XYZ ", "rXYZ": "XYZ ", "gXYZ": "XYZ ", "bXYZ": "XYZ ",
		"rTRC": "curv", "gTRC": "curv", "bTRC": "curv"}
	for sig, typ := range types {
		if d := tags[sig]; len(d) < 12 || string(d[:4]) != typ {
			t.Errorf("tag %s missing or not of type %q", sig, typ)
		}
	}
	// The sRGB primaries adapted to the ICC's D50 with the Bradford
	// transform, to four decimals, as Little CMS's built-in sRGB has them
	// (tables computed for D50 = 0.96422, 1, 0.82521 differ in the last
	// place: 0.7142 for blue's Z).
	want := map[string][3]float64{"rXYZ": {0.4360, 0.2225, 0.0139}, "gXYZ": {0.3851, 0.7169, 0.0971}, "bXYZ": {0.1431, 0.0606, 0.7139}}
	var sum [3]float64
	for sig, w := range want {
		for i := range 3 {
			v := s15(tags[sig][8+4*i:])
			sum[i] += v
			if math.Abs(v-w[i]) > 1.5e-4 {
				t.Errorf("%s[%d] = %.5f, want %.4f", sig, i, v, w[i])
			}
		}
	}
	for i, w := range pcsWhite {
		if math.Abs(sum[i]-w) > 3.0/65536 {
			t.Errorf("colorants add up to %.5f at %d, want the white point %.4f", sum[i], i, w)
		}
	}
	curve := tags["rTRC"]
	n := int(binary.BigEndian.Uint32(curve[8:]))
	if n != srgbCurvePoints || len(curve) != 12+2*n {
		t.Fatalf("curve of %d points in %d bytes", n, len(curve))
	}
	at := func(i int) float64 { return float64(binary.BigEndian.Uint16(curve[12+2*i:])) / 65535 }
	// 50% signal is 21.4% light; the linear segment ends at 0.04045.
	if v := at(511); math.Abs(v-0.2140) > 0.001 || at(0) != 0 || at(n-1) != 1 {
		t.Errorf("curve: 0 → %v, 0.4995 → %v, 1 → %v", at(0), v, at(n-1))
	}
	if v := at(10); math.Abs(v-10.0/1023/12.92) > 1e-4 {
		t.Errorf("curve at 10/1023 = %v, want the linear segment's %v", v, 10.0/1023/12.92)
	}
	if !bytes.Equal(p, srgbProfile()) {
		t.Error("the profile changes between calls")
	}
}

// TestSRGBProfileLittleCMS: Little CMS (transicc) reads our profile, and
// converts colours to the same XYZ values as its own built-in sRGB
// profile, to within 0.05 (on a scale where white's Y is 100).
func TestSRGBProfileLittleCMS(t *testing.T) {
	if _, err := exec.LookPath("transicc"); err != nil {
		t.Skip("transicc is not installed (apt-get install liblcms2-utils): the profile is checked against Little CMS's sRGB")
	}
	file := filepath.Join(t.TempDir(), "srgb.icc")
	if err := os.WriteFile(file, srgbProfile(), 0o644); err != nil {
		t.Fatal(err)
	}
	colours := "255 0 0\n0 255 0\n0 0 255\n255 255 255\n128 128 128\n10 200 77\n3 3 3\n"
	convert := func(profile string) [][]float64 {
		cmd := exec.Command("transicc", "-i", profile, "-o", "*XYZ", "-n")
		cmd.Stdin = strings.NewReader(colours)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("transicc -i %s: %v\n%s", profile, err, out)
		}
		var rows [][]float64
		for _, line := range strings.Split(string(out), "\n") {
			var x, y, z float64
			if n, _ := fmt.Sscan(line, &x, &y, &z); n == 3 {
				rows = append(rows, []float64{x, y, z})
			}
		}
		return rows
	}
	ours, theirs := convert(file), convert("*sRGB")
	if len(ours) != 7 || len(theirs) != 7 {
		t.Fatalf("transicc gave %d and %d rows, want 7:\n%v\n%v", len(ours), len(theirs), ours, theirs)
	}
	for i := range ours {
		for j := range 3 {
			if math.Abs(ours[i][j]-theirs[i][j]) > 0.05 {
				t.Errorf("colour %d: ours %v, Little CMS's %v", i, ours[i], theirs[i])
				break
			}
		}
	}
}
