// Package editor is the local web editor of `jixiao serve`: an HTTP server
// on the loopback address that lists the filings of one folder, shows one
// as a form with the findings of check beside their fields, saves the
// edited values back into the file (comments and layout kept) and builds
// the PDF and DOCX. Its pages, styles and scripts are embedded (static/):
// nothing is fetched from elsewhere, so it works offline.
//
// It is safe by construction: a request needs the session token (given in
// the URL once, then kept in a SameSite=Strict, HttpOnly cookie), a Host
// header naming the address it listens on (against DNS rebinding), and for
// a change a same-origin Origin header; files are reached only by name
// inside the folder, through an os.Root; request bodies are limited.
package editor

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/jixiao-dev/jixiao/render/budget"
)

// Limits of a request.
const (
	// maxBody bounds a request body: the largest filing (budget.MaxFileSize)
	// as form values in JSON, with room for the keys and the escaping.
	maxBody     = 2 * budget.MaxFileSize
	tokenLength = 32 // random bytes, written as hex
)

// Config says what a Server serves and where it is reached.
type Config struct {
	Dir          string   // the folder of filings
	Addr         string   // host:port the server listens on, as the browser names it
	TemplateDirs []string // folders of extra form templates (besides DIR/模板)
	Token        string   // the session token; a random one when empty
}

// Server is the editor's HTTP handler.
type Server struct {
	cfg    Config
	hosts  map[string]bool // Host headers accepted
	origin map[string]bool // Origin headers accepted on changes
	dir    *folder
	engine *engine
	mux    *http.ServeMux
	bases  *baseCache
	// previews are the last previews, for their pages drawn later.
	previews recentPreviews
	// cookie is the session cookie's name. It names the port: browsers
	// keep cookies by host, not port, and two editors may run at once.
	cookie string
}

// New opens the folder and loads the templates. Problems with a user
// template are returned as a warning text; the built-in forms still work.
func New(cfg Config) (*Server, string, error) {
	if cfg.Token == "" {
		b := make([]byte, tokenLength)
		rand.Read(b)
		cfg.Token = hex.EncodeToString(b)
	}
	dir, err := openFolder(cfg.Dir)
	if err != nil {
		return nil, "", err
	}
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, "", err
	}
	s := &Server{cfg: cfg, dir: dir, hosts: map[string]bool{}, origin: map[string]bool{}, bases: newBaseCache(),
		cookie: "jixiao_" + port}
	names := []string{net.JoinHostPort(host, port)}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		names = append(names, net.JoinHostPort("localhost", port))
	}
	for _, n := range names {
		s.hosts[n] = true
		s.origin["http://"+n] = true
	}
	dirs := cfg.TemplateDirs
	if own := dir.templateDir(); own != "" {
		dirs = append([]string{own}, dirs...)
	}
	e, notes := newEngine(dirs)
	s.engine = e
	s.routes()
	warning := ""
	if len(notes) > 0 {
		warning = notes.Error()
	}
	return s, warning, nil
}

// CookieName is the name of the session cookie.
func (s *Server) CookieName() string { return s.cookie }

// URL is the address to open, with the token.
func (s *Server) URL() string {
	return "http://" + s.cfg.Addr + "/?token=" + s.cfg.Token
}

// Close releases the folder.
func (s *Server) Close() error { return s.dir.root.Close() }

// IsLoopback reports whether addr (host:port) is on the loopback interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServeHTTP checks every request before it reaches a handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	if !s.hosts[r.Host] {
		forbid(w, "此地址不是本机编辑器的地址（Host 不符）。")
		return
	}
	if tok := r.URL.Query().Get("token"); tok != "" && r.Method == http.MethodGet {
		if !s.tokenOK(tok) {
			forbid(w, "令牌不正确：请使用 jixiao 启动时显示的地址。")
			return
		}
		http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: s.cfg.Token, Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode})
		q := r.URL.Query()
		q.Del("token")
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		http.Redirect(w, r, u.String(), http.StatusSeeOther)
		return
	}
	if c, err := r.Cookie(s.cookie); err != nil || !s.tokenOK(c.Value) {
		forbid(w, "没有访问权限：请使用 jixiao 启动时显示的完整地址（含 token）打开编辑器。")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if !s.origin[r.Header.Get("Origin")] {
			forbid(w, "拒绝来自其他网页的修改请求（Origin 不符）。")
			return
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			http.Error(w, "请求格式应为 JSON。", http.StatusUnsupportedMediaType)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) tokenOK(tok string) bool {
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) == 1
}

func forbid(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintln(w, msg)
}

// Listen listens on addr, which must be a loopback address unless public.
func Listen(addr string, public bool) (net.Listener, error) {
	if !public && !IsLoopback(addr) {
		return nil, fmt.Errorf("%s is not a loopback address", addr)
	}
	return net.Listen("tcp", addr)
}
