package ocr

import "testing"

func TestCorrect(t *testing.T) {
	seen := map[string]int{"huỳnh": 0}
	tests := []struct{ in, want string }{
		// Numbers read with letters.
		{"2O21", "2021"}, {"l5/", "15/"}, {"1I", "11"}, {"(2O2l)", "(2021)"},
		// Words that are already possible syllables are never touched.
		{"đối", "đối"}, {"TĨNH", "TĨNH"}, {"Hòa", "Hòa"}, {"lịnh", "lịnh"},
		// Acronyms and codes stay.
		{"UBND", "UBND"}, {"HĐND", "HĐND"}, {"VT,", "VT,"}, {"NĐ-CP", "NĐ-CP"}, {"TCCB", "TCCB"}, {"CNTT", "CNTT"},
		// Impossible syllables one mark from a unique best one.
		{"Hưỳnh", "Huỳnh"}, {"TICH", "TỊCH"}, {"tỉch", "tịch"},
		// Impossible, and no evidence to choose: left as read.
		{"xqz", "xqz"}, {"Voffice", "Voffice"},
		// Punctuation around a word is kept.
		{"Hưỳnh,", "Huỳnh,"}, {"", ""}, {"—", "—"},
	}
	for _, tt := range tests {
		if got := Correct(tt.in, seen); got != tt.want {
			t.Errorf("Correct(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The page's own spelling decides between equally close repairs.
	if got := Correct("TICH", map[string]int{"tích": 3}); got != "TÍCH" {
		t.Errorf("Correct(TICH) with tích on the page = %q", got)
	}
}

func FuzzCorrect(f *testing.F) {
	for _, s := range []string{"Hưỳnh", "2O21", "TICH", "đối", "a\u0301\u0300", "—"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Correct(s, map[string]int{})
	})
}
