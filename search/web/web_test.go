package web

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/archive"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/search"
)

// testDocID is the document fullServer registers and indexes.
var testDocID = vanthu.RefOf([]byte("d"))

// fullServer is a server with every stage, its index holding one
// document, registered with its original.
func fullServer(t testing.TB) *Server {
	t.Helper()
	dir := t.TempDir()
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	bs, _ := blob.Open(filepath.Join(dir, "blobs"))
	original, _, err := bs.Put(context.Background(), strings.NewReader("%PDF-1.4 quyết định"), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	// One scanned page with its words, and the archive copy made of it.
	img := image.NewGray(image.Rect(0, 0, 200, 280))
	for i := range img.Pix {
		img.Pix[i] = 250
	}
	var scan bytes.Buffer
	if err := png.Encode(&scan, img); err != nil {
		t.Fatal(err)
	}
	pageImage, err := bs.PutBytes(context.Background(), scan.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	text := "Quyết định về cải cách hành chính"
	var words []vanthu.Word
	for i, w := range strings.Fields(text) {
		words = append(words, vanthu.Word{Text: w, X0: 10 + 30*i, Y0: 20, X1: 36 + 30*i, Y1: 30, Line: 1, Confidence: 95})
	}
	d := vanthu.Document{ID: original, FileName: "qd.pdf", PageCount: 1, Format: vanthu.PDF, Status: vanthu.Indexed, ReceivedAt: time.Now(), ReceivedBy: "clerk",
		Pages:    []vanthu.Page{{Number: 1, Image: pageImage, DPI: 24, Width: 200, Height: 280, Text: text, TextSource: "ocr", Words: words, Done: true}},
		Metadata: vanthu.Metadata{Number: "45/QĐ-UBND", DocType: "Quyết định", IssuedDate: "2024-01-05", Recipients: []string{}}}
	ac, err := archive.Build(context.Background(), bs, d, time.Now())
	if err != nil || ac.Ref == "" {
		t.Fatalf("archive copy: %+v, %v", ac, err)
	}
	d.Archive = &ac
	testDocID = original
	if err := ix.Put(d); err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Open(filepath.Join(dir, "registry.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	if _, _, err := reg.Register(d); err != nil {
		t.Fatal(err)
	}
	return &Server{
		Receiver: &intake.Receiver{Blobs: bs, Registry: reg, Limits: intake.DefaultLimits()},
		Events:   intake.NewEvents(10), Registry: reg, Blobs: bs, Searcher: &search.Searcher{Index: ix}, Index: ix,
	}
}

// newServer is fullServer on loopback, requests made as a clerk.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv, _ := serve(t, fullServer(t), access.Clerk)
	return srv
}

func TestSearchAPI(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Get(srv.URL + "/api/v1/search?q=" + url.QueryEscape("cai cach"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res search.Result
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Metadata.Number != "45/QĐ-UBND" || res.Facets["doc_type"] == nil {
		t.Errorf("result = %+v", res)
	}
}

// A bad request answers 4xx with a JSON error that says what is wrong;
// never a 500.
func TestBadRequestsAreJSON400s(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/v1/search?q=%22open", 400, "bad_query"},
		{"/api/v1/search?from=2024-02-30", 400, "bad_query"},
		{"/api/v1/search?size=101", 400, "bad_query"},
		{"/api/v1/search?sort=name", 400, "bad_query"},
		{"/api/v1/documents/not-a-sha", 400, "bad_id"},
		{"/api/v1/documents/" + string(vanthu.RefOf([]byte("x"))), 404, "not_found"},
		{"/api/v1/documents/" + string(vanthu.RefOf([]byte("x"))) + "/original", 404, "not_found"},
		{"/api/v1/nothing", 404, "not_found"},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || body.Error.Code != tt.code || body.Error.Message == "" {
			t.Errorf("GET %s: %d %+v; want %d %s with a message", tt.path, resp.StatusCode, body.Error, tt.status, tt.code)
		}
	}
	resp, _ := http.Post(srv.URL+"/api/v1/documents", "text/plain", nil)
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("upload without multipart: %d, want 400", resp.StatusCode)
	}
}

func TestOpenAPIIsValidJSON(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Get(srv.URL + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var spec struct {
		Paths map[string]any `json:"paths"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&spec); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/documents/{id}/original", "/api/v1/documents/{id}/related", "/api/v1/search", "/metrics", "/api/v1/me", "/api/v1/users", "/api/v1/users/{name}", "/api/v1/tokens", "/api/v1/tokens/{id}"} {
		if spec.Paths[p] == nil {
			t.Errorf("openapi.json does not describe %s", p)
		}
	}
}

// openStores opens a blob store and a registry in a temporary folder,
// closed when the test ends.
func openStores(t *testing.T) (*blob.Store, *registry.Registry) {
	t.Helper()
	dir := t.TempDir()
	bs, err := blob.Open(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Open(filepath.Join(dir, "registry.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	return bs, reg
}

// An upload over the limit is refused with 413 and a stable code, before
// its body is read in full.
func TestUploadTooLarge(t *testing.T) {
	bs, reg := openStores(t)
	s := &Server{Receiver: &intake.Receiver{Blobs: bs, Registry: reg, Limits: intake.Limits{MaxFileSize: 1000, MaxPixels: 1e8}},
		Events: intake.NewEvents(10), Registry: reg, Blobs: bs, MaxUpload: 1000}
	srv, _ := serve(t, s, access.Clerk)
	for _, size := range []int{5000, 3 << 20} { // over the file limit; over the body limit
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		part, _ := mw.CreateFormFile("file", "big.pdf")
		part.Write(append([]byte("%PDF-1.4\n"), make([]byte, size)...))
		mw.Close()
		resp, err := http.Post(srv.URL+"/api/v1/documents", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Error struct{ Code, MessageVI string } `json:"error"`
		}
		json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || v.Error.Code != "file_too_large" {
			t.Errorf("upload of %d bytes: %d %+v; want 413 file_too_large", size, resp.StatusCode, v.Error)
		}
	}
	if n, _ := reg.Count(); len(n) != 0 {
		t.Errorf("an oversized upload was registered: %v", n)
	}
}

// The pages answer in Vietnamese, also when something is wrong, and serve
// their assets themselves.
func TestPagesServerSide(t *testing.T) {
	srv := newServer(t)
	for _, c := range []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, "45/QĐ-UBND"}, // the home page lists the latest documents
		{"/search?q=" + url.QueryEscape("cai cach"), 200, "<mark>cải cách</mark>"},
		{"/search?q=khong+co+tu+nay", 200, "Không có văn bản nào phù hợp"},
		{"/search?from=2024-13-40", 400, "ngày phải có dạng"},
		{"/search?doc_type=" + url.QueryEscape("Quyết định"), 200, "× Bỏ lọc Loại văn bản"},
		{"/documents/khong-co", 400, "Mã văn bản không hợp lệ"},
		{"/documents/" + strings.Repeat("0", 64), 404, "Không tìm thấy"},
		{"/khong-co-trang-nay", 404, "Không có trang này"},
		{"/register?year=abc", 400, "Năm không hợp lệ"},
		{"/intake", 200, "Kéo và thả bản quét"},
		{"/static/app.css", 200, ".hitbox"},
	} {
		resp, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(b), c.want) {
			t.Errorf("GET %s: %d, want %d with %q:\n%.400s", c.path, resp.StatusCode, c.status, c.want, b)
		}
	}
}

// A signed document whose number and day were written by hand: its page
// shows each signature with its verdict, and the header of page 1 beside
// the correction form (and in the intake queue), where the clerk reads
// what OCR could not.
// The correction form offers the signers the register knows for the
// document's issuer, and their roles, to whoever may correct it.
func TestDocumentPageOffersKnownSigners(t *testing.T) {
	bs, reg := openStores(t)
	const issuer = "ỦY BAN NHÂN DÂN TỈNH BÌNH AN"
	for i, md := range []vanthu.Metadata{
		{Issuer: issuer, Signer: "Trần Hoàng Tuấn", SignerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{Issuer: issuer, Signer: "Nguyễn Văn An", SignerTitle: "CHỦ TỊCH"},
		{Issuer: "SỞ TÀI CHÍNH", Signer: "Lê Thị Hoa", SignerTitle: "GIÁM ĐỐC"},
	} {
		md.Recipients = []string{}
		if _, _, err := reg.Register(vanthu.Document{ID: vanthu.RefOf([]byte{byte(i)}), FileName: "cu.pdf", Status: vanthu.Indexed, Metadata: md}); err != nil {
			t.Fatal(err)
		}
	}
	d := vanthu.Document{ID: vanthu.RefOf([]byte("moi")), FileName: "moi.pdf", Status: vanthu.Indexed, ReceivedAt: time.Now(),
		Metadata: vanthu.Metadata{Number: "12/UBND-KT", Issuer: issuer, Signer: "Lian Hoàng Tuấn", Recipients: []string{}},
		Review:   []string{"signer"}}
	if _, _, err := reg.Register(d); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		role  access.Role
		offer bool
	}{{access.Clerk, true}, {access.Leader, false}} {
		srv, _ := serve(t, &Server{Registry: reg, Blobs: bs}, c.role)
		_, page := get(t, srv.URL+"/documents/"+string(d.ID), "")
		for _, want := range []string{`list="dl-signer"`, `<option value="Trần Hoàng Tuấn">`, `<option value="Nguyễn Văn An">`, `<option value="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH">`} {
			if strings.Contains(page, want) != c.offer {
				t.Errorf("as %s, the page has %q: %v, want %v", c.role, want, !c.offer, c.offer)
			}
		}
		if strings.Contains(page, "Lê Thị Hoa") {
			t.Errorf("as %s, the page offers another issuer's signer", c.role)
		}
	}
}

func TestDocumentPageSignaturesAndHeaderCrop(t *testing.T) {
	bs, reg := openStores(t)
	untrusted := false
	d := vanthu.Document{ID: vanthu.RefOf([]byte("signed")), FileName: "tt.pdf", Format: vanthu.PDF, Status: vanthu.Indexed, PageCount: 1,
		ReceivedAt: time.Now(),
		Pages:      []vanthu.Page{{Number: 1, Image: vanthu.RefOf([]byte("page")), Width: 2480, Height: 3508, Text: "TỜ TRÌNH", Done: true}},
		Metadata:   vanthu.Metadata{Number: "…/TTr-UBND", DocType: "Tờ trình", IssuedDate: "2025-01", Recipients: []string{}},
		Review:     []string{"number", "issued_date"},
		Warnings:   []string{"Tệp đã bị sửa đổi sau khi ký: 23 byte sau chữ ký cuối cùng không được ký (modified after signing)"},
		Signatures: []vanthu.Signature{
			{Signer: "Ủy ban nhân dân tỉnh Bình An", Organization: "Tỉnh Bình An", SignedAt: "2025-01-07T03:09:57Z", Intact: true,
				UnsignedBytes: 110452, AddedAfter: []string{vanthu.AddedSignature, vanthu.AddedValidation}, Certification: vanthu.CertifyForms},
			{Signer: "Trung tâm Công báo", Organization: "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", SignedAt: "2025-01-07T10:44:25+07:00", Trusted: &untrusted, Error: "Certificate issuer is unknown"},
			{Signer: "Tổ chức cấp dấu thời gian", SignedAt: "2025-01-07T03:45:00Z", Intact: true, TimeStamp: true, Trusted: &untrusted, CoversWholeFile: true},
		}}
	if _, _, err := reg.Register(d); err != nil {
		t.Fatal(err)
	}
	srv, _ := serve(t, &Server{Registry: reg, Blobs: bs, Events: intake.NewEvents(1)}, access.Clerk)
	resp, err := http.Get(srv.URL + "/documents/" + string(d.ID))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(b)
	for _, want := range []string{
		"Chữ ký số", "Ủy ban nhân dân tỉnh Bình An", "10:09:57 07/01/2025", // UTC shown in Vietnam time
		"chưa kiểm tra chứng thư số", // no trust roots: not checked, never "valid"
		"Nội dung đã bị thay đổi sau khi ký", "chứng thư số không tin cậy",
		"sau chữ ký này có thêm: chữ ký số, dữ liệu kiểm tra chữ ký",                        // what the revision after the first signature added
		"Chữ ký chứng thực, chỉ cho phép điền biểu mẫu và ký thêm; nội dung còn nguyên vẹn", // what the first allows after it
		"<td>Dấu thời gian của Tổ chức cấp dấu thời gian</td>",                              // a document time stamp, no person's signature
		"sửa đổi sau khi ký",                               // the warning
		`class="header-crop"`, "aspect-ratio: 2480 / 1052", // the top 30% of page 1
		"…/01/2025", // the month read, the day not
	} {
		if !strings.Contains(page, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	// The intake queue shows the same crop beside the document, for the
	// clerk to type the number from, in the page and in the list it
	// refreshes from.
	for _, path := range []string{"/intake", "/api/v1/documents"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		crop := "/api/v1/documents/" + string(d.ID) + "/pages/1/image"
		if !strings.Contains(string(b), crop) || !strings.Contains(string(b), "2480 / 1052") {
			t.Errorf("%s lacks the header crop %s: %.600s", path, crop, b)
		}
		// And the warning, where the clerk triages what came in.
		if !strings.Contains(string(b), "23 byte sau chữ ký cuối cùng không được ký") {
			t.Errorf("%s lacks the document's warning: %.600s", path, b)
		}
	}
	// The register's notes carry the warning and the fields to check.
	resp, err = http.Get(srv.URL + "/api/v1/register?year=" + time.Now().In(vanthu.VietnamTime).Format("2006"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "sửa đổi sau khi ký") {
		t.Errorf("register notes lack the signature warning: %.600s", b)
	}
	// And who signed, when, and the verdict (NĐ 30: the văn thư checks an
	// electronic document before registering it).
	if want := "Ký số: Ủy ban nhân dân tỉnh Bình An (Tỉnh Bình An; chứng thực) lúc 10:09 07/01/2025, Trung tâm Công báo (ỦY BAN NHÂN DÂN TỈNH BÌNH AN) lúc 10:44 07/01/2025, dấu thời gian của Tổ chức cấp dấu thời gian lúc 10:45 07/01/2025: có chữ ký không hợp lệ, có chứng thư số không tin cậy"; !strings.Contains(string(b), want) {
		t.Errorf("register notes lack %q: %.900s", want, b)
	}
}

// The crop the clerk types a handwritten number from is of the page the
// header was read from, on the document page and in the queue: page 2 of
// a file scanned last page first, or of one that begins with a sheet's
// blank back (fed face down through a duplex scanner), for a record
// extracted before the page was kept too.
func TestHeaderCropOfThePageTheHeaderWasReadFrom(t *testing.T) {
	bs, reg := openStores(t)
	var docs []vanthu.Document
	for name, pages := range map[string][]vanthu.Page{
		"last first": {{Number: 1, Text: "Nơi nhận:"}, {Number: 2, Text: "TỜ TRÌNH"}},
		"face down":  {{Number: 1}, {Number: 2, Text: "TỜ TRÌNH"}},
	} {
		header := 0
		if name == "last first" {
			header = 2
		}
		for i := range pages {
			pages[i].Image, pages[i].Width, pages[i].Height, pages[i].Done = vanthu.RefOf([]byte(name+string(rune('0'+i)))), 1654, 2339, true
		}
		d := vanthu.Document{ID: vanthu.RefOf([]byte(name)), FileName: "up.pdf", Format: vanthu.PDF, Status: vanthu.Indexed, PageCount: 2,
			ReceivedAt: time.Now(), Pages: pages, HeaderPage: header,
			Metadata: vanthu.Metadata{Number: "…/TTr-UBND", DocType: "Tờ trình", Recipients: []string{}},
			Review:   []string{"number"},
		}
		if _, _, err := reg.Register(d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	srv, _ := serve(t, &Server{Registry: reg, Blobs: bs, Events: intake.NewEvents(1)}, access.Clerk)
	for _, d := range docs {
		for _, path := range []string{"/documents/" + string(d.ID), "/intake", "/api/v1/documents"} {
			resp, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			crop := regexp.MustCompile(`(?:src="|"header_crop":")/api/v1/documents/`+string(d.ID)+`/pages/(\d+)/image"[^>]*(?:alt="Phần đầu|,"header_aspect)`).FindAllSubmatch(b, -1)
			if len(crop) != 1 || string(crop[0][1]) != "2" {
				t.Errorf("%s, %s: the header crop is not of page 2: %q", d.ID[:8], path, crop)
			}
		}
	}
}

// A record of 2011 to 2020 may be marked Hỏa tốc hẹn giờ, the urgency of
// Thông tư 01/2011 that NĐ 30 dropped: a clerk may set it, and the
// correction form shows it chosen, so that saving the form keeps it.
func TestEveryUrgencyInTheCorrectionForm(t *testing.T) {
	s, ids := scopedServer(t)
	srv, tokens := serve(t, s, "")
	doc := srv.URL + "/api/v1/documents/" + string(ids["agency"])
	if resp, body := call(t, "PATCH", doc, tokens[access.Clerk], `{"metadata":{"urgency":"hỏa tốc hẹn giờ"}}`); resp.StatusCode != 200 || !strings.Contains(body, `"urgency":"Hỏa tốc hẹn giờ"`) {
		t.Fatalf("PATCH urgency: %d %s", resp.StatusCode, body)
	}
	if resp, body := call(t, "PATCH", doc, tokens[access.Clerk], `{"metadata":{"urgency":"gấp"}}`); resp.StatusCode != 400 || !strings.Contains(body, "Hỏa tốc hẹn giờ, Hỏa tốc, Thượng khẩn, Khẩn") {
		t.Errorf("PATCH urgency gấp: %d %s; want 400 naming the urgencies", resp.StatusCode, body)
	}
	_, page := get(t, srv.URL+"/documents/"+string(ids["agency"]), tokens[access.Clerk])
	if !strings.Contains(page, `<option value="Hỏa tốc hẹn giờ" selected>`) {
		t.Errorf("the form does not show Hỏa tốc hẹn giờ chosen:\n%s", page)
	}
}
