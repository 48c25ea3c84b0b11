// Package batch builds many filings at once, on every core, with one
// render.Engine: a finance bureau rebuilds every department's filing after
// each budget round. Plan turns the files and folders a user names into
// jobs, each with its own output path (a folder's tree is mirrored under the
// output folder); Run builds them on a pool of workers, one bad filing not
// stopping the rest, and returns a Result per job in the order planned.
//
// The outputs do not depend on the number of workers: each filing is built
// alone, from its own bytes, by an Engine that is safe for concurrent use.
package batch

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/safefile"
)

// A Job is one filing to build.
type Job struct {
	Input string // the filing's path, as named or found
	// Out is its outputs' path without the extension: in the output
	// folder, or beside the filing when there is none.
	Out string
}

// Output returns the job's output path for format (a file extension).
func (j Job) Output(format string) string { return j.Out + render.Suffix(format) }

// CollisionError says that two filings would be written to the same
// output (the same name in the same folder; letter case is ignored, as it
// is on Windows and macOS).
type CollisionError struct {
	Out    string // the shared output path, without extension
	Inputs [2]string
}

func (e *CollisionError) Error() string {
	return fmt.Sprintf("%s and %s would both be written to %s", e.Inputs[0], e.Inputs[1], e.Out)
}

// FolderError says that a folder named could not be searched.
type FolderError struct {
	Path string
	Err  error
}

func (e *FolderError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *FolderError) Unwrap() error { return e.Err }

// Plan makes the jobs for inputs, which name filings and folders. A
// folder is searched, subfolders included, for files of the formats render
// reads (render.Extensions), leaving out hidden files and folders and the
// lock files Office leaves beside an open workbook (~$name.xlsx). With an
// output folder out, a filing named directly goes into it, and a filing
// found in folder D goes into out/<D's name>/<its path inside D>, so the
// tree is kept and two departments' report.toml do not meet; with out ""
// outputs go beside each filing. A file named directly is taken whatever
// its extension (render reads an unknown one as TOML).
//
// The jobs follow the inputs' order, a folder's filings in lexical order.
// Plan fails with a *CollisionError when two jobs share an output and a
// *FolderError when a folder cannot be searched; a missing file is left to
// the build, which reports it.
func Plan(inputs []string, out string) ([]Job, error) {
	var jobs []Job
	err := each(inputs, func(path, rel string) {
		jobs = append(jobs, Job{Input: path, Out: outPath(path, rel, out)})
	})
	if err != nil {
		return nil, err
	}
	seen := map[string]string{}
	for _, j := range jobs {
		key := strings.ToLower(filepath.Clean(j.Out))
		if first, ok := seen[key]; ok {
			return nil, &CollisionError{Out: j.Out, Inputs: [2]string{first, j.Input}}
		}
		seen[key] = j.Input
	}
	return jobs, nil
}

// Filings returns the filings inputs name, as Plan finds them: a file as
// named, a folder's filings in lexical order. It fails with a
// *FolderError when a folder cannot be searched; a missing file is left
// to the reader, which reports it.
func Filings(inputs []string) ([]string, error) {
	var files []string
	err := each(inputs, func(path, _ string) { files = append(files, path) })
	return files, err
}

// each calls fn with the path of every filing inputs name, and its path
// under an output folder: its base name for a file named, the folder's
// name joined with its path inside the folder for one found there.
func each(inputs []string, fn func(path, rel string)) error {
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil || !info.IsDir() {
			fn(in, filepath.Base(in))
			continue
		}
		found, err := search(in)
		if err != nil {
			return err
		}
		root := folderName(in)
		for _, rel := range found {
			fn(filepath.Join(in, rel), filepath.Join(root, rel))
		}
	}
	return nil
}

// outPath is the output path (without extension) of the filing at path:
// rel, its path under the output folder out, or beside it when out is "".
func outPath(path, rel, out string) string {
	if out == "" {
		rel, path = filepath.Base(path), filepath.Dir(path)
		out = path
	}
	return filepath.Join(out, strings.TrimSuffix(rel, filepath.Ext(rel)))
}

// folderName is the name a folder's tree takes under the output folder:
// its own name ("." and ".." named by where they lead).
func folderName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if name := filepath.Base(dir); name != string(filepath.Separator) && name != "." {
		return name
	}
	return "root"
}

