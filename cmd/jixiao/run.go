package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/cmd/jixiao/internal/desktop"
	"github.com/jixiao-dev/jixiao/cmd/jixiao/internal/heap"
	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/batch"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/safefile"
)

// Exit codes.
const (
	exitOK    = 0
	exitData  = 1 // the filing (or a template) has errors
	exitUsage = 2 // bad arguments, unreadable files, failed writes
)

// env reads an environment variable (os.Getenv, or a map in tests).
type env func(string) string

// cli holds what every subcommand shares.
type cli struct {
	stdout, stderr io.Writer
	lang           language.Tag
	p              *diag.Printer
	templateDirs   []string
	getenv         env
	found          diag.List // every finding printed, for check's summary
	checking       bool      // the command is check
	updateFields   bool      // build --update-fields: Word updates the DOCX's fields on opening
	pdfa           bool      // build --pdfa: the PDF as PDF/A-3b
	// build's choices of faces and two-sided printing (none for the other
	// commands: a check embeds no face).
	fontDirs []string
	duplex   *bool
}

func run(args []string, stdout, stderr io.Writer, getenv env) int {
	c := &cli{stdout: stdout, stderr: stderr, getenv: getenv}
	// --lang is read before anything else, so that every message, those
	// about the other options included, is in the chosen language.
	if !c.setLang(langArg(args), getenv) {
		fmt.Fprintln(stderr, c.p.Sprintf("unknown language %q: use zh or en", langArg(args)))
		return exitUsage
	}
	if desktop.DoubleClicked(runtime.GOOS, args, desktop.ConsoleProcesses) {
		return c.doubleClicked()
	}
	if len(args) == 0 {
		c.usage(stderr)
		return exitUsage
	}
	if d := getenv("JIXIAO_TEMPLATES"); d != "" {
		c.templateDirs = filepath.SplitList(d)
	}
	cmd, rest := splitCommand(args)
	if cmd != "serve" { // the editor stops by itself (serve.go)
		safefile.ExitOnInterrupt(exitUsage, func(sig os.Signal, removed int) {
			fmt.Fprintln(stderr, c.p.Sprintf("stopped by %v: %d unfinished output files removed; files written before are unchanged", sig, removed))
		})
	}
	switch cmd {
	case "build":
		return c.build(rest)
	case "check":
		return c.check(rest)
	case "templates":
		return c.listTemplates(rest)
	case "new":
		return c.newFiling(rest)
	case "convert":
		return c.convert(rest)
	case "summary":
		return c.summarize(rest)
	case "serve":
		return c.serve(rest)
	case "diff":
		return c.compare(rest)
	case "archive":
		return c.archiveCmd(rest)
	case "verify":
		return c.verify(rest)
	case "help", "-h", "--help", "-help":
		c.usage(stdout)
		return exitOK
	case "":
		fmt.Fprintln(stderr, c.p.Sprintf("name a command: build, check, new, convert, summary, templates, serve or help"))
		return exitUsage
	default:
		fmt.Fprintln(stderr, c.p.Sprintf("unknown command %q", cmd))
		c.usage(stderr)
		return exitUsage
	}
}

var (
	commands  = []string{"build", "check", "templates", "new", "convert", "summary", "serve", "diff", "archive", "verify", "help"}
	helpFlags = []string{"-h", "--help", "-help"}
)

// splitCommand finds the command among args, so that options may come
// before it (jixiao --lang en check …, jixiao --lang en -h).
func splitCommand(args []string) (string, []string) {
	if !strings.HasPrefix(args[0], "-") || slices.Contains(helpFlags, args[0]) {
		return args[0], args[1:]
	}
	for i, a := range args {
		if slices.Contains(commands, a) || slices.Contains(helpFlags, a) {
			return a, append(slices.Clone(args[:i]), args[i+1:]...)
		}
	}
	return "", args
}

