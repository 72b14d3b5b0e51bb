package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/search"
)

// The web UI: server-rendered pages in Vietnamese, with a little
// JavaScript for drag-and-drop upload and the live intake queue. Every
// asset is embedded; nothing is fetched from outside the office network.

//go:embed ui
var uiFS embed.FS

var pages = parsePages("search.html", "document.html", "intake.html", "register.html", "error.html", "login.html", "users.html", "files.html", "casefile.html", "audit.html")

func parsePages(names ...string) map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, n := range names {
		out[n] = template.Must(template.New(n).Funcs(uiFuncs).ParseFS(uiFS, "ui/base.html", "ui/"+n))
	}
	return out
}

var statusVI = map[vanthu.Status]string{
	vanthu.Received:   "Đã tiếp nhận",
	vanthu.Rasterised: "Đang nhận dạng chữ",
	vanthu.Recognised: "Đã nhận dạng chữ",
	vanthu.Extracted:  "Đang lập chỉ mục",
	vanthu.Indexed:    "Đã lập chỉ mục",
	vanthu.Failed:     "Lỗi",
	vanthu.Held:       "Văn bản mật: chỉ giữ thông tin đăng ký",
}

// actionVI names the audit log's actions for the access history.
var actionVI = map[string]string{
	"view": "xem", "download": "tải bản gốc", "download_archive": "tải bản lưu trữ PDF/A", "page_image": "xem ảnh trang",
	"correct": "sửa thông tin", "assign": "giao xử lý", "receive": "tiếp nhận", "search": "tìm kiếm", "register": "xem sổ đăng ký",
	"login": "đăng nhập", "logout": "đăng xuất", "user_change": "thay đổi người dùng", "token": "mã truy cập (token)",
	"audit": "xem nhật ký", "case_file_create": "lập hồ sơ", "case_file_add": "đưa vào hồ sơ", "case_file_export": "xuất hồ sơ",
	"expired": "hết thời hạn lưu nhật ký",
}

var facetLabels = map[string]string{
	index.FieldDocType: "Loại văn bản", index.FieldIssuer: "Cơ quan ban hành", index.FieldYear: "Năm",
	index.FieldUrgency: "Độ khẩn", index.FieldSecrecy: "Độ mật",
}

// fieldLabels name the metadata fields, in the order the UI shows them.
var fieldLabels = [][2]string{
	{"number", "Số, ký hiệu"}, {"doc_type", "Loại văn bản"}, {"issuer", "Cơ quan ban hành"},
	{"place", "Địa danh"}, {"issued_date", "Ngày ban hành"}, {"subject", "Trích yếu"},
	{"signer", "Người ký"}, {"signer_title", "Chức vụ người ký"}, {"recipients", "Nơi nhận"},
	{"urgency", "Độ khẩn"}, {"confidentiality", "Độ mật"},
}

// reviewVI names the fields to check in Vietnamese, lower case.
func reviewVI(fields []string) []string {
	var out []string
	for _, f := range fields {
		name := f
		for _, fl := range fieldLabels {
			if fl[0] == f {
				r, n := utf8.DecodeRuneInString(fl[1])
				name = string(unicode.ToLower(r)) + fl[1][n:]
			}
		}
		out = append(out, name)
	}
	return out
}

var uiFuncs = template.FuncMap{
	"status": func(s vanthu.Status) string { return statusVI[s] },
	"date":   viDate,
	"time": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(vanthu.VietnamTime).Format("15:04 02/01/2006")
	},
	"short": func(r vanthu.Ref) string { return r.Short() },
	// Search snippets arrive HTML-escaped with only <mark> added
	// (search.Snippet); nothing else goes through here.
	"snippet": func(s string) template.HTML { return template.HTML(s) },
	"join":    strings.Join,
	"actionVI": func(a string) string {
		if v, ok := actionVI[a]; ok {
			return v
		}
		return a
	},
	// css joins a style made on the server from numbers (an aspect
	// ratio), never from a user's text.
	"css":   func(parts ...string) template.CSS { return template.CSS(strings.Join(parts, "")) },
	"list":  func(v ...string) []string { return v },
	"pct":   func(v float64) string { return strconv.FormatFloat(v*100, 'f', 0, 64) + "%" },
	"deref": func(b *bool) bool { return b != nil && *b },
	"isRef": func(s string) bool { _, err := vanthu.ParseRef(s); return err == nil },
	// signedAt writes a signature's RFC 3339 time as the clerk reads it.
	"signedAt": func(s string) string {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return s
		}
		return t.In(vanthu.VietnamTime).Format("15:04:05 02/01/2006")
	},
}

