package ocr

import "testing"

// Tesseract's line images go to its LSTM as PNGs written without
// compression (scratchpng.go): a regular pattern that zlib would squeeze
// to a few hundred bytes stays at its full size.
func TestScratchPNGsAreStored(t *testing.T) {
	const w, h = 1000, 40
	if n := scratchPNGSize(w, h); n < w*h {
		t.Errorf("a %d×%d grey PNG written for Tesseract is %d bytes: compressed, so the faster writer is not in use", w, h, n)
	}
}
