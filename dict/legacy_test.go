package dict

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// asRead shows bytes as a PDF reader shows a legacy font: Windows-1252.
func asRead(b []byte) string {
	s, _ := charmap.Windows1252.NewDecoder().Bytes(b)
	return string(s)
}

func TestDecodeLegacy(t *testing.T) {
	tests := []struct{ in, want, enc string }{
		// TCVN3 (ABC), as the domain brief shows it.
		{asRead([]byte("C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam")), "Cộng hòa xã hội chủ nghĩa Việt Nam", "tcvn3"},
		{asRead([]byte("Quy\xd5t \xae\xdenh")), "Quyết định", "tcvn3"},
		// VNI.
		{"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni"},
		{"Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", "vni"},
		// Unicode text stays as it is.
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", ""},
		{"Café crème brûlée", "Café crème brûlée", ""},
	}
	for _, tt := range tests {
		got, enc := DecodeLegacy(tt.in)
		if got != tt.want || enc != tt.enc {
			t.Errorf("DecodeLegacy(%q) = %q, %q; want %q, %q", tt.in, got, enc, tt.want, tt.enc)
		}
	}
}

func FuzzDecodeLegacy(f *testing.F) {
	f.Add("Coäng hoøa")
	f.Add("Céng hßa")
	f.Fuzz(func(t *testing.T, s string) {
		DecodeLegacy(s)
	})
}

// TCVN3 capitals were drawn with a second font at the small letters' codes.
func TestTCVN3Capitals(t *testing.T) {
	in := asRead([]byte("UBND T\xd8NH H\xdfA B\xd7NH\nS\xe8: 12/TB-SNV"))
	got, enc := DecodeLegacy(in)
	if want := "UBND TỈNH HÒA BÌNH\nSố: 12/TB-SNV"; got != want || enc != "tcvn3" {
		t.Errorf("DecodeLegacy(%q) = %q, %q; want %q", in, got, enc, want)
	}
}

func TestMarkShare(t *testing.T) {
	for _, c := range []struct {
		text     string
		min, max float64
	}{
		{"Ủy ban nhân dân tỉnh Quảng Ngãi báo cáo kết quả thực hiện", 0.7, 1},
		{"UY BAN NHAN DAN TINH QUANG NGAI bao cao ket qua thuc hien", 0, 0},
		{"Cộng hòa xã hội chủ nghĩa Việt Nam", 0.7, 1},
		{"Đà Nẵng", 1, 1},
		{"45/QĐ-UBND 2024", 0, 0}, // no letter-only word
	} {
		if got := MarkShare(c.text); got < c.min || got > c.max {
			t.Errorf("MarkShare(%q) = %.2f, want %.2f–%.2f", c.text, got, c.min, c.max)
		}
	}
	// The same text in NFD has the same share.
	if a, b := MarkShare("Cộng hòa"), MarkShare(norm.NFD.String("Cộng hòa")); a != b {
		t.Errorf("NFC %.2f, NFD %.2f", a, b)
	}
}
