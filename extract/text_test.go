package extract

import (
	"testing"
)

func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"Về việc hỗ trợ nhà đầu tư ——__ thực hiện dự án": "Về việc hỗ trợ nhà đầu tư thực hiện dự án",
		"nhiệm kỳ 2021 - 2026": "nhiệm kỳ 2021 - 2026",
		"- Như trên;":          "Như trên",
		"  V/v   góp ý  ":      "V/v góp ý",
		"'TUQ. CHỦ TỊCH":       "TUQ. CHỦ TỊCH", // a speck in 1 bit read as an apostrophe
		"`TM. BAN THƯỜNG VỤ":   "TM. BAN THƯỜNG VỤ",
	} {
		if got := cleanLine(in); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGarbled(t *testing.T) {
	for w, want := range map[string]bool{
		"QI)-TTe": true, "Vưấi,": true, "cua": false, "Quyết": false, "2269/QĐ-TTg": false, "V/v": false,
		"COVID-19": false, "(b/c);": false, "–": false, "—": false, "...": false, "QĐĐ-UBND": false, "ngàn": false, "TXHH": false, "2025.": false, "-": false, "Rịa-Vũng": false,
	} {
		if got := garbled(w); got != want {
			t.Errorf("garbled(%q) = %v, want %v", w, got, want)
		}
	}
}

// A trích yếu that holds a word of the register spelt as none of the
// words with its letters was misread; the end of one word and the start
// of the next that have such letters (bản | hành chính) were not.
func TestMisspeltPair(t *testing.T) {
	for s, want := range map[string]bool{
		"Về việc phần bố vốn thực hiện Chương trình": true,
		"Về việc phân bổ vốn thực hiện Chương trình": false,
		"Về việc ban hành văn bản hành chính":        false,
		"Giảm nghèo bên vững năm 2019":               true,
		"Kế hoạch phần bố, kinh phí":                 true,
		"Về việc phần, bố trí kinh phí":              false, // a comma parts them
	} {
		if got := misspeltPair(s); got != want {
			t.Errorf("misspeltPair(%q) = %v, want %v", s, got, want)
		}
	}
}
