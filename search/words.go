package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// wordsOf is a phrase scored without its positions, for documents known
// to have it. Bleve scores a match of a phrase as the conjunction of its
// words (its phrase searcher reads their positions only to decide
// whether the document matches, and adds nothing to the score): this is
// that conjunction, with the same words at each position, the same
// field and boost, and the same weight. At a million documents, scoring
// two thousand matches of a phrase through the phrase searcher read and
// compared every position of its words in each; the conjunction reads
// their frequencies alone.
type wordsOf struct{ p *query.MatchPhraseQuery }

func (w wordsOf) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	field, name := w.p.FieldVal, w.p.Analyzer
	if field == "" {
		field = m.DefaultSearchField()
	}
	if name == "" {
		name = m.AnalyzerNameForPath(field)
	}
	boost := w.p.BoostVal.Value()
	var words []bsearch.Searcher
	fail := func(err error) (bsearch.Searcher, error) {
		for _, s := range words {
			s.Close()
		}
		return nil, err
	}
	for _, at := range positions(analyzeAt(name, w.p.MatchPhrase)) {
		var alts []bsearch.Searcher
		for _, t := range at {
			s, err := searcher.NewTermSearcher(ctx, r, t, field, boost, opts)
			if err != nil {
				for _, s := range alts {
					s.Close()
				}
				return fail(err)
			}
			alts = append(alts, s)
		}
		switch len(alts) {
		case 0:
		case 1:
			words = append(words, alts[0])
		default:
			d, err := searcher.NewDisjunctionSearcher(ctx, r, alts, 1, opts)
			if err != nil {
				for _, s := range alts {
					s.Close()
				}
				return fail(err)
			}
			words = append(words, d)
		}
	}
	if len(words) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	s, err := searcher.NewConjunctionSearcher(ctx, r, words, opts)
	if err != nil {
		return fail(err)
	}
	return s, nil
}

// positions groups a phrase's terms by their positions (at), as Bleve's
// match phrase query does: the terms at each position from the first,
// none where the analyzer left a gap.
func positions(terms []string, at []int) [][]string {
	if len(terms) == 0 {
		return nil
	}
	first := slices.Min(at)
	out := make([][]string, slices.Max(at)-first+1)
	for k, t := range terms {
		if t != "" {
			out[at[k]-first] = append(out[at[k]-first], t)
		}
	}
	return out
}
