package web

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/casefile"
)

// Case files (hồ sơ): opened and filled by clerks and archivists, seen by
// leaders too, exported for deposit by archivists.

// caseFileView is a case file as the API and the pages show it: with the
// year its retention ends and, for one file, its documents.
type caseFileView struct {
	vanthu.CaseFile
	DueYear int            `json:"due_year,omitempty"` // 0: kept for ever, or not closed
	Due     bool           `json:"due"`                // its retention has ended: for review
	Items   []caseFileItem `json:"items,omitempty"`
}

// caseFileItem is one document of a case file.
type caseFileItem struct {
	STT           int        `json:"stt"`
	ID            vanthu.Ref `json:"id"`
	Number        string     `json:"number"`
	DocType       string     `json:"doc_type"`
	Subject       string     `json:"subject"`
	IssuedDate    string     `json:"issued_date"`
	Issuer        string     `json:"issuer"`
	Pages         int        `json:"pages"`
	ArrivalNumber int        `json:"arrival_number,omitempty"`
	Archive       bool       `json:"archive"` // its PDF/A archive copy goes in the export (else its original)
}

func caseFileViewOf(cf vanthu.CaseFile, now time.Time) caseFileView {
	return caseFileView{CaseFile: cf, DueYear: casefile.DueYear(cf), Due: casefile.Due(cf, now)}
}

// listFiles is GET /api/v1/files[?due=1]: every case file, or those whose
// retention has ended (đến hạn).
func (s *Server) listFiles(w http.ResponseWriter, r *http.Request) error {
	files, err := s.caseFiles(r.URL.Query().Get("due") == "1")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"files": files})
}

func (s *Server) caseFiles(dueOnly bool) ([]caseFileView, error) {
	all, err := s.Registry.CaseFiles()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	out := []caseFileView{}
	for _, cf := range all {
		if v := caseFileViewOf(cf, now); !dueOnly || v.Due {
			out = append(out, v)
		}
	}
	return out, nil
}

// newFile is the body of POST /api/v1/files. The retention is "vĩnh viễn"
// or a number of years, as a number or as text.
type newFile struct {
	Code        string          `json:"code"`
	Title       string          `json:"title"`
	Retention   json.RawMessage `json:"retention"`
	Start       string          `json:"start_date"`
	End         string          `json:"end_date"`
	Description string          `json:"description"`
}

// createFile is POST /api/v1/files: opens a case file.
func (s *Server) createFile(w http.ResponseWriter, r *http.Request) error {
	var in newFile
	if err := readJSON(r, &in); err != nil {
		return err
	}
	retention := strings.Trim(string(in.Retention), `"`)
	cf, err := s.openFile(r, in.Code, in.Title, retention, in.Start, in.End, in.Description)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, caseFileViewOf(cf, time.Now()))
}

// openFile checks and records a new case file, opened by the request's user.
func (s *Server) openFile(r *http.Request, code, title, retention, start, end, description string) (vanthu.CaseFile, error) {
	cf, err := casefile.New(code, title, retention, start, end)
	if err != nil {
		return cf, &apiError{http.StatusBadRequest, "bad_case_file", err.Error(), caseFileErrorVI[err]}
	}
	me, _ := userFrom(r.Context())
	cf.Description = strings.TrimSpace(description)
	cf.CreatedBy, cf.CreatedAt = me.Name, time.Now().UTC()
	if err := s.Registry.CreateCaseFile(cf); err != nil {
		if vanthu.KindOf(err) == vanthu.Exist {
			return cf, &apiError{http.StatusConflict, "case_file_exists", err.Error(), "Đã có hồ sơ mang mã này"}
		}
		return cf, err
	}
	s.note(r, audit.Entry{User: me.Name, Action: "case_file_create", Object: "hồ sơ " + cf.Code, Outcome: "201"})
	return cf, nil
}

var caseFileErrorVI = map[error]string{
	casefile.ErrCode:      "Mã hồ sơ gồm chữ, số, dấu chấm, gạch (ví dụ 000.00.00.G09.2025.01.TH)",
	casefile.ErrTitle:     "Hồ sơ cần có tiêu đề",
	casefile.ErrRetention: "Thời hạn bảo quản là “vĩnh viễn” hoặc số năm (1–100)",
	casefile.ErrDates:     "Ngày theo dạng năm-tháng-ngày; ngày kết thúc không trước ngày bắt đầu",
}

