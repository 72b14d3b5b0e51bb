package search

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/vanthu/vanthu/index"
)

// rankLimit is how many matches relevance ranks at most, when a query
// matches more: ranking reads every candidate's term frequencies, and a
// query of common syllables matches most of a million documents. The
// total and the facet counts still count every match.
const rankLimit = 2000

// firstPass is the first pass of a search that sets can answer. Its
// Searcher, which Bleve calls with the snapshot the search reads, counts
// the query's matches and their facets in bitmaps, then gives Bleve only
// the candidates to rank or sort: for a sort by date, the days that hold
// the first pages; by relevance, every match if they are few, else the
// matches whose subject has the words, then the newest others, up to
// rankLimit. A phrase's set is the documents with its words; unless
// they are too many (estimateFrom), each is matched by the phrase's
// positions first (index.Sets.Phrase), and its matches are the set;
// past that, the candidates are. Bleve gets the candidates, all of them
// matches, to score, driven from one to the next (drivenSearcher); many
// are scored on all the cores at once (scoreInParts).
type firstPass struct {
	ix           *index.Index
	q            query.Query // the query, settable
	subject      query.Query // the free text in the subject fields, settable; nil if none
	byDate       bool        // sorted by issued date, not relevance
	desc         bool        // newest first
	need         int         // how many of the sorted matches the page needs
	facetSize    int
	rankLimit    int
	estimateFrom int
	partsFrom    int // candidates ranked in parts from this many
	parts        int // how many parts (0: one a core)

	// What Searcher found.
	total      uint64
	estimate   bool   // total and facets count the documents with a phrase's words
	ranked     uint64 // candidates ranked, if fewer than total
	candidates uint64 // documents handed to Bleve
	facets     map[string][]FacetCount
}

// errNoSets: the index is not one whose postings can be read as sets.
var errNoSets = errors.New("search: no sets")

// estimateFrom is how many documents may have all the words of a phrase
// for its matches still to be counted exactly, each by its positions;
// past it, the total and the facets count the documents that have all
// its words (Result.TotalIsEstimate), and relevance ranks those of
// rankLimit of them that have the phrase.
const estimateFrom = 20000

// Searcher counts, picks the candidates and matches them with f.q.
func (f *firstPass) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, ok := f.ix.Sets(r)
	if !ok {
		return nil, errNoSets
	}
	parts := cmp.Or(f.parts, runtime.GOMAXPROCS(0))
	// exactly matches a phrase of f.q by its positions in the documents
	// of within that have its words.
	exactly := func(within index.Set) (index.Set, error) {
		set, _, err := phrasesIn{within: within, parts: parts}.setOf(s, f.q)
		return set, err
	}
	all, exact, err := setOf(s, f.q)
	if err != nil {
		return nil, err
	}
	if !exact && all.Card() <= uint64(f.estimateFrom) {
		if all, err = exactly(all); err != nil {
			return nil, err
		}
		exact = true
	}
	c, err := f.candidatesOf(s, all)
	if err != nil {
		return nil, err
	}
	if !exact {
		// The candidates have the phrase's words; those that have the
		// phrase are kept. If it stands in fewer than half of them (its
		// words meet far more often than it does), or in too few for
		// the page, the documents with its words are far from its own
		// count, and it is counted exactly.
		kept, err := exactly(c)
		if err != nil {
			return nil, err
		}
		if n := kept.Card(); 2*n < c.Card() || n < uint64(f.need) {
			if all, err = exactly(all); err != nil {
				return nil, err
			}
			exact = true
			if kept, err = f.candidatesOf(s, all); err != nil {
				return nil, err
			}
		}
		c = kept
	}
	f.total, f.estimate, f.ranked = all.Card(), !exact, 0
	if f.facets, err = f.facetsOf(s, all); err != nil {
		return nil, err
	}
	f.candidates = c.Card()
	if !f.byDate && f.candidates < f.total {
		f.ranked = f.candidates
	}
	cands := &setSearcher{c: s.Cursor(c), count: f.candidates}
	if opts.Score == bleve.ScoreNone {
		// The candidates are matches, and nothing is scored: they are
		// the answer.
		return cands, nil
	}
	// The candidates are matches: Bleve need only score them.
	q := scoredPart(f.q)
	if !f.byDate && f.candidates >= uint64(f.partsFrom) && parts > 1 {
		kept, err := scoreInParts(ctx, r, m, opts, s, c, q, f.need, parts)
		if err != nil {
			return nil, err
		}
		return &keptSearcher{hits: kept}, nil
	}
	return driven(ctx, r, m, opts, cands, q)
}

// candidatesOf picks the documents of all that Bleve ranks or sorts: for
// a sort by date, the days that hold the page; by relevance, all of them
// if they are few, else rankCandidates.
func (f *firstPass) candidatesOf(s *index.Sets, all index.Set) (index.Set, error) {
	switch {
	case f.byDate:
		return newest(s, all, f.need, f.desc)
	case all.Card() <= uint64(max(f.rankLimit, f.need)):
		return all, nil
	}
	return f.rankCandidates(s, all)
}

