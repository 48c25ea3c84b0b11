package templates

import (
	"reflect"
	"testing"
)

// TestBuiltinSpecsGenerated: builtin_specs.go holds exactly what the
// built-in template files decode to, so a run need not decode them. After
// editing a built-in template, run go generate ./templates (or make
// generate) to regenerate it; internal/specgen's test checks the file is
// what the generator writes.
func TestBuiltinSpecsGenerated(t *testing.T) {
	specs, err := BuiltinSpecs()
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) < 2 {
		t.Fatalf("%d built-in templates", len(specs))
	}
	for name, decoded := range specs {
		generated, ok := builtinSpec(name)
		if !ok || !reflect.DeepEqual(generated, decoded) {
			t.Errorf("builtinSpec(%q) differs from the decoded file: run go generate ./templates (make generate)", name)
		}
	}
}
