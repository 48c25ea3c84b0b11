package budget

import "testing"

func TestLoadSample(t *testing.T) {
	f, notes := Load("../../data/hebei/shanhaiguan-wxb-2024.toml")
	if f == nil {
		t.Fatalf("load failed: %v", notes)
	}
	if len(f.Projects) != 2 || len(f.Projects[0].Indicators) != 3 {
		t.Fatalf("projects = %d", len(f.Projects))
	}
	if got := f.Projects[0].Budget.Format(); got != "100000.00" {
		t.Errorf("budget = %q", got)
	}
	if f.Projects[0].Other.Set || f.Projects[0].Other.Format() != "" {
		t.Errorf("omitted other should be unset and blank")
	}
	if p := f.Positions["projects[2].indicators[3].value"]; p.Line == 0 {
		t.Errorf("no position for projects[2].indicators[3].value: %v", f.Positions)
	}
}

func TestUnknownKey(t *testing.T) {
	_, notes := Parse("x.toml", []byte("template = \"hebei\"\ntitel = \"x\"\n[department]\nnaem = \"a\"\n"))
	if len(notes) != 2 || notes[0].Line != 2 || notes[1].Line != 4 {
		t.Fatalf("notes = %v", notes)
	}
	if notes[1].HintArgs[0] != "name" {
		t.Errorf("hint = %v", notes[1].HintArgs)
	}
}
