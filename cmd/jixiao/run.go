package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/text/language"

	"github.com/jixiao-dev/jixiao/cmd/jixiao/internal/heap"
	"github.com/jixiao-dev/jixiao/fonts"
	"github.com/jixiao-dev/jixiao/render"
	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/check"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/safefile"
	"github.com/jixiao-dev/jixiao/templates"
)

// Exit codes.
const (
	exitOK    = 0
	exitData  = 1 // the filing (or a template) has errors
	exitUsage = 2 // bad arguments, unreadable files, failed writes
)

// env reads an environment variable (os.Getenv, or a map in tests).
type env func(string) string

// defaultTemplate is the form of a filing that names none.
const defaultTemplate = "hebei"

// cli holds what every subcommand shares.
type cli struct {
	stdout, stderr io.Writer
	lang           language.Tag
	p              *diag.Printer
	templateDirs   []string
}

func run(args []string, stdout, stderr io.Writer, getenv env) int {
	c := &cli{stdout: stdout, stderr: stderr}
	// --lang is read before anything else, so that every message, those
	// about the other options included, is in the chosen language.
	if !c.setLang(langArg(args), getenv) {
		fmt.Fprintln(stderr, c.p.Sprintf("unknown language %q: use zh or en", langArg(args)))
		return exitUsage
	}
	if len(args) == 0 {
		c.usage(stderr)
		return exitUsage
	}
	if d := getenv("JIXIAO_TEMPLATES"); d != "" {
		c.templateDirs = filepath.SplitList(d)
	}
	cmd, rest := splitCommand(args)
	switch cmd {
	case "build":
		return c.build(rest)
	case "check":
		return c.check(rest)
	case "templates":
		return c.listTemplates(rest)
	case "new":
		return c.newFiling(rest)
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
		fmt.Fprintln(stderr, c.p.Sprintf("name a command: build, check, templates, new or help"))
		return exitUsage
	default:
		fmt.Fprintln(stderr, c.p.Sprintf("unknown command %q", cmd))
		c.usage(stderr)
		return exitUsage
	}
}

var (
	commands  = []string{"build", "check", "templates", "new", "diff", "archive", "verify", "help"}
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

// templateSet loads the built-in and user templates, printing any problem.
func (c *cli) templateSet() (*templates.Set, bool) {
	set, notes := templates.NewSet(c.templateDirs...)
	c.report(notes)
	return set, !notes.HasErrors()
}

func (c *cli) report(notes diag.List) {
	if len(notes) > 0 {
		fmt.Fprint(c.stderr, notes.Format(c.lang))
	}
}

// loadChecked reads a filing, finds its template and validates it. It
// prints every finding and returns nil when the filing has errors. With
// forPDF, the filing's glyphs are read from the embedded fonts ahead of
// time (see fonts.Prefetch); a check or a DOCX does not need them.
func (c *cli) loadChecked(path string, set *templates.Set, forPDF bool) (*budget.Filing, *templates.Template, int) {
	data, d := budget.ReadFile(path)
	if d != nil {
		c.report(diag.List{*d})
		if d.Code == "F0" { // unreadable, not a bad filing
			return nil, nil, exitUsage
		}
		return nil, nil, exitData
	}
	// The form's template compiles on another core while the filing is
	// decoded: each takes a few milliseconds, a good part of a run. Then
	// that core reads the glyphs a PDF will embed, while this one checks
	// and lays out the filing. (Both at once would have the glyphs delay
	// the template, which the filing waits for.)
	compiled := make(chan struct{})
	go func() {
		set.Prepare(cmp.Or(budget.TemplateKey(data), defaultTemplate))
		close(compiled)
		if forPDF {
			fonts.Prefetch(string(data))
		}
	}()
	f, notes := budget.Parse(path, data)
	<-compiled
	if f == nil {
		c.report(notes)
		return nil, nil, exitData
	}
	name := cmp.Or(f.Template, defaultTemplate)
	t, ok := set.Get(name, f.Year)
	if !ok {
		p := f.Positions.Of("template")
		notes = append(notes, diag.Diagnostic{File: path, Line: p.Line, Col: p.Col, Severity: diag.Error,
			Code: "F10", Path: "template", Msg: "unknown template %q", Args: []any{name},
			Hint: "run jixiao templates to list the forms, or add yours with --templates DIR"})
		c.report(notes)
		return nil, nil, exitData
	}
	notes = append(notes, check.Filing(f, t.Profile())...)
	notes.Sort()
	c.report(notes)
	if notes.HasErrors() {
		return nil, nil, exitData
	}
	return f, t, exitOK
}

func (c *cli) check(args []string) int {
	fs, dir := c.flags("check")
	files, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	return c.forEach("check", files, func(path string, set *templates.Set) int {
		_, rc := c.prepare(path, set, false)
		return rc
	})
}

// forEach loads the templates and runs fn on every filing named, returning
// the worst exit code.
func (c *cli) forEach(cmd string, paths []string, fn func(path string, set *templates.Set) int) int {
	if len(paths) == 0 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name at least one filing: jixiao %s FILE.toml", cmd))
		return exitUsage
	}
	set, ok := c.templateSet()
	if !ok {
		return exitData
	}
	code := exitOK
	for _, path := range paths {
		code = max(code, fn(path, set))
	}
	return code
}

