package docx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// Namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// TextError reports text that an XML 1.0 part cannot hold: a control
// character other than tab and newline, U+FFFE or U+FFFF, or invalid UTF-8.
// The validator normally rejects such text before it gets here.
type TextError struct {
	Pos  doc.Pos // where the text came from; zero for document metadata
	Text string  // the text that holds the character
	Rune rune    // the character; utf8.RuneError for invalid UTF-8
}

func (e *TextError) Error() string {
	if e.Rune == utf8.RuneError {
		return fmt.Sprintf("%sdocx: text %+q is not valid UTF-8", where(e.Pos), e.Text)
	}
	return fmt.Sprintf("%sdocx: text %+q contains U+%04X, which a DOCX file cannot hold", where(e.Pos), e.Text, e.Rune)
}

// where prefixes a message with a known source position.
func where(pos doc.Pos) string {
	if s := pos.String(); s != "" {
		return s + ": "
	}
	return ""
}

// xmlWriter builds one XML part. It escapes every text and attribute value;
// the first character that XML 1.0 cannot hold is kept in err as a
// *TextError naming pos, and the part is then useless.
type xmlWriter struct {
	buf bytes.Buffer
	err error
	pos doc.Pos // source of the text being written
	// out, when set, receives the part in pieces (flush): a large
	// document's XML is about 50 times its filing and need not be held
	// whole in memory.
	out  io.Writer
	werr error // of writing to out
}

// flushSize is how much XML a streamed part holds before flush passes it on.
const flushSize = 64 << 10

// flush passes the XML written so far to out, once there is enough of it.
func (x *xmlWriter) flush() {
	if x.out == nil || x.buf.Len() < flushSize || x.werr != nil {
		return
	}
	_, x.werr = x.out.Write(x.buf.Bytes())
	x.buf.Reset()
}

// finish passes the rest of a streamed part to out and returns the first
// text or write error.
func (x *xmlWriter) finish() error {
	if x.werr == nil {
		_, x.werr = x.out.Write(x.buf.Bytes())
	}
	x.buf.Reset()
	if x.err != nil {
		return x.err
	}
	return x.werr
}

func newXML() *xmlWriter {
	x := &xmlWriter{}
	x.buf.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	return x
}

// bytes returns the finished part, or the first text error.
func (x *xmlWriter) bytes() ([]byte, error) { return x.buf.Bytes(), x.err }

// start writes <name attrs…>; attrs alternate attribute names and values.
func (x *xmlWriter) start(name string, attrs ...string) {
	x.tag(name, attrs)
	x.buf.WriteByte('>')
}

// empty writes <name attrs…/>.
func (x *xmlWriter) empty(name string, attrs ...string) {
	x.tag(name, attrs)
	x.buf.WriteString("/>")
}

// end writes </name>.
func (x *xmlWriter) end(name string) {
	x.buf.WriteString("</")
	x.buf.WriteString(name)
	x.buf.WriteByte('>')
}

// element writes <name attrs…>text</name>.
func (x *xmlWriter) element(name, text string, attrs ...string) {
	x.start(name, attrs...)
	x.text(text)
	x.end(name)
}

// val writes the common <name w:val="v"/>.
func (x *xmlWriter) val(name, v string) { x.empty(name, "w:val", v) }

// ival writes <name w:val="n"/>.
func (x *xmlWriter) ival(name string, n int) { x.val(name, strconv.Itoa(n)) }

func (x *xmlWriter) tag(name string, attrs []string) {
	x.buf.WriteByte('<')
	x.buf.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.buf.WriteByte(' ')
		x.buf.WriteString(attrs[i])
		x.buf.WriteString(`="`)
		x.text(attrs[i+1])
		x.buf.WriteByte('"')
	}
}

// text writes s escaped for element content and attribute values alike.
func (x *xmlWriter) text(s string) {
	last := 0
	for i, r := range s {
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\t':
			esc = "&#x9;"
		case r == '\n':
			esc = "&#xA;"
		case r == '\r':
			esc = "&#xD;"
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			x.fail(s, r)
			return
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				x.fail(s, r)
				return
			}
			continue
		default:
			continue
		}
		x.buf.WriteString(s[last:i])
		x.buf.WriteString(esc)
		last = i + utf8.RuneLen(r)
	}
	x.buf.WriteString(s[last:])
}

func (x *xmlWriter) fail(s string, r rune) {
	if x.err == nil {
		x.err = &TextError{Pos: x.pos, Text: s, Rune: r}
	}
}
