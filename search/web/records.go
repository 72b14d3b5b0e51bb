package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/archive"
	"github.com/vanthu/vanthu/auth"
	"github.com/vanthu/vanthu/casefile"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/intake/signature"
)

// patchRequest is a clerk's correction: the fields to set, and who sets them.
type patchRequest struct {
	By       string                     `json:"by"`
	Metadata map[string]json.RawMessage `json:"metadata"`
}

// patch corrects metadata fields. The earlier versions stay in the record's
// history; corrected fields leave the review list; the document is indexed
// again.
func (s *Server) patch(w http.ResponseWriter, r *http.Request) error {
	id, err := s.docID(r)
	if err != nil {
		return err
	}
	var req patchRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil || len(req.Metadata) == 0 {
		return &apiError{http.StatusBadRequest, "bad_patch", `send {"by": "your name", "metadata": {"field": value, …}}`, "Dữ liệu sửa không hợp lệ"}
	}
	// The correction is the logged-in user's, whatever name is sent.
	me, _ := userFrom(r.Context())
	d, err := s.correct(r.Context(), id, me.Name, req.Metadata)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

// correct sets metadata fields of a record for a clerk: every earlier
// version stays in the history (the extraction first), corrected fields
// leave the review list, and the document is indexed again and published.
func (s *Server) correct(ctx context.Context, id vanthu.Ref, by string, fields map[string]json.RawMessage) (vanthu.Document, error) {
	by = strings.TrimSpace(by)
	if by == "" {
		by = "clerk"
	}
	d, err := s.Registry.Update(id, func(d *vanthu.Document) error {
		md := d.Metadata
		for field, raw := range fields {
			if err := setField(&md, field, raw); err != nil {
				return err
			}
			d.Review = remove(d.Review, field)
			if d.FieldConfidence == nil {
				d.FieldConfidence = map[string]float64{}
			}
			d.FieldConfidence[field] = 1
		}
		if len(d.History) == 0 { // keep what was there before the first correction
			d.History = append(d.History, vanthu.Revision{At: d.UpdatedAt, By: "extraction", Metadata: d.Metadata})
		}
		d.History = append(d.History, vanthu.Revision{At: time.Now().UTC(), By: by, Metadata: md})
		d.Metadata = md
		return nil
	})
	if err != nil {
		return d, err
	}
	if d.Metadata.Confidentiality != "" && d.Status != vanthu.Held && !d.Access.Secret && s.HoldSecret != nil {
		return s.HoldSecret(ctx, d) // a secrecy mark: the policy applies at once
	}
	if d, err = s.rearchive(ctx, d); err != nil {
		return d, err
	}
	return d, s.republish(ctx, d)
}

// rearchive makes a corrected document's archive copy again, so that its
// metadata say what the record says, and deletes the copy it replaces.
// A document without a copy (whose original stands in) is left as it is.
func (s *Server) rearchive(ctx context.Context, d vanthu.Document) (vanthu.Document, error) {
	if !d.HasArchiveCopy() {
		return d, nil
	}
	old := d.Archive.Ref
	ac, err := archive.Build(ctx, s.Blobs, d, time.Now())
	if err != nil {
		return d, err
	}
	d, err = s.Registry.Update(d.ID, func(d *vanthu.Document) error {
		d.Archive = &ac
		return nil
	})
	if err == nil && ac.Ref != old {
		err = s.Blobs.Remove(old)
	}
	return d, err
}

// republish indexes a changed record again and puts it on the documents
// log, so that an index rebuilt from the log keeps the change.
func (s *Server) republish(ctx context.Context, d vanthu.Document) error {
	if d.Status == vanthu.Indexed && s.Index != nil {
		if err := s.Index.Put(d); err != nil {
			return err
		}
	}
	if s.Corrected != nil {
		return s.Corrected(ctx, d)
	}
	return nil
}

// setAccess is PUT /api/v1/documents/{id}/access {"scope", "units",
// "users"}: a clerk or a leader assigns the document (giao xử lý) to units
// and users, or opens it to the agency again. Every change stays in the
// record's access_history.
func (s *Server) setAccess(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	var in struct {
		Scope string
		Units []string
		Users []string
	}
	if err := readJSON(r, &in); err != nil {
		return err
	}
	if d, err = s.assign(r, d.ID, vanthu.Access{Scope: in.Scope, Units: in.Units, Users: in.Users}); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

// assign sets a document's access for the request's user, recording the
// change, and indexes the document again.
func (s *Server) assign(r *http.Request, id vanthu.Ref, a vanthu.Access) (vanthu.Document, error) {
	a.Units, a.Users = cleanNames(a.Units), cleanNames(a.Users)
	switch {
	case a.Scope == vanthu.ScopeAgency:
		a.Units, a.Users = nil, nil
	case a.Scope == vanthu.ScopeRestricted && len(a.Units)+len(a.Users) > 0:
	default:
		return vanthu.Document{}, &apiError{http.StatusBadRequest, "bad_access", `send {"scope":"agency"}, or {"scope":"restricted","units":[…],"users":[…]} with at least one unit or user`,
			"Phạm vi truy cập không hợp lệ: giới hạn cần ít nhất một đơn vị hoặc người dùng"}
	}
	me, _ := userFrom(r.Context())
	d, err := s.Registry.Update(id, func(d *vanthu.Document) error {
		a.Secret = d.Access.Secret // an assignment never unmarks a secret
		d.Access = a
		d.AccessHistory = append(d.AccessHistory, vanthu.AccessChange{At: time.Now().UTC(), By: me.Name, Access: a})
		return nil
	})
	if err != nil {
		return d, err
	}
	s.log().Info("access changed", "by", me.Name, "id", string(d.ID), "scope", a.Scope, "units", a.Units, "users", a.Users)
	return d, s.republish(r.Context(), d)
}

// assignPage takes the document page's access form.
func (s *Server) assignPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	if err := readForm(w, r, 1<<16); err != nil {
		return err
	}
	a := vanthu.Access{Scope: r.PostForm.Get("scope"), Units: strings.Split(r.PostForm.Get("units"), "\n"), Users: strings.Split(r.PostForm.Get("users"), "\n")}
	if _, err := s.assign(r, d.ID, a); err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			return s.renderDocument(w, r, http.StatusUnprocessableEntity, d, "", false, ae.MessageVI)
		}
		return err
	}
	http.Redirect(w, r, "/documents/"+string(d.ID)+"#truy-cap", http.StatusSeeOther)
	return nil
}

