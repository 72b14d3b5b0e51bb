package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/signature"
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
	{"parent_body", "Cơ quan chủ quản"}, {"place", "Địa danh"}, {"issued_date", "Ngày ban hành"}, {"subject", "Trích yếu"},
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
	"css": func(parts ...string) template.CSS { return template.CSS(strings.Join(parts, "")) },
	// urgencies and secrecies are the marks a field may take, "" first
	// (none).
	"urgencies": func() []string { return append([]string{""}, dict.MarkNames(dict.Urgencies)...) },
	"secrecies": func() []string { return append([]string{""}, dict.MarkNames(dict.Secrecies)...) },
	"pct":       func(v float64) string { return strconv.FormatFloat(v*100, 'f', 0, 64) + "%" },
	"deref":     func(b *bool) bool { return b != nil && *b },
	"isRef":     func(s string) bool { _, err := vanthu.ParseRef(s); return err == nil },
	// addedName names what a revision after a signature changes.
	"addedName": signature.AddedName,
	// certification says what a certifying signature allows after it.
	"certification": signature.CertificationName,
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
		s.routes = append(s.routes, pattern)
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
	s.routes = append(s.routes, "GET /static/")
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
