package dict

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// LooksLikeName reports whether t is written like a person's full name:
// two to six words, each a capital followed by small letters (Nguyễn Văn
// An); a woman's name of the Ê Đê or the Jrai has H' before its given
// name (H' Yim Kđoh, H'Hen Niê, Ksor H'Bơ Khăp). It says nothing of
// whether the name exists.
func LooksLikeName(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		w = strings.TrimPrefix(strings.TrimPrefix(w, "H'"), "H’")
		if w == "" {
			continue
		}
		rs := []rune(w)
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs[1:] {
			if !unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// namedOwnWay are the family names of the peoples whose given names are
// words of their own languages, no Vietnamese syllables in use (Giàng Seo
// Phử, Lò Văn Pả, H' Yim Kđoh): the Hmong's (Giàng, Sùng, Thào, Vừ), the
// Dao's (Bàn, Phàn, Chảo), the Thái's (Lò, Lường, Quàng), and the Central
// Highlands' first words: Y and H' (a man's and a woman's among the Ê
// Đê), Ksor, Siu, Nay, Rơ, Rah, Kpă, Puih (family names of the Jrai). A
// name after one is not checked against the Kinh's given names (see
// kinh).
var namedOwnWay = strings.Fields(`Giàng Sùng Thào Vừ Vàng Mùa Lầu Hạng Tráng Bàn Phàn Chảo Tẩn
	Lò Lường Quàng Điểu Y H' H’ Ksor Siu Nay Rơ Rah Kpă Puih`)

// surnames are the Vietnamese family names (họ) borne by nearly everyone,
// a closed class unlike given names, the Tày's (Ma, Nông, Bế), the
// Khmer's (Danh, Sơn, Thạch) and the Thái's Cầm among them, and
// namedOwnWay's.
var surnames = append(strings.Fields(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Đoàn
	Vương Trịnh Trương Lâm Mai Lương Cao Tạ Hà Quách Tô Châu Lưu Tăng Thái Triệu Kiều Khúc
	Từ Tôn Chu Phùng La Lã Lại Kim Đàm Mạc Nông Ông Hứa Diệp Giang Quan Thân Nghiêm Doãn
	Âu Tống Hàn Khổng Cù Đậu Phí Bạch Chế Cung Trình Đồng Đổng Hầu Mạnh Ninh Viên Lục Thạch
	Tiêu Nhữ Văn Khương Lư Vi Bế Lạc Mẫn Thi Khuất Dư Giáp Lữ Ân Mã
	Danh Sơn Cầm Bạc Sầm Lộc Đèo Ma Ưng`), namedOwnWay...)

// NamedOwnWay reports whether the first word of name is the family name of
// a people whose given names are their own (see namedOwnWay).
func NamedOwnWay(name string) bool {
	first, _, _ := strings.Cut(NFC(strings.TrimSpace(name)), " ")
	return slices.Contains(namedOwnWay, first)
}

// IsSurname reports whether the first word of name is a Vietnamese family
// name as spelt (marks and all). A name whose first word is none, after
// RepairSurname, was misread or is one of the rare family names the list
// lacks: either way a clerk should look at it.
func IsSurname(name string) bool {
	first, _, _ := strings.Cut(NFC(strings.TrimSpace(name)), " ")
	for _, h := range []string{"H'", "H’"} {
		if rest, ok := strings.CutPrefix(first, h); ok && rest != "" {
			first = h // H'Hen Niê
		}
	}
	return slices.Contains(surnames, first)
}

var surnameByFold = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, s := range surnames {
		k := strings.ToLower(Fold(s))
		m[k] = append(m[k], s)
	}
	return m
})

// RepairSurname puts back the marks of a full name's family name when OCR
// read it as a syllable that is no family name (Đỉnh Văn An → Đinh Văn
// An) and exactly one family name has its letters, or, when none has, its
// first letter misread under the stroke of a signature ([Íà → Hà) and
// exactly one family name of its length ends in the rest as read, or its
// first letter lost there (rần Ngọc Căng, #rấñ Hoàng Tuấn → Trần) and
// exactly one family name a letter longer ends in it. Anything else is
// left as read.
func RepairSurname(name string) string {
	name = NFC(name)
	first, rest, _ := strings.Cut(name, " ")
	if first == "" || slices.Contains(surnames, first) {
		return name
	}
	cands := surnameByFold()[strings.ToLower(Fold(first))]
	if len(cands) == 0 {
		cands = overwritten(first)
	}
	if len(cands) == 0 {
		cands = lostInitial(first)
	}
	if len(cands) != 1 {
		return name
	}
	if rest == "" {
		return cands[0]
	}
	return cands[0] + " " + rest
}

// overwritten returns the family names that w can be with its first letter
// misread: of w's length, ending in the rest of w exactly (marks and all).
func overwritten(w string) []string {
	rs := []rune(w)
	if len(rs) < 2 {
		return nil
	}
	return surnamesEndingIn(string(rs[1:]), len(rs), false)
}

// lostInitial returns the family names that w can be with its first letter
// lost: a letter longer than w and ending in it, marks and all (rần:
// Trần), or else in its letters without marks (rấñ: Trần). w's first
// letter may have been given a capital, as a name's first letter is.
func lostInitial(w string) []string {
	n := utf8.RuneCountInString(w)
	if n < 2 {
		return nil
	}
	return surnamesEndingIn(strings.ToLower(w), n+1, true)
}

// RepairStruckSurname returns the family name that w, the first word of
// a name, is when a signature's stroke over its head was read as
// capitals, figures or marks (XZuyên, MN5uyên, NfIyen: Nguyễn): the one
// family name longer than the small letters after the head that ends in
// them, marks and all, or else in their letters without marks; and true.
// A word with no such head (Trần, Fiận) or a tail of fewer than two
// letters, or whose tail two family names end in (L#ấn: Trần or Phan),
// is returned as it is, with false.
func RepairStruckSurname(w string) (string, bool) {
	tail, ok := StruckTail(w)
	if !ok || strings.HasPrefix(w, "H'") || strings.HasPrefix(w, "H’") { // H'Yim: a woman's name of the Ê Đê
		return NFC(w), false
	}
	cands := surnamesEndingIn(tail, 0, true)
	if len(cands) != 1 {
		return NFC(w), false
	}
	return cands[0], true
}

// StruckTail returns the small letters that end w after a head a
// signature's stroke made capitals, figures or marks (ILhượng: hượng),
// and true; false where w has no such head, its first letter aside, or
// fewer than two small letters after it.
func StruckTail(w string) (string, bool) {
	rs := []rune(NFC(w))
	tail := len(rs)
	for tail > 0 && unicode.IsLower(rs[tail-1]) {
		tail--
	}
	if tail < 2 || len(rs)-tail < 2 {
		return "", false
	}
	return string(rs[tail:]), true
}

// surnamesEndingIn returns the family names of n letters (of any number
// more than rest's, with n 0) whose last letters are rest, small
// letters, as spelt; with byLetters and none so spelt, those whose last
// letters without marks are rest's.
func surnamesEndingIn(rest string, n int, byLetters bool) []string {
	for _, r := range rest {
		if !unicode.IsLower(r) {
			return nil
		}
	}
	k := utf8.RuneCountInString(rest)
	var exact, folded []string
	for _, s := range surnames {
		rs := []rune(s)
		if n > 0 && len(rs) != n || len(rs) <= k {
			continue
		}
		switch tail := strings.ToLower(string(rs[len(rs)-k:])); {
		case tail == rest:
			exact = append(exact, s)
		case byLetters && Fold(tail) == Fold(rest):
			folded = append(folded, s)
		}
	}
	if len(exact) > 0 || !byLetters {
		return exact
	}
	return folded
}
