package search

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/index"
)

// relatedDocs are a province's decisions of two years under one number,
// and the letters and plans that cite them, one of them restricted.
var relatedDocs = []struct {
	name, number, date, text string
	access                   vanthu.Access
}{
	{"qd-2024", "45/QĐ-UBND", "2024-03-12", "ỦY BAN NHÂN DÂN TỈNH\nSố: 45/QĐ-UBND\nQUYẾT ĐỊNH ban hành kế hoạch cải cách hành chính\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;", vanthu.Access{}},
	{"qd-2023", "45/QĐ-UBND", "2023-01-05", "Số: 45/QĐ-UBND\nQUYẾT ĐỊNH giao chỉ tiêu năm 2023", vanthu.Access{}},
	{"kh", "12/KH-STC", "2024-04-02", "Số: 12/KH-STC\nThực hiện Quyết định số 45/QĐ-UBND ngày 12/3/2024 của UBND tỉnh, Sở Tài chính xây dựng kế hoạch.", vanthu.Access{}},
	{"cv-undated", "88/STC-VP", "2024-05-20", "Số: 88/STC-VP\nTheo Quyết định 45/QĐ-UBND của UBND tỉnh, đề nghị các phòng báo cáo.", vanthu.Access{}},
	{"cv-2023", "7/STC-VP", "2023-02-01", "Số: 7/STC-VP\nThực hiện Quyết định số 45/QĐ-UBND ngày 05/01/2023 về giao chỉ tiêu.", vanthu.Access{}},
	{"tb-12", "12/TB-UBND", "2024-06-03", "Số: 12/TB-UBND\nTHÔNG BÁO lịch làm việc", vanthu.Access{}},
	{"tb-unread", "…/TB-UBND", "2024-06-05", "Số: …/TB-UBND\nTHÔNG BÁO kết luận của Chủ tịch UBND tỉnh theo Quyết định số 45/QĐ-UBND ngày 12/3/2024", vanthu.Access{}},
	{"cv-kt", "9/STC-KT", "2024-06-01", "Số: 9/STC-KT\nCăn cứ Quyết định số 45/QĐ-UBND ngày 12 tháng 3 năm 2024 và Kế hoạch số 12/KH-STC.", vanthu.Access{Scope: vanthu.ScopeRestricted, Units: []string{"KT"}}},
}

func relatedIndex(t *testing.T) (*Searcher, map[vanthu.Ref]string, map[string]vanthu.Document) {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	names, docs := map[vanthu.Ref]string{}, map[string]vanthu.Document{}
	for i, r := range relatedDocs {
		d := vanthu.Document{ID: ref(r.name), FileName: r.name + ".pdf", PageCount: 1, Access: r.access,
			Metadata:   vanthu.Metadata{Number: r.number, IssuedDate: r.date, Recipients: []string{}},
			ReceivedAt: time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC),
			Pages:      []vanthu.Page{{Number: 1, Text: r.text, Done: true}}}
		if err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
		names[d.ID], docs[r.name] = r.name, d
	}
	return &Searcher{Index: ix}, names, docs
}

