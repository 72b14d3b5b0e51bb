package ocr

/*
#cgo pkg-config: lept
#include <leptonica/allheaders.h>

// creases returns the mask of the creases across an 8-bit page: a letter
// folded for the post and unfolded on the glass leaves a thin line darker
// than the paper from one edge of the sheet to the other, through the
// margins and the lines of print. It is what is darker than the paper in
// runs of `run` pixels or more across, its pieces grouped over gaps of
// less than `gap`, that reaches within `edge` pixels of both sides of the
// page (a table's rules and the header's underlines keep to the margins
// NĐ 30 sets), is no taller than `tall` pixels (a line laid a degree or
// two askew), and whose runs cover a third of its span. The print it
// crosses is not of it: where the crease is grey, what is darker than it
// (the crease widened by two pixels above and below for its rim); where
// it is as dark as print (a scan in one bit), the strokes that go on
// above and below it within `cross` pixels. NULL where the page has none.
static PIX *creases(PIX *pixs, l_int32 run, l_int32 gap, l_int32 edge, l_int32 tall, l_int32 cross) {
	l_int32 w = pixGetWidth(pixs);
	// A crease is a grey a little darker than the paper (the paper's
	// lightest tenth), where print is ink.
	l_uint32 paper = 255;
	pixGetRankValue(pixs, 4, 0.9, &paper);
	l_int32 level = (l_int32)paper - 45;
	if (level < 140) level = 140;
	PIX *ink = pixThresholdToBinary(pixs, level);
	if (!ink) return NULL;
	PIX *runs = pixOpenBrick(NULL, ink, run | 1, 1);
	// A crease has runs within edge of both sides: most pages have none
	// there.
	l_int32 none = 1;
	for (l_int32 side = 0; runs && side < 2; side++) {
		BOX *b = boxCreate(side ? w - edge : 0, 0, edge, pixGetHeight(runs));
		PIX *strip = b ? pixClipRectangle(runs, b, NULL) : NULL;
		none = 1;
		if (strip) pixZero(strip, &none);
		pixDestroy(&strip);
		boxDestroy(&b);
		if (none) break;
	}
	if (none) {
		pixDestroy(&runs);
		pixDestroy(&ink);
		return NULL;
	}
	// Its pieces, a step up or down from each other where it lies
	// askew, are grouped by widening each by half the gap each way and
	// a few pixels up and down.
	PIX *joined = pixDilateCompBrick(NULL, runs, gap | 1, 9);
	PIXA *pixa = NULL;
	BOXA *boxa = joined ? pixConnComp(joined, &pixa, 8) : NULL;
	PIX *across = boxa ? pixCreateTemplate(ink) : NULL;
	l_int32 found = 0;
	for (l_int32 i = 0; across && i < boxaGetCount(boxa); i++) {
		l_int32 bx, by, bw, bh;
		boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
		if (bw < w - 2 * edge) continue; // short of the sides, widened or not
		// The group's own runs: their span, and how much of it they cover.
		PIX *p = pixaGetPix(pixa, i, L_CLONE);
		BOX *b = boxCreate(bx, by, bw, bh), *fg = NULL;
		PIX *mine = p && b ? pixClipRectangle(runs, b, NULL) : NULL;
		l_int32 count = 0, fx = 0, fy = 0, fw = 0, fh = 0;
		if (mine) {
			pixAnd(mine, mine, p);
			pixCountPixels(mine, &count, NULL);
			pixClipToForeground(mine, NULL, &fg);
		}
		if (fg) boxGetGeometry(fg, &fx, &fy, &fw, &fh);
		boxDestroy(&fg);
		pixDestroy(&mine);
		boxDestroy(&b);
		if (p && bx + fx <= edge && bx + fx + fw >= w - edge && fh <= tall && count * 3 >= fw) {
			pixRasterop(across, bx, by, bw, bh, PIX_PAINT, p, 0, 0);
			found = 1;
		}
		pixDestroy(&p);
	}
	boxaDestroy(&boxa);
	pixaDestroy(&pixa);
	pixDestroy(&joined);
	PIX *line = NULL;
	l_float32 tone = 0;
	if (found) {
		// The line is the long runs under the crease's span; its grey
		// is their median.
		pixAnd(across, across, runs);
		pixGetRankValueMasked(pixs, across, 0, 0, 1, 0.5, &tone, NULL);
	}
	pixDestroy(&runs);
	if (found && tone > 100) {
		// A grey crease, and its rim two pixels above and below,
		// crosses print darker than it: that is kept.
		line = pixDilateBrick(NULL, across, 1, 5);
		PIX *dark = line ? pixThresholdToBinary(pixs, (l_int32)tone - 40) : NULL;
		if (dark) pixSubtract(line, line, dark);
		pixDestroy(&dark);
	} else if (found) {
		// A crease as dark as the print (a scan in one bit), edged
		// sharp: a stroke crosses it where ink goes on above and
		// below it.
		line = pixCopy(NULL, across);
		PIX *rest = line ? pixSubtract(NULL, ink, line) : NULL;
		PIX *strokes = rest ? pixCloseBrick(NULL, rest, 1, cross | 1) : NULL;
		if (strokes) {
			pixAnd(strokes, strokes, line);
			pixSubtract(line, line, strokes);
		}
		pixDestroy(&strokes);
		pixDestroy(&rest);
	}
	pixDestroy(&across);
	pixDestroy(&ink);
	return line;
}
*/
import "C"

// uncrease whitens the creases across the 8-bit page pix of resolution
// dpi (StepCreases), before the median filter breaks a thin line into
// dashes: it returns the page so made, or nil where it has none.
//
// A run is 3 mm (no stroke of a letter across is so long at the sizes NĐ
// 30 sets), and the gaps print leaves in the line up to 30 mm. The line
// reaches within 15 mm of both sides of the sheet, where the left margin
// is 30 mm and the right 15 to 20; it is no more than 2° askew and 1 mm
// thick.
func uncrease(pix *C.PIX, dpi int) *C.PIX {
	mm := float64(max(dpi, 100)) / 25.4
	w := float64(C.pixGetWidth(pix))
	return whiten(pix, C.creases(pix, C.l_int32(3*mm), C.l_int32(30*mm), C.l_int32(15*mm), C.l_int32(w*0.035+mm), C.l_int32(mm+4)), 0)
}
