package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/auth"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/importer"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/search"
)

// Server is the HTTP front of Vanthu.
type Server struct {
	Receiver *intake.Receiver
	Events   *intake.Events
	Registry *registry.Registry
	Blobs    *blob.Store
	Searcher *search.Searcher
	Index    *index.Index // re-indexes corrected documents
	// Corrected, if set, is told of each corrected record (to put it on
	// the documents log, so that an index rebuilt from the log keeps it).
	Corrected func(context.Context, vanthu.Document) error
	Metrics   io.WriterTo // writes the Prometheus text exposition
	Log       *slog.Logger
	// MaxUpload bounds an upload's body; larger answers 413 before the body
	// is read in full.
	MaxUpload int64
	// Users are who may use the service (required): every request but
	// the health check is made by one of them, with a session (the UI) or
	// a bearer token (scripts).
	Users *auth.Store
	// SecureCookies marks the session cookie Secure: set it when the
	// service is reached over TLS (behind a reverse proxy).
	SecureCookies bool
	// SSO, if set (and started), offers single sign-on on the login page.
	SSO *SSO

	// Importer, if set, takes records of the agency's earlier system
	// (POST /api/v1/import) while intake goes on.
	Importer *importer.Importer

	// HoldSecret, if set, applies the state-secret policy to a record a
	// correction gave a secrecy mark (pipeline.HoldSecret), at once.
	HoldSecret func(context.Context, vanthu.Document) (vanthu.Document, error)
	// Audit, if set, takes an entry for every action of a user (see
	// auditActions), and AuditDir is its folder, for GET /api/v1/audit.
	Audit    *audit.Log
	AuditDir string

	sessions *scs.SessionManager
	limiter  *auth.Limiter
	// mux and routes are Handler's router and the patterns it has, so
	// that a test can ask who may reach each route there is.
	mux    *http.ServeMux
	routes []string
}

// Handler returns the server's routes, each open only to the roles the
// policy (package access) allows; state-changing requests from another
// site are refused (net/http's CrossOriginProtection).
func (s *Server) Handler() http.Handler {
	if s.Users == nil {
		panic("web: Server.Users is required")
	}
	s.sessions = newSessions(s.Users, s.SecureCookies)
	s.limiter = auth.NewLimiter(5, 15*time.Minute)
	mux := http.NewServeMux()
	s.mux, s.routes = mux, nil
	handle := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		s.routes = append(s.routes, pattern)
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			if err := h(w, r); err != nil {
				s.serveErr(w, r, err)
			}
		})
	}
	// A node that runs no intake or search stage says so.
	needs := func(ok bool, stage string, h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
		if ok {
			return h
		}
		return func(http.ResponseWriter, *http.Request) error {
			return &apiError{http.StatusServiceUnavailable, "stage_not_here", "this node does not run the " + stage + " stage", "Máy chủ này không đảm nhận việc này"}
		}
	}
	handle("POST /api/v1/documents", guard(access.Receive, needs(s.Receiver != nil, "intake", s.upload)))
	handle("GET /api/v1/documents", guard(access.Queue, needs(s.Registry != nil, "index", s.listDocuments)))
	handle("GET /api/v1/documents/{id}", guard(access.Read, needs(s.Registry != nil, "index", s.document)))
	handle("PATCH /api/v1/documents/{id}", guard(access.Correct, needs(s.Registry != nil, "index", s.patch)))
	handle("PUT /api/v1/documents/{id}/access", guard(access.Assign, needs(s.Registry != nil, "index", s.setAccess)))
	handle("GET /api/v1/register", guard(access.Register, needs(s.Registry != nil, "index", s.register)))
	handle("GET /api/v1/documents/{id}/original", guard(access.Read, needs(s.Registry != nil, "index", s.original)))
	handle("GET /api/v1/documents/{id}/archive.pdf", guard(access.Read, needs(s.Registry != nil, "index", s.archivePDF)))
	handle("GET /api/v1/documents/{id}/related", guard(access.Read, needs(s.Registry != nil && s.Searcher != nil, "search", s.related)))
	handle("GET /api/v1/documents/{id}/pages/{n}/image", guard(access.Read, needs(s.Registry != nil, "index", s.pageImage)))
	handle("GET /api/v1/search", guard(access.Read, needs(s.Searcher != nil, "search", s.search)))
	handle("GET /api/v1/intake/events", guard(access.Queue, needs(s.Events != nil, "intake", s.events)))
	handle("GET /api/v1/openapi.json", guard(access.ReadAPIIndex, s.openAPI))
	handle("GET /api/v1/me", s.me)
	handle("GET /api/v1/users", guard(access.ManageUsers, s.listUsers))
	handle("POST /api/v1/users", guard(access.ManageUsers, s.addUser))
	handle("PATCH /api/v1/users/{name}", guard(access.ManageUsers, s.changeUser))
	handle("GET /api/v1/tokens", guard(access.OwnTokens, s.listTokens))
	handle("POST /api/v1/tokens", guard(access.OwnTokens, s.createToken))
	handle("DELETE /api/v1/tokens/{id}", guard(access.OwnTokens, s.revokeToken))
	handle("GET /api/v1/audit", guard(access.ViewAudit, s.auditSearch))
	handle("POST /api/v1/import", guard(access.Import, s.importRecords))
	handle("GET /api/v1/files", guard(access.CaseFiles, needs(s.Registry != nil, "index", s.listFiles)))
	handle("POST /api/v1/files", guard(access.FileDocuments, needs(s.Registry != nil, "index", s.createFile)))
	handle("GET /api/v1/files/{code}", guard(access.CaseFiles, needs(s.Registry != nil, "index", s.getFile)))
	handle("POST /api/v1/files/{code}/documents", guard(access.FileDocuments, needs(s.Registry != nil, "index", s.fileDocument)))
	handle("GET /api/v1/files/{code}/export.zip", guard(access.ExportCaseFile, needs(s.Registry != nil, "index", s.exportFile)))
	handle("GET /metrics", guard(access.Metrics, s.metrics))
	handle("GET /healthz", func(w http.ResponseWriter, r *http.Request) error {
		return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.uiRoutes(mux)
	handle("/api/", func(w http.ResponseWriter, r *http.Request) error {
		return &apiError{http.StatusNotFound, "not_found", "no such endpoint: " + r.Method + " " + r.URL.Path, "Không có địa chỉ này"}
	})
	h := s.authenticate(s.auditRequests(mux))
	h = s.sessions.LoadAndSave(h)
	h = http.NewCrossOriginProtection().Handler(h)
	return s.logRequests(h)
}

// upload receives one file from the multipart field "file".
func (s *Server) upload(w http.ResponseWriter, r *http.Request) error {
	if s.MaxUpload > 0 {
		if r.ContentLength > s.MaxUpload+1<<20 {
			return &apiError{http.StatusRequestEntityTooLarge, intake.CodeTooLarge,
				fmt.Sprintf("the upload is larger than the limit of %d bytes", s.MaxUpload), "Tệp tải lên vượt quá giới hạn dung lượng"}
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.MaxUpload+1<<20)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return &apiError{http.StatusBadRequest, "bad_request", "send the scan as multipart/form-data in the field \"file\"", "Hãy gửi tệp trong trường \"file\" (multipart/form-data)"}
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return &apiError{http.StatusBadRequest, "bad_request", "no field \"file\" in the upload", "Không có tệp trong yêu cầu"}
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return err
			}
			return &apiError{http.StatusBadRequest, "bad_request", "malformed multipart body: " + err.Error(), "Dữ liệu tải lên không hợp lệ"}
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		rc, err := s.Receiver.Receive(r.Context(), part.FileName(), uploader(r), part)
		s.Events.Record("upload", part.FileName(), rc, err)
		if err != nil {
			return err
		}
		status := http.StatusAccepted
		return writeJSON(w, status, map[string]any{
			"id": rc.Document.ID, "duplicate": rc.Duplicate, "status": rc.Document.Status,
			"file_name": rc.Document.FileName, "received_at": rc.Document.ReceivedAt,
		})
	}
}

