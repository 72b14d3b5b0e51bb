package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu/layout"
)

func TestClosingUnderASeal(t *testing.T) {
	// "Nơi nhận:" misread, and the signature's stroke over the family
	// name's first letter.
	segs := []layout.Segment{
		seg("Với nhận:", layout.Left, 453, 2064, 651, 2109),
		seg("TL. CHỦ TỊCH", layout.Right, 1594, 2074, 1996, 2130),
		seg("- Như trên;", layout.Left, 445, 2121, 639, 2155),
		seg("KT. CHÁNH VĂN PHÒNG", layout.Right, 1461, 2128, 2089, 2193),
		seg("- Lưu: VT.", layout.Left, 445, 2175, 712, 2206),
		seg("kL c.", layout.Right, 1684, 2418, 2074, 2601),
		seg("[Íà Thị Lê Vân", layout.Right, 1597, 2649, 1957, 2719),
	}
	b, ok := closing(segs, false)
	// The deputy's line under KT. is lost under the seal: it is the
	// deputy of the office KT. names, a guess.
	if !ok || b.title != "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG" || b.signer != "Hà Thị Lê Vân" || !b.signerGuessed || !b.titleGuessed {
		t.Errorf("closing = %+v, %v", b, ok)
	}
	if !slices.Equal(b.recipients, []string{"Như trên", "Lưu: VT"}) {
		t.Errorf("recipients %q", b.recipients)
	}
}

func TestClosingRoleUnderASeal(t *testing.T) {
	// A seal over the first syllable of the role on a 1-bit scan, and the
	// acute of the given name read as a grave.
	segs := []layout.Segment{
		seg("Nơi nhận:", layout.Left, 453, 2064, 651, 2109),
		seg("KT. CHỦ TỊCH", layout.Right, 1594, 2074, 1996, 2130),
		seg("- Như trên;", layout.Left, 445, 2121, 639, 2155),
		seg("⁄% PHÓ CHỦ TỊCH", layout.Right, 1461, 2128, 2089, 2193),
		seg("- Lưu: VT.", layout.Left, 445, 2175, 712, 2206),
		seg("Trần Hoàng Tuần", layout.Right, 1597, 2649, 1957, 2719),
	}
	b, ok := closing(segs, false)
	if !ok || b.title != "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" || !b.titleGuessed || b.signer != "Trần Hoàng Tuấn" || b.signerGuessed {
		t.Errorf("closing = %+v, %v; want the role read as the office nearest, flagged, and the given name's tone put back", b, ok)
	}
}

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
		// Offices held together: the head of a ministry-level office.
		{"KT. BỘ TRƯỞNG, CHỦ NHIỆM", "KT. BỘ TRƯỞNG, CHỦ NHIỆM", false},
		{"THỨ TRƯỞNG, PHÓ CHỦ NHIỆM", "THỨ TRƯỞNG, PHÓ CHỦ NHIỆM", false},
		{"KT. THỐNG ĐỐC", "KT. THỐNG ĐỐC", false},
		// A signature's strokes read before the office.
		{"An TRÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", true},
		{"SẴN ' NỦ TỊCH", "CHỦ TỊCH", true},
		// … or joined to its first word.
		{"ụ`JÊHỦ TỊCH", "CHỦ TỊCH", true},
		{"/% TNNỦ TỊCH", "CHỦ TỊCH", true},
		{"/% TNNHÓ GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", true},
		{"KT. ⁄% PHÓ GIÁM ĐỐ", "KT. PHÓ GIÁM ĐỐC", true},
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
		// Each member of a standing committee of the Front or a union
		// signs for it in their own office.
		{"TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH", "TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH", false},
		{"TM. BAN CHẤP HÀNH / PHÓ CHỦ TỊCH", "TM. BAN CHẤP HÀNH / PHÓ CHỦ TỊCH", false},
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

