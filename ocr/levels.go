package ocr

/*
#cgo pkg-config: lept
#include <leptonica/allheaders.h>
*/
import "C"

// Ink lighter than this (a scanner's brightness set high, print faint) is
// made black by StepLevels. The ink of an ordinary scan is darker: the
// grey print of the dev corpus's scans begins at 92 (in the red channel),
// and made black there, the seal over a signer's name read into it.
const lightInk = 112

// levels makes the ink of an 8-bit page black where it was scanned light
// (StepLevels): where its darkest hundredth begins lighter than lightInk,
// and well apart from the paper (a page of ink at all, not a blank sheet's
// grain), the greys from that level to white are spread over black to
// white. It returns the page so made, or nil where it is left as it is,
// and the level made black (0 for none).
func levels(pix *C.PIX) (*C.PIX, int) {
	// The darkest hundredth of the pixels are no lighter than ink, and half
	// of them no lighter than paper (the median: a page is mostly paper).
	// Every fourth pixel each way is counted.
	var ink, paper C.l_uint32
	if C.pixGetRankValue(pix, 4, 0.01, &ink) != 0 || C.pixGetRankValue(pix, 4, 0.5, &paper) != 0 {
		return nil, 0
	}
	if ink <= lightInk || paper < ink+60 {
		return nil, 0
	}
	return C.pixGammaTRC(nil, pix, 1.0, C.l_int32(ink), 255), int(ink)
}

// toneCurve is what StepLevels does to each grey (or each channel of a
// colour) of a page whose ink it made black from the level ink: the
// values from ink to white spread over black to white. For ink 0, each
// value is its own.
func toneCurve(ink int) *[256]uint8 {
	var t [256]uint8
	for v := range t {
		t[v] = uint8(max(0, v-ink) * 255 / (255 - ink))
	}
	return &t
}
