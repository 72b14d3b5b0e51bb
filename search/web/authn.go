package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/auth"
)

// Sessions: a clerk idle for half an hour logs in again, and everyone
// after twelve hours.
const (
	sessionIdle     = 30 * time.Minute
	sessionLifetime = 12 * time.Hour
)

type userKey struct{}

// userFrom returns the user a request is made by (set by authenticate).
func userFrom(ctx context.Context) (auth.User, bool) {
	u, ok := ctx.Value(userKey{}).(auth.User)
	return u, ok
}

// newSessions makes the session manager: sessions kept in the user
// database, the cookie HttpOnly, SameSite=Lax, and Secure when the
// service is reached over TLS (secure).
func newSessions(users *auth.Store, secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = auth.SessionStore{S: users}
	sm.IdleTimeout = sessionIdle
	sm.Lifetime = sessionLifetime
	sm.Cookie.Name = "vanthu_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	return sm
}

// public reports whether a path is served to anyone: the health check, the
// login page and the style and script it needs.
func public(r *http.Request) bool {
	p := r.URL.Path
	return p == "/healthz" || p == "/login" || p == "/login/sso" || p == "/login/sso/callback" || strings.HasPrefix(p, "/static/")
}

// isAPI reports whether a path answers in JSON: the API and the metrics.
func isAPI(p string) bool { return strings.HasPrefix(p, "/api/") || p == "/metrics" }

var errUnauthenticated = &apiError{http.StatusUnauthorized, "unauthenticated", "log in, or send Authorization: Bearer TOKEN", "Cần đăng nhập"}

// authenticate finds who makes each request, from a bearer token (scripts)
// or the session cookie (the UI), and puts the user in its context. With
// neither, the API answers 401 and the UI sends the browser to the login
// page. A token that is wrong is refused, never taken for no token.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := r.Header.Get("Authorization"); h != "" {
			tok, ok := strings.CutPrefix(h, "Bearer ")
			u, t, err := s.Users.TokenUser(strings.TrimSpace(tok))
			if !ok || err != nil {
				s.note(r, audit.Entry{Action: "token", Object: "unknown or revoked", Via: "token", Outcome: "401"})
				w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
				s.serveErr(w, r, &apiError{http.StatusUnauthorized, "bad_token", "the bearer token is unknown or revoked", "Mã truy cập không hợp lệ hoặc đã bị thu hồi"})
				return
			}
			ctx := context.WithValue(r.Context(), userKey{}, u)
			next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, viaKey{}, "token:"+t.ID)))
			return
		}
		if name := s.sessions.GetString(r.Context(), "user"); name != "" {
			if u, err := s.Users.Get(name); err == nil && !u.Disabled {
				next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
				return
			}
			s.sessions.Destroy(r.Context()) // disabled or removed since
		}
		switch {
		case public(r):
			next.ServeHTTP(w, r)
		case isAPI(r.URL.Path):
			w.Header().Set("WWW-Authenticate", "Bearer")
			s.serveErr(w, r, errUnauthenticated)
		default:
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		}
	})
}

// may returns an error (403) unless the request's user may do a.
func may(r *http.Request, a access.Action) error {
	u, ok := userFrom(r.Context())
	if !ok {
		return errUnauthenticated
	}
	if !access.Allowed(u.Role, a) {
		return &apiError{http.StatusForbidden, "forbidden", "your role (" + string(u.Role) + ") may not do this", "Vai trò của bạn (" + u.Role.VI() + ") không được làm việc này"}
	}
	return nil
}

// guard wraps h so that it runs only for users who may do a.
func guard(a access.Action, h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := may(r, a); err != nil {
			return err
		}
		return h(w, r)
	}
}

// loginPage is GET /login.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	if _, ok := userFrom(r.Context()); ok {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	return s.render(w, r, http.StatusOK, "login.html", map[string]any{"Title": "Đăng nhập", "Next": safeNext(r.URL.Query().Get("next")), "SSO": s.SSO != nil})
}

// login is POST /login: a user name and password from the form; too many
// failures for the account or the address wait.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	name, password := strings.TrimSpace(r.PostFormValue("user")), r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	addr := clientAddr(r)
	fail := func(status int, msg string) error {
		return s.render(w, r, status, "login.html", map[string]any{"Title": "Đăng nhập", "Next": next, "User": name, "Error": msg, "SSO": s.SSO != nil})
	}
	if ok, wait := s.limiter.Allow(name, addr); !ok {
		s.note(r, audit.Entry{User: name, Action: "login", Outcome: "throttled"})
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		return fail(http.StatusTooManyRequests, "Đăng nhập sai quá nhiều lần. Xin thử lại sau "+strconv.Itoa(int(wait.Minutes())+1)+" phút.")
	}
	u, err := s.Users.Authenticate(name, password)
	outcome := "ok"
	if err != nil {
		outcome = "failed"
	}
	s.note(r, audit.Entry{User: name, Action: "login", Outcome: outcome})
	if errors.Is(err, auth.ErrBadLogin) {
		s.limiter.Fail(name, addr)
		s.log().Warn("login failed", "user", name, "addr", addr)
		return fail(http.StatusUnauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.")
	}
	if err != nil {
		return err
	}
	s.limiter.Succeed(name)
	if err := s.sessions.RenewToken(r.Context()); err != nil { // no session fixation
		return err
	}
	s.sessions.Put(r.Context(), "user", u.Name)
	s.log().Info("login", "user", u.Name, "addr", addr)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// logout is POST /logout.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

// safeNext keeps a redirect after login on this site: a path, never
// another host ("//evil", "https://…", "/\evil", or "/<tab>/evil", which a
// browser reads as //evil once it drops the tab).
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsFunc(next, func(r rune) bool { return r == '\\' || r <= ' ' || r == 0x7f }) {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return next
}

// clientAddr is the request's remote address without its port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
