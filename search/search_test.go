package search

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/index"
)

var update = flag.Bool("update", false, "rewrite the golden ranking reports")

// testDoc is a document in testdata/search/<case>/docs.json.
type testDoc struct {
	ID         string          `json:"id"`
	FileName   string          `json:"file_name"`
	IssuedDate string          `json:"issued_date"`
	Metadata   vanthu.Metadata `json:"metadata"`
	Pages      []string        `json:"pages"`
}

// testSearch is a search in testdata/search/<case>/searches.json with what
// a user must see.
type testSearch struct {
	Name            string                    `json:"name"`
	Q               string                    `json:"q"`
	DocType         string                    `json:"doc_type"`
	Year            string                    `json:"year"`
	Urgency         string                    `json:"urgency"`
	Confidentiality string                    `json:"confidentiality"`
	From            string                    `json:"from"`
	To              string                    `json:"to"`
	Sort            string                    `json:"sort"`
	Size            string                    `json:"size"`
	First           string                    `json:"first"`
	Order           []string                  `json:"order"`
	Total           *int                      `json:"total"`
	Facets          map[string]map[string]int `json:"facets"`
	SnippetPage     int                       `json:"snippet_page"`
	SnippetMark     string                    `json:"snippet_mark"`
}

// ids maps a test document's short id to the Ref it is indexed under.
func ref(id string) vanthu.Ref { return vanthu.RefOf([]byte(id)) }

// openCase indexes a case's documents into a fresh index on disk.
func openCase(t *testing.T, dir string) (*Searcher, map[vanthu.Ref]string) {
	t.Helper()
	var docs []testDoc
	readJSON(t, filepath.Join(dir, "docs.json"), &docs)
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	names := map[vanthu.Ref]string{}
	for i, d := range docs {
		d.Metadata.IssuedDate = d.IssuedDate
		doc := vanthu.Document{ID: ref(d.ID), FileName: d.FileName, PageCount: len(d.Pages), Metadata: d.Metadata,
			ReceivedAt: time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC)}
		for n, p := range d.Pages {
			doc.Pages = append(doc.Pages, vanthu.Page{Number: n + 1, Text: p, Done: true})
		}
		if err := ix.Put(doc); err != nil {
			t.Fatal(err)
		}
		names[doc.ID] = d.ID
	}
	return &Searcher{Index: ix}, names
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestSearchCases(t *testing.T) {
	cases, _ := filepath.Glob("../testdata/search/*")
	if len(cases) == 0 {
		t.Fatal("no search cases under testdata/search")
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s, names := openCase(t, dir)
			var searches []testSearch
			readJSON(t, filepath.Join(dir, "searches.json"), &searches)
			var report strings.Builder
			for _, ts := range searches {
				q := ts.Q
				if rest, ok := strings.CutPrefix(q, "NFD:"); ok {
					q = norm.NFD.String(rest)
				}
				v := url.Values{"q": {q}, "doc_type": {ts.DocType}, "year": {ts.Year}, "urgency": {ts.Urgency},
					"confidentiality": {ts.Confidentiality}, "from": {ts.From}, "to": {ts.To}, "sort": {ts.Sort}, "size": {ts.Size}}
				for k := range v {
					if v.Get(k) == "" {
						v.Del(k)
					}
				}
				req, err := ParseRequest(v)
				if err != nil {
					t.Errorf("%s: %v", ts.Name, err)
					continue
				}
				res, err := s.Search(context.Background(), req)
				if err != nil {
					t.Errorf("%s: %v", ts.Name, err)
					continue
				}
				var got []string
				for _, h := range res.Hits {
					got = append(got, names[h.ID])
				}
				fmt.Fprintf(&report, "%-45s %q → %v\n", ts.Name, ts.Q, got)
				if ts.First != "" && (len(got) == 0 || got[0] != ts.First) {
					t.Errorf("%s: q=%q ranked %v; want %s first", ts.Name, ts.Q, got, ts.First)
				}
				if ts.Order != nil && strings.Join(got[:min(len(got), len(ts.Order))], ",") != strings.Join(ts.Order, ",") {
					t.Errorf("%s: q=%q ranked %v; want %v", ts.Name, ts.Q, got, ts.Order)
				}
				if ts.Total != nil && int(res.Total) != *ts.Total {
					t.Errorf("%s: q=%q total %d (%v); want %d", ts.Name, ts.Q, res.Total, got, *ts.Total)
				}
				for field, want := range ts.Facets {
					gotF := map[string]int{}
					for _, fc := range res.Facets[field] {
						gotF[fc.Value] = fc.Count
					}
					if fmt.Sprint(gotF) != fmt.Sprint(want) {
						t.Errorf("%s: facet %s = %v; want %v", ts.Name, field, gotF, want)
					}
				}
				if ts.SnippetPage > 0 {
					if len(res.Hits) == 0 || len(res.Hits[0].Snippets) == 0 {
						t.Errorf("%s: no snippet", ts.Name)
					} else if sn := res.Hits[0].Snippets[0]; sn.Page != ts.SnippetPage || !strings.Contains(sn.Text, ts.SnippetMark) {
						t.Errorf("%s: snippet %+v; want page %d with %q", ts.Name, sn, ts.SnippetPage, ts.SnippetMark)
					}
				}
			}
			golden := filepath.Join(dir, "ranking.golden")
			if *update {
				os.WriteFile(golden, []byte(report.String()), 0o644)
			} else if want, err := os.ReadFile(golden); err == nil && string(want) != report.String() {
				t.Errorf("ranking report differs from %s (run with -update if intended):\n%s", golden, report.String())
			}
		})
	}
}

