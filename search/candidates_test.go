package search

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/internal/scale"
)

// scaleIndex indexes n documents of the scale corpus in several batches
// (so several segments), some of them restricted or secret, then deletes
// every seventh: what sets read must skip what Bleve skips.
func scaleIndex(t *testing.T, n int) (*index.Index, *scale.Corpus) {
	t.Helper()
	c := scale.New(11)
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	var batch []vanthu.Document
	for i := range n {
		rec := c.Doc(i)
		d := vanthu.Document{
			ID: ref(rec.ID), FileName: rec.ID + ".pdf", PageCount: 1,
			ReceivedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i%97) * time.Minute),
			Metadata: vanthu.Metadata{Number: rec.Number, DocType: rec.DocType, Issuer: rec.Issuer, IssuedDate: rec.IssuedDate,
				Urgency: rec.Urgency, Confidentiality: rec.Confidentiality, Subject: rec.Subject},
			Pages: []vanthu.Page{{Number: 1, Text: rec.Body, Done: true}},
		}
		switch i % 11 {
		case 3:
			d.Access = vanthu.Access{Scope: vanthu.ScopeRestricted, Units: []string{"KT"}}
		case 5:
			d.Access = vanthu.Access{Scope: vanthu.ScopeRestricted, Users: []string{"b"}, Secret: true}
		}
		if i%50 == 7 {
			d.Metadata.IssuedDate = "" // no date: last in a sort by date
		}
		batch = append(batch, d)
		if len(batch) == n/4 || i == n-1 {
			if err := ix.PutBatch(batch); err != nil {
				t.Fatal(err)
			}
			batch = nil
		}
	}
	for i := 0; i < n; i += 7 {
		if err := ix.Delete(ref(c.Doc(i).ID)); err != nil {
			t.Fatal(err)
		}
	}
	return ix, c
}

// Every search that sets can answer gets the same total, facets and
// hits, in the same order, as Bleve answering all of it: free text with
// and without marks, with a phrase, filters, date ranges, sights, sorts
// by date both ways and deep pages.
func TestSetsAnswerAsBleveDoes(t *testing.T) {
	ix, c := scaleIndex(t, 2400)
	slow := &Searcher{Index: ix, noSets: true}
	staff := access.SightOf(access.Viewer{Name: "nv", Role: access.Staff, Unit: "VP"})
	kt := access.SightOf(access.Viewer{Name: "b", Role: access.Staff, Unit: "KT"})
	leader := access.SightOf(access.Viewer{Name: "ld", Role: access.Leader})

	var reqs []Request
	for i := 1; i < 2400; i += 313 {
		d := c.Doc(i)
		topic := strings.Fields(strings.TrimPrefix(d.Subject, "Về việc "))
		two := strings.Join(topic[:2], " ")
		month := d.IssuedDate[:7]
		reqs = append(reqs,
			Request{Q: two},
			Request{Q: dict.Fold(two), Sight: &staff},
			Request{Q: two, DocType: d.DocType, Year: d.IssuedDate[:4], Sight: &kt},
			Request{Q: two, Sort: "-issued_date", Page: 2},
			Request{Q: two, Sort: "issued_date", Page: 3, Sight: &leader},
			Request{DocType: d.DocType, Issuer: d.Issuer, Sight: &staff},
			Request{Year: d.IssuedDate[:4], From: month + "-01", To: month + "-28", Sight: &staff},
			Request{Q: "subject:" + topic[0], Sort: "-issued_date"},
			// A word and a phrase, two scored clauses, with and without a
			// filter: Bleve scores the candidates by both alone.
			Request{Q: `năm "` + two + `"`, DocType: d.DocType, Sight: &staff},
			Request{Q: `năm "` + two + `"`, Sight: &staff},
		)
	}
	reqs = append(reqs, Request{}, Request{Page: 40}, Request{Sort: "issued_date", Page: 200}, Request{Q: "năm", Sight: &staff},
		// Phrases: of two syllables (one pair: its set is exact), of
		// more (few enough to count by positions).
		Request{Q: `"nhân dân"`, Sight: &staff}, Request{Q: `"uy ban nhan dan"`, Sort: "-issued_date", Page: 3},
		Request{Q: `"` + strings.Join(strings.Fields(c.Doc(9).Body)[4:7], " ") + `"`})

	// The candidates ranked in one walk, and in three parts at once.
	for _, fast := range []*Searcher{{Index: ix}, {Index: ix, partsFrom: 1, parts: 3}} {
		for _, r := range reqs {
			r.Page, r.Size = max(r.Page, 1), 10
			p, _ := parseQuery(r.Q)
			if !settable(buildQuery(p, r, nil, features{accessIndexed: true, pairs: true})) {
				t.Fatalf("%+v: sets cannot answer it, so the test compares nothing", r)
			}
			got, want := both(t, fast, slow, r)
			if got.Total != want.Total || got.Ranked != 0 || got.TotalIsEstimate {
				t.Errorf("%d parts, %+v: total %d (ranked %d) by sets, %d by Bleve", fast.parts, r, got.Total, got.Ranked, want.Total)
			}
			if !reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("%d parts, %+v: facets by sets\n%v\nby Bleve\n%v", fast.parts, r, got.Facets, want.Facets)
			}
			if a, b := scored(got), scored(want); a != b {
				t.Errorf("%d parts, %+v: hits by sets\n%s\nby Bleve\n%s", fast.parts, r, a, b)
			}
		}
	}
}

