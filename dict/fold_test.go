package dict

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCanon(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cải cách hành chính", "cải cách hành chính"},
		{"hòa", "hòa"}, {"hoà", "hòa"}, {"HÒA BÌNH", "hòa bình"}, {"HOÀ BÌNH", "hòa bình"},
		{"khoẻ", "khỏe"}, {"thuỷ lợi", "thủy lợi"}, {"Uỷ ban", "ủy ban"},
		{"quý", "quý"}, {"qúy", "quý"},
		{"hoàn thành", "hoàn thành"}, {"thuyền", "thuyền"},
		{"người", "người"}, {"việt", "việt"}, {"vịêt", "việt"},
		{"mía", "mía"}, {"múa", "múa"}, {"cửa", "cửa"}, {"hoặc", "hoặc"},
		{"già", "già"}, {"gìn", "gìn"}, {"khuỷu", "khuỷu"}, {"hoài", "hoài"},
		{"tuần", "tuần"}, {"chuyển", "chuyển"}, {"thuở", "thuở"},
		{"ÐIỀU 1", "điều 1"},                          // eth for Đ
		{norm.NFD.String("Quyết định"), "quyết định"}, // NFD input
		{"45/QĐ-UBND", "45/qđ-ubnd"},
		{"email tivi", "email tivi"}, {"", ""},
	}
	for _, tt := range tests {
		if got := Canon(tt.in); got != tt.want {
			t.Errorf("Canon(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cải cách hành chính", "Cai cach hanh chinh"},
		{"Đường Điện Biên Phủ", "Duong Dien Bien Phu"},
		{"ÐIỀU", "DIEU"},
		{norm.NFD.String("người"), "nguoi"},
		{"45/QĐ-UBND", "45/QD-UBND"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A name typed any way is one key.
func TestFoldKey(t *testing.T) {
	for _, s := range []string{"Văn thư", " van   THƯ ", "VĂN THƯ"} {
		if got := FoldKey(s); got != "van thu" {
			t.Errorf("FoldKey(%q) = %q, want \"van thu\"", s, got)
		}
	}
}

// Old and new tone placement give one canonical form for every open
// oa/oe/uy syllable, with every tone.
func TestOldAndNewStylesMeet(t *testing.T) {
	pairs := [][2]string{
		{"hòa", "hoà"}, {"hóa", "hoá"}, {"hỏa", "hoả"}, {"họa", "hoạ"}, {"hõa", "hoã"},
		{"khỏe", "khoẻ"}, {"xòe", "xoè"}, {"thủy", "thuỷ"}, {"lũy", "luỹ"}, {"túy", "tuý"},
		{"Hòa", "Hoà"}, {"THỦY", "THUỶ"},
	}
	for _, p := range pairs {
		if a, b := Canon(p[0]), Canon(p[1]); a != b {
			t.Errorf("Canon(%q) = %q but Canon(%q) = %q", p[0], a, p[1], b)
		}
		if got := PlaceTones(p[1]); got != p[0] {
			t.Errorf("PlaceTones(%q) = %q, want %q (case kept)", p[1], got, p[0])
		}
	}
}

func FuzzCanon(f *testing.F) {
	for _, s := range []string{"Cải cách hành chính", "hòa thuỷ", "ÐIỀU", norm.NFD.String("người"), "qúy", "a\u0301\u0300", "\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canon(s)
		if Canon(c) != c {
			t.Fatalf("Canon not idempotent: %q → %q → %q", s, c, Canon(c))
		}
		if !norm.NFC.IsNormalString(c) {
			t.Fatalf("Canon(%q) = %q is not NFC", s, c)
		}
		fd := Fold(c)
		if Fold(fd) != fd {
			t.Fatalf("Fold not idempotent on %q", c)
		}
	})
}

func TestNumberKey(t *testing.T) {
	want := "45 QD UBND"
	for _, in := range []string{"45/QĐ-UBND", "45/QD-UBND", "45/qđ-ubnd", "45 QĐ UBND", "045/QĐ-UBND", "45/QÐ-UBND"} {
		if got := NumberKey(in); got != want {
			t.Errorf("NumberKey(%q) = %q, want %q", in, got, want)
		}
	}
	if a, b := NumberKey("28/2018/QĐ-TTg"), NumberKey("28/2018/QD-TTG"); a != b || a != "28 2018 QD TTG" {
		t.Errorf("NumberKey of a legal document number: %q, %q", a, b)
	}
}

func TestDocTypes(t *testing.T) {
	if n := len(DocTypes); n < 29 {
		t.Fatalf("%d types; Điều 7 lists 29", n)
	}
	for _, a := range []string{"QĐ", "QD", "qđ"} {
		if dt, ok := DocTypeByAbbrev(a); !ok || dt.Name != "Quyết định" {
			t.Errorf("DocTypeByAbbrev(%q) = %v, %v", a, dt, ok)
		}
	}
	if dt, ok := DocTypeByAbbrev("TTr"); !ok || dt.Name != "Tờ trình" {
		t.Errorf("TTr = %v, %v", dt, ok)
	}
	// Codes that differ by a Đ alone.
	for a, want := range map[string]string{"HĐ": "Hợp đồng", "HD": "Hướng dẫn", "ĐA": "Đề án", "DA": "Dự án"} {
		if dt, ok := DocTypeByAbbrev(a); !ok || dt.Name != want {
			t.Errorf("DocTypeByAbbrev(%q) = %v, %v; want %s", a, dt, ok, want)
		}
	}
	for _, n := range []string{"KẾ HOẠCH", "Kế hoạch", "KE HOACH", "K Ế  H O Ạ C H", "KẾHOẠCH"} {
		if dt, ok := DocTypeByName(n); !ok || dt.Abbrev != "KH" {
			t.Errorf("%s = %v, %v", n, dt, ok)
		}
	}
	// Legal normative types whose heading names them (LỆNH, BỘ LUẬT).
	for n, want := range map[string]string{"LỆNH": "Lệnh", "BỘ LUẬT": "Bộ luật", "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch"} {
		if dt, ok := DocTypeByName(n); !ok || dt.Name != want {
			t.Errorf("%s = %v, %v; want %s", n, dt, ok, want)
		}
	}
	if _, ok := DocTypeByAbbrev("CV"); ok {
		t.Error(`"CV" is not an abbreviation of NĐ 30: công văn has none`)
	}
	// A Party number's type code (Hướng dẫn 36-HD/VPTW).
	for a, want := range map[string]string{"CV": "Công văn", "TT": "Thông tri", "QĐi": "Quy định", "QĐ": "Quyết định", "KL": "Kết luận"} {
		if dt, ok := PartyDocTypeByAbbrev(a); !ok || dt.Name != want {
			t.Errorf("PartyDocTypeByAbbrev(%q) = %v, %v; want %s", a, dt, ok, want)
		}
	}
	if dt, _ := DocTypeByAbbrev("TT"); dt.Name != "Thông tư" {
		t.Errorf("TT outside a Party number = %v; want Thông tư", dt)
	}
	// A joint document's code: its type's with LT after it.
	for a, want := range map[string]DocType{"HDLT": {"Hướng dẫn", "HDLT"}, "KHLT": {"Kế hoạch", "KHLT"}, "QĐLT": {"Quyết định", "QĐLT"},
		"TTLT": {"Thông tư liên tịch", "TTLT"}, "NQLT": {"Nghị quyết liên tịch", "NQLT"}} {
		if dt, ok := DocTypeByAbbrev(a); !ok || dt != want || !IsJointAbbrev(a) {
			t.Errorf("DocTypeByAbbrev(%q) = %v, %v (joint %v); want %v, joint", a, dt, ok, IsJointAbbrev(a), want)
		}
	}
	for _, a := range []string{"HD", "UBND", "LT", "XLT"} {
		if IsJointAbbrev(a) {
			t.Errorf("%s is no joint document's code", a)
		}
	}
}

// Numbers of 2011 to 2020 carry the codes of Thông tư 01/2011/TT-BNV:
// under their type's heading they are its, as printed; alone, no type's.
func TestLegacyAbbrevs(t *testing.T) {
	for name, code := range map[string]string{"Giấy giới thiệu": "GT", "Giấy ủy quyền": "UQ", "Giấy nghỉ phép": "NP",
		"Bản ghi nhớ": "GN", "Bản thỏa thuận": "TTh", "Giấy chứng nhận": "CN", "Bản cam kết": "CK", "Giấy đi đường": "ĐĐ",
		"Giấy biên nhận hồ sơ": "BN"} {
		if _, ok := DocTypeByName(name); !ok {
			t.Errorf("%s is no type", name)
		}
		if !LegacyAbbrev(name, code) || !IsLegacyAbbrev(code) {
			t.Errorf("%s is not %s's code of 2011", code, name)
		}
		if dt, ok := DocTypeByAbbrev(code); ok {
			t.Errorf("DocTypeByAbbrev(%q) = %v: a code of 2011 names no type without its heading", code, dt)
		}
	}
	if HasSubject("Giấy giới thiệu") || HasSubject("Giấy đi đường") || !HasSubject("Giấy mời") || !HasSubject("Quyết định") {
		t.Error("a giấy giới thiệu's and a giấy đi đường's forms print no trích yếu; a giấy mời's and a quyết định's do")
	}
	if LegacyAbbrev("Giấy mời", "GT") || LegacyAbbrev("Giấy giới thiệu", "GGT") {
		t.Error("GT is no Giấy mời's code, and GGT is NĐ 30's")
	}
}

func TestLooksLikeName(t *testing.T) {
	for in, want := range map[string]bool{
		"Nguyễn Văn An": true, "Tạ Trọng Thuỷ": true, "Đinh Ngọc Hòa": true,
		"PHÓ CHỦ TỊCH": false, "Như trên": false, "An": false, "Lưu: VT, VX": false,
		"L ì Ệ anÁCông": false, "": false,
		// The Central Highlands' names: H' opens an Ê Đê woman's.
		"H' Yim Kđoh": true, "H'Hen Niê": true, "H’Hen Niê": true, "Y Giang Gry Niê Knơng": true,
		"H' yim": false, "H'": false,
		"Ksor H'Bơ Khăp": true, // a Jrai woman's: H' after the family name
	} {
		if got := LooksLikeName(in); got != want {
			t.Errorf("LooksLikeName(%q) = %v, want %v", in, got, want)
		}
	}
	for _, name := range []string{"H' Yim Kđoh", "H'Hen Niê", "H’Hen Niê", "Ksor Phước Hà", "Rah Lan Chung"} {
		if !IsSurname(name) || RepairSurname(name) != name {
			t.Errorf("%q: IsSurname %v, RepairSurname %q; want a name as read", name, IsSurname(name), RepairSurname(name))
		}
	}
}