func TestBadRequests(t *testing.T) {
	bad := []url.Values{
		{"q": {`"unclosed phrase`}},
		{"from": {"2024-13-01"}},
		{"to": {"yesterday"}},
		{"from": {"2024-05-01"}, "to": {"2024-01-01"}},
		{"size": {"0"}}, {"size": {"1000"}}, {"size": {"ten"}},
		{"facet_size": {"0"}}, {"facet_size": {"100001"}}, {"facet_size": {"all"}},
		{"page": {"0"}},
		// Past the first MaxWindow results.
		{"page": {"101"}, "size": {"100"}}, {"page": {"1001"}},
		{"sort": {"random"}},
		{"year": {"20x4"}},
		{"q": {"number:"}},
	}
	for _, v := range bad {
		_, err := ParseRequest(v)
		if vanthu.KindOf(err) != vanthu.Invalid {
			t.Errorf("ParseRequest(%v): err = %v, want Invalid", v, err)
		}
	}
	for _, v := range []url.Values{{"page": {"100"}, "size": {"100"}}, {"page": {"1000"}}} {
		if _, err := ParseRequest(v); err != nil {
			t.Errorf("ParseRequest(%v), the window's last page: %v", v, err)
		}
	}
	r := Request{Page: 1, Size: 10, FacetSize: -1}
	if err := r.Check(); vanthu.KindOf(err) != vanthu.Invalid {
		t.Errorf("Check of a negative facet size: %v, want Invalid", err)
	}
}

// The query parser never panics and every query it accepts can be run.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`cải cách "hành chính" -đất number:45/QĐ-UBND`, `issuer:"kim bôi"`, `"`, `-`, `a:b`, `-"x y"`, "45 QĐ UBND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		p, err := parseQuery(q)
		if err != nil {
			if vanthu.KindOf(err) != vanthu.Invalid {
				t.Fatalf("parseQuery(%q): error of kind %v", q, vanthu.KindOf(err))
			}
			return
		}
		buildQuery(p, Request{Page: 1, Size: 10}, nil, features{true, true})
	})
}

