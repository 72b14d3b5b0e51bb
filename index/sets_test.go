package index

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanthu/vanthu"
)

// Counts gives each value's number of documents of a set, the same by
// walking the documents as by intersecting each value's list, with
// deleted documents left out and a field of several values a document
// (a restricted document's units) counted by intersection.
func TestCountsBothWays(t *testing.T) {
	gatherInBackground = false
	t.Cleanup(func() { gatherInBackground = true })
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() }) // after the snapshot's reader closes
	types := []string{"Quyết định", "Công văn", "Thông báo"}
	for batch := range 3 {
		var docs []vanthu.Document
		for i := range 40 {
			n := batch*40 + i
			d := vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", n)), PageCount: 1,
				Metadata: vanthu.Metadata{DocType: types[n%3], IssuedDate: fmt.Sprintf("20%02d-01-02", 10+n%5)},
				Pages:    []vanthu.Page{{Number: 1, Text: "văn bản", Done: true}}}
			if n%4 == 0 {
				d.Access = vanthu.Access{Scope: vanthu.ScopeRestricted, Units: []string{"KT", fmt.Sprintf("U%d", n%3)}}
			}
			docs = append(docs, d)
		}
		if err := ix.PutBatch(docs); err != nil {
			t.Fatal(err)
		}
	}
	for n := 0; n < 120; n += 9 {
		if err := ix.Delete(vanthu.RefOf(fmt.Appendf(nil, "d%d", n))); err != nil {
			t.Fatal(err)
		}
	}
	s, ok := ix.Sets(snapshot(t, ix))
	if !ok {
		t.Fatal("no sets of a scorch index")
	}
	t.Logf("%d segment(s)", len(s.segs))
	year, err := s.Term(FieldYear, "2011")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []Set{s.All(), year} {
		for _, field := range []string{FieldDocType, FieldYear, FieldAccessUnits} {
			want := map[string]int{}
			terms, err := s.Terms(field)
			if err != nil {
				t.Fatal(err)
			}
			for _, term := range terms {
				one, err := s.Term(field, term)
				if err != nil {
					t.Fatal(err)
				}
				if n := int(in.And(one).Card()); n > 0 {
					want[term] = n
				}
			}
			for _, each := range []uint64{1 << 30, 0} {
				countEach = each
				got, err := s.Counts(field, in)
				if err != nil {
					t.Fatal(err)
				}
				if !maps.Equal(got, want) {
					t.Errorf("%s, walking documents %v: %v, want %v", field, each > 0, got, want)
				}
			}
			countEach = 1024
		}
	}
	docs, _ := ix.Count()
	if all := s.All().Card(); all != docs || all != 120-14 {
		t.Errorf("%d live documents in the sets, %d in the index, want 106", all, docs)
	}
}

// snapshot is a reader of ix as it is now, closed when the test ends
// (before ix, when ix too is closed by a cleanup registered before).
func snapshot(t testing.TB, ix *Index) *scorch.IndexSnapshot {
	t.Helper()
	return readerOf(t, ix.Bleve())
}

// Split parts a set in the order of the index, every document in one
// part, the parts no more than one apart in size, across segments and
// within one.
func TestSplit(t *testing.T) {
	bm := func(xs ...uint32) *roaring.Bitmap { return roaring.BitmapOf(xs...) }
	for _, c := range []struct {
		set Set
		n   int
	}{
		{Set{bm(1, 2, 3, 4, 5, 6, 7)}, 2},
		{Set{bm(1, 2, 3), nil, bm(0, 9, 70000, 70001)}, 2},
		{Set{bm(1, 2, 3), bm(4), bm(0, 9, 70000, 70001)}, 3},
		{Set{bm(5)}, 2},
		{Set{nil, bm()}, 2},
	} {
		parts := c.set.Split(c.n)
		var got []string
		var sizes []uint64
		for _, p := range parts {
			sizes = append(sizes, p.Card())
			for i, b := range p {
				if b != nil {
					for _, x := range b.ToArray() {
						got = append(got, fmt.Sprint(i, ":", x))
					}
				}
			}
		}
		var want []string
		for i, b := range c.set {
			if b != nil {
				for _, x := range b.ToArray() {
					want = append(want, fmt.Sprint(i, ":", x))
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("Split(%v, %d): parts hold %v in that order, want %v", c.set, c.n, got, want)
		}
		if slices.Max(sizes)-slices.Min(sizes) > 1 {
			t.Errorf("Split(%v, %d): parts of %v documents", c.set, c.n, sizes)
		}
	}
}
