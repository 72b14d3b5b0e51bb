package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

var update = flag.Bool("update", false, "rewrite testdata/extract/*.golden.json")

// Golden: recorded OCR pages (words with boxes) of the test scans, and the
// metadata a clerk would type from them.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("../testdata/extract/*.pages.json")
	if len(inputs) == 0 {
		t.Fatal("no fixtures in testdata/extract")
	}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		var pages []vanthu.Page
		if err := json.Unmarshal(b, &pages); err != nil {
			t.Fatal(err)
		}
		got, _ := json.MarshalIndent(Extract(pages), "", "  ")
		golden := strings.TrimSuffix(in, ".pages.json") + ".golden.json"
		if *update {
			os.WriteFile(golden, append(got, '\n'), 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
			t.Errorf("%s:\ngot  %s\nwant %s", filepath.Base(in), got, want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Số: 45/QĐ-UBND", "45/QĐ-UBND"},
		{"Số: 45/QD-UBND", "45/QĐ-UBND"},   // Đ restored in the type code
		{"Số:45/qđ-ubnd", "45/QĐ-ubnd"},    // the type canonical, the rest as printed
		{"Sô: l5/QĐ-UBND", "15/QĐ-UBND"},   // marks lost, 1 read as l
		{"Số: 2O21/TB-STC", "2021/TB-STC"}, // 0 read as O
		{"Số: 28/2018/QD-TTg", "28/2018/QĐ-TTg"},
		{"Số: 1203/UBND-VX......", "1203/UBND-VX"},
		{"Số: 12/TTR-SNV", "12/TTr-SNV"},
		{"Số: 07/QĐĐ-STC", "07/QĐ-STC"}, // a doubled letter
		{"Số: 30/2020/ND-CP", "30/2020/NĐ-CP"},
		{"Số: 5 /TB - UBND", "5/TB-UBND"},
		{"Số: 33 /8C-UBND", "33/BC-UBND"}, // B read as 8 at 100 dpi
		{"Số: 4/0A-UBND", "4/ĐA-UBND"},
		{"Số: 2Ø/NQ-HĐND", "20/NQ-HĐND"},
		// "&" for "và" in a code; a stop for a hyphen; a stop before the
		// date line's place run on is none.
		{"Số: 45/BC-SNN&PTNT", "45/BC-SNN&PTNT"},
		{"Số: 312/SGD&ĐT-VP", "312/SGD&ĐT-VP"},
		{"Số: 45/QĐ.UBND", "45/QĐ.UBND"},
		{"Số: 45/QD.UBND", "45/QĐ.UBND"},
		{"Số: 45/QĐ-UBND.Quảng", "45/QĐ-UBND"},
		// The Party's order (Hướng dẫn 36-HD/VPTW): type code, slash, issuer.
		{"Số 125-QĐ/TU", "125-QĐ/TU"},
		{"Số: 14514-CV/VPTW", "14514-CV/VPTW"},
		{"Số 08-QĐi/TW", "08-QĐi/TW"},
		{"Số 05 - TT/HU", "05-TT/HU"},
		{"Số 12-8C/ĐU", "12-BC/ĐU"},
		{"Số 125-QĐĐ/HU", "125-QĐ/HU"}, // a doubled letter
		// A law's and a resolution's label name the type.
		{"Luật số: 01/2011/QH13", "01/2011/QH13"},
		{"Nghị quyết số: 42/2017/QH14", "42/2017/QH14"},
		{"Lệnh số: 05/2011/L-CTN", "05/2011/L-CTN"},
	}
	for _, tt := range tests {
		if got, ok := ParseNumber(tt.in); !ok || got != tt.want {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"Số lượng: nhiều", "Sở Nội vụ", "", "Số: /QĐ-UBND", "Số: 45/2018", "Số: UBND-KTTH/",
		"Nghị quyết số 42/2017/QH14 ngày 21 tháng 6 năm 2017"} { // a citation: no colon
		if got, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) = %q; want nothing", in, got)
		}
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct{ in, place, date string }{
		{"Hà Nội, ngày 05 tháng 01 năm 2020", "Hà Nội", "2020-01-05"},
		{"Bình Định, ngày 29 tháng 6 năm 2019", "Bình Định", "2019-06-29"},
		{"Khánh Hòa, ngày 0 5 tháng 3 năm 2O21", "Khánh Hòa", "2021-03-05"},  // broken digits
		{"Khánh Hòa, ngày 05 tháng 3 năm 20 21", "Khánh Hòa", "2021-03-05"},  // a gap read in the year
		{"Khánh Hòa, ngày 05 tháng 3 năm 2021 2", "Khánh Hòa", "2021-03-05"}, // a mark read after it
		{"Số: 12/TB ....... Lâm Đồng, ngày 27 tháng 8 năm 2021", "Lâm Đồng", "2021-08-27"},
		{"Số: 12/TB Lâm Đồng, ngày 27 tháng 8 năm 2021", "Lâm Đồng", "2021-08-27"}, // the number and the date read as one line
		{"Số: 45/QĐ-UBND   Quận 1, ngày 27 tháng 8 năm 2021", "Quận 1", "2021-08-27"},
		{"TP. Hồ Chí Minh, ngay 1 thang 12 nam 2022", "TP. Hồ Chí Minh", "2022-12-01"}, // marks lost
		{"TP, Hồ Chí Minh, ngày 1 tháng 12 năm 2022", "TP. Hồ Chí Minh", "2022-12-01"}, // the unit's stop read as a comma
		{"Tp.Hồ Chí Minh, ngày 1 tháng 12 năm 2022", "Tp. Hồ Chí Minh", "2022-12-01"},  // or run into the name
		// In figures, as some offices print it.
		{"Hà Nội, ngày 05/01/2011", "Hà Nội", "2011-01-05"},
		{"Phan Rang - Tháp Chàm, ngày 29.6.2011", "Phan Rang - Tháp Chàm", "2011-06-29"},
		// The first ten days as people say them.
		{"Hà Nội, ngày mồng 5 tháng 3 năm 2020", "Hà Nội", "2020-03-05"},
		{"Cần Thơ, ngày mùng 10 tháng 02 năm 2021", "Cần Thơ", "2021-02-10"},
		// A form's dotted slots, written over by hand or stamped by an
		// e-office system, or left blank.
		{"Bình Định, ngày … 12 …… tháng 3 năm 2024", "Bình Định", "2024-03-12"},
		{"Hà Nội, ngày .... 12 ..... tháng ... 03 ... năm 2011", "Hà Nội", "2011-03-12"},
		{"Hà Nội, ngày...12...tháng...3...năm 2011", "Hà Nội", "2011-03-12"},
		{"Hà Nội, ngày ....... tháng ....... năm 2025", "Hà Nội", "2025"},
		{"Lâm Đồng......, ngày 27 tháng 8 năm 2021", "Lâm Đồng", "2021-08-27"},
	}
	for _, tt := range tests {
		place, date, ok := ParseDateLine(tt.in)
		if !ok || place != tt.place || date != tt.date {
			t.Errorf("ParseDateLine(%q) = %q, %q, %v; want %q, %q", tt.in, place, date, ok, tt.place, tt.date)
		}
	}
	for _, in := range []string{"không có ngày",
		// A citation's date in figures is no date line.
		"V/v thực hiện Công văn số 1060/BTC-QLCS ngày 05/01/2011",
		"Căn cứ Nghị định số 52/2009/NĐ-CP ngày 03/6/2009 của Chính phủ;",
		"Theo đề nghị của Giám đốc Sở Nội vụ, ngày 03/6/2009"} {
		if _, d, ok := ParseDateLine(in); ok {
			t.Errorf("ParseDateLine(%q) = %q; want nothing", in, d)
		}
	}
}

func TestMarks(t *testing.T) {
	tests := []struct{ in, urgency, secrecy string }{
		{"KHẨN", "Khẩn", ""}, {"THƯỢNG KHẨN", "Thượng khẩn", ""}, {"HỎA TỐC", "Hỏa tốc", ""},
		{"HOẢ TỐC", "Hỏa tốc", ""}, {"MẬT", "", "Mật"}, {"TỐI MẬT", "", "Tối mật"}, {"TUYỆT MẬT", "", "Tuyệt mật"},
		{"văn bản mật", "", ""}, // in a sentence, not a mark
		// The fourth urgency of Thông tư 01/2011, its hour written after it.
		{"HỎA TỐC HẸN GIỜ", "Hỏa tốc hẹn giờ", ""}, {"HỎA TỐC HẸN GIỜ 10 giờ 00", "Hỏa tốc hẹn giờ", ""},
		{"HỎA TỐC 10 giờ", "", ""}, {"KHẨN HẸN GIỜ", "", ""},
		// A long mark read a letter off (a red stamp's Ẹ lost in 1 bit);
		// a short one only as spelt, as words near it are many.
		{"HỎA TỐC HN GIỜ", "Hỏa tốc hẹn giờ", ""}, {"HỎA TỐC HN GIỜ 10 giờ", "Hỏa tốc hẹn giờ", ""},
		{"THƯỢNG KHN", "Thượng khẩn", ""}, {"TUYỆT MT", "", "Tuyệt mật"},
		{"TỐI MT", "", ""}, {"HỌA TÓC", "Hỏa tốc", ""}, {"HỌC TỐC", "", ""},
		// Two stamps set on one row, read as one line.
		{"KHẨN   MẬT", "Khẩn", "Mật"}, {"HỎA TỐC - TỐI MẬT", "Hỏa tốc", "Tối mật"},
		{"TUYỆT MẬT | THƯỢNG KHẨN", "Thượng khẩn", "Tuyệt mật"},
		{"KHẨN TRƯƠNG", "", ""}, {"Khẩn - Mật", "", ""},
	}
	for _, tt := range tests {
		if u, c := readMarks(tt.in); u != tt.urgency || c != tt.secrecy {
			t.Errorf("%q: urgency %q, secrecy %q; want %q, %q", tt.in, u, c, tt.urgency, tt.secrecy)
		}
	}
	// A clerk's value, or a query's, is one mark: two are none.
	for _, in := range []string{"KHẨN   MẬT", "HỎA TỐC - TỐI MẬT"} {
		if u, c := ParseUrgency(in), ParseConfidentiality(in); u != "" || c != "" {
			t.Errorf("ParseUrgency, ParseConfidentiality(%q) = %q, %q; want one mark alone", in, u, c)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Số: 45/QĐ-UBND\nHà Nội, ngày 05 tháng 01 năm 2020\nQUYẾT ĐỊNH\nNơi nhận:\n- Như trên;")
	f.Add("Số: l5/QD-\nngày 0 5 tháng 3 năm 2O21")
	f.Add("Số: 2477 -UBND\nTỜ TRÌNH\nSố: đ@ ;CT-UBND\nngày 15 tháng (1 năm: 202S")
	f.Add("HUYỆN ỦY BÌNH SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-8C/HU\nBÁO CÁO\nSố -/")
	f.Add("Số hiệu: 45/QĐ~UBN D\nSố: 12/TB Lâm Đồng, ngày 27 tbáng 8 năm 2021\nKHẨN  MẬT\nSố: 1502/SGDĐT-\n1M. ỦY BAN NHÂN DÂN\ný Nguyễn Văn Minh ẩ")
	f.Add("Số:     /QĐ-UBND\nngày   tháng 3 năm 2023\n(Ban hành kèm theo Quyết định số 245/QĐ-UBND\nngày 12 tháng 3 năm 2023)")
	f.Fuzz(func(t *testing.T, text string) {
		md := Extract([]vanthu.Page{{Number: 1, Text: text}})
		if md.Recipients == nil {
			t.Fatal("recipients is null")
		}
		// The text again as a later page: another document, or a text
		// the first issues (attachedEvidence).
		Read([]vanthu.Page{{Number: 1, Text: text}, {Number: 2, Text: text}}, nil)
		ParseNumber(text)
		ParseDateLine(text)
		readMarks(text)
		nameLine(text)
		typeFromNumber(text)
		codeForType(text, "Báo cáo")
		withoutStroke(text, "TRƯỜNG THPT LỤC NGẠN SỐ 1", "SỞ GD&ĐT")
		figureForLetter(text, "TRƯỜNG THPT LỤC NGẠN SỐ 1", "SỞ GD&ĐT")
	})
}

func TestSignerTitlePrefixes(t *testing.T) {
	for in, want := range map[string]string{"KT: GIÁM ĐỐC": "KT. GIÁM ĐỐC", "TM, ỦY BAN NHÂN DÂN": "TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH": "KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC": "PHÓ GIÁM ĐỐC"} {
		if got := authority.ReplaceAllString(in, "$1. "); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
