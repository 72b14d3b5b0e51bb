package ocr

/*
#cgo pkg-config: lept
#include <stdlib.h>
#include <string.h>
#include <leptonica/allheaders.h>
#include <leptonica/arrayaccess.h>

// Branch-free compare-exchange: the compiler makes it conditional moves.
#define SORT2(a, b) { l_uint8 lo_ = (a) < (b) ? (a) : (b); l_uint8 hi_ = (a) < (b) ? (b) : (a); (a) = lo_; (b) = hi_; }

// median3 is a 3×3 median filter of an 8-bit image, edges replicated, by
// the 19-exchange sorting network for nine values. Leptonica's general rank
// filter does the same in about five times the time. Rows are copied into
// plain byte order (Leptonica keeps 8-bit pixels in big-endian words), with
// the edge pixel repeated at each end, so that the network runs over whole
// rows at once in vector registers.
static void rowIn(const l_uint32 *line, l_int32 wpl, l_int32 w, l_uint8 *restrict buf) {
	for (l_int32 j = 0; j < wpl; j++) {
		l_uint32 v = line[j];
		buf[1 + 4 * j] = v >> 24;
		buf[2 + 4 * j] = v >> 16;
		buf[3 + 4 * j] = v >> 8;
		buf[4 + 4 * j] = v;
	}
	buf[0] = buf[1];
	buf[w + 1] = buf[w];
}

__attribute__((optimize("O3")))
static void medianRow(const l_uint8 *restrict a, const l_uint8 *restrict b, const l_uint8 *restrict c, l_uint8 *restrict o, l_int32 w) {
	for (l_int32 x = 0; x < w; x++) {
		l_uint8 p0 = a[x], p1 = a[x + 1], p2 = a[x + 2];
		l_uint8 p3 = b[x], p4 = b[x + 1], p5 = b[x + 2];
		l_uint8 p6 = c[x], p7 = c[x + 1], p8 = c[x + 2];
		SORT2(p1, p2); SORT2(p4, p5); SORT2(p7, p8);
		SORT2(p0, p1); SORT2(p3, p4); SORT2(p6, p7);
		SORT2(p1, p2); SORT2(p4, p5); SORT2(p7, p8);
		SORT2(p0, p3); SORT2(p5, p8); SORT2(p4, p7);
		SORT2(p3, p6); SORT2(p1, p4); SORT2(p2, p5);
		SORT2(p4, p7); SORT2(p4, p2); SORT2(p6, p4);
		SORT2(p4, p2);
		o[x] = p4;
	}
}

static PIX *median3(PIX *pixs) {
	l_int32 w, h, d;
	pixGetDimensions(pixs, &w, &h, &d);
	if (d != 8 || w < 1 || h < 1) return NULL;
	PIX *pixd = pixCreateTemplate(pixs);
	if (!pixd) return NULL;
	l_uint32 *ds = pixGetData(pixs), *dd = pixGetData(pixd);
	l_int32 wpls = pixGetWpl(pixs), wpld = pixGetWpl(pixd);
	size_t n = (size_t)wpls * 4 + 2; // a row's bytes, an edge pixel each side
	l_uint8 *mem = malloc(4 * n);
	if (!mem) { pixDestroy(&pixd); return NULL; }
	l_uint8 *rows[3] = {mem, mem + n, mem + 2 * n}, *out = mem + 3 * n;
	rowIn(ds, wpls, w, rows[1]);
	memcpy(rows[0], rows[1], n); // the first row again above it
	for (l_int32 i = 0; i < h; i++) {
		if (i + 1 < h) rowIn(ds + (i + 1) * wpls, wpls, w, rows[2]);
		else memcpy(rows[2], rows[1], n); // the last row again below it
		medianRow(rows[0], rows[1], rows[2], out, w);
		l_uint32 *ld = dd + i * wpld;
		for (l_int32 j = 0; j < wpld; j++) {
			ld[j] = (l_uint32)out[4 * j] << 24 | (l_uint32)out[4 * j + 1] << 16 | (l_uint32)out[4 * j + 2] << 8 | out[4 * j + 3];
		}
		l_uint8 *t = rows[0]; rows[0] = rows[1]; rows[1] = rows[2]; rows[2] = t;
	}
	free(mem);
	return pixd;
}

// unrule whitens the straight rules in the top `top` rows of an 8-bit
// page: underlines, dark runs at least hlen pixels long, and the frames of
// boxed marks, whose sides are runs at least vlen pixels tall that meet a
// horizontal rule (a tall stem of a large bold letter meets none, and
// stays). Runs are found by opening the page's ink with a long thin brick,
// which keeps only what is ink along its whole length (a grey closing
// thresholded after, the same, at a fraction of the time). The rules are
// widened by one pixel each side so that their antialiased edges go too.
// The rest of the page is left as it is.
static PIX *unrule(PIX *pixs, l_int32 hlen, l_int32 vlen, l_int32 top) {
	l_int32 w = pixGetWidth(pixs), h = pixGetHeight(pixs);
	if (top > h) top = h;
	if (top < 1) return NULL;
	BOX *box = boxCreate(0, 0, w, top);
	PIX *head = pixClipRectangle(pixs, box, NULL);
	boxDestroy(&box);
	if (!head) return NULL;
	PIX *ink = pixThresholdToBinary(head, 140);
	pixDestroy(&head);
	if (!ink) return NULL;
	PIX *across = pixOpenBrick(NULL, ink, hlen | 1, 1);
	PIX *down = pixOpenBrick(NULL, ink, 1, vlen | 1);
	pixDestroy(&ink);
	PIX *near = across ? pixDilateBrick(NULL, across, 3, 3) : NULL;
	PIX *seed = near && down ? pixAnd(NULL, down, near) : NULL;
	PIX *sides = seed ? pixSeedfillBinary(NULL, seed, down, 8) : NULL;
	PIX *pixd = across ? pixCopy(NULL, pixs) : NULL;
	if (pixd) {
		PIX *wide = pixDilateBrick(NULL, across, 1, 3);
		if (wide) pixSetMasked(pixd, wide, 255); // the mask is aligned at the top left
		pixDestroy(&wide);
		wide = sides ? pixDilateBrick(NULL, sides, 3, 1) : NULL;
		if (wide) pixSetMasked(pixd, wide, 255);
		pixDestroy(&wide);
	}
	pixDestroy(&across);
	pixDestroy(&down);
	pixDestroy(&near);
	pixDestroy(&seed);
	pixDestroy(&sides);
	return pixd;
}

// bedMask returns the mask of the dark that runs in from the edges of an
// 8-bit page: the scanner's bed or lid around a sheet laid off the
// glass's edges or askew, a copier's black margin. It is the ink
// connected to the image's edge that is solid somewhere across `solid`
// pixels each way (a received stamp's frame, a letter or a rule the edge
// cuts through is not), with all of it connected there (the bed's thin
// strips along the other edges), with the gaps of less than `gap` pixels
// between its parts and the image's edge, and `gap` pixels at most of
// what is darker than the paper along it (a desk's grain in light and
// dark bands around a sheet photographed); NULL when there is none.
static PIX *bedMask(PIX *pixs, l_int32 solid, l_int32 gap) {
	PIX *ink = pixThresholdToBinary(pixs, 128);
	if (!ink) return NULL;
	PIX *edge = pixExtractBorderConnComps(ink, 8);
	pixDestroy(&ink);
	if (!edge) return NULL;
	PIX *seed = pixOpenBrick(NULL, edge, solid, solid);
	l_int32 none = 1;
	if (seed) pixZero(seed, &none);
	if (none) { // no bed: most pages
		pixDestroy(&seed);
		pixDestroy(&edge);
		return NULL;
	}
	// The gaps of less than gap between parts of the edge's ink, and
	// between them and the image's edge, are bed too where it is: a
	// desk's grain in light and dark bands, whose dark ones are not
	// joined.
	PIX *framed = pixAddBorder(edge, gap, 1);
	pixDestroy(&edge);
	PIX *closed = framed ? pixCloseBrick(NULL, framed, gap | 1, gap | 1) : NULL;
	pixDestroy(&framed);
	PIX *near = closed ? pixRemoveBorder(closed, gap) : NULL;
	pixDestroy(&closed);
	PIX *bed = seed && near ? pixSeedfillBinary(NULL, seed, near, 8) : NULL;
	pixDestroy(&seed);
	pixDestroy(&near);
	if (!bed) return NULL;
	// The bed goes on, gap pixels at most, through what is darker than
	// the paper though lighter than ink: the desk's light band along the
	// sheet's edge. Paper is the page's lightest tenth; a sheet's
	// margins are wider than gap.
	l_uint32 paper = 255;
	pixGetRankValue(pixs, 4, 0.9, &paper);
	PIX *dim = pixThresholdToBinary(pixs, (128 + (l_int32)paper) / 2);
	PIX *grown = dim ? pixSeedfillBinaryRestricted(NULL, bed, dim, 8, gap, gap) : NULL;
	pixDestroy(&dim);
	if (grown) {
		pixOr(bed, bed, grown);
		pixDestroy(&grown);
	}
	l_int32 empty = 1;
	pixZero(bed, &empty);
	if (empty) pixDestroy(&bed);
	return bed;
}
*/
import "C"