// viDate writes YYYY-MM-DD as DD/MM/YYYY, and a date whose day was not
// read (YYYY-MM) as …/MM/YYYY.
func viDate(s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("02/01/2006")
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t.Format("…/01/2006")
	}
	return s
}

// uiRoutes adds the pages to mux.
func (s *Server) uiRoutes(mux *http.ServeMux) {
	page := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			if err := h(w, r); err != nil {
				s.pageErr(w, r, err)
			}
		})
	}
	if s.Registry == nil { // a worker-like node: no records to show
		page("/", func(w http.ResponseWriter, r *http.Request) error {
			return &apiError{http.StatusServiceUnavailable, "stage_not_here", "this node serves no pages", "Máy chủ này không phục vụ giao diện tra cứu"}
		})
		return
	}
	static, _ := fs.Sub(uiFS, "ui/static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(time.Hour, http.FileServerFS(static))))
	page("GET /login", s.loginPage)
	page("POST /login", s.login)
	page("POST /logout", s.logout)
	if s.SSO != nil {
		page("GET /login/sso", s.ssoLogin)
		page("GET /login/sso/callback", s.ssoCallback)
	}
	page("GET /{$}", s.home)
	page("GET /search", guard(access.Read, s.searchPage))
	page("GET /documents/{id}", guard(access.Read, s.documentPage))
	page("POST /documents/{id}", guard(access.Correct, s.correctPage))
	page("POST /documents/{id}/access", guard(access.Assign, s.assignPage))
	page("GET /intake", guard(access.Queue, s.intakePage))
	page("POST /intake", guard(access.Receive, s.intakeUpload))
	page("GET /register", guard(access.Register, s.registerPage))
	page("GET /files", guard(access.CaseFiles, s.filesPage))
	page("POST /files", guard(access.FileDocuments, s.filesForm))
	page("GET /files/{code}", guard(access.CaseFiles, s.caseFilePage))
	page("POST /files/{code}/documents", guard(access.FileDocuments, s.fileDocumentForm))
	page("POST /documents/{id}/file", guard(access.FileDocuments, s.fileFromDocumentPage))
	page("GET /admin/users", guard(access.ManageUsers, s.usersPage))
	page("GET /admin/audit", guard(access.ViewAudit, s.auditPage))
	page("POST /admin/users", guard(access.ManageUsers, s.usersForm))
	page("/", func(w http.ResponseWriter, r *http.Request) error {
		return &apiError{http.StatusNotFound, "not_found", "no such page", "Không có trang này. Hãy quay lại trang tìm kiếm."}
	})
}

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(d.Seconds())))
		h.ServeHTTP(w, r)
	})
}

// render writes a page; data carries the page's own values, and render
// adds who is logged in (Me), for the menu.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data map[string]any) error {
	if u, ok := userFrom(r.Context()); ok {
		data["Me"] = viewer{Name: u.Name, RoleVI: u.Role.VI(), Unit: u.Unit,
			Read: access.Allowed(u.Role, access.Read), Queue: access.Allowed(u.Role, access.Queue),
			Register: access.Allowed(u.Role, access.Register), Users: access.Allowed(u.Role, access.ManageUsers),
			Correct: access.Allowed(u.Role, access.Correct), Assign: access.Allowed(u.Role, access.Assign),
			CaseFiles: access.Allowed(u.Role, access.CaseFiles), FileDocuments: access.Allowed(u.Role, access.FileDocuments),
			Export: access.Allowed(u.Role, access.ExportCaseFile), Audit: access.Allowed(u.Role, access.ViewAudit)}
	}
	var b strings.Builder
	if err := pages[name].ExecuteTemplate(&b, "base", data); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write([]byte(b.String()))
	return err
}

// viewer is who is logged in, as the menu shows them.
type viewer struct {
	Name, RoleVI, Unit                            string
	Read, Queue, Register, Users, Correct, Assign bool
	CaseFiles, FileDocuments, Export, Audit       bool
}

// home is GET /: the search page for those who read documents; the users'
// page for an admin, who reads none.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	if may(r, access.Read) != nil && may(r, access.ManageUsers) == nil {
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
		return nil
	}
	return guard(access.Read, s.searchPage)(w, r)
}

