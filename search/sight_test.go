package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/index"
)

// accessDocs are documents of every kind of access.
var accessDocs = map[string]vanthu.Access{
	"agency":       {},
	"unit-kt":      {Scope: vanthu.ScopeRestricted, Units: []string{"KT"}},
	"user-b":       {Scope: vanthu.ScopeRestricted, Users: []string{"b"}},
	"secret-b":     {Scope: vanthu.ScopeRestricted, Users: []string{"b"}, Secret: true},
	"secret-kt":    {Scope: vanthu.ScopeRestricted, Units: []string{"KT"}, Secret: true},
	"secret-alone": {Scope: vanthu.ScopeRestricted, Secret: true},
}

func indexAccessDocs(t *testing.T, dir string) *index.Index {
	t.Helper()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range accessDocs {
		d := vanthu.Document{ID: ref(name), FileName: name + ".pdf", Access: a, PageCount: 1,
			Pages: []vanthu.Page{{Number: 1, Text: "Công văn về cải cách hành chính", Done: true}}}
		if err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// A search shows exactly the documents access.Sight.Sees allows, for
// every kind of viewer, both when the index excludes what is hidden and
// when it requires what is seen.
func TestSearchSeesWhatSightSees(t *testing.T) {
	ix := indexAccessDocs(t, filepath.Join(t.TempDir(), "index"))
	defer ix.Close()
	if !ix.AccessIndexed() {
		t.Fatal("a new index does not know that its documents have access fields")
	}
	sights := []access.Sight{
		access.SightOf(access.Viewer{Name: "a", Role: access.Staff, Unit: "KT"}),
		access.SightOf(access.Viewer{Name: "b", Role: access.Staff, Unit: "VP"}),
		access.SightOf(access.Viewer{Name: "c", Role: access.Staff}),
		access.SightOf(access.Viewer{Name: "d", Role: access.Archivist}),
		access.SightOf(access.Viewer{Name: "e", Role: access.Leader}),
		{Units: []string{"KT"}},
		{Users: []string{"b"}},
		{Agency: true, Secret: true},
		{},
	}
	for _, sight := range sights {
		var want []string
		for name, a := range accessDocs {
			if sight.Sees(a) {
				want = append(want, name)
			}
		}
		slices.Sort(want)
		for _, q := range []string{"", "cải cách"} {
			res, err := (&Searcher{Index: ix}).Search(context.Background(), Request{Q: q, Sight: &sight, Page: 1, Size: 20})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.FileName[:len(h.FileName)-4])
			}
			slices.Sort(got)
			if fmt.Sprint(got) != fmt.Sprint(want) || res.Total != uint64(len(want)) {
				t.Errorf("sight %+v, q %q: got %v (total %d), want %v", sight, q, got, res.Total, want)
			}
		}
	}
}

// An index made before documents had access fields: a document without
// them is shown to nobody but those who see everything, until reindexed.
func TestSightOnAnIndexWithoutAccessFields(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	// An index made by an earlier version: none of vanthu's marks.
	b, err := bleve.New(dir, index.Mapping())
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	ix := indexAccessDocs(t, dir)
	old := map[string]any{"text": []string{"cải cách hành chính"}, "record": `{"file_name":"old.pdf"}`}
	if err := ix.Bleve().Index(string(ref("old")), old); err != nil {
		t.Fatal(err)
	}
	ix = reopenUnmarked(t, ix, dir)
	defer ix.Close()
	if ix.AccessIndexed() {
		t.Fatal("an index with a document without access fields is taken as complete")
	}
	staff := access.SightOf(access.Viewer{Name: "a", Role: access.Staff, Unit: "KT"})
	res, err := (&Searcher{Index: ix}).Search(context.Background(), Request{Q: "cải cách", Sight: &staff, Page: 1, Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.ID == ref("old") || h.FileName == "secret-alone.pdf" {
			t.Errorf("staff see %s", h.FileName)
		}
	}
	if res.Total != 2 { // agency, unit-kt
		t.Errorf("staff of KT see %d documents, want 2", res.Total)
	}
}

// An index made before the mark whose documents all have their access
// fields is found complete at open, and the mark written.
func TestAccessMarkOnAnOlderCompleteIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix := indexAccessDocs(t, dir)
	ix = reopenUnmarked(t, ix, dir)
	if !ix.AccessIndexed() {
		t.Error("an older index whose documents all have access fields is not found complete")
	}
	if v, _ := ix.Bleve().GetInternal([]byte("vanthu.access-indexed")); len(v) == 0 {
		t.Error("the mark is not written, so every start would count again")
	}
	ix.Close()
}

// reopenUnmarked takes the access mark out of the index in dir, as an
// index made before it, and opens it again.
func reopenUnmarked(t *testing.T, ix *index.Index, dir string) *index.Index {
	t.Helper()
	if err := ix.Bleve().DeleteInternal([]byte("vanthu.access-indexed")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