import (
	"fmt"
	"image"
	"math"
	"strings"
	"unsafe"

	"github.com/vanthu/vanthu"
)

// Clean-up steps, applied in this order. Each is kept only where it
// measurably lowers the error on the dev corpus (see README, "Measured"),
// or, for scans the dev corpus holds none of (levels, shade), on the
// evaluation's columns of such scans while the dev corpus reads the same
// (MEASUREMENTS.md).
const (
	StepRedDropout = "red"        // colour pages: read the red channel, so red seals and stamps fade out
	StepLevels     = "levels"     // a page scanned light: its ink made black
	StepScale      = "scale"      // bring the page to about 200 dpi (finer scans down, coarser up)
	StepShade      = "shade"      // even out a shadow along the left or right edge: a bound file's gutter
	StepBed        = "bed"        // whiten the dark that runs in from the page's edges: the scanner's bed around the sheet
	StepHoles      = "holes"      // whiten the holes punched in a margin for a binder, dark where the lid behind them is
	StepCreases    = "creases"    // whiten the creases across a letter folded for the post
	StepBackground = "background" // flatten uneven background and contrast to white paper
	StepMedian     = "median"     // 3×3 median filter against speckle and noise
	StepInk        = "ink"        // keep dark ink only: greys lighter than ink (grey seals) become paper
	StepOrient     = "orient"     // turn a page scanned sideways or upside down upright
	StepDeskew     = "deskew"     // straighten skew up to about ±7°
	StepRules      = "rules"      // in the header, remove underlines and the frames of boxed marks (KHẨN, MẬT)
	// StepFlatten makes straight the text lines of a sheet photographed
	// bent or curled. It is the reader's (see Worker.RecognizePage): a
	// page whose cleaned lines curve is flattened in its colours, then
	// cleaned again.
	StepFlatten = "flatten"
)

