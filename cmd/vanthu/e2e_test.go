package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/search"
)

// vanthuBin is the binary under test, built once by TestMain with the
// flags of `make` (GOFLAGS is inherited).
var vanthuBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vanthu-e2e-")
	if err != nil {
		panic(err)
	}
	vanthuBin = filepath.Join(dir, "vanthu")
	out, err := exec.Command("go", "build", "-o", vanthuBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build vanthu: %v\n%s", err, out)
		os.Exit(1)
	}
	// Requests the tests make without credentials carry the clerk's token
	// of the server they go to (see startServer).
	http.DefaultTransport = withToken{http.DefaultTransport}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tokens holds each test server's clerk token, by host.
var tokens sync.Map

// withToken adds the clerk's token of a test server to a request that has
// no credentials of its own.
type withToken struct{ base http.RoundTripper }

func (t withToken) RoundTrip(r *http.Request) (*http.Response, error) {
	if tok, ok := tokens.Load(r.URL.Host); ok && r.Header.Get("Authorization") == "" && r.Header.Get("Cookie") == "" {
		r = r.Clone(r.Context())
		r.Header.Set("Authorization", "Bearer "+tok.(string))
	}
	return t.base.RoundTrip(r)
}

// testPassword is the test users' password.
const testPassword = "mật khẩu thử nghiệm"

// addUser adds a user to a data folder with the command line (the server
// stopped), unless it is there, and returns a new token of theirs.
func addUser(t *testing.T, data, name, role string) string {
	t.Helper()
	add := exec.Command(vanthuBin, "user", "add", name, "--role", role, "--data", data)
	add.Stdin = strings.NewReader(testPassword + "\n")
	if out, err := add.CombinedOutput(); err != nil && !strings.Contains(string(out), "exists") {
		t.Fatalf("vanthu user add %s: %v\n%s", name, err, out)
	}
	out, err := exec.Command(vanthuBin, "token", "create", name, "--data", data).Output()
	if err != nil {
		t.Fatalf("vanthu token create %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// server is a `vanthu serve` child process on a loopback port.
type server struct {
	cmd  *exec.Cmd
	base string
	logs *bytes.Buffer
	// admin is a token of an admin (for /metrics).
	admin string
}

// startServer starts `vanthu serve` on data, with a clerk and an admin
// added first by the command line; requests without credentials go as
// the clerk.
func startServer(t *testing.T, data string, extra ...string) *server {
	t.Helper()
	clerk := addUser(t, data, "e2e-clerk", "clerk")
	admin := addUser(t, data, "e2e-admin", "admin")
	s := start(t, append([]string{"serve", "--addr", "127.0.0.1:0", "--data", data, "--poll", "200ms", "--settle", "300ms", "--drain", "2s"}, extra...)...)
	tokens.Store(strings.TrimPrefix(s.base, "http://"), clerk)
	s.admin = admin
	return s
}

// start starts vanthu with args and waits for it to say where it listens.
func start(t *testing.T, args ...string) *server {
	t.Helper()
	cmd := exec.Command(vanthuBin, args...)
	cmd.Env = withoutOMP()
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, logs: &bytes.Buffer{}}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`msg=listening addr=(\S+)`)
		for sc.Scan() {
			s.logs.WriteString(sc.Text() + "\n")
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		s.base = "http://" + a
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("vanthu %s did not start:\n%s", args[0], s.logs)
	}
	t.Cleanup(func() { s.kill() })
	return s
}

func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		s.cmd.Process.Signal(syscall.SIGKILL)
		s.cmd.Wait()
	}
}

// withoutOMP is the environment minus OMP_THREAD_LIMIT: the binary must set
// it for itself.
func withoutOMP() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OMP_THREAD_LIMIT=") {
			env = append(env, kv)
		}
	}
	return env
}

func scanFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../testdata/scans", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (s *server) upload(t *testing.T, name string, data []byte) (int, map[string]any) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, _ := mw.CreateFormFile("file", name)
	part.Write(data)
	mw.Close()
	resp, err := http.Post(s.base+"/api/v1/documents", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v map[string]any
	json.NewDecoder(resp.Body).Decode(&v)
	return resp.StatusCode, v
}

