// Package archive keeps a year's filings for good and checks them later.
// An archive folder holds one folder per budget year, DIR/<year>/, with one
// folder per department, <单位编码>-<单位名称>/, holding the source filing
// byte for byte and the report built from it as PDF/A-3b and DOCX; and
// DIR/<year>/manifest.json, which lists every file with its size and
// SHA-256, the tool's version, and each filing's template, fonts and
// document date. A year is written in a temporary folder and renamed into
// place, so it is never half-written; archiving the same sources again
// gives the same bytes; archiving into an existing year adds or replaces
// departments. Verify reports files added, missing or changed since the
// manifest, and can rebuild every report from its archived source to
// confirm the bytes.
//
// The package does not build reports itself: the caller passes a Builder,
// the pipeline (render) set up for archiving.
package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render/safefile"
)

// Format names the manifest's layout; a later incompatible layout gets a
// new name.
const Format = "jixiao-archive/1"

// ManifestName is the manifest's file name in a year's folder.
const ManifestName = "manifest.json"

// Built is what the pipeline made of one source filing for the archive.
type Built struct {
	Year            int    // the budget year: the archive folder
	Code, Name      string // 单位编码 and 单位名称: the department's folder
	Template        string // the form template's name
	TemplateVersion string
	Fonts           []string // the font faces embedded in the PDF
	Date            string   // the documents' date, YYYY-MM-DD, from the filing
	PDF, DOCX       []byte   // the report: PDF/A-3b and DOCX
}

// Builder builds the report of a source filing (its file name and bytes)
// for the archive: with the embedded fonts only, and the date from the
// filing, so that any machine rebuilds the same bytes. A filing that
// cannot be built returns an error (for findings, a diag.List).
type Builder func(name string, src []byte) (*Built, error)

// Manifest is a year's manifest.json.
type Manifest struct {
	Format  string   `json:"format"`
	Year    int      `json:"year"`
	Tool    string   `json:"tool"` // the version of jixiao that wrote the manifest
	Filings []Filing `json:"filings"`
	Files   []File   `json:"files"`
}

// Filing is one department's entry in the manifest. Paths are relative to
// the year's folder, with forward slashes.
type Filing struct {
	Folder          string   `json:"folder"`
	Code            string   `json:"code"`
	Name            string   `json:"name"`
	Source          string   `json:"source"`
	PDF             string   `json:"pdf"`
	DOCX            string   `json:"docx"`
	Template        string   `json:"template"`
	TemplateVersion string   `json:"template_version"`
	Fonts           []string `json:"fonts"`
	Date            string   `json:"date"`
	Tool            string   `json:"tool"` // the version of jixiao that built it
}

// File is one archived file.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Source is a filing to archive: its file name (a path; its base name is
// kept) and its bytes.
type Source struct {
	Path string
	Data []byte
}

// BuildError is a source that could not be built.
type BuildError struct {
	Path string
	Err  error
}

func (e *BuildError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *BuildError) Unwrap() error { return e.Err }

// ConflictError is two sources of the same department and year.
type ConflictError struct {
	Folder string // <year>/<folder>
	Paths  [2]string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("archive: %s and %s are both %s", e.Paths[0], e.Paths[1], e.Folder)
}

// ChangedError is an archived department kept in a year being rewritten
// whose files no longer match the manifest: archiving refuses to write
// them into a new manifest as if they were sound.
type ChangedError struct {
	Year  string
	Files []string
}

func (e *ChangedError) Error() string {
	return fmt.Sprintf("archive: %s: files changed since the manifest: %s", e.Year, strings.Join(e.Files, ", "))
}

// ManifestError is a year folder whose manifest cannot be read.
type ManifestError struct {
	Dir string
	Err error
}

func (e *ManifestError) Error() string { return fmt.Sprintf("archive: %s: %v", e.Dir, e.Err) }
func (e *ManifestError) Unwrap() error { return e.Err }

