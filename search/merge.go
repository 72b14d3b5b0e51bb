package search

import (
	"cmp"
	"slices"
	"strings"
)

// facetSize is how many values of each facet a result lists.
const facetSize = 50

// ShardRequest is what a coordinator asks each shard for r: the hits of
// pages 1 to r's page, so that the merged page is among them, and every
// value of each facet, so that the merged counts are exact.
func ShardRequest(r Request) Request {
	s := r
	s.Shard, s.FacetSize = true, MaxFacetSize
	return s
}

// Merge combines the results of one request r from shards that partition
// the documents (each document in one shard), each asked with
// ShardRequest(r): the totals and the facet counts add up, exactly, and the
// hits merge in r's order, of which r's page is kept. Relevance scores come
// from each shard's own term statistics (document frequencies), so a
// merged ranking by relevance is close to one index's, not equal to it:
// equal would need the shards' statistics gathered first. Where a shard
// ranked part of its matches, or estimated its total, so does the merge.
func Merge(r Request, parts ...Result) Result {
	out := Result{Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	counts := map[string]map[string]int{}
	var ranked uint64
	for _, p := range parts {
		out.Total += p.Total
		out.TotalIsEstimate = out.TotalIsEstimate || p.TotalIsEstimate
		ranked += cmp.Or(p.Ranked, p.Total)
		out.TookMS = max(out.TookMS, p.TookMS)
		out.Hits = append(out.Hits, p.Hits...)
		for f, fc := range p.Facets {
			if counts[f] == nil {
				counts[f] = map[string]int{}
			}
			for _, c := range fc {
				counts[f][c.Value] += c.Count
			}
		}
	}
	if ranked < out.Total {
		out.Ranked = ranked
	}
	for _, f := range Facets {
		fc := []FacetCount{}
		for v, n := range counts[f] {
			fc = append(fc, FacetCount{Value: v, Count: n})
		}
		slices.SortFunc(fc, func(a, b FacetCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Value, b.Value))
		})
		out.Facets[f] = fc[:min(len(fc), cmp.Or(r.FacetSize, facetSize))]
	}
	p, _ := parseQuery(r.Q)
	slices.SortStableFunc(out.Hits, hitOrder(r.Sort, p.empty()))
	from := (r.Page - 1) * r.Size
	out.Hits = out.Hits[min(from, len(out.Hits)):min(from+r.Size, len(out.Hits))]
	return out
}

// hitOrder is the order of hits that Search gives for a sort: by date
// (ties: score, then id), by date newest first (ties: received, then id),
// or by score (ties: the newer document, then id).
func hitOrder(sort string, empty bool) func(a, b Hit) int {
	id := func(a, b Hit) int { return strings.Compare(string(a.ID), string(b.ID)) }
	switch {
	case sort == "issued_date":
		return func(a, b Hit) int {
			return cmp.Or(strings.Compare(a.Metadata.IssuedDate, b.Metadata.IssuedDate), cmp.Compare(b.Score, a.Score), id(a, b))
		}
	case sort == "-issued_date", sort == "" && empty:
		return func(a, b Hit) int {
			return cmp.Or(strings.Compare(b.Metadata.IssuedDate, a.Metadata.IssuedDate), b.ReceivedAt.Compare(a.ReceivedAt), id(a, b))
		}
	}
	return func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(b.Metadata.IssuedDate, a.Metadata.IssuedDate), id(a, b))
	}
}
