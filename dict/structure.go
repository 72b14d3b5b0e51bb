package dict

import (
	"slices"
	"strings"
	"unicode"
)

// The state's structure, as the laws on the organisation of the
// Government and of local government name it: the vocabulary of a
// header's agency and of a signer's role, which RepairHeader and
// RepairRole read OCR's lines against.

// phrases are phrases of the state's structure, in capitals: the
// bodies, the sectors, each sector under the bodies that carry its name
// (SỞ NỘI VỤ, BỘ TÀI CHÍNH: a one-syllable body is repaired only with the
// sector it heads, as "SƠ" alone may be another word) and the offices.
var phrases = slices.Concat(makePhrases(bodies), makePhrases(sectors), headed(sectorBodies, sectors),
	headed(departmentBodies, departments), makePhrases(offices))

// bodies are the bodies of the state, and the Quốc hiệu and its motto.
var bodies = []string{
	"ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CHÍNH PHỦ", "THỦ TƯỚNG CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ",
	"VĂN PHÒNG", "BAN CHỈ ĐẠO", "CHI NHÁNH", "KHO BẠC NHÀ NƯỚC", "NGÂN HÀNG NHÀ NƯỚC", "BẢO HIỂM XÃ HỘI",
	"TÒA ÁN NHÂN DÂN", "VIỆN KIỂM SÁT NHÂN DÂN", "KIỂM TOÁN NHÀ NƯỚC", "TRUNG TÂM", "BỆNH VIỆN",
	"TỔNG CỤC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐỘC LẬP", "TỰ DO", "HẠNH PHÚC",
	"CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "TRUNG TÂM LƯU TRỮ LỊCH SỬ", "CHI CỤC VĂN THƯ LƯU TRỮ",
	// The army's commands, and the Front and the unions of the people.
	"QUÂN KHU", "BỘ TƯ LỆNH", "BỘ CHỈ HUY QUÂN SỰ", "BỘ ĐỘI BIÊN PHÒNG", "BAN CHỈ HUY QUÂN SỰ",
	"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "ỦY BAN MTTQ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG", "HỘI NÔNG DÂN", "HỘI LIÊN HIỆP PHỤ NỮ",
	"HỘI CỰU CHIẾN BINH", "BAN THƯỜNG VỤ", "BAN THƯỜNG TRỰC", "BAN CHẤP HÀNH", "TỔNG CÔNG TY",
	"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "TỔNG LĐLĐ VIỆT NAM",
	// Bodies under a parent of other kinds than a department.
	"THƯ VIỆN", "BẢO TÀNG", "CÔNG ĐOÀN", "NHÀ XUẤT BẢN", "NHÀ VĂN HÓA", "CƠ QUAN CẢNH SÁT ĐIỀU TRA",
	"VƯỜN QUỐC GIA", "CẢNG VỤ HÀNG HẢI", "ĐẢNG ĐOÀN", "HIỆP HỘI", "CÂU LẠC BỘ",
	// The departments of a Party committee, and the committees of a
	// council: Tesseract reads the bold TUYÊN of BAN TUYÊN GIÁO as
	// TUYỂN or TUYẾN, words of the language too.
	"BAN TUYÊN GIÁO", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BAN TỔ CHỨC", "BAN DÂN VẬN", "BAN NỘI CHÍNH",
	"BAN KINH TẾ", "BAN ĐỐI NGOẠI", "ỦY BAN KIỂM TRA", "BAN PHÁP CHẾ", "BAN VĂN HÓA XÃ HỘI",
	"BAN KINH TẾ NGÂN SÁCH", "BAN DÂN TỘC",
	// The Party's committees and cells, and the Youth Union's committees,
	// of which a 1-bit scan loses the marks (ĐANG BỘ TĨNH).
	"ĐẢNG BỘ", "ĐẢNG ỦY", "CHI BỘ", "TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY",
	"TỈNH ĐOÀN", "THÀNH ĐOÀN", "HUYỆN ĐOÀN",
}

