package handwriting

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// A line of running hand stays within its width, is the same for the same
// seed, and its ink lies over the print it crosses as ink does: the print
// stays black, the paper takes the ink's colour.
func TestCursive(t *testing.T) {
	page := func() *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, 1200, 300))
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(0, 140, 1200, 160), image.Black, image.Point{}, draw.Src) // a rule of print
		return img
	}
	ink := color.RGBA{30, 50, 170, 255}
	a, b := page(), page()
	boxA := Cursive(a, rand.New(rand.NewPCG(1, 2)), 100, 150, 30, 900, ink)
	boxB := Cursive(b, rand.New(rand.NewPCG(1, 2)), 100, 150, 30, 900, ink)
	if boxA.Empty() || boxA != boxB {
		t.Fatalf("boxes %v and %v: want one, not empty, for one seed", boxA, boxB)
	}
	if boxA.Min.X < 100-10 || boxA.Max.X > 100+900+10 {
		t.Errorf("box %v reaches outside x 100–1000", boxA)
	}
	blue := 0
	for y := boxA.Min.Y; y < boxA.Max.Y; y++ {
		for x := boxA.Min.X; x < boxA.Max.X; x++ {
			c := a.RGBAAt(x, y)
			switch {
			case y >= 140 && y < 160 && c != (color.RGBA{0, 0, 0, 255}):
				t.Fatalf("the print under the ink at (%d, %d) is %v, not black", x, y, c)
			case c == ink:
				blue++
			}
		}
	}
	if blue < 1000 {
		t.Errorf("%d pixels of ink on the paper; want a line of writing", blue)
	}
}
