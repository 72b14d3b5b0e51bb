// Package eval measures Vanthu end to end on a corpus with ground truth
// (../shared/corpus/dev by default, or $VANTHU_CORPUS): the corpus is run
// through the real pipeline (rasterise, OCR, extract, index) and scored.
// Its tests skip, saying why, when the corpus is absent.
package eval