// pageErr shows an error as a page, in a sentence a clerk understands.
func (s *Server) pageErr(w http.ResponseWriter, r *http.Request, err error) {
	ae := s.apiErr(r, err)
	if rerr := s.render(w, r, ae.Status, "error.html", map[string]any{"Title": "Lỗi", "Err": ae, "Status": ae.Status}); rerr != nil {
		http.Error(w, ae.MessageVI, ae.Status)
	}
}

// --- search ---

type facetValue struct {
	Value    string
	Count    int
	Selected bool
	URL      string
}

type facetView struct {
	Field, Label string
	Values       []facetValue
	Clear        string // the URL without this filter, when one is set
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	data := map[string]any{"Title": "Tìm kiếm văn bản", "Nav": "search", "V": v}
	req, err := search.ParseRequest(v)
	if err != nil {
		data["Error"] = "Câu tìm kiếm chưa đúng: " + searchErrorVI(err)
		return s.render(w, r, http.StatusBadRequest, "search.html", data)
	}
	if s.Searcher == nil {
		return &apiError{http.StatusServiceUnavailable, "stage_not_here", "this node does not search", "Máy chủ này không đảm nhận việc tìm kiếm"}
	}
	sight := s.sight(r)
	req.Sight = &sight
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	res, err := s.Searcher.Search(ctx, req)
	if err != nil {
		return err
	}
	data["Req"], data["Res"] = req, res
	data["Filtered"] = req.Q != "" || req.DocType != "" || req.Issuer != "" || req.Year != "" || req.Urgency != "" || req.Confidentiality != "" || req.From != "" || req.To != ""
	var facets []facetView
	for _, f := range search.Facets {
		fv := facetView{Field: f, Label: facetLabels[f]}
		cur := v.Get(f)
		if cur != "" {
			fv.Clear = withParams(v, f, "", "page", "")
		}
		for _, c := range res.Facets[f] {
			fv.Values = append(fv.Values, facetValue{Value: c.Value, Count: c.Count, Selected: c.Value == cur, URL: withParams(v, f, c.Value, "page", "")})
		}
		if len(fv.Values) > 0 || cur != "" {
			facets = append(facets, fv)
		}
	}
	data["Facets"] = facets
	pagesN := min(int((res.Total+uint64(req.Size)-1)/uint64(req.Size)), search.MaxWindow/req.Size)
	var links []pageLink
	for n := max(1, req.Page-4); n <= min(pagesN, req.Page+4); n++ {
		links = append(links, pageLink{N: n, URL: withParams(v, "page", strconv.Itoa(n)), Current: n == req.Page})
	}
	if len(links) > 1 {
		data["Pages"] = links
	}
	if req.Page > 1 {
		data["Prev"] = withParams(v, "page", strconv.Itoa(req.Page-1))
	}
	if req.Page < pagesN {
		data["Next"] = withParams(v, "page", strconv.Itoa(req.Page+1))
	}
	if req.Page == pagesN && res.Total > uint64(pagesN*req.Size) {
		data["Window"] = "C" + windowVI[1:] // a sentence of its own
	}
	return s.render(w, r, http.StatusOK, "search.html", data)
}

// windowVI says that pages go no deeper than search.MaxWindow results.
var windowVI = fmt.Sprintf("chỉ xem được %d.%03d kết quả đầu tiên; hãy thu hẹp tìm kiếm bằng bộ lọc hoặc khoảng ngày.", search.MaxWindow/1000, search.MaxWindow%1000)

// searchErrorVI says what is wrong with a search, in Vietnamese.
func searchErrorVI(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "only the first"):
		return windowVI
	case strings.Contains(msg, "from") && strings.Contains(msg, "after"):
		return "ngày bắt đầu ở sau ngày kết thúc."
	case strings.Contains(msg, "date"):
		return "ngày phải có dạng ngày/tháng/năm hợp lệ."
	case strings.Contains(msg, "year"):
		return "năm không hợp lệ (ví dụ: 2024)."
	case strings.Contains(msg, "page"), strings.Contains(msg, "size"):
		return "số trang không hợp lệ."
	default:
		return "hãy kiểm tra lại dấu ngoặc kép và tên trường."
	}
}

// withParams returns "?" + v with the given keys set (deleted when the
// value is empty).
func withParams(v url.Values, kv ...string) string {
	c := url.Values{}
	for k, vs := range v {
		if len(vs) > 0 && vs[0] != "" {
			c.Set(k, vs[0])
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			c.Del(kv[i])
		} else {
			c.Set(kv[i], kv[i+1])
		}
	}
	return "/search?" + c.Encode()
}