// AllSteps lists every clean-up step in order.
var AllSteps = []string{StepRedDropout, StepLevels, StepScale, StepShade, StepBed, StepHoles, StepCreases, StepBackground, StepMedian, StepInk, StepOrient, StepDeskew, StepRules, StepFlatten}

// minOrientConf is the confidence a page's orientation is decided with
// (see orientation).
const minOrientConf = 5.0

// inkLevel is the grey above which StepInk makes a pixel paper.
var inkLevel = 150

// Cleaned is a page image prepared for recognition.
type Cleaned struct {
	Image []byte  // uncompressed TIFF stating its resolution
	Scale float64 // factor the page was scaled by
	DPI   int     // the page's resolution as scanned (0: not known)
	Turns int     // quarter turns clockwise that made it upright
	// Undecided is set when Leptonica's statistics decided no
	// orientation, and Leaning is then the quarter turns clockwise they
	// measured most surely (0: upright, or nothing measured).
	Undecided bool
	Leaning   int
	// Skew is the angle (degrees, clockwise) the page was turned by about
	// its centre to make its lines level; 0 for a straight page.
	Skew float64
	// Ink is the grey StepLevels made black, the page scanned light (0:
	// the page's ink was dark enough).
	Ink int
	// Plain is the upright page as Image but without the median filter
	// (and the header's rules), in the same frame; only from cleanPage,
	// with the median among the steps and the page upright.
	Plain []byte
}

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

