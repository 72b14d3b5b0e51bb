package web

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
)

// Downloads: the original as received, the archive copy, page images.

// contentTypes are the media types of the formats Vanthu receives.
var contentTypes = map[vanthu.Format]string{
	vanthu.PDF: "application/pdf", vanthu.TIFF: "image/tiff", vanthu.JPEG: "image/jpeg", vanthu.PNG: "image/png",
}

// original answers with the file as received, byte for byte, to those
// given it (access.GetsOriginal: an archivist, the clerk who received it);
// to everyone else who may read the document, with its reading copy (the
// PDF/A archive copy) when it has one, and else the original. The header
// X-Vanthu-Copy says which: "original" or "archive".
func (s *Server) original(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	if d.Status == vanthu.Held {
		return &apiError{http.StatusGone, "secret_held", "a state-secret document: its original is held outside this system", "Văn bản mật: bản gốc được giữ ngoài hệ thống, theo quy trình văn bản mật"}
	}
	if !s.getsOriginal(r, d) {
		return s.serveArchive(w, r, d)
	}
	if d.Format == "" { // a record imported without its file
		return &apiError{http.StatusNotFound, "no_original", "a record imported from the earlier system without its file", "Văn bản nhập từ hệ thống cũ, không có tệp gốc"}
	}
	f, err := s.Blobs.Open(d.ID)
	if err != nil {
		return err
	}
	defer f.Close()
	w.Header().Set("Content-Type", contentTypes[d.Format])
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.FileName}))
	w.Header().Set("X-Content-SHA256", string(d.ID))
	w.Header().Set("X-Vanthu-Copy", "original")
	me, _ := userFrom(r.Context())
	s.log().Info("original downloaded", "user", me.Name, "id", string(d.ID), "addr", clientAddr(r))
	http.ServeContent(w, r, "", d.ReceivedAt, f)
	return nil
}

// getsOriginal reports whether the request's user is given d's
// byte-exact original. The original of a PDF with active content goes to
// archivists alone.
func (s *Server) getsOriginal(r *http.Request, d vanthu.Document) bool {
	u, _ := userFrom(r.Context())
	if len(d.ActiveContent) > 0 {
		return access.Allowed(u.Role, access.ActiveOriginal)
	}
	return access.GetsOriginal(access.Viewer{Name: u.Name, Role: u.Role, Unit: u.Unit}, d.ReceivedBy) || !d.HasArchiveCopy()
}

// archivePDF is GET …/archive.pdf: the document's two-layer PDF/A copy.
func (s *Server) archivePDF(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	return s.serveArchive(w, r, d)
}

// serveArchive answers with d's archive copy, or says why it has none.
func (s *Server) serveArchive(w http.ResponseWriter, r *http.Request, d vanthu.Document) error {
	switch {
	case d.Status == vanthu.Held:
		return &apiError{http.StatusGone, "secret_held", "a state-secret document: nothing of it is kept here", "Văn bản mật: không lưu trên hệ thống này"}
	case !d.HasArchiveCopy() && len(d.ActiveContent) > 0:
		return &apiError{http.StatusForbidden, "active_content", "the original carries active content (" + strings.Join(d.ActiveContent, ", ") + ") and there is no archive copy: only an archivist may download it",
			"Bản gốc có nội dung chủ động và chưa có bản lưu trữ: chỉ cán bộ lưu trữ được tải"}
	case !d.HasArchiveCopy() && d.Archive != nil:
		return &apiError{http.StatusNotFound, "no_archive_copy", "no archive copy: " + d.Archive.Note, "Không có bản lưu trữ PDF/A: " + d.Archive.NoteVI}
	case !d.HasArchiveCopy():
		return &apiError{http.StatusNotFound, "no_archive_copy", "the archive copy is made once the document is read", "Bản lưu trữ PDF/A được tạo sau khi văn bản được đọc xong"}
	}
	f, err := s.Blobs.Open(d.Archive.Ref)
	if err != nil {
		return err
	}
	defer f.Close()
	name := strings.TrimSuffix(d.FileName, filepath.Ext(d.FileName)) + ".pdfa.pdf"
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("X-Content-SHA256", string(d.Archive.Ref))
	w.Header().Set("X-Vanthu-Copy", "archive")
	http.ServeContent(w, r, "", d.Archive.Built, f)
	return nil
}

// pageImage returns the rendered image of one page.
func (s *Server) pageImage(w http.ResponseWriter, r *http.Request) error {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil {
		return &apiError{http.StatusBadRequest, "bad_page", "the page number must be a whole number", "Số trang không hợp lệ"}
	}
	d, err := s.record(r)
	if err != nil {
		return err
	}
	if n < 1 || n > len(d.Pages) || d.Pages[n-1].Image == "" {
		return &apiError{http.StatusNotFound, "not_found", fmt.Sprintf("no image of page %d", n), "Không có ảnh trang này"}
	}
	f, err := s.Blobs.Open(d.Pages[n-1].Image)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 8)
	f.Read(head)
	f.Seek(0, io.SeekStart)
	w.Header().Set("Content-Type", http.DetectContentType(head))
	w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, f)
	return nil
}
