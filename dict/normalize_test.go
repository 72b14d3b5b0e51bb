package dict

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestInNFC: what InNFC passes NFC leaves as it is, every two characters
// it knows side by side too (a character that composed with the next
// would break that), and it does not pass the texts NFC changes.
func TestInNFC(t *testing.T) {
	var known []string
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if InNFC(string(r)) {
			known = append(known, string(r))
		}
	}
	if len(known) < 700 {
		t.Fatalf("only %d characters known", len(known))
	}
	for _, a := range known {
		for _, b := range known {
			if s := a + b; !norm.NFC.IsNormalString(s) {
				t.Fatalf("InNFC passes %q (%U), which is not in NFC", s, []rune(s))
			}
		}
	}
	for _, s := range []string{norm.NFD.String("Cải cách hành chính"), "hoa\u0300", "ÐIỀU 1", "\u2126", "e\u0301", "\u0340"} {
		if InNFC(s) {
			t.Errorf("InNFC(%q) is true", s)
		}
	}
	for _, s := range []string{"", "Cải cách hành chính – “Điều 1”…", "ỦY BAN NHÂN DÂN", strings.Repeat("Nghị định số 30/2020/NĐ-CP; ", 50)} {
		if !InNFC(s) {
			t.Errorf("InNFC(%q) is false", s)
		}
		if NFC(s) != s {
			t.Errorf("NFC(%q) changed it", s)
		}
	}
}

func FuzzInNFC(f *testing.F) {
	for _, s := range []string{"Cải cách", norm.NFD.String("người"), "ÐIỀU", "a\u0301\u0300", "\u2126", "–…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if InNFC(s) && norm.NFC.String(s) != s {
			t.Fatalf("InNFC(%q), but NFC gives %q", s, norm.NFC.String(s))
		}
	})
}

// BenchmarkNFC is NFC on a page already in NFC, as an import's pages
// come.
func BenchmarkNFC(b *testing.B) {
	page := strings.Repeat("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 123/TTr-SNV – “Về việc cải cách hành chính”…\n", 20)
	b.Run("norm", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			norm.NFC.String(page)
		}
	})
	b.Run("InNFC", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			InNFC(page)
		}
	})
}
