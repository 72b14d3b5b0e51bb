package index

import (
	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The hints of the patched zapx (third_party/zapx, willneed.go).
type (
	storedWillNeeder   interface{ WillNeedStored(docs *roaring.Bitmap) }
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
		if s, ok := seg.(storedWillNeeder); ok {
			s.WillNeedStored(nums)
		}
		var lists []segment.PostingsList
		for field, ts := range terms {
			d, err := seg.Dictionary(field)
			if err != nil {
				continue
			}
			for _, t := range ts {
				if pl, err := d.PostingsList([]byte(t), nil, nil); err == nil {
					lists = append(lists, pl)
				}
			}
		}
		willNeedLocations(lists, nums)
	}
}

// WillNeedStored tells the system that the stored fields of the
// documents docs (numbers in the snapshot) are about to be read.
func (s *Sets) WillNeedStored(docs []uint64) {
	if s.inMemory {
		return
	}
	for _, sg := range s.segs {
		local := roaring.New()
		for _, n := range docs {
			if n >= sg.offset && n < sg.offset+sg.seg.Count() {
				local.Add(uint32(n - sg.offset))
			}
		}
		if st, ok := sg.seg.(storedWillNeeder); ok && !local.IsEmpty() {
			st.WillNeedStored(local)
		}
	}
}

// inMemory reports whether Preload has mapped in every live segment file.
func (ix *Index) inMemory() bool {
	mapped, total := ix.Preloaded()
	return total > 0 && mapped == total
}

// willNeedLocations asks for the pages of the postings of lists in the
// documents of b, with their positions.
func willNeedLocations(lists []segment.PostingsList, b *roaring.Bitmap) {
	for _, l := range lists {
		if p, ok := l.(postingsWillNeeder); ok {
			p.WillNeed(b, true)
		}
	}
}
