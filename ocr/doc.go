// Package ocr turns a received file into page images and page images into
// text.
//
// A Rasteriser works in a child process (this same binary, see
// MaybeRasterChild) under a memory limit and a per-page watchdog, because
// MuPDF can abort the whole process or exhaust memory on hostile files and
// a render cannot be cancelled. Per page it takes, in order: a usable PDF
// text layer (legacy TCVN3 and VNI decoded; no OCR then); a scanned image
// that fills the page, as it is (MuPDF's SVG output holds the original
// stream); else a MuPDF render. JPEG and PNG files are their own single
// page, at their own resolution. Probe opens a file and checks its pages
// without rendering, for intake to refuse what cannot be read.
//
// A Worker recognises page images with Tesseract 5 (`vie`) through
// gosseract, after Leptonica clean-up (Clean), reads the page in layout
// order and corrects what cannot be Vietnamese (Correct). Each Worker owns
// one Tesseract engine, kept warm between pages; a Worker must be used by
// one goroutine only.
//
// Tesseract from Debian uses OpenMP, which is about 8× slower with several
// engines in one process unless OMP_THREAD_LIMIT=1 is in the environment
// before the process starts. [EnsureSingleThreadOMP] re-executes the program
// with it set.
package ocr
