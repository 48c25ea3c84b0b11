package budget

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jixiao-dev/jixiao/render/diag"
)

// decodeText turns the file's bytes into the TOML text.
//
//   - A UTF-8 byte-order mark is dropped.
//   - UTF-16 (a UTF-16 byte-order mark, or NUL bytes in most of one byte
//     position) is refused: converting it would hide that the file came from
//     the wrong "Save as" choice, and TOML requires UTF-8.
//   - Other NUL bytes are refused with their line.
//   - Text that is not UTF-8 but reads cleanly as GB18030 is converted, with
//     a warning. Windows Notepad (before 2019) and Excel save Chinese text as
//     GBK by default, and refusing such a file leaves the user with an error
//     about bytes they cannot see. GB18030 is a superset of GBK and GB2312, so
//     one decoder covers all three. The conversion is accepted only when
//     nothing decodes to U+FFFD or a control character, and only when the
//     invalid bytes are not outnumbered by valid UTF-8 characters (then the
//     file is UTF-8 with a damaged spot, and converting would garble it).
//   - Anything else that is not UTF-8 is refused, naming the line and column
//     of the first bad byte.
//   - Windows line ends (CR LF) become LF, so multi-line strings hold the
//     same text whichever editor saved the file.
func decodeText(name string, data []byte) (string, diag.List) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || looksUTF16(data) {
		return "", diag.List{at(name, diag.Error, "F8", 0, 0).Say(
			diag.T("the file is UTF-16; save it as UTF-8"),
			diag.T("in Notepad choose Save as and the encoding UTF-8; other editors name it in their save dialog"))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(string(data), i)
		return "", diag.List{at(name, diag.Error, "F8", line, col).Say(
			diag.T("the file contains a NUL byte"),
			diag.T("the file may be damaged or not a text file; open it in a text editor and save it again as UTF-8"))}
	}
	if utf8.Valid(data) {
		return normalizeNewlines(string(data)), nil
	}
	if src, ok := fromGB18030(data); ok {
		return normalizeNewlines(src), diag.List{at(name, diag.Warning, "F5", 0, 0).Say(
			diag.T("the file is not UTF-8; it was read as GB18030 (GBK)"),
			diag.T("check the Chinese text in the report, and save the file as UTF-8 (in Notepad: Save as, encoding UTF-8)"))}
	}
	bad := firstInvalid(data)
	line, col := lineCol(string(data), bad)
	return "", diag.List{at(name, diag.Error, "F8", line, col).Say(
		diag.T("the file is not valid UTF-8: byte %s cannot be read", fmt.Sprintf("0x%02X", data[bad])),
		diag.T("save the file as UTF-8 and check the text at this position"))}
}

// looksUTF16 reports whether NUL bytes, the high halves of ASCII characters
// in UTF-16, make up a tenth of the first few kilobytes and sit almost all
// at even or almost all at odd offsets.
func looksUTF16(data []byte) bool {
	sample := data[:min(len(data), 4096)]
	var at [2]int
	for i, b := range sample {
		if b == 0 {
			at[i%2]++
		}
	}
	nuls := at[0] + at[1]
	return nuls >= 4 && nuls*10 >= len(sample) && max(at[0], at[1])*10 >= nuls*9
}

// fromGB18030 decodes data as GB18030 if that is the likely encoding and it
// decodes cleanly.
func fromGB18030(data []byte) (string, bool) {
	invalid, multi := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			multi++
		}
		i += n
	}
	if invalid < multi {
		return "", false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	src := string(out)
	if strings.ContainsFunc(src, func(r rune) bool {
		return r == utf8.RuneError || isControl(r) && r != '\t' && r != '\n' && r != '\r'
	}) {
		return "", false
	}
	return src, true
}

// isControl reports C0 and C1 control characters and DEL.
func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// lineCol returns the 1-based line and column (in characters, counting each
// undecodable byte as one) of byte offset off.
func lineCol(src string, off int) (int, int) {
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return strings.Count(src[:off], "\n") + 1, utf8.RuneCountInString(src[start:off]) + 1
}

func normalizeNewlines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
