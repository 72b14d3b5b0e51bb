package extract

import (
	"strings"
	"testing"

	"github.com/vanthu/vanthu/layout"
)

func TestReadRole(t *testing.T) {
	for _, c := range []struct {
		in, want string
		guessed  bool
	}{
		{"KT. CHỦ TỊCH", "KT. CHỦ TỊCH", false},
		{"TL.. CHỦ TỊCH", "TL. CHỦ TỊCH", false},
		{"TI.. CHỦ TỊCH", "TL. CHỦ TỊCH", true},              // the foot of the L lost
		{"TH, CHỦ TỊCH", "TL. CHỦ TỊCH", true},               // a seal's ink over it: for an office, TL.
		{"TH. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN", true}, // for a collective body, TM.
		{"TL. .CHIU TỊCH", "TL. CHỦ TỊCH", true},             // capitals, but no office
		{"PHO CHỦ TỊCH", "PHÓ CHỦ TỊCH", false},              // marks put back
		{"TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN", false},
		{"GIÁM ĐỐC SỞ TÀI CHÍNH", "GIÁM ĐỐC SỞ TÀI CHÍNH", false}, // far from any office
		{"PHÓ TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC", false},
		{"ĐỘI TRƯỞNG", "ĐỘI TRƯỞNG", false}, // no BỘ TRƯỞNG misread
		{"TỔ TRƯỞNG", "TỔ TRƯỞNG", false},
		// The head of a body, which a minister's deputy's letters spell
		// too, and an office with its body's name after it.
		{"THỦ TRƯỞNG", "THỦ TRƯỞNG", false},
		{"THỦ TRƯỞNG ĐƠN VỊ", "THỦ TRƯỞNG ĐƠN VỊ", false},
		{"THỦ TRƯỞNG CƠ QUAN", "THỦ TRƯỞNG CƠ QUAN", false},
		{"TRƯỞNG TRẠM KHUYẾN NÔNG", "TRƯỞNG TRẠM KHUYẾN NÔNG", false},
		{"THÚ TRƯỞNG", "THÚ TRƯỞNG", true}, // THỦ or THỨ: for the line over it or the clerk
		{"PHÓ TỔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP", false},
		// The heads of units of other kinds, each near another office
		// (CHỈ HUY TRƯỞNG, ĐỘI TRƯỞNG, TRƯỞNG CÔNG AN, PHÓ GIÁM ĐỐC), and
		// an office with the one word of its body's kind after it.
		{"PHÓ CHI CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG", false},
		{"ĐỒN TRƯỞNG", "ĐỒN TRƯỞNG", false},
		{"TRƯỞNG CHI NHÁNH", "TRƯỞNG CHI NHÁNH", false},
		{"PHÓ GIÁM THỊ", "PHÓ GIÁM THỊ", false},
		{"KẾ TOÁN TRƯỞNG", "KẾ TOÁN TRƯỞNG", false},
		{"GIÁM ĐỐC SỞ", "GIÁM ĐỐC SỞ", false},
		{"GIÁM ĐỐC SỐ", "GIÁM ĐỐC", true}, // no body's kind: a mark read after the office
		// Offices held together: the head of a ministry-level office.
		{"KT. BỘ TRƯỞNG, CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", false},
		{"THỨ TRƯỞNG, PHÓ CHỦ NHIỆM", "THỨ TRƯỞNG, PHÓ CHỦ NHIỆM", false},
		{"KT. THỐNG ĐỐC", "KT. THỐNG ĐỐC", false},
		// A signature's strokes read before the office.
		{"An TRÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", true},
		{"SẴN ' NỦ TỊCH", "CHỦ TỊCH", true},
		{"sac CHỦ TỊCH", "CHỦ TỊCH", true},
		// … or joined to its first word.
		{"ụ`JÊHỦ TỊCH", "CHỦ TỊCH", true},
		{"/% TNNỦ TỊCH", "CHỦ TỊCH", true},
		{"/% TNNHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", true},
		{"KT. ⁄% PHÓ GIÁM ĐỐ", "KT. PHÓ GIÁM ĐỐC", true},
		// An authority's dot lost, read as a slash or set between its
		// letters, and a speck read as a quote before it.
		{"KT GIÁM ĐỐC", "KT. GIÁM ĐỐC", false},
		{"KT/ GIÁM ĐỐC", "KT. GIÁM ĐỐC", false},
		{"K.T GIÁM ĐỐC", "KT. GIÁM ĐỐC", false},
		{"TUQ CHỦ TỊCH", "TUQ. CHỦ TỊCH", false},
		{"Q GIÁM ĐỐC", "Q. GIÁM ĐỐC", false},
		{"TM ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN", false},
		{"“TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN", false},
		{"TM BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ", true}, // or the Party's T/M
		{"TM ĐẢNG ỦY", "TM. ĐẢNG ỦY", true},
		{"TM HỘI ĐỒNG QUẢN LÝ QUỸ", "TM. HỘI ĐỒNG QUẢN LÝ QUỸ", false},
		{"T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ", false},
		// The Party's other authorities, with their slash: the office
		// after them is read as any other.
		{"K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN", false},
		{"K/T CHỦ NHIỆM", "K/T CHỦ NHIỆM", false},
		{"K/T CHU NHIEM", "K/T CHỦ NHIỆM", false},
		{"T/L BAN THƯỜNG VỤ", "T/L BAN THƯỜNG VỤ", false},
		// A misread authority is no stroke: it is left for the line
		// under it to tell (completeRoles).
		{`Rkf.( H \NH VN PHÒNG`, `Rkf.( H \NH VN PHÒNG`, false},
	} {
		got, guessed := readRole(c.in)
		if got != c.want || guessed != c.guessed {
			t.Errorf("readRole(%q) = %q, %v; want %q, %v", c.in, got, guessed, c.want, c.guessed)
		}
	}
}

