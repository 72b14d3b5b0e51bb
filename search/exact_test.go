package search

import (
	"context"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
)

// A query with diacritics finds the pages that print its syllables
// without them or with others (its folded form), and ranks first those
// that print them as typed: in either tone placement, in capitals, or
// decomposed (NFD). A query without diacritics ranks them alike.
func TestTypedSyllablesRankFirst(t *testing.T) {
	ix := pagesIndex(t, map[string]string{
		"typed":     "Biên bản bàn giao tài sản cho Sở Tài chính.",
		"sold":      "Biên bản bán giao tài sản cho Sở Tài chính.",
		"bare":      "Bien ban ban giao tai san cho So Tai chinh.",
		"hoa old":   "Ủy ban nhân dân huyện Hoà Bình.",
		"hoa caps":  "ỦY BAN NHÂN DÂN HUYỆN HÒA BÌNH",
		"hoa other": "Ủy ban nhân dân huyện Hóa Bình.",
		"nfd":       norm.NFD.String("Đề án thủy lợi huyện Đồng Xuân."),
		"thuy":      "Đề án thùy lợi huyện Đông Xuân.",
	})
	names := map[vanthu.Ref]string{}
	for _, n := range []string{"typed", "sold", "bare", "hoa old", "hoa caps", "hoa other", "nfd", "thuy"} {
		names[ref(n)] = n
	}
	for _, s := range []*Searcher{{Index: ix}, {Index: ix, noSets: true}} {
		for _, c := range []struct {
			q     string
			first []string // the hits ranked first, in any order
		}{
			{"bàn giao", []string{"typed"}},
			{`"bàn giao"`, []string{"typed"}},
			{"bán giao", []string{"sold"}},
			{"text:bàn", []string{"typed"}},
			{"hòa bình", []string{"hoa old", "hoa caps"}},
			{"hóa bình", []string{"hoa other"}},
			{"thuỷ lợi đồng", []string{"nfd"}},
		} {
			res, err := s.Search(context.Background(), Request{Q: c.q, Page: 1, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, names[h.ID])
			}
			if len(got) <= len(c.first) {
				t.Fatalf("%q (sets: %v): hits %v, want also the pages that print it otherwise", c.q, !s.noSets, got)
			}
			head := slices.Sorted(slices.Values(got[:len(c.first)]))
			if !slices.Equal(head, slices.Sorted(slices.Values(c.first))) {
				t.Errorf("%q (sets: %v): hits %v, want %v first", c.q, !s.noSets, got, c.first)
			}
			if a, b := res.Hits[len(c.first)-1].Score, res.Hits[len(c.first)].Score; a <= b {
				t.Errorf("%q (sets: %v): %v ranked by %g, the next by %g: printed as typed should count", c.q, !s.noSets, got, a, b)
			}
		}
		// Without diacritics, the three pages rank by their folded words.
		res, err := s.Search(context.Background(), Request{Q: "ban giao", Page: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 3 || res.Hits[0].Score != res.Hits[2].Score {
			t.Errorf("ban giao (sets: %v): %+v, want three hits scored alike", !s.noSets, res.Hits)
		}
	}
}

// A word stands in a text where nothing of a word is just before or
// after it.
func TestHasWord(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"bàn giao", "bàn", true},
		{"(bàn)", "bàn", true},
		{"sổ bàn.", "bàn", true},
		{"bànb", "bàn", false},
		{"bàn2", "bàn", false},
		{"abàn bàn", "bàn", true},
		{"", "bàn", false},
	} {
		if got := hasWord(c.text, c.word); got != c.want {
			t.Errorf("hasWord(%q, %q) = %v", c.text, c.word, got)
		}
	}
}
