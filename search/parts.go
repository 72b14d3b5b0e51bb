package search

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
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

// scoreInParts scores the candidates c, all matches of q, in n parts of
// c at once (one a core), each walked in the order of the index, each
// keeping its best keep. Bleve's collector breaks a tie of scores by the
// order in which it meets the documents, the index's, and so do the
// parts, so the best keep of the whole are among what they keep. It
// returns what they keep, in the order of the index.
func scoreInParts(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions,
	s *index.Sets, c index.Set, q query.Query, keep, n int) ([]scoredDoc, error) {
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
		var err error
		if walks[i], err = driven(ctx, r, m, opts, &setSearcher{c: s.Cursor(part), count: part.Card()}, q); err != nil {
			return nil, err
		}
	}
	best := make([][]scoredDoc, len(walks))
	errs := make([]error, len(walks))
	var wg sync.WaitGroup
	for i, w := range walks {
		wg.Go(func() {
			sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(w.DocumentMatchPoolSize()+1, 0), IndexReader: r}
			for k := 0; ; k++ {
				if k%1024 == 0 && ctx.Err() != nil {
					errs[i] = ctx.Err()
					return
				}
				dm, err := w.Next(sctx)
				if err != nil || dm == nil {
					errs[i] = err
					break
				}
				best[i] = append(best[i], scoredDoc{n: index.Number(dm.IndexInternalID), score: dm.Score})
				sctx.DocumentMatchPool.Put(dm)
				if len(best[i]) >= 2*keep {
					best[i] = bestOf(best[i], keep)
				}
			}
			best[i] = bestOf(best[i], keep)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	kept := slices.Concat(best...)
	// Bleve reads the ids of the best keep, each from its stored fields:
	// their pages are asked for at once.
	top := bestOf(slices.Clone(kept), keep)
	nums := make([]uint64, len(top))
	for i, d := range top {
		nums[i] = d.n
	}
	s.WillNeedStored(nums)
	slices.SortFunc(kept, func(a, b scoredDoc) int { return cmp.Compare(a.n, b.n) })
	return kept, nil
}

// drivenSearcher matches q at each of its candidates in turn, all of them
// matches of q: Bleve's conjunction would step q on to its next match
// after each one (a phrase reads every document with its words on the
// way), where this one leaps to the next candidate.
type drivenSearcher struct {
	cands *setSearcher
	q     bsearch.Searcher
	id    bindex.IndexInternalID
}

// driven is q's searcher driven by cands, with the scores Bleve's
// conjunction of the two gives (the candidates weigh nothing).
func driven(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions, cands *setSearcher, q query.Query) (bsearch.Searcher, error) {
	qs, err := q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	// As the conjunction's norm: the candidates' weight is 0.
	qs.SetQueryNorm(1 / math.Sqrt(cands.Weight()+qs.Weight()))
	return &drivenSearcher{cands: cands, q: qs}, nil
}

func (d *drivenSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	n, ok := d.cands.c.Next()
	return d.from(ctx, n, ok)
}

func (d *drivenSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	n, ok := d.cands.c.Advance(index.Number(id))
	return d.from(ctx, n, ok)
}

// from matches q at candidate n, or the first candidate after it that q
// matches.
func (d *drivenSearcher) from(ctx *bsearch.SearchContext, n uint64, ok bool) (*bsearch.DocumentMatch, error) {
	for ok {
		d.id = index.AppendInternalID(d.id[:0], n)
		dm, err := d.q.Advance(ctx, d.id)
		if err != nil || dm == nil {
			return nil, err
		}
		at := index.Number(dm.IndexInternalID)
		if at == n {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		n, ok = d.cands.c.Advance(at)
	}
	return nil, nil
}

func (d *drivenSearcher) Close() error               { return d.q.Close() }
func (d *drivenSearcher) Weight() float64            { return d.q.Weight() }
func (d *drivenSearcher) SetQueryNorm(n float64)     { d.q.SetQueryNorm(n) }
func (d *drivenSearcher) Count() uint64              { return d.cands.count }
func (d *drivenSearcher) Min() int                   { return 0 }
func (d *drivenSearcher) Size() int                  { return 64 + d.q.Size() }
func (d *drivenSearcher) DocumentMatchPoolSize() int { return d.q.DocumentMatchPoolSize() + 1 }

// bestOf is the keep highest scores of xs, a tie to the earlier document.
func bestOf(xs []scoredDoc, keep int) []scoredDoc {
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
