package index

import (
	"encoding/binary"

	"github.com/RoaringBitmap/roaring/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Cursor walks the documents of set in the order of the index, by
// their numbers in the snapshot.
func (s *Sets) Cursor(set Set) *Cursor {
	c := &Cursor{}
	for i, b := range set {
		if b != nil && !b.IsEmpty() {
			c.segs = append(c.segs, cursorSeg{it: b.Iterator(), start: s.segs[i].offset, end: s.segs[i].offset + s.segs[i].seg.Count()})
		}
	}
	return c
}

// Cursor is a walk through a Set.
type Cursor struct {
	segs []cursorSeg
	cur  int
}

type cursorSeg struct {
	it         roaring.IntPeekable
	start, end uint64 // the segment's numbers: [start, end)
}

// Next returns the next document's number; false at the end.
func (c *Cursor) Next() (uint64, bool) {
	for ; c.cur < len(c.segs); c.cur++ {
		if sg := c.segs[c.cur]; sg.it.HasNext() {
			return sg.start + uint64(sg.it.Next()), true
		}
	}
	return 0, false
}

// Advance returns the first document numbered n or more; false at the
// end.
func (c *Cursor) Advance(n uint64) (uint64, bool) {
	for c.cur < len(c.segs) && c.segs[c.cur].end <= n {
		c.cur++
	}
	if c.cur < len(c.segs) && n > c.segs[c.cur].start {
		c.segs[c.cur].it.AdvanceIfNeeded(uint32(n - c.segs[c.cur].start))
	}
	return c.Next()
}

// AppendInternalID appends to buf the internal ID of the document
// numbered n in a snapshot, as scorch writes it; Number reads it back.
func AppendInternalID(buf bindex.IndexInternalID, n uint64) bindex.IndexInternalID {
	return binary.BigEndian.AppendUint64(buf, n)
}

// Number is the number of the document whose internal ID is id.
func Number(id bindex.IndexInternalID) uint64 { return binary.BigEndian.Uint64(id) }