// The lettering of a seal read as a line of capitals that no office is
// near, with next to no confidence, is no line of the role; a family name
// that is none is a misreading the clerk checks.
func TestClosingSealLetteringAndAnUnknownSurname(t *testing.T) {
	lettering := seg("⁄6ÊN UAỀN", layout.Right, 942, 1750, 1164, 1814)
	lettering.Conf = 0
	segs := []layout.Segment{
		seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
		seg("CHỦ TỊCH", layout.Right, 973, 1709, 1279, 1786),
		lettering,
		seg("- Như trên;", layout.Left, 256, 1756, 560, 1791),
		seg("Fiận Ngọc Căng", layout.Right, 1053, 2081, 1325, 2124),
	}
	b, ok := closing(segs, false)
	if !ok || b.title != "CHỦ TỊCH" || !b.titleGuessed || b.signer != "Fiận Ngọc Căng" || !b.signerGuessed {
		t.Errorf("closing = %+v, %v; want the role without the seal's lettering, both flagged", b, ok)
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

// The strokes of a signature and a seal leave marks before the name, and
// can make OCR read its first capital small.
func TestNameLine(t *testing.T) {
	for in, want := range map[string]string{
		"*>===Nguyền Quốc Việt": "Nguyền Quốc Việt",
		">.=- trấn Phước Hiền":  "Trấn Phước Hiền",
		"[Íà Thị Lê Vân":        "Íà Thị Lê Vân",
		"của ông An":            "của ông An", // no name
		"Trần Ngọc Căng":        "Trần Ngọc Căng",
		"Phùng Tô long":         "Phùng Tô Long",
		"Phạm 'Thị Hòa":         "Phạm Thị Hòa",   // a stroke's mark before a word
		"Phạm “Thị Hòa”":        "Phạm “Thị Hòa”", // no name: a quotation's mark after it
		"trần văn An":           "Trần Văn An",
		"Trần Ngọc xyz":         "Trần Ngọc xyz",    // no given name
		"L#ấn Hoàng Tuấn":       "L#ấn Hoàng Tuấn",  // Trần, Phan or Doãn
		"UBND Hoàng Giang":      "UBND Hoàng Giang", // capitals before a two-word name: kept
	} {
		if got, _ := nameLine(in); got != want {
			t.Errorf("nameLine(%q) = %q, want %q", in, got, want)
		}
	}
	segs := deputysClosing(seg(">.=- trấn Phước Hiền", layout.Right, 919, 2077, 1303, 2113))
	if b, ok := closing(segs, false); !ok || b.signer != "Trần Phước Hiền" || b.signerGuessed {
		t.Errorf("closing = %+v, %v; want the signer Trần Phước Hiền", b, ok)
	}
}

// On a coarse grey scan the stroke of the signature takes the family
// name's first letter, or its head, and marks of the seal stand before
// the rest: the one family name that ends so is the signer's, a guess
// the clerk checks.
func TestSignerFirstLetterLostUnderTheStroke(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"rần Ngọc Căng", "Trần Ngọc Căng"},
		{"-#rấñ Hoàng Tuấn", "Trần Hoàng Tuấn"},
		// The head of Nguyễn read as capitals and figures, its ngã as a
		// circumflex; capitals of the seal before the name.
		{"—=MN5uyên Hoàng Giang", "Nguyễn Hoàng Giang"},
		{"XZuyên Hoàng Giang", "Nguyễn Hoàng Giang"},
		{">—==NfIyen Hoàng Giang", "Nguyễn Hoàng Giang"},
		{"TP Trân Ngọc Căng", "Trần Ngọc Căng"},
	} {
		segs := deputysClosing(seg("2S", layout.Right, 1100, 1900, 1150, 1930), seg(c.line, layout.Right, 919, 2077, 1303, 2113))
		if b, ok := closing(segs, false); !ok || b.signer != c.want || !b.signerGuessed {
			t.Errorf("%q: closing = %+v, %v; want the signer %s, flagged", c.line, b, ok, c.want)
		}
	}
}

