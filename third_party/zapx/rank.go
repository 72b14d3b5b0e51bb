package zap

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"sort"
)

// This file is patched into zapx (PATCH.md, the eleventh change).
//
// A jump through a posting list (nextDocNumAtOrAfter) ranks its target in
// the list's bitmap: how many postings come before it, so that the
// freq/norm and location readers can pass them. roaring's Rank counts a
// bitmap container's words from its start, up to 1,024 of them, at every
// jump, though a search's jumps go forward: rankIndex reads the list's
// serialized bitmap and counts from where the iterator's last rank left
// off when it is in the same container.

// The serialized format: github.com/RoaringBitmap/RoaringFormatSpec. zapx
// writes bitmaps without run containers (it never run-optimizes them);
// one with runs is ranked by roaring.
const (
	roaringCookieNoRuns = 12346 // a uint32; the containers follow in a uint32
	roaringArrayMax     = 4096  // a container of more members is a bitmap
)

// rankIndex is a serialized roaring bitmap's containers: each one's key
// (the high 16 bits of its members), its bytes, whether it is a bitmap
// (else a sorted array), and how many members the containers before it
// hold.
type rankIndex struct {
	keys   []uint16
	before []uint64
	bitmap []bool
	data   [][]byte
}

var errRankIndex = errors.New("zapx: postings bitmap: not one rankIndex reads")

// newRankIndex reads the containers of the serialized bitmap b.
func newRankIndex(b []byte) (*rankIndex, error) {
	if len(b) < 8 || binary.LittleEndian.Uint32(b) != roaringCookieNoRuns {
		return nil, errRankIndex
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	at := 8
	if n > 1<<16 || len(b) < at+8*n { // the keys and cardinalities, then the offsets
		return nil, errRankIndex
	}
	r := &rankIndex{keys: make([]uint16, n), before: make([]uint64, n+1), bitmap: make([]bool, n), data: make([][]byte, n)}
	sizes := make([]int, n)
	for i := range n {
		r.keys[i] = binary.LittleEndian.Uint16(b[at+4*i:])
		card := int(binary.LittleEndian.Uint16(b[at+4*i+2:])) + 1
		r.before[i+1] = r.before[i] + uint64(card)
		r.bitmap[i] = card > roaringArrayMax
		sizes[i] = 2 * card
		if r.bitmap[i] {
			sizes[i] = 8192
		}
	}
	at += 8 * n // the containers follow one another: the offsets are not needed
	for i := range n {
		if len(b) < at+sizes[i] {
			return nil, errRankIndex
		}
		r.data[i] = b[at : at+sizes[i]]
		at += sizes[i]
	}
	return r, nil
}

// rankCursor is where an iterator's last rank in a bitmap container left
// off: container c, the members of its words before word.
type rankCursor struct {
	c, word int
	count   uint64
	set     bool
}

// rank is how many members of the bitmap are at most x, as roaring's
// Rank. In a bitmap container, it counts on from cur when cur is in the
// same container at or before x, and leaves cur at x.
func (r *rankIndex) rank(x uint32, cur *rankCursor) uint64 {
	hi, lo := uint16(x>>16), uint16(x)
	i := sort.Search(len(r.keys), func(i int) bool { return r.keys[i] >= hi })
	if i == len(r.keys) || r.keys[i] != hi {
		return r.before[i]
	}
	d := r.data[i]
	if !r.bitmap[i] {
		k := sort.Search(len(d)/2, func(k int) bool { return binary.LittleEndian.Uint16(d[2*k:]) > lo })
		return r.before[i] + uint64(k)
	}
	w := int(lo / 64)
	var count uint64
	switch {
	case cur.set && cur.c == i && cur.word <= w:
		count = cur.count + popcountWords(d, cur.word, w)
	case w <= 512:
		count = popcountWords(d, 0, w)
	default:
		count = r.before[i+1] - r.before[i] - popcountWords(d, w, 1024)
	}
	*cur = rankCursor{c: i, word: w, count: count, set: true}
	last := binary.LittleEndian.Uint64(d[8*w:]) << (63 - lo%64)
	return r.before[i] + count + uint64(bits.OnesCount64(last))
}

// popcountWords counts the members in words [from, to) of a bitmap
// container's bytes.
func popcountWords(d []byte, from, to int) uint64 {
	var n int
	for k := from; k < to; k++ {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(d[8*k:]))
	}
	return uint64(n)
}

// rankOf is how many postings of the iterator's list are at most x,
// counted on from its last rank (rankIndex.rank), or by roaring when the
// list's bitmap is not one rankIndex reads. Each iterator reads the
// list's containers for itself: several iterate one list at once.
func (i *PostingsIterator) rankOf(x uint32) uint64 {
	if i.ranks == nil && i.postings.postingsBytes != nil && !i.ranksFailed {
		var err error
		i.ranks, err = newRankIndex(i.postings.postingsBytes)
		i.ranksFailed = err != nil
	}
	if i.ranks == nil {
		return i.postings.postings.Rank(x)
	}
	return i.ranks.rank(x, &i.rankCur)
}
