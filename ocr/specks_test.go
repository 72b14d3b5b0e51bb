package ocr

import (
	"image"
	"image/color"
	"testing"
)

// A tone mark the page without the median filter shows, and the page
// with it does not, is a speck where the only ink small enough for the
// filter to take is far finer than the letters' strokes (a dark copy's
// toner beside spread stems), and a mark where it is about as fine as
// they are (a faded print's broken sắc beside thinned stems), or where
// there is no such ink at all.
func TestSpeckTone(t *testing.T) {
	word := func(stem int, piece image.Rectangle) *image.Gray {
		img := image.NewGray(image.Rect(0, 0, 80, 40))
		for i := range img.Pix {
			img.Pix[i] = 255
		}
		fill := func(r image.Rectangle) {
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					img.SetGray(x, y, color.Gray{0})
				}
			}
		}
		for _, x := range []int{10, 30, 50} { // three letters' stems
			fill(image.Rect(x, 8, x+stem, 30))
		}
		fill(piece)
		return img
	}
	box := image.Rect(0, 0, 80, 40)
	for _, c := range []struct {
		name  string
		img   *image.Gray
		speck bool
	}{
		{"a pixel's speck under stems of five", word(5, image.Rect(22, 34, 23, 35)), true},
		{"two pixels' speck under stems of five", word(5, image.Rect(22, 34, 24, 36)), true},
		{"a pixel of a broken sắc over stems of two", word(2, image.Rect(22, 3, 23, 4)), false},
		{"a dot of four under stems of five", word(5, image.Rect(22, 33, 26, 37)), false},
		{"no small ink beside stems of five", word(5, image.Rectangle{}), false},
	} {
		if got := speckTone(c.img, box); got != c.speck {
			t.Errorf("%s: speck %v, want %v", c.name, got, c.speck)
		}
	}
}
