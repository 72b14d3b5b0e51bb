package web

import (
	"context"
	"net/http"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/search"
)

// related answers what the index holds of the documents the record cites
// and of those that cite it, as the user sees them: a document they may
// not see is neither named nor counted.
func (s *Server) related(w http.ResponseWriter, r *http.Request) error {
	d, err := s.record(r)
	if err != nil {
		return err
	}
	rel, err := s.relatedAs(r, d)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rel)
}

// relatedAs runs search.Searcher.Related for d as the user of r sees the
// documents.
func (s *Server) relatedAs(r *http.Request, d vanthu.Document) (search.Related, error) {
	sight := s.sight(r)
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	return s.Searcher.Related(ctx, d, &sight)
}
