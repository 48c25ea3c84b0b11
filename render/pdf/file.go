package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"
)

// file assembles a PDF file in memory: numbered objects, compressed
// streams, the cross-reference table and the trailer. Objects may be
// written in any order once their numbers are allocated, so pages can point
// at pages not written yet.
type file struct {
	buf     bytes.Buffer
	offsets []int // byte offset of object n at offsets[n-1]; -1 until written
}

// compressor deflates stream data, reusing one zlib writer: a new writer
// costs hundreds of kilobytes of zeroed memory. Compressors are pooled, for
// programs that write many PDFs.
type compressor struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

var compressors = sync.Pool{New: func() any { return new(compressor) }}

// inParallel calls work(i, z) for every i from 0 to n-1 on as many
// goroutines as there are cores (at most n), each with a compressor of its
// own, and returns when all are done.
func inParallel(n int, work func(i int, z *compressor)) {
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			z := compressors.Get().(*compressor)
			defer compressors.Put(z)
			for i := range next {
				work(i, z)
			}
		})
	}
	wg.Wait()
}

// deflate returns data compressed; the result is valid until the next call.
func (c *compressor) deflate(data []byte) ([]byte, error) {
	c.buf.Reset()
	if c.zw == nil {
		var err error
		if c.zw, err = zlib.NewWriterLevel(&c.buf, zlib.BestSpeed); err != nil {
			return nil, err
		}
	} else {
		c.zw.Reset(&c.buf)
	}
	if _, err := c.zw.Write(data); err != nil {
		return nil, err
	}
	if err := c.zw.Close(); err != nil {
		return nil, err
	}
	return c.buf.Bytes(), nil
}

func newFile() *file {
	f := &file{}
	f.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// alloc reserves the next object number.
func (f *file) alloc() int {
	f.offsets = append(f.offsets, -1)
	return len(f.offsets)
}

// object writes object n with the given body (a dictionary, array, …).
func (f *file) object(n int, body string) {
	f.begin(n)
	f.buf.WriteString(body)
	f.buf.WriteString("\nendobj\n")
}

func (f *file) begin(n int) {
	f.offsets[n-1] = f.buf.Len()
	fmt.Fprintf(&f.buf, "%d 0 obj\n", n)
}

// stream writes object n as a Flate-compressed stream of data; dict holds
// the dictionary's entries other than /Length and /Filter.
func (f *file) stream(n int, dict string, data []byte) error {
	c := compressors.Get().(*compressor)
	defer compressors.Put(c)
	z, err := c.deflate(data)
	if err != nil {
		return err
	}
	f.deflated(n, dict, z)
	return nil
}

// deflated writes object n as a stream of data already compressed with
// Flate.
func (f *file) deflated(n int, dict string, z []byte) {
	f.begin(n)
	fmt.Fprintf(&f.buf, "<<%s /Filter /FlateDecode /Length %d>>\nstream\n", dict, len(z))
	f.buf.Write(z)
	f.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer. The file ID is
// a digest of the content, so equal documents get equal IDs and bytes.
func (f *file) finish(root, info int) ([]byte, error) {
	for i, off := range f.offsets {
		if off < 0 {
			return nil, fmt.Errorf("pdf: object %d was allocated but not written", i+1)
		}
	}
	id := md5.Sum(f.buf.Bytes())
	xref := f.buf.Len()
	fmt.Fprintf(&f.buf, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for _, off := range f.offsets {
		fmt.Fprintf(&f.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&f.buf, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, root, info, id, id, xref)
	return f.buf.Bytes(), nil
}

// ref formats a reference to object n.
func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// num formats a coordinate or size with at most two decimals (1/100 pt is
// far below what print or screen shows) and no trailing zeros.
func num(v float64) string { return string(appendNum(nil, v)) }

// appendNum appends v formatted as num does.
func appendNum(b []byte, v float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', 2, 64)
	for b[len(b)-1] == '0' { // stops at the point
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// text formats s as a PDF text string: UTF-16BE with a byte order mark, in
// hexadecimal, which needs no escaping and suits any script.
func text(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// date formats t as a PDF date, D:YYYYMMDDHHmmSS followed by the offset
// from UTC.
func date(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, offset := t.Zone()
	if offset == 0 {
		return "(" + s + "Z)"
	}
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	return fmt.Sprintf("(%s%c%02d'%02d')", s, sign, offset/3600, offset/60%60)
}

// name formats s as a PDF name, escaping what a name cannot hold as #xx.
func name(s string) string {
	var b bytes.Buffer
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F || bytes.IndexByte([]byte("#()<>[]{}/%"), c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
