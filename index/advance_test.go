package index

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/vanthu/vanthu"
)

// posting is what a postings iterator says of one document.
type posting struct {
	doc, freq uint64
	norm      float64
	locs      string
}

func read(p segment.Posting) posting {
	out := posting{doc: p.Number(), freq: p.Frequency(), norm: p.Norm()}
	var b strings.Builder
	for _, l := range p.Locations() {
		fmt.Fprintf(&b, "%s:%d:%d-%d%v;", l.Field(), l.Pos(), l.Start(), l.End(), l.ArrayPositions())
	}
	out.locs = b.String()
	return out
}

// Advance, which ranking uses to jump from candidate to candidate, finds
// the same postings as Next, which reads them all: the same documents,
// frequencies, norms and positions (the segment reader is patched to
// jump within posting lists: third_party/zapx/PATCH.md). The postings
// span several chunks, have deleted documents and terms several times a
// document; the jumps are short and long, mixed with steps. Segments are
// written in the chunk mode Vanthu writes (1030, chunks of about 128
// postings, compact locations without their length, norms a document
// each), in those it wrote before (1029, 1028, 1027) and in zapx's own
// (1026, chunks of about 1,024), in which an index made before is.
func TestAdvanceReadsWhatNextReads(t *testing.T) {
	for _, mode := range []uint32{1031, 1030, 1029, 1028, 1027, 1026} {
		t.Run(fmt.Sprint("chunk mode ", mode), func(t *testing.T) {
			was := zap.DefaultChunkMode
			zap.DefaultChunkMode = mode
			t.Cleanup(func() { zap.DefaultChunkMode = was })
			advanceReadsWhatNextReads(t, mode)
		})
	}
}

func advanceReadsWhatNextReads(t *testing.T, mode uint32) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() }) // after the snapshot's reader closes
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"văn", "bản", "hành", "chính", "cải", "cách", "quyết", "định", "ủy", "ban"}
	const perBatch = 2600 // a common syllable's list spans several chunks
	put := func(batch int) {
		var docs []vanthu.Document
		for i := range perBatch {
			// One to three pages: a syllable's locations on a later page
			// are written changed (their array position differs).
			d := vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d-%d", batch, i)), PageCount: 1 + rng.IntN(3)}
			for p := range d.PageCount {
				var text []string
				for range 5 + rng.IntN(30) {
					// Skewed: the first syllables are in nearly every
					// document, several times; the last in few.
					text = append(text, words[min(rng.IntN(len(words)), rng.IntN(len(words)))])
				}
				d.Pages = append(d.Pages, vanthu.Page{Number: p + 1, Text: strings.Join(text, " "), Done: true})
			}
			docs = append(docs, d)
		}
		if err := ix.PutBatch(docs); err != nil {
			t.Fatal(err)
		}
	}
	// Two segments with deleted documents, one without.
	put(0)
	put(1)
	for i := 0; i < perBatch; i += 1 + rng.IntN(12) {
		if err := ix.Delete(vanthu.RefOf(fmt.Appendf(nil, "d%d-%d", i%2, i))); err != nil {
			t.Fatal(err)
		}
	}
	put(2)
	snap := snapshot(t, ix)

	checked, clean, deleted := 0, 0, 0
	for _, ss := range snap.Segments() {
		if z, ok := ss.Segment().(*zap.Segment); !ok || z.ChunkMode() != mode {
			t.Fatalf("a segment not of chunk mode %d: %T", mode, ss.Segment())
		}
		if d := ss.Deleted(); d == nil || d.IsEmpty() {
			clean++
		} else {
			deleted++
		}
		seg := ss.Segment()
		d, err := seg.Dictionary(FieldTextFolded)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"van", "hanh", "cach", "ban"} {
			pl, err := d.PostingsList([]byte(w), ss.Deleted(), nil)
			if err != nil {
				t.Fatal(err)
			}
			checked += advanceMatchesNext(t, pl, rng, w)
		}
	}
	if checked < 10000 || clean == 0 || deleted == 0 {
		t.Fatalf("%d postings checked in %d segments without deleted documents and %d with: not the index the test means to read", checked, clean, deleted)
	}
	t.Logf("%d postings read both ways, in %d segments without deleted documents and %d with", checked, clean, deleted)
}

