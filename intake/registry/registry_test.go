package registry

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/vanthu/vanthu"
)

func open(t *testing.T, path string) *Registry {
	t.Helper()
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRegisterOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	r := open(t, path)
	id := vanthu.RefOf([]byte("scan"))
	rec, created, err := r.Register(vanthu.Document{ID: id, FileName: "quyết định.pdf"})
	if err != nil || !created || rec.Status != vanthu.Received || rec.ReceivedAt.IsZero() {
		t.Fatalf("Register = %+v, %v, %v", rec, created, err)
	}
	again, created, err := r.Register(vanthu.Document{ID: id, FileName: "other name.pdf"})
	if err != nil || created || again.FileName != "quyết định.pdf" {
		t.Fatalf("second Register = %+v, %v, %v; want the first record, not created", again, created, err)
	}

	// The record survives closing and reopening the file.
	r.Close()
	r = open(t, path)
	defer r.Close()
	got, err := r.Get(id)
	if err != nil || got.FileName != "quyết định.pdf" {
		t.Fatalf("Get after reopen = %+v, %v", got, err)
	}
}

func TestUpdateAndUnfinished(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), "registry.db"))
	defer r.Close()
	a, b := vanthu.RefOf([]byte("a")), vanthu.RefOf([]byte("b"))
	r.Register(vanthu.Document{ID: a})
	r.Register(vanthu.Document{ID: b})
	if _, err := r.Update(a, func(d *vanthu.Document) error { d.Status = vanthu.Indexed; return nil }); err != nil {
		t.Fatal(err)
	}
	// A failing update changes nothing.
	boom := errors.New("boom")
	if _, err := r.Update(b, func(d *vanthu.Document) error { d.Status = vanthu.Indexed; return boom }); !errors.Is(err, boom) {
		t.Fatalf("Update err = %v, want boom", err)
	}
	ids, err := r.Unfinished()
	if err != nil || len(ids) != 1 || ids[0] != b {
		t.Fatalf("Unfinished = %v, %v; want [%s]", ids, err, b.Short())
	}
	if _, err := r.Update(vanthu.RefOf([]byte("c")), func(*vanthu.Document) error { return nil }); vanthu.KindOf(err) != vanthu.NotExist {
		t.Fatalf("Update(missing) = %v, want NotExist", err)
	}
}

func TestConcurrentPageUpdates(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), "registry.db"))
	defer r.Close()
	id := vanthu.RefOf([]byte("doc"))
	const pages = 20
	ps := make([]vanthu.Page, pages)
	for i := range ps {
		ps[i].Number = i + 1
	}
	r.Register(vanthu.Document{ID: id, PageCount: pages, Pages: ps})
	var wg sync.WaitGroup
	for i := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Update(id, func(d *vanthu.Document) error {
				d.Pages[i].Done = true
				return nil
			})
		}()
	}
	wg.Wait()
	d, _ := r.Get(id)
	if !d.Recognised() {
		t.Fatalf("after %d concurrent page updates the document is not recognised: %+v", pages, d.Pages)
	}
}
