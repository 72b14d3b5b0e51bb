package eval

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/draw"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/internal/pagerender"
	"github.com/vanthu/vanthu/internal/pdftest"
)

// TestSearchablePDFScans reads kinds of documents scanned to a scanner's
// searchable PDF: the scan with an invisible text layer, the scanner's
// own OCR, laid over it. Scanners' OCR mostly has no Vietnamese and
// leaves the marks out (UY BAN NHAN DAN TINH); the fields must be the
// scan's, as if the layer were not there.
func TestSearchablePDFScans(t *testing.T) {
	r := drawer(t, false)
	files := map[string]string{}
	var chosen []kind
	for i, k := range kinds {
		_, stamped := received[k.name]
		_, marks := marked[k.name]
		if i%4 != 0 || stamped || marks {
			continue
		}
		g := r.Render(k.lines)
		img := image.NewRGBA(g.Bounds())
		draw.Draw(img, img.Bounds(), g, image.Point{}, draw.Src)
		out := filepath.Join(t.TempDir(), fmt.Sprintf("searchable-%02d.pdf", i))
		if err := os.WriteFile(out, searchablePDF(img, pagerender.DPI, k.lines), 0o644); err != nil {
			t.Fatal(err)
		}
		files[out] = k.name
		chosen = append(chosen, k)
	}
	readAndScore(t, files, chosen, nil, 0)
}

// searchablePDF is img as a one-page scan at dpi (a JPEG) with lines (see
// pagerender.Render), their marks left out, as an invisible text layer
// (text render mode 3) over it, a line each where the page draws it.
func searchablePDF(img *image.RGBA, dpi int, lines []string) []byte {
	b := img.Bounds()
	w, h := float64(b.Dx())*72/float64(dpi), float64(b.Dy())*72/float64(dpi)
	var content strings.Builder
	fmt.Fprintf(&content, "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\nBT 3 Tr /F1 10 Tf\n", w, h)
	for i, l := range lines {
		if _, text, ok := strings.Cut(l, "|"); ok {
			l = strings.ReplaceAll(text, "|", "   ")
		}
		l = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(dict.Fold(l))
		fmt.Fprintf(&content, "1 0 0 1 40 %.2f Tm (%s) Tj\n", h-float64(i+1)*80*72/float64(dpi), l)
	}
	content.WriteString("ET")
	return pdftest.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R >>", w, h),
		jpegImage(img, dpi),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	)
}