// Advance lands where Next does in posting lists of several roaring
// containers (65,536 documents each): full, dense and sparse ones
// (bitmaps and arrays), lists absent from some containers, with deleted
// documents and without. A jump ranks its target in the list's bitmap,
// counting on from the iterator's last rank (third_party/zapx/rank.go);
// a rank off by one reads another posting's frequency and positions.
func TestAdvanceAcrossContainers(t *testing.T) {
	const docs = 150000 // three containers, the last partly filled
	in := map[string]func(d int) bool{
		"all":    func(int) bool { return true },
		"half":   func(d int) bool { return d%2 == 0 },
		"rare":   func(d int) bool { return d%97 == 0 },
		"middle": func(d int) bool { return d >= 70000 && d < 120000 },
		"mixed":  func(d int) bool { return d < 1<<16 && d%3 == 0 || d >= 1<<16 && d < 2<<16 && d%50 == 0 },
		"late":   func(d int) bool { return d >= 2<<16 && d%5 == 0 },
	}
	terms := slices.Sorted(maps.Keys(in))
	a, err := registry.NewCache().AnalyzerNamed(simple.Name)
	if err != nil {
		t.Fatal(err)
	}
	results := make([]bindex.Document, docs)
	for d := range docs {
		// the terms at positions that differ from document to document,
		// and some twice
		words := slices.Repeat([]string{"x"}, d%5)
		for _, term := range terms {
			if in[term](d) {
				words = append(words, term)
				if d%7 == 0 {
					words = append(words, "x", term)
				}
			}
		}
		doc := document.NewDocument(fmt.Sprint(d))
		doc.AddField(document.NewTextFieldCustom("f", nil, []byte(strings.Join(words, " ")), bindex.IndexField|bindex.IncludeTermVectors, a))
		doc.AddIDField()
		doc.VisitFields(func(f bindex.Field) { f.Analyze() })
		results[d] = doc
	}
	seg, _, err := (&zap.ZapPlugin{}).New(results)
	if err != nil {
		t.Fatal(err)
	}
	defer seg.Close()
	dict, err := seg.Dictionary("f")
	if err != nil {
		t.Fatal(err)
	}
	deleted := roaring.New()
	for d := 0; d < docs; d += 1 + d%13 {
		deleted.Add(uint32(d))
	}
	rng := rand.New(rand.NewPCG(9, 10))
	checked := 0
	for _, except := range []*roaring.Bitmap{nil, deleted} {
		for _, term := range terms {
			pl, err := dict.PostingsList([]byte(term), except, nil)
			if err != nil {
				t.Fatal(err)
			}
			checked += advanceMatchesNext(t, pl, rng, term)
			checked += firstAdvanceMatchesNext(t, pl, rng, term, docs)
		}
	}
	if checked < 20000 {
		t.Fatalf("%d postings checked: not the lists the test means to read", checked)
	}
}

// nextAll reads every posting of pl with Next.
func nextAll(t *testing.T, pl segment.PostingsList, freq, locs bool) []posting {
	t.Helper()
	var all []posting
	it := pl.Iterator(freq, freq, locs, nil)
	for p, err := it.Next(); p != nil || err != nil; p, err = it.Next() {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, read(p))
	}
	return all
}

