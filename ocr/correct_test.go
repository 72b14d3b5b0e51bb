package ocr

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanthu/vanthu"
)

func TestCorrect(t *testing.T) {
	seen := map[string]int{"huỳnh": 0}
	tests := []struct{ in, want string }{
		// Numbers read with letters.
		{"2O21", "2021"}, {"l5/", "15/"}, {"1I", "11"}, {"(2O2l)", "(2021)"},
		{"3Í", "31"}, {"3I\u0301", "31"}, {"Í", "Í"}, {"IÍ", "IÍ"}, {"Ì9", "19"},
		// Words that are already possible syllables are never touched.
		{"đối", "đối"}, {"TĨNH", "TĨNH"}, {"Hòa", "Hòa"}, {"lịnh", "lịnh"},
		// Acronyms and codes stay.
		{"UBND", "UBND"}, {"HĐND", "HĐND"}, {"VT,", "VT,"}, {"NĐ-CP", "NĐ-CP"}, {"TCCB", "TCCB"}, {"CNTT", "CNTT"},
		// Impossible syllables one mark from a unique best one.
		{"Hưỳnh", "Huỳnh"}, {"TICH", "TỊCH"}, {"tỉch", "tịch"},
		// A syllable of small letters with marks that no one writes, one
		// mark from one in use (the stroke of đ too many). A capital may
		// begin a name no list holds; a word without marks may be of
		// another language.
		{"địp", "dịp"}, {"(địp", "(dịp"}, {"Địp", "Địp"}, {"Lắk", "Lắk"}, {"dip", "dip"},
		// The horn of ư read as the ơ's beside it, in any case; uơ in use
		// stays.
		{"nguời", "người"}, {"Truờng", "Trường"}, {"ĐUỢC", "ĐƯỢC"}, {"thuở", "thuở"}, {"huơ", "huơ"},
		// Two tones read on one word: each alone is a mark away.
		{"vỉệc", "việc"},
		// Impossible, and no evidence to choose: left as read.
		{"xqz", "xqz"}, {"Voffice", "Voffice"},
		// Two syllables run together are parted, where only one parting
		// exists and the word has marks.
		{"Vềviệc", "Về việc"}, {"CHỦTỊCH", "CHỦ TỊCH"}, {"Vevice", "Vevice"},
		// The slashes OCR reads for the solidus are the solidus.
		{"V\u2044v", "V/v"}, {"574\u2215UBND-KTTH", "574/UBND-KTTH"}, {"V\uFF0Fv", "V/v"},
		// A type code read without its Đ, a code of no type, takes it
		// back; a code of a type stays.
		{"2269/QD-TTg", "2269/QĐ-TTg"}, {"72/2024/QD-UBND;", "72/2024/QĐ-UBND;"}, {"125-QD/HU", "125-QĐ/HU"},
		{"08/2016/ND-CP", "08/2016/NĐ-CP"}, {"05/HD-SNV", "05/HD-SNV"}, {"12/DA-UBND", "12/DA-UBND"},
		{"45/UBND-VX", "45/UBND-VX"}, {"Q1-TTg", "Q1-TTg"},
		// Its Đ read as both letters, D and Đ.
		{"45/2019/NDĐ-CP", "45/2019/NĐ-CP"},
		// A vowel read twice, bare and marked, is read once, marked.
		{"MIÊỀN", "MIỀN"}, {"nguyêễn", "nguyễn"}, {"quyêết", "quyết"},
		// A đ read as d and đ side by side is read once; a code in
		// capitals has DĐ of its own.
		{"Kđdoh", "Kđoh"}, {"DĐúk", "Đúk"}, {"Dđoàn", "Đoàn"}, {"dđường,", "đường,"}, {"SGDĐT", "SGDĐT"}, {"dd", "dd"},
		{"1502/SGDĐT-GDTrH", "1502/SGDĐT-GDTrH"}, {"SGDĐTrH", "SGDĐTrH"}, {"DĐ", "DĐ"},
		// Punctuation around a word is kept.
		{"Hưỳnh,", "Huỳnh,"}, {"", ""}, {"—", "—"},
	}
	for _, tt := range tests {
		if got := Correct(tt.in, seen); got != tt.want {
			t.Errorf("Correct(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The page's own syllables part a word two ways to part: BÌNHAN is
	// BÌ NHAN or BÌN HAN too, but the page has Bình An (its date line,
	// "Bình An, ngày …").
	page := pageSyllables([]vanthu.Word{{Text: "Bình"}, {Text: "An,"}, {Text: "ngày"}})
	for _, c := range []struct {
		seen map[string]int
		want string
	}{{page, "BÌNH AN"}, {map[string]int{}, "BÌNHAN"}} {
		if got := Correct("BÌNHAN", c.seen); got != c.want {
			t.Errorf("Correct(BÌNHAN) with %v on the page = %q, want %q", c.seen, got, c.want)
		}
	}
	// The page's own spelling decides between equally close repairs.
	if got := Correct("TICH", map[string]int{"tích": 3}); got != "TÍCH" {
		t.Errorf("Correct(TICH) with tích on the page = %q", got)
	}
}

func TestSplitPunct(t *testing.T) {
	for _, c := range []struct{ in, core, pre, post string }{
		{"Số:", "Số", "", ":"},
		{"(đổi),", "đổi", "(", "),"},
		{"ĐỐC.", "ĐỐC", "", "."},
		{"2021)", "2021", "", ")"},
		{"—", "", "—", ""},
	} {
		core, pre, post := splitPunct(c.in)
		if core != c.core || pre != c.pre || post != c.post {
			t.Errorf("splitPunct(%q) = %q, %q, %q; want %q, %q, %q", c.in, core, pre, post, c.core, c.pre, c.post)
		}
	}
}

func FuzzCorrect(f *testing.F) {
	for _, s := range []string{"Hưỳnh", "2O21", "TICH", "đối", "a\u0301\u0300", "—", "Số:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Correct(s, map[string]int{})
		core, pre, post := splitPunct(s)
		if pre+core+post != s {
			t.Fatalf("splitPunct(%q) = %q + %q + %q", s, pre, core, post)
		}
		if utf8.ValidString(s) && !utf8.ValidString(core) {
			t.Fatalf("splitPunct(%q) cut a letter: %q", s, core)
		}
	})
}

// A reading of letters of no language is a page upside down; a poor
// upright reading, or too few words to tell, is not.
func TestReadsTurned(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		// TestShortLetterUpsideDown's letter read upside down
		{"ñA IỌN ỌS NV HNIH HNIL qNdfñ Bưo2 Bưởn ỌS A/A qNHÑ XVI 2A2Ø-ANS/STE", true},
		// a fax read upright, with its abbreviations and misreadings
		{"UBND TỈNH BÌNH AN SỞ NỘI VỤ Số: 315/SNV-CCVC V/v báo cáo sô lượng công chức Kính gửi: Các sở, ban, ngành tinh. Thực hiện Công văn", false},
		{"qNHÑ XVI ỌS", false},
	} {
		var words []vanthu.Word
		for _, s := range strings.Fields(c.text) {
			words = append(words, vanthu.Word{Text: s})
		}
		if got := readsTurned(words); got != c.want {
			_, share := syllables(words)
			t.Errorf("readsTurned(%q) = %v (syllables %.2f), want %v", c.text, got, share, c.want)
		}
	}
}
