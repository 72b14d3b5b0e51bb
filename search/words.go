package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
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
	a := m.AnalyzerNamed(name)
	if a == nil {
		return nil, fmt.Errorf("search: no analyzer named %q", name)
	}
	boost := w.p.BoostVal.Value()
	var words []bsearch.Searcher
	fail := func(err error) (bsearch.Searcher, error) {
		for _, s := range words {
			s.Close()
		}
		return nil, err
	}
	for _, at := range positions(a.Analyze([]byte(w.p.MatchPhrase))) {
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

// positions groups a phrase's tokens by position, as Bleve's match phrase
// query does: the words at each position from the first, none where the
// analyzer left a gap.
func positions(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	first, last := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	out := make([][]string, last-first+1)
	for _, t := range tokens {
		if len(t.Term) > 0 {
			out[t.Position-first] = append(out[t.Position-first], string(t.Term))
		}
	}
	return out
}
