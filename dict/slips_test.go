package dict

import (
	"strings"
	"testing"
)

func TestRepairSlip(t *testing.T) {
	for _, c := range []struct {
		run  string // the words, the one to repair in [brackets]
		want string
	}{
		{"điều [cua] Quyết định", "của"},
		{"số 2269/QĐ-TTg [vẻ] Chương trình", "về"},
		{"ý kiến [cùa] UBND tỉnh", "của"},
		{"báo cáo [vẻ] tình hình", "về"}, // a compound of the register after it
		{"trách nhiệm [cua] cơ quan", "của"},
		{"[Vẻ] việc", "Về"},
		{"[dế] thực hiện", "để"},
		{"trách nhiệm [cúa] các", "của"},
		{"[dõi] với", "đối"},
		{"[Doi] với", "Đối"},
		{"ưu tiên [đoi] với", "đối"},
		{"[đôi] với ông", "đối"},
		{"đi [đôi] với", "đôi"},
		{"[đôi] giày", "đôi"},
		{"chính sách [dối] với", "đối"},
		{"nói [dối] với", "dối"},
		{"thường xuyên [đổi] với", "đối"}, // a faded sắc read as a hỏi
		{"trao [đổi] với", "đổi"},
		{"thay [đổi] với", "đổi"},
		// Their own words where nothing after them says otherwise.
		{"mang [vẻ] đẹp", "vẻ"},
		{"nuôi [cua] biển", "cua"},
		{"con [cua]", "cua"},
		{"[vế] sau", "vế"},
		{"theo [dõi] với", "dõi"},
		{"[dõi] theo", "dõi"},
		// Thứ, counting a meeting or a time.
		{"kỳ họp [thử] 31", "thứ"},
		{"lần [thư] 2", "thứ"},
		{"[thử] 3 lần", "thử"},
		{"kỳ họp [thử] nghiệm", "thử"},
		// Words that are no slip.
		{"[về] Chương trình", "về"},
		{"[của] UBND", "của"},
	} {
		words := strings.Fields(strings.NewReplacer("[", "", "]", "").Replace(c.run))
		at := 0
		for i, w := range strings.Fields(c.run) {
			if strings.HasPrefix(w, "[") {
				at = i
			}
		}
		got, changed := RepairSlip(words, at)
		if got != c.want || changed != (c.want != words[at]) {
			t.Errorf("RepairSlip(%q) = %q, %v; want %q", c.run, got, changed, c.want)
		}
	}
}
