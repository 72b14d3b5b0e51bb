package extract

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The numbers a text cites are read as offices print them and OCR reads
// them, each once with the day given after it; not a header's own, not a
// figure without codes. A page of numbers gives maxCitations at most.
func TestCitations(t *testing.T) {
	for _, c := range []struct {
		name, text, self string
		want             []Citation
	}{
		{"a preamble's bases, each with its day or none",
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n" +
				"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;\n" +
				"Căn cứ Quyết định số 45/QĐ-UBND ngày 12/3/2024 của UBND tỉnh;\n" +
				"Xét đề nghị tại Tờ trình số 112/TTr-STC.",
			"46/QĐ-UBND",
			[]Citation{{"30/2020/NĐ-CP", "2020-03-05"}, {"45/QĐ-UBND", "2024-03-12"}, {"112/TTr-STC", ""}}},
		{"the Party's numbers", "Thực hiện Nghị quyết số 12-NQ/TW ngày 03/01/2012 và Chỉ thị 05-CT/TU.", "",
			[]Citation{{"12-NQ/TW", "2012-01-03"}, {"05-CT/TU", ""}}},
		{"its own number, in the header and in the body, is none", "Số: 45/QĐ-UBND\nĐiều 3. Quyết định 45/QĐ-UBND có hiệu lực", "45/QĐ-UBND", nil},
		{"the header's Số: is none when the number was not read", "Số: 45/QĐ-UBND\nQuảng Ngãi, ngày 12 tháng 3 năm 2024", "", nil},
		{"a sentence's số: cites", "Thực hiện các Quyết định số: 1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024", "",
			[]Citation{{"1743/QĐ-BGTVT", ""}, {"1744/QĐ-BGTVT", "2024-12-31"}}},
		{"a number cited again, first without its day", "theo Công văn 1060/BTC-QLCS. Công văn số 1060/BTC-QLCS ngày 21/01/2025 nêu", "",
			[]Citation{{"1060/BTC-QLCS", "2025-01-21"}}},
		{"one number of two years: two documents", "Quyết định số 45/QĐ-UBND ngày 05/01/2023 và Quyết định số 45/QĐ-UBND ngày 12/3/2024; Quyết định 45/QĐ-UBND", "",
			[]Citation{{"45/QĐ-UBND", "2023-01-05"}, {"45/QĐ-UBND", "2024-03-12"}}},
		{"its codes wrapped after a hyphen", "Thực hiện Công điện số 131/CĐ-\nTTg ngày 20/12/2024 và Nghị quyết số 83/NQ-\nHĐND", "",
			[]Citation{{"131/CĐ-TTg", "2024-12-20"}, {"83/NQ-HĐND", ""}}},
		{"a space before the slash", "theo Kế hoạch số 23 /KH-UBND ngày 30/01/2024", "", []Citation{{"23/KH-UBND", "2024-01-30"}}},
		{"a space read after a hyphen", "Nghị quyết số 17/NQ- CP ngày 07/3/2019 của Chính phủ; Quyết định 45/QĐ-UBND - Lưu", "",
			[]Citation{{"17/NQ-CP", "2019-03-07"}, {"45/QĐ-UBND", ""}}},
		{"read without marks or the space after số", "theo cong van so168/UBND-KTTH ngay 21/01/2025", "",
			[]Citation{{"168/UBND-KTTH", "2025-01-21"}}},
		{"a figure OCR could not read before it", "tại Công văn số 2§7/STC-HCSN ngày 04/02/2025 và (số 12/TTr-STC)", "",
			[]Citation{{"12/TTr-STC", ""}}},
		{"no code: a date, a fraction, a rate, an address", "ngày 12/3/2024, 1/2 số hộ, 2 lần/năm, số 12/3 đường Lê Lợi, mã 12/abc", "", nil},
	} {
		if got := Citations(c.text, c.self); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Citations = %q, want %q", c.name, got, c.want)
		}
	}
	var many strings.Builder
	for i := range 200 {
		fmt.Fprintf(&many, "Công văn số %d/UBND-VP; ", i+1)
	}
	if got := Citations(many.String(), ""); len(got) != maxCitations || got[0].Number != "1/UBND-VP" {
		t.Errorf("%d citations of 200 numbers; want the first %d, from 1/UBND-VP", len(got), maxCitations)
	}
}

func FuzzCitations(f *testing.F) {
	f.Add("Căn cứ Quyết định số 45/QĐ-UBND ngày 12/3/2024; Nghị quyết 12-NQ/TW", "46/QĐ-UBND")
	f.Add("Số: 45/QĐ-UBND ngày 30 tháng 12 năm 2024", "")
	f.Fuzz(func(t *testing.T, text, self string) {
		got := Citations(text, self)
		if len(got) > maxCitations {
			t.Fatalf("%d citations", len(got))
		}
		for _, c := range got {
			if c.Number == "" || !utf8.ValidString(c.Number) {
				t.Fatalf("citation %q", c.Number)
			}
			if c.Date != "" && len(c.Date) != len("2006-01-02") {
				t.Fatalf("date %q", c.Date)
			}
		}
	})
}
