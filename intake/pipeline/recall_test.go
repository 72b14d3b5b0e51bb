package pipeline

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/queue/inproc"
)

// A signer's name or role that a seal garbled is read as the signer or
// role the register knows for the issuer, and left for the clerk to
// confirm, with what was read; a name the register does not know stays as
// read.
func TestExtractRecallsAKnownSigner(t *testing.T) {
	_, bs, reg := stores(t)
	ctx := context.Background()
	const issuer = "ỦY BAN NHÂN DÂN TỈNH BÌNH AN"
	for i, md := range []vanthu.Metadata{
		{Signer: "Trần Hoàng Tuấn", SignerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{Signer: "Trần Hoàng Tuấn", SignerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{Signer: "Nguyễn Văn An", SignerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{Signer: "Đặng Văn Minh", SignerTitle: "CHỦ TỊCH", IssuedDate: "2025-01-13"},
	} {
		md.Issuer = issuer
		d := vanthu.Document{ID: vanthu.RefOf([]byte{byte(i)}), FileName: "earlier.pdf", Status: vanthu.Indexed, Metadata: md}
		if _, _, err := reg.Register(d); err != nil {
			t.Fatal(err)
		}
	}
	q := inproc.New(10)
	defer q.Close()
	p := &Pipeline{Queue: q, Blobs: bs, Registry: reg}
	// read extracts a công văn signed by the two role lines, each left out
	// when "", over the name read.
	read := func(file, nameRead, role1, role2 string) vanthu.Document {
		t.Helper()
		page := readPage(append(congVanHead(),
			ocrLine{"Ủy ban nhân dân tỉnh có ý kiến như sau về việc tổ chức các hoạt động.", 200, 480, 1500, 520},
			ocrLine{"Nơi nhận:", 200, 700, 400, 735},
			ocrLine{role1, 1000, 700, 1300, 740},
			ocrLine{"- Như trên;", 200, 740, 400, 770},
			ocrLine{role2, 1000, 745, 1300, 785},
			ocrLine{"- Lưu: VT, KGVX.", 200, 775, 500, 805},
			ocrLine{nameRead, 980, 1000, 1320, 1040},
		)...)
		d := vanthu.Document{ID: vanthu.RefOf([]byte(file)), FileName: file, Status: vanthu.Recognised, ReceivedAt: time.Now(),
			Pages: []vanthu.Page{page}}
		if _, _, err := reg.Register(d); err != nil {
			t.Fatal(err)
		}
		if err := p.extract(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		got, err := reg.Get(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	got := read("moi.pdf", "Lian Hoàng Tuấn", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
	if got.Metadata.Signer != "Trần Hoàng Tuấn" || !slices.Contains(got.Review, "signer") ||
		!strings.Contains(strings.Join(got.Warnings, "\n"), `"Lian Hoàng Tuấn"`) {
		t.Errorf("garbled name: signer %q, review %v, warnings %q; want Trần Hoàng Tuấn, under review, with what was read",
			got.Metadata.Signer, got.Review, got.Warnings)
	}
	got = read("khac.pdf", "Lian Minh Đức", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
	if got.Metadata.Signer != "Lian Minh Đức" || !slices.Contains(got.Review, "signer") {
		t.Errorf("a name no known signer's: signer %q, review %v; want it as read, under review", got.Metadata.Signer, got.Review)
	}
	// A role line a seal garbled, read as the known role it can be.
	got = read("dau.pdf", "Trần Hoàng Tuấn", "KT. CHỦ TỊCH", "PHÓ CIEVXV TỊCH")
	if got.Metadata.SignerTitle != "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" || !slices.Contains(got.Review, "signer_title") ||
		!strings.Contains(strings.Join(got.Warnings, "\n"), `"KT. CHỦ TỊCH / PHÓ CIEVXV TỊCH"`) {
		t.Errorf("garbled role: %q, review %v, warnings %q; want KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, under review, with what was read",
			got.Metadata.SignerTitle, got.Review, got.Warnings)
	}
	// A chair's name not read at all: the chair the register knows then.
	got = read("chu-tich.pdf", "", "CHỦ TỊCH", "")
	if got.Metadata.Signer != "Đặng Văn Minh" || !slices.Contains(got.Review, "signer") {
		t.Errorf("a chair's name not read: %q, review %v, warnings %q; want Đặng Văn Minh, under review",
			got.Metadata.Signer, got.Review, got.Warnings)
	}
	// The names under review do not count as known signers; the one read
	// surely does.
	if known, _ := reg.Signers(issuer); len(known) != 3 || known[0].Name != "Trần Hoàng Tuấn" || known[0].Documents != 3 {
		t.Errorf("known signers: %+v", known)
	}
}
