package ocr

/*
#cgo pkg-config: lept
#include <stdlib.h>
#include <leptonica/allheaders.h>

// lineModel models the bend of the text lines of the 1-bit page pixb
// with Leptonica's dewarper: the lines' centres, those at least 0.6 as
// long as the longest and reaching across 0.4 of the page, each fitted
// by a quadratic, and from them the vertical disparity of the page.
// Leptonica's dewarpBuildPageModel does the same but asks the lines to
// cover the page's height, which a short letter's do not; the disparity
// is then carried over the rest of the page by its quadratic fit down
// each column. A shorter line (a header's column, a date line, the rows
// of a two-column closing run together) bends by a pixel or two of a
// glyph's height however it lies, which its fit reads as a bend the more
// the shorter it is. It returns NULL when fewer than minLines lines are
// found, and otherwise the model, with *psag the median sag of the
// lines, in hundredths of a pixel: how far the middle of each stands
// from the chord between its ends (its quadratic coefficient times the
// square of its half length), signed.
static L_DEWARPA *lineModel(PIX *pixb, l_int32 minLines, l_int32 *psag) {
	*psag = 0;
	PTAA *all = dewarpGetTextlineCenters(pixb, 0);
	if (!all) return NULL;
	PTAA *long_ = dewarpRemoveShortLines(pixb, all, 0.6, 0);
	ptaaDestroy(&all);
	if (!long_) return NULL;
	l_int32 n = ptaaGetCount(long_);
	PTAA *lines = ptaaCreate(n);
	NUMA *sags = numaCreate(n);
	for (l_int32 i = 0; i < n; i++) {
		PTA *pta = ptaaGetPta(long_, i, L_COPY);
		l_int32 np = ptaGetCount(pta);
		l_float32 x0 = 0, x1 = 0, c2;
		if (np >= 3) {
			ptaGetPt(pta, 0, &x0, NULL);
			ptaGetPt(pta, np - 1, &x1, NULL);
		}
		if (x1 - x0 < 0.4 * pixGetWidth(pixb) || ptaGetQuadraticLSF(pta, &c2, NULL, NULL, NULL) != 0) {
			ptaDestroy(&pta);
			continue;
		}
		numaAddNumber(sags, c2 * (x1 - x0) * (x1 - x0) / 4);
		ptaaAddPta(lines, pta, L_INSERT);
	}
	ptaaDestroy(&long_);
	l_float32 med = 0;
	L_DEWARPA *dewa = NULL;
	L_DEWARP *dew = NULL;
	if (ptaaGetCount(lines) >= minLines && numaGetMedian(sags, &med) == 0) {
		dewa = dewarpaCreate(1, 0, 1, minLines, -1);
		dew = dewa ? dewarpCreate(pixb, 0) : NULL;
	}
	numaDestroy(&sags);
	if (!dew) { dewarpaDestroy(&dewa); ptaaDestroy(&lines); return NULL; }
	dewarpaUseBothArrays(dewa, 0);
	dewarpaInsertDewarp(dewa, dew);
	l_int32 built = dewarpFindVertDisparity(dew, lines, 0) == 0 && dew->vsuccess;
	ptaaDestroy(&lines);
	if (!built) { dewarpaDestroy(&dewa); return NULL; }
	*psag = lept_roundftoi(100 * med);
	return dewa;
}

// sag is the median sag of the lines of the 1-bit page pixb (see
// lineModel), 0 when they cannot be modelled.
static l_int32 sag(PIX *pixb, l_int32 minLines) {
	l_int32 med;
	L_DEWARPA *dewa = lineModel(pixb, minLines, &med);
	dewarpaDestroy(&dewa);
	return med;
}

// unbend is pixs moved up or down, column by column, by the vertical
// disparity disp (Leptonica's full-resolution array: a pixel of the
// result comes from disp's value above it), read between two rows of
// pixs by their distance: Leptonica's own rendering takes the nearest
// row, which steps a stroke by a pixel where the shift does, and turned
// the thin strokes of a handwritten day from 31 into a 3. What comes
// from outside the page is white.
static PIX *unbend(PIX *pixs, FPIX *disp) {
	l_int32 w, h, fw, fh;
	pixGetDimensions(pixs, &w, &h, NULL);
	fpixGetDimensions(disp, &fw, &fh);
	if (fw < w || fh < h) return NULL;
	PIX *src;
	if (pixGetColormap(pixs)) src = pixRemoveColormap(pixs, REMOVE_CMAP_BASED_ON_SRC);
	else if (pixGetDepth(pixs) != 8 && pixGetDepth(pixs) != 32) src = pixConvertTo8(pixs, 0);
	else src = pixClone(pixs);
	if (!src) return NULL;
	l_int32 d = pixGetDepth(src);
	PIX *pixd = (d == 8 || d == 32) ? pixCreateTemplate(src) : NULL;
	if (!pixd) { pixDestroy(&src); return NULL; }
	pixSetAll(pixd);
	l_uint32 *ds = pixGetData(src), *dd = pixGetData(pixd);
	l_int32 wpls = pixGetWpl(src), wpld = pixGetWpl(pixd), wplf = fpixGetWpl(disp);
	l_float32 *df = fpixGetData(disp);
	for (l_int32 i = 0; i < h; i++) {
		l_uint32 *lined = dd + i * wpld;
		l_float32 *linef = df + i * wplf;
		for (l_int32 j = 0; j < w; j++) {
			l_float32 y = i - linef[j];
			if (y < 0 || y > h - 1) continue;
			l_int32 y0 = (l_int32)y, y1 = L_MIN(y0 + 1, h - 1);
			l_float32 a = y - y0;
			l_uint32 *r0 = ds + y0 * wpls, *r1 = ds + y1 * wpls;
			if (d == 8) {
				l_float32 v = (1 - a) * GET_DATA_BYTE(r0, j) + a * GET_DATA_BYTE(r1, j);
				SET_DATA_BYTE(lined, j, (l_int32)(v + 0.5));
			} else {
				l_int32 R0, G0, B0, R1, G1, B1;
				extractRGBValues(r0[j], &R0, &G0, &B0);
				extractRGBValues(r1[j], &R1, &G1, &B1);
				composeRGBPixel((l_int32)((1 - a) * R0 + a * R1 + 0.5), (l_int32)((1 - a) * G0 + a * G1 + 0.5),
				                (l_int32)((1 - a) * B0 + a * B1 + 0.5), lined + j);
			}
		}
	}
	pixCopyResolution(pixd, pixs);
	pixDestroy(&src);
	return pixd;
}

// flatten is pixs with the vertical disparity of the lines of pixb (the
// same page, 1 bit) undone; NULL when they cannot be modelled, or when
// their median sag is under minSag (hundredths of a pixel).
static PIX *flatten(PIX *pixs, PIX *pixb, l_int32 minLines, l_int32 minSag) {
	l_int32 med;
	L_DEWARPA *dewa = lineModel(pixb, minLines, &med);
	L_DEWARP *dew = dewa ? dewarpaGetDewarp(dewa, 0) : NULL;
	PIX *pixd = NULL;
	if (dew && L_ABS(med) >= minSag && dewarpPopulateFullRes(dew, pixs, 0, 0) == 0 && dew->fullvdispar) {
		pixd = unbend(pixs, dew->fullvdispar);
	}
	dewarpaDestroy(&dewa);
	return pixd;
}
*/
import "C"

