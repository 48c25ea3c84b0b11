package desktop

import (
	"syscall"
	"unsafe"
)

var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ConsoleProcesses returns how many processes share this program's
// console (GetConsoleProcessList): 1 when Explorer started it.
func ConsoleProcesses() (int, error) {
	var ids [4]uint32
	n, _, err := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	if n == 0 {
		return 0, err
	}
	return int(n), nil
}