// Candidates ranked in parts at once give the page that ranking them in
// one walk gives, also past the rank limit and for a phrase counted by
// its words, and ties of score break the same way.
func TestPartsRankAsOne(t *testing.T) {
	ix, c := scaleIndex(t, 2400)
	// More candidates than the parts keep, so that what Bleve sees of
	// them is not how many matched.
	one := &Searcher{Index: ix, estimateFrom: 100, RankLimit: 700}
	staff := access.SightOf(access.Viewer{Name: "nv", Role: access.Staff, Unit: "VP"})
	reqs := []Request{
		{Q: "năm"}, {Q: "năm", Page: 7}, {Q: "nam", Sight: &staff},
		{Q: `"ủy ban nhân dân tỉnh"`}, {Q: `"ủy ban nhân dân tỉnh"`, Page: 3},
		{Q: `"` + strings.Join(strings.Fields(c.Doc(9).Body)[4:7], " ") + `"`},
	}
	for i := 1; i < 2400; i += 401 {
		topic := strings.Fields(strings.TrimPrefix(c.Doc(i).Subject, "Về việc "))
		reqs = append(reqs, Request{Q: strings.Join(topic[:2], " ")}, Request{Q: topic[0], Sight: &staff})
	}
	for _, parts := range []int{2, 3, 7} {
		many := &Searcher{Index: ix, estimateFrom: 100, RankLimit: 700, partsFrom: 1, parts: parts}
		for _, r := range reqs {
			r.Page, r.Size = max(r.Page, 1), 10
			got, want := both(t, many, one, r)
			if got.Total != want.Total || got.Ranked != want.Ranked || got.TotalIsEstimate != want.TotalIsEstimate || !reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("%d parts, %+v: total %d, ranked %d, estimate %v; in one walk %d, %d, %v", parts, r, got.Total, got.Ranked, got.TotalIsEstimate, want.Total, want.Ranked, want.TotalIsEstimate)
			}
			if a, b := scored(got), scored(want); a != b || len(got.Hits) == 0 {
				t.Errorf("%d parts, %+v: hits\n%s\nin one walk\n%s", parts, r, a, b)
			}
		}
	}
}

