package web

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/audit"
)

// auditActions names the routes whose every request is an audit entry,
// by the action it is. Polling (the queue, the events), static files and
// the service's own endpoints are not.
var auditActions = map[string]string{
	"GET /api/v1/search": "search", "GET /search": "search", "GET /{$}": "search",
	"GET /api/v1/documents/{id}": "view", "GET /documents/{id}": "view",
	"GET /api/v1/documents/{id}/original":        "download",
	"GET /api/v1/documents/{id}/archive.pdf":     "download_archive",
	"GET /api/v1/files/{code}/export.zip":        "case_file_export",
	"GET /api/v1/documents/{id}/pages/{n}/image": "page_image",
	"PATCH /api/v1/documents/{id}":               "correct", "POST /documents/{id}": "correct",
	"PUT /api/v1/documents/{id}/access": "assign", "POST /documents/{id}/access": "assign",
	"POST /api/v1/documents": "receive", "POST /intake": "receive",
	"GET /api/v1/register": "register", "GET /register": "register",
	"POST /api/v1/users": "user_change", "PATCH /api/v1/users/{name}": "user_change", "POST /admin/users": "user_change",
	"POST /api/v1/tokens": "token", "DELETE /api/v1/tokens/{id}": "token",
	"GET /api/v1/audit": "audit", "POST /logout": "logout",
}

// auditRequests writes an audit entry for each request of a user to a
// route of auditActions, after it is answered, with its outcome (the
// HTTP status).
func (s *Server) auditRequests(next http.Handler) http.Handler {
	if s.Audit == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		action, ok := auditActions[r.Pattern]
		u, known := userFrom(r.Context())
		if !ok || !known {
			return
		}
		object := r.PathValue("id")
		switch action {
		case "search":
			object = r.URL.RawQuery
		case "page_image":
			object += "#" + r.PathValue("n")
		case "user_change":
			object = r.PathValue("name")
			if object == "" {
				object = r.PostFormValue("name")
			}
		case "case_file_export":
			object = "hồ sơ " + r.PathValue("code")
		}
		s.note(r, audit.Entry{User: u.Name, Action: action, Object: object, Outcome: strconv.Itoa(sw.status)})
	})
}

// note writes an entry with the request's address and how the user came;
// a failure to write is logged, loudly.
func (s *Server) note(r *http.Request, e audit.Entry) {
	if s.Audit == nil {
		return
	}
	e.Addr = clientAddr(r)
	if e.Via == "" {
		e.Via = "session"
		if v, ok := r.Context().Value(viaKey{}).(string); ok {
			e.Via = v
		}
	}
	if err := s.Audit.Append(e); err != nil {
		s.log().Error("audit log not written", "err", err, "user", e.User, "action", e.Action)
	}
}

// viaKey marks a request authenticated by a token (its ID).
type viaKey struct{}

// auditSearch is GET /api/v1/audit?user=&action=&from=&to=&limit=: the
// entries that match, newest first (at most limit, 500 by default).
func (s *Server) auditSearch(w http.ResponseWriter, r *http.Request) error {
	out, err := s.auditQuery(r.URL.Query())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"entries": out})
}

// auditQuery reads the entries that match q (user, action, from, to as
// YYYY-MM-DD, limit), newest first.
func (s *Server) auditQuery(q url.Values) ([]audit.Entry, error) {
	if s.AuditDir == "" {
		return nil, &apiError{http.StatusServiceUnavailable, "no_audit", "this node keeps no audit log", "Máy chủ này không giữ nhật ký truy cập"}
	}
	var from, to time.Time
	for _, p := range []struct {
		name string
		t    *time.Time
	}{{"from", &from}, {"to", &to}} {
		if v := q.Get(p.name); v != "" {
			t, err := time.ParseInLocation("2006-01-02", v, vanthu.VietnamTime)
			if err != nil {
				return nil, &apiError{http.StatusBadRequest, "bad_query", p.name + " must be YYYY-MM-DD", "Ngày không hợp lệ"}
			}
			*p.t = t
		}
	}
	limit := 500
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 5000 {
			return nil, &apiError{http.StatusBadRequest, "bad_query", "limit must be 1–5000", "Giới hạn không hợp lệ"}
		}
		limit = n
	}
	user, action := strings.TrimSpace(q.Get("user")), strings.TrimSpace(q.Get("action"))
	out := []audit.Entry{}
	err := audit.Read(s.AuditDir, func(e audit.Entry) error {
		switch {
		case user != "" && e.User != user, action != "" && e.Action != action,
			!from.IsZero() && e.Time.Before(from), !to.IsZero() && !e.Time.Before(to.AddDate(0, 0, 1)):
			return nil
		}
		out = append(out, e)
		if len(out) > limit {
			out = out[1:]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Reverse(out)
	return out, nil
}

// auditPage is GET /admin/audit: the admin's search of the audit log.
func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Get("limit") == "" {
		q.Set("limit", "200")
	}
	entries, err := s.auditQuery(q)
	formErr := ""
	if ae, ok := err.(*apiError); ok && ae.Status == http.StatusBadRequest {
		formErr, err = ae.MessageVI, nil
	}
	if err != nil {
		return err
	}
	actions := slices.Sorted(maps.Keys(actionVI))
	return s.render(w, r, http.StatusOK, "audit.html", map[string]any{
		"Title": "Nhật ký truy cập", "Nav": "audit", "Entries": entries, "Q": q, "Actions": actions, "FormError": formErr,
	})
}

// documentHistory is a document's access history (NĐ 30 Phụ lục VI: lịch
// sử truy cập, số lần truy cập): how many times it was viewed or
// downloaded, and the latest n entries, newest first.
func (s *Server) documentHistory(id string, n int) (int, []audit.Entry) {
	if s.Audit == nil {
		return 0, nil
	}
	entries, err := s.Audit.About(id)
	if err != nil {
		s.log().Error("audit log not read", "err", err, "id", id)
	}
	count := 0
	for _, e := range entries {
		if e.Action == "view" || e.Action == "download" || e.Action == "page_image" {
			count++
		}
	}
	last := entries[max(0, len(entries)-n):]
	slices.Reverse(last)
	return count, last
}
