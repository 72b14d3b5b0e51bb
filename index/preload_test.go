package index

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/vanthu/vanthu"
)

// Preloading maps the whole of each segment file into the process (its
// resident pages in /proc/self/smaps come to the file's size), warms the
// facets' cache, maps in the segment a later compaction makes, and stops
// with Close.
func TestPreload(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/smaps")
	}
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	t.Cleanup(func() {
		if !closed {
			ix.Close()
		}
	})
	put := func(from, n int) {
		t.Helper()
		var docs []vanthu.Document
		for i := from; i < from+n; i++ {
			docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", i)), PageCount: 1,
				Metadata: vanthu.Metadata{DocType: []string{"Công văn", "Quyết định"}[i%2], IssuedDate: fmt.Sprintf("2024-%02d-10", 1+i%12)},
				Pages:    []vanthu.Page{{Number: 1, Text: fmt.Sprintf("văn bản số %d về cải cách hành chính năm %d", i, 2000+i%25), Done: true}}})
		}
		if err := ix.PutBatch(docs); err != nil {
			t.Fatal(err)
		}
		if err := ix.Compact(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	put(0, 3000)
	put(3000, 3000) // two batches compacted into one segment file
	ix.Preload(0, 20*time.Millisecond, slog.New(slog.DiscardHandler))
	zap := waitPreloaded(t, ix, "")
	if rss, size := mappedIn(t, zap); rss < size {
		t.Errorf("%s: %d of its %d kB mapped in after preloading", filepath.Base(zap), rss, size)
	}
	ix.terms.mu.Lock()
	gathered := 0
	for _, fields := range ix.terms.segs {
		if ft := fields[FieldDocType]; ft != nil && ft.ready.Load() && len(ft.values) == 6000 {
			gathered++
		}
	}
	ix.terms.mu.Unlock()
	if gathered != 1 {
		t.Errorf("the doc types by document are not gathered after preloading")
	}

	// A compaction makes a new segment file, mapped in at the next look.
	put(6000, 3000)
	put(9000, 3000)
	merged := waitPreloaded(t, ix, zap)
	if rss, size := mappedIn(t, merged); rss < size {
		t.Errorf("%s: %d of its %d kB mapped in after preloading", filepath.Base(merged), rss, size)
	}
	done := make(chan error)
	closed = true
	go func() { done <- ix.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the preloading")
	}
}

// An index larger than the limit is not preloaded, and says how large it
// is.
func TestPreloadLimit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var docs []vanthu.Document
	for i := range 3000 {
		docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", i)), PageCount: 1,
			Pages: []vanthu.Page{{Number: 1, Text: "cải cách hành chính", Done: true}}})
	}
	if err := ix.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	ix.Preload(1<<10, 20*time.Millisecond, slog.New(slog.DiscardHandler))
	deadline := time.Now().Add(10 * time.Second)
	for {
		mapped, total := ix.Preloaded()
		if total > 0 {
			if mapped != 0 {
				t.Errorf("%d bytes mapped in over a limit of 1 kB", mapped)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the index's size was never reported")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitPreloaded waits until the index's one segment file, other than
// old, is preloaded, and returns its path.
func waitPreloaded(t *testing.T, ix *Index, old string) string {
	t.Helper()
	// The live segments are the index's snapshot's: a file merged away
	// stays on disk until Bleve's persister next cleans up, and a reader
	// held over that moment (the preloader's own) keeps it there until
	// the next write.
	deadline := time.Now().Add(90 * time.Second)
	for {
		live := liveSegments(t, ix)
		mapped, total := ix.Preloaded()
		if len(live) == 1 && live[0] != old && total > 0 && mapped == total {
			if st, err := os.Stat(live[0]); err == nil && st.Size() == total {
				return live[0]
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not preloaded: live segments %v, %d of %d bytes mapped in", live, mapped, total)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// liveSegments are the files of the segments of the index's snapshot.
func liveSegments(t *testing.T, ix *Index) []string {
	t.Helper()
	sc, ok := ix.scorch()
	if !ok {
		t.Fatal("not a scorch index")
	}
	r, err := sc.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader %T", r)
	}
	var out []string
	for _, ss := range snap.Segments() {
		if m, ok := ss.Segment().(mappedSegment); ok {
			out = append(out, m.Path())
		}
	}
	return out
}

// mappedIn reads /proc/self/smaps: of the mapping of the file at path,
// how many kB are resident, and its size.
func mappedIn(t *testing.T, path string) (rss, size int) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			in = len(fields) >= 6 && fields[5] == path // a mapping's first line
		case in && len(fields) == 3 && (fields[0] == "Rss:" || fields[0] == "Size:"):
			n, _ := strconv.Atoi(fields[1])
			if fields[0] == "Rss:" {
				rss += n
			} else {
				size += n
			}
		}
	}
	if size == 0 {
		t.Fatalf("%s is not mapped", path)
	}
	return rss, size
}
