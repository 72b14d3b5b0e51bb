package web

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/vanthu/vanthu/audit"
	"github.com/vanthu/vanthu/intake/importer"
)

// importRecords is POST /api/v1/import: the body is records of the
// agency's earlier system, one JSON object a line (package importer),
// read as it arrives; the answer streams one result a line (line, id,
// doc, outcome, error), then {"summary": …}, or {"fatal": …} if the
// import had to stop. Intake goes on meanwhile.
func (s *Server) importRecords(w http.ResponseWriter, r *http.Request) error {
	if s.Importer == nil {
		return &apiError{http.StatusServiceUnavailable, "stage_not_here", "this node does not import (it keeps no index)", "Máy chủ này không nhận dữ liệu nhập"}
	}
	rc := http.NewResponseController(w)
	rc.EnableFullDuplex() // the results go out while the records come in
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	n := 0
	sum, err := s.Importer.Run(r.Context(), io.LimitReader(r.Body, 64<<30), func(res importer.Result) {
		enc.Encode(res)
		if n++; n%256 == 0 {
			rc.Flush()
		}
	})
	if err != nil {
		s.log().Error("import stopped", "err", err)
		enc.Encode(map[string]string{"fatal": err.Error()})
	}
	enc.Encode(map[string]any{"summary": sum})
	me, _ := userFrom(r.Context())
	s.note(r, audit.Entry{User: me.Name, Action: "import", Object: fmt.Sprintf("%d lines", sum.Lines),
		Outcome: fmt.Sprintf("%d imported, %d unchanged, %d refused", sum.Imported, sum.Unchanged, sum.Refused)})
	return nil
}
