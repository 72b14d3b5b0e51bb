package index

import (
	"fmt"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Sets is one snapshot of the index seen as sets of documents: a term's
// posting list is a bitmap in each segment, so that what a query matches
// can be counted, intersected and faceted in bitmap operations, without
// visiting the documents one by one. It is used by one goroutine, while
// the reader it came from is open.
type Sets struct {
	segs     []segSet
	cache    *termCache
	inMemory bool // every segment file is mapped in (Index.inMemory)
}

type segSet struct {
	seg     segment.Segment
	deleted *roaring.Bitmap // nil when none
	offset  uint64          // the first document's number in the snapshot
	dicts   map[string]segment.TermDictionary
}

// Set is a set of documents of one Sets: a bitmap per segment, of the
// segment's own document numbers. A nil bitmap is empty. Sets are
// values: the operations make new bitmaps and never change their
// arguments, which may be the index's own posting lists.
type Set []*roaring.Bitmap

// Sets returns the sets of the snapshot r, if r is a snapshot of a scorch
// index (the kind Open makes).
func (ix *Index) Sets(r bindex.IndexReader) (*Sets, bool) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false
	}
	s := &Sets{cache: &ix.terms, inMemory: ix.inMemory()}
	var offset uint64
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		d := ss.Deleted()
		if d != nil && d.IsEmpty() {
			d = nil
		}
		s.segs = append(s.segs, segSet{seg: seg, deleted: d, offset: offset, dicts: map[string]segment.TermDictionary{}})
		// Document numbers run on across segments, deleted ones included
		// (as scorch numbers them).
		offset += seg.Count()
	}
	s.cache.prune(s.segs)
	return s, true
}

// None is the empty set.
func (s *Sets) None() Set { return make(Set, len(s.segs)) }

// All is every live document.
func (s *Sets) All() Set {
	out := make(Set, len(s.segs))
	for i, sg := range s.segs {
		b := roaring.New()
		b.AddRange(0, sg.seg.Count())
		if sg.deleted != nil {
			b.AndNot(sg.deleted)
		}
		out[i] = b
	}
	return out
}

func (s *Sets) dict(i int, field string) (segment.TermDictionary, error) {
	sg := &s.segs[i]
	if d, ok := sg.dicts[field]; ok {
		return d, nil
	}
	d, err := sg.seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	sg.dicts[field] = d
	return d, nil
}

// postings is the documents of segment i that have term, deleted ones
// left out if except is the segment's deleted.
func postings(d segment.TermDictionary, term []byte, except *roaring.Bitmap) (*roaring.Bitmap, error) {
	pl, err := d.PostingsList(term, except, nil)
	if err != nil || pl == nil {
		return nil, err
	}
	it := pl.Iterator(false, false, false, nil)
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if n, ok := o.DocNum1Hit(); ok {
			return roaring.BitmapOf(uint32(n)), nil
		}
		return o.ActualBitmap(), nil
	}
	b := roaring.New()
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return b, nil
		}
		b.Add(uint32(p.Number()))
	}
}

// each calls fn with each term of field in [lo, hi) in segment i (all of
// them for nil bounds), in order, and its documents other than except.
func (s *Sets) each(i int, field string, lo, hi []byte, except *roaring.Bitmap, fn func(term string, b *roaring.Bitmap)) error {
	d, err := s.dict(i, field)
	if err != nil {
		return err
	}
	it := d.AutomatonIterator(nil, lo, hi)
	for {
		e, err := it.Next()
		if err != nil || e == nil {
			return err
		}
		b, err := postings(d, []byte(e.Term), except)
		if err != nil {
			return err
		}
		if b != nil && !b.IsEmpty() {
			fn(e.Term, b)
		}
	}
}