// A stroke of the signature over a given name's capital makes it a
// bracket or a bar: the one given name it can be is taken, flagged; one
// of two is left as read.
func TestSignerInitialUnderTheStroke(t *testing.T) {
	for _, c := range []struct {
		line, want string
		guessed    bool
	}{
		{"Phùng Tô [ong", "Phùng Tô Long", true},
		{"Nguyễn |hành Nam", "Nguyễn Thành Nam", true},
		{"Phùng Tô Long", "Phùng Tô Long", false},
		{"Phùng Tô long", "Phùng Tô Long", false}, // the capital's top under the stroke
	} {
		segs := deputysClosing(seg(c.line, layout.Right, 919, 2077, 1303, 2113))
		if b, ok := closing(segs, false); !ok || b.signer != c.want || b.signerGuessed != c.guessed {
			t.Errorf("%q: closing = %+v, %v; want the signer %s, flagged %v", c.line, b, ok, c.want, c.guessed)
		}
	}
	// [an is Lan or Đan: no one's name is guessed.
	segs := deputysClosing(seg("Lê Thị [an", layout.Right, 919, 2077, 1303, 2113))
	if b, _ := closing(segs, false); b.signer != "" && b.signer != "Lê Thị [an" {
		t.Errorf("closing = %+v; want Lê Thị [an left as read", b)
	}
}

// deputysClosing is the foot of a page a deputy signs for the chair: Nơi
// nhận beside KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, then below them the lines given.
func deputysClosing(below ...layout.Segment) []layout.Segment {
	return append([]layout.Segment{
		seg("Nơi nhận:", layout.Left, 453, 1700, 651, 1745),
		seg("KT. CHỦ TỊCH", layout.Right, 1037, 1743, 1284, 1790),
		seg("- Như trên;", layout.Left, 445, 1760, 639, 1795),
		seg("PHÓ CHỦ TỊCH", layout.Right, 1032, 1793, 1264, 1824),
	}, below...)
}

// "Nơi nhận:" misread past its first word is still known by its place:
// flush left on the row of the signer's role. The same words anywhere
// else are not it.
func TestRecipientsLabelBesideTheRole(t *testing.T) {
	segs := []layout.Segment{
		seg("Mỹ nhận:", layout.Left, 108, 847, 179, 877),
		seg("TL. CHỦ TỊCH", layout.Right, 504, 844, 637, 869),
		seg("- Như trên;", layout.Left, 108, 864, 175, 882),
		seg("CHÁNH VĂN PHÒNG", layout.Right, 475, 866, 672, 885),
		seg("- Lưu: VT.", layout.Left, 109, 937, 244, 949),
		seg("Nguyễn Quốc Việt", layout.Right, 503, 1017, 655, 1039),
	}
	b, ok := closing(segs, false)
	if !ok || b.title != "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG" || b.signer != "Nguyễn Quốc Việt" || !slices.Equal(b.recipients, []string{"Như trên", "Lưu: VT"}) {
		t.Errorf("closing = %+v, %v", b, ok)
	}
	body := []layout.Segment{
		seg("Xác nhận: đã nộp đủ hồ sơ", layout.Left, 108, 600, 400, 630),
		seg("Nguyễn Quốc Việt", layout.Right, 503, 1017, 655, 1039),
	}
	if b, ok := closing(body, false); ok {
		t.Errorf("a body line taken for the label: %+v", b)
	}
}

// Under the signer's own office NĐ 30 prints the name: capitals there are
// the name printed in capitals, strokes read as letters, or the rest of a
// long office's name (TRƯỞNG PHÒNG / TỔ CHỨC CÁN BỘ) right under it.
func TestClosingCapitalsUnderTheOffice(t *testing.T) {
	for _, c := range []struct {
		line, title, signer string
		guessed             bool
	}{
		{"SEN YỆN", "CHỦ TỊCH", "Trần Ngọc Căng", true},
		{"TRẦN NGỌC CĂNG", "CHỦ TỊCH", "Trần Ngọc Căng", false},
		{"TỔ CHỨC CÁN BỘ", "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ", "Trần Ngọc Căng", false},
	} {
		office := "CHỦ TỊCH"
		if strings.HasPrefix(c.title, "TRƯỞNG PHÒNG") {
			office = "TRƯỞNG PHÒNG"
		}
		segs := []layout.Segment{
			seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
			seg(office, layout.Right, 973, 1709, 1279, 1786),
			seg(c.line, layout.Right, 942, 1850, 1164, 1914),
			seg("- Như trên;", layout.Left, 256, 1756, 560, 1791),
		}
		if c.guessed || office != "CHỦ TỊCH" {
			segs = append(segs, seg(c.signer, layout.Right, 1053, 2081, 1325, 2124))
		}
		b, ok := closing(segs, false)
		if !ok || b.title != c.title || b.titleGuessed != c.guessed || b.signer != c.signer || b.signerGuessed {
			t.Errorf("%q under the office: closing = %+v, %v; want title %q (flagged: %v), signer %q", c.line, b, ok, c.title, c.guessed, c.signer)
		}
	}
}

