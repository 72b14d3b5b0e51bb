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
		hits, err := s.related(ctx, d.ID, must, sight, has, maxPerCitation, false)
		if err != nil {
			return Related{}, err
		}
		docs := make([]Hit, len(hits))
		for i, h := range hits {
			docs[i] = h.Hit
		}
		out.Cites = append(out.Cites, Cited{Citation: c, Documents: docs})
	}
	if d.Metadata.Number == "" {
		return out, nil
	}
	// The documents whose text has the number's parts side by side, as a
	// number query finds them, but not the number as their own. More are
	// read than are shown: some cite the number with another day.
	key := dict.NumberKey(d.Metadata.Number)
	must := []query.Query{phraseQuery(key, has.pairs)}
	bears := term(index.FieldNumber, key)
	hits, err := s.related(ctx, d.ID, must, sight, has, 4*MaxCitedBy, true, bears)
	if err != nil {
		return Related{}, err
	}
	for _, h := range hits {
		if len(out.CitedBy) < MaxCitedBy && citesOn(h.text, key, d.Metadata.IssuedDate) {
			out.CitedBy = append(out.CitedBy, h.Hit)
		}
	}
	return out, nil
}

// relatedHit is a hit with its text, when asked for.
type relatedHit struct {
	Hit
	text string
}

// related returns the documents other than self that match every one of
// must and none of not, among those sight sees, newest first: n at most,
// with their text if withText.
func (s *Searcher) related(ctx context.Context, self vanthu.Ref, must []query.Query, sight *access.Sight, has features, n int, withText bool, not ...query.Query) ([]relatedHit, error) {
	not = append(not, bleve.NewDocIDQuery([]string{string(self)}))
	filter, hidden := sightClauses(sight, has)
	if filter != nil {
		must = append(must, unscored{filter})
	}
	if hidden != nil {
		not = append(not, hidden)
	}
	req := bleve.NewSearchRequestOptions(query.NewBooleanQuery(must, nil, not), n, 0, false)
	req.Fields = []string{index.FieldRecord}
	if withText {
		req.Fields = append(req.Fields, index.FieldText)
	}
	req.SortBy([]string{"-" + index.FieldIssuedDate, "-" + index.FieldReceivedAt, "_id"})
	req.Score = bleve.ScoreNone
	res, err := s.Index.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, vanthu.E("search: related", vanthu.Transient, err)
	}
	hits := make([]relatedHit, 0, len(res.Hits))
	for _, dm := range res.Hits {
		h := relatedHit{Hit: makeHit(dm)}
		h.Score = 0
		if withText {
			h.text = strings.Join(pagesOf(dm), "\n")
		}
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
