package dict

import (
	"slices"
	"strings"
	"testing"
)

func TestRepairProvince(t *testing.T) {
	for _, c := range []struct{ unit, next, wantUnit, wantNext string }{
		// The marks lost at 100 dpi or in 1 bit.
		{"TỈNH", "QUANG NGAI", "TỈNH", "QUẢNG NGÃI"},
		{"TỈNH", "QUẢNG NGAI", "TỈNH", "QUẢNG NGÃI"},
		{"tĩnh", "Quảng Ngãi", "tỉnh", "Quảng Ngãi"},
		{"tính", "Thừa Thiên Huê.", "tỉnh", "Thừa Thiên Huế."},
		{"tỉnh", "Ba Ria - Vung Tau;", "tỉnh", "Bà Rịa - Vũng Tàu;"},
		{"PHỐ", "HA NOI", "PHỐ", "HÀ NỘI"},
		// After TỈNH, one letter off in a long name.
		{"TỈNH", "QUANG NGAÀI", "TỈNH", "QUẢNG NGÃI"},
		{"TỈNH", "THANH HOAA", "TỈNH", "THANH HÓA"},
		{"PHỐ", "GIA LAM", "PHỐ", "GIA LAM"}, // a city of its own, near Gia Lai
		// The space between its syllables lost.
		{"TỈNH", "NGHỆAN", "TỈNH", "NGHỆ AN"},
		{"tỉnh", "Quảngngãi,", "tỉnh", "Quảng Ngãi,"},
		{"TỈNH", "NGHEANX", "TỈNH", "NGHEANX"},
		// The name is a province's only after its unit, and only near
		// its own letters.
		{"ông", "Quang Nam", "ông", "Quang Nam"},
		{"tỉnh", "Quảng Ngũu", "tỉnh", "Quảng Ngũu"}, // two letters off
		{"tinh", "thần", "tinh", "thần"},
	} {
		u, n, changed := RepairProvince(c.unit, strings.Fields(c.next))
		if u != c.wantUnit || strings.Join(n, " ") != c.wantNext {
			t.Errorf("RepairProvince(%q, %q) = %q, %q; want %q, %q", c.unit, c.next, u, strings.Join(n, " "), c.wantUnit, c.wantNext)
		}
		if changed != (c.unit != c.wantUnit || c.next != c.wantNext) {
			t.Errorf("RepairProvince(%q, %q) says changed %v", c.unit, c.next, changed)
		}
	}
}

func TestRepairUnit(t *testing.T) {
	for _, c := range []struct{ unit, next, want string }{
		// A name whose marks a coarse scan changed, the one name of
		// its letters.
		{"HUYỆN", "MÔ ĐỨC", "MỘ ĐỨC"},
		{"XÃ", "BÌNH HÁI", "BÌNH HẢI"},
		{"xã", "Bình Hái, huyện Bình Sơn", "Bình Hải, huyện Bình Sơn"},
		{"Huyện", "Mo Duc", "Mộ Đức"},
		{"phường", "Trúc Bach.", "Trúc Bạch."},
		// A stroke read inside a word of it (a rule's or an emblem's).
		{"HUYỆN", "S[I MA CAI", "SI MA CAI"},
		{"HUYỆN", "M|Ộ ĐỨC", "MỘ ĐỨC"},
		// Read right (in either tone placement), or no name of a unit.
		{"HUYỆN", "MỘ ĐỨC", "MỘ ĐỨC"},
		{"xã", "Bình Hưng Hòa A", "Bình Hưng Hòa A"},
		{"HUYỆN", "XYZ ABC", "XYZ ABC"},
		// The letters of several names (Đông Sơn, Đồng Sơn): not guessed.
		{"huyện", "Dong Son", "Dong Son"},
		// Only after a unit's word, and only names in capitals.
		{"ông", "Mô Đức", "Mô Đức"},
		{"QUÂN", "ĐOÀN 3", "ĐOÀN 3"},
		{"xã", "bình hái", "bình hái"},
		{"XÃ", "HỘI CHỦ NGHĨA", "HỘI CHỦ NGHĨA"},
		// A province's name is RepairProvince's.
		{"PHỐ", "ĐÀ NẴNG", "ĐÀ NẴNG"},
		// The communes and wards of 1 July 2025, as those of before.
		{"XÃ", "CHIÊN ĐAN", "CHIÊN ĐÀN"},
		{"PHƯỜNG", "TÂN SƠN NHÂT", "TÂN SƠN NHẤT"},
		{"Xã", "Sa Huynh", "Sa Huỳnh"},
	} {
		n, changed := RepairUnit(c.unit, strings.Fields(c.next))
		if strings.Join(n, " ") != c.want {
			t.Errorf("RepairUnit(%q, %q) = %q; want %q", c.unit, c.next, strings.Join(n, " "), c.want)
		}
		if changed != (c.next != c.want) {
			t.Errorf("RepairUnit(%q, %q) says changed %v", c.unit, c.next, changed)
		}
	}
	for _, name := range []string{"Mộ Đức", "BÌNH HẢI", "Bình Hưng Hoà A", "Tịnh Kỳ", "An Hội Tây", "Văn Miếu - Quốc Tử Giám", "Cư M’gar"} {
		if !IsUnitName(name) {
			t.Errorf("IsUnitName(%q) = false", name)
		}
	}
	for _, name := range []string{"Mô Đức", "Bình Hái", "Hà Nẵng"} {
		if IsUnitName(name) {
			t.Errorf("IsUnitName(%q) = true", name)
		}
	}
}

