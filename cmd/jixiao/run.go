package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

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

// cli holds what every subcommand shares.
type cli struct {
	stdout, stderr io.Writer
	lang           language.Tag
	p              *message.Printer
	templateDirs   []string
}

func run(args []string, stdout, stderr io.Writer, getenv env) int {
	c := &cli{stdout: stdout, stderr: stderr}
	c.setLang("", getenv)
	if len(args) == 0 {
		c.usage(stderr)
		return exitUsage
	}
	if d := getenv("JIXIAO_TEMPLATES"); d != "" {
		c.templateDirs = filepath.SplitList(d)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return c.build(rest, getenv)
	case "check":
		return c.check(rest, getenv)
	case "templates":
		return c.listTemplates(rest, getenv)
	case "new":
		return c.newFiling(rest, getenv)
	case "help", "-h", "--help", "-help":
		c.usage(stdout)
		return exitOK
	default:
		fmt.Fprintln(stderr, c.p.Sprintf("unknown command %q", cmd))
		c.usage(stderr)
		return exitUsage
	}
}

// setLang picks the message language: --lang, else LC_ALL, LC_MESSAGES or
// LANG (an English locale gives English), else Chinese.
func (c *cli) setLang(flagValue string, getenv env) {
	c.lang = language.SimplifiedChinese
	choice := flagValue
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if choice == "" {
			choice = getenv(v)
		}
	}
	if strings.HasPrefix(strings.ToLower(choice), "en") {
		c.lang = language.English
	}
	c.p = diag.Printer(c.lang)
}

// flags returns a flag set with the options every subcommand takes.
func (c *cli) flags(name string, getenv env) (*flag.FlagSet, *string, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	lang := fs.String("lang", "", c.p.Sprintf("message language: zh or en (default from LANG, else zh)"))
	dir := fs.String("templates", "", c.p.Sprintf("folder of extra form templates (also JIXIAO_TEMPLATES)"))
	fs.Usage = func() { c.usage(c.stderr) }
	return fs, lang, dir
}

// parse parses the flags and applies --lang and --templates.
func (c *cli) parse(fs *flag.FlagSet, args []string, lang, dir *string, getenv env) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	c.setLang(*lang, getenv)
	if *dir != "" {
		c.templateDirs = append(c.templateDirs, *dir)
	}
	return true
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
// prints every finding and returns nil when the filing has errors.
func (c *cli) loadChecked(path string, set *templates.Set) (*budget.Filing, *templates.Template, int) {
	f, notes := budget.Load(path)
	if f == nil {
		c.report(notes)
		if len(notes) > 0 && notes[0].Code == "F0" {
			return nil, nil, exitUsage
		}
		return nil, nil, exitData
	}
	name := f.Template
	if name == "" {
		name = "hebei"
	}
	t, ok := set.Get(name, f.Year)
	if !ok {
		p := f.Positions.Of("template")
		notes = append(notes, diag.Diagnostic{File: path, Line: p.Line, Col: p.Col, Severity: diag.Error,
			Code: "F6", Path: "template", Msg: "unknown template %q", Args: []any{name},
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

func (c *cli) check(args []string, getenv env) int {
	fs, lang, dir := c.flags("check", getenv)
	if !c.parse(fs, args, lang, dir, getenv) {
		return exitUsage
	}
	return c.forEach("check", fs.Args(), func(path string, set *templates.Set) int {
		_, rc := c.prepare(path, set)
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

func (c *cli) build(args []string, getenv env) int {
	fs, lang, dir := c.flags("build", getenv)
	outDir := fs.String("o", "", c.p.Sprintf("output folder (default: beside each input); - writes one file to standard output"))
	formats := fs.String("format", "pdf,docx", c.p.Sprintf("output formats, comma-separated: pdf, docx"))
	if !c.parse(fs, args, lang, dir, getenv) {
		return exitUsage
	}
	var exts []string
	for _, f := range strings.Split(*formats, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if _, ok := render.Formats[f]; !ok {
			fmt.Fprintln(c.stderr, c.p.Sprintf("unknown format %q: use pdf, docx or pdf,docx", f))
			return exitUsage
		}
		exts = append(exts, f)
	}
	if *outDir == "-" && (fs.NArg() != 1 || len(exts) != 1) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("-o - writes to standard output: name one filing and one format, e.g. --format pdf"))
		return exitUsage
	}
	if *outDir != "" && *outDir != "-" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("cannot create the output folder: %v", err))
			return exitUsage
		}
	}
	return c.forEach("build", fs.Args(), func(path string, set *templates.Set) int {
		return c.buildOne(path, *outDir, exts, set)
	})
}

// prepare reads, validates and lays out a filing, printing every finding;
// a character no font can draw is found here too.
func (c *cli) prepare(path string, set *templates.Set) (*render.Report, int) {
	f, t, rc := c.loadChecked(path, set)
	if f == nil {
		return nil, rc
	}
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

func (c *cli) buildOne(path, outDir string, exts []string, set *templates.Set) int {
	rep, rc := c.prepare(path, set)
	if rep == nil {
		return rc
	}
	if outDir == "-" {
		if err := render.Formats[exts[0]](rep, c.stdout); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", path, "-", err))
			return exitUsage
		}
		return exitOK
	}
	dir := outDir
	if dir == "" {
		dir = filepath.Dir(path)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for _, ext := range exts {
		out := filepath.Join(dir, base+"."+ext)
		write := render.Formats[ext]
		if err := safefile.Write(out, func(w io.Writer) error { return write(rep, w) }); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("%s: cannot write %s: %v", path, out, err))
			return exitUsage
		}
		fmt.Fprintln(c.stdout, out)
	}
	return exitOK
}

func (c *cli) listTemplates(args []string, getenv env) int {
	fs, lang, dir := c.flags("templates", getenv)
	if !c.parse(fs, args, lang, dir, getenv) {
		return exitUsage
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

func (c *cli) newFiling(args []string, getenv env) int {
	fs, lang, dir := c.flags("new", getenv)
	name := fs.String("template", "hebei", c.p.Sprintf("form template of the new filing"))
	year := fs.Int("year", time.Now().Year()+1, c.p.Sprintf("budget year"))
	if !c.parse(fs, args, lang, dir, getenv) {
		return exitUsage
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
