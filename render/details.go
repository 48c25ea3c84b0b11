package render

// FormDetails is what a form-filling front end (the local editor) shows of
// a form: the indicator taxonomy for its drop-downs, the spending-plan
// checkpoints, the money units, the part-one sections, and the optional
// fields the form prints (Needs) or leaves out (Unprinted), as field paths
// without indices (projects.kind).
type FormDetails struct {
	Form
	Categories  []Category // 一级指标 in the form's order
	Checkpoints []string
	MoneyUnits  []string
	Sections    []string
	Needs       []string
	Unprinted   []string
}

// Category is one 一级指标 of a form with its 二级指标.
type Category struct {
	Name string
	Subs []string
}

// Details describes the form name (or name@version, DefaultForm when
// empty) in its version for the budget year; false when there is none.
func (e *Engine) Details(name string, year int) (FormDetails, bool) {
	if name == "" {
		name = DefaultForm
	}
	t, ok := e.get(name, year)
	if !ok {
		return FormDetails{}, false
	}
	p := t.Profile()
	d := FormDetails{Form: formOf(t), Checkpoints: p.Checkpoints, MoneyUnits: p.MoneyUnits,
		Sections: p.Sections, Needs: p.Needs, Unprinted: p.Unprinted}
	for _, c := range p.Categories {
		d.Categories = append(d.Categories, Category{Name: c.Name, Subs: c.Subs})
	}
	return d, true
}

// MaxSize is the size of the largest file in the format of file (by its
// extension) that Load reads, for a front end that reads files itself.
func MaxSize(file string) int64 { return readerOf(file).limit }