// Term is the documents that have term in field.
func (s *Sets) Term(field, term string) (Set, error) {
	out := make(Set, len(s.segs))
	for i, sg := range s.segs {
		ft, err := s.fieldTerms(i, field)
		if err != nil {
			return nil, err
		}
		if ft != nil {
			if k, ok := slices.BinarySearch(ft.terms, term); ok {
				out[i] = live(ft.sets[k], sg.deleted)
			}
			continue
		}
		d, err := s.dict(i, field)
		if err != nil {
			return nil, err
		}
		if out[i], err = postings(d, []byte(term), sg.deleted); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func live(b, deleted *roaring.Bitmap) *roaring.Bitmap {
	if deleted == nil {
		return b
	}
	return roaring.AndNot(b, deleted)
}

// Range is the documents that have a term of field in [lo, hi).
func (s *Sets) Range(field string, lo, hi []byte) (Set, error) {
	out := make(Set, len(s.segs))
	for i, sg := range s.segs {
		var acc []*roaring.Bitmap
		ft, err := s.fieldTerms(i, field)
		switch {
		case err != nil:
			return nil, err
		case ft != nil:
			from, _ := slices.BinarySearch(ft.terms, string(lo))
			to := len(ft.terms)
			if hi != nil {
				to, _ = slices.BinarySearch(ft.terms, string(hi))
			}
			acc = ft.sets[from:max(from, to)]
		default:
			err = s.each(i, field, lo, hi, nil, func(_ string, b *roaring.Bitmap) { acc = append(acc, b) })
			if err != nil {
				return nil, err
			}
		}
		if len(acc) > 0 {
			out[i] = live(roaring.FastOr(acc...), sg.deleted)
		}
	}
	return out, nil
}

// Walk calls fn, for each term of field in [lo, hi) in order (from the
// last if desc) that documents of in have, with those documents, until fn
// returns false. The field must be one whose terms are cached (a date).
func (s *Sets) Walk(field string, lo, hi []byte, desc bool, in Set, fn func(part Set) bool) error {
	fts := make([]*fieldTerms, len(s.segs))
	var terms []string
	for i := range s.segs {
		ft, err := s.fieldTerms(i, field)
		if err != nil {
			return err
		}
		if ft == nil {
			return fmt.Errorf("index: walk of %s, whose terms are not kept", field)
		}
		fts[i] = ft
		from, _ := slices.BinarySearch(ft.terms, string(lo))
		to, _ := slices.BinarySearch(ft.terms, string(hi))
		terms = append(terms, ft.terms[from:max(from, to)]...)
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	if desc {
		slices.Reverse(terms)
	}
	for _, t := range terms {
		part := make(Set, len(s.segs))
		any := false
		for i, ft := range fts {
			if in[i] == nil {
				continue
			}
			if k, ok := slices.BinarySearch(ft.terms, t); ok && in[i].Intersects(ft.sets[k]) {
				part[i], any = roaring.And(in[i], ft.sets[k]), true
			}
		}
		if any && !fn(part) {
			return nil
		}
	}
	return nil
}

// Counts returns, for each term of field, how many documents of in have
// it: a facet's counts, from each value's posting list.
func (s *Sets) Counts(field string, in Set) (map[string]int, error) {
	counts := map[string]int{}
	count := func(i int) func(string, *roaring.Bitmap) {
		return func(term string, b *roaring.Bitmap) {
			if n := in[i].AndCardinality(b); n > 0 {
				counts[term] += int(n)
			}
		}
	}
	for i := range s.segs {
		if in[i] == nil || in[i].IsEmpty() {
			continue
		}
		ft, err := s.fieldTerms(i, field)
		switch {
		case err != nil:
			return nil, err
		case ft != nil && in[i].GetCardinality() < uint64(len(ft.terms))*countEach:
			// Few matches for the field's many values: count them one
			// by one.
			if values := ft.byDocument(s.segs[i].seg.Count()); values != nil {
				n := make([]int, len(ft.terms))
				in[i].Iterate(func(d uint32) bool {
					if v := values[d]; v != noTerm {
						n[v]++
					}
					return true
				})
				for k, c := range n {
					if c > 0 {
						counts[ft.terms[k]] += c
					}
				}
				continue
			}
			fallthrough
		case ft != nil:
			for k, t := range ft.terms {
				count(i)(t, ft.sets[k])
			}
		default:
			if err := s.each(i, field, nil, nil, nil, count(i)); err != nil {
				return nil, err
			}
		}
	}
	return counts, nil
}

// Terms lists the distinct terms of field in the snapshot, in order.
func (s *Sets) Terms(field string) ([]string, error) {
	var out []string
	for i := range s.segs {
		ft, err := s.fieldTerms(i, field)
		switch {
		case err != nil:
			return nil, err
		case ft != nil:
			out = append(out, ft.terms...)
		default:
			if err := s.each(i, field, nil, nil, nil, func(t string, _ *roaring.Bitmap) { out = append(out, t) }); err != nil {
				return nil, err
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Card is how many documents set has.
func (set Set) Card() uint64 {
	var n uint64
	for _, b := range set {
		if b != nil {
			n += b.GetCardinality()
		}
	}
	return n
}

// And is the documents in both sets.
func (set Set) And(o Set) Set {
	out := make(Set, len(set))
	for i := range set {
		if set[i] != nil && o[i] != nil {
			out[i] = roaring.And(set[i], o[i])
		}
	}
	return out
}

// Or is the documents in either set.
func (set Set) Or(o Set) Set {
	out := make(Set, len(set))
	for i := range set {
		switch {
		case set[i] == nil:
			out[i] = o[i]
		case o[i] == nil:
			out[i] = set[i]
		default:
			out[i] = roaring.Or(set[i], o[i])
		}
	}
	return out
}

// AndNot is the documents of set not in o.
func (set Set) AndNot(o Set) Set {
	out := make(Set, len(set))
	for i := range set {
		switch {
		case set[i] == nil:
		case o[i] == nil:
			out[i] = set[i]
		default:
			out[i] = roaring.AndNot(set[i], o[i])
		}
	}
	return out
}

// Split cuts set into n parts of about equal size, in the order of the
// index: every document of the first part comes before every document of
// the second. Fewer documents than parts leave parts empty.
func (set Set) Split(n int) []Set {
	parts := make([]Set, n)
	for p := range parts {
		parts[p] = make(Set, len(set))
	}
	total := set.Card()
	var before uint64 // documents of set in the segments before i
	for i, b := range set {
		if b == nil || b.IsEmpty() {
			continue
		}
		card := b.GetCardinality()
		// Part p takes the documents of rank [p·total/n, (p+1)·total/n).
		for p := range parts {
			lo := max(uint64(p)*total/uint64(n), before)
			hi := min(uint64(p+1)*total/uint64(n), before+card)
			if lo >= hi {
				continue
			}
			part := b.Clone()
			if hi < before+card {
				v, _ := b.Select(uint32(hi - before))
				part.RemoveRange(uint64(v), 1<<32)
			}
			if lo > before {
				v, _ := b.Select(uint32(lo - before))
				part.RemoveRange(0, uint64(v))
			}
			parts[p][i] = part
		}
		before += card
	}
	return parts
}
