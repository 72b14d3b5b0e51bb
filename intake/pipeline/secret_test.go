package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/queue/inproc"
	"github.com/vanthu/vanthu/intake/registry"
)

// A Tối mật document is kept as a stub only: its original leaves the
// archive for the secret hold (0700, with reason.json), its pages and text
// are deleted, nothing of it is indexed, and its record keeps no trích yếu.
func TestSecretDocumentHeld(t *testing.T) {
	dir, bs, reg := stores(t)
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	original, _ := bs.PutBytes(ctx, []byte("%PDF-1.4 tối mật"))
	image, _ := bs.PutBytes(ctx, []byte("page image"))
	d := vanthu.Document{ID: original, FileName: "mat.pdf", Status: vanthu.Extracted, ReceivedAt: time.Now(),
		Pages: []vanthu.Page{{Number: 1, Image: image, Text: "nội dung tối mật về quốc phòng", Done: true}},
		Metadata: vanthu.Metadata{Number: "12/QĐ-BQP", DocType: "Quyết định", Issuer: "BỘ QUỐC PHÒNG", IssuedDate: "2025-03-01",
			Subject: "Về việc bí mật", Confidentiality: "Tối mật"},
		History: []vanthu.Revision{{By: "extraction", Metadata: vanthu.Metadata{Subject: "Về việc bí mật"}}}}
	if _, _, err := reg.Register(d); err != nil {
		t.Fatal(err)
	}
	ix.Put(d)
	q := inproc.New(10)
	defer q.Close()
	p := &Pipeline{Queue: q, Blobs: bs, Registry: reg, Index: ix, SecretHold: filepath.Join(dir, "secret-hold")}
	if !p.Secret(d) {
		t.Fatal("a Tối mật document is not secret")
	}
	held, err := p.holdSecret(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if held.Status != vanthu.Held || held.Metadata.Subject != "" || held.History[0].Metadata.Subject != "" || len(held.Pages) != 0 ||
		held.Metadata.Number != "12/QĐ-BQP" || held.Metadata.Confidentiality != "Tối mật" || !strings.Contains(strings.Join(held.Warnings, " "), "quy trình văn bản mật") {
		t.Errorf("held record: %+v", held)
	}
	if stored, _ := reg.Get(d.ID); stored.Status != vanthu.Held || len(stored.Pages) != 0 {
		t.Errorf("the register keeps %+v", stored)
	}
	for _, ref := range []vanthu.Ref{original, image} {
		if has, _ := bs.Has(ref); has {
			t.Errorf("blob %s is still in the archive", ref.Short())
		}
	}
	hold := filepath.Join(dir, "secret-hold", string(d.ID))
	if b, err := os.ReadFile(filepath.Join(hold, "original.pdf")); err != nil || string(b) != "%PDF-1.4 tối mật" {
		t.Errorf("the held original: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(hold, "reason.json")); err != nil {
		t.Error(err)
	}
	for _, dir := range []string{hold, filepath.Dir(hold)} {
		if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, %v; want 0700", dir, fi.Mode().Perm(), err)
		}
	}
	if n, _ := ix.Count(); n != 0 {
		t.Errorf("the index holds %d documents", n)
	}
}

// On an isolated machine the document is kept whole, marked secret.
func TestSecretDocumentIsolated(t *testing.T) {
	dir, bs, reg := stores(t)
	ctx := context.Background()
	original, _ := bs.PutBytes(ctx, []byte("%PDF-1.4 mật"))
	d := vanthu.Document{ID: original, FileName: "mat.pdf", Status: vanthu.Extracted, ReceivedAt: time.Now(),
		Pages:    []vanthu.Page{{Number: 1, Text: "nội dung mật", Done: true}},
		Metadata: vanthu.Metadata{Number: "3/QĐ-UBND", Confidentiality: "Mật", Subject: "Về việc mật"}}
	reg.Register(d)
	q := inproc.New(10)
	defer q.Close()
	p := &Pipeline{Queue: q, Blobs: bs, Registry: reg, SecretHold: filepath.Join(dir, "secret-hold"), SecretIsolated: true}
	kept, err := p.HoldSecret(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if !kept.Access.Secret || kept.Status == vanthu.Held || len(kept.Pages) != 1 || kept.Metadata.Subject == "" {
		t.Errorf("isolated: %+v", kept)
	}
	if has, _ := bs.Has(original); !has {
		t.Error("the original left the archive on an isolated machine")
	}
}

// stores opens a blob store and a registry in a folder of the test's.
func stores(t *testing.T) (string, *blob.Store, *registry.Registry) {
	t.Helper()
	dir := t.TempDir()
	bs, err := blob.Open(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Open(filepath.Join(dir, "registry.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	return dir, bs, reg
}
