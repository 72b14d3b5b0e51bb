package dict

import (
	"strings"
	"testing"
)

func TestRepairCompound(t *testing.T) {
	for _, c := range []struct {
		a, b, wantA, wantB string
		changed            bool
	}{
		{"bô", "sung", "bổ", "sung", true},
		{"công", "bô", "công", "bố", true},
		{"Chuyến", "đổi", "Chuyển", "đổi", true},
		{"sửa", "đôi", "sửa", "đổi", true},
		{"một", "sô", "một", "số", true},
		{"cổ", "định", "cố", "định", true}, // a faded sắc read as a hỏi
		{"BÔ", "SUNG", "BỔ", "SUNG", true},
		{"bổ", "sung", "bổ", "sung", false},   // right already
		{"hoà", "giải", "hoà", "giải", false}, // right, in the old tone placement
		{"bò", "sữa", "bò", "sữa", false},     // no compound has these letters
		{"nhà", "nước", "nhà", "nước", false}, // right already
		{"cai", "cach", "cải", "cách", true},  // marks lost altogether
		{"bố", "trí", "bố", "trí", false},     // not in the list: left as read
		{"đự", "án", "dự", "án", true},        // the stroke of đ read on d
		{"chức", "đanh", "chức", "danh", true},
		{"buỗi", "làm", "buổi", "làm", true}, // the wrong one of two tones with a hat
		{"nhà", "đột", "nhà", "đột", false},  // no compound
		{"đột", "nát", "dột", "nát", true},   // nhà tạm, nhà dột nát
		{"đột", "xuất", "đột", "xuất", false},
		// Two words of the register with the same letters: either may be
		// meant, so neither is in the list.
		{"chi", "tiêu", "chi", "tiêu", false}, // quy chế chi tiêu nội bộ
		{"chỉ", "tiêu", "chỉ", "tiêu", false},
		{"bạo", "hành", "bạo", "hành", false},
		{"văn", "ban", "văn", "bản", true},
		{"mức", "chỉ", "mức", "chi", true},    // mức chi hỗ trợ: a dot read as a hook
		{"I.ao", "động", "Lao", "động", true}, // an L's foot read as a stop
		{"I.ao", "xao", "I.ao", "xao", false},
		{"úng", "hộ", "ủng", "hộ", true},
		{"bão", "lù", "bão", "lũ", true},
		// The names of agencies, in bold capitals (TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG).
		{"ĐIỆN", "LỤC", "ĐIỆN", "LỰC", true},
		{"MIẾN", "TRUNG", "MIỀN", "TRUNG", true},
		{"Quy", "định", "Quy", "định", false},
		{"chỉ", "tiết", "chi", "tiết", true},
		{"khóa", "học", "khóa", "học", false}, // khoa học and khóa học: neither listed
		{"Thành", "phô", "Thành", "phố", true},
		{"hao", "môn", "hao", "mòn", true},
	} {
		a, b, changed := RepairCompound(c.a, c.b)
		if a != c.wantA || b != c.wantB || changed != c.changed {
			t.Errorf("RepairCompound(%q, %q) = %q, %q, %v; want %q, %q, %v", c.a, c.b, a, b, changed, c.wantA, c.wantB, c.changed)
		}
	}
	for _, c := range [][2]string{{"văn", "bản"}, {"Hoà", "giải"}, {"BỔ", "SUNG"}} {
		if !IsCompound(c[0], c[1]) {
			t.Errorf("IsCompound(%q, %q) = false", c[0], c[1])
		}
	}
	for _, c := range [][2]string{{"văn", "ban"}, {"bản", "hành"}, {"chi", "tiêu"}} {
		if IsCompound(c[0], c[1]) {
			t.Errorf("IsCompound(%q, %q) = true", c[0], c[1])
		}
	}
}

func TestCompoundsUnique(t *testing.T) {
	seen := map[string]string{}
	for _, c := range compoundList {
		a, b, ok := strings.Cut(c, "_")
		if !ok || !IsSyllable(a) || !IsSyllable(b) {
			t.Errorf("%q is not two syllables joined by _", c)
		}
		k := Fold(c)
		if old, ok := seen[k]; ok && old != c {
			t.Errorf("%q and %q have the same letters: neither can be repaired", old, c)
		}
		seen[k] = c
	}
}

// Letters of a word of the register spelt as none of its words are a
// misreading, also where two words share the letters (phân bổ, phân bố).
func TestMisspeltCompound(t *testing.T) {
	for c, want := range map[[2]string]bool{
		{"phần", "bố"}: true, {"phân", "bổ"}: false, {"phân", "bố"}: false, {"Phân", "Bổ"}: false,
		{"bên", "vững"}: true, {"bền", "vững"}: false, {"hoà", "giải"}: false, {"hòa", "giải"}: false,
		{"chí", "tiêu"}: true, {"chi", "tiêu"}: false, {"văn", "phòng"}: false, {"xin", "chào"}: false,
		{"UBND", "tính"}: true, {"UBND", "tỉnh"}: false,
	} {
		if got := MisspeltCompound(c[0], c[1]); got != want {
			t.Errorf("MisspeltCompound(%q, %q) = %v, want %v", c[0], c[1], got, want)
		}
	}
}