func TestPlaceNamed(t *testing.T) {
	header := []string{"UBND THỊ XÃ HOÀI NHƠN", "UBND PHƯỜNG HOÀI NHƠN BẮC", "BỘ NỘI VỤ", "UBND XÃ IA", "TỈNH ĐOÀN BÌNH AN"}
	for _, c := range []struct {
		place string
		want  bool
	}{
		{"Đà Nẵng", true},
		{"Thành phố Hồ Chí Minh", true},
		{"TP. Hồ Chí Minh", true},
		{"Tp.Hồ Chí Minh", true},
		{"TP. HCM", true},
		{"Bà Rịa - Vũng Tàu", true},     // the list has Bà Rịa Vũng Tàu
		{"Phan Rang - Tháp Chàm", true}, // and Phan Rang-Tháp Chàm
		{"Thị xã Sơn Tây", true},
		{"TX. Sơn Tây", true},
		{"Quận 1", true},
		{"Mộ Đức", true},
		{"Khánh Hoà", true},     // either tone placement
		{"Hoài Nhơn Bắc", true}, // a ward of 2025, as its header names it
		{"Bình An", true},       // the name a unit's line ends with
		{"Ia", true},            // after a unit's word
		{"Hà Nẵng", false},
		{"Nội", false}, // Hà Nội read without its first word, a word of the header within a line
		{"Bắc", false}, // a line's last word alone
		{"DĐúk Nông", false},
		{"Nhơn Bắc Hoài", false},
		{"Thành phố", false},
		{"", false},
	} {
		if got := PlaceNamed(c.place, header); got != c.want {
			t.Errorf("PlaceNamed(%q) = %v, want %v", c.place, got, c.want)
		}
	}
}

func TestRepairPlace(t *testing.T) {
	header := []string{"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 12/UBND-KT"}
	district := []string{"ỦY BAN NHÂN DÂN", "HUYỆN PHÙ YÊN"}
	for _, c := range []struct {
		place  string
		header []string
		want   string
	}{
		{"Quảng Ngài", header, "Quảng Ngãi"},
		{"Quang Ngai", header, "Quảng Ngãi"},
		{"Quảng Ngãi", header, "Quảng Ngãi"},
		// A district that has a province's letters is spelt as its own
		// header spells it.
		{"Phu Yên", district, "Phù Yên"},
		// A place the header does not name is left as read.
		{"Hà Nội", header, "Hà Nội"},
		{"Quảng Voãi", header, "Quảng Ngãi"}, // two letters off in ten
		{"Quảng Voãu", header, "Quảng Voãu"}, // three
		{"Hà Nam", []string{"TỈNH HÀ NAM"}, "Hà Nam"},
		// A place no name as read, and the letters of one name only in
		// the country, is that name.
		{"Ha Tinh", []string{"TỈNH HÀ NAM"}, "Hà Tĩnh"},
		{"Hà Nôi", header, "Hà Nội"},
		{"Đà Lat", nil, "Đà Lạt"},
		{"Tp. Hồ Chí Mính", nil, "Tp. Hồ Chí Minh"},
		{"Phan Rang - Tháp Chảm", nil, "Phan Rang - Tháp Chàm"},
		{"Hồ Tram", nil, "Hồ Tràm"}, // a commune of 2025
		// A place several names share the letters of, or none, is left.
		{"Phu Cat", nil, "Phu Cat"}, // Phù Cát, Phú Cát
		{"Bình Án", nil, "Bình Án"}, // Bình An, Bình Ân
		{"Hà Nẵng", nil, "Hà Nẵng"},
		{"", header, ""},
		// A fax's line of plain letters over the header has fewer marks
		// than the place as read.
		{"Bình An", []string{"12/03/2019 10:23 FAX UBND TINH BINH AN P.001", "UBND TỈNH BÌNHAN"}, "Bình An"},
		{"Binh An", []string{"UBND TINH BINH AN", "UBND TỈNH BÌNH AN"}, "Bình An"},
	} {
		if got := RepairPlace(c.place, c.header); got != c.want {
			t.Errorf("RepairPlace(%q, %q) = %q, want %q", c.place, c.header, got, c.want)
		}
	}
}

