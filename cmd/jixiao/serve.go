package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/jixiao-dev/jixiao/cmd/jixiao/internal/desktop"
	"github.com/jixiao-dev/jixiao/cmd/jixiao/internal/editor"
)

// serve runs `jixiao serve [--addr A] [--no-browser] [--public] [DIR]`.
func (c *cli) serve(args []string) int {
	fs, dir := c.flags("serve")
	addr := fs.String("addr", "127.0.0.1:0", c.p.Sprintf("address to listen on (default: loopback, a free port)"))
	noBrowser := fs.Bool("no-browser", false, c.p.Sprintf("do not open the browser"))
	public := fs.Bool("public", false, c.p.Sprintf("allow an --addr other than loopback (anyone who has the address with its token can edit the files)"))
	rest, ok, code := c.parse(fs, args, dir)
	if !ok {
		return code
	}
	if len(rest) > 1 {
		fmt.Fprintln(c.stderr, c.p.Sprintf("name one folder: jixiao serve [DIR]"))
		return exitUsage
	}
	folder := "."
	if len(rest) == 1 {
		folder = rest[0]
	}
	return c.serveDir(folder, *addr, *public, !*noBrowser, nil)
}

// doubleClicked serves the user's documents folder, for a program started
// from the desktop; a failure waits for Enter so that its window stays
// open to be read.
func (c *cli) doubleClicked() int {
	home, _ := os.UserHomeDir()
	dir := desktop.DocumentsDir(runtime.GOOS, home, os.Getenv, os.ReadFile, func(p string) bool {
		st, err := os.Stat(p)
		return err == nil && st.IsDir()
	})
	code := c.serveDir(dir, "127.0.0.1:0", false, true, nil)
	if code != exitOK {
		fmt.Fprintln(c.stderr, c.p.Sprintf("press Enter to close this window"))
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	return code
}

// serveDir serves the editor on folder until interrupted (or until stop
// is closed, in tests).
func (c *cli) serveDir(folder, addr string, public, browser bool, stop <-chan struct{}) int {
	if !public && !editor.IsLoopback(addr) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("%s is not a loopback address; add --public to serve the network (anyone who has the address with its token can edit the files)", addr))
		return exitUsage
	}
	if host, _, err := net.SplitHostPort(addr); err == nil && public && (host == "" || net.ParseIP(host).IsUnspecified()) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("--addr %s names no address: give the address the others will open, e.g. --addr 192.168.1.5:8080", addr))
		return exitUsage
	}
	ln, err := editor.Listen(addr, public)
	if err != nil {
		fmt.Fprintln(c.stderr, c.p.Sprintf("cannot listen on %s: %v", addr, err))
		return exitUsage
	}
	if !editor.IsLoopback(ln.Addr().String()) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("warning: serving %s to the network; anyone who has the address with its token can read and change the filings in %s", ln.Addr(), folder))
	}
	srv, warning, err := editor.New(editor.Config{Dir: folder, Addr: ln.Addr().String(), TemplateDirs: c.templateDirs})
	if err != nil {
		ln.Close()
		fmt.Fprintln(c.stderr, c.p.Sprintf("cannot open the folder %s: %v", folder, c.osError(err)))
		return exitUsage
	}
	defer srv.Close()
	if warning != "" {
		fmt.Fprint(c.stderr, warning)
	}
	fmt.Fprintln(c.stdout, srv.URL())
	fmt.Fprintln(c.stderr, c.p.Sprintf("the editor is open in your browser at the address above (folder %s); close this window or press Ctrl+C to stop it", folder))
	if browser {
		if err := desktop.OpenBrowser(srv.URL(), desktop.Start); err != nil {
			fmt.Fprintln(c.stderr, c.p.Sprintf("cannot open the browser (%v): open the address above in it", err))
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	go func() {
		select {
		case <-ctx.Done():
		case <-stop:
		}
		shut, done := context.WithTimeout(context.Background(), 5*time.Second)
		defer done()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(c.stderr, c.p.Sprintf("the editor stopped: %v", err))
		return exitUsage
	}
	fmt.Fprintln(c.stderr, c.p.Sprintf("the editor has stopped; the files it saved are in %s", folder))
	return exitOK
}
