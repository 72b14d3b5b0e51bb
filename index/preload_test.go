package index

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"golang.org/x/sys/unix"

	"github.com/vanthu/vanthu"
)

// Preloading maps the whole of each segment file into the process (its
// resident pages in /proc/self/smaps come to the file's size), then
// tells the kernel that it is read at random, warms the facets' cache,
// maps in the segment a later compaction makes, and stops with Close.
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
		if err := ix.PutBatch(textDocs(from, n)); err != nil {
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
	if flags := vmFlags(t, zap); !slices.Contains(flags, "rr") {
		t.Errorf("%s: not read at random: VmFlags %v", filepath.Base(zap), flags)
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
	if flags := vmFlags(t, merged); !slices.Contains(flags, "rr") {
		t.Errorf("%s: not read at random: VmFlags %v", filepath.Base(merged), flags)
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

// With nothing to map in (--preload-index never), a search's reads of
// an index cold on disk read the pages they need from the file, not the
// pages around them too.
func TestPreloadNeverReadsAtRandom(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/smaps, and the kernel's cache with mincore")
	}
	ix, data := coldIndex(t)
	// A term's postings, and four documents' stored fields.
	q := bleve.NewTermQuery("khoan")
	q.SetField(FieldTextFolded)
	if _, err := ix.Bleve().Search(bleve.NewSearchRequest(q)); err != nil {
		t.Fatal(err)
	}
	const reads = 4
	for i := range reads {
		id := vanthu.RefOf(fmt.Appendf(nil, "d%d", 300+i*700))
		if d, err := ix.Bleve().Document(string(id)); err != nil || d == nil {
			t.Fatalf("document %d: %v", i, err)
		}
	}
	if n := inCache(t, data); n > 100 {
		t.Errorf("a search and %d documents read %d of the file's %d pages into the cache", reads, n, (len(data)+4095)/4096)
	}
}

// coldIndex is an index of 3,000 documents in one segment file, preloaded
// with a negative limit (read at random, not mapped in), and the file's
// bytes, out of the process and out of the kernel's cache. It skips the
// test where the file stays in the cache.
func coldIndex(t *testing.T) (*Index, []byte) {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.PutBatch(textDocs(0, 3000)); err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	ix.Preload(-1, 20*time.Millisecond, slog.New(slog.DiscardHandler))
	live := liveSegments(t, ix)
	if len(live) != 1 {
		t.Fatalf("live segments %v", live)
	}
	zap := live[0]
	for deadline := time.Now().Add(10 * time.Second); !slices.Contains(vmFlags(t, zap), "rr"); {
		if time.Now().After(deadline) {
			t.Fatalf("%s is not read at random: VmFlags %v", filepath.Base(zap), vmFlags(t, zap))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if mapped, total := ix.Preloaded(); mapped != 0 || total == 0 {
		t.Errorf("%d of %d bytes mapped in with a negative limit", mapped, total)
	}
	m, release := segmentAt(t, ix, zap)
	t.Cleanup(release)
	data := m.Data()
	dropCache(t, zap, data)
	return ix, data
}

// dropCache puts data, the file at path mapped, out of the process and
// out of the kernel's cache, or skips the test.
func dropCache(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := unix.Madvise(data, unix.MADV_DONTNEED); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		t.Fatal(err)
	}
	if n := inCache(t, data); n > 0 {
		t.Skipf("%d pages of the file stay in the kernel's cache: it cannot be read cold here", n)
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

// textDocs are n documents of a page of text each, from the from'th.
func textDocs(from, n int) []vanthu.Document {
	var docs []vanthu.Document
	for i := from; i < from+n; i++ {
		text := fmt.Sprintf("văn bản số %d về cải cách hành chính năm %d", i, 2000+i%25)
		for k := range 40 {
			text += fmt.Sprintf(" điều %d khoản %d", (i*31+k*7)%997, (i*17+k)%89)
		}
		docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", i)), PageCount: 1,
			Metadata: vanthu.Metadata{DocType: []string{"Công văn", "Quyết định"}[i%2], IssuedDate: fmt.Sprintf("2024-%02d-10", 1+i%12)},
			Pages:    []vanthu.Page{{Number: 1, Text: text, Done: true}}})
	}
	return docs
}

// segmentAt is the live segment of the file at path, held until release.
func segmentAt(t *testing.T, ix *Index, path string) (m mappedSegment, release func()) {
	t.Helper()
	snap, release := openSnapshot(t, ix)
	for _, ss := range snap.Segments() {
		if m, ok := ss.Segment().(mappedSegment); ok && m.Path() == path {
			return m, release
		}
	}
	release()
	t.Fatalf("%s is not a live segment", path)
	return nil, nil
}

// openSnapshot is a reader of ix as it is now, held until release (a
// file merged away stays while a reader holds it).
func openSnapshot(t *testing.T, ix *Index) (snap *scorch.IndexSnapshot, release func()) {
	t.Helper()
	sc, ok := ix.scorch()
	if !ok {
		t.Fatal("not a scorch index")
	}
	r, err := sc.Reader()
	if err != nil {
		t.Fatal(err)
	}
	snap, ok = r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		t.Fatalf("reader %T", r)
	}
	return snap, func() { r.Close() }
}

// inCache counts the pages of b, a file mapped into memory, that are in
// the kernel's cache of the file (mincore).
func inCache(t *testing.T, b []byte) int {
	t.Helper()
	vec := make([]byte, (len(b)+4095)/4096)
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatal(errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
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
	snap, release := openSnapshot(t, ix)
	defer release()
	var out []string
	for _, ss := range snap.Segments() {
		if m, ok := ss.Segment().(mappedSegment); ok {
			out = append(out, m.Path())
		}
	}
	return out
}

// vmFlags reads /proc/self/smaps: the flags of the mapping of the file at
// path (of its start, if it is mapped in parts).
func vmFlags(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for line := range strings.Lines(string(b)) {
		fields := strings.Fields(line)
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			// a mapping's first line: addresses, permissions, offset, device, inode, path
			off, err := strconv.ParseInt(fields[2], 16, 64)
			in = err == nil && off == 0 && len(fields) >= 6 && fields[5] == path
		case in && len(fields) > 0 && fields[0] == "VmFlags:":
			return fields[1:]
		}
	}
	t.Fatalf("%s is not mapped", path)
	return nil
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
