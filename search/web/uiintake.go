package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake"
)

// The intake queue and the register pages.

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
	// Warnings are what the clerk must be told of the file: a signature
	// broken or changed after, several documents in one file.
	Warnings []string `json:"warnings,omitempty"`
	// HeaderCrop is the image of the page the header was read from when
	// the number or the date must be typed from it, and HeaderAspect the
	// width / height of its header (the top 30%), for a crop of it.
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
			Number: d.Metadata.Number, DuplicateOf: d.DuplicateOf, Review: reviewVI(d.Review), Warnings: d.Warnings}
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
