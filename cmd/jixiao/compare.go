package main

import (
	"cmp"
	"fmt"
	"io"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/safefile"
)

// Exit codes of jixiao diff, as diff(1) has them.
const (
	diffSame      = 0
	diffDifferent = 1
	diffTrouble   = 2 // a filing cannot be read, or a usage or I/O problem
)

// compare is jixiao diff OLD NEW: what changed from one version of a filing
// to the next, as text or as the change table (XLSX).
func (c *cli) compare(args []string) int {
	fs, dir := c.flags("diff")
	format := fs.String("format", "text", c.p.Sprintf("output format: text or xlsx (the change table)"))
	out := fs.String("o", "", c.p.Sprintf("output file (default: standard output; xlsx needs a file)"))
	files, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	if len(files) != 2 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name two filings: jixiao diff OLD.toml NEW.toml"))
		return diffTrouble
	}
	if *format != "text" && *format != "xlsx" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("unknown format %q: use text or xlsx", *format))
		return diffTrouble
	}
	if *format == "xlsx" && (*out == "" || *out == "-") {
		fmt.Fprintln(c.stderr, c.p.Sprintf("--format xlsx writes a workbook: name it with -o FILE.xlsx"))
		return diffTrouble
	}
	e, _ := c.engine() // a template with errors leaves its form unknown: plan values are numbered
	if *out != "" && *out != "-" {
		if o, _ := safefile.Clobbers([]string{*out}, c.inputs(e, files)); o != "" {
			fmt.Fprintln(c.stderr, c.p.Sprintf("the output %s is one of the inputs; name another file", *out))
			return diffTrouble
		}
	}
	var filings [2]*budget.Filing
	for i, path := range files {
		f, notes, err := e.LoadFile(path)
		c.report(notes) // the reasons, or warnings such as a GBK file read
		if err != nil {
			return diffTrouble
		}
		filings[i] = f
	}
	r := e.Compare(filings[0], filings[1])
	write := func(w io.Writer) error { return r.WriteText(w, c.lang) }
	if *format == "xlsx" {
		write = func(w io.Writer) error { return r.WriteXLSX(w, c.lang) }
	}
	var err error
	if *out == "" || *out == "-" {
		err = write(c.stdout)
	} else {
		err = safefile.Write(*out, write)
	}
	if err != nil {
		fmt.Fprintln(c.stderr, c.p.Sprintf("cannot write %s: %v", cmp.Or(*out, "-"), c.osError(err)))
		return diffTrouble
	}
	if r.Equal() {
		return diffSame
	}
	return diffDifferent
}
