package search

import (
	"context"
	"encoding/json"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
)

// Result is the answer to a Request.
type Result struct {
	Total  uint64                  `json:"total"`
	TookMS float64                 `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
}

// Hit is one matching document.
type Hit struct {
	ID         vanthu.Ref      `json:"id"`
	Score      float64         `json:"score"`
	FileName   string          `json:"file_name"`
	ReceivedAt time.Time       `json:"received_at"`
	PageCount  int             `json:"page_count"`
	Metadata   vanthu.Metadata `json:"metadata"`
	Snippets   []Snippet       `json:"snippets"`
	// NumberApprox: the query was a document number no document has, and
	// this one's number differs from it by one edit in the issuing code
	// (an OCR slip, VTLTNN read VTLUTNN): "số ký hiệu gần đúng".
	NumberApprox bool `json:"number_approx,omitempty"`
}

// Snippet is a passage of one page, HTML-escaped, with the matched terms in
// <mark>…</mark>.
type Snippet struct {
	Page int    `json:"page"`
	Text string `json:"text"`
}

// FacetCount is how many matching documents have one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets lists the facet fields, in the order the UI shows them.
var Facets = []string{index.FieldDocType, index.FieldIssuer, index.FieldYear, index.FieldUrgency, index.FieldSecrecy}

// Searcher searches one index.
type Searcher struct {
	Index *index.Index
}

// Search runs r.
func (s *Searcher) Search(ctx context.Context, r Request) (Result, error) {
	if err := r.Check(); err != nil {
		return Result{}, err
	}
	p, _ := parseQuery(r.Q)
	near, err := s.nearNumbers(p)
	if err != nil {
		return Result{}, err
	}
	q := buildQuery(p, r, near)
	req := bleve.NewSearchRequestOptions(q, r.Size, (r.Page-1)*r.Size, false)
	req.Fields = []string{index.FieldRecord, index.FieldText}
	req.IncludeLocations = true
	for _, f := range Facets {
		req.AddFacet(f, bleve.NewFacetRequest(f, 50))
	}
	// Ties break the same way every time: the newer document first.
	switch {
	case r.Sort == "issued_date":
		req.SortBy([]string{index.FieldIssuedDate, "-_score", "_id"})
	case r.Sort == "-issued_date", r.Sort == "" && p.empty():
		req.SortBy([]string{"-" + index.FieldIssuedDate, "-" + index.FieldReceivedAt, "_id"})
	default:
		req.SortBy([]string{"-_score", "-" + index.FieldIssuedDate, "_id"})
	}
	start := time.Now()
	res, err := s.Index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return Result{}, vanthu.E("search", vanthu.Transient, err)
	}
	out := Result{Total: res.Total, Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	for _, dm := range res.Hits {
		h := makeHit(dm)
		h.NumberApprox = near[dict.NumberKey(h.Metadata.Number)]
		out.Hits = append(out.Hits, h)
	}
	for _, f := range Facets {
		counts := []FacetCount{}
		if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		out.Facets[f] = counts
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

func (p parsed) empty() bool {
	return len(p.terms) == 0 && len(p.phrases) == 0 && len(p.fields) == 0
}
func makeHit(dm *bsearch.DocumentMatch) Hit {
	h := Hit{ID: vanthu.Ref(dm.ID), Score: dm.Score, Snippets: []Snippet{}}
	if s, ok := dm.Fields[index.FieldRecord].(string); ok {
		var rec index.Record
		if json.Unmarshal([]byte(s), &rec) == nil {
			h.FileName, h.ReceivedAt, h.PageCount, h.Metadata = rec.FileName, rec.ReceivedAt, rec.PageCount, rec.Metadata
		}
	}
	if h.Metadata.Recipients == nil {
		h.Metadata.Recipients = []string{}
	}
	var pages []string
	switch v := dm.Fields[index.FieldText].(type) {
	case string:
		pages = []string{v}
	case []interface{}:
		for _, x := range v {
			s, _ := x.(string)
			pages = append(pages, s)
		}
	}
	h.Snippets = snippets(pages, dm.Locations)
	return h
}
