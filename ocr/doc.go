// Package ocr turns a received file into page images and page images into
// text.
//
// Rasterise renders PDF and TIFF pages in a child process (MuPDF through
// go-fitz) under a memory and time limit, because MuPDF can abort the whole
// process or exhaust memory on hostile files and a render cannot be
// cancelled. JPEG and PNG files are their own single page, at their own
// resolution.
//
// A Worker recognises page images with Tesseract 5 (`vie`) through
// gosseract. Each Worker owns one Tesseract engine, kept warm between pages;
// a Worker must be used by one goroutine only.
//
// Tesseract from Debian uses OpenMP, which is about 8× slower with several
// engines in one process unless OMP_THREAD_LIMIT=1 is in the environment
// before the process starts. [EnsureSingleThreadOMP] re-executes the program
// with it set.
package ocr
