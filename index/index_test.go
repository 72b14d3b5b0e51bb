package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
)

func TestPutIsIdempotentAndDurable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := vanthu.Document{ID: vanthu.RefOf([]byte("a")), Pages: []vanthu.Page{{Number: 1, Text: "Hòa giải ở cơ sở"}},
		Metadata: vanthu.Metadata{Number: "12/QĐ-UBND", IssuedDate: "2023-04-05", Issuer: "UỶ BAN NHÂN DÂN"}}
	for range 2 {
		if err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := ix.Count(); n != 1 {
		t.Fatalf("after putting one document twice: %d documents", n)
	}
	ix.Close()

	// Reopening needs the vi analyzers registered; the document is there.
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	q := bleve.NewMatchQuery("hoa giai")
	q.SetField(FieldTextFolded)
	q.Analyzer = Analyzers[FieldTextFolded]
	res, err := ix.Bleve().Search(bleve.NewSearchRequest(q))
	if err != nil || res.Total != 1 {
		t.Fatalf("search after reopen: %v, %v", res, err)
	}
	for _, f := range []struct{ field, want string }{{FieldYear, "2023"}, {FieldIssuer, "ỦY BAN NHÂN DÂN"}} {
		tq := bleve.NewTermQuery(f.want)
		tq.SetField(f.field)
		if res, _ := ix.Bleve().Search(bleve.NewSearchRequest(tq)); res.Total != 1 {
			t.Errorf("%s:%q finds %d documents, want 1", f.field, f.want, res.Total)
		}
	}
	if err := ix.Delete(d.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 0 {
		t.Errorf("after delete: %d documents", n)
	}
}

// Facet counts and the order by date are read from doc values: in an
// index made now (whole per document) and in one made by an earlier
// version (chunked), across many segments merged into one, every count is
// exact and the newest document comes first. An index made before never
// mixes the two kinds, which Bleve cannot merge (it writes into the mapped
// file), whatever version wrote to it.
func TestDocValuesAcrossMerges(t *testing.T) {
	for _, made := range []string{"now", "before"} {
		t.Run(made, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			types := []string{"Quyết định", "Công văn", "Tờ trình"}
			want := map[string]int{}
			batch := func(k int) []vanthu.Document {
				var docs []vanthu.Document
				for i := range 40 {
					n := k*40 + i
					typ := types[n%len(types)]
					want[typ]++
					docs = append(docs, vanthu.Document{ID: vanthu.RefOf(fmt.Appendf(nil, "d%d", n)),
						Pages:    []vanthu.Page{{Number: 1, Text: "cải cách hành chính"}},
						Metadata: vanthu.Metadata{DocType: typ, IssuedDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02")}})
				}
				return docs
			}
			first := 0
			if made == "before" {
				// As an earlier version wrote them: the mapping's own
				// documents, without vanthu's marks.
				b, err := bleve.New(dir, Mapping())
				if err != nil {
					t.Fatal(err)
				}
				for ; first < 2; first++ {
					bb := b.NewBatch()
					for _, d := range batch(first) {
						e, _ := toEntry(d)
						bb.Index(string(d.ID), e)
					}
					if err := b.Batch(bb); err != nil {
						t.Fatal(err)
					}
				}
				b.Close()
			}
			ix, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			last := 8
			if made == "before" {
				last = 7
			}
			for k := first; k < last; k++ {
				if err := ix.PutBatch(batch(k)); err != nil {
					t.Fatal(err)
				}
			}
			if made == "before" {
				// And after them, one more written the earlier way (a
				// worker of the earlier version still running).
				bb := ix.Bleve().NewBatch()
				for _, d := range batch(7) {
					e, _ := toEntry(d)
					bb.Index(string(d.ID), e)
				}
				if err := ix.Bleve().Batch(bb); err != nil {
					t.Fatal(err)
				}
			}
			adv, err := ix.Bleve().Advanced()
			if err != nil {
				t.Fatal(err)
			}
			if err := adv.(*scorch.Scorch).ForceMerge(context.Background(), &mergeplan.DefaultMergePlanOptions); err != nil {
				t.Fatal(err)
			}
			req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
			req.AddFacet(FieldDocType, bleve.NewFacetRequest(FieldDocType, 10))
			req.SortBy([]string{"-" + FieldIssuedDate})
			res, err := ix.Bleve().Search(req)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, tf := range res.Facets[FieldDocType].Terms.Terms() {
				got[tf.Term] = tf.Count
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("facet counts %v, want %v", got, want)
			}
			if newest := vanthu.RefOf([]byte("d319")); len(res.Hits) != 1 || res.Hits[0].ID != string(newest) {
				t.Errorf("first by date: %v, want d319", res.Hits)
			}
		})
	}
}

// An index another process holds (a running server) is refused after a
// moment, not waited on for ever.
func TestOpenInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	done := make(chan error, 1)
	go func() {
		second, err := Open(dir)
		if err == nil {
			second.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInUse) {
			t.Errorf("second Open: %v, want ErrInUse", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("second Open still waiting after 20 s")
	}
}

// TestFacetKey: one agency printed in either tone style, in NFD, or with
// its spacing astray is one facet value, asked once or many times.
func TestFacetKey(t *testing.T) {
	want := "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"
	long := strings.Repeat("ỦY BAN NHÂN DÂN ", 20) + "TỈNH KHÁNH HÒA"
	for range 3 {
		for _, s := range []string{want, "UỶ BAN NHÂN DÂN TỈNH KHÁNH HOÀ", norm.NFD.String(want), " ỦY  BAN NHÂN DÂN\nTỈNH KHÁNH HOÀ "} {
			if got := FacetKey(s); got != want {
				t.Errorf("FacetKey(%q) = %q, want %q", s, got, want)
			}
		}
		if got := FacetKey(strings.ReplaceAll(long, "ỦY", "UỶ")); got != long {
			t.Errorf("FacetKey of a long name: %q", got)
		}
	}
}

// BenchmarkFacetKey is the keys of one document's facets.
func BenchmarkFacetKey(b *testing.B) {
	for b.Loop() {
		FacetKey("SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH KHÁNH HÒA")
		FacetKey("Công điện")
		FacetKey("Thượng khẩn")
		FacetKey("")
	}
}
