package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

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
		// tháng in italic in 1 bit, the foot of its a lost.
		"Quảng Bình, ngày 14 thủng 10 năm 2020": "2020-10-14",
		"Tịnh Kỳ, ngày 30 thúng 12 năm 2022":    "2022-12-30",
		"Tịnh Kỳ, ngày 30 tbáng 12 năm 2022":    "2022-12-30", // its h's top lost
		"Quảng Ngãi, ngày 15 tháng ( năm 2020":  "2020",
		// A year's 0 read as its two sides in a fax's half-height lines.
		"Quang Ngãi, ngày tháng 01 năm 2()25":  "2025-01",
		"Quảng Ngãi, ngày 8 tháng 1 năm 20()5": "2005-01-08",
		// A month's 0 read as the U it is without its top; a month that
		// is none leaves the year, and the line is still the date line.
		"Quảng Ngãi, ngày 04 tháng U2 năm 2025": "2025-02-04",
		"Quang Nưấi, ngày — tháng 111 nằm 2025": "2025",
		"Quảng Ngãi, ngày 12 tháng 0 năm 2025":  "2025",
		"ngày 5 tháng 13 năm 2020":              "2020",
		// "ngày" whose y a coarse scan read as n or v.
		"Quang Ngãi, ngàn tháng 0Ì năm 2025": "2025-01",
		"Hà Nội, ngàv 05 tháng 3 năm 2019":   "2019-03-05",
	} {
		if _, got, ok := ParseDateLine(in); !ok || got != want {
			t.Errorf("ParseDateLine(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// Some offices print the date line without "ngày", and OCR may read it
// as no word: after a place alone and its comma, "DD tháng MM năm YYYY"
// is the date line still. Where a word that is not "ngày" stands in its
// place, the day beside it goes to the clerk. So too a date in figures.
// Without "ngày", a line without a month, or after words that end on no
// name ("Tóm lại,"), is a sentence.
func TestDateLineWithoutNgay(t *testing.T) {
	checkDateLines(t, map[string]dateRead{
		"Hà Nội, 15 tháng 10 năm 2024":          {"2024-10-15", false},
		"TP. Hồ Chí Minh, 05 tháng 3 năm 2020":  {"2020-03-05", false},
		"Hà Nội, tháng 10 năm 2024":             {"2024-10", false},
		"Quảng Ngãi, ng?y 15 tháng 10 năm 2024": {"2024-10-15", true},
		"Quảng Ngãi, rgày 15 tháng 10 năm 2024": {"2024-10-15", true},
		"Hà Nội, 05/01/2011":                    {"2011-01-05", false}, // in figures
	})
	for _, in := range []string{
		"Trong năm, 6 tháng đầu năm 2024",
		"trong 15 tháng 10 năm 2024 đã",
		"Theo báo cáo số 12/BC-UBND, 15 tháng 10 năm 2024",
		"Tóm lại, tháng 10 năm 2024 có",
		"Theo báo cáo, 05/01/2011",
	} {
		if _, date, _, ok := readDateLine(in); ok {
			t.Errorf("readDateLine(%q) = %q, a date line; want none", in, date)
		}
	}
	p := page(1, "BỘ TÀI CHÍNH", "Số: 1234/BTC-NSNN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Hà Nội, 15 tháng 10 năm 2024", "V/v hướng dẫn lập dự toán", "Kính gửi: Các bộ, cơ quan ngang bộ")
	if r := Read([]vanthu.Page{p}, nil); r.Metadata.IssuedDate != "2024-10-15" || r.Metadata.Place != "Hà Nội" || slices.Contains(r.Review, "issued_date") {
		t.Errorf("issued_date %q, place %q, review %v; want 2024-10-15 at Hà Nội, not flagged", r.Metadata.IssuedDate, r.Metadata.Place, r.Review)
	}
}

// dateRead is what readDateLine reads from a line: the date, and whether
// a figure of it is a guess.
type dateRead struct {
	date    string
	guessed bool
}

func checkDateLines(t *testing.T, lines map[string]dateRead) {
	t.Helper()
	for in, want := range lines {
		if _, date, guessed, ok := readDateLine(in); !ok || date != want.date || guessed != want.guessed {
			t.Errorf("readDateLine(%q) = %q, guessed %v, %v; want %q, guessed %v", in, date, guessed, ok, want.date, want.guessed)
		}
	}
}

// A date line set in italic and scanned in 1 bit may read the month's
// figure 1 by the flag at its top, as a T: the month is print, so read as
// 1, and the date goes to the clerk. The day may be handwriting: a T
// there is left unread.
func TestItalicOneOfTheMonth(t *testing.T) {
	checkDateLines(t, map[string]dateRead{
		"Sơn Tịnh, ngày 08 thúng T1 năm 2013":   {"2013-11-08", true},
		"Sơn Tịnh, ngày 08 tháng TÍ năm 2013":   {"2013-11-08", true},
		"Sơn Tịnh, ngày 08 tháng 11 năm 2013":   {"2013-11-08", false},
		"Quảng Ngãi, ngày 0T tháng 02 năm 2025": {"2025-02", false},
	})
	p := page(1, "ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH", "Số: 2345/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Sơn Tịnh, ngày 08 thúng T1 năm 2013", "QUYẾT ĐỊNH", "Về việc phê duyệt kế hoạch")
	if r := Read([]vanthu.Page{p}, nil); r.Metadata.IssuedDate != "2013-11-08" || !slices.Contains(r.Review, "issued_date") {
		t.Errorf("issued_date %q, review %v; want 2013-11-08, flagged", r.Metadata.IssuedDate, r.Review)
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

// In a narrow right column a long date line wraps: after the place's
// comma, after its day, after "tháng", before the year. The line under
// it goes on with it.
func TestDateLineWrapped(t *testing.T) {
	for _, c := range []struct {
		first, second, place string
	}{
		{"Thành phố Hồ Chí Minh,", "ngày 15 tháng 10 năm 2024", "Thành phố Hồ Chí Minh"},
		{"Bình Định, ngày 15", "tháng 10 năm 2024", "Bình Định"},
		{"Bình Định, ngàv 15", "tháng 10 năm 2024", "Bình Định"}, // ngày's y read v
		{"Bình Định, ngày 15 tháng", "10 năm 2024", "Bình Định"},
		{"Bình Định, ngày 15 tháng 10 năm", "2024", "Bình Định"},
	} {
		words := scanWords(
			row{"Số: 507/UBND-KT", 300, 318, 600, 356},
			row{c.first, 1100, 318, 1900, 356},
			row{c.second, 1150, 362, 1850, 400},
			row{"V/v triển khai kế hoạch", 250, 460, 700, 496},
		)
		r := Read([]vanthu.Page{{Number: 1, Width: 2480, Height: 3508, Words: words}}, nil)
		if md := r.Metadata; md.IssuedDate != "2024-10-15" || md.Place != c.place || slices.Contains(r.Review, "issued_date") {
			t.Errorf("%q / %q: date %q, place %q, review %v; want 2024-10-15 in %s", c.first, c.second, md.IssuedDate, md.Place, r.Review, c.place)
		}
	}
}

// A day slot left blank is wide enough for the layout to part the date
// line in two: "Đồng Tháp, ngày" and "tháng 3 năm 2013". The printed
// month and year are still read, for the clerk to complete.
// So too when a coarse scan read the y of "ngày" as n.
func TestDateLineWithBlankDay(t *testing.T) {
	for _, line := range []string{"Đồng Tháp, ngày tháng 3 năm 2013", "Đồng Tháp, ngàn tháng 3 năm 2013"} {
		t.Run(line, func(t *testing.T) { testDateLineWithBlankDay(t, line) })
	}
}

func testDateLineWithBlankDay(t *testing.T, line string) {
	words := []vanthu.Word{{Text: "SỞ", X0: 420, Y0: 124, X1: 496, Y1: 170, Confidence: 95}, {Text: "NỘI", X0: 519, Y0: 124, X1: 637, Y1: 170, Confidence: 95},
		{Text: "VỤ", X0: 661, Y0: 124, X1: 734, Y1: 170, Confidence: 95}}
	x := 1250
	for _, w := range strings.Fields(line) {
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

// A city's date line whose first word was lost ("phố Hồ Chí Minh, ngày
// …") names the city: a date line names no street. The place is put
// right and flagged.
func TestPlaceLostItsFirstWord(t *testing.T) {
	p := page(1, "UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ NỘI VỤ", "Số: 12/SNV-TCBC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "phố Hồ Chí Minh, ngày 12 tháng 8 năm 2019", "V/v tuyển dụng")
	r := Read([]vanthu.Page{p}, nil)
	if r.Metadata.Place != "Thành phố Hồ Chí Minh" || !slices.Contains(r.Review, "place") {
		t.Errorf("place %q, review %v; want Thành phố Hồ Chí Minh, flagged", r.Metadata.Place, r.Review)
	}
}