func (s *server) getJSON(t *testing.T, path string, v any) int {
	t.Helper()
	resp, err := http.Get(s.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	json.NewDecoder(resp.Body).Decode(v)
	return resp.StatusCode
}

// waitIndexed polls the record until it is indexed (or failed).
func (s *server) waitIndexed(t *testing.T, id vanthu.Ref) vanthu.Document {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		var d vanthu.Document
		if s.getJSON(t, "/api/v1/documents/"+string(id), &d) == http.StatusOK && d.Status.Done() {
			if d.Status == vanthu.Failed {
				t.Fatalf("document %s failed: %s", id.Short(), d.Error)
			}
			return d
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("document %s not indexed in time; server log:\n%s", id.Short(), s.logs)
	return vanthu.Document{}
}

func (s *server) search(t *testing.T, q string) search.Result {
	t.Helper()
	var res search.Result
	if code := s.getJSON(t, "/api/v1/search?q="+url.QueryEscape(q), &res); code != http.StatusOK {
		t.Fatalf("search %q: status %d", q, code)
	}
	return res
}

func TestServeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs the real service with Tesseract")
	}
	data := t.TempDir()
	s := startServer(t, data)

	// A clerk drops a two-page TIFF into the inbox (a sub-folder).
	tif := scanFile(t, "congvan-2p.tif")
	os.MkdirAll(filepath.Join(data, "inbox", "máy quét 1"), 0o755)
	if err := os.WriteFile(filepath.Join(data, "inbox", "máy quét 1", "công văn 45.tif"), tif, 0o644); err != nil {
		t.Fatal(err)
	}
	// Another uploads a JPEG, which must be OCRed in the binary that also
	// links MuPDF.
	jpg := scanFile(t, "congvan.jpg")
	code, up := s.upload(t, "congvan.jpg", jpg)
	if code != http.StatusAccepted || up["id"] != string(vanthu.RefOf(jpg)) {
		t.Fatalf("upload: %d %v", code, up)
	}
	// Searches are answered while pages are being recognised.
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(s.base + "/api/v1/search?q=van+ban")
	if err != nil {
		t.Fatalf("search while OCR runs: %v", err)
	}
	resp.Body.Close()
	var rec vanthu.Document
	s.getJSON(t, "/api/v1/documents/"+string(vanthu.RefOf(jpg)), &rec)
	t.Logf("a search was answered while the upload was %q", rec.Status)
	dj := s.waitIndexed(t, vanthu.RefOf(jpg))
	if dj.PageCount != 1 || !strings.Contains(dj.Pages[0].Text, "cải cách hành chính") {
		t.Errorf("JPEG record: %d pages, text %q", dj.PageCount, dj.Pages[0].Text)
	}

	dt := s.waitIndexed(t, vanthu.RefOf(tif))
	if dt.PageCount != 2 || dt.FileName != "công văn 45.tif" || dt.Format != vanthu.TIFF {
		t.Errorf("TIFF record: %+v", dt)
	}
	if _, err := os.Stat(filepath.Join(data, "inbox", "máy quét 1", "công văn 45.tif")); err == nil {
		t.Error("the dropped file is still in the inbox after it was archived")
	}
	md := dt.Metadata
	if md.Number != "45/UBND-VX" || md.IssuedDate != "2024-03-05" || md.DocType != "Công văn" {
		t.Errorf("metadata: %+v", md)
	}

	// Staff search without diacritics; the snippet names page 2.
	res := s.search(t, "kinh phi khuyen nong")
	if res.Total != 1 || res.Hits[0].ID != dt.ID {
		t.Fatalf("search without diacritics: %+v", res)
	}
	if sn := res.Hits[0].Snippets; len(sn) == 0 || sn[0].Page != 2 || !strings.Contains(sn[0].Text, "<mark>") {
		t.Errorf("snippets: %+v", sn)
	}
	if res := s.search(t, "cải cách hành chính"); res.Total != 2 {
		t.Errorf("search with diacritics found %d documents, want both", res.Total)
	}

	// The page images OCR read are served, for viewing.
	resp, err = http.Get(s.base + "/api/v1/documents/" + string(dt.ID) + "/pages/2/image")
	if err != nil {
		t.Fatal(err)
	}
	img, _, imgErr := image.DecodeConfig(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || imgErr != nil || img.Width != 2480 {
		t.Errorf("page image: %d, %v, %+v", resp.StatusCode, imgErr, img)
	}
	if resp, _ := http.Get(s.base + "/api/v1/documents/" + string(dt.ID) + "/pages/3/image"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("image of a page the document lacks: %d, want 404", resp.StatusCode)
	}

	// A records officer downloads the archive copy: byte for byte.
	resp, err = http.Get(s.base + "/api/v1/documents/" + string(dt.ID) + "/original")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(got, tif) || resp.Header.Get("Content-Type") != "image/tiff" {
		t.Errorf("original: %d bytes (%s), want the %d bytes sent", len(got), resp.Header.Get("Content-Type"), len(tif))
	}

	// Its archive copy: a two-layer PDF/A-2b of the two scanned pages
	// whose text layer is the stored text.
	if dt.Archive == nil || dt.Archive.Ref == "" {
		t.Fatalf("no archive copy: %+v", dt.Archive)
	}
	resp = s.getAs(t, "/api/v1/documents/"+string(dt.ID)+"/archive.pdf", "")
	pdfa, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || vanthu.RefOf(pdfa) != dt.Archive.Ref || !bytes.Contains(pdfa, []byte("<pdfaid:part>2</pdfaid:part>")) {
		t.Fatalf("archive.pdf: %d, %d bytes", resp.StatusCode, len(pdfa))
	}
	copyPath := filepath.Join(t.TempDir(), "copy.pdf")
	os.WriteFile(copyPath, pdfa, 0o644)
	for n, pg := range dt.Pages {
		out, err := exec.Command("pdftotext", "-raw", "-f", fmt.Sprint(n+1), "-l", fmt.Sprint(n+1), copyPath, "-").Output()
		if err != nil || strings.Join(strings.Fields(string(out)), " ") != strings.Join(strings.Fields(pg.Text), " ") {
			t.Errorf("archive copy page %d reads %q (%v), want the stored text %q", n+1, out, err, pg.Text)
		}
	}

	// The same bytes again: one record, reported as a duplicate.
	code, up = s.upload(t, "again.jpg", jpg)
	if code != http.StatusAccepted || up["duplicate"] != true {
		t.Errorf("second upload: %d %v; want a duplicate", code, up)
	}
	var all search.Result
	s.getJSON(t, "/api/v1/search", &all)
	if all.Total != 2 {
		t.Errorf("%d documents indexed, want 2", all.Total)
	}

	// A bad file is refused with a stable code, in Vietnamese too.
	code, up = s.upload(t, "thư.docx", []byte("PK\x03\x04 not a scan"))
	if errObj, _ := up["error"].(map[string]any); code != http.StatusUnsupportedMediaType || errObj["code"] != "unsupported_type" || errObj["message_vi"] == "" {
		t.Errorf("refused upload: %d %v", code, up)
	}

	// Metrics are exposed, to an admin (a clerk is refused).
	if resp := s.getAs(t, "/metrics", ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("metrics as a clerk: %d, want 403", resp.StatusCode)
	}
	resp = s.getAs(t, "/metrics", s.admin)
	m, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(m), "vanthu_pages_recognised_total 3") {
		t.Errorf("metrics lack the 3 recognised pages:\n%s", m)
	}
}

