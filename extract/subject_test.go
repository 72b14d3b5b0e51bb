package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

// ruledLine is a line of the page (Zone Full) whose words, from x0 to x1
// and y0 to y1, OCR read after a rule's dashes, from rx0 to rx1, read as
// a word it was unsure of.
func ruledLine(rule string, rx0, rx1 int, words string, x0, y0, x1, y1 int) layout.Segment {
	return layout.Segment{Text: rule + " " + words, Zone: layout.Full, X0: rx0, Y0: y0, X1: x1, Y1: y1, Conf: 90, Words: []vanthu.Word{
		{Text: rule, X0: rx0, Y0: (y0 + y1) / 2, X1: rx1, Y1: (y0+y1)/2 + 12, Confidence: 30},
		{Text: words, X0: x0, Y0: y0, X1: x1, Y1: y1, Confidence: 90},
	}}
}

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
		{"the body set tight from its margin under a centred wide trích yếu", []layout.Segment{
			seg("Sơ kết công tác Hội và phong trào nông dân 6 tháng đầu năm 2019", layout.Full, 490, 600, 1990, 655),
			seg("Sáu tháng đầu năm 2019, các cấp Hội trong tỉnh đã triển khai nhiều hoạt động.", layout.Full, 250, 680, 2050, 735),
		}, "Sơ kết công tác Hội và phong trào nông dân 6 tháng đầu năm 2019"},
		{"a wide trích yếu going on wider, a fold's dashes read at its left", []layout.Segment{
			seg("Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư", layout.Full, 137, 300, 694, 326),
			ruledLine("——__", 0, 60, "thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh Quảng Ngãi", 104, 334, 728, 360),
		}, "Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh Quảng Ngãi"},
		{"a second line on its axis, a received stamp's rule read at its left", []layout.Segment{
			seg("Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư", layout.Full, 520, 600, 2000, 650),
			ruledLine("—___", 250, 420, "thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước", 560, 678, 1960, 728),
			body,
		}, "Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước"},
		{"a wide trích yếu going on wider, on its axis", []layout.Segment{
			seg("Về việc phê duyệt kế hoạch lựa chọn nhà thầu gói thầu", layout.Full, 500, 600, 1980, 650),
			seg("xây dựng trụ sở làm việc theo đề nghị của Ban Quản lý dự án huyện", layout.Full, 380, 660, 2100, 712),
		}, "Về việc phê duyệt kế hoạch lựa chọn nhà thầu gói thầu xây dựng trụ sở làm việc theo đề nghị của Ban Quản lý dự án huyện"},
		{"a speck after its last word", []layout.Segment{
			seg("V/v bảo đảm an ninh dịp Tết.", layout.Centre, 700, 600, 1500, 650),
			body,
		}, "V/v bảo đảm an ninh dịp Tết"},
		{"an abbreviation's stop at its end", []layout.Segment{
			seg("Về việc tổ chức hội thi, hội diễn v.v.", layout.Centre, 700, 600, 1500, 650),
			body,
		}, "Về việc tổ chức hội thi, hội diễn v.v."},
		{"a giấy mời's body opening with the office's courtesy", []layout.Segment{
			seg("Dự hội nghị tổng kết công tác cải cách hành chính năm 2021", layout.Full, 420, 600, 2060, 650),
			seg("Sở Nội vụ trân trọng kính mời đại diện lãnh đạo các sở, ban, ngành.", layout.Full, 250, 660, 2000, 712),
		}, "Dự hội nghị tổng kết công tác cải cách hành chính năm 2021"},
		// A giấy giới thiệu prints no trích yếu: the body opens under
		// the heading, with a courtesy or a sentence ending on a colon.
		{"no trích yếu, the body opening with a courtesy", []layout.Segment{
			seg("Thư viện tỉnh Bình An trân trọng giới thiệu:", layout.Full, 250, 600, 1300, 650),
			seg("Bà Nguyễn Thị Lan, chức vụ: Phó Trưởng phòng Nghiệp vụ,", layout.Full, 250, 660, 1500, 712),
		}, ""},
		{"no trích yếu, the body opening with a colon", []layout.Segment{
			seg("Ủy ban nhân dân xã Bình An giới thiệu:", layout.Full, 250, 600, 1200, 650),
			seg("Ông Trần Văn Minh, công chức Văn phòng - Thống kê,", layout.Full, 250, 660, 1500, 712),
		}, ""},
		{"a line going on with đến, not the stamp ĐẾN", []layout.Segment{
			seg("Về việc phê duyệt kế hoạch phát triển giai đoạn từ năm 2021", layout.Centre, 560, 600, 1920, 650),
			seg("đến năm 2025", layout.Centre, 1080, 660, 1400, 712),
			body,
		}, "Về việc phê duyệt kế hoạch phát triển giai đoạn từ năm 2021 đến năm 2025"},
		// The words of a body's headings (Chương I, Phần I, Mục 1, Điều 1)
		// open a trích yếu's line in running text too.
		{"a line going on with chương trình", []layout.Segment{
			seg("Về việc phê duyệt danh mục dự án thuộc", layout.Centre, 700, 600, 1780, 650),
			seg("Chương trình mục tiêu quốc gia giảm nghèo bền vững", layout.Centre, 600, 660, 1880, 712),
			body,
		}, "Về việc phê duyệt danh mục dự án thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững"},
		{"a line going on with phân bổ", []layout.Segment{
			seg("Về việc giao dự toán và", layout.Centre, 950, 600, 1530, 650),
			seg("phân bổ kinh phí sự nghiệp năm 2015", layout.Centre, 820, 660, 1660, 712),
			body,
		}, "Về việc giao dự toán và phân bổ kinh phí sự nghiệp năm 2015"},
		{"a line going on with điều 5", []layout.Segment{
			seg("Về việc sửa đổi, bổ sung", layout.Centre, 950, 600, 1530, 650),
			seg("điều 5 Quy chế làm việc của Ủy ban nhân dân tỉnh", layout.Centre, 660, 660, 1820, 712),
			body,
		}, "Về việc sửa đổi, bổ sung điều 5 Quy chế làm việc của Ủy ban nhân dân tỉnh"},
		{"its second line centred and wider than the body's short lines", []layout.Segment{
			seg("Về việc phân bổ vốn thực hiện", layout.Centre, 894, 540, 1588, 591),
			seg("Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2019", layout.Full, 499, 621, 1983, 672),
			seg("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", layout.Centre, 771, 693, 1708, 750),
			seg("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", layout.Full, 252, 781, 1849, 831),
		}, "Về việc phân bổ vốn thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2019"},
		{"the note of the decision that issues it under it", []layout.Segment{
			seg("Làm việc của Ủy ban nhân dân tỉnh Bình An", layout.Centre, 800, 540, 1680, 591),
			seg("(Ban hành kèm theo Quyết định số 12/QĐ-UBND)", layout.Centre, 700, 610, 1780, 660),
			seg("Chương I", layout.Centre, 1120, 700, 1320, 750),
		}, "Làm việc của Ủy ban nhân dân tỉnh Bình An"},
		{"a chapter's heading under it", []layout.Segment{
			seg("Về việc ban hành Quy chế làm việc", layout.Centre, 800, 600, 1680, 650),
			seg("Chương I", layout.Centre, 1120, 660, 1320, 712),
			seg("QUY ĐỊNH CHUNG", layout.Centre, 1000, 720, 1440, 770),
		}, "Về việc ban hành Quy chế làm việc"},
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
		{"về Quyết định số 2269 nhân địp lễ", []float64{95, 90, 93, 96, 93, 94, 92, 91}, true},                  // địp: can be spelt, no one's word (dịp)
		{"về Quyết định số 2269 kỳ họp thứ 3Í", []float64{95, 90, 93, 96, 93, 94, 97, 97, 90}, true},            // a mark among figures (31)
		{"về Quyết định số 2269 tỉnh Đắk Lắk", []float64{95, 90, 93, 96, 93, 94, 92, 91}, false},                // names of the highlands
		{"về Quyết định số 2269 trên nền tảng Zalo", []float64{95, 90, 93, 96, 93, 94, 92, 91, 90}, false},      // a foreign word, no marks
		{"về Quyết định số 2269 kỳ họp thứ 3]", []float64{95, 90, 93, 96, 93, 94, 97, 97, 90}, true},            // a bracket without its pair
		{"về Quyết định số 2269 (lần 2)", []float64{95, 90, 93, 96, 93, 94, 97}, false},                         // with it
		{"về Quyết định số 2269 ` thực hiện", []float64{95, 90, 93, 96, 93, 60, 94, 97}, true},                  // a sign never typed
		{"về Quyết định số 2269 của Công ty TXHH MTV", []float64{95, 90, 93, 96, 93, 94, 97, 96, 95, 93}, true}, // TXHH: TNHH misread
		{"về Quyết định số 2269 của Công ty TNHH MTV", []float64{95, 90, 93, 96, 93, 94, 97, 96, 95, 93}, false},
		{"về Quyết định số 2269/QĐ-UBNĐ", []float64{95, 90, 93, 96, 88}, true},                                  // within a code
		{"về Quyết định số 2269 Q1-TTg", []float64{95, 90, 93, 96, 93, 94}, true},                               // a number's slash read as a space
		{"về Quyết định số 2269/QĐ-TTs", []float64{95, 90, 93, 96, 93}, true},                                   // a code's letter misread: TTg
		{"về Quyết định số 2269/QĐ-TTs;", []float64{95, 90, 93, 96, 93}, true},                                  // and a sign after it
		{"về Quyết định số 2269/2016/TTr-BNV", []float64{95, 90, 93, 96, 93}, false},                            // the small r of a type's code
		{"về Quyết định số 2269 QĐ-TTg;", []float64{95, 90, 93, 96, 93, 94}, false},                             // its slash put back before a type's code (citedSlashes)
		{"về Quyết định. bổ sung số 2269", []float64{95, 90, 93, 96, 93, 94, 95}, true},                         // a comma read as a stop
		{"về Quyết định số 2269 tại TP. Hồ Chí Minh", []float64{95, 90, 93, 96, 93, 94, 92, 91, 90, 92}, false}, // an abbreviation's stop
		{"về Quyết định số 2269 năm 2024, v.v. và", []float64{95, 90, 93, 96, 93, 94, 92, 91, 90}, false},
		{"về Quyết định số 2269 và dịch COVID-19", []float64{95, 90, 93, 96, 93, 94, 92, 91}, false},
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

