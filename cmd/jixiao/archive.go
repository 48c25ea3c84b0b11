package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// archiveCmd is jixiao archive -o DIR SRC…: build every filing named (or
// found in the folders named) and keep them in DIR/<year>/.
func (c *cli) archiveCmd(args []string) int {
	fs, dir := c.flags("archive")
	outDir := fs.String("o", "", c.p.Sprintf("archive folder: each year goes into DIR/<year>/"))
	paths, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	if *outDir == "" || len(paths) == 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name the archive folder and the filings: jixiao archive -o DIR FILE.toml|FOLDER..."))
		return exitUsage
	}
	files, code := c.filings(paths)
	if code != exitOK {
		return code
	}
	var sources []render.ArchiveSource
	for _, f := range files {
		data, notes, err := render.ReadFiling(f)
		if err != nil {
			c.report(notes)
			return exitCode(err)
		}
		sources = append(sources, render.ArchiveSource{Path: f, Data: data})
	}
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	years, err := e.Archive(*outDir, sources, toolVersion())
	if err != nil {
		return c.archiveError(err)
	}
	for _, y := range years {
		fmt.Fprintln(c.stdout, filepath.Join(y, render.ArchiveManifestName))
	}
	return exitOK
}

// archiveError prints why archiving failed and returns the exit code: 1
// for filings with errors or archived files that changed, 2 for the rest.
func (c *cli) archiveError(err error) int {
	code := exitUsage
	for _, e := range unjoin(err) {
		var (
			notes   diag.List
			build   *render.ArchiveBuildError
			changed *render.ArchiveChangedError
			clash   *render.ArchiveConflictError
			mf      *render.ArchiveManifestError
			font    *render.ArchiveFontError
		)
		errors.As(e, &build) // names the filing, when the error is one filing's
		switch {
		case errors.As(e, &notes):
			c.report(notes)
			code = exitData
		case errors.As(e, &font):
			fmt.Fprintln(c.stderr, build.Path+": "+c.p.Sprintf("archives use only the fonts inside jixiao; template %s draws with %s", font.Template, font.Face))
			code = exitData
		case build != nil:
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot render: %v", build.Path, build.Err))
			code = exitData
		case errors.As(e, &changed):
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: archived files changed since the manifest, so nothing was written: %s; run jixiao verify %s",
				changed.Year, strings.Join(changed.Files, ", "), changed.Year))
			code = exitData
		case errors.As(e, &clash):
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s and %s are the same department and year (%s); archive one of them", clash.Paths[0], clash.Paths[1], clash.Folder))
		case errors.As(e, &mf):
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: the manifest cannot be read (%v); the folder is left as it is", mf.Dir, mf.Err))
		default:
			fmt.Fprintln(c.stderr, c.p.Sprintf("cannot write the archive: %v", c.osError(e)))
		}
	}
	if code == exitData {
		fmt.Fprintln(c.stderr, c.p.Sprintf("nothing was archived: correct the filings above and run again"))
	}
	return code
}

// unjoin lists the errors errors.Join put together, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// version is set by the build (make build, make dist: the git
// description of the commit).
var version string

// toolVersion is this program's version as the manifest records it: the
// one the build set, else the module version of a released build, else
// the commit it was built from (marked -dirty when the tree had changes),
// else "devel".
func toolVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	revision, dirty := "devel", ""
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			revision = s.Value[:min(12, len(s.Value))]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "-dirty"
		}
	}
	return revision + dirty
}

// verify is jixiao verify [--rebuild] DIR/<year>…: compare each year's
// folder with its manifest, and with --rebuild each report with one built
// again from its archived source.
func (c *cli) verify(args []string) int {
	fs, dir := c.flags("verify")
	rebuild := fs.Bool("rebuild", false, c.p.Sprintf("also rebuild every PDF and DOCX from its archived source and compare the bytes"))
	years, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	if len(years) == 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name an archived year: jixiao verify DIR/2024"))
		return exitUsage
	}
	e, ok := c.engine()
	if !ok {
		return exitUsage
	}
	code = exitOK
	for _, year := range years {
		for _, y := range yearsIn(year) {
			code = max(code, c.verifyYear(e, y, *rebuild))
		}
	}
	return code
}

