package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
)

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