import (
	"sync"
	"unsafe"

	"github.com/vanthu/vanthu"
)

// minBentLines is the number of long text lines a page's bend is
// measured from.
const minBentLines = 6

// bentSag is the median sag of a page's lines at which the page is
// flattened, in hundredths of a pixel at 200 dpi (twice as many pixels
// at twice the resolution): 4 pixels, half a millimetre. The pages of
// the real twelve photographed lying flat at a slant measured 2 pixels
// at most, the other kinds' pages half a pixel; photographed with the
// sheet's sides lifted 3 mm at its foot, 3 to 9 pixels, and 7 mm, 11
// to 23. See MEASUREMENTS.md, "A sheet photographed bent".
const bentSag = 400

// lineInk is the grey under which a pixel of a cleaned page is ink to
// the dewarper: all but paper. Clean's ink step leaves the thin strokes
// of a photograph light grey at its own resolution, and at the
// threshold of a scan (128) a page of them broke into a few lines.
const lineInk = 200

// quietLeptonica keeps Leptonica's notes on each page (the dewarper's
// fits and lines too few to model, an orientation it did not decide)
// out of the service's error stream; its errors still go there.
var quietLeptonica = sync.OnceFunc(func() { C.setMsgSeverity(C.L_SEVERITY_ERROR) })