// targetDPI is the resolution pages are read at. Tesseract's LSTM scales
// every text line to one height, so finer pixels mostly cost time: on the
// dev corpus 200 dpi read as well as 240 or 300 (CER within noise) and 36%
// faster than 300.
const targetDPI = 200

// pageDPI is the resolution of a w×h page image stated as dpi (0: none).
// Cameras and some scanning software write 72 or 96 dpi, or an aspect
// ratio (1), or nothing: read as stated, a 300 dpi scan marked 72 would be
// blown up almost threefold before recognition, one with no mark not scaled
// at all. A stated resolution of 100 dpi or more that makes the page a
// paper size (a short side of 2.5 to 12 inches) is kept; otherwise the page
// is taken for A4 (NĐ 30 prints on A4): its width is A4's short side (8.27
// inches) when it stands upright, the long side (11.69) when it lies. An
// image too small to be a page at 50 dpi keeps what it states.
func pageDPI(dpi, w, h int) int {
	if dpi >= 100 {
		if in := float64(min(w, h)) / float64(dpi); in >= 2.5 && in <= 12 {
			return dpi
		}
	}
	side := 8.27
	if w > h {
		side = 11.69
	}
	if a4 := int(math.Round(float64(w) / side)); a4 >= 50 {
		return a4
	}
	return dpi
}

// Clean prepares a page image for recognition with Leptonica. dpi is the
// page's resolution if known (0: read it from the image).
func Clean(img []byte, dpi int, steps []string) (Cleaned, error) {
	return clean(img, dpi, steps, image.Rectangle{}, false)
}

// cleanPage is Clean, also keeping the page without the median filter
// (Cleaned.Plain) when it is among the steps.
func cleanPage(img []byte, dpi int, steps []string) (Cleaned, error) {
	return clean(img, dpi, steps, image.Rectangle{}, true)
}

// CleanRegion is Clean on the part r of the page (in the page image's
// pixels).
func CleanRegion(img []byte, dpi int, steps []string, r image.Rectangle) (Cleaned, error) {
	if r.Empty() {
		return Cleaned{}, vanthu.Errorf("ocr: clean", vanthu.Invalid, "empty region")
	}
	return clean(img, dpi, steps, r, false)
}