func TestCompleteRoles(t *testing.T) {
	for _, c := range []struct {
		in, want   string
		incomplete bool
	}{
		{"TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", false},
		{"CHỦ TỊCH", "CHỦ TỊCH", false},
		{"Q. GIÁM ĐỐC", "Q. GIÁM ĐỐC", false},
		{"TM. CHÍNH PHỦ / THỦ TƯỚNG", "TM. CHÍNH PHỦ / THỦ TƯỚNG", false},
		// The deputy's line not read.
		{"TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", true},
		{"KT. BỘ TRƯỞNG", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", true},
		{"KT. BỘ TRƯỞNG, CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM", true},
		{"KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM", false},
		// The signer's own office not read, and no telling what it is.
		{"TL. CHỦ TỊCH", "TL. CHỦ TỊCH", true},
		// A deputy's title with the line over it not read.
		{"PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", true},
		{"THỨ TRƯỞNG", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", true},
		// The line over a deputy's title garbled by a seal.
		{`TL. CHỦ TỊCH / Rkf.( H \NH VN PHÒNG / PHÓ CHÁNH VĂN PHÒNG`, "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", true},
		{"TM. TỈNH ỦY / PHÓ BÍ THƯ", "TM. TỈNH ỦY / PHÓ BÍ THƯ", false}, // a party committee's deputy signs for it
		// TM. before a person's office: the authority misread.
		{"TM. CHỦ TỊCH. / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", true},
		{"TM. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", true},
		// Each member of a standing committee of the Front or a union
		// signs for it in their own office.
		{"TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH", "TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH", false},
		{"TM. BAN CHẤP HÀNH / PHÓ CHỦ TỊCH", "TM. BAN CHẤP HÀNH / PHÓ CHỦ TỊCH", false},
		{"TM. THƯỜNG TRỰC HĐND / PHÓ CHỦ TỊCH", "TM. THƯỜNG TRỰC HĐND / PHÓ CHỦ TỊCH", false},
		// Under KT. BỘ TRƯỞNG, the letters of THỨ TRƯỞNG are the
		// minister's deputy, whichever tone was read.
		{"KT. BỘ TRƯỞNG / THỦ TRƯỞNG", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", false},
		{"KT. BỘ TRƯỞNG / THÚ TRƯỞNG", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", false},
		{"KT. THỦ TRƯỞNG / PHÓ THỦ TRƯỞNG", "KT. THỦ TRƯỞNG / PHÓ THỦ TRƯỞNG", false},
		// A deputy under a collective with the KT. line between not read.
		{"TM. ỦY BAN NHÂN DÂN / PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", true},
		// Who signs KT. for the head is a deputy: the head's title under
		// it lost its PHÓ.
		{"KT. CHỦ TỊCH / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", true},
		{"KT. BỘ TRƯỞNG / BỘ TRƯỞNG", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", true},
	} {
		got, incomplete := completeRoles(strings.Split(c.in, " / "))
		if strings.Join(got, " / ") != c.want || incomplete != c.incomplete {
			t.Errorf("completeRoles(%q) = %q, %v; want %q, %v", c.in, strings.Join(got, " / "), incomplete, c.want, c.incomplete)
		}
	}
}

func TestRoleShaped(t *testing.T) {
	for title, want := range map[string]bool{
		"TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG": true,
		"CHỦ TỊCH":                    true,
		"KT. BỘ TRƯỞNG, CHỦ NHIỆM":    true,
		"⁄% TS Ú TỊCH":                false, // a seal read as letters
		"KT. CHỦ TỊCH / Phó chủ tịch": false,
	} {
		if got := roleShaped(title); got != want {
			t.Errorf("roleShaped(%q) = %v, want %v", title, got, want)
		}
	}
}

// A role line with a word that is no syllable and no abbreviation a role
// prints (a seal's lettering, faint print made into letters) is left to
// the clerk; the roles as printed, the Party's T/M among them, are not.
func TestRoleOfLettersNoWordIsGuessed(t *testing.T) {
	for role, strange := range map[string]bool{
		"T/M BAN THƯỜNG VỤ": false, "TM. ỦY BAN NHÂN DÂN": false, "KT. BỘ TRƯỞNG, CHỦ NHIỆM": false,
		"TUQ. CHỦ TỊCH": false, "TM. UBND TỈNH": false, "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ": false,
		"TM. EVW BANSNHANDAS": true, "TTN Z": true, "XI. CHL TỊCH": true,
	} {
		if got := strangeRoleWord(role); got != strange {
			t.Errorf("strangeRoleWord(%q) = %v, want %v", role, got, strange)
		}
	}
	segs := []layout.Segment{
		seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
		seg("TTN Z", layout.Right, 973, 1709, 1279, 1786),
		seg("- Như trên;", layout.Left, 256, 1756, 560, 1791),
		seg("Phạm Minh Đức", layout.Right, 1003, 2081, 1325, 2124),
	}
	if b, ok := closing(segs, false); !ok || !b.titleGuessed {
		t.Errorf("closing = %+v, %v; want the role TTN Z guessed", b, ok)
	}
}
