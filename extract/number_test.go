package extract

import (
	"slices"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

func TestReadCitationsAreNotTheNumber(t *testing.T) {
	// The header's slot was left blank (the number is written by hand and
	// OCR skipped the ink); the body cites other documents.
	p := page(1, append(append([]string{}, header...),
		"Số: ……/TTr-UBND", "Bình An, ngày tháng 01 năm 2025", "TỜ TRÌNH",
		"Về việc miễn nhiệm",
		"Căn cứ Nghị định số 08/2016/NĐ-CP ngày 25/01/2016 của Chính phủ;",
		"số 115/2021/NĐ-CP ngày 16 tháng 12 năm 2021 của Chính phủ")...)
	r := Read([]vanthu.Page{p}, nil)
	md := r.Metadata
	if md.Number != "…/TTr-UBND" || md.DocType != "Tờ trình" {
		t.Errorf("number %q, type %q; want the printed part …/TTr-UBND and Tờ trình", md.Number, md.DocType)
	}
	if md.IssuedDate != "2025-01" {
		t.Errorf("issued_date %q; want the printed month 2025-01", md.IssuedDate)
	}
	for _, f := range []string{"number", "issued_date"} {
		if !slices.Contains(r.Review, f) {
			t.Errorf("%s not flagged for review: %v", f, r.Review)
		}
	}
	if slices.Contains(r.Review, "doc_type") {
		t.Errorf("doc_type flagged, though its code is printed: %v", r.Review)
	}
}

func TestParseNumberLine(t *testing.T) {
	tests := []struct {
		in   string
		want Number
	}{
		{"Số: /TTr-UBND", Number{Code: "TTr-UBND"}},
		{"Số: ……/QĐ-UBND", Number{Code: "QĐ-UBND"}},
		{"Số: 6§0 /TB-UBND", Number{Code: "TB-UBND", Unreadable: true}},
		{"Số: UBND-KTTH", Number{Code: "UBND-KTTH", Unsure: true}}, // the slash lost beside the ink
		{"Số: 94 UBND-KTTH", Number{Numeral: "94", Code: "UBND-KTTH", Unsure: true}},
		{"Số. 534 UBND-KTTH", Number{Numeral: "534", Code: "UBND-KTTH", Unsure: true}}, // the colon read as a stop
		{"Số, UBND-KTTH", Number{Code: "UBND-KTTH", Unsure: true}},                     // or a comma
		{"Số: 45/QĐ-UBND", Number{Numeral: "45", Code: "QĐ-UBND"}},
		{"Số: 45/QĐ—UBND", Number{Numeral: "45", Code: "QĐ-UBND"}}, // the hyphen read as a dash
		{"Số: 45/QĐ~UBND", Number{Numeral: "45", Code: "QĐ-UBND"}}, // or as a tilde
		{"Số: 45/QĐ_UBND", Number{Numeral: "45", Code: "QĐ-UBND"}}, // or low
		{"Số: 05/HĐ-SNV", Number{Numeral: "05", Code: "HĐ-SNV"}},   // a Hợp đồng's, no Hướng dẫn's (HD)
		{"Số: 05/DA-SNV", Number{Numeral: "05", Code: "DA-SNV"}},   // a Dự án's, no Đề án's (ĐA)
		// A gap read inside the code: read without it, and flagged.
		{"Số: 45/Q Đ-UBND", Number{Numeral: "45", Code: "QĐ-UBND", Unsure: true}},
		{"Số: 45/QĐ-UBN D", Number{Numeral: "45", Code: "QĐ-UBND", Unsure: true}}, // before its last letter
		{"Số: 1502/SGDĐT-", Number{Numeral: "1502", Code: "SGDĐT", Unsure: true}}, // the rest of the code on a line not found
		{"Số: 45/QĐ-UBND I", Number{Numeral: "45", Code: "QĐ-UBND"}},              // a stroke after it
		{"Số: 45/QĐ-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Number{Numeral: "45", Code: "QĐ-UBND"}},
		// A numeral with a letter after it: kept as read, and flagged.
		{"Số: 15a/QĐ-UBND", Number{Numeral: "15a", Code: "QĐ-UBND", Unsure: true}},
		{"Số: 01B/KH-UBND", Number{Numeral: "01B", Code: "KH-UBND", Unsure: true}},
		// The label's S read as the figure or sign of its shape.
		{"5ố: 45/QĐ-UBND", Number{Numeral: "45", Code: "QĐ-UBND"}},
		{"$ố: 45/QĐ-UBND", Number{Numeral: "45", Code: "QĐ-UBND"}},
		// A slash where the code's hyphen stands: kept, and flagged.
		{"Số: 15/QĐ/UBND", Number{Numeral: "15", Code: "QĐ/UBND", Unsure: true}},
		{"Số: 15/2020/QĐ / UBND-VX", Number{Numeral: "15", Code: "2020/QĐ/UBND-VX", Unsure: true}},
		{"Số: 15/QĐ-UBND /Quảng Ngãi", Number{Numeral: "15", Code: "QĐ-UBND"}},
		// A coarse or 1-bit scan's slash read as another thin mark.
		{"Số: 08 ;CT-UBND", Number{Numeral: "08", Code: "CT-UBND", Unsure: true}},
		{"Số: 04. :TTr-UBND", Number{Numeral: "04", Code: "TTr-UBND", Unsure: true}},
		{"Số: “UBND-KGVX", Number{Code: "UBND-KGVX", Unsure: true}},
		{"Số: Øđ@ ;CT-UBND", Number{Code: "CT-UBND", Unreadable: true, Unsure: true}},
		// Lost with the gap it stood in: the code runs on after the figures.
		{"Số: 215MTTQ-BTT", Number{Numeral: "215", Code: "MTTQ-BTT", Unsure: true}},
		{"Số: 45QĐ-UBND", Number{Numeral: "45", Code: "QĐ-UBND", Unsure: true}},
		// The type code's capitals read as the figures of their shape.
		{"Số: 24 /11r-UBND", Number{Numeral: "24", Code: "TTr-UBND"}},
		{"Số: 24/2O18/QĐ-TTg", Number{Numeral: "24", Code: "2018/QĐ-TTg"}},
		// A unit's figure read as the letter of its shape.
		{"Số: 789/CAT-PC0G", Number{Numeral: "789", Code: "CAT-PC06", Unsure: true}},
		{"Số: 1123/C08-P4", Number{Numeral: "1123", Code: "C08-P4"}},
		{"Số: 56/KH-THPTLN1", Number{Numeral: "56", Code: "KH-THPTLN1"}},
		// A letter's foot read as a stop before the hyphen.
		{"Số: 12/KI.-TTr", Number{Numeral: "12", Code: "KI-TTr"}},
		{"Số: 575/UBND. - KTTH", Number{Numeral: "575", Code: "UBND-KTTH"}},
		// "Số: 24/TTr-UBND" with the slash and the type code run into the
		// handwriting: the issuing code alone, the numeral not read.
		{"Số: 2477 -UBND", Number{Code: "UBND", Unreadable: true, Unsure: true, TypeLost: true}},
		// A form's dotted slot, written over or stamped.
		{"Số: ...... 507 ...../UBND-KT", Number{Numeral: "507", Code: "UBND-KT"}},
		{"Số: ..23../QĐ-UBND", Number{Numeral: "23", Code: "QĐ-UBND"}},
		{"Số: ………/UBND-KT", Number{Code: "UBND-KT"}},
		// A Party number's slash read as a 7; a 7 of the issuer's code
		// and a Party number read whole stay as they are.
		{"Số 12-CI7TU", Number{Numeral: "12", Code: "CI/TU", Party: true, Unsure: true}},
		{"Số 125-QĐ7HU", Number{Numeral: "125", Code: "QĐ/HU", Party: true, Unsure: true}},
		{"Số 125-QĐ/HU7", Number{Numeral: "125", Code: "QĐ/HU7", Party: true}},
	}
	for _, tt := range tests {
		if got, ok := ParseNumberLine(tt.in); !ok || got != tt.want {
			t.Errorf("ParseNumberLine(%q) = %+v, %v; want %+v", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"Sở Tài chính/KH-A", "Căn cứ Nghị định số 08/2016/NĐ-CP", "số lượng: 5/KH", "số 115/2021/NĐ-CP ngày 16/12/2021",
		"Sở: Tài chính; KH-ĐT"} {
		if _, ok := ownNumber(in); ok {
			t.Errorf("ownNumber(%q) found a number", in)
		}
	}
	// A coarse scan's "Số:" read small.
	if n, ok := ownNumber("số: 574 UBND-KTTH"); !ok || n.String() != "574/UBND-KTTH" {
		t.Errorf("ownNumber(số: 574 UBND-KTTH) = %v, %v", n, ok)
	}
}

func TestCodeForType(t *testing.T) {
	for _, c := range []struct{ number, docType, want string }{
		{"23/ĐC-UBND", "Báo cáo", "23/BC-UBND"}, // one letter off: the heading wins
		// The codes of 2011 (Thông tư 01/2011), one letter off NĐ 30's,
		// stand as printed under their type's heading.
		{"12/GT-UBND", "Giấy giới thiệu", "12/GT-UBND"},
		{"12/UQ-UBND", "Giấy ủy quyền", "12/UQ-UBND"},
		{"12/NP-UBND", "Giấy nghỉ phép", "12/NP-UBND"},
		{"12/GN-UBND", "Bản ghi nhớ", "12/GN-UBND"},
		{"12/CN-UBND", "Giấy chứng nhận", "12/CN-UBND"},
		{"23/BC-UBND", "Báo cáo", "23/BC-UBND"},        // right already
		{"45/QĐ-UBND", "Báo cáo", "45/QĐ-UBND"},        // another type's code, as printed
		{"575/UBND-KTTH", "Công văn", "575/UBND-KTTH"}, // a công văn has no type code
		{"…/TB-UBND", "Thông báo", "…/TB-UBND"},
		{"12/2020/TE-UBND", "Thông báo", "12/2020/TB-UBND"},
		{"23/C-UBND", "Báo cáo", "23/BC-UBND"}, // a letter lost
		{"7/XY-UBND", "Báo cáo", "7/XY-UBND"},  // two letters off
		{"7/X-UBND", "Kế hoạch", "7/X-UBND"},   // one lost and one off
		// Two types' codes that differ by the Đ's bar: the heading's.
		{"12/DA-UBND", "Đề án", "12/ĐA-UBND"},
		{"12/HD-UBND", "Hợp đồng", "12/HĐ-UBND"},
		{"12/HĐ-UBND", "Hướng dẫn", "12/HD-UBND"},
		// A Party number's type code stands before its slash.
		{"125-QB/TU", "Quyết định", "125-QĐ/TU"},
		{"125-QĐ/TB", "Thông báo", "125-QĐ/TB"},
		{"1450-CV/TU", "Báo cáo", "1450-CV/TU"},
	} {
		if got := codeForType(c.number, c.docType); got != c.want {
			t.Errorf("codeForType(%q, %q) = %q, want %q", c.number, c.docType, got, c.want)
		}
	}
}

func TestTypeFromNumber(t *testing.T) {
	for number, want := range map[string]string{
		"45/QĐ-UBND": "Quyết định", "575/UBND-KTTH": "Công văn", "28/2018/TT-BTC": "Thông tư",
		"125-QĐ/TU": "Quyết định", "1450-CV/HU": "Công văn", "05-TT/TU": "Thông tri",
		"08-QĐi/TW": "Quy định", "12/KL-TTr": "Kết luận", "…-NQ/ĐU": "Nghị quyết",
		"05/2011/L-CTN": "Lệnh", "01/2008/NQLT-CP-UBTWMTTQVN": "Nghị quyết liên tịch",
		"15/QĐ/UBND": "Quyết định", "15/2020/KH/UBND": "Kế hoạch", "…/TB/UBND": "Thông báo",
	} {
		if got := typeFromNumber(number); got != want {
			t.Errorf("typeFromNumber(%q) = %q, want %q", number, got, want)
		}
	}
}

// A "Số:" whose handwritten numeral OCR did not read stands apart from
// its printed code: the two are one number, and the date line further
// right on the row is not part of it.
func TestNumberLabelApartFromItsCode(t *testing.T) {
	segs := []layout.Segment{
		{Text: "Số:", X0: 165, Y0: 162, X1: 188, Y1: 180},
		{Text: "/TB-UBND", X0: 236, Y0: 164, X1: 330, Y1: 186},
		{Text: "Quảng Ngãi, ngày tháng 01 năm 2025", X0: 421, Y0: 166, X1: 747, Y1: 184},
		{Text: "THÔNG BÁO", X0: 383, Y0: 209, X1: 502, Y1: 228},
	}
	n, ok := ownNumber(withCode(segs, 0).Text)
	if !ok || n.String() != "…/TB-UBND" {
		t.Errorf("number %v, %v; want the printed part …/TB-UBND", n, ok)
	}
	if got := withCode(segs, 2).Text; got != segs[2].Text {
		t.Errorf("a line that is no label alone took its neighbour: %q", got)
	}
	if got := withCode(segs[:1], 0).Text; got != "Số:" {
		t.Errorf("a label with nothing beside it: %q", got)
	}
}

// The numeral the digit model read into the slot, unsure, stands beside a
// "Số:" the layout parted from it (here the dotted leaders of a draft's
// blank slot, read as 10 with the slash): the number is flagged, as sure
// as its numeral and not as its label.
func TestNumberApartFromItsLabelAsSureAsItsNumeral(t *testing.T) {
	words := scanWords(
		row{"Hà Nội, ngày 15 tháng 01 năm 2025", 1174, 435, 2248, 490},
		row{"QUYẾT ĐỊNH", 1011, 645, 1455, 730},
		row{"Sửa đổi Quyết định số 2269/QĐ-TTg", 800, 730, 1700, 787},
	)
	words = append(words,
		vanthu.Word{Text: "Số:", X0: 460, Y0: 307, X1: 538, Y1: 354, Confidence: 92, Line: 90},
		vanthu.Word{Text: "10", X0: 670, Y0: 313, X1: 719, Y1: 361, Confidence: 51, Line: 90,
			Alternatives: []vanthu.Alternative{{Text: "10", P: 0.51}, {Text: "16", P: 0.38}}},
		vanthu.Word{Text: "/QĐ-TTg", X0: 719, Y0: 313, X1: 898, Y1: 364, Confidence: 74, Line: 90})
	p := vanthu.Page{Number: 1, Width: 2480, Height: 3508, Words: words}
	var apart bool
	for _, s := range layout.Segments(p) {
		apart = apart || s.Text == "Số:"
	}
	if !apart {
		t.Fatalf("the layout keeps the label with its numeral: the test needs them apart")
	}
	r := Read([]vanthu.Page{p}, nil)
	if r.Metadata.Number != "10/QĐ-TTg" || !slices.Contains(r.Review, "number") {
		t.Errorf("number %q, review %v: want 10/QĐ-TTg flagged", r.Metadata.Number, r.Review)
	}
}

// A number whose type code OCR ran into the handwriting gets it back from
// the type heading, the numeral left for the clerk; without a heading it
// is not guessed.
func TestNumberTypeCodeFromTheHeading(t *testing.T) {
	p := page(1, "ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", "Số: 2477 -UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ TRÌNH", "Về việc miễn nhiệm")
	r := Read([]vanthu.Page{p}, nil)
	if r.Metadata.Number != "…/TTr-UBND" || r.Metadata.DocType != "Tờ trình" || !slices.Contains(r.Review, "number") {
		t.Errorf("number %q, type %q, review %v; want …/TTr-UBND, Tờ trình, number flagged", r.Metadata.Number, r.Metadata.DocType, r.Review)
	}
	if r.Metadata.Issuer != "ỦY BAN NHÂN DÂN TỈNH BÌNH AN" {
		t.Errorf("issuer %q", r.Metadata.Issuer)
	}
	p = page(1, "ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", "Số: 2477 -UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "V/v miễn nhiệm")
	if r := Read([]vanthu.Page{p}, nil); r.Metadata.Number != "" || !slices.Contains(r.Review, "number") {
		t.Errorf("no heading: number %q, review %v; want none, flagged", r.Metadata.Number, r.Review)
	}
}

// The digit model's numeral beside a code whose type OCR lost ("Số: 24"
// and "-UBND", parted by the blank the type code left) makes the number
// with the heading's type code, flagged.
func TestInkNumeralBeforeALostTypeCode(t *testing.T) {
	words := scanWords(
		row{"Số:", 300, 318, 352, 356},
		row{"24", 360, 318, 410, 356},
		row{"-UBND", 516, 318, 632, 348},
		row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 318, 1483, 356},
		row{"TỜ TRÌNH", 700, 420, 950, 456},
		row{"Về việc miễn nhiệm", 680, 470, 980, 506},
	)
	for i, w := range words {
		switch w.Text {
		case "24":
			words[i].Confidence, words[i].Alternatives = 60, []vanthu.Alternative{{Text: "24", P: 0.99}, {Text: "267", P: 0.4}}
			fallthrough
		case "-UBND":
			words[i].Line = words[i-1].Line // the line of "Số:"
		}
	}
	r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
	if r.Metadata.Number != "24/TTr-UBND" || !slices.Contains(r.Review, "number") {
		t.Errorf("number %q, review %v; want 24/TTr-UBND, flagged", r.Metadata.Number, r.Review)
	}
}

func TestCitedSlashes(t *testing.T) {
	for in, want := range map[string]string{
		"của Quyết định số 2269, QĐ-TTg về Chương trình": "của Quyết định số 2269/QĐ-TTg về Chương trình",
		"theo Công văn số 15 UBND-KT ngày":               "theo Công văn số 15 UBND-KT ngày", // no type code: a công văn's number has none
		"Nghị định số 30. NĐ-CP":                         "Nghị định số 30/NĐ-CP",
		"Quyết định số 2269/QĐ-TTg":                      "Quyết định số 2269/QĐ-TTg",
		"năm 2025, QĐ-UBND":                              "năm 2025, QĐ-UBND",            // no "số"
		"Quyết định số 2269 QD-TTg về":                   "Quyết định số 2269/QĐ-TTg về", // the code's Đ read D
		"Hướng dẫn số 05 HD-SNV":                         "Hướng dẫn số 05/HD-SNV",
	} {
		if got := citedSlashes(in); got != want {
			t.Errorf("citedSlashes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIssuerCodeFits(t *testing.T) {
	for _, c := range []struct {
		number, issuer, parent string
		fits                   bool
	}{
		{"45/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", true},
		{"575/UBND-KTTH", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", true},
		{"574/UCBXD-KTTH", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", false},
		{"56/KH-THPTLN1", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "SỞ GD&ĐT BẮC GIANG", true},
		{"56/KH-THPTLNI1", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "SỞ GD&ĐT BẮC GIANG", false},
		{"314/TB-VPUBND", "VĂN PHÒNG", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", true},
		{"125-QĐ/HU", "HUYỆN ỦY BÌNH SƠN", "ĐẢNG BỘ TỈNH BÌNH AN", true},
		{"45/TB-LĐLĐ", "LĐLĐ TỈNH QUẢNG NAM", "", true},
		{"01/2011/TT-BNV", "BỘ NỘI VỤ", "", true},
		{"45/QĐ-UBND", "", "", true}, // no name to check against
		{"…/SY-UBND", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", true},
		{"28/2018/QĐ-TTg", "THỦ TƯỚNG CHÍNH PHỦ", "", true}, // the small g unchecked
		{"1825/SGTVT-QLCL", "SỞ GIAO THÔNG VẬN TẢI", "UBND TỈNH BÌNH ĐỊNH", true},
		{"12/BC-SGDĐT", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", true},
		{"77/QĐ-BQL", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "UBND TỈNH LÂM ĐỒNG", true},
		{"77/QĐ-BQI", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "UBND TỈNH LÂM ĐỒNG", false},
	} {
		if got := issuerCodeFits(c.number, c.issuer, c.parent); got != c.fits {
			t.Errorf("issuerCodeFits(%q, %q, %q) = %v", c.number, c.issuer, c.parent, got)
		}
	}
	// A thin stroke doubled (1 read as I1) is taken out where that makes
	// the code fit; a code that fits no better without one is left.
	for _, c := range [][3]string{
		{"56/KH-THPTLNI1", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "56/KH-THPTLN1"},
		{"56/KH-THPTLNI1-VP", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "56/KH-THPTLN1-VP"},
		{"12-TB/HUIL", "HUYỆN ỦY BÌNH SƠN", ""},
		{"574/UCBXD-KTTH", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", ""},
	} {
		got, ok := withoutStroke(c[0], c[1], "")
		if c[2] == "" && ok || c[2] != "" && got != c[2] {
			t.Errorf("withoutStroke(%q, %q) = %q, %v; want %q", c[0], c[1], got, ok, c[2])
		}
	}
	// A figure of the name read as the letter of its shape is put back
	// where that makes the code fit; a name without the figure, or a
	// code that fits no better, is left.
	for _, c := range [][3]string{
		{"56/KH-THPTLNI", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "56/KH-THPTLN1"},
		{"56/KH-THPTLNl-VP", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "56/KH-THPTLN1-VP"},
		{"12/QĐ-THCSO", "TRƯỜNG THCS SỐ 10", "12/QĐ-THCS0"},
		{"56/KH-THPTLNI", "TRƯỜNG THPT LỤC NGẠN", ""},
		{"77/QĐ-BQI", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", ""},
		{"45/QĐ-UBND", "ỦY BAN NHÂN DÂN QUẬN 1", ""},
	} {
		got, ok := figureForLetter(c[0], c[1], "")
		if c[2] == "" && ok || c[2] != "" && got != c[2] {
			t.Errorf("figureForLetter(%q, %q) = %q, %v; want %q", c[0], c[1], got, ok, c[2])
		}
	}
}

// A coarse scan's misreading of the issuing code, two letters or fewer
// from the code the agency's name makes and no abbreviation of it, is
// respelt as that code; a code that fits, or is far from any, is kept.
func TestNearestCode(t *testing.T) {
	for _, c := range []struct{ n, issuer, parent, want string }{
		{"574/UCBXD-KTTH", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "", "574/UBND-KTTH"},
		{"12/QĐ-HĐNO", "HỘI ĐỒNG NHÂN DÂN HUYỆN BÌNH SƠN", "", "12/QĐ-HĐND"},
		{"45/STG-QLNS", "SỞ TÀI CHÍNH", "UBND TỈNH BÌNH AN", "45/STC-QLNS"},
		{"45/VPUBNO-NN", "VĂN PHÒNG", "UBND TỈNH NGHỆ AN", "45/VPUBND-NN"},
		{"45/XYZ-NN", "SỞ TÀI CHÍNH", "", "45/XYZ-NN"}, // far from STC
		{"45/QĐ-TTg", "THỦ TƯỚNG CHÍNH PHỦ", "", "45/QĐ-TTg"},
		// A word before a comma is a word; "và" makes no letter of a code
		// (SVHTTDL, SLĐTBXH, STNMT).
		{"321/KH-SVHTTDI", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "UBND TỈNH SÓC TRĂNG", "321/KH-SVHTTDL"},
		{"88/TB-SLĐTBXI", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH GIA LAI", "88/TB-SLĐTBXH"},
		{"45/SINMT-QLĐĐ", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "", "45/STNMT-QLĐĐ"},
		{"45/BHXI-TCKT", "BẢO HIỂM XÃ HỘI TỈNH BÌNH AN", "", "45/BHXH-TCKT"}, // XÃ HỘI is no commune
	} {
		got, _ := nearestCode(c.n, c.issuer, c.parent)
		if got != c.want {
			t.Errorf("nearestCode(%q, %q, %q) = %q, want %q", c.n, c.issuer, c.parent, got, c.want)
		}
	}
}

// A trích yếu "V/v …" under the number is the form of a công văn: with no
// heading and no number read, the type is still known.
func TestVvIsACongVan(t *testing.T) {
	words := scanWords(
		row{"Số:", 280, 242, 330, 278},
		row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 250, 1483, 287},
		row{"V/v góp ý dự thảo Quyết định", 250, 300, 640, 336},
		row{"Kính gửi: Sở Tư pháp", 700, 420, 1100, 456},
	)
	md := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil).Metadata
	if md.DocType != "Công văn" || md.Number != "" || md.Subject != "V/v góp ý dự thảo Quyết định" {
		t.Errorf("type %q, number %q, subject %q; want a công văn with no number", md.DocType, md.Number, md.Subject)
	}
}

// A trích yếu "V/v …" under the number and no heading make a công văn,
// though the code after the slash is a type's abbreviation: there it is
// the issuer's (CT: Cục Thuế, not Chỉ thị). The two disagree, so the
// clerk checks it; a công văn whose code names no type is not flagged.
func TestVvMakesACongVan(t *testing.T) {
	for number, flagged := range map[string]bool{"Số: 1234/CT-TTHT": true, "Số: 1234/UBND-KT": false} {
		words := scanWords(
			row{number, 269, 226, 603, 262},
			row{"Bình An, ngày 16 tháng 8 năm 2022", 862, 226, 1380, 262},
			row{"V/v chính sách thuế giá trị gia tăng", 230, 290, 640, 322},
			row{"Kính gửi: Công ty TNHH Phú Tài.", 500, 420, 1150, 456},
		)
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if r.Metadata.DocType != "Công văn" || slices.Contains(r.Review, "doc_type") != flagged {
			t.Errorf("%s: type %q, review %v; want Công văn, flagged %v", number, r.Metadata.DocType, r.Review, flagged)
		}
	}
}

// A Cục Thuế's công văn is numbered 1234/CT-TTHT: CT, Chỉ thị's
// abbreviation, is there the code the Cục's name makes, and TTHT its
// unit's. Its number is never respelt as though TTHT were the Cục's
// code; read without much confidence, it is flagged, as the unit's code
// no name checks. Its type is not flagged; a type's code that is no code
// of the issuer's still makes the clerk check the type.
func TestCongVanOfACucThue(t *testing.T) {
	for _, c := range []struct {
		number, want string
		conf         float64
		flagged      []string
	}{
		{"Số: 1234/CT-TTHT", "1234/CT-TTHT", 95, nil},
		{"Số: 1234/CT-TTHT", "1234/CT-TTHT", 80, []string{"number"}},
		{"Số: 567/CT-HKDCN", "567/CT-HKDCN", 80, []string{"number"}},
		{"Số: 56/KH-CT", "56/KH-CT", 95, []string{"doc_type"}},
	} {
		r := Read([]vanthu.Page{cucThuePage(c.number, c.conf, true)}, nil)
		md := r.Metadata
		var flagged []string
		for _, f := range []string{"number", "doc_type"} {
			if slices.Contains(r.Review, f) {
				flagged = append(flagged, f)
			}
		}
		if md.Number != c.want || md.DocType != "Công văn" || !slices.Equal(flagged, c.flagged) {
			t.Errorf("%s at %v: number %q, type %q, review %v; want %s, Công văn, %v flagged", c.number, c.conf, md.Number, md.DocType, r.Review, c.want, c.flagged)
		}
	}
}

// cucThuePage is a Cục Thuế's công văn as scanned, its number's line
// number read at conf, with its trích yếu "V/v …" or without it (vv).
func cucThuePage(number string, conf float64, vv bool) vanthu.Page {
	rows := []row{
		{"TỔNG CỤC THUẾ", 270, 129, 605, 177},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 130, 1451, 170},
		{"CỤC THUẾ TỈNH BÌNH AN", 240, 174, 630, 211},
		{"Độc lập - Tự do - Hạnh phúc", 862, 175, 1299, 209},
		{number, 269, 226, 603, 262},
		{"Bình An, ngày 16 tháng 8 năm 2022", 862, 226, 1380, 262},
		{"V/v chính sách thuế giá trị gia tăng", 230, 290, 640, 322},
		{"Kính gửi: Công ty TNHH Phú Tài.", 500, 420, 1150, 456},
	}
	if !vv {
		rows = slices.Delete(rows, 6, 7)
	}
	words := rowWords(rows...)
	words[4].Confidence = conf // the number's
	return vanthu.Page{Number: 1, Width: 1654, Height: 2339, Words: words}
}

// A Cục Thuế's công văn whose trích yếu was not read (under a stamp, a
// note, a crease) has neither heading nor "V/v": its number's CT, the
// code the Cục's name makes, does not make it a Chỉ thị, which prints its
// heading. It is read a công văn, for the clerk to check.
func TestCongVanOfACucThueWithoutItsTrichYeu(t *testing.T) {
	r := Read([]vanthu.Page{cucThuePage("Số: 1234/CT-TTHT", 95, false)}, nil)
	if r.Metadata.DocType != "Công văn" || !slices.Contains(r.Review, "doc_type") {
		t.Errorf("type %q, review %v; want Công văn, flagged", r.Metadata.DocType, r.Review)
	}
}

// A figure of the agency's name read as a letter, or with its stroke
// doubled, is put back however surely the number was read, and flagged.
func TestNumberFigureOfTheName(t *testing.T) {
	for _, read := range []string{"Số: 56/KH-THPTLNI", "Số: 56/KH-THPTLNI1"} {
		p := page(1, "SỞ GD&ĐT BẮC GIANG", "TRƯỜNG THPT LỤC NGẠN SỐ 1", read, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Lục Ngạn, ngày 05 tháng 9 năm 2023", "KẾ HOẠCH", "Tổ chức các hoạt động đầu năm học")
		r := Read([]vanthu.Page{p}, nil)
		if r.Metadata.Number != "56/KH-THPTLN1" || !slices.Contains(r.Review, "number") {
			t.Errorf("%q: number %q, review %v; want 56/KH-THPTLN1, flagged", read, r.Metadata.Number, r.Review)
		}
	}
}

// A D of the issuing code that stands for a word of the name beginning
// with Đ lost its stroke: given back; a D for a D stays.
func TestStrokeOfD(t *testing.T) {
	for _, c := range [][4]string{
		{"08/NQ-HDND", "HỘI ĐỒNG NHÂN DÂN XÃ BÌNH HẢI", "", "08/NQ-HĐND"},
		{"10/2020/TT-BLDTBXH", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "", "10/2020/TT-BLĐTBXH"},
		{"77/TTr-BVDK", "BỆNH VIỆN ĐA KHOA TỈNH", "SỞ Y TẾ BÌNH AN", "77/TTr-BVĐK"},
		{"1502/SGDĐT-VP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", ""},
		{"1502/SGDDT-VP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "1502/SGDĐT-VP"},
		{"145/BDT-CSDT", "BAN DÂN TỘC", "UBND TỈNH ĐẮK LẮK", ""},
		{"45/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "", ""},
		{"12/DA-UBND", "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH", "", ""},
		{"45/QĐ-UBNĐ", "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "", "45/QĐ-UBND"}, // a stroke read in
	} {
		got, ok := strokeOfD(c[0], c[1], c[2])
		if c[3] == "" && ok || c[3] != "" && got != c[3] {
			t.Errorf("strokeOfD(%q, %q, %q) = %q, %v; want %q", c[0], c[1], c[2], got, ok, c[3])
		}
	}
}

// A figure between two capitals of the issuing code that the agency's
// name has not is a mark read in the word: taken out. A code's own
// figures stay.
func TestStrayFigure(t *testing.T) {
	for _, c := range [][4]string{
		{"2215/S5TC-QLNS", "SỞ TÀI CHÍNH", "UBND TỈNH BÌNH AN", "2215/STC-QLNS"},
		{"88/UB1ND", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", "88/UBND"},
		{"1123/C08-P4", "CỤC CẢNH SÁT GIAO THÔNG", "BỘ CÔNG AN", ""},
		{"789/CAT-PC06", "CÔNG AN TỈNH BÌNH AN", "", ""},
		{"56/KH-THPTLN1", "TRƯỜNG THPT LỤC NGẠN SỐ 1", "SỞ GD&ĐT BẮC GIANG", ""},
		{"12/KH-T1HPT", "TRƯỜNG THPT SỐ 1", "", ""}, // the name's figure
	} {
		got, ok := strayFigure(c[0], c[1], c[2])
		if c[3] == "" && ok || c[3] != "" && got != c[3] {
			t.Errorf("strayFigure(%q, %q, %q) = %q, %v; want %q", c[0], c[1], c[2], got, ok, c[3])
		}
	}
	p := page(1, "UBND TỈNH BÌNH AN", "SỞ TÀI CHÍNH", "Số: 2215/S5TC-QLNS", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bình An, ngày 03 tháng 4 năm 2018", "V/v thử")
	if r := Read([]vanthu.Page{p}, nil); r.Metadata.Number != "2215/STC-QLNS" || !slices.Contains(r.Review, "number") {
		t.Errorf("number %q, review %v; want 2215/STC-QLNS, flagged", r.Metadata.Number, r.Review)
	}
}

// An issuing code that stops inside a word of two syllables of the
// agency's name lost its last letter (a pen's stroke or a speck over it):
// the other syllable's letter is put back and the number goes to review.
// A code that ends with a word may be whole and stands; so does one the
// name fits two ways. A number with a type's code and no issuer's lost
// that code, and goes to review.
func TestIssuingCodeCutShort(t *testing.T) {
	for _, c := range [][4]string{
		{"56/KH-UBN", "ỦY BAN NHÂN DÂN PHƯỜNG AN HẢI", "", "56/KH-UBND"},
		{"08/BB-TCK", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "UBND HUYỆN MỘ ĐỨC", "08/BB-TCKH"},
		{"234/BC-TTY", "TRUNG TÂM Y TẾ HUYỆN BÌNH SƠN", "SỞ Y TẾ", "234/BC-TTYT"},
		{"45/QĐ-SN", "SỞ NỘI VỤ", "", "45/QĐ-SNV"},
		{"45/TB-LĐL", "LIÊN ĐOÀN LAO ĐỘNG TỈNH", "", "45/TB-LĐLĐ"},
		{"45/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", ""},
		{"45/QĐ-UB", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", ""}, // the code of the 2000s
		{"45/QĐ-SNN", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "", ""},
		{"45/QĐ-BQL", "BAN QUẢN LÝ DỰ ÁN", "", ""},
		{"45/UBND-VX", "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "", ""},
		{"12-CT/T", "TỈNH ỦY BÌNH AN", "ĐẢNG BỘ TỈNH BÌNH AN", ""}, // TỈNH of the parent's name ends a word
		{"125-QĐ/H", "HUYỆN ỦY BÌNH SƠN", "ĐẢNG BỘ TỈNH BÌNH AN", "125-QĐ/HU"},
	} {
		got, ok := cutShort(c[0], c[1], c[2])
		if c[3] == "" && ok || c[3] != "" && got != c[3] {
			t.Errorf("cutShort(%q, %q, %q) = %q, %v; want %q", c[0], c[1], c[2], got, ok, c[3])
		}
	}
	for _, c := range [][3]string{{"Số: 56/KH-UBN", "KẾ HOẠCH", "56/KH-UBND"}, {"Số: 15/BC", "BÁO CÁO", "15/BC"}} {
		line, want := c[0], c[2]
		p := page(1, "UBND HUYỆN BÌNH SƠN", "ỦY BAN NHÂN DÂN XÃ BÌNH AN", line, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bình An, ngày 03 tháng 4 năm 2018", c[1], "Tình hình thực hiện")
		if r := Read([]vanthu.Page{p}, nil); r.Metadata.Number != want || !slices.Contains(r.Review, "number") {
			t.Errorf("%q: number %q, review %v; want %s, flagged", line, r.Metadata.Number, r.Review, want)
		}
	}
}

// A number whose codes are not written as codes are (a small letter out of
// place, a sign, a letter of no abbreviation) was misread, however sure
// the reading: the print beside ink written by hand (12/qQb-VKS) or under
// a seal.
func TestNumberCodeMisreadGoesToReview(t *testing.T) {
	for _, c := range []struct {
		agency, line string
		review       bool
	}{
		{"VIỆN KIỂM SÁT NHÂN DÂN TỈNH BÌNH AN", "Số: 12/qQb-VKS", true},
		{"VĂN PHÒNG CHÍNH PHỦ", "Số: 1234/v?CP-KGVX", true},
		{"SỞ NỘI VỤ", "Số: 678/Ö", true},
		{"VĂN PHÒNG CHÍNH PHỦ", "Số: 1234/VPCP-KGVX", false},
		{"THỦ TƯỚNG CHÍNH PHỦ", "Số: 1234/QĐ-TTg", false},
		{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1502/SGDĐT-GDTrH", false},
		{"SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Số: 456/SNN&PTNT-KHTC", false},
		{"SỞ NỘI VỤ", "Số: 12/TTr-SNV", false},
		// Its label's ố lost and its capitals read small, beside large
		// figures written by hand.
		{"SỞ GIAO THÔNG VẬN TẢI", "s: 1825 /sGTVT-QLCL", true},
		// A capital read twice, bare and with a mark over it.
		{"TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG", "Số: 3456/ÊEVNCPC-KD", true},
	} {
		p := page(1, "UBND TỈNH BÌNH AN", c.agency, c.line, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bình An, ngày 03 tháng 4 năm 2018", "V/v thử")
		r := Read([]vanthu.Page{p}, nil)
		if slices.Contains(r.Review, "number") != c.review {
			t.Errorf("%q: number %q, review %v", c.line, r.Metadata.Number, r.Review)
		}
		if want, ok := map[string]string{"s: 1825 /sGTVT-QLCL": "1825/SGTVT-QLCL", "Số: 3456/ÊEVNCPC-KD": "3456/EVNCPC-KD"}[c.line]; ok && r.Metadata.Number != want {
			t.Errorf("%q: number %q, want %s", c.line, r.Metadata.Number, want)
		}
	}
}

// A Party number whose slash a 1-bit scan read as a 7 is read, its type
// code spelt as the heading names the type, and flagged.
func TestPartyNumberSlashReadAsSeven(t *testing.T) {
	words := rowWords(
		row{"TỈNH ỦY BÌNH AN", 270, 130, 605, 170},
		row{"ĐẢNG CỘNG SẢN VIỆT NAM", 862, 130, 1380, 170},
		row{"*", 430, 180, 445, 195},
		row{"Bình An, ngày 08 tháng 01 năm 2013", 862, 226, 1380, 262},
		row{"Số 12-CI7TU", 330, 230, 545, 266},
		row{"CHỈ THỊ", 740, 330, 915, 370},
		row{"về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận", 350, 380, 1300, 416},
		row{"Trong những năm qua, công tác dân vận trên địa bàn tỉnh đạt nhiều kết quả.", 200, 460, 1450, 496},
	)
	r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
	if md := r.Metadata; md.Number != "12-CT/TU" || md.DocType != "Chỉ thị" || !slices.Contains(r.Review, "number") {
		t.Errorf("number %q, type %q, review %v; want 12-CT/TU, Chỉ thị, the number flagged", md.Number, md.DocType, r.Review)
	}
}

// A header line whose label's S was read as 5 or $ is still the
// document's number line.
func TestOwnNumberLabelMisread(t *testing.T) {
	for _, line := range []string{"5ố: 45/QĐ-UBND", "$ố: 45/QĐ-UBND", "  5ố : 45/QĐ-UBND",
		"S0: 45/QĐ-UBND", "Sé: 45/QĐ-UBND", "Sê : 45/QĐ-UBND", // its ố read as a zero or an e
		"Số hiệu: 45/QĐ-UBND", "SỐ HIỆU: 45/QĐ-UBND"} { // the label some offices print
		if n, ok := ownNumber(line); !ok || n.String() != "45/QĐ-UBND" {
			t.Errorf("ownNumber(%q) = %q, %v; want 45/QĐ-UBND", line, n.String(), ok)
		}
	}
	for _, line := range []string{"5 ông: 45/QĐ-UBND", "50: 45", "Sẽ có 45/QĐ-UBND", "Số hiệu của 45/QĐ-UBND"} {
		if n, ok := ownNumber(line); ok {
			t.Errorf("ownNumber(%q) = %q: no label", line, n.String())
		}
	}
}

// A number's code wrapped in a narrow column at its hyphen goes on with
// the part under it, the hyphen at the line's end or at the next line's
// start; the line under the number that is no part of a code does not.
func TestNumberCodeWrapped(t *testing.T) {
	for _, c := range [][3]string{
		{"Số: 1502/SGDĐT-", "GDTrH", "1502/SGDĐT-GDTrH"},
		{"Số: 1502/SGDĐT", "-GDTrH", "1502/SGDĐT-GDTrH"},
		{"Số: 1502/SGDĐT-GDTrH", "KHẨN", "1502/SGDĐT-GDTrH"},
		{"Số: 1502/SGDĐT-GDTrH", "V/v hướng dẫn nhiệm vụ năm học", "1502/SGDĐT-GDTrH"},
	} {
		words := scanWords(row{c[0], 300, 260, 600, 296}, row{"Bình An, ngày 15 tháng 3 năm 2024", 900, 260, 1450, 296},
			row{c[1], 330, 300, 580, 336}, row{"Kính gửi: Các trường THPT", 800, 450, 1200, 486})
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if r.Metadata.Number != c[2] || slices.Contains(r.Review, "number") {
			t.Errorf("%q / %q: number %q, review %v; want %s", c[0], c[1], r.Metadata.Number, r.Review, c[2])
		}
	}
}