// both runs r with sets (fast) and with Bleve alone (slow).
func both(t *testing.T, fast, slow *Searcher, r Request) (got, want Result) {
	t.Helper()
	var err error
	if got, err = fast.Search(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if want, err = slow.Search(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return got, want
}

func scored(r Result) string {
	var b strings.Builder
	for _, h := range r.Hits {
		fmt.Fprintf(&b, "%s %s %.6f\n", h.FileName, h.Metadata.IssuedDate, h.Score)
	}
	return b.String()
}

// A query that matches more than the rank limit counts every match and
// ranks a part: the documents whose subject has the words first, then
// the newest others; the result says how many it ranked.
func TestRankLimit(t *testing.T) {
	ix, c := scaleIndex(t, 2400)
	const limit = 60
	fast, slow := &Searcher{Index: ix, RankLimit: limit}, &Searcher{Index: ix, noSets: true}
	ctx := context.Background()

	// Two syllables of a subject: more subjects have them than the limit.
	topic := strings.Fields(strings.TrimPrefix(c.Doc(1).Subject, "Về việc "))
	q := strings.Join(topic[:2], " ")
	r := Request{Q: q, Page: 1, Size: 10}
	got, want := both(t, fast, slow, r)
	if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
		t.Fatalf("%q: total %d and facets %v with a rank limit; %d and %v without", q, got.Total, got.Facets, want.Total, want.Facets)
	}
	inSubject, err := slow.Search(ctx, Request{Q: "subject:" + fmt.Sprintf("%q", q), Page: 1, Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%q: %d matches, %d with it in the subject, %d ranked", q, got.Total, inSubject.Total, got.Ranked)
	if inSubject.Total <= limit || got.Total <= inSubject.Total {
		t.Fatalf("%q: %d matches, %d in the subject: the case does not test the limit", q, got.Total, inSubject.Total)
	}
	if got.Ranked < limit || got.Ranked >= got.Total {
		t.Errorf("ranked %d of %d with a limit of %d", got.Ranked, got.Total, limit)
	}
	for _, h := range got.Hits {
		if !strings.Contains(dict.Fold(strings.ToLower(h.Metadata.Subject)), dict.Fold(strings.ToLower(q))) {
			t.Errorf("hit %s: subject %q lacks %q, with more than the limit that have it", h.FileName, h.Metadata.Subject, q)
		}
	}
	for i := 1; i < len(got.Hits); i++ {
		if got.Hits[i].Score > got.Hits[i-1].Score {
			t.Errorf("hit %d scores %f, more than hit %d before it (%f)", i, got.Hits[i].Score, i-1, got.Hits[i-1].Score)
		}
	}

	// Words common in bodies, rare in subjects: the newest others fill
	// the candidates; the newest match is among those ranked.
	r = Request{Q: "năm", Page: 1, Size: 10}
	got, err = fast.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	newest, err := slow.Search(ctx, Request{Q: "năm", Sort: "-issued_date", Page: 1, Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got.Ranked < limit || got.Ranked >= got.Total || got.Total != newest.Total {
		t.Errorf("%q: ranked %d of %d (%d without the limit), limit %d", r.Q, got.Ranked, got.Total, newest.Total, limit)
	}
}

// A phrase whose words more documents have than estimateFrom is counted
// by its words (the total says it is an estimate, at least the exact
// one); its hits are still matches of the phrase, and by date they are
// the same page as when every match is counted.
func TestPhraseEstimate(t *testing.T) {
	ix, _ := scaleIndex(t, 2400)
	fast, slow := &Searcher{Index: ix, estimateFrom: 100, RankLimit: 60}, &Searcher{Index: ix, noSets: true}
	for _, r := range []Request{
		{Q: `"ủy ban nhân dân tỉnh"`, Sort: "-issued_date", Page: 2},
		{Q: `"ủy ban nhân dân tỉnh"`, Sort: "issued_date"},
		{Q: `"ủy ban nhân dân tỉnh"`},
	} {
		r.Page, r.Size = max(r.Page, 1), 10
		got, want := both(t, fast, slow, r)
		t.Logf("%+v: %d with the words, %d matches, %d ranked", r, got.Total, want.Total, got.Ranked)
		if !got.TotalIsEstimate || got.Total < want.Total || want.Total <= 100 {
			t.Errorf("%+v: total %d (estimate %v), %d exactly", r, got.Total, got.TotalIsEstimate, want.Total)
		}
		if len(got.Hits) != r.Size {
			t.Errorf("%+v: %d hits, want a full page", r, len(got.Hits))
		}
		for _, h := range got.Hits {
			if len(h.Snippets) == 0 || !strings.Contains(dict.Fold(strings.ToLower(h.Snippets[0].Text)), "<mark>uy ban nhan dan tinh</mark>") {
				t.Errorf("%+v: hit %s shows no match of the phrase: %v", r, h.FileName, h.Snippets)
			}
		}
		if r.Sort != "" && scored(got) != scored(want) {
			t.Errorf("%+v: hits\n%s\ncounted exactly\n%s", r, scored(got), scored(want))
		}
	}
}

// Searches at once on a new index, which fill the kept term lists
// together, get the answers one search alone gets.
func TestSetsConcurrently(t *testing.T) {
	ix, c := scaleIndex(t, 1200)
	var reqs []Request
	for i := 1; i < 1200; i += 150 {
		d := c.Doc(i)
		reqs = append(reqs, Request{Q: strings.Join(strings.Fields(strings.TrimPrefix(d.Subject, "Về việc "))[:2], " ")},
			Request{DocType: d.DocType, Sort: "issued_date"}, Request{Year: d.IssuedDate[:4], Page: 2})
	}
	answers := make([][]string, 4)
	var wg sync.WaitGroup
	for g := range answers {
		wg.Go(func() {
			s := &Searcher{Index: ix}
			for _, r := range reqs {
				r.Page, r.Size = max(r.Page, 1), 10
				res, err := s.Search(context.Background(), r)
				if err != nil {
					t.Error(err)
					return
				}
				answers[g] = append(answers[g], fmt.Sprint(res.Total, res.Facets, scored(res)))
			}
		})
	}
	wg.Wait()
	for g := 1; g < len(answers); g++ {
		if !reflect.DeepEqual(answers[g], answers[0]) {
			t.Fatalf("client %d got other answers than client 0", g)
		}
	}
	if len(answers[0]) != len(reqs) {
		t.Fatalf("%d answers of %d", len(answers[0]), len(reqs))
	}
}

// Candidates whose scores tie are kept as Bleve keeps them, in the order
// of the index, by parts as by one walk: the page is the same. The
// documents go in as one batch: the order of the index is then one
// segment's, which no merge between the two searches changes.
func TestPartsBreakTiesAsOne(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var docs []vanthu.Document
	for i := range 400 { // more in each part than the window the parts keep
		docs = append(docs, vanthu.Document{ID: ref(fmt.Sprint("same-", i)), PageCount: 1, Metadata: vanthu.Metadata{Recipients: []string{}},
			Pages: []vanthu.Page{{Number: 1, Text: "Sở Tài chính chủ trì, phối hợp thực hiện.", Done: true}}})
	}
	if err := ix.PutBatch(docs); err != nil {
		t.Fatal(err)
	}
	one := &Searcher{Index: ix, RankLimit: 1000}
	many := &Searcher{Index: ix, RankLimit: 1000, partsFrom: 1, parts: 2}
	r := Request{Q: "tài chính", Page: 1, Size: 10}
	got, want := both(t, many, one, r)
	if len(want.Hits) != 10 || got.Hits[0].Score != got.Hits[9].Score {
		t.Fatalf("want a full page of tied scores, got %d hits: the case tests nothing", len(want.Hits))
	}
	for i := range want.Hits {
		if got.Hits[i].ID != want.Hits[i].ID {
			t.Fatalf("hit %d: %s by parts, %s by one walk", i, got.Hits[i].ID.Short(), want.Hits[i].ID.Short())
		}
	}
}

// A phrase whose words meet in many documents but stand together in few
// is counted exactly, not by its words: the pages that have every pair of
// "tài chính chủ trì" apart do not make it a common phrase.
func TestRarePhraseOfCommonPairsIsCountedExactly(t *testing.T) {
	texts := map[string]string{"whole-1": "Giao Sở Tài chính chủ trì thực hiện.", "whole-2": "Sở Tài chính chủ trì, phối hợp."}
	for i := range 150 {
		texts[fmt.Sprint("apart-", i)] = "Sở Tài chính báo cáo. Chính chủ ký. Chủ trì họp."
	}
	ix := pagesIndex(t, texts)
	s := &Searcher{Index: ix, estimateFrom: 100, RankLimit: 60}
	for _, r := range []Request{{Q: `"tài chính chủ trì"`}, {Q: `"tài chính chủ trì"`, Sort: "-issued_date"}} {
		r.Page, r.Size = 1, 10
		res, err := s.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 2 || res.TotalIsEstimate || len(res.Hits) != 2 {
			t.Errorf("%+v: total %d (estimate %v), %d hits; want the 2 pages that have it, counted exactly", r, res.Total, res.TotalIsEstimate, len(res.Hits))
		}
	}
}