// pagesIndex is an index on disk of one-page documents: their ids
// (made into refs) and texts.
func pagesIndex(t *testing.T, texts map[string]string) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for id, text := range texts {
		d := vanthu.Document{ID: ref(id), PageCount: 1, Metadata: vanthu.Metadata{Recipients: []string{}},
			Pages: []vanthu.Page{{Number: 1, Text: text, Done: true}}}
		if err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// A number that extraction missed is found where the page prints it
// whole; a page that only holds its parts apart (a 12 in one place, QĐ
// and UBND in others) is not that number.
func TestNumberInTheText(t *testing.T) {
	ix := pagesIndex(t, map[string]string{
		"printed":   "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH về việc giao đất",
		"cited":     "Căn cứ Quyết định số 12/QĐ-UBND ngày 3/4/2024 của UBND tỉnh",
		"scattered": "Số: 40/QĐ-UBND\nĐiều 12. Chủ tịch UBND huyện thi hành Quyết định (QĐ) này",
	})
	s := &Searcher{Index: ix}
	for _, q := range []string{"12/QĐ-UBND", "số 12 QD UBND"} {
		res, err := s.Search(context.Background(), Request{Q: q, Page: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := map[vanthu.Ref]bool{}
		for _, h := range res.Hits {
			got[h.ID] = true
		}
		if res.Total != 2 || !got[ref("printed")] || !got[ref("cited")] {
			t.Errorf("%q: %d hits %v, want the pages that print it", q, res.Total, got)
		}
		// A number's hits are read in one pass: each shows where the
		// number is on its page.
		for _, h := range res.Hits {
			if len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0].Text, "<mark>12/QĐ-UBND</mark>") {
				t.Errorf("%q: %s's snippets %+v, want the number marked", q, h.ID, h.Snippets)
			}
		}
	}
}

// A quoted phrase is its syllables side by side: a page that has every
// pair of its syllables, but in different places, is not a match. The
// match is marked as one run in the snippet.
func TestPhraseWherePairsAreApart(t *testing.T) {
	ix := pagesIndex(t, map[string]string{
		"whole": "Giao Sở Tài chính chủ trì thực hiện.",
		"apart": "Sở Tài chính báo cáo. Chính chủ ký. Chủ trì họp.",
	})
	for _, s := range []*Searcher{{Index: ix}, {Index: ix, noSets: true}} {
		for _, q := range []string{`"tài chính chủ trì"`, `"tai chinh chu tri"`} {
			res, err := s.Search(context.Background(), Request{Q: q, Page: 1, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != ref("whole") {
				t.Fatalf("%q (sets: %v): %d hits %+v, want the page that has it whole", q, !s.noSets, res.Total, res.Hits)
			}
			if sn := res.Hits[0].Snippets; len(sn) == 0 || !strings.Contains(sn[0].Text, "<mark>Tài chính chủ trì</mark>") {
				t.Errorf("%q: snippets %+v, want the phrase marked as one", q, sn)
			}
		}
	}
}

// Numbers as people type them: with "số", "Số:", "so", "số hiệu" before
// them; and, when no document has the number, the ones whose issuing code
// is one slip away, flagged, while a numeral or type code that differs is
// not offered.
func TestNumbersAsTyped(t *testing.T) {
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := map[string]string{"a": "6/BC-UBND", "b": "6/BC-VTLUTNN", "c": "7/BC-VTLTNN", "d": "6/TB-VTLTNN", "e": "6/BC-VTLTNNX", "f": "125-QĐ/TU", "g": "45/BC-SNN&PTNT", "h": "12/QĐ.UBND", "i": "15a/QĐ-UBND"}
	for id, number := range docs {
		d := vanthu.Document{ID: ref(id), PageCount: 1, Metadata: vanthu.Metadata{Number: number, Recipients: []string{}},
			Pages: []vanthu.Page{{Number: 1, Text: "báo cáo tình hình", Done: true}}}
		if err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	s := &Searcher{Index: ix}
	find := func(q string) Result {
		t.Helper()
		res, err := s.Search(context.Background(), Request{Q: q, Page: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, q := range []string{"số 6/BC-UBND", "Số: 6/BC-UBND", "so 6/bc-ubnd", "số hiệu 6 BC UBND", "6/BC-UBND"} {
		if res := find(q); res.Total != 1 || res.Hits[0].ID != ref("a") || res.Hits[0].NumberApprox {
			t.Errorf("%q: %d hits, first %v", q, res.Total, res.Hits)
		}
	}
	// A Party number: the type before the slash.
	for _, q := range []string{"số 125-QĐ/TU", "125-qd/tu", "Số 125 QĐ TU"} {
		if res := find(q); res.Total != 1 || res.Hits[0].ID != ref("f") {
			t.Errorf("%q: %d hits %+v, want the Party document", q, res.Total, res.Hits)
		}
	}
	// "&" for "và" in a code, a stop for its hyphen, a letter after the
	// numeral (15a, a number put between two), as offices print them.
	for q, id := range map[string]string{"số 45/BC-SNN&PTNT": "g", "45/bc-snn&ptnt": "g", "45 BC SNN PTNT": "g", "12/QĐ.UBND": "h", "số 12/QĐ-UBND": "h", "số 15a/QĐ-UBND": "i", "15A/qd-ubnd": "i"} {
		if res := find(q); res.Total != 1 || res.Hits[0].ID != ref(id) {
			t.Errorf("%q: %d hits %+v, want %s", q, res.Total, res.Hits, id)
		}
	}
	// 6/BC-VTLTNN is no document's: 6/BC-VTLUTNN and 6/BC-VTLTNNX are one
	// edit away in the issuing code; 7/BC-… and 6/TB-… are not offered.
	res := find("số 6/BC-VTLTNN")
	got := map[vanthu.Ref]bool{}
	for _, h := range res.Hits {
		got[h.ID] = h.NumberApprox
	}
	if res.Total != 2 || !got[ref("b")] || !got[ref("e")] {
		t.Errorf("near numbers: %d hits %v", res.Total, got)
	}
	// With the exact number there, the near ones are not offered.
	if res := find("6/BC-VTLUTNN"); res.Total != 1 || res.Hits[0].ID != ref("b") || res.Hits[0].NumberApprox {
		t.Errorf("exact number: %d hits %+v", res.Total, res.Hits)
	}
	// "so" before words that are no number stays a word.
	if p, _ := parseQuery("so sánh"); p.terms[0] != "so" {
		t.Error("so sánh lost its so")
	}
	if _, ok := asNumber("so sánh kết quả"); ok {
		t.Error(`"so sánh kết quả" taken for a number`)
	}
}
