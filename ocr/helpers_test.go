package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"testing"

	"github.com/vanthu/vanthu/internal/pagerender"
	"github.com/vanthu/vanthu/internal/pdftest"
)

// drawAndRead returns a renderer of test pages and an OCR worker, closed
// when t ends; without the renderer's fonts, t is skipped.
func drawAndRead(t *testing.T) (*pagerender.Renderer, *Worker) {
	t.Helper()
	r, err := pagerender.New()
	if err != nil {
		t.Skip(err)
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return r, w
}

func blankPage() image.Image {
	g := image.NewGray(image.Rect(0, 0, 1240, 1754))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{250}), image.Point{}, draw.Src)
	return g
}

// onDarkBed is page as scanned laid on the glass askew by deg degrees,
// off its left and top edges, with the scanner's dark bed around it.
func onDarkBed(page image.Image, deg float64) image.Image {
	return onBed(page, deg, func(x, y int) uint8 { return 35 })
}

// onGrainedDesk is page photographed on a wooden desk, askew by deg
// degrees: the desk's grain around it in bands of dark and light, the
// light ones as light as paper in shadow.
func onGrainedDesk(page image.Image, deg float64) image.Image {
	return onBed(page, deg, func(x, y int) uint8 {
		return uint8(110 + 45*math.Sin(float64(y)/9+math.Sin(float64(x)/40)))
	})
}

// onBed is page laid askew by deg degrees, off the left and top edges of
// what lies around it, whose grey at each point is bed.
func onBed(page image.Image, deg float64, bed func(x, y int) uint8) image.Image {
	b := page.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx()*108/100, b.Dy()*104/100))
	for y := range out.Bounds().Dy() {
		for x := range out.Bounds().Dx() {
			out.SetGray(x, y, color.Gray{bed(x, y)})
		}
	}
	sin, cos := math.Sincos(deg * math.Pi / 180)
	off := image.Pt(b.Dx()*5/100, b.Dy()/100)
	for y := range out.Bounds().Dy() {
		for x := range out.Bounds().Dx() {
			// The page's pixel that lands here, turned about its corner.
			dx, dy := float64(x-off.X), float64(y-off.Y)
			p := image.Pt(b.Min.X+int(dx*cos+dy*sin), b.Min.Y+int(-dx*sin+dy*cos))
			if p.In(b) {
				out.Set(x, y, page.At(p.X, p.Y))
			}
		}
	}
	return out
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

// scannedPDF is a one-page A4 PDF whose page is a scanned image (a blank
// sheet at 150 dpi), with the given lines over it: invisible (text render
// mode 3), as a scanner's searchable PDF has, or drawn, as a signing
// tool's stamp is; split, it has a second image (a scanner's layers, the
// text's mask over the paper's colour), so that the page is no one image.
func scannedPDF(visible, split bool, lines ...string) []byte {
	var img bytes.Buffer
	jpeg.Encode(&img, blankPage(), &jpeg.Options{Quality: 75})
	mode := 3
	if visible {
		mode = 0
	}
	content := "q 595.2 0 0 841.92 0 0 cm /Im0 Do Q\n"
	if split {
		content += "q 595.2 0 0 841.92 0 0 cm /Im1 Do Q\n"
	}
	content += fmt.Sprintf("BT %d Tr /F1 9 Tf 380 800 Td 11 TL\n", mode)
	for _, l := range lines {
		content += "(" + l + ") '\n"
	}
	content += "ET\n"
	scan := fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream", img.Len(), img.String())
	return pdftest.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.2 841.92] /Resources << /XObject << /Im0 6 0 R /Im1 7 0 R >> /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		scan,
		"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ImageMask true /Decode [1 0] /Length 8 >>\nstream\n\x00\x18\x3c\x7e\x7e\x3c\x18\x00\nendstream",
	)
}
