package archive

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Problem is one way an archived year differs from its manifest, or a
// report from its rebuild.
type Problem struct {
	Kind ProblemKind
	Path string // relative to the year's folder, with forward slashes
	// For Changed: the size and SHA-256 the manifest records and the
	// file's. For NotRebuilt: the error (Err) or nothing when the bytes
	// differ.
	Want, Got File
	Err       error
}

// ProblemKind is what Verify found.
type ProblemKind int

// The kinds of problem.
const (
	Added      ProblemKind = iota // a file the manifest does not list
	Missing                       // a file the manifest lists is not there
	Changed                       // a file's size or SHA-256 differs from the manifest
	Different                     // a rebuilt report's bytes differ from the archived one
	NotRebuilt                    // a report could not be rebuilt from its source
)

// Verify compares a year's folder with its manifest. A manifest that cannot
// be read is a *ManifestError; otherwise the problems are listed by path
// (none when the folder is as archived).
func Verify(yearDir string) (*Manifest, []Problem, error) {
	m, err := ReadManifest(yearDir)
	if err != nil {
		return nil, nil, err
	}
	listed := map[string]File{}
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	var problems []Problem
	present := map[string]bool{}
	err = filepath.WalkDir(yearDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(yearDir, p)
		rel = filepath.ToSlash(rel)
		if rel == ManifestName || osMetadata(d.Name()) {
			return nil
		}
		present[rel] = true
		want, ok := listed[rel]
		if !ok {
			problems = append(problems, Problem{Kind: Added, Path: rel})
			return nil
		}
		got, err := describeFile(p, rel)
		if err != nil {
			return err
		}
		if got != want {
			problems = append(problems, Problem{Kind: Changed, Path: rel, Want: want, Got: got})
		}
		return nil
	})
	if err != nil {
		return m, nil, err
	}
	for _, f := range m.Files {
		if !present[f.Path] {
			problems = append(problems, Problem{Kind: Missing, Path: f.Path, Want: f})
		}
	}
	slices.SortStableFunc(problems, func(a, b Problem) int {
		if a.Path != b.Path {
			return strings.Compare(a.Path, b.Path)
		}
		return int(a.Kind) - int(b.Kind)
	})
	return m, problems, nil
}

// osMetadata reports whether a file is one that a file manager writes into
// the folders it shows (thumbnails, folder settings): not part of the
// archive, and not worth an alarm when a clerk has browsed it.
func osMetadata(name string) bool {
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini", ".ds_store":
		return true
	}
	return false
}

// Rebuild builds each filing's report again from its archived source and
// compares the bytes with the archived PDF and DOCX. A source that is
// missing or changed is reported by Verify, and not rebuilt.
func Rebuild(yearDir string, m *Manifest, build Builder) []Problem {
	var problems []Problem
	for _, f := range m.Filings {
		src, err := os.ReadFile(filepath.Join(yearDir, filepath.FromSlash(f.Source)))
		if err != nil {
			continue // Verify reports it missing
		}
		b, err := build(filepath.Base(f.Source), src)
		if err != nil {
			problems = append(problems, Problem{Kind: NotRebuilt, Path: f.Source, Err: err})
			continue
		}
		for _, out := range []struct {
			path string
			data []byte
		}{{f.PDF, b.PDF}, {f.DOCX, b.DOCX}} {
			archived, err := os.ReadFile(filepath.Join(yearDir, filepath.FromSlash(out.path)))
			if err != nil {
				continue // Verify reports it missing
			}
			if !bytes.Equal(archived, out.data) {
				problems = append(problems, Problem{Kind: Different, Path: out.path,
					Want: describe(out.path, archived), Got: describe(out.path, out.data)})
			}
		}
	}
	return problems
}
