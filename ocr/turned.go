package ocr

import (
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// turned returns img as seen turned clockwise by deg degrees about its
// centre, in the same bounds (what falls outside is white), as Leptonica
// turns a page to deskew it. A turn of 0 is img itself. Pixels are read
// where they fall (nearest neighbour), on demand: readers of a page's
// header look at a small part of it.
func turned(img image.Image, deg float64) image.Image {
	if deg == 0 {
		return img
	}
	b := img.Bounds()
	sin, cos := math.Sincos(deg * math.Pi / 180)
	return &turnedImage{src: img, sin: sin, cos: cos,
		cx: float64(b.Min.X+b.Max.X) / 2, cy: float64(b.Min.Y+b.Max.Y) / 2}
}

type turnedImage struct {
	src              image.Image
	sin, cos, cx, cy float64
}

func (t *turnedImage) ColorModel() color.Model { return t.src.ColorModel() }
func (t *turnedImage) Bounds() image.Rectangle { return t.src.Bounds() }

// At is the source pixel that the turn brought to (x, y): the point turned
// back about the centre.
func (t *turnedImage) At(x, y int) color.Color {
	dx, dy := float64(x)+0.5-t.cx, float64(y)+0.5-t.cy
	sx := t.cx + dx*t.cos + dy*t.sin
	sy := t.cy - dx*t.sin + dy*t.cos
	p := image.Pt(int(math.Floor(sx)), int(math.Floor(sy)))
	if !p.In(t.src.Bounds()) {
		return color.White
	}
	return t.src.At(p.X, p.Y)
}

// turnedWords is words, in the pixels of a width×height image, where
// turned(img, deg) puts them: each box moved with its centre.
func turnedWords(words []vanthu.Word, deg float64, width, height int) []vanthu.Word {
	if deg == 0 {
		return words
	}
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(width)/2, float64(height)/2
	out := make([]vanthu.Word, len(words))
	for i, w := range words {
		dx, dy := float64(w.X0+w.X1)/2-cx, float64(w.Y0+w.Y1)/2-cy
		mx, my := int(math.Round(cx+dx*cos-dy*sin-float64(w.X0+w.X1)/2)), int(math.Round(cy+dx*sin+dy*cos-float64(w.Y0+w.Y1)/2))
		w.X0, w.X1, w.Y0, w.Y1 = w.X0+mx, w.X1+mx, w.Y0+my, w.Y1+my
		out[i] = w
	}
	return out
}

// minTurnedGain is how much larger the share of syllables of a page read
// turned must be for that reading to be kept (see RecognizePage).
const minTurnedGain = 0.25

// readsTurned reports whether a page's words look like a page read turned
// from upright: ten words of letters or more, fewer than half of them
// syllables. Upright, even a fax's are mostly syllables; turned,
// Tesseract makes strings of letters of no language out of the strokes.
func readsTurned(words []vanthu.Word) bool {
	n, share := syllables(words)
	return n >= 10 && share < 0.5
}

// syllables counts a page's words of letters and gives the share of them
// that are Vietnamese syllables.
func syllables(words []vanthu.Word) (n int, share float64) {
	syl := 0
	for _, w := range words {
		c := core(w)
		if c == "" || !isWordish(c) {
			continue
		}
		n++
		if dict.IsSyllable(strings.ToLower(c)) {
			syl++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return n, float64(syl) / float64(n)
}
