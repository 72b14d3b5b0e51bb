package zap

import (
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
)

// A search reads a few pages here and there of a segment file: the chunks
// of a posting list that hold its hits, and their stored documents. When
// the pages are not in memory, each read waits for the disk in turn. The
// WillNeed calls name the pages before they are read, so that the kernel
// reads them all at once (MADV_WILLNEED), in the time of a few reads.
// They are hints: they change nothing read, and do nothing on a segment
// not mapped from a file or on a system without the advice.

// WillNeed tells the kernel that the postings of docs in p will be
// read soon: the list's bitmap, and the chunks that hold their freqs and
// norms (or their norms' places in the field's table, norms.go) and, with
// locs, their locations, and the first posting's, which an iterator reads
// first.
func (p *PostingsList) WillNeed(docs *roaring.Bitmap, locs bool) {
	if p == nil || p.sb == nil || !p.sb.mapped || p.postings == nil || p.chunkSize == 0 {
		return // empty, one hit (kept in the dictionary), or in memory
	}
	// The documents of docs in the list, in order.
	hits := roaring.And(docs, p.postings).ToArray()
	var w pages
	// The list's bitmap, which the iterator reads through.
	at := p.postingsOffset
	for k := 0; k < 3; k++ {
		v, n := binary.Uvarint(p.sb.mem[at:min(at+binary.MaxVarintLen64, uint64(len(p.sb.mem)))])
		if n <= 0 {
			return
		}
		at += uint64(n)
		if k == 2 { // the bitmap's length
			w.add(p.postingsOffset, min(at+v, uint64(len(p.sb.mem))))
		}
	}
	decoders := []uint64{p.freqOffset}
	if locs {
		decoders = append(decoders, p.locOffset)
	}
	for _, offset := range decoders {
		if offset == termNotEncoded {
			continue
		}
		// Each part's ranges come in order of the documents, so in the
		// file's order: asked for part by part, they need no sorting.
		w.advise(p.sb.mem)
		w = w[:0]
		d := newChunkedIntDecoder(p.sb.mem, offset, nil, nil)
		// A search's iterator reads the first posting before it jumps.
		if len(d.chunkOffsets) > 0 {
			s, e := readChunkBoundary(0, d.chunkOffsets)
			w.add(d.dataStartOffset+s, d.dataStartOffset+e)
		}
		last := -1
		for _, n := range hits {
			c := int(uint64(n) / p.chunkSize)
			if c == last || c >= len(d.chunkOffsets) {
				continue
			}
			last = c
			s, e := readChunkBoundary(c, d.chunkOffsets)
			w.add(d.dataStartOffset+s, d.dataStartOffset+e)
		}
	}
	w.advise(p.sb.mem)
	w = w[:0]
	if t := p.norms; t != nil && t.at > 0 && !p.postings.IsEmpty() {
		for _, n := range append([]uint32{p.postings.Minimum()}, hits...) {
			if uint64(n) < p.sb.numDocs {
				at := t.at + uint64(t.width)*uint64(n)
				w.add(at, at+uint64(t.width))
			}
		}
	}
	w.advise(p.sb.mem)
}

// WillNeedStored tells the kernel that the stored fields of the documents
// of docs will be read soon. Where a document's fields are, and how long
// they are, is itself in the segment: in three rounds, each asked for at
// once and then read, the places of the documents in the stored index,
// then the page where each document starts (its lengths), then the rest
// of each.
func (sb *SegmentBase) WillNeedStored(docs *roaring.Bitmap) {
	if !sb.mapped || sb.storedIndexOffset == 0 {
		return
	}
	var nums []uint64
	for it := docs.Iterator(); it.HasNext(); {
		if n := uint64(it.Next()); n < sb.numDocs {
			nums = append(nums, n)
		}
	}
	size := uint64(len(sb.mem))
	var where, first, rest pages
	for _, n := range nums {
		at := sb.storedIndexOffset + 8*n
		where.add(at, at+8)
	}
	where.advise(sb.mem)
	var inFile []uint64
	for _, n := range nums {
		if at := binary.BigEndian.Uint64(sb.mem[sb.storedIndexOffset+8*n:]); at < size {
			inFile = append(inFile, n)
			first.add(at, min(at+2*binary.MaxVarintLen64, size))
		}
	}
	first.advise(sb.mem)
	for _, n := range inFile {
		_, at, k, metaLen, dataLen := sb.getDocStoredOffsets(n)
		rest.add(at, min(at+k+metaLen+dataLen, size))
	}
	rest.advise(sb.mem)
}

// pages is byte ranges of a segment, [start, end).
type pages [][2]uint64

func (w *pages) add(start, end uint64) {
	if end > start {
		*w = append(*w, [2]uint64{start, end})
	}
}

// advise asks for the pages of w in mem, a file mapped from its start
// (so that its offsets align with the system's pages): ranges on the same
// or adjacent pages are asked for as one.
func (w pages) advise(mem []byte) {
	if len(w) == 0 {
		return
	}
	size := uint64(pageSize)
	byStart := func(a, b [2]uint64) int { return cmp.Compare(a[0], b[0]) }
	if !slices.IsSortedFunc(w, byStart) {
		slices.SortFunc(w, byStart)
	}
	start, end := w[0][0]&^(size-1), w[0][1]
	for _, r := range w[1:] {
		if r[0]&^(size-1) <= end {
			end = max(end, r[1])
			continue
		}
		willNeed(mem[start:min(end, uint64(len(mem)))])
		start, end = r[0]&^(size-1), r[1]
	}
	willNeed(mem[start:min(end, uint64(len(mem)))])
}