// --- document ---

type box struct{ L, T, W, H string }

type pageView struct {
	N        int
	Image    string
	Hits     []box
	HitCount int
	Text     template.HTML
	Source   string
	Conf     float64
}

type fieldView struct {
	Name, Label, Value string
	Review, Multiline  bool
	Conf               float64
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	q := r.URL.Query().Get("q")
	return s.renderDocument(w, r, http.StatusOK, d, q, r.URL.Query().Get("saved") == "1", "")
}

func (s *Server) renderDocument(w http.ResponseWriter, r *http.Request, status int, d vanthu.Document, q string, saved bool, formErr string) error {
	terms := queryTerms(q)
	var views []pageView
	for _, p := range d.Pages {
		pv := pageView{N: p.Number, Source: p.TextSource, Conf: p.Confidence}
		if p.Image != "" {
			pv.Image = fmt.Sprintf("/api/v1/documents/%s/pages/%d/image", d.ID, p.Number)
		}
		if len(terms) > 0 && p.Width > 0 && p.Height > 0 {
			for _, wd := range p.Words {
				if terms[foldWord(wd.Text)] {
					pv.Hits = append(pv.Hits, box{
						L: pctOf(wd.X0, p.Width), T: pctOf(wd.Y0, p.Height),
						W: pctOf(wd.X1-wd.X0, p.Width), H: pctOf(wd.Y1-wd.Y0, p.Height),
					})
				}
			}
		}
		var n int
		pv.Text, n = markText(p.Text, terms)
		pv.HitCount = max(n, len(pv.Hits))
		views = append(views, pv)
	}
	var fields, review []fieldView
	for _, fl := range fieldLabels {
		fv := fieldView{Name: fl[0], Label: fl[1], Value: fieldValue(d.Metadata, fl[0]), Review: slices.Contains(d.Review, fl[0]),
			Multiline: fl[0] == "recipients" || fl[0] == "subject", Conf: d.FieldConfidence[fl[0]]}
		fields = append(fields, fv)
		if fv.Review {
			review = append(review, fv)
		}
	}
	var dups []vanthu.Document
	for _, id := range d.DuplicateOf { // those the user may see (record)
		if o, err := s.Registry.Get(id); err == nil {
			dups = append(dups, o)
		}
	}
	accesses, history := s.documentHistory(string(d.ID), 20)
	var crop map[string]any
	if img, aspect := headerCrop(d); img != "" {
		crop = map[string]any{"Image": img, "Style": template.CSS("aspect-ratio: " + aspect)}
	}
	title := d.Metadata.Number
	if title == "" {
		title = d.FileName
	}
	filed, files, err := s.filesFor(r, d.ID)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "document.html", map[string]any{
		"Title": title + " — Văn bản", "Nav": "search", "D": d, "Q": q, "Pages": views, "Fields": fields, "Review": review,
		"Saved": saved, "FormError": formErr, "Dups": dups, "Crop": crop, "Back": withParams(url.Values{"q": {q}}),
		"Accesses": accesses, "AccessLog": history, "HasArchive": d.HasArchiveCopy(), "GetsOriginal": s.getsOriginal(r, d),
		"Filed": filed, "Files": files,
	})
}

// headerCrop returns, when d's number or date must be typed by the clerk,
// the address of page 1's image and the aspect ratio ("W / H") of its
// header, where the number and the day are written by hand: shown cropped,
// the clerk reads them there. Both are empty otherwise.
func headerCrop(d vanthu.Document) (img, aspect string) {
	if !slices.Contains(d.Review, "number") && !slices.Contains(d.Review, "issued_date") || len(d.Pages) == 0 {
		return "", ""
	}
	p := d.Pages[0]
	if p.Image == "" || p.Width <= 0 || p.Height <= 0 {
		return "", ""
	}
	return fmt.Sprintf("/api/v1/documents/%s/pages/%d/image", d.ID, p.Number), fmt.Sprintf("%d / %d", p.Width, p.Height*headerShare/100)
}

// headerShare is the part of a first page, in per cent from the top, that
// holds the NĐ 30 header (agency, number, place and date).
const headerShare = 30

func pctOf(v, total int) string {
	return strconv.FormatFloat(float64(v)*100/float64(total), 'f', 3, 64) + "%"
}

