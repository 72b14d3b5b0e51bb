package index

import (
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"

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
