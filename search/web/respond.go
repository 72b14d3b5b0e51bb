package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake"
)

// How the API answers: JSON bodies, and errors with their status and code.

// apiError is an error with its HTTP status and stable code.
type apiError struct {
	Status    int    `json:"-"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageVI string `json:"message_vi,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

// refusalStatus maps intake refusal codes to statuses.
var refusalStatus = map[string]int{
	intake.CodeTooLarge:    http.StatusRequestEntityTooLarge,
	intake.CodeUnsupported: http.StatusUnsupportedMediaType,
	intake.CodeEmpty:       http.StatusUnprocessableEntity,
	intake.CodeCorrupt:     http.StatusUnprocessableEntity,
	intake.CodeTooManyPix:  http.StatusUnprocessableEntity,
	intake.CodeEncrypted:   http.StatusUnprocessableEntity,
}

// serveErr writes an error as the API's JSON.
func (s *Server) serveErr(w http.ResponseWriter, r *http.Request, err error) {
	ae := s.apiErr(r, err)
	writeJSON(w, ae.Status, map[string]*apiError{"error": ae})
}

// apiErr is the one place errors get their status, code and messages (for
// the API and the pages alike); server faults are logged here.
func (s *Server) apiErr(r *http.Request, err error) *apiError {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch ref, refused := intake.AsRefusal(err); {
	case errors.As(err, &ae):
	case refused:
		ae = &apiError{refusalStatus[ref.Code], ref.Code, ref.Message, ref.MessageVI}
		if ae.Status == 0 {
			ae.Status = http.StatusUnprocessableEntity
		}
	case errors.As(err, &mbe):
		ae = &apiError{http.StatusRequestEntityTooLarge, intake.CodeTooLarge,
			fmt.Sprintf("the upload is larger than the limit of %d bytes", mbe.Limit), "Tệp tải lên vượt quá giới hạn dung lượng"}
	default:
		switch vanthu.KindOf(err) {
		case vanthu.Invalid:
			ae = &apiError{http.StatusBadRequest, "bad_request", err.Error(), "Yêu cầu không hợp lệ"}
		case vanthu.NotExist:
			ae = &apiError{http.StatusNotFound, "not_found", err.Error(), "Không tìm thấy"}
		case vanthu.Transient:
			ae = &apiError{http.StatusServiceUnavailable, "unavailable", "temporarily unavailable, try again", "Hệ thống tạm thời bận, xin thử lại"}
		default:
			ae = &apiError{http.StatusInternalServerError, "internal", "internal error", "Lỗi hệ thống"}
		}
	}
	if ae.Status >= 500 {
		s.log().Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	return ae
}

// readJSON decodes a request's JSON body (at most 1 MiB, no unknown
// fields) into v.
func readJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &apiError{http.StatusBadRequest, "bad_json", "the body is not the JSON expected: " + err.Error(), "Dữ liệu gửi lên không hợp lệ"}
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc.Encode(v)
}