// langArg returns the value of a --lang option among args, or "".
func langArg(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// setLang picks the message language: --lang, else LC_ALL, LC_MESSAGES or
// LANG (an English locale gives English), else Chinese. It reports false
// for a --lang value that is neither Chinese nor English.
func (c *cli) setLang(flagValue string, getenv env) bool {
	c.lang = language.SimplifiedChinese
	choice := strings.ToLower(flagValue)
	if choice != "" && !strings.HasPrefix(choice, "zh") && !strings.HasPrefix(choice, "en") {
		c.p = diag.NewPrinter(c.lang)
		return false
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if choice == "" {
			choice = strings.ToLower(getenv(v))
		}
	}
	if strings.HasPrefix(choice, "en") {
		c.lang = language.English
	}
	c.p = diag.NewPrinter(c.lang)
	return true
}

// flags returns a flag set with the options every subcommand takes.
func (c *cli) flags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse prints its own, translated, messages
	fs.String("lang", "", c.p.Sprintf("message language: zh or en (default from LANG, else zh)"))
	dir := fs.String("templates", "", c.p.Sprintf("folder of extra form templates (also JIXIAO_TEMPLATES)"))
	return fs, dir
}

// parse parses options and arguments in any order and applies
// --templates. It returns the arguments, or ok false with the exit code
// when the run ends here (help asked, or a bad option).
func (c *cli) parse(fs *flag.FlagSet, args []string, dir *string) (rest []string, ok bool, code int) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.usage(c.stdout)
				c.options(fs)
				return nil, false, exitOK
			}
			fmt.Fprintln(c.stderr, c.flagError(err))
			fmt.Fprintln(c.stderr, c.p.Sprintf("run jixiao %s -h for its options", fs.Name()))
			return nil, false, exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *dir != "" {
		c.templateDirs = append(c.templateDirs, *dir)
	}
	return rest, true, exitOK
}

