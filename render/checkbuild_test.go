package render

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
)

// palette is what generated texts are made of: the characters that
// officers paste and the ones that writers refuse (controls, noncharacters,
// separators), with text beyond the fonts and beyond the BMP.
var palette = []rune{
	'a', 'Z', '1', ' ', ',', '"', '\\', '<', '&', '%', '≥', '％', '，', '。', '“', '网', '信', '办', '𫖯', // ordinary: the first 19
	'\t', '\n', '\r', 0x01, 0x1F, 0x7F, 0x85, 0x2028, 0x2029, // controls and separators
	0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF, // noncharacters
	0xFFFD, 0xFEFF, 0x200B, 0x200D, 0x202E, 0xFE0F, 0x0301, 0xE000, 0xE0001, // invisible, private use, tags
	0x3D58, 0x20000, 0x1F600, 0x0E01, 0x05D0, // no font has them
}

const ordinary = 19

// stringValue finds the basic-string values of a TOML file, one a line.
var stringValue = regexp.MustCompile(`(?m)^(\s*[a-z_0-9]+ = )"([^"\\\n]*)"`)

// mutate puts generated text into one or two of the string values of src,
// written with TOML escapes, so that the file stays valid TOML.
func mutate(rng *rand.Rand, src string) string {
	n := len(stringValue.FindAllStringIndex(src, -1))
	pick := map[int]bool{rng.IntN(n): true, rng.IntN(n): true}
	i := -1
	return stringValue.ReplaceAllStringFunc(src, func(m string) string {
		if i++; !pick[i] {
			return m
		}
		sub := stringValue.FindStringSubmatch(m)
		var b strings.Builder
		b.WriteString(sub[2][:len(sub[2])*rng.IntN(2)])
		for range 1 + rng.IntN(3) {
			r := palette[rng.IntN(len(palette))]
			if rng.IntN(3) > 0 { // mostly a character that passes, to reach the writers
				r = palette[rng.IntN(ordinary)]
			}
			switch {
			case r >= 0x20 && r < 0x7F && r != '"' && r != '\\':
				b.WriteRune(r)
			case r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		}
		return sub[1] + `"` + b.String() + `"`
	})
}

// TestCheckPassImpliesBuild: for generated filings, a filing that jixiao
// check passes (no error from loading, validation or layout) is written by
// both writers. U+FFFF in short_name passed check; build then wrote the
// PDF and failed the DOCX with exit 2, no line and no hint.
func TestCheckPassImpliesBuild(t *testing.T) {
	e := engine(t)
	rng := rand.New(rand.NewPCG(12, 2026))
	passed := 0
	for _, path := range []string{samplePath, "../data/national/mzj-2024.toml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		n := 400
		if testing.Short() {
			n = 50
		}
		for i := range n {
			src := mutate(rng, string(data))
			f, _, err := e.Load("gen.toml", []byte(src))
			if err != nil {
				continue
			}
			// jixiao check runs the rules and lays the report out (a
			// character no font has is found there): Build does both.
			rep, _, err := e.Build(f)
			if errors.Is(err, ErrInvalid) {
				continue // check reports these
			} else if err != nil {
				t.Fatalf("%s #%d: check finds nothing, build fails without a finding: %v\n%s", path, i, err, src)
			}
			for _, format := range Formats() {
				if err := rep.Write(io.Discard, format); err != nil {
					t.Fatalf("%s #%d: check passes, the %s writer fails: %v\n%s", path, i, format, err, src)
				}
			}
			passed++
		}
	}
	t.Logf("%d generated filings passed check and were written", passed)
	if passed < 20 {
		t.Errorf("only %d generated filings passed check: the generator is too harsh to test anything", passed)
	}
}