// A Biên bản has no Nơi nhận: its signature block stands alone under the
// body, the thư ký's on the left, the one who answers for it on the right.
// Only when no page has the list is it read so, and a role above the body
// (a Quyết định's issuing authority) is none.
func TestSignatureAlone(t *testing.T) {
	foot := []layout.Segment{
		seg("Biên bản kết thúc vào lúc 11 giờ cùng ngày, đã đọc lại cho mọi người cùng nghe.", layout.Full, 250, 1500, 2230, 1550),
		seg("THƯ KÝ", layout.Left, 560, 1700, 760, 1745),
		seg("TRƯỞNG PHÒNG", layout.Right, 1530, 1700, 1960, 1745),
		seg("Lê Văn Tám", layout.Left, 520, 1950, 800, 1995),
		seg("Huỳnh Thị Mai", layout.Right, 1560, 1950, 1930, 1995),
	}
	if b, ok := closing(foot, false); ok {
		t.Errorf("without alone: %+v", b)
	}
	b, ok := closing(foot, true)
	if !ok || b.title != "TRƯỞNG PHÒNG" || b.signer != "Huỳnh Thị Mai" || len(b.recipients) != 0 {
		t.Errorf("closing = %+v, %v; want TRƯỞNG PHÒNG, Huỳnh Thị Mai", b, ok)
	}
	head := []layout.Segment{
		seg("GIÁM ĐỐC SỞ NỘI VỤ", layout.Right, 1300, 500, 1900, 545),
		seg("Nguyễn Văn An", layout.Right, 1400, 600, 1800, 645),
		seg("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", layout.Full, 250, 700, 2230, 750),
	}
	if b, ok := closing(head, true); ok {
		t.Errorf("a role above the body taken for the signature: %+v", b)
	}

}

// A given name whose horn OCR lost (Đức read Đúc) gets it back, flagged.
func TestSignerGivenNameMarkLost(t *testing.T) {
	segs := []layout.Segment{
		seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
		seg("CHỦ TỊCH", layout.Right, 973, 1709, 1279, 1786),
		seg("- Như trên;", layout.Left, 256, 1756, 560, 1791),
		seg("Phạm Minh Đúc", layout.Right, 1003, 2081, 1325, 2124),
	}
	if b, ok := closing(segs, false); !ok || b.signer != "Phạm Minh Đức" || !b.signerGuessed {
		t.Errorf("closing = %+v, %v; want Phạm Minh Đức, guessed", b, ok)
	}
}

// The army's and the police's signers print their rank before the name,
// universities', hospitals' and institutes' their titles and degrees: the
// name is the signer, and what stands before it no part of it.
func TestSignerAfterARankOrADegree(t *testing.T) {
	ranked := []string{"Đại tá Nguyễn Văn Minh", "Thiếu tướng Nguyễn Văn Minh", "ĐẠI TÁ Nguyễn Văn Minh", "Trung úy Nguyễn Văn Minh", "ĐẠI TÁ NGUYỄN VĂN MINH",
		// As a coarse scan reads them: the marks lost, a stroke for a letter.
		"Đại ta Nguyễn Văn Minh", "[hương ta Nguyễn Văn Minh", "Thiều tá Nguyễn Văn Minh",
		// The head of the level as capitals, the grade's mark misread.
		"ILhượng tường Nguyễn Văn Minh"}
	graduated := []string{"PGS.TS. Nguyễn Văn Minh", "PGS. TS Nguyễn Văn Minh", "BS.CKII. Nguyễn Văn Minh", "ThS.BS Nguyễn Văn Minh", "NGƯT. TS. Nguyễn Văn Minh", "TS, Nguyễn Văn Minh", "GS.TSKH Nguyễn Văn Minh", "BS.CKTHI. Nguyễn Văn Minh", "BSCKI Nguyễn Văn Minh"}
	for _, line := range append(ranked, graduated...) {
		segs := []layout.Segment{
			seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
			seg("KT. CỤC TRƯỞNG", layout.Right, 973, 1709, 1379, 1786),
			seg("- Như trên;", layout.Left, 256, 1756, 560, 1791),
			seg("PHÓ CỤC TRƯỞNG", layout.Right, 973, 1800, 1379, 1850),
			seg(line, layout.Right, 953, 2081, 1425, 2124),
		}
		if b, ok := closing(segs, false); !ok || b.signer != "Nguyễn Văn Minh" || b.signerGuessed {
			t.Errorf("%q: closing = %+v, %v; want the signer Nguyễn Văn Minh", line, b, ok)
		}
	}
	// A name is never taken for a degree.
	for _, name := range []string{"Kiều Văn Sơn", "Lê Thị Tuyết", "Thân Văn Tú", "Đào Tá Văn Minh", "Trung Văn Tá"} {
		if got, _ := nameLine(name); got != name {
			t.Errorf("nameLine(%q) = %q", name, got)
		}
	}
}

