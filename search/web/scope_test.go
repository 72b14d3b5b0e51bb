package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/queue/inproc"
)

// scopedServer is fullServer with three documents more, each restricted:
// to another unit, to the staff user's own unit, and to the staff user by
// name. All four hold "cải cách hành chính"; the three cite the first,
// 45/QĐ-UBND of 5 January 2024.
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
			Pages:    []vanthu.Page{{Number: 1, Text: "Tờ trình về cải cách hành chính " + name + ", thực hiện Quyết định số 45/QĐ-UBND ngày 05/01/2024", Done: true}},
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
// totals and facets, the record, the original, the page's words and the
// documents related to another. A document one may not see answers 404,
// as one that does not exist.
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
			for _, path := range []string{"", "/original", "?words=1", "/related"} {
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
		// The documents that cite the first: those the role sees.
		var rel struct {
			CitedBy []struct{ ID vanthu.Ref } `json:"cited_by"`
		}
		_, body := get(t, srv.URL+"/api/v1/documents/"+string(ids["agency"])+"/related", tokens[role])
		json.Unmarshal([]byte(body), &rel)
		var citing []string
		for name, id := range ids {
			if slices.ContainsFunc(rel.CitedBy, func(h struct{ ID vanthu.Ref }) bool { return h.ID == id }) {
				citing = append(citing, name)
			}
		}
		want := slices.DeleteFunc(slices.Clone(sees[role]), func(n string) bool { return n == "agency" })
		if slices.Sort(citing); !slices.Equal(citing, slices.Sorted(slices.Values(want))) || len(rel.CitedBy) != len(want) {
			leaks++
			t.Errorf("%s: the first document is cited by %v (%d), want %v", role, citing, len(rel.CitedBy), want)
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
	t.Logf("who sees which document (record, original, words, related; search):%s\nleaks: %d", table.String(), leaks)
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

// The document page names the documents related to it that the user may
// see: on the decision, the proposals that cite it; on a proposal, the
// decision it cites, linked.
func TestDocumentPageRelated(t *testing.T) {
	s, ids := scopedServer(t)
	srv, tokens := serve(t, s, "")
	link := func(name string) string { return `<a href="/documents/` + string(ids[name]) + `">` }
	_, page := get(t, srv.URL+"/documents/"+string(ids["agency"]), tokens[access.Staff])
	_, list, _ := strings.Cut(page, `id="duoc-vien-dan"`)
	list, _, _ = strings.Cut(list, "</ul>")
	if !strings.Contains(page, "Được viện dẫn trong") || !strings.Contains(list, link("own unit")) || !strings.Contains(list, link("by name")) {
		t.Errorf("staff's page of the decision does not list the proposals they see that cite it:\n%s", list)
	}
	if strings.Contains(page, link("other unit")) {
		t.Errorf("staff's page of the decision names a proposal of another unit")
	}
	// The search it links finds the same.
	_, search, _ := strings.Cut(page, `id="tim-vien-dan"`)
	if !strings.Contains(page, `<a href="/search?q=cites%3a45%2fQ%c4%90-UBND&amp;sort=-issued_date" id="tim-vien-dan">`) {
		t.Errorf("the decision's page links no search of what cites it:%s", search[:min(len(search), 200)])
	}
	var res struct{ Total int }
	_, body := get(t, srv.URL+"/api/v1/search?q="+url.QueryEscape("cites:45/QĐ-UBND"), tokens[access.Staff])
	if json.Unmarshal([]byte(body), &res); res.Total != 2 {
		t.Errorf("staff's search cites:45/QĐ-UBND: %s; want the two proposals they see", body)
	}
	if resp, page := get(t, srv.URL+"/search?q="+url.QueryEscape("cites:QĐ-UBND"), tokens[access.Staff]); resp.StatusCode != 400 || !strings.Contains(page, "sau cites: hãy ghi số, ký hiệu văn bản") {
		t.Errorf("the search page on cites: without a number: %d; want 400 saying what cites: needs", resp.StatusCode)
	}
	_, page = get(t, srv.URL+"/documents/"+string(ids["own unit"]), tokens[access.Staff])
	_, list, _ = strings.Cut(page, `id="vien-dan"`)
	list, _, _ = strings.Cut(list, "</ul>")
	if !strings.Contains(list, "45/QĐ-UBND ngày 05/01/2024: "+link("agency")+"Quyết định 45/QĐ-UBND ngày 05/01/2024</a>") {
		t.Errorf("the proposal's page does not link the decision it cites:\n%s", list)
	}
}
