package web

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
)

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