// Archive builds every source and writes them into dir, one year folder
// per budget year; tool is the version of jixiao. Each report is written,
// as soon as it is built, into a hidden folder beside its year's (so that
// memory holds one report at a time); the years are put in place only
// when every source has been built: when one cannot be, Archive returns
// the BuildErrors (joined) and the archive is left as it was. It returns
// the year folders written.
func Archive(dir string, sources []Source, build Builder, tool string) (written []string, err error) {
	years := map[int]*stage{}
	defer func() {
		for _, st := range years {
			st.discard()
		}
	}()
	var errs []error
	for _, src := range sources {
		b, err := build(filepath.Base(src.Path), src.Data)
		if err == nil && (b.Year < 1 || b.Year > 9999) {
			err = errors.New("the filing has no budget year (key year)")
		}
		if err != nil {
			errs = append(errs, &BuildError{Path: src.Path, Err: err})
			continue
		}
		if len(errs) > 0 {
			continue // nothing will be written: only the errors are wanted now
		}
		st := years[b.Year]
		if st == nil {
			if st, err = newStage(filepath.Join(dir, strconv.Itoa(b.Year)), b.Year, tool); err != nil {
				return nil, err
			}
			years[b.Year] = st
		}
		if err := st.add(src, b); err != nil {
			return nil, err
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, year := range slices.Sorted(maps.Keys(years)) {
		if err := years[year].finish(); err != nil {
			return written, err
		}
		written = append(written, years[year].dir)
	}
	return written, nil
}

// stage is a year being written: a hidden folder beside the year's, into
// which the new departments go as they are built; finish adds the
// departments kept from the year as archived and the manifest, and puts
// the folder in the year's place.
type stage struct {
	dir     string        // the year's folder
	out     *safefile.Dir // the one being written
	m       Manifest
	sources map[string]string // folder → the source archived into it
}

func newStage(dir string, year int, tool string) (*stage, error) {
	out, err := safefile.BeginDir(dir)
	if err != nil {
		return nil, err
	}
	return &stage{dir: dir, out: out, m: Manifest{Format: Format, Year: year, Tool: tool}, sources: map[string]string{}}, nil
}

// discard removes the folder of a stage that was not finished.
func (st *stage) discard() { st.out.Abort() }

// add writes a department's source, PDF and DOCX.
func (st *stage) add(src Source, b *Built) error {
	folder := folderName(b.Code, b.Name)
	if prev, ok := st.sources[folder]; ok {
		return &ConflictError{Folder: strconv.Itoa(st.m.Year) + "/" + folder, Paths: [2]string{prev, src.Path}}
	}
	st.sources[folder] = src.Path
	base := filepath.Base(src.Path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	f := Filing{Folder: folder, Code: b.Code, Name: b.Name, Source: path.Join(folder, base),
		PDF: path.Join(folder, stem+".pdf"), DOCX: path.Join(folder, stem+".docx"),
		Template: b.Template, TemplateVersion: b.TemplateVersion, Fonts: b.Fonts, Date: b.Date, Tool: st.m.Tool}
	st.m.Filings = append(st.m.Filings, f)
	for _, file := range []struct {
		path string
		data []byte
	}{{f.Source, src.Data}, {f.PDF, b.PDF}, {f.DOCX, b.DOCX}} {
		if err := st.write(file.path, content{data: file.data}); err != nil {
			return err
		}
		st.m.Files = append(st.m.Files, describe(file.path, file.data))
	}
	return nil
}

// write writes one file of the year (p relative to it).
func (st *stage) write(p string, c content) error {
	target := filepath.Join(st.out.Temp(), filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	return c.write(target)
}

// finish adds the departments archived in the year before and not
// replaced, after checking their files against the old manifest, writes
// the manifest and puts the year in place.
func (st *stage) finish() error {
	old, err := existingManifest(st.dir)
	if err != nil {
		return err
	}
	if old != nil {
		var changed []string
		for _, f := range old.Filings {
			if _, replaced := st.sources[f.Folder]; replaced {
				continue
			}
			for _, af := range old.Files {
				if !strings.HasPrefix(af.Path, f.Folder+"/") {
					continue
				}
				from := filepath.Join(st.dir, filepath.FromSlash(af.Path))
				if now, err := describeFile(from, af.Path); err != nil || now != af {
					changed = append(changed, af.Path)
					continue
				}
				if err := st.write(af.Path, content{from: from}); err != nil {
					return err
				}
				st.m.Files = append(st.m.Files, af)
			}
			st.m.Filings = append(st.m.Filings, f)
		}
		if len(changed) > 0 {
			return &ChangedError{Year: st.dir, Files: changed}
		}
	}
	slices.SortFunc(st.m.Filings, func(a, b Filing) int { return strings.Compare(a.Folder, b.Folder) })
	slices.SortFunc(st.m.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	manifest, err := st.m.encode()
	if err != nil {
		return err
	}
	if err := st.write(ManifestName, content{data: manifest}); err != nil {
		return err
	}
	return st.out.Commit()
}

// folderName is a department's folder: 单位编码-单位名称, with the characters
// no file system takes in a name replaced by "_".
func folderName(code, name string) string {
	s := strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(code)+"-"+strings.TrimSpace(name))
	return strings.TrimRight(s, ". ") // Windows drops trailing dots and spaces
}

// content is a file of the year being written: bytes built by this run,
// or a file kept from the year as archived, which is linked into the new
// folder (copied where the file system cannot link), never read into
// memory whole: a year may hold hundreds of departments.
type content struct {
	data []byte
	from string // the archived file, for a kept one
}

// write writes the content to path.
func (c content) write(path string) error {
	if c.from == "" {
		return safefile.Write(path, func(w io.Writer) error { _, err := w.Write(c.data); return err })
	}
	if os.Link(c.from, path) == nil {
		return nil
	}
	return safefile.Write(path, func(w io.Writer) error {
		f, err := os.Open(c.from)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
}

// describe is a file's manifest entry.
func describe(p string, data []byte) File {
	sum := sha256.Sum256(data)
	return File{Path: p, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
}

// describeFile is the manifest entry, under the name p, of the file at
// path, read as a stream.
func describeFile(path, p string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return File{Path: p, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, err
}

// encode writes the manifest as indented JSON ending in a newline (the
// same manifest, the same bytes: fields in a fixed order, lists sorted).
func (m *Manifest) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(m)
	return b.Bytes(), err
}

// existingManifest reads the manifest of a year's folder that exists; nil
// when the folder does not exist or is empty. A folder with files but no
// readable manifest is not an archive's: it is left alone.
func existingManifest(yearDir string) (*Manifest, error) {
	entries, err := os.ReadDir(yearDir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil, nil
	}
	if err != nil {
		return nil, &ManifestError{Dir: yearDir, Err: err}
	}
	return ReadManifest(yearDir)
}

// ReadManifest reads and checks the manifest of a year's folder.
func ReadManifest(yearDir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(yearDir, ManifestName))
	if err != nil {
		return nil, &ManifestError{Dir: yearDir, Err: err}
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, &ManifestError{Dir: yearDir, Err: fmt.Errorf("%s is not a valid manifest: %w", ManifestName, err)}
	}
	if m.Format != Format {
		return nil, &ManifestError{Dir: yearDir, Err: fmt.Errorf("%s has format %q, not %q", ManifestName, m.Format, Format)}
	}
	for _, f := range m.Files {
		if !fs.ValidPath(f.Path) || f.Path == ManifestName {
			return nil, &ManifestError{Dir: yearDir, Err: fmt.Errorf("%s lists the path %q, outside the year's folder", ManifestName, f.Path)}
		}
	}
	return &m, nil
}
