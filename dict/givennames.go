package dict

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// givenNames are the syllables of Vietnamese middle and given names (tên
// đệm, tên) in common use. Unlike family names they are an open class; the
// list serves one repair only (RepairGivenName), which trusts it only where
// the syllable read is not in it.
var givenNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
	An Ân Anh Ánh Bá Bắc Bách Bạch Bằng Bảo Bích Biên Bính Bình Bội Bửu Ca Cầm Cẩm Căng Cảnh Cao Cát Châm
	Chánh Châu Chi Chí Chiến Chinh Chính Chung Chương Công Cúc Cung Cương Cường Đắc Đại Đam Đạm Dân Đan Đăng
	Đằng Danh Đào Đạo Đạt Điệp Diễm Diện Diệp Diệu Dinh Đình Định Doan Đoan Doanh Đôn Đông Đồng Du Dũng Dung
	Dừa Được Dương Đức Duy Duyên Đính Gấm Gia Giang Giàu Giao Hà Hạ Hai Hải Hân Hằng Hạnh Hào Hảo Hậu Hiền
	Hiến Hiển Hiên Hiệp Hiếu Hinh Hồ Hoa Hòa Hóa Hoài Hoan Hoàn Hoán Hoàng Hoạt Học Hội Hồng Hợp Huân
	Huấn Huệ Hùng Hưng Hương Hường Hữu Huy Huyên Huyền Huynh Huỳnh Kha Khải Khâm Khang Khanh Khánh Khắc
	Khiêm Khoa Khôi Khuê Khương Kiên Kiệt Kiều Kim Kỳ Lai Lài Lâm Lan Lãnh Lành Lễ Lê Lệ Liêm Liên Liễu
	Linh Lịch Loan Lộc Lợi Long Luân Luận Lực Lũy Lưu Lương Ly Lý Mai Mạnh Mẫn Mận Minh Mùi Mừng Mỹ Na
	Nam Năm Năng Nga Ngà Ngân Nghĩa Nghị Ngọc Ngôn Nguyên Nguyện Nguyệt Nhã Nhàn Nhân Nhật Nhi Nhiên
	Nho Nhung Như Ninh Nữ Oanh Phát Phi Phong Phú Phúc Phụng Phước Phương Phượng Quân Quang Quế Quốc Quý
	Quyên Quyến Quyền Quyết Quỳnh Sang Sáng Sen Sinh Sơn Sương Sỹ Sĩ Tá Tài Tâm Tân Tấn Tạo Thạch Thái
	Thân Thăng Thắng Thanh Thành Thảo Thắm Thế Thi Thị Thiên Thiện Thịnh Thọ Thơ Thoa Thông Thu Thuận Thục
	Thùy Thúy Thủy Thư Thương Thường Tiến Tiên Tín Tịnh Tô Toại Toàn Toán Toản Tôn Tới Trà Trâm Trân Trang
	Tráng Trí Triển Triết Triều Trinh Trình Trọng Trung Trực Trúc Trường Tú Tư Tuân Tuấn Tuệ Tùng Tường
	Tươi Tuyên Tuyền Tuyết Uyên Văn Vân Vi Viên Việt Viết Vinh Vĩnh Võ Vũ Vui Vượng Vy Xuân Yên Yến`) {
		m[Canon(s)] = true
	}
	return m
})

// commonMiddle is the middle name read without its marks that stands,
// after a family name, for the one far commoner there than any other name
// of its letters: Văn (Vân is a woman's name, after Thị).
var commonMiddle = map[string]string{"van": "văn"}

// IsGivenName reports whether s is a syllable of a middle or given name in
// common use, whatever its case.
func IsGivenName(s string) bool { return givenNames()[Canon(s)] }

// RepairGivenName puts back the marks of a middle or given name that OCR
// lost or bent, where the syllable read is no name in common use:
//   - the mirror image of its tone mark: the grave and the acute accents
//     are one slanted stroke leaning opposite ways, and Tesseract swaps
//     them on small print (Tuấn → Tuần, both syllables of the language);
//     the name whose mark is the mirror is taken;
//   - the hook above read for the acute accent, or the acute for the
//     hook, which a coarse scan leaves as like blobs (Ánh → Ảnh, the
//     ấ/ẩ of stacked marks): the name so swapped is taken, and guessed
//     reports it;
//   - the breve of ă read as a tilde, or the tilde of ã as a breve, two
//     small curves over the a (Văn → Vãn): the name so read is taken,
//     and guessed reports it;
//   - a hat, a breve, a horn or the stroke of đ lost, its tone kept (Đức
//     → Đúc): the one name in common use with those letters, that tone and
//     more of those marks is taken, and guessed reports it, for review;
//     where two names have them (Van: Văn, Vân), the name is left as read
//     and guessed reports it too, but a middle name Van after the family
//     name is Văn;
//   - one letter misread into no syllable of the language (Ngọc → Neọc,
//     under a seal's ink) in a name whose other words are syllables: the
//     one name in common use one letter from it, with its tone and marks,
//     is taken, and guessed reports it.
//
// Anything else is left as read; guessed also reports a Kinh name with a
// word that can be spelt but is no syllable in use (Trần Văn Lậc).
func RepairGivenName(name string) (repaired string, guessed bool) {
	ws := strings.Fields(NFC(name))
	for i := 1; i < len(ws); i++ {
		if givenNames()[Canon(ws[i])] {
			continue
		}
		if m := mirrorTone(ws[i]); m != ws[i] && givenNames()[Canon(m)] {
			ws[i] = m
			continue
		}
		if m := hookForAcute(ws[i]); m != ws[i] && givenNames()[Canon(m)] {
			ws[i], guessed = m, true
			continue
		}
		if m := breveForTilde(ws[i]); m != ws[i] && givenNames()[Canon(m)] {
			ws[i], guessed = m, true
			continue
		}
		switch m, n := markLost(ws[i]); n {
		case 1:
			ws[i], guessed = m, true
			continue
		case 2:
			// The marks of two names lost (Van: Văn, Vân): as the middle
			// name after the family name, the commonest of men's middle
			// names, whose breve a coarse scan loses; else as read.
			if m, ok := commonMiddle[strings.ToLower(ws[i])]; ok && i == 1 && i < len(ws)-1 {
				ws[i] = withCase(m, ws[i])
			}
			guessed = true
			continue
		}
		if m, n := letterMisread(ws[i]); n == 1 && !IsSyllable(ws[i]) && kinh(ws, i) {
			ws[i], guessed = m, true
			continue
		}
		// A Kinh name's words are words of the language: one that can be
		// spelt but is no one's (Lậc for Lạc, a hat too many) was misread.
		guessed = guessed || IsSyllable(ws[i]) && !IsAttested(ws[i]) && kinh(ws, i)
	}
	return strings.Join(ws, " "), guessed
}

// RepairNameInitial returns the given name in common use that w, a word
// of a name after its family name, is when its capital was read as a
// bracket or a bar under a signature's stroke ([ong: Long): the one name
// a letter longer than the rest of w that ends in it, marks and all, and
// true; w and false where w is no such word, or none or two names end so
// ([an: Lan or Đan).
func RepairNameInitial(w string) (string, bool) {
	r, size := utf8.DecodeRuneInString(w)
	rest := NFC(w[size:])
	if !strings.ContainsRune("[]{}()|!1", r) || utf8.RuneCountInString(rest) < 2 {
		return w, false
	}
	for _, r := range rest {
		if !unicode.IsLower(r) {
			return w, false
		}
	}
	tail, n := Canon(rest), utf8.RuneCountInString(rest)+1
	name, found := oneName(w, func(name string) bool {
		_, size := utf8.DecodeRuneInString(name)
		return utf8.RuneCountInString(name) == n && name[size:] == tail
	})
	return name, found == 1
}

// kinh reports whether a name's words other than its i-th are syllables
// of Vietnamese, its first a family name of those whose given names are
// (not namedOwnWay's): a Kinh name, whose words are all syllables in
// use. The highlands' names (H' Yim Kđoh, Y Giang Gry Niê Knơng) have
// words that are none, the uplands' (Giàng Seo Phử) syllables no Kinh
// name has, and are not repaired by letters.
func kinh(ws []string, i int) bool {
	if !IsSurname(ws[0]) || NamedOwnWay(ws[0]) {
		return false
	}
	for j, w := range ws {
		if j != i && !IsSyllable(w) {
			return false
		}
	}
	return true
}

// letterMisread returns the one given name one letter from w, with w's
// tone and other marks, and how many names are (see oneName).
func letterMisread(w string) (string, int) {
	tone, marks := toneAndMarks(w)
	letters := Fold(strings.ToLower(w))
	return oneName(w, func(n string) bool {
		t, m := toneAndMarks(n)
		return t == tone && m == marks && OneLetterApart(Fold(n), letters)
	})
}

// markLost returns the one given name whose letters and tone are w's and
// whose other marks (hat, breve, horn, đ) include w's and more of them,
// and how many names do (0, 1, or 2 for two or more).
func markLost(w string) (string, int) {
	tone, marks := toneAndMarks(w)
	letters := Fold(strings.ToLower(w))
	return oneName(w, func(n string) bool {
		t, m := toneAndMarks(n)
		return Fold(n) == letters && t == tone && len(m) > len(marks) && strings.Contains(m, marks)
	})
}

// oneName returns the one given name in common use that fits,
// capitalised, and how many fit (0, 1, or 2 for two or more); w where
// none does or two do (which is meant is not known).
func oneName(w string, fits func(name string) bool) (string, int) {
	found := ""
	for n := range givenNames() {
		if !fits(n) {
			continue
		}
		if found != "" {
			return w, 2
		}
		found = n
	}
	if found == "" {
		return w, 0
	}
	r, size := utf8.DecodeRuneInString(found)
	return string(unicode.ToUpper(r)) + found[size:], 1
}

// toneAndMarks returns w's tone mark and its other marks in order (the
// combining hat, breve and horn, and "đ" for the stroke of đ).
func toneAndMarks(w string) (tone rune, marks string) {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
			tone = r
		case '\u0302', '\u0306', '\u031B', 'đ':
			b.WriteRune(r)
		}
	}
	return tone, b.String()
}

// breveForTilde is w with the breve of its ă read as a tilde (ã), or
// the tilde of its ã as a breve.
func breveForTilde(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ã':
			return 'ă'
		case 'Ã':
			return 'Ă'
		case 'ă':
			return 'ã'
		case 'Ă':
			return 'Ã'
		}
		return r
	}, NFC(w))
}

// mirrorTone swaps the grave and the acute accent in w.
func mirrorTone(w string) string { return swapTones(w, '\u0300', '\u0301') }

// hookForAcute swaps the hook above and the acute accent in w.
func hookForAcute(w string) string { return swapTones(w, '\u0309', '\u0301') }

// swapTones swaps the tone marks a and b (combining) in w.
func swapTones(w string, a, b rune) string {
	d := []rune(norm.NFD.String(w))
	for i, r := range d {
		switch r {
		case a:
			d[i] = b
		case b:
			d[i] = a
		}
	}
	return NFC(string(d))
}
