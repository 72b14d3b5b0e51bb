package web

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/auth"
)

// testPassword is every test user's password.
const testPassword = "mật khẩu thử nghiệm"

// serve starts s on loopback with one user of each role (named as the
// role, with a token each). Requests without credentials are made as the
// user of role as, through the real token check, for the tests of what a
// page or an answer holds; as "" sends them as they are.
func serve(t testing.TB, s *Server, as access.Role) (*httptest.Server, map[access.Role]string) {
	t.Helper()
	users, err := auth.Open(filepath.Join(t.TempDir(), "auth.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { users.Close() })
	tokens := map[access.Role]string{}
	for _, role := range access.Roles {
		if _, err := users.Add(string(role), role, "Văn phòng", testPassword); err != nil {
			t.Fatal(err)
		}
		if tokens[role], _, err = users.CreateToken(string(role)); err != nil {
			t.Fatal(err)
		}
	}
	s.Users = users
	s.AuditDir = filepath.Join(t.TempDir(), "audit")
	if s.Audit, err = audit.Open(s.AuditDir, s.AuditDir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Audit.Close() })
	h := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if as != "" && r.Header.Get("Authorization") == "" && r.Header.Get("Cookie") == "" {
			r.Header.Set("Authorization", "Bearer "+tokens[as])
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, tokens
}

// call makes a request with token ("": none) and returns the answer and
// its body.
func call(t *testing.T, method, url, token, body string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

func get(t *testing.T, url, token string) (*http.Response, string) {
	t.Helper()
	return call(t, "GET", url, token, "")
}

// Without credentials every endpoint but the health check, the login
// page and the static files answers 401 in JSON (the API) or sends the
// browser to the login page (the UI).
func TestUnauthenticated(t *testing.T) {
	srv, _ := serve(t, fullServer(t), "")
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/api/v1/search?q=a", "/api/v1/documents", "/api/v1/register", "/api/v1/openapi.json", "/api/v1/me", "/api/v1/users", "/metrics", "/api/v1/nothing"} {
		resp, err := noRedirect.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		var body struct{ Error struct{ Code string } }
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != 401 || body.Error.Code != "unauthenticated" {
			t.Errorf("GET %s: %d %q, want 401 unauthenticated", path, resp.StatusCode, body.Error.Code)
		}
	}
	for _, path := range []string{"/", "/search?q=a", "/intake", "/register", "/admin/users"} {
		resp, err := noRedirect.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != 303 || !strings.HasPrefix(loc, "/login?next=") {
			t.Errorf("GET %s: %d to %q, want 303 to the login page", path, resp.StatusCode, loc)
		}
	}
	// The routes that need no login (publicRoutes; the single sign-on
	// ones in sso_test.go).
	for _, path := range []string{"/healthz", "/login", "/static/app.css"} {
		if resp, _ := get(t, srv.URL+path, ""); resp.StatusCode != 200 {
			t.Errorf("GET %s without logging in: %d, want 200", path, resp.StatusCode)
		}
	}
	resp, err := noRedirect.PostForm(srv.URL+"/login", url.Values{"user": {"clerk"}, "password": {"not the password"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == 303 || resp.StatusCode == 200 {
		t.Errorf("POST /login with a wrong password: %d, want the form again with an error", resp.StatusCode)
	}
	if resp, _ := get(t, srv.URL+"/api/v1/me", "vt_not-a-token"); resp.StatusCode != 401 {
		t.Errorf("a wrong token: %d, want 401", resp.StatusCode)
	}
}

// The matrix of roles and endpoints: who may reach each, and who may not.
func TestAccessMatrix(t *testing.T) {
	s := fullServer(t)
	srv, tokens := serve(t, s, "")
	doc := "/api/v1/documents/" + string(testDocID)
	short := strings.NewReplacer(string(testDocID), "{id}")
	type call struct{ method, path, body string }
	calls := []struct {
		call
		allowed []access.Role
	}{
		{call{"GET", "/api/v1/search?q=cai+cach", ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"GET", doc, ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"GET", doc + "/original", ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"GET", doc + "/archive.pdf", ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"GET", doc + "/related", ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"PATCH", doc, `{"metadata":{"subject":"Về việc thử"}}`}, []access.Role{access.Clerk}},
		{call{"PUT", doc + "/access", `{"scope":"agency"}`}, []access.Role{access.Clerk, access.Leader}},
		{call{"GET", "/api/v1/documents", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"GET", "/api/v1/intake/events", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"GET", "/api/v1/register", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"POST", "/api/v1/documents", ""}, []access.Role{access.Clerk}},
		{call{"GET", "/api/v1/users", ""}, []access.Role{access.Admin}},
		{call{"POST", "/api/v1/users", `{"name":"moi","role":"staff","password":"mật khẩu đủ dài"}`}, []access.Role{access.Admin}},
		{call{"GET", "/metrics", ""}, []access.Role{access.Admin}},
		{call{"GET", "/api/v1/audit", ""}, []access.Role{access.Admin}},
		{call{"GET", "/api/v1/me", ""}, access.Roles},
		{call{"GET", "/api/v1/tokens", ""}, access.Roles},
		{call{"POST", "/api/v1/tokens", ""}, access.Roles},
		{call{"POST", "/api/v1/tokens", `{"user":"clerk"}`}, []access.Role{access.Clerk, access.Admin}},
		{call{"DELETE", "/api/v1/tokens/no-such-token", ""}, access.Roles},
		{call{"GET", "/api/v1/nothing", ""}, access.Roles},
		{call{"GET", "/api/v1/openapi.json", ""}, access.Roles},
		{call{"GET", "/", ""}, access.Roles},
		{call{"GET", "/no-such-page", ""}, access.Roles},
		{call{"POST", "/logout", "form:"}, access.Roles},
		{call{"GET", "/search?q=cai+cach", ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"GET", "/documents/" + string(testDocID), ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"GET", "/intake", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"GET", "/register", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"GET", "/admin/users", ""}, []access.Role{access.Admin}},
		{call{"GET", "/admin/audit", ""}, []access.Role{access.Admin}},
		{call{"GET", doc + "/pages/1/image", ""}, []access.Role{access.Clerk, access.Staff, access.Leader, access.Archivist}},
		{call{"POST", "/documents/" + string(testDocID), "form:"}, []access.Role{access.Clerk}},
		{call{"POST", "/documents/" + string(testDocID) + "/access", "form:scope=agency"}, []access.Role{access.Clerk, access.Leader}},
		{call{"POST", "/intake", "form:"}, []access.Role{access.Clerk}},
		{call{"POST", "/admin/users", "form:"}, []access.Role{access.Admin}},
		{call{"PATCH", "/api/v1/users/staff", `{"unit":"Văn phòng"}`}, []access.Role{access.Admin}},
		{call{"POST", "/api/v1/import", `{"id":"matrix-1","subject":"thử"}`}, []access.Role{access.Clerk, access.Archivist}},
		{call{"GET", "/api/v1/files", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"POST", "/api/v1/files", `{"code":"MATRIX.2025.01","title":"Thử","retention":"vĩnh viễn"}`}, []access.Role{access.Clerk, access.Archivist}},
		{call{"GET", "/api/v1/files/MATRIX.2025.01", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"POST", "/api/v1/files/MATRIX.2025.01/documents", `{"id":"` + string(testDocID) + `"}`}, []access.Role{access.Clerk, access.Archivist}},
		{call{"GET", "/api/v1/files/MATRIX.2025.01/export.zip", ""}, []access.Role{access.Archivist}},
		{call{"GET", "/files", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"POST", "/files", "form:code=MATRIX.2025.02&title=Th%E1%BB%AD&retention=10"}, []access.Role{access.Clerk, access.Archivist}},
		{call{"GET", "/files/MATRIX.2025.01", ""}, []access.Role{access.Clerk, access.Leader, access.Archivist}},
		{call{"POST", "/files/MATRIX.2025.01/documents", "form:id=" + string(testDocID)}, []access.Role{access.Clerk, access.Archivist}},
		{call{"POST", "/documents/" + string(testDocID) + "/file", "form:code=MATRIX.2025.01"}, []access.Role{access.Clerk, access.Archivist}},
	}
	var table strings.Builder
	table.WriteString("\n| endpoint |")
	for _, role := range access.Roles {
		table.WriteString(" " + string(role) + " |")
	}
	table.WriteString("\n| --- |" + strings.Repeat(" --- |", len(access.Roles)) + "\n")
	leaks := 0
	for _, c := range calls {
		fmt.Fprintf(&table, "| %s %s |", c.method, short.Replace(strings.SplitN(c.path, "?", 2)[0]))
		for _, role := range access.Roles {
			body, isForm := strings.CutPrefix(c.body, "form:")
			req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+tokens[role])
			switch {
			case isForm:
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			case body != "":
				req.Header.Set("Content-Type", "application/json")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			want := slices.Contains(c.allowed, role)
			got := resp.StatusCode != http.StatusForbidden
			mark := "no"
			if got {
				mark = "yes"
			}
			fmt.Fprintf(&table, " %s |", mark)
			if got != want {
				leaks++
				t.Errorf("%s %s as %s: %d (allowed %v, want %v)", c.method, c.path, role, resp.StatusCode, got, want)
			}
		}
		table.WriteString("\n")
	}
	t.Logf("who may reach what (yes: reached; no: 403):%s\nwrong: %d", table.String(), leaks)

	// Every route the server has is in the matrix, or is one that needs
	// no login (TestUnauthenticated reaches each of those).
	rowed := map[string]bool{}
	for _, c := range calls {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, nil)
		_, pattern := s.mux.Handler(req)
		rowed[pattern] = true
	}
	for _, p := range publicRoutes {
		rowed[p] = true
	}
	for _, p := range s.routes {
		if !rowed[p] {
			t.Errorf("route %q is not in the matrix: say who may reach it", p)
		}
	}
}

// publicRoutes are the routes reached without logging in.
var publicRoutes = []string{"GET /healthz", "GET /login", "POST /login", "GET /static/", "GET /login/sso", "GET /login/sso/callback"}

// The login page logs a user in with a session cookie (HttpOnly,
// SameSite=Lax), lands them where they were going, and logging out ends
// the session.
func TestLoginAndLogout(t *testing.T) {
	srv, _ := serve(t, fullServer(t), "")
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	login := func(user, password string) (*http.Response, string) {
		resp, err := c.PostForm(srv.URL+"/login", url.Values{"user": {user}, "password": {password}, "next": {"/register"}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	resp, page := login("clerk", "sai mật khẩu rồi")
	if resp.StatusCode != 401 || !strings.Contains(page, "Tên đăng nhập hoặc mật khẩu không đúng") {
		t.Errorf("wrong password: %d\n%.300s", resp.StatusCode, page)
	}
	resp, page = login("clerk", testPassword)
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/register" || !strings.Contains(page, "Đăng xuất") || !strings.Contains(page, "Văn thư") {
		t.Errorf("login: %d at %s\n%.300s", resp.StatusCode, resp.Request.URL, page)
	}
	u, _ := url.Parse(srv.URL)
	var cookie *http.Cookie
	for _, ck := range resp.Request.Response.Cookies() {
		if ck.Name == "vanthu_session" {
			cookie = ck
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax", cookie)
	}
	if len(jar.Cookies(u)) == 0 {
		t.Fatal("no session cookie kept")
	}
	// A state-changing request from another site is refused.
	req, _ := http.NewRequest("POST", srv.URL+"/logout", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, err := c.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site logout: %v %v, want 403", resp.StatusCode, err)
	}
	resp, err := c.Post(srv.URL+"/logout", "", nil)
	if err != nil || resp.Request.URL.Path != "/login" {
		t.Fatalf("logout: %v at %v", err, resp.Request.URL)
	}
	resp.Body.Close()
	noRedirect := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, err := noRedirect.Get(srv.URL + "/register"); err != nil || resp.StatusCode != 303 {
		t.Errorf("after logout: %v %v, want 303 to the login page", resp.StatusCode, err)
	}
}

// Guessing passwords is slowed: after five failures the account waits,
// even with the right password.
func TestLoginRateLimited(t *testing.T) {
	srv, _ := serve(t, fullServer(t), "")
	try := func(password string) int {
		resp, err := http.PostForm(srv.URL+"/login", url.Values{"user": {"staff"}, "password": {password}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := 0; i < 5; i++ {
		if st := try(fmt.Sprintf("đoán sai lần %d", i)); st != 401 {
			t.Fatalf("failure %d: %d", i+1, st)
		}
	}
	if st := try(testPassword); st != http.StatusTooManyRequests {
		t.Errorf("after five failures: %d, want 429", st)
	}
}

// A token is made and revoked through the API; a disabled user's tokens
// stop working at once.
func TestTokensAndDisabledUsers(t *testing.T) {
	srv, tokens := serve(t, fullServer(t), "")
	do := func(method, path, token, body string) (int, string) {
		resp, b := call(t, method, srv.URL+path, token, body)
		return resp.StatusCode, b
	}
	st, body := do("POST", "/api/v1/tokens", tokens[access.Staff], "")
	var made struct{ Token, ID string }
	json.Unmarshal([]byte(body), &made)
	if st != 201 || made.Token == "" {
		t.Fatalf("create token: %d %s", st, body)
	}
	if st, _ := do("GET", "/api/v1/me", made.Token, ""); st != 200 {
		t.Errorf("new token: %d", st)
	}
	if st, _ := do("POST", "/api/v1/tokens", tokens[access.Staff], `{"user":"clerk"}`); st != 403 {
		t.Errorf("staff makes a token for the clerk: %d, want 403", st)
	}
	if st, _ := do("DELETE", "/api/v1/tokens/"+made.ID, tokens[access.Staff], ""); st != 204 {
		t.Errorf("revoke: %d", st)
	}
	if st, _ := do("GET", "/api/v1/me", made.Token, ""); st != 401 {
		t.Errorf("revoked token: %d, want 401", st)
	}
	if st, body := do("PATCH", "/api/v1/users/staff", tokens[access.Admin], `{"disabled":true}`); st != 200 {
		t.Fatalf("disable: %d %s", st, body)
	}
	if st, _ := do("GET", "/api/v1/search?q=a", tokens[access.Staff], ""); st != 401 {
		t.Errorf("a disabled user's token: %d, want 401", st)
	}
	if st, _ := do("PATCH", "/api/v1/users/admin", tokens[access.Admin], `{"disabled":true}`); st != 409 {
		t.Errorf("admin disables themself: %d, want 409", st)
	}
}

// The redirect after login stays on this site.
func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{"/register": "/register", "/search?q=cai+cach": "/search?q=cai+cach",
		"//evil.example": "/", "https://evil.example": "/", "/\\evil": "/", "/\t/evil.example": "/", "/\n/evil": "/", "/%": "/", "": "/"} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSafeNext: whatever is sent as the page to return to after login,
// the redirect stays on this site.
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/register", "//evil", "https://evil", "/\\evil", "", "/%2F%2Fevil", "\t//evil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		u, err := url.Parse(got)
		if !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.ContainsAny(got, "\\\t\n\r") || err != nil || u.Host != "" || u.Scheme != "" {
			t.Fatalf("safeNext(%q) = %q leaves the site", next, got)
		}
	})
}
