package budget

import "github.com/jixiao-dev/jixiao/render/diag"

// DecodeError turns an error of the TOML decoder into a finding with its
// position, for other TOML files the tool reads (form templates).
func DecodeError(name string, err error) diag.Diagnostic {
	return decodeError(name, "", err)
}
