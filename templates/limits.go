package templates

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
	tparse "text/template/parse"
	"unicode/utf8"
)

// A template comes from the user, and its expressions are a small program
// (text/template), which could loop for ever or print without end:
// {{range 200000000}} took 32 s, and templates calling templates that call
// each twice grew past 2.5 GB. So an expression may neither define nor call
// templates (no {{define}}, {{block}}, {{template}}: the doubling), and one
// binding of a filing has a budget of work: every pass of a {{range}} and
// every function call is a step, and every byte an expression or a function
// produces counts against a byte budget proportional to the filing. A
// binding over budget stops with a template error naming the expression.
const (
	baseSteps = 100_000 // steps of a binding, plus stepsPerByte × the filing's size
	baseBytes = 4 << 20 // bytes of a binding, plus bytesPerByte × the filing's size
	// A form prints each field of the filing about once: the built-in ones
	// print 1 to 2 bytes per byte of the filing and take a step per 5 to 40
	// bytes (measured: the sample, 1,000 projects, 5,000 tiny projects).
	stepsPerByte = 4
	bytesPerByte = 16
	// maxFormatWidth bounds a width or precision in printf's verbs, so that
	// one call cannot ask for gigabytes of padding.
	maxFormatWidth = 1000
)

// errBudget is the error of a binding over its budget.
var errBudget = errors.New("budget exceeded")

// work is the budget of one binding.
type work struct {
	steps, bytes       int64 // left
	maxSteps, maxBytes int64
}

func newWork(filingSize int) *work {
	w := &work{maxSteps: baseSteps + stepsPerByte*int64(filingSize), maxBytes: baseBytes + bytesPerByte*int64(filingSize)}
	w.steps, w.bytes = w.maxSteps, w.maxBytes
	return w
}

// step spends one step; spend spends n bytes and a step.
func (w *work) step() error { return w.spend(0) }

func (w *work) spend(n int) error {
	if w == nil {
		return nil
	}
	w.steps--
	w.bytes -= int64(n)
	if w.steps < 0 || w.bytes < 0 {
		return errBudget
	}
	return nil
}

// Write charges what an expression prints; the binding stops when the
// budget is gone.
type budgetWriter struct {
	w   *work
	out *strings.Builder
}

func (b budgetWriter) Write(p []byte) (int, error) {
	if err := b.w.spend(len(p)); err != nil {
		return 0, err
	}
	return b.out.Write(p)
}

// stepFunc is the function called at the start of every pass of a range.
const stepFunc = "jixiaoStep"

// metered wraps the functions an expression may call, the built-in ones
// that make text included, so that each call spends a step and the bytes
// it returns. budget returns the binding's budget at call time.
func metered(fns template.FuncMap, budget func() *work) template.FuncMap {
	out := template.FuncMap{stepFunc: func() (string, error) { return "", budget().step() }}
	text := func(f func(...any) string) func(...any) (string, error) {
		return func(args ...any) (string, error) {
			if err := budget().step(); err != nil {
				return "", err
			}
			s := f(args...)
			return s, budget().spend(len(s))
		}
	}
	out["print"] = text(fmt.Sprint)
	out["println"] = text(fmt.Sprintln)
	out["html"] = text(template.HTMLEscaper)
	out["js"] = text(template.JSEscaper)
	out["urlquery"] = text(template.URLQueryEscaper)
	out["printf"] = func(format string, args ...any) (string, error) {
		if err := checkFormat(format); err != nil {
			return "", err
		}
		return text(func(a ...any) string { return fmt.Sprintf(format, a...) })(args...)
	}
	for name, fn := range fns {
		out[name] = fn
	}
	return out
}

// checkFormat refuses, as over budget, printf formats whose width or
// precision is over maxFormatWidth or given as * (taken from an argument).
func checkFormat(format string) error {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		n := 0
		for i++; i < len(format); i++ {
			c := format[i]
			switch {
			case c >= '0' && c <= '9':
				if n = n*10 + int(c-'0'); n > maxFormatWidth {
					return errBudget
				}
				continue
			case c == '*':
				return errBudget // the width comes from an argument
			case c == '.' || c == '[' || c == ']' || strings.IndexByte("+-# ", c) >= 0:
				n = 0
				continue
			}
			_, size := utf8.DecodeRuneInString(format[i:])
			i += size - 1
			break
		}
	}
	return nil
}

// callsTemplates reports whether an expression defines or calls templates;
// text/template has no other way to recurse.
func callsTemplates(name, text string) bool {
	if !strings.Contains(text, "define") && !strings.Contains(text, "block") && !strings.Contains(text, "template") {
		return false
	}
	tr := tparse.New(name)
	tr.Mode = tparse.SkipFuncCheck
	set := map[string]*tparse.Tree{}
	if _, err := tr.Parse(text, "", "", set); err != nil {
		return false // the real parse reports it
	}
	found := false
	for n, t := range set {
		found = found || n != name
		walk(t.Root, func(n tparse.Node) {
			_, isCall := n.(*tparse.TemplateNode)
			found = found || isCall
		})
	}
	return found
}

// meter makes every pass of every range in tree call the step function.
func meter(tree *tparse.Tree) {
	walk(tree.Root, func(n tparse.Node) {
		r, ok := n.(*tparse.RangeNode)
		if !ok || r.List == nil {
			return
		}
		call := &tparse.ActionNode{NodeType: tparse.NodeAction, Pos: r.Pos, Line: r.Line,
			Pipe: &tparse.PipeNode{NodeType: tparse.NodePipe, Pos: r.Pos, Line: r.Line,
				Cmds: []*tparse.CommandNode{{NodeType: tparse.NodeCommand, Pos: r.Pos,
					Args: []tparse.Node{tparse.NewIdentifier(stepFunc).SetTree(tree).SetPos(r.Pos)}}}}}
		r.List.Nodes = append([]tparse.Node{call}, r.List.Nodes...)
	})
}

// walk calls fn on n and every node below it.
func walk(n tparse.Node, fn func(tparse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *tparse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *tparse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *tparse.WithNode:
		walkBranch(&n.BranchNode, fn)
	}
}

func walkBranch(b *tparse.BranchNode, fn func(tparse.Node)) {
	if b.List != nil {
		walk(b.List, fn)
	}
	if b.ElseList != nil {
		walk(b.ElseList, fn)
	}
}