// search lists the filings under dir, as paths relative to it, in lexical
// order.
func search(dir string) ([]string, error) {
	exts := render.Extensions()
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		hidden := path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$"))
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden || !slices.Contains(exts, strings.ToLower(filepath.Ext(name))) || render.IsReport(name) {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		found = append(found, rel)
		return nil
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, &FolderError{Path: pe.Path, Err: pe.Err}
		}
		return nil, &FolderError{Path: dir, Err: err}
	}
	return found, nil
}

// Options configure Run.
type Options struct {
	// Formats are the outputs of each filing, from render.Formats.
	Formats []string
	// Workers is how many filings are built at once; 0 means one per CPU.
	Workers int
	// Started, if set, is called as each job starts, and Done as each one
	// ends with its result and the number of jobs ended so far; the calls
	// are made one at a time, from the workers.
	Started func(Job)
	Done    func(r Result, ended int)
	// Grown, if set, is called by each worker after a filing is loaded and
	// again after it is laid out, when its memory has grown (the command
	// asks for huge pages for the new heap then).
	Grown func()
}

// Result is the outcome of one job.
type Result struct {
	Job
	Notes   diag.List // every finding, sorted by position
	Err     error     // nil when every output was written
	Written []string  // the outputs written, in the order of Options.Formats
	// FontNote says which faces drew the PDF (render.Report.FontNote),
	// when one was written and the Engine looked for installed faces.
	FontNote *diag.Text
}

// WriteError says that an output could not be written.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("cannot write %s: %v", e.Path, e.Err) }
func (e *WriteError) Unwrap() error { return e.Err }

// Run builds every job with e, opts.Workers at a time, and returns their
// results in the order of jobs. The error of a result is render's
// (ErrUnreadable, ErrInvalid, or why the form could not lay the filing
// out) or a *WriteError.
func Run(e *render.Engine, jobs []Job, opts Options) []Result {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(jobs))
	results := make([]Result, len(jobs))
	next := make(chan int)
	var mu sync.Mutex // serialises the callbacks
	ended := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				if opts.Started != nil {
					mu.Lock()
					opts.Started(jobs[i])
					mu.Unlock()
				}
				results[i] = build(e, jobs[i], opts)
				if opts.Done != nil {
					mu.Lock()
					ended++
					opts.Done(results[i], ended)
					mu.Unlock()
				}
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// build builds one job: load, check, lay out, write each format (with
// safefile: claimed together, each replaced only when complete). A panic
// (a bug) fails this job only, with the panic as its error.
func build(e *render.Engine, j Job, opts Options) (r Result) {
	r = Result{Job: j}
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Errorf("internal error: %v", p)
		}
	}()
	f, notes, err := e.LoadFile(j.Input)
	r.Notes = notes
	if err != nil {
		r.Err = err
		return r
	}
	grown := func() {
		if opts.Grown != nil {
			opts.Grown()
		}
	}
	grown()
	rep, more, err := e.Build(f)
	r.Notes = append(r.Notes, more...)
	r.Notes.Sort()
	if err != nil {
		r.Err = err
		return r
	}
	grown()
	if err := os.MkdirAll(filepath.Dir(j.Out), 0o755); err != nil {
		r.Err = &WriteError{Path: filepath.Dir(j.Out), Err: err}
		return r
	}
	outs := make([]string, len(opts.Formats))
	for i, format := range opts.Formats {
		outs[i] = j.Output(format)
	}
	files, err := safefile.Begin(outs...)
	if err != nil {
		r.Err = &WriteError{Path: outs[0], Err: err}
		return r
	}
	for i, format := range opts.Formats {
		files.Fill(i, func(w io.Writer) error { return rep.Write(w, format) })
		if note, ok := rep.FontNote(); ok && format == "pdf" {
			r.FontNote = &note
		}
	}
	errs := files.Commit()
	for i, format := range opts.Formats {
		if errs[i] != nil {
			if r.Err == nil {
				r.Err = &WriteError{Path: j.Output(format), Err: errs[i]}
			}
			continue
		}
		r.Written = append(r.Written, j.Output(format))
	}
	return r
}