// firstAdvanceMatchesNext makes a new iterator of pl for each of 200
// targets up to docs and jumps to it at once, from the start of the list
// to anywhere in it; the jump lands on the posting Next reads there. It
// returns the postings it checked.
func firstAdvanceMatchesNext(t *testing.T, pl segment.PostingsList, rng *rand.Rand, w string, docs int) (checked int) {
	t.Helper()
	all := nextAll(t, pl, true, true)
	for range 200 {
		at := uint64(rng.IntN(docs))
		k, _ := slices.BinarySearchFunc(all, at, func(p posting, at uint64) int { return cmp.Compare(p.doc, at) })
		p, err := pl.Iterator(true, true, true, nil).Advance(at)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case k == len(all) && p != nil:
			t.Fatalf("%q: past the end, a first Advance(%d) gave document %d", w, at, p.Number())
		case k == len(all):
		case p == nil:
			t.Fatalf("%q: a first Advance(%d) gave nothing; Next reads %+v", w, at, all[k])
		case read(p) != all[k]:
			t.Fatalf("%q: a first Advance(%d):\n got %+v\nwant %+v", w, at, read(p), all[k])
		default:
			checked++
		}
	}
	return checked
}

// advanceMatchesNext jumps through pl with Advance, in strides short and
// long mixed with Next, with and without freqs and locations, and fails
// unless each jump lands on the posting Next reads there. It returns the
// postings it checked.
func advanceMatchesNext(t *testing.T, pl segment.PostingsList, rng *rand.Rand, w string) (checked int) {
	t.Helper()
	for _, mode := range []struct{ freq, locs bool }{{true, true}, {true, false}, {false, false}} {
		all := nextAll(t, pl, mode.freq, mode.locs)
		for _, stride := range []uint64{1, 3, 40, 700, 1500} {
			it := pl.Iterator(mode.freq, mode.freq, mode.locs, nil)
			var at uint64
			k := 0 // the first of all at or after at
			for step := 0; ; step++ {
				var p segment.Posting
				var err error
				if step%3 == 2 {
					p, err = it.Next()
				} else {
					at += uint64(rng.IntN(int(stride)))
					for k < len(all) && all[k].doc < at {
						k++
					}
					p, err = it.Advance(at)
				}
				if err != nil {
					t.Fatal(err)
				}
				if k == len(all) {
					if p != nil {
						t.Fatalf("%q %+v stride %d: past the end, Advance(%d) gave document %d", w, mode, stride, at, p.Number())
					}
					break
				}
				if p == nil {
					t.Fatalf("%q %+v stride %d: Advance(%d) gave nothing; Next reads %+v", w, mode, stride, at, all[k])
				}
				if got := read(p); got != all[k] {
					t.Fatalf("%q %+v stride %d at %d:\n got %+v\nwant %+v", w, mode, stride, at, got, all[k])
				}
				checked++
				at = all[k].doc + 1
				k++
			}
		}
	}
	return checked
}

// BenchmarkAdvanceWithLocations jumps through a common syllable's
// postings with their locations, as a phrase is matched by positions
// (Sets.Phrase) and the second pass of a search reads its documents:
// each jump reads past the entries of the chunk before its target,
// locations included.
func BenchmarkAdvanceWithLocations(b *testing.B) {
	ix, err := Open(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"văn", "bản", "hành", "chính", "cải", "cách", "quyết", "định", "ủy", "ban"}
	var docs []vanthu.Document
	for i := range 20000 {
		var text []string
		for range 40 + rng.IntN(80) {
			text = append(text, words[min(rng.IntN(len(words)), rng.IntN(len(words)))])
		}
		docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", i)), PageCount: 1,
			Pages: []vanthu.Page{{Number: 1, Text: strings.Join(text, " "), Done: true}}})
	}
	if err := ix.PutBatch(docs); err != nil {
		b.Fatal(err)
	}
	snap := snapshot(b, ix)
	seg := snap.Segments()[0]
	d, err := seg.Segment().Dictionary(FieldTextFolded)
	if err != nil {
		b.Fatal(err)
	}
	pl, err := d.PostingsList([]byte("van"), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	jumps := 0
	for b.Loop() {
		it := pl.Iterator(true, true, true, nil)
		for n := uint64(0); ; n += 37 {
			p, err := it.Advance(n)
			if err != nil {
				b.Fatal(err)
			}
			if p == nil {
				break
			}
			jumps++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(jumps), "ns/jump")
}
