package index

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// termCache keeps, for each segment, every posting list of the fields
// with few terms (the keyword fields, the dates at full precision): a
// facet reads all of a field's lists, a walk by date most of the days,
// in every search. The lists are copies, so that they outlive the
// segment's mapped file; a segment's are dropped when snapshots no
// longer hold it.
type termCache struct {
	mu   sync.Mutex
	segs map[segment.Segment]map[string]*fieldTerms
}

// fieldTerms is one field's terms in one segment, in order, with their
// documents (deleted ones included).
type fieldTerms struct {
	terms []string
	sets  []*roaring.Bitmap

	// The other way round, gathered when first counted: each document's
	// term (its index in terms, noTerm for none), so that a facet of a
	// few matches counts them rather than intersecting every value's
	// list; nil when a document has two terms. ready is set once values
	// is.
	once   sync.Once
	ready  atomic.Bool
	values []uint32
}

const noTerm = ^uint32(0)

// countEach: Counts walks the matches of a segment one by one, through
// the terms by document, when they are fewer than this many times the
// field's terms; more, and it intersects each term's list with them.
// Measured at 1M: filters only 14–16 → 11–13 ms p50, the other classes
// the same or faster. A variable for the tests of both ways.
var countEach uint64 = 1024

// gatherInBackground: byDocument gathers the terms by document in a
// goroutine of its own (a test of the walk gathers them at once).
var gatherInBackground = true

// byDocument returns ft's term of each of the segment's n documents; nil
// if some document has more than one, or while they are gathered. The
// first call starts gathering them, in the background: for a segment of
// a million documents that takes about 25 ms a field, which no search
// waits for (it intersects each value's list meanwhile).
func (ft *fieldTerms) byDocument(n uint64) []uint32 {
	ft.once.Do(func() {
		if gatherInBackground {
			go ft.gather(n)
		} else {
			ft.gather(n)
		}
	})
	if !ft.ready.Load() {
		return nil
	}
	return ft.values
}

// warm fills the cache as the first searches of s would: every cached
// field's lists, and each facet's terms by document.
func (s *Sets) warm() error {
	for i, sg := range s.segs {
		for field := range cached {
			ft, err := s.fieldTerms(i, field)
			if err != nil {
				return err
			}
			if slices.Contains(FacetFields, field) {
				ft.once.Do(func() { ft.gather(sg.seg.Count()) })
			}
		}
	}
	return nil
}

// gather fills values with each of n documents' term.
func (ft *fieldTerms) gather(n uint64) {
	defer ft.ready.Store(true)
	values := make([]uint32, n)
	for i := range values {
		values[i] = noTerm
	}
	for k, b := range ft.sets {
		it := b.Iterator()
		for it.HasNext() {
			d := it.Next()
			if uint64(d) >= n || values[d] != noTerm {
				return
			}
			values[d] = uint32(k)
		}
	}
	ft.values = values
}

// cached names the fields termCache keeps, with the range of their terms
// that queries read: a date's terms of shift 0 (numeric.ShiftStartInt64).
var cached = map[string][2][]byte{
	FieldDocType: {}, FieldIssuer: {}, FieldYear: {}, FieldUrgency: {}, FieldSecrecy: {},
	FieldAccessScope: {}, FieldAccessUnits: {}, FieldAccessUsers: {}, FieldAccessSecret: {},
	FieldIssuedDate: {{0x20}, {0x21}},
}

func (c *termCache) get(seg segment.Segment, field string) *fieldTerms {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.segs[seg][field]
}

func (c *termCache) put(seg segment.Segment, field string, ft *fieldTerms) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.segs == nil {
		c.segs = map[segment.Segment]map[string]*fieldTerms{}
	}
	if c.segs[seg] == nil {
		c.segs[seg] = map[string]*fieldTerms{}
	}
	c.segs[seg][field] = ft
}

// prune drops the segments that segs does not hold, once they are many
// (searches on older snapshots may still hold them and would only read
// their lists again).
func (c *termCache) prune(segs []segSet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.segs) <= 2*len(segs)+8 {
		return
	}
	live := map[segment.Segment]bool{}
	for _, sg := range segs {
		live[sg.seg] = true
	}
	for seg := range c.segs {
		if !live[seg] {
			delete(c.segs, seg)
		}
	}
}

// fieldTerms returns the cached terms of field in segment i; nil for a
// field that is not cached.
func (s *Sets) fieldTerms(i int, field string) (*fieldTerms, error) {
	bounds, ok := cached[field]
	if !ok {
		return nil, nil
	}
	seg := s.segs[i].seg
	if ft := s.cache.get(seg, field); ft != nil {
		return ft, nil
	}
	ft := &fieldTerms{}
	err := s.each(i, field, bounds[0], bounds[1], nil, func(term string, b *roaring.Bitmap) {
		ft.terms = append(ft.terms, term)
		ft.sets = append(ft.sets, b.Clone())
	})
	if err != nil {
		return nil, err
	}
	s.cache.put(seg, field, ft)
	return ft, nil
}
