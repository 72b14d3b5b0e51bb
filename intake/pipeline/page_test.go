package pipeline

import (
	"strings"

	"github.com/vanthu/vanthu"
)

// ocrLine is a line of a page as OCR reads it: one word in its box.
type ocrLine struct {
	text           string
	x0, y0, x1, y1 int
}

// congVanHead is the head of a province's công văn as OCR reads it: the
// header, the number, the date line and the trích yếu.
func congVanHead() []ocrLine {
	return []ocrLine{
		{"ỦY BAN NHÂN DÂN", 270, 129, 605, 177},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 130, 1451, 170},
		{"TỈNH BÌNH AN", 269, 174, 603, 211},
		{"Độc lập - Tự do - Hạnh phúc", 862, 175, 1299, 209},
		{"Số: 507/UBND-KGVX", 300, 240, 580, 275},
		{"Bình An, ngày 24 tháng 01 năm 2025", 800, 240, 1400, 278},
		{"V/v tổ chức các hoạt động mừng Xuân", 250, 290, 640, 325},
	}
}

// readPage is lines as the first page of an A4 scan at 200 dpi, read at
// confidence 95; a line of no text is left out.
func readPage(lines ...ocrLine) vanthu.Page {
	var words []vanthu.Word
	var text strings.Builder
	for i, l := range lines {
		if l.text == "" {
			continue
		}
		words = append(words, vanthu.Word{Text: l.text, X0: l.x0, Y0: l.y0, X1: l.x1, Y1: l.y1, Confidence: 95, Line: i})
		text.WriteString(l.text + "\n")
	}
	return vanthu.Page{Number: 1, Text: text.String(), Words: words, Width: 1654, Height: 2339, Done: true}
}