// cleanNames trims, normalises (NFC) and de-duplicates unit and user names.
func cleanNames(in []string) []string {
	var out []string
	for _, n := range in {
		n = auth.UnitName(n)
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func remove(list []string, x string) []string {
	var out []string
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// setField sets one metadata field from JSON, checking its value.
func setField(md *vanthu.Metadata, field string, raw json.RawMessage) error {
	bad := func(msg string) error {
		return &apiError{http.StatusBadRequest, "bad_field", field + ": " + msg, "Giá trị không hợp lệ: " + field}
	}
	if field == "recipients" {
		var v []string
		if err := json.Unmarshal(raw, &v); err != nil {
			return bad("a list of strings")
		}
		md.Recipients = v
		return nil
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return bad("a string")
	}
	v = strings.TrimSpace(v)
	switch field {
	case "number":
		md.Number = v
	case "doc_type":
		md.DocType = v
	case "issuer":
		md.Issuer = v
	case "parent_body":
		md.ParentBody = v
	case "issued_date":
		if _, err := time.Parse("2006-01-02", v); v != "" && err != nil {
			return bad("a date YYYY-MM-DD")
		}
		md.IssuedDate = v
	case "place":
		md.Place = v
	case "subject":
		md.Subject = v
	case "signer":
		md.Signer = v
	case "signer_title":
		md.SignerTitle = v
	case "urgency":
		u := extract.ParseUrgency(strings.ToUpper(v))
		if v != "" && u == "" {
			return bad(strings.Join(dict.MarkNames(dict.Urgencies), ", ") + " or empty")
		}
		md.Urgency = u
	case "confidentiality":
		c := extract.ParseConfidentiality(strings.ToUpper(v))
		if v != "" && c == "" {
			return bad(strings.Join(dict.MarkNames(dict.Secrecies), ", ") + " or empty")
		}
		md.Confidentiality = c
	default:
		return bad("no such field")
	}
	return nil
}

// RegisterEntry is one row of the incoming register, with the columns of
// Nghị định 30/2020 Phụ lục IV. Vanthu has no data for the handling
// columns; they are left for the clerk.
type RegisterEntry struct {
	ArrivalDate   string     `json:"arrival_date"`   // Ngày đến
	ArrivalNumber int        `json:"arrival_number"` // Số đến
	Author        string     `json:"author"`         // Tác giả
	Number        string     `json:"number"`         // Số, ký hiệu
	Date          string     `json:"date"`           // Ngày tháng
	TypeSubject   string     `json:"type_subject"`   // Tên loại và trích yếu nội dung
	Recipient     string     `json:"recipient"`      // Đơn vị hoặc người nhận
	TransferDate  string     `json:"transfer_date"`  // Ngày chuyển
	Signature     string     `json:"signature"`      // Ký nhận
	Notes         string     `json:"notes"`          // Ghi chú
	ID            vanthu.Ref `json:"id"`
	// The case file (hồ sơ) the document is filed in, its retention and
	// the year that ends (also in Notes).
	CaseFile  string `json:"case_file,omitempty"`
	Retention string `json:"retention,omitempty"`
	DueYear   int    `json:"due_year,omitempty"`
}

var registerHeader = []string{"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
	"Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"}

// register lists a year's incoming register, as JSON or (format=csv) CSV
// for printing and binding.
func (s *Server) register(w http.ResponseWriter, r *http.Request) error {
	year, entries, err := s.registerOf(r)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("format") {
	case "", "json":
		return writeJSON(w, http.StatusOK, map[string]any{"year": year, "entries": entries})
	case "csv":
		var b bytes.Buffer
		b.WriteString("\ufeff") // a BOM, so spreadsheets read UTF-8
		cw := csv.NewWriter(&b)
		cw.Write(registerHeader)
		for _, e := range entries {
			arrival := ""
			if e.ArrivalNumber > 0 { // an imported record has none
				arrival = strconv.Itoa(e.ArrivalNumber)
			}
			cw.Write([]string{e.ArrivalDate, arrival, e.Author, e.Number, e.Date,
				e.TypeSubject, e.Recipient, e.TransferDate, e.Signature, e.Notes})
		}
		cw.Flush()
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="so-van-ban-den-%d.csv"`, year))
		_, err := w.Write(b.Bytes())
		return err
	}
	return &apiError{http.StatusBadRequest, "bad_format", "format must be json or csv", "Định dạng không hợp lệ"}
}

// registerOf reads the register of the year the request asks for (this
// year in Vietnam by default), for the API and the page alike.
func (s *Server) registerOf(r *http.Request) (int, []RegisterEntry, error) {
	year := time.Now().In(vanthu.VietnamTime).Year()
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1900 || n > 2200 {
			return 0, nil, &apiError{http.StatusBadRequest, "bad_year", "year must be a year such as 2026", "Năm không hợp lệ (ví dụ: 2026)"}
		}
		year = n
	}
	docs, err := s.Registry.RegisterOf(year)
	if err != nil {
		return 0, nil, err
	}
	files, err := s.Registry.CaseFiles()
	if err != nil {
		return 0, nil, err
	}
	filed := map[vanthu.Ref]vanthu.CaseFile{}
	for _, cf := range files {
		for _, id := range cf.Documents {
			filed[id] = cf
		}
	}
	entries := make([]RegisterEntry, 0, len(docs))
	sight := s.sight(r)
	for _, d := range docs {
		if sight.Sees(d.Access) { // a secret one only for leaders and the named
			e := registerEntry(d)
			if cf, ok := filed[d.ID]; ok {
				e.CaseFile, e.Retention, e.DueYear = cf.Code, cf.Retention, casefile.DueYear(cf)
				note := fmt.Sprintf("Hồ sơ %s, bảo quản %s", cf.Code, cf.Retention)
				if e.DueYear > 0 {
					note += fmt.Sprintf(", đến hạn năm %d", e.DueYear)
				}
				e.Notes = strings.TrimPrefix(e.Notes+"; "+note, "; ")
			}
			entries = append(entries, e)
		}
	}
	return year, entries, nil
}

func registerEntry(d vanthu.Document) RegisterEntry {
	md := d.Metadata
	e := RegisterEntry{ArrivalDate: d.ArrivalDate, ArrivalNumber: d.ArrivalNumber, Author: md.Issuer,
		Number: md.Number, TypeSubject: strings.TrimSpace(md.DocType + " " + md.Subject), ID: d.ID}
	if t, err := time.Parse("2006-01-02", md.IssuedDate); err == nil {
		e.Date = t.Format("02/01/2006")
	}
	if a, err := time.Parse("2006-01-02", d.ArrivalDate); err == nil {
		e.ArrivalDate = a.Format("02/01/2006")
	}
	var notes []string
	if d.Imported != nil {
		notes = append(notes, "Nhập từ hệ thống cũ (mã "+d.Imported.LegacyID+")")
	}
	if len(d.DuplicateOf) > 0 {
		notes = append(notes, "Có thể trùng văn bản đã đến")
	}
	if d.Status == vanthu.Failed {
		notes = append(notes, "Lỗi xử lý: "+d.Error)
	} else if !d.Status.Done() {
		notes = append(notes, "Đang xử lý")
	}
	if n := signature.Note(d.Signatures); n != "" {
		notes = append(notes, n)
	}
	notes = append(notes, d.Warnings...)
	if len(d.Review) > 0 {
		notes = append(notes, "Cần kiểm tra: "+strings.Join(reviewVI(d.Review), ", "))
	}
	e.Notes = strings.Join(notes, "; ")
	return e
}
