package ocr

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"

	"github.com/vanthu/vanthu/internal/pdftest"
)

func blankPage() image.Image {
	g := image.NewGray(image.Rect(0, 0, 1240, 1754))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{250}), image.Point{}, draw.Src)
	return g
}

// hugePagePDF is a one-page PDF whose page is 5000 points (1.76 m) square.
var hugePagePDF = []byte(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 5000 5000] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`)

// textPDF is a one-page A4 PDF with the given lines of text in Helvetica
// (WinAnsi), as byte strings: a born-digital page.
func textPDF(lines ...string) []byte {
	content := "BT /F1 12 Tf 60 780 Td 14 TL\n"
	for _, l := range lines {
		content += "(" + l + ") '\n"
	}
	content += "ET\n"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdftest.Build(objs...)
}