// A dash standing alone at the edge of a trích yếu's line, where the
// words it stands between are no two parts of a name (a photograph's
// debris at the turn of a line), is no part of it; a name broken at its
// dash keeps it.
func TestSubjectStrayDashAtALinesEdge(t *testing.T) {
	for _, c := range []struct {
		lines []string
		want  string
	}{
		{[]string{"Về việc hỗ trợ nhà đầu tư", "— thực hiện dự án"}, "Về việc hỗ trợ nhà đầu tư thực hiện dự án"},
		{[]string{"V/v góp ý một số điều của -", "Quyết định số 2269/QĐ-TTg"}, "V/v góp ý một số điều của Quyết định số 2269/QĐ-TTg"},
		{[]string{"V/v góp ý một số điều của", "- Quyết định số 2269/QĐ-TTg"}, "V/v góp ý một số điều của Quyết định số 2269/QĐ-TTg"},
		{[]string{"V/v kiện toàn Sở Lao động -", "Thương binh và Xã hội"}, "V/v kiện toàn Sở Lao động - Thương binh và Xã hội"},
		{[]string{"V/v kiện toàn Sở Văn hóa", "- Thể thao và Du lịch"}, "V/v kiện toàn Sở Văn hóa - Thể thao và Du lịch"},
		{[]string{"Về kế hoạch giai đoạn 2021 -", "2025"}, "Về kế hoạch giai đoạn 2021 - 2025"},
	} {
		if got := subjectOf(c.lines); got != c.want {
			t.Errorf("subjectOf(%q) = %q, want %q", c.lines, got, c.want)
		}
	}
}

