package inflight_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/inflight"
)

var id = vanthu.Ref(strings.Repeat("ab", 32))

func TestConcurrentUpdatesAreNotLost(t *testing.T) {
	s, err := inflight.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Ensure(vanthu.Document{ID: id, FileName: "a.pdf"}); err != nil {
		t.Fatal(err)
	}
	// Ensure never replaces a record.
	if err := s.Ensure(vanthu.Document{ID: id, FileName: "b.pdf"}); err != nil {
		t.Fatal(err)
	}
	const n = 40
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.Update(id, func(d *vanthu.Document) error { d.PageCount++; return nil }); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	d, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.PageCount != n || d.FileName != "a.pdf" {
		t.Fatalf("after %d concurrent updates: page count %d, file %q", n, d.PageCount, d.FileName)
	}
}

func TestUnknownAndHostileIDs(t *testing.T) {
	s, _ := inflight.Open(t.TempDir())
	if _, err := s.Get(id); vanthu.KindOf(err) != vanthu.NotExist {
		t.Fatalf("Get of an unknown id: %v, want NotExist", err)
	}
	if _, err := s.Update(id, func(*vanthu.Document) error { return nil }); vanthu.KindOf(err) != vanthu.NotExist {
		t.Fatalf("Update of an unknown id: %v, want NotExist", err)
	}
	if err := s.Ensure(vanthu.Document{ID: "../../etc/passwd"}); vanthu.KindOf(err) != vanthu.Invalid {
		t.Fatalf("a path as id: %v, want Invalid", err)
	}
}
