// Package pdfa writes two-layer PDF/A-2b files: each page is a scanned
// image, kept as received where the format allows (a JPEG's own bytes, a
// PNG's own compressed data), with an invisible text layer (rendering mode
// 3) placed on the words' boxes, so that a reader selects, searches and
// copies the right words over the scan.
//
// The text layer uses one embedded font with no visible glyphs (every
// character maps to one blank glyph of half an em), with a ToUnicode map
// from character codes to Unicode, so that copied text is the NFC text
// given. The file carries what PDF/A-2 (ISO 19005-2, level B) asks of it:
// an sRGB output intent, XMP metadata with the PDF/A identification and
// the caller's own properties described by an extension schema, a
// document ID in the trailer, and nothing PDF/A forbids (no encryption,
// no JavaScript, no transparency, no external content).
//
// A Writer writes pages as they are added, so memory holds one page at a
// time.
package pdfa