func fieldValue(md vanthu.Metadata, f string) string {
	switch f {
	case "number":
		return md.Number
	case "doc_type":
		return md.DocType
	case "issuer":
		return md.Issuer
	case "place":
		return md.Place
	case "issued_date":
		return md.IssuedDate
	case "subject":
		return md.Subject
	case "signer":
		return md.Signer
	case "signer_title":
		return md.SignerTitle
	case "recipients":
		return strings.Join(md.Recipients, "\n")
	case "urgency":
		return md.Urgency
	case "confidentiality":
		return md.Confidentiality
	}
	return ""
}

// queryTerms are the free-text words of a search, folded, for marking
// them on the page: without field:value parts or excluded words.
func queryTerms(q string) map[string]bool {
	terms := map[string]bool{}
	for _, w := range strings.Fields(strings.ReplaceAll(q, `"`, " ")) {
		if strings.HasPrefix(w, "-") || strings.Contains(w, ":") {
			continue
		}
		if f := foldWord(w); f != "" {
			terms[f] = true
		}
	}
	return terms
}

// foldWord is a word without marks, case or surrounding punctuation, as
// search compares words typed without diacritics.
func foldWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.ToLower(dict.Fold(dict.Canon(w)))
}

// markText escapes text and puts the words matching terms in <mark>.
func markText(text string, terms map[string]bool) (template.HTML, int) {
	var b strings.Builder
	n := 0
	for len(text) > 0 {
		i := strings.IndexFunc(text, unicode.IsSpace)
		if i < 0 {
			i = len(text)
		}
		word := text[:i]
		if i > 0 && len(terms) > 0 && terms[foldWord(word)] {
			b.WriteString("<mark>" + template.HTMLEscapeString(word) + "</mark>")
			n++
		} else {
			b.WriteString(template.HTMLEscapeString(word))
		}
		text = text[i:]
		j := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(text)
		}
		b.WriteString(text[:j])
		text = text[j:]
	}
	return template.HTML(b.String()), n
}

// readForm reads a posted form of at most max bytes.
func readForm(w http.ResponseWriter, r *http.Request, max int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, max)
	if err := r.ParseForm(); err != nil {
		return &apiError{http.StatusBadRequest, "bad_form", "the form could not be read", "Không đọc được biểu mẫu, xin gửi lại"}
	}
	return nil
}

// correctPage takes the correction form: the fields whose value changed.
func (s *Server) correctPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, 1<<20); err != nil {
		return err
	}
	fields := map[string]json.RawMessage{}
	for _, fl := range fieldLabels {
		name := fl[0]
		if _, sent := r.PostForm[name]; !sent {
			continue
		}
		v := strings.TrimSpace(strings.ReplaceAll(r.PostForm.Get(name), "\r\n", "\n"))
		if v == fieldValue(d.Metadata, name) {
			continue
		}
		var raw []byte
		if name == "recipients" {
			var lines []string
			for _, l := range strings.Split(v, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lines = append(lines, l)
				}
			}
			raw, _ = json.Marshal(lines)
		} else {
			raw, _ = json.Marshal(v)
		}
		fields[name] = raw
	}
	q := r.PostForm.Get("q")
	if len(fields) == 0 {
		return s.renderDocument(w, r, http.StatusOK, d, q, false, "Không có trường nào thay đổi.")
	}
	me, _ := userFrom(r.Context())
	if _, err := s.correct(r.Context(), d.ID, me.Name, fields); err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			return s.renderDocument(w, r, http.StatusUnprocessableEntity, d, q, false, ae.MessageVI+" ("+ae.Message+")")
		}
		return err
	}
	http.Redirect(w, r, "/documents/"+string(d.ID)+"?"+url.Values{"q": {q}, "saved": {"1"}}.Encode()+"#thong-tin", http.StatusSeeOther)
	return nil
}

// --- intake ---

// docSummary is a document's place in the queue, for the intake page.
type docSummary struct {
	ID            vanthu.Ref    `json:"id"`
	FileName      string        `json:"file_name"`
	ArrivalNumber int           `json:"arrival_number"`
	ReceivedAt    time.Time     `json:"received_at"`
	Status        vanthu.Status `json:"status"`
	StatusVI      string        `json:"status_vi"`
	Error         string        `json:"error,omitempty"`
	Pages         int           `json:"pages"`
	PagesDone     int           `json:"pages_done"`
	Number        string        `json:"number,omitempty"`
	DuplicateOf   []vanthu.Ref  `json:"duplicate_of,omitempty"`
	Review        []string      `json:"review,omitempty"` // the fields to check, named in Vietnamese
	// HeaderCrop is page 1's image when the number or the date must be
	// typed from it, and HeaderAspect the width / height of its header
	// (the top 30%), for a crop of it.
	HeaderCrop   string `json:"header_crop,omitempty"`
	HeaderAspect string `json:"header_aspect,omitempty"`
}

