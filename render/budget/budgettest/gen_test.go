package budgettest

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var out = flag.String("out", "", "write a generated filing per seed here (for looking at the result)")

func TestWriteSamples(t *testing.T) {
	if *out == "" {
		t.Skip("-out not given")
	}
	for _, c := range []struct {
		name string
		o    Options
	}{
		{"hebei-40", Options{Template: "hebei", Projects: 40, Extremes: true}},
		{"national-40", Options{Template: "national", Projects: 40, Extremes: true}},
		{"hebei-5", Options{Template: "hebei", Projects: 5}},
	} {
		if err := os.WriteFile(filepath.Join(*out, c.name+".toml"), []byte(Filing(1, c.o)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
