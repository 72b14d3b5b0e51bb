package search

import (
	"context"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanthu/vanthu/index"
)

// A phrase scored by its words gives each document that has the phrase
// the score Bleve's phrase searcher gives it, in each field a phrase is
// searched in, with a boost and inside the query a search builds.
func TestPhraseScoredByItsWords(t *testing.T) {
	ix := pagesIndex(t, map[string]string{
		"once":    "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính năm 2025.",
		"twice":   "Cải cách hành chính là nhiệm vụ trọng tâm; kế hoạch cải cách hành chính được giao cho các sở.",
		"long":    "Thực hiện chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, các cơ quan, đơn vị, địa phương tổ chức triển khai, kiểm tra, đánh giá, báo cáo kết quả về Sở Nội vụ để tổng hợp, trình Ủy ban nhân dân tỉnh.",
		"folded":  "cai cach hanh chinh va chuyen doi so",
		"apart":   "Hành chính công: cải tiến cách làm.",
		"without": "Phòng chống thiên tai.",
	})
	has := features{accessIndexed: true, pairs: ix.Pairs()}
	for _, s := range []string{"cải cách hành chính", "cai cach hanh chinh", "hành chính"} {
		for name, q := range map[string]query.Query{
			"folded": phrase(s, index.FieldTextFolded, 1.5),
			// Beside another scored clause, where a boost tells.
			"with a word": query.NewConjunctionQuery([]query.Query{match("chinh", index.FieldTextFolded, 1), phrase(s, index.FieldTextFolded, 1.5)}),
			"pairs":       phrase(s, index.FieldTextPairs, 1),
			"built":       withoutBoosts(buildQuery(parsed{phrases: []string{s}}, Request{}, nil, has)),
		} {
			want := scores(t, ix, q)
			if len(want) < 2 {
				t.Fatalf("%q %s: %d matches, the test compares too few", s, name, len(want))
			}
			got := scores(t, ix, query.NewConjunctionQuery([]query.Query{unscored{matched(want)}, scoredPart(q)}))
			if len(got) != len(want) {
				t.Errorf("%q %s: %d scored by the words, %d matched the phrase", s, name, len(got), len(want))
			}
			for id, w := range want {
				if g := got[id]; math.Abs(g-w) > 1e-12*w {
					t.Errorf("%q %s, %s: %g by the words, %g as a phrase", s, name, id, g, w)
				}
			}
		}
	}
	// Bleve's phrase searcher is what the first pass replaces.
	if _, ok := scoredPart(phrase("hành chính", index.FieldTextFolded, 1)).(wordsOf); !ok {
		t.Fatal("a phrase is not scored by its words")
	}
}

// scores runs q alone through Bleve: each match's score.
func scores(t *testing.T, ix *index.Index, q query.Query) map[string]float64 {
	t.Helper()
	res, err := ix.Bleve().SearchInContext(context.Background(), bleve.NewSearchRequestOptions(q, 100, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score
	}
	return out
}

// matched is the documents of a result.
func matched(scores map[string]float64) query.Query {
	var ids []string
	for id := range scores {
		ids = append(ids, id)
	}
	return bleve.NewDocIDQuery(ids)
}
