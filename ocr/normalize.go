package ocr

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// ethFix maps the Icelandic eth, which Tesseract and some fonts produce for
// Đ, to the Vietnamese letter.
var ethFix = strings.NewReplacer("Ð", "Đ", "ð", "đ")

// Normalize returns s in NFC with eth mapped to Đ/đ.
func Normalize(s string) string {
	return ethFix.Replace(norm.NFC.String(s))
}