// A document's page names the documents its text cites that the archive
// holds (the one of the day cited, where two years share the number),
// and those that cite it: not those that cite its number with another
// day, and nothing a viewer may not see.
func TestRelatedDocuments(t *testing.T) {
	s, names, docs := relatedIndex(t)
	of := func(hits []Hit) []string {
		out := []string{}
		for _, h := range hits {
			out = append(out, names[h.ID])
		}
		return out
	}
	staff := access.SightOf(access.Viewer{Name: "a", Role: access.Staff, Unit: "VP"})
	kt := access.SightOf(access.Viewer{Name: "b", Role: access.Staff, Unit: "KT"})
	for _, c := range []struct {
		doc     string
		sight   *access.Sight
		cites   map[string][]string // number cited → the documents found
		citedBy []string            // newest first
	}{
		{"qd-2024", nil, map[string][]string{"30/2020/NĐ-CP": {}}, []string{"tb-unread", "cv-kt", "cv-undated", "kh"}},
		{"qd-2024", &staff, map[string][]string{"30/2020/NĐ-CP": {}}, []string{"tb-unread", "cv-undated", "kh"}},
		{"qd-2023", nil, map[string][]string{}, []string{"cv-undated", "cv-2023"}},
		// Its figures unread: no number to look for in the others.
		{"tb-unread", nil, map[string][]string{"45/QĐ-UBND": {"qd-2024"}}, []string{}},
		{"kh", &staff, map[string][]string{"45/QĐ-UBND": {"qd-2024"}}, []string{}},
		{"kh", &kt, map[string][]string{"45/QĐ-UBND": {"qd-2024"}}, []string{"cv-kt"}},
		{"cv-undated", nil, map[string][]string{"45/QĐ-UBND": {"qd-2024", "qd-2023"}}, []string{}},
		{"cv-kt", &kt, map[string][]string{"45/QĐ-UBND": {"qd-2024"}, "12/KH-STC": {"kh"}}, []string{}},
	} {
		rel, err := s.Related(context.Background(), docs[c.doc], c.sight)
		if err != nil {
			t.Fatal(err)
		}
		who := "all"
		if c.sight != nil {
			who = c.sight.Units[0]
		}
		cites := map[string][]string{}
		for _, ct := range rel.Cites {
			cites[ct.Number] = of(ct.Documents)
		}
		if !mapsEqual(cites, c.cites) {
			t.Errorf("%s seen by %s cites %v, want %v", c.doc, who, cites, c.cites)
		}
		if got := of(rel.CitedBy); !slices.Equal(got, c.citedBy) {
			t.Errorf("%s seen by %s is cited by %v, want %v", c.doc, who, got, c.citedBy)
		}
	}
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !slices.Equal(v, w) {
			return false
		}
	}
	return true
}

// cites:NUMBER searches the documents that cite a number, of any day,
// with the other filters; not those that bear it, nor what the viewer
// may not see. A value with no figures is refused.
func TestSearchCites(t *testing.T) {
	s, names, _ := relatedIndex(t)
	staff := access.SightOf(access.Viewer{Name: "a", Role: access.Staff, Unit: "VP"})
	for _, c := range []struct {
		q     string
		year  string
		sight *access.Sight
		want  []string
	}{
		{"cites:45/QĐ-UBND", "", nil, []string{"cv-2023", "cv-kt", "cv-undated", "kh", "tb-unread"}},
		{"cites:45/qd-ubnd", "2024", nil, []string{"cv-kt", "cv-undated", "kh", "tb-unread"}},
		{"cites:45/QĐ-UBND", "", &staff, []string{"cv-2023", "cv-undated", "kh", "tb-unread"}},
		{"cites:12/KH-STC", "", nil, []string{"cv-kt"}},
		{"cites:30/2020/NĐ-CP kế hoạch", "", nil, []string{"qd-2024"}},
		{"cites:99/QĐ-UBND", "", nil, nil},
	} {
		res, err := s.Search(context.Background(), Request{Q: c.q, Year: c.year, Sight: c.sight, Page: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, names[h.ID])
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) || res.Total != uint64(len(c.want)) {
			t.Errorf("%q year %q: %v (total %d), want %v", c.q, c.year, got, res.Total, c.want)
		}
	}
	// A number's figures are needed: cites:TB-UBND would find every
	// notice that prints a number.
	for _, q := range []string{"cites:…/TB-UBND", "cites:TB-UBND", "cites:kế"} {
		if _, err := s.Search(context.Background(), Request{Q: q, Page: 1, Size: 10}); vanthu.KindOf(err) != vanthu.Invalid {
			t.Errorf("%q: %v; want it refused as no number", q, err)
		}
	}
}