// recent returns the last n documents received, newest first, that the
// request's user may see.
func (s *Server) recent(r *http.Request, n int) ([]docSummary, error) {
	docs, err := s.Registry.Recent(n)
	if err != nil {
		return nil, err
	}
	out := make([]docSummary, 0, len(docs))
	sight := s.sight(r)
	for _, d := range docs {
		if !sight.Sees(d.Access) {
			continue // a secret one only for leaders and the named
		}
		sm := docSummary{ID: d.ID, FileName: d.FileName, ArrivalNumber: d.ArrivalNumber, ReceivedAt: d.ReceivedAt,
			Status: d.Status, StatusVI: statusVI[d.Status], Error: d.Error, Pages: d.PageCount,
			Number: d.Metadata.Number, DuplicateOf: d.DuplicateOf, Review: reviewVI(d.Review)}
		for _, p := range d.Pages {
			if p.Done {
				sm.PagesDone++
			}
		}
		sm.HeaderCrop, sm.HeaderAspect = headerCrop(d)
		out = append(out, sm)
	}
	return out, nil
}

// listDocuments is GET /api/v1/documents: the latest documents received.
func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request) error {
	n := 30
	if v := r.URL.Query().Get("limit"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > 500 {
			return &apiError{http.StatusBadRequest, "bad_limit", "limit must be a whole number from 1 to 500", "Giới hạn không hợp lệ"}
		}
	}
	docs, err := s.recent(r, n)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"documents": docs})
}

func (s *Server) intakePage(w http.ResponseWriter, r *http.Request) error {
	docs, err := s.recent(r, 30)
	if err != nil {
		return err
	}
	var events []intake.Event
	if s.Events != nil {
		for _, e := range s.Events.Recent() {
			if e.Outcome != "accepted" {
				events = append(events, e)
			}
		}
	}
	return s.render(w, r, http.StatusOK, "intake.html", map[string]any{
		"Title": "Tiếp nhận văn bản", "Nav": "intake", "Docs": docs, "Events": events, "Enabled": s.Receiver != nil,
		"Results": r.URL.Query()["r"],
	})
}

// intakeUpload takes the upload form when JavaScript is off: every file of
// the "file" field, then back to the intake page with the outcomes.
func (s *Server) intakeUpload(w http.ResponseWriter, r *http.Request) error {
	if s.Receiver == nil {
		return &apiError{http.StatusServiceUnavailable, "stage_not_here", "this node does not run intake", "Máy chủ này không tiếp nhận văn bản"}
	}
	if s.MaxUpload > 0 {
		r.Body = http.MaxBytesReader(w, r.Body, 64*(s.MaxUpload+1<<20))
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return &apiError{http.StatusBadRequest, "bad_request", "send files as multipart/form-data", "Hãy chọn tệp để tải lên"}
	}
	var results []string
	for {
		part, err := mr.NextPart()
		if err != nil {
			break
		}
		if part.FormName() != "file" || part.FileName() == "" {
			continue
		}
		rc, err := s.Receiver.Receive(r.Context(), part.FileName(), uploader(r), part)
		ev := s.Events.Record("upload", part.FileName(), rc, err)
		results = append(results, part.FileName()+": "+outcomeVI(ev))
	}
	http.Redirect(w, r, "/intake?"+url.Values{"r": results}.Encode(), http.StatusSeeOther)
	return nil
}

func outcomeVI(e intake.Event) string {
	switch e.Outcome {
	case "accepted":
		return "đã tiếp nhận"
	case "duplicate":
		return "đã có trong hệ thống (trùng tệp)"
	default:
		return "bị từ chối — " + e.MessageVI
	}
}

// --- register ---

func (s *Server) registerPage(w http.ResponseWriter, r *http.Request) error {
	year, entries, err := s.registerOf(r)
	if err != nil {
		return err
	}
	now := time.Now().In(vanthu.VietnamTime).Year()
	var years []int
	for y := now; y >= now-10; y-- {
		years = append(years, y)
	}
	return s.render(w, r, http.StatusOK, "register.html", map[string]any{
		"Title": fmt.Sprintf("Sổ đăng ký văn bản đến năm %d", year), "Nav": "register", "Year": year, "Years": years,
		"Entries": entries, "Header": registerHeader,
	})
}
