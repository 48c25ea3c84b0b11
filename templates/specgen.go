package templates

//go:generate go run ./internal/specgen

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// BuiltinSpecs returns each built-in template file decoded from its TOML,
// by file name, for internal/specgen, which writes them into
// builtin_specs.go (run go generate ./templates, or make generate, after
// editing a built-in template). The values are of the package's own,
// unexported, spec type.
func BuiltinSpecs() (map[string]any, error) {
	files, err := builtin.ReadDir(".")
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, e := range files {
		sp, err := decodeFile(e.Name())
		if err != nil {
			return nil, err
		}
		out[e.Name()] = sp
	}
	return out, nil
}

// decodeFile decodes the built-in template file name.
func decodeFile(name string) (spec, error) {
	data, err := builtin.ReadFile(name)
	if err != nil {
		return spec{}, err
	}
	var sp spec
	md, err := toml.Decode(string(data), &sp)
	if err != nil {
		return spec{}, fmt.Errorf("%s: %v", name, err)
	}
	if len(md.Undecoded()) > 0 {
		return spec{}, fmt.Errorf("%s: unknown keys %v", name, md.Undecoded())
	}
	return sp, nil
}
