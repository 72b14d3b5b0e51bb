package ocr

// #cgo pkg-config: lept
// #include <stdlib.h>
// #include <leptonica/allheaders.h>
import "C"

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/vanthu/vanthu"
)

// Clean-up steps, applied in this order. Each is kept only where it
// measurably lowers the error on the dev corpus (see README, "Measured").
const (
	StepRedDropout = "red"        // colour pages: read the red channel, so red seals and stamps fade out
	StepScale      = "scale"      // bring the page to about 300 dpi (200 dpi scans up, 600 down)
	StepBackground = "background" // flatten uneven background and contrast to white paper
	StepMedian     = "median"     // 3×3 median filter against speckle and noise
	StepDeskew     = "deskew"     // straighten skew up to about ±7°
)

// AllSteps lists every clean-up step in order.
var AllSteps = []string{StepRedDropout, StepScale, StepBackground, StepMedian, StepDeskew}

// ParseSteps reads a comma-separated list of steps ("" or "none" for none).
func ParseSteps(s string) ([]string, error) {
	if s == "" || s == "none" {
		return nil, nil
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		known := false
		for _, k := range AllSteps {
			known = known || k == p
		}
		if !known {
			return nil, fmt.Errorf("unknown clean-up step %q (known: %s)", p, strings.Join(AllSteps, ", "))
		}
		out = append(out, p)
	}
	return out, nil
}

// targetDPI is the resolution Tesseract reads best at.
const targetDPI = 300

// Clean prepares a page image for recognition with Leptonica and returns it
// as an uncompressed TIFF that carries its resolution, with the factor it
// was scaled by. dpi is the page's resolution if known (0: read it from
// the image).
func Clean(img []byte, dpi int, steps []string) (out []byte, scale float64, err error) {
	scale = 1
	if len(img) == 0 {
		return nil, 0, vanthu.Errorf("ocr: clean", vanthu.Invalid, "empty image")
	}
	has := func(s string) bool {
		for _, x := range steps {
			if x == s {
				return true
			}
		}
		return false
	}
	pix := C.pixReadMem((*C.l_uint8)(unsafe.Pointer(&img[0])), C.size_t(len(img)))
	if pix == nil {
		return nil, 0, vanthu.Errorf("ocr: clean", vanthu.Invalid, "the page image cannot be read")
	}
	defer func() { C.pixDestroy(&pix) }()
	// replace swaps in the result of one step, dropping the old image; a
	// step that fails leaves the image as it was.
	replace := func(next *C.PIX) {
		if next != nil && next != pix {
			C.pixDestroy(&pix)
			pix = next
		}
	}
	if dpi <= 0 {
		dpi = int(C.pixGetXRes(pix))
	}

	if C.pixGetDepth(pix) == 32 && has(StepRedDropout) {
		replace(C.pixGetRGBComponent(pix, C.COLOR_RED))
		// Red ink is light but not white in the red channel: clip it to
		// white so the seal's rim does not cut lines of text.
		replace(C.pixGammaTRC(nil, pix, 1.0, 0, 190))
	}
	if C.pixGetDepth(pix) != 8 {
		replace(C.pixConvertTo8(pix, 0))
	}
	if C.pixGetDepth(pix) != 8 {
		return nil, 0, vanthu.Errorf("ocr: clean", vanthu.Invalid, "the page image cannot be made grey")
	}
	if has(StepScale) && dpi > 0 && (dpi < targetDPI*4/5 || dpi > targetDPI*3/2) {
		scale = float64(targetDPI) / float64(dpi)
		f := C.l_float32(scale)
		replace(C.pixScale(pix, f, f))
		dpi = targetDPI
	}
	if has(StepBackground) {
		replace(C.pixBackgroundNormSimple(pix, nil, nil))
	}
	if has(StepMedian) {
		replace(C.pixMedianFilter(pix, 3, 3))
	}
	if has(StepDeskew) {
		replace(C.pixDeskew(pix, 0))
	}
	if dpi > 0 {
		C.pixSetResolution(pix, C.l_int32(dpi), C.l_int32(dpi))
	}
	var data *C.l_uint8
	var size C.size_t
	if C.pixWriteMem(&data, &size, pix, C.IFF_TIFF) != 0 || data == nil {
		return nil, 0, vanthu.Errorf("ocr: clean", vanthu.Transient, "cannot encode the cleaned page")
	}
	defer C.free(unsafe.Pointer(data))
	return C.GoBytes(unsafe.Pointer(data), C.int(size)), scale, nil
}
