package safefile

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

var (
	interruptOnce sync.Once
	reportMu      sync.Mutex
	report        func(sig os.Signal, removed int)
)

// ExitOnInterrupt makes an interrupt (Ctrl-C, SIGINT) or a kill (SIGTERM)
// remove the temporary files being written, call fn with the signal and
// how many files it removed (to say so), and exit the process with code.
// The files already in place, and the earlier versions of those being
// written, are left as they are. A later call replaces fn.
func ExitOnInterrupt(code int, fn func(sig os.Signal, removed int)) {
	reportMu.Lock()
	report = fn
	reportMu.Unlock()
	interruptOnce.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		go func() {
			sig := <-ch
			n := removeLive()
			reportMu.Lock()
			if report != nil {
				report(sig, n)
			}
			os.Exit(code)
		}()
	})
}
