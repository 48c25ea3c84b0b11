package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"slices"

	"github.com/xuri/excelize/v2"
)

// sortedZip packs a workbook's parts in a fixed order, [Content_Types].xml
// first and then by name: the spreadsheet library writes streamed sheets
// in the order of a map, and the same filing must give the same bytes.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
	edit  func(name string, data []byte) []byte // if set, changes a part's bytes before they are packed
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

// Create implements excelize.ZipWriter.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

// AddFS implements excelize.ZipWriter; the writer never adds files.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("workbook: AddFS is not supported") }

// Close writes the parts and ends the archive.
func (z *sortedZip) Close() error {
	names := slices.SortedFunc(maps.Keys(z.parts), func(a, b string) int {
		const first = "[Content_Types].xml"
		switch {
		case a == first:
			return -1
		case b == first:
			return 1
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	})
	zw := zip.NewWriter(z.w)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		data := z.parts[name].Bytes()
		if z.edit != nil {
			data = z.edit(name, data)
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}
