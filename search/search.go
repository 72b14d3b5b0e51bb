package search

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
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

// rescoreWindow is how many of the best documents of the first pass are
// ranked again with proximity in the second.
const rescoreWindow = 100

// Search runs r in two passes. The first finds the total, the facets and
// the best documents with a query that reads no positions; the second
// reads those documents' text and where the query matched in it, for
// snippets and to rank them again with the query's syllables side by side
// counting more. The total and the counts are exact; only documents past
// the window that proximity would have lifted into the first page are
// missed.
func (s *Searcher) Search(ctx context.Context, r Request) (Result, error) {
	if err := r.Check(); err != nil {
		return Result{}, err
	}
	p, _ := parseQuery(r.Q)
	near, err := s.nearNumbers(p)
	if err != nil {
		return Result{}, err
	}
	// Ties break the same way every time: the newer document first.
	var order []string
	relevance := false
	switch {
	case r.Sort == "issued_date":
		order = []string{index.FieldIssuedDate, "-_score", "_id"}
	case r.Sort == "-issued_date", r.Sort == "" && p.empty():
		order = []string{"-" + index.FieldIssuedDate, "-" + index.FieldReceivedAt, "_id"}
	default:
		// The first pass ranks by score alone: reading the date and id of
		// every match for ties costs more than the ranking.
		order = []string{"-_score"}
		relevance = true
	}
	from := (r.Page - 1) * r.Size
	start := time.Now()
	has := features{accessIndexed: s.Index.AccessIndexed(), pairs: s.Index.Pairs()}

	// The first pass: what matches, counted, and the best of it.
	size, skip := r.Size, from
	if relevance {
		size, skip = max(rescoreWindow, from+r.Size), 0
	}
	q := buildQuery(p, r, near, has)
	req := bleve.NewSearchRequestOptions(q, size, skip, false)
	for _, f := range Facets {
		req.AddFacet(f, bleve.NewFacetRequest(f, cmp.Or(r.FacetSize, facetSize)))
	}
	req.SortBy(order)
	res, err := s.Index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return Result{}, vanthu.E("search", vanthu.Transient, err)
	}
	out := Result{Total: res.Total, Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	for _, f := range Facets {
		counts := []FacetCount{}
		if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		out.Facets[f] = counts
	}

	// The second pass: those documents, with their text and where the
	// query matched in it.
	if len(res.Hits) > 0 {
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.ID
		}
		these := bleve.NewConjunctionQuery(unscored{bleve.NewDocIDQuery(ids)}, q)
		req := bleve.NewSearchRequestOptions(these, len(ids), 0, false)
		req.Fields = []string{index.FieldRecord, index.FieldText}
		req.IncludeLocations = true
		req.SortBy(order)
		res, err := s.Index.Bleve().SearchInContext(ctx, req)
		if err != nil {
			return Result{}, vanthu.E("search", vanthu.Transient, err)
		}
		var texts [][]string
		for _, t := range proximityTexts(p) {
			texts = append(texts, analyze(index.Analyzers[index.FieldTextFolded], t))
		}
		for _, dm := range res.Hits {
			h := makeHit(dm)
			h.NumberApprox = near[dict.NumberKey(h.Metadata.Number)]
			if relevance {
				h.Score *= 1 + proximity(texts, dm.Locations)
			}
			out.Hits = append(out.Hits, h)
		}
		if relevance {
			slices.SortStableFunc(out.Hits, hitOrder(r.Sort, p.empty()))
			out.Hits = out.Hits[min(from, len(out.Hits)):min(from+r.Size, len(out.Hits))]
		}
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
