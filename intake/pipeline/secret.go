package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/vanthu/vanthu"
)

// SecretWarning tells the clerk what became of a state-secret document.
const SecretWarning = "Văn bản mật: hệ thống chỉ giữ số đến, số ký hiệu, cơ quan, ngày và độ mật; bản gốc đã được chuyển ra khỏi kho, chữ và ảnh trang đã bị xoá. Hãy xử lý văn bản theo quy trình văn bản mật (Luật Bảo vệ bí mật nhà nước 2018, Điều 5) (state secret: handled outside this networked system)"

// holdSecret applies the default policy for state-secret documents (độ
// mật Mật, Tối mật, Tuyệt mật) to d, which is not to be kept on a networked
// computer: the record keeps only a stub (số đến, số ký hiệu, loại, cơ
// quan, ngày, độ mật; the trích yếu too for Mật, never for Tối mật and
// Tuyệt mật), its page images and text are deleted, its original is moved
// to SecretHold/<id>/ (mode 0700) with reason.json, its archive copy
// deleted, and it is never indexed. It returns the stub.
func (p *Pipeline) holdSecret(ctx context.Context, d vanthu.Document) (vanthu.Document, error) {
	dir := filepath.Join(p.SecretHold, string(d.ID))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return d, vanthu.E("secret hold", vanthu.Transient, err)
	}
	os.Chmod(p.SecretHold, 0o700)
	md := d.Metadata
	stub := SecretStub(md)
	reason, _ := json.MarshalIndent(map[string]any{
		"id": d.ID, "file_name": d.FileName, "arrival_number": d.ArrivalNumber, "arrival_date": d.ArrivalDate,
		"confidentiality": md.Confidentiality, "held_at": time.Now().UTC(), "reason": "state-secret document: not kept on a networked system",
		"reason_vi": "Văn bản mật: không lưu trên hệ thống nối mạng",
	}, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "reason.json"), reason, 0o600); err != nil {
		return d, vanthu.E("secret hold", vanthu.Transient, err)
	}
	if has, _ := p.Blobs.Has(d.ID); has {
		if err := p.Blobs.MoveOut(d.ID, filepath.Join(dir, "original"+filepath.Ext(d.FileName))); err != nil {
			return d, err
		}
	}
	for _, pg := range d.Pages {
		if pg.Image != "" {
			if err := p.Blobs.Remove(pg.Image); err != nil {
				return d, err
			}
		}
	}
	if d.HasArchiveCopy() {
		if err := p.Blobs.Remove(d.Archive.Ref); err != nil { // the copy holds the text
			return d, err
		}
	}
	held, err := p.records().Update(d.ID, func(d *vanthu.Document) error {
		d.Metadata, d.Pages, d.FieldConfidence, d.Review, d.DuplicateOf, d.Archive = stub, nil, nil, nil, nil, nil
		for i := range d.History {
			d.History[i].Metadata = stub // earlier versions held the text too
		}
		d.Warnings = append(d.Warnings, SecretWarning)
		d.Status = vanthu.Held
		return nil
	})
	if err != nil {
		return d, err
	}
	if p.Index != nil {
		if err := p.Index.Delete(d.ID); err != nil {
			return held, err
		}
	}
	p.log().Warn("state-secret document held", "id", d.ID.Short(), "confidentiality", md.Confidentiality, "hold", dir)
	return held, nil
}

// SecretStub is what the register keeps of a state-secret document: số
// ký hiệu, loại, cơ quan, ngày, độ mật, and the trích yếu only for Mật.
func SecretStub(md vanthu.Metadata) vanthu.Metadata {
	stub := vanthu.Metadata{Number: md.Number, DocType: md.DocType, Issuer: md.Issuer, IssuedDate: md.IssuedDate,
		Confidentiality: md.Confidentiality, Recipients: []string{}}
	if md.Confidentiality == "Mật" {
		stub.Subject = md.Subject
	}
	return stub
}

// Secret reports whether the pipeline has a policy for state-secret
// documents (a secret hold, or isolated keeping) and d is one.
func (p *Pipeline) Secret(d vanthu.Document) bool {
	return (p.SecretHold != "" || p.SecretIsolated) && d.Metadata.Confidentiality != ""
}

// HoldSecret applies the secret policy to a record a clerk corrected to
// carry a secrecy mark: held out of the system and published as a stub,
// or, on an isolated machine, marked secret and published.
func (p *Pipeline) HoldSecret(ctx context.Context, d vanthu.Document) (vanthu.Document, error) {
	var err error
	if p.SecretIsolated {
		d, err = p.records().Update(d.ID, func(d *vanthu.Document) error { d.Access.Secret = true; return nil })
		if err == nil && p.Index != nil && d.Status == vanthu.Indexed {
			err = p.Index.Put(d)
		}
	} else {
		d, err = p.holdSecret(ctx, d)
	}
	if err != nil {
		return d, err
	}
	return d, p.Publish(ctx, d)
}
