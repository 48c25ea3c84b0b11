package main

import (
	"os"
	"testing"
)

// TestInStep: templates/builtin_specs.go is what the generator writes from
// the built-in templates (templates' own test checks that the data equal
// what the TOML decodes to).
func TestInStep(t *testing.T) {
	got, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../builtin_specs.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("templates/builtin_specs.go is out of date with the built-in templates: run go generate ./templates (make generate)")
	}
}
