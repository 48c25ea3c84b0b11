package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestServeStaysOnLoopback(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--no-browser", "--addr", "0.0.0.0:0", t.TempDir()},
		{"serve", "--no-browser", "--addr", "192.0.2.1:0", t.TempDir()},
		{"serve", "--no-browser", "--public", "--addr", ":0", t.TempDir()},
		{"serve", "--no-browser", "a", "b"},
	} {
		code, _, stderr := jixiao(t, nil, args...)
		if code != exitUsage || stderr == "" {
			t.Errorf("jixiao %q: exit %d (%s), want 2 with a message", args, code, stderr)
		}
	}
	if _, _, stderr := jixiao(t, nil, "serve", "--addr", "0.0.0.0:0", "."); !strings.Contains(stderr, "--public") {
		t.Errorf("the refusal does not name --public: %s", stderr)
	}
}

// TestServe starts the command's server and asks it what curl would: the
// address line alone on stdout, 403 without the token, with a foreign Host
// or with a foreign Origin on a change.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(sample)
	os.WriteFile(filepath.Join(dir, "x.toml"), data, 0o644)
	out, w := io.Pipe()
	c := &cli{stdout: w, stderr: io.Discard}
	c.setLang("zh", func(string) string { return "" })
	stop := make(chan struct{})
	done := make(chan int)
	go func() { done <- c.serveDir(dir, "127.0.0.1:0", false, false, stop); w.Close() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, out)
	m := regexp.MustCompile(`^(http://127\.0\.0\.1:\d+)/\?token=([0-9a-f]{64})\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("the address line is %q", line)
	}
	base, token := m[1], m[2]
	get := func(method, path string, header map[string]string) int {
		req, _ := http.NewRequest(method, base+path, strings.NewReader("{}"))
		for k, v := range header {
			if k == "Host" {
				req.Host = v
			} else {
				req.Header.Set(k, v)
			}
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	host := strings.TrimPrefix(base, "http://")
	_, port, _ := strings.Cut(host, ":")
	cookie := "jixiao_" + port + "=" + token
	for _, c := range []struct {
		method, path string
		header       map[string]string
		want         int
	}{
		{"GET", "/", nil, 403},
		{"GET", "/api/files", nil, 403},
		{"GET", "/?token=" + token, nil, 303},
		{"GET", "/api/files", map[string]string{"Cookie": cookie}, 200},
		{"GET", "/api/files", map[string]string{"Cookie": cookie, "Host": "attacker.example"}, 403},
		{"GET", "/?token=" + token, map[string]string{"Host": "attacker.example:80"}, 403},
		{"POST", "/api/check", map[string]string{"Cookie": cookie, "Content-Type": "application/json", "Origin": "http://attacker.example"}, 403},
		{"POST", "/api/check", map[string]string{"Cookie": cookie, "Content-Type": "application/json"}, 403},
		{"POST", "/api/check", map[string]string{"Cookie": cookie, "Content-Type": "application/json", "Origin": "http://" + host}, 400},
	} {
		if got := get(c.method, c.path, c.header); got != c.want {
			t.Errorf("%s %s %v: %d, want %d", c.method, c.path, c.header, got, c.want)
		}
	}
	close(stop)
	if code := <-done; code != exitOK {
		t.Errorf("serve ended with %d", code)
	}
}
