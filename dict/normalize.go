package dict

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ethFix maps the Icelandic eth (U+00D0, U+00F0), which OCR and some fonts
// produce for the Vietnamese Đ, to Đ/đ.
var ethFix = strings.NewReplacer("Ð", "Đ", "ð", "đ")

// NFC returns s in Unicode NFC with eth mapped to Đ/đ. It keeps tone
// placement as written.
func NFC(s string) string {
	if InNFC(s) {
		return s
	}
	return ethFix.Replace(norm.NFC.String(s))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Canon returns the one form Vanthu indexes and queries in: NFC, eth mapped
// to Đ/đ, tone marks placed in one style (hòa, thủy; see PlaceTones), lower
// case.
// Canon is idempotent. A letter may compose with its mark only in small
// letters (Y and a ring above have no one character; y and it have ẙ), so
// the small letters are put in NFC again.
func Canon(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return NFC(strings.ToLower(PlaceTones(NFC(s))))
}

// FoldKey is s as typed by anyone, compared: without marks, in small
// letters, its words one space apart ("Văn  thư", "van thu").
func FoldKey(s string) string {
	return strings.ToLower(Fold(strings.Join(strings.Fields(s), " ")))
}

// Fold returns s without any diacritic: marks removed and đ folded to d.
// Fold(Canon(s)) is the weak form that matches a query typed without marks.
func Fold(s string) string {
	if isASCII(s) {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'ð':
			r = 'd'
		case r == 'Đ' || r == 'Ð':
			r = 'D'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HasMarks reports whether s has any Vietnamese diacritic (or đ).
func HasMarks(s string) bool { return Fold(s) != norm.NFC.String(s) }

// InNFC reports quickly that s is in NFC, as Vietnamese is typed: each
// character is ASCII, a precomposed Latin letter (U+00C0–U+024F,
// U+1E00–U+1EFF) or general punctuation (U+2010–U+205E), none of them
// combining, decomposing or composing with what follows. False is only
// "not known": s may still be in NFC. The eth (Ð, ð) is not among them:
// NFC here maps it to Đ.
func InNFC(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 'Ð' || r == 'ð':
			return false
		case r >= 0xC0 && r <= 0x24F, r >= 0x1E00 && r <= 0x1EFF, r >= 0x2010 && r <= 0x205E:
		default:
			return false
		}
		i += n
	}
	return true
}
