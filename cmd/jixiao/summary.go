package main

import (
	"fmt"
	"io"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
	"github.com/jixiao-dev/jixiao/render/safefile"
)

// summarize (jixiao summary) writes a finance bureau's 汇总 workbook of many filings. The
// workbook is written even when filings have errors (they are listed in
// it); the exit code then says so.
func (c *cli) summarize(args []string) int {
	fs, dir := c.flags("summary")
	out := fs.String("o", "", c.p.Sprintf("the workbook to write, e.g. 汇总.xlsx"))
	unit := fs.String("unit", string(budget.Yuan), c.p.Sprintf("money unit of the summary: 元 or 万元"))
	force := fs.Bool("force", false, c.p.Sprintf("replace the output file if it exists"))
	paths, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	switch {
	case len(paths) == 0 || *out == "":
		fmt.Fprintln(c.stderr, c.p.Sprintf("name the filings and the workbook to write: jixiao summary FILE|FOLDER… -o 汇总.xlsx"))
		return exitUsage
	case *out == "-":
		fmt.Fprintln(c.stderr, c.p.Sprintf("a workbook is written to a file: add -o FILE.xlsx"))
		return exitUsage
	case budget.MoneyUnit(*unit).Fen() == 0:
		fmt.Fprintln(c.stderr, c.p.Sprintf("option %s: invalid value %q", "--unit", *unit))
		return exitUsage
	}
	files, code := c.filings(paths)
	if code != exitOK {
		return code
	}
	e, ok := c.engine()
	if !ok {
		return exitData
	}
	if o, _ := safefile.Clobbers([]string{*out}, c.inputs(e, files)); o != "" {
		fmt.Fprintln(c.stderr, c.p.Sprintf("the output %s is one of the inputs; name another file", *out))
		return exitUsage
	}
	var notes diag.List
	if code := c.writeOut(*out, "xlsx", *force, func(w io.Writer) error {
		var err error
		notes, err = e.Summary(w, files, budget.MoneyUnit(*unit), c.lang)
		return err
	}); code != exitOK {
		return code
	}
	for _, d := range notes { // about the workbook itself; each filing's are in it
		if d.Code == "Z1" {
			c.report(diag.List{d})
		}
	}
	if notes.HasErrors() {
		fmt.Fprintln(c.stderr, c.p.Sprintf("some filings have errors: the workbook lists them in its 说明 column; run jixiao check on them"))
		return exitData
	}
	return exitOK
}