// facetsOf counts the documents of all by each facet's values, ordered
// as Bleve orders a facet: the most first, then by value.
func (f *firstPass) facetsOf(s *index.Sets, all index.Set) (map[string][]FacetCount, error) {
	out := map[string][]FacetCount{}
	for _, field := range Facets {
		counts, err := s.Counts(field, all)
		if err != nil {
			return nil, err
		}
		list := []FacetCount{}
		for v, n := range counts {
			list = append(list, FacetCount{Value: v, Count: n})
		}
		slices.SortFunc(list, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out[field] = list[:min(len(list), f.facetSize)]
	}
	return out, nil
}

// scoredPart is what of q scores: q without its unscored clauses (the
// filters) and its excluded ones, and its required phrases scored by
// their words (wordsOf). Candidates already held to the whole of q need
// only be scored, and the score is the same: the clauses left out add
// nothing to it, nor to the query's norm. Matching them again would cost
// more than their own lists: after each match, Bleve's searchers step
// the required clauses on to their next common match.
func scoredPart(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.MatchPhraseQuery:
		return wordsOf{q}
	case *query.ConjunctionQuery:
		out := *q
		out.Conjuncts = nil
		for _, x := range q.Conjuncts {
			if _, ok := x.(unscored); !ok {
				out.Conjuncts = append(out.Conjuncts, scoredPart(x))
			}
		}
		if len(out.Conjuncts) == 0 {
			return q
		}
		return &out
	case *query.BooleanQuery:
		out := *q
		out.MustNot = nil
		if q.Must != nil {
			out.Must = scoredPart(q.Must)
		}
		return &out
	}
	return q
}

// rankCandidates picks the matches of m to rank by relevance when they
// are too many: those whose subject (trích yếu) has the words, which rank
// high anyway as the subject matches twice, then the newest others.
func (f *firstPass) rankCandidates(s *index.Sets, m index.Set) (index.Set, error) {
	limit := max(f.rankLimit, f.need)
	c := s.None()
	if f.subject != nil {
		sub, _, err := setOf(s, f.subject)
		if err != nil {
			return nil, err
		}
		if c, err = newest(s, m.And(sub), limit, true); err != nil {
			return nil, err
		}
	}
	n := int(c.Card())
	if n >= limit {
		return c, nil
	}
	rest, err := newest(s, m.AndNot(c), limit-n, true)
	if err != nil {
		return nil, err
	}
	return c.Or(rest), nil
}

// newest returns the documents of x on the days that hold its first need
// documents by issued date (newest first if desc), whole days so that
// the order within a day stays the sort's to make; all of x if those are
// not fewer. It narrows by year, then walks the days of the year that
// holds the last of them. Documents without a date come last in the
// sort, so they are left out unless all of x is returned.
func newest(s *index.Sets, x index.Set, need int, desc bool) (index.Set, error) {
	if x.Card() <= uint64(need) {
		return x, nil
	}
	years, err := s.Terms(index.FieldYear)
	if err != nil {
		return nil, err
	}
	if desc {
		slices.Reverse(years)
	}
	acc := s.None()
	enough := func(b index.Set) bool {
		acc = acc.Or(b)
		return acc.Card() >= uint64(need)
	}
	for _, y := range years {
		yr, err := strconv.Atoi(y)
		if err != nil {
			// The empty year of documents without a date, which sort
			// last.
			continue
		}
		ys, err := s.Term(index.FieldYear, y)
		if err != nil {
			return nil, err
		}
		b := x.And(ys)
		if b.Card() == 0 {
			continue
		}
		if acc.Card()+b.Card() >= uint64(need) {
			// The year holds the last of them: day by day.
			from := time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC)
			lo := []byte(numeric.MustNewPrefixCodedInt64(from.UnixNano(), 0))
			hi := []byte(numeric.MustNewPrefixCodedInt64(from.AddDate(1, 0, 0).UnixNano(), 0))
			done := false
			err := s.Walk(index.FieldIssuedDate, lo, hi, desc, b, func(day index.Set) bool {
				done = enough(day)
				return !done
			})
			if err != nil || done {
				return acc, err
			}
		}
		// The whole year (and, should the days not have covered it, what
		// they missed).
		if enough(b) {
			return acc, nil
		}
	}
	return x, nil
}

// setSearcher matches the documents of a set, unscored and weightless
// (it takes no part in the query's norm).
type setSearcher struct {
	c     *index.Cursor
	count uint64
}

func (s *setSearcher) match(ctx *bsearch.SearchContext, n uint64, ok bool) *bsearch.DocumentMatch {
	if !ok {
		return nil
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.AppendInternalID(dm.IndexInternalID[:0], n)
	return dm
}

func (s *setSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	n, ok := s.c.Next()
	return s.match(ctx, n, ok), nil
}

func (s *setSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	n, ok := s.c.Advance(index.Number(id))
	return s.match(ctx, n, ok), nil
}

func (s *setSearcher) Close() error               { return nil }
func (s *setSearcher) Weight() float64            { return 0 }
func (s *setSearcher) SetQueryNorm(float64)       {}
func (s *setSearcher) Count() uint64              { return s.count }
func (s *setSearcher) Min() int                   { return 0 }
func (s *setSearcher) Size() int                  { return 64 }
func (s *setSearcher) DocumentMatchPoolSize() int { return 1 }