// "V/v" as OCR may misread it still opens a công văn's trích yếu, which
// is given back its "V/v"; a line that only begins with a V does not.
func TestSubjectVvMisread(t *testing.T) {
	for _, lead := range []string{"V/ triển khai", "Vlv triển khai", "V/y triển khai", "V v triển khai", "V/V triển khai",
		"Vv triển khai", "V.v triển khai", "V⁄v triển khai", "W/v triển khai", "Y/v triển khai",
		"V#w triển khai", "V# triển khai", "VW triển khai", "V/w triển khai", // printed heavy
		"‘V/v triển khai", "(V/v triển khai"} { // a speck before it read as a mark
		end := ""
		if strings.HasPrefix(lead, "(") {
			end = ")" // the speck's pair
		}
		left := []layout.Segment{
			seg("Số: 12/VPUBND-NN", layout.Left, 300, 240, 600, 280),
			seg(lead+" công tác phòng, chống", layout.Left, 240, 290, 680, 326),
			seg("hạn hán, xâm nhập mặn"+end, layout.Left, 330, 334, 590, 370),
		}
		if got, want := subjectText(subjectVv(left)), "V/v triển khai công tác phòng, chống hạn hán, xâm nhập mặn"; got != want {
			t.Errorf("%q: subjectVv = %q, want %q", lead, got, want)
		}
	}
	left := []layout.Segment{seg("VĂN PHÒNG", layout.Left, 300, 200, 600, 230), seg("Vụ Tổ chức cán bộ", layout.Left, 300, 240, 600, 280),
		seg("V Vân", layout.Left, 300, 290, 600, 326), seg("V. Tổ chức thực hiện", layout.Left, 300, 340, 600, 376), seg("Y tế dự phòng", layout.Left, 300, 390, 600, 426)}
	if got, _ := subjectVv(left); got != "" {
		t.Errorf("subjectVv = %q, want none", got)
	}
}

