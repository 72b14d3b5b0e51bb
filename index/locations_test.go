package index

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/vanthu/vanthu"
)

// Compact locations (chunk mode 1028, third_party/zapx/locs.go), norms
// kept a document each (1029, norms.go), locations without their length
// (1030) and stored documents in zstd (1031, stored.go) read back as
// zapx's own encoding (1027) gives them: the same documents, frequencies,
// norms and term vectors (field, position, offsets, array positions) for
// every term of every field, and the same stored fields. Documents have
// one to four pages, syllables repeated within a page and across pages,
// a subject and a number (whose vectors keep their offsets). Segments are
// written by batches, merged by Bleve and compacted, with deleted
// documents, from segments written alike (their bytes copied) and from
// an index made before (1027, whose page text kept its offsets: decoded
// and written again).
func TestCompactLocationsReadAsWritten(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	text := skewedText(rng, "văn bản hành chính cải cách quyết định ủy ban nhân dân tỉnh sở tài chính kế hoạch đầu tư")
	const batches, each = 3, 800
	var docs [batches][]vanthu.Document
	for b := range batches {
		for i := range each {
			d := vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d-%d", b, i)), PageCount: 1 + rng.IntN(4)}
			for p := range d.PageCount {
				d.Pages = append(d.Pages, vanthu.Page{Number: p + 1, Text: text(1 + rng.IntN(150)), Done: true})
			}
			d.Metadata.Subject = text(3 + rng.IntN(12))
			d.Metadata.Number = fmt.Sprintf("%d/QĐ-UBND", rng.IntN(300))
			docs[b] = append(docs[b], d)
		}
	}
	deleted := func(b, i int) bool { return (b*each+i)%9 == 0 }

	// build indexes the batches, batch k in chunk mode modes[k], the first
	// with its page text's offsets when firstOffsets, deletes every ninth
	// document, and compacts the index when compact.
	build := func(modes []uint32, firstOffsets, compact bool) *Index {
		t.Helper()
		ix, err := Open(filepath.Join(t.TempDir(), "index"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		was, wasPositions := zap.DefaultChunkMode, maps.Clone(positionsOnly)
		defer func() { zap.DefaultChunkMode, positionsOnly = was, wasPositions }()
		for b := range batches {
			zap.DefaultChunkMode = modes[b]
			positionsOnly = wasPositions
			if b == 0 && firstOffsets {
				positionsOnly = map[string]bool{}
			}
			if err := ix.PutBatch(docs[b]); err != nil {
				t.Fatal(err)
			}
		}
		for b := range batches {
			for i := range each {
				if deleted(b, i) {
					if err := ix.Delete(docs[b][i].ID); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		zap.DefaultChunkMode = was
		if compact {
			if err := ix.Compact(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		return ix
	}
	modesOf := func(snap []*zap.Segment) []uint32 {
		var out []uint32
		for _, s := range snap {
			out = append(out, s.ChunkMode())
		}
		return out
	}

	for _, firstOffsets := range []bool{false, true} {
		before := build([]uint32{1027, 1027, 1027}, firstOffsets, false).Bleve()
		want, wantStored := postingsOf(t, before), storedOf(t, before)
		if len(wantStored) < 2000 {
			t.Fatalf("%d stored documents: not the index the test means to read", len(wantStored))
		}
		if len(want) < 40000 || len(norms(want)) < 100 {
			t.Fatalf("%d postings, %d norms: not the index the test means to read", len(want), len(norms(want)))
		}
		for _, c := range []struct {
			name    string
			modes   []uint32
			compact bool
		}{
			{"1028", []uint32{1028, 1028, 1028}, false},
			{"1029", []uint32{1029, 1029, 1029}, false},
			{"1029, compacted", []uint32{1029, 1029, 1029}, true},
			{"1028, compacted", []uint32{1028, 1028, 1028}, true},
			{"1027 and 1028, compacted", []uint32{1027, 1028, 1028}, true},
			{"1027, 1028 and 1029, compacted", []uint32{1027, 1028, 1029}, true},
			{"1030", []uint32{1030, 1030, 1030}, false},
			{"1030, compacted", []uint32{1030, 1030, 1030}, true},
			{"1027, 1029 and 1030, compacted", []uint32{1027, 1029, 1030}, true},
			{"1031", []uint32{1031, 1031, 1031}, false},
			{"1031, compacted", []uint32{1031, 1031, 1031}, true},
			{"1027, 1030 and 1031, compacted", []uint32{1027, 1030, 1031}, true},
		} {
			t.Run(fmt.Sprintf("%s, first batch's offsets %v", c.name, firstOffsets), func(t *testing.T) {
				ix := build(c.modes, firstOffsets, c.compact)
				var segs []*zap.Segment
				for _, ss := range snapshot(t, ix).Segments() {
					if z, ok := ss.Segment().(*zap.Segment); ok {
						segs = append(segs, z)
					}
				}
				if c.compact && !slices.Equal(modesOf(segs), []uint32{zap.DefaultChunkMode}) {
					t.Fatalf("compacted into segments of chunk modes %v, want one of %d", modesOf(segs), zap.DefaultChunkMode)
				}
				if g, w := storedOf(t, ix.Bleve()), wantStored; !maps.Equal(g, w) {
					t.Errorf("stored documents differ from those of 1027 (%d documents, want %d)", len(g), len(w))
				}
				got := postingsOf(t, ix.Bleve())
				samePostings(t, got, want)
			})
		}
	}
}

// A new segment reads the page text's fields, which index.Document
// makes with vi.Shared, as slices of their terms (TermLocations,
// third_party/zapx): the postings and stored fields are those Bleve's own
// text fields give, whose maps of terms it reads otherwise. Documents
// have one to four pages, syllables repeated within a page and across
// pages, and offsets kept in every field, as Bleve's fields keep them.
func TestSharedFieldsIndexAsBleves(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	text := skewedText(rng, "văn bản hành chính cải cách quyết định ủy ban nhân dân tỉnh sở tài chính kế hoạch đầu tư")
	var docs []vanthu.Document
	for i := range 600 {
		d := vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", i)), PageCount: 1 + rng.IntN(4)}
		for p := range d.PageCount {
			d.Pages = append(d.Pages, vanthu.Page{Number: p + 1, Text: text(1 + rng.IntN(120)), Done: true})
		}
		d.Metadata = vanthu.Metadata{Subject: text(3 + rng.IntN(12)), Number: fmt.Sprintf("%d/QĐ-UBND", rng.IntN(300)),
			Signer: text(3), Place: text(2), Issuer: "UBND tỉnh " + text(1), IssuedDate: "2024-03-05"}
		docs = append(docs, d)
	}
	was := positionsOnly
	positionsOnly = map[string]bool{}
	defer func() { positionsOnly = was }()

	shared, err := Open(filepath.Join(t.TempDir(), "shared"))
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Close()
	if err := shared.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	bleves, err := Open(filepath.Join(t.TempDir(), "bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer bleves.Close()
	b := bleves.b.NewBatch()
	for _, d := range docs {
		e, err := toEntry(d)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.NewDocument(string(d.ID))
		if err := bleves.b.Mapping().MapDocument(doc, e); err != nil {
			t.Fatal(err)
		}
		if err := b.IndexAdvanced(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := bleves.b.Batch(b); err != nil {
		t.Fatal(err)
	}

	want := postingsOf(t, bleves.Bleve())
	if len(want) < 30000 {
		t.Fatalf("%d postings: not the index the test means to read", len(want))
	}
	samePostings(t, postingsOf(t, shared.Bleve()), want)
	if g, w := storedOf(t, shared.Bleve()), storedOf(t, bleves.Bleve()); !maps.Equal(g, w) {
		t.Errorf("stored documents differ from Bleve's (%d documents, want %d)", len(g), len(w))
	}
}

// skewedText returns a maker of texts of n syllables drawn from words,
// the first ones often, the last ones seldom.
func skewedText(rng *rand.Rand, words string) func(n int) string {
	ws := strings.Fields(words)
	return func(n int) string {
		var out []string
		for range n {
			out = append(out, ws[min(rng.IntN(len(ws)), rng.IntN(len(ws)))])
		}
		return strings.Join(out, " ")
	}
}

// samePostings reports whether got holds the postings of want, and
// fails the test with the first differences if not.
func samePostings(t *testing.T, got, want map[string]string) bool {
	t.Helper()
	n := 0
	for k, w := range want {
		if g := got[k]; g != w {
			if n++; n <= 5 {
				t.Errorf("%s:\n got %s\nwant %s", k, g, w)
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d postings, want %d", len(got), len(want))
	}
	return n == 0 && len(got) == len(want)
}

// readerOf returns a reader of b's snapshot, closed with the test.
func readerOf(t testing.TB, b bleve.Index) *scorch.IndexSnapshot {
	t.Helper()
	adv, err := b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r.(*scorch.IndexSnapshot)
}

// postingsOf reads every posting of every field, by document ID, field
// and term: its frequency, norm and term vectors.
func postingsOf(t *testing.T, ix bleve.Index) map[string]string {
	t.Helper()
	r := readerOf(t, ix)
	out := map[string]string{}
	var b []byte
	fields, err := r.Fields()
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range fields {
		dict, err := r.FieldDict(field)
		if err != nil {
			t.Fatal(err)
		}
		for e, err := dict.Next(); e != nil || err != nil; e, err = dict.Next() {
			if err != nil {
				t.Fatal(err)
			}
			tfr, err := r.TermFieldReader(context.Background(), []byte(e.Term), field, true, true, true)
			if err != nil {
				t.Fatal(err)
			}
			for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
				if err != nil {
					t.Fatal(err)
				}
				id, err := r.ExternalID(d.ID)
				if err != nil {
					t.Fatal(err)
				}
				// "freq F norm N: field@pos[start:end][array positions] …",
				// written without fmt: the test reads hundreds of
				// thousands of postings.
				b = append(b[:0], "freq "...)
				b = strconv.AppendUint(b, d.Freq, 10)
				b = append(b, " norm "...)
				b = strconv.AppendFloat(b, d.Norm, 'g', -1, 64)
				b = append(b, ':')
				for _, v := range d.Vectors {
					b = append(append(append(b, ' '), v.Field...), '@')
					b = strconv.AppendUint(b, v.Pos, 10)
					b = strconv.AppendUint(append(b, '['), v.Start, 10)
					b = strconv.AppendUint(append(b, ':'), v.End, 10)
					b = append(b, "]["...)
					for i, a := range v.ArrayPositions {
						if i > 0 {
							b = append(b, ' ')
						}
						b = strconv.AppendUint(b, a, 10)
					}
					b = append(b, ']')
				}
				out[id+" "+field+" "+e.Term] = string(b)
			}
			tfr.Close()
		}
		dict.Close()
	}
	return out
}

// A posting may have fewer locations than its freq: in a composite
// field (Bleve's _all) a syllable counts in every field it gathers, and
// has locations only from those that keep term vectors. Chunk mode 1030,
// which writes no length before a posting's locations, then says how
// many in its first (third_party/zapx/locs.go). Such postings read back
// as zapx's own encoding (1027) gives them, written, merged and
// compacted, and jumps through them with Advance land where Next does.
func TestLocationsFewerThanFreq(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	text := skewedText(rng, "văn bản hành chính cải cách quyết định ủy ban")
	type doc struct{ With, Without string }
	var docs [3][]doc
	for b := range docs {
		for range 700 {
			docs[b] = append(docs[b], doc{text(1 + rng.IntN(40)), text(1 + rng.IntN(40))})
		}
	}
	// _all gathers both fields; only "With" keeps term vectors.
	dm := bleve.NewDocumentStaticMapping()
	with := bleve.NewTextFieldMapping()
	with.IncludeTermVectors = true
	without := bleve.NewTextFieldMapping()
	without.IncludeTermVectors = false
	dm.AddFieldMappingsAt("With", with)
	dm.AddFieldMappingsAt("Without", without)
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm

	build := func(modes []uint32, compact bool) bleve.Index {
		t.Helper()
		b, err := bleve.NewUsing(filepath.Join(t.TempDir(), "index"), im, scorch.Name, scorch.Name, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		was := zap.DefaultChunkMode
		defer func() { zap.DefaultChunkMode = was }()
		for k, batch := range docs {
			zap.DefaultChunkMode = modes[k]
			bt := b.NewBatch()
			for i, d := range batch {
				if err := bt.Index(fmt.Sprintf("d%d-%d", k, i), d); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.Batch(bt); err != nil {
				t.Fatal(err)
			}
		}
		for k := range docs {
			for i := 0; i < len(docs[k]); i += 7 {
				if err := b.Delete(fmt.Sprintf("d%d-%d", k, i)); err != nil {
					t.Fatal(err)
				}
			}
		}
		zap.DefaultChunkMode = was
		if compact {
			adv, err := b.Advanced()
			if err != nil {
				t.Fatal(err)
			}
			if err := adv.(*scorch.Scorch).ForceMerge(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
		return b
	}

	want := postingsOf(t, build([]uint32{1027, 1027, 1027}, false))
	fewer := 0
	for k, p := range want {
		var freq int
		fmt.Sscanf(p, "freq %d", &freq)
		if strings.Contains(k, " _all ") && strings.Count(p, "@") < freq {
			fewer++
		}
	}
	if fewer < 1000 {
		t.Fatalf("%d postings of _all with fewer locations than their freq: not the index the test means to read", fewer)
	}
	for _, c := range []struct {
		name    string
		modes   []uint32
		compact bool
	}{
		{"1030", []uint32{1030, 1030, 1030}, false},
		{"1030, compacted", []uint32{1030, 1030, 1030}, true},
		{"1027, 1029 and 1030, compacted", []uint32{1027, 1029, 1030}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := build(c.modes, c.compact)
			got := postingsOf(t, b)
			if !samePostings(t, got, want) {
				t.FailNow()
			}
			r := readerOf(t, b)
			checked := 0
			for _, ss := range r.Segments() {
				if _, ok := ss.Segment().(*zap.Segment); !ok {
					t.Fatalf("a segment of %T, not of zapx", ss.Segment())
				}
				d, err := ss.Segment().Dictionary("_all")
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range []string{"văn", "bản", "cải", "ban"} {
					var pl segment.PostingsList
					if pl, err = d.PostingsList([]byte(w), ss.Deleted(), nil); err != nil {
						t.Fatal(err)
					}
					checked += advanceMatchesNext(t, pl, rng, w)
				}
			}
			if checked < 5000 {
				t.Fatalf("%d postings checked by Advance", checked)
			}
		})
	}
}

// storedOf reads every document's stored fields, by document ID.
func storedOf(t *testing.T, b bleve.Index) map[string]string {
	t.Helper()
	r := readerOf(t, b)
	ids, err := r.DocIDReaderAll()
	if err != nil {
		t.Fatal(err)
	}
	defer ids.Close()
	out := map[string]string{}
	for id, err := ids.Next(); id != nil || err != nil; id, err = ids.Next() {
		if err != nil {
			t.Fatal(err)
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			t.Fatal(err)
		}
		d, err := r.Document(ext)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		d.VisitFields(func(f bindex.Field) {
			fmt.Fprintf(&sb, "%s%v=%q;", f.Name(), f.ArrayPositions(), f.Value())
		})
		out[ext] = sb.String()
	}
	return out
}

// norms returns the distinct norms of postings.
func norms(postings map[string]string) map[string]bool {
	out := map[string]bool{}
	for _, p := range postings {
		freq, _, _ := strings.Cut(p, ":")
		out[freq[strings.Index(freq, "norm"):]] = true
	}
	return out
}

// FuzzCompactLocations indexes one document of the fuzzer's pages (parted
// by form feeds) and subject in chunk modes 1027 to 1031, and
// reads every posting and the stored document back from each: the same.
func FuzzCompactLocations(f *testing.F) {
	f.Add("văn bản hành chính văn bản\fcải cách hành chính cải cách", "Về việc cải cách hành chính")
	f.Add("a a a a\f\fb a b a", "a")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, subject string) {
		d := vanthu.Document{ID: vanthu.RefOf([]byte("fuzz")), Metadata: vanthu.Metadata{Subject: subject}}
		for i, p := range strings.Split(text, "\f") {
			d.Pages = append(d.Pages, vanthu.Page{Number: i + 1, Text: p, Done: true})
		}
		d.PageCount = len(d.Pages)
		var got, stored []map[string]string
		for _, mode := range []uint32{1027, 1028, 1029, 1030, 1031} {
			was := zap.DefaultChunkMode
			zap.DefaultChunkMode = mode
			ix, err := Open(filepath.Join(t.TempDir(), "index"))
			if err == nil {
				err = ix.PutBatch([]vanthu.Document{d})
			}
			zap.DefaultChunkMode = was
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, postingsOf(t, ix.Bleve()))
			stored = append(stored, storedOf(t, ix.Bleve()))
			ix.Close()
		}
		for m, mode := range []uint32{1028, 1029, 1030, 1031} {
			if !maps.Equal(stored[0], stored[m+1]) {
				t.Fatalf("stored document:\n %d %v\n 1027 %v", mode, stored[m+1], stored[0])
			}
			if maps.Equal(got[0], got[m+1]) {
				continue
			}
			for k, w := range got[0] {
				if got[m+1][k] != w {
					t.Fatalf("%s:\n %d %s\n 1027 %s", k, mode, got[m+1][k], w)
				}
			}
			t.Fatalf("%d has %d postings, 1027 %d", mode, len(got[m+1]), len(got[0]))
		}
	})
}
