package search

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/vanthu/vanthu/index"
)

// partsFrom is how many candidates a search ranks by relevance before it
// scores them on every core at once: below it, starting the parts costs
// more than they save.
const partsFrom = 1000

// scoredDoc is one candidate matched, and its score.
type scoredDoc struct {
	n     uint64 // the document's number in the snapshot
	score float64
}

// scoreInParts matches the candidates c with q and scores them in n
// parts of c at once (one a core), each walked in the order of the index,
// each keeping its best keep. Bleve's collector breaks a tie of scores by
// the order in which it meets the documents, the index's, and so do the
// parts, so the best keep of the whole are among what they keep. It
// returns what they keep, in the order of the index, and how many
// candidates matched.
func scoreInParts(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions,
	s *index.Sets, c index.Set, q query.Query, keep, n int) (kept []scoredDoc, matched uint64, err error) {
	parts := c.Split(n)
	// The searchers are made here, one goroutine, and only walked in
	// parallel: each reads the snapshot's segments, which nothing writes.
	walks := make([]bsearch.Searcher, len(parts))
	defer func() {
		for _, w := range walks {
			if w != nil {
				w.Close()
			}
		}
	}()
	for i, part := range parts {
		qs, err := q.Searcher(ctx, r, m, opts)
		if err != nil {
			return nil, 0, err
		}
		walks[i], err = searcher.NewConjunctionSearcher(ctx, r, []bsearch.Searcher{&setSearcher{c: s.Cursor(part), count: part.Card()}, qs}, opts)
		if err != nil {
			qs.Close()
			return nil, 0, err
		}
	}
	type result struct {
		best    []scoredDoc
		matched uint64
		err     error
	}
	results := make([]result, len(walks))
	var wg sync.WaitGroup
	for i, w := range walks {
		wg.Go(func() {
			res := &results[i]
			sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(w.DocumentMatchPoolSize()+1, 0), IndexReader: r}
			for {
				if res.matched%1024 == 0 && ctx.Err() != nil {
					res.err = ctx.Err()
					return
				}
				dm, err := w.Next(sctx)
				if err != nil || dm == nil {
					res.err = err
					break
				}
				res.best = append(res.best, scoredDoc{n: index.Number(dm.IndexInternalID), score: dm.Score})
				sctx.DocumentMatchPool.Put(dm)
				res.matched++
				if len(res.best) >= 2*keep {
					res.best = best(res.best, keep)
				}
			}
			res.best = best(res.best, keep)
		})
	}
	wg.Wait()
	for _, res := range results {
		if res.err != nil {
			return nil, 0, res.err
		}
		kept, matched = append(kept, res.best...), matched+res.matched
	}
	slices.SortFunc(kept, func(a, b scoredDoc) int { return cmp.Compare(a.n, b.n) })
	return kept, matched, nil
}

// best is the keep highest scores of xs, a tie to the earlier document.
func best(xs []scoredDoc, keep int) []scoredDoc {
	slices.SortFunc(xs, func(a, b scoredDoc) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.n, b.n)
	})
	return xs[:min(len(xs), keep)]
}

// keptSearcher hands Bleve the documents the parts kept, with their
// scores, in the order of the index.
type keptSearcher struct {
	hits []scoredDoc
	i    int
}

func (k *keptSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if k.i >= len(k.hits) {
		return nil, nil
	}
	h := k.hits[k.i]
	k.i++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.AppendInternalID(dm.IndexInternalID[:0], h.n)
	dm.Score = h.score
	return dm, nil
}

func (k *keptSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	n := index.Number(id)
	for k.i < len(k.hits) && k.hits[k.i].n < n {
		k.i++
	}
	return k.Next(ctx)
}

func (k *keptSearcher) Close() error               { return nil }
func (k *keptSearcher) Weight() float64            { return 1 }
func (k *keptSearcher) SetQueryNorm(float64)       {}
func (k *keptSearcher) Count() uint64              { return uint64(len(k.hits)) }
func (k *keptSearcher) Min() int                   { return 0 }
func (k *keptSearcher) Size() int                  { return 64 + 16*len(k.hits) }
func (k *keptSearcher) DocumentMatchPoolSize() int { return 1 }
