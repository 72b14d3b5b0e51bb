package web

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/vanthu/vanthu/access"
)

// Case files from the API: opened, filled, listed with their retention,
// the đến hạn list, the register's notes, and refusals.
func TestCaseFiles(t *testing.T) {
	s := fullServer(t)
	srv, tokens := serve(t, s, "")
	api := srv.URL + "/api/v1/files"
	clerk := tokens[access.Clerk]
	const code = "000.00.00.G09.2025.01.TH"
	resp, body := call(t, "POST", api, clerk, `{"code":"`+code+`","title":"Hồ sơ cải cách hành chính năm 2025","retention":10,"start_date":"2025-01-01","end_date":"2025-12-31"}`)
	var created caseFileView
	json.Unmarshal([]byte(body), &created)
	if resp.StatusCode != 201 || created.Retention != "10 năm" || created.DueYear != 2035 || created.Due || created.CreatedBy != "clerk" {
		t.Fatalf("create: %d %s", resp.StatusCode, body)
	}
	for _, bad := range []struct{ body, code string }{
		{`{"code":"../etc","title":"x","retention":"10"}`, "bad_case_file"},
		{`{"code":"A.1","title":"","retention":"10"}`, "bad_case_file"},
		{`{"code":"A.1","title":"x","retention":"mãi mãi"}`, "bad_case_file"},
		{`{"code":"A.1","title":"x","retention":"10","start_date":"2025-05-01","end_date":"2025-01-01"}`, "bad_case_file"},
		{`{"code":"` + code + `","title":"x","retention":"vĩnh viễn"}`, "case_file_exists"},
	} {
		if resp, body := call(t, "POST", api, clerk, bad.body); resp.StatusCode/100 != 4 || !strings.Contains(body, bad.code) || !strings.Contains(body, "message_vi") {
			t.Errorf("%s: %d %s, want %s", bad.body, resp.StatusCode, body, bad.code)
		}
	}
	call(t, "POST", api, clerk, `{"code":"OLD.2010.01","title":"Hồ sơ cũ","retention":"5 năm","end_date":"2010-12-31"}`)
	call(t, "POST", api, clerk, `{"code":"PERM.2010.01","title":"Hồ sơ vĩnh viễn","retention":"Vĩnh viễn","end_date":"2010-12-31"}`)

	// Filing: by id, once; not in a second file; unknown documents are 404.
	add := func(file, id string) (*http.Response, string) {
		return call(t, "POST", api+"/"+file+"/documents", clerk, `{"id":"`+id+`"}`)
	}
	if resp, body := add(code, string(testDocID)); resp.StatusCode != 200 {
		t.Fatalf("file a document: %d %s", resp.StatusCode, body)
	}
	if resp, _ := add(code, string(testDocID)); resp.StatusCode != 200 {
		t.Errorf("filing it again: %d, want 200 and no change", resp.StatusCode)
	}
	if resp, body := add("OLD.2010.01", string(testDocID)); resp.StatusCode != 409 || !strings.Contains(body, "already_filed") {
		t.Errorf("filing it in a second file: %d %s", resp.StatusCode, body)
	}
	if resp, _ := add(code, strings.Repeat("0", 64)); resp.StatusCode != 404 {
		t.Errorf("an unknown document: %d, want 404", resp.StatusCode)
	}
	if resp, _ := add("NO.SUCH", string(testDocID)); resp.StatusCode != 404 {
		t.Errorf("an unknown file: %d, want 404", resp.StatusCode)
	}
	var got caseFileView
	_, body = call(t, "GET", api+"/"+code, tokens[access.Leader], "")
	json.Unmarshal([]byte(body), &got)
	if len(got.Items) != 1 || got.Items[0].STT != 1 || got.Items[0].ID != testDocID || got.Items[0].Number != "45/QĐ-UBND" || !got.Items[0].Archive {
		t.Errorf("the file: %s", body)
	}

	var list struct{ Files []caseFileView }
	_, body = call(t, "GET", api+"?due=1", clerk, "")
	json.Unmarshal([]byte(body), &list)
	if len(list.Files) != 1 || list.Files[0].Code != "OLD.2010.01" || list.Files[0].DueYear != 2015 || !list.Files[0].Due {
		t.Errorf("đến hạn: %s", body)
	}
	_, body = call(t, "GET", api, clerk, "")
	json.Unmarshal([]byte(body), &list)
	if len(list.Files) != 3 {
		t.Errorf("all files: %s", body)
	}

	var reg struct{ Entries []RegisterEntry }
	d, _ := s.Registry.Get(testDocID)
	_, body = call(t, "GET", srv.URL+"/api/v1/register?year="+d.ArrivalDate[:4], clerk, "")
	json.Unmarshal([]byte(body), &reg)
	if len(reg.Entries) != 1 || reg.Entries[0].CaseFile != code || reg.Entries[0].DueYear != 2035 || !strings.Contains(reg.Entries[0].Notes, "bảo quản 10 năm, đến hạn năm 2035") {
		t.Errorf("register: %s", body)
	}

	// The pages.
	_, page := call(t, "GET", srv.URL+"/files", clerk, "")
	for _, want := range []string{code, "OLD.2010.01", "đến hạn", "Lập hồ sơ mới"} {
		if !strings.Contains(page, want) {
			t.Errorf("/files lacks %q", want)
		}
	}
	_, page = call(t, "GET", srv.URL+"/files/"+code, tokens[access.Leader], "")
	if !strings.Contains(page, "45/QĐ-UBND") || strings.Contains(page, "Xuất hồ sơ") || strings.Contains(page, "Đưa văn bản vào hồ sơ") {
		t.Error("/files/{code} for a leader: the document, no export, no filing form")
	}
	_, page = call(t, "GET", srv.URL+"/documents/"+string(testDocID), clerk, "")
	if !strings.Contains(page, "Thuộc hồ sơ") {
		t.Error("the document's page does not name its case file")
	}
}

