package ocr

/*
#cgo pkg-config: lept
#define _GNU_SOURCE
#include <dlfcn.h>
#include <leptonica/allheaders.h>

// Tesseract 5.3 hands every text line to its LSTM as a PNG it writes and
// reads back at once (ImageData::SetPixInternal, then GetPix), with zlib at
// its default level: on the dev corpus a tenth of the CPU of a page went to
// compressing those throwaway images. This definition of pixWriteMem, in the
// executable, comes before Leptonica's for the calls from libtesseract (the
// linker exports it because a shared library it links refers to it): PNGs
// are written stored, without compression, the same pixels in a few more
// bytes; everything else goes on to Leptonica's.
static l_ok (*leptWriteMem)(l_uint8 **, size_t *, PIX *, l_int32);

// Found once at load, before any OCR worker runs.
__attribute__((constructor)) static void findLeptWriteMem(void) {
	leptWriteMem = (l_ok (*)(l_uint8 **, size_t *, PIX *, l_int32))dlsym(RTLD_NEXT, "pixWriteMem");
}

l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format) {
	if (format == IFF_PNG && pix) {
		return pixSetZlibCompression(pix, 0) ? 1 : pixWriteMemPng(pdata, psize, pix, 0.0);
	}
	return leptWriteMem ? leptWriteMem(pdata, psize, pix, format) : 1;
}

// scratchPNGSize writes a w×h page of grey noise as Tesseract does its
// lines, through whichever pixWriteMem the dynamic linker found for
// libtesseract, and returns the size in bytes (0 on failure).
static size_t scratchPNGSize(l_int32 w, l_int32 h) {
	l_ok (*found)(l_uint8 **, size_t *, PIX *, l_int32) =
		(l_ok (*)(l_uint8 **, size_t *, PIX *, l_int32))dlsym(RTLD_DEFAULT, "pixWriteMem");
	PIX *pix = pixCreate(w, h, 8);
	if (!found || !pix) return 0;
	for (l_int32 y = 0; y < h; y++)
		for (l_int32 x = 0; x < w; x++)
			pixSetPixel(pix, x, y, (x * 7 + y * 13) % 5 == 0 ? 0 : 255);
	l_uint8 *data = NULL;
	size_t size = 0;
	l_ok err = found(&data, &size, pix, IFF_PNG);
	pixDestroy(&pix);
	if (err || !data) return 0;
	lept_free(data);
	return size;
}
*/
import "C"

// scratchPNGSize is the size of a w×h grey PNG written the way Tesseract
// writes its line images.
func scratchPNGSize(w, h int) int { return int(C.scratchPNGSize(C.l_int32(w), C.l_int32(h))) }
