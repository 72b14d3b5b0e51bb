package dict

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ethFix maps the Icelandic eth (U+00D0, U+00F0), which OCR and some fonts
// produce for the Vietnamese Đ, to Đ/đ.
var ethFix = strings.NewReplacer("Ð", "Đ", "ð", "đ")

// NFC returns s in Unicode NFC with eth mapped to Đ/đ. It keeps tone
// placement as written.
func NFC(s string) string {
	if isASCII(s) {
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
// Canon is idempotent.
func Canon(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return strings.ToLower(PlaceTones(NFC(s)))
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