func (s *Server) docID(r *http.Request) (vanthu.Ref, error) {
	id, err := vanthu.ParseRef(r.PathValue("id"))
	if err != nil {
		return "", &apiError{http.StatusBadRequest, "bad_id", "a document id is 64 hex digits (its sha256)", "Mã văn bản không hợp lệ"}
	}
	return id, nil
}

// record reads the document named in the path.
func (s *Server) record(r *http.Request) (vanthu.Document, error) {
	id, err := s.docID(r)
	if err != nil {
		return vanthu.Document{}, err
	}
	d, err := s.Registry.Get(id)
	sight := s.sight(r)
	if vanthu.KindOf(err) == vanthu.NotExist || err == nil && !sight.Sees(d.Access) {
		// A document the user may not see is as absent as one that is.
		return vanthu.Document{}, errNoDocument
	}
	if err != nil {
		return d, err
	}
	// Its possible duplicates are named only if the user may see them.
	d.DuplicateOf = slices.DeleteFunc(d.DuplicateOf, func(o vanthu.Ref) bool {
		od, err := s.Registry.Get(o)
		return err != nil || !sight.Sees(od.Access)
	})
	return d, nil
}

var errNoDocument = &apiError{http.StatusNotFound, "not_found", "no such document", "Không tìm thấy văn bản"}

// sight is what the request's user may see of the documents.
func (s *Server) sight(r *http.Request) access.Sight {
	u, ok := userFrom(r.Context())
	if !ok {
		return access.Sight{}
	}
	return access.SightOf(access.Viewer{Name: u.Name, Role: u.Role, Unit: u.Unit})
}

// document returns the record; word boxes only with ?words=1.
func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("words") != "1" {
		for i := range d.Pages {
			d.Pages[i].Words = nil
		}
	}
	if d.Pages == nil {
		d.Pages = []vanthu.Page{}
	}
	if d.Metadata.Recipients == nil {
		d.Metadata.Recipients = []string{}
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	req, err := search.ParseRequest(r.URL.Query())
	if err != nil {
		return &apiError{http.StatusBadRequest, "bad_query", strings.TrimPrefix(err.Error(), "search: "), "Câu tìm kiếm không hợp lệ"}
	}
	res, err := s.searchAs(r, req)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// searchTimeout bounds one search.
const searchTimeout = 10 * time.Second

// searchAs runs req as the user of r sees the documents: what they may
// not see is neither found nor counted.
func (s *Server) searchAs(r *http.Request, req search.Request) (search.Result, error) {
	sight := s.sight(r)
	req.Sight = &sight
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	return s.Searcher.Search(ctx, req)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, map[string]any{"events": s.Events.Recent()})
}

func (s *Server) metrics(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	if s.Metrics != nil {
		s.Metrics.WriteTo(w)
	}
	return nil
}

func (s *Server) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		if r.URL.Path != "/metrics" && r.URL.Path != "/healthz" {
			s.log().Debug("http", "method", r.Method, "path", r.URL.Path, "status", sw.status, "ms", time.Since(start).Milliseconds())
		}
	})
}

// uploader is who sends an upload: the logged-in user.
func uploader(r *http.Request) string {
	u, _ := userFrom(r.Context())
	return u.Name
}
