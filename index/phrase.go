package index

import (
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Phrase is the documents of in where the terms stand in field as a
// phrase: for some position p in one value of the field, each term at p
// plus its offset (offs[k] for terms[k]; terms at the same offset are
// alternatives). It reads the terms' positions in each document of in,
// in parts of in at once (parts, one a core), as Bleve's phrase searcher
// matches them: the field must keep its term vectors. A phrase of pairs
// (FieldTextPairs, its terms as the field's analyzer makes them) is
// placed by the positions of some of its pairs only (pairsCover).
func (s *Sets) Phrase(field string, terms []string, offs []int, in Set, parts int) (Set, error) {
	if len(terms) == 0 || len(terms) != len(offs) {
		return s.None(), nil
	}
	if field == FieldTextPairs {
		terms, offs = pairsCover(terms, offs)
	}
	// The posting lists, looked up here (the dictionaries are cached per
	// Sets, one goroutine), then walked in parts.
	lists := make([][]segment.PostingsList, len(s.segs))
	for i, sg := range s.segs {
		if in[i] == nil || in[i].IsEmpty() {
			continue
		}
		d, err := s.dict(i, field)
		if err != nil {
			return nil, err
		}
		lists[i] = make([]segment.PostingsList, len(terms))
		for k, t := range terms {
			if lists[i][k], err = d.PostingsList([]byte(t), sg.deleted, nil); err != nil {
				return nil, err
			}
		}
		if !s.inMemory {
			// Their positions in the documents of in, asked for at once.
			willNeedLocations(lists[i], in[i])
		}
	}
	split := in.Split(max(parts, 1))
	found := make([]Set, len(split))
	errs := make([]error, len(split))
	var wg sync.WaitGroup
	for p, part := range split {
		found[p] = s.None()
		wg.Go(func() {
			for i, b := range part {
				if b == nil || b.IsEmpty() || lists[i] == nil {
					continue
				}
				if found[p][i], errs[p] = phraseIn(b, lists[i], offs); errs[p] != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	out := s.None()
	for p := range found {
		if errs[p] != nil {
			return nil, errs[p]
		}
		out = out.Or(found[p])
	}
	return out, nil
}

// pairsCover keeps, of a phrase of pairs, the terms whose positions place
// it. A pair at offset o is the syllables at o and o+1 side by side, so
// the pairs at 0 and 2 put the syllables at 0 to 3 in their places, and
// with them the pair at 1, which the pairs filter made of the syllables
// at 1 and 2: a phrase of four syllables needs the positions of two of
// its three pairs, one of n syllables about half of its pairs. Terms at
// the same offset (alternatives) are kept or left together.
func pairsCover(terms []string, offs []int) ([]string, []int) {
	at := slices.Compact(slices.Sorted(slices.Values(offs)))
	keep := map[int]bool{}
	placed := at[0] - 1 // the last syllable placed
	for _, o := range at {
		if o+1 <= placed {
			continue
		}
		// The syllable after the last placed: placed by the pair that
		// starts on it, which reaches furthest, or by the pair before.
		next := max(o, placed+1)
		if next != o && !slices.Contains(at, next) {
			next = o
		}
		keep[next] = true
		placed = next + 1
	}
	var kt []string
	var ko []int
	for k, t := range terms {
		if keep[offs[k]] {
			kt, ko = append(kt, t), append(ko, offs[k])
		}
	}
	return kt, ko
}

// phraseIn is the documents of b (of one segment) where the terms of
// lists stand at their offsets.
func phraseIn(b *roaring.Bitmap, lists []segment.PostingsList, offs []int) (*roaring.Bitmap, error) {
	type term struct {
		it   segment.PostingsIterator
		last segment.Posting // the posting it returned last, nil before the first
		done bool
	}
	ts := make([]term, len(lists))
	for k, l := range lists {
		if l == nil {
			ts[k].done = true
			continue
		}
		ts[k].it = l.Iterator(true, false, true, nil)
	}
	// at finds term k's posting of document n, if it has one.
	at := func(k int, n uint64) (segment.Posting, error) {
		t := &ts[k]
		if t.done {
			return nil, nil
		}
		if t.last == nil || t.last.Number() < n {
			p, err := t.it.Advance(n)
			if err != nil || p == nil {
				t.done = true
				return nil, err
			}
			t.last = p
		}
		if t.last.Number() != n {
			return nil, nil
		}
		return t.last, nil
	}
	first := slices.Min(offs)
	out := roaring.New()
	// Each term's locations in the document, valid until its iterator
	// moves on to a later one.
	locs := make([][]segment.Location, len(lists))
	for docs := b.Iterator(); docs.HasNext(); {
		n := uint64(docs.Next())
		for k := range ts {
			p, err := at(k, n)
			if err != nil {
				return nil, err
			}
			locs[k] = nil
			if p != nil {
				locs[k] = p.Locations()
			}
		}
		if standsIn(locs, offs, first) {
			out.Add(uint32(n))
		}
	}
	return out, nil
}

// standsIn reports whether some location of a term at the first offset
// has, in the same value of the field, a term of each other offset at its
// position plus that offset.
func standsIn(locs [][]segment.Location, offs []int, first int) bool {
	for k0, ls := range locs {
		if offs[k0] != first {
			continue
		}
	start:
		for _, l0 := range ls {
			for _, o := range offs {
				if o == first {
					continue
				}
				if !someAt(locs, offs, o, l0.ArrayPositions(), int(l0.Pos())+o-first) {
					continue start
				}
			}
			return true
		}
	}
	return false
}

// someAt reports whether a term of offset o stands at pos in the value at
// array.
func someAt(locs [][]segment.Location, offs []int, o int, array []uint64, pos int) bool {
	for k, ls := range locs {
		if offs[k] != o {
			continue
		}
		for _, l := range ls {
			if int(l.Pos()) == pos && slices.Equal(l.ArrayPositions(), array) {
				return true
			}
		}
	}
	return false
}
