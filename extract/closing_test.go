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

// A seal's strokes read as a short word in small letters before the
// office: the line is the role's, the office read past them, flagged.
func TestClosingRoleAfterASealsStrokes(t *testing.T) {
	segs := []layout.Segment{
		seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746),
		seg("sac CHỦ TỊCH", layout.Right, 940, 1709, 1279, 1786),
		seg("- Như trên;", layout.Left, 256, 1756, 560, 1791),
		seg("Trần Ngọc Căng", layout.Right, 1053, 2081, 1325, 2124),
	}
	if b, ok := closing(segs, false); !ok || b.title != "CHỦ TỊCH" || !b.titleGuessed || b.signer != "Trần Ngọc Căng" {
		t.Errorf("closing = %+v, %v; want the title CHỦ TỊCH, flagged, and the signer", b, ok)
	}
}

// A line of the role that OCR read as two (the page turned, its line
// bent in a photograph) is one office again.
func TestClosingRoleLineBroken(t *testing.T) {
	for _, c := range []struct{ lines []string }{
		{[]string{"KT. CHỦ TỊCH", "PHÓ CHỦ", "TỊCH"}},
		{[]string{"KT. CHỦ", "TỊCH", "PHÓ CHỦ TỊCH"}},
	} {
		segs := []layout.Segment{seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746), seg("- Như trên;", layout.Left, 256, 1756, 560, 1791)}
		for i, l := range c.lines {
			segs = append(segs, seg(l, layout.Right, 973, 1709+50*i, 1279, 1750+50*i))
		}
		segs = append(segs, seg("Trần Hoàng Tuấn", layout.Right, 1053, 2081, 1325, 2124))
		b, ok := closing(segs, false)
		if !ok || b.title != "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" || b.titleGuessed {
			t.Errorf("%q: title %q (flagged %v), want KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", c.lines, b.title, b.titleGuessed)
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

// A joint document (Thông tư liên tịch) is signed by each body's head side
// by side, the lead body's on the right, and its Nơi nhận follows them.
func TestRecipientsUnderTwoSignatures(t *testing.T) {
	foot := []layout.Segment{
		seg("Điều 1. Phạm vi điều chỉnh", layout.Full, 250, 1500, 2230, 1550),
		seg("KT. BỘ TRƯỞNG BỘ Y TẾ", layout.Left, 300, 1700, 900, 1745),
		seg("KT. BỘ TRƯỞNG BỘ TÀI CHÍNH", layout.Right, 1400, 1700, 2100, 1745),
		seg("THỨ TRƯỞNG", layout.Left, 450, 1760, 750, 1805),
		seg("THỨ TRƯỞNG", layout.Right, 1600, 1760, 1900, 1805),
		seg("Nguyễn Thị Hoa", layout.Left, 420, 2000, 780, 2045),
		seg("Trần Văn Minh", layout.Right, 1570, 2000, 1930, 2045),
		seg("Nơi nhận:", layout.Left, 250, 2150, 450, 2195),
		seg("- Văn phòng Chính phủ;", layout.Left, 250, 2210, 700, 2255),
		seg("- Lưu: VT BTC, VT BYT.", layout.Left, 250, 2270, 700, 2315),
	}
	b, ok := closing(foot, false)
	if !ok || b.title != "KT. BỘ TRƯỞNG BỘ TÀI CHÍNH / THỨ TRƯỞNG" || b.signer != "Trần Văn Minh" {
		t.Errorf("closing = %+v, %v; want the right-hand signature", b, ok)
	}
	if !slices.Equal(b.recipients, []string{"Văn phòng Chính phủ", "Lưu: VT BTC, VT BYT"}) {
		t.Errorf("recipients %q", b.recipients)
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

// An item of Nơi nhận opens with its dash, which OCR may read as an en or
// an em dash, or with a plus or a dot; a line without one goes on with the
// item above it, its comma kept.
func TestRecipientsBulletsAndWrappedItems(t *testing.T) {
	for _, c := range []struct {
		items []string
		want  []string
	}{
		{[]string{"– Như trên;", "— Sở Tài chính;", "– Lưu: VT."}, []string{"Như trên", "Sở Tài chính", "Lưu: VT"}},
		{[]string{"• Như Điều 3;", "• Lưu: VT."}, []string{"Như Điều 3", "Lưu: VT"}},
		{[]string{"- Thường trực Tỉnh ủy (b/c);", "- UBND các huyện, thị xã,", "thành phố;", "- Lưu: VT, NC."},
			[]string{"Thường trực Tỉnh ủy (b/c)", "UBND các huyện, thị xã, thành phố", "Lưu: VT, NC"}},
		// A speck read as a comma between a compound's two words.
		{[]string{"- UBND các tỉnh, thành phố trực thuộc Trung,", "ương;", "- Lưu: VT."},
			[]string{"UBND các tỉnh, thành phố trực thuộc Trung ương", "Lưu: VT"}},
	} {
		segs := []layout.Segment{seg("Nơi nhận:", layout.Left, 257, 1716, 394, 1746), seg("GIÁM ĐỐC", layout.Right, 1000, 1709, 1279, 1756)}
		for i, it := range c.items {
			x := 256
			if !strings.ContainsAny(it[:len(it)-len(strings.TrimLeft(it, "-–—•"))], "-–—•") {
				x = 290 // a wrapped line, under the item's words
			}
			segs = append(segs, seg(it, layout.Left, x, 1756+45*i, 800, 1791+45*i))
		}
		segs = append(segs, seg("Nguyễn Văn Minh", layout.Right, 1000, 2081, 1500, 2124))
		if b, _ := closing(segs, false); !slices.Equal(b.recipients, c.want) {
			t.Errorf("%q: recipients %q, want %q", c.items, b.recipients, c.want)
		}
	}
}
