package extract

import (
	"slices"
	"testing"

	"github.com/vanthu/vanthu"
)

func TestUnitCode(t *testing.T) {
	for _, c := range []struct {
		n     string
		typed bool // the first code names a type and is the issuer's
		want  string
	}{
		{"575/UBND-KTTH", false, "KTTH"},
		{"45-TB/TĐTN-VP", false, "VP"},
		{"1234/CT-TTHT", true, "TTHT"},
		{"56/KH-THPTLN1-VP", false, "VP"},
		{"45/QĐ-UBND", false, ""},
		{"12/2011/TT-UBND", false, ""},
		{"125-QĐ/HU", false, ""},
		{"1234/CT-TTHT", false, ""}, // a Chỉ thị's: CT is its type
	} {
		i, j := unitCode(c.n, c.typed)
		if got := c.n[i:j]; got != c.want {
			t.Errorf("unitCode(%q, %v) = %q, want %q", c.n, c.typed, got, c.want)
		}
	}
}

func TestKeptCodes(t *testing.T) {
	got := keptCodes([]string{"Như trên", "VPUB: CVP, PCVP (KTTH)", "Lưu: VT, KTTHa4?", "Luu: VT, TCHC(Ng), P", "Lưu VP", "Lưu Văn phòng Huyện ủy"})
	want := []string{"KTTH", "TCHC", "VP"}
	if !slices.Equal(got, want) {
		t.Errorf("keptCodes = %q, want %q", got, want)
	}
}

// The drafting unit's code read in the number and in "Lưu: VT, …": where
// the two disagree by a letter, the number is flagged, and put right by
// the other reading only where it was not read surely.
func TestCheckUnitCode(t *testing.T) {
	for _, c := range []struct {
		number, docType, issuer, kept string
		conf                          float64
		want                          string
		flagged                       bool
	}{
		{"315/SNV-CCVCG", "Công văn", "SỞ NỘI VỤ", "Lưu: VT, CCVC.", 0.5, "315/SNV-CCVC", true},
		{"315/SNV-CCVG", "Công văn", "SỞ NỘI VỤ", "Lưu: VT, CCVC.", 0.7, "315/SNV-CCVC", true},
		{"1234/CT-TFHT", "Công văn", "CỤC THUẾ TỈNH BÌNH AN", "Lưu: VT, TTHT.", 0.4, "1234/CT-TTHT", true},
		// Read surely: flagged, not changed.
		{"315/SNV-CCVC", "Công văn", "SỞ NỘI VỤ", "Lưu: VT, CCVG.", 0.9, "315/SNV-CCVC", true},
		// The two agree, or the kept code is another unit's.
		{"575/UBND-KTTH", "Công văn", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Lưu: VT, KTTHa4?", 0.9, "575/UBND-KTTH", false},
		{"575/UBND-KTTH", "Công văn", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Lưu: VT, NC.", 0.5, "575/UBND-KTTH", false},
		// A code of two letters is too short to put right.
		{"45-TB/TĐTN-VP", "Thông báo", "BAN CHẤP HÀNH TỈNH ĐOÀN BÌNH AN", "Lưu VE", 0.5, "45-TB/TĐTN-VP", false},
		// Two kept codes as near: no choosing.
		{"575/UBND-KTT", "Công văn", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Lưu: VT, KTTH, KTN.", 0.5, "575/UBND-KTT", false},
		// Tesseract's U after a Q, and a Đ's stroke lost: the number's
		// reading stands.
		{"2215/STC-QLNS", "Công văn", "SỞ TÀI CHÍNH", "Lưu: VTý QUNS", 0.4, "2215/STC-QLNS", false},
		{"2215/STC-QLNS", "Công văn", "SỞ TÀI CHÍNH", "Lưu: VT, QLUNS", 0.4, "2215/STC-QLNS", false},
		{"1825/SGTVT-QLCL", "Công văn", "SỞ GIAO THÔNG VẬN TẢI", "Lưu: VT, QLUCL", 0.9, "1825/SGTVT-QLCL", false},
		{"45/SXD-QLĐT", "Công văn", "SỞ XÂY DỰNG", "Lưu: VT, QLDT.", 0.4, "45/SXD-QLĐT", false},
		// No unit code in the number.
		{"45/QĐ-UBND", "Quyết định", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "Lưu: VT, KTTH.", 0.5, "45/QĐ-UBND", false},
	} {
		md := vanthu.Metadata{Number: c.number, DocType: c.docType, Issuer: c.issuer, Recipients: []string{"Như trên", c.kept}}
		conf := map[string]float64{"number": c.conf}
		checkUnitCode(&md, conf)
		if flagged := conf["number"] <= ReviewThreshold/2; md.Number != c.want || flagged != c.flagged {
			t.Errorf("%s with %q: %q, flagged %v; want %q, %v", c.number, c.kept, md.Number, flagged, c.want, c.flagged)
		}
	}
}
