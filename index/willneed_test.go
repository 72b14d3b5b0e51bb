package index

import (
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanthu/vanthu"
)

// WillNeed asks for every page that reading a page of hits then reads
// (their stored fields, and their terms' freqs, norms and locations), and
// not many more: read from a file out of the cache, the hits find every
// page they read in it, where without the hint they read pages from
// disk.
func TestWillNeed(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the kernel's cache with mincore")
	}
	ix, data := coldIndex(t)
	var ids []string
	for i := range 8 {
		ids = append(ids, string(vanthu.RefOf(fmt.Appendf(nil, "d%d", 150+i*350))))
	}
	terms := map[string][]string{FieldTextFolded: {"khoan", "dieu"}}
	// What the second pass of a search reads of them (search.these).
	read := func() {
		t.Helper()
		words := bleve.NewMatchQuery("khoản điều")
		words.SetField(FieldTextFolded)
		words.Analyzer = Analyzers[FieldTextFolded]
		req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{bleve.NewDocIDQuery(ids), words}), len(ids), 0, false)
		req.Fields = []string{FieldRecord, FieldText}
		req.IncludeLocations = true
		res, err := ix.Bleve().Search(req)
		if err != nil || len(res.Hits) != len(ids) {
			t.Fatalf("%v hits of %d: %v", res, len(ids), err)
		}
		for _, h := range res.Hits {
			if len(h.Locations[FieldTextFolded]["khoan"]) == 0 || h.Fields[FieldText] == nil {
				t.Fatalf("%s read without its locations or text: %v", h.ID, h.Fields)
			}
		}
	}

	read()
	without := inCache(t, data)
	if without == 0 {
		t.Fatal("the hits read no page of the file")
	}
	dropCache(t, liveSegments(t, ix)[0], data)

	ix.WillNeed(ids, terms)
	asked := settledCache(t, data)
	read()
	if after := inCache(t, data); after != asked {
		t.Errorf("the hits read %d pages not asked for (%d asked for; %d read without the hint)", after-asked, asked, without)
	}
	if total := (len(data) + 4095) / 4096; asked > 2*without+10 {
		t.Errorf("asked for %d pages of the file's %d, where the hits read %d", asked, total, without)
	}
}

// settledCache waits until the reads the kernel was asked for are done
// (the count of data's cached pages holds still for a quarter of a
// second: on a busy machine a read asked for may start after a pause of
// one poll), and returns the count.
func settledCache(t *testing.T, data []byte) int {
	t.Helper()
	n, still := inCache(t, data), 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && still < 5; {
		time.Sleep(50 * time.Millisecond)
		m := inCache(t, data)
		if m == n {
			still++
		} else {
			n, still = m, 0
		}
	}
	return n
}

// Asking for documents' stored fields waits for the disk a few times,
// not once a document: where each document starts is read from the
// stored index, and how long it is from its first bytes, each round of
// pages asked for at once before it is read.
func TestWillNeedStoredWaitsOnce(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the kernel's cache with mincore")
	}
	data, snap, s := coldSets(t)
	var docs []uint64
	for n := uint64(7); n < 3000; n += 73 {
		docs = append(docs, n)
	}
	before := majorFaults(t)
	s.WillNeedStored(docs)
	waited := majorFaults(t) - before
	asked := settledCache(t, data)
	if waited > 8 {
		t.Errorf("asking for %d documents' stored fields waited for the disk %d times", len(docs), waited)
	}
	for _, n := range docs {
		if _, err := snap.ExternalID(AppendInternalID(nil, n)); err != nil {
			t.Fatal(err)
		}
	}
	if after := inCache(t, data); after != asked {
		t.Errorf("reading %d documents' ids read %d pages not asked for", len(docs), after-asked)
	}
}

// majorFaults is how many times the process has waited for a page of a
// file mapped into memory to be read from disk.
func majorFaults(t *testing.T) int64 {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Majflt
}

// A phrase asks for its terms' positions in the documents it checks
// before it reads them: read from a cold file, it waits for the disk a
// few times (the terms' dictionary and lists), not once a page of their
// positions, and finds the same documents.
func TestPhraseWaitsOnce(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the kernel's cache with mincore")
	}
	_, _, s := coldSets(t)
	// "điều N khoản M", forty times a document.
	before := majorFaults(t)
	found, err := s.Phrase(FieldTextFolded, []string{"dieu", "khoan"}, []int{0, 2}, s.All(), 1)
	waited := majorFaults(t) - before
	if err != nil {
		t.Fatal(err)
	}
	if n := found.Card(); n != 3000 {
		t.Fatalf("the phrase in %d documents, want 3000", n)
	}
	if waited > 10 {
		t.Errorf("reading the positions of a phrase waited for the disk %d times", waited)
	}
}

// coldSets is coldIndex's file, a snapshot of the index held until the
// test ends, and its sets.
func coldSets(t *testing.T) ([]byte, *scorch.IndexSnapshot, *Sets) {
	t.Helper()
	ix, data := coldIndex(t)
	snap, release := openSnapshot(t, ix)
	t.Cleanup(release)
	s, ok := ix.Sets(snap)
	if !ok {
		t.Fatal("no sets")
	}
	return data, snap, s
}
