package ocr

/*
#cgo pkg-config: lept
#include <leptonica/allheaders.h>
*/
import "C"

// whiten returns a copy of the 8-bit page pix made white under mask (a
// 1-bit image of its size, which it destroys), widened by grow pixels
// each way; nil where mask is nil.
func whiten(pix, mask *C.PIX, grow int) *C.PIX {
	if mask == nil {
		return nil
	}
	defer C.pixDestroy(&mask)
	if grow > 0 {
		wide := C.pixDilateBrick(nil, mask, C.l_int32(2*grow+1), C.l_int32(2*grow+1))
		if wide == nil {
			return nil
		}
		C.pixDestroy(&mask)
		mask = wide
	}
	out := C.pixCopy(nil, pix)
	if out == nil {
		return nil
	}
	C.pixSetMasked(out, mask, 255)
	return out
}
