package ocr

import (
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
