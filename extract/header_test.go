package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

// A logo or an emblem printed beside the agency's name (an enterprise's,
// a bank's, a hospital's) is read as signs or small letters at the ends
// of its line: they are no part of the name, nor keep the line from
// starting one.
func TestIssuerBesideALogo(t *testing.T) {
	for _, c := range []struct{ parentLine, line, parent, issuer string }{
		{"® TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", "TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG", "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", "TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG"},
		{"TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", "e TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG", "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", "TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG"},
		{"ee NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "CHI NHÁNH TỈNH BÌNH AN", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "CHI NHÁNH TỈNH BÌNH AN"},
		{"| BỘ Y TẾ", "BỆNH VIỆN BẠCH MAI ¬", "BỘ Y TẾ", "BỆNH VIỆN BẠCH MAI"},
	} {
		p := page(1, c.parentLine, c.line, "Số: 15/KT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != c.issuer || md.ParentBody != c.parent {
			t.Errorf("%q / %q: issuer %q under %q, want %q under %q", c.parentLine, c.line, md.Issuer, md.ParentBody, c.issuer, c.parent)
		}
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
		// The parent's UBND read a capital off.
		{"UBRD TỈNH LÂM ĐỒNG", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Số: 77/QĐ-BQL"},
		// Bodies of other kinds than a province's departments.
		{"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "THƯ VIỆN TỈNH", "Số: 15/TB-TV"},
		{"SỞ VĂN HÓA VÀ THỂ THAO", "BẢO TÀNG TỈNH", "Số: 15/KH-BT"},
		{"LĐLĐ HUYỆN BÌNH SƠN", "CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS BÌNH AN", "Số: 03/CĐCS"},
		{"BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "NHÀ XUẤT BẢN THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 15/NXB"},
		{"UBND TỈNH BÌNH AN", "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT", "Số: 15/LHH"},
		{"BỘ CÔNG AN", "CƠ QUAN CẢNH SÁT ĐIỀU TRA", "Số: 15/CSĐT"},
		{"UBND HUYỆN BÌNH SƠN", "TRẠM KHUYẾN NÔNG", "Số: 15/TKN"},
		{"BỘ NÔNG NGHIỆP VÀ PTNT", "VƯỜN QUỐC GIA BẠCH MÃ", "Số: 15/VQG"},
		{"BỘ GIAO THÔNG VẬN TẢI", "CẢNG VỤ HÀNG HẢI BÌNH AN", "Số: 15/CVHH"},
		{"UBND TỈNH BÌNH AN", "BÁO BÌNH AN", "Số: 15/BBA"},
		{"CỤC THUẾ TỈNH BÌNH AN", "ĐỘI THUẾ HUYỆN BÌNH SƠN", "Số: 15/ĐT"},
		{"TRƯỜNG ĐẠI HỌC LUẬT", "KHOA PHÁP LUẬT HÌNH SỰ", "Số: 15/KPLHS"},
		{"BỘ QUỐC PHÒNG", "BINH ĐOÀN 15", "Số: 15/BĐ"},
		{"BỘ NỘI VỤ", "VỤ TỔ CHỨC - BIÊN CHẾ", "Số: 15/VTCBC"},
		{"HĐND TỈNH BÌNH AN", "THƯỜNG TRỰC HĐND", "Số: 15/TB-TTHĐND"},
		{"TỔNG CÔNG TY BƯU ĐIỆN VIỆT NAM", "BƯU ĐIỆN TỈNH BÌNH AN", "Số: 15/BĐBA"},
		{"CÔNG TY ĐIỆN LỰC BÌNH AN", "ĐIỆN LỰC BÌNH SƠN", "Số: 15/ĐLBS"},
		{"CÔNG AN TỈNH BÌNH AN", "CẢNH SÁT PHÒNG CHÁY, CHỮA CHÁY", "Số: 15/PC07"},
		{"BỘ TƯ LỆNH VÙNG 3", "HẢI ĐỘI 301", "Số: 15/HĐ"},
		{"BỘ GIAO THÔNG VẬN TẢI", "CẢNG HÀNG KHÔNG QUỐC TẾ", "Số: 15/CHK"},
		{"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "CƠ SỞ BẢO TRỢ XÃ HỘI", "Số: 15/BTXH"},
		{"UBND THÀNH PHỐ BÌNH AN", "HẠT QUẢN LÝ ĐÊ", "Số: 15/HQLĐ"},
		{"TRUNG ƯƠNG HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "HỘI LHPN TỈNH BÌNH AN", "Số: 15/HPN"},
		{"SỞ NÔNG NGHIỆP VÀ PTNT", "CHI CỤC THỦY LỢI", "Số: 15/CCTL"}, // not CHI CỤC THUẾ
	} {
		p := page(1, c[0], c[1], c[2], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		want, parent := strings.TrimSuffix(c[1], " Độc lập - Tự do - Hạnh phúc"), strings.Replace(c[0], "UBRD", "UBND", 1)
		if strings.HasPrefix(c[1], "ĐOÀN TNCS") {
			want, parent = c[0], ""
		}
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != want || md.ParentBody != parent {
			t.Errorf("%q: issuer %q under %q, want %q under %q", c, md.Issuer, md.ParentBody, want, parent)
		}
	}
}

// A sign read inside a word of the parent's name or the agency's (a
// stroke of the emblem, of a rule) sends it to review; a name as printed
// does not go.
func TestGarbledNameGoesToReview(t *testing.T) {
	for _, c := range []struct {
		parent, agency, field string
	}{
		{"UBND HUYỆN S[I MA CAI", "UBND XÃ SÍN CHÉNG", "parent_body"},
		{"UBND HUYỆN SI MA CAI", "UBND XÃ S|ÍN CHÉNG", "issuer"},
		{"UBND HUYỆN SI MA CAI", "UBND XÃ SÍN CHÉNG", ""},
	} {
		r := Read([]vanthu.Page{page(1, c.parent, c.agency, "Số: 56/UBND-VP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")}, nil)
		for _, f := range []string{"issuer", "parent_body"} {
			if slices.Contains(r.Review, f) != (f == c.field) {
				t.Errorf("%s / %s: review %v; want %s flagged: %v", c.parent, c.agency, r.Review, f, f == c.field)
			}
		}
	}
}

// An agency's name that names no body, even once its words are repaired,
// goes to review: a note or a stamp over its first line left the unit's
// (U AN NHA Ầ for ỦY BAN NHÂN DÂN). So does a district that is none
// (SMA CAI for SI MA CAI), and one body alone for a joint document's
// agency, the other's line lost. Names as printed do not go.
func TestIssuerThatNamesNoBodyGoesToReview(t *testing.T) {
	for _, c := range []struct {
		lines  []string
		number string
		field  string
	}{
		{[]string{"U AN NHA Ầ", "THÀNH PHỐ HỒ CHÍ MINH"}, "Số: 4521/TTr-UBND", "issuer"},
		{[]string{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"}, "Số: 4521/TTr-UBND", ""},
		{[]string{"ỦY BAN NHÂN DẪN", "THÀNH PHỐ HỒ CHÍ MINH"}, "Số: 4521/TTr-UBND", ""}, // repaired
		{[]string{"UBND HUYỆN SMA CAI", "UBND XÃ SÍN CHÉNG"}, "Số: 56/UBND-VP", "parent_body"},
		{[]string{"BỘ Y TẾ"}, "Số: 12/2013/TTLT-BTC-BYT", "issuer"},
		{[]string{"BỘ TÀI CHÍNH - BỘ Y TẾ"}, "Số: 12/2013/TTLT-BTC-BYT", ""},
	} {
		p := page(1, append(append([]string{}, c.lines...), c.number, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")...)
		r := Read([]vanthu.Page{p}, nil)
		for _, f := range []string{"issuer", "parent_body"} {
			if slices.Contains(r.Review, f) != (f == c.field) {
				t.Errorf("%q: issuer %q under %q, review %v; want %s flagged: %v", c.lines, r.Metadata.Issuer, r.Metadata.ParentBody, r.Review, f, f == c.field)
			}
		}
	}
}

// A receiving office's stamp ĐẾN over the agency's column, read in 1 bit
// where no colour parts it from the print: its lines among the name's, run
// into them, or read in the name's place send the agency to review. A
// temple's ĐỀN in a board's name does not.
func TestReceivedStampOverTheAgencyGoesToReview(t *testing.T) {
	for _, c := range []struct {
		lines  []string
		review bool
	}{
		{[]string{"SỞ TÀI CHÍNH", "ĐẾN Số: Y8BAN NHÂN DÂN", "HUYỆN SƠN TỊNH"}, true},
		{[]string{"SỞ TÀI CHÍNH ĐẾN VĂN PHÒNG CHÍNH PHỦ"}, true},
		{[]string{"SỞ TÀI CHÍNH", "Ngày: 17/6/19", "SỞ Y TẾ"}, true},
		{[]string{"SỞ TÀI CHÍNH", "Chuyển: QLNS"}, true},
		{[]string{"UBND TỈNH PHÚ THỌ", "BAN QUẢN LÝ KHU DI TÍCH ĐỀN HÙNG"}, false},
		{[]string{"ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH"}, false},
		// Under the number, where NĐ 30 sets it.
		{[]string{"SỞ TÀI CHÍNH", "Số: 2215/STC-QLNS", "V/v góp ý dự thảo", "SỞ NỘI VỤ", "ĐẾN Số: 3382", "Ngày: 17/6/19"}, false},
	} {
		p := page(1, append(append([]string{}, c.lines...), "Số: 2345/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")...)
		r := Read([]vanthu.Page{p}, nil)
		if slices.Contains(r.Review, "issuer") != c.review {
			t.Errorf("%q: issuer %q, review %v; want the issuer's %v", c.lines, r.Metadata.Issuer, r.Review, c.review)
		}
	}
}

// A name printed on two lines is one name, where its second line begins
// as a body's name could (KHOA, TỔ, BẢO) but does not: the words go on.
func TestIssuerOnTwoLines(t *testing.T) {
	for _, c := range [][2]string{
		{"VIỆN HÀN LÂM", "KHOA HỌC XÃ HỘI VIỆT NAM"},
		{"ỦY BAN MẶT TRẬN", "TỔ QUỐC VIỆT NAM TỈNH BÌNH AN"},
		{"CHI CỤC", "BẢO VỆ THỰC VẬT"},
		{"BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ", "XÂY DỰNG CÁC CÔNG TRÌNH"},
		// A body's kind alone goes on with its name, though the name
		// begins as a body's might (ĐIỆN LỰC, BƯU ĐIỆN, CẢNH SÁT).
		{"TỔNG CÔNG TY", "ĐIỆN LỰC MIỀN TRUNG"},
		{"TỔNG CÔNG TY", "BƯU ĐIỆN VIỆT NAM"},
		{"CỤC", "CẢNH SÁT GIAO THÔNG"},
		{"BAN CHẤP HÀNH", "TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM"},
	} {
		p := page(1, c[0], c[1], "Số: 45/TB-XYZ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != c[0]+" "+c[1] || md.ParentBody != "" {
			t.Errorf("%q: issuer %q under %q, want one name", c, md.Issuer, md.ParentBody)
		}
	}
}

// An organ's abbreviation read a letter off (BGH for BCH, Ban Chấp hành)
// still starts the agency's name under its parent, and the name goes to
// review; one of the known (BCH) is sure.
func TestIssuerAfterAnUnknownAbbreviation(t *testing.T) {
	for _, c := range []struct {
		line, want string
		review     bool
	}{
		{"BGH HỘI NÔNG DÂN TỈNH BÌNH AN", "BGH HỘI NÔNG DÂN TỈNH BÌNH AN", true},
		{"BCH HỘI NÔNG DÂN TỈNH BÌNH AN", "BCH HỘI NÔNG DÂN TỈNH BÌNH AN", false},
	} {
		p := page(1, "HỘI NÔNG DÂN VIỆT NAM", c.line, "Số: 15-BC/HNDT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		r := Read([]vanthu.Page{p}, nil)
		if r.Metadata.Issuer != c.want || r.Metadata.ParentBody != "HỘI NÔNG DÂN VIỆT NAM" {
			t.Errorf("%q: issuer %q under %q", c.line, r.Metadata.Issuer, r.Metadata.ParentBody)
		}
		if slices.Contains(r.Review, "issuer") != c.review {
			t.Errorf("%q: review %v, want issuer's %v", c.line, r.Review, c.review)
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

// A coarse scan reads a speck at the end of a line of the agency's name
// as a colon, or at its start as an apostrophe; no name has one.
func TestIssuerLineEndsInASpeck(t *testing.T) {
	for lines, want := range map[[2]string]string{
		{"VIỆN KIỂM SÁT NHÂN DÂN:", "TỈNH BÌNH AN"}: "VIỆN KIỂM SÁT NHÂN DÂN TỈNH BÌNH AN",
		{"TÒA ÁN NHÂN DÂN ;", "TỈNH BÌNH AN:"}:      "TÒA ÁN NHÂN DÂN TỈNH BÌNH AN",
		{"ỦY BAN NHÂN DÂN", "'TỈNH QUẢNG BÌNH"}:     "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH",
		{"ỦY BAN NHÂN DÂN ˆ", "TỈNH QUẢNG BÌNH `"}:  "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", // a dark copy's specks
	} {
		p := page(1, lines[0], lines[1], "Số: 12/QĐ-VKS", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != want {
			t.Errorf("%q: issuer %q, want %q", lines, md.Issuer, want)
		}
	}
}

// A speck at the end of a parent's line, read as a mark standing alone
// (a dark photocopy's toner), is no part of its name.
func TestParentLineEndsInASpeck(t *testing.T) {
	for _, line := range []string{"UBND TỈNH BÌNH AN ˆ", "UBND TỈNH BÌNH AN `", "¨ UBND TỈNH BÌNH AN"} {
		p := page(1, line, "SỞ NỘI VỤ", "Số: 12/GM-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if md := Read([]vanthu.Page{p}, nil).Metadata; md.ParentBody != "UBND TỈNH BÌNH AN" || md.Issuer != "SỞ NỘI VỤ" {
			t.Errorf("%q: parent %q, issuer %q", line, md.ParentBody, md.Issuer)
		}
	}
}

// A parent whose name OCR misread (TỔNG as TỐNG, a speck in LĐLĐ) is
// still the parent, put right.
func TestParentMisread(t *testing.T) {
	p := page(1, "TỐNG L.ĐLĐ VIỆT NAM", "LĐLĐ TỈNH QUẢNG NAM", "Số: 45/TB-LĐLĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	if md := Read([]vanthu.Page{p}, nil).Metadata; md.Issuer != "LĐLĐ TỈNH QUẢNG NAM" || md.ParentBody != "TỔNG LĐLĐ VIỆT NAM" {
		t.Errorf("issuer %q under %q, want LĐLĐ TỈNH QUẢNG NAM under TỔNG LĐLĐ VIỆT NAM", md.Issuer, md.ParentBody)
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
		// A paper an office grants, its code none of Phụ lục III's.
		{"Số: 12/GPXD", "GIẤY PHÉP XÂY DỰNG", "Về việc cấp phép xây dựng nhà ở", "Giấy phép", "Về việc cấp phép xây dựng nhà ở"},
		{"Số: 12/GCN-UBND", "GIẤY CHỨNG NHẬN", "Về việc đủ điều kiện hoạt động", "Giấy chứng nhận", "Về việc đủ điều kiện hoạt động"},
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
	// An I of the heading's capitals read as a small l or a bar.
	for h, want := range map[string]string{"QUYẾT ĐlNH": "Quyết định", "GIẤY MỜ|": "Giấy mời", "CHỈ THl": "Chỉ thị"} {
		if dt, ok := headingType(h, ""); !ok || dt.Name != want {
			t.Errorf("headingType(%q) = %v, %v; want %s", h, dt, ok, want)
		}
	}
	if _, ok := headingType("LUẬT ĐẤT ĐAI", ""); ok {
		t.Error("LUẬT ĐẤT ĐAI: a law's heading goes on with its name, no type read from its first word")
	}
}

// A consolidated text prints the heading of the text it consolidates
// under a number of its own series: it is a văn bản hợp nhất, and its
// trích yếu is the consolidated text's. A heading and a number that name
// two types otherwise are one misread, for the clerk to settle.
func TestHeadingAndNumberNameTwoTypes(t *testing.T) {
	read := func(number, heading string) Result {
		return Read([]vanthu.Page{page(1, "BỘ NỘI VỤ", number, header[1], header[2], "Hà Nội, ngày 16 tháng 8 năm 2019",
			heading, "Quy định chi tiết một số điều về lưu trữ hồ sơ điện tử",
			"Thông tư số 02/2015/TT-BNV ngày 12 tháng 3 năm 2015 của Bộ trưởng Bộ Nội vụ, được sửa đổi, bổ sung bởi:")}, nil)
	}
	r := read("Số: 05/VBHN-BNV", "THÔNG TƯ")
	if md := r.Metadata; md.DocType != "Văn bản hợp nhất" || md.Number != "05/VBHN-BNV" || md.Subject != "Quy định chi tiết một số điều về lưu trữ hồ sơ điện tử" {
		t.Errorf("consolidated text: type %q, number %q, subject %q", md.DocType, md.Number, md.Subject)
	}
	if slices.Contains(r.Review, "doc_type") {
		t.Errorf("a consolidated text's type flagged: %v", r.Review)
	}
	// Its code misread, no heading puts it right: flagged.
	r = read("Số: 05/VBHR-BNV", "THÔNG TƯ")
	if md := r.Metadata; md.DocType != "Văn bản hợp nhất" || md.Number != "05/VBHN-BNV" || !slices.Contains(r.Review, "doc_type") || !slices.Contains(r.Review, "number") {
		t.Errorf("consolidated text, its code misread: type %q, number %q, review %v", md.DocType, md.Number, r.Review)
	}
	r = read("Số: 05/QĐ-BNV", "THÔNG TƯ")
	if r.Metadata.DocType != "Thông tư" || !slices.Contains(r.Review, "doc_type") || !slices.Contains(r.Review, "number") {
		t.Errorf("THÔNG TƯ over a Quyết định's number: type %q, review %v; want the heading's, both flagged", r.Metadata.DocType, r.Review)
	}
	r = read("Số: 05/2019/TT-BNV", "THÔNG TƯ")
	if r.Metadata.DocType != "Thông tư" || slices.Contains(r.Review, "doc_type") {
		t.Errorf("a Thông tư: type %q, review %v", r.Metadata.DocType, r.Review)
	}
}

// A joint document's bodies stand one under the other, with a dash
// after each but the last or none: they are its issuer together. No
// ministry is another's parent; a department or a command is a
// ministry's.
func TestJointDocumentsBodies(t *testing.T) {
	for _, c := range []struct {
		head           []string
		number         string
		issuer, parent string
	}{
		{[]string{"BỘ TÀI CHÍNH -", "BỘ Y TẾ"}, "Số: 37/2013/TTLT-BTC-BYT", "BỘ TÀI CHÍNH - BỘ Y TẾ", ""},
		{[]string{"BỘ TÀI CHÍNH", "BỘ Y TẾ"}, "Số: 37/2013/TTLT-BTC-BYT", "BỘ TÀI CHÍNH - BỘ Y TẾ", ""},
		{[]string{"BỘ NỘI VỤ - BỘ TÀI CHÍNH -", "BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"}, "Số: 05/2012/TTLT-BNV-BTC-BLĐTBXH", "BỘ NỘI VỤ - BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ""},
		{[]string{"BAN CHẤP HÀNH TRUNG ƯƠNG", "HỘI NÔNG DÂN VIỆT NAM -", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"}, "Số: 01/2013/NQLT-BCHTWHNDVN-BTNMT",
			"BAN CHẤP HÀNH TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM - BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ""},
		{[]string{"BỘ TÀI CHÍNH", "BỘ Y TẾ"}, "Số: 37/QĐ-BYT", "BỘ TÀI CHÍNH - BỘ Y TẾ", ""},
		{[]string{"BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"}, "Số: 37/QĐ-TCT", "TỔNG CỤC THUẾ", "BỘ TÀI CHÍNH"},
		{[]string{"BỘ QUỐC PHÒNG", "BỘ TƯ LỆNH QUÂN KHU 5"}, "Số: 37/QĐ-BTL", "BỘ TƯ LỆNH QUÂN KHU 5", "BỘ QUỐC PHÒNG"},
		// A province's bodies write a joint document's code as its
		// type's with LT after it: neither is the other's parent.
		{[]string{"SỞ TÀI CHÍNH -", "SỞ NỘI VỤ"}, "Số: 12/HDLT-STC-SNV", "SỞ TÀI CHÍNH - SỞ NỘI VỤ", ""},
		{[]string{"SỞ Y TẾ", "SỞ TÀI CHÍNH"}, "Số: 12/QĐLT-SYT-STC", "SỞ Y TẾ - SỞ TÀI CHÍNH", ""},
		{[]string{"BAN TUYÊN GIÁO TỈNH ỦY -", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"}, "Số: 12/KHLT-BTG-SGDĐT", "BAN TUYÊN GIÁO TỈNH ỦY - SỞ GIÁO DỤC VÀ ĐÀO TẠO", ""},
	} {
		lines := append(append([]string{}, c.head...), header[1], header[2], c.number, "Hà Nội, ngày 02 tháng 4 năm 2013", "QUYẾT ĐỊNH", "Về việc thử")
		md := Read([]vanthu.Page{page(1, lines...)}, nil).Metadata
		if md.Issuer != c.issuer || md.ParentBody != c.parent {
			t.Errorf("%q, %s: issuer %q under %q; want %q under %q", c.head, c.number, md.Issuer, md.ParentBody, c.issuer, c.parent)
		}
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
	words := rowWords(
		row{"UBND TỈNH BÌNH AN", 300, 100, 640, 136},
		row{"SỞ KẾ HOẠCH VÀ", 320, 140, 620, 176},
		row{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 140, 1451, 176},
		row{"ĐẦU TƯ", 400, 180, 540, 216},
		row{"Độc lập - Tự do - Hạnh phúc", 862, 180, 1299, 216},
		row{"Số: 88/SKHĐT-TH", 300, 260, 600, 296},
		row{"Bình An, ngày 15 tháng 01 năm 2020", 901, 260, 1483, 296},
		row{"V/v góp ý dự thảo kế hoạch", 300, 310, 700, 346},
	)
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
	// The last but one: the label read on a line of its own ("So"), the
	// slot's handwriting as a figure and the slash lost beside it; the
	// last, its colon read as a stop as well.
	for _, numberLine := range []string{"Số: Øđ@ ;CT-UBND", "/UBND-KTTH", "SỐ; 4@ /QĐ", "Số 12-CI7TU", "1 UBND-KGVX", "UBND - KGVX", "Số. 534 UBND-KTTH"} {
		p := page(1, "ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", numberLine, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		if got := Read([]vanthu.Page{p}, nil).Metadata.Issuer; got != "ỦY BAN NHÂN DÂN TỈNH BÌNH AN" {
			t.Errorf("under %q: issuer %q", numberLine, got)
		}
	}
}

// The date line's place is spelt as the header spells it: the province
// after TỈNH (whose marks OCR put back), a district as its own header has
// it though a province has its letters. A place whose first word folds
// to a part's heading (Phan Thiết, Phần I) is a place all the same.
func TestPlaceAsTheHeaderSpellsIt(t *testing.T) {
	for _, c := range []struct{ agency, date, want string }{
		{"TỈNH QUẢNG NGÃI", "Quảng Ngài, ngày 03 tháng 4 năm 2018", "Quảng Ngãi"},
		{"HUYỆN PHÙ YÊN", "Phu Yên, ngày 03 tháng 4 năm 2018", "Phù Yên"},
		{"TỈNH BÌNH THUẬN", "Phan Thiết, ngày 03 tháng 4 năm 2018", "Phan Thiết"},
		{"TỈNH NINH THUẬN", "Phan Rang - Tháp Chàm, ngày 03 tháng 4 năm 2018", "Phan Rang - Tháp Chàm"},
	} {
		p := page(1, "ỦY BAN NHÂN DÂN", c.agency, "Số: 12/UBND-KT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", c.date)
		if got := Read([]vanthu.Page{p}, nil).Metadata.Place; got != c.want {
			t.Errorf("under %s, %q: place %q, want %q", c.agency, c.date, got, c.want)
		}
	}
}

// A place that is no name of the header's, nor of a province, district or
// commune, was misread: it goes to review.
func TestPlaceNamedNowhere(t *testing.T) {
	for date, review := range map[string]bool{
		"Hà Nẵng, ngày 03 tháng 4 năm 2018": true,
		"Đà Nẵng, ngày 03 tháng 4 năm 2018": false,
	} {
		p := page(1, "TỔNG CÔNG TY ĐIỆN LỰC", "MIỀN TRUNG", "Số: 12/EVNCPC-KT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", date)
		if r := Read([]vanthu.Page{p}, nil); slices.Contains(r.Review, "place") != review {
			t.Errorf("%q: review %v", date, r.Review)
		}
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

// A document of 2011 to 2020 prints its type's code of Thông tư
// 01/2011/TT-BNV under the type's heading: read as printed, its type the
// heading's, neither flagged; so for the types Nghị định 30 dropped.
func TestTypesOf2011(t *testing.T) {
	for _, c := range [][3]string{
		{"Số: 12/GT-UBND", "GIẤY GIỚI THIỆU", "Giấy giới thiệu"},
		{"Số: 12/TTh-UBND", "BẢN THỎA THUẬN", "Bản thỏa thuận"},
		{"Số: 12/ĐĐ-UBND", "GIẤY ĐI ĐƯỜNG", "Giấy đi đường"},
		{"Số: 12/CK-UBND", "BẢN CAM KẾT", "Bản cam kết"},
	} {
		p := page(1, "ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			c[0], "Bình An, ngày 15 tháng 10 năm 2014", c[1], "Về việc A")
		r := Read([]vanthu.Page{p}, nil)
		if want := strings.TrimPrefix(c[0], "Số: "); r.Metadata.Number != want || r.Metadata.DocType != c[2] || slices.Contains(r.Review, "number") || slices.Contains(r.Review, "doc_type") {
			t.Errorf("%q under %s: %q, %q, review %v; want %q, %q, neither flagged", c[0], c[1], r.Metadata.Number, r.Metadata.DocType, r.Review, want, c[2])
		}
	}
}

// A heading set wide (letter-spaced, or its words far apart) may be
// parted at its widest gap into two segments of one row: it still names
// the type, and the trích yếu under it is read.
func TestHeadingPartedOnItsRow(t *testing.T) {
	for _, parts := range [][2]row{
		{{"QUYẾT", 650, 400, 790, 440}, {"ĐỊNH", 830, 400, 950, 440}},
		{{"Q U Y Ế T", 600, 400, 790, 440}, {"Đ Ị N H", 830, 400, 1000, 440}},
	} {
		words := scanWords(row{"Số: 45/QĐ-UBND", 300, 260, 600, 296}, row{"Bình An, ngày 15 tháng 3 năm 2024", 900, 260, 1450, 296},
			parts[0], parts[1], row{"Về việc ban hành quy chế làm việc", 450, 460, 1250, 496},
			row{"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH AN", 400, 560, 1300, 596})
		md := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil).Metadata
		if md.DocType != "Quyết định" || md.Subject != "Về việc ban hành quy chế làm việc" {
			t.Errorf("%q / %q: type %q, trích yếu %q; want Quyết định, Về việc ban hành quy chế làm việc", parts[0].text, parts[1].text, md.DocType, md.Subject)
		}
	}
}

// A công văn has no heading: a line set as a heading (centred, in
// capitals) that names no type was misread, and the type goes to review;
// a công văn's Kính gửi, centred too, is no heading. A 0 in a heading's
// capitals is an O.
func TestUnreadHeadingSendsTheTypeToReview(t *testing.T) {
	read := func(rows ...row) Result {
		words := scanWords(append([]row{{"Số: 45/UBND-VP", 300, 260, 600, 296}, {"Bình An, ngày 15 tháng 3 năm 2024", 900, 260, 1450, 296}}, rows...)...)
		return Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
	}
	if r := read(row{"QU¥ẾT ĐỊNH", 700, 400, 950, 440}, row{"Về việc ban hành quy chế làm việc", 450, 460, 1250, 496}); !slices.Contains(r.Review, "doc_type") {
		t.Errorf("a heading misread: type %q, review %v; want doc_type flagged", r.Metadata.DocType, r.Review)
	}
	if r := read(row{"V/v ban hành quy chế làm việc", 250, 310, 680, 346}, row{"KÍNH GỬI: CÁC SỞ, BAN, NGÀNH", 600, 420, 1100, 456}); r.Metadata.DocType != "Công văn" || slices.Contains(r.Review, "doc_type") {
		t.Errorf("a công văn: type %q, review %v; want Công văn, not flagged", r.Metadata.DocType, r.Review)
	}
	if r := read(row{"T0 TRÌNH", 700, 400, 950, 440}, row{"Về việc ban hành quy chế làm việc", 450, 460, 1250, 496}); r.Metadata.DocType != "Tờ trình" {
		t.Errorf("T0 TRÌNH: type %q; want Tờ trình", r.Metadata.DocType)
	}
}

// A công văn's number written by hand into its slot is read with a low
// confidence, its line's with it; its type is not: the number names no
// type and a trích yếu "V/v …" stands under it. A heading misread above
// such a number still sends the type to review.
func TestCongVanTypeSureUnderANumberByHand(t *testing.T) {
	read := func(rows ...row) Result {
		words := scanWords(append([]row{{"Số: 574/UBND-KTTH", 300, 260, 600, 296}, {"Bình An, ngày 15 tháng 3 năm 2024", 900, 260, 1450, 296}}, rows...)...)
		for i := range words {
			if strings.HasPrefix(words[i].Text, "Số:") {
				words[i].Confidence = 40 // the figures by hand
			}
		}
		return Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
	}
	r := read(row{"V/v đăng ký bổ sung nội dung trình", 250, 310, 680, 346}, row{"Kính gửi: Thường trực HĐND tỉnh", 600, 420, 1100, 456})
	if r.Metadata.DocType != "Công văn" || slices.Contains(r.Review, "doc_type") || !slices.Contains(r.Review, "number") {
		t.Errorf("a công văn numbered by hand: type %q, review %v; want Công văn, the number flagged and not the type", r.Metadata.DocType, r.Review)
	}
	if r := read(row{"QU¥ẾT ĐỊNH", 700, 400, 950, 440}, row{"V/v ban hành quy chế làm việc", 450, 460, 1250, 496}); !slices.Contains(r.Review, "doc_type") {
		t.Errorf("a heading misread over a number by hand: type %q, review %v; want doc_type flagged", r.Metadata.DocType, r.Review)
	}
}

// A department is headed with the people's committee it sits under: where
// that line was not read (a note's strokes over it, a stamp), the parent
// body goes to review, not left empty as though it had none. A people's
// committee has none to read; where no agency was read, neither was
// whether it has one.
func TestParentBodyLost(t *testing.T) {
	for _, c := range []struct {
		head   []string
		review bool
	}{
		{[]string{"SỞ NỘI VỤ"}, true},
		{[]string{"UBND TỈNH BÌNH AN", "SỞ NỘI VỤ"}, false},
		{[]string{"ỦY BAN NHÂN DÂN", "TỈNH BÌNH AN"}, false},
		{nil, true}, // no agency read: nor whether it has a parent
	} {
		lines := append(append([]string{}, c.head...), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/SNV-VP", "Bình An, ngày 03 tháng 4 năm 2024", "V/v tuyển dụng công chức")
		r := Read([]vanthu.Page{page(1, lines...)}, nil)
		if got := slices.Contains(r.Review, "parent_body"); got != c.review {
			t.Errorf("%q (parent %q): parent_body in review %v, want %v", c.head, r.Metadata.ParentBody, got, c.review)
		}
	}
}

// Specks beside a date line's place, or a stroke in it, read as signs no
// place's name has: the place is read without them, and flagged.
func TestPlaceWithSpecks(t *testing.T) {
	for line, want := range map[string]string{
		"„, Bình An, ngày 05 tháng 3 năm 2024":        "Bình An",
		",„„Mộ Đức, ngày 05 tháng 3 năm 2024":         "Mộ Đức",
		"„ Hà,Nội, ngày 05 tháng 3 năm 2024":          "Hà Nội",
		"TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2024":   "TP. Hồ Chí Minh",
		"Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2024": "Bà Rịa - Vũng Tàu",
	} {
		r := Read([]vanthu.Page{page(1, "UBND TỈNH BÌNH AN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/SNV-VP", line, "V/v tuyển dụng công chức")}, nil)
		flagged := slices.Contains(r.Review, "place")
		if r.Metadata.Place != want || flagged != (want != strings.Split(line, ",")[0]) {
			t.Errorf("%q: place %q (review %v), want %q", line, r.Metadata.Place, flagged, want)
		}
	}
}

// The agency's unit and the date line's place spelt with other marks: one
// was misread, and both go to review.
func TestUnitNamedOtherwise(t *testing.T) {
	r := Read([]vanthu.Page{page(1, "UBND TỈNH BINH AN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/SNV-VP", "Bình An, ngày 05 tháng 3 năm 2024", "V/v tuyển dụng công chức")}, nil)
	if !slices.Contains(r.Review, "parent_body") || !slices.Contains(r.Review, "place") {
		t.Errorf("parent %q, place %q: review %v, want both", r.Metadata.ParentBody, r.Metadata.Place, r.Review)
	}
	r = Read([]vanthu.Page{page(1, "UBND TỈNH BÌNH AN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/SNV-VP", "Bình An, ngày 05 tháng 3 năm 2024", "V/v tuyển dụng công chức")}, nil)
	if slices.Contains(r.Review, "parent_body") || slices.Contains(r.Review, "place") {
		t.Errorf("spelt alike: review %v", r.Review)
	}
}

// The Quốc hiệu's first words read at the end of an agency's line, the
// row read across both columns and the rest lost: cut, and flagged. A
// unit named Cộng Hòa keeps its name.
func TestMottoRunIntoAgency(t *testing.T) {
	for _, c := range []struct {
		name, want string
		cut        bool
	}{
		{"BỘ CÔNG AN CỘNG HÒA", "BỘ CÔNG AN", true},
		{"SỞ Y TẾ CỘNG HOÀ", "SỞ Y TẾ", true},
		{"UBND XÃ CỘNG HÒA", "UBND XÃ CỘNG HÒA", false},
		{"BỘ CÔNG AN", "BỘ CÔNG AN", false},
	} {
		if got, cut := mottoRunIn(c.name); got != c.want || cut != c.cut {
			t.Errorf("mottoRunIn(%q) = %q, %v; want %q, %v", c.name, got, cut, c.want, c.cut)
		}
	}
	r := Read([]vanthu.Page{page(1, "BỘ CÔNG AN CỘNG HÒA", "CÔNG AN TỈNH BÌNH AN", "Độc lập - Tự do - Hạnh phúc", "Số: 12/CAT-PV01", "Bình An, ngày 05 tháng 3 năm 2024", "V/v bảo đảm an ninh")}, nil)
	if r.Metadata.ParentBody != "BỘ CÔNG AN" || !slices.Contains(r.Review, "parent_body") {
		t.Errorf("parent %q, review %v: want BỘ CÔNG AN, flagged", r.Metadata.ParentBody, r.Review)
	}
}

// A people's committee's or a council's name goes on with its unit's
// word: another word there was misread.
func TestUnitWordMisread(t *testing.T) {
	for name, want := range map[string]bool{
		"UBND TÌ GIA LAI":   true,
		"UBND TỈNH GIA LAI": false,
		"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH": false,
		"UBND TP. HỒ CHÍ MINH":                  false,
		"HỘI ĐỒNG NHÂN DÂN XÃ BÌNH HẢI":         false,
		"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH":         false, // a Party committee's goes on with a bloc
		"SỞ NỘI VỤ":                             false,
		"UBND":                                  false,
	} {
		if got := unitMisread(name); got != want {
			t.Errorf("unitMisread(%q) = %v, want %v", name, got, want)
		}
	}
	r := Read([]vanthu.Page{page(1, "UBND TÌ GIA LAI", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/SNV-VP", "Gia Lai, ngày 05 tháng 3 năm 2024", "V/v tuyển dụng công chức")}, nil)
	if !slices.Contains(r.Review, "parent_body") {
		t.Errorf("parent %q, review %v: want it flagged", r.Metadata.ParentBody, r.Review)
	}
}
