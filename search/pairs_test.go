package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/index"
)

// A phrase found by its pairs matches the documents Bleve's phrase query
// on the folded text matches, at the same places, by Bleve and by sets:
// a phrase within one page and not across two, its words out of order,
// repeated, its pairs apart, in several segments with deleted documents.
// The pairs keep no positions, so where it stands is read from its
// syllables.
func TestPairsPhraseAsBlevePhrase(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	pages := [][]string{
		{"Sở Tài chính chủ trì, phối hợp thực hiện."},
		{"Sở Tài chính báo cáo.", "Chủ trì họp."},        // across two pages
		{"chủ trì Sở Tài chính, Tài chính chủ trì"},      // out of order, then in order
		{"Tài chính Tài chính chủ trì chủ trì"},          // repeated
		{"Sở Tài chính báo cáo. Chính chủ ký. Chủ trì."}, // its pairs apart
		{"tài chính chính chủ trì"},                      // its pairs side by side, its syllables not
		{"Sở Tài chính", "Ông Bà Cô chủ trì"},            // on page 2 where it would go on on page 1
		{"hành chính hành chính hành"},
	}
	var docs []vanthu.Document
	for i := range 64 {
		d := vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "p%d", i)), PageCount: 1, Metadata: vanthu.Metadata{Recipients: []string{}}}
		for n, text := range pages[i%len(pages)] {
			d.Pages = append(d.Pages, vanthu.Page{Number: n + 1, Text: text, Done: true})
		}
		docs = append(docs, d)
		if len(docs) == 16 {
			if err := ix.PutBatch(docs); err != nil {
				t.Fatal(err)
			}
			docs = nil
		}
	}
	for i := 0; i < 64; i += 9 {
		if err := ix.Delete(vanthu.RefOf(fmt.Appendf(nil, "p%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if !ix.Pairs() {
		t.Fatal("the index has no pairs")
	}
	s := &Searcher{Index: ix}
	for _, p := range []string{"tài chính chủ trì", "Sở Tài chính", "chinh chu tri phoi", "tài chính", "báo cáo chủ trì", "hành chính hành", "chính hành chính hành"} {
		want := located(t, ix, phrase(p, index.FieldTextFolded, 1))
		got := located(t, ix, phraseQuery(p, index.FieldText, index.FieldTextFolded, true))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q by pairs:\n%v\nBleve's phrase:\n%v", p, got, want)
		}
		if len(want) == 0 && p != "báo cáo chủ trì" {
			t.Errorf("%q: no document has it, the test compares nothing", p)
		}
		res, err := s.Search(context.Background(), Request{Q: `"` + p + `"`, Page: 1, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != uint64(len(want)) || res.TotalIsEstimate {
			t.Errorf("%q by sets: %d documents (estimate: %v), Bleve's phrase %d", p, res.Total, res.TotalIsEstimate, len(want))
		}
	}
}

// located runs q through Bleve: the positions on each page where it
// matched in the folded text, by document.
func located(t *testing.T, ix *index.Index, q query.Query) map[string][]string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 100, 0, false)
	req.IncludeLocations = true
	res, err := ix.Bleve().SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, h := range res.Hits {
		var at []string
		for term, ls := range h.Locations[index.FieldTextFolded] {
			for _, l := range ls {
				at = append(at, fmt.Sprintf("%s@%v:%d", term, l.ArrayPositions, l.Pos))
			}
		}
		slices.Sort(at)
		out[h.ID] = slices.Compact(at)
	}
	return out
}
