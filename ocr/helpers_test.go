package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
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
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}