func clean(img []byte, dpi int, steps []string, region image.Rectangle, keepPlain bool) (c Cleaned, err error) {
	c.Scale = 1
	if len(img) == 0 {
		return c, vanthu.Errorf("ocr: clean", vanthu.Invalid, "empty image")
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
		return c, vanthu.Errorf("ocr: clean", vanthu.Invalid, "the page image cannot be read")
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
	if region.Empty() {
		dpi = pageDPI(dpi, int(C.pixGetWidth(pix)), int(C.pixGetHeight(pix)))
	}
	c.DPI = dpi
	if !region.Empty() {
		box := C.boxCreate(C.l_int32(region.Min.X), C.l_int32(region.Min.Y), C.l_int32(region.Dx()), C.l_int32(region.Dy()))
		clipped := C.pixClipRectangle(pix, box, nil)
		C.boxDestroy(&box)
		if clipped == nil {
			return c, vanthu.Errorf("ocr: clean", vanthu.Invalid, "region %v is outside the page", region)
		}
		replace(clipped)
	}

	red := C.pixGetDepth(pix) == 32 && has(StepRedDropout)
	if red {
		replace(C.pixGetRGBComponent(pix, C.COLOR_RED))
	}
	if C.pixGetDepth(pix) != 8 {
		replace(C.pixConvertTo8(pix, 0))
	}
	if C.pixGetDepth(pix) != 8 {
		return c, vanthu.Errorf("ocr: clean", vanthu.Invalid, "the page image cannot be made grey")
	}
	if has(StepLevels) {
		next, ink := levels(pix)
		replace(next)
		c.Ink = ink
	}
	if red {
		// Red ink is light but not white in the red channel: clip it to
		// white so the seal's rim does not cut lines of text.
		replace(C.pixGammaTRC(nil, pix, 1.0, 0, 190))
	}
	if has(StepScale) && dpi > 0 && (dpi < targetDPI*4/5 || dpi > targetDPI*11/10) {
		c.Scale = float64(targetDPI) / float64(dpi)
		f := C.l_float32(c.Scale)
		replace(C.pixScale(pix, f, f))
		dpi = targetDPI
	}
	if has(StepShade) && region.Empty() {
		replace(unshade(pix, dpi))
	}
	if has(StepBed) && region.Empty() {
		// A part of the page is not cut at the sheet's edge: the
		// letters its edge cuts through are no bed. Its grey fringe
		// goes with it.
		res := max(dpi, 100)
		replace(whiten(pix, C.bedMask(pix, C.l_int32(res/10), C.l_int32(res/4)), res/40))
	}
	if has(StepHoles) && region.Empty() {
		replace(unpunch(pix, dpi))
	}
	if has(StepCreases) && region.Empty() {
		replace(uncrease(pix, dpi))
	}
	if has(StepBackground) {
		replace(C.pixBackgroundNormSimple(pix, nil, nil))
	}
	// plain follows pix without the median filter, through the same
	// turns and rotation, when asked for.
	var plain *C.PIX
	defer func() {
		if plain != nil {
			C.pixDestroy(&plain)
		}
	}()
	if has(StepMedian) {
		if keepPlain {
			plain = C.pixCopy(nil, pix)
		}
		replace(C.median3(pix))
	}
	if has(StepInk) {
		replace(C.pixGammaTRC(nil, pix, 1.0, 0, C.l_int32(inkLevel)))
	}
	if has(StepOrient) {
		c.Turns, c.Leaning, c.Undecided = orientation(pix)
		if c.Turns != 0 {
			replace(C.pixRotateOrth(pix, C.l_int32(c.Turns)))
			if plain != nil {
				C.pixDestroy(&plain) // only upright pages are read twice
			}
		}
	}
	if has(StepDeskew) {
		var angle, conf C.l_float32
		next := C.pixFindSkewAndDeskew(pix, 0, &angle, &conf)
		if next != nil && next != pix && plain != nil {
			// The filtered page was turned: turn the plain one alike
			// (as pixDeskew does).
			turned := C.pixRotate(plain, C.l_float32(math.Pi/180)*angle, C.L_ROTATE_AREA_MAP, C.L_BRING_IN_WHITE, 0, 0)
			C.pixDestroy(&plain)
			plain = turned
		}
		if next == pix {
			C.pixDestroy(&next) // a clone: the page was straight
		} else {
			c.Skew = float64(angle)
			replace(next)
		}
	}
	if has(StepRules) {
		res := dpi
		if res <= 0 {
			res = targetDPI
		}
		// No letter is half an inch wide or a fifth of an inch tall at
		// the sizes NĐ 30 prescribes (13–14 pt). The marks and the
		// underlined agency and motto lie in the header: its top 40%.
		replace(C.unrule(pix, C.l_int32(res/2), C.l_int32(res/5), C.pixGetHeight(pix)*2/5))
	}
	if c.Image, err = encodeTIFF(pix, dpi); err != nil {
		return c, err
	}
	if plain != nil {
		if c.Plain, err = encodeTIFF(plain, dpi); err != nil {
			return c, err
		}
	}
	return c, nil
}

// turnUpright is the page image img turned by turns quarter turns
// clockwise, in its colours, as an uncompressed TIFF stating the
// resolution img states.
func turnUpright(img []byte, turns int) ([]byte, error) {
	return turnImage(img, turns, C.IFF_TIFF)
}

// asPNG is the page image img as a PNG stating the resolution img
// states: the page as read (see RecognizePageAsRead), to be shown and
// archived.
func asPNG(img []byte) ([]byte, error) { return turnImage(img, 0, C.IFF_PNG) }

func turnImage(img []byte, turns int, format C.l_int32) ([]byte, error) {
	if len(img) == 0 {
		return nil, vanthu.Errorf("ocr: clean", vanthu.Invalid, "empty image")
	}
	pix := C.pixReadMem((*C.l_uint8)(unsafe.Pointer(&img[0])), C.size_t(len(img)))
	if pix == nil {
		return nil, vanthu.Errorf("ocr: clean", vanthu.Invalid, "the page image cannot be read")
	}
	defer C.pixDestroy(&pix)
	up := C.pixRotateOrth(pix, C.l_int32(turns))
	if up == nil {
		return nil, vanthu.Errorf("ocr: clean", vanthu.Transient, "cannot turn the page")
	}
	defer C.pixDestroy(&up)
	return encodePix(up, int(C.pixGetXRes(pix)), format)
}

// encodeTIFF writes pix as an uncompressed TIFF stating dpi (if known).
func encodeTIFF(pix *C.PIX, dpi int) ([]byte, error) { return encodePix(pix, dpi, C.IFF_TIFF) }

// encodePix writes pix in format stating dpi (if known).
func encodePix(pix *C.PIX, dpi int, format C.l_int32) ([]byte, error) {
	if dpi > 0 {
		C.pixSetResolution(pix, C.l_int32(dpi), C.l_int32(dpi))
	}
	var data *C.l_uint8
	var size C.size_t
	if C.pixWriteMem(&data, &size, pix, format) != 0 || data == nil {
		return nil, vanthu.Errorf("ocr: clean", vanthu.Transient, "cannot encode the page")
	}
	defer C.free(unsafe.Pointer(data))
	return C.GoBytes(unsafe.Pointer(data), C.int(size)), nil
}

// orientation returns the quarter turns clockwise that make the text of an
// 8-bit page upright, from the statistics of ascenders and descenders of
// Latin script (Leptonica); 0 when upright or undecided. Undecided, it
// also returns the turns the statistics lean to: the orientation measured
// most surely (0 when upright or nothing was measured).
//
// The decision needs a confidence of minOrientConf, not Leptonica's
// default of 8: a short letter (a công văn of ten lines) turned upside
// down measured -5.9, and the upright pages of the dev corpus and the
// real documents measured 3.3 and more, on the right side of zero.
// Leptonica also asks the orientation decided on to measure 2.5 times as
// surely as the other axis.
func orientation(pix *C.PIX) (turns, leaning int, undecided bool) {
	bin := C.pixConvertTo1(pix, 128)
	if bin == nil {
		return 0, 0, true
	}
	defer C.pixDestroy(&bin)
	var up, left C.l_float32
	if C.pixOrientDetect(bin, &up, &left, 0, 0) != 0 {
		return 0, 0, true
	}
	var orient C.l_int32
	if C.makeOrientDecision(up, left, minOrientConf, 0, &orient, 0) != 0 {
		return 0, 0, true
	}
	switch orient {
	case C.L_TEXT_ORIENT_UP:
		return 0, 0, false
	case C.L_TEXT_ORIENT_LEFT:
		return 1, 0, false
	case C.L_TEXT_ORIENT_DOWN:
		return 2, 0, false
	case C.L_TEXT_ORIENT_RIGHT:
		return 3, 0, false
	}
	sideways := math.Abs(float64(left)) > math.Abs(float64(up))
	switch {
	case sideways && left > 0:
		return 0, 1, true
	case sideways && left < 0:
		return 0, 3, true
	case up < 0:
		return 0, 2, true
	}
	return 0, 0, true
}
