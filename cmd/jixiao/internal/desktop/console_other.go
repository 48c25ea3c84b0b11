//go:build !windows

package desktop

import "errors"

// ConsoleProcesses is known on Windows only.
func ConsoleProcesses() (int, error) {
	return 0, errors.New("desktop: no console process list on this system")
}
