package ocr

/*
#cgo pkg-config: lept
#include <stdlib.h>
#include <leptonica/allheaders.h>
#include <leptonica/arrayaccess.h>

// paperOfColumns fills p[x] with the paper's grey in each column of an
// 8-bit page: the grey that a tenth of the column's pixels (every second
// row) are lighter than.
static void paperOfColumns(PIX *pix, l_int32 *p) {
	l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
	l_uint32 *data = pixGetData(pix);
	l_int32 *hist = calloc(256 * (size_t)w, sizeof(l_int32));
	if (!hist) {
		for (l_int32 x = 0; x < w; x++) p[x] = 255;
		return;
	}
	l_int32 rows = 0;
	for (l_int32 y = 0; y < h; y += 2, rows++) {
		l_uint32 *line = data + y * wpl;
		for (l_int32 x = 0; x < w; x++) {
			hist[x * 256 + GET_DATA_BYTE(line, x)]++;
		}
	}
	for (l_int32 x = 0; x < w; x++) {
		l_int32 n = 0, v = 255;
		for (; v > 0; v--) {
			n += hist[x * 256 + v];
			if (n * 10 >= rows) break;
		}
		p[x] = v;
	}
	free(hist);
}

// unshade evens out a shadow along the left or right edge of an 8-bit page
// of resolution res: a bound file's gutter, the paper growing darker
// toward the edge by degrees. Where the paper of the edge's column is
// darker than the page's paper by dark or more, and grows lighter to
// within 20 of it going in without a jump (by less than jump within a
// millimetre: a scanner's bed, or a copier's black margin, ends sharply
// and is the bed step's), each column there is lightened by the ratio of
// the page's paper to its own, so that its paper is the page's and its
// ink stays ink. NULL where there is no such shadow.
static PIX *unshade(PIX *pixs, l_int32 res, l_int32 dark, l_int32 jump) {
	l_int32 w = pixGetWidth(pixs), h = pixGetHeight(pixs);
	if (w < 100 || h < 100) return NULL;
	l_int32 *p = malloc(sizeof(l_int32) * (size_t)w);
	if (!p) return NULL;
	paperOfColumns(pixs, p);
	// The page's paper: the lightest of its middle half's columns' paper.
	l_int32 paper = 0;
	for (l_int32 x = w / 4; x < 3 * w / 4; x++) {
		if (p[x] > paper) paper = p[x];
	}
	l_int32 mm = res / 25 > 0 ? res / 25 : 1;
	l_int32 from[2] = {0, w - 1}, dir[2] = {1, -1}, end[2] = {-1, -1};
	for (int side = 0; side < 2; side++) {
		l_int32 x0 = from[side], d = dir[side];
		if (p[x0] > paper - dark) continue;
		l_int32 x = x0, smooth = 1;
		for (; x >= 0 && x < w && p[x] < paper - 20; x += d) {
			l_int32 ahead = x + d * mm;
			if (ahead < 0 || ahead >= w) { smooth = 0; break; }
			if (p[ahead] - p[x] >= jump) { smooth = 0; break; }
		}
		if (smooth && x >= 0 && x < w && abs(x - x0) < w / 3) end[side] = x;
	}
	if (end[0] < 0 && end[1] < 0) {
		free(p);
		return NULL;
	}
	PIX *pixd = pixCopy(NULL, pixs);
	if (!pixd) {
		free(p);
		return NULL;
	}
	l_int32 wpl = pixGetWpl(pixd);
	l_uint32 *data = pixGetData(pixd);
	for (int side = 0; side < 2; side++) {
		if (end[side] < 0) continue;
		l_int32 lo = side == 0 ? 0 : end[side], hi = side == 0 ? end[side] : w - 1;
		for (l_int32 y = 0; y < h; y++) {
			l_uint32 *line = data + y * wpl;
			for (l_int32 x = lo; x <= hi; x++) {
				l_int32 col = p[x] > 0 ? p[x] : 1;
				l_int32 v = GET_DATA_BYTE(line, x) * paper / col;
				SET_DATA_BYTE(line, x, v > 255 ? 255 : v);
			}
		}
	}
	free(p);
	return pixd;
}
*/
import "C"

// unshade evens out a gutter's shadow along the left or right edge of an
// 8-bit page scanned at dpi (StepShade): see the C function. Nil where
// there is none.
func unshade(pix *C.PIX, dpi int) *C.PIX {
	return C.unshade(pix, C.l_int32(max(dpi, 100)), 60, 100)
}
