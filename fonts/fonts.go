// Package fonts provides the TrueType fonts used to render reports: four
// embedded Chinese subset faces (Noto Serif SC Regular and Bold, Noto Sans SC
// Medium, LXGW WenKai Regular; see README.md and charset.txt for what they
// cover) and user-supplied .ttf/.ttc files.
//
// A Face gives the metrics needed for text layout (Has, Advance, Ascent,
// Descent), glyph outlines for drawing text as vector paths, and standalone
// TrueType fonts to embed in a PDF: through Subset, a small font of just the
// characters a document draws, or through Data, the whole font. Characters
// beyond the Basic Multilingual Plane are read from a format 12 character
// map, those within it from the format 4 map that every font must have.
// Parse and Load refuse fonts that cannot be used (PostScript outlines,
// variable fonts, a licence that forbids embedding) and fonts whose tables,
// character maps or glyphs are malformed, so that the subsetter, the outline
// reader and the PDF writer can rely on what they read and a Face's subsets
// are valid fonts. The embedded faces are checked by the package's tests
// instead, so that their first use reads only the few kilobytes of their
// tables that it needs.
//
// Faces are immutable once parsed and safe for concurrent use.
package fonts

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// Names of the embedded faces, for Embedded.
const (
	SerifRegular = "NotoSerifSC-Regular"
	SerifBold    = "NotoSerifSC-Bold"
	SansMedium   = "NotoSansSC-Medium"
	KaiRegular   = "JixiaoKai-Regular"
)

// Errors returned, wrapped in a *FileError, by Load, Parse and Embedded;
// test for them with errors.Is.
var (
	ErrFormat     = errors.New("fonts: not a valid TrueType font")
	ErrCFF        = errors.New("fonts: PostScript-outline (CFF) OpenType fonts are not supported; use a TrueType (.ttf) font")
	ErrFaceIndex  = errors.New("fonts: no face with that index in the font file")
	ErrVariable   = errors.New("fonts: variable fonts are not supported; use a static (single-instance) TrueType font")
	ErrNoCmap     = errors.New("fonts: the font has no Unicode character map for the Basic Multilingual Plane (cmap format 4, platform 3 encoding 1 or platform 0)")
	ErrRestricted = errors.New("fonts: the font's licence (OS/2 fsType) does not allow embedding it in documents")
	ErrUnknown    = errors.New("fonts: no embedded face of that name")
	ErrNoGlyph    = errors.New("fonts: the font has no glyph for the character")
)

// FileError is the error type of Load, Parse and Embedded: which font file
// was rejected and why.
type FileError struct {
	File   string // the path given to Load, or the name given to Parse or Embedded
	Err    error  // one of the Err… sentinel errors
	Detail string // specifics, such as the table at fault; may be empty
}

func (e *FileError) Error() string {
	s := "fonts: " + e.File + ": " + strings.TrimPrefix(e.Err.Error(), "fonts: ")
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Unwrap returns the sentinel error, for errors.Is.
func (e *FileError) Unwrap() error { return e.Err }

var (
	//go:embed NotoSerifSC-Regular.ttf
	serifRegularTTF []byte
	//go:embed NotoSerifSC-Bold.ttf
	serifBoldTTF []byte
	//go:embed NotoSansSC-Medium.ttf
	sansMediumTTF []byte
	//go:embed JixiaoKai-Regular.ttf
	kaiRegularTTF []byte
)

// embeddedFace parses one embedded file the first time it is asked for.
type embeddedFace struct {
	data []byte
	once sync.Once
	face *Face
	err  error
}

var embedded = map[string]*embeddedFace{
	SerifRegular: {data: serifRegularTTF},
	SerifBold:    {data: serifBoldTTF},
	SansMedium:   {data: sansMediumTTF},
	KaiRegular:   {data: kaiRegularTTF},
}

// Embedded returns the embedded face of the given name (SerifRegular,
// SerifBold, SansMedium or KaiRegular). Each face is parsed once per process,
// on first use; later calls return the same *Face.
func Embedded(name string) (*Face, error) {
	e, ok := embedded[name]
	if !ok {
		return nil, &FileError{File: name, Err: ErrUnknown, Detail: "known: " + strings.Join(EmbeddedNames(), ", ")}
	}
	e.once.Do(func() { e.face, e.err = parseEmbedded(name, e.data) })
	return e.face, e.err
}

// parseEmbedded parses an embedded font without the whole-font check of its
// glyphs that Parse makes, which would read all of its 3-4 MB: the tests check
// the embedded fonts as Parse does (TestEmbeddedValid), and Subset checks
// each glyph it copies.
func parseEmbedded(name string, data []byte) (*Face, error) {
	return parse(name, data, 0, false)
}

// EmbeddedFile returns the TrueType file of an embedded face, as it is
// embedded (a subset of the original font, see README.md), or nil for an
// unknown name.
func EmbeddedFile(name string) []byte {
	if e, ok := embedded[name]; ok {
		return e.data
	}
	return nil
}

// EmbeddedNames returns the names of the embedded faces.
func EmbeddedNames() []string {
	return []string{SerifRegular, SerifBold, SansMedium, KaiRegular}
}

// MaxFileSize is the largest font file Load reads: above the largest CJK
// collections a user may have (SimSun's simsun.ttc is 18 MB, Noto's CJK
// collections about 20–30 MB each).
const MaxFileSize = 64 << 20

// Load reads and parses a TrueType font file: a .ttf, or a .ttc collection
// of which face number index (from 0) is taken. For a .ttf, index must be 0.
func Load(path string, index int) (*Face, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	key := loadKey{path, index, st.Size(), st.ModTime()}
	if f, ok := loadedFiles.Load(key); ok {
		return f.(*Face), nil
	}
	data, err := readFont(path)
	if err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	f, err := Parse(path, data, index)
	if err == nil {
		loadedFiles.Store(key, f)
	}
	return f, err
}

// loadedFiles keeps the faces Load has parsed, so that a user font named by
// a template is read and checked once per process, not again when the PDF
// is drawn. A file that changes on disk is read anew.
var loadedFiles sync.Map // loadKey → *Face

type loadKey struct {
	path  string
	index int
	size  int64
	mod   time.Time
}

// Parse parses TrueType font data, a single font or face number index of a
// collection; name identifies the data in errors and is the face's name if
// the font names none. The face keeps a reference to data, which must not be
// modified afterwards.
func Parse(name string, data []byte, index int) (*Face, error) {
	return parse(name, data, index, true)
}

// parse is Parse, with the check of every glyph only if full is set.
func parse(name string, data []byte, index int, full bool) (*Face, error) {
	f, err := parseFace(data, index, full)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.File = name
		}
		return nil, err
	}
	if f.name == "" {
		f.name = name
	}
	return f, nil
}
