package dict

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepairHeader(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// A wrong mark inside a phrase of the state's structure.
		{"ỦY BAN NHÂN DÂN TĨNH QUẢNG NAM", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"},
		{"UY BAN NHAN DAN HUYEN ĐONG ANH", "ỦY BAN NHÂN DÂN HUYỆN ĐONG ANH"},
		{"SỞ TÀI NGUYÊN VÀ MỖI TRƯỜNG", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"},
		{"BỘ GIAO THÔNG VÂN TẢI", "BỘ GIAO THÔNG VẬN TẢI"},
		{"TRƯỜNG THPT LỤC NGẠN SỐ1", "TRƯỜNG THPT LỤC NGẠN SỐ 1"}, // the numeral run into SỐ
		{"PHÒNG PC08", "PHÒNG PC08"},
		// A general department, under its body only.
		{"CỤC THUÊ TỈNH BÌNH AN", "CỤC THUẾ TỈNH BÌNH AN"},
		{"CHI CỤC HAI QUAN CỬA KHẨU", "CHI CỤC HẢI QUAN CỬA KHẨU"},
		{"NHÀ CHO THUÊ", "NHÀ CHO THUÊ"},
		{"CHI CỤC THỦY LỢI", "CHI CỤC THỦY LỢI"}, // not THUẾ, one letter off
		{"CHI CUC THUY LOI", "CHI CỤC THỦY LỢI"},
		{"CHI CỤC THUF TỈNH BÌNH AN", "CHI CỤC THUẾ TỈNH BÌNH AN"}, // no word: a slip
		{"CHI CỤC CHĂN NUÔI VÀ THÚ Ý", "CHI CỤC CHĂN NUÔI VÀ THÚ Y"},
		// The Party's committees, and sectors written short.
		{"ĐANG BỘ TĨNH BÌNH AN", "ĐẢNG BỘ TỈNH BÌNH AN"},
		{"HUYÊN ỦY BÌNH SƠN", "HUYỆN ỦY BÌNH SƠN"},
		{"SƠ GD&ĐT BẮC GIANG", "SỞ GD&ĐT BẮC GIANG"},
		{"PHÒNG TN&MT", "PHÒNG TN&MT"},
		// One letter off from a phrase, but words printed so: the whole
		// of a sector's name, or a compound with the word after it.
		{"CỤC THỦY SẢN", "CỤC THỦY SẢN"},
		{"CHI CỤC THỦY ĐIỆN", "CHI CỤC THỦY ĐIỆN"},
		// A name's words with an office's letters.
		{"BCH ĐOÀN TRƯỜNG THPT BÌNH SƠN", "BCH ĐOÀN TRƯỜNG THPT BÌNH SƠN"},
		{"TRƯỜNG KHOA HỌC LIÊN NGÀNH", "TRƯỜNG KHOA HỌC LIÊN NGÀNH"},
		// One letter off, in a long phrase.
		{"SỞ KHOA HỌC VÀ CÔNG NGHẸC", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"},
		{"SƠ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"},
		{"SƠ NỘI VỤ", "SỞ NỘI VỤ"},
		{"LÝ BẠN NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN TỈNH"}, // a coarse scan's: LÝ is a word, but three syllables agree
		{"BÔ TÀI CHÍNH", "BỘ TÀI CHÍNH"},
		{"CỤC VĂN THƯ VÀ LƯU TRƯ NHÀ NƯỚC", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"},
		{"CHI CỤC VĂN THƯ - LƯU TRƯ", "CHI CỤC VĂN THƯ - LƯU TRỮ"},
		{"SỐ 12/QĐ-UBND", "SỐ 12/QĐ-UBND"}, // not a body: left as read
		// Bodies of other kinds, and the unit after them.
		{"THƯ VIỆN TÍNH BÌNH AN", "THƯ VIỆN TỈNH BÌNH AN"},
		{"CÔNG ĐOẢN NGÀNH Y TẾ", "CÔNG ĐOÀN NGÀNH Y TẾ"},
		{"NHÀ XUÂT BẢN", "NHÀ XUẤT BẢN"},
		{"BAN TUYỂN GIÁO", "BAN TUYÊN GIÁO"},
		{"BẠN TUYẾN GIÁO", "BAN TUYÊN GIÁO"},
		{"BAN VĂN HOÁ - XÃ HỘI", "BAN VĂN HÓA - XÃ HỘI"}, // a phrase's dash is no syllable
		{"KT. CHÁNH VĂN PHÒNG / ?HÓ CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"},
		// A signing authority one letter off, run into the next word.
		{"EM.ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"},
		{"1M. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"}, // its T read as a 1
		{"K1. CHỦ TỊCH", "KT. CHỦ TỊCH"},
		{"1. MỤC ĐÍCH", "1. MỤC ĐÍCH"}, // a heading's figure
		{"KT: GIÁM ĐỐC", "KT: GIÁM ĐỐC"},
		// Over a seal: syllables run together, a stray letter no
		// Vietnamese word has, the authority's dot read as a letter.
		{"TMx-ÙY.BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"},
		{"PHÓ ÈŒHỦ TỊCH", "PHÓ CHỦ TỊCH"},
		{"KT. GIÁM ĐÖỐC", "KT. GIÁM ĐỐC"},
		{"PHÓ GIÁM ÐỐC", "PHÓ GIÁM ĐỐC"},
		// ... but a dot that gains nothing stays where it was read.
		{"ỦY BAN NHÂN DÂN TP.HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN TP.HỒ CHÍ MINH"},
		{"CÔNG TY CỔ PHẦN ÅNH DƯƠNG", "CÔNG TY CỔ PHẦN ÅNH DƯƠNG"},
		// Punctuation around the syllables stays.
		{"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HÔI", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"},
		// Names outside the vocabulary are left as read, even where a
		// phrase's letters would fit a syllable alone.
		{"ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"},
		{"TRƯỜNG THPT TÂN HÒA", "TRƯỜNG THPT TÂN HÒA"},
		{"E. GHI CHÚ", "E. GHI CHÚ"},
		// A unit right after a body's or a sector's name.
		{"CÔNG AN TÍNH BÌNH AN", "CÔNG AN TỈNH BÌNH AN"},
		{"KHO BẠC NHÀ NƯỚC HUYÊN BÌNH SƠN", "KHO BẠC NHÀ NƯỚC HUYỆN BÌNH SƠN"},
		{"BỘ TƯ LỆNH QUÂN ĐOÀN 3", "BỘ TƯ LỆNH QUÂN ĐOÀN 3"}, // QUÂN, not QUẬN
		{"QUẦN KHU 5", "QUÂN KHU 5"},
		{"THANH TRA TÍNH", "THANH TRA TỈNH"},
		{"CHI NHÁNH TÍNH BÌNH AN", "CHI NHÁNH TỈNH BÌNH AN"},
		{"TÍNH BÌNH AN", "TÍNH BÌNH AN"},                             // no body before it
		{"ỦY BAN NHÂN DÂN XÃ TỊNH KỲ", "ỦY BAN NHÂN DÂN XÃ TỊNH KỲ"}, // a name after a unit
		{"CÔNG AN HUYỆN TỊNH BIÊN", "CÔNG AN HUYỆN TỊNH BIÊN"},
		// The Front and the army's offices.
		{"ỦY BAN MẶT TRẬN TÔ QUỐC VIỆT NAM", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"},
		{"CHỈ HUY TRƯƠNG", "CHỈ HUY TRƯỞNG"},
		{"ỦY BAN MTTO VIỆT NAM", "ỦY BAN MTTQ VIỆT NAM"},
		// An abbreviation's capital read with a speck after it.
		{"TỐNG L.ĐLĐ VIỆT NAM", "TỔNG LĐLĐ VIỆT NAM"},
		{"", ""},
	} {
		if got := RepairHeader(c.in); got != c.want {
			t.Errorf("RepairHeader(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzRepairHeader(f *testing.F) {
	for _, s := range []string{"EM.ỦY BAN NHÂN DÂN TĨNH", "SỞ KHOA HỌC VÀ CÔNG NGHẸC", "Q: .", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "TMx-ÙY.BAN NHÂN DÂN", "PHÓ ÈŒHỦ TỊCH"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r := RepairRecipient(s); RepairRecipient(r) != r {
			t.Fatalf("RepairRecipient not idempotent on %q", s)
		}
		got := RepairHeader(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("RepairHeader(%q) = %q: invalid UTF-8", s, got)
		}
		if again := RepairHeader(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func TestVietLetter(t *testing.T) {
	for _, r := range "aăâeêioôơuưyđĐAÂÊƯƠĂÝỳỷỹỵẤẦẨẪẬfjwzQ" {
		if !vietLetter(r) {
			t.Errorf("vietLetter(%q) = false", r)
		}
	}
	for _, r := range "ŒœßðÐöäůçñøæÅ€" {
		if vietLetter(r) {
			t.Errorf("vietLetter(%q) = true", r)
		}
	}
}

func TestRepairSurname(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Đỉnh Văn An", "Đinh Văn An"},
		{"Đồ Thị Hoa", "Đỗ Thị Hoa"},
		{"Trân Văn Bình", "Trần Văn Bình"},
		{"Nguyễn Văn An", "Nguyễn Văn An"}, // right already
		{"Đông Văn Lâm", "Đông Văn Lâm"},   // Đồng or Đổng: no guess
		{"Xyz Văn An", "Xyz Văn An"},       // no family name has these letters
		{"Íà Thị Lê Vân", "Hà Thị Lê Vân"}, // the H under the signature's stroke
		{"Xo Văn An", "Xo Văn An"},         // no family name of two letters ends in "o"
		// The family names of the northern uplands' peoples.
		{"Giàng Seo Phử", "Giàng Seo Phử"},
		{"Vừ A Dính", "Vừ A Dính"},
		{"Lường Văn Mai", "Lường Văn Mai"},
		// The first letter lost under the stroke, the rest as read or
		// with its marks misread: one family name a letter longer.
		{"Rần Ngọc Căng", "Trần Ngọc Căng"},
		{"rấñ Hoàng Tuấn", "Trần Hoàng Tuấn"},
		{"ương Văn Bình", "ương Văn Bình"}, // Dương, Lương or Vương: no guess
		{"", ""},
	} {
		if got := RepairSurname(c.in); got != c.want {
			t.Errorf("RepairSurname(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A sign inside a word of a body's name, or a letter Vietnamese has not,
// is a misreading; the signs names print are none.
func TestGarbled(t *testing.T) {
	for name, want := range map[string]bool{
		"UBND HUYỆN S[I MA CAI": true, "CỤC THUẾ TỈNH BÌNH ÖN": true, "C|ỤC THUẾ": true,
		"UBND HUYỆN SI MA CAI": false, "SỞ GD&ĐT BẮC GIANG": false, "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": false,
		"TRƯỜNG THPT LỤC NGẠN SỐ 1": false, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH": false, "TP. HỒ CHÍ MINH": false,
		"CÔNG TY CỔ PHẦN (VINACOMIN)": false, "": false,
	} {
		if got := Garbled(name); got != want {
			t.Errorf("Garbled(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRepairRecipient(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Cống thông tin điện tử tỉnh", "Cổng thông tin điện tử tỉnh"},
		{"Thường trực Tỉnh ủy (đế b/c)", "Thường trực Tỉnh ủy (để b/c)"},
		{"Sở Thông tỉn và Truyền thông", "Sở Thông tin và Truyền thông"},
		{"Nhữ trên", "Như trên"},
		{"Nhu Điêu 3", "Như Điều 3"},
		{"Như khoan 2 Điều 1", "Như khoản 2 Điều 1"},
		{"Công TTĐT tỉnh", "Cổng TTĐT tỉnh"},
		{"Như trên (đề t/h)", "Như trên (để t/h)"},
		{"Công đoàn ngành", "Công đoàn ngành"},
		{"Lưu: VT, TH", "Lưu: VT, TH"},
		{"Thường trực HĐND tỉnh (để b/€)", "Thường trực HĐND tỉnh (để b/c)"},
		{"Bộ Nội vụ (đế b/¢);", "Bộ Nội vụ (để b/c);"},
		{"Lưu: VI, TH.", "Lưu: VT, TH."},
		{"Lưu VI", "Lưu VT"},
		{"Lưu: YT", "Lưu: VT"},
		// Only the first item is the văn thư's.
		{"Lưu: VT, VI", "Lưu: VT, VI"},
		{"Tỉnh ủy (b/c)", "Tỉnh ủy (b/c)"},
		{"UBND các huyện, thị xã, thành phố", "UBND các huyện, thị xã, thành phố"},
		// Letter for letter only: one letter off is left as read.
		{"Cống thông tim điện tử", "Cống thông tim điện tử"},
	} {
		if got := RepairRecipient(c.in); got != c.want {
			t.Errorf("RepairRecipient(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsRecipientsLabel(t *testing.T) {
	for line, want := range map[string]bool{
		"Nơi nhận:":                 true,
		"Nơi nhận":                  true,
		"Với nhận:":                 true,
		".Vơi nhận:":                true,
		"Nhi nhận:":                 true,
		"Ni nhận:":                  true,
		"Mới nhận:":                 true,
		"Nơi nhận: - Như trên;":     true,
		"nhận: 49, trong đó, tháng": false,
		"tiếp nhận: 49, trong đó":   false,
		"Mới nhận được công văn số 12/UBND ngày 3/4/2024 của": false,
		"Người nhận:": false,
	} {
		if got := IsRecipientsLabel(line); got != want {
			t.Errorf("IsRecipientsLabel(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestRepairNameInitial(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"[ong", "Long", true},
		{"|hành", "Thành", true},
		{"(ộc", "Lộc", true},
		{"{ường", "{ường", false}, // Cường, Hường or Tường
		{"[an", "[an", false},     // Lan or Đan
		{"|uấn", "|uấn", false},   // Tuấn or Huấn
		{"Long", "Long", false},   // a name as it is
		{"[o", "[o", false},       // too short to tell
		{"[ONG", "[ONG", false},   // capitals: no name's rest
		{"[xyz", "[xyz", false},   // no name ends so
		{"", "", false},
	} {
		if got, ok := RepairNameInitial(c.in); got != c.want || ok != c.ok {
			t.Errorf("RepairNameInitial(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestRepairStruckSurname(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"XZuyên", "Nguyễn", true},  // Ng read as two capitals, the ngã as a circumflex
		{"MN5uyên", "Nguyễn", true}, // as capitals and a figure
		{"NfIyen", "Nguyễn", true},
		{"Q7ần", "Trần", true},      // the one family name ending so, marks and all
		{"L#ấn", "L#ấn", false},     // Trần, Phan, Doãn, …
		{"Fiận", "Fiận", false},     // no head but its capital: RepairSurname's
		{"Nguyễn", "Nguyễn", false}, // a name as it is
		{"XZu", "XZu", false},       // a tail of one letter
		{"VPUB:", "VPUB:", false},
		{"H'Yim", "H'Yim", false}, // an Ê Đê woman's given name, no Kim
		{"", "", false},
	} {
		if got, ok := RepairStruckSurname(c.in); got != c.want || ok != c.ok {
			t.Errorf("RepairStruckSurname(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestStruckTail(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"ILhượng", "hượng", true},
		{"MN5uyên", "uyên", true},
		{"Nguyễn", "", false}, // only its capital before the small letters
		{"#ận", "", false},    // a mark before them, as nameLine trims
		{"XZu", "", false},    // one small letter after the head
		{"TỊCH", "", false},
		{"", "", false},
	} {
		if got, ok := StruckTail(c.in); got != c.want || ok != c.ok {
			t.Errorf("StruckTail(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestRepairGivenName(t *testing.T) {
	for in, want := range map[string]string{
		"Trần Hoàng Tuần":  "Trần Hoàng Tuấn", // the acute read as a grave
		"Lê Văn Tuấn":      "Lê Văn Tuấn",
		"Nguyễn Thị Hiên":  "Nguyễn Thị Hiên", // a name: left as read
		"Nguyễn Văn Hiến":  "Nguyễn Văn Hiến",
		"Lê Đính":          "Lê Đính", // a name, though its mirror (Đình) is commoner
		"Phạm Minh Thánh":  "Phạm Minh Thành",
		"Võ Thị Thuỳ":      "Võ Thị Thuỳ", // the old placement of the mark is the same name
		"Đỗ Văn Xyz":       "Đỗ Văn Xyz",  // no mirror that is a name
		"Hồ Ngọc Tuần Anh": "Hồ Ngọc Tuấn Anh",
	} {
		if got, guessed := RepairGivenName(in); got != want || guessed {
			t.Errorf("RepairGivenName(%q) = %q, %v; want %q, not guessed", in, got, guessed, want)
		}
	}
	// A mark lost, the tone kept: the one name with those letters, that
	// tone and more marks, guessed. Not where two names have them (Văn,
	// Vân): left as read, guessed, but the middle name after the family
	// name, Văn; nor where the tone differs (Lượng is no Lương).
	for in, want := range map[string]string{
		"Phạm Minh Đúc": "Phạm Minh Đức", "Lê Thị Huong": "Lê Thị Hương", "Đỗ Van Luong": "Đỗ Văn Lương",
		"Trần Neọc Căng":     "Trần Ngọc Căng", // a letter misread into no syllable
		"Lê Van Hùng":        "Lê Văn Hùng",
		"VÕ VAN BÌNH":        "VÕ VĂN BÌNH",
		"Nguyễn Thị Van":     "Nguyễn Thị Van", // a given name: Vân, Văn
		"Nguyễn Thị Van Anh": "Nguyễn Thị Van Anh",
		"Đặng Thị Ngọc Ảnh":  "Đặng Thị Ngọc Ánh", // the hook read for the acute
		"Trần Văn Khái":      "Trần Văn Khải",
		"Nguyễn Vãn Minh":    "Nguyễn Văn Minh", // the breve read as a tilde
		"Đinh La Thãng":      "Đinh La Thăng",
		"Trần Văn Lậc":       "Trần Văn Lậc", // can be spelt, no one's syllable (Lạc): as read, for review
		"Võ Địp Hùng":        "Võ Địp Hùng",
	} {
		if got, guessed := RepairGivenName(in); got != want || !guessed {
			t.Errorf("RepairGivenName(%q) = %q, %v; want %q, guessed", in, got, guessed, want)
		}
	}
	// A syllable of the language is a name, though no common one; and a
	// letter from two names (Tâm, Tân) is neither, nor a name of the
	// highlands' or the uplands' peoples (Yim is no Kim).
	for _, in := range []string{"Nguyễn Văn Lượng", "Trần Thi Hà", "Lê Văn Nghệ", "Lê Văn Tâx", "H' Yim Kđoh",
		"Giàng Seo Phử", "Lò Văn Pả"} { // the uplands', syllables no Kinh name has
		if got, guessed := RepairGivenName(in); got != in || guessed {
			t.Errorf("RepairGivenName(%q) = %q, %v; want it as read", in, got, guessed)
		}
	}
}

func TestRepairRole(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"⁄% TS Ú TỊCH", "CHỦ TỊCH", true}, // a seal over the first syllable
		{"PHÓ CHU TICH", "PHÓ CHỦ TỊCH", true},
		{"GIẢM ĐÓC", "GIÁM ĐỐC", true},
		{"%$ Ư", "%$ Ư", false},                   // nothing left to go on
		{"NGUYỄN VĂN AN", "NGUYỄN VĂN AN", false}, // no office
		// Two offices with the same letters: the one with the marks
		// nearer those read, and neither where they are as near.
		{"THỦ TRƯỜNG", "THỦ TRƯỞNG", true},
		{"THỨ TRƯỜNG", "THỨ TRƯỞNG", true},
		{"THÚ TRƯỞNG", "THÚ TRƯỞNG", false},
	} {
		got, ok := RepairRole(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("RepairRole(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// The head of a body (THỦ TRƯỞNG) and a minister's deputy (THỨ TRƯỞNG)
// have the same letters: a header's repair keeps the one printed, and
// puts neither in place of a reading as near to both.
func TestRepairHeaderKeepsTheTwinPrinted(t *testing.T) {
	for in, want := range map[string]string{
		"THỦ TRƯỞNG ĐƠN VỊ": "THỦ TRƯỞNG ĐƠN VỊ",
		"THỦ TRƯỞNG":        "THỦ TRƯỞNG",
		"THỨ TRƯỞNG":        "THỨ TRƯỞNG",
		"THỨ TRƯỜNG":        "THỨ TRƯỞNG",
		"THÚ TRƯỞNG":        "THÚ TRƯỞNG",
	} {
		if got := RepairHeader(in); got != want {
			t.Errorf("RepairHeader(%q) = %q, want %q", in, got, want)
		}
	}
	if !IsOffice("THỦ TRƯỞNG") || !IsOffice("THỨ TRƯỞNG") || IsOffice("THÚ TRƯỞNG") || !OfficeLetters("THÚ TRƯỞNG") {
		t.Error("THỦ TRƯỞNG and THỨ TRƯỞNG are both offices; THÚ TRƯỞNG is neither, with the letters of both")
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"VTLTNN", "VTLUTNN", 1}, {"tuấn", "tuần", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}} {
		if got := EditDistance(c.a, c.b); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// A unit begins the place's part of a name; the XÃ of XÃ HỘI (society)
// does not, the TỈNH of TỈNH ỦY (the province's committee) does.
func TestIsUnitAt(t *testing.T) {
	for name, want := range map[string]bool{
		"TỈNH QUẢNG NGÃI": true,
		"THÀNH PHỐ HUẾ":   true,
		"XÃ TỊNH KỲ":      true,
		"XÃ HỘI":          false,
		"xã hội tỉnh":     false,
		"TỈNH ỦY BÌNH AN": true,
		"HUYỆN ỦY":        true,
		"LAO ĐỘNG":        false,
	} {
		if got := IsUnitAt(strings.Fields(name)); got != want {
			t.Errorf("IsUnitAt(%q) = %v, want %v", name, got, want)
		}
	}
}

// The agencies headed with their parent body, and those heading
// themselves.
func TestHasParent(t *testing.T) {
	for issuer, want := range map[string]bool{
		"SỞ NỘI VỤ":                       true,
		"SƠ TÀI CHÍNH":                    true, // as read, its mark lost
		"PHÒNG TÀI CHÍNH - KẾ HOẠCH":      true,
		"CHI CỤC THỦY LỢI":                true,
		"BỆNH VIỆN ĐA KHOA TỈNH":          true,
		"TRƯỜNG THPT LỤC NGẠN SỐ 1":       true,
		"BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP": true,
		"VĂN PHÒNG":                       true,
		"THANH TRA TỈNH":                  true,
		"LĐLĐ TỈNH QUẢNG NAM":             true,
		"ỦY BAN NHÂN DÂN TỈNH BÌNH AN":    false,
		"BỘ TÀI CHÍNH":                    false,
		"VĂN PHÒNG CHÍNH PHỦ":             false,
		"THANH TRA CHÍNH PHỦ":             false,
		"HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM":  false,
		"TÒA ÁN NHÂN DÂN TỈNH BÌNH AN":    false,
		"BANG":                            false, // no word BAN
		"":                                false,
	} {
		if got := HasParent(issuer); got != want {
			t.Errorf("HasParent(%q) = %v, want %v", issuer, got, want)
		}
	}
}

func TestReceivedStampWords(t *testing.T) {
	for w, want := range map[string]bool{"ĐẾN": true, "ĐÊN,": true, "DEN": true, "đến": false, "ĐỀN": true, "SỞ": false} {
		if got := IsReceivedMark(w); got != want {
			t.Errorf("IsReceivedMark(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]bool{"Số:": true, "SỐ:": true, "Ngày:": true, "Chuyển:": true, "Số": false, "ngày": false, "Kính:": false} {
		if got := IsReceivedLabel(w); got != want {
			t.Errorf("IsReceivedLabel(%q) = %v, want %v", w, got, want)
		}
	}
}
