package sim

import (
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// guard keeps other web pages out of a running simulator. A page open in
// the same browser can POST to 127.0.0.1, and DNS rebinding can make an
// attacker's name resolve there; either way the simulator would take admin
// commands. So: the Host must be a loopback name or the address the
// simulator listens on; a request with an Origin (every browser sends one
// on cross-site POSTs) must come from that same host; a browser's
// Sec-Fetch-Site must not say cross-site; and API writes must be JSON,
// which a cross-site form cannot send without a CORS preflight we never
// answer.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.allowedHost(r.Host) {
			writeError(w, http.StatusForbidden, "host not allowed: open the simulator at its own address")
			return
		}
		if o := r.Header.Get("Origin"); o != "" {
			u, err := url.Parse(o)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
				writeError(w, http.StatusForbidden, "cross-origin request refused")
				return
			}
		}
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			writeError(w, http.StatusForbidden, "cross-site request refused")
			return
		}
		if r.Method == http.MethodPost {
			mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if err != nil || mt != "application/json" {
				writeError(w, http.StatusUnsupportedMediaType, "send JSON (Content-Type: application/json)")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// allowedHost accepts loopback names and addresses, and the address the
// server listens on (for a simulator deliberately served on the LAN).
func (s *Server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	s.hostMu.Lock()
	defer s.hostMu.Unlock()
	return s.listenHost != "" && strings.EqualFold(host, s.listenHost)
}