// A copy (bản sao) carries under the original's signature the copying
// office's block: its name, SAO Y BẢN CHÍNH, its number, Nơi nhận and
// signer. The document's Nơi nhận and signer are the original's.
func TestCopyBlockIsNotTheSignature(t *testing.T) {
	segs := []layout.Segment{
		seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
		seg("TM. ỦY BAN NHÂN DÂN", layout.Right, 1273, 1709, 1979, 1756),
		seg("- Như Điều 2;", layout.Left, 256, 1766, 560, 1801),
		seg("CHỦ TỊCH", layout.Right, 1473, 1766, 1779, 1811),
		seg("Hồ Quốc Dũng", layout.Right, 1453, 2050, 1825, 2094),
		seg("SỞ TÀI CHÍNH", layout.Left, 500, 2300, 900, 2345),
		seg("SAO Y BẢN CHÍNH", layout.Right, 1450, 2300, 1950, 2345),
		seg("Nơi nhận:", layout.Left, 257, 2450, 394, 2480),
		seg("TL. GIÁM ĐỐC", layout.Right, 1473, 2450, 1879, 2495),
		seg("- Các phòng;", layout.Left, 256, 2500, 560, 2535),
		seg("Trần Thị Thu", layout.Right, 1473, 2750, 1830, 2795),
	}
	b, ok := closing(beforeCopyBlock(segs), false)
	if !ok || b.signer != "Hồ Quốc Dũng" || b.title != "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" || !slices.Equal(b.recipients, []string{"Như Điều 2"}) {
		t.Errorf("closing = %+v, %v; want the original's", b, ok)
	}
}

// The office's address some print at the foot of the page is no
// recipient: the list ends at it, or where a gap of lines parts it from
// what follows.
func TestRecipientsEndAboveAFooter(t *testing.T) {
	for _, foot := range []layout.Segment{
		seg("Địa chỉ: 52 Hùng Vương, thành phố Bình An; Điện thoại: 0255.3822.123", layout.Full, 300, 1480, 1500, 1512),
		seg("52 Hùng Vương, thành phố Bình An - 0255.3822.123", layout.Left, 120, 1480, 700, 1512),
		seg("Email: snv@binhan.gov.vn", layout.Left, 120, 1180, 500, 1210),
	} {
		segs := []layout.Segment{
			seg("Nơi nhận:", layout.Left, 120, 1040, 260, 1070),
			seg("GIÁM ĐỐC", layout.Right, 1100, 1040, 1330, 1075),
			seg("- Như trên;", layout.Left, 120, 1080, 300, 1110),
			seg("- Lưu: VT, CCVC.", layout.Left, 120, 1115, 380, 1145),
			foot,
			seg("Lê Văn Hòa", layout.Right, 1100, 1380, 1340, 1415),
		}
		if b, ok := closing(segs, false); !ok || !slices.Equal(b.recipients, []string{"Như trên", "Lưu: VT, CCVC"}) || b.signer != "Lê Văn Hòa" {
			t.Errorf("under %q: closing = %+v, %v", foot.Text, b, ok)
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
