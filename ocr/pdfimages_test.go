package ocr

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNativeDPI(t *testing.T) {
	pdf, err := os.ReadFile(filepath.Join(scans, "congvan-2p.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	sizes := pdfImageSizes(pdf)
	if len(sizes) != 2 || sizes[0] != [2]int{2480, 970} {
		t.Fatalf("image sizes = %v", sizes)
	}
	// A4 at 72 points per inch holding a 200-dpi scan.
	if got := nativeDPI([][2]int{{1654, 2339}}, 595, 842); got != 200 {
		t.Errorf("nativeDPI = %d, want 200", got)
	}
	// An image of other proportions (a logo) says nothing about the page.
	if got := nativeDPI([][2]int{{300, 100}}, 595, 842); got != 0 {
		t.Errorf("nativeDPI of a logo = %d, want 0", got)
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
