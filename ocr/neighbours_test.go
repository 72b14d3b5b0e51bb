package ocr

import (
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

func TestCorrectCompounds(t *testing.T) {
	line := func(line int, texts ...string) []vanthu.Word {
		var ws []vanthu.Word
		for _, s := range texts {
			ws = append(ws, vanthu.Word{Text: s, Line: line})
		}
		return ws
	}
	words := append(line(1, "V/v", "đăng", "ký", "bô", "sung", "nội", "dung,", "công", "bô"), line(3, "sung", "vào")...)
	words = append(words, line(4, "sửa", "đôi,", "bô", "(sung)", "chuyến")...)
	words = append(words, line(5, "đổi", "số")...)
	words = append(words, line(7, "THÔNG", "BÁO")...)
	words = append(words, line(8, "Vệ", "việc")...)
	words = append(words, line(9, "Chủ", "tịch", "UBND", "tính", "Võ", "Phiên;", "UBND", "TINH")...)
	words = append(words, line(10, "Quyết", "định", "sô", "2269/QĐ-TTg,", "Sỗ", "15", "sô", "liệu", "sô")...)
	words = append(words, line(11, "15")...)
	words = append(words, line(13, "trình", "bày", "văn", "bản", "hành", "chính,", "cờ", "quan", "ban", "hành")...)
	words = append(words, line(14, "văn", "ban", "hành", "chính,", "tại", "buỗi", "làm", "việc")...)
	words = append(words, line(15, "một", "số", "điểu")...)
	words = append(words, line(16, "điều", "cua", "Quyết", "định", "vẻ", "Chương", "trình;", "cua", "-", "Quyết", "vẻ")...)
	words = append(words, line(17, "tình", "hình", "nuôi", "cua", "biển")...)
	words = append(words, line(18, "Công", "ty", "TXHH", "MTV;", "tỉnh", "TXHH")...)
	words = append(words, line(19, "công", "tác", "phòng,", "chồng", "hạn", "hán;", "nội", "dung,", "sung")...)
	words = append(words, line(20, "Liên", "đoàn", "I.ao", "động", "I.ao", "xao")...)
	words = append(words, line(21, "quan", "hệ", "thông", "qua", "hệ", "thông", "lofice")...)
	CorrectCompounds(words)
	// Across punctuation, or lines that do not follow each other, no
	// pair is made; a compound wraps to the next line. "số" before a
	// numeral on its line. A word that makes a compound with the word
	// before it is not respelt to make one with the next (bản hành has
	// the letters of ban hành); the next word may be (một số điểu). A
	// slip of của or về before a name or a compound of the register, on
	// its line or wrapped to the next, not across punctuation, but the
	// comma of phòng, chống. An L read as I and a stop. Nor is a word
	// that makes a compound with the word after it (thông qua).
	want := "V/v đăng ký bổ sung nội dung, công bố sung vào sửa đổi, bô (sung) chuyển đổi số THÔNG BÁO Vệ việc " +
		"Chủ tịch UBND tỉnh Võ Phiên; UBND TỈNH Quyết định số 2269/QĐ-TTg, Số 15 sô liệu sô 15 " +
		"trình bày văn bản hành chính, cơ quan ban hành văn bản hành chính, tại buổi làm việc một số điều " +
		"điều của Quyết định về Chương trình; cua - Quyết về tình hình nuôi cua biển Công ty TNHH MTV; tỉnh TXHH " +
		"công tác phòng, chống hạn hán; nội dung, sung Liên đoàn Lao động I.ao xao quan hệ thông qua hệ thống lofice"
	if s := textOf(words); s != want {
		t.Errorf("CorrectCompounds:\n got %s\nwant %s", s, want)
	}
}

func TestCorrectProvinces(t *testing.T) {
	var words []vanthu.Word
	for i, l := range []string{
		"ỦY BAN NHÂN DÂN TỈNH QUANG NGAI",
		"tại tĩnh Quảng Ngãi, thành phố Ha Noi.",
		"TỈNH,", "QUANG NGAI", // not on the unit's line: left
		"ông Quang Nam",
		"dịch vụ Quảng Nøãi trong",
		"UBND HUYỆN MÔ ĐỨC",
		"SỞ GD&ĐT BAC GIANG",
		"SỞ TƯ PHÁP BÁC NINH",                                       // a breve read as a sắc
		"BAN DÂN TỘC HOÀ BÌNH",                                      // spelt so, in the old tone placement
		"SỞ Y TẾ LONG AN", "CÔNG AN BAC GIANG MỚI", "ông BAC GIANG", // no marks to give back; not at the end; not after capitals
	} {
		for _, s := range strings.Fields(l) {
			words = append(words, vanthu.Word{Text: s, Line: i})
		}
	}
	CorrectProvinces(words)
	want := "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI tại tỉnh Quảng Ngãi, thành phố Hà Nội. TỈNH, QUANG NGAI ông Quang Nam " +
		"dịch vụ Quảng Ngãi trong UBND HUYỆN MỘ ĐỨC SỞ GD&ĐT BẮC GIANG SỞ TƯ PHÁP BẮC NINH BAN DÂN TỘC HOÀ BÌNH SỞ Y TẾ LONG AN CÔNG AN BAC GIANG MỚI ông BAC GIANG"
	if s := textOf(words); s != want {
		t.Errorf("CorrectProvinces:\n got %s\nwant %s", s, want)
	}
}

// A header's row read as one line across both columns: the agency's name
// ends at the gap before the Quốc hiệu.
func TestCorrectProvincesBeforeAGap(t *testing.T) {
	var words []vanthu.Word
	x := 100
	for _, s := range strings.Fields("SỞ GD&ĐT BAC GIANG | CỘNG HÒA XÃ HỘI") {
		if s == "|" {
			x += 400 // the gap between the columns
			continue
		}
		words = append(words, vanthu.Word{Text: s, X0: x, X1: x + 20*len([]rune(s)), Y0: 100, Y1: 130})
		x += 20*len([]rune(s)) + 12
	}
	CorrectProvinces(words)
	if s, want := textOf(words), "SỞ GD&ĐT BẮC GIANG CỘNG HÒA XÃ HỘI"; s != want {
		t.Errorf("CorrectProvinces:\n got %s\nwant %s", s, want)
	}
}

// textOf is the words' texts, a space between each two.
func textOf(words []vanthu.Word) string {
	var out []string
	for _, w := range words {
		out = append(out, w.Text)
	}
	return strings.Join(out, " ")
}
