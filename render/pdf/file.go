package pdf

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc64"
	"io"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/klauspost/compress/flate"
)

// file writes a PDF file: numbered objects, compressed streams, the
// cross-reference table and the trailer. Objects may be written in any
// order once their numbers are allocated, so pages can point at pages not
// written yet. The bytes go through a buffer straight to their destination,
// so a report is never held in memory twice; Write prepares everything that
// can fail before the first object, and nothing reaches the destination
// before the buffer first fills.
type file struct {
	w       *bufio.Writer  // to the destination and the digests
	digests [2]hash.Hash64 // of every byte written, for the file ID
	n       int            // bytes written so far
	offsets []int          // byte offset of object n at offsets[n-1]; -1 until written
}

// inParallel calls work(i) for every i from 0 to n-1 on as many goroutines
// as there are cores (at most n), and returns when all are done.
func inParallel(n int, work func(i int)) {
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				work(i)
			}
		})
	}
	wg.Wait()
}

// deflate returns data compressed as a zlib stream (RFC 1950), the format
// of PDF's FlateDecode filter. The encoder is klauspost/compress's
// stateless one: it compresses as well as the standard library's fastest
// level, but keeps its tables on the stack instead of in a writer that
// costs hundreds of kilobytes of fresh memory, which in a short run is what
// the time goes on (see docs/performance.md).
func deflate(data []byte) []byte {
	// Fonts shrink to about four fifths; the buffer grows once if not.
	// (Made with make, as Grow would clear it first.)
	b := bytes.NewBuffer(make([]byte, 0, len(data)*7/8+64))
	b.Write([]byte{0x78, 0x01}) // deflate, 32 KiB window, fastest level
	// Writing to a bytes.Buffer cannot fail, so neither can StatelessDeflate.
	_ = flate.StatelessDeflate(b, data, true, nil)
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], adler32.Checksum(data))
	b.Write(sum[:])
	return b.Bytes()
}

func newFile(w io.Writer) *file {
	// Two 64-bit CRCs (ECMA and ISO polynomials) identify the file as well
	// as the MD5 the standard suggests, at several times its speed and
	// without the crypto packages' start-up: the ID is a name, not a seal.
	f := &file{digests: [2]hash.Hash64{crc64.New(crc64.MakeTable(crc64.ECMA)), crc64.New(crc64.MakeTable(crc64.ISO))}}
	f.w = bufio.NewWriterSize(io.MultiWriter(w, f.digests[0], f.digests[1]), 64<<10)
	f.write("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// write writes s, and printf a formatted string, counting the bytes; a
// write error is kept by f.w and returned by finish.
func (f *file) write(s string) {
	n, _ := f.w.WriteString(s)
	f.n += n
}

func (f *file) writeBytes(b []byte) {
	n, _ := f.w.Write(b)
	f.n += n
}

func (f *file) printf(format string, args ...any) {
	n, _ := fmt.Fprintf(f.w, format, args...)
	f.n += n
}

// alloc reserves the next object number.
func (f *file) alloc() int {
	f.offsets = append(f.offsets, -1)
	return len(f.offsets)
}

// object writes object n with the given body (a dictionary, array, …).
func (f *file) object(n int, body string) {
	f.begin(n)
	f.write(body)
	f.write("\nendobj\n")
}

func (f *file) begin(n int) {
	f.offsets[n-1] = f.n
	f.printf("%d 0 obj\n", n)
}

// stream writes object n as a Flate-compressed stream of data; dict holds
// the dictionary's entries other than /Length and /Filter.
func (f *file) stream(n int, dict string, data []byte) {
	f.deflated(n, dict, deflate(data))
}

// deflated writes object n as a stream of data already compressed with
// Flate.
func (f *file) deflated(n int, dict string, z []byte) {
	f.begin(n)
	f.printf("<<%s /Filter /FlateDecode /Length %d>>\nstream\n", dict, len(z))
	f.writeBytes(z)
	f.write("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer, and flushes
// the file. The file ID is a digest of the content, so equal documents get
// equal IDs and bytes.
func (f *file) finish(root, info int) error {
	for i, off := range f.offsets {
		if off < 0 {
			return fmt.Errorf("pdf: object %d was allocated but not written", i+1)
		}
	}
	if err := f.w.Flush(); err != nil { // the digests have seen everything
		return err
	}
	id := f.digests[1].Sum(f.digests[0].Sum(nil))
	xref := f.n
	f.printf("xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for _, off := range f.offsets {
		f.printf("%010d 00000 n \n", off)
	}
	f.printf("trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, root, info, id, id, xref)
	return f.w.Flush()
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
