package web

import (
	"bytes"
	"context"
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

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/auth"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/queue/inproc"
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

// Without credentials every endpoint but the health check answers 401 in
// JSON (the API) or sends the browser to the login page (the UI).
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
	if resp, _ := get(t, srv.URL+"/healthz", ""); resp.StatusCode != 200 {
		t.Errorf("/healthz: %d", resp.StatusCode)
	}
	if resp, _ := get(t, srv.URL+"/api/v1/me", "vt_not-a-token"); resp.StatusCode != 401 {
		t.Errorf("a wrong token: %d, want 401", resp.StatusCode)
	}
}

// The matrix of roles and endpoints: who may reach each, and who may not.
func TestAccessMatrix(t *testing.T) {
	srv, tokens := serve(t, fullServer(t), "")
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
		{call{"GET", "/api/v1/openapi.json", ""}, access.Roles},
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
}

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

// scopedServer is fullServer with three documents more, each restricted:
// to another unit, to the staff user's own unit, and to the staff user by
// name. All four hold "cải cách hành chính".
func scopedServer(t testing.TB) (*Server, map[string]vanthu.Ref) {
	t.Helper()
	s := fullServer(t)
	ids := map[string]vanthu.Ref{"agency": testDocID}
	for name, a := range map[string]vanthu.Access{
		"other unit": {Scope: vanthu.ScopeRestricted, Units: []string{"Phòng Tài chính"}},
		"own unit":   {Scope: vanthu.ScopeRestricted, Units: []string{"Văn phòng"}},
		"by name":    {Scope: vanthu.ScopeRestricted, Users: []string{"staff"}},
	} {
		id, _, err := s.Blobs.Put(context.Background(), strings.NewReader("%PDF-1.4 "+name), 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		d := vanthu.Document{ID: id, FileName: name + ".pdf", PageCount: 1, Format: vanthu.PDF, Status: vanthu.Indexed, ReceivedAt: time.Now(),
			Pages:    []vanthu.Page{{Number: 1, Text: "Tờ trình về cải cách hành chính " + name, Done: true}},
			Metadata: vanthu.Metadata{Number: "7/TTr-UBND", DocType: "Tờ trình", IssuedDate: "2025-01-06", Recipients: []string{}},
			Access:   a}
		if _, _, err := s.Registry.Register(d); err != nil {
			t.Fatal(err)
		}
		if err := s.Index.Put(d); err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	return s, ids
}

// Who sees which document, through every way to reach one: search hits,
// totals and facets, the record, the original and the page's words. A
// document one may not see answers 404, as one that does not exist.
func TestDocumentScopes(t *testing.T) {
	s, ids := scopedServer(t)
	srv, tokens := serve(t, s, "")
	sees := map[access.Role][]string{
		access.Staff:     {"agency", "own unit", "by name"},
		access.Clerk:     {"agency", "other unit", "own unit", "by name"},
		access.Leader:    {"agency", "other unit", "own unit", "by name"},
		access.Archivist: {"agency", "other unit", "own unit", "by name"},
		access.Admin:     {},
	}
	var table strings.Builder
	table.WriteString("\n| role | agency | other unit | own unit | by name | search total |\n| --- | --- | --- | --- | --- | --- |\n")
	leaks := 0
	_, missing := get(t, srv.URL+"/api/v1/documents/"+string(vanthu.RefOf([]byte("no such"))), tokens[access.Staff])
	for _, role := range access.Roles {
		fmt.Fprintf(&table, "| %s |", role)
		for _, name := range []string{"agency", "other unit", "own unit", "by name"} {
			want := slices.Contains(sees[role], name)
			seen := true
			for _, path := range []string{"", "/original", "?words=1"} {
				resp, body := get(t, srv.URL+"/api/v1/documents/"+string(ids[name])+path, tokens[role])
				got := resp.StatusCode == 200
				seen = seen && got
				if got != want {
					leaks++
					t.Errorf("%s GET %s%s: %d, want visible %v", role, name, path, resp.StatusCode, want)
				}
				if !got && role != access.Admin && body != missing {
					t.Errorf("%s: a hidden document answers %q, a missing one %q", role, body, missing)
				}
			}
			mark := "no"
			if seen {
				mark = "yes"
			}
			fmt.Fprintf(&table, " %s |", mark)
		}
		var res struct {
			Total  int
			Hits   []struct{ ID vanthu.Ref }
			Facets map[string][]struct {
				Value string
				Count int
			}
		}
		resp, body := get(t, srv.URL+"/api/v1/search?q=cai+cach+hanh+chinh", tokens[role])
		json.Unmarshal([]byte(body), &res)
		if role == access.Admin {
			fmt.Fprintf(&table, " %d (403) |\n", 0)
			continue
		}
		facetTotal := 0
		for _, f := range res.Facets["doc_type"] {
			facetTotal += f.Count
		}
		fmt.Fprintf(&table, " %d |\n", res.Total)
		if resp.StatusCode != 200 || res.Total != len(sees[role]) || facetTotal != len(sees[role]) || len(res.Hits) != len(sees[role]) {
			leaks++
			t.Errorf("%s search: %d, total %d, facets count %d, hits %d; want %d", role, resp.StatusCode, res.Total, facetTotal, len(res.Hits), len(sees[role]))
		}
	}
	t.Logf("who sees which document (record, original, words; search):%s\nleaks: %d", table.String(), leaks)
}

// A clerk or a leader assigns a document; staff may not; the change is
// recorded and takes effect in search at once.
func TestAssignDocument(t *testing.T) {
	s, ids := scopedServer(t)
	srv, tokens := serve(t, s, "")
	doc := srv.URL + "/api/v1/documents/" + string(ids["other unit"])
	body := `{"scope":"restricted","units":["Phòng  Tài chính","Văn phòng"]}`
	if resp, _ := call(t, "PUT", doc+"/access", tokens[access.Staff], body); resp.StatusCode != 403 {
		t.Errorf("staff assign: %d, want 403", resp.StatusCode)
	}
	if resp, _ := call(t, "PUT", doc+"/access", tokens[access.Clerk], `{"scope":"restricted"}`); resp.StatusCode != 400 {
		t.Errorf("restricted to nobody: %d, want 400", resp.StatusCode)
	}
	resp, out := call(t, "PUT", doc+"/access", tokens[access.Leader], body)
	var d vanthu.Document
	json.Unmarshal([]byte(out), &d)
	if resp.StatusCode != 200 || len(d.AccessHistory) != 1 || d.AccessHistory[0].By != "leader" || !slices.Equal(d.Access.Units, []string{"Phòng Tài chính", "Văn phòng"}) {
		t.Fatalf("leader assign: %d %+v", resp.StatusCode, d.Access)
	}
	if resp, _ := get(t, doc, tokens[access.Staff]); resp.StatusCode != 200 {
		t.Errorf("staff of Văn phòng after the assignment: %d, want 200", resp.StatusCode)
	}
	var res struct{ Total int }
	_, b := get(t, srv.URL+"/api/v1/search?q=cai+cach", tokens[access.Staff])
	json.Unmarshal([]byte(b), &res)
	if res.Total != 4 {
		t.Errorf("staff search after the assignment: %d, want 4", res.Total)
	}
}

// The document page shows the access and, to a leader, the form to assign
// it; staff see neither that form nor the correction form.
func TestDocumentPageAccessForm(t *testing.T) {
	s, ids := scopedServer(t)
	srv, tokens := serve(t, s, "")
	page := srv.URL + "/documents/" + string(ids["agency"])
	form := url.Values{"scope": {"restricted"}, "units": {"Phòng Tài chính\n"}, "users": {""}}
	req, _ := http.NewRequest("POST", page+"/access", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+tokens[access.Leader])
	resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("assign form: %v %v", resp.StatusCode, err)
	}
	_, html := get(t, page, tokens[access.Leader])
	for _, want := range []string{"Giới hạn: đơn vị Phòng Tài chính", `action="/documents/` + string(ids["agency"]) + `/access"`, "Lịch sử giao", "leader: giới hạn cho Phòng Tài chính"} {
		if !strings.Contains(html, want) {
			t.Errorf("the leader's document page lacks %q", want)
		}
	}
	if resp, _ := get(t, page, tokens[access.Staff]); resp.StatusCode != 404 {
		t.Errorf("staff of another unit on the assigned document: %d, want 404", resp.StatusCode)
	}
	_, html = get(t, srv.URL+"/documents/"+string(ids["own unit"]), tokens[access.Staff])
	if strings.Contains(html, `class="correct"`) || strings.Contains(html, `class="assign"`) || !strings.Contains(html, "Giới hạn: đơn vị Văn phòng") {
		t.Errorf("staff's document page offers forms they may not use, or hides the scope")
	}
}

// What users do is in the audit log, which the admin searches: a failed
// login, a search with its query, a view, a download, a correction and a
// denied request, each with user, object, address and outcome.
func TestAuditLog(t *testing.T) {
	s, ids := scopedServer(t)
	srv, tokens := serve(t, s, "")
	http.PostForm(srv.URL+"/login", url.Values{"user": {"staff"}, "password": {"không đúng mật khẩu"}})
	get(t, srv.URL+"/api/v1/search?q=cai+cach", tokens[access.Staff])
	get(t, srv.URL+"/api/v1/documents/"+string(ids["own unit"]), tokens[access.Staff])
	get(t, srv.URL+"/api/v1/documents/"+string(ids["other unit"]), tokens[access.Staff]) // not theirs: 404
	get(t, srv.URL+"/api/v1/documents/"+string(ids["agency"])+"/original", tokens[access.Archivist])
	call(t, "PATCH", srv.URL+"/api/v1/documents/"+string(ids["agency"]), tokens[access.Clerk], `{"metadata":{"subject":"Về việc thử"}}`)
	resp, body := get(t, srv.URL+"/api/v1/audit", tokens[access.Admin])
	var res struct{ Entries []audit.Entry }
	json.Unmarshal([]byte(body), &res)
	if resp.StatusCode != 200 {
		t.Fatalf("audit search: %d %s", resp.StatusCode, body)
	}
	want := []struct{ user, action, object, outcome string }{
		{"staff", "login", "", "failed"},
		{"staff", "search", "q=cai+cach", "200"},
		{"staff", "view", string(ids["own unit"]), "200"},
		{"staff", "view", string(ids["other unit"]), "404"},
		{"archivist", "download", string(ids["agency"]), "200"},
		{"clerk", "correct", string(ids["agency"]), "200"},
	}
	for _, w := range want {
		found := false
		for _, e := range res.Entries {
			found = found || e.User == w.user && e.Action == w.action && e.Object == w.object && e.Outcome == w.outcome && e.Addr == "127.0.0.1" && e.Via != ""
		}
		if !found {
			t.Errorf("no audit entry %+v in %+v", w, res.Entries)
		}
	}
	_, body = get(t, srv.URL+"/api/v1/audit?user=clerk&action=correct", tokens[access.Admin])
	json.Unmarshal([]byte(body), &res)
	if len(res.Entries) != 1 {
		t.Errorf("filtered audit search: %d entries, want 1", len(res.Entries))
	}
	if n, err := audit.Verify(s.AuditDir, s.AuditDir); err != nil || n < uint64(len(want)) {
		t.Errorf("Verify = %d, %v", n, err)
	}
	// And through the UI: the admin's page, filtered.
	_, page := get(t, srv.URL+"/admin/audit?user=clerk&action=correct", tokens[access.Admin])
	if !strings.Contains(page, "Nhật ký truy cập") || strings.Count(page, "<td>sửa thông tin</td>") != 1 || !strings.Contains(page, `href="/documents/`+string(ids["agency"])) || strings.Contains(page, "<td>tìm kiếm</td>") {
		t.Errorf("the audit page filtered to the clerk's corrections:\n%s", page)
	}
	if resp, page := get(t, srv.URL+"/admin/audit?from=hôm-qua", tokens[access.Admin]); resp.StatusCode != 200 || !strings.Contains(page, "Ngày không hợp lệ") {
		t.Errorf("a bad date on the audit page: %d", resp.StatusCode)
	}
	// The document's page shows its access history, to who may see it.
	_, html := get(t, srv.URL+"/documents/"+string(ids["agency"]), tokens[access.Leader])
	for _, want := range []string{"Lịch sử truy cập", `<strong id="so-lan-truy-cap">1</strong>`, "archivist: tải bản gốc", "clerk: sửa thông tin"} {
		if !strings.Contains(html, want) {
			t.Errorf("the document page lacks %q", want)
		}
	}
}

// A clerk corrects the parent agency (cơ quan chủ quản) like any other
// field: the record keeps it.
func TestCorrectParentBody(t *testing.T) {
	srv, tokens := serve(t, fullServer(t), "")
	doc := srv.URL + "/api/v1/documents/" + string(testDocID)
	resp, body := call(t, "PATCH", doc, tokens[access.Clerk], `{"metadata":{"parent_body":"UBND TỈNH BÌNH AN"}}`)
	var d vanthu.Document
	json.Unmarshal([]byte(body), &d)
	if resp.StatusCode != 200 || d.Metadata.ParentBody != "UBND TỈNH BÌNH AN" {
		t.Fatalf("correction: %d %+v", resp.StatusCode, d.Metadata)
	}
	_, body = get(t, doc, tokens[access.Clerk])
	if !strings.Contains(body, `"parent_body":"UBND TỈNH BÌNH AN"`) {
		t.Errorf("the record after the correction: %s", body)
	}
}

// A clerk's correction that gives a document a secrecy mark applies the
// state-secret policy at once: the record becomes a stub, search finds it
// no more, and its original is not served.
func TestCorrectionToSecretHoldsAtOnce(t *testing.T) {
	s := fullServer(t)
	q := inproc.New(10)
	t.Cleanup(func() { q.Close() })
	p := &pipeline.Pipeline{Queue: q, Blobs: s.Blobs, Registry: s.Registry, Index: s.Index, SecretHold: filepath.Join(t.TempDir(), "secret-hold")}
	s.HoldSecret = p.HoldSecret
	srv, tokens := serve(t, s, "")
	doc := srv.URL + "/api/v1/documents/" + string(testDocID)
	resp, body := call(t, "PATCH", doc, tokens[access.Clerk], `{"metadata":{"confidentiality":"Tuyệt mật"}}`)
	var d vanthu.Document
	json.Unmarshal([]byte(body), &d)
	if resp.StatusCode != 200 || d.Status != vanthu.Held || d.Metadata.Subject != "" || len(d.Pages) != 0 {
		t.Fatalf("correction to Tuyệt mật: %d %+v", resp.StatusCode, d)
	}
	var res struct{ Total int }
	_, b := get(t, srv.URL+"/api/v1/search?q=cai+cach", tokens[access.Leader])
	json.Unmarshal([]byte(b), &res)
	if res.Total != 0 {
		t.Errorf("search still finds the secret document: %d", res.Total)
	}
	if resp, _ := get(t, doc+"/original", tokens[access.Archivist]); resp.StatusCode != http.StatusGone {
		t.Errorf("the original of a held document: %d, want 410", resp.StatusCode)
	}
}

// Who is given the byte-exact original and who the reading copy (the
// PDF/A archive copy): the archivist and the clerk who received the file
// get the original; another clerk, staff and leaders the copy; with no copy,
// everyone who may read gets the original. Each download is in the audit
// log.
func TestOriginalOrReadingCopy(t *testing.T) {
	s := fullServer(t)
	srv, tokens := serve(t, s, "")
	if _, err := s.Users.Add("clerk2", access.Clerk, "Văn phòng", testPassword); err != nil {
		t.Fatal(err)
	}
	tokens["clerk2"], _, _ = s.Users.CreateToken("clerk2")
	d, _ := s.Registry.Get(testDocID)
	original, _ := s.Blobs.ReadAll(d.ID)
	copyBytes, _ := s.Blobs.ReadAll(d.Archive.Ref)
	url := srv.URL + "/api/v1/documents/" + string(testDocID)
	check := func(who access.Role, path, want string) {
		t.Helper()
		resp, body := get(t, url+path, tokens[who])
		wantBody := original
		if want == "archive" {
			wantBody = copyBytes
		}
		if resp.StatusCode != 200 || resp.Header.Get("X-Vanthu-Copy") != want || body != string(wantBody) {
			t.Errorf("%s %s: %d %q (%d bytes), want the %s", who, path, resp.StatusCode, resp.Header.Get("X-Vanthu-Copy"), len(body), want)
		}
	}
	for who, want := range map[access.Role]string{access.Archivist: "original", access.Clerk: "original", "clerk2": "archive", access.Staff: "archive", access.Leader: "archive"} {
		check(who, "/original", want)
		check(who, "/archive.pdf", "archive")
	}
	if !strings.HasPrefix(string(copyBytes), "%PDF-1.7") || !bytes.Contains(copyBytes, []byte("<pdfaid:part>2</pdfaid:part>")) {
		t.Error("the reading copy is not a PDF/A-2 file")
	}
	// An entry is written once its answer is sent: wait for the last.
	var downloads map[string]int
	var err error
	for range 100 {
		var entries []audit.Entry
		entries, err = s.Audit.About(string(testDocID))
		downloads = map[string]int{}
		for _, e := range entries {
			downloads[e.Action]++
		}
		if downloads["download"] == 5 && downloads["download_archive"] == 5 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil || downloads["download"] != 5 || downloads["download_archive"] != 5 {
		t.Errorf("downloads in the audit log: %v (%v), want 5 of each", downloads, err)
	}

	// Without a copy, the original to all who may read; the reason told.
	if _, err := s.Registry.Update(testDocID, func(d *vanthu.Document) error {
		d.Archive = &vanthu.ArchiveCopy{Note: "born-digital PDF", NoteVI: "Văn bản điện tử"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	check(access.Staff, "/original", "original")
	if resp, body := get(t, url+"/archive.pdf", tokens[access.Staff]); resp.StatusCode != 404 || !strings.Contains(body, "no_archive_copy") || !strings.Contains(body, "born-digital") {
		t.Errorf("archive.pdf of a document without one: %d %s", resp.StatusCode, body)
	}
}

// The original of a PDF with active content goes to the archivist only;
// the others are given the archive copy, made from the page images without
// it, or, while there is none, nothing.
func TestActiveContentOriginalToArchivistOnly(t *testing.T) {
	s := fullServer(t)
	if _, err := s.Registry.Update(testDocID, func(d *vanthu.Document) error {
		d.ActiveContent = []string{"javascript"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	srv, tokens := serve(t, s, "")
	original := srv.URL + "/api/v1/documents/" + string(testDocID) + "/original"
	if resp, _ := get(t, original, tokens[access.Archivist]); resp.StatusCode != 200 || resp.Header.Get("X-Vanthu-Copy") != "original" {
		t.Errorf("archivist: %d %q, want 200 and the original", resp.StatusCode, resp.Header.Get("X-Vanthu-Copy"))
	}
	for _, role := range []access.Role{access.Clerk, access.Staff, access.Leader} {
		if resp, _ := get(t, original, tokens[role]); resp.StatusCode != 200 || resp.Header.Get("X-Vanthu-Copy") != "archive" {
			t.Errorf("%s: %d %q, want the archive copy", role, resp.StatusCode, resp.Header.Get("X-Vanthu-Copy"))
		}
	}
	if _, err := s.Registry.Update(testDocID, func(d *vanthu.Document) error { d.Archive = nil; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, role := range []access.Role{access.Clerk, access.Staff, access.Leader} {
		if resp, body := get(t, original, tokens[role]); resp.StatusCode != 403 || !strings.Contains(body, "active_content") {
			t.Errorf("%s without a copy: %d %s, want 403 active_content", role, resp.StatusCode, body)
		}
	}
}

// FuzzDocumentPaths: whatever id or path staff ask for, they never get a
// document restricted to another unit, and never a server error.
func FuzzDocumentPaths(f *testing.F) {
	s, ids := scopedServer(f)
	srv, tokens := serve(f, s, "")
	other := string(ids["other unit"])
	f.Add("", "")
	f.Add("/original", "")
	f.Add("/pages/1/image", "")
	f.Add("/../x", "?words=1")
	f.Fuzz(func(t *testing.T, suffix, query string) {
		for _, id := range []string{other, strings.ToUpper(other), other[:10]} {
			u := srv.URL + "/api/v1/documents/" + id + url.PathEscape(suffix) + query
			req, err := http.NewRequest("GET", u, nil)
			if err != nil {
				return
			}
			req.Header.Set("Authorization", "Bearer "+tokens[access.Staff])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode >= 500 || resp.StatusCode == 200 && (strings.Contains(string(b), "other unit") || strings.Contains(string(b), "Phòng Tài chính")) {
				t.Fatalf("GET %s as staff: %d %.200s", u, resp.StatusCode, b)
			}
		}
	})
}

// On an isolated machine (--secret-mode=isolated) a state-secret document
// is kept, and reached only by leaders and the users named on it: not by
// clerks or archivists, in the record, search, the register or the queue.
func TestIsolatedSecretDocuments(t *testing.T) {
	s, ids := scopedServer(t)
	for name, a := range map[string]vanthu.Access{
		"secret":       {Scope: vanthu.ScopeRestricted, Secret: true},
		"secret named": {Scope: vanthu.ScopeRestricted, Secret: true, Users: []string{"staff"}},
	} {
		id, _, _ := s.Blobs.Put(context.Background(), strings.NewReader("%PDF-1.4 "+name), 1<<20)
		d := vanthu.Document{ID: id, FileName: name + ".pdf", PageCount: 1, Format: vanthu.PDF, Status: vanthu.Indexed, ReceivedAt: time.Now(),
			Pages:    []vanthu.Page{{Number: 1, Text: "Quyết định mật về cải cách hành chính", Done: true}},
			Metadata: vanthu.Metadata{Number: "9/QĐ-UBND", DocType: "Quyết định", IssuedDate: "2025-02-01", Confidentiality: "Mật", Recipients: []string{}},
			Access:   a}
		if _, _, err := s.Registry.Register(d); err != nil {
			t.Fatal(err)
		}
		s.Index.Put(d)
		ids[name] = id
	}
	srv, tokens := serve(t, s, "")
	for role, want := range map[access.Role][2]bool{ // secret, secret named
		access.Leader: {true, true}, access.Clerk: {false, false}, access.Archivist: {false, false}, access.Staff: {false, true},
	} {
		for i, name := range []string{"secret", "secret named"} {
			resp, _ := get(t, srv.URL+"/api/v1/documents/"+string(ids[name]), tokens[role])
			if got := resp.StatusCode == 200; got != want[i] {
				t.Errorf("%s GET %s: %d, want visible %v", role, name, resp.StatusCode, want[i])
			}
		}
		var res struct{ Hits []struct{ ID vanthu.Ref } }
		_, b := get(t, srv.URL+"/api/v1/search?q=cai+cach&size=100", tokens[role])
		json.Unmarshal([]byte(b), &res)
		for _, h := range res.Hits {
			for i, name := range []string{"secret", "secret named"} {
				if h.ID == ids[name] && !want[i] {
					t.Errorf("%s finds %s in search", role, name)
				}
			}
		}
		if role == access.Staff {
			continue // no register or queue
		}
		for _, path := range []string{"/api/v1/register", "/api/v1/documents"} {
			_, b := get(t, srv.URL+path, tokens[role])
			if listed := strings.Contains(b, string(ids["secret"])); listed != want[0] {
				t.Errorf("%s %s lists the secret document: %v, want %v", role, path, listed, want[0])
			}
		}
	}
}

// Pages go no deeper than the first search.MaxWindow results: past them
// the API answers 400 and the UI says to narrow the search.
func TestSearchPagesStopAtTheWindow(t *testing.T) {
	srv, tokens := serve(t, fullServer(t), "")
	resp, body := get(t, srv.URL+"/api/v1/search?q=cai+cach&page=101&size=100", tokens[access.Staff])
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "only the first 10000 results") {
		t.Errorf("page 101 of 100: %d %s", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv.URL+"/api/v1/search?q=cai+cach&page=100&size=100", tokens[access.Staff]); resp.StatusCode != http.StatusOK {
		t.Errorf("page 100 of 100, the window's last: %d", resp.StatusCode)
	}
	if _, page := get(t, srv.URL+"/search?q=cai+cach&page=1001", tokens[access.Staff]); !strings.Contains(page, "chỉ xem được 10.000 kết quả đầu tiên") {
		t.Errorf("UI page 1001: no word of the window in\n%s", page)
	}
}