// The export of a case file: the archive copies named mã hồ sơ.STT,
// metadata.xml well formed with every field, the table of contents, and a
// manifest whose hashes match.
func TestCaseFileExport(t *testing.T) {
	s := fullServer(t)
	srv, tokens := serve(t, s, "")
	const code = "000.00.00.G09.2025.01.TH"
	call(t, "POST", srv.URL+"/api/v1/files", tokens[access.Archivist], `{"code":"`+code+`","title":"Hồ sơ thử & <xuất>","retention":"vĩnh viễn","start_date":"2024-01-01"}`)
	call(t, "POST", srv.URL+"/api/v1/files/"+code+"/documents", tokens[access.Archivist], `{"id":"`+string(testDocID)+`"}`)
	resp, body := call(t, "GET", srv.URL+"/api/v1/files/"+url.PathEscape(code)+"/export.zip", tokens[access.Archivist], "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("export: %d %s", resp.StatusCode, body)
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = b
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != code+".001.pdf metadata.xml muc-luc.csv manifest-sha256.txt" {
		t.Fatalf("files: %v", names)
	}
	d, _ := s.Registry.Get(testDocID)
	copyBytes, _ := s.Blobs.ReadAll(d.Archive.Ref)
	if !bytes.Equal(files[code+".001.pdf"], copyBytes) {
		t.Error("the document in the export is not its archive copy")
	}
	manifest := strings.Split(strings.TrimSpace(string(files["manifest-sha256.txt"])), "\n")
	if len(manifest) != 3 {
		t.Errorf("manifest: %q", manifest)
	}
	for _, line := range manifest {
		sum, name, _ := strings.Cut(line, "  ")
		h := sha256.Sum256(files[name])
		if hex.EncodeToString(h[:]) != sum {
			t.Errorf("manifest: %s does not hash to %s", name, sum)
		}
	}
	var meta struct {
		FileCode                                                                       struct{ Code, OrganId, FileCatalog, FileNotation string }
		Title, Maintenance, Rights, Creator, Language, StartDate, EndDate, Description string
		DocTotal, PageTotal                                                            int
		Documents                                                                      []struct {
			FileCode, TypeName, CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, Language, Mode, OriginalSHA256 string
			DocOrdinal, PageAmount                                                                                       int
			SignerInfo                                                                                                   struct{ Position, FullName string }
			File                                                                                                         struct {
				Name   string `xml:"name,attr"`
				SHA256 string `xml:"sha256,attr"`
			}
		} `xml:"Documents>Document"`
	}
	if err := xml.Unmarshal(files["metadata.xml"], &meta); err != nil {
		t.Fatalf("metadata.xml: %v", err)
	}
	doc := meta.Documents
	if meta.FileCode.OrganId != "000.00.00.G09" || meta.FileCode.FileCatalog != "2025" || meta.FileCode.FileNotation != "01.TH" ||
		meta.Title != "Hồ sơ thử & <xuất>" || meta.Maintenance != "vĩnh viễn" || meta.Creator != "archivist" || meta.Language != "vi" ||
		meta.StartDate != "01/01/2024" || meta.DocTotal != 1 || meta.PageTotal != 1 || len(doc) != 1 {
		t.Fatalf("metadata.xml:\n%s", files["metadata.xml"])
	}
	if x := doc[0]; x.DocOrdinal != 1 || x.FileCode != code || x.TypeName != "Quyết định" || x.CodeNumber != "45" || x.CodeNotation != "QĐ-UBND" ||
		x.IssuedDate != "05/01/2024" || x.Mode != "số hóa" || x.OriginalSHA256 != string(testDocID) || x.PageAmount != 1 ||
		x.File.Name != code+".001.pdf" || !strings.Contains(string(files["manifest-sha256.txt"]), x.File.SHA256+"  "+x.File.Name) {
		t.Errorf("the document in metadata.xml: %+v", x)
	}
	for _, field := range []string{"<Title>", "<Maintenance>", "<Rights>", "<Creator>", "<Language>", "<StartDate>", "<EndDate>", "<DocTotal>", "<PageTotal>", "<Description>",
		"<DocOrdinal>", "<TypeName>", "<CodeNumber>", "<CodeNotation>", "<IssuedDate>", "<OrganName>", "<Subject>", "<PageAmount>", "<SignerInfo>", "<Priority>", "<ArrivalNumber>", "<ArrivalDate>"} {
		if !bytes.Contains(files["metadata.xml"], []byte(field)) {
			t.Errorf("metadata.xml lacks %s", field)
		}
	}
	csv := string(files["muc-luc.csv"])
	if !strings.HasPrefix(csv, "\ufeffSTT,\"Số, ký hiệu văn bản\"") || !strings.Contains(csv, "1,45/QĐ-UBND,05/01/2024,Quyết định") {
		t.Errorf("muc-luc.csv:\n%s", csv)
	}
}

// FuzzCaseFilePaths: whatever code or body is sent, case files answer
// with a refusal, never a server error, and never to staff.
func FuzzCaseFilePaths(f *testing.F) {
	s := fullServer(f)
	srv, tokens := serve(f, s, "")
	f.Add("000.00.00.G09.2025.01.TH", `{"code":"A.1","title":"t","retention":"10"}`)
	f.Add("../../etc", `{"code":"../x","title":"t","retention":"vĩnh viễn"}`)
	f.Add("%2e%2e", `{"code":"A.2","title":"t","retention":10,"start_date":"2025-02-30"}`)
	f.Fuzz(func(t *testing.T, code, body string) {
		do := func(method, path, body, token string) int {
			req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
			if err != nil {
				return 0
			}
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return 0
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp.StatusCode
		}
		p := "/api/v1/files/" + url.PathEscape(code)
		for _, c := range []struct{ method, path, body string }{
			{"POST", "/api/v1/files", body}, {"GET", p, ""}, {"POST", p + "/documents", body}, {"GET", p + "/export.zip", ""},
		} {
			if st := do(c.method, c.path, c.body, tokens[access.Archivist]); st >= 500 {
				t.Fatalf("%s %s %q as archivist: %d", c.method, c.path, c.body, st)
			}
			if st := do(c.method, c.path, c.body, tokens[access.Staff]); st != http.StatusForbidden && st != 0 && st != http.StatusNotFound {
				t.Fatalf("%s %s as staff: %d, want 403", c.method, c.path, st)
			}
		}
	})
}
