package index

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanthu/vanthu"
)

// Phrase finds the documents Bleve's phrase query finds, by the pairs
// field and by the folded text: a phrase within one page and not across
// two, its words apart or out of order, repeated, in several segments
// with deleted documents, in one part or several; phrases of three to six
// syllables, of which the pairs field reads the positions of some pairs
// only.
func TestPhraseAsBleve(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
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
		{"tài chính"},
		{"Sở Tài chính", "Ông Bà Cô chủ trì"}, // on page 2 where it would go on on page 1
	}
	var docs []vanthu.Document
	for i := range 60 {
		d := vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "p%d", i)), PageCount: 1, Metadata: vanthu.Metadata{Recipients: []string{}}}
		for n, text := range pages[i%len(pages)] {
			d.Pages = append(d.Pages, vanthu.Page{Number: n + 1, Text: text, Done: true})
		}
		docs = append(docs, d)
		if len(docs) == 20 {
			if err := ix.PutBatch(docs); err != nil {
				t.Fatal(err)
			}
			docs = nil
		}
	}
	for i := 0; i < 60; i += 9 {
		if err := ix.Delete(vanthu.RefOf(fmt.Appendf(nil, "p%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	snap := snapshot(t, ix)
	s, ok := ix.Sets(snap)
	if !ok {
		t.Fatal("no sets")
	}
	for _, field := range []string{FieldTextPairs, FieldTextFolded} {
		an := ix.Bleve().Mapping().AnalyzerNamed(Analyzers[field])
		for _, phrase := range []string{"tài chính chủ trì", "Sở Tài chính", "chinh chu tri phoi", "tài chính", "báo cáo chủ trì",
			"sở tài chính chủ trì", "tài chính chủ trì phối hợp", "tài chính tài chính chủ trì chủ"} {
			q := bleve.NewMatchPhraseQuery(phrase)
			q.SetField(field)
			q.Analyzer = Analyzers[field]
			req := bleve.NewSearchRequestOptions(q, 100, 0, false)
			res, err := ix.Bleve().Search(req)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, h := range res.Hits {
				want[h.ID] = true
			}
			var terms []string
			var offs []int
			for _, tok := range an.Analyze([]byte(phrase)) {
				terms, offs = append(terms, string(tok.Term)), append(offs, tok.Position)
			}
			for _, parts := range []int{1, 3} {
				got, err := s.Phrase(field, terms, offs, s.All(), parts)
				if err != nil {
					t.Fatal(err)
				}
				ids := map[string]bool{}
				c := s.Cursor(got)
				for n, ok := c.Next(); ok; n, ok = c.Next() {
					id, err := snap.ExternalID(AppendInternalID(nil, n))
					if err != nil {
						t.Fatal(err)
					}
					ids[id] = true
				}
				if fmt.Sprint(ids) != fmt.Sprint(want) || len(want) == 0 && phrase != "báo cáo chủ trì" {
					t.Errorf("%s %q in %d parts: %d documents, Bleve %d", field, phrase, parts, len(ids), len(want))
				}
			}
		}
	}
}

// A phrase of pairs is placed by the pairs that reach each of its
// syllables: every other pair and the last, a pair beside a gap.
func TestPairsCover(t *testing.T) {
	for _, c := range []struct{ offs, want []int }{
		{[]int{1}, []int{1}},
		{[]int{1, 2}, []int{1, 2}},
		{[]int{1, 2, 3}, []int{1, 3}},
		{[]int{1, 2, 3, 4}, []int{1, 3, 4}},
		{[]int{1, 2, 3, 4, 5}, []int{1, 3, 5}},
		{[]int{0, 1, 3}, []int{0, 1, 3}},             // no pair at 2: the syllable at 2 is the pair at 1's
		{[]int{0, 0, 1, 2}, []int{0, 0, 2}},          // alternatives at 0 stay together
		{[]int{3, 1, 2}, []int{3, 1}},                // in any order
		{[]int{0, 1, 2, 5, 6, 7}, []int{0, 2, 5, 7}}, // two runs
	} {
		terms := make([]string, len(c.offs))
		for k, o := range c.offs {
			terms[k] = fmt.Sprint("t", k, "@", o)
		}
		gotTerms, got := pairsCover(terms, c.offs)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("pairsCover(%v) = %v, want %v", c.offs, got, c.want)
		}
		for k, term := range gotTerms {
			if !strings.HasSuffix(term, fmt.Sprint("@", got[k])) {
				t.Errorf("pairsCover(%v): term %q at offset %d", c.offs, term, got[k])
			}
		}
	}
}
