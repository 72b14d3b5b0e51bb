package extract

import (
	"testing"

	"github.com/vanthu/vanthu/layout"
)

// The strokes of a signature and a seal leave marks before the name, and
// can make OCR read its first capital small.
func TestNameLine(t *testing.T) {
	for in, want := range map[string]string{
		"*>===Nguyền Quốc Việt":   "Nguyền Quốc Việt",
		">.=- trấn Phước Hiền":    "Trấn Phước Hiền",
		"[Íà Thị Lê Vân":          "Íà Thị Lê Vân",
		"của ông An":              "của ông An", // no name
		"Trần Ngọc Căng":          "Trần Ngọc Căng",
		"Phùng Tô long":           "Phùng Tô Long",
		"Phạm 'Thị Hòa":           "Phạm Thị Hòa",   // a stroke's mark before a word
		"Phạm “Thị Hòa”":          "Phạm “Thị Hòa”", // no name: a quotation's mark after it
		"trần văn An":             "Trần Văn An",
		"Trần Ngọc xyz":           "Trần Ngọc xyz",    // no given name
		"L#ấn Hoàng Tuấn":         "L#ấn Hoàng Tuấn",  // Trần, Phan or Doãn
		"UBND Hoàng Giang":        "UBND Hoàng Giang", // capitals before a two-word name: kept
		"Nguyễn Văn Minh.":        "Nguyễn Văn Minh",  // a speck after it
		"Nguyễn Văn Minh (đã ký)": "Nguyễn Văn Minh",  // a copy's note
		// A stroke read as a letter or a sign apart, before a Kinh name or
		// after a name; a family name before another, or the Ê Đê's Y,
		// is the name's.
		"ý Nguyễn Văn Minh":  "Nguyễn Văn Minh",
		"mm Nguyễn Văn Minh": "Nguyễn Văn Minh",
		"Nguyễn Văn Minh ẩ":  "Nguyễn Văn Minh",
		"Lê Nguyễn Minh Anh": "Lê Nguyễn Minh Anh",
		"Y Biêr Niê Kdăm":    "Y Biêr Niê Kdăm",
	} {
		if got, _ := nameLine(in); got != want {
			t.Errorf("nameLine(%q) = %q, want %q", in, got, want)
		}
	}
	if _, guessed := nameLine("ý Nguyễn Văn Minh"); !guessed {
		t.Errorf("nameLine(ý Nguyễn Văn Minh): a stroke's letter dropped, not guessed")
	}
	// A family name read small from its vowel may have lost its
	// consonants under the seal (ân for Trần): a guess.
	if got, guessed := nameLine("ân Ngọc Căng"); got != "Ân Ngọc Căng" || !guessed {
		t.Errorf("nameLine(ân Ngọc Căng) = %q, %v; want Ân Ngọc Căng, guessed", got, guessed)
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

// A family name whose marks are put back is sure when it is a common
// one (Đỉnh: Đinh); made one of the rare names of the peoples who name
// their own way (Tân: Tẩn), it is a guess, for a commoner name may have
// lost a letter under the seal (Trần). A rare name read as such is sure.
func TestSignerMarksPutBackToARareName(t *testing.T) {
	checkSigners(t, []signerCase{
		{"Đỉnh Văn An", "Đinh Văn An", false},
		{"Tân Ngọc Căng", "Tẩn Ngọc Căng", true},
		{"Tẩn Văn Sài", "Tẩn Văn Sài", false},
		{"Ban Văn Mả", "Bàn Văn Mả", true},
	})
}

// signerCase is the line of a signer's name, the name it is read as, and
// whether that is flagged for review.
type signerCase struct {
	line, want string
	guessed    bool
}

// checkSigners reads each case's line as the name under a deputy's role
// (deputysClosing).
func checkSigners(t *testing.T, cases []signerCase) {
	t.Helper()
	for _, c := range cases {
		segs := deputysClosing(seg(c.line, layout.Right, 919, 2077, 1303, 2113))
		if b, ok := closing(segs, false); !ok || b.signer != c.want || b.signerGuessed != c.guessed {
			t.Errorf("%q: closing = %+v, %v; want the signer %s, flagged %v", c.line, b, ok, c.want, c.guessed)
		}
	}
}

// A stroke of the signature over a given name's capital makes it a
// bracket or a bar: the one given name it can be is taken, flagged; one
// of two is left as read.
func TestSignerInitialUnderTheStroke(t *testing.T) {
	checkSigners(t, []signerCase{
		{"Phùng Tô [ong", "Phùng Tô Long", true},
		{"Nguyễn |hành Nam", "Nguyễn Thành Nam", true},
		{"Phùng Tô Long", "Phùng Tô Long", false},
		{"Phùng Tô long", "Phùng Tô Long", false}, // the capital's top under the stroke
	})
	// [an is Lan or Đan: no one's name is guessed.
	segs := deputysClosing(seg("Lê Thị [an", layout.Right, 919, 2077, 1303, 2113))
	if b, _ := closing(segs, false); b.signer != "" && b.signer != "Lê Thị [an" {
		t.Errorf("closing = %+v; want Lê Thị [an left as read", b)
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
