package index

import (
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The hints of the patched zapx (third_party/zapx, willneed.go).
type (
	storedWillNeeder   interface{ WillNeedStored(docNums []uint64) }
	postingsWillNeeder interface {
		WillNeed(docs *roaring.Bitmap, locs bool)
	}
)

// WillNeed tells the system that the documents ids are about to be read:
// their stored fields and, in each field of terms, the postings of its
// terms in them with their locations. A search reads a few pages of the
// index for each document it shows, here and there; when the index is
// larger than the memory, most are on disk, and read one after the other
// each waits for the disk in turn. Named first, they are read at once.
// It is a hint: what is read is the same without it, and an error is
// left to the reads that follow. An index mapped in (Preload) is not
// advised: its pages are in memory, and each hint costs a system call.
func (ix *Index) WillNeed(ids []string, terms map[string][]string) {
	sc, ok := ix.scorch()
	if !ok || len(ids) == 0 || ix.inMemory() {
		return
	}
	r, err := sc.Reader()
	if err != nil {
		return
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return
	}
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		nums, err := seg.DocNumbers(ids)
		if err != nil || nums.IsEmpty() {
			continue
		}
		docNums := make([]uint64, 0, nums.GetCardinality())
		for it := nums.Iterator(); it.HasNext(); {
			docNums = append(docNums, uint64(it.Next()))
		}
		if s, ok := seg.(storedWillNeeder); ok {
			s.WillNeedStored(docNums)
		}
		for field, ts := range terms {
			d, err := seg.Dictionary(field)
			if err != nil {
				continue
			}
			for _, t := range ts {
				if pl, err := d.PostingsList([]byte(t), nil, nil); err == nil {
					if p, ok := pl.(postingsWillNeeder); ok {
						p.WillNeed(nums, true)
					}
				}
			}
		}
	}
}

// WillNeedStored tells the system that the stored fields of the
// documents docs (numbers in the snapshot) are about to be read.
func (s *Sets) WillNeedStored(docs []uint64) {
	if s.inMemory {
		return
	}
	for _, sg := range s.segs {
		var local []uint64
		for _, n := range docs {
			if n >= sg.offset && n < sg.offset+sg.seg.Count() {
				local = append(local, n-sg.offset)
			}
		}
		if st, ok := sg.seg.(storedWillNeeder); ok && len(local) > 0 {
			slices.Sort(local)
			st.WillNeedStored(local)
		}
	}
}

// inMemory reports whether Preload has mapped in every live segment file.
func (ix *Index) inMemory() bool {
	mapped, total := ix.Preloaded()
	return total > 0 && mapped == total
}

// willNeedLocations asks for the pages of the positions of lists in the
// documents of b, which a phrase is about to read.
func (s *Sets) willNeedLocations(lists []segment.PostingsList, b *roaring.Bitmap) {
	if s.inMemory {
		return
	}
	for _, l := range lists {
		if p, ok := l.(postingsWillNeeder); ok {
			p.WillNeed(b, true)
		}
	}
}
