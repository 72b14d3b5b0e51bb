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
		// A công văn as OCR reads it: each line one word in its box.
		lines := []struct {
			text           string
			x0, y0, x1, y1 int
		}{
			{"ỦY BAN NHÂN DÂN", 270, 129, 605, 177},
			{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 130, 1451, 170},
			{"TỈNH BÌNH AN", 269, 174, 603, 211},
			{"Độc lập - Tự do - Hạnh phúc", 862, 175, 1299, 209},
			{"Số: 507/UBND-KGVX", 300, 240, 580, 275},
			{"Bình An, ngày 24 tháng 01 năm 2025", 800, 240, 1400, 278},
			{"V/v tổ chức các hoạt động mừng Xuân", 250, 290, 640, 325},
			{"Ủy ban nhân dân tỉnh có ý kiến như sau về việc tổ chức các hoạt động.", 200, 480, 1500, 520},
			{"Nơi nhận:", 200, 700, 400, 735},
			{role1, 1000, 700, 1300, 740},
			{"- Như trên;", 200, 740, 400, 770},
			{role2, 1000, 745, 1300, 785},
			{"- Lưu: VT, KGVX.", 200, 775, 500, 805},
			{nameRead, 980, 1000, 1320, 1040},
		}
		var words []vanthu.Word
		var text strings.Builder
		for i, l := range lines {
			if l.text == "" {
				continue
			}
			words = append(words, vanthu.Word{Text: l.text, X0: l.x0, Y0: l.y0, X1: l.x1, Y1: l.y1, Confidence: 95, Line: i})
			text.WriteString(l.text + "\n")
		}
		d := vanthu.Document{ID: vanthu.RefOf([]byte(file)), FileName: file, Status: vanthu.Recognised, ReceivedAt: time.Now(),
			Pages: []vanthu.Page{{Number: 1, Text: text.String(), Words: words, Width: 1654, Height: 2339, Done: true}}}
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
