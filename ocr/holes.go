package ocr

/*
#cgo pkg-config: lept
#include <leptonica/allheaders.h>

// holes returns the mask of the holes punched in the margins of an 8-bit
// page for a binder, dark where the lid or the feeder behind the sheet is
// dark: the blobs of ink solid across half of dmin pixels each way (no
// stroke of print is so wide), dmin to dmax pixels across, round (no
// longer one way than 5:4 of the other) and filling seven tenths of their
// box (a disc fills 79%), that lie wholly within band pixels of an edge
// of the page (its margins, which hold no print of that shape). NULL
// where there is none.
static PIX *holes(PIX *pixs, l_int32 dmin, l_int32 dmax, l_int32 band) {
	PIX *ink = pixThresholdToBinary(pixs, 128);
	if (!ink) return NULL;
	l_int32 w = pixGetWidth(ink), h = pixGetHeight(ink);
	PIX *core = pixOpenBrick(NULL, ink, (dmin / 2) | 1, (dmin / 2) | 1);
	l_int32 none = 1;
	if (core) pixZero(core, &none);
	if (none) { // no solid blob: most pages
		pixDestroy(&core);
		pixDestroy(&ink);
		return NULL;
	}
	PIX *blobs = pixSeedfillBinary(NULL, core, ink, 8);
	pixDestroy(&core);
	pixDestroy(&ink);
	if (!blobs) return NULL;
	PIXA *pixa = NULL;
	BOXA *boxa = pixConnComp(blobs, &pixa, 8);
	PIX *mask = boxa ? pixCreateTemplate(blobs) : NULL;
	pixDestroy(&blobs);
	l_int32 found = 0;
	for (l_int32 i = 0; mask && i < boxaGetCount(boxa); i++) {
		l_int32 bx, by, bw, bh;
		boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
		if (bw < dmin || bh < dmin || bw > dmax || bh > dmax || bw * 4 > bh * 5 || bh * 4 > bw * 5) continue;
		if (bx + bw > band && by + bh > band && bx < w - band && by < h - band) continue; // not in a margin
		PIX *p = pixaGetPix(pixa, i, L_CLONE);
		l_int32 count = 0;
		if (p && pixCountPixels(p, &count, NULL) == 0 && count * 10 >= bw * bh * 7) {
			pixRasterop(mask, bx, by, bw, bh, PIX_PAINT, p, 0, 0);
			found = 1;
		}
		pixDestroy(&p);
	}
	boxaDestroy(&boxa);
	pixaDestroy(&pixa);
	if (!found) pixDestroy(&mask);
	return mask;
}
*/
import "C"

// Holes punched for a binder (ISO 838: 6 mm across, their centres 12 mm
// from the sheet's edge; other punches make them 5 to 8 mm) lie in the
// margins NĐ 30 leaves: 20 mm at least at the top and the foot, 30 at
// the left, 15 at the right.
const (
	holeMinMM  = 4.0
	holeMaxMM  = 9.0
	holeBandMM = 20.0
)

// unpunch whitens the holes punched in the margins of the 8-bit page pix
// of resolution dpi (StepHoles), and their grey rim half a millimetre
// round them: it returns the page so made, or nil where it has none.
func unpunch(pix *C.PIX, dpi int) *C.PIX {
	mm := float64(max(dpi, 100)) / 25.4
	return whiten(pix, C.holes(pix, C.l_int32(holeMinMM*mm), C.l_int32(holeMaxMM*mm), C.l_int32(holeBandMM*mm)), int(mm/2)+1)
}
