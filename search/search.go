package search

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
)

// Result is the answer to a Request.
type Result struct {
	Total uint64 `json:"total"`
	// Ranked, when not zero, is how many of the matches relevance ranked:
	// a query that matches more than Searcher.RankLimit documents ranks
	// those whose subject has its words, then the newest others, up to
	// the limit (Total and Facets still count every match).
	Ranked uint64 `json:"ranked,omitempty"`
	// TotalIsEstimate: Total and Facets count the documents that have
	// every word of the query's phrase, some of them apart (a phrase
	// whose words more than estimateFrom documents have); the hits are
	// matches of the phrase.
	TotalIsEstimate bool                    `json:"total_is_estimate,omitempty"`
	TookMS          float64                 `json:"took_ms"`
	Hits            []Hit                   `json:"hits"`
	Facets          map[string][]FacetCount `json:"facets"`
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
var Facets = index.FacetFields

// Searcher searches one index.
type Searcher struct {
	Index *index.Index

	// RankLimit is how many matches relevance ranks at most (0: 2,000):
	// more ranks closer to ranking every match, slower.
	RankLimit int

	// Tests make these small (0: the constant; parts: one a core).
	estimateFrom, partsFrom, parts int
	// noSets: Bleve does all of every search (tests compare).
	noSets bool
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
	// The hits wanted: r's page, or a shard's pages 1 to r's page.
	from, n := (r.Page-1)*r.Size, r.Size
	if r.Shard {
		from, n = 0, r.Page*r.Size
	}
	start := time.Now()
	has := features{accessIndexed: s.Index.AccessIndexed(), pairs: s.Index.Pairs()}

	// The first pass: what matches, counted, and the best of it.
	size, skip := n, from
	if relevance {
		size, skip = max(rescoreWindow, from+n), 0
	}
	q := buildQuery(p, r, near, has)
	q1 := q // the first pass's query
	if relevance {
		q1 = withoutBoosts(q)
	}
	facets := cmp.Or(r.FacetSize, facetSize)
	fp := s.firstPass(p, q1, relevance, order, size+skip, facets)
	// A number matches a handful of documents: the first pass reads their
	// text and match locations too, and there is no second.
	_, onePass := asNumber(strings.Join(p.terms, " "))
	if onePass = onePass && fp == nil && len(p.phrases) == 0 && len(p.fields) == 0; onePass {
		q1 = q // the same documents and scores: a number has no boosts
	}
	res, err := s.first(ctx, q1, fp, size, skip, order, facets, onePass)
	if errors.Is(err, errNoSets) {
		fp = nil
		res, err = s.first(ctx, q1, nil, size, skip, order, facets, false)
	}
	if err != nil {
		return Result{}, vanthu.E("search", vanthu.Transient, err)
	}
	out := Result{Total: res.Total, Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	if fp != nil {
		out.Total, out.TotalIsEstimate, out.Ranked, out.Facets = fp.total, fp.estimate, fp.ranked, fp.facets
	} else {
		for _, f := range Facets {
			counts := []FacetCount{}
			if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
				}
			}
			out.Facets[f] = counts
		}
	}

	// The second pass: those documents, with their text and where the
	// query matched in it.
	if len(res.Hits) > 0 {
		if !onePass {
			ids := make([]string, len(res.Hits))
			for i, h := range res.Hits {
				ids[i] = h.ID
			}
			if res.Hits, err = s.these(ctx, ids, q, order, relevance); err != nil {
				return Result{}, vanthu.E("search", vanthu.Transient, err)
			}
		}
		var texts [][]string
		for _, t := range proximityTexts(p) {
			texts = append(texts, analyze(index.Analyzers[index.FieldTextFolded], t))
		}
		typed := spellingsOf(typedTexts(p))
		matches := map[vanthu.Ref]*bsearch.DocumentMatch{}
		for _, dm := range res.Hits {
			h := makeHit(dm)
			h.NumberApprox = near[dict.NumberKey(h.Metadata.Number)]
			if relevance {
				h.Score *= (1 + proximity(texts, dm.Locations)) * (1 + exactWeight*typed.exactness(pagesOf(dm)))
			}
			out.Hits = append(out.Hits, h)
			matches[h.ID] = dm
		}
		if relevance {
			slices.SortStableFunc(out.Hits, hitOrder(r.Sort, p.empty()))
			out.Hits = out.Hits[min(from, len(out.Hits)):min(from+n, len(out.Hits))]
		}
		// Snippets for the page alone: the second pass reads more
		// documents than it shows.
		for i := range out.Hits {
			dm := matches[out.Hits[i].ID]
			out.Hits[i].Snippets = snippets(pagesOf(dm), dm.Locations)
		}
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// theseFrom is how many documents each part of a second pass reads at
// least: fewer cost more to start than they save.
const theseFrom = 20

// these reads the documents ids, sorted by order, with their text and
// where q matched in them. Unsorted (they are ranked again), they are
// read in parts at once, one a core.
func (s *Searcher) these(ctx context.Context, ids []string, q query.Query, order []string, unsorted bool) (bsearch.DocumentMatchCollection, error) {
	n := 1
	if unsorted {
		n = max(1, min(runtime.GOMAXPROCS(0), len(ids)/theseFrom))
	}
	// The pages these read are asked for all at once: on an index larger
	// than the memory, read one after the other, each waits for the disk.
	terms := map[string][]string{}
	termsOf(q, terms)
	s.Index.WillNeed(ids, terms)
	hits := make([]bsearch.DocumentMatchCollection, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			part := ids[i*len(ids)/n : (i+1)*len(ids)/n]
			req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(unscored{bleve.NewDocIDQuery(part)}, q), len(part), 0, false)
			withText(req)
			req.SortBy(order)
			res, err := s.Index.Bleve().SearchInContext(ctx, req)
			if err == nil {
				hits[i] = res.Hits
			}
			errs[i] = err
		})
	}
	wg.Wait()
	return slices.Concat(hits...), errors.Join(errs...)
}

