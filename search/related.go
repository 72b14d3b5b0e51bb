package search

import (
	"context"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/index"
)

// Related is what the index holds of the documents one document cites
// and of those that cite it: "văn bản liên quan".
type Related struct {
	// Cites are the documents its text cites by number, in the order
	// first cited, each with the documents the index holds under that
	// number (and day, where the text gives it).
	Cites []Cited `json:"cites"`
	// CitedBy are the documents whose text cites its number, newest
	// first, MaxCitedBy at most; not those that cite the number with
	// another day (another year's 45/QĐ-UBND), nor those that bear it.
	CitedBy []Hit `json:"cited_by"`
}

// Cited is one document a text cites, and what the index holds of it:
// none (a law, another agency's letter not received here) or one, or a
// few where the text gives no day and several bear the number.
type Cited struct {
	extract.Citation
	Documents []Hit `json:"documents"`
}

// MaxCitedBy bounds Related.CitedBy, and maxPerCitation each Cited's
// documents.
const (
	MaxCitedBy     = 20
	maxPerCitation = 5
)

// Related returns what the index holds of the documents d cites and of
// those that cite d, among those sight sees (nil: all of them).
func (s *Searcher) Related(ctx context.Context, d vanthu.Document, sight *access.Sight) (Related, error) {
	has := features{accessIndexed: s.Index.AccessIndexed(), pairs: s.Index.Pairs()}
	out := Related{Cites: []Cited{}, CitedBy: []Hit{}}
	var text []byte
	for _, p := range d.Pages {
		text = append(append(text, p.Text...), '\n')
	}
	for _, c := range extract.Citations(string(text), d.Metadata.Number) {
		must := []query.Query{term(index.FieldNumber, dict.NumberKey(c.Number))}
		if day, err := time.Parse("2006-01-02", c.Date); err == nil {
			incl := true
			on := bleve.NewDateRangeInclusiveQuery(day, day, &incl, &incl)
			on.SetField(index.FieldIssuedDate)
			must = append(must, unscored{on})
		}
		docs, err := s.cited(ctx, d.ID, must, sight, has, maxPerCitation)
		if err != nil {
			return Related{}, err
		}
		out.Cites = append(out.Cites, Cited{Citation: c, Documents: docs})
	}
	if _, ok := asNumber(d.Metadata.Number); !ok {
		return out, nil // none, or its figures unread (…/TB-UBND): no number to look for
	}
	// The documents that cite the number (cites:, whose first pass is
	// by sets: a number most documents cite costs no more), newest
	// first; more than are shown, for some cite it with another day.
	res, err := s.Search(ctx, Request{Q: "cites:" + d.Metadata.Number, Sort: "-issued_date", Page: 1, Size: 4 * MaxCitedBy, Sight: sight})
	if err != nil {
		return Related{}, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = string(h.ID)
	}
	texts, err := s.texts(ctx, ids)
	if err != nil {
		return Related{}, err
	}
	key := dict.NumberKey(d.Metadata.Number)
	for _, h := range res.Hits {
		if h.ID != d.ID && len(out.CitedBy) < MaxCitedBy && citesOn(texts[h.ID], key, d.Metadata.IssuedDate) {
			h.Score, h.Snippets = 0, []Snippet{}
			out.CitedBy = append(out.CitedBy, h)
		}
	}
	return out, nil
}

// texts returns the stored text of the documents ids, their pages joined.
func (s *Searcher) texts(ctx context.Context, ids []string) (map[vanthu.Ref]string, error) {
	out := map[vanthu.Ref]string{}
	if len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{index.FieldText}
	req.Score = bleve.ScoreNone
	res, err := s.Index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, vanthu.E("search: related", vanthu.Transient, err)
	}
	for _, dm := range res.Hits {
		out[vanthu.Ref(dm.ID)] = strings.Join(pagesOf(dm), "\n")
	}
	return out, nil
}

// cited returns the documents other than self that match every one of
// must, among those sight sees, newest first: n at most.
func (s *Searcher) cited(ctx context.Context, self vanthu.Ref, must []query.Query, sight *access.Sight, has features, n int) ([]Hit, error) {
	not := []query.Query{bleve.NewDocIDQuery([]string{string(self)})}
	filter, hidden := sightClauses(sight, has)
	if filter != nil {
		must = append(must, unscored{filter})
	}
	if hidden != nil {
		not = append(not, hidden)
	}
	req := bleve.NewSearchRequestOptions(query.NewBooleanQuery(must, nil, not), n, 0, false)
	req.Fields = []string{index.FieldRecord}
	req.SortBy([]string{"-" + index.FieldIssuedDate, "-" + index.FieldReceivedAt, "_id"})
	req.Score = bleve.ScoreNone
	res, err := s.Index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, vanthu.E("search: related", vanthu.Transient, err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, dm := range res.Hits {
		h := makeHit(dm)
		h.Score = 0
		hits = append(hits, h)
	}
	return hits, nil
}

// citesOn reports whether text cites the number whose key is key as the
// document issued on day (YYYY-MM-DD, or "" unknown) is cited: with that
// day, or without one. A text that cites it only with other days cites
// another document of that number; one where no citation of it is found
// (its parts broken over a line) is given the benefit of the doubt.
func citesOn(text, key, day string) bool {
	found := false
	for _, c := range extract.Citations(text, "") {
		if dict.NumberKey(c.Number) != key {
			continue
		}
		if c.Date == "" || day == "" || c.Date == day {
			return true
		}
		found = true
	}
	return !found
}