// getAs gets path with token (empty: the clerk's); the caller closes the
// body.
func (s *server) getAs(t *testing.T, path, token string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("GET", s.base+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// A server killed mid-document resumes it after a restart, and the index
// holds it exactly once.
func TestServeResumesAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	data := t.TempDir()
	pdf := scanFile(t, "congvan-2p.pdf")
	s := startServer(t, data)
	code, _ := s.upload(t, "qd.pdf", pdf)
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	s.kill() // acknowledged, not yet processed
	s = startServer(t, data)
	d := s.waitIndexed(t, vanthu.RefOf(pdf))
	if d.PageCount != 2 {
		t.Errorf("resumed document has %d pages", d.PageCount)
	}
	res := s.search(t, "hoa giai tranh chap")
	if res.Total != 1 {
		t.Errorf("after resume, search found %d documents, want exactly 1", res.Total)
	}
}

// The binary starts its OCR with OMP_THREAD_LIMIT=1 whatever the caller's
// environment says.
func TestOMPThreadLimitIsGuaranteed(t *testing.T) {
	for _, env := range [][]string{withoutOMP(), append(withoutOMP(), "OMP_THREAD_LIMIT=8")} {
		cmd := exec.Command(vanthuBin, "version")
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), "OMP_THREAD_LIMIT=1\n") {
			t.Errorf("vanthu version: %q, %v", out, err)
		}
	}
}

func (s *server) patch(t *testing.T, id vanthu.Ref, body string) (int, vanthu.Document) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPatch, s.base+"/api/v1/documents/"+string(id), strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d vanthu.Document
	json.NewDecoder(resp.Body).Decode(&d)
	return resp.StatusCode, d
}