// Two provinces never share their letters without marks: a name read
// without them is one province's.
func TestProvincesUnique(t *testing.T) {
	var keys []string
	for _, p := range provinces {
		keys = append(keys, p.key)
	}
	slices.Sort(keys)
	if k := slices.Compact(slices.Clone(keys)); len(k) != len(keys) {
		t.Errorf("%d provinces, %d keys", len(keys), len(k))
	}
}

// A province's name with a letter Vietnamese has not in it is the
// province misread, without a unit word before it; one read in letters
// of the language is left as read.
func TestRepairMisreadProvince(t *testing.T) {
	for _, c := range []struct {
		in, want string
		changed  bool
	}{
		{"Quảng Nøãi trong thời gian", "Quảng Ngãi trong thời gian", true},
		{"QUẢNG NGÄI", "QUẢNG NGÃI", true},
		{"Quang Ngai trong", "Quang Ngai trong", false}, // letters of the language
		{"Quảng Ngãi", "Quảng Ngãi", false},
		{"Nøãi Quảng", "Nøãi Quảng", false},
		{"Hà Nøi", "Hà Nøi", false}, // eight letters or more to be one off
	} {
		got, changed := RepairMisreadProvince(strings.Fields(c.in))
		if s := strings.Join(got, " "); s != c.want || changed != c.changed {
			t.Errorf("RepairMisreadProvince(%q) = %q, %v; want %q, %v", c.in, s, changed, c.want, c.changed)
		}
	}
}

// An agency's unit named with other marks than the date line's place: one
// of the two was misread.
func TestNamedOtherwise(t *testing.T) {
	for _, c := range []struct {
		agency, place string
		want          bool
	}{
		{"UBND TỈNH BINH AN", "Bình An", true},
		{"ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "Bính An", true},
		{"UBND TỈNH BÌNH AN", "Bình An", false},
		{"UBND TỈNH KHÁNH HÒA", "Khánh Hoà", false}, // either tone placement
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "TP. Hồ Chí Minh", false},
		{"SỞ Y TẾ", "Bình An", false},
		{"BỘ NỘI VỤ", "Hà Nội", false},
		{"TRƯỜNG THPT BÌNH AN", "Bính An", false}, // a school's name, no unit's
	} {
		if got := NamedOtherwise(c.agency, c.place); got != c.want {
			t.Errorf("NamedOtherwise(%q, %q) = %v, want %v", c.agency, c.place, got, c.want)
		}
	}
}

func TestUnknownDistrict(t *testing.T) {
	for _, c := range []struct {
		agency string
		want   bool
	}{
		{"UBND HUYỆN SMA CAI", true}, // Si Ma Cai, a syllable lost
		{"UBND HUYỆN SI MA CAI", false},
		{"ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN", false},
		{"UBND HUYỆN BINH SƠN", true}, // a mark lost: no district's name
		{"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THỊ XÃ SƠN TÂY", false},
		{"UBND THỊ XÃ SƠN TẤY", true},
		{"UBND QUẬN 1", false},
		{"UBND HUYỆN ĐẢO PHÚ QUÝ", false},
		{"HUYỆN ỦY BÌNH SƠN", false},
		{"UBND XÃ HOÀI NHƠN BẮC", false}, // a commune's name may be new
		{"SỞ Y TẾ", false},
		{"UBND HUYỆN", false},
	} {
		if got := UnknownDistrict(c.agency); got != c.want {
			t.Errorf("UnknownDistrict(%q) = %v, want %v", c.agency, got, c.want)
		}
	}
}