// bent reports whether the text lines of the cleaned page c (Clean's
// grey, ink dark on white paper) curve: a sheet photographed bent,
// curled or lifted from the desk.
func bent(c Cleaned) bool {
	bin, dpi := lineBits(c.Image)
	if bin == nil {
		return false
	}
	defer C.pixDestroy(&bin)
	return abs(int(C.sag(bin, minBentLines))) >= minSagAt(dpi)
}

// lineBits is the cleaned page grey (an image Clean made) as the
// dewarper reads it: 1 bit, all but paper ink (lineInk); and the
// resolution grey states. It is nil where grey cannot be read.
func lineBits(grey []byte) (*C.PIX, int) {
	if len(grey) == 0 {
		return nil, 0
	}
	pix := C.pixReadMem((*C.l_uint8)(unsafe.Pointer(&grey[0])), C.size_t(len(grey)))
	if pix == nil {
		return nil, 0
	}
	defer C.pixDestroy(&pix)
	return C.pixConvertTo1(pix, lineInk), int(C.pixGetXRes(pix))
}

// minSagAt is bentSag for a page at dpi.
func minSagAt(dpi int) int {
	if dpi <= 0 {
		dpi = targetDPI
	}
	return bentSag * dpi / targetDPI
}

// flatten is the page image img, at dpi (0: as it states), in its
// colours, with its text lines made straight where they curve, as an
// uncompressed TIFF; ok is false, and out nil, for a page whose lines do
// not curve or are too few to model.
func flatten(img []byte, dpi int) (out []byte, ok bool, err error) {
	quietLeptonica()
	if len(img) == 0 {
		return nil, false, vanthu.Errorf("ocr: flatten", vanthu.Invalid, "empty image")
	}
	pix := C.pixReadMem((*C.l_uint8)(unsafe.Pointer(&img[0])), C.size_t(len(img)))
	if pix == nil {
		return nil, false, vanthu.Errorf("ocr: flatten", vanthu.Invalid, "the page image cannot be read")
	}
	defer C.pixDestroy(&pix)
	if dpi <= 0 {
		dpi = int(C.pixGetXRes(pix))
	}
	dpi = pageDPI(dpi, int(C.pixGetWidth(pix)), int(C.pixGetHeight(pix)))
	// The lines are found on the page's ink alone, at its own
	// resolution: a desk or a scanner's bed around the sheet would join
	// them into one.
	ink, err := Clean(img, dpi, []string{StepRedDropout, StepBed, StepBackground, StepMedian, StepInk})
	if err != nil {
		return nil, false, err
	}
	bin, _ := lineBits(ink.Image)
	if bin == nil {
		return nil, false, vanthu.Errorf("ocr: flatten", vanthu.Transient, "cannot read the page's ink")
	}
	defer C.pixDestroy(&bin)
	flat := C.flatten(pix, bin, minBentLines, C.l_int32(minSagAt(dpi)))
	if flat == nil {
		return nil, false, nil
	}
	defer C.pixDestroy(&flat)
	out, err = encodeTIFF(flat, int(C.pixGetXRes(pix)))
	return out, err == nil, err
}
