package index

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/vanthu/vanthu"
)

// Compacting leaves one segment, the only one on disk, that answers as the
// many did: the same documents for a query, deleted ones still gone. The
// first batch is written as an index made before Vanthu's chunk mode
// (zapx's 1026); the merged segment is in Vanthu's (zap.DefaultChunkMode).
func TestCompact(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() }) // after the snapshot's reader closes
	texts := []string{"cải cách hành chính", "chuyển đổi số", "ngân sách nhà nước"}
	// Batches larger than Bleve's floor segment (2,000 documents), which
	// its own merging leaves apart.
	const batches, each = 3, 2100
	vanthuMode := zap.DefaultChunkMode
	t.Cleanup(func() { zap.DefaultChunkMode = vanthuMode })
	for batch := range batches {
		zap.DefaultChunkMode = vanthuMode
		if batch == 0 {
			zap.DefaultChunkMode = 1026
		}
		var docs []vanthu.Document
		for i := range each {
			n := batch*each + i
			docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", n)), PageCount: 1,
				Pages: []vanthu.Page{{Number: 1, Text: texts[n%3], Done: true}}})
		}
		if err := ix.PutBatch(docs); err != nil {
			t.Fatal(err)
		}
	}
	for n := 0; n < batches*each; n += 7 {
		if err := ix.Delete(vanthu.RefOf(fmt.Appendf(nil, "d%d", n))); err != nil {
			t.Fatal(err)
		}
	}
	find := func() []string {
		q := bleve.NewMatchQuery("cai cach")
		q.SetField(FieldTextFolded)
		q.Analyzer = Analyzers[FieldTextFolded]
		res, err := ix.Bleve().Search(bleve.NewSearchRequestOptions(q, 10000, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return ids
	}
	before, segs := find(), ix.Segments()
	if segs < 2 {
		t.Fatalf("%d segment(s) before compacting; the test needs several", segs)
	}
	t0 := time.Now()
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d segments compacted in %v", segs, time.Since(t0))
	if n := ix.Segments(); n != 1 {
		t.Errorf("%d segments after compacting %d, want 1", n, segs)
	}
	if zaps, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap")); len(zaps) != 1 {
		t.Errorf("%d segment files on disk after compacting, want the merged one alone", len(zaps))
	}
	deleted := (batches*each + 6) / 7
	if after := find(); !slices.Equal(after, before) || len(before) < 1800 {
		t.Errorf("compacted: %d hits, before %d", len(after), len(before))
	}
	if n, _ := ix.Count(); n != uint64(batches*each-deleted) {
		t.Errorf("%d documents after compacting, want %d", n, batches*each-deleted)
	}
	for _, ss := range snapshot(t, ix).Segments() {
		if z, ok := ss.Segment().(*zap.Segment); !ok || z.ChunkMode() != zap.DefaultChunkMode {
			t.Errorf("compacted segment %T not in chunk mode %d", ss.Segment(), zap.DefaultChunkMode)
		}
	}
}