// firstPass returns the first pass by sets for q, or nil when sets cannot
// evaluate it (an excluded phrase) or Bleve alone is faster (a number).
func (s *Searcher) firstPass(p parsed, q query.Query, relevance bool, order []string, need, facetSize int) *firstPass {
	free := strings.Join(p.terms, " ")
	if _, number := asNumber(free); number || s.noSets || !settable(q) {
		// A number matches a handful of documents, which Bleve counts
		// faster than the sets of its parts.
		return nil
	}
	fp := &firstPass{ix: s.Index, q: q, need: need, facetSize: facetSize, byDate: !relevance, desc: strings.HasPrefix(order[0], "-"),
		rankLimit: cmp.Or(s.RankLimit, rankLimit), estimateFrom: cmp.Or(s.estimateFrom, estimateFrom),
		partsFrom: cmp.Or(s.partsFrom, partsFrom), parts: s.parts}
	if free != "" {
		if sub := textQuery(free, index.FieldSubject, index.FieldSubjectF); settable(sub) {
			fp.subject = sub
		}
	}
	return fp
}

// first runs the first pass: with fp (whose query is q), Bleve ranks or
// sorts the candidates fp gives it, and fp counts; without, Bleve does
// all of it, and with text, reads the hits' text and match locations too.
func (s *Searcher) first(ctx context.Context, q query.Query, fp *firstPass, size, skip int, order []string, facetSize int, text bool) (*bleve.SearchResult, error) {
	if fp != nil {
		q = fp
	}
	req := bleve.NewSearchRequestOptions(q, size, skip, false)
	if text {
		withText(req)
	}
	if fp == nil {
		for _, f := range Facets {
			req.AddFacet(f, bleve.NewFacetRequest(f, facetSize))
		}
	}
	req.SortBy(order)
	if fp != nil && !slices.ContainsFunc(order, func(o string) bool { return strings.HasSuffix(o, "_score") }) {
		// Nothing reads the score (the second pass scores the page):
		// Bleve then leaps through the postings without reading the
		// frequencies.
		req.Score = bleve.ScoreNone
	}
	return s.Index.Bleve().SearchInContext(ctx, req)
}

// withText asks for the hits' record and text, and where the query
// matched in it: what a hit shows.
func withText(req *bleve.SearchRequest) {
	req.Fields = []string{index.FieldRecord, index.FieldText}
	req.IncludeLocations = true
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
	return h
}

// pagesOf returns the text of a match's pages.
func pagesOf(dm *bsearch.DocumentMatch) []string {
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
	return pages
}