// The flag package's error messages, to be reworded in the user's language;
// compiled on first use, as only a bad command line needs them.
var (
	undefinedFlag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^flag provided but not defined: (\S+)$`) })
	badFlagValue  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^invalid value "(.*)" for flag (\S+):`) })
	flagNeedsArg  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^flag needs an argument: (\S+)$`) })
)

// flagError says what is wrong with an option in the user's language.
func (c *cli) flagError(err error) string {
	msg := err.Error()
	if m := undefinedFlag().FindStringSubmatch(msg); m != nil {
		return c.p.Sprintf("unknown option %s", m[1])
	}
	if m := badFlagValue().FindStringSubmatch(msg); m != nil {
		return c.p.Sprintf("option %s: invalid value %q", m[2], m[1])
	}
	if m := flagNeedsArg().FindStringSubmatch(msg); m != nil {
		return c.p.Sprintf("option %s needs a value", m[1])
	}
	return msg
}

// options lists a command's options with their (translated) descriptions.
func (c *cli) options(fs *flag.FlagSet) {
	fmt.Fprintln(c.stdout, c.p.Sprintf("options of jixiao %s:", fs.Name()))
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(c.stdout, "  -%-10s %s\n", f.Name, f.Usage)
	})
}

// parseNoArgs is parse for a command that takes options only.
func (c *cli) parseNoArgs(fs *flag.FlagSet, args []string, dir *string) (bool, int) {
	rest, ok, code := c.parse(fs, args, dir)
	if ok && len(rest) > 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("jixiao %s takes no arguments, got %q", fs.Name(), rest[0]))
		return false, exitUsage
	}
	return ok, code
}

// engine makes the pipeline with the built-in and user templates, printing
// any problem with the latter.
func (c *cli) engine() (*render.Engine, bool) {
	e, notes := render.New(render.Options{TemplateDirs: c.templateDirs, UpdateFields: c.updateFields, FontDirs: c.fontDirs, Duplex: c.duplex, PDFA: c.pdfa})
	c.report(notes)
	return e, !notes.HasErrors()
}

func (c *cli) report(notes diag.List) {
	c.found = append(c.found, notes...)
	if len(notes) > 0 {
		fmt.Fprint(c.stderr, notes.Format(c.lang))
	}
}

// exitCode maps an error of the pipeline to the exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, render.ErrUnreadable):
		return exitUsage
	}
	return exitData
}

// prepare reads, validates and lays out a filing, printing every finding
// (a character no font can draw is found here too).
func (c *cli) prepare(e *render.Engine, path string) (*render.Report, int) {
	if st, err := os.Stat(path); err == nil {
		tuneGC(int(render.InputSize(path, st.Size())))
	}
	f, notes, err := e.LoadFile(path)
	if err != nil {
		c.report(notes)
		return nil, exitCode(err)
	}
	heap.Advise()   // for the heap the filing has grown
	if c.checking { // only check reads the clock; a build's output never depends on it
		notes = append(notes, render.YearNearToday(f, time.Now())...)
	}
	rep, more, err := e.Build(f)
	notes = append(notes, more...)
	notes.Sort()
	c.report(notes)
	if err != nil {
		if !errors.Is(err, render.ErrInvalid) {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot render: %v", path, err))
		}
		return nil, exitCode(err)
	}
	return rep, exitOK
}

func (c *cli) check(args []string) int {
	c.checking = true
	fs, dir := c.flags("check")
	paths, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	files, code := c.filings(paths)
	if code != exitOK {
		return code
	}
	code = c.forEach("check", files, func(e *render.Engine, path string) int {
		_, rc := c.prepare(e, path)
		return rc
	})
	if code != exitUsage || len(c.found) > 0 {
		errs, warns := c.found.Count()
		s := diag.Summary(errs, warns)
		fmt.Fprintln(c.stderr, c.p.Sprintf(s.Key, s.Args...))
	}
	return code
}

// filings returns the filings paths name: the files as named and the
// filings found in the folders, as build finds them (batch.Filings). A
// folder that cannot be searched or holds no filing is a usage error.
func (c *cli) filings(paths []string) ([]string, int) {
	files, err := batch.Filings(paths)
	if err != nil {
		return nil, c.planError(err)
	}
	if len(files) == 0 && len(paths) > 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("no filings (%s) found in %s", strings.Join(render.Extensions(), " "), strings.Join(paths, ", ")))
		return nil, exitUsage
	}
	return files, exitOK
}

// forEach makes the pipeline and runs fn on every filing named, returning
// the worst exit code.
func (c *cli) forEach(cmd string, paths []string, fn func(e *render.Engine, path string) int) int {
	if len(paths) == 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name at least one filing: jixiao %s FILE.toml", cmd))
		return exitUsage
	}
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	code := exitOK
	for _, path := range paths {
		code = max(code, fn(e, path))
	}
	return code
}

func (c *cli) build(args []string) int {
	fs, dir := c.flags("build")
	outDir := fs.String("o", "", c.p.Sprintf("output folder (default: beside each input); - writes one file to standard output"))
	formats := fs.String("format", "pdf,docx", c.p.Sprintf("output formats, comma-separated: pdf, docx, xlsx"))
	fs.BoolVar(&c.updateFields, "update-fields", false, c.p.Sprintf("make Word update the DOCX's table of contents when it opens the file (it asks first)"))
	fs.BoolVar(&c.pdfa, "pdfa", false, c.p.Sprintf("write the PDF as PDF/A-3b, for archiving"))
	jobs := fs.Int("j", runtime.NumCPU(), c.p.Sprintf("filings built at once (default: the number of CPUs)"))
	fontMode := fs.String("fonts", "", c.p.Sprintf("PDF faces: auto (the office faces installed, else the embedded ones) or embedded (the same bytes on every machine; also JIXIAO_FONTS)"))
	fontDir := fs.String("font-dir", "", c.p.Sprintf("folder searched first for the office faces (仿宋_GB2312.ttf, simhei.ttf…)"))
	duplex := fs.Bool("duplex", false, c.p.Sprintf("two-sided printing: the body and each part start on a right-hand page (default: the template's)"))
	files, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "duplex" {
			c.duplex = duplex
		}
	})
	if rc := c.fontChoice(*fontMode, *fontDir); rc != exitOK {
		return rc
	}
	exts, err := render.ParseFormats(*formats)
	if fe := (*render.FormatError)(nil); errors.As(err, &fe) && fe.Name == "" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("--format names no format: use pdf, docx, xlsx or a list such as pdf,docx"))
		return exitUsage
	} else if err != nil {
		fmt.Fprintln(c.stderr, c.p.Sprintf("unknown format %q: use pdf, docx, xlsx or a list such as pdf,docx", fe.Name))
		return exitUsage
	}
	if !slices.Contains(exts, "pdf") {
		c.fontDirs = nil // only a PDF is drawn in the office faces
	}
	if s := c.getenv("SOURCE_DATE_EPOCH"); s != "" {
		if _, err := render.SourceDate(s); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("SOURCE_DATE_EPOCH=%s is not a time from 1980 to 9999 in seconds since 1970-01-01 UTC; unset it or correct it", s))
			return exitUsage
		}
	}
	if *jobs < 1 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("option %s: invalid value %q", "-j", strconv.Itoa(*jobs)))
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name at least one filing: jixiao %s FILE.toml", "build"))
		return exitUsage
	}
	if *outDir == "-" {
		if len(files) != 1 || len(exts) != 1 {
			fmt.Fprintln(c.stderr, c.p.Sprintf("-o - writes to standard output: name one filing and one format, e.g. --format pdf"))
			return exitUsage
		}
		return c.buildToStdout(files[0], exts[0])
	}
	planned, err := batch.Plan(files, *outDir)
	if err != nil {
		return c.planError(err)
	}
	var outs, ins []string
	for _, j := range planned {
		ins = append(ins, j.Input)
		for _, ext := range exts {
			outs = append(outs, j.Output(ext))
		}
	}
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	if out, in := safefile.Clobbers(outs, c.inputs(e, ins)); out != "" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("the output %s would replace the input %s; rename the input or write elsewhere with -o DIR", out, in))
		return exitUsage
	}
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("cannot create the output folder: %v", c.osError(err)))
			return exitUsage
		}
	}
	if len(planned) == 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("no filing found in %s (looked for %s files)", strings.Join(files, ", "), strings.Join(render.Extensions(), ", ")))
		return exitUsage
	}
	c.tuneGC(planned, *jobs)
	pr := c.newProgress(len(planned))
	results := batch.Run(e, planned, batch.Options{
		Formats: exts,
		Workers: *jobs,
		Grown:   heap.Advise,
		Started: pr.started,
		Done: func(r batch.Result, ended int) {
			pr.clear()
			c.printResult(r)
			pr.ended(r, ended)
		},
	})
	pr.clear()
	return c.summary(results)
}

// planError reports why the filings named cannot be planned.
func (c *cli) planError(err error) int {
	if ce, ok := errors.AsType[*batch.CollisionError](err); ok {
		fmt.Fprintln(c.stderr, c.p.Sprintf("two filings would both be written to %s; build them into different folders", ce.Out+".*"))
		fmt.Fprintf(c.stderr, "\t%s\n\t%s\n", ce.Inputs[0], ce.Inputs[1])
		return exitUsage
	}
	if fe, ok := errors.AsType[*batch.FolderError](err); ok {
		fmt.Fprintln(c.stderr, c.p.Sprintf("cannot search the folder %s: %v", fe.Path, c.osError(fe.Err)))
		return exitUsage
	}
	fmt.Fprintln(c.stderr, err)
	return exitUsage
}

// tuneGC sets the collector (see main.go) for the largest filings that
// may be built at once: the jobs largest.
func (c *cli) tuneGC(planned []batch.Job, jobs int) {
	var sizes []int64
	for _, j := range planned {
		if st, err := os.Stat(j.Input); err == nil {
			sizes = append(sizes, render.InputSize(j.Input, st.Size()))
		}
	}
	slices.Sort(sizes)
	var sum int64
	for _, n := range sizes[max(0, len(sizes)-jobs):] {
		sum += n
	}
	tuneGC(int(sum))
}

// buildToStdout builds one filing and writes one format to standard output.
func (c *cli) buildToStdout(path, format string) int {
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	rep, rc := c.prepare(e, path)
	if rep == nil {
		return rc
	}
	heap.Advise() // for the heap the layout has grown
	if note, ok := rep.FontNote(); ok && format == "pdf" {
		fmt.Fprintln(c.stderr, c.p.Text(note))
	}
	if err := rep.Write(c.stdout, format); err != nil {
		fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", path, "-", err))
		return exitUsage
	}
	return exitOK
}

// printResult prints a filing's findings and problems to standard error,
// and the files written to standard output.
func (c *cli) printResult(r batch.Result) {
	c.report(r.Notes)
	if r.FontNote != nil {
		fmt.Fprintln(c.stderr, c.p.Text(*r.FontNote))
	}
	if msg := c.failure(r); msg != "" && !errors.Is(r.Err, render.ErrInvalid) && !errors.Is(r.Err, render.ErrUnreadable) {
		fmt.Fprintln(c.stderr, msg)
	}
	for _, out := range r.Written {
		fmt.Fprintln(c.stdout, out)
	}
}

// failure says in one line why a filing was not built ("" if it was): the
// first error among its findings, or the error that stopped it.
func (c *cli) failure(r batch.Result) string {
	if r.Err == nil {
		return ""
	}
	if we, ok := errors.AsType[*batch.WriteError](r.Err); ok {
		return c.p.Sprintf("%s: cannot write %s: %v", r.Input, we.Path, c.osError(we.Err))
	}
	for _, d := range r.Notes {
		if d.Severity == diag.Error {
			first, _, _ := strings.Cut(diag.List{d}.Format(c.lang), "\n")
			return first
		}
	}
	return c.p.Sprintf("%s: cannot render: %v", r.Input, r.Err)
}

// summary ends a build of several filings with the count built and every
// failure with its first message, and returns the exit code: the worst
// of the filings'.
func (c *cli) summary(results []batch.Result) int {
	code := exitOK
	var failed []string
	for _, r := range results {
		if r.Err == nil {
			continue
		}
		failed = append(failed, c.failure(r))
		if _, ok := errors.AsType[*batch.WriteError](r.Err); ok {
			code = exitUsage
		} else {
			code = max(code, exitCode(r.Err))
		}
	}
	if len(results) > 1 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("%d filings: %d built, %d failed", len(results), len(results)-len(failed), len(failed)))
		for _, f := range failed {
			fmt.Fprintln(c.stderr, "  "+f)
		}
	}
	return code
}

// fontChoice sets the folders searched for the office faces: none with
// --fonts embedded (or JIXIAO_FONTS=embedded and no --font-dir, as the
// command line outranks the environment), else --font-dir and the
// system's font folders.
func (c *cli) fontChoice(mode, dir string) int {
	from := "--fonts"
	if mode == "" {
		mode, from = c.getenv("JIXIAO_FONTS"), "JIXIAO_FONTS"
		if dir != "" {
			mode = "auto"
		}
	}
	switch strings.ToLower(mode) {
	case "embedded":
		if dir != "" {
			fmt.Fprintln(c.stderr, c.p.Sprintf("--font-dir has no effect with --fonts embedded; drop one of them"))
			return exitUsage
		}
		c.fontDirs = nil
		return exitOK
	case "", "auto":
	default:
		fmt.Fprintln(c.stderr, c.p.Sprintf("%s: unknown value %q: use auto or embedded", from, mode))
		return exitUsage
	}
	var extra []string
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			fmt.Fprintln(c.stderr, c.p.Sprintf("--font-dir %s: not a folder", dir))
			return exitUsage
		}
		extra = []string{dir}
	}
	c.fontDirs = render.FontDirs(extra, c.getenv)
	return exitOK
}

func (c *cli) listTemplates(args []string) int {
	fs, dir := c.flags("templates")
	if ok, code := c.parseNoArgs(fs, args, dir); !ok {
		return code
	}
	e, ok := c.engine()
	for _, t := range e.Forms() {
		fmt.Fprintf(c.stdout, "%-20s %-10s %s\n", t.ID, t.Source, t.Description)
	}
	if !ok {
		return exitData
	}
	return exitOK
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprint(w, c.p.Sprintf(usageText))
}

func (c *cli) newFiling(args []string) int {
	fs, dir := c.flags("new")
	name := fs.String("template", render.DefaultForm, c.p.Sprintf("form template of the new filing"))
	year := fs.Int("year", time.Now().Year()+1, c.p.Sprintf("budget year"))
	format := fs.String("format", "", c.p.Sprintf("toml or xlsx (default: from the extension of -o, else toml)"))
	out := fs.String("o", "", c.p.Sprintf("the file to write (default: standard output, for toml only)"))
	force := fs.Bool("force", false, c.p.Sprintf("replace the output file if it exists"))
	if ok, code := c.parseNoArgs(fs, args, dir); !ok {
		return code
	}
	f, ok := c.filingFormat(*format, *out)
	if !ok {
		return exitUsage
	}
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	found := true
	code := c.writeOut(*out, f, *force, func(w io.Writer) error {
		var err error
		found, err = e.WriteStarter(w, *name, *year, f)
		if err == nil && !found {
			err = errNoForm
		}
		return err
	})
	if !found {
		fmt.Fprintln(c.stderr, c.p.Sprintf("unknown template %q", *name))
		return exitUsage
	}
	return code
}

// errNoForm ends a write for a form that does not exist, so that nothing
// is written.
var errNoForm = errors.New("no such form")

// filingFormat is the format a filing is written in: format if given,
// else the extension of the output file, else TOML. A workbook needs a
// file: it is not text for a terminal.
func (c *cli) filingFormat(format, out string) (string, bool) {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if out == "" || out == "-" {
			format = "toml"
		}
	}
	if !slices.Contains(render.FilingFormats(), format) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("unknown format %q: a filing is written as .toml or .xlsx", format))
		return "", false
	}
	if format == "xlsx" && (out == "" || out == "-") {
		fmt.Fprintln(c.stderr, c.p.Sprintf("a workbook is written to a file: add -o FILE.xlsx"))
		return "", false
	}
	return format, true
}

// writeOut writes a file made by write to out (standard output for "" or
// -), through a temporary file, so that a failed write leaves nothing
// behind; an existing file is replaced only with force.
func (c *cli) writeOut(out, format string, force bool, write func(io.Writer) error) int {
	if out == "" || out == "-" {
		if err := write(c.stdout); err != nil && !errors.Is(err, errNoForm) {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", "jixiao", "-", err))
			return exitUsage
		}
		return exitOK
	}
	if _, err := os.Stat(out); err == nil && !force {
		fmt.Fprintln(c.stderr, c.p.Sprintf("%s exists; it is not replaced (add --force to replace it)", out))
		return exitUsage
	}
	err := safefile.Write(out, write)
	switch {
	case errors.Is(err, errNoForm):
		return exitUsage
	case errors.Is(err, render.ErrInvalid): // the findings say why
		return exitData
	case err != nil:
		fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", "jixiao", out, c.osError(err)))
		return exitUsage
	}
	fmt.Fprintln(c.stdout, out)
	return exitOK
}

// convert writes a filing in another format: TOML to a data workbook or
// back, or last year's Word report to either, the formats given by the
// files' extensions.
func (c *cli) convert(args []string) int {
	fs, dir := c.flags("convert")
	out := fs.String("o", "", c.p.Sprintf("the file to write: FILE.toml or FILE.xlsx"))
	force := fs.Bool("force", false, c.p.Sprintf("replace the output file if it exists"))
	files, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	if len(files) != 1 || *out == "" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name one filing and the file to write: jixiao convert IN -o OUT (.toml or .xlsx)"))
		return exitUsage
	}
	in := files[0]
	format, ok := c.filingFormat("", *out)
	if !ok {
		return exitUsage
	}
	if clobbered, _ := safefile.Clobbers([]string{*out}, []string{in}); clobbered != "" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("the output %s is the input; name another file", *out))
		return exitUsage
	}
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	f, notes, err := e.LoadFile(in)
	c.report(notes)
	if err != nil {
		return exitCode(err)
	}
	var more diag.List
	code = c.writeOut(*out, format, *force, func(w io.Writer) error {
		var err error
		more, err = e.WriteFiling(w, f, format)
		return err
	})
	c.report(more)
	return code
}

// outputPath is where a filing's output in format ext goes: in outDir
// (beside the filing when outDir is ""), named after the filing.
func outputPath(path, outDir, ext string) string {
	dir := outDir
	if dir == "" {
		dir = filepath.Dir(path)
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+render.Suffix(ext))
}

// outputPaths lists the outputs of the filings in every format.
func outputPaths(files []string, outDir string, exts []string) []string {
	var outs []string
	for _, f := range files {
		for _, ext := range exts {
			outs = append(outs, outputPath(f, outDir, ext))
		}
	}
	return outs
}

// inputs are the files a run reads: the filings, and the user templates'
// files and the fonts they name.
func (c *cli) inputs(e *render.Engine, files []string) []string {
	return append(slices.Clone(files), e.TemplateFiles()...)
}

// osError says in the user's language why a file could not be written.
func (c *cli) osError(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return c.p.Sprintf("permission denied (is the file open in another program, or the folder read-only?)")
	case errors.Is(err, fs.ErrNotExist):
		return c.p.Sprintf("the folder does not exist")
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrExist), errors.Is(err, syscall.EISDIR):
		return c.p.Sprintf("a file or folder of that name is in the way")
	case errors.Is(err, syscall.ENOSPC):
		return c.p.Sprintf("the disk is full")
	case errors.As(err, new(*safefile.BusyError)):
		return c.p.Sprintf("another jixiao run is writing the same file now; wait for it to finish, then run again")
	}
	return err.Error()
}