// yearsIn is the archived years under dir when dir is the archive itself
// (it has no manifest, and year folders that have one), else dir.
func yearsIn(dir string) []string {
	if _, err := os.Stat(filepath.Join(dir, render.ArchiveManifestName)); err == nil {
		return []string{dir}
	}
	found, _ := filepath.Glob(filepath.Join(dir, "[0-9][0-9][0-9][0-9]", render.ArchiveManifestName))
	if len(found) == 0 {
		return []string{dir}
	}
	for i, f := range found {
		found[i] = filepath.Dir(f)
	}
	return found
}

func (c *cli) verifyYear(e *render.Engine, year string, rebuild bool) int {
	m, problems, err := e.VerifyArchive(year, rebuild)
	if err != nil {
		var mf *render.ArchiveManifestError
		switch {
		case errors.As(err, &mf) && errors.Is(mf.Err, fs.ErrNotExist):
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s has no %s: name the folder of one archived year, e.g. DIR/2024", year, render.ArchiveManifestName))
		case errors.As(err, &mf):
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: the manifest cannot be read (%v); the folder is left as it is", mf.Dir, mf.Err))
		default:
			fmt.Fprintln(c.stderr, c.p.Sprintf("cannot read %s: %v", year, c.osError(err)))
		}
		return exitUsage
	}
	rebuilt := 0
	if rebuild {
		if v := toolVersion(); v != m.Tool {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s was archived by jixiao %s and is rebuilt by %s: a difference may come from the version", year, m.Tool, v))
		}
		rebuilt = 2 * len(m.Filings)
		for _, p := range problems {
			switch p.Kind {
			case render.ArchiveDifferent:
				rebuilt--
			case render.ArchiveNotRebuilt: // neither the PDF nor the DOCX
				rebuilt -= 2
			}
		}
	}
	for _, p := range problems {
		path := filepath.Join(year, filepath.FromSlash(p.Path))
		switch p.Kind {
		case render.ArchiveAdded:
			fmt.Fprintln(c.stdout, c.p.Sprintf("added: %s (not in the manifest)", path))
		case render.ArchiveMissing:
			fmt.Fprintln(c.stdout, c.p.Sprintf("missing: %s", path))
		case render.ArchiveChanged:
			fmt.Fprintln(c.stdout, c.p.Sprintf("changed: %s (manifest: %s bytes, SHA-256 %s; now: %s bytes, SHA-256 %s)",
				path, strconv.FormatInt(p.Want.Size, 10), p.Want.SHA256[:16], strconv.FormatInt(p.Got.Size, 10), p.Got.SHA256[:16]))
		case render.ArchiveDifferent:
			fmt.Fprintln(c.stdout, c.p.Sprintf("rebuilt differently: %s", path))
		case render.ArchiveNotRebuilt:
			fmt.Fprintln(c.stdout, c.p.Sprintf("cannot rebuild from %s: %v", path, p.Err))
		}
	}
	if len(problems) > 0 {
		fmt.Fprintln(c.stdout, c.p.Sprintf("%s: problems found: %s", year, strconv.Itoa(len(problems))))
		return exitData
	}
	if rebuild {
		fmt.Fprintln(c.stdout, c.p.Sprintf("%s: all %s files as archived; %s reports rebuilt to the same bytes", year, strconv.Itoa(len(m.Files)), strconv.Itoa(rebuilt)))
	} else {
		fmt.Fprintln(c.stdout, c.p.Sprintf("%s: all %s files as archived", year, strconv.Itoa(len(m.Files))))
	}
	return exitOK
}