// A V/v's first line without an ascender or a descender is shorter than
// the next: the gap between them, at one and a half lines' spacing, is
// no blank line.
func TestSubjectVvFirstLineShort(t *testing.T) {
	left := []layout.Segment{
		seg("Số: 145/BDT-CSDT", layout.Left, 483, 300, 921, 340),
		seg("V/v triển khai chính sách đối với", layout.Left, 346, 381, 1053, 420),
		seg("người có uy tín năm 2022", layout.Left, 423, 462, 976, 511),
	}
	if got, want := subjectText(subjectVv(left)), "V/v triển khai chính sách đối với người có uy tín năm 2022"; got != want {
		t.Errorf("subjectVv = %q, want %q", got, want)
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

// A number the trích yếu cites that the body cites a figure otherwise,
// and nowhere as the trích yếu has it, was misread in one of the two: the
// trích yếu goes to review. Cited again as it is, or not at all, it
// stands.
func TestSubjectCitesANumberTheBodyCitesOtherwise(t *testing.T) {
	for _, c := range []struct {
		subject, body string
		flagged       bool
	}{
		{"V/v góp ý dự thảo sửa đổi Quyết định số 3269/QĐ-TTg", "bổ sung một số điều của Quyết định số 2269/QĐ-TTg ngày 31/12/2021", true},
		{"V/v góp ý dự thảo sửa đổi Quyết định số 2269/QĐ-TTg", "bổ sung một số điều của Quyết định số 2269/QĐ-TTg ngày 31/12/2021", false},
		{"V/v góp ý dự thảo sửa đổi Quyết định số 2269/QĐ-TTg", "bổ sung một số điều theo đề nghị của Bộ", false},
		{"V/v góp ý dự thảo sửa đổi Quyết định số 2269/QĐ-TTg", "thay thế Quyết định số 2268/QĐ-TTg và Quyết định số 2269/QĐ-TTg", false},
		{"V/v góp ý dự thảo sửa đổi Thông tư số 12/2020/TT-BNV", "sửa đổi Thông tư số 13/2020/TT-BNV ngày 5/1/2021", true},
		// A letter of the codes misread, with a figure or without one.
		{"V/v góp ý dự thảo sửa đổi Quyết định số 22609/QĐ-TTE", "bổ sung một số điều của Quyết định số 2269/QĐ-TTg ngày 31/12/2021", true},
		{"V/v góp ý dự thảo sửa đổi Quyết định số 2269/QĐ-TTE", "bổ sung một số điều của Quyết định số 2269/QĐ-TTg ngày 31/12/2021", true},
		// Another document of the same numeral.
		{"V/v góp ý dự thảo sửa đổi Quyết định số 2269/QĐ-TTg", "thực hiện Kế hoạch số 2269/KH-UBND ngày 31/12/2021", false},
	} {
		words := scanWords(
			row{"Số: 45/UBND-KGVX", 300, 230, 600, 268},
			row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 230, 1483, 268},
		)
		line := words[len(words)-1].Line
		for k, w := range strings.Fields(c.subject) { // the trích yếu, word by word
			x := 250 + 45*k
			words = append(words, vanthu.Word{Text: w, X0: x, Y0: 280, X1: x + 40, Y1: 318, Confidence: 95, Line: line + 1})
		}
		words = append(words,
			vanthu.Word{Text: "Kính gửi: Sở Thông tin và Truyền thông", X0: 700, Y0: 400, X1: 1300, Y1: 438, Confidence: 95, Line: line + 2},
			vanthu.Word{Text: c.body, X0: 250, Y0: 480, X1: 1480, Y1: 518, Confidence: 95, Line: line + 3})
		var lines []string
		for _, w := range words {
			lines = append(lines, w.Text)
		}
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words, Text: strings.Join(lines, "\n")}}, nil)
		if got := slices.Contains(r.Review, "subject"); got != c.flagged || r.Metadata.Subject != c.subject {
			t.Errorf("%q over %q: subject %q, flagged %v; want flagged %v", c.subject, c.body, r.Metadata.Subject, got, c.flagged)
		}
	}
}

// A word of the trích yếu that OCR read two ways as likely (a tone mark
// the scan does not tell: đổi or đối) sends it to review; read one way,
// it is taken.
func TestSubjectWithADisputedMark(t *testing.T) {
	for _, disputed := range []bool{false, true} {
		p := cucThuePage("Số: 1234/CT-TTHT", 95, true)
		if disputed {
			p.Words[6].Alternatives = []vanthu.Alternative{{Text: "V/v chính sách thuê giá trị gia tăng", P: 0.5}}
		}
		r := Read([]vanthu.Page{p}, nil)
		if r.Metadata.Subject != "V/v chính sách thuế giá trị gia tăng" || slices.Contains(r.Review, "subject") != disputed {
			t.Errorf("disputed %v: subject %q, review %v; want it read, flagged %v", disputed, r.Metadata.Subject, r.Review, disputed)
		}
	}
}