// sectors are the sectors of ministries, sở and phòng.
var sectors = []string{
	"NỘI VỤ", "TÀI CHÍNH", "TƯ PHÁP", "NGOẠI GIAO", "NGOẠI VỤ", "QUỐC PHÒNG", "CÔNG AN", "CÔNG THƯƠNG",
	"XÂY DỰNG", "Y TẾ", "GIÁO DỤC VÀ ĐÀO TẠO", "KHOA HỌC VÀ CÔNG NGHỆ", "TÀI NGUYÊN VÀ MÔI TRƯỜNG",
	"NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "GIAO THÔNG VẬN TẢI",
	"KẾ HOẠCH VÀ ĐẦU TƯ", "LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI", "VĂN HÓA THỂ THAO VÀ DU LỊCH",
	"THÔNG TIN VÀ TRUYỀN THÔNG", "DÂN TỘC VÀ TÔN GIÁO", "KINH TẾ VÀ HẠ TẦNG", "QUẢN LÝ ĐÔ THỊ",
	"THANH TRA", "TÀI NGUYÊN", "MÔI TRƯỜNG", "KINH TẾ", "VĂN HÓA", "GIÁO DỤC",
	"VĂN THƯ", "LƯU TRỮ", "VĂN THƯ LƯU TRỮ", "VĂN THƯ VÀ LƯU TRỮ",
	// As headers print them short (SỞ GD&ĐT BẮC GIANG).
	"GD&ĐT", "GDĐT", "TN&MT", "TNMT", "NN&PTNT", "NÔNG NGHIỆP VÀ PTNT", "KH&ĐT", "KHĐT", "KH&CN", "KHCN",
	"LĐ-TB&XH", "LĐTBXH", "VH-TT&DL", "VHTTDL", "TT&TT", "TTTT", "GTVT",
}

// sectorBodies are the bodies whose names are a sector's: a ministry, a
// department of the province, a department of the district, and the
// offices of a ministry (NĐ 123/2016, NĐ 24/2014, NĐ 37/2014).
var sectorBodies = []string{"BỘ", "SỞ", "PHÒNG", "CỤC", "CHI CỤC", "VỤ"}

// departments are the general departments a ministry runs down to the
// province and the district (Cục Thuế, Chi cục Hải quan): named only
// under the bodies that carry them (departmentBodies), as THUẾ alone may
// be another word.
var departments = []string{"THUẾ", "HẢI QUAN", "THỐNG KÊ", "QUẢN LÝ THỊ TRƯỜNG", "KIỂM LÂM", "THI HÀNH ÁN DÂN SỰ",
	// A ministry's departments, and a province's chi cục under its sở.
	"THỦY LỢI", "THỦY SẢN", "TRỒNG TRỌT VÀ BẢO VỆ THỰC VẬT", "BẢO VỆ THỰC VẬT", "CHĂN NUÔI VÀ THÚ Y",
	"CHĂN NUÔI", "THÚ Y", "PHÁT TRIỂN NÔNG THÔN", "TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG", "DÂN SỐ",
	"BẢO VỆ MÔI TRƯỜNG", "QUẢN LÝ ĐẤT ĐAI", "AN TOÀN VỆ SINH THỰC PHẨM", "PHÒNG CHỐNG TỆ NẠN XÃ HỘI",
	"GIÁM ĐỊNH XÂY DỰNG", "BIỂN VÀ HẢI ĐẢO", "ĐÊ ĐIỀU VÀ PHÒNG CHỐNG THIÊN TAI"}

// departmentBodies are the bodies of a general department.
var departmentBodies = []string{"TỔNG CỤC", "CỤC", "CHI CỤC"}

// headed returns each of sectors after each of heads; a phrase one letter
// off matches only with its head letter for letter (BỘ and SỞ are one
// letter apart).
func headed(heads, sectors []string) []phrase {
	var out []phrase
	for _, h := range heads {
		for _, s := range makePhrases(sectors) {
			ph := makePhrases([]string{h + " " + strings.Join(s.sylls, " ")})[0]
			ph.fixed = len(strings.Fields(h))
			out = append(out, ph)
		}
	}
	return out
}

