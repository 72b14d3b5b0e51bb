// Package pipeline wires Vanthu's stages together over a transport:
//
//	raster  (doc id)        → rasterise the archive copy, one message per page
//	pages   (page image)    → OCR, one warm Tesseract engine per consumer
//	texts   (page text)     → assemble; when the last page is in, extract
//	index   (doc id)        → index the document
//
// The stages themselves are plain functions in ocr, extract and index; this
// package only moves references between them, records each document's stage
// in the registry, retries transient failures a bounded number of times and
// records the reason when a document fails. On start it re-publishes the
// unfinished work the registry shows, so that a restart loses nothing.
package pipeline
