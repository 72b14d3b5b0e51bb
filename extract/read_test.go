package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

// page is a page of text without word boxes: one segment a line.
func page(n int, lines ...string) vanthu.Page {
	return vanthu.Page{Number: n, Text: strings.Join(lines, "\n")}
}

var header = []string{
	"ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"Độc lập - Tự do - Hạnh phúc",
}

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
func TestReadSeveralDocuments(t *testing.T) {
	first := page(1, append(append([]string{}, header...), "Số: 12/QĐ-UBND", "Bình An, ngày 03 tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	cont := page(2, "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.", "Nơi nhận:", "- Như Điều 3;")
	second := page(3, append(append([]string{}, header...), "Số: 7/TB-UBND", "Bình An, ngày 05 tháng 02 năm 2025", "THÔNG BÁO")...)
	r := Read([]vanthu.Page{first, cont, second}, nil)
	if r.Metadata.Number != "12/QĐ-UBND" {
		t.Errorf("number %q, want the first document's", r.Metadata.Number)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "nhiều văn bản") || !strings.Contains(r.Warnings[0], "trang 3") {
		t.Errorf("warnings %q: want several documents, the other from page 3", r.Warnings)
	}
	// A continuation page with no header is no new document.
	if r := Read([]vanthu.Page{first, cont}, nil); len(r.Warnings) != 0 {
		t.Errorf("one document, warnings %q", r.Warnings)
	}
	// Nor is a form an appendix sets out: the header with its slots
	// blank, or labelled as a form.
	for _, form := range [][]string{
		{"UBND TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ....../QĐ-UBND", "Bình An, ngày ... tháng ... năm 20...", "QUYẾT ĐỊNH"},
		{"TÊN CƠ QUAN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/TB-…", "……, ngày …… tháng …… năm ……", "THÔNG BÁO"},
		{"Mẫu số 02", "UBND XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 15/GXN-UBND", "An Bình, ngày 10 tháng 5 năm 2024", "GIẤY XÁC NHẬN"},
	} {
		if r := Read([]vanthu.Page{first, cont, page(3, form...)}, nil); len(r.Warnings) != 0 {
			t.Errorf("a form in an appendix (%q) taken for another document: %q", form[0], r.Warnings)
		}
	}
	// Another document whose number and day were written by hand, unread:
	// its year is printed.
	handwritten := page(3, append(append([]string{}, header...), "Số: …/TB-UBND", "Bình An, ngày … tháng 02 năm 2025", "THÔNG BÁO")...)
	if r := Read([]vanthu.Page{first, cont, handwritten}, nil); len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "trang 3") {
		t.Errorf("a second document with its number and day unread: warnings %q", r.Warnings)
	}
}
func TestReadSignatureEvidence(t *testing.T) {
	p := page(1, "ỦY BAN NHÂN DÂN", "TINH QUANG NGAI", "Số: 5/UBND-KT", "Quảng Ngãi, ngày 04 tháng 02 năm 2025", "V/v thử")
	agency := vanthu.Signature{Signer: "Ủy ban nhân dân tỉnh Quảng Ngãi", Organization: "Tỉnh Quảng Ngãi", SignedAt: "2025-02-05T10:00:00+07:00", Intact: true}
	person := vanthu.Signature{Signer: "Nguyễn Văn An", Organization: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", SignedAt: "2025-02-04T17:00:00+07:00", Intact: true}

	r := Read([]vanthu.Page{p}, []vanthu.Signature{person, agency})
	if r.Metadata.Issuer != "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" {
		t.Errorf("issuer %q: want the certificate's spelling of the agency OCR read without marks", r.Metadata.Issuer)
	}
	if r.Metadata.Signer != "Nguyễn Văn An" {
		t.Errorf("signer %q: want the name of the person's own signature", r.Metadata.Signer)
	}
	if slices.Contains(r.Review, "issuer") || slices.Contains(r.Review, "issued_date") {
		t.Errorf("agreeing evidence flagged: %v", r.Review)
	}

	// Signed before the date the page gives, or by another agency: the
	// clerk checks.
	early := person
	early.SignedAt = "2025-02-01T09:00:00+07:00"
	other := vanthu.Signature{Signer: "Sở Tài chính tỉnh Bình An", Organization: "Sở Tài chính", SignedAt: "2025-02-05T10:00:00+07:00", Intact: true}
	r = Read([]vanthu.Page{p}, []vanthu.Signature{early})
	if !slices.Contains(r.Review, "issued_date") {
		t.Errorf("dated after its signature, not flagged: %v", r.Review)
	}
	r = Read([]vanthu.Page{p}, []vanthu.Signature{other})
	if !slices.Contains(r.Review, "issuer") {
		t.Errorf("signed by another agency, issuer not flagged: %v", r.Review)
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
		{"Số: 45/QĐ-UBND", Number{Numeral: "45", Code: "QĐ-UBND"}},
		// A coarse or 1-bit scan's slash read as another thin mark.
		{"Số: 08 ;CT-UBND", Number{Numeral: "08", Code: "CT-UBND", Unsure: true}},
		{"Số: 04. :TTr-UBND", Number{Numeral: "04", Code: "TTr-UBND", Unsure: true}},
		{"Số: “UBND-KGVX", Number{Code: "UBND-KGVX", Unsure: true}},
		{"Số: Øđ@ ;CT-UBND", Number{Code: "CT-UBND", Unreadable: true, Unsure: true}},
		// "Số: 24/TTr-UBND" with the slash and the type code run into the
		// handwriting: the issuing code alone, the numeral not read.
		{"Số: 2477 -UBND", Number{Code: "UBND", Unreadable: true, Unsure: true, TypeLost: true}},
		// A form's dotted slot, written over or stamped.
		{"Số: ...... 507 ...../UBND-KT", Number{Numeral: "507", Code: "UBND-KT"}},
		{"Số: ..23../QĐ-UBND", Number{Numeral: "23", Code: "QĐ-UBND"}},
		{"Số: ………/UBND-KT", Number{Code: "UBND-KT"}},
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
func TestParseDateLinePartial(t *testing.T) {
	for in, want := range map[string]string{
		"Quảng Ngãi, ngày tháng 01 năm 2025":    "2025-01",
		"Quảng Ngãi, ngày 0T tháng 02 năm 2025": "2025-02", // handwriting read as marks
		"Quảng Ngãi, ngày @& tháng l] năm 2024": "2024-11", // ] for the 1's serif
		"Quảng Ngãi, ngày 04tháng 02 năm 2025":  "2025-02-04",
		"Quảng Ngãi, ngày 77 tháng 02 năm 2025": "2025-02", // no day of February
		"ngày 31 tháng 2 năm 2020":              "2020-02",
		// Print misread in a coarse scan: a year's 5 as S, a month's 0 as
		// "(", a speck after năm as a colon.
		"Quảng Ngài, ngàyv — tháng 0Ì năm 202S": "2025-01",
		"Quảng Ngãi, ngày 15 tháng (1 năm 2025": "2025-01-15",
		"Quảng Ngãi, ngày 15 tháng 4 năm: 2020": "2020-04-15",
		"Quảng Ngãi, ngày 15 tháng ( năm 2020":  "2020",
	} {
		if _, got, ok := ParseDateLine(in); !ok || got != want {
			t.Errorf("ParseDateLine(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
func TestCodeForType(t *testing.T) {
	for _, c := range []struct{ number, docType, want string }{
		{"23/ĐC-UBND", "Báo cáo", "23/BC-UBND"},        // one letter off: the heading wins
		{"23/BC-UBND", "Báo cáo", "23/BC-UBND"},        // right already
		{"45/QĐ-UBND", "Báo cáo", "45/QĐ-UBND"},        // another type's code, as printed
		{"575/UBND-KTTH", "Công văn", "575/UBND-KTTH"}, // a công văn has no type code
		{"…/TB-UBND", "Thông báo", "…/TB-UBND"},
		{"12/2020/TE-UBND", "Thông báo", "12/2020/TB-UBND"},
		{"7/XY-UBND", "Báo cáo", "7/XY-UBND"}, // two letters off
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
	} {
		if got := typeFromNumber(number); got != want {
			t.Errorf("typeFromNumber(%q) = %q, want %q", number, got, want)
		}
	}
}

func TestSignatureDayConfirmsHandwrittenDay(t *testing.T) {
	// The day was read from handwriting, unsure (0.6); the office signed
	// on that very day: two witnesses agree, the clerk need not check.
	sig := []vanthu.Signature{{Signer: "Ủy ban nhân dân tỉnh Bình An", SignedAt: "2025-02-04T16:42:36+07:00", Intact: true}}
	md := vanthu.Metadata{Issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH AN", IssuedDate: "2025-02-04"}
	conf := map[string]float64{"issued_date": 0.6}
	if review := signatureEvidence(&md, conf, sig, nil); len(review) != 0 || conf["issued_date"] < ReviewThreshold {
		t.Errorf("same day as signed: review %v, confidence %.2f", review, conf["issued_date"])
	}
	// Signed the next day: no confirmation; the day stays unsure.
	sig[0].SignedAt = "2025-02-05T08:00:00+07:00"
	conf["issued_date"] = 0.6
	if signatureEvidence(&md, conf, sig, nil); conf["issued_date"] != 0.6 {
		t.Errorf("signed a day later, confidence raised to %.2f", conf["issued_date"])
	}
}
func TestSignatureDayChoosesAmongReadings(t *testing.T) {
	sig := []vanthu.Signature{{Signer: "Ủy ban nhân dân tỉnh Bình An", SignedAt: "2025-02-07T14:59:55+07:00", Intact: true}}
	issuer := "ỦY BAN NHÂN DÂN TỈNH BÌNH AN"
	for _, c := range []struct {
		name       string
		read       string
		conf       float64
		days       []vanthu.Alternative
		want       string
		wantReview bool
	}{
		// A barred 7 the model reads as a 3, unsurely: the office signed
		// on the 7th, and 7 was the model's second reading.
		{"unsure", "2025-02-03", 0.6, []vanthu.Alternative{{Text: "03", P: 0.62}, {Text: "07", P: 0.3}}, "2025-02-07", true},
		// "31" run together and read as one digit: signed 17 days after
		// the 31st, 44 after the 4th.
		{"run together", "2025-01-04", 0.6, []vanthu.Alternative{{Text: "4", P: 0.64}, {Text: "31", P: 0.45}}, "2025-01-31", true},
		// A sure reading is not moved by the signature.
		{"sure", "2025-02-03", 0.6, []vanthu.Alternative{{Text: "03", P: 0.98}, {Text: "07", P: 0.01}}, "2025-02-03", true},
		// Confirmed by Tesseract too: left alone.
		{"confirmed", "2025-02-03", 0.9, []vanthu.Alternative{{Text: "03", P: 0.6}, {Text: "07", P: 0.4}}, "2025-02-03", false},
		// The day unread: the month stays, and so does the flag.
		{"no readings", "2025-02", 0, nil, "2025-02", true},
	} {
		md := vanthu.Metadata{Issuer: issuer, IssuedDate: c.read}
		conf := map[string]float64{"issued_date": c.conf}
		if c.name == "run together" {
			sig[0].SignedAt = "2025-02-17T10:00:00+07:00"
		}
		review := signatureEvidence(&md, conf, sig, c.days)
		flagged := slices.Contains(review, "issued_date") || slices.Contains(Review(md, conf), "issued_date")
		if md.IssuedDate != c.want || flagged != c.wantReview {
			t.Errorf("%s: issued %s, review %v; want %s, review %v", c.name, md.IssuedDate, flagged, c.want, c.wantReview)
		}
		sig[0].SignedAt = "2025-02-07T14:59:55+07:00"
	}
}

// seg is a line with its box, as read from a scan.
func seg(text string, zone layout.Zone, x0, y0, x1, y1 int) layout.Segment {
	return layout.Segment{Text: text, Zone: zone, X0: x0, Y0: y0, X1: x1, Y1: y1, Conf: 95,
		Words: []vanthu.Word{{Text: text, X0: x0, Y0: y0, X1: x1, Y1: y1, Confidence: 95}}}
}

// subjectText is a trích yếu read, without the lines it stands on.
func subjectText(t string, _ []layout.Segment) string { return t }

func TestSubjectLinesOfAScan(t *testing.T) {
	body := seg("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", layout.Full, 406, 1191, 2224, 1275)
	for _, c := range []struct {
		name string
		segs []layout.Segment
		want string
	}{
		{"specks between the lines", []layout.Segment{
			seg("Về việc miễn nhiệm chức danh Ủy viên", layout.Centre, 835, 724, 1791, 790),
			seg("-", layout.Right, 1620, 723, 1632, 730),
			seg("-", layout.Left, 630, 792, 640, 801),
			seg("Ủy ban nhân dân tỉnh nhiệm kỳ 2021 - 2026", layout.Centre, 618, 802, 2010, 858),
			body,
		}, "Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh nhiệm kỳ 2021 - 2026"},
		{"a dot read as a letter between the lines", []layout.Segment{
			seg("Về việc miễn nhiệm chức danh Ủy viên", layout.Centre, 556, 482, 1194, 526),
			seg("ộ", layout.Right, 1080, 482, 1088, 486),
			seg(".", layout.Left, 420, 528, 426, 532),
			seg("Ủy ban nhân dân tỉnh nhiệm kỳ 2021 - 2026", layout.Centre, 412, 534, 1340, 572),
			body,
		}, "Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh nhiệm kỳ 2021 - 2026"},
		{"a wide centred second line", []layout.Segment{
			seg("Tình hình, kết quả thực hiện công tác", layout.Centre, 826, 559, 1750, 616),
			seg("cải cách thủ tục hành chính tháng 01/2025 của tỉnh", layout.Full, 504, 628, 2073, 684),
			body,
		}, "Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 01/2025 của tỉnh"},
		{"the body after a blank line", []layout.Segment{
			seg("Kết luận của Chủ tịch tại buổi làm việc", layout.Full, 421, 673, 2235, 742),
			seg("với Ban Chỉ đạo huyện Bình Sơn", layout.Centre, 600, 753, 2047, 807),
			seg("Ngày 24/12/2024, tại trụ sở UBND huyện Bình Sơn, Chủ tịch", layout.Centre, 559, 936, 2238, 991),
		}, "Kết luận của Chủ tịch tại buổi làm việc với Ban Chỉ đạo huyện Bình Sơn"},
		{"a justified body line right under it", []layout.Segment{
			seg("V/v chuẩn bị điểm cầu hội nghị", layout.Centre, 700, 600, 1500, 650),
			seg("Thực hiện Công văn số 12/UBND của Ủy ban nhân dân tỉnh về việc", layout.Full, 406, 660, 2224, 712),
		}, "V/v chuẩn bị điểm cầu hội nghị"},
		{"the body set as tight as a wide trích yếu", []layout.Segment{
			seg("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022", layout.Full, 420, 600, 2060, 650),
			seg("Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2022 của Ủy ban nhân dân xã,", layout.Full, 250, 660, 2230, 712),
		}, "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022"},
		{"a wide trích yếu going on in small letters", []layout.Segment{
			seg("Về việc phê duyệt kế hoạch lựa chọn nhà thầu gói thầu xây dựng", layout.Full, 420, 600, 2060, 650),
			seg("theo đề nghị của Ban Quản lý dự án đầu tư xây dựng huyện", layout.Full, 450, 660, 2030, 712),
		}, "Về việc phê duyệt kế hoạch lựa chọn nhà thầu gói thầu xây dựng theo đề nghị của Ban Quản lý dự án đầu tư xây dựng huyện"},
		{"a giấy mời's body opening with the office's courtesy", []layout.Segment{
			seg("Dự hội nghị tổng kết công tác cải cách hành chính năm 2021", layout.Full, 420, 600, 2060, 650),
			seg("Sở Nội vụ trân trọng kính mời đại diện lãnh đạo các sở, ban, ngành.", layout.Full, 250, 660, 2000, 712),
		}, "Dự hội nghị tổng kết công tác cải cách hành chính năm 2021"},
		{"a line going on with đến, not the stamp ĐẾN", []layout.Segment{
			seg("Về việc phê duyệt kế hoạch phát triển giai đoạn từ năm 2021", layout.Centre, 560, 600, 1920, 650),
			seg("đến năm 2025", layout.Centre, 1080, 660, 1400, 712),
			body,
		}, "Về việc phê duyệt kế hoạch phát triển giai đoạn từ năm 2021 đến năm 2025"},
	} {
		if got, _ := subjectAfterHeading(layout.Segment{}, c.segs); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// A công văn's trích yếu passes over a dot that OCR read as a letter, as
// the one under a type heading does.
func TestSubjectVvPassesOverSpecks(t *testing.T) {
	left := []layout.Segment{
		seg("Số: 12/UBND-KT", layout.Left, 300, 240, 600, 280),
		seg("V/v góp ý dự thảo Quyết định sửa đổi,", layout.Left, 240, 290, 680, 326),
		seg("ộ", layout.Left, 520, 328, 526, 332),
		seg("bổ sung một số điều", layout.Left, 330, 334, 590, 370),
	}
	if got, want := subjectText(subjectVv(left)), "V/v góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều"; got != want {
		t.Errorf("subjectVv = %q, want %q", got, want)
	}
}

// A "Số:" line read too poorly to parse is still no part of the agency's
// name above it.
// The parent body's line is no part of the issuer's name, but the parent
// (cơ quan chủ quản), also where the agency's name is an abbreviation
// (LĐLĐ) or a Party committee's; a Youth Union's name at the top right is
// neither.
func TestIssuerUnderItsParent(t *testing.T) {
	for _, c := range [][3]string{
		{"TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH QUẢNG NAM", "Số: 45/TB-LĐLĐ"},
		{"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH AN", "Số: 45/TB-LĐLĐ"},
		{"ĐẢNG BỘ TỈNH BÌNH AN", "HUYỆN ỦY BÌNH SƠN", "Số 1450-CV/HU"},
		{"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "CHI NHÁNH TỈNH BÌNH AN", "Số: 88/NHNN-BAN"},
		{"CHI CỤC KIỂM LÂM", "HẠT KIỂM LÂM HUYỆN BÌNH SƠN", "Số: 12/HKL"},
		// The Youth Union's name stands where the Quốc hiệu does; read
		// as one column, it is no line of the agency's.
		{"TỈNH ĐOÀN BÌNH AN", "ĐOÀN TNCS HỒ CHÍ MINH", "Số 12-TB/TĐTN"},
		{"UBND TỈNH BÌNH AN", "LIÊN SỞ TÀI CHÍNH - NỘI VỤ", "Số: 12/HDLS-STC-SNV"}, // two departments' joint guidance
		{"BHXH VIỆT NAM", "BHXH TỈNH BÌNH AN", "Số: 567/BHXH-TST"},                 // the parent abbreviated
		{"QUÂN KHU 5", "BỘ CHỈ HUY QUÂN SỰ TỈNH BÌNH AN", "Số: 88/BCH-TM"},
		// The motto read on the agency's row, its dashes and all.
		{"BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH BÌNH AN Độc lập - Tự do - Hạnh phúc", "Số: 567/BHXH-TST"},
	} {
		p := page(1, c[0], c[1], c[2], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		want, parent := strings.TrimSuffix(c[1], " Độc lập - Tự do - Hạnh phúc"), c[0]
		if strings.HasPrefix(c[1], "ĐOÀN TNCS") {
			want, parent = c[0], ""
		}
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != want || md.ParentBody != parent {
			t.Errorf("%q: issuer %q under %q, want %q under %q", c, md.Issuer, md.ParentBody, want, parent)
		}
	}
}

// A long name breaks after the dash between its parts; the dash is the
// name's, and a dash under the last line (its rule, read as one) is not.
func TestIssuerBrokenAfterItsDash(t *testing.T) {
	for lines, want := range map[[2]string]string{
		{"BỘ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"}:   "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
		{"BỘ LAO ĐỘNG – THƯƠNG BINH", "VÀ XÃ HỘI -"}: "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
		{"SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"}:       "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
	} {
		p := page(1, lines[0], lines[1], "Số: 10/2020/TT-BLĐTBXH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != want {
			t.Errorf("%q: issuer %q, want %q", lines, md.Issuer, want)
		}
	}
}

// A heading may qualify its type (KẾT LUẬN THANH TRA) or, in the format
// before 2011, name the authority (QUYẾT ĐỊNH CỦA CHỦ TỊCH …); the type
// is the longest that begins it, where the number's code does not name
// another, and the trích yếu is the line under it.
func TestHeadingQualifiesItsType(t *testing.T) {
	for _, c := range []struct {
		number, heading, next string
		doctype, subject      string
	}{
		{"Số: 12/KL-TTr", "KẾT LUẬN THANH TRA", "Về việc quản lý, sử dụng đất đai", "Kết luận", "Về việc quản lý, sử dụng đất đai"},
		{"Số: 12/BB-UBND", "BIÊN BẢN LÀM VIỆC", "Về việc bàn giao hồ sơ", "Biên bản", "Về việc bàn giao hồ sơ"},
		{"Số: 12/QĐ-UBND", "QUYẾT ĐỊNH CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Về việc bàn giao hồ sơ", "Quyết định", "Về việc bàn giao hồ sơ"},
		{"Số: 12/QĐ-UBND", "QUYẾT ĐỊNH", "CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Quyết định", ""},
		{"Số: 12/KH-UBND", "BÁO CÁO TÓM TẮT", "Về việc bàn giao hồ sơ", "Kế hoạch", ""}, // the code names another type
	} {
		lines := append(append([]string{}, header[0], c.number, header[1], header[2], "Bình An, ngày 05 tháng 3 năm 2012"), c.heading, c.next)
		if c.next == "CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" {
			lines = append(lines, "Về việc bàn giao hồ sơ")
			c.subject = "Về việc bàn giao hồ sơ"
		}
		lines = append(lines, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
		md := Read([]vanthu.Page{page(1, lines...)}, nil).Metadata
		if md.DocType != c.doctype || md.Subject != c.subject {
			t.Errorf("%q: type %q, subject %q; want %q, %q", c.heading, md.DocType, md.Subject, c.doctype, c.subject)
		}
	}
	if _, ok := headingType("LUẬT ĐẤT ĐAI", ""); ok {
		t.Error("LUẬT ĐẤT ĐAI: a law's heading goes on with its name, no type read from its first word")
	}
}

// A page of a gazette (Công báo) sets its running head, the part and the
// issuing body's name above a document's header; they are no part of it,
// nor is a fax machine's line. An urgency mark stamped there stays.
func TestNothingAboveTheNationalRowIsTheHeaders(t *testing.T) {
	for _, c := range []struct {
		above   []row
		urgency string
	}{
		{[]row{
			{"CÔNG BÁO/Số 205 + 206/Ngày 15-3-2020", 250, 20, 900, 56},
			{"3", 1400, 20, 1420, 56},
			{"PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT", 500, 70, 1150, 106},
			{"ỦY BAN NHÂN DÂN TỈNH BÌNH AN", 560, 120, 1100, 156},
		}, ""},
		{[]row{
			{"PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT", 500, 70, 1150, 106},
			{"ỦY BAN NHÂN DÂN TỈNH BÌNH AN", 560, 120, 1100, 156},
		}, ""},
		{[]row{{"12/03/2019 10:23 FAX 0255 3822 123 UBND TINH BINH AN P.001/002", 100, 40, 1500, 70}}, ""},
		{[]row{{"HỎA TỐC", 250, 60, 420, 100}}, "Hỏa tốc"},
	} {
		var words []vanthu.Word
		for i, r := range c.above {
			words = append(words, vanthu.Word{Text: r.text, X0: r.x0, Y0: r.y0, X1: r.x1, Y1: r.y1, Confidence: 95, Line: 100 + i})
		}
		for _, w := range scanWords(
			row{"Số: 12/2020/QĐ-UBND", 300, 240, 600, 276},
			row{"Bình An, ngày 15 tháng 01 năm 2020", 901, 240, 1483, 276},
			row{"QUYẾT ĐỊNH", 700, 320, 950, 356},
			row{"Ban hành Quy chế quản lý cụm công nghiệp", 520, 370, 1130, 406},
		) {
			w.Y0, w.Y1 = w.Y0+60, w.Y1+60 // below what stands above
			words = append(words, w)
		}
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		md := r.Metadata
		if md.Issuer != "ỦY BAN NHÂN DÂN TỈNH BÌNH AN" || md.ParentBody != "" || slices.Contains(r.Review, "issuer") {
			t.Errorf("under %q: issuer %q, parent %q, review %v", c.above[0].text, md.Issuer, md.ParentBody, r.Review)
		}
		if md.Number != "12/2020/QĐ-UBND" || md.IssuedDate != "2020-01-15" || md.Urgency != c.urgency {
			t.Errorf("under %q: number %q, date %q, urgency %q", c.above[0].text, md.Number, md.IssuedDate, md.Urgency)
		}
	}
}

// An agency's name in more lines than the Quốc hiệu and its motto, set
// with them level with its middle: its first line stands above their row
// and is the header's still.
func TestParentAboveACentredNationalRow(t *testing.T) {
	var words []vanthu.Word
	for i, r := range []row{
		{"UBND TỈNH BÌNH AN", 300, 100, 640, 136},
		{"SỞ KẾ HOẠCH VÀ", 320, 140, 620, 176},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 140, 1451, 176},
		{"ĐẦU TƯ", 400, 180, 540, 216},
		{"Độc lập - Tự do - Hạnh phúc", 862, 180, 1299, 216},
		{"Số: 88/SKHĐT-TH", 300, 260, 600, 296},
		{"Bình An, ngày 15 tháng 01 năm 2020", 901, 260, 1483, 296},
		{"V/v góp ý dự thảo kế hoạch", 300, 310, 700, 346},
	} {
		words = append(words, vanthu.Word{Text: r.text, X0: r.x0, Y0: r.y0, X1: r.x1, Y1: r.y1, Confidence: 95, Line: i})
	}
	md := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil).Metadata
	if md.Issuer != "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" || md.ParentBody != "UBND TỈNH BÌNH AN" {
		t.Errorf("issuer %q under %q; want SỞ KẾ HOẠCH VÀ ĐẦU TƯ under UBND TỈNH BÌNH AN", md.Issuer, md.ParentBody)
	}
}

// A signing stamp printed in the top margin (a paper copy of a signed
// PDF) names its centre, which starts like an agency's name; it stands
// off the axis of the agency's name, so it is not the parent body.
func TestSigningStampIsNoParent(t *testing.T) {
	for _, stamp := range []row{
		{"TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", 640, 40, 1000, 62}, // between the columns, above them
		{"TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", 90, 80, 330, 102},  // in the left column, off its middle
	} {
		words := scanWords(
			row{"Số: 12/TTr-UBND", 300, 240, 600, 276},
			row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 240, 1483, 276},
			row{"TỜ TRÌNH", 720, 320, 930, 356},
			row{"Về việc miễn nhiệm chức danh Ủy viên", 520, 370, 1130, 406},
		)
		words = append([]vanthu.Word{{Text: stamp.text, X0: stamp.x0, Y0: stamp.y0, X1: stamp.x1, Y1: stamp.y1, Confidence: 90, Line: -1}}, words...)
		md := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil).Metadata
		if md.Issuer != "ỦY BAN NHÂN DÂN TỈNH BÌNH AN" || md.ParentBody != "" {
			t.Errorf("stamp at %d–%d: issuer %q under %q", stamp.x0, stamp.x1, md.Issuer, md.ParentBody)
		}
	}
}

func TestIssuerEndsAtAnUnreadNumberLine(t *testing.T) {
	for _, numberLine := range []string{"Số: Øđ@ ;CT-UBND", "/UBND-KTTH", "SỐ; 4@ /QĐ"} {
		p := page(1, "ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", numberLine, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if got := Read([]vanthu.Page{p}, nil).Metadata.Issuer; got != "ỦY BAN NHÂN DÂN TỈNH BÌNH AN" {
			t.Errorf("under %q: issuer %q", numberLine, got)
		}
	}
}

// The date line's place is spelt as the header spells it: the province
// after TỈNH (whose marks OCR put back), a district as its own header has
// it though a province has its letters.
func TestPlaceAsTheHeaderSpellsIt(t *testing.T) {
	for _, c := range []struct{ agency, date, want string }{
		{"TỈNH QUẢNG NGÃI", "Quảng Ngài, ngày 03 tháng 4 năm 2018", "Quảng Ngãi"},
		{"HUYỆN PHÙ YÊN", "Phu Yên, ngày 03 tháng 4 năm 2018", "Phù Yên"},
	} {
		p := page(1, "ỦY BAN NHÂN DÂN", c.agency, "Số: 12/UBND-KT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", c.date)
		if got := Read([]vanthu.Page{p}, nil).Metadata.Place; got != c.want {
			t.Errorf("under %s, %q: place %q, want %q", c.agency, c.date, got, c.want)
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

// A day stamped over the slot's dots may end a text layer's line, the
// rest of the date on the line after it: the two are one date line.
func TestDateLineEndingOnItsDay(t *testing.T) {
	words := scanWords(
		row{"Số: 507/UBND-KT", 300, 318, 600, 356},
		row{"Bình Định, ngày …… 12", 1000, 318, 1500, 356},
		row{"tháng 3 năm 2024", 1560, 318, 2000, 356},
		row{"V/v triển khai kế hoạch", 250, 420, 700, 456},
	)
	md := Read([]vanthu.Page{{Number: 1, Width: 2480, Height: 3508, Words: words}}, nil).Metadata
	if md.IssuedDate != "2024-03-12" || md.Place != "Bình Định" {
		t.Errorf("date %q, place %q; want 2024-03-12 in Bình Định", md.IssuedDate, md.Place)
	}
}

func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"Về việc hỗ trợ nhà đầu tư ——__ thực hiện dự án": "Về việc hỗ trợ nhà đầu tư thực hiện dự án",
		"nhiệm kỳ 2021 - 2026": "nhiệm kỳ 2021 - 2026",
		"- Như trên;":          "Như trên",
		"  V/v   góp ý  ":      "V/v góp ý",
	} {
		if got := cleanLine(in); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every document under NĐ 30 has a place on its date line and a role over
// its signature: one not read is for the clerk to fill in.
func TestReviewFlagsAPlaceOrRoleNotRead(t *testing.T) {
	md := vanthu.Metadata{Number: "12/UBND-KT", DocType: "Công văn", Issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
		IssuedDate: "2025-01-15", Subject: "V/v góp ý", Signer: "Nguyễn Văn An"}
	conf := map[string]float64{"number": 0.9, "doc_type": 0.9, "issuer": 0.9, "issued_date": 0.9, "subject": 0.9, "signer": 0.9}
	if got := Review(md, conf); !slices.Equal(got, []string{"place", "signer_title"}) {
		t.Errorf("Review = %v, want [place signer_title]", got)
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

// A trích yếu is as sure as its least sure line, and as a word in it that
// is no word: a second line OCR read poorly, or with "QI)-TTe" in it,
// flags it, though its first line was read surely.
func TestSubjectFlaggedByItsWorstLine(t *testing.T) {
	for _, c := range []struct {
		second  string
		conf    []float64 // each word's
		flagged bool
	}{
		{"về Quyết định số 2269/QĐ-TTg", []float64{95, 90, 93, 96, 88}, false},
		{"về Quyết định số 2269/QĐ-TTg", []float64{40, 45, 50, 42, 38}, true},
		{"về Quyết định số 2269 QI)-TTe", []float64{95, 90, 93, 96, 93, 27}, true},
		{"về Quyết định số 2269 cung", []float64{95, 90, 93, 96, 93, 31}, false},                                // a word, read unsure
		{"về Quyết định số 2269 Nøãi", []float64{95, 90, 93, 96, 93, 92}, true},                                 // ø: no letter of Vietnamese
		{"vẻ Quyết định số 2269/QĐ-TTg", []float64{95, 90, 93, 96, 88}, true},                                   // vẻ: về, its tone slipped
		{"về Quyết định số 2269 thưe hiện", []float64{95, 90, 93, 96, 93, 79, 97}, true},                        // thưe: marks and no syllable (thực)
		{"về Quyết định số 2269 kỳ họp thứ 3Í", []float64{95, 90, 93, 96, 93, 94, 97, 97, 90}, true},            // a mark among figures (31)
		{"về Quyết định số 2269 tỉnh Đắk Lắk", []float64{95, 90, 93, 96, 93, 94, 92, 91}, false},                // names of the highlands
		{"về Quyết định số 2269 trên nền tảng Zalo", []float64{95, 90, 93, 96, 93, 94, 92, 91, 90}, false},      // a foreign word, no marks
		{"về Quyết định số 2269 kỳ họp thứ 3]", []float64{95, 90, 93, 96, 93, 94, 97, 97, 90}, true},            // a bracket without its pair
		{"về Quyết định số 2269 (lần 2)", []float64{95, 90, 93, 96, 93, 94, 97}, false},                         // with it
		{"về Quyết định số 2269 ` thực hiện", []float64{95, 90, 93, 96, 93, 60, 94, 97}, true},                  // a sign never typed
		{"về Quyết định số 2269 của Công ty TXHH MTV", []float64{95, 90, 93, 96, 93, 94, 97, 96, 95, 93}, true}, // TXHH: TNHH misread
		{"về Quyết định số 2269 của Công ty TNHH MTV", []float64{95, 90, 93, 96, 93, 94, 97, 96, 95, 93}, false},
		{"về Quyết định số 2269/QĐ-UBNĐ", []float64{95, 90, 93, 96, 88}, true}, // within a code
	} {
		words := scanWords(
			row{"Số: 45/TB-UBND", 300, 318, 600, 356},
			row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 318, 1483, 356},
			row{"THÔNG BÁO", 700, 420, 950, 456},
			row{"Kết luận của Chủ tịch UBND tỉnh tại cuộc họp", 520, 470, 1130, 506},
		)
		line := words[len(words)-1] // the trích yếu's first line
		for k, w := range strings.Fields(c.second) {
			x := 540 + 100*k
			words = append(words, vanthu.Word{Text: w, X0: x, Y0: 512, X1: x + 90, Y1: 548,
				Confidence: c.conf[k], Block: line.Block, Line: line.Line + 1})
		}
		words = append(words, vanthu.Word{Text: "Căn cứ Luật Tổ chức chính quyền địa phương;", X0: 250, Y0: 620, X1: 1480, Y1: 656,
			Confidence: 95, Block: line.Block + 1, Line: line.Line + 2})
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if got := slices.Contains(r.Review, "subject"); got != c.flagged || !strings.Contains(r.Metadata.Subject, "số 2269") {
			t.Errorf("%q %v: subject %q, flagged %v; want flagged %v", c.second, c.conf, r.Metadata.Subject, got, c.flagged)
		}
	}
}

// row is a line of a scan as one word in its box.
type row struct {
	text           string
	x0, y0, x1, y1 int
}

// scanWords is the words of an NĐ 30 header (agency and Quốc hiệu) on an
// A4 page at 200 dpi, then rows, each a line of its own.
func scanWords(rows ...row) []vanthu.Word {
	rows = append([]row{
		{"ỦY BAN NHÂN DÂN", 270, 129, 605, 177},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 130, 1451, 170},
		{"TỈNH BÌNH AN", 269, 174, 603, 211},
		{"Độc lập - Tự do - Hạnh phúc", 862, 175, 1299, 209},
	}, rows...)
	var words []vanthu.Word
	for i, l := range rows {
		words = append(words, vanthu.Word{Text: l.text, X0: l.x0, Y0: l.y0, X1: l.x1, Y1: l.y1, Confidence: 95, Line: i})
	}
	return words
}

// Specks OCR read as words within a line of the trích yếu are no part of
// it: the end of a rule read as a letter it was unsure of, a stop
// standing alone. A dash between numbers stays.
func TestSubjectLineWithSpecks(t *testing.T) {
	words := func(ws ...vanthu.Word) layout.Segment {
		s := layout.Segment{Zone: layout.Left, X0: ws[0].X0, Y0: ws[0].Y0, X1: ws[len(ws)-1].X1, Y1: ws[0].Y1, Conf: 90, Words: ws}
		var t []string
		for _, w := range ws {
			t = append(t, w.Text)
			s.Y1 = max(s.Y1, w.Y1)
		}
		s.Text = strings.Join(t, " ")
		return s
	}
	w := func(text string, x0, y0, x1, y1 int, conf float64) vanthu.Word {
		return vanthu.Word{Text: text, X0: x0, Y0: y0, X1: x1, Y1: y1, Confidence: conf}
	}
	left := []layout.Segment{
		seg("Số: 12/UBND-KT", layout.Left, 300, 240, 600, 280),
		words(w("V/v", 186, 326, 220, 345, 96), w("góp", 226, 326, 260, 348, 96), w("ý", 266, 326, 275, 348, 96), w("của", 468, 327, 503, 345, 97), w("Ộ", 514, 351, 517, 355, 0)),
		words(w("Quyết", 186, 357, 249, 381, 93), w("định", 257, 357, 303, 380, 97), w(".", 310, 374, 314, 378, 80),
			w("nhiệm", 320, 357, 380, 376, 96), w("kỳ", 386, 357, 400, 380, 96), w("2021", 406, 357, 450, 376, 96), w("-", 456, 366, 462, 369, 90), w("2026", 468, 357, 512, 376, 96)),
	}
	if got, want := subjectText(subjectVv(left)), "V/v góp ý của Quyết định nhiệm kỳ 2021 - 2026"; got != want {
		t.Errorf("subjectVv = %q, want %q", got, want)
	}
}
func TestCitedSlashes(t *testing.T) {
	for in, want := range map[string]string{
		"của Quyết định số 2269, QĐ-TTg về Chương trình": "của Quyết định số 2269/QĐ-TTg về Chương trình",
		"theo Công văn số 15 UBND-KT ngày":               "theo Công văn số 15 UBND-KT ngày", // no type code: a công văn's number has none
		"Nghị định số 30. NĐ-CP":                         "Nghị định số 30/NĐ-CP",
		"Quyết định số 2269/QĐ-TTg":                      "Quyết định số 2269/QĐ-TTg",
		"năm 2025, QĐ-UBND":                              "năm 2025, QĐ-UBND", // no "số"
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
}

// A city's long date line runs into the number: OCR reads them as one
// line across the page, which is cut back into the two at its widest gap
// before "ngày".
func TestNumberAndDateOnOneLine(t *testing.T) {
	var ws []vanthu.Word
	x := 429
	for i, w := range strings.Fields("Số: 4521/TTr-UBND Thành phố Hồ Chí Minh, ngày 12 tháng 8 năm 2019") {
		gap := 24
		if i == 2 {
			gap = 65 // between the columns: under twice the line's height
		}
		x += gap
		ws = append(ws, vanthu.Word{Text: w, X0: x, Y0: 300, X1: x + 30*len([]rune(w)), Y1: 345, Confidence: 95, Line: 2})
		x += 30 * len([]rune(w))
	}
	segs := splitNumberDate([]layout.Segment{layout.NewSegment(ws, 2480)}, 2480)
	if len(segs) != 2 || segs[0].Text != "Số: 4521/TTr-UBND" || !strings.HasPrefix(segs[1].Text, "Thành phố Hồ Chí Minh, ngày") {
		t.Fatalf("segments %q", texts(segs))
	}
	header := []vanthu.Word{{Text: "ỦY", X0: 420, Y0: 124, X1: 496, Y1: 180, Confidence: 95}, {Text: "BAN", X0: 519, Y0: 124, X1: 637, Y1: 180, Confidence: 95},
		{Text: "NHÂN", X0: 661, Y0: 124, X1: 834, Y1: 180, Confidence: 95}, {Text: "DÂN", X0: 859, Y0: 124, X1: 981, Y1: 180, Confidence: 95}}
	md := Extract([]vanthu.Page{{Number: 1, Width: 2480, Height: 3508, Words: append(header, ws...)}})
	if md.Number != "4521/TTr-UBND" || md.IssuedDate != "2019-08-12" || md.Place != "Thành phố Hồ Chí Minh" {
		t.Errorf("number %q, date %q, place %q", md.Number, md.IssuedDate, md.Place)
	}
}

// "V/v" as OCR may misread it still opens a công văn's trích yếu, which
// is given back its "V/v"; a line that only begins with a V does not.
func TestSubjectVvMisread(t *testing.T) {
	for _, lead := range []string{"V/ triển khai", "Vlv triển khai", "V/y triển khai", "V v triển khai"} {
		left := []layout.Segment{
			seg("Số: 12/VPUBND-NN", layout.Left, 300, 240, 600, 280),
			seg(lead+" công tác phòng, chống", layout.Left, 240, 290, 680, 326),
			seg("hạn hán, xâm nhập mặn", layout.Left, 330, 334, 590, 370),
		}
		if got, want := subjectText(subjectVv(left)), "V/v triển khai công tác phòng, chống hạn hán, xâm nhập mặn"; got != want {
			t.Errorf("%q: subjectVv = %q, want %q", lead, got, want)
		}
	}
	left := []layout.Segment{seg("VĂN PHÒNG", layout.Left, 300, 200, 600, 230), seg("Vụ Tổ chức cán bộ", layout.Left, 300, 240, 600, 280), seg("V Vân", layout.Left, 300, 290, 600, 326)}
	if got, _ := subjectVv(left); got != "" {
		t.Errorf("subjectVv = %q, want none", got)
	}
}

// A day slot left blank is wide enough for the layout to part the date
// line in two: "Đồng Tháp, ngày" and "tháng 3 năm 2013". The printed
// month and year are still read, for the clerk to complete.
func TestDateLineWithBlankDay(t *testing.T) {
	words := []vanthu.Word{{Text: "SỞ", X0: 420, Y0: 124, X1: 496, Y1: 170, Confidence: 95}, {Text: "NỘI", X0: 519, Y0: 124, X1: 637, Y1: 170, Confidence: 95},
		{Text: "VỤ", X0: 661, Y0: 124, X1: 734, Y1: 170, Confidence: 95}}
	x := 1250
	for _, w := range strings.Fields("Đồng Tháp, ngày tháng 3 năm 2013") {
		if w == "tháng" {
			x += 200 // the blank: over twice the line's height
		}
		words = append(words, vanthu.Word{Text: w, X0: x, Y0: 300, X1: x + 30*len([]rune(w)), Y1: 345, Confidence: 95, Line: 2})
		x += 30*len([]rune(w)) + 24
	}
	p := vanthu.Page{Number: 1, Width: 2480, Height: 3508, Words: words}
	if n := len(layout.Segments(p)); n != 3 {
		t.Fatalf("%d segments; the case wants the date line parted", n)
	}
	r := Read([]vanthu.Page{p}, nil)
	if r.Metadata.IssuedDate != "2013-03" || r.Metadata.Place != "Đồng Tháp" || !slices.Contains(r.Review, "issued_date") {
		t.Errorf("date %q, place %q, review %v; want 2013-03 in Đồng Tháp, flagged", r.Metadata.IssuedDate, r.Metadata.Place, r.Review)
	}
}

// A law prints no date line: it was passed on the day its closing
// sentence names, which may run over two lines. A body that tells when
// another text was passed names that one, not "this".
func TestPassedOn(t *testing.T) {
	law := []layout.Segment{
		seg("Điều 42. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2012.", layout.Full, 250, 400, 2200, 460),
		seg("Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp", layout.Full, 250, 500, 2200, 560),
		seg("thứ 2 thông qua ngày 11 tháng 11 năm 2011.", layout.Full, 250, 580, 1200, 640),
		seg("CHỦ TỊCH QUỐC HỘI", layout.Right, 1500, 700, 2100, 760),
	}
	date, s, ok := passedOn(law)
	if !ok || date != "2011-11-11" || s.Y0 != 580 {
		t.Errorf("passedOn(law) = %q, line at %d, %v; want 2011-11-11 on the line at 580", date, s.Y0, ok)
	}
	body := []layout.Segment{
		seg("Căn cứ Nghị quyết số 42/2017/QH14 được Quốc hội thông qua ngày 21 tháng 6 năm 2017;", layout.Full, 250, 400, 2200, 460),
	}
	if date, _, ok := passedOn(body); ok {
		t.Errorf("passedOn(citation) = %q; want nothing", date)
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

// The receiving office sets its stamp ĐẾN in the space under a công
// văn's trích yếu (NĐ 30, Phụ lục IV): its agency in capitals, its Số,
// Ngày and Chuyển are no part of the trích yếu, nor is a line after a
// blank one.
func TestSubjectVvEndsAboveAReceivedStamp(t *testing.T) {
	vv := []row{
		{"Số: 2215/STC-QLNS", 269, 226, 603, 262},
		{"Bình An, ngày 14 tháng 6 năm 2019", 862, 226, 1380, 262},
		{"V/v lập dự toán ngân sách", 230, 290, 640, 322},
		{"nhà nước năm 2020", 290, 326, 580, 358},
	}
	for _, stamp := range [][]row{
		{{"SỞ TÀI CHÍNH BÌNH AN", 150, 372, 560, 400}, {"ĐẾN Số: 3382", 150, 410, 420, 440}},
		{{"ĐẾN Số: 3382", 150, 372, 420, 400}, {"Ngày: 17/6/2019", 250, 410, 520, 440}},
		{{"17/6/2019 3382", 150, 420, 420, 450}}, // after a blank line
	} {
		words := scanWords(append(append(slices.Clone(vv), stamp...), row{"Kính gửi: Ủy ban nhân dân các huyện.", 500, 560, 1150, 596})...)
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if got, want := r.Metadata.Subject, "V/v lập dự toán ngân sách nhà nước năm 2020"; got != want {
			t.Errorf("under the trích yếu %q: subject %q, want %q", stamp[0].text, got, want)
		}
	}
}

// A received stamp set beside the heading and the trích yếu (NĐ 30,
// Phụ lục IV: in the space under the date) is no part of the trích yếu,
// whichever of its lines OCR reads on the trích yếu's rows.
func TestSubjectBesideAReceivedStamp(t *testing.T) {
	heading := seg("QUYẾT ĐỊNH", layout.Centre, 1060, 640, 1420, 700)
	segs := []layout.Segment{
		seg("Chuyển: P.QLNS", layout.Right, 1720, 700, 2180, 740),
		seg("Về việc thành lập Hội đồng thi đua", layout.Centre, 840, 730, 1640, 790),
		seg("SỞ TÀI CHÍNH BÌNH AN", layout.Right, 1720, 760, 2200, 800),
		seg("khen thưởng huyện", layout.Centre, 1040, 800, 1440, 860),
		seg("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;", layout.Full, 400, 900, 2230, 960),
	}
	if got, want := subjectText(subjectAfterHeading(heading, segs)), "Về việc thành lập Hội đồng thi đua khen thưởng huyện"; got != want {
		t.Errorf("subject %q, want %q", got, want)
	}
	// A stamp in the margin beside where the body begins, its agency's
	// name and ĐẾN misread, ends the trích yếu: the body set close under
	// it would otherwise run on.
	segs = []layout.Segment{
		seg("Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư", layout.Full, 274, 324, 1388, 376),
		seg("thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh", layout.Full, 300, 372, 1400, 430),
		seg("ƑBUMG TÊM CÔMG 8A9 & TÌN HỘC", layout.Left, 0, 386, 432, 468),
		seg("ĐẾN | gu 1Ô,", layout.Left, 4, 482, 260, 570),
		seg("dW. vay (0/4 đt nh qua, các cấp, các ngành đã có nhiều cố gắng", layout.Full, 18, 454, 1464, 554),
		seg("quản lý nhà nước về cải cách thủ tục hành chính, thu hút đầu tư", layout.Full, 428, 508, 1468, 570),
	}
	heading = seg("CHỈ THỊ", layout.Centre, 756, 250, 906, 310)
	if got, want := subjectText(subjectAfterHeading(heading, segs)), "Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh"; got != want {
		t.Errorf("subject %q, want %q", got, want)
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
	} {
		got, _ := nearestCode(c.n, c.issuer, c.parent)
		if got != c.want {
			t.Errorf("nearestCode(%q, %q, %q) = %q, want %q", c.n, c.issuer, c.parent, got, c.want)
		}
	}
}

func TestGarbled(t *testing.T) {
	for w, want := range map[string]bool{
		"QI)-TTe": true, "Vưấi,": true, "cua": false, "Quyết": false, "2269/QĐ-TTg": false, "V/v": false,
		"COVID-19": false, "(b/c);": false, "–": false, "—": false, "...": false, "QĐĐ-UBND": false, "ngàn": false, "TXHH": false, "2025.": false, "-": false, "Rịa-Vũng": false,
	} {
		if got := garbled(w); got != want {
			t.Errorf("garbled(%q) = %v, want %v", w, got, want)
		}
	}
}

// Some offices set "Kính gửi" in the right column, beside a công văn's
// trích yếu: the trích yếu goes on under it.
func TestSubjectVvBesideKinhGui(t *testing.T) {
	words := scanWords(
		row{"Số: 876/SXD-QLN", 300, 318, 600, 356},
		row{"Bình An, ngày 19 tháng 4 năm 2016", 901, 318, 1483, 356},
		row{"V/v báo cáo tình hình thực hiện", 240, 370, 640, 400},
		row{"chính sách hỗ trợ nhà ở đối với", 240, 406, 640, 436},
		row{"Kính gửi: Bộ Xây dựng.", 950, 404, 1300, 438},
		row{"người có công với cách mạng", 260, 442, 620, 472},
		row{"Thực hiện Công văn số 567/BXD-QLN ngày 01 tháng 4 năm 2016 của Bộ Xây dựng, Sở báo cáo như sau.", 250, 540, 1480, 576},
	)
	md := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil).Metadata
	if want := "V/v báo cáo tình hình thực hiện chính sách hỗ trợ nhà ở đối với người có công với cách mạng"; md.Subject != want || md.DocType != "Công văn" {
		t.Errorf("subject %q (%s), want %q (Công văn)", md.Subject, md.DocType, want)
	}
}

// A signer's name with a syllable that is no name in common use, read
// unsure, is flagged for the clerk: faint print bends Hoàng into Hoane.
// The same syllable read surely is a rare name, and stands; a mark that
// the repair of a name put back (Tuần → Tuấn) is no doubt either.
func TestSignerWithAnUnsureSyllableFlagged(t *testing.T) {
	for _, c := range []struct {
		name    []string
		conf    []float64
		flagged bool
	}{
		{[]string{"Nguyễn", "Hoane", "Giang"}, []float64{93, 61, 90}, true},
		{[]string{"Nguyễn", "Hoane", "Giang"}, []float64{93, 96, 90}, false},
		{[]string{"Trần", "Hoàng", "Tuần"}, []float64{96, 97, 76}, false},
		{[]string{"Nguyễn", "Hoàng", "Giang"}, []float64{93, 61, 90}, false},
	} {
		words := scanWords(
			row{"Số: 45/TB-UBND", 300, 318, 600, 356},
			row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 318, 1483, 356},
			row{"THÔNG BÁO", 700, 420, 950, 456},
			row{"Kết luận của Chủ tịch UBND tỉnh", 520, 470, 1130, 506},
			row{"Nơi nhận:", 257, 1716, 394, 1746},
			row{"CHỦ TỊCH", 1000, 1709, 1279, 1756},
			row{"- Như trên;", 256, 1766, 560, 1801},
		)
		for k, w := range c.name {
			x := 1000 + 130*k
			words = append(words, vanthu.Word{Text: w, X0: x, Y0: 2081, X1: x + 120, Y1: 2124, Confidence: c.conf[k], Line: 99})
		}
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if got := slices.Contains(r.Review, "signer"); got != c.flagged || r.Metadata.Signer == "" {
			t.Errorf("%q %v: signer %q, flagged %v; want flagged %v", c.name, c.conf, r.Metadata.Signer, got, c.flagged)
		}
	}
}

// Pages with ink of which OCR read no text (a photograph, a seal alone)
// are named to the clerk; the document is read from the others.
func TestUnreadPagesWarned(t *testing.T) {
	first := page(1, append(append([]string{}, header...), "Số: 12/QĐ-UBND", "Bình An, ngày 03 tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	photo := vanthu.Page{Number: 2, Unread: true}
	r := Read([]vanthu.Page{first, photo, {Number: 3}}, nil)
	if r.Metadata.Number != "12/QĐ-UBND" || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "trang 2 ") {
		t.Errorf("number %q, warnings %q; want the number read and page 2 named", r.Metadata.Number, r.Warnings)
	}
}

// In a narrow column a long line wraps: the date line's year under its
// "năm", a range of school years after its hyphen. The year is the date's,
// and the range is joined as printed, with no space.
func TestWrappedDateYearAndRange(t *testing.T) {
	words := scanWords(
		row{"Số: 1502/SGDĐT-VP", 300, 240, 620, 276},
		row{"Thành phố Hồ Chí Minh, ngày 03 tháng 4 năm", 760, 240, 1500, 276},
		row{"2023", 1080, 282, 1170, 318},
		row{"V/v tổ chức kỳ thi tuyển sinh vào lớp 10", 250, 330, 700, 366},
		row{"năm học 2023-", 350, 372, 560, 408},
		row{"2024", 420, 414, 500, 450},
		row{"Kính gửi: Phòng Giáo dục và Đào tạo các huyện.", 500, 520, 1200, 556},
	)
	md := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil).Metadata
	if md.IssuedDate != "2023-04-03" || md.Place != "Thành phố Hồ Chí Minh" {
		t.Errorf("date %q, place %q; want 2023-04-03 in Thành phố Hồ Chí Minh", md.IssuedDate, md.Place)
	}
	if want := "V/v tổ chức kỳ thi tuyển sinh vào lớp 10 năm học 2023-2024"; md.Subject != want {
		t.Errorf("subject %q, want %q", md.Subject, want)
	}
}

// A signing tool's stamp in the top margin upsets Tesseract's reading of
// the page's layout: it reads the agency's first line and the Quốc hiệu
// beside it as one line across the page, in one block with the stamp's
// lines. The row is two columns all the same, and the stamp above the
// Quốc hiệu is no part of the header.
func TestHeaderRowReadAsOneLineUnderAStamp(t *testing.T) {
	var words []vanthu.Word
	line := func(text string, x0, y0, x1, y1 int) {
		fs := strings.Fields(text)
		step := (x1 - x0) / len(fs)
		for i, f := range fs {
			words = append(words, vanthu.Word{Text: f, X0: x0 + i*step, Y0: y0, X1: x0 + (i+1)*step - 20, Y1: y1,
				Confidence: 90, Block: 1, Line: len(words)})
		}
		for i := len(words) - len(fs); i < len(words); i++ {
			words[i].Line = words[len(words)-len(fs)].Line // one line
		}
	}
	line("TRUNG TÂM CÔNG BÁO", 1130, 20, 1400, 46)
	line("tk.binhan.gov.vn", 1129, 55, 1435, 106)
	line("13 4$S", 1275, 115, 1374, 136)
	line("ỦY BAN NHÂN DÂN", 402, 187, 963, 256)
	row := words[len(words)-4].Line
	line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1038, 187, 2274, 256)
	for i := len(words) - 8; i < len(words); i++ {
		words[i].Line = row // Tesseract's one line across the page
	}
	line("TỈNH BÌNH AN", 399, 259, 962, 324)
	line("Độc lập - Tự do - Hạnh phúc", 1288, 270, 2021, 325)
	line("Số: 280/BC-UBND", 468, 394, 986, 456)
	line("Bình An, ngày 22 tháng 11 năm 2024", 1197, 405, 2217, 462)
	line("BÁO CÁO", 1147, 556, 1433, 612)
	line("Về việc điều chỉnh dự toán ngân sách năm 2024", 700, 630, 1820, 680)
	line("Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;", 300, 780, 2200, 830)
	r := Read([]vanthu.Page{{Number: 1, Width: 2480, Height: 3508, Words: words}}, nil)
	md := r.Metadata
	if md.Issuer != "ỦY BAN NHÂN DÂN TỈNH BÌNH AN" || md.Number != "280/BC-UBND" || md.DocType != "Báo cáo" || md.IssuedDate != "2024-11-22" {
		t.Errorf("issuer %q, number %q, type %q, date %q; want ỦY BAN NHÂN DÂN TỈNH BÌNH AN, 280/BC-UBND, Báo cáo, 2024-11-22",
			md.Issuer, md.Number, md.DocType, md.IssuedDate)
	}
}