// offices are the offices that sign.
var offices = []string{
	"CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "CHÁNH VĂN PHÒNG",
	"PHÓ CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "CỤC TRƯỞNG",
	"PHÓ CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
	"TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "HIỆU TRƯỞNG",
	"VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "PHÓ TỔNG GIÁM ĐỐC", "PHÓ TỔNG CỤC TRƯỞNG",
	"CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "CHÁNH ÁN", "PHÓ CHÁNH ÁN", "BÍ THƯ", "PHÓ BÍ THƯ",
	"THỐNG ĐỐC", "PHÓ THỐNG ĐỐC", "TỔNG THANH TRA", "PHÓ TỔNG THANH TRA", "TỔNG KIỂM TOÁN",
	"PHÓ TỔNG KIỂM TOÁN", "CHỦ TỊCH NƯỚC", "PHÓ CHỦ TỊCH NƯỚC", "CHỦ TỊCH QUỐC HỘI", "PHÓ CHỦ TỊCH QUỐC HỘI",
	// The army's and the police's commanders and political officers.
	"CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG", "TƯ LỆNH", "PHÓ TƯ LỆNH", "CHÍNH ỦY", "PHÓ CHÍNH ỦY",
	"TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG CÔNG AN", "TỔNG BÍ THƯ", "TRƯỞNG ĐOÀN", "PHÓ TRƯỞNG ĐOÀN",
	// The heads of a team (a market-control or tax team, a working
	// group), who sign its Biên bản and công văn.
	"ĐỘI TRƯỞNG", "PHÓ ĐỘI TRƯỞNG", "TỔ TRƯỞNG", "PHÓ TỔ TRƯỞNG",
	// The head of a body (an investigating agency's), with the letters
	// of a minister's deputy (THỨ TRƯỞNG); a newspaper's editor.
	"THỦ TRƯỞNG", "PHÓ THỦ TRƯỞNG", "TỔNG BIÊN TẬP", "PHÓ TỔNG BIÊN TẬP",
	// The heads of a chi cục, a forest or dike unit (hạt), a border
	// post (đồn), a branch, a station, a prison (giám thị), and a
	// union's or an association's secretary general; a unit's political
	// officer; the chief accountant, who signs a body's financial papers
	// beside its head. Not an office: the letters of a header's words
	// (TRƯỞNG KHOA, ĐOÀN TRƯỞNG: the TRƯỜNG KHOA HỌC …, BCH ĐOÀN TRƯỜNG
	// of a name), which the header's repair would respell.
	"CHI CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG", "HẠT TRƯỞNG", "PHÓ HẠT TRƯỞNG", "ĐỒN TRƯỞNG", "PHÓ ĐỒN TRƯỞNG",
	"TRƯỞNG CHI NHÁNH", "PHÓ TRƯỞNG CHI NHÁNH", "TRƯỞNG TRẠM", "PHÓ TRƯỞNG TRẠM", "GIÁM THỊ", "PHÓ GIÁM THỊ",
	"TỔNG THƯ KÝ", "PHÓ TỔNG THƯ KÝ", "CHÍNH TRỊ VIÊN", "PHÓ CHÍNH TRỊ VIÊN", "KẾ TOÁN TRƯỞNG",
}

// unitWords are the administrative units that follow "ỦY BAN NHÂN DÂN" or
// "HỘI ĐỒNG NHÂN DÂN" (Luật Tổ chức chính quyền địa phương).
var unitWords = []string{"TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU"}

// bodyWords name a body by its kind in one word, as a role line may
// print it after the office (GIÁM ĐỐC SỞ, CHỦ TỊCH HỘI).
var bodyWords = []string{"BỘ", "SỞ", "CỤC", "VỤ", "PHÒNG", "BAN", "VIỆN", "ĐÀI", "TRẠM", "HẠT", "ĐỘI", "ĐỒN",
	"KHOA", "HỘI", "ĐOÀN"}

// IsBodyWord reports whether w, as spelt, names a body by its kind in one
// word (SỞ; not SỐ).
func IsBodyWord(w string) bool { return slices.Contains(bodyWords, strings.ToUpper(NFC(w))) }

// bareKinds are kinds of bodies that name none of them, by their letters
// without marks: a header line that is one alone is the first of a name
// broken over lines (TỔNG CÔNG TY / ĐIỆN LỰC MIỀN TRUNG).
var bareKinds = makePhrases([]string{"TỔNG CÔNG TY", "CÔNG TY", "CÔNG TY CỔ PHẦN", "CÔNG TY TNHH", "TẬP ĐOÀN",
	"TRUNG TÂM", "BỆNH VIỆN", "BAN QUẢN LÝ", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "BỘ TƯ LỆNH", "TỔNG CỤC", "CỤC",
	"CHI CỤC", "PHÒNG", "VIỆN", "HỌC VIỆN", "TRƯỜNG", "NHÀ MÁY", "XÍ NGHIỆP", "CHI NHÁNH", "VĂN PHÒNG"})

// IsBareKind reports whether header line l, the punctuation at its ends
// aside, in any case and with or without its marks, is a kind of body
// alone (see bareKinds).
func IsBareKind(l string) bool {
	l = strings.TrimFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	key := strings.Join(strings.Fields(strings.ToUpper(Fold(l))), " ")
	return slices.ContainsFunc(bareKinds, func(k phrase) bool { return k.key == key })
}
