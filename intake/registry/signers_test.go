package registry

import (
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vanthu/vanthu"
)

// The register knows who signs for an issuer from the records that name
// the signer without doubt, follows a clerk's correction, and is rebuilt
// for a register written before it knew.
func TestSigners(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	r := open(t, path)
	read := func(name string, md vanthu.Metadata, review ...string) vanthu.Ref {
		t.Helper()
		id := vanthu.RefOf([]byte(name))
		if _, _, err := r.Register(vanthu.Document{ID: id, FileName: name}); err != nil {
			t.Fatal(err)
		}
		if _, err := r.Update(id, func(d *vanthu.Document) error {
			d.Metadata, d.Review, d.Status = md, review, vanthu.Extracted
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return id
	}
	const ubnd = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
	chair := vanthu.Metadata{Issuer: ubnd, Signer: "Đặng Văn Minh", SignerTitle: "CHỦ TỊCH"}
	deputy := vanthu.Metadata{Issuer: ubnd, Signer: "Trần Hoàng Tuấn", SignerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"}
	deputy.IssuedDate = "2025-01-23"
	read("a.pdf", deputy)
	deputy.IssuedDate = "2025-01-06"
	read("b.pdf", deputy)
	chair.IssuedDate = "2025-02" // no whole date: no span
	read("c.pdf", chair)
	// An older paper, registered later, signed in an office held before.
	read("a0.pdf", vanthu.Metadata{Issuer: ubnd, Signer: "Trần Hoàng Tuấn", SignerTitle: "GIÁM ĐỐC", IssuedDate: "2021-05-10"})
	read("d.pdf", vanthu.Metadata{Issuer: ubnd, Signer: "Lian Hoàng Tuấn"}, "signer")                                   // under review: not known
	read("e.pdf", vanthu.Metadata{Issuer: "SỞ TÀI CHÍNH", Signer: "Lê Văn Bình", SignerTitle: "GIÁM ĐỐC"})              // another issuer
	read("g.pdf", vanthu.Metadata{Issuer: ubnd, Signer: "Võ Văn Mật", SignerTitle: "CHỦ TỊCH", Confidentiality: "Mật"}) // a secret paper's
	wrong := read("f.pdf", vanthu.Metadata{Issuer: ubnd, Signer: "Trần Phước Hiến", SignerTitle: "PHÓ CHỦ TỊCH"})

	want := []vanthu.Signer{
		{Name: "Trần Hoàng Tuấn", Title: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", Documents: 3, First: "2021-05-10", Last: "2025-01-23"},
		{Name: "Đặng Văn Minh", Title: "CHỦ TỊCH", Documents: 1},
		{Name: "Trần Phước Hiến", Title: "PHÓ CHỦ TỊCH", Documents: 1},
	}
	// The issuer as typed: without marks, in small letters.
	if got, err := r.Signers("uy ban nhan dan  tinh Quang Ngai"); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Signers = %+v, %v; want %+v", got, err, want)
	}

	// A clerk corrects a name: the register follows.
	if _, err := r.Update(wrong, func(d *vanthu.Document) error {
		d.Metadata.Signer = "Trần Phước Hiền"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want[2].Name = "Trần Phước Hiền"
	if got, _ := r.Signers(ubnd); !reflect.DeepEqual(got, want) {
		t.Errorf("after the correction, Signers = %+v; want %+v", got, want)
	}

	// The register as an older version left it: no signers.
	if err := r.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(signersBucket) }); err != nil {
		t.Fatal(err)
	}
	r.Close()
	r = open(t, path)
	defer r.Close()
	if got, _ := r.Signers(ubnd); !reflect.DeepEqual(got, want) {
		t.Errorf("after reopening an older register, Signers = %+v; want %+v", got, want)
	}
	if got, _ := r.Signers("SỞ NỘI VỤ"); len(got) != 0 {
		t.Errorf("Signers of an issuer with no records = %+v", got)
	}
}