func (c *cli) build(args []string) int {
	fs, dir := c.flags("build")
	outDir := fs.String("o", "", c.p.Sprintf("output folder (default: beside each input); - writes one file to standard output"))
	formats := fs.String("format", "pdf,docx", c.p.Sprintf("output formats, comma-separated: pdf, docx"))
	pdfa := fs.Bool("pdfa", false, c.p.Sprintf("write the PDF as PDF/A-3b, for archiving"))
	files, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	var exts []string
	for _, f := range strings.Split(*formats, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || slices.Contains(exts, f) {
			continue
		}
		if _, ok := render.Formats[f]; !ok {
			fmt.Fprintln(c.stderr, c.p.Sprintf("unknown format %q: use pdf, docx or pdf,docx", f))
			return exitUsage
		}
		exts = append(exts, f)
	}
	if *outDir == "-" && (len(files) != 1 || len(exts) != 1) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("-o - writes to standard output: name one filing and one format, e.g. --format pdf"))
		return exitUsage
	}
	if *outDir != "" && *outDir != "-" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("cannot create the output folder: %v", c.osError(err)))
			return exitUsage
		}
	}
	if dup := duplicateOutput(files, *outDir); dup != "" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("two filings would both be written to %s; build them into different folders", dup))
		return exitUsage
	}
	return c.forEach("build", files, func(path string, set *templates.Set) int {
		return c.buildOne(path, *outDir, exts, *pdfa, set)
	})
}

// prepare reads, validates and lays out a filing, printing every finding;
// a character no font can draw is found here too.
func (c *cli) prepare(path string, set *templates.Set, forPDF bool) (*render.Report, int) {
	f, t, rc := c.loadChecked(path, set, forPDF)
	if f == nil {
		return nil, rc
	}
	heap.Advise() // for the heap the filing has grown
	rep, err := render.Build(f, t)
	if err != nil {
		var notes diag.List
		if errors.As(err, &notes) {
			c.report(notes)
		} else {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot render: %v", path, err))
		}
		return nil, exitData
	}
	return rep, exitOK
}

func (c *cli) buildOne(path, outDir string, exts []string, pdfa bool, set *templates.Set) int {
	rep, rc := c.prepare(path, set, slices.Contains(exts, "pdf"))
	if rep == nil {
		return rc
	}
	heap.Advise() // for the heap the layout has grown
	writer := func(ext string) func(*render.Report, io.Writer) error {
		if ext == "pdf" && pdfa {
			return (*render.Report).WritePDFA
		}
		return render.Formats[ext]
	}
	if outDir == "-" {
		if err := writer(exts[0])(rep, c.stdout); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", path, "-", err))
			return exitUsage
		}
		return exitOK
	}
	// The formats are written side by side (the report is read-only by
	// now), and reported in the order asked for.
	outs, errs := make([]string, len(exts)), make([]error, len(exts))
	var wg sync.WaitGroup
	for i, ext := range exts {
		write := writer(ext)
		outs[i] = outputPath(path, outDir, ext)
		wg.Go(func() {
			errs[i] = safefile.Write(outs[i], func(w io.Writer) error { return write(rep, w) })
		})
	}
	wg.Wait()
	code := exitOK
	for i, out := range outs {
		if errs[i] != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", path, out, c.osError(errs[i])))
			code = exitUsage
			continue
		}
		fmt.Fprintln(c.stdout, out)
	}
	return code
}

func (c *cli) listTemplates(args []string) int {
	fs, dir := c.flags("templates")
	if ok, code := c.parseNoArgs(fs, args, dir); !ok {
		return code
	}
	set, ok := c.templateSet()
	for _, t := range set.All() {
		fmt.Fprintf(c.stdout, "%-20s %-10s %s\n", t.ID(), t.Source, t.Description)
	}
	if !ok {
		return exitData
	}
	return exitOK
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprint(w, c.p.Sprintf(diag.UsageText))
}

func (c *cli) newFiling(args []string) int {
	fs, dir := c.flags("new")
	name := fs.String("template", defaultTemplate, c.p.Sprintf("form template of the new filing"))
	year := fs.Int("year", time.Now().Year()+1, c.p.Sprintf("budget year"))
	if ok, code := c.parseNoArgs(fs, args, dir); !ok {
		return code
	}
	set, ok := c.templateSet()
	if !ok {
		return exitData
	}
	t, found := set.Get(*name, *year)
	if !found {
		fmt.Fprintln(c.stderr, c.p.Sprintf("unknown template %q", *name))
		return exitUsage
	}
	fmt.Fprint(c.stdout, t.Starter(*year))
	return exitOK
}

// outputPath is where a filing's output of extension ext goes: in outDir
// (beside the filing when outDir is ""), named after the filing.
func outputPath(path, outDir, ext string) string {
	dir := outDir
	if dir == "" {
		dir = filepath.Dir(path)
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+"."+ext)
}

// duplicateOutput returns an output path that two of the filings would
// share (same file name into the same folder), or "".
func duplicateOutput(files []string, outDir string) string {
	seen := map[string]bool{}
	for _, f := range files {
		out := outputPath(f, outDir, "*")
		if seen[out] {
			return out
		}
		seen[out] = true
	}
	return ""
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
	}
	return err.Error()
}