// getFile is GET /api/v1/files/{code}: the file with its documents.
func (s *Server) getFile(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.caseFile(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// caseFile reads the file named in the path, with the documents of it the
// user sees (a case file holds none they may not: the roles that keep
// them see every document but an isolated machine's secret ones, which
// cannot be filed by them).
func (s *Server) caseFile(r *http.Request) (caseFileView, []vanthu.Document, error) {
	cf, err := s.Registry.CaseFile(r.PathValue("code"))
	if vanthu.KindOf(err) == vanthu.NotExist {
		return caseFileView{}, nil, &apiError{http.StatusNotFound, "not_found", "no such case file", "Không có hồ sơ này"}
	}
	if err != nil {
		return caseFileView{}, nil, err
	}
	v := caseFileViewOf(cf, time.Now())
	sight := s.sight(r)
	var docs []vanthu.Document
	for _, id := range cf.Documents {
		d, err := s.Registry.Get(id)
		if err != nil || !sight.Sees(d.Access) {
			continue
		}
		docs = append(docs, d)
		md := d.Metadata
		v.Items = append(v.Items, caseFileItem{STT: len(docs), ID: d.ID, Number: md.Number, DocType: md.DocType, Subject: md.Subject,
			IssuedDate: md.IssuedDate, Issuer: md.Issuer, Pages: d.PageCount, ArrivalNumber: d.ArrivalNumber, Archive: d.HasArchiveCopy()})
	}
	return v, docs, nil
}

// fileDocument is POST /api/v1/files/{code}/documents {"id"}: files a
// document at the end of the case file.
func (s *Server) fileDocument(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		ID string `json:"id"`
	}
	if err := readJSON(r, &in); err != nil {
		return err
	}
	cf, err := s.addToFile(r, r.PathValue("code"), in.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, caseFileViewOf(cf, time.Now()))
}

// addToFile files the document id (its sha256, or its số đến of this
// year) in case file code, for the request's user.
func (s *Server) addToFile(r *http.Request, code, id string) (vanthu.CaseFile, error) {
	ref, err := s.documentRef(strings.TrimSpace(id))
	if err != nil {
		return vanthu.CaseFile{}, err
	}
	d, err := s.Registry.Get(ref)
	if vanthu.KindOf(err) == vanthu.NotExist || err == nil && !s.sight(r).Sees(d.Access) {
		return vanthu.CaseFile{}, errNoDocument
	}
	if err != nil {
		return vanthu.CaseFile{}, err
	}
	if d.Status == vanthu.Held {
		return vanthu.CaseFile{}, &apiError{http.StatusConflict, "secret_held", "a state-secret document is filed by the secret-document procedure, not here", "Văn bản mật được lập hồ sơ theo quy trình văn bản mật"}
	}
	cf, err := s.Registry.FileDocument(code, ref)
	switch vanthu.KindOf(err) {
	case vanthu.NotExist:
		return cf, &apiError{http.StatusNotFound, "not_found", "no such case file", "Không có hồ sơ này"}
	case vanthu.Exist:
		return cf, &apiError{http.StatusConflict, "already_filed", err.Error(), "Văn bản đã nằm trong một hồ sơ khác"}
	}
	if err != nil {
		return cf, err
	}
	me, _ := userFrom(r.Context())
	s.note(r, audit.Entry{User: me.Name, Action: "case_file_add", Object: string(ref), Outcome: "hồ sơ " + code})
	return cf, nil
}

// documentRef reads a document's sha256, or a số đến of this year.
func (s *Server) documentRef(id string) (vanthu.Ref, error) {
	if n, err := strconv.Atoi(id); err == nil && n > 0 {
		docs, err := s.Registry.RegisterOf(time.Now().In(vanthu.VietnamTime).Year())
		if err != nil {
			return "", err
		}
		for _, d := range docs {
			if d.ArrivalNumber == n {
				return d.ID, nil
			}
		}
		return "", errNoDocument
	}
	ref, err := vanthu.ParseRef(id)
	if err != nil {
		return "", &apiError{http.StatusBadRequest, "bad_id", "a document is named by its id (64 hex digits) or its số đến this year", "Hãy nhập mã văn bản hoặc số đến trong năm"}
	}
	return ref, nil
}

// exportFile is GET /api/v1/files/{code}/export.zip: the case file for
// deposit, streamed (package casefile).
func (s *Server) exportFile(w http.ResponseWriter, r *http.Request) error {
	v, docs, err := s.caseFile(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": v.Code + ".zip"}))
	open := func(ref vanthu.Ref) (io.ReadCloser, error) { return s.Blobs.Open(ref) }
	if err := casefile.Export(w, v.CaseFile, docs, open, time.Now()); err != nil {
		// The answer has begun: the zip is cut short, and the log says why.
		s.log().Error("case file export cut short", "code", v.Code, "err", err)
	}
	return nil
}

// filesPage is GET /files: the case files, the đến hạn list, and the form
// to open one.
func (s *Server) filesPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderFiles(w, r, http.StatusOK, "", nil)
}

func (s *Server) renderFiles(w http.ResponseWriter, r *http.Request, status int, formErr string, form url.Values) error {
	due := r.URL.Query().Get("due") == "1"
	files, err := s.caseFiles(due)
	if err != nil {
		return err
	}
	slices.SortFunc(files, func(a, b caseFileView) int { return strings.Compare(a.Code, b.Code) })
	return s.render(w, r, status, "files.html", map[string]any{
		"Title": "Hồ sơ", "Nav": "files", "Files": files, "DueOnly": due, "FormError": formErr, "Form": form,
		"Year": time.Now().In(vanthu.VietnamTime).Year(),
	})
}

// filesForm is POST /files: opens a case file from the form.
func (s *Server) filesForm(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, 1<<16); err != nil {
		return err
	}
	f := r.PostForm
	cf, err := s.openFile(r, f.Get("code"), f.Get("title"), f.Get("retention"), f.Get("start_date"), f.Get("end_date"), f.Get("description"))
	if ae, ok := err.(*apiError); ok && ae.Status < 500 {
		return s.renderFiles(w, r, ae.Status, ae.MessageVI, f)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/files/"+url.PathEscape(cf.Code), http.StatusSeeOther)
	return nil
}

// caseFilePage is GET /files/{code}: the file's documents, the form to
// file one, the export.
func (s *Server) caseFilePage(w http.ResponseWriter, r *http.Request) error {
	return s.renderCaseFile(w, r, http.StatusOK, "")
}

func (s *Server) renderCaseFile(w http.ResponseWriter, r *http.Request, status int, formErr string) error {
	v, _, err := s.caseFile(r)
	if err != nil {
		return err
	}
	return s.render(w, r, status, "casefile.html", map[string]any{
		"Title": "Hồ sơ " + v.Code, "Nav": "files", "F": v, "FormError": formErr, "Added": r.URL.Query().Get("added") == "1",
	})
}

// fileDocumentForm is POST /files/{code}/documents: files a document (by
// its id or số đến) from the form, on the case file's page or a
// document's.
func (s *Server) fileDocumentForm(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, 1<<16); err != nil {
		return err
	}
	code := r.PathValue("code")
	if _, err := s.addToFile(r, code, r.PostForm.Get("id")); err != nil {
		if ae, ok := err.(*apiError); ok && ae.Status < 500 {
			return s.renderCaseFile(w, r, ae.Status, ae.MessageVI)
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/files/%s?added=1", url.PathEscape(code)), http.StatusSeeOther)
	return nil
}

// filesFor returns the case file document id is filed in, if any; else,
// to a user who may file it, every case file, to choose from.
func (s *Server) filesFor(r *http.Request, id vanthu.Ref) (*vanthu.CaseFile, []vanthu.CaseFile, error) {
	if code := s.Registry.FiledIn(id); code != "" {
		cf, err := s.Registry.CaseFile(code)
		return &cf, nil, err
	}
	if may(r, access.FileDocuments) != nil {
		return nil, nil, nil
	}
	files, err := s.Registry.CaseFiles()
	return nil, files, err
}

// fileFromDocumentPage is POST /documents/{id}/file: files the document
// in the case file chosen on its page.
func (s *Server) fileFromDocumentPage(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, 1<<16); err != nil {
		return err
	}
	code := r.PostForm.Get("code")
	if _, err := s.addToFile(r, code, r.PathValue("id")); err != nil {
		return err
	}
	http.Redirect(w, r, "/files/"+url.PathEscape(code)+"?added=1", http.StatusSeeOther)
	return nil
}
