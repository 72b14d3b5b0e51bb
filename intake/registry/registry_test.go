package registry

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

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

// Số đến: consecutive per year, never reused or skipped, under concurrent
// intake and across restarts; restarting at 1 on 1 January (Vietnam time).
func TestArrivalNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	r := open(t, path)
	const n = 60
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := vanthu.RefOf([]byte(fmt.Sprint("doc", i)))
			if _, _, err := r.Register(vanthu.Document{ID: id, ReceivedAt: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}); err != nil {
				t.Error(err)
			}
			r.Register(vanthu.Document{ID: id}) // a duplicate takes no number
		}()
	}
	wg.Wait()
	r.Close()
	r = open(t, path) // after a restart the sequence goes on
	defer r.Close()
	// 31 Dec 2026 23:30 UTC is already 1 Jan 2027 in Vietnam.
	d, _, _ := r.Register(vanthu.Document{ID: vanthu.RefOf([]byte("new year")), ReceivedAt: time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC)})
	if d.ArrivalNumber != 1 || d.ArrivalDate != "2027-01-01" {
		t.Errorf("first arrival of 2027: number %d, date %s", d.ArrivalNumber, d.ArrivalDate)
	}
	d, _, _ = r.Register(vanthu.Document{ID: vanthu.RefOf([]byte("later")), ReceivedAt: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if d.ArrivalNumber != n+1 {
		t.Errorf("after a restart: số đến %d, want %d", d.ArrivalNumber, n+1)
	}
	reg, err := r.RegisterOf(2026)
	if err != nil || len(reg) != n+1 {
		t.Fatalf("register 2026: %d entries, %v", len(reg), err)
	}
	for i, d := range reg {
		if d.ArrivalNumber != i+1 {
			t.Fatalf("entry %d has số đến %d: numbers must be consecutive and unique", i+1, d.ArrivalNumber)
		}
	}
}

// Recent lists the latest arrivals newest first, across the turn of a year.
func TestRecent(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), "registry.db"))
	defer r.Close()
	at := []time.Time{
		time.Date(2026, 12, 30, 9, 0, 0, 0, vanthu.VietnamTime),
		time.Date(2026, 12, 31, 9, 0, 0, 0, vanthu.VietnamTime),
		time.Date(2027, 1, 2, 9, 0, 0, 0, vanthu.VietnamTime),
	}
	for i, when := range at {
		r.Register(vanthu.Document{ID: vanthu.RefOf([]byte(fmt.Sprint(i))), FileName: fmt.Sprint(i), ReceivedAt: when})
	}
	got, err := r.Recent(2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].FileName != "2" || got[1].FileName != "1" {
		t.Fatalf("Recent(2): %v", got)
	}
	if all, _ := r.Recent(10); len(all) != 3 {
		t.Fatalf("Recent(10): %d documents, want 3", len(all))
	}
}

// A record from the log keeps the local số đến and never undoes a newer
// local correction; a record new here enters the register under its số đến.
func TestMaterialise(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), "registry.db"))
	defer r.Close()
	id := vanthu.RefOf([]byte("m"))
	local, _, _ := r.Register(vanthu.Document{ID: id, ReceivedAt: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)})
	r.Update(id, func(d *vanthu.Document) error {
		d.Metadata.Signer = "Đã sửa"
		d.History = []vanthu.Revision{{By: "extraction"}, {By: "clerk"}}
		return nil
	})
	older := vanthu.Document{ID: id, Metadata: vanthu.Metadata{Signer: "Cũ"}, History: []vanthu.Revision{{By: "extraction"}}}
	if got, _ := r.Materialise(older); got.Metadata.Signer != "Đã sửa" {
		t.Errorf("an older record from the log replaced a correction: signer %q", got.Metadata.Signer)
	}
	newer := vanthu.Document{ID: id, Metadata: vanthu.Metadata{Signer: "Mới"}, History: []vanthu.Revision{{}, {}, {}}}
	got, _ := r.Materialise(newer)
	if got.Metadata.Signer != "Mới" || got.ArrivalNumber != local.ArrivalNumber || got.ArrivalDate != local.ArrivalDate {
		t.Errorf("a newer record: signer %q, số đến %d %s; want Mới with the local %d %s",
			got.Metadata.Signer, got.ArrivalNumber, got.ArrivalDate, local.ArrivalNumber, local.ArrivalDate)
	}
	// Rebuilt elsewhere: a record new here is entered under its số đến,
	// and intake numbers on after it.
	other := vanthu.RefOf([]byte("from the log"))
	r.Materialise(vanthu.Document{ID: other, ArrivalNumber: 7, ArrivalDate: "2026-05-02"})
	if reg, _ := r.RegisterOf(2026); len(reg) != 2 || reg[1].ID != other {
		t.Errorf("register 2026 after materialising: %v", reg)
	}
	next, _, _ := r.Register(vanthu.Document{ID: vanthu.RefOf([]byte("next")), ReceivedAt: time.Date(2026, 5, 3, 9, 0, 0, 0, time.UTC)})
	if next.ArrivalNumber != 8 {
		t.Errorf("the next arrival got số đến %d, want 8", next.ArrivalNumber)
	}
}

// A document assigned while it is being read keeps its assignment when the
// pipeline's record of it (made before) arrives.
func TestMergeKeepsAccess(t *testing.T) {
	restricted := vanthu.Access{Scope: vanthu.ScopeRestricted, Units: []string{"Phòng Tài chính"}}
	local := vanthu.Document{ID: vanthu.RefOf([]byte("a")), ArrivalNumber: 7, Access: restricted,
		AccessHistory: []vanthu.AccessChange{{By: "leader", Access: restricted}}}
	fromLog := vanthu.Document{ID: local.ID, Status: vanthu.Indexed, Metadata: vanthu.Metadata{Number: "1/TTr-UBND"}}
	got, fresh := Merge(&local, fromLog)
	if !fresh || !got.Access.Restricted() || len(got.AccessHistory) != 1 || got.Metadata.Number != "1/TTr-UBND" || got.ArrivalNumber != 7 {
		t.Errorf("Merge = %+v, %v", got, fresh)
	}
}

// A document is filed in one case file; a register made before the index
// of where each document is filed has it made at open from its case files.
func TestFileDocumentOnceAndAnOlderRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	r := open(t, path)
	for _, code := range []string{"HS-01", "HS-02"} {
		if err := r.CreateCaseFile(vanthu.CaseFile{Code: code, Title: code}); err != nil {
			t.Fatal(err)
		}
	}
	id := vanthu.RefOf([]byte("một văn bản"))
	if _, err := r.FileDocument("HS-01", id); err != nil {
		t.Fatal(err)
	}
	if cf, err := r.FileDocument("HS-01", id); err != nil || len(cf.Documents) != 1 {
		t.Errorf("filed again in the same case file: %v, %v", cf.Documents, err)
	}
	// The register as an older version left it: no index.
	if err := r.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(filedBucket) }); err != nil {
		t.Fatal(err)
	}
	r.Close()
	r = open(t, path)
	defer r.Close()
	if got := r.FiledIn(id); got != "HS-01" {
		t.Errorf("FiledIn = %q after reopening an older register, want HS-01", got)
	}
	if _, err := r.FileDocument("HS-02", id); vanthu.KindOf(err) != vanthu.Exist {
		t.Errorf("filed in a second case file: %v, want an Exist error", err)
	}
}
