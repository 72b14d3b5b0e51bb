package index

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	zap "github.com/blevesearch/zapx/v17"

	"github.com/vanthu/vanthu"
)

// Compact locations (chunk mode 1028, third_party/zapx/locs.go) and norms
// kept a document each (1029, norms.go) read back as zapx's own encoding
// (1027) gives them: the same documents, frequencies, norms and term
// vectors (field, position, offsets, array positions) for every term of
// every field. Documents have
// one to four pages, syllables repeated within a page and across pages,
// a subject and a number (whose vectors keep their offsets). Segments are
// written by batches, merged by Bleve and compacted, with deleted
// documents, from segments written alike (their bytes copied) and from
// an index made before (1027, whose page text kept its offsets: decoded
// and written again).
func TestCompactLocationsReadAsWritten(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := strings.Fields("văn bản hành chính cải cách quyết định ủy ban nhân dân tỉnh sở tài chính kế hoạch đầu tư")
	text := func(n int) string {
		var ws []string
		for range n {
			ws = append(ws, words[min(rng.IntN(len(words)), rng.IntN(len(words)))])
		}
		return strings.Join(ws, " ")
	}
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
		want := postingsOf(t, build([]uint32{1027, 1027, 1027}, firstOffsets, false))
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
				got := postingsOf(t, ix)
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
			})
		}
	}
}

// postingsOf reads every posting of every field, by document ID, field
// and term: its frequency, norm and term vectors.
func postingsOf(t *testing.T, ix *Index) map[string]string {
	t.Helper()
	r := snapshot(t, ix)
	out := map[string]string{}
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
				var b strings.Builder
				fmt.Fprintf(&b, "freq %d norm %g:", d.Freq, d.Norm)
				for _, v := range d.Vectors {
					fmt.Fprintf(&b, " %s@%d[%d:%d]%v", v.Field, v.Pos, v.Start, v.End, v.ArrayPositions)
				}
				out[id+" "+field+" "+e.Term] = b.String()
			}
			tfr.Close()
		}
		dict.Close()
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
// by form feeds) and subject in chunk modes 1027, 1028 and 1029, and
// reads every posting back from each: the same.
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
		var got []map[string]string
		for _, mode := range []uint32{1027, 1028, 1029} {
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
			got = append(got, postingsOf(t, ix))
			ix.Close()
		}
		for m, mode := range []uint32{1028, 1029} {
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
