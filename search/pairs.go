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

// pairsPhrase is a phrase found by the pairs of its syllables
// (index.FieldTextPairs), which the index keeps without positions. The
// documents that have all its pairs are those that have the phrase when
// it is two syllables, one pair; for more, the positions of its folded
// syllables decide, in those documents only (setOf, and its Searcher).
// It scores as its pairs do (wordsOf), and where it matched
// is where its folded syllables stand.
type pairsPhrase struct {
	pairs  *query.MatchPhraseQuery // the phrase on index.FieldTextPairs
	folded *query.MatchPhraseQuery // the phrase on index.FieldTextFolded
}

// Searcher matches the documents with the phrase's pairs and its folded
// syllables side by side, scored by the pairs alone. Bleve's phrase
// searcher would not do: asked for the next match, or for the first at
// or after a document, it walks every document with all the syllables
// until one has them side by side, and a phrase of common syllables has
// them in most documents.
func (q pairsPhrase) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	byPairs := opts
	byPairs.IncludeTermVectors = false // the pairs have none to give
	scored, err := wordsOf{q.pairs}.Searcher(ctx, r, m, byPairs)
	if err != nil {
		return nil, err
	}
	all := []bsearch.Searcher{scored}
	fail := func(err error) (bsearch.Searcher, error) {
		for _, s := range all {
			s.Close()
		}
		return nil, err
	}
	// The syllables, unscored, with their positions.
	at := opts
	at.Score, at.IncludeTermVectors = "none", true
	words, offs := analyzeAt(q.folded.Analyzer, q.folded.MatchPhrase)
	for _, w := range slices.Compact(slices.Sorted(slices.Values(words))) {
		s, err := searcher.NewTermSearcher(ctx, r, w, q.folded.FieldVal, 1, at)
		if err != nil {
			return fail(err)
		}
		all = append(all, weightless{s})
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, all, opts)
	if err != nil {
		return fail(err)
	}
	return &phraseSearcher{Searcher: conj, field: q.folded.FieldVal, words: words, offs: offs}, nil
}

// phraseSearcher is a conjunction of a phrase's pairs and syllables that
// matches where the syllables stand at their offsets (words[k] at
// offs[k]; words at one offset are alternatives), as index.Sets.Phrase
// and Bleve's phrase searcher match them. A match's locations are those
// of the phrase's syllables where it stands.
type phraseSearcher struct {
	bsearch.Searcher
	field string
	words []string
	offs  []int
}

func (p *phraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := p.Searcher.Next(ctx)
	return p.standing(ctx, dm, err)
}

func (p *phraseSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := p.Searcher.Advance(ctx, id)
	return p.standing(ctx, dm, err)
}

// standing returns dm if the phrase stands in it, else the next match of
// the conjunction where it does.
func (p *phraseSearcher) standing(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for ; err == nil && dm != nil; dm, err = p.Searcher.Next(ctx) {
		if locs := p.stands(dm.FieldTermLocations); len(locs) > 0 {
			dm.FieldTermLocations = locs
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
	return dm, err
}

// stands returns the locations of the phrase's syllables where it stands
// among locs, none if it does not.
func (p *phraseSearcher) stands(locs []bsearch.FieldTermLocation) []bsearch.FieldTermLocation {
	type place struct {
		page, pos uint64
		term      string
	}
	page := func(l bsearch.Location) uint64 {
		if len(l.ArrayPositions) > 0 {
			return l.ArrayPositions[0]
		}
		return 0
	}
	where := make(map[place]int, len(locs)) // a location of each syllable
	for i, l := range locs {
		if l.Field == p.field {
			where[place{page(l.Location), l.Location.Pos, l.Term}] = i
		}
	}
	// at is the location of a word of offset o at pos, -1 if none.
	at := func(o int, pg, pos uint64) int {
		for k, w := range p.words {
			if i, ok := where[place{pg, pos, w}]; ok && p.offs[k] == o {
				return i
			}
		}
		return -1
	}
	first, last := slices.Min(p.offs), slices.Max(p.offs)
	var out []bsearch.FieldTermLocation
	for _, l := range locs {
		pg := page(l.Location)
		if l.Field != p.field || at(first, pg, l.Location.Pos) < 0 {
			continue
		}
		found := []bsearch.FieldTermLocation{l}
		for o := first + 1; o <= last && found != nil; o++ {
			if !slices.Contains(p.offs, o) {
				continue // a gap the analyzer left
			}
			if i := at(o, pg, l.Location.Pos+uint64(o-first)); i >= 0 {
				found = append(found, locs[i])
			} else {
				found = nil
			}
		}
		out = append(out, found...)
	}
	return out
}

// whole reports whether the documents with the phrase's pairs are
// exactly those with the phrase: it is two syllables side by side.
func (q pairsPhrase) whole() bool {
	_, at := analyzeAt(q.folded.Analyzer, q.folded.MatchPhrase)
	return len(at) == 2 && at[1] == at[0]+1
}

// unplaced is q with each phrase it requires that is found by its pairs
// scored by them alone (wordsOf), without reading where its syllables
// stand: for documents known to match q the score is the same, and a
// phrase of common syllables has them at many places in each. phrased
// reports whether q had such a phrase.
func unplaced(q query.Query) (_ query.Query, phrased bool) {
	switch q := q.(type) {
	case pairsPhrase:
		return wordsOf{q.pairs}, true
	case *query.ConjunctionQuery:
		out := *q
		out.Conjuncts = make([]query.Query, len(q.Conjuncts))
		for i, c := range q.Conjuncts {
			var p bool
			out.Conjuncts[i], p = unplaced(c)
			phrased = phrased || p
		}
		return &out, phrased
	case *query.BooleanQuery:
		if q.Must == nil {
			return q, false
		}
		out := *q
		out.Must, phrased = unplaced(q.Must)
		return &out, phrased
	}
	return q, false
}