// Two scans of one document (other bytes) get consecutive arrival numbers,
// the later is flagged as a possible duplicate, the register lists both,
// and a clerk's correction is kept in history and found by search.
func TestRegisterDuplicatesAndCorrections(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	s := startServer(t, t.TempDir())
	pdf, tif := scanFile(t, "congvan-2p.pdf"), scanFile(t, "congvan-2p.tif")
	s.upload(t, "ban-quet-1.pdf", pdf)
	a := s.waitIndexed(t, vanthu.RefOf(pdf))
	s.upload(t, "ban-quet-2.tif", tif)
	b := s.waitIndexed(t, vanthu.RefOf(tif))
	if a.ArrivalNumber != 1 || b.ArrivalNumber != 2 || a.ArrivalDate == "" {
		t.Errorf("arrival numbers %d, %d (date %q); want 1, 2", a.ArrivalNumber, b.ArrivalNumber, a.ArrivalDate)
	}
	if len(b.DuplicateOf) != 1 || b.DuplicateOf[0] != a.ID || len(a.DuplicateOf) != 0 {
		t.Errorf("duplicates: first %v, second %v; want the second flagged as the first", a.DuplicateOf, b.DuplicateOf)
	}
	if len(a.History) != 1 || a.History[0].By != "extraction" || a.FieldConfidence["number"] <= 0 {
		t.Errorf("extraction record: history %+v, confidence %v", a.History, a.FieldConfidence)
	}

	var reg struct {
		Entries []map[string]any `json:"entries"`
	}
	year := time.Now().In(vanthu.VietnamTime).Year()
	s.getJSON(t, fmt.Sprintf("/api/v1/register?year=%d", year), &reg)
	if len(reg.Entries) != 2 || reg.Entries[0]["number"] != "45/UBND-VX" || !strings.Contains(fmt.Sprint(reg.Entries[1]["notes"]), "trùng") {
		t.Errorf("register: %+v", reg.Entries)
	}
	resp, err := http.Get(fmt.Sprintf("%s/api/v1/register?year=%d&format=csv", s.base, year))
	if err != nil {
		t.Fatal(err)
	}
	csvBody, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(string(csvBody), "\ufeffNgày đến,Số đến,Tác giả") || strings.Count(string(csvBody), "\n") != 3 {
		t.Errorf("register CSV:\n%s", csvBody)
	}

	code, d := s.patch(t, a.ID, `{"by": "Nguyễn Thị Thư", "metadata": {"subject": "V/v thử nghiệm sửa trích yếu", "urgency": "khẩn"}}`)
	if code != http.StatusOK || d.Metadata.Subject != "V/v thử nghiệm sửa trích yếu" || d.Metadata.Urgency != "Khẩn" {
		t.Fatalf("patch: %d %+v", code, d.Metadata)
	}
	if n := len(d.History); n != 2 || d.History[0].By != "extraction" || d.History[0].Metadata.Subject != a.Metadata.Subject || d.History[1].By != "e2e-clerk" { // the logged-in clerk, not the name typed
		t.Errorf("history after correction: %+v", d.History)
	}
	if res := s.search(t, "thu nghiem sua trich yeu"); res.Total != 1 || res.Hits[0].ID != a.ID {
		t.Errorf("the corrected subject is not searchable: %+v", res)
	}
	// The archive copy is made again: its metadata say the corrected
	// trích yếu, and the copy it replaces is gone.
	if d.Archive == nil || d.Archive.Ref == "" || a.Archive == nil || d.Archive.Ref == a.Archive.Ref {
		t.Errorf("archive copy after the correction: %+v, before %+v", d.Archive, a.Archive)
	} else {
		resp := s.getAs(t, "/api/v1/documents/"+string(a.ID)+"/archive.pdf", "")
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Contains(b, []byte("<nd30:trichYeu>V/v thử nghiệm sửa trích yếu</nd30:trichYeu>")) || !bytes.Contains(b, []byte("<nd30:doKhan>Khẩn</nd30:doKhan>")) {
			t.Error("the archive copy's metadata do not say the correction")
		}
	}
	if code, _ := s.patch(t, a.ID, `{"metadata": {"issued_date": "05/03/2024"}}`); code != http.StatusBadRequest {
		t.Errorf("a malformed date was accepted: %d", code)
	}
	if code, _ := s.patch(t, a.ID, `{"metadata": {"colour": "red"}}`); code != http.StatusBadRequest {
		t.Errorf("an unknown field was accepted: %d", code)
	}
}
