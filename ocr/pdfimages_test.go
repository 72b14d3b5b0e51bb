package ocr

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestRenderScale(t *testing.T) {
	pdf, err := os.ReadFile(filepath.Join(scans, "congvan-2p.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	sizes := pdfImageSizes(pdf)
	if len(sizes) != 2 || sizes[0] != [2]int{2480, 970} {
		t.Fatalf("image sizes = %v", sizes)
	}
	for _, c := range []struct {
		name         string
		images       [][2]int
		pageW, pageH float64
		scale        float64
		dpi          int
	}{
		{"a 200 dpi scan on A4", [][2]int{{1654, 2339}}, 595, 842, 200, 200},
		{"a 600 dpi scan on A4", [][2]int{{4961, 7016}}, 595, 842, 300, 300},
		{"a logo, of other proportions", [][2]int{{300, 100}}, 595, 842, 300, 300},
		{"a 300 dpi scan at one point a pixel", [][2]int{{2480, 3508}}, 2480, 3508, 72, 300},
		{"a 600 dpi scan at one point a pixel", [][2]int{{4960, 7016}}, 4960, 7016, 36, 300},
		{"a 200 dpi scan at 96 dpi", [][2]int{{1654, 2339}}, 1240.5, 1754.25, 96, 200},
		{"a 75 dpi image behind A4", [][2]int{{620, 877}}, 595, 842, 300, 300},
	} {
		scale, dpi := renderScale(c.images, c.pageW, c.pageH, 300)
		if math.Abs(scale-c.scale) > 0.5 || dpi != c.dpi {
			t.Errorf("%s: scale %.1f at %d dpi; want %.0f at %d", c.name, scale, dpi, c.scale, c.dpi)
		}
	}
}

func FuzzPDFImageSizes(f *testing.F) {
	pdf, _ := os.ReadFile(filepath.Join(scans, "congvan-2p.pdf"))
	f.Add(pdf[:min(len(pdf), 2048)])
	f.Add([]byte("<< /Subtype /Image /Width 10 /Height 20 >>"))
	f.Add([]byte("/Subtype/Image>>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, s := range pdfImageSizes(b) {
			if s[0] <= 0 || s[1] <= 0 {
				t.Fatalf("non-positive size %v", s)
			}
		}
	})
}

// FuzzScanSVG feeds the readers of MuPDF's SVG of a page (which draws an
// untrusted file) whatever it might hold: they never fail, and a scan
// they find has a size, and a page of tall pixels is no scan taken as it
// is.
func FuzzScanSVG(f *testing.F) {
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg" width="595.2" height="841.92" viewBox="0 0 595.2 841.92">
<g transform="matrix(.48,0,0,.48,0,0)">
<image id="image_1" width="1240" height="1754" xlink:href="data:image/jpeg;base64,/9j/"/>
</g>
</svg>`)
	f.Add(`<svg width="10" height="10"><g transform="matrix(0,1,-1,0,10,0)"><image id="a" width="10" height="10" xlink:href="data:image/png;base64,"/></g><text>x</text></svg>`)
	f.Add(`<image id="" width="1" height="1" xlink:href="data:image/jpeg;base64,`)
	f.Add(`<svg width="595.2" height="841.92"><g transform="matrix(.3525,0,0,.7353,0,0)"><image id="a" width="1688" height="1145" xlink:href="data:image/png;base64,"/></g></svg>`)
	f.Fuzz(func(t *testing.T, svg string) {
		underScan(svg)
		fill := fillingImage(svg)
		_, dpi, ok := fill.scan(svg)
		if w, h := fill.w, fill.h; ok && (w <= 0 || h <= 0 || dpi <= 0) {
			t.Fatalf("a scan of %d×%d pixels at %d dpi", w, h, dpi)
		}
		if coarse := fill.coarse(); coarse < 0 || coarse > 0 && ok {
			t.Fatalf("a scan taken as it is, and coarse at %d dpi", coarse)
		}
	})
}

// A page whose scan has pixels twice as tall as wide (a fax's standard
// mode) is known by its coarser resolution; a fax's fine mode, or a scan
// boxed in a page of another paper's shape, is read as it is.
func TestCoarseScan(t *testing.T) {
	page := func(pw, ph float64, w, h int) string {
		return fmt.Sprintf(`<svg width="%.2f" height="%.2f"><g transform="matrix(%.5f,0,0,%.5f,0,0)"><image id="a" width="%d" height="%d" xlink:href="data:image/png;base64,"/></g></svg>`,
			pw, ph, pw/float64(w), ph/float64(h), w, h)
	}
	for _, c := range []struct {
		name string
		svg  string
		want int
	}{
		{"fax, standard mode, A4", page(595.3, 841.9, 1686, 1145), 98},
		{"fax, fine mode, A4", page(595.3, 841.9, 1686, 2290), 0},
		{"A4 at 300 dpi boxed in Letter", page(612, 792, 2480, 3508), 0},
		{"A4 at 200 dpi", page(595.3, 841.9, 1654, 2339), 0},
	} {
		fill := fillingImage(c.svg)
		if got := fill.coarse(); got != c.want {
			t.Errorf("%s: %d dpi; want %d", c.name, got, c.want)
		}
	}
}