// Compact merges many segments into one in one merge, which writes the
// index once: Bleve's own tasks of ten segments at most merged 12 in three
// (ten into one and two into one, then those two).
func TestCompactMergesOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	// Bleve's background merging would merge some of the segments first.
	ix, err = openWith(dir, map[string]any{"scorchMergePlanOptions": map[string]any{"MaxSegmentsPerTier": 1000, "FloorSegmentSize": 1}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for b := range 12 {
		if err := ix.PutBatch(textDocs(b*20, 20)); err != nil {
			t.Fatal(err)
		}
		if !ix.Settle(30 * time.Second) {
			t.Fatal("not settled after a batch")
		}
	}
	if n := ix.Segments(); n != 12 {
		t.Fatalf("%d segments before compacting, want the 12 batches'", n)
	}
	sc, _ := ix.scorch()
	merges := func() uint64 { n, _ := sc.StatsMap()["TotFileMergeZapEnd"].(uint64); return n }
	before := merges()
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n, c := ix.Segments(), merges()-before; n != 1 || c != 1 {
		t.Errorf("compacting 12 segments left %d in %d merges, want 1 in 1", n, c)
	}
	if n, _ := ix.Count(); n != 240 {
		t.Errorf("%d documents after compacting, want 240", n)
	}
}

// A bulk import's index (OpenForImport), new or made before, keeps
// segments of a size until there are importTier of them, where Open's
// merges them ten at a time: twelve batches of 2,000 documents (Bleve's
// smallest tier) stay twelve segments, and become one when compacted.
func TestOpenForImportMergesInWiderTiers(t *testing.T) {
	segments := func(open func(string) (*Index, error), made bool) (int, *Index) {
		dir := filepath.Join(t.TempDir(), "index")
		if made {
			ix, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
		}
		ix, err := open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		for b := range 12 {
			var docs []vanthu.Document
			for i := b * 2000; i < (b+1)*2000; i++ {
				docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", i)), PageCount: 1,
					Pages: []vanthu.Page{{Number: 1, Text: fmt.Sprintf("văn bản số %d", i), Done: true}}})
			}
			if err := ix.PutBatch(docs); err != nil {
				t.Fatal(err)
			}
			if !ix.Settle(30 * time.Second) {
				t.Fatal("not settled after a batch")
			}
		}
		return ix.Segments(), ix
	}
	for _, made := range []bool{false, true} {
		imported, ix := segments(OpenForImport, made)
		opened, _ := segments(Open, made)
		if imported != 12 || opened >= 12 {
			t.Errorf("index made before: %v; 12 batches left %d segments for an import, want 12, and %d for a search, want fewer", made, imported, opened)
		}
		if err := ix.Compact(context.Background()); err != nil {
			t.Fatal(err)
		}
		if n, _ := ix.Count(); n != 24000 || ix.Segments() != 1 {
			t.Errorf("compacted: %d documents in %d segments, want 24,000 in 1", n, ix.Segments())
		}
	}
}

// What Compact leaves right after batches were written (as `vanthu import
// --compact` does) is what the index opens with: one segment holding every
// document. Ten rounds, as Bleve's background merging is timed
// differently each time.
func TestCompactedIndexOpensInOneSegment(t *testing.T) {
	for round := range 10 {
		dir := filepath.Join(t.TempDir(), "index")
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		for b := range 3 {
			var docs []vanthu.Document
			for i := range 40 {
				docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "r%d-%d-%d", round, b, i)), PageCount: 1,
					Pages: []vanthu.Page{{Number: 1, Text: "cải cách hành chính", Done: true}}})
			}
			if err := ix.PutBatch(docs); err != nil {
				t.Fatal(err)
			}
		}
		if err := ix.Compact(context.Background()); err != nil {
			t.Fatal(err)
		}
		ix.Close()
		if ix, err = Open(dir); err != nil {
			t.Fatal(err)
		}
		n, count := ix.Segments(), 0
		if c, err := ix.Count(); err == nil {
			count = int(c)
		}
		ix.Close()
		if n != 1 || count != 120 {
			t.Fatalf("round %d: opened with %d segments and %d documents, want 1 and 120", round, n, count)
		}
	}
}

// An index opened from disk, idle once Bleve's merger and persister have
// looked at it, is settled: Compact and vanthu compact do not wait out
// their limit on it.
func TestSettleOpenedFromDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.PutBatch(textDocs(0, 50)); err != nil {
		t.Fatal(err)
	}
	if !ix.Settle(30 * time.Second) {
		t.Fatal("not settled after a batch")
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sc, _ := ix.scorch()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if merged, _ := sc.StatsMap()["LastMergedEpoch"].(uint64); merged > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Bleve's merger never looked at the index")
		}
	}
	if !ix.Settle(2 * time.Second) {
		s := sc.StatsMap()
		t.Errorf("an idle index opened from disk is not settled: root epoch %v, merged %v, persisted %v",
			s["CurRootEpoch"], s["LastMergedEpoch"], s["LastPersistedEpoch"])
	}
}
